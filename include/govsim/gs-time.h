/* gs-time.h — simulated time, calendar dates and ISO 8601 durations.
 *
 * Simulated time is a signed 64-bit count of minutes since 1970-01-01T00:00
 * in the proleptic Gregorian calendar, with no time zones and no leap
 * seconds: a governance calendar cares about days, and an integer clock keeps
 * event ordering exact.  The engine only ever compares and adds GsTime values;
 * conversion to and from calendar dates happens at the edges (loader, writers).
 *
 * Durations follow ISO 8601 (PnYnMnWnDTnHnM).  Years and months are calendar
 * units: adding P1M to 31 January gives the last day of February.  Repeated
 * intervals are computed from the origin (first + k × every), never by
 * chaining additions, so a monthly meeting that starts on the 31st comes back
 * to the 31st whenever the month has one.
 */
#pragma once

#include <glib.h>
#include <govsim/gs-limits.h>

G_BEGIN_DECLS

/** Minutes since 1970-01-01T00:00 (proleptic Gregorian, no zones). */
typedef gint64 GsTime;

#define GS_MINUTES_PER_DAY ((GsTime)1440)
/** A time that is never reached: "no deadline", "no next meeting". */
#define GS_TIME_NEVER G_MAXINT64
/** Size of a buffer that holds "YYYY-MM-DD" and its terminator. */
#define GS_DATE_BUF 16

/** An ISO 8601 duration, kept in its calendar parts. */
typedef struct
{
  gint32 years;        /* calendar years */
  gint32 months;       /* calendar months */
  gint32 days;         /* days (weeks are folded in as 7 days) */
  gint64 minutes;      /* hours and minutes, as minutes */
  gint32 working_days; /* "PnWD": working days in England and Wales (see
                          gs-workdays.h); never mixed with the others */
} GsDuration;

#define GS_TIME_ERROR (gs_time_error_quark ())
GQuark gs_time_error_quark (void);

typedef enum
{
  GS_TIME_ERROR_INVALID, /* text is not a valid date or duration */
  GS_TIME_ERROR_RANGE,   /* valid syntax, value outside the supported range */
} GsTimeError;

/* Supported calendar years (see gs-limits.h). */
#define GS_YEAR_MIN GS_LIMIT_YEAR_MIN
#define GS_YEAR_MAX GS_LIMIT_YEAR_MAX

/**
 * gs_time_from_civil:
 * Returns the time of 00:00 on the given calendar day.  @month is 1..12 and
 * @day is 1..days-in-month; callers validate first (see gs_date_parse()).
 */
GsTime gs_time_from_civil (int year, int month, int day);

/** Splits @t into its calendar day (time of day is discarded). */
void gs_time_to_civil (GsTime t, int *year, int *month, int *day);

/** Number of days in @month of @year (leap years per the Gregorian rule). */
int gs_days_in_month (int year, int month);

/**
 * gs_date_parse:
 * Parses "YYYY-MM-DD" into the time of 00:00 that day.  Rejects impossible
 * days (2023-02-29), years outside GS_YEAR_MIN..GS_YEAR_MAX and trailing text.
 */
gboolean gs_date_parse (const char *text, GsTime *out, GError **error);

/** Writes @t as "YYYY-MM-DD" into @buf and returns @buf. */
char *gs_time_format_date (GsTime t, char buf[GS_DATE_BUF]);

/**
 * gs_duration_parse:
 * Parses an ISO 8601 duration such as "P14D", "P1M", "P2Y", "P1Y6M",
 * "P2W", "PT90M" or "P1DT12H".  Every component is a non-negative integer;
 * at least one component must be present; "P" alone and "PT" alone are
 * rejected, as are fractions and signs.  One form is govsim's own, not
 * ISO 8601: "PnWD", n working days (weekends and the bank holidays of
 * England and Wales skipped), which stands alone.
 */
gboolean gs_duration_parse (const char *text, GsDuration *out, GError **error);

/** TRUE when every part of @d is zero. */
gboolean gs_duration_is_zero (const GsDuration *d);

/**
 * gs_time_add:
 * Returns @t advanced by @times × @d.  Years and months are added first, as
 * calendar months, with the day of month clamped to the month's last day;
 * then days and minutes.  Because the multiple is applied before clamping,
 * gs_time_add (jan31, P1M, 2) is 31 March, not 28 March.  Working days
 * step over weekends and bank holidays (gs_workday_add()).
 */
GsTime gs_time_add (GsTime t, const GsDuration *d, gint64 times);

/** Whole and fractional days from @from to @to. */
double gs_time_days_between (GsTime from, GsTime to);

G_END_DECLS

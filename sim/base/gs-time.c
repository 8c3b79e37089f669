/* gs-time.c — calendar arithmetic, date and ISO 8601 duration parsing.
 *
 * GsTime counts minutes from 1970-01-01T00:00 in the proleptic Gregorian
 * calendar.  The conversion between a day count and (year, month, day) is
 * done here with integer arithmetic only (no mktime, timegm or GDateTime),
 * so it has no time zone, no locale and no dependence on the C library's
 * idea of the calendar.  The method is the one Howard Hinnant describes in
 * "chrono-Compatible Low-Level Date Algorithms": count years from 1 March,
 * so that the leap day is the last day of its year and the other month
 * lengths follow a fixed pattern, and count those years in 400-year eras of
 * exactly 146097 days.  Both directions use floor division, so days before
 * 1970 need no special case.
 *
 * The parsers are strict on purpose: scenario files are written by people,
 * and a date such as "2024-1-5" or a duration such as "P1H" is far more
 * likely a typing mistake than an intention, so it is reported, never
 * guessed at.  Every duration component is capped (years at 1000, the others
 * at comparable spans) so that a parsed duration fits its fields and its
 * conversion to minutes cannot overflow.
 *
 * Workload: parsing happens while a scenario loads; gs_time_add() runs once
 * per recurring event scheduled, so it is O(1) and never allocates.
 */
#include <govsim/gs-time.h>
#include <govsim/gs-workdays.h>

#include <string.h>

GQuark
gs_time_error_quark (void)
{
  return g_quark_from_static_string ("gs-time-error-quark");
}

/* Days from 0000-03-01 to 1970-01-01 in the proleptic Gregorian calendar:
 * the offset between the March-based era count and GsTime's epoch. */
#define DAYS_0000_03_01_TO_EPOCH 719468
#define DAYS_PER_ERA             146097 /* 400 × 365 + 97 leap days */

/* Caps on duration components: see gs-limits.h for why these values. */
#define MAX_YEARS   GS_LIMIT_DURATION_YEARS
#define MAX_MONTHS  GS_LIMIT_DURATION_MONTHS
#define MAX_WEEKS   GS_LIMIT_DURATION_WEEKS
#define MAX_DAYS    GS_LIMIT_DURATION_DAYS
#define MAX_HOURS   GS_LIMIT_DURATION_HOURS
#define MAX_MINUTES GS_LIMIT_DURATION_MINUTES

static gint64
floor_div (gint64 a, gint64 b)
{
  /* C division truncates towards zero; times before 1970 need floor. */
  gint64 q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

static gboolean
is_leap_year (gint64 year)
{
  return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

/* Days from 1970-01-01 to the given day (negative before it).  The
 * intermediate products stay below 2^63 for |year| up to about 2.5e16, far
 * beyond any int year. */
static gint64
days_from_civil (gint64 year, int month, int day)
{
  /* January and February belong to the previous March-based year. */
  gint64 y = month <= 2 ? year - 1 : year;
  gint64 era = floor_div (y, 400);
  gint64 year_of_era = y - era * 400; /* 0..399 */
  /* Month index from March (0) to February (11); 153 days per 5 months
   * (31, 30, 31, 30, 31) reproduces the month starts exactly. */
  int mp = month > 2 ? month - 3 : month + 9;
  gint64 day_of_year = (153 * mp + 2) / 5 + day - 1; /* 0..365 */
  gint64 day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100
                      + day_of_year; /* 0..146096 */
  return era * DAYS_PER_ERA + day_of_era - DAYS_0000_03_01_TO_EPOCH;
}

/* Inverse of days_from_civil(). */
static void
civil_from_days (gint64 days, gint64 *year, int *month, int *day)
{
  gint64 z = days + DAYS_0000_03_01_TO_EPOCH;
  gint64 era = floor_div (z, DAYS_PER_ERA);
  gint64 day_of_era = z - era * DAYS_PER_ERA; /* 0..146096 */
  /* Turn the day count into whole 365-day years by taking out the leap days
   * before it: one per completed four-year cycle (1460 days), given back
   * once per completed century (36524 days), and taken out again on the
   * era's last day (146096), the 400-year leap day. */
  gint64 year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524
                        - day_of_era / 146096)
                       / 365; /* 0..399 */
  gint64 day_of_year = day_of_era
                       - (365 * year_of_era + year_of_era / 4
                          - year_of_era / 100); /* 0..365 */
  int mp = (int)((5 * day_of_year + 2) / 153);  /* 0 = March..11 = February */
  *day = (int)(day_of_year - (153 * mp + 2) / 5 + 1);
  *month = mp < 10 ? mp + 3 : mp - 9;
  *year = era * 400 + year_of_era + (*month <= 2 ? 1 : 0);
}

static int
days_in_month (gint64 year, int month)
{
  static const int lengths[12]
      = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  if (month == 2 && is_leap_year (year))
    return 29;
  return lengths[month - 1];
}

int
gs_days_in_month (int year, int month)
{
  g_return_val_if_fail (month >= 1 && month <= 12, 0);
  return days_in_month (year, month);
}

/* Any int year is accepted: the arithmetic is exact there and the result is
 * at most about 1.1e15 minutes from the epoch.  An invalid month or day is a
 * caller's bug (gs_date_parse() validates first) and returns 0. */
GsTime
gs_time_from_civil (int year, int month, int day)
{
  g_return_val_if_fail (month >= 1 && month <= 12, 0);
  g_return_val_if_fail (day >= 1 && day <= days_in_month (year, month), 0);
  return days_from_civil (year, month, day) * GS_MINUTES_PER_DAY;
}

/* A time whose year does not fit in an int (GS_TIME_NEVER is one) has no
 * calendar day to report: that is a caller's bug, logged as a critical, and
 * the year is clamped so the outputs are still defined. */
void
gs_time_to_civil (GsTime t, int *year, int *month, int *day)
{
  gint64 y;

  g_return_if_fail (year != NULL && month != NULL && day != NULL);
  civil_from_days (floor_div (t, GS_MINUTES_PER_DAY), &y, month, day);
  *year = (int)CLAMP (y, G_MININT, G_MAXINT);
  g_return_if_fail (y >= G_MININT && y <= G_MAXINT);
}

char *
gs_time_format_date (GsTime t, char buf[GS_DATE_BUF])
{
  int year, month, day;

  g_return_val_if_fail (buf != NULL, NULL);
  gs_time_to_civil (t, &year, &month, &day);
  g_snprintf (buf, GS_DATE_BUF, "%04d-%02d-%02d", year, month, day);
  return buf;
}

/* Reads exactly @n ASCII digits; FALSE if any of them is not a digit. */
static gboolean
read_digits (const char *p, int n, int *out)
{
  int value = 0;
  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return FALSE;
      value = value * 10 + (p[i] - '0');
    }
  *out = value;
  return TRUE;
}

/* The offending text as an error quotes it: whole when short, else its
 * first GS_LIMIT_ECHO characters (cut on a UTF-8 boundary) and "...", so
 * that a 100,000-digit value is not echoed back whole.  (transfer full) */
static char *
echo (const char *text)
{
  gsize len = strlen (text);
  if (len <= GS_LIMIT_ECHO)
    return g_strdup (text);
  const char *cut = text + GS_LIMIT_ECHO;
  /* Back to the start of a character, if the cut falls inside one. */
  while (cut > text && ((guchar)*cut & 0xC0) == 0x80)
    cut--;
  return g_strdup_printf ("%.*s...", (int)(cut - text), text);
}

/* Errors name the offending text so that a loader message such as
 * "board.xml:12: '2024-1-5' is not a date in YYYY-MM-DD form" points straight
 * at the typo.  The loader adds the file and line with g_prefix_error(). */
gboolean
gs_date_parse (const char *text, GsTime *out, GError **error)
{
  int year, month, day;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* strlen is checked first, so the fixed offsets below never read past the
   * terminator. */
  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-'
      || !read_digits (text, 4, &year) || !read_digits (text + 5, 2, &month)
      || !read_digits (text + 8, 2, &day))
    {
      g_autofree char *shown = echo (text);
      g_set_error (error, GS_TIME_ERROR, GS_TIME_ERROR_INVALID,
                   "'%s' is not a date in YYYY-MM-DD form", shown);
      return FALSE;
    }
  if (month < 1 || month > 12 || day < 1 || day > days_in_month (year, month))
    {
      g_autofree char *shown = echo (text);
      g_set_error (error, GS_TIME_ERROR, GS_TIME_ERROR_INVALID,
                   "'%s' is not a calendar date", shown);
      return FALSE;
    }
  if (year < GS_YEAR_MIN || year > GS_YEAR_MAX)
    {
      g_autofree char *shown = echo (text);
      g_set_error (error, GS_TIME_ERROR, GS_TIME_ERROR_RANGE,
                   "'%s' is outside the supported years %d to %d", shown,
                   GS_YEAR_MIN, GS_YEAR_MAX);
      return FALSE;
    }
  *out = gs_time_from_civil (year, month, day);
  return TRUE;
}

/* One designator of the duration grammar, in the order ISO 8601 requires. */
typedef struct
{
  char letter;      /* designator as written: Y, M, W, D, H or M */
  gboolean time;    /* TRUE for the components after 'T' */
  gint64 max;       /* largest accepted value */
  const char *unit; /* plural noun for range errors */
} DurationField;

static const DurationField duration_fields[] = {
  { 'Y', FALSE, MAX_YEARS, "years" }, { 'M', FALSE, MAX_MONTHS, "months" },
  { 'W', FALSE, MAX_WEEKS, "weeks" }, { 'D', FALSE, MAX_DAYS, "days" },
  { 'H', TRUE, MAX_HOURS, "hours" },  { 'M', TRUE, MAX_MINUTES, "minutes" },
};

enum
{
  FIELD_YEARS,
  FIELD_MONTHS,
  FIELD_WEEKS,
  FIELD_DAYS,
  FIELD_HOURS,
  FIELD_MINUTES,
  N_FIELDS
};

static gboolean
duration_invalid (GError **error, const char *text, const char *why)
{
  g_autofree char *shown = echo (text);
  g_set_error (error, GS_TIME_ERROR, GS_TIME_ERROR_INVALID,
               "'%s' is not a duration: write P, then a number and a "
               "unit, such as P14D (14 days), P2W (2 weeks), P1M (1 month), "
               "P1Y6M, PT90M (90 minutes) or P10WD (10 working days): %s",
               shown, why);
  return FALSE;
}

/* "PnWD": n working days.  Returns FALSE when @text is not of that shape
 * (the ISO grammar then applies); TRUE when it is, with *@end NULL and
 * @error set if n is out of range. */
static gboolean
parse_working_days (const char *text, GsDuration *out, GError **error,
                    const char **end)
{
  const char *p = text + 1;
  gint64 value = 0;
  while (g_ascii_isdigit (*p))
    {
      if (value <= GS_LIMIT_DURATION_WORKING_DAYS)
        value = value * 10 + (*p - '0');
      p++;
    }
  if (p == text + 1 || p[0] != 'W' || p[1] != 'D' || p[2] != '\0')
    return FALSE;
  if (value > GS_LIMIT_DURATION_WORKING_DAYS)
    {
      g_autofree char *shown = echo (text);
      g_set_error (error, GS_TIME_ERROR, GS_TIME_ERROR_RANGE,
                   "'%s' is too long a duration: at most %d working days",
                   shown, GS_LIMIT_DURATION_WORKING_DAYS);
      *end = NULL;
      return TRUE;
    }
  *out = (GsDuration){ .working_days = (gint32)value };
  *end = p;
  return TRUE;
}

/* Grammar: 'P' [nY] [nM] [nW] [nD] ['T' [nH] [nM]], each n one or more ASCII
 * digits, at least one component overall and at least one after a 'T'.  The
 * parser walks the designators in order and never goes back, which rejects
 * repeats and disorder with the same rule.  Nothing is written to @out
 * unless the whole text is valid. */
gboolean
gs_duration_parse (const char *text, GsDuration *out, GError **error)
{
  gint64 values[N_FIELDS] = { 0 };
  const char *p;
  int next_field = 0; /* first designator still allowed */
  gboolean in_time = FALSE;
  gboolean any = FALSE;
  gboolean any_time = FALSE;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (text[0] == '-' || text[0] == '+')
    return duration_invalid (error, text, "signs are not allowed");
  if (text[0] != 'P')
    return duration_invalid (error, text, "it must start with 'P'");

  p = text + 1;
  if (parse_working_days (text, out, error, &p))
    return p != NULL;
  while (*p != '\0')
    {
      gint64 value = 0;
      const char *digits = p;
      int field;

      if (*p == 'T')
        {
          if (in_time)
            return duration_invalid (error, text, "'T' appears twice");
          in_time = TRUE;
          next_field = FIELD_HOURS;
          p++;
          continue;
        }
      /* Stop accumulating once past the largest cap, so a long run of
       * digits cannot overflow; the value stays above every cap and the
       * digits are still consumed. */
      while (g_ascii_isdigit (*p))
        {
          if (value <= MAX_MINUTES)
            value = value * 10 + (*p - '0');
          p++;
        }
      if (p == digits)
        {
          if (*p == '-' || *p == '+')
            return duration_invalid (error, text, "signs are not allowed");
          return duration_invalid (error, text,
                                   "each designator needs a number before it");
        }
      if (*p == '.' || *p == ',')
        return duration_invalid (error, text,
                                 "only whole numbers are supported");
      if (*p == '\0')
        return duration_invalid (error, text,
                                 "the last number has no designator");

      for (field = 0; field < N_FIELDS; field++)
        if (duration_fields[field].letter == *p
            && duration_fields[field].time == in_time)
          break;
      if (field == N_FIELDS)
        {
          if (*p == 'H' && !in_time)
            return duration_invalid (error, text,
                                     "hours need a 'T' before them");
          if ((*p == 'Y' || *p == 'W' || *p == 'D') && in_time)
            return duration_invalid (error, text,
                                     "years, weeks and days go before 'T'");
          if (*p == 'S')
            return duration_invalid (error, text, "seconds are not supported");
          return duration_invalid (error, text,
                                   "unknown designator (designators are "
                                   "upper case Y, M, W, D, T, H, M)");
        }
      if (field < next_field)
        return duration_invalid (error, text,
                                 "designators must appear at most once, in "
                                 "the order Y M W D T H M");
      if (value > duration_fields[field].max)
        {
          g_autofree char *shown = echo (text);
          g_set_error (
              error, GS_TIME_ERROR, GS_TIME_ERROR_RANGE,
              "'%s' is too long a duration: at most %" G_GINT64_FORMAT " %s",
              shown, duration_fields[field].max, duration_fields[field].unit);
          return FALSE;
        }
      values[field] = value;
      next_field = field + 1;
      any = TRUE;
      any_time = any_time || in_time;
      p++;
    }

  if (!any)
    return duration_invalid (error, text, "it has no components");
  if (in_time && !any_time)
    return duration_invalid (error, text,
                             "'T' must be followed by hours or minutes");

  out->years = (gint32)values[FIELD_YEARS];
  out->months = (gint32)values[FIELD_MONTHS];
  out->days = (gint32)(values[FIELD_WEEKS] * 7 + values[FIELD_DAYS]);
  out->minutes = values[FIELD_HOURS] * 60 + values[FIELD_MINUTES];
  out->working_days = 0;
  return TRUE;
}

gboolean
gs_duration_is_zero (const GsDuration *d)
{
  g_return_val_if_fail (d != NULL, TRUE);
  return d->years == 0 && d->months == 0 && d->days == 0 && d->minutes == 0
         && d->working_days == 0;
}

/* Beyond the documented rule: GS_TIME_NEVER plus anything is GS_TIME_NEVER,
 * and a result that GsTime cannot hold (or whose year does not fit in an int)
 * is also GS_TIME_NEVER — a time that cannot be represented is a time that
 * is never reached.  @times may be negative to step backwards. */
GsTime
gs_time_add (GsTime t, const GsDuration *d, gint64 times)
{
  gint64 months, day_minutes, minutes;
  GsTime result = t;

  g_return_val_if_fail (d != NULL, GS_TIME_NEVER);

  if (t == GS_TIME_NEVER)
    return GS_TIME_NEVER;

  /* 12 × G_MAXINT32 + G_MAXINT32 fits in gint64, so only the product by
   * @times can overflow.  Multiplying before clamping is what makes
   * jan31 + 2 × P1M land on 31 March. */
  if (__builtin_mul_overflow ((gint64)d->years * 12 + d->months, times,
                              &months))
    return GS_TIME_NEVER;
  if (months != 0)
    {
      gint64 year, month_index;
      int month, day, last;
      /* Remainder rather than t − day × 1440, which can overflow for t near
       * G_MININT64. */
      gint64 time_of_day = t % GS_MINUTES_PER_DAY;

      if (time_of_day < 0)
        time_of_day += GS_MINUTES_PER_DAY;
      civil_from_days (floor_div (t, GS_MINUTES_PER_DAY), &year, &month, &day);
      /* Count months from year 0 so one floor division yields both the new
       * year and the new month, in either direction.  |year| < 2e13 for any
       * GsTime, so only adding @months can overflow. */
      month_index = year * 12 + (month - 1);
      if (__builtin_add_overflow (month_index, months, &month_index))
        return GS_TIME_NEVER;
      year = floor_div (month_index, 12);
      if (year < G_MININT || year > G_MAXINT)
        return GS_TIME_NEVER;
      month = (int)(month_index - year * 12) + 1;
      last = days_in_month (year, month);
      day = MIN (day, last);
      result = days_from_civil (year, month, day) * GS_MINUTES_PER_DAY
               + time_of_day;
    }

  if (__builtin_mul_overflow ((gint64)d->days, times, &day_minutes)
      || __builtin_mul_overflow (day_minutes, GS_MINUTES_PER_DAY, &day_minutes)
      || __builtin_add_overflow (result, day_minutes, &result)
      || __builtin_mul_overflow (d->minutes, times, &minutes)
      || __builtin_add_overflow (result, minutes, &result))
    return GS_TIME_NEVER;
  if (d->working_days != 0)
    {
      /* Counted a day at a time: past a hundred times the longest
       * duration the parser takes, the time is never reached. */
      gint64 wd;
      if (__builtin_mul_overflow ((gint64)d->working_days, times, &wd)
          || wd > 100 * GS_LIMIT_DURATION_WORKING_DAYS
          || wd < -100 * GS_LIMIT_DURATION_WORKING_DAYS)
        return GS_TIME_NEVER;
      result = gs_workday_add (result, wd);
    }
  return result;
}

/* Exact whenever to − from fits in a gint64, which covers every pair of
 * supported dates; otherwise computed in floating point, never overflowing. */
double
gs_time_days_between (GsTime from, GsTime to)
{
  gint64 diff;

  if (__builtin_sub_overflow (to, from, &diff))
    return ((double)to - (double)from) / (double)GS_MINUTES_PER_DAY;
  return (double)diff / (double)GS_MINUTES_PER_DAY;
}

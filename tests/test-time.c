/* test-time.c — the calendar, the date and duration parsers, gs_time_add().
 *
 * Expected day counts are counted by hand from well-known anchors (the
 * epoch, 400-year eras of 146097 days, month lengths) and were confirmed
 * independently with Python's datetime.date.toordinal(); each test says how
 * its numbers arise.  Error tests check the domain and code, and that the
 * message quotes the offending text, not the exact wording.
 */
#include <govsim/gs-time.h>

#include "base/gs-time-cache.h"

#include <string.h>

#include "gs-test.h"

#define DAY GS_MINUTES_PER_DAY

static GsTime
date (const char *text)
{
  g_autoptr (GError) error = NULL;
  GsTime t = 0;
  gboolean ok = gs_date_parse (text, &t, &error);
  CU_ASSERT_TRUE (ok);
  CU_ASSERT_PTR_NULL (error);
  return t;
}

static GsDuration
duration (const char *text)
{
  g_autoptr (GError) error = NULL;
  GsDuration d = { 0 };
  gboolean ok = gs_duration_parse (text, &d, &error);
  CU_ASSERT_TRUE (ok);
  CU_ASSERT_PTR_NULL (error);
  return d;
}

static void
assert_date (GsTime t, const char *expected)
{
  char buf[GS_DATE_BUF];
  CU_ASSERT_STRING_EQUAL (gs_time_format_date (t, buf), expected);
}

static void
test_time_known_day_counts (void)
{
  /* Hand counts: 2000-01-01 is day 10957 (946684800 s / 86400), and March 1
   * follows 31 + 29 days later.  2024-01-01 is day 19723 (1704067200 s /
   * 86400); 29 February is 31 + 28 days after it.  1900-01-01 is day −25567
   * (−2208988800 s / 86400), and 1900 has no 29 February (divisible by 100,
   * not by 400), so 1 March is 31 + 28 days later.  2400-01-01 is one
   * 400-year era (146097 days) after 2000-01-01; 2400 is a leap year
   * (divisible by 400) and its 29 February is 31 + 28 days after 1 January.
   */
  static const struct
  {
    int y, m, d;
    gint64 days;
  } cases[] = {
    { 1970, 1, 1, 0 },
    { 1969, 12, 31, -1 },
    { 2000, 3, 1, 10957 + 31 + 29 },
    { 2024, 1, 1, 19723 },
    { 2024, 2, 29, 19723 + 31 + 28 },
    { 2024, 3, 1, 19723 + 31 + 29 },
    { 1900, 1, 1, -25567 },
    { 1900, 3, 1, -25567 + 31 + 28 },
    { 2400, 2, 29, 10957 + 146097 + 31 + 28 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int y, m, d;
      GsTime t = gs_time_from_civil (cases[i].y, cases[i].m, cases[i].d);
      CU_ASSERT_EQUAL (t, cases[i].days * DAY);
      gs_time_to_civil (t, &y, &m, &d);
      CU_ASSERT_EQUAL (y, cases[i].y);
      CU_ASSERT_EQUAL (m, cases[i].m);
      CU_ASSERT_EQUAL (d, cases[i].d);
    }
}

static void
test_time_days_in_month (void)
{
  /* The Gregorian rule: every 4th year, except centuries, except every 4th
   * century. */
  CU_ASSERT_EQUAL (gs_days_in_month (1900, 2), 28);
  CU_ASSERT_EQUAL (gs_days_in_month (2000, 2), 29);
  CU_ASSERT_EQUAL (gs_days_in_month (2023, 2), 28);
  CU_ASSERT_EQUAL (gs_days_in_month (2024, 2), 29);
  CU_ASSERT_EQUAL (gs_days_in_month (2100, 2), 28);
  CU_ASSERT_EQUAL (gs_days_in_month (2400, 2), 29);
  CU_ASSERT_EQUAL (gs_days_in_month (2024, 1), 31);
  CU_ASSERT_EQUAL (gs_days_in_month (2024, 4), 30);
  CU_ASSERT_EQUAL (gs_days_in_month (2024, 12), 31);
}

static void
test_time_round_trip_every_day (void)
{
  /* Walks every day of 1900..2500, checking that consecutive days are
   * exactly one day apart and that each converts back to itself.  The total
   * is checked by hand: 601 years × 365 days plus 146 leap days (151 years
   * divisible by 4 in 1900..2500, less 1900, 2100, 2200, 2300 and 2500) is
   * 219511 days. */
  GsTime start = gs_time_from_civil (1900, 1, 1);
  GsTime expected = start;
  gboolean all_ok = TRUE;

  for (int y = 1900; y <= 2500; y++)
    for (int m = 1; m <= 12; m++)
      for (int d = 1; d <= gs_days_in_month (y, m); d++)
        {
          int y2, m2, d2;
          GsTime t = gs_time_from_civil (y, m, d);
          gs_time_to_civil (t, &y2, &m2, &d2);
          /* One assertion per day would flood the report; collect. */
          if (t != expected || y2 != y || m2 != m || d2 != d)
            all_ok = FALSE;
          /* The middle of the day maps to the same calendar day. */
          gs_time_to_civil (t + DAY / 2, &y2, &m2, &d2);
          if (y2 != y || m2 != m || d2 != d)
            all_ok = FALSE;
          expected += DAY;
        }
  CU_ASSERT_TRUE (all_ok);
  CU_ASSERT_EQUAL (expected - start, (GsTime)219511 * DAY);
  CU_ASSERT_EQUAL (gs_time_from_civil (2501, 1, 1), expected);
}

static void
test_time_negative_time_of_day (void)
{
  /* One minute before the epoch is 23:59 on 1969-12-31: conversion must
   * floor, not truncate towards zero. */
  int y, m, d;
  gs_time_to_civil (-1, &y, &m, &d);
  CU_ASSERT_EQUAL (y, 1969);
  CU_ASSERT_EQUAL (m, 12);
  CU_ASSERT_EQUAL (d, 31);
  gs_time_to_civil (-DAY, &y, &m, &d);
  CU_ASSERT_EQUAL (d, 31);
  gs_time_to_civil (-DAY - 1, &y, &m, &d);
  CU_ASSERT_EQUAL (d, 30);
}

static void
test_time_date_parse_valid (void)
{
  /* Day counts as in test_time_known_day_counts. */
  CU_ASSERT_EQUAL (date ("1970-01-01"), 0);
  CU_ASSERT_EQUAL (date ("2024-02-29"), (GsTime)19782 * DAY);
  CU_ASSERT_EQUAL (date ("1900-01-01"), (GsTime)-25567 * DAY);
  CU_ASSERT_EQUAL (date ("2500-12-31"), gs_time_from_civil (2500, 12, 31));
  CU_ASSERT_EQUAL (date ("2400-02-29"), gs_time_from_civil (2400, 2, 29));
}

static void
test_time_date_parse_invalid (void)
{
  static const struct
  {
    const char *text;
    int code;
  } cases[] = {
    { "2023-02-29", GS_TIME_ERROR_INVALID }, /* 2023 is not a leap year */
    { "1900-02-29", GS_TIME_ERROR_INVALID }, /* nor is 1900 */
    { "2024-04-31", GS_TIME_ERROR_INVALID },
    { "2024-13-01", GS_TIME_ERROR_INVALID },
    { "2024-00-10", GS_TIME_ERROR_INVALID },
    { "2024-01-00", GS_TIME_ERROR_INVALID },
    { "2024-1-5", GS_TIME_ERROR_INVALID },
    { "2024-01-5", GS_TIME_ERROR_INVALID },
    { "24-01-05", GS_TIME_ERROR_INVALID },
    { "02024-01-05", GS_TIME_ERROR_INVALID },
    { "2024-01-01x", GS_TIME_ERROR_INVALID },
    { "2024-01-01 ", GS_TIME_ERROR_INVALID },
    { " 2024-01-01", GS_TIME_ERROR_INVALID },
    { "2024-01-01T00:00", GS_TIME_ERROR_INVALID },
    { "2024/01/01", GS_TIME_ERROR_INVALID },
    { "20240101", GS_TIME_ERROR_INVALID },
    { "+024-01-01", GS_TIME_ERROR_INVALID },
    { "2024-0a-01", GS_TIME_ERROR_INVALID },
    { "", GS_TIME_ERROR_INVALID },
    { "1899-12-31", GS_TIME_ERROR_RANGE },
    { "2501-01-01", GS_TIME_ERROR_RANGE },
    { "0000-01-01", GS_TIME_ERROR_RANGE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      GsTime t = 12345;
      CU_ASSERT_FALSE (gs_date_parse (cases[i].text, &t, &error));
      CU_ASSERT_EQUAL (t, 12345); /* untouched on failure */
      CU_ASSERT_PTR_NOT_NULL_FATAL (error);
      CU_ASSERT_TRUE (g_error_matches (error, GS_TIME_ERROR, cases[i].code));
      CU_ASSERT_PTR_NOT_NULL (strstr (error->message, cases[i].text));
      if (!g_error_matches (error, GS_TIME_ERROR, cases[i].code))
        fprintf (stderr, "\n  '%s': %s\n", cases[i].text, error->message);
    }
}

static void
test_time_date_error_message (void)
{
  /* The one place the wording itself matters: it is what users read. */
  g_autoptr (GError) error = NULL;
  GsTime t;
  CU_ASSERT_FALSE (gs_date_parse ("2023-02-29", &t, &error));
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  CU_ASSERT_STRING_EQUAL (error->message,
                          "'2023-02-29' is not a calendar date");
}

static void
test_time_format_date (void)
{
  char buf[GS_DATE_BUF];
  assert_date (0, "1970-01-01");
  assert_date (-1, "1969-12-31");
  assert_date ((GsTime)19782 * DAY + 600, "2024-02-29");
  assert_date (gs_time_from_civil (1900, 1, 1), "1900-01-01");
  assert_date (gs_time_from_civil (2500, 12, 31), "2500-12-31");
  /* Returns the buffer it was given. */
  CU_ASSERT_PTR_EQUAL (gs_time_format_date (0, buf), buf);
}

static void
test_time_duration_parse_valid (void)
{
  /* Expected parts by reading the designators: weeks fold into 7 days,
   * hours into 60 minutes. */
  static const struct
  {
    const char *text;
    gint32 years, months, days;
    gint64 minutes;
  } cases[] = {
    { "P14D", 0, 0, 14, 0 },
    { "P1M", 0, 1, 0, 0 },
    { "P2Y", 2, 0, 0, 0 },
    { "P1Y6M", 1, 6, 0, 0 },
    { "P2W", 0, 0, 14, 0 },
    { "PT90M", 0, 0, 0, 90 },
    { "P1DT12H", 0, 0, 1, 720 },
    { "PT1H30M", 0, 0, 0, 90 },
    { "P1Y2M3W4DT5H6M", 1, 2, 25, 306 },
    { "P1W1D", 0, 0, 8, 0 },
    { "P007D", 0, 0, 7, 0 },
    { "P0D", 0, 0, 0, 0 },
    { "PT0M", 0, 0, 0, 0 },
    /* The caps themselves are accepted. */
    { "P1000Y", 1000, 0, 0, 0 },
    { "P12000M", 0, 12000, 0, 0 },
    { "P400000W", 0, 0, 2800000, 0 },
    { "P400000D", 0, 0, 400000, 0 },
    { "PT9600000H", 0, 0, 0, 576000000 },
    { "PT576000000M", 0, 0, 0, 576000000 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GsDuration d = duration (cases[i].text);
      CU_ASSERT_EQUAL (d.years, cases[i].years);
      CU_ASSERT_EQUAL (d.months, cases[i].months);
      CU_ASSERT_EQUAL (d.days, cases[i].days);
      CU_ASSERT_EQUAL (d.minutes, cases[i].minutes);
    }
}

static void
test_time_duration_parse_invalid (void)
{
  static const struct
  {
    const char *text;
    int code;
  } cases[] = {
    { "", GS_TIME_ERROR_INVALID },
    { "P", GS_TIME_ERROR_INVALID },
    { "PT", GS_TIME_ERROR_INVALID },
    { "P1DT", GS_TIME_ERROR_INVALID },
    { "P1H", GS_TIME_ERROR_INVALID },  /* hours need the T */
    { "PT1D", GS_TIME_ERROR_INVALID }, /* days go before the T */
    { "PT1W", GS_TIME_ERROR_INVALID },
    { "p1d", GS_TIME_ERROR_INVALID },
    { "P1d", GS_TIME_ERROR_INVALID },
    { "Pt1H", GS_TIME_ERROR_INVALID },
    { "P1D1D", GS_TIME_ERROR_INVALID },
    { "P1Y1Y", GS_TIME_ERROR_INVALID },
    { "PT1M1M", GS_TIME_ERROR_INVALID },
    { "P1D1M", GS_TIME_ERROR_INVALID },
    { "P1M1Y", GS_TIME_ERROR_INVALID },
    { "P1D1W", GS_TIME_ERROR_INVALID },
    { "PT1M1H", GS_TIME_ERROR_INVALID },
    { "PT1HT1M", GS_TIME_ERROR_INVALID },
    { "P1.5D", GS_TIME_ERROR_INVALID },
    { "P1,5D", GS_TIME_ERROR_INVALID },
    { "-P1D", GS_TIME_ERROR_INVALID },
    { "+P1D", GS_TIME_ERROR_INVALID },
    { "P-1D", GS_TIME_ERROR_INVALID },
    { "P+1D", GS_TIME_ERROR_INVALID },
    { "PD", GS_TIME_ERROR_INVALID },
    { "P1", GS_TIME_ERROR_INVALID },
    { "14D", GS_TIME_ERROR_INVALID },
    { "PT30S", GS_TIME_ERROR_INVALID },
    { "P1DX", GS_TIME_ERROR_INVALID },
    { " P1D", GS_TIME_ERROR_INVALID },
    { "P1D ", GS_TIME_ERROR_INVALID },
    { "P1 D", GS_TIME_ERROR_INVALID },
    { "P1001Y", GS_TIME_ERROR_RANGE },
    { "P12001M", GS_TIME_ERROR_RANGE },
    { "P400001W", GS_TIME_ERROR_RANGE },
    { "P400001D", GS_TIME_ERROR_RANGE },
    { "PT9600001H", GS_TIME_ERROR_RANGE },
    { "PT576000001M", GS_TIME_ERROR_RANGE },
    /* Far beyond 2^64: must be refused, not wrapped. */
    { "P99999999999999999999999999D", GS_TIME_ERROR_RANGE },
    { "P18446744073709551617Y", GS_TIME_ERROR_RANGE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      GsDuration d = { 1, 2, 3, 4, 0 };
      CU_ASSERT_FALSE (gs_duration_parse (cases[i].text, &d, &error));
      /* Untouched on failure. */
      CU_ASSERT_TRUE (d.years == 1 && d.months == 2 && d.days == 3
                      && d.minutes == 4);
      CU_ASSERT_PTR_NOT_NULL_FATAL (error);
      CU_ASSERT_TRUE (g_error_matches (error, GS_TIME_ERROR, cases[i].code));
      CU_ASSERT_PTR_NOT_NULL (strstr (error->message, cases[i].text));
      if (!g_error_matches (error, GS_TIME_ERROR, cases[i].code))
        fprintf (stderr, "\n  '%s': %s\n", cases[i].text, error->message);
    }
}

static void
test_time_duration_is_zero (void)
{
  GsDuration zero = duration ("P0D");
  GsDuration zero_time = duration ("PT0H0M");
  GsDuration one_minute = duration ("PT1M");
  GsDuration one_month = duration ("P1M");
  CU_ASSERT_TRUE (gs_duration_is_zero (&zero));
  CU_ASSERT_TRUE (gs_duration_is_zero (&zero_time));
  CU_ASSERT_FALSE (gs_duration_is_zero (&one_minute));
  CU_ASSERT_FALSE (gs_duration_is_zero (&one_month));
}

static void
test_time_add_month_clamps (void)
{
  /* February 2024 has 29 days, February 2023 has 28. */
  GsDuration p1m = duration ("P1M");
  assert_date (gs_time_add (date ("2024-01-31"), &p1m, 1), "2024-02-29");
  assert_date (gs_time_add (date ("2023-01-31"), &p1m, 1), "2023-02-28");
  assert_date (gs_time_add (date ("2024-03-31"), &p1m, 1), "2024-04-30");
  assert_date (gs_time_add (date ("2024-12-15"), &p1m, 1), "2025-01-15");
  /* Multiply, then clamp: two months from 31 January is 31 March, although
   * chaining two P1M additions would give 28 or 29 March. */
  assert_date (gs_time_add (date ("2023-01-31"), &p1m, 2), "2023-03-31");
  assert_date (
      gs_time_add (gs_time_add (date ("2023-01-31"), &p1m, 1), &p1m, 1),
      "2023-03-28");
}

static void
test_time_add_monthly_from_origin (void)
{
  /* A meeting on the 31st, repeated as first + k × P1M: it returns to the
   * 31st in every month that has one and falls on the last day of the
   * others (month lengths of 2023, hand-listed). */
  static const char *const expected[] = {
    "2023-01-31", "2023-02-28", "2023-03-31", "2023-04-30", "2023-05-31",
    "2023-06-30", "2023-07-31", "2023-08-31", "2023-09-30", "2023-10-31",
    "2023-11-30", "2023-12-31", "2024-01-31", "2024-02-29",
  };
  GsDuration p1m = duration ("P1M");
  GsTime first = date ("2023-01-31");

  for (gsize k = 0; k < G_N_ELEMENTS (expected); k++)
    assert_date (gs_time_add (first, &p1m, (gint64)k), expected[k]);
}

static void
test_time_add_year_from_leap_day (void)
{
  /* 2025 has no 29 February: clamped to the 28th.  Four years on, 2028 is a
   * leap year and the 29th comes back. */
  GsDuration p1y = duration ("P1Y");
  assert_date (gs_time_add (date ("2024-02-29"), &p1y, 1), "2025-02-28");
  assert_date (gs_time_add (date ("2024-02-29"), &p1y, 4), "2028-02-29");
  /* P1Y6M is 18 months: from 31 August 2023 to February 2025, which has
   * 28 days. */
  GsDuration p1y6m = duration ("P1Y6M");
  assert_date (gs_time_add (date ("2023-08-31"), &p1y6m, 1), "2025-02-28");
}

static void
test_time_add_days_and_minutes (void)
{
  GsTime t = date ("2024-02-20");
  GsDuration p2w = duration ("P2W");
  GsDuration pt90m = duration ("PT90M");
  GsDuration p1dt12h = duration ("P1DT12H");
  GsDuration p14d = duration ("P14D");

  /* Two weeks are fourteen days, across 29 February: 20 + 14 − 29 = 5 March.
   */
  CU_ASSERT_EQUAL (gs_time_add (t, &p2w, 1), t + 14 * DAY);
  CU_ASSERT_EQUAL (gs_time_add (t, &p14d, 1), gs_time_add (t, &p2w, 1));
  assert_date (gs_time_add (t, &p2w, 1), "2024-03-05");
  /* 90 minutes is 1 h 30. */
  CU_ASSERT_EQUAL (gs_time_add (t, &pt90m, 1), t + 90);
  CU_ASSERT_EQUAL (gs_time_add (t, &pt90m, 3), t + 270);
  /* One day and twelve hours: 1440 + 720 = 2160 minutes. */
  CU_ASSERT_EQUAL (gs_time_add (t, &p1dt12h, 1), t + 2160);
  /* Zero repetitions leave the time alone. */
  CU_ASSERT_EQUAL (gs_time_add (t, &p1dt12h, 0), t);
}

static void
test_time_add_keeps_time_of_day (void)
{
  /* 10:30 on 31 January plus a month is 10:30 on the clamped day. */
  GsDuration p1m = duration ("P1M");
  GsTime t = date ("2024-01-31") + 10 * 60 + 30;
  CU_ASSERT_EQUAL (gs_time_add (t, &p1m, 1),
                   date ("2024-02-29") + 10 * 60 + 30);
  /* Same before the epoch, where the day count is negative. */
  t = date ("1960-01-31") + 23 * 60 + 59;
  CU_ASSERT_EQUAL (gs_time_add (t, &p1m, 1),
                   date ("1960-02-29") + 23 * 60 + 59);
}

static void
test_time_add_backwards (void)
{
  /* Negative repetitions step back, with the same clamping. */
  GsDuration p1m = duration ("P1M");
  GsDuration p14d = duration ("P14D");
  assert_date (gs_time_add (date ("2024-03-31"), &p1m, -1), "2024-02-29");
  assert_date (gs_time_add (date ("2024-01-15"), &p1m, -1), "2023-12-15");
  assert_date (gs_time_add (date ("2024-01-15"), &p1m, -13), "2022-12-15");
  assert_date (gs_time_add (date ("2024-03-05"), &p14d, -1), "2024-02-20");
}

static void
test_time_add_never_and_overflow (void)
{
  GsDuration p1d = duration ("P1D");
  GsDuration p1m = duration ("P1M");
  GsTime t = date ("2024-01-01");
  CU_ASSERT_EQUAL (gs_time_add (GS_TIME_NEVER, &p1d, 1), GS_TIME_NEVER);
  CU_ASSERT_EQUAL (gs_time_add (GS_TIME_NEVER, &p1m, 1), GS_TIME_NEVER);
  /* Results GsTime cannot hold saturate to "never" instead of wrapping. */
  CU_ASSERT_EQUAL (gs_time_add (t, &p1d, G_MAXINT64), GS_TIME_NEVER);
  CU_ASSERT_EQUAL (gs_time_add (t, &p1d, G_MININT64), GS_TIME_NEVER);
  CU_ASSERT_EQUAL (gs_time_add (t, &p1m, G_MAXINT64), GS_TIME_NEVER);
  CU_ASSERT_EQUAL (gs_time_add (t, &p1m, G_MAXINT64 / 2), GS_TIME_NEVER);
  CU_ASSERT_EQUAL (gs_time_add (G_MININT64 + 1, &p1m, -1), GS_TIME_NEVER);
}

static void
test_time_days_between (void)
{
  /* January (31) and February 2024 (29) make 60 days. */
  GsTime jan1 = date ("2024-01-01");
  GsTime mar1 = date ("2024-03-01");
  GS_ASSERT_NEAR (gs_time_days_between (jan1, mar1), 60.0, 0.0);
  GS_ASSERT_NEAR (gs_time_days_between (mar1, jan1), -60.0, 0.0);
  GS_ASSERT_NEAR (gs_time_days_between (jan1, jan1 + 720), 0.5, 0.0);
  GS_ASSERT_NEAR (gs_time_days_between (jan1, jan1 - 2160), -1.5, 0.0);
  GS_ASSERT_NEAR (gs_time_days_between (jan1, jan1), 0.0, 0.0);
  /* 1900-01-01 to 2500-12-31: 219511 − 1 days (see the round-trip test). */
  GS_ASSERT_NEAR (
      gs_time_days_between (date ("1900-01-01"), date ("2500-12-31")), 219510.0,
      0.0);
  /* Extreme operands do not overflow. */
  CU_ASSERT_TRUE (gs_time_days_between (G_MININT64, GS_TIME_NEVER) > 0.0);
}

static void
test_time_error_quark (void)
{
  CU_ASSERT_NOT_EQUAL (GS_TIME_ERROR, 0);
  CU_ASSERT_STRING_EQUAL (g_quark_to_string (GS_TIME_ERROR),
                          "gs-time-error-quark");
}

/* The cached sum against gs_time_add() itself, for every 5 hours and 7
 * minutes from 1999 to 2031 (every day of the month and time of day, leap
 * years, the clamped 29th to 31st), with durations of months, years, days
 * and minutes, forwards and backwards, used in order and out of order;
 * and at the ends of the range, where gs_time_add() overflows. */
static void
test_time_add_cached_matches (void)
{
  static const char *const texts[]
      = { "P1M", "P2M",   "P3M",     "P1Y",  "P1Y1M", "P1M3DT5H",
          "P7D", "PT90M", "P13M29D", "P5WD", "P10WD" };
  static const gint64 multiples[] = { 1, -1, 3 };
  GsTime from = gs_time_from_civil (1999, 1, 1);
  GsTime to = gs_time_from_civil (2031, 1, 1);
  guint checked = 0;
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    for (guint j = 0; j < G_N_ELEMENTS (multiples); j++)
      {
        GsDuration d;
        CU_ASSERT_FATAL (gs_duration_parse (texts[i], &d, NULL));
        GsAddCache cache = { 0 };
        for (GsTime t = from; t < to; t += 5 * 60 + 7)
          {
            GsTime want = gs_time_add (t, &d, multiples[j]);
            if (gs__time_add_cached (&cache, t, &d, multiples[j]) != want)
              {
                CU_FAIL ("cached sum differs");
                return;
              }
            /* Out of order: a time a fortnight back, through the span
             * left by the one after it. */
            GsTime back = t - 14 * GS_MINUTES_PER_DAY - 13;
            if (gs__time_add_cached (&cache, back, &d, multiples[j])
                != gs_time_add (back, &d, multiples[j]))
              {
                CU_FAIL ("cached sum differs out of order");
                return;
              }
            checked++;
          }
      }
  CU_ASSERT (checked > 1000000);
  /* Working days over Easter and then over the spring bank holiday, by
   * hand from the England and Wales calendar of 2025: Monday 14 April +
   * 5 working days skips Good Friday (18th), the weekend and Easter Monday
   * (21st): 15, 16, 17, 22, 23 April, 9 days.  Monday 19 May + 5 skips the
   * weekend and Monday 26 May: 20, 21, 22, 23, 27 May, 8 days.  One cache
   * for both must not reuse the first offset for the second. */
  {
    GsDuration wd;
    CU_ASSERT_FATAL (gs_duration_parse ("P5WD", &wd, NULL));
    GsAddCache wdc = { 0 };
    CU_ASSERT_EQUAL (
        gs__time_add_cached (&wdc, gs_time_from_civil (2025, 4, 14), &wd, 1),
        gs_time_from_civil (2025, 4, 23));
    CU_ASSERT_EQUAL (
        gs__time_add_cached (&wdc, gs_time_from_civil (2025, 5, 19), &wd, 1),
        gs_time_from_civil (2025, 5, 27));
  }
  /* Never stays never; far times are not cached but still right. */
  GsDuration m;
  CU_ASSERT_FATAL (gs_duration_parse ("P1M", &m, NULL));
  GsAddCache cache = { 0 };
  CU_ASSERT_EQUAL (gs__time_add_cached (&cache, GS_TIME_NEVER, &m, 1),
                   GS_TIME_NEVER);
  CU_ASSERT_EQUAL (gs__time_add_cached (&cache, G_MAXINT64 - 10, &m, 1),
                   gs_time_add (G_MAXINT64 - 10, &m, 1));
  GsDuration w;
  CU_ASSERT_FATAL (gs_duration_parse ("P7D", &w, NULL));
  GsAddCache wc = { 0 }, wb = { 0 };
  CU_ASSERT_EQUAL (gs__time_add_cached (&wc, 0, &w, 1), 7 * GS_MINUTES_PER_DAY);
  CU_ASSERT_EQUAL (gs__time_add_cached (&wb, 0, &w, -1),
                   -7 * GS_MINUTES_PER_DAY);
  GsTime ends[]
      = { G_MAXINT64 - 10, G_MININT64 + 10, G_MAXINT64 / 2, -(G_MAXINT64 / 2) };
  for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
    {
      CU_ASSERT_EQUAL (gs__time_add_cached (&wc, ends[i], &w, 1),
                       gs_time_add (ends[i], &w, 1));
      CU_ASSERT_EQUAL (gs__time_add_cached (&wb, ends[i], &w, -1),
                       gs_time_add (ends[i], &w, -1));
    }
}

static const GsTestCase cases[] = {
  { "test_time_known_day_counts", test_time_known_day_counts },
  { "test_time_days_in_month", test_time_days_in_month },
  { "test_time_round_trip_every_day", test_time_round_trip_every_day },
  { "test_time_negative_time_of_day", test_time_negative_time_of_day },
  { "test_time_date_parse_valid", test_time_date_parse_valid },
  { "test_time_date_parse_invalid", test_time_date_parse_invalid },
  { "test_time_date_error_message", test_time_date_error_message },
  { "test_time_format_date", test_time_format_date },
  { "test_time_duration_parse_valid", test_time_duration_parse_valid },
  { "test_time_duration_parse_invalid", test_time_duration_parse_invalid },
  { "test_time_duration_is_zero", test_time_duration_is_zero },
  { "test_time_add_month_clamps", test_time_add_month_clamps },
  { "test_time_add_monthly_from_origin", test_time_add_monthly_from_origin },
  { "test_time_add_year_from_leap_day", test_time_add_year_from_leap_day },
  { "test_time_add_days_and_minutes", test_time_add_days_and_minutes },
  { "test_time_add_keeps_time_of_day", test_time_add_keeps_time_of_day },
  { "test_time_add_backwards", test_time_add_backwards },
  { "test_time_add_never_and_overflow", test_time_add_never_and_overflow },
  { "test_time_days_between", test_time_days_between },
  { "test_time_error_quark", test_time_error_quark },
  { "test_time_add_cached_matches", test_time_add_cached_matches },
  { NULL, NULL },
};

int
main (void)
{
  return gs_test_run ("time", cases);
}

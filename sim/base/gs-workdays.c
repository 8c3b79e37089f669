/* gs-workdays.c — the bank holidays of England and Wales, and counting
 * working days with them.
 *
 * The table below is the list of bank holidays in England and Wales
 * published by the UK government at https://www.gov.uk/bank-holidays (the
 * "england-and-wales" division), for the years 2018 to 2027 inclusive,
 * including the one-off days (8 May 2020 moved for VE Day, 3 June 2022 for
 * the Platinum Jubilee, 19 September 2022 for the State Funeral, 8 May 2023
 * for the Coronation) and the substitute days given when a holiday falls at
 * a weekend.  Extending it: append the next years in order, move
 * GS_WORKDAY_YEAR_LAST in gs-workdays.h and add a test for one of the new
 * days in tests/test-procedures.c.
 *
 * Each day is kept as the integer YYYYMMDD, sorted, and found by binary
 * search: about 80 entries, so a lookup is seven comparisons.  The weekday
 * comes from the day count (1970-01-01 was a Thursday).
 */
#include <govsim/gs-workdays.h>

#include <stdlib.h>

static const gint32 bank_holidays[] = {
  /* 2018 */
  20180101,
  20180330,
  20180402,
  20180507,
  20180528,
  20180827,
  20181225,
  20181226,
  /* 2019 */
  20190101,
  20190419,
  20190422,
  20190506,
  20190527,
  20190826,
  20191225,
  20191226,
  /* 2020: early May moved to Friday 8 May (VE Day); Boxing Day substitute */
  20200101,
  20200410,
  20200413,
  20200508,
  20200525,
  20200831,
  20201225,
  20201228,
  /* 2021: Christmas and Boxing Day substitutes */
  20210101,
  20210402,
  20210405,
  20210503,
  20210531,
  20210830,
  20211227,
  20211228,
  /* 2022: New Year substitute; spring moved to 2 June, Platinum Jubilee
   * 3 June; State Funeral 19 September; Christmas substitute 27 December */
  20220103,
  20220415,
  20220418,
  20220502,
  20220602,
  20220603,
  20220829,
  20220919,
  20221226,
  20221227,
  /* 2023: New Year substitute; Coronation 8 May */
  20230102,
  20230407,
  20230410,
  20230501,
  20230508,
  20230529,
  20230828,
  20231225,
  20231226,
  /* 2024 */
  20240101,
  20240329,
  20240401,
  20240506,
  20240527,
  20240826,
  20241225,
  20241226,
  /* 2025 */
  20250101,
  20250418,
  20250421,
  20250505,
  20250526,
  20250825,
  20251225,
  20251226,
  /* 2026: Boxing Day substitute */
  20260101,
  20260403,
  20260406,
  20260504,
  20260525,
  20260831,
  20261225,
  20261228,
  /* 2027: Christmas and Boxing Day substitutes */
  20270101,
  20270326,
  20270329,
  20270503,
  20270531,
  20270830,
  20271227,
  20271228,
};

static gint32
ymd_of (GsTime t)
{
  int y, m, d;
  gs_time_to_civil (t, &y, &m, &d);
  return y * 10000 + m * 100 + d;
}

gboolean
gs_workday_covered (GsTime t)
{
  if (t == GS_TIME_NEVER)
    return FALSE;
  gint32 ymd = ymd_of (t);
  return ymd >= GS_WORKDAY_YEAR_FIRST * 10000 + 101
         && ymd <= GS_WORKDAY_YEAR_LAST * 10000 + 1231;
}

static int
compare_ymd (const void *a, const void *b)
{
  gint32 x = *(const gint32 *)a, y = *(const gint32 *)b;
  return (x > y) - (x < y);
}

gboolean
gs_workday_bank_holiday (GsTime t)
{
  if (t == GS_TIME_NEVER)
    return FALSE;
  gint32 key = ymd_of (t);
  return bsearch (&key, bank_holidays, G_N_ELEMENTS (bank_holidays),
                  sizeof bank_holidays[0], compare_ymd)
         != NULL;
}

/* Monday 0 .. Sunday 6 of the day of @t. */
static int
weekday_of (GsTime t)
{
  gint64 day = t >= 0 ? t / GS_MINUTES_PER_DAY
                      : -((-t + GS_MINUTES_PER_DAY - 1) / GS_MINUTES_PER_DAY);
  gint64 w = (day + 3) % 7; /* 1970-01-01 was a Thursday */
  return (int)(w < 0 ? w + 7 : w);
}

gboolean
gs_workday_is (GsTime t)
{
  return weekday_of (t) < 5 && !gs_workday_bank_holiday (t);
}

GsTime
gs_workday_add (GsTime t, gint64 n)
{
  if (t == GS_TIME_NEVER)
    return GS_TIME_NEVER;
  GsTime step = n >= 0 ? GS_MINUTES_PER_DAY : -GS_MINUTES_PER_DAY;
  for (gint64 left = n >= 0 ? n : -n; left > 0;)
    {
      t += step;
      if (gs_workday_is (t))
        left--;
    }
  return t;
}

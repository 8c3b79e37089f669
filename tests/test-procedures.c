/* test-procedures.c — the procedures terms of reference use: notice and
 * time limits in working days (weekends and the bank holidays of England
 * and Wales skipped), and how the loader words a bad duration.
 *
 * Every scenario is fully determined (probabilities 0 or 1), so each
 * expectation is worked out by hand, with a calendar, in the comment above
 * it.  Dates used: Good Friday 2024 is 29 March and Easter Monday 1 April
 * (gov.uk); 27 March 2024 is a Wednesday.
 */
#include "gs-test-scenario.h"

#include <govsim/gs-loader.h>
#include <govsim/gs-workdays.h>

#include <string.h>

/* A scenario starting @start with organisation oa and matter m; @rest is
 * everything else.  The <scenario> element is on line 1, the organisation
 * on line 2, the matter on line 3, and @rest begins on line 4. */
static char *
scenario_xml (const char *start, const char *horizon, const char *rest)
{
  return g_strdup_printf (
      "<scenario xmlns='urn:govsim:scenario:1' name='t' start='%s' "
      "horizon='%s'>\n"
      "<organisation id='oa' name='A' kind='nhs-trust'/>\n"
      "<matter id='m' name='Matter'/>\n%s\n</scenario>\n",
      start, horizon, rest);
}

/* The loader's message for @xml, which must not load.  (transfer full) */
static char *
load_error (const char *xml)
{
  g_autoptr (GError) error = NULL;
  GsScenario *s = gs_loader_load_bytes (xml, strlen (xml), "inline", &error);
  CU_ASSERT_PTR_NULL (s);
  if (s != NULL)
    gs_scenario_free (s);
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  return g_strdup (error->message);
}

static gboolean
contains (const char *haystack, const char *needle)
{
  gboolean found = strstr (haystack, needle) != NULL;
  if (!found)
    fprintf (stderr, "\n  '%s' not in: %s\n", needle, haystack);
  return found;
}

/* ---- the table and the counting ----------------------------------------- */

/* Days read off the gov.uk list: the Easter, one-off and substitute days
 * are holidays; the days either side of them are not. */
static void
test_procedures_bank_holidays (void)
{
  static const char *const holidays[] = {
    "2018-01-01", "2020-05-08", "2020-12-28", "2022-06-03", "2022-09-19",
    "2023-05-08", "2024-03-29", "2024-04-01", "2026-12-28", "2027-12-28"
  };
  static const char *const ordinary[]
      = { "2020-05-04", "2022-05-30", "2024-03-28",
          "2024-04-02", "2026-12-26", "2025-12-24" };
  for (gsize i = 0; i < G_N_ELEMENTS (holidays); i++)
    {
      CU_ASSERT_TRUE (gs_workday_bank_holiday (gs_test_day (holidays[i])));
      CU_ASSERT_FALSE (gs_workday_is (gs_test_day (holidays[i])));
    }
  for (gsize i = 0; i < G_N_ELEMENTS (ordinary); i++)
    CU_ASSERT_FALSE (gs_workday_bank_holiday (gs_test_day (ordinary[i])));
  /* Weekends: 2024-03-30 is a Saturday, 2024-03-31 a Sunday. */
  CU_ASSERT_FALSE (gs_workday_is (gs_test_day ("2024-03-30")));
  CU_ASSERT_FALSE (gs_workday_is (gs_test_day ("2024-03-31")));
  CU_ASSERT_TRUE (gs_workday_is (gs_test_day ("2024-03-28")));
  /* The table's years. */
  CU_ASSERT_TRUE (gs_workday_covered (gs_test_day ("2018-01-01")));
  CU_ASSERT_TRUE (gs_workday_covered (gs_test_day ("2027-12-31")));
  CU_ASSERT_FALSE (gs_workday_covered (gs_test_day ("2017-12-31")));
  CU_ASSERT_FALSE (gs_workday_covered (gs_test_day ("2028-01-01")));
}

/* Counting by hand over Easter 2024: one working day after Wednesday 27
 * March is Thursday 28 (the working day before the bank holiday); one
 * after Thursday 28 skips Good Friday, the weekend and Easter Monday and
 * is Tuesday 2 April; two after it, Wednesday 3 April.  Backwards, one
 * before Tuesday 2 April is Thursday 28 March.  Ten after Monday
 * 2024-12-16: 17, 18, 19, 20, 23, 24, 27, 30, 31 December, 2 January. */
static void
test_procedures_workday_add (void)
{
  GsTime wed = gs_test_day ("2024-03-27");
  GsTime thu = gs_test_day ("2024-03-28");
  CU_ASSERT_EQUAL (gs_workday_add (wed, 1), thu);
  CU_ASSERT_EQUAL (gs_workday_add (thu, 1), gs_test_day ("2024-04-02"));
  CU_ASSERT_EQUAL (gs_workday_add (thu, 2), gs_test_day ("2024-04-03"));
  CU_ASSERT_EQUAL (gs_workday_add (gs_test_day ("2024-04-02"), -1), thu);
  CU_ASSERT_EQUAL (gs_workday_add (thu, 0), thu);
  CU_ASSERT_EQUAL (gs_workday_add (gs_test_day ("2024-12-16"), 10),
                   gs_test_day ("2025-01-02"));
  CU_ASSERT_EQUAL (gs_workday_add (GS_TIME_NEVER, 3), GS_TIME_NEVER);
  /* Through the duration parser and gs_time_add, at 09:30. */
  GsDuration d;
  CU_ASSERT_TRUE_FATAL (gs_duration_parse ("P2WD", &d, NULL));
  CU_ASSERT_EQUAL (d.working_days, 2);
  CU_ASSERT_EQUAL (d.days, 0);
  CU_ASSERT_FALSE (gs_duration_is_zero (&d));
  CU_ASSERT_EQUAL (gs_time_add (thu + 570, &d, 1),
                   gs_test_day ("2024-04-03") + 570);
  CU_ASSERT_TRUE (gs_duration_parse ("P0WD", &d, NULL));
  CU_ASSERT_TRUE (gs_duration_is_zero (&d));
}

/* Working days stand alone and are capped. */
static void
test_procedures_workday_parse_bad (void)
{
  static const char *const bad[] = { "P1W2WD", "PWD", "P2WDT1H", "P1001WD" };
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      GsDuration d = { 0 };
      CU_ASSERT_FALSE (gs_duration_parse (bad[i], &d, &error));
      CU_ASSERT_PTR_NOT_NULL (error);
    }
}

/* ---- notice in working days in a run ------------------------------------ */

/* A committee meets on Tuesdays from 2 April 2024 (2, 9 April) with
 * notice P2WD: an item is on a meeting's agenda if the meeting is on or
 * after the second working day after it arrived.  Everyone supports.
 *   x1 arrives Wednesday 27 March: +2 working days = Thursday 28 March,
 *      Tuesday 2 April: on the agenda of 2 April, approved then;
 *   x2 arrives Thursday 28 March, the working day before Good Friday:
 *      +2 = Tuesday 2, Wednesday 3 April: misses 2 April, approved on
 *      9 April.
 * With notice P2D (calendar days) both would be approved on 2 April. */
static GsScenario *
notice_scenario (const char *notice)
{
  g_autofree char *rest = g_strdup_printf (
      "<person id='p1' org='oa' role='chair'/>"
      "<committee id='k' name='K' org='oa'><member person='p1'/>"
      "<meets first='2024-04-02' every='P7D' capacity='5' notice='%s'/>"
      "</committee>"
      "<proposal id='x1' title='X1' matter='m' lead='oa' "
      "arrives='2024-03-27' body='k'/>"
      "<proposal id='x2' title='X2' matter='m' lead='oa' "
      "arrives='2024-03-28' body='k'/>"
      "<stance support='1'/>",
      notice);
  g_autofree char *xml = scenario_xml ("2024-03-01", "P2M", rest);
  return gs_test_load_inline (xml);
}

static void
test_procedures_notice_working_days (void)
{
  g_autoptr (GsScenario) s = notice_scenario ("P2WD");
  g_autoptr (GsRun) run = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);
  CU_ASSERT_EQUAL_FATAL (gs_run_n_cases (run), 2);
  CU_ASSERT_EQUAL (gs_run_get_case (run, 0)->state, GS_CASE_APPROVED);
  CU_ASSERT_EQUAL (gs_run_get_case (run, 0)->decided,
                   gs_test_day ("2024-04-02"));
  CU_ASSERT_EQUAL (gs_run_get_case (run, 1)->state, GS_CASE_APPROVED);
  CU_ASSERT_EQUAL (gs_run_get_case (run, 1)->decided,
                   gs_test_day ("2024-04-09"));
}

/* The same with calendar days, the independent check of the difference. */
static void
test_procedures_notice_calendar_days (void)
{
  g_autoptr (GsScenario) s = notice_scenario ("P2D");
  g_autoptr (GsRun) run = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);
  CU_ASSERT_EQUAL (gs_run_get_case (run, 0)->decided,
                   gs_test_day ("2024-04-02"));
  CU_ASSERT_EQUAL (gs_run_get_case (run, 1)->decided,
                   gs_test_day ("2024-04-02"));
}

/* ---- bad input ---------------------------------------------------------- */

/* A period outside the table's years: refused at the attribute, line 4,
 * naming the years known and the period. */
static void
test_procedures_workdays_outside_table (void)
{
  g_autofree char *xml = scenario_xml (
      "2027-07-01", "P1Y",
      "<person id='p1' org='oa' role='chair'/><committee id='k' name='K' "
      "org='oa'><member person='p1'/><meets first='2027-07-06' every='P7D' "
      "capacity='5' notice='P5WD'/></committee>");
  g_autofree char *msg = load_error (xml);
  CU_ASSERT_TRUE (contains (msg, "inline:4: attribute 'notice': 'P5WD'"));
  CU_ASSERT_TRUE (contains (msg, "2018 to 2027 only"));
  CU_ASSERT_TRUE (contains (msg, "from 2027-07-01 to 2028-06-30"));
}

/* A meeting interval in working days is refused (line 4). */
static void
test_procedures_workdays_not_interval (void)
{
  g_autofree char *xml = scenario_xml (
      "2024-01-01", "P1Y",
      "<person id='p1' org='oa' role='chair'/><committee id='k' name='K' "
      "org='oa'><member person='p1'/><meets first='2024-01-02' "
      "every='P5WD' capacity='5'/></committee>");
  g_autofree char *msg = load_error (xml);
  CU_ASSERT_TRUE (contains (msg, "inline:4: attribute 'every': 'P5WD'"));
  CU_ASSERT_TRUE (contains (msg, "calendar span"));
}

/* A malformed duration is described in words, never as the schema's
 * regular expression (line 1: the scenario's horizon). */
static void
test_procedures_duration_in_words (void)
{
  g_autofree char *xml = scenario_xml ("2024-01-01", "2 weeks", "");
  g_autofree char *msg = load_error (xml);
  CU_ASSERT_TRUE (contains (msg, "inline:1:"));
  CU_ASSERT_TRUE (contains (msg, "the value '2 weeks' is not a duration"));
  CU_ASSERT_TRUE (contains (msg, "P10WD (10 working days)"));
  CU_ASSERT_PTR_NULL (strstr (msg, "[0-9]"));
  CU_ASSERT_PTR_NULL (strstr (msg, "pattern"));
}

int
main (void)
{
  static const GsTestCase cases[] = {
    { "bank_holidays", test_procedures_bank_holidays },
    { "workday_add", test_procedures_workday_add },
    { "workday_parse_bad", test_procedures_workday_parse_bad },
    { "notice_working_days", test_procedures_notice_working_days },
    { "notice_calendar_days", test_procedures_notice_calendar_days },
    { "workdays_outside_table", test_procedures_workdays_outside_table },
    { "workdays_not_interval", test_procedures_workdays_not_interval },
    { "duration_in_words", test_procedures_duration_in_words },
    { NULL, NULL },
  };
  return gs_test_run ("procedures", cases);
}

/* test-procedures.c — the procedures terms of reference use: notice and
 * time limits in working days (weekends and the bank holidays of England
 * and Wales skipped), how the loader words a bad duration, and consensus
 * first, then a majority vote.
 *
 * Every scenario is fully determined (probabilities 0 or 1), so each
 * expectation is worked out by hand, with a calendar, in the comment above
 * it.  Dates used: Good Friday 2024 is 29 March and Easter Monday 1 April
 * (gov.uk); 27 March 2024 is a Wednesday.
 */
#include "model/gs-scenario-private.h"
#include "gs-test-scenario.h"

#include <govsim/gs-checks.h>
#include <govsim/gs-loader.h>
#include <govsim/gs-report.h>
#include <govsim/gs-summary.h>
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

/* before-deadline in working days counts back from the day after the
 * deadline: deadline Friday 31 May 2024, so from Saturday 1 June back over
 * Friday 31, Thursday 30, Wednesday 29, Tuesday 28 May and, skipping the
 * spring bank holiday on Monday 27 May, Friday 24 May.  The committee's
 * first meeting (29 May) is later, so the item escalates on 24 May. */
static void
test_procedures_before_deadline_working_days (void)
{
  g_autofree char *xml = scenario_xml (
      "2024-05-01", "P2M",
      "<person id='p1' org='oa' role='chair'/>"
      "<committee id='k' name='K' org='oa'><member person='p1'/>"
      "<escalation ladder='l' before-deadline='P5WD'/>"
      "<meets first='2024-05-29' every='P1M' capacity='5'/></committee>"
      "<ladder id='l'><level decides='binding' forum='Arbitrator' "
      "within='P10D' approve='1'/></ladder>"
      "<proposal id='x' title='X' matter='m' lead='oa' body='k' "
      "arrives='2024-05-02' deadline='2024-05-31'/>"
      "<stance support='1'/>");
  g_autoptr (GsScenario) s = gs_test_load_inline (xml);
  g_autoptr (GsRun) run = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);
  const GsRecord *r = gs_test_nth_record (run, GS_REC_ESCALATED, 0);
  CU_ASSERT_PTR_NOT_NULL_FATAL (r);
  CU_ASSERT_EQUAL (r->escalated.trigger, (gint32)GS_TRIGGER_DEADLINE);
  CU_ASSERT_EQUAL (r->time, gs_test_day ("2024-05-24"));
}

/* on='not-carried': five members under an absolute majority; p1 and p2
 * support, p3-p5 always abstain.  At the meeting of 10 January 2024, 2
 * for, 0 against, 3 abstaining: 2 x 2 = 4 is not more than the 5 members,
 * so the motion is rejected, although more were for than against.  With
 * on='tie' alone (the old triggers) that ends it, rejected on 10 January;
 * with on='not-carried' it goes to the ladder that day, whose arbitrator
 * approves within 10 days. */
static GsScenario *
not_carried_scenario (const char *on)
{
  g_autofree char *rest = g_strdup_printf (
      "<person id='p1' org='oa' role='chair'/>"
      "<person id='p2' org='oa' role='ned'/>"
      "<person id='p3' org='oa' role='ned'/>"
      "<person id='p4' org='oa' role='ned'/>"
      "<person id='p5' org='oa' role='ned'/>"
      "<committee id='k' name='K' org='oa'><member person='p1'/>"
      "<member person='p2'/><member person='p3'/><member person='p4'/>"
      "<member person='p5'/><voting rule='absolute-majority'/>"
      "<escalation ladder='l' on='%s'/>"
      "<meets first='2024-01-10' every='P7D' capacity='5'/></committee>"
      "<ladder id='l'><level decides='binding' forum='Arbitrator' "
      "within='P10D' approve='1'/></ladder>"
      "<proposal id='x' title='X' matter='m' lead='oa' arrives='2024-01-02' "
      "body='k'/>"
      "<stance support='1'/><stance person='p3' support='1' abstain='1'/>"
      "<stance person='p4' support='1' abstain='1'/>"
      "<stance person='p5' support='1' abstain='1'/>",
      on);
  g_autofree char *xml = scenario_xml ("2024-01-01", "P2M", rest);
  return gs_test_load_inline (xml);
}

static void
test_procedures_not_carried_trigger (void)
{
  g_autoptr (GsScenario) tie = not_carried_scenario ("tie");
  g_autoptr (GsRun) run = gs_test_simulate (tie, 1, 0, GS_RUN_FLAGS_NONE);
  const GsRecord *r = gs_test_nth_record (run, GS_REC_REJECTED, 0);
  CU_ASSERT_PTR_NOT_NULL_FATAL (r);
  CU_ASSERT_EQUAL (r->vote.votes_for, 2);
  CU_ASSERT_EQUAL (r->vote.against, 0);
  CU_ASSERT_EQUAL (r->vote.abstain, 3);
  CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_ESCALATED), 0);
  CU_ASSERT_EQUAL (gs_run_get_case (run, 0)->state, GS_CASE_REJECTED);
  g_autofree char *trace = gs_test_trace (run);
  gs_test_expect_in (trace, "K: 'X' rejected, 2 for and 0 against, 3 "
                            "abstentions: short of the 3 votes an absolute "
                            "majority of 5 needs (8 days after arrival)\n");

  g_autoptr (GsScenario) nc = not_carried_scenario ("tie not-carried");
  g_autoptr (GsRun) run2 = gs_test_simulate (nc, 1, 0, GS_RUN_FLAGS_NONE);
  r = gs_test_nth_record (run2, GS_REC_ESCALATED, 0);
  CU_ASSERT_PTR_NOT_NULL_FATAL (r);
  CU_ASSERT_EQUAL (r->escalated.trigger, (gint32)GS_TRIGGER_NOT_CARRIED);
  CU_ASSERT_EQUAL (r->time, gs_test_day ("2024-01-10"));
  CU_ASSERT_EQUAL (gs_run_get_case (run2, 0)->state, GS_CASE_APPROVED);
  /* Not carried and sent up the ladder: not called rejected. */
  g_autofree char *trace2 = gs_test_trace (run2);
  gs_test_expect_in (trace2, "K: 'X' not carried, 2 for and 0 against, 3 "
                             "abstentions: short of the 3 votes an absolute "
                             "majority of 5 needs (8 days after arrival); it "
                             "goes to dispute resolution\n");
  CU_ASSERT_PTR_NULL (strstr (trace2, "'X' rejected"));
}

/* ---- consensus first, then a majority vote ------------------------------ */

/* Three members; p1 and p2 always support, p3 never does (so p3 objects
 * under consensus, and votes against under a majority).  Meetings on
 * Wednesdays 10, 17, 24 and 31 January 2024; x arrives 2 January.
 * @voting is the <voting> element. */
static GsScenario *
consensus_scenario (const char *voting)
{
  g_autofree char *rest = g_strdup_printf (
      "<person id='p1' org='oa' role='chair'/>"
      "<person id='p2' org='oa' role='ned'/>"
      "<person id='p3' org='oa' role='ned'/>"
      "<committee id='k' name='K' org='oa'><member person='p1'/>"
      "<member person='p2'/><member person='p3'/>%s"
      "<meets first='2024-01-10' every='P7D' capacity='5'/></committee>"
      "<proposal id='x' title='X' matter='m' lead='oa' arrives='2024-01-02' "
      "body='k'/>"
      "<stance support='1'/><stance person='p3' support='0'/>",
      voting);
  g_autofree char *xml = scenario_xml ("2024-01-01", "P1M", rest);
  return gs_test_load_inline (xml);
}

/* Consensus alone: p3 objects on 10 January, blocked, and the item is
 * rejected that day. */
static void
test_procedures_consensus_alone (void)
{
  g_autoptr (GsScenario) s = consensus_scenario ("<voting rule='consensus'/>");
  g_autoptr (GsRun) run = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);
  CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_BLOCKED), 1);
  CU_ASSERT_EQUAL (gs_run_get_case (run, 0)->state, GS_CASE_REJECTED);
  CU_ASSERT_EQUAL (gs_run_get_case (run, 0)->decided,
                   gs_test_day ("2024-01-10"));
  /* Under consensus there is no vote against, only objections: p3's one
   * objection is the "against" of the blocked record and its line. */
  const GsRecord *r = gs_test_nth_record (run, GS_REC_BLOCKED, 0);
  CU_ASSERT_PTR_NOT_NULL_FATAL (r);
  CU_ASSERT_EQUAL (r->vote.votes_for, 2);
  CU_ASSERT_EQUAL (r->vote.against, 1);
  g_autofree char *trace = gs_test_trace (run);
  gs_test_expect_in (trace, "K: 'X' blocked by p3 — no consensus, 2 for and "
                            "1 against\n");
}

/* then='simple-majority' at the same meeting: blocked on 10 January (the
 * record names p3), then at once 2 for, 1 against (p3's objection counts
 * against): 2 > 1, carried on 10 January. */
static void
test_procedures_consensus_then_majority_same (void)
{
  g_autoptr (GsScenario) s = consensus_scenario (
      "<voting rule='consensus' then='simple-majority'/>");
  g_autoptr (GsRun) run = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);
  const GsRecord *b = gs_test_nth_record (run, GS_REC_BLOCKED, 0);
  CU_ASSERT_PTR_NOT_NULL_FATAL (b);
  CU_ASSERT_EQUAL (b->time, gs_test_day ("2024-01-10"));
  CU_ASSERT_EQUAL_FATAL (b->n_refs, 1);
  CU_ASSERT_EQUAL (gs_run_record_refs (run, b)[0],
                   (guint32)gs_scenario_find_person (s, "p3"));
  const GsRecord *a = gs_test_nth_record (run, GS_REC_APPROVED, 0);
  CU_ASSERT_PTR_NOT_NULL_FATAL (a);
  CU_ASSERT_EQUAL (a->time, gs_test_day ("2024-01-10"));
  CU_ASSERT_EQUAL (a->vote.votes_for, 2);
  CU_ASSERT_EQUAL (a->vote.against, 1);
  CU_ASSERT_EQUAL (gs_run_get_case (run, 0)->state, GS_CASE_APPROVED);
  CU_ASSERT_EQUAL (gs_run_get_case (run, 0)->decided,
                   gs_test_day ("2024-01-10"));
}

/* then-at='next-meeting': blocked on 10 January, queued again; on
 * 17 January the simple majority is taken on fresh ballots, 2–1, carried:
 * decided on 17 January, with one blocked record and no second one. */
static void
test_procedures_consensus_then_majority_next (void)
{
  g_autoptr (GsScenario) s
      = consensus_scenario ("<voting rule='consensus' then='simple-majority' "
                            "then-at='next-meeting'/>");
  g_autoptr (GsRun) run = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);
  CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_BLOCKED), 1);
  const GsRecord *a = gs_test_nth_record (run, GS_REC_APPROVED, 0);
  CU_ASSERT_PTR_NOT_NULL_FATAL (a);
  CU_ASSERT_EQUAL (a->time, gs_test_day ("2024-01-17"));
  CU_ASSERT_EQUAL (a->vote.votes_for, 2);
  CU_ASSERT_EQUAL (a->vote.against, 1);
  CU_ASSERT_EQUAL (gs_run_get_case (run, 0)->state, GS_CASE_APPROVED);
  CU_ASSERT_EQUAL (gs_run_get_case (run, 0)->decided,
                   gs_test_day ("2024-01-17"));
}

/* then='qualified-majority' fraction='3/4' of the votes cast: 2 of 3 cast
 * for, 2 × 4 = 8 < 3 × 3 = 9, defeated: rejected on 10 January. */
static void
test_procedures_consensus_then_qualified (void)
{
  g_autoptr (GsScenario) s = consensus_scenario (
      "<voting rule='consensus' then='qualified-majority' fraction='3/4'/>");
  g_autoptr (GsRun) run = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);
  CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_BLOCKED), 1);
  CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_REJECTED), 1);
  CU_ASSERT_EQUAL (gs_run_get_case (run, 0)->state, GS_CASE_REJECTED);
}

/* Bad input, each on line 4 (where the committee is). */
static void
test_procedures_consensus_bad (void)
{
  static const struct
  {
    const char *voting;
    const char *message;
  } cases[] = {
    { "<voting rule='simple-majority' then='simple-majority'/>",
      "inline:4: then=\"simple-majority\" is the vote after a blocked "
      "consensus, but the rule is not consensus" },
    { "<voting rule='consensus' then-at='next-meeting'/>",
      "inline:4: then-at says when" },
    { "<voting rule='consensus' then='qualified-majority'/>",
      "inline:4: a qualified majority needs a fraction" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *rest = g_strdup_printf (
          "<person id='p1' org='oa' role='chair'/><committee id='k' name='K' "
          "org='oa'><member person='p1'/>%s<meets first='2024-01-10' "
          "every='P7D' capacity='5'/></committee>",
          cases[i].voting);
      g_autofree char *xml = scenario_xml ("2024-01-01", "P1M", rest);
      g_autofree char *msg = load_error (xml);
      CU_ASSERT_TRUE (contains (msg, cases[i].message));
    }
}

/* ---- the summary does not say "nothing was left waiting" when it was ---- */

/* One meeting a week from Wednesday 10 January 2024, room for one item;
 * x1 and x2 arrive on 2 January with a deadline of 12 January.  The
 * meeting of 10 January decides x1 (arrival order); x2 is carried for lack
 * of room and falls due on 13 January at 00:00, before the meeting of the
 * 17th, which approves it late.  Nothing was inquorate, tied or blocked,
 * yet one proposal missed its deadline: the summary must say so. */
static void
test_procedures_summary_missed_for_room (void)
{
  g_autofree char *xml = scenario_xml (
      "2024-01-01", "P1M",
      "<person id='p1' org='oa' role='chair'/>"
      "<committee id='k' name='K' org='oa'><member person='p1'/>"
      "<meets first='2024-01-10' every='P7D' capacity='1'/></committee>"
      "<proposal id='x1' title='X1' matter='m' lead='oa' "
      "arrives='2024-01-02' deadline='2024-01-12' body='k'/>"
      "<proposal id='x2' title='X2' matter='m' lead='oa' "
      "arrives='2024-01-02' deadline='2024-01-12' body='k'/>"
      "<stance support='1'/>");
  g_autoptr (GsScenario) s = gs_test_load_inline (xml);
  g_autoptr (GsRun) run = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);
  CU_ASSERT_TRUE (gs_run_get_case (run, 1)->missed);
  GsSummary *sum = gs_summary_new (run);
  g_autoptr (GString) out = g_string_new (NULL);
  gs_report_text_summary (run, sum, out);
  gs_summary_free (sum);
  CU_ASSERT_PTR_NULL (strstr (out->str, "nothing was left waiting"));
  CU_ASSERT_TRUE (contains (out->str, "1 missed a deadline"));
}

/* govsim check: a consensus joint committee of three organisations gets
 * the unanimity-many-parties warning (any one party can block); with
 * then="simple-majority" no party can, and the warning goes. */
static guint
count_finding (const char *voting, const char *rule)
{
  g_autofree char *xml = g_strdup_printf (
      "<scenario xmlns='urn:govsim:scenario:1' name='t' start='2024-01-01' "
      "horizon='P1M'>\n"
      "<organisation id='oa' name='A' kind='nhs-trust'/>"
      "<organisation id='ob' name='B' kind='nhs-trust'/>"
      "<organisation id='oc' name='C' kind='nhs-trust'/>"
      "<matter id='m' name='Matter'/>"
      "<person id='pa' org='oa' role='chair'/>"
      "<person id='pb' org='ob' role='ned'/>"
      "<person id='pc' org='oc' role='ned'/>"
      "<joint-committee id='jc' name='J' parties='oa ob oc'>"
      "<member person='pa'/><member person='pb'/><member person='pc'/>%s"
      "<meets first='2024-01-10' every='P7D' capacity='5'/>"
      "</joint-committee></scenario>",
      voting);
  g_autoptr (GsScenario) s = gs_test_load_inline (xml);
  g_autoptr (GPtrArray) findings = gs_check_scenario (s);
  guint n = 0;
  for (guint i = 0; i < findings->len; i++)
    {
      const GsFinding *f = g_ptr_array_index (findings, i);
      n += strcmp (f->rule->id, rule) == 0 ? 1 : 0;
    }
  return n;
}

static void
test_procedures_consensus_check (void)
{
  CU_ASSERT_EQUAL (
      count_finding ("<voting rule='consensus'/>", "unanimity-many-parties"),
      1);
  CU_ASSERT_EQUAL (count_finding ("<voting rule='consensus' "
                                  "then='simple-majority'/>",
                                  "unanimity-many-parties"),
                   0);
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
    { "before_deadline_working_days",
      test_procedures_before_deadline_working_days },
    { "not_carried_trigger", test_procedures_not_carried_trigger },
    { "consensus_alone", test_procedures_consensus_alone },
    { "consensus_then_majority_same",
      test_procedures_consensus_then_majority_same },
    { "consensus_then_majority_next",
      test_procedures_consensus_then_majority_next },
    { "consensus_then_qualified", test_procedures_consensus_then_qualified },
    { "consensus_bad", test_procedures_consensus_bad },
    { "consensus_check", test_procedures_consensus_check },
    { "summary_missed_for_room", test_procedures_summary_missed_for_room },
    { NULL, NULL },
  };
  return gs_test_run ("procedures", cases);
}

/* test-engine.c — the discrete-event engine on hand-worked scenarios.
 *
 * Most scenarios here are fully determined (every probability 0 or 1), so
 * the expected dates and counts are worked out by hand in the comments.
 * One statistical test checks the vote against the exact binomial value.
 */
#include "run/gs-run-private.h"
#include "gs-test-scenario.h"

#include <govsim/gs-loader.h>
#include <govsim/gs-summary.h>

#include <math.h>
#include <string.h>

/* A one-organisation scenario around a single body.  @people is the
 * <person> elements, @body the whole body element, @traffic the proposals
 * and arrival streams, @extra anything else (stances). */
static GsScenario *
scenario_new (const char *horizon, const char *people, const char *body,
              const char *traffic, const char *extra)
{
  g_autofree char *xml = g_strdup_printf (
      "<scenario xmlns='urn:govsim:scenario:1' name='t' start='2024-01-01' "
      "horizon='%s'>\n"
      "<organisation id='o' name='Org' kind='nhs-trust'/>\n"
      "<matter id='m' name='Matter'/>\n%s\n%s\n%s\n%s\n</scenario>\n",
      horizon, people, body, traffic, extra ? extra : "");
  return gs_test_load_inline (xml);
}

#define THREE_PEOPLE                                                           \
  "<person id='a' org='o' role='ned'/>"                                        \
  "<person id='b' org='o' role='ned'/>"                                        \
  "<person id='c' org='o' role='executive'/>"

/* The shipped backlog scenario, worked by hand (see its header comment).
 * Requests arrive every 10 days from 2024-04-01; the committee meets on the
 * 15th of each month and decides two items in arrival order.  So request k
 * is decided at meeting ⌈k/2⌉ (April = 1) for k ≤ 12, and 13–18 are left
 * waiting at the horizon, 2024-10-01. */
static void
test_engine_backlog_hand_worked (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GsScenario) s = gs_loader_load_file (
      GS_SCENARIO_DIR "/community-trust-backlog.xml", 0, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (s);
  g_autoptr (GsRun) run = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);

  static const char *const decided[12] = {
    "2024-04-15", "2024-04-15", "2024-05-15", "2024-05-15",
    "2024-06-15", "2024-06-15", "2024-07-15", "2024-07-15",
    "2024-08-15", "2024-08-15", "2024-09-15", "2024-09-15",
  };
  guint estates = 0;
  for (guint i = 0; i < gs_run_n_cases (run); i++)
    {
      const GsCase *c = gs_run_get_case (run, i);
      if (c->arrivals == GS_NONE)
        continue;
      guint k = c->serial; /* 1-based */
      estates++;
      CU_ASSERT_EQUAL (c->arrives, gs_test_day ("2024-04-01")
                                       + (GsTime)(k - 1) * 10 * 1440);
      if (k <= 12)
        {
          CU_ASSERT_EQUAL (c->state, GS_CASE_APPROVED);
          CU_ASSERT_EQUAL (c->decided, gs_test_day (decided[k - 1]));
        }
      else
        CU_ASSERT_EQUAL (c->state, GS_CASE_WAITING);
      /* Deadline: arrival + 45 days.  9–12 are decided 46–67 days after
       * arrival; 13 and 14 fall due (09-13, 09-23) while waiting; 15–18
       * fall due after the horizon; 1–8 are decided within 45 days (#7 on
       * its 45th day, which is in time). */
      CU_ASSERT_EQUAL (c->missed, k >= 9 && k <= 14);
    }
  CU_ASSERT_EQUAL (estates, 18);

  /* Days to decision, in serial order: 14 4 24 14 35 25 45 35 56 46 67 57.
   * Sorted: 4 14 14 24 25 35 35 45 46 56 57 67; median (35 + 35) / 2 = 35;
   * p90: h = 11 × 0.9 = 9.9, 56 + 0.9 × (57 − 56) = 56.9. */
  g_autoptr (GsSummary) sum = gs_summary_new (run);
  CU_ASSERT_EQUAL (sum->all.arrived, 19);
  CU_ASSERT_EQUAL (sum->all.approved, 12);
  CU_ASSERT_EQUAL (sum->all.pending, 7);
  CU_ASSERT_EQUAL (sum->all.missed, 7); /* six requests and the strategy */
  const GsCellStats *cell = &g_array_index (sum->cells, GsCellStats, 0);
  GS_ASSERT_NEAR (cell->o.median_days, 35.0, 1e-9);
  GS_ASSERT_NEAR (cell->o.p90_days, 56.9, 1e-9);

  /* Carried over: one item in May, two in June ... five in September. */
  const GsBodyStats *edc = &g_array_index (sum->bodies, GsBodyStats, 0);
  CU_ASSERT_EQUAL (edc->carried, 1 + 2 + 3 + 4 + 5);
  CU_ASSERT_EQUAL (edc->meetings, 6);
  /* The People Committee meets on the 20th; business from 05-02: five
   * meetings (May to September), every one inquorate. */
  const GsBodyStats *pc = &g_array_index (sum->bodies, GsBodyStats, 1);
  CU_ASSERT_EQUAL (pc->meetings, 5);
  CU_ASSERT_EQUAL (pc->inquorate, 5);
  CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_INQUORATE), 5);
}

/* Two members, one always for and one always against: 1–1, and a tie
 * fails under a simple majority. */
static void
test_engine_tie_fails (void)
{
  g_autoptr (GsScenario) s = scenario_new (
      "P1M",
      "<person id='a' org='o' role='ned'/><person id='b' org='o' role='ned'/>",
      "<committee id='k' name='C' org='o'><member person='a'/>"
      "<member person='b'/><quorum present='2'/>"
      "<meets first='2024-01-10' every='P7D' capacity='5'/></committee>",
      "<proposal id='p' title='P' matter='m' lead='o' arrives='2024-01-02' "
      "body='k'/>",
      "<stance person='a' support='1'/><stance person='b' support='0'/>");
  g_autoptr (GsRun) run = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);
  const GsCase *c = gs_run_get_case (run, 0);
  CU_ASSERT_EQUAL (c->state, GS_CASE_REJECTED);
  CU_ASSERT_EQUAL (c->decided, gs_test_day ("2024-01-10"));
  CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_TIED), 1);
  CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_REJECTED), 0);
}

/* Three members, one never attends.  Quorum 2 is met by the two present;
 * quorum 3 never is, so the item is carried weekly until the horizon. */
static void
test_engine_quorum_threshold (void)
{
  const char *people = "<person id='a' org='o' role='ned'/>"
                       "<person id='b' org='o' role='ned'/>"
                       "<person id='c' org='o' role='ned' attendance='0'/>";
  const char *traffic = "<proposal id='p' title='P' matter='m' lead='o' "
                        "arrives='2024-01-02' body='k'/>";
  for (int quorum = 2; quorum <= 3; quorum++)
    {
      g_autofree char *body = g_strdup_printf (
          "<committee id='k' name='C' org='o'><member person='a'/>"
          "<member person='b'/><member person='c'/><quorum present='%d'/>"
          "<meets first='2024-01-10' every='P7D' capacity='5'/></committee>",
          quorum);
      g_autoptr (GsScenario) s = scenario_new ("P1M", people, body, traffic,
                                               "<stance support='1'/>");
      g_autoptr (GsRun) run = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);
      const GsCase *c = gs_run_get_case (run, 0);
      if (quorum == 2)
        {
          CU_ASSERT_EQUAL (c->state, GS_CASE_APPROVED);
          CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_INQUORATE), 0);
        }
      else
        {
          /* Meetings 01-10, 17, 24, 31 fall before 2024-02-01. */
          CU_ASSERT_EQUAL (c->state, GS_CASE_WAITING);
          CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_INQUORATE), 4);
          CU_ASSERT_EQUAL (c->carried, 4);
          CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_PENDING_AT_END),
                           1);
        }
    }
}

/* Notice of 7 days before a meeting on 2024-01-10: an item that arrives on
 * 01-03 (7 days before) is on that agenda; one that arrives on 01-04 waits
 * for the next meeting, 01-17. */
static void
test_engine_notice_period (void)
{
  g_autoptr (GsScenario) s = scenario_new (
      "P1M", THREE_PEOPLE,
      "<committee id='k' name='C' org='o'><member person='a'/>"
      "<member person='b'/><member person='c'/>"
      "<meets first='2024-01-10' every='P7D' capacity='5' notice='P7D'/>"
      "</committee>",
      "<proposal id='p1' title='In time' matter='m' lead='o' "
      "arrives='2024-01-03' body='k'/>"
      "<proposal id='p2' title='Late' matter='m' lead='o' "
      "arrives='2024-01-04' body='k'/>",
      "<stance support='1'/>");
  g_autoptr (GsRun) run = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);
  CU_ASSERT_EQUAL (gs_run_get_case (run, 0)->decided,
                   gs_test_day ("2024-01-10"));
  CU_ASSERT_EQUAL (gs_run_get_case (run, 1)->decided,
                   gs_test_day ("2024-01-17"));
  /* The arrival record names the meeting each item can first reach. */
  for (guint i = 0; i < gs_run_n_records (run); i++)
    {
      const GsRecord *r = gs_run_get_record (run, i);
      if (r->kind == GS_REC_ARRIVED)
        CU_ASSERT_EQUAL (r->when, gs_run_get_case (run, r->item)->decided);
    }
}

/* A decision on the deadline day is in time; the day after is not.  The
 * committee meets on 01-10: a deadline of 01-10 is met, one of 01-09 is
 * missed, and the miss is recorded on 01-10, the first day past it. */
static void
test_engine_deadline_day_in_time (void)
{
  g_autoptr (GsScenario) s = scenario_new (
      "P1M", THREE_PEOPLE,
      "<committee id='k' name='C' org='o'><member person='a'/>"
      "<member person='b'/><member person='c'/>"
      "<meets first='2024-01-10' every='P7D' capacity='5'/></committee>",
      "<proposal id='p1' title='Due on the day' matter='m' lead='o' "
      "arrives='2024-01-02' deadline='2024-01-10' body='k'/>"
      "<proposal id='p2' title='Due the day before' matter='m' lead='o' "
      "arrives='2024-01-02' deadline='2024-01-09' body='k'/>",
      "<stance support='1'/>");
  g_autoptr (GsRun) run = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);
  CU_ASSERT_FALSE (gs_run_get_case (run, 0)->missed);
  CU_ASSERT_TRUE (gs_run_get_case (run, 1)->missed);
  CU_ASSERT_EQUAL (gs_run_get_case (run, 1)->state, GS_CASE_APPROVED);
  guint missed = 0;
  for (guint i = 0; i < gs_run_n_records (run); i++)
    {
      const GsRecord *r = gs_run_get_record (run, i);
      if (r->kind != GS_REC_DEADLINE_MISSED)
        continue;
      missed++;
      CU_ASSERT_EQUAL (r->item, 1);
      CU_ASSERT_EQUAL (r->time, gs_test_day ("2024-01-10"));
    }
  CU_ASSERT_EQUAL (missed, 1);
}

/* The horizon is exclusive: with start 2024-01-01 and horizon P1M the last
 * simulated day is 01-31, so a meeting on 02-01 is never held. */
static void
test_engine_horizon_exclusive (void)
{
  g_autoptr (GsScenario) s = scenario_new (
      "P1M", THREE_PEOPLE,
      "<committee id='k' name='C' org='o'><member person='a'/>"
      "<member person='b'/><member person='c'/>"
      "<meets first='2024-01-04' every='P28D' capacity='5'/></committee>",
      "<proposal id='p' title='P' matter='m' lead='o' arrives='2024-01-05' "
      "body='k'/>",
      "<stance support='1'/>");
  g_autoptr (GsRun) run = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);
  /* Meetings: 01-04 (no business yet), 02-01 (past the end). */
  CU_ASSERT_EQUAL (gs_run_get_case (run, 0)->state, GS_CASE_WAITING);
  CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_MEETING), 0);
  const GsRecord *last = gs_run_get_record (run, gs_run_n_records (run) - 1);
  CU_ASSERT_EQUAL (last->kind, GS_REC_PENDING_AT_END);
  CU_ASSERT_EQUAL (last->time, gs_test_day ("2024-02-01"));
}

/* Monthly meetings from 31 January land on the last day of shorter months
 * and come back to the 31st: 01-31, 02-29 (2024 is a leap year), 03-31,
 * 04-30, 05-31. */
static void
test_engine_monthly_calendar_no_drift (void)
{
  g_autoptr (GsScenario) s = scenario_new (
      "P5M", THREE_PEOPLE,
      "<committee id='k' name='C' org='o'><member person='a'/>"
      "<member person='b'/><member person='c'/>"
      "<meets first='2024-01-31' every='P1M' capacity='1'/></committee>",
      "<arrivals id='g' title='G' matter='m' lead='o' body='k' "
      "first='2024-01-01' every='P1D' count='10'/>",
      "<stance support='1'/>");
  g_autoptr (GsRun) run = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);
  static const char *const expected[]
      = { "2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30",
          "2024-05-31" };
  guint n = 0;
  for (guint i = 0; i < gs_run_n_records (run); i++)
    {
      const GsRecord *r = gs_run_get_record (run, i);
      if (r->kind != GS_REC_MEETING)
        continue;
      CU_ASSERT_FATAL (n < G_N_ELEMENTS (expected));
      CU_ASSERT_EQUAL (r->time, gs_test_day (expected[n]));
      n++;
    }
  CU_ASSERT_EQUAL (n, 5);
}

/* Five members who always attend and each support with probability 0.6;
 * a simple majority needs 3 of 5, so the approval probability is
 * Σ_{k=3..5} C(5,k) 0.6^k 0.4^(5−k) = 0.3456 + 0.2592 + 0.07776 = 0.68256.
 * With N = 20000 independent replications the standard error is
 * √(0.68256 × 0.31744 / 20000) ≈ 0.00329; we allow 4 standard errors
 * (0.0132), which a correct engine exceeds with probability ≈ 6e-5. */
static void
test_engine_approval_rate_binomial (void)
{
  g_autoptr (GsScenario) s = scenario_new (
      "P1M",
      "<person id='a' org='o' role='ned'/><person id='b' org='o' role='ned'/>"
      "<person id='c' org='o' role='ned'/><person id='d' org='o' role='ned'/>"
      "<person id='e' org='o' role='ned'/>",
      "<committee id='k' name='C' org='o'><member person='a'/>"
      "<member person='b'/><member person='c'/><member person='d'/>"
      "<member person='e'/><meets first='2024-01-10' every='P7D' "
      "capacity='5'/></committee>",
      "<proposal id='p' title='P' matter='m' lead='o' arrives='2024-01-02' "
      "body='k'/>",
      "<stance support='0.6'/>");
  const guint n = 20000;
  guint approved = 0;
  for (guint rep = 0; rep < n; rep++)
    {
      g_autoptr (GsRun) run = gs_test_simulate (s, 42, rep, GS_RUN_NO_RECORDS);
      approved += gs_run_get_case (run, 0)->state == GS_CASE_APPROVED;
    }
  GS_ASSERT_NEAR ((double)approved / n, 0.68256, 4 * 0.00329);
}

/* Invariants over many random runs of the demo: every case that arrived
 * ends approved, rejected or waiting; a decided case has exactly one
 * decision record, dated in [arrival, end); a waiting case has exactly one
 * pending record; runs without records reach the same outcomes. */
static void
test_engine_invariants_demo (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GsScenario) s = gs_loader_load_demo (&error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (s);
  for (guint64 seed = 1; seed <= 50; seed++)
    {
      g_autoptr (GsRun) run = gs_test_simulate (s, seed, 0, GS_RUN_FLAGS_NONE);
      g_autoptr (GsRun) bare = gs_test_simulate (s, seed, 0, GS_RUN_NO_RECORDS);
      guint n = gs_run_n_cases (run);
      CU_ASSERT_EQUAL_FATAL (gs_run_n_cases (bare), n);
      CU_ASSERT_EQUAL (gs_run_n_records (bare), 0);
      g_autofree guint *decisions = g_new0 (guint, n);
      g_autofree guint *pendings = g_new0 (guint, n);
      for (guint i = 0; i < gs_run_n_records (run); i++)
        {
          const GsRecord *r = gs_run_get_record (run, i);
          if (r->kind == GS_REC_APPROVED || r->kind == GS_REC_REJECTED
              || r->kind == GS_REC_TIED)
            decisions[r->item]++;
          if (r->kind == GS_REC_PENDING_AT_END)
            pendings[r->item]++;
        }
      for (guint i = 0; i < n; i++)
        {
          const GsCase *c = gs_run_get_case (run, i);
          const GsCase *b = gs_run_get_case (bare, i);
          CU_ASSERT_EQUAL (c->state, b->state);
          CU_ASSERT_EQUAL (c->decided, b->decided);
          CU_ASSERT_EQUAL (c->value, b->value);
          if (c->state == GS_CASE_WAITING)
            {
              CU_ASSERT_EQUAL (decisions[i], 0);
              CU_ASSERT_EQUAL (pendings[i], 1);
              CU_ASSERT_EQUAL (c->decided, GS_TIME_NEVER);
            }
          else
            {
              CU_ASSERT_EQUAL (decisions[i], 1);
              CU_ASSERT_EQUAL (pendings[i], 0);
              CU_ASSERT (c->decided >= c->arrives);
              CU_ASSERT (c->decided < gs_scenario_get_end (s));
            }
        }
      /* Records are in time order. */
      for (guint i = 1; i < gs_run_n_records (run); i++)
        CU_ASSERT (gs_run_get_record (run, i - 1)->time
                   <= gs_run_get_record (run, i)->time);
    }
}

/* A Poisson stream of 10 over a long period delivers all 10, at strictly
 * increasing times, and different seeds give different arrival times. */
static void
test_engine_poisson_arrivals (void)
{
  g_autoptr (GsScenario) s = scenario_new (
      "P5Y", THREE_PEOPLE,
      "<committee id='k' name='C' org='o'><member person='a'/>"
      "<member person='b'/><member person='c'/>"
      "<meets first='2024-01-10' every='P1M' capacity='20'/></committee>",
      "<arrivals id='g' title='G' matter='m' lead='o' body='k' "
      "first='2024-01-01' every='P7D' process='poisson' count='10' "
      "value='lognormal:10,0.5'/>",
      "<stance support='1'/>");
  g_autoptr (GsRun) r1 = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);
  g_autoptr (GsRun) r2 = gs_test_simulate (s, 2, 0, GS_RUN_FLAGS_NONE);
  CU_ASSERT_EQUAL_FATAL (gs_run_n_cases (r1), 10);
  CU_ASSERT_EQUAL_FATAL (gs_run_n_cases (r2), 10);
  gboolean differ = FALSE;
  for (guint i = 1; i < 10; i++)
    {
      CU_ASSERT (gs_run_get_case (r1, i)->arrives
                 > gs_run_get_case (r1, i - 1)->arrives);
      differ |= gs_run_get_case (r1, i)->arrives
                != gs_run_get_case (r2, i)->arrives;
      CU_ASSERT (gs_run_get_case (r1, i)->value > 0);
    }
  CU_ASSERT_TRUE (differ);
}

/* A run that would keep more records than its cap stops with
 * GS_RUN_ERROR_LIMIT, and the same GsRun executes again once the cap is
 * lifted: the demo keeps thousands of records, so a cap of 10 must bite. */
static void
test_engine_record_limit (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GsScenario) s = gs_loader_load_demo (&error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (s);
  g_autoptr (GsRun) run = gs_run_new (s, GS_RUN_FLAGS_NONE);
  gs_run_set_max_records (run, 10);
  CU_ASSERT_FALSE (gs_run_execute (run, 1, 0, &error));
  CU_ASSERT_TRUE (g_error_matches (error, GS_RUN_ERROR, GS_RUN_ERROR_LIMIT));
  g_clear_error (&error);
  gs_run_set_max_records (run, GS_RUN_RECORDS_MAX);
  CU_ASSERT_TRUE (gs_run_execute (run, 1, 0, &error));
  CU_ASSERT_TRUE (gs_run_n_records (run) > 10);
}

static const GsTestCase cases[] = {
  { "test_engine_backlog_hand_worked", test_engine_backlog_hand_worked },
  { "test_engine_tie_fails", test_engine_tie_fails },
  { "test_engine_quorum_threshold", test_engine_quorum_threshold },
  { "test_engine_notice_period", test_engine_notice_period },
  { "test_engine_deadline_day_in_time", test_engine_deadline_day_in_time },
  { "test_engine_horizon_exclusive", test_engine_horizon_exclusive },
  { "test_engine_monthly_calendar_no_drift",
    test_engine_monthly_calendar_no_drift },
  { "test_engine_approval_rate_binomial", test_engine_approval_rate_binomial },
  { "test_engine_invariants_demo", test_engine_invariants_demo },
  { "test_engine_poisson_arrivals", test_engine_poisson_arrivals },
  { "test_engine_record_limit", test_engine_record_limit },
  { NULL, NULL },
};

int
main (void)
{
  return gs_test_run ("engine", cases);
}

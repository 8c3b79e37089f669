/* test-pathways.c — pathways of gateways, agendas, deadlines and escalation
 * ladders, on hand-worked scenarios.
 *
 * Every scenario is fully determined: each person's support is 0 or 1 and
 * attendance is 1 unless a test says otherwise, so every date below is
 * worked out by hand from the calendars in the scenario and given in the
 * comment above the assertion.  The scenarios start on Monday 2024-01-01
 * with organisations oa and ob and one matter, m.
 */
#include "run/gs-run-private.h"
#include "gs-test-scenario.h"

#include <govsim/gs-loader.h>

/* A scenario starting 2024-01-01 with organisations oa and ob and matter m;
 * @rest is everything else. */
static GsScenario *
scenario_new (const char *rest)
{
  g_autofree char *xml = g_strdup_printf (
      "<scenario xmlns='urn:govsim:scenario:1' name='t' start='2024-01-01' "
      "horizon='P6M'>\n"
      "<organisation id='oa' name='A' kind='nhs-trust'/>\n"
      "<organisation id='ob' name='B' kind='nhs-trust'/>\n"
      "<matter id='m' name='Matter'/>\n%s\n</scenario>\n",
      rest);
  return gs_test_load_inline (xml);
}

/* A one-member committee @id of person @id-p, who supports everything when
 * @yes and nothing otherwise, meeting from @first every @every. */
static char *
committee (const char *id, gboolean yes, const char *first, const char *every)
{
  return g_strdup_printf (
      "<person id='%s-p' org='oa' role='executive'/>\n"
      "<stance person='%s-p' support='%s'/>\n"
      "<committee id='%s' name='%s' org='oa'><member person='%s-p'/>"
      "<meets first='%s' every='%s' capacity='5'/></committee>\n",
      id, id, yes ? "1" : "0", id, id, id, first, every);
}

/* A two-member committee @id whose vote always ties 1–1 (simple majority,
 * no casting vote), with the escalation clause @esc, meeting monthly from
 * @first. */
static char *
tied_committee (const char *id, const char *esc, const char *first)
{
  return g_strdup_printf (
      "<person id='%s-y' org='oa' role='executive'/>\n"
      "<person id='%s-n' org='ob' role='executive'/>\n"
      "<stance person='%s-y' support='1'/><stance person='%s-n' "
      "support='0'/>\n"
      "<committee id='%s' name='%s' org='oa'><member person='%s-y'/>"
      "<member person='%s-n'/><voting rule='simple-majority'/>%s"
      "<meets first='%s' every='P1M' capacity='5'/></committee>\n",
      id, id, id, id, id, id, id, id, esc, first);
}

static GsRun *
run_of (const GsScenario *s)
{
  GsRun *run = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);
  g_autoptr (GError) error = NULL;
  CU_ASSERT_TRUE (gs_run_check (run, &error));
  return run;
}

/* The number of vote records (approved, rejected, tied...) by body @id. */
static guint
votes_by (const GsRun *run, const char *id)
{
  int b = gs_scenario_find_body (gs_run_get_scenario (run), id);
  guint n = 0;
  for (guint i = 0; i < gs_run_n_records (run); i++)
    {
      const GsRecord *r = gs_run_get_record (run, i);
      n += r->body == (guint32)b
           && (r->kind == GS_REC_APPROVED || r->kind == GS_REC_REJECTED
               || r->kind == GS_REC_TIED || r->kind == GS_REC_BLOCKED);
    }
  return n;
}

static void
assert_case (const GsRun *run, guint i, GsCaseState state, const char *day)
{
  const GsCase *c = gs_run_get_case (run, i);
  CU_ASSERT_EQUAL (c->state, state);
  GsTime when = day == NULL ? GS_TIME_NEVER : gs_test_day (day);
  CU_ASSERT_EQUAL (c->decided, when);
}

/* ---- gateways ----------------------------------------------------------- */

/* ka meets on the 10th of each month, kb every ten days from 5 January.
 * Locked: gateway 2 opens only when ka passes on 10 January, so kb's 5
 * January meeting has nothing and kb approves on 15 January.  Unlocked:
 * both open on arrival (2 January); kb approves on 5 January, ka on 10
 * January, when the case is approved. */
static void
test_locked_and_unlocked (void)
{
  for (int locked = 0; locked < 2; locked++)
    {
      g_autofree char *ka = committee ("ka", TRUE, "2024-01-10", "P1M");
      g_autofree char *kb = committee ("kb", TRUE, "2024-01-05", "P10D");
      g_autofree char *rest = g_strdup_printf (
          "%s%s<pathway id='pw' matters='m'><gateway body='ka'/>"
          "<gateway body='kb' locked='%s'/></pathway>\n"
          "<proposal id='x' title='X' matter='m' lead='oa' "
          "arrives='2024-01-02'/>",
          ka, kb, locked ? "true" : "false");
      g_autoptr (GsScenario) s = scenario_new (rest);
      g_autoptr (GsRun) run = run_of (s);
      const GsRecord *open2 = gs_test_nth_record (run, GS_REC_GATE_OPEN, 1);
      CU_ASSERT_PTR_NOT_NULL_FATAL (open2);
      CU_ASSERT_EQUAL (open2->gate.gateway, 1);
      const GsRecord *kb_vote
          = gs_test_nth_record (run, GS_REC_APPROVED, locked);
      CU_ASSERT_PTR_NOT_NULL_FATAL (kb_vote);
      CU_ASSERT_EQUAL (kb_vote->body, (guint32)gs_scenario_find_body (s, "kb"));
      if (locked)
        {
          CU_ASSERT_EQUAL (open2->time, gs_test_day ("2024-01-10"));
          CU_ASSERT_EQUAL (kb_vote->time, gs_test_day ("2024-01-15"));
          assert_case (run, 0, GS_CASE_APPROVED, "2024-01-15");
        }
      else
        {
          CU_ASSERT_EQUAL (open2->time, gs_test_day ("2024-01-02"));
          CU_ASSERT_EQUAL (kb_vote->time, gs_test_day ("2024-01-05"));
          assert_case (run, 0, GS_CASE_APPROVED, "2024-01-10");
        }
    }
}

/* Three bodies at one gateway: k1 approves on 5 January, k2 rejects on 10
 * January, k3 approves on 15 January.  all: fails when k2 rejects; any:
 * passes when k1 approves; at least 2: waits for k3; at least 3: fails
 * with k2.  A gateway settled early withdraws the others, who never vote. */
static void
test_all_any_at_least (void)
{
  static const struct
  {
    const char *need;
    GsCaseState state;
    const char *day;
    guint votes; /* of the three bodies */
  } cases[] = {
    { "need='all'", GS_CASE_REJECTED, "2024-01-10", 2 },
    { "need='any'", GS_CASE_APPROVED, "2024-01-05", 1 },
    { "need='at-least' n='2'", GS_CASE_APPROVED, "2024-01-15", 3 },
    { "need='at-least' n='3'", GS_CASE_REJECTED, "2024-01-10", 2 },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *k1 = committee ("k1", TRUE, "2024-01-05", "P1M");
      g_autofree char *k2 = committee ("k2", FALSE, "2024-01-10", "P1M");
      g_autofree char *k3 = committee ("k3", TRUE, "2024-01-15", "P1M");
      g_autofree char *rest = g_strdup_printf (
          "%s%s%s<pathway id='pw' matters='m'><gateway bodies='k1 k2 k3' "
          "%s/></pathway>\n"
          "<proposal id='x' title='X' matter='m' lead='oa' "
          "arrives='2024-01-02'/>",
          k1, k2, k3, cases[i].need);
      g_autoptr (GsScenario) s = scenario_new (rest);
      g_autoptr (GsRun) run = run_of (s);
      assert_case (run, 0, cases[i].state, cases[i].day);
      CU_ASSERT_EQUAL (votes_by (run, "k1") + votes_by (run, "k2")
                           + votes_by (run, "k3"),
                       cases[i].votes);
    }
}

/* 'small' takes values up to £5,000,000, 'large' values over it: one pound
 * below and the threshold itself go small, one pound above goes large.  On
 * the explicit pathway 'p' the board gateway applies only over £5,000,000:
 * at the threshold it is skipped, one pound above it opens. */
static void
test_value_routing (void)
{
  g_autofree char *ka = committee ("ka", TRUE, "2024-01-10", "P1M");
  g_autofree char *kb = committee ("kb", TRUE, "2024-01-20", "P1M");
  g_autofree char *rest = g_strdup_printf (
      "%s%s"
      "<pathway id='small' matters='m' up-to='5000000'><gateway "
      "body='ka'/></pathway>\n"
      "<pathway id='large' matters='m' over='5000000'><gateway "
      "body='kb'/></pathway>\n"
      "<pathway id='p'><gateway body='ka'/><gateway body='kb' "
      "over='5000000'/></pathway>\n"
      "<proposal id='x1' title='X1' matter='m' lead='oa' value='4999999' "
      "arrives='2024-01-02'/>\n"
      "<proposal id='x2' title='X2' matter='m' lead='oa' value='5000000' "
      "arrives='2024-01-02'/>\n"
      "<proposal id='x3' title='X3' matter='m' lead='oa' value='5000001' "
      "arrives='2024-01-02'/>\n"
      "<proposal id='y2' title='Y2' matter='m' lead='oa' value='5000000' "
      "arrives='2024-01-02' pathway='p'/>\n"
      "<proposal id='y3' title='Y3' matter='m' lead='oa' value='5000001' "
      "arrives='2024-01-02' pathway='p'/>",
      ka, kb);
  g_autoptr (GsScenario) s = scenario_new (rest);
  g_autoptr (GsRun) run = run_of (s);
  CU_ASSERT_EQUAL (gs_run_get_case (run, 0)->pathway, 0);
  CU_ASSERT_EQUAL (gs_run_get_case (run, 1)->pathway, 0);
  CU_ASSERT_EQUAL (gs_run_get_case (run, 2)->pathway, 1);
  /* y2: ka on 10 January, board gateway skipped, approved then. */
  assert_case (run, 3, GS_CASE_APPROVED, "2024-01-10");
  /* y3: ka on 10 January, then kb on 20 January. */
  assert_case (run, 4, GS_CASE_APPROVED, "2024-01-20");
  CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_GATE_SKIPPED), 1);
  const GsRecord *skip = gs_test_nth_record (run, GS_REC_GATE_SKIPPED, 0);
  CU_ASSERT_EQUAL (skip->item, 3);
  CU_ASSERT_EQUAL (skip->gate.gateway, 1);
}

/* ka (approves) meets every ten days from 5 January, kb (rejects) every
 * ten days from 8 January; a rejection at kb returns the case to ka.
 * With at most 2 returns: ka 5/1, kb 8/1 (return 1), ka 15/1, kb 18/1
 * (return 2), ka 25/1, kb 28/1: rejected.  With 0: rejected on 8/1. */
static void
test_return_bounded (void)
{
  for (guint k = 0; k <= 2; k += 2)
    {
      g_autofree char *ka = committee ("ka", TRUE, "2024-01-05", "P10D");
      g_autofree char *kb = committee ("kb", FALSE, "2024-01-08", "P10D");
      g_autofree char *rest = g_strdup_printf (
          "%s%s<pathway id='pw' matters='m'><gateway id='g1' body='ka'/>"
          "<gateway body='kb' on-reject='return' return-to='g1' "
          "max-returns='%u'/></pathway>\n"
          "<proposal id='x' title='X' matter='m' lead='oa' "
          "arrives='2024-01-02'/>",
          ka, kb, k);
      g_autoptr (GsScenario) s = scenario_new (rest);
      g_autoptr (GsRun) run = run_of (s);
      assert_case (run, 0, GS_CASE_REJECTED,
                   k == 0 ? "2024-01-08" : "2024-01-28");
      CU_ASSERT_EQUAL (gs_run_get_case (run, 0)->returns, k);
      CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_RETURNED), k);
      CU_ASSERT_EQUAL (votes_by (run, "ka"), k + 1);
      CU_ASSERT_EQUAL (votes_by (run, "kb"), k + 1);
    }
}

/* The Clinical advice gateway recommends against (its member supports
 * nothing), yet the case moves on and kb approves it on 20 January. */
static void
test_recommendation_cannot_block (void)
{
  g_autofree char *kb = committee ("kb", TRUE, "2024-01-20", "P1M");
  g_autofree char *rest = g_strdup_printf (
      "%s<person id='adv' org='oa' role='executive'/>"
      "<stance person='adv' support='0'/>\n"
      "<advisory-group id='ag' name='Advice' org='oa'><member person='adv'/>"
      "<meets first='2024-01-10' every='P1M' capacity='5'/>"
      "</advisory-group>\n"
      "<pathway id='pw' matters='m'><gateway body='ag' role='recommend'/>"
      "<gateway body='kb'/></pathway>\n"
      "<proposal id='x' title='X' matter='m' lead='oa' "
      "arrives='2024-01-02'/>",
      kb);
  g_autoptr (GsScenario) s = scenario_new (rest);
  g_autoptr (GsRun) run = run_of (s);
  const GsRecord *adv = gs_test_nth_record (run, GS_REC_REJECTED, 0);
  CU_ASSERT_PTR_NOT_NULL_FATAL (adv);
  CU_ASSERT_EQUAL (adv->vote.role, GS_VOTE_RECOMMEND);
  const GsRecord *passed = gs_test_nth_record (run, GS_REC_GATE_PASSED, 0);
  CU_ASSERT_PTR_NOT_NULL_FATAL (passed);
  CU_ASSERT_EQUAL (passed->gate.approving, 0); /* nobody recommended it */
  CU_ASSERT_EQUAL (passed->time, gs_test_day ("2024-01-10"));
  assert_case (run, 0, GS_CASE_APPROVED, "2024-01-20");
}

/* ---- agendas and deadlines ---------------------------------------------- */

/* Capacity 1 on 20 January; x1 arrives first with a distant deadline, x2
 * second with 25 January.  In arrival order x1 is taken and x2 misses its
 * deadline; nearest deadline first takes x2. */
static void
test_agenda_order (void)
{
  for (int by_deadline = 0; by_deadline < 2; by_deadline++)
    {
      g_autofree char *rest = g_strdup_printf (
          "<person id='p' org='oa' role='executive'/>"
          "<stance person='p' support='1'/>\n"
          "<committee id='k' name='K' org='oa'><member person='p'/>"
          "<meets first='2024-01-20' every='P1M' capacity='1' "
          "order='%s'/></committee>\n"
          "<proposal id='x1' title='X1' matter='m' lead='oa' body='k' "
          "arrives='2024-01-02' deadline='2024-03-31'/>\n"
          "<proposal id='x2' title='X2' matter='m' lead='oa' body='k' "
          "arrives='2024-01-03' deadline='2024-01-25'/>",
          by_deadline ? "deadline" : "arrival");
      g_autoptr (GsScenario) s = scenario_new (rest);
      g_autoptr (GsRun) run = run_of (s);
      assert_case (run, by_deadline ? 1 : 0, GS_CASE_APPROVED, "2024-01-20");
      assert_case (run, by_deadline ? 0 : 1, GS_CASE_APPROVED, "2024-02-20");
      CU_ASSERT_EQUAL (gs_run_get_case (run, 1)->missed, !by_deadline);
    }
}

/* Due by 10 January; ka passes it on 5 January and kb does not meet until
 * 1 February, so on 11 January (the instant it falls due) it is at
 * gateway 2 and has been there 6 days. */
static void
test_missed_deadline_says_where (void)
{
  g_autofree char *ka = committee ("ka", TRUE, "2024-01-05", "P1M");
  g_autofree char *kb = committee ("kb", TRUE, "2024-02-01", "P1M");
  g_autofree char *rest = g_strdup_printf (
      "%s%s<pathway id='pw' matters='m'><gateway body='ka'/>"
      "<gateway body='kb'/></pathway>\n"
      "<proposal id='x' title='X' matter='m' lead='oa' arrives='2024-01-02' "
      "deadline='2024-01-10'/>",
      ka, kb);
  g_autoptr (GsScenario) s = scenario_new (rest);
  g_autoptr (GsRun) run = run_of (s);
  const GsRecord *r = gs_test_nth_record (run, GS_REC_DEADLINE_MISSED, 0);
  CU_ASSERT_PTR_NOT_NULL_FATAL (r);
  CU_ASSERT_EQUAL (r->time, gs_test_day ("2024-01-11"));
  CU_ASSERT_EQUAL (r->body, (guint32)gs_scenario_find_body (s, "kb"));
  CU_ASSERT_EQUAL (r->where.gateway, 1);
  CU_ASSERT_EQUAL (r->where.days, 6);
  CU_ASSERT_EQUAL (r->where.level, 0);
  assert_case (run, 0, GS_CASE_APPROVED, "2024-02-01");
}

/* ---- escalation triggers ------------------------------------------------ */

/* Each trigger sends the item to a one-level ladder whose arbitrator
 * always approves, 10 days after the dispute starts. */
#define ARBITRATOR                                                             \
  "<ladder id='l'><level decides='binding' forum='Arbitrator' "                \
  "within='P10D' approve='1'/></ladder>\n"

static const GsRecord *
assert_escalated (const GsRun *run, GsTrigger trigger, const char *day)
{
  const GsRecord *r = gs_test_nth_record (run, GS_REC_ESCALATED, 0);
  CU_ASSERT_PTR_NOT_NULL_FATAL (r);
  CU_ASSERT_EQUAL (r->escalated.trigger, (gint32)trigger);
  CU_ASSERT_EQUAL (r->time, gs_test_day (day));
  return r;
}

/* A 1–1 tie on 5 January escalates; approved on 15 January.  Without the
 * clause, or with a clause for another trigger, the same tie simply fails. */
static void
test_trigger_tie (void)
{
  static const char *const clauses[] = {
    "<escalation ladder='l' on='tie'/>",
    "",
    "<escalation ladder='l' on='blocked' inquorate='1'/>",
  };
  for (guint i = 0; i < G_N_ELEMENTS (clauses); i++)
    {
      g_autofree char *k = tied_committee ("k", clauses[i], "2024-01-05");
      g_autofree char *rest = g_strdup_printf (
          "%s" ARBITRATOR "<proposal id='x' title='X' matter='m' lead='oa' "
          "body='k' arrives='2024-01-02'/>",
          k);
      g_autoptr (GsScenario) s = scenario_new (rest);
      g_autoptr (GsRun) run = run_of (s);
      if (i > 0)
        {
          CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_ESCALATED), 0);
          assert_case (run, 0, GS_CASE_REJECTED, "2024-01-05");
          continue;
        }
      assert_escalated (run, GS_TRIGGER_TIE, "2024-01-05");
      assert_case (run, 0, GS_CASE_APPROVED, "2024-01-15");
    }
}

/* Consensus blocked by one objection on 5 January. */
static void
test_trigger_blocked (void)
{
  g_autofree char *rest = g_strdup_printf (
      "<person id='py' org='oa' role='executive'/>"
      "<person id='pn' org='ob' role='executive'/>"
      "<stance person='py' support='1'/><stance person='pn' support='0'/>\n"
      "<committee id='k' name='K' org='oa'><member person='py'/>"
      "<member person='pn'/><voting rule='consensus'/>"
      "<escalation ladder='l' on='blocked'/>"
      "<meets first='2024-01-05' every='P1M' "
      "capacity='5'/></committee>\n" ARBITRATOR
      "<proposal id='x' title='X' matter='m' lead='oa' body='k' "
      "arrives='2024-01-02'/>");
  g_autoptr (GsScenario) s = scenario_new (rest);
  g_autoptr (GsRun) run = run_of (s);
  assert_escalated (run, GS_TRIGGER_BLOCKED, "2024-01-05");
  assert_case (run, 0, GS_CASE_APPROVED, "2024-01-15");
}

/* Committees in common that must all agree split 1–1 on 5 January. */
static void
test_trigger_split (void)
{
  g_autofree char *rest = g_strdup_printf (
      "<person id='py' org='oa' role='executive'/>"
      "<person id='pn' org='ob' role='executive'/>"
      "<stance person='py' support='1'/><stance person='pn' support='0'/>\n"
      "<committees-in-common id='cic' name='CiC' parties='oa ob'>"
      "<committee id='ca' name='CA' org='oa'><member person='py'/></committee>"
      "<committee id='cb' name='CB' org='ob'><member person='pn'/></committee>"
      "<escalation ladder='l' on='split'/>"
      "<meets first='2024-01-05' every='P1M' capacity='5'/>"
      "</committees-in-common>\n" ARBITRATOR
      "<proposal id='x' title='X' matter='m' lead='oa' body='cic' "
      "arrives='2024-01-02'/>");
  g_autoptr (GsScenario) s = scenario_new (rest);
  g_autoptr (GsRun) run = run_of (s);
  assert_escalated (run, GS_TRIGGER_SPLIT, "2024-01-05");
  assert_case (run, 0, GS_CASE_APPROVED, "2024-01-15");
}

/* The only member never attends: meetings on 5 and 15 January are
 * inquorate, the second is the second in a row, so the item escalates on
 * 15 January and the arbitrator approves on 25 January.  Its carry-overs
 * are one run of two inquorate meetings, 5 to 15 January (10 days), which
 * ends when it leaves the agenda for the ladder. */
static void
test_trigger_inquorate (void)
{
  g_autofree char *rest = g_strdup_printf (
      "<person id='p' org='oa' role='executive' attendance='0'/>\n"
      "<committee id='k' name='K' org='oa'><member person='p'/>"
      "<escalation ladder='l' inquorate='2'/>"
      "<meets first='2024-01-05' every='P10D' "
      "capacity='5'/></committee>\n" ARBITRATOR
      "<proposal id='x' title='X' matter='m' lead='oa' body='k' "
      "arrives='2024-01-02'/>");
  g_autoptr (GsScenario) s = scenario_new (rest);
  g_autoptr (GsRun) run = run_of (s);
  CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_CARRIED), 1);
  const GsRecord *cr = gs_test_nth_record (run, GS_REC_CARRIED, 0);
  CU_ASSERT_EQUAL (cr->carried.meetings, 2);
  CU_ASSERT_EQUAL (cr->carried.inquorate, 2);
  CU_ASSERT_EQUAL (cr->carried.reason, GS_CARRY_INQUORATE);
  CU_ASSERT_EQUAL (cr->carried.span, 10 * GS_MINUTES_PER_DAY);
  CU_ASSERT_EQUAL (cr->carried.end, GS_CARRY_LEFT);
  CU_ASSERT_EQUAL (gs_run_get_case (run, 0)->carried, 2);
  assert_escalated (run, GS_TRIGGER_INQUORATE, "2024-01-15");
  assert_case (run, 0, GS_CASE_APPROVED, "2024-01-25");
}

/* Due by 31 January (it falls due at 00:00 on 1 February); 14 days before
 * that is 18 January, before the committee's first meeting on the 20th, so
 * the item escalates on 18 January and is approved on the 28th, in time. */
static void
test_trigger_deadline (void)
{
  g_autofree char *rest = g_strdup_printf (
      "<person id='p' org='oa' role='executive'/>"
      "<stance person='p' support='1'/>\n"
      "<committee id='k' name='K' org='oa'><member person='p'/>"
      "<escalation ladder='l' before-deadline='P14D'/>"
      "<meets first='2024-01-20' every='P1M' "
      "capacity='5'/></committee>\n" ARBITRATOR
      "<proposal id='x' title='X' matter='m' lead='oa' body='k' "
      "arrives='2024-01-02' deadline='2024-01-31'/>");
  g_autoptr (GsScenario) s = scenario_new (rest);
  g_autoptr (GsRun) run = run_of (s);
  assert_escalated (run, GS_TRIGGER_DEADLINE, "2024-01-18");
  assert_case (run, 0, GS_CASE_APPROVED, "2024-01-28");
  CU_ASSERT_FALSE (gs_run_get_case (run, 0)->missed);
  CU_ASSERT_EQUAL (votes_by (run, "k"), 0);
}

/* ---- levels ------------------------------------------------------------- */

/* The committee k ties on 5 January (and again at each monthly meeting);
 * the dispute goes to ladder l, whose levels are @levels.  kv is a
 * one-member body meeting on 26 January that supports the proposal when
 * kv-p's stance says so; pc is a person outside any body. */
static GsRun *
run_ladder (const char *levels, gboolean kv_yes, gboolean pc_yes,
            const char *extra, GsScenario **out)
{
  g_autofree char *k
      = tied_committee ("k", "<escalation ladder='l' on='tie'/>", "2024-01-05");
  g_autofree char *kv = committee ("kv", kv_yes, "2024-01-26", "P1M");
  g_autofree char *rest = g_strdup_printf (
      "%s%s<person id='pc' org='oa' role='chair'/>"
      "<stance person='pc' support='%s'/>\n%s\n"
      "<ladder id='l' name='L'>%s</ladder>\n"
      "<proposal id='x' title='X' matter='m' lead='oa' body='k' "
      "arrives='2024-01-02'/>",
      k, kv, pc_yes ? "1" : "0", extra, levels);
  *out = scenario_new (rest);
  return run_of (*out);
}

static void
test_level_vote (void)
{
  /* kv meets on 26 January, 21 days after the tie: on the last day of a
   * P21D limit, which counts; it approves, or rejects, the case then. */
  for (int yes = 0; yes < 2; yes++)
    {
      g_autoptr (GsScenario) s = NULL;
      g_autoptr (GsRun) run = run_ladder (
          "<level decides='vote' body='kv' within='P21D'/>", yes, TRUE, "", &s);
      const GsRecord *r = gs_test_nth_record (run, GS_REC_RESOLVED, 0);
      CU_ASSERT_PTR_NOT_NULL_FATAL (r);
      CU_ASSERT_EQUAL (r->level.approved, yes);
      assert_case (run, 0, yes ? GS_CASE_APPROVED : GS_CASE_REJECTED,
                   "2024-01-26");
    }
  /* With P20D the limit ends on 25 January, the day before kv meets: the
   * level fails for want of time, kv never votes, the case is gridlocked. */
  g_autoptr (GsScenario) s = NULL;
  g_autoptr (GsRun) run = run_ladder (
      "<level decides='vote' body='kv' within='P20D'/>", TRUE, TRUE, "", &s);
  const GsRecord *f = gs_test_nth_record (run, GS_REC_LEVEL_FAILED, 0);
  CU_ASSERT_PTR_NOT_NULL_FATAL (f);
  CU_ASSERT_EQUAL (f->level.why, GS_FAIL_TIMEOUT);
  CU_ASSERT_EQUAL (f->time, gs_test_day ("2024-01-25"));
  CU_ASSERT_EQUAL (votes_by (run, "kv"), 0);
  assert_case (run, 0, GS_CASE_GRIDLOCKED, "2024-01-25");
}

static void
test_level_reconsider (void)
{
  /* k reconsiders at its next meeting, 5 February, the last day of P1M
   * from 5 January; it ties again, so the level fails and, with no other
   * level, the case is gridlocked that day. */
  g_autoptr (GsScenario) s = NULL;
  g_autoptr (GsRun) run = run_ladder (
      "<level decides='reconsider' within='P1M'/>", TRUE, TRUE, "", &s);
  const GsRecord *f = gs_test_nth_record (run, GS_REC_LEVEL_FAILED, 0);
  CU_ASSERT_PTR_NOT_NULL_FATAL (f);
  CU_ASSERT_EQUAL (f->level.why, GS_FAIL_NOT_CARRIED);
  CU_ASSERT_EQUAL (votes_by (run, "k"), 2);
  assert_case (run, 0, GS_CASE_GRIDLOCKED, "2024-02-05");

  /* Cooling off for P35D: the level starts on 9 February, so k's 5
   * February meeting may not reconsider; its 5 March meeting does (within
   * P1M of 9 February), ties, and the case is gridlocked on 5 March. */
  g_autoptr (GsScenario) s2 = NULL;
  g_autoptr (GsRun) run2 = run_ladder (
      "<level decides='reconsider' cooling-off='P35D' within='P1M'/>", TRUE,
      TRUE, "", &s2);
  CU_ASSERT_EQUAL (votes_by (run2, "k"), 2);
  assert_case (run2, 0, GS_CASE_GRIDLOCKED, "2024-03-05");
}

static void
test_level_chair (void)
{
  /* pc decides as their stance leans, on the last day of P7D: 12 January. */
  for (int yes = 0; yes < 2; yes++)
    {
      g_autoptr (GsScenario) s = NULL;
      g_autoptr (GsRun) run
          = run_ladder ("<level decides='chair' person='pc' within='P7D'/>",
                        TRUE, yes, "", &s);
      assert_case (run, 0, yes ? GS_CASE_APPROVED : GS_CASE_REJECTED,
                   "2024-01-12");
    }
  /* Away from 10 to 20 January: cannot decide, so the level fails. */
  g_autoptr (GsScenario) s = NULL;
  g_autoptr (GsRun) run = run_ladder (
      "<level decides='chair' person='pc' within='P7D'/>", TRUE, TRUE,
      "<absence person='pc' from='2024-01-10' until='2024-01-20'/>", &s);
  const GsRecord *f = gs_test_nth_record (run, GS_REC_LEVEL_FAILED, 0);
  CU_ASSERT_PTR_NOT_NULL_FATAL (f);
  CU_ASSERT_EQUAL (f->level.why, GS_FAIL_UNAVAILABLE);
  assert_case (run, 0, GS_CASE_GRIDLOCKED, "2024-01-12");
}

static void
test_level_mediation_and_binding (void)
{
  static const struct
  {
    const char *level;
    GsCaseState state;
  } cases[] = {
    { "<level decides='mediation' forum='M' within='P30D' success='1' "
      "approve='0'/>",
      GS_CASE_REJECTED },
    { "<level decides='mediation' forum='M' within='P30D' success='1'/>",
      GS_CASE_APPROVED },
    { "<level decides='mediation' forum='M' within='P30D' success='0'/>",
      GS_CASE_GRIDLOCKED },
    { "<level decides='binding' forum='A' within='P30D' approve='1'/>",
      GS_CASE_APPROVED },
    { "<level decides='binding' forum='A' within='P30D' approve='0'/>",
      GS_CASE_REJECTED },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GsScenario) s = NULL;
      g_autoptr (GsRun) run = run_ladder (cases[i].level, TRUE, TRUE, "", &s);
      /* 5 January + P30D = 4 February. */
      assert_case (run, 0, cases[i].state, "2024-02-04");
      const GsRecord *lv = gs_test_nth_record (run, GS_REC_LEVEL, 0);
      CU_ASSERT_EQUAL (lv->when, gs_test_day ("2024-02-04"));
    }
}

/* Ladder l's mediator fails after 10 days (15 January) and hands on to l2,
 * whose mediator fails after 5 more (20 January): two levels climbed, no
 * ladder left, gridlocked. */
static void
test_exhaustion_across_ladders (void)
{
  g_autofree char *k
      = tied_committee ("k", "<escalation ladder='l' on='tie'/>", "2024-01-05");
  g_autofree char *rest = g_strdup_printf (
      "%s<ladder id='l' then='l2'><level decides='mediation' forum='M1' "
      "within='P10D' success='0'/></ladder>\n"
      "<ladder id='l2'><level decides='mediation' forum='M2' within='P5D' "
      "success='0'/></ladder>\n"
      "<proposal id='x' title='X' matter='m' lead='oa' body='k' "
      "arrives='2024-01-02'/>",
      k);
  g_autoptr (GsScenario) s = scenario_new (rest);
  g_autoptr (GsRun) run = run_of (s);
  CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_LEVEL_FAILED), 2);
  const GsRecord *e = gs_test_nth_record (run, GS_REC_EXHAUSTED, 0);
  CU_ASSERT_PTR_NOT_NULL_FATAL (e);
  CU_ASSERT_EQUAL (e->level.climbed, 2);
  CU_ASSERT_STRING_EQUAL (GS_LADDER (s, e->level.ladder)->id, "l2");
  CU_ASSERT_EQUAL (gs_run_get_case (run, 0)->climbed, 2);
  assert_case (run, 0, GS_CASE_GRIDLOCKED, "2024-01-20");
}

/* ---- the invariant ------------------------------------------------------ */

/* gs_run_check() passes on a real run and catches a case given two
 * outcomes, a decided case still queued, and a waiting case on no agenda. */
static void
test_invariant_catches_corruption (void)
{
  g_autofree char *ka = committee ("ka", TRUE, "2024-01-10", "P1M");
  g_autofree char *kb = committee ("kb", TRUE, "2024-04-10", "P1M");
  g_autofree char *rest = g_strdup_printf (
      "%s%s<proposal id='x' title='X' matter='m' lead='oa' body='ka' "
      "arrives='2024-01-02'/>\n"
      "<proposal id='y' title='Y' matter='m' lead='oa' body='kb' "
      "arrives='2024-01-02'/>",
      ka, kb);
  g_autoptr (GsScenario) s = scenario_new (rest);
  GsRun *run = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);
  GsCase *x = GS_RUN_CASE (run, 0);
  GsCase *y = GS_RUN_CASE (run, 1);
  CU_ASSERT_EQUAL (x->state, GS_CASE_APPROVED);
  CU_ASSERT_EQUAL (y->state, GS_CASE_APPROVED);

  x->decisions = 2;
  g_autoptr (GError) e1 = NULL;
  CU_ASSERT_FALSE (gs_run_check (run, &e1));
  CU_ASSERT_TRUE (g_error_matches (e1, GS_RUN_ERROR, GS_RUN_ERROR_INVARIANT));
  CU_ASSERT_PTR_NOT_NULL (e1 && strstr (e1->message, "more than once"));
  x->decisions = 1;

  GS_RUN_SLOT (run, x->slots)->state = GS_SLOT_QUEUED;
  g_autoptr (GError) e2 = NULL;
  CU_ASSERT_FALSE (gs_run_check (run, &e2));
  CU_ASSERT_TRUE (g_error_matches (e2, GS_RUN_ERROR, GS_RUN_ERROR_INVARIANT));
  CU_ASSERT_PTR_NOT_NULL (e2 && strstr (e2->message, "still on an agenda"));
  GS_RUN_SLOT (run, x->slots)->state = GS_SLOT_APPROVED;

  y->state = GS_CASE_WAITING;
  y->decisions = 0;
  y->decided = GS_TIME_NEVER;
  g_autoptr (GError) e3 = NULL;
  CU_ASSERT_FALSE (gs_run_check (run, &e3));
  CU_ASSERT_PTR_NOT_NULL (e3 && strstr (e3->message, "lost"));
  gs_run_free (run);
}

/* Property: over 300 seeds of each shipped pathway scenario (different
 * attendance, votes, mediations and arbitrations each time), every run
 * passes gs_run_check() — no proposal decided twice or lost — and the
 * outcome counts add up to the proposals that arrived. */
static void
test_invariant_over_seeds (void)
{
  static const char *const files[] = {
    GS_SCENARIO_DIR "/service-reconfiguration-pathway.xml",
    GS_SCENARIO_DIR "/lead-provider-escalation.xml",
  };
  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GsScenario) s = gs_loader_load_file (files[f], 0, &error);
      CU_ASSERT_PTR_NOT_NULL_FATAL (s);
      guint gridlocked = 0, escalated = 0;
      for (guint64 seed = 1; seed <= 300; seed++)
        {
          g_autoptr (GsRun) run
              = gs_test_simulate (s, seed, 0, GS_RUN_FLAGS_NONE);
          g_autoptr (GError) e = NULL;
          CU_ASSERT_TRUE (gs_run_check (run, &e));
          guint n[GS_CASE_GRIDLOCKED + 1] = { 0 };
          for (guint i = 0; i < gs_run_n_cases (run); i++)
            {
              const GsCase *c = gs_run_get_case (run, i);
              n[c->state]++;
              escalated += c->disputes > 0;
            }
          gridlocked += n[GS_CASE_GRIDLOCKED];
          CU_ASSERT_EQUAL (n[0] + n[1] + n[2] + n[3], gs_run_n_cases (run));
          CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_DECIDED),
                           n[1] + n[2] + n[3]);
          CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_PENDING_AT_END),
                           n[0]);
          /* The engine's own count of pending cases against the count of
           * the cases' states above; and the same run without records,
           * which a release build checks at the end by the pending cases
           * and the outcomes given alone, passes that check and the full
           * one. */
          CU_ASSERT_EQUAL (gs_run_n_pending (run), n[0]);
          g_autoptr (GsRun) bare
              = gs_test_simulate (s, seed, 0, GS_RUN_NO_RECORDS);
          CU_ASSERT_EQUAL (gs_run_n_pending (bare), n[0]);
          g_autoptr (GError) e_bare = NULL;
          CU_ASSERT_TRUE (gs_run_check (bare, &e_bare));
        }
      /* The sweep must reach the paths it is meant to guard. */
      CU_ASSERT_TRUE (escalated > 0);
      if (f == 1)
        CU_ASSERT_TRUE (gridlocked > 0);
    }
}

int
main (void)
{
  static const GsTestCase tests[] = {
    { "locked and unlocked gateways", test_locked_and_unlocked },
    { "all, any and at-least gateways", test_all_any_at_least },
    { "value routing at the threshold", test_value_routing },
    { "reject and return at most K times", test_return_bounded },
    { "a recommendation cannot block", test_recommendation_cannot_block },
    { "agenda in arrival or deadline order", test_agenda_order },
    { "a missed deadline says where", test_missed_deadline_says_where },
    { "trigger: tie", test_trigger_tie },
    { "trigger: blocked consensus", test_trigger_blocked },
    { "trigger: split committees in common", test_trigger_split },
    { "trigger: inquorate meetings in a row", test_trigger_inquorate },
    { "trigger: deadline near", test_trigger_deadline },
    { "level: vote, to the day", test_level_vote },
    { "level: reconsideration and cooling off", test_level_reconsider },
    { "level: chair's decision", test_level_chair },
    { "level: mediation and arbitration", test_level_mediation_and_binding },
    { "exhaustion across ladders", test_exhaustion_across_ladders },
    { "the end-of-run invariant", test_invariant_catches_corruption },
    { "the invariant over 300 seeds", test_invariant_over_seeds },
    { NULL, NULL },
  };
  return gs_test_run ("pathways", tests);
}

/* test-referral.c — a dispute referred to several bodies (decides="referral").
 *
 * Every scenario is fully determined: each person's support is 0 or 1 and
 * attendance is 1, so every date below is worked out by hand from the
 * calendars in the scenario.  The scenario starts on Monday 2024-01-01.
 * Committee k (one member for, one against, simple majority) ties 1–1 at
 * its meeting on 5 January; the tie starts a dispute that day, whose first
 * level refers the matter to the boards ba, bb and bc.  With no cooling
 * off and no notice the referral reaches their agendas on 5 January, and
 * each board takes it at its next meeting: ba on 10 January, bb on 17
 * January, bc on 24 January.  Each board is one member whose stance is
 * 1 (approves) or 0 (refuses).
 */
#include "run/gs-run-private.h"
#include "gs-test-scenario.h"

#include <govsim/gs-loader.h>

static char *
scenario_xml (const char *yes, const char *level, const char *then)
{
  return g_strdup_printf (
      "<scenario xmlns='urn:govsim:scenario:1' name='t' start='2024-01-01' "
      "horizon='P6M'>\n"
      "<organisation id='oa' name='A' kind='nhs-trust'/>\n"
      "<organisation id='ob' name='B' kind='nhs-trust'/>\n"
      "<organisation id='oc' name='C' kind='nhs-trust'/>\n"
      "<matter id='m' name='Matter'/>\n"
      "<person id='ky' org='oa' role='executive'/>\n"
      "<person id='kn' org='ob' role='executive'/>\n"
      "<stance person='ky' support='1'/><stance person='kn' support='0'/>\n"
      "<person id='pa' org='oa' role='executive'/>\n"
      "<person id='pb' org='ob' role='executive'/>\n"
      "<person id='pc' org='oc' role='executive'/>\n"
      "<stance person='pa' support='%c'/><stance person='pb' support='%c'/>"
      "<stance person='pc' support='%c'/>\n"
      "<committee id='k' name='K' org='oa'><member person='ky'/>"
      "<member person='kn'/><voting rule='simple-majority'/>"
      "<escalation ladder='l' on='tie'/>"
      "<meets first='2024-01-05' every='P1M' capacity='5'/></committee>\n"
      "<committee id='ba' name='Board A' org='oa'><member person='pa'/>"
      "<meets first='2024-01-10' every='P1M' capacity='5'/></committee>\n"
      "<committee id='bb' name='Board B' org='ob'><member person='pb'/>"
      "<meets first='2024-01-17' every='P1M' capacity='5'/></committee>\n"
      "<committee id='bc' name='Board C' org='oc'><member person='pc'/>"
      "<meets first='2024-01-24' every='P1M' capacity='5'/></committee>\n"
      "<ladder id='l'>\n%s\n%s</ladder>\n"
      "<proposal id='x' title='X' matter='m' lead='oa' body='k' "
      "arrives='2024-01-02'/>\n"
      "</scenario>\n",
      yes[0], yes[1], yes[2], level, then);
}

static GsRun *
run_of (const char *yes, const char *level, const char *then, GsScenario **out)
{
  g_autofree char *xml = scenario_xml (yes, level, then);
  GsScenario *s = gs_test_load_inline (xml);
  GsRun *run = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);
  g_autoptr (GError) error = NULL;
  CU_ASSERT_TRUE (gs_run_check (run, &error));
  *out = s;
  return run;
}

static void
assert_case (const GsRun *run, GsCaseState state, const char *day)
{
  const GsCase *c = gs_run_get_case (run, 0);
  CU_ASSERT_EQUAL (c->state, state);
  CU_ASSERT_EQUAL (c->decided, gs_test_day (day));
}

/* The number of vote records by body @id. */
static guint
votes_by (const GsRun *run, const char *id)
{
  int b = gs_scenario_find_body (gs_run_get_scenario (run), id);
  guint n = 0;
  for (guint i = 0; i < gs_run_n_records (run); i++)
    {
      const GsRecord *r = gs_run_get_record (run, i);
      n += r->body == (guint32)b
           && (r->kind == GS_REC_APPROVED || r->kind == GS_REC_REJECTED);
    }
  return n;
}

#define ALL                                                                    \
  "<level decides='referral' forum='The boards' bodies='ba bb bc' "            \
  "within='P2M'/>"

/* All three approve: agreed on 24 January, the day of bc's meeting, the
 * last of the three; each board voted once. */
static void
test_all_approve (void)
{
  g_autoptr (GsScenario) s = NULL;
  g_autoptr (GsRun) run = run_of ("111", ALL, "", &s);
  assert_case (run, GS_CASE_APPROVED, "2024-01-24");
  CU_ASSERT_EQUAL (votes_by (run, "ba"), 1);
  CU_ASSERT_EQUAL (votes_by (run, "bb"), 1);
  CU_ASSERT_EQUAL (votes_by (run, "bc"), 1);
  const GsRecord *r = gs_test_nth_record (run, GS_REC_RESOLVED, 0);
  CU_ASSERT_PTR_NOT_NULL_FATAL (r);
  CU_ASSERT_EQUAL (r->time, gs_test_day ("2024-01-24"));
  CU_ASSERT_TRUE (r->level.approved);
}

/* bb refuses on 17 January.  need="all": the level can no longer agree,
 * so it fails that day and, with no level left, the item is gridlocked on
 * 17 January; bc never takes it.  need="2": ba (10 January) and bc (24
 * January) approve, so it is agreed on 24 January. */
static void
test_one_refuses (void)
{
  {
    g_autoptr (GsScenario) s = NULL;
    g_autoptr (GsRun) run = run_of ("101", ALL, "", &s);
    assert_case (run, GS_CASE_GRIDLOCKED, "2024-01-17");
    const GsRecord *f = gs_test_nth_record (run, GS_REC_LEVEL_FAILED, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL (f);
    CU_ASSERT_EQUAL (f->time, gs_test_day ("2024-01-17"));
    CU_ASSERT_EQUAL (f->level.why, GS_FAIL_REFUSED);
    CU_ASSERT_EQUAL (votes_by (run, "bc"), 0);
  }
  {
    g_autoptr (GsScenario) s = NULL;
    g_autoptr (GsRun) run = run_of (
        "101",
        "<level decides='referral' bodies='ba bb bc' need='2' within='P2M'/>",
        "", &s);
    assert_case (run, GS_CASE_APPROVED, "2024-01-24");
    CU_ASSERT_EQUAL (votes_by (run, "bc"), 1);
  }
  /* need="2" and two refuse (ba approves on the 10th, bb refuses on the
   * 17th, bc refuses on the 24th): only one can approve, fails on the
   * 24th. */
  {
    g_autoptr (GsScenario) s = NULL;
    g_autoptr (GsRun) run = run_of (
        "100",
        "<level decides='referral' bodies='ba bb bc' need='2' within='P2M'/>",
        "", &s);
    assert_case (run, GS_CASE_GRIDLOCKED, "2024-01-24");
  }
}

/* within="P15D" from 5 January ends on 20 January, before bc meets on
 * the 24th: the level fails on the 20th for want of time.  The next
 * level, an arbitrator who always approves within 10 days, answers on 30
 * January; bc's meeting on the 24th no longer has the item. */
static void
test_time_limit (void)
{
  g_autoptr (GsScenario) s = NULL;
  g_autoptr (GsRun) run = run_of (
      "111", "<level decides='referral' bodies='ba bb bc' within='P15D'/>",
      "<level decides='binding' forum='Arbitrator' within='P10D' "
      "approve='1'/>",
      &s);
  const GsRecord *f = gs_test_nth_record (run, GS_REC_LEVEL_FAILED, 0);
  CU_ASSERT_PTR_NOT_NULL_FATAL (f);
  CU_ASSERT_EQUAL (f->time, gs_test_day ("2024-01-20"));
  CU_ASSERT_EQUAL (f->level.why, GS_FAIL_TIMEOUT);
  CU_ASSERT_EQUAL (votes_by (run, "ba"), 1);
  CU_ASSERT_EQUAL (votes_by (run, "bb"), 1);
  CU_ASSERT_EQUAL (votes_by (run, "bc"), 0);
  assert_case (run, GS_CASE_APPROVED, "2024-01-30");
}

/* Loading @level fails with a message at line 18 (the ladder's level)
 * containing @want. */
static void
assert_refused (const char *level, const char *want)
{
  g_autofree char *xml = scenario_xml ("111", level, "");
  g_autoptr (GError) error = NULL;
  g_autoptr (GsScenario) s
      = gs_loader_load_bytes (xml, strlen (xml), "inline", &error);
  CU_ASSERT_PTR_NULL (s);
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  CU_ASSERT_PTR_NOT_NULL (strstr (error->message, "inline:18: "));
  CU_ASSERT_PTR_NOT_NULL (strstr (error->message, want));
  if (strstr (error->message, want) == NULL
      || strstr (error->message, "inline:18: ") == NULL)
    fprintf (stderr, "\n%s\n", error->message);
}

static void
test_bad_input (void)
{
  assert_refused ("<level decides='referral' bodies='ba bx bc' within='P2M'/>",
                  "body 'bx' is not defined (attribute 'bodies')");
  assert_refused (
      "<level decides='referral' bodies='ba bb bc' need='4' within='P2M'/>",
      "need=\"4\" is more approvals than the 3 bodies referred to");
  assert_refused ("<level decides='referral' within='P2M'/>",
                  "needs the bodies it refers the dispute to");
  assert_refused ("<level decides='referral' bodies='ba ba' within='P2M'/>",
                  "body 'ba' is listed twice in the referral");
  assert_refused ("<level decides='binding' bodies='ba bb' within='P2M'/>",
                  "bodies and need apply only to decides=\"referral\"");
}

int
main (void)
{
  static const GsTestCase tests[] = {
    { "all three boards approve", test_all_approve },
    { "one refuses: need all, need 2", test_one_refuses },
    { "the time limit ends first", test_time_limit },
    { "bad input", test_bad_input },
    { NULL, NULL },
  };
  return gs_test_run ("referral", tests);
}

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

/* ---- whose authority a referral's approval is judged against ------------
 *
 * Joint committee jc of Trust A and Trust B (members j1 of A, who supports
 * everything, and j2 of B, who supports nothing: simple majority, no
 * casting vote) meets on 20 January and ties 1–1 on proposal P (arrived 2
 * January), so its dispute starts that day and refers P to the boards
 * named, with no cooling off or notice.  Board A (a1) meets on the 10th of
 * each month, Board B (b1) on the 15th, the ICB's board (i1) on the 25th:
 * so Board A takes P on 10 February, Board B on 15 February, the ICB's
 * board on 25 January.  Each board member's support is given per test (1
 * approves, 0 refuses).  Every delegation to jc is capped at £1,000, so
 * £1,000 is within and £1,001 over.  Breaches therefore fall, if at all,
 * on the day the referral agrees, judged once, for the organisations it
 * binds: the ICB alone for the ICB's function; each trust for a trust
 * matter, except one whose own board approved (the top of its scheme, it
 * decided for itself). */
static GsRun *
authority_run (gboolean icb_function, const char *yes, const char *bodies,
               const char *need, const char *value, GsScenario **out)
{
  g_autofree char *xml = g_strdup_printf (
      "<scenario xmlns='urn:govsim:scenario:1' name='t' start='2024-01-01' "
      "horizon='P6M'>\n"
      "<organisation id='ta' name='Trust A' kind='nhs-trust'/>\n"
      "<organisation id='tb' name='Trust B' kind='nhs-trust'/>\n"
      "<organisation id='icb' name='The ICB' kind='icb'/>\n"
      "<matter id='m' name='Commissioning'%s/>\n"
      "<person id='j1' org='ta' role='executive'/>\n"
      "<person id='j2' org='tb' role='executive'/>\n"
      "<person id='a1' org='ta' role='chief-executive' director='true'/>\n"
      "<person id='b1' org='tb' role='chief-executive' director='true'/>\n"
      "<person id='i1' org='icb' role='chief-executive' director='true'/>\n"
      "<stance person='j1' support='1'/><stance person='j2' support='0'/>\n"
      "<stance person='a1' support='%c'/><stance person='b1' support='%c'/>"
      "<stance person='i1' support='%c'/>\n"
      "<board id='ba' name='Board A' org='ta'><member person='a1'/>"
      "<meets first='2024-01-10' every='P1M' capacity='5'/></board>\n"
      "<board id='bb' name='Board B' org='tb'><member person='b1'/>"
      "<meets first='2024-01-15' every='P1M' capacity='5'/></board>\n"
      "<board id='bi' name='ICB Board' org='icb'><member person='i1'/>"
      "<meets first='2024-01-25' every='P1M' capacity='5'/></board>\n"
      "<joint-committee id='jc' name='Joint Committee' parties='ta tb'>"
      "<member person='j1'/><member person='j2'/>"
      "<voting rule='simple-majority'/><escalation ladder='l' on='tie'/>"
      "<meets first='2024-01-20' every='P1M' capacity='5'/>"
      "</joint-committee>\n"
      "<scheme org='ta'><delegation by='ba' to='jc' matters='m' "
      "limit='1000'/></scheme>\n"
      "<scheme org='tb'><delegation by='bb' to='jc' matters='m' "
      "limit='1000'/></scheme>\n"
      "<scheme org='icb'><delegation id='icb-jc' by='bi' to='jc' "
      "matters='m' limit='1000'/></scheme>\n"
      "<ladder id='l'><level decides='referral' forum='The boards' "
      "bodies='%s' need='%s' within='P2M'/></ladder>\n"
      "<proposal id='p' title='P' matter='m' value='%s' lead='ta' "
      "arrives='2024-01-02' body='jc'/>\n"
      "</scenario>\n",
      icb_function ? " function-of='icb'" : "", yes[0], yes[1], yes[2], bodies,
      need, value);
  *out = gs_test_load_inline (xml);
  GsRun *run = gs_test_simulate (*out, 1, 0, GS_RUN_FLAGS_NONE);
  g_autoptr (GError) error = NULL;
  CU_ASSERT_TRUE (gs_run_check (run, &error));
  CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_ESCALATED), 1);
  return run;
}

static int
org_index (const GsScenario *s, const char *id)
{
  for (guint i = 0; i < gs_scenario_n_organisations (s); i++)
    if (strcmp (GS_ORG (s, i)->id, id) == 0)
      return (int)i;
  return -1;
}

/* Breach @nth is @kind for @org on @day, by jc, decided by the referral
 * (level 1 of ladder l). */
static void
assert_referral_breach (const GsScenario *s, const GsRun *run, guint nth,
                        GsBreach kind, const char *org, const char *day)
{
  const GsRecord *r = gs_test_nth_breach (run, nth);
  CU_ASSERT_PTR_NOT_NULL_FATAL (r);
  CU_ASSERT_EQUAL (r->breach.breach, kind);
  CU_ASSERT_EQUAL (r->breach.org, org_index (s, org));
  CU_ASSERT_EQUAL (r->time, gs_test_day (day));
  CU_ASSERT_EQUAL (r->body, (guint32)gs_scenario_find_body (s, "jc"));
  CU_ASSERT_EQUAL (r->breach.decided_by, GS_DECIDED_REFERRAL);
  CU_ASSERT_EQUAL (r->breach.ladder, 0);
  CU_ASSERT_EQUAL (r->breach.level, 0);
}

/* Each of @boards voted once on the referral, as a referral vote that
 * binds no one by itself. */
static void
assert_referral_votes (const GsRun *run, const char *const *boards)
{
  const GsScenario *s = gs_run_get_scenario (run);
  for (guint k = 0; boards[k] != NULL; k++)
    {
      int b = gs_scenario_find_body (s, boards[k]);
      guint n = 0;
      for (guint i = 0; i < gs_run_n_records (run); i++)
        {
          const GsRecord *r = gs_run_get_record (run, i);
          if (r->body != (guint32)b
              || (r->kind != GS_REC_APPROVED && r->kind != GS_REC_REJECTED))
            continue;
          n++;
          CU_ASSERT_EQUAL (r->vote.role, GS_VOTE_REFERRAL);
          CU_ASSERT_EQUAL (r->n_refs, 0);
        }
      CU_ASSERT_EQUAL (n, 1);
    }
}

/* The ICB's function referred to both trusts' boards, both approving (need
 * all): agreed on 15 February (Board B, the later).  At £1,000, within the
 * ICB's delegation to jc: no breach at all — before the referral vote had
 * its own role each board's vote was judged as the board exercising the
 * ICB's function, two false "no authority" breaches.  At £1,001: exactly
 * one breach, the ICB's limit, on 15 February; the trusts are not bound
 * by the ICB's function and have none. */
static void
test_icb_function_referred_to_trusts (void)
{
  static const char *const boards[] = { "ba", "bb", NULL };
  GsScenario *s = NULL;
  g_autoptr (GsRun) at
      = authority_run (TRUE, "110", "ba bb", "all", "1000", &s);
  assert_case (at, GS_CASE_APPROVED, "2024-02-15");
  assert_referral_votes (at, boards);
  CU_ASSERT_EQUAL (gs_test_count_breaches (at), 0);
  gs_scenario_free (s);

  g_autoptr (GsRun) over
      = authority_run (TRUE, "110", "ba bb", "all", "1001", &s);
  assert_case (over, GS_CASE_APPROVED, "2024-02-15");
  CU_ASSERT_EQUAL (gs_test_count_breaches (over), 1);
  assert_referral_breach (s, over, 0, GS_BREACH_OVER_LIMIT, "icb",
                          "2024-02-15");
  const GsRecord *r = gs_test_nth_breach (over, 0);
  CU_ASSERT_PTR_NOT_NULL_FATAL (r);
  CU_ASSERT_EQUAL_FATAL (r->breach.delegation >= 0, TRUE);
  CU_ASSERT_STRING_EQUAL (GS_DELEGATION (s, r->breach.delegation)->id,
                          "icb-jc");
  CU_ASSERT_EQUAL (gs_run_get_case (over, 0)->breaches, 1);
  gs_scenario_free (s);
}

/* The same £1,001 referred to the ICB's own board as well (need all): it
 * approves on 25 January, the trusts' boards on 10 and 15 February.  The
 * ICB's board is the top of the ICB's scheme and consented, so the ICB
 * decided for itself: no breach. */
static void
test_icb_function_icb_board_consents (void)
{
  static const char *const boards[] = { "ba", "bb", "bi", NULL };
  GsScenario *s = NULL;
  g_autoptr (GsRun) run
      = authority_run (TRUE, "111", "ba bb bi", "all", "1001", &s);
  assert_case (run, GS_CASE_APPROVED, "2024-02-15");
  assert_referral_votes (run, boards);
  CU_ASSERT_EQUAL (gs_test_count_breaches (run), 0);
  gs_scenario_free (s);
}

/* A trust matter (no function-of).  Both boards approve (need all),
 * agreed on 15 February: each trust's board, the top of its own scheme,
 * consented, so neither trust is over jc's £1,000 even at £1,001: no
 * breach either way.  need 1 with Board B refusing: Board A's approval on
 * 10 February agrees the referral alone and binds Trust B through the
 * committee's terms of reference without its board's consent, so Trust B
 * is judged against its delegation to jc: within at £1,000 (no breach),
 * over at £1,001 (one breach, Trust B's, on 10 February). */
static void
test_trust_matter_referred (void)
{
  GsScenario *s = NULL;
  {
    g_autoptr (GsRun) run
        = authority_run (FALSE, "110", "ba bb", "all", "1001", &s);
    assert_case (run, GS_CASE_APPROVED, "2024-02-15");
    CU_ASSERT_EQUAL (gs_test_count_breaches (run), 0);
    gs_scenario_free (s);
  }
  {
    g_autoptr (GsRun) run
        = authority_run (FALSE, "100", "ba bb", "1", "1000", &s);
    assert_case (run, GS_CASE_APPROVED, "2024-02-10");
    CU_ASSERT_EQUAL (gs_test_count_breaches (run), 0);
    gs_scenario_free (s);
  }
  {
    g_autoptr (GsRun) run
        = authority_run (FALSE, "100", "ba bb", "1", "1001", &s);
    assert_case (run, GS_CASE_APPROVED, "2024-02-10");
    CU_ASSERT_EQUAL (gs_test_count_breaches (run), 1);
    assert_referral_breach (s, run, 0, GS_BREACH_OVER_LIMIT, "tb",
                            "2024-02-10");
    gs_scenario_free (s);
  }
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
    { "an ICB function referred to the trusts' boards",
      test_icb_function_referred_to_trusts },
    { "an ICB function the ICB's board consents to",
      test_icb_function_icb_board_consents },
    { "a trust matter referred: within and over a trust's limit",
      test_trust_matter_referred },
    { "bad input", test_bad_input },
    { NULL, NULL },
  };
  return gs_test_run ("referral", tests);
}

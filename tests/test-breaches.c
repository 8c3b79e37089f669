/* test-breaches.c — breaches of delegation limits found during a run.
 *
 * Each breach is produced once by a minimal scenario and is absent from the
 * same scenario with the scheme (or terms of reference) corrected.  The
 * scenarios are fully determined: everyone attends and supports everything,
 * so each proposal is approved at the first meeting of the body it is sent
 * to, and every date below follows from the calendars:
 *   Board A   (ba)  meets 2024-01-10, then monthly;
 *   Committee (ca)  meets 2024-01-15, then monthly;
 *   CEO A (oa-ceo)  signs off 2024-01-05, then weekly (Fridays);
 *   Joint committee (jc) meets 2024-01-20, then monthly.
 * Each proposal arrives on 2024-01-02, so it is decided at that body's first
 * meeting.
 */
#include "run/gs-run-private.h"
#include "gs-test-scenario.h"

#include <govsim/gs-authority.h>
#include <govsim/gs-loader.h>
#include <govsim/gs-report.h>

/* Organisations oa and ob, matters m and m2, the bodies above; @rest adds
 * schemes and proposals. */
static GsScenario *
scenario_new (const char *rest)
{
  g_autofree char *xml = g_strdup_printf (
      "<scenario xmlns='urn:govsim:scenario:1' name='t' start='2024-01-01' "
      "horizon='P6M'>\n"
      "<organisation id='oa' name='Trust A' kind='nhs-trust'/>\n"
      "<organisation id='ob' name='Trust B' kind='nhs-trust'/>\n"
      "<matter id='m' name='Capital'/>\n"
      "<matter id='m2' name='Policy'/>\n"
      "<person id='a1' org='oa' role='chief-executive' director='true'/>\n"
      "<person id='a2' org='oa' role='ned' director='true'/>\n"
      "<person id='b1' org='ob' role='chief-executive' director='true'/>\n"
      "<stance support='1'/>\n"
      "<board id='ba' name='Board A' org='oa'><member person='a1'/>"
      "<member person='a2'/>"
      "<meets first='2024-01-10' every='P1M' capacity='5'/></board>\n"
      "<board id='bb' name='Board B' org='ob'><member person='b1'/>"
      "<meets first='2024-01-10' every='P1M' capacity='5'/></board>\n"
      "<officer id='oa-ceo' name='CEO A' org='oa' person='a1'>"
      "<meets first='2024-01-05' every='P7D' capacity='5'/></officer>\n"
      "%s\n</scenario>\n",
      rest);
  return gs_test_load_inline (xml);
}

static GsRun *
run_of (const GsScenario *s)
{
  GsRun *run = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);
  g_autoptr (GError) error = NULL;
  CU_ASSERT_TRUE (gs_run_check (run, &error));
  return run;
}

/* The committee of oa, its members and ToR clause @voting. */
static const char *const committee_a
    = "<committee id='ca' name='Committee A' org='oa'><member person='a1'/>"
      "<member person='a2'/><quorum present='1'/>"
      "<meets first='2024-01-15' every='P1M' capacity='5'/></committee>\n";

/* Runs @xml and checks that it has exactly one breach, of @kind, on @day,
 * at body @body for organisation @org (or -1); returns the run for more
 * checks.  (transfer full) */
static GsRun *
expect_one (const GsScenario *s, GsBreach kind, const char *day,
            const char *body, const char *org)
{
  GsRun *run = run_of (s);
  CU_ASSERT_EQUAL (gs_test_count_breaches (run), 1);
  const GsRecord *r = gs_test_nth_breach (run, 0);
  CU_ASSERT_PTR_NOT_NULL_FATAL (r);
  CU_ASSERT_EQUAL (r->breach.breach, kind);
  CU_ASSERT_EQUAL (r->time, gs_test_day (day));
  CU_ASSERT_EQUAL (r->body, (guint32)gs_scenario_find_body (s, body));
  int o = -1;
  for (guint i = 0; org != NULL && i < gs_scenario_n_organisations (s); i++)
    if (strcmp (GS_ORG (s, i)->id, org) == 0)
      o = (int)i;
  CU_ASSERT_EQUAL (r->breach.org, o);
  CU_ASSERT_EQUAL (gs_run_get_case (run, r->item)->breaches, 1);
  return run;
}

static void
expect_none (const GsScenario *s)
{
  g_autoptr (GsRun) run = run_of (s);
  CU_ASSERT_EQUAL (gs_test_count_breaches (run), 0);
  /* The approval happened: the twin is not clean by deciding nothing. */
  CU_ASSERT_TRUE (gs_test_count_records (run, GS_REC_APPROVED) >= 1);
}

/* The line of the delegation with @id (its first version). */
static int
line_of_delegation (const GsScenario *s, const char *id)
{
  for (guint i = 0; i < s->delegations->len; i++)
    if (g_strcmp0 (GS_DELEGATION (s, i)->id, id) == 0)
      return GS_DELEGATION (s, i)->line;
  return -1;
}

#define PROPOSAL(body, value)                                                  \
  "<proposal id='p' title='P' matter='m' value='" value "' lead='oa' "         \
  "arrives='2024-01-02' body='" body "'/>\n"

static void
test_no_authority (void)
{
  /* The committee holds Policy, not Capital. */
  g_autofree char *bad = g_strconcat (
      committee_a,
      "<scheme org='oa'><delegation id='d' by='ba' to='ca' matters='m2'/>"
      "</scheme>\n",
      PROPOSAL ("ca", "10"), NULL);
  g_autoptr (GsScenario) s = scenario_new (bad);
  g_autoptr (GsRun) run
      = expect_one (s, GS_BREACH_NO_AUTHORITY, "2024-01-15", "ca", "oa");
  const GsRecord *r = gs_test_nth_breach (run, 0);
  CU_ASSERT_EQUAL (r->breach.delegation,
                   -1); /* no delegation of m reaches it at all */
  CU_ASSERT_EQUAL (r->breach.status, GS_AUTH_NONE);

  g_autofree char *good = g_strconcat (
      committee_a,
      "<scheme org='oa'><delegation id='d' by='ba' to='ca' matters='m2 m'/>"
      "</scheme>\n",
      PROPOSAL ("ca", "10"), NULL);
  g_autoptr (GsScenario) twin = scenario_new (good);
  expect_none (twin);
}

static void
test_over_limit (void)
{
  /* Limit £1,000: £1,001 is over, £1,000 (the limit itself) is within. */
  g_autofree char *bad = g_strconcat (
      committee_a,
      "<scheme org='oa'><delegation id='d' by='ba' to='ca' matters='m' "
      "limit='1000'/></scheme>\n",
      PROPOSAL ("ca", "1001"), NULL);
  g_autoptr (GsScenario) s = scenario_new (bad);
  g_autoptr (GsRun) run
      = expect_one (s, GS_BREACH_OVER_LIMIT, "2024-01-15", "ca", "oa");
  const GsRecord *r = gs_test_nth_breach (run, 0);
  CU_ASSERT_EQUAL (GS_DELEGATION (s, r->breach.delegation)->line,
                   line_of_delegation (s, "d"));
  CU_ASSERT_EQUAL (r->n_refs, 1);

  g_autofree char *good = g_strconcat (
      committee_a,
      "<scheme org='oa'><delegation id='d' by='ba' to='ca' matters='m' "
      "limit='1000'/></scheme>\n",
      PROPOSAL ("ca", "1000"), NULL);
  g_autoptr (GsScenario) twin = scenario_new (good);
  expect_none (twin);
}

static void
test_reserved (void)
{
  /* Reserved to the board: the delegation of the same matter does not
   * help the committee. */
  g_autofree char *bad = g_strconcat (
      committee_a,
      "<scheme org='oa'><reserved matters='m'/>"
      "<delegation id='d' by='ba' to='ca' matters='m'/></scheme>\n",
      PROPOSAL ("ca", "10"), NULL);
  g_autoptr (GsScenario) s = scenario_new (bad);
  g_autoptr (GsRun) run
      = expect_one (s, GS_BREACH_RESERVED, "2024-01-15", "ca", "oa");

  /* Corrected: the proposal goes to the board, which meets 2024-01-10. */
  g_autofree char *good = g_strconcat (
      committee_a, "<scheme org='oa'><reserved matters='m'/></scheme>\n",
      PROPOSAL ("ba", "10"), NULL);
  g_autoptr (GsScenario) twin = scenario_new (good);
  expect_none (twin);
}

static const char *const joint_committee
    = "<joint-committee id='jc' name='Joint Committee' parties='oa ob'>"
      "<member person='a1'/><member person='b1'/>"
      "<meets first='2024-01-20' every='P1M' capacity='5'/>"
      "</joint-committee>\n";

static void
test_jc_undelegated (void)
{
  /* Trust A delegated Capital to the joint committee; Trust B did not, yet
   * the decision binds it. */
  g_autofree char *bad = g_strconcat (
      joint_committee,
      "<scheme org='oa'><delegation by='ba' to='jc' matters='m'/></scheme>\n"
      "<scheme org='ob'><delegation by='bb' to='jc' matters='m2'/></scheme>\n",
      "<proposal id='p' title='P' matter='m' value='10' lead='oa' "
      "affects='oa ob' arrives='2024-01-02' body='jc'/>\n",
      NULL);
  g_autoptr (GsScenario) s = scenario_new (bad);
  g_autoptr (GsRun) run
      = expect_one (s, GS_BREACH_JC_UNDELEGATED, "2024-01-20", "jc", "ob");

  g_autofree char *good = g_strconcat (
      joint_committee,
      "<scheme org='oa'><delegation by='ba' to='jc' matters='m'/></scheme>\n"
      "<scheme org='ob'><delegation by='bb' to='jc' matters='m2 m'/>"
      "</scheme>\n",
      "<proposal id='p' title='P' matter='m' value='10' lead='oa' "
      "affects='oa ob' arrives='2024-01-02' body='jc'/>\n",
      NULL);
  g_autoptr (GsScenario) twin = scenario_new (good);
  expect_none (twin);
}

static void
test_sub_beyond (void)
{
  /* The committee holds Capital up to £1,000 and gives the CEO up to
   * £5,000; the CEO approves £2,000, more than the committee held. */
  g_autofree char *bad = g_strconcat (
      committee_a,
      "<scheme org='oa'>"
      "<delegation id='up' by='ba' to='ca' matters='m' limit='1000' "
      "sub-delegate='true'/>"
      "<delegation id='down' by='ca' to='oa-ceo' matters='m' limit='5000'/>"
      "</scheme>\n",
      PROPOSAL ("oa-ceo", "2000"), NULL);
  g_autoptr (GsScenario) s = scenario_new (bad);
  /* The CEO signs off on Friday 2024-01-05. */
  g_autoptr (GsRun) run
      = expect_one (s, GS_BREACH_SUB_BEYOND, "2024-01-05", "oa-ceo", "oa");
  const GsRecord *r = gs_test_nth_breach (run, 0);
  CU_ASSERT_EQUAL (GS_DELEGATION (s, r->breach.delegation)->line,
                   line_of_delegation (s, "down"));
  CU_ASSERT_EQUAL (r->breach.upstream, GS_AUTH_OVER_LIMIT);

  /* Corrected: the board gives the committee £5,000. */
  g_autofree char *good = g_strconcat (
      committee_a,
      "<scheme org='oa'>"
      "<delegation id='up' by='ba' to='ca' matters='m' limit='5000' "
      "sub-delegate='true'/>"
      "<delegation id='down' by='ca' to='oa-ceo' matters='m' limit='5000'/>"
      "</scheme>\n",
      PROPOSAL ("oa-ceo", "2000"), NULL);
  g_autoptr (GsScenario) twin = scenario_new (good);
  expect_none (twin);
}

static void
test_sub_forbidden (void)
{
  g_autofree char *bad
      = g_strconcat (committee_a,
                     "<scheme org='oa'>"
                     "<delegation id='up' by='ba' to='ca' matters='m'/>"
                     "<delegation id='down' by='ca' to='oa-ceo' matters='m'/>"
                     "</scheme>\n",
                     PROPOSAL ("oa-ceo", "10"), NULL);
  g_autoptr (GsScenario) s = scenario_new (bad);
  g_autoptr (GsRun) run
      = expect_one (s, GS_BREACH_SUB_FORBIDDEN, "2024-01-05", "oa-ceo", "oa");
  const GsRecord *r = gs_test_nth_breach (run, 0);
  CU_ASSERT_EQUAL (r->n_refs, 2); /* board → committee → CEO */

  g_autofree char *good = g_strconcat (
      committee_a,
      "<scheme org='oa'>"
      "<delegation id='up' by='ba' to='ca' matters='m' sub-delegate='true'/>"
      "<delegation id='down' by='ca' to='oa-ceo' matters='m'/>"
      "</scheme>\n",
      PROPOSAL ("oa-ceo", "10"), NULL);
  g_autoptr (GsScenario) twin = scenario_new (good);
  expect_none (twin);
}

static char *
conflicted_committee (const char *mode)
{
  /* a1 has declared a conflict on Capital; a2 has none.  Conflicted
   * members count towards the quorum of one. */
  return g_strdup_printf (
      "<committee id='ca' name='Committee A' org='oa'><member person='a1'/>"
      "<member person='a2'/>"
      "<quorum present='1' conflicted-count='true'/>"
      "<voting conflicts='%s'/>"
      "<meets first='2024-01-15' every='P1M' capacity='5'/></committee>\n"
      "<conflict person='a1' matter='m'/>\n" PROPOSAL ("ca", "10"),
      mode);
}

static void
test_conflicted_voted (void)
{
  g_autofree char *bad = conflicted_committee ("declare");
  g_autoptr (GsScenario) s = scenario_new (bad);
  g_autoptr (GsRun) run
      = expect_one (s, GS_BREACH_CONFLICTED_VOTED, "2024-01-15", "ca", NULL);
  const GsRecord *r = gs_test_nth_breach (run, 0);
  CU_ASSERT_EQUAL (r->kind, GS_REC_BREACH_VOTE);
  CU_ASSERT_EQUAL (r->n_refs, 1);
  CU_ASSERT_EQUAL (gs_run_record_refs (run, r)[0],
                   (guint32)gs_scenario_find_person (s, "a1"));
  /* Both voted for: 2–0. */
  const GsRecord *v = gs_test_nth_record (run, GS_REC_APPROVED, 0);
  CU_ASSERT_EQUAL (v->vote.votes_for, 2);

  /* Corrected terms of reference: a1 withdraws, a2 approves 1–0. */
  g_autofree char *good = conflicted_committee ("withdraw");
  g_autoptr (GsScenario) twin = scenario_new (good);
  expect_none (twin);
  g_autoptr (GsRun) run2 = run_of (twin);
  CU_ASSERT_EQUAL (
      gs_test_nth_record (run2, GS_REC_APPROVED, 0)->vote.votes_for, 1);
}

static void
test_affected_no_say (void)
{
  /* The joint committee binds both parties but only Trust A sits on it;
   * the proposal affects Trust B.  No scheme is needed for this one. */
  g_autoptr (GsScenario) s = scenario_new (
      "<joint-committee id='jc' name='Joint Committee' parties='oa ob'>"
      "<member person='a1'/>"
      "<meets first='2024-01-20' every='P1M' capacity='5'/>"
      "</joint-committee>\n"
      "<proposal id='p' title='P' matter='m' value='10' lead='oa' "
      "affects='oa ob' arrives='2024-01-02' body='jc'/>\n");
  g_autoptr (GsRun) run
      = expect_one (s, GS_BREACH_AFFECTED_NO_SAY, "2024-01-20", "jc", "ob");

  /* Corrected: Trust B has a member on the joint committee. */
  g_autoptr (GsScenario) twin2 = scenario_new (
      "<joint-committee id='jc' name='Joint Committee' parties='oa ob'>"
      "<member person='a1'/><member person='b1'/>"
      "<meets first='2024-01-20' every='P1M' capacity='5'/>"
      "</joint-committee>\n"
      "<proposal id='p' title='P' matter='m' value='10' lead='oa' "
      "affects='oa ob' arrives='2024-01-02' body='jc'/>\n");
  expect_none (twin2);
}

static void
test_withdrawn_mid_run (void)
{
  /* Withdrawn on 2024-02-01: the committee's approval on 2024-01-15 is
   * within authority, its approval on 2024-02-15 is not. */
  g_autoptr (GsScenario) s = scenario_new (
      "<committee id='ca' name='Committee A' org='oa'><member person='a1'/>"
      "<meets first='2024-01-15' every='P1M' capacity='5'/></committee>\n"
      "<scheme org='oa'><delegation id='d' by='ba' to='ca' matters='m'/>"
      "<withdraw delegation='d' on='2024-02-01'/></scheme>\n"
      "<proposal id='p1' title='P1' matter='m' lead='oa' "
      "arrives='2024-01-02' body='ca'/>\n"
      "<proposal id='p2' title='P2' matter='m' lead='oa' "
      "arrives='2024-01-20' body='ca'/>\n");
  g_autoptr (GsRun) run
      = expect_one (s, GS_BREACH_NO_AUTHORITY, "2024-02-15", "ca", "oa");
  const GsRecord *r = gs_test_nth_breach (run, 0);
  CU_ASSERT_EQUAL (r->breach.status, GS_AUTH_NOT_IN_FORCE);
  CU_ASSERT_STRING_EQUAL (
      GS_PROPOSAL (s, gs_run_get_case (run, r->item)->proposal)->id, "p2");
  g_autoptr (GString) text = g_string_new (NULL);
  gs_report_append_breach (text, run, r, gs_run_record_refs (run, r));
  CU_ASSERT_PTR_NOT_NULL (strstr (text->str, "was withdrawn on 2024-02-01"));
}

static void
test_leaving_releases (void)
{
  /* Trust B leaves on 2024-01-18: the joint committee's approval on
   * 2024-01-20 no longer binds it, so its missing delegation is no breach
   * and the approval binds Trust A alone. */
  g_autoptr (GsScenario) s = scenario_new (
      "<joint-committee id='jc' name='Joint Committee' parties='oa ob'>"
      "<member person='a1'/><member person='b1'/>"
      "<meets first='2024-01-20' every='P1M' capacity='5'/>"
      "</joint-committee>\n"
      "<scheme org='oa'><delegation by='ba' to='jc' matters='m'/></scheme>\n"
      "<scheme org='ob'/>\n<leave org='ob' on='2024-01-18'/>\n"
      "<proposal id='p' title='P' matter='m' value='10' lead='oa' "
      "affects='oa' arrives='2024-01-02' body='jc'/>\n");
  g_autoptr (GsRun) run = run_of (s);
  CU_ASSERT_EQUAL (gs_test_count_breaches (run), 0);
  const GsRecord *v = gs_test_nth_record (run, GS_REC_APPROVED, 0);
  CU_ASSERT_PTR_NOT_NULL_FATAL (v);
  CU_ASSERT_EQUAL (v->n_refs, 1);
}

static void
test_no_scheme_no_check (void)
{
  /* Without schemes nothing is known about authority: a committee deciding
   * anything is not reported. */
  g_autofree char *rest
      = g_strconcat (committee_a, PROPOSAL ("ca", "10"), NULL);
  g_autoptr (GsScenario) s = scenario_new (rest);
  expect_none (s);
}

/* The flag gs__scenario_index_delegations() sets on body @id. */
static gboolean
unchecked_at (const GsScenario *s, const char *id)
{
  int b = gs_scenario_find_body (s, id);
  CU_ASSERT_TRUE_FATAL (b >= 0);
  return GS_BODY (s, (guint)b)->approvals_unchecked;
}

static void
test_approvals_unchecked (void)
{
  /* GsBody.approvals_unchecked lets the run skip the approval check; it
   * may hold only where the check could find nothing.  Each case below is
   * read off gs_breach_approval() by hand. */

  /* A committee of a trust with no scheme: the approval binds Trust A
   * alone, which has no scheme and a member (a1) on it: nothing to find.
   * The same holds for both boards and the officer. */
  g_autofree char *plain
      = g_strconcat (committee_a, PROPOSAL ("ca", "10"), NULL);
  g_autoptr (GsScenario) s1 = scenario_new (plain);
  CU_ASSERT_TRUE (unchecked_at (s1, "ca"));
  CU_ASSERT_TRUE (unchecked_at (s1, "ba"));
  CU_ASSERT_TRUE (unchecked_at (s1, "bb"));
  CU_ASSERT_TRUE (unchecked_at (s1, "oa-ceo"));
  expect_none (s1);

  /* A party with a scheme: Trust A's scheme gives the committee Policy
   * only, so its approval on Capital (2024-01-15) is without authority.
   * Trust B has no scheme, and its board stays unchecked. */
  g_autofree char *scheme = g_strconcat (
      committee_a,
      "<scheme org='oa'><delegation by='ba' to='ca' matters='m2'/>"
      "</scheme>\n",
      PROPOSAL ("ca", "10"), NULL);
  g_autoptr (GsScenario) s2 = scenario_new (scheme);
  CU_ASSERT_FALSE (unchecked_at (s2, "ca"));
  CU_ASSERT_FALSE (unchecked_at (s2, "ba"));
  CU_ASSERT_TRUE (unchecked_at (s2, "bb"));
  g_autoptr (GsRun) r2
      = expect_one (s2, GS_BREACH_NO_AUTHORITY, "2024-01-15", "ca", "oa");

  /* A joint committee is never unchecked, even with no scheme and a member
   * of each party: here the check finds nothing (each affected party sits
   * on it and has no scheme)... */
  const char *jc_both
      = "<joint-committee id='jc' name='Joint Committee' parties='oa ob'>"
        "<member person='a1'/><member person='b1'/>"
        "<meets first='2024-01-20' every='P1M' capacity='5'/>"
        "</joint-committee>\n"
        "<proposal id='p' title='P' matter='m' value='10' lead='oa' "
        "affects='oa ob' arrives='2024-01-02' body='jc'/>\n";
  g_autoptr (GsScenario) s3 = scenario_new (jc_both);
  CU_ASSERT_FALSE (unchecked_at (s3, "jc"));
  expect_none (s3);
  /* ...and with Trust B's member gone, Trust B is affected with no say on
   * the joint committee's first meeting, 2024-01-20. */
  g_autoptr (GsScenario) s4 = scenario_new (
      "<joint-committee id='jc' name='Joint Committee' parties='oa ob'>"
      "<member person='a1'/>"
      "<meets first='2024-01-20' every='P1M' capacity='5'/>"
      "</joint-committee>\n"
      "<proposal id='p' title='P' matter='m' value='10' lead='oa' "
      "affects='oa ob' arrives='2024-01-02' body='jc'/>\n");
  CU_ASSERT_FALSE (unchecked_at (s4, "jc"));
  g_autoptr (GsRun) r4
      = expect_one (s4, GS_BREACH_AFFECTED_NO_SAY, "2024-01-20", "jc", "ob");

  /* A party with no member on the body: Trust A's committee seats only
   * Trust B's b1.  No scheme anywhere, but the approval binds and affects
   * Trust A (the lead), which had no say: one breach on 2024-01-15. */
  g_autoptr (GsScenario) s5 = scenario_new (
      "<committee id='ca' name='Committee A' org='oa'><member person='b1'/>"
      "<quorum present='1'/>"
      "<meets first='2024-01-15' every='P1M' capacity='5'/></committee>\n"
      "<proposal id='p' title='P' matter='m' value='10' lead='oa' "
      "affects='oa' arrives='2024-01-02' body='ca'/>\n");
  CU_ASSERT_FALSE (unchecked_at (s5, "ca"));
  CU_ASSERT_TRUE (unchecked_at (s5, "ba"));
  g_autoptr (GsRun) r5
      = expect_one (s5, GS_BREACH_AFFECTED_NO_SAY, "2024-01-15", "ca", "oa");

  /* A matter that is another organisation's function: Trust B owns
   * Estates (f) and has a scheme that delegates nothing, so every
   * body's approvals are checked, Trust A's committee included though
   * Trust A has no scheme.  Its approval binds Trust B alone, without
   * authority in Trust B's scheme: one breach on 2024-01-15. */
  g_autoptr (GsScenario) s6 = scenario_new (
      "<matter id='f' name='Estates' function-of='ob'/>\n"
      "<committee id='ca' name='Committee A' org='oa'><member person='a1'/>"
      "<member person='a2'/><quorum present='1'/>"
      "<meets first='2024-01-15' every='P1M' capacity='5'/></committee>\n"
      "<scheme org='ob'/>\n"
      "<proposal id='p' title='P' matter='f' value='10' lead='oa' "
      "arrives='2024-01-02' body='ca'/>\n");
  CU_ASSERT_FALSE (unchecked_at (s6, "ca"));
  CU_ASSERT_FALSE (unchecked_at (s6, "ba"));
  CU_ASSERT_FALSE (unchecked_at (s6, "bb"));
  g_autoptr (GsRun) r6
      = expect_one (s6, GS_BREACH_NO_AUTHORITY, "2024-01-15", "ca", "ob");
}

/* The shipped teaching pair.  delegation-limits.xml is built so that each
 * kind of breach happens exactly once (its header lists the faults: one
 * proposal per breach, everyone attends and supports everything, so the
 * seed does not matter); the corrected twin approves the same nine
 * proposals with no breach. */
static void
test_teaching_pair (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GsScenario) s = gs_loader_load_file (
      GS_SCENARIO_DIR "/delegation-limits.xml", 0, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (s);
  g_autoptr (GsScenario) twin = gs_loader_load_file (
      GS_SCENARIO_DIR "/delegation-limits-corrected.xml", 0, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (twin);
  for (guint64 seed = 1; seed <= 3; seed++)
    {
      g_autoptr (GsRun) run = gs_test_simulate (s, seed, 0, GS_RUN_FLAGS_NONE);
      guint count[GS_N_BREACHES] = { 0 };
      for (guint i = 0; i < gs_run_n_records (run); i++)
        {
          const GsRecord *r = gs_run_get_record (run, i);
          if (gs_record_kind_is_breach (r->kind))
            count[r->breach.breach]++;
        }
      for (guint k = 0; k < GS_N_BREACHES; k++)
        CU_ASSERT_EQUAL (count[k], 1);

      g_autoptr (GsRun) clean
          = gs_test_simulate (twin, seed, 0, GS_RUN_FLAGS_NONE);
      CU_ASSERT_EQUAL (gs_test_count_breaches (clean), 0);
      CU_ASSERT_EQUAL (gs_test_count_records (clean, GS_REC_DECIDED), 9);
      guint approved = 0;
      for (guint i = 0; i < gs_run_n_cases (clean); i++)
        approved += gs_run_get_case (clean, i)->state == GS_CASE_APPROVED;
      CU_ASSERT_EQUAL (approved, 9);
    }
}

int
main (void)
{
  static const GsTestCase tests[] = {
    { "no authority for the matter", test_no_authority },
    { "over the financial limit", test_over_limit },
    { "a matter reserved to the board", test_reserved },
    { "a joint committee binding a party that did not delegate",
      test_jc_undelegated },
    { "a sub-delegation beyond what the delegator held", test_sub_beyond },
    { "a sub-delegation that was not allowed", test_sub_forbidden },
    { "a conflicted member voted", test_conflicted_voted },
    { "an affected organisation with no say", test_affected_no_say },
    { "a delegation withdrawn mid-run", test_withdrawn_mid_run },
    { "leaving releases an organisation", test_leaving_releases },
    { "no scheme, no authority check", test_no_scheme_no_check },
    { "which bodies' approvals are left unchecked", test_approvals_unchecked },
    { "the teaching scenario and its corrected twin", test_teaching_pair },
    { NULL, NULL },
  };
  return gs_test_run ("breaches", tests);
}

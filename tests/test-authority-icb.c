/* test-authority-icb.c — authority for an ICB's functions exercised by a
 * joint committee of trusts, and approvals reached through the dispute
 * procedure judged against delegation limits.
 *
 * Every scenario is fully determined (everyone attends; stances are 0 or
 * 1; a mediation succeeds with probability 1 and an arbitrator approves
 * with probability 1 or 0), so each expected breach is worked by hand
 * from the calendars:
 *   Joint committee (jc) of Trust A and Trust B meets 2024-01-20, then
 *   monthly; each proposal arrives on 2024-01-02, so it is decided (or its
 *   dispute starts) on 2024-01-20.  A dispute level with within="P10D"
 *   answers ten days later, on 2024-01-30.
 * The limits are £1,000, inclusive: £1,000 is within, £1,001 is over.
 */
#include "run/gs-run-private.h"
#include "gs-test-scenario.h"

#include <govsim/gs-authority.h>
#include <govsim/gs-checks.h>
#include <govsim/gs-loader.h>
#include <govsim/gs-report.h>

/* Trusts ta and tb and the ICB icb, each with a board; a joint committee of
 * the trusts whose members are @jc_members (and its ToR clauses); matter
 * m (commissioning; the ICB's function when @icb_function) and m2; @rest
 * adds schemes, ladders and proposals. */
static GsScenario *
scenario_new (gboolean icb_function, const char *jc_clauses, const char *rest)
{
  g_autofree char *xml = g_strdup_printf (
      "<scenario xmlns='urn:govsim:scenario:1' name='t' start='2024-01-01' "
      "horizon='P6M'>\n"
      "<organisation id='ta' name='Trust A' kind='nhs-trust'/>\n"
      "<organisation id='tb' name='Trust B' kind='nhs-trust'/>\n"
      "<organisation id='icb' name='The ICB' kind='icb'/>\n"
      "<matter id='m' name='Commissioning'%s/>\n"
      "<matter id='m2' name='Policy'/>\n"
      "<person id='a1' org='ta' role='chief-executive' director='true'/>\n"
      "<person id='b1' org='tb' role='chief-executive' director='true'/>\n"
      "<person id='i1' org='icb' role='chief-executive' director='true'/>\n"
      "<stance support='1'/>\n"
      "<board id='ba' name='Board A' org='ta'><member person='a1'/>"
      "<meets first='2024-01-10' every='P1M' capacity='5'/></board>\n"
      "<board id='bb' name='Board B' org='tb'><member person='b1'/>"
      "<meets first='2024-01-10' every='P1M' capacity='5'/></board>\n"
      "<board id='bi' name='ICB Board' org='icb'><member person='i1'/>"
      "<meets first='2024-01-10' every='P1M' capacity='5'/></board>\n"
      "<joint-committee id='jc' name='Joint Committee' parties='ta tb'>"
      "<member person='a1'/><member person='b1'/>%s"
      "<meets first='2024-01-20' every='P1M' capacity='5'/>"
      "</joint-committee>\n"
      "%s\n</scenario>\n",
      icb_function ? " function-of='icb'" : "", jc_clauses, rest);
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

static int
org_index (const GsScenario *s, const char *id)
{
  for (guint i = 0; i < gs_scenario_n_organisations (s); i++)
    if (strcmp (GS_ORG (s, i)->id, id) == 0)
      return (int)i;
  return -1;
}

/* Whether the run's breach @nth is of @kind, for @org, on @day, by jc. */
static void
assert_breach (const GsScenario *s, const GsRun *run, guint nth, GsBreach kind,
               const char *org, const char *day)
{
  const GsRecord *r = gs_test_nth_breach (run, nth);
  CU_ASSERT_PTR_NOT_NULL_FATAL (r);
  CU_ASSERT_EQUAL (r->breach.breach, kind);
  CU_ASSERT_EQUAL (r->breach.org, org_index (s, org));
  CU_ASSERT_EQUAL (r->time, gs_test_day (day));
  CU_ASSERT_EQUAL (r->body, (guint32)gs_scenario_find_body (s, "jc"));
}

/* The trusts delegate only Policy to the joint committee; the ICB
 * delegates Commissioning up to £1,000. */
static const char *const schemes
    = "<scheme org='ta'><delegation by='ba' to='jc' matters='m2'/></scheme>\n"
      "<scheme org='tb'><delegation by='bb' to='jc' matters='m2'/></scheme>\n"
      "<scheme org='icb'><delegation id='icb-jc' by='bi' to='jc' "
      "matters='m' limit='1000'/></scheme>\n";

static char *
proposal (const char *matter, const char *value)
{
  return g_strdup_printf (
      "<proposal id='p' title='P' matter='%s' value='%s' lead='ta' "
      "affects='ta tb icb' arrives='2024-01-02' body='jc'/>\n",
      matter, value);
}

static void
test_authority_icb_function_within_limit (void)
{
  /* £1,000 = the ICB's limit: held through the ICB's delegation; the
   * trusts are not bound in their own right (no "joint committee without
   * delegation"), and the ICB, having delegated, is not "without a say". */
  g_autofree char *p = proposal ("m", "1000");
  g_autofree char *rest = g_strconcat (schemes, p, NULL);
  g_autoptr (GsScenario) s = scenario_new (TRUE, "", rest);
  g_autoptr (GsRun) run = run_of (s);
  CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_APPROVED), 1);
  CU_ASSERT_EQUAL (gs_test_count_breaches (run), 0);
  /* The approval's record lists the one organisation bound: the ICB. */
  guint32 bound[8];
  GsMotion m = { .matter = 0, .value = 1000 };
  CU_ASSERT_EQUAL (gs_binding_orgs (s, (guint)gs_scenario_find_body (s, "jc"),
                                    &m, gs_test_day ("2024-01-20"), bound),
                   1);
  CU_ASSERT_EQUAL (bound[0], (guint32)org_index (s, "icb"));
}

static void
test_authority_icb_function_over_limit (void)
{
  /* £1,001: one breach, the ICB's limit, naming its delegation. */
  g_autofree char *p = proposal ("m", "1001");
  g_autofree char *rest = g_strconcat (schemes, p, NULL);
  g_autoptr (GsScenario) s = scenario_new (TRUE, "", rest);
  g_autoptr (GsRun) run = run_of (s);
  CU_ASSERT_EQUAL (gs_test_count_breaches (run), 1);
  assert_breach (s, run, 0, GS_BREACH_OVER_LIMIT, "icb", "2024-01-20");
  const GsRecord *r = gs_test_nth_breach (run, 0);
  CU_ASSERT_EQUAL_FATAL (r->breach.delegation >= 0, TRUE);
  CU_ASSERT_STRING_EQUAL (GS_DELEGATION (s, r->breach.delegation)->id,
                          "icb-jc");
}

static void
test_authority_icb_without_function_of (void)
{
  /* The same file without function-of, as before it existed: each trust
   * is bound and did not delegate Commissioning (two breaches), and the
   * ICB is bound as an affected organisation that delegated it, with no
   * member on the committee (a third).  Worked: 2 parties + 1 no-say. */
  g_autofree char *p = proposal ("m", "1000");
  g_autofree char *rest = g_strconcat (schemes, p, NULL);
  g_autoptr (GsScenario) s = scenario_new (FALSE, "", rest);
  g_autoptr (GsRun) run = run_of (s);
  CU_ASSERT_EQUAL (gs_test_count_breaches (run), 3);
  assert_breach (s, run, 0, GS_BREACH_JC_UNDELEGATED, "ta", "2024-01-20");
  assert_breach (s, run, 1, GS_BREACH_JC_UNDELEGATED, "tb", "2024-01-20");
  assert_breach (s, run, 2, GS_BREACH_AFFECTED_NO_SAY, "icb", "2024-01-20");
}

static void
test_authority_icb_no_delegation (void)
{
  /* The ICB's scheme delegates Commissioning to no one: the committee
   * binds the ICB without authority (one breach, the ICB's; none for the
   * trusts). */
  g_autofree char *p = proposal ("m", "10");
  g_autofree char *rest = g_strconcat (
      "<scheme org='ta'><delegation by='ba' to='jc' matters='m2'/></scheme>\n"
      "<scheme org='tb'><delegation by='bb' to='jc' matters='m2'/></scheme>\n"
      "<scheme org='icb'><delegation by='bi' to='jc' matters='m2'/>"
      "</scheme>\n",
      p, NULL);
  g_autoptr (GsScenario) s = scenario_new (TRUE, "", rest);
  g_autoptr (GsRun) run = run_of (s);
  CU_ASSERT_EQUAL (gs_test_count_breaches (run), 1);
  assert_breach (s, run, 0, GS_BREACH_JC_UNDELEGATED, "icb", "2024-01-20");
}

/* ---- approvals reached through the dispute procedure ------------------ */

/* The committee ties 1–1 (Trust B's member supports nothing; simple
 * majority, no casting vote) and sends the tie up ladder l. */
static const char *const tied
    = "<voting rule='simple-majority'/><escalation ladder='l' on='tie'/>";

/* Each trust delegates Commissioning to the committee up to £1,000. */
static const char *const trust_limits
    = "<stance person='b1' support='0'/>\n"
      "<scheme org='ta'><delegation by='ba' to='jc' matters='m' "
      "limit='1000'/></scheme>\n"
      "<scheme org='tb'><delegation by='bb' to='jc' matters='m' "
      "limit='1000'/></scheme>\n";

/* Runs the tied committee with ladder @level and a proposal of @value;
 * the dispute starts 2024-01-20 and its level answers 2024-01-30. */
static GsRun *
run_dispute (gboolean icb_function, const char *level, const char *value,
             GsScenario **out)
{
  g_autofree char *p = proposal ("m", value);
  g_autofree char *rest = g_strdup_printf (
      "%s%s<ladder id='l'>%s</ladder>\n%s",
      icb_function ? schemes : trust_limits,
      icb_function ? "<stance person='b1' support='0'/>\n" : "", level, p);
  *out = scenario_new (icb_function, tied, rest);
  GsRun *run = run_of (*out);
  CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_ESCALATED), 1);
  return run;
}

static const char *const arbitration
    = "<level decides='binding' forum='Arbitrator' within='P10D' "
      "approve='1'/>";
static const char *const mediation
    = "<level decides='mediation' forum='Mediator' within='P10D' "
      "success='1' approve='1'/>";
static const char *const chair
    = "<level decides='chair' person='a1' within='P10D'/>";

/* An award of £1,001 binds both trusts over their limits: two breaches on
 * the day of the award; £1,000 (the limit) none; approve="0" (rejected)
 * none. */
static void
check_trust_award (const char *level)
{
  GsScenario *s = NULL;
  g_autoptr (GsRun) over = run_dispute (FALSE, level, "1001", &s);
  CU_ASSERT_EQUAL (gs_test_count_records (over, GS_REC_RESOLVED), 1);
  CU_ASSERT_EQUAL (gs_test_count_breaches (over), 2);
  assert_breach (s, over, 0, GS_BREACH_OVER_LIMIT, "ta", "2024-01-30");
  assert_breach (s, over, 1, GS_BREACH_OVER_LIMIT, "tb", "2024-01-30");
  CU_ASSERT_EQUAL (gs_run_get_case (over, 0)->breaches, 2);
  gs_scenario_free (s);

  g_autoptr (GsRun) at = run_dispute (FALSE, level, "1000", &s);
  CU_ASSERT_EQUAL (gs_test_count_records (at, GS_REC_RESOLVED), 1);
  CU_ASSERT_EQUAL (gs_test_count_breaches (at), 0);
  gs_scenario_free (s);
}

static void
test_authority_arbitrated_over_trust_limit (void)
{
  check_trust_award (arbitration);
  /* Rejected by the arbitrator: nothing binds, nothing breaches. */
  GsScenario *s = NULL;
  g_autoptr (GsRun) run = run_dispute (
      FALSE,
      "<level decides='binding' forum='Arbitrator' within='P10D' "
      "approve='0'/>",
      "1001", &s);
  CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_RESOLVED), 1);
  CU_ASSERT_EQUAL (gs_test_count_breaches (run), 0);
  gs_scenario_free (s);
}

/* A referral to both trusts' boards, either of which may agree: the
 * dispute starts on 20 January, the boards next meet on 10 February and
 * Board A approves (Board B's member supports nothing), so the level
 * agrees on 10 February.  The approval binds both trusts as the joint
 * committee's would, but Trust A's own board consented (the top of its
 * scheme, it decided for itself): only Trust B is judged against its
 * delegation to the committee.  £1,001 is over it (one breach that day),
 * £1,000 within it (none).  test-referral.c has the rest of the cases. */
static void
test_authority_referred_over_trust_limit (void)
{
  static const char *const referral
      = "<level decides='referral' bodies='ba bb' need='1' within='P1M'/>";
  GsScenario *s = NULL;
  g_autoptr (GsRun) over = run_dispute (FALSE, referral, "1001", &s);
  CU_ASSERT_EQUAL (gs_test_count_records (over, GS_REC_RESOLVED), 1);
  CU_ASSERT_EQUAL (gs_test_count_breaches (over), 1);
  assert_breach (s, over, 0, GS_BREACH_OVER_LIMIT, "tb", "2024-02-10");
  gs_scenario_free (s);

  g_autoptr (GsRun) at = run_dispute (FALSE, referral, "1000", &s);
  CU_ASSERT_EQUAL (gs_test_count_records (at, GS_REC_RESOLVED), 1);
  CU_ASSERT_EQUAL (gs_test_count_breaches (at), 0);
  gs_scenario_free (s);
}

static void
test_authority_mediated_over_trust_limit (void)
{
  check_trust_award (mediation);
  /* A mediation that never agrees (success 0) approves nothing. */
  GsScenario *s = NULL;
  g_autoptr (GsRun) run = run_dispute (
      FALSE,
      "<level decides='mediation' forum='Mediator' within='P10D' "
      "success='0'/>",
      "1001", &s);
  CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_RESOLVED), 0);
  CU_ASSERT_EQUAL (gs_test_count_breaches (run), 0);
  gs_scenario_free (s);
}

static void
test_authority_chair_over_trust_limit (void)
{
  /* Trust A's chief executive, who supports everything, decides. */
  check_trust_award (chair);
}

static void
test_authority_arbitrated_over_icb_limit (void)
{
  /* The ICB's function, awarded at £1,001: one breach, the ICB's limit;
   * at £1,000 none. */
  GsScenario *s = NULL;
  g_autoptr (GsRun) over = run_dispute (TRUE, arbitration, "1001", &s);
  CU_ASSERT_EQUAL (gs_test_count_breaches (over), 1);
  assert_breach (s, over, 0, GS_BREACH_OVER_LIMIT, "icb", "2024-01-30");
  gs_scenario_free (s);
  g_autoptr (GsRun) at = run_dispute (TRUE, arbitration, "1000", &s);
  CU_ASSERT_EQUAL (gs_test_count_records (at, GS_REC_RESOLVED), 1);
  CU_ASSERT_EQUAL (gs_test_count_breaches (at), 0);
  gs_scenario_free (s);
}

/* Who decided: an award of £1,001 through @level, on the ICB's function
 * (@icb: one breach, the ICB's limit) or the trusts' matter (@n breaches,
 * @org's first), whose first breach names the level that decided (@by,
 * level 1 of ladder l) in its record and in a sentence beginning with
 * @words, written out here from the scenario's names; the committee stays
 * the body judged. */
static void
assert_decided_by (gboolean icb, const char *level, GsDecidedBy by, guint n,
                   const char *org, const char *day, const char *words)
{
  GsScenario *s = NULL;
  g_autoptr (GsRun) run = run_dispute (icb, level, "1001", &s);
  CU_ASSERT_EQUAL (gs_test_count_breaches (run), n);
  assert_breach (s, run, 0, GS_BREACH_OVER_LIMIT, org, day);
  const GsRecord *r = gs_test_nth_breach (run, 0);
  CU_ASSERT_PTR_NOT_NULL_FATAL (r);
  CU_ASSERT_EQUAL (r->breach.decided_by, by);
  CU_ASSERT_EQUAL (r->breach.ladder, 0);
  CU_ASSERT_EQUAL (r->breach.level, 0);
  g_autoptr (GString) text = g_string_new (NULL);
  gs_report_append_breach (text, run, r, gs_run_record_refs (run, r));
  CU_ASSERT_TRUE (g_str_has_prefix (text->str, words));
  if (!g_str_has_prefix (text->str, words))
    fprintf (stderr, "\n%s\n", text->str);
  gs_scenario_free (s);
}

static void
test_authority_breach_names_decider (void)
{
  assert_decided_by (TRUE, arbitration, GS_DECIDED_BINDING, 1, "icb",
                     "2024-01-30",
                     "The arbitrator at level 1 of l (Arbitrator), deciding "
                     "for Joint Committee, approved 'P' (Commissioning, "
                     "£1,001) for The ICB, over the limit");
  assert_decided_by (TRUE, mediation, GS_DECIDED_MEDIATION, 1, "icb",
                     "2024-01-30",
                     "The outcome agreed in mediation at level 1 of l "
                     "(Mediator), adopted for Joint Committee, approved 'P'");
  assert_decided_by (TRUE, chair, GS_DECIDED_CHAIR, 1, "icb", "2024-01-30",
                     "a1 at level 1 of l (");
  /* The trusts' matter: Board A approves at its meeting of 10 February
   * (see above), binding Trust B through the committee without its
   * board's consent. */
  assert_decided_by (
      FALSE,
      "<level decides='referral' forum='The boards' bodies='ba bb' need='1' "
      "within='P1M'/>",
      GS_DECIDED_REFERRAL, 1, "tb", "2024-02-10",
      "The bodies referred to at level 1 of l (The boards) (Board A (Trust "
      "A) and Board B (Trust B)), deciding for Joint Committee, approved 'P' "
      "(Commissioning, £1,001) for Trust B, over the limit");

  /* The committee's own vote (no dispute): decided by the body, no
   * ladder, and the sentence names the committee. */
  g_autofree char *p = proposal ("m", "1001");
  g_autofree char *rest = g_strconcat (schemes, p, NULL);
  g_autoptr (GsScenario) s = scenario_new (TRUE, "", rest);
  g_autoptr (GsRun) run = run_of (s);
  const GsRecord *r = gs_test_nth_breach (run, 0);
  CU_ASSERT_PTR_NOT_NULL_FATAL (r);
  CU_ASSERT_EQUAL (r->breach.decided_by, GS_DECIDED_BODY);
  CU_ASSERT_EQUAL (r->breach.ladder, -1);
  CU_ASSERT_EQUAL (r->breach.level, -1);
  g_autoptr (GString) text = g_string_new (NULL);
  gs_report_append_breach (text, run, r, gs_run_record_refs (run, r));
  CU_ASSERT_TRUE (g_str_has_prefix (text->str, "Joint Committee approved"));
}

/* ---- govsim check ---------------------------------------------------------
 */

/* A pathway whose one gateway is the joint committee, for Commissioning
 * and Policy, with every delegation capped at £1,000 and no upper bound on
 * the pathway: by hand, three gaps over £1,000 at the gateway's line —
 * Trust A and Trust B for Policy, and the ICB for Commissioning (its
 * function: the trusts are not asked about it). */
static const char *const gap_pathway
    = "<scheme org='ta'><delegation by='ba' to='jc' matters='m2' "
      "limit='1000'/></scheme>\n"
      "<scheme org='tb'><delegation by='bb' to='jc' matters='m2' "
      "limit='1000'/></scheme>\n"
      "<scheme org='icb'><delegation by='bi' to='jc' matters='m' "
      "limit='1000'/></scheme>\n"
      "<pathway id='pw' matters='m m2'>\n"
      "<gateway id='g1' body='jc'/>\n"
      "</pathway>\n";

static guint
count_rule (const GPtrArray *findings, const char *rule, const char *text)
{
  guint n = 0;
  for (guint i = 0; i < findings->len; i++)
    {
      const GsFinding *f = g_ptr_array_index (findings, i);
      n += strcmp (f->rule->id, rule) == 0
           && (text == NULL || strstr (f->message, text) != NULL);
    }
  return n;
}

static guint
count_text (const char *haystack, const char *needle)
{
  guint n = 0;
  for (const char *p = strstr (haystack, needle); p != NULL;
       p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
test_authority_icb_check (void)
{
  g_autoptr (GsScenario) s = scenario_new (TRUE, "", gap_pathway);
  g_autoptr (GPtrArray) found = gs_check_scenario (s);
  CU_ASSERT_EQUAL (count_rule (found, "delegation-gap", NULL), 3);
  CU_ASSERT_EQUAL (count_rule (found, "delegation-gap",
                               "from The ICB ('icb') at the start of the "
                               "period for Commissioning ('m') worth over "
                               "£1,000"),
                   1);
  CU_ASSERT_EQUAL (count_rule (found, "delegation-gap",
                               "Trust A ('ta') at "
                               "the start of the "
                               "period for Policy"),
                   1);
  /* Nothing about Commissioning for a trust, and no gateway without
   * authority. */
  CU_ASSERT_EQUAL (count_rule (found, "gateway-without-authority", NULL), 0);
  for (guint i = 0; i < found->len; i++)
    {
      const GsFinding *f = g_ptr_array_index (found, i);
      gboolean trust = strstr (f->message, "('ta')") != NULL
                       || strstr (f->message, "('tb')") != NULL;
      CU_ASSERT_FALSE (trust && strstr (f->message, "Commissioning") != NULL);
    }

  /* Without function-of, each trust is asked about Commissioning too, and
   * holds none of it: two more gaps, of any value. */
  g_autoptr (GsScenario) plain = scenario_new (FALSE, "", gap_pathway);
  g_autoptr (GPtrArray) more = gs_check_scenario (plain);
  CU_ASSERT_EQUAL (count_rule (more, "delegation-gap",
                               "for Commissioning ('m') of any value"),
                   2);
}

static void
test_authority_check_grouped (void)
{
  g_autoptr (GsScenario) s = scenario_new (TRUE, "", gap_pathway);
  g_autoptr (GPtrArray) found = gs_check_scenario (s);
  g_autoptr (GString) full = g_string_new (NULL);
  g_autoptr (GString) grouped = g_string_new (NULL);
  gs_check_write_findings (s, found, full);
  gs_check_write_grouped (s, found, grouped);
  /* Full: three blocks, each with its basis; grouped: one header, the
   * three sentences, the basis once. */
  CU_ASSERT_EQUAL (count_text (full->str, "[delegation-gap]"), 3);
  CU_ASSERT_EQUAL (count_text (grouped->str, "[delegation-gap]"), 1);
  CU_ASSERT_EQUAL (count_text (grouped->str, "[delegation-gap] 3 findings of "
                                             "this rule at this line:\n"),
                   1);
  CU_ASSERT_EQUAL (count_text (grouped->str, "\n    - On gateway"), 3);
  CU_ASSERT_EQUAL (count_text (full->str, "    basis: "), found->len);
  CU_ASSERT_EQUAL (count_text (grouped->str, "    basis: "), found->len - 2);
  /* The gateway is named once in the group's elements, three times in
   * the full listing. */
  CU_ASSERT_EQUAL (count_text (grouped->str, ":19 gateway 'g1'"), 1);
  CU_ASSERT_EQUAL (count_text (full->str, ":19 gateway 'g1'"), 3);
  /* A lone finding is written exactly as in the full listing. */
  g_autoptr (GPtrArray) one = g_ptr_array_new ();
  g_ptr_array_add (one, g_ptr_array_index (found, 0));
  g_autoptr (GString) a = g_string_new (NULL);
  g_autoptr (GString) b = g_string_new (NULL);
  gs_check_write_findings (s, one, a);
  gs_check_write_grouped (s, one, b);
  CU_ASSERT_STRING_EQUAL (a->str, b->str);
}

/* ---- wording ------------------------------------------------------------- */

static void
test_authority_absolute_majority_wording (void)
{
  /* Two members, absolute majority: Trust A's member votes for, Trust B's
   * abstains.  1 for is exactly half of the 2 members, not more: an
   * equality with no casting vote, but not a "tie" of 1–0. */
  g_autoptr (GsScenario) s
      = scenario_new (FALSE, "<voting rule='absolute-majority'/>",
                      "<stance person='b1' support='0' abstain='1'/>\n"
                      "<proposal id='p' title='P' matter='m' lead='ta' "
                      "arrives='2024-01-02' body='jc'/>\n");
  g_autoptr (GsRun) run = run_of (s);
  CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_TIED), 1);
  g_autoptr (GString) trace = g_string_new (NULL);
  gs_report_text_trace (run, trace);
  CU_ASSERT_PTR_NOT_NULL (
      strstr (trace->str, "'P' not carried — 1 for and 0 against, and 1 for "
                          "is exactly half of the 2 members who may vote, "
                          "where an absolute majority needs more than half; "
                          "there is no casting vote"));
  CU_ASSERT_PTR_NULL (strstr (trace->str, "tied 1–0"));
}

/* Committee K of @n members under an absolute majority, the first @yes
 * supporting and the rest abstaining, everyone present; a tie goes to
 * an arbitrator. */
static GsScenario *
absolute_new (guint n, guint yes)
{
  g_autoptr (GString) xml = g_string_new (
      "<scenario xmlns='urn:govsim:scenario:1' name='t' start='2024-01-01' "
      "horizon='P3M'>\n<organisation id='oa' name='A' kind='nhs-trust'/>"
      "<matter id='m' name='Matter'/>\n");
  for (guint i = 1; i <= n; i++)
    g_string_append_printf (xml,
                            "<person id='p%u' org='oa' role='executive'/>"
                            "<stance person='p%u' support='%d' abstain='%d'/>"
                            "\n",
                            i, i, i <= yes, i > yes);
  g_string_append (xml, "<committee id='k' name='K' org='oa'>");
  for (guint i = 1; i <= n; i++)
    g_string_append_printf (xml, "<member person='p%u'/>", i);
  g_string_append (
      xml, "<voting rule='absolute-majority'/>"
           "<escalation ladder='l' on='tie'/>"
           "<meets first='2024-01-05' every='P1M' capacity='5'/></committee>\n"
           "<ladder id='l'><level decides='binding' forum='Arbitrator' "
           "within='P10D' approve='1'/></ladder>\n"
           "<proposal id='x' title='X' matter='m' lead='oa' body='k' "
           "arrives='2024-01-02'/></scenario>\n");
  return gs_test_load_inline (xml->str);
}

static void
test_authority_absolute_majority_shortfall (void)
{
  /* Seven members, 3 for, 4 abstaining: more for than against, but an
   * absolute majority of 7 needs 4 (7 / 2 + 1, by hand): rejected, and
   * said so, with the members counted in the record. */
  {
    g_autoptr (GsScenario) s = absolute_new (7, 3);
    g_autoptr (GsRun) run = run_of (s);
    const GsRecord *r = gs_test_nth_record (run, GS_REC_REJECTED, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL (r);
    CU_ASSERT_EQUAL (r->vote.members, 7);
    g_autoptr (GString) trace = g_string_new (NULL);
    gs_report_text_trace (run, trace);
    CU_ASSERT_PTR_NOT_NULL (
        strstr (trace->str, "'X' rejected, 3 for and 0 against, 4 "
                            "abstentions: short of the 4 votes an absolute "
                            "majority of 7 needs"));
    CU_ASSERT_PTR_NULL (strstr (trace->str, "tied"));
  }
  /* Six members, 3 for: exactly half, an equality the ToR send to the
   * arbitrator; the escalation's reason is not "the vote tied". */
  {
    g_autoptr (GsScenario) s = absolute_new (6, 3);
    g_autoptr (GsRun) run = run_of (s);
    CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_TIED), 1);
    CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_ESCALATED), 1);
    g_autoptr (GString) trace = g_string_new (NULL);
    gs_report_text_trace (run, trace);
    CU_ASSERT_PTR_NOT_NULL (
        strstr (trace->str, "goes to dispute resolution under 'l' — the "
                            "votes for were exactly half of the members, "
                            "short of the absolute majority the rule needs, "
                            "with no casting vote"));
    CU_ASSERT_PTR_NULL (strstr (trace->str, "the vote tied"));
  }
  /* Seven members, 4 for: carried; no shortfall said. */
  {
    g_autoptr (GsScenario) s = absolute_new (7, 4);
    g_autoptr (GsRun) run = run_of (s);
    CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_APPROVED), 1);
    g_autoptr (GString) trace = g_string_new (NULL);
    gs_report_text_trace (run, trace);
    CU_ASSERT_PTR_NULL (strstr (trace->str, "short of"));
  }
}

/* ---- bad input ---------------------------------------------------------- */

static void
expect_refused (const char *xml, const char *where, const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GsScenario) s
      = gs_loader_load_bytes (xml, strlen (xml), "inline", &error);
  CU_ASSERT_PTR_NULL (s);
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  CU_ASSERT_TRUE (g_str_has_prefix (error->message, where));
  CU_ASSERT_PTR_NOT_NULL (strstr (error->message, text));
  if (!g_str_has_prefix (error->message, where)
      || strstr (error->message, text) == NULL)
    fprintf (stderr, "\n%s\n", error->message);
}

static void
test_authority_icb_bad_input (void)
{
  expect_refused ("<scenario xmlns='urn:govsim:scenario:1' name='t' "
                  "start='2024-01-01' horizon='P6M'>\n"
                  "<organisation id='ta' name='A' kind='nhs-trust'/>\n"
                  "<matter id='m' name='M' function-of='nope'/>\n"
                  "</scenario>\n",
                  "inline:3: ",
                  "organisation 'nope' is not defined (attribute "
                  "'function-of')");
  expect_refused ("<scenario xmlns='urn:govsim:scenario:1' name='t' "
                  "start='2024-01-01' horizon='P6M'>\n"
                  "<organisation id='icb' name='ICB' kind='icb'/>\n"
                  "<matter id='m' name='M' function-of='icb'/>\n"
                  "</scenario>\n",
                  "inline:3: ", "which has no scheme of delegation");
}

int
main (void)
{
  static const GsTestCase tests[] = {
    { "an ICB function at the ICB's limit",
      test_authority_icb_function_within_limit },
    { "an ICB function a pound over the ICB's limit",
      test_authority_icb_function_over_limit },
    { "the same matter not marked as the ICB's function",
      test_authority_icb_without_function_of },
    { "an ICB function the ICB did not delegate",
      test_authority_icb_no_delegation },
    { "an arbitrated approval over a trust's limit",
      test_authority_arbitrated_over_trust_limit },
    { "a mediated approval over a trust's limit",
      test_authority_mediated_over_trust_limit },
    { "a referred approval over a trust's limit",
      test_authority_referred_over_trust_limit },
    { "a chair's decision over a trust's limit",
      test_authority_chair_over_trust_limit },
    { "an arbitrated approval over the ICB's limit",
      test_authority_arbitrated_over_icb_limit },
    { "a breach names the level that decided",
      test_authority_breach_names_decider },
    { "govsim check judges an ICB function for the ICB",
      test_authority_icb_check },
    { "govsim check groups findings of one rule at one line",
      test_authority_check_grouped },
    { "an absolute-majority shortfall is not called a tie",
      test_authority_absolute_majority_wording },
    { "an absolute majority's shortfall is said, not called a tie",
      test_authority_absolute_majority_shortfall },
    { "bad function-of", test_authority_icb_bad_input },
    { NULL, NULL },
  };
  return gs_test_run ("authority-icb", tests);
}

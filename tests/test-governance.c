/* test-governance.c — joint committees, committees in common, conflicts,
 * deputies, scripted absences, if-affected stances, casting votes and
 * consensus, on hand-worked scenarios.
 *
 * Every scenario but the last is fully determined (probabilities 0 or 1),
 * so each expectation is worked out by hand in the comment above it.  The
 * scenarios share three organisations, oa, ob and oc (organisation indices
 * 0, 1 and 2, in document order), and one matter, m.  Ids are unique across
 * all kinds, so people are p*, bodies k*, jc or cic, proposals x*.
 */
#include "run/gs-run-private.h"
#include "gs-test-scenario.h"

#include <govsim/gs-loader.h>
#include <govsim/gs-summary.h>

#include <string.h>

enum
{
  ORG_A = 0,
  ORG_B = 1,
  ORG_C = 2,
};

/* A scenario starting 2024-01-01 with organisations oa, ob, oc and matter m;
 * @rest is everything else (people, bodies, traffic, stances). */
static GsScenario *
scenario_new (const char *horizon, const char *rest)
{
  g_autofree char *xml = g_strdup_printf (
      "<scenario xmlns='urn:govsim:scenario:1' name='t' start='2024-01-01' "
      "horizon='%s'>\n"
      "<organisation id='oa' name='A' kind='nhs-trust'/>\n"
      "<organisation id='ob' name='B' kind='local-authority'/>\n"
      "<organisation id='oc' name='C' kind='vcse'/>\n"
      "<matter id='m' name='Matter'/>\n%s\n</scenario>\n",
      horizon, rest);
  return gs_test_load_inline (xml);
}

static guint
person (const GsScenario *s, const char *id)
{
  int i = gs_scenario_find_person (s, id);
  CU_ASSERT_FATAL (i >= 0);
  return (guint)i;
}

static guint
body (const GsScenario *s, const char *id)
{
  int i = gs_scenario_find_body (s, id);
  CU_ASSERT_FATAL (i >= 0);
  return (guint)i;
}

static const GsBodyStats *
body_stats (const GsSummary *sum, guint bi)
{
  return &g_array_index (sum->bodies, GsBodyStats, bi);
}

/* ---- joint committee ---------------------------------------------------- */

/* One member from each of oa, ob, oc; quorum: at least one from each party.
 * Meets weekly from 2024-01-10; the horizon P10D ends on 2024-01-11, so
 * 2024-01-10 is the only meeting.  One proposal, arriving 2024-01-02;
 * everybody supports. */
static GsScenario *
joint_scenario (const char *pc_attendance)
{
  g_autofree char *rest = g_strdup_printf (
      "<person id='pa' org='oa' role='ned'/>"
      "<person id='pb' org='ob' role='ned'/>"
      "<person id='pc' org='oc' role='ned' attendance='%s'/>"
      "<joint-committee id='jc' name='J' parties='oa ob oc'>"
      "<member person='pa'/><member person='pb'/><member person='pc'/>"
      "<quorum><each-party min='1'/></quorum>"
      "<meets first='2024-01-10' every='P7D' capacity='5'/>"
      "</joint-committee>"
      "<proposal id='x1' title='X' matter='m' lead='oa' arrives='2024-01-02' "
      "body='jc'/>"
      "<stance support='1'/>",
      pc_attendance);
  return scenario_new ("P10D", rest);
}

/* All three attend and vote for: 3–0, approved on 2024-01-10, and the
 * decision binds every party: refs = {oa, ob, oc} = {0, 1, 2}. */
static void
test_governance_joint_binds_all_parties (void)
{
  g_autoptr (GsScenario) s = joint_scenario ("1");
  g_autoptr (GsRun) run = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);
  CU_ASSERT_EQUAL_FATAL (gs_run_n_cases (run), 1);
  const GsCase *c = gs_run_get_case (run, 0);
  CU_ASSERT_EQUAL (c->state, GS_CASE_APPROVED);
  CU_ASSERT_EQUAL (c->decided, gs_test_day ("2024-01-10"));
  const GsRecord *r = gs_test_nth_record (run, GS_REC_APPROVED, 0);
  CU_ASSERT_PTR_NOT_NULL_FATAL (r);
  CU_ASSERT_EQUAL (r->body, body (s, "jc"));
  CU_ASSERT_EQUAL (r->vote.votes_for, 3);
  CU_ASSERT_EQUAL (r->vote.against, 0);
  CU_ASSERT_EQUAL_FATAL (r->n_refs, 3);
  const guint32 *refs = gs_run_record_refs (run, r);
  CU_ASSERT_EQUAL (refs[0], ORG_A);
  CU_ASSERT_EQUAL (refs[1], ORG_B);
  CU_ASSERT_EQUAL (refs[2], ORG_C);
}

/* pc, oc's only member, never attends: oc has 0 of the 1 it needs, so the
 * meeting is inquorate on the party rule, naming oc (index 2); a counted
 * of need c = 1, have 0 from that party; present f = 2 of b = 3; refs =
 * the absent, {pc}.  The item is carried and still waiting at the end. */
static void
test_governance_joint_party_short (void)
{
  g_autoptr (GsScenario) s = joint_scenario ("0");
  g_autoptr (GsRun) run = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);
  CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_INQUORATE), 1);
  const GsRecord *r = gs_test_nth_record (run, GS_REC_INQUORATE, 0);
  CU_ASSERT_PTR_NOT_NULL_FATAL (r);
  CU_ASSERT_EQUAL (r->item, GS_NONE);
  CU_ASSERT_EQUAL (r->quorum.result, GS_QUORUM_FAIL_PARTY);
  CU_ASSERT_EQUAL (r->quorum.party, ORG_C);
  CU_ASSERT_EQUAL (r->quorum.needed, 1);
  CU_ASSERT_EQUAL (r->quorum.counted, 0);
  CU_ASSERT_EQUAL (r->quorum.present, 2);
  CU_ASSERT_EQUAL (r->quorum.members, 3);
  CU_ASSERT_EQUAL_FATAL (r->n_refs, 1);
  CU_ASSERT_EQUAL (gs_run_record_refs (run, r)[0], person (s, "pc"));
  CU_ASSERT_EQUAL (gs_run_get_case (run, 0)->state, GS_CASE_WAITING);
  CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_CARRIED), 1);
  CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_APPROVED), 0);
}

/* ---- committees in common ----------------------------------------------- */

/* Three constituents, one per organisation, two members each.  Everyone
 * supports except oc's members, who never do.  So ka votes 2–0 (carried),
 * kb 2–0 (carried), kc 0–2 (defeated): two of three constituents approve. */
static GsScenario *
cic_scenario (const char *rule)
{
  g_autofree char *rest = g_strdup_printf (
      "<person id='pa1' org='oa' role='ned'/><person id='pa2' org='oa' "
      "role='ned'/>"
      "<person id='pb1' org='ob' role='ned'/><person id='pb2' org='ob' "
      "role='ned'/>"
      "<person id='pc1' org='oc' role='ned'/><person id='pc2' org='oc' "
      "role='ned'/>"
      "<committees-in-common id='cic' name='G' parties='oa ob oc' rule='%s'>"
      "<committee id='ka' name='KA' org='oa'><member person='pa1'/>"
      "<member person='pa2'/></committee>"
      "<committee id='kb' name='KB' org='ob'><member person='pb1'/>"
      "<member person='pb2'/></committee>"
      "<committee id='kc' name='KC' org='oc'><member person='pc1'/>"
      "<member person='pc2'/></committee>"
      "<meets first='2024-01-10' every='P7D' capacity='5'/>"
      "</committees-in-common>"
      "<proposal id='x1' title='X' matter='m' lead='oa' arrives='2024-01-02' "
      "body='cic'/>"
      "<stance support='1'/><stance org='oc' support='0'/>",
      rule);
  return scenario_new ("P10D", rest);
}

/* The three CONSTITUENT records, in constituent order: 2–0 carried, 2–0
 * carried, 0–2 defeated. */
static void
check_constituent_votes (const GsScenario *s, const GsRun *run)
{
  static const char *const ids[] = { "ka", "kb", "kc" };
  CU_ASSERT_EQUAL_FATAL (gs_test_count_records (run, GS_REC_CONSTITUENT), 3);
  for (guint i = 0; i < 3; i++)
    {
      const GsRecord *r = gs_test_nth_record (run, GS_REC_CONSTITUENT, i);
      CU_ASSERT_EQUAL (r->body, body (s, ids[i]));
      CU_ASSERT_EQUAL (r->vote.votes_for, i < 2 ? 2 : 0);
      CU_ASSERT_EQUAL (r->vote.against, i < 2 ? 0 : 2);
      CU_ASSERT_EQUAL (r->vote.outcome,
                       i < 2 ? GS_OUTCOME_CARRIED : GS_OUTCOME_DEFEATED);
    }
}

/* rule="all": kc's refusal sinks it.  A SPLIT record: a = 2 approving of
 * b = 3, e = 0 (not carried), refs = the approving bodies {ka, kb}; then
 * REJECTED for cic with a = 2, b = 1, e = -1; the case is rejected and the
 * group's stats count one split. */
static void
test_governance_cic_all_split_rejects (void)
{
  g_autoptr (GsScenario) s = cic_scenario ("all");
  g_autoptr (GsRun) run = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);
  check_constituent_votes (s, run);
  const GsRecord *sp = gs_test_nth_record (run, GS_REC_SPLIT, 0);
  CU_ASSERT_PTR_NOT_NULL_FATAL (sp);
  CU_ASSERT_EQUAL (sp->body, body (s, "cic"));
  CU_ASSERT_EQUAL (sp->split.approving, 2);
  CU_ASSERT_EQUAL (sp->split.constituents, 3);
  CU_ASSERT_EQUAL (sp->split.carried, 0);
  CU_ASSERT_EQUAL_FATAL (sp->n_refs, 2);
  CU_ASSERT_EQUAL (gs_run_record_refs (run, sp)[0], body (s, "ka"));
  CU_ASSERT_EQUAL (gs_run_record_refs (run, sp)[1], body (s, "kb"));

  const GsRecord *r = gs_test_nth_record (run, GS_REC_REJECTED, 0);
  CU_ASSERT_PTR_NOT_NULL_FATAL (r);
  CU_ASSERT_EQUAL (r->body, body (s, "cic"));
  CU_ASSERT_EQUAL (r->vote.votes_for, 2);
  CU_ASSERT_EQUAL (r->vote.against, 1);
  CU_ASSERT_EQUAL (r->vote.collective, 1);
  CU_ASSERT_EQUAL (r->vote.outcome, GS_OUTCOME_DEFEATED);
  CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_APPROVED), 0);
  CU_ASSERT_EQUAL (gs_run_get_case (run, 0)->state, GS_CASE_REJECTED);
  CU_ASSERT_EQUAL (gs_run_get_case (run, 0)->decided,
                   gs_test_day ("2024-01-10"));

  g_autoptr (GsSummary) sum = gs_summary_new (run);
  CU_ASSERT_EQUAL (body_stats (sum, body (s, "cic"))->splits, 1);
}

/* rule="majority": 2 of 3 is more than half, so the same votes carry it.
 * Still a split (SPLIT e = 1); APPROVED for cic with a = 2, b = 1, binding
 * only the organisations whose committee approved: refs = {oa, ob}. */
static void
test_governance_cic_majority_binds_approvers (void)
{
  g_autoptr (GsScenario) s = cic_scenario ("majority");
  g_autoptr (GsRun) run = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);
  check_constituent_votes (s, run);
  const GsRecord *sp = gs_test_nth_record (run, GS_REC_SPLIT, 0);
  CU_ASSERT_PTR_NOT_NULL_FATAL (sp);
  CU_ASSERT_EQUAL (sp->split.carried, 1);
  const GsRecord *r = gs_test_nth_record (run, GS_REC_APPROVED, 0);
  CU_ASSERT_PTR_NOT_NULL_FATAL (r);
  CU_ASSERT_EQUAL (r->body, body (s, "cic"));
  CU_ASSERT_EQUAL (r->vote.votes_for, 2);
  CU_ASSERT_EQUAL (r->vote.against, 1);
  CU_ASSERT_EQUAL_FATAL (r->n_refs, 2);
  CU_ASSERT_EQUAL (gs_run_record_refs (run, r)[0], ORG_A);
  CU_ASSERT_EQUAL (gs_run_record_refs (run, r)[1], ORG_B);
  CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_REJECTED), 0);
  CU_ASSERT_EQUAL (gs_run_get_case (run, 0)->state, GS_CASE_APPROVED);
}

/* ---- conflicts ---------------------------------------------------------- */

/* Committee k of oa: pa, pb, pc, all attending and supporting; pc declares
 * a conflict on matter m.  Quorum: 3 present, i.e. everyone who attends. */
static GsScenario *
conflict_scenario (const char *conflicted_count)
{
  g_autofree char *rest = g_strdup_printf (
      "<person id='pa' org='oa' role='ned'/>"
      "<person id='pb' org='oa' role='ned'/>"
      "<person id='pc' org='oa' role='executive'/>"
      "<committee id='k' name='K' org='oa'>"
      "<member person='pa'/><member person='pb'/><member person='pc'/>"
      "<quorum present='3' conflicted-count='%s'/>"
      "<meets first='2024-01-10' every='P7D' capacity='5'/></committee>"
      "<proposal id='x1' title='X' matter='m' lead='oa' arrives='2024-01-02' "
      "body='k'/>"
      "<conflict person='pc' matter='m'/>"
      "<stance support='1'/>",
      conflicted_count);
  return scenario_new ("P10D", rest);
}

static void
check_conflict_record (const GsScenario *s, const GsRun *run)
{
  CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_CONFLICT), 1);
  const GsRecord *k = gs_test_nth_record (run, GS_REC_CONFLICT, 0);
  CU_ASSERT_PTR_NOT_NULL_FATAL (k);
  CU_ASSERT_EQUAL (k->item, 0);
  CU_ASSERT_EQUAL_FATAL (k->n_refs, 1);
  CU_ASSERT_EQUAL (gs_run_record_refs (run, k)[0], person (s, "pc"));
}

/* conflicted-count="false": without pc only 2 of the 3 needed count, so the
 * item (not the meeting) is inquorate: an ITEM_INQUORATE record with item
 * 0, FAIL_PRESENT, 2 counted of 3 needed, refs = the conflicted {pc}; the
 * item is carried and left waiting.  The meeting itself was quorate, so it
 * counts as one meeting held, none inquorate, and one item inquorate. */
static void
test_governance_conflict_item_inquorate (void)
{
  g_autoptr (GsScenario) s = conflict_scenario ("false");
  g_autoptr (GsRun) run = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);
  check_conflict_record (s, run);
  CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_MEETING), 1);
  CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_INQUORATE), 0);
  const GsRecord *r = gs_test_nth_record (run, GS_REC_ITEM_INQUORATE, 0);
  CU_ASSERT_PTR_NOT_NULL_FATAL (r);
  CU_ASSERT_EQUAL (r->item, 0);
  CU_ASSERT_EQUAL (r->quorum.result, GS_QUORUM_FAIL_PRESENT);
  CU_ASSERT_EQUAL (r->quorum.counted, 2);
  CU_ASSERT_EQUAL (r->quorum.needed, 3);
  CU_ASSERT_EQUAL_FATAL (r->n_refs, 1);
  CU_ASSERT_EQUAL (gs_run_record_refs (run, r)[0], person (s, "pc"));
  const GsRecord *cr = gs_test_nth_record (run, GS_REC_CARRIED, 0);
  CU_ASSERT_PTR_NOT_NULL_FATAL (cr);
  CU_ASSERT_EQUAL (cr->carried.reason, GS_CARRY_INQUORATE);
  CU_ASSERT_EQUAL (gs_run_get_case (run, 0)->state, GS_CASE_WAITING);
  CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_APPROVED), 0);
  g_autoptr (GsSummary) sum = gs_summary_new (run);
  const GsBodyStats *k = body_stats (sum, body (s, "k"));
  CU_ASSERT_EQUAL (k->meetings, 1);
  CU_ASSERT_EQUAL (k->inquorate, 0);
  CU_ASSERT_EQUAL (k->item_inquorate, 1);
}

/* conflicted-count="true": pc counts, 3 ≥ 3, so the item is decided; pc
 * takes no part in the vote: a + b + c = 2 + 0 + 0 = 3 present − 1
 * conflicted.  The body counts one conflict. */
static void
test_governance_conflict_excluded_from_vote (void)
{
  g_autoptr (GsScenario) s = conflict_scenario ("true");
  g_autoptr (GsRun) run = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);
  check_conflict_record (s, run);
  CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_INQUORATE), 0);
  const GsRecord *m = gs_test_nth_record (run, GS_REC_MEETING, 0);
  CU_ASSERT_PTR_NOT_NULL_FATAL (m);
  CU_ASSERT_EQUAL (m->meeting.present, 3);
  const GsRecord *r = gs_test_nth_record (run, GS_REC_APPROVED, 0);
  CU_ASSERT_PTR_NOT_NULL_FATAL (r);
  CU_ASSERT_EQUAL (r->vote.votes_for + r->vote.against + r->vote.abstain,
                   m->meeting.present - 1);
  CU_ASSERT_EQUAL (r->vote.votes_for, 2);
  CU_ASSERT_EQUAL (gs_run_get_case (run, 0)->state, GS_CASE_APPROVED);
  g_autoptr (GsSummary) sum = gs_summary_new (run);
  CU_ASSERT_EQUAL (body_stats (sum, body (s, "k"))->conflicts, 1);
}

/* ---- deputies ----------------------------------------------------------- */

/* Committee k: pa (never attends; deputy pd, always attends) and pb.  pb
 * supports, pd never does.  Quorum 2 present. */
static GsScenario *
deputy_scenario (const char *deputies_count, const char *deputies_vote)
{
  g_autofree char *rest = g_strdup_printf (
      "<person id='pa' org='oa' role='ned' attendance='0'/>"
      "<person id='pb' org='oa' role='ned'/>"
      "<person id='pd' org='oa' role='executive'/>"
      "<committee id='k' name='K' org='oa'>"
      "<member person='pa' deputy='pd'/><member person='pb'/>"
      "<quorum present='2' deputies-count='%s'/>"
      "<voting deputies-vote='%s'/>"
      "<meets first='2024-01-10' every='P7D' capacity='5'/></committee>"
      "<proposal id='x1' title='X' matter='m' lead='oa' arrives='2024-01-02' "
      "body='k'/>"
      "<stance person='pb' support='1'/><stance person='pd' support='0'/>",
      deputies_count, deputies_vote);
  return scenario_new ("P10D", rest);
}

/* pd fills pa's seat: 2 present of 2 seats, f = 1 deputy; quorate.  pd
 * votes: pb for, pd against, 1–1, a tie under simple majority. */
static void
test_governance_deputy_fills_seat_and_votes (void)
{
  g_autoptr (GsScenario) s = deputy_scenario ("true", "true");
  g_autoptr (GsRun) run = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);
  const GsRecord *m = gs_test_nth_record (run, GS_REC_MEETING, 0);
  CU_ASSERT_PTR_NOT_NULL_FATAL (m);
  CU_ASSERT_EQUAL (m->meeting.present, 2);
  CU_ASSERT_EQUAL (m->meeting.seats, 2);
  CU_ASSERT_EQUAL (m->meeting.deputies, 1);
  const GsRecord *r = gs_test_nth_record (run, GS_REC_TIED, 0);
  CU_ASSERT_PTR_NOT_NULL_FATAL (r);
  CU_ASSERT_EQUAL (r->vote.votes_for, 1);
  CU_ASSERT_EQUAL (r->vote.against, 1);
  CU_ASSERT_EQUAL (gs_run_get_case (run, 0)->state, GS_CASE_REJECTED);
}

/* deputies-vote="false": pd still makes the quorum (f = 1) but does not
 * vote: 1–0, approved. */
static void
test_governance_deputy_may_not_vote (void)
{
  g_autoptr (GsScenario) s = deputy_scenario ("true", "false");
  g_autoptr (GsRun) run = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);
  const GsRecord *m = gs_test_nth_record (run, GS_REC_MEETING, 0);
  CU_ASSERT_PTR_NOT_NULL_FATAL (m);
  CU_ASSERT_EQUAL (m->meeting.deputies, 1);
  const GsRecord *r = gs_test_nth_record (run, GS_REC_APPROVED, 0);
  CU_ASSERT_PTR_NOT_NULL_FATAL (r);
  CU_ASSERT_EQUAL (r->vote.votes_for, 1);
  CU_ASSERT_EQUAL (r->vote.against, 0);
  CU_ASSERT_EQUAL (r->vote.abstain, 0);
  CU_ASSERT_EQUAL (gs_run_get_case (run, 0)->state, GS_CASE_APPROVED);
}

/* deputies-count="false": pd is in the room (f = 2 present) but only pb
 * counts, 1 < 2: inquorate on the head-count, a = 1 of c = 2. */
static void
test_governance_deputy_not_counted (void)
{
  g_autoptr (GsScenario) s = deputy_scenario ("false", "true");
  g_autoptr (GsRun) run = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);
  CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_MEETING), 0);
  const GsRecord *r = gs_test_nth_record (run, GS_REC_INQUORATE, 0);
  CU_ASSERT_PTR_NOT_NULL_FATAL (r);
  CU_ASSERT_EQUAL (r->item, GS_NONE);
  CU_ASSERT_EQUAL (r->quorum.result, GS_QUORUM_FAIL_PRESENT);
  CU_ASSERT_EQUAL (r->quorum.counted, 1);
  CU_ASSERT_EQUAL (r->quorum.needed, 2);
  CU_ASSERT_EQUAL (r->quorum.present, 2);
  CU_ASSERT_EQUAL (gs_run_get_case (run, 0)->state, GS_CASE_WAITING);
}

/* ---- scripted absence --------------------------------------------------- */

/* Committee k: pa and pb, quorum 2; pa is away from 2024-01-10 until
 * 2024-01-24 (exclusive).  Meetings weekly from 2024-01-03; the horizon
 * P1M ends on 2024-02-01, so meetings on 01-03, 01-10, 01-17, 01-24 and
 * 01-31.  Requests arrive every 7 days from 2024-01-02 (01-02, 01-09,
 * 01-16, 01-23, 01-30), so every meeting has business:
 *   01-03  quorate, decides #1;
 *   01-10  pa away: inquorate, carries #2;
 *   01-17  pa away: inquorate, carries #2 and #3;
 *   01-24  pa back (until is exclusive): decides #2, #3, #4;
 *   01-31  decides #5. */
static void
test_governance_scripted_absence (void)
{
  g_autoptr (GsScenario) s = scenario_new (
      "P1M", "<person id='pa' org='oa' role='ned'/>"
             "<person id='pb' org='oa' role='ned'/>"
             "<committee id='k' name='K' org='oa'>"
             "<member person='pa'/><member person='pb'/><quorum present='2'/>"
             "<meets first='2024-01-03' every='P7D' capacity='5'/></committee>"
             "<arrivals id='r' title='R' matter='m' body='k' lead='oa' "
             "first='2024-01-02' every='P7D' count='5'/>"
             "<absence person='pa' from='2024-01-10' until='2024-01-24'/>"
             "<stance support='1'/>");
  g_autoptr (GsRun) run = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);

  CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_INQUORATE), 2);
  static const char *const away[] = { "2024-01-10", "2024-01-17" };
  for (guint i = 0; i < 2; i++)
    {
      const GsRecord *r = gs_test_nth_record (run, GS_REC_INQUORATE, i);
      CU_ASSERT_PTR_NOT_NULL_FATAL (r);
      CU_ASSERT_EQUAL (r->time, gs_test_day (away[i]));
      CU_ASSERT_EQUAL (r->quorum.present, 1);
      CU_ASSERT_EQUAL_FATAL (r->n_refs, 1);
      CU_ASSERT_EQUAL (gs_run_record_refs (run, r)[0], person (s, "pa"));
    }
  static const char *const met[] = { "2024-01-03", "2024-01-24", "2024-01-31" };
  CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_MEETING), 3);
  for (guint i = 0; i < 3; i++)
    {
      const GsRecord *r = gs_test_nth_record (run, GS_REC_MEETING, i);
      CU_ASSERT_PTR_NOT_NULL_FATAL (r);
      CU_ASSERT_EQUAL (r->time, gs_test_day (met[i]));
      CU_ASSERT_EQUAL (r->meeting.present, 2);
    }
  static const char *const decided[]
      = { "2024-01-03", "2024-01-24", "2024-01-24", "2024-01-24",
          "2024-01-31" };
  CU_ASSERT_EQUAL_FATAL (gs_run_n_cases (run), 5);
  for (guint i = 0; i < 5; i++)
    {
      const GsCase *c = gs_run_get_case (run, i);
      CU_ASSERT_EQUAL (c->serial, i + 1);
      CU_ASSERT_EQUAL (c->state, GS_CASE_APPROVED);
      CU_ASSERT_EQUAL (c->decided, gs_test_day (decided[i]));
    }
  /* Carried: #2 twice, #3 once. */
  CU_ASSERT_EQUAL (gs_run_get_case (run, 1)->carried, 2);
  CU_ASSERT_EQUAL (gs_run_get_case (run, 2)->carried, 1);
}

/* ---- if-affected -------------------------------------------------------- */

/* Committee k of oa: three members of oa, whose stance is support 0 but
 * if-affected 1.  x1 affects oa: all three vote for, 3–0, approved.  x2
 * affects only ob: the plain support applies, 0–3, rejected.  Both are
 * decided at the one meeting, 2024-01-10. */
static void
test_governance_if_affected_flips (void)
{
  g_autoptr (GsScenario) s = scenario_new (
      "P10D", "<person id='pa' org='oa' role='ned'/>"
              "<person id='pb' org='oa' role='ned'/>"
              "<person id='pc' org='oa' role='executive'/>"
              "<committee id='k' name='K' org='oa'>"
              "<member person='pa'/><member person='pb'/><member person='pc'/>"
              "<meets first='2024-01-10' every='P7D' capacity='5'/></committee>"
              "<proposal id='x1' title='X1' matter='m' lead='ob' affects='oa' "
              "arrives='2024-01-02' body='k'/>"
              "<proposal id='x2' title='X2' matter='m' lead='ob' affects='ob' "
              "arrives='2024-01-02' body='k'/>"
              "<stance org='oa' support='0' if-affected='1'/>");
  g_autoptr (GsRun) run = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);
  CU_ASSERT_EQUAL_FATAL (gs_run_n_cases (run), 2);
  CU_ASSERT_EQUAL (gs_run_get_case (run, 0)->state, GS_CASE_APPROVED);
  CU_ASSERT_EQUAL (gs_run_get_case (run, 1)->state, GS_CASE_REJECTED);
  const GsRecord *a = gs_test_nth_record (run, GS_REC_APPROVED, 0);
  const GsRecord *r = gs_test_nth_record (run, GS_REC_REJECTED, 0);
  CU_ASSERT_PTR_NOT_NULL_FATAL (a);
  CU_ASSERT_PTR_NOT_NULL_FATAL (r);
  CU_ASSERT_EQUAL (a->item, 0);
  CU_ASSERT_EQUAL (a->vote.votes_for, 3);
  CU_ASSERT_EQUAL (a->vote.against, 0);
  CU_ASSERT_EQUAL (r->item, 1);
  CU_ASSERT_EQUAL (r->vote.votes_for, 0);
  CU_ASSERT_EQUAL (r->vote.against, 3);
}

/* ---- casting vote ------------------------------------------------------- */

/* Four members; pa (role chair, so the chair) and pb support, pc and pd
 * never do: 2–2.  casting="chair" and the chair voted for, so the casting
 * vote carries it: APPROVED with a = 2, b = 2, d = 1; the body's stats
 * count one casting vote and no tie. */
static void
test_governance_casting_vote (void)
{
  g_autoptr (GsScenario) s = scenario_new (
      "P10D",
      "<person id='pa' org='oa' role='chair'/>"
      "<person id='pb' org='oa' role='ned'/>"
      "<person id='pc' org='oa' role='ned'/>"
      "<person id='pd' org='oa' role='ned'/>"
      "<committee id='k' name='K' org='oa'>"
      "<member person='pa'/><member person='pb'/><member person='pc'/>"
      "<member person='pd'/><voting casting='chair'/>"
      "<meets first='2024-01-10' every='P7D' capacity='5'/></committee>"
      "<proposal id='x1' title='X' matter='m' lead='oa' arrives='2024-01-02' "
      "body='k'/>"
      "<stance person='pa' support='1'/><stance person='pb' support='1'/>"
      "<stance person='pc' support='0'/><stance person='pd' support='0'/>");
  g_autoptr (GsRun) run = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);
  const GsRecord *r = gs_test_nth_record (run, GS_REC_APPROVED, 0);
  CU_ASSERT_PTR_NOT_NULL_FATAL (r);
  CU_ASSERT_EQUAL (r->vote.votes_for, 2);
  CU_ASSERT_EQUAL (r->vote.against, 2);
  CU_ASSERT_EQUAL (r->vote.casting, 1);
  CU_ASSERT_EQUAL (gs_run_get_case (run, 0)->state, GS_CASE_APPROVED);
  g_autoptr (GsSummary) sum = gs_summary_new (run);
  CU_ASSERT_EQUAL (body_stats (sum, body (s, "k"))->casting, 1);
  CU_ASSERT_EQUAL (body_stats (sum, body (s, "k"))->ties, 0);
}

/* ---- consensus ---------------------------------------------------------- */

/* Consensus among pa, pb, pc; pb never supports, so pb objects: BLOCKED,
 * refs = the objectors {pb}; the case is rejected; one blocked. */
static void
test_governance_consensus_blocked (void)
{
  g_autoptr (GsScenario) s = scenario_new (
      "P10D",
      "<person id='pa' org='oa' role='ned'/>"
      "<person id='pb' org='oa' role='ned'/>"
      "<person id='pc' org='oa' role='ned'/>"
      "<committee id='k' name='K' org='oa'>"
      "<member person='pa'/><member person='pb'/><member person='pc'/>"
      "<voting rule='consensus'/>"
      "<meets first='2024-01-10' every='P7D' capacity='5'/></committee>"
      "<proposal id='x1' title='X' matter='m' lead='oa' arrives='2024-01-02' "
      "body='k'/>"
      "<stance support='1'/><stance person='pb' support='0'/>");
  g_autoptr (GsRun) run = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);
  CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_BLOCKED), 1);
  const GsRecord *r = gs_test_nth_record (run, GS_REC_BLOCKED, 0);
  CU_ASSERT_PTR_NOT_NULL_FATAL (r);
  CU_ASSERT_EQUAL_FATAL (r->n_refs, 1);
  CU_ASSERT_EQUAL (gs_run_record_refs (run, r)[0], person (s, "pb"));
  CU_ASSERT_EQUAL (gs_run_get_case (run, 0)->state, GS_CASE_REJECTED);
  g_autoptr (GsSummary) sum = gs_summary_new (run);
  CU_ASSERT_EQUAL (body_stats (sum, body (s, "k"))->blocked, 1);
}

/* ---- invariants under randomness ---------------------------------------- */

static gboolean
is_decision (GsRecordKind kind)
{
  return kind == GS_REC_APPROVED || kind == GS_REC_REJECTED
         || kind == GS_REC_TIED || kind == GS_REC_BLOCKED
         || kind == GS_REC_NO_VOTES;
}

/* Committees in common with uncertain attendance, deputies, abstentions,
 * conflicts and support, and a Poisson stream of work.  Whatever the
 * draws: every case ends approved, rejected or waiting; a decided case has
 * exactly one decision record (from any body), a waiting one none; and
 * decided cases carry a decision date. */
static void
test_governance_cic_random_invariants (void)
{
  g_autoptr (GsScenario) s = scenario_new (
      "P1Y", "<person id='pa1' org='oa' role='chair' attendance='0.8'/>"
             "<person id='pa2' org='oa' role='ned' attendance='0.7'/>"
             "<person id='pa3' org='oa' role='ned' attendance='0.9'/>"
             "<person id='pb1' org='ob' role='chair' attendance='0.8'/>"
             "<person id='pb2' org='ob' role='officer' attendance='0.6'/>"
             "<person id='pb3' org='ob' role='officer' attendance='0.5'/>"
             "<person id='pc1' org='oc' role='chair' attendance='0.7'/>"
             "<person id='pc2' org='oc' role='ned' attendance='0.8'/>"
             "<person id='pc3' org='oc' role='ned' attendance='0.6'/>"
             "<committees-in-common id='cic' name='G' parties='oa ob oc' "
             "rule='majority'>"
             "<committee id='ka' name='KA' org='oa'><member person='pa1' "
             "deputy='pa3'/><member person='pa2'/><quorum present='1'/>"
             "<voting casting='chair'/></committee>"
             "<committee id='kb' name='KB' org='ob'><member person='pb1' "
             "deputy='pb3'/><member person='pb2'/><quorum present='1'/>"
             "<voting rule='consensus'/></committee>"
             "<committee id='kc' name='KC' org='oc'><member person='pc1'/>"
             "<member person='pc2'/><member person='pc3'/><quorum present='2'/>"
             "<voting rule='unanimity'/></committee>"
             "<meets first='2024-01-10' every='P14D' capacity='3'/>"
             "</committees-in-common>"
             "<arrivals id='r' title='R' matter='m' body='cic' lead='oa' "
             "affects='ob' first='2024-01-02' every='P5D' process='poisson' "
             "count='80'/>"
             "<conflict person='pc3' org='ob'/>"
             "<stance support='0.7' abstain='0.1'/>"
             "<stance org='ob' support='0.4' if-affected='0.6'/>");
  for (guint64 seed = 1; seed <= 6; seed++)
    {
      g_autoptr (GsRun) run = gs_test_simulate (s, seed, 0, GS_RUN_FLAGS_NONE);
      guint n = gs_run_n_cases (run);
      CU_ASSERT (n > 0);
      g_autofree guint *decisions = g_new0 (guint, MAX (n, 1));
      for (guint i = 0; i < gs_run_n_records (run); i++)
        {
          const GsRecord *r = gs_run_get_record (run, i);
          if (is_decision (r->kind))
            {
              CU_ASSERT_FATAL (r->item < n);
              decisions[r->item]++;
            }
        }
      for (guint i = 0; i < n; i++)
        {
          const GsCase *c = gs_run_get_case (run, i);
          CU_ASSERT (c->state == GS_CASE_WAITING || c->state == GS_CASE_APPROVED
                     || c->state == GS_CASE_REJECTED);
          CU_ASSERT_EQUAL (decisions[i], c->state == GS_CASE_WAITING ? 0 : 1);
          CU_ASSERT_EQUAL (c->decided == GS_TIME_NEVER,
                           c->state == GS_CASE_WAITING);
          if (decisions[i] > 1)
            fprintf (stderr,
                     "\nseed %" G_GUINT64_FORMAT ": case %u has %u "
                     "decision records\n",
                     seed, i, decisions[i]);
        }
    }
}

static const GsTestCase cases[] = {
  { "test_governance_joint_binds_all_parties",
    test_governance_joint_binds_all_parties },
  { "test_governance_joint_party_short", test_governance_joint_party_short },
  { "test_governance_cic_all_split_rejects",
    test_governance_cic_all_split_rejects },
  { "test_governance_cic_majority_binds_approvers",
    test_governance_cic_majority_binds_approvers },
  { "test_governance_conflict_item_inquorate",
    test_governance_conflict_item_inquorate },
  { "test_governance_conflict_excluded_from_vote",
    test_governance_conflict_excluded_from_vote },
  { "test_governance_deputy_fills_seat_and_votes",
    test_governance_deputy_fills_seat_and_votes },
  { "test_governance_deputy_may_not_vote",
    test_governance_deputy_may_not_vote },
  { "test_governance_deputy_not_counted", test_governance_deputy_not_counted },
  { "test_governance_scripted_absence", test_governance_scripted_absence },
  { "test_governance_if_affected_flips", test_governance_if_affected_flips },
  { "test_governance_casting_vote", test_governance_casting_vote },
  { "test_governance_consensus_blocked", test_governance_consensus_blocked },
  { "test_governance_cic_random_invariants",
    test_governance_cic_random_invariants },
  { NULL, NULL },
};

int
main (void)
{
  return gs_test_run ("governance", cases);
}

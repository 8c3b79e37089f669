/* test-urgent.c — urgent decisions between meetings: chair's action and
 * written resolutions.
 *
 * Every scenario is fully determined: support is 0 or 1, so no ballot is
 * drawn, and absences are scripted.  Committee A meets on 2024-01-15 and
 * monthly after; every proposal arrives on Tuesday 2024-01-02, so the
 * meeting it would otherwise wait for is 2024-01-15.  Expected dates and
 * counts are worked by hand beside each assertion.
 */
#include "gs-test-scenario.h"

#include "model/gs-scenario-private.h"

#include <govsim/gs-report.h>

#define HEAD                                                                   \
  "<scenario xmlns='urn:govsim:scenario:1' name='t' start='2024-01-01' "       \
  "horizon='P6M'>\n"
#define TAIL "</scenario>\n"

/* Lines 2-8 of every scenario: Trust A, its board, three people (a chair,
 * a chief executive and a NED) and a matter whose delegation to the
 * committee has a limit of £5,000. */
#define PEOPLE                                                                 \
  "<organisation id='oa' name='Trust A' kind='nhs-trust'/>\n"                  \
  "<matter id='m' name='Capital'/>\n"                                          \
  "<person id='c' name='Ann Chair' org='oa' role='chair' director='true'/>\n"  \
  "<person id='e' name='Bo Chief' org='oa' role='chief-executive' "            \
  "director='true'/>\n"                                                        \
  "<person id='n' name='Cy Ned' org='oa' role='ned' director='true'/>\n"       \
  "<board id='ba' name='Board A' org='oa'><member person='c'/>"                \
  "<member person='e'/><member person='n'/>"                                   \
  "<meets first='2024-01-10' every='P1M' capacity='5'/></board>\n"             \
  "<scheme org='oa'><delegation id='d' by='ba' to='ca' matters='m' "           \
  "limit='5000'/></scheme>\n"

/* Line 9: Committee A; its clause @urgent on line 10. */
#define COMMITTEE(urgent)                                                      \
  "<committee id='ca' name='Committee A' org='oa'><member person='c'/>"        \
  "<member person='e'/><member person='n'/><quorum present='1'/>\n" urgent     \
  "\n<meets first='2024-01-15' every='P1M' capacity='5'/></committee>\n"

#define PROPOSAL(value, urgent)                                                \
  "<proposal id='p' title='Ward repair' matter='m' value='" value "' "         \
  "lead='oa' arrives='2024-01-02' body='ca' urgent='" urgent "'/>\n"

static GsRun *
run_of (const GsScenario *s)
{
  GsRun *run = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);
  g_autoptr (GError) error = NULL;
  CU_ASSERT_TRUE (gs_run_check (run, &error));
  return run;
}

/* The one urgent record of @run, which must have exactly one. */
static const GsRecord *
the_urgent (const GsRun *run)
{
  CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_URGENT), 1);
  const GsRecord *r = gs_test_nth_record (run, GS_REC_URGENT, 0);
  CU_ASSERT_PTR_NOT_NULL_FATAL (r);
  return r;
}

#define CHAIR_UP_TO_10K "<urgent route='chair' up-to='10000'/>"

/* ---- chair's action ------------------------------------------------------ */

static void
test_chair_action_same_day (void)
{
  /* Worth £3,000, under both the ToR's £10,000 and the delegation's
   * £5,000: the chair decides it on the day it arrives, 2024-01-02; the
   * meeting of 2024-01-15 hears the report and votes nothing. */
  g_autoptr (GsScenario) s = gs_test_load_inline (
      HEAD PEOPLE COMMITTEE (CHAIR_UP_TO_10K)
          PROPOSAL ("3000", "true") "<stance support='1'/>\n" TAIL);
  g_autoptr (GsRun) run = run_of (s);
  const GsRecord *r = the_urgent (run);
  CU_ASSERT_EQUAL (r->time, gs_test_day ("2024-01-02"));
  CU_ASSERT_EQUAL (r->urgent.outcome, GS_URGENT_TAKEN);
  CU_ASSERT_FALSE (r->urgent.written);
  CU_ASSERT_EQUAL (r->when, gs_test_day ("2024-01-15"));
  const GsCase *c = gs_run_get_case (run, 0);
  CU_ASSERT_EQUAL (c->state, GS_CASE_APPROVED);
  CU_ASSERT_EQUAL (c->decided, gs_test_day ("2024-01-02"));
  CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_APPROVED), 0);
  CU_ASSERT_EQUAL (gs_test_count_breaches (run), 0);
  g_autofree char *trace = gs_test_trace (run);
  gs_test_expect_in (trace,
                     "2024-01-02 'Ward repair' approved by chair's action "
                     "(Ann Chair) for Committee A, worth £3,000, within the "
                     "limit of £10,000; reported to the meeting of "
                     "2024-01-15\n");
}

/* The wording of chair's action when the proposal carries no sum or the
 * terms of reference set no limit: never "worth £0".  Each is decided on
 * 2024-01-02, the day it arrives, as above. */
static void
test_chair_action_no_sum_no_limit (void)
{
  static const struct
  {
    const char *xml, *words;
  } cases[] = {
    { HEAD PEOPLE COMMITTEE ("<urgent route='chair'/>")
          PROPOSAL ("3000", "true") "<stance support='1'/>\n" TAIL,
      "for Committee A, worth £3,000; the terms of reference set no "
      "financial limit on chair's action; reported to the meeting of "
      "2024-01-15\n" },
    { HEAD PEOPLE COMMITTEE ("<urgent route='chair'/>")
          PROPOSAL ("0", "true") "<stance support='1'/>\n" TAIL,
      "for Committee A; no sum of money is involved, and the terms of "
      "reference set no financial limit on chair's action; reported to the "
      "meeting of 2024-01-15\n" },
    { HEAD PEOPLE COMMITTEE (CHAIR_UP_TO_10K)
          PROPOSAL ("0", "true") "<stance support='1'/>\n" TAIL,
      "for Committee A; no sum of money is involved; reported to the "
      "meeting of 2024-01-15\n" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GsScenario) s = gs_test_load_inline (cases[i].xml);
      g_autoptr (GsRun) run = run_of (s);
      CU_ASSERT_EQUAL (the_urgent (run)->urgent.outcome, GS_URGENT_TAKEN);
      g_autofree char *trace = gs_test_trace (run);
      gs_test_expect_in (trace, cases[i].words);
      CU_ASSERT_PTR_NULL (strstr (trace, "£0"));
    }
}

static void
test_chair_action_not_urgent (void)
{
  /* The same proposal not marked urgent waits for the meeting of
   * 2024-01-15 and is approved there by vote. */
  g_autoptr (GsScenario) s = gs_test_load_inline (
      HEAD PEOPLE COMMITTEE (CHAIR_UP_TO_10K)
          PROPOSAL ("3000", "false") "<stance support='1'/>\n" TAIL);
  g_autoptr (GsRun) run = run_of (s);
  CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_URGENT), 0);
  CU_ASSERT_EQUAL (gs_run_get_case (run, 0)->decided,
                   gs_test_day ("2024-01-15"));
  CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_APPROVED), 1);
}

static void
test_chair_action_over_ceiling (void)
{
  /* £20,000 is above the £10,000 the chair may decide: it goes to the
   * meeting of 2024-01-15, approved there by vote (and, above the
   * delegation's £5,000, a breach there, on 2024-01-15). */
  g_autoptr (GsScenario) s = gs_test_load_inline (
      HEAD PEOPLE COMMITTEE (CHAIR_UP_TO_10K)
          PROPOSAL ("20000", "true") "<stance support='1'/>\n" TAIL);
  g_autoptr (GsRun) run = run_of (s);
  const GsRecord *r = the_urgent (run);
  CU_ASSERT_EQUAL (r->time, gs_test_day ("2024-01-02"));
  CU_ASSERT_EQUAL (r->urgent.outcome, GS_URGENT_OVER_LIMIT);
  CU_ASSERT_EQUAL (gs_run_get_case (run, 0)->decided,
                   gs_test_day ("2024-01-15"));
  CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_APPROVED), 1);
  CU_ASSERT_EQUAL (gs_test_count_breaches (run), 1);
  g_autofree char *trace = gs_test_trace (run);
  gs_test_expect_in (trace,
                     "2024-01-02 'Ward repair' is urgent but worth £20,000, "
                     "above the £10,000 chair's action may decide for "
                     "Committee A; it goes to the meeting of 2024-01-15\n");
}

static void
test_chair_action_breach (void)
{
  /* £8,000: within the ToR's £10,000, so the chair acts on 2024-01-02,
   * but above the delegation's £5,000: the action breaches it, found on
   * the day of the action at Committee A, like a meeting's approval. */
  g_autoptr (GsScenario) s = gs_test_load_inline (
      HEAD PEOPLE COMMITTEE (CHAIR_UP_TO_10K)
          PROPOSAL ("8000", "true") "<stance support='1'/>\n" TAIL);
  g_autoptr (GsRun) run = run_of (s);
  CU_ASSERT_EQUAL (the_urgent (run)->urgent.outcome, GS_URGENT_TAKEN);
  CU_ASSERT_EQUAL (gs_test_count_breaches (run), 1);
  const GsRecord *b = gs_test_nth_breach (run, 0);
  CU_ASSERT_PTR_NOT_NULL_FATAL (b);
  CU_ASSERT_EQUAL (b->breach.breach, GS_BREACH_OVER_LIMIT);
  CU_ASSERT_EQUAL (b->time, gs_test_day ("2024-01-02"));
  CU_ASSERT_EQUAL (b->body, (guint32)gs_scenario_find_body (s, "ca"));
  CU_ASSERT_EQUAL (gs_run_get_case (run, 0)->breaches, 1);
}

static void
test_chair_action_declined_or_away (void)
{
  /* Support 0: the chair does not act; the meeting of 2024-01-15 votes it
   * down (3 against). */
  {
    g_autoptr (GsScenario) s = gs_test_load_inline (
        HEAD PEOPLE COMMITTEE (CHAIR_UP_TO_10K)
            PROPOSAL ("3000", "true") "<stance support='0'/>\n" TAIL);
    g_autoptr (GsRun) run = run_of (s);
    CU_ASSERT_EQUAL (the_urgent (run)->urgent.outcome, GS_URGENT_DECLINED);
    const GsCase *c = gs_run_get_case (run, 0);
    CU_ASSERT_EQUAL (c->state, GS_CASE_REJECTED);
    CU_ASSERT_EQUAL (c->decided, gs_test_day ("2024-01-15"));
  }
  /* With the chief executive, who is away from 2024-01-01 to 2024-01-05:
   * nobody acts on 2024-01-02; the meeting approves it on 2024-01-15. */
  {
    g_autoptr (GsScenario) s = gs_test_load_inline (
        HEAD PEOPLE COMMITTEE (
            "<urgent route='chair' with='chief-executive' up-to='10000'/>")
            PROPOSAL ("3000", "true") "<stance support='1'/>\n"
                                      "<absence person='e' from='2024-01-01' "
                                      "until='2024-01-05'/>\n" TAIL);
    g_autoptr (GsRun) run = run_of (s);
    CU_ASSERT_EQUAL (the_urgent (run)->urgent.outcome, GS_URGENT_AWAY);
    CU_ASSERT_EQUAL (gs_run_get_case (run, 0)->decided,
                     gs_test_day ("2024-01-15"));
  }
}

/* ---- a conflicted chair ---------------------------------------------------
 */

static void
test_chair_action_conflicted (void)
{
  /* Ann (the chair) is conflicted on Capital and everyone supports the
   * item: she may not act on 2024-01-02, and it is left to the meeting of
   * 2024-01-15, which excludes her; Bo and Cy approve it there (quorum 1). */
  {
    g_autoptr (GsScenario) s = gs_test_load_inline (
        HEAD PEOPLE COMMITTEE (CHAIR_UP_TO_10K) PROPOSAL (
            "3000", "true") "<stance support='1'/>\n"
                            "<conflict person='c' matter='m'/>\n" TAIL);
    g_autoptr (GsRun) run = run_of (s);
    const GsRecord *r = the_urgent (run);
    CU_ASSERT_EQUAL (r->urgent.outcome, GS_URGENT_CONFLICTED);
    CU_ASSERT_EQUAL (r->urgent.conflicted, gs_scenario_find_person (s, "c"));
    CU_ASSERT_EQUAL (r->time, gs_test_day ("2024-01-02"));
    const GsCase *c = gs_run_get_case (run, 0);
    CU_ASSERT_EQUAL (c->state, GS_CASE_APPROVED);
    CU_ASSERT_EQUAL (c->decided, gs_test_day ("2024-01-15"));
    CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_APPROVED), 1);
    g_autofree char *trace = gs_test_trace (run);
    gs_test_expect_in (trace,
                       "2024-01-02 'Ward repair' is urgent, but the chair of "
                       "Committee A (Ann Chair) has a declared conflict on "
                       "Capital: left to the meeting of 2024-01-15\n");
  }
  /* The same under conflicts="declare": a declaration lets a member stay in
   * a meeting's vote (a breach), not decide alone; still left to the
   * meeting, where Ann declares and votes, and her vote is the one breach. */
  {
    g_autoptr (GsScenario) s = gs_test_load_inline (
        HEAD PEOPLE COMMITTEE ("<voting rule='simple-majority' "
                               "conflicts='declare'/>" CHAIR_UP_TO_10K)
            PROPOSAL ("3000",
                      "true") "<stance support='1'/>\n"
                              "<conflict person='c' matter='m'/>\n" TAIL);
    g_autoptr (GsRun) run = run_of (s);
    CU_ASSERT_EQUAL (the_urgent (run)->urgent.outcome, GS_URGENT_CONFLICTED);
    CU_ASSERT_EQUAL (gs_run_get_case (run, 0)->decided,
                     gs_test_day ("2024-01-15"));
    CU_ASSERT_EQUAL (gs_test_count_breaches (run), 1);
  }
  /* A conflict on an organisation the item affects (Trust A, its lead)
   * stops her too, and the trace says which. */
  {
    g_autoptr (GsScenario) s = gs_test_load_inline (
        HEAD PEOPLE COMMITTEE (CHAIR_UP_TO_10K)
            PROPOSAL ("3000", "true") "<stance support='1'/>\n"
                                      "<conflict person='c' org='oa'/>\n" TAIL);
    g_autoptr (GsRun) run = run_of (s);
    CU_ASSERT_EQUAL (the_urgent (run)->urgent.outcome, GS_URGENT_CONFLICTED);
    g_autofree char *trace = gs_test_trace (run);
    gs_test_expect_in (trace, "(Ann Chair) has a declared conflict on "
                              "proposals affecting Trust A: left to the "
                              "meeting of 2024-01-15\n");
  }
  /* Boundary: a conflict of the chair on another matter, or of another
   * member (Cy), does not touch chair's action: taken on 2024-01-02. */
  {
    g_autoptr (GsScenario) s = gs_test_load_inline (
        HEAD PEOPLE
        "<matter id='m2' name='Estates'/>\n" COMMITTEE (CHAIR_UP_TO_10K)
            PROPOSAL ("3000",
                      "true") "<stance support='1'/>\n<conflict person='c' "
                              "matter='m2'/>\n"
                              "<conflict person='n' matter='m'/>\n" TAIL);
    g_autoptr (GsRun) run = run_of (s);
    const GsRecord *r = the_urgent (run);
    CU_ASSERT_EQUAL (r->urgent.outcome, GS_URGENT_TAKEN);
    CU_ASSERT_EQUAL (r->urgent.conflicted, -1);
    CU_ASSERT_EQUAL (gs_run_get_case (run, 0)->decided,
                     gs_test_day ("2024-01-02"));
  }
}

static void
test_chair_action_conflicted_chief_executive (void)
{
  /* With the chief executive: Bo, the only one, is conflicted, so the
   * chair cannot act with him; left to the meeting of 2024-01-15. */
  {
    g_autoptr (GsScenario) s = gs_test_load_inline (
        HEAD PEOPLE COMMITTEE (
            "<urgent route='chair' with='chief-executive' up-to='10000'/>")
            PROPOSAL ("3000",
                      "true") "<stance support='1'/>\n"
                              "<conflict person='e' matter='m'/>\n" TAIL);
    g_autoptr (GsRun) run = run_of (s);
    const GsRecord *r = the_urgent (run);
    CU_ASSERT_EQUAL (r->urgent.outcome, GS_URGENT_CONFLICTED);
    CU_ASSERT_EQUAL (r->urgent.conflicted, gs_scenario_find_person (s, "e"));
    CU_ASSERT_EQUAL (gs_run_get_case (run, 0)->decided,
                     gs_test_day ("2024-01-15"));
    g_autofree char *trace = gs_test_trace (run);
    gs_test_expect_in (trace,
                       "2024-01-02 'Ward repair' is urgent, but the chief "
                       "executive who must act with the chair of Committee A "
                       "(Bo Chief) has a declared conflict on Capital: left "
                       "to the meeting of 2024-01-15\n");
  }
  /* A second chief executive on the committee (Di), not conflicted, acts
   * with the chair instead: the clause names the post, not the person.
   * Taken on 2024-01-02. */
  {
    const char *xml = HEAD PEOPLE
        "<person id='f' name='Di Chief' org='oa' role='chief-executive' "
        "director='true'/>\n"
        "<committee id='ca' name='Committee A' org='oa'><member person='c'/>"
        "<member person='e'/><member person='f'/><quorum present='1'/>\n"
        "<urgent route='chair' with='chief-executive'/>\n"
        "<meets first='2024-01-15' every='P1M' "
        "capacity='5'/></committee>\n" PROPOSAL (
            "3000", "true") "<stance support='1'/>\n"
                            "<conflict person='e' matter='m'/>\n" TAIL;
    g_autoptr (GsScenario) s = gs_test_load_inline (xml);
    g_autoptr (GsRun) run = run_of (s);
    CU_ASSERT_EQUAL (the_urgent (run)->urgent.outcome, GS_URGENT_TAKEN);
    CU_ASSERT_EQUAL (gs_run_get_case (run, 0)->decided,
                     gs_test_day ("2024-01-02"));
  }
}

/* ---- no urgent route --------------------------------------------------------
 */

static void
test_urgent_no_route (void)
{
  /* Committee A has no <urgent> clause: the urgent item waits for its
   * meeting of 2024-01-15 like any other, and the trace says why. */
  {
    g_autoptr (GsScenario) s = gs_test_load_inline (HEAD PEOPLE COMMITTEE (
        "") PROPOSAL ("3000", "true") "<stance support='1'/>\n" TAIL);
    g_autoptr (GsRun) run = run_of (s);
    const GsRecord *r = the_urgent (run);
    CU_ASSERT_EQUAL (r->urgent.outcome, GS_URGENT_NO_ROUTE);
    CU_ASSERT_EQUAL (r->time, gs_test_day ("2024-01-02"));
    CU_ASSERT_EQUAL (r->when, gs_test_day ("2024-01-15"));
    CU_ASSERT_EQUAL (gs_run_get_case (run, 0)->decided,
                     gs_test_day ("2024-01-15"));
    g_autofree char *trace = gs_test_trace (run);
    gs_test_expect_in (trace,
                       "2024-01-02 'Ward repair' is urgent, but Committee A "
                       "has no urgent route in its terms of reference; it "
                       "goes to the meeting of 2024-01-15\n");
  }
  /* Not urgent: nothing to say. */
  {
    g_autoptr (GsScenario) s = gs_test_load_inline (HEAD PEOPLE COMMITTEE (
        "") PROPOSAL ("3000", "false") "<stance support='1'/>\n" TAIL);
    g_autoptr (GsRun) run = run_of (s);
    CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_URGENT), 0);
  }
  /* An officer decides alone at every sign-off: no urgent route is
   * missing, so nothing is said either. */
  {
    const char *xml = HEAD PEOPLE COMMITTEE (
        "") "<officer id='ceo' name='CEO' org='oa' person='e'>\n"
            "<meets first='2024-01-05' every='P7D' capacity='5'/></officer>\n"
            "<proposal id='p' title='Ward repair' matter='m' value='3000' "
            "lead='oa' arrives='2024-01-02' body='ceo' urgent='true'/>\n"
            "<stance support='1'/>\n" TAIL;
    g_autoptr (GsScenario) s = gs_test_load_inline (xml);
    g_autoptr (GsRun) run = run_of (s);
    CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_URGENT), 0);
  }
}

/* ---- written resolutions --------------------------------------------------
 */

/* Unanimity within 7 days of 2024-01-02: the last day is 2024-01-09.
 * Cy Ned is away from 2024-01-02 until @back (the first day back). */
static GsRun *
written_run (GsScenario **s, const char *clause, const char *support,
             const char *back)
{
  g_autofree char *xml = g_strdup_printf (
      HEAD PEOPLE COMMITTEE ("%s") PROPOSAL (
          "3000",
          "true") "<stance support='%s'/>\n"
                  "<absence person='n' from='2024-01-02' until='%s'/>\n" TAIL,
      clause, support, back);
  *s = gs_test_load_inline (xml);
  return run_of (*s);
}

static void
test_written_last_day (void)
{
  /* Back on 2024-01-09, day 7 of 7: Ann and Bo return it on day 0, Cy on
   * day 7; unanimity (3 of 3) is reached on the last day. */
  g_autoptr (GsScenario) s = NULL;
  g_autoptr (GsRun) run
      = written_run (&s, "<urgent route='written' days='7' rule='unanimous'/>",
                     "1", "2024-01-09");
  const GsRecord *r = the_urgent (run);
  CU_ASSERT_TRUE (r->urgent.written);
  CU_ASSERT_EQUAL (r->urgent.outcome, GS_URGENT_TAKEN);
  CU_ASSERT_EQUAL (r->time, gs_test_day ("2024-01-09"));
  CU_ASSERT_EQUAL (r->urgent.votes_for, 3);
  CU_ASSERT_EQUAL (r->urgent.needed, 3);
  CU_ASSERT_EQUAL (r->urgent.days, 7);
  const GsCase *c = gs_run_get_case (run, 0);
  CU_ASSERT_EQUAL (c->state, GS_CASE_APPROVED);
  CU_ASSERT_EQUAL (c->decided, gs_test_day ("2024-01-09"));
  CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_APPROVED), 0);
  g_autofree char *trace = gs_test_trace (run);
  gs_test_expect_in (trace,
                     "2024-01-09 'Ward repair' approved by written resolution "
                     "of Committee A on day 7 of 7: 3 of 3 members in favour, "
                     "3 needed; reported to the meeting of 2024-01-15\n");
}

static void
test_written_fails (void)
{
  /* Back on 2024-01-10, a day too late: 2 of 3 by the last day
   * (2024-01-09), so it goes to the meeting of 2024-01-15, where all three
   * attend and approve it. */
  {
    g_autoptr (GsScenario) s = NULL;
    g_autoptr (GsRun) run = written_run (
        &s, "<urgent route='written' days='7'/>", "1", "2024-01-10");
    const GsRecord *r = the_urgent (run);
    CU_ASSERT_EQUAL (r->urgent.outcome, GS_URGENT_NOT_REACHED);
    CU_ASSERT_EQUAL (r->time, gs_test_day ("2024-01-09"));
    CU_ASSERT_EQUAL (r->urgent.votes_for, 2);
    CU_ASSERT_EQUAL (gs_run_get_case (run, 0)->decided,
                     gs_test_day ("2024-01-15"));
    CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_APPROVED), 1);
    g_autofree char *trace = gs_test_trace (run);
    gs_test_expect_in (trace,
                       "2024-01-09 'Ward repair' not carried by written "
                       "resolution of Committee A after 7 of 7 days: 2 of 3 "
                       "members in favour, 3 needed; it goes to the meeting "
                       "of 2024-01-15\n");
  }
  /* A majority (more than 1/2 of 3: 2) passes on day 0 with Ann and Bo,
   * Cy being away. */
  {
    g_autoptr (GsScenario) s = NULL;
    g_autoptr (GsRun) run
        = written_run (&s, "<urgent route='written' days='7' rule='majority'/>",
                       "1", "2024-01-10");
    const GsRecord *r = the_urgent (run);
    CU_ASSERT_EQUAL (r->urgent.outcome, GS_URGENT_TAKEN);
    CU_ASSERT_EQUAL (r->time, gs_test_day ("2024-01-02"));
    CU_ASSERT_EQUAL (r->urgent.needed, 2);
    CU_ASSERT_EQUAL (r->urgent.days, 0);
  }
  /* More than 2/3 of 3 is 3; with support 0, Ann and Bo return it against
   * on day 0 and 3 is out of reach that day: to the meeting, which rejects
   * it. */
  {
    g_autoptr (GsScenario) s = NULL;
    g_autoptr (GsRun) run = written_run (
        &s, "<urgent route='written' days='7' rule='majority' fraction='2/3'/>",
        "0", "2024-01-10");
    const GsRecord *r = the_urgent (run);
    CU_ASSERT_EQUAL (r->urgent.outcome, GS_URGENT_NOT_REACHED);
    CU_ASSERT_EQUAL (r->time, gs_test_day ("2024-01-02"));
    CU_ASSERT_EQUAL (r->urgent.needed, 3);
    CU_ASSERT_EQUAL (r->urgent.against, 2);
    const GsCase *c = gs_run_get_case (run, 0);
    CU_ASSERT_EQUAL (c->state, GS_CASE_REJECTED);
    CU_ASSERT_EQUAL (c->decided, gs_test_day ("2024-01-15"));
  }
}

/* ---- written resolutions and conflicts of interest --------------------------
 */

/* Cy Ned is conflicted on Capital; nobody is away.  @clause goes after the
 * committee's quorum (a <voting> may come before the <urgent>). */
static GsRun *
conflicted_run (GsScenario **s, const char *clause, const char *stances)
{
  g_autofree char *xml = g_strdup_printf (
      HEAD PEOPLE COMMITTEE ("%s")
          PROPOSAL ("3000", "true") "%s"
                                    "<conflict person='n' matter='m'/>\n" TAIL,
      clause, stances);
  *s = gs_test_load_inline (xml);
  return run_of (*s);
}

static void
test_written_conflict_withdraws (void)
{
  /* Unanimity.  Ann and Bo support it, Cy (conflicted) would not.  Counted
   * as a meeting counts its vote's members, Cy neither returns it nor
   * counts: 2 entitled, 2 needed, both for on day 0 (2024-01-02), passed.
   * (Were Cy counted, 2 of 3 with Cy against: out of reach on day 0, and
   * the item would go to the meeting.) */
  g_autoptr (GsScenario) s = NULL;
  g_autoptr (GsRun) run = conflicted_run (
      &s, "<urgent route='written' days='7'/>",
      "<stance support='1'/><stance person='n' support='0'/>\n");
  const GsRecord *r = the_urgent (run);
  CU_ASSERT_EQUAL (r->urgent.outcome, GS_URGENT_TAKEN);
  CU_ASSERT_EQUAL (r->time, gs_test_day ("2024-01-02"));
  CU_ASSERT_EQUAL (r->urgent.members, 2);
  CU_ASSERT_EQUAL (r->urgent.needed, 2);
  CU_ASSERT_EQUAL (r->urgent.votes_for, 2);
  CU_ASSERT_EQUAL (r->urgent.against, 0);
  CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_CONFLICT), 1);
  CU_ASSERT_EQUAL (gs_test_count_breaches (run), 0);
  CU_ASSERT_EQUAL (gs_run_get_case (run, 0)->decided,
                   gs_test_day ("2024-01-02"));
  g_autofree char *trace = gs_test_trace (run);
  gs_test_expect_in (trace,
                     "2024-01-02 Committee A: on 'Ward repair', Cy Ned is "
                     "excluded from the vote (declared conflict of "
                     "interest)\n");
  gs_test_expect_in (trace,
                     "2024-01-02 'Ward repair' approved by written resolution "
                     "of Committee A on day 0 of 7: 2 of 2 members in favour, "
                     "2 needed;");
}

static void
test_written_conflict_majority (void)
{
  /* More than half.  Ann for, Bo against, Cy (conflicted) for.  Entitled:
   * Ann and Bo, so more than 1/2 of 2 is 2; 1 for and 1 against on day 0
   * leaves 2 out of reach (2 - 1 = 1 < 2): to the meeting of 2024-01-15.
   * (Counting Cy: 2 of more than 3/2 = 2 for, passed on day 0.)  The
   * meeting excludes Cy too and ties 1-1 by simple majority, no casting
   * vote: rejected there. */
  g_autoptr (GsScenario) s = NULL;
  g_autoptr (GsRun) run = conflicted_run (
      &s, "<urgent route='written' days='7' rule='majority'/>",
      "<stance support='1'/><stance person='e' support='0'/>\n");
  const GsRecord *r = the_urgent (run);
  CU_ASSERT_EQUAL (r->urgent.outcome, GS_URGENT_NOT_REACHED);
  CU_ASSERT_EQUAL (r->time, gs_test_day ("2024-01-02"));
  CU_ASSERT_EQUAL (r->urgent.members, 2);
  CU_ASSERT_EQUAL (r->urgent.needed, 2);
  CU_ASSERT_EQUAL (r->urgent.votes_for, 1);
  CU_ASSERT_EQUAL (r->urgent.against, 1);
  const GsCase *c = gs_run_get_case (run, 0);
  CU_ASSERT_EQUAL (c->state, GS_CASE_REJECTED);
  CU_ASSERT_EQUAL (c->decided, gs_test_day ("2024-01-15"));
  /* One conflict between meetings, one at the meeting. */
  CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_CONFLICT), 2);
}

static void
test_written_conflict_declared (void)
{
  /* The terms of reference only ask for a declaration: as at a meeting,
   * Cy votes, 3 of 3 for on day 0, and Cy's vote is a breach (a conflicted
   * member voted) dated 2024-01-02. */
  g_autoptr (GsScenario) s = NULL;
  g_autoptr (GsRun) run
      = conflicted_run (&s,
                        "<voting rule='simple-majority' conflicts='declare'/>"
                        "<urgent route='written' days='7'/>",
                        "<stance support='1'/>\n");
  const GsRecord *r = the_urgent (run);
  CU_ASSERT_EQUAL (r->urgent.outcome, GS_URGENT_TAKEN);
  CU_ASSERT_EQUAL (r->urgent.members, 3);
  CU_ASSERT_EQUAL (r->urgent.votes_for, 3);
  CU_ASSERT_EQUAL (gs_test_count_breaches (run), 1);
  const GsRecord *b = gs_test_nth_breach (run, 0);
  CU_ASSERT_PTR_NOT_NULL_FATAL (b);
  CU_ASSERT_EQUAL (b->breach.breach, GS_BREACH_CONFLICTED_VOTED);
  CU_ASSERT_EQUAL (b->time, gs_test_day ("2024-01-02"));
  CU_ASSERT_EQUAL (b->n_refs, 1);
  CU_ASSERT_EQUAL (gs_run_record_refs (run, b)[0],
                   (guint32)gs_scenario_find_person (s, "n"));
}

static void
test_written_conflict_all (void)
{
  /* Everyone conflicted: nobody may return it, so it cannot pass (a
   * unanimity of nobody is not a decision) and goes to the meeting. */
  g_autofree char *xml = g_strdup (
      HEAD PEOPLE COMMITTEE ("<urgent route='written' days='7'/>")
          PROPOSAL ("3000", "true") "<stance support='1'/>\n"
                                    "<conflict person='c' matter='m'/>\n"
                                    "<conflict person='e' matter='m'/>\n"
                                    "<conflict person='n' matter='m'/>\n" TAIL);
  g_autoptr (GsScenario) s = gs_test_load_inline (xml);
  g_autoptr (GsRun) run = run_of (s);
  const GsRecord *r = the_urgent (run);
  CU_ASSERT_EQUAL (r->urgent.outcome, GS_URGENT_NOT_REACHED);
  CU_ASSERT_EQUAL (r->urgent.members, 0);
  CU_ASSERT_EQUAL (r->urgent.needed, 1);
  CU_ASSERT_EQUAL (r->time, gs_test_day ("2024-01-02"));
}

static void
test_written_vacant_seat (void)
{
  /* Cy is a member only from 2024-02-01: on 2024-01-02 the seat is vacant
   * and not a member, as at a meeting.  Ann and Bo for, 2 of 2 on day 0;
   * Cy, against, is not asked (counted, 2 of 3 and Cy against: out of
   * reach). */
  const char *xml = HEAD PEOPLE
      "<committee id='ca' name='Committee A' org='oa'><member person='c'/>"
      "<member person='e'/><member person='n' from='2024-02-01'/>"
      "<quorum present='1'/>\n<urgent route='written' days='7'/>\n"
      "<meets first='2024-01-15' every='P1M' "
      "capacity='5'/></committee>\n" PROPOSAL (
          "3000", "true") "<stance support='1'/>"
                          "<stance person='n' support='0'/>\n" TAIL;
  g_autoptr (GsScenario) s = gs_test_load_inline (xml);
  g_autoptr (GsRun) run = run_of (s);
  const GsRecord *r = the_urgent (run);
  CU_ASSERT_EQUAL (r->urgent.outcome, GS_URGENT_TAKEN);
  CU_ASSERT_EQUAL (r->urgent.members, 2);
  CU_ASSERT_EQUAL (r->urgent.needed, 2);
  CU_ASSERT_EQUAL (r->time, gs_test_day ("2024-01-02"));
}

/* ---- a locked gateway holds an urgent item
 * ------------------------------------
 */

static void
test_urgent_held_at_locked_gateway (void)
{
  /* Pathway: the board (no urgent route, meets 2024-01-10), then Committee
   * A (chair's action up to £10,000) behind a locked gateway.  The item
   * arrives on 2024-01-02 and waits for the board's meeting of 2024-01-10;
   * only then does the committee's gateway open and the chair act, the
   * same day: approved on 2024-01-10, not on arrival. */
  const char *xml = HEAD PEOPLE COMMITTEE (
      CHAIR_UP_TO_10K) "<pathway id='pw' name='Works' matters='m'><gateway "
                       "body='ba'/>"
                       "<gateway body='ca'/></pathway>\n"
                       "<proposal id='p' title='Ward repair' matter='m' "
                       "value='3000' "
                       "lead='oa' arrives='2024-01-02' pathway='pw' "
                       "urgent='true'/>\n"
                       "<stance support='1'/>\n" TAIL;
  g_autoptr (GsScenario) s = gs_test_load_inline (xml);
  g_autoptr (GsRun) run = run_of (s);
  /* Two urgent records: the board has no urgent route (2024-01-02), then
   * the committee's chair acts (2024-01-10). */
  CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_URGENT), 2);
  const GsRecord *r0 = gs_test_nth_record (run, GS_REC_URGENT, 0);
  const GsRecord *r = gs_test_nth_record (run, GS_REC_URGENT, 1);
  CU_ASSERT_PTR_NOT_NULL_FATAL (r0);
  CU_ASSERT_PTR_NOT_NULL_FATAL (r);
  CU_ASSERT_EQUAL (r0->urgent.outcome, GS_URGENT_NO_ROUTE);
  CU_ASSERT_EQUAL (r0->body, (guint32)gs_scenario_find_body (s, "ba"));
  CU_ASSERT_EQUAL (r0->time, gs_test_day ("2024-01-02"));
  CU_ASSERT_EQUAL (r->urgent.outcome, GS_URGENT_TAKEN);
  CU_ASSERT_EQUAL (r->time, gs_test_day ("2024-01-10"));
  const GsCase *c = gs_run_get_case (run, 0);
  CU_ASSERT_EQUAL (c->state, GS_CASE_APPROVED);
  CU_ASSERT_EQUAL (c->decided, gs_test_day ("2024-01-10"));
  /* Unlocked, the committee's gateway opens with the board's on arrival,
   * and the chair acts on 2024-01-02; the case still needs the board, on
   * 2024-01-10. */
  g_autofree char *unlocked = g_strdup (xml);
  char *at = strstr (unlocked, "<gateway body='ca'/>");
  CU_ASSERT_PTR_NOT_NULL_FATAL (at);
  g_autofree char *xml2 = g_strdup_printf (
      "%.*s<gateway body='ca' locked='false'/>%s", (int)(at - unlocked),
      unlocked, at + strlen ("<gateway body='ca'/>"));
  g_autoptr (GsScenario) s2 = gs_test_load_inline (xml2);
  g_autoptr (GsRun) run2 = run_of (s2);
  CU_ASSERT_EQUAL (gs_test_count_records (run2, GS_REC_URGENT), 2);
  const GsRecord *taken = gs_test_nth_record (run2, GS_REC_URGENT, 1);
  CU_ASSERT_PTR_NOT_NULL_FATAL (taken);
  CU_ASSERT_EQUAL (taken->urgent.outcome, GS_URGENT_TAKEN);
  CU_ASSERT_EQUAL (taken->time, gs_test_day ("2024-01-02"));
  CU_ASSERT_EQUAL (gs_run_get_case (run2, 0)->decided,
                   gs_test_day ("2024-01-10"));
}

/* ---- bad input --------------------------------------------------------------
 */

static void
expect_refused (const char *clause, const char *text)
{
  g_autofree char *xml
      = g_strconcat (HEAD PEOPLE,
                     "<committee id='ca' "
                     "name='Committee A' org='oa'>"
                     "<member person='e'/>"
                     "<member person='n'/>\n",
                     clause,
                     "\n<meets first='2024-01-15' "
                     "every='P1M' capacity='5'/></committee>\n" TAIL,
                     NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GsScenario) s
      = gs_loader_load_bytes (xml, strlen (xml), "inline", &error);
  CU_ASSERT_PTR_NULL (s);
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  gs_test_expect_in (error->message, text);
}

static void
test_urgent_refused (void)
{
  /* The clause is on line 10 (lines 2-8 PEOPLE, 9 the committee). */
  expect_refused ("<urgent route='chair'/>",
                  "inline:10: 'ca' allows chair's action but has no chair");
  expect_refused ("<urgent route='written'/>",
                  "inline:10: a written resolution needs days=\"N\"");
  expect_refused ("<urgent route='chair' days='3'/>",
                  "inline:10: days, rule and fraction belong to a written "
                  "resolution");
  expect_refused ("<urgent route='written' days='3' up-to='5'/>",
                  "inline:10: up-to and with belong to chair's action");
  expect_refused ("<urgent route='written' days='3' fraction='1/2'/>",
                  "inline:10: a fraction applies only to rule=\"majority\"");
  expect_refused (
      "<urgent route='written' days='3' rule='majority' fraction='1/1'/>",
      "inline:10: a written resolution passes with more than "
      "fraction=\"1/1\"");
  expect_refused ("<urgent route='written' days='400'/>",
                  "inline:10: a written resolution may run at most 366 days");
  expect_refused ("<urgent route='by-post' days='3'/>", "inline:10:");
}

static void
test_urgent_refused_elsewhere (void)
{
  /* An officer decides alone: the clause is refused at its line (10). */
  const char *xml = HEAD PEOPLE
      "<officer id='ceo' name='CEO' org='oa' person='e'>\n"
      "<urgent route='chair'/>\n"
      "<meets first='2024-01-05' every='P7D' capacity='5'/></officer>\n" TAIL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GsScenario) s
      = gs_loader_load_bytes (xml, strlen (xml), "inline", &error);
  CU_ASSERT_PTR_NULL (s);
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  gs_test_expect_in (
      error->message,
      "inline:10: urgent decisions between meetings apply to a "
      "board, committee or joint committee that meets on its own");
  /* With the chief executive, on a committee without one (line 10). */
  g_autofree char *xml2 = g_strconcat (
      HEAD PEOPLE,
      "<committee id='ca' name='Committee A' org='oa'>"
      "<member person='c'/><member person='n'/>\n"
      "<urgent route='chair' with='chief-executive'/>\n"
      "<meets first='2024-01-15' every='P1M' capacity='5'/></committee>\n" TAIL,
      NULL);
  g_autoptr (GError) error2 = NULL;
  g_autoptr (GsScenario) s2
      = gs_loader_load_bytes (xml2, strlen (xml2), "inline", &error2);
  CU_ASSERT_PTR_NULL (s2);
  CU_ASSERT_PTR_NOT_NULL_FATAL (error2);
  gs_test_expect_in (
      error2->message,
      "inline:10: chair's action with=\"chief-executive\", but no "
      "member of 'ca' is a chief executive");
  /* Committees in common: refused with the reason (line 12). */
  const char *xml3
      = HEAD PEOPLE "<organisation id='ob' name='Trust B' kind='nhs-trust'/>\n"
                    "<person id='b1' name='Di Bee' org='ob' role='chair' "
                    "director='true'/>\n"
                    "<committees-in-common id='g' name='G' parties='oa ob'>"
                    "<committee id='ka' name='KA' org='oa'>"
                    "<member person='c'/></committee>"
                    "<committee id='kb' name='KB' org='ob'>"
                    "<member person='b1'/></committee>\n"
                    "<urgent route='chair'/>\n"
                    "<meets first='2024-01-10' every='P1M' capacity='5'/>"
                    "</committees-in-common>\n" TAIL;
  g_autoptr (GError) error3 = NULL;
  g_autoptr (GsScenario) s3
      = gs_loader_load_bytes (xml3, strlen (xml3), "inline", &error3);
  CU_ASSERT_PTR_NULL (s3);
  CU_ASSERT_PTR_NOT_NULL_FATAL (error3);
  gs_test_expect_in (
      error3->message,
      "inline:12: urgent decisions between meetings apply to a "
      "board, committee or joint committee that meets on its own; "
      "'g' is committees in common, whose committees each decide for "
      "their own organisation only at the meeting in common");
}

static const GsTestCase cases[] = {
  { "test_chair_action_same_day", test_chair_action_same_day },
  { "test_chair_action_no_sum_no_limit", test_chair_action_no_sum_no_limit },
  { "test_chair_action_not_urgent", test_chair_action_not_urgent },
  { "test_chair_action_over_ceiling", test_chair_action_over_ceiling },
  { "test_chair_action_breach", test_chair_action_breach },
  { "test_chair_action_declined_or_away", test_chair_action_declined_or_away },
  { "test_chair_action_conflicted", test_chair_action_conflicted },
  { "test_chair_action_conflicted_chief_executive",
    test_chair_action_conflicted_chief_executive },
  { "test_urgent_no_route", test_urgent_no_route },
  { "test_written_last_day", test_written_last_day },
  { "test_written_fails", test_written_fails },
  { "test_written_conflict_withdraws", test_written_conflict_withdraws },
  { "test_written_conflict_majority", test_written_conflict_majority },
  { "test_written_conflict_declared", test_written_conflict_declared },
  { "test_written_conflict_all", test_written_conflict_all },
  { "test_written_vacant_seat", test_written_vacant_seat },
  { "test_urgent_held_at_locked_gateway", test_urgent_held_at_locked_gateway },
  { "test_urgent_refused", test_urgent_refused },
  { "test_urgent_refused_elsewhere", test_urgent_refused_elsewhere },
  { NULL, NULL },
};

int
main (void)
{
  return gs_test_run ("urgent", cases);
}

/* test-amend.c — changes during the period: a body's quorum and voting
 * rule amended on a date (<amend-body>), and time-limited membership
 * (<member from until>).
 *
 * Attendance and support are 0 or 1 throughout, so nothing drawn matters
 * to an outcome; every expected number is worked by hand in the comment
 * beside its assertion.
 */
#include "gs-test-scenario.h"

#include "model/gs-scenario-private.h"

#include <govsim/gs-report.h>

#define HEAD                                                                   \
  "<scenario xmlns='urn:govsim:scenario:1' name='t' start='2024-01-01' "       \
  "horizon='P1Y'>\n"                                                           \
  "<organisation id='a' name='Trust A' kind='nhs-trust'/>\n"                   \
  "<person id='p1' name='Ann' org='a' role='chair' director='true'/>\n"        \
  "<person id='p2' name='Bob' org='a' role='ned' director='true'/>\n"          \
  "<person id='p3' name='Cy' org='a' role='ned' director='true'/>\n"           \
  "<person id='p4' name='Di' org='a' role='ned' director='true'/>\n"           \
  "<matter id='m' name='Capital'/>\n"
#define TAIL "</scenario>\n"

/* Committee K of Ann, Bob and Cy, unanimity, meeting daily from Thursday
 * 29 February 2024 and taking one item a meeting; Ann and Bob always vote
 * for, Cy always against.  X and Y arrive before the first meeting, so X
 * is decided on 29 February and Y on 1 March.  The amendment to a simple
 * majority takes effect on DATE. */
#define BOUNDARY(date)                                                         \
  HEAD "<committee id='k' name='K' org='a'>\n"                                 \
       "<member person='p1'/><member person='p2'/><member person='p3'/>\n"     \
       "<voting rule='unanimity'/>\n"                                          \
       "<meets first='2024-02-29' every='P1D' capacity='1'/>\n"                \
       "</committee>\n"                                                        \
       "<amend-body body='k' date='" date "'>\n"                               \
       "<voting rule='simple-majority'/>\n"                                    \
       "</amend-body>\n"                                                       \
       "<stance support='1'/><stance person='p3' support='0'/>\n"              \
       "<proposal id='x' title='X' matter='m' lead='a' arrives='2024-02-20' "  \
       "body='k'/>\n"                                                          \
       "<proposal id='y' title='Y' matter='m' lead='a' arrives='2024-02-21' "  \
       "body='k'/>\n" TAIL

/* The time of the first record of @kind about case @item, or -1. */
static GsTime
time_of (const GsRun *run, GsRecordKind kind, guint32 item)
{
  for (guint i = 0; i < gs_run_n_records (run); i++)
    {
      const GsRecord *r = gs_run_get_record (run, i);
      if (r->kind == kind && (item == GS_NONE || r->item == item))
        return r->time;
    }
  return -1;
}

/* The change takes effect on 1 March.  29 February, under unanimity: 2 for,
 * 1 against, somebody against → X rejected.  1 March, under a simple
 * majority: 2 > 1 → Y approved, and the trace says the change took effect
 * that day, once. */
static void
test_boundary (void)
{
  g_autoptr (GsScenario) s = gs_test_load_inline (BOUNDARY ("2024-03-01"));
  g_autoptr (GsRun) run = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);
  CU_ASSERT_EQUAL (time_of (run, GS_REC_REJECTED, 0),
                   gs_test_day ("2024-02-29"));
  CU_ASSERT_EQUAL (time_of (run, GS_REC_APPROVED, 1),
                   gs_test_day ("2024-03-01"));
  CU_ASSERT_EQUAL (time_of (run, GS_REC_APPROVED, 0), -1);
  CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_AMENDED), 1);
  CU_ASSERT_EQUAL (time_of (run, GS_REC_AMENDED, GS_NONE),
                   gs_test_day ("2024-03-01"));
  g_autofree char *trace = gs_test_trace (run);
  gs_test_expect_in (trace,
                     "2024-03-01 K: amended terms of reference take effect "
                     "(change of 2024-03-01, line 13): voting by simple "
                     "majority, quorum 2 present");
}

/* The same, the change taking effect a day later (2 March): on 1 March the
 * committee still votes by unanimity, and Y is rejected as X was. */
static void
test_boundary_day_before (void)
{
  g_autoptr (GsScenario) s = gs_test_load_inline (BOUNDARY ("2024-03-02"));
  g_autoptr (GsRun) run = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);
  CU_ASSERT_EQUAL (time_of (run, GS_REC_REJECTED, 1),
                   gs_test_day ("2024-03-01"));
  CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_APPROVED), 0);
  /* Reported at the first meeting on or after 2 March: 2 March itself. */
  CU_ASSERT_EQUAL (time_of (run, GS_REC_AMENDED, GS_NONE),
                   gs_test_day ("2024-03-02"));
}

/* Changes build on each other: a change of the quorum alone keeps the
 * voting rule the change before it set. */
static void
test_changes_cumulative (void)
{
  const char *xml
      = HEAD "<committee id='k' name='K' org='a'>\n"
             "<member person='p1'/><member person='p2'/><member person='p3'/>\n"
             "<voting rule='unanimity'/>\n"
             "<meets first='2024-01-10' every='P1M' capacity='1'/>\n"
             "</committee>\n"
             "<amend-body body='k' date='2024-06-01'><quorum present='3'/>"
             "</amend-body>\n"
             "<amend-body body='k' date='2024-03-01'>"
             "<voting rule='absolute-majority'/></amend-body>\n" TAIL;
  g_autoptr (GsScenario) s = gs_test_load_inline (xml);
  guint k = (guint)gs_scenario_find_body (s, "k");
  const GsBody *jan = gs__body_at (s, k, gs_test_day ("2024-02-29"));
  const GsBody *apr = gs__body_at (s, k, gs_test_day ("2024-04-01"));
  const GsBody *jul = gs__body_at (s, k, gs_test_day ("2024-07-01"));
  CU_ASSERT_EQUAL (jan->voting.rule, GS_RULE_UNANIMITY);
  CU_ASSERT_EQUAL (jan->quorum.present, 2); /* ⌊3/2⌋ + 1 */
  CU_ASSERT_EQUAL (apr->voting.rule, GS_RULE_ABSOLUTE_MAJORITY);
  CU_ASSERT_EQUAL (apr->quorum.present, 2);
  CU_ASSERT_EQUAL (jul->voting.rule, GS_RULE_ABSOLUTE_MAJORITY);
  CU_ASSERT_EQUAL (jul->quorum.present, 3);
}

/* Quorum 3 of Ann, Bob and Cy, Cy a member from 1 July.  10 June: Ann and
 * Bob present, 2 < 3, inquorate; 10 July: all three, 3 ≥ 3, quorate, and
 * X (3 for, 0 against) approved. */
static void
test_member_joins (void)
{
  const char *xml = HEAD
      "<committee id='k' name='K' org='a'>\n"
      "<member person='p1'/><member person='p2'/>"
      "<member person='p3' from='2024-07-01'/>\n"
      "<quorum present='3'/>\n"
      "<meets first='2024-01-10' every='P1M' capacity='5'/>\n"
      "</committee>\n"
      "<stance support='1'/>\n"
      "<proposal id='x' title='X' matter='m' lead='a' arrives='2024-06-01' "
      "body='k'/>\n" TAIL;
  g_autoptr (GsScenario) s = gs_test_load_inline (xml);
  g_autoptr (GsRun) run = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);
  CU_ASSERT_EQUAL (time_of (run, GS_REC_INQUORATE, GS_NONE),
                   gs_test_day ("2024-06-10"));
  CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_INQUORATE), 1);
  CU_ASSERT_EQUAL (time_of (run, GS_REC_APPROVED, 0),
                   gs_test_day ("2024-07-10"));
}

/* A vacant seat is not a member.  Four seats, Di's from 1 July; on
 * 10 January Ann, Bob (for) and Cy (against) hold the others.  Quorum
 * fraction 1/1: ⌈3 × 1/1⌉ = 3 needed of the seats held, 3 present,
 * quorate (counting Di's seat it would need 4).  Absolute majority of the
 * members: 2 × 2 = 4 > 3, carried (of 4 seats, 4 > 4 would fail). */
static void
test_vacant_seat (void)
{
  const char *xml = HEAD
      "<committee id='k' name='K' org='a'>\n"
      "<member person='p1'/><member person='p2'/><member person='p3'/>"
      "<member person='p4' from='2024-07-01'/>\n"
      "<quorum fraction='1/1'/>\n"
      "<voting rule='absolute-majority'/>\n"
      "<meets first='2024-01-10' every='P1M' capacity='5'/>\n"
      "</committee>\n"
      "<stance support='1'/><stance person='p3' support='0'/>\n"
      "<proposal id='x' title='X' matter='m' lead='a' arrives='2024-01-02' "
      "body='k'/>\n" TAIL;
  g_autoptr (GsScenario) s = gs_test_load_inline (xml);
  g_autoptr (GsRun) run = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);
  CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_INQUORATE), 0);
  CU_ASSERT_EQUAL (time_of (run, GS_REC_APPROVED, 0),
                   gs_test_day ("2024-01-10"));
}

/* Without a quorum clause, a majority of the seats held that day.  Four
 * seats, Di's from 1 July; Cy away in January.  On 10 January the seats
 * held are 3 (Ann, Bob, Cy), a majority of them ⌊3/2⌋ + 1 = 2, and Ann and
 * Bob are present: quorate, and X (2 for) approved.  Counting Di's vacant
 * seat the quorum would be ⌊4/2⌋ + 1 = 3 and the meeting inquorate. */
static void
test_default_quorum_vacant_seat (void)
{
  const char *xml = HEAD
      "<committee id='k' name='K' org='a'>\n"
      "<member person='p1'/><member person='p2'/><member person='p3'/>"
      "<member person='p4' from='2024-07-01'/>\n"
      "<meets first='2024-01-10' every='P1M' capacity='5'/>\n"
      "</committee>\n"
      "<absence person='p3' from='2024-01-01' until='2024-02-01'/>\n"
      "<stance support='1'/>\n"
      "<proposal id='x' title='X' matter='m' lead='a' arrives='2024-01-02' "
      "body='k'/>\n" TAIL;
  g_autoptr (GsScenario) s = gs_test_load_inline (xml);
  g_autoptr (GsRun) run = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);
  CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_INQUORATE), 0);
  CU_ASSERT_EQUAL (time_of (run, GS_REC_APPROVED, 0),
                   gs_test_day ("2024-01-10"));
}

/* Trusts A, B and C on joint committee J: Ann, Al and Ava of A vote for,
 * Bob of B and Cy of C against.  Voting is per member until 1 March, one
 * vote per organisation from then, and from 1 May consensus first, then a
 * simple majority of organisations.  By hand, at the meeting after each
 * arrival: X (10 February) 3 for, 2 against: approved; Y (10 March) A for,
 * B and C against, 1 of 3 organisations for: rejected; Z (10 May) B and C
 * object, so no consensus, and the majority vote at once rejects it 1 to
 * 2.  The trace words each vote under the terms in force on its day. */
#define PER_ORG_FROM_MARCH                                                     \
  "<scenario xmlns='urn:govsim:scenario:1' name='t' start='2024-01-01' "       \
  "horizon='P1Y'>\n"                                                           \
  "<organisation id='a' name='Trust A' kind='nhs-trust'/>\n"                   \
  "<organisation id='b' name='Trust B' kind='nhs-trust'/>\n"                   \
  "<organisation id='c' name='Trust C' kind='nhs-trust'/>\n"                   \
  "<person id='a1' name='Ann' org='a' role='chair' director='true'/>\n"        \
  "<person id='a2' name='Al' org='a' role='ned' director='true'/>\n"           \
  "<person id='a3' name='Ava' org='a' role='executive' director='true'/>\n"    \
  "<person id='b1' name='Bob' org='b' role='chair' director='true'/>\n"        \
  "<person id='c1' name='Cy' org='c' role='chair' director='true'/>\n"         \
  "<matter id='m' name='Capital'/>\n"                                          \
  "<joint-committee id='j' name='J' parties='a b c'>\n"                        \
  "<member person='a1'/><member person='a2'/><member person='a3'/>\n"          \
  "<member person='b1'/><member person='c1'/>\n"                               \
  "<meets first='2024-01-10' every='P1M' capacity='1'/>\n"                     \
  "</joint-committee>\n"                                                       \
  "<amend-body body='j' date='2024-03-01'>"                                    \
  "<voting rule='simple-majority' per='organisation'/></amend-body>\n"         \
  "<amend-body body='j' date='2024-05-01'>"                                    \
  "<voting rule='consensus' then='simple-majority' per='organisation'/>"       \
  "</amend-body>\n"                                                            \
  "<stance support='1'/><stance org='b' support='0'/>"                         \
  "<stance org='c' support='0'/>\n"                                            \
  "<proposal id='x' title='X' matter='m' lead='a' affects='a b c' "            \
  "arrives='2024-02-01' body='j'/>\n"                                          \
  "<proposal id='y' title='Y' matter='m' lead='a' affects='a b c' "            \
  "arrives='2024-03-01' body='j'/>\n"                                          \
  "<proposal id='z' title='Z' matter='m' lead='a' affects='a b c' "            \
  "arrives='2024-05-01' body='j'/>\n" TAIL

static void
test_per_org_switched_on_trace (void)
{
  g_autoptr (GsScenario) s = gs_test_load_inline (PER_ORG_FROM_MARCH);
  g_autoptr (GsRun) run = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);
  CU_ASSERT_EQUAL (time_of (run, GS_REC_APPROVED, 0),
                   gs_test_day ("2024-02-10"));
  CU_ASSERT_EQUAL (time_of (run, GS_REC_REJECTED, 1),
                   gs_test_day ("2024-03-10"));
  CU_ASSERT_EQUAL (time_of (run, GS_REC_BLOCKED, 2),
                   gs_test_day ("2024-05-10"));
  g_autofree char *trace = gs_test_trace (run);
  gs_test_expect_in (trace, "2024-02-10 J: 'X' approved, 3 for and 2 against "
                            "(9 days after arrival)");
  gs_test_expect_in (trace, "2024-03-10 J: 'Y' rejected, 1 of 3 organisations "
                            "for, 2 against (9 days after arrival)");
  gs_test_expect_in (trace, "2024-05-10 J: 'Z' blocked by Trust B and Trust C "
                            "— no consensus, 1 of 3 organisations for, 2 "
                            "against; put to a simple majority vote at once");
  gs_test_expect_in (trace, "2024-05-10 J: 'Z' rejected, 1 of 3 organisations "
                            "for, 2 against (9 days after arrival)");
}

/* Trusts A and B, Ann for and Bob against: tied 1–1 either way, a vote of
 * members until 1 March and of organisations from then; the words follow
 * the terms in force on the day (X on 10 February, Y on 10 March). */
static void
test_per_org_switched_on_tie (void)
{
  const char *xml
      = "<scenario xmlns='urn:govsim:scenario:1' name='t' "
        "start='2024-01-01' horizon='P1Y'>\n"
        "<organisation id='a' name='Trust A' kind='nhs-trust'/>\n"
        "<organisation id='b' name='Trust B' kind='nhs-trust'/>\n"
        "<person id='a1' name='Ann' org='a' role='chair' director='true'/>\n"
        "<person id='b1' name='Bob' org='b' role='chair' director='true'/>\n"
        "<matter id='m' name='Capital'/>\n"
        "<joint-committee id='j' name='J' parties='a b'>\n"
        "<member person='a1'/><member person='b1'/>\n"
        "<meets first='2024-01-10' every='P1M' capacity='1'/>\n"
        "</joint-committee>\n"
        "<amend-body body='j' date='2024-03-01'>"
        "<voting rule='simple-majority' per='organisation'/></amend-body>\n"
        "<stance support='1'/><stance org='b' support='0'/>\n"
        "<proposal id='x' title='X' matter='m' lead='a' affects='a b' "
        "arrives='2024-02-01' body='j'/>\n"
        "<proposal id='y' title='Y' matter='m' lead='a' affects='a b' "
        "arrives='2024-03-01' body='j'/>\n" TAIL;
  g_autoptr (GsScenario) s = gs_test_load_inline (xml);
  g_autoptr (GsRun) run = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);
  CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_TIED), 2);
  g_autofree char *trace = gs_test_trace (run);
  gs_test_expect_in (trace, "2024-02-10 J: 'X' not carried — the vote tied "
                            "1–1 and there is no casting vote");
  gs_test_expect_in (trace, "2024-03-10 J: 'Y' not carried — the "
                            "organisations' votes tied 1–1 and there is no "
                            "casting vote");
}

static void
expect_refused (const char *xml, const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GsScenario) s
      = gs_loader_load_bytes (xml, strlen (xml), "inline", &error);
  CU_ASSERT_PTR_NULL (s);
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  gs_test_expect_in (error->message, text);
}

#define BODY_K                                                                 \
  "<committee id='k' name='K' org='a'>\n"                                      \
  "<member person='p1'/><member person='p2'/>\n"                               \
  "<meets first='2024-01-10' every='P1M' capacity='5'/>\n"                     \
  "</committee>\n"

static void
test_refused (void)
{
  /* HEAD is lines 1-7 and BODY_K lines 8-11, so the first <amend-body>
   * is on line 12. */
  expect_refused (HEAD BODY_K "<amend-body body='k' date='2025-01-01'>"
                              "<voting rule='unanimity'/></amend-body>\n" TAIL,
                  "inline:12: the change takes effect outside the simulated "
                  "period");
  expect_refused (HEAD BODY_K "<amend-body body='kk' date='2024-05-01'>"
                              "<voting rule='unanimity'/></amend-body>\n" TAIL,
                  "inline:12: body 'kk' is not defined (attribute 'body')");
  expect_refused (HEAD BODY_K "<amend-body body='k' date='2024-05-01'/>\n" TAIL,
                  "inline:12: the change to 'k' gives neither a quorum nor "
                  "a voting rule");
  expect_refused (HEAD BODY_K "<amend-body body='k' date='2024-05-01'>"
                              "<voting rule='unanimity'/></amend-body>\n"
                              "<amend-body body='k' date='2024-05-01'>"
                              "<quorum present='2'/></amend-body>\n" TAIL,
                  "inline:13: 'k' is already amended on that date (line 12)");
  expect_refused (HEAD "<committee id='k' name='K' org='a'>\n"
                       "<member person='p1'/>"
                       "<member person='p2' from='2024-05-01' "
                       "until='2024-04-01'/>\n"
                       "<meets first='2024-01-10' every='P1M' capacity='5'/>\n"
                       "</committee>\n" TAIL,
                  /* the member's line: HEAD, then the committee's */
                  "inline:9: the membership of 'p2' ends (until) on or "
                  "before it begins (from)");
}

static const GsTestCase cases[] = {
  { "test_boundary", test_boundary },
  { "test_boundary_day_before", test_boundary_day_before },
  { "test_changes_cumulative", test_changes_cumulative },
  { "test_member_joins", test_member_joins },
  { "test_vacant_seat", test_vacant_seat },
  { "test_default_quorum_vacant_seat", test_default_quorum_vacant_seat },
  { "test_per_org_switched_on_trace", test_per_org_switched_on_trace },
  { "test_per_org_switched_on_tie", test_per_org_switched_on_tie },
  { "test_refused", test_refused },
  { NULL, NULL },
};

int
main (void)
{
  return gs_test_run ("amend", cases);
}

/* test-rules.c — quorum, voting and committees-in-common rules.
 *
 * Every expected value is worked by hand in the comment beside it, from the
 * conventions of gs-rules.h: votes cast = for + against, members = seats not
 * conflicted out, quorum fraction need = ⌈seats × num / den⌉.  Meetings are
 * written as strings, one character a seat (see seats_from()), seat 0 being
 * the chair's.
 */
#include "gs-test.h"

#include <govsim/gs-rules.h>

#include <string.h>

#define MAX_SEATS 16

/* Fills @s from @spec, one seat per character:
 *   'Y' for, 'N' against, 'A' abstain, 'O' object, '_' present, no ballot;
 *   'D' a deputy, present, no ballot; 'C' a conflicted member, present, no
 *   ballot; '.' an empty seat.
 * Every seat is a NED of no party with weight 1; seat 0 is the chair's. */
static guint
seats_from (GsSeat *s, const char *spec)
{
  guint n = (guint)strlen (spec);
  g_assert (n <= MAX_SEATS);
  for (guint i = 0; i < n; i++)
    {
      GsSeat seat = { .person = i,
                      .role = GS_ROLE_NED,
                      .party = -1,
                      .weight = 1,
                      .present = spec[i] != '.',
                      .deputy = spec[i] == 'D',
                      .conflicted = spec[i] == 'C',
                      .chair = i == 0,
                      .ballot = GS_BALLOT_NONE };
      switch (spec[i])
        {
          case 'Y':
            seat.ballot = GS_BALLOT_FOR;
            break;
          case 'N':
            seat.ballot = GS_BALLOT_AGAINST;
            break;
          case 'A':
            seat.ballot = GS_BALLOT_ABSTAIN;
            break;
          case 'O':
            seat.ballot = GS_BALLOT_OBJECT;
            break;
          case '_':
          case '.':
          case 'D':
          case 'C':
            break;
          default:
            g_assert_not_reached ();
        }
      s[i] = seat;
    }
  return n;
}

/* The outcome of the meeting @spec under @v, with its tally in @t. */
static GsVoteOutcome
decide (const GsVoting *v, const char *spec, GsTally *t)
{
  GsSeat s[MAX_SEATS];
  guint n = seats_from (s, spec);
  return gs_vote_decide (v, s, n, t);
}

static GsQuorumResult
quorum (const GsQuorum *q, const char *spec, GsQuorumVerdict *verdict)
{
  GsSeat s[MAX_SEATS];
  guint n = seats_from (s, spec);
  gs_quorum_check (q, s, n, NULL, 0, verdict);
  return verdict->result;
}

/* ---- quorum ------------------------------------------------------------ */

static void
test_rules_quorum_head_count_exact_threshold (void)
{
  GsQuorum q = { .present = 4 };
  GsQuorumVerdict v;
  GsSeat s[MAX_SEATS];

  /* 4 of 6 present: 4 >= 4, met. */
  guint n = seats_from (s, "____..");
  CU_ASSERT_TRUE (gs_quorum_check (&q, s, n, NULL, 0, &v));
  CU_ASSERT_EQUAL (v.result, GS_QUORUM_MET);
  CU_ASSERT_EQUAL (v.counted, 4);

  /* 3 of 6 present: 3 < 4, fails with need 4, have 3. */
  n = seats_from (s, "___...");
  CU_ASSERT_FALSE (gs_quorum_check (&q, s, n, NULL, 0, &v));
  CU_ASSERT_EQUAL (v.result, GS_QUORUM_FAIL_PRESENT);
  CU_ASSERT_EQUAL (v.need, 4);
  CU_ASSERT_EQUAL (v.have, 3);
  CU_ASSERT_EQUAL (v.which, -1);
  CU_ASSERT_EQUAL (v.counted, 3);

  /* No rule at all: an empty room is quorate, counted 0. */
  GsQuorum none = { 0 };
  n = seats_from (s, "......");
  CU_ASSERT_TRUE (gs_quorum_check (&none, s, n, NULL, 0, &v));
  CU_ASSERT_EQUAL (v.counted, 0);
}

static void
test_rules_quorum_fraction_rounds_up (void)
{
  GsQuorum q = { .frac_num = 1, .frac_den = 2 };
  GsQuorumVerdict v;

  /* Half of 7 seats: ⌈7 × 1 / 2⌉ = ⌈3.5⌉ = 4.  Four present met; three
   * present fail with need 4, have 3. */
  CU_ASSERT_EQUAL (quorum (&q, "____...", &v), GS_QUORUM_MET);
  CU_ASSERT_EQUAL (quorum (&q, "___....", &v), GS_QUORUM_FAIL_FRACTION);
  CU_ASSERT_EQUAL (v.need, 4);
  CU_ASSERT_EQUAL (v.have, 3);

  /* Half of 6 seats: ⌈6 × 1 / 2⌉ = 3 exactly.  Three met, two fail. */
  CU_ASSERT_EQUAL (quorum (&q, "___...", &v), GS_QUORUM_MET);
  CU_ASSERT_EQUAL (quorum (&q, "__....", &v), GS_QUORUM_FAIL_FRACTION);
  CU_ASSERT_EQUAL (v.need, 3);
  CU_ASSERT_EQUAL (v.have, 2);

  /* Two thirds of 10 seats: ⌈20 / 3⌉ = ⌈6.67⌉ = 7; six present fail. */
  GsQuorum third = { .frac_num = 2, .frac_den = 3 };
  CU_ASSERT_EQUAL (quorum (&third, "______....", &v), GS_QUORUM_FAIL_FRACTION);
  CU_ASSERT_EQUAL (v.need, 7);
  CU_ASSERT_EQUAL (quorum (&third, "_______...", &v), GS_QUORUM_MET);
}

static void
test_rules_quorum_chair_required (void)
{
  GsQuorum q = { .chair_required = TRUE };
  GsQuorumVerdict v;

  /* Chair's seat (seat 0) empty, everyone else present: fails. */
  CU_ASSERT_EQUAL (quorum (&q, ".____", &v), GS_QUORUM_FAIL_CHAIR);
  CU_ASSERT_EQUAL (v.need, 1);
  CU_ASSERT_EQUAL (v.have, 0);
  CU_ASSERT_EQUAL (v.which, -1);
  CU_ASSERT_EQUAL (v.counted, 4);

  /* The chair's deputy fills the seat, even though deputies do not count
   * towards the head-count (counted 1: seat 1 only). */
  CU_ASSERT_EQUAL (quorum (&q, "D_...", &v), GS_QUORUM_MET);
  CU_ASSERT_EQUAL (v.counted, 1);

  /* No seat flagged as the chair's: the rule cannot be met. */
  GsSeat s[MAX_SEATS];
  guint n = seats_from (s, "___");
  s[0].chair = FALSE;
  CU_ASSERT_FALSE (gs_quorum_check (&q, s, n, NULL, 0, &v));
  CU_ASSERT_EQUAL (v.result, GS_QUORUM_FAIL_CHAIR);
}

static void
test_rules_quorum_role_min_names_role (void)
{
  GsQuorum q = { 0 };
  q.role_min[GS_ROLE_NED] = 1;
  q.role_min[GS_ROLE_EXECUTIVE] = 2;
  GsQuorumVerdict v;
  GsSeat s[MAX_SEATS];

  /* Seats: chair (present), NED (absent), two executives (present).
   * NEDs present 0 < 1: fails naming NED, need 1, have 0. */
  guint n = seats_from (s, "_.__");
  s[0].role = GS_ROLE_CHAIR;
  s[2].role = s[3].role = GS_ROLE_EXECUTIVE;
  CU_ASSERT_FALSE (gs_quorum_check (&q, s, n, NULL, 0, &v));
  CU_ASSERT_EQUAL (v.result, GS_QUORUM_FAIL_ROLE);
  CU_ASSERT_EQUAL (v.which, GS_ROLE_NED);
  CU_ASSERT_EQUAL (v.need, 1);
  CU_ASSERT_EQUAL (v.have, 0);

  /* NED arrives: 1 >= 1; executives 2 >= 2: met. */
  s[1].present = TRUE;
  CU_ASSERT_TRUE (gs_quorum_check (&q, s, n, NULL, 0, &v));

  /* One executive leaves: executives 1 < 2, naming EXECUTIVE. */
  s[3].present = FALSE;
  CU_ASSERT_FALSE (gs_quorum_check (&q, s, n, NULL, 0, &v));
  CU_ASSERT_EQUAL (v.which, GS_ROLE_EXECUTIVE);
  CU_ASSERT_EQUAL (v.need, 2);
  CU_ASSERT_EQUAL (v.have, 1);
}

static void
test_rules_quorum_party_min_names_party (void)
{
  /* Three organisations, deliberately not 0, 1, 2, so that `which' is seen
   * to be the organisation and not its position in the list. */
  const gint32 parties[] = { 7, 3, 5 };
  GsQuorum q = { .party_min = 1 };
  GsQuorumVerdict v;
  GsSeat s[MAX_SEATS];

  /* Two seats per party, 7 7 3 3 5 5; both of party 3 absent. */
  guint n = seats_from (s, "__..__");
  for (guint i = 0; i < n; i++)
    s[i].party = parties[i / 2];
  CU_ASSERT_FALSE (gs_quorum_check (&q, s, n, parties, 3, &v));
  CU_ASSERT_EQUAL (v.result, GS_QUORUM_FAIL_PARTY);
  CU_ASSERT_EQUAL (v.which, 3);
  CU_ASSERT_EQUAL (v.need, 1);
  CU_ASSERT_EQUAL (v.have, 0);

  /* One of party 3 arrives: each party has >= 1, met. */
  s[3].present = TRUE;
  CU_ASSERT_TRUE (gs_quorum_check (&q, s, n, parties, 3, &v));

  /* Parties 7 and 5 both short: the first in the order given, 7, is
   * reported, although 5 is a lower number. */
  s[0].present = s[1].present = s[4].present = s[5].present = FALSE;
  CU_ASSERT_FALSE (gs_quorum_check (&q, s, n, parties, 3, &v));
  CU_ASSERT_EQUAL (v.which, 7);
}

static void
test_rules_quorum_conflicted_counting (void)
{
  /* Four present, of whom two are conflicted. */
  GsQuorum q = { .present = 3 };
  GsQuorumVerdict v;

  /* Conflicted do not count: 4 - 2 = 2 < 3, fails, have 2. */
  CU_ASSERT_EQUAL (quorum (&q, "__CC.", &v), GS_QUORUM_FAIL_PRESENT);
  CU_ASSERT_EQUAL (v.have, 2);
  CU_ASSERT_EQUAL (v.counted, 2);

  /* Conflicted count: 4 >= 3, met. */
  q.conflicted_count = TRUE;
  CU_ASSERT_EQUAL (quorum (&q, "__CC.", &v), GS_QUORUM_MET);
  CU_ASSERT_EQUAL (v.counted, 4);
}

static void
test_rules_quorum_deputies_counting (void)
{
  /* Five present, of whom two are deputies. */
  GsQuorum q = { .present = 4 };
  GsQuorumVerdict v;

  /* Deputies do not count: 5 - 2 = 3 < 4, fails, have 3. */
  CU_ASSERT_EQUAL (quorum (&q, "___DD", &v), GS_QUORUM_FAIL_PRESENT);
  CU_ASSERT_EQUAL (v.have, 3);

  /* Deputies count: 5 >= 4, met. */
  q.deputies_count = TRUE;
  CU_ASSERT_EQUAL (quorum (&q, "___DD", &v), GS_QUORUM_MET);
  CU_ASSERT_EQUAL (v.counted, 5);

  /* A deputy NED counts for the role minimum only when deputies count:
   * the only NED present is a deputy. */
  GsQuorum r = { 0 };
  r.role_min[GS_ROLE_NED] = 1;
  GsSeat s[MAX_SEATS];
  guint n = seats_from (s, "_D");
  s[0].role = GS_ROLE_CHAIR;
  CU_ASSERT_FALSE (gs_quorum_check (&r, s, n, NULL, 0, &v));
  CU_ASSERT_EQUAL (v.result, GS_QUORUM_FAIL_ROLE);
  r.deputies_count = TRUE;
  CU_ASSERT_TRUE (gs_quorum_check (&r, s, n, NULL, 0, &v));
}

static void
test_rules_quorum_failure_order (void)
{
  /* Eight seats, parties {1, 2}: seats 0-3 party 1, seats 4-7 party 2.
   * Every rule set so that fixing the meeting one step at a time exposes
   * the next rule in the order head-count, fraction, chair, roles,
   * parties. */
  const gint32 parties[] = { 2, 1 };
  GsQuorum q = { .present = 2,
                 .frac_num = 1,
                 .frac_den = 2,
                 .chair_required = TRUE,
                 .party_min = 1 };
  q.role_min[GS_ROLE_NED] = 1;
  q.role_min[GS_ROLE_GOVERNOR] = 1;
  GsQuorumVerdict v;
  GsSeat s[MAX_SEATS];
  guint n = seats_from (s, "........");
  for (guint i = 0; i < n; i++)
    {
      s[i].party = i < 4 ? 1 : 2;
      s[i].role = GS_ROLE_EXECUTIVE;
    }
  s[0].role = GS_ROLE_CHAIR;
  s[1].role = GS_ROLE_GOVERNOR;
  s[2].role = GS_ROLE_NED;

  /* Nobody: 0 < 2, head-count first. */
  CU_ASSERT_FALSE (gs_quorum_check (&q, s, n, parties, 2, &v));
  CU_ASSERT_EQUAL (v.result, GS_QUORUM_FAIL_PRESENT);

  /* Seats 3, 5 present: 2 >= 2; fraction ⌈8 / 2⌉ = 4 > 2. */
  s[3].present = s[5].present = TRUE;
  CU_ASSERT_FALSE (gs_quorum_check (&q, s, n, parties, 2, &v));
  CU_ASSERT_EQUAL (v.result, GS_QUORUM_FAIL_FRACTION);
  CU_ASSERT_EQUAL (v.need, 4);

  /* Seats 3, 5, 6, 7: 4 >= 4; chair's seat 0 empty. */
  s[6].present = s[7].present = TRUE;
  CU_ASSERT_FALSE (gs_quorum_check (&q, s, n, parties, 2, &v));
  CU_ASSERT_EQUAL (v.result, GS_QUORUM_FAIL_CHAIR);

  /* Chair arrives; NED (role 1) and governor (role 5) both missing: NED,
   * first in GsRole order, is reported. */
  s[0].present = TRUE;
  CU_ASSERT_FALSE (gs_quorum_check (&q, s, n, parties, 2, &v));
  CU_ASSERT_EQUAL (v.result, GS_QUORUM_FAIL_ROLE);
  CU_ASSERT_EQUAL (v.which, GS_ROLE_NED);

  /* NED arrives: governor next. */
  s[2].present = TRUE;
  CU_ASSERT_FALSE (gs_quorum_check (&q, s, n, parties, 2, &v));
  CU_ASSERT_EQUAL (v.which, GS_ROLE_GOVERNOR);

  /* Governor arrives; now remove party 2 entirely (seats 5-7) and move the
   * head-count and fraction out of the way: party 2 short, have 0. */
  s[1].present = TRUE;
  CU_ASSERT_TRUE (gs_quorum_check (&q, s, n, parties, 2, &v));
  s[5].present = s[6].present = s[7].present = FALSE;
  /* Present 0-3: 4 >= 2 and 4 >= 4; chair, NED, governor present. */
  CU_ASSERT_FALSE (gs_quorum_check (&q, s, n, parties, 2, &v));
  CU_ASSERT_EQUAL (v.result, GS_QUORUM_FAIL_PARTY);
  CU_ASSERT_EQUAL (v.which, 2);
  CU_ASSERT_EQUAL (v.counted, 4);
}

/* ---- simple majority --------------------------------------------------- */

static void
test_rules_simple_majority_carried_and_defeated (void)
{
  GsVoting v = { .rule = GS_RULE_SIMPLE_MAJORITY };
  GsTally t;

  /* 3 for, 2 against: 3 > 2, carried. */
  CU_ASSERT_EQUAL (decide (&v, "YYYNN", &t), GS_OUTCOME_CARRIED);
  CU_ASSERT_EQUAL (t.votes_for, 3);
  CU_ASSERT_EQUAL (t.against, 2);
  CU_ASSERT_EQUAL (t.members, 5);
  CU_ASSERT_FALSE (t.casting_used);

  /* 2 for, 3 against: defeated. */
  CU_ASSERT_EQUAL (decide (&v, "YYNNN", &t), GS_OUTCOME_DEFEATED);

  /* Abstentions and absences do not change it: 2 for, 1 against. */
  CU_ASSERT_EQUAL (decide (&v, "YYNAA..", &t), GS_OUTCOME_CARRIED);
  CU_ASSERT_EQUAL (t.abstain, 2);
  CU_ASSERT_EQUAL (t.members, 7);
}

static void
test_rules_simple_majority_tie_without_casting (void)
{
  GsVoting v = { .rule = GS_RULE_SIMPLE_MAJORITY, .casting = FALSE };
  GsTally t;

  /* 2 for, 2 against, no casting vote: tied, even with the chair voting. */
  CU_ASSERT_EQUAL (decide (&v, "YYNNA", &t), GS_OUTCOME_TIED);
  CU_ASSERT_FALSE (t.casting_used);
}

static void
test_rules_simple_majority_casting_vote (void)
{
  GsVoting v = { .rule = GS_RULE_SIMPLE_MAJORITY, .casting = TRUE };
  GsTally t;

  /* 2–2, chair (seat 0) voted for: the casting vote carries it. */
  CU_ASSERT_EQUAL (decide (&v, "YYNNA", &t), GS_OUTCOME_CARRIED);
  CU_ASSERT_TRUE (t.casting_used);

  /* 2–2, chair voted against: defeated on the casting vote. */
  CU_ASSERT_EQUAL (decide (&v, "NYYNA", &t), GS_OUTCOME_DEFEATED);
  CU_ASSERT_TRUE (t.casting_used);

  /* 2–2, chair abstained: no casting vote, tied. */
  CU_ASSERT_EQUAL (decide (&v, "AYYNN", &t), GS_OUTCOME_TIED);
  CU_ASSERT_FALSE (t.casting_used);

  /* 2–2, chair absent: tied. */
  CU_ASSERT_EQUAL (decide (&v, ".YYNN", &t), GS_OUTCOME_TIED);
  CU_ASSERT_FALSE (t.casting_used);

  /* 2–2, chair conflicted out: tied. */
  CU_ASSERT_EQUAL (decide (&v, "CYYNN", &t), GS_OUTCOME_TIED);

  /* 3–2 with the chair for: carried on the count, no casting vote used. */
  CU_ASSERT_EQUAL (decide (&v, "YYYNN", &t), GS_OUTCOME_CARRIED);
  CU_ASSERT_FALSE (t.casting_used);
}

static void
test_rules_simple_majority_all_abstain_no_votes (void)
{
  GsVoting v = { .rule = GS_RULE_SIMPLE_MAJORITY, .casting = TRUE };
  GsTally t;

  /* 0 for, 0 against: no votes cast, NO_VOTES (not a 0–0 tie). */
  CU_ASSERT_EQUAL (decide (&v, "AAAA", &t), GS_OUTCOME_NO_VOTES);
  CU_ASSERT_EQUAL (t.abstain, 4);
  CU_ASSERT_FALSE (t.casting_used);
}

static void
test_rules_single_member (void)
{
  GsVoting v = { .rule = GS_RULE_SIMPLE_MAJORITY, .casting = TRUE };
  GsTally t;

  /* 1–0: 1 > 0, carried, without a casting vote. */
  CU_ASSERT_EQUAL (decide (&v, "Y", &t), GS_OUTCOME_CARRIED);
  CU_ASSERT_FALSE (t.casting_used);
  /* Abstaining: nothing cast. */
  CU_ASSERT_EQUAL (decide (&v, "A", &t), GS_OUTCOME_NO_VOTES);
  /* Absent: nothing cast, but still a member. */
  CU_ASSERT_EQUAL (decide (&v, ".", &t), GS_OUTCOME_NO_VOTES);
  CU_ASSERT_EQUAL (t.members, 1);
}

static void
test_rules_objection_counts_against_outside_consensus (void)
{
  GsVoting v = { .rule = GS_RULE_SIMPLE_MAJORITY };
  GsTally t;

  /* 2 for, 1 against, 1 objection: against 1 + 1 = 2; 2–2 tied. */
  CU_ASSERT_EQUAL (decide (&v, "YYNO", &t), GS_OUTCOME_TIED);
  CU_ASSERT_EQUAL (t.against, 2);
  CU_ASSERT_EQUAL (t.objections, 1);

  /* With a casting vote, the chair's objection is a casting vote against. */
  v.casting = TRUE;
  CU_ASSERT_EQUAL (decide (&v, "OYYN", &t), GS_OUTCOME_DEFEATED);
  CU_ASSERT_TRUE (t.casting_used);
}

static void
test_rules_tally_ignores_ineligible_ballots (void)
{
  GsVoting v = { .rule = GS_RULE_SIMPLE_MAJORITY };
  GsTally t;
  GsSeat s[MAX_SEATS];

  /* Seats: for, against, and two whose ballot "for" should have been NONE:
   * one empty, one conflicted.  Only 1–1 is counted, members 3 (the
   * conflicted seat is not a member for this item): tied. */
  guint n = seats_from (s, "YN.C");
  s[2].ballot = GS_BALLOT_FOR;
  s[3].ballot = GS_BALLOT_FOR;
  CU_ASSERT_EQUAL (gs_vote_decide (&v, s, n, &t), GS_OUTCOME_TIED);
  CU_ASSERT_EQUAL (t.votes_for, 1);
  CU_ASSERT_EQUAL (t.members, 3);

  /* A NULL tally is allowed: 1 for, carried. */
  CU_ASSERT_EQUAL (gs_vote_decide (&v, s, 1, NULL), GS_OUTCOME_CARRIED);
}

/* ---- absolute majority ------------------------------------------------- */

static void
test_rules_absolute_majority_even_members (void)
{
  GsVoting v = { .rule = GS_RULE_ABSOLUTE_MAJORITY };
  GsTally t;

  /* 6 members, 3 for, 0 against, 3 abstain: 2 × 3 = 6 = members, an
   * equality; no casting vote: tied. */
  CU_ASSERT_EQUAL (decide (&v, "YYYAAA", &t), GS_OUTCOME_TIED);
  CU_ASSERT_EQUAL (t.members, 6);

  /* With a casting vote and the chair among those for: carried. */
  v.casting = TRUE;
  CU_ASSERT_EQUAL (decide (&v, "YYYAAA", &t), GS_OUTCOME_CARRIED);
  CU_ASSERT_TRUE (t.casting_used);

  /* Chair abstaining: no casting vote to give, tied. */
  CU_ASSERT_EQUAL (decide (&v, "AYYYAA", &t), GS_OUTCOME_TIED);
  CU_ASSERT_FALSE (t.casting_used);

  /* 4 for: 8 > 6, carried. */
  CU_ASSERT_EQUAL (decide (&v, "YYYYAA", &t), GS_OUTCOME_CARRIED);
  CU_ASSERT_FALSE (t.casting_used);

  /* 2 for, 0 against: 4 < 6, defeated, though a simple majority of those
   * voting. */
  CU_ASSERT_EQUAL (decide (&v, "YYAAAA", &t), GS_OUTCOME_DEFEATED);

  /* Nobody voting: NO_VOTES. */
  CU_ASSERT_EQUAL (decide (&v, "AAAA..", &t), GS_OUTCOME_NO_VOTES);
}

static void
test_rules_absolute_majority_odd_members (void)
{
  GsVoting v = { .rule = GS_RULE_ABSOLUTE_MAJORITY, .casting = TRUE };
  GsTally t;

  /* 5 members, 3 for (two absent): 6 > 5, carried. */
  CU_ASSERT_EQUAL (decide (&v, "YYY..", &t), GS_OUTCOME_CARRIED);
  /* 2 for, 1 against: 4 < 5, defeated; no equality possible with 5. */
  CU_ASSERT_EQUAL (decide (&v, "YYN..", &t), GS_OUTCOME_DEFEATED);
  CU_ASSERT_FALSE (t.casting_used);
}

static void
test_rules_absolute_majority_conflicted_reduces_members (void)
{
  GsVoting v = { .rule = GS_RULE_ABSOLUTE_MAJORITY };
  GsTally t;

  /* 6 seats, one conflicted: members 5; 3 for: 6 > 5, carried. */
  CU_ASSERT_EQUAL (decide (&v, "YYYAAC", &t), GS_OUTCOME_CARRIED);
  CU_ASSERT_EQUAL (t.members, 5);

  /* Without the conflict, 3 of 6 is an equality: tied. */
  CU_ASSERT_EQUAL (decide (&v, "YYYAAA", &t), GS_OUTCOME_TIED);

  /* A conflicted member is out even when absent: members 5 again. */
  GsSeat s[MAX_SEATS];
  guint n = seats_from (s, "YYYAA.");
  s[5].conflicted = TRUE;
  CU_ASSERT_EQUAL (gs_vote_decide (&v, s, n, &t), GS_OUTCOME_CARRIED);
  CU_ASSERT_EQUAL (t.members, 5);
}

/* ---- qualified majority ------------------------------------------------ */

static void
test_rules_qualified_two_thirds_of_cast (void)
{
  GsVoting v = { .rule = GS_RULE_QUALIFIED_MAJORITY,
                 .base = GS_BASE_CAST,
                 .num = 2,
                 .den = 3,
                 .casting = TRUE };
  GsTally t;

  /* 6 cast, 4 for: 4 × 3 = 12 >= 2 × 6 = 12, carried (exactly 2/3). */
  CU_ASSERT_EQUAL (decide (&v, "YYYYNN", &t), GS_OUTCOME_CARRIED);
  /* 6 cast, 3 for: 9 < 12, defeated — no casting vote under this rule. */
  CU_ASSERT_EQUAL (decide (&v, "YYYNNN", &t), GS_OUTCOME_DEFEATED);
  CU_ASSERT_FALSE (t.casting_used);
  /* 7 cast, 5 for: 15 >= 14, carried. */
  CU_ASSERT_EQUAL (decide (&v, "YYYYYNN", &t), GS_OUTCOME_CARRIED);
  /* 7 cast, 4 for: 12 < 14, defeated. */
  CU_ASSERT_EQUAL (decide (&v, "YYYYNNN", &t), GS_OUTCOME_DEFEATED);
  /* Abstentions are not cast: 2 for 1 against 4 abstain: 6 >= 6, carried. */
  CU_ASSERT_EQUAL (decide (&v, "YYNAAAA", &t), GS_OUTCOME_CARRIED);
}

static void
test_rules_qualified_two_thirds_of_members (void)
{
  GsVoting v = { .rule = GS_RULE_QUALIFIED_MAJORITY,
                 .base = GS_BASE_MEMBERS,
                 .num = 2,
                 .den = 3 };
  GsTally t;

  /* 7 members, 5 for 0 against 2 abstain: 15 >= 2 × 7 = 14, carried. */
  CU_ASSERT_EQUAL (decide (&v, "YYYYYAA", &t), GS_OUTCOME_CARRIED);
  /* 4 for 0 against 3 abstain: 12 < 14, defeated (of the votes cast it
   * would be 4 of 4). */
  CU_ASSERT_EQUAL (decide (&v, "YYYYAAA", &t), GS_OUTCOME_DEFEATED);
  v.base = GS_BASE_CAST;
  CU_ASSERT_EQUAL (decide (&v, "YYYYAAA", &t), GS_OUTCOME_CARRIED);
}

static void
test_rules_qualified_three_quarters (void)
{
  GsVoting v = {
    .rule = GS_RULE_QUALIFIED_MAJORITY, .base = GS_BASE_CAST, .num = 3, .den = 4
  };
  GsTally t;

  /* 4 cast, 3 for: 12 >= 12, carried. */
  CU_ASSERT_EQUAL (decide (&v, "YYYN", &t), GS_OUTCOME_CARRIED);
  /* 7 cast, 5 for: 20 < 21, defeated. */
  CU_ASSERT_EQUAL (decide (&v, "YYYYYNN", &t), GS_OUTCOME_DEFEATED);
  /* 8 cast, 6 for: 24 >= 24, carried. */
  CU_ASSERT_EQUAL (decide (&v, "YYYYYYNN", &t), GS_OUTCOME_CARRIED);

  /* Of 8 members: 6 for 2 abstain: 24 >= 24, carried; 5 for 3 abstain:
   * 20 < 24, defeated. */
  v.base = GS_BASE_MEMBERS;
  CU_ASSERT_EQUAL (decide (&v, "YYYYYYAA", &t), GS_OUTCOME_CARRIED);
  CU_ASSERT_EQUAL (decide (&v, "YYYYYAAA", &t), GS_OUTCOME_DEFEATED);
}

static void
test_rules_qualified_no_votes (void)
{
  GsVoting v = {
    .rule = GS_RULE_QUALIFIED_MAJORITY, .base = GS_BASE_CAST, .num = 2, .den = 3
  };
  GsTally t;

  /* Nothing cast, either base: NO_VOTES. */
  CU_ASSERT_EQUAL (decide (&v, "AAA", &t), GS_OUTCOME_NO_VOTES);
  v.base = GS_BASE_MEMBERS;
  CU_ASSERT_EQUAL (decide (&v, "AAA", &t), GS_OUTCOME_NO_VOTES);
  /* 0 for, 1 against, 2 abstain, 3 members: 0 × 3 = 0 < 2 × 3 = 6,
   * defeated (something was cast, so not NO_VOTES). */
  CU_ASSERT_EQUAL (decide (&v, "NAA", &t), GS_OUTCOME_DEFEATED);
}

/* ---- weighted, unanimity, consensus ------------------------------------ */

static void
test_rules_weighted_quota (void)
{
  GsVoting v = { .rule = GS_RULE_WEIGHTED, .quota = 8 };
  GsTally t;
  GsSeat s[MAX_SEATS];

  /* Weights 5 3 2 1; the 5 and the 3 vote for, the 2 against, the 1
   * abstains: weight for 5 + 3 = 8 >= 8, carried (exactly). */
  guint n = seats_from (s, "YYNA");
  s[0].weight = 5;
  s[1].weight = 3;
  s[2].weight = 2;
  s[3].weight = 1;
  CU_ASSERT_EQUAL (gs_vote_decide (&v, s, n, &t), GS_OUTCOME_CARRIED);
  CU_ASSERT_EQUAL (t.weight_for, 8);

  /* Quota 9: 8 < 9, defeated. */
  v.quota = 9;
  CU_ASSERT_EQUAL (gs_vote_decide (&v, s, n, &t), GS_OUTCOME_DEFEATED);

  /* Quota 8, but the 3 abstains: 5 < 8, defeated although 5 > 2. */
  v.quota = 8;
  s[1].ballot = GS_BALLOT_ABSTAIN;
  CU_ASSERT_EQUAL (gs_vote_decide (&v, s, n, &t), GS_OUTCOME_DEFEATED);
  CU_ASSERT_EQUAL (t.weight_for, 5);

  /* Everyone abstains: nobody voted for or against, NO_VOTES. */
  for (guint i = 0; i < n; i++)
    s[i].ballot = GS_BALLOT_ABSTAIN;
  CU_ASSERT_EQUAL (gs_vote_decide (&v, s, n, &t), GS_OUTCOME_NO_VOTES);
}

static void
test_rules_weighted_large_weights (void)
{
  /* Three seats of weight 2^32 - 1 all for: weight 3 × 4294967295 =
   * 12884901885, beyond 32 bits; quota exactly that carries, one more
   * does not. */
  GsVoting v
      = { .rule = GS_RULE_WEIGHTED, .quota = G_GUINT64_CONSTANT (12884901885) };
  GsTally t;
  GsSeat s[MAX_SEATS];
  guint n = seats_from (s, "YYY");
  for (guint i = 0; i < n; i++)
    s[i].weight = G_MAXUINT32;
  CU_ASSERT_EQUAL (gs_vote_decide (&v, s, n, &t), GS_OUTCOME_CARRIED);
  CU_ASSERT_EQUAL (t.weight_for, G_GUINT64_CONSTANT (12884901885));
  v.quota++;
  CU_ASSERT_EQUAL (gs_vote_decide (&v, s, n, &t), GS_OUTCOME_DEFEATED);
}

static void
test_rules_unanimity (void)
{
  GsVoting v = { .rule = GS_RULE_UNANIMITY };
  GsTally t;

  /* 3 for, 1 abstain, none against: carried. */
  CU_ASSERT_EQUAL (decide (&v, "YYYA", &t), GS_OUTCOME_CARRIED);
  /* One against: defeated. */
  CU_ASSERT_EQUAL (decide (&v, "YYYN", &t), GS_OUTCOME_DEFEATED);
  /* One objection is a vote against here: defeated. */
  CU_ASSERT_EQUAL (decide (&v, "YYYO", &t), GS_OUTCOME_DEFEATED);
  /* All abstain: NO_VOTES. */
  CU_ASSERT_EQUAL (decide (&v, "AAAA", &t), GS_OUTCOME_NO_VOTES);
}

static void
test_rules_consensus (void)
{
  GsVoting v = { .rule = GS_RULE_CONSENSUS };
  GsTally t;

  /* One objection among three for: blocked, objections 1. */
  CU_ASSERT_EQUAL (decide (&v, "YYYO", &t), GS_OUTCOME_BLOCKED);
  CU_ASSERT_EQUAL (t.objections, 1);
  CU_ASSERT_EQUAL (t.against, 0);

  /* An against vote is an objection under consensus: blocked,
   * objections 1 (the against ballot is still shown as against). */
  CU_ASSERT_EQUAL (decide (&v, "YYYN", &t), GS_OUTCOME_BLOCKED);
  CU_ASSERT_EQUAL (t.objections, 1);
  CU_ASSERT_EQUAL (t.against, 1);

  /* Everybody abstains, nobody objects: carried. */
  CU_ASSERT_EQUAL (decide (&v, "AAAA", &t), GS_OUTCOME_CARRIED);

  /* Only those present can object: an absent seat blocks nothing. */
  CU_ASSERT_EQUAL (decide (&v, "YY..", &t), GS_OUTCOME_CARRIED);
}

/* ---- committees in common ---------------------------------------------- */

static void
test_rules_cic_two_of_three (void)
{
  const gboolean approved[] = { TRUE, FALSE, TRUE };
  gboolean split = FALSE;

  /* k = 2 of n = 3 approve. ALL: 2 != 3, not carried; split (0 < 2 < 3). */
  CU_ASSERT_FALSE (gs_cic_decide (GS_CIC_ALL, 0, approved, 3, &split));
  CU_ASSERT_TRUE (split);
  /* MAJORITY: 2 × 2 = 4 > 3, carried; still split. */
  split = FALSE;
  CU_ASSERT_TRUE (gs_cic_decide (GS_CIC_MAJORITY, 0, approved, 3, &split));
  CU_ASSERT_TRUE (split);
  /* AT_LEAST 2: 2 >= 2, carried; AT_LEAST 3: 2 < 3, not. */
  CU_ASSERT_TRUE (gs_cic_decide (GS_CIC_AT_LEAST, 2, approved, 3, &split));
  CU_ASSERT_FALSE (gs_cic_decide (GS_CIC_AT_LEAST, 3, approved, 3, &split));
}

static void
test_rules_cic_unanimous_and_even (void)
{
  const gboolean all[] = { TRUE, TRUE, TRUE };
  const gboolean none[] = { FALSE, FALSE, FALSE };
  const gboolean half[] = { TRUE, FALSE, TRUE, FALSE };
  gboolean split = TRUE;

  /* 3 of 3: ALL carried, not split. */
  CU_ASSERT_TRUE (gs_cic_decide (GS_CIC_ALL, 0, all, 3, &split));
  CU_ASSERT_FALSE (split);
  /* 0 of 3: MAJORITY 0 > 3 false; not split (all reached "no"). */
  split = TRUE;
  CU_ASSERT_FALSE (gs_cic_decide (GS_CIC_MAJORITY, 0, none, 3, &split));
  CU_ASSERT_FALSE (split);
  /* 2 of 4: MAJORITY 4 > 4 false; split. */
  CU_ASSERT_FALSE (gs_cic_decide (GS_CIC_MAJORITY, 0, half, 4, &split));
  CU_ASSERT_TRUE (split);
  /* No constituents: ALL not carried. */
  CU_ASSERT_FALSE (gs_cic_decide (GS_CIC_ALL, 0, NULL, 0, &split));
  CU_ASSERT_FALSE (split);
}

static void
test_rules_outcome_carried (void)
{
  CU_ASSERT_TRUE (gs_vote_outcome_carried (GS_OUTCOME_CARRIED));
  CU_ASSERT_FALSE (gs_vote_outcome_carried (GS_OUTCOME_DEFEATED));
  CU_ASSERT_FALSE (gs_vote_outcome_carried (GS_OUTCOME_TIED));
  CU_ASSERT_FALSE (gs_vote_outcome_carried (GS_OUTCOME_BLOCKED));
  CU_ASSERT_FALSE (gs_vote_outcome_carried (GS_OUTCOME_NO_VOTES));
}

/* The plain count (gs_vote_count_seat() a seat at a time, then
 * gs_vote_decide_count(), as the meeting draws its ballots) against the
 * general path, gs_vote_decide(), as the independent method: every meeting
 * of 0 to 5 seats, each seat in one of ten states (vacant; absent; absent
 * holding a stray ballot; conflicted with no ballot and with a stray one;
 * present with no ballot, for, against, abstaining, objecting), seat 0 the
 * chair's and seat i of weight i + 1, under every rule, with and without a
 * casting vote.  Outcome and every field of the tally must agree; the
 * count of meetings compared is 1 + 10 + ... + 10^5 = 111,111 per rule. */
static void
test_rules_plain_count_equals_general_path (void)
{
  static const GsVoting rules[] = {
    { .rule = GS_RULE_SIMPLE_MAJORITY },
    { .rule = GS_RULE_SIMPLE_MAJORITY, .casting = TRUE },
    { .rule = GS_RULE_ABSOLUTE_MAJORITY },
    { .rule = GS_RULE_ABSOLUTE_MAJORITY, .casting = TRUE },
    { .rule = GS_RULE_UNANIMITY },
    { .rule = GS_RULE_UNANIMITY, .casting = TRUE },
    { .rule = GS_RULE_CONSENSUS },
    { .rule = GS_RULE_CONSENSUS, .casting = TRUE },
    { .rule = GS_RULE_QUALIFIED_MAJORITY,
      .base = GS_BASE_CAST,
      .num = 2,
      .den = 3 },
    { .rule = GS_RULE_QUALIFIED_MAJORITY,
      .base = GS_BASE_MEMBERS,
      .num = 2,
      .den = 3,
      .casting = TRUE },
    { .rule = GS_RULE_WEIGHTED, .quota = 4 },
  };
  enum
  {
    N_STATES = 10,
    N_MAX = 5
  };
  guint compared = 0, mismatched = 0;
  for (guint r = 0; r < G_N_ELEMENTS (rules); r++)
    for (guint n = 0; n <= N_MAX; n++)
      {
        guint total = 1;
        for (guint i = 0; i < n; i++)
          total *= N_STATES;
        for (guint code = 0; code < total; code++)
          {
            GsSeat s[N_MAX];
            guint c = code;
            GsVoteCount count = { { 0 }, 0, 0 };
            for (guint i = 0; i < n; i++, c /= N_STATES)
              {
                guint st = c % N_STATES;
                s[i] = (GsSeat){ .person = i,
                                 .role = GS_ROLE_NED,
                                 .party = -1,
                                 .weight = i + 1,
                                 .present = st >= 3,
                                 .conflicted = st == 3 || st == 4,
                                 .vacant = st == 0,
                                 .chair = i == 0,
                                 .ballot = GS_BALLOT_NONE };
                static const GsBallot ballot[N_STATES] = {
                  GS_BALLOT_NONE,   GS_BALLOT_NONE,    GS_BALLOT_FOR,
                  GS_BALLOT_NONE,   GS_BALLOT_AGAINST, GS_BALLOT_NONE,
                  GS_BALLOT_FOR,    GS_BALLOT_AGAINST, GS_BALLOT_ABSTAIN,
                  GS_BALLOT_OBJECT,
                };
                s[i].ballot = ballot[st];
                gs_vote_count_seat (&count, &s[i]);
              }
            GsTally general, plain;
            GsVoteOutcome og = gs_vote_decide (&rules[r], s, n, &general);
            GsVoteOutcome op
                = gs_vote_decide_count (&rules[r], &count, s, n, &plain);
            compared++;
            if (og != op || general.votes_for != plain.votes_for
                || general.against != plain.against
                || general.abstain != plain.abstain
                || general.objections != plain.objections
                || general.members != plain.members
                || general.weight_for != plain.weight_for
                || general.casting_used != plain.casting_used)
              mismatched++;
          }
      }
  CU_ASSERT_EQUAL (compared, G_N_ELEMENTS (rules) * 111111u);
  CU_ASSERT_EQUAL (mismatched, 0);
}

#define CASE(name)                                                             \
  {                                                                            \
#name, name                                                                \
  }

static const GsTestCase cases[] = {
  CASE (test_rules_quorum_head_count_exact_threshold),
  CASE (test_rules_quorum_fraction_rounds_up),
  CASE (test_rules_quorum_chair_required),
  CASE (test_rules_quorum_role_min_names_role),
  CASE (test_rules_quorum_party_min_names_party),
  CASE (test_rules_quorum_conflicted_counting),
  CASE (test_rules_quorum_deputies_counting),
  CASE (test_rules_quorum_failure_order),
  CASE (test_rules_simple_majority_carried_and_defeated),
  CASE (test_rules_simple_majority_tie_without_casting),
  CASE (test_rules_simple_majority_casting_vote),
  CASE (test_rules_simple_majority_all_abstain_no_votes),
  CASE (test_rules_single_member),
  CASE (test_rules_objection_counts_against_outside_consensus),
  CASE (test_rules_tally_ignores_ineligible_ballots),
  CASE (test_rules_absolute_majority_even_members),
  CASE (test_rules_absolute_majority_odd_members),
  CASE (test_rules_absolute_majority_conflicted_reduces_members),
  CASE (test_rules_qualified_two_thirds_of_cast),
  CASE (test_rules_qualified_two_thirds_of_members),
  CASE (test_rules_qualified_three_quarters),
  CASE (test_rules_qualified_no_votes),
  CASE (test_rules_weighted_quota),
  CASE (test_rules_weighted_large_weights),
  CASE (test_rules_unanimity),
  CASE (test_rules_consensus),
  CASE (test_rules_cic_two_of_three),
  CASE (test_rules_cic_unanimous_and_even),
  CASE (test_rules_outcome_carried),
  CASE (test_rules_plain_count_equals_general_path),
  { NULL, NULL },
};

int
main (void)
{
  return gs_test_run ("rules", cases);
}

/* test-shared.c — shared leadership: people in posts at several
 * organisations, one vote per organisation, quorum by role per party, and
 * observers.
 *
 * Every scenario here draws nothing that matters to its outcome
 * (attendance and support are 0 or 1), except the statistical test of a
 * shared person's attendance, whose bound is stated with it.  Expected
 * numbers are worked by hand in the comment beside each assertion.
 */
#include "gs-test-scenario.h"

#include "model/gs-scenario-private.h"

#include <govsim/gs-checks.h>
#include <govsim/gs-report.h>
#include <govsim/gs-rules.h>

#include <math.h>

#define HEAD                                                                   \
  "<scenario xmlns='urn:govsim:scenario:1' name='t' start='2024-01-01' "       \
  "horizon='P1Y'>\n"
#define TAIL  "</scenario>\n"
#define MEETS "<meets first='2024-01-10' every='P1M' capacity='5'/>"
/* One proposal for body 'jc', decided at its first meeting (2024-01-10). */
#define ONE_ITEM(body)                                                         \
  "<matter id='m' name='Service change'/>\n"                                   \
  "<proposal id='p' title='Change' matter='m' lead='a' arrives='2024-01-02' "  \
  "body='" body "'/>\n"

/* The trace of @xml run with seed 1.  (transfer full) */
static char *
trace_of (const char *xml)
{
  g_autoptr (GsScenario) s = gs_test_load_inline (xml);
  g_autoptr (GsRun) run = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);
  GString *out = g_string_new (NULL);
  gs_report_text_trace (run, out);
  return g_string_free (out, FALSE);
}

static void
expect_not_in (const char *text, const char *needle)
{
  gboolean found = strstr (text, needle) != NULL;
  CU_ASSERT_FALSE (found);
  if (found)
    fprintf (stderr, "\n'%s' unexpectedly in:\n%s\n", needle, text);
}

/* The loader's message for @xml, which must be refused. (transfer full) */
static char *
refusal_of (const char *xml)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GsScenario) s
      = gs_loader_load_bytes (xml, strlen (xml), "inline", &error);
  CU_ASSERT_PTR_NULL (s);
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  return g_strdup (error->message);
}

static void
expect_refused (const char *xml, const char *text)
{
  g_autofree char *msg = refusal_of (xml);
  gs_test_expect_in (msg, text);
}

/* ---- posts -------------------------------------------------------------- */

#define TWO_TRUSTS                                                             \
  "<organisation id='a' name='Trust A' kind='foundation-trust'/>\n"            \
  "<organisation id='b' name='Trust B' kind='nhs-trust'/>\n"

static void
test_posts_loaded (void)
{
  const char *xml = HEAD TWO_TRUSTS
      "<person id='ceo' name='Shared CEO' org='a' role='chief-executive' "
      "director='true'>\n"
      "  <post org='b' director='true'/>\n"
      "</person>\n"
      "<person id='chair' org='a' role='chair' director='true'>\n"
      "  <post org='b' role='ned'/>\n"
      "</person>\n"
      "<person id='x' org='b' role='ned' director='true'/>\n" TAIL;
  g_autoptr (GsScenario) s = gs_test_load_inline (xml);
  guint n;
  const GsPost *posts = gs__person_posts (s, 0, &n);
  /* Own organisation first, then the <post>: a as CEO, b as CEO (the
   * person's role by default), both as a director. */
  CU_ASSERT_EQUAL_FATAL (n, 2);
  CU_ASSERT_EQUAL (posts[0].org, 0);
  CU_ASSERT_EQUAL (posts[1].org, 1);
  CU_ASSERT_EQUAL (posts[1].role, GS_ROLE_CHIEF_EXECUTIVE);
  CU_ASSERT_TRUE (posts[1].director);
  /* The chair is a NED at b, not a director there (the default). */
  const GsPost *at_b = gs__person_post (s, 1, 1);
  CU_ASSERT_PTR_NOT_NULL_FATAL (at_b);
  CU_ASSERT_EQUAL (at_b->role, GS_ROLE_NED);
  CU_ASSERT_FALSE (at_b->director);
  /* A person with no post serves their own organisation only. */
  CU_ASSERT_TRUE (gs__person_serves (s, 2, 1));
  CU_ASSERT_FALSE (gs__person_serves (s, 2, 0));
}

static void
test_posts_refused (void)
{
  expect_refused (
      HEAD TWO_TRUSTS "<person id='ceo' org='a' role='chief-executive'>\n"
                      "  <post org='zz'/>\n</person>\n" TAIL,
      "inline:5: organisation 'zz' is not defined (attribute 'org')");
  expect_refused (HEAD TWO_TRUSTS
                  "<person id='ceo' org='a' role='chief-executive'>\n"
                  "  <post org='b'/>\n  <post org='b'/>\n</person>\n" TAIL,
                  "inline:6: person 'ceo' holds two posts at 'b'");
  expect_refused (HEAD TWO_TRUSTS
                  "<person id='ceo' org='a' role='chief-executive'>\n"
                  "  <post org='a'/>\n</person>\n" TAIL,
                  "inline:5: person 'ceo' holds two posts at 'a'");
  expect_refused (HEAD TWO_TRUSTS "<person id='ceo' role='external'>\n"
                                  "  <post org='b'/>\n</person>\n" TAIL,
                  "inline:5: person 'ceo' holds a post at 'b' but has no "
                  "organisation of their own");
}

/* ---- statutory rules judged per organisation served ---------------------- */

#define FT_COMMITTEE(ceo_post)                                                 \
  HEAD TWO_TRUSTS                                                              \
      "<person id='ned' org='a' role='ned' director='true'/>\n"                \
      "<person id='ceo' org='b' role='chief-executive' "                       \
      "director='true'>" ceo_post "</person>\n"                                \
      "<committee id='k' name='Committee' org='a'><member person='ned'/>"      \
      "<member person='ceo'/>" MEETS "</committee>\n" TAIL

static guint
findings (const char *xml, const char *id, char **message)
{
  g_autoptr (GsScenario) s = gs_test_load_inline (xml);
  g_autoptr (GPtrArray) all = gs_check_scenario (s);
  guint n = 0;
  for (guint i = 0; i < all->len; i++)
    {
      GsFinding *f = g_ptr_array_index (all, i);
      if (strcmp (f->rule->id, id) == 0)
        {
          if (n++ == 0 && message != NULL)
            *message = g_strdup (f->message);
        }
    }
  return n;
}

static void
test_shared_director (void)
{
  /* b's chief executive is also a director of foundation trust a: no
   * ft-committee-non-director on a's committee. */
  CU_ASSERT_EQUAL (findings (FT_COMMITTEE ("<post org='a' director='true'/>"),
                             "ft-committee-non-director", NULL),
                   0);
  /* Serving a, but not as a director: a true finding. */
  g_autofree char *msg = NULL;
  CU_ASSERT_EQUAL (findings (FT_COMMITTEE ("<post org='a'/>"),
                             "ft-committee-non-director", &msg),
                   1);
  if (msg != NULL)
    gs_test_expect_in (msg, "who serves Trust A ('a') but not as a director");
  /* Without a post at a at all: a true finding, naming b. */
  g_autofree char *other = NULL;
  CU_ASSERT_EQUAL (
      findings (FT_COMMITTEE (""), "ft-committee-non-director", &other), 1);
  if (other != NULL)
    gs_test_expect_in (other, "of Trust B ('b')");
}

/* ---- each-party quorum and quorum by role per party ---------------------- */

/* A joint committee of a and b.  The shared chief executive (of a, with a
 * post at b) attends with probability CEO; the other two members never. */
#define JC_EACH_PARTY(ceo, each_party)                                         \
  HEAD TWO_TRUSTS                                                              \
      "<person id='ceo' name='Shared CEO' org='a' role='chief-executive' "     \
      "attendance='" ceo "'><post org='b'/></person>\n"                        \
      "<person id='a-ned' name='A NED' org='a' role='ned' attendance='0'/>\n"  \
      "<person id='b-ned' name='B NED' org='b' role='ned' attendance='0'/>\n"  \
      "<joint-committee id='jc' name='JC' parties='a b'>"                      \
      "<member person='ceo'/><member person='a-ned'/><member person='b-ned'/>" \
      "<quorum present='1'>" each_party "</quorum>" MEETS                      \
      "</joint-committee>\n" ONE_ITEM ("jc") "<stance support='1'/>\n" TAIL

static void
test_each_party_shared (void)
{
  /* The chief executive present counts for a and for b: 1 >= 1 for each,
   * so the meeting is quorate and the item carried 1-0. */
  g_autofree char *t = trace_of (JC_EACH_PARTY ("1", "<each-party min='1'/>"));
  gs_test_expect_in (t, "JC: quorate — 1 of 3 present, quorum 1");
  gs_test_expect_in (t, "'Change' approved, 1 for and 0 against");
  /* Boundary: absent, both parties have 0 of the 1 needed; a is reported
   * first (parties in order). */
  g_autofree char *none
      = trace_of (JC_EACH_PARTY ("0", "<each-party min='1'/>"));
  gs_test_expect_in (none, "JC: inquorate");
  expect_not_in (none, ": quorate —");
  /* Two from each party: b has only the chief executive. */
  g_autofree char *two
      = trace_of (JC_EACH_PARTY ("1", "<each-party min='2'/>"));
  gs_test_expect_in (two, "JC: inquorate");
}

static void
test_each_party_roles (void)
{
  /* "The chair or chief executive of each party": the shared chief
   * executive is chief executive at a and at b, so both parties have 1. */
  g_autofree char *t = trace_of (JC_EACH_PARTY (
      "1", "<each-party min='1' roles='chair chief-executive'/>"));
  gs_test_expect_in (t, "JC: quorate");
  /* Boundary: only NEDs count -> a and b each have 0 NEDs present (the
   * NEDs never attend, the CEO is no NED). */
  g_autofree char *ned
      = trace_of (JC_EACH_PARTY ("1", "<each-party min='1' roles='ned'/>"));
  gs_test_expect_in (ned, "JC: inquorate");
  /* govsim check: with roles='chair', nobody could ever make a's quorum. */
  g_autofree char *msg = NULL;
  CU_ASSERT_EQUAL (
      findings (JC_EACH_PARTY ("1", "<each-party min='1' roles='chair'/>"),
                "quorum-never-met", &msg),
      1);
  if (msg != NULL)
    gs_test_expect_in (msg, "from each party in the role of chair there but");
  CU_ASSERT_EQUAL (
      findings (JC_EACH_PARTY (
                    "1", "<each-party min='1' roles='chair chief-executive'/>"),
                "quorum-never-met", NULL),
      0);
}

static void
test_each_party_roles_rules (void)
{
  /* gs_quorum_check directly: a chair of a (no posts), a CEO of b with a
   * post at a as NED. */
  GsPost ceo_posts[]
      = { { 1, GS_ROLE_CHIEF_EXECUTIVE, TRUE }, { 0, GS_ROLE_NED, FALSE } };
  GsSeat seats[] = {
    { .person = 0,
      .role = GS_ROLE_CHAIR,
      .party = 0,
      .weight = 1,
      .present = 1 },
    { .person = 1,
      .role = GS_ROLE_CHIEF_EXECUTIVE,
      .party = 1,
      .weight = 1,
      .present = 1,
      .posts = ceo_posts,
      .n_posts = 2 },
  };
  gint32 parties[] = { 0, 1 };
  GsQuorum q
      = { .party_min = 1,
          .party_roles = 1u << GS_ROLE_CHAIR | 1u << GS_ROLE_CHIEF_EXECUTIVE,
          .deputies_count = TRUE };
  GsQuorumVerdict v;
  /* a: the chair (1); b: the CEO (1). */
  CU_ASSERT_TRUE (gs_quorum_check (&q, seats, 2, parties, 2, &v));
  /* Two of a: the chair, and the CEO counts for a only as a NED. */
  q.party_min = 2;
  CU_ASSERT_FALSE (gs_quorum_check (&q, seats, 2, parties, 2, &v));
  CU_ASSERT_EQUAL (v.result, GS_QUORUM_FAIL_PARTY);
  CU_ASSERT_EQUAL (v.which, 0);
  CU_ASSERT_EQUAL (v.have, 1);
  /* Any role: a has the chair and the CEO (2), b the CEO only (1). */
  q.party_roles = 0;
  CU_ASSERT_FALSE (gs_quorum_check (&q, seats, 2, parties, 2, &v));
  CU_ASSERT_EQUAL (v.which, 1);
  CU_ASSERT_EQUAL (v.have, 1);
}

/* ---- committees in common with a shared chief executive ----------------- */

#define THREE_TRUSTS                                                           \
  "<organisation id='a' name='Trust A' kind='nhs-trust'/>\n"                   \
  "<organisation id='b' name='Trust B' kind='nhs-trust'/>\n"                   \
  "<organisation id='c' name='Trust C' kind='nhs-trust'/>\n"

/* Each committee: its trust's chair (always present) and the shared chief
 * executive, who must be present (role quorum) for it to be quorate. */
#define CIC(ceo, every, count)                                                 \
  HEAD THREE_TRUSTS                                                            \
      "<person id='ceo' name='Shared CEO' org='a' role='chief-executive' "     \
      "attendance='" ceo "'><post org='b'/><post org='c'/></person>\n"         \
      "<person id='ac' name='A chair' org='a' role='chair'/>\n"                \
      "<person id='bc' name='B chair' org='b' role='chair'/>\n"                \
      "<person id='cc' name='C chair' org='c' role='chair'/>\n"                \
      "<matter id='m' name='Service change'/>\n"                               \
      "<committees-in-common id='g' name='Group' parties='a b c'>\n"           \
      "<committee id='ka' name='A committee' org='a'><member person='ac'/>"    \
      "<member person='ceo'/><quorum present='1'>"                             \
      "<role name='chief-executive'/></quorum></committee>\n"                  \
      "<committee id='kb' name='B committee' org='b'><member person='bc'/>"    \
      "<member person='ceo'/><quorum present='1'>"                             \
      "<role name='chief-executive'/></quorum></committee>\n"                  \
      "<committee id='kc' name='C committee' org='c'><member person='cc'/>"    \
      "<member person='ceo'/><quorum present='1'>"                             \
      "<role name='chief-executive'/></quorum></committee>\n"                  \
      "<meets first='2024-01-02' every='" every "' capacity='1000'/>\n"        \
      "</committees-in-common>\n"                                              \
      "<stance support='1'/>\n"                                                \
      "<arrivals id='s' title='Change' matter='m' body='g' lead='a' "          \
      "affects='a b c' first='2024-01-01' every='P1D' count='" count           \
      "'/>\n" TAIL

static void
test_cic_shared_counts (void)
{
  /* Present: the shared CEO counts once — 4 people (3 chairs + CEO) of 4,
   * and each committee has 2 of its 2 seats filled. */
  g_autofree char *t = trace_of (CIC ("1", "P1M", "1"));
  gs_test_expect_in (
      t, "Group: quorate — 4 of 4 present: A committee 2 of 2, "
         "B committee 2 of 2, C committee 2 of 2; 1 item to decide");
  gs_test_expect_in (t,
                     "'Change #1' approved, 3 of 3 constituent committees in "
                     "favour");
  /* Absent: every committee is short of its chief executive at once. */
  g_autofree char *none = trace_of (CIC ("0", "P1M", "1"));
  gs_test_expect_in (none, "A committee (Trust A): inquorate");
  gs_test_expect_in (none, "B committee (Trust B): inquorate");
  gs_test_expect_in (none, "C committee (Trust C): inquorate");
}

/* A shared person's attendance is one draw per day for all their seats:
 * with the chief executive required in each of three committees, every
 * meeting is quorate in all three or in none, and the share of quorate
 * meetings estimates their attendance probability 0.5.  Over the daily
 * meetings (at least 250 are held) the standard error is at most
 * sqrt(0.25 / 250) = 0.032, so a bound of 0.12 is more than 3.7 standard
 * errors (the seed is fixed, so the test
 * is deterministic; the bound says what a correct draw must satisfy). */
static void
test_cic_one_draw_a_day (void)
{
  g_autoptr (GsScenario) s = gs_test_load_inline (CIC ("0.5", "P1D", "300"));
  g_autoptr (GsRun) run = gs_test_simulate (s, 7, 0, GS_RUN_FLAGS_NONE);
  /* The days of the inquorate constituents' records, in order. */
  g_autoptr (GArray) days = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint meetings = 0, quorate = 0;
  int group = gs_scenario_find_body (s, "g");
  for (guint i = 0; i < gs_run_n_records (run); i++)
    {
      const GsRecord *r = gs_run_get_record (run, i);
      if (r->kind == GS_REC_MEETING && r->body == (guint32)group)
        {
          meetings++;
          quorate++;
        }
      else if (r->kind == GS_REC_INQUORATE)
        {
          gint64 day = r->time;
          g_array_append_val (days, day);
        }
    }
  /* Count inquorate constituents per day: 3 or nothing, never 1 or 2. */
  guint bad = 0, inquorate_meetings = 0;
  for (guint i = 0; i < days->len;)
    {
      guint k = i;
      while (k < days->len
             && g_array_index (days, gint64, k)
                    == g_array_index (days, gint64, i))
        k++;
      bad += k - i != 3;
      inquorate_meetings++;
      i = k;
    }
  meetings += inquorate_meetings;
  CU_ASSERT_EQUAL (bad, 0);
  CU_ASSERT_TRUE (meetings >= 250);
  if (meetings < 250)
    fprintf (stderr, "\nonly %u meetings\n", meetings);
  double rate = (double)quorate / meetings;
  CU_ASSERT_TRUE (fabs (rate - 0.5) < 0.12);
  if (fabs (rate - 0.5) >= 0.12)
    fprintf (stderr, "\nquorate %u of %u (%.3f)\n", quorate, meetings, rate);
}

/* ---- one vote per organisation ------------------------------------------ */

/* A joint committee of a, b and c: three members of a who support the
 * change, one of b and one of c who oppose it. */
#define PER_ORG(per, c_attendance)                                             \
  HEAD THREE_TRUSTS                                                            \
      "<person id='a1' org='a' role='chair'/>\n"                               \
      "<person id='a2' org='a' role='ned'/>\n"                                 \
      "<person id='a3' org='a' role='chief-executive'/>\n"                     \
      "<person id='b1' org='b' role='chief-executive'/>\n"                     \
      "<person id='c1' org='c' role='chief-executive' "                        \
      "attendance='" c_attendance "'/>\n"                                      \
      "<joint-committee id='jc' name='JC' parties='a b c'>"                    \
      "<member person='a1'/><member person='a2'/><member person='a3'/>"        \
      "<member person='b1'/><member person='c1'/><quorum present='1'/>"        \
      "<voting rule='simple-majority' per='" per "'/>" MEETS                   \
      "</joint-committee>\n" ONE_ITEM (                                        \
          "jc") "<stance org='a' support='1'/><stance org='b' support='0'/>"   \
                "<stance org='c' support='0'/>\n" TAIL

static void
test_per_org_vote (void)
{
  /* By heads: 3 for (a1, a2, a3), 2 against (b1, c1) -> approved. */
  g_autofree char *heads = trace_of (PER_ORG ("member", "1"));
  gs_test_expect_in (heads, "'Change' approved, 3 for and 2 against");
  /* By organisation: a for, b and c against -> rejected 1-2. */
  g_autofree char *orgs = trace_of (PER_ORG ("organisation", "1"));
  gs_test_expect_in (orgs,
                     "'Change' rejected, 1 of 3 organisations for, 2 against");
  /* Boundary: c has nobody present -> a for, b against: 1-1, a tie with no
   * casting vote. */
  g_autofree char *tie = trace_of (PER_ORG ("organisation", "0"));
  gs_test_expect_in (tie, "the organisations' votes tied 1–1");
}

static void
test_per_org_seats (void)
{
  /* Party 0: for, for, against -> for.  Party 1: for, against -> an
   * equality -> abstains.  Party 2: one present member, conflicted ->
   * absent.  The shared member (posts at 0 and 3) votes against in both:
   * party 3 (that member only) -> against. */
  GsPost shared[] = { { 0, GS_ROLE_CHIEF_EXECUTIVE, TRUE },
                      { 3, GS_ROLE_CHIEF_EXECUTIVE, TRUE } };
  GsSeat seats[] = {
    { .party = 0, .present = 1, .ballot = GS_BALLOT_FOR },
    { .party = 0, .present = 1, .ballot = GS_BALLOT_FOR },
    { .party = 1, .present = 1, .ballot = GS_BALLOT_FOR },
    { .party = 1, .present = 1, .ballot = GS_BALLOT_AGAINST },
    { .party = 2, .present = 1, .conflicted = 1, .ballot = GS_BALLOT_NONE },
    { .party = 0,
      .present = 1,
      .ballot = GS_BALLOT_AGAINST,
      .posts = shared,
      .n_posts = 2 },
  };
  gint32 parties[] = { 0, 1, 2, 3 };
  GsSeat out[4];
  gs_vote_org_seats (seats, G_N_ELEMENTS (seats), parties, 4, FALSE, out);
  CU_ASSERT_EQUAL (out[0].ballot, GS_BALLOT_FOR); /* 2 for, 1 against */
  CU_ASSERT_EQUAL (out[1].ballot, GS_BALLOT_ABSTAIN);
  CU_ASSERT_FALSE (out[2].present);
  CU_ASSERT_EQUAL (out[3].ballot, GS_BALLOT_AGAINST);
  GsVoting v = { .rule = GS_RULE_ABSOLUTE_MAJORITY, .per_org = TRUE };
  GsTally t;
  /* Organisations: 1 for, 1 against, 1 abstaining, 4 members: 2 x 1 <= 4,
   * defeated. */
  CU_ASSERT_EQUAL (gs_vote_decide (&v, out, 4, &t), GS_OUTCOME_DEFEATED);
  CU_ASSERT_EQUAL (t.votes_for, 1);
  CU_ASSERT_EQUAL (t.against, 1);
  CU_ASSERT_EQUAL (t.abstain, 1);
  CU_ASSERT_EQUAL (t.members, 4);
}

static void
test_per_org_refused (void)
{
  expect_refused (HEAD TWO_TRUSTS "<person id='x' org='a' role='chair'/>\n"
                                  "<committee id='k' name='K' org='a'>"
                                  "<member person='x'/>\n"
                                  "<voting per='organisation'/>" MEETS
                                  "</committee>\n" TAIL,
                  "inline:6: one vote per organisation "
                  "(per=\"organisation\") applies to a joint committee");
  expect_refused (HEAD TWO_TRUSTS
                  "<person id='x' org='a' role='chair'/>\n"
                  "<person id='y' org='b' role='chair'/>\n"
                  "<joint-committee id='jc' name='JC' parties='a b'>"
                  "<member person='x'/><member person='y'/>\n"
                  "<voting per='organisation' casting='chair'/>" MEETS
                  "</joint-committee>\n" TAIL,
                  "inline:7: with one vote per organisation "
                  "(per=\"organisation\") there is no casting vote");
}

/* ---- observers ----------------------------------------------------------- */

#define OBSERVED(quorum, obs_attendance)                                       \
  HEAD TWO_TRUSTS                                                              \
      "<person id='x' name='Member X' org='a' role='chair'/>\n"                \
      "<person id='o' name='ICB observer' org='b' role='external' "            \
      "attendance='" obs_attendance "'/>\n"                                    \
      "<joint-committee id='jc' name='JC' parties='a b'><member person='x'/>"  \
      "<observer person='o'/><quorum present='" quorum "'/>" MEETS             \
      "</joint-committee>\n" ONE_ITEM ("jc") "<stance support='1'/>\n" TAIL

static void
test_observers (void)
{
  /* The observer is in the room and shown, but the vote is 1-0 (the
   * member only) and the count is 1 of 1. */
  g_autofree char *t = trace_of (OBSERVED ("1", "1"));
  gs_test_expect_in (
      t, "JC: quorate — 1 of 1 present, quorum 1; in attendance, not "
         "voting: ICB observer; 1 item to decide");
  gs_test_expect_in (t, "'Change' approved, 1 for and 0 against");
  /* Not counted for the quorum: 2 needed, 1 member present -> inquorate. */
  g_autofree char *q = trace_of (OBSERVED ("2", "1"));
  gs_test_expect_in (q, "JC: inquorate — 1 of 1 present, quorum 2");
  /* Boundary: an observer who does not attend is not shown. */
  g_autofree char *away = trace_of (OBSERVED ("1", "0"));
  gs_test_expect_in (away, "JC: quorate — 1 of 1 present, quorum 1; 1 item");
}

static void
test_observers_refused (void)
{
  expect_refused (HEAD TWO_TRUSTS
                  "<person id='x' org='a' role='chair'/>\n"
                  "<joint-committee id='jc' name='JC' parties='a b'>"
                  "<member person='x'/>\n<observer person='x'/>" MEETS
                  "</joint-committee>\n" TAIL,
                  "inline:6: 'x' is both a member and an observer of 'jc'");
  expect_refused (HEAD TWO_TRUSTS
                  "<person id='x' org='a' role='chair'/>\n"
                  "<person id='o' org='b' role='external'/>\n"
                  "<joint-committee id='jc' name='JC' parties='a b'>"
                  "<member person='x'/><observer person='o'/>\n"
                  "<observer person='o'/>" MEETS "</joint-committee>\n" TAIL,
                  "inline:7: 'o' is an observer of 'jc' twice");
  expect_refused (HEAD TWO_TRUSTS
                  "<person id='x' org='a' role='chair'/>\n"
                  "<joint-committee id='jc' name='JC' parties='a b'>"
                  "<member person='x'/>\n<observer person='nobody'/>" MEETS
                  "</joint-committee>\n" TAIL,
                  "inline:6: ");
}

/* ---- the shipped scenario ----------------------------------------------- */

static void
test_shipped_scenario_checks (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GsScenario) s = gs_loader_load_file (
      GS_SCENARIO_DIR "/shared-leadership-group.xml", 0, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (s);
  g_autoptr (GPtrArray) all = gs_check_scenario (s);
  for (guint i = 0; i < all->len; i++)
    {
      GsFinding *f = g_ptr_array_index (all, i);
      CU_ASSERT_STRING_NOT_EQUAL (f->rule->id, "ft-committee-non-director");
    }
}

/* Three trusts with two members each on a joint committee.  @b1 and @c1 are
 * extra attributes of the two chief executives, @rules the quorum and voting.
 */
static GsScenario *
three_trusts (const char *b1, const char *c1, const char *rules)
{
  g_autofree char *xml = g_strdup_printf (
      "<scenario xmlns='urn:govsim:scenario:1' name='t' start='2024-01-01' "
      "horizon='P1M'>"
      "<organisation id='ta' name='Trust A' kind='nhs-trust'/>"
      "<organisation id='tb' name='Trust B' kind='nhs-trust'/>"
      "<organisation id='tc' name='Trust C' kind='nhs-trust'/>"
      "<matter id='m' name='Matter'/>"
      "<person id='a1' org='ta' role='chief-executive'/>"
      "<person id='a2' org='ta' role='ned'/>"
      "<person id='b1' org='tb' role='chief-executive' %s/>"
      "<person id='b2' org='tb' role='ned'/>"
      "<person id='c1' org='tc' role='chief-executive' %s/>"
      "<person id='c2' org='tc' role='ned'/>"
      "<joint-committee id='j' name='J' parties='ta tb tc'>"
      "<member person='a1'/><member person='a2'/><member person='b1'/>"
      "<member person='b2'/><member person='c1'/><member person='c2'/>%s"
      "<meets first='2024-01-10' every='P7D' capacity='5'/>"
      "</joint-committee>"
      "<proposal id='x' title='X' matter='m' lead='ta' arrives='2024-01-02' "
      "body='j'/>"
      "<stance support='1'/><stance person='b1' support='0'/>"
      "<stance person='b2' support='0'/></scenario>",
      b1, c1, rules);
  return gs_test_load_inline (xml);
}

/* Consensus with one vote per trust: both of Trust B's members never
 * support, so Trust B objects and A and C are for.  The blocked line names
 * the trust, not its people, and counts in trusts: 2 of 3 for, 1 against. */
static void
test_per_org_blocked_names_trusts (void)
{
  g_autoptr (GsScenario) s
      = three_trusts ("", "", "<voting rule='consensus' per='organisation'/>");
  g_autoptr (GsRun) run = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);
  CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_BLOCKED), 1);
  g_autofree char *trace = gs_test_trace (run);
  gs_test_expect_in (trace, "J: 'X' blocked by Trust B — no consensus, 2 of 3 "
                            "organisations for, 1 against\n");
}

/* Each party needs its chief executive; Trust B's and Trust C's never
 * attend (attendance 0), so every meeting is inquorate for two parties,
 * and the line names both, not only the first found. */
static void
test_each_party_all_short_named (void)
{
  g_autoptr (GsScenario) s = three_trusts (
      "attendance='0'", "attendance='0'",
      "<quorum present='2'><each-party min='1' roles='chief-executive'/>"
      "</quorum><voting rule='simple-majority' per='organisation'/>");
  g_autoptr (GsRun) run = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);
  /* Meetings on 10, 17, 24 and 31 January: all four inquorate. */
  CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_INQUORATE), 4);
  g_autofree char *trace = gs_test_trace (run);
  gs_test_expect_in (trace, "2024-01-10 J: inquorate — no chief executive of "
                            "Trust B or of Trust C present, the quorum needs "
                            "1 from each party; absent: b1 and c1\n");
}

static const GsTestCase cases[] = {
  { "test_posts_loaded", test_posts_loaded },
  { "test_posts_refused", test_posts_refused },
  { "test_shared_director", test_shared_director },
  { "test_each_party_shared", test_each_party_shared },
  { "test_each_party_roles", test_each_party_roles },
  { "test_each_party_roles_rules", test_each_party_roles_rules },
  { "test_cic_shared_counts", test_cic_shared_counts },
  { "test_cic_one_draw_a_day", test_cic_one_draw_a_day },
  { "test_per_org_vote", test_per_org_vote },
  { "test_per_org_seats", test_per_org_seats },
  { "test_per_org_refused", test_per_org_refused },
  { "test_observers", test_observers },
  { "test_observers_refused", test_observers_refused },
  { "test_shipped_scenario_checks", test_shipped_scenario_checks },
  { "test_per_org_blocked_names_trusts", test_per_org_blocked_names_trusts },
  { "test_each_party_all_short_named", test_each_party_all_short_named },
  { NULL, NULL },
};

int
main (void)
{
  return gs_test_run ("shared", cases);
}

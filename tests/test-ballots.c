/* test-ballots.c — the plain seat loop of a vote against the general one.
 *
 * A body whose GsBody.ballots_plain holds (no member with a deputy, no
 * conflict in the scenario, no if-affected support apart from the
 * support) draws its ballots in a loop of its own (draw_plain() in
 * gs-meeting.c).  The expected values here come from the general loop
 * itself: each scenario is run with the flag as the loader set it, then
 * again with the flag cleared on the body and its amended copies, which
 * sends every vote through the general loop, and the two runs must make
 * the same records, field by field and list by list, and the same
 * counters.  The scenarios are random (attendance, support and abstention
 * strictly between 0 and 1, and at 0 and 1, where the general loop skips
 * the draw), over a year of weekly meetings under every voting rule, with
 * vacant seats, weights, a casting vote, a consensus with its fallback, an
 * amendment, one vote per organisation and committees in common.  A
 * mistake in either loop's draws, thresholds or counts changes some
 * ballot, and so some record, in a few hundred votes.
 */
#include "gs-test-scenario.h"

#include "model/gs-scenario-private.h"

#include <govsim/gs-summary.h>

#include <string.h>

#define HEAD                                                                   \
  "<scenario xmlns='urn:govsim:scenario:1' name='t' start='2024-01-01' "       \
  "horizon='P1Y' seed='7'>\n"                                                  \
  "<organisation id='oa' name='A' kind='nhs-trust'/>\n"                        \
  "<organisation id='ob' name='B' kind='nhs-trust'/>\n"                        \
  "<matter id='m' name='M'/><matter id='n' name='N'/>\n"                       \
  "<person id='p1' org='oa' role='chair' attendance='0.9'/>"                   \
  "<person id='p2' org='oa' role='ned' attendance='0.7'/>"                     \
  "<person id='p3' org='oa' role='executive' attendance='1'/>"                 \
  "<person id='p4' org='ob' role='ned' attendance='0.6'/>"                     \
  "<person id='p5' org='ob' role='executive' attendance='0.8'/>"               \
  "<person id='p6' org='ob' role='chair' attendance='0.5'/>\n"

/* Two streams of two matters into @body, so that one meeting's items
 * change matter (and the odds looked up) from one vote to the next. */
#define STREAMS(body)                                                          \
  "<arrivals id='s1' title='S1' matter='m' body='" body "' lead='oa' "         \
  "affects='oa ob' first='2024-01-01' every='P2D' process='poisson' "          \
  "count='400'/>\n"                                                            \
  "<arrivals id='s2' title='S2' matter='n' body='" body "' lead='ob' "         \
  "first='2024-01-01' every='P3D' process='poisson' count='400'/>\n"

/* Stances with abstentions and supports strictly between 0 and 1 and at
 * both ends. */
#define STANCES                                                                \
  "<stance support='0.55'/>"                                                   \
  "<stance person='p1' support='0.7' abstain='0.1'/>"                          \
  "<stance person='p2' matter='n' support='1'/>"                               \
  "<stance person='p3' support='0.3' abstain='0.25'/>"                         \
  "<stance person='p4' matter='m' support='0'/>"                               \
  "<stance person='p5' matter='n' support='0.4' abstain='1'/>"                 \
  "<stance org='ob' matter='m' support='0.8' abstain='0.05'/>\n"

#define TAIL "</scenario>\n"

/* A committee of p1..p5 (p4 only from April, p5 until October: vacant
 * seats) with @voting, and an amendment of @amend from July. */
static char *
committee (const char *voting, const char *amend)
{
  return g_strconcat (
      HEAD,
      "<committee id='k' name='K' org='oa'>"
      "<member person='p1' weight='3'/><member person='p2' weight='2'/>"
      "<member person='p3'/>"
      "<member person='p4' from='2024-04-01'/>"
      "<member person='p5' until='2024-10-01'/>"
      "<quorum present='2'/>",
      voting,
      "<meets first='2024-01-03' every='P7D' capacity='4'/></committee>\n",
      amend != NULL ? "<amend-body body='k' date='2024-07-01'>" : "",
      amend != NULL ? amend : "", amend != NULL ? "</amend-body>\n" : "",
      STREAMS ("k"), STANCES, TAIL, NULL);
}

/* Clears GsBody.ballots_plain on every body and amended copy: every vote
 * then takes the general loop. */
static void
force_general (GsScenario *s)
{
  for (guint bi = 0; bi < s->bodies->len; bi++)
    {
      GsBody *b = GS_BODY (s, bi);
      b->ballots_plain = FALSE;
      for (guint i = 0; i < b->n_changes; i++)
        b->changes[i].body.ballots_plain = FALSE;
    }
}

static guint
n_plain (const GsScenario *s)
{
  guint n = 0;
  for (guint bi = 0; bi < s->bodies->len; bi++)
    n += GS_BODY (s, bi)->ballots_plain ? 1 : 0;
  return n;
}

/* Whether two runs made the same records and counters. */
static gboolean
same_runs (const GsRun *a, const GsRun *b)
{
  if (gs_run_n_records (a) != gs_run_n_records (b))
    return FALSE;
  for (guint i = 0; i < gs_run_n_records (a); i++)
    {
      const GsRecord *x = gs_run_get_record (a, i);
      const GsRecord *y = gs_run_get_record (b, i);
      if (x->time != y->time || x->kind != y->kind || x->body != y->body
          || x->item != y->item || x->when != y->when || x->n_refs != y->n_refs
          || x->n_refs2 != y->n_refs2
          || memcmp (x->slot, y->slot, sizeof x->slot) != 0)
        return FALSE;
      if (x->n_refs + x->n_refs2 > 0
          && memcmp (gs_run_record_refs (a, x), gs_run_record_refs (b, y),
                     (x->n_refs + x->n_refs2) * sizeof (guint32))
                 != 0)
        return FALSE;
    }
  const GsScenario *s = gs_run_get_scenario (a);
  for (guint bi = 0; bi < gs_scenario_n_bodies (s); bi++)
    if (memcmp (gs_run_body_counters (a, bi), gs_run_body_counters (b, bi),
                sizeof (GsBodyCounters))
        != 0)
      return FALSE;
  return memcmp (gs_run_counters (a), gs_run_counters (b),
                 sizeof (GsRunCounters))
         == 0;
}

/* Runs @xml's scenario, whose plain bodies number @plain, with the plain
 * loop and with the general one, over a few replications, and checks that
 * they agree and that some ballot was cast (by counting the votes). */
static void
expect_same (const char *xml, guint plain)
{
  g_autoptr (GsScenario) s = gs_test_load_inline (xml);
  CU_ASSERT_EQUAL (n_plain (s), plain);
  GsRun *fast[3];
  for (guint r = 0; r < G_N_ELEMENTS (fast); r++)
    fast[r] = gs_test_simulate (s, 11, r, GS_RUN_FLAGS_NONE);
  force_general (s);
  CU_ASSERT_EQUAL (n_plain (s), 0);
  for (guint r = 0; r < G_N_ELEMENTS (fast); r++)
    {
      g_autoptr (GsRun) general
          = gs_test_simulate (s, 11, r, GS_RUN_FLAGS_NONE);
      CU_ASSERT_TRUE (same_runs (fast[r], general));
      guint votes = gs_test_count_records (general, GS_REC_APPROVED)
                    + gs_test_count_records (general, GS_REC_REJECTED);
      CU_ASSERT_TRUE (votes > 100);
      gs_run_free (fast[r]);
    }
}

static void
test_rules (void)
{
  static const char *const votings[] = {
    "<voting rule='simple-majority'/>",
    "<voting rule='simple-majority' casting='chair'/>",
    "<voting rule='absolute-majority'/>",
    "<voting rule='qualified-majority' fraction='2/3'/>",
    "<voting rule='qualified-majority' fraction='3/5' of='members'/>",
    "<voting rule='weighted' quota='4'/>",
    "<voting rule='unanimity'/>",
    "<voting rule='consensus' then='simple-majority'/>",
  };
  for (guint i = 0; i < G_N_ELEMENTS (votings); i++)
    {
      g_autofree char *xml = committee (votings[i], NULL);
      expect_same (xml, 1);
    }
}

static void
test_amended (void)
{
  /* From July a consensus (a different no ballot: objections) and a
   * casting vote apply to the same seats. */
  g_autofree char *xml
      = committee ("<voting rule='absolute-majority'/>",
                   "<voting rule='consensus' then='simple-majority' "
                   "casting='chair'/>");
  expect_same (xml, 1);
}

static void
test_per_org (void)
{
  g_autofree char *xml = g_strconcat (
      HEAD,
      "<joint-committee id='jc' name='J' parties='oa ob'>"
      "<member person='p1'/><member person='p2'/><member person='p4'/>"
      "<member person='p5'/><member person='p6'/>"
      "<voting rule='simple-majority' per='organisation'/>"
      "<meets first='2024-01-03' every='P7D' capacity='4'/>"
      "</joint-committee>\n",
      STREAMS ("jc"), STANCES, TAIL, NULL);
  expect_same (xml, 1);
}

static void
test_in_common (void)
{
  /* Two constituent committees, p2 in both: the plain loop for each. */
  g_autofree char *xml = g_strconcat (
      HEAD,
      "<committees-in-common id='cic' name='CiC' parties='oa ob' rule='all'>"
      "<committee id='ka' name='KA' org='oa'><member person='p1'/>"
      "<member person='p2'/><member person='p3'/>"
      "<voting rule='simple-majority'/></committee>"
      "<committee id='kb' name='KB' org='ob'><member person='p4'/>"
      "<member person='p5'/><member person='p2'/>"
      "<voting rule='unanimity'/></committee>"
      "<meets first='2024-01-03' every='P7D' capacity='4'/>"
      "</committees-in-common>\n",
      STREAMS ("cic"), STANCES, TAIL, NULL);
  expect_same (xml, 3);
}

static void
test_not_plain (void)
{
  /* A deputy, a conflict anywhere in the scenario, or an if-affected
   * support apart from the support: the general loop. */
  g_autofree char *deputy = g_strconcat (
      HEAD,
      "<committee id='k' name='K' org='oa'><member person='p1'/>"
      "<member person='p2' deputy='p6'/><member person='p3'/>"
      "<meets first='2024-01-03' every='P7D' capacity='4'/></committee>\n",
      STREAMS ("k"), STANCES, TAIL, NULL);
  g_autoptr (GsScenario) s1 = gs_test_load_inline (deputy);
  CU_ASSERT_EQUAL (n_plain (s1), 0);

  g_autofree char *base = committee ("<voting rule='simple-majority'/>", NULL);
  g_autoptr (GsScenario) s0 = gs_test_load_inline (base);
  CU_ASSERT_EQUAL (n_plain (s0), 1);

  g_autofree char *conflict
      = g_strconcat (HEAD,
                     "<committee id='k' name='K' org='oa'><member person='p1'/>"
                     "<member person='p2'/><member person='p3'/>"
                     "<meets first='2024-01-03' every='P7D' capacity='4'/>"
                     "</committee>\n",
                     "<conflict person='p6' matter='m'/>\n", STREAMS ("k"),
                     STANCES, TAIL, NULL);
  g_autoptr (GsScenario) s2 = gs_test_load_inline (conflict);
  CU_ASSERT_EQUAL (n_plain (s2), 0);

  g_autofree char *affected = g_strconcat (
      HEAD,
      "<committee id='k' name='K' org='oa'><member person='p1'/>"
      "<member person='p2'/><member person='p3'/>"
      "<meets first='2024-01-03' every='P7D' capacity='4'/>"
      "</committee>\n",
      STREAMS ("k"), STANCES,
      "<stance person='p6' support='0.5' if-affected='0.2'/>\n", TAIL, NULL);
  g_autoptr (GsScenario) s3 = gs_test_load_inline (affected);
  CU_ASSERT_EQUAL (n_plain (s3), 0);
}

int
main (void)
{
  static const GsTestCase cases[] = {
    { "rules", test_rules },         { "amended", test_amended },
    { "per_org", test_per_org },     { "in_common", test_in_common },
    { "not_plain", test_not_plain }, { NULL, NULL },
  };
  return gs_test_run ("ballots", cases);
}

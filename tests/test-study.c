/* test-study.c — Monte Carlo studies: exact answers, honest intervals,
 * independence from threads and shards, and the replication to replay.
 *
 * The exact values come from the binomial distribution, worked by hand:
 *  - five members always present, each for with probability 0.6, simple
 *    majority: a proposal is approved when at least 3 of 5 vote for,
 *    P = C(5,3) 0.6³ 0.4² + C(5,4) 0.6⁴ 0.4 + 0.6⁵
 *      = 0.3456 + 0.2592 + 0.07776 = 0.68256;
 *  - five members each attending with probability 0.8, quorum 3: a meeting
 *    is quorate when at least 3 attend, P = C(5,3) 0.8³ 0.2² + C(5,4) 0.8⁴
 *    0.2 + 0.8⁵ = 0.2048 + 0.4096 + 0.32768 = 0.94208, so inquorate with
 *    probability 0.05792.
 * Coverage: over 1,000 independent studies (seeds 1..1000) of 30
 * replications each, the 95% intervals must cover the exact value between
 * 93% and 97% of the time (the sampling sd of a 95% coverage over 1,000
 * studies is 0.69%, so that band is ±2.9 sd).
 */
#include "gs-test-scenario.h"

#include <govsim/gs-loader.h>
#include <govsim/gs-report.h>
#include <govsim/gs-study.h>

#include <math.h>

/* One committee of five NEDs meeting weekly from 2024-01-08, ten proposals
 * arriving one a week, each taken at the next meeting (capacity 5). */
static GsScenario *
committee (double attendance, double support, const char *quorum)
{
  g_autoptr (GString) x = g_string_new (
      "<scenario xmlns='urn:govsim:scenario:1' name='c' start='2024-01-01' "
      "horizon='P12W'>\n"
      "<organisation id='o' name='O' kind='nhs-trust'/>\n"
      "<matter id='m' name='M'/>\n");
  for (int i = 0; i < 5; i++)
    g_string_append_printf (x,
                            "<person id='p%d' org='o' role='ned' "
                            "attendance='%g'/>\n",
                            i, attendance);
  g_string_append (x, "<committee id='k' name='K' org='o'>");
  for (int i = 0; i < 5; i++)
    g_string_append_printf (x, "<member person='p%d'/>", i);
  g_string_append_printf (x,
                          "%s<voting rule='simple-majority'/>"
                          "<meets first='2024-01-08' every='P1W' "
                          "capacity='5'/></committee>\n",
                          quorum);
  g_string_append_printf (
      x,
      "<stance support='%g'/>\n"
      "<arrivals id='a' title='A' matter='m' body='k' lead='o' "
      "first='2024-01-02' every='P1W' count='10'/>\n</scenario>\n",
      support);
  return gs_test_load_inline (x->str);
}

static GsStudy *
study_of (const GsScenario *s, guint64 seed, guint64 runs, guint threads)
{
  g_autoptr (GError) error = NULL;
  GsStudy *st = gs_study_new (s, seed);
  CU_ASSERT_TRUE (gs_study_run (st, 0, runs, threads, NULL, NULL, &error));
  CU_ASSERT_PTR_NULL (error);
  return st;
}

static void
test_study_approval_exact (void)
{
  g_autoptr (GsScenario) s = committee (1.0, 0.6, "<quorum present='3'/>");
  g_autoptr (GsStudy) st = study_of (s, 1, 4000, 2);
  GsEstimate e = gs_moments_probability (
      &gs_study_whole (st)->outcome[GS_STUDY_APPROVED], 4000);
  /* 40,000 proposals: the estimate within 0.01 of 0.68256, and the
   * interval covering it. */
  CU_ASSERT_TRUE (fabs (e.value - 0.68256) < 0.01);
  CU_ASSERT_TRUE (e.lo <= 0.68256 && 0.68256 <= e.hi);
  CU_ASSERT_EQUAL (gs_study_whole (st)->arrived.x, 40000);
}

static void
test_study_quorum_exact (void)
{
  g_autoptr (GsScenario) s = committee (0.8, 0.6, "<quorum present='3'/>");
  g_autoptr (GsStudy) st = study_of (s, 1, 4000, 2);
  const GsStudyBody *b = gs_study_body (st, 0);
  GsEstimate e = gs_moments_probability (&b->inquorate, 4000);
  CU_ASSERT_TRUE (fabs (e.value - 0.05792) < 0.005);
  CU_ASSERT_TRUE (e.lo <= 0.05792 && 0.05792 <= e.hi);
}

/* The share of @studies studies whose interval for @which covers @exact. */
static double
coverage (const GsScenario *s, gboolean quorum, double exact, guint studies)
{
  g_autoptr (GsRun) run = NULL;
  guint covered = 0;
  for (guint64 seed = 1; seed <= studies; seed++)
    {
      g_autoptr (GsStudy) st = study_of (s, seed, 30, 1);
      const GsMoments *m
          = quorum ? &gs_study_body (st, 0)->inquorate
                   : &gs_study_whole (st)->outcome[GS_STUDY_APPROVED];
      GsEstimate e = gs_moments_probability (m, 30);
      covered += e.lo <= exact && exact <= e.hi;
    }
  return (double)covered / studies;
}

static void
test_study_coverage (void)
{
  g_autoptr (GsScenario) a = committee (1.0, 0.6, "<quorum present='3'/>");
  double ca = coverage (a, FALSE, 0.68256, 1000);
  g_autoptr (GsScenario) q = committee (0.8, 0.6, "<quorum present='3'/>");
  double cq = coverage (q, TRUE, 0.05792, 1000);
  fprintf (stderr, "coverage: approval %.3f, inquorate meeting %.3f\n", ca, cq);
  CU_ASSERT_TRUE (ca >= 0.93 && ca <= 0.97);
  CU_ASSERT_TRUE (cq >= 0.93 && cq <= 0.97);
}

/* A serialisation of everything the text report reads. */
static char *
report (const GsStudy *st)
{
  g_autoptr (GString) out = g_string_new (NULL);
  gs_report_text_study (st, "x.xml", out);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_study_threads_and_parts (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GsScenario) s = gs_loader_load_file (
      GS_SCENARIO_DIR "/delegation-limits.xml", 0, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (s);
  g_autoptr (GsStudy) one = study_of (s, 5, 200, 1);
  g_autofree char *r1 = report (one);
  for (guint threads = 2; threads <= 8; threads *= 2)
    {
      g_autoptr (GsStudy) many = study_of (s, 5, 200, threads);
      g_autofree char *rn = report (many);
      CU_ASSERT_STRING_EQUAL (rn, r1);
    }
  /* Three uneven parts, written and read back, merged in reverse. */
  guint64 cut[] = { 0, 37, 150, 200 };
  g_autoptr (GsStudy) whole = gs_study_new (s, 5);
  for (int k = 2; k >= 0; k--)
    {
      g_autoptr (GsStudy) part = gs_study_new (s, 5);
      CU_ASSERT_TRUE (gs_study_run (part, cut[k], cut[k + 1] - cut[k], 2, NULL,
                                    NULL, &error));
      g_autofree char *text = gs_study_to_part (part, (guint)k + 1, 3, cut[k],
                                                cut[k + 1] - cut[k], 200);
      guint shard, shards;
      guint64 first, count, total;
      g_autoptr (GsStudy) back = gs_study_from_part (
          s, text, &shard, &shards, &first, &count, &total, &error);
      CU_ASSERT_PTR_NOT_NULL_FATAL (back);
      CU_ASSERT_EQUAL (shard, (guint)k + 1);
      CU_ASSERT_EQUAL (first, cut[k]);
      CU_ASSERT_TRUE (gs_study_merge (whole, back, &error));
    }
  g_autofree char *rm = report (whole);
  CU_ASSERT_STRING_EQUAL (rm, r1);
  /* A part of another seed does not merge. */
  g_autoptr (GsStudy) other = study_of (s, 6, 10, 1);
  CU_ASSERT_FALSE (gs_study_merge (whole, other, &error));
  CU_ASSERT_TRUE (
      g_error_matches (error, GS_STUDY_ERROR, GS_STUDY_ERROR_MISMATCH));
}

/* A member who only declares a conflict votes when they attend (0.3): the
 * conflicted-vote breach happens in some replications and not others; the
 * first replication the study names has it, and none before it does. */
static void
test_study_first_replication (void)
{
  g_autoptr (GsScenario) s = gs_test_load_inline (
      "<scenario xmlns='urn:govsim:scenario:1' name='f' start='2024-01-01' "
      "horizon='P1M'>"
      "<organisation id='o' name='O' kind='nhs-trust'/>"
      "<matter id='m' name='M'/>"
      "<person id='a' org='o' role='ned'/>"
      "<person id='b' org='o' role='ned' attendance='0.3'/>"
      "<committee id='k' name='K' org='o'><member person='a'/>"
      "<member person='b'/><quorum present='1'/>"
      "<voting rule='simple-majority' conflicts='declare'/>"
      "<meets first='2024-01-10' every='P1M' capacity='5'/></committee>"
      "<conflict person='b' matter='m'/>"
      "<stance support='1'/>"
      "<proposal id='p' title='P' matter='m' lead='o' arrives='2024-01-02' "
      "body='k'/></scenario>");
  g_autoptr (GsStudy) st = study_of (s, 3, 100, 2);
  const GsMoments *any = gs_study_any_breach (st, GS_N_BREACHES);
  CU_ASSERT_TRUE (any->hits > 0 && any->hits < 100);
  CU_ASSERT_EQUAL_FATAL (gs_study_n_breaches (st), 1);
  guint64 first = gs_study_breach (st, 0)->count.first;
  CU_ASSERT_EQUAL (first, any->first);
  for (guint64 r = 0; r <= first; r++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GsRun) run
          = gs_run_simulate (s, 3, r, GS_RUN_FLAGS_NONE, &error);
      CU_ASSERT_PTR_NOT_NULL_FATAL (run);
      CU_ASSERT_EQUAL (gs_test_count_breaches (run), r == first ? 1u : 0u);
    }
}

static const GsTestCase cases[] = {
  { "test_study_approval_exact", test_study_approval_exact },
  { "test_study_quorum_exact", test_study_quorum_exact },
  { "test_study_coverage", test_study_coverage },
  { "test_study_threads_and_parts", test_study_threads_and_parts },
  { "test_study_first_replication", test_study_first_replication },
  { NULL, NULL },
};

int
main (void)
{
  return gs_test_run ("study", cases);
}

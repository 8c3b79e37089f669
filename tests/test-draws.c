/* test-draws.c — random draws keyed by what they are about (gs-draw.h).
 *
 * Exact values come from tests/tools/rng-reference.py, an independent
 * Python implementation written from the contract in gs-draw.h (not from
 * gs-draw.c), which checks itself against the published SplitMix64 and
 * xoshiro256** vectors first; every table below was printed by
 *
 *   python3 tests/tools/rng-reference.py draws
 *
 * The last four tests go through a whole run, so they also check that the
 * traffic, attendance, ballots and ballots between meetings use the keys
 * gs-draw.h says they use.
 * Statistical tests use a fixed seed, so they are deterministic; their bounds
 * are a tabulated critical value or five standard deviations of the statistic,
 * so a good hash passes by a wide margin and a poor one does not.
 */
#include "gs-test-scenario.h"

#include <govsim/gs-draw.h>

#include <math.h>
#include <string.h>

typedef struct
{
  guint64 seed, replication;
  GsDrawPurpose purpose;
  guint64 a, b, c, d;
  guint64 bits;
  double uniform;
  guint64 again; /* gs_draw_again (bits) */
} DrawRef;

static void
test_draws_reference_values (void)
{
  /* rng-reference.py draws, "key (...)": bits, uniform and the bits again
   * (the key extended by 1).  Day 19723 is 2024-01-01; (2 << 32) | 17 is
   * the case key of serial 17 of stream 1; the ballot's words are case,
   * body 3, time (minute 28401120, 2024-01-01) and person 5, in that order.
   * The first three keys have two words (arity 2), so their zero words c
   * and d are not absorbed. */
  static const DrawRef refs[] = {
    { 0, 0, GS_DRAW_VALUE, 0, 0, 0, 0, G_GUINT64_CONSTANT (0x78ae5a9a6b5fd45e),
      0.47141042966848024, G_GUINT64_CONSTANT (0x1c728780035a0397) },
    { 1, 0, GS_DRAW_ATTEND, 3, 19723, 0, 0,
      G_GUINT64_CONSTANT (0x3ec142a78744b1b1), 0.24513641920136098,
      G_GUINT64_CONSTANT (0xc83551038e5cf7b8) },
    { 1, 0, GS_DRAW_ATTEND, 4, 19723, 0, 0,
      G_GUINT64_CONSTANT (0x78e5c0989af60c80), 0.4722557423183035,
      G_GUINT64_CONSTANT (0x576ea87b45789532) },
    { 42, 7, GS_DRAW_BALLOT, (G_GUINT64_CONSTANT (2) << 32) | 17, 3, 28401120,
      5, G_GUINT64_CONSTANT (0x23241fabd356a292), 0.13726995415648924,
      G_GUINT64_CONSTANT (0xe4cebee52d8761b7) },
    { G_MAXUINT64, G_MAXUINT64, GS_DRAW_CHAIR, G_MAXUINT64, 1,
      G_GUINT64_CONSTANT (0x8000000000000000), 12345,
      G_GUINT64_CONSTANT (0xcd282a0c9e65b15d), 0.8013941078956097,
      G_GUINT64_CONSTANT (0x25b87f9b2d7321e4) },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (refs); i++)
    {
      const DrawRef *k = &refs[i];
      GsDraws draws;
      gs_draws_init (&draws, k->seed, k->replication);
      CU_ASSERT_EQUAL (
          gs_draw_bits (&draws, k->purpose, k->a, k->b, k->c, k->d), k->bits);
      CU_ASSERT_EQUAL (gs_draw_again (k->bits), k->again);
      /* Exact: both sides are (bits >> 11) × 2^-53, printed with repr. */
      CU_ASSERT_EQUAL (
          gs_draw_uniform (&draws, k->purpose, k->a, k->b, k->c, k->d),
          k->uniform);
      /* Bernoulli is uniform < p, so thresholds either side of it. */
      CU_ASSERT_TRUE (gs_draw_bernoulli (&draws, k->purpose, k->a, k->b, k->c,
                                         k->d, k->uniform + 1e-9));
      CU_ASSERT_FALSE (gs_draw_bernoulli (&draws, k->purpose, k->a, k->b, k->c,
                                          k->d, k->uniform));
    }
}

static void
test_draws_stream_reference (void)
{
  /* rng-reference.py draws, "stream of key (0x7e8, 0x3, 0x0, 0x1, 0x5, 0x0,
   * 0x0)": the xoshiro256** stream (bits, 0), its state, first three
   * outputs and first normal deviate from a fresh copy. */
  static const guint64 state[] = {
    G_GUINT64_CONSTANT (0xfb35ce7bbeb3d89e),
    G_GUINT64_CONSTANT (0x6c186b150aac133c),
    G_GUINT64_CONSTANT (0x42e41ccf82b541ab),
    G_GUINT64_CONSTANT (0x9712d8086c18463e),
  };
  static const guint64 next[] = {
    G_GUINT64_CONSTANT (0x256959701fb0c67e),
    G_GUINT64_CONSTANT (0x3ad0ab4dfd21cb46),
    G_GUINT64_CONSTANT (0x24c75d04997112d9),
  };
  GsDraws draws;
  GsRng rng;
  gs_draws_init (&draws, 2024, 3);
  gs_draw_stream (&draws, GS_DRAW_VALUE, 1, 5, 0, 0, &rng);
  for (guint i = 0; i < 4; i++)
    CU_ASSERT_EQUAL (rng.s[i], state[i]);
  for (guint i = 0; i < 3; i++)
    CU_ASSERT_EQUAL (gs_rng_next (&rng), next[i]);
  gs_draw_stream (&draws, GS_DRAW_VALUE, 1, 5, 0, 0, &rng);
  GS_ASSERT_NEAR (gs_rng_normal (&rng), -0.5412455775366449, 1e-15);
  /* rng-reference.py draws, "normal of key (2024, 3, 0, 1, 5)": Box-Muller
   * from the uniform of the key (1, 5) and of the key extended by 1. */
  GS_ASSERT_NEAR (gs_draw_normal (&draws, GS_DRAW_VALUE, 1, 5, 0, 0),
                  -1.0399355403182708, 1e-12);
}

static void
test_draws_chi_square (void)
{
  /* 100,000 uniforms over consecutive keys — person k on one day, and one
   * person on day k — in 100 equal bins, 1,000 expected in each.  Pearson's
   * statistic has 99 degrees of freedom; its 0.999 quantile is 148.230
   * (standard chi-square tables; equally the root x of Q (99/2, x/2) =
   * 0.001, Q the regularised upper incomplete gamma function), so a
   * uniform hash fails for one fixed seed in a thousand. */
  enum
  {
    N = 100000,
    BINS = 100
  };
  GsDraws draws;
  gs_draws_init (&draws, 20240101, 0);
  for (guint by_day = 0; by_day < 2; by_day++)
    {
      guint counts[BINS] = { 0 };
      for (guint64 k = 0; k < N; k++)
        {
          double u = by_day ? gs_draw_uniform (&draws, GS_DRAW_ATTEND, 7,
                                               19723 + k, 0, 0)
                            : gs_draw_uniform (&draws, GS_DRAW_ATTEND, k, 19723,
                                               0, 0);
          CU_ASSERT_FATAL (u >= 0.0 && u < 1.0);
          counts[(guint)(u * BINS)]++;
        }
      double chi2 = 0.0, expected = (double)N / BINS;
      for (guint i = 0; i < BINS; i++)
        chi2 += (counts[i] - expected) * (counts[i] - expected) / expected;
      CU_ASSERT_TRUE (chi2 < 148.230);
    }
}

/* Pearson's r of @n pairs. */
static double
correlation (const double *x, const double *y, guint n)
{
  double mx = 0, my = 0, sxy = 0, sxx = 0, syy = 0;
  for (guint i = 0; i < n; i++)
    {
      mx += x[i];
      my += y[i];
    }
  mx /= n;
  my /= n;
  for (guint i = 0; i < n; i++)
    {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
  return sxy / sqrt (sxx * syy);
}

static void
test_draws_adjacent_keys_uncorrelated (void)
{
  /* The attendance uniforms of persons k and k+1 on the same day, and of
   * one person on days k and k+1, over n = 100,000 pairs.  For independent
   * uniforms r is about normal with mean 0 and standard deviation
   * 1 / sqrt (n) = 0.00316; the bound is five of those, 0.0158.  A key that
   * fed its words in without mixing (say, bits = person + day) would make
   * the second pair equal to the first shifted by one and fail at once. */
  enum
  {
    N = 100000
  };
  g_autofree double *x = g_new (double, N);
  g_autofree double *y = g_new (double, N);
  const double bound = 5.0 / sqrt (N);
  GsDraws draws;
  gs_draws_init (&draws, 5, 2);

  for (guint64 k = 0; k < N; k++)
    {
      x[k] = gs_draw_uniform (&draws, GS_DRAW_ATTEND, k, 19723, 0, 0);
      y[k] = gs_draw_uniform (&draws, GS_DRAW_ATTEND, k + 1, 19723, 0, 0);
    }
  CU_ASSERT_TRUE (fabs (correlation (x, y, N)) < bound);

  for (guint64 k = 0; k < N; k++)
    {
      x[k] = gs_draw_uniform (&draws, GS_DRAW_ATTEND, 3, 19723 + k, 0, 0);
      y[k] = gs_draw_uniform (&draws, GS_DRAW_ATTEND, 3, 19723 + k + 1, 0, 0);
    }
  CU_ASSERT_TRUE (fabs (correlation (x, y, N)) < bound);

  /* The two numbers of one key: a ballot's abstention and its for or
   * against (the key extended by 1) must not move together either. */
  for (guint64 k = 0; k < N; k++)
    {
      guint64 bits = gs_draw_bits (&draws, GS_DRAW_BALLOT, 9, 2, 28401120, k);
      x[k] = gs_draw_to_uniform (bits);
      y[k] = gs_draw_to_uniform (gs_draw_again (bits));
    }
  CU_ASSERT_TRUE (fabs (correlation (x, y, N)) < bound);
}

static void
test_draws_last_word_never_collides (void)
{
  /* gs-draw.h: each absorption is a bijection of the word for a fixed h,
   * so keys that differ only in their last word cannot collide — checked
   * on 100,000 of them (the ballots of 100,000 people on one item) (a collision
   * among random 64-bit values would have chance about 2^-31, so this is a
   * check of the bijection, not luck). */
  enum
  {
    N = 100000
  };
  g_autoptr (GHashTable) seen
      = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GsDraws draws;
  gs_draws_init (&draws, 1, 0);
  for (guint64 d = 0; d < N; d++)
    {
      guint64 *v = g_new (guint64, 1);
      *v = gs_draw_bits (&draws, GS_DRAW_BALLOT, 1, 2, 3, d);
      g_hash_table_add (seen, v);
    }
  CU_ASSERT_EQUAL (g_hash_table_size (seen), N);
}

static void
test_draws_certain_bernoulli_ignores_seed (void)
{
  /* p <= 0 is FALSE and p >= 1 TRUE without hashing: the answer is the
   * same for every seed, and even for draws whose prefixes are garbage
   * (all bits set), since nothing of the draws is read. */
  static const double never[] = { 0.0, -0.0, -1.0 };
  static const double always[] = { 1.0, 2.0 };
  GsDraws garbage;
  memset (&garbage, 0xff, sizeof garbage);
  gboolean ok = TRUE;
  for (guint64 seed = 0; seed < 1000; seed++)
    {
      GsDraws draws;
      gs_draws_init (&draws, seed, seed % 7);
      const GsDraws *d = seed == 999 ? &garbage : &draws;
      for (guint64 k = 0; k < 20; k++)
        {
          for (gsize i = 0; i < G_N_ELEMENTS (never); i++)
            ok &= !gs_draw_bernoulli (d, GS_DRAW_ATTEND, k, 19723, 0, 0,
                                      never[i]);
          for (gsize i = 0; i < G_N_ELEMENTS (always); i++)
            ok &= gs_draw_bernoulli (d, GS_DRAW_BALLOT, k, 1, 2, 3, always[i]);
        }
    }
  CU_ASSERT_TRUE (ok);
  /* And a probability just inside (0, 1) does depend on the draw: among
   * 1,000 seeds p = 0.5 is neither always TRUE nor always FALSE. */
  guint yes = 0;
  for (guint64 seed = 0; seed < 1000; seed++)
    {
      GsDraws draws;
      gs_draws_init (&draws, seed, 0);
      yes += gs_draw_bernoulli (&draws, GS_DRAW_ATTEND, 0, 19723, 0, 0, 0.5);
    }
  CU_ASSERT_TRUE (yes > 0 && yes < 1000);
}

static void
test_draws_threshold (void)
{
  /* gs_draw_threshold() by hand: 0.5 is 2^52 × 2^-53, so 2^52; 0.6 is the
   * double 0x1.3333333333333p-1 = 0x13333333333333 × 2^-53 exactly, so
   * 5404319552844595; 2^-53 is the first step of the grid (1), and any
   * positive probability below it still needs m = 0 (1); the next double
   * above 2^-53 needs m <= 1 (2). */
  CU_ASSERT_EQUAL (gs_draw_threshold (0.5), G_GUINT64_CONSTANT (1) << 52);
  CU_ASSERT_EQUAL (gs_draw_threshold (0.6),
                   G_GUINT64_CONSTANT (5404319552844595));
  CU_ASSERT_EQUAL (gs_draw_threshold (0x1.0p-53), 1);
  CU_ASSERT_EQUAL (gs_draw_threshold (1e-300), 1);
  CU_ASSERT_EQUAL (gs_draw_threshold (nextafter (0x1.0p-53, 1.0)), 2);
  CU_ASSERT_EQUAL (gs_draw_threshold (0.0), 0);
  CU_ASSERT_EQUAL (gs_draw_threshold (-0.25), 0);
  CU_ASSERT_EQUAL (gs_draw_threshold (NAN), 0);
  CU_ASSERT_EQUAL (gs_draw_threshold (1.0), GS_DRAW_ONE);
  CU_ASSERT_EQUAL (gs_draw_threshold (7.0), GS_DRAW_ONE);
  CU_ASSERT_TRUE (gs_draw_certain (0) && gs_draw_certain (GS_DRAW_ONE));
  CU_ASSERT_FALSE (gs_draw_certain (1) || gs_draw_certain (GS_DRAW_ONE - 1));

  /* Against the double comparison it replaces, gs_draw_to_uniform (bits)
   * < p: at the grid values m × 2^-53 and their neighbours, with bits whose
   * 53-bit number is the grid value itself and one either side (the low 11
   * bits set or not), and over 200,000 keyed bits and probabilities. */
  static const guint64 grid[] = { 1,
                                  2,
                                  3,
                                  1000,
                                  G_GUINT64_CONSTANT (1) << 52,
                                  GS_DRAW_ONE - 2,
                                  GS_DRAW_ONE - 1 };
  guint wrong = 0;
  for (gsize i = 0; i < G_N_ELEMENTS (grid); i++)
    {
      double at = (double)grid[i] * 0x1.0p-53;
      double ps[] = { nextafter (at, 0.0), at, nextafter (at, 1.0) };
      for (gsize j = 0; j < G_N_ELEMENTS (ps); j++)
        for (gint64 dm = -1; dm <= 1; dm++)
          for (guint64 low = 0; low < 2; low++)
            {
              guint64 bits = ((grid[i] + (guint64)dm) << 11) | (low * 0x7ff);
              gboolean want = gs_draw_to_uniform (bits) < ps[j];
              wrong += gs_draw_below (bits, gs_draw_threshold (ps[j])) != want;
            }
    }
  GsDraws draws;
  gs_draws_init (&draws, 3, 1);
  for (guint64 k = 0; k < 200000; k++)
    {
      guint64 bits = gs_draw_bits (&draws, GS_DRAW_ATTEND, k, 1, 0, 0);
      double p = gs_draw_uniform (&draws, GS_DRAW_ATTEND, k, 2, 0, 0);
      gboolean want = gs_draw_to_uniform (bits) < p;
      wrong += gs_draw_below (bits, gs_draw_threshold (p)) != want;
    }
  CU_ASSERT_EQUAL (wrong, 0);
}

/* ---- through a run ------------------------------------------------------ */

/* Starts 2024-01-01 (day 19723); horizon P2M, so the end is 2024-03-01.
 * Stream 0 (fixed): 2024-01-01, then every 7 days, 3 cases, values
 * uniform:1000,2000.  Stream 1 (Poisson, mean gap P1D = 1440 minutes):
 * from 2024-01-02, 4 cases, values lognormal:10,1.  Committee k: people
 * pa, pb, pc (indices 0, 1, 2) with attendance 0.5, quorum 3, weekly from
 * 2024-01-03; nobody supports anything. */
static const char traffic_xml[]
    = "<scenario xmlns='urn:govsim:scenario:1' name='t' start='2024-01-01' "
      "horizon='P2M'>"
      "<organisation id='oa' name='A' kind='nhs-trust'/>"
      "<person id='pa' org='oa' role='ned' attendance='0.5'/>"
      "<person id='pb' org='oa' role='ned' attendance='0.5'/>"
      "<person id='pc' org='oa' role='ned' attendance='0.5'/>"
      "<matter id='m' name='M'/>"
      "<committee id='k' name='K' org='oa'>"
      "<member person='pa'/><member person='pb'/><member person='pc'/>"
      "<quorum present='3'/>"
      "<meets first='2024-01-03' every='P7D' capacity='10'/></committee>"
      "<stance support='0'/>"
      "<arrivals id='u' title='U' matter='m' body='k' lead='oa' "
      "first='2024-01-01' every='P7D' count='3' value='uniform:1000,2000'/>"
      "<arrivals id='p' title='P' matter='m' body='k' lead='oa' "
      "first='2024-01-02' every='P1D' process='poisson' count='4' "
      "value='lognormal:10,1'/>"
      "</scenario>";

static const GsCase *
find_case (const GsRun *run, guint32 stream, guint32 serial)
{
  for (guint i = 0; i < gs_run_n_cases (run); i++)
    {
      const GsCase *c = gs_run_get_case (run, i);
      if (c->arrivals == stream && c->serial == serial)
        return c;
    }
  return NULL;
}

static void
test_draws_traffic_reference (void)
{
  /* rng-reference.py draws, "traffic of seed 7": each uniform value from
   * the keyed uniform of (VALUE, stream, serial), each lognormal value from
   * the keyed Box-Muller normal of the same key, each Poisson wait by
   * inversion of the uniform of key (GAP, stream, serial), rounded up to
   * whole minutes. */
  static const struct
  {
    guint32 stream, serial;
    GsTime after; /* minutes after the start */
    gint64 value;
  } expected[] = { { 0, 1, 0, 1542 },         { 0, 2, 7 * 1440, 1856 },
                   { 0, 3, 14 * 1440, 1767 }, { 1, 1, 1440, 30389 },
                   { 1, 2, 1634, 47060 },     { 1, 3, 1771, 3457 },
                   { 1, 4, 2116, 319856 } };
  g_autoptr (GsScenario) s = gs_test_load_inline (traffic_xml);
  g_autoptr (GsRun) run = gs_test_simulate (s, 7, 0, GS_RUN_FLAGS_NONE);
  GsTime start = gs_test_day ("2024-01-01");
  CU_ASSERT_EQUAL (gs_run_n_cases (run), G_N_ELEMENTS (expected));
  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const GsCase *c = find_case (run, expected[i].stream, expected[i].serial);
      CU_ASSERT_PTR_NOT_NULL_FATAL (c);
      CU_ASSERT_EQUAL (c->arrives - start, expected[i].after);
      CU_ASSERT_EQUAL (c->value, expected[i].value);
    }
}

typedef struct
{
  guint held;
  guint wrong;
} AttendCheck;

/* rng-reference.py draws, "week w (day d): present [...]", as bit sets of
 * people 0, 1, 2 for the weekly meetings from 2024-01-03. */
static const guint week_present[] = {
  0x2, 0x4, 0x7, 0x4, 0x2, 0x1, 0x2, 0x4, 0x6,
};

static void
check_attendance (const GsRun *run, const GsRecord *r, const guint32 *refs,
                  guint n_refs, gpointer user_data)
{
  (void)run;
  AttendCheck *k = user_data;
  if (r->kind != GS_REC_MEETING && r->kind != GS_REC_INQUORATE)
    return;
  guint week = (guint)((r->time - gs_test_day ("2024-01-03"))
                       / (7 * GS_MINUTES_PER_DAY));
  guint present = 0x7;
  if (r->kind == GS_REC_INQUORATE)
    for (guint i = 0; i < n_refs; i++)
      present &= ~(1u << refs[i]);
  k->held++;
  if (week >= G_N_ELEMENTS (week_present) || present != week_present[week])
    k->wrong++;
}

static void
test_draws_attendance_reference (void)
{
  /* The same scenario: a meeting is held while something waits; with
   * quorum 3 it is quorate only when all three attend (a MEETING record),
   * otherwise its INQUORATE record lists the absent.  Each held meeting's
   * attendance must be the Python one for its day, and the meetings of
   * weeks 0 and 1 are held (the first cases are still waiting). */
  g_autoptr (GsScenario) s = gs_test_load_inline (traffic_xml);
  g_autoptr (GsRun) run = gs_run_new (s, GS_RUN_NO_RECORDS);
  AttendCheck k = { 0 };
  gs_run_set_record_func (run, check_attendance, &k);
  g_autoptr (GError) error = NULL;
  CU_ASSERT_TRUE_FATAL (gs_run_execute (run, 7, 0, &error));
  CU_ASSERT_TRUE (k.held >= 2);
  CU_ASSERT_EQUAL (k.wrong, 0);
}

/* One member, always present, supporting with probability 0.5 and never
 * abstaining, quorum 1, weekly from 2024-01-03 (day 19725); eight cases
 * arrive weekly from 2024-01-01, each voted on two days later. */
static const char ballot_xml[]
    = "<scenario xmlns='urn:govsim:scenario:1' name='b' start='2024-01-01' "
      "horizon='P3M'>"
      "<organisation id='oa' name='A' kind='nhs-trust'/>"
      "<person id='pa' org='oa' role='ned' attendance='1'/>"
      "<matter id='m' name='M'/>"
      "<committee id='k' name='K' org='oa'>"
      "<member person='pa'/><quorum present='1'/>"
      "<meets first='2024-01-03' every='P7D' capacity='10'/></committee>"
      "<stance support='0.5'/>"
      "<arrivals id='u' title='U' matter='m' body='k' lead='oa' "
      "first='2024-01-01' every='P7D' count='8'/>"
      "</scenario>";

static void
test_draws_ballot_reference (void)
{
  /* rng-reference.py draws, "ballots of seed 7": the member votes for case
   * k (key (1 << 32) | k) at the meeting of day 19725 + 7 (k - 1) iff the
   * second number of the key (BALLOT, case, body 0, time, person 0) is
   * below 0.5: cases 1, 5, 7 and 8 are approved, the rest rejected. */
  static const gboolean approved[]
      = { TRUE, FALSE, FALSE, FALSE, TRUE, FALSE, TRUE, TRUE };
  g_autoptr (GsScenario) s = gs_test_load_inline (ballot_xml);
  g_autoptr (GsRun) run = gs_test_simulate (s, 7, 0, GS_RUN_FLAGS_NONE);
  CU_ASSERT_EQUAL_FATAL (gs_run_n_cases (run), G_N_ELEMENTS (approved));
  for (guint32 k = 1; k <= G_N_ELEMENTS (approved); k++)
    {
      const GsCase *c = find_case (run, 0, k);
      CU_ASSERT_PTR_NOT_NULL_FATAL (c);
      CU_ASSERT_EQUAL (c->state,
                       approved[k - 1] ? GS_CASE_APPROVED : GS_CASE_REJECTED);
      CU_ASSERT_EQUAL (c->decided - c->arrives, 2 * GS_MINUTES_PER_DAY);
    }
}

/* The ballot scenario with chair's action: the one member is the chair;
 * eight urgent cases arrive weekly from 2024-01-01 (day 19723). */
static const char urgent_xml[]
    = "<scenario xmlns='urn:govsim:scenario:1' name='b' start='2024-01-01' "
      "horizon='P3M'>"
      "<organisation id='oa' name='A' kind='nhs-trust'/>"
      "<person id='pa' org='oa' role='chair' director='true' attendance='1'/>"
      "<matter id='m' name='M'/>"
      "<committee id='k' name='K' org='oa'>"
      "<member person='pa'/><quorum present='1'/>"
      "<urgent route='chair'/>"
      "<meets first='2024-01-03' every='P7D' capacity='10'/></committee>"
      "<stance support='0.5'/>"
      "<arrivals id='u' title='U' matter='m' body='k' lead='oa' "
      "first='2024-01-01' every='P7D' count='8' urgent='true'/>"
      "</scenario>";

static void
test_draws_urgent_reference (void)
{
  /* rng-reference.py draws, "chair's actions of seed 7": the chair acts
   * on case k on the day it arrives iff the uniform of the key (URGENT,
   * case, body 0, time it was put, person 0) is below 0.5 -- the person
   * last, as for a ballot: cases 1, 2, 3, 4, 7 and 8.  (The person-first
   * key of earlier versions gives 1, 4 and 7.) */
  static const gboolean taken[]
      = { TRUE, TRUE, TRUE, TRUE, FALSE, FALSE, TRUE, TRUE };
  g_autoptr (GsScenario) s = gs_test_load_inline (urgent_xml);
  g_autoptr (GsRun) run = gs_test_simulate (s, 7, 0, GS_RUN_FLAGS_NONE);
  CU_ASSERT_EQUAL_FATAL (gs_test_count_records (run, GS_REC_URGENT),
                         G_N_ELEMENTS (taken));
  for (guint k = 0; k < G_N_ELEMENTS (taken); k++)
    {
      const GsRecord *r = gs_test_nth_record (run, GS_REC_URGENT, k);
      CU_ASSERT_PTR_NOT_NULL_FATAL (r);
      const GsCase *c = gs_run_get_case (run, r->item);
      CU_ASSERT_EQUAL (c->serial, k + 1);
      CU_ASSERT_EQUAL (r->time, c->arrives);
      CU_ASSERT_EQUAL (r->urgent.outcome,
                       taken[k] ? GS_URGENT_TAKEN : GS_URGENT_DECLINED);
    }
}

static const GsTestCase cases[] = {
  { "test_draws_reference_values", test_draws_reference_values },
  { "test_draws_stream_reference", test_draws_stream_reference },
  { "test_draws_chi_square", test_draws_chi_square },
  { "test_draws_adjacent_keys_uncorrelated",
    test_draws_adjacent_keys_uncorrelated },
  { "test_draws_last_word_never_collides",
    test_draws_last_word_never_collides },
  { "test_draws_certain_bernoulli_ignores_seed",
    test_draws_certain_bernoulli_ignores_seed },
  { "test_draws_threshold", test_draws_threshold },
  { "test_draws_traffic_reference", test_draws_traffic_reference },
  { "test_draws_attendance_reference", test_draws_attendance_reference },
  { "test_draws_ballot_reference", test_draws_ballot_reference },
  { "test_draws_urgent_reference", test_draws_urgent_reference },
  { NULL, NULL },
};

int
main (void)
{
  return gs_test_run ("draws", cases);
}

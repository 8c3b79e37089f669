/* gs-draw.c — keyed draws: a SplitMix64 chain over the key.
 *
 * See gs-draw.h for the definition, which every stochastic golden depends
 * on; the per-draw functions are inline there.  This file computes the
 * per-purpose prefixes, once per replication, and seeds sub-streams.
 */
#include <govsim/gs-draw.h>

#include <math.h>

void
gs_draws_init (GsDraws *draws, guint64 seed, guint64 replication)
{
  g_return_if_fail (draws != NULL);
  draws->seed = seed;
  draws->replication = replication;
  guint64 h = gs_draw_absorb (gs_draw_mix (seed + GS_DRAW_GAMMA), replication);
  for (guint p = 0; p < GS_N_DRAW_PURPOSES; p++)
    draws->prefix[p] = gs_draw_absorb (h, p);
}

void
gs_draw_stream (const GsDraws *draws, GsDrawPurpose purpose, guint64 a,
                guint64 b, guint64 c, guint64 d, GsRng *rng)
{
  gs_rng_init (rng, gs_draw_bits (draws, purpose, a, b, c, d), 0);
}

double
gs_draw_normal (const GsDraws *draws, GsDrawPurpose purpose, guint64 a,
                guint64 b, guint64 c, guint64 d)
{
  guint64 bits = gs_draw_bits (draws, purpose, a, b, c, d);
  double u1 = gs_draw_to_uniform (bits);
  double u2 = gs_draw_to_uniform (gs_draw_again (bits));
  return sqrt (-2.0 * log (1.0 - u1)) * cos (2.0 * G_PI * u2);
}

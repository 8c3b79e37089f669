/* gs-draw.c — keyed draws: a SplitMix64 chain over the key.
 *
 * See gs-draw.h for the definition, which every stochastic golden depends
 * on.  The functions are pure and inline-cheap: one multiply-xorshift
 * finaliser per key word, no state beyond the per-purpose prefixes computed
 * once per replication.
 */
#include <govsim/gs-draw.h>

#include <math.h>

#define DRAW_GAMMA G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)

static inline guint64
draw_mix (guint64 z)
{
  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

static inline guint64
absorb (guint64 h, guint64 w)
{
  return draw_mix ((h ^ w) + DRAW_GAMMA);
}

void
gs_draws_init (GsDraws *draws, guint64 seed, guint64 replication)
{
  g_return_if_fail (draws != NULL);
  draws->seed = seed;
  draws->replication = replication;
  guint64 h = absorb (draw_mix (seed + DRAW_GAMMA), replication);
  for (guint p = 0; p < GS_N_DRAW_PURPOSES; p++)
    draws->prefix[p] = absorb (h, p);
}

guint64
gs_draw_bits (const GsDraws *draws, GsDrawPurpose purpose, guint64 a, guint64 b,
              guint64 c, guint64 d)
{
  guint64 h = draws->prefix[(guint)purpose % GS_N_DRAW_PURPOSES];
  h = absorb (h, a);
  h = absorb (h, b);
  h = absorb (h, c);
  return absorb (h, d);
}

double
gs_draw_uniform (const GsDraws *draws, GsDrawPurpose purpose, guint64 a,
                 guint64 b, guint64 c, guint64 d)
{
  return (double)(gs_draw_bits (draws, purpose, a, b, c, d) >> 11) * 0x1.0p-53;
}

gboolean
gs_draw_bernoulli (const GsDraws *draws, GsDrawPurpose purpose, guint64 a,
                   guint64 b, guint64 c, guint64 d, double p)
{
  g_return_val_if_fail (!isnan (p), FALSE);
  if (p <= 0.0)
    return FALSE;
  if (p >= 1.0)
    return TRUE;
  return gs_draw_uniform (draws, purpose, a, b, c, d) < p;
}

void
gs_draw_stream (const GsDraws *draws, GsDrawPurpose purpose, guint64 a,
                guint64 b, guint64 c, guint64 d, GsRng *rng)
{
  gs_rng_init (rng, gs_draw_bits (draws, purpose, a, b, c, d), 0);
}

/* gs-rng.c — xoshiro256** streams seeded through SplitMix64.
 *
 * A GsRng is four 64-bit words of xoshiro256** state and nothing else: no
 * cached normal deviate, no global state, so copying the struct forks the
 * stream exactly and a replication's numbers depend only on (seed, stream).
 *
 * Derivation of the state from (seed, stream), fixed here because every
 * golden result depends on it:
 *
 *   x    = seed XOR mix (stream)
 *   s[i] = mix (x + (i + 1) × γ)        for i = 0, 1, 2, 3 (mod 2^64)
 *
 * where γ = 0x9e3779b97f4a7c15 and mix() is SplitMix64's output function
 * (Stafford's "variant 13" finaliser).  In words: the stream index is
 * scrambled by the finaliser and XORed into the seed, and the four state
 * words are the first four outputs of SplitMix64 started from that value,
 * exactly as Vigna recommends for seeding xoshiro from a 64-bit seed.
 * Because mix (0) = 0, stream 0 of a seed is the standard SplitMix64
 * seeding of that seed, which the tests check against published vectors.
 *
 * Why this is enough: mix() is a bijection, so for one seed distinct streams
 * always start SplitMix64 at distinct points, and scrambled indices 0, 1, 2
 * ... sit at unrelated positions of SplitMix64's cycle; two streams share
 * state words only if their start points are within three steps (of γ) of
 * each other, a chance of 6 in 2^64 per pair.  Pairs with different seeds
 * collide only if seed1 XOR seed2 = mix (k1) XOR mix (k2), which no sensible
 * choice of seeds produces.  The state is never all zero: the four words are
 * mix() of four distinct values, and a bijection maps at most one of them to
 * zero.
 *
 * Samplers are built on gs_rng_next() in the simplest exact way (53-bit
 * uniforms, threshold rejection for integers, the polar method for normals),
 * trading a little speed for results that a short script can reproduce; see
 * tests/tools/rng-reference.py.
 */
#include <govsim/gs-rng.h>

#include <math.h>

#define SPLITMIX64_GAMMA G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)

/* SplitMix64's output function: a bijection with full avalanche. */
static guint64
splitmix64_mix (guint64 z)
{
  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

static guint64
splitmix64_next (guint64 *x)
{
  *x += SPLITMIX64_GAMMA;
  return splitmix64_mix (*x);
}

static inline guint64
rotl (guint64 x, int k)
{
  return (x << k) | (x >> (64 - k));
}

void
gs_rng_init (GsRng *rng, guint64 seed, guint64 stream)
{
  guint64 x;

  g_return_if_fail (rng != NULL);
  x = seed ^ splitmix64_mix (stream);
  for (int i = 0; i < 4; i++)
    rng->s[i] = splitmix64_next (&x);
  /* Cannot fail (see the top of the file); checked because an all-zero
   * state would silently produce zeros forever. */
  g_assert ((rng->s[0] | rng->s[1] | rng->s[2] | rng->s[3]) != 0);
}

/* xoshiro256** 1.0, transcribed from Blackman and Vigna's reference
 * xoshiro256starstar.c. */
guint64
gs_rng_next (GsRng *rng)
{
  guint64 *s = rng->s;
  const guint64 result = rotl (s[1] * 5, 7) * 9;
  const guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl (s[3], 45);
  return result;
}

/* The top 53 bits, scaled: every value is a multiple of 2^-53, so the result
 * is exact and never reaches 1.0. */
double
gs_rng_uniform (GsRng *rng)
{
  return (double)(gs_rng_next (rng) >> 11) * 0x1.0p-53;
}

/* Threshold rejection: 2^64 mod n draws at the bottom of the range are
 * rejected, leaving a count that is a multiple of n, so r mod n is exactly
 * uniform.  At most half the draws are rejected (when n is just above
 * 2^63); for the small n of a simulation, almost none. */
guint64
gs_rng_below (GsRng *rng, guint64 n)
{
  guint64 threshold;

  g_return_val_if_fail (n > 0, 0);
  /* -n mod n computed in unsigned arithmetic is (2^64 − n) mod n, which is
   * 2^64 mod n. */
  threshold = -n % n;
  for (;;)
    {
      guint64 r = gs_rng_next (rng);
      if (r >= threshold)
        return r % n;
    }
}

gboolean
gs_rng_bernoulli (GsRng *rng, double p)
{
  g_return_val_if_fail (!isnan (p), FALSE);
  if (p <= 0.0)
    return FALSE;
  if (p >= 1.0)
    return TRUE;
  return gs_rng_uniform (rng) < p;
}

/* Marsaglia's polar method yields two deviates per accepted pair; the second
 * is discarded so that GsRng stays four words and copying it forks the
 * stream exactly.  Points on the origin are rejected as well as those
 * outside the disc, so log (s) is always finite. */
double
gs_rng_normal (GsRng *rng)
{
  double u, v, s;

  do
    {
      u = 2.0 * gs_rng_uniform (rng) - 1.0;
      v = 2.0 * gs_rng_uniform (rng) - 1.0;
      s = u * u + v * v;
    }
  while (s >= 1.0 || s == 0.0);
  return u * sqrt (-2.0 * log (s) / s);
}

double
gs_rng_lognormal (GsRng *rng, double mu, double sigma)
{
  return exp (mu + sigma * gs_rng_normal (rng));
}

/* Inversion of the distribution function.  The uniform lies in [0, 1), so
 * 1 − u lies in (0, 1] and log1p (−u) is finite; log1p also keeps full
 * precision for the small u that produce the short waits. */
double
gs_rng_exponential (GsRng *rng, double mean)
{
  g_return_val_if_fail (mean > 0.0, 0.0);
  return -mean * log1p (-gs_rng_uniform (rng));
}

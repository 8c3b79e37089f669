/* gs-rng.h — reproducible random streams.
 *
 * Every random number in govsim comes from a GsRng: xoshiro256** (Blackman
 * and Vigna, 2018), a 256-bit-state generator with period 2^256 − 1 that
 * passes BigCrush and PractRand.  A stream is derived from the pair
 * (seed, stream index) by feeding both through SplitMix64, so replication k
 * of a Monte Carlo study draws the same numbers whichever thread runs it and
 * however the replications are split.  A GsRng is a plain value (four
 * words): copy it, keep it on the stack, no allocation, no global state.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint64 s[4]; /* xoshiro256** state; never all zero */
} GsRng;

/**
 * gs_rng_init:
 * Seeds @rng with the stream identified by (@seed, @stream).  Distinct pairs
 * give unrelated streams; the same pair always gives the same stream.
 */
void gs_rng_init (GsRng *rng, guint64 seed, guint64 stream);

/** Next 64 uniformly distributed bits. */
guint64 gs_rng_next (GsRng *rng);

/** Uniform double in [0, 1) with 53 bits of precision. */
double gs_rng_uniform (GsRng *rng);

/** Uniform integer in [0, @n) without modulo bias; @n must be > 0. */
guint64 gs_rng_below (GsRng *rng, guint64 n);

/**
 * gs_rng_bernoulli:
 * TRUE with probability @p.  Exactly FALSE for p <= 0 and TRUE for p >= 1,
 * without consuming a draw in those cases, so fully determined scenarios
 * do not depend on the stream at all.
 */
gboolean gs_rng_bernoulli (GsRng *rng, double p);

/** Standard normal deviate (Marsaglia polar method, no cached spare). */
double gs_rng_normal (GsRng *rng);

/** exp (mu + sigma × N(0,1)): a lognormal with log-mean @mu, log-sd @sigma. */
double gs_rng_lognormal (GsRng *rng, double mu, double sigma);

/** Exponential deviate with the given @mean (> 0), by inversion. */
double gs_rng_exponential (GsRng *rng, double mean);

G_END_DECLS

/* gs-draw.h — random draws keyed by what they are about.
 *
 * Every random number of a run is a pure function of its key: (seed,
 * replication, purpose, and up to four words naming what the draw is
 * about), never of how many draws came before it.  A person's attendance on
 * a day is keyed by (person, day); a ballot by (case, body, time of the
 * meeting, person); the value of a generated proposal by (stream, serial).  So
 * two variants of a scenario that differ in their terms of reference see
 * the same traffic, the same attendance and the same ballots wherever the
 * variant does not change them — common random numbers, the basis of every
 * comparison — and a replication's numbers do not depend on the thread or
 * machine that runs it.
 *
 * The generator is counter-based in the manner of SplitMix64 over a key:
 * the key's words are absorbed one at a time, each by
 *
 *   h ← mix ((h XOR w) + γ)
 *
 * with mix() SplitMix64's finaliser (Stafford's variant 13, a bijection with
 * full avalanche) and γ = 0x9e3779b97f4a7c15, starting from h = mix (seed +
 * γ) and absorbing, in order, the replication, the purpose and the
 * purpose's words — as many as the purpose has (its arity, below: two for
 * attendance, four for a ballot).  Because each step is a bijection of h for
 * a fixed word and of the word for a fixed h, two keys that differ only in
 * their last word never collide, and keys that differ earlier collide with
 * chance about 2^-64.  The prefix (seed, replication, purpose) is absorbed
 * once per run (GsDraws), so a draw costs one mix per word of its key;
 * a caller drawing many keys with a common start absorbs the start once.
 * So a ballot's key puts the person last: a meeting's ballots on one item
 * share (case, body, time), absorbed once per item, and each ballot
 * absorbs only its person, one mix a ballot; a ballot between meetings
 * (GS_DRAW_URGENT) is keyed in the same order, with the time it was put.
 * A second number from the same key is the key extended by the word 1
 * (gs_draw_again()): a ballot's for-or-against after its abstention, the
 * second uniform of a normal deviate.  tests/tools/rng-reference.py computes
 * the same function independently; tests/test-draws.c checks reference
 * values and the uniformity and independence of the draws.
 *
 * A normal deviate is made from exactly two uniforms of one key by the
 * Box–Muller transform (gs_draw_normal()), so it too is a pure function of
 * its key.  A sampler that needs a varying number of uniforms may instead
 * seed a GsRng from the key's hash h as the stream (h, 0) of gs-rng.h.
 */
#pragma once

#include <glib.h>
#include <govsim/gs-rng.h>

G_BEGIN_DECLS

/* What a draw is for, and the words of its key.  The numbers are part of
 * every stochastic result: append new purposes, never renumber. */
typedef enum
{
  GS_DRAW_VALUE = 0,   /* a generated proposal's value: stream, serial */
  GS_DRAW_GAP = 1,     /* the wait after it (Poisson): stream, serial */
  GS_DRAW_ATTEND = 2,  /* attendance: person, day */
  GS_DRAW_BALLOT = 3,  /* a ballot: case, body, time of the meeting,
                          person; abstains on the first number, votes for
                          on the second (gs_draw_again()) */
  GS_DRAW_AGREE = 4,   /* mediation reaching agreement: case, dispute,
                          ladder and level */
  GS_DRAW_OUTCOME = 5, /* a mediator's or arbitrator's outcome: the same */
  GS_DRAW_CHAIR = 6,   /* a person deciding alone at a level: the same */
  GS_DRAW_URGENT = 7,  /* a ballot between meetings (chair's action, a
                          written resolution): case, body, time it was
                          put, person, as a ballot; for on the first
                          number */
  GS_N_DRAW_PURPOSES = 8,
} GsDrawPurpose;

/* How many words each purpose's key has (the rest of the arguments of
 * gs_draw_bits() are ignored). */
static inline guint
gs_draw_arity (GsDrawPurpose purpose)
{
  switch (purpose)
    {
      case GS_DRAW_VALUE:
      case GS_DRAW_GAP:
      case GS_DRAW_ATTEND:
        return 2;
      default:
        return 4;
    }
}

/* The draws of one replication: the key prefix absorbed for each purpose.
 * A plain value; no allocation. */
typedef struct
{
  guint64 seed;
  guint64 replication;
  guint64 prefix[GS_N_DRAW_PURPOSES]; /* h after seed, replication, purpose */
} GsDraws;

/** Prepares the draws of replication @replication of @seed. */
void gs_draws_init (GsDraws *draws, guint64 seed, guint64 replication);

#define GS_DRAW_GAMMA G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)

/* SplitMix64's finaliser (Stafford's variant 13). */
static inline guint64
gs_draw_mix (guint64 z)
{
  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

/* One step of the chain: absorbs the key word @w into @h. */
static inline guint64
gs_draw_absorb (guint64 h, guint64 w)
{
  return gs_draw_mix ((h ^ w) + GS_DRAW_GAMMA);
}

/**
 * gs_draw_bits:
 * 64 uniformly distributed bits, the hash of the key (the draws' seed and
 * replication, @purpose, then @a, @b, @c, @d up to the purpose's arity).
 * Inline: it is on the hot path of every meeting, and with a constant
 * @purpose the arity is known at compile time.
 */
static inline guint64
gs_draw_bits (const GsDraws *draws, GsDrawPurpose purpose, guint64 a, guint64 b,
              guint64 c, guint64 d)
{
  guint64 h = draws->prefix[(guint)purpose % GS_N_DRAW_PURPOSES];
  h = gs_draw_absorb (h, a);
  h = gs_draw_absorb (h, b);
  if (gs_draw_arity (purpose) == 2)
    return h;
  h = gs_draw_absorb (h, c);
  return gs_draw_absorb (h, d);
}

/** The bits of the key whose hash is @bits extended by the word 1: a
 * second number from the same key. */
static inline guint64
gs_draw_again (guint64 bits)
{
  return gs_draw_absorb (bits, 1);
}

/** @bits as a uniform double in [0, 1) with 53 bits. */
static inline double
gs_draw_to_uniform (guint64 bits)
{
  return (double)(bits >> 11) * 0x1.0p-53;
}

/** A uniform double in [0, 1) with 53 bits, from the same key. */
static inline double
gs_draw_uniform (const GsDraws *draws, GsDrawPurpose purpose, guint64 a,
                 guint64 b, guint64 c, guint64 d)
{
  return gs_draw_to_uniform (gs_draw_bits (draws, purpose, a, b, c, d));
}

/* The threshold of 2^53 (gs_draw_threshold() of p >= 1): every 53-bit
 * number is below it. */
#define GS_DRAW_ONE (G_GUINT64_CONSTANT (1) << 53)

/**
 * gs_draw_threshold:
 * The integer form of a probability @p: the least integer t with
 * m × 2^-53 >= p for every m >= t, so that for any bits
 * gs_draw_to_uniform (bits) < p exactly when (bits >> 11) < t
 * (gs_draw_below()).  0 for p <= 0 and NaN; GS_DRAW_ONE for p >= 1;
 * otherwise ceil (p × 2^53), which p × 2^53 (exact: a power of two) in
 * (0, 2^53) gives without rounding.  A caller that tests one probability
 * many times computes this once and compares integers.
 */
static inline guint64
gs_draw_threshold (double p)
{
  if (!(p > 0.0))
    return 0;
  if (p >= 1.0)
    return GS_DRAW_ONE;
  double x = p * 0x1.0p53;
  guint64 t = (guint64)x; /* floor: 0 <= x < 2^53 */
  return (double)t < x ? t + 1 : t;
}

/** Whether the uniform of @bits is below the probability whose
 * gs_draw_threshold() is @threshold. */
static inline gboolean
gs_draw_below (guint64 bits, guint64 threshold)
{
  return (bits >> 11) < threshold;
}

/** Whether a threshold is certain either way (0 or GS_DRAW_ONE), so that
 * gs_draw_below() does not depend on the bits. */
static inline gboolean
gs_draw_certain (guint64 threshold)
{
  return threshold == 0 || threshold >= GS_DRAW_ONE;
}

/**
 * gs_draw_bernoulli:
 * TRUE with probability @p: gs_draw_uniform() < @p.  Exactly FALSE for
 * p <= 0 (and NaN) and TRUE for p >= 1 without hashing, so a scenario whose
 * probabilities are all 0 or 1 does not depend on the seed.
 */
static inline gboolean
gs_draw_bernoulli (const GsDraws *draws, GsDrawPurpose purpose, guint64 a,
                   guint64 b, guint64 c, guint64 d, double p)
{
  if (!(p > 0.0))
    return FALSE;
  if (p >= 1.0)
    return TRUE;
  return gs_draw_uniform (draws, purpose, a, b, c, d) < p;
}

/**
 * gs_draw_normal:
 * A standard normal deviate from the key's two uniforms u1 (its hash) and
 * u2 (gs_draw_again() of it): sqrt (−2 ln (1 − u1)) × cos (2π u2), the
 * Box–Muller transform (1 − u1 lies in (0, 1], so the logarithm is finite).
 */
double gs_draw_normal (const GsDraws *draws, GsDrawPurpose purpose, guint64 a,
                       guint64 b, guint64 c, guint64 d);

/**
 * gs_draw_stream:
 * Seeds @rng with the stream (hash of the key, 0) of gs_rng_init(), for a
 * sampler that needs more than one number.
 */
void gs_draw_stream (const GsDraws *draws, GsDrawPurpose purpose, guint64 a,
                     guint64 b, guint64 c, guint64 d, GsRng *rng);

G_END_DECLS

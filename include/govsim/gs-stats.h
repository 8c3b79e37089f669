/* gs-stats.h — estimates with honest intervals, from exact integer sums.
 *
 * A study adds up, replication by replication, pairs (x_r, n_r): x_r
 * events out of n_r trials in replication r (approvals out of proposals,
 * inquorate meetings out of meetings), or n_r = 1 and x_r a count or a 0/1
 * outcome.  GsMoments keeps Σx, Σn, Σx², Σn², Σxn as exact integers
 * (128-bit for the squares), so two partial sums merge in any order into
 * exactly the same total: results do not depend on threads, shards or
 * machines.
 *
 * Every interval treats the replication, not the item, as the independent
 * unit: items within one replication share meetings and attendance.
 *
 *  - A probability p = Σx / Σn has the ratio estimator's variance
 *    V = Σ (x_r − p n_r)² / (R (R − 1) n̄²), n̄ = Σn / R; the interval is
 *    Wilson's score interval with the effective sample size
 *    n_eff = p (1 − p) / V (at most Σn), so it behaves at 0 and 1 as
 *    Wilson's does and widens as much as clustering demands.  When every
 *    n_r is 1 (one trial per replication) it is Wilson's interval with
 *    n ≈ R.  (Wilson, 1927; the design effect of Kish, 1965.)
 *  - A mean of x per replication, or a ratio Σx / Σn (mean days to a
 *    decision), has the same variance and a Student t interval with R − 1
 *    degrees of freedom.
 *  - A quantile is read from a histogram of integer values pooled over all
 *    replications; its interval comes from batch quantiles: the
 *    replications are split into GS_STATS_BATCHES batches by r mod
 *    GS_STATS_BATCHES, each batch's quantile is taken from its own
 *    histogram, and the interval is t over the batch quantiles (19 degrees
 *    of freedom).
 *
 * Nothing here allocates except the histograms, whose size is fixed by the
 * binning below.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef unsigned __int128 GsU128;

typedef struct
{
  guint64 x;     /* Σ x_r */
  guint64 n;     /* Σ n_r */
  GsU128 xx;     /* Σ x_r² */
  GsU128 nn;     /* Σ n_r² */
  GsU128 xn;     /* Σ x_r n_r */
  guint64 hits;  /* replications with x_r > 0 */
  guint64 first; /* the first (lowest) replication with x_r > 0, or
                    G_MAXUINT64 */
} GsMoments;

#define GS_MOMENTS_INIT                                                        \
  (GsMoments) { .first = G_MAXUINT64 }

/** Adds replication @r's pair (@x, @n). */
static inline void
gs_moments_add (GsMoments *m, guint64 r, guint64 x, guint64 n)
{
  m->x += x;
  m->n += n;
  m->xx += (GsU128)x * x;
  m->nn += (GsU128)n * n;
  m->xn += (GsU128)x * n;
  if (x > 0)
    {
      m->hits++;
      m->first = MIN (m->first, r);
    }
}

/** Adds the partial sums @b into @a (in any order, the same total). */
void gs_moments_merge (GsMoments *a, const GsMoments *b);

/* An estimate and its 95% interval; @defined FALSE when there is nothing
 * to estimate (no trials), @lo and @hi NAN when there is too little to
 * give an interval (fewer than two replications). */
typedef struct
{
  double value;
  double lo, hi;
  gboolean defined;
} GsEstimate;

#define GS_STATS_LEVEL 0.95

/** The probability Σx / Σn over @reps replications, with the clustered
 * Wilson interval described above. */
GsEstimate gs_moments_probability (const GsMoments *m, guint64 reps);

/** The mean of x per replication over @reps replications (n ignored),
 * with a t interval. */
GsEstimate gs_moments_mean (const GsMoments *m, guint64 reps);

/** The ratio Σx / Σn (for example minutes over decisions), with the ratio
 * estimator's t interval. */
GsEstimate gs_moments_ratio (const GsMoments *m, guint64 reps);

/** Wilson's score interval for @x successes in @n trials at 95%. */
void gs_wilson (double x, double n, double *lo, double *hi);

/** The two-sided 95% quantile of Student's t with @df degrees of freedom
 * (exact table to 30, then the normal approximation's series). */
double gs_t_975 (guint64 df);

/* ---- paired differences ------------------------------------------------ */

/* Two variants run on the same replications: replication r gives the pair
 * (x_r, n_r) for the baseline A and (y_r, m_r) for the variant B.  Their
 * difference is estimated replication by replication, so whatever the two
 * share (the same traffic, attendance and ballots: common random numbers)
 * cancels out of its variance.
 *
 *  - A difference of probabilities or ratios p_B − p_A has the linearised
 *    variance V = Σ e_r² / (R (R − 1)), with
 *    e_r = (y_r − p_B m_r) / m̄ − (x_r − p_A n_r) / n̄, and a Student t
 *    interval with R − 1 degrees of freedom.
 *  - A difference of means per replication is the paired t interval of
 *    d_r = y_r − x_r.
 *  - The unpaired interval is what two independent studies of R
 *    replications each would give: the same point estimate, with the
 *    variance V_A + V_B of the two estimates alone (no covariance).
 *
 * The cross sums are exact integers like GsMoments', so paired sums merge
 * in any order into the same total.  The replications whose pairs differ
 * are counted: when none does, the two variants agreed in every
 * replication and the difference is exactly zero with a zero-width
 * interval, whatever rounding would have made of it. */
typedef struct
{
  GsMoments a;  /* the baseline's (x, n) */
  GsMoments b;  /* the variant's (y, m) */
  GsU128 xy;    /* Σ x_r y_r */
  GsU128 xm;    /* Σ x_r m_r */
  GsU128 ny;    /* Σ n_r y_r */
  GsU128 nm;    /* Σ n_r m_r */
  guint64 diff; /* replications in which (x, n) ≠ (y, m) */
} GsPaired;

#define GS_PAIRED_INIT                                                         \
  (GsPaired) { .a = GS_MOMENTS_INIT, .b = GS_MOMENTS_INIT }

/** Adds replication @r's pairs (@x, @n) of the baseline and (@y, @m) of
 * the variant. */
static inline void
gs_paired_add (GsPaired *p, guint64 r, guint64 x, guint64 n, guint64 y,
               guint64 m)
{
  gs_moments_add (&p->a, r, x, n);
  gs_moments_add (&p->b, r, y, m);
  p->xy += (GsU128)x * y;
  p->xm += (GsU128)x * m;
  p->ny += (GsU128)n * y;
  p->nm += (GsU128)n * m;
  p->diff += x != y || n != m;
}

/** Adds the partial sums @q into @p (in any order, the same total). */
void gs_paired_merge (GsPaired *p, const GsPaired *q);

/* What two variants' estimates differ by. */
typedef struct
{
  GsEstimate paired;  /* B − A with the paired interval */
  double lo_unpaired; /* ... and the interval of two independent studies */
  double hi_unpaired;
  gboolean identical; /* the same in every replication: exactly zero */
  gboolean excludes;  /* the paired interval excludes zero */
} GsDifference;

/** The difference of the probabilities (or ratios) Σy/Σm − Σx/Σn. */
GsDifference gs_paired_ratio (const GsPaired *p, guint64 reps);

/** The difference of the means per replication (Σy − Σx) / R. */
GsDifference gs_paired_mean (const GsPaired *p, guint64 reps);

/* ---- histograms of whole days ------------------------------------------ */

/* Values 0..127 have a bin each; above, 32 bins per doubling (each about
 * 2.2% wide), up to GS_STATS_DAYS_MAX. */
#define GS_STATS_EXACT_DAYS 128
#define GS_STATS_DAYS_MAX   65536
#define GS_STATS_BINS       (GS_STATS_EXACT_DAYS + 32 * 9)
#define GS_STATS_BATCHES    20

/** The bin of @days (clamped to 0..GS_STATS_DAYS_MAX). */
guint gs_stats_bin (gint64 days);

/** The smallest value of bin @bin, and the first value past it. */
void gs_stats_bin_range (guint bin, double *lo, double *hi);

/** The type-7 quantile @p of the values counted in @hist (GS_STATS_BINS
 * counts), interpolating within a bin as if its values were spread
 * evenly; NAN when empty. */
double gs_hist_quantile (const guint64 *hist, double p);

G_END_DECLS

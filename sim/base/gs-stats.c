/* gs-stats.c — estimates from exact sums; histograms of days.
 *
 * See gs-stats.h for the estimators.  The 128-bit sums are converted to
 * double only when an estimate is formed, after the exact merge, so the
 * same sums always give the same digits.
 */
#include <govsim/gs-stats.h>

#include <math.h>

void
gs_moments_merge (GsMoments *a, const GsMoments *b)
{
  a->x += b->x;
  a->n += b->n;
  a->xx += b->xx;
  a->nn += b->nn;
  a->xn += b->xn;
  a->hits += b->hits;
  a->first = MIN (a->first, b->first);
}

/* Student's t, 97.5th percentile, df 1..30 (any statistics table). */
static const double t_table[] = {
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
  2.201,  2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
  2.080,  2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
};

double
gs_t_975 (guint64 df)
{
  if (df == 0)
    return NAN;
  if (df <= G_N_ELEMENTS (t_table))
    return t_table[df - 1];
  /* The Cornish–Fisher expansion of t about the normal quantile z: exact
   * to three decimals beyond 30 degrees of freedom. */
  double z = 1.959963984540054, v = (double)df;
  double z3 = z * z * z, z5 = z3 * z * z;
  return z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v);
}

void
gs_wilson (double x, double n, double *lo, double *hi)
{
  if (!(n > 0))
    {
      *lo = *hi = NAN;
      return;
    }
  double z = 1.959963984540054, z2 = z * z;
  double p = x / n;
  double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  double half = z / (1 + z2 / n) * sqrt (p * (1 - p) / n + z2 / (4 * n * n));
  *lo = MAX (0.0, centre - half);
  *hi = MIN (1.0, centre + half);
  /* At 0 and at 1 the bound is exact; rounding must not put the estimate
   * outside its own interval. */
  if (p <= 0.0)
    *lo = 0.0;
  if (p >= 1.0)
    *hi = 1.0;
}

/* Σ (x_r − q n_r)² for the ratio q, from the exact sums. */
static double
ratio_ss (const GsMoments *m, double q)
{
  double ss = (double)m->xx - 2.0 * q * (double)m->xn + q * q * (double)m->nn;
  return MAX (ss, 0.0);
}

/* The ratio estimator's variance of q = Σx / Σn over @reps >= 2
 * replications: Σ (x_r − q n_r)² / (R (R − 1) n̄²). */
static double
ratio_variance (const GsMoments *m, double q, guint64 reps)
{
  double nbar = (double)m->n / (double)reps;
  return ratio_ss (m, q) / ((double)reps * (double)(reps - 1) * nbar * nbar);
}

GsEstimate
gs_moments_probability (const GsMoments *m, guint64 reps)
{
  GsEstimate e = { NAN, NAN, NAN, FALSE };
  if (m->n == 0 || reps == 0)
    return e;
  double p = (double)m->x / (double)m->n;
  e.value = p;
  e.defined = TRUE;
  if (reps < 2)
    return e;
  double v = ratio_variance (m, p, reps);
  double n_eff = (double)m->n;
  if (v > 0)
    n_eff = MIN (n_eff, p * (1 - p) / v);
  else if (p > 0 && p < 1)
    n_eff = (double)m->n; /* no spread between replications at all */
  gs_wilson (p * n_eff, n_eff, &e.lo, &e.hi);
  return e;
}

GsEstimate
gs_moments_mean (const GsMoments *m, guint64 reps)
{
  GsEstimate e = { NAN, NAN, NAN, FALSE };
  if (reps == 0)
    return e;
  double mean = (double)m->x / (double)reps;
  e.value = mean;
  e.defined = TRUE;
  if (reps < 2)
    return e;
  double ss = MAX ((double)m->xx - (double)reps * mean * mean, 0.0);
  double se = sqrt (ss / ((double)(reps - 1) * (double)reps));
  double t = gs_t_975 (reps - 1);
  e.lo = mean - t * se;
  e.hi = mean + t * se;
  return e;
}

GsEstimate
gs_moments_ratio (const GsMoments *m, guint64 reps)
{
  GsEstimate e = { NAN, NAN, NAN, FALSE };
  if (m->n == 0 || reps == 0)
    return e;
  double q = (double)m->x / (double)m->n;
  e.value = q;
  e.defined = TRUE;
  if (reps < 2)
    return e;
  double v = ratio_variance (m, q, reps);
  double t = gs_t_975 (reps - 1);
  e.lo = q - t * sqrt (v);
  e.hi = q + t * sqrt (v);
  return e;
}

guint
gs_stats_bin (gint64 days)
{
  if (days < GS_STATS_EXACT_DAYS)
    return (guint)MAX (days, 0);
  days = MIN (days, (gint64)GS_STATS_DAYS_MAX - 1);
  /* 32 bins per doubling above 128: bin = 128 + ⌊32 log2 (d / 128)⌋. */
  double k = floor (32.0 * log2 ((double)days / GS_STATS_EXACT_DAYS));
  return GS_STATS_EXACT_DAYS + MIN ((guint)k, 32u * 9 - 1);
}

void
gs_stats_bin_range (guint bin, double *lo, double *hi)
{
  if (bin < GS_STATS_EXACT_DAYS)
    {
      *lo = bin;
      *hi = bin + 1;
      return;
    }
  double k = bin - GS_STATS_EXACT_DAYS;
  *lo = GS_STATS_EXACT_DAYS * exp2 (k / 32.0);
  *hi = GS_STATS_EXACT_DAYS * exp2 ((k + 1) / 32.0);
}

/* The @i-th smallest (0-based) value counted in @hist. */
static double
order_statistic (const guint64 *hist, guint64 i)
{
  for (guint b = 0; b < GS_STATS_BINS; b++)
    {
      if (i < hist[b])
        {
          if (b < GS_STATS_EXACT_DAYS)
            return b;
          double lo, hi;
          gs_stats_bin_range (b, &lo, &hi);
          return lo + (hi - lo) * ((double)i + 0.5) / (double)hist[b];
        }
      i -= hist[b];
    }
  return NAN;
}

double
gs_hist_quantile (const guint64 *hist, double p)
{
  guint64 n = 0;
  for (guint b = 0; b < GS_STATS_BINS; b++)
    n += hist[b];
  if (n == 0)
    return NAN;
  double h = (double)(n - 1) * CLAMP (p, 0.0, 1.0);
  guint64 lo = (guint64)floor (h);
  double x = order_statistic (hist, lo);
  if (lo + 1 >= n)
    return x;
  return x + (h - (double)lo) * (order_statistic (hist, lo + 1) - x);
}

/* ---- paired differences ------------------------------------------------ */

void
gs_paired_merge (GsPaired *p, const GsPaired *q)
{
  gs_moments_merge (&p->a, &q->a);
  gs_moments_merge (&p->b, &q->b);
  p->xy += q->xy;
  p->xm += q->xm;
  p->ny += q->ny;
  p->nm += q->nm;
  p->diff += q->diff;
}

static GsDifference
difference_new (void)
{
  return (GsDifference){ .paired = { NAN, NAN, NAN, FALSE },
                         .lo_unpaired = NAN,
                         .hi_unpaired = NAN };
}

/* Fills in the intervals of @d from the variances of the difference
 * (@v_paired) and of the two estimates alone (@v_a, @v_b). */
static void
difference_intervals (GsDifference *d, const GsPaired *p, guint64 reps,
                      double v_paired, double v_a, double v_b)
{
  if (p->diff == 0)
    {
      /* The same pairs in every replication: nothing to estimate. */
      d->identical = TRUE;
      d->paired.value = 0;
      d->paired.lo = d->paired.hi = 0;
    }
  if (reps < 2)
    return;
  double t = gs_t_975 (reps - 1);
  double value = d->paired.value;
  if (!d->identical)
    {
      double half = t * sqrt (MAX (v_paired, 0.0));
      d->paired.lo = value - half;
      d->paired.hi = value + half;
      d->excludes = d->paired.lo > 0 || d->paired.hi < 0;
    }
  double half_u = t * sqrt (MAX (v_a, 0.0) + MAX (v_b, 0.0));
  d->lo_unpaired = value - half_u;
  d->hi_unpaired = value + half_u;
}

GsDifference
gs_paired_ratio (const GsPaired *p, guint64 reps)
{
  GsDifference d = difference_new ();
  if (reps == 0 || p->a.n == 0 || p->b.n == 0)
    return d;
  double R = (double)reps;
  double pa = (double)p->a.x / (double)p->a.n;
  double pb = (double)p->b.x / (double)p->b.n;
  double na = (double)p->a.n / R, nb = (double)p->b.n / R;
  d.paired.defined = TRUE;
  d.paired.value = p->diff == 0 ? 0.0 : pb - pa;
  double v_a = 0, v_b = 0, v = 0;
  if (reps >= 2)
    {
      /* Σ u_a², Σ u_b², Σ u_a u_b with u_a = x − p_a n, u_b = y − p_b m. */
      double saa = ratio_ss (&p->a, pa), sbb = ratio_ss (&p->b, pb);
      double sab = (double)p->xy - pb * (double)p->xm - pa * (double)p->ny
                   + pa * pb * (double)p->nm;
      double k = R * (R - 1);
      v_a = saa / (k * na * na);
      v_b = sbb / (k * nb * nb);
      v = v_a + v_b - 2 * sab / (k * na * nb);
    }
  difference_intervals (&d, p, reps, v, v_a, v_b);
  return d;
}

GsDifference
gs_paired_mean (const GsPaired *p, guint64 reps)
{
  GsDifference d = difference_new ();
  if (reps == 0)
    return d;
  double R = (double)reps;
  d.paired.defined = TRUE;
  /* Σ d and Σ d² exactly, d = y − x. */
  gint64 sd = (gint64)p->b.x - (gint64)p->a.x;
  __int128 sdd = (__int128)p->a.xx + (__int128)p->b.xx - 2 * (__int128)p->xy;
  d.paired.value = p->diff == 0 ? 0.0 : (double)sd / R;
  double v_a = 0, v_b = 0, v = 0;
  if (reps >= 2)
    {
      double k = R * (R - 1);
      double ma = (double)p->a.x / R, mb = (double)p->b.x / R;
      v_a = MAX ((double)p->a.xx - R * ma * ma, 0.0) / k;
      v_b = MAX ((double)p->b.xx - R * mb * mb, 0.0) / k;
      v = MAX ((double)sdd - (double)sd * (double)sd / R, 0.0) / k;
    }
  difference_intervals (&d, p, reps, v, v_a, v_b);
  return d;
}

/* gs-summary.h — the headline numbers of a run.
 *
 * A GsSummary counts what happened to the cases of one run, per deciding
 * body and matter type (a "cell") and per body, and gives the median and
 * 90th percentile of the days from arrival to decision.  Quantiles use
 * linear interpolation between order statistics (Hyndman and Fan's type 7,
 * the default of R and NumPy): for sorted x[0..n-1] and probability p,
 * h = (n − 1)p and q = x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]).
 */
#pragma once

#include <glib.h>
#include <govsim/gs-engine.h>

G_BEGIN_DECLS

typedef struct
{
  guint32 body;
  guint32 matter;
  guint arrived;
  guint approved;
  guint rejected;     /* including ties, which fail */
  guint pending;      /* undecided at the horizon */
  guint missed;       /* fell due while undecided */
  double median_days; /* arrival to decision; NAN when nothing was decided */
  double p90_days;
} GsCellStats;

typedef struct
{
  guint32 body;
  guint meetings; /* meetings held with business on the agenda */
  guint inquorate;
  guint carried;   /* items carried over to a later meeting */
  guint ties;      /* equal votes and no casting vote: the motion fails */
  guint casting;   /* ties the chair's casting vote resolved */
  guint blocked;   /* consensus blocked by an objection */
  guint no_votes;  /* nobody voted for or against */
  guint splits;    /* committees in common that disagreed */
  guint conflicts; /* members excluded from a vote for a conflict */
  guint decided;
} GsBodyStats;

typedef struct
{
  GArray *cells;  /* GsCellStats: bodies in scenario order, then matters;
                     only pairs with at least one case */
  GArray *bodies; /* GsBodyStats, one per scenario body */
  guint arrived;
  guint approved;
  guint rejected;
  guint pending;
  guint missed;
} GsSummary;

/** Computes the summary of @run.  (transfer full) */
GsSummary *gs_summary_new (const GsRun *run);

/** Frees @summary; accepts NULL. */
void gs_summary_free (GsSummary *summary);

/**
 * gs_quantile:
 * The type-7 quantile @p (0..1) of @n values already sorted ascending;
 * NAN when @n is 0.
 */
double gs_quantile (const double *sorted, gsize n, double p);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsSummary, gs_summary_free)

G_END_DECLS

/* gs-series.h — the numbers behind a run's charts.
 *
 * The charts of the HTML report are drawn by the write layer, which never
 * counts; this is where the counting happens.  Two series, both computed
 * from the run's cases and slots (so they exist with or without records):
 *
 *  - days to decision: the proposals approved or rejected, binned by
 *    whole days from arrival to decision, in bins of a width chosen from
 *    1, 2, 7, 14, 30, 60, 91, 182 and 365 days, the narrowest that needs at
 *    most GS_SERIES_BINS_MAX bins;
 *  - backlog: for each body that had any item, how many items stood before
 *    it (queued for a meeting, or in a dispute that arose there) at evenly
 *    spaced instants over the period: every day for a period of up to 120
 *    days, else every 7 days.  An item stands before a body from the time
 *    it reached the body at a gateway to the time the body approved,
 *    rejected or gridlocked on it, or the end of the period; an item
 *    withdrawn from a body (its gateway settled elsewhere) is not counted,
 *    and a return to an earlier gateway counts its latest sitting only.
 */
#pragma once

#include <glib.h>
#include <govsim/gs-run.h>

G_BEGIN_DECLS

#define GS_SERIES_BINS_MAX 24

typedef struct
{
  guint lo; /* days, included */
  guint hi; /* days, excluded */
  guint approved;
  guint rejected;
} GsDaysBin;

typedef struct
{
  guint32 body;
  guint *counts; /* one per instant */
  guint peak;    /* the largest of counts */
} GsBacklog;

typedef struct
{
  GArray *days;   /* GsDaysBin, from 0 days up to the longest decision */
  guint bin_days; /* the width of each bin */
  GsTime *times;  /* the instants of the backlog series */
  guint n_times;
  guint step_days; /* days between instants */
  GArray *backlog; /* GsBacklog, scenario order of bodies, only those with
                      an item at some instant */
} GsSeries;

/** The series of @run, which has been executed.  (transfer full) */
GsSeries *gs_series_new (const GsRun *run);

/** Frees @series; accepts NULL. */
void gs_series_free (GsSeries *series);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsSeries, gs_series_free)

G_END_DECLS

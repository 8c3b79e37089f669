/* gs-series.c — days to decision and backlog over time (gs-series.h).
 *
 * One pass over the cases bins the days to decision; one pass over the
 * slots builds each body's backlog as a difference array over the
 * instants (+1 at the first instant an item stands before the body, -1 at
 * the first it no longer does), then a running sum: work proportional to
 * cases + slots + bodies × instants, whatever the lengths of the sittings.
 */
#include "run/gs-run-private.h"

#include <govsim/gs-series.h>

#include <math.h>

static const guint bin_widths[] = { 1, 2, 7, 14, 30, 60, 91, 182, 365 };

static void
fill_days (const GsRun *run, GsSeries *se)
{
  guint longest = 0;
  for (guint i = 0; i < run->cases->len; i++)
    {
      const GsCase *c = GS_RUN_CASE (run, i);
      if (c->state != GS_CASE_APPROVED && c->state != GS_CASE_REJECTED)
        continue;
      double d = gs_time_days_between (c->arrives, c->decided);
      longest = MAX (longest, (guint)floor (d));
    }
  se->bin_days = bin_widths[G_N_ELEMENTS (bin_widths) - 1];
  for (gsize k = 0; k < G_N_ELEMENTS (bin_widths); k++)
    if (longest / bin_widths[k] + 1 <= GS_SERIES_BINS_MAX)
      {
        se->bin_days = bin_widths[k];
        break;
      }
  guint n = longest / se->bin_days + 1;
  for (guint b = 0; b < n; b++)
    {
      GsDaysBin bin = { .lo = b * se->bin_days, .hi = (b + 1) * se->bin_days };
      g_array_append_val (se->days, bin);
    }
  for (guint i = 0; i < run->cases->len; i++)
    {
      const GsCase *c = GS_RUN_CASE (run, i);
      if (c->state != GS_CASE_APPROVED && c->state != GS_CASE_REJECTED)
        continue;
      guint d = (guint)floor (gs_time_days_between (c->arrives, c->decided));
      GsDaysBin *bin = &g_array_index (se->days, GsDaysBin, d / se->bin_days);
      if (c->state == GS_CASE_APPROVED)
        bin->approved++;
      else
        bin->rejected++;
    }
}

/* The index of the first instant at or after @t (n_times if none). */
static guint
instant_at_or_after (const GsSeries *se, GsTime start, GsTime t)
{
  if (t <= start)
    return 0;
  GsTime step = (GsTime)se->step_days * GS_MINUTES_PER_DAY;
  GsTime k = (t - start + step - 1) / step;
  return (guint)MIN (k, (GsTime)se->n_times);
}

static void
fill_backlog (const GsRun *run, GsSeries *se)
{
  const GsScenario *s = run->scenario;
  GsTime start = s->start, end = s->end;
  double days = gs_time_days_between (start, end);
  se->step_days = days <= 120 ? 1 : 7;
  GsTime step = (GsTime)se->step_days * GS_MINUTES_PER_DAY;
  se->n_times = (guint)((end - start + step - 1) / step);
  se->times = g_new (GsTime, MAX (se->n_times, 1));
  for (guint k = 0; k < se->n_times; k++)
    se->times[k] = start + (GsTime)k * step;

  guint nb = s->bodies->len, nt = se->n_times;
  g_autofree gint64 *diff = g_new0 (gint64, (gsize)MAX (nb, 1) * (nt + 1));
  g_autofree gboolean *any = g_new0 (gboolean, MAX (nb, 1));
  for (guint i = 0; i < run->slots->len; i++)
    {
      const GsSlot *slot = GS_RUN_SLOT (run, i);
      GsTime until;
      switch (slot->state)
        {
          case GS_SLOT_QUEUED:
          case GS_SLOT_DISPUTE:
            until = end;
            break;
          case GS_SLOT_APPROVED:
          case GS_SLOT_REJECTED:
          case GS_SLOT_GRIDLOCKED:
            until = slot->settled;
            break;
          case GS_SLOT_IDLE:
          case GS_SLOT_WITHDRAWN:
          default:
            continue;
        }
      guint k0 = instant_at_or_after (se, start, slot->since);
      guint k1 = instant_at_or_after (se, start, MIN (until, end));
      if (k0 >= k1)
        continue;
      gint64 *row = diff + (gsize)slot->body * (nt + 1);
      row[k0]++;
      row[k1]--;
      any[slot->body] = TRUE;
    }
  for (guint b = 0; b < nb; b++)
    {
      if (!any[b])
        continue;
      GsBacklog bl = { .body = b, .counts = g_new0 (guint, MAX (nt, 1)) };
      const gint64 *row = diff + (gsize)b * (nt + 1);
      gint64 level = 0;
      for (guint k = 0; k < nt; k++)
        {
          level += row[k];
          bl.counts[k] = (guint)MAX (level, 0);
          bl.peak = MAX (bl.peak, bl.counts[k]);
        }
      g_array_append_val (se->backlog, bl);
    }
}

static void
backlog_clear (gpointer p)
{
  g_free (((GsBacklog *)p)->counts);
}

GsSeries *
gs_series_new (const GsRun *run)
{
  g_return_val_if_fail (run != NULL, NULL);
  GsSeries *se = g_new0 (GsSeries, 1);
  se->days = g_array_new (FALSE, TRUE, sizeof (GsDaysBin));
  se->backlog = g_array_new (FALSE, TRUE, sizeof (GsBacklog));
  g_array_set_clear_func (se->backlog, backlog_clear);
  fill_days (run, se);
  fill_backlog (run, se);
  return se;
}

void
gs_series_free (GsSeries *se)
{
  if (se == NULL)
    return;
  g_array_unref (se->days);
  g_array_unref (se->backlog);
  g_free (se->times);
  g_free (se);
}

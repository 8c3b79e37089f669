/* gs-summary.c — counting a run's outcomes.
 *
 * One pass over the cases fills a body × matter table and the carry-over
 * counts; meeting, inquorate and tie counts come from the run's per-body
 * state, so a summary works on a run that kept no records.  Work is
 * proportional to cases + records + bodies × matters, done once per run after
 * the simulation, never inside it.
 */
#include "gs-engine-private.h"

#include <govsim/gs-summary.h>

#include <math.h>
#include <stdlib.h>

double
gs_quantile (const double *sorted, gsize n, double p)
{
  if (n == 0)
    return NAN;
  double h = (double)(n - 1) * CLAMP (p, 0.0, 1.0);
  gsize lo = (gsize)floor (h);
  if (lo + 1 >= n)
    return sorted[n - 1];
  return sorted[lo] + (h - (double)lo) * (sorted[lo + 1] - sorted[lo]);
}

static int
cmp_double (const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

GsSummary *
gs_summary_new (const GsRun *run)
{
  const GsScenario *s = run->scenario;
  guint nb = s->bodies->len, nm = s->matters->len;
  GsSummary *sum = g_new0 (GsSummary, 1);
  sum->cells = g_array_new (FALSE, TRUE, sizeof (GsCellStats));
  sum->bodies = g_array_new (FALSE, TRUE, sizeof (GsBodyStats));

  gsize n_cells = (gsize)MAX (nb, 1) * MAX (nm, 1);
  g_autofree GsCellStats *grid = g_new0 (GsCellStats, n_cells);
  g_autofree GArray **days = g_new0 (GArray *, n_cells);

  for (guint i = 0; i < run->cases->len; i++)
    {
      const GsCase *c = &g_array_index (run->cases, GsCase, i);
      gsize k = (gsize)c->body * nm + c->matter;
      GsCellStats *cell = &grid[k];
      cell->arrived++;
      sum->arrived++;
      if (c->missed)
        {
          cell->missed++;
          sum->missed++;
        }
      switch (c->state)
        {
          case GS_CASE_APPROVED:
            cell->approved++;
            sum->approved++;
            break;
          case GS_CASE_REJECTED:
            cell->rejected++;
            sum->rejected++;
            break;
          case GS_CASE_WAITING:
          default:
            cell->pending++;
            sum->pending++;
            break;
        }
      if (c->state != GS_CASE_WAITING)
        {
          if (days[k] == NULL)
            days[k] = g_array_new (FALSE, FALSE, sizeof (double));
          double d = gs_time_days_between (c->arrives, c->decided);
          g_array_append_val (days[k], d);
        }
    }

  for (guint b = 0; b < nb; b++)
    for (guint m = 0; m < nm; m++)
      {
        gsize k = (gsize)b * nm + m;
        GsCellStats *cell = &grid[k];
        if (cell->arrived == 0)
          continue;
        cell->body = b;
        cell->matter = m;
        cell->median_days = NAN;
        cell->p90_days = NAN;
        if (days[k] != NULL)
          {
            double *v = (double *)days[k]->data;
            gsize n = days[k]->len;
            qsort (v, n, sizeof *v, cmp_double);
            cell->median_days = gs_quantile (v, n, 0.5);
            cell->p90_days = gs_quantile (v, n, 0.9);
          }
        g_array_append_val (sum->cells, *cell);
      }
  for (gsize k = 0; k < n_cells; k++)
    if (days[k] != NULL)
      g_array_unref (days[k]);

  for (guint b = 0; b < nb; b++)
    {
      GsBodyStats bs = { .body = b,
                         .meetings = run->bodies[b].meetings,
                         .inquorate = run->bodies[b].inquorate,
                         .ties = run->bodies[b].ties,
                         .casting = run->bodies[b].casting,
                         .blocked = run->bodies[b].blocked,
                         .no_votes = run->bodies[b].no_votes,
                         .splits = run->bodies[b].splits,
                         .conflicts = run->bodies[b].conflicts };
      g_array_append_val (sum->bodies, bs);
    }
  for (guint i = 0; i < run->cases->len; i++)
    {
      const GsCase *c = &g_array_index (run->cases, GsCase, i);
      GsBodyStats *bs = &g_array_index (sum->bodies, GsBodyStats, c->body);
      bs->carried += c->carried;
      bs->decided += c->state != GS_CASE_WAITING ? 1 : 0;
    }
  return sum;
}

void
gs_summary_free (GsSummary *sum)
{
  if (sum == NULL)
    return;
  g_array_unref (sum->cells);
  g_array_unref (sum->bodies);
  g_free (sum);
}

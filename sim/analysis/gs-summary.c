/* gs-summary.c — counting a run's outcomes.
 *
 * One pass over the cases fills the matter table, one over the slots the
 * body × matter table, one over each case's gateways the gateway table;
 * meeting, inquorate, tie and breach counts come from the run's counters,
 * so a summary is the same whether or not the run kept records.  Work is
 * proportional to cases + slots + bodies × matters, done once per run after the
 * simulation, never inside it.
 */
#include "run/gs-run-private.h"

#include <govsim/gs-summary.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

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

/* Counts of outcomes plus the days of each decision, for the quantiles. */
typedef struct
{
  GsOutcomeStats o;
  GArray *days;
} Tally;

static void
tally_add (Tally *t, GsCaseState state, double days, gboolean missed,
           guint climbed)
{
  t->o.arrived++;
  t->o.missed += missed ? 1 : 0;
  t->o.escalated += climbed > 0 ? 1 : 0;
  t->o.climbed = MAX (t->o.climbed, climbed);
  switch (state)
    {
      case GS_CASE_APPROVED:
        t->o.approved++;
        break;
      case GS_CASE_REJECTED:
        t->o.rejected++;
        break;
      case GS_CASE_GRIDLOCKED:
        t->o.gridlocked++;
        return;
      case GS_CASE_WAITING:
      default:
        t->o.pending++;
        return;
    }
  if (t->days == NULL)
    t->days = g_array_new (FALSE, FALSE, sizeof (double));
  g_array_append_val (t->days, days);
}

/* Finishes the quantiles and frees the days. */
static GsOutcomeStats
tally_finish (Tally *t)
{
  t->o.median_days = t->o.p90_days = NAN;
  if (t->days != NULL)
    {
      double *v = (double *)t->days->data;
      qsort (v, t->days->len, sizeof *v, cmp_double);
      t->o.median_days = gs_quantile (v, t->days->len, 0.5);
      t->o.p90_days = gs_quantile (v, t->days->len, 0.9);
      g_array_unref (t->days);
      t->days = NULL;
    }
  return t->o;
}

static GsCaseState
slot_outcome (const GsSlot *slot)
{
  switch (slot->state)
    {
      case GS_SLOT_APPROVED:
        return GS_CASE_APPROVED;
      case GS_SLOT_REJECTED:
        return GS_CASE_REJECTED;
      case GS_SLOT_GRIDLOCKED:
        return GS_CASE_GRIDLOCKED;
      default:
        return GS_CASE_WAITING;
    }
}

static void
fill_cases (const GsRun *run, GsSummary *sum)
{
  const GsScenario *s = run->scenario;
  guint nm = s->matters->len;
  g_autofree Tally *by_matter = g_new0 (Tally, MAX (nm, 1));
  Tally all = { 0 };
  for (guint i = 0; i < run->cases->len; i++)
    {
      const GsCase *c = GS_RUN_CASE (run, i);
      double days = gs_time_days_between (c->arrives, c->decided);
      tally_add (&by_matter[c->matter], c->state, days, c->missed, c->climbed);
      tally_add (&all, c->state, days, c->missed, c->climbed);
    }
  sum->all = tally_finish (&all);
  for (guint m = 0; m < nm; m++)
    if (by_matter[m].o.arrived > 0)
      {
        GsMatterStats ms = { .matter = m, .o = tally_finish (&by_matter[m]) };
        g_array_append_val (sum->matters, ms);
      }
}

static void
fill_slots (const GsRun *run, GsSummary *sum)
{
  const GsScenario *s = run->scenario;
  guint nb = s->bodies->len, nm = s->matters->len;
  gsize n_cells = (gsize)MAX (nb, 1) * MAX (nm, 1);
  g_autofree Tally *grid = g_new0 (Tally, n_cells);
  for (guint i = 0; i < run->slots->len; i++)
    {
      const GsSlot *slot = GS_RUN_SLOT (run, i);
      if (slot->state == GS_SLOT_IDLE || slot->state == GS_SLOT_WITHDRAWN)
        continue;
      const GsCase *c = GS_RUN_CASE (run, slot->item);
      GsCaseState state = slot_outcome (slot);
      GsTime until = state == GS_CASE_WAITING ? s->end : slot->settled;
      double days = gs_time_days_between (slot->since, until);
      tally_add (&grid[(gsize)slot->body * nm + c->matter], state, days,
                 c->missed, gs__slot_climbed (run, slot));
      GsBodyStats *bs = &g_array_index (sum->bodies, GsBodyStats, slot->body);
      bs->days_held += days;
      bs->decided += state == GS_CASE_APPROVED || state == GS_CASE_REJECTED;
      bs->gridlocked += state == GS_CASE_GRIDLOCKED;
      bs->pending += state == GS_CASE_WAITING;
    }
  for (guint b = 0; b < nb; b++)
    for (guint m = 0; m < nm; m++)
      {
        Tally *t = &grid[(gsize)b * nm + m];
        if (t->o.arrived == 0)
          continue;
        GsCellStats cell = { .body = b, .matter = m, .o = tally_finish (t) };
        g_array_append_val (sum->cells, cell);
      }
}

static void
fill_gateways (const GsRun *run, GsSummary *sum)
{
  const GsScenario *s = run->scenario;
  g_autofree guint *base = g_new0 (guint, MAX (s->pathways->len, 1));
  for (guint p = 0; p < s->pathways->len; p++)
    {
      const GsPathway *pw = GS_PATHWAY (s, p);
      base[p] = sum->gateways->len;
      if (pw->implicit)
        continue;
      for (guint g = 0; g < pw->n_gateways; g++)
        {
          GsGatewayStats gs = { .pathway = p, .gateway = g };
          g_array_append_val (sum->gateways, gs);
        }
    }
  for (guint i = 0; i < run->cases->len; i++)
    {
      const GsCase *c = GS_RUN_CASE (run, i);
      const GsPathway *pw = GS_PATHWAY (s, c->pathway);
      if (pw->implicit)
        continue;
      for (guint g = 0; g < pw->n_gateways; g++)
        {
          const GsGate *gate = GS_RUN_GATE (run, c, g);
          GsGatewayStats *gs = &g_array_index (sum->gateways, GsGatewayStats,
                                               base[c->pathway] + g);
          if (gate->state == GS_GATE_CLOSED)
            continue;
          if (gate->state == GS_GATE_SKIPPED)
            {
              gs->skipped++;
              continue;
            }
          gs->reached++;
          gs->passed += gate->state == GS_GATE_PASSED;
          gs->failed += gate->state == GS_GATE_FAILED;
          gs->open_at_end += gate->state == GS_GATE_OPEN;
          gs->gridlocked += gate->state == GS_GATE_FAILED
                            && c->state == GS_CASE_GRIDLOCKED;
          GsTime until = gate->state == GS_GATE_OPEN ? s->end : gate->closed;
          gs->days_open += gs_time_days_between (gate->opened, until);
        }
    }
}

static int
cmp_hotspot (const void *a, const void *b)
{
  const GsHotspot *x = a, *y = b;
  if (x->gridlocked != y->gridlocked)
    return x->gridlocked > y->gridlocked ? -1 : 1;
  if (x->stalls != y->stalls)
    return x->stalls > y->stalls ? -1 : 1;
  if (x->days != y->days)
    return x->days > y->days ? -1 : 1;
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

static void
fill_hotspots (GsSummary *sum)
{
  for (guint i = 0; i < sum->bodies->len; i++)
    {
      const GsBodyStats *b = &g_array_index (sum->bodies, GsBodyStats, i);
      GsHotspot h = { .kind = GS_HOTSPOT_BODY,
                      .index = i,
                      .gridlocked = b->gridlocked,
                      .stalls = b->inquorate + b->item_inquorate + b->ties
                                + (b->blocked - b->settled_by_fallback)
                                + b->splits + b->no_votes,
                      .days = b->days_held };
      if (h.gridlocked + h.stalls > 0 || b->pending > 0)
        g_array_append_val (sum->hotspots, h);
    }
  for (guint i = 0; i < sum->gateways->len; i++)
    {
      const GsGatewayStats *g
          = &g_array_index (sum->gateways, GsGatewayStats, i);
      GsHotspot h = { .kind = GS_HOTSPOT_GATEWAY,
                      .index = i,
                      .gridlocked = g->gridlocked,
                      .stalls = g->open_at_end,
                      .days = g->days_open };
      if (h.gridlocked + h.stalls > 0)
        g_array_append_val (sum->hotspots, h);
    }
  g_array_sort (sum->hotspots, cmp_hotspot);
}

GsSummary *
gs_summary_new (const GsRun *run)
{
  const GsScenario *s = run->scenario;
  GsSummary *sum = g_new0 (GsSummary, 1);
  sum->matters = g_array_new (FALSE, TRUE, sizeof (GsMatterStats));
  sum->cells = g_array_new (FALSE, TRUE, sizeof (GsCellStats));
  sum->bodies = g_array_new (FALSE, TRUE, sizeof (GsBodyStats));
  sum->gateways = g_array_new (FALSE, TRUE, sizeof (GsGatewayStats));
  sum->hotspots = g_array_new (FALSE, TRUE, sizeof (GsHotspot));
  for (guint b = 0; b < s->bodies->len; b++)
    {
      const GsBodyCounters *st = gs_run_body_counters (run, b);
      GsBodyStats bs = { .body = b,
                         .meetings = st->meetings,
                         .inquorate = st->inquorate,
                         .item_inquorate = st->item_inquorate,
                         .carried = st->carried,
                         .ties = st->ties,
                         .casting = st->casting,
                         .blocked = st->blocked,
                         .settled_by_fallback = st->settled_by_fallback,
                         .no_votes = st->no_votes,
                         .splits = st->splits,
                         .conflicts = st->conflicts,
                         .disputes = st->disputes,
                         .breaches = st->breaches };
      g_array_append_val (sum->bodies, bs);
    }
  const GsRunCounters *k = gs_run_counters (run);
  memcpy (sum->breaches, k->breaches, sizeof sum->breaches);
  sum->breach_total = k->breach_total;
  sum->organisations = s->organisations->len;
  for (guint i = 0; i < s->organisations->len; i++)
    sum->schemes += GS_ORG (s, i)->has_scheme ? 1 : 0;
  fill_cases (run, sum);
  fill_slots (run, sum);
  fill_gateways (run, sum);
  fill_hotspots (sum);
  return sum;
}

void
gs_summary_free (GsSummary *sum)
{
  if (sum == NULL)
    return;
  g_array_unref (sum->matters);
  g_array_unref (sum->cells);
  g_array_unref (sum->bodies);
  g_array_unref (sum->gateways);
  g_array_unref (sum->hotspots);
  g_free (sum);
}

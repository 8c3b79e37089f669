/* gs-text-summary.c — the summary of a run in a few fixed-width tables
 * and sentences, and each proposal's journey.
 *
 * Everything here formats a GsSummary the analysis layer computed, or the
 * records the run kept (the journeys); nothing is counted here.  The
 * summary reads only counters and cases, so it is the same whether or not
 * the run kept records; the journeys need the records and are empty
 * without them.
 */
#include "write/gs-text-private.h"

#include <math.h>

static void
append_count (GString *out, guint n, const char *one, const char *many)
{
  g_string_append_printf (out, "%u %s", n, n == 1 ? one : many);
}

/* "2 inquorate meetings, 3 tied votes with no casting vote and 1 blocked
 * consensus" from the non-zero counts; nothing when all are zero.  Each
 * qualifier follows the count it explains. */
static void
append_stalls (GString *out, const GsBodyStats *b, const GsBody *body)
{
  const char *no_casting = body->voting.casting ? "" : " with no casting vote";
  const char *consensus = body->voting.rule == GS_RULE_CONSENSUS
                              ? " under its consensus rule"
                              : "";
  struct
  {
    guint n;
    const char *one, *many;
    const char *why;  /* what explains the count, after it */
    gboolean blocked; /* the blocked votes the majority did not settle */
  } parts[] = {
    { b->inquorate, "inquorate meeting", "inquorate meetings", "", FALSE },
    { b->item_inquorate, "item left inquorate by conflicts of interest",
      "items left inquorate by conflicts of interest", "", FALSE },
    { b->ties, "tied vote", "tied votes", no_casting, FALSE },
    { b->blocked - b->settled_by_fallback, "blocked consensus",
      "blocked consensus votes", consensus, TRUE },
    { b->splits, "split of the committees in common",
      "splits of the committees in common", "", FALSE },
    { b->no_votes, "vote with no votes cast", "votes with no votes cast", "",
      FALSE },
  };
  guint shown = 0, total = 0;
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    total += parts[i].n > 0;
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (parts[i].n == 0)
        continue;
      if (shown > 0)
        g_string_append (out, shown + 1 == total ? " and " : ", ");
      if (parts[i].blocked && b->settled_by_fallback > 0)
        /* Some blocked votes were settled by the majority vote: say how
         * many of them were not. */
        g_string_append_printf (out,
                                "%u of %u blocked consensus votes not settled "
                                "by the majority vote that follows",
                                parts[i].n, b->blocked);
      else
        {
          append_count (out, parts[i].n, parts[i].one, parts[i].many);
          g_string_append (out, parts[i].why);
        }
      shown++;
    }
}

/* "3 blocked consensus votes, all settled by the majority vote that
 * follows", or "2 of 3 ...": the blocked votes that were no stall. */
static void
append_settled (GString *out, const GsBodyStats *b)
{
  guint k = b->settled_by_fallback;
  if (k == b->blocked)
    g_string_append_printf (out,
                            "%u blocked consensus vote%s, %ssettled by the "
                            "majority vote that follows",
                            k, k == 1 ? "" : "s", k == 1 ? "" : "all ");
  else
    g_string_append_printf (out,
                            "%u of %u blocked consensus votes settled by "
                            "the majority vote that follows",
                            k, b->blocked);
}

void
gs__text_hotspot (GString *out, const GsRun *run, const GsSummary *sum,
                  const GsHotspot *h)
{
  const GsScenario *s = gs_run_get_scenario (run);
  if (h->kind == GS_HOTSPOT_BODY)
    {
      const GsBodyStats *b
          = &g_array_index (sum->bodies, GsBodyStats, h->index);
      const GsBody *body = GS_BODY (s, b->body);
      gs__text_body (out, s, b->body);
      g_string_append (out, ": ");
      gboolean any = FALSE;
      if (b->gridlocked > 0)
        {
          append_count (out, b->gridlocked, "dispute", "disputes");
          g_string_append (out, " ran out of escalation levels (gridlock)");
          any = TRUE;
        }
      if (h->stalls > 0)
        {
          g_string_append (out, any ? "; " : "");
          append_stalls (out, b, body);
          any = TRUE;
        }
      if (b->settled_by_fallback > 0 && b->settled_by_fallback == b->blocked)
        {
          g_string_append (out, any ? "; " : "");
          append_settled (out, b);
          any = TRUE;
        }
      if (b->disputes > 0)
        {
          g_string_append (out, any ? "; " : "");
          append_count (out, b->disputes, "dispute", "disputes");
          g_string_append (out, " escalated");
          any = TRUE;
        }
      if (b->pending > 0)
        {
          g_string_append (out, any ? "; " : "");
          append_count (out, b->pending, "item", "items");
          g_string_append (out, " still before it at the end");
        }
      if (b->days_held >= 0.5)
        g_string_append_printf (
            out, "; items waited %.0f days before it in all", b->days_held);
      return;
    }
  const GsGatewayStats *g
      = &g_array_index (sum->gateways, GsGatewayStats, h->index);
  g_string_append_printf (out, "pathway '%s', ",
                          GS_PATHWAY (s, g->pathway)->name);
  gs__text_gateway (out, s, g->pathway, g->gateway);
  g_string_append_printf (out, ": reached %u time%s, passed %u", g->reached,
                          g->reached == 1 ? "" : "s", g->passed);
  if (g->failed > 0)
    g_string_append_printf (out, ", failed %u", g->failed);
  if (g->gridlocked > 0)
    g_string_append_printf (out, " (%u gridlocked)", g->gridlocked);
  if (g->open_at_end > 0)
    g_string_append_printf (out, ", still open for %u at the end",
                            g->open_at_end);
  g_string_append_printf (out, "; open %.0f days in all", g->days_open);
}

void
gs__text_no_hotspot (GString *out, const GsSummary *sum)
{
  const GsOutcomeStats *all = &sum->all;
  guint settled = 0;
  for (guint i = 0; i < sum->bodies->len; i++)
    settled += g_array_index (sum->bodies, GsBodyStats, i).settled_by_fallback;
  if (all->escalated == 0 && settled == 0)
    {
      if (all->missed == 0 && all->pending == 0)
        g_string_append (out, "Nowhere: every meeting was quorate, every vote "
                              "was carried or lost outright and nothing was "
                              "left waiting.");
      else
        g_string_append_printf (
            out,
            "No body gridlocked: every meeting was quorate and every vote "
            "was carried or lost outright, but %u proposal%s missed a "
            "deadline and %u %s still waiting at the end, held up by the "
            "meeting calendar, notice or agenda room.",
            all->missed, all->missed == 1 ? "" : "s", all->pending,
            all->pending == 1 ? "was" : "were");
      return;
    }
  /* Nothing stalled, but not every vote ended its item outright. */
  g_string_append (out, "No body gridlocked: every meeting was quorate");
  if (all->escalated > 0)
    g_string_append_printf (out,
                            " and no dispute ran out of escalation levels, "
                            "but %u proposal%s went to dispute resolution "
                            "rather than being carried or lost outright",
                            all->escalated, all->escalated == 1 ? "" : "s");
  else
    g_string_append (out, " and every vote was carried or lost");
  if (settled > 0)
    g_string_append_printf (out,
                            "; %u blocked consensus vote%s %s settled by the "
                            "majority vote that follows",
                            settled, settled == 1 ? "" : "s",
                            settled == 1 ? "was" : "were");
  if (all->missed > 0 || all->pending > 0)
    g_string_append_printf (out,
                            "; %u proposal%s missed a deadline and %u %s "
                            "still waiting at the end",
                            all->missed, all->missed == 1 ? "" : "s",
                            all->pending, all->pending == 1 ? "was" : "were");
  g_string_append_c (out, '.');
}

gboolean
gs__text_settled_note (GString *out, const GsRun *run, const GsSummary *sum,
                       guint i)
{
  const GsBodyStats *b = &g_array_index (sum->bodies, GsBodyStats, i);
  if (b->settled_by_fallback == 0)
    return FALSE;
  for (guint j = 0; j < sum->hotspots->len; j++)
    {
      const GsHotspot *h = &g_array_index (sum->hotspots, GsHotspot, j);
      if (h->kind == GS_HOTSPOT_BODY && h->index == i)
        return FALSE;
    }
  gs__text_body (out, gs_run_get_scenario (run), b->body);
  g_string_append (out, ": ");
  append_settled (out, b);
  return TRUE;
}

/* The width a name column needs for @name: its length in characters, up
 * to a cap beyond which the tables cut names rather than grow. */
static glong
name_width (const char *name)
{
  return MIN (g_utf8_strlen (name, -1), GS_TEXT_NAME_MAX);
}

static void
append_outcome_row (GString *out, const GsOutcomeStats *o)
{
  g_string_append_printf (out, "%7u %8u %8u %6u %7u", o->arrived, o->approved,
                          o->rejected, o->gridlocked, o->pending);
  gs__text_days (out, o->median_days);
  gs__text_days (out, o->p90_days);
  g_string_append_printf (out, " %6u %9u %7u\n", o->missed, o->escalated,
                          o->climbed);
}

static void
append_outcome_header (GString *out, const char *first, glong w1,
                       const char *second, glong w2, const char *what)
{
  gs__text_cell (out, first, w1 + 1);
  if (second)
    gs__text_cell (out, second, w2 + 1);
  g_string_append_printf (out,
                          "%7s approved rejected gridlk pending  median"
                          "     p90 missed escalated  levels\n",
                          what);
  gs__text_cell (out, "", w1 + 1 + (second ? w2 + 1 : 0));
  g_string_append (out, "                                           days    "
                        "days\n");
}

/* Each case's records, in order, through a linked list built in one pass. */
void
gs_report_text_journeys (const GsRun *run, GString *out)
{
  guint n = gs_run_n_cases (run);
  guint n_records = gs_run_n_records (run);
  if (n == 0 || n_records == 0)
    return;
  g_autofree guint32 *head = NULL, *next = NULL;
  gs__text_link_journeys (run, &head, &next);
  /* Long runs show only the journeys worth reading. */
  gboolean all = n <= 200;
  g_string_append_printf (out, "\nJourneys%s\n",
                          all ? "" : " of proposals that did not go smoothly");
  guint omitted = 0;
  for (guint i = 0; i < n; i++)
    {
      const GsCase *c = gs_run_get_case (run, i);
      if (!all && c->state != GS_CASE_GRIDLOCKED && c->state != GS_CASE_WAITING
          && !c->missed && c->disputes == 0 && c->returns == 0)
        {
          omitted++;
          continue;
        }
      g_autofree char *title = gs_run_case_title (run, i);
      g_string_append_printf (out, "\n'%s': %s", title,
                              gs__text_state (c->state));
      if (c->state != GS_CASE_WAITING)
        g_string_append_printf (out, " after %.0f days",
                                gs_time_days_between (c->arrives, c->decided));
      if (c->missed)
        g_string_append (out, ", deadline missed");
      g_string_append_c (out, '\n');
      for (guint32 k = head[i]; k != GS_NONE; k = next[k])
        {
          const GsRecord *r = gs_run_get_record (run, k);
          g_string_append (out, "  ");
          gs_report_text_record (out, run, r, gs_run_record_refs (run, r));
        }
    }
  if (omitted > 0)
    g_string_append_printf (out,
                            "\n(%u proposal%s decided without a dispute, a "
                            "return or a missed deadline %s not shown; the "
                            "trace has every step.)\n",
                            omitted, omitted == 1 ? "" : "s",
                            omitted == 1 ? "is" : "are");
}

/* The breaches of delegation limits: how many of each kind, then each one
 * (the first BREACH_LIST_MAX; the trace has them all). */
#define BREACH_LIST_MAX 20

static void
append_breaches (GString *out, const GsRun *run, const GsSummary *sum)
{
  guint schemes = sum->schemes;
  guint total = sum->breach_total;
  g_string_append (out, "\nWhere decisions breach delegation limits\n");
  if (schemes == 0)
    g_string_append (out, "  Authority not checked: no organisation in this "
                          "scenario has a scheme of delegation.\n");
  if (total == 0 && schemes == 0)
    {
      g_string_append (out, "  No conflicted member voted and every affected "
                            "organisation had a member on the bodies that "
                            "bound it.\n");
      return;
    }
  if (total == 0)
    {
      g_string_append_printf (out,
                              "  Nowhere: every approval was within the "
                              "authority its body held (%u of %u "
                              "organisation%s ha%s a scheme of delegation).\n",
                              schemes, sum->organisations,
                              sum->organisations == 1 ? "" : "s",
                              schemes == 1 ? "s" : "ve");
      return;
    }
  g_string_append_printf (out, "  %u breach%s: ", total,
                          total == 1 ? "" : "es");
  gboolean first = TRUE;
  for (guint k = 0; k < GS_N_BREACHES; k++)
    if (sum->breaches[k] > 0)
      {
        g_string_append_printf (out, "%s%s %u", first ? "" : ", ",
                                gs_breach_to_string ((GsBreach)k),
                                sum->breaches[k]);
        first = FALSE;
      }
  g_string_append (out, ".\n");
  guint listed = gs_run_counters (run)->n_examples;
  for (guint i = 0; i < listed; i++)
    {
      const guint32 *refs;
      const GsRecord *r = gs_run_breach_example (run, i, &refs);
      char d[GS_DATE_BUF];
      g_string_append_printf (out, "  %s ", gs_time_format_date (r->time, d));
      gs_report_append_breach (out, run, r, refs);
      g_string_append (out, ".\n");
    }
  if (total > listed)
    g_string_append_printf (out,
                            "  ...and %u more (run with --trace to see "
                            "every one).\n",
                            total - listed);
}

void
gs_report_text_summary (const GsRun *run, const GsSummary *sum, GString *out)
{
  const GsScenario *s = gs_run_get_scenario (run);
  const GsOutcomeStats *all = &sum->all;
  char d1[GS_DATE_BUF], d2[GS_DATE_BUF];

  g_string_append_printf (out, "govsim run: %s\n", s->name);
  g_string_append_printf (
      out, "Period %s to %s (%.0f days), seed %" G_GUINT64_FORMAT,
      gs_time_format_date (s->start, d1),
      gs_time_format_date (s->end - GS_MINUTES_PER_DAY, d2),
      gs_time_days_between (s->start, s->end), gs_run_get_seed (run));
  if (gs_run_get_replication (run) != 0)
    g_string_append_printf (out, ", replication %" G_GUINT64_FORMAT,
                            gs_run_get_replication (run));
  g_string_append_c (out, '\n');
  g_string_append_printf (out,
                          "%u proposal%s arrived: %u approved, %u rejected, "
                          "%u gridlocked, %u still pending at the end; %u "
                          "missed a deadline; %u went to dispute "
                          "resolution.\n",
                          all->arrived, all->arrived == 1 ? "" : "s",
                          all->approved, all->rejected, all->gridlocked,
                          all->pending, all->missed, all->escalated);

  g_string_append (out, "\nWhere decisions gridlock\n");
  if (sum->hotspots->len == 0)
    {
      g_string_append (out, "  ");
      gs__text_no_hotspot (out, sum);
      g_string_append_c (out, '\n');
    }
  for (guint i = 0; i < MIN (sum->hotspots->len, 6); i++)
    {
      g_string_append_printf (out, "  %u. ", i + 1);
      gs__text_hotspot (out, run, sum,
                        &g_array_index (sum->hotspots, GsHotspot, i));
      g_string_append (out, ".\n");
    }
  /* Bodies whose only blocked votes were settled are no hotspot; say so. */
  for (guint i = 0; sum->hotspots->len > 0 && i < sum->bodies->len; i++)
    {
      g_autoptr (GString) note = g_string_new (NULL);
      if (gs__text_settled_note (note, run, sum, i))
        g_string_append_printf (out, "  Not gridlock: %s.\n", note->str);
    }

  append_breaches (out, run, sum);

  /* Name columns as wide as the longest name they show, from the usual
   * width up to a cap beyond which names are cut. */
  glong mw = GS_TEXT_MATTER_W, bw = GS_TEXT_BODY_W;
  for (guint i = 0; i < sum->matters->len; i++)
    mw = MAX (
        mw,
        name_width (
            GS_MATTER (s, g_array_index (sum->matters, GsMatterStats, i).matter)
                ->name));
  for (guint i = 0; i < sum->cells->len; i++)
    bw = MAX (
        bw,
        name_width (GS_BODY (s, g_array_index (sum->cells, GsCellStats, i).body)
                        ->name));
  for (guint i = 0; i < sum->bodies->len; i++)
    bw = MAX (bw,
              name_width (
                  GS_BODY (s, g_array_index (sum->bodies, GsBodyStats, i).body)
                      ->name));

  g_string_append (out, "\nProposals by matter type\n");
  append_outcome_header (out, "matter", mw, NULL, 0, "arrived");
  for (guint i = 0; i < sum->matters->len; i++)
    {
      const GsMatterStats *m = &g_array_index (sum->matters, GsMatterStats, i);
      gs__text_cell (out, GS_MATTER (s, m->matter)->name, mw);
      g_string_append_c (out, ' ');
      append_outcome_row (out, &m->o);
    }

  g_string_append (out, "\nDecisions by body and matter (items that reached "
                        "the body; days from reaching it)\n");
  append_outcome_header (out, "body", bw, "matter", mw, "reached");
  for (guint i = 0; i < sum->cells->len; i++)
    {
      const GsCellStats *c = &g_array_index (sum->cells, GsCellStats, i);
      gs__text_cell (out, GS_BODY (s, c->body)->name, bw);
      g_string_append_c (out, ' ');
      gs__text_cell (out, GS_MATTER (s, c->matter)->name, mw);
      g_string_append_c (out, ' ');
      append_outcome_row (out, &c->o);
    }

  if (sum->gateways->len > 0)
    {
      /* "Pathway: gateway k of n, name", as wide as the longest, capped. */
      g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
      glong gw = bw + mw + 1;
      for (guint i = 0; i < sum->gateways->len; i++)
        {
          const GsGatewayStats *g
              = &g_array_index (sum->gateways, GsGatewayStats, i);
          GString *label = g_string_new (NULL);
          g_string_append_printf (label,
                                  "%s: ", GS_PATHWAY (s, g->pathway)->name);
          gs__text_gateway (label, s, g->pathway, g->gateway);
          gw = MAX (gw,
                    MIN (g_utf8_strlen (label->str, -1), 2 * GS_TEXT_NAME_MAX));
          g_ptr_array_add (labels, g_string_free (label, FALSE));
        }
      g_string_append (out, "\nGateways\n");
      gs__text_cell (out, "pathway and gateway", gw + 1);
      g_string_append (out, "reached  passed  failed skipped    open gridlk"
                            " days open\n");
      for (guint i = 0; i < sum->gateways->len; i++)
        {
          const GsGatewayStats *g
              = &g_array_index (sum->gateways, GsGatewayStats, i);
          gs__text_cell (out, g_ptr_array_index (labels, i), gw);
          g_string_append_printf (out, " %7u %7u %7u %7u %7u %6u %9.0f\n",
                                  g->reached, g->passed, g->failed, g->skipped,
                                  g->open_at_end, g->gridlocked, g->days_open);
        }
    }

  g_string_append (out, "\nMeetings by body\n");
  gs__text_cell (out, "body", bw + 1);
  g_string_append (out, "meetings inquorate item-inq  carried    ties "
                        "casting blocked settled  splits conflicts disputes\n");
  for (guint i = 0; i < sum->bodies->len; i++)
    {
      const GsBodyStats *b = &g_array_index (sum->bodies, GsBodyStats, i);
      gs__text_cell (out, GS_BODY (s, b->body)->name, bw);
      g_string_append_c (out, ' ');
      g_string_append_printf (
          out, "%8u %9u %8u %8u %7u %7u %7u %7u %7u %9u %8u\n", b->meetings,
          b->inquorate, b->item_inquorate, b->carried, b->ties, b->casting,
          b->blocked, b->settled_by_fallback, b->splits, b->conflicts,
          b->disputes);
    }
}

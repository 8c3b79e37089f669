/* gs-html.c — a run as one self-contained HTML page for a board paper.
 *
 * The page has no script, no external stylesheet, font or image: the
 * pictures are inline SVG (the structure drawn by Graphviz, the charts by
 * cairo, gs-chart.c), the style one <style> element with print rules, so
 * the file can be attached to a board paper, opened offline, read with
 * scripts disabled and printed.  Every string from the scenario is escaped
 * with g_markup_escape_text() (& < > " ' all become entities) on its way
 * into the page; the sentences come from the text writer, so the page says
 * exactly what `govsim run` says.  Sections, in order: the headline, where
 * decisions gridlock, where they breach delegation limits (each breach
 * with its chain of delegations), the structure and what `govsim check`
 * flags on it, the charts, proposals by matter type, each body's
 * decisions and meetings, gateways, and each proposal's journey as a
 * collapsible <details> (for runs of more than 200 proposals, only those
 * that did not go smoothly, as in the text).
 */
#include "write/gs-chart-private.h"
#include "write/gs-html-private.h"
#include "write/gs-text-private.h"
#include "write/gs-write-private.h"

#include <govsim/gs-series.h>

#include <math.h>

static void
cell_u (GString *out, guint v)
{
  g_string_append_printf (out, "<td>%u</td>", v);
}

static void
cell_days (GString *out, double d)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_string_append_printf (
      out, "<td>%s</td>",
      isnan (d) ? "–" : g_ascii_formatd (buf, sizeof buf, "%.1f", d));
}

static void
outcome_head (GString *out, const char *first)
{
  g_string_append_printf (
      out,
      "<table><thead><tr><th>%s</th><th>arrived</th><th>approved</th>"
      "<th>rejected</th><th>gridlocked</th><th>pending</th><th>median "
      "days</th><th>p90 days</th><th>missed deadline</th><th>escalated</th>"
      "</tr></thead><tbody>\n",
      first);
}

static void
outcome_cells (GString *out, const GsOutcomeStats *o)
{
  cell_u (out, o->arrived);
  cell_u (out, o->approved);
  cell_u (out, o->rejected);
  cell_u (out, o->gridlocked);
  cell_u (out, o->pending);
  cell_days (out, o->median_days);
  cell_days (out, o->p90_days);
  cell_u (out, o->missed);
  cell_u (out, o->escalated);
  g_string_append (out, "</tr>\n");
}

static void
write_headline (GString *out, const GsRun *run, const GsSummary *sum)
{
  const GsScenario *s = gs_run_get_scenario (run);
  const GsOutcomeStats *a = &sum->all;
  char d1[GS_DATE_BUF], d2[GS_DATE_BUF];
  g_string_append (out, "<header><h1>");
  gs__html_esc (out, s->name);
  g_string_append (out, "</h1><p class=\"meta\">");
  gs__html_esc (out, s->source);
  g_string_append_printf (
      out,
      " · period %s to %s (%.0f days) · seed %" G_GUINT64_FORMAT
      " · govsim %s</p></header>\n",
      gs_time_format_date (s->start, d1),
      gs_time_format_date (s->end - GS_MINUTES_PER_DAY, d2),
      gs_time_days_between (s->start, s->end), gs_run_get_seed (run),
      GOVSIM_VERSION);
  g_string_append_printf (
      out,
      "<section id=\"headline\"><h2>Headline</h2><p class=\"headline\">%u "
      "proposal%s arrived: <b>%u approved</b>, %u rejected, <b>%u "
      "gridlocked</b>, %u still pending at the end; %u missed a deadline; %u "
      "went to dispute resolution; %u breach%s of delegation limits.</p>"
      "</section>\n",
      a->arrived, a->arrived == 1 ? "" : "s", a->approved, a->rejected,
      a->gridlocked, a->pending, a->missed, a->escalated, sum->breach_total,
      sum->breach_total == 1 ? "" : "es");
}

static void
write_gridlock (GString *out, const GsRun *run, const GsSummary *sum)
{
  g_string_append (out, "<section id=\"gridlock\"><h2>Where decisions "
                        "gridlock</h2>\n");
  if (sum->hotspots->len == 0)
    {
      g_autoptr (GString) line = g_string_new (NULL);
      gs__text_no_hotspot (line, sum);
      g_string_append (out, "<p>");
      gs__html_esc_line (out, line);
      g_string_append (out, "</p>\n");
    }
  else
    {
      g_string_append (out, "<ol>\n");
      for (guint i = 0; i < sum->hotspots->len; i++)
        {
          g_autoptr (GString) line = g_string_new (NULL);
          gs__text_hotspot (line, run, sum,
                            &g_array_index (sum->hotspots, GsHotspot, i));
          g_string_append (out, "<li>");
          gs__html_esc_line (out, line);
          g_string_append (out, "</li>\n");
        }
      g_string_append (out, "</ol>\n");
      for (guint i = 0; i < sum->bodies->len; i++)
        {
          g_autoptr (GString) note = g_string_new ("Not gridlock: ");
          if (!gs__text_settled_note (note, run, sum, i))
            continue;
          g_string_append_c (note, '.');
          g_string_append (out, "<p>");
          gs__html_esc_line (out, note);
          g_string_append (out, "</p>\n");
        }
    }
  g_string_append (out, "</section>\n");
}

static void
write_chain (GString *out, const GsScenario *s, const guint32 *refs, guint n)
{
  g_string_append (out, "<ol class=\"chain\">");
  for (guint k = 0; k < n; k++)
    {
      const GsDelegation *d = GS_DELEGATION (s, refs[k]);
      g_autoptr (GString) t = g_string_new (NULL);
      g_string_append_printf (t, "%s → %s: ", GS_BODY (s, d->by)->name,
                              GS_BODY (s, d->to)->name);
      for (guint m = 0; m < d->n_matters; m++)
        g_string_append_printf (t, "%s%s", m ? ", " : "",
                                GS_MATTER (s, d->matters[m])->name);
      if (d->limit < GS_VALUE_MAX)
        {
          g_string_append (t, ", up to ");
          gs_phrase_money (t, d->limit);
        }
      if (d->id != NULL)
        g_string_append_printf (t, " (delegation '%s', line %d)", d->id,
                                d->line);
      else
        g_string_append_printf (t, " (line %d)", d->line);
      g_string_append (out, "<li>");
      gs__html_esc (out, t->str);
      g_string_append (out, "</li>");
    }
  g_string_append (out, "</ol>\n");
}

static void
write_breaches (GString *out, const GsRun *run, const GsSummary *sum)
{
  const GsScenario *s = gs_run_get_scenario (run);
  g_string_append (out, "<section id=\"breaches\"><h2>Where decisions breach "
                        "delegation limits</h2>\n");
  if (sum->schemes == 0)
    g_string_append (out, "<p>Authority not checked: no organisation in this "
                          "scenario has a scheme of delegation.</p>\n");
  if (sum->breach_total == 0)
    {
      g_string_append (out, "<p>Nowhere: no decision breached a delegation "
                            "limit.</p></section>\n");
      return;
    }
  g_string_append (out, "<table><thead><tr><th>breach</th><th>count</th>"
                        "</tr></thead><tbody>\n");
  for (guint k = 0; k < GS_N_BREACHES; k++)
    if (sum->breaches[k] > 0)
      {
        g_string_append (out, "<tr><td>");
        gs__html_esc (out, gs_breach_to_string ((GsBreach)k));
        g_string_append (out, "</td>");
        cell_u (out, sum->breaches[k]);
        g_string_append (out, "</tr>\n");
      }
  g_string_append (out, "</tbody></table>\n<ol>\n");
  guint listed = gs_run_counters (run)->n_examples;
  for (guint i = 0; i < listed; i++)
    {
      const guint32 *refs;
      const GsRecord *r = gs_run_breach_example (run, i, &refs);
      char d[GS_DATE_BUF];
      g_autoptr (GString) t = g_string_new (NULL);
      g_string_append_printf (t, "%s ", gs_time_format_date (r->time, d));
      gs_report_append_breach (t, run, r, refs);
      g_string_append (out, "<li>");
      gs__html_esc_line (out, t);
      g_string_append (out, ".");
      if (r->kind == GS_REC_BREACH && r->n_refs > 0)
        {
          g_string_append (out, "<br>The chain of delegation:");
          write_chain (out, s, refs, r->n_refs);
        }
      g_string_append (out, "</li>\n");
    }
  g_string_append (out, "</ol>\n");
  if (sum->breach_total > listed)
    g_string_append_printf (out,
                            "<p>…and %u more (the trace has every one).</p>\n",
                            sum->breach_total - listed);
  g_string_append (out, "</section>\n");
}

static gboolean
write_structure (GString *out, const GsScenario *s, const GPtrArray *findings,
                 GError **error)
{
  g_autoptr (GString) svg = g_string_new (NULL);
  if (!gs_graph_write (s, findings, GS_GRAPH_SVG, svg, error))
    return FALSE;
  g_string_append (out, "<section id=\"structure\"><h2>The structure</h2>\n"
                        "<figure class=\"structure\">");
  gs__svg_inline (out, svg->str, "g-");
  g_string_append (
      out,
      "<figcaption>Organisations as boxes around their bodies; joint "
      "committees and committees in common outside them (dashed: a party's "
      "members; bold: a constituent committee); delegations in blue with "
      "their matters and limits; pathways in green, numbered by gateway; "
      "escalation ladders in purple. In red, with the rule's id: what "
      "<code>govsim check</code> flags.</figcaption></figure>\n");
  g_string_append (out, "<h3>What <code>govsim check</code> flags</h3>\n");
  if (findings == NULL || findings->len == 0)
    g_string_append (out, "<p>Nothing: no finding.</p>\n");
  else
    {
      g_string_append (out, "<ul>\n");
      for (guint i = 0; i < findings->len; i++)
        {
          const GsFinding *f = g_ptr_array_index (findings, i);
          const char *sev = gs_severity_to_string (f->severity);
          g_string_append_printf (out, "<li><span class=\"sev-%s\">%s</span> ",
                                  sev, sev);
          g_string_append (out, "[<code>");
          gs__html_esc (out, f->rule->id);
          g_string_append_printf (out, "</code>] line %d: ", f->line);
          gs__html_esc (out, f->message);
          g_string_append (out, "</li>\n");
        }
      g_string_append (out, "</ul>\n");
    }
  g_string_append (out, "</section>\n");
  return TRUE;
}

static gboolean
write_charts (GString *out, const GsRun *run, const GsSummary *sum,
              GError **error)
{
  const GsScenario *s = gs_run_get_scenario (run);
  g_autoptr (GsSeries) se = gs_series_new (run);
  g_autoptr (GString) a = g_string_new (NULL);
  g_autoptr (GString) b = g_string_new (NULL);
  g_autoptr (GString) c = g_string_new (NULL);
  guint omitted = 0;
  if (!gs__chart_outcomes (s, sum, a, error) || !gs__chart_days (se, b, error)
      || !gs__chart_backlog (s, se, c, &omitted, error))
    return FALSE;
  g_string_append (out, "<section id=\"charts\"><h2>Charts</h2>\n<figure>");
  gs__svg_inline (out, a->str, "c1-");
  g_string_append (out, "<figcaption>Outcomes by matter type: how many "
                        "proposals of each type were approved, rejected, "
                        "gridlocked or still pending at the end.</figcaption>"
                        "</figure>\n<figure>");
  gs__svg_inline (out, b->str, "c2-");
  g_string_append (out, "<figcaption>Days to decision: the proposals "
                        "approved or rejected, by the days from arrival to "
                        "decision.</figcaption></figure>\n<figure>");
  gs__svg_inline (out, c->str, "c3-");
  g_string_append_printf (
      out,
      "<figcaption>Each body's backlog: the items waiting before it (on its "
      "agenda or in a dispute that arose there), %s over the period.",
      se->step_days == 1 ? "day by day" : "week by week");
  if (omitted > 0)
    g_string_append_printf (out,
                            " The %u bodies with the largest backlogs are "
                            "drawn; %u other%s had items too.",
                            (guint)(se->backlog->len - omitted), omitted,
                            omitted == 1 ? "" : "s");
  g_string_append (out, "</figcaption></figure>\n</section>\n");
  return TRUE;
}

static void
write_tables (GString *out, const GsScenario *s, const GsSummary *sum)
{
  g_string_append (out, "<section id=\"matters\"><h2>Proposals by matter "
                        "type</h2>\n");
  outcome_head (out, "matter type");
  for (guint i = 0; i < sum->matters->len; i++)
    {
      const GsMatterStats *m = &g_array_index (sum->matters, GsMatterStats, i);
      g_string_append (out, "<tr><td>");
      gs__html_esc (out, GS_MATTER (s, m->matter)->name);
      g_string_append (out, "</td>");
      outcome_cells (out, &m->o);
    }
  g_string_append (out, "<tr><td><b>all</b></td>");
  outcome_cells (out, &sum->all);
  g_string_append (out, "</tbody></table></section>\n");

  g_string_append (out, "<section id=\"bodies\"><h2>Bodies</h2>\n");
  for (guint i = 0; i < sum->bodies->len; i++)
    {
      const GsBodyStats *b = &g_array_index (sum->bodies, GsBodyStats, i);
      const GsBody *body = GS_BODY (s, b->body);
      gboolean any_cell = FALSE;
      for (guint k = 0; k < sum->cells->len; k++)
        any_cell |= g_array_index (sum->cells, GsCellStats, k).body == b->body;
      if (b->meetings == 0 && !any_cell)
        continue;
      g_autoptr (GString) name = g_string_new (NULL);
      gs__text_body (name, s, b->body);
      g_string_append (out, "<h3>");
      gs__html_esc (out, name->str);
      g_string_append (out, "</h3>\n<table><thead><tr><th>meetings</th>"
                            "<th>inquorate</th><th>carried over</th>"
                            "<th>ties</th><th>casting votes</th>"
                            "<th>blocked</th><th>settled by majority</th>"
                            "<th>splits</th>"
                            "<th>conflicts</th><th>disputes</th>"
                            "<th>breaches</th><th>pending at end</th>"
                            "</tr></thead><tbody><tr>");
      guint v[] = { b->meetings,
                    b->inquorate,
                    b->carried,
                    b->ties,
                    b->casting,
                    b->blocked,
                    b->settled_by_fallback,
                    b->splits,
                    b->conflicts,
                    b->disputes,
                    b->breaches,
                    b->pending };
      for (gsize k = 0; k < G_N_ELEMENTS (v); k++)
        g_string_append_printf (out, "<td%s>%u</td>",
                                k == 0 ? " style=\"text-align:right\"" : "",
                                v[k]);
      g_string_append (out, "</tr></tbody></table>\n");
      (void)body;
      if (!any_cell)
        continue;
      outcome_head (out, "matter type");
      for (guint k = 0; k < sum->cells->len; k++)
        {
          const GsCellStats *c = &g_array_index (sum->cells, GsCellStats, k);
          if (c->body != b->body)
            continue;
          g_string_append (out, "<tr><td>");
          gs__html_esc (out, GS_MATTER (s, c->matter)->name);
          g_string_append (out, "</td>");
          outcome_cells (out, &c->o);
        }
      g_string_append (out, "</tbody></table>\n");
    }
  g_string_append (out, "</section>\n");

  if (sum->gateways->len == 0)
    return;
  g_string_append (out, "<section id=\"gateways\"><h2>Gateways</h2>\n"
                        "<table><thead><tr><th>pathway and gateway</th>"
                        "<th>reached</th><th>passed</th><th>failed</th>"
                        "<th>skipped</th><th>open at end</th>"
                        "<th>gridlocked</th><th>days open</th></tr></thead>"
                        "<tbody>\n");
  for (guint i = 0; i < sum->gateways->len; i++)
    {
      const GsGatewayStats *g
          = &g_array_index (sum->gateways, GsGatewayStats, i);
      g_autoptr (GString) t = g_string_new (NULL);
      g_string_append_printf (t, "%s, ", GS_PATHWAY (s, g->pathway)->name);
      gs__text_gateway (t, s, g->pathway, g->gateway);
      g_string_append (out, "<tr><td>");
      gs__html_esc (out, t->str);
      g_string_append (out, "</td>");
      guint v[] = { g->reached, g->passed,      g->failed,
                    g->skipped, g->open_at_end, g->gridlocked };
      for (gsize k = 0; k < G_N_ELEMENTS (v); k++)
        cell_u (out, v[k]);
      cell_days (out, g->days_open);
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</tbody></table></section>\n");
}

static void
write_journeys (GString *out, const GsRun *run)
{
  guint n = gs_run_n_cases (run), nr = gs_run_n_records (run);
  g_string_append (out, "<section id=\"journeys\"><h2>Journeys</h2>\n");
  if (n == 0 || nr == 0)
    {
      g_string_append (out, "<p>No journeys: the run kept no records.</p>"
                            "</section>\n");
      return;
    }
  /* Each case's records, in order, as linked lists over the records. */
  g_autofree guint32 *head = NULL, *next = NULL;
  gs__text_link_journeys (run, &head, &next);
  gboolean all = n <= 200;
  if (!all)
    g_string_append (out, "<p>Only the proposals that did not go smoothly "
                          "(gridlocked, pending, late, escalated or "
                          "returned).</p>\n");
  for (guint i = 0; i < n; i++)
    {
      const GsCase *c = gs_run_get_case (run, i);
      if (!all && c->state != GS_CASE_GRIDLOCKED && c->state != GS_CASE_WAITING
          && !c->missed && c->disputes == 0 && c->returns == 0)
        continue;
      g_autofree char *title = gs_run_case_title (run, i);
      g_autoptr (GString) sum = g_string_new (NULL);
      g_string_append_printf (sum, "%s — %s", title, gs__text_state (c->state));
      if (c->state != GS_CASE_WAITING)
        g_string_append_printf (sum, " after %.0f days",
                                gs_time_days_between (c->arrives, c->decided));
      if (c->missed)
        g_string_append (sum, ", deadline missed");
      g_string_append (out, "<details><summary>");
      gs__html_esc (out, sum->str);
      g_string_append (out, "</summary><ul>\n");
      for (guint32 k = head[i]; k != GS_NONE; k = next[k])
        {
          const GsRecord *r = gs_run_get_record (run, k);
          g_autoptr (GString) line = g_string_new (NULL);
          gs_report_text_record (line, run, r, gs_run_record_refs (run, r));
          g_string_append (out, "<li>");
          gs__html_esc_line (out, line);
          g_string_append (out, "</li>\n");
        }
      g_string_append (out, "</ul></details>\n");
    }
  g_string_append (out, "</section>\n");
}

gboolean
gs_report_html_run (const GsRun *run, const GsSummary *sum,
                    const GPtrArray *findings, GString *out, GError **error)
{
  const GsScenario *s = gs_run_get_scenario (run);
  g_autoptr (GString) page = g_string_new (NULL);
  gs__html_begin (page, s->name, "govsim run");
  write_headline (page, run, sum);
  write_gridlock (page, run, sum);
  write_breaches (page, run, sum);
  if (!write_structure (page, s, findings, error)
      || !write_charts (page, run, sum, error))
    return FALSE;
  write_tables (page, s, sum);
  write_journeys (page, run);
  gs__html_end (page);
  g_string_append_len (out, page->str, (gssize)page->len);
  return TRUE;
}

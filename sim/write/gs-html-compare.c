/* gs-html-compare.c — a comparison or a sweep as one self-contained HTML
 * page.
 *
 * The page carries what `govsim compare` says in text, with the same
 * figures at the same precision: for each version against the baseline,
 * the settings of the terms of reference that differ, the findings of
 * `govsim check` that appear or vanish, the headline and each body side
 * by side with the paired difference (common random numbers), its 95%
 * interval and the unpaired interval two independent studies would give,
 * marked "≠0" where the paired interval excludes zero and "=" where the
 * versions agreed in every replication; then the transition table of the
 * proposals' fates and the proposals whose fate changes most.  Charts:
 * the versions' headline figures as side-by-side bars with whiskers, and
 * the paired differences as points with whiskers about zero.  A sweep is
 * a table of its points and lines of the figures against the swept value.
 */
#include "write/gs-chart-private.h"
#include "write/gs-html-private.h"
#include "write/gs-text-private.h"

#include <govsim/gs-checks.h>
#include <govsim/gs-compare-report.h>
#include <govsim/gs-variant.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int
digits_of (GsMetricKind kind)
{
  return kind == GS_METRIC_PROBABILITY ? 3 : kind == GS_METRIC_MEAN ? 2 : 1;
}

static void
mark_cell (GString *out, GsDifference d)
{
  if (d.identical)
    g_string_append (out, "<td title=\"identical in every replication\">="
                          "</td>");
  else if (d.excludes)
    g_string_append (out, "<td class=\"excl\" title=\"the paired interval "
                          "excludes zero\">≠0</td>");
  else
    g_string_append (out, "<td></td>");
}

static void
metric_row (GString *out, const GsMetric *m, const GsPaired *p, guint64 reps,
            gboolean skip_zero)
{
  if (skip_zero && p->a.x == 0 && p->b.x == 0)
    return;
  int dg = digits_of (m->kind);
  GsDifference d = gs_compare_difference (p, m->kind, reps);
  g_string_append (out, "<tr><td>");
  gs__html_esc (out, m->label);
  g_string_append (out, "</td>");
  gs__html_est_cells (out, gs_compare_estimate (p, m->kind, FALSE, reps), dg,
                      FALSE);
  gs__html_est_cells (out, gs_compare_estimate (p, m->kind, TRUE, reps), dg,
                      FALSE);
  gs__html_est_cells (out, d.paired, dg, TRUE);
  mark_cell (out, d);
  g_string_append (out, "<td class=\"ci\">");
  if (d.paired.defined && !isnan (d.lo_unpaired))
    {
      gs__html_num (out, d.lo_unpaired, dg, TRUE);
      g_string_append (out, " – ");
      gs__html_num (out, d.hi_unpaired, dg, TRUE);
    }
  g_string_append (out, "</td></tr>\n");
}

static const char metric_head[]
    = "<thead><tr><th></th><th>A</th><th>95% interval</th><th>B</th>"
      "<th>95% interval</th><th>B − A paired</th><th>95% interval</th>"
      "<th></th><th>unpaired interval</th></tr></thead><tbody>\n";

static void
write_changes (GString *out, const GsCompareReport *r, guint v)
{
  GPtrArray *ch = r->changes ? r->changes[v] : NULL;
  g_string_append (out, "<h3>What B changes in the terms of reference</h3>\n");
  if (ch == NULL || ch->len == 0)
    {
      g_string_append (out, "<p>Nothing: the two are the same terms.</p>\n");
      return;
    }
  g_string_append (out, "<table class=\"changes\"><thead><tr><th>what</th>"
                        "<th class=\"l\">setting</th><th class=\"l\">in A</th>"
                        "<th class=\"l\">in B</th><th class=\"l\">where</th>"
                        "</tr></thead><tbody>\n");
  for (guint i = 0; i < ch->len; i++)
    {
      const GsTermsChange *c = g_ptr_array_index (ch, i);
      g_autoptr (GString) where = g_string_new (NULL);
      if (c->line_a > 0)
        g_string_append_printf (where, "A %s:%d", r->files[0], c->line_a);
      else
        g_string_append (where, "A absent");
      if (c->line_b > 0)
        g_string_append_printf (where, "; B %s:%d", r->files[v], c->line_b);
      else
        g_string_append (where, "; B absent");
      const char *cells[] = { c->subject, c->setting, c->before, c->after };
      g_string_append (out, "<tr>");
      for (gsize k = 0; k < G_N_ELEMENTS (cells); k++)
        {
          g_string_append (out, k ? "<td class=\"l\">" : "<td>");
          gs__html_esc (out, cells[k]);
          g_string_append (out, "</td>");
        }
      g_string_append (out, "<td class=\"l\">");
      gs__html_esc (out, where->str);
      g_string_append (out, " <code>");
      gs__html_esc (out, c->target);
      g_string_append (out, "</code></td></tr>\n");
    }
  g_string_append (out, "</tbody></table>\n");
}

static void
write_findings (GString *out, const GsCompareReport *r, guint v)
{
  GPtrArray *ap = r->appeared ? r->appeared[v] : NULL;
  GPtrArray *va = r->vanished ? r->vanished[v] : NULL;
  g_string_append (out, "<h3>Findings of <code>govsim check</code> that "
                        "appear or vanish</h3>\n");
  if ((ap == NULL || ap->len == 0) && (va == NULL || va->len == 0))
    {
      g_string_append (out, "<p>The same in both.</p>\n");
      return;
    }
  g_string_append (out, "<ul class=\"findings\">\n");
  for (guint k = 0; k < 2; k++)
    {
      GPtrArray *list = k == 0 ? ap : va;
      for (guint i = 0; list != NULL && i < list->len; i++)
        {
          const GsFinding *f = g_ptr_array_index (list, i);
          const char *sev = gs_severity_to_string (f->severity);
          g_string_append_printf (out, "<li>%s ",
                                  k == 0 ? "<b>appears</b> in B:"
                                         : "<b>vanishes</b> in B:");
          gs__html_esc (out, k == 0 ? r->files[v] : r->files[0]);
          g_string_append_printf (
              out, ":%d: <span class=\"sev-%s\">%s</span> [<code>", f->line,
              sev, sev);
          gs__html_esc (out, f->rule->id);
          g_string_append (out, "</code>] ");
          gs__html_esc (out, f->message);
          g_string_append (out, "</li>\n");
        }
    }
  g_string_append (out, "</ul>\n");
}

/* Side-by-side bars of A and B for headline metrics @ms, with their
 * intervals as whiskers. */
static gboolean
bars_of (GString *out, const GsCompare *cmp, guint v, const guint *ms, guint n,
         const char *axis, const char *prefix, const char *caption,
         GError **error)
{
  guint64 reps = gs_compare_n_replications (cmp);
  g_autofree const char **groups = g_new (const char *, MAX (n, 1));
  g_autofree double *val = g_new (double, 2 * MAX (n, 1));
  g_autofree double *lo = g_new (double, 2 * MAX (n, 1));
  g_autofree double *hi = g_new (double, 2 * MAX (n, 1));
  int digits = 3;
  for (guint i = 0; i < n; i++)
    {
      const GsMetric *m = gs_compare_headline_metric (ms[i]);
      const GsPaired *p = gs_compare_headline (cmp, v, ms[i]);
      groups[i] = m->label;
      digits = digits_of (m->kind);
      for (guint k = 0; k < 2; k++)
        {
          GsEstimate e = gs_compare_estimate (p, m->kind, k == 1, reps);
          val[2 * i + k] = e.defined ? e.value : NAN;
          lo[2 * i + k] = e.defined ? e.lo : NAN;
          hi[2 * i + k] = e.defined ? e.hi : NAN;
        }
    }
  g_autofree char *a = g_strdup_printf ("A: %s", gs_compare_get_label (cmp, 0));
  g_autofree char *b = g_strdup_printf ("B: %s", gs_compare_get_label (cmp, v));
  const char *series[] = { a, b };
  g_autoptr (GString) svg = g_string_new (NULL);
  if (!gs__chart_bars (groups, n, series, 2, val, lo, hi, NAN, digits, axis,
                       svg, error))
    return FALSE;
  gs__html_figure (out, svg, prefix, caption);
  return TRUE;
}

static const guint probabilities[]
    = { GS_HEAD_APPROVED, GS_HEAD_REJECTED, GS_HEAD_GRIDLOCKED,
        GS_HEAD_PENDING,  GS_HEAD_LATE,     GS_HEAD_ANY_BREACH };

static gboolean
write_headline_charts (GString *out, const GsCompare *cmp, guint v,
                       GError **error)
{
  guint64 reps = gs_compare_n_replications (cmp);
  g_autofree char *p1 = g_strdup_printf ("v%u-c1-", v);
  if (!bars_of (out, cmp, v, probabilities, G_N_ELEMENTS (probabilities),
                "probability; whiskers: 95% intervals", p1,
                "The headline side by side: each version's probability of "
                "each outcome for a proposal, and of a breach in a period, "
                "with its 95% interval as whiskers.",
                error))
    return FALSE;
  static const guint others[]
      = { GS_HEAD_PROPOSALS, GS_HEAD_BREACHES, GS_HEAD_DAYS };
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      const GsMetric *m = gs_compare_headline_metric (others[i]);
      g_autofree char *px = g_strdup_printf ("v%u-c%u-", v, 2 + i);
      g_autofree char *cap = g_strdup_printf (
          "%s in each version, with its 95%% t interval as whiskers.",
          m->label);
      g_autoptr (GString) esc = g_string_new (NULL);
      gs__html_esc (esc, cap);
      if (!bars_of (out, cmp, v, &others[i], 1,
                    m->kind == GS_METRIC_DAYS ? "days" : "per replication", px,
                    esc->str, error))
        return FALSE;
    }
  /* The paired differences of the probabilities, about zero. */
  GsChartRow rows[G_N_ELEMENTS (probabilities)];
  for (guint i = 0; i < G_N_ELEMENTS (probabilities); i++)
    {
      const GsMetric *m = gs_compare_headline_metric (probabilities[i]);
      GsDifference d = gs_compare_difference (
          gs_compare_headline (cmp, v, probabilities[i]), m->kind, reps);
      rows[i] = (GsChartRow){ .label = m->label,
                              .e = d.paired,
                              .colour = d.excludes ? 1 : 0,
                              .mark = d.excludes };
    }
  g_autoptr (GString) svg = g_string_new (NULL);
  if (!gs__chart_intervals (rows, G_N_ELEMENTS (rows), NAN, NAN, TRUE, 3, NULL,
                            NULL, 0,
                            "B − A, paired on common random numbers; "
                            "whiskers: 95% t intervals",
                            svg, error))
    return FALSE;
  g_autofree char *p5 = g_strdup_printf ("v%u-c5-", v);
  gs__html_figure (out, svg, p5,
                   "The paired differences B − A of the headline "
                   "probabilities with their 95% intervals; a ring and "
                   "“≠0” mark an interval that excludes zero (the dashed "
                   "line).");
  return TRUE;
}

static void
percent (GString *out, guint64 x, guint64 of)
{
  gs__html_num (out, of ? 100.0 * (double)x / (double)of : 0.0, 1, FALSE);
  g_string_append_c (out, '%');
}

static void
write_cases (GString *out, const GsCompareReport *r, guint v)
{
  const GsCompareCase *all = gs_compare_all_cases (r->cmp, v);
  g_string_append (out, "<h3>Fates of proposals, A (rows) → B (columns), "
                        "proposal-replications</h3>\n<table class=\"fates\">"
                        "<thead><tr><th></th>");
  for (guint b = 0; b < GS_N_FATES; b++)
    g_string_append_printf (out, "<th>%s</th>", gs_fate_to_string (b));
  g_string_append (out, "</tr></thead><tbody>\n");
  for (guint a = 0; a < GS_N_FATES; a++)
    {
      guint64 row = 0;
      for (guint b = 0; b < GS_N_FATES; b++)
        row += all->fate[a][b];
      if (row == 0)
        continue;
      g_string_append_printf (out, "<tr><td>%s</td>", gs_fate_to_string (a));
      for (guint b = 0; b < GS_N_FATES; b++)
        g_string_append_printf (out, "<td>%" G_GUINT64_FORMAT "</td>",
                                all->fate[a][b]);
      g_string_append (out, "</tr>\n");
    }
  g_string_append_printf (out,
                          "</tbody></table>\n<p>Breaches: %" G_GUINT64_FORMAT
                          " no breach → breach, %" G_GUINT64_FORMAT
                          " breach → no breach. The fate changed in ",
                          all->breach[0][1], all->breach[1][0]);
  percent (out, all->changed, all->seen);
  g_string_append (out, " of proposal-replications.</p>\n");

  g_autoptr (GPtrArray) top = gs_compare_most_changed (r->cmp, v, r->top);
  g_string_append (out, "<h3>Proposals whose fate changes most</h3>\n");
  if (top->len == 0)
    {
      g_string_append (out, "<p>None: every proposal has the same fate in "
                            "every replication.</p>\n");
      return;
    }
  g_string_append (out, "<ol class=\"changed\">\n");
  for (guint i = 0; i < top->len; i++)
    {
      const GsCompareCase *c = g_ptr_array_index (top, i);
      g_string_append (out, "<li>");
      gs__html_esc (out, c->title);
      g_string_append (out, ": changed in ");
      percent (out, c->changed, c->seen);
      g_string_append_printf (
          out, " of the %" G_GUINT64_FORMAT " replications it arrived in<br>",
          c->seen);
      gs__text_fate_transitions (out, c);
      g_string_append (out, "</li>\n");
    }
  g_string_append (out, "</ol>\n");
}

static void
write_versions (GString *out, const GsCompareReport *r)
{
  const GsCompare *cmp = r->cmp;
  g_string_append (out, "<section id=\"versions\"><h2>The versions</h2>\n"
                        "<ul>\n");
  for (guint v = 0; v < gs_compare_n_versions (cmp); v++)
    {
      const char *label = gs_compare_get_label (cmp, v);
      g_string_append_printf (out, "<li><b>%s</b> ", v == 0 ? "A" : "B");
      gs__html_esc (out, label);
      if (strcmp (label, r->files[v]) != 0)
        {
          g_string_append (out, " (");
          gs__html_esc (out, r->files[v]);
          g_string_append (out, ")");
        }
      g_string_append (out, v == 0 ? ": the baseline</li>\n" : "</li>\n");
    }
  g_string_append (out, "</ul>\n</section>\n");
}

static void
write_meta (GString *out, const GsCompare *cmp, const char *what)
{
  g_string_append (out, "<header><h1>");
  gs__html_esc (out, gs_scenario_get_name (gs_compare_get_scenario (cmp, 0)));
  g_string_append_printf (
      out,
      "</h1><p class=\"meta\">%s · %" G_GUINT64_FORMAT
      " replications of each version · seed %" G_GUINT64_FORMAT
      " · govsim %s</p></header>\n<p>Every version runs on the same "
      "replications with the same keyed draws (common random numbers): "
      "each sees the same traffic, attendance and ballots unless it "
      "changes them, so differences are estimated pair by pair, with 95%% "
      "intervals.</p>\n",
      what, gs_compare_n_replications (cmp), gs_compare_get_seed (cmp),
      GOVSIM_VERSION);
}

gboolean
gs_report_html_compare (const GsCompareReport *r, GString *out, GError **error)
{
  const GsCompare *cmp = r->cmp;
  guint64 reps = gs_compare_n_replications (cmp);
  const GsScenario *base = gs_compare_get_scenario (cmp, 0);
  g_autoptr (GString) page = g_string_new (NULL);
  gs__html_begin (page, gs_scenario_get_name (base), "govsim compare");
  write_meta (page, cmp, "Comparison of terms of reference");
  write_versions (page, r);
  for (guint v = 1; v < gs_compare_n_versions (cmp); v++)
    {
      g_string_append_printf (page,
                              "<section id=\"v%u\" class=\"version\">"
                              "<h2>B = ",
                              v);
      gs__html_esc (page, gs_compare_get_label (cmp, v));
      g_string_append (page, " against A = ");
      gs__html_esc (page, gs_compare_get_label (cmp, 0));
      g_string_append (page, "</h2>\n");
      write_changes (page, r, v);
      write_findings (page, r, v);
      g_string_append (page, "<h3>Headline</h3>\n<p>95% intervals; ≠0: the "
                             "paired interval excludes zero; =: identical in "
                             "every replication.</p>\n<table class=\"headline-"
                             "table\">");
      g_string_append (page, metric_head);
      for (guint m = 0; m < GS_HEAD_N; m++)
        metric_row (page, gs_compare_headline_metric (m),
                    gs_compare_headline (cmp, v, m), reps, FALSE);
      g_string_append (page, "</tbody></table>\n");
      if (!write_headline_charts (page, cmp, v, error))
        return FALSE;
      g_string_append (page, "<h3>Each body</h3>\n");
      for (guint b = 0; b < gs_compare_n_bodies (cmp); b++)
        {
          g_autoptr (GString) name = g_string_new (NULL);
          gs__text_body (name, base, b);
          g_string_append (page, "<h4>");
          gs__html_esc (page, name->str);
          if (gs_compare_body_in (cmp, v, b) < 0)
            {
              g_string_append (page, ": not in B</h4>\n");
              continue;
            }
          g_string_append (page, "</h4>\n<table>");
          g_string_append (page, metric_head);
          for (guint m = 0; m < GS_BODY_N; m++)
            metric_row (page, gs_compare_body_metric (m),
                        gs_compare_body (cmp, v, b, m), reps, TRUE);
          g_string_append (page, "</tbody></table>\n");
        }
      write_cases (page, r, v);
      g_string_append (page, "</section>\n");
    }
  gs__html_end (page);
  g_string_append_len (out, page->str, (gssize)page->len);
  return TRUE;
}

/* ---- sweeps -------------------------------------------------------------- */

static const guint sweep_metrics[]
    = { GS_HEAD_APPROVED, GS_HEAD_GRIDLOCKED, GS_HEAD_LATE, GS_HEAD_ANY_BREACH,
        GS_HEAD_DAYS };

/* The points' values as numbers when there is one target and every value
 * is one; else NULL (evenly spaced). */
static double *
numeric_points (const GsSweepReport *r, guint n)
{
  if (r->n_targets != 1 || n == 0)
    return NULL;
  double *x = g_new (double, n);
  for (guint i = 0; i < n; i++)
    {
      char *end;
      x[i] = g_ascii_strtod (r->values[i][0], &end);
      if (end == r->values[i][0] || *end != '\0' || !isfinite (x[i]))
        {
          g_free (x);
          return NULL;
        }
    }
  return x;
}

gboolean
gs_report_html_sweep (const GsSweepReport *r, GString *out, GError **error)
{
  const GsCompare *cmp = r->cmp;
  guint64 reps = gs_compare_n_replications (cmp);
  guint nv = gs_compare_n_versions (cmp);
  guint n = nv > 0 ? nv - 1 : 0;
  g_autoptr (GString) page = g_string_new (NULL);
  gs__html_begin (page, gs_scenario_get_name (gs_compare_get_scenario (cmp, 0)),
                  "govsim compare --sweep");
  g_autoptr (GString) what = g_string_new ("Sweep of ");
  gs__html_esc (what, r->source);
  g_string_append (what, " over ");
  for (guint t = 0; t < r->n_targets; t++)
    {
      g_string_append (what, t ? ", <code>" : "<code>");
      gs__html_esc (what, r->targets[t]);
      g_string_append (what, "</code>");
    }
  write_meta (page, cmp, what->str);

  g_string_append (page, "<section id=\"as-written\"><h2>As written</h2>\n"
                         "<table><thead><tr><th></th><th>estimate</th>"
                         "<th>95% interval</th></tr></thead><tbody>\n");
  for (guint k = 0; k < G_N_ELEMENTS (sweep_metrics); k++)
    {
      const GsMetric *m = gs_compare_headline_metric (sweep_metrics[k]);
      g_string_append (page, "<tr><td>");
      gs__html_esc (page, m->label);
      g_string_append (page, "</td>");
      gs__html_est_cells (
          page,
          gs_compare_estimate (gs_compare_headline (cmp, 0, sweep_metrics[k]),
                               m->kind, FALSE, reps),
          digits_of (m->kind), FALSE);
      g_string_append (page, "</tr>\n");
    }
  g_string_append (page, "</tbody></table></section>\n");

  g_string_append (page, "<section id=\"points\"><h2>Each point</h2>\n<p>Δ: "
                         "the paired difference from the file as written; "
                         "≠0: its 95% interval excludes zero; =: identical "
                         "in every replication.</p>\n<table><thead><tr>");
  for (guint t = 0; t < r->n_targets; t++)
    {
      g_string_append (page, "<th class=\"l\"><code>");
      gs__html_esc (page, r->targets[t]);
      g_string_append (page, "</code></th>");
    }
  for (guint k = 0; k < G_N_ELEMENTS (sweep_metrics); k++)
    {
      const GsMetric *m = gs_compare_headline_metric (sweep_metrics[k]);
      g_string_append (page, "<th>");
      gs__html_esc (page, m->label);
      g_string_append (page, "</th><th>95% interval</th><th>Δ</th><th></th>");
    }
  g_string_append (page, "</tr></thead><tbody>\n");
  gsize ns = G_N_ELEMENTS (sweep_metrics);
  g_autofree GsEstimate *est = g_new0 (GsEstimate, ns * MAX (n, 1));
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  for (guint v = 1; v < nv; v++)
    {
      g_string_append (page, "<tr>");
      g_autoptr (GString) lab = g_string_new (NULL);
      for (guint t = 0; t < r->n_targets; t++)
        {
          g_string_append (page, t ? "<td class=\"l\">" : "<td>");
          gs__html_esc (page, r->values[v - 1][t]);
          g_string_append (page, "</td>");
          g_string_append_printf (lab, "%s%s", t ? "; " : "",
                                  r->values[v - 1][t]);
        }
      g_ptr_array_add (labels, g_string_free (g_steal_pointer (&lab), FALSE));
      for (guint k = 0; k < ns; k++)
        {
          const GsMetric *m = gs_compare_headline_metric (sweep_metrics[k]);
          const GsPaired *p = gs_compare_headline (cmp, v, sweep_metrics[k]);
          int dg = digits_of (m->kind);
          GsEstimate e = gs_compare_estimate (p, m->kind, TRUE, reps);
          est[k * n + (v - 1)] = e;
          gs__html_est_cells (page, e, dg, FALSE);
          GsDifference d = gs_compare_difference (p, m->kind, reps);
          g_string_append (page, "<td>");
          gs__html_num (page, d.paired.defined ? d.paired.value : NAN, dg,
                        TRUE);
          g_string_append (page, "</td>");
          mark_cell (page, d);
        }
      g_string_append (page, "</tr>\n");
    }
  g_string_append (page, "</tbody></table></section>\n");

  g_autoptr (GString) xaxis = g_string_new (NULL);
  for (guint t = 0; t < r->n_targets; t++)
    g_string_append_printf (xaxis, "%s%s", t ? "; " : "", r->targets[t]);
  g_autofree double *x = numeric_points (r, n);
  const char *names[4];
  for (guint k = 0; k < 4; k++)
    names[k] = gs_compare_headline_metric (sweep_metrics[k])->label;
  g_autoptr (GString) a = g_string_new (NULL);
  g_autoptr (GString) b = g_string_new (NULL);
  if (!gs__chart_lines ((const char *const *)labels->pdata, x, n, names, 4, est,
                        0, NAN, 3, xaxis->str,
                        "probability; whiskers: 95% intervals", a, error)
      || !gs__chart_lines ((const char *const *)labels->pdata, x, n,
                           &gs_compare_headline_metric (GS_HEAD_DAYS)->label, 1,
                           est + 4 * n, NAN, NAN, 1, xaxis->str,
                           "mean days to a decision; whiskers: 95% t "
                           "intervals",
                           b, error))
    return FALSE;
  g_string_append (page, "<section id=\"charts\"><h2>Charts</h2>\n");
  gs__html_figure (page, a, "c1-",
                   "The headline probabilities at each point of the sweep, "
                   "against the swept value, each with its 95% interval as "
                   "a whisker.");
  gs__html_figure (page, b, "c2-",
                   "The mean days from arrival to decision at each point, "
                   "with its 95% Student t interval.");
  g_string_append (page, "</section>\n");
  gs__html_end (page);
  g_string_append_len (out, page->str, (gssize)page->len);
  return TRUE;
}

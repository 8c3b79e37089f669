/* gs-text-compare.c — a comparison and a sweep in words, tables and CSV.
 *
 * Every version is set beside the baseline: its estimate with a 95%
 * interval, the paired difference with its interval (common random
 * numbers: the same replications, the same keyed draws), and the interval
 * two independent studies of as many replications would give, so the
 * reader sees how much the pairing buys.  A '*' marks a paired interval
 * that excludes zero, '=' a difference that is exactly zero because the
 * two versions agreed in every replication.  Numbers go through
 * g_ascii_formatd(): the bytes do not depend on the locale.  CSV is here
 * too: it is the sweep's table without the padding.
 */
#include "write/gs-text-private.h"

#include <govsim/gs-checks.h>
#include <govsim/gs-compare-report.h>
#include <govsim/gs-variant.h>

#include <math.h>
#include <string.h>

static int
digits_of (GsMetricKind kind)
{
  return kind == GS_METRIC_PROBABILITY ? 3 : kind == GS_METRIC_MEAN ? 2 : 1;
}

static void
append_num (GString *out, double v, int digits, gboolean sign)
{
  char fmt[16], buf[G_ASCII_DTOSTR_BUF_SIZE];
  if (isnan (v))
    {
      g_string_append (out, "-");
      return;
    }
  g_snprintf (fmt, sizeof fmt, sign ? "%%+.%df" : "%%.%df", digits);
  g_ascii_formatd (buf, sizeof buf, fmt, v);
  if (buf[0] == '-' && strspn (buf + 1, "0.") == strlen (buf + 1))
    buf[0] = sign ? '+' : ' '; /* no "-0.000" */
  g_string_append (out, buf[0] == ' ' ? buf + 1 : buf);
}

/* "0.553 [0.551, 0.555]", padded to @width (when not 0) and followed by
 * at least one space; "-" when undefined. */
static void
append_est (GString *out, GsEstimate e, int digits, gboolean sign, int width)
{
  gsize start = out->len;
  if (!e.defined)
    g_string_append (out, "-");
  else
    {
      append_num (out, e.value, digits, sign);
      if (!isnan (e.lo))
        {
          g_string_append (out, " [");
          append_num (out, e.lo, digits, sign);
          g_string_append (out, ", ");
          append_num (out, e.hi, digits, sign);
          g_string_append_c (out, ']');
        }
    }
  /* At least one space before the next column, however wide the figures. */
  while ((int)(out->len - start) < width - 1)
    g_string_append_c (out, ' ');
  if (width > 0)
    g_string_append_c (out, ' ');
}

static void
append_diff (GString *out, GsDifference d, int digits)
{
  GsEstimate e = d.paired;
  append_est (out, e, digits, TRUE, 0);
  g_string_append (out, d.identical ? " =" : d.excludes ? " *" : "  ");
}

static void
append_unpaired (GString *out, GsDifference d, int digits)
{
  if (!d.paired.defined || isnan (d.lo_unpaired))
    return;
  g_string_append (out, "[");
  append_num (out, d.lo_unpaired, digits, TRUE);
  g_string_append (out, ", ");
  append_num (out, d.hi_unpaired, digits, TRUE);
  g_string_append (out, "]");
}

static void
metric_row (GString *out, const GsMetric *m, const GsPaired *p, guint64 reps,
            gboolean skip_zero)
{
  if (skip_zero && p->a.x == 0 && p->b.x == 0)
    return;
  int dg = digits_of (m->kind);
  g_string_append (out, "  ");
  gs__text_cell (out, m->label, 26);
  append_est (out, gs_compare_estimate (p, m->kind, FALSE, reps), dg, FALSE,
              23);
  append_est (out, gs_compare_estimate (p, m->kind, TRUE, reps), dg, FALSE, 23);
  gsize at = out->len;
  append_diff (out, gs_compare_difference (p, m->kind, reps), dg);
  while (out->len - at < 27)
    g_string_append_c (out, ' ');
  g_string_append_c (out, ' ');
  append_unpaired (out, gs_compare_difference (p, m->kind, reps), dg);
  g_string_append_c (out, '\n');
}

static void
table_header (GString *out, const char *title)
{
  g_string_append (out, "  ");
  gs__text_cell (out, title, 26);
  gs__text_cell (out, "A", 23);
  gs__text_cell (out, "B", 23);
  gs__text_cell (out, "B − A paired", 28);
  g_string_append (out, "unpaired\n");
}

static void
append_changes (GString *out, const GsCompareReport *r, guint v)
{
  GPtrArray *ch = r->changes ? r->changes[v] : NULL;
  g_string_append (out, "\nWhat B changes in the terms of reference\n");
  if (ch == NULL || ch->len == 0)
    {
      g_string_append (out, "  nothing: the two are the same terms\n");
      return;
    }
  for (guint i = 0; i < ch->len; i++)
    {
      const GsTermsChange *c = g_ptr_array_index (ch, i);
      g_string_append_printf (out, "  - %s, %s: %s → %s\n      ", c->subject,
                              c->setting, c->before, c->after);
      if (c->line_a > 0)
        g_string_append_printf (out, "A %s:%d", r->files[0], c->line_a);
      else
        g_string_append (out, "A absent");
      if (c->line_b > 0)
        g_string_append_printf (out, "; B %s:%d", r->files[v], c->line_b);
      else
        g_string_append (out, "; B absent");
      g_string_append_printf (out, " (%s)\n", c->target);
    }
}

static void
append_findings (GString *out, const GsCompareReport *r, guint v)
{
  GPtrArray *ap = r->appeared ? r->appeared[v] : NULL;
  GPtrArray *va = r->vanished ? r->vanished[v] : NULL;
  g_string_append (out, "\nFindings of `govsim check`\n");
  if ((ap == NULL || ap->len == 0) && (va == NULL || va->len == 0))
    {
      g_string_append (out, "  the same in both\n");
      return;
    }
  for (guint k = 0; k < 2; k++)
    {
      GPtrArray *list = k == 0 ? ap : va;
      for (guint i = 0; list != NULL && i < list->len; i++)
        {
          const GsFinding *f = g_ptr_array_index (list, i);
          g_string_append_printf (out, "  %s %s:%d: %s: [%s] %s\n",
                                  k == 0 ? "appears in B:" : "vanishes in B:",
                                  k == 0 ? r->files[v] : r->files[0], f->line,
                                  gs_severity_to_string (f->severity),
                                  f->rule->id, f->message);
        }
    }
}

static void
append_percent (GString *out, guint64 x, guint64 of)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_string_append (out,
                   g_ascii_formatd (buf, sizeof buf, "%.1f",
                                    of ? 100.0 * (double)x / (double)of : 0.0));
  g_string_append_c (out, '%');
}

/* "approved → gridlocked 23.0%, breach → no breach 100.0%" (shared with
 * the HTML page: plain words, nothing to escape). */
void
gs__text_fate_transitions (GString *out, const GsCompareCase *c)
{
  gboolean any = FALSE;
  for (guint a = 0; a < GS_N_FATES; a++)
    for (guint b = 0; b < GS_N_FATES; b++)
      if (a != b && c->fate[a][b] > 0)
        {
          g_string_append_printf (out, "%s%s → %s ", any ? ", " : "",
                                  gs_fate_to_string (a), gs_fate_to_string (b));
          append_percent (out, c->fate[a][b], c->seen);
          any = TRUE;
        }
  static const char *const br[] = { "no breach", "breach" };
  for (guint a = 0; a < 2; a++)
    if (c->breach[a][!a] > 0)
      {
        g_string_append_printf (out, "%s%s → %s ", any ? ", " : "", br[a],
                                br[!a]);
        append_percent (out, c->breach[a][!a], c->seen);
        any = TRUE;
      }
}

static void
append_cases (GString *out, const GsCompareReport *r, guint v)
{
  const GsCompareCase *all = gs_compare_all_cases (r->cmp, v);
  g_string_append (out, "\nFates of proposals, A (rows) → B (columns), "
                        "proposal-replications\n  ");
  gs__text_cell (out, "", 16);
  for (guint b = 0; b < GS_N_FATES; b++)
    g_string_append_printf (out, "%15s", gs_fate_to_string (b));
  g_string_append_c (out, '\n');
  for (guint a = 0; a < GS_N_FATES; a++)
    {
      guint64 row = 0;
      for (guint b = 0; b < GS_N_FATES; b++)
        row += all->fate[a][b];
      if (row == 0)
        continue;
      g_string_append (out, "  ");
      gs__text_cell (out, gs_fate_to_string (a), 16);
      for (guint b = 0; b < GS_N_FATES; b++)
        g_string_append_printf (out, "%15" G_GUINT64_FORMAT, all->fate[a][b]);
      g_string_append_c (out, '\n');
    }
  g_string_append_printf (out,
                          "  breaches: %" G_GUINT64_FORMAT
                          " no breach → breach, %" G_GUINT64_FORMAT
                          " breach → no breach\n",
                          all->breach[0][1], all->breach[1][0]);
  g_string_append (out, "  fate changed in ");
  append_percent (out, all->changed, all->seen);
  g_string_append (out, " of proposal-replications\n");

  g_autoptr (GPtrArray) top = gs_compare_most_changed (r->cmp, v, r->top);
  g_string_append (out, "\nProposals whose fate changes most\n");
  if (top->len == 0)
    {
      g_string_append (out, "  none: every proposal has the same fate in "
                            "every replication\n");
      return;
    }
  for (guint i = 0; i < top->len; i++)
    {
      const GsCompareCase *c = g_ptr_array_index (top, i);
      g_string_append_printf (out, "  %2u. %s: changed in ", i + 1, c->title);
      append_percent (out, c->changed, c->seen);
      g_string_append_printf (out,
                              " of the %" G_GUINT64_FORMAT
                              " replication%s it arrived in\n      ",
                              c->seen, c->seen == 1 ? "" : "s");
      gs__text_fate_transitions (out, c);
      g_string_append_c (out, '\n');
    }
}

void
gs_report_text_compare (const GsCompareReport *r, GString *out)
{
  const GsCompare *cmp = r->cmp;
  guint64 reps = gs_compare_n_replications (cmp);
  guint n = gs_compare_n_versions (cmp);
  const GsScenario *base = gs_compare_get_scenario (cmp, 0);
  g_string_append_printf (
      out,
      "Comparison: %s\n%" G_GUINT64_FORMAT
      " replication%s of each version with seed %" G_GUINT64_FORMAT
      ", on common random numbers: each\nversion sees the same traffic, "
      "attendance and ballots unless it changes them.\n",
      gs_scenario_get_name (base), reps, reps == 1 ? "" : "s",
      gs_compare_get_seed (cmp));
  for (guint v = 0; v < n; v++)
    {
      const char *label = gs_compare_get_label (cmp, v);
      g_string_append_printf (out, "  %s %s", v == 0 ? "A:" : "B:", label);
      if (strcmp (label, r->files[v]) != 0)
        g_string_append_printf (out, " (%s)", r->files[v]);
      g_string_append_c (out, '\n');
    }
  for (guint v = 1; v < n; v++)
    {
      g_string_append_printf (out, "\n==== B = %s against A = %s\n",
                              gs_compare_get_label (cmp, v),
                              gs_compare_get_label (cmp, 0));
      append_changes (out, r, v);
      append_findings (out, r, v);
      g_string_append (out, "\nHeadline (95% intervals; * the paired "
                            "interval excludes zero, = identical in every "
                            "replication)\n");
      table_header (out, "");
      for (guint m = 0; m < GS_HEAD_N; m++)
        metric_row (out, gs_compare_headline_metric (m),
                    gs_compare_headline (cmp, v, m), reps, FALSE);
      for (guint b = 0; b < gs_compare_n_bodies (cmp); b++)
        {
          g_string_append_c (out, '\n');
          GString *name = g_string_new (NULL);
          gs__text_body (name, base, b);
          if (gs_compare_body_in (cmp, v, b) < 0)
            {
              g_string_append_printf (out, "  %s: not in B\n", name->str);
              g_string_free (name, TRUE);
              continue;
            }
          g_string_append_printf (out, "  %s\n", name->str);
          table_header (out, "");
          g_string_free (name, TRUE);
          for (guint m = 0; m < GS_BODY_N; m++)
            metric_row (out, gs_compare_body_metric (m),
                        gs_compare_body (cmp, v, b, m), reps, TRUE);
        }
      append_cases (out, r, v);
    }
}

/* ---- sweeps -------------------------------------------------------------- */

static const guint sweep_metrics[]
    = { GS_HEAD_APPROVED, GS_HEAD_GRIDLOCKED, GS_HEAD_LATE, GS_HEAD_ANY_BREACH,
        GS_HEAD_DAYS };

void
gs_report_text_sweep (const GsSweepReport *r, GString *out)
{
  const GsCompare *cmp = r->cmp;
  guint64 reps = gs_compare_n_replications (cmp);
  g_string_append_printf (
      out,
      "Sweep: %s (%s)\n%" G_GUINT64_FORMAT
      " replication%s of each point with seed %" G_GUINT64_FORMAT
      ", on common random numbers; Δ is the\npaired difference from the "
      "file as written (* its interval excludes zero).\n\n",
      gs_scenario_get_name (gs_compare_get_scenario (cmp, 0)), r->source, reps,
      reps == 1 ? "" : "s", gs_compare_get_seed (cmp));
  g_string_append (out, "  as written:");
  for (guint k = 0; k < G_N_ELEMENTS (sweep_metrics); k++)
    {
      const GsMetric *m = gs_compare_headline_metric (sweep_metrics[k]);
      g_string_append_printf (out, " %s ", m->label);
      append_est (
          out,
          gs_compare_estimate (gs_compare_headline (cmp, 0, sweep_metrics[k]),
                               m->kind, FALSE, reps),
          digits_of (m->kind), FALSE, 0);
      g_string_append (out,
                       k + 1 < G_N_ELEMENTS (sweep_metrics) ? ";" : "\n\n");
    }
  g_string_append (out, " ");
  for (guint t = 0; t < r->n_targets; t++)
    {
      g_string_append_c (out, ' ');
      gs__text_cell (out, r->targets[t], 24);
    }
  for (guint k = 0; k < G_N_ELEMENTS (sweep_metrics); k++)
    {
      const GsMetric *m = gs_compare_headline_metric (sweep_metrics[k]);
      g_string_append_c (out, ' ');
      gs__text_cell (out, m->label, 24);
      g_string_append_c (out, ' ');
      gs__text_cell (out, "Δ", 18);
    }
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  g_string_append_c (out, '\n');
  for (guint v = 1; v < gs_compare_n_versions (cmp); v++)
    {
      g_string_append (out, " ");
      for (guint t = 0; t < r->n_targets; t++)
        {
          g_string_append_c (out, ' ');
          gs__text_cell (out, r->values[v - 1][t], 24);
        }
      for (guint k = 0; k < G_N_ELEMENTS (sweep_metrics); k++)
        {
          const GsMetric *m = gs_compare_headline_metric (sweep_metrics[k]);
          const GsPaired *p = gs_compare_headline (cmp, v, sweep_metrics[k]);
          int dg = digits_of (m->kind);
          g_string_append_c (out, ' ');
          append_est (out, gs_compare_estimate (p, m->kind, TRUE, reps), dg,
                      FALSE, 24);
          g_string_append_c (out, ' ');
          gsize at = out->len;
          GsDifference d = gs_compare_difference (p, m->kind, reps);
          append_num (out, d.paired.defined ? d.paired.value : NAN, dg, TRUE);
          g_string_append (out, d.identical ? " =" : d.excludes ? " *" : "");
          while (out->len - at < 18)
            g_string_append_c (out, ' ');
        }
      while (out->len > 0 && out->str[out->len - 1] == ' ')
        g_string_truncate (out, out->len - 1);
      g_string_append_c (out, '\n');
    }
}

static void
csv_field (GString *out, const char *text)
{
  if (strpbrk (text, ",\"\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
csv_num (GString *out, double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_string_append_c (out, ',');
  if (!isnan (v))
    g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.6g", v));
}

void
gs_report_csv_sweep (const GsSweepReport *r, GString *out)
{
  const GsCompare *cmp = r->cmp;
  guint64 reps = gs_compare_n_replications (cmp);
  for (guint t = 0; t < r->n_targets; t++)
    {
      if (t > 0)
        g_string_append_c (out, ',');
      csv_field (out, r->targets[t]);
    }
  for (guint m = 0; m < GS_HEAD_N; m++)
    {
      const char *k = gs_compare_headline_metric (m)->key;
      g_string_append_printf (out,
                              ",%s,%s_lo,%s_hi,%s_diff,%s_diff_lo,%s_diff_hi",
                              k, k, k, k, k, k);
    }
  g_string_append_c (out, '\n');
  for (guint v = 1; v < gs_compare_n_versions (cmp); v++)
    {
      for (guint t = 0; t < r->n_targets; t++)
        {
          if (t > 0)
            g_string_append_c (out, ',');
          csv_field (out, r->values[v - 1][t]);
        }
      for (guint m = 0; m < GS_HEAD_N; m++)
        {
          const GsMetric *mt = gs_compare_headline_metric (m);
          const GsPaired *p = gs_compare_headline (cmp, v, m);
          GsEstimate e = gs_compare_estimate (p, mt->kind, TRUE, reps);
          GsDifference d = gs_compare_difference (p, mt->kind, reps);
          csv_num (out, e.defined ? e.value : NAN);
          csv_num (out, e.lo);
          csv_num (out, e.hi);
          csv_num (out, d.paired.defined ? d.paired.value : NAN);
          csv_num (out, d.paired.lo);
          csv_num (out, d.paired.hi);
        }
      g_string_append_c (out, '\n');
    }
}

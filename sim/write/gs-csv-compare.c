/* gs-csv-compare.c — a comparison of versions of the terms as CSV
 * (RFC 4180, UTF-8), one table per call (GsCsvCompareTable).
 *
 * The figures are those of the JSON document of kind "comparison"
 * (gs-json-compare.c), under the same names: for each version against the
 * baseline, one row per metric of the headline or of each body with the
 * baseline's estimate (a), the version's (b), the paired difference with
 * its interval, whether that interval excludes zero, whether the two are
 * the same in every replication, and the unpaired interval; the settings
 * that differ with their lines; the check findings that appear or vanish;
 * and the transitions of the cases' fates.  Booleans are 1 and 0; an
 * undefined figure is an empty cell.
 */
#include "write/gs-write-private.h"

#include <govsim/gs-checks.h>
#include <govsim/gs-compare-report.h>
#include <govsim/gs-variant.h>

#include <math.h>
#include <string.h>

static const char *const table_names[] = {
  [GS_CSV_COMPARE_HEADLINE] = "headline",
  [GS_CSV_COMPARE_BODIES] = "bodies",
  [GS_CSV_COMPARE_TERMS] = "terms",
  [GS_CSV_COMPARE_FINDINGS] = "findings",
  [GS_CSV_COMPARE_FATES] = "fates",
};
G_STATIC_ASSERT (G_N_ELEMENTS (table_names) == GS_N_CSV_COMPARE_TABLES);

gboolean
gs_csv_compare_table_from_string (const char *text, GsCsvCompareTable *out)
{
  for (guint i = 0; i < GS_N_CSV_COMPARE_TABLES; i++)
    if (text != NULL && strcmp (text, table_names[i]) == 0)
      {
        *out = (GsCsvCompareTable)i;
        return TRUE;
      }
  return FALSE;
}

static const char *const metric_columns[]
    = { "metric",        "a",         "a_low",        "a_high",        "b",
        "b_low",         "b_high",    "difference",   "low",           "high",
        "excludes_zero", "identical", "low_unpaired", "high_unpaired", "level",
        "replications",  NULL };

static void
est_cells (GString *out, GsEstimate e)
{
  gs__csv_number (out, e.defined ? e.value : NAN);
  gs__csv_number (out, e.defined ? e.lo : NAN);
  gs__csv_number (out, e.defined ? e.hi : NAN);
}

static void
metric_row (GString *out, const char *const *about, guint n_about,
            const GsMetric *m, const GsPaired *p, guint64 reps)
{
  for (guint i = 0; i < n_about; i++)
    gs__csv_field (out, about[i], i == 0);
  gs__csv_field (out, m->key, FALSE);
  est_cells (out, gs_compare_estimate (p, m->kind, FALSE, reps));
  est_cells (out, gs_compare_estimate (p, m->kind, TRUE, reps));
  GsDifference d = gs_compare_difference (p, m->kind, reps);
  if (d.paired.defined)
    {
      gs__csv_number (out, d.paired.value);
      gs__csv_number (out, d.paired.lo);
      gs__csv_number (out, d.paired.hi);
      gs__csv_int (out, d.excludes ? 1 : 0);
      gs__csv_int (out, d.identical ? 1 : 0);
      gs__csv_number (out, d.lo_unpaired);
      gs__csv_number (out, d.hi_unpaired);
    }
  else
    for (guint i = 0; i < 7; i++)
      gs__csv_field (out, NULL, FALSE);
  gs__csv_number (out, GS_STATS_LEVEL);
  gs__csv_int (out, (gint64)reps);
  gs__csv_end (out);
}

static void
header (GString *out, const char *const *about, guint n_about,
        const char *const *rest)
{
  for (guint i = 0; i < n_about; i++)
    gs__csv_field (out, about[i], i == 0);
  for (guint i = 0; rest[i] != NULL; i++)
    gs__csv_field (out, rest[i], n_about == 0 && i == 0);
  gs__csv_end (out);
}

static void
fate_rows (GString *out, const char *version, const char *title,
           const GsCompareCase *c)
{
  for (guint a = 0; a < GS_N_FATES; a++)
    for (guint b = 0; b < GS_N_FATES; b++)
      if (c->fate[a][b] > 0)
        {
          gs__csv_field (out, version, TRUE);
          gs__csv_field (out, title, FALSE);
          gs__csv_field (out, gs_fate_to_string (a), FALSE);
          gs__csv_field (out, gs_fate_to_string (b), FALSE);
          gs__csv_int (out, (gint64)c->fate[a][b]);
          gs__csv_end (out);
        }
}

static void
finding_rows (GString *out, const char *version, const char *change,
              const GPtrArray *list)
{
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      const GsFinding *f = g_ptr_array_index (list, i);
      gs__csv_field (out, version, TRUE);
      gs__csv_field (out, change, FALSE);
      gs__csv_field (out, f->rule->id, FALSE);
      gs__csv_field (out, gs_severity_to_string (f->severity), FALSE);
      gs__csv_int (out, f->line);
      gs__csv_field (out, f->message, FALSE);
      gs__csv_end (out);
    }
}

void
gs_report_csv_compare (const GsCompareReport *r, GsCsvCompareTable table,
                       GString *out)
{
  const GsCompare *cmp = r->cmp;
  guint64 reps = gs_compare_n_replications (cmp);
  const GsScenario *base = gs_compare_get_scenario (cmp, 0);
  static const char *const by_version[] = { "version" };
  static const char *const by_body[] = { "version", "body", "body_name" };
  static const char *const terms[]
      = { "version", "subject",       "setting",      "before", "after",
          "target",  "line_baseline", "line_variant", NULL };
  static const char *const findings[]
      = { "version", "change", "rule", "severity", "line", "message", NULL };
  static const char *const fates[]
      = { "version", "title", "from", "to", "replications", NULL };
  switch (table)
    {
      case GS_CSV_COMPARE_HEADLINE:
        header (out, by_version, 1, metric_columns);
        break;
      case GS_CSV_COMPARE_BODIES:
        header (out, by_body, 3, metric_columns);
        break;
      case GS_CSV_COMPARE_TERMS:
        gs__csv_header (out, terms);
        break;
      case GS_CSV_COMPARE_FINDINGS:
        gs__csv_header (out, findings);
        break;
      case GS_CSV_COMPARE_FATES:
        gs__csv_header (out, fates);
        break;
      default:
        g_return_if_reached ();
    }
  for (guint v = 1; v < gs_compare_n_versions (cmp); v++)
    {
      const char *label = gs_compare_get_label (cmp, v);
      switch (table)
        {
          case GS_CSV_COMPARE_HEADLINE:
            for (guint m = 0; m < GS_HEAD_N; m++)
              metric_row (out, &label, 1, gs_compare_headline_metric (m),
                          gs_compare_headline (cmp, v, m), reps);
            break;
          case GS_CSV_COMPARE_BODIES:
            for (guint b = 0; b < gs_compare_n_bodies (cmp); b++)
              {
                const GsBody *body = &g_array_index (base->bodies, GsBody, b);
                if (gs_compare_body_in (cmp, v, b) < 0)
                  continue;
                const char *about[] = { label, body->id, body->name };
                for (guint m = 0; m < GS_BODY_N; m++)
                  metric_row (out, about, 3, gs_compare_body_metric (m),
                              gs_compare_body (cmp, v, b, m), reps);
              }
            break;
          case GS_CSV_COMPARE_TERMS:
            for (guint i = 0;
                 r->changes && r->changes[v] && i < r->changes[v]->len; i++)
              {
                const GsTermsChange *c = g_ptr_array_index (r->changes[v], i);
                gs__csv_field (out, label, TRUE);
                gs__csv_field (out, c->subject, FALSE);
                gs__csv_field (out, c->setting, FALSE);
                gs__csv_field (out, c->before, FALSE);
                gs__csv_field (out, c->after, FALSE);
                gs__csv_field (out, c->target, FALSE);
                gs__csv_int (out, c->line_a);
                gs__csv_int (out, c->line_b);
                gs__csv_end (out);
              }
            break;
          case GS_CSV_COMPARE_FINDINGS:
            finding_rows (out, label, "appeared",
                          r->appeared ? r->appeared[v] : NULL);
            finding_rows (out, label, "vanished",
                          r->vanished ? r->vanished[v] : NULL);
            break;
          case GS_CSV_COMPARE_FATES:
            {
              fate_rows (out, label, NULL, gs_compare_all_cases (cmp, v));
              g_autoptr (GPtrArray) top
                  = gs_compare_most_changed (cmp, v, r->top);
              for (guint i = 0; i < top->len; i++)
                {
                  const GsCompareCase *c = g_ptr_array_index (top, i);
                  fate_rows (out, label, c->title, c);
                }
              break;
            }
          default:
            break;
        }
    }
}

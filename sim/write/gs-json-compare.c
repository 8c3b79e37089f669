/* gs-json-compare.c — a comparison ("comparison") and a sweep ("sweep") as
 * JSON documents, built with json-glib.
 *
 * DESIGN.md §8's conventions: the document names the program, its schema
 * version and its kind; keys are snake_case; every estimate is
 * {"value", "ci": [lo, hi], "level": 0.95} (null where undefined); a
 * difference adds "ci_unpaired" (two independent studies), "identical"
 * (the same in every replication) and "excludes_zero".  json-glib writes
 * doubles with g_ascii_dtostr(), so no locale reaches the output.
 */
#include "write/gs-text-private.h"

#include <govsim/gs-checks.h>
#include <govsim/gs-compare-report.h>
#include <govsim/gs-variant.h>

#include <json-glib/json-glib.h>
#include <math.h>

#define GS_COMPARE_JSON_SCHEMA 1

static void
add_pair (JsonBuilder *j, const char *key, double lo, double hi)
{
  json_builder_set_member_name (j, key);
  if (isnan (lo) || isnan (hi))
    {
      json_builder_add_null_value (j);
      return;
    }
  json_builder_begin_array (j);
  json_builder_add_double_value (j, lo);
  json_builder_add_double_value (j, hi);
  json_builder_end_array (j);
}

static void
add_est (JsonBuilder *j, const char *key, GsEstimate e)
{
  json_builder_set_member_name (j, key);
  if (!e.defined)
    {
      json_builder_add_null_value (j);
      return;
    }
  json_builder_begin_object (j);
  json_builder_set_member_name (j, "value");
  json_builder_add_double_value (j, e.value);
  add_pair (j, "ci", e.lo, e.hi);
  json_builder_set_member_name (j, "level");
  json_builder_add_double_value (j, GS_STATS_LEVEL);
  json_builder_end_object (j);
}

static void
add_diff (JsonBuilder *j, const char *key, GsDifference d)
{
  json_builder_set_member_name (j, key);
  if (!d.paired.defined)
    {
      json_builder_add_null_value (j);
      return;
    }
  json_builder_begin_object (j);
  json_builder_set_member_name (j, "value");
  json_builder_add_double_value (j, d.paired.value);
  add_pair (j, "ci", d.paired.lo, d.paired.hi);
  add_pair (j, "ci_unpaired", d.lo_unpaired, d.hi_unpaired);
  json_builder_set_member_name (j, "level");
  json_builder_add_double_value (j, GS_STATS_LEVEL);
  json_builder_set_member_name (j, "identical");
  json_builder_add_boolean_value (j, d.identical);
  json_builder_set_member_name (j, "excludes_zero");
  json_builder_add_boolean_value (j, d.excludes);
  json_builder_end_object (j);
}

static void
add_string (JsonBuilder *j, const char *key, const char *value)
{
  json_builder_set_member_name (j, key);
  if (value == NULL)
    json_builder_add_null_value (j);
  else
    json_builder_add_string_value (j, value);
}

static void
add_int (JsonBuilder *j, const char *key, gint64 value)
{
  json_builder_set_member_name (j, key);
  json_builder_add_int_value (j, value);
}

/* {"baseline": est, "variant": est, "difference": diff} */
static void
add_metric (JsonBuilder *j, const GsMetric *m, const GsPaired *p, guint64 reps)
{
  json_builder_set_member_name (j, m->key);
  json_builder_begin_object (j);
  add_est (j, "baseline", gs_compare_estimate (p, m->kind, FALSE, reps));
  add_est (j, "variant", gs_compare_estimate (p, m->kind, TRUE, reps));
  add_diff (j, "difference", gs_compare_difference (p, m->kind, reps));
  json_builder_end_object (j);
}

static void
add_headline (JsonBuilder *j, const GsCompare *cmp, guint v)
{
  guint64 reps = gs_compare_n_replications (cmp);
  json_builder_set_member_name (j, "headline");
  json_builder_begin_object (j);
  for (guint m = 0; m < GS_HEAD_N; m++)
    add_metric (j, gs_compare_headline_metric (m),
                gs_compare_headline (cmp, v, m), reps);
  json_builder_end_object (j);
}

static void
add_fates (JsonBuilder *j, const GsCompareCase *c)
{
  json_builder_set_member_name (j, "fates");
  json_builder_begin_array (j);
  for (guint a = 0; a < GS_N_FATES; a++)
    for (guint b = 0; b < GS_N_FATES; b++)
      if (c->fate[a][b] > 0)
        {
          json_builder_begin_object (j);
          add_string (j, "from", gs_fate_to_string (a));
          add_string (j, "to", gs_fate_to_string (b));
          add_int (j, "replications", (gint64)c->fate[a][b]);
          json_builder_end_object (j);
        }
  json_builder_end_array (j);
  json_builder_set_member_name (j, "breach");
  json_builder_begin_object (j);
  add_int (j, "none_to_breach", (gint64)c->breach[0][1]);
  add_int (j, "breach_to_none", (gint64)c->breach[1][0]);
  add_int (j, "both", (gint64)c->breach[1][1]);
  json_builder_end_object (j);
  add_int (j, "seen", (gint64)c->seen);
  add_int (j, "changed", (gint64)c->changed);
}

static void
add_findings (JsonBuilder *j, const char *key, GPtrArray *list)
{
  json_builder_set_member_name (j, key);
  json_builder_begin_array (j);
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      const GsFinding *f = g_ptr_array_index (list, i);
      json_builder_begin_object (j);
      add_string (j, "rule", f->rule->id);
      add_string (j, "severity", gs_severity_to_string (f->severity));
      add_int (j, "line", f->line);
      add_string (j, "message", f->message);
      json_builder_end_object (j);
    }
  json_builder_end_array (j);
}

static void
add_version (JsonBuilder *j, const GsCompareReport *r, guint v)
{
  const GsCompare *cmp = r->cmp;
  guint64 reps = gs_compare_n_replications (cmp);
  const GsScenario *base = gs_compare_get_scenario (cmp, 0);
  json_builder_begin_object (j);
  add_string (j, "version", gs_compare_get_label (cmp, v));
  add_string (j, "file", r->files[v]);
  json_builder_set_member_name (j, "terms_changed");
  json_builder_begin_array (j);
  for (guint i = 0; r->changes && r->changes[v] && i < r->changes[v]->len; i++)
    {
      const GsTermsChange *c = g_ptr_array_index (r->changes[v], i);
      json_builder_begin_object (j);
      add_string (j, "subject", c->subject);
      add_string (j, "setting", c->setting);
      add_string (j, "before", c->before);
      add_string (j, "after", c->after);
      add_string (j, "target", c->target);
      add_int (j, "line_baseline", c->line_a);
      add_int (j, "line_variant", c->line_b);
      json_builder_end_object (j);
    }
  json_builder_end_array (j);
  add_findings (j, "findings_appeared", r->appeared ? r->appeared[v] : NULL);
  add_findings (j, "findings_vanished", r->vanished ? r->vanished[v] : NULL);
  add_headline (j, cmp, v);
  json_builder_set_member_name (j, "bodies");
  json_builder_begin_array (j);
  for (guint b = 0; b < gs_compare_n_bodies (cmp); b++)
    {
      const GsBody *body = &g_array_index (base->bodies, GsBody, b);
      json_builder_begin_object (j);
      add_string (j, "id", body->id);
      add_string (j, "name", body->name);
      gboolean here = gs_compare_body_in (cmp, v, b) >= 0;
      json_builder_set_member_name (j, "in_variant");
      json_builder_add_boolean_value (j, here);
      if (here)
        for (guint m = 0; m < GS_BODY_N; m++)
          add_metric (j, gs_compare_body_metric (m),
                      gs_compare_body (cmp, v, b, m), reps);
      json_builder_end_object (j);
    }
  json_builder_end_array (j);
  json_builder_set_member_name (j, "cases");
  json_builder_begin_object (j);
  add_fates (j, gs_compare_all_cases (cmp, v));
  json_builder_set_member_name (j, "most_changed");
  json_builder_begin_array (j);
  g_autoptr (GPtrArray) top = gs_compare_most_changed (cmp, v, r->top);
  for (guint i = 0; i < top->len; i++)
    {
      const GsCompareCase *c = g_ptr_array_index (top, i);
      json_builder_begin_object (j);
      add_string (j, "title", c->title);
      add_fates (j, c);
      json_builder_end_object (j);
    }
  json_builder_end_array (j);
  json_builder_end_object (j);
  json_builder_end_object (j);
}

static void
begin_document (JsonBuilder *j, const char *kind, const GsCompare *cmp)
{
  json_builder_begin_object (j);
  add_string (j, "program", "govsim");
  add_string (j, "version", GOVSIM_VERSION);
  add_int (j, "schema", GS_COMPARE_JSON_SCHEMA);
  add_string (j, "kind", kind);
  add_string (j, "scenario",
              gs_scenario_get_name (gs_compare_get_scenario (cmp, 0)));
  json_builder_set_member_name (j, "seed");
  json_builder_add_int_value (j, (gint64)gs_compare_get_seed (cmp));
  add_int (j, "replications", (gint64)gs_compare_n_replications (cmp));
  json_builder_set_member_name (j, "common_random_numbers");
  json_builder_add_boolean_value (j, TRUE);
}

static void
end_document (JsonBuilder *j, GString *out)
{
  json_builder_end_object (j);
  g_autoptr (JsonNode) root = json_builder_get_root (j);
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_root (gen, root);
  g_autofree char *text = json_generator_to_data (gen, NULL);
  g_string_append (out, text);
  g_string_append_c (out, '\n');
}

void
gs_report_json_compare (const GsCompareReport *r, GString *out)
{
  g_autoptr (JsonBuilder) j = json_builder_new ();
  begin_document (j, "comparison", r->cmp);
  add_string (j, "baseline", gs_compare_get_label (r->cmp, 0));
  add_string (j, "baseline_file", r->files[0]);
  json_builder_set_member_name (j, "versions");
  json_builder_begin_array (j);
  for (guint v = 1; v < gs_compare_n_versions (r->cmp); v++)
    add_version (j, r, v);
  json_builder_end_array (j);
  end_document (j, out);
}

void
gs_report_json_sweep (const GsSweepReport *r, GString *out)
{
  const GsCompare *cmp = r->cmp;
  guint64 reps = gs_compare_n_replications (cmp);
  g_autoptr (JsonBuilder) j = json_builder_new ();
  begin_document (j, "sweep", cmp);
  add_string (j, "file", r->source);
  json_builder_set_member_name (j, "targets");
  json_builder_begin_array (j);
  for (guint t = 0; t < r->n_targets; t++)
    json_builder_add_string_value (j, r->targets[t]);
  json_builder_end_array (j);
  json_builder_set_member_name (j, "as_written");
  json_builder_begin_object (j);
  for (guint m = 0; m < GS_HEAD_N; m++)
    {
      const GsMetric *mt = gs_compare_headline_metric (m);
      add_est (j, mt->key,
               gs_compare_estimate (gs_compare_headline (cmp, 0, m), mt->kind,
                                    FALSE, reps));
    }
  json_builder_end_object (j);
  json_builder_set_member_name (j, "points");
  json_builder_begin_array (j);
  for (guint v = 1; v < gs_compare_n_versions (cmp); v++)
    {
      json_builder_begin_object (j);
      json_builder_set_member_name (j, "settings");
      json_builder_begin_object (j);
      for (guint t = 0; t < r->n_targets; t++)
        add_string (j, r->targets[t], r->values[v - 1][t]);
      json_builder_end_object (j);
      add_headline (j, cmp, v);
      json_builder_end_object (j);
    }
  json_builder_end_array (j);
  end_document (j, out);
}

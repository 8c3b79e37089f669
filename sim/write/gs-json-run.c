/* gs-json-run.c — a run as a JSON document of kind "run".
 *
 * The body of the document, after the header of gs-json-private.h:
 * "replication", "period", "headline", "gridlock", "breaches",
 * "matters", "tallies", "bodies", "gateways", "proposals" and, when asked,
 * "records" (the trace).  The keys are those of
 * schemas/govsim-run-1.schema.json and of the README's "Reports" section.  The
 * summary supplies every number; the records are written generically from the
 * record table, so a new record kind or field appears here without a line of
 * this file changing.
 */
#include "write/gs-json-private.h"
#include "write/gs-write-private.h"

#include <govsim/gs-breach.h>

#include <math.h>

static void
write_item (JsonBuilder *j, const char *key, const GsItem *it)
{
  if (it->number >= 0)
    gs__json_int (j, key, it->number);
  else
    gs__json_string (j, key, it->id);
  if (it->name != NULL)
    {
      g_autofree char *k = g_strdup_printf ("%s_name", key);
      gs__json_string (j, k, it->name);
    }
}

void
gs__json_delegation (JsonBuilder *j, const GsScenario *s, guint index)
{
  const GsDelegation *d = GS_DELEGATION (s, index);
  json_builder_begin_object (j);
  gs__json_string (j, "delegation", d->id);
  gs__json_ref (j, "organisation", GS_ORG (s, d->org)->id,
                GS_ORG (s, d->org)->name);
  gs__json_ref (j, "by", GS_BODY (s, d->by)->id, GS_BODY (s, d->by)->name);
  gs__json_ref (j, "to", GS_BODY (s, d->to)->id, GS_BODY (s, d->to)->name);
  json_builder_set_member_name (j, "matters");
  json_builder_begin_array (j);
  for (guint m = 0; m < d->n_matters; m++)
    json_builder_add_string_value (j, GS_MATTER (s, d->matters[m])->id);
  json_builder_end_array (j);
  gs__json_money (j, "limit", d->limit);
  gs__json_date (j, "from", d->from);
  gs__json_date (j, "until", d->until);
  gs__json_bool (j, "sub_delegate", d->sub_delegate);
  gs__json_int (j, "line", d->line);
  json_builder_end_object (j);
}

static void
write_enum (JsonBuilder *j, const char *key, const GsEnumInfo *e, gint64 v)
{
  if (!e->flags)
    {
      gs__json_string (j, key, gs_enum_value_name (e, v));
      return;
    }
  json_builder_set_member_name (j, key);
  json_builder_begin_array (j);
  for (guint k = 0; k < e->n_values; k++)
    if (v & ((gint64)1 << k))
      json_builder_add_string_value (j, e->values[k]);
  json_builder_end_array (j);
}

void
gs__json_record (JsonBuilder *j, const GsRun *run, const GsRecord *r,
                 const guint32 *refs)
{
  const GsScenario *s = gs_run_get_scenario (run);
  const GsRecordInfo *info = gs_record_info (r->kind);
  json_builder_begin_object (j);
  gs__json_date (j, "date", r->time);
  gs__json_string (j, "kind", info->name);
  if (info->body != NULL)
    {
      if (r->body != GS_NONE)
        gs__json_ref (j, "body", GS_BODY (s, r->body)->id,
                      GS_BODY (s, r->body)->name);
      else
        gs__json_null (j, "body");
      gs__json_string (j, "body_role", info->body);
    }
  if (r->item != GS_NONE)
    gs__json_int (j, "case", r->item);
  else
    gs__json_null (j, "case");
  for (guint f = 0; f < info->n_fields; f++)
    {
      const GsFieldInfo *fi = &info->fields[f];
      gint64 v = gs_record_field (r, fi);
      switch (fi->type)
        {
          case GS_FIELD_COUNT:
            gs__json_int (j, fi->name, v);
            break;
          case GS_FIELD_BOOL:
            gs__json_bool (j, fi->name, v != 0);
            break;
          case GS_FIELD_ENUM:
            write_enum (j, fi->name, fi->values, v);
            break;
          case GS_FIELD_DATE:
            gs__json_date (j, fi->name, v);
            break;
          case GS_FIELD_INDEX:
            {
              GsItem it;
              if (gs__write_item (run, r, fi->list, v, &it))
                write_item (j, fi->name, &it);
              else
                gs__json_null (j, fi->name);
              break;
            }
          default:
            g_assert_not_reached ();
        }
    }
  if (info->refs_name != NULL)
    {
      g_autofree char *key = gs__write_key (info->refs_name);
      json_builder_set_member_name (j, key);
      json_builder_begin_array (j);
      for (guint k = 0; k < r->n_refs; k++)
        {
          if (info->refs == GS_LIST_DELEGATION)
            {
              gs__json_delegation (j, s, refs[k]);
              continue;
            }
          GsItem it;
          if (gs__write_item (run, r, info->refs, refs[k], &it))
            json_builder_add_string_value (j, it.id);
          else
            json_builder_add_null_value (j);
        }
      json_builder_end_array (j);
    }
  if (info->refs2_name != NULL)
    {
      /* The second list follows the first; its indices are never
       * delegations. */
      g_autofree char *key = gs__write_key (info->refs2_name);
      json_builder_set_member_name (j, key);
      json_builder_begin_array (j);
      for (guint k = 0; k < r->n_refs2; k++)
        {
          GsItem it;
          if (gs__write_item (run, r, info->refs2, refs[r->n_refs + k], &it))
            json_builder_add_string_value (j, it.id);
          else
            json_builder_add_null_value (j);
        }
      json_builder_end_array (j);
    }
  json_builder_end_object (j);
}

static void
write_outcome (JsonBuilder *j, const GsOutcomeStats *o)
{
  gs__json_int (j, "arrived", o->arrived);
  gs__json_int (j, "approved", o->approved);
  gs__json_int (j, "rejected", o->rejected);
  gs__json_int (j, "gridlocked", o->gridlocked);
  gs__json_int (j, "pending", o->pending);
  gs__json_int (j, "missed_deadline", o->missed);
  gs__json_int (j, "escalated", o->escalated);
  gs__json_int (j, "most_levels_climbed", o->climbed);
  gs__json_days (j, "median_days", o->median_days);
  gs__json_days (j, "p90_days", o->p90_days);
}

static void
body_ref (JsonBuilder *j, const GsScenario *s, const char *key, guint32 b)
{
  gs__json_ref (j, key, GS_BODY (s, b)->id, GS_BODY (s, b)->name);
}

static void
write_gateway_ref (JsonBuilder *j, const GsScenario *s, guint32 p, guint32 g)
{
  const GsPathway *pw = GS_PATHWAY (s, p);
  gs__json_ref (j, "pathway", pw->id, pw->name);
  gs__json_int (j, "gateway", g + 1);
  gs__json_string (j, "gateway_id", pw->gateways[g].id);
  gs__json_string (j, "gateway_name", pw->gateways[g].name);
}

static void
write_gridlock (JsonBuilder *j, const GsScenario *s, const GsSummary *sum)
{
  json_builder_set_member_name (j, "gridlock");
  json_builder_begin_array (j);
  for (guint i = 0; i < sum->hotspots->len; i++)
    {
      const GsHotspot *h = &g_array_index (sum->hotspots, GsHotspot, i);
      json_builder_begin_object (j);
      if (h->kind == GS_HOTSPOT_BODY)
        {
          gs__json_string (j, "where", "body");
          const GsBodyStats *b
              = &g_array_index (sum->bodies, GsBodyStats, h->index);
          body_ref (j, s, "body", b->body);
        }
      else
        {
          gs__json_string (j, "where", "gateway");
          const GsGatewayStats *g
              = &g_array_index (sum->gateways, GsGatewayStats, h->index);
          write_gateway_ref (j, s, g->pathway, g->gateway);
        }
      gs__json_int (j, "gridlocked", h->gridlocked);
      gs__json_int (j, "stalls", h->stalls);
      gs__json_days (j, "days", h->days);
      json_builder_end_object (j);
    }
  json_builder_end_array (j);
}

static const char *
breach_word (GsBreach b)
{
  /* The record table's machine name for the breach. */
  const GsRecordInfo *info = gs_record_info (GS_REC_BREACH);
  return gs_enum_value_name (info->fields[0].values, b);
}

static void
write_breaches (JsonBuilder *j, const GsRun *run, const GsSummary *sum)
{
  json_builder_set_member_name (j, "breaches");
  json_builder_begin_object (j);
  gs__json_int (j, "total", sum->breach_total);
  gs__json_int (j, "organisations_with_scheme", sum->schemes);
  json_builder_set_member_name (j, "by_kind");
  json_builder_begin_array (j);
  for (guint b = 0; b < GS_N_BREACHES; b++)
    {
      json_builder_begin_object (j);
      gs__json_string (j, "breach", breach_word (b));
      gs__json_int (j, "count", sum->breaches[b]);
      json_builder_end_object (j);
    }
  json_builder_end_array (j);
  /* The first breaches, kept by the run whether or not it kept records. */
  json_builder_set_member_name (j, "examples");
  json_builder_begin_array (j);
  const GsRunCounters *k = gs_run_counters (run);
  for (guint i = 0; i < k->n_examples; i++)
    {
      const guint32 *refs = NULL;
      const GsRecord *r = gs_run_breach_example (run, i, &refs);
      gs__json_record (j, run, r, refs);
    }
  json_builder_end_array (j);
  json_builder_end_object (j);
}

static void
write_tables (JsonBuilder *j, const GsScenario *s, const GsSummary *sum)
{
  json_builder_set_member_name (j, "matters");
  json_builder_begin_array (j);
  for (guint i = 0; i < sum->matters->len; i++)
    {
      const GsMatterStats *m = &g_array_index (sum->matters, GsMatterStats, i);
      json_builder_begin_object (j);
      gs__json_ref (j, "matter", GS_MATTER (s, m->matter)->id,
                    GS_MATTER (s, m->matter)->name);
      write_outcome (j, &m->o);
      json_builder_end_object (j);
    }
  json_builder_end_array (j);

  json_builder_set_member_name (j, "tallies");
  json_builder_begin_array (j);
  for (guint i = 0; i < sum->cells->len; i++)
    {
      const GsCellStats *c = &g_array_index (sum->cells, GsCellStats, i);
      json_builder_begin_object (j);
      body_ref (j, s, "body", c->body);
      gs__json_ref (j, "matter", GS_MATTER (s, c->matter)->id,
                    GS_MATTER (s, c->matter)->name);
      write_outcome (j, &c->o);
      json_builder_end_object (j);
    }
  json_builder_end_array (j);

  json_builder_set_member_name (j, "bodies");
  json_builder_begin_array (j);
  for (guint i = 0; i < sum->bodies->len; i++)
    {
      const GsBodyStats *b = &g_array_index (sum->bodies, GsBodyStats, i);
      const GsBody *body = GS_BODY (s, b->body);
      json_builder_begin_object (j);
      body_ref (j, s, "body", b->body);
      gs__json_string (j, "body_kind", gs_body_kind_to_string (body->kind));
      if (body->org >= 0)
        gs__json_ref (j, "organisation", GS_ORG (s, body->org)->id,
                      GS_ORG (s, body->org)->name);
      else
        gs__json_null (j, "organisation");
      if (body->group >= 0)
        gs__json_string (j, "group", GS_BODY (s, body->group)->id);
      else
        {
          gs__json_date (j, "first_meeting", body->calendar.first);
          gs__json_duration (j, "meets_every", &body->calendar.every);
          gs__json_int (j, "capacity", body->calendar.capacity);
        }
      gs__json_int (j, "meetings", b->meetings);
      gs__json_int (j, "inquorate", b->inquorate);
      gs__json_int (j, "item_inquorate", b->item_inquorate);
      gs__json_int (j, "carried_over", b->carried);
      gs__json_int (j, "ties", b->ties);
      gs__json_int (j, "casting_votes", b->casting);
      gs__json_int (j, "blocked", b->blocked);
      gs__json_int (j, "settled_by_fallback", b->settled_by_fallback);
      gs__json_int (j, "no_votes", b->no_votes);
      gs__json_int (j, "splits", b->splits);
      gs__json_int (j, "conflicts", b->conflicts);
      gs__json_int (j, "disputes", b->disputes);
      gs__json_int (j, "breaches", b->breaches);
      gs__json_int (j, "decided", b->decided);
      gs__json_int (j, "gridlocked", b->gridlocked);
      gs__json_int (j, "pending", b->pending);
      gs__json_days (j, "days_held", b->days_held);
      json_builder_end_object (j);
    }
  json_builder_end_array (j);

  json_builder_set_member_name (j, "gateways");
  json_builder_begin_array (j);
  for (guint i = 0; i < sum->gateways->len; i++)
    {
      const GsGatewayStats *g
          = &g_array_index (sum->gateways, GsGatewayStats, i);
      json_builder_begin_object (j);
      write_gateway_ref (j, s, g->pathway, g->gateway);
      gs__json_int (j, "reached", g->reached);
      gs__json_int (j, "passed", g->passed);
      gs__json_int (j, "failed", g->failed);
      gs__json_int (j, "skipped", g->skipped);
      gs__json_int (j, "open_at_end", g->open_at_end);
      gs__json_int (j, "gridlocked", g->gridlocked);
      gs__json_days (j, "days_open", g->days_open);
      json_builder_end_object (j);
    }
  json_builder_end_array (j);
}

static void
write_cases (JsonBuilder *j, const GsRun *run)
{
  const GsScenario *s = gs_run_get_scenario (run);
  json_builder_set_member_name (j, "proposals");
  json_builder_begin_array (j);
  for (guint i = 0; i < gs_run_n_cases (run); i++)
    {
      const GsCase *c = gs_run_get_case (run, i);
      g_autofree char *title = gs_run_case_title (run, i);
      json_builder_begin_object (j);
      gs__json_int (j, "case", i);
      gs__json_string (j, "proposal",
                       c->proposal != GS_NONE ? GS_PROPOSAL (s, c->proposal)->id
                                              : NULL);
      gs__json_string (j, "arrivals",
                       c->arrivals != GS_NONE ? GS_ARRIVALS (s, c->arrivals)->id
                                              : NULL);
      if (c->arrivals != GS_NONE)
        gs__json_int (j, "serial", c->serial);
      else
        gs__json_null (j, "serial");
      gs__json_string (j, "title", title);
      gs__json_ref (j, "matter", GS_MATTER (s, c->matter)->id,
                    GS_MATTER (s, c->matter)->name);
      const GsPathway *pw = GS_PATHWAY (s, c->pathway);
      gs__json_ref (j, "pathway", pw->implicit ? NULL : pw->id, pw->name);
      gs__json_ref (j, "lead", GS_ORG (s, c->lead)->id,
                    GS_ORG (s, c->lead)->name);
      json_builder_set_member_name (j, "affects");
      json_builder_begin_array (j);
      for (guint k = 0; k < c->n_affects; k++)
        json_builder_add_string_value (j, GS_ORG (s, c->affects[k])->id);
      json_builder_end_array (j);
      gs__json_money (j, "value", c->value);
      gs__json_date (j, "arrives", c->arrives);
      gs__json_date (j, "deadline",
                     c->due == GS_TIME_NEVER ? GS_TIME_NEVER : c->due - 1);
      gs__json_string (j, "outcome",
                       gs_enum_value_name (&gs_enum_case_state, c->state));
      gs__json_date (j, "decided", c->decided);
      gs__json_days (j, "days",
                     c->decided == GS_TIME_NEVER
                         ? NAN
                         : gs_time_days_between (c->arrives, c->decided));
      gs__json_bool (j, "missed_deadline", c->missed);
      gs__json_int (j, "carried_over", c->carried);
      gs__json_int (j, "returns", c->returns);
      gs__json_int (j, "disputes", c->disputes);
      gs__json_int (j, "most_levels_climbed", c->climbed);
      gs__json_int (j, "breaches", c->breaches);
      json_builder_end_object (j);
    }
  json_builder_end_array (j);
}

void
gs_report_json_run (const GsRun *run, const GsSummary *sum,
                    gboolean with_records, GString *out)
{
  const GsScenario *s = gs_run_get_scenario (run);
  g_autoptr (JsonBuilder) j = gs__json_begin ("run", s, gs_run_get_seed (run));
  gs__json_int (j, "replication", (gint64)gs_run_get_replication (run));
  json_builder_set_member_name (j, "period");
  json_builder_begin_object (j);
  gs__json_date (j, "start", s->start);
  gs__json_date (j, "end", s->end - GS_MINUTES_PER_DAY);
  gs__json_int (j, "days", (gint64)gs_time_days_between (s->start, s->end));
  json_builder_end_object (j);

  json_builder_set_member_name (j, "headline");
  json_builder_begin_object (j);
  write_outcome (j, &sum->all);
  gs__json_int (j, "breaches", sum->breach_total);
  json_builder_end_object (j);

  write_gridlock (j, s, sum);
  write_breaches (j, run, sum);
  write_tables (j, s, sum);
  write_cases (j, run);

  if (with_records)
    {
      json_builder_set_member_name (j, "records");
      json_builder_begin_array (j);
      for (guint i = 0; i < gs_run_n_records (run); i++)
        {
          const GsRecord *r = gs_run_get_record (run, i);
          gs__json_record (j, run, r, gs_run_record_refs (run, r));
        }
      json_builder_end_array (j);
    }
  gs__json_finish (j, out);
}

/* gs-csv-run.c — the tables of a run as CSV (RFC 4180, UTF-8).
 *
 * One table per call, chosen by GsCsvTable; each begins with a header row
 * of snake_case names that match the JSON document's keys, so a column
 * means the same in a spreadsheet as in a program.  Ids are written as in
 * the scenario, with a *_name column beside the main ones; lists of ids
 * are separated by spaces (ids never hold one); booleans are 1 and 0;
 * money is whole pounds; days have one decimal; a value that does not
 * exist is an empty field.  The "records" table is generic over the
 * record table: one column per distinct field name of any kind, in table
 * order, left empty where a kind has no such field.
 */
#include "write/gs-write-private.h"

#include <govsim/gs-breach.h>

#include <math.h>
#include <string.h>

static const char *const table_names[] = {
  [GS_CSV_PROPOSALS] = "proposals", [GS_CSV_MATTERS] = "matters",
  [GS_CSV_TALLIES] = "tallies",     [GS_CSV_BODIES] = "bodies",
  [GS_CSV_MEETINGS] = "meetings",   [GS_CSV_GATEWAYS] = "gateways",
  [GS_CSV_BREACHES] = "breaches",   [GS_CSV_RECORDS] = "records",
};
G_STATIC_ASSERT (G_N_ELEMENTS (table_names) == GS_N_CSV_TABLES);

const char *
gs_csv_table_to_string (GsCsvTable table)
{
  g_return_val_if_fail ((guint)table < GS_N_CSV_TABLES, NULL);
  return table_names[table];
}

gboolean
gs_csv_table_from_string (const char *text, GsCsvTable *out)
{
  for (guint i = 0; i < GS_N_CSV_TABLES; i++)
    if (text != NULL && strcmp (text, table_names[i]) == 0)
      {
        *out = (GsCsvTable)i;
        return TRUE;
      }
  return FALSE;
}

#define OUTCOME_COLUMNS                                                        \
  "arrived", "approved", "rejected", "gridlocked", "pending",                  \
      "missed_deadline", "escalated", "most_levels_climbed", "median_days",    \
      "p90_days"

static void
outcome_cells (GString *out, const GsOutcomeStats *o)
{
  gs__csv_int (out, o->arrived);
  gs__csv_int (out, o->approved);
  gs__csv_int (out, o->rejected);
  gs__csv_int (out, o->gridlocked);
  gs__csv_int (out, o->pending);
  gs__csv_int (out, o->missed);
  gs__csv_int (out, o->escalated);
  gs__csv_int (out, o->climbed);
  gs__csv_days (out, o->median_days);
  gs__csv_days (out, o->p90_days);
}

static void
write_proposals (GString *out, const GsRun *run)
{
  static const char *const h[] = { "case",
                                   "proposal",
                                   "arrivals",
                                   "serial",
                                   "title",
                                   "matter",
                                   "matter_name",
                                   "pathway",
                                   "lead",
                                   "affects",
                                   "value",
                                   "arrives",
                                   "deadline",
                                   "outcome",
                                   "decided",
                                   "days",
                                   "missed_deadline",
                                   "carried_over",
                                   "returns",
                                   "disputes",
                                   "most_levels_climbed",
                                   "breaches",
                                   NULL };
  const GsScenario *s = gs_run_get_scenario (run);
  gs__csv_header (out, h);
  for (guint i = 0; i < gs_run_n_cases (run); i++)
    {
      const GsCase *c = gs_run_get_case (run, i);
      g_autofree char *title = gs_run_case_title (run, i);
      g_string_append_printf (out, "%u", i);
      gs__csv_field (
          out, c->proposal != GS_NONE ? GS_PROPOSAL (s, c->proposal)->id : NULL,
          FALSE);
      gs__csv_field (
          out, c->arrivals != GS_NONE ? GS_ARRIVALS (s, c->arrivals)->id : NULL,
          FALSE);
      if (c->arrivals != GS_NONE)
        gs__csv_int (out, c->serial);
      else
        gs__csv_field (out, NULL, FALSE);
      gs__csv_field (out, title, FALSE);
      gs__csv_field (out, GS_MATTER (s, c->matter)->id, FALSE);
      gs__csv_field (out, GS_MATTER (s, c->matter)->name, FALSE);
      const GsPathway *pw = GS_PATHWAY (s, c->pathway);
      gs__csv_field (out, pw->implicit ? NULL : pw->id, FALSE);
      gs__csv_field (out, GS_ORG (s, c->lead)->id, FALSE);
      g_autoptr (GString) aff = g_string_new (NULL);
      for (guint k = 0; k < c->n_affects; k++)
        g_string_append_printf (aff, "%s%s", k ? " " : "",
                                GS_ORG (s, c->affects[k])->id);
      gs__csv_field (out, aff->str, FALSE);
      gs__csv_int (out, c->value);
      gs__csv_date (out, c->arrives);
      gs__csv_date (out, c->due == GS_TIME_NEVER ? GS_TIME_NEVER : c->due - 1);
      gs__csv_field (out, gs_enum_value_name (&gs_enum_case_state, c->state),
                     FALSE);
      gs__csv_date (out, c->decided);
      gs__csv_days (out, c->decided == GS_TIME_NEVER
                             ? NAN
                             : gs_time_days_between (c->arrives, c->decided));
      gs__csv_int (out, c->missed ? 1 : 0);
      gs__csv_int (out, c->carried);
      gs__csv_int (out, c->returns);
      gs__csv_int (out, c->disputes);
      gs__csv_int (out, c->climbed);
      gs__csv_int (out, c->breaches);
      gs__csv_end (out);
    }
}

static void
write_matters (GString *out, const GsScenario *s, const GsSummary *sum)
{
  static const char *const h[]
      = { "matter", "matter_name", OUTCOME_COLUMNS, NULL };
  gs__csv_header (out, h);
  for (guint i = 0; i < sum->matters->len; i++)
    {
      const GsMatterStats *m = &g_array_index (sum->matters, GsMatterStats, i);
      gs__csv_field (out, GS_MATTER (s, m->matter)->id, TRUE);
      gs__csv_field (out, GS_MATTER (s, m->matter)->name, FALSE);
      outcome_cells (out, &m->o);
      gs__csv_end (out);
    }
}

static void
write_tallies (GString *out, const GsScenario *s, const GsSummary *sum)
{
  static const char *const h[]
      = { "body", "body_name", "matter", "matter_name", OUTCOME_COLUMNS, NULL };
  gs__csv_header (out, h);
  for (guint i = 0; i < sum->cells->len; i++)
    {
      const GsCellStats *c = &g_array_index (sum->cells, GsCellStats, i);
      gs__csv_field (out, GS_BODY (s, c->body)->id, TRUE);
      gs__csv_field (out, GS_BODY (s, c->body)->name, FALSE);
      gs__csv_field (out, GS_MATTER (s, c->matter)->id, FALSE);
      gs__csv_field (out, GS_MATTER (s, c->matter)->name, FALSE);
      outcome_cells (out, &c->o);
      gs__csv_end (out);
    }
}

static void
write_bodies (GString *out, const GsScenario *s, const GsSummary *sum)
{
  static const char *const h[] = { "body",
                                   "body_name",
                                   "body_kind",
                                   "organisation",
                                   "meetings",
                                   "inquorate",
                                   "item_inquorate",
                                   "carried_over",
                                   "ties",
                                   "casting_votes",
                                   "blocked",
                                   "no_votes",
                                   "splits",
                                   "conflicts",
                                   "disputes",
                                   "breaches",
                                   "decided",
                                   "gridlocked",
                                   "pending",
                                   "days_held",
                                   "settled_by_fallback",
                                   NULL };
  gs__csv_header (out, h);
  for (guint i = 0; i < sum->bodies->len; i++)
    {
      const GsBodyStats *b = &g_array_index (sum->bodies, GsBodyStats, i);
      const GsBody *body = GS_BODY (s, b->body);
      gs__csv_field (out, body->id, TRUE);
      gs__csv_field (out, body->name, FALSE);
      gs__csv_field (out, gs_body_kind_to_string (body->kind), FALSE);
      gs__csv_field (out, body->org >= 0 ? GS_ORG (s, body->org)->id : NULL,
                     FALSE);
      guint v[] = { b->meetings, b->inquorate,  b->item_inquorate, b->carried,
                    b->ties,     b->casting,    b->blocked,        b->no_votes,
                    b->splits,   b->conflicts,  b->disputes,       b->breaches,
                    b->decided,  b->gridlocked, b->pending };
      for (gsize k = 0; k < G_N_ELEMENTS (v); k++)
        gs__csv_int (out, v[k]);
      gs__csv_days (out, b->days_held);
      gs__csv_int (out, b->settled_by_fallback);
      gs__csv_end (out);
    }
}

/* The @n ids of @refs, of @list, as one cell. */
static void
refs_cell_n (GString *out, const GsRun *run, const GsRecord *r, GsListKind list,
             const guint32 *refs, guint n)
{
  const GsScenario *s = gs_run_get_scenario (run);
  g_autoptr (GString) cell = g_string_new (NULL);
  for (guint k = 0; k < n; k++)
    {
      if (k > 0)
        g_string_append_c (cell, ' ');
      GsItem it;
      if (list == GS_LIST_DELEGATION)
        {
          /* A delegation may have no id: name it by its line. */
          const GsDelegation *d = GS_DELEGATION (s, refs[k]);
          if (d->id != NULL)
            g_string_append (cell, d->id);
          else
            g_string_append_printf (cell, "line-%d", d->line);
        }
      else if (gs__write_item (run, r, list, refs[k], &it) && it.id)
        g_string_append (cell, it.id);
    }
  gs__csv_field (out, cell->str, FALSE);
}

static void
refs_cell (GString *out, const GsRun *run, const GsRecord *r, GsListKind list,
           const guint32 *refs)
{
  refs_cell_n (out, run, r, list, refs, r->n_refs);
}

/* The record's second list (after its first), or an empty cell. */
static void
refs2_cell (GString *out, const GsRun *run, const GsRecord *r,
            const GsRecordInfo *info, const guint32 *refs)
{
  if (info->refs2_name == NULL || r->n_refs2 == 0)
    gs__csv_field (out, NULL, FALSE);
  else
    refs_cell_n (out, run, r, info->refs2, refs + r->n_refs, r->n_refs2);
}

static void
write_meetings (GString *out, const GsRun *run)
{
  static const char *const h[]
      = { "date",   "body",          "body_name", "quorate",  "present",
          "seats",  "quorum",        "items",     "deputies", "failed_rule",
          "absent", "parties_short", NULL };
  const GsScenario *s = gs_run_get_scenario (run);
  gs__csv_header (out, h);
  for (guint i = 0; i < gs_run_n_records (run); i++)
    {
      const GsRecord *r = gs_run_get_record (run, i);
      if (r->kind != GS_REC_MEETING && r->kind != GS_REC_INQUORATE)
        continue;
      char d[GS_DATE_BUF];
      gs__csv_field (out, gs_time_format_date (r->time, d), TRUE);
      gs__csv_field (out, GS_BODY (s, r->body)->id, FALSE);
      gs__csv_field (out, GS_BODY (s, r->body)->name, FALSE);
      if (r->kind == GS_REC_MEETING)
        {
          gs__csv_int (out, 1);
          gs__csv_int (out, r->meeting.present);
          gs__csv_int (out, r->meeting.seats);
          gs__csv_int (out, r->meeting.quorum);
          gs__csv_int (out, r->meeting.items);
          gs__csv_int (out, r->meeting.deputies);
          gs__csv_field (out, NULL, FALSE);
          gs__csv_field (out, NULL, FALSE);
          gs__csv_field (out, NULL, FALSE);
        }
      else
        {
          const GsRecordInfo *info = gs_record_info (r->kind);
          gs__csv_int (out, 0);
          gs__csv_int (out, r->quorum.present);
          gs__csv_int (out, r->quorum.members);
          gs__csv_int (out, r->quorum.needed);
          gs__csv_field (out, NULL, FALSE);
          gs__csv_field (out, NULL, FALSE);
          const GsEnumInfo *rule = NULL;
          for (guint f = 0; f < info->n_fields; f++)
            if (strcmp (info->fields[f].name, "result") == 0)
              rule = info->fields[f].values;
          gs__csv_field (out, gs_enum_value_name (rule, r->quorum.result),
                         FALSE);
          refs_cell (out, run, r, info->refs, gs_run_record_refs (run, r));
          refs2_cell (out, run, r, info, gs_run_record_refs (run, r));
        }
      gs__csv_end (out);
    }
}

static void
write_gateways (GString *out, const GsScenario *s, const GsSummary *sum)
{
  static const char *const h[]
      = { "pathway",    "pathway_name", "gateway", "gateway_id", "gateway_name",
          "reached",    "passed",       "failed",  "skipped",    "open_at_end",
          "gridlocked", "days_open",    NULL };
  gs__csv_header (out, h);
  for (guint i = 0; i < sum->gateways->len; i++)
    {
      const GsGatewayStats *g
          = &g_array_index (sum->gateways, GsGatewayStats, i);
      const GsPathway *pw = GS_PATHWAY (s, g->pathway);
      gs__csv_field (out, pw->id, TRUE);
      gs__csv_field (out, pw->name, FALSE);
      gs__csv_int (out, g->gateway + 1);
      gs__csv_field (out, pw->gateways[g->gateway].id, FALSE);
      gs__csv_field (out, pw->gateways[g->gateway].name, FALSE);
      gs__csv_int (out, g->reached);
      gs__csv_int (out, g->passed);
      gs__csv_int (out, g->failed);
      gs__csv_int (out, g->skipped);
      gs__csv_int (out, g->open_at_end);
      gs__csv_int (out, g->gridlocked);
      gs__csv_days (out, g->days_open);
      gs__csv_end (out);
    }
}

/* One cell for field @fi of @r (empty when @fi is NULL: the kind has no
 * such field). */
static void
field_cell (GString *out, const GsRun *run, const GsRecord *r,
            const GsFieldInfo *fi)
{
  if (fi == NULL)
    {
      gs__csv_field (out, NULL, FALSE);
      return;
    }
  gint64 v = gs_record_field (r, fi);
  switch (fi->type)
    {
      case GS_FIELD_COUNT:
      case GS_FIELD_BOOL:
        gs__csv_int (out, v);
        return;
      case GS_FIELD_DATE:
        gs__csv_date (out, v);
        return;
      case GS_FIELD_ENUM:
        if (!fi->values->flags)
          {
            gs__csv_field (out, gs_enum_value_name (fi->values, v), FALSE);
            return;
          }
        {
          g_autoptr (GString) set = g_string_new (NULL);
          for (guint k = 0; k < fi->values->n_values; k++)
            if (v & ((gint64)1 << k))
              g_string_append_printf (set, "%s%s", set->len ? " " : "",
                                      fi->values->values[k]);
          gs__csv_field (out, set->str, FALSE);
          return;
        }
      case GS_FIELD_INDEX:
        {
          GsItem it;
          if (!gs__write_item (run, r, fi->list, v, &it))
            gs__csv_field (out, NULL, FALSE);
          else if (it.number >= 0)
            gs__csv_int (out, it.number);
          else if (fi->list == GS_LIST_DELEGATION && it.id == NULL)
            {
              g_autofree char *t = g_strdup_printf (
                  "line-%d",
                  GS_DELEGATION (gs_run_get_scenario (run), v)->line);
              gs__csv_field (out, t, FALSE);
            }
          else
            gs__csv_field (out, it.id, FALSE);
          return;
        }
      default:
        g_assert_not_reached ();
    }
}

/* The distinct field names of the record table, in table order. */
static GPtrArray *
record_columns (void)
{
  GPtrArray *names = g_ptr_array_new ();
  for (guint k = 0; k < GS_N_RECORD_KINDS; k++)
    {
      const GsRecordInfo *info = gs_record_info (k);
      for (guint f = 0; f < info->n_fields; f++)
        {
          gboolean seen = FALSE;
          for (guint n = 0; n < names->len && !seen; n++)
            seen = strcmp (g_ptr_array_index (names, n), info->fields[f].name)
                   == 0;
          if (!seen)
            g_ptr_array_add (names, (gpointer)info->fields[f].name);
        }
    }
  return names;
}

static void
record_row (GString *out, const GsRun *run, const GsRecord *r,
            const guint32 *refs, const GPtrArray *columns)
{
  const GsScenario *s = gs_run_get_scenario (run);
  const GsRecordInfo *info = gs_record_info (r->kind);
  char d[GS_DATE_BUF];
  gs__csv_field (out, gs_time_format_date (r->time, d), TRUE);
  gs__csv_field (out, info->name, FALSE);
  gboolean body = info->body != NULL && r->body != GS_NONE;
  gs__csv_field (out, body ? GS_BODY (s, r->body)->id : NULL, FALSE);
  gs__csv_field (out, body ? GS_BODY (s, r->body)->name : NULL, FALSE);
  gs__csv_field (out, info->body, FALSE);
  if (r->item != GS_NONE)
    gs__csv_int (out, r->item);
  else
    gs__csv_field (out, NULL, FALSE);
  for (guint c = 0; c < columns->len; c++)
    {
      const GsFieldInfo *fi = NULL;
      for (guint f = 0; f < info->n_fields && fi == NULL; f++)
        if (strcmp (info->fields[f].name, g_ptr_array_index (columns, c)) == 0)
          fi = &info->fields[f];
      field_cell (out, run, r, fi);
    }
  g_autofree char *list
      = info->refs_name ? gs__write_key (info->refs_name) : NULL;
  gs__csv_field (out, list, FALSE);
  if (info->refs_name != NULL)
    refs_cell (out, run, r, info->refs, refs);
  else
    gs__csv_field (out, NULL, FALSE);
  g_autofree char *list2
      = info->refs2_name ? gs__write_key (info->refs2_name) : NULL;
  gs__csv_field (out, list2, FALSE);
  refs2_cell (out, run, r, info, refs);
  gs__csv_end (out);
}

static void
write_records (GString *out, const GsRun *run, gboolean breaches_only)
{
  g_autoptr (GPtrArray) columns = record_columns ();
  g_autoptr (GPtrArray) h = g_ptr_array_new ();
  const char *lead[]
      = { "date", "kind", "body", "body_name", "body_role", "case" };
  for (gsize k = 0; k < G_N_ELEMENTS (lead); k++)
    g_ptr_array_add (h, (gpointer)lead[k]);
  for (guint c = 0; c < columns->len; c++)
    g_ptr_array_add (h, g_ptr_array_index (columns, c));
  g_ptr_array_add (h, (gpointer) "list");
  g_ptr_array_add (h, (gpointer) "items");
  g_ptr_array_add (h, (gpointer) "list2");
  g_ptr_array_add (h, (gpointer) "items2");
  g_ptr_array_add (h, NULL);
  gs__csv_header (out, (const char *const *)h->pdata);
  if (breaches_only && gs_run_n_records (run) == 0)
    {
      /* Without records, the breaches the run kept as examples. */
      const GsRunCounters *k = gs_run_counters (run);
      for (guint i = 0; i < k->n_examples; i++)
        {
          const guint32 *refs = NULL;
          const GsRecord *r = gs_run_breach_example (run, i, &refs);
          record_row (out, run, r, refs, columns);
        }
      return;
    }
  for (guint i = 0; i < gs_run_n_records (run); i++)
    {
      const GsRecord *r = gs_run_get_record (run, i);
      if (!breaches_only || gs_record_kind_is_breach (r->kind))
        record_row (out, run, r, gs_run_record_refs (run, r), columns);
    }
}

void
gs_report_csv_run (const GsRun *run, const GsSummary *sum, GsCsvTable table,
                   GString *out)
{
  const GsScenario *s = gs_run_get_scenario (run);
  switch (table)
    {
      case GS_CSV_PROPOSALS:
        write_proposals (out, run);
        break;
      case GS_CSV_MATTERS:
        write_matters (out, s, sum);
        break;
      case GS_CSV_TALLIES:
        write_tallies (out, s, sum);
        break;
      case GS_CSV_BODIES:
        write_bodies (out, s, sum);
        break;
      case GS_CSV_MEETINGS:
        write_meetings (out, run);
        break;
      case GS_CSV_GATEWAYS:
        write_gateways (out, s, sum);
        break;
      case GS_CSV_BREACHES:
        write_records (out, run, TRUE);
        break;
      case GS_CSV_RECORDS:
        write_records (out, run, FALSE);
        break;
      default:
        g_return_if_reached ();
    }
}

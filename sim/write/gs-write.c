/* gs-write.c — naming what records refer to, and CSV cells, for the data
 * writers (gs-write-private.h); the error quark of gs-write.h.
 */
#include "write/gs-write-private.h"

#include <math.h>
#include <string.h>

G_DEFINE_QUARK (gs - write - error - quark, gs_write_error)

/* The ladder a record is about: the value of its field that indexes
 * ladders (a level is a position in that ladder). */
static gint64
record_ladder (const GsRecord *r)
{
  const GsRecordInfo *info = gs_record_info (r->kind);
  for (guint f = 0; f < info->n_fields; f++)
    if (info->fields[f].type == GS_FIELD_INDEX
        && info->fields[f].list == GS_LIST_LADDER)
      return gs_record_field (r, &info->fields[f]);
  return -1;
}

gboolean
gs__write_item (const GsRun *run, const GsRecord *r, GsListKind list,
                gint64 index, GsItem *out)
{
  const GsScenario *s = gs_run_get_scenario (run);
  *out = (GsItem){ NULL, NULL, -1 };
  if (index < 0)
    return FALSE;
  switch (list)
    {
      case GS_LIST_PERSON:
        if (index >= s->people->len)
          return FALSE;
        out->id = GS_PERSON (s, index)->id;
        out->name = GS_PERSON (s, index)->name;
        return TRUE;
      case GS_LIST_ORGANISATION:
        if (index >= s->organisations->len)
          return FALSE;
        out->id = GS_ORG (s, index)->id;
        out->name = GS_ORG (s, index)->name;
        return TRUE;
      case GS_LIST_BODY:
        if (index >= s->bodies->len)
          return FALSE;
        out->id = GS_BODY (s, index)->id;
        out->name = GS_BODY (s, index)->name;
        return TRUE;
      case GS_LIST_PATHWAY:
        if (index >= s->pathways->len)
          return FALSE;
        out->id = GS_PATHWAY (s, index)->implicit ? NULL
                                                  : GS_PATHWAY (s, index)->id;
        out->name = GS_PATHWAY (s, index)->name;
        return TRUE;
      case GS_LIST_LADDER:
        if (index >= s->ladders->len)
          return FALSE;
        out->id = GS_LADDER (s, index)->id;
        out->name = GS_LADDER (s, index)->name;
        return TRUE;
      case GS_LIST_DELEGATION:
        if (index >= s->delegations->len)
          return FALSE;
        out->id = GS_DELEGATION (s, index)->id;
        return TRUE;
      case GS_LIST_CASE:
        if (index >= gs_run_n_cases (run))
          return FALSE;
        out->number = index;
        return TRUE;
      case GS_LIST_GATEWAY:
        {
          if (r == NULL || r->item == GS_NONE)
            return FALSE;
          const GsCase *c = gs_run_get_case (run, r->item);
          const GsPathway *pw = GS_PATHWAY (s, c->pathway);
          if (index >= pw->n_gateways)
            return FALSE;
          out->id = pw->gateways[index].id;
          out->name = pw->gateways[index].name;
          out->number = index + 1;
          return TRUE;
        }
      case GS_LIST_LEVEL:
        {
          gint64 ladder = r != NULL ? record_ladder (r) : -1;
          if (ladder < 0 || ladder >= s->ladders->len
              || index >= GS_LADDER (s, ladder)->n_levels)
            return FALSE;
          out->name = GS_LADDER (s, ladder)->levels[index].name;
          out->number = index + 1;
          return TRUE;
        }
      case GS_LIST_NONE:
      default:
        return FALSE;
    }
}

char *
gs__write_key (const char *machine)
{
  char *key = g_strdup (machine);
  g_strdelimit (key, "-", '_');
  return key;
}

gboolean
gs__write_has_field (const GsRecordInfo *info, const char *name)
{
  for (guint f = 0; f < info->n_fields; f++)
    if (strcmp (info->fields[f].name, name) == 0)
      return TRUE;
  return FALSE;
}

void
gs__csv_field (GString *out, const char *text, gboolean first)
{
  if (!first)
    g_string_append_c (out, ',');
  if (text == NULL)
    return;
  if (strpbrk (text, ",\"\r\n") == NULL)
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

void
gs__csv_int (GString *out, gint64 value)
{
  g_string_append_printf (out, ",%" G_GINT64_FORMAT, value);
}

void
gs__csv_days (GString *out, double days)
{
  g_string_append_c (out, ',');
  if (isnan (days))
    return;
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.1f", days));
}

void
gs__csv_date (GString *out, GsTime t)
{
  g_string_append_c (out, ',');
  if (t == GS_TIME_NEVER)
    return;
  char buf[GS_DATE_BUF];
  g_string_append (out, gs_time_format_date (t, buf));
}

void
gs__csv_number (GString *out, double x)
{
  g_string_append_c (out, ',');
  if (!isfinite (x))
    return;
  /* The shortest of 15 or 17 significant digits that reads back as @x:
   * the same double as the JSON's, without 0.94999999999999996. */
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_ascii_formatd (buf, sizeof buf, "%.15g", x);
  if (g_ascii_strtod (buf, NULL) != x)
    g_ascii_formatd (buf, sizeof buf, "%.17g", x);
  g_string_append (out, buf);
}

void
gs__csv_end (GString *out)
{
  g_string_append (out, "\r\n");
}

void
gs__csv_header (GString *out, const char *const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    gs__csv_field (out, names[i], i == 0);
  gs__csv_end (out);
}

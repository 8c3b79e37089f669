/* gs-text.c — the small phrases every part of the text writer uses.
 *
 * Names come from the scenario and may be any UTF-8, so column padding and
 * truncation count characters, not bytes.  Numbers with a fraction go
 * through g_ascii_formatd(), so no locale can change a report's bytes.
 */
#include "write/gs-text-private.h"

#include <math.h>

void
gs__text_cell (GString *out, const char *text, glong width)
{
  glong len = g_utf8_strlen (text, -1);
  if (len > width)
    {
      const char *cut = g_utf8_offset_to_pointer (text, width - 1);
      g_string_append_len (out, text, cut - text);
      g_string_append (out, "…");
    }
  else
    {
      g_string_append (out, text);
      for (glong i = len; i < width; i++)
        g_string_append_c (out, ' ');
    }
}

void
gs__text_days (GString *out, double days)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  const char *text
      = isnan (days) ? "-" : g_ascii_formatd (buf, sizeof buf, "%.1f", days);
  g_string_append_printf (out, "%8s", text);
}

void
gs__text_body (GString *out, const GsScenario *s, guint32 bi)
{
  const GsBody *b = GS_BODY (s, bi);
  g_string_append (out, b->name);
  if (b->org >= 0 && s->organisations->len > 1)
    g_string_append_printf (out, " (%s)", GS_ORG (s, b->org)->name);
}

static const char *
list_name (const GsScenario *s, GsListKind list, guint32 i)
{
  switch (list)
    {
      case GS_LIST_PERSON:
        return GS_PERSON (s, i)->name;
      case GS_LIST_ORGANISATION:
        return GS_ORG (s, i)->name;
      case GS_LIST_BODY:
        return GS_BODY (s, i)->name;
      default:
        g_return_val_if_reached ("?");
    }
}

void
gs__text_list (GString *out, const GsScenario *s, GsListKind list,
               const guint32 *items, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (out, i + 1 == n ? " and " : ", ");
      g_string_append (out, list_name (s, list, items[i]));
    }
}

void
gs__text_gateway (GString *out, const GsScenario *s, guint32 pathway, guint32 g)
{
  const GsPathway *pw = GS_PATHWAY (s, pathway);
  const GsGateway *gw = &pw->gateways[g];
  g_string_append_printf (out, "gateway %u of %u, ", g + 1, pw->n_gateways);
  if (gw->name != NULL)
    {
      g_string_append (out, gw->name);
      return;
    }
  G_STATIC_ASSERT (sizeof (guint) == sizeof (guint32));
  gs__text_list (out, s, GS_LIST_BODY, (const guint32 *)gw->bodies,
                 gw->n_bodies);
}

void
gs__text_level (GString *out, const GsScenario *s, gint32 ladder, gint32 level)
{
  const GsLadder *l = GS_LADDER (s, ladder);
  g_string_append_printf (out, "level %d of %s (%s)", level + 1, l->name,
                          l->levels[level].name);
}

const char *
gs__text_ordinal (gint32 n)
{
  if (n % 100 >= 11 && n % 100 <= 13)
    return "th";
  return n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
}

const char *
gs__text_state (GsCaseState st)
{
  switch (st)
    {
      case GS_CASE_APPROVED:
        return "approved";
      case GS_CASE_REJECTED:
        return "rejected";
      case GS_CASE_GRIDLOCKED:
        return "GRIDLOCKED";
      case GS_CASE_WAITING:
      default:
        return "pending";
    }
}

void
gs__text_link_journeys (const GsRun *run, guint32 **head_out,
                        guint32 **next_out)
{
  guint n = gs_run_n_cases (run), nr = gs_run_n_records (run);
  guint32 *head = g_new (guint32, MAX (n, 1));
  g_autofree guint32 *tail = g_new (guint32, MAX (n, 1));
  guint32 *next = g_new (guint32, MAX (nr, 1));
  for (guint i = 0; i < n; i++)
    head[i] = tail[i] = GS_NONE;
  for (guint32 i = 0; i < nr; i++)
    {
      const GsRecord *r = gs_run_get_record (run, i);
      next[i] = GS_NONE;
      if (r->item == GS_NONE || r->kind == GS_REC_CONFLICT
          || r->kind == GS_REC_CONSTITUENT)
        continue;
      if (head[r->item] == GS_NONE)
        head[r->item] = i;
      else
        next[tail[r->item]] = i;
      tail[r->item] = i;
    }
  *head_out = head;
  *next_out = next;
}

/* gs-load-traffic.c — proposals and streams of generated proposals.
 *
 * The last pass: each proposal or stream reaches its pathway by naming a
 * body (its implicit one-gateway pathway, made on first use and appended
 * after the explicit ones), by naming a pathway, or by matter and value.
 * Invariants on the way out: every proposal and every value a stream can
 * draw has a pathway; arrivals fall inside the simulated period; the lead
 * organisation is among those affected.
 */
#include "io/gs-loader-private.h"

#include <string.h>

/* "a b c" -> organisation indices; the lead is added when missing. */
static guint *
read_affects (GsLoader *l, xmlNodePtr n, int lead, guint *n_out)
{
  g_autofree char *v = gs__xml_attr (n, "affects");
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint));
  gs__marks_begin (&l->list, l->s->organisations->len);
  if (v != NULL)
    {
      g_auto (GStrv) ids = g_strsplit_set (v, " \t\r\n", -1);
      for (char **id = ids; *id; id++)
        {
          if (**id == '\0')
            continue;
          int o = gs__load_find_org (l->s, *id);
          if (o < 0)
            {
              gs__load_error (l, gs__xml_line (n),
                              "organisation '%s' is not defined (attribute "
                              "'affects')",
                              *id);
              continue;
            }
          if (!gs__marks_add (&l->list, (guint)o))
            gs__load_error (l, gs__xml_line (n),
                            "organisation '%s' is listed twice in 'affects'",
                            *id);
          else
            {
              guint uo = (guint)o;
              g_array_append_val (out, uo);
            }
        }
    }
  if (lead >= 0)
    {
      if (!gs__marks_has (&l->list, (guint)lead))
        {
          guint ul = (guint)lead;
          g_array_prepend_val (out, ul);
        }
    }
  *n_out = out->len;
  return (guint *)g_array_free (out, FALSE);
}

static gboolean
check_deciding_body (GsLoader *l, xmlNodePtr n, int body)
{
  if (body < 0)
    return FALSE;
  const GsBody *b = GS_BODY (l->s, body);
  if (b->group >= 0)
    {
      gs__load_error (l, gs__xml_line (n),
                      "'%s' meets only in common, as part of '%s': name the "
                      "committees in common as the deciding body",
                      b->id, GS_BODY (l->s, b->group)->id);
      return FALSE;
    }
  if (b->kind == GS_BODY_ADVISORY)
    {
      gs__load_error (l, gs__xml_line (n),
                      "'%s' is an advisory group: it may recommend but cannot "
                      "decide",
                      b->id);
      return FALSE;
    }
  return TRUE;
}

/* The pathway of a proposal or stream that names @body: one gateway of
 * that body alone, made on first use and appended after the explicit
 * pathways.  @implicit maps bodies to these pathways (-1: none yet). */
static guint
implicit_pathway (GsLoader *l, int *implicit, guint body)
{
  if (implicit[body] >= 0)
    return (guint)implicit[body];
  const GsBody *b = GS_BODY (l->s, body);
  GsGateway *gw = g_new0 (GsGateway, 1);
  *gw = (GsGateway){ .bodies = g_new (guint, 1),
                     .n_bodies = 1,
                     .need = GS_GATE_ALL,
                     .need_n = 1,
                     .locked = TRUE,
                     .applies = { 0, GS_LIMIT_VALUE_MAX },
                     .return_to = -1,
                     .line = b->line };
  gw->bodies[0] = body;
  GsPathway pw = { .id = b->id,
                   .name = b->name,
                   .values = { 0, GS_LIMIT_VALUE_MAX },
                   .gateways = gw,
                   .n_gateways = 1,
                   .n_slots = 1,
                   .implicit = TRUE,
                   .line = b->line };
  g_array_append_val (l->s->pathways, pw);
  implicit[body] = (int)l->s->pathways->len - 1;
  return (guint)implicit[body];
}

/* How a proposal or stream finds its pathway: 'body' (its implicit
 * pathway), 'pathway', or neither (chosen by matter and value, and
 * *by_value is set).  Returns the pathway, or -1. */
static int
read_route (GsLoader *l, xmlNodePtr c, int *implicit, gboolean *by_value)
{
  g_autofree char *body_attr = gs__xml_attr (c, "body");
  g_autofree char *pathway_attr = gs__xml_attr (c, "pathway");
  *by_value = FALSE;
  if (body_attr != NULL && pathway_attr != NULL)
    {
      gs__load_error (l, gs__xml_line (c),
                      "a %s names a body or a pathway, not both (or neither, "
                      "to choose by matter and value)",
                      (const char *)c->name);
      return -1;
    }
  if (body_attr != NULL)
    {
      int body = gs__load_ref (l, c, "body", "body", gs_scenario_find_body);
      if (!check_deciding_body (l, c, body))
        return -1;
      return (int)implicit_pathway (l, implicit, (guint)body);
    }
  if (pathway_attr != NULL)
    return gs__load_ref (l, c, "pathway", "pathway", gs__load_find_pathway);
  *by_value = TRUE;
  return -1;
}

static void
no_pathway_error (GsLoader *l, xmlNodePtr c, int matter, gint64 value)
{
  g_autofree char *v = gs__load_pounds (value);
  gs__load_error (l, gs__xml_line (c),
                  "no pathway takes matter '%s' worth %s: name a body or a "
                  "pathway",
                  GS_MATTER (l->s, matter)->id, v);
}

static gboolean
in_period (GsLoader *l, GsTime t)
{
  return t >= l->s->start && t < l->s->end;
}

static gboolean
parse_value_dist (const char *text, GsValueDist *out)
{
  double a = 0, b = 0;
  if (g_str_has_prefix (text, "uniform:"))
    {
      char *end = NULL;
      a = g_ascii_strtod (text + 8, &end);
      if (end == NULL || *end != ',')
        return FALSE;
      b = g_ascii_strtod (end + 1, NULL);
      *out = (GsValueDist){ GS_VALUE_UNIFORM, a, b };
      return TRUE;
    }
  if (g_str_has_prefix (text, "lognormal:"))
    {
      char *end = NULL;
      a = g_ascii_strtod (text + 10, &end);
      if (end == NULL || *end != ',')
        return FALSE;
      b = g_ascii_strtod (end + 1, NULL);
      *out = (GsValueDist){ GS_VALUE_LOGNORMAL, a, b };
      return TRUE;
    }
  *out = (GsValueDist){ GS_VALUE_FIXED, g_ascii_strtod (text, NULL), 0 };
  return TRUE;
}

static void
read_proposal (GsLoader *l, xmlNodePtr c, int *implicit)
{
  GsProposal p = { 0 };
  p.id = gs__load_intern (l, c, "id");
  p.title = gs__load_intern (l, c, "title");
  p.line = (int)gs__xml_line (c);
  gs__load_claim_id (l, c, p.id);
  int matter = gs__load_ref (l, c, "matter", "matter", gs_scenario_find_matter);
  int lead = gs__load_ref (l, c, "lead", "organisation", gs__load_find_org);
  p.value = (gint64)gs__load_uint (c, "value", 0);
  p.affects = read_affects (l, c, lead, &p.n_affects);
  p.deadline = GS_TIME_NEVER;
  gboolean by_value = FALSE;
  int pathway = read_route (l, c, implicit, &by_value);
  if (by_value && matter >= 0)
    {
      pathway = gs__scenario_select_pathway (l->s, (guint)matter, p.value);
      if (pathway < 0)
        no_pathway_error (l, c, matter, p.value);
    }
  if (gs__load_date (l, c, "arrives", &p.arrives) && !in_period (l, p.arrives))
    gs__load_error (l, p.line,
                    "proposal '%s' arrives outside the simulated period", p.id);
  g_autofree char *deadline = gs__xml_attr (c, "deadline");
  if (deadline && gs__load_date (l, c, "deadline", &p.deadline)
      && p.deadline < p.arrives)
    gs__load_error (l, p.line, "proposal '%s' has a deadline before it arrives",
                    p.id);
  p.urgent = gs__load_bool (c, "urgent", FALSE);
  p.matter = (guint)MAX (matter, 0);
  p.lead = (guint)MAX (lead, 0);
  p.pathway = (guint)MAX (pathway, 0);
  g_array_append_val (l->s->proposals, p);
}

static void
read_arrivals (GsLoader *l, xmlNodePtr c, int *implicit)
{
  GsArrivals a = { 0 };
  a.id = gs__load_intern (l, c, "id");
  a.title = gs__load_intern (l, c, "title");
  a.line = (int)gs__xml_line (c);
  gs__load_claim_id (l, c, a.id);
  int matter = gs__load_ref (l, c, "matter", "matter", gs_scenario_find_matter);
  int lead = gs__load_ref (l, c, "lead", "organisation", gs__load_find_org);
  a.affects = read_affects (l, c, lead, &a.n_affects);
  gboolean by_value = FALSE;
  a.pathway = read_route (l, c, implicit, &by_value);
  if (gs__load_date (l, c, "first", &a.first) && !in_period (l, a.first))
    gs__load_error (l, a.line,
                    "the first arrival of '%s' falls outside the simulated "
                    "period",
                    a.id);
  gs__load_duration (l, c, "every", TRUE, &a.every);
  g_autofree char *process = gs__xml_attr (c, "process");
  a.poisson = process != NULL && strcmp (process, "poisson") == 0;
  a.count = (guint)gs__load_uint (c, "count", 1);
  g_autofree char *value = gs__xml_attr (c, "value");
  if (!parse_value_dist (value ? value : "0", &a.value))
    gs__load_error (l, a.line, "cannot read the value distribution '%s'",
                    value);
  else if (a.value.kind == GS_VALUE_UNIFORM && a.value.a > a.value.b)
    gs__load_error (l, a.line,
                    "uniform value range '%s' runs backwards (low above high)",
                    value);
  else if (a.value.kind == GS_VALUE_LOGNORMAL && !(a.value.b > 0))
    gs__load_error (l, a.line, "lognormal value '%s' needs a spread above zero",
                    value);
  else if (by_value && matter >= 0)
    {
      /* Chosen per case: every value the stream can draw needs a pathway. */
      g_autoptr (GArray) taken
          = g_array_new (FALSE, FALSE, sizeof (GsValueRange));
      const GsScenario *s = l->s;
      for (guint r = s->route_start[matter]; r < s->route_start[matter + 1];
           r++)
        g_array_append_val (taken, GS_PATHWAY (s, s->route[r])->values);
      gint64 gap
          = gs__load_first_uncovered (taken, gs__value_dist_range (&a.value));
      if (gap >= 0)
        no_pathway_error (l, c, matter, gap);
    }
  g_autofree char *deadline = gs__xml_attr (c, "deadline");
  if (deadline)
    a.has_deadline = gs__load_duration (l, c, "deadline", TRUE, &a.deadline);
  a.urgent = gs__load_bool (c, "urgent", FALSE);
  a.matter = (guint)MAX (matter, 0);
  a.lead = (guint)MAX (lead, 0);
  g_array_append_val (l->s->arrivals, a);
}

/* Proposals and streams, after the explicit pathways: those naming a body
 * add its implicit pathway. */
void
gs__load_traffic (GsLoader *l, xmlNodePtr root)
{
  guint nb = l->s->bodies->len;
  g_autofree int *implicit = g_new (int, MAX (nb, 1));
  for (guint i = 0; i < nb; i++)
    implicit[i] = -1;
  for (xmlNodePtr c = root->children; c; c = c->next)
    {
      if (gs__xml_is_element (c, "proposal"))
        read_proposal (l, c, implicit);
      else if (gs__xml_is_element (c, "arrivals"))
        read_arrivals (l, c, implicit);
    }
}

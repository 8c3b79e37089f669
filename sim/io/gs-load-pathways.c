/* gs-load-pathways.c — escalation ladders and pathways of gateways.
 *
 * Ladders come first (bodies' escalation clauses and levels name them);
 * pathways after the schemes.  Invariants on the way out: the ladders'
 * 'then' links have no cycle; a gateway's bodies are distinct, none a
 * constituent committee, and an advisory group only where the gateway
 * recommends; every value a pathway takes meets a gateway that can decide
 * it.  Workload: linear in the gateways and levels (capped by the schema),
 * plus a sort of each pathway's value ranges.
 */
#include "io/gs-loader-private.h"

#include <string.h>

/* ---- escalation ladders -------------------------------------------------- */

static const char *const level_methods[] = {
  "vote", "reconsider", "chair", "mediation", "binding", "referral", NULL
};

/* What a level is called in reports when the file names no forum, body or
 * person for it. */
static const char *const level_default_names[] = {
  "Vote", "Reconsideration", "Chair", "Mediator", "Arbitrator", "Referral"
};

/* decides="referral": the bodies in 'bodies', and how many must approve. */
static void
read_referral (GsLoader *l, xmlNodePtr n, GsLevel *lv)
{
  long line = gs__xml_line (n);
  g_autofree char *many = gs__xml_attr (n, "bodies");
  g_autofree char *need = gs__xml_attr (n, "need");
  if (many == NULL)
    {
      gs__load_error (l, line,
                      "decides=\"referral\" needs the bodies it refers the "
                      "dispute to (attribute 'bodies')");
      return;
    }
  g_auto (GStrv) ids = g_strsplit_set (many, " \t\r\n", -1);
  GArray *bodies = g_array_new (FALSE, FALSE, sizeof (guint));
  guint listed = 0;
  gs__marks_begin (&l->list, l->s->bodies->len);
  for (char **id = ids; *id; id++)
    {
      if (**id == '\0')
        continue;
      listed++;
      int bi = gs_scenario_find_body (l->s, *id);
      if (bi < 0)
        gs__load_error (l, line,
                        "body '%s' is not defined (attribute 'bodies')", *id);
      else if (!gs__marks_add (&l->list, (guint)bi))
        gs__load_error (l, line, "body '%s' is listed twice in the referral",
                        *id);
      else if (GS_BODY (l->s, bi)->group >= 0)
        gs__load_error (l, line,
                        "'%s' meets only in common, as part of '%s': refer "
                        "the dispute to the committees in common",
                        *id, GS_BODY (l->s, GS_BODY (l->s, bi)->group)->id);
      else
        {
          guint ub = (guint)bi;
          g_array_append_val (bodies, ub);
        }
    }
  lv->n_bodies = bodies->len;
  lv->bodies = (guint *)g_array_free (bodies, FALSE);
  lv->need = lv->n_bodies;
  if (need != NULL && strcmp (need, "all") != 0)
    {
      guint64 k = g_ascii_strtoull (need, NULL, 10);
      if (k < 1 || k > listed)
        gs__load_error (l, line,
                        "need=\"%s\" is more approvals than the %u bodies "
                        "referred to",
                        need, listed);
      else
        lv->need = (guint)k;
    }
  l->s->referral_width = MAX (l->s->referral_width, lv->n_bodies);
}

static void
read_level (GsLoader *l, xmlNodePtr n, GsLevel *lv)
{
  long line = gs__xml_line (n);
  *lv = (GsLevel){ .body = -1, .person = -1, .line = (int)line };
  lv->method = gs__load_enum (n, "decides", level_methods, GS_LEVEL_VOTE);
  const char *method = level_methods[lv->method];
  g_autofree char *body_attr = gs__xml_attr (n, "body");
  g_autofree char *person_attr = gs__xml_attr (n, "person");
  g_autofree char *success_attr = gs__xml_attr (n, "success");
  g_autofree char *approve_attr = gs__xml_attr (n, "approve");
  int body = gs__load_ref (l, n, "body", "body", gs_scenario_find_body);
  int person = gs__load_ref (l, n, "person", "person", gs_scenario_find_person);
  gs__load_duration (l, n, "within", TRUE, &lv->within);
  gs__load_duration (l, n, "cooling-off", FALSE, &lv->cooling_off);
  lv->success = gs__load_double (n, "success", 0.0);
  lv->approve = gs__load_double (n, "approve",
                                 lv->method == GS_LEVEL_MEDIATION ? 1.0
                                 : lv->method == GS_LEVEL_BINDING ? 0.5
                                                                  : 0.0);
  switch (lv->method)
    {
      case GS_LEVEL_VOTE:
        if (body_attr == NULL)
          gs__load_error (l, line,
                          "decides=\"vote\" needs the body that votes");
        else if (body >= 0 && GS_BODY (l->s, body)->group >= 0)
          gs__load_error (
              l, line,
              "'%s' meets only in common, as part of '%s': name the "
              "committees in common as the body that votes",
              GS_BODY (l->s, body)->id,
              GS_BODY (l->s, GS_BODY (l->s, body)->group)->id);
        else
          lv->body = body;
        break;
      case GS_LEVEL_RECONSIDER:
        if (body_attr != NULL || person_attr != NULL)
          gs__load_error (
              l, line,
              "decides=\"reconsider\" returns the dispute to the body "
              "it arose in: it names no body or person");
        break;
      case GS_LEVEL_CHAIR:
        if (body_attr == NULL && person_attr == NULL)
          gs__load_error (
              l, line,
              "decides=\"chair\" needs the person who decides, or a "
              "body whose chair decides");
        else if (body_attr != NULL && person_attr != NULL)
          gs__load_error (
              l, line,
              "decides=\"chair\" names a person or a body whose chair "
              "decides, not both");
        else if (person >= 0)
          lv->person = person;
        else if (body >= 0)
          {
            const GsBody *b = GS_BODY (l->s, body);
            lv->body = body;
            if (b->chair < 0)
              gs__load_error (l, line, "body '%s' has no chair to decide",
                              b->id);
            else
              lv->person = (int)b->members[b->chair].person;
          }
        break;
      case GS_LEVEL_MEDIATION:
        if (success_attr == NULL)
          gs__load_error (
              l, line,
              "decides=\"mediation\" needs success, the probability "
              "of agreement");
        break;
      case GS_LEVEL_BINDING:
        break;
      case GS_LEVEL_REFERRAL:
        if (body_attr != NULL || person_attr != NULL)
          gs__load_error (l, line,
                          "decides=\"referral\" names its bodies in "
                          "'bodies', not a body or person");
        else
          read_referral (l, n, lv);
        break;
    }
  if (lv->method != GS_LEVEL_REFERRAL
      && (xmlHasProp (n, BAD_CAST "bodies") != NULL
          || xmlHasProp (n, BAD_CAST "need") != NULL))
    gs__load_error (l, line,
                    "bodies and need apply only to decides=\"referral\", "
                    "not decides=\"%s\"",
                    method);
  if (success_attr != NULL && lv->method != GS_LEVEL_MEDIATION)
    gs__load_error (l, line,
                    "success applies only to decides=\"mediation\", not "
                    "decides=\"%s\"",
                    method);
  if (approve_attr != NULL && lv->method != GS_LEVEL_MEDIATION
      && lv->method != GS_LEVEL_BINDING)
    gs__load_error (l, line,
                    "approve applies only to decides=\"mediation\" or "
                    "\"binding\", not decides=\"%s\"",
                    method);

  lv->name = gs__load_intern (l, n, "forum");
  if (lv->name == NULL && body >= 0)
    lv->name = GS_BODY (l->s, body)->name;
  if (lv->name == NULL && person >= 0)
    lv->name = GS_PERSON (l->s, person)->name;
  if (lv->name == NULL)
    lv->name = level_default_names[lv->method];
}

/* Reports each cycle of 'then' once, at the ladder of the cycle that comes
 * first in the file, naming the ladders in the order disputes pass. */
static void
check_ladder_cycles (GsLoader *l)
{
  GsScenario *s = l->s;
  guint n = s->ladders->len;
  /* 0: not seen; 1: on the current walk; 2: done. */
  g_autofree guint8 *state = g_new0 (guint8, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      int j = (int)i;
      while (j >= 0 && state[j] == 0)
        {
          state[j] = 1;
          j = GS_LADDER (s, j)->then;
        }
      if (j >= 0 && state[j] == 1)
        {
          int first = j;
          for (int k = GS_LADDER (s, j)->then; k != j;
               k = GS_LADDER (s, k)->then)
            first = MIN (first, k);
          const GsLadder *f = GS_LADDER (s, first);
          GString *path = g_string_new (f->id);
          int k = first;
          do
            {
              k = GS_LADDER (s, k)->then;
              g_string_append_printf (path, " -> %s", GS_LADDER (s, k)->id);
            }
          while (k != first);
          gs__load_error (l, f->line,
                          "ladder '%s' hands disputes on in a cycle: %s", f->id,
                          path->str);
          g_string_free (path, TRUE);
        }
      for (j = (int)i; j >= 0 && state[j] == 1; j = GS_LADDER (s, j)->then)
        state[j] = 2;
    }
}

void
gs__load_ladders (GsLoader *l, xmlNodePtr root)
{
  for (xmlNodePtr c = root->children; c; c = c->next)
    {
      if (!gs__xml_is_element (c, "ladder"))
        continue;
      GsLadder ld = { 0 };
      ld.id = gs__load_intern (l, c, "id");
      ld.name = gs__load_intern (l, c, "name");
      if (ld.name == NULL)
        ld.name = ld.id;
      ld.then = -1;
      ld.line = (int)gs__xml_line (c);
      gs__load_claim_id (l, c, ld.id);
      GArray *levels = g_array_new (FALSE, TRUE, sizeof (GsLevel));
      for (xmlNodePtr v = c->children; v; v = v->next)
        if (gs__xml_is_element (v, "level"))
          {
            GsLevel lv;
            read_level (l, v, &lv);
            g_array_append_val (levels, lv);
          }
      ld.n_levels = levels->len;
      ld.levels = (GsLevel *)g_array_free (levels, FALSE);
      gs__scenario_add_id (l->s, GS_IDS_LADDER, ld.id, l->s->ladders->len);
      g_array_append_val (l->s->ladders, ld);
    }
  /* 'then' may point forward: resolve it once every ladder is known. */
  guint i = 0;
  for (xmlNodePtr c = root->children; c; c = c->next)
    if (gs__xml_is_element (c, "ladder"))
      GS_LADDER (l->s, i++)->then
          = gs__load_ref (l, c, "then", "ladder", gs__load_find_ladder);
  check_ladder_cycles (l);
}

/* ---- pathways ------------------------------------------------------------ */

/* 'over' (exclusive) and 'up-to' (inclusive) as a range of whole pounds,
 * reporting one that holds no value; @what names the element. */
static GsValueRange
range_attrs (GsLoader *l, xmlNodePtr n, const char *what)
{
  g_autofree char *over = gs__xml_attr (n, "over");
  g_autofree char *up_to = gs__xml_attr (n, "up-to");
  GsValueRange r = { 0, GS_LIMIT_VALUE_MAX };
  if (over != NULL)
    r.lo = (gint64)g_ascii_strtoull (over, NULL, 10) + 1;
  if (up_to != NULL)
    r.hi = (gint64)g_ascii_strtoull (up_to, NULL, 10);
  if (r.lo > r.hi)
    {
      g_autofree char *lo = gs__load_pounds (r.lo - 1);
      g_autofree char *hi = gs__load_pounds (r.hi);
      gs__load_error (l, gs__xml_line (n),
                      "%s takes no value: over %s and up to %s is an empty "
                      "range",
                      what, lo, hi);
    }
  return r;
}

static int
compare_ranges (gconstpointer a, gconstpointer b)
{
  gint64 x = ((const GsValueRange *)a)->lo, y = ((const GsValueRange *)b)->lo;
  return (x > y) - (x < y);
}

/* The smallest value of @target that none of @ranges (GsValueRange, sorted
 * here) holds, or -1 when they cover it all. */
gint64
gs__load_first_uncovered (GArray *ranges, GsValueRange target)
{
  g_array_sort (ranges, compare_ranges);
  gint64 next = target.lo;
  for (guint i = 0; i < ranges->len && next <= target.hi; i++)
    {
      const GsValueRange *r = &g_array_index (ranges, GsValueRange, i);
      if (r->lo > next)
        break;
      if (r->hi >= next)
        next = r->hi + 1;
    }
  return next <= target.hi ? next : -1;
}

static const char *const gate_needs[] = { "all", "any", "at-least", NULL };

/* One <gateway>; @earlier holds the pathway's gateways before it. */
static void
read_gateway (GsLoader *l, xmlNodePtr n, const char *pathway_id,
              const GArray *earlier, guint first_slot, GsGateway *gw)
{
  long line = gs__xml_line (n);
  *gw = (GsGateway){ .return_to = -1,
                     .first_slot = first_slot,
                     .line = (int)line };
  gw->id = gs__load_intern (l, n, "id");
  gw->name = gs__load_intern (l, n, "name");
  for (guint i = 0; gw->id != NULL && i < earlier->len; i++)
    {
      const GsGateway *o = &g_array_index (earlier, GsGateway, i);
      if (o->id != NULL && strcmp (o->id, gw->id) == 0)
        gs__load_error (l, line,
                        "duplicate gateway id '%s' in pathway '%s' (first used "
                        "on line %d)",
                        gw->id, pathway_id, o->line);
    }
  g_autofree char *role = gs__xml_attr (n, "role");
  gw->recommend = role != NULL && strcmp (role, "recommend") == 0;
  gw->locked = gs__load_bool (n, "locked", TRUE);

  /* The bodies: one of 'body' and 'bodies'. */
  g_autofree char *one = gs__xml_attr (n, "body");
  g_autofree char *many = gs__xml_attr (n, "bodies");
  if (one != NULL && many != NULL)
    gs__load_error (l, line,
                    "a gateway names one body or several bodies, not both");
  else if (one == NULL && many == NULL)
    gs__load_error (l, line, "a gateway needs its bodies: give body or bodies");
  const char *which = one != NULL ? "body" : "bodies";
  g_auto (GStrv) ids = g_strsplit_set (one != NULL ? one
                                       : many      ? many
                                                   : "",
                                       " \t\r\n", -1);
  GArray *bodies = g_array_new (FALSE, FALSE, sizeof (guint));
  gs__marks_begin (&l->list, l->s->bodies->len);
  for (char **id = ids; *id; id++)
    {
      if (**id == '\0')
        continue;
      int bi = gs_scenario_find_body (l->s, *id);
      if (bi < 0)
        {
          gs__load_error (l, line, "body '%s' is not defined (attribute '%s')",
                          *id, which);
          continue;
        }
      if (!gs__marks_add (&l->list, (guint)bi))
        {
          gs__load_error (l, line, "body '%s' is listed twice in the gateway",
                          *id);
          continue;
        }
      const GsBody *b = GS_BODY (l->s, bi);
      if (b->group >= 0)
        gs__load_error (l, line,
                        "'%s' meets only in common, as part of '%s': name the "
                        "committees in common at the gateway",
                        b->id, GS_BODY (l->s, b->group)->id);
      else if (b->kind == GS_BODY_ADVISORY && !gw->recommend)
        gs__load_error (
            l, line,
            "'%s' is an advisory group: it may recommend but cannot "
            "decide (give the gateway role=\"recommend\")",
            b->id);
      guint ub = (guint)bi;
      g_array_append_val (bodies, ub);
    }
  gw->n_bodies = bodies->len;
  gw->bodies = (guint *)g_array_free (bodies, FALSE);

  /* How many must approve. */
  gw->need = gs__load_enum (n, "need", gate_needs, GS_GATE_ALL);
  g_autofree char *nv = gs__xml_attr (n, "n");
  guint64 need_n = gs__load_uint (n, "n", 0);
  switch (gw->need)
    {
      case GS_GATE_ALL:
        gw->need_n = gw->n_bodies;
        break;
      case GS_GATE_ANY:
        gw->need_n = 1;
        break;
      case GS_GATE_AT_LEAST:
        if (nv == NULL || need_n < 1 || need_n > gw->n_bodies)
          gs__load_error (
              l, line,
              "need=\"at-least\" needs n between 1 and the number of "
              "bodies (%u)",
              gw->n_bodies);
        gw->need_n = (guint)MIN (need_n, gw->n_bodies);
        break;
    }
  if (nv != NULL && gw->need != GS_GATE_AT_LEAST)
    gs__load_error (l, line, "n applies only to need=\"at-least\"");

  gw->applies = range_attrs (l, n, "the gateway");

  /* What a rejection does. */
  g_autofree char *on_reject = gs__xml_attr (n, "on-reject");
  g_autofree char *return_to = gs__xml_attr (n, "return-to");
  gboolean returns = on_reject != NULL && strcmp (on_reject, "return") == 0;
  if (returns && gw->recommend)
    gs__load_error (l, line,
                    "a gateway that only recommends cannot reject, so "
                    "on-reject=\"return\" does not apply");
  else if (returns && return_to == NULL)
    gs__load_error (l, line,
                    "on-reject=\"return\" needs return-to, the earlier gateway "
                    "to return to");
  else if (!returns && return_to != NULL)
    gs__load_error (l, line,
                    "return-to applies only with on-reject=\"return\"");
  else if (returns)
    {
      for (guint i = 0; i < earlier->len && gw->return_to < 0; i++)
        {
          const GsGateway *o = &g_array_index (earlier, GsGateway, i);
          if (o->id != NULL && strcmp (o->id, return_to) == 0)
            gw->return_to = (int)i;
        }
      if (gw->return_to < 0)
        gs__load_error (l, line,
                        "return-to '%s' is not an earlier gateway of pathway "
                        "'%s'",
                        return_to, pathway_id);
    }
  gw->max_returns = (guint)gs__load_uint (n, "max-returns", 1);
}

static void
read_pathway (GsLoader *l, xmlNodePtr c)
{
  GsPathway pw = { 0 };
  pw.id = gs__load_intern (l, c, "id");
  pw.name = gs__load_intern (l, c, "name");
  if (pw.name == NULL)
    pw.name = pw.id;
  pw.line = (int)gs__xml_line (c);
  gs__load_claim_id (l, c, pw.id);
  pw.matters = gs__load_matters (l, c, "matters", &pw.n_matters);
  g_autofree char *what = g_strdup_printf ("pathway '%s'", pw.id);
  pw.values = range_attrs (l, c, what);

  GArray *gateways = g_array_new (FALSE, TRUE, sizeof (GsGateway));
  for (xmlNodePtr g = c->children; g; g = g->next)
    if (gs__xml_is_element (g, "gateway"))
      {
        GsGateway gw;
        read_gateway (l, g, pw.id, gateways, pw.n_slots, &gw);
        pw.n_slots += gw.n_bodies;
        g_array_append_val (gateways, gw);
      }
  pw.n_gateways = gateways->len;
  pw.gateways = (GsGateway *)g_array_free (gateways, FALSE);

  /* Every value the pathway takes meets a gateway that can decide it. */
  if (pw.values.lo <= pw.values.hi)
    {
      g_autoptr (GArray) binding
          = g_array_new (FALSE, FALSE, sizeof (GsValueRange));
      for (guint i = 0; i < pw.n_gateways; i++)
        if (!pw.gateways[i].recommend)
          g_array_append_val (binding, pw.gateways[i].applies);
      gint64 gap = gs__load_first_uncovered (binding, pw.values);
      if (gap >= 0)
        {
          g_autofree char *v = gs__load_pounds (gap);
          gs__load_error (l, pw.line,
                          "pathway '%s': a proposal worth %s would meet no "
                          "gateway that can decide it",
                          pw.id, v);
        }
    }
  gs__scenario_add_id (l->s, GS_IDS_PATHWAY, pw.id, l->s->pathways->len);
  g_array_append_val (l->s->pathways, pw);
}

void
gs__load_pathways (GsLoader *l, xmlNodePtr root)
{
  for (xmlNodePtr c = root->children; c; c = c->next)
    if (gs__xml_is_element (c, "pathway"))
      read_pathway (l, c);
}

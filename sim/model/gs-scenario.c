/* gs-scenario.c — lifetime and read access of a loaded scenario.
 *
 * The scenario is built once by the loader and then only read, so there is
 * nothing here but construction, destruction, look-ups and the names of the
 * enumerations.  Look-ups by id are linear: they run at load time and in the
 * front end, never in the engine's loop, and scenarios hold hundreds of
 * entities, not millions.
 */
#include "model/gs-scenario-private.h"

#include <math.h>
#include <string.h>

static void
clear_organisation (gpointer p)
{
  GsOrganisation *o = p;
  g_free (o->reserved);
  g_free (o->delegations);
}

static void
clear_delegation (gpointer p)
{
  g_free (((GsDelegation *)p)->matters);
}

static void
clear_body (gpointer p)
{
  GsBody *b = p;
  g_free (b->members);
  g_free (b->parties);
  g_free (b->constituents);
}

static void
clear_proposal (gpointer p)
{
  GsProposal *pr = p;
  g_free (pr->affects);
}

static void
clear_arrivals (gpointer p)
{
  GsArrivals *a = p;
  g_free (a->affects);
}

static void
clear_pathway (gpointer p)
{
  GsPathway *pw = p;
  for (guint i = 0; i < pw->n_gateways; i++)
    g_free (pw->gateways[i].bodies);
  g_free (pw->gateways);
  g_free (pw->matters);
}

static void
clear_ladder (gpointer p)
{
  g_free (((GsLadder *)p)->levels);
}

GsScenario *
gs__scenario_new (const char *source)
{
  GsScenario *s = g_new0 (GsScenario, 1);
  s->strings = g_string_chunk_new (4096);
  s->source = g_string_chunk_insert (s->strings, source);
  s->organisations = g_array_new (FALSE, TRUE, sizeof (GsOrganisation));
  g_array_set_clear_func (s->organisations, clear_organisation);
  s->delegations = g_array_new (FALSE, TRUE, sizeof (GsDelegation));
  g_array_set_clear_func (s->delegations, clear_delegation);
  s->people = g_array_new (FALSE, TRUE, sizeof (GsPerson));
  s->matters = g_array_new (FALSE, TRUE, sizeof (GsMatter));
  s->bodies = g_array_new (FALSE, TRUE, sizeof (GsBody));
  g_array_set_clear_func (s->bodies, clear_body);
  s->proposals = g_array_new (FALSE, TRUE, sizeof (GsProposal));
  g_array_set_clear_func (s->proposals, clear_proposal);
  s->arrivals = g_array_new (FALSE, TRUE, sizeof (GsArrivals));
  g_array_set_clear_func (s->arrivals, clear_arrivals);
  s->pathways = g_array_new (FALSE, TRUE, sizeof (GsPathway));
  g_array_set_clear_func (s->pathways, clear_pathway);
  s->ladders = g_array_new (FALSE, TRUE, sizeof (GsLadder));
  g_array_set_clear_func (s->ladders, clear_ladder);
  s->absences = g_array_new (FALSE, TRUE, sizeof (GsAbsence));
  s->conflicts = g_array_new (FALSE, TRUE, sizeof (GsConflict));
  s->seed = 1;
  return s;
}

const char *
gs__scenario_intern (GsScenario *s, const char *text)
{
  return text ? g_string_chunk_insert_const (s->strings, text) : NULL;
}

void
gs_scenario_free (GsScenario *s)
{
  if (s == NULL)
    return;
  g_array_unref (s->organisations);
  g_array_unref (s->people);
  g_array_unref (s->matters);
  g_array_unref (s->bodies);
  g_array_unref (s->proposals);
  g_array_unref (s->arrivals);
  g_array_unref (s->pathways);
  g_array_unref (s->ladders);
  g_array_unref (s->delegations);
  g_array_unref (s->absences);
  g_array_unref (s->conflicts);
  g_free (s->support);
  g_free (s->support_affected);
  g_free (s->abstain);
  g_string_chunk_free (s->strings);
  g_free (s);
}

const char *
gs_scenario_get_name (const GsScenario *s)
{
  g_return_val_if_fail (s != NULL, NULL);
  return s->name;
}

const char *
gs_scenario_get_source (const GsScenario *s)
{
  g_return_val_if_fail (s != NULL, NULL);
  return s->source;
}

GsTime
gs_scenario_get_start (const GsScenario *s)
{
  return s->start;
}

GsTime
gs_scenario_get_end (const GsScenario *s)
{
  return s->end;
}

guint64
gs_scenario_get_default_seed (const GsScenario *s)
{
  return s->seed;
}

guint
gs_scenario_n_organisations (const GsScenario *s)
{
  return s->organisations->len;
}

guint
gs_scenario_n_people (const GsScenario *s)
{
  return s->people->len;
}

guint
gs_scenario_n_matters (const GsScenario *s)
{
  return s->matters->len;
}

guint
gs_scenario_n_bodies (const GsScenario *s)
{
  return s->bodies->len;
}

guint
gs_scenario_n_proposals (const GsScenario *s)
{
  return s->proposals->len;
}

guint
gs_scenario_n_arrivals (const GsScenario *s)
{
  return s->arrivals->len;
}

int
gs_scenario_find_body (const GsScenario *s, const char *id)
{
  for (guint i = 0; i < s->bodies->len; i++)
    if (strcmp (GS_BODY (s, i)->id, id) == 0)
      return (int)i;
  return -1;
}

int
gs_scenario_find_person (const GsScenario *s, const char *id)
{
  for (guint i = 0; i < s->people->len; i++)
    if (strcmp (GS_PERSON (s, i)->id, id) == 0)
      return (int)i;
  return -1;
}

int
gs_scenario_find_matter (const GsScenario *s, const char *id)
{
  for (guint i = 0; i < s->matters->len; i++)
    if (strcmp (GS_MATTER (s, i)->id, id) == 0)
      return (int)i;
  return -1;
}

double
gs_scenario_support (const GsScenario *s, guint person, guint matter)
{
  g_return_val_if_fail (person < s->people->len, 0.0);
  g_return_val_if_fail (matter < s->matters->len, 0.0);
  GsStance st;
  gs__scenario_stance (s, person, matter, &st);
  return st.support;
}

void
gs__scenario_stance (const GsScenario *s, guint person, guint matter,
                     GsStance *out)
{
  gsize cell = (gsize)person * s->matters->len + matter;
  out->support = s->support[cell];
  out->if_affected = s->support_affected[cell];
  out->abstain = s->abstain[cell];
}

gboolean
gs__scenario_away (const GsScenario *s, guint person, GsTime t)
{
  for (guint i = 0; i < s->absences->len; i++)
    {
      const GsAbsence *a = &g_array_index (s->absences, GsAbsence, i);
      if (a->person == person && a->from <= t && t < a->until)
        return TRUE;
    }
  return FALSE;
}

gboolean
gs__scenario_conflicted (const GsScenario *s, guint person, guint matter,
                         const guint *affects, guint n_affects)
{
  for (guint i = 0; i < s->conflicts->len; i++)
    {
      const GsConflict *k = &g_array_index (s->conflicts, GsConflict, i);
      if (k->person != person)
        continue;
      if (k->matter >= 0 && (guint)k->matter == matter)
        return TRUE;
      if (k->org >= 0 && gs__lists (affects, n_affects, (guint)k->org))
        return TRUE;
    }
  return FALSE;
}

const char *
gs_org_kind_to_string (GsOrgKind kind)
{
  static const char *const names[] = {
    "nhs-trust",
    "foundation-trust",
    "icb",
    "local-authority",
    "combined-authority",
    "vcse",
    "independent",
    "cic",
  };
  return (guint)kind < G_N_ELEMENTS (names) ? names[kind] : "unknown";
}

const char *
gs_role_to_string (GsRole role)
{
  static const char *const names[] = {
    "chair",     "ned",      "chief-executive", "finance-director",
    "executive", "governor", "officer",         "external",
  };
  return (guint)role < G_N_ELEMENTS (names) ? names[role] : "unknown";
}

const char *
gs_body_kind_to_string (GsBodyKind kind)
{
  static const char *const names[] = {
    "board",   "committee",       "advisory-group",
    "officer", "joint-committee", "committees-in-common",
  };
  return (guint)kind < G_N_ELEMENTS (names) ? names[kind] : "unknown";
}

int
gs__scenario_select_pathway (const GsScenario *s, guint matter, gint64 value)
{
  for (guint i = 0; i < s->pathways->len; i++)
    {
      const GsPathway *pw = GS_PATHWAY (s, i);
      if (pw->implicit || !gs__value_in (&pw->values, value))
        continue;
      for (guint m = 0; m < pw->n_matters; m++)
        if (pw->matters[m] == matter)
          return (int)i;
    }
  return -1;
}

/* The whole pounds a stream's proposals may be worth (as the engine rounds
 * and caps its draws). */
GsValueRange
gs__value_dist_range (const GsValueDist *v)
{
  double cap = (double)GS_LIMIT_VALUE_MAX;
  switch (v->kind)
    {
      case GS_VALUE_UNIFORM:
        return (GsValueRange){ (gint64)llround (CLAMP (v->a, 0.0, cap)),
                               (gint64)llround (CLAMP (v->b, 0.0, cap)) };
      case GS_VALUE_LOGNORMAL:
        return (GsValueRange){ 0, GS_LIMIT_VALUE_MAX };
      case GS_VALUE_FIXED:
      default:
        {
          gint64 x = (gint64)llround (CLAMP (v->a, 0.0, cap));
          return (GsValueRange){ x, x };
        }
    }
}

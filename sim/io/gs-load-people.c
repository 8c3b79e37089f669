/* gs-load-people.c — organisations, matter types, people and behaviour.
 *
 * The first passes of the build (organisations and matters, then people)
 * and the behaviour passes that run once bodies exist: scripted absences,
 * declared conflicts of interest and stances.  Stances are kept as the
 * file gives them, resolved by the most specific rule that matches
 * (person + matter, person, organisation + matter, organisation, matter,
 * default).
 */
#include "io/gs-loader-private.h"

#include <string.h>

static const char *const org_kinds[] = { "nhs-trust",
                                         "foundation-trust",
                                         "icb",
                                         "local-authority",
                                         "combined-authority",
                                         "vcse",
                                         "independent",
                                         "cic",
                                         NULL };

static const char *const matter_classes[] = { "ordinary",
                                              "remuneration",
                                              "annual-accounts",
                                              "consolidated-accounts",
                                              "audit",
                                              "non-delegable",
                                              NULL };

void
gs__load_organisations_and_matters (GsLoader *l, xmlNodePtr root)
{
  for (xmlNodePtr c = root->children; c; c = c->next)
    {
      if (gs__xml_is_element (c, "organisation"))
        {
          GsOrganisation o = { 0 };
          o.id = gs__load_intern (l, c, "id");
          o.name = gs__load_intern (l, c, "name");
          o.kind = gs__load_enum (c, "kind", org_kinds, GS_ORG_NHS_TRUST);
          o.leaves = GS_TIME_NEVER;
          o.line = (int)gs__xml_line (c);
          gs__load_claim_id (l, c, o.id);
          g_array_append_val (l->s->organisations, o);
        }
      else if (gs__xml_is_element (c, "matter"))
        {
          GsMatter m = { 0 };
          m.id = gs__load_intern (l, c, "id");
          m.name = gs__load_intern (l, c, "name");
          m.klass
              = gs__load_enum (c, "class", matter_classes, GS_MATTER_ORDINARY);
          m.line = (int)gs__xml_line (c);
          gs__load_claim_id (l, c, m.id);
          g_array_append_val (l->s->matters, m);
        }
    }
}

void
gs__load_people (GsLoader *l, xmlNodePtr root)
{
  for (xmlNodePtr c = root->children; c; c = c->next)
    {
      if (!gs__xml_is_element (c, "person"))
        continue;
      GsPerson p = { 0 };
      p.id = gs__load_intern (l, c, "id");
      p.name = gs__load_intern (l, c, "name");
      if (p.name == NULL)
        p.name = p.id;
      p.org = gs__load_ref (l, c, "org", "organisation", gs__load_find_org);
      p.role = gs__load_enum (c, "role", gs__load_roles, GS_ROLE_OFFICER);
      /* xs:boolean allows surrounding white space. */
      g_autofree char *director = gs__xml_attr (c, "director");
      if (director != NULL)
        g_strstrip (director);
      p.director
          = director != NULL
            && (strcmp (director, "true") == 0 || strcmp (director, "1") == 0);
      p.attendance = gs__load_double (c, "attendance", 1.0);
      p.line = (int)gs__xml_line (c);
      gs__load_claim_id (l, c, p.id);
      g_autofree char *org_attr = gs__xml_attr (c, "org");
      if (p.director && org_attr == NULL) /* a dangling org is reported */
        gs__load_error (l, p.line,
                        "person '%s' is a director but belongs to no "
                        "organisation",
                        p.id);
      g_array_append_val (l->s->people, p);
    }
}

void
gs__load_absences_and_conflicts (GsLoader *l, xmlNodePtr root)
{
  for (xmlNodePtr c = root->children; c; c = c->next)
    {
      if (gs__xml_is_element (c, "absence"))
        {
          GsAbsence a = { .line = (int)gs__xml_line (c) };
          int p = gs__load_ref (l, c, "person", "person",
                                gs_scenario_find_person);
          gboolean ok = gs__load_date (l, c, "from", &a.from);
          ok &= gs__load_date (l, c, "until", &a.until);
          if (ok && a.until <= a.from)
            gs__load_error (l, a.line,
                            "the absence ends ('until') on or before it "
                            "starts ('from')");
          if (p >= 0)
            {
              a.person = (guint)p;
              g_array_append_val (l->s->absences, a);
            }
        }
      else if (gs__xml_is_element (c, "conflict"))
        {
          GsConflict k = { .line = (int)gs__xml_line (c) };
          int p = gs__load_ref (l, c, "person", "person",
                                gs_scenario_find_person);
          g_autofree char *mv = gs__xml_attr (c, "matter");
          g_autofree char *ov = gs__xml_attr (c, "org");
          k.matter = gs__load_ref (l, c, "matter", "matter",
                                   gs_scenario_find_matter);
          k.org = gs__load_ref (l, c, "org", "organisation", gs__load_find_org);
          if (mv == NULL && ov == NULL)
            gs__load_error (l, k.line,
                            "a conflict names a matter, an organisation or "
                            "both");
          if (p >= 0)
            {
              k.person = (guint)p;
              g_array_append_val (l->s->conflicts, k);
            }
        }
    }
}

typedef struct
{
  int person, org, matter;
  double support;
  double if_affected; /* support when the proposal affects their org */
  double abstain;
  int rank;
  long line;
} Stance;

static int
stance_rank (const Stance *st)
{
  if (st->person >= 0)
    return st->matter >= 0 ? 5 : 4;
  if (st->org >= 0)
    return st->matter >= 0 ? 3 : 2;
  return st->matter >= 0 ? 1 : 0;
}

void
gs__load_stances (GsLoader *l, xmlNodePtr root)
{
  g_autoptr (GArray) stances = g_array_new (FALSE, FALSE, sizeof (Stance));
  for (xmlNodePtr c = root->children; c; c = c->next)
    {
      if (!gs__xml_is_element (c, "stance"))
        continue;
      Stance st = { -1, -1, -1, 0.5, 0.5, 0.0, 0, gs__xml_line (c) };
      g_autofree char *pv = gs__xml_attr (c, "person");
      g_autofree char *ov = gs__xml_attr (c, "org");
      g_autofree char *mv = gs__xml_attr (c, "matter");
      st.person
          = gs__load_ref (l, c, "person", "person", gs_scenario_find_person);
      st.org = gs__load_ref (l, c, "org", "organisation", gs__load_find_org);
      st.matter
          = gs__load_ref (l, c, "matter", "matter", gs_scenario_find_matter);
      st.support = gs__load_double (c, "support", 0.5);
      st.if_affected = gs__load_double (c, "if-affected", st.support);
      st.abstain = gs__load_double (c, "abstain", 0.0);
      if (pv && ov)
        {
          gs__load_error (l, st.line,
                          "a stance names a person or an organisation, not "
                          "both");
          continue;
        }
      if ((pv && st.person < 0) || (ov && st.org < 0) || (mv && st.matter < 0))
        continue;
      st.rank = stance_rank (&st);
      for (guint i = 0; i < stances->len; i++)
        {
          const Stance *o = &g_array_index (stances, Stance, i);
          if (o->person == st.person && o->org == st.org
              && o->matter == st.matter)
            gs__load_error (l, st.line,
                            "this stance repeats the one on line %ld", o->line);
        }
      g_array_append_val (stances, st);
    }

  GsScenario *s = l->s;
  guint np = s->people->len, nm = s->matters->len;
  gsize cells = (gsize)MAX (np, 1) * MAX (nm, 1);
  s->support = g_new (double, cells);
  s->support_affected = g_new (double, cells);
  s->abstain = g_new (double, cells);
  for (guint p = 0; p < np; p++)
    for (guint m = 0; m < nm; m++)
      {
        int best = -1;
        double support = 0.5, if_affected = 0.5, abstain = 0.0;
        int org = GS_PERSON (s, p)->org;
        for (guint i = 0; i < stances->len; i++)
          {
            const Stance *st = &g_array_index (stances, Stance, i);
            gboolean match = (st->person < 0 || st->person == (int)p)
                             && (st->org < 0 || (org >= 0 && st->org == org))
                             && (st->matter < 0 || st->matter == (int)m);
            if (match && st->rank > best)
              {
                best = st->rank;
                support = st->support;
                if_affected = st->if_affected;
                abstain = st->abstain;
              }
          }
        s->support[(gsize)p * nm + m] = support;
        s->support_affected[(gsize)p * nm + m] = if_affected;
        s->abstain[(gsize)p * nm + m] = abstain;
      }
}

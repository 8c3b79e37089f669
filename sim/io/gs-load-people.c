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
          gs__scenario_add_id (l->s, GS_IDS_ORG, o.id,
                               l->s->organisations->len);
          g_array_append_val (l->s->organisations, o);
        }
      else if (gs__xml_is_element (c, "matter"))
        {
          GsMatter m = { 0 };
          m.id = gs__load_intern (l, c, "id");
          m.name = gs__load_intern (l, c, "name");
          m.klass
              = gs__load_enum (c, "class", matter_classes, GS_MATTER_ORDINARY);
          m.function_of = -1;
          m.line = (int)gs__xml_line (c);
          gs__load_claim_id (l, c, m.id);
          gs__scenario_add_id (l->s, GS_IDS_MATTER, m.id, l->s->matters->len);
          g_array_append_val (l->s->matters, m);
        }
    }
  /* Organisations may follow the matters that name them. */
  guint mi = 0;
  for (xmlNodePtr c = root->children; c; c = c->next)
    if (gs__xml_is_element (c, "matter"))
      {
        g_autofree char *of = gs__xml_attr (c, "function-of");
        if (of != NULL && mi < l->s->matters->len)
          GS_MATTER (l->s, mi)->function_of = gs__load_ref (
              l, c, "function-of", "organisation", gs__load_find_org);
        mi++;
      }
}

void
gs__load_check_functions (GsLoader *l)
{
  for (guint i = 0; i < l->s->matters->len; i++)
    {
      const GsMatter *m = GS_MATTER (l->s, i);
      if (m->function_of < 0 || GS_ORG (l->s, m->function_of)->has_scheme)
        continue;
      gs__load_error (l, m->line,
                      "matter '%s' is a function of '%s', which has no "
                      "scheme of delegation to say who may exercise it",
                      m->id, GS_ORG (l->s, m->function_of)->id);
    }
}

/* The posts of person @p: its own organisation's first (when it has one),
 * then each <post> child.  A post names an organisation the person does
 * not already serve; a person with posts elsewhere has an organisation of
 * their own. */
static void
read_posts (GsLoader *l, xmlNodePtr c, GsPerson *p)
{
  GArray *posts = l->s->posts;
  p->post_start = posts->len;
  if (p->org >= 0)
    {
      GsPost own = { p->org, p->role, p->director };
      g_array_append_val (posts, own);
    }
  for (xmlNodePtr k = c->children; k; k = k->next)
    {
      if (!gs__xml_is_element (k, "post"))
        continue;
      long line = gs__xml_line (k);
      g_autofree char *org_attr = gs__xml_attr (k, "org");
      int org = gs__load_ref (l, k, "org", "organisation", gs__load_find_org);
      if (org_attr == NULL)
        {
          gs__load_error (l, line,
                          "a post names the organisation it serves "
                          "('org')");
          continue;
        }
      if (org < 0)
        continue;
      if (p->org < 0)
        {
          gs__load_error (l, line,
                          "person '%s' holds a post at '%s' but has no "
                          "organisation of their own ('org' on the person)",
                          p->id, GS_ORG (l->s, org)->id);
          continue;
        }
      gboolean repeat = FALSE;
      for (guint i = p->post_start; i < posts->len; i++)
        repeat |= g_array_index (posts, GsPost, i).org == org;
      if (repeat)
        {
          gs__load_error (l, line, "person '%s' holds two posts at '%s'", p->id,
                          GS_ORG (l->s, org)->id);
          continue;
        }
      GsPost post = { org, p->role, FALSE };
      g_autofree char *role = gs__xml_attr (k, "role");
      if (role != NULL)
        post.role = gs__load_enum (k, "role", gs__load_roles, p->role);
      post.director = gs__load_bool (k, "director", FALSE);
      g_array_append_val (posts, post);
    }
  p->n_posts = posts->len - p->post_start;
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
      read_posts (l, c, &p);
      gs__scenario_add_id (l->s, GS_IDS_PERSON, p.id, l->s->people->len);
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

/* A stance's key for the repeat check: whom it is for (nobody, an
 * organisation or a person) in bits 62-63, its index in bits 31-61, and its
 * matter + 1 (0: all) in bits 0-30, so distinct stances never share a key
 * (indices are far below 2^31: a file of 16 MiB holds at most a few million
 * elements). */
static gint64
stance_key (const GsStanceRule *r)
{
  guint64 kind = r->person >= 0 ? 2 : r->org >= 0 ? 1 : 0;
  guint64 who = (guint64)(r->person >= 0 ? r->person : MAX (r->org, 0));
  guint64 key = kind << 62 | who << 31 | (guint64)(r->matter + 1);
  return (gint64)key;
}

/* Reads every stance, refusing one that repeats another's person,
 * organisation and matter, and hands them to the model, which groups them
 * for resolution (gs__scenario_set_stances).  Linear in the stances. */
void
gs__load_stances (GsLoader *l, xmlNodePtr root)
{
  GArray *rules = g_array_new (FALSE, FALSE, sizeof (GsStanceRule));
  /* key -> the line of the first stance with it */
  g_autoptr (GHashTable) seen
      = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (xmlNodePtr c = root->children; c; c = c->next)
    {
      if (!gs__xml_is_element (c, "stance"))
        continue;
      long line = gs__xml_line (c);
      GsStanceRule r = { -1, -1, -1, { 0.5, 0.5, 0.0 } };
      g_autofree char *pv = gs__xml_attr (c, "person");
      g_autofree char *ov = gs__xml_attr (c, "org");
      g_autofree char *mv = gs__xml_attr (c, "matter");
      r.person
          = gs__load_ref (l, c, "person", "person", gs_scenario_find_person);
      r.org = gs__load_ref (l, c, "org", "organisation", gs__load_find_org);
      r.matter
          = gs__load_ref (l, c, "matter", "matter", gs_scenario_find_matter);
      r.stance.support = gs__load_double (c, "support", 0.5);
      r.stance.if_affected
          = gs__load_double (c, "if-affected", r.stance.support);
      r.stance.abstain = gs__load_double (c, "abstain", 0.0);
      if (pv && ov)
        {
          gs__load_error (l, line,
                          "a stance names a person or an organisation, not "
                          "both");
          continue;
        }
      if ((pv && r.person < 0) || (ov && r.org < 0) || (mv && r.matter < 0))
        continue;
      gint64 key = stance_key (&r);
      gpointer first = g_hash_table_lookup (seen, &key);
      if (first != NULL)
        gs__load_error (l, line, "this stance repeats the one on line %ld",
                        (long)GPOINTER_TO_INT (first));
      else
        g_hash_table_insert (seen, g_memdup2 (&key, sizeof key),
                             GINT_TO_POINTER ((int)line));
      g_array_append_val (rules, r);
    }
  guint n = rules->len;
  gs__scenario_set_stances (l->s, (GsStanceRule *)g_array_free (rules, FALSE),
                            n);
}

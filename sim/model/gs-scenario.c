/* gs-scenario.c — lifetime and read access of a loaded scenario.
 *
 * The scenario is built once by the loader and then only read, so there is
 * nothing here but construction, destruction, the indexes the loader asks
 * for once it has read a family of elements, look-ups, and the names of the
 * enumerations.
 *
 * Workload: a scenario may hold tens of thousands of people and matter
 * types, so nothing is sized by a product of two of them.  Look-ups by id
 * are hash-table probes.  The behaviour queries run per member per vote on
 * the engine's hot path: a stance costs a binary search in the cells of
 * the person and one in those of its organisation, plus O(1) probes; an
 * absence, one binary search in the person's absences; a conflict, a scan
 * of the person's own conflicts.  None allocates.  The indexes are built in
 * time linear in what they index, plus a sort of each person's entries.
 */
#include "model/gs-scenario-private.h"

#include <math.h>
#include <stdlib.h>
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
  g_free (b->observers);
  g_free (b->parties);
  g_free (b->constituents);
  g_free (b->changes); /* the copies share the arrays freed above */
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
  GsLadder *ld = p;
  for (guint k = 0; k < ld->n_levels; k++)
    g_free (ld->levels[k].bodies);
  g_free (ld->levels);
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
  s->posts = g_array_new (FALSE, TRUE, sizeof (GsPost));
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
  s->warnings = g_ptr_array_new_with_free_func (g_free);
  for (guint k = 0; k < GS_N_ID_KINDS; k++)
    s->ids[k] = g_hash_table_new (g_str_hash, g_str_equal); /* keys: chunk */
  s->stances.fallback = -1;
  s->seed = 1;
  return s;
}

const char *
gs__scenario_intern (GsScenario *s, const char *text)
{
  return text ? g_string_chunk_insert_const (s->strings, text) : NULL;
}

guint
gs_scenario_n_warnings (const GsScenario *s)
{
  return s->warnings->len;
}

const char *
gs_scenario_get_warning (const GsScenario *s, guint i)
{
  g_return_val_if_fail (i < s->warnings->len, NULL);
  return g_ptr_array_index (s->warnings, i);
}

void
gs_scenario_free (GsScenario *s)
{
  if (s == NULL)
    return;
  g_array_unref (s->organisations);
  g_array_unref (s->people);
  g_array_unref (s->posts);
  g_array_unref (s->matters);
  g_array_unref (s->bodies);
  g_array_unref (s->proposals);
  g_array_unref (s->arrivals);
  g_array_unref (s->pathways);
  g_array_unref (s->ladders);
  g_array_unref (s->delegations);
  g_array_unref (s->absences);
  g_array_unref (s->conflicts);
  g_ptr_array_unref (s->warnings);
  for (guint k = 0; k < GS_N_ID_KINDS; k++)
    g_hash_table_unref (s->ids[k]);
  GsStances *st = &s->stances;
  g_free (st->rules);
  g_free (st->by_matter);
  g_free (st->by_org);
  g_free (st->by_person);
  g_free (st->org_start);
  g_free (st->org_cells);
  g_free (st->person_start);
  g_free (st->person_cells);
  g_free (s->away_start);
  g_free (s->away);
  g_free (s->away_reach);
  g_free (s->conflict_start);
  g_free (s->conflicted);
  g_free (s->route_start);
  g_free (s->route);
  g_free (s->granted_start);
  g_free (s->granted);
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

void
gs__scenario_add_id (GsScenario *s, GsIdKind kind, const char *id, guint index)
{
  if (id != NULL && !g_hash_table_contains (s->ids[kind], id))
    g_hash_table_insert (s->ids[kind], (gpointer)id,
                         GUINT_TO_POINTER (index + 1));
}

int
gs__scenario_find (const GsScenario *s, GsIdKind kind, const char *id)
{
  g_return_val_if_fail (s != NULL && id != NULL, -1);
  return (int)GPOINTER_TO_UINT (g_hash_table_lookup (s->ids[kind], id)) - 1;
}

int
gs_scenario_find_body (const GsScenario *s, const char *id)
{
  return gs__scenario_find (s, GS_IDS_BODY, id);
}

int
gs_scenario_find_person (const GsScenario *s, const char *id)
{
  return gs__scenario_find (s, GS_IDS_PERSON, id);
}

int
gs_scenario_find_matter (const GsScenario *s, const char *id)
{
  return gs__scenario_find (s, GS_IDS_MATTER, id);
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

/* ---- behaviour ------------------------------------------------------------
 */

/* The rule of the cell for @matter among @cells[lo .. hi) (sorted by
 * matter; the first of equal matters is the earlier rule), or -1. */
static int
find_cell (const GsStanceCell *cells, guint lo, guint hi, guint matter)
{
  guint end = hi;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (cells[mid].matter < matter)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo < end && cells[lo].matter == matter ? (int)cells[lo].rule : -1;
}

static int
compare_cells (const void *a, const void *b)
{
  const GsStanceCell *x = a, *y = b;
  if (x->matter != y->matter)
    return x->matter < y->matter ? -1 : 1;
  return (x->rule > y->rule) - (x->rule < y->rule);
}

static int *
new_unset (guint n)
{
  int *v = g_new (int, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    v[i] = -1;
  return v;
}

/* Places the cells of each owner (a person or an organisation) in
 * @cells[start[o] .. start[o + 1]), sorted by matter; @start holds each
 * owner's count at start[o + 1] on entry. */
static GsStanceCell *
group_cells (const GsStanceRule *rules, guint n, guint n_owners, guint *start,
             gboolean by_person)
{
  for (guint o = 0; o < n_owners; o++)
    start[o + 1] += start[o];
  GsStanceCell *cells = g_new (GsStanceCell, MAX (start[n_owners], 1));
  g_autofree guint *fill = g_new (guint, MAX (n_owners, 1));
  memcpy (fill, start, n_owners * sizeof (guint));
  for (guint i = 0; i < n; i++)
    {
      const GsStanceRule *r = &rules[i];
      int owner = by_person ? r->person : r->org;
      if (r->matter < 0 || owner < 0 || (!by_person && r->person >= 0))
        continue;
      cells[fill[owner]++] = (GsStanceCell){ (guint)r->matter, i };
    }
  for (guint o = 0; o < n_owners; o++)
    if (start[o + 1] - start[o] > 1)
      qsort (cells + start[o], start[o + 1] - start[o], sizeof *cells,
             compare_cells);
  return cells;
}

void
gs__scenario_set_stances (GsScenario *s, GsStanceRule *rules, guint n)
{
  GsStances *st = &s->stances;
  guint np = s->people->len, no = s->organisations->len;
  guint nm = s->matters->len;
  g_return_if_fail (st->rules == NULL && st->person_start == NULL);
  st->rules = rules;
  st->n_rules = n;
  st->fallback = -1;
  st->by_matter = new_unset (nm);
  st->by_org = new_unset (no);
  st->by_person = new_unset (np);
  st->person_start = g_new0 (guint, np + 1);
  st->org_start = g_new0 (guint, no + 1);
  for (guint i = 0; i < n; i++)
    {
      const GsStanceRule *r = &rules[i];
      g_assert (r->person < (int)np && r->org < (int)no && r->matter < (int)nm);
      /* Of two rules for the same thing the first holds, as when the
       * most specific match was the first of the highest rank. */
      int *slot = NULL;
      if (r->person >= 0 && r->matter >= 0)
        st->person_start[r->person + 1]++;
      else if (r->person >= 0)
        slot = &st->by_person[r->person];
      else if (r->org >= 0 && r->matter >= 0)
        st->org_start[r->org + 1]++;
      else if (r->org >= 0)
        slot = &st->by_org[r->org];
      else if (r->matter >= 0)
        slot = &st->by_matter[r->matter];
      else
        slot = &st->fallback;
      if (slot != NULL && *slot < 0)
        *slot = (int)i;
    }
  st->person_cells = group_cells (rules, n, np, st->person_start, TRUE);
  st->org_cells = group_cells (rules, n, no, st->org_start, FALSE);
}

/* Most specific first: person + matter, person, organisation + matter,
 * organisation, matter, the default; with none, support 0.5. */
void
gs__scenario_stance (const GsScenario *s, guint person, guint matter,
                     GsStance *out)
{
  const GsStances *st = &s->stances;
  int rule = -1;
  if (st->person_start != NULL)
    {
      int org = GS_PERSON (s, person)->org;
      rule = find_cell (st->person_cells, st->person_start[person],
                        st->person_start[person + 1], matter);
      if (rule < 0)
        rule = st->by_person[person];
      if (rule < 0 && org >= 0)
        rule = find_cell (st->org_cells, st->org_start[org],
                          st->org_start[org + 1], matter);
      if (rule < 0 && org >= 0)
        rule = st->by_org[org];
      if (rule < 0)
        rule = st->by_matter[matter];
    }
  if (rule < 0)
    rule = st->fallback;
  if (rule >= 0)
    *out = st->rules[rule].stance;
  else
    *out = (GsStance){ .support = 0.5, .if_affected = 0.5, .abstain = 0.0 };
}

static int
compare_absences (const void *a, const void *b)
{
  const GsAbsence *x = a, *y = b;
  if (x->from != y->from)
    return x->from < y->from ? -1 : 1;
  return (x->until > y->until) - (x->until < y->until);
}

void
gs__scenario_index_behaviour (GsScenario *s)
{
  guint np = s->people->len;
  guint na = s->absences->len, nk = s->conflicts->len;
  g_return_if_fail (s->away_start == NULL && s->conflict_start == NULL);

  /* A counting sort by person keeps each person's entries in document
   * order; absences are then sorted by start. */
  s->away_start = g_new0 (guint, np + 1);
  s->conflict_start = g_new0 (guint, np + 1);
  for (guint i = 0; i < na; i++)
    s->away_start[g_array_index (s->absences, GsAbsence, i).person + 1]++;
  for (guint i = 0; i < nk; i++)
    s->conflict_start[g_array_index (s->conflicts, GsConflict, i).person + 1]++;
  for (guint p = 0; p < np; p++)
    {
      s->away_start[p + 1] += s->away_start[p];
      s->conflict_start[p + 1] += s->conflict_start[p];
    }
  g_autofree guint *fill = g_new (guint, MAX (np, 1));
  s->away = g_new (GsAbsence, MAX (na, 1));
  memcpy (fill, s->away_start, np * sizeof (guint));
  for (guint i = 0; i < na; i++)
    {
      const GsAbsence *a = &g_array_index (s->absences, GsAbsence, i);
      s->away[fill[a->person]++] = *a;
    }
  s->conflicted = g_new (GsConflict, MAX (nk, 1));
  memcpy (fill, s->conflict_start, np * sizeof (guint));
  for (guint i = 0; i < nk; i++)
    {
      const GsConflict *k = &g_array_index (s->conflicts, GsConflict, i);
      s->conflicted[fill[k->person]++] = *k;
    }

  /* Absences may overlap, so "away at t" asks whether the latest end among
   * those starting by t is after t: keep that running maximum. */
  s->away_reach = g_new (GsTime, MAX (na, 1));
  for (guint p = 0; p < np; p++)
    {
      guint lo = s->away_start[p], hi = s->away_start[p + 1];
      if (hi - lo > 1)
        qsort (s->away + lo, hi - lo, sizeof (GsAbsence), compare_absences);
      GsTime reach = G_MININT64;
      for (guint i = lo; i < hi; i++)
        {
          reach = MAX (reach, s->away[i].until);
          s->away_reach[i] = reach;
        }
    }
}

gboolean
gs__scenario_away_search (const GsScenario *s, guint person, GsTime t)
{
  if (s->away_start == NULL)
    return FALSE;
  guint first = s->away_start[person];
  guint lo = first, hi = s->away_start[person + 1];
  /* lo becomes the first absence that starts after t. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (s->away[mid].from <= t)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo > first && s->away_reach[lo - 1] > t;
}

const GsConflict *
gs__scenario_conflict_for (const GsScenario *s, guint person, guint matter,
                           const guint *affects, guint n_affects)
{
  if (s->conflict_start == NULL)
    return NULL;
  for (guint i = s->conflict_start[person]; i < s->conflict_start[person + 1];
       i++)
    {
      const GsConflict *k = &s->conflicted[i];
      if (k->matter >= 0 && (guint)k->matter == matter)
        return k;
      if (k->org >= 0 && gs__lists (affects, n_affects, (guint)k->org))
        return k;
    }
  return NULL;
}

gboolean
gs__scenario_conflicted (const GsScenario *s, guint person, guint matter,
                         const guint *affects, guint n_affects)
{
  return gs__scenario_conflict_for (s, person, matter, affects, n_affects)
         != NULL;
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

void
gs__scenario_index_delegations (GsScenario *s)
{
  guint nb = s->bodies->len, nd = s->delegations->len;
  g_return_if_fail (s->granted_start == NULL);
  s->granted_start = g_new0 (guint, nb + 1);
  for (guint i = 0; i < nd; i++)
    s->granted_start[GS_DELEGATION (s, i)->to + 1]++;
  for (guint b = 0; b < nb; b++)
    s->granted_start[b + 1] += s->granted_start[b];
  s->granted = g_new (guint, MAX (nd, 1));
  g_autofree guint *fill = g_new (guint, MAX (nb, 1));
  memcpy (fill, s->granted_start, nb * sizeof (guint));
  for (guint i = 0; i < nd; i++)
    s->granted[fill[GS_DELEGATION (s, i)->to]++] = i;

  /* Whether an organisation that owns a function has a scheme: then every
   * body's approvals on its matters are checked. */
  gboolean owner_scheme = FALSE;
  for (guint m = 0; m < s->matters->len; m++)
    {
      int owner = GS_MATTER (s, m)->function_of;
      owner_scheme |= owner >= 0 && GS_ORG (s, owner)->has_scheme;
    }
  for (guint bi = 0; bi < nb; bi++)
    {
      GsBody *b = GS_BODY (s, bi);
      gboolean unchecked = !owner_scheme && b->org >= 0;
      for (guint i = 0; unchecked && i < b->n_parties; i++)
        {
          gboolean member = FALSE;
          for (guint k = 0; !member && k < b->n_members; k++)
            member = gs__person_serves (s, b->members[k].person, b->parties[i]);
          unchecked = member && !GS_ORG (s, b->parties[i])->has_scheme;
        }
      b->approvals_unchecked = unchecked;
    }
}

static gboolean
quorum_plain (const GsQuorum *q)
{
  if (q->majority || q->frac_den > 0 || q->chair_required || q->party_min > 0)
    return FALSE;
  for (guint r = 0; r < GS_N_ROLES; r++)
    if (q->role_min[r] > 0)
      return FALSE;
  return TRUE;
}

void
gs__scenario_index_seats (GsScenario *s)
{
  for (guint bi = 0; bi < s->bodies->len; bi++)
    {
      GsBody *b = GS_BODY (s, bi);
      /* The amended copies share the members (and the chair and the
       * organisation), so the seats serve them too. */
      for (guint i = 0; i < b->n_members; i++)
        {
          GsMember *m = &b->members[i];
          m->seat = (GsSeat){ .weight = m->weight,
                              .chair = (int)i == b->chair,
                              .ballot = GS_BALLOT_NONE };
          gs__seat_occupy (s, b->org, m->person, &m->seat);
        }
      b->quorum_plain = quorum_plain (&b->quorum);
      for (guint i = 0; i < b->n_changes; i++)
        b->changes[i].body.quorum_plain
            = quorum_plain (&b->changes[i].body.quorum);
    }
}

void
gs__scenario_index_ballots (GsScenario *s)
{
  /* The default stance (no rule at all) has if-affected equal to support,
   * and so does every rule the file gives that sets no if-affected. */
  gboolean stances_plain = TRUE;
  const GsStances *st = &s->stances;
  for (guint i = 0; stances_plain && i < st->n_rules; i++)
    stances_plain
        = st->rules[i].stance.if_affected == st->rules[i].stance.support;
  gboolean plain = stances_plain && s->conflicts->len == 0;
  for (guint bi = 0; bi < s->bodies->len; bi++)
    {
      GsBody *b = GS_BODY (s, bi);
      gboolean body_plain = plain && b->n_members <= GS_SEATS_PLAIN_MAX;
      for (guint i = 0; body_plain && i < b->n_members; i++)
        body_plain = b->members[i].deputy < 0;
      b->ballots_plain = body_plain;
      /* The amended copies share the members. */
      for (guint i = 0; i < b->n_changes; i++)
        b->changes[i].body.ballots_plain = body_plain;
    }
}

void
gs__scenario_index_pathways (GsScenario *s)
{
  guint nm = s->matters->len, n = 0;
  g_return_if_fail (s->route_start == NULL);
  s->route_start = g_new0 (guint, nm + 1);
  for (guint i = 0; i < s->pathways->len; i++)
    {
      const GsPathway *pw = GS_PATHWAY (s, i);
      for (guint m = 0; !pw->implicit && m < pw->n_matters; m++)
        s->route_start[pw->matters[m] + 1]++;
    }
  for (guint m = 0; m < nm; m++)
    s->route_start[m + 1] += s->route_start[m];
  n = s->route_start[nm];
  s->route = g_new (guint, MAX (n, 1));
  g_autofree guint *fill = g_new (guint, MAX (nm, 1));
  memcpy (fill, s->route_start, nm * sizeof (guint));
  for (guint i = 0; i < s->pathways->len; i++)
    {
      const GsPathway *pw = GS_PATHWAY (s, i);
      for (guint m = 0; !pw->implicit && m < pw->n_matters; m++)
        s->route[fill[pw->matters[m]]++] = i;
    }
}

int
gs__scenario_select_pathway (const GsScenario *s, guint matter, gint64 value)
{
  if (s->route_start != NULL)
    {
      for (guint r = s->route_start[matter]; r < s->route_start[matter + 1];
           r++)
        if (gs__value_in (&GS_PATHWAY (s, s->route[r])->values, value))
          return (int)s->route[r];
      return -1;
    }
  /* Before the index is built: the same answer, the slow way. */
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

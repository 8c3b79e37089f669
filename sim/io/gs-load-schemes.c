/* gs-load-schemes.c — schemes of delegation: reserved matters, delegations,
 * their amendments and withdrawals, and organisations leaving.
 *
 * Each version of a delegation becomes one GsDelegation; an amendment ends
 * one version and starts the next under the same id.  Invariants on the way
 * out: a scheme's delegations do not go round in a circle, no chain of them
 * is longer than GS_LIMIT_CHAIN_MAX, and authority resolution for one body,
 * matter and scheme takes at most GS_LIMIT_CHAIN_WORK_MAX steps (see
 * gs-authority.c, which relies on all three).  Workload: a scheme is
 * checked by a topological sort of its delegations, repeated in a binary
 * search over prefixes of the scheme only when it has a circle, and a count
 * of resolution steps for every matter type over every body (the one part
 * of the load that is not linear in the file: matter types times bodies
 * times delegations, per scheme).
 */
#include "io/gs-loader-private.h"

#include <stdlib.h>
#include <string.h>

/* ---- schemes of delegation ----------------------------------------------- */

/* Whether body @b may act for organisation @org: it is one of the
 * organisation's own bodies (its constituent committee in committees in
 * common included), or a joint committee or committees in common it is
 * party to.  A constituent committee acts for its own organisation only:
 * in committees in common each committee binds only its own. */
typedef struct
{
  guint64 *pairs; /* body << 32 | party, sorted */
  guint n;
} Parties;

static int
compare_pairs (const void *a, const void *b)
{
  guint64 x = *(const guint64 *)a, y = *(const guint64 *)b;
  return (x > y) - (x < y);
}

/* Every (body, party) pair, sorted: a joint body's list of parties has no
 * cap but the file's size, so acts_for() searches it rather than scanning
 * it for each delegation. */
static void
parties_init (Parties *p, const GsScenario *s)
{
  guint n = 0;
  for (guint b = 0; b < s->bodies->len; b++)
    n += GS_BODY (s, b)->n_parties;
  p->pairs = g_new (guint64, MAX (n, 1));
  p->n = 0;
  for (guint b = 0; b < s->bodies->len; b++)
    {
      const GsBody *body = GS_BODY (s, b);
      for (guint i = 0; i < body->n_parties; i++)
        if (body->parties[i] >= 0)
          p->pairs[p->n++] = (guint64)b << 32 | (guint32)body->parties[i];
    }
  qsort (p->pairs, p->n, sizeof (guint64), compare_pairs);
}

static gboolean
acts_for (const Parties *p, guint body, guint org)
{
  guint64 key = (guint64)body << 32 | org;
  return bsearch (&key, p->pairs, p->n, sizeof (guint64), compare_pairs)
         != NULL;
}

/* One scheme of delegation being read. */
typedef struct
{
  const Parties *parties;
  guint org;
  GArray *mine;    /* guint: its delegations (every version), in order */
  GHashTable *ids; /* id -> the latest version's index + 1; or, for a
                      delegation refused above, -(its line) */
} SchemeReader;

/* The line of the <delegation> that version @di of it descends from. */
static int
first_version_line (const GsScenario *s, guint di)
{
  const GsDelegation *d = GS_DELEGATION (s, di);
  while (d->amends >= 0)
    d = GS_DELEGATION (s, d->amends);
  return d->line;
}

static void
read_delegation (GsLoader *l, xmlNodePtr n, SchemeReader *sr)
{
  GsScenario *s = l->s;
  const GsOrganisation *o = GS_ORG (s, sr->org);
  guint before = gs__load_n_problems (l);
  GsDelegation d
      = { .org = sr->org, .amends = -1, .line = (int)gs__xml_line (n) };
  d.id = gs__load_intern (l, n, "id");
  int seen = d.id ? GPOINTER_TO_INT (g_hash_table_lookup (sr->ids, d.id)) : 0;
  if (seen != 0)
    gs__load_error (l, d.line,
                    "delegation '%s' is defined twice in the scheme of '%s' "
                    "(first on line %d)",
                    d.id, o->id,
                    seen < 0 ? -seen : first_version_line (s, (guint)seen - 1));
  else if (d.id != NULL)
    gs__load_claim_id (l, n, d.id); /* ids are unique across the whole file */
  int by = gs__load_ref (l, n, "by", "body", gs_scenario_find_body);
  int to = gs__load_ref (l, n, "to", "body", gs_scenario_find_body);
  d.matters = gs__load_matters (l, n, "matters", &d.n_matters);
  d.limit = (gint64)gs__load_uint (n, "limit", (guint64)GS_LIMIT_VALUE_MAX);
  d.from = G_MININT64;
  d.until = GS_TIME_NEVER;
  gboolean has_from = gs__load_date (l, n, "from", &d.from);
  gboolean has_until = gs__load_date (l, n, "until", &d.until);
  d.expires = d.until;
  if (has_from && has_until && d.until <= d.from)
    gs__load_error (l, d.line,
                    "the delegation ends ('until') on or before it starts "
                    "('from')");
  d.sub_delegate = gs__load_bool (n, "sub-delegate", FALSE);
  if (by >= 0)
    {
      const GsBody *b = GS_BODY (s, by);
      if (b->kind == GS_BODY_BOARD && b->org < 0)
        /* Its organisation is not defined (reported at the board): there
         * is no organisation to name. */
        gs__load_error (l, d.line,
                        "'%s' is the board of an organisation that is not "
                        "defined, so it delegates nothing of '%s'",
                        b->id, o->id);
      else if (b->kind == GS_BODY_BOARD && b->org != (int)sr->org)
        gs__load_error (l, d.line,
                        "'%s' is the board of '%s': only the board of '%s', or "
                        "a body acting for it, delegates in its scheme",
                        b->id, GS_ORG (s, b->org)->id, o->id);
      else if (!acts_for (sr->parties, (guint)by, sr->org))
        gs__load_error (l, d.line,
                        "'%s' does not act for '%s', so it has nothing of "
                        "'%s' to delegate",
                        b->id, o->id, o->id);
      d.by = (guint)by;
    }
  if (to >= 0)
    {
      const GsBody *b = GS_BODY (s, to);
      if (b->kind == GS_BODY_ADVISORY)
        gs__load_error (l, d.line,
                        "'%s' is an advisory group: it may only recommend, so "
                        "it cannot hold delegated authority",
                        b->id);
      else if (b->kind == GS_BODY_BOARD && b->org == (int)sr->org)
        gs__load_error (l, d.line,
                        "'%s' is the board of '%s', which holds every matter "
                        "already",
                        b->id, o->id);
      else if (to == by)
        gs__load_error (l, d.line, "'%s' cannot delegate to itself", b->id);
      else if (by >= 0 && GS_BODY (s, by)->group == to)
        gs__load_error (l, d.line,
                        "'%s' is a constituent of '%s', so it cannot delegate "
                        "to it: that would be delegating to itself",
                        GS_BODY (s, by)->id, b->id);
      d.to = (guint)to;
    }
  if (gs__load_n_problems (l) > before || by < 0 || to < 0 || d.n_matters == 0)
    {
      /* Refused: later amendments and withdrawals of it say nothing more. */
      if (d.id != NULL && seen == 0)
        g_hash_table_insert (sr->ids, (gpointer)d.id,
                             GINT_TO_POINTER (-d.line));
      g_free (d.matters);
      return;
    }
  g_array_append_val (s->delegations, d);
  guint di = s->delegations->len - 1;
  g_array_append_val (sr->mine, di);
  if (d.id != NULL)
    g_hash_table_insert (sr->ids, (gpointer)d.id, GINT_TO_POINTER (di + 1));
}

/* Applies an <amend> or <withdraw> to the latest version of its
 * delegation.  Changes to one delegation go in date order. */
static void
read_change (GsLoader *l, xmlNodePtr n, SchemeReader *sr, gboolean amend)
{
  GsScenario *s = l->s;
  const GsOrganisation *o = GS_ORG (s, sr->org);
  const char *what = amend ? "amendment" : "withdrawal";
  long line = gs__xml_line (n);
  g_autofree char *id = gs__xml_attr (n, "delegation");
  GsTime on;
  if (!gs__load_date (l, n, "on", &on))
    return;
  int seen = GPOINTER_TO_INT (g_hash_table_lookup (sr->ids, id));
  if (seen < 0)
    return; /* the delegation was refused, with its reason */
  if (seen == 0)
    {
      gs__load_error (
          l, line,
          "delegation '%s' is not in the scheme of '%s' before this "
          "line",
          id, o->id);
      return;
    }
  guint di = (guint)seen - 1;
  GsDelegation *d = GS_DELEGATION (s, di);
  char day[GS_DATE_BUF], other[GS_DATE_BUF];
  gs_time_format_date (on, day);
  if (d->ended == GS_END_WITHDRAWN)
    {
      gs__load_error (l, line,
                      "delegation '%s' was already withdrawn on line %d", id,
                      d->end_line);
      return;
    }
  if (on <= d->from && d->amends >= 0)
    {
      gs__load_error (l, line,
                      "the %s on %s falls on or before the amendment of "
                      "delegation '%s' on line %d (%s): list the changes to a "
                      "delegation in date order",
                      what, day, id, d->line,
                      gs_time_format_date (d->from, other));
      return;
    }
  if (on <= d->from)
    {
      gs__load_error (l, line,
                      "the %s on %s falls on or before the day delegation '%s' "
                      "comes into force (%s)",
                      what, day, id, gs_time_format_date (d->from, other));
      return;
    }
  if (on >= d->until)
    {
      gs__load_error (l, line,
                      "the %s on %s falls on or after the day delegation '%s' "
                      "ends (%s)",
                      what, day, id, gs_time_format_date (d->until, other));
      return;
    }

  GsDelegation next = *d; /* copied before the append below moves it */
  next.amends = (int)di;
  next.from = on;
  next.until = d->expires; /* an amendment keeps the original end date */
  next.ended = GS_END_NONE;
  next.end_line = 0;
  next.line = (int)line;
  d->until = on;
  d->end_line = (int)line;
  d->ended = amend ? GS_END_AMENDED : GS_END_WITHDRAWN;
  if (!amend)
    return;
  g_autofree char *mv = gs__xml_attr (n, "matters");
  if (mv != NULL)
    next.matters = gs__load_matters (l, n, "matters", &next.n_matters);
  else
    next.matters = g_memdup2 (next.matters, next.n_matters * sizeof (guint));
  next.limit = (gint64)gs__load_uint (n, "limit", (guint64)next.limit);
  next.sub_delegate = gs__load_bool (n, "sub-delegate", next.sub_delegate);
  g_array_append_val (s->delegations, next);
  guint ni = s->delegations->len - 1;
  g_array_append_val (sr->mine, ni);
  g_hash_table_insert (sr->ids, (gpointer)next.id, GINT_TO_POINTER (ni + 1));
}

/* The delegator graph of one scheme: each delegation gives authority from
 * its delegator to its delegate and, when that is committees in common, to
 * each constituent committee (as gs-authority.c reads it).  Edges are
 * grouped by delegator: body b's are start[b] .. start[b + 1] - 1. */
typedef struct
{
  guint n_bodies;
  guint *start;
  guint *from; /* the delegator */
  guint *to;   /* the body given authority */
  guint *pos;  /* the delegation's position in the scheme */
} Graph;

static guint
n_reached (const GsScenario *s, const GsDelegation *d)
{
  return 1 + GS_BODY (s, d->to)->n_constituents;
}

static guint
reached (const GsScenario *s, const GsDelegation *d, guint k)
{
  return k == 0 ? d->to : GS_BODY (s, d->to)->constituents[k - 1];
}

static void
graph_init (Graph *g, const GsScenario *s, const GsOrganisation *o)
{
  guint nb = s->bodies->len, ne = 0;
  g->n_bodies = nb;
  g->start = g_new0 (guint, nb + 1);
  for (guint i = 0; i < o->n_delegations; i++)
    {
      const GsDelegation *d = GS_DELEGATION (s, o->delegations[i]);
      g->start[d->by + 1] += n_reached (s, d);
      ne += n_reached (s, d);
    }
  for (guint b = 0; b < nb; b++)
    g->start[b + 1] += g->start[b];
  g->from = g_new (guint, ne);
  g->to = g_new (guint, ne);
  g->pos = g_new (guint, ne);
  g_autofree guint *fill = g_memdup2 (g->start, nb * sizeof (guint));
  for (guint i = 0; i < o->n_delegations; i++)
    {
      const GsDelegation *d = GS_DELEGATION (s, o->delegations[i]);
      for (guint k = 0; k < n_reached (s, d); k++)
        {
          guint e = fill[d->by]++;
          g->from[e] = d->by;
          g->to[e] = reached (s, d, k);
          g->pos[e] = i;
        }
    }
}

static void
graph_clear (Graph *g)
{
  g_free (g->start);
  g_free (g->from);
  g_free (g->to);
  g_free (g->pos);
}

/* Whether the delegations at positions below @k go round in a circle
 * (Kahn's algorithm).  Without one, @depth[b] is the number of links in the
 * longest chain of them that reaches body b. */
static gboolean
has_circle (const Graph *g, guint k, guint *indeg, guint *queue, guint *depth)
{
  guint nb = g->n_bodies, head = 0, tail = 0;
  memset (indeg, 0, nb * sizeof (guint));
  memset (depth, 0, nb * sizeof (guint));
  for (guint e = 0; e < g->start[nb]; e++)
    indeg[g->to[e]] += g->pos[e] < k;
  for (guint b = 0; b < nb; b++)
    if (indeg[b] == 0)
      queue[tail++] = b;
  while (head < tail)
    {
      guint u = queue[head++];
      for (guint e = g->start[u]; e < g->start[u + 1]; e++)
        if (g->pos[e] < k)
          {
            depth[g->to[e]] = MAX (depth[g->to[e]], depth[u] + 1);
            if (--indeg[g->to[e]] == 0)
              queue[tail++] = g->to[e];
          }
    }
  return tail < nb;
}

/* "cfo -> cic (trust-c) -> cfo": the circle that delegation @pos closes,
 * found among the delegations before it.  (transfer full) */
static char *
describe_circle (const GsScenario *s, const GsOrganisation *o, const Graph *g,
                 guint pos)
{
  const GsDelegation *d = GS_DELEGATION (s, o->delegations[pos]);
  guint nb = g->n_bodies;
  g_autofree gint64 *via = g_new (gint64, nb); /* edge that reached b, -1: d
                                                  itself, -2: not reached */
  g_autofree guint *stack = g_new (guint, nb);
  guint top = 0;
  for (guint b = 0; b < nb; b++)
    via[b] = -2;
  for (guint k = 0; k < n_reached (s, d); k++)
    if (via[reached (s, d, k)] == -2)
      {
        via[reached (s, d, k)] = -1;
        stack[top++] = reached (s, d, k);
      }
  while (top > 0 && via[d->by] == -2)
    {
      guint u = stack[--top];
      for (guint e = g->start[u]; e < g->start[u + 1]; e++)
        if (g->pos[e] < pos && via[g->to[e]] == -2)
          {
            via[g->to[e]] = e;
            stack[top++] = g->to[e];
          }
    }
  /* The hops backwards from the delegator to d's delegate, then forwards. */
  GArray *hops = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint b = d->by; via[b] >= 0; b = g->from[via[b]])
    g_array_prepend_val (hops, via[b]);
  GString *out = g_string_new (GS_BODY (s, d->by)->id);
  for (guint i = 0; i <= hops->len; i++)
    {
      /* Hop 0 is d itself; the body it reached is where hop 1 starts. */
      const GsDelegation *h
          = i == 0 ? d
                   : GS_DELEGATION (s, o->delegations[g->pos[g_array_index (
                                           hops, gint64, i - 1)]]);
      guint at
          = i < hops->len ? g->from[g_array_index (hops, gint64, i)] : d->by;
      g_string_append_printf (out, " -> %s", GS_BODY (s, h->to)->id);
      if (at != h->to)
        g_string_append_printf (out, " (%s)", GS_BODY (s, at)->id);
    }
  g_array_free (hops, TRUE);
  return g_string_free (out, FALSE);
}

/* One step of bounded_search(): edge @e of the graph carries matter
 * @matter, and its delegator comes @rank-th in topological order. */
typedef struct
{
  guint matter;
  guint rank;
  guint e;
} MatterEdge;

static int
compare_matter_edges (gconstpointer pa, gconstpointer pb)
{
  const MatterEdge *a = pa, *b = pb;
  if (a->matter != b->matter)
    return a->matter < b->matter ? -1 : 1;
  if (a->rank != b->rank)
    return a->rank < b->rank ? -1 : 1;
  return (a->e > b->e) - (a->e < b->e);
}

/* Rejects a scheme whose delegations go round in a circle, blaming the
 * first delegation, in document order, that closes one; or one with a
 * chain longer than GS_LIMIT_CHAIN_MAX, blaming the first delegation that ends
 * such a chain.  (The resolver follows chains delegator by delegator, so
 * either would make it loop or give up.) */
/* gs_authority_resolve() tries every chain of delegations of the matter
 * asked about that ends at the body asked about, so its work grows with
 * the number of such chains, which a hostile file can make exponential in
 * its size.  With the bodies of a circle-free scheme in topological order
 * (@order), counts for each matter and body the steps the resolver may take
 * (each delegation of the matter to the body, plus the steps behind its
 * delegator unless that is the board), and refuses a scheme in which any
 * count exceeds GS_LIMIT_CHAIN_WORK_MAX. */
static gboolean
bounded_search (GsLoader *l, const GsOrganisation *o, const Graph *g,
                const guint *order)
{
  const GsScenario *s = l->s;
  guint nb = g->n_bodies, ne = g->start[nb];
  int org = (int)(o - GS_ORG (s, 0));
  /* Each matter's edges, its delegators in topological order: the work
   * of a matter touches only the delegations that list it, so the whole
   * costs the scheme's size, not matters times bodies. */
  g_autofree guint *rank = g_new (guint, nb);
  for (guint i = 0; i < nb; i++)
    rank[order[i]] = i;
  g_autoptr (GArray) steps = g_array_new (FALSE, FALSE, sizeof (MatterEdge));
  for (guint e = 0; e < ne; e++)
    {
      const GsDelegation *d = GS_DELEGATION (s, o->delegations[g->pos[e]]);
      for (guint k = 0; k < d->n_matters; k++)
        {
          if (gs__lists (d->matters, k, d->matters[k]))
            continue; /* listed twice: one step, as before */
          MatterEdge me = { d->matters[k], rank[g->from[e]], e };
          g_array_append_val (steps, me);
        }
    }
  g_array_sort (steps, compare_matter_edges);
  g_autofree guint64 *work = g_new0 (guint64, nb);
  for (guint i = 0; i < steps->len;)
    {
      guint m = g_array_index (steps, MatterEdge, i).matter, j = i;
      for (; j < steps->len && g_array_index (steps, MatterEdge, j).matter == m;
           j++)
        {
          guint e = g_array_index (steps, MatterEdge, j).e;
          guint u = g->from[e];
          guint64 behind = gs__is_board_of (s, u, (guint)org) ? 0 : work[u];
          work[g->to[e]] = MIN ((guint64)GS_LIMIT_CHAIN_WORK_MAX + 1,
                                work[g->to[e]] + 1 + behind);
        }
      /* The first body, in document order, over the bound; then the
       * bodies this matter touched are cleared for the next. */
      int over = -1;
      for (guint k = i; k < j; k++)
        {
          guint v = g->to[g_array_index (steps, MatterEdge, k).e];
          if (work[v] > GS_LIMIT_CHAIN_WORK_MAX
              && (over < 0 || v < (guint)over))
            over = (int)v;
        }
      for (guint k = i; k < j; k++)
        work[g->to[g_array_index (steps, MatterEdge, k).e]] = 0;
      if (over >= 0)
        {
          gs__load_error (l, o->scheme_line,
                          "the scheme of '%s' reaches '%s' with '%s' "
                          "through more than %d chains of delegation; "
                          "govsim follows at most that many",
                          o->id, GS_BODY (s, (guint)over)->id,
                          GS_MATTER (s, m)->id, GS_LIMIT_CHAIN_WORK_MAX);
          return FALSE;
        }
      i = j;
    }
  return TRUE;
}

static void
check_chains (GsLoader *l, const GsOrganisation *o)
{
  const GsScenario *s = l->s;
  Graph g;
  graph_init (&g, s, o);
  guint nb = g.n_bodies, n = o->n_delegations;
  if (nb == 0)
    {
      /* No bodies, so no delegations; the arrays below would be NULL,
       * and memset (NULL, 0, 0) is undefined behaviour. */
      graph_clear (&g);
      return;
    }
  g_autofree guint *indeg = g_new (guint, nb);
  g_autofree guint *queue = g_new (guint, nb);
  g_autofree guint *depth = g_new (guint, nb);
  if (has_circle (&g, n, indeg, queue, depth))
    {
      /* The shortest prefix of the scheme with a circle ends with the
       * delegation that closes it. */
      guint lo = 1, hi = n;
      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;
          if (has_circle (&g, mid, indeg, queue, depth))
            hi = mid;
          else
            lo = mid + 1;
        }
      g_autofree char *circle = describe_circle (s, o, &g, lo - 1);
      gs__load_error (l, GS_DELEGATION (s, o->delegations[lo - 1])->line,
                      "the scheme of '%s' delegates in a circle: %s", o->id,
                      circle);
    }
  else if (!bounded_search (l, o, &g, queue))
    ;
  else
    for (guint i = 0; i < n; i++)
      {
        const GsDelegation *d = GS_DELEGATION (s, o->delegations[i]);
        if (depth[d->by] + 1 > GS_LIMIT_CHAIN_MAX)
          {
            gs__load_error (l, d->line,
                            "the scheme of '%s' has a chain of %u delegations "
                            "ending with this one, to '%s'; govsim follows at "
                            "most %d",
                            o->id, depth[d->by] + 1, GS_BODY (s, d->to)->id,
                            GS_LIMIT_CHAIN_MAX);
            break;
          }
      }
  graph_clear (&g);
}

static void
read_scheme (GsLoader *l, xmlNodePtr c, const Parties *parties)
{
  GsScenario *s = l->s;
  int org = gs__load_ref (l, c, "org", "organisation", gs__load_find_org);
  if (org < 0)
    return;
  GsOrganisation *o = GS_ORG (s, org);
  if (o->has_scheme)
    {
      gs__load_error (l, gs__xml_line (c),
                      "'%s' already has a scheme of delegation (line %d)",
                      o->id, o->scheme_line);
      return;
    }
  o->has_scheme = TRUE;
  o->scheme_line = (int)gs__xml_line (c);
  SchemeReader sr = { .parties = parties, .org = (guint)org };
  sr.mine = g_array_new (FALSE, FALSE, sizeof (guint));
  sr.ids = g_hash_table_new (g_str_hash, g_str_equal);
  GArray *reserved = g_array_new (FALSE, FALSE, sizeof (guint));
  /* l->other: the reserved matters so far (l->list serves each list). */
  gs__marks_begin (&l->other, s->matters->len);
  for (xmlNodePtr n = c->children; n; n = n->next)
    {
      if (gs__xml_is_element (n, "reserved"))
        {
          guint nm;
          g_autofree guint *ms = gs__load_matters (l, n, "matters", &nm);
          if (o->reserved_line == 0)
            o->reserved_line = (int)gs__xml_line (n);
          for (guint i = 0; i < nm; i++)
            {
              if (!gs__marks_add (&l->other, ms[i]))
                gs__load_error (l, gs__xml_line (n),
                                "matter '%s' is already reserved to the board "
                                "of '%s'",
                                GS_MATTER (s, ms[i])->id, o->id);
              else
                g_array_append_val (reserved, ms[i]);
            }
        }
      else if (gs__xml_is_element (n, "delegation"))
        read_delegation (l, n, &sr);
      else if (gs__xml_is_element (n, "amend"))
        read_change (l, n, &sr, TRUE);
      else if (gs__xml_is_element (n, "withdraw"))
        read_change (l, n, &sr, FALSE);
    }
  g_hash_table_unref (sr.ids);
  o = GS_ORG (s, org);
  o->n_reserved = reserved->len;
  o->reserved = (guint *)g_array_free (reserved, FALSE);
  o->n_delegations = sr.mine->len;
  o->delegations = (guint *)g_array_free (sr.mine, FALSE);
  /* Refused delegations are not in the scheme, so this adds nothing to
   * what was said about them. */
  check_chains (l, o);
}

/* A body belongs to @org when it is the organisation's own, or a
 * constituent committee of it. */
static gboolean
body_of (const GsBody *b, guint org)
{
  return b->org == (int)org;
}

static void
read_leave (GsLoader *l, xmlNodePtr c)
{
  GsScenario *s = l->s;
  int org = gs__load_ref (l, c, "org", "organisation", gs__load_find_org);
  GsTime on;
  if (!gs__load_date (l, c, "on", &on) || org < 0)
    return;
  GsOrganisation *o = GS_ORG (s, org);
  if (o->leave_line > 0)
    {
      gs__load_error (l, gs__xml_line (c), "'%s' already leaves on line %d",
                      o->id, o->leave_line);
      return;
    }
  o->leaves = on;
  o->leave_line = (int)gs__xml_line (c);
}

/* Reads every scheme, then the leavings, which end the delegations made to
 * bodies outside the organisation that leaves. */
void
gs__load_schemes (GsLoader *l, xmlNodePtr root)
{
  GsScenario *s = l->s;
  Parties parties;
  parties_init (&parties, s);
  for (xmlNodePtr c = root->children; c; c = c->next)
    if (gs__xml_is_element (c, "scheme"))
      read_scheme (l, c, &parties);
  g_free (parties.pairs);
  for (xmlNodePtr c = root->children; c; c = c->next)
    if (gs__xml_is_element (c, "leave"))
      read_leave (l, c);
  for (guint i = 0; i < s->delegations->len; i++)
    {
      GsDelegation *d = GS_DELEGATION (s, i);
      const GsOrganisation *o = GS_ORG (s, d->org);
      if (o->leave_line == 0 || body_of (GS_BODY (s, d->to), d->org)
          || o->leaves >= d->until)
        continue;
      if (o->leaves <= d->from)
        d->from = d->until = o->leaves; /* never in force */
      else
        d->until = o->leaves;
      d->ended = GS_END_LEFT;
      d->end_line = o->leave_line;
    }
}

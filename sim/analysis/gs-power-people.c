/* gs-power-people.c — what a scenario's people add to the a-priori game:
 * quorum criticality and probabilistic decisiveness, exactly.
 *
 * Quorum criticality.  Whether a meeting is quorate depends on who fills
 * each seat (the member, else their deputy, else nobody), each person
 * attending independently with their attendance probability.  A dynamic
 * programme over the seats keeps the distribution of everything the quorum
 * rules read, each count clipped at what its rule needs: the head-count,
 * each role with a minimum, each party, whether the chair's seat is
 * filled.  A person who holds more than one place (a deputy for two
 * members, a member of two constituents) attends all of them or none, so
 * such people are enumerated and the rest convolved; the member whose
 * criticality is asked is fixed absent, then present.  Only the seats
 * held on the day analysed count, as in a meeting that day: a member from
 * a later day or until an earlier one holds a vacant seat, which nobody
 * (not their deputy) fills, which the head-count without a clause (a
 * majority of the seats held) and a fraction do not count, and which is
 * no member for the vote.
 *
 * Decisiveness.  The same programme carries, beside the quorum state, the
 * tally the rule reads (for and against, or members, or weight for, and
 * the chair's ballot when there is a casting vote), over each other seat's
 * chances of being filled and of its occupant abstaining, voting for (with
 * the support of their stance, or if-affected when the proposal affects
 * their organisation) or against; conflicted occupants are out of the vote
 * and, unless the quorum counts them, of the count.  Every rule is
 * monotone — a vote for never turns a carried motion into a lost one — so
 * the probability that the member's vote decides is P(quorate and carried
 * | they vote for) − P(quorate and carried | they vote against).  Which
 * matter types reach a body, and which organisations their proposals
 * affect, come from the scenario's proposals and arrival streams: those
 * whose pathway has a gateway at the body (or at its committees in
 * common), or at a body whose escalation ladder votes in it.
 *
 * Bodies have tens of seats and clipped states number in the thousands, so
 * a scenario's whole report takes milliseconds.
 */
#include "analysis/gs-power-private.h"

#include <string.h>

/* People holding more than one place whose states are enumerated; beyond
 * this the exact figures are not computed. */
#define SHARED_MAX 10
/* The most states of a quorum the programme keeps. */
#define QSTATES_MAX 1000000

/* ---- a small map from packed states to probabilities ------------------ */

typedef struct
{
  guint64 *keys;
  double *vals;
  guint8 *used;
  gsize cap; /* a power of two */
  gsize len;
} StateMap;

static void
map_init (StateMap *m, gsize cap)
{
  m->cap = cap;
  m->len = 0;
  m->keys = g_new (guint64, cap);
  m->vals = g_new (double, cap);
  m->used = g_new0 (guint8, cap);
}

static void
map_clear (StateMap *m)
{
  g_free (m->keys);
  g_free (m->vals);
  g_free (m->used);
}

static void
map_reset (StateMap *m)
{
  memset (m->used, 0, m->cap);
  m->len = 0;
}

static void map_add (StateMap *m, guint64 key, double p);

static void
map_grow (StateMap *m)
{
  StateMap bigger;
  map_init (&bigger, m->cap * 2);
  for (gsize i = 0; i < m->cap; i++)
    if (m->used[i])
      map_add (&bigger, m->keys[i], m->vals[i]);
  map_clear (m);
  *m = bigger;
}

static void
map_add (StateMap *m, guint64 key, double p)
{
  if (p == 0.0)
    return;
  if (2 * (m->len + 1) > m->cap)
    map_grow (m);
  gsize i = (gsize)((key * 0x9E3779B97F4A7C15ull) >> 20) & (m->cap - 1);
  while (m->used[i] && m->keys[i] != key)
    i = (i + 1) & (m->cap - 1);
  if (!m->used[i])
    {
      m->used[i] = 1;
      m->keys[i] = key;
      m->vals[i] = 0.0;
      m->len++;
    }
  m->vals[i] += p;
}

/* ---- the quorum state ------------------------------------------------- */

/* What the quorum rules of one body read, each count clipped. */
typedef struct
{
  const GsBody *b;
  GsTime on;        /* the day analysed: a seat held outside it is vacant */
  guint count_need; /* the head-count the rules need (present, fraction) */
  guint n_roles;
  guint roles[GS_N_ROLES];
  guint role_min[GS_N_ROLES];
  guint n_parties;
  gint32 parties[64];
  guint party_min;
  gboolean chair;      /* the chair rule applies */
  gboolean chair_none; /* ... and the body has no chair: never quorate */
  guint radix[2 + GS_N_ROLES + 64];
  guint n_digits;
  guint64 size;
} QShape;

/* Whether seat @i of @b is vacant on @on: held by nobody that day (a
 * member from a later day, or until an earlier one), as in a meeting. */
static gboolean
seat_vacant_on (const GsBody *b, guint i, GsTime on)
{
  return on < b->members[i].from || on >= b->members[i].until;
}

/* The rules read the seats held on @on, as gs_quorum_check() does: with
 * no quorum clause a majority of them, and a fraction of them. */
static gboolean
qshape_init (QShape *q, const GsBody *b, GsTime on)
{
  memset (q, 0, sizeof *q);
  q->b = b;
  q->on = on;
  const GsQuorum *qu = &b->quorum;
  guint held = 0;
  for (guint i = 0; i < b->n_members; i++)
    held += seat_vacant_on (b, i, on) ? 0 : 1;
  guint need = qu->majority ? held / 2 + 1 : qu->present;
  if (qu->frac_den > 0)
    {
      guint64 f
          = ((guint64)held * qu->frac_num + qu->frac_den - 1) / qu->frac_den;
      need = MAX (need, (guint)MIN (f, (guint64)G_MAXUINT));
    }
  q->count_need = MIN (need, b->n_members + 1);
  q->radix[q->n_digits++] = q->count_need + 1;
  for (guint r = 0; r < GS_N_ROLES; r++)
    if (qu->role_min[r] > 0)
      {
        q->roles[q->n_roles] = r;
        q->role_min[q->n_roles] = MIN (qu->role_min[r], b->n_members + 1);
        q->radix[q->n_digits++] = q->role_min[q->n_roles] + 1;
        q->n_roles++;
      }
  if (qu->party_min > 0 && b->n_parties > 0)
    {
      if (b->n_parties > G_N_ELEMENTS (q->parties))
        return FALSE;
      q->party_min = MIN (qu->party_min, b->n_members + 1);
      for (guint p = 0; p < b->n_parties; p++)
        {
          q->parties[q->n_parties++] = b->parties[p];
          q->radix[q->n_digits++] = q->party_min + 1;
        }
    }
  q->chair = qu->chair_required;
  q->chair_none = qu->chair_required && b->chair < 0;
  q->radix[q->n_digits++] = q->chair ? 2 : 1;
  q->size = 1;
  for (guint d = 0; d < q->n_digits; d++)
    {
      q->size *= q->radix[d];
      if (q->size > QSTATES_MAX)
        return FALSE;
    }
  return TRUE;
}

/* The state after a seat whose occupant @person @counts (for the
 * head-count) in their own role, for each party they serve in a post whose
 * role the each-party rule accepts (as gs_quorum_check() does), and fills
 * the chair's seat when @chair_filled. */
static guint64
qshape_step (const GsScenario *s, const QShape *q, guint64 state,
             gboolean counts, guint person, gboolean chair_filled)
{
  GsRole role = GS_PERSON (s, person)->role;
  guint32 party_roles = q->b->quorum.party_roles;
  guint digits[G_N_ELEMENTS (q->radix)];
  guint64 x = state;
  for (guint d = 0; d < q->n_digits; d++)
    {
      digits[d] = (guint)(x % q->radix[d]);
      x /= q->radix[d];
    }
  guint d = 0;
  if (counts && digits[d] + 1 < q->radix[d])
    digits[d]++;
  d++;
  for (guint r = 0; r < q->n_roles; r++, d++)
    if (counts && (GsRole)q->roles[r] == role && digits[d] + 1 < q->radix[d])
      digits[d]++;
  for (guint p = 0; p < q->n_parties; p++, d++)
    {
      const GsPost *post
          = counts ? gs__person_post (s, person, q->parties[p]) : NULL;
      if (post != NULL
          && (party_roles == 0 || (party_roles & (1u << post->role)) != 0)
          && digits[d] + 1 < q->radix[d])
        digits[d]++;
    }
  if (q->chair && chair_filled)
    digits[d] = 1;
  guint64 out = 0;
  for (guint k = q->n_digits; k-- > 0;)
    out = out * q->radix[k] + digits[k];
  return out;
}

static gboolean
qshape_quorate (const QShape *q, guint64 state)
{
  if (q->chair_none)
    return FALSE;
  guint64 x = state;
  for (guint d = 0; d < q->n_digits; d++)
    {
      guint v = (guint)(x % q->radix[d]);
      x /= q->radix[d];
      if (v + 1 < q->radix[d])
        return FALSE; /* every digit must reach its need (its top value) */
    }
  return TRUE;
}

/* ---- who fills a seat ------------------------------------------------- */

/* A person's state in one enumeration of the people holding several
 * places. */
typedef enum
{
  P_FREE = 0, /* convolved: attends with their probability */
  P_ABSENT,
  P_ABSTAIN,
  P_FOR,
  P_AGAINST,
  P_PRESENT, /* attends (for the quorum alone) */
} PersonFix;

typedef enum
{
  B_NONE,
  B_FOR,
  B_AGAINST,
  B_ABSTAIN,
} Ballot;

/* One way a seat can be filled, with its probability. */
typedef struct
{
  double p;
  gboolean present;
  gboolean deputy;
  guint person;
  Ballot ballot;
} Occupant;

/* The vote in which ballots are asked: NULL for the quorum alone. */
typedef struct
{
  guint matter;
  const guint *affects;
  guint n_affects;
} Item;

static gboolean
person_conflicted (const GsScenario *s, const GsBody *b, const Item *item,
                   guint person)
{
  return item != NULL && !b->declare_only
         && gs__scenario_conflicted (s, person, item->matter, item->affects,
                                     item->n_affects);
}

/* The ballots of @person present in a seat of @b on @item: probabilities
 * of abstaining, for and against (none when they may not vote). */
static void
ballot_probs (const GsScenario *s, const GsBody *b, const Item *item,
              guint person, gboolean deputy, double *ab, double *pf, double *pa)
{
  *ab = *pf = *pa = 0.0;
  if (item == NULL || (deputy && !b->deputies_vote)
      || person_conflicted (s, b, item, person))
    return;
  GsStance st;
  gs__scenario_stance (s, person, item->matter, &st);
  int org = GS_PERSON (s, person)->org;
  gboolean affected
      = org >= 0 && gs__lists (item->affects, item->n_affects, (guint)org);
  double sup = affected ? st.if_affected : st.support;
  *ab = st.abstain;
  *pf = (1 - st.abstain) * sup;
  *pa = (1 - st.abstain) * (1 - sup);
}

/* Adds to @out (at most 5 entries) the ways @person can be present in a
 * seat, given @fix, each scaled by @scale; returns the probability that
 * they are absent. */
static double
presence (const GsScenario *s, const GsBody *b, const Item *item, guint person,
          gboolean deputy, PersonFix fix, double scale, Occupant *out,
          guint *n_out)
{
  double ab, pf, pa;
  ballot_probs (s, b, item, person, deputy, &ab, &pf, &pa);
  gboolean votes = ab + pf + pa > 0;
  double att = GS_PERSON (s, person)->attendance;
  Occupant o = { .present = TRUE, .deputy = deputy, .person = person };
  switch (fix)
    {
      case P_ABSENT:
        return scale;
      case P_PRESENT:
        o.p = scale;
        o.ballot = B_NONE;
        out[(*n_out)++] = o;
        return 0.0;
      case P_ABSTAIN:
      case P_FOR:
      case P_AGAINST:
        o.p = scale;
        o.ballot = !votes             ? B_NONE
                   : fix == P_FOR     ? B_FOR
                   : fix == P_AGAINST ? B_AGAINST
                                      : B_ABSTAIN;
        out[(*n_out)++] = o;
        return 0.0;
      case P_FREE:
      default:
        if (!votes)
          {
            o.p = scale * att;
            o.ballot = B_NONE;
            out[(*n_out)++] = o;
          }
        else
          {
            Ballot bs[] = { B_ABSTAIN, B_FOR, B_AGAINST };
            double ps[] = { ab, pf, pa };
            for (guint k = 0; k < 3; k++)
              {
                o.p = scale * att * ps[k];
                o.ballot = bs[k];
                out[(*n_out)++] = o;
              }
          }
        return scale * (1 - att);
    }
}

/* The ways seat @i of @b can be filled on @on: none when it is vacant
 * that day (nobody holds it, and no deputy sits in it). */
static guint
seat_occupants (const GsScenario *s, const GsBody *b, const Item *item,
                const PersonFix *fix, guint i, GsTime on, Occupant *out)
{
  const GsMember *m = &b->members[i];
  guint n = 0;
  if (seat_vacant_on (b, i, on))
    {
      out[n++] = (Occupant){ .p = 1.0, .present = FALSE, .person = m->person };
      return n;
    }
  double rest
      = presence (s, b, item, m->person, FALSE, fix[m->person], 1.0, out, &n);
  if (m->deputy >= 0 && (guint)m->deputy != m->person)
    rest = presence (s, b, item, (guint)m->deputy, TRUE, fix[m->deputy], rest,
                     out, &n);
  out[n++] = (Occupant){ .p = rest, .present = FALSE, .person = m->person };
  return n;
}

/* ---- the tally -------------------------------------------------------- */

/* A tally packed into (a, b, chair ballot, cast flag) with the meaning of
 * a and b depending on the rule (see the file's comment). */
typedef struct
{
  const GsBody *b;
  gboolean use_members; /* b counts members, not against */
  gboolean casting;     /* the chair's ballot is kept */
  guint64 a_cap, b_cap; /* exclusive bounds */
  guint64 quota;        /* weighted */
} TShape;

static void
tshape_init (TShape *t, const GsBody *b)
{
  const GsVoting *v = &b->voting;
  *t = (TShape){ .b = b, .a_cap = 1, .b_cap = 1 };
  guint n = b->n_members;
  switch (v->rule)
    {
      case GS_RULE_SIMPLE_MAJORITY:
        t->a_cap = t->b_cap = n + 1;
        t->casting = v->casting;
        break;
      case GS_RULE_ABSOLUTE_MAJORITY:
        t->a_cap = t->b_cap = n + 1;
        t->use_members = TRUE;
        t->casting = v->casting;
        break;
      case GS_RULE_QUALIFIED_MAJORITY:
        t->a_cap = t->b_cap = n + 1;
        t->use_members = v->base == GS_BASE_MEMBERS;
        break;
      case GS_RULE_WEIGHTED:
        {
          guint64 total = 0;
          for (guint i = 0; i < n; i++)
            total += b->members[i].weight;
          t->quota = v->quota;
          t->a_cap = MIN (v->quota, total + 1) + 1;
          break;
        }
      case GS_RULE_UNANIMITY:
        t->a_cap = t->b_cap = 2;
        break;
      case GS_RULE_CONSENSUS:
      default:
        t->b_cap = 2;
        break;
    }
}

typedef struct
{
  guint64 a, b, chair, cast;
} TState;

static guint64
tally_pack (const TShape *t, const TState *x)
{
  return ((x->a * t->b_cap + x->b) * 3 + x->chair) * 2 + x->cast;
}

static TState
tally_unpack (const TShape *t, guint64 key)
{
  TState x;
  x.cast = key % 2;
  key /= 2;
  x.chair = key % 3;
  key /= 3;
  x.b = key % t->b_cap;
  x.a = key / t->b_cap;
  return x;
}

/* The tally after a seat filled by @o (or empty: @o->present FALSE). */
static TState
tally_step (const TShape *t, TState x, const Occupant *o, gboolean conflicted,
            gboolean chair_seat, gboolean vacant, guint weight)
{
  const GsVoting *v = &t->b->voting;
  if (vacant)
    return x; /* nobody's seat that day: not a member for the vote */
  if (t->use_members && !conflicted)
    x.b++;
  if (!o->present || conflicted)
    return x;
  Ballot bl = o->ballot;
  if (bl == B_FOR || bl == B_AGAINST)
    x.cast = 1;
  if (chair_seat && t->casting)
    x.chair = bl == B_FOR ? 1 : bl == B_AGAINST ? 2 : 0;
  switch (v->rule)
    {
      case GS_RULE_WEIGHTED:
        if (bl == B_FOR)
          x.a = MIN (x.a + weight, t->a_cap - 1);
        break;
      case GS_RULE_UNANIMITY:
        if (bl == B_FOR)
          x.a = 1;
        if (bl == B_AGAINST)
          x.b = 1;
        break;
      case GS_RULE_CONSENSUS:
        if (bl == B_AGAINST)
          x.b = 1;
        break;
      default:
        if (bl == B_FOR)
          x.a++;
        if (bl == B_AGAINST && !t->use_members)
          x.b++;
        break;
    }
  return x;
}

/* Whether the tally carries the motion, as gs_vote_decide() would. */
static gboolean
tally_carried (const TShape *t, const TState *x)
{
  const GsVoting *v = &t->b->voting;
  switch (v->rule)
    {
      case GS_RULE_SIMPLE_MAJORITY:
        if (x->a + x->b == 0)
          return FALSE;
        if (x->a != x->b)
          return x->a > x->b;
        return t->casting && x->chair == 1;
      case GS_RULE_ABSOLUTE_MAJORITY:
        if (!x->cast)
          return FALSE;
        if (2 * x->a != x->b)
          return 2 * x->a > x->b;
        return t->casting && x->chair == 1;
      case GS_RULE_QUALIFIED_MAJORITY:
        {
          guint64 cast = t->use_members ? x->cast : x->a + x->b;
          if (cast == 0 || x->a == 0)
            return FALSE;
          guint64 base = t->use_members ? x->b : x->a + x->b;
          return x->a * v->den >= (guint64)v->num * base;
        }
      case GS_RULE_WEIGHTED:
        return x->cast && t->quota > 0 && x->a >= t->quota;
      case GS_RULE_UNANIMITY:
        return x->a == 1 && x->b == 0;
      case GS_RULE_CONSENSUS:
      default:
        return x->b == 0;
    }
}

/* ---- the programme over the seats ------------------------------------- */

/* P(quorate) of @b, or with @item, P(quorate for the item and carried),
 * given the fixed states @fix of some people. */
static double
body_chance (const GsScenario *s, const GsBody *b, const QShape *q,
             const Item *item, const PersonFix *fix)
{
  TShape t;
  tshape_init (&t, b);
  guint64 tsize = t.a_cap * t.b_cap * 6;
  StateMap cur, next;
  map_init (&cur, 64);
  map_init (&next, 64);
  TState zero = { 0 };
  map_add (&cur, tally_pack (&t, &zero), 1.0);
  Occupant occ[8];
  for (guint i = 0; i < b->n_members; i++)
    {
      guint n_occ = seat_occupants (s, b, item, fix, i, q->on, occ);
      gboolean chair_seat = (int)i == b->chair;
      gboolean vacant = seat_vacant_on (b, i, q->on);
      map_reset (&next);
      for (gsize k = 0; k < cur.cap; k++)
        {
          if (!cur.used[k])
            continue;
          guint64 qs = cur.keys[k] / tsize;
          TState ts = tally_unpack (&t, cur.keys[k] % tsize);
          for (guint j = 0; j < n_occ; j++)
            {
              const Occupant *o = &occ[j];
              gboolean conflicted
                  = o->present && person_conflicted (s, b, item, o->person);
              gboolean counts = o->present
                                && (!conflicted || b->quorum.conflicted_count)
                                && (!o->deputy || b->quorum.deputies_count);
              guint64 nq = qshape_step (s, q, qs, counts, o->person,
                                        chair_seat && o->present);
              TState nt = item ? tally_step (&t, ts, o, conflicted, chair_seat,
                                             vacant, b->members[i].weight)
                               : ts;
              map_add (&next, nq * tsize + tally_pack (&t, &nt),
                       cur.vals[k] * o->p);
            }
        }
      StateMap tmp = cur;
      cur = next;
      next = tmp;
    }
  double total = 0;
  for (gsize k = 0; k < cur.cap; k++)
    {
      if (!cur.used[k])
        continue;
      guint64 qs = cur.keys[k] / tsize;
      if (!qshape_quorate (q, qs))
        continue;
      if (item != NULL)
        {
          TState ts = tally_unpack (&t, cur.keys[k] % tsize);
          if (!tally_carried (&t, &ts))
            continue;
        }
      total += cur.vals[k];
    }
  map_clear (&cur);
  map_clear (&next);
  return total;
}

/* The people holding more than one place (as member or deputy) among the
 * @n bodies @bodies, into @shared; FALSE when more than SHARED_MAX. */
static gboolean
shared_people (const GsScenario *s, const guint *bodies, guint n, GsTime on,
               guint *shared, guint *n_shared)
{
  g_autofree guint *places = g_new0 (guint, MAX (s->people->len, 1));
  for (guint k = 0; k < n; k++)
    {
      const GsBody *b = GS_BODY (s, bodies[k]);
      for (guint i = 0; i < b->n_members; i++)
        {
          if (seat_vacant_on (b, i, on))
            continue;
          places[b->members[i].person]++;
          if (b->members[i].deputy >= 0
              && (guint)b->members[i].deputy != b->members[i].person)
            places[b->members[i].deputy]++;
        }
    }
  *n_shared = 0;
  for (guint p = 0; p < s->people->len; p++)
    if (places[p] > 1)
      {
        if (*n_shared == SHARED_MAX)
          return FALSE;
        shared[(*n_shared)++] = p;
      }
  return TRUE;
}

/* P(every one of the @n bodies is quorate) with @fix[target] as given and
 * every shared person other than @target enumerated. */
static double
bodies_quorate (const GsScenario *s, const guint *bodies, const QShape *qs,
                guint n, const guint *shared, guint n_shared, PersonFix *fix,
                int target)
{
  double total = 0;
  for (guint32 mask = 0; mask < (1u << n_shared); mask++)
    {
      double w = 1.0;
      gboolean skip = FALSE;
      for (guint k = 0; k < n_shared; k++)
        {
          if ((int)shared[k] == target)
            {
              if (mask >> k & 1)
                skip = TRUE; /* count the target once */
              continue;
            }
          double att = GS_PERSON (s, shared[k])->attendance;
          gboolean here = mask >> k & 1;
          fix[shared[k]] = here ? P_PRESENT : P_ABSENT;
          w *= here ? att : 1 - att;
        }
      if (skip || w == 0.0)
        continue;
      double all = 1.0;
      for (guint c = 0; c < n && all > 0; c++)
        all *= body_chance (s, qs[c].b, &qs[c], NULL, fix);
      total += w * all;
    }
  for (guint k = 0; k < n_shared; k++)
    if ((int)shared[k] != target)
      fix[shared[k]] = P_FREE;
  return total;
}

void
gs__power_quorum_criticality (const GsScenario *s, guint bi, GsBodyPower *bp)
{
  const GsBody *b = gs__body_at (s, bi, bp->on);
  g_autofree guint *bodies = NULL;
  guint n = 0;
  if (b->kind == GS_BODY_CIC)
    {
      bodies = g_memdup2 (b->constituents,
                          sizeof (guint) * MAX (b->n_constituents, 1));
      n = b->n_constituents;
    }
  else
    {
      bodies = g_new (guint, 1);
      bodies[0] = bi;
      n = 1;
    }
  g_autofree QShape *qs = g_new0 (QShape, MAX (n, 1));
  guint seats = 0;
  for (guint c = 0; c < n; c++)
    {
      if (!qshape_init (&qs[c], gs__body_at (s, bodies[c], bp->on), bp->on))
        return;
      seats += GS_BODY (s, bodies[c])->n_members;
    }
  guint shared[SHARED_MAX];
  guint n_shared;
  if (!shared_people (s, bodies, n, bp->on, shared, &n_shared))
    return;
  g_autofree PersonFix *fix = g_new0 (PersonFix, MAX (s->people->len, 1));
  bp->quorum_computed = TRUE;
  bp->inquorate
      = 1 - bodies_quorate (s, bodies, qs, n, shared, n_shared, fix, -1);
  bp->quorum = g_new0 (GsQuorumCriticality, MAX (seats, 1));
  for (guint c = 0; c < n; c++)
    {
      const GsBody *cb = GS_BODY (s, bodies[c]);
      for (guint i = 0; i < cb->n_members; i++)
        {
          GsQuorumCriticality *qc = &bp->quorum[bp->n_quorum++];
          guint person = cb->members[i].person;
          qc->person = person;
          qc->body = bodies[c];
          qc->deputy = cb->members[i].deputy;
          qc->vacant = seat_vacant_on (cb, i, bp->on);
          fix[person] = P_ABSENT;
          qc->inquorate_absent = 1
                                 - bodies_quorate (s, bodies, qs, n, shared,
                                                   n_shared, fix, (int)person);
          fix[person] = P_PRESENT;
          qc->inquorate_present = 1
                                  - bodies_quorate (s, bodies, qs, n, shared,
                                                    n_shared, fix, (int)person);
          fix[person] = P_FREE;
          qc->criticality = qc->inquorate_absent - qc->inquorate_present;
        }
    }
}

/* P(quorate and carried) on @item with @person fixed to @vote, every
 * shared person enumerated over absent, abstaining, for and against. */
static double
carried_chance (const GsScenario *s, const GsBody *b, const QShape *q,
                const Item *item, const guint *shared, guint n_shared,
                PersonFix *fix, guint person, PersonFix vote)
{
  guint others[SHARED_MAX], n_others = 0;
  for (guint k = 0; k < n_shared; k++)
    if (shared[k] != person)
      others[n_others++] = shared[k];
  fix[person] = vote;
  double total = 0;
  guint combos = 1;
  for (guint k = 0; k < n_others; k++)
    combos *= 4;
  for (guint c = 0; c < combos; c++)
    {
      double w = 1.0;
      guint x = c;
      for (guint k = 0; k < n_others; k++, x /= 4)
        {
          guint p = others[k];
          double att = GS_PERSON (s, p)->attendance;
          double ab, pf, pa;
          ballot_probs (s, b, item, p, FALSE, &ab, &pf, &pa);
          if (ab + pf + pa == 0)
            ab = 1; /* present, not voting: fold into one state */
          PersonFix states[] = { P_ABSENT, P_ABSTAIN, P_FOR, P_AGAINST };
          double ps[] = { 1 - att, att * ab, att * pf, att * pa };
          fix[p] = states[x % 4];
          w *= ps[x % 4];
        }
      if (w > 0)
        total += w * body_chance (s, b, q, item, fix);
    }
  for (guint k = 0; k < n_others; k++)
    fix[others[k]] = P_FREE;
  fix[person] = P_FREE;
  return total;
}

/* ---- the traffic that reaches a body ---------------------------------- */

/* Whether a pathway's gateways (or the ladders their bodies escalate to)
 * bring items to body @bi. */
static gboolean
pathway_reaches (const GsScenario *s, const GsPathway *pw, guint bi)
{
  guint nb = s->bodies->len;
  g_autofree gboolean *reached = g_new0 (gboolean, MAX (nb, 1));
  for (guint g = 0; g < pw->n_gateways; g++)
    for (guint k = 0; k < pw->gateways[g].n_bodies; k++)
      reached[pw->gateways[g].bodies[k]] = TRUE;
  /* Escalation: a ladder's voting levels, to a fixpoint. */
  gboolean grew = TRUE;
  while (grew)
    {
      grew = FALSE;
      for (guint x = 0; x < nb; x++)
        {
          if (!reached[x])
            continue;
          const GsBody *b = GS_BODY (s, x);
          guint guard = 0;
          for (int l = b->escalation.ladder; l >= 0 && guard < 64; guard++)
            {
              const GsLadder *ld = GS_LADDER (s, l);
              for (guint v = 0; v < ld->n_levels; v++)
                {
                  const GsLevel *lv = &ld->levels[v];
                  for (guint j = 0;
                       lv->method == GS_LEVEL_REFERRAL && j < lv->n_bodies; j++)
                    if (!reached[lv->bodies[j]])
                      reached[lv->bodies[j]] = grew = TRUE;
                }
              for (guint v = 0; v < ld->n_levels; v++)
                if (ld->levels[v].method == GS_LEVEL_VOTE
                    && ld->levels[v].body >= 0 && !reached[ld->levels[v].body])
                  reached[ld->levels[v].body] = grew = TRUE;
              l = ld->then;
            }
        }
    }
  const GsBody *b = GS_BODY (s, bi);
  return reached[bi] || (b->group >= 0 && reached[b->group]);
}

typedef struct
{
  guint matter;
  const guint *affects;
  guint n_affects;
  double weight;
} TrafficItem;

static void
traffic_add (GArray *items, guint matter, const guint *affects, guint n,
             double weight)
{
  for (guint i = 0; i < items->len; i++)
    {
      TrafficItem *t = &g_array_index (items, TrafficItem, i);
      if (t->matter == matter && t->n_affects == n
          && memcmp (t->affects, affects, sizeof (guint) * n) == 0)
        {
          t->weight += weight;
          return;
        }
    }
  TrafficItem t = { matter, affects, n, weight };
  g_array_append_val (items, t);
}

static GArray *
body_traffic (const GsScenario *s, guint bi)
{
  GArray *items = g_array_new (FALSE, FALSE, sizeof (TrafficItem));
  guint np = s->pathways->len;
  g_autofree gboolean *reaches = g_new0 (gboolean, MAX (np, 1));
  for (guint i = 0; i < np; i++)
    reaches[i] = pathway_reaches (s, GS_PATHWAY (s, i), bi);
  for (guint i = 0; i < s->proposals->len; i++)
    {
      const GsProposal *p = GS_PROPOSAL (s, i);
      if (reaches[p->pathway])
        traffic_add (items, p->matter, p->affects, p->n_affects, 1.0);
    }
  for (guint i = 0; i < s->arrivals->len; i++)
    {
      const GsArrivals *a = GS_ARRIVALS (s, i);
      gboolean hit = FALSE;
      if (a->pathway >= 0)
        hit = reaches[a->pathway];
      else
        for (guint k = 0; k < np && !hit; k++)
          hit = reaches[k] && !GS_PATHWAY (s, k)->implicit
                && gs__lists (GS_PATHWAY (s, k)->matters,
                              GS_PATHWAY (s, k)->n_matters, a->matter);
      if (hit)
        traffic_add (items, a->matter, a->affects, a->n_affects,
                     (double)a->count);
    }
  return items;
}

void
gs__power_decisiveness (const GsScenario *s, guint bi, GsBodyPower *bp,
                        const GsGamePower *apriori)
{
  const GsBody *b = gs__body_at (s, bi, bp->on);
  QShape q;
  if (!qshape_init (&q, b, bp->on))
    return;
  guint shared[SHARED_MAX], n_shared;
  if (!shared_people (s, &bi, 1, bp->on, shared, &n_shared))
    return;
  g_autoptr (GArray) items = body_traffic (s, bi);
  bp->decisive_from_traffic = items->len > 0;
  if (items->len == 0)
    for (guint m = 0; m < s->matters->len; m++)
      traffic_add (items, m, NULL, 0, 1.0);
  g_autofree gboolean *seen = g_new0 (gboolean, MAX (s->matters->len, 1));
  for (guint i = 0; i < items->len; i++)
    seen[g_array_index (items, TrafficItem, i).matter] = TRUE;
  bp->matters = g_new0 (guint, MAX (s->matters->len, 1));
  for (guint m = 0; m < s->matters->len; m++)
    if (seen[m])
      bp->matters[bp->n_matters++] = m;
  bp->decisive
      = g_new0 (GsDecisiveness, MAX ((gsize)bp->n_matters * b->n_members, 1));
  g_autofree PersonFix *fix = g_new0 (PersonFix, MAX (s->people->len, 1));
  for (guint mi = 0; mi < bp->n_matters; mi++)
    {
      guint m = bp->matters[mi];
      for (guint i = 0; i < b->n_members; i++)
        {
          guint person = b->members[i].person;
          double sum = 0, wsum = 0;
          for (guint k = 0; k < items->len; k++)
            {
              const TrafficItem *t = &g_array_index (items, TrafficItem, k);
              if (t->matter != m)
                continue;
              Item item = { m, t->affects, t->n_affects };
              double yes = carried_chance (s, b, &q, &item, shared, n_shared,
                                           fix, person, P_FOR);
              double no = carried_chance (s, b, &q, &item, shared, n_shared,
                                          fix, person, P_AGAINST);
              sum += t->weight * MAX (yes - no, 0.0);
              wsum += t->weight;
            }
          GsDecisiveness *d = &bp->decisive[bp->n_decisive++];
          d->person = person;
          d->matter = m;
          d->decisive = wsum > 0 ? sum / wsum : 0.0;
          d->banzhaf_raw = apriori->players[i].banzhaf_raw;
        }
    }
}

/* gs-power-game.c — a-priori power indices of simple games, exactly where
 * possible.
 *
 * Three ways to the same numbers, chosen in this order (gs_game_power()):
 *
 *  1. Weighted games [q; w] by generating functions.  g[k][w] counts the
 *     coalitions of size k and total weight w < q of all the players; the
 *     coalitions of the others of a player of weight v follow by dividing
 *     out one factor (1 + x^v y): g'[k][w] = g[k][w] − g'[k−1][w−v], done
 *     once per distinct weight, since players of equal weight have equal
 *     indices.  A player of weight v swings in the coalitions S of the
 *     others with q − v ≤ w(S) < q; Banzhaf counts them all, Shapley–Shubik
 *     weighs those of size k by k!(n−1−k)!.  Work is O(n² q) additions of
 *     GMP integers, memory two tables of (n + 1) × q integers: 200 players
 *     of weight 1 take a few milliseconds.  Minimal winning and minimal
 *     blocking coalitions are counted with one more table each, by the
 *     lightest member (see count_minimal()).
 *  2. Any game of at most GS_POWER_ENUMERATE_MAX players by enumerating the
 *     2^n coalitions once into a bit table (Gray-code order, so each step
 *     changes one player and the test is O(1)), then one pass over the
 *     table counting swings by size and minimal coalitions.
 *  3. Monte Carlo beyond: random coalitions for Banzhaf (each other player
 *     in with probability 1/2), random orders for Shapley–Shubik, each
 *     estimate with its standard error √(p(1 − p)/m).
 *
 * Counts are exact GMP integers (they pass 2^64 at about 70 players of a
 * symmetric majority) and leave this file as decimal strings; the indices
 * are their ratios, converted once to doubles.  The smallest blocking
 * coalition is found directly (the heaviest players first, which is
 * optimal for a weighted game; for a compound game, the cheapest parts to
 * block by a small knapsack over the top weights), whatever the method.
 */
#include <govsim/gs-power.h>
#include <govsim/gs-rng.h>

#include <gmp.h>
#include <math.h>
#include <string.h>

struct _GsGame
{
  guint n;          /* players */
  guint64 quota;    /* of the weighted game, or of the top game */
  guint64 *weights; /* weighted: one per player; compound: one per part;
                       NULL for parties */
  guint n_parts;    /* 0 for a weighted game */
  GsGame **parts;   /* compound: weighted games over consecutive players */
  guint *part_of;   /* compound: each player's part */
  guint *first;     /* compound: each part's first player */
  /* One vote per organisation over the people (gs_game_new_parties()):
   * n_blocs parties, possibly sharing players; 0 for the other games. */
  guint n_blocs;
  guint64 *bloc_of; /* each player's parties, bit k for party k */
  guint *bloc_size; /* each party's players */
  guint8 *carries;  /* (n_blocs + 1)², at F × (n_blocs + 1) + A: the
                       motion carries with F parties for and A against */
};

G_DEFINE_QUARK (gs - power - error - quark, gs_power_error)

const char *
gs_power_method_to_string (GsPowerMethod method)
{
  switch (method)
    {
      case GS_POWER_EXACT_DP:
        return "exact-dp";
      case GS_POWER_EXACT_ENUMERATION:
        return "exact-enumeration";
      case GS_POWER_SAMPLED:
        return "sampled";
      default:
        return "unknown";
    }
}

GsGame *
gs_game_new_weighted (guint64 quota, const guint64 *weights, guint n)
{
  g_return_val_if_fail (weights != NULL || n == 0, NULL);
  GsGame *g = g_new0 (GsGame, 1);
  g->n = n;
  g->quota = quota;
  g->weights = g_memdup2 (weights, sizeof (guint64) * MAX (n, 1));
  return g;
}

static GsGame *
game_copy (const GsGame *src)
{
  if (src->n_parts == 0)
    return gs_game_new_weighted (src->quota, src->weights, src->n);
  return gs_game_new_compound ((const GsGame *const *)src->parts, src->n_parts,
                               src->quota, src->weights);
}

GsGame *
gs_game_new_compound (const GsGame *const *parts, guint n, guint64 top_quota,
                      const guint64 *top_weights)
{
  g_return_val_if_fail (parts != NULL && n > 0 && top_weights != NULL, NULL);
  for (guint c = 0; c < n; c++)
    g_return_val_if_fail (parts[c]->n_parts == 0 && parts[c]->n_blocs == 0,
                          NULL);
  GsGame *g = g_new0 (GsGame, 1);
  g->quota = top_quota;
  g->weights = g_memdup2 (top_weights, sizeof (guint64) * n);
  g->n_parts = n;
  g->parts = g_new0 (GsGame *, n);
  g->first = g_new0 (guint, n);
  for (guint c = 0; c < n; c++)
    {
      g->parts[c] = game_copy (parts[c]);
      g->first[c] = g->n;
      g->n += parts[c]->n;
    }
  g->part_of = g_new0 (guint, MAX (g->n, 1));
  for (guint c = 0; c < n; c++)
    for (guint i = 0; i < parts[c]->n; i++)
      g->part_of[g->first[c] + i] = c;
  return g;
}

GsGame *
gs_game_new_parties (guint n, const guint64 *parties_of, guint n_parties,
                     const gboolean *carries)
{
  g_return_val_if_fail (parties_of != NULL || n == 0, NULL);
  g_return_val_if_fail (n_parties > 0 && n_parties <= 64 && carries != NULL,
                        NULL);
  guint shared = 0;
  for (guint i = 0; i < n; i++)
    shared += __builtin_popcountll (parties_of[i]) > 1;
  g_return_val_if_fail (shared <= GS_POWER_SHARED_MAX, NULL);
  GsGame *g = g_new0 (GsGame, 1);
  g->n = n;
  g->n_blocs = n_parties;
  g->bloc_of = g_memdup2 (parties_of, sizeof (guint64) * MAX (n, 1));
  g->bloc_size = g_new0 (guint, n_parties);
  for (guint i = 0; i < n; i++)
    for (guint k = 0; k < n_parties; k++)
      g->bloc_size[k] += (parties_of[i] >> k) & 1;
  gsize cells = (gsize)(n_parties + 1) * (n_parties + 1);
  g->carries = g_new0 (guint8, cells);
  for (gsize c = 0; c < cells; c++)
    g->carries[c] = carries[c] ? 1 : 0;
  return g;
}

void
gs_game_free (GsGame *g)
{
  if (g == NULL)
    return;
  g_free (g->bloc_of);
  g_free (g->bloc_size);
  g_free (g->carries);
  for (guint c = 0; c < g->n_parts; c++)
    gs_game_free (g->parts[c]);
  g_free (g->parts);
  g_free (g->part_of);
  g_free (g->first);
  g_free (g->weights);
  g_free (g);
}

guint
gs_game_n_players (const GsGame *g)
{
  return g->n;
}

/* A party's vote from @vfor of its @m players for, the rest against:
 * 0 absent (no player), 1 for, 2 against, 3 abstaining on an equality. */
static inline guint
bloc_vote (guint vfor, guint m)
{
  if (m == 0)
    return 0;
  return 2 * vfor > m ? 1 : 2 * vfor < m ? 2 : 3;
}

/* Whether the parties' votes carry the motion, from the parties' counts
 * @vfor of players for. */
static gboolean
blocs_carry (const GsGame *g, const guint *vfor)
{
  guint f = 0, a = 0;
  for (guint k = 0; k < g->n_blocs; k++)
    {
      guint v = bloc_vote (vfor[k], g->bloc_size[k]);
      f += v == 1;
      a += v == 2;
    }
  return g->carries[f * (g->n_blocs + 1) + a] != 0;
}

static guint64
total_weight (const GsGame *g)
{
  if (g->n_blocs != 0)
    return 0;
  guint64 t = 0;
  guint k = g->n_parts ? g->n_parts : g->n;
  for (guint i = 0; i < k; i++)
    t += g->weights[i];
  return t;
}

gboolean
gs_game_wins (const GsGame *g, const gboolean *in)
{
  if (g->n_blocs != 0)
    {
      guint vfor[64] = { 0 };
      for (guint i = 0; i < g->n; i++)
        if (in[i])
          for (guint64 m = g->bloc_of[i]; m != 0; m &= m - 1)
            vfor[__builtin_ctzll (m)]++;
      return blocs_carry (g, vfor);
    }
  if (g->n_parts == 0)
    {
      guint64 w = 0;
      for (guint i = 0; i < g->n; i++)
        w += in[i] ? g->weights[i] : 0;
      return w >= g->quota;
    }
  guint64 top = 0;
  for (guint c = 0; c < g->n_parts; c++)
    if (gs_game_wins (g->parts[c], in + g->first[c]))
      top += g->weights[c];
  return top >= g->quota;
}

/* ---- incremental evaluation: one player joins or leaves ------------- */

typedef struct
{
  const GsGame *g;
  guint64 sum;        /* weighted: the coalition's weight; compound: the
                         top weight of the parts won */
  guint64 *part_sums; /* compound: each part's coalition weight; parties:
                         each party's players for */
  guint n_for;        /* parties: the parties voting for ... */
  guint n_against;    /* ... and against */
} Tally;

static void
tally_init (Tally *t, const GsGame *g)
{
  t->g = g;
  t->sum = 0;
  t->n_for = t->n_against = 0;
  if (g->n_blocs)
    {
      /* Everyone against: every party with players votes against. */
      t->part_sums = g_new0 (guint64, g->n_blocs);
      for (guint k = 0; k < g->n_blocs; k++)
        t->n_against += g->bloc_size[k] > 0;
      return;
    }
  t->part_sums = g->n_parts ? g_new0 (guint64, g->n_parts) : NULL;
  if (g->n_parts)
    for (guint c = 0; c < g->n_parts; c++)
      if (g->parts[c]->quota == 0)
        t->sum += g->weights[c];
}

static void
tally_clear (Tally *t)
{
  g_clear_pointer (&t->part_sums, g_free);
}

/* The parties' counts for and against after player @i joins (@join) or
 * leaves, from @t's, into *@f and *@a; with @commit, @t moves. */
static inline void
tally_blocs (Tally *t, guint i, gboolean join, gboolean commit, guint *f,
             guint *a)
{
  const GsGame *g = t->g;
  *f = t->n_for;
  *a = t->n_against;
  for (guint64 m = g->bloc_of[i]; m != 0; m &= m - 1)
    {
      guint k = (guint)__builtin_ctzll (m);
      guint64 was = t->part_sums[k], now = join ? was + 1 : was - 1;
      guint before = bloc_vote ((guint)was, g->bloc_size[k]);
      guint after = bloc_vote ((guint)now, g->bloc_size[k]);
      if (before == 1)
        (*f)--;
      if (after == 1)
        (*f)++;
      if (before == 2)
        (*a)--;
      if (after == 2)
        (*a)++;
      if (commit)
        t->part_sums[k] = now;
    }
  if (commit)
    {
      t->n_for = *f;
      t->n_against = *a;
    }
}

/* Player @i joins (@join) or leaves the coalition. */
static inline void
tally_move (Tally *t, guint i, gboolean join)
{
  const GsGame *g = t->g;
  if (g->n_blocs != 0)
    {
      guint f, a;
      tally_blocs (t, i, join, TRUE, &f, &a);
      return;
    }
  if (g->n_parts == 0)
    {
      t->sum = join ? t->sum + g->weights[i] : t->sum - g->weights[i];
      return;
    }
  guint c = g->part_of[i];
  const GsGame *p = g->parts[c];
  guint64 w = p->weights[i - g->first[c]];
  gboolean before = t->part_sums[c] >= p->quota;
  t->part_sums[c] = join ? t->part_sums[c] + w : t->part_sums[c] - w;
  gboolean after = t->part_sums[c] >= p->quota;
  if (before != after)
    t->sum = after ? t->sum + g->weights[c] : t->sum - g->weights[c];
}

static inline gboolean
tally_wins (const Tally *t)
{
  if (t->g->n_blocs != 0)
    return t->g->carries[t->n_for * (t->g->n_blocs + 1) + t->n_against] != 0;
  return t->sum >= t->g->quota;
}

/* Whether the coalition would win with player @i in (@in) or out, the
 * rest as it is; @i's current membership is @member. */
static inline gboolean
tally_wins_with (Tally *t, guint i, gboolean member, gboolean in)
{
  if (member == in)
    return tally_wins (t);
  const GsGame *g = t->g;
  if (g->n_blocs != 0)
    {
      guint f, a;
      tally_blocs (t, i, in, FALSE, &f, &a);
      return g->carries[f * (g->n_blocs + 1) + a] != 0;
    }
  if (g->n_parts == 0)
    {
      guint64 s = in ? t->sum + g->weights[i] : t->sum - g->weights[i];
      return s >= g->quota;
    }
  guint c = g->part_of[i];
  const GsGame *p = g->parts[c];
  guint64 w = p->weights[i - g->first[c]];
  guint64 ps = in ? t->part_sums[c] + w : t->part_sums[c] - w;
  gboolean before = t->part_sums[c] >= p->quota;
  gboolean after = ps >= p->quota;
  guint64 s = t->sum;
  if (before != after)
    s = after ? s + g->weights[c] : s - g->weights[c];
  return s >= g->quota;
}

/* ---- results ---------------------------------------------------------- */

static GsGamePower *
power_new (const GsGame *g, GsPowerMethod method)
{
  GsGamePower *p = g_new0 (GsGamePower, 1);
  p->method = method;
  p->n_players = g->n;
  p->players = g_new0 (GsPlayerPower, MAX (g->n, 1));
  return p;
}

void
gs_game_power_free (GsGamePower *p)
{
  if (p == NULL)
    return;
  for (guint i = 0; i < p->n_players; i++)
    g_free (p->players[i].swings);
  g_free (p->players);
  g_free (p->n_winning);
  g_free (p->n_minimal_winning);
  g_free (p->n_minimal_blocking);
  g_free (p->blocking_example);
  g_free (p);
}

static double
ratio (const mpz_t num, const mpz_t den)
{
  if (mpz_sgn (den) == 0)
    return 0.0;
  mpq_t q;
  mpq_init (q);
  mpq_set_num (q, num);
  mpq_set_den (q, den);
  mpq_canonicalize (q);
  double d = mpq_get_d (q);
  mpq_clear (q);
  return d;
}

static char *
mpz_dup_string (const mpz_t z)
{
  char *raw = mpz_get_str (NULL, 10, z);
  char *s = g_strdup (raw);
  void (*gmp_free) (void *, size_t);
  mp_get_memory_functions (NULL, NULL, &gmp_free);
  gmp_free (raw, strlen (raw) + 1);
  return s;
}

/* Fills the indices of every player from exact counts: @swings[i] and the
 * Shapley–Shubik numerators @ss[i] (over n!), and the game's winning
 * coalitions @winning. */
static void
finish_exact (const GsGame *g, GsGamePower *p, mpz_t *swings, mpz_t *ss,
              const mpz_t winning)
{
  guint n = g->n;
  mpz_t total, half, all, losing, fact;
  mpz_inits (total, half, all, losing, fact, NULL);
  for (guint i = 0; i < n; i++)
    mpz_add (total, total, swings[i]);
  mpz_ui_pow_ui (all, 2, n);
  if (n > 0)
    mpz_ui_pow_ui (half, 2, n - 1);
  mpz_sub (losing, all, winning);
  mpz_fac_ui (fact, n);
  for (guint i = 0; i < n; i++)
    {
      GsPlayerPower *pp = &p->players[i];
      pp->swings = mpz_dup_string (swings[i]);
      pp->banzhaf = ratio (swings[i], total);
      pp->banzhaf_raw = ratio (swings[i], half);
      pp->shapley = ratio (ss[i], fact);
      pp->coleman_prevent = ratio (swings[i], winning);
      pp->coleman_initiate = ratio (swings[i], losing);
      pp->dummy = mpz_sgn (swings[i]) == 0;
    }
  p->n_winning = mpz_dup_string (winning);
  p->coleman_act = ratio (winning, all);
  mpz_clears (total, half, all, losing, fact, NULL);
}

/* ---- 1. weighted games: generating functions ------------------------- */

/* Counts the coalitions that win [@quota; weights] and lose when any one player
 * leaves.  Such a coalition is its lightest member j (the last of them in
 * order of decreasing weight) and a set T of players before j with
 * quota − w_j ≤ w(T) < quota, so a table h[w] of the subsets of the
 * players seen so far, by weight below the quota, counts them all in one
 * pass. */
static void
count_minimal (const guint64 *weights, guint n, guint64 quota, mpz_t out)
{
  mpz_set_ui (out, 0);
  if (quota == 0)
    {
      mpz_set_ui (out, 1); /* the empty coalition */
      return;
    }
  g_autofree guint *order = g_new (guint, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    order[i] = i;
  /* Insertion sort by decreasing weight, stable: n is at most a few
   * thousand and this runs once. */
  for (guint i = 1; i < n; i++)
    {
      guint x = order[i], j = i;
      while (j > 0 && weights[order[j - 1]] < weights[x])
        {
          order[j] = order[j - 1];
          j--;
        }
      order[j] = x;
    }
  gsize q = (gsize)quota;
  mpz_t *h = g_new (mpz_t, q);
  for (gsize w = 0; w < q; w++)
    mpz_init (h[w]);
  mpz_set_ui (h[0], 1);
  for (guint k = 0; k < n; k++)
    {
      guint64 v = weights[order[k]];
      if (v == 0)
        break;
      gsize lo = v >= quota ? 0 : (gsize)(quota - v);
      for (gsize w = lo; w < q; w++)
        mpz_add (out, out, h[w]);
      if (v < quota)
        for (gsize w = q - 1; w >= v; w--)
          mpz_add (h[w], h[w], h[w - v]);
    }
  for (gsize w = 0; w < q; w++)
    mpz_clear (h[w]);
  g_free (h);
}

static gboolean
dp_fits (const GsGame *g)
{
  if (g->n_parts != 0 || g->n_blocs != 0)
    return FALSE;
  guint64 total = total_weight (g);
  guint64 q = MIN (g->quota, total + 1);
  guint64 qb = total >= q ? total - q + 1 : 0;
  return q <= GS_POWER_DP_CELLS_MAX / (g->n + 1) && qb <= GS_POWER_DP_CELLS_MAX;
}

static void
power_dp (const GsGame *g, GsGamePower *p)
{
  guint n = g->n;
  guint64 total = total_weight (g);
  /* A quota above the total is the same game as total + 1: nothing wins. */
  guint64 quota = MIN (g->quota, total + 1);
  gsize q = (gsize)quota;
  mpz_t *swings = g_new (mpz_t, MAX (n, 1));
  mpz_t *ss = g_new (mpz_t, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    mpz_inits (swings[i], ss[i], NULL);
  mpz_t winning;
  mpz_init (winning);

  if (q == 0)
    mpz_ui_pow_ui (winning, 2, n); /* everything wins; nobody swings */
  else
    {
      gsize cells = (gsize)(n + 1) * q;
      mpz_t *gf = g_new (mpz_t, cells);  /* g[k][w] at k × q + w */
      mpz_t *out = g_new (mpz_t, cells); /* the same without one player */
      for (gsize c = 0; c < cells; c++)
        mpz_inits (gf[c], out[c], NULL);
      mpz_set_ui (gf[0], 1);
      for (guint i = 0; i < n; i++)
        {
          guint64 v = g->weights[i];
          if (v >= quota)
            {
              /* Every coalition with them reaches the quota: only the
               * coalitions without them stay below it. */
              continue;
            }
          for (guint k = i + 1; k >= 1; k--)
            for (gsize w = q - 1; w >= v; w--)
              {
                mpz_add (gf[k * q + w], gf[k * q + w], gf[(k - 1) * q + w - v]);
                if (w == 0)
                  break;
              }
        }
      /* Losing coalitions are those the table counts. */
      mpz_ui_pow_ui (winning, 2, n);
      for (gsize c = 0; c < cells; c++)
        mpz_sub (winning, winning, gf[c]);

      mpz_t acc, fk;
      mpz_inits (acc, fk, NULL);
      g_autofree gboolean *done = g_new0 (gboolean, MAX (n, 1));
      for (guint i = 0; i < n; i++)
        {
          if (done[i])
            continue;
          guint64 v = g->weights[i];
          mpz_set_ui (acc, 0);
          mpz_t ssn;
          mpz_init (ssn);
          if (v > 0)
            {
              /* Divide out (1 + x^v y), unless v ≥ quota, where the
               * player never entered the table. */
              for (guint k = 0; k <= n; k++)
                for (gsize w = 0; w < q; w++)
                  {
                    gsize c = k * q + w;
                    mpz_set (out[c], gf[c]);
                    if (v < quota && k > 0 && w >= v)
                      mpz_sub (out[c], out[c], out[(k - 1) * q + w - v]);
                  }
              gsize lo = v >= quota ? 0 : (gsize)(quota - v);
              for (guint k = 0; k < n; k++)
                {
                  mpz_set_ui (fk, 0);
                  for (gsize w = lo; w < q; w++)
                    mpz_add (fk, fk, out[k * q + w]);
                  if (mpz_sgn (fk) == 0)
                    continue;
                  mpz_add (acc, acc, fk);
                  /* k! (n − 1 − k)! */
                  mpz_t a, b;
                  mpz_inits (a, b, NULL);
                  mpz_fac_ui (a, k);
                  mpz_fac_ui (b, n - 1 - k);
                  mpz_mul (a, a, b);
                  mpz_addmul (ssn, fk, a);
                  mpz_clears (a, b, NULL);
                }
            }
          for (guint j = i; j < n; j++)
            if (g->weights[j] == v)
              {
                mpz_set (swings[j], acc);
                mpz_set (ss[j], ssn);
                done[j] = TRUE;
              }
          mpz_clear (ssn);
        }
      mpz_clears (acc, fk, NULL);
      for (gsize c = 0; c < cells; c++)
        mpz_clears (gf[c], out[c], NULL);
      g_free (gf);
      g_free (out);
    }
  finish_exact (g, p, swings, ss, winning);

  mpz_t count;
  mpz_init (count);
  count_minimal (g->weights, n, quota, count);
  p->n_minimal_winning = mpz_dup_string (count);
  /* Blocking coalitions are the winning ones of the dual game
   * [total − q + 1; w]; when q is 0 nothing blocks. */
  if (quota == 0)
    mpz_set_ui (count, 0);
  else
    count_minimal (g->weights, n, total - quota + 1, count);
  p->n_minimal_blocking = mpz_dup_string (count);
  mpz_clear (count);

  for (guint i = 0; i < n; i++)
    mpz_clears (swings[i], ss[i], NULL);
  g_free (swings);
  g_free (ss);
  mpz_clear (winning);
}

/* ---- 2. enumeration --------------------------------------------------- */

static void
power_enumerate (const GsGame *g, GsGamePower *p)
{
  guint n = g->n;
  guint64 size = (guint64)1 << n;
  guint8 *win = g_malloc0 ((gsize)(size / 8 + 1));
  Tally t;
  tally_init (&t, g);
  /* Gray code: coalition k is k ^ (k >> 1); step k flips bit ctz(k). */
  guint64 mask = 0;
  if (tally_wins (&t))
    win[0] |= 1;
  for (guint64 k = 1; k < size; k++)
    {
      guint i = (guint)__builtin_ctzll (k);
      gboolean join = !(mask & ((guint64)1 << i));
      mask ^= (guint64)1 << i;
      tally_move (&t, i, join);
      if (tally_wins (&t))
        win[mask >> 3] |= (guint8)(1u << (mask & 7));
    }
  tally_clear (&t);

#define WINS(m) ((win[(m) >> 3] >> ((m)&7)) & 1)
  /* by_size[i × n + k]: coalitions of k others in which i swings. */
  g_autofree guint64 *by_size = g_new0 (guint64, (gsize)n * n + 1);
  guint64 n_win = 0, n_mwc = 0, n_mbc = 0;
  for (guint64 s = 0; s < size; s++)
    {
      guint k = (guint)__builtin_popcountll (s);
      if (WINS (s))
        {
          n_win++;
          guint critical = 0;
          for (guint i = 0; i < n; i++)
            {
              guint64 b = (guint64)1 << i;
              if ((s & b) && !WINS (s ^ b))
                {
                  critical++;
                  by_size[(gsize)i * n + k - 1]++;
                }
            }
          n_mwc += critical == k;
        }
      else
        {
          /* s loses, so its complement blocks; the complement is minimal
           * when every player outside s would make s win. */
          guint turn = 0;
          for (guint i = 0; i < n; i++)
            {
              guint64 b = (guint64)1 << i;
              if (!(s & b) && WINS (s | b))
                turn++;
            }
          n_mbc += turn == n - k;
        }
    }
#undef WINS
  g_free (win);

  mpz_t *swings = g_new (mpz_t, MAX (n, 1));
  mpz_t *ss = g_new (mpz_t, MAX (n, 1));
  mpz_t a, b, winning;
  mpz_inits (a, b, winning, NULL);
  for (guint i = 0; i < n; i++)
    {
      mpz_inits (swings[i], ss[i], NULL);
      for (guint k = 0; k < n; k++)
        {
          guint64 c = by_size[(gsize)i * n + k];
          if (c == 0)
            continue;
          mpz_set_ui (a, 0);
          mpz_add_ui (swings[i], swings[i], c);
          mpz_fac_ui (a, k);
          mpz_fac_ui (b, n - 1 - k);
          mpz_mul (a, a, b);
          mpz_mul_ui (a, a, c);
          mpz_add (ss[i], ss[i], a);
        }
    }
  mpz_set_ui (winning, n_win);
  finish_exact (g, p, swings, ss, winning);
  mpz_set_ui (a, n_mwc);
  p->n_minimal_winning = mpz_dup_string (a);
  mpz_set_ui (a, n_mbc);
  p->n_minimal_blocking = mpz_dup_string (a);
  for (guint i = 0; i < n; i++)
    mpz_clears (swings[i], ss[i], NULL);
  g_free (swings);
  g_free (ss);
  mpz_clears (a, b, winning, NULL);
}

/* ---- 3. sampling ------------------------------------------------------ */

static double
se_of (double p, guint64 m)
{
  return m > 0 ? sqrt (p * (1.0 - p) / (double)m) : 0.0;
}

static void
power_sample (const GsGame *g, GsGamePower *p, guint64 m, guint64 seed)
{
  guint n = g->n;
  p->samples = m;
  GsRng rng;
  gs_rng_init (&rng, seed, 0x706f776572 /* "power" */);
  g_autofree guint64 *bz = g_new0 (guint64, MAX (n, 1));
  g_autofree guint64 *sh = g_new0 (guint64, MAX (n, 1));
  g_autofree gboolean *in = g_new0 (gboolean, MAX (n, 1));
  g_autofree guint *order = g_new0 (guint, MAX (n, 1));
  guint64 wins = 0;
  Tally t;
  tally_init (&t, g);
  for (guint64 s = 0; s < m; s++)
    {
      /* Banzhaf: a uniformly random coalition. */
      for (guint i = 0; i < n; i++)
        {
          in[i] = (gs_rng_next (&rng) >> 63) != 0;
          if (in[i])
            tally_move (&t, i, TRUE);
        }
      wins += tally_wins (&t) ? 1 : 0;
      for (guint i = 0; i < n; i++)
        if (tally_wins_with (&t, i, in[i], TRUE)
            && !tally_wins_with (&t, i, in[i], FALSE))
          bz[i]++;
      for (guint i = 0; i < n; i++)
        if (in[i])
          tally_move (&t, i, FALSE);

      /* Shapley–Shubik: a uniformly random order; the pivot is the
       * player whose arrival first makes the coalition win. */
      for (guint i = 0; i < n; i++)
        order[i] = i;
      for (guint i = n; i > 1; i--)
        {
          guint j = (guint)gs_rng_below (&rng, i);
          guint x = order[i - 1];
          order[i - 1] = order[j];
          order[j] = x;
        }
      if (!tally_wins (&t))
        {
          guint k;
          for (k = 0; k < n; k++)
            {
              tally_move (&t, order[k], TRUE);
              if (tally_wins (&t))
                {
                  sh[order[k]]++;
                  break;
                }
            }
          for (guint j = 0; j <= k && j < n; j++)
            tally_move (&t, order[j], FALSE);
        }
    }
  tally_clear (&t);

  double act = (double)wins / (double)m, total = 0;
  for (guint i = 0; i < n; i++)
    total += (double)bz[i] / (double)m;
  p->coleman_act = act;
  for (guint i = 0; i < n; i++)
    {
      GsPlayerPower *pp = &p->players[i];
      double pb = (double)bz[i] / (double)m, ps = (double)sh[i] / (double)m;
      pp->banzhaf_raw = pb;
      pp->banzhaf_raw_se = se_of (pb, m);
      pp->banzhaf = total > 0 ? pb / total : 0.0;
      pp->banzhaf_se = total > 0 ? pp->banzhaf_raw_se / total : 0.0;
      pp->shapley = ps;
      pp->shapley_se = se_of (ps, m);
      /* swings / W = p × 2^(n−1) / (act × 2^n) */
      pp->coleman_prevent = act > 0 ? pb / (2 * act) : 0.0;
      pp->coleman_initiate = act < 1 ? pb / (2 * (1 - act)) : 0.0;
    }
}

/* ---- the smallest blocking coalition ---------------------------------- */

/* The fewest players of the weighted game @g that block it (weight at
 * least total − q + 1): the heaviest first.  Returns n + 1 when nothing
 * blocks; fills @example (n entries) with their indices in the order
 * taken. */
static guint
weighted_smallest_block (const GsGame *g, guint *example)
{
  guint64 total = total_weight (g);
  if (g->quota == 0)
    return g->n + 1;
  if (g->quota > total)
    return 0;
  guint64 need = total - g->quota + 1, have = 0;
  g_autofree gboolean *taken = g_new0 (gboolean, MAX (g->n, 1));
  for (guint k = 0; k < g->n; k++)
    {
      guint best = G_MAXUINT;
      for (guint i = 0; i < g->n; i++)
        if (!taken[i]
            && (best == G_MAXUINT || g->weights[i] > g->weights[best]))
          best = i;
      taken[best] = TRUE;
      example[k] = best;
      have += g->weights[best];
      if (have >= need)
        return k + 1;
    }
  return g->n + 1;
}

/* The cheapest way (fewest players against) to bring the parties of
 * game @g to a losing count of parties for and against, once the shared
 * players against are @mask (bit j for @shared[j]): each party, from
 * the s of its players against among the shared and its u players of no
 * other party, can vote for at no cost when 2s < m; abstain (an equality)
 * with m/2 − s of the u against; or vote against with ⌊m/2⌋ + 1 − s (at
 * least 0) of them.  A table best[F][A] over the parties, in order, keeps
 * the least cost of each count; @choice (parties × (n_blocs + 1)², may be
 * NULL) records the vote each reached by.  Returns the cost and the
 * losing count (*@f, *@a), or G_MAXUINT when none is reachable. */
static guint
blocs_cheapest_loss (const GsGame *g, const guint *shared, guint n_shared,
                     guint32 mask, const guint *unshared, guint8 *choice,
                     guint *f_out, guint *a_out)
{
  guint k = g->n_blocs, side = k + 1;
  gsize cells = (gsize)side * side;
  g_autofree guint *best = g_new (guint, cells);
  g_autofree guint *next = g_new (guint, cells);
  for (gsize c = 0; c < cells; c++)
    best[c] = G_MAXUINT;
  best[0] = 0;
  for (guint p = 0; p < k; p++)
    {
      guint m = g->bloc_size[p], sp = 0;
      for (guint j = 0; j < n_shared; j++)
        if ((mask >> j & 1) && (g->bloc_of[shared[j]] >> p & 1))
          sp++;
      /* The cost of each vote: for, against, abstain (G_MAXUINT: out of
       * reach); an absent party (no players) changes neither count. */
      guint cost[3] = { G_MAXUINT, G_MAXUINT, G_MAXUINT };
      if (m == 0)
        cost[0] = 0;
      else
        {
          if (2 * sp < m)
            cost[0] = 0;
          guint need = m / 2 + 1;
          guint a = need > sp ? need - sp : 0;
          if (a <= unshared[p])
            cost[1] = a;
          if (m % 2 == 0 && sp <= m / 2 && m / 2 - sp <= unshared[p])
            cost[2] = m / 2 - sp;
        }
      for (gsize c = 0; c < cells; c++)
        next[c] = G_MAXUINT;
      for (guint f = 0; f < side; f++)
        for (guint a = 0; f + a < side; a++)
          {
            guint here = best[f * side + a];
            if (here == G_MAXUINT)
              continue;
            for (guint v = 0; v < 3; v++)
              {
                if (cost[v] == G_MAXUINT)
                  continue;
                guint nf = f + (v == 0 && m > 0), na = a + (v == 1);
                if (nf + na >= side)
                  continue;
                gsize to = (gsize)nf * side + na;
                if (here + cost[v] < next[to])
                  {
                    next[to] = here + cost[v];
                    if (choice != NULL)
                      choice[(gsize)p * cells + to] = (guint8)v;
                  }
              }
          }
      memcpy (best, next, sizeof (guint) * cells);
    }
  guint low = G_MAXUINT;
  for (guint f = 0; f < side; f++)
    for (guint a = 0; f + a < side; a++)
      if (!g->carries[f * side + a] && best[f * side + a] < low)
        {
          low = best[f * side + a];
          *f_out = f;
          *a_out = a;
        }
  return low;
}

/* The fewest players of the parties game @g that block it: an exact
 * search over the votes of the players in several parties (at most
 * GS_POWER_SHARED_MAX), each with the cheapest losing count of the
 * parties (blocs_cheapest_loss()).  Returns n + 1 when nothing blocks;
 * fills @example with one such coalition. */
static guint
blocs_smallest_block (const GsGame *g, guint *example)
{
  guint n = g->n, k = g->n_blocs, side = k + 1;
  guint shared[GS_POWER_SHARED_MAX], n_shared = 0;
  g_autofree guint *unshared = g_new0 (guint, k);
  for (guint i = 0; i < n; i++)
    {
      int c = __builtin_popcountll (g->bloc_of[i]);
      if (c > 1)
        shared[n_shared++] = i;
      else if (c == 1)
        unshared[__builtin_ctzll (g->bloc_of[i])]++;
    }
  guint best = G_MAXUINT;
  guint32 best_mask = 0;
  for (guint32 mask = 0; mask < (1u << n_shared); mask++)
    {
      guint f, a;
      guint c = blocs_cheapest_loss (g, shared, n_shared, mask, unshared, NULL,
                                     &f, &a);
      if (c == G_MAXUINT)
        continue;
      c += (guint)__builtin_popcount (mask);
      if (c < best)
        {
          best = c;
          best_mask = mask;
        }
    }
  if (best == G_MAXUINT)
    return n + 1;
  /* Walk the cheapest counts back to each party's vote, and take that
   * many of its own players, first in order. */
  gsize cells = (gsize)side * side;
  g_autofree guint8 *choice = g_new0 (guint8, (gsize)MAX (k, 1) * cells);
  guint f, a;
  blocs_cheapest_loss (g, shared, n_shared, best_mask, unshared, choice, &f,
                       &a);
  guint m_out = 0;
  for (guint j = 0; j < n_shared; j++)
    if (best_mask >> j & 1)
      example[m_out++] = shared[j];
  for (guint p = k; p-- > 0;)
    {
      guint v = choice[(gsize)p * cells + (gsize)f * side + a];
      guint m = g->bloc_size[p], sp = 0;
      for (guint j = 0; j < n_shared; j++)
        if ((best_mask >> j & 1) && (g->bloc_of[shared[j]] >> p & 1))
          sp++;
      guint take = 0;
      if (v == 1)
        take = m / 2 + 1 > sp ? m / 2 + 1 - sp : 0;
      else if (v == 2)
        take = m / 2 - sp;
      for (guint i = 0; i < n && take > 0; i++)
        if (g->bloc_of[i] == (guint64)1 << p)
          {
            example[m_out++] = i;
            take--;
          }
      if (v == 0 && m > 0)
        f--;
      else if (v == 1)
        a--;
    }
  g_assert (m_out == best);
  return best;
}

static int
cmp_uint (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *)a, y = *(const guint *)b;
  return x < y ? -1 : x > y;
}

static void
smallest_block (const GsGame *g, GsGamePower *p)
{
  g_autofree guint *ex = g_new0 (guint, MAX (g->n, 1));
  guint k;
  if (g->n_blocs != 0)
    k = blocs_smallest_block (g, ex);
  else if (g->n_parts == 0)
    k = weighted_smallest_block (g, ex);
  else
    {
      /* Block parts whose top weight reaches total − q + 1, at the least
       * cost in players: a knapsack over top weight, exact. */
      guint np = g->n_parts;
      guint64 ttotal = total_weight (g);
      if (g->quota == 0)
        k = g->n + 1;
      else if (g->quota > ttotal)
        k = 0;
      else
        {
          guint64 need = ttotal - g->quota + 1;
          g_autofree guint *cost = g_new0 (guint, np);
          g_autofree guint *part_ex = g_new0 (guint, g->n + 1);
          for (guint c = 0; c < np; c++)
            cost[c]
                = weighted_smallest_block (g->parts[c], part_ex + g->first[c]);
          /* best[c][w]: the least cost reaching top weight min(w, need)
           * with parts < c; a part that cannot be blocked costs more than
           * the whole game and is never chosen. */
          gsize W = (gsize)need + 1;
          guint inf = g->n + 1;
          g_autofree guint *best = g_new (guint, (gsize)(np + 1) * W);
          for (gsize w = 0; w < W; w++)
            best[w] = w == 0 ? 0 : inf;
          for (guint c = 0; c < np; c++)
            for (gsize w = 0; w < W; w++)
              {
                guint keep = best[(gsize)c * W + w];
                guint via = inf;
                /* reaching w by taking c from any w0 with
                 * min(w0 + wc, need) = w */
                guint64 wc = g->weights[c];
                if (cost[c] <= g->parts[c]->n)
                  for (gsize w0 = 0; w0 < W; w0++)
                    {
                      guint64 to = MIN ((guint64)w0 + wc, need);
                      guint b0 = best[(gsize)c * W + w0];
                      if (to == w && b0 < inf && b0 + cost[c] < via)
                        via = b0 + cost[c];
                    }
                best[(gsize)(c + 1) * W + w] = MIN (keep, via);
              }
          k = best[(gsize)np * W + need];
          if (k >= inf)
            k = g->n + 1;
          else
            {
              /* Walk back to list the players of the chosen parts. */
              gsize w = (gsize)need;
              guint m = 0;
              for (guint c = np; c-- > 0;)
                {
                  guint here = best[(gsize)(c + 1) * W + w];
                  if (here == best[(gsize)c * W + w])
                    continue;
                  guint64 wc = g->weights[c];
                  for (gsize w0 = 0; w0 < W; w0++)
                    if (MIN ((guint64)w0 + wc, need) == w
                        && best[(gsize)c * W + w0] + cost[c] == here)
                      {
                        for (guint j = 0; j < cost[c]; j++)
                          ex[m++] = g->first[c] + part_ex[g->first[c] + j];
                        w = w0;
                        break;
                      }
                }
            }
        }
    }
  p->smallest_blocking = k;
  p->can_block = k <= g->n;
  if (k > 0 && k <= g->n)
    {
      p->blocking_example = g_memdup2 (ex, sizeof (guint) * k);
      qsort (p->blocking_example, k, sizeof (guint), cmp_uint);
    }
}

GsGamePower *
gs_game_power (const GsGame *g, const GsPowerOptions *options)
{
  g_return_val_if_fail (g != NULL, NULL);
  GsPowerOptions opt = { 0 };
  if (options != NULL)
    opt = *options;
  if (opt.samples == 0)
    opt.samples = GS_POWER_SAMPLES_DEFAULT;

  GsPowerMethod method;
  if (!opt.force_sampling && !opt.no_dp && dp_fits (g))
    method = GS_POWER_EXACT_DP;
  else if (!opt.force_sampling && g->n <= GS_POWER_ENUMERATE_MAX)
    method = GS_POWER_EXACT_ENUMERATION;
  else
    method = GS_POWER_SAMPLED;

  GsGamePower *p = power_new (g, method);
  switch (method)
    {
      case GS_POWER_EXACT_DP:
        power_dp (g, p);
        break;
      case GS_POWER_EXACT_ENUMERATION:
        power_enumerate (g, p);
        break;
      case GS_POWER_SAMPLED:
      default:
        power_sample (g, p, opt.samples, opt.seed);
        break;
    }

  /* Veto players, exactly whatever the method: i is in every winning
   * coalition when all the others together lose. */
  g_autofree gboolean *in = g_new (gboolean, MAX (g->n, 1));
  for (guint i = 0; i < g->n; i++)
    in[i] = TRUE;
  p->can_pass = gs_game_wins (g, in);
  for (guint i = 0; i < g->n; i++)
    {
      in[i] = FALSE;
      p->players[i].veto = p->can_pass && !gs_game_wins (g, in);
      in[i] = TRUE;
    }
  smallest_block (g, p);
  return p;
}

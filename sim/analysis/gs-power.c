/* gs-power.c — voting power in a scenario's bodies: the a-priori game of
 * each voting rule as written, and what the scenario's people add to it.
 *
 * The game.  With every member present and voting for or against (no
 * abstentions, no conflicts) each rule of gs-rules.h is a weighted game
 * over the seats: simple and absolute majority are quota ⌊n/2⌋ + 1 of
 * weights 1, except that with an even n and a casting vote the chair's
 * side wins an equality, which is weights 2 with the chair 3 and quota
 * n + 1; a qualified majority num/den is quota max(1, ⌈n × num / den⌉);
 * weighted votes are the members' weights and the quota (a quota of 0
 * never carries, as in gs_vote_decide()); unanimity and consensus are
 * quota n.  Committees in common are two games: the constituents as
 * players under the group's rule, and every member of every constituent
 * under both levels (a compound game).
 *
 * The people's side — quorum criticality and decisiveness, exact
 * programmes over the seats — is in gs-power-people.c.
 */
#include "analysis/gs-power-private.h"

#include <string.h>

/* ---- building the games ----------------------------------------------- */

/* The rule whose game a body plays: its own, or where a blocked consensus
 * goes to a vote (at once or at the next meeting), that vote's: a motion
 * everyone supports carries under both, and any other is decided by the
 * vote, so the two rules together are the vote's game. */
static const GsVoting *
game_rule (const GsBody *b)
{
  return b->has_fallback ? &b->fallback : &b->voting;
}

/* The quota and weights of a head-count @rule over @n voters (seats not
 * vacant), with a casting chair when @casting. */
static guint64
rule_quota (const GsVoting *v, guint n, gboolean casting)
{
  switch (v->rule)
    {
      case GS_RULE_SIMPLE_MAJORITY:
      case GS_RULE_ABSOLUTE_MAJORITY:
        return n % 2 == 0 && casting ? (guint64)n + 1 : n / 2 + 1;
      case GS_RULE_QUALIFIED_MAJORITY:
        {
          guint64 den = MAX (v->den, 1);
          guint64 q = ((guint64)n * v->num + den - 1) / den;
          return MAX (q, 1);
        }
      case GS_RULE_UNANIMITY:
      case GS_RULE_CONSENSUS:
      case GS_RULE_WEIGHTED:
      default:
        return n;
    }
}

/* The game of @b's rule (@b as in force) over its seats; a seat with
 * @vacant set counts for nothing (weight 0) and is not among the n voters
 * the quota is reckoned from. */
static void
member_game_weights (const GsBody *b, const gboolean *vacant, guint64 *weights,
                     guint64 *quota)
{
  guint n = 0;
  for (guint i = 0; i < b->n_members; i++)
    n += vacant[i] ? 0 : 1;
  const GsVoting *v = game_rule (b);
  for (guint i = 0; i < b->n_members; i++)
    weights[i] = vacant[i] ? 0 : 1;
  gboolean casting = v->casting && b->chair >= 0 && !vacant[b->chair]
                     && (v->rule == GS_RULE_SIMPLE_MAJORITY
                         || v->rule == GS_RULE_ABSOLUTE_MAJORITY);
  if (v->rule == GS_RULE_WEIGHTED)
    {
      guint64 total = 0;
      for (guint i = 0; i < b->n_members; i++)
        {
          weights[i] = vacant[i] ? 0 : MAX (b->members[i].weight, 1);
          total += weights[i];
        }
      *quota = v->quota > 0 ? v->quota : total + 1;
      return;
    }
  *quota = rule_quota (v, n, casting);
  if (casting && n % 2 == 0)
    for (guint i = 0; i < b->n_members; i++)
      if (!vacant[i])
        weights[i] = (int)i == b->chair ? 3 : 2;
}

static guint64
cic_quota (const GsBody *b)
{
  guint k = b->n_constituents;
  switch (b->cic_rule)
    {
      case GS_CIC_ALL:
        return k;
      case GS_CIC_MAJORITY:
        return k / 2 + 1;
      case GS_CIC_AT_LEAST:
      default:
        return b->cic_n;
    }
}

/* Sums per organisation, whom each organisation can block or carry alone,
 * and the fewest organisations that block together. */
static void
game_orgs (const GsScenario *s, const GsGame *game, GsPowerGame *pg)
{
  guint n = pg->n_players;
  g_autofree int *slot = g_new (int, MAX (s->organisations->len, 1));
  for (guint o = 0; o < s->organisations->len; o++)
    slot[o] = -1;
  pg->orgs = g_new0 (GsOrgPower, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      int o = pg->players[i].org;
      if (o < 0)
        continue;
      if (slot[o] < 0)
        {
          slot[o] = (int)pg->n_orgs;
          pg->orgs[pg->n_orgs++].org = (guint)o;
        }
      GsOrgPower *op = &pg->orgs[slot[o]];
      op->n_players++;
      op->banzhaf += pg->power->players[i].banzhaf;
      op->shapley += pg->power->players[i].shapley;
    }
  g_autofree gboolean *in = g_new (gboolean, MAX (n, 1));
  for (guint k = 0; k < pg->n_orgs; k++)
    {
      GsOrgPower *op = &pg->orgs[k];
      for (guint i = 0; i < n; i++)
        in[i] = pg->players[i].org != (int)op->org;
      op->can_block = !gs_game_wins (game, in);
      for (guint i = 0; i < n; i++)
        in[i] = !in[i];
      op->can_pass = gs_game_wins (game, in);
    }

  /* The organisations of the smallest blocking coalition. */
  g_autofree guint *orgs = g_new0 (guint, MAX (n, 1));
  const GsGamePower *p = pg->power;
  if (p->blocking_example != NULL)
    for (guint j = 0; j < p->smallest_blocking; j++)
      {
        int o = pg->players[p->blocking_example[j]].org;
        if (o >= 0 && !gs__lists (orgs, pg->n_blocking_orgs, (guint)o))
          orgs[pg->n_blocking_orgs++] = (guint)o;
      }
  pg->blocking_orgs = g_memdup2 (orgs, sizeof (guint) * MAX (n, 1));

  /* The fewest organisations blocking together: subsets by size, for the
   * handful of parties a body has. */
  guint no = pg->n_orgs;
  if (no == 0 || no > 16)
    return;
  for (guint size = 1; size <= no && pg->fewest_orgs_blocking == 0; size++)
    for (guint32 mask = 0; mask < (1u << no); mask++)
      {
        if ((guint)__builtin_popcount (mask) != size)
          continue;
        for (guint i = 0; i < n; i++)
          {
            int o = pg->players[i].org;
            gboolean out = FALSE;
            for (guint k = 0; k < no; k++)
              if ((mask >> k & 1) && pg->orgs[k].org == (guint)o && o >= 0)
                out = TRUE;
            in[i] = !out;
          }
        if (!gs_game_wins (game, in))
          {
            pg->fewest_orgs_blocking = size;
            break;
          }
      }
}

static void
power_game_fill (const GsScenario *s, GsPowerGame *pg, GsGame *game,
                 const GsPowerOptions *options)
{
  pg->power = gs_game_power (game, options);
  game_orgs (s, game, pg);
}

int
gs_power_seat_org (const GsScenario *s, guint bi, guint person)
{
  const GsBody *b = GS_BODY (s, bi);
  if (b->org >= 0 && gs__person_serves (s, person, b->org))
    return b->org;
  for (guint k = 0; k < b->n_parties; k++)
    if (gs__person_serves (s, person, b->parties[k]))
      return b->parties[k];
  return GS_PERSON (s, person)->org;
}

/* Whether member @m's seat is held on @on. */
static gboolean
seat_vacant (const GsMember *m, GsTime on)
{
  return on < m->from || on >= m->until;
}

/* The game of body @bi's rule in force on @on over its seats. */
static GsGame *
members_game (const GsScenario *s, guint bi, GsTime on, GsPowerPlayer *players,
              guint64 *quota)
{
  const GsBody *b = gs__body_at (s, bi, on);
  guint n = b->n_members;
  g_autofree guint64 *w = g_new0 (guint64, MAX (n, 1));
  g_autofree gboolean *vacant = g_new0 (gboolean, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    vacant[i] = seat_vacant (&b->members[i], on);
  member_game_weights (b, vacant, w, quota);
  for (guint i = 0; i < n; i++)
    players[i] = (GsPowerPlayer){
      .person = (int)b->members[i].person,
      .body = (int)bi,
      .org = gs_power_seat_org (s, bi, b->members[i].person),
      .weight = w[i],
      .vacant = vacant[i],
    };
  return gs_game_new_weighted (*quota, w, n);
}

/* The parties' seats with @f of @k voting for, @a against, @absent with no
 * member and the rest abstaining, as gs_vote_org_seats() fills them in a
 * meeting under @v (against is an objection under consensus). */
static void
party_seats (const GsVoting *v, guint k, guint f, guint a, guint absent,
             GsSeat *seats)
{
  for (guint p = 0; p < k; p++)
    {
      GsBallot ballot = p < f            ? GS_BALLOT_FOR
                        : p < f + a      ? GS_BALLOT_AGAINST
                        : p < k - absent ? GS_BALLOT_ABSTAIN
                                         : GS_BALLOT_NONE;
      if (ballot == GS_BALLOT_AGAINST && v->rule == GS_RULE_CONSENSUS)
        ballot = GS_BALLOT_OBJECT;
      seats[p] = (GsSeat){ .person = 0,
                           .role = GS_ROLE_EXTERNAL,
                           .party = (gint32)p,
                           .weight = 1,
                           .present = ballot != GS_BALLOT_NONE,
                           .ballot = ballot };
    }
}

/* One vote per organisation over the people: whether the body's rules
 * carry the motion when @f of its @k parties vote for, @a against,
 * @absent have no member and the rest abstain (an equality inside them),
 * for every (f, a), into @carries.  Decided by gs_vote_decide() on the
 * parties' seats, as a meeting decides: the body's own rule, and where a
 * blocked consensus goes to a vote, that vote on the same ballots (so a
 * motion no party objects to carries even when every party abstains,
 * which the vote alone would not carry). */
static void
party_carries (const GsBody *b, guint k, guint absent, gboolean *carries)
{
  g_autofree GsSeat *seats = g_new0 (GsSeat, MAX (k, 1));
  for (guint f = 0; f <= k; f++)
    for (guint a = 0; a <= k; a++)
      {
        gboolean *out = &carries[f * (k + 1) + a];
        *out = FALSE;
        if (f + a + absent > k)
          continue;
        party_seats (&b->voting, k, f, a, absent, seats);
        GsVoteOutcome o = gs_vote_decide (&b->voting, seats, k, NULL);
        if (o == GS_OUTCOME_BLOCKED && b->has_fallback)
          {
            party_seats (&b->fallback, k, f, a, absent, seats);
            o = gs_vote_decide (&b->fallback, seats, k, NULL);
          }
        *out = gs_vote_outcome_carried (o);
      }
}

/* One vote per organisation over the people: every member a player, in
 * member order, voting in each party they hold a post at (a vacant seat
 * in none, a dummy), under the body's rule over the parties' votes. */
static void
party_members_game (const GsScenario *s, guint bi, GsTime on,
                    const GsPowerOptions *options, GsBodyPower *bp)
{
  const GsBody *b = gs__body_at (s, bi, on);
  guint k = b->n_parties, n = b->n_members;
  g_autofree guint64 *of = g_new0 (guint64, MAX (n, 1));
  guint shared = 0;
  if (k == 0 || k > 64)
    {
      bp->people_skipped = TRUE;
      return;
    }
  g_autofree guint *size = g_new0 (guint, k);
  for (guint i = 0; i < n; i++)
    {
      if (seat_vacant (&b->members[i], on))
        continue;
      for (guint p = 0; p < k; p++)
        if (gs__person_serves (s, b->members[i].person, b->parties[p]))
          {
            of[i] |= (guint64)1 << p;
            size[p]++;
          }
      shared += __builtin_popcountll (of[i]) > 1;
    }
  if (shared > GS_POWER_SHARED_MAX)
    {
      bp->people_skipped = TRUE;
      return;
    }
  guint absent = 0;
  for (guint p = 0; p < k; p++)
    absent += size[p] == 0;
  g_autofree gboolean *carries = g_new (gboolean, (gsize)(k + 1) * (k + 1));
  party_carries (b, k, absent, carries);

  GsPowerGame *pg = &bp->games[bp->n_games++];
  pg->kind = GS_POWER_GAME_PARTY_MEMBERS;
  pg->n_players = n;
  pg->quota = bp->games[0].quota;
  pg->players = g_new0 (GsPowerPlayer, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    pg->players[i] = (GsPowerPlayer){
      .person = (int)b->members[i].person,
      .body = (int)bi,
      .org = gs_power_seat_org (s, bi, b->members[i].person),
      .weight = of[i] != 0 ? 1 : 0,
      .vacant = seat_vacant (&b->members[i], on),
      .parties = of[i],
    };
  g_autoptr (GsGame) game = gs_game_new_parties (n, of, k, carries);
  pg->power = gs_game_power (game, options);

  /* A member voting in several parties cannot be summed into one, so the
   * organisations' sums are the parties' game's; the smallest blocking
   * coalition names the parties its members vote in. */
  pg->orgs = NULL;
  g_autofree guint *orgs = g_new0 (guint, k);
  const GsGamePower *p = pg->power;
  for (guint q = 0; q < k; q++)
    for (guint j = 0; p->blocking_example != NULL && j < p->smallest_blocking;
         j++)
      if (of[p->blocking_example[j]] >> q & 1)
        {
          orgs[pg->n_blocking_orgs++] = (guint)b->parties[q];
          break;
        }
  pg->blocking_orgs = g_memdup2 (orgs, sizeof (guint) * k);
}

/* One vote per organisation: the parties as players under the rule in
 * force (gs_vote_org_seats() gives each one seat of weight 1 and no chair,
 * so there is no casting vote), then the members voting in their parties
 * (party_members_game()). */
static void
parties_game (const GsScenario *s, guint bi, GsTime on,
              const GsPowerOptions *options, GsBodyPower *bp)
{
  const GsBody *b = gs__body_at (s, bi, on);
  guint k = b->n_parties;
  GsPowerGame *pg = &bp->games[0];
  bp->n_games = 1;
  pg->kind = GS_POWER_GAME_ORGANISATIONS;
  pg->n_players = k;
  pg->players = g_new0 (GsPowerPlayer, MAX (k, 1));
  g_autofree guint64 *ones = g_new (guint64, MAX (k, 1));
  for (guint p = 0; p < k; p++)
    {
      ones[p] = 1;
      pg->players[p] = (GsPowerPlayer){
        .person = -1, .body = -1, .org = b->parties[p], .weight = 1
      };
    }
  pg->quota = rule_quota (game_rule (b), k, FALSE);
  g_autoptr (GsGame) game = gs_game_new_weighted (pg->quota, ones, k);
  power_game_fill (s, pg, game, options);
  party_members_game (s, bi, on, options, bp);
}

/* ---- the report ------------------------------------------------------- */

static void
body_power_clear (GsBodyPower *bp)
{
  for (guint g = 0; g < bp->n_games; g++)
    {
      GsPowerGame *pg = &bp->games[g];
      g_free (pg->players);
      gs_game_power_free (pg->power);
      g_free (pg->orgs);
      g_free (pg->blocking_orgs);
    }
  g_free (bp->games);
  g_free (bp->quorum);
  g_free (bp->matters);
  g_free (bp->decisive);
}

void
gs_power_report_free (GsPowerReport *r)
{
  if (r == NULL)
    return;
  for (guint i = 0; i < r->n_bodies; i++)
    body_power_clear (&r->bodies[i]);
  g_free (r->bodies);
  g_free (r);
}

static void
analyse_body (const GsScenario *s, guint bi, const GsPowerOptions *options,
              GsBodyPower *bp)
{
  GsTime on = options != NULL && options->has_on ? options->on : s->start;
  const GsBody *first = GS_BODY (s, bi);
  const GsBody *b = gs__body_at (s, bi, on);
  bp->body = bi;
  bp->on = on;
  bp->change = -1;
  for (guint i = 0; i < first->n_changes; i++)
    if (b == &first->changes[i].body)
      bp->change = (int)i;
  if (b->kind == GS_BODY_CIC)
    {
      guint k = b->n_constituents;
      bp->n_games = 2;
      bp->games = g_new0 (GsPowerGame, 2);

      GsPowerGame *cg = &bp->games[0];
      cg->kind = GS_POWER_GAME_CONSTITUENTS;
      cg->n_players = k;
      cg->players = g_new0 (GsPowerPlayer, MAX (k, 1));
      g_autofree guint64 *ones = g_new (guint64, MAX (k, 1));
      for (guint c = 0; c < k; c++)
        {
          ones[c] = 1;
          cg->players[c] = (GsPowerPlayer){
            .person = -1,
            .body = (int)b->constituents[c],
            .org = GS_BODY (s, b->constituents[c])->org,
            .weight = 1,
          };
        }
      cg->quota = cic_quota (b);
      g_autoptr (GsGame) top = gs_game_new_weighted (cg->quota, ones, k);
      power_game_fill (s, cg, top, options);

      GsPowerGame *pg = &bp->games[1];
      pg->kind = GS_POWER_GAME_PEOPLE;
      g_autofree GsGame **parts = g_new0 (GsGame *, MAX (k, 1));
      guint total = 0;
      for (guint c = 0; c < k; c++)
        total += GS_BODY (s, b->constituents[c])->n_members;
      pg->players = g_new0 (GsPowerPlayer, MAX (total, 1));
      for (guint c = 0; c < k; c++)
        {
          guint64 q;
          parts[c] = members_game (s, b->constituents[c], on,
                                   pg->players + pg->n_players, &q);
          pg->n_players += GS_BODY (s, b->constituents[c])->n_members;
        }
      pg->quota = cg->quota;
      g_autoptr (GsGame) compound = gs_game_new_compound (
          (const GsGame *const *)parts, k, cg->quota, ones);
      for (guint c = 0; c < k; c++)
        gs_game_free (parts[c]);
      power_game_fill (s, pg, compound, options);
    }
  else if (b->voting.per_org)
    {
      bp->games = g_new0 (GsPowerGame, 2);
      parties_game (s, bi, on, options, bp);
    }
  else
    {
      bp->n_games = 1;
      bp->games = g_new0 (GsPowerGame, 1);
      GsPowerGame *mg = &bp->games[0];
      mg->kind = GS_POWER_GAME_MEMBERS;
      mg->n_players = b->n_members;
      mg->players = g_new0 (GsPowerPlayer, MAX (b->n_members, 1));
      g_autoptr (GsGame) game
          = members_game (s, bi, on, mg->players, &mg->quota);
      power_game_fill (s, mg, game, options);
    }
  gs__power_quorum_criticality (s, bi, bp);
  /* Decisiveness counts heads: not for committees in common nor for one
   * vote per organisation, whose a-priori game is over other players. */
  if (b->kind != GS_BODY_CIC && !b->voting.per_org)
    gs__power_decisiveness (s, bi, bp, bp->games[0].power);
}

static gboolean
deciding (const GsBody *b)
{
  return b->kind == GS_BODY_BOARD || b->kind == GS_BODY_COMMITTEE
         || b->kind == GS_BODY_JOINT_COMMITTEE || b->kind == GS_BODY_CIC;
}

GsPowerReport *
gs_power_analyse (const GsScenario *s, int body, const GsPowerOptions *options,
                  GError **error)
{
  g_return_val_if_fail (s != NULL, NULL);
  g_return_val_if_fail (body < (int)s->bodies->len, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  g_autoptr (GArray) todo = g_array_new (FALSE, FALSE, sizeof (guint));
  if (body >= 0)
    {
      const GsBody *b = GS_BODY (s, body);
      if (b->kind == GS_BODY_OFFICER)
        {
          g_set_error (error, GS_POWER_ERROR, GS_POWER_ERROR_NOT_A_VOTE,
                       "'%s' (%s) is an officer: one person decides alone, "
                       "so there is no vote to analyse",
                       b->id, b->name);
          return NULL;
        }
      guint bi = (guint)body;
      g_array_append_val (todo, bi);
      for (guint c = 0; c < b->n_constituents; c++)
        g_array_append_val (todo, b->constituents[c]);
    }
  else
    for (guint bi = 0; bi < s->bodies->len; bi++)
      {
        const GsBody *b = GS_BODY (s, bi);
        /* Constituents follow their group. */
        if (!deciding (b) || b->group >= 0)
          continue;
        g_array_append_val (todo, bi);
        for (guint c = 0; c < b->n_constituents; c++)
          g_array_append_val (todo, b->constituents[c]);
      }
  for (guint i = 0; i < todo->len; i++)
    {
      const GsBody *b = GS_BODY (s, g_array_index (todo, guint, i));
      guint n = b->n_members;
      for (guint c = 0; c < b->n_constituents; c++)
        n += GS_BODY (s, b->constituents[c])->n_members;
      if (n > GS_POWER_PLAYERS_MAX)
        {
          g_set_error (error, GS_POWER_ERROR, GS_POWER_ERROR_TOO_LARGE,
                       "'%s' has %u members, more than the %u voting power "
                       "is computed for",
                       b->id, n, GS_POWER_PLAYERS_MAX);
          return NULL;
        }
    }
  GsPowerReport *r = g_new0 (GsPowerReport, 1);
  r->bodies = g_new0 (GsBodyPower, MAX (todo->len, 1));
  for (guint i = 0; i < todo->len; i++)
    analyse_body (s, g_array_index (todo, guint, i), options,
                  &r->bodies[r->n_bodies++]);
  return r;
}

/* One voting rule in words, without its casting vote. */
static void
rule_words (const GsVoting *v, GString *out)
{
  switch (v->rule)
    {
      case GS_RULE_SIMPLE_MAJORITY:
        g_string_append (out, "a simple majority of votes cast");
        break;
      case GS_RULE_ABSOLUTE_MAJORITY:
        g_string_append (out, "an absolute majority of members");
        break;
      case GS_RULE_QUALIFIED_MAJORITY:
        g_string_append_printf (out, "a %u/%u majority of %s", v->num, v->den,
                                v->base == GS_BASE_MEMBERS ? "members"
                                                           : "votes cast");
        break;
      case GS_RULE_WEIGHTED:
        g_string_append_printf (
            out, "weighted votes with a quota of %" G_GUINT64_FORMAT, v->quota);
        break;
      case GS_RULE_UNANIMITY:
        g_string_append (out, "unanimity");
        break;
      case GS_RULE_CONSENSUS:
      default:
        g_string_append (out, "consensus");
        break;
    }
}

void
gs_power_rule_phrase (const GsScenario *s, guint bi, GString *out)
{
  gs_power_rule_phrase_on (s, bi, s->start, out);
}

void
gs_power_rule_phrase_on (const GsScenario *s, guint bi, gint64 on, GString *out)
{
  const GsBody *b = gs__body_at (s, bi, on);
  if (b->kind == GS_BODY_CIC)
    {
      guint k = b->n_constituents;
      switch (b->cic_rule)
        {
          case GS_CIC_ALL:
            g_string_append_printf (out, "the agreement of all %u committees",
                                    k);
            break;
          case GS_CIC_MAJORITY:
            g_string_append_printf (out, "a majority of the %u committees", k);
            break;
          case GS_CIC_AT_LEAST:
          default:
            g_string_append_printf (out,
                                    "the agreement of at least %u of the "
                                    "%u committees",
                                    b->cic_n, k);
            break;
        }
      return;
    }
  const GsVoting *v = game_rule (b);
  rule_words (&b->voting, out);
  if (b->has_fallback)
    {
      g_string_append (out, b->fallback_next ? ", then at the next meeting "
                                             : ", then at once ");
      rule_words (&b->fallback, out);
    }
  if (b->voting.per_org)
    g_string_append (out, " (one vote per organisation)");
  else if (v->casting
           && (v->rule == GS_RULE_SIMPLE_MAJORITY
               || v->rule == GS_RULE_ABSOLUTE_MAJORITY))
    g_string_append (out, " with the chair's casting vote");
}

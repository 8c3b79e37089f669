/* gs-rules.c — quorum and voting rules, as pure functions.
 *
 * Both entry points make one pass over the seats of a meeting, keeping
 * counters only: no allocation, no random stream, no I/O, no state between
 * calls, so any number of threads may call them at once.  Work is O(seats)
 * for a vote and O(seats × (roles + parties)) for a quorum check; a body has
 * tens of seats and a run checks a few thousand meetings.
 *
 * Arithmetic on counts is done in guint64: a count is at most the number of
 * seats (a guint), so 2 × for, for × den, ⌈n × num / den⌉ and a sum of
 * 32-bit weights over a guint's worth of seats all fit without overflow.
 *
 * Readings of the contract (gs-rules.h) where it leaves a choice:
 *
 *  - Quorum fraction: "members" is the whole membership, n, every seat
 *    whether filled or not.  Conflicts are declared per item, and a meeting
 *    is quorate or not before any item is taken, so the vote's notion of
 *    members (seats not conflicted out) does not apply here.
 *    A vacant seat (a time-limited membership outside its dates) is not a
 *    member: the fraction counts the seats held on the day.
 *  - Chair rule: it asks only that the chair's seat be filled.  A deputy in
 *    it fills it, and so does a conflicted chair, even when the head-count
 *    would not count them.  If no seat is flagged as the chair's, the rule
 *    cannot be met and the meeting fails on it (need 1, have 0): failing
 *    closed shows a misconfigured body in the results instead of hiding it.
 *    If several seats are flagged, each must be filled.
 *  - Role and party rules count people as the head-count does (deputies and
 *    conflicted occupants only when the quorum says they count).  `which'
 *    names the role (a GsRole) or the organisation itself, not its position
 *    in @parties.  A party_min with no parties given checks nothing.
 *  - Ballots: only a seat that is present and not conflicted casts one.  A
 *    ballot on an empty or conflicted seat (which the engine should have set
 *    to GS_BALLOT_NONE) is ignored, so that votes cast never exceed members.
 *  - Qualified majority with no votes cast gives NO_VOTES for either base:
 *    the header's "no votes cast gives NO_VOTES under the majority rules"
 *    applies to it as to the other majority rules.
 *  - Weighted voting with nobody voting for or against gives NO_VOTES, as the
 *    other counted rules do; otherwise the weight for is compared with the
 *    quota whatever the abstentions.  A quota of 0 is a misconfiguration and
 *    never carries (fail closed).
 *  - Casting vote: an objection by the chair counts as a vote against
 *    outside consensus, so it gives a casting vote against.
 *  - Under consensus, tally->against still counts the against ballots;
 *    tally->objections counts them as well as the objections, and decides.
 *  - Committees in common: AT_LEAST with n_required 0 is always met; ALL
 *    and MAJORITY over no constituents are not.
 *  - NULL is accepted for @verdict, @tally and @split when the caller wants
 *    only the return value.
 */

#include <govsim/gs-rules.h>

/* TRUE if the occupant of @s counts towards the head-count of @q. */
static gboolean
seat_counts (const GsQuorum *q, const GsSeat *s)
{
  if (!s->present)
    return FALSE;
  if (s->conflicted && !q->conflicted_count)
    return FALSE;
  if (s->deputy && !q->deputies_count)
    return FALSE;
  return TRUE;
}

/* People who count towards the each-party rule for @org: counted as the
 * head-count counts them, serving @org, in one of the rule's roles there
 * (any role when it names none). */
static guint
party_count (const GsQuorum *q, const GsSeat *seats, guint n, gint32 org)
{
  guint have = 0;
  for (guint i = 0; i < n; i++)
    {
      GsRole role;
      if (seat_counts (q, &seats[i]) && gs_seat_serves (&seats[i], org, &role)
          && (q->party_roles == 0 || (q->party_roles & (1u << role)) != 0))
        have++;
    }
  return have;
}

static gboolean
quorum_fail (GsQuorumVerdict *verdict, GsQuorumResult result, guint need,
             guint have, gint32 which)
{
  verdict->result = result;
  verdict->need = need;
  verdict->have = have;
  verdict->which = which;
  return FALSE;
}

/* The rules are checked in the header's order, each against the people it
 * counts, and the first failure is reported; verdict->counted is set
 * whatever the result. */
gboolean
gs_quorum_check (const GsQuorum *q, const GsSeat *seats, guint n,
                 const gint32 *parties, guint n_parties,
                 GsQuorumVerdict *verdict)
{
  GsQuorumVerdict local;
  if (verdict == NULL)
    verdict = &local;
  *verdict = (GsQuorumVerdict){ GS_QUORUM_MET, 0, 0, -1, 0, 0 };
  g_return_val_if_fail (q != NULL, FALSE);
  g_return_val_if_fail (seats != NULL || n == 0, FALSE);
  g_return_val_if_fail (parties != NULL || n_parties == 0, FALSE);

  guint counted = 0, held = 0;
  for (guint i = 0; i < n; i++)
    {
      if (seat_counts (q, &seats[i]))
        counted++;
      held += seats[i].vacant ? 0 : 1;
    }
  verdict->counted = counted;
  verdict->have = counted;

  /* Without a clause, a majority of the seats held that day. */
  guint heads = q->majority ? held / 2 + 1 : q->present;
  if (heads > 0 && counted < heads)
    return quorum_fail (verdict, GS_QUORUM_FAIL_PRESENT, heads, counted, -1);

  if (q->frac_den > 0)
    {
      /* ⌈n × num / den⌉ without floating point: n × num < 2^64 - 2^33, so
       * adding den - 1 cannot overflow.  The result exceeds n only if
       * num > den, and is clamped to what a guint can report. */
      guint64 need
          = ((guint64)held * q->frac_num + q->frac_den - 1) / q->frac_den;
      need = MIN (need, (guint64)G_MAXUINT);
      if (counted < need)
        return quorum_fail (verdict, GS_QUORUM_FAIL_FRACTION, (guint)need,
                            counted, -1);
    }

  if (q->chair_required)
    {
      gboolean any_chair = FALSE, filled = TRUE;
      for (guint i = 0; i < n; i++)
        if (seats[i].chair)
          {
            any_chair = TRUE;
            if (!seats[i].present)
              filled = FALSE;
          }
      if (!any_chair || !filled)
        return quorum_fail (verdict, GS_QUORUM_FAIL_CHAIR, 1, 0, -1);
    }

  for (guint r = 0; r < GS_N_ROLES; r++)
    {
      if (q->role_min[r] == 0)
        continue;
      guint have = 0;
      for (guint i = 0; i < n; i++)
        if (seats[i].role == (GsRole)r && seat_counts (q, &seats[i]))
          have++;
      if (have < q->role_min[r])
        return quorum_fail (verdict, GS_QUORUM_FAIL_ROLE, q->role_min[r], have,
                            (gint32)r);
    }

  if (q->party_min > 0)
    {
      /* Every party is checked, not only up to the first short: the
       * report names them all ("of Trust A or of Trust B"). */
      guint n_short = 0;
      for (guint p = 0; p < n_parties; p++)
        {
          guint have = party_count (q, seats, n, parties[p]);
          if (have < q->party_min && n_short++ == 0)
            quorum_fail (verdict, GS_QUORUM_FAIL_PARTY, q->party_min, have,
                         parties[p]);
        }
      verdict->n_short = n_short;
      if (n_short > 0)
        return FALSE;
    }

  return TRUE;
}

guint
gs_quorum_parties_short (const GsQuorum *q, const GsSeat *seats, guint n,
                         const gint32 *parties, guint n_parties, gint32 *out)
{
  g_return_val_if_fail (q != NULL, 0);
  g_return_val_if_fail (seats != NULL || n == 0, 0);
  g_return_val_if_fail ((parties != NULL && out != NULL) || n_parties == 0, 0);
  guint k = 0;
  if (q->party_min > 0)
    for (guint p = 0; p < n_parties; p++)
      if (party_count (q, seats, n, parties[p]) < q->party_min)
        out[k++] = parties[p];
  return k;
}

gboolean
gs_seat_serves (const GsSeat *seat, gint32 org, GsRole *role)
{
  if (seat->posts == NULL)
    {
      if (seat->party != org)
        return FALSE;
      if (role != NULL)
        *role = seat->role;
      return TRUE;
    }
  for (guint32 i = 0; i < seat->n_posts; i++)
    if (seat->posts[i].org == org)
      {
        if (role != NULL)
          *role = seat->posts[i].role;
        return TRUE;
      }
  return FALSE;
}

void
gs_vote_org_seats (const GsSeat *seats, guint n, const gint32 *parties,
                   guint n_parties, gboolean consensus, GsSeat *out)
{
  g_return_if_fail (seats != NULL || n == 0);
  g_return_if_fail ((parties != NULL && out != NULL) || n_parties == 0);
  for (guint p = 0; p < n_parties; p++)
    {
      guint vfor = 0, against = 0, voters = 0;
      for (guint i = 0; i < n; i++)
        {
          const GsSeat *s = &seats[i];
          if (!s->present || s->conflicted || s->ballot == GS_BALLOT_NONE
              || !gs_seat_serves (s, parties[p], NULL))
            continue;
          voters++;
          vfor += s->ballot == GS_BALLOT_FOR;
          against += s->ballot == GS_BALLOT_AGAINST
                     || s->ballot == GS_BALLOT_OBJECT;
        }
      GsBallot b = GS_BALLOT_ABSTAIN;
      if (vfor > against)
        b = GS_BALLOT_FOR;
      else if (against > vfor)
        b = consensus ? GS_BALLOT_OBJECT : GS_BALLOT_AGAINST;
      out[p] = (GsSeat){ .person = 0,
                         .role = GS_ROLE_EXTERNAL,
                         .party = parties[p],
                         .weight = 1,
                         .present = voters > 0,
                         .ballot = voters > 0 ? b : GS_BALLOT_NONE };
    }
}

/* An equality under simple or absolute majority: the chair's own ballot
 * decides it if the terms of reference give a casting vote and the chair
 * is in the room, not conflicted, and voted for or against (an objection
 * being a vote against outside consensus).  Otherwise the item is tied. */
static GsVoteOutcome
resolve_equality (const GsVoting *v, const GsSeat *seats, guint n,
                  GsTally *tally)
{
  if (!v->casting)
    return GS_OUTCOME_TIED;
  for (guint i = 0; i < n; i++)
    {
      const GsSeat *s = &seats[i];
      if (!s->chair || !s->present || s->conflicted)
        continue;
      switch (s->ballot)
        {
          case GS_BALLOT_FOR:
            tally->casting_used = TRUE;
            return GS_OUTCOME_CARRIED;
          case GS_BALLOT_AGAINST:
          case GS_BALLOT_OBJECT:
            tally->casting_used = TRUE;
            return GS_OUTCOME_DEFEATED;
          case GS_BALLOT_NONE:
          case GS_BALLOT_ABSTAIN:
          default:
            break;
        }
    }
  return GS_OUTCOME_TIED;
}

/* One pass fills the tally; the rule then reads only the tally, except for
 * an equality, where the chair's own ballot is looked up again. */
GsVoteOutcome
gs_vote_decide (const GsVoting *v, const GsSeat *seats, guint n, GsTally *tally)
{
  GsTally local;
  if (tally == NULL)
    tally = &local;
  *tally = (GsTally){ 0 };
  g_return_val_if_fail (v != NULL, GS_OUTCOME_DEFEATED);
  g_return_val_if_fail (seats != NULL || n == 0, GS_OUTCOME_DEFEATED);

  /* Counted in locals, by ballot, and written once: the tally may not be
   * assumed apart from the seats, so counting into it stored every step. */
  gboolean consensus = v->rule == GS_RULE_CONSENSUS;
  guint by_ballot[GS_BALLOT_OBJECT + 1] = { 0 };
  guint n_members = 0;
  guint64 weight_for = 0;
  for (guint i = 0; i < n; i++)
    {
      const GsSeat *s = &seats[i];
      if (s->conflicted || s->vacant)
        continue;
      n_members++;
      if (!s->present || (guint)s->ballot > GS_BALLOT_OBJECT)
        continue;
      by_ballot[s->ballot]++;
      weight_for += s->ballot == GS_BALLOT_FOR ? s->weight : 0;
    }
  /* Outside consensus an objection is a vote against; under it a vote
   * against is an objection. */
  tally->members = n_members;
  tally->votes_for = by_ballot[GS_BALLOT_FOR];
  tally->weight_for = weight_for;
  tally->abstain = by_ballot[GS_BALLOT_ABSTAIN];
  tally->against = by_ballot[GS_BALLOT_AGAINST]
                   + (consensus ? 0 : by_ballot[GS_BALLOT_OBJECT]);
  tally->objections = by_ballot[GS_BALLOT_OBJECT]
                      + (consensus ? by_ballot[GS_BALLOT_AGAINST] : 0);

  guint64 vfor = tally->votes_for;
  guint64 cast = vfor + tally->against;
  guint64 members = tally->members;

  switch (v->rule)
    {
      case GS_RULE_SIMPLE_MAJORITY:
        if (cast == 0)
          return GS_OUTCOME_NO_VOTES;
        if (vfor > tally->against)
          return GS_OUTCOME_CARRIED;
        if (vfor == tally->against)
          return resolve_equality (v, seats, n, tally);
        return GS_OUTCOME_DEFEATED;

      case GS_RULE_ABSOLUTE_MAJORITY:
        /* More than half the members: 2 × for > members, so an even
         * membership split exactly in half is an equality. */
        if (cast == 0)
          return GS_OUTCOME_NO_VOTES;
        if (2 * vfor > members)
          return GS_OUTCOME_CARRIED;
        if (2 * vfor == members)
          return resolve_equality (v, seats, n, tally);
        return GS_OUTCOME_DEFEATED;

      case GS_RULE_QUALIFIED_MAJORITY:
        {
          g_return_val_if_fail (v->den > 0 && v->num > 0 && v->num <= v->den,
                                GS_OUTCOME_DEFEATED);
          if (cast == 0)
            return GS_OUTCOME_NO_VOTES;
          guint64 base = v->base == GS_BASE_MEMBERS ? members : cast;
          if (vfor > 0 && vfor * v->den >= (guint64)v->num * base)
            return GS_OUTCOME_CARRIED;
          return GS_OUTCOME_DEFEATED;
        }

      case GS_RULE_WEIGHTED:
        if (cast == 0)
          return GS_OUTCOME_NO_VOTES;
        if (v->quota > 0 && tally->weight_for >= v->quota)
          return GS_OUTCOME_CARRIED;
        return GS_OUTCOME_DEFEATED;

      case GS_RULE_UNANIMITY:
        if (cast == 0)
          return GS_OUTCOME_NO_VOTES;
        if (vfor >= 1 && tally->against == 0)
          return GS_OUTCOME_CARRIED;
        return GS_OUTCOME_DEFEATED;

      case GS_RULE_CONSENSUS:
        return tally->objections > 0 ? GS_OUTCOME_BLOCKED : GS_OUTCOME_CARRIED;

      default:
        g_return_val_if_reached (GS_OUTCOME_DEFEATED);
    }
}

/* The plain count, apart from gs_vote_decide(), which stays the general
 * path (and the test's independent method: test-rules.c compares the two
 * on every meeting of up to five seats). */
GsVoteOutcome
gs_vote_decide_count (const GsVoting *v, const GsVoteCount *count,
                      const GsSeat *seats, guint n, GsTally *tally)
{
  g_return_val_if_fail (v != NULL && count != NULL, GS_OUTCOME_DEFEATED);
  if (v->rule != GS_RULE_SIMPLE_MAJORITY && v->rule != GS_RULE_ABSOLUTE_MAJORITY
      && v->rule != GS_RULE_UNANIMITY && v->rule != GS_RULE_CONSENSUS)
    return gs_vote_decide (v, seats, n, tally);
  GsTally local;
  if (tally == NULL)
    tally = &local;
  gboolean consensus = v->rule == GS_RULE_CONSENSUS;
  guint vfor = count->by_ballot[GS_BALLOT_FOR];
  guint against = count->by_ballot[GS_BALLOT_AGAINST];
  guint object = count->by_ballot[GS_BALLOT_OBJECT];
  *tally = (GsTally){ .votes_for = vfor,
                      .against = against + (consensus ? 0 : object),
                      .abstain = count->by_ballot[GS_BALLOT_ABSTAIN],
                      .objections = object + (consensus ? against : 0),
                      .members = count->members,
                      .weight_for = count->weight_for };
  if (consensus)
    return tally->objections > 0 ? GS_OUTCOME_BLOCKED : GS_OUTCOME_CARRIED;
  if (vfor == 0 && tally->against == 0)
    return GS_OUTCOME_NO_VOTES;
  if (v->rule == GS_RULE_UNANIMITY)
    return vfor >= 1 && tally->against == 0 ? GS_OUTCOME_CARRIED
                                            : GS_OUTCOME_DEFEATED;
  /* Simple: for against against; absolute: twice for against members. */
  guint64 lhs = v->rule == GS_RULE_SIMPLE_MAJORITY ? vfor : 2 * (guint64)vfor;
  guint64 rhs
      = v->rule == GS_RULE_SIMPLE_MAJORITY ? tally->against : count->members;
  if (lhs == rhs)
    return resolve_equality (v, seats, n, tally);
  return lhs > rhs ? GS_OUTCOME_CARRIED : GS_OUTCOME_DEFEATED;
}

gboolean
gs_vote_outcome_carried (GsVoteOutcome outcome)
{
  return outcome == GS_OUTCOME_CARRIED;
}

/* Counts approvals k of n: ALL needs k == n > 0, MAJORITY 2k > n, AT_LEAST
 * k >= n_required; the constituents split when 0 < k < n. */
gboolean
gs_cic_decide (GsCicRule rule, guint n_required, const gboolean *approved,
               guint n, gboolean *split)
{
  if (split != NULL)
    *split = FALSE;
  g_return_val_if_fail (approved != NULL || n == 0, FALSE);

  guint k = 0;
  for (guint i = 0; i < n; i++)
    if (approved[i])
      k++;
  if (split != NULL)
    *split = k > 0 && k < n;

  switch (rule)
    {
      case GS_CIC_ALL:
        return n > 0 && k == n;
      case GS_CIC_MAJORITY:
        return 2 * (guint64)k > n;
      case GS_CIC_AT_LEAST:
        return k >= n_required;
      default:
        g_return_val_if_reached (FALSE);
    }
}

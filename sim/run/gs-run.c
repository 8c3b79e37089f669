/* gs-run.c — the discrete-event loop, pathways, meetings and disputes.
 *
 * The loop pops events in (time, priority, insertion) order and stops at the
 * first event at or after the scenario's end:
 *
 *   EV_DUE       a case falls due; priority 0, so a deadline at midnight is
 *                judged before anything else that day can decide the case
 *                (the due instant is already the end of the deadline day);
 *   EV_ARRIVE    a fixed proposal arrives; EV_GENERATE makes the next case
 *                of an arrival stream and schedules the one after it;
 *                priority 1, so a proposal that arrives on a meeting day is
 *                on that day's agenda when the notice period allows it;
 *   EV_MEET      a body's k-th meeting; priority 2.  Meeting k+1 is
 *                scheduled when meeting k is held, always as first +
 *                (k+1) × every, so monthly calendars do not drift;
 *   EV_NEAR_DUE  a queued item's deadline is about to be missed, and
 *   EV_LEVEL_END an escalation level's time limit ends; priority 3, after
 *                the day's meetings, so a meeting on the last day counts.
 *
 * A case follows its pathway.  Opening a gateway queues one slot per body on
 * that body's agenda; a locked gateway opens once every gateway before it
 * has passed, an unlocked one together with the one before it.  A meeting
 * takes live tickets that have served their notice, in arrival or deadline
 * order, up to its capacity; its vote settles the slot, or, when the body's
 * terms of reference say so, starts a dispute that climbs the body's
 * escalation ladder level by level.  A settled slot lets its gateway pass,
 * fail or wait; a failed gateway ends the case or returns it to an earlier
 * gateway; a dispute that exhausts its ladders leaves the case gridlocked.
 *
 * All randomness comes from the run's single GsRng, drawn in event order,
 * so a run is a pure function of (scenario, seed, replication).  Apart from
 * growing the case, slot, record and agenda arrays, the loop does not
 * allocate and does no string work: the writers turn records into words.
 */
#include "run/gs-run-private.h"

#include <govsim/gs-rules.h>

#include <math.h>

enum
{
  EV_DUE,
  EV_ARRIVE,
  EV_GENERATE,
  EV_MEET,
  EV_NEAR_DUE,
  EV_LEVEL_END,
};

static const gint32 ev_priority[] = {
  [EV_DUE] = 0,  [EV_ARRIVE] = 1,   [EV_GENERATE] = 1,
  [EV_MEET] = 2, [EV_NEAR_DUE] = 3, [EV_LEVEL_END] = 3,
};

static void
schedule (GsRun *run, GsTime t, guint32 kind, guint32 subject, guint32 aux)
{
  if (t >= run->scenario->end)
    return; /* never reached: keeps the queue small */
  GsEvent ev = { .time = t,
                 .priority = ev_priority[kind],
                 .kind = kind,
                 .subject = subject,
                 .aux = aux };
  gs_queue_push (run->queue, &ev);
}

GsRecord *
gs__run_add_record (GsRun *run, GsTime t, GsRecordKind kind, guint32 body,
                    guint32 item)
{
  if (!run->keep_records)
    return NULL;
  GsRecord r = {
    .time = t, .kind = kind, .body = body, .item = item, .when = GS_TIME_NEVER
  };
  g_array_append_val (run->records, r);
  return &g_array_index (run->records, GsRecord, run->records->len - 1);
}

static GsTime
meeting_time (const GsBody *b, guint32 k)
{
  return gs_time_add (b->calendar.first, &b->calendar.every, k);
}

/* The first meeting of body @bi, not yet held, at which an item it may take
 * from @t is in time given its notice period.  NEVER past the horizon. */
static GsTime
meeting_for (const GsRun *run, guint32 bi, GsTime t)
{
  const GsBody *b = GS_BODY (run->scenario, bi);
  for (guint32 k = run->bodies[bi].next_meeting;; k++)
    {
      GsTime m = meeting_time (b, k);
      if (m >= run->scenario->end)
        return GS_TIME_NEVER;
      if (gs_time_add (t, &b->calendar.notice, 1) <= m)
        return m;
    }
}

/* The instant a case falls due when its last day in time is the day of @t:
 * a decision taken any time on the deadline day is in time. */
static GsTime
end_of_day (GsTime t)
{
  GsTime day = t
               - (((t % GS_MINUTES_PER_DAY) + GS_MINUTES_PER_DAY)
                  % GS_MINUTES_PER_DAY);
  return day + GS_MINUTES_PER_DAY;
}

static gint64
draw_value (GsRun *run, const GsValueDist *v)
{
  double x;
  switch (v->kind)
    {
      case GS_VALUE_UNIFORM:
        x = v->a + (v->b - v->a) * gs_rng_uniform (&run->rng);
        break;
      case GS_VALUE_LOGNORMAL:
        x = gs_rng_lognormal (&run->rng, v->a, v->b);
        break;
      case GS_VALUE_FIXED:
      default:
        x = v->a;
        break;
    }
  /* Values are whole pounds; the cap keeps a wild lognormal tail finite. */
  return (gint64)llround (CLAMP (x, 0.0, (double)GS_VALUE_MAX));
}

static void carry (GsRun *run, guint32 bi, guint32 ci, GsTime now, GsTime next,
                   GsCarryReason reason, guint inquorate);

/* ---- a meeting --------------------------------------------------------- */

static gboolean
available (const GsScenario *s, guint person, GsTime now)
{
  return !gs__scenario_away (s, person, now);
}

static gboolean
attends (GsRun *run, guint person, GsTime now)
{
  const GsScenario *s = run->scenario;
  return available (s, person, now)
         && gs_rng_bernoulli (&run->rng, GS_PERSON (s, person)->attendance);
}

/* Fills the seats of @b for a meeting at @now: each member attends with
 * their probability unless away; an absent member's deputy attends in their
 * place with the deputy's own probability.  Draws in membership order. */
static void
fill_seats (GsRun *run, const GsBody *b, GsTime now, GsSeat *seats)
{
  const GsScenario *s = run->scenario;
  for (guint i = 0; i < b->n_members; i++)
    {
      const GsMember *m = &b->members[i];
      GsSeat *seat = &seats[i];
      *seat = (GsSeat){ .person = m->person,
                        .weight = m->weight,
                        .chair = (int)i == b->chair,
                        .ballot = GS_BALLOT_NONE };
      seat->present = attends (run, m->person, now);
      if (!seat->present && m->deputy >= 0
          && attends (run, (guint)m->deputy, now))
        {
          seat->person = (guint)m->deputy;
          seat->present = TRUE;
          seat->deputy = TRUE;
        }
      const GsPerson *p = GS_PERSON (s, seat->person);
      seat->role = p->role;
      seat->party = p->org;
    }
}

static gboolean
affects_org (const GsCase *c, int org)
{
  for (guint i = 0; i < c->n_affects; i++)
    if ((int)c->affects[i] == org)
      return TRUE;
  return FALSE;
}

static gboolean
conflicted (const GsScenario *s, guint person, const GsCase *c)
{
  return gs__scenario_conflicted (s, person, c->matter, c->affects,
                                  c->n_affects);
}

/* Appends the people of @seats for which @pick holds to the run's
 * reference list and points @r at them. */
typedef gboolean (*GsSeatPredicate) (const GsSeat *seat);

static void
record_seats (GsRun *run, GsRecord *r, const GsSeat *seats, guint n,
              GsSeatPredicate pick)
{
  if (r == NULL)
    return;
  r->refs = run->refs->len;
  for (guint i = 0; i < n; i++)
    if (pick (&seats[i]))
      g_array_append_val (run->refs, seats[i].person);
  r->n_refs = run->refs->len - r->refs;
}

static gboolean
seat_absent (const GsSeat *seat)
{
  return !seat->present;
}

static gboolean
seat_conflicted (const GsSeat *seat)
{
  return seat->present && seat->conflicted;
}

static gboolean
seat_declared (const GsSeat *seat)
{
  return seat->present && seat->declared;
}

static gboolean
seat_objected (const GsSeat *seat)
{
  return seat->ballot == GS_BALLOT_OBJECT || seat->ballot == GS_BALLOT_AGAINST;
}

/* An inquorate record: who was missing and which rule failed.  For a
 * single-member seat list the missing are the members absent (whose seat
 * nobody filled). */
static void
record_inquorate (GsRun *run, GsTime now, guint32 bi, guint32 item,
                  const GsBody *b, const GsSeat *seats,
                  const GsQuorumVerdict *v)
{
  GsBodyState *bs = &run->bodies[bi];
  bs->inquorate++;
  GsRecord *r = gs__run_add_record (run, now, GS_REC_INQUORATE, bi, item);
  if (r == NULL)
    return;
  guint present = 0;
  for (guint i = 0; i < b->n_members; i++)
    present += seats[i].present ? 1 : 0;
  r->a = (gint32)v->have;
  r->b = (gint32)b->n_members;
  r->c = (gint32)v->need;
  r->d = v->result;
  r->e = v->which;
  r->f = (gint32)present;
  record_seats (run, r, seats, b->n_members,
                item == GS_NONE ? seat_absent : seat_conflicted);
}

/* Marks conflicts and draws the ballots of @seats on case @c.  Returns
 * FALSE, having recorded why, when excluding conflicted members leaves the
 * meeting inquorate for this item. */
static gboolean
vote_item (GsRun *run, GsTime now, guint32 bi, guint32 ci, GsSeat *seats,
           GsVoteOutcome *outcome, GsTally *tally)
{
  const GsScenario *s = run->scenario;
  const GsBody *b = GS_BODY (s, bi);
  const GsCase *c = &g_array_index (run->cases, GsCase, ci);
  guint n_conflicted = 0;
  for (guint i = 0; i < b->n_members; i++)
    {
      GsSeat *seat = &seats[i];
      gboolean k = seat->present && conflicted (s, seat->person, c);
      seat->conflicted = k && !b->declare_only;
      seat->declared = k && b->declare_only;
      seat->ballot = GS_BALLOT_NONE;
      n_conflicted += k ? 1 : 0;
    }
  if (n_conflicted > 0)
    {
      run->bodies[bi].conflicts += n_conflicted;
      GsRecord *r = gs__run_add_record (run, now, GS_REC_CONFLICT, bi, ci);
      record_seats (run, r, seats, b->n_members,
                    b->declare_only ? seat_declared : seat_conflicted);
      if (r != NULL)
        r->a = b->declare_only;
      GsQuorumVerdict v;
      if (!b->declare_only && !b->quorum.conflicted_count
          && !gs_quorum_check (&b->quorum, seats, b->n_members, b->parties,
                               b->n_parties, &v))
        {
          record_inquorate (run, now, bi, ci, b, seats, &v);
          return FALSE;
        }
    }

  for (guint i = 0; i < b->n_members; i++)
    {
      GsSeat *seat = &seats[i];
      if (!seat->present || seat->conflicted
          || (seat->deputy && !b->deputies_vote))
        continue;
      GsStance st;
      gs__scenario_stance (s, seat->person, c->matter, &st);
      if (gs_rng_bernoulli (&run->rng, st.abstain))
        {
          seat->ballot = GS_BALLOT_ABSTAIN;
          continue;
        }
      double support
          = affects_org (c, seat->party) ? st.if_affected : st.support;
      if (gs_rng_bernoulli (&run->rng, support))
        seat->ballot = GS_BALLOT_FOR;
      else
        seat->ballot = b->voting.rule == GS_RULE_CONSENSUS ? GS_BALLOT_OBJECT
                                                           : GS_BALLOT_AGAINST;
    }
  *outcome = gs_vote_decide (&b->voting, seats, b->n_members, tally);
  return TRUE;
}

static const GsRecordKind outcome_record[] = {
  [GS_OUTCOME_CARRIED] = GS_REC_APPROVED,
  [GS_OUTCOME_DEFEATED] = GS_REC_REJECTED,
  [GS_OUTCOME_TIED] = GS_REC_TIED,
  [GS_OUTCOME_BLOCKED] = GS_REC_BLOCKED,
  [GS_OUTCOME_NO_VOTES] = GS_REC_NO_VOTES,
};

/* Records the vote of body @bi on @ci; @kind_override replaces the
 * outcome's record kind (a constituent's vote). */
static GsRecord *
record_vote (GsRun *run, GsTime now, guint32 bi, guint32 ci,
             GsVoteOutcome outcome, const GsTally *t, const GsSeat *seats,
             gboolean constituent, GsVoteRole role)
{
  GsBodyState *bs = &run->bodies[bi];
  bs->ties += outcome == GS_OUTCOME_TIED;
  bs->blocked += outcome == GS_OUTCOME_BLOCKED;
  bs->no_votes += outcome == GS_OUTCOME_NO_VOTES;
  bs->casting += t->casting_used ? 1 : 0;
  GsRecord *r = gs__run_add_record (
      run, now, constituent ? GS_REC_CONSTITUENT : outcome_record[outcome], bi,
      ci);
  if (r == NULL)
    return NULL;
  r->a = (gint32)t->votes_for;
  r->b = (gint32)t->against;
  r->c = (gint32)t->abstain;
  r->d = t->casting_used;
  r->e = outcome;
  r->f = role;
  if (outcome == GS_OUTCOME_BLOCKED)
    record_seats (run, r, seats, GS_BODY (run->scenario, bi)->n_members,
                  seat_objected);
  return r;
}

static gboolean
delegates_to (const GsScenario *s, guint org, guint32 bi, guint matter)
{
  const GsOrganisation *o = GS_ORG (s, org);
  for (guint i = 0; i < o->n_delegations; i++)
    {
      const GsDelegation *d = GS_DELEGATION (s, o->delegations[i]);
      if (d->to != bi) /* one to committees in common binds through the
                          organisation's own constituent, a party already */
        continue;
      if (gs__lists (d->matters, d->n_matters, matter))
        return TRUE;
    }
  return FALSE;
}

guint
gs__run_bound_orgs (GsRun *run, guint32 bi, const GsCase *c, GsTime now)
{
  const GsScenario *s = run->scenario;
  const GsBody *b = GS_BODY (s, bi);
  gboolean joint = b->org < 0;
  guint n = 0;
  for (guint i = 0; i < b->n_parties; i++)
    {
      const GsOrganisation *o = GS_ORG (s, b->parties[i]);
      if (!joint || now < o->leaves)
        run->bound[n++] = (guint32)b->parties[i];
    }
  /* An organisation that delegated the matter to another's body (a lead
   * provider, say) is bound by it on the proposals that affect it. */
  for (guint i = 0; i < c->n_affects; i++)
    {
      guint32 o = c->affects[i];
      gboolean seen = FALSE;
      for (guint k = 0; k < n; k++)
        seen |= run->bound[k] == o;
      if (!seen && delegates_to (s, o, bi, c->matter))
        run->bound[n++] = o;
    }
  return n;
}

/* The parties a decision binds, as organisation indices in @r's refs. */
static void
record_bound (GsRun *run, GsRecord *r, const guint32 *orgs, guint n)
{
  if (r == NULL)
    return;
  r->refs = run->refs->len;
  g_array_append_vals (run->refs, orgs, n);
  r->n_refs = n;
}

/* What a body's vote on an item came to. */
typedef struct
{
  gboolean voted;        /* FALSE: inquorate once conflicted members left */
  GsVoteOutcome outcome; /* committees in common: CARRIED or DEFEATED */
  gboolean split;        /* committees in common that disagreed */
  guint votes_for;       /* members (or constituents) for */
} Verdict;

/* One body deciding alone (a board, committee, officer or joint committee).
 * A decision at a binding gateway binds the body's parties. */
static Verdict
decide_single (GsRun *run, GsTime now, guint32 bi, guint32 ci, GsSeat *seats,
               GsVoteRole role)
{
  Verdict v = { 0 };
  GsTally tally;
  if (!vote_item (run, now, bi, ci, seats, &v.outcome, &tally))
    return v;
  v.voted = TRUE;
  v.votes_for = tally.votes_for;
  GsRecord *r
      = record_vote (run, now, bi, ci, v.outcome, &tally, seats, FALSE, role);
  if (v.outcome == GS_OUTCOME_CARRIED && role != GS_VOTE_RECOMMEND)
    {
      const GsCase *c = GS_RUN_CASE (run, ci);
      guint n = gs__run_bound_orgs (run, bi, c, now);
      record_bound (run, r, run->bound, n);
      gs__breach_check_approval (run, now, bi, ci, n);
    }
  /* After record_bound: a new record may move the records, and r. */
  gs__breach_check_conflicted (run, now, bi, ci, seats);
  return v;
}

/* Committees in common: each constituent votes under its own rules on the
 * shared agenda item; the group's rule gives the collective outcome.  Only
 * organisations whose committee approved are bound. */
static Verdict
decide_in_common (GsRun *run, GsTime now, guint32 gi, guint32 ci, GsSeat *seats,
                  GsVoteRole role)
{
  Verdict v = { 0 };
  const GsScenario *s = run->scenario;
  const GsBody *g = GS_BODY (s, gi);
  gboolean approved[64];
  guint32 bound[64];
  guint n_bound = 0;
  GsSeat *k_seats = seats;
  for (guint i = 0; i < g->n_constituents; i++)
    {
      guint32 ki = g->constituents[i];
      GsVoteOutcome outcome;
      GsTally tally;
      if (!vote_item (run, now, ki, ci, k_seats, &outcome, &tally))
        return v;
      record_vote (run, now, ki, ci, outcome, &tally, k_seats, TRUE, role);
      gs__breach_check_conflicted (run, now, ki, ci, k_seats);
      approved[i] = gs_vote_outcome_carried (outcome);
      if (approved[i])
        bound[n_bound++] = (guint32)GS_BODY (s, ki)->org;
      k_seats += GS_BODY (s, ki)->n_members;
    }
  gboolean split = FALSE;
  gboolean carried = gs_cic_decide (g->cic_rule, g->cic_n, approved,
                                    g->n_constituents, &split);
  if (split)
    {
      run->bodies[gi].splits++;
      GsRecord *r = gs__run_add_record (run, now, GS_REC_SPLIT, gi, ci);
      if (r)
        {
          r->a = (gint32)n_bound;
          r->b = (gint32)g->n_constituents;
          r->e = carried;
          r->refs = run->refs->len;
          for (guint i = 0; i < g->n_constituents; i++)
            if (approved[i])
              g_array_append_val (run->refs, g->constituents[i]);
          r->n_refs = run->refs->len - r->refs;
        }
    }
  GsRecord *r = gs__run_add_record (
      run, now, carried ? GS_REC_APPROVED : GS_REC_REJECTED, gi, ci);
  if (r)
    {
      r->a = (gint32)n_bound;
      r->b = (gint32)(g->n_constituents - n_bound);
      r->d = 0;
      r->e = -1; /* a collective outcome, not a vote count */
      r->f = role;
      if (carried && role != GS_VOTE_RECOMMEND)
        record_bound (run, r, bound, n_bound);
    }
  /* Each committee that approved decided for its own organisation. */
  for (guint i = 0;
       carried && role != GS_VOTE_RECOMMEND && i < g->n_constituents; i++)
    if (approved[i])
      {
        guint32 ki = g->constituents[i];
        guint n = gs__run_bound_orgs (run, ki, GS_RUN_CASE (run, ci), now);
        gs__breach_check_approval (run, now, ki, ci, n);
      }
  v.voted = TRUE;
  v.votes_for = n_bound;
  v.outcome = carried ? GS_OUTCOME_CARRIED : GS_OUTCOME_DEFEATED;
  v.split = split;
  return v;
}

/* Fills every seat of the meeting and checks each quorum.  For committees
 * in common the seats of the constituents follow one another.  Returns
 * FALSE, having recorded why, if any quorum fails. */
static gboolean
convene (GsRun *run, GsTime now, guint32 bi, GsSeat *seats, guint *present,
         guint *deputies)
{
  const GsScenario *s = run->scenario;
  const GsBody *b = GS_BODY (s, bi);
  guint n_bodies = b->kind == GS_BODY_CIC ? b->n_constituents : 1;
  gboolean quorate = TRUE;
  GsSeat *k_seats = seats;
  *present = *deputies = 0;
  for (guint i = 0; i < n_bodies; i++)
    {
      guint32 ki = b->kind == GS_BODY_CIC ? b->constituents[i] : bi;
      const GsBody *k = GS_BODY (s, ki);
      fill_seats (run, k, now, k_seats);
      if (ki != bi)
        run->bodies[ki].meetings++;
      for (guint j = 0; j < k->n_members; j++)
        {
          *present += k_seats[j].present ? 1 : 0;
          *deputies += k_seats[j].deputy ? 1 : 0;
        }
      GsQuorumVerdict v;
      if (!gs_quorum_check (&k->quorum, k_seats, k->n_members, k->parties,
                            k->n_parties, &v))
        {
          record_inquorate (run, now, ki, GS_NONE, k, k_seats, &v);
          quorate = FALSE;
        }
      k_seats += k->n_members;
    }
  if (!quorate && b->kind == GS_BODY_CIC)
    run->bodies[bi].inquorate++;
  return quorate;
}

/* ---- carrying, slots and gateways --------------------------------------- */

static void
carry (GsRun *run, guint32 bi, guint32 ci, GsTime now, GsTime next,
       GsCarryReason reason, guint inquorate)
{
  GS_RUN_CASE (run, ci)->carried++;
  run->bodies[bi].carried++;
  GsRecord *r = gs__run_add_record (run, now, GS_REC_CARRIED, bi, ci);
  if (r)
    {
      r->when = next;
      r->a = reason;
      r->b = (gint32)inquorate;
    }
}

static const GsGateway *
slot_gateway (const GsRun *run, const GsSlot *slot)
{
  const GsCase *c = GS_RUN_CASE (run, slot->item);
  return &GS_PATHWAY (run->scenario, c->pathway)->gateways[slot->gate];
}

static gboolean
slot_outstanding (const GsSlot *slot)
{
  return slot->state == GS_SLOT_QUEUED || slot->state == GS_SLOT_DISPUTE;
}

/* Takes @si off every agenda and cancels its timers. */
static void
withdraw (GsRun *run, guint32 si)
{
  GsSlot *slot = GS_RUN_SLOT (run, si);
  if (!slot_outstanding (slot))
    return;
  slot->state = GS_SLOT_WITHDRAWN;
  slot->epoch++;
}

static void
push_ticket (GsRun *run, guint32 bi, guint32 si, GsTime since)
{
  GsTicket t
      = { .slot = si, .epoch = GS_RUN_SLOT (run, si)->epoch, .since = since };
  g_array_append_val (run->bodies[bi].agenda, t);
}

static gboolean
ticket_live (const GsRun *run, const GsTicket *t)
{
  const GsSlot *slot = GS_RUN_SLOT (run, t->slot);
  return slot->epoch == t->epoch && slot_outstanding (slot);
}

static void
queue_slot (GsRun *run, guint32 si, GsTime now)
{
  GsSlot *slot = GS_RUN_SLOT (run, si);
  const GsCase *c = GS_RUN_CASE (run, slot->item);
  const GsEscalation *esc = &GS_BODY (run->scenario, slot->body)->escalation;
  slot->state = GS_SLOT_QUEUED;
  slot->since = now;
  slot->settled = GS_TIME_NEVER;
  slot->inquorate = 0;
  slot->ladder = -1;
  slot->level = slot->climbed = 0;
  slot->epoch++;
  push_ticket (run, slot->body, si, now);
  if ((esc->triggers & GS_TRIGGER_DEADLINE) && esc->ladder >= 0
      && c->due != GS_TIME_NEVER && !slot_gateway (run, slot)->recommend)
    {
      GsTime t = gs_time_add (c->due, &esc->before_deadline, -1);
      schedule (run, MAX (t, now), EV_NEAR_DUE, si, slot->epoch);
    }
}

static void
conclude (GsRun *run, GsTime now, guint32 ci, GsCaseState state, guint32 body,
          guint32 gate)
{
  GsCase *c = GS_RUN_CASE (run, ci);
  c->decisions++; /* gs_run_check() insists on exactly one */
  if (c->state != GS_CASE_WAITING)
    return;
  c->state = state;
  c->decided = now;
  guint n = GS_PATHWAY (run->scenario, c->pathway)->n_slots;
  for (guint i = 0; i < n; i++)
    withdraw (run, c->slots + i);
  GsRecord *r = gs__run_add_record (run, now, GS_REC_DECIDED, body, ci);
  if (r)
    {
      r->a = state;
      r->b = (gint32)gate;
    }
}

static void gate_settled (GsRun *run, guint32 ci, guint32 g, GsTime now,
                          guint32 body);

/* Records a gateway's opening, passing or failing; an implicit pathway's
 * one gateway is the body itself and needs no words of its own. */
static GsRecord *
gate_record (GsRun *run, GsTime now, GsRecordKind kind, guint32 ci, guint32 g)
{
  const GsCase *c = GS_RUN_CASE (run, ci);
  if (GS_PATHWAY (run->scenario, c->pathway)->implicit)
    return NULL;
  GsRecord *r = gs__run_add_record (run, now, kind, GS_NONE, ci);
  if (r)
    {
      r->a = (gint32)g;
      r->b = (gint32)c->pathway;
    }
  return r;
}

static void
open_gate (GsRun *run, guint32 ci, guint32 g, GsTime now)
{
  const GsCase *c = GS_RUN_CASE (run, ci);
  const GsGateway *gw = &GS_PATHWAY (run->scenario, c->pathway)->gateways[g];
  GsGate *gate = GS_RUN_GATE (run, c, g);
  gate->state = GS_GATE_OPEN;
  gate->opened = now;
  gate->closed = GS_TIME_NEVER;
  guint32 first = c->slots + gw->first_slot;
  GsRecord *r = gate_record (run, now, GS_REC_GATE_OPEN, ci, g);
  if (r)
    {
      r->when = meeting_for (run, gw->bodies[0], now);
      r->refs = run->refs->len;
      r->n_refs = gw->n_bodies;
      for (guint k = 0; k < gw->n_bodies; k++)
        g_array_append_val (run->refs, gw->bodies[k]);
    }
  for (guint k = 0; k < gw->n_bodies; k++)
    queue_slot (run, first + k, now);
}

/* Opens what may open: the first gateway not yet passed, and after an open
 * gateway each unlocked one; gateways whose value range excludes the case
 * are skipped.  When every gateway has passed or been skipped the case is
 * approved. */
static void
advance (GsRun *run, guint32 ci, GsTime now, guint32 body)
{
  const GsCase *c = GS_RUN_CASE (run, ci);
  const GsPathway *pw = GS_PATHWAY (run->scenario, c->pathway);
  gboolean all_passed = TRUE; /* every gateway before this one passed */
  gboolean prev_live = FALSE; /* the one before is open or passed */
  for (guint g = 0; g < pw->n_gateways; g++)
    {
      const GsGateway *gw = &pw->gateways[g];
      GsGate *gate = GS_RUN_GATE (run, c, g);
      switch (gate->state)
        {
          case GS_GATE_SKIPPED:
            continue;
          case GS_GATE_PASSED:
            prev_live = TRUE;
            continue;
          case GS_GATE_OPEN:
            all_passed = FALSE;
            prev_live = TRUE;
            continue;
          case GS_GATE_CLOSED:
            if (!all_passed && (gw->locked || !prev_live))
              return;
            if (!gs__value_in (&gw->applies, c->value))
              {
                gate->state = GS_GATE_SKIPPED;
                gate_record (run, now, GS_REC_GATE_SKIPPED, ci, g);
                continue;
              }
            open_gate (run, ci, g, now);
            all_passed = FALSE;
            prev_live = TRUE;
            continue;
          case GS_GATE_FAILED:
          default:
            return;
        }
    }
  if (all_passed)
    conclude (run, now, ci, GS_CASE_APPROVED, body, pw->n_gateways - 1);
}

/* Sends the case back to gateway @to: every gateway from there on closes,
 * and its outstanding slots are withdrawn. */
static void
return_to (GsRun *run, guint32 ci, guint32 from, guint32 to, GsTime now,
           guint32 body)
{
  GsCase *c = GS_RUN_CASE (run, ci);
  const GsPathway *pw = GS_PATHWAY (run->scenario, c->pathway);
  c->returns++;
  GsRecord *r = gate_record (run, now, GS_REC_RETURNED, ci, from);
  if (r)
    {
      r->c = (gint32)to;
      r->d = (gint32)c->returns;
      r->e = (gint32)pw->gateways[from].max_returns;
    }
  for (guint g = to; g < pw->n_gateways; g++)
    {
      const GsGateway *gw = &pw->gateways[g];
      GS_RUN_GATE (run, c, g)->state = GS_GATE_CLOSED;
      for (guint k = 0; k < gw->n_bodies; k++)
        {
          guint32 si = c->slots + gw->first_slot + k;
          withdraw (run, si);
          GS_RUN_SLOT (run, si)->state = GS_SLOT_IDLE;
        }
    }
  advance (run, ci, now, body);
}

/* A slot of gateway @g has settled: the gateway passes once enough of its
 * bodies approved, fails once they no longer can, and otherwise waits. */
static void
gate_settled (GsRun *run, guint32 ci, guint32 g, GsTime now, guint32 body)
{
  const GsCase *c = GS_RUN_CASE (run, ci);
  const GsGateway *gw = &GS_PATHWAY (run->scenario, c->pathway)->gateways[g];
  guint approved = 0, rejected = 0, gridlocked = 0, outstanding = 0;
  guint32 first = c->slots + gw->first_slot;
  for (guint k = 0; k < gw->n_bodies; k++)
    {
      const GsSlot *slot = GS_RUN_SLOT (run, first + k);
      approved += slot->state == GS_SLOT_APPROVED;
      rejected += slot->state == GS_SLOT_REJECTED;
      gridlocked += slot->state == GS_SLOT_GRIDLOCKED;
      outstanding += slot_outstanding (slot);
    }
  gboolean passed, failed;
  if (gw->recommend)
    {
      passed = outstanding == 0;
      failed = FALSE;
    }
  else
    {
      passed = approved >= gw->need_n;
      failed = !passed && approved + outstanding < gw->need_n;
    }
  if (!passed && !failed)
    return;
  for (guint k = 0; k < gw->n_bodies; k++)
    withdraw (run, first + k);
  GS_RUN_GATE (run, c, g)->state = passed ? GS_GATE_PASSED : GS_GATE_FAILED;
  GS_RUN_GATE (run, c, g)->closed = now;
  GsRecord *r = gate_record (
      run, now, passed ? GS_REC_GATE_PASSED : GS_REC_GATE_FAILED, ci, g);
  if (r)
    {
      r->c = (gint32)approved;
      r->d = (gint32)rejected;
      r->e = (gint32)gridlocked;
      r->f = (gint32)gw->n_bodies;
    }
  if (passed)
    advance (run, ci, now, body);
  else if (approved + outstanding + gridlocked >= gw->need_n)
    conclude (run, now, ci, GS_CASE_GRIDLOCKED, body, g); /* for want of a
                                                            decision */
  else if (gw->return_to >= 0 && c->returns < gw->max_returns)
    return_to (run, ci, g, (guint32)gw->return_to, now, body);
  else
    conclude (run, now, ci, GS_CASE_REJECTED, body, g);
}

static void
settle (GsRun *run, guint32 si, GsSlotState state, GsTime now, guint32 body)
{
  GsSlot *slot = GS_RUN_SLOT (run, si);
  slot->state = state;
  slot->settled = now;
  slot->epoch++;
  gate_settled (run, slot->item, slot->gate, now, body);
}

/* ---- disputes ----------------------------------------------------------- */

static const GsLevel *
slot_level (const GsRun *run, const GsSlot *slot)
{
  return &GS_LADDER (run->scenario, slot->ladder)->levels[slot->level];
}

/* The body that votes at the slot's level, or GS_NONE for a person or an
 * external forum. */
static guint32
level_body (const GsRun *run, const GsSlot *slot)
{
  const GsLevel *l = slot_level (run, slot);
  if (l->method == GS_LEVEL_RECONSIDER)
    return slot->body;
  if (l->method == GS_LEVEL_VOTE)
    return (guint32)l->body;
  return GS_NONE;
}

static void
enter_level (GsRun *run, guint32 si, GsTime now)
{
  GsSlot *slot = GS_RUN_SLOT (run, si);
  GsCase *c = GS_RUN_CASE (run, slot->item);
  const GsLevel *l = slot_level (run, slot);
  slot->epoch++;
  slot->climbed++;
  c->climbed = MAX (c->climbed, slot->climbed);
  GsTime start = gs_time_add (now, &l->cooling_off, 1);
  GsTime limit = gs_time_add (start, &l->within, 1);
  guint32 bi = level_body (run, slot);
  GsRecord *r = gs__run_add_record (run, now, GS_REC_LEVEL, bi, slot->item);
  if (r)
    {
      r->a = slot->ladder;
      r->b = (gint32)slot->level;
      r->c = (gint32)slot->climbed;
      r->when = limit;
    }
  if (bi != GS_NONE)
    push_ticket (run, bi, si, start);
  schedule (run, limit, EV_LEVEL_END, si, slot->epoch);
}

static void
start_dispute (GsRun *run, guint32 si, GsTrigger trigger, GsTime now)
{
  GsSlot *slot = GS_RUN_SLOT (run, si);
  const GsEscalation *esc = &GS_BODY (run->scenario, slot->body)->escalation;
  slot->state = GS_SLOT_DISPUTE;
  slot->ladder = esc->ladder;
  slot->level = 0;
  slot->climbed = 0;
  GS_RUN_CASE (run, slot->item)->disputes++;
  run->bodies[slot->body].disputes++;
  GsRecord *r
      = gs__run_add_record (run, now, GS_REC_ESCALATED, slot->body, slot->item);
  if (r)
    {
      r->a = esc->ladder;
      r->b = trigger;
      r->c = (gint32)slot->gate;
    }
  enter_level (run, si, now);
}

static void
resolve (GsRun *run, guint32 si, gboolean approved, GsTime now)
{
  GsSlot *slot = GS_RUN_SLOT (run, si);
  guint32 bi = level_body (run, slot);
  GsRecord *r = gs__run_add_record (run, now, GS_REC_RESOLVED, bi, slot->item);
  if (r)
    {
      r->a = slot->ladder;
      r->b = (gint32)slot->level;
      r->c = approved;
    }
  settle (run, si, approved ? GS_SLOT_APPROVED : GS_SLOT_REJECTED, now,
          bi != GS_NONE ? bi : slot->body);
}

/* The level failed: the next level takes the dispute, then the next
 * ladder; with none left the slot is gridlocked. */
static void
level_failed (GsRun *run, guint32 si, GsLevelFailure why, GsTime now)
{
  GsSlot *slot = GS_RUN_SLOT (run, si);
  GsRecord *r = gs__run_add_record (run, now, GS_REC_LEVEL_FAILED,
                                    level_body (run, slot), slot->item);
  if (r)
    {
      r->a = slot->ladder;
      r->b = (gint32)slot->level;
      r->c = why;
    }
  const GsLadder *ladder = GS_LADDER (run->scenario, slot->ladder);
  if (slot->level + 1 < ladder->n_levels)
    {
      slot->level++;
      enter_level (run, si, now);
      return;
    }
  if (ladder->then >= 0)
    {
      slot->ladder = ladder->then;
      slot->level = 0;
      enter_level (run, si, now);
      return;
    }
  r = gs__run_add_record (run, now, GS_REC_EXHAUSTED, slot->body, slot->item);
  if (r)
    {
      r->a = slot->ladder;
      r->b = (gint32)slot->climbed;
    }
  settle (run, si, GS_SLOT_GRIDLOCKED, now, slot->body);
}

/* A level with no vote gives its answer when its time limit ends; a vote
 * that has not come by then has failed. */
static void
level_end (GsRun *run, guint32 si, guint32 epoch, GsTime now)
{
  const GsScenario *s = run->scenario;
  GsSlot *slot = GS_RUN_SLOT (run, si);
  if (slot->epoch != epoch || slot->state != GS_SLOT_DISPUTE)
    return;
  const GsLevel *l = slot_level (run, slot);
  switch (l->method)
    {
      case GS_LEVEL_CHAIR:
        {
          if (!available (s, (guint)l->person, now))
            {
              level_failed (run, si, GS_FAIL_UNAVAILABLE, now);
              return;
            }
          const GsCase *c = GS_RUN_CASE (run, slot->item);
          GsStance st;
          gs__scenario_stance (s, (guint)l->person, c->matter, &st);
          double p = affects_org (c, GS_PERSON (s, l->person)->org)
                         ? st.if_affected
                         : st.support;
          resolve (run, si, gs_rng_bernoulli (&run->rng, p), now);
          return;
        }
      case GS_LEVEL_MEDIATION:
        if (!gs_rng_bernoulli (&run->rng, l->success))
          {
            level_failed (run, si, GS_FAIL_NO_AGREEMENT, now);
            return;
          }
        resolve (run, si, gs_rng_bernoulli (&run->rng, l->approve), now);
        return;
      case GS_LEVEL_BINDING:
        resolve (run, si, gs_rng_bernoulli (&run->rng, l->approve), now);
        return;
      case GS_LEVEL_VOTE:
      case GS_LEVEL_RECONSIDER:
      default:
        level_failed (run, si, GS_FAIL_TIMEOUT, now);
        return;
    }
}

static void
near_due (GsRun *run, guint32 si, guint32 epoch, GsTime now)
{
  const GsSlot *slot = GS_RUN_SLOT (run, si);
  if (slot->epoch == epoch && slot->state == GS_SLOT_QUEUED)
    start_dispute (run, si, GS_TRIGGER_DEADLINE, now);
}

/* What a vote on ticket @si by body @bi does to its slot. */
static void
take_verdict (GsRun *run, guint32 bi, guint32 si, const Verdict *v, GsTime now)
{
  GsSlot *slot = GS_RUN_SLOT (run, si);
  gboolean carried = v->outcome == GS_OUTCOME_CARRIED;
  if (slot->state == GS_SLOT_DISPUTE)
    {
      /* A forum that must be unanimous settles a dispute only when it is:
       * defeated with some votes for, it could not agree either way. */
      gboolean unanimous_only
          = GS_BODY (run->scenario, bi)->voting.rule == GS_RULE_UNANIMITY;
      gboolean rejected = v->outcome == GS_OUTCOME_DEFEATED && !v->split
                          && !(unanimous_only && v->votes_for > 0);
      if (carried || rejected)
        resolve (run, si, carried, now);
      else
        level_failed (run, si, GS_FAIL_NOT_CARRIED, now);
      return;
    }
  if (carried || slot_gateway (run, slot)->recommend)
    {
      settle (run, si, carried ? GS_SLOT_APPROVED : GS_SLOT_REJECTED, now, bi);
      return;
    }
  const GsEscalation *esc = &GS_BODY (run->scenario, bi)->escalation;
  GsTrigger trigger = 0;
  if (v->split)
    trigger = GS_TRIGGER_SPLIT;
  else if (v->outcome == GS_OUTCOME_TIED)
    trigger = GS_TRIGGER_TIE;
  else if (v->outcome == GS_OUTCOME_BLOCKED)
    trigger = GS_TRIGGER_BLOCKED;
  if (esc->ladder >= 0 && (esc->triggers & trigger) != 0)
    start_dispute (run, si, trigger, now);
  else
    settle (run, si, GS_SLOT_REJECTED, now, bi);
}

/* ---- a meeting ---------------------------------------------------------- */

static GsTime
ticket_due (const GsRun *run, const GsTicket *t)
{
  return GS_RUN_CASE (run, GS_RUN_SLOT (run, t->slot)->item)->due;
}

/* Whether the ticket at agenda position @a comes before the one at @b. */
static gboolean
agenda_before (const GsRun *run, const GArray *agenda, GsAgendaOrder order,
               guint32 a, guint32 b)
{
  const GsTicket *x = &g_array_index (agenda, GsTicket, a);
  const GsTicket *y = &g_array_index (agenda, GsTicket, b);
  if (order == GS_AGENDA_DEADLINE)
    {
      GsTime dx = ticket_due (run, x), dy = ticket_due (run, y);
      if (dx != dy)
        return dx < dy;
    }
  if (x->since != y->since)
    return x->since < y->since;
  return a < b;
}

/* Drops dead tickets and puts in run->pick, in agenda order, the positions
 * of those the body may take at @now.  Insertion sort: agendas are short
 * and nearly in order already. */
static guint
pick_agenda (GsRun *run, guint32 bi, GsTime now)
{
  const GsBody *b = GS_BODY (run->scenario, bi);
  GArray *agenda = run->bodies[bi].agenda;
  guint kept = 0;
  for (guint i = 0; i < agenda->len; i++)
    {
      GsTicket t = g_array_index (agenda, GsTicket, i);
      if (ticket_live (run, &t))
        g_array_index (agenda, GsTicket, kept++) = t;
    }
  g_array_set_size (agenda, kept);
  g_array_set_size (run->pick, 0);
  for (guint32 i = 0; i < agenda->len; i++)
    {
      GsTime since = g_array_index (agenda, GsTicket, i).since;
      if (gs_time_add (since, &b->calendar.notice, 1) > now)
        continue;
      g_array_append_val (run->pick, i);
      guint32 *p = (guint32 *)run->pick->data;
      for (guint j = run->pick->len - 1;
           j > 0
           && agenda_before (run, agenda, b->calendar.order, p[j], p[j - 1]);
           j--)
        {
          guint32 tmp = p[j];
          p[j] = p[j - 1];
          p[j - 1] = tmp;
        }
    }
  return run->pick->len;
}

/* The role of a vote on @slot: at its gateway or at a level of a dispute. */
static GsVoteRole
vote_role (const GsRun *run, const GsSlot *slot)
{
  if (slot->state == GS_SLOT_DISPUTE)
    return GS_VOTE_LEVEL;
  return slot_gateway (run, slot)->recommend ? GS_VOTE_RECOMMEND
                                             : GS_VOTE_GATEWAY;
}

/* Items carried from an inquorate meeting; a body whose terms of reference
 * escalate after N inquorate meetings in a row sends an item up when it
 * has been carried N times running. */
static void
carry_inquorate (GsRun *run, guint32 bi, GsTime now, GsTime next)
{
  const GsEscalation *esc = &GS_BODY (run->scenario, bi)->escalation;
  for (guint i = 0; i < run->pick->len; i++)
    {
      guint32 pos = g_array_index (run->pick, guint32, i);
      GsTicket t = g_array_index (run->bodies[bi].agenda, GsTicket, pos);
      if (!ticket_live (run, &t))
        continue;
      GsSlot *slot = GS_RUN_SLOT (run, t.slot);
      gboolean counts = slot->state == GS_SLOT_QUEUED;
      if (counts)
        slot->inquorate++;
      carry (run, bi, slot->item, now, next, GS_CARRY_INQUORATE,
             counts ? slot->inquorate : 0);
      if (counts && (esc->triggers & GS_TRIGGER_INQUORATE) && esc->ladder >= 0
          && slot->inquorate >= esc->inquorate_n
          && !slot_gateway (run, slot)->recommend)
        start_dispute (run, t.slot, GS_TRIGGER_INQUORATE, now);
    }
}

static void
meet (GsRun *run, guint32 bi, guint32 k, GsTime now)
{
  const GsScenario *s = run->scenario;
  const GsBody *b = GS_BODY (s, bi);
  GsBodyState *bs = &run->bodies[bi];
  GsTime next = meeting_time (b, k + 1);
  if (next >= s->end)
    next = GS_TIME_NEVER;
  bs->next_meeting = k + 1;
  schedule (run, next, EV_MEET, bi, k + 1);

  guint eligible = pick_agenda (run, bi, now);
  if (eligible == 0)
    return;

  GsSeat *seats = run->seats;
  guint present, deputies;
  bs->meetings++;
  if (!convene (run, now, bi, seats, &present, &deputies))
    {
      carry_inquorate (run, bi, now, next);
      return;
    }

  guint n = MIN (eligible, b->calendar.capacity);
  GsRecord *r = gs__run_add_record (run, now, GS_REC_MEETING, bi, GS_NONE);
  if (r)
    {
      guint seats_total = b->n_members;
      for (guint i = 0; i < b->n_constituents; i++)
        seats_total += GS_BODY (s, b->constituents[i])->n_members;
      r->a = (gint32)present;
      r->b = (gint32)seats_total;
      r->c = b->kind == GS_BODY_CIC ? 0 : (gint32)b->quorum.present;
      r->d = (gint32)n;
      r->f = (gint32)deputies;
    }
  /* A vote may settle other items of the same case (a gateway passing
   * withdraws its other bodies' slots), so each ticket is checked again
   * when its turn comes; new tickets wait for the next meeting. */
  guint taken = 0;
  for (guint i = 0; i < eligible; i++)
    {
      guint32 pos = g_array_index (run->pick, guint32, i);
      GsTicket t = g_array_index (bs->agenda, GsTicket, pos);
      if (!ticket_live (run, &t))
        continue;
      GsSlot *slot = GS_RUN_SLOT (run, t.slot);
      guint32 ci = slot->item;
      slot->inquorate = 0;
      if (taken >= b->calendar.capacity)
        {
          carry (run, bi, ci, now, next, GS_CARRY_CAPACITY, 0);
          continue;
        }
      taken++;
      GsVoteRole role = vote_role (run, slot);
      Verdict v = b->kind == GS_BODY_CIC
                      ? decide_in_common (run, now, bi, ci, seats, role)
                      : decide_single (run, now, bi, ci, seats, role);
      if (!v.voted)
        carry (run, bi, ci, now, next, GS_CARRY_INQUORATE, 0);
      else
        take_verdict (run, bi, t.slot, &v, now);
    }
}

/* ---- cases -------------------------------------------------------------- */

/* Where a waiting case sits: its first outstanding slot. */
static const GsSlot *
where (const GsRun *run, const GsCase *c)
{
  guint n = GS_PATHWAY (run->scenario, c->pathway)->n_slots;
  for (guint i = 0; i < n; i++)
    if (slot_outstanding (GS_RUN_SLOT (run, c->slots + i)))
      return GS_RUN_SLOT (run, c->slots + i);
  return NULL;
}

static void
record_where (GsRun *run, GsTime now, GsRecordKind kind, guint32 ci)
{
  const GsCase *c = GS_RUN_CASE (run, ci);
  const GsSlot *slot = where (run, c);
  gboolean dispute = slot != NULL && slot->state == GS_SLOT_DISPUTE;
  GsRecord *r = gs__run_add_record (run, now, kind,
                                    slot == NULL ? GS_NONE
                                    : dispute    ? level_body (run, slot)
                                                 : slot->body,
                                    ci);
  if (r && slot == NULL)
    r->a = -1; /* not reachable while gs_run_check() holds */
  else if (r)
    {
      r->a = (gint32)slot->gate;
      r->c = (gint32)floor (
          gs_time_days_between (GS_RUN_GATE (run, c, slot->gate)->opened, now));
      r->d = dispute ? (gint32)slot->climbed : 0;
    }
}

static void
fall_due (GsRun *run, guint32 ci, GsTime now)
{
  GsCase *c = GS_RUN_CASE (run, ci);
  if (c->state != GS_CASE_WAITING)
    return;
  c->missed = TRUE;
  record_where (run, now, GS_REC_DEADLINE_MISSED, ci);
}

/* Appends a case and room for its gateways and slots. */
static guint32
new_case (GsRun *run, const GsCase *proto)
{
  const GsPathway *pw = GS_PATHWAY (run->scenario, proto->pathway);
  GsCase c = *proto;
  guint32 ci = run->cases->len;
  c.decided = GS_TIME_NEVER;
  c.state = GS_CASE_WAITING;
  c.gates = run->gates->len;
  c.slots = run->slots->len;
  g_array_set_size (run->gates, run->gates->len + pw->n_gateways);
  for (guint g = 0; g < pw->n_gateways; g++)
    for (guint k = 0; k < pw->gateways[g].n_bodies; k++)
      {
        GsSlot slot = { .item = ci,
                        .body = pw->gateways[g].bodies[k],
                        .gate = g,
                        .state = GS_SLOT_IDLE,
                        .ladder = -1,
                        .settled = GS_TIME_NEVER };
        g_array_append_val (run->slots, slot);
      }
  g_array_append_val (run->cases, c);
  return ci;
}

static void
arrive (GsRun *run, guint32 ci, GsTime now)
{
  const GsCase *c = GS_RUN_CASE (run, ci);
  const GsPathway *pw = GS_PATHWAY (run->scenario, c->pathway);
  if (c->due != GS_TIME_NEVER)
    schedule (run, c->due, EV_DUE, ci, 0);
  guint32 body = pw->implicit ? pw->gateways[0].bodies[0] : GS_NONE;
  GsRecord *r = gs__run_add_record (run, now, GS_REC_ARRIVED, body, ci);
  if (r)
    {
      r->a = (gint32)c->pathway;
      if (body != GS_NONE)
        r->when = meeting_for (run, body, now);
    }
  advance (run, ci, now, GS_NONE);
}

static void
generate (GsRun *run, guint32 ai, guint32 k, GsTime now)
{
  const GsArrivals *a = GS_ARRIVALS (run->scenario, ai);
  GsCase c = {
    .proposal = GS_NONE,
    .arrivals = ai,
    .serial = k + 1,
    .matter = a->matter,
    .lead = a->lead,
    .affects = a->affects,
    .n_affects = a->n_affects,
    .value = draw_value (run, &a->value),
    .arrives = now,
    .due = a->has_deadline ? end_of_day (gs_time_add (now, &a->deadline, 1))
                           : GS_TIME_NEVER,
  };
  int pw = a->pathway >= 0 ? a->pathway
                           : gs__scenario_select_pathway (run->scenario,
                                                          a->matter, c.value);
  g_assert (pw >= 0); /* the loader checked the stream's values are covered */
  c.pathway = (guint32)pw;
  arrive (run, new_case (run, &c), now);

  if (k + 1 >= a->count)
    return;
  GsTime next;
  if (a->poisson)
    {
      /* Mean interval: the calendar length of `every` from this arrival. */
      double mean = (double)(gs_time_add (now, &a->every, 1) - now);
      double gap = gs_rng_exponential (&run->rng, mean);
      next = now + (GsTime)MAX (1.0, ceil (gap));
    }
  else
    next = gs_time_add (a->first, &a->every, k + 1);
  schedule (run, next, EV_GENERATE, ai, k + 1);
}

static void
run_loop (GsRun *run)
{
  const GsScenario *s = run->scenario;

  /* Initial events, in document order: fixed proposals, arrival streams,
   * then each body's first meeting. */
  for (guint i = 0; i < s->proposals->len; i++)
    {
      const GsProposal *p = GS_PROPOSAL (s, i);
      GsCase c = {
        .proposal = i,
        .arrivals = GS_NONE,
        .matter = p->matter,
        .pathway = p->pathway,
        .lead = p->lead,
        .affects = p->affects,
        .n_affects = p->n_affects,
        .value = p->value,
        .arrives = p->arrives,
        .due = p->deadline == GS_TIME_NEVER ? GS_TIME_NEVER
                                            : end_of_day (p->deadline),
      };
      schedule (run, p->arrives, EV_ARRIVE, new_case (run, &c), 0);
    }
  for (guint i = 0; i < s->arrivals->len; i++)
    schedule (run, GS_ARRIVALS (s, i)->first, EV_GENERATE, i, 0);
  /* Constituents of committees in common meet only with their group. */
  for (guint i = 0; i < s->bodies->len; i++)
    if (GS_BODY (s, i)->group < 0)
      schedule (run, GS_BODY (s, i)->calendar.first, EV_MEET, i, 0);

  GsEvent ev;
  while (gs_queue_pop (run->queue, &ev))
    {
      switch (ev.kind)
        {
          case EV_DUE:
            fall_due (run, ev.subject, ev.time);
            break;
          case EV_ARRIVE:
            arrive (run, ev.subject, ev.time);
            break;
          case EV_GENERATE:
            generate (run, ev.subject, ev.aux, ev.time);
            break;
          case EV_MEET:
            meet (run, ev.subject, ev.aux, ev.time);
            break;
          case EV_NEAR_DUE:
            near_due (run, ev.subject, ev.aux, ev.time);
            break;
          case EV_LEVEL_END:
            level_end (run, ev.subject, ev.aux, ev.time);
            break;
          default:
            g_assert_not_reached ();
        }
    }

  /* schedule() never queues an event at or past the end, so the queue
   * empties exactly at the horizon.  What is still waiting is pending. */
  for (guint i = 0; i < run->cases->len; i++)
    if (GS_RUN_CASE (run, i)->state == GS_CASE_WAITING)
      record_where (run, s->end, GS_REC_PENDING_AT_END, i);
}

GsRun *
gs_run_new (const GsScenario *scenario, guint64 seed, guint64 replication,
            GsRunFlags flags)
{
  g_return_val_if_fail (scenario != NULL, NULL);
  GsRun *run = g_new0 (GsRun, 1);
  run->scenario = scenario;
  run->seed = seed;
  run->replication = replication;
  run->keep_records = (flags & GS_RUN_NO_RECORDS) == 0;
  gs_rng_init (&run->rng, seed, replication);
  run->queue = gs_queue_new ();
  run->cases = g_array_new (FALSE, TRUE, sizeof (GsCase));
  run->gates = g_array_new (FALSE, TRUE, sizeof (GsGate));
  run->slots = g_array_new (FALSE, TRUE, sizeof (GsSlot));
  run->pick = g_array_new (FALSE, FALSE, sizeof (guint32));
  run->records = g_array_new (FALSE, TRUE, sizeof (GsRecord));
  run->refs = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint max_seats = 1;
  for (guint i = 0; i < scenario->bodies->len; i++)
    {
      const GsBody *b = GS_BODY (scenario, i);
      guint seats = b->n_members;
      for (guint k = 0; k < b->n_constituents; k++)
        seats += GS_BODY (scenario, b->constituents[k])->n_members;
      max_seats = MAX (max_seats, seats);
    }
  run->seats = g_new0 (GsSeat, max_seats);
  run->n_bodies = scenario->bodies->len;
  run->bodies = g_new0 (GsBodyState, MAX (run->n_bodies, 1));
  run->bound = g_new (guint32, MAX (scenario->organisations->len, 1));
  for (guint i = 0; i < run->n_bodies; i++)
    run->bodies[i].agenda = g_array_new (FALSE, FALSE, sizeof (GsTicket));
  run_loop (run);
  g_autoptr (GError) error = NULL;
  if (!gs_run_check (run, &error))
    g_error ("govsim: internal error in the engine: %s", error->message);
  return run;
}

void
gs_run_free (GsRun *run)
{
  if (run == NULL)
    return;
  for (guint i = 0; i < run->n_bodies; i++)
    g_array_unref (run->bodies[i].agenda);
  g_free (run->bodies);
  g_free (run->bound);
  g_free (run->seats);
  g_array_unref (run->refs);
  g_array_unref (run->records);
  g_array_unref (run->cases);
  g_array_unref (run->gates);
  g_array_unref (run->slots);
  g_array_unref (run->pick);
  gs_queue_free (run->queue);
  g_free (run);
}

const GsScenario *
gs_run_get_scenario (const GsRun *run)
{
  return run->scenario;
}

guint64
gs_run_get_seed (const GsRun *run)
{
  return run->seed;
}

guint
gs_run_n_cases (const GsRun *run)
{
  return run->cases->len;
}

const GsCase *
gs_run_get_case (const GsRun *run, guint i)
{
  g_return_val_if_fail (i < run->cases->len, NULL);
  return &g_array_index (run->cases, GsCase, i);
}

guint
gs_run_n_records (const GsRun *run)
{
  return run->records->len;
}

const GsRecord *
gs_run_get_record (const GsRun *run, guint i)
{
  g_return_val_if_fail (i < run->records->len, NULL);
  return &g_array_index (run->records, GsRecord, i);
}

const guint32 *
gs_run_record_refs (const GsRun *run, const GsRecord *record)
{
  if (record->n_refs == 0)
    return NULL;
  return &g_array_index (run->refs, guint32, record->refs);
}

char *
gs_run_case_title (const GsRun *run, guint i)
{
  const GsCase *c = gs_run_get_case (run, i);
  if (c->proposal != GS_NONE)
    return g_strdup (GS_PROPOSAL (run->scenario, c->proposal)->title);
  return g_strdup_printf (
      "%s #%u", GS_ARRIVALS (run->scenario, c->arrivals)->title, c->serial);
}

GQuark
gs_run_error_quark (void)
{
  return g_quark_from_static_string ("gs-run-error-quark");
}

gboolean
gs_run_check (const GsRun *run, GError **error)
{
  g_autofree guint32 *closing = NULL;
  if (run->keep_records)
    {
      closing = g_new0 (guint32, MAX (run->cases->len, 1));
      for (guint i = 0; i < run->records->len; i++)
        {
          const GsRecord *r = &g_array_index (run->records, GsRecord, i);
          if ((r->kind == GS_REC_DECIDED || r->kind == GS_REC_PENDING_AT_END)
              && r->item < run->cases->len)
            closing[r->item]++;
        }
    }
  for (guint i = 0; i < run->cases->len; i++)
    {
      const GsCase *c = GS_RUN_CASE (run, i);
      const char *problem = NULL;
      guint outstanding = 0;
      guint n = GS_PATHWAY (run->scenario, c->pathway)->n_slots;
      for (guint k = 0; k < n; k++)
        outstanding += slot_outstanding (GS_RUN_SLOT (run, c->slots + k));
      gboolean waiting = c->state == GS_CASE_WAITING;
      if (c->state > GS_CASE_GRIDLOCKED)
        problem = "has no known state";
      else if (c->decisions != (waiting ? 0u : 1u))
        problem = "was given an outcome more than once";
      else if (waiting != (c->decided == GS_TIME_NEVER))
        problem = "has a decision date that does not match its state";
      else if (!waiting && outstanding > 0)
        problem = "is decided but still on an agenda or in a dispute";
      else if (waiting && outstanding == 0)
        problem = "is waiting but on no agenda and in no dispute (lost)";
      else if (closing != NULL && closing[i] != 1)
        problem = "does not have exactly one outcome or pending record";
      if (problem != NULL)
        {
          g_autofree char *title = gs_run_case_title (run, i);
          g_set_error (error, GS_RUN_ERROR, 0, "case %u ('%s') %s", i, title,
                       problem);
          return FALSE;
        }
    }
  return TRUE;
}

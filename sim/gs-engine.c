/* gs-engine.c — the discrete-event loop and the meeting of a body.
 *
 * The loop pops events in (time, priority, insertion) order and stops at the
 * first event at or after the scenario's end.  Three things happen in time:
 *
 *   EV_DUE      a case falls due; priority 0, so a deadline at midnight is
 *               judged before anything else that day can decide the case
 *               (the due instant is already the end of the deadline day);
 *   EV_ARRIVE   a fixed proposal arrives; EV_GENERATE makes the next case of
 *               an arrival stream and schedules the one after it; priority 1,
 *               so a proposal that arrives on a meeting day is on that day's
 *               agenda when the notice period allows it;
 *   EV_MEET     a body's k-th meeting; priority 2.  Meeting k+1 is scheduled
 *               when meeting k is held, always as first + (k+1) × every, so
 *               monthly calendars do not drift.
 *
 * Each body keeps its agenda as a FIFO of case indices.  At a meeting the
 * members' attendance is drawn in membership order; an inquorate meeting
 * carries every eligible item; a quorate one decides up to its capacity in
 * agenda order and carries the rest.  A meeting with nothing eligible on its
 * agenda is not held and draws no random numbers.
 *
 * All randomness comes from the run's single GsRng, drawn in event order, so
 * a run is a pure function of (scenario, seed, replication).  Apart from
 * growing the case, record and agenda arrays, the loop does not allocate and
 * does no string work: the writers turn records into words afterwards.
 */
#include "gs-engine-private.h"

#include <govsim/gs-rules.h>

#include <math.h>

enum
{
  EV_DUE = 0,
  EV_ARRIVE = 1,
  EV_GENERATE = 2,
  EV_MEET = 3,
};

static const gint32 ev_priority[] = {
  [EV_DUE] = 0,
  [EV_ARRIVE] = 1,
  [EV_GENERATE] = 1,
  [EV_MEET] = 2,
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

static GsRecord *
add_record (GsRun *run, GsTime t, GsRecordKind kind, guint32 body, guint32 item)
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

/* The first meeting of @b, from index @k on, for which a case arriving at
 * @t is in time given the body's notice period.  NEVER past the horizon. */
static GsTime
meeting_for_arrival (const GsRun *run, const GsBody *b, guint32 k, GsTime t)
{
  GsTime latest = t;
  for (;; k++)
    {
      GsTime m = meeting_time (b, k);
      if (m >= run->scenario->end)
        return GS_TIME_NEVER;
      if (gs_time_add (latest, &b->calendar.notice, 1) <= m)
        return m;
    }
}

static void
arrive (GsRun *run, guint32 ci, GsTime now)
{
  GsCase *c = &g_array_index (run->cases, GsCase, ci);
  GsBodyState *bs = &run->bodies[c->body];
  g_array_append_val (bs->agenda, ci);
  if (c->due != GS_TIME_NEVER)
    schedule (run, c->due, EV_DUE, ci, 0);
  GsRecord *r = add_record (run, now, GS_REC_ARRIVED, c->body, ci);
  if (r)
    r->when = meeting_for_arrival (run, GS_BODY (run->scenario, c->body),
                                   bs->next_meeting, now);
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
  return (gint64)llround (CLAMP (x, 0.0, 1e12));
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
    .body = a->body,
    .lead = a->lead,
    .affects = a->affects,
    .n_affects = a->n_affects,
    .value = draw_value (run, &a->value),
    .arrives = now,
    .due = a->has_deadline ? end_of_day (gs_time_add (now, &a->deadline, 1))
                           : GS_TIME_NEVER,
    .decided = GS_TIME_NEVER,
    .state = GS_CASE_WAITING,
  };
  guint32 ci = run->cases->len;
  g_array_append_val (run->cases, c);
  arrive (run, ci, now);

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
carry (GsRun *run, guint32 bi, guint32 ci, GsTime now, GsTime next,
       GsCarryReason reason)
{
  GsCase *c = &g_array_index (run->cases, GsCase, ci);
  c->carried++;
  GsRecord *r = add_record (run, now, GS_REC_CARRIED, bi, ci);
  if (r)
    {
      r->when = next;
      r->a = reason;
    }
}

/* ---- a meeting --------------------------------------------------------- */

static gboolean
available (const GsScenario *s, guint person, GsTime now)
{
  for (guint i = 0; i < s->absences->len; i++)
    {
      const GsAbsence *a = &g_array_index (s->absences, GsAbsence, i);
      if (a->person == person && a->from <= now && now < a->until)
        return FALSE;
    }
  return TRUE;
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
  for (guint i = 0; i < s->conflicts->len; i++)
    {
      const GsConflict *k = &g_array_index (s->conflicts, GsConflict, i);
      if (k->person == person
          && ((k->matter >= 0 && (guint)k->matter == c->matter)
              || (k->org >= 0 && affects_org (c, k->org))))
        return TRUE;
    }
  return FALSE;
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
  GsRecord *r = add_record (run, now, GS_REC_INQUORATE, bi, item);
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
      seat->conflicted = seat->present && conflicted (s, seat->person, c);
      seat->ballot = GS_BALLOT_NONE;
      n_conflicted += seat->conflicted ? 1 : 0;
    }
  if (n_conflicted > 0)
    {
      run->bodies[bi].conflicts += n_conflicted;
      GsRecord *r = add_record (run, now, GS_REC_CONFLICT, bi, ci);
      record_seats (run, r, seats, b->n_members, seat_conflicted);
      GsQuorumVerdict v;
      if (!b->quorum.conflicted_count
          && !gs_quorum_check (&b->quorum, seats, b->n_members, b->parties,
                               b->n_parties, &v))
        {
          record_inquorate (run, now, bi, ci, b, seats, &v);
          return FALSE;
        }
    }

  gsize row = (gsize)s->matters->len;
  for (guint i = 0; i < b->n_members; i++)
    {
      GsSeat *seat = &seats[i];
      if (!seat->present || seat->conflicted
          || (seat->deputy && !b->deputies_vote))
        continue;
      gsize cell = (gsize)seat->person * row + c->matter;
      if (gs_rng_bernoulli (&run->rng, s->abstain[cell]))
        {
          seat->ballot = GS_BALLOT_ABSTAIN;
          continue;
        }
      double support = affects_org (c, seat->party) ? s->support_affected[cell]
                                                    : s->support[cell];
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
             gboolean constituent)
{
  GsBodyState *bs = &run->bodies[bi];
  bs->ties += outcome == GS_OUTCOME_TIED;
  bs->blocked += outcome == GS_OUTCOME_BLOCKED;
  bs->no_votes += outcome == GS_OUTCOME_NO_VOTES;
  bs->casting += t->casting_used ? 1 : 0;
  GsRecord *r = add_record (
      run, now, constituent ? GS_REC_CONSTITUENT : outcome_record[outcome], bi,
      ci);
  if (r == NULL)
    return NULL;
  r->a = (gint32)t->votes_for;
  r->b = (gint32)t->against;
  r->c = (gint32)t->abstain;
  r->d = t->casting_used;
  r->e = outcome;
  if (outcome == GS_OUTCOME_BLOCKED)
    record_seats (run, r, seats, GS_BODY (run->scenario, bi)->n_members,
                  seat_objected);
  return r;
}

static void
conclude (GsRun *run, GsTime now, guint32 ci, gboolean approved)
{
  GsCase *c = &g_array_index (run->cases, GsCase, ci);
  c->state = approved ? GS_CASE_APPROVED : GS_CASE_REJECTED;
  c->decided = now;
}

/* The parties a decision binds, as organisation indices in @r's refs. */
static void
record_bound (GsRun *run, GsRecord *r, const gint32 *orgs, guint n)
{
  if (r == NULL)
    return;
  r->refs = run->refs->len;
  for (guint i = 0; i < n; i++)
    {
      guint32 o = (guint32)orgs[i];
      g_array_append_val (run->refs, o);
    }
  r->n_refs = n;
}

/* One body deciding alone (a board, committee, officer or joint committee).
 * Returns FALSE when the item must be carried. */
static gboolean
decide_single (GsRun *run, GsTime now, guint32 bi, guint32 ci, GsSeat *seats)
{
  const GsBody *b = GS_BODY (run->scenario, bi);
  GsVoteOutcome outcome;
  GsTally tally;
  if (!vote_item (run, now, bi, ci, seats, &outcome, &tally))
    return FALSE;
  GsRecord *r = record_vote (run, now, bi, ci, outcome, &tally, seats, FALSE);
  gboolean carried = gs_vote_outcome_carried (outcome);
  if (carried)
    record_bound (run, r, b->parties, b->n_parties);
  conclude (run, now, ci, carried);
  return TRUE;
}

/* Committees in common: each constituent votes under its own rules on the
 * shared agenda item; the group's rule gives the collective outcome.  Only
 * organisations whose committee approved are bound. */
static gboolean
decide_in_common (GsRun *run, GsTime now, guint32 gi, guint32 ci, GsSeat *seats)
{
  const GsScenario *s = run->scenario;
  const GsBody *g = GS_BODY (s, gi);
  gboolean approved[64];
  gint32 bound[64];
  guint n_bound = 0;
  GsSeat *k_seats = seats;
  for (guint i = 0; i < g->n_constituents; i++)
    {
      guint32 ki = g->constituents[i];
      GsVoteOutcome outcome;
      GsTally tally;
      if (!vote_item (run, now, ki, ci, k_seats, &outcome, &tally))
        return FALSE;
      record_vote (run, now, ki, ci, outcome, &tally, k_seats, TRUE);
      approved[i] = gs_vote_outcome_carried (outcome);
      if (approved[i])
        bound[n_bound++] = GS_BODY (s, ki)->org;
      k_seats += GS_BODY (s, ki)->n_members;
    }
  gboolean split = FALSE;
  gboolean carried = gs_cic_decide (g->cic_rule, g->cic_n, approved,
                                    g->n_constituents, &split);
  if (split)
    {
      run->bodies[gi].splits++;
      GsRecord *r = add_record (run, now, GS_REC_SPLIT, gi, ci);
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
  GsRecord *r = add_record (
      run, now, carried ? GS_REC_APPROVED : GS_REC_REJECTED, gi, ci);
  if (r)
    {
      r->a = (gint32)n_bound;
      r->b = (gint32)(g->n_constituents - n_bound);
      r->d = 0;
      r->e = -1; /* a collective outcome, not a vote count */
      if (carried)
        record_bound (run, r, bound, n_bound);
    }
  conclude (run, now, ci, carried);
  return TRUE;
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

  /* Items are eligible when they arrived at least the notice period before
   * this meeting; the agenda is in arrival order, so they form a prefix. */
  guint eligible = 0;
  while (eligible < bs->agenda->len)
    {
      guint32 ci = g_array_index (bs->agenda, guint32, eligible);
      GsTime arrived = g_array_index (run->cases, GsCase, ci).arrives;
      if (gs_time_add (arrived, &b->calendar.notice, 1) > now)
        break;
      eligible++;
    }
  if (eligible == 0)
    return;

  GsSeat *seats = run->seats;
  guint present, deputies;
  bs->meetings++;
  if (!convene (run, now, bi, seats, &present, &deputies))
    {
      for (guint i = 0; i < eligible; i++)
        carry (run, bi, g_array_index (bs->agenda, guint32, i), now, next,
               GS_CARRY_INQUORATE);
      return;
    }

  guint n = MIN (eligible, b->calendar.capacity);
  GsRecord *r = add_record (run, now, GS_REC_MEETING, bi, GS_NONE);
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
  /* Decided items leave the agenda; items carried for want of a quorum
   * after conflicts, and those beyond capacity, stay in order. */
  guint kept = 0;
  for (guint i = 0; i < eligible; i++)
    {
      guint32 ci = g_array_index (bs->agenda, guint32, i);
      gboolean decided = FALSE;
      if (i < n)
        {
          decided = b->kind == GS_BODY_CIC
                        ? decide_in_common (run, now, bi, ci, seats)
                        : decide_single (run, now, bi, ci, seats);
          if (!decided)
            carry (run, bi, ci, now, next, GS_CARRY_INQUORATE);
        }
      else
        carry (run, bi, ci, now, next, GS_CARRY_CAPACITY);
      if (!decided)
        g_array_index (bs->agenda, guint32, kept++) = ci;
    }
  g_array_remove_range (bs->agenda, kept, eligible - kept);
}

static void
fall_due (GsRun *run, guint32 ci, GsTime now)
{
  GsCase *c = &g_array_index (run->cases, GsCase, ci);
  if (c->state != GS_CASE_WAITING)
    return;
  c->missed = TRUE;
  add_record (run, now, GS_REC_DEADLINE_MISSED, c->body, ci);
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
        .serial = 0,
        .matter = p->matter,
        .body = p->body,
        .lead = p->lead,
        .affects = p->affects,
        .n_affects = p->n_affects,
        .value = p->value,
        .arrives = p->arrives,
        .due = p->deadline == GS_TIME_NEVER ? GS_TIME_NEVER
                                            : end_of_day (p->deadline),
        .decided = GS_TIME_NEVER,
        .state = GS_CASE_WAITING,
      };
      g_array_append_val (run->cases, c);
      schedule (run, p->arrives, EV_ARRIVE, i, 0);
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
          default:
            g_assert_not_reached ();
        }
    }

  /* schedule() never queues an event at or past the end, so the queue
   * empties exactly at the horizon.  What is still waiting is pending. */
  for (guint i = 0; i < run->cases->len; i++)
    if (g_array_index (run->cases, GsCase, i).state == GS_CASE_WAITING)
      add_record (run, s->end, GS_REC_PENDING_AT_END,
                  g_array_index (run->cases, GsCase, i).body, i);
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
  for (guint i = 0; i < run->n_bodies; i++)
    run->bodies[i].agenda = g_array_new (FALSE, FALSE, sizeof (guint32));
  run_loop (run);
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
  g_free (run->seats);
  g_array_unref (run->refs);
  g_array_unref (run->records);
  g_array_unref (run->cases);
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

/* gs-meeting.c — a meeting: who attends, whether it is quorate, which items
 * it takes, and how each vote goes.
 *
 * A meeting with nothing eligible on its agenda is not held.  Otherwise
 * each member attends with their attendance probability unless a scripted
 * absence covers the day, and an absent member's deputy may attend in
 * their place.  Attendance is one keyed draw per person per day, so a
 * person who holds two seats that day (two committees, or two constituents
 * of committees in common) is present in both or in neither, and the same
 * in every variant of the scenario.  Fewer present than the quorum: every
 * eligible item is carried.  Otherwise the meeting takes up to its capacity
 * of items in agenda order and carries the rest.
 *
 * An item is decided in two phases: first the members with a conflict on
 * it are excluded and the quorum is checked again without them (unless
 * conflicted members count, or only declare); only if the item is still
 * quorate are ballots drawn and the vote recorded.  Committees in common do
 * the first phase for every constituent before any constituent votes, so
 * an item that one constituent cannot take is carried with no constituent's
 * vote, counter or breach recorded.  A ballot is a keyed draw of (case,
 * body, time of the meeting, person): its first number decides an
 * abstention, its second (gs_draw_again()) for or against.
 */
#include "run/gs-run-private.h"

#include <govsim/gs-rules.h>

GsTime
gs__meeting_time (const GsBody *b, guint32 k)
{
  return gs_time_add (b->calendar.first, &b->calendar.every, k);
}

/* The first k >= @from with first + k × every at or after @target, by
 * arithmetic: a division for calendars in days and minutes; for calendars
 * in months or years, a binary search between the bounds that the
 * shortest (28-day month, 365-day year) and longest (31, 366) spans give.
 * O(log) either way, where stepping meeting by meeting from @from was
 * O(meetings): a notice of centuries before a calendar of minutes made
 * that a walk of millions.  Meeting times are increasing in k. */
static guint64
first_meeting_at_or_after (const GsBody *b, guint64 from, GsTime target)
{
  const GsDuration *e = &b->calendar.every;
  GsTime first = b->calendar.first;
  if (gs_time_add (first, e, (gint64)from) >= target)
    return from;
  guint64 span_days_min
      = (guint64)e->years * 365 + (guint64)e->months * 28 + (guint64)e->days;
  guint64 span_min
      = span_days_min * (guint64)GS_MINUTES_PER_DAY + (guint64)e->minutes;
  guint64 gap = (guint64)(target - first);
  if (e->years == 0 && e->months == 0)
    {
      guint64 k = (gap + span_min - 1) / span_min;
      return MAX (k, from);
    }
  /* lo: a k known to be before @target; hi: one known to be at or after. */
  guint64 lo = from, hi = gap / MAX (span_min, 1) + 1;
  while (hi - lo > 1)
    {
      guint64 mid = lo + (hi - lo) / 2;
      if (gs_time_add (first, e, (gint64)mid) >= target)
        hi = mid;
      else
        lo = mid;
    }
  return hi;
}

GsTime
gs__meeting_for (const GsRun *run, guint32 bi, GsTime t)
{
  const GsBody *b = GS_BODY (run->scenario, bi);
  GsTime end = run->scenario->end;
  GsTime target = gs_time_add (t, &b->calendar.notice, 1);
  guint64 next = run->bodies[bi].next_meeting;
  if (target >= end)
    return GS_TIME_NEVER;
  if (gs_duration_is_zero (&b->calendar.every))
    {
      /* One meeting only (the loader refuses a zero interval; this keeps
       * the search finite whatever it allows). */
      GsTime m = b->calendar.first;
      return next == 0 && m >= target && m < end ? m : GS_TIME_NEVER;
    }
  guint64 k = first_meeting_at_or_after (b, next, target);
  if (k > G_MAXUINT32)
    return GS_TIME_NEVER;
  GsTime m = gs__meeting_time (b, (guint32)k);
  return m < end ? m : GS_TIME_NEVER;
}

gboolean
gs__person_available (const GsRun *run, guint person, GsTime now)
{
  return !gs__scenario_away (run->scenario, person, now);
}

static gboolean
affects_org (const GsCase *c, int org)
{
  return org >= 0 && gs__lists (c->affects, c->n_affects, (guint)org);
}

/* Whether @c affects an organisation @person serves, in any post. */
static gboolean
affects_person (const GsScenario *s, const GsCase *c, guint person)
{
  guint n;
  const GsPost *posts = gs__person_posts (s, person, &n);
  for (guint i = 0; i < n; i++)
    if (affects_org (c, posts[i].org))
      return TRUE;
  return FALSE;
}

double
gs__person_support (const GsRun *run, guint person, const GsCase *c)
{
  GsStance st;
  gs__scenario_stance (run->scenario, person, c->matter, &st);
  return affects_person (run->scenario, c, person) ? st.if_affected
                                                   : st.support;
}

/* The day of @t, counted from 1970-01-01, rounding down before it. */
static inline gint64
day_of (GsTime t)
{
  return t >= 0 ? t / GS_MINUTES_PER_DAY
                : -((-t + GS_MINUTES_PER_DAY - 1) / GS_MINUTES_PER_DAY);
}

GsAttendance *
gs__meeting_attendance_new (const GsScenario *s)
{
  guint n = s->people->len;
  GsAttendance *a = g_new (GsAttendance, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    a[i] = (GsAttendance){ .day = G_MININT64,
                           .threshold
                           = gs_draw_threshold (GS_PERSON (s, i)->attendance) };
  return a;
}

/* Forgets the attendance drawn by another seed or replication.  The cache
 * holds pure functions of (seed, replication, person, day), so an
 * execution that repeats the last one's seed and replication may keep it. */
static void
attendance_begin (GsRun *run)
{
  if (run->attendance_seed == run->seed
      && run->attendance_replication == run->replication)
    return;
  for (guint i = 0; i < run->scenario->people->len; i++)
    run->attendance[i].day = G_MININT64;
  run->attendance_seed = run->seed;
  run->attendance_replication = run->replication;
}

/* Whether @person attends on @day, the day of @now: free that day
 * (absences are whole days, so this is a function of the day) and drawn to
 * attend, by gs_draw_bernoulli (GS_DRAW_ATTEND, person, day) in its integer
 * form.  Drawn at the person's first seat of the day and read at the
 * others. */
static inline gboolean
attends (GsRun *run, guint person, gint64 day, GsTime now)
{
  GsAttendance *a = &run->attendance[person];
  if (a->day != day)
    {
      guint64 t = a->threshold;
      a->day = day;
      a->present
          = gs__person_available (run, person, now)
            && (gs_draw_certain (t)
                    ? t != 0
                    : gs_draw_below (gs_draw_bits (&run->draws, GS_DRAW_ATTEND,
                                                   person, (guint64)day, 0, 0),
                                     t));
    }
  return a->present;
}

/* Fills the seats of @b for a meeting at @now, adding to @present and
 * @deputies the seats filled and those filled by a deputy.  Returns how
 * many occupants the quorum's head-count counts (nobody is conflicted
 * yet).  Each seat starts as its member's (GsMember.seat: the member's
 * role, party and posts, looked up at load); only a deputy in it, or a
 * vacancy, is looked up here. */
static guint
fill_seats (GsRun *run, const GsBody *b, GsTime now, GsSeat *seats,
            guint *present, guint *deputies)
{
  const GsScenario *s = run->scenario;
  gint64 day = day_of (now);
  guint n_present = 0, n_deputies = 0;
  run->fills++;
  for (guint i = 0; i < b->n_members; i++)
    {
      const GsMember *m = &b->members[i];
      GsSeat *seat = &seats[i];
      *seat = m->seat;
      if (G_UNLIKELY (now < m->from || now >= m->until))
        {
          /* Nobody holds the seat today: vacant, no deputy in it. */
          seat->vacant = TRUE;
          seat->role = GS_PERSON (s, m->person)->role;
          seat->party = -1;
          seat->posts = NULL;
          seat->n_posts = 0;
          continue;
        }
      /* Whether the member attends is a coin: counted, not branched on,
       * unless the seat has a deputy to fill it. */
      gboolean here = attends (run, m->person, day, now);
      seat->present = (guint8)here;
      n_present += (guint)here;
      if (m->deputy >= 0 && !here && attends (run, (guint)m->deputy, day, now))
        {
          /* The seat's party and role are then the deputy's. */
          gs__seat_occupy (s, b->org, (guint)m->deputy, seat);
          seat->present = TRUE;
          seat->deputy = TRUE;
          n_deputies++;
        }
    }
  *present += n_present + n_deputies;
  *deputies += n_deputies;
  return n_present + (b->quorum.deputies_count ? n_deputies : 0);
}

typedef gboolean (*GsSeatPredicate) (const GsSeat *seat);

/* The people of @seats for which @pick holds, into run->people. */
static guint
seat_people (GsRun *run, const GsSeat *seats, guint n, GsSeatPredicate pick)
{
  guint k = 0;
  for (guint i = 0; i < n; i++)
    if (pick (&seats[i]))
      run->people[k++] = seats[i].person;
  return k;
}

static gboolean
seat_absent (const GsSeat *seat)
{
  return !seat->present && !seat->vacant;
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

/* An inquorate meeting (@item GS_NONE: refs = the members absent, whose
 * seat nobody filled) or an item left inquorate by conflicts (refs = the
 * conflicted); when the each-party rule failed, every party short follows
 * as the second list. */
static void
record_inquorate (GsRun *run, GsTime now, guint32 bi, guint32 item,
                  const GsBody *b, const GsSeat *seats,
                  const GsQuorumVerdict *v)
{
  gboolean meeting = item == GS_NONE;
  if (meeting)
    run->bodies[bi].n.inquorate++;
  else
    run->bodies[bi].n.item_inquorate++;
  GsRecordKind kind = meeting ? GS_REC_INQUORATE : GS_REC_ITEM_INQUORATE;
  if (!gs__run_building (run, kind))
    return;
  GsRecord r = gs__record (now, kind, bi, item);
  guint present = 0;
  for (guint i = 0; i < b->n_members; i++)
    present += seats[i].present ? 1 : 0;
  r.quorum.counted = (gint32)v->have;
  r.quorum.members = (gint32)b->n_members;
  r.quorum.needed = (gint32)v->need;
  r.quorum.result = v->result;
  r.quorum.role = v->result == GS_QUORUM_FAIL_ROLE ? (gint32)v->which : -1;
  r.quorum.party = v->result == GS_QUORUM_FAIL_PARTY ? (gint32)v->which : -1;
  r.quorum.present = (gint32)present;
  guint n = seat_people (run, seats, b->n_members,
                         meeting ? seat_absent : seat_conflicted);
  if (v->result == GS_QUORUM_FAIL_PARTY)
    r.n_refs2
        = gs_quorum_parties_short (&b->quorum, seats, b->n_members, b->parties,
                                   b->n_parties, (gint32 *)run->people + n);
  gs__run_emit (run, &r, run->people, n);
}

/* Phase one of an item: marks the seats conflicted on case @ci (or, when
 * the terms of reference only ask for a declaration, declared) and records
 * them.  Returns FALSE, having recorded why, when excluding them leaves
 * the item without a quorum. */
static gboolean
exclude_conflicted (GsRun *run, GsTime now, guint32 bi, guint32 ci,
                    GsSeat *seats)
{
  const GsScenario *s = run->scenario;
  /* No conflicts in the scenario: nobody is excluded, and the seats are
   * not walked.  fill_seats() left every seat neither conflicted nor
   * declared, and nothing else marks them when the scenario lists no
   * conflicts; cast_ballots() writes every seat's ballot, a seat with no
   * vote's as NONE, before anything reads one. */
  if (s->conflict_start == NULL || s->conflicts->len == 0)
    return TRUE;
  const GsBody *b = gs__body_at (s, bi, now);
  const GsCase *c = GS_RUN_CASE (run, ci);
  guint n_conflicted = 0;
  for (guint i = 0; i < b->n_members; i++)
    {
      GsSeat *seat = &seats[i];
      gboolean k = seat->present
                   && gs__scenario_conflicted (s, seat->person, c->matter,
                                               c->affects, c->n_affects);
      seat->conflicted = k && !b->declare_only;
      seat->declared = k && b->declare_only;
      seat->ballot = GS_BALLOT_NONE;
      n_conflicted += k ? 1 : 0;
    }
  if (n_conflicted == 0)
    return TRUE;
  run->bodies[bi].n.conflicts += n_conflicted;
  GsRecord r = gs__record (now, GS_REC_CONFLICT, bi, ci);
  r.conflict.declare_only = b->declare_only;
  guint n = seat_people (run, seats, b->n_members,
                         b->declare_only ? seat_declared : seat_conflicted);
  gs__run_emit (run, &r, run->people, n);
  GsQuorumVerdict v;
  if (!b->declare_only && !b->quorum.conflicted_count
      && !gs_quorum_check (&b->quorum, seats, b->n_members, b->parties,
                           b->n_parties, &v))
    {
      record_inquorate (run, now, bi, ci, b, seats, &v);
      return FALSE;
    }
  return TRUE;
}

/* The odds of @person on @matter, as gs_draw_threshold()s. */
static void
odds_of (const GsScenario *s, guint person, guint matter, GsOdds *odds)
{
  GsStance st;
  gs__scenario_stance (s, person, matter, &st);
  odds->abstain = gs_draw_threshold (st.abstain);
  odds->support = gs_draw_threshold (st.support);
  odds->if_affected = gs_draw_threshold (st.if_affected);
}

/* The ballots of a body whose GsBody.ballots_plain holds: every seat's
 * occupant is its member and is never conflicted, and support does not
 * depend on whom the case affects.  The seats' odds are all looked up
 * when the body or the matter changes (run->stance_person then names each
 * member), and each present seat draws its key's first number (an
 * abstention) and second (for or against) as the general loop does; the
 * general loop skips a draw whose outcome is certain, but gs_draw_below()
 * against a threshold of 0 or GS_DRAW_ONE is the same whatever the bits,
 * so every ballot is the one it draws (tests/test-ballots.c compares the
 * two loops). */
static void
draw_plain (GsRun *run, const GsBody *b, guint matter, guint64 item_h,
            GsBallot no, GsSeat *seats, GsVoteCount *count)
{
  guint n = b->n_members;
  GsOdds *all_odds = run->odds;
  if (run->stance_person[0] == GS_NONE)
    for (guint i = 0; i < n; i++)
      {
        guint32 person = b->members[i].person;
        odds_of (run->scenario, person, matter, &all_odds[i]);
        run->stance_person[i] = person;
      }
  /* First the present seats, compacted without a branch: whether a seat
   * is filled is a coin of the day, which no predictor learns, while the
   * number filled is the same for every item of the meeting.  Once per
   * filling of the seats: nothing else changes whether a seat is filled,
   * and a seat with nobody in it keeps the ballot NONE of its template
   * (GsMember.seat). */
  if (run->present_fill != run->fills || run->present_seats != seats)
    {
      guint k = 0, vacant = 0;
      for (guint i = 0; i < n; i++)
        {
          seats[i].ballot = GS_BALLOT_NONE;
          run->present_who[k] = (guint8)i;
          k += seats[i].present;
          vacant += seats[i].vacant;
        }
      run->present_fill = run->fills;
      run->present_seats = seats;
      run->n_present_who = k;
      run->present_vacant = vacant;
    }
  const guint8 *who = run->present_who;
  guint n_present = run->n_present_who, vacant = run->present_vacant;
  /* Then each present seat's two numbers, and its ballot chosen and
   * counted by arithmetic: each outcome a coin too (support 0.6 is
   * mispredicted nearly half the time). */
  const GsBallot pick[4]
      = { GS_BALLOT_NONE, GS_BALLOT_ABSTAIN, GS_BALLOT_FOR, no };
  guint n_for = 0, n_abstain = 0;
  guint64 weight_for = 0;
  for (guint k = 0; k < n_present; k++)
    {
      GsSeat *seat = &seats[who[k]];
      const GsOdds *odds = &all_odds[who[k]];
      guint64 bits = gs_draw_absorb (item_h, seat->person);
      guint abstains = gs_draw_below (bits, odds->abstain);
      guint votes_for = (abstains ^ 1)
                        & gs_draw_below (gs_draw_again (bits), odds->support);
      guint code = 3 - 2 * abstains - votes_for; /* 1 abstain, 2 for, 3 no */
      seat->ballot = pick[code];
      n_for += votes_for;
      n_abstain += abstains;
      weight_for += seat->weight & -(guint64)votes_for;
    }
  count->members = n - vacant;
  count->by_ballot[GS_BALLOT_FOR] = n_for;
  count->by_ballot[GS_BALLOT_ABSTAIN] = n_abstain;
  count->by_ballot[no] = n_present - n_for - n_abstain;
  count->weight_for = weight_for;
}

/* Phase two: draws the ballots of @seats on case @ci by @bi, whose clauses
 * in force are @b, and applies the rule. */
static GsVoteOutcome
cast_ballots (GsRun *run, GsTime now, guint32 bi, const GsBody *b, guint32 ci,
              GsSeat *seats, const GsVoting *voting, GsTally *tally)
{
  const GsScenario *s = run->scenario;
  const GsCase *c = GS_RUN_CASE (run, ci);
  if (run->stance_body != bi || run->stance_matter != c->matter)
    {
      run->stance_body = bi;
      run->stance_matter = c->matter;
      for (guint i = 0; i < b->n_members; i++)
        run->stance_person[i] = GS_NONE;
    }
  /* gs_draw_bits (GS_DRAW_BALLOT, case, body, time, person): the words the
   * item's ballots share are absorbed once, the person per ballot. */
  guint64 item_h = gs_draw_absorb (
      gs_draw_absorb (
          gs_draw_absorb (run->draws.prefix[GS_DRAW_BALLOT], gs__case_key (c)),
          bi),
      (guint64)now);
  GsBallot no = voting->rule == GS_RULE_CONSENSUS ? GS_BALLOT_OBJECT
                                                  : GS_BALLOT_AGAINST;
  /* Every seat's ballot is written here, a seat with no vote's as NONE,
   * and counted as it is written: the rule then reads the count, and the
   * seats are walked once. */
  GsVoteCount count = { { 0 }, 0, 0 };
  if (b->ballots_plain && b->n_members > 0)
    draw_plain (run, b, c->matter, item_h, no, seats, &count);
  else
    {
      /* In locals: a ballot's store may not be assumed apart from the
       * run's and the body's fields, which would otherwise be read again
       * per seat. */
      guint n = b->n_members;
      gboolean deputies_vote = b->deputies_vote;
      gboolean may_affect = c->n_affects > 0;
      guint32 *stance_person = run->stance_person;
      GsOdds *all_odds = run->odds;
      for (guint i = 0; i < n; i++)
        {
          GsSeat *seat = &seats[i];
          if (!seat->present || seat->conflicted
              || (seat->deputy && !deputies_vote))
            {
              seat->ballot = GS_BALLOT_NONE;
              gs_vote_count_seat (&count, seat);
              continue;
            }
          guint32 person = seat->person;
          GsOdds *odds = &all_odds[i];
          if (stance_person[i] != person)
            {
              odds_of (s, person, c->matter, odds);
              stance_person[i] = person;
            }
          guint64 abstain = odds->abstain, support = odds->support;
          if (odds->if_affected != support && may_affect
              && affects_person (s, c, person))
            support = odds->if_affected;
          /* One key per ballot: its first number decides an abstention, the
           * second for or against; neither is drawn when certain. */
          gboolean certain = gs_draw_certain (support);
          guint64 bits = 0;
          if (!gs_draw_certain (abstain) || !certain)
            bits = gs_draw_absorb (item_h, person);
          GsBallot ballot;
          if (gs_draw_below (bits, abstain))
            ballot = GS_BALLOT_ABSTAIN;
          else if (certain ? support != 0
                           : gs_draw_below (gs_draw_again (bits), support))
            ballot = GS_BALLOT_FOR;
          else
            ballot = no;
          seat->ballot = ballot;
          gs_vote_count_seat (&count, seat);
        }
    }
  if (b->voting.per_org)
    {
      /* One vote per organisation: each party's vote follows its present
       * voting members, and the rule (the body's own, or its fallback
       * after a blocked consensus) counts the parties. */
      gs_vote_org_seats (seats, b->n_members, b->parties, b->n_parties,
                         voting->rule == GS_RULE_CONSENSUS, run->org_seats);
      return gs_vote_decide (voting, run->org_seats, b->n_parties, tally);
    }
  return gs_vote_decide_count (voting, &count, seats, b->n_members, tally);
}

static const GsRecordKind outcome_record[] = {
  [GS_OUTCOME_CARRIED] = GS_REC_APPROVED,
  [GS_OUTCOME_DEFEATED] = GS_REC_REJECTED,
  [GS_OUTCOME_TIED] = GS_REC_TIED,
  [GS_OUTCOME_BLOCKED] = GS_REC_BLOCKED,
  [GS_OUTCOME_NO_VOTES] = GS_REC_NO_VOTES,
};

/* Counts and records the vote of body @bi on @ci (a constituent's vote when
 * @constituent), with @bound the organisations an approval binds. */
static void record_vote_build (GsRun *run, GsTime now, guint32 bi, guint32 ci,
                               GsRecordKind kind, GsVoteOutcome outcome,
                               const GsTally *t, const GsSeat *seats,
                               gboolean constituent, GsVoteRole role,
                               const guint32 *bound, guint n_bound);

/* The counters of a vote are kept inline; the record, when anyone will
 * see it, is built out of line. */
static inline void
record_vote (GsRun *run, GsTime now, guint32 bi, guint32 ci,
             GsVoteOutcome outcome, const GsTally *t, const GsSeat *seats,
             gboolean constituent, GsVoteRole role, const guint32 *bound,
             guint n_bound)
{
  /* Added to without a test: a tie is a coin, not a rarity, and a branch
   * on it is mispredicted as often as not. */
  GsBodyCounters *n = &run->bodies[bi].n;
  n->ties += outcome == GS_OUTCOME_TIED;
  n->blocked += outcome == GS_OUTCOME_BLOCKED;
  n->no_votes += outcome == GS_OUTCOME_NO_VOTES;
  n->casting += t->casting_used ? 1 : 0;
  GsRecordKind kind
      = constituent ? GS_REC_CONSTITUENT : outcome_record[outcome];
  if (gs__run_building (run, kind))
    record_vote_build (run, now, bi, ci, kind, outcome, t, seats, constituent,
                       role, bound, n_bound);
}

static void
record_vote_build (GsRun *run, GsTime now, guint32 bi, guint32 ci,
                   GsRecordKind kind, GsVoteOutcome outcome, const GsTally *t,
                   const GsSeat *seats, gboolean constituent, GsVoteRole role,
                   const guint32 *bound, guint n_bound)
{
  GsRecord r = gs__record (now, kind, bi, ci);
  r.vote.votes_for = (gint32)t->votes_for;
  /* Under consensus there is no vote against, only objections (a member
   * who does not support the item objects): a blocked item's "against"
   * are those who objected, as the list names them. */
  r.vote.against
      = (gint32)(outcome == GS_OUTCOME_BLOCKED ? t->objections : t->against);
  r.vote.abstain = (gint32)t->abstain;
  r.vote.casting = t->casting_used;
  r.vote.outcome = outcome;
  r.vote.role = role;
  r.vote.members = (gint32)t->members;
  if (outcome == GS_OUTCOME_BLOCKED)
    {
      const GsBody *b = gs__body_at (run->scenario, bi, now);
      guint k = seat_people (run, seats, b->n_members, seat_objected);
      /* One vote per organisation: the parties whose vote, just cast into
       * run->org_seats by cast_ballots(), was an objection. */
      for (guint p = 0; b->voting.per_org && !constituent && p < b->n_parties;
           p++)
        if (run->org_seats[p].present
            && run->org_seats[p].ballot == GS_BALLOT_OBJECT)
          run->people[k + r.n_refs2++] = (guint32)b->parties[p];
      gs__run_emit (run, &r, run->people, k);
    }
  else
    gs__run_emit (run, &r, bound, n_bound);
}

/* @by: who reached the approval for @bi, or NULL: @bi itself. */
static void
record_breach (GsRun *run, GsTime now, guint32 bi, guint32 ci, GsBreach kind,
               const GsBreachFinding *f, const GsAward *by, const guint32 *refs,
               guint n_refs)
{
  GS_RUN_CASE (run, ci)->breaches++;
  run->bodies[bi].n.breaches++;
  run->counters.breaches[kind]++;
  run->counters.breach_total++;
  /* A conflicted vote has no organisation or chain: its own kind, whose
   * list is the people who voted. */
  GsRecord r = gs__record (now, f != NULL ? GS_REC_BREACH : GS_REC_BREACH_VOTE,
                           bi, ci);
  r.breach.breach = kind;
  r.breach.org = f != NULL ? f->org : -1;
  r.breach.delegation = f != NULL ? f->auth.failed : -1;
  r.breach.status = f != NULL ? (gint32)f->auth.status : -1;
  r.breach.upstream = f != NULL ? (gint32)f->auth.upstream : -1;
  r.breach.decided_by = by != NULL ? (gint32)by->by : GS_DECIDED_BODY;
  r.breach.ladder = by != NULL ? by->ladder : -1;
  r.breach.level = by != NULL ? by->level : -1;
  gs__run_emit (run, &r, refs, n_refs);
}

static GsMotion
motion_of (const GsCase *c)
{
  return (GsMotion){ .matter = c->matter,
                     .value = c->value,
                     .affects = c->affects,
                     .n_affects = c->n_affects };
}

/* The breaches of an approval of @ci in the name of @bi binding @bound,
 * reached by @by (NULL: @bi's own). */
static void
check_approval_by (GsRun *run, GsTime now, guint32 bi, guint32 ci,
                   const guint32 *bound, guint n_bound, const GsAward *by)
{
  GsMotion m = motion_of (GS_RUN_CASE (run, ci));
  guint n = gs_breach_approval (run->scenario, bi, &m, now, bound, n_bound,
                                run->findings);
  for (guint i = 0; i < n; i++)
    {
      const GsBreachFinding *f = &run->findings[i];
      gboolean chain = f->breach != GS_BREACH_AFFECTED_NO_SAY;
      record_breach (run, now, bi, ci, f->breach, f, by,
                     chain ? f->auth.links : NULL, chain ? f->auth.n_links : 0);
    }
}

static void
check_approval (GsRun *run, GsTime now, guint32 bi, guint32 ci,
                const guint32 *bound, guint n_bound)
{
  check_approval_by (run, now, bi, ci, bound, n_bound, NULL);
}

void
gs__meeting_check_award (GsRun *run, guint32 bi, guint32 ci, GsTime now)
{
  gs__meeting_check_award_by (run, bi, ci, now, NULL);
}

void
gs__meeting_check_award_by (GsRun *run, guint32 bi, guint32 ci, GsTime now,
                            const GsAward *by)
{
  const GsScenario *s = run->scenario;
  const GsBody *b = GS_BODY (s, bi);
  GsMotion m = motion_of (GS_RUN_CASE (run, ci));
  guint n_bodies = b->kind == GS_BODY_CIC ? b->n_constituents : 1;
  for (guint i = 0; i < n_bodies; i++)
    {
      guint32 ki = b->kind == GS_BODY_CIC ? b->constituents[i] : bi;
      guint n = gs_binding_orgs (s, ki, &m, now, run->bound);
      if (by != NULL && by->by == GS_DECIDED_REFERRAL)
        n = gs_breach_consented (s, &m, now, by->consents, by->n_consents,
                                 run->bound, n);
      check_approval_by (run, now, ki, ci, run->bound, n, by);
    }
}

/* A breach if members of @bi, whose clauses in force at @now are @b, with
 * a declared conflict voted. */
static void
check_conflicted (GsRun *run, GsTime now, const GsBody *b, guint32 bi,
                  guint32 ci, const GsSeat *seats)
{
  if (!b->declare_only)
    return;
  guint n = gs_breach_conflicted_voters (seats, b->n_members, run->people);
  if (n > 0)
    record_breach (run, now, bi, ci, GS_BREACH_CONFLICTED_VOTED, NULL, NULL,
                   run->people, n);
}

void
gs__meeting_breach_conflicted (GsRun *run, GsTime now, guint32 bi, guint32 ci,
                               const guint32 *people, guint n)
{
  record_breach (run, now, bi, ci, GS_BREACH_CONFLICTED_VOTED, NULL, NULL,
                 people, n);
}

/* What a body's vote on an item came to. */
typedef struct
{
  gboolean voted;        /* FALSE: inquorate once conflicted members left */
  GsVoteOutcome outcome; /* committees in common: CARRIED or DEFEATED */
  gboolean split;        /* committees in common that disagreed */
  guint votes_for;       /* members (or constituents) for */
  guint against;         /* members against (0 for committees in common) */
  gboolean again;        /* consensus blocked: to the majority vote at the
                            next meeting */
} Verdict;

/* Whether an approval in a vote of @role binds anyone: not a
 * recommendation, nor a consent to a referral, which is judged once the
 * referral agrees (gs-referral.c). */
static gboolean
role_binds (GsVoteRole role)
{
  return role != GS_VOTE_RECOMMEND && role != GS_VOTE_REFERRAL;
}

/* Whether the majority vote after a blocked consensus decided the item,
 * carried or lost, rather than tying or drawing no votes. */
static gboolean
fallback_settles (GsVoteOutcome outcome)
{
  return outcome == GS_OUTCOME_CARRIED || outcome == GS_OUTCOME_DEFEATED;
}

/* Whether no breach check can fault an approval of @c by @bi: the body's
 * flag (gs-scenario-private.h) holds and @c affects only its parties.  Then
 * gs_binding_orgs() gives parties with no scheme, each with a member on
 * the body (or a function's owner, which had its say and has no scheme),
 * and gs_breach_approval() would find nothing. */
static gboolean
approval_unchecked (const GsScenario *s, guint32 bi, const GsCase *c)
{
  const GsBody *b = GS_BODY (s, bi);
  if (!b->approvals_unchecked)
    return FALSE;
  for (guint i = 0; i < c->n_affects; i++)
    {
      gboolean party = FALSE;
      for (guint p = 0; !party && p < b->n_parties; p++)
        party = (guint)b->parties[p] == c->affects[i];
      if (!party)
        return FALSE;
    }
  return TRUE;
}

/* One body deciding alone (a board, committee, officer or joint committee).
 * A decision at a binding gateway binds the body's parties. */
static Verdict
decide_single (GsRun *run, GsTime now, guint32 bi, guint32 si, GsSeat *seats,
               GsVoteRole role)
{
  guint32 ci = GS_RUN_SLOT (run, si)->item;
  Verdict v = { 0 };
  /* exclude_conflicted()'s own test, here: with no conflicts in the
   * scenario it returns TRUE at once. */
  if (run->scenario->conflicts->len != 0
      && !exclude_conflicted (run, now, bi, ci, seats))
    return v;
  GsTally tally;
  const GsBody *b = gs__body_at (run->scenario, bi, now);
  GsSlot *slot = GS_RUN_SLOT (run, si);
  gboolean majority = slot->majority_due && b->has_fallback;
  slot->majority_due = FALSE;
  v.outcome = cast_ballots (run, now, bi, b, ci, seats,
                            majority ? &b->fallback : &b->voting, &tally);
  if (v.outcome == GS_OUTCOME_BLOCKED && b->has_fallback)
    {
      /* Consensus first: the blocked consensus is recorded, then put to
       * the majority vote at once, or at the next meeting. */
      record_vote (run, now, bi, ci, v.outcome, &tally, seats, FALSE, role,
                   NULL, 0);
      if (b->fallback_next && slot->state != GS_SLOT_DISPUTE)
        {
          v.voted = TRUE;
          v.again = TRUE;
          return v;
        }
      v.outcome = gs__consensus_fallback (run, b, seats, &tally);
      majority = TRUE;
    }
  /* The majority vote after a blocked consensus (at once, or deferred to
   * this meeting) settles it when it carries or defeats the motion. */
  if (majority && fallback_settles (v.outcome))
    run->bodies[bi].n.settled_by_fallback++;
  v.voted = TRUE;
  v.votes_for = tally.votes_for;
  v.against = tally.against;
  guint n = 0;
  gboolean binds = v.outcome == GS_OUTCOME_CARRIED && role_binds (role);
  /* An approval that no check can fault needs its bound organisations
   * only for its record. */
  gboolean checked
      = binds && !approval_unchecked (run->scenario, bi, GS_RUN_CASE (run, ci));
  if (checked || (binds && gs__run_wants (run, GS_REC_APPROVED)))
    {
      GsMotion m = motion_of (GS_RUN_CASE (run, ci));
      n = gs_binding_orgs (run->scenario, bi, &m, now, run->bound);
    }
  record_vote (run, now, bi, ci, v.outcome, &tally, seats, FALSE, role,
               run->bound, n);
  if (checked)
    check_approval (run, now, bi, ci, run->bound, n);
  check_conflicted (run, now, b, bi, ci, seats);
  return v;
}

/* Committees in common: every constituent's exclusions and item quorum
 * first; only if all can take the item does each vote under its own rules,
 * and the group's rule gives the collective outcome.  Only organisations
 * whose committee approved are bound. */
static Verdict
decide_in_common (GsRun *run, GsTime now, guint32 gi, guint32 ci, GsSeat *seats,
                  GsVoteRole role)
{
  Verdict v = { 0 };
  const GsScenario *s = run->scenario;
  const GsBody *g = GS_BODY (s, gi);
  g_assert (g->n_constituents <= GS_RUN_CONSTITUENTS_MAX);
  gboolean approved[GS_RUN_CONSTITUENTS_MAX];
  guint32 bound[GS_RUN_CONSTITUENTS_MAX];
  guint n_bound = 0;

  gboolean quorate = TRUE;
  GsSeat *k_seats = seats;
  for (guint i = 0; i < g->n_constituents; i++)
    {
      guint32 ki = g->constituents[i];
      quorate &= exclude_conflicted (run, now, ki, ci, k_seats);
      k_seats += GS_BODY (s, ki)->n_members;
    }
  if (!quorate)
    return v;

  k_seats = seats;
  for (guint i = 0; i < g->n_constituents; i++)
    {
      guint32 ki = g->constituents[i];
      GsTally tally;
      const GsBody *k = GS_BODY (s, ki);
      GsVoteOutcome outcome
          = cast_ballots (run, now, ki, gs__body_at (s, ki, now), ci, k_seats,
                          &k->voting, &tally);
      if (outcome == GS_OUTCOME_BLOCKED && k->has_fallback)
        {
          /* A constituent's consensus, then its majority, at once (the
           * loader refuses next-meeting for a constituent). */
          record_vote (run, now, ki, ci, outcome, &tally, k_seats, TRUE, role,
                       NULL, 0);
          outcome = gs__consensus_fallback (run, k, k_seats, &tally);
          run->bodies[ki].n.settled_by_fallback += fallback_settles (outcome);
        }
      record_vote (run, now, ki, ci, outcome, &tally, k_seats, TRUE, role, NULL,
                   0);
      check_conflicted (run, now, gs__body_at (s, ki, now), ki, ci, k_seats);
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
      run->bodies[gi].n.splits++;
      GsRecord r = gs__record (now, GS_REC_SPLIT, gi, ci);
      r.split.approving = (gint32)n_bound;
      r.split.constituents = (gint32)g->n_constituents;
      r.split.carried = carried;
      guint32 ks[GS_RUN_CONSTITUENTS_MAX];
      guint n = 0;
      for (guint i = 0; i < g->n_constituents; i++)
        if (approved[i])
          ks[n++] = g->constituents[i];
      gs__run_emit (run, &r, ks, n);
    }
  GsRecord r
      = gs__record (now, carried ? GS_REC_APPROVED : GS_REC_REJECTED, gi, ci);
  r.vote.votes_for = (gint32)n_bound;
  r.vote.against = (gint32)(g->n_constituents - n_bound);
  r.vote.outcome = carried ? GS_OUTCOME_CARRIED : GS_OUTCOME_DEFEATED;
  r.vote.role = role;
  r.vote.collective = TRUE;
  gboolean binds = carried && role_binds (role);
  gs__run_emit (run, &r, bound, binds ? n_bound : 0);
  /* Each committee that approved decided for its own organisation. */
  for (guint i = 0; binds && i < g->n_constituents; i++)
    if (approved[i])
      {
        guint32 ki = g->constituents[i];
        GsMotion m = motion_of (GS_RUN_CASE (run, ci));
        guint n = gs_binding_orgs (s, ki, &m, now, run->bound);
        check_approval (run, now, ki, ci, run->bound, n);
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
      const GsBody *k = gs__body_at (s, ki, now);
      guint counted = fill_seats (run, k, now, k_seats, present, deputies);
      if (ki != bi)
        run->bodies[ki].n.meetings++;
      /* A plain head-count met is decided from the count; anything else,
       * a failure included (for its verdict), by the full check. */
      GsQuorumVerdict v;
      if (!(k->quorum_plain && counted >= k->quorum.present)
          && !gs_quorum_check (&k->quorum, k_seats, k->n_members, k->parties,
                               k->n_parties, &v))
        {
          record_inquorate (run, now, ki, GS_NONE, k, k_seats, &v);
          quorate = FALSE;
        }
      k_seats += k->n_members;
    }
  if (!quorate && b->kind == GS_BODY_CIC)
    run->bodies[bi].n.inquorate++;
  return quorate;
}

/* What a vote on ticket @si by body @bi does to its slot. */
static void
take_verdict (GsRun *run, guint32 bi, guint32 si, const Verdict *v, GsTime now)
{
  GsSlot *slot = GS_RUN_SLOT (run, si);
  gboolean carried = v->outcome == GS_OUTCOME_CARRIED;
  if (v->again)
    {
      gs__consensus_defer (run, bi, si, now);
      return;
    }
  if (slot->state == GS_SLOT_REFERRED)
    {
      /* One of the bodies a dispute is referred to: anything short of
       * carrying it is a refusal. */
      gs__referral_answer (run, si, carried, now);
      return;
    }
  if (slot->state == GS_SLOT_DISPUTE)
    {
      /* A forum that must be unanimous settles a dispute only when it is:
       * defeated with some votes for, it could not agree either way. */
      gboolean unanimous_only
          = gs__body_at (run->scenario, bi, now)->voting.rule
            == GS_RULE_UNANIMITY;
      gboolean rejected = v->outcome == GS_OUTCOME_DEFEATED && !v->split
                          && !(unanimous_only && v->votes_for > 0);
      if (carried || rejected)
        gs__dispute_resolve (run, si, carried, now);
      else
        gs__dispute_level_failed (run, si, GS_FAIL_NOT_CARRIED, now);
      return;
    }
  /* A body with no ladder settles the slot either way: one branch on the
   * body, none on the outcome, which is a coin. */
  const GsEscalation *esc = &GS_BODY (run->scenario, bi)->escalation;
  if (esc->ladder < 0 || carried || gs__slot_gateway (run, slot)->recommend)
    {
      gs__slot_settle (run, si, carried ? GS_SLOT_APPROVED : GS_SLOT_REJECTED,
                       now, bi);
      return;
    }
  GsTrigger trigger = 0;
  if (v->split)
    trigger = GS_TRIGGER_SPLIT;
  else if (v->outcome == GS_OUTCOME_TIED)
    trigger = GS_TRIGGER_TIE;
  else if (v->outcome == GS_OUTCOME_BLOCKED)
    trigger = GS_TRIGGER_BLOCKED;
  else if (v->outcome == GS_OUTCOME_DEFEATED && v->votes_for > v->against)
    trigger = GS_TRIGGER_NOT_CARRIED;
  if (esc->ladder >= 0 && (esc->triggers & trigger) != 0)
    gs__dispute_start (run, si, trigger, now);
  else
    gs__slot_settle (run, si, GS_SLOT_REJECTED, now, bi);
}

/* The role of a vote on @slot: at its gateway, at a level of a dispute, or
 * on a referral from one. */
static GsVoteRole
vote_role (const GsRun *run, const GsSlot *slot)
{
  if (slot->state == GS_SLOT_REFERRED)
    return GS_VOTE_REFERRAL;
  if (slot->state == GS_SLOT_DISPUTE)
    return GS_VOTE_LEVEL;
  return gs__slot_gateway (run, slot)->recommend ? GS_VOTE_RECOMMEND
                                                 : GS_VOTE_GATEWAY;
}

/* An inquorate meeting carries every eligible item (counted lazily, in
 * gs-agenda.c); a body whose terms of reference escalate after N
 * inquorate meetings in a row sends an item up when it has been carried N
 * times running. */
static void
carry_inquorate (GsRun *run, guint32 bi, GsTime now)
{
  const GsEscalation *esc = &GS_BODY (run->scenario, bi)->escalation;
  gs__agenda_carried (run, bi, TRUE);
  if (!(esc->triggers & GS_TRIGGER_INQUORATE) || esc->ladder < 0)
    return;
  guint n = gs__agenda_inquorate_due (run, bi, esc->inquorate_n);
  for (guint i = 0; i < n; i++)
    {
      GsTicket t = g_array_index (run->pick, GsTicket, i);
      if (gs__ticket_live (run, &t))
        gs__dispute_start (run, t.slot, GS_TRIGGER_INQUORATE, now);
    }
}

/* Whether @person is among the first @n of @people. */
static gboolean
listed (const guint32 *people, guint n, guint32 person)
{
  for (guint i = 0; i < n; i++)
    if (people[i] == person)
      return TRUE;
  return FALSE;
}

/* Adds to run->people (holding @n) the observers of @b who attend at @now. */
static guint
add_observers (GsRun *run, const GsBody *b, GsTime now, guint n)
{
  for (guint i = 0; i < b->n_observers; i++)
    if (!listed (run->people, n, b->observers[i])
        && attends (run, b->observers[i], day_of (now), now))
      run->people[n++] = b->observers[i];
  return n;
}

/* The record of a quorate meeting.  For committees in common, the people
 * present and the seats are counted once each however many constituents
 * they sit in, and the people present are listed, so the trace can give
 * each constituent's count; any meeting with observers lists the people
 * present and then the observers who attend. */
static void
record_meeting (GsRun *run, GsTime now, guint32 bi, const GsSeat *seats,
                guint present, guint deputies, guint items)
{
  const GsScenario *s = run->scenario;
  const GsBody *b = gs__body_at (s, bi, now);
  GsRecord r = gs__record (now, GS_REC_MEETING, bi, GS_NONE);
  guint seats_total = 0, n_people = 0, n_observers = b->n_observers;
  /* The seats held that day: a vacant one is nobody's. */
  for (guint i = 0; i < b->n_members; i++)
    seats_total += seats[i].vacant ? 0 : 1;
  guint quorum = b->quorum.majority ? seats_total / 2 + 1 : b->quorum.present;
  for (guint i = 0; i < b->n_constituents; i++)
    {
      seats_total += GS_BODY (s, b->constituents[i])->n_members;
      n_observers += GS_BODY (s, b->constituents[i])->n_observers;
    }
  if (b->kind == GS_BODY_CIC)
    {
      /* Distinct members (in run->people, then replaced by those present). */
      guint members = 0;
      for (guint i = 0; i < b->n_constituents; i++)
        {
          const GsBody *k = GS_BODY (s, b->constituents[i]);
          for (guint j = 0; j < k->n_members; j++)
            if (!listed (run->people, members, k->members[j].person))
              run->people[members++] = k->members[j].person;
        }
      seats_total = members;
    }
  if (b->kind == GS_BODY_CIC || n_observers > 0)
    {
      guint n_seats = b->kind == GS_BODY_CIC ? 0 : b->n_members;
      for (guint i = 0; i < b->n_constituents; i++)
        n_seats += GS_BODY (s, b->constituents[i])->n_members;
      guint dep = 0;
      for (guint i = 0; i < n_seats; i++)
        if (seats[i].present
            && !listed (run->people, n_people, seats[i].person))
          {
            run->people[n_people++] = seats[i].person;
            dep += seats[i].deputy ? 1 : 0;
          }
      if (b->kind == GS_BODY_CIC)
        {
          present = n_people;
          deputies = dep;
        }
      n_people = add_observers (run, b, now, n_people);
      for (guint i = 0; i < b->n_constituents; i++)
        n_people = add_observers (run, GS_BODY (s, b->constituents[i]), now,
                                  n_people);
    }
  r.meeting.present = (gint32)present;
  r.meeting.seats = (gint32)seats_total;
  r.meeting.quorum = b->kind == GS_BODY_CIC ? 0 : (gint32)quorum;
  r.meeting.items = (gint32)items;
  r.meeting.deputies = (gint32)deputies;
  gs__run_emit (run, &r, run->people, n_people);
}

/* Reports each amendment of @bi that has taken effect since its last
 * meeting, once, at the first meeting on or after its date. */
static void
note_amendments (GsRun *run, guint32 bi, GsTime now)
{
  const GsBody *b = GS_BODY (run->scenario, bi);
  GsBodyState *bs = &run->bodies[bi];
  for (; bs->changes_seen < b->n_changes
         && b->changes[bs->changes_seen].date <= now;
       bs->changes_seen++)
    {
      if (!gs__run_building (run, GS_REC_AMENDED))
        continue;
      const GsBodyChange *c = &b->changes[bs->changes_seen];
      GsRecord r = gs__record (now, GS_REC_AMENDED, bi, GS_NONE);
      r.when = c->date;
      r.amended.change = (gint32)bs->changes_seen + 1;
      r.amended.line = c->line;
      gs__run_emit (run, &r, NULL, 0);
    }
}

void
gs__meeting_hold (GsRun *run, guint32 bi, guint32 k, GsTime now)
{
  const GsScenario *s = run->scenario;
  const GsBody *b = GS_BODY (s, bi);
  GsBodyState *bs = &run->bodies[bi];
  GsTime next = gs__meeting_time (b, k + 1);
  bs->next_meeting = k + 1;
  gs__run_schedule (run, next, GS_EV_MEET, bi, k + 1);
  if (bs->changes_seen < b->n_changes)
    note_amendments (run, bi, now);

  guint eligible = gs__agenda_open (run, bi, now);
  if (eligible == 0)
    return;

  GsSeat *seats = run->seats;
  guint present, deputies;
  attendance_begin (run);
  bs->n.meetings++;
  gs__agenda_held (run, bi, now);
  if (!convene (run, now, bi, seats, &present, &deputies))
    {
      carry_inquorate (run, bi, now);
      return;
    }

  guint n = MIN (eligible, b->calendar.capacity);
  if (gs__run_building (run, GS_REC_MEETING))
    record_meeting (run, now, bi, seats, present, deputies, n);
  /* Items in agenda order, up to the capacity; what is left is carried.
   * A vote may settle other items of the same case (a gateway passing
   * withdraws its other bodies' slots): their tickets are dead and are
   * dropped when they come to the top.  New tickets wait for the next
   * meeting.  An item left inquorate by its conflicted members is put back
   * only once the meeting has stopped taking items. */
  guint n_back = 0;
  g_array_set_size (run->pick, b->calendar.capacity);
  for (guint taken = 0; taken < b->calendar.capacity; taken++)
    {
      GsTicket t;
      if (!gs__agenda_pop (run, bi, now, &t))
        break;
      GsSlot *slot = GS_RUN_SLOT (run, t.slot);
      guint32 ci = slot->item;
      GsVoteRole role = vote_role (run, slot);
      Verdict v = b->kind == GS_BODY_CIC
                      ? decide_in_common (run, now, bi, ci, seats, role)
                      : decide_single (run, now, bi, t.slot, seats, role);
      if (!v.voted)
        g_array_index (run->pick, GsTicket, n_back++) = t;
      else
        take_verdict (run, bi, t.slot, &v, now);
    }
  gs__agenda_carried (run, bi, FALSE);
  for (guint i = 0; i < n_back; i++)
    {
      GsTicket t = g_array_index (run->pick, GsTicket, i);
      if (gs__ticket_live (run, &t))
        gs__agenda_requeue (run, bi, &t, now);
    }
}

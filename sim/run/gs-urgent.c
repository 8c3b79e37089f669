/* gs-urgent.c — urgent proposals decided between meetings.
 *
 * A proposal or stream marked urgent="true" that reaches a body whose
 * terms of reference have an <urgent> clause is not put on the agenda at
 * once.  Under chair's action the chair (with a chief executive, when the
 * ToR say so) decides it on the day it arrives, if it is worth no more
 * than the financial limit and they are not away; each of them acts on a
 * keyed draw of their support, like a ballot (keyed as a ballot is, the
 * person last: case, body, day it was put, person).  A chair with a
 * declared conflict on the item does not act, nor does a chief executive
 * who must act with them (another chief executive on the body may); the
 * schema names nobody to act instead, so the item is left to the next
 * meeting, which excludes them as a meeting does.  Under a written resolution
 * it is circulated to every member on the day it arrives; a member returns
 * it on the first day of the window they are not away, for or against on
 * a keyed draw, and it passes on the first day the members in favour
 * reach the threshold (every member, or more than a share of all
 * members).  The members are counted as a meeting counts its vote's: a
 * vacant seat is not one, and a member conflicted on the proposal neither
 * returns it nor counts, unless the terms of reference only ask for a
 * declaration (then they vote, and their vote is a breach, as at a
 * meeting).  Anything the route does not decide — over the limit, the
 * chair away or unwilling, the threshold out of reach or not reached by
 * the last day — goes on the agenda of the next meeting as usual.  An
 * urgent item at a deciding gateway of a body with no urgent route goes
 * there too, and the trace says so (an officer, who decides at every
 * sign-off, needs none).
 *
 * A decision taken this way binds like a meeting's approval: it goes
 * through the same breach checks (gs__meeting_check_award()) before the
 * slot settles, and the record names the next meeting, which hears the
 * report.  Nothing here allocates: a written resolution's outcome is a
 * pure function of the keyed draws and the absences, worked out once at
 * circulation (to schedule the day) and again when that day comes.
 */
#include "run/gs-run-private.h"

static const GsBody *
slot_body (const GsRun *run, const GsSlot *slot)
{
  return GS_BODY (run->scenario, slot->body);
}

static gboolean
case_urgent (const GsRun *run, const GsCase *c)
{
  const GsScenario *s = run->scenario;
  if (c->proposal != GS_NONE)
    return GS_PROPOSAL (s, c->proposal)->urgent;
  return c->arrivals != GS_NONE && GS_ARRIVALS (s, c->arrivals)->urgent;
}

/* The hash of the words every ballot between meetings on case @c at body
 * @bi, put at @put, shares: gs_draw_bits (GS_DRAW_URGENT, case, body, put,
 * person) is gs_draw_absorb (ballot_key (...), person), so an item's
 * ballots absorb the constant words once and each its person only. */
static guint64
ballot_key (const GsRun *run, const GsCase *c, guint32 bi, GsTime put)
{
  guint64 h
      = gs_draw_absorb (run->draws.prefix[GS_DRAW_URGENT], gs__case_key (c));
  h = gs_draw_absorb (h, bi);
  return gs_draw_absorb (h, (guint64)put);
}

/* TRUE with probability @p, @person's support for case @c, on the keyed
 * draw of their ballot between meetings whose shared words hash to @key
 * (ballot_key()); exact at 0 and 1, as gs_draw_bernoulli(). */
static gboolean
ballot_for (const GsRun *run, guint64 key, guint person, const GsCase *c)
{
  double p = gs__person_support (run, person, c);
  if (p <= 0.0)
    return FALSE;
  if (p >= 1.0)
    return TRUE;
  return gs_draw_to_uniform (gs_draw_absorb (key, person)) < p;
}

/* Whether the terms of reference of @b, as they stand at @t (a change of
 * its voting may change it), only ask a conflicted member to declare. */
static gboolean
declare_only (const GsRun *run, const GsBody *b, GsTime t)
{
  guint bi = (guint)(b - GS_BODY (run->scenario, 0));
  return gs__body_at (run->scenario, bi, t)->declare_only;
}

/* Whether member @i of @b may return the written resolution on case @c
 * circulated at @put, counted as a meeting counts its vote's members: the
 * seat is held that day, and its holder is not conflicted on the case
 * (unless the terms of reference only ask for a declaration, when they
 * vote as at a meeting). */
static gboolean
entitled (const GsRun *run, const GsBody *b, guint i, const GsCase *c,
          GsTime put)
{
  const GsMember *m = &b->members[i];
  if (put < m->from || put >= m->until)
    return FALSE; /* vacant: not a member that day */
  return run->scenario->conflict_start == NULL || declare_only (run, b, put)
         || !gs__scenario_conflicted (run->scenario, m->person, c->matter,
                                      c->affects, c->n_affects);
}

/* The members of @b entitled to return the resolution on @c. */
static guint
entitled_members (const GsRun *run, const GsBody *b, const GsCase *c,
                  GsTime put)
{
  guint n = 0;
  for (guint i = 0; i < b->n_members; i++)
    n += entitled (run, b, i, c, put);
  return n;
}

/* The members in favour a written resolution of @b needs when @n are
 * entitled to return it: never fewer than one, so a resolution nobody may
 * return cannot pass. */
static guint
needed (const GsBody *b, guint n)
{
  if (b->urgent_unanimous)
    return MAX (n, 1);
  /* More than num/den of the members. */
  return (guint)((guint64)n * b->urgent_num / b->urgent_den) + 1;
}

typedef struct
{
  gboolean passed;
  guint day; /* days after circulation it was decided */
  guint votes_for;
  guint against;
  guint members; /* entitled to return it */
  guint needed;
} Written;

/* The day a member returns the resolution circulated at @put: the first
 * of days 0 .. @days they are not away, or @days + 1 (never). */
static guint
return_day (const GsRun *run, guint person, GsTime put, guint days)
{
  for (guint d = 0; d <= days; d++)
    if (gs__person_available (run, person,
                              put + (GsTime)d * GS_MINUTES_PER_DAY))
      return d;
  return days + 1;
}

static Written
work_written (const GsRun *run, guint32 bi, guint32 ci, GsTime put)
{
  const GsBody *b = GS_BODY (run->scenario, bi);
  const GsCase *c = GS_RUN_CASE (run, ci);
  guint members = entitled_members (run, b, c, put);
  guint need = needed (b, members);
  Written w = { .day = b->urgent_days, .members = members, .needed = need };
  guint64 key = ballot_key (run, c, bi, put);
  for (guint d = 0; d <= b->urgent_days; d++)
    {
      guint f = 0, a = 0;
      for (guint i = 0; i < b->n_members; i++)
        {
          guint person = b->members[i].person;
          if (!entitled (run, b, i, c, put)
              || return_day (run, person, put, b->urgent_days) > d)
            continue;
          if (ballot_for (run, key, person, c))
            f++;
          else
            a++;
        }
      w.votes_for = f;
      w.against = a;
      w.day = d;
      if (f >= need)
        {
          w.passed = TRUE;
          return w;
        }
      if (members - a < need)
        return w; /* out of reach */
    }
  return w;
}

/* An urgent item at a deciding gateway of a body with no urgent route (an
 * officer decides at every sign-off anyway): the trace says why it waits
 * for the meeting. */
static void
no_route (GsRun *run, const GsSlot *slot, GsTime now)
{
  if (!gs__run_building (run, GS_REC_URGENT))
    return;
  GsRecord r = gs__record (now, GS_REC_URGENT, slot->body, slot->item);
  r.urgent = (GsRecUrgent){ .outcome = GS_URGENT_NO_ROUTE, .conflicted = -1 };
  r.when = gs__meeting_for (run, slot->body, now); /* only for words */
  gs__run_emit (run, &r, NULL, 0);
}

gboolean
gs__urgent_route (GsRun *run, guint32 si, GsTime now)
{
  const GsSlot *slot = GS_RUN_SLOT (run, si);
  const GsBody *b = slot_body (run, slot);
  if (!case_urgent (run, GS_RUN_CASE (run, slot->item))
      || gs__slot_gateway (run, slot)->recommend)
    return FALSE;
  if (b->urgent == GS_URGENT_NONE)
    {
      if (b->kind != GS_BODY_OFFICER)
        no_route (run, slot, now);
      return FALSE;
    }
  GsTime t = now;
  if (b->urgent == GS_URGENT_WRITTEN)
    t = now
        + (GsTime)work_written (run, slot->body, slot->item, now).day
              * GS_MINUTES_PER_DAY;
  gs__run_schedule (run, t, GS_EV_URGENT, si, slot->epoch);
  return TRUE;
}

/* Whether @person has declared a conflict of interest on case @c. */
static gboolean
conflicted (const GsRun *run, guint person, const GsCase *c)
{
  return run->scenario->conflict_start != NULL
         && gs__scenario_conflicted (run->scenario, person, c->matter,
                                     c->affects, c->n_affects);
}

/* Who acts with the chair of @b on case @c at @now: a member other than
 * the chair who is a chief executive, available and not conflicted on the
 * case (the terms of reference name the post, not the person, so any such
 * member will do).  Returns GS_URGENT_TAKEN with *@who set, or why nobody
 * can: GS_URGENT_CONFLICTED (*@who the first available chief executive,
 * whose conflict stops them) or GS_URGENT_AWAY. */
static GsUrgentOutcome
chief_executive (const GsRun *run, const GsBody *b, const GsCase *c, GsTime now,
                 guint *who)
{
  GsUrgentOutcome why = GS_URGENT_AWAY;
  for (guint i = 0; i < b->n_members; i++)
    {
      guint person = b->members[i].person;
      guint n;
      const GsPost *posts = gs__person_posts (run->scenario, person, &n);
      gboolean ce = FALSE;
      for (guint k = 0; k < n; k++)
        ce |= posts[k].role == GS_ROLE_CHIEF_EXECUTIVE;
      if (!ce || (int)i == b->chair || !gs__person_available (run, person, now))
        continue;
      if (!conflicted (run, person, c))
        {
          *who = person;
          return GS_URGENT_TAKEN;
        }
      if (why != GS_URGENT_CONFLICTED)
        *who = person;
      why = GS_URGENT_CONFLICTED;
    }
  return why;
}

/* Chair's action on case @ci at body @bi.  A chair (or the chief
 * executive who must act with them) with a declared conflict on the item
 * does not act, whatever the terms of reference say of conflicts at a
 * meeting: one or two people deciding alone cannot withdraw from their
 * own decision, and the schema has no other member to act instead; the
 * item is left to the next meeting, which excludes them as usual.
 * *@who is then the conflicted person. */
static GsUrgentOutcome
chair_action (const GsRun *run, guint32 bi, guint32 ci, GsTime now, guint *who)
{
  const GsBody *b = GS_BODY (run->scenario, bi);
  const GsCase *c = GS_RUN_CASE (run, ci);
  if (c->value > b->urgent_limit)
    return GS_URGENT_OVER_LIMIT;
  guint chair = b->members[b->chair].person;
  guint ce = chair;
  if (conflicted (run, chair, c))
    {
      *who = chair;
      return GS_URGENT_CONFLICTED;
    }
  if (!gs__person_available (run, chair, now))
    return GS_URGENT_AWAY;
  if (b->urgent_with_ce)
    {
      GsUrgentOutcome with = chief_executive (run, b, c, now, &ce);
      if (with != GS_URGENT_TAKEN)
        {
          *who = ce;
          return with;
        }
    }
  guint64 key = ballot_key (run, c, bi, now);
  if (!ballot_for (run, key, chair, c)
      || (b->urgent_with_ce && !ballot_for (run, key, ce, c)))
    return GS_URGENT_DECLINED;
  return GS_URGENT_TAKEN;
}

/* The members of @b conflicted on case @ci, into run->people: recorded
 * and counted as a meeting records them, and, where the terms of
 * reference only ask for a declaration and they returned the resolution,
 * a breach as at a meeting. */
static void
written_conflicts (GsRun *run, guint32 bi, guint32 ci, GsTime put, GsTime now,
                   guint days)
{
  const GsScenario *s = run->scenario;
  const GsBody *b = GS_BODY (s, bi);
  const GsCase *c = GS_RUN_CASE (run, ci);
  if (s->conflict_start == NULL)
    return;
  guint n = 0, voted = 0;
  for (guint i = 0; i < b->n_members; i++)
    {
      const GsMember *m = &b->members[i];
      if (put >= m->from && put < m->until
          && gs__scenario_conflicted (s, m->person, c->matter, c->affects,
                                      c->n_affects))
        run->people[n++] = m->person;
    }
  if (n == 0)
    return;
  gboolean declare = declare_only (run, b, put);
  run->bodies[bi].n.conflicts += n;
  GsRecord r = gs__record (now, GS_REC_CONFLICT, bi, ci);
  r.conflict.declare_only = declare;
  gs__run_emit (run, &r, run->people, n);
  if (!declare)
    return;
  /* Those who returned it by the day it was decided voted on it. */
  for (guint i = 0; i < n; i++)
    if (return_day (run, run->people[i], put, b->urgent_days) <= days)
      run->people[voted++] = run->people[i];
  if (voted > 0)
    gs__meeting_breach_conflicted (run, now, bi, ci, run->people, voted);
}

void
gs__urgent_decide (GsRun *run, guint32 si, guint32 epoch, GsTime now)
{
  GsSlot *slot = GS_RUN_SLOT (run, si);
  if (slot->epoch != epoch || slot->state != GS_SLOT_QUEUED)
    return;
  guint32 bi = slot->body, ci = slot->item;
  const GsBody *b = GS_BODY (run->scenario, bi);
  GsRecUrgent u
      = { .written = b->urgent == GS_URGENT_WRITTEN, .conflicted = -1 };
  if (u.written)
    {
      Written w = work_written (run, bi, ci, slot->since);
      written_conflicts (run, bi, ci, slot->since, now, w.day);
      u.outcome = w.passed ? GS_URGENT_TAKEN : GS_URGENT_NOT_REACHED;
      u.votes_for = (gint32)w.votes_for;
      u.against = (gint32)w.against;
      u.members = (gint32)w.members;
      u.needed = (gint32)w.needed;
      u.days = (gint32)w.day;
    }
  else
    {
      guint who = 0;
      u.outcome = chair_action (run, bi, ci, now, &who);
      if (u.outcome == GS_URGENT_CONFLICTED)
        u.conflicted = (gint32)who;
    }
  if (gs__run_building (run, GS_REC_URGENT))
    {
      GsRecord r = gs__record (now, GS_REC_URGENT, bi, ci);
      r.urgent = u;
      r.when = gs__meeting_for (run, bi, now); /* only for words */
      gs__run_emit (run, &r, NULL, 0);
    }
  if (u.outcome == GS_URGENT_TAKEN)
    {
      /* Binds like a meeting's approval, and is judged like one. */
      gs__meeting_check_award (run, bi, ci, now);
      gs__slot_settle (run, si, GS_SLOT_APPROVED, now, bi);
    }
  else
    gs__slot_push_ticket (run, bi, si, now);
}

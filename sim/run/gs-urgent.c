/* gs-urgent.c — urgent proposals decided between meetings.
 *
 * A proposal or stream marked urgent="true" that reaches a body whose
 * terms of reference have an <urgent> clause is not put on the agenda at
 * once.  Under chair's action the chair (with a chief executive, when the
 * ToR say so) decides it on the day it arrives, if it is worth no more
 * than the financial limit and they are not away; each of them acts on a
 * keyed draw of their support, like a ballot.  Under a written resolution
 * it is circulated to every member on the day it arrives; a member returns
 * it on the first day of the window they are not away, for or against on
 * a keyed draw, and it passes on the first day the members in favour
 * reach the threshold (every member, or more than a share of all
 * members).  Anything the route does not decide — over the limit, the
 * chair away or unwilling, the threshold out of reach or not reached by
 * the last day — goes on the agenda of the next meeting as usual.
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

/* TRUE with probability @p on a keyed draw of @person's ballot between
 * meetings on case @ci at body @bi, put at @put; exact at 0 and 1. */
static gboolean
ballot_for (const GsRun *run, guint person, guint32 ci, guint32 bi, GsTime put)
{
  const GsCase *c = GS_RUN_CASE (run, ci);
  double p = gs__person_support (run, person, c);
  if (p <= 0.0)
    return FALSE;
  if (p >= 1.0)
    return TRUE;
  return gs_draw_bernoulli (&run->draws, GS_DRAW_URGENT, person,
                            gs__case_key (c), bi, (guint64)put, p);
}

/* The members in favour a written resolution of @b needs. */
static guint
needed (const GsBody *b)
{
  if (b->urgent_unanimous)
    return b->n_members;
  /* More than num/den of all members. */
  return (guint)((guint64)b->n_members * b->urgent_num / b->urgent_den) + 1;
}

typedef struct
{
  gboolean passed;
  guint day; /* days after circulation it was decided */
  guint votes_for;
  guint against;
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
  guint need = needed (b);
  Written w = { .day = b->urgent_days };
  for (guint d = 0; d <= b->urgent_days; d++)
    {
      guint f = 0, a = 0;
      for (guint i = 0; i < b->n_members; i++)
        {
          guint person = b->members[i].person;
          if (return_day (run, person, put, b->urgent_days) > d)
            continue;
          if (ballot_for (run, person, ci, bi, put))
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
      if (b->n_members - a < need)
        return w; /* out of reach */
    }
  return w;
}

gboolean
gs__urgent_route (GsRun *run, guint32 si, GsTime now)
{
  const GsSlot *slot = GS_RUN_SLOT (run, si);
  const GsBody *b = slot_body (run, slot);
  if (b->urgent == GS_URGENT_NONE
      || !case_urgent (run, GS_RUN_CASE (run, slot->item))
      || gs__slot_gateway (run, slot)->recommend)
    return FALSE;
  GsTime t = now;
  if (b->urgent == GS_URGENT_WRITTEN)
    t = now
        + (GsTime)work_written (run, slot->body, slot->item, now).day
              * GS_MINUTES_PER_DAY;
  gs__run_schedule (run, t, GS_EV_URGENT, si, slot->epoch);
  return TRUE;
}

/* Whether a member of @b who is a chief executive is available at @now;
 * sets *@who to the first such member. */
static gboolean
chief_executive (const GsRun *run, const GsBody *b, GsTime now, guint *who)
{
  gboolean any = FALSE;
  for (guint i = 0; i < b->n_members; i++)
    {
      guint person = b->members[i].person;
      guint n;
      const GsPost *posts = gs__person_posts (run->scenario, person, &n);
      for (guint k = 0; k < n; k++)
        if (posts[k].role == GS_ROLE_CHIEF_EXECUTIVE && (int)i != b->chair)
          {
            if (!any)
              *who = person;
            any = TRUE;
            if (gs__person_available (run, person, now))
              {
                *who = person;
                return TRUE;
              }
          }
    }
  return FALSE;
}

static GsUrgentOutcome
chair_action (const GsRun *run, guint32 bi, guint32 ci, GsTime now)
{
  const GsBody *b = GS_BODY (run->scenario, bi);
  const GsCase *c = GS_RUN_CASE (run, ci);
  if (c->value > b->urgent_limit)
    return GS_URGENT_OVER_LIMIT;
  guint chair = b->members[b->chair].person;
  guint ce = chair;
  if (!gs__person_available (run, chair, now)
      || (b->urgent_with_ce && !chief_executive (run, b, now, &ce)))
    return GS_URGENT_AWAY;
  if (!ballot_for (run, chair, ci, bi, now)
      || (b->urgent_with_ce && !ballot_for (run, ce, ci, bi, now)))
    return GS_URGENT_DECLINED;
  return GS_URGENT_TAKEN;
}

void
gs__urgent_decide (GsRun *run, guint32 si, guint32 epoch, GsTime now)
{
  GsSlot *slot = GS_RUN_SLOT (run, si);
  if (slot->epoch != epoch || slot->state != GS_SLOT_QUEUED)
    return;
  guint32 bi = slot->body, ci = slot->item;
  const GsBody *b = GS_BODY (run->scenario, bi);
  GsRecUrgent u = { .written = b->urgent == GS_URGENT_WRITTEN };
  if (u.written)
    {
      Written w = work_written (run, bi, ci, slot->since);
      u.outcome = w.passed ? GS_URGENT_TAKEN : GS_URGENT_NOT_REACHED;
      u.votes_for = (gint32)w.votes_for;
      u.against = (gint32)w.against;
      u.members = (gint32)b->n_members;
      u.needed = (gint32)needed (b);
      u.days = (gint32)w.day;
    }
  else
    u.outcome = chair_action (run, bi, ci, now);
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

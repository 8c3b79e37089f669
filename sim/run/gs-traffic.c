/* gs-traffic.c — the proposals a run decides: fixed ones and generated
 * streams, their deadlines, and where each sits when it falls due or the
 * period ends.
 *
 * Fixed proposals become cases at the start, in document order, and arrive
 * on their date.  A stream makes its k-th case when its k-th arrival
 * falls due and schedules the next: at first + k × every, or, for a
 * Poisson stream, after an exponential wait.  A generated case's value (a
 * uniform, or a lognormal through gs_draw_normal()) and the wait after it
 * are keyed draws of (stream, serial), so every variant of a scenario's
 * terms of reference sees exactly the same traffic.
 */
#include "run/gs-run-private.h"

#include <math.h>

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

gint64
gs__traffic_value (double x)
{
  return (gint64)llround (CLAMP (x, 0.0, (double)GS_VALUE_MAX));
}

static gint64
draw_value (const GsRun *run, const GsValueDist *v, guint32 stream,
            guint32 serial)
{
  const GsDraws *d = &run->draws;
  double x;
  switch (v->kind)
    {
      case GS_VALUE_UNIFORM:
        x = v->a
            + (v->b - v->a)
                  * gs_draw_uniform (d, GS_DRAW_VALUE, stream, serial, 0, 0);
        break;
      case GS_VALUE_LOGNORMAL:
        x = exp (
            v->a
            + v->b * gs_draw_normal (d, GS_DRAW_VALUE, stream, serial, 0, 0));
        break;
      case GS_VALUE_FIXED:
      default:
        return run->stream_value[stream]; /* gs__traffic_value (v->a) */
    }
  return gs__traffic_value (x);
}

/* Lays out room for the gateways and slots of case @ci, just written in
 * place at @c, every one written in place: this runs for every case of
 * every replication. */
static void
lay_out (GsRun *run, GsCase *c, guint32 ci)
{
  const GsPathway *pw = GS_PATHWAY (run->scenario, c->pathway);
  c->gates = run->gates->len;
  c->slots = run->slots->len;
  GsGate *gate = gs__array_extend (run->gates, &run->gates_mark,
                                   sizeof (GsGate), pw->n_gateways);
  for (guint g = 0; g < pw->n_gateways; g++)
    gate[g] = (GsGate){ .opened = 0, .closed = 0, .state = GS_GATE_CLOSED };
  /* The gateway slots, then each one's referral slots (gs-referral.c). */
  guint width = run->scenario->referral_width;
  GsSlot *slot = gs__array_extend (run->slots, &run->slots_mark,
                                   sizeof (GsSlot), pw->n_slots * (1 + width));
  gs__array_extend (run->slot_disputes, &run->slot_disputes_mark,
                    sizeof (GsSlotDispute), pw->n_slots * (1 + width));
  for (guint g = 0; g < pw->n_gateways; g++)
    for (guint k = 0; k < pw->gateways[g].n_bodies; k++)
      *slot++ = (GsSlot){ .item = ci,
                          .body = pw->gateways[g].bodies[k],
                          .gate = g,
                          .state = GS_SLOT_IDLE,
                          .settled = GS_TIME_NEVER };
  for (guint k = 0; k < pw->n_slots * width; k++)
    *slot++ = (GsSlot){ .item = ci,
                        .body = pw->gateways[0].bodies[0],
                        .state = GS_SLOT_IDLE,
                        .settled = GS_TIME_NEVER };
}

/* Whether the cases of stream @a may take the plain way in (enter_plain()):
 * its pathway is an implicit one of one gateway and one body, there are no
 * referral slots, its cases are not urgent, and no escalation ahead of a
 * deadline is to be scheduled.  For such a case the general way (lay_out(),
 * gs__traffic_arrive(), gs__pathway_advance(), queue_slot()) writes the
 * gateway open and the slot queued, counts the arrival's record, schedules
 * the deadline and pushes the slot's ticket, and nothing else (when nobody
 * sees the arrival's record and the value is in the gateway's range, which
 * gs__traffic_generate() checks case by case). */
static gboolean
stream_plain (const GsScenario *s, const GsArrivals *a)
{
  if (a->pathway < 0 || a->urgent || s->referral_width != 0)
    return FALSE;
  const GsPathway *pw = GS_PATHWAY (s, a->pathway);
  if (!pw->implicit || pw->n_gateways != 1 || pw->n_slots != 1
      || pw->gateways[0].n_bodies != 1)
    return FALSE;
  const GsGateway *gw = &pw->gateways[0];
  const GsEscalation *esc = &GS_BODY (s, gw->bodies[0])->escalation;
  return !(a->has_deadline && (esc->triggers & GS_TRIGGER_DEADLINE)
           && esc->ladder >= 0 && !gw->recommend);
}

/* The plain way in for case @ci, just written at @c, of a stream that
 * stream_plain() allows, arriving at @now at body @bi: what the general way
 * comes to, written once.  The gateway is laid out open and the slot
 * queued, its epoch bumped once as queue_slot() bumps a new slot's. */
static void
enter_plain (GsRun *run, GsCase *c, guint32 ci, guint32 bi, GsTime now)
{
  guint32 si = run->slots->len;
  c->gates = run->gates->len;
  c->slots = si;
  *(GsGate *)gs__array_extend (run->gates, &run->gates_mark, sizeof (GsGate), 1)
      = (GsGate){ .opened = now,
                  .closed = GS_TIME_NEVER,
                  .state = GS_GATE_OPEN };
  *(GsSlot *)gs__array_extend (run->slots, &run->slots_mark, sizeof (GsSlot), 1)
      = (GsSlot){ .item = ci,
                  .body = bi,
                  .gate = 0,
                  .epoch = 1,
                  .state = GS_SLOT_QUEUED,
                  .since = now,
                  .settled = GS_TIME_NEVER };
  /* Its dispute part, at the same index, unwritten until a dispute. */
  gs__array_extend (run->slot_disputes, &run->slot_disputes_mark,
                    sizeof (GsSlotDispute), 1);
  if (c->due != GS_TIME_NEVER)
    gs__run_schedule (run, c->due, GS_EV_DUE, ci, 0);
  run->counters.records++; /* the arrival's, which nobody sees */
  gs__slot_push_ticket (run, bi, si, now);
}

/* Room for the next case, to be written in full by the caller. */
static GsCase *
case_extend (GsRun *run, guint32 *ci)
{
  *ci = run->cases->len;
  gs__run_mark_waiting (run, *ci); /* every case starts waiting */
  return gs__array_extend (run->cases, &run->cases_mark, sizeof (GsCase), 1);
}

void
gs__traffic_start (GsRun *run)
{
  const GsScenario *s = run->scenario;
  for (guint i = 0; i < s->proposals->len; i++)
    {
      const GsProposal *p = GS_PROPOSAL (s, i);
      guint32 ci;
      GsCase *c = case_extend (run, &ci);
      *c = (GsCase){
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
        .decided = GS_TIME_NEVER,
        .state = GS_CASE_WAITING,
      };
      lay_out (run, c, ci);
      gs__run_schedule (run, p->arrives, GS_EV_ARRIVE, ci, 0);
    }
  run->plain_streams = 0;
  for (guint i = 0; i < s->arrivals->len; i++)
    {
      if (i < 64 && !run->general_only && stream_plain (s, GS_ARRIVALS (s, i)))
        run->plain_streams |= G_GUINT64_CONSTANT (1) << i;
      gs__run_schedule (run, GS_ARRIVALS (s, i)->first, GS_EV_GENERATE, i, 0);
    }
}

void
gs__traffic_arrive (GsRun *run, guint32 ci, GsTime now)
{
  const GsCase *c = GS_RUN_CASE (run, ci);
  const GsPathway *pw = GS_PATHWAY (run->scenario, c->pathway);
  if (c->due != GS_TIME_NEVER)
    gs__run_schedule (run, c->due, GS_EV_DUE, ci, 0);
  if (gs__run_building (run, GS_REC_ARRIVED))
    {
      guint32 body = pw->implicit ? pw->gateways[0].bodies[0] : GS_NONE;
      GsRecord r = gs__record (now, GS_REC_ARRIVED, body, ci);
      r.arrived.pathway = (gint32)c->pathway;
      if (body != GS_NONE) /* a search of the calendar: only for words */
        r.when = gs__meeting_for (run, body, now);
      gs__run_emit (run, &r, NULL, 0);
    }
  gs__pathway_advance (run, ci, now, GS_NONE);
}

/* log (1 − u) for the wait after case @serial of Poisson stream @ai, u
 * the keyed uniform of (@ai, @serial): from the stream's logs drawn ahead,
 * drawing the next GS_WAITS_AHEAD when they are spent (1 − u lies in
 * (0, 1], so each is finite).  The same numbers, in the same arithmetic,
 * as drawing each when it is wanted. */
static inline double
wait_log (GsRun *run, guint32 ai, guint32 serial)
{
  GsWaitsAhead *w = &run->waits_ahead[ai];
  if (G_UNLIKELY (serial - w->from >= w->n))
    {
      w->from = serial;
      w->n = GS_WAITS_AHEAD;
      for (guint j = 0; j < GS_WAITS_AHEAD; j++)
        w->logs[j] = log (
            1.0
            - gs_draw_uniform (&run->draws, GS_DRAW_GAP, ai, serial + j, 0, 0));
    }
  return w->logs[serial - w->from];
}

void
gs__traffic_generate (GsRun *run, guint32 ai, guint32 k, GsTime now)
{
  const GsArrivals *a = GS_ARRIVALS (run->scenario, ai);
  gint64 value = draw_value (run, &a->value, ai, k + 1);
  int pw = a->pathway >= 0
               ? a->pathway
               : gs__scenario_select_pathway (run->scenario, a->matter, value);
  g_assert (pw >= 0); /* the loader checked the stream's values are covered */
  GsTime due = a->has_deadline ? end_of_day (gs__time_add_cached (
                   &run->stream_due[ai], now, &a->deadline, 1))
                               : GS_TIME_NEVER;
  guint32 ci;
  GsCase *c = case_extend (run, &ci);
  /* Field by field: a compound literal zeroes the whole case first, which
   * GCC does with `rep stos`, a slow start for 112 bytes on every case.
   * Every field but the offsets lay_out() or enter_plain() writes; a new
   * field changes the size, and the assertion asks for it here. */
  G_STATIC_ASSERT (sizeof (GsCase) == 112 || GLIB_SIZEOF_VOID_P != 8);
  c->state = GS_CASE_WAITING;
  c->pathway = (guint32)pw;
  c->decisions = 0;
  c->decided = GS_TIME_NEVER;
  c->carried = 0;
  c->proposal = GS_NONE;
  c->arrivals = ai;
  c->serial = k + 1;
  c->matter = a->matter;
  c->lead = a->lead;
  c->n_affects = a->n_affects;
  c->affects = a->affects;
  c->value = value;
  c->arrives = now;
  c->due = due;
  c->missed = FALSE;
  c->returns = 0;
  c->disputes = 0;
  c->climbed = 0;
  c->breaches = 0;
  const GsGateway *gw = &GS_PATHWAY (run->scenario, pw)->gateways[0];
  if (ai < 64 && (run->plain_streams & (G_GUINT64_CONSTANT (1) << ai)) != 0
      && !gs__run_wants (run, GS_REC_ARRIVED)
      && gs__value_in (&gw->applies, value))
    enter_plain (run, c, ci, gw->bodies[0], now);
  else
    {
      lay_out (run, c, ci);
      gs__traffic_arrive (run, ci, now);
    }

  if (k + 1 >= a->count)
    return;
  GsTime next;
  if (a->poisson)
    {
      /* Mean interval: the calendar length of `every` from this arrival;
       * the wait by inversion of a keyed uniform (1 − u lies in (0, 1]). */
      double mean = (double)(gs__time_add_cached (&run->stream_every[ai], now,
                                                  &a->every, 1)
                             - now);
      double gap = -mean * wait_log (run, ai, k + 1);
      /* MAX (1, ceil (gap)) without the call: gap is finite and at least
       * −0, so the conversion truncates it to its floor, exactly. */
      GsTime wait = (GsTime)gap;
      wait += (double)wait < gap;
      next = now + MAX (wait, 1);
    }
  else
    next = gs_time_add (a->first, &a->every, k + 1);
  gs__run_schedule (run, next, GS_EV_GENERATE, ai, k + 1);
}

/* Where a waiting case sits: its first outstanding slot. */
static const GsSlot *
where (const GsRun *run, const GsCase *c)
{
  guint n = GS_PATHWAY (run->scenario, c->pathway)->n_slots;
  for (guint i = 0; i < n; i++)
    if (gs__slot_outstanding (GS_RUN_SLOT (run, c->slots + i)))
      return GS_RUN_SLOT (run, c->slots + i);
  return NULL;
}

void
gs__traffic_record_where (GsRun *run, GsTime now, GsRecordKind kind, guint32 ci)
{
  if (!gs__run_building (run, kind))
    return;
  const GsCase *c = GS_RUN_CASE (run, ci);
  const GsSlot *slot = where (run, c);
  gboolean dispute = slot != NULL && slot->state == GS_SLOT_DISPUTE;
  GsRecord r = gs__record (now, kind,
                           slot == NULL ? GS_NONE
                           : dispute    ? gs__dispute_level_body (run, slot)
                                        : slot->body,
                           ci);
  if (slot == NULL)
    r.where.gateway = -1; /* not reachable while gs_run_check() holds */
  else
    {
      r.where.gateway = (gint32)slot->gate;
      r.where.days = (gint32)floor (
          gs_time_days_between (GS_RUN_GATE (run, c, slot->gate)->opened, now));
      r.where.level
          = dispute ? (gint32)gs__slot_dispute (run, slot)->climbed : 0;
    }
  gs__run_emit (run, &r, NULL, 0);
}

void
gs__traffic_fall_due (GsRun *run, guint32 ci, GsTime now)
{
  GsCase *c = GS_RUN_CASE (run, ci);
  if (c->state != GS_CASE_WAITING)
    return;
  c->missed = TRUE;
  gs__traffic_record_where (run, now, GS_REC_DEADLINE_MISSED, ci);
}

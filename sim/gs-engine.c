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

static void
decide (GsRun *run, guint32 bi, guint32 ci, GsTime now)
{
  const GsScenario *s = run->scenario;
  const GsBody *b = GS_BODY (s, bi);
  GsCase *c = &g_array_index (run->cases, GsCase, ci);
  gint32 votes_for = 0, votes_against = 0;
  for (guint i = 0; i < b->n_members; i++)
    {
      guint p = b->members[i];
      if (!run->present[p])
        continue;
      double support = s->support[(gsize)p * s->matters->len + c->matter];
      if (gs_rng_bernoulli (&run->rng, support))
        votes_for++;
      else
        votes_against++;
    }
  GsRecordKind kind;
  /* Simple majority of votes cast: more for than against; a tie fails. */
  if (votes_for > votes_against)
    {
      c->state = GS_CASE_APPROVED;
      kind = GS_REC_APPROVED;
    }
  else
    {
      c->state = GS_CASE_REJECTED;
      kind = votes_for == votes_against ? GS_REC_TIED : GS_REC_REJECTED;
      if (kind == GS_REC_TIED)
        run->bodies[bi].ties++;
    }
  c->decided = now;
  GsRecord *r = add_record (run, now, kind, bi, ci);
  if (r)
    {
      r->a = votes_for;
      r->b = votes_against;
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

  guint present = 0;
  for (guint i = 0; i < b->n_members; i++)
    {
      guint p = b->members[i];
      run->present[p]
          = gs_rng_bernoulli (&run->rng, GS_PERSON (s, p)->attendance);
      present += run->present[p] ? 1 : 0;
    }
  bs->meetings++;

  if (present < b->quorum)
    {
      bs->inquorate++;
      GsRecord *r = add_record (run, now, GS_REC_INQUORATE, bi, GS_NONE);
      if (r)
        {
          r->a = (gint32)present;
          r->b = (gint32)b->n_members;
          r->c = (gint32)b->quorum;
          r->people = run->people->len;
          for (guint i = 0; i < b->n_members; i++)
            if (!run->present[b->members[i]])
              g_array_append_val (run->people, b->members[i]);
          r->n_people = run->people->len - r->people;
        }
      for (guint i = 0; i < eligible; i++)
        carry (run, bi, g_array_index (bs->agenda, guint32, i), now, next,
               GS_CARRY_INQUORATE);
    }
  else
    {
      guint n = MIN (eligible, b->calendar.capacity);
      GsRecord *r = add_record (run, now, GS_REC_MEETING, bi, GS_NONE);
      if (r)
        {
          r->a = (gint32)present;
          r->b = (gint32)b->n_members;
          r->c = (gint32)b->quorum;
          r->d = (gint32)n;
        }
      for (guint i = 0; i < n; i++)
        decide (run, bi, g_array_index (bs->agenda, guint32, i), now);
      for (guint i = n; i < eligible; i++)
        carry (run, bi, g_array_index (bs->agenda, guint32, i), now, next,
               GS_CARRY_CAPACITY);
      g_array_remove_range (bs->agenda, 0, n);
    }
  for (guint i = 0; i < b->n_members; i++)
    run->present[b->members[i]] = FALSE;
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
  for (guint i = 0; i < s->bodies->len; i++)
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
  run->people = g_array_new (FALSE, FALSE, sizeof (guint32));
  run->present = g_new0 (gboolean, MAX (scenario->people->len, 1));
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
  g_free (run->present);
  g_array_unref (run->people);
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
gs_run_record_people (const GsRun *run, const GsRecord *record)
{
  if (record->n_people == 0)
    return NULL;
  return &g_array_index (run->people, guint32, record->people);
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

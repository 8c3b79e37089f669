/* gs-run.c — a run's lifecycle and its event loop.
 *
 * The loop pops events in (time, priority, insertion) order and stops at the
 * first event at or after the scenario's end:
 *
 *   DUE        a case falls due; priority 0, so a deadline at midnight is
 *              judged before anything else that day can decide the case
 *              (the due instant is already the end of the deadline day);
 *   ARRIVE     a fixed proposal arrives; GENERATE makes the next case of an
 *              arrival stream and schedules the one after it; priority 1,
 *              so a proposal that arrives on a meeting day is on that day's
 *              agenda when the notice period allows it;
 *   MEET       a body's k-th meeting; priority 2.  Meeting k+1 is scheduled
 *              when meeting k is held, always as first + (k+1) × every, so
 *              monthly calendars do not drift;
 *   NEAR_DUE   a queued item's deadline is about to be missed, and
 *   LEVEL_END  an escalation level's time limit ends; priority 3, after the
 *              day's meetings, so a meeting on the last day counts.
 *
 * Events scheduled while an event runs are ordered by the same rule, so an
 * event may schedule another for the same instant and it runs in this
 * pass, after every event already queued at that instant and priority.
 *
 * Every random number comes from the run's keyed draws (gs-draw.h), so a
 * run is a pure function of (scenario, seed, replication) and two variants
 * of a scenario share every draw their differences do not touch.  Apart
 * from growing the case, slot, record and agenda arrays the first time a
 * run reaches a size, the loop does not allocate and does no string work:
 * the writers turn records into words.
 */
#include "run/gs-run-private.h"

#include <string.h>

static const gint32 ev_priority[] = {
  [GS_EV_DUE] = 0,    [GS_EV_ARRIVE] = 1,   [GS_EV_GENERATE] = 1,
  [GS_EV_MEET] = 2,   [GS_EV_NEAR_DUE] = 3, [GS_EV_LEVEL_END] = 3,
  [GS_EV_URGENT] = 3,
};

GQuark
gs_run_error_quark (void)
{
  return g_quark_from_static_string ("gs-run-error-quark");
}

void
gs__run_schedule (GsRun *run, GsTime t, guint32 kind, guint32 subject,
                  guint32 aux)
{
  if (t >= run->scenario->end)
    return; /* never reached: keeps the queue small */
  GsEvent ev = { .time = t,
                 .priority = ev_priority[kind],
                 .kind = kind,
                 .subject = subject,
                 .aux = aux };
  if (run->top_pending)
    {
      /* The first event scheduled while an event is processed takes that
       * event's place at the top of the queue (run_loop()). */
      run->top_pending = FALSE;
      gs_queue_replace_top (run->queue, &ev);
    }
  else
    gs_queue_push (run->queue, &ev);
}

/* Keeps the first breaches with their lists, for the summary.  The list
 * of an example is kept beside it, not in run->refs: its record's offset
 * is GS_NONE. */
static void
keep_example (GsRun *run, const GsRecord *r, const guint32 *refs, guint n)
{
  GsRunCounters *k = &run->counters;
  if (k->n_examples >= GS_BREACH_EXAMPLES_MAX)
    return;
  guint i = k->n_examples++;
  n = MIN (n, GS_AUTHORITY_MAX_LINKS);
  run->examples[i] = *r;
  run->examples[i].refs = GS_NONE;
  run->examples[i].n_refs = n;
  if (n > 0)
    memcpy (run->example_refs[i], refs, n * sizeof *refs);
}

/* The maker of a record fills in its header, its named fields and
 * n_refs2; the length of its list and where the run keeps the list are
 * filled in here, before anyone sees it, so that the callback is handed
 * the same complete record the run keeps (a writer reads r->n_refs to know
 * where the second list begins).  The list goes into run->refs before the
 * callback, so gs_run_record_refs() also works during the call; without
 * records the offset is GS_NONE and the list is only the callback's
 * @refs. */
void
gs__run_emit (GsRun *run, const GsRecord *record, const guint32 *refs,
              guint n_refs)
{
  GsRecord r = *record;
  r.n_refs = n_refs;
  r.refs = run->keep_records ? run->refs->len : GS_NONE;
  run->counters.records++;
  if (gs_record_kind_is_breach (r.kind))
    keep_example (run, &r, refs, n_refs);
  if (run->keep_records && n_refs + r.n_refs2 > 0)
    g_array_append_vals (run->refs, refs, n_refs + r.n_refs2);
  if (run->record_func != NULL
      && (run->record_kinds & (G_GUINT64_CONSTANT (1) << r.kind)) != 0)
    run->record_func (run, &r, refs, n_refs, run->record_data);
  if (run->keep_records)
    g_array_append_val (run->records, r);
}

/* Initial events, in document order: fixed proposals, arrival streams,
 * then each body's first meeting (constituents of committees in common
 * meet only with their group). */
static void
start (GsRun *run)
{
  const GsScenario *s = run->scenario;
  gs__traffic_start (run);
  for (guint i = 0; i < s->bodies->len; i++)
    if (GS_BODY (s, i)->group < 0)
      gs__run_schedule (run, GS_BODY (s, i)->calendar.first, GS_EV_MEET, i, 0);
}

/* The run's work budget, checked after every event (an event adds at
 * most one case and a bounded number of records): FALSE with @error set
 * naming the first cap passed. */
static gboolean
within_budget (const GsRun *run, GError **error)
{
  const char *what = NULL, *how = NULL;
  guint64 cap = 0;
  if (run->events > run->max_events)
    {
      what = "events", cap = run->max_events;
      how = "GS_LIMIT_EVENTS_MAX; raise it with --max-events";
    }
  else if (run->cases->len > GS_LIMIT_CASES_MAX)
    {
      what = "cases", cap = GS_LIMIT_CASES_MAX;
      how = "GS_LIMIT_CASES_MAX";
    }
  else if (run->slots->len > GS_RUN_SLOTS_MAX)
    {
      what = "gateway places for its cases", cap = GS_RUN_SLOTS_MAX;
      how = "GS_RUN_SLOTS_MAX";
    }
  else if (run->records->len > run->max_records)
    {
      what = "records", cap = run->max_records;
      how = "GS_LIMIT_RECORDS_DEFAULT; raise it with --max-records, or run "
            "it without records";
    }
  else if (run->refs->len > GS_RUN_REFS_MAX)
    {
      what = "indices in the lists of its records", cap = GS_RUN_REFS_MAX;
      how = "GS_RUN_REFS_MAX; run it without records";
    }
  if (what == NULL)
    return TRUE;
  char when[GS_DATE_BUF];
  gs_time_format_date (run->now, when);
  g_set_error (
      error, GS_RUN_ERROR, GS_RUN_ERROR_LIMIT,
      "the run stopped on %s: it would need more than %" G_GUINT64_FORMAT
      " %s (%s)",
      when, cap, what, how);
  return FALSE;
}

/* Each event stays at the top of the queue while it is processed, marked
 * pending: the first event it schedules replaces it there
 * (gs__run_schedule()), in one pass down the heap instead of a pop and a
 * push; if it schedules none, it is popped after.  Nothing else reads the
 * queue meanwhile, and the queue then holds what a pop before and pushes
 * during would have left, so events come out in the same order. */
static gboolean
run_loop (GsRun *run, GError **error)
{
  const GsEvent *top;
  while ((top = gs_queue_peek (run->queue)) != NULL)
    {
      GsEvent ev = *top;
      run->top_pending = TRUE;
      run->events++;
      run->now = ev.time;
      switch (ev.kind)
        {
          case GS_EV_DUE:
            gs__traffic_fall_due (run, ev.subject, ev.time);
            break;
          case GS_EV_ARRIVE:
            gs__traffic_arrive (run, ev.subject, ev.time);
            break;
          case GS_EV_GENERATE:
            gs__traffic_generate (run, ev.subject, ev.aux, ev.time);
            break;
          case GS_EV_MEET:
            gs__meeting_hold (run, ev.subject, ev.aux, ev.time);
            break;
          case GS_EV_NEAR_DUE:
            gs__dispute_near_due (run, ev.subject, ev.aux, ev.time);
            break;
          case GS_EV_LEVEL_END:
            gs__dispute_level_end (run, ev.subject, ev.aux, ev.time);
            break;
          case GS_EV_URGENT:
            gs__urgent_decide (run, ev.subject, ev.aux, ev.time);
            break;
          default:
            g_assert_not_reached ();
        }
      if (run->top_pending)
        {
          GsEvent done;
          run->top_pending = FALSE;
          gs_queue_pop (run->queue, &done);
        }
      if (G_UNLIKELY (!within_budget (run, error)))
        return FALSE;
    }

  return TRUE;
}

/* What makes case @i break the run's invariant, or NULL.  @closing, when
 * not NULL, counts each case's DECIDED and PENDING_AT_END records. */
static const char *
case_problem (const GsRun *run, guint i, const guint32 *closing)
{
  const GsCase *c = GS_RUN_CASE (run, i);
  guint outstanding = 0;
  guint n = GS_PATHWAY (run->scenario, c->pathway)->n_slots;
  for (guint k = 0; k < n; k++)
    outstanding += gs__slot_outstanding (GS_RUN_SLOT (run, c->slots + k));
  gboolean waiting = c->state == GS_CASE_WAITING;
  if (c->state > GS_CASE_GRIDLOCKED)
    return "has no known state";
  if (c->decisions != (waiting ? 0u : 1u))
    return "was given an outcome more than once";
  if (waiting != (c->decided == GS_TIME_NEVER))
    return "has a decision date that does not match its state";
  if (!waiting && outstanding > 0)
    return "is decided but still on an agenda or in a dispute";
  if (waiting && outstanding == 0)
    return "is waiting but on no agenda and in no dispute (lost)";
  if (closing != NULL && closing[i] != 1)
    return "does not have exactly one outcome or pending record";
  return NULL;
}

static gboolean
invariant_error (const GsRun *run, guint i, const char *problem, GError **error)
{
  g_autofree char *title = gs_run_case_title (run, i);
  g_set_error (error, GS_RUN_ERROR, GS_RUN_ERROR_INVARIANT, "case %u ('%s') %s",
               i, title, problem);
  return FALSE;
}

/* gs__run_schedule() never queues an event at or past the end, so the
 * queue empties exactly at the horizon.  What is still waiting is pending:
 * its runs of carry-overs are closed and its record made, in case order,
 * visiting only the waiting cases (the bitmap run->waiting).  With @check,
 * the outcomes given are checked against the cases decided, and each
 * pending case visited against the invariant; that is the whole check of
 * a run without records in a release build (gs_run_execute()).
 *
 * When nobody sees a CARRIED or a PENDING_AT_END record (a Monte Carlo
 * run), no pending case is visited: in a long backlog each would miss the
 * cache, twice or three times.  The bodies' carried counts and the records
 * made come from each body's sums over its eligible items
 * (gs__agenda_end()), and a pending case's own `carried` is made up when
 * it is read (gs_run_get_case()).  Then only the outcomes are checked;
 * gs_run_check() still checks every case, and a debug build runs it. */
static gboolean
end_pending (GsRun *run, gboolean check, GError **error)
{
  guint len = run->cases->len;
  if (check && run->outcomes != len - run->n_waiting)
    {
      g_set_error (error, GS_RUN_ERROR, GS_RUN_ERROR_INVARIANT,
                   "%" G_GUINT64_FORMAT " outcomes were given to %u decided"
                   " cases: a case was given an outcome more than once",
                   run->outcomes, len - run->n_waiting);
      return FALSE;
    }
  if (!gs__run_wants (run, GS_REC_CARRIED)
      && !gs__run_wants (run, GS_REC_PENDING_AT_END) && gs__agenda_end (run))
    {
      run->counters.records += run->n_waiting; /* the PENDING_AT_END ones */
      run->carried_open = TRUE;
      return TRUE;
    }
  for (guint w = 0; w < (len + 63) / 64; w++)
    for (guint64 bits = run->waiting[w]; bits != 0; bits &= bits - 1)
      {
        guint i = w * 64 + (guint)__builtin_ctzll (bits);
        gs__agenda_close_at_end (run, i, run->scenario->end);
        gs__traffic_record_where (run, run->scenario->end,
                                  GS_REC_PENDING_AT_END, i);
        const char *problem = check ? case_problem (run, i, NULL) : NULL;
        if (G_UNLIKELY (problem != NULL))
          return invariant_error (run, i, problem, error);
      }
  return TRUE;
}

GsRun *
gs_run_new (const GsScenario *scenario, GsRunFlags flags)
{
  g_return_val_if_fail (scenario != NULL, NULL);
  GsRun *run = g_new0 (GsRun, 1);
  run->scenario = scenario;
  run->flags = flags;
  run->keep_records = (flags & GS_RUN_NO_RECORDS) == 0;
  run->max_records = GS_LIMIT_RECORDS_DEFAULT;
  run->max_events = GS_LIMIT_EVENTS_MAX;
  run->queue = gs_queue_new ();
  /* Not cleared as they grow (gs__array_extend()): every element is
   * written in full before it is read, and a slot's dispute part only if
   * it goes to a dispute, so in a long backlog of plain cases the pages
   * of slot_disputes are never touched. */
  run->cases = g_array_new (FALSE, FALSE, sizeof (GsCase));
  run->gates = g_array_new (FALSE, FALSE, sizeof (GsGate));
  run->slots = g_array_new (FALSE, FALSE, sizeof (GsSlot));
  run->slot_disputes = g_array_new (FALSE, FALSE, sizeof (GsSlotDispute));
  run->pick = g_array_new (FALSE, FALSE, sizeof (GsTicket));
  run->records = g_array_new (FALSE, TRUE, sizeof (GsRecord));
  run->refs = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint max_seats = 1, max_people = 1, max_parties = 1;
  for (guint i = 0; i < scenario->bodies->len; i++)
    {
      const GsBody *b = GS_BODY (scenario, i);
      guint seats = b->n_members, observers = b->n_observers;
      for (guint k = 0; k < b->n_constituents; k++)
        {
          seats += GS_BODY (scenario, b->constituents[k])->n_members;
          observers += GS_BODY (scenario, b->constituents[k])->n_observers;
        }
      max_seats = MAX (max_seats, seats);
      max_people = MAX (max_people, seats + observers);
      max_parties = MAX (max_parties, b->n_parties);
    }
  run->seats = g_new0 (GsSeat, max_seats);
  run->people = g_new0 (guint32, max_people + max_parties);
  run->org_seats = g_new0 (GsSeat, max_parties);
  run->odds = g_new0 (GsOdds, max_seats);
  run->stance_person = g_new0 (guint32, max_seats);
  run->stance_body = GS_NONE;
  run->present_who = g_new0 (guint8, max_seats);
  run->present_seats = NULL;
  run->attendance = gs__meeting_attendance_new (scenario);
  run->n_bodies = scenario->bodies->len;
  run->bodies = g_new0 (GsBodyState, MAX (run->n_bodies, 1));
  run->stream_due = g_new0 (GsAddCache, MAX (scenario->arrivals->len, 1));
  run->stream_every = g_new0 (GsAddCache, MAX (scenario->arrivals->len, 1));
  run->waits_ahead = g_new0 (GsWaitsAhead, MAX (scenario->arrivals->len, 1));
  /* A fixed value is the same for every case of its stream: rounded once
   * here, not at each case. */
  run->stream_value = g_new0 (gint64, MAX (scenario->arrivals->len, 1));
  for (guint i = 0; i < scenario->arrivals->len; i++)
    run->stream_value[i]
        = gs__traffic_value (GS_ARRIVALS (scenario, i)->value.a);
  guint n_orgs = MAX (scenario->organisations->len, 1);
  run->bound = g_new (guint32, n_orgs);
  run->findings = g_new (GsBreachFinding, 2 * n_orgs);
  run->consents = g_new (guint, MAX (scenario->referral_width, 1));
  for (guint i = 0; i < run->n_bodies; i++)
    {
      GsBodyState *bs = &run->bodies[i];
      bs->waiting = g_array_new (FALSE, FALSE, sizeof (GsTicket));
      bs->ready = g_array_new (FALSE, FALSE, sizeof (GsTicket));
      bs->fifo = g_array_new (FALSE, FALSE, sizeof (GsTicket));
      bs->held = g_array_new (FALSE, FALSE, sizeof (GsHeld));
    }
  return run;
}

void
gs_run_set_max_records (GsRun *run, guint max_records)
{
  g_return_if_fail (run != NULL);
  run->max_records = MIN (max_records, GS_RUN_RECORDS_MAX);
}

void
gs_run_set_max_events (GsRun *run, guint64 max_events)
{
  g_return_if_fail (run != NULL);
  run->max_events = max_events > 0 ? max_events : GS_LIMIT_EVENTS_MAX;
}

guint64
gs_run_get_events (const GsRun *run)
{
  return run->events;
}

void
gs_run_set_record_func (GsRun *run, GsRecordFunc func, gpointer user_data)
{
  gs_run_set_record_func_for (run, G_MAXUINT64, func, user_data);
}

void
gs_run_set_record_func_for (GsRun *run, guint64 kinds, GsRecordFunc func,
                            gpointer user_data)
{
  g_return_if_fail (run != NULL);
  run->record_func = func;
  run->record_kinds = kinds;
  run->record_data = user_data;
}

/* Empties the run for the next execution, keeping every array's storage. */
static void
reset (GsRun *run, guint64 seed, guint64 replication)
{
  run->seed = seed;
  run->replication = replication;
  run->executed = FALSE;
  run->events = 0;
  run->now = 0;
  gs_draws_init (&run->draws, seed, replication);
  run->stance_body = GS_NONE;
  run->present_seats = NULL;
  for (guint i = 0; i < run->scenario->arrivals->len; i++)
    run->waits_ahead[i].n = 0;
  run->n_waiting = 0;
  run->outcomes = 0;
  run->carried_open = FALSE;
  gs_queue_clear (run->queue);
  g_array_set_size (run->cases, 0);
  g_array_set_size (run->gates, 0);
  g_array_set_size (run->slots, 0);
  g_array_set_size (run->slot_disputes, 0);
  g_array_set_size (run->records, 0);
  g_array_set_size (run->refs, 0);
  g_array_set_size (run->pick, 0);
  for (guint i = 0; i < run->n_bodies; i++)
    {
      GsBodyState *bs = &run->bodies[i];
      g_array_set_size (bs->waiting, 0);
      g_array_set_size (bs->ready, 0);
      g_array_set_size (bs->fifo, 0);
      bs->fifo_head = 0;
      g_array_set_size (bs->held, 0);
      bs->seq = 0;
      bs->ready_live = 0;
      bs->ready_from = 0;
      bs->ready_new = 0;
      bs->carried_upto = 0;
      bs->inq_held = 0;
      bs->inq_streak = 0;
      bs->next_meeting = 0;
      bs->changes_seen = 0;
      bs->opened = GS_TIME_NEVER;
      bs->n = (GsBodyCounters){ 0 };
    }
  run->counters = (GsRunCounters){ 0 };
}

gboolean
gs_run_execute (GsRun *run, guint64 seed, guint64 replication, GError **error)
{
  g_return_val_if_fail (run != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  reset (run, seed, replication);
  start (run);
  if (!run_loop (run, error))
    return FALSE;
    /* The full check visits every case and its slots again, which in a long
     * run's backlog misses the cache at every case.  A release build runs it
     * whenever records are kept (their cost dwarfs it, and it checks them
     * too); without records it checks the pending cases as the end visits
     * them and counts the outcomes (end_pending()), leaving out only the
     * decided cases' slots.  The tests call gs_run_check() itself on their
     * runs, and a debug build runs it always. */
#ifdef NDEBUG
  gboolean full = run->keep_records;
#else
  gboolean full = TRUE;
#endif
  gboolean ok = end_pending (run, !full, error);
  if (ok)
    {
      run->executed = TRUE;
      ok = !full || gs_run_check (run, error);
    }
  if (!ok)
    {
      g_prefix_error (error,
                      "internal error in the run (seed %" G_GUINT64_FORMAT
                      ", replication %" G_GUINT64_FORMAT "): ",
                      seed, replication);
      return FALSE;
    }
  return TRUE;
}

GsRun *
gs_run_simulate (const GsScenario *scenario, guint64 seed, guint64 replication,
                 GsRunFlags flags, GError **error)
{
  g_autoptr (GsRun) run = gs_run_new (scenario, flags);
  if (run == NULL || !gs_run_execute (run, seed, replication, error))
    return NULL;
  return g_steal_pointer (&run);
}

void
gs_run_free (GsRun *run)
{
  if (run == NULL)
    return;
  for (guint i = 0; i < run->n_bodies; i++)
    {
      g_array_unref (run->bodies[i].waiting);
      g_array_unref (run->bodies[i].ready);
      g_array_unref (run->bodies[i].fifo);
      g_array_unref (run->bodies[i].held);
    }
  g_free (run->bodies);
  g_free (run->bound);
  g_free (run->findings);
  g_free (run->consents);
  g_free (run->waiting);
  g_free (run->seats);
  g_free (run->present_who);
  g_free (run->org_seats);
  g_free (run->people);
  g_free (run->odds);
  g_free (run->stance_person);
  g_free (run->attendance);
  g_free (run->stream_due);
  g_free (run->stream_every);
  g_free (run->waits_ahead);
  g_free (run->stream_value);
  g_array_unref (run->refs);
  g_array_unref (run->records);
  g_array_unref (run->cases);
  g_array_unref (run->gates);
  g_array_unref (run->slots);
  g_array_unref (run->slot_disputes);
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

guint64
gs_run_get_replication (const GsRun *run)
{
  return run->replication;
}

guint
gs_run_n_pending (const GsRun *run)
{
  g_return_val_if_fail (run != NULL, 0);
  return run->n_waiting;
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
  /* A pending case's carry-overs counted at the end but not yet added to
   * its own count (end_pending()): added now, once.  The run is not const
   * but for this, and no two threads read one run. */
  if (G_UNLIKELY (run->carried_open)
      && (run->waiting[i / 64] >> (i % 64) & 1) != 0)
    gs__agenda_close_case ((GsRun *)run, i);
  return &g_array_index (run->cases, GsCase, i);
}

const GsBodyCounters *
gs_run_body_counters (const GsRun *run, guint body)
{
  g_return_val_if_fail (body < run->n_bodies, NULL);
  return &run->bodies[body].n;
}

const GsRunCounters *
gs_run_counters (const GsRun *run)
{
  return &run->counters;
}

const GsRecord *
gs_run_breach_example (const GsRun *run, guint i, const guint32 **refs)
{
  g_return_val_if_fail (i < run->counters.n_examples, NULL);
  if (refs != NULL)
    *refs = run->example_refs[i];
  return &run->examples[i];
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
  g_return_val_if_fail (run != NULL && record != NULL, NULL);
  guint64 n = (guint64)record->n_refs + record->n_refs2;
  if (n == 0)
    return NULL;
  /* A record whose list the run does not hold: one a callback saw on a run
   * that keeps no records, or a breach example (offset GS_NONE). */
  g_return_val_if_fail (
      record->refs != GS_NONE && record->refs + n <= run->refs->len, NULL);
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
      const char *problem = case_problem (run, i, closing);
      if (problem != NULL)
        return invariant_error (run, i, problem, error);
    }
  return TRUE;
}

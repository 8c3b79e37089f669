/* gs-agenda.c — a body's agenda, and the runs of meetings an item is
 * carried over at.
 *
 * Each body keeps two binary heaps of tickets.  A ticket waits in the
 * first, ordered by (eligible, push order), until a meeting at or after its
 * eligibility time (its arrival at the body plus the notice) moves it into
 * the second, which is ordered as the terms of reference order the agenda:
 * by (arrival at the body, push order), or by (deadline, arrival, push
 * order) (in practice a first-in first-out run, see ready_push()).  A
 * meeting pops its items from the top of the second, up to
 * its capacity; the rest stay where they are.  So a meeting costs
 * O((taken + newly eligible + dead) log n) however long the backlog, and
 * every ticket is moved once and popped once.  Dead tickets (their slot's
 * epoch moved on) are dropped when they reach the top.
 *
 * Carry-overs are counted, not touched.  A held meeting either takes an
 * eligible item or carries it, so an item that entered the eligible heap
 * at the body's held meeting number f and is taken at meeting t was
 * carried at the t − f meetings between, and the body's log of held
 * meetings (their times, and how many before each were inquorate) says
 * when and why.  The run of carry-overs is closed — counted, and recorded
 * as one GS_REC_CARRIED — when the item leaves the heap: taken, withdrawn,
 * moved on to a dispute, or still there at the end of the period.  A
 * withdrawal during a meeting, before the meeting reached its capacity,
 * does not count that meeting (the meeting never carried it);
 * carried_upto says how many of the body's held meetings have carried
 * their remaining items.  An item taken but left inquorate by its
 * conflicted members is carried at that meeting on its own: a run of one
 * meeting, after which it re-enters the eligible heap.
 */
#include "run/gs-run-private.h"

typedef gboolean (*GsTicketBefore) (const GsTicket *a, const GsTicket *b);

static gboolean
waiting_before (const GsTicket *a, const GsTicket *b)
{
  if (a->key != b->key) /* their eligibility */
    return a->key < b->key;
  return a->seq < b->seq;
}

static gboolean
arrival_before (const GsTicket *a, const GsTicket *b)
{
  if (a->since != b->since)
    return a->since < b->since;
  return a->seq < b->seq;
}

static gboolean
deadline_before (const GsTicket *a, const GsTicket *b)
{
  if (a->key != b->key) /* their deadlines */
    return a->key < b->key;
  return arrival_before (a, b);
}

static gint
arrival_cmp (gconstpointer a, gconstpointer b)
{
  return arrival_before (a, b) ? -1 : arrival_before (b, a) ? 1 : 0;
}

static gint
deadline_cmp (gconstpointer a, gconstpointer b)
{
  return deadline_before (a, b) ? -1 : deadline_before (b, a) ? 1 : 0;
}

static GsTicketBefore
ready_order (const GsRun *run, guint32 bi)
{
  return GS_BODY (run->scenario, bi)->calendar.order == GS_AGENDA_DEADLINE
             ? deadline_before
             : arrival_before;
}

/* ready_order()'s comparison of @a and @b, called directly: @order is
 * deadline_before or arrival_before. */
static inline gboolean
ready_before (GsTicketBefore order, const GsTicket *a, const GsTicket *b)
{
  return order == deadline_before ? deadline_before (a, b)
                                  : arrival_before (a, b);
}

static void
heap_push (GArray *heap, guint *mark, const GsTicket *t, GsTicketBefore before)
{
  gs__array_extend (heap, mark, sizeof (GsTicket), 1);
  GsTicket *h = (GsTicket *)heap->data;
  guint i = heap->len - 1;
  while (i > 0 && before (t, &h[(i - 1) / 2]))
    {
      h[i] = h[(i - 1) / 2];
      i = (i - 1) / 2;
    }
  h[i] = *t;
}

static void
heap_pop (GArray *heap, GsTicketBefore before)
{
  GsTicket *h = (GsTicket *)heap->data;
  guint n = heap->len - 1;
  GsTicket last = h[n];
  guint i = 0;
  for (;;)
    {
      guint c = 2 * i + 1;
      if (c >= n)
        break;
      if (c + 1 < n && before (&h[c + 1], &h[c]))
        c++;
      if (!before (&h[c], &last))
        break;
      h[i] = h[c];
      i = c;
    }
  if (n > 0)
    h[i] = last;
  heap->len = n; /* shrinking: what g_array_set_size() does, without the
                    call (GArray's len is public) */
}

/* The eligible tickets are a first-in first-out run, which takes every
 * ticket that comes in agenda order after the last one in it (nearly all:
 * tickets become eligible in the order they reached the body), and a heap
 * for the others (a dispute's ticket after its cooling-off, an item put
 * back after its conflicts left it inquorate).  So a long backlog costs
 * O(1) a ticket, not a sift through a heap that no longer fits the cache. */
static void
ready_push (GsBodyState *bs, const GsTicket *t, GsTicketBefore before)
{
  GArray *f = bs->fifo;
  if (f->len == bs->fifo_head
      || !ready_before (before, t, &g_array_index (f, GsTicket, f->len - 1)))
    {
      if (f->len == bs->fifo_head)
        {
          f->len = 0; /* shrinking, as g_array_set_size() would */
          bs->fifo_head = 0;
        }
      *(GsTicket *)gs__array_extend (f, &bs->fifo_mark, sizeof (GsTicket), 1)
          = *t;
    }
  else
    heap_push (bs->ready, &bs->ready_mark, t, before);
}

/* The first eligible ticket in agenda order, off its structure. */
static gboolean
ready_take (GsBodyState *bs, GsTicket *out, GsTicketBefore before)
{
  GArray *f = bs->fifo, *h = bs->ready;
  gboolean in_fifo = f->len > bs->fifo_head;
  if (!in_fifo && h->len == 0)
    return FALSE;
  const GsTicket *a
      = in_fifo ? &g_array_index (f, GsTicket, bs->fifo_head) : NULL;
  if (a != NULL
      && (h->len == 0
          || ready_before (before, a, &g_array_index (h, GsTicket, 0))))
    {
      *out = *a;
      bs->fifo_head++;
      /* Reclaim the consumed front once it is half the array. */
      if (bs->fifo_head > 1024 && 2 * bs->fifo_head > f->len)
        {
          g_array_remove_range (f, 0, bs->fifo_head);
          bs->fifo_head = 0;
        }
      return TRUE;
    }
  *out = g_array_index (h, GsTicket, 0);
  heap_pop (h, before);
  return TRUE;
}

/* @t, its key made its case's deadline for an agenda in deadline order
 * (its eligibility is spent once it is eligible). */
static const GsTicket *
eligible_key (const GsRun *run, const GsSlot *slot, GsTicket *t,
              GsTicketBefore before)
{
  if (before == deadline_before)
    t->key = GS_RUN_CASE (run, slot->item)->due;
  return t;
}

/* @slot joins the eligible of @bs, from the meeting about to be held (or
 * the next one). */
static inline void
ready_in (GsBodyState *bs, GsSlot *slot)
{
  slot->ready = TRUE;
  slot->carry_from = bs->held->len;
  bs->ready_live++;
  bs->ready_from += slot->carry_from;
  bs->ready_new++;
}

/* @slot leaves the eligible of @bs (before fold() moves its carry_from). */
static inline void
ready_out (GsBodyState *bs, GsSlot *slot)
{
  slot->ready = FALSE;
  bs->ready_live--;
  bs->ready_from -= slot->carry_from;
  bs->ready_new -= slot->carry_from == bs->held->len;
}

gboolean
gs__ticket_live (const GsRun *run, const GsTicket *t)
{
  const GsSlot *slot = GS_RUN_SLOT (run, t->slot);
  return slot->epoch == t->epoch && gs__slot_on_agenda (slot);
}

void
gs__slot_push_ticket (GsRun *run, guint32 bi, guint32 si, GsTime since)
{
  GsTime now = run->now;
  const GsBody *b = GS_BODY (run->scenario, bi);
  GsTicketBefore before = b->calendar.order == GS_AGENDA_DEADLINE
                              ? deadline_before
                              : arrival_before; /* ready_order() */
  GsBodyState *bs = &run->bodies[bi];
  GsSlot *slot = GS_RUN_SLOT (run, si);
  GsTicket t = { .slot = si,
                 .epoch = slot->epoch,
                 .seq = bs->seq++,
                 .since = since,
                 .key = gs__time_add_cached (&bs->notice, since,
                                             &b->calendar.notice, 1) };
  slot->at = bi;
  slot->ready = FALSE;
  if (t.key <= now && bs->opened != now)
    {
      /* Eligible already, and the body's next meeting (not one being held
       * now: that one has taken its agenda) would move it from the
       * waiting heap first thing, with the same carry_from (no meeting
       * can be held before that one opens): what gs__agenda_open() does,
       * done now, without the trip through the heap.  Nearly every item
       * of a body with no notice period. */
      ready_in (bs, slot);
      ready_push (bs, eligible_key (run, slot, &t, before), before);
      return;
    }
  heap_push (bs->waiting, &bs->waiting_mark, &t, waiting_before);
}

/* Inquorate held meetings of @bs before its held meeting @j. */
static guint32
inq_before (const GsBodyState *bs, guint32 j)
{
  if (j < bs->held->len)
    return g_array_index (bs->held, GsHeld, j).inq_before;
  return bs->inq_held;
}

static GsTime
held_time (const GsBodyState *bs, guint32 j)
{
  return g_array_index (bs->held, GsHeld, j).time;
}

/* A run of carry-overs: @n held meetings of the body, @inq of them
 * inquorate, the first and the last as indices into its log. */
typedef struct
{
  guint32 n;
  guint32 inq;
  guint32 first;
  guint32 last;
} GsCarryRun;

/* The run of carry-overs of @slot at held meetings carry_from .. @end − 1
 * (none when @end is not past carry_from), which then starts at @end. */
static GsCarryRun
fold (GsRun *run, GsSlot *slot, guint32 end)
{
  const GsBodyState *bs = &run->bodies[slot->at];
  GsCarryRun k = { 0 };
  if (end <= slot->carry_from)
    return k;
  k.first = slot->carry_from;
  k.last = end - 1;
  k.n = end - slot->carry_from;
  k.inq = inq_before (bs, end) - inq_before (bs, slot->carry_from);
  slot->carry_from = end;
  return k;
}

/* Counts and records @k, the run of carry-overs of @slot, if it has one. */
static void
close_run (GsRun *run, GsSlot *slot, const GsCarryRun *k, GsTime now,
           GsCarryEnd how)
{
  guint32 n = k->n;
  if (n == 0)
    return;
  guint32 inq = k->inq;
  GS_RUN_CASE (run, slot->item)->carried += n;
  run->bodies[slot->at].n.carried += n;
  if (!gs__run_building (run, GS_REC_CARRIED))
    return;
  const GsBodyState *bs = &run->bodies[slot->at];
  GsTime first = held_time (bs, k->first);
  GsRecord r = gs__record (now, GS_REC_CARRIED, slot->at, slot->item);
  r.when = first;
  r.carried.reason = inq == 0   ? GS_CARRY_CAPACITY
                     : inq == n ? GS_CARRY_INQUORATE
                                : GS_CARRY_BOTH;
  r.carried.meetings = (gint32)n;
  r.carried.inquorate = (gint32)inq;
  r.carried.span = (gint32)(held_time (bs, k->last) - first);
  r.carried.end = how;
  gs__run_emit (run, &r, NULL, 0);
}

void
gs__slot_bump_full (GsRun *run, guint32 si, GsTime now, GsCarryEnd how)
{
  GsSlot *slot = GS_RUN_SLOT (run, si);
  if (slot->ready && gs__slot_on_agenda (slot))
    {
      GsBodyState *bs = &run->bodies[slot->at];
      ready_out (bs, slot);
      GsCarryRun k = fold (run, slot, bs->carried_upto);
      close_run (run, slot, &k, now, how);
    }
  gs__referral_drop (run, si, now);
  slot->epoch++;
}

guint
gs__agenda_open (GsRun *run, guint32 bi, GsTime now)
{
  GsBodyState *bs = &run->bodies[bi];
  GsTicketBefore before = ready_order (run, bi);
  GArray *w = bs->waiting;
  bs->opened = now;
  while (w->len > 0)
    {
      GsTicket t = g_array_index (w, GsTicket, 0);
      if (t.key > now)
        break;
      heap_pop (w, waiting_before);
      if (!gs__ticket_live (run, &t))
        continue;
      GsSlot *slot = GS_RUN_SLOT (run, t.slot);
      ready_in (bs, slot); /* from the meeting about to be held */
      ready_push (bs, eligible_key (run, slot, &t, before), before);
    }
  return bs->ready_live;
}

void
gs__agenda_held (GsRun *run, guint32 bi, GsTime now)
{
  GsBodyState *bs = &run->bodies[bi];
  GsHeld h = { .time = now, .inq_before = bs->inq_held };
  g_array_append_val (bs->held, h);
  bs->ready_new = 0; /* every eligible one may be carried at it */
}

void
gs__agenda_carried (GsRun *run, guint32 bi, gboolean inquorate)
{
  GsBodyState *bs = &run->bodies[bi];
  if (inquorate)
    {
      bs->inq_held++;
      bs->inq_streak++;
    }
  else
    bs->inq_streak = 0;
  bs->carried_upto = bs->held->len;
}

gboolean
gs__agenda_pop (GsRun *run, guint32 bi, GsTime now, GsTicket *out)
{
  GsBodyState *bs = &run->bodies[bi];
  GsTicketBefore before = ready_order (run, bi);
  GsTicket t;
  while (ready_take (bs, &t, before))
    {
      GsSlot *slot = GS_RUN_SLOT (run, t.slot);
      if (!gs__ticket_live (run, &t) || !slot->ready)
        continue;
      /* fold() and close_run(), called only when they have something to
       * count: most items are taken at the first meeting that reaches
       * them. */
      ready_out (bs, slot);
      if (bs->held->len - 1 > slot->carry_from)
        {
          GsCarryRun k = fold (run, slot, bs->held->len - 1);
          close_run (run, slot, &k, now, GS_CARRY_TAKEN);
        }
      *out = t;
      return TRUE;
    }
  return FALSE;
}

void
gs__agenda_requeue (GsRun *run, guint32 bi, const GsTicket *t, GsTime now)
{
  GsBodyState *bs = &run->bodies[bi];
  GsSlot *slot = GS_RUN_SLOT (run, t->slot);
  /* The meeting being held, the last in the log (gs__agenda_held()). */
  GsCarryRun k = {
    .n = 1, .inq = 1, .first = bs->held->len - 1, .last = bs->held->len - 1
  };
  close_run (run, slot, &k, now, GS_CARRY_TAKEN);
  ready_in (bs, slot); /* from the next meeting */
  heap_push (bs->ready, &bs->ready_mark, t, ready_order (run, bi));
}

guint
gs__agenda_inquorate_due (GsRun *run, guint32 bi, guint n)
{
  GsBodyState *bs = &run->bodies[bi];
  g_array_set_size (run->pick, 0);
  if (bs->inq_streak < n)
    return 0;
  guint32 m = bs->held->len - 1;
  for (guint i = 0; i < bs->ready->len + bs->fifo->len - bs->fifo_head; i++)
    {
      const GsTicket *h
          = i < bs->ready->len
                ? &g_array_index (bs->ready, GsTicket, i)
                : &g_array_index (bs->fifo, GsTicket,
                                  bs->fifo_head + i - bs->ready->len);
      const GsSlot *slot = GS_RUN_SLOT (run, h->slot);
      if (!gs__ticket_live (run, h) || !slot->ready
          || slot->state != GS_SLOT_QUEUED
          || gs__slot_gateway (run, slot)->recommend)
        continue;
      guint run_of = MIN (bs->inq_streak, m - slot->carry_from + 1);
      if (run_of >= n)
        g_array_append_vals (run->pick, h, 1);
    }
  /* In agenda order, as the meeting would have taken them (push order
   * breaks every tie, so the order is total). */
  g_array_sort (run->pick, ready_order (run, bi) == deadline_before
                               ? deadline_cmp
                               : arrival_cmp);
  return run->pick->len;
}

void
gs__agenda_close_at_end (GsRun *run, guint32 ci, GsTime end)
{
  const GsCase *c = GS_RUN_CASE (run, ci);
  guint n = GS_PATHWAY (run->scenario, c->pathway)->n_slots
            * (1 + run->scenario->referral_width);
  for (guint k = 0; k < n; k++)
    {
      GsSlot *slot = GS_RUN_SLOT (run, c->slots + k);
      if (!slot->ready || !gs__slot_on_agenda (slot))
        continue;
      GsCarryRun r = fold (run, slot, run->bodies[slot->at].carried_upto);
      close_run (run, slot, &r, end, GS_CARRY_AT_END);
    }
}

#ifndef NDEBUG
/* What gs__agenda_close_at_end() would add, case by case, to the bodies'
 * carried counts (each of the first 64 bodies, and all of them) and to the
 * records, for gs__agenda_end() to agree with.  Without an allocation, so
 * that a debug build's steady state makes none either. */
static gboolean
end_agrees (const GsRun *run)
{
  guint64 carried[64] = { 0 };
  guint64 records = 0, sums = 0, all = 0, all_sums = 0;
  guint len = run->cases->len;
  guint n = run->scenario->referral_width + 1;
  for (guint w = 0; w < (len + 63) / 64; w++)
    for (guint64 bits = run->waiting[w]; bits != 0; bits &= bits - 1)
      {
        const GsCase *c = GS_RUN_CASE (run, w * 64 + __builtin_ctzll (bits));
        guint m = GS_PATHWAY (run->scenario, c->pathway)->n_slots * n;
        for (guint k = 0; k < m; k++)
          {
            const GsSlot *slot = GS_RUN_SLOT (run, c->slots + k);
            if (!slot->ready || !gs__slot_on_agenda (slot))
              continue;
            guint32 end = run->bodies[slot->at].carried_upto;
            guint32 add = end > slot->carry_from ? end - slot->carry_from : 0;
            if (slot->at < 64)
              carried[slot->at] += add;
            all += add;
            records += add > 0;
          }
      }
  for (guint i = 0; i < run->n_bodies; i++)
    {
      const GsBodyState *bs = &run->bodies[i];
      guint64 sum = (guint64)bs->ready_live * bs->carried_upto - bs->ready_from;
      if (i < 64 && carried[i] != sum)
        return FALSE;
      all_sums += sum;
      sums += bs->ready_live - bs->ready_new;
    }
  return sums == records && all_sums == all;
}
#endif

gboolean
gs__agenda_end (GsRun *run)
{
  for (guint i = 0; i < run->n_bodies; i++)
    if (run->bodies[i].carried_upto != run->bodies[i].held->len)
      return FALSE; /* not reached: every held meeting carries */
#ifndef NDEBUG
  g_assert (end_agrees (run));
#endif
  for (guint i = 0; i < run->n_bodies; i++)
    {
      GsBodyState *bs = &run->bodies[i];
      bs->n.carried += (guint)((guint64)bs->ready_live * bs->carried_upto
                               - bs->ready_from);
      run->counters.records += bs->ready_live - bs->ready_new;
    }
  return TRUE;
}

void
gs__agenda_close_case (GsRun *run, guint32 ci)
{
  GsCase *c = GS_RUN_CASE (run, ci);
  guint n = GS_PATHWAY (run->scenario, c->pathway)->n_slots
            * (1 + run->scenario->referral_width);
  run->waiting[ci / 64] &= ~(G_GUINT64_CONSTANT (1) << (ci % 64));
  for (guint k = 0; k < n; k++)
    {
      GsSlot *slot = GS_RUN_SLOT (run, c->slots + k);
      if (!slot->ready || !gs__slot_on_agenda (slot))
        continue;
      /* fold() and close_run() with neither the body's count nor a
       * record, which gs__agenda_end() made (every held meeting has
       * carried). */
      guint32 end = run->bodies[slot->at].carried_upto;
      c->carried += end - slot->carry_from;
      slot->carry_from = end;
    }
}

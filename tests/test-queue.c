/* test-queue.c — the event queue's order, bookkeeping and edge cases.
 *
 * The main check is differential: a long random mix of pushes and pops is
 * replayed against a deliberately naive reference (an unsorted array
 * searched linearly for the smallest (time, priority, seq) with its own
 * comparison, not gs_event_compare()), and every popped event must match the
 * reference field for field.  Times and priorities are drawn from small
 * ranges so that ties, which are what the sequence number is for, are
 * common.  The random mix comes from a fixed GsRng stream, so a failure
 * reproduces exactly.
 */
#include <govsim/gs-queue.h>
#include <govsim/gs-rng.h>

#include "gs-test.h"

static GsEvent
make_event (GsTime time, gint32 priority, guint32 subject)
{
  GsEvent e = { 0 };
  e.time = time;
  e.priority = priority;
  e.kind = subject % 5;
  e.subject = subject;
  e.aux = subject * 3u;
  e.data = -(gint64)subject;
  return e;
}

static gboolean
events_equal (const GsEvent *a, const GsEvent *b)
{
  return a->time == b->time && a->priority == b->priority && a->kind == b->kind
         && a->seq == b->seq && a->subject == b->subject && a->aux == b->aux
         && a->data == b->data;
}

/* The reference order, written out independently of the queue's. */
static gboolean
reference_before (const GsEvent *a, const GsEvent *b)
{
  if (a->time != b->time)
    return a->time < b->time;
  if (a->priority != b->priority)
    return a->priority < b->priority;
  return a->seq < b->seq;
}

/* Removes and returns the reference's first event. */
static GsEvent
reference_pop (GArray *ref)
{
  guint best = 0;
  GsEvent e;
  for (guint i = 1; i < ref->len; i++)
    if (reference_before (&g_array_index (ref, GsEvent, i),
                          &g_array_index (ref, GsEvent, best)))
      best = i;
  e = g_array_index (ref, GsEvent, best);
  g_array_remove_index_fast (ref, best);
  return e;
}

static void
test_queue_differential (void)
{
  /* 20000 random operations, pushes with probability 0.55 so the queue
   * grows to about two thousand events (exercising regrowth), then a full
   * drain.
   * Times are in 0..49 and priorities in −2..2. */
  g_autoptr (GsQueue) queue = gs_queue_new ();
  g_autoptr (GArray) ref = g_array_new (FALSE, FALSE, sizeof (GsEvent));
  guint mismatches = 0;
  guint pushes = 0, pops = 0;
  gsize max_size = 0;
  GsRng rng;

  gs_rng_init (&rng, 20240229, 0);
  for (guint32 op = 0; op < 20000 || ref->len > 0; op++)
    {
      gboolean push = op < 20000 && gs_rng_bernoulli (&rng, 0.55);
      if (push)
        {
          GsEvent e = make_event ((GsTime)gs_rng_below (&rng, 50),
                                  (gint32)gs_rng_below (&rng, 5) - 2, op);
          e.seq = G_MAXUINT64; /* must be ignored */
          e.seq = gs_queue_push (queue, &e);
          g_array_append_val (ref, e);
          pushes++;
        }
      else
        {
          GsEvent got, want, peeked = { 0 };
          const GsEvent *head = gs_queue_peek (queue);
          gboolean ok;
          /* Copied now: popping reuses the slot the pointer refers to. */
          if (head != NULL)
            peeked = *head;
          ok = gs_queue_pop (queue, &got);
          if (ref->len == 0)
            {
              if (ok || head != NULL)
                mismatches++;
              continue;
            }
          want = reference_pop (ref);
          if (!ok || head == NULL || !events_equal (&got, &want)
              || !events_equal (&peeked, &want))
            mismatches++;
          pops++;
        }
      if (gs_queue_size (queue) != ref->len)
        mismatches++;
      max_size = MAX (max_size, gs_queue_size (queue));
    }
  CU_ASSERT_EQUAL (mismatches, 0);
  CU_ASSERT_EQUAL (gs_queue_size (queue), 0);
  CU_ASSERT_EQUAL (pops, pushes); /* every event came out exactly once */
  /* Enough events to have grown past the initial capacity several times. */
  CU_ASSERT_TRUE (max_size > 256);
}

static void
test_queue_replace_top_differential (void)
{
  /* gs_queue_replace_top() against the reference doing what it stands
   * for, a pop then a push: 20000 random operations (push with probability
   * 0.4, replace the top 0.35, pop 0.25, so the queue grows to about three
   * thousand events), then a full drain by pops.  The event replaced must be
   * the reference's first, its replacement must get the next stamp, and every
   * pop must match the reference field for field.  Times in 0..49 and
   * priorities in −2..2, so ties are common. */
  g_autoptr (GsQueue) queue = gs_queue_new ();
  g_autoptr (GArray) ref = g_array_new (FALSE, FALSE, sizeof (GsEvent));
  guint mismatches = 0, replaced = 0;
  guint64 last_seq = 0;
  GsRng rng;

  gs_rng_init (&rng, 20261202, 0);
  for (guint32 op = 0; op < 20000 || ref->len > 0; op++)
    {
      double u = op < 20000 ? gs_rng_uniform (&rng) : 1.0;
      if (u < 0.75 && (u < 0.4 || ref->len > 0))
        {
          GsEvent e = make_event ((GsTime)gs_rng_below (&rng, 50),
                                  (gint32)gs_rng_below (&rng, 5) - 2, op);
          e.seq = G_MAXUINT64; /* must be ignored */
          if (u < 0.4)
            e.seq = gs_queue_push (queue, &e);
          else
            {
              GsEvent head = *gs_queue_peek (queue);
              GsEvent want = reference_pop (ref);
              if (!events_equal (&head, &want))
                mismatches++;
              e.seq = gs_queue_replace_top (queue, &e);
              replaced++;
            }
          if (e.seq != last_seq + 1)
            mismatches++;
          last_seq = e.seq;
          g_array_append_val (ref, e);
        }
      else
        {
          GsEvent got, want;
          gboolean ok = gs_queue_pop (queue, &got);
          if (ref->len == 0)
            {
              if (ok)
                mismatches++;
              continue;
            }
          want = reference_pop (ref);
          if (!ok || !events_equal (&got, &want))
            mismatches++;
        }
      if (gs_queue_size (queue) != ref->len)
        mismatches++;
    }
  CU_ASSERT_EQUAL (mismatches, 0);
  CU_ASSERT_EQUAL (gs_queue_size (queue), 0);
  CU_ASSERT_TRUE (replaced > 5000);
}

static void
test_queue_replace_top_single (void)
{
  /* A queue of one event: the replacement is all it holds, even when it
   * sorts after the event it replaced. */
  g_autoptr (GsQueue) queue = gs_queue_new ();
  GsEvent e = make_event (10, 0, 1), out;
  gs_queue_push (queue, &e);
  e = make_event (20, 0, 2);
  CU_ASSERT_EQUAL (gs_queue_replace_top (queue, &e), 2);
  CU_ASSERT_EQUAL (gs_queue_size (queue), 1);
  CU_ASSERT_TRUE (gs_queue_pop (queue, &out));
  CU_ASSERT_EQUAL (out.time, 20);
  CU_ASSERT_EQUAL (out.subject, 2);
  CU_ASSERT_EQUAL (out.seq, 2);
  CU_ASSERT_FALSE (gs_queue_pop (queue, &out));
}

static void
test_queue_equal_time_in_push_order (void)
{
  /* 1000 events with one time and one priority come out in push order:
   * subject records the push index. */
  g_autoptr (GsQueue) queue = gs_queue_new ();
  gboolean in_order = TRUE;
  GsEvent e;

  for (guint32 i = 0; i < 1000; i++)
    {
      e = make_event (100, 0, i);
      gs_queue_push (queue, &e);
    }
  for (guint32 i = 0; i < 1000; i++)
    if (!gs_queue_pop (queue, &e) || e.subject != i)
      in_order = FALSE;
  CU_ASSERT_TRUE (in_order);
}

static void
test_queue_priority_before_seq (void)
{
  /* At one time, lower priority first whatever the push order; an earlier
   * time beats any priority. */
  g_autoptr (GsQueue) queue = gs_queue_new ();
  static const struct
  {
    GsTime time;
    gint32 priority;
  } pushes[] = { { 5, 1 }, { 5, 0 }, { 5, -1 }, { 5, 0 }, { 4, 100 } };
  /* Expected subjects (push indices) by hand: time 4 first, then at time 5
   * priority −1, the two priority-0 events in push order, priority 1. */
  static const guint32 expected[] = { 4, 2, 1, 3, 0 };
  GsEvent e;

  for (guint32 i = 0; i < G_N_ELEMENTS (pushes); i++)
    {
      e = make_event (pushes[i].time, pushes[i].priority, i);
      gs_queue_push (queue, &e);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      CU_ASSERT_TRUE_FATAL (gs_queue_pop (queue, &e));
      CU_ASSERT_EQUAL (e.subject, expected[i]);
    }
  CU_ASSERT_FALSE (gs_queue_pop (queue, &e));
}

static void
test_queue_push_assigns_seq (void)
{
  /* Stamps increase by one from 1, whatever seq the caller passed. */
  g_autoptr (GsQueue) queue = gs_queue_new ();
  GsEvent e = make_event (1, 0, 0);
  e.seq = 999;
  CU_ASSERT_EQUAL (gs_queue_push (queue, &e), 1);
  e.seq = 0;
  CU_ASSERT_EQUAL (gs_queue_push (queue, &e), 2);
  CU_ASSERT_EQUAL (gs_queue_push (queue, &e), 3);
  CU_ASSERT_EQUAL (gs_queue_peek (queue)->seq, 1);
}

static void
test_queue_peek_size_clear (void)
{
  g_autoptr (GsQueue) queue = gs_queue_new ();
  GsEvent a = make_event (30, 0, 1);
  GsEvent b = make_event (10, 0, 2);
  GsEvent c = make_event (20, 0, 3);
  GsEvent out;
  guint64 last;

  CU_ASSERT_EQUAL (gs_queue_size (queue), 0);
  CU_ASSERT_PTR_NULL (gs_queue_peek (queue));
  gs_queue_push (queue, &a);
  gs_queue_push (queue, &b);
  last = gs_queue_push (queue, &c);
  CU_ASSERT_EQUAL (gs_queue_size (queue), 3);
  /* Peek shows the earliest and removes nothing. */
  CU_ASSERT_EQUAL (gs_queue_peek (queue)->subject, 2);
  CU_ASSERT_EQUAL (gs_queue_peek (queue)->subject, 2);
  CU_ASSERT_EQUAL (gs_queue_size (queue), 3);

  gs_queue_clear (queue);
  CU_ASSERT_EQUAL (gs_queue_size (queue), 0);
  CU_ASSERT_PTR_NULL (gs_queue_peek (queue));
  CU_ASSERT_FALSE (gs_queue_pop (queue, &out));

  /* The counter survives the clear, and the queue is usable again. */
  CU_ASSERT_EQUAL (gs_queue_push (queue, &a), last + 1);
  CU_ASSERT_TRUE (gs_queue_pop (queue, &out));
  CU_ASSERT_EQUAL (out.subject, 1);
  CU_ASSERT_EQUAL (out.seq, last + 1);
}

static void
test_queue_pop_empty (void)
{
  /* FALSE, and @out is left alone. */
  g_autoptr (GsQueue) queue = gs_queue_new ();
  GsEvent e = make_event (7, 7, 7);
  GsEvent out = make_event (1, 2, 3);
  GsEvent untouched = out;

  CU_ASSERT_FALSE (gs_queue_pop (queue, &out));
  CU_ASSERT_TRUE (events_equal (&out, &untouched));
  gs_queue_push (queue, &e);
  CU_ASSERT_TRUE (gs_queue_pop (queue, &out));
  CU_ASSERT_FALSE (gs_queue_pop (queue, &out));
  CU_ASSERT_EQUAL (out.subject, 7);
}

static void
test_queue_extreme_times (void)
{
  /* Ordering must not subtract times: GS_TIME_NEVER against a very negative
   * time would overflow. */
  g_autoptr (GsQueue) queue = gs_queue_new ();
  GsEvent never = make_event (GS_TIME_NEVER, G_MININT32, 1);
  GsEvent early = make_event (G_MININT64, G_MAXINT32, 2);
  GsEvent zero = make_event (0, 0, 3);
  GsEvent out;

  CU_ASSERT_TRUE (gs_event_compare (&early, &never) < 0);
  CU_ASSERT_TRUE (gs_event_compare (&never, &early) > 0);
  gs_queue_push (queue, &never);
  gs_queue_push (queue, &zero);
  gs_queue_push (queue, &early);
  gs_queue_pop (queue, &out);
  CU_ASSERT_EQUAL (out.subject, 2);
  gs_queue_pop (queue, &out);
  CU_ASSERT_EQUAL (out.subject, 3);
  gs_queue_pop (queue, &out);
  CU_ASSERT_EQUAL (out.subject, 1);
}

static void
test_queue_event_compare (void)
{
  GsEvent a = make_event (5, 0, 0);
  GsEvent b = a;

  a.seq = 1;
  b.seq = 2;
  CU_ASSERT_TRUE (gs_event_compare (&a, &b) < 0);
  CU_ASSERT_TRUE (gs_event_compare (&b, &a) > 0);
  CU_ASSERT_EQUAL (gs_event_compare (&a, &a), 0);
  /* Priority outranks seq, time outranks priority. */
  a.priority = 1;
  CU_ASSERT_TRUE (gs_event_compare (&a, &b) > 0);
  a.time = 4;
  CU_ASSERT_TRUE (gs_event_compare (&a, &b) < 0);
  /* Kind, subject, aux and data play no part. */
  b = a;
  b.kind++;
  b.subject++;
  b.aux++;
  b.data++;
  CU_ASSERT_EQUAL (gs_event_compare (&a, &b), 0);
}

static void
test_queue_free_null (void)
{
  /* Accepted, like free (NULL); also the path g_autoptr takes. */
  gs_queue_free (NULL);
  g_autoptr (GsQueue) unused = NULL;
  CU_ASSERT_PTR_NULL (unused);
}

static const GsTestCase cases[] = {
  { "test_queue_differential", test_queue_differential },
  { "test_queue_replace_top_differential",
    test_queue_replace_top_differential },
  { "test_queue_replace_top_single", test_queue_replace_top_single },
  { "test_queue_equal_time_in_push_order",
    test_queue_equal_time_in_push_order },
  { "test_queue_priority_before_seq", test_queue_priority_before_seq },
  { "test_queue_push_assigns_seq", test_queue_push_assigns_seq },
  { "test_queue_peek_size_clear", test_queue_peek_size_clear },
  { "test_queue_pop_empty", test_queue_pop_empty },
  { "test_queue_extreme_times", test_queue_extreme_times },
  { "test_queue_event_compare", test_queue_event_compare },
  { "test_queue_free_null", test_queue_free_null },
  { NULL, NULL },
};

int
main (void)
{
  return gs_test_run ("queue", cases);
}

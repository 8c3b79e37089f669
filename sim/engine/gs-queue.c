/* gs-queue.c — the engine's event queue: a binary min-heap of GsEvent.
 *
 * Events live inline in one array used as an implicit binary tree: the
 * children of slot i are slots 2i + 1 and 2i + 2, and no event sorts before
 * its parent under gs_event_compare(), so slot 0 is always the next event.
 * Push and pop are O(log n) and move events with plain assignments into a
 * travelling hole rather than swaps.
 *
 * The order is total: (time, priority, seq) with seq unique, because
 * gs_queue_push() stamps every event from a counter that only increases and
 * that gs_queue_clear() deliberately keeps.  A heap is not a stable sort, so
 * this stamp is what makes events scheduled for the same time and priority
 * come out in scheduling order; without it their order would depend on the
 * heap's shape, i.e. on everything scheduled before them.
 *
 * Workload: a run schedules and fires events one at a time, with the queue
 * holding at most a few thousand.  The array doubles when full and is never
 * shrunk, so once it has reached the run's working size neither push nor pop
 * allocates.
 */
#include <govsim/gs-queue.h>

/* Slots allocated by the first push: enough for a small scenario without
 * any regrowth, small enough not to matter when many queues exist. */
#define GS_QUEUE_INITIAL_CAPACITY 64

struct _GsQueue
{
  GsEvent *heap;    /* heap[0 .. size) in heap order; NULL until first push */
  gsize size;       /* events waiting */
  gsize capacity;   /* slots allocated in heap */
  guint64 next_seq; /* stamp for the next push; never decreases */
};

GsQueue *
gs_queue_new (void)
{
  GsQueue *queue = g_new0 (GsQueue, 1);
  /* Stamps start at 1 so that 0 is never a valid sequence number and can
   * mean "no event" in callers' bookkeeping. */
  queue->next_seq = 1;
  return queue;
}

void
gs_queue_free (GsQueue *queue)
{
  if (queue == NULL)
    return;
  g_free (queue->heap);
  g_free (queue);
}

/* Compared field by field, never by subtraction, which would overflow for
 * times far apart (GS_TIME_NEVER against a negative time). */
int
gs_event_compare (const GsEvent *a, const GsEvent *b)
{
  if (a->time != b->time)
    return a->time < b->time ? -1 : 1;
  if (a->priority != b->priority)
    return a->priority < b->priority ? -1 : 1;
  if (a->seq != b->seq)
    return a->seq < b->seq ? -1 : 1;
  return 0;
}

guint64
gs_queue_push (GsQueue *queue, const GsEvent *event)
{
  GsEvent item;
  gsize hole;

  g_return_val_if_fail (queue != NULL, 0);
  g_return_val_if_fail (event != NULL, 0);

  if (queue->size == queue->capacity)
    {
      gsize capacity = queue->capacity == 0 ? GS_QUEUE_INITIAL_CAPACITY
                                            : queue->capacity * 2;
      /* g_renew aborts on size overflow rather than wrapping. */
      queue->heap = g_renew (GsEvent, queue->heap, capacity);
      queue->capacity = capacity;
    }

  item = *event;
  item.seq = queue->next_seq++;

  /* Sift up: move parents that sort after the new event down into the
   * hole until the event's place is found. */
  hole = queue->size++;
  while (hole > 0)
    {
      gsize parent = (hole - 1) / 2;
      if (gs_event_compare (&queue->heap[parent], &item) <= 0)
        break;
      queue->heap[hole] = queue->heap[parent];
      hole = parent;
    }
  queue->heap[hole] = item;
  return item.seq;
}

/* Sift down: @item fills the root's hole, which descends towards the
 * smaller child until the item sorts before both children; heap[0 .. n)
 * but the root is in heap order.  child = 2 × hole + 1 cannot overflow:
 * hole < n ≤ capacity, and the array's byte size (≥ 40 × capacity) already
 * fits in a gsize. */
static inline void
sift_down (GsEvent *heap, gsize n, const GsEvent *item)
{
  gsize hole = 0;
  for (;;)
    {
      gsize child = 2 * hole + 1;
      if (child >= n)
        break;
      if (child + 1 < n
          && gs_event_compare (&heap[child + 1], &heap[child]) < 0)
        child++;
      if (gs_event_compare (item, &heap[child]) <= 0)
        break;
      heap[hole] = heap[child];
      hole = child;
    }
  heap[hole] = *item;
}

gboolean
gs_queue_pop (GsQueue *queue, GsEvent *out)
{
  gsize n;

  g_return_val_if_fail (queue != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (queue->size == 0)
    return FALSE;

  *out = queue->heap[0];
  n = --queue->size;
  if (n == 0)
    return TRUE;

  /* The last event fills the root's hole; it is read from heap[n], past
   * the holes sift_down() may fill. */
  sift_down (queue->heap, n, &queue->heap[n]);
  return TRUE;
}

/* The root's place is given to the new event, which sifts down: one pass
 * where a pop and a push would make two.  The events held afterwards, and
 * their stamps, are those of gs_queue_pop() then gs_queue_push(); the heap
 * may be shaped differently, but the order is total, so what comes out
 * does not depend on the shape. */
guint64
gs_queue_replace_top (GsQueue *queue, const GsEvent *event)
{
  GsEvent item;

  g_return_val_if_fail (queue != NULL, 0);
  g_return_val_if_fail (event != NULL, 0);
  g_return_val_if_fail (queue->size > 0, 0);

  item = *event;
  item.seq = queue->next_seq++;
  sift_down (queue->heap, queue->size, &item);
  return item.seq;
}

const GsEvent *
gs_queue_peek (const GsQueue *queue)
{
  g_return_val_if_fail (queue != NULL, NULL);
  return queue->size > 0 ? &queue->heap[0] : NULL;
}

gsize
gs_queue_size (const GsQueue *queue)
{
  g_return_val_if_fail (queue != NULL, 0);
  return queue->size;
}

void
gs_queue_clear (GsQueue *queue)
{
  g_return_if_fail (queue != NULL);
  /* The stamp counter is kept: events pushed after a clear must still sort
   * after anything an engine remembers from before it. */
  queue->size = 0;
}

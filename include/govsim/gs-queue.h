/* gs-queue.h — the event queue of the discrete-event engine.
 *
 * A binary min-heap of GsEvent values ordered by (time, priority, sequence).
 * The sequence number is assigned by gs_queue_push() from a counter that only
 * increases, so two events at the same time and priority come out in the
 * order they were scheduled: the run is a pure function of its inputs.
 * Events are small plain values stored inline; once the heap has grown to its
 * working size, push and pop never allocate.
 */
#pragma once

#include <glib.h>
#include <govsim/gs-time.h>

G_BEGIN_DECLS

typedef struct
{
  GsTime time;     /* when the event happens */
  gint32 priority; /* lower runs first among events at the same time */
  guint32 kind;    /* what happens; meaning is the engine's */
  guint64 seq;     /* insertion order, assigned by the queue */
  guint32 subject; /* index of the thing it happens to (body, case...) */
  guint32 aux;     /* a second small argument */
  gint64 data;     /* a third argument */
} GsEvent;

typedef struct _GsQueue GsQueue;

/** Creates an empty queue.  (transfer full) */
GsQueue *gs_queue_new (void);

/** Frees @queue; accepts NULL. */
void gs_queue_free (GsQueue *queue);

/**
 * gs_queue_push:
 * Schedules a copy of @event; its seq field is ignored and replaced by the
 * next insertion number, which is returned.
 */
guint64 gs_queue_push (GsQueue *queue, const GsEvent *event);

/** Removes the first event into @out; FALSE if the queue is empty. */
gboolean gs_queue_pop (GsQueue *queue, GsEvent *out);

/**
 * gs_queue_replace_top:
 * Removes the first event and schedules a copy of @event, stamped as
 * gs_queue_push() stamps it; returns that stamp.  What the queue holds
 * afterwards, and so everything that comes out of it, is the same as after
 * gs_queue_pop() then gs_queue_push(), at the cost of one pass down the
 * heap.  The queue must not be empty.
 */
guint64 gs_queue_replace_top (GsQueue *queue, const GsEvent *event);

/** The first event without removing it, or NULL if empty.  (transfer none) */
const GsEvent *gs_queue_peek (const GsQueue *queue);

/** Number of events waiting. */
gsize gs_queue_size (const GsQueue *queue);

/** Removes every event; keeps the storage and the sequence counter. */
void gs_queue_clear (GsQueue *queue);

/** Strict ordering used by the heap: negative if @a runs before @b. */
int gs_event_compare (const GsEvent *a, const GsEvent *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsQueue, gs_queue_free)

G_END_DECLS

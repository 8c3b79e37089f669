/* gs-run-private.h — the state of a run, for the run layer's own files.
 *
 * A GsRun owns everything a simulation touches: its keyed draws, its event
 * queue, the cases, the records, each body's agenda and counters, and for
 * each case the state of its pathway's gateways and of its slots.  A slot is
 * one body at one gateway of one case: it is queued on that body's agenda,
 * decided, or in a dispute climbing an escalation ladder.  Nothing is
 * shared between runs except the read-only scenario.
 *
 * The files of the layer:
 *   gs-run.c      lifecycle (new, execute, reset, free), the event loop,
 *                 records and the end-of-run invariant;
 *   gs-traffic.c  cases: fixed proposals, generated streams, deadlines;
 *   gs-meeting.c  meetings: seats, quorum, conflicts, ballots, votes, the
 *                 two phases of committees in common;
 *   gs-agenda.c   each body's agenda (two heaps of tickets) and the runs
 *                 of meetings an item is carried over at, counted lazily;
 *   gs-pathway.c  slots and gateways: opening, passing, failing, returns;
 *   gs-dispute.c  escalation ladders: levels, time limits, resolution;
 *   gs-record.c   the record table.
 *
 * Records are built by value on the stack and handed to gs__run_emit(),
 * which copies them (and their list of indices) into the run or to the
 * caller's callback: no pointer into the record array is ever held.
 */
#pragma once

#include "base/gs-time-cache.h"
#include "model/gs-scenario-private.h"

#include <govsim/gs-breach.h>
#include <govsim/gs-draw.h>
#include <govsim/gs-limits.h>
#include <govsim/gs-queue.h>
#include <govsim/gs-run.h>

G_BEGIN_DECLS

/* Events, in the order they run at one instant (see gs-run.c). */
enum
{
  GS_EV_DUE,
  GS_EV_ARRIVE,
  GS_EV_GENERATE,
  GS_EV_MEET,
  GS_EV_NEAR_DUE,
  GS_EV_LEVEL_END,
  GS_EV_URGENT, /* an urgent slot's chair's action or written resolution */
};

/* The logarithms −log (1 − u) of a Poisson stream's next waits, drawn
 * ahead: each is a pure function of its key (stream, serial), and drawn
 * one at a time the logarithm's latency lies on the event loop's critical
 * path (the next arrival's time); drawn GS_WAITS_AHEAD at a time they
 * overlap. */
#define GS_WAITS_AHEAD 16
typedef struct
{
  guint32 from; /* the serial of logs[0] */
  guint32 n;    /* logs held; 0 after a reset */
  double logs[GS_WAITS_AHEAD];
} GsWaitsAhead;

typedef enum
{
  GS_GATE_CLOSED, /* not yet open (or reset by a return) */
  GS_GATE_OPEN,
  GS_GATE_PASSED,
  GS_GATE_FAILED,
  GS_GATE_SKIPPED, /* the value is outside the gateway's range */
} GsGateState;

typedef struct
{
  GsTime opened; /* when it last opened */
  GsTime closed; /* when it last passed or failed, or NEVER */
  GsGateState state;
} GsGate;

typedef enum
{
  GS_SLOT_IDLE,     /* its gateway is not open */
  GS_SLOT_QUEUED,   /* on its body's agenda */
  GS_SLOT_DISPUTE,  /* climbing an escalation ladder */
  GS_SLOT_APPROVED, /* (or, at a recommend-only gateway, recommended) */
  GS_SLOT_REJECTED,
  GS_SLOT_GRIDLOCKED, /* its dispute exhausted every ladder */
  GS_SLOT_WITHDRAWN,  /* its gateway or case was settled without it */
  GS_SLOT_REFERRED,   /* one of a slot's referral slots, whose body has
                         yet to answer a referral (gs-referral.c) */
} GsSlotState;

/* What the agenda, the meetings and the pathway touch of a slot: its
 * state, where its ticket is, where its run of carry-overs starts, when it
 * was queued and settled.  48 bytes, so that a long backlog of queued
 * slots costs as little memory as it can (four slots in three cache
 * lines); what only disputes and referrals read is apart, in
 * GsSlotDispute.  A run of carry-overs is counted only as it is closed
 * (gs-agenda.c), so the slot keeps only where it starts. */
typedef struct
{
  guint32 item;  /* the case */
  guint32 body;  /* the body at the gateway */
  guint32 gate;  /* the gateway, in the case's pathway */
  guint32 epoch; /* bumped at every change; tickets and timers carry it */
  GsSlotState state;
  guint8 ready;        /* its ticket is among the eligible */
  guint8 majority_due; /* consensus was blocked at the last meeting:
                          this one puts it to the majority vote */
  guint8 disputed;     /* a dispute has started since it was last queued
                          (its GsSlotDispute holds the levels climbed) */
  guint32 at;          /* the body whose agenda holds its live ticket */
  guint32 carry_from;  /* ready: the first held meeting of @at (an index
                          into its log of held meetings) that may carry it,
                          the start of its run of carry-overs */
  GsTime since;        /* when queued at the body */
  GsTime settled;      /* when approved, rejected or gridlocked */
} GsSlot;

G_STATIC_ASSERT (sizeof (GsSlot) <= 48);

/* The rest of a slot, at the same index in run->slot_disputes: written
 * when a dispute starts (gs__dispute_start(): the ladder, level, levels
 * climbed and the dispute's number, the answers cleared) or a referral is
 * made (gs__referral_enter(): the answers, each referral slot's gateway
 * slot), and read only after, while the slot is in that dispute or
 * referral.  A slot that never goes to a dispute never touches it: its
 * contents are whatever an earlier case at that index left, or were never
 * written (the array is not cleared as it grows), and nothing reads them.
 * Summaries read the levels climbed of a slot through gs__slot_climbed(). */
typedef struct
{
  gint32 ladder; /* in a dispute: the ladder, level and levels climbed */
  guint32 level;
  guint32 climbed;
  guint32 dispute; /* in a dispute: its number among the case's disputes
                      (1-based), part of the key of the level's draws */
  /* A referral: its slot keeps the answers of the bodies referred to; each
   * of its referral slots (after the case's gateway slots) the slot it
   * answers for. */
  guint32 ref_yes;
  guint32 ref_no;
  guint32 referred_by;
} GsSlotDispute;

/* An entry on a body's agenda.  It is live while its slot's epoch is the
 * ticket's: anything that settles or moves the slot bumps the epoch, so
 * withdrawn items need no search and drop out when they reach the top of
 * their heap.  Its @key is what its place on the agenda needs besides
 * arrival: while it waits, its eligibility; once eligible, its case's
 * deadline (for agendas in deadline order; unused in arrival order). */
typedef struct
{
  guint32 slot;
  guint32 epoch;
  guint32 seq;  /* push order at the body: breaks every tie */
  GsTime since; /* when it reached the body (before the notice) */
  GsTime key;   /* waiting: since + the body's notice, the first meeting
                   time at which it may be taken, computed once; eligible:
                   its case's deadline */
} GsTicket;

G_STATIC_ASSERT (sizeof (GsTicket) <= 32);

/* A meeting a body held (one with business), in the body's log. */
typedef struct
{
  GsTime time;
  guint32 inq_before; /* inquorate held meetings before it */
} GsHeld;

typedef struct
{
  GArray *waiting; /* GsTicket heap by (eligible, seq) */
  GArray *ready;   /* GsTicket heap in agenda order: eligible ones
                      that came out of order */
  GArray *fifo;    /* GsTicket, eligible ones in agenda order, from
                      fifo_head on */
  guint fifo_head;
  GArray *held;     /* GsHeld, every meeting held, in order */
  guint32 seq;      /* tickets pushed so far */
  guint ready_live; /* live tickets in @ready */
  /* Of the slots among the eligible (slot->ready), counted as ready_live
   * is: the sum of their carry_from, and how many have carry_from equal to
   * the length of @held (eligible since the last held meeting, so carried
   * at none yet).  At the end of a run every held meeting has carried
   * (carried_upto is the length of @held), so the eligible carried
   * ready_live × carried_upto − ready_from times in all, in
   * ready_live − ready_new runs: what closing each one's run would count
   * (gs__agenda_end()). */
  guint64 ready_from;
  guint ready_new;
  guint32 carried_upto; /* held meetings that have carried what they left */
  guint32 inq_held;     /* held meetings that were inquorate */
  guint inq_streak;     /* ... in a row, up to the last held */
  guint32 next_meeting; /* index k of the next meeting not yet held */
  GsBodyCounters n;     /* what the summary shows of it */
  guint waiting_mark;   /* high-water marks of @waiting, @ready, @fifo */
  guint ready_mark;     /* (gs__array_extend()) */
  guint fifo_mark;
  GsAddCache notice;  /* since + notice, for tickets' eligibility */
  guint changes_seen; /* the body's amendments already in effect at a
                         meeting (and so reported) */
  GsTime opened;      /* when gs__agenda_open() last ran, or NEVER */
} GsBodyState;

/* Committees in common have at most this many constituents (the loader
 * refuses more); decide_in_common() keeps one flag per constituent. */
#define GS_RUN_CONSTITUENTS_MAX GS_LIMIT_CONSTITUENTS_MAX

/* A stance as thresholds on a draw's 53 bits (gs_draw_threshold()). */
typedef struct
{
  guint64 abstain;
  guint64 support;
  guint64 if_affected;
} GsOdds;

/* A person's attendance on the last day it was drawn in the run
 * (gs-meeting.c): one keyed draw per person and day, however many seats
 * and bodies they fill that day. */
typedef struct
{
  gint64 day;        /* the day drawn (G_MININT64: none yet) */
  guint64 threshold; /* gs_draw_threshold() of the person's attendance */
  gboolean present;  /* available that day and drawn to attend */
} GsAttendance;

struct _GsRun
{
  const GsScenario *scenario; /* (not owned) */
  GsRunFlags flags;
  gboolean keep_records;
  gboolean executed;  /* gs_run_execute() has finished once */
  guint max_records;  /* the most records it may keep */
  guint64 max_events; /* the most events it may process */
  guint64 events;     /* events processed by this execution */
  GsTime now;         /* the time of the event being processed */
  guint64 seed;
  guint64 replication;
  GsDraws draws;
  GsQueue *queue;
  gboolean top_pending;  /* the event being processed is still at the top
                            of the queue (run_loop()) */
  GArray *cases;         /* GsCase */
  GArray *gates;         /* GsGate, each case's run of them at case->gates */
  GArray *slots;         /* GsSlot, each case's run of them at case->slots */
  GArray *slot_disputes; /* GsSlotDispute, one per slot, at its index */
  guint64 *waiting;      /* bit i set while case i waits, so the end of a run
                            visits only what is pending, in case order */
  guint waiting_words;   /* words allocated in waiting */
  guint n_waiting;       /* bits set in waiting */
  guint64 outcomes;      /* outcomes given (conclude() called), checked at the
                            end against the cases decided */
  gboolean carried_open; /* the end of the run counted the pending cases'
                            carry-overs per body without closing each case's
                            own: a case whose bit is still set in @waiting
                            has its `carried` made up when it is read
                            (gs_run_get_case(), gs__agenda_close_case()) */
  guint cases_mark;      /* high-water marks (gs__array_extend()) */
  guint gates_mark;
  guint slots_mark;
  guint slot_disputes_mark;
  GArray *records;   /* GsRecord */
  GArray *refs;      /* guint32 lists referenced by records */
  GArray *pick;      /* scratch: GsTicket, those an inquorate meeting
                        escalates */
  GsSeat *seats;     /* scratch: the seats of the meeting being held */
  guint32 *people;   /* scratch: a record's list of people (max seats, plus
                        the meeting's observers), then room for a second
                        list of parties (max parties) */
  GsSeat *org_seats; /* scratch: one vote per organisation, one seat a
                        party (max parties) */
  /* The stances of the last body's seats on the last matter voted on, as
   * gs_draw_threshold()s, each with the person it is for (a deputy may sit
   * in the seat): a meeting's items of one matter look up each voter's
   * stance once. */
  GsOdds *odds;
  guint32 *stance_person;
  guint32 stance_body;
  guint32 stance_matter;
  /* The present seats of the last seats filled, for the plain ballot loop
   * (draw_plain()): compacted at the first item after a fill and kept for
   * the meeting's other items.  fills counts fill_seats() calls; the
   * compaction is valid while present_fill == fills and present_seats is
   * the array it was made of. */
  guint64 fills;
  guint64 present_fill;
  const GsSeat *present_seats;
  guint8 *present_who; /* max seats */
  guint n_present_who;
  guint present_vacant;
  GsAttendance *attendance; /* one per person (gs__meeting_attendance_new()) */
  guint64 attendance_seed;  /* ... drawn for this seed and replication */
  guint64 attendance_replication;
  GsBodyState *bodies;       /* one per scenario body */
  GsAddCache *stream_due;    /* per arrival stream: now + its deadline */
  GsAddCache *stream_every;  /* ... and now + its interval */
  GsWaitsAhead *waits_ahead; /* per Poisson stream: its next waits' logs */
  gint64 *stream_value;      /* ... and its value in whole pounds, when it
                                is fixed (gs__traffic_value()) */
  guint64 plain_streams;     /* bit i: the cases of stream i (i < 64) take
                                the plain way in (gs-traffic.c), chosen at
                                the start of each execution */
  gboolean general_only;     /* no plain ways: every case takes the general
                                way in, through its pathway and out of it
                                (set by the tests that compare them) */
  guint n_bodies;
  guint32 *bound;            /* scratch: the organisations a decision binds */
  GsBreachFinding *findings; /* scratch: an approval's breaches */
  guint *consents;           /* scratch: the bodies that approved a referral */
  GsRunCounters counters;    /* run-wide counters */
  GsRecord examples[GS_BREACH_EXAMPLES_MAX]; /* the first breaches, kept
                                                with or without records */
  guint32 example_refs[GS_BREACH_EXAMPLES_MAX][GS_AUTHORITY_MAX_LINKS];
  GsRecordFunc record_func; /* (nullable) called for the records of */
  guint64 record_kinds;     /* ... these kinds (bit k: GsRecordKind k) */
  gpointer record_data;
};

/* Room for @n more elements of @elt bytes at the end of @a, returned for
 * the caller to write in full (they are not cleared).  A GArray never gives
 * back storage when it shrinks, so up to the array's mark @mark (kept by
 * the caller) the storage is there and only its length changes: no call,
 * no clearing, in a replication's steady state.  Past the mark, one
 * g_array_set_size() to the whole power of two bytes GArray allocates
 * anyway, which becomes the mark: a run that grows its arrays (the first
 * replication of a long backlog) calls it a logarithmic number of times,
 * not once an element.  Only for arrays created without clearing (so that
 * growing writes nothing: an element's memory is first touched when it is
 * written, and never for one that is never written), a zero terminator or
 * a clear function. */
static inline gpointer
gs__array_extend (GArray *a, guint *mark, gsize elt, guint n)
{
  guint at = a->len;
  if (G_UNLIKELY (at + n > *mark))
    {
      gsize want = (gsize)(at + n) * elt, bytes = 16;
      while (bytes < want)
        bytes *= 2;
      g_array_set_size (a, (guint)MIN (bytes / elt, G_MAXUINT));
      *mark = a->len;
    }
  a->len = at + n; /* GArray's len is public */
  return a->data + (gsize)at * elt;
}

#define GS_RUN_CASE(r, i) (&g_array_index ((r)->cases, GsCase, (i)))

/* Marks a new case (the last one made) waiting. */
static inline void
gs__run_mark_waiting (GsRun *run, guint32 ci)
{
  guint w = ci / 64;
  if (w >= run->waiting_words)
    {
      run->waiting_words = MAX (2 * run->waiting_words, w + 1);
      run->waiting = g_renew (guint64, run->waiting, run->waiting_words);
    }
  if (ci % 64 == 0)
    run->waiting[w] = 0;
  run->waiting[w] |= G_GUINT64_CONSTANT (1) << (ci % 64);
  run->n_waiting++;
}

/* Marks a waiting case decided. */
static inline void
gs__run_mark_decided (GsRun *run, guint32 ci)
{
  run->waiting[ci / 64] &= ~(G_GUINT64_CONSTANT (1) << (ci % 64));
  run->n_waiting--;
}
#define GS_RUN_SLOT(r, i) (&g_array_index ((r)->slots, GsSlot, (i)))
#define GS_RUN_SLOT_DISPUTE(r, i)                                              \
  (&g_array_index ((r)->slot_disputes, GsSlotDispute, (i)))

/* The index of @slot, a slot of @run. */
static inline guint32
gs__slot_index (const GsRun *run, const GsSlot *slot)
{
  return (guint32)(slot - (const GsSlot *)(gconstpointer)run->slots->data);
}

/* The dispute part of @slot, a slot of @run. */
static inline GsSlotDispute *
gs__slot_dispute (const GsRun *run, const GsSlot *slot)
{
  return GS_RUN_SLOT_DISPUTE (run, gs__slot_index (run, slot));
}

/* The escalation levels @slot climbed in its dispute since it was last
 * queued: 0 without one. */
static inline guint32
gs__slot_climbed (const GsRun *run, const GsSlot *slot)
{
  return slot->disputed ? gs__slot_dispute (run, slot)->climbed : 0;
}
#define GS_RUN_GATE(r, c, g)                                                   \
  (&g_array_index ((r)->gates, GsGate, (c)->gates + (g)))

/* A record with its header filled in and every other field zero (indices
 * -1 where the table says so is the caller's business). */
static inline GsRecord
gs__record (GsTime t, GsRecordKind kind, guint32 body, guint32 item)
{
  return (GsRecord){
    .time = t, .kind = kind, .body = body, .item = item, .when = GS_TIME_NEVER
  };
}

/* gs-run.c: hands a record, and its list of @n_refs indices, to the run
 * (when it keeps records) and to the record callback.  The caller fills in
 * everything but the list's length and offset (n_refs2 included), which
 * are set here before anyone sees the record. */
void gs__run_emit (GsRun *run, const GsRecord *record, const guint32 *refs,
                   guint n_refs);

/* Whether anyone will see a record of @kind: the run keeps records, or its
 * callback takes that kind. */
static inline gboolean
gs__run_wants (const GsRun *run, GsRecordKind kind)
{
  return run->keep_records
         || (run->record_func != NULL
             && (run->record_kinds & (G_GUINT64_CONSTANT (1) << kind)) != 0);
}

/* Whether to build a record of @kind the caller is about to emit: TRUE
 * when anyone will see it.  When nobody will, the caller may skip building
 * it, and it is counted here as made, so that counters.records is the same
 * with records and without. */
static inline gboolean
gs__run_building (GsRun *run, GsRecordKind kind)
{
  if (gs__run_wants (run, kind))
    return TRUE;
  run->counters.records++;
  return FALSE;
}

/* gs-run.c: schedules an event, unless it falls at or past the end. */
void gs__run_schedule (GsRun *run, GsTime t, guint32 kind, guint32 subject,
                       guint32 aux);

/* The key of case @c in the draws: what the case is, not when it came. */
static inline guint64
gs__case_key (const GsCase *c)
{
  if (c->proposal != GS_NONE)
    return c->proposal;
  return ((guint64)(c->arrivals + 1) << 32) | c->serial;
}

/* gs-traffic.c */
/* A value as the run carries it: whole pounds, rounded, the cap keeping a
 * wild lognormal tail finite. */
gint64 gs__traffic_value (double x);
void gs__traffic_start (GsRun *run);
void gs__traffic_arrive (GsRun *run, guint32 ci, GsTime now);
void gs__traffic_generate (GsRun *run, guint32 stream, guint32 k, GsTime now);
void gs__traffic_fall_due (GsRun *run, guint32 ci, GsTime now);
void gs__traffic_record_where (GsRun *run, GsTime now, GsRecordKind kind,
                               guint32 ci);

/* gs-meeting.c */
GsTime gs__meeting_time (const GsBody *b, guint32 k);
GsTime gs__meeting_for (const GsRun *run, guint32 bi, GsTime t);
void gs__meeting_hold (GsRun *run, guint32 bi, guint32 k, GsTime now);
/* The run's attendance cache, one entry per person of @s, none drawn. */
GsAttendance *gs__meeting_attendance_new (const GsScenario *s);
gboolean gs__person_available (const GsRun *run, guint person, GsTime now);
double gs__person_support (const GsRun *run, guint person, const GsCase *c);
/* An approval of case @ci in the name of body @bi reached without a vote
 * of it (a chair's decision, a mediated agreement the body adopts, an
 * arbitrator's award): judged like one it voted, each constituent of
 * committees in common for its own organisation. */
void gs__meeting_check_award (GsRun *run, guint32 bi, guint32 ci, GsTime now);
/* The breach of members of @bi, conflicted on case @ci under terms of
 * reference that only ask for a declaration, who voted on it outside a
 * meeting (a written resolution): recorded as a meeting records it. */
void gs__meeting_breach_conflicted (GsRun *run, GsTime now, guint32 bi,
                                    guint32 ci, const guint32 *people, guint n);
/* Who reached an approval for a body other than its own vote: the level
 * of a dispute procedure (the breach records' decided_by, ladder, level). */
typedef struct
{
  GsDecidedBy by;
  gint32 ladder;
  gint32 level;
  const guint *consents; /* a referral: the bodies that approved */
  guint n_consents;
} GsAward;
/* gs__meeting_check_award() naming who decided (@by NULL: the body). */
void gs__meeting_check_award_by (GsRun *run, guint32 bi, guint32 ci, GsTime now,
                                 const GsAward *by);

/* gs-agenda.c */
void gs__slot_push_ticket (GsRun *run, guint32 bi, guint32 si, GsTime since);
gboolean gs__ticket_live (const GsRun *run, const GsTicket *t);
/* Bumps the slot's epoch (killing its ticket and timers), first closing
 * its run of carry-overs, which ended as @how. */
void gs__slot_bump_full (GsRun *run, guint32 si, GsTime now, GsCarryEnd how);
/* gs__slot_bump_full(), or just the epoch where there is nothing else to
 * do: the slot is not among its body's eligible tickets (so it has no run
 * of carry-overs) and is not in a dispute (so it has no referrals to drop,
 * gs__referral_drop()).  Nearly every bump: a slot queued or settled. */
static inline void
gs__slot_bump (GsRun *run, guint32 si, GsTime now, GsCarryEnd how)
{
  GsSlot *slot = GS_RUN_SLOT (run, si);
  if (G_LIKELY (!slot->ready && slot->state != GS_SLOT_DISPUTE))
    slot->epoch++;
  else
    gs__slot_bump_full (run, si, now, how);
}
/* At the body's scheduled meeting: moves the tickets eligible at @now into
 * the eligible heap; returns how many live tickets it holds (0: the
 * meeting is not held). */
guint gs__agenda_open (GsRun *run, guint32 bi, GsTime now);
/* The meeting is held: logs it. */
void gs__agenda_held (GsRun *run, guint32 bi, GsTime now);
/* The meeting has carried every item it did not take (after its quorum
 * failed, or once it stopped taking items). */
void gs__agenda_carried (GsRun *run, guint32 bi, gboolean inquorate);
/* The next live item in agenda order, off the heap (FALSE: none);
 * closes its run of carry-overs. */
gboolean gs__agenda_pop (GsRun *run, guint32 bi, GsTime now, GsTicket *out);
/* A popped item left inquorate by conflicts: carried at this meeting (a
 * run of one) and eligible again from the next. */
void gs__agenda_requeue (GsRun *run, guint32 bi, const GsTicket *t, GsTime now);
/* After an inquorate meeting: into run->pick, in agenda order, the queued
 * items carried at @n inquorate meetings running; returns how many. */
guint gs__agenda_inquorate_due (GsRun *run, guint32 bi, guint n);
/* The period has ended: closes the runs of carry-overs of case @ci. */
void gs__agenda_close_at_end (GsRun *run, guint32 ci, GsTime end);
/* The period has ended and nobody sees a CARRIED record: adds to each
 * body's carried count what closing the pending items' runs of carry-overs
 * would add, and counts their records, from the body's own sums, without
 * visiting a case or a slot (a debug build checks it against the visit).
 * Each pending case's own `carried` is left for gs__agenda_close_case().
 * FALSE, doing nothing, if a body's held meetings have not all carried
 * (not reached: the meeting that holds one carries in the same event). */
gboolean gs__agenda_end (GsRun *run);
/* After gs__agenda_end(): adds to pending case @ci's `carried` its runs of
 * carry-overs still open at the end, as gs__agenda_close_at_end() would
 * have, once (it clears the case's bit in run->waiting). */
void gs__agenda_close_case (GsRun *run, guint32 ci);

/* gs-pathway.c */
const GsGateway *gs__slot_gateway (const GsRun *run, const GsSlot *slot);
gboolean gs__slot_outstanding (const GsSlot *slot);
void gs__slot_settle (GsRun *run, guint32 si, GsSlotState state, GsTime now,
                      guint32 body);
void gs__pathway_advance (GsRun *run, guint32 ci, GsTime now, guint32 body);

/* gs-urgent.c: whether slot @si, just queued at @now, is an urgent case
 * its body decides between meetings (then it has no ticket yet, and an
 * event decides it or puts it on the agenda); the event itself. */
gboolean gs__urgent_route (GsRun *run, guint32 si, GsTime now);
void gs__urgent_decide (GsRun *run, guint32 si, guint32 epoch, GsTime now);

/* gs-consensus.c */
GsVoteOutcome gs__consensus_fallback (GsRun *run, const GsBody *b,
                                      GsSeat *seats, GsTally *tally);
void gs__consensus_defer (GsRun *run, guint32 bi, guint32 si, GsTime now);

/* gs-dispute.c */
guint32 gs__dispute_level_body (const GsRun *run, const GsSlot *slot);
gboolean gs__slot_on_agenda (const GsSlot *slot);
void gs__referral_enter (GsRun *run, guint32 si, GsTime start);
void gs__referral_answer (GsRun *run, guint32 ri, gboolean approved,
                          GsTime now);
void gs__referral_drop (GsRun *run, guint32 si, GsTime now);
/* The bodies that approved the referral of slot @si, into run->consents.
 * Returns: how many. */
guint gs__referral_consents (GsRun *run, guint32 si);
void gs__dispute_start (GsRun *run, guint32 si, GsTrigger trigger, GsTime now);
void gs__dispute_resolve (GsRun *run, guint32 si, gboolean approved,
                          GsTime now);
void gs__dispute_level_failed (GsRun *run, guint32 si, GsLevelFailure why,
                               GsTime now);
void gs__dispute_level_end (GsRun *run, guint32 si, guint32 epoch, GsTime now);
void gs__dispute_near_due (GsRun *run, guint32 si, guint32 epoch, GsTime now);

G_END_DECLS

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
 *                 two phases of committees in common, the agenda;
 *   gs-pathway.c  slots and gateways: opening, passing, failing, returns;
 *   gs-dispute.c  escalation ladders: levels, time limits, resolution;
 *   gs-record.c   the record table.
 *
 * Records are built by value on the stack and handed to gs__run_emit(),
 * which copies them (and their list of indices) into the run or to the
 * caller's callback: no pointer into the record array is ever held.
 */
#pragma once

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
};

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
} GsSlotState;

typedef struct
{
  guint32 item;  /* the case */
  guint32 body;  /* the body at the gateway */
  guint32 gate;  /* the gateway, in the case's pathway */
  guint32 epoch; /* bumped at every change; tickets and timers carry it */
  GsSlotState state;
  guint inquorate; /* consecutive inquorate meetings while queued */
  GsTime since;    /* when queued at the body */
  GsTime settled;  /* when approved, rejected or gridlocked */
  gint32 ladder;   /* in a dispute: the ladder, level and levels climbed */
  guint32 level;
  guint32 climbed;
  guint32 dispute; /* in a dispute: its number among the case's disputes
                      (1-based), part of the key of the level's draws */
} GsSlot;

/* An entry on a body's agenda.  It is live while its slot's epoch is the
 * ticket's: anything that settles or moves the slot bumps the epoch, so
 * withdrawn items need no search and drop out at the next meeting. */
typedef struct
{
  guint32 slot;
  guint32 epoch;
  GsTime since;    /* when it reached the body (before the notice) */
  GsTime eligible; /* since + the body's notice: the first meeting time at
                      which it may be taken, computed once */
} GsTicket;

typedef struct
{
  GArray *agenda;       /* GsTicket, in the order they were added */
  guint32 next_meeting; /* index k of the next meeting not yet held */
  GsBodyCounters n;     /* what the summary shows of it */
} GsBodyState;

/* Committees in common have at most this many constituents (the loader
 * refuses more); decide_in_common() keeps one flag per constituent. */
#define GS_RUN_CONSTITUENTS_MAX GS_LIMIT_CONSTITUENTS_MAX

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
  GArray *cases;       /* GsCase */
  GArray *gates;       /* GsGate, each case's run of them at case->gates */
  GArray *slots;       /* GsSlot, each case's run of them at case->slots */
  GArray *records;     /* GsRecord */
  GArray *refs;        /* guint32 lists referenced by records */
  GArray *pick;        /* scratch: agenda positions taken at a meeting */
  GsSeat *seats;       /* scratch: the seats of the meeting being held */
  guint32 *people;     /* scratch: a record's list of people (max seats) */
  GsBodyState *bodies; /* one per scenario body */
  guint n_bodies;
  guint32 *bound;            /* scratch: the organisations a decision binds */
  GsBreachFinding *findings; /* scratch: an approval's breaches */
  GsRunCounters counters;    /* run-wide counters */
  GsRecord examples[GS_BREACH_EXAMPLES_MAX]; /* the first breaches, kept
                                                with or without records */
  guint32 example_refs[GS_BREACH_EXAMPLES_MAX][GS_AUTHORITY_MAX_LINKS];
  GsRecordFunc record_func; /* (nullable) called for every record */
  gpointer record_data;
};

#define GS_RUN_CASE(r, i) (&g_array_index ((r)->cases, GsCase, (i)))
#define GS_RUN_SLOT(r, i) (&g_array_index ((r)->slots, GsSlot, (i)))
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

/* gs-run.c: hands a complete record, and its list of @n_refs indices, to
 * the run (when it keeps records) and to the record callback. */
void gs__run_emit (GsRun *run, const GsRecord *record, const guint32 *refs,
                   guint n_refs);

/* Whether to build a record the caller is about to emit: TRUE when anyone
 * will see it (the run keeps records or has a callback).  When nobody
 * will, the caller may skip building it, and it is counted here as made,
 * so that counters.records is the same with records and without. */
static inline gboolean
gs__run_building (GsRun *run)
{
  if (run->keep_records || run->record_func != NULL)
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
gboolean gs__person_available (const GsRun *run, guint person, GsTime now);
double gs__person_support (const GsRun *run, guint person, const GsCase *c);

/* gs-pathway.c */
const GsGateway *gs__slot_gateway (const GsRun *run, const GsSlot *slot);
gboolean gs__slot_outstanding (const GsSlot *slot);
void gs__slot_push_ticket (GsRun *run, guint32 bi, guint32 si, GsTime since);
gboolean gs__ticket_live (const GsRun *run, const GsTicket *t);
void gs__slot_settle (GsRun *run, guint32 si, GsSlotState state, GsTime now,
                      guint32 body);
void gs__pathway_advance (GsRun *run, guint32 ci, GsTime now, guint32 body);
void gs__case_carry (GsRun *run, guint32 bi, guint32 ci, GsTime now,
                     GsTime next, GsCarryReason reason, guint inquorate);

/* gs-dispute.c */
guint32 gs__dispute_level_body (const GsRun *run, const GsSlot *slot);
void gs__dispute_start (GsRun *run, guint32 si, GsTrigger trigger, GsTime now);
void gs__dispute_resolve (GsRun *run, guint32 si, gboolean approved,
                          GsTime now);
void gs__dispute_level_failed (GsRun *run, guint32 si, GsLevelFailure why,
                               GsTime now);
void gs__dispute_level_end (GsRun *run, guint32 si, guint32 epoch, GsTime now);
void gs__dispute_near_due (GsRun *run, guint32 si, guint32 epoch, GsTime now);

G_END_DECLS

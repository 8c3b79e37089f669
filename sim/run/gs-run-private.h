/* gs-run-private.h — the state of a run, for the library's own modules.
 *
 * A GsRun owns everything a simulation touches: its random stream, its
 * event queue, the cases, the records, each body's agenda, and for each case
 * the state of its pathway's gateways and of its slots.  A slot is one body
 * at one gateway of one case: it is queued on that body's agenda, decided,
 * or in a dispute climbing an escalation ladder.  Nothing is shared between
 * runs except the read-only scenario.
 */
#pragma once

#include "model/gs-scenario-private.h"

#include <govsim/gs-run.h>
#include <govsim/gs-queue.h>
#include <govsim/gs-rng.h>

G_BEGIN_DECLS

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
} GsSlot;

/* An entry on a body's agenda.  It is live while its slot's epoch is the
 * ticket's: anything that settles or moves the slot bumps the epoch, so
 * withdrawn items need no search and drop out at the next meeting. */
typedef struct
{
  guint32 slot;
  guint32 epoch;
  GsTime since; /* when the body may first take it (before the notice) */
} GsTicket;

typedef struct
{
  GArray *agenda;       /* GsTicket, in the order they were added */
  guint32 next_meeting; /* index k of the next meeting not yet held */
  guint meetings;       /* meetings held with business */
  guint inquorate;      /* of those, how many were inquorate */
  guint ties;           /* votes tied, so the motion failed */
  guint casting;        /* ties resolved by the chair's casting vote */
  guint blocked;        /* consensus blocked by an objection */
  guint no_votes;       /* items on which nobody voted for or against */
  guint splits;         /* committees in common that disagreed */
  guint conflicts;      /* members excluded from a vote for a conflict */
  guint carried;        /* items carried over to a later meeting */
  guint disputes;       /* disputes that arose here */
} GsBodyState;

struct _GsRun
{
  const GsScenario *scenario; /* (not owned) */
  guint64 seed;
  guint64 replication;
  gboolean keep_records;
  GsRng rng;
  GsQueue *queue;
  GArray *cases;       /* GsCase */
  GArray *gates;       /* GsGate, each case's run of them at case->gates */
  GArray *slots;       /* GsSlot, each case's run of them at case->slots */
  GArray *records;     /* GsRecord */
  GArray *refs;        /* guint32 lists referenced by records */
  GArray *pick;        /* scratch: agenda positions taken at a meeting */
  GsSeat *seats;       /* scratch: the seats of the meeting being held */
  GsBodyState *bodies; /* one per scenario body */
  guint n_bodies;
  guint32 *bound; /* scratch: the organisations a decision binds */
};

#define GS_RUN_CASE(r, i) (&g_array_index ((r)->cases, GsCase, (i)))
#define GS_RUN_SLOT(r, i) (&g_array_index ((r)->slots, GsSlot, (i)))
#define GS_RUN_GATE(r, c, g)                                                   \
  (&g_array_index ((r)->gates, GsGate, (c)->gates + (g)))

/* Appends a record (when the run keeps them) and returns it, or NULL. */
GsRecord *gs__run_add_record (GsRun *run, GsTime t, GsRecordKind kind,
                              guint32 body, guint32 item);

/* The organisations that body @bi binds by approving case @c on @now, into
 * run->bound: its parties that have not left the collaborative, and any
 * affected organisation whose scheme delegates the matter to the body.
 * Returns how many. */
guint gs__run_bound_orgs (GsRun *run, guint32 bi, const GsCase *c, GsTime now);

/* gs-breach.c: records the delegation breaches of an approval by body @bi
 * (a single body or a constituent) of case @ci, binding the @n_bound
 * organisations in run->bound. */
void gs__breach_check_approval (GsRun *run, GsTime now, guint32 bi, guint32 ci,
                                guint n_bound);

/* gs-breach.c: records a breach if members of @bi with a declared conflict
 * on case @ci voted under terms of reference that only ask them to
 * declare it. */
void gs__breach_check_conflicted (GsRun *run, GsTime now, guint32 bi,
                                  guint32 ci, const GsSeat *seats);

G_END_DECLS

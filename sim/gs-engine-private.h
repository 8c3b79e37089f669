/* gs-engine-private.h — the state of a run, for the library's own modules.
 *
 * A GsRun owns everything a simulation touches: its random stream, its
 * event queue, the cases, the records and each body's agenda.  Nothing is
 * shared between runs except the read-only scenario.
 */
#pragma once

#include "gs-scenario-private.h"

#include <govsim/gs-engine.h>
#include <govsim/gs-queue.h>
#include <govsim/gs-rng.h>

G_BEGIN_DECLS

typedef struct
{
  GArray *agenda;       /* guint32 case indices, in arrival order */
  guint32 next_meeting; /* index k of the next meeting not yet held */
  guint meetings;       /* meetings held with business */
  guint inquorate;      /* of those, how many were inquorate */
  guint ties;           /* votes tied, so the motion failed */
  guint casting;        /* ties resolved by the chair's casting vote */
  guint blocked;        /* consensus blocked by an objection */
  guint no_votes;       /* items on which nobody voted for or against */
  guint splits;         /* committees in common that disagreed */
  guint conflicts;      /* members excluded from a vote for a conflict */
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
  GArray *records;     /* GsRecord */
  GArray *refs;        /* guint32 lists referenced by records */
  GsSeat *seats;       /* scratch: the seats of the meeting being held */
  GsBodyState *bodies; /* one per scenario body */
  guint n_bodies;
};

G_END_DECLS

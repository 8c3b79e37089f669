/* gs-engine.h — one simulated run of a scenario.
 *
 * gs_run_new() plays a scenario forward from its start to its horizon with
 * one random stream, derived from (seed, replication), and keeps what
 * happened: the cases (one per proposal that arrived, fixed or generated)
 * with their outcomes, and, unless told not to, the records of the run — one
 * GsRecord per thing a board member would want to hear about (a proposal
 * arriving, a meeting, a vote, an inquorate meeting, an item carried over, a
 * missed deadline).  Records are plain values; the writers turn them into
 * words.  A run reads its scenario and never changes it, so runs of one
 * scenario may go on in parallel.
 */
#pragma once

#include <glib.h>
#include <govsim/gs-scenario.h>
#include <govsim/gs-time.h>

G_BEGIN_DECLS

#define GS_NONE G_MAXUINT32

typedef enum
{
  GS_REC_ARRIVED,     /* a case arrived; when = its expected meeting */
  GS_REC_MEETING,     /* a quorate meeting: a present of b seats, c
                         quorum, d items, f present as deputies */
  GS_REC_INQUORATE,   /* a counted, c needed, d GsQuorumResult, e role or
                         party short, f present, b members; refs =
                         people absent (or, with an item, conflicted) */
  GS_REC_APPROVED,    /* a for, b against, c abstain, d casting vote
                         used, e GsVoteOutcome (-1 for committees in
                         common: a and b count constituents); refs =
                         the organisations the decision binds */
  GS_REC_REJECTED,    /* as APPROVED: the rule's test failed */
  GS_REC_TIED,        /* as APPROVED: an equality, no casting vote */
  GS_REC_BLOCKED,     /* consensus blocked; refs = the objectors */
  GS_REC_NO_VOTES,    /* nobody voted for or against */
  GS_REC_CONSTITUENT, /* one constituent of committees in common voted:
                         as APPROVED, e its GsVoteOutcome */
  GS_REC_SPLIT,       /* committees in common disagreed: a approving of
                         b; e collective outcome; refs = approving
                         constituent bodies */
  GS_REC_CONFLICT,    /* refs = members excluded for a conflict */
  GS_REC_CARRIED,     /* when = next meeting (or NEVER); a = GsCarryReason */
  GS_REC_DEADLINE_MISSED, /* the case was still undecided when it fell due */
  GS_REC_PENDING_AT_END,  /* the case was still undecided at the horizon */
} GsRecordKind;

typedef enum
{
  GS_CARRY_INQUORATE, /* the meeting was inquorate */
  GS_CARRY_CAPACITY,  /* the agenda was full */
} GsCarryReason;

typedef struct
{
  GsTime time; /* when it happened */
  GsRecordKind kind;
  guint32 body;            /* the body concerned, or GS_NONE */
  guint32 item;            /* the case concerned, or GS_NONE */
  gint32 a, b, c, d, e, f; /* small numbers; meaning per kind above */
  GsTime when;             /* a second date; meaning per kind above */
  guint32 refs;            /* offset of a list of indices in the run */
  guint32 n_refs;          /* length of that list */
} GsRecord;

typedef enum
{
  GS_CASE_WAITING, /* arrived, not yet decided */
  GS_CASE_APPROVED,
  GS_CASE_REJECTED,
} GsCaseState;

typedef struct
{
  guint32 proposal; /* index of the scenario proposal, or GS_NONE */
  guint32 arrivals; /* index of the generating stream, or GS_NONE */
  guint32 serial;   /* 1-based number within its stream */
  guint32 matter;
  guint32 body;         /* the deciding body */
  guint32 lead;         /* lead organisation */
  const guint *affects; /* affected organisations (the scenario's) */
  guint n_affects;
  gint64 value; /* pounds */
  GsTime arrives;
  GsTime due;     /* decided before this instant is in time, or NEVER */
  GsTime decided; /* when decided, or NEVER */
  GsCaseState state;
  gboolean missed; /* fell due while still waiting */
  guint32 carried; /* times carried over to a later meeting */
} GsCase;

typedef enum
{
  GS_RUN_FLAGS_NONE = 0,
  GS_RUN_NO_RECORDS = 1 << 0, /* keep outcomes only (Monte Carlo) */
} GsRunFlags;

typedef struct _GsRun GsRun;

/**
 * gs_run_new:
 * Simulates @scenario from its start to its end using the random stream
 * (@seed, @replication).  The same arguments always give the same run.
 * Returns: (transfer full): the finished run.
 */
GsRun *gs_run_new (const GsScenario *scenario, guint64 seed,
                   guint64 replication, GsRunFlags flags);

/** Frees @run; accepts NULL. */
void gs_run_free (GsRun *run);

/** (transfer none) */
const GsScenario *gs_run_get_scenario (const GsRun *run);
guint64 gs_run_get_seed (const GsRun *run);

guint gs_run_n_cases (const GsRun *run);
/** (transfer none) */
const GsCase *gs_run_get_case (const GsRun *run, guint i);

guint gs_run_n_records (const GsRun *run);
/** (transfer none) */
const GsRecord *gs_run_get_record (const GsRun *run, guint i);
/** The list of @record (people, organisations or bodies, per its kind).
 * (transfer none) */
const guint32 *gs_run_record_refs (const GsRun *run, const GsRecord *record);

/**
 * gs_run_case_title:
 * The title of case @i: the proposal's title, or "<stream title> #n" for a
 * generated case.  (transfer full)
 */
char *gs_run_case_title (const GsRun *run, guint i);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsRun, gs_run_free)

G_END_DECLS

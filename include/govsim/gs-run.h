/* gs-run.h — one simulated replication of a scenario.
 *
 * A GsRun is made once for a scenario (gs_run_new()) and executed any
 * number of times (gs_run_execute()), each time from the scenario's start
 * to its horizon with the keyed draws of (seed, replication): the same
 * arguments always give the same run, whatever ran before on the same
 * GsRun or on another thread.  Executing resets the run but keeps the
 * capacity of its arrays, so a study's replications in steady state do not
 * allocate.
 *
 * A run keeps what happened: the cases (one per proposal that arrived,
 * fixed or generated) with their outcomes; counters of everything the
 * summary shows, per body and for the run, kept with or without records;
 * and, unless told not to, the records (gs-record.h), which are also handed
 * one by one to an optional callback.  A run reads its scenario and never
 * changes it, so runs of one scenario may go on in parallel.
 */
#pragma once

#include <glib.h>
#include <govsim/gs-breach.h>
#include <govsim/gs-record.h>
#include <govsim/gs-scenario.h>
#include <govsim/gs-time.h>

G_BEGIN_DECLS

#define GS_RUN_ERROR (gs_run_error_quark ())
GQuark gs_run_error_quark (void);

typedef enum
{
  GS_RUN_ERROR_INVARIANT, /* the end-of-run invariant failed: a defect */
  GS_RUN_ERROR_LIMIT,     /* the run would exceed a cap of gs-limits.h */
} GsRunError;

/* Most records one run may keep (by default GS_LIMIT_RECORDS_DEFAULT),
 * most indices in their lists, and most gateway slots of its cases: a
 * scenario that would exceed them is refused with GS_RUN_ERROR_LIMIT
 * rather than exhausting memory.  The other caps of a run's work are in
 * gs-limits.h (GS_LIMIT_EVENTS_MAX, GS_LIMIT_CASES_MAX). */
#define GS_RUN_RECORDS_MAX 8000000u
#define GS_RUN_REFS_MAX    64000000u
#define GS_RUN_SLOTS_MAX   16000000u

/* The fields every end-of-run pass reads or writes (the closing of pending
 * items and their carry-overs, gs_run_check(), counts of the outcome) come
 * first, in 32 bytes, so that a pass over a long run of pending cases
 * touches one cache line a case for most of them. */
typedef struct
{
  GsCaseState state;
  guint32 pathway;   /* the pathway it follows */
  guint32 slots;     /* private: offset of its slots */
  guint32 decisions; /* times an outcome was set: 1 when decided */
  GsTime decided;    /* when decided, or NEVER */
  guint32 carried;   /* times carried over to a later meeting */
  guint32 gates;     /* private: offset of its gateway states */
  guint32 proposal;  /* index of the scenario proposal, or GS_NONE */
  guint32 arrivals;  /* index of the generating stream, or GS_NONE */
  guint32 serial;    /* 1-based number within its stream */
  guint32 matter;
  guint32 lead;         /* lead organisation */
  guint n_affects;      /* the number of @affects */
  const guint *affects; /* affected organisations (the scenario's) */
  gint64 value;         /* pounds */
  GsTime arrives;
  GsTime due;       /* decided before this instant is in time, or NEVER */
  gboolean missed;  /* fell due while still waiting */
  guint32 returns;  /* times sent back to an earlier gateway */
  guint32 disputes; /* disputes it went through */
  guint32 climbed;  /* most escalation levels one dispute climbed */
  guint32 breaches; /* breaches of delegation limits in deciding it */
} GsCase;

/* What happened at one body; for committees in common, the group counts
 * its shared meetings and each constituent its own quorum and votes. */
typedef struct
{
  guint meetings;            /* meetings held with business on the agenda */
  guint inquorate;           /* of those, how many were inquorate */
  guint item_inquorate;      /* items left without a quorum once conflicted
                                members withdrew (the meeting was quorate) */
  guint ties;                /* votes tied, so the motion failed */
  guint casting;             /* ties resolved by the chair's casting vote */
  guint blocked;             /* consensus blocked by an objection */
  guint settled_by_fallback; /* of those, how many the majority vote that
                                follows then decided, carried or lost */
  guint no_votes;            /* items on which nobody voted for or against */
  guint splits;              /* committees in common that disagreed */
  guint conflicts;           /* members excluded from a vote for a conflict */
  guint carried;             /* items carried over to a later meeting */
  guint disputes;            /* disputes that arose here */
  guint breaches; /* breaches of delegation limits in its decisions */
} GsBodyCounters;

/* The first breaches of a run, kept whether or not it keeps records, so
 * that a summary can name them. */
#define GS_BREACH_EXAMPLES_MAX 20

typedef struct
{
  guint breaches[GS_N_BREACHES]; /* breaches of each kind */
  guint breach_total;
  guint n_examples; /* BREACH records kept in the examples */
  guint records;    /* records made (kept or not) */
} GsRunCounters;

typedef enum
{
  GS_RUN_FLAGS_NONE = 0,
  GS_RUN_NO_RECORDS = 1 << 0, /* keep no records (Monte Carlo) */
} GsRunFlags;

typedef struct _GsRun GsRun;

/**
 * GsRecordFunc:
 * Called with each record as it is made, and its list of @n_refs indices
 * (valid only during the call), followed in @refs by its second list of
 * record->n_refs2 indices when its kind has one.  The record is complete,
 * the same value the run keeps: record->n_refs is @n_refs, so the record
 * and @refs are all a writer needs, and gs_report_text_record (out, run,
 * record, refs) words it whether or not the run keeps records.  On a run
 * that keeps records the list is already in the run, and
 * gs_run_record_refs() finds it during the call too; on a run that keeps
 * none, record->refs is GS_NONE and @refs is the only copy of the list.
 * The record itself is valid only during the call: copy it to keep it.
 */
typedef void (*GsRecordFunc) (const GsRun *run, const GsRecord *record,
                              const guint32 *refs, guint n_refs,
                              gpointer user_data);

/**
 * gs_run_new:
 * A run of @scenario, not yet executed; @scenario must outlive it.
 * Returns: (transfer full)
 */
GsRun *gs_run_new (const GsScenario *scenario, GsRunFlags flags);

/** Frees @run; accepts NULL. */
void gs_run_free (GsRun *run);

/**
 * gs_run_set_max_records:
 * Caps the records @run may keep (default GS_LIMIT_RECORDS_DEFAULT, at
 * most GS_RUN_RECORDS_MAX); an execution that would keep more fails with
 * GS_RUN_ERROR_LIMIT.
 */
void gs_run_set_max_records (GsRun *run, guint max_records);

/**
 * gs_run_set_max_events:
 * Caps the events an execution of @run may process (default
 * GS_LIMIT_EVENTS_MAX; 0 restores the default); one that would process
 * more fails with GS_RUN_ERROR_LIMIT.  The cap is the run's work budget:
 * it bounds its time without reading a clock, so a run stays a pure
 * function of its arguments.
 */
void gs_run_set_max_events (GsRun *run, guint64 max_events);

/** The events the last execution of @run processed. */
guint64 gs_run_get_events (const GsRun *run);

/** Sets (or, with NULL, clears) the callback that sees every record. */
void gs_run_set_record_func (GsRun *run, GsRecordFunc func, gpointer user_data);

/**
 * gs_run_set_record_func_for:
 * As gs_run_set_record_func(), for the records of the kinds in @kinds
 * only (bit k for GsRecordKind k).  A run without records builds no other
 * record for the callback, which keeps a study that only counts breaches
 * nearly as fast as bare replications.
 */
void gs_run_set_record_func_for (GsRun *run, guint64 kinds, GsRecordFunc func,
                                 gpointer user_data);

/**
 * gs_run_execute:
 * Resets @run and simulates its scenario from start to end with the draws
 * of (@seed, @replication), then checks the end-of-run invariant.
 * Returns: FALSE with @error set (GS_RUN_ERROR_INVARIANT or
 * GS_RUN_ERROR_LIMIT) if the run failed; what it holds is then undefined
 * but safe to free.
 */
gboolean gs_run_execute (GsRun *run, guint64 seed, guint64 replication,
                         GError **error);

/**
 * gs_run_simulate:
 * gs_run_new() and gs_run_execute() in one call.
 * Returns: (transfer full): the finished run, or NULL with @error set.
 */
GsRun *gs_run_simulate (const GsScenario *scenario, guint64 seed,
                        guint64 replication, GsRunFlags flags, GError **error);

/** (transfer none) */
const GsScenario *gs_run_get_scenario (const GsRun *run);
guint64 gs_run_get_seed (const GsRun *run);
guint64 gs_run_get_replication (const GsRun *run);

guint gs_run_n_cases (const GsRun *run);
/** The cases still waiting at the end of the run (pending). */
guint gs_run_n_pending (const GsRun *run);
/** (transfer none) */
const GsCase *gs_run_get_case (const GsRun *run, guint i);

/** The counters of body @body.  (transfer none) */
const GsBodyCounters *gs_run_body_counters (const GsRun *run, guint body);
/** The run-wide counters.  (transfer none) */
const GsRunCounters *gs_run_counters (const GsRun *run);
/**
 * gs_run_breach_example:
 * The @i-th of the run's first breaches (i < counters->n_examples), as a
 * BREACH record, and its list of indices in @refs.  (transfer none)
 */
const GsRecord *gs_run_breach_example (const GsRun *run, guint i,
                                       const guint32 **refs);

guint gs_run_n_records (const GsRun *run);
/** (transfer none) */
const GsRecord *gs_run_get_record (const GsRun *run, guint i);
/** The list of a record the run kept (people, organisations or bodies,
 * per its kind), followed by its second list (record->n_refs2 indices), or
 * NULL when both are empty.  A record whose list the run does not hold (a
 * callback's record on a run that keeps none, whose record->refs is
 * GS_NONE, or a breach example, whose list gs_run_breach_example() gives)
 * is a programming error: NULL, with a critical warning.
 * (transfer none) */
const guint32 *gs_run_record_refs (const GsRun *run, const GsRecord *record);

/**
 * gs_run_case_title:
 * The title of case @i: the proposal's title, or "<stream title> #n" for a
 * generated case.  (transfer full)
 */
char *gs_run_case_title (const GsRun *run, guint i);

/**
 * gs_run_check:
 * Checks the invariants of a finished run: every case that arrived ended
 * approved, rejected, gridlocked or pending, was given an outcome at most
 * once, and, if records were kept, has exactly one DECIDED or
 * PENDING_AT_END record; nothing decided is left on an agenda.
 * Returns: FALSE with @error (GS_RUN_ERROR_INVARIANT) on the first
 * violation.
 */
gboolean gs_run_check (const GsRun *run, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsRun, gs_run_free)

G_END_DECLS

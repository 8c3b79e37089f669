/* gs-run.h — one simulated run of a scenario.
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

#define GS_RUN_ERROR (gs_run_error_quark ())
GQuark gs_run_error_quark (void);

/* Records.  Unless a kind says otherwise, body is the body concerned and
 * item the case.  A "gateway" is an index into the case's pathway's
 * gateways; a "ladder" and a "level" index the scenario's ladders and that
 * ladder's levels. */
typedef enum
{
  GS_REC_ARRIVED,         /* a = pathway; for a proposal sent straight to one
                             body, body = that body and when = its first
                             possible meeting, else body = GS_NONE */
  GS_REC_MEETING,         /* a quorate meeting: a present of b seats, c
                             quorum, d items, f present as deputies */
  GS_REC_INQUORATE,       /* a counted, c needed, d GsQuorumResult, e role or
                             party short, f present, b members; refs =
                             people absent (or, with an item, conflicted) */
  GS_REC_APPROVED,        /* a for, b against, c abstain, d casting vote
                             used, e GsVoteOutcome (-1 for committees in
                             common: a and b count constituents), f GsVoteRole;
                             refs = the organisations the decision binds */
  GS_REC_REJECTED,        /* as APPROVED: the rule's test failed */
  GS_REC_TIED,            /* as APPROVED: an equality, no casting vote */
  GS_REC_BLOCKED,         /* consensus blocked; refs = the objectors */
  GS_REC_NO_VOTES,        /* nobody voted for or against */
  GS_REC_CONSTITUENT,     /* one constituent of committees in common voted:
                             as APPROVED, e its GsVoteOutcome */
  GS_REC_SPLIT,           /* committees in common disagreed: a approving of
                             b; e collective outcome; refs = approving
                             constituent bodies */
  GS_REC_CONFLICT,        /* refs = members excluded for a conflict */
  GS_REC_CARRIED,         /* when = next meeting (or NEVER); a = GsCarryReason;
                             b = consecutive inquorate meetings so far */
  GS_REC_DEADLINE_MISSED, /* still undecided when it fell due: body where
                             it sat (GS_NONE in a dispute before an
                             external forum), a gateway, c whole days at
                             that gateway, d escalation level reached (0:
                             not in dispute) */
  GS_REC_PENDING_AT_END,  /* still undecided at the horizon: as
                             DEADLINE_MISSED */
  GS_REC_GATE_OPEN,       /* a gateway opened: a gateway, b pathway; refs =
                             its bodies; when = the first body's first
                             possible meeting */
  GS_REC_GATE_SKIPPED,    /* a gateway, b pathway: the value is outside
                             the gateway's range */
  GS_REC_GATE_PASSED,     /* a gateway, b pathway, c approving (or, at a
                             recommend-only gateway, recommending) bodies,
                             d rejecting, e gridlocked, f bodies in all */
  GS_REC_GATE_FAILED,     /* as GATE_PASSED */
  GS_REC_RETURNED,        /* a from gateway, b pathway, c to gateway, d
                             returns so far, e most allowed */
  GS_REC_ESCALATED,       /* a dispute began: body where it arose, a ladder,
                             b GsTrigger, c gateway */
  GS_REC_LEVEL,           /* the dispute reached a level: body = the level's
                             body or GS_NONE, a ladder, b level, c levels
                             climbed in all (1 = the first), when = the end
                             of its time limit */
  GS_REC_LEVEL_FAILED,    /* a ladder, b level, c GsLevelFailure */
  GS_REC_RESOLVED,        /* a ladder, b level, c 1 approved / 0 rejected */
  GS_REC_EXHAUSTED,       /* every level failed: body where the dispute
                             arose, a last ladder, b levels climbed */
  GS_REC_DECIDED,         /* the proposal's outcome: a GsCaseState, b the
                             gateway it ended at, body = the last body to
                             decide or GS_NONE */
  GS_REC_BREACH,          /* a decision breached a delegation limit: body
                             that decided, a GsBreach, b the organisation
                             concerned (or -1), c the delegation at fault
                             (or -1), d GsAuthStatus, e the delegator's
                             GsAuthStatus for SUB_BEYOND; refs = the chain
                             of delegations as far as it goes, or for
                             CONFLICTED_VOTED the people who voted */
} GsRecordKind;

/* What a breach was (the a of a BREACH record). */
typedef enum
{
  GS_BREACH_NO_AUTHORITY,     /* the body holds no delegation of the matter */
  GS_BREACH_OVER_LIMIT,       /* the value is above a delegation's limit */
  GS_BREACH_RESERVED,         /* the matter is reserved to the board */
  GS_BREACH_JC_UNDELEGATED,   /* a joint committee bound a party that did
                                 not delegate the matter to it */
  GS_BREACH_SUB_BEYOND,       /* held through a sub-delegation beyond what the
                                 delegator held */
  GS_BREACH_SUB_FORBIDDEN,    /* held through a sub-delegation the delegator
                                 was not allowed to make */
  GS_BREACH_CONFLICTED_VOTED, /* members with a declared conflict voted */
  GS_BREACH_AFFECTED_NO_SAY,  /* it binds an affected organisation with no
                                 member on the deciding body */
} GsBreach;

#define GS_N_BREACHES (GS_BREACH_AFFECTED_NO_SAY + 1)

/** A short name for @breach ("over the limit", ...). */
const char *gs_breach_to_string (GsBreach breach);

typedef enum
{
  GS_CARRY_INQUORATE, /* the meeting was inquorate */
  GS_CARRY_CAPACITY,  /* the agenda was full */
} GsCarryReason;

/* Why a vote was held (the f of a vote record). */
typedef enum
{
  GS_VOTE_GATEWAY,   /* a binding gateway */
  GS_VOTE_RECOMMEND, /* a recommend-only gateway */
  GS_VOTE_LEVEL,     /* a level of an escalation ladder */
} GsVoteRole;

typedef enum
{
  GS_FAIL_TIMEOUT,      /* no decision within the time limit */
  GS_FAIL_NOT_CARRIED,  /* the vote tied, was blocked or split */
  GS_FAIL_NO_AGREEMENT, /* mediation did not reach agreement */
  GS_FAIL_UNAVAILABLE,  /* the person who decides was away */
} GsLevelFailure;

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
  GS_CASE_GRIDLOCKED, /* a dispute exhausted its ladders undecided */
} GsCaseState;

typedef struct
{
  guint32 proposal; /* index of the scenario proposal, or GS_NONE */
  guint32 arrivals; /* index of the generating stream, or GS_NONE */
  guint32 serial;   /* 1-based number within its stream */
  guint32 matter;
  guint32 pathway;      /* the pathway it follows */
  guint32 lead;         /* lead organisation */
  const guint *affects; /* affected organisations (the scenario's) */
  guint n_affects;
  gint64 value; /* pounds */
  GsTime arrives;
  GsTime due;     /* decided before this instant is in time, or NEVER */
  GsTime decided; /* when decided, or NEVER */
  GsCaseState state;
  gboolean missed;   /* fell due while still waiting */
  guint32 carried;   /* times carried over to a later meeting */
  guint32 returns;   /* times sent back to an earlier gateway */
  guint32 disputes;  /* disputes it went through */
  guint32 climbed;   /* most escalation levels one dispute climbed */
  guint32 gates;     /* private: offset of its gateway states */
  guint32 slots;     /* private: offset of its slots */
  guint32 decisions; /* times an outcome was set: 1 when decided */
  guint32 breaches;  /* breaches of delegation limits in deciding it */
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

/**
 * gs_run_check:
 * Checks the invariants of a finished run: every case that arrived ended
 * approved, rejected, gridlocked or pending, was given an outcome at most
 * once, and, if records were kept, has exactly one DECIDED or
 * PENDING_AT_END record; nothing decided is left on an agenda.
 * Returns: FALSE with @error set on the first violation.
 */
gboolean gs_run_check (const GsRun *run, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsRun, gs_run_free)

G_END_DECLS

/* gs-record.h — what a run records, as data.
 *
 * A record is one thing a board member would want to hear about: a
 * proposal arriving, a meeting, a vote, an inquorate meeting, an item
 * carried over, a missed deadline, a breach of a delegation limit.  It is a
 * plain value of fixed size: a header (time, kind, body, case), an optional
 * second date, an optional list of indices kept by the run (and, for a few
 * kinds, a second list stored right after the first), and up to
 * GS_RECORD_SLOTS small integers whose meaning depends on the kind.  Each
 * kind's integers are named by a struct of the union below, so code says
 * `r->vote.votes_for`, never a bare slot number.
 *
 * The record table (gs_record_info()) describes every kind for programs:
 * its machine name, the name and type of each field, which list an index
 * refers to, the machine names of every enum value, and what the list of
 * indices holds.  Writers that emit data (JSON, CSV) walk the table; the
 * text writer uses the named fields; nobody decodes slots by hand.  Machine
 * names are lower-case words joined by hyphens or underscores, stable
 * across versions: a change is a change of the output format.
 */
#pragma once

#include <glib.h>
#include <govsim/gs-time.h>

G_BEGIN_DECLS

#define GS_NONE G_MAXUINT32

typedef enum
{
  GS_REC_ARRIVED,         /* a proposal arrived */
  GS_REC_MEETING,         /* a quorate meeting */
  GS_REC_INQUORATE,       /* a meeting without its quorum */
  GS_REC_ITEM_INQUORATE,  /* an item left without a quorum once conflicted
                             members withdrew */
  GS_REC_APPROVED,        /* a vote (or collective outcome) carried */
  GS_REC_REJECTED,        /* the rule's test failed */
  GS_REC_TIED,            /* an equality, no casting vote */
  GS_REC_BLOCKED,         /* consensus blocked */
  GS_REC_NO_VOTES,        /* nobody voted for or against */
  GS_REC_CONSTITUENT,     /* one constituent of committees in common voted */
  GS_REC_SPLIT,           /* committees in common disagreed */
  GS_REC_CONFLICT,        /* members with a conflict on an item */
  GS_REC_CARRIED,         /* a run of meetings an item was carried over
                             at, when the run ends */
  GS_REC_DEADLINE_MISSED, /* still undecided when it fell due */
  GS_REC_PENDING_AT_END,  /* still undecided at the horizon */
  GS_REC_GATE_OPEN,       /* a gateway opened */
  GS_REC_GATE_SKIPPED,    /* the value is outside the gateway's range */
  GS_REC_GATE_PASSED,     /* a gateway passed */
  GS_REC_GATE_FAILED,     /* a gateway failed */
  GS_REC_RETURNED,        /* sent back to an earlier gateway */
  GS_REC_ESCALATED,       /* a dispute began */
  GS_REC_LEVEL,           /* the dispute reached a level */
  GS_REC_LEVEL_FAILED,    /* the level did not decide */
  GS_REC_RESOLVED,        /* the level decided */
  GS_REC_EXHAUSTED,       /* every level failed */
  GS_REC_DECIDED,         /* the proposal's outcome */
  GS_REC_BREACH,          /* a decision breached a delegation limit */
  GS_REC_BREACH_VOTE,     /* members with a declared conflict voted: a
                             breach whose list is the people, not a chain */
  GS_REC_AMENDED,         /* a body's amended quorum or voting rule took
                             effect at this meeting */
  GS_REC_URGENT,          /* an urgent proposal between meetings: chair's
                             action or a written resolution, taken or sent
                             to the meeting */
} GsRecordKind;

#define GS_N_RECORD_KINDS (GS_REC_URGENT + 1)

/* Whether records of @kind are breaches (counted by the run's breach
 * counters and kept among its examples). */
static inline gboolean
gs_record_kind_is_breach (GsRecordKind kind)
{
  return kind == GS_REC_BREACH || kind == GS_REC_BREACH_VOTE;
}

/* Why an item was carried (GsRecCarried.reason). */
typedef enum
{
  GS_CARRY_INQUORATE, /* the meeting, or the item, was inquorate */
  GS_CARRY_CAPACITY,  /* the agenda was full */
  GS_CARRY_BOTH,      /* some meetings of the run one, some the other */
} GsCarryReason;

/* How a run of carry-overs ended (GsRecCarried.end). */
typedef enum
{
  GS_CARRY_TAKEN,  /* a meeting took the item (at the record's time) */
  GS_CARRY_LEFT,   /* the item left the agenda: settled elsewhere, sent
                      back, or escalated */
  GS_CARRY_AT_END, /* still on the agenda at the end of the period */
} GsCarryEnd;

/* What became of an urgent proposal between meetings (GsRecUrgent). */
typedef enum
{
  GS_URGENT_TAKEN,       /* chair's action taken, or the resolution passed */
  GS_URGENT_OVER_LIMIT,  /* worth more than chair's action may decide */
  GS_URGENT_AWAY,        /* the chair (or chief executive) was away */
  GS_URGENT_DECLINED,    /* the chair (or chief executive) would not act */
  GS_URGENT_NOT_REACHED, /* the resolution did not reach its threshold */
  GS_URGENT_CONFLICTED,  /* the chair (or the chief executive who must act
                            with them) has a declared conflict on it */
  GS_URGENT_NO_ROUTE,    /* the body has no urgent route: to its meeting */
} GsUrgentOutcome;

/* Why a vote was held (GsRecVote.role). */
typedef enum
{
  GS_VOTE_GATEWAY,   /* a binding gateway */
  GS_VOTE_RECOMMEND, /* a recommend-only gateway */
  GS_VOTE_LEVEL,     /* a level of an escalation ladder */
  GS_VOTE_REFERRAL,  /* a body a referral level referred the matter to: its
                        organisation's consent, which binds no one itself */
} GsVoteRole;

/* Why a level did not decide (GsRecLevel.why). */
typedef enum
{
  GS_FAIL_TIMEOUT,      /* no decision within the time limit */
  GS_FAIL_NOT_CARRIED,  /* the vote tied, was blocked or split */
  GS_FAIL_NO_AGREEMENT, /* mediation did not reach agreement */
  GS_FAIL_UNAVAILABLE,  /* the person who decides was away */
  GS_FAIL_REFUSED,      /* too few of the bodies referred to can approve */
} GsLevelFailure;

/* Who took a decision that breached (GsRecBreach.decided_by). */
typedef enum
{
  GS_DECIDED_BODY,      /* the body itself: its vote, or its urgent route */
  GS_DECIDED_CHAIR,     /* a person at a level of the dispute procedure */
  GS_DECIDED_MEDIATION, /* an outcome agreed in mediation, adopted */
  GS_DECIDED_BINDING,   /* an arbitrator's award */
  GS_DECIDED_REFERRAL,  /* the bodies a level referred it to */
} GsDecidedBy;

typedef enum
{
  GS_CASE_WAITING, /* arrived, not yet decided */
  GS_CASE_APPROVED,
  GS_CASE_REJECTED,
  GS_CASE_GRIDLOCKED, /* a dispute exhausted its ladders undecided */
} GsCaseState;

#define GS_RECORD_SLOTS 8

/* The named integers of each kind.  Indices are -1 when there is none. */
typedef struct
{
  gint32 pathway; /* the pathway it follows */
} GsRecArrived;   /* body: for a proposal sent straight to one body, that
                     body, and when = its first possible meeting */

typedef struct
{
  gint32 present;  /* people present, deputies included */
  gint32 seats;    /* seats in all (every constituent's, in common) */
  gint32 quorum;   /* head-count quorum (0 for committees in common) */
  gint32 items;    /* items it may take: eligible, up to capacity */
  gint32 deputies; /* present as deputies */
} GsRecMeeting;    /* committees in common: present and seats count each
                      person once, however many constituents they sit in;
                      refs ("attending": listed for committees in common
                      and bodies with observers, else empty) = the people
                      in the seats, then the observers who attend */

typedef struct
{
  gint32 counted; /* present as the failing rule counts them */
  gint32 members; /* seats of the body */
  gint32 needed;  /* what the rule needed */
  gint32 result;  /* GsQuorumResult: the rule that failed */
  gint32 role;    /* GsRole short, for a role rule; else -1 */
  gint32 party;   /* organisation short, for an each-party rule; else -1 */
  gint32 present; /* people present */
} GsRecQuorum;    /* INQUORATE: refs = the members absent; ITEM_INQUORATE:
                     refs = the members conflicted; both, when the
                     each-party rule failed: second list = every party
                     short (`party` is the first of them) */

typedef struct
{
  gint32 votes_for; /* for (collective outcome: constituents approving) */
  gint32 against;   /* against (collective: constituents not approving;
                       BLOCKED: the objections, an against vote under
                       consensus being one) */
  gint32 abstain;
  gint32 casting;    /* the chair's casting vote decided */
  gint32 outcome;    /* GsVoteOutcome */
  gint32 role;       /* GsVoteRole */
  gint32 collective; /* committees in common's collective outcome */
  gint32 members;    /* seats (or organisations) entitled to vote on the
                        item, as the rule counts them; 0 for a collective
                        outcome */
} GsRecVote;         /* APPROVED: refs = organisations bound; BLOCKED: refs =
                        objectors, and under one vote per organisation second list
                        = the organisations whose vote was an objection */

typedef struct
{
  gint32 approving;    /* constituents that approved */
  gint32 constituents; /* constituents in all */
  gint32 carried;      /* the collective outcome carried */
} GsRecSplit;          /* refs = the approving constituents */

typedef struct
{
  gint32 declare_only; /* they declared and stayed in the vote */
} GsRecConflict;       /* refs = the members concerned */

typedef struct
{
  gint32 reason;    /* GsCarryReason, of the whole run */
  gint32 meetings;  /* meetings it was carried over at, one after another */
  gint32 inquorate; /* of them, inquorate (the meeting, or the item) */
  gint32 span;      /* minutes from the first of them to the last */
  gint32 end;       /* GsCarryEnd */
} GsRecCarried;     /* one record per run of consecutive meetings of the
                       body, made when the run ends (the record's time);
                       when = the first of them */

typedef struct
{
  gint32 gateway; /* where it sat */
  gint32 days;    /* whole days at that gateway */
  gint32 level;   /* escalation levels climbed (0: not in dispute) */
} GsRecWhere;     /* body = where it sat, or GS_NONE before an external
                     forum */

typedef struct
{
  gint32 gateway;
  gint32 pathway;
  gint32 approving;  /* PASSED, FAILED: bodies approving (or recommending) */
  gint32 rejecting;  /* ... rejecting */
  gint32 gridlocked; /* ... gridlocked */
  gint32 bodies;     /* ... bodies in all */
} GsRecGate; /* OPEN: refs = its bodies, when = first body's first meeting */

typedef struct
{
  gint32 gateway; /* from */
  gint32 pathway;
  gint32 to;      /* the gateway it returns to */
  gint32 returns; /* returns so far */
  gint32 max;     /* most allowed */
} GsRecReturned;

typedef struct
{
  gint32 ladder;
  gint32 trigger; /* GsTrigger */
  gint32 gateway;
} GsRecEscalated; /* body = where it arose */

typedef struct
{
  gint32 ladder;
  gint32 level;
  gint32 climbed;  /* LEVEL, EXHAUSTED: levels climbed in all */
  gint32 why;      /* LEVEL_FAILED: GsLevelFailure */
  gint32 approved; /* RESOLVED: approved, not rejected */
} GsRecLevel;      /* LEVEL: body = the level's body or GS_NONE, when = the end
                      of its time limit */

typedef struct
{
  gint32 state;   /* GsCaseState */
  gint32 gateway; /* the gateway it ended at */
} GsRecDecided;   /* body = the last body to decide, or GS_NONE */

typedef struct
{
  gint32 breach;     /* GsBreach */
  gint32 org;        /* the organisation concerned, or -1 */
  gint32 delegation; /* the delegation at fault, or -1 */
  gint32 status;     /* GsAuthStatus */
  gint32 upstream;   /* the delegator's GsAuthStatus, for sub-delegation
                        beyond the delegator's */
  gint32 decided_by; /* GsDecidedBy */
  gint32 ladder;     /* decided at a level of this ladder, or -1 */
  gint32 level;      /* ... that level, or -1 */
} GsRecBreach;       /* BREACH: body = the body whose authority and parties
                        the decision is judged by (the one the dispute arose
                        in, when a level decided for it); refs = the chain of
                        delegations as far as it goes; BREACH_VOTE: only
                        `breach`, refs = the people who voted */

typedef struct
{
  gint32 change; /* which of the body's changes, from 1 in date order */
  gint32 line;   /* the line of its <amend-body> */
} GsRecAmended;  /* when = the date the change took effect */

typedef struct
{
  gint32 written;    /* a written resolution, not chair's action */
  gint32 outcome;    /* GsUrgentOutcome */
  gint32 votes_for;  /* written: members who returned it in favour */
  gint32 against;    /* ... who returned it against */
  gint32 members;    /* ... members in all */
  gint32 needed;     /* ... in favour needed */
  gint32 days;       /* ... days since it was circulated */
  gint32 conflicted; /* CONFLICTED: the person whose conflict stopped
                        chair's action; otherwise -1 */
} GsRecUrgent;       /* body = the body whose ToR allow it; when = its next
                        meeting, which hears the report or takes the item */

typedef struct
{
  GsTime time; /* when it happened */
  GsTime when; /* a second date, per kind; GS_TIME_NEVER if none */
  GsRecordKind kind;
  guint32 body;    /* the body concerned, or GS_NONE */
  guint32 item;    /* the case concerned, or GS_NONE */
  guint32 refs;    /* offset of its list of indices in the run
                      (gs_run_record_refs()), or GS_NONE when the run does
                      not hold it: a record a callback sees on a run that
                      keeps none, or a breach example */
  guint32 n_refs;  /* length of that list, set by the run (gs-run.c)
                      before anyone sees the record */
  guint32 n_refs2; /* length of its second list (GsRecordInfo.refs2), set
                      by whoever makes the record: refs[n_refs ... n_refs +
                      n_refs2 - 1] in the same array */
  union
  {
    gint32 slot[GS_RECORD_SLOTS];
    GsRecArrived arrived;
    GsRecMeeting meeting;
    GsRecQuorum quorum;
    GsRecVote vote;
    GsRecSplit split;
    GsRecConflict conflict;
    GsRecCarried carried;
    GsRecWhere where;
    GsRecGate gate;
    GsRecReturned returned;
    GsRecEscalated escalated;
    GsRecLevel level;
    GsRecDecided decided;
    GsRecBreach breach;
    GsRecAmended amended;
    GsRecUrgent urgent;
  };
} GsRecord;

/* ---- the record table ------------------------------------------------- */

typedef enum
{
  GS_FIELD_COUNT, /* a non-negative number */
  GS_FIELD_BOOL,  /* 0 or 1 */
  GS_FIELD_ENUM,  /* a value of the field's enum, by its machine name */
  GS_FIELD_INDEX, /* an index into the field's list, or -1 */
  GS_FIELD_DATE,  /* the record's second date (GS_TIME_NEVER: none) */
} GsFieldType;

/* What an index refers to. */
typedef enum
{
  GS_LIST_NONE,
  GS_LIST_PERSON,
  GS_LIST_ORGANISATION,
  GS_LIST_BODY,
  GS_LIST_PATHWAY,
  GS_LIST_GATEWAY, /* of the case's pathway */
  GS_LIST_LADDER,
  GS_LIST_LEVEL, /* of the record's ladder */
  GS_LIST_DELEGATION,
  GS_LIST_CASE,
} GsListKind;

/* An enum used in records: the machine name of each value.  With
 * @flags, a value is a set of bits and value k names bit k. */
typedef struct
{
  const char *name;
  const char *const *values;
  guint n_values;
  gboolean flags;
} GsEnumInfo;

typedef struct
{
  const char *name; /* machine name, snake_case */
  GsFieldType type;
  guint slot;               /* index into GsRecord.slot (not for DATE) */
  GsListKind list;          /* INDEX: what it refers to */
  const GsEnumInfo *values; /* ENUM: its values */
} GsFieldInfo;

#define GS_RECORD_FIELDS_MAX (GS_RECORD_SLOTS + 1)

typedef struct
{
  GsRecordKind kind;
  const char *name; /* machine name ("meeting", "deadline-missed") */
  const char *body; /* what the header's body is, or NULL: none */
  guint n_fields;
  GsFieldInfo fields[GS_RECORD_FIELDS_MAX];
  GsListKind refs;        /* what its list of indices holds */
  const char *refs_name;  /* machine name of that list, or NULL */
  GsListKind refs2;       /* what its second list holds (GS_LIST_NONE: the
                             kind has none) */
  const char *refs2_name; /* machine name of the second list, or NULL */
} GsRecordInfo;

/** The table's entry for @kind.  (transfer none) */
const GsRecordInfo *gs_record_info (GsRecordKind kind);

/** The value of @field in @record (the date for a DATE field). */
gint64 gs_record_field (const GsRecord *record, const GsFieldInfo *field);

/** The machine name of @value of @info, or NULL when out of range. */
const char *gs_enum_value_name (const GsEnumInfo *info, gint64 value);

/* The enums records use, for writers. */
extern const GsEnumInfo gs_enum_case_state;
extern const GsEnumInfo gs_enum_record_kind;

G_END_DECLS

/* gs-record.c — the record table: every kind of record, described as data.
 *
 * One entry per GsRecordKind, in enum order (a static assertion and a test
 * keep them in step), naming the kind, each of its fields with its type and
 * slot (taken with offsetof from the kind's struct in gs-record.h, so a
 * field's slot cannot drift from its name), what its indices refer to, and
 * what its list holds.  Every enum used in a record has a table of machine
 * names here: lower-case words as the scenario format spells them where it
 * has a word for the value.
 */
#include "run/gs-run-private.h"

#include <stddef.h>

#define N(a) G_N_ELEMENTS (a)

static const char *const kind_names[] = {
  [GS_REC_ARRIVED] = "arrived",
  [GS_REC_MEETING] = "meeting",
  [GS_REC_INQUORATE] = "inquorate",
  [GS_REC_ITEM_INQUORATE] = "item-inquorate",
  [GS_REC_APPROVED] = "approved",
  [GS_REC_REJECTED] = "rejected",
  [GS_REC_TIED] = "tied",
  [GS_REC_BLOCKED] = "blocked",
  [GS_REC_NO_VOTES] = "no-votes",
  [GS_REC_CONSTITUENT] = "constituent-vote",
  [GS_REC_SPLIT] = "split",
  [GS_REC_CONFLICT] = "conflict",
  [GS_REC_CARRIED] = "carried",
  [GS_REC_DEADLINE_MISSED] = "deadline-missed",
  [GS_REC_PENDING_AT_END] = "pending-at-end",
  [GS_REC_GATE_OPEN] = "gateway-opened",
  [GS_REC_GATE_SKIPPED] = "gateway-skipped",
  [GS_REC_GATE_PASSED] = "gateway-passed",
  [GS_REC_GATE_FAILED] = "gateway-failed",
  [GS_REC_RETURNED] = "returned",
  [GS_REC_ESCALATED] = "escalated",
  [GS_REC_LEVEL] = "level-reached",
  [GS_REC_LEVEL_FAILED] = "level-failed",
  [GS_REC_RESOLVED] = "resolved",
  [GS_REC_EXHAUSTED] = "exhausted",
  [GS_REC_DECIDED] = "decided",
  [GS_REC_BREACH] = "breach",
  [GS_REC_BREACH_VOTE] = "breach-conflicted-vote",
  [GS_REC_AMENDED] = "amended",
  [GS_REC_URGENT] = "urgent",
};
G_STATIC_ASSERT (N (kind_names) == GS_N_RECORD_KINDS);
const GsEnumInfo gs_enum_record_kind
    = { "record_kind", kind_names, N (kind_names), FALSE };

static const char *const case_states[] = {
  [GS_CASE_WAITING] = "pending",
  [GS_CASE_APPROVED] = "approved",
  [GS_CASE_REJECTED] = "rejected",
  [GS_CASE_GRIDLOCKED] = "gridlocked",
};
const GsEnumInfo gs_enum_case_state
    = { "case_state", case_states, N (case_states), FALSE };

static const char *const urgent_outcomes[] = {
  [GS_URGENT_TAKEN] = "taken",
  [GS_URGENT_OVER_LIMIT] = "over-limit",
  [GS_URGENT_AWAY] = "away",
  [GS_URGENT_DECLINED] = "declined",
  [GS_URGENT_NOT_REACHED] = "not-reached",
  [GS_URGENT_CONFLICTED] = "conflicted",
  [GS_URGENT_NO_ROUTE] = "no-route",
};
static const GsEnumInfo enum_urgent
    = { "urgent_outcome", urgent_outcomes, N (urgent_outcomes), FALSE };

static const char *const carry_reasons[] = {
  [GS_CARRY_INQUORATE] = "inquorate",
  [GS_CARRY_CAPACITY] = "capacity",
  [GS_CARRY_BOTH] = "capacity-and-inquorate",
};
static const GsEnumInfo enum_carry
    = { "carry_reason", carry_reasons, N (carry_reasons), FALSE };

static const char *const carry_ends[] = {
  [GS_CARRY_TAKEN] = "taken",
  [GS_CARRY_LEFT] = "left-agenda",
  [GS_CARRY_AT_END] = "end-of-period",
};
static const GsEnumInfo enum_carry_end
    = { "carry_end", carry_ends, N (carry_ends), FALSE };

static const char *const vote_roles[] = {
  [GS_VOTE_GATEWAY] = "gateway",
  [GS_VOTE_RECOMMEND] = "recommend",
  [GS_VOTE_LEVEL] = "level",
  [GS_VOTE_REFERRAL] = "referral",
};
static const GsEnumInfo enum_vote_role
    = { "vote_role", vote_roles, N (vote_roles), FALSE };

static const char *const outcomes[] = {
  [GS_OUTCOME_CARRIED] = "carried",   [GS_OUTCOME_DEFEATED] = "defeated",
  [GS_OUTCOME_TIED] = "tied",         [GS_OUTCOME_BLOCKED] = "blocked",
  [GS_OUTCOME_NO_VOTES] = "no-votes",
};
static const GsEnumInfo enum_outcome
    = { "vote_outcome", outcomes, N (outcomes), FALSE };

static const char *const quorum_results[] = {
  [GS_QUORUM_MET] = "met",
  [GS_QUORUM_FAIL_PRESENT] = "present",
  [GS_QUORUM_FAIL_FRACTION] = "fraction",
  [GS_QUORUM_FAIL_ROLE] = "role",
  [GS_QUORUM_FAIL_PARTY] = "each-party",
  [GS_QUORUM_FAIL_CHAIR] = "chair",
};
static const GsEnumInfo enum_quorum
    = { "quorum_rule", quorum_results, N (quorum_results), FALSE };

/* As the scenario format spells roles. */
static const char *const roles[] = {
  [GS_ROLE_CHAIR] = "chair",
  [GS_ROLE_NED] = "ned",
  [GS_ROLE_CHIEF_EXECUTIVE] = "chief-executive",
  [GS_ROLE_FINANCE_DIRECTOR] = "finance-director",
  [GS_ROLE_EXECUTIVE] = "executive",
  [GS_ROLE_GOVERNOR] = "governor",
  [GS_ROLE_OFFICER] = "officer",
  [GS_ROLE_EXTERNAL] = "external",
};
G_STATIC_ASSERT (N (roles) == GS_N_ROLES);
static const GsEnumInfo enum_role = { "role", roles, N (roles), FALSE };

/* Bit k of a trigger set names value k; as the scenario's `on` words. */
static const char *const triggers[] = {
  "tie", "blocked", "split", "inquorate", "deadline", "not-carried",
};
G_STATIC_ASSERT (GS_TRIGGER_NOT_CARRIED == 1 << 5);
static const GsEnumInfo enum_trigger
    = { "trigger", triggers, N (triggers), TRUE };

static const char *const failures[] = {
  [GS_FAIL_TIMEOUT] = "timeout",
  [GS_FAIL_NOT_CARRIED] = "not-carried",
  [GS_FAIL_NO_AGREEMENT] = "no-agreement",
  [GS_FAIL_UNAVAILABLE] = "unavailable",
  [GS_FAIL_REFUSED] = "refused",
};
static const GsEnumInfo enum_failure
    = { "level_failure", failures, N (failures), FALSE };

static const char *const breaches[] = {
  [GS_BREACH_NO_AUTHORITY] = "no-authority",
  [GS_BREACH_OVER_LIMIT] = "over-limit",
  [GS_BREACH_RESERVED] = "reserved-matter",
  [GS_BREACH_JC_UNDELEGATED] = "joint-committee-without-delegation",
  [GS_BREACH_SUB_BEYOND] = "sub-delegation-beyond-delegator",
  [GS_BREACH_SUB_FORBIDDEN] = "sub-delegation-not-allowed",
  [GS_BREACH_CONFLICTED_VOTED] = "conflicted-member-voted",
  [GS_BREACH_AFFECTED_NO_SAY] = "affected-organisation-no-say",
};
G_STATIC_ASSERT (N (breaches) == GS_N_BREACHES);
static const GsEnumInfo enum_breach
    = { "breach", breaches, N (breaches), FALSE };

static const char *const deciders[] = {
  [GS_DECIDED_BODY] = "body",           [GS_DECIDED_CHAIR] = "chair",
  [GS_DECIDED_MEDIATION] = "mediation", [GS_DECIDED_BINDING] = "binding",
  [GS_DECIDED_REFERRAL] = "referral",
};
static const GsEnumInfo enum_decider
    = { "decided_by", deciders, N (deciders), FALSE };

static const char *const auth_statuses[] = {
  [GS_AUTH_HELD] = "held",
  [GS_AUTH_BOARD] = "board",
  [GS_AUTH_NOT_MODELLED] = "not-modelled",
  [GS_AUTH_RESERVED] = "reserved",
  [GS_AUTH_NONE] = "none",
  [GS_AUTH_NOT_IN_FORCE] = "not-in-force",
  [GS_AUTH_OVER_LIMIT] = "over-limit",
  [GS_AUTH_SUB_FORBIDDEN] = "sub-delegation-not-allowed",
  [GS_AUTH_SUB_BEYOND] = "sub-delegation-beyond-delegator",
};
static const GsEnumInfo enum_auth
    = { "authority", auth_statuses, N (auth_statuses), FALSE };

/* The slot of member @m of union member @u of GsRecord. */
#define SLOT(u, m)                                                             \
  ((guint)((offsetof (GsRecord, u.m) - offsetof (GsRecord, slot))              \
           / sizeof (gint32)))

#define COUNT(u, m)                                                            \
  {                                                                            \
#m, GS_FIELD_COUNT, SLOT(u, m), GS_LIST_NONE, NULL                         \
  }
#define BOOL(u, m)                                                             \
  {                                                                            \
#m, GS_FIELD_BOOL, SLOT(u, m), GS_LIST_NONE, NULL                          \
  }
#define ENUM(u, m, e)                                                          \
  {                                                                            \
#m, GS_FIELD_ENUM, SLOT(u, m), GS_LIST_NONE, &(e)                          \
  }
#define INDEX(u, m, l)                                                         \
  {                                                                            \
#m, GS_FIELD_INDEX, SLOT(u, m), (l), NULL                                  \
  }
#define DATE(name)                                                             \
  {                                                                            \
    name, GS_FIELD_DATE, 0, GS_LIST_NONE, NULL                                 \
  }

#define VOTE_FIELDS                                                            \
  COUNT (vote, votes_for), COUNT (vote, against), COUNT (vote, abstain),       \
      BOOL (vote, casting), ENUM (vote, outcome, enum_outcome),                \
      ENUM (vote, role, enum_vote_role), BOOL (vote, collective),              \
      COUNT (vote, members)

#define QUORUM_FIELDS                                                          \
  COUNT (quorum, counted), COUNT (quorum, members), COUNT (quorum, needed),    \
      ENUM (quorum, result, enum_quorum), ENUM (quorum, role, enum_role),      \
      INDEX (quorum, party, GS_LIST_ORGANISATION), COUNT (quorum, present)

#define WHERE_FIELDS                                                           \
  INDEX (where, gateway, GS_LIST_GATEWAY), COUNT (where, days),                \
      COUNT (where, level)

#define GATE_FIELDS                                                            \
  INDEX (gate, gateway, GS_LIST_GATEWAY), INDEX (gate, pathway, GS_LIST_PATHWAY)

#define GATE_COUNTS                                                            \
  GATE_FIELDS, COUNT (gate, approving), COUNT (gate, rejecting),               \
      COUNT (gate, gridlocked), COUNT (gate, bodies)

/* GsRecReturned starts like GsRecGate, which gate records rely on. */
G_STATIC_ASSERT (offsetof (GsRecReturned, gateway)
                 == offsetof (GsRecGate, gateway));
G_STATIC_ASSERT (offsetof (GsRecReturned, pathway)
                 == offsetof (GsRecGate, pathway));

static const GsRecordInfo table[] = {
  { GS_REC_ARRIVED,
    NULL,
    "sent-to",
    2,
    { INDEX (arrived, pathway, GS_LIST_PATHWAY), DATE ("first_meeting") },
    GS_LIST_NONE,
    NULL,
    GS_LIST_NONE,
    NULL },
  { GS_REC_MEETING,
    NULL,
    "body",
    5,
    { COUNT (meeting, present), COUNT (meeting, seats), COUNT (meeting, quorum),
      COUNT (meeting, items), COUNT (meeting, deputies) },
    GS_LIST_PERSON,
    "attending",
    GS_LIST_NONE,
    NULL },
  { GS_REC_INQUORATE,
    NULL,
    "body",
    7,
    { QUORUM_FIELDS },
    GS_LIST_PERSON,
    "absent",
    GS_LIST_ORGANISATION,
    "parties-short" },
  { GS_REC_ITEM_INQUORATE,
    NULL,
    "body",
    7,
    { QUORUM_FIELDS },
    GS_LIST_PERSON,
    "conflicted",
    GS_LIST_ORGANISATION,
    "parties-short" },
  { GS_REC_APPROVED,
    NULL,
    "body",
    8,
    { VOTE_FIELDS },
    GS_LIST_ORGANISATION,
    "binds",
    GS_LIST_NONE,
    NULL },
  { GS_REC_REJECTED,
    NULL,
    "body",
    8,
    { VOTE_FIELDS },
    GS_LIST_NONE,
    NULL,
    GS_LIST_NONE,
    NULL },
  { GS_REC_TIED,
    NULL,
    "body",
    8,
    { VOTE_FIELDS },
    GS_LIST_NONE,
    NULL,
    GS_LIST_NONE,
    NULL },
  { GS_REC_BLOCKED,
    NULL,
    "body",
    8,
    { VOTE_FIELDS },
    GS_LIST_PERSON,
    "objectors",
    GS_LIST_ORGANISATION,
    "objecting-organisations" },
  { GS_REC_NO_VOTES,
    NULL,
    "body",
    8,
    { VOTE_FIELDS },
    GS_LIST_NONE,
    NULL,
    GS_LIST_NONE,
    NULL },
  { GS_REC_CONSTITUENT,
    NULL,
    "body",
    8,
    { VOTE_FIELDS },
    GS_LIST_PERSON,
    "objectors",
    GS_LIST_NONE,
    NULL },
  { GS_REC_SPLIT,
    NULL,
    "body",
    3,
    { COUNT (split, approving), COUNT (split, constituents),
      BOOL (split, carried) },
    GS_LIST_BODY,
    "approving",
    GS_LIST_NONE,
    NULL },
  { GS_REC_CONFLICT,
    NULL,
    "body",
    1,
    { BOOL (conflict, declare_only) },
    GS_LIST_PERSON,
    "members",
    GS_LIST_NONE,
    NULL },
  { GS_REC_CARRIED,
    NULL,
    "body",
    6,
    { ENUM (carried, reason, enum_carry), COUNT (carried, meetings),
      COUNT (carried, inquorate), COUNT (carried, span),
      ENUM (carried, end, enum_carry_end), DATE ("first_meeting") },
    GS_LIST_NONE,
    NULL,
    GS_LIST_NONE,
    NULL },
  { GS_REC_DEADLINE_MISSED,
    NULL,
    "sat-at",
    3,
    { WHERE_FIELDS },
    GS_LIST_NONE,
    NULL,
    GS_LIST_NONE,
    NULL },
  { GS_REC_PENDING_AT_END,
    NULL,
    "sat-at",
    3,
    { WHERE_FIELDS },
    GS_LIST_NONE,
    NULL,
    GS_LIST_NONE,
    NULL },
  { GS_REC_GATE_OPEN,
    NULL,
    NULL,
    3,
    { GATE_FIELDS, DATE ("first_meeting") },
    GS_LIST_BODY,
    "bodies",
    GS_LIST_NONE,
    NULL },
  { GS_REC_GATE_SKIPPED,
    NULL,
    NULL,
    2,
    { GATE_FIELDS },
    GS_LIST_NONE,
    NULL,
    GS_LIST_NONE,
    NULL },
  { GS_REC_GATE_PASSED,
    NULL,
    NULL,
    6,
    { GATE_COUNTS },
    GS_LIST_NONE,
    NULL,
    GS_LIST_NONE,
    NULL },
  { GS_REC_GATE_FAILED,
    NULL,
    NULL,
    6,
    { GATE_COUNTS },
    GS_LIST_NONE,
    NULL,
    GS_LIST_NONE,
    NULL },
  { GS_REC_RETURNED,
    NULL,
    NULL,
    5,
    { INDEX (returned, gateway, GS_LIST_GATEWAY),
      INDEX (returned, pathway, GS_LIST_PATHWAY),
      INDEX (returned, to, GS_LIST_GATEWAY), COUNT (returned, returns),
      COUNT (returned, max) },
    GS_LIST_NONE,
    NULL,
    GS_LIST_NONE,
    NULL },
  { GS_REC_ESCALATED,
    NULL,
    "arose-at",
    3,
    { INDEX (escalated, ladder, GS_LIST_LADDER),
      ENUM (escalated, trigger, enum_trigger),
      INDEX (escalated, gateway, GS_LIST_GATEWAY) },
    GS_LIST_NONE,
    NULL,
    GS_LIST_NONE,
    NULL },
  { GS_REC_LEVEL,
    NULL,
    "level-body",
    4,
    { INDEX (level, ladder, GS_LIST_LADDER),
      INDEX (level, level, GS_LIST_LEVEL), COUNT (level, climbed),
      DATE ("time_limit_ends") },
    GS_LIST_NONE,
    NULL,
    GS_LIST_NONE,
    NULL },
  { GS_REC_LEVEL_FAILED,
    NULL,
    "level-body",
    3,
    { INDEX (level, ladder, GS_LIST_LADDER),
      INDEX (level, level, GS_LIST_LEVEL), ENUM (level, why, enum_failure) },
    GS_LIST_NONE,
    NULL,
    GS_LIST_NONE,
    NULL },
  { GS_REC_RESOLVED,
    NULL,
    "level-body",
    3,
    { INDEX (level, ladder, GS_LIST_LADDER),
      INDEX (level, level, GS_LIST_LEVEL), BOOL (level, approved) },
    GS_LIST_NONE,
    NULL,
    GS_LIST_NONE,
    NULL },
  { GS_REC_EXHAUSTED,
    NULL,
    "arose-at",
    3,
    { INDEX (level, ladder, GS_LIST_LADDER),
      INDEX (level, level, GS_LIST_LEVEL), COUNT (level, climbed) },
    GS_LIST_NONE,
    NULL,
    GS_LIST_NONE,
    NULL },
  { GS_REC_DECIDED,
    NULL,
    "last-body",
    2,
    { ENUM (decided, state, gs_enum_case_state),
      INDEX (decided, gateway, GS_LIST_GATEWAY) },
    GS_LIST_NONE,
    NULL,
    GS_LIST_NONE,
    NULL },
  { GS_REC_BREACH,
    NULL,
    "body",
    8,
    { ENUM (breach, breach, enum_breach),
      INDEX (breach, org, GS_LIST_ORGANISATION),
      INDEX (breach, delegation, GS_LIST_DELEGATION),
      ENUM (breach, status, enum_auth), ENUM (breach, upstream, enum_auth),
      ENUM (breach, decided_by, enum_decider),
      INDEX (breach, ladder, GS_LIST_LADDER),
      INDEX (breach, level, GS_LIST_LEVEL) },
    GS_LIST_DELEGATION,
    "chain",
    GS_LIST_NONE,
    NULL },
  { GS_REC_BREACH_VOTE,
    NULL,
    "body",
    1,
    { ENUM (breach, breach, enum_breach) },
    GS_LIST_PERSON,
    "voters",
    GS_LIST_NONE,
    NULL },
  { GS_REC_AMENDED,
    NULL,
    "body",
    3,
    { COUNT (amended, change), COUNT (amended, line), DATE ("effective") },
    GS_LIST_NONE,
    NULL,
    GS_LIST_NONE,
    NULL },
  { GS_REC_URGENT,
    NULL,
    "body",
    9,
    { BOOL (urgent, written), ENUM (urgent, outcome, enum_urgent),
      COUNT (urgent, votes_for), COUNT (urgent, against),
      COUNT (urgent, members), COUNT (urgent, needed), COUNT (urgent, days),
      INDEX (urgent, conflicted, GS_LIST_PERSON), DATE ("next_meeting") },
    GS_LIST_NONE,
    NULL,
    GS_LIST_NONE,
    NULL },
};
G_STATIC_ASSERT (N (table) == GS_N_RECORD_KINDS);

/* A record callback takes a set of kinds as 64 bits. */
G_STATIC_ASSERT (GS_N_RECORD_KINDS <= 64);

const GsRecordInfo *
gs_record_info (GsRecordKind kind)
{
  g_return_val_if_fail ((guint)kind < GS_N_RECORD_KINDS, NULL);
  /* The names live in one array; the entry's own name is filled from it so
   * that a kind cannot be listed under another's name. */
  static GsRecordInfo named[GS_N_RECORD_KINDS];
  static gsize once = 0;
  if (g_once_init_enter (&once))
    {
      for (guint i = 0; i < GS_N_RECORD_KINDS; i++)
        {
          named[i] = table[i];
          named[i].name = kind_names[table[i].kind];
        }
      g_once_init_leave (&once, 1);
    }
  return &named[kind];
}

gint64
gs_record_field (const GsRecord *record, const GsFieldInfo *field)
{
  if (field->type == GS_FIELD_DATE)
    return record->when;
  g_return_val_if_fail (field->slot < GS_RECORD_SLOTS, 0);
  return record->slot[field->slot];
}

const char *
gs_enum_value_name (const GsEnumInfo *info, gint64 value)
{
  if (value < 0 || value >= (gint64)info->n_values)
    return NULL;
  return info->values[value];
}

/* gs-scenario-private.h — the layout of a GsScenario, for the library.
 *
 * The loader fills these structures and the engine and writers read them.
 * Every cross-reference is an index into one of the arrays of GsScenario;
 * "none" is -1.  Strings are owned by the scenario's string chunk, so
 * freeing a scenario is a handful of calls however large it is.  Line numbers
 * are kept so that later checks can point at the element they blame.
 *
 * Nothing here grows with a product of the file's sizes: ids are found
 * through hash tables, stances are kept sparsely (one rule per stance the
 * file gives, grouped by person, organisation and matter), and absences and
 * conflicts are grouped by person, so the queries the run makes per member
 * per vote (gs__scenario_stance, _away, _conflicted) cost O(log k) in the
 * person's own entries and never allocate.
 */
#pragma once

#include <govsim/gs-limits.h>
#include <govsim/gs-rules.h>
#include <govsim/gs-scenario.h>

G_BEGIN_DECLS

typedef struct
{
  const char *id;
  const char *name;
  GsOrgKind kind;
  int line;
  /* Its scheme of delegation.  Without one, govsim does not model the
   * organisation's delegations and reports no breach for it. */
  gboolean has_scheme;
  int scheme_line;
  guint *reserved; /* matter types reserved to its board */
  guint n_reserved;
  int reserved_line;  /* the first reserved clause */
  guint *delegations; /* its delegations (every version), in document order */
  guint n_delegations;
  GsTime leaves; /* leaves the collaborative on this day, or NEVER */
  int leave_line;
} GsOrganisation;

typedef struct
{
  const char *id;
  const char *name; /* the id when the file gives no name */
  int org;          /* -1: an external person with no organisation */
  GsRole role;
  gboolean director; /* a voting director of its organisation's board */
  double attendance; /* probability of attending any one meeting */
  int line;
  /* Every post the person holds: their own organisation's (org, role,
   * director) first when they have one, then each <post> in document
   * order, in GsScenario.posts[post_start .. post_start + n_posts). */
  guint post_start;
  guint n_posts;
} GsPerson;

/* What the law says about a matter type, for the statutory checks. */
typedef enum
{
  GS_MATTER_ORDINARY,
  GS_MATTER_REMUNERATION,          /* pay and terms of directors */
  GS_MATTER_ANNUAL_ACCOUNTS,       /* preparing the annual accounts */
  GS_MATTER_CONSOLIDATED_ACCOUNTS, /* preparing consolidated accounts */
  GS_MATTER_AUDIT,                 /* the audit committee's functions */
  GS_MATTER_NON_DELEGABLE,         /* on the list of functions not suitable
                                      for delegation */
} GsMatterClass;

typedef struct
{
  const char *id;
  const char *name;
  GsMatterClass klass;
  int function_of; /* the organisation whose statutory function the matter
                      is (an ICB's commissioning, say), or -1: a matter of
                      whichever organisation decides it.  A decision on it
                      binds that organisation alone, under its scheme. */
  int line;
} GsMatter;

/* What a body's terms of reference say about disputes: which outcomes go
 * to which escalation ladder instead of failing. */
typedef enum
{
  GS_TRIGGER_TIE = 1 << 0,         /* an equality of votes, no casting vote */
  GS_TRIGGER_BLOCKED = 1 << 1,     /* consensus blocked by an objection */
  GS_TRIGGER_SPLIT = 1 << 2,       /* committees in common disagreed */
  GS_TRIGGER_INQUORATE = 1 << 3,   /* N consecutive inquorate meetings */
  GS_TRIGGER_DEADLINE = 1 << 4,    /* the deadline is about to be missed */
  GS_TRIGGER_NOT_CARRIED = 1 << 5, /* rejected with more for than against:
                                      short of what the rule needs */
} GsTrigger;

typedef struct
{
  int ladder;        /* the ladder disputes climb, or -1: none */
  guint triggers;    /* GsTrigger bits */
  guint inquorate_n; /* GS_TRIGGER_INQUORATE: after this many meetings */
  GsDuration before_deadline; /* GS_TRIGGER_DEADLINE: this long before */
} GsEscalation;

typedef enum
{
  GS_AGENDA_ARRIVAL,  /* in the order items reached the body */
  GS_AGENDA_DEADLINE, /* nearest deadline first, then arrival */
} GsAgendaOrder;

typedef struct
{
  GsTime first;      /* the first meeting */
  GsDuration every;  /* interval; meeting k is first + k × every */
  guint capacity;    /* items one meeting can decide */
  GsDuration notice; /* a proposal must arrive this long before */
  GsAgendaOrder order;
} GsCalendar;

/* How a body decides urgent proposals between meetings. */
typedef enum
{
  GS_URGENT_NONE,    /* only at a meeting */
  GS_URGENT_CHAIR,   /* chair's action */
  GS_URGENT_WRITTEN, /* a written resolution of the members */
} GsUrgentRoute;

typedef struct
{
  guint person; /* the member */
  int deputy;   /* who attends in their place when they are absent, or -1 */
  guint weight; /* weight under weighted voting */
  GsTime from;  /* a member from this time ... */
  GsTime until; /* ... up to, not including, this one (G_MAXINT64: to the
                   end); outside, the seat is vacant */
  /* The seat as it stands when the member holds it and nobody sits in
   * their place (set by gs__scenario_index_seats()): the member, the
   * seat's weight and chair flag, and the member's role, party and posts
   * as gs__seat_occupy() gives them for the body; not present, no ballot.
   * A meeting copies it and only marks who attends. */
  GsSeat seat;
} GsMember;

typedef /* Most members of a body whose ballots take the plain seat loop, which
         * keeps its present seats' indices on the stack. */
#define GS_SEATS_PLAIN_MAX 255u

    struct _GsBodyChange GsBodyChange;

typedef struct
{
  const char *id;
  const char *name;
  GsBodyKind kind;
  int org;           /* the organisation the body belongs to; -1 for a
                        joint committee or committees in common */
  GsMember *members; /* in document order; none for committees in common */
  guint n_members;
  guint *observers; /* people in attendance who neither vote nor count for
                       the quorum, in document order */
  guint n_observers;
  int chair; /* index into members of the chair's seat, or -1 */
  GsQuorum quorum;
  GsVoting voting;
  gboolean deputies_vote; /* a deputy may vote in the member's place */
  gint32 *parties;        /* organisations the body decides for: its own, or
                             a joint committee's or the group's parties */
  guint n_parties;
  guint *constituents; /* committees in common: the constituent bodies */
  guint n_constituents;
  GsCicRule cic_rule;      /* committees in common: the collective rule */
  guint cic_n;             /* ... and its n for GS_CIC_AT_LEAST */
  int group;               /* a constituent: its committees in common, or -1 */
  GsCalendar calendar;     /* unused by a constituent, which meets with its
                              group */
  GsEscalation escalation; /* unused by a constituent: its group's applies */
  gboolean declare_only;   /* the terms of reference only require a
                              conflicted member to declare: they still vote
                              and count */
  /* Consensus first, then a majority vote (gs-consensus.c): the rule a
   * blocked consensus is put to, and when. */
  gboolean has_fallback;
  GsVoting fallback;
  gboolean fallback_next; /* at the next meeting, not at once */
  /* Urgent decisions between meetings (gs-urgent.c), from <urgent>. */
  GsUrgentRoute urgent;
  gint64 urgent_limit;       /* chair's action: the most it may decide, in
                                pounds; GS_VALUE_MAX when the ToR set none */
  gboolean urgent_with_ce;   /* chair's action: with a chief executive */
  guint urgent_days;         /* written resolution: days to decide in */
  gboolean urgent_unanimous; /* ... by every member; else more than */
  guint urgent_num;          /* urgent_num / urgent_den of all members */
  guint urgent_den;
  gboolean urgent_waits; /* the ToR say an urgent item waits at a locked
                            gateway for the gateways before it
                            (locked-gateways="wait"), as the run does */
  int urgent_line;
  int line;
  /* Where the clauses are, for the checks that blame one of them; 0 when
   * the file has no such clause. */
  int quorum_line;
  int role_line[GS_N_ROLES]; /* each <role> of the quorum */
  int party_line;            /* <each-party> */
  int voting_line;
  /* Amendments (<amend-body>), in date order: from each change's date on,
   * the body's meetings use the change's copy of the body, whose quorum
   * and voting clauses are the amended ones (gs__body_at). */
  GsBodyChange *changes;
  guint n_changes;
  /* No approval by the body of a motion that affects only its parties can
   * be a breach (set by gs__scenario_index_delegations()): the body is not
   * a joint committee (whose parties may leave), none of its parties nor
   * any organisation whose function a matter is has a scheme of
   * delegation, and each party has a member who serves it (so an affected
   * party had its say). */
  gboolean approvals_unchecked;
  /* The quorum is a head-count alone (set by gs__scenario_index_seats()):
   * at least quorum.present counted, no majority of the seats held, no
   * fraction, chair, role or each-party rule.  Then the count made while
   * filling the seats decides whether a meeting is quorate. */
  gboolean quorum_plain;
  /* Its ballots need none of the general seat loop's checks (set by
   * gs__scenario_index_ballots()): no member has a deputy, so each seat's
   * occupant is its member; the scenario declares no conflict, so no seat
   * is ever conflicted; and no stance has an if-affected support apart
   * from its support, so whom a case affects changes no ballot; and it has
   * at most GS_SEATS_PLAIN_MAX members.  Then cast_ballots() takes the
   * plain seat loop. */
  gboolean ballots_plain;
} GsBody;

struct _GsBodyChange
{
  GsTime date; /* in effect from this day */
  int line;    /* of the <amend-body> */
  GsBody body; /* the body as amended: shares members, parties and
                  observers with the original; n_changes 0 */
};

typedef struct
{
  guint person;
  GsTime from;  /* first day away */
  GsTime until; /* first day back */
  int line;
} GsAbsence;

typedef struct
{
  guint person;
  int matter; /* conflicted on this matter type, or -1 */
  int org;    /* conflicted on proposals affecting this organisation, or -1 */
  int line;
} GsConflict;

typedef enum
{
  GS_VALUE_FIXED,     /* a = the value */
  GS_VALUE_UNIFORM,   /* between a and b */
  GS_VALUE_LOGNORMAL, /* exp (a + b × N(0,1)) */
} GsValueKind;

typedef struct
{
  GsValueKind kind;
  double a;
  double b;
} GsValueDist;

typedef struct
{
  const char *id;
  const char *title;
  guint matter;
  gint64 value;   /* pounds */
  guint lead;     /* lead organisation */
  guint *affects; /* affected organisations (at least the lead) */
  guint n_affects;
  GsTime arrives;
  GsTime deadline; /* last day on which a decision is in time, or NEVER */
  guint pathway;   /* the pathway it follows (the body's implicit one when
                      the file names a body) */
  gboolean urgent; /* may be decided between meetings (gs-urgent.c) */
  int line;
} GsProposal;

typedef struct
{
  const char *id;
  const char *title;
  guint matter;
  int pathway; /* the pathway it follows, or -1: chosen per case by matter
                  and value (the loader checks one always matches) */
  guint lead;
  guint *affects;
  guint n_affects;
  GsTime first;
  GsDuration every;
  gboolean poisson; /* exponential intervals with mean `every` */
  guint count;
  GsValueDist value;
  gboolean has_deadline;
  GsDuration deadline; /* after arrival */
  gboolean urgent;     /* its cases may be decided between meetings */
  int line;
} GsArrivals;

/* ---- pathways and escalation ladders --------------------------------- */

typedef enum
{
  GS_GATE_ALL,      /* every body approves */
  GS_GATE_ANY,      /* one body approves */
  GS_GATE_AT_LEAST, /* at least n bodies approve */
} GsGateNeed;

/* A range of whole-pound values, both ends included. */
typedef struct
{
  gint64 lo; /* 0 when the file sets no lower bound */
  gint64 hi; /* GS_VALUE_MAX when the file sets no upper bound */
} GsValueRange;

/* The schema's largest sum (the old name, kept for the run and the checks). */
#define GS_VALUE_MAX GS_LIMIT_VALUE_MAX

typedef struct
{
  const char *id;   /* may be NULL */
  const char *name; /* for reports: the file's name, else the bodies' names */
  guint *bodies;
  guint n_bodies;
  GsGateNeed need;
  guint need_n;         /* bodies that must approve (all: n_bodies; any: 1) */
  gboolean recommend;   /* recommend-only: advises, never binds or blocks */
  gboolean locked;      /* opens only once every gateway before it passed */
  GsValueRange applies; /* skipped for proposals outside this range */
  int return_to;        /* on rejection: the gateway to return to, or -1 to
                           end the proposal */
  guint max_returns;    /* ... at most this many times */
  guint first_slot;     /* index of its first body among the pathway's
                           slots (gateways' bodies, in order) */
  int line;
} GsGateway;

typedef struct
{
  const char *id;
  const char *name;
  guint *matters; /* matter types it takes when chosen by matter */
  guint n_matters;
  GsValueRange values; /* ... and values */
  GsGateway *gateways;
  guint n_gateways;
  guint n_slots;     /* sum of the gateways' n_bodies */
  gboolean implicit; /* made by the loader for proposals naming a body */
  int line;
} GsPathway;

typedef enum
{
  GS_LEVEL_VOTE,       /* a body votes under its own rules */
  GS_LEVEL_RECONSIDER, /* the body the dispute arose in votes again */
  GS_LEVEL_CHAIR,      /* one person decides */
  GS_LEVEL_MEDIATION,  /* agreement with probability success */
  GS_LEVEL_BINDING,    /* arbitration: always decides */
  GS_LEVEL_REFERRAL,   /* several bodies vote, each at its own meeting */
} GsLevelMethod;

typedef struct
{
  const char *name; /* the forum, for reports */
  GsLevelMethod method;
  int body;          /* VOTE: the body; CHAIR: whose chair decides; or -1 */
  int person;        /* CHAIR: who decides; or -1 */
  GsDuration within; /* time limit, counted from the end of cooling off */
  GsDuration cooling_off; /* the dispute rests this long first */
  double success;         /* MEDIATION: probability of agreement */
  double approve;         /* MEDIATION, BINDING: probability the outcome is
                             approval */
  guint *bodies;          /* REFERRAL: the bodies referred to (owned) */
  guint n_bodies;
  guint need; /* REFERRAL: approvals that agree, 1 .. n_bodies */
  int line;
} GsLevel;

typedef struct
{
  const char *id;
  const char *name;
  GsLevel *levels;
  guint n_levels;
  int then; /* the ladder a dispute passes to when this one is exhausted,
               or -1; the loader rejects cycles */
  int line;
} GsLadder;

/* ---- schemes of delegation ------------------------------------------ */

/* Why a delegation stops being in force before its own 'until'. */
typedef enum
{
  GS_END_NONE,      /* it runs to 'until', or for ever */
  GS_END_AMENDED,   /* replaced by an amended version on 'until' */
  GS_END_WITHDRAWN, /* withdrawn on 'until' */
  GS_END_LEFT,      /* its organisation left the collaborative */
} GsDelegationEnd;

/* One version of a delegation in an organisation's scheme: authority
 * granted by the delegator body 'by' to the body or officer 'to', for some
 * matter types, up to a limit, from one day up to (not including) another.
 * An amendment ends one version and starts the next under the same id. */
typedef struct
{
  const char *id; /* may be NULL */
  guint org;      /* whose scheme */
  guint by;       /* the delegator: the board, or a body that holds the
                     matter itself */
  guint to;       /* the delegate */
  guint *matters;
  guint n_matters;
  gint64 limit;          /* the largest value it covers; GS_VALUE_MAX: none */
  GsTime from;           /* first day in force */
  GsTime until;          /* first day no longer in force, or NEVER */
  GsTime expires;        /* the end date the file gave, or NEVER */
  gboolean sub_delegate; /* 'to' may delegate onwards what it holds */
  int amends;            /* the version this one replaced, or -1 */
  GsDelegationEnd ended; /* why it ends on 'until' */
  int line;              /* the delegation, or the amendment that made it */
  int end_line;          /* the amendment, withdrawal or leaving that ended
                            it, or 0 */
} GsDelegation;

/* The caps on schemes of delegation, under their old names (gs-limits.h
 * says what they bound). */
#define GS_CHAIN_MAX      GS_LIMIT_CHAIN_MAX
#define GS_CHAIN_WORK_MAX GS_LIMIT_CHAIN_WORK_MAX

/* ---- behaviour: what the run asks of a person ------------------------- */

/* How a person leans on proposals of one matter type. */
typedef struct
{
  double support;     /* probability of voting for */
  double if_affected; /* ... when the proposal affects their organisation */
  double abstain;     /* probability of abstaining */
} GsStance;

/* One stance as the file gives it: for a person or an organisation (or
 * neither: everyone), on one matter type or on all. */
typedef struct
{
  int person; /* or -1 */
  int org;    /* or -1; never both a person and an organisation */
  int matter; /* or -1: every matter type */
  GsStance stance;
} GsStanceRule;

/* A person's or an organisation's stance on one matter type. */
typedef struct
{
  guint matter;
  guint rule; /* index into GsStances.rules */
} GsStanceCell;

/* The stances, grouped for resolution by the most specific rule.  Each
 * by_* array holds the index of the rule for its person, organisation or
 * matter alone, or -1; the cells of person p are
 * person_cells[person_start[p] .. person_start[p + 1]), sorted by matter
 * (likewise for organisations). */
typedef struct
{
  GsStanceRule *rules; /* in document order */
  guint n_rules;
  int fallback; /* the scenario default (no person, organisation or
                   matter), or -1: support 0.5, no abstention */
  int *by_matter;
  int *by_org;
  int *by_person;
  guint *org_start;
  GsStanceCell *org_cells;
  guint *person_start;
  GsStanceCell *person_cells;
} GsStances;

/* The kinds of element that are found by id. */
typedef enum
{
  GS_IDS_ORG,
  GS_IDS_PERSON,
  GS_IDS_MATTER,
  GS_IDS_BODY,
  GS_IDS_PATHWAY, /* explicit pathways only */
  GS_IDS_LADDER,
  GS_N_ID_KINDS
} GsIdKind;

struct _GsScenario
{
  GStringChunk *strings; /* owns every string below */
  const char *source;    /* file name used in messages */
  const char *name;
  const char *description;
  GsTime start;
  GsTime end; /* exclusive */
  guint64 seed;

  GArray *organisations; /* GsOrganisation */
  GArray *people;        /* GsPerson */
  GArray *posts;         /* GsPost, each person's in a run (see GsPerson) */
  GArray *matters;       /* GsMatter */
  GArray *bodies;        /* GsBody (owns members) */
  GArray *proposals;     /* GsProposal (owns affects) */
  GArray *arrivals;      /* GsArrivals (owns affects) */
  GArray *pathways;      /* GsPathway (owns gateways, their bodies, and
                            matters); explicit ones in document order,
                            then the implicit ones */
  GArray *ladders;       /* GsLadder (owns levels) */
  guint referral_width;  /* the most bodies a referral level names (0: none);
                            each slot of a case has this many more for the
                            bodies its dispute is referred to */
  GArray *delegations;   /* GsDelegation (owns matters), every version, in
                            document order of the version's element */

  GPtrArray *warnings; /* char *: "file:line: warning: ..." for a legal
                          file near a work limit (owned) */
  GArray *absences;    /* GsAbsence, in document order */
  GArray *conflicts;   /* GsConflict, in document order */

  /* id (interned) -> GUINT_TO_POINTER (index + 1), one table per kind;
   * filled by the loader as it appends, the first of a duplicated id kept
   * (the loader refuses the file anyway). */
  GHashTable *ids[GS_N_ID_KINDS];

  GsStances stances; /* behaviour: see gs__scenario_set_stances() */

  /* By person, built by gs__scenario_index_behaviour(): person p's
   * absences are away[away_start[p] .. away_start[p + 1]), sorted by
   * start, with away_reach[i] the latest end among those up to i; and its
   * conflicts conflicted[conflict_start[p] .. conflict_start[p + 1]), in
   * document order. */
  guint *away_start;
  GsAbsence *away;
  GsTime *away_reach;
  guint *conflict_start;
  GsConflict *conflicted;

  /* Explicit pathways by matter type, in document order: matter m's are
   * route[route_start[m] .. route_start[m + 1]) (built by
   * gs__scenario_index_pathways(); NULL until then). */
  guint *route_start;
  guint *route;

  /* Delegations by delegate, each body's in document order: body b's are
   * granted[granted_start[b] .. granted_start[b + 1]) (built by
   * gs__scenario_index_delegations(); NULL until then). */
  guint *granted_start;
  guint *granted;
};

#define GS_ORG(s, i)    (&g_array_index ((s)->organisations, GsOrganisation, (i)))
#define GS_PERSON(s, i) (&g_array_index ((s)->people, GsPerson, (i)))
#define GS_MATTER(s, i) (&g_array_index ((s)->matters, GsMatter, (i)))
#define GS_BODY(s, i)   (&g_array_index ((s)->bodies, GsBody, (i)))

/* The body @bi as its terms of reference stand at @now: the copy made for
 * the latest change in effect, else the body itself.  No allocation; a
 * scan over the body's few changes. */
static inline const GsBody *
gs__body_at (const GsScenario *s, guint bi, GsTime now)
{
  const GsBody *b = GS_BODY (s, bi);
  const GsBody *in_force = b;
  for (guint i = 0; i < b->n_changes && b->changes[i].date <= now; i++)
    in_force = &b->changes[i].body;
  return in_force;
}
#define GS_PROPOSAL(s, i) (&g_array_index ((s)->proposals, GsProposal, (i)))
#define GS_ARRIVALS(s, i) (&g_array_index ((s)->arrivals, GsArrivals, (i)))
#define GS_PATHWAY(s, i)  (&g_array_index ((s)->pathways, GsPathway, (i)))
#define GS_LADDER(s, i)   (&g_array_index ((s)->ladders, GsLadder, (i)))
#define GS_DELEGATION(s, i)                                                    \
  (&g_array_index ((s)->delegations, GsDelegation, (i)))

/* The pathway a proposal of @matter worth @value follows when its file
 * names none: the first explicit pathway, in document order, listing the
 * matter whose value range holds the value; -1 if none does. */
int gs__scenario_select_pathway (const GsScenario *s, guint matter,
                                 gint64 value);

/* The whole pounds a stream's proposals may be worth (as the engine rounds
 * and caps its draws). */
GsValueRange gs__value_dist_range (const GsValueDist *v);

/* Whether @item is among the @n @items (matter lists are a few long). */
static inline gboolean
gs__lists (const guint *items, guint n, guint item)
{
  for (guint i = 0; i < n; i++)
    if (items[i] == item)
      return TRUE;
  return FALSE;
}

/* Whether body @body is the board of organisation @org, which holds every
 * matter of its organisation. */
static inline gboolean
gs__is_board_of (const GsScenario *s, guint body, guint org)
{
  const GsBody *b = GS_BODY (s, body);
  return b->kind == GS_BODY_BOARD && b->org == (int)org;
}

/* Whether delegation @d gives authority to @body: its delegate, or, for a
 * delegation to committees in common, the delegating organisation's own
 * constituent committee (the others decide only for their own). */
static inline gboolean
gs__delegation_reaches (const GsScenario *s, const GsDelegation *d, guint body)
{
  const GsBody *b = GS_BODY (s, body);
  return d->to == body || ((int)d->to == b->group && b->org == (int)d->org);
}

/* The posts of @person (see GsPerson); sets *@n. */
static inline const GsPost *
gs__person_posts (const GsScenario *s, guint person, guint *n)
{
  const GsPerson *p = GS_PERSON (s, person);
  *n = p->n_posts;
  return p->n_posts > 0 ? &g_array_index (s->posts, GsPost, p->post_start)
                        : NULL;
}

/* The post in which @person serves organisation @org, or NULL. */
static inline const GsPost *
gs__person_post (const GsScenario *s, guint person, int org)
{
  guint n;
  const GsPost *posts = gs__person_posts (s, person, &n);
  for (guint i = 0; i < n; i++)
    if (posts[i].org == org)
      return &posts[i];
  return NULL;
}

/* The occupant's part of a seat of a body of organisation @org (-1: a
 * joint committee's) filled by @person: their post at @org when they hold
 * one (a shared chief executive sits on each trust's committee as that
 * trust's), else their own role and organisation; their posts listed only
 * when they hold more than one. */
static inline void
gs__seat_occupy (const GsScenario *s, int org, guint person, GsSeat *seat)
{
  const GsPerson *p = GS_PERSON (s, person);
  const GsPost *here = gs__person_post (s, person, org);
  guint n_posts;
  const GsPost *posts = gs__person_posts (s, person, &n_posts);
  seat->person = person;
  seat->role = here != NULL ? here->role : p->role;
  seat->party = here != NULL ? org : p->org;
  seat->posts = n_posts > 1 ? posts : NULL;
  seat->n_posts = n_posts > 1 ? n_posts : 0;
}

/* Whether @person serves organisation @org in any post. */
static inline gboolean
gs__person_serves (const GsScenario *s, guint person, int org)
{
  return org >= 0 && gs__person_post (s, person, org) != NULL;
}

/* The organisation whose function @matter is, or -1. */
static inline int
gs__matter_function_of (const GsScenario *s, guint matter)
{
  return GS_MATTER (s, matter)->function_of;
}

/* Whether @value lies in @range. */
static inline gboolean
gs__value_in (const GsValueRange *range, gint64 value)
{
  return range->lo <= value && value <= range->hi;
}

/* ---- behaviour: what the run asks of a person ------------------------- */

/* The stance of @person on proposals of @matter: the most specific of the
 * file's stances that matches (person + matter, person, organisation +
 * matter, organisation, matter, default). */
void gs__scenario_stance (const GsScenario *s, guint person, guint matter,
                          GsStance *out);

/* gs__scenario_away() for a person with absences: a binary search in
 * their own. */
gboolean gs__scenario_away_search (const GsScenario *s, guint person, GsTime t);

/* Whether a scripted absence covers @person at @t.  A person with no
 * absences (every person, in most scenarios) is two loads and a compare. */
static inline gboolean
gs__scenario_away (const GsScenario *s, guint person, GsTime t)
{
  return s->away_start != NULL
         && s->away_start[person] != s->away_start[person + 1]
         && gs__scenario_away_search (s, person, t);
}

/* Whether @person has declared a conflict on a proposal of @matter that
 * affects the @n_affects organisations @affects. */
gboolean gs__scenario_conflicted (const GsScenario *s, guint person,
                                  guint matter, const guint *affects,
                                  guint n_affects);

/* The first of @person's declared conflicts (in document order) that
 * covers such a proposal, or NULL: what a sentence names as the reason. */
const GsConflict *gs__scenario_conflict_for (const GsScenario *s, guint person,
                                             guint matter, const guint *affects,
                                             guint n_affects);

/* Takes the @n stances @rules (transfer full, in document order, none
 * repeating another's person, organisation and matter) and groups them for
 * gs__scenario_stance().  Call once the people, organisations and matters
 * are all known. */
void gs__scenario_set_stances (GsScenario *s, GsStanceRule *rules, guint n);

/* Groups the absences and conflicts by person for gs__scenario_away() and
 * gs__scenario_conflicted().  Call once they are all read. */
void gs__scenario_index_behaviour (GsScenario *s);

/* Indexes the delegations by delegate for gs_authority_resolve().  Call
 * once the schemes are all read. */
void gs__scenario_index_delegations (GsScenario *s);
void gs__scenario_index_seats (GsScenario *s);

/* Sets GsBody.ballots_plain on every body and amended copy.  Call once the
 * bodies, conflicts and stances are all read. */
void gs__scenario_index_ballots (GsScenario *s);

/* Indexes the explicit pathways by matter type for
 * gs__scenario_select_pathway().  Call once they are all read. */
void gs__scenario_index_pathways (GsScenario *s);

/* Makes @id (interned in the scenario) find element @index of @kind; the
 * first of a repeated id keeps it. */
void gs__scenario_add_id (GsScenario *s, GsIdKind kind, const char *id,
                          guint index);

/* The index of the element of @kind with @id, or -1. */
int gs__scenario_find (const GsScenario *s, GsIdKind kind, const char *id);

/* Allocates an empty scenario for the loader to fill. */
GsScenario *gs__scenario_new (const char *source);

/* Interns @text in the scenario's string chunk (NULL stays NULL). */
const char *gs__scenario_intern (GsScenario *s, const char *text);

G_END_DECLS

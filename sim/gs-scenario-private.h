/* gs-scenario-private.h — the layout of a GsScenario, for the library.
 *
 * The loader fills these structures and the engine and writers read them.
 * Every cross-reference is an index into one of the arrays of GsScenario;
 * "none" is -1.  Strings are owned by the scenario's string chunk, so
 * freeing a scenario is a handful of calls however large it is.  Line numbers
 * are kept so that later checks can point at the element they blame.
 */
#pragma once

#include <govsim/gs-rules.h>
#include <govsim/gs-scenario.h>

G_BEGIN_DECLS

typedef struct
{
  const char *id;
  const char *name;
  GsOrgKind kind;
  int line;
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
} GsPerson;

typedef struct
{
  const char *id;
  const char *name;
  int line;
} GsMatter;

typedef struct
{
  GsTime first;      /* the first meeting */
  GsDuration every;  /* interval; meeting k is first + k × every */
  guint capacity;    /* items one meeting can decide */
  GsDuration notice; /* a proposal must arrive this long before */
} GsCalendar;

typedef struct
{
  guint person; /* the member */
  int deputy;   /* who attends in their place when they are absent, or -1 */
  guint weight; /* weight under weighted voting */
} GsMember;

typedef struct
{
  const char *id;
  const char *name;
  GsBodyKind kind;
  int org;           /* the organisation the body belongs to; -1 for a
                        joint committee or committees in common */
  GsMember *members; /* in document order; none for committees in common */
  guint n_members;
  int chair; /* index into members of the chair's seat, or -1 */
  GsQuorum quorum;
  GsVoting voting;
  gboolean deputies_vote; /* a deputy may vote in the member's place */
  gint32 *parties;        /* organisations the body decides for: its own, or
                             a joint committee's or the group's parties */
  guint n_parties;
  guint *constituents; /* committees in common: the constituent bodies */
  guint n_constituents;
  GsCicRule cic_rule;  /* committees in common: the collective rule */
  guint cic_n;         /* ... and its n for GS_CIC_AT_LEAST */
  int group;           /* a constituent: its committees in common, or -1 */
  GsCalendar calendar; /* unused by a constituent, which meets with its
                          group */
  int line;
} GsBody;

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
  guint body;      /* the deciding body */
  int line;
} GsProposal;

typedef struct
{
  const char *id;
  const char *title;
  guint matter;
  guint body;
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
  int line;
} GsArrivals;

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
  GArray *matters;       /* GsMatter */
  GArray *bodies;        /* GsBody (owns members) */
  GArray *proposals;     /* GsProposal (owns affects) */
  GArray *arrivals;      /* GsArrivals (owns affects) */

  GArray *absences;  /* GsAbsence, in document order */
  GArray *conflicts; /* GsConflict, in document order */

  /* Behaviour, resolved from the stances at load time; each is
   * n_people × n_matters, row-major by person. */
  double *support;          /* probability of voting for */
  double *support_affected; /* ... when the proposal affects their org */
  double *abstain;          /* probability of abstaining */
};

#define GS_ORG(s, i)      (&g_array_index ((s)->organisations, GsOrganisation, (i)))
#define GS_PERSON(s, i)   (&g_array_index ((s)->people, GsPerson, (i)))
#define GS_MATTER(s, i)   (&g_array_index ((s)->matters, GsMatter, (i)))
#define GS_BODY(s, i)     (&g_array_index ((s)->bodies, GsBody, (i)))
#define GS_PROPOSAL(s, i) (&g_array_index ((s)->proposals, GsProposal, (i)))
#define GS_ARRIVALS(s, i) (&g_array_index ((s)->arrivals, GsArrivals, (i)))

/* Allocates an empty scenario for the loader to fill. */
GsScenario *gs__scenario_new (const char *source);

/* Interns @text in the scenario's string chunk (NULL stays NULL). */
const char *gs__scenario_intern (GsScenario *s, const char *text);

G_END_DECLS

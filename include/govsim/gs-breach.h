/* gs-breach.h — who a decision binds, and whether it breaches a delegation
 * limit: pure functions of the scenario.
 *
 * When a body approves a proposal, the approval binds the body's own
 * organisation; every party of a joint committee that has not left the
 * collaborative; a constituent's own organisation in committees in common;
 * and any affected organisation that delegated the matter to the body (a
 * lead provider deciding for a partner).  Each organisation bound that has
 * a scheme of delegation is checked (gs_authority_resolve()); any bound
 * organisation that the proposal affects but that has no member on the
 * body had no say.  The functions return findings as values; the run
 * records them.  Nothing here allocates.
 */
#pragma once

#include <glib.h>
#include <govsim/gs-authority.h>
#include <govsim/gs-rules.h>
#include <govsim/gs-scenario.h>
#include <govsim/gs-time.h>

G_BEGIN_DECLS

/* What a breach was. */
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

/* A proposal as a decision on it is judged. */
typedef struct
{
  guint matter;
  gint64 value;         /* pounds */
  const guint *affects; /* the organisations it affects */
  guint n_affects;
} GsMotion;

/**
 * gs_binding_orgs:
 * The organisations that @body binds by approving @motion on @when, into
 * @out, which has room for every organisation of the scenario: its parties
 * (for a joint committee, those that have not left), then each affected
 * organisation that delegated the matter to the body itself.  When the
 * matter is one organisation's function (function-of), that organisation
 * alone.
 * Returns: how many.
 */
guint gs_binding_orgs (const GsScenario *scenario, guint body,
                       const GsMotion *motion, GsTime when, guint32 *out);

/* One breach of an approval. */
typedef struct
{
  GsBreach breach;
  gint32 org;       /* the organisation concerned */
  GsAuthority auth; /* for the authority breaches: the failing chain */
} GsBreachFinding;

/**
 * gs_breach_approval:
 * The breaches of an approval of @motion by @body on @when that binds the
 * @n_bound organisations @bound, into @out (room for 2 × @n_bound), in
 * the order of @bound, an authority breach before a no-say one.
 * Returns: how many.
 */
guint gs_breach_approval (const GsScenario *scenario, guint body,
                          const GsMotion *motion, GsTime when,
                          const guint32 *bound, guint n_bound,
                          GsBreachFinding *out);

/**
 * gs_breach_consented:
 * An approval reached by referring @motion to several bodies, of which the
 * @n_consents @consents approved, binds the @n_bound organisations @bound
 * as the referring body's approval would; but an organisation whose own
 * body consented, and holds authority for the matter in that
 * organisation's scheme (a trust board, the top of its own scheme, always
 * does), decided for itself and has nothing to judge.  Removes those from
 * @bound, keeping the order of the rest: what is left is judged against
 * the referring body's authority (gs_breach_approval()).  For one
 * organisation's function (function-of) only that organisation's own
 * body's consent counts: a trust board's consent is not the ICB's.
 * Returns: how many are left.
 */
guint gs_breach_consented (const GsScenario *scenario, const GsMotion *motion,
                           GsTime when, const guint *consents, guint n_consents,
                           guint32 *bound, guint n_bound);

/**
 * gs_breach_conflicted_voters:
 * The people of the @n @seats who declared a conflict and voted for or
 * against, into @out (room for @n).
 * Returns: how many (0 unless the body's terms of reference only ask for a
 * declaration, since otherwise the conflicted do not vote).
 */
guint gs_breach_conflicted_voters (const GsSeat *seats, guint n, guint32 *out);

G_END_DECLS

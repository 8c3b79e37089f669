/* gs-authority.h — who may decide what, for whom: resolving a body's
 * authority through an organisation's scheme of delegation.
 *
 * A board holds every matter of its own organisation.  Any other body holds
 * a matter for an organisation only through a chain of delegations in that
 * organisation's scheme: the board delegates to a committee, the committee
 * (if allowed to) delegates onwards, and so on.  Each link covers some
 * matter types, up to a limit, between two dates.  gs_authority_resolve()
 * answers, for one body, organisation, matter type, value and day, whether
 * the body holds authority, with the chain that gives it or the link that
 * fails.  It is pure (it reads the scenario and writes only @out), does not
 * allocate, and is called by the engine at every approval and by the checks.
 */
#pragma once

#include <glib.h>
#include <govsim/gs-limits.h>
#include <govsim/gs-scenario.h>
#include <govsim/gs-time.h>

G_BEGIN_DECLS

/* Links followed at most; the loader refuses longer chains. */
#define GS_AUTHORITY_MAX_LINKS GS_LIMIT_CHAIN_MAX

typedef enum
{
  GS_AUTH_HELD,          /* the chain in links gives the body authority */
  GS_AUTH_BOARD,         /* the body is the organisation's board */
  GS_AUTH_NOT_MODELLED,  /* the organisation has no scheme of delegation */
  GS_AUTH_RESERVED,      /* the matter is reserved to the board */
  GS_AUTH_NONE,          /* no delegation of the matter reaches the body */
  GS_AUTH_NOT_IN_FORCE,  /* one does, but not on that day (not yet granted,
                            expired, withdrawn, or ended by leaving) */
  GS_AUTH_OVER_LIMIT,    /* the value is above the limit of link 'failed' */
  GS_AUTH_SUB_FORBIDDEN, /* 'failed' was made by a body whose own authority
                            does not allow it to delegate onwards */
  GS_AUTH_SUB_BEYOND,    /* 'failed' was made by a body that did not itself
                            hold the matter at that value on that day */
} GsAuthStatus;

typedef struct
{
  GsAuthStatus status;
  gint32 failed; /* the delegation at fault, or -1 (NONE, RESERVED, ...) */
  GsAuthStatus upstream; /* SUB_BEYOND: why the delegator held too little */
  guint n_links;
  guint32 links[GS_AUTHORITY_MAX_LINKS]; /* delegations, from the board
                                            outwards; for a failure, the
                                            chain as far as it was traced */
} GsAuthority;

/**
 * gs_authority_resolve:
 * @scenario: a loaded scenario
 * @body: the body that decides
 * @org: the organisation it would bind
 * @matter: the matter type
 * @value: the value in pounds
 * @when: the day (any minute of it) of the decision
 * @out: (out caller-allocates): the answer
 *
 * Where several delegations to @body cover the matter, the first in the
 * scheme that gives authority wins; if none does, @out describes the one
 * that came closest (a failure further up the chain is closer than an
 * exceeded limit, which is closer than one not in force).
 *
 * Returns: TRUE when @body may decide (HELD, BOARD or NOT_MODELLED).
 */
gboolean gs_authority_resolve (const GsScenario *scenario, guint body,
                               guint org, guint matter, gint64 value,
                               GsTime when, GsAuthority *out);

/** Whether @status lets the body decide. */
gboolean gs_auth_status_ok (GsAuthStatus status);

/** A short phrase for @status ("no delegation", "over the limit", ...). */
const char *gs_auth_status_to_string (GsAuthStatus status);

G_END_DECLS

/* gs-authority.c — resolving authority through schemes of delegation.
 *
 * The search walks the delegator graph of one organisation backwards, from
 * the body that decides towards the board, trying each delegation to the
 * body that lists the matter.  The loader has refused cycles and chains
 * longer than GS_LIMIT_CHAIN_MAX, so the recursion is bounded; each level keeps
 * one GsAuthority on the stack and nothing is allocated.
 */
#include "model/gs-scenario-private.h"

#include <govsim/gs-authority.h>

G_STATIC_ASSERT (GS_AUTHORITY_MAX_LINKS == GS_LIMIT_CHAIN_MAX);

gboolean
gs_auth_status_ok (GsAuthStatus status)
{
  return status == GS_AUTH_HELD || status == GS_AUTH_BOARD
         || status == GS_AUTH_NOT_MODELLED;
}

const char *
gs_auth_status_to_string (GsAuthStatus status)
{
  static const char *const names[] = {
    [GS_AUTH_HELD] = "held by delegation",
    [GS_AUTH_BOARD] = "held by the board",
    [GS_AUTH_NOT_MODELLED] = "no scheme of delegation",
    [GS_AUTH_RESERVED] = "reserved to the board",
    [GS_AUTH_NONE] = "no delegation",
    [GS_AUTH_NOT_IN_FORCE] = "delegation not in force",
    [GS_AUTH_OVER_LIMIT] = "over the limit",
    [GS_AUTH_SUB_FORBIDDEN] = "sub-delegation not allowed",
    [GS_AUTH_SUB_BEYOND] = "sub-delegation beyond what the delegator held",
  };
  return (guint)status < G_N_ELEMENTS (names) ? names[status] : "unknown";
}

/* How close a failure came to authority: higher is closer. */
static int
closeness (GsAuthStatus status)
{
  switch (status)
    {
      case GS_AUTH_SUB_FORBIDDEN:
      case GS_AUTH_SUB_BEYOND:
        return 3;
      case GS_AUTH_OVER_LIMIT:
        return 2;
      case GS_AUTH_NOT_IN_FORCE:
        return 1;
      default:
        return 0;
    }
}

/* Of two delegations not in force at @when, whether @a is the better one to
 * blame than @b: the one that ended last before @when (after an amendment,
 * the latest version), rather than one not yet in force. */
static gboolean
later_ended (const GsScenario *s, guint a, gint32 b, GsTime when)
{
  const GsDelegation *da = GS_DELEGATION (s, a);
  const GsDelegation *db = GS_DELEGATION (s, b);
  if (da->until > when)
    return FALSE;
  return db->until > when || da->until > db->until;
}

/* The delegations that may reach a body, in document order: with the
 * index, those to the body and those to its group of committees in
 * common, merged; before it, every delegation of the organisation. */
typedef struct
{
  const guint *a, *a_end; /* to the body */
  const guint *b, *b_end; /* to its group */
} Candidates;

static void
candidates_init (Candidates *c, const GsScenario *s, const GsOrganisation *o,
                 guint body)
{
  if (s->granted_start == NULL)
    {
      *c = (Candidates){ o->delegations, o->delegations + o->n_delegations,
                         NULL, NULL };
      return;
    }
  const GsBody *b = GS_BODY (s, body);
  c->a = s->granted + s->granted_start[body];
  c->a_end = s->granted + s->granted_start[body + 1];
  c->b = c->b_end = NULL;
  if (b->group >= 0)
    {
      c->b = s->granted + s->granted_start[b->group];
      c->b_end = s->granted + s->granted_start[b->group + 1];
    }
}

/* The next candidate's index, or -1. */
static inline int
candidates_next (Candidates *c)
{
  if (c->a < c->a_end && (c->b == c->b_end || *c->a < *c->b))
    return (int)*c->a++;
  if (c->b < c->b_end)
    return (int)*c->b++;
  return -1;
}

/* With @onward set, the body is a delegator: a chain whose last link lets
 * it delegate onwards is preferred to one that does not. */
static void
resolve (const GsScenario *s, guint body, guint org, guint matter, gint64 value,
         GsTime when, guint depth, gboolean onward, GsAuthority *out)
{
  const GsOrganisation *o = GS_ORG (s, org);
  *out = (GsAuthority){ .failed = -1 };
  if (gs__is_board_of (s, body, org))
    {
      out->status = GS_AUTH_BOARD;
      return;
    }
  if (!o->has_scheme)
    {
      out->status = GS_AUTH_NOT_MODELLED;
      return;
    }
  if (gs__lists (o->reserved, o->n_reserved, matter))
    {
      out->status = GS_AUTH_RESERVED;
      return;
    }
  out->status = GS_AUTH_NONE;
  GsAuthority held_only = { .n_links = 0 }; /* held, but not onward */
  Candidates c;
  candidates_init (&c, s, o, body);
  for (int next; (next = candidates_next (&c)) >= 0;)
    {
      guint di = (guint)next;
      const GsDelegation *d = GS_DELEGATION (s, di);
      if (d->org != org || !gs__delegation_reaches (s, d, body)
          || !gs__lists (d->matters, d->n_matters, matter))
        continue;
      GsAuthority here = { .failed = (gint32)di, .n_links = 1 };
      here.links[0] = di;
      if (when < d->from || when >= d->until)
        here.status = GS_AUTH_NOT_IN_FORCE;
      else if (value > d->limit)
        here.status = GS_AUTH_OVER_LIMIT;
      else
        {
          if (gs__is_board_of (s, d->by, org))
            {
              here.status = GS_AUTH_HELD;
              here.failed = -1;
            }
          else if (depth + 1 >= GS_AUTHORITY_MAX_LINKS)
            here.status = GS_AUTH_SUB_BEYOND; /* the loader prevents this */
          else
            {
              GsAuthority up;
              resolve (s, d->by, org, matter, value, when, depth + 1, TRUE,
                       &up);
              /* The chain so far, then this link. */
              here.n_links = up.n_links + 1;
              for (guint k = 0; k < up.n_links; k++)
                here.links[k] = up.links[k];
              here.links[up.n_links] = di;
              if (up.status == GS_AUTH_HELD
                  && !GS_DELEGATION (s, up.links[up.n_links - 1])->sub_delegate)
                here.status = GS_AUTH_SUB_FORBIDDEN;
              else if (up.status == GS_AUTH_HELD)
                {
                  here.status = GS_AUTH_HELD;
                  here.failed = -1;
                }
              else
                {
                  here.status = GS_AUTH_SUB_BEYOND;
                  here.upstream = up.status;
                }
            }
        }
      if (here.status == GS_AUTH_HELD && (!onward || d->sub_delegate))
        {
          *out = here;
          return;
        }
      if (here.status == GS_AUTH_HELD)
        {
          if (held_only.n_links == 0)
            held_only = here;
        }
      else if (closeness (here.status) > closeness (out->status)
               || (here.status == GS_AUTH_NOT_IN_FORCE
                   && out->status == GS_AUTH_NOT_IN_FORCE
                   && later_ended (s, di, out->failed, when)))
        *out = here;
    }
  if (held_only.n_links > 0)
    *out = held_only;
}

gboolean
gs_authority_resolve (const GsScenario *s, guint body, guint org, guint matter,
                      gint64 value, GsTime when, GsAuthority *out)
{
  g_return_val_if_fail (s != NULL && out != NULL, FALSE);
  g_return_val_if_fail (body < s->bodies->len, FALSE);
  g_return_val_if_fail (org < s->organisations->len, FALSE);
  g_return_val_if_fail (matter < s->matters->len, FALSE);
  resolve (s, body, org, matter, value, when, 0, FALSE, out);
  return gs_auth_status_ok (out->status);
}

/* gs-breach.c — breaches of delegation limits, found as decisions are made.
 *
 * When a body approves a proposal, every organisation the approval binds is
 * checked: does the body hold authority for that organisation, for this
 * matter type, at this value, on this day (gs_authority_resolve())?  Each
 * failure is one BREACH record naming the link of the chain that fails.  An
 * approval is also checked for an affected organisation it binds that has
 * no member on the body.  A rejection or a recommendation commits nobody,
 * so neither is checked.  Votes cast by members with a declared conflict
 * are checked at every vote of a body whose terms of reference only ask
 * for a declaration.
 *
 * The authority of a body is not checked for an organisation without a
 * scheme of delegation: govsim does not know what it delegated.
 */
#include "run/gs-run-private.h"

#include <govsim/gs-authority.h>

const char *
gs_breach_to_string (GsBreach breach)
{
  static const char *const names[] = {
    [GS_BREACH_NO_AUTHORITY] = "no authority",
    [GS_BREACH_OVER_LIMIT] = "over the limit",
    [GS_BREACH_RESERVED] = "reserved matter",
    [GS_BREACH_JC_UNDELEGATED] = "joint committee without delegation",
    [GS_BREACH_SUB_BEYOND] = "sub-delegation beyond the delegator's",
    [GS_BREACH_SUB_FORBIDDEN] = "sub-delegation not allowed",
    [GS_BREACH_CONFLICTED_VOTED] = "conflicted member voted",
    [GS_BREACH_AFFECTED_NO_SAY] = "affected organisation had no say",
  };
  return (guint)breach < G_N_ELEMENTS (names) ? names[breach] : "unknown";
}

static GsBreach
breach_of (GsAuthStatus status, gboolean joint)
{
  switch (status)
    {
      case GS_AUTH_RESERVED:
        return GS_BREACH_RESERVED;
      case GS_AUTH_OVER_LIMIT:
        return GS_BREACH_OVER_LIMIT;
      case GS_AUTH_SUB_FORBIDDEN:
        return GS_BREACH_SUB_FORBIDDEN;
      case GS_AUTH_SUB_BEYOND:
        return GS_BREACH_SUB_BEYOND;
      default: /* NONE, NOT_IN_FORCE */
        return joint ? GS_BREACH_JC_UNDELEGATED : GS_BREACH_NO_AUTHORITY;
    }
}

static GsRecord *
add_breach (GsRun *run, GsTime now, guint32 bi, guint32 ci, GsBreach kind,
            gint32 org)
{
  GS_RUN_CASE (run, ci)->breaches++;
  GsRecord *r = gs__run_add_record (run, now, GS_REC_BREACH, bi, ci);
  if (r != NULL)
    {
      r->a = kind;
      r->b = org;
      r->c = -1;
    }
  return r;
}

static gboolean
has_member_of (const GsScenario *s, const GsBody *b, guint32 org)
{
  for (guint i = 0; i < b->n_members; i++)
    if (GS_PERSON (s, b->members[i].person)->org == (int)org)
      return TRUE;
  return FALSE;
}

static gboolean
affects (const GsCase *c, guint32 org)
{
  for (guint i = 0; i < c->n_affects; i++)
    if (c->affects[i] == org)
      return TRUE;
  return FALSE;
}

void
gs__breach_check_approval (GsRun *run, GsTime now, guint32 bi, guint32 ci,
                           guint n_bound)
{
  const GsScenario *s = run->scenario;
  const GsBody *b = GS_BODY (s, bi);
  for (guint i = 0; i < n_bound; i++)
    {
      guint32 org = run->bound[i];
      const GsCase *c = GS_RUN_CASE (run, ci);
      GsAuthority auth;
      if (GS_ORG (s, org)->has_scheme
          && !gs_authority_resolve (s, bi, org, c->matter, c->value, now,
                                    &auth))
        {
          GsRecord *r = add_breach (
              run, now, bi, ci,
              breach_of (auth.status, b->kind == GS_BODY_JOINT_COMMITTEE),
              (gint32)org);
          if (r != NULL)
            {
              r->c = auth.failed;
              r->d = auth.status;
              r->e = auth.upstream;
              r->refs = run->refs->len;
              g_array_append_vals (run->refs, auth.links, auth.n_links);
              r->n_refs = auth.n_links;
            }
        }
      if (affects (c, org) && !has_member_of (s, b, org))
        add_breach (run, now, bi, ci, GS_BREACH_AFFECTED_NO_SAY, (gint32)org);
    }
}

void
gs__breach_check_conflicted (GsRun *run, GsTime now, guint32 bi, guint32 ci,
                             const GsSeat *seats)
{
  const GsBody *b = GS_BODY (run->scenario, bi);
  if (!b->declare_only)
    return;
  guint voted = 0;
  for (guint i = 0; i < b->n_members; i++)
    voted += seats[i].declared && seats[i].ballot != GS_BALLOT_NONE
             && seats[i].ballot != GS_BALLOT_ABSTAIN;
  if (voted == 0)
    return;
  GsRecord *r = add_breach (run, now, bi, ci, GS_BREACH_CONFLICTED_VOTED, -1);
  if (r == NULL)
    return;
  r->refs = run->refs->len;
  for (guint i = 0; i < b->n_members; i++)
    if (seats[i].declared && seats[i].ballot != GS_BALLOT_NONE
        && seats[i].ballot != GS_BALLOT_ABSTAIN)
      g_array_append_val (run->refs, seats[i].person);
  r->n_refs = voted;
}

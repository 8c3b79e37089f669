/* gs-breach.c — whom an approval binds and what it breaches.
 *
 * Pure functions over the read-only scenario (see gs-breach.h): the run
 * calls them at every approval and records what they return.  Work per
 * approval is the bound organisations times one authority resolution,
 * which the loader's caps bound (GS_CHAIN_WORK_MAX).
 *
 * The authority of a body is not checked for an organisation without a
 * scheme of delegation: govsim does not know what it delegated.  A matter
 * that is one organisation's function (an ICB's, delegated to a joint
 * committee of trusts) binds that organisation only: the trusts exercise
 * it for the ICB, so the ICB's scheme is the one that must give authority.
 *
 * A referral to several bodies is judged once, when it agrees: an
 * organisation whose own body consented with authority decided for itself
 * (gs_breach_consented()); the rest are bound by the referring body's
 * terms of reference, and judged against its authority.
 */
#include "model/gs-scenario-private.h"

#include <govsim/gs-breach.h>

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

/* Whether @org's scheme delegates @matter to @body itself.  A delegation to
 * committees in common binds through the organisation's own constituent,
 * which is a party already. */
static gboolean
delegates_to (const GsScenario *s, guint org, guint body, guint matter)
{
  const GsOrganisation *o = GS_ORG (s, org);
  for (guint i = 0; i < o->n_delegations; i++)
    {
      const GsDelegation *d = GS_DELEGATION (s, o->delegations[i]);
      if (d->to == body && gs__lists (d->matters, d->n_matters, matter))
        return TRUE;
    }
  return FALSE;
}

guint
gs_binding_orgs (const GsScenario *s, guint body, const GsMotion *m,
                 GsTime when, guint32 *out)
{
  const GsBody *b = GS_BODY (s, body);
  gboolean joint = b->org < 0;
  guint n = 0;
  /* An organisation's function, exercised by whoever it delegated it to,
   * binds that organisation and no party in its own right. */
  int owner = gs__matter_function_of (s, m->matter);
  if (owner >= 0)
    {
      out[0] = (guint32)owner;
      return 1;
    }
  for (guint i = 0; i < b->n_parties; i++)
    if (!joint || when < GS_ORG (s, b->parties[i])->leaves)
      out[n++] = (guint32)b->parties[i];
  for (guint i = 0; i < m->n_affects; i++)
    {
      guint32 o = m->affects[i];
      gboolean seen = FALSE;
      for (guint k = 0; k < n && !seen; k++)
        seen = out[k] == o;
      if (!seen && delegates_to (s, o, body, m->matter))
        out[n++] = o;
    }
  return n;
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

static gboolean
has_member_of (const GsScenario *s, const GsBody *b, guint32 org)
{
  for (guint i = 0; i < b->n_members; i++)
    if (gs__person_serves (s, b->members[i].person, (int)org))
      return TRUE;
  return FALSE;
}

guint
gs_breach_approval (const GsScenario *s, guint body, const GsMotion *m,
                    GsTime when, const guint32 *bound, guint n_bound,
                    GsBreachFinding *out)
{
  const GsBody *b = GS_BODY (s, body);
  guint n = 0;
  for (guint i = 0; i < n_bound; i++)
    {
      guint32 org = bound[i];
      GsBreachFinding *f = &out[n];
      if (GS_ORG (s, org)->has_scheme
          && !gs_authority_resolve (s, body, org, m->matter, m->value, when,
                                    &f->auth))
        {
          f->breach
              = breach_of (f->auth.status, b->kind == GS_BODY_JOINT_COMMITTEE);
          f->org = (gint32)org;
          n++;
        }
      /* The owner of a function had its say in delegating it (or not: an
       * authority breach). */
      if (gs__lists (m->affects, m->n_affects, org)
          && (int)org != gs__matter_function_of (s, m->matter)
          && !has_member_of (s, b, org))
        {
          f = &out[n++];
          f->breach = GS_BREACH_AFFECTED_NO_SAY;
          f->org = (gint32)org;
          f->auth = (GsAuthority){ .status = GS_AUTH_NONE, .failed = -1 };
        }
    }
  return n;
}

/* Whether a body of @org among @consents approved with authority. */
static gboolean
consented_with_authority (const GsScenario *s, const GsMotion *m, GsTime when,
                          const guint *consents, guint n_consents, guint32 org)
{
  for (guint i = 0; i < n_consents; i++)
    {
      GsAuthority auth;
      if (GS_BODY (s, consents[i])->org == (int)org
          && gs_authority_resolve (s, consents[i], org, m->matter, m->value,
                                   when, &auth))
        return TRUE;
    }
  return FALSE;
}

guint
gs_breach_consented (const GsScenario *s, const GsMotion *m, GsTime when,
                     const guint *consents, guint n_consents, guint32 *bound,
                     guint n_bound)
{
  guint n = 0;
  for (guint i = 0; i < n_bound; i++)
    if (!consented_with_authority (s, m, when, consents, n_consents, bound[i]))
      bound[n++] = bound[i];
  return n;
}

guint
gs_breach_conflicted_voters (const GsSeat *seats, guint n, guint32 *out)
{
  guint k = 0;
  for (guint i = 0; i < n; i++)
    if (seats[i].declared
        && (seats[i].ballot == GS_BALLOT_FOR
            || seats[i].ballot == GS_BALLOT_AGAINST
            || seats[i].ballot == GS_BALLOT_OBJECT))
      out[k++] = seats[i].person;
  return k;
}

/* gs-check-pathways.c — the rules on whether what arrives can be decided:
 * gateway-without-authority, delegation-gap, matter-without-pathway and
 * ladder-cannot-bind.
 *
 * The first two ask, for each deciding gateway, who decides there and for
 * whom (each party of a joint body; each constituent of committees in
 * common for its own organisation) and what can reach it (the matters and
 * values its pathway lists, and the proposals and streams sent along it),
 * then put authority questions to gs_authority_resolve(), the function the
 * engine uses, so the review and a run cannot disagree.  Authority only
 * changes on the days a delegation starts or ends and at the values where
 * a limit is crossed or a gateway starts or stops applying, so a question
 * "on any day" or "at any value" tries those days and values only: a
 * handful per organisation, not every day or pound.
 *
 * A matter that is one organisation's function (function-of) is judged
 * for that organisation only, as the engine binds it (gs_binding_orgs()).
 *
 * Organisations without a scheme of delegation are not judged: govsim
 * cannot know what they delegated.
 */
#include "analysis/checks/gs-checks-private.h"

#include <govsim/gs-authority.h>
#include <govsim/gs-phrase.h>

#include <string.h>

typedef struct
{
  guint body; /* the body that votes: a constituent for committees in common */
  guint org;  /* the organisation its decision binds */
  gboolean party; /* bound as a party (else as the owner of a function) */
} Decider;

/* Whether a decision on @matter binds @org as a decider for @party (one
 * of the body's parties): an organisation's function binds its owner
 * alone; any other matter binds the parties. */
static gboolean
matter_binds (const GsScenario *s, guint matter, guint org, gboolean party)
{
  int owner = gs__matter_function_of (s, matter);
  return owner >= 0 ? owner == (int)org : party;
}

static void
add_decider (GArray *out, guint body, guint org, gboolean party)
{
  for (guint i = 0; i < out->len; i++)
    {
      const Decider *d = &g_array_index (out, Decider, i);
      if (d->body == body && d->org == org)
        return;
    }
  Decider d = { body, org, party };
  g_array_append_val (out, d);
}

/* The owners of the functions among the matters of @reach, for @body. */
static void
add_owners (GArray *out, const GsScenario *s, guint body, const GArray *reach)
{
  for (guint i = 0; i < reach->len; i++)
    {
      int owner = gs__matter_function_of (
          s, g_array_index (reach, GsCheckReach, i).matter);
      if (owner >= 0)
        add_decider (out, body, (guint)owner, FALSE);
    }
}

/* The bodies that decide at @gw and for whom: each party of a joint body,
 * each constituent of committees in common for its own organisation; and,
 * for matters of @reach that are an organisation's function, that
 * organisation. */
static GArray *
gateway_deciders (const GsScenario *s, const GsGateway *gw, const GArray *reach)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (Decider));
  for (guint i = 0; i < gw->n_bodies; i++)
    {
      const GsBody *b = GS_BODY (s, gw->bodies[i]);
      if (b->kind == GS_BODY_CIC)
        for (guint k = 0; k < b->n_constituents; k++)
          {
            const GsBody *c = GS_BODY (s, b->constituents[k]);
            if (c->org >= 0)
              add_decider (out, b->constituents[k], (guint)c->org, TRUE);
            add_owners (out, s, b->constituents[k], reach);
          }
      else
        {
          for (guint k = 0; k < b->n_parties; k++)
            add_decider (out, gw->bodies[i], (guint)b->parties[k], TRUE);
          add_owners (out, s, gw->bodies[i], reach);
        }
    }
  return out;
}

/* The part of @reach whose decisions bind @d's organisation. */
static GArray *
reach_for (const GsScenario *s, const GArray *reach, const Decider *d)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (GsCheckReach));
  for (guint i = 0; i < reach->len; i++)
    {
      const GsCheckReach *r = &g_array_index (reach, GsCheckReach, i);
      if (matter_binds (s, r->matter, d->org, d->party))
        g_array_append_val (out, *r);
    }
  return out;
}

static void
add_reach (GArray *out, guint matter, GsValueRange a, GsValueRange b)
{
  GsCheckReach r = { matter, { MAX (a.lo, b.lo), MIN (a.hi, b.hi) } };
  if (r.values.lo <= r.values.hi)
    g_array_append_val (out, r);
}

/* Indexes the proposals and arrival streams of the scenario by the pathway
 * they are sent along, once: a counting sort, which keeps file order. */
static void
index_sent (GsCheckContext *ctx)
{
  const GsScenario *s = ctx->s;
  guint n_pw = s->pathways->len;
  ctx->sent_at = g_new0 (guint, n_pw + 2);
  guint *at = ctx->sent_at + 1;
  for (guint i = 0; i < s->proposals->len; i++)
    at[GS_PROPOSAL (s, i)->pathway]++;
  for (guint i = 0; i < s->arrivals->len; i++)
    if (GS_ARRIVALS (s, i)->pathway >= 0)
      at[GS_ARRIVALS (s, i)->pathway]++;
  for (guint p = 1; p <= n_pw; p++)
    ctx->sent_at[p] += ctx->sent_at[p - 1];
  /* at[p] now counts what goes before pathway p + 1: fill from sent_at. */
  ctx->sent = g_new (guint, MAX (ctx->sent_at[n_pw], 1u));
  guint *fill = g_new (guint, n_pw + 1);
  memcpy (fill, ctx->sent_at, sizeof (guint) * (n_pw + 1));
  for (guint i = 0; i < s->proposals->len; i++)
    ctx->sent[fill[GS_PROPOSAL (s, i)->pathway]++] = i;
  for (guint i = 0; i < s->arrivals->len; i++)
    if (GS_ARRIVALS (s, i)->pathway >= 0)
      ctx->sent[fill[GS_ARRIVALS (s, i)->pathway]++] = i | GS_CHECK_ARRIVAL;
  g_free (fill);
}

/* The matters, and the values of each, that can reach gateway @g of
 * pathway @pw: for an explicit pathway, the matters it lists within its
 * value range; for any pathway, the proposals and streams sent along it
 * (proposals first, each in file order).  Each is cut to the values the
 * gateway applies to. */
GArray *
gs__check_gateway_reach (GsCheckContext *ctx, guint pw, guint g)
{
  const GsScenario *s = ctx->s;
  const GsPathway *p = GS_PATHWAY (s, pw);
  const GsGateway *gw = &p->gateways[g];
  GArray *out = g_array_new (FALSE, FALSE, sizeof (GsCheckReach));
  if (!p->implicit)
    for (guint i = 0; i < p->n_matters; i++)
      add_reach (out, p->matters[i], p->values, gw->applies);
  if (ctx->sent_at == NULL)
    index_sent (ctx);
  for (guint k = ctx->sent_at[pw]; k < ctx->sent_at[pw + 1]; k++)
    {
      guint i = ctx->sent[k];
      if ((i & GS_CHECK_ARRIVAL) == 0)
        {
          const GsProposal *pr = GS_PROPOSAL (s, i);
          add_reach (out, pr->matter, (GsValueRange){ pr->value, pr->value },
                     gw->applies);
        }
      else
        {
          const GsArrivals *a = GS_ARRIVALS (s, i & ~GS_CHECK_ARRIVAL);
          add_reach (out, a->matter, gs__value_dist_range (&a->value),
                     gw->applies);
        }
    }
  return out;
}

/* The days of the period on which @org's scheme can change what a body
 * holds: the start, and each day a delegation comes into or goes out of
 * force.  Authority is the same between two of these days. */
static GArray *
scheme_days (const GsScenario *s, guint org)
{
  const GsOrganisation *o = GS_ORG (s, org);
  GArray *days = g_array_new (FALSE, FALSE, sizeof (GsTime));
  g_array_append_val (days, s->start);
  for (guint i = 0; i < o->n_delegations; i++)
    {
      const GsDelegation *d = GS_DELEGATION (s, o->delegations[i]);
      GsTime ends[] = { d->from, d->until };
      for (guint k = 0; k < G_N_ELEMENTS (ends); k++)
        if (ends[k] > s->start && ends[k] < s->end)
          g_array_append_val (days, ends[k]);
    }
  g_array_sort (days, gs__check_compare_times);
  guint n = 0;
  for (guint i = 0; i < days->len; i++)
    if (n == 0
        || g_array_index (days, GsTime, n - 1)
               != g_array_index (days, GsTime, i))
      g_array_index (days, GsTime, n++) = g_array_index (days, GsTime, i);
  g_array_set_size (days, n);
  return days;
}

/* Whether @body holds authority from @org, on any of its scheme's days, for
 * some matter of @reach at the lowest value that can reach it.  When not,
 * @why says why not for the first, at the start of the period. */
static gboolean
holds_some (GsCheckContext *ctx, guint body, guint org, const GArray *reach,
            GsAuthority *why)
{
  const GsScenario *s = ctx->s;
  /* Sorted once per organisation, not at every gateway. */
  GArray *days = g_ptr_array_index (ctx->scheme_days, org);
  if (days == NULL)
    days = g_ptr_array_index (ctx->scheme_days, org) = scheme_days (s, org);
  GsAuthority a;
  for (guint i = 0; i < reach->len; i++)
    {
      const GsCheckReach *r = &g_array_index (reach, GsCheckReach, i);
      for (guint k = 0; k < days->len; k++)
        if (gs_authority_resolve (s, body, org, r->matter, r->values.lo,
                                  g_array_index (days, GsTime, k), &a))
          return TRUE;
    }
  *why = (GsAuthority){ .status = GS_AUTH_NONE, .failed = -1 };
  if (reach->len > 0)
    {
      const GsCheckReach *r = &g_array_index (reach, GsCheckReach, 0);
      gs_authority_resolve (s, body, org, r->matter, r->values.lo, s->start,
                            why);
    }
  return FALSE;
}

/* Whether the rule gateway-without-authority reports @d at gateway @g. */
static gboolean
gateway_lacks_authority (GsCheckContext *ctx, const Decider *d,
                         const GArray *reach, GsAuthority *why)
{
  const GsScenario *s = ctx->s;
  GsAuthority ignored;
  if (!GS_ORG (s, d->org)->has_scheme || reach->len == 0)
    return FALSE;
  return !holds_some (ctx, d->body, d->org, reach, why ? why : &ignored);
}

/* "X ('x')" for a body, or, for a constituent of committees in common,
 * "X ('x'), in Y ('y')". */
static void
append_decider (GString *out, const GsScenario *s, guint body)
{
  gs__say_body (out, s, body);
  int group = GS_BODY (s, body)->group;
  if (group >= 0)
    {
      g_string_append (out, ", in ");
      gs__say_body (out, s, (guint)group);
      g_string_append (out, ",");
    }
}

/* "Capital ('capital') from £0, Estates ('estates') from £5,001". */
static void
append_reach (GString *out, const GsScenario *s, const GArray *reach)
{
  /* The lowest value of each matter, in the order first met. */
  g_autoptr (GArray) matters = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) lows = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < reach->len; i++)
    {
      const GsCheckReach *r = &g_array_index (reach, GsCheckReach, i);
      guint k = 0;
      while (k < matters->len && g_array_index (matters, guint, k) != r->matter)
        k++;
      if (k == matters->len)
        {
          g_array_append_val (matters, r->matter);
          g_array_append_val (lows, r->values.lo);
        }
      else
        g_array_index (lows, gint64, k)
            = MIN (g_array_index (lows, gint64, k), r->values.lo);
    }
  for (guint k = 0; k < matters->len; k++)
    {
      gs__say_sep (out, k, matters->len);
      gs__say_matter (out, s, g_array_index (matters, guint, k));
      g_string_append (out, " from ");
      gs_phrase_money (out, g_array_index (lows, gint64, k));
    }
}

void
gs__check_gateway_without_authority (GsCheckContext *ctx)
{
  const GsScenario *s = ctx->s;
  for (guint pw = 0; pw < s->pathways->len; pw++)
    {
      const GsPathway *p = GS_PATHWAY (s, pw);
      for (guint g = 0; g < p->n_gateways; g++)
        {
          const GsGateway *gw = &p->gateways[g];
          if (gw->recommend)
            continue;
          g_autoptr (GArray) all = gs__check_gateway_reach (ctx, pw, g);
          g_autoptr (GArray) deciders = gateway_deciders (s, gw, all);
          for (guint i = 0; i < deciders->len; i++)
            {
              const Decider *d = &g_array_index (deciders, Decider, i);
              g_autoptr (GArray) reach = reach_for (s, all, d);
              GsAuthority why;
              if (!gateway_lacks_authority (ctx, d, reach, &why))
                continue;
              g_autoptr (GString) msg = g_string_new (NULL);
              if (p->implicit)
                {
                  append_decider (msg, s, d->body);
                  g_string_append (msg, " is sent proposals to decide (");
                  append_reach (msg, s, reach);
                  g_string_append (msg, ") for ");
                }
              else
                {
                  g_string_append (msg, "At ");
                  gs__say_gateway (msg, s, pw, g);
                  g_string_append (msg, ", ");
                  append_decider (msg, s, d->body);
                  g_string_append (msg, " decides proposals of ");
                  append_reach (msg, s, reach);
                  g_string_append (msg, " for ");
                }
              gs__say_org (msg, s, d->org);
              g_string_append_printf (
                  msg,
                  ", but that organisation's scheme of delegation gives it "
                  "authority for none of them on any day (at the start: %s), "
                  "so its decisions there cannot bind the organisation.",
                  gs_auth_status_to_string (why.status));
              GsFinding *f = gs__check_report (ctx, gw->line, msg);
              gs__finding_name_pathway (f, s, pw);
              gs__finding_name_gateway (f, s, pw, g);
              gs__finding_name_body (f, s, d->body);
              gs__finding_name_org (f, s, d->org);
              gs__finding_name_scheme (f, s, d->org);
              for (guint r = 0; r < reach->len; r++)
                gs__finding_name_matter (
                    f, s, g_array_index (reach, GsCheckReach, r).matter);
              if (p->implicit)
                gs__finding_name_traffic (f, s, pw, -1);
              if (why.failed >= 0)
                gs__finding_name_delegation (f, s, (guint)why.failed);
            }
        }
    }
}

void
gs__check_matter_without_pathway (GsCheckContext *ctx)
{
  const GsScenario *s = ctx->s;
  /* One pass over what routes matters, then one over the matters. */
  g_autofree gboolean *routed = g_new0 (gboolean, MAX (s->matters->len, 1u));
  for (guint pw = 0; pw < s->pathways->len; pw++)
    {
      const GsPathway *p = GS_PATHWAY (s, pw);
      if (!p->implicit)
        for (guint i = 0; i < p->n_matters; i++)
          routed[p->matters[i]] = TRUE;
    }
  for (guint i = 0; i < s->proposals->len; i++)
    routed[GS_PROPOSAL (s, i)->matter] = TRUE;
  for (guint i = 0; i < s->arrivals->len; i++)
    routed[GS_ARRIVALS (s, i)->matter] = TRUE;
  for (guint m = 0; m < s->matters->len; m++)
    {
      if (routed[m])
        continue;
      g_autoptr (GString) msg = g_string_new ("No pathway lists ");
      gs__say_matter (msg, s, m);
      g_string_append (msg, " and no proposal or arrival stream carries it: "
                            "a proposal of this type would have nowhere to "
                            "be decided.");
      GsFinding *f = gs__check_report (ctx, GS_MATTER (s, m)->line, msg);
      gs__finding_name_matter (f, s, m);
    }
}

static void
free_array (gpointer a)
{
  if (a != NULL)
    g_array_unref (a);
}

void
gs__check_context_clear (GsCheckContext *ctx)
{
  g_clear_pointer (&ctx->limits, g_ptr_array_unref);
  g_clear_pointer (&ctx->sent_at, g_free);
  g_clear_pointer (&ctx->sent, g_free);
}

static int
compare_values (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;
  return (x > y) - (x < y);
}

/* The first values of the ranges that split @within where a gateway
 * starts or stops applying or the limit of a delegation of @o for matter
 * @m is crossed: within each, every body's authority for @m is the same at
 * every value, since a chain of authority for @m is made of delegations
 * that list @m.  (Cutting at every limit of the scheme gave the same
 * merged gaps, at a resolution per limit: cubic in a scheme of K
 * committees with K pathways.) */
static int
compare_limits (gconstpointer a, gconstpointer b)
{
  const GsCheckLimit *x = a, *y = b;
  return (x->matter > y->matter) - (x->matter < y->matter);
}

/* The (matter, limit) pairs of @org's delegations, sorted by matter: made
 * once per organisation, so each question below is a binary search. */
static const GArray *
org_limits (GsCheckContext *ctx, guint org)
{
  const GsScenario *s = ctx->s;
  if (ctx->limits == NULL)
    {
      ctx->limits = g_ptr_array_new_with_free_func (free_array);
      g_ptr_array_set_size (ctx->limits, (gint)s->organisations->len);
    }
  GArray *out = g_ptr_array_index (ctx->limits, org);
  if (out != NULL)
    return out;
  const GsOrganisation *o = GS_ORG (s, org);
  out = g_array_new (FALSE, FALSE, sizeof (GsCheckLimit));
  for (guint i = 0; i < o->n_delegations; i++)
    {
      const GsDelegation *d = GS_DELEGATION (s, o->delegations[i]);
      for (guint k = 0; k < d->n_matters; k++)
        {
          GsCheckLimit l = { d->matters[k], d->limit };
          g_array_append_val (out, l);
        }
    }
  g_array_sort (out, compare_limits);
  g_ptr_array_index (ctx->limits, org) = out;
  return out;
}

static GArray *
split_points (GsCheckContext *ctx, const GsPathway *p, guint org, guint m)
{
  GArray *cuts = g_array_new (FALSE, FALSE, sizeof (gint64));
  GsValueRange within = p->values;
  gint64 first = within.lo;
  g_array_append_val (cuts, first);
  for (guint g = 0; g < p->n_gateways; g++)
    {
      gint64 ends[]
          = { p->gateways[g].applies.lo, p->gateways[g].applies.hi + 1 };
      g_array_append_vals (cuts, ends, 2);
    }
  /* The limits of the delegations that list @m: the first pair of @m by
   * binary search, then the run of them. */
  const GArray *limits = org_limits (ctx, org);
  guint lo = 0, hi = limits->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (g_array_index (limits, GsCheckLimit, mid).matter < m)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (guint i = lo;
       i < limits->len && g_array_index (limits, GsCheckLimit, i).matter == m;
       i++)
    {
      gint64 next = g_array_index (limits, GsCheckLimit, i).limit + 1;
      g_array_append_val (cuts, next);
    }
  g_array_sort (cuts, compare_values);
  guint n = 0;
  for (guint i = 0; i < cuts->len; i++)
    {
      gint64 v = g_array_index (cuts, gint64, i);
      if (v < within.lo || v > within.hi)
        continue;
      if (n == 0 || g_array_index (cuts, gint64, n - 1) != v)
        g_array_index (cuts, gint64, n++) = v;
    }
  g_array_set_size (cuts, n);
  return cuts;
}

void
gs__check_delegation_gap (GsCheckContext *ctx)
{
  const GsScenario *s = ctx->s;
  for (guint pw = 0; pw < s->pathways->len; pw++)
    {
      const GsPathway *p = GS_PATHWAY (s, pw);
      if (p->implicit)
        continue;
      for (guint g = 0; g < p->n_gateways; g++)
        {
          const GsGateway *gw = &p->gateways[g];
          if (gw->recommend)
            continue;
          g_autoptr (GArray) all = gs__check_gateway_reach (ctx, pw, g);
          g_autoptr (GArray) deciders = gateway_deciders (s, gw, all);
          for (guint i = 0; i < deciders->len; i++)
            {
              const Decider *dc = &g_array_index (deciders, Decider, i);
              g_autoptr (GArray) reach = reach_for (s, all, dc);
              const GsOrganisation *o = GS_ORG (s, dc->org);
              if (!o->has_scheme
                  || gateway_lacks_authority (ctx, dc, reach, NULL))
                continue;
              for (guint mi = 0; mi < p->n_matters; mi++)
                {
                  guint m = p->matters[mi];
                  if (!matter_binds (s, m, dc->org, dc->party))
                    continue;
                  g_autoptr (GArray) cuts = split_points (ctx, p, dc->org, m);
                  /* Ranges with no authority, merged when adjacent; the
                   * reason is the first range's. */
                  g_autoptr (GArray) gaps
                      = g_array_new (FALSE, FALSE, sizeof (GsValueRange));
                  GsAuthStatus reason = GS_AUTH_NONE;
                  int failed = -1;
                  for (guint k = 0; k < cuts->len; k++)
                    {
                      GsValueRange r
                          = { g_array_index (cuts, gint64, k),
                              k + 1 < cuts->len
                                  ? g_array_index (cuts, gint64, k + 1) - 1
                                  : p->values.hi };
                      if (!gs__value_in (&gw->applies, r.lo))
                        continue;
                      GsAuthority a;
                      if (gs_authority_resolve (s, dc->body, dc->org, m, r.lo,
                                                s->start, &a))
                        continue;
                      GsValueRange *last
                          = gaps->len > 0 ? &g_array_index (gaps, GsValueRange,
                                                            gaps->len - 1)
                                          : NULL;
                      if (last != NULL && last->hi + 1 == r.lo)
                        last->hi = r.hi;
                      else
                        g_array_append_val (gaps, r);
                      if (gaps->len == 1 && last == NULL)
                        {
                          reason = a.status;
                          failed = a.failed;
                        }
                    }
                  if (gaps->len == 0)
                    continue;
                  g_autoptr (GString) msg = g_string_new ("On ");
                  gs__say_gateway (msg, s, pw, g);
                  g_string_append (msg, ", ");
                  append_decider (msg, s, dc->body);
                  g_string_append (msg, " holds no authority from ");
                  gs__say_org (msg, s, dc->org);
                  g_string_append (msg, " at the start of the period for ");
                  gs__say_matter (msg, s, m);
                  g_string_append (msg, " ");
                  for (guint k = 0; k < gaps->len; k++)
                    {
                      gs__say_sep (msg, k, gaps->len);
                      gs__say_range (msg,
                                     g_array_index (gaps, GsValueRange, k));
                    }
                  g_string_append_printf (msg,
                                          " (%s): no one on the pathway "
                                          "may decide such a proposal "
                                          "for ",
                                          gs_auth_status_to_string (reason));
                  gs__say_org (msg, s, dc->org);
                  g_string_append (msg, ".");
                  GsFinding *f = gs__check_report (ctx, gw->line, msg);
                  gs__finding_name_pathway (f, s, pw);
                  gs__finding_name_gateway (f, s, pw, g);
                  gs__finding_name_body (f, s, dc->body);
                  gs__finding_name_org (f, s, dc->org);
                  gs__finding_name_matter (f, s, m);
                  gs__finding_name_scheme (f, s, dc->org);
                  if (failed >= 0)
                    gs__finding_name_delegation (f, s, (guint)failed);
                }
            }
        }
    }
}

void
gs__check_ladder_cannot_bind (GsCheckContext *ctx)
{
  static const char *const how[] = {
    [GS_LEVEL_VOTE] = "a vote, which can fail (a tie, a blocked consensus, a "
                      "split)",
    [GS_LEVEL_RECONSIDER] = "reconsideration by the body the dispute arose "
                            "in, which can fail again",
    [GS_LEVEL_CHAIR] = "",
    [GS_LEVEL_MEDIATION] = "mediation, which may not reach agreement",
    [GS_LEVEL_BINDING] = "",
    [GS_LEVEL_REFERRAL] = "a referral to several bodies, which can be "
                          "refused or run out of time",
  };
  const GsScenario *s = ctx->s;
  for (guint li = 0; li < s->ladders->len; li++)
    {
      const GsLadder *ld = GS_LADDER (s, li);
      if (ld->then >= 0)
        continue; /* the chain ends at a later ladder: judged there */
      const GsLevel *last
          = ld->n_levels > 0 ? &ld->levels[ld->n_levels - 1] : NULL;
      if (last != NULL
          && (last->method == GS_LEVEL_BINDING
              || last->method == GS_LEVEL_CHAIR))
        continue;
      g_autoptr (GString) msg = g_string_new (NULL);
      gs__say_named (msg, ld->name, ld->id);
      if (last == NULL)
        g_string_append (msg, " has no level");
      else
        {
          g_string_append_printf (msg, " ends with %s, by %s", last->name,
                                  how[last->method]);
        }
      g_string_append (msg, ": a dispute that fails there is left "
                            "unresolved (gridlocked). Give the procedure a "
                            "binding last level, such as arbitration or a "
                            "chair's decision.");
      GsFinding *f = gs__check_report (ctx, last ? last->line : ld->line, msg);
      gs__finding_name_ladder (f, s, li);
      if (last != NULL)
        gs__finding_name_level (f, s, li, ld->n_levels - 1);
      /* The ladders that hand their disputes on to this one, and the
       * bodies whose disputes climb any of them. */
      for (guint k = 0; k < s->ladders->len; k++)
        {
          int j = (int)k;
          while (GS_LADDER (s, j)->then >= 0)
            j = GS_LADDER (s, j)->then;
          if (j != (int)li)
            continue;
          if (k != li)
            gs__finding_name_ladder (f, s, k);
          for (guint bi = 0; bi < s->bodies->len; bi++)
            if (GS_BODY (s, bi)->escalation.ladder == (int)k)
              gs__finding_name_body (f, s, bi);
        }
    }
}

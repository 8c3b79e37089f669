/* gs-check-urgent.c — the rules on urgent decisions between meetings:
 * chair-action-no-limit, urgent-route-behind-locked-gateway and
 * urgent-without-route.
 *
 * Both read a body's <urgent> clause (gs-load-urgent.c) beside what the
 * engine does with it (gs-urgent.c).  Chair's action decides an urgent item
 * worth no more than its up-to, and binds like a meeting's approval, so it
 * is judged against the schemes of delegation: an action above the body's
 * own delegated limit is a breach.  The first rule compares the clause's
 * limit with the limits of the delegations made to the body (each version
 * in force on some day of the period), so a run and the review agree on
 * where chair's action would breach.
 *
 * An urgent item is offered to the urgent route of the body at a gateway
 * only when that gateway opens, and a locked gateway opens only once every
 * gateway before it has passed (gs-pathway.c): the engine holds the item
 * there, and the gateways before it decide at their own meetings unless
 * their bodies have an urgent route of their own (a recommend-only gateway
 * is always heard at a meeting).  The second rule finds the urgent routes
 * so held whose terms of reference do not say so (locked-gateways="wait").
 * The third finds proposals and streams marked urgent="true" whose
 * pathway reaches, at a deciding gateway, a body with no urgent route:
 * there the engine puts the item on the agenda like any other.
 *
 * Workload: a scenario's bodies and gateways, a few hundred at most; plain
 * loops, as in the other families.
 */
#include "analysis/checks/gs-checks-private.h"

/* Whether delegation @d is in force on some day of the period. */
static gboolean
in_period (const GsScenario *s, const GsDelegation *d)
{
  return d->from < s->end && d->until > s->start;
}

/* Whether @d repeats an earlier version in @found with the same id and
 * limit (an amendment that left the limit alone says nothing new here). */
static gboolean
repeats (const GsScenario *s, const GArray *found, const GsDelegation *d)
{
  for (guint i = 0; i < found->len; i++)
    {
      const GsDelegation *e
          = GS_DELEGATION (s, g_array_index (found, guint, i));
      if (d->id != NULL && g_strcmp0 (e->id, d->id) == 0
          && e->limit == d->limit)
        return TRUE;
    }
  return FALSE;
}

/* The delegations to @body in force during the period whose limit is below
 * @limit, in document order. */
static GArray *
delegations_below (const GsScenario *s, guint body, gint64 limit)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < s->delegations->len; i++)
    {
      const GsDelegation *d = GS_DELEGATION (s, i);
      if (d->to == body && d->limit < limit && in_period (s, d)
          && GS_ORG (s, d->org)->has_scheme && !repeats (s, out, d))
        g_array_append_val (out, i);
    }
  return out;
}

/* "Capital ('capital') up to £5,000,000 from Trust A ('a') (delegation
 * 'd')" for each of @dels. */
static void
say_held (GString *out, const GsScenario *s, const GArray *dels)
{
  for (guint i = 0; i < dels->len; i++)
    {
      const GsDelegation *d = GS_DELEGATION (s, g_array_index (dels, guint, i));
      g_autoptr (GArray) matters = g_array_new (FALSE, FALSE, sizeof (guint));
      g_array_append_vals (matters, d->matters, d->n_matters);
      gs__say_sep (out, i, dels->len);
      gs__say_matters (out, s, matters);
      g_string_append_c (out, ' ');
      gs__say_limit (out, d->limit);
      g_string_append (out, " from ");
      gs__say_org (out, s, d->org);
      g_string_append (out, " (");
      gs__say_delegation (out, d);
      g_string_append_c (out, ')');
    }
}

static void
name_urgent (GsFinding *f, const GsScenario *s, guint body)
{
  gs__finding_name_body (f, s, body);
  gs__finding_name_clause (f, s, body, GS_ELEMENT_URGENT,
                           GS_BODY (s, body)->urgent_line);
}

void
gs__check_chair_action_no_limit (GsCheckContext *ctx)
{
  const GsScenario *s = ctx->s;
  for (guint bi = 0; bi < s->bodies->len; bi++)
    {
      const GsBody *b = GS_BODY (s, bi);
      if (b->urgent != GS_URGENT_CHAIR)
        continue;
      gboolean unlimited = b->urgent_limit >= GS_VALUE_MAX;
      g_autoptr (GArray) below = delegations_below (s, bi, b->urgent_limit);
      if (!unlimited && below->len == 0)
        continue;
      const char *who = b->urgent_with_ce ? "the chair with the chief "
                                            "executive"
                                          : "the chair";
      g_autoptr (GString) msg = g_string_new ("Chair's action for ");
      gs__say_body (msg, s, bi);
      if (unlimited)
        g_string_append_printf (msg,
                                " has no financial limit (no up-to): %s may "
                                "decide an urgent item of any value between "
                                "meetings, without the other members",
                                who);
      else
        {
          g_string_append_printf (msg, " lets %s decide urgent items ", who);
          gs__say_limit (msg, b->urgent_limit);
        }
      if (below->len > 0)
        {
          g_string_append (msg, unlimited ? ", but the body holds "
                                          : ", more than the body holds: ");
          say_held (msg, s, below);
          g_string_append (msg, "; chair's action above a delegated limit is "
                                "a breach, as a meeting's approval would be. "
                                "Set up-to no higher than ");
          g_string_append (msg, below->len == 1 ? "that limit."
                                                : "the lowest of those "
                                                  "limits.");
        }
      else
        g_string_append (msg, ". Set up-to to what one or two people should "
                              "decide alone.");
      GsFinding *f = gs__check_report (ctx, b->urgent_line, msg);
      name_urgent (f, s, bi);
      for (guint i = 0; i < below->len; i++)
        {
          guint di = g_array_index (below, guint, i);
          gs__finding_name_delegation (f, s, di);
          gs__finding_name_scheme (f, s, GS_DELEGATION (s, di)->org);
        }
    }
}

/* Whether gateway @k can pass between meetings: it decides (a
 * recommend-only gateway is heard at a meeting) and enough of its bodies
 * have an urgent route to make its need. */
static gboolean
passes_between_meetings (const GsScenario *s, const GsGateway *k)
{
  if (k->recommend)
    return FALSE;
  guint urgent = 0;
  for (guint i = 0; i < k->n_bodies; i++)
    urgent += GS_BODY (s, k->bodies[i])->urgent != GS_URGENT_NONE;
  return urgent >= k->need_n;
}

static gboolean
ranges_meet (GsValueRange a, GsValueRange b)
{
  return a.lo <= b.hi && b.lo <= a.hi;
}

/* "gateway 1 (Clinical Senate ('senate'), which only recommends, at its
 * meetings)" for the gateways of @p listed in @held. */
static void
say_held_by (GString *out, const GsScenario *s, guint pw, const GArray *held)
{
  const GsPathway *p = GS_PATHWAY (s, pw);
  for (guint i = 0; i < held->len; i++)
    {
      guint k = g_array_index (held, guint, i);
      const GsGateway *gw = &p->gateways[k];
      gs__say_sep (out, i, held->len);
      g_string_append_printf (out, "gateway %u (", k + 1);
      for (guint j = 0; j < gw->n_bodies; j++)
        {
          gs__say_sep (out, j, gw->n_bodies);
          gs__say_body (out, s, gw->bodies[j]);
        }
      g_string_append (out, gw->recommend
                                ? ", which recommends at its meetings)"
                                : ", without an urgent route of its own)");
    }
}

void
gs__check_urgent_route_behind_locked_gateway (GsCheckContext *ctx)
{
  const GsScenario *s = ctx->s;
  for (guint pw = 0; pw < s->pathways->len; pw++)
    {
      const GsPathway *p = GS_PATHWAY (s, pw);
      guint lock = 0; /* the last locked gateway so far; 0: none */
      for (guint g = 1; g < p->n_gateways; g++)
        {
          const GsGateway *gw = &p->gateways[g];
          if (gw->locked)
            lock = g;
          /* Gateway g opens once every gateway before the last locked one
           * at or before it has passed; an urgent route acts only at a
           * deciding gateway. */
          if (lock == 0 || gw->recommend)
            continue;
          g_autoptr (GArray) held = g_array_new (FALSE, FALSE, sizeof (guint));
          for (guint k = 0; k < lock; k++)
            if (ranges_meet (p->gateways[k].applies, gw->applies)
                && !passes_between_meetings (s, &p->gateways[k]))
              g_array_append_val (held, k);
          if (held->len == 0)
            continue;
          for (guint i = 0; i < gw->n_bodies; i++)
            {
              guint bi = gw->bodies[i];
              const GsBody *b = GS_BODY (s, bi);
              if (b->urgent == GS_URGENT_NONE || b->urgent_waits)
                continue;
              const char *route = b->urgent == GS_URGENT_CHAIR
                                      ? "chair's action"
                                      : "a written resolution";
              g_autoptr (GString) msg = g_string_new (NULL);
              gs__say_body (msg, s, bi);
              g_string_append_printf (msg,
                                      " may decide an urgent item between "
                                      "meetings by %s, but at ",
                                      route);
              gs__say_gateway (msg, s, pw, g);
              g_string_append (msg, ", behind a locked gateway, an urgent "
                                    "item reaches it only once ");
              say_held_by (msg, s, pw, held);
              g_string_append_printf (
                  msg,
                  " has passed at a meeting. govsim holds the item there, as "
                  "the locked gateway requires; the terms of reference do "
                  "not say so, and could be read as letting %s decide "
                  "before the earlier stage. Say that urgent items wait for "
                  "the gateways before (locked-gateways=\"wait\"), give the "
                  "earlier deciding bodies an urgent route, or unlock the "
                  "gateway if the earlier stage is not a precondition.",
                  route);
              GsFinding *f = gs__check_report (ctx, b->urgent_line, msg);
              name_urgent (f, s, bi);
              gs__finding_name_pathway (f, s, pw);
              gs__finding_name_gateway (f, s, pw, g);
              for (guint h = 0; h < held->len; h++)
                {
                  guint k = g_array_index (held, guint, h);
                  gs__finding_name_gateway (f, s, pw, k);
                  for (guint j = 0; j < p->gateways[k].n_bodies; j++)
                    gs__finding_name_body (f, s, p->gateways[k].bodies[j]);
                }
            }
        }
    }
}

/* Adds to @out the bodies at the deciding gateways of pathway @pw that
 * apply to @values and have no urgent route, where one would make a
 * difference: an officer decides at every sign-off, and a recommend-only
 * gateway is heard at a meeting whatever the body's clause. */
static void
add_without_route (GArray *out, const GsScenario *s, guint pw,
                   GsValueRange values)
{
  const GsPathway *p = GS_PATHWAY (s, pw);
  for (guint g = 0; g < p->n_gateways; g++)
    {
      const GsGateway *gw = &p->gateways[g];
      if (gw->recommend || !ranges_meet (gw->applies, values))
        continue;
      for (guint i = 0; i < gw->n_bodies; i++)
        {
          const GsBody *b = GS_BODY (s, gw->bodies[i]);
          if (b->urgent == GS_URGENT_NONE && b->kind != GS_BODY_OFFICER)
            gs__check_add_unique (out, gw->bodies[i]);
        }
    }
}

/* The bodies an urgent item of @matter worth @values sent along @pathway
 * (-1: chosen by matter and value, every pathway that may be) reaches
 * with no urgent route. */
static GArray *
without_route (const GsScenario *s, int pathway, guint matter,
               GsValueRange values)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint));
  if (pathway >= 0)
    add_without_route (out, s, (guint)pathway, values);
  else
    for (guint r = s->route_start[matter]; r < s->route_start[matter + 1]; r++)
      if (ranges_meet (GS_PATHWAY (s, s->route[r])->values, values))
        add_without_route (out, s, s->route[r], values);
  return out;
}

static void
report_without_route (GsCheckContext *ctx, GsElementKind kind, const char *id,
                      const char *title, int line, const GArray *bodies)
{
  const GsScenario *s = ctx->s;
  guint cic = 0; /* of @bodies, committees in common */
  g_autoptr (GString) msg = g_string_new (NULL);
  g_string_append (msg, kind == GS_ELEMENT_PROPOSAL ? "Proposal "
                                                    : "Arrival stream ");
  gs__say_named (msg, title, id);
  g_string_append (msg, " is marked urgent=\"true\", but ");
  for (guint i = 0; i < bodies->len; i++)
    {
      guint bi = g_array_index (bodies, guint, i);
      gs__say_sep (msg, i, bodies->len);
      gs__say_body (msg, s, bi);
      cic += GS_BODY (s, bi)->kind == GS_BODY_CIC;
    }
  g_string_append_printf (msg,
                          " %s no urgent route (no <urgent> clause): there "
                          "the item waits for the next meeting like any "
                          "other, so urgent=\"true\" changes nothing.",
                          bodies->len == 1 ? "has" : "have");
  if (cic < bodies->len)
    g_string_append_printf (msg,
                            " Give %s chair's action or a written "
                            "resolution if the terms of reference allow "
                            "decisions between meetings, or drop "
                            "urgent=\"true\".",
                            bodies->len == 1 ? "the body" : "each body");
  if (cic > 0)
    g_string_append (msg, " Committees in common decide only at their "
                          "meeting in common: an urgent decision between "
                          "meetings is each organisation's own, under its "
                          "own board's or committee's terms of reference; "
                          "send the item there, or drop urgent=\"true\".");
  GsFinding *f = gs__check_report (ctx, line, msg);
  gs__finding_name (f, kind, id, title, line);
  for (guint i = 0; i < bodies->len; i++)
    gs__finding_name_body (f, s, g_array_index (bodies, guint, i));
}

void
gs__check_urgent_without_route (GsCheckContext *ctx)
{
  const GsScenario *s = ctx->s;
  for (guint i = 0; i < s->proposals->len; i++)
    {
      const GsProposal *pr = GS_PROPOSAL (s, i);
      if (!pr->urgent)
        continue;
      g_autoptr (GArray) bodies
          = without_route (s, (int)pr->pathway, pr->matter,
                           (GsValueRange){ pr->value, pr->value });
      if (bodies->len > 0)
        report_without_route (ctx, GS_ELEMENT_PROPOSAL, pr->id, pr->title,
                              pr->line, bodies);
    }
  for (guint i = 0; i < s->arrivals->len; i++)
    {
      const GsArrivals *a = GS_ARRIVALS (s, i);
      if (!a->urgent)
        continue;
      g_autoptr (GArray) bodies = without_route (
          s, a->pathway, a->matter, gs__value_dist_range (&a->value));
      if (bodies->len > 0)
        report_without_route (ctx, GS_ELEMENT_ARRIVALS, a->id, a->title,
                              a->line, bodies);
    }
}

/* gs-check-composition.c — the rules on who sits on a body and how it
 * decides: ft-committee-non-director, joint-remuneration-committee,
 * quorum-never-met, unanimity-many-parties and conflicts-declare-only.
 *
 * They read a body's membership, quorum and voting clauses as written,
 * without drawing attendance: a quorum is judged against every seat that
 * could be filled (by the member, or by a deputy where deputies count), so
 * a finding means no meeting can ever be quorate, not that one is
 * unlikely to be.  Committees in common are judged through their
 * constituents, each with its own quorum and organisation, and as a group
 * for the collective rule that joins them and for remuneration.  Each rule
 * reads every body once; joint-remuneration-committee also reads, for each
 * joint body and remuneration matter, the delegations and gateways.
 */
#include "analysis/checks/gs-checks-private.h"

static void
append_committee_of (GString *out, const GsScenario *s, const GsBody *b)
{
  if (b->group >= 0)
    {
      g_string_append (out, " is the committee of ");
      gs__say_org (out, s, (guint)b->org);
      g_string_append (out, ", a foundation trust, in ");
      gs__say_body (out, s, (guint)b->group);
    }
  else
    {
      g_string_append (out, " is a committee of ");
      gs__say_org (out, s, (guint)b->org);
      g_string_append (out, ", a foundation trust");
    }
}

/* Is @person a director of the board of @org? */
static gboolean
director_of (const GsScenario *s, guint person, int org)
{
  const GsPost *post = gs__person_post (s, person, org);
  return post != NULL && post->director;
}

void
gs__check_ft_committee_non_director (GsCheckContext *ctx)
{
  const GsScenario *s = ctx->s;
  for (guint bi = 0; bi < s->bodies->len; bi++)
    {
      const GsBody *b = GS_BODY (s, bi);
      if (b->kind != GS_BODY_COMMITTEE || b->org < 0
          || GS_ORG (s, b->org)->kind != GS_ORG_FOUNDATION_TRUST)
        continue;
      /* Members, and deputies who may vote in a member's place: a deputy
       * with a vote acts as a member; one without only attends. */
      g_autoptr (GString) who = g_string_new (NULL);
      g_autoptr (GArray) people = g_array_new (FALSE, FALSE, sizeof (guint));
      guint n = 0;
      for (guint pass = 0; pass < 2; pass++)
        for (guint i = 0; i < b->n_members; i++)
          {
            const GsMember *m = &b->members[i];
            gboolean deputy = pass == 1;
            if (deputy && (m->deputy < 0 || !b->deputies_vote))
              continue;
            guint p = deputy ? (guint)m->deputy : m->person;
            gboolean listed = FALSE;
            for (guint k = 0; k < people->len; k++)
              listed |= g_array_index (people, guint, k) == p;
            if (director_of (s, p, b->org) || listed)
              continue;
            if (pass == 0)
              n++;
            g_array_append_val (people, p);
          }
      if (people->len == 0)
        continue;
      for (guint i = 0; i < people->len; i++)
        {
          guint p = g_array_index (people, guint, i);
          const GsPerson *pp = GS_PERSON (s, p);
          gs__say_sep (who, i, people->len);
          gs__say_person (who, s, p);
          if (pp->org >= 0 && pp->org != b->org
              && gs__person_serves (s, p, b->org))
            {
              g_string_append (who, ", who serves ");
              gs__say_org (who, s, (guint)b->org);
              g_string_append (who, " but not as a director");
            }
          else if (pp->org >= 0 && pp->org != b->org)
            {
              g_string_append (who, " of ");
              gs__say_org (who, s, (guint)pp->org);
            }
          else if (pp->org < 0)
            g_string_append (who, ", who belongs to no organisation");
          if (i >= n)
            {
              const GsMember *m = NULL;
              for (guint k = 0; k < b->n_members && m == NULL; k++)
                if (b->members[k].deputy == (int)p)
                  m = &b->members[k];
              g_string_append (who, ", a deputy who may vote for ");
              gs__say_person (who, s, m->person);
            }
        }
      g_autoptr (GString) msg = g_string_new (NULL);
      gs__say_body (msg, s, bi);
      append_committee_of (msg, s, b);
      /* The names last: a name may carry its own clause ("who serves
       * ... but not as a director"), which must not run into the verb. */
      if (people->len == 1)
        g_string_append (msg, ", but one member is not a director of the "
                              "trust — ");
      else
        g_string_append_printf (msg,
                                ", but %u members are not directors of the "
                                "trust — ",
                                people->len);
      g_string_append_printf (msg, "%s: ", who->str);
      g_string_append (msg,
                       "only a foundation trust's directors may sit on its "
                       "committees, unless the committee is a joint committee "
                       "under the joint-working powers.");
      GsFinding *f = gs__check_report (ctx, b->line, msg);
      gs__finding_name_body (f, s, bi);
      gs__finding_name_org (f, s, (guint)b->org);
      for (guint i = 0; i < people->len; i++)
        gs__finding_name_person (f, s, g_array_index (people, guint, i));
    }
}

/* Whether @body is, or is a constituent of, @group. */
static gboolean
is_or_in (const GsScenario *s, guint body, guint group)
{
  return body == group || GS_BODY (s, body)->group == (int)group;
}

void
gs__check_joint_remuneration_committee (GsCheckContext *ctx)
{
  const GsScenario *s = ctx->s;
  for (guint bi = 0; bi < s->bodies->len; bi++)
    {
      const GsBody *b = GS_BODY (s, bi);
      if (b->kind != GS_BODY_JOINT_COMMITTEE && b->kind != GS_BODY_CIC)
        continue;
      for (guint m = 0; m < s->matters->len; m++)
        {
          if (GS_MATTER (s, m)->klass != GS_MATTER_REMUNERATION)
            continue;
          g_autoptr (GArray) delegations
              = g_array_new (FALSE, FALSE, sizeof (guint));
          for (guint di = 0; di < s->delegations->len; di++)
            {
              const GsDelegation *d = GS_DELEGATION (s, di);
              if (is_or_in (s, d->to, bi)
                  && gs__lists (d->matters, d->n_matters, m))
                g_array_append_val (delegations, di);
            }
          /* Gateways where proposals of the matter come to it to decide. */
          g_autoptr (GArray) gates = g_array_new (FALSE, FALSE, sizeof (guint));
          for (guint pw = 0; pw < s->pathways->len; pw++)
            {
              const GsPathway *p = GS_PATHWAY (s, pw);
              for (guint g = 0; g < p->n_gateways; g++)
                {
                  const GsGateway *gw = &p->gateways[g];
                  if (gw->recommend
                      || !gs__lists (gw->bodies, gw->n_bodies, bi))
                    continue;
                  g_autoptr (GArray) reach
                      = gs__check_gateway_reach (ctx, pw, g);
                  gboolean carried = FALSE;
                  for (guint r = 0; r < reach->len; r++)
                    carried
                        |= g_array_index (reach, GsCheckReach, r).matter == m;
                  if (carried)
                    {
                      guint both[] = { pw, g };
                      g_array_append_vals (gates, both, 2);
                    }
                }
            }
          if (delegations->len == 0 && gates->len == 0)
            continue;
          g_autoptr (GArray) parties
              = g_array_new (FALSE, FALSE, sizeof (guint));
          for (guint i = 0; i < b->n_parties; i++)
            gs__check_add_unique (parties, (guint)b->parties[i]);
          g_autoptr (GString) msg = g_string_new (NULL);
          gs__say_body (msg, s, bi);
          g_string_append (msg, ", ");
          gs__say_body_kind (msg, s, bi);
          g_string_append (msg, " of ");
          gs__say_orgs (msg, s, parties);
          g_string_append (msg, ", can decide ");
          gs__say_matter (msg, s, m);
          g_string_append (msg, ", a remuneration matter (");
          if (delegations->len > 0)
            g_string_append (msg, "it is delegated to it");
          if (delegations->len > 0 && gates->len > 0)
            g_string_append (msg, ", and ");
          if (gates->len > 0)
            g_string_append (msg, "proposals of it come to it for a decision");
          g_string_append (msg, "): there can be no joint remuneration "
                                "committee, so each organisation must decide "
                                "it in its own.");
          GsFinding *f = gs__check_report (ctx, b->line, msg);
          gs__finding_name_body (f, s, bi);
          gs__finding_name_matter (f, s, m);
          for (guint i = 0; i < delegations->len; i++)
            gs__finding_name_delegation (f, s,
                                         g_array_index (delegations, guint, i));
          for (guint i = 0; i + 1 < gates->len; i += 2)
            {
              guint pw = g_array_index (gates, guint, i);
              gs__finding_name_pathway (f, s, pw);
              gs__finding_name_gateway (f, s, pw,
                                        g_array_index (gates, guint, i + 1));
              gs__finding_name_traffic (f, s, pw, (int)m);
            }
        }
    }
}

static const char *const role_singular[GS_N_ROLES] = {
  "chair",     "NED",      "chief executive", "finance director",
  "executive", "governor", "officer",         "external member",
};
static const char *const role_plural[GS_N_ROLES] = {
  "chairs",     "NEDs",      "chief executives", "finance directors",
  "executives", "governors", "officers",         "external members",
};

/* The seats of @b that can be filled, for the quorum, by someone @pred
 * accepts: the member, or their deputy when deputies count. */
static guint
seats_with (const GsScenario *s, const GsBody *b,
            gboolean (*pred) (const GsPerson *, int), int arg)
{
  guint n = 0;
  for (guint i = 0; i < b->n_members; i++)
    {
      const GsMember *m = &b->members[i];
      gboolean ok = pred (GS_PERSON (s, m->person), arg);
      if (!ok && m->deputy >= 0 && b->quorum.deputies_count)
        ok = pred (GS_PERSON (s, m->deputy), arg);
      n += ok ? 1 : 0;
    }
  return n;
}

/* Whether @person would count for @org under a role set @roles (bits
 * 1 << GsRole; 0: any role): they serve it, in one of those roles there. */
static gboolean
serves_as (const GsScenario *s, guint person, int org, guint32 roles)
{
  const GsPost *post = gs__person_post (s, person, org);
  return post != NULL && (roles == 0 || (roles & (1u << post->role)) != 0);
}

/* The seats of @b that could be filled by someone serving @org in one of
 * @roles: the member, or else a deputy where deputies count. */
static guint
seats_serving (const GsScenario *s, const GsBody *b, int org, guint32 roles)
{
  guint n = 0;
  for (guint i = 0; i < b->n_members; i++)
    {
      const GsMember *m = &b->members[i];
      gboolean ok = serves_as (s, m->person, org, roles);
      if (!ok && m->deputy >= 0 && b->quorum.deputies_count)
        ok = serves_as (s, (guint)m->deputy, org, roles);
      n += ok ? 1 : 0;
    }
  return n;
}

static gboolean
has_role (const GsPerson *p, int role)
{
  return p->role == (GsRole)role;
}

/* One quorum finding: @body can never be quorate because @reason. */
static GsFinding *
quorum_finding (GsCheckContext *ctx, guint body, int line, const char *reason)
{
  const GsScenario *s = ctx->s;
  g_autoptr (GString) msg = g_string_new (NULL);
  gs__say_body (msg, s, body);
  g_string_append_printf (msg,
                          " can never be quorate: %s, so every meeting will "
                          "be inquorate and it can decide nothing.",
                          reason);
  GsFinding *f
      = gs__check_report (ctx, line > 0 ? line : GS_BODY (s, body)->line, msg);
  gs__finding_name_body (f, s, body);
  gs__finding_name_clause (f, s, body, GS_ELEMENT_QUORUM, line);
  return f;
}

void
gs__check_quorum_never_met (GsCheckContext *ctx)
{
  const GsScenario *s = ctx->s;
  for (guint bi = 0; bi < s->bodies->len; bi++)
    {
      const GsBody *b = GS_BODY (s, bi);
      const GsQuorum *q = &b->quorum;
      if (b->kind == GS_BODY_CIC)
        continue; /* its constituents each have their own quorum */
      const char *among = q->deputies_count
                              ? "among its members and their deputies"
                              : "among its members";
      if (q->present > b->n_members)
        {
          g_autofree char *why = g_strdup_printf (
              "its quorum needs %u present but it has only %u member%s",
              q->present, b->n_members, b->n_members == 1 ? "" : "s");
          quorum_finding (ctx, bi, b->quorum_line, why);
        }
      if (q->chair_required && b->chair < 0)
        quorum_finding (ctx, bi, b->quorum_line,
                        "its quorum requires the chair, but it has no chair "
                        "(no member is marked chair or has the chair's role)");
      for (int r = 0; r < GS_N_ROLES; r++)
        {
          guint have = seats_with (s, b, has_role, r);
          if (q->role_min[r] <= have)
            continue;
          g_autofree char *why = g_strdup_printf (
              "its quorum needs %u %s present but it has %s%u %s %s",
              q->role_min[r],
              q->role_min[r] == 1 ? role_singular[r] : role_plural[r],
              have > 0 ? "only " : "", have,
              have == 1 ? role_singular[r] : role_plural[r], among);
          quorum_finding (ctx, bi, b->role_line[r], why);
        }
      if (q->party_min > 0 && b->kind == GS_BODY_JOINT_COMMITTEE)
        {
          g_autoptr (GString) why = g_string_new (NULL);
          g_autoptr (GArray) short_orgs
              = g_array_new (FALSE, FALSE, sizeof (guint));
          g_string_append_printf (why,
                                  "its quorum needs %u member%s from each "
                                  "party",
                                  q->party_min, q->party_min == 1 ? "" : "s");
          if (q->party_roles != 0)
            {
              g_string_append (why, " in the role of ");
              guint k = 0, n_roles = 0;
              for (guint r = 0; r < GS_N_ROLES; r++)
                n_roles += (q->party_roles >> r) & 1u;
              for (guint r = 0; r < GS_N_ROLES; r++)
                if (q->party_roles & (1u << r))
                  {
                    if (k > 0)
                      g_string_append (why, k + 1 == n_roles ? " or " : ", ");
                    g_string_append (why, role_singular[r]);
                    k++;
                  }
              g_string_append (why, " there");
            }
          g_string_append (why, " but ");
          for (guint i = 0; i < b->n_parties; i++)
            {
              guint have = seats_serving (s, b, b->parties[i], q->party_roles);
              if (have >= q->party_min)
                continue;
              guint o = (guint)b->parties[i];
              g_array_append_val (short_orgs, o);
            }
          if (short_orgs->len == 0)
            continue;
          for (guint i = 0; i < short_orgs->len; i++)
            {
              guint o = g_array_index (short_orgs, guint, i);
              guint have = seats_serving (s, b, (int)o, q->party_roles);
              gs__say_sep (why, i, short_orgs->len);
              gs__say_org (why, s, o);
              if (have == 0)
                g_string_append (why, " has none");
              else
                g_string_append_printf (why, " has only %u", have);
            }
          g_string_append_printf (why, " %s", among);
          GsFinding *f = quorum_finding (ctx, bi, b->party_line, why->str);
          for (guint i = 0; i < short_orgs->len; i++)
            gs__finding_name_org (f, s, g_array_index (short_orgs, guint, i));
        }
    }
}

void
gs__check_unanimity_many_parties (GsCheckContext *ctx)
{
  const GsScenario *s = ctx->s;
  for (guint bi = 0; bi < s->bodies->len; bi++)
    {
      const GsBody *b = GS_BODY (s, bi);
      g_autoptr (GArray) orgs = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr (GString) msg = g_string_new (NULL);
      int line = b->line;
      gs__say_body (msg, s, bi);
      if (b->kind == GS_BODY_CIC)
        {
          gboolean all = b->cic_rule == GS_CIC_ALL
                         || (b->cic_rule == GS_CIC_AT_LEAST
                             && b->cic_n >= b->n_constituents);
          if (!all || b->n_constituents < 3)
            continue;
          for (guint i = 0; i < b->n_constituents; i++)
            {
              int o = GS_BODY (s, b->constituents[i])->org;
              if (o >= 0)
                gs__check_add_unique (orgs, (guint)o);
            }
          g_string_append_printf (msg,
                                  " carries a decision only if all %u of its "
                                  "committees agree (for ",
                                  b->n_constituents);
          gs__say_orgs (msg, s, orgs);
          g_string_append_printf (msg,
                                  "): any one of the %u parties can "
                                  "block it.",
                                  orgs->len);
        }
      else
        {
          /* Consensus that falls back to a majority vote cannot be
           * blocked by one party. */
          if (b->kind == GS_BODY_OFFICER || b->has_fallback
              || (b->voting.rule != GS_RULE_UNANIMITY
                  && b->voting.rule != GS_RULE_CONSENSUS))
            continue;
          if (b->kind == GS_BODY_JOINT_COMMITTEE)
            for (guint i = 0; i < b->n_parties; i++)
              gs__check_add_unique (orgs, (guint)b->parties[i]);
          for (guint i = 0; i < b->n_members; i++)
            {
              int o = GS_PERSON (s, b->members[i].person)->org;
              if (o >= 0)
                gs__check_add_unique (orgs, (guint)o);
            }
          if (orgs->len < 3)
            continue;
          if (b->voting_line > 0)
            line = b->voting_line;
          g_string_append_printf (
              msg,
              " decides by %s and its members come from %u organisations (",
              b->voting.rule == GS_RULE_UNANIMITY ? "unanimity" : "consensus",
              orgs->len);
          gs__say_orgs (msg, s, orgs);
          g_string_append (msg, "): any one of them can block a decision.");
        }
      g_string_append (msg, " Guidance favours majority rather than "
                            "consensus, to avoid gridlock.");
      GsFinding *f = gs__check_report (ctx, line, msg);
      gs__finding_name_body (f, s, bi);
      gs__finding_name_clause (f, s, bi, GS_ELEMENT_VOTING, b->voting_line);
      for (guint i = 0; i < orgs->len; i++)
        gs__finding_name_org (f, s, g_array_index (orgs, guint, i));
    }
}

void
gs__check_conflicts_declare_only (GsCheckContext *ctx)
{
  const GsScenario *s = ctx->s;
  for (guint bi = 0; bi < s->bodies->len; bi++)
    {
      const GsBody *b = GS_BODY (s, bi);
      if (!b->declare_only)
        continue;
      g_autoptr (GString) msg
          = g_string_new ("Under the terms of reference of ");
      gs__say_body (msg, s, bi);
      g_string_append (msg, ", a member with a declared conflict of interest "
                            "only declares it, then votes and counts towards "
                            "the quorum as usual: good practice is for them "
                            "to withdraw from the item.");
      GsFinding *f = gs__check_report (
          ctx, b->voting_line > 0 ? b->voting_line : b->line, msg);
      gs__finding_name_body (f, s, bi);
      gs__finding_name_clause (f, s, bi, GS_ELEMENT_VOTING, b->voting_line);
    }
}

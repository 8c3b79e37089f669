/* gs-text-record.c — one dated sentence per record, in the register of a
 * company secretary's minute: who met, who was there, what was decided and
 * by how many votes, what slipped, which delegation a decision breached.
 *
 * A table maps each record kind to the function that words it; each reads
 * the record's named fields (gs-record.h) and its list of indices, which
 * the caller passes, so the same words serve records the run kept and
 * records seen through a callback.
 */
#include "write/gs-text-private.h"

#include <math.h>

/* What every sentence may need. */
typedef struct
{
  const GsRun *run;
  const GsScenario *s;
  const GsRecord *r;
  const guint32 *refs; /* the record's list */
  const GsCase *c;     /* its case, or NULL */
  const char *title;   /* its case's title, or NULL */
} Ctx;

typedef void (*RecordText) (GString *out, const Ctx *x);

static void
people (GString *out, const Ctx *x)
{
  gs__text_list (out, x->s, GS_LIST_PERSON, x->refs, x->r->n_refs);
}

/* The record's second list, which follows its first (gs-record.h). */
static const guint32 *
second_list (const Ctx *x)
{
  return x->r->n_refs2 > 0 ? x->refs + x->r->n_refs : NULL;
}

/* "<prefix>2024-06-11", or "<none>no meeting left ..." when there is none. */
static void
next_meeting (GString *out, const char *prefix, const char *none, GsTime when)
{
  char d[GS_DATE_BUF];
  if (when == GS_TIME_NEVER)
    g_string_append_printf (
        out, "%sno meeting left before the end of the period", none);
  else
    g_string_append_printf (out, "%s%s", prefix, gs_time_format_date (when, d));
}

/* "of A, of B or of C" (@prep "of ", @conj " or "): the parties an
 * each-party rule found short. */
static void
append_parties (GString *out, const GsScenario *s, const char *prep,
                const char *conj, const guint32 *parties, guint n)
{
  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "%s%s%s",
                            i == 0       ? ""
                            : i + 1 == n ? conj
                                         : ", ",
                            prep, GS_ORG (s, parties[i])->name);
}

/* @rule: the terms of reference in force at the meeting, for the roles an
 * each-party rule counts ("no chair or chief executive of Trust P present":
 * someone who serves P in another post is there but does not count).
 * @parties: every party short (the record's second list), or none: then
 * the first, q->party, alone. */
static void
append_quorum (GString *out, const GsScenario *s, const GsQuorum *rule,
               const GsRecQuorum *q, const guint32 *parties, guint n_parties)
{
  guint32 first_party = (guint32)q->party;
  if (n_parties == 0 && q->party >= 0)
    {
      parties = &first_party;
      n_parties = 1;
    }
  static const char *const roles[]
      = { "chair",     "NED",      "chief executive", "finance director",
          "executive", "governor", "officer",         "external member" };
  G_STATIC_ASSERT (G_N_ELEMENTS (roles) == GS_N_ROLES);
  switch ((GsQuorumResult)q->result)
    {
      case GS_QUORUM_FAIL_PRESENT:
        g_string_append_printf (out, "%d of %d present, quorum %d", q->counted,
                                q->members, q->needed);
        break;
      case GS_QUORUM_FAIL_FRACTION:
        g_string_append_printf (out,
                                "%d of %d present, quorum %d (a share of "
                                "the members)",
                                q->counted, q->members, q->needed);
        break;
      case GS_QUORUM_FAIL_CHAIR:
        g_string_append (out, "the chair is absent and no deputy attends");
        break;
      case GS_QUORUM_FAIL_ROLE:
        g_string_append_printf (
            out, "%d %s%s present, the quorum needs %d", q->counted,
            q->role >= 0 && q->role < GS_N_ROLES ? roles[q->role] : "member",
            q->counted == 1 ? "" : "s", q->needed);
        break;
      case GS_QUORUM_FAIL_PARTY:
        /* Several parties short: the record keeps the count of the first
         * only, so the others are "fewer than" the minimum (none, for a
         * minimum of 1). */
        if (n_parties == 0)
          {
            g_string_append_printf (out,
                                    "%d present from ?, the quorum needs %d "
                                    "from each party",
                                    q->counted, q->needed);
            break;
          }
        /* "No chair of A or of B", but "fewer than 2 from A and from B". */
        const char *conj = n_parties > 1 && q->needed > 1 ? " and " : " or ";
        if (n_parties == 1 || q->needed == 1)
          {
            if (q->counted == 0)
              g_string_append (out, rule->party_roles != 0 ? "no "
                                    : n_parties > 1        ? "nobody "
                                                           : "0 ");
            else
              g_string_append_printf (out, "%d ", q->counted);
          }
        else
          g_string_append_printf (out, "fewer than %d ", q->needed);
        if (rule->party_roles != 0)
          {
            gboolean first = TRUE;
            for (guint r = 0; r < GS_N_ROLES; r++)
              if (rule->party_roles & (1u << r))
                {
                  g_string_append_printf (out, "%s%s", first ? "" : " or ",
                                          roles[r]);
                  first = FALSE;
                }
            g_string_append_c (out, ' ');
            append_parties (out, s, "of ", conj, parties, n_parties);
            g_string_append (out, " present");
          }
        else
          {
            g_string_append (out, "present ");
            append_parties (out, s, "from ", conj, parties, n_parties);
          }
        g_string_append_printf (out, ", the quorum needs %d from each party",
                                q->needed);
        break;
      case GS_QUORUM_MET:
      default:
        g_string_append (out, "quorum not met");
        break;
    }
}

/* "3 for and 1 against, 1 abstention" */
/* One vote per organisation: "3 of 4 organisations for, 1 against, 1
 * abstaining" (absent ones are the rest). */
static void
append_org_votes (GString *out, const GsBody *b, const GsRecVote *v)
{
  g_string_append_printf (out, "%d of %u organisations for, %d against",
                          v->votes_for, b->n_parties, v->against);
  if (v->abstain > 0)
    g_string_append_printf (out, ", %d abstaining", v->abstain);
  guint absent = b->n_parties
                 - (guint)MIN ((guint)(v->votes_for + v->against + v->abstain),
                               b->n_parties);
  if (absent > 0)
    g_string_append_printf (out, ", %u with nobody present to vote", absent);
}

static void
append_votes (GString *out, const GsRecVote *v)
{
  g_string_append_printf (out, "%d for and %d against", v->votes_for,
                          v->against);
  if (v->abstain > 0)
    g_string_append_printf (out, ", %d abstention%s", v->abstain,
                            v->abstain == 1 ? "" : "s");
}

/* The rule a vote of body @bi at @t was taken under: its terms as amended
 * by then, and for consensus with a fallback the majority vote it falls
 * back to (a consensus is blocked or carried, never tied or defeated). */
static GsVoteRule
vote_rule (const GsScenario *s, guint32 bi, GsTime t)
{
  const GsBody *b = gs__body_at (s, bi, t);
  if (b->voting.rule == GS_RULE_CONSENSUS && b->has_fallback)
    return b->fallback.rule;
  return b->voting.rule;
}

/* ": short of the 4 votes an absolute majority of 7 needs", for a vote
 * defeated under an absolute majority (a majority of all entitled to vote,
 * not of those voting). */
static void
append_shortfall (GString *out, const GsScenario *s, const GsRecord *r)
{
  const GsRecVote *v = &r->vote;
  if (r->kind != GS_REC_REJECTED || v->collective || v->members <= 0
      || vote_rule (s, r->body, r->time) != GS_RULE_ABSOLUTE_MAJORITY)
    return;
  gboolean orgs = gs__body_at (s, r->body, r->time)->voting.per_org;
  g_string_append_printf (out,
                          ": short of the %d %s an absolute majority of %d "
                          "%sneeds",
                          v->members / 2 + 1,
                          orgs ? "organisations' votes" : "votes", v->members,
                          orgs ? "organisations " : "");
}

/* Whether a motion defeated by body r->body does not end there, so that
 * "rejected" would be wrong: at a gateway, the body's terms of reference
 * send a motion more were for than against up its ladder
 * (on="not-carried"), as the run does (take_verdict(), gs-meeting.c); at
 * a dispute level, a forum that must be unanimous, defeated with votes
 * for, could not agree either way and the dispute climbs on. */
static gboolean
vote_goes_on (const Ctx *x)
{
  const GsRecVote *v = &x->r->vote;
  if (x->r->kind != GS_REC_REJECTED || v->collective)
    return FALSE;
  if (v->role == GS_VOTE_LEVEL)
    return gs__body_at (x->s, x->r->body, x->r->time)->voting.rule
               == GS_RULE_UNANIMITY
           && v->votes_for > 0;
  const GsEscalation *esc = &GS_BODY (x->s, x->r->body)->escalation;
  return v->role == GS_VOTE_GATEWAY && esc->ladder >= 0
         && (esc->triggers & GS_TRIGGER_NOT_CARRIED) != 0
         && v->votes_for > v->against;
}

static const char *
outcome_word (GsVoteOutcome o)
{
  switch (o)
    {
      case GS_OUTCOME_CARRIED:
        return "approved";
      case GS_OUTCOME_DEFEATED:
        return "rejected";
      case GS_OUTCOME_TIED:
        return "tied";
      case GS_OUTCOME_BLOCKED:
        return "blocked";
      case GS_OUTCOME_NO_VOTES:
      default:
        return "no votes cast";
    }
}

static const char *
trigger_text (gint32 trigger)
{
  static const char *const words[] = {
    "the vote tied with no casting vote",
    "consensus was blocked",
    "the committees in common split",
    "meetings were inquorate",
    "its deadline is near",
    "more were for than against but short of what its rule needs",
  };
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (trigger == (1 << i))
      return words[i];
  return "the terms of reference say so";
}

static const char *
method_text (GsLevelMethod m)
{
  switch (m)
    {
      case GS_LEVEL_VOTE:
        return "a vote";
      case GS_LEVEL_RECONSIDER:
        return "reconsideration";
      case GS_LEVEL_CHAIR:
        return "the chair's decision";
      case GS_LEVEL_MEDIATION:
        return "mediation";
      case GS_LEVEL_REFERRAL:
        return "referral to";
      case GS_LEVEL_BINDING:
      default:
        return "binding arbitration";
    }
}

/* "still at gateway 2 of 3, X after 40 days there" (or, for a proposal sent
 * straight to a body, "still waiting for Body after 40 days there"), and
 * the escalation level when it sits in a dispute. */
static void
append_where (GString *out, const Ctx *x)
{
  const GsRecWhere *w = &x->r->where;
  if (w->gateway < 0)
    return;
  if (GS_PATHWAY (x->s, x->c->pathway)->implicit)
    {
      g_string_append (out, "still waiting for ");
      if (x->r->body != GS_NONE)
        gs__text_body (out, x->s, x->r->body);
      else
        g_string_append (out, "an escalation forum");
    }
  else
    {
      g_string_append (out, "still at ");
      gs__text_gateway (out, x->s, x->c->pathway, (guint32)w->gateway);
    }
  g_string_append_printf (out, " after %d day%s there", w->days,
                          w->days == 1 ? "" : "s");
  if (w->level > 0)
    g_string_append_printf (out, ", in dispute at escalation level %d%s",
                            w->level,
                            x->r->body != GS_NONE ? "" : " (an outside forum)");
}

static void
text_arrived (GString *out, const Ctx *x)
{
  char d[GS_DATE_BUF];
  g_string_append_printf (out, "'%s' (%s", x->title,
                          GS_MATTER (x->s, x->c->matter)->name);
  if (x->c->value > 0)
    {
      g_string_append (out, ", ");
      gs_phrase_money (out, x->c->value);
    }
  if (x->r->body != GS_NONE)
    {
      g_string_append (out, ") arrives for ");
      gs__text_body (out, x->s, x->r->body);
    }
  else
    g_string_append_printf (out, ") arrives and follows the pathway '%s'",
                            GS_PATHWAY (x->s, x->c->pathway)->name);
  if (x->c->due != GS_TIME_NEVER)
    g_string_append_printf (out, ", due by %s",
                            gs_time_format_date (x->c->due - 1, d));
  if (x->r->body != GS_NONE)
    next_meeting (out, "; first possible meeting ", "; ", x->r->when);
}

static const GsGateway *
record_gateway (const Ctx *x)
{
  return &GS_PATHWAY (x->s, x->r->gate.pathway)->gateways[x->r->gate.gateway];
}

static void
text_gate_open (GString *out, const Ctx *x)
{
  const GsGateway *gw = record_gateway (x);
  g_string_append_printf (out, "'%s': ", x->title);
  gs__text_gateway (out, x->s, (guint32)x->r->gate.pathway,
                    (guint32)x->r->gate.gateway);
  g_string_append (out, " opens");
  if (gw->recommend)
    g_string_append (out, " (recommendation only)");
  else if (gw->n_bodies > 1 && gw->need == GS_GATE_ALL)
    g_string_append_printf (out, " (all %u must approve)", gw->n_bodies);
  else if (gw->n_bodies > 1)
    g_string_append_printf (out, " (%u of %u must approve)", gw->need_n,
                            gw->n_bodies);
  next_meeting (out, "; first possible meeting ", "; ", x->r->when);
}

static void
text_gate_skipped (GString *out, const Ctx *x)
{
  const GsGateway *gw = record_gateway (x);
  g_string_append_printf (out, "'%s' skips ", x->title);
  gs__text_gateway (out, x->s, (guint32)x->r->gate.pathway,
                    (guint32)x->r->gate.gateway);
  g_string_append (out, ": it takes only proposals worth ");
  if (gw->applies.lo > 0)
    {
      g_string_append (out, "more than ");
      gs_phrase_money (out, gw->applies.lo - 1);
    }
  if (gw->applies.lo > 0 && gw->applies.hi < GS_VALUE_MAX)
    g_string_append (out, " and ");
  if (gw->applies.hi < GS_VALUE_MAX)
    {
      g_string_append (out, "at most ");
      gs_phrase_money (out, gw->applies.hi);
    }
}

static void
text_gate_settled (GString *out, const Ctx *x)
{
  const GsGateway *gw = record_gateway (x);
  const GsRecGate *g = &x->r->gate;
  if (gw->recommend)
    {
      g_string_append_printf (out, "'%s' moves on from ", x->title);
      gs__text_gateway (out, x->s, (guint32)g->pathway, (guint32)g->gateway);
      g_string_append_printf (
          out, ": %d of %d recommended it%s", g->approving, g->bodies,
          g->approving < g->bodies ? "; a recommendation cannot block" : "");
      return;
    }
  g_string_append_printf (out, "'%s' %s ", x->title,
                          x->r->kind == GS_REC_GATE_PASSED ? "passes"
                                                           : "fails");
  gs__text_gateway (out, x->s, (guint32)g->pathway, (guint32)g->gateway);
  g_string_append_printf (out, ": %d of %d approved", g->approving, g->bodies);
  if (g->rejecting > 0)
    g_string_append_printf (out, ", %d rejected", g->rejecting);
  if (g->gridlocked > 0)
    g_string_append_printf (out, ", %d gridlocked", g->gridlocked);
  if (gw->n_bodies > 1)
    g_string_append_printf (out, " (%u needed)", gw->need_n);
}

static void
text_returned (GString *out, const Ctx *x)
{
  const GsRecReturned *ret = &x->r->returned;
  g_string_append_printf (out, "'%s' goes back from ", x->title);
  gs__text_gateway (out, x->s, (guint32)ret->pathway, (guint32)ret->gateway);
  g_string_append (out, " to ");
  gs__text_gateway (out, x->s, (guint32)ret->pathway, (guint32)ret->to);
  g_string_append_printf (out, " (return %d of at most %d)", ret->returns,
                          ret->max);
}

static void
text_escalated (GString *out, const Ctx *x)
{
  gs__text_body (out, x->s, x->r->body);
  const GsRecEscalated *e = &x->r->escalated;
  g_string_append_printf (out,
                          ": '%s' goes to dispute resolution under '%s' — ",
                          x->title, GS_LADDER (x->s, e->ladder)->name);
  /* Under an absolute majority the equality that counts is votes for
   * exactly half the members (3 for, 0 against of 6), not a tie. */
  if (e->trigger == GS_TRIGGER_TIE
      && vote_rule (x->s, x->r->body, x->r->time) == GS_RULE_ABSOLUTE_MAJORITY)
    g_string_append_printf (
        out,
        "the votes for were exactly half of the %s, short of the absolute "
        "majority the rule needs, with no casting vote",
        gs__body_at (x->s, x->r->body, x->r->time)->voting.per_org
            ? "organisations"
            : "members");
  else
    g_string_append (out, trigger_text (e->trigger));
}

static void
text_level (GString *out, const Ctx *x)
{
  char d[GS_DATE_BUF];
  const GsRecLevel *lv = &x->r->level;
  const GsLevel *l = &GS_LADDER (x->s, lv->ladder)->levels[lv->level];
  g_string_append_printf (out, "'%s' reaches ", x->title);
  gs__text_level (out, x->s, lv->ladder, lv->level);
  g_string_append_printf (out, ": %s", method_text (l->method));
  if (l->method == GS_LEVEL_REFERRAL)
    {
      for (guint j = 0; j < l->n_bodies; j++)
        {
          g_string_append (out, j == 0                 ? " "
                                : j + 1 == l->n_bodies ? " and "
                                                       : ", ");
          gs__text_body (out, x->s, l->bodies[j]);
        }
      if (l->need == l->n_bodies)
        g_string_append (out, ", all to approve");
      else
        g_string_append_printf (out, ", %u of %u to approve", l->need,
                                l->n_bodies);
    }
  if (!gs_duration_is_zero (&l->cooling_off))
    g_string_append_printf (
        out, " after cooling off until %s",
        gs_time_format_date (gs_time_add (x->r->time, &l->cooling_off, 1), d));
  g_string_append_printf (out, ", by %s", gs_time_format_date (x->r->when, d));
  if (lv->climbed > 1)
    g_string_append_printf (out, " (%d%s level climbed)", lv->climbed,
                            gs__text_ordinal (lv->climbed));
}

static void
text_level_failed (GString *out, const Ctx *x)
{
  const GsRecLevel *lv = &x->r->level;
  g_string_append_printf (out, "'%s': ", x->title);
  gs__text_level (out, x->s, lv->ladder, lv->level);
  switch ((GsLevelFailure)lv->why)
    {
      case GS_FAIL_TIMEOUT:
        g_string_append (out, " made no decision within its time limit");
        break;
      case GS_FAIL_NOT_CARRIED:
        g_string_append (out, " did not carry it either way");
        break;
      case GS_FAIL_NO_AGREEMENT:
        g_string_append (out, " reached no agreement");
        break;
      case GS_FAIL_REFUSED:
        g_string_append (out, " failed: too few of the bodies referred to "
                              "approved for it to agree");
        break;
      case GS_FAIL_UNAVAILABLE:
      default:
        g_string_append (out, " could not act: the person who decides "
                              "is away");
        break;
    }
}

static void
text_resolved (GString *out, const Ctx *x)
{
  const GsRecLevel *lv = &x->r->level;
  g_string_append_printf (out, "'%s': ", x->title);
  gs__text_level (out, x->s, lv->ladder, lv->level);
  g_string_append_printf (out, " settles the dispute — %s",
                          lv->approved ? "approved" : "rejected");
}

static void
text_exhausted (GString *out, const Ctx *x)
{
  const GsRecLevel *lv = &x->r->level;
  gs__text_body (out, x->s, x->r->body);
  g_string_append_printf (out,
                          ": the dispute over '%s' has climbed %d level%s "
                          "and none is left (last ladder '%s') — no "
                          "binding decision",
                          x->title, lv->climbed, lv->climbed == 1 ? "" : "s",
                          GS_LADDER (x->s, lv->ladder)->name);
}

static void
text_decided (GString *out, const Ctx *x)
{
  g_string_append_printf (out, "Outcome: '%s' %s, %.0f days after arrival",
                          x->title,
                          gs__text_state ((GsCaseState)x->r->decided.state),
                          gs_time_days_between (x->c->arrives, x->r->time));
}

static gboolean
in_refs (const Ctx *x, guint32 person)
{
  for (guint i = 0; i < x->r->n_refs; i++)
    if (x->refs[i] == person)
      return TRUE;
  return FALSE;
}

/* ": Riverside committee 3 of 3, Hillcrest committee 2 of 3": each
 * constituent's seats filled (by the member, or else by a deputy), from the
 * people present the meeting record lists.  A person who sits in several
 * constituents fills a seat in each. */
static void
constituent_counts (GString *out, const Ctx *x, const GsBody *g)
{
  g_string_append (out, ": ");
  for (guint i = 0; i < g->n_constituents; i++)
    {
      const GsBody *k = GS_BODY (x->s, g->constituents[i]);
      guint filled = 0;
      for (guint j = 0; j < k->n_members; j++)
        {
          const GsMember *m = &k->members[j];
          filled += in_refs (x, m->person)
                    || (m->deputy >= 0 && in_refs (x, (guint32)m->deputy));
        }
      g_string_append_printf (out, "%s%s %u of %u", i > 0 ? ", " : "", k->name,
                              filled, k->n_members);
    }
}

static gboolean
observes (const GsBody *b, guint32 person)
{
  for (guint i = 0; i < b->n_observers; i++)
    if (b->observers[i] == person)
      return TRUE;
  return FALSE;
}

/* "; in attendance, not voting: A and B": the observers the record lists. */
static void
observers_present (GString *out, const Ctx *x, const GsBody *b)
{
  g_autoptr (GArray) who = g_array_new (FALSE, FALSE, sizeof (guint32));
  for (guint i = 0; i < x->r->n_refs; i++)
    {
      guint32 p = x->refs[i];
      gboolean obs = observes (b, p);
      for (guint k = 0; !obs && k < b->n_constituents; k++)
        obs = observes (GS_BODY (x->s, b->constituents[k]), p);
      if (obs)
        g_array_append_val (who, p);
    }
  if (who->len == 0)
    return;
  g_string_append (out, "; in attendance, not voting: ");
  gs__text_list (out, x->s, GS_LIST_PERSON, (const guint32 *)who->data,
                 who->len);
}

static void
text_meeting (GString *out, const Ctx *x)
{
  const GsRecMeeting *m = &x->r->meeting;
  gs__text_body (out, x->s, x->r->body);
  if (GS_BODY (x->s, x->r->body)->kind == GS_BODY_OFFICER)
    {
      g_string_append_printf (out, ": available; %d item%s to decide", m->items,
                              m->items == 1 ? "" : "s");
      return;
    }
  g_string_append_printf (out, ": quorate — %d of %d present", m->present,
                          m->seats);
  if (m->quorum > 0)
    g_string_append_printf (out, ", quorum %d", m->quorum);
  if (m->deputies > 0)
    g_string_append_printf (out, " (%d as deput%s)", m->deputies,
                            m->deputies == 1 ? "y" : "ies");
  const GsBody *b = GS_BODY (x->s, x->r->body);
  if (b->kind == GS_BODY_CIC)
    constituent_counts (out, x, b);
  observers_present (out, x, b);
  g_string_append_printf (out, "; %d item%s to decide", m->items,
                          m->items == 1 ? "" : "s");
}

static void
text_inquorate (GString *out, const Ctx *x)
{
  gs__text_body (out, x->s, x->r->body);
  if (GS_BODY (x->s, x->r->body)->kind == GS_BODY_OFFICER)
    {
      g_string_append (out, ": not available to decide");
      return;
    }
  g_string_append (out, ": inquorate — ");
  append_quorum (out, x->s, &gs__body_at (x->s, x->r->body, x->r->time)->quorum,
                 &x->r->quorum, second_list (x), x->r->n_refs2);
  if (x->r->n_refs > 0)
    {
      g_string_append (out, "; absent: ");
      people (out, x);
    }
}

static void
text_item_inquorate (GString *out, const Ctx *x)
{
  gs__text_body (out, x->s, x->r->body);
  g_string_append_printf (out,
                          ": inquorate for '%s' once conflicted members are "
                          "left out — ",
                          x->title);
  append_quorum (out, x->s, &gs__body_at (x->s, x->r->body, x->r->time)->quorum,
                 &x->r->quorum, second_list (x), x->r->n_refs2);
}

static void
text_vote (GString *out, const Ctx *x)
{
  const GsRecord *r = x->r;
  const GsRecVote *v = &r->vote;
  gboolean approved = r->kind == GS_REC_APPROVED;
  gs__text_body (out, x->s, r->body);
  if (v->role == GS_VOTE_LEVEL || v->role == GS_VOTE_REFERRAL)
    g_string_append (out, ", in dispute resolution");
  if (v->role == GS_VOTE_RECOMMEND)
    g_string_append_printf (out, ": '%s' %s, ", x->title,
                            approved ? "recommended" : "not recommended");
  else if ((v->collective || vote_goes_on (x)) && !approved)
    /* Not yet "rejected": a split may go to dispute resolution next, and
     * so may a motion short of its rule; the outcome line says how the
     * proposal ended. */
    g_string_append_printf (out, ": '%s' not carried, ", x->title);
  else
    g_string_append_printf (out, ": '%s' %s, ", x->title,
                            approved ? "approved" : "rejected");
  /* Counted as the terms in force on the day count: a vote per
   * organisation only from the day an amendment brings it in. */
  const GsBody *b = gs__body_at (x->s, r->body, r->time);
  if (v->collective)
    g_string_append_printf (out, "%d of %d constituent committees in favour",
                            v->votes_for, v->votes_for + v->against);
  else if (b->voting.per_org)
    append_org_votes (out, b, v);
  else
    append_votes (out, v);
  append_shortfall (out, x->s, r);
  if (v->casting)
    g_string_append (out, " — decided on the chair's casting vote");
  g_string_append_printf (out, " (%.0f days after arrival)",
                          gs_time_days_between (x->c->arrives, r->time));
  if (!approved && v->role == GS_VOTE_GATEWAY && vote_goes_on (x))
    g_string_append (out, "; it goes to dispute resolution");
  if (approved && x->s->organisations->len > 1 && r->n_refs > 0)
    {
      g_string_append (out, "; binds ");
      gs__text_list (out, x->s, GS_LIST_ORGANISATION, x->refs, r->n_refs);
    }
}

static void
text_tied (GString *out, const Ctx *x)
{
  gs__text_body (out, x->s, x->r->body);
  const GsRecVote *v = &x->r->vote;
  gboolean organisations
      = gs__body_at (x->s, x->r->body, x->r->time)->voting.per_org;
  if (v->votes_for == v->against)
    {
      g_string_append_printf (out,
                              ": '%s' not carried — the %s tied %d–%d and "
                              "there is no casting vote",
                              x->title,
                              organisations ? "organisations' votes" : "vote",
                              v->votes_for, v->against);
      return;
    }
  /* The other equality: under an absolute majority, votes for that are
   * exactly half of the members who may vote (twice the votes for). */
  g_string_append_printf (out,
                          ": '%s' not carried — %d for and %d against, and "
                          "%d for is exactly half of the %d %s who may "
                          "vote, where an absolute majority needs more than "
                          "half; there is no casting vote",
                          x->title, v->votes_for, v->against, v->votes_for,
                          2 * v->votes_for,
                          organisations ? "organisations" : "members");
}

/* After a blocked consensus, the majority vote that follows: "; put to a
 * simple majority vote at once" (a constituent's is always at once: the
 * loader refuses next-meeting for one). */
static void
append_fallback (GString *out, const Ctx *x)
{
  static const char *const rules[] = {
    [GS_RULE_SIMPLE_MAJORITY] = "a simple majority",
    [GS_RULE_ABSOLUTE_MAJORITY] = "an absolute majority",
    [GS_RULE_QUALIFIED_MAJORITY] = "a qualified majority",
  };
  const GsBody *b = gs__body_at (x->s, x->r->body, x->r->time);
  if (!b->has_fallback)
    return;
  g_string_append_printf (out, "; put to %s vote %s", rules[b->fallback.rule],
                          b->fallback_next && x->r->vote.role != GS_VOTE_LEVEL
                              ? "at the next meeting"
                              : "at once");
}

/* "K: 'X' blocked by p3 — no consensus, 2 for and 1 against", the against
 * being the objections; under one vote per organisation the organisations
 * whose vote was an objection, and the votes counted in organisations. */
static void
text_blocked (GString *out, const Ctx *x)
{
  const GsBody *b = gs__body_at (x->s, x->r->body, x->r->time);
  gboolean orgs = b->voting.per_org && x->r->n_refs2 > 0;
  gs__text_body (out, x->s, x->r->body);
  g_string_append_printf (out, ": '%s' blocked by ", x->title);
  if (orgs)
    gs__text_list (out, x->s, GS_LIST_ORGANISATION, second_list (x),
                   x->r->n_refs2);
  else
    people (out, x);
  g_string_append (out, " — no consensus, ");
  if (orgs)
    append_org_votes (out, b, &x->r->vote);
  else
    append_votes (out, &x->r->vote);
  append_fallback (out, x);
}

static void
text_no_votes (GString *out, const Ctx *x)
{
  gs__text_body (out, x->s, x->r->body);
  g_string_append_printf (
      out, ": '%s' not carried — nobody voted for or against", x->title);
}

static void
text_constituent (GString *out, const Ctx *x)
{
  const GsRecVote *v = &x->r->vote;
  gs__text_body (out, x->s, x->r->body);
  g_string_append_printf (out, ", meeting in common: '%s' %s, ", x->title,
                          outcome_word ((GsVoteOutcome)v->outcome));
  append_votes (out, v);
  if (v->casting)
    g_string_append (out, " — on the chair's casting vote");
  if (v->outcome == GS_OUTCOME_BLOCKED)
    {
      g_string_append (out, "; objecting: ");
      people (out, x);
      append_fallback (out, x);
    }
}

static void
text_split (GString *out, const Ctx *x)
{
  gs__text_body (out, x->s, x->r->body);
  g_string_append_printf (out, ": split on '%s' — approved by ", x->title);
  if (x->r->n_refs == 0)
    g_string_append (out, "none");
  else
    gs__text_list (out, x->s, GS_LIST_BODY, x->refs, x->r->n_refs);
  g_string_append_printf (out, " (%d of %d)", x->r->split.approving,
                          x->r->split.constituents);
}

static void
text_conflict (GString *out, const Ctx *x)
{
  gboolean one = x->r->n_refs == 1;
  gs__text_body (out, x->s, x->r->body);
  g_string_append_printf (out, ": on '%s', ", x->title);
  people (out, x);
  if (x->r->conflict.declare_only)
    g_string_append (out, one ? " declares a conflict of interest and stays "
                                "in the vote"
                              : " declare a conflict of interest and stay "
                                "in the vote");
  else
    {
      g_string_append (out, one ? " is" : " are");
      g_string_append (out, " excluded from the vote (declared conflict of "
                            "interest)");
    }
}

/* "K: amended terms of reference take effect (change of 2024-07-01, line
 * 12): voting by absolute majority, quorum 3 present". */
static void
text_amended (GString *out, const Ctx *x)
{
  static const char *const rules[]
      = { "simple majority", "absolute majority", "qualified majority",
          "weighted vote",   "unanimity",         "consensus" };
  char d[GS_DATE_BUF];
  const GsBody *b = gs__body_at (x->s, x->r->body, x->r->time);
  gs__text_body (out, x->s, x->r->body);
  g_string_append_printf (
      out,
      ": amended terms of reference take effect (change "
      "of %s, line %d): voting by %s",
      gs_time_format_date (x->r->when, d), x->r->amended.line,
      (guint)b->voting.rule < G_N_ELEMENTS (rules) ? rules[b->voting.rule]
                                                   : "?");
  if (b->voting.rule == GS_RULE_QUALIFIED_MAJORITY)
    g_string_append_printf (out, " of %u/%u", b->voting.num, b->voting.den);
  if (b->has_fallback)
    g_string_append_printf (out, ", then %s", rules[b->fallback.rule]);
  if (b->voting.per_org)
    g_string_append (out, ", one vote per organisation");
  if (b->quorum.present > 0)
    g_string_append_printf (out, ", quorum %u present", b->quorum.present);
  if (b->quorum.frac_den > 0)
    g_string_append_printf (out, ", quorum %u/%u of the members",
                            b->quorum.frac_num, b->quorum.frac_den);
}

static void
text_breach (GString *out, const Ctx *x)
{
  g_string_append_printf (out, "BREACH (%s): ",
                          gs_breach_to_string ((GsBreach)x->r->breach.breach));
  gs_report_append_breach (out, x->run, x->r, x->refs);
}

/* One line for a whole run of carry-overs: how many meetings, the first
 * and the last, and why ("carried over at 48 meetings, 2024-05-02 to
 * 2025-03-27, agenda full: capacity 10"). */
static void
text_carried (GString *out, const Ctx *x)
{
  const GsRecCarried *k = &x->r->carried;
  const GsBody *b = GS_BODY (x->s, x->r->body);
  char d1[GS_DATE_BUF], d2[GS_DATE_BUF];
  gs__text_body (out, x->s, x->r->body);
  g_string_append_printf (out, ": '%s' carried over", x->title);
  gs_time_format_date (x->r->when, d1);
  gs_time_format_date (x->r->when + k->span, d2);
  if (k->meetings == 1)
    g_string_append_printf (out, " at its meeting of %s", d1);
  else
    g_string_append_printf (out, " at %d meetings, %s to %s", k->meetings, d1,
                            d2);
  gboolean officer = b->kind == GS_BODY_OFFICER;
  switch (k->reason)
    {
      case GS_CARRY_INQUORATE:
        g_string_append (out, officer            ? ", not available"
                              : k->meetings == 1 ? ", inquorate"
                                                 : ", inquorate each time");
        break;
      case GS_CARRY_CAPACITY:
        g_string_append_printf (out, ", agenda full (capacity %u)",
                                b->calendar.capacity);
        break;
      case GS_CARRY_BOTH:
      default:
        g_string_append_printf (
            out, ", agenda full (capacity %u) at %d and %s at %d",
            b->calendar.capacity, k->meetings - k->inquorate,
            officer ? "not available" : "inquorate", k->inquorate);
        break;
    }
  if (k->end == GS_CARRY_TAKEN)
    g_string_append (out, "; taken at this meeting");
  else if (k->end == GS_CARRY_LEFT)
    g_string_append (out, "; no longer before it");
  else
    g_string_append (out, "; still waiting");
}

static void
text_deadline_missed (GString *out, const Ctx *x)
{
  char d[GS_DATE_BUF];
  g_string_append_printf (out, "'%s' missed its deadline of %s, ", x->title,
                          gs_time_format_date (x->c->due - 1, d));
  append_where (out, x);
}

static void
text_pending (GString *out, const Ctx *x)
{
  char d[GS_DATE_BUF];
  g_string_append_printf (out,
                          "'%s' is still pending at the end of the period "
                          "(arrived %s): ",
                          x->title, gs_time_format_date (x->c->arrives, d));
  append_where (out, x);
}

/* "'X' is urgent, but the chair of Committee A (Ann Chair) has a declared
 * conflict on Capital": who stopped chair's action, and on what (the
 * first of their conflicts that covers the item). */
static void
urgent_conflicted (GString *out, const Ctx *x, const char *chair)
{
  const GsBody *b = GS_BODY (x->s, x->r->body);
  gint32 who = x->r->urgent.conflicted;
  const char *name = who >= 0 ? GS_PERSON (x->s, (guint)who)->name : "?";
  gboolean is_chair = b->chair >= 0 && (guint)b->chair < b->n_members
                      && who >= 0 && b->members[b->chair].person == (guint)who;
  g_string_append_printf (out, "'%s' is urgent, but ", x->title);
  if (is_chair)
    g_string_append_printf (out, "the chair of %s (%s)", b->name, chair);
  else
    g_string_append_printf (out,
                            "the chief executive who must act with the "
                            "chair of %s (%s)",
                            b->name, name);
  g_string_append (out, " has a declared conflict on ");
  const GsConflict *k
      = who < 0 ? NULL
                : gs__scenario_conflict_for (x->s, (guint)who, x->c->matter,
                                             x->c->affects, x->c->n_affects);
  if (k != NULL && k->matter >= 0 && (guint)k->matter == x->c->matter)
    g_string_append (out, GS_MATTER (x->s, x->c->matter)->name);
  else if (k != NULL && k->org >= 0)
    g_string_append_printf (out, "proposals affecting %s",
                            GS_ORG (x->s, (guint)k->org)->name);
  else
    g_string_append (out, "it");
}

/* Chair's action or a written resolution, taken or sent to the meeting. */
static void
text_urgent (GString *out, const Ctx *x)
{
  const GsRecUrgent *u = &x->r->urgent;
  const GsBody *b = GS_BODY (x->s, x->r->body);
  /* A body with no urgent route may have no members (committees in
   * common): its chair is named only for chair's action. */
  const char *chair = b->chair >= 0 && (guint)b->chair < b->n_members
                          ? GS_PERSON (x->s, b->members[b->chair].person)->name
                          : "?";
  const char *who = b->urgent_with_ce ? " with the chief executive" : "";
  switch ((GsUrgentOutcome)u->outcome)
    {
      case GS_URGENT_TAKEN:
        if (u->written)
          g_string_append_printf (
              out,
              "'%s' approved by written resolution of %s on day %d of %u: "
              "%d of %d members in favour, %d needed",
              x->title, b->name, u->days, b->urgent_days, u->votes_for,
              u->members, u->needed);
        else
          {
            g_string_append_printf (out,
                                    "'%s' approved by chair's action (%s%s) "
                                    "for %s",
                                    x->title, chair, who, b->name);
            /* A proposal with no sum is not "worth £0", and a limit it
             * cannot reach is not worth citing; a missing limit is. */
            gboolean limit = b->urgent_limit < GS_VALUE_MAX;
            if (x->c->value > 0)
              {
                g_string_append (out, ", worth ");
                gs_phrase_money (out, x->c->value);
              }
            else
              g_string_append (out, "; no sum of money is involved");
            if (x->c->value > 0 && limit)
              {
                g_string_append (out, ", within the limit of ");
                gs_phrase_money (out, b->urgent_limit);
              }
            else if (!limit)
              g_string_append_printf (out,
                                      "%s the terms of reference set no "
                                      "financial limit on chair's action",
                                      x->c->value > 0 ? ";" : ", and");
          }
        next_meeting (out, "; reported to the meeting of ",
                      "; not reported: ", x->r->when);
        return;
      case GS_URGENT_OVER_LIMIT:
        g_string_append_printf (out, "'%s' is urgent but worth ", x->title);
        gs_phrase_money (out, x->c->value);
        g_string_append (out, ", above the ");
        gs_phrase_money (out, b->urgent_limit);
        g_string_append_printf (out, " chair's action may decide for %s",
                                b->name);
        break;
      case GS_URGENT_AWAY:
        g_string_append_printf (
            out,
            "'%s' is urgent but the chair%s of %s cannot "
            "act (away)",
            x->title, b->urgent_with_ce ? " or chief executive" : "", b->name);
        break;
      case GS_URGENT_DECLINED:
        g_string_append_printf (
            out,
            "%s%s did not take chair's action on '%s' "
            "for %s",
            chair, b->urgent_with_ce ? " and the chief executive" : "",
            x->title, b->name);
        break;
      case GS_URGENT_CONFLICTED:
        urgent_conflicted (out, x, chair);
        next_meeting (out, ": left to the meeting of ", ": ", x->r->when);
        return;
      case GS_URGENT_NO_ROUTE:
        if (b->kind == GS_BODY_CIC)
          g_string_append_printf (out,
                                  "'%s' is urgent, but %s has no urgent "
                                  "route: committees in common decide only "
                                  "at their meeting in common",
                                  x->title, b->name);
        else
          g_string_append_printf (out,
                                  "'%s' is urgent, but %s has no urgent "
                                  "route in its terms of reference",
                                  x->title, b->name);
        break;
      case GS_URGENT_NOT_REACHED:
      default:
        g_string_append_printf (
            out,
            "'%s' not carried by written resolution of %s after %d of %u "
            "days: %d of %d members in favour, %d needed",
            x->title, b->name, u->days, b->urgent_days, u->votes_for,
            u->members, u->needed);
        break;
    }
  next_meeting (out, "; it goes to the meeting of ", "; ", x->r->when);
}

static const RecordText texts[] = {
  [GS_REC_ARRIVED] = text_arrived,
  [GS_REC_MEETING] = text_meeting,
  [GS_REC_INQUORATE] = text_inquorate,
  [GS_REC_ITEM_INQUORATE] = text_item_inquorate,
  [GS_REC_APPROVED] = text_vote,
  [GS_REC_REJECTED] = text_vote,
  [GS_REC_TIED] = text_tied,
  [GS_REC_BLOCKED] = text_blocked,
  [GS_REC_NO_VOTES] = text_no_votes,
  [GS_REC_CONSTITUENT] = text_constituent,
  [GS_REC_SPLIT] = text_split,
  [GS_REC_CONFLICT] = text_conflict,
  [GS_REC_CARRIED] = text_carried,
  [GS_REC_DEADLINE_MISSED] = text_deadline_missed,
  [GS_REC_PENDING_AT_END] = text_pending,
  [GS_REC_GATE_OPEN] = text_gate_open,
  [GS_REC_GATE_SKIPPED] = text_gate_skipped,
  [GS_REC_GATE_PASSED] = text_gate_settled,
  [GS_REC_GATE_FAILED] = text_gate_settled,
  [GS_REC_RETURNED] = text_returned,
  [GS_REC_ESCALATED] = text_escalated,
  [GS_REC_LEVEL] = text_level,
  [GS_REC_LEVEL_FAILED] = text_level_failed,
  [GS_REC_RESOLVED] = text_resolved,
  [GS_REC_EXHAUSTED] = text_exhausted,
  [GS_REC_DECIDED] = text_decided,
  [GS_REC_BREACH] = text_breach,
  [GS_REC_BREACH_VOTE] = text_breach,
  [GS_REC_AMENDED] = text_amended,
  [GS_REC_URGENT] = text_urgent,
};
G_STATIC_ASSERT (G_N_ELEMENTS (texts) == GS_N_RECORD_KINDS);

void
gs_report_text_record (GString *out, const GsRun *run, const GsRecord *r,
                       const guint32 *refs)
{
  g_return_if_fail (out != NULL && run != NULL && r != NULL);
  g_return_if_fail ((guint)r->kind < GS_N_RECORD_KINDS);
  /* Without its list a record cannot be worded (and its second list is
   * found at refs + r->n_refs). */
  g_return_if_fail (refs != NULL || r->n_refs + r->n_refs2 == 0);
  g_autofree char *title
      = r->item != GS_NONE ? gs_run_case_title (run, r->item) : NULL;
  Ctx x = { .run = run,
            .s = gs_run_get_scenario (run),
            .r = r,
            .refs = refs,
            .c = r->item != GS_NONE ? gs_run_get_case (run, r->item) : NULL,
            .title = title };
  char d[GS_DATE_BUF];
  g_string_append_printf (out, "%s ", gs_time_format_date (r->time, d));
  texts[r->kind](out, &x);
  g_string_append_c (out, '\n');
}

void
gs_report_text_trace (const GsRun *run, GString *out)
{
  for (guint i = 0; i < gs_run_n_records (run); i++)
    {
      const GsRecord *r = gs_run_get_record (run, i);
      gs_report_text_record (out, run, r, gs_run_record_refs (run, r));
    }
}

/* gs-report.c — the plain-text summary and trace of a run.
 *
 * The summary is a few fixed-width tables; the trace is one dated sentence
 * per record, in the register of a company secretary's minute: who met,
 * who was there, what was decided and by how many votes, what slipped.
 * Names come from the scenario and may be any UTF-8, so column padding and
 * truncation count characters, not bytes.
 */
#include "run/gs-run-private.h"

#include <govsim/gs-authority.h>
#include <govsim/gs-phrase.h>
#include <govsim/gs-report.h>
#include <govsim/gs-summary.h>

#include <math.h>

/* Column widths, in characters, of the names in the summary tables. */
enum
{
  BODY_W = 34,
  MATTER_W = 26,
};

/* Appends @text cut or padded to @width characters. */
static void
append_cell (GString *out, const char *text, glong width)
{
  glong len = g_utf8_strlen (text, -1);
  if (len > width)
    {
      const char *cut = g_utf8_offset_to_pointer (text, width - 1);
      g_string_append_len (out, text, cut - text);
      g_string_append (out, "…");
    }
  else
    {
      g_string_append (out, text);
      for (glong i = len; i < width; i++)
        g_string_append_c (out, ' ');
    }
}

static void
append_days (GString *out, double days)
{
  if (isnan (days))
    g_string_append_printf (out, "%8s", "-");
  else
    g_string_append_printf (out, "%8.1f", days);
}

static const char *
date_str (GsTime t, char buf[GS_DATE_BUF])
{
  return gs_time_format_date (t, buf);
}

/* "Finance Committee (Trust A)"; the organisation is named only when the
 * scenario has more than one, where it tells the reader whose body it is. */
static void
append_body (GString *out, const GsScenario *s, guint32 bi)
{
  const GsBody *b = GS_BODY (s, bi);
  g_string_append (out, b->name);
  if (b->org >= 0 && s->organisations->len > 1)
    g_string_append_printf (out, " (%s)", GS_ORG (s, b->org)->name);
}

typedef enum
{
  REF_PERSON,
  REF_ORG,
  REF_BODY,
} RefKind;

/* "A", "A and B", "A, B and C" from the record's list. */
static void
append_refs (GString *out, const GsRun *run, const GsRecord *r, RefKind kind)
{
  const GsScenario *s = run->scenario;
  const guint32 *refs = gs_run_record_refs (run, r);
  for (guint i = 0; i < r->n_refs; i++)
    {
      if (i > 0)
        g_string_append (out, i + 1 == r->n_refs ? " and " : ", ");
      g_string_append (out, kind == REF_PERSON ? GS_PERSON (s, refs[i])->name
                            : kind == REF_ORG  ? GS_ORG (s, refs[i])->name
                                               : GS_BODY (s, refs[i])->name);
    }
}

static void
append_inquorate (GString *out, const GsRun *run, const GsRecord *r)
{
  const GsScenario *s = run->scenario;
  const char *roles[]
      = { "chair",     "NED",      "chief executive", "finance director",
          "executive", "governor", "officer",         "external member" };
  switch ((GsQuorumResult)r->d)
    {
      case GS_QUORUM_FAIL_PRESENT:
        g_string_append_printf (out, "%d of %d present, quorum %d", r->a, r->b,
                                r->c);
        break;
      case GS_QUORUM_FAIL_FRACTION:
        g_string_append_printf (out,
                                "%d of %d present, quorum %d (a share of "
                                "the members)",
                                r->a, r->b, r->c);
        break;
      case GS_QUORUM_FAIL_CHAIR:
        g_string_append (out, "the chair is absent and no deputy attends");
        break;
      case GS_QUORUM_FAIL_ROLE:
        g_string_append_printf (out, "%d %s%s present, the quorum needs %d",
                                r->a,
                                r->e >= 0 && r->e < 8 ? roles[r->e] : "member",
                                r->a == 1 ? "" : "s", r->c);
        break;
      case GS_QUORUM_FAIL_PARTY:
        g_string_append_printf (out,
                                "%d present from %s, the quorum needs %d "
                                "from each party",
                                r->a, r->e >= 0 ? GS_ORG (s, r->e)->name : "?",
                                r->c);
        break;
      case GS_QUORUM_MET:
      default:
        g_string_append (out, "quorum not met");
        break;
    }
}

/* "3 for, 1 against and 1 abstention" */
static void
append_votes (GString *out, const GsRecord *r)
{
  g_string_append_printf (out, "%d for and %d against", r->a, r->b);
  if (r->c > 0)
    g_string_append_printf (out, ", %d abstention%s", r->c,
                            r->c == 1 ? "" : "s");
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

/* "<prefix>2024-06-11", or "<none>no meeting left ..." when there is none. */
static void
append_next_meeting (GString *out, const char *prefix, const char *none,
                     GsTime when)
{
  char d[GS_DATE_BUF];
  if (when == GS_TIME_NEVER)
    g_string_append_printf (
        out, "%sno meeting left before the end of the period", none);
  else
    g_string_append_printf (out, "%s%s", prefix, date_str (when, d));
}

/* "gateway 2 of 3, Acute Alliance Joint Committee" */
static void
append_gateway (GString *out, const GsScenario *s, guint32 pathway, guint32 g)
{
  const GsPathway *pw = GS_PATHWAY (s, pathway);
  const GsGateway *gw = &pw->gateways[g];
  g_string_append_printf (out, "gateway %u of %u, ", g + 1, pw->n_gateways);
  if (gw->name != NULL)
    {
      g_string_append (out, gw->name);
      return;
    }
  for (guint k = 0; k < gw->n_bodies; k++)
    {
      if (k > 0)
        g_string_append (out, k + 1 == gw->n_bodies ? " and " : ", ");
      g_string_append (out, GS_BODY (s, gw->bodies[k])->name);
    }
}

static const char *
ordinal_suffix (gint32 n)
{
  if (n % 100 >= 11 && n % 100 <= 13)
    return "th";
  return n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
}

static void
append_level (GString *out, const GsScenario *s, gint32 ladder, gint32 level)
{
  const GsLadder *l = GS_LADDER (s, ladder);
  g_string_append_printf (out, "level %d of %s (%s)", level + 1, l->name,
                          l->levels[level].name);
}

static const char *const trigger_words[] = {
  "the vote tied with no casting vote",
  "consensus was blocked",
  "the committees in common split",
  "meetings were inquorate",
  "its deadline is near",
};

static const char *
trigger_text (gint32 trigger)
{
  for (guint i = 0; i < G_N_ELEMENTS (trigger_words); i++)
    if (trigger == (1 << i))
      return trigger_words[i];
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
      case GS_LEVEL_BINDING:
      default:
        return "binding arbitration";
    }
}

static const char *
state_word (GsCaseState st)
{
  switch (st)
    {
      case GS_CASE_APPROVED:
        return "approved";
      case GS_CASE_REJECTED:
        return "rejected";
      case GS_CASE_GRIDLOCKED:
        return "GRIDLOCKED";
      case GS_CASE_WAITING:
      default:
        return "pending";
    }
}

/* "still at gateway 2 of 3, X after 40 days there" (or, for a proposal sent
 * straight to a body, "still waiting for Body after 40 days there"), and
 * the escalation level when it sits in a dispute. */
static void
append_where (GString *out, const GsRun *run, const GsRecord *r,
              const GsCase *c)
{
  const GsScenario *s = run->scenario;
  if (r->a < 0)
    return;
  if (GS_PATHWAY (s, c->pathway)->implicit)
    {
      g_string_append (out, "still waiting for ");
      if (r->body != GS_NONE)
        append_body (out, s, r->body);
      else
        g_string_append (out, "an escalation forum");
    }
  else
    {
      g_string_append (out, "still at ");
      append_gateway (out, s, c->pathway, (guint32)r->a);
    }
  g_string_append_printf (out, " after %d day%s there", r->c,
                          r->c == 1 ? "" : "s");
  if (r->d > 0)
    g_string_append_printf (out, ", in dispute at escalation level %d%s", r->d,
                            r->body != GS_NONE ? "" : " (an outside forum)");
}

static void
append_vote_record (GString *out, const GsRun *run, const GsRecord *r,
                    const char *title, const GsCase *c)
{
  const GsScenario *s = run->scenario;
  append_body (out, s, r->body);
  if (r->f == GS_VOTE_LEVEL)
    g_string_append (out, " (escalation)");
  if (r->f == GS_VOTE_RECOMMEND)
    g_string_append_printf (out, ": '%s' %s, ", title,
                            r->kind == GS_REC_APPROVED ? "recommended"
                                                       : "not recommended");
  else
    g_string_append_printf (out, ": '%s' %s, ", title,
                            r->kind == GS_REC_APPROVED ? "approved"
                                                       : "rejected");
  if (r->e < 0)
    g_string_append_printf (out, "%d of %d constituent committees in favour",
                            r->a, r->a + r->b);
  else
    append_votes (out, r);
  if (r->d)
    g_string_append (out, " — decided on the chair's casting vote");
  g_string_append_printf (out, " (%.0f days after arrival)",
                          gs_time_days_between (c->arrives, r->time));
  if (r->kind == GS_REC_APPROVED && s->organisations->len > 1 && r->n_refs > 0)
    {
      g_string_append (out, "; binds ");
      append_refs (out, run, r, REF_ORG);
    }
}

/* ---- breaches of delegation limits -------------------------------------- */

/* "delegation 'fic-capital' (line 91)", or "the delegation on line 91". */
static void
append_delegation (GString *out, const GsScenario *s, gint32 di)
{
  const GsDelegation *d = GS_DELEGATION (s, di);
  if (d->id != NULL)
    g_string_append_printf (out, "delegation '%s' (line %d)", d->id, d->line);
  else
    g_string_append_printf (out, "the delegation on line %d", d->line);
}

/* Why delegation @di is not in force at @t. */
static void
append_not_in_force (GString *out, const GsScenario *s, gint32 di, GsTime t,
                     guint matter)
{
  const GsDelegation *d = GS_DELEGATION (s, di);
  char day[GS_DATE_BUF];
  append_delegation (out, s, di);
  if (t < d->from)
    {
      g_string_append_printf (out, " is not in force until %s",
                              date_str (d->from, day));
      return;
    }
  switch (d->ended)
    {
      case GS_END_WITHDRAWN:
        g_string_append_printf (out, " was withdrawn on %s",
                                date_str (d->until, day));
        break;
      case GS_END_AMENDED:
        g_string_append_printf (
            out, " was amended on %s and no longer covers %s",
            date_str (d->until, day), GS_MATTER (s, matter)->name);
        break;
      case GS_END_LEFT:
        g_string_append_printf (
            out, " ended when %s left the collaborative on %s",
            GS_ORG (s, d->org)->name, date_str (d->until, day));
        break;
      default:
        g_string_append_printf (out, " expired on %s",
                                date_str (d->until, day));
        break;
    }
}

/* "Board → Finance Committee (line 91) → Chief Executive (line 93)" */
static void
append_chain (GString *out, const GsRun *run, const GsRecord *r)
{
  const GsScenario *s = run->scenario;
  const guint32 *links = gs_run_record_refs (run, r);
  g_string_append (out, GS_BODY (s, GS_DELEGATION (s, links[0])->by)->name);
  for (guint i = 0; i < r->n_refs; i++)
    {
      const GsDelegation *d = GS_DELEGATION (s, links[i]);
      g_string_append_printf (out, " → %s (line %d)", GS_BODY (s, d->to)->name,
                              d->line);
    }
}

void
gs_report_append_breach (GString *out, const GsRun *run, const GsRecord *r)
{
  const GsScenario *s = run->scenario;
  const GsCase *c = gs_run_get_case (run, r->item);
  g_autofree char *title = gs_run_case_title (run, r->item);
  const char *matter = GS_MATTER (s, c->matter)->name;
  const char *org = r->b >= 0 ? GS_ORG (s, r->b)->name : NULL;
  const GsDelegation *d = r->c >= 0 ? GS_DELEGATION (s, r->c) : NULL;

  append_body (out, s, r->body);
  if (r->a == GS_BREACH_CONFLICTED_VOTED)
    {
      g_string_append_printf (out, ": on '%s', ", title);
      append_refs (out, run, r, REF_PERSON);
      g_string_append (out, " voted despite a declared conflict of interest: "
                            "its terms of reference only require a "
                            "declaration");
      return;
    }
  g_string_append_printf (out, " approved '%s' (%s", title, matter);
  if (c->value > 0)
    {
      g_string_append (out, ", ");
      gs_phrase_money (out, c->value);
    }
  g_string_append (out, ")");
  switch ((GsBreach)r->a)
    {
      case GS_BREACH_AFFECTED_NO_SAY:
        g_string_append_printf (out,
                                ", binding %s, which the proposal affects but "
                                "which has no member on %s",
                                org, GS_BODY (s, r->body)->name);
        return;
      case GS_BREACH_RESERVED:
        g_string_append_printf (out,
                                " for %s, but the scheme of %s reserves %s to "
                                "its board",
                                org, org, matter);
        return;
      case GS_BREACH_NO_AUTHORITY:
      case GS_BREACH_JC_UNDELEGATED:
        if (r->a == GS_BREACH_JC_UNDELEGATED)
          g_string_append_printf (out,
                                  ", binding %s, which has not delegated %s "
                                  "to it",
                                  org, matter);
        else
          g_string_append_printf (out, " without authority from %s", org);
        if (d != NULL)
          {
            g_string_append (out, ": ");
            append_not_in_force (out, s, r->c, r->time, c->matter);
          }
        else
          g_string_append_printf (out,
                                  ": the scheme of %s delegates no %s "
                                  "decisions to it",
                                  org, matter);
        break;
      case GS_BREACH_OVER_LIMIT:
        g_string_append_printf (out, " for %s, over the limit: ", org);
        append_delegation (out, s, r->c);
        g_string_append_printf (out, " from %s covers %s up to ",
                                GS_BODY (s, d->by)->name, matter);
        gs_phrase_money (out, d->limit);
        break;
      case GS_BREACH_SUB_BEYOND:
        {
          /* The links before the last are the delegator's own chain, as
           * far as it goes: its last one is where the delegator fell
           * short. */
          const guint32 *links = gs_run_record_refs (run, r);
          g_string_append_printf (out,
                                  " for %s through a sub-delegation beyond "
                                  "what its delegator held: %s passed it on "
                                  "by ",
                                  org, GS_BODY (s, d->by)->name);
          append_delegation (out, s, r->c);
          if (r->e == GS_AUTH_OVER_LIMIT && r->n_refs >= 2)
            {
              gint32 up = (gint32)links[r->n_refs - 2];
              g_string_append (out, ", but itself holds it only up to ");
              gs_phrase_money (out, GS_DELEGATION (s, up)->limit);
              g_string_append (out, " by ");
              append_delegation (out, s, up);
            }
          else if (r->e == GS_AUTH_NOT_IN_FORCE && r->n_refs >= 2)
            {
              g_string_append (out, ", but its own ");
              append_not_in_force (out, s, (gint32)links[r->n_refs - 2],
                                   r->time, c->matter);
            }
          else
            g_string_append_printf (
                out, ", but itself holds no delegation of %s", matter);
        }
        break;
      case GS_BREACH_SUB_FORBIDDEN:
        {
          const guint32 *links = gs_run_record_refs (run, r);
          g_string_append_printf (out,
                                  " for %s through a sub-delegation that was "
                                  "not allowed: %s passed it on by ",
                                  org, GS_BODY (s, d->by)->name);
          append_delegation (out, s, r->c);
          g_string_append (out, ", but ");
          if (r->n_refs >= 2)
            append_delegation (out, s, (gint32)links[r->n_refs - 2]);
          else
            g_string_append (out, "its own delegation");
          g_string_append (out, ", which gave it the matter, does not allow "
                                "sub-delegation");
        }
        break;
      default:
        g_assert_not_reached ();
    }
  if (r->n_refs > 0)
    {
      g_string_append (out, " [chain: ");
      append_chain (out, run, r);
      g_string_append (out, "]");
    }
}

static void
append_record (GString *out, const GsRun *run, const GsRecord *r)
{
  const GsScenario *s = run->scenario;
  char d[GS_DATE_BUF];
  g_autofree char *title
      = r->item != GS_NONE ? gs_run_case_title (run, r->item) : NULL;
  const GsCase *c = r->item != GS_NONE ? gs_run_get_case (run, r->item) : NULL;

  g_string_append_printf (out, "%s ", date_str (r->time, d));
  switch (r->kind)
    {
      case GS_REC_ARRIVED:
        g_string_append_printf (out, "'%s' (%s", title,
                                GS_MATTER (s, c->matter)->name);
        if (c->value > 0)
          {
            g_string_append (out, ", ");
            gs_phrase_money (out, c->value);
          }
        if (r->body != GS_NONE)
          {
            g_string_append (out, ") arrives for ");
            append_body (out, s, r->body);
          }
        else
          g_string_append_printf (out, ") arrives and follows the pathway '%s'",
                                  GS_PATHWAY (s, c->pathway)->name);
        if (c->due != GS_TIME_NEVER)
          g_string_append_printf (out, ", due by %s", date_str (c->due - 1, d));
        if (r->body != GS_NONE)
          append_next_meeting (out, "; first possible meeting ", "; ", r->when);
        break;
      case GS_REC_GATE_OPEN:
        {
          const GsGateway *gw = &GS_PATHWAY (s, r->b)->gateways[r->a];
          g_string_append_printf (out, "'%s': ", title);
          append_gateway (out, s, (guint32)r->b, (guint32)r->a);
          g_string_append (out, " opens");
          if (gw->recommend)
            g_string_append (out, " (recommendation only)");
          else if (gw->n_bodies > 1 && gw->need == GS_GATE_ALL)
            g_string_append_printf (out, " (all %u must approve)",
                                    gw->n_bodies);
          else if (gw->n_bodies > 1)
            g_string_append_printf (out, " (%u of %u must approve)", gw->need_n,
                                    gw->n_bodies);
          append_next_meeting (out, "; first possible meeting ", "; ", r->when);
          break;
        }
      case GS_REC_GATE_SKIPPED:
        {
          const GsGateway *gw = &GS_PATHWAY (s, r->b)->gateways[r->a];
          g_string_append_printf (out, "'%s' skips ", title);
          append_gateway (out, s, (guint32)r->b, (guint32)r->a);
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
          break;
        }
      case GS_REC_GATE_PASSED:
      case GS_REC_GATE_FAILED:
        {
          const GsGateway *gw = &GS_PATHWAY (s, r->b)->gateways[r->a];
          if (gw->recommend)
            {
              g_string_append_printf (out, "'%s' moves on from ", title);
              append_gateway (out, s, (guint32)r->b, (guint32)r->a);
              g_string_append_printf (
                  out, ": %d of %d recommended it%s", r->c, r->f,
                  r->c < r->f ? "; a recommendation cannot block" : "");
              break;
            }
          g_string_append_printf (out, "'%s' %s ", title,
                                  r->kind == GS_REC_GATE_PASSED ? "passes"
                                                                : "fails");
          append_gateway (out, s, (guint32)r->b, (guint32)r->a);
          g_string_append_printf (out, ": %d of %d approved", r->c, r->f);
          if (r->d > 0)
            g_string_append_printf (out, ", %d rejected", r->d);
          if (r->e > 0)
            g_string_append_printf (out, ", %d gridlocked", r->e);
          if (gw->n_bodies > 1)
            g_string_append_printf (out, " (%u needed)", gw->need_n);
          break;
        }
      case GS_REC_RETURNED:
        g_string_append_printf (out, "'%s' goes back from ", title);
        append_gateway (out, s, (guint32)r->b, (guint32)r->a);
        g_string_append (out, " to ");
        append_gateway (out, s, (guint32)r->b, (guint32)r->c);
        g_string_append_printf (out, " (return %d of at most %d)", r->d, r->e);
        break;
      case GS_REC_ESCALATED:
        append_body (out, s, r->body);
        g_string_append_printf (out,
                                ": '%s' goes to dispute resolution under "
                                "'%s' — %s",
                                title, GS_LADDER (s, r->a)->name,
                                trigger_text (r->b));
        break;
      case GS_REC_LEVEL:
        {
          const GsLevel *l = &GS_LADDER (s, r->a)->levels[r->b];
          g_string_append_printf (out, "'%s' reaches ", title);
          append_level (out, s, r->a, r->b);
          g_string_append_printf (out, ": %s", method_text (l->method));
          if (!gs_duration_is_zero (&l->cooling_off))
            g_string_append_printf (
                out, " after cooling off until %s",
                date_str (gs_time_add (r->time, &l->cooling_off, 1), d));
          g_string_append_printf (out, ", by %s", date_str (r->when, d));
          if (r->c > 1)
            g_string_append_printf (out, " (%d%s level climbed)", r->c,
                                    ordinal_suffix (r->c));
          break;
        }
      case GS_REC_LEVEL_FAILED:
        g_string_append_printf (out, "'%s': ", title);
        append_level (out, s, r->a, r->b);
        switch ((GsLevelFailure)r->c)
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
            case GS_FAIL_UNAVAILABLE:
            default:
              g_string_append (out, " could not act: the person who decides "
                                    "is away");
              break;
          }
        break;
      case GS_REC_RESOLVED:
        g_string_append_printf (out, "'%s': ", title);
        append_level (out, s, r->a, r->b);
        g_string_append_printf (out, " settles the dispute — %s",
                                r->c ? "approved" : "rejected");
        break;
      case GS_REC_EXHAUSTED:
        append_body (out, s, r->body);
        g_string_append_printf (out,
                                ": the dispute over '%s' has climbed %d "
                                "level%s and none is left (last ladder '%s') "
                                "— no binding decision",
                                title, r->b, r->b == 1 ? "" : "s",
                                GS_LADDER (s, r->a)->name);
        break;
      case GS_REC_DECIDED:
        g_string_append_printf (out,
                                "Outcome: '%s' %s, %.0f days after "
                                "arrival",
                                title, state_word ((GsCaseState)r->a),
                                gs_time_days_between (c->arrives, r->time));
        break;
      case GS_REC_MEETING:
        append_body (out, s, r->body);
        if (GS_BODY (s, r->body)->kind == GS_BODY_OFFICER)
          {
            g_string_append_printf (out, ": available; %d item%s to decide",
                                    r->d, r->d == 1 ? "" : "s");
            break;
          }
        g_string_append_printf (out, ": quorate — %d of %d present", r->a,
                                r->b);
        if (r->c > 0)
          g_string_append_printf (out, ", quorum %d", r->c);
        if (r->f > 0)
          g_string_append_printf (out, " (%d as deput%s)", r->f,
                                  r->f == 1 ? "y" : "ies");
        g_string_append_printf (out, "; %d item%s to decide", r->d,
                                r->d == 1 ? "" : "s");
        break;
      case GS_REC_INQUORATE:
        append_body (out, s, r->body);
        if (GS_BODY (s, r->body)->kind == GS_BODY_OFFICER)
          {
            g_string_append (out, ": not available to decide");
            break;
          }
        if (r->item != GS_NONE)
          {
            g_string_append_printf (out,
                                    ": inquorate for '%s' once conflicted "
                                    "members are left out — ",
                                    title);
            append_inquorate (out, run, r);
            break;
          }
        g_string_append (out, ": inquorate — ");
        append_inquorate (out, run, r);
        if (r->n_refs > 0)
          {
            g_string_append (out, "; absent: ");
            append_refs (out, run, r, REF_PERSON);
          }
        break;
      case GS_REC_APPROVED:
      case GS_REC_REJECTED:
        append_vote_record (out, run, r, title, c);
        break;
      case GS_REC_TIED:
        append_body (out, s, r->body);
        g_string_append_printf (out,
                                ": '%s' not carried — the vote tied %d–%d and "
                                "there is no casting vote",
                                title, r->a, r->b);
        break;
      case GS_REC_BLOCKED:
        append_body (out, s, r->body);
        g_string_append_printf (out, ": '%s' blocked — no consensus: ", title);
        append_refs (out, run, r, REF_PERSON);
        g_string_append (out, " objected");
        break;
      case GS_REC_NO_VOTES:
        append_body (out, s, r->body);
        g_string_append_printf (out,
                                ": '%s' not carried — nobody voted for or "
                                "against",
                                title);
        break;
      case GS_REC_CONSTITUENT:
        append_body (out, s, r->body);
        g_string_append_printf (out, ", meeting in common: '%s' %s, ", title,
                                outcome_word ((GsVoteOutcome)r->e));
        append_votes (out, r);
        if (r->d)
          g_string_append (out, " — on the chair's casting vote");
        if (r->e == GS_OUTCOME_BLOCKED)
          {
            g_string_append (out, "; objecting: ");
            append_refs (out, run, r, REF_PERSON);
          }
        break;
      case GS_REC_SPLIT:
        append_body (out, s, r->body);
        g_string_append_printf (out, ": split on '%s' — approved by ", title);
        if (r->n_refs == 0)
          g_string_append (out, "none");
        else
          append_refs (out, run, r, REF_BODY);
        g_string_append_printf (out, " (%d of %d)", r->a, r->b);
        break;
      case GS_REC_CONFLICT:
        append_body (out, s, r->body);
        g_string_append_printf (out, ": on '%s', ", title);
        append_refs (out, run, r, REF_PERSON);
        if (r->a)
          g_string_append (out, r->n_refs == 1
                                    ? " declares a conflict of interest and "
                                      "stays in the vote"
                                    : " declare a conflict of interest and "
                                      "stay in the vote");
        else
          {
            g_string_append (out, r->n_refs == 1 ? " is" : " are");
            g_string_append (out, " excluded from the vote (declared "
                                  "conflict of interest)");
          }
        break;
      case GS_REC_BREACH:
        g_string_append_printf (
            out, "BREACH (%s): ", gs_breach_to_string ((GsBreach)r->a));
        gs_report_append_breach (out, run, r);
        break;
      case GS_REC_CARRIED:
        append_body (out, s, r->body);
        g_string_append_printf (out, ": '%s' carried over", title);
        append_next_meeting (out, " to ", "; ", r->when);
        if (r->a == GS_CARRY_INQUORATE
            && GS_BODY (s, r->body)->kind == GS_BODY_OFFICER)
          g_string_append (out, " (not available)");
        else if (r->a == GS_CARRY_INQUORATE && r->b > 1)
          g_string_append_printf (out, " (meeting inquorate, %d%s in a row)",
                                  r->b, ordinal_suffix (r->b));
        else if (r->a == GS_CARRY_INQUORATE)
          g_string_append (out, " (meeting inquorate)");
        else
          g_string_append_printf (out, " (agenda full: capacity %u)",
                                  GS_BODY (s, r->body)->calendar.capacity);
        break;
      case GS_REC_DEADLINE_MISSED:
        g_string_append_printf (out, "'%s' missed its deadline of %s, ", title,
                                date_str (c->due - 1, d));
        append_where (out, run, r, c);
        break;
      case GS_REC_PENDING_AT_END:
        g_string_append_printf (out,
                                "'%s' is still pending at the end of the "
                                "period (arrived %s): ",
                                title, date_str (c->arrives, d));
        append_where (out, run, r, c);
        break;
      default:
        g_assert_not_reached ();
    }
  g_string_append_c (out, '\n');
}

void
gs_report_text_trace (const GsRun *run, GString *out)
{
  for (guint i = 0; i < run->records->len; i++)
    append_record (out, run, &g_array_index (run->records, GsRecord, i));
}

/* ---- the summary -------------------------------------------------------- */

static void
append_count (GString *out, guint n, const char *one, const char *many)
{
  g_string_append_printf (out, "%u %s", n, n == 1 ? one : many);
}

/* "2 inquorate meetings, 3 ties and 1 blocked vote" from the non-zero
 * counts; nothing when all are zero. */
static void
append_stalls (GString *out, const GsBodyStats *b)
{
  struct
  {
    guint n;
    const char *one, *many;
  } parts[] = {
    { b->inquorate, "inquorate meeting", "inquorate meetings" },
    { b->ties, "tied vote", "tied votes" },
    { b->blocked, "blocked consensus", "blocked consensus votes" },
    { b->splits, "split of the committees in common",
      "splits of the committees in common" },
    { b->no_votes, "vote with no votes cast", "votes with no votes cast" },
  };
  guint shown = 0, total = 0;
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    total += parts[i].n > 0;
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (parts[i].n == 0)
        continue;
      if (shown > 0)
        g_string_append (out, shown + 1 == total ? " and " : ", ");
      append_count (out, parts[i].n, parts[i].one, parts[i].many);
      shown++;
    }
}

static void
append_hotspot (GString *out, const GsRun *run, const GsSummary *sum,
                const GsHotspot *h)
{
  const GsScenario *s = run->scenario;
  if (h->kind == GS_HOTSPOT_BODY)
    {
      const GsBodyStats *b
          = &g_array_index (sum->bodies, GsBodyStats, h->index);
      const GsBody *body = GS_BODY (s, b->body);
      append_body (out, s, b->body);
      g_string_append (out, ": ");
      gboolean any = FALSE;
      if (b->gridlocked > 0)
        {
          append_count (out, b->gridlocked, "dispute", "disputes");
          g_string_append (out, " ran out of escalation levels (gridlock)");
          any = TRUE;
        }
      if (h->stalls > 0)
        {
          g_string_append (out, any ? "; " : "");
          append_stalls (out, b);
          if (b->blocked > 0 && body->voting.rule == GS_RULE_CONSENSUS)
            g_string_append (out, " under its consensus rule");
          else if (b->ties > 0 && body->voting.casting == FALSE)
            g_string_append (out, " with no casting vote");
          any = TRUE;
        }
      if (b->disputes > 0)
        {
          g_string_append (out, any ? "; " : "");
          append_count (out, b->disputes, "dispute", "disputes");
          g_string_append (out, " escalated");
          any = TRUE;
        }
      if (b->pending > 0)
        {
          g_string_append (out, any ? "; " : "");
          append_count (out, b->pending, "item", "items");
          g_string_append (out, " still before it at the end");
        }
      if (b->days_held >= 0.5)
        g_string_append_printf (
            out, "; items waited %.0f days before it in all", b->days_held);
      return;
    }
  const GsGatewayStats *g
      = &g_array_index (sum->gateways, GsGatewayStats, h->index);
  g_string_append_printf (out, "pathway '%s', ",
                          GS_PATHWAY (s, g->pathway)->name);
  append_gateway (out, s, g->pathway, g->gateway);
  g_string_append_printf (out, ": reached %u time%s, passed %u", g->reached,
                          g->reached == 1 ? "" : "s", g->passed);
  if (g->failed > 0)
    g_string_append_printf (out, ", failed %u", g->failed);
  if (g->gridlocked > 0)
    g_string_append_printf (out, " (%u gridlocked)", g->gridlocked);
  if (g->open_at_end > 0)
    g_string_append_printf (out, ", still open for %u at the end",
                            g->open_at_end);
  g_string_append_printf (out, "; open %.0f days in all", g->days_open);
}

static void
append_outcome_row (GString *out, const GsOutcomeStats *o)
{
  g_string_append_printf (out, "%7u %8u %8u %6u %7u", o->arrived, o->approved,
                          o->rejected, o->gridlocked, o->pending);
  append_days (out, o->median_days);
  append_days (out, o->p90_days);
  g_string_append_printf (out, " %6u %9u %7u\n", o->missed, o->escalated,
                          o->climbed);
}

static void
append_outcome_header (GString *out, const char *first, glong w1,
                       const char *second, glong w2, const char *what)
{
  append_cell (out, first, w1 + 1);
  if (second)
    append_cell (out, second, w2 + 1);
  g_string_append_printf (out,
                          "%7s approved rejected gridlk pending  median"
                          "     p90 missed escalated  levels\n",
                          what);
  append_cell (out, "", w1 + 1 + (second ? w2 + 1 : 0));
  g_string_append (out, "                                           days    "
                        "days\n");
}

/* Each case's records, in order, through a linked list built in one pass. */
static void
append_journeys (GString *out, const GsRun *run)
{
  guint n = run->cases->len;
  if (n == 0 || run->records->len == 0)
    return;
  g_autofree guint32 *head = g_new (guint32, n);
  g_autofree guint32 *tail = g_new (guint32, n);
  g_autofree guint32 *next = g_new (guint32, run->records->len);
  for (guint i = 0; i < n; i++)
    head[i] = tail[i] = GS_NONE;
  for (guint32 i = 0; i < run->records->len; i++)
    {
      const GsRecord *r = &g_array_index (run->records, GsRecord, i);
      next[i] = GS_NONE;
      if (r->item == GS_NONE || r->kind == GS_REC_CONFLICT
          || r->kind == GS_REC_CONSTITUENT)
        continue;
      if (head[r->item] == GS_NONE)
        head[r->item] = i;
      else
        next[tail[r->item]] = i;
      tail[r->item] = i;
    }
  /* Long runs show only the journeys worth reading. */
  gboolean all = n <= 200;
  g_string_append_printf (out, "\nJourneys%s\n",
                          all ? "" : " of proposals that did not go smoothly");
  guint omitted = 0;
  for (guint i = 0; i < n; i++)
    {
      const GsCase *c = gs_run_get_case (run, i);
      if (!all && c->state != GS_CASE_GRIDLOCKED && c->state != GS_CASE_WAITING
          && !c->missed && c->disputes == 0 && c->returns == 0)
        {
          omitted++;
          continue;
        }
      g_autofree char *title = gs_run_case_title (run, i);
      g_string_append_printf (out, "\n'%s': %s", title, state_word (c->state));
      if (c->state != GS_CASE_WAITING)
        g_string_append_printf (out, " after %.0f days",
                                gs_time_days_between (c->arrives, c->decided));
      if (c->missed)
        g_string_append (out, ", deadline missed");
      g_string_append_c (out, '\n');
      for (guint32 k = head[i]; k != GS_NONE; k = next[k])
        {
          g_string_append (out, "  ");
          append_record (out, run, &g_array_index (run->records, GsRecord, k));
        }
    }
  if (omitted > 0)
    g_string_append_printf (out,
                            "\n(%u proposal%s decided without a dispute, a "
                            "return or a missed deadline %s not shown; the "
                            "trace has every step.)\n",
                            omitted, omitted == 1 ? "" : "s",
                            omitted == 1 ? "is" : "are");
}

/* The breaches of delegation limits: how many of each kind, then each one
 * (the first BREACH_LIST_MAX; the trace has them all). */
#define BREACH_LIST_MAX 20

static void
append_breaches (GString *out, const GsRun *run)
{
  const GsScenario *s = run->scenario;
  guint schemes = 0;
  for (guint i = 0; i < s->organisations->len; i++)
    schemes += GS_ORG (s, i)->has_scheme ? 1 : 0;
  guint count[GS_N_BREACHES] = { 0 };
  guint total = 0;
  for (guint i = 0; i < run->records->len; i++)
    {
      const GsRecord *r = &g_array_index (run->records, GsRecord, i);
      if (r->kind == GS_REC_BREACH)
        {
          count[r->a]++;
          total++;
        }
    }
  g_string_append (out, "\nWhere decisions breach delegation limits\n");
  if (schemes == 0)
    g_string_append (out, "  Authority not checked: no organisation in this "
                          "scenario has a scheme of delegation.\n");
  if (total == 0 && schemes == 0)
    {
      g_string_append (out, "  No conflicted member voted and every affected "
                            "organisation had a member on the bodies that "
                            "bound it.\n");
      return;
    }
  if (total == 0)
    {
      g_string_append_printf (out,
                              "  Nowhere: every approval was within the "
                              "authority its body held (%u of %u "
                              "organisation%s ha%s a scheme of delegation).\n",
                              schemes, s->organisations->len,
                              s->organisations->len == 1 ? "" : "s",
                              schemes == 1 ? "s" : "ve");
      return;
    }
  g_string_append_printf (out, "  %u breach%s: ", total,
                          total == 1 ? "" : "es");
  gboolean first = TRUE;
  for (guint k = 0; k < GS_N_BREACHES; k++)
    if (count[k] > 0)
      {
        g_string_append_printf (out, "%s%s %u", first ? "" : ", ",
                                gs_breach_to_string ((GsBreach)k), count[k]);
        first = FALSE;
      }
  g_string_append (out, ".\n");
  guint listed = 0;
  for (guint i = 0; i < run->records->len && listed < BREACH_LIST_MAX; i++)
    {
      const GsRecord *r = &g_array_index (run->records, GsRecord, i);
      if (r->kind != GS_REC_BREACH)
        continue;
      char d[GS_DATE_BUF];
      g_string_append_printf (out, "  %s ", date_str (r->time, d));
      gs_report_append_breach (out, run, r);
      g_string_append (out, ".\n");
      listed++;
    }
  if (total > listed)
    g_string_append_printf (out,
                            "  ...and %u more (run with --trace to see "
                            "every one).\n",
                            total - listed);
}

void
gs_report_text_summary (const GsRun *run, GString *out)
{
  const GsScenario *s = run->scenario;
  g_autoptr (GsSummary) sum = gs_summary_new (run);
  const GsOutcomeStats *all = &sum->all;
  char d1[GS_DATE_BUF], d2[GS_DATE_BUF];

  g_string_append_printf (out, "govsim run: %s\n", s->name);
  g_string_append_printf (
      out, "Period %s to %s (%.0f days), seed %" G_GUINT64_FORMAT "\n",
      date_str (s->start, d1), date_str (s->end - GS_MINUTES_PER_DAY, d2),
      gs_time_days_between (s->start, s->end), run->seed);
  g_string_append_printf (out,
                          "%u proposal%s arrived: %u approved, %u rejected, "
                          "%u gridlocked, %u still pending at the end; %u "
                          "missed a deadline; %u went to dispute "
                          "resolution.\n",
                          all->arrived, all->arrived == 1 ? "" : "s",
                          all->approved, all->rejected, all->gridlocked,
                          all->pending, all->missed, all->escalated);

  g_string_append (out, "\nWhere decisions gridlock\n");
  if (sum->hotspots->len == 0)
    g_string_append (out, "  Nowhere: every meeting was quorate, every vote "
                          "was carried or lost outright and nothing was "
                          "left waiting.\n");
  for (guint i = 0; i < MIN (sum->hotspots->len, 6); i++)
    {
      g_string_append_printf (out, "  %u. ", i + 1);
      append_hotspot (out, run, sum,
                      &g_array_index (sum->hotspots, GsHotspot, i));
      g_string_append (out, ".\n");
    }

  append_breaches (out, run);

  g_string_append (out, "\nProposals by matter type\n");
  append_outcome_header (out, "matter", MATTER_W, NULL, 0, "arrived");
  for (guint i = 0; i < sum->matters->len; i++)
    {
      const GsMatterStats *m = &g_array_index (sum->matters, GsMatterStats, i);
      append_cell (out, GS_MATTER (s, m->matter)->name, MATTER_W);
      g_string_append_c (out, ' ');
      append_outcome_row (out, &m->o);
    }

  g_string_append (out, "\nDecisions by body and matter (items that reached "
                        "the body; days from reaching it)\n");
  append_outcome_header (out, "body", BODY_W, "matter", MATTER_W, "reached");
  for (guint i = 0; i < sum->cells->len; i++)
    {
      const GsCellStats *c = &g_array_index (sum->cells, GsCellStats, i);
      append_cell (out, GS_BODY (s, c->body)->name, BODY_W);
      g_string_append_c (out, ' ');
      append_cell (out, GS_MATTER (s, c->matter)->name, MATTER_W);
      g_string_append_c (out, ' ');
      append_outcome_row (out, &c->o);
    }

  if (sum->gateways->len > 0)
    {
      g_string_append (out, "\nGateways\n");
      append_cell (out, "pathway and gateway", BODY_W + MATTER_W + 2);
      g_string_append (out, "reached  passed  failed skipped    open gridlk"
                            " days open\n");
      for (guint i = 0; i < sum->gateways->len; i++)
        {
          const GsGatewayStats *g
              = &g_array_index (sum->gateways, GsGatewayStats, i);
          g_autoptr (GString) label = g_string_new (NULL);
          g_string_append_printf (label,
                                  "%s: ", GS_PATHWAY (s, g->pathway)->name);
          append_gateway (label, s, g->pathway, g->gateway);
          append_cell (out, label->str, BODY_W + MATTER_W + 1);
          g_string_append_printf (out, " %7u %7u %7u %7u %7u %6u %9.0f\n",
                                  g->reached, g->passed, g->failed, g->skipped,
                                  g->open_at_end, g->gridlocked, g->days_open);
        }
    }

  g_string_append (out, "\nMeetings by body\n");
  append_cell (out, "body", BODY_W + 1);
  g_string_append (out, "meetings inquorate  carried    ties casting "
                        "blocked  splits conflicts disputes\n");
  for (guint i = 0; i < sum->bodies->len; i++)
    {
      const GsBodyStats *b = &g_array_index (sum->bodies, GsBodyStats, i);
      append_cell (out, GS_BODY (s, b->body)->name, BODY_W);
      g_string_append_c (out, ' ');
      g_string_append_printf (out, "%8u %9u %8u %7u %7u %7u %7u %9u %8u\n",
                              b->meetings, b->inquorate, b->carried, b->ties,
                              b->casting, b->blocked, b->splits, b->conflicts,
                              b->disputes);
    }

  append_journeys (out, run);
}

/* gs-text-breach.c — the sentence for a breach of a delegation limit:
 * who approved what (the body, or the level of its dispute procedure that
 * decided for it), for which organisation, and which link of the chain of
 * delegation fails, with the lines of the file that make it.
 */
#include "write/gs-text-private.h"

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
                              gs_time_format_date (d->from, day));
      return;
    }
  switch (d->ended)
    {
      case GS_END_WITHDRAWN:
        g_string_append_printf (out, " was withdrawn on %s",
                                gs_time_format_date (d->until, day));
        break;
      case GS_END_AMENDED:
        g_string_append_printf (
            out, " was amended on %s and no longer covers %s",
            gs_time_format_date (d->until, day), GS_MATTER (s, matter)->name);
        break;
      case GS_END_LEFT:
        g_string_append_printf (
            out, " ended when %s left the collaborative on %s",
            GS_ORG (s, d->org)->name, gs_time_format_date (d->until, day));
        break;
      default:
        g_string_append_printf (out, " expired on %s",
                                gs_time_format_date (d->until, day));
        break;
    }
}

/* "Board → Finance Committee (line 91) → Chief Executive (line 93)" */
static void
append_chain (GString *out, const GsScenario *s, const guint32 *links, guint n)
{
  g_string_append (out, GS_BODY (s, GS_DELEGATION (s, links[0])->by)->name);
  for (guint i = 0; i < n; i++)
    {
      const GsDelegation *d = GS_DELEGATION (s, links[i]);
      g_string_append_printf (out, " → %s (line %d)", GS_BODY (s, d->to)->name,
                              d->line);
    }
}

/* Who approved: the body, or the level of its dispute procedure that
 * decided for it ("the arbitrator at level 2 of Dispute procedure
 * (Arbitrator), deciding for Joint Committee"). */
static void
append_decider (GString *out, const GsScenario *s, const GsRecord *r)
{
  const GsRecBreach *br = &r->breach;
  if (br->decided_by == GS_DECIDED_BODY || br->ladder < 0 || br->level < 0)
    {
      gs__text_body (out, s, r->body);
      return;
    }
  const GsLevel *l = &GS_LADDER (s, br->ladder)->levels[br->level];
  const char *verb = "deciding";
  switch ((GsDecidedBy)br->decided_by)
    {
      case GS_DECIDED_CHAIR:
        g_string_append (out, l->person >= 0 ? GS_PERSON (s, l->person)->name
                                             : "The chair");
        break;
      case GS_DECIDED_MEDIATION:
        g_string_append (out, "The outcome agreed in mediation");
        verb = "adopted";
        break;
      case GS_DECIDED_REFERRAL:
        g_string_append (out, "The bodies referred to");
        break;
      case GS_DECIDED_BINDING:
      case GS_DECIDED_BODY:
      default:
        g_string_append (out, "The arbitrator");
        break;
    }
  g_string_append (out, " at ");
  gs__text_level (out, s, br->ladder, br->level);
  if (br->decided_by == GS_DECIDED_REFERRAL)
    {
      g_string_append (out, " (");
      for (guint j = 0; j < l->n_bodies; j++)
        {
          g_string_append (out, j == 0                 ? ""
                                : j + 1 == l->n_bodies ? " and "
                                                       : ", ");
          gs__text_body (out, s, l->bodies[j]);
        }
      g_string_append (out, ")");
    }
  g_string_append_printf (out, ", %s for ", verb);
  gs__text_body (out, s, r->body);
  g_string_append (out, ",");
}

void
gs_report_append_breach (GString *out, const GsRun *run, const GsRecord *r,
                         const guint32 *links)
{
  g_return_if_fail (out != NULL && run != NULL && r != NULL);
  g_return_if_fail (links != NULL || r->n_refs == 0);
  const GsScenario *s = gs_run_get_scenario (run);
  const GsCase *c = gs_run_get_case (run, r->item);
  g_autofree char *title = gs_run_case_title (run, r->item);
  const char *matter = GS_MATTER (s, c->matter)->name;
  const GsRecBreach *br = &r->breach;
  const char *org = br->org >= 0 ? GS_ORG (s, br->org)->name : NULL;
  const GsDelegation *d
      = br->delegation >= 0 ? GS_DELEGATION (s, br->delegation) : NULL;

  if (br->breach == GS_BREACH_CONFLICTED_VOTED)
    gs__text_body (out, s, r->body);
  else
    append_decider (out, s, r);
  if (br->breach == GS_BREACH_CONFLICTED_VOTED)
    {
      g_string_append_printf (out, ": on '%s', ", title);
      gs__text_list (out, s, GS_LIST_PERSON, links, r->n_refs);
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
  switch ((GsBreach)br->breach)
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
        if (br->breach == GS_BREACH_JC_UNDELEGATED)
          g_string_append_printf (out,
                                  ", binding %s, which has not delegated %s "
                                  "to it",
                                  org, matter);
        else
          g_string_append_printf (out, " without authority from %s", org);
        if (d != NULL)
          {
            g_string_append (out, ": ");
            append_not_in_force (out, s, br->delegation, r->time, c->matter);
          }
        else
          g_string_append_printf (out,
                                  ": the scheme of %s delegates no %s "
                                  "decisions to it",
                                  org, matter);
        break;
      case GS_BREACH_OVER_LIMIT:
        g_string_append_printf (out, " for %s, over the limit: ", org);
        append_delegation (out, s, br->delegation);
        g_string_append_printf (out, " from %s covers %s up to ",
                                GS_BODY (s, d->by)->name, matter);
        gs_phrase_money (out, d->limit);
        break;
      case GS_BREACH_SUB_BEYOND:
        {
          /* The links before the last are the delegator's own chain, as
           * far as it goes: its last one is where the delegator fell
           * short. */
          g_string_append_printf (out,
                                  " for %s through a sub-delegation beyond "
                                  "what its delegator held: %s passed it on "
                                  "by ",
                                  org, GS_BODY (s, d->by)->name);
          append_delegation (out, s, br->delegation);
          if (br->upstream == GS_AUTH_OVER_LIMIT && r->n_refs >= 2)
            {
              gint32 up = (gint32)links[r->n_refs - 2];
              g_string_append (out, ", but itself holds it only up to ");
              gs_phrase_money (out, GS_DELEGATION (s, up)->limit);
              g_string_append (out, " by ");
              append_delegation (out, s, up);
            }
          else if (br->upstream == GS_AUTH_NOT_IN_FORCE && r->n_refs >= 2)
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
          g_string_append_printf (out,
                                  " for %s through a sub-delegation that was "
                                  "not allowed: %s passed it on by ",
                                  org, GS_BODY (s, d->by)->name);
          append_delegation (out, s, br->delegation);
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
      append_chain (out, s, links, r->n_refs);
      g_string_append (out, "]");
    }
}

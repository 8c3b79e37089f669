/* gs-check-words.c — naming things as a board paper would, and naming the
 * elements of the file a finding blames.
 *
 * Every rule's sentence is built from these, so bodies, people,
 * organisations and matters read the same in every finding: "Name ('id')",
 * or "'id'" when the file gives no other name; lists as "a, b and c"; sums
 * in pounds through gs_phrase_money() (the model's, shared with the
 * writers), so the review says a sum exactly as a run's report does,
 * whatever the locale.  The element names say what the file calls each
 * element and on which line, so an editor can jump to it; a finding names
 * each element once (gs__finding_name() drops repeats).
 */
#include "analysis/checks/gs-checks-private.h"

#include <govsim/gs-phrase.h>

#include <string.h>

/* "Name ('id')", or "'id'" when the name is the id. */
void
gs__say_named (GString *out, const char *name, const char *id)
{
  if (name == NULL || strcmp (name, id) == 0)
    g_string_append_printf (out, "'%s'", id);
  else
    g_string_append_printf (out, "%s ('%s')", name, id);
}

void
gs__say_org (GString *out, const GsScenario *s, guint org)
{
  gs__say_named (out, GS_ORG (s, org)->name, GS_ORG (s, org)->id);
}

void
gs__say_body (GString *out, const GsScenario *s, guint body)
{
  gs__say_named (out, GS_BODY (s, body)->name, GS_BODY (s, body)->id);
}

void
gs__say_person (GString *out, const GsScenario *s, guint person)
{
  gs__say_named (out, GS_PERSON (s, person)->name, GS_PERSON (s, person)->id);
}

void
gs__say_matter (GString *out, const GsScenario *s, guint matter)
{
  gs__say_named (out, GS_MATTER (s, matter)->name, GS_MATTER (s, matter)->id);
}

/* The separator before item @i of @n in "a, b and c". */
void
gs__say_sep (GString *out, guint i, guint n)
{
  if (i > 0)
    g_string_append (out, i + 1 == n ? " and " : ", ");
}

void
gs__say_orgs (GString *out, const GsScenario *s, const GArray *orgs)
{
  for (guint i = 0; i < orgs->len; i++)
    {
      gs__say_sep (out, i, orgs->len);
      gs__say_org (out, s, g_array_index (orgs, guint, i));
    }
}

void
gs__say_matters (GString *out, const GsScenario *s, const GArray *matters)
{
  for (guint i = 0; i < matters->len; i++)
    {
      gs__say_sep (out, i, matters->len);
      gs__say_matter (out, s, g_array_index (matters, guint, i));
    }
}

/* "up to £1,000,000", or "without limit". */
void
gs__say_limit (GString *out, gint64 limit)
{
  if (limit >= GS_VALUE_MAX)
    {
      g_string_append (out, "without limit");
      return;
    }
  g_string_append (out, "up to ");
  gs_phrase_money (out, limit);
}

/* A value range in the words of the schema's 'over' (exclusive) and
 * 'up-to' (inclusive): "worth over £5,000,000", "of any value". */
void
gs__say_range (GString *out, GsValueRange r)
{
  if (r.lo <= 0 && r.hi >= GS_VALUE_MAX)
    g_string_append (out, "of any value");
  else if (r.lo == r.hi)
    {
      g_string_append (out, "worth ");
      gs_phrase_money (out, r.lo);
    }
  else if (r.lo <= 0)
    {
      g_string_append (out, "worth up to ");
      gs_phrase_money (out, r.hi);
    }
  else
    {
      g_string_append (out, "worth over ");
      gs_phrase_money (out, r.lo - 1);
      if (r.hi < GS_VALUE_MAX)
        {
          g_string_append (out, " and up to ");
          gs_phrase_money (out, r.hi);
        }
    }
}

void
gs__say_date (GString *out, GsTime t)
{
  char buf[GS_DATE_BUF];
  g_string_append (out, gs_time_format_date (t, buf));
}

/* "delegation 'd1'" or "the delegation on line 30". */
void
gs__say_delegation (GString *out, const GsDelegation *d)
{
  if (d->id != NULL)
    g_string_append_printf (out, "delegation '%s'", d->id);
  else
    g_string_append_printf (out, "the delegation on line %d", d->line);
}

/* "gateway 'jc' of pathway Service reconfiguration ('reconfiguration')". */
void
gs__say_gateway (GString *out, const GsScenario *s, guint pw, guint g)
{
  const GsPathway *p = GS_PATHWAY (s, pw);
  const GsGateway *gw = &p->gateways[g];
  if (gw->id != NULL)
    g_string_append_printf (out, "gateway '%s'", gw->id);
  else if (gw->name != NULL)
    g_string_append_printf (out, "gateway %u (%s)", g + 1, gw->name);
  else
    g_string_append_printf (out, "gateway %u", g + 1);
  g_string_append (out, " of pathway ");
  gs__say_named (out, p->name, p->id);
}

void
gs__finding_name_org (GsFinding *f, const GsScenario *s, guint org)
{
  const GsOrganisation *o = GS_ORG (s, org);
  gs__finding_name (f, GS_ELEMENT_ORGANISATION, o->id, o->name, o->line);
}

void
gs__finding_name_person (GsFinding *f, const GsScenario *s, guint person)
{
  const GsPerson *p = GS_PERSON (s, person);
  gs__finding_name (f, GS_ELEMENT_PERSON, p->id,
                    strcmp (p->name, p->id) == 0 ? NULL : p->name, p->line);
}

void
gs__finding_name_matter (GsFinding *f, const GsScenario *s, guint matter)
{
  const GsMatter *m = GS_MATTER (s, matter);
  gs__finding_name (f, GS_ELEMENT_MATTER, m->id, m->name, m->line);
}

void
gs__finding_name_body (GsFinding *f, const GsScenario *s, guint body)
{
  const GsBody *b = GS_BODY (s, body);
  gs__finding_name (f, GS_ELEMENT_BODY, b->id, b->name, b->line);
}

void
gs__finding_name_scheme (GsFinding *f, const GsScenario *s, guint org)
{
  const GsOrganisation *o = GS_ORG (s, org);
  g_autofree char *what = g_strdup_printf ("of '%s'", o->id);
  gs__finding_name (f, GS_ELEMENT_SCHEME, NULL, what, o->scheme_line);
}

void
gs__finding_name_delegation (GsFinding *f, const GsScenario *s, guint di)
{
  const GsDelegation *d = GS_DELEGATION (s, di);
  g_autofree char *what = g_strdup_printf (
      "by '%s' to '%s'%s", GS_BODY (s, d->by)->id, GS_BODY (s, d->to)->id,
      d->amends >= 0 ? ", as amended" : "");
  if (d->id != NULL)
    gs__finding_name (f, GS_ELEMENT_DELEGATION, d->id, what, d->line);
  else
    gs__finding_name (f, GS_ELEMENT_DELEGATION, NULL, what, d->line);
}

void
gs__finding_name_pathway (GsFinding *f, const GsScenario *s, guint pw)
{
  const GsPathway *p = GS_PATHWAY (s, pw);
  if (!p->implicit)
    gs__finding_name (f, GS_ELEMENT_PATHWAY, p->id, p->name, p->line);
}

/* A gateway of an explicit pathway; an implicit pathway's only gateway is
 * its body, which the caller names. */
void
gs__finding_name_gateway (GsFinding *f, const GsScenario *s, guint pw, guint g)
{
  const GsPathway *p = GS_PATHWAY (s, pw);
  const GsGateway *gw = &p->gateways[g];
  if (p->implicit)
    return;
  g_autofree char *where = NULL;
  if (gw->id != NULL)
    where = g_strdup_printf ("%s%spathway '%s'", gw->name ? gw->name : "",
                             gw->name ? ", " : "", p->id);
  else
    where = g_strdup_printf ("%u of pathway '%s'%s%s%s", g + 1, p->id,
                             gw->name ? " (" : "", gw->name ? gw->name : "",
                             gw->name ? ")" : "");
  gs__finding_name (f, GS_ELEMENT_GATEWAY, gw->id, where, gw->line);
}

void
gs__finding_name_ladder (GsFinding *f, const GsScenario *s, guint ladder)
{
  const GsLadder *ld = GS_LADDER (s, ladder);
  gs__finding_name (f, GS_ELEMENT_LADDER, ld->id,
                    strcmp (ld->name, ld->id) == 0 ? NULL : ld->name, ld->line);
}

void
gs__finding_name_level (GsFinding *f, const GsScenario *s, guint ladder,
                        guint k)
{
  const GsLadder *ld = GS_LADDER (s, ladder);
  g_autofree char *what = g_strdup_printf ("%u of ladder '%s' (%s)", k + 1,
                                           ld->id, ld->levels[k].name);
  gs__finding_name (f, GS_ELEMENT_LEVEL, NULL, what, ld->levels[k].line);
}

/* A clause of a body (its quorum or voting) on @line; nothing when the
 * file has no such clause (@line 0), the body being named already. */
void
gs__finding_name_clause (GsFinding *f, const GsScenario *s, guint body,
                         GsElementKind kind, int line)
{
  if (line <= 0)
    return;
  g_autofree char *what = g_strdup_printf ("of '%s'", GS_BODY (s, body)->id);
  gs__finding_name (f, kind, NULL, what, line);
}

/* The proposals and arrival streams sent along pathway @pw, of @matter
 * (or of any matter, with -1). */
void
gs__finding_name_traffic (GsFinding *f, const GsScenario *s, guint pw,
                          int matter)
{
  for (guint i = 0; i < s->proposals->len; i++)
    {
      const GsProposal *pr = GS_PROPOSAL (s, i);
      if (pr->pathway == pw && (matter < 0 || pr->matter == (guint)matter))
        gs__finding_name (f, GS_ELEMENT_PROPOSAL, pr->id, pr->title, pr->line);
    }
  for (guint i = 0; i < s->arrivals->len; i++)
    {
      const GsArrivals *a = GS_ARRIVALS (s, i);
      if (a->pathway == (int)pw && (matter < 0 || a->matter == (guint)matter))
        gs__finding_name (f, GS_ELEMENT_ARRIVALS, a->id, a->title, a->line);
    }
}

/* "a joint committee", "committees in common", "a committee of X ('x')". */
void
gs__say_body_kind (GString *out, const GsScenario *s, guint body)
{
  const GsBody *b = GS_BODY (s, body);
  switch (b->kind)
    {
      case GS_BODY_JOINT_COMMITTEE:
        g_string_append (out, "a joint committee");
        break;
      case GS_BODY_CIC:
        g_string_append (out, "committees in common");
        break;
      default:
        g_string_append_printf (out, "a %s of ",
                                b->kind == GS_BODY_ADVISORY
                                    ? "advisory group"
                                    : gs_body_kind_to_string (b->kind));
        gs__say_org (out, s, (guint)b->org);
        break;
    }
}

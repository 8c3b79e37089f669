/* gs-checks.c — the static review behind `govsim check`.
 *
 * The rules are the table at the end of this file: a row per rule, each
 * naming a function that walks the scenario and calls report() for every
 * finding, then names the elements it blames.  Rules share the helpers in
 * the middle (labels that name things as a board paper would, what can
 * reach a gateway, who decides there and for whom, the days on which a
 * scheme changes), so a new rule is usually a short function.
 *
 * Authority questions are answered by gs_authority_resolve(), the same
 * function the engine uses, so the review and a run cannot disagree about
 * who may decide what.  Because authority only changes on the days a
 * delegation starts or ends, a rule asking "on any day" tries the scenario
 * start and those days only.
 *
 * Where a delegation has been amended, each version is a delegation of its
 * own; a rule reports a version only when it is wrong in a way the version
 * before it was not, so one bad clause is reported once.
 */
#include "model/gs-scenario-private.h"

#include <govsim/gs-authority.h>
#include <govsim/gs-checks.h>
#include <govsim/gs-phrase.h>

#include <string.h>

struct _GsCheckContext
{
  const GsScenario *s;
  const GsCheckRule *rule; /* the rule running */
  GPtrArray *findings;     /* GsFinding */
};

/* ---- severities, element kinds, findings ------------------------------ */

static const char *const severity_names[] = {
  [GS_SEVERITY_ADVICE] = "advice",
  [GS_SEVERITY_WARNING] = "warning",
  [GS_SEVERITY_ERROR] = "error",
};

const char *
gs_severity_to_string (GsSeverity severity)
{
  return (guint)severity < G_N_ELEMENTS (severity_names)
             ? severity_names[severity]
             : "unknown";
}

gboolean
gs_severity_from_string (const char *text, GsSeverity *out)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (severity_names); i++)
    if (strcmp (text, severity_names[i]) == 0)
      {
        *out = (GsSeverity)i;
        return TRUE;
      }
  return FALSE;
}

const char *
gs_element_kind_to_string (GsElementKind kind)
{
  static const char *const names[] = {
    [GS_ELEMENT_ORGANISATION] = "organisation",
    [GS_ELEMENT_PERSON] = "person",
    [GS_ELEMENT_MATTER] = "matter",
    [GS_ELEMENT_BODY] = "body",
    [GS_ELEMENT_QUORUM] = "quorum",
    [GS_ELEMENT_VOTING] = "voting",
    [GS_ELEMENT_SCHEME] = "scheme",
    [GS_ELEMENT_RESERVED] = "reserved",
    [GS_ELEMENT_DELEGATION] = "delegation",
    [GS_ELEMENT_PATHWAY] = "pathway",
    [GS_ELEMENT_GATEWAY] = "gateway",
    [GS_ELEMENT_LADDER] = "ladder",
    [GS_ELEMENT_LEVEL] = "level",
    [GS_ELEMENT_PROPOSAL] = "proposal",
    [GS_ELEMENT_ARRIVALS] = "arrivals",
  };
  return (guint)kind < G_N_ELEMENTS (names) ? names[kind] : "unknown";
}

static void
clear_element (gpointer p)
{
  GsCheckElement *e = p;
  g_free (e->id);
  g_free (e->name);
}

void
gs_finding_free (GsFinding *f)
{
  if (f == NULL)
    return;
  g_free (f->message);
  g_array_unref (f->elements);
  g_free (f);
}

/* Starts a finding of the running rule at @line. */
static GsFinding *
report (GsCheckContext *ctx, int line, const GString *message)
{
  GsFinding *f = g_new0 (GsFinding, 1);
  f->rule = ctx->rule;
  f->severity = ctx->rule->severity;
  f->line = line;
  f->message = g_strdup (message->str);
  f->elements = g_array_new (FALSE, TRUE, sizeof (GsCheckElement));
  g_array_set_clear_func (f->elements, clear_element);
  g_ptr_array_add (ctx->findings, f);
  return f;
}

/* Names an element of the file in @f, once.  With no @id, @name is the
 * whole description after the kind ("of 'fic'"). */
static void
element (GsFinding *f, GsElementKind kind, const char *id, const char *name,
         int line)
{
  for (guint i = 0; i < f->elements->len; i++)
    {
      const GsCheckElement *e = &g_array_index (f->elements, GsCheckElement, i);
      if (e->kind == kind && e->line == line && g_strcmp0 (e->id, id) == 0
          && g_strcmp0 (e->name, name) == 0)
        return;
    }
  GsCheckElement e
      = { kind, g_strdup (id), g_strdup (name), line > 0 ? line : 1 };
  g_array_append_val (f->elements, e);
}

/* ---- small helpers ---------------------------------------------------- */

static void
add_unique (GArray *a, guint v)
{
  for (guint i = 0; i < a->len; i++)
    if (g_array_index (a, guint, i) == v)
      return;
  g_array_append_val (a, v);
}

/* ---- words: naming things as a board paper would ---------------------- */

/* "Name ('id')", or "'id'" when the name is the id. */
static void
append_named (GString *out, const char *name, const char *id)
{
  if (name == NULL || strcmp (name, id) == 0)
    g_string_append_printf (out, "'%s'", id);
  else
    g_string_append_printf (out, "%s ('%s')", name, id);
}

static void
append_org (GString *out, const GsScenario *s, guint org)
{
  append_named (out, GS_ORG (s, org)->name, GS_ORG (s, org)->id);
}

static void
append_body (GString *out, const GsScenario *s, guint body)
{
  append_named (out, GS_BODY (s, body)->name, GS_BODY (s, body)->id);
}

static void
append_person (GString *out, const GsScenario *s, guint person)
{
  append_named (out, GS_PERSON (s, person)->name, GS_PERSON (s, person)->id);
}

static void
append_matter (GString *out, const GsScenario *s, guint matter)
{
  append_named (out, GS_MATTER (s, matter)->name, GS_MATTER (s, matter)->id);
}

/* The separator before item @i of @n in "a, b and c". */
static void
append_sep (GString *out, guint i, guint n)
{
  if (i > 0)
    g_string_append (out, i + 1 == n ? " and " : ", ");
}

static void
append_orgs (GString *out, const GsScenario *s, const GArray *orgs)
{
  for (guint i = 0; i < orgs->len; i++)
    {
      append_sep (out, i, orgs->len);
      append_org (out, s, g_array_index (orgs, guint, i));
    }
}

static void
append_matters (GString *out, const GsScenario *s, const GArray *matters)
{
  for (guint i = 0; i < matters->len; i++)
    {
      append_sep (out, i, matters->len);
      append_matter (out, s, g_array_index (matters, guint, i));
    }
}

/* "up to £1,000,000", or "without limit". */
static void
append_limit (GString *out, gint64 limit)
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
static void
append_range (GString *out, GsValueRange r)
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

static void
append_date (GString *out, GsTime t)
{
  char buf[GS_DATE_BUF];
  g_string_append (out, gs_time_format_date (t, buf));
}

/* "delegation 'd1'" or "the delegation on line 30". */
static void
append_delegation (GString *out, const GsDelegation *d)
{
  if (d->id != NULL)
    g_string_append_printf (out, "delegation '%s'", d->id);
  else
    g_string_append_printf (out, "the delegation on line %d", d->line);
}

/* "gateway 'jc' of pathway Service reconfiguration ('reconfiguration')". */
static void
append_gateway (GString *out, const GsScenario *s, guint pw, guint g)
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
  append_named (out, p->name, p->id);
}

/* ---- naming the elements of a finding --------------------------------- */

static void
el_org (GsFinding *f, const GsScenario *s, guint org)
{
  const GsOrganisation *o = GS_ORG (s, org);
  element (f, GS_ELEMENT_ORGANISATION, o->id, o->name, o->line);
}

static void
el_person (GsFinding *f, const GsScenario *s, guint person)
{
  const GsPerson *p = GS_PERSON (s, person);
  element (f, GS_ELEMENT_PERSON, p->id,
           strcmp (p->name, p->id) == 0 ? NULL : p->name, p->line);
}

static void
el_matter (GsFinding *f, const GsScenario *s, guint matter)
{
  const GsMatter *m = GS_MATTER (s, matter);
  element (f, GS_ELEMENT_MATTER, m->id, m->name, m->line);
}

static void
el_body (GsFinding *f, const GsScenario *s, guint body)
{
  const GsBody *b = GS_BODY (s, body);
  element (f, GS_ELEMENT_BODY, b->id, b->name, b->line);
}

static void
el_scheme (GsFinding *f, const GsScenario *s, guint org)
{
  const GsOrganisation *o = GS_ORG (s, org);
  g_autofree char *what = g_strdup_printf ("of '%s'", o->id);
  element (f, GS_ELEMENT_SCHEME, NULL, what, o->scheme_line);
}

static void
el_delegation (GsFinding *f, const GsScenario *s, guint di)
{
  const GsDelegation *d = GS_DELEGATION (s, di);
  g_autofree char *what = g_strdup_printf (
      "by '%s' to '%s'%s", GS_BODY (s, d->by)->id, GS_BODY (s, d->to)->id,
      d->amends >= 0 ? ", as amended" : "");
  if (d->id != NULL)
    element (f, GS_ELEMENT_DELEGATION, d->id, what, d->line);
  else
    element (f, GS_ELEMENT_DELEGATION, NULL, what, d->line);
}

static void
el_pathway (GsFinding *f, const GsScenario *s, guint pw)
{
  const GsPathway *p = GS_PATHWAY (s, pw);
  if (!p->implicit)
    element (f, GS_ELEMENT_PATHWAY, p->id, p->name, p->line);
}

/* A gateway of an explicit pathway; an implicit pathway's only gateway is
 * its body, which the caller names. */
static void
el_gateway (GsFinding *f, const GsScenario *s, guint pw, guint g)
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
  element (f, GS_ELEMENT_GATEWAY, gw->id, where, gw->line);
}

static void
el_ladder (GsFinding *f, const GsScenario *s, guint ladder)
{
  const GsLadder *ld = GS_LADDER (s, ladder);
  element (f, GS_ELEMENT_LADDER, ld->id,
           strcmp (ld->name, ld->id) == 0 ? NULL : ld->name, ld->line);
}

static void
el_level (GsFinding *f, const GsScenario *s, guint ladder, guint k)
{
  const GsLadder *ld = GS_LADDER (s, ladder);
  g_autofree char *what = g_strdup_printf ("%u of ladder '%s' (%s)", k + 1,
                                           ld->id, ld->levels[k].name);
  element (f, GS_ELEMENT_LEVEL, NULL, what, ld->levels[k].line);
}

/* A clause of a body (its quorum or voting) on @line; nothing when the
 * file has no such clause (@line 0), the body being named already. */
static void
el_clause (GsFinding *f, const GsScenario *s, guint body, GsElementKind kind,
           int line)
{
  if (line <= 0)
    return;
  g_autofree char *what = g_strdup_printf ("of '%s'", GS_BODY (s, body)->id);
  element (f, kind, NULL, what, line);
}

/* The proposals and arrival streams sent along pathway @pw, of @matter
 * (or of any matter, with -1). */
static void
el_traffic (GsFinding *f, const GsScenario *s, guint pw, int matter)
{
  for (guint i = 0; i < s->proposals->len; i++)
    {
      const GsProposal *pr = GS_PROPOSAL (s, i);
      if (pr->pathway == pw && (matter < 0 || pr->matter == (guint)matter))
        element (f, GS_ELEMENT_PROPOSAL, pr->id, pr->title, pr->line);
    }
  for (guint i = 0; i < s->arrivals->len; i++)
    {
      const GsArrivals *a = GS_ARRIVALS (s, i);
      if (a->pathway == (int)pw && (matter < 0 || a->matter == (guint)matter))
        element (f, GS_ELEMENT_ARRIVALS, a->id, a->title, a->line);
    }
}

/* ---- who decides where, and what can reach them ----------------------- */

typedef struct
{
  guint body; /* the body that votes: a constituent for committees in common */
  guint org;  /* the organisation its decision binds */
} Decider;

/* The bodies that decide at @gw and for whom: each party of a joint body,
 * each constituent of committees in common for its own organisation. */
static GArray *
gateway_deciders (const GsScenario *s, const GsGateway *gw)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (Decider));
  for (guint i = 0; i < gw->n_bodies; i++)
    {
      const GsBody *b = GS_BODY (s, gw->bodies[i]);
      if (b->kind == GS_BODY_CIC)
        for (guint k = 0; k < b->n_constituents; k++)
          {
            const GsBody *c = GS_BODY (s, b->constituents[k]);
            if (c->org < 0)
              continue;
            Decider d = { b->constituents[k], (guint)c->org };
            g_array_append_val (out, d);
          }
      else
        for (guint k = 0; k < b->n_parties; k++)
          {
            Decider d = { gw->bodies[i], (guint)b->parties[k] };
            g_array_append_val (out, d);
          }
    }
  return out;
}

typedef struct
{
  guint matter;
  GsValueRange values;
} Reach;

static void
add_reach (GArray *out, guint matter, GsValueRange a, GsValueRange b)
{
  Reach r = { matter, { MAX (a.lo, b.lo), MIN (a.hi, b.hi) } };
  if (r.values.lo <= r.values.hi)
    g_array_append_val (out, r);
}

/* The matters, and the values of each, that can reach gateway @g of
 * pathway @pw: for an explicit pathway, the matters it lists within its
 * value range; for any pathway, the proposals and streams sent along it.
 * Each is cut to the values the gateway applies to. */
static GArray *
gateway_reach (const GsScenario *s, guint pw, guint g)
{
  const GsPathway *p = GS_PATHWAY (s, pw);
  const GsGateway *gw = &p->gateways[g];
  GArray *out = g_array_new (FALSE, FALSE, sizeof (Reach));
  if (!p->implicit)
    for (guint i = 0; i < p->n_matters; i++)
      add_reach (out, p->matters[i], p->values, gw->applies);
  for (guint i = 0; i < s->proposals->len; i++)
    {
      const GsProposal *pr = GS_PROPOSAL (s, i);
      if (pr->pathway == pw)
        add_reach (out, pr->matter, (GsValueRange){ pr->value, pr->value },
                   gw->applies);
    }
  for (guint i = 0; i < s->arrivals->len; i++)
    {
      const GsArrivals *a = GS_ARRIVALS (s, i);
      if (a->pathway == (int)pw)
        add_reach (out, a->matter, gs__value_dist_range (&a->value),
                   gw->applies);
    }
  return out;
}

static int
compare_times (gconstpointer a, gconstpointer b)
{
  GsTime x = *(const GsTime *)a, y = *(const GsTime *)b;
  return (x > y) - (x < y);
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
  g_array_sort (days, compare_times);
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
holds_some (const GsScenario *s, guint body, guint org, const GArray *reach,
            GsAuthority *why)
{
  g_autoptr (GArray) days = scheme_days (s, org);
  GsAuthority a;
  for (guint i = 0; i < reach->len; i++)
    {
      const Reach *r = &g_array_index (reach, Reach, i);
      for (guint k = 0; k < days->len; k++)
        if (gs_authority_resolve (s, body, org, r->matter, r->values.lo,
                                  g_array_index (days, GsTime, k), &a))
          return TRUE;
    }
  *why = (GsAuthority){ .status = GS_AUTH_NONE, .failed = -1 };
  if (reach->len > 0)
    {
      const Reach *r = &g_array_index (reach, Reach, 0);
      gs_authority_resolve (s, body, org, r->matter, r->values.lo, s->start,
                            why);
    }
  return FALSE;
}

/* Whether the rule gateway-without-authority reports @d at gateway @g. */
static gboolean
gateway_lacks_authority (const GsScenario *s, const Decider *d,
                         const GArray *reach, GsAuthority *why)
{
  GsAuthority ignored;
  if (!GS_ORG (s, d->org)->has_scheme || reach->len == 0)
    return FALSE;
  return !holds_some (s, d->body, d->org, reach, why ? why : &ignored);
}

/* "X ('x')" for a body, or, for a constituent of committees in common,
 * "X ('x'), in Y ('y')". */
static void
append_decider (GString *out, const GsScenario *s, guint body)
{
  append_body (out, s, body);
  int group = GS_BODY (s, body)->group;
  if (group >= 0)
    {
      g_string_append (out, ", in ");
      append_body (out, s, (guint)group);
      g_string_append (out, ",");
    }
}

/* "a joint committee", "committees in common", "a committee of X ('x')". */
static void
append_body_kind (GString *out, const GsScenario *s, guint body)
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
        append_org (out, s, (guint)b->org);
        break;
    }
}

/* Whether delegating to @to takes a matter outside @org: to a joint body,
 * or to a body of another organisation. */
static gboolean
outside_org (const GsScenario *s, guint to, guint org)
{
  const GsBody *b = GS_BODY (s, to);
  return b->kind == GS_BODY_JOINT_COMMITTEE || b->kind == GS_BODY_CIC
         || b->org != (int)org;
}

/* The delegations of @o other than @di that reach @body and list @matter. */
static GArray *
sources_of (const GsScenario *s, const GsOrganisation *o, guint di, guint body,
            guint matter)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < o->n_delegations; i++)
    {
      guint ei = o->delegations[i];
      const GsDelegation *e = GS_DELEGATION (s, ei);
      if (ei != di && gs__delegation_reaches (s, e, body)
          && gs__lists (e->matters, e->n_matters, matter))
        g_array_append_val (out, ei);
    }
  return out;
}

/* The part of the period in which @d is in force: [*from, *until), empty
 * when *from >= *until. */
static void
in_force_window (const GsScenario *s, const GsDelegation *d, GsTime *from,
                 GsTime *until)
{
  *from = MAX (d->from, s->start);
  *until = MIN (d->until, s->end);
}

/* ---- the rules -------------------------------------------------------- */

static void
append_committee_of (GString *out, const GsScenario *s, const GsBody *b)
{
  if (b->group >= 0)
    {
      g_string_append (out, " is the committee of ");
      append_org (out, s, (guint)b->org);
      g_string_append (out, ", a foundation trust, in ");
      append_body (out, s, (guint)b->group);
    }
  else
    {
      g_string_append (out, " is a committee of ");
      append_org (out, s, (guint)b->org);
      g_string_append (out, ", a foundation trust");
    }
}

/* Is @person a director of the board of @org? */
static gboolean
director_of (const GsScenario *s, guint person, int org)
{
  const GsPerson *p = GS_PERSON (s, person);
  return p->org == org && p->director;
}

static void
check_ft_committee_non_director (GsCheckContext *ctx)
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
          append_sep (who, i, people->len);
          append_person (who, s, p);
          if (pp->org >= 0 && pp->org != b->org)
            {
              g_string_append (who, " of ");
              append_org (who, s, (guint)pp->org);
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
              append_person (who, s, m->person);
            }
        }
      g_autoptr (GString) msg = g_string_new (NULL);
      append_body (msg, s, bi);
      append_committee_of (msg, s, b);
      g_string_append_printf (msg,
                              ", but %s %s not %s of the trust: ", who->str,
                              people->len == 1 ? "is" : "are",
                              people->len == 1 ? "a director" : "directors");
      g_string_append (msg,
                       "only a foundation trust's directors may sit on its "
                       "committees, unless the committee is a joint committee "
                       "under the joint-working powers.");
      GsFinding *f = report (ctx, b->line, msg);
      el_body (f, s, bi);
      el_org (f, s, (guint)b->org);
      for (guint i = 0; i < people->len; i++)
        el_person (f, s, g_array_index (people, guint, i));
    }
}

static void
check_la_function_to_joint_committee (GsCheckContext *ctx)
{
  const GsScenario *s = ctx->s;
  for (guint di = 0; di < s->delegations->len; di++)
    {
      const GsDelegation *d = GS_DELEGATION (s, di);
      const GsOrganisation *o = GS_ORG (s, d->org);
      /* An amendment keeps the delegate, so the first version says it. */
      if (d->amends >= 0
          || (o->kind != GS_ORG_LOCAL_AUTHORITY
              && o->kind != GS_ORG_COMBINED_AUTHORITY)
          || GS_BODY (s, d->to)->kind != GS_BODY_JOINT_COMMITTEE)
        continue;
      g_autoptr (GArray) matters = g_array_new (FALSE, FALSE, sizeof (guint));
      g_array_append_vals (matters, d->matters, d->n_matters);
      g_autoptr (GString) msg = g_string_new ("The scheme of ");
      append_org (msg, s, d->org);
      g_string_append_printf (msg, ", a %s authority, delegates ",
                              o->kind == GS_ORG_LOCAL_AUTHORITY ? "local"
                                                                : "combined");
      append_matters (msg, s, matters);
      g_string_append (msg, " to ");
      append_body (msg, s, d->to);
      g_string_append (msg, ", a joint committee: a local or combined "
                            "authority cannot delegate its functions to a "
                            "joint committee (section 75 arrangements remain "
                            "the route).");
      GsFinding *f = report (ctx, d->line, msg);
      el_delegation (f, s, di);
      el_org (f, s, d->org);
      el_body (f, s, d->to);
      for (guint i = 0; i < d->n_matters; i++)
        el_matter (f, s, d->matters[i]);
    }
}

/* Whether @body is, or is a constituent of, @group. */
static gboolean
is_or_in (const GsScenario *s, guint body, guint group)
{
  return body == group || GS_BODY (s, body)->group == (int)group;
}

static void
check_joint_remuneration_committee (GsCheckContext *ctx)
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
                  g_autoptr (GArray) reach = gateway_reach (s, pw, g);
                  gboolean carried = FALSE;
                  for (guint r = 0; r < reach->len; r++)
                    carried |= g_array_index (reach, Reach, r).matter == m;
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
            add_unique (parties, (guint)b->parties[i]);
          g_autoptr (GString) msg = g_string_new (NULL);
          append_body (msg, s, bi);
          g_string_append (msg, ", ");
          append_body_kind (msg, s, bi);
          g_string_append (msg, " of ");
          append_orgs (msg, s, parties);
          g_string_append (msg, ", can decide ");
          append_matter (msg, s, m);
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
          GsFinding *f = report (ctx, b->line, msg);
          el_body (f, s, bi);
          el_matter (f, s, m);
          for (guint i = 0; i < delegations->len; i++)
            el_delegation (f, s, g_array_index (delegations, guint, i));
          for (guint i = 0; i + 1 < gates->len; i += 2)
            {
              guint pw = g_array_index (gates, guint, i);
              el_pathway (f, s, pw);
              el_gateway (f, s, pw, g_array_index (gates, guint, i + 1));
              el_traffic (f, s, pw, (int)m);
            }
        }
    }
}

/* The matters of @d of a class @wanted accepts, less those the version it
 * amends already had (reported there). */
static GArray *
new_matters_of_class (const GsScenario *s, const GsDelegation *d,
                      gboolean (*wanted) (GsMatterClass))
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint));
  const GsDelegation *before
      = d->amends >= 0 ? GS_DELEGATION (s, d->amends) : NULL;
  for (guint i = 0; i < d->n_matters; i++)
    if (wanted (GS_MATTER (s, d->matters[i])->klass)
        && (before == NULL
            || !gs__lists (before->matters, before->n_matters, d->matters[i])))
      g_array_append_val (out, d->matters[i]);
  return out;
}

/* Reports each delegation outside its organisation of a matter @wanted
 * accepts, explaining the rule with @why. */
static void
check_delegated_outside (GsCheckContext *ctx,
                         gboolean (*wanted) (GsMatterClass), const char *what,
                         const char *why)
{
  const GsScenario *s = ctx->s;
  for (guint di = 0; di < s->delegations->len; di++)
    {
      const GsDelegation *d = GS_DELEGATION (s, di);
      if (!outside_org (s, d->to, d->org))
        continue;
      g_autoptr (GArray) matters = new_matters_of_class (s, d, wanted);
      if (matters->len == 0)
        continue;
      const GsBody *to = GS_BODY (s, d->to);
      g_autoptr (GString) msg = g_string_new ("The scheme of ");
      append_org (msg, s, d->org);
      g_string_append (msg, " delegates ");
      append_matters (msg, s, matters);
      g_string_append_printf (msg, ", %s, to ", what);
      append_body (msg, s, d->to);
      if (to->kind == GS_BODY_JOINT_COMMITTEE || to->kind == GS_BODY_CIC)
        {
          g_string_append (msg, ", ");
          append_body_kind (msg, s, d->to);
        }
      else
        {
          g_string_append (msg, ", a body of ");
          append_org (msg, s, (guint)to->org);
        }
      g_string_append_printf (msg, ", outside the organisation: %s", why);
      GsFinding *f = report (ctx, d->line, msg);
      el_delegation (f, s, di);
      el_org (f, s, d->org);
      el_body (f, s, d->to);
      for (guint i = 0; i < matters->len; i++)
        el_matter (f, s, g_array_index (matters, guint, i));
    }
}

static gboolean
is_corporate_governance (GsMatterClass k)
{
  return k == GS_MATTER_ANNUAL_ACCOUNTS || k == GS_MATTER_CONSOLIDATED_ACCOUNTS
         || k == GS_MATTER_AUDIT;
}

static void
check_corporate_governance_delegated (GsCheckContext *ctx)
{
  check_delegated_outside (
      ctx, is_corporate_governance, "central to its corporate governance",
      "its accounts and its audit committee's functions may be delegated "
      "only within the organisation, for example to its own audit "
      "committee.");
}

static gboolean
is_non_delegable (GsMatterClass k)
{
  return k == GS_MATTER_NON_DELEGABLE;
}

static void
check_non_delegable_delegated (GsCheckContext *ctx)
{
  check_delegated_outside (ctx, is_non_delegable,
                           "on the list of functions not suitable for "
                           "delegation",
                           "such a function must stay with the "
                           "organisation.");
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

static gboolean
has_role (const GsPerson *p, int role)
{
  return p->role == (GsRole)role;
}

static gboolean
of_org (const GsPerson *p, int org)
{
  return p->org == org;
}

/* One quorum finding: @body can never be quorate because @reason. */
static GsFinding *
quorum_finding (GsCheckContext *ctx, guint body, int line, const char *reason)
{
  const GsScenario *s = ctx->s;
  g_autoptr (GString) msg = g_string_new (NULL);
  append_body (msg, s, body);
  g_string_append_printf (msg,
                          " can never be quorate: %s, so every meeting will "
                          "be inquorate and it can decide nothing.",
                          reason);
  GsFinding *f = report (ctx, line > 0 ? line : GS_BODY (s, body)->line, msg);
  el_body (f, s, body);
  el_clause (f, s, body, GS_ELEMENT_QUORUM, line);
  return f;
}

static void
check_quorum_never_met (GsCheckContext *ctx)
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
                                  "party but ",
                                  q->party_min, q->party_min == 1 ? "" : "s");
          for (guint i = 0; i < b->n_parties; i++)
            {
              guint have = seats_with (s, b, of_org, b->parties[i]);
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
              guint have = seats_with (s, b, of_org, (int)o);
              append_sep (why, i, short_orgs->len);
              append_org (why, s, o);
              if (have == 0)
                g_string_append (why, " has none");
              else
                g_string_append_printf (why, " has only %u", have);
            }
          g_string_append_printf (why, " %s", among);
          GsFinding *f = quorum_finding (ctx, bi, b->party_line, why->str);
          for (guint i = 0; i < short_orgs->len; i++)
            el_org (f, s, g_array_index (short_orgs, guint, i));
        }
    }
}

static void
check_unanimity_many_parties (GsCheckContext *ctx)
{
  const GsScenario *s = ctx->s;
  for (guint bi = 0; bi < s->bodies->len; bi++)
    {
      const GsBody *b = GS_BODY (s, bi);
      g_autoptr (GArray) orgs = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr (GString) msg = g_string_new (NULL);
      int line = b->line;
      append_body (msg, s, bi);
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
                add_unique (orgs, (guint)o);
            }
          g_string_append_printf (msg,
                                  " carries a decision only if all %u of its "
                                  "committees agree (for ",
                                  b->n_constituents);
          append_orgs (msg, s, orgs);
          g_string_append_printf (msg,
                                  "): any one of the %u parties can "
                                  "block it.",
                                  orgs->len);
        }
      else
        {
          if (b->kind == GS_BODY_OFFICER
              || (b->voting.rule != GS_RULE_UNANIMITY
                  && b->voting.rule != GS_RULE_CONSENSUS))
            continue;
          if (b->kind == GS_BODY_JOINT_COMMITTEE)
            for (guint i = 0; i < b->n_parties; i++)
              add_unique (orgs, (guint)b->parties[i]);
          for (guint i = 0; i < b->n_members; i++)
            {
              int o = GS_PERSON (s, b->members[i].person)->org;
              if (o >= 0)
                add_unique (orgs, (guint)o);
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
          append_orgs (msg, s, orgs);
          g_string_append (msg, "): any one of them can block a decision.");
        }
      g_string_append (msg, " Guidance favours majority rather than "
                            "consensus, to avoid gridlock.");
      GsFinding *f = report (ctx, line, msg);
      el_body (f, s, bi);
      el_clause (f, s, bi, GS_ELEMENT_VOTING, b->voting_line);
      for (guint i = 0; i < orgs->len; i++)
        el_org (f, s, g_array_index (orgs, guint, i));
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
      const Reach *r = &g_array_index (reach, Reach, i);
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
      append_sep (out, k, matters->len);
      append_matter (out, s, g_array_index (matters, guint, k));
      g_string_append (out, " from ");
      gs_phrase_money (out, g_array_index (lows, gint64, k));
    }
}

static void
check_gateway_without_authority (GsCheckContext *ctx)
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
          g_autoptr (GArray) deciders = gateway_deciders (s, gw);
          g_autoptr (GArray) reach = gateway_reach (s, pw, g);
          for (guint i = 0; i < deciders->len; i++)
            {
              const Decider *d = &g_array_index (deciders, Decider, i);
              GsAuthority why;
              if (!gateway_lacks_authority (s, d, reach, &why))
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
                  append_gateway (msg, s, pw, g);
                  g_string_append (msg, ", ");
                  append_decider (msg, s, d->body);
                  g_string_append (msg, " decides proposals of ");
                  append_reach (msg, s, reach);
                  g_string_append (msg, " for ");
                }
              append_org (msg, s, d->org);
              g_string_append_printf (
                  msg,
                  ", but that organisation's scheme of delegation gives it "
                  "authority for none of them on any day (at the start: %s), "
                  "so its decisions there cannot bind the organisation.",
                  gs_auth_status_to_string (why.status));
              GsFinding *f = report (ctx, gw->line, msg);
              el_pathway (f, s, pw);
              el_gateway (f, s, pw, g);
              el_body (f, s, d->body);
              el_org (f, s, d->org);
              el_scheme (f, s, d->org);
              for (guint r = 0; r < reach->len; r++)
                el_matter (f, s, g_array_index (reach, Reach, r).matter);
              if (p->implicit)
                el_traffic (f, s, pw, -1);
              if (why.failed >= 0)
                el_delegation (f, s, (guint)why.failed);
            }
        }
    }
}

static void
check_matter_without_pathway (GsCheckContext *ctx)
{
  const GsScenario *s = ctx->s;
  for (guint m = 0; m < s->matters->len; m++)
    {
      gboolean routed = FALSE;
      for (guint pw = 0; pw < s->pathways->len && !routed; pw++)
        {
          const GsPathway *p = GS_PATHWAY (s, pw);
          routed = !p->implicit && gs__lists (p->matters, p->n_matters, m);
        }
      for (guint i = 0; i < s->proposals->len && !routed; i++)
        routed = GS_PROPOSAL (s, i)->matter == m;
      for (guint i = 0; i < s->arrivals->len && !routed; i++)
        routed = GS_ARRIVALS (s, i)->matter == m;
      if (routed)
        continue;
      g_autoptr (GString) msg = g_string_new ("No pathway lists ");
      append_matter (msg, s, m);
      g_string_append (msg, " and no proposal or arrival stream carries it: "
                            "a proposal of this type would have nowhere to "
                            "be decided.");
      GsFinding *f = report (ctx, GS_MATTER (s, m)->line, msg);
      el_matter (f, s, m);
    }
}

/* The first day of [@from, @until) on which none of @sources is in force,
 * or GS_TIME_NEVER. */
static GsTime
first_day_uncovered (const GsScenario *s, const GArray *sources, GsTime from,
                     GsTime until)
{
  GsTime t = from;
  for (gboolean moved = TRUE; moved && t < until;)
    {
      moved = FALSE;
      for (guint i = 0; i < sources->len; i++)
        {
          const GsDelegation *e
              = GS_DELEGATION (s, g_array_index (sources, guint, i));
          if (e->from <= t && t < e->until)
            {
              t = e->until;
              moved = TRUE;
            }
        }
    }
  return t < until ? t : GS_TIME_NEVER;
}

/* How delegation @di, made by a body other than the board, gives more
 * than its delegator holds.  Appends the clauses to @text (if not NULL),
 * a summary that ignores dates to @sig, and the delegations it compares
 * with to @sources (if not NULL).  Returns the number of problems. */
static guint
chain_problems (const GsScenario *s, guint di, GString *text, GString *sig,
                GArray *sources)
{
  const GsDelegation *d = GS_DELEGATION (s, di);
  const GsOrganisation *o = GS_ORG (s, d->org);
  GsTime from, until;
  in_force_window (s, d, &from, &until);
  guint n = 0;
  for (guint i = 0; i < d->n_matters; i++)
    {
      guint m = d->matters[i];
      g_autoptr (GArray) src = sources_of (s, o, di, d->by, m);
      if (sources != NULL)
        for (guint k = 0; k < src->len; k++)
          add_unique (sources, g_array_index (src, guint, k));
      g_autoptr (GString) clause = g_string_new (NULL);
      if (src->len == 0)
        {
          g_string_append (clause, "it was never delegated ");
          append_matter (clause, s, m);
          g_string_append_printf (sig, "never:%u;", m);
        }
      else
        {
          GsTime gap = first_day_uncovered (s, src, from, until);
          /* Its own limit, day by day: the largest of the delegations it
           * holds the matter by that day.  @low is the smallest of these
           * over the days it holds the matter at all, @high the largest. */
          gint64 low = G_MAXINT64, high = -1;
          g_autoptr (GArray) days = g_array_new (FALSE, FALSE, sizeof (GsTime));
          if (from < until)
            g_array_append_val (days, from);
          for (guint k = 0; k < src->len; k++)
            {
              const GsDelegation *e
                  = GS_DELEGATION (s, g_array_index (src, guint, k));
              if (e->from > from && e->from < until)
                g_array_append_val (days, e->from);
            }
          for (guint j = 0; j < days->len || (from >= until && j == 0); j++)
            {
              GsTime day = from < until ? g_array_index (days, GsTime, j) : 0;
              gint64 own = -1;
              for (guint k = 0; k < src->len; k++)
                {
                  const GsDelegation *e
                      = GS_DELEGATION (s, g_array_index (src, guint, k));
                  if (from >= until || (e->from <= day && day < e->until))
                    own = MAX (own, e->limit);
                }
              if (own < 0)
                continue; /* held by none that day: a gap, said below */
              low = MIN (low, own);
              high = MAX (high, own);
            }
          if (gap != GS_TIME_NEVER)
            {
              g_string_append (clause, "it does not hold ");
              append_matter (clause, s, m);
              g_string_append (clause, " on ");
              append_date (clause, gap);
              g_string_append (clause, ", while this delegation is in force");
              g_string_append_printf (sig, "dates:%u;", m);
            }
          if (high >= 0 && d->limit > low)
            {
              if (clause->len > 0)
                g_string_append (clause, "; ");
              g_string_append (clause, "it may decide ");
              append_matter (clause, s, m);
              g_string_append (clause,
                               low < high ? " at times only " : " only ");
              append_limit (clause, low);
              g_string_append (clause, " but delegates it ");
              append_limit (clause, d->limit);
              g_string_append_printf (sig, "limit:%u;", m);
            }
        }
      if (clause->len == 0)
        continue;
      if (text != NULL)
        g_string_append_printf (text, "%s%s", n > 0 ? "; " : "", clause->str);
      n++;
    }
  return n;
}

static void
check_chain_exceeds_source (GsCheckContext *ctx)
{
  const GsScenario *s = ctx->s;
  for (guint di = 0; di < s->delegations->len; di++)
    {
      const GsDelegation *d = GS_DELEGATION (s, di);
      if (gs__is_board_of (s, d->by, d->org))
        continue;
      g_autoptr (GString) text = g_string_new (NULL);
      g_autoptr (GString) sig = g_string_new (NULL);
      g_autoptr (GArray) sources = g_array_new (FALSE, FALSE, sizeof (guint));
      if (chain_problems (s, di, text, sig, sources) == 0)
        continue;
      if (d->amends >= 0)
        {
          g_autoptr (GString) before = g_string_new (NULL);
          chain_problems (s, (guint)d->amends, NULL, before, NULL);
          if (g_string_equal (before, sig))
            continue;
        }
      g_autoptr (GString) msg = g_string_new (NULL);
      append_delegation (msg, d);
      g_string_append (msg, " in the scheme of ");
      append_org (msg, s, d->org);
      g_string_append (msg, ", made by ");
      append_body (msg, s, d->by);
      g_string_append (msg, " to ");
      append_body (msg, s, d->to);
      g_string_append (msg, ", gives more than its maker holds: ");
      g_string_append (msg, text->str);
      g_string_append (msg, ". A delegate can pass on no more than it holds.");
      msg->str[0] = g_ascii_toupper (msg->str[0]);
      GsFinding *f = report (ctx, d->line, msg);
      el_delegation (f, s, di);
      el_body (f, s, d->by);
      el_body (f, s, d->to);
      el_scheme (f, s, d->org);
      for (guint i = 0; i < sources->len; i++)
        el_delegation (f, s, g_array_index (sources, guint, i));
    }
}

/* The matters of @di that its delegator may not delegate onwards: on some
 * day while @di is in force, the delegator holds the matter only through
 * delegations that do not allow sub-delegation (a matter it does not hold
 * at all is chain-exceeds-source's).  The first such day of each goes to
 * @days and the delegations in force that day to @sources (either may be
 * NULL).  When @di is never in force within the period, every delegation
 * of the matter to the delegator is considered. */
static GArray *
forbidden_matters (const GsScenario *s, guint di, GArray *days, GArray *sources)
{
  const GsDelegation *d = GS_DELEGATION (s, di);
  const GsOrganisation *o = GS_ORG (s, d->org);
  GsTime from, until;
  in_force_window (s, d, &from, &until);
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < d->n_matters; i++)
    {
      g_autoptr (GArray) src = sources_of (s, o, di, d->by, d->matters[i]);
      /* The days on which what the delegator holds can change. */
      g_autoptr (GArray) when = g_array_new (FALSE, FALSE, sizeof (GsTime));
      if (from < until)
        g_array_append_val (when, from);
      for (guint k = 0; k < src->len; k++)
        {
          const GsDelegation *e
              = GS_DELEGATION (s, g_array_index (src, guint, k));
          GsTime ends[] = { e->from, e->until };
          for (guint j = 0; j < 2; j++)
            if (ends[j] > from && ends[j] < until)
              g_array_append_val (when, ends[j]);
        }
      g_array_sort (when, compare_times);
      gboolean timeless = from >= until;
      for (guint k = 0; k < when->len || (timeless && k == 0); k++)
        {
          GsTime t = timeless ? d->from : g_array_index (when, GsTime, k);
          g_autoptr (GArray) held = g_array_new (FALSE, FALSE, sizeof (guint));
          gboolean allowed = FALSE;
          for (guint j = 0; j < src->len; j++)
            {
              guint ei = g_array_index (src, guint, j);
              const GsDelegation *e = GS_DELEGATION (s, ei);
              if (!timeless && (t < e->from || t >= e->until))
                continue;
              g_array_append_val (held, ei);
              allowed |= e->sub_delegate;
            }
          if (held->len == 0 || allowed)
            continue;
          g_array_append_val (out, d->matters[i]);
          if (days != NULL)
            g_array_append_val (days, t);
          for (guint j = 0; sources != NULL && j < held->len; j++)
            add_unique (sources, g_array_index (held, guint, j));
          break;
        }
    }
  return out;
}

static gboolean
same_matters (const GArray *a, const GArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (g_array_index (a, guint, i) != g_array_index (b, guint, i))
      return FALSE;
  return TRUE;
}

static void
check_sub_delegation_not_allowed (GsCheckContext *ctx)
{
  const GsScenario *s = ctx->s;
  for (guint di = 0; di < s->delegations->len; di++)
    {
      const GsDelegation *d = GS_DELEGATION (s, di);
      if (gs__is_board_of (s, d->by, d->org))
        continue;
      g_autoptr (GArray) sources = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr (GArray) days = g_array_new (FALSE, FALSE, sizeof (GsTime));
      g_autoptr (GArray) matters = forbidden_matters (s, di, days, sources);
      if (matters->len == 0)
        continue;
      if (d->amends >= 0)
        {
          g_autoptr (GArray) before
              = forbidden_matters (s, (guint)d->amends, NULL, NULL);
          if (same_matters (before, matters))
            continue;
        }
      g_autoptr (GString) msg = g_string_new (NULL);
      append_body (msg, s, d->by);
      g_string_append (msg, " delegates ");
      append_matters (msg, s, matters);
      g_string_append (msg, " onwards to ");
      append_body (msg, s, d->to);
      g_string_append (msg, " (");
      append_delegation (msg, d);
      g_string_append (msg, " in the scheme of ");
      append_org (msg, s, d->org);
      g_string_append_printf (msg, "), but its own delegation%s of ",
                              sources->len == 1 ? "" : "s");
      g_string_append (msg, matters->len == 1 ? "it (" : "them (");
      for (guint i = 0; i < sources->len; i++)
        {
          append_sep (msg, i, sources->len);
          append_delegation (
              msg, GS_DELEGATION (s, g_array_index (sources, guint, i)));
        }
      g_string_append_printf (msg, ") %s not allow sub-delegation",
                              sources->len == 1 ? "does" : "do");
      /* Say from when, if not from the start. */
      GsTime from, until, first = GS_TIME_NEVER;
      in_force_window (s, d, &from, &until);
      for (guint i = 0; i < days->len; i++)
        first = MIN (first, g_array_index (days, GsTime, i));
      if (from < until && first > from)
        {
          g_string_append (msg, " from ");
          append_date (msg, first);
        }
      g_string_append (msg, ": a delegate may pass authority on only where "
                            "its own delegation says so "
                            "(sub-delegate=\"true\").");
      GsFinding *f = report (ctx, d->line, msg);
      el_delegation (f, s, di);
      el_body (f, s, d->by);
      el_body (f, s, d->to);
      for (guint i = 0; i < sources->len; i++)
        el_delegation (f, s, g_array_index (sources, guint, i));
      for (guint i = 0; i < matters->len; i++)
        el_matter (f, s, g_array_index (matters, guint, i));
    }
}

/* The matters @a and @b both give the same delegate on a common day of
 * the period, with different limits. */
static GArray *
clashing_matters (const GsScenario *s, const GsDelegation *a,
                  const GsDelegation *b)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint));
  GsTime from = MAX (MAX (a->from, b->from), s->start);
  GsTime until = MIN (MIN (a->until, b->until), s->end);
  if (a->to != b->to || a->limit == b->limit || from >= until)
    return out;
  for (guint i = 0; i < a->n_matters; i++)
    if (gs__lists (b->matters, b->n_matters, a->matters[i]))
      g_array_append_val (out, a->matters[i]);
  return out;
}

/* Whether the clash of @a and @b over @matters was already there between
 * an earlier version of one and the other, with the same limits: the
 * finding for the earlier pair covers it. */
static gboolean
clash_inherited (const GsScenario *s, guint a, guint b, const GArray *matters)
{
  const GsDelegation *pair[2] = { GS_DELEGATION (s, a), GS_DELEGATION (s, b) };
  for (guint k = 0; k < 2; k++)
    {
      const GsDelegation *self = pair[k], *other = pair[1 - k];
      if (self->amends < 0)
        continue;
      const GsDelegation *before = GS_DELEGATION (s, self->amends);
      if (before->limit != self->limit)
        continue;
      g_autoptr (GArray) then = clashing_matters (s, before, other);
      if (same_matters (then, matters))
        return TRUE;
    }
  return FALSE;
}

static void
check_conflicting_delegations (GsCheckContext *ctx)
{
  const GsScenario *s = ctx->s;
  for (guint oi = 0; oi < s->organisations->len; oi++)
    {
      const GsOrganisation *o = GS_ORG (s, oi);
      for (guint i = 0; i < o->n_delegations; i++)
        {
          guint ai = o->delegations[i];
          const GsDelegation *a = GS_DELEGATION (s, ai);
          /* A matter reserved to the board, delegated all the same. */
          g_autoptr (GArray) reserved
              = g_array_new (FALSE, FALSE, sizeof (guint));
          const GsDelegation *before
              = a->amends >= 0 ? GS_DELEGATION (s, a->amends) : NULL;
          for (guint k = 0; k < a->n_matters; k++)
            if (gs__lists (o->reserved, o->n_reserved, a->matters[k])
                && (before == NULL
                    || !gs__lists (before->matters, before->n_matters,
                                   a->matters[k])))
              g_array_append_val (reserved, a->matters[k]);
          if (reserved->len > 0)
            {
              g_autoptr (GString) msg = g_string_new ("The scheme of ");
              append_org (msg, s, oi);
              g_string_append (msg, " reserves ");
              append_matters (msg, s, reserved);
              g_string_append (msg, " to its board, but ");
              append_delegation (msg, a);
              g_string_append (msg, " delegates ");
              g_string_append (msg, reserved->len == 1 ? "it" : "them");
              g_string_append (msg, " to ");
              append_body (msg, s, a->to);
              g_string_append (msg, ": the reservation prevails, so the "
                                    "delegation gives nothing for ");
              g_string_append (msg, reserved->len == 1 ? "it." : "them.");
              GsFinding *f = report (ctx, a->line, msg);
              el_delegation (f, s, ai);
              g_autofree char *what
                  = g_strdup_printf ("matters of '%s'", o->id);
              element (f, GS_ELEMENT_RESERVED, NULL, what, o->reserved_line);
              el_body (f, s, a->to);
              for (guint k = 0; k < reserved->len; k++)
                el_matter (f, s, g_array_index (reserved, guint, k));
            }
          /* Two limits for the same delegate, matter and day. */
          for (guint j = i + 1; j < o->n_delegations; j++)
            {
              guint bi = o->delegations[j];
              const GsDelegation *b = GS_DELEGATION (s, bi);
              g_autoptr (GArray) matters = clashing_matters (s, a, b);
              if (matters->len == 0 || clash_inherited (s, ai, bi, matters))
                continue;
              g_autoptr (GString) msg = g_string_new ("The scheme of ");
              append_org (msg, s, oi);
              g_string_append (msg, " gives ");
              append_body (msg, s, a->to);
              g_string_append (msg, " two different limits for ");
              append_matters (msg, s, matters);
              g_string_append (msg, " at the same time: ");
              append_limit (msg, a->limit);
              g_string_append (msg, " (");
              append_delegation (msg, a);
              g_string_append (msg, ") and ");
              append_limit (msg, b->limit);
              g_string_append (msg, " (");
              append_delegation (msg, b);
              g_string_append (msg, "); it is not clear which applies.");
              GsFinding *f = report (ctx, MAX (a->line, b->line), msg);
              el_delegation (f, s, ai);
              el_delegation (f, s, bi);
              el_body (f, s, a->to);
              for (guint k = 0; k < matters->len; k++)
                el_matter (f, s, g_array_index (matters, guint, k));
            }
        }
    }
}

static int
compare_values (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;
  return (x > y) - (x < y);
}

/* The first values of the ranges that split @within where a gateway
 * starts or stops applying or a delegation limit of @o is crossed: within
 * each, every body's authority is the same at every value. */
static GArray *
split_points (const GsScenario *s, const GsPathway *p, const GsOrganisation *o)
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
  for (guint i = 0; i < o->n_delegations; i++)
    {
      gint64 next = GS_DELEGATION (s, o->delegations[i])->limit + 1;
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

static void
check_delegation_gap (GsCheckContext *ctx)
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
          g_autoptr (GArray) deciders = gateway_deciders (s, gw);
          g_autoptr (GArray) reach = gateway_reach (s, pw, g);
          for (guint i = 0; i < deciders->len; i++)
            {
              const Decider *dc = &g_array_index (deciders, Decider, i);
              const GsOrganisation *o = GS_ORG (s, dc->org);
              if (!o->has_scheme
                  || gateway_lacks_authority (s, dc, reach, NULL))
                continue;
              g_autoptr (GArray) cuts = split_points (s, p, o);
              for (guint mi = 0; mi < p->n_matters; mi++)
                {
                  guint m = p->matters[mi];
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
                  append_gateway (msg, s, pw, g);
                  g_string_append (msg, ", ");
                  append_decider (msg, s, dc->body);
                  g_string_append (msg, " holds no authority from ");
                  append_org (msg, s, dc->org);
                  g_string_append (msg, " at the start of the period for ");
                  append_matter (msg, s, m);
                  g_string_append (msg, " ");
                  for (guint k = 0; k < gaps->len; k++)
                    {
                      append_sep (msg, k, gaps->len);
                      append_range (msg, g_array_index (gaps, GsValueRange, k));
                    }
                  g_string_append_printf (msg,
                                          " (%s): no one on the pathway "
                                          "may decide such a proposal "
                                          "for ",
                                          gs_auth_status_to_string (reason));
                  append_org (msg, s, dc->org);
                  g_string_append (msg, ".");
                  GsFinding *f = report (ctx, gw->line, msg);
                  el_pathway (f, s, pw);
                  el_gateway (f, s, pw, g);
                  el_body (f, s, dc->body);
                  el_org (f, s, dc->org);
                  el_matter (f, s, m);
                  el_scheme (f, s, dc->org);
                  if (failed >= 0)
                    el_delegation (f, s, (guint)failed);
                }
            }
        }
    }
}

static void
check_ladder_cannot_bind (GsCheckContext *ctx)
{
  static const char *const how[] = {
    [GS_LEVEL_VOTE] = "a vote, which can fail (a tie, a blocked consensus, a "
                      "split)",
    [GS_LEVEL_RECONSIDER] = "reconsideration by the body the dispute arose "
                            "in, which can fail again",
    [GS_LEVEL_CHAIR] = "",
    [GS_LEVEL_MEDIATION] = "mediation, which may not reach agreement",
    [GS_LEVEL_BINDING] = "",
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
      append_named (msg, ld->name, ld->id);
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
      GsFinding *f = report (ctx, last ? last->line : ld->line, msg);
      el_ladder (f, s, li);
      if (last != NULL)
        el_level (f, s, li, ld->n_levels - 1);
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
            el_ladder (f, s, k);
          for (guint bi = 0; bi < s->bodies->len; bi++)
            if (GS_BODY (s, bi)->escalation.ladder == (int)k)
              el_body (f, s, bi);
        }
    }
}

static void
check_conflicts_declare_only (GsCheckContext *ctx)
{
  const GsScenario *s = ctx->s;
  for (guint bi = 0; bi < s->bodies->len; bi++)
    {
      const GsBody *b = GS_BODY (s, bi);
      if (!b->declare_only)
        continue;
      g_autoptr (GString) msg
          = g_string_new ("Under the terms of reference of ");
      append_body (msg, s, bi);
      g_string_append (msg, ", a member with a declared conflict of interest "
                            "only declares it, then votes and counts towards "
                            "the quorum as usual: good practice is for them "
                            "to withdraw from the item.");
      GsFinding *f
          = report (ctx, b->voting_line > 0 ? b->voting_line : b->line, msg);
      el_body (f, s, bi);
      el_clause (f, s, bi, GS_ELEMENT_VOTING, b->voting_line);
    }
}

/* ---- the table -------------------------------------------------------- */

/* The slides quoted are "Provider Collaboratives – Governance and Legal
 * Arrangements" (Weightmans LLP, 5 December 2023), the seed document of the
 * domain; each basis says what it rests on as those slides state it. */
static const GsCheckRule rules[] = {
  { "ft-committee-non-director", GS_SEVERITY_ERROR,
    "A foundation trust's committee has a member who is not a director of "
    "the trust",
    "NHS Act 2006 ss65Z5-65Z6, inserted by the Health and Care Act 2022: "
    "\"Power to delegate to committees re any function of the Trust "
    "(s65Z5) BUT NHS FT committee cannot have non-directors UNLESS – a "
    "joint committee under s65Z6\"; \"FT Trust's Committee must be "
    "statutory voting Board members of the FT\". Joint committees are "
    "exempt; a deputy who may vote counts as a member.",
    check_ft_committee_non_director },
  { "la-function-to-joint-committee", GS_SEVERITY_ERROR,
    "A local or combined authority delegates to a joint committee",
    "Joint committees under NHS Act 2006 s65Z6 (Health and Care Act 2022): "
    "\"LAs and Combined Authorities cannot delegate functions to joint "
    "committee (section 75 arrangements remain important)\" – section 75 "
    "of the NHS Act 2006.",
    check_la_function_to_joint_committee },
  { "joint-remuneration-committee", GS_SEVERITY_ERROR,
    "A joint committee or committees in common can decide remuneration",
    "NHS (Joint Working and Delegation Arrangements) (England) Regulations "
    "2022 and statutory guidance, \"Limitations on Delegation\": \"No joint "
    "Rem Comms\".",
    check_joint_remuneration_committee },
  { "corporate-governance-delegated", GS_SEVERITY_ERROR,
    "Accounts or audit delegated outside the organisation",
    "NHS (Joint Working and Delegation Arrangements) (England) Regulations "
    "2022 and statutory guidance, \"Limitations on Delegation\": \"No "
    "delegation of functions central to corporate governance of the "
    "organisation – e.g preparation of consolidated accounts, audit "
    "committee\". Delegation inside the organisation, such as to its own "
    "audit committee, is not caught.",
    check_corporate_governance_delegated },
  { "non-delegable-delegated", GS_SEVERITY_ERROR,
    "A function not suitable for delegation is delegated outside the "
    "organisation",
    "NHS (Joint Working and Delegation Arrangements) (England) Regulations "
    "2022, \"Limitations on Delegation\": \"List of functions not suitable "
    "for delegation – Regulation 2 – 40+ items identified\" (matters of "
    "class non-delegable). Delegation inside the organisation is not "
    "caught.",
    check_non_delegable_delegated },
  { "quorum-never-met", GS_SEVERITY_ERROR,
    "A body's quorum can never be met by its membership",
    "Good practice (\"Support efficient/effective decision-making\"; "
    "\"Stress-testing arrangements\"): a body that can never be quorate "
    "decides nothing.",
    check_quorum_never_met },
  { "unanimity-many-parties", GS_SEVERITY_WARNING,
    "Unanimity or consensus across three or more parties",
    "NHSE/I, \"Strong decision-making\", as the slides quote it: "
    "\"Majority rather than consensus – avoid gridlock\".",
    check_unanimity_many_parties },
  { "gateway-without-authority", GS_SEVERITY_ERROR,
    "A deciding gateway's body has no delegated authority for anything that "
    "can reach it",
    "NHS Act 2006 s65Z5 (Health and Care Act 2022): a committee has the "
    "authority delegated to it. The slides list among the risks \"Lack of "
    "alignment with Schemes of Delegation\" and \"Decisions of Joint "
    "Committee binding on constituent orgs – even without specific "
    "delegation to members\". Boards always hold authority.",
    check_gateway_without_authority },
  { "matter-without-pathway", GS_SEVERITY_WARNING,
    "A matter type has nowhere to be decided",
    "Good practice (\"Clarity re decision-making\"): every type of decision "
    "needs a route to a body that can take it.",
    check_matter_without_pathway },
  { "chain-exceeds-source", GS_SEVERITY_ERROR,
    "A sub-delegation gives more than its maker holds",
    "Good practice in schemes of delegation: a delegate can pass on no more "
    "authority than it holds (matters, limits and dates); the slides list "
    "\"Lack of alignment with Schemes of Delegation\" among the risks.",
    check_chain_exceeds_source },
  { "sub-delegation-not-allowed", GS_SEVERITY_ERROR,
    "A body delegates onwards what it may not sub-delegate",
    "Good practice in schemes of delegation: a delegate may delegate "
    "onwards only where its own delegation allows it (sub-delegate=\"true\").",
    check_sub_delegation_not_allowed },
  { "conflicting-delegations", GS_SEVERITY_WARNING,
    "Two delegations disagree, or a reserved matter is delegated",
    "Good practice (\"Authority and Oversight – Clarity, Boundaries\"): one "
    "limit per delegate, matter and day, and nothing delegated that the "
    "board reserves to itself.",
    check_conflicting_delegations },
  { "delegation-gap", GS_SEVERITY_WARNING,
    "A value range of a matter no one on a pathway may decide",
    "Good practice (\"Clarity re decision-making\"; \"Stress-testing "
    "arrangements\"): every value a pathway takes needs, at each deciding "
    "gateway, a body with authority for it.",
    check_delegation_gap },
  { "ladder-cannot-bind", GS_SEVERITY_WARNING,
    "An escalation ladder's last level cannot bind",
    "NHSE/I, \"Strong decision-making\": \"Strong dispute resolution "
    "processes\"; the slides ask for \"Clarity re decision-making "
    "(including dispute resolution)\".",
    check_ladder_cannot_bind },
  { "conflicts-declare-only", GS_SEVERITY_ADVICE,
    "Conflicted members declare but still vote",
    "Good practice on \"Conflicts of Interest\" (a governance issue the "
    "slides name): a conflicted member withdraws from the item.",
    check_conflicts_declare_only },
};

const GsCheckRule *
gs_check_rules (guint *n)
{
  if (n != NULL)
    *n = G_N_ELEMENTS (rules);
  return rules;
}

const GsCheckRule *
gs_check_rule_find (const char *id)
{
  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (rules); i++)
    if (strcmp (rules[i].id, id) == 0)
      return &rules[i];
  return NULL;
}

static gint
compare_findings (gconstpointer a, gconstpointer b)
{
  const GsFinding *x = *(const GsFinding *const *)a;
  const GsFinding *y = *(const GsFinding *const *)b;
  if (x->line != y->line)
    return x->line < y->line ? -1 : 1;
  return strcmp (x->rule->id, y->rule->id);
}

GPtrArray *
gs_check_scenario (const GsScenario *s)
{
  g_return_val_if_fail (s != NULL, NULL);
  GsCheckContext ctx = {
    .s = s,
    .findings
    = g_ptr_array_new_with_free_func ((GDestroyNotify)gs_finding_free),
  };
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      ctx.rule = &rules[i];
      rules[i].run (&ctx);
    }
  /* g_ptr_array_sort() is stable, so one rule's findings on one line stay
   * in the order it found them. */
  g_ptr_array_sort (ctx.findings, compare_findings);
  return ctx.findings;
}

guint
gs_check_count (const GPtrArray *findings, GsSeverity level)
{
  guint n = 0;
  for (guint i = 0; i < findings->len; i++)
    n += ((const GsFinding *)g_ptr_array_index (findings, i))->severity
         >= level;
  return n;
}

void
gs_check_write_findings (const GsScenario *s, const GPtrArray *findings,
                         GString *out)
{
  const char *file = gs_scenario_get_source (s);
  for (guint i = 0; i < findings->len; i++)
    {
      const GsFinding *f = g_ptr_array_index (findings, i);
      g_string_append_printf (out, "%s:%d: %s: [%s] %s\n", file, f->line,
                              gs_severity_to_string (f->severity), f->rule->id,
                              f->message);
      g_string_append_printf (out, "    basis: %s\n", f->rule->basis);
      for (guint k = 0; k < f->elements->len; k++)
        {
          const GsCheckElement *e
              = &g_array_index (f->elements, GsCheckElement, k);
          g_string_append_printf (out, "    %s %s:%d %s",
                                  k == 0 ? "elements:" : "         ", file,
                                  e->line, gs_element_kind_to_string (e->kind));
          if (e->id != NULL)
            {
              g_string_append_printf (out, " '%s'", e->id);
              if (e->name != NULL)
                g_string_append_printf (out, " (%s)", e->name);
            }
          else if (e->name != NULL)
            g_string_append_printf (out, " %s", e->name);
          g_string_append_c (out, '\n');
        }
    }
}

void
gs_check_write_text (const GsScenario *s, const GPtrArray *findings,
                     GString *out)
{
  gs_check_write_findings (s, findings, out);
  const char *file = gs_scenario_get_source (s);
  if (findings->len == 0)
    {
      g_string_append_printf (out, "%s: no findings\n", file);
      return;
    }
  guint counts[3] = { 0 };
  for (guint i = 0; i < findings->len; i++)
    counts[((const GsFinding *)g_ptr_array_index (findings, i))->severity]++;
  g_string_append_printf (
      out, "%s: %u finding%s (%u error%s, %u warning%s, %u advice)\n", file,
      findings->len, findings->len == 1 ? "" : "s", counts[GS_SEVERITY_ERROR],
      counts[GS_SEVERITY_ERROR] == 1 ? "" : "s", counts[GS_SEVERITY_WARNING],
      counts[GS_SEVERITY_WARNING] == 1 ? "" : "s", counts[GS_SEVERITY_ADVICE]);
}

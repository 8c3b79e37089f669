/* gs-check-delegation.c — the rules on what the schemes of delegation give:
 * la-function-to-joint-committee, corporate-governance-delegated,
 * non-delegable-delegated, chain-exceeds-source, sub-delegation-not-allowed
 * and conflicting-delegations.
 *
 * The rules read the delegations themselves, version by version, not a
 * resolved answer: they judge what a clause says, whether or not a
 * proposal ever tests it.  Where a delegation has been amended, each
 * version is a delegation of its own; a rule reports a version only when
 * it is wrong in a way the version before it was not, so one bad clause is
 * reported once.  What a delegator holds can only change on the days one
 * of its own delegations starts or ends, so the sub-delegation rules try
 * those days only.  Schemes are tens of delegations long; the rules use
 * plain loops over one organisation's delegations rather than indexes.
 */
#include "analysis/checks/gs-checks-private.h"

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

void
gs__check_la_function_to_joint_committee (GsCheckContext *ctx)
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
      gs__say_org (msg, s, d->org);
      g_string_append_printf (msg, ", a %s authority, delegates ",
                              o->kind == GS_ORG_LOCAL_AUTHORITY ? "local"
                                                                : "combined");
      gs__say_matters (msg, s, matters);
      g_string_append (msg, " to ");
      gs__say_body (msg, s, d->to);
      g_string_append (msg, ", a joint committee: a local or combined "
                            "authority cannot delegate its functions to a "
                            "joint committee (section 75 arrangements remain "
                            "the route).");
      GsFinding *f = gs__check_report (ctx, d->line, msg);
      gs__finding_name_delegation (f, s, di);
      gs__finding_name_org (f, s, d->org);
      gs__finding_name_body (f, s, d->to);
      for (guint i = 0; i < d->n_matters; i++)
        gs__finding_name_matter (f, s, d->matters[i]);
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
      gs__say_org (msg, s, d->org);
      g_string_append (msg, " delegates ");
      gs__say_matters (msg, s, matters);
      g_string_append_printf (msg, ", %s, to ", what);
      gs__say_body (msg, s, d->to);
      if (to->kind == GS_BODY_JOINT_COMMITTEE || to->kind == GS_BODY_CIC)
        {
          g_string_append (msg, ", ");
          gs__say_body_kind (msg, s, d->to);
        }
      else
        {
          g_string_append (msg, ", a body of ");
          gs__say_org (msg, s, (guint)to->org);
        }
      g_string_append_printf (msg, ", outside the organisation: %s", why);
      GsFinding *f = gs__check_report (ctx, d->line, msg);
      gs__finding_name_delegation (f, s, di);
      gs__finding_name_org (f, s, d->org);
      gs__finding_name_body (f, s, d->to);
      for (guint i = 0; i < matters->len; i++)
        gs__finding_name_matter (f, s, g_array_index (matters, guint, i));
    }
}

static gboolean
is_corporate_governance (GsMatterClass k)
{
  return k == GS_MATTER_ANNUAL_ACCOUNTS || k == GS_MATTER_CONSOLIDATED_ACCOUNTS
         || k == GS_MATTER_AUDIT;
}

void
gs__check_corporate_governance_delegated (GsCheckContext *ctx)
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

void
gs__check_non_delegable_delegated (GsCheckContext *ctx)
{
  check_delegated_outside (ctx, is_non_delegable,
                           "on the list of functions not suitable for "
                           "delegation",
                           "such a function must stay with the "
                           "organisation.");
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
          gs__check_add_unique (sources, g_array_index (src, guint, k));
      g_autoptr (GString) clause = g_string_new (NULL);
      if (src->len == 0)
        {
          g_string_append (clause, "it was never delegated ");
          gs__say_matter (clause, s, m);
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
              gs__say_matter (clause, s, m);
              g_string_append (clause, " on ");
              gs__say_date (clause, gap);
              g_string_append (clause, ", while this delegation is in force");
              g_string_append_printf (sig, "dates:%u;", m);
            }
          if (high >= 0 && d->limit > low)
            {
              if (clause->len > 0)
                g_string_append (clause, "; ");
              g_string_append (clause, "it may decide ");
              gs__say_matter (clause, s, m);
              g_string_append (clause,
                               low < high ? " at times only " : " only ");
              gs__say_limit (clause, low);
              g_string_append (clause, " but delegates it ");
              gs__say_limit (clause, d->limit);
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

void
gs__check_chain_exceeds_source (GsCheckContext *ctx)
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
      gs__say_delegation (msg, d);
      g_string_append (msg, " in the scheme of ");
      gs__say_org (msg, s, d->org);
      g_string_append (msg, ", made by ");
      gs__say_body (msg, s, d->by);
      g_string_append (msg, " to ");
      gs__say_body (msg, s, d->to);
      g_string_append (msg, ", gives more than its maker holds: ");
      g_string_append (msg, text->str);
      g_string_append (msg, ". A delegate can pass on no more than it holds.");
      msg->str[0] = g_ascii_toupper (msg->str[0]);
      GsFinding *f = gs__check_report (ctx, d->line, msg);
      gs__finding_name_delegation (f, s, di);
      gs__finding_name_body (f, s, d->by);
      gs__finding_name_body (f, s, d->to);
      gs__finding_name_scheme (f, s, d->org);
      for (guint i = 0; i < sources->len; i++)
        gs__finding_name_delegation (f, s, g_array_index (sources, guint, i));
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
      g_array_sort (when, gs__check_compare_times);
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
            gs__check_add_unique (sources, g_array_index (held, guint, j));
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

void
gs__check_sub_delegation_not_allowed (GsCheckContext *ctx)
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
      gs__say_body (msg, s, d->by);
      g_string_append (msg, " delegates ");
      gs__say_matters (msg, s, matters);
      g_string_append (msg, " onwards to ");
      gs__say_body (msg, s, d->to);
      g_string_append (msg, " (");
      gs__say_delegation (msg, d);
      g_string_append (msg, " in the scheme of ");
      gs__say_org (msg, s, d->org);
      g_string_append_printf (msg, "), but its own delegation%s of ",
                              sources->len == 1 ? "" : "s");
      g_string_append (msg, matters->len == 1 ? "it (" : "them (");
      for (guint i = 0; i < sources->len; i++)
        {
          gs__say_sep (msg, i, sources->len);
          gs__say_delegation (
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
          gs__say_date (msg, first);
        }
      g_string_append (msg, ": a delegate may pass authority on only where "
                            "its own delegation says so "
                            "(sub-delegate=\"true\").");
      GsFinding *f = gs__check_report (ctx, d->line, msg);
      gs__finding_name_delegation (f, s, di);
      gs__finding_name_body (f, s, d->by);
      gs__finding_name_body (f, s, d->to);
      for (guint i = 0; i < sources->len; i++)
        gs__finding_name_delegation (f, s, g_array_index (sources, guint, i));
      for (guint i = 0; i < matters->len; i++)
        gs__finding_name_matter (f, s, g_array_index (matters, guint, i));
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

void
gs__check_conflicting_delegations (GsCheckContext *ctx)
{
  const GsScenario *s = ctx->s;
  for (guint oi = 0; oi < s->organisations->len; oi++)
    {
      const GsOrganisation *o = GS_ORG (s, oi);
      /* Only delegations to the same delegate can clash: next[i] is the
       * next of o's delegations after the i-th with the same one, or
       * n_delegations, so the pairs come in the order of all pairs. */
      g_autofree guint *next = g_new (guint, MAX (o->n_delegations, 1u));
      {
        g_autoptr (GHashTable) later = g_hash_table_new (NULL, NULL);
        for (guint i = o->n_delegations; i-- > 0;)
          {
            gpointer to = GUINT_TO_POINTER (
                GS_DELEGATION (s, o->delegations[i])->to + 1);
            gpointer j;
            next[i] = g_hash_table_lookup_extended (later, to, NULL, &j)
                          ? GPOINTER_TO_UINT (j)
                          : o->n_delegations;
            g_hash_table_insert (later, to, GUINT_TO_POINTER (i));
          }
      }
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
              gs__say_org (msg, s, oi);
              g_string_append (msg, " reserves ");
              gs__say_matters (msg, s, reserved);
              g_string_append (msg, " to its board, but ");
              gs__say_delegation (msg, a);
              g_string_append (msg, " delegates ");
              g_string_append (msg, reserved->len == 1 ? "it" : "them");
              g_string_append (msg, " to ");
              gs__say_body (msg, s, a->to);
              g_string_append (msg, ": the reservation prevails, so the "
                                    "delegation gives nothing for ");
              g_string_append (msg, reserved->len == 1 ? "it." : "them.");
              GsFinding *f = gs__check_report (ctx, a->line, msg);
              gs__finding_name_delegation (f, s, ai);
              g_autofree char *what
                  = g_strdup_printf ("matters of '%s'", o->id);
              gs__finding_name (f, GS_ELEMENT_RESERVED, NULL, what,
                                o->reserved_line);
              gs__finding_name_body (f, s, a->to);
              for (guint k = 0; k < reserved->len; k++)
                gs__finding_name_matter (f, s,
                                         g_array_index (reserved, guint, k));
            }
          /* Two limits for the same delegate, matter and day. */
          for (guint j = next[i]; j < o->n_delegations; j = next[j])
            {
              guint bi = o->delegations[j];
              const GsDelegation *b = GS_DELEGATION (s, bi);
              g_autoptr (GArray) matters = clashing_matters (s, a, b);
              if (matters->len == 0 || clash_inherited (s, ai, bi, matters))
                continue;
              g_autoptr (GString) msg = g_string_new ("The scheme of ");
              gs__say_org (msg, s, oi);
              g_string_append (msg, " gives ");
              gs__say_body (msg, s, a->to);
              g_string_append (msg, " two different limits for ");
              gs__say_matters (msg, s, matters);
              g_string_append (msg, " at the same time: ");
              gs__say_limit (msg, a->limit);
              g_string_append (msg, " (");
              gs__say_delegation (msg, a);
              g_string_append (msg, ") and ");
              gs__say_limit (msg, b->limit);
              g_string_append (msg, " (");
              gs__say_delegation (msg, b);
              g_string_append (msg, "); it is not clear which applies.");
              GsFinding *f
                  = gs__check_report (ctx, MAX (a->line, b->line), msg);
              gs__finding_name_delegation (f, s, ai);
              gs__finding_name_delegation (f, s, bi);
              gs__finding_name_body (f, s, a->to);
              for (guint k = 0; k < matters->len; k++)
                gs__finding_name_matter (f, s,
                                         g_array_index (matters, guint, k));
            }
        }
    }
}

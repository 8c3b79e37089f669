/* gs-checks.c — the static review behind `govsim check`: the rule table,
 * running it, and the public API of gs-checks.h.
 *
 * The rules are the table below: a row per rule, in the order they run,
 * each naming a function in the file of its family (gs-check-composition.c,
 * gs-check-delegation.c, gs-check-pathways.c, gs-check-urgent.c) that
 * walks the scenario and calls gs__check_report() for every finding, then
 * names the elements it blames.  Adding a rule is that function and a row
 * here.
 *
 * Findings are sorted by primary line, then rule id; the sort is stable,
 * so one rule's findings on one line keep the order it found them in and
 * the output is the same on every run.  The review reads the scenario
 * only and allocates nothing but its findings, so any number of threads
 * may review one scenario at once.  Its workload is one scenario of tens to
 * a few hundred elements per `govsim check`; the rules favour plain loops
 * over indexes.
 */
#include "analysis/checks/gs-checks-private.h"

#include <string.h>

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
    [GS_ELEMENT_URGENT] = "urgent",
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
GsFinding *
gs__check_report (GsCheckContext *ctx, int line, const GString *message)
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
void
gs__finding_name (GsFinding *f, GsElementKind kind, const char *id,
                  const char *name, int line)
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
    gs__check_ft_committee_non_director },
  { "la-function-to-joint-committee", GS_SEVERITY_ERROR,
    "A local or combined authority delegates to a joint committee",
    "Joint committees under NHS Act 2006 s65Z6 (Health and Care Act 2022): "
    "\"LAs and Combined Authorities cannot delegate functions to joint "
    "committee (section 75 arrangements remain important)\" – section 75 "
    "of the NHS Act 2006.",
    gs__check_la_function_to_joint_committee },
  { "joint-remuneration-committee", GS_SEVERITY_ERROR,
    "A joint committee or committees in common can decide remuneration",
    "NHS (Joint Working and Delegation Arrangements) (England) Regulations "
    "2022 and statutory guidance, \"Limitations on Delegation\": \"No joint "
    "Rem Comms\".",
    gs__check_joint_remuneration_committee },
  { "corporate-governance-delegated", GS_SEVERITY_ERROR,
    "Accounts or audit delegated outside the organisation",
    "NHS (Joint Working and Delegation Arrangements) (England) Regulations "
    "2022 and statutory guidance, \"Limitations on Delegation\": \"No "
    "delegation of functions central to corporate governance of the "
    "organisation – e.g preparation of consolidated accounts, audit "
    "committee\". Delegation inside the organisation, such as to its own "
    "audit committee, is not caught.",
    gs__check_corporate_governance_delegated },
  { "non-delegable-delegated", GS_SEVERITY_ERROR,
    "A function not suitable for delegation is delegated outside the "
    "organisation",
    "NHS (Joint Working and Delegation Arrangements) (England) Regulations "
    "2022, \"Limitations on Delegation\": \"List of functions not suitable "
    "for delegation – Regulation 2 – 40+ items identified\" (matters of "
    "class non-delegable). Delegation inside the organisation is not "
    "caught.",
    gs__check_non_delegable_delegated },
  { "quorum-never-met", GS_SEVERITY_ERROR,
    "A body's quorum can never be met by its membership",
    "Good practice (\"Support efficient/effective decision-making\"; "
    "\"Stress-testing arrangements\"): a body that can never be quorate "
    "decides nothing.",
    gs__check_quorum_never_met },
  { "unanimity-many-parties", GS_SEVERITY_WARNING,
    "Unanimity or consensus across three or more parties",
    "NHSE/I, \"Strong decision-making\", as the slides quote it: "
    "\"Majority rather than consensus – avoid gridlock\".",
    gs__check_unanimity_many_parties },
  { "gateway-without-authority", GS_SEVERITY_ERROR,
    "A deciding gateway's body has no delegated authority for anything that "
    "can reach it",
    "NHS Act 2006 s65Z5 (Health and Care Act 2022): a committee has the "
    "authority delegated to it. The slides list among the risks \"Lack of "
    "alignment with Schemes of Delegation\" and \"Decisions of Joint "
    "Committee binding on constituent orgs – even without specific "
    "delegation to members\". Boards always hold authority.",
    gs__check_gateway_without_authority },
  { "matter-without-pathway", GS_SEVERITY_WARNING,
    "A matter type has nowhere to be decided",
    "Good practice (\"Clarity re decision-making\"): every type of decision "
    "needs a route to a body that can take it.",
    gs__check_matter_without_pathway },
  { "chain-exceeds-source", GS_SEVERITY_ERROR,
    "A sub-delegation gives more than its maker holds",
    "Good practice in schemes of delegation: a delegate can pass on no more "
    "authority than it holds (matters, limits and dates); the slides list "
    "\"Lack of alignment with Schemes of Delegation\" among the risks.",
    gs__check_chain_exceeds_source },
  { "sub-delegation-not-allowed", GS_SEVERITY_ERROR,
    "A body delegates onwards what it may not sub-delegate",
    "Good practice in schemes of delegation: a delegate may delegate "
    "onwards only where its own delegation allows it (sub-delegate=\"true\").",
    gs__check_sub_delegation_not_allowed },
  { "conflicting-delegations", GS_SEVERITY_WARNING,
    "Two delegations disagree, or a reserved matter is delegated",
    "Good practice (\"Authority and Oversight – Clarity, Boundaries\"): one "
    "limit per delegate, matter and day, and nothing delegated that the "
    "board reserves to itself.",
    gs__check_conflicting_delegations },
  { "delegation-gap", GS_SEVERITY_WARNING,
    "A value range of a matter no one on a pathway may decide",
    "Good practice (\"Clarity re decision-making\"; \"Stress-testing "
    "arrangements\"): every value a pathway takes needs, at each deciding "
    "gateway, a body with authority for it.",
    gs__check_delegation_gap },
  { "ladder-cannot-bind", GS_SEVERITY_WARNING,
    "An escalation ladder's last level cannot bind",
    "NHSE/I, \"Strong decision-making\": \"Strong dispute resolution "
    "processes\"; the slides ask for \"Clarity re decision-making "
    "(including dispute resolution)\".",
    gs__check_ladder_cannot_bind },
  { "conflicts-declare-only", GS_SEVERITY_ADVICE,
    "Conflicted members declare but still vote",
    "Good practice on \"Conflicts of Interest\" (a governance issue the "
    "slides name): a conflicted member withdraws from the item.",
    gs__check_conflicts_declare_only },
  { "chair-action-no-limit", GS_SEVERITY_WARNING,
    "Chair's action with no financial limit, or above the body's own",
    "Good practice (\"Authority and Oversight – Clarity, Boundaries\"): "
    "chair's action between meetings binds like the body's decision, so it "
    "needs a limit no higher than the body's delegated authority; the slides "
    "list among the risks \"Lack of alignment with Schemes of Delegation\" "
    "and \"Lack of sufficient NED involvement/challenge\".",
    gs__check_chair_action_no_limit },
  { "urgent-route-behind-locked-gateway", GS_SEVERITY_WARNING,
    "An urgent route held at a locked gateway the terms of reference do not "
    "mention",
    "NHSE/I, \"Strong decision-making\": \"Locked gateways – different "
    "stages in the decision-making process\"; good practice (\"Clarity re "
    "decision-making\"): an urgent route does not skip an earlier stage, and "
    "the terms of reference should say that it waits for it.",
    gs__check_urgent_route_behind_locked_gateway },
  { "urgent-without-route", GS_SEVERITY_WARNING,
    "An urgent proposal sent to a body with no urgent route",
    "Good practice (\"Clarity re decision-making\"): terms of reference say "
    "how an urgent decision is taken between meetings; an item marked "
    "urgent for a body whose terms of reference say nothing of it simply "
    "waits for the next meeting.",
    gs__check_urgent_without_route },
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

/* The organisations never asked about keep NULL. */
static void
free_days (gpointer days)
{
  if (days != NULL)
    g_array_unref (days);
}

GPtrArray *
gs_check_scenario (const GsScenario *s)
{
  g_return_val_if_fail (s != NULL, NULL);
  GsCheckContext ctx = {
    .s = s,
    .findings
    = g_ptr_array_new_with_free_func ((GDestroyNotify)gs_finding_free),
    .scheme_days = g_ptr_array_new_with_free_func (free_days),
  };
  g_ptr_array_set_size (ctx.scheme_days, (gint)s->organisations->len);
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      ctx.rule = &rules[i];
      rules[i].run (&ctx);
    }
  /* g_ptr_array_sort() is stable, so one rule's findings on one line stay
   * in the order it found them. */
  g_ptr_array_sort (ctx.findings, compare_findings);
  g_ptr_array_unref (ctx.scheme_days);
  gs__check_context_clear (&ctx);
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

/* One element of a finding's list, as "    LABEL FILE:LINE kind 'id' (name)".
 */
static void
write_element (GString *out, const char *file, const char *label,
               const GsCheckElement *e)
{
  g_string_append_printf (out, "    %s %s:%d %s", label, file, e->line,
                          gs_element_kind_to_string (e->kind));
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
        write_element (out, file, k == 0 ? "elements:" : "         ",
                       &g_array_index (f->elements, GsCheckElement, k));
    }
}

static gboolean
same_element (const GsCheckElement *a, const GsCheckElement *b)
{
  return a->kind == b->kind && a->line == b->line
         && g_strcmp0 (a->id, b->id) == 0 && g_strcmp0 (a->name, b->name) == 0;
}

void
gs_check_write_grouped (const GsScenario *s, const GPtrArray *findings,
                        GString *out)
{
  const char *file = gs_scenario_get_source (s);
  /* The findings are sorted by line, then rule: a group is a run. */
  for (guint i = 0; i < findings->len;)
    {
      const GsFinding *f = g_ptr_array_index (findings, i);
      guint j = i + 1;
      while (j < findings->len)
        {
          const GsFinding *g = g_ptr_array_index (findings, j);
          if (g->rule != f->rule || g->line != f->line)
            break;
          j++;
        }
      if (j == i + 1)
        {
          g_autoptr (GPtrArray) one = g_ptr_array_new ();
          g_ptr_array_add (one, (gpointer)f);
          gs_check_write_findings (s, one, out);
          i = j;
          continue;
        }
      g_string_append_printf (out,
                              "%s:%d: %s: [%s] %u findings of this rule at "
                              "this line:\n",
                              file, f->line,
                              gs_severity_to_string (f->severity), f->rule->id,
                              j - i);
      for (guint k = i; k < j; k++)
        g_string_append_printf (
            out, "    - %s\n",
            ((const GsFinding *)g_ptr_array_index (findings, k))->message);
      g_string_append_printf (out, "    basis: %s\n", f->rule->basis);
      /* The elements of all of them, each once, in the order first named. */
      g_autoptr (GPtrArray) seen = g_ptr_array_new ();
      for (guint k = i; k < j; k++)
        {
          const GsFinding *g = g_ptr_array_index (findings, k);
          for (guint e = 0; e < g->elements->len; e++)
            {
              const GsCheckElement *el
                  = &g_array_index (g->elements, GsCheckElement, e);
              gboolean dup = FALSE;
              for (guint x = 0; x < seen->len && !dup; x++)
                dup = same_element (g_ptr_array_index (seen, x), el);
              if (!dup)
                g_ptr_array_add (seen, (gpointer)el);
            }
        }
      for (guint x = 0; x < seen->len; x++)
        write_element (out, file, x == 0 ? "elements:" : "         ",
                       g_ptr_array_index (seen, x));
      i = j;
    }
}

void
gs_check_write_text (const GsScenario *s, const GPtrArray *findings,
                     GString *out)
{
  gs_check_write_findings (s, findings, out);
  gs_check_write_counts (s, findings, out);
}

void
gs_check_write_counts (const GsScenario *s, const GPtrArray *findings,
                       GString *out)
{
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

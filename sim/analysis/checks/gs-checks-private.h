/* gs-checks-private.h — what the files of the review share.
 *
 * The review of `govsim check` is split by rule family: gs-checks.c holds
 * the rule table, runs the rules, sorts their findings and is the public
 * API of gs-checks.h; gs-check-composition.c, gs-check-delegation.c,
 * gs-check-pathways.c and gs-check-urgent.c hold the rules; gs-check-words.c
 * says things as a board paper would and names the elements of the file a
 * finding blames. This header is the contract between them: the context a rule
 * runs in, how it starts a finding, the words and element names every rule
 * uses, and the one scenario question two families ask (what can reach a
 * gateway).
 *
 * A rule reads the scenario and calls gs__check_report() for each finding,
 * then names the elements it blames; it allocates nothing that outlives the
 * call but its findings, so any number of threads may review one scenario.
 * Authority questions go to gs_authority_resolve() and membership tests to
 * the model's helpers (gs__lists(), gs__is_board_of(),
 * gs__delegation_reaches(), gs__value_in()), so the review and a run
 * cannot disagree.
 */
#pragma once

#include "model/gs-scenario-private.h"

#include <govsim/gs-checks.h>

G_BEGIN_DECLS

struct _GsCheckContext
{
  const GsScenario *s;
  const GsCheckRule *rule; /* the rule running */
  GPtrArray *findings;     /* GsFinding */
  GPtrArray *scheme_days;  /* per organisation, its scheme's days (GArray
                              of GsTime), sorted, made when first asked */
  GPtrArray *limits;       /* per organisation, (matter, limit) of each
                              matter each of its delegations lists (GArray
                              of GsCheckLimit), sorted by matter, made when
                              first asked */
  /* The proposals and arrival streams sent along each pathway, in file
   * order: those of pathway p are sent[sent_at[p]] to sent[sent_at[p + 1]]
   * (proposal indices, then arrival indices + GS_CHECK_ARRIVAL); made when
   * first asked. */
  guint *sent_at;
  guint *sent;
};

/* Marks an arrival stream's index among the proposals of ctx->sent. */
#define GS_CHECK_ARRIVAL 0x80000000u

/* One matter a delegation lists, and its limit (see ctx->limits). */
typedef struct
{
  guint matter;
  gint64 limit;
} GsCheckLimit;

/* Frees what gs-check-pathways.c built in @ctx. */
void gs__check_context_clear (GsCheckContext *ctx);

/* ---- findings (gs-checks.c) ------------------------------------------- */

/* Starts a finding of the running rule at @line, with @message as its
 * sentence; the rule then names its elements.  (transfer none): the
 * finding belongs to @ctx. */
GsFinding *gs__check_report (GsCheckContext *ctx, int line,
                             const GString *message);

/* Names an element of the file in @f, once.  With no @id, @name is the
 * whole description after the kind ("of 'fic'"). */
void gs__finding_name (GsFinding *f, GsElementKind kind, const char *id,
                       const char *name, int line);

/* ---- small helpers ---------------------------------------------------- */

/* Appends @v to the guint array @a unless it is there already (the lists
 * are of organisations or delegations of one finding: a few long). */
static inline void
gs__check_add_unique (GArray *a, guint v)
{
  for (guint i = 0; i < a->len; i++)
    if (g_array_index (a, guint, i) == v)
      return;
  g_array_append_val (a, v);
}

/* A GCompareFunc for arrays of GsTime. */
static inline int
gs__check_compare_times (gconstpointer a, gconstpointer b)
{
  GsTime x = *(const GsTime *)a, y = *(const GsTime *)b;
  return (x > y) - (x < y);
}

/* ---- words: naming things as a board paper would (gs-check-words.c) --- */

/* "Name ('id')", or "'id'" when the name is the id. */
void gs__say_named (GString *out, const char *name, const char *id);
void gs__say_org (GString *out, const GsScenario *s, guint org);
void gs__say_body (GString *out, const GsScenario *s, guint body);
void gs__say_person (GString *out, const GsScenario *s, guint person);
void gs__say_matter (GString *out, const GsScenario *s, guint matter);
/* The separator before item @i of @n in "a, b and c". */
void gs__say_sep (GString *out, guint i, guint n);
/* "a, b and c" of the organisations or matters in a guint array. */
void gs__say_orgs (GString *out, const GsScenario *s, const GArray *orgs);
void gs__say_matters (GString *out, const GsScenario *s, const GArray *matters);
/* "up to £1,000,000", or "without limit". */
void gs__say_limit (GString *out, gint64 limit);
/* "worth over £5,000,000", "of any value", ... */
void gs__say_range (GString *out, GsValueRange r);
/* "2024-04-01". */
void gs__say_date (GString *out, GsTime t);
/* "delegation 'd1'" or "the delegation on line 30". */
void gs__say_delegation (GString *out, const GsDelegation *d);
/* "gateway 'jc' of pathway Service reconfiguration ('reconfiguration')". */
void gs__say_gateway (GString *out, const GsScenario *s, guint pw, guint g);
/* "a joint committee", "committees in common", "a committee of X ('x')". */
void gs__say_body_kind (GString *out, const GsScenario *s, guint body);

/* ---- the elements a finding names (gs-check-words.c) ------------------ */

void gs__finding_name_org (GsFinding *f, const GsScenario *s, guint org);
void gs__finding_name_person (GsFinding *f, const GsScenario *s, guint person);
void gs__finding_name_matter (GsFinding *f, const GsScenario *s, guint matter);
void gs__finding_name_body (GsFinding *f, const GsScenario *s, guint body);
/* The scheme of delegation of @org. */
void gs__finding_name_scheme (GsFinding *f, const GsScenario *s, guint org);
void gs__finding_name_delegation (GsFinding *f, const GsScenario *s, guint di);
/* Nothing for an implicit pathway, which has no element in the file. */
void gs__finding_name_pathway (GsFinding *f, const GsScenario *s, guint pw);
/* Nothing for the gateway of an implicit pathway: its body, which the
 * caller names, is all the file has. */
void gs__finding_name_gateway (GsFinding *f, const GsScenario *s, guint pw,
                               guint g);
void gs__finding_name_ladder (GsFinding *f, const GsScenario *s, guint ladder);
void gs__finding_name_level (GsFinding *f, const GsScenario *s, guint ladder,
                             guint k);
/* A clause (quorum, voting) of @body on @line; nothing when @line is 0. */
void gs__finding_name_clause (GsFinding *f, const GsScenario *s, guint body,
                              GsElementKind kind, int line);
/* The proposals and arrival streams sent along pathway @pw, of @matter
 * (or of any matter, with -1). */
void gs__finding_name_traffic (GsFinding *f, const GsScenario *s, guint pw,
                               int matter);

/* ---- what can reach a gateway (gs-check-pathways.c) ------------------- */

/* A matter, and the values of it, that can reach a gateway. */
typedef struct
{
  guint matter;
  GsValueRange values;
} GsCheckReach;

/* (transfer full) (element-type GsCheckReach): the matters and values that
 * can reach gateway @g of pathway @pw, each cut to the values the gateway
 * applies to; a matter may appear more than once. */
GArray *gs__check_gateway_reach (GsCheckContext *ctx, guint pw, guint g);

/* ---- the rules, by family (the table in gs-checks.c orders them) ----- */

/* gs-check-composition.c: who sits on a body and how it decides. */
void gs__check_ft_committee_non_director (GsCheckContext *ctx);
void gs__check_joint_remuneration_committee (GsCheckContext *ctx);
void gs__check_quorum_never_met (GsCheckContext *ctx);
void gs__check_unanimity_many_parties (GsCheckContext *ctx);
void gs__check_conflicts_declare_only (GsCheckContext *ctx);

/* gs-check-delegation.c: what the schemes of delegation give. */
void gs__check_la_function_to_joint_committee (GsCheckContext *ctx);
void gs__check_corporate_governance_delegated (GsCheckContext *ctx);
void gs__check_non_delegable_delegated (GsCheckContext *ctx);
void gs__check_chain_exceeds_source (GsCheckContext *ctx);
void gs__check_sub_delegation_not_allowed (GsCheckContext *ctx);
void gs__check_conflicting_delegations (GsCheckContext *ctx);

/* gs-check-pathways.c: whether what arrives can be decided. */
void gs__check_gateway_without_authority (GsCheckContext *ctx);
void gs__check_delegation_gap (GsCheckContext *ctx);
void gs__check_matter_without_pathway (GsCheckContext *ctx);
void gs__check_ladder_cannot_bind (GsCheckContext *ctx);

/* gs-check-urgent.c: urgent decisions between meetings. */
void gs__check_chair_action_no_limit (GsCheckContext *ctx);
void gs__check_urgent_route_behind_locked_gateway (GsCheckContext *ctx);
void gs__check_urgent_without_route (GsCheckContext *ctx);

G_END_DECLS

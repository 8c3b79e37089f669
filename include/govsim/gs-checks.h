/* gs-checks.h — the static review of a scenario's terms of reference and
 * schemes of delegation, without simulating: `govsim check`.
 *
 * The review is a table of rules (gs_check_rules()).  Each rule has a
 * stable kebab-case id, a severity, a one-line title, its basis in words
 * (the statute, regulation or guidance it rests on, or "good practice") and
 * a function that inspects the scenario and reports findings.  Adding a rule
 * is one function in the file of its family under sim/analysis/checks/ and
 * one row of the table in sim/analysis/checks/gs-checks.c.
 *
 * A finding says, in one sentence a non-executive director could read
 * aloud, what is wrong and where, names the elements of the file it blames
 * (each with its line), and points at one primary line.  The review reads
 * the scenario only: it allocates its findings and nothing else, so any
 * number of threads may review one scenario at once.
 */
#pragma once

#include <glib.h>
#include <govsim/gs-scenario.h>

G_BEGIN_DECLS

/* In increasing order of gravity, so that "at or above a level" is >=. */
typedef enum
{
  GS_SEVERITY_ADVICE,  /* worth a second look; lawful as written */
  GS_SEVERITY_WARNING, /* a risk: gridlock, gaps, ambiguity */
  GS_SEVERITY_ERROR,   /* against the law or unworkable as written */
} GsSeverity;

/** "error", "warning" or "advice". */
const char *gs_severity_to_string (GsSeverity severity);

/** Parses "error", "warning" or "advice"; FALSE for anything else. */
gboolean gs_severity_from_string (const char *text, GsSeverity *out);

/* The state a rule's function works in; private to the review
 * (sim/analysis/checks/gs-checks-private.h). */
typedef struct _GsCheckContext GsCheckContext;

typedef struct
{
  const char *id;      /* stable, kebab-case: "quorum-never-met" */
  GsSeverity severity; /* of every finding of the rule */
  const char *title;   /* one line: what the rule finds */
  const char *basis;   /* why: the law or guidance, in words */
  void (*run) (GsCheckContext *ctx);
} GsCheckRule;

/** What kind of element of the file a finding names. */
typedef enum
{
  GS_ELEMENT_ORGANISATION,
  GS_ELEMENT_PERSON,
  GS_ELEMENT_MATTER,
  GS_ELEMENT_BODY,
  GS_ELEMENT_QUORUM,
  GS_ELEMENT_VOTING,
  GS_ELEMENT_SCHEME,
  GS_ELEMENT_RESERVED,
  GS_ELEMENT_DELEGATION,
  GS_ELEMENT_PATHWAY,
  GS_ELEMENT_GATEWAY,
  GS_ELEMENT_LADDER,
  GS_ELEMENT_LEVEL,
  GS_ELEMENT_PROPOSAL,
  GS_ELEMENT_ARRIVALS,
  GS_ELEMENT_URGENT, /* a body's <urgent> clause */
} GsElementKind;

/** "organisation", "person", "body", "delegation", ... */
const char *gs_element_kind_to_string (GsElementKind kind);

typedef struct
{
  GsElementKind kind;
  char *id;   /* the element's id, or NULL when it has none */
  char *name; /* its name or a description, or NULL */
  int line;
} GsCheckElement;

typedef struct
{
  const GsCheckRule *rule;
  GsSeverity severity; /* the rule's */
  int line;            /* the primary line the finding points at */
  char *message;       /* one plain-English sentence (or two) */
  GArray *elements;    /* GsCheckElement, in the order named; no repeats */
} GsFinding;

/**
 * gs_check_rules:
 * @n: (out): the number of rules
 *
 * Returns: (transfer none): the rule table, in the order the rules run.
 */
const GsCheckRule *gs_check_rules (guint *n);

/** The rule with @id, or NULL. */
const GsCheckRule *gs_check_rule_find (const char *id);

/**
 * gs_check_scenario:
 * Runs every rule on @scenario.
 *
 * Returns: (transfer full) (element-type GsFinding): the findings, sorted
 * by primary line, then rule id, then the order the rule found them; empty
 * when there is nothing to report.
 */
GPtrArray *gs_check_scenario (const GsScenario *scenario);

/** The number of @findings at or above @level. */
guint gs_check_count (const GPtrArray *findings, GsSeverity level);

/** Releases @finding; accepts NULL. */
void gs_finding_free (GsFinding *finding);

/**
 * gs_check_write_findings:
 * Appends each finding as
 *
 *     FILE:LINE: SEVERITY: [RULE-ID] sentence
 *         basis: ...
 *         elements: FILE:LINE kind 'id' (name); ...
 */
void gs_check_write_findings (const GsScenario *scenario,
                              const GPtrArray *findings, GString *out);

/**
 * gs_check_write_grouped:
 * As gs_check_write_findings(), except that the findings of one rule at one
 * primary line (one cause: the element that line blames), when there are
 * several, make one block: the count, each sentence on a line of its own,
 * the basis once, and the elements of all of them, each once:
 *
 *     FILE:LINE: SEVERITY: [RULE-ID] N findings of this rule at this line:
 *         - sentence
 *         - sentence
 *         basis: ...
 *         elements: FILE:LINE kind 'id' (name); ...
 */
void gs_check_write_grouped (const GsScenario *scenario,
                             const GPtrArray *findings, GString *out);

/**
 * gs_check_write_counts:
 * The line counting @findings by severity (see gs_check_write_text()).
 */
void gs_check_write_counts (const GsScenario *scenario,
                            const GPtrArray *findings, GString *out);

/**
 * gs_check_write_text:
 * gs_check_write_findings(), then one line counting them by severity:
 * "FILE: 3 findings (1 error, 2 warnings, 0 advice)" or "FILE: no findings".
 */
void gs_check_write_text (const GsScenario *scenario, const GPtrArray *findings,
                          GString *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsFinding, gs_finding_free)

G_END_DECLS

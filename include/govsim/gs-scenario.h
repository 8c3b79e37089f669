/* gs-scenario.h — the governance model: a loaded, checked scenario.
 *
 * A GsScenario holds the organisations, people, matter types, bodies,
 * behaviour (stances) and proposal traffic of one scenario file.  It is
 * built by the loader (gs-loader.h), checked once, and immutable afterwards:
 * any number of runs, on any number of threads, may read one scenario at the
 * same time.  Entities refer to each other by index, not by pointer; ids are
 * kept for reports.
 */
#pragma once

#include <glib.h>
#include <govsim/gs-time.h>

G_BEGIN_DECLS

typedef enum
{
  GS_ORG_NHS_TRUST,
  GS_ORG_FOUNDATION_TRUST,
  GS_ORG_ICB,
  GS_ORG_LOCAL_AUTHORITY,
  GS_ORG_COMBINED_AUTHORITY,
  GS_ORG_VCSE,
  GS_ORG_INDEPENDENT,
  GS_ORG_CIC,
} GsOrgKind;

typedef enum
{
  GS_ROLE_CHAIR,
  GS_ROLE_NED,
  GS_ROLE_CHIEF_EXECUTIVE,
  GS_ROLE_FINANCE_DIRECTOR,
  GS_ROLE_EXECUTIVE,
  GS_ROLE_GOVERNOR,
  GS_ROLE_OFFICER,
  GS_ROLE_EXTERNAL,
} GsRole;

typedef enum
{
  GS_BODY_BOARD,
  GS_BODY_COMMITTEE, /* of one organisation, or a constituent */
  GS_BODY_ADVISORY,
  GS_BODY_OFFICER,
  GS_BODY_JOINT_COMMITTEE, /* one body of several parties */
  GS_BODY_CIC,             /* committees in common: a group of constituents */
} GsBodyKind;

typedef struct _GsScenario GsScenario;

/** Releases @scenario; accepts NULL. */
void gs_scenario_free (GsScenario *scenario);

/** The scenario's name, as shown in reports.  (transfer none) */
const char *gs_scenario_get_name (const GsScenario *scenario);
/** The file the scenario was read from.  (transfer none) */
const char *gs_scenario_get_source (const GsScenario *scenario);
/** First simulated day and the exclusive end of the simulated period. */
GsTime gs_scenario_get_start (const GsScenario *scenario);
GsTime gs_scenario_get_end (const GsScenario *scenario);
/** The seed used when the command line gives none. */
guint64 gs_scenario_get_default_seed (const GsScenario *scenario);

guint gs_scenario_n_organisations (const GsScenario *scenario);
guint gs_scenario_n_people (const GsScenario *scenario);
guint gs_scenario_n_matters (const GsScenario *scenario);
guint gs_scenario_n_bodies (const GsScenario *scenario);
guint gs_scenario_n_proposals (const GsScenario *scenario);
guint gs_scenario_n_arrivals (const GsScenario *scenario);

/* Warnings the loader gave a file it accepted: each "file:line: warning:
 * sentence" for work asked for above GS_LIMIT_NEAR_PERCENT of a limit of
 * gs-limits.h (legal, but a small change would be refused).  `govsim
 * check` prints them on standard error. */
guint gs_scenario_n_warnings (const GsScenario *scenario);
/** (transfer none) */
const char *gs_scenario_get_warning (const GsScenario *scenario, guint i);

/** Index of the entity with @id, or -1.  Ids are unique per kind. */
int gs_scenario_find_body (const GsScenario *scenario, const char *id);
int gs_scenario_find_person (const GsScenario *scenario, const char *id);
int gs_scenario_find_matter (const GsScenario *scenario, const char *id);

/**
 * gs_scenario_support:
 * The probability that @person supports a proposal of @matter, resolved once
 * at load time from the most specific matching stance.
 */
double gs_scenario_support (const GsScenario *scenario, guint person,
                            guint matter);

const char *gs_org_kind_to_string (GsOrgKind kind);
const char *gs_role_to_string (GsRole role);
const char *gs_body_kind_to_string (GsBodyKind kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsScenario, gs_scenario_free)

G_END_DECLS

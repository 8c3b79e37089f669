/* gs-power-report.h — voting power in words, as JSON and as CSV.
 *
 * Writers of the report gs_power_analyse() computed (gs-power.h): they
 * append to a GString and never count; the headline sentences are built
 * here once and shared by the text and the JSON.  Numbers are written
 * with '.' whatever the locale.
 */
#pragma once

#include <glib.h>
#include <govsim/gs-power.h>

G_BEGIN_DECLS

/**
 * gs_power_headline:
 * Appends to @sentences (element-type utf8, transfer full) the headline
 * sentences for @body: who can block alone ("Any one of the four
 * organisations ... can block every decision of X under consensus"), veto
 * players, dummies, and a rule that can never be met.
 */
void gs_power_headline (const GsScenario *scenario, const GsBodyPower *body,
                        GPtrArray *sentences);

/**
 * gs_power_write_text:
 * Appends the report: per body the headline, the indices per member and
 * per organisation, coalition counts, the smallest blocking coalition,
 * quorum criticality and decisiveness by matter type.
 */
void gs_power_write_text (const GsScenario *scenario,
                          const GsPowerReport *report, GString *out);

/**
 * gs_power_write_json:
 * Appends the report as one JSON document of kind "power" (the README's
 * "Voting power" section describes its keys).  Exact counts, which may
 * exceed 64 bits, are strings of decimal digits.
 */
void gs_power_write_json (const GsScenario *scenario,
                          const GsPowerReport *report, GString *out);

/**
 * gs_power_write_csv:
 * Appends the indices as CSV (RFC 4180): one row per player of each game
 * of each body, columns named as the JSON keys.
 */
void gs_power_write_csv (const GsScenario *scenario,
                         const GsPowerReport *report, GString *out);

/**
 * gs_power_write_html:
 * Appends the report as one self-contained HTML page: per body the
 * headline, every index per member and per organisation as tables and as
 * grouped bars (cairo), the coalition counts, quorum criticality and
 * decisiveness by matter type.
 * Returns: FALSE with @error (GS_WRITE_ERROR_CHART) if a chart could not
 * be drawn.
 */
gboolean gs_power_write_html (const GsScenario *scenario,
                              const GsPowerReport *report, GString *out,
                              GError **error);

G_END_DECLS

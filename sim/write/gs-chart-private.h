/* gs-chart-private.h — the charts of the HTML report, drawn with cairo,
 * and SVG made fit to inline in a page.
 *
 * Each chart function appends one complete SVG document (as cairo's SVG
 * surface writes it) to @svg; gs__svg_inline() then strips its XML prolog
 * and gives its ids a prefix, so that several SVGs (cairo names its glyphs
 * glyph0-1 in every document, Graphviz its nodes node1) can share one
 * page without one picture's references resolving into another's.
 */
#pragma once

#include "model/gs-scenario-private.h"

#include <govsim/gs-series.h>
#include <govsim/gs-summary.h>

G_BEGIN_DECLS

/* Horizontal stacked bars: each matter type's proposals approved,
 * rejected, gridlocked and pending. */
gboolean gs__chart_outcomes (const GsScenario *s, const GsSummary *sum,
                             GString *svg, GError **error);

/* Columns: proposals decided, by days from arrival to decision, approved
 * and rejected stacked. */
gboolean gs__chart_days (const GsSeries *series, GString *svg, GError **error);

/* Lines: items before each body over the period (the eight bodies with
 * the largest peaks; *@omitted says how many others had items). */
gboolean gs__chart_backlog (const GsScenario *s, const GsSeries *series,
                            GString *svg, guint *omitted, GError **error);

/* Appends @svg (a whole SVG document) to @out as an inline <svg> element:
 * everything before "<svg" dropped, every id, "#id" reference and
 * url(#id) inside a tag prefixed with @prefix. */
void gs__svg_inline (GString *out, const char *svg, const char *prefix);

G_END_DECLS

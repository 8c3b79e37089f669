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
#include <govsim/gs-stats.h>
#include <govsim/gs-summary.h>

#include <cairo.h>

G_BEGIN_DECLS

/* ---- the drawing kit every chart uses (gs-chart.c) --------------------- */

/* Every chart is this wide: it fits a printed page. */
#define GS_CHART_W 680.0

typedef struct
{
  double r, g, b;
} GsRgb;

#define GS_CHART_N_PALETTE 8
/* Eight series colours that stay apart in greyscale print, the axis and
 * text colour, and the outcomes' (approved, rejected, gridlocked,
 * pending). */
extern const GsRgb gs__chart_palette[GS_CHART_N_PALETTE];
extern const GsRgb gs__chart_axis;
extern const GsRgb gs__chart_outcome[4];

/* A cairo context on an SVG surface @h pixels high that appends the
 * document to @svg when gs__chart_end() finishes it: white ground,
 * sans-serif 11 px. */
cairo_t *gs__chart_begin (GString *svg, double h, cairo_surface_t **surface);
/* Finishes and frees the drawing; FALSE with GS_WRITE_ERROR_CHART if
 * cairo failed. */
gboolean gs__chart_end (cairo_t *cr, cairo_surface_t *surface, GError **error);
void gs__chart_rgb (cairo_t *cr, GsRgb c);
/* Draws @text with its left end (or, with @right, its right end) at x and
 * baseline y, cut with an ellipsis to @max pixels. */
void gs__chart_text (cairo_t *cr, double x, double y, const char *text,
                     double max, gboolean right);
/* A row of coloured squares with their names, from (x, y). */
void gs__chart_legend (cairo_t *cr, double x, double y,
                       const char *const *names, const GsRgb *colours, guint n);
/* A step of 1, 2 or 5 × 10^k giving at most about @ticks ticks over
 * @span (1 when @span is not positive). */
double gs__chart_step (double span, int ticks);

/* ---- the run report's charts (gs-chart.c) ------------------------------ */

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

/* ---- the charts of studies, comparisons and power (gs-chart-est.c) ---- */

/* One row of an interval chart: an estimate drawn as a point with its
 * interval as whiskers. */
typedef struct
{
  const char *label; /* at the left; NULL: none (a row of the group above) */
  GsEstimate e;      /* not defined: the row says so and draws nothing */
  guint colour;      /* index into the palette (or the series' colours) */
  gboolean mark;     /* drawn with a ring and "≠0": the interval excludes
                        zero */
} GsChartRow;

/* Horizontal rows of points with whiskers on one axis from @min to @max
 * (NAN: from the rows' intervals, and zero with @zero), a vertical line at
 * zero with @zero, the value printed at each row's right with @digits
 * decimals, @n_series legend entries (@series, colours @colours, NULL:
 * the palette), and @axis as the caption under the axis. */
gboolean gs__chart_intervals (const GsChartRow *rows, guint n, double min,
                              double max, gboolean zero, int digits,
                              const char *const *series, const GsRgb *colours,
                              guint n_series, const char *axis, GString *svg,
                              GError **error);

/* Grouped horizontal bars: @n_groups groups (labels @groups), each with
 * one bar per series (@n_series, names @series, palette colours), of
 * @values[g × n_series + k]; @lo and @hi (nullable, NAN where none) draw
 * whiskers.  The axis runs from 0 to @max (NAN: from the data).  Each bar
 * is labelled with its value at @digits decimals. */
gboolean gs__chart_bars (const char *const *groups, guint n_groups,
                         const char *const *series, guint n_series,
                         const double *values, const double *lo,
                         const double *hi, double max, int digits,
                         const char *axis, GString *svg, GError **error);

/* Lines: @n_series series over @n_points points along x, the points at
 * @x (nullable: evenly spaced) labelled @xlabels, each value with its
 * interval as a whisker (estimates @est[k × n_points + i]); the y axis
 * from @min to @max (NAN: from the data); @xaxis and @yaxis captions. */
gboolean gs__chart_lines (const char *const *xlabels, const double *x,
                          guint n_points, const char *const *series,
                          guint n_series, const GsEstimate *est, double min,
                          double max, int digits, const char *xaxis,
                          const char *yaxis, GString *svg, GError **error);

/* Appends @svg (a whole SVG document) to @out as an inline <svg> element:
 * everything before "<svg" dropped, every id, "#id" reference and
 * url(#id) inside a tag prefixed with @prefix. */
void gs__svg_inline (GString *out, const char *svg, const char *prefix);

G_END_DECLS

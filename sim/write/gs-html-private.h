/* gs-html-private.h — the page every HTML report shares: the head with
 * its one stylesheet, escaping, figures and numbers (gs-html-page.c).
 *
 * The run report (gs-html.c) and the reports of studies, comparisons and
 * voting power (gs-html-study.c, gs-html-compare.c, gs-html-power.c) are
 * all one self-contained page: no script, no external stylesheet, font
 * or image, the pictures inline SVG drawn by cairo (gs-chart-private.h)
 * or Graphviz, readable with scripts disabled and fit to print.  Every
 * string from a scenario or the command line goes through gs__html_esc().
 */
#pragma once

#include <govsim/gs-stats.h>

#include <glib.h>

G_BEGIN_DECLS

/* Appends @text (NULL: nothing) with & < > " ' as entities. */
void gs__html_esc (GString *out, const char *text);

/* Appends @text, a GString made by a text writer, escaped, without its
 * trailing line ends (which it removes from @text). */
void gs__html_esc_line (GString *out, GString *text);

/* The doctype, head (title "@name — @what", the stylesheet) and <body>. */
void gs__html_begin (GString *page, const char *name, const char *what);
/* </body></html>. */
void gs__html_end (GString *page);

/* A <figure> holding the SVG document @svg inlined with ids prefixed by
 * @prefix (gs__svg_inline()), and @caption, which is HTML already. */
void gs__html_figure (GString *out, const GString *svg, const char *prefix,
                      const char *caption);

/* @v with @digits decimals, locale-free, "+" first with @sign, never
 * "-0.000"; "–" for NAN. */
void gs__html_num (GString *out, double v, int digits, gboolean sign);

/* Two cells: the estimate and its interval "lo – hi" ("–" when
 * undefined). */
void gs__html_est_cells (GString *out, GsEstimate e, int digits, gboolean sign);

G_END_DECLS

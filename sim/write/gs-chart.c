/* gs-chart.c — the report's charts, drawn with cairo's SVG surface.
 *
 * Why cairo: it is the 2D library Graphviz, GTK and Inkscape's exporters
 * draw with, Debian packages it (libcairo2-dev), and its SVG surface writes
 * a real vector drawing — antialiased paths, clipping, dashes — rather
 * than path strings assembled by hand.  It also writes text as glyph
 * outlines, so a chart looks the same in any browser with no font to
 * fetch, and no name from a scenario is ever markup in the page: it is
 * shapes.  Layout is fixed-size (a width that fits a printed page) and
 * computed from the numbers the analysis layer gave; nothing is counted
 * here.  Colours are chosen to stay apart in greyscale print.
 */
#include "write/gs-chart-private.h"
#include "write/gs-write-private.h"

#include <cairo-svg.h>
#include <cairo.h>

#include <math.h>
#include <string.h>

#define W GS_CHART_W

#define C_APPROVED gs__chart_outcome[0]
#define C_REJECTED gs__chart_outcome[1]
#define C_GRIDLOCK gs__chart_outcome[2]
#define C_PENDING  gs__chart_outcome[3]

const GsRgb gs__chart_axis = { 0.25, 0.25, 0.25 };
const GsRgb gs__chart_outcome[4] = { { 0.18, 0.49, 0.20 },
                                     { 0.90, 0.49, 0.13 },
                                     { 0.55, 0.07, 0.07 },
                                     { 0.62, 0.62, 0.62 } };
const GsRgb gs__chart_palette[GS_CHART_N_PALETTE] = {
  { 0.12, 0.37, 0.66 }, { 0.84, 0.15, 0.16 }, { 0.17, 0.63, 0.17 },
  { 0.58, 0.40, 0.74 }, { 1.00, 0.50, 0.05 }, { 0.55, 0.34, 0.29 },
  { 0.89, 0.47, 0.76 }, { 0.09, 0.75, 0.81 },
};

static cairo_status_t
to_gstring (void *closure, const unsigned char *data, unsigned int length)
{
  g_string_append_len (closure, (const char *)data, length);
  return CAIRO_STATUS_SUCCESS;
}

cairo_t *
gs__chart_begin (GString *svg, double h, cairo_surface_t **surface)
{
  *surface = cairo_svg_surface_create_for_stream (to_gstring, svg, W, h);
  cairo_svg_surface_restrict_to_version (*surface, CAIRO_SVG_VERSION_1_1);
  cairo_t *cr = cairo_create (*surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_select_font_face (cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL,
                          CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 11);
  return cr;
}

gboolean
gs__chart_end (cairo_t *cr, cairo_surface_t *surface, GError **error)
{
  cairo_status_t st = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (st == CAIRO_STATUS_SUCCESS)
    st = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (st != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, GS_WRITE_ERROR, GS_WRITE_ERROR_CHART,
                   "cairo could not draw a chart: %s",
                   cairo_status_to_string (st));
      return FALSE;
    }
  return TRUE;
}

void
gs__chart_rgb (cairo_t *cr, GsRgb c)
{
  cairo_set_source_rgb (cr, c.r, c.g, c.b);
}

void
gs__chart_text (cairo_t *cr, double x, double y, const char *text, double max,
                gboolean right)
{
  g_autofree char *cut = g_strdup (text);
  cairo_text_extents_t ext;
  cairo_text_extents (cr, cut, &ext);
  glong n = g_utf8_strlen (cut, -1);
  while (ext.x_advance > max && n > 1)
    {
      n--;
      g_autofree char *head = g_utf8_substring (text, 0, n);
      g_free (cut);
      cut = g_strconcat (head, "…", NULL);
      cairo_text_extents (cr, cut, &ext);
    }
  cairo_move_to (cr, right ? x - ext.x_advance : x, y);
  cairo_show_text (cr, cut);
}

void
gs__chart_legend (cairo_t *cr, double x, double y, const char *const *names,
                  const GsRgb *colours, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      gs__chart_rgb (cr, colours[i]);
      cairo_rectangle (cr, x, y - 9, 10, 10);
      cairo_fill (cr);
      gs__chart_rgb (cr, gs__chart_axis);
      cairo_move_to (cr, x + 14, y);
      cairo_show_text (cr, names[i]);
      cairo_text_extents_t ext;
      cairo_text_extents (cr, names[i], &ext);
      x += 14 + ext.x_advance + 16;
    }
}

double
gs__chart_step (double span, int ticks)
{
  double raw = span / ticks;
  if (!(raw > 0))
    return 1;
  double mag = pow (10, floor (log10 (raw)));
  double f = raw / mag;
  double step = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
  return step * mag;
}

/* A step of 1, 2 or 5 × 10^k giving at most @ticks ticks up to @max. */
static double
nice_step (double max, int ticks)
{
  return MAX (1, gs__chart_step (MAX (max, 1), ticks));
}

static void
number_text (cairo_t *cr, double x, double y, double v, gboolean right)
{
  char buf[32];
  g_snprintf (buf, sizeof buf, "%.0f", v);
  gs__chart_text (cr, x, y, buf, 80, right);
}

gboolean
gs__chart_outcomes (const GsScenario *s, const GsSummary *sum, GString *svg,
                    GError **error)
{
  guint n = sum->matters->len;
  double row = 24, top = 34, left = 190, right = 50;
  double h = top + MAX (n, 1) * row + 30;
  cairo_surface_t *surface;
  cairo_t *cr = gs__chart_begin (svg, h, &surface);
  static const char *const names[]
      = { "approved", "rejected", "gridlocked", "pending" };
  const GsRgb colours[] = { C_APPROVED, C_REJECTED, C_GRIDLOCK, C_PENDING };
  gs__chart_legend (cr, left, 16, names, colours, 4);
  guint most = 1;
  for (guint i = 0; i < n; i++)
    most = MAX (most, g_array_index (sum->matters, GsMatterStats, i).o.arrived);
  double scale = (W - left - right) / most;
  for (guint i = 0; i < n; i++)
    {
      const GsMatterStats *m = &g_array_index (sum->matters, GsMatterStats, i);
      double y = top + i * row;
      gs__chart_rgb (cr, gs__chart_axis);
      gs__chart_text (cr, left - 8, y + 15, GS_MATTER (s, m->matter)->name,
                      left - 14, TRUE);
      guint parts[]
          = { m->o.approved, m->o.rejected, m->o.gridlocked, m->o.pending };
      double x = left;
      for (guint k = 0; k < 4; k++)
        {
          if (parts[k] == 0)
            continue;
          gs__chart_rgb (cr, colours[k]);
          cairo_rectangle (cr, x, y + 4, parts[k] * scale, row - 8);
          cairo_fill (cr);
          x += parts[k] * scale;
        }
      gs__chart_rgb (cr, gs__chart_axis);
      number_text (cr, x + 6, y + 15, m->o.arrived, FALSE);
    }
  if (n == 0)
    {
      gs__chart_rgb (cr, gs__chart_axis);
      gs__chart_text (cr, left, top + 15, "No proposals arrived.", W, FALSE);
    }
  /* The axis: proposals. */
  gs__chart_rgb (cr, gs__chart_axis);
  cairo_set_line_width (cr, 1);
  double base = top + MAX (n, 1) * row + 4;
  cairo_move_to (cr, left, top);
  cairo_line_to (cr, left, base);
  cairo_stroke (cr);
  double step = nice_step (most, 8);
  for (double v = 0; v <= most + 1e-9; v += step)
    number_text (cr, left + v * scale, base + 14, v, FALSE);
  return gs__chart_end (cr, surface, error);
}

gboolean
gs__chart_days (const GsSeries *se, GString *svg, GError **error)
{
  double h = 260, top = 34, left = 50, bottom = 44, right = 20;
  cairo_surface_t *surface;
  cairo_t *cr = gs__chart_begin (svg, h, &surface);
  static const char *const names[] = { "approved", "rejected" };
  const GsRgb colours[] = { C_APPROVED, C_REJECTED };
  gs__chart_legend (cr, left, 16, names, colours, 2);
  guint n = se->days->len, most = 1;
  for (guint i = 0; i < n; i++)
    {
      const GsDaysBin *b = &g_array_index (se->days, GsDaysBin, i);
      most = MAX (most, b->approved + b->rejected);
    }
  double plot_w = W - left - right, plot_h = h - top - bottom;
  double bw = plot_w / MAX (n, 1);
  double ys = plot_h / most;
  double base = top + plot_h;
  for (guint i = 0; i < n; i++)
    {
      const GsDaysBin *b = &g_array_index (se->days, GsDaysBin, i);
      double x = left + i * bw;
      gs__chart_rgb (cr, C_APPROVED);
      cairo_rectangle (cr, x + 1, base - b->approved * ys, bw - 2,
                       b->approved * ys);
      cairo_fill (cr);
      gs__chart_rgb (cr, C_REJECTED);
      cairo_rectangle (cr, x + 1, base - (b->approved + b->rejected) * ys,
                       bw - 2, b->rejected * ys);
      cairo_fill (cr);
    }
  gs__chart_rgb (cr, gs__chart_axis);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, left, top);
  cairo_line_to (cr, left, base);
  cairo_line_to (cr, left + plot_w, base);
  cairo_stroke (cr);
  double step = nice_step (most, 5);
  for (double v = 0; v <= most + 1e-9; v += step)
    number_text (cr, left - 6, base - v * ys + 4, v, TRUE);
  /* Bin edges, thinned to about ten labels. */
  guint every = MAX (1, (n + 9) / 10);
  for (guint i = 0; i <= n; i += every)
    number_text (cr, left + i * bw, base + 14, (double)i * se->bin_days, FALSE);
  char caption[96];
  g_snprintf (caption, sizeof caption,
              "days from arrival to decision (bins of %u day%s)", se->bin_days,
              se->bin_days == 1 ? "" : "s");
  gs__chart_text (cr, left, h - 8, caption, plot_w, FALSE);
  return gs__chart_end (cr, surface, error);
}

static int
cmp_peak (gconstpointer a, gconstpointer b)
{
  const GsBacklog *x = *(const GsBacklog *const *)a;
  const GsBacklog *y = *(const GsBacklog *const *)b;
  if (x->peak != y->peak)
    return x->peak > y->peak ? -1 : 1;
  return x->body < y->body ? -1 : x->body > y->body;
}

gboolean
gs__chart_backlog (const GsScenario *s, const GsSeries *se, GString *svg,
                   guint *omitted, GError **error)
{
  g_autoptr (GPtrArray) shown = g_ptr_array_new ();
  for (guint i = 0; i < se->backlog->len; i++)
    g_ptr_array_add (shown, &g_array_index (se->backlog, GsBacklog, i));
  g_ptr_array_sort (shown, cmp_peak);
  *omitted = 0;
  if (shown->len > G_N_ELEMENTS (gs__chart_palette))
    {
      *omitted = shown->len - G_N_ELEMENTS (gs__chart_palette);
      g_ptr_array_set_size (shown, G_N_ELEMENTS (gs__chart_palette));
    }
  guint rows = (shown->len + 1) / 2;
  double top = 14 + rows * 16 + 10, left = 50, right = 20, bottom = 40;
  double plot_h = 200, h = top + plot_h + bottom;
  cairo_surface_t *surface;
  cairo_t *cr = gs__chart_begin (svg, h, &surface);
  /* Legend: two columns of body names. */
  for (guint i = 0; i < shown->len; i++)
    {
      const GsBacklog *bl = g_ptr_array_index (shown, i);
      double x = left + (i % 2) * 310, y = 20 + (i / 2) * 16;
      gs__chart_rgb (cr, gs__chart_palette[i]);
      cairo_rectangle (cr, x, y - 9, 14, 4);
      cairo_fill (cr);
      gs__chart_rgb (cr, gs__chart_axis);
      gs__chart_text (cr, x + 20, y, GS_BODY (s, bl->body)->name, 280, FALSE);
    }
  guint most = 1;
  for (guint i = 0; i < shown->len; i++)
    most = MAX (most, ((const GsBacklog *)g_ptr_array_index (shown, i))->peak);
  double plot_w = W - left - right;
  double base = top + plot_h;
  double xs = plot_w / MAX (se->n_times > 1 ? se->n_times - 1 : 1, 1);
  double ys = plot_h / most;
  /* Months along the axis: a tick and label at the first instant of each
   * month, every month or every few so that labels stand at least 70
   * pixels apart. */
  gs__chart_rgb (cr, gs__chart_axis);
  cairo_set_line_width (cr, 1);
  guint months = 0;
  for (guint k = 0; k < se->n_times; k++)
    {
      int y, m, d;
      gs_time_to_civil (se->times[k], &y, &m, &d);
      if (d <= (int)se->step_days)
        months++;
    }
  double per_month = months > 0 ? plot_w / months : plot_w;
  guint stride = (guint)MAX (1.0, ceil (70.0 / per_month)), seen = 0;
  for (guint k = 0; k < se->n_times; k++)
    {
      int y, m, d;
      gs_time_to_civil (se->times[k], &y, &m, &d);
      if (d > (int)se->step_days)
        continue;
      if (seen++ % stride != 0)
        continue;
      double x = left + k * xs;
      cairo_move_to (cr, x, base);
      cairo_line_to (cr, x, base + 4);
      cairo_stroke (cr);
      char lab[16];
      g_snprintf (lab, sizeof lab, "%04d-%02d", y, m);
      gs__chart_text (cr, x - 16, base + 16, lab, 60, FALSE);
    }
  cairo_move_to (cr, left, top);
  cairo_line_to (cr, left, base);
  cairo_line_to (cr, left + plot_w, base);
  cairo_stroke (cr);
  double step = nice_step (most, 5);
  for (double v = 0; v <= most + 1e-9; v += step)
    number_text (cr, left - 6, base - v * ys + 4, v, TRUE);
  gs__chart_text (cr, left, h - 6, "items before the body", plot_w, FALSE);
  cairo_set_line_width (cr, 1.8);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < shown->len; i++)
    {
      const GsBacklog *bl = g_ptr_array_index (shown, i);
      gs__chart_rgb (cr, gs__chart_palette[i]);
      /* Dashes too, so lines stay apart in greyscale. */
      double dash[] = { 6.0 + 2 * (i % 4), 2.0 * (i / 4) };
      cairo_set_dash (cr, dash, i >= 4 ? 2 : 0, 0);
      for (guint k = 0; k < se->n_times; k++)
        {
          double x = left + k * xs, y = base - bl->counts[k] * ys;
          if (k == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      cairo_stroke (cr);
    }
  if (shown->len == 0)
    {
      gs__chart_rgb (cr, gs__chart_axis);
      gs__chart_text (cr, left + 10, top + 20, "No body had items before it.",
                      W, FALSE);
    }
  return gs__chart_end (cr, surface, error);
}

void
gs__svg_inline (GString *out, const char *svg, const char *prefix)
{
  const char *p = strstr (svg, "<svg");
  if (p == NULL)
    return;
  gboolean in_tag = FALSE;
  while (*p)
    {
      if (*p == '<')
        in_tag = TRUE;
      else if (*p == '>')
        in_tag = FALSE;
      if (in_tag)
        {
          static const char *const pats[] = { " id=\"", "href=\"#", "url(#" };
          gboolean hit = FALSE;
          for (gsize k = 0; k < G_N_ELEMENTS (pats) && !hit; k++)
            {
              gsize len = strlen (pats[k]);
              if (strncmp (p, pats[k], len) == 0)
                {
                  g_string_append_len (out, p, (gssize)len);
                  g_string_append (out, prefix);
                  p += len;
                  hit = TRUE;
                }
            }
          if (hit)
            continue;
        }
      g_string_append_c (out, *p++);
    }
}

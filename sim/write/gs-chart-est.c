/* gs-chart-est.c — the charts of studies, comparisons and voting power,
 * drawn with cairo's SVG surface through the kit of gs-chart.c.
 *
 * Three shapes serve every analysis: estimates as points with their
 * intervals as whiskers (a Monte Carlo study's probabilities, a
 * comparison's paired differences, with a ring where the interval
 * excludes zero), grouped horizontal bars (the versions of a comparison
 * side by side, a body's voting-power indices per member), and lines with
 * whiskers at each point (a sweep's figures against the swept value).
 * They draw the numbers they are given; nothing is computed here but the
 * layout.  Sizes are fixed by the number of rows, so the same numbers
 * give the same bytes.
 */
#include "write/gs-chart-private.h"

#include <math.h>
#include <string.h>

#define W GS_CHART_W

static const GsRgb grid = { 0.88, 0.88, 0.88 };

static void
number (char *buf, gsize size, double v, int digits)
{
  char fmt[16];
  g_snprintf (fmt, sizeof fmt, "%%.%df", digits);
  g_ascii_formatd (buf, size, fmt, v);
  /* No "-0.00". */
  if (buf[0] == '-')
    {
      gboolean zero = TRUE;
      for (const char *p = buf + 1; *p; p++)
        zero &= *p == '0' || *p == '.';
      if (zero)
        memmove (buf, buf + 1, strlen (buf));
    }
}

static GsRgb
colour_of (const GsRgb *colours, guint k)
{
  return colours ? colours[k] : gs__chart_palette[k % GS_CHART_N_PALETTE];
}

/* Widens [*lo, *hi] to a span worth drawing and returns the tick step. */
static double
fit_range (double *lo, double *hi, int ticks)
{
  if (!isfinite (*lo) || !isfinite (*hi))
    {
      *lo = 0;
      *hi = 1;
    }
  if (*hi - *lo < 1e-12)
    {
      double pad = fabs (*hi) > 0 ? fabs (*hi) * 0.5 : 1;
      *lo -= pad;
      *hi += pad;
    }
  double step = gs__chart_step (*hi - *lo, ticks);
  *lo = floor (*lo / step + 1e-9) * step;
  *hi = ceil (*hi / step - 1e-9) * step;
  return step;
}

/* Tick labels along a horizontal axis at y = @base from @lo to @hi. */
static void
x_ticks (cairo_t *cr, double left, double width, double lo, double hi,
         double step, double top, double base, int digits)
{
  double span = hi - lo;
  int tick_digits = step >= 1 ? 0 : (int)ceil (-log10 (step) - 1e-9);
  tick_digits = MIN (tick_digits, MAX (digits, 0) + 1);
  for (int k = 0;; k++)
    {
      double v = lo + k * step;
      if (v > hi + step * 1e-6)
        break;
      double x = left + (v - lo) / span * width;
      gs__chart_rgb (cr, grid);
      cairo_move_to (cr, x, top);
      cairo_line_to (cr, x, base);
      cairo_stroke (cr);
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      number (buf, sizeof buf, v, tick_digits);
      gs__chart_rgb (cr, gs__chart_axis);
      cairo_text_extents_t ext;
      cairo_text_extents (cr, buf, &ext);
      cairo_move_to (cr, x - ext.x_advance / 2, base + 14);
      cairo_show_text (cr, buf);
    }
}

/* A whisker from @a to @b at height @y with end caps. */
static void
whisker_h (cairo_t *cr, double a, double b, double y, double cap)
{
  cairo_move_to (cr, a, y);
  cairo_line_to (cr, b, y);
  cairo_move_to (cr, a, y - cap);
  cairo_line_to (cr, a, y + cap);
  cairo_move_to (cr, b, y - cap);
  cairo_line_to (cr, b, y + cap);
  cairo_stroke (cr);
}

gboolean
gs__chart_intervals (const GsChartRow *rows, guint n, double min, double max,
                     gboolean zero, int digits, const char *const *series,
                     const GsRgb *colours, guint n_series, const char *axis,
                     GString *svg, GError **error)
{
  double row = 20, left = 230, right = 80;
  double top = n_series > 0 ? 34 : 14;
  double h = top + MAX (n, 1) * row + 44;
  double lo = min, hi = max;
  if (isnan (min) || isnan (max))
    {
      double a = zero ? 0 : INFINITY, b = zero ? 0 : -INFINITY;
      for (guint i = 0; i < n; i++)
        {
          const GsEstimate *e = &rows[i].e;
          if (!e->defined)
            continue;
          a = MIN (a, isnan (e->lo) ? e->value : e->lo);
          b = MAX (b, isnan (e->hi) ? e->value : e->hi);
        }
      if (isnan (min))
        lo = a;
      if (isnan (max))
        hi = b;
    }
  double step = fit_range (&lo, &hi, 6);
  double pw = W - left - right;
  cairo_surface_t *surface;
  cairo_t *cr = gs__chart_begin (svg, h, &surface);
  if (n_series > 0)
    {
      g_autofree GsRgb *c = g_new (GsRgb, n_series);
      for (guint k = 0; k < n_series; k++)
        c[k] = colour_of (colours, k);
      gs__chart_legend (cr, left, 16, series, c, n_series);
    }
  double base = top + MAX (n, 1) * row;
  cairo_set_line_width (cr, 1);
  x_ticks (cr, left, pw, lo, hi, step, top, base, digits);
#define XOF(v) (left + ((v)-lo) / (hi - lo) * pw)
  if (zero && lo <= 0 && hi >= 0)
    {
      gs__chart_rgb (cr, gs__chart_axis);
      double dash[] = { 4, 3 };
      cairo_set_dash (cr, dash, 2, 0);
      cairo_move_to (cr, XOF (0), top);
      cairo_line_to (cr, XOF (0), base);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  for (guint i = 0; i < n; i++)
    {
      const GsChartRow *r = &rows[i];
      double y = top + i * row + row / 2;
      gs__chart_rgb (cr, gs__chart_axis);
      if (r->label != NULL)
        gs__chart_text (cr, left - 8, y + 4, r->label, left - 14, TRUE);
      if (!r->e.defined)
        {
          gs__chart_text (cr, left + 6, y + 4, "not estimated: no trials", pw,
                          FALSE);
          continue;
        }
      GsRgb c = colour_of (colours, r->colour);
      gs__chart_rgb (cr, c);
      cairo_set_line_width (cr, 1.6);
      if (!isnan (r->e.lo))
        whisker_h (cr, XOF (CLAMP (r->e.lo, lo, hi)),
                   XOF (CLAMP (r->e.hi, lo, hi)), y, 4);
      cairo_arc (cr, XOF (CLAMP (r->e.value, lo, hi)), y, 3.5, 0, 2 * G_PI);
      cairo_fill (cr);
      if (r->mark)
        {
          cairo_arc (cr, XOF (CLAMP (r->e.value, lo, hi)), y, 6.5, 0, 2 * G_PI);
          cairo_stroke (cr);
        }
      cairo_set_line_width (cr, 1);
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      number (buf, sizeof buf, r->e.value, digits);
      g_autofree char *t
          = r->mark ? g_strconcat (buf, " ≠0", NULL) : g_strdup (buf);
      gs__chart_rgb (cr, gs__chart_axis);
      gs__chart_text (cr, left + pw + 8, y + 4, t, right - 10, FALSE);
    }
#undef XOF
  gs__chart_rgb (cr, gs__chart_axis);
  cairo_move_to (cr, left, base);
  cairo_line_to (cr, left + pw, base);
  cairo_stroke (cr);
  if (axis != NULL)
    gs__chart_text (cr, left, h - 8, axis, pw + right - 10, FALSE);
  if (n == 0)
    gs__chart_text (cr, left + 6, top + 14, "Nothing to draw.", pw, FALSE);
  return gs__chart_end (cr, surface, error);
}

gboolean
gs__chart_bars (const char *const *groups, guint n_groups,
                const char *const *series, guint n_series, const double *values,
                const double *lo, const double *hi, double max, int digits,
                const char *axis, GString *svg, GError **error)
{
  double bh = 12, gap = 10, left = 210, right = 70;
  double top = n_series > 1 ? 34 : 14;
  double gh = n_series * bh + gap;
  double h = top + MAX (n_groups, 1) * gh + 40;
  double a = 0, b = max;
  if (isnan (max))
    {
      b = 0;
      for (guint i = 0; i < n_groups * n_series; i++)
        {
          if (isfinite (values[i]))
            b = MAX (b, values[i]);
          if (hi != NULL && isfinite (hi[i]))
            b = MAX (b, hi[i]);
        }
      if (b <= 0)
        b = 1;
    }
  double step = fit_range (&a, &b, 6);
  double pw = W - left - right;
  cairo_surface_t *surface;
  cairo_t *cr = gs__chart_begin (svg, h, &surface);
  g_autofree GsRgb *c = g_new (GsRgb, MAX (n_series, 1));
  for (guint k = 0; k < n_series; k++)
    c[k] = colour_of (NULL, k);
  /* The legend from the left edge: five indices need the width. */
  if (n_series > 1)
    gs__chart_legend (cr, 10, 16, series, c, n_series);
  double base = top + MAX (n_groups, 1) * gh;
  cairo_set_line_width (cr, 1);
  x_ticks (cr, left, pw, a, b, step, top, base, digits);
#define XOF(v) (left + (CLAMP ((v), a, b) - a) / (b - a) * pw)
  for (guint g = 0; g < n_groups; g++)
    {
      double y0 = top + g * gh + gap / 2;
      gs__chart_rgb (cr, gs__chart_axis);
      gs__chart_text (cr, left - 8, y0 + n_series * bh / 2 + 4, groups[g],
                      left - 14, TRUE);
      for (guint k = 0; k < n_series; k++)
        {
          gsize i = (gsize)g * n_series + k;
          double y = y0 + k * bh;
          if (!isfinite (values[i]))
            continue;
          gs__chart_rgb (cr, c[k]);
          cairo_rectangle (cr, left, y + 1, XOF (values[i]) - left, bh - 2);
          cairo_fill (cr);
          double end = XOF (values[i]);
          if (lo != NULL && hi != NULL && isfinite (lo[i]) && isfinite (hi[i]))
            {
              gs__chart_rgb (cr, gs__chart_axis);
              whisker_h (cr, XOF (lo[i]), XOF (hi[i]), y + bh / 2, 3);
              end = MAX (end, XOF (hi[i]));
            }
          char buf[G_ASCII_DTOSTR_BUF_SIZE];
          number (buf, sizeof buf, values[i], digits);
          gs__chart_rgb (cr, gs__chart_axis);
          cairo_save (cr);
          cairo_set_font_size (cr, 9);
          gs__chart_text (cr, end + 4, y + bh - 2, buf, W - end - 6, FALSE);
          cairo_restore (cr);
        }
    }
#undef XOF
  gs__chart_rgb (cr, gs__chart_axis);
  cairo_move_to (cr, left, top);
  cairo_line_to (cr, left, base);
  cairo_line_to (cr, left + pw, base);
  cairo_stroke (cr);
  if (axis != NULL)
    gs__chart_text (cr, left, h - 8, axis, pw + right - 10, FALSE);
  if (n_groups == 0)
    gs__chart_text (cr, left + 6, top + 14, "Nothing to draw.", pw, FALSE);
  return gs__chart_end (cr, surface, error);
}

gboolean
gs__chart_lines (const char *const *xlabels, const double *x, guint n,
                 const char *const *series, guint n_series,
                 const GsEstimate *est, double min, double max, int digits,
                 const char *xaxis, const char *yaxis, GString *svg,
                 GError **error)
{
  double top = 34, left = 64, right = 24, plot_h = 220, bottom = 56;
  double h = top + plot_h + bottom;
  double pw = W - left - right, pad = 16;
  double lo = min, hi = max;
  if (isnan (min) || isnan (max))
    {
      double a = INFINITY, b = -INFINITY;
      for (guint i = 0; i < n * n_series; i++)
        {
          if (!est[i].defined)
            continue;
          a = MIN (a, isnan (est[i].lo) ? est[i].value : est[i].lo);
          b = MAX (b, isnan (est[i].hi) ? est[i].value : est[i].hi);
        }
      if (isnan (min))
        lo = a;
      if (isnan (max))
        hi = b;
    }
  double step = fit_range (&lo, &hi, 5);
  double x0 = 0, x1 = 1;
  if (x != NULL && n > 0)
    {
      x0 = x1 = x[0];
      for (guint i = 1; i < n; i++)
        {
          x0 = MIN (x0, x[i]);
          x1 = MAX (x1, x[i]);
        }
    }
  double base = top + plot_h;
  cairo_surface_t *surface;
  cairo_t *cr = gs__chart_begin (svg, h, &surface);
  g_autofree GsRgb *c = g_new (GsRgb, MAX (n_series, 1));
  for (guint k = 0; k < n_series; k++)
    c[k] = colour_of (NULL, k);
  gs__chart_legend (cr, left, 16, series, c, n_series);
  /* x of point i: by value, or evenly spaced. */
  g_autofree double *px = g_new (double, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      double f;
      if (x != NULL)
        f = x1 > x0 ? (x[i] - x0) / (x1 - x0) : 0.5;
      else
        f = n > 1 ? (double)i / (n - 1) : 0.5;
      px[i] = left + pad + f * (pw - 2 * pad);
    }
#define YOF(v) (base - (CLAMP ((v), lo, hi) - lo) / (hi - lo) * plot_h)
  /* Horizontal grid and y ticks. */
  cairo_set_line_width (cr, 1);
  int tick_digits = step >= 1 ? 0 : (int)ceil (-log10 (step) - 1e-9);
  for (int k = 0;; k++)
    {
      double v = lo + k * step;
      if (v > hi + step * 1e-6)
        break;
      gs__chart_rgb (cr, grid);
      cairo_move_to (cr, left, YOF (v));
      cairo_line_to (cr, left + pw, YOF (v));
      cairo_stroke (cr);
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      number (buf, sizeof buf, v, MIN (tick_digits, digits + 1));
      gs__chart_rgb (cr, gs__chart_axis);
      gs__chart_text (cr, left - 6, YOF (v) + 4, buf, left - 8, TRUE);
    }
  /* x labels, thinned to about twelve. */
  guint every = MAX (1, (n + 11) / 12);
  for (guint i = 0; i < n; i += every)
    {
      gs__chart_rgb (cr, gs__chart_axis);
      cairo_move_to (cr, px[i], base);
      cairo_line_to (cr, px[i], base + 4);
      cairo_stroke (cr);
      cairo_text_extents_t ext;
      g_autofree char *cut = g_strdup (xlabels[i]);
      cairo_text_extents (cr, cut, &ext);
      double room = pw / MAX (1.0, (double)(n + every - 1) / every);
      double w = MIN (ext.x_advance, room - 4);
      gs__chart_text (cr, px[i] - w / 2, base + 16, xlabels[i], room - 4,
                      FALSE);
    }
  for (guint k = 0; k < n_series; k++)
    {
      const GsEstimate *e = est + (gsize)k * n;
      gs__chart_rgb (cr, c[k]);
      cairo_set_line_width (cr, 1.8);
      double dash[] = { 6.0, 3.0 };
      cairo_set_dash (cr, dash, k >= 4 ? 2 : 0, 0);
      gboolean pen = FALSE;
      for (guint i = 0; i < n; i++)
        {
          if (!e[i].defined)
            {
              pen = FALSE;
              continue;
            }
          if (pen)
            cairo_line_to (cr, px[i], YOF (e[i].value));
          else
            cairo_move_to (cr, px[i], YOF (e[i].value));
          pen = TRUE;
        }
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_set_line_width (cr, 1.2);
      for (guint i = 0; i < n; i++)
        {
          if (!e[i].defined)
            continue;
          if (!isnan (e[i].lo))
            {
              double xo = px[i] + ((double)k - (n_series - 1) / 2.0) * 3;
              cairo_move_to (cr, xo, YOF (e[i].lo));
              cairo_line_to (cr, xo, YOF (e[i].hi));
              cairo_move_to (cr, xo - 3, YOF (e[i].lo));
              cairo_line_to (cr, xo + 3, YOF (e[i].lo));
              cairo_move_to (cr, xo - 3, YOF (e[i].hi));
              cairo_line_to (cr, xo + 3, YOF (e[i].hi));
              cairo_stroke (cr);
            }
          cairo_arc (cr, px[i], YOF (e[i].value), 3, 0, 2 * G_PI);
          cairo_fill (cr);
        }
    }
#undef YOF
  gs__chart_rgb (cr, gs__chart_axis);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, left, top);
  cairo_line_to (cr, left, base);
  cairo_line_to (cr, left + pw, base);
  cairo_stroke (cr);
  if (xaxis != NULL)
    gs__chart_text (cr, left, h - 22, xaxis, pw, FALSE);
  if (yaxis != NULL)
    gs__chart_text (cr, left, h - 6, yaxis, pw, FALSE);
  if (n == 0)
    gs__chart_text (cr, left + 6, top + 14, "Nothing to draw.", pw, FALSE);
  return gs__chart_end (cr, surface, error);
}

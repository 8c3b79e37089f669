/* gs-html-study.c — a Monte Carlo study as one self-contained HTML page.
 *
 * The page says what `govsim montecarlo` says in text, with the same
 * figures at the same precision: the headline probabilities of the whole
 * scenario and of each matter type, each body's stalls, breaches, days to
 * decision and the proposals named in the file, every estimate with its
 * 95% interval (named by kind: Wilson's score interval for probabilities,
 * Student's t for means and ratios, t over batch quantiles for
 * quantiles), and charts of the estimates as points with their intervals
 * as whiskers.  It also says how the study was run: the seed, the
 * replications, the precision asked for and reached, and the command line
 * that reproduces it.  Nothing depends on the number of threads.
 */
#include "write/gs-chart-private.h"
#include "write/gs-html-private.h"
#include "write/gs-text-private.h"

#include <govsim/gs-report.h>
#include <govsim/gs-study.h>

#include <math.h>

static const char *const outcome_names[] = {
  [GS_STUDY_APPROVED] = "approved",
  [GS_STUDY_REJECTED] = "rejected",
  [GS_STUDY_GRIDLOCKED] = "gridlocked",
  [GS_STUDY_PENDING] = "pending at the end",
  [GS_STUDY_LATE] = "missed its deadline",
};

static const char wilson[] = "Wilson";
static const char student[] = "t";

static GsEstimate
scaled (GsEstimate e, double by)
{
  if (by > 0)
    {
      e.value /= by;
      e.lo /= by;
      e.hi /= by;
    }
  return e;
}

/* One row: a name, the estimate, its interval and the interval's kind. */
static void
est_row (GString *out, const char *name, GsEstimate e, int digits,
         const char *kind)
{
  g_string_append (out, "<tr><td>");
  gs__html_esc (out, name);
  g_string_append (out, "</td>");
  gs__html_est_cells (out, e, digits, FALSE);
  g_string_append_printf (out, "<td class=\"l\">%s</td></tr>\n", kind);
}

static const char est_head[]
    = "<thead><tr><th></th><th>estimate</th><th>95% interval</th>"
      "<th class=\"l\">interval</th></tr></thead><tbody>\n";

static void
write_header (GString *out, const GsStudy *st, const GsStudyPage *pg)
{
  const GsScenario *s = gs_study_get_scenario (st);
  char d1[GS_DATE_BUF], d2[GS_DATE_BUF];
  g_string_append (out, "<header><h1>");
  gs__html_esc (out, s->name);
  g_string_append (out, "</h1><p class=\"meta\">Monte Carlo study of ");
  gs__html_esc (out, pg->source);
  g_string_append_printf (
      out,
      " · period %s to %s · %" G_GUINT64_FORMAT
      " replications · seed %" G_GUINT64_FORMAT " · govsim %s</p></header>\n",
      gs_time_format_date (s->start, d1),
      gs_time_format_date (s->end - GS_MINUTES_PER_DAY, d2),
      gs_study_n_replications (st), gs_study_get_seed (st), GOVSIM_VERSION);
}

static void
write_settings (GString *out, const GsStudy *st, const GsStudyPage *pg)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  double reached = gs_study_headline_halfwidth (st);
  g_string_append (out, "<section id=\"settings\"><h2>How the study was "
                        "run</h2>\n<table><tbody>\n");
  g_string_append_printf (
      out,
      "<tr><td>seed</td><td>%" G_GUINT64_FORMAT
      "</td></tr>\n<tr><td>replications</td><td>%" G_GUINT64_FORMAT
      "</td></tr>\n",
      gs_study_get_seed (st), gs_study_n_replications (st));
  if (pg->precision > 0)
    g_string_append_printf (
        out,
        "<tr><td>precision asked (<code>--precision</code>)</td><td>%s</td>"
        "</tr>\n<tr><td>most replications allowed (<code>--runs</code>)</td>"
        "<td>%" G_GUINT64_FORMAT "</td></tr>\n",
        g_ascii_formatd (buf, sizeof buf, "%g", pg->precision), pg->max_runs);
  g_string_append (out, "<tr><td>precision reached: the widest headline "
                        "interval's half-width</td><td>");
  gs__html_num (out, reached, 4, FALSE);
  g_string_append (out, "</td></tr>\n</tbody></table>\n");
  if (pg->precision > 0)
    g_string_append_printf (
        out, "<p>Stopped after %" G_GUINT64_FORMAT " replications: %s.</p>\n",
        gs_study_n_replications (st),
        reached < pg->precision
            ? "every headline interval is narrower than asked"
            : "--runs reached before the precision asked for");
  g_string_append (out, "<p>The same numbers, byte for byte, on any number "
                        "of threads or shards, from:</p>\n<pre class=\"cmd\">");
  gs__html_esc (out, pg->command);
  g_string_append (out, "</pre>\n<p>Every figure comes with its 95% interval, "
                        "the replication as the independent unit: for "
                        "probabilities Wilson's score interval (widened for "
                        "proposals sharing a replication), for means and "
                        "ratios Student's t, for quantiles t over twenty "
                        "batches of replications.</p>\n</section>\n");
}

static void
outcome_rows (GString *out, const GsStudy *st, const GsStudyMatter *m)
{
  guint64 reps = gs_study_n_replications (st);
  est_row (out, "proposals a period", gs_moments_mean (&m->arrived, reps), 1,
           student);
  for (guint k = 0; k < GS_STUDY_N_OUTCOMES; k++)
    {
      g_autofree char *name = g_strdup_printf ("P(%s)", outcome_names[k]);
      est_row (out, name, gs_moments_probability (&m->outcome[k], reps), 3,
               wilson);
    }
}

static gboolean
write_headline (GString *out, const GsStudy *st, GError **error)
{
  const GsScenario *s = gs_study_get_scenario (st);
  guint64 reps = gs_study_n_replications (st);
  const GsStudyMatter *w = gs_study_whole (st);
  GsEstimate any
      = gs_moments_probability (gs_study_any_breach (st, GS_N_BREACHES), reps);
  g_string_append (out, "<section id=\"headline\"><h2>Headline: the whole "
                        "scenario</h2>\n<p class=\"headline\">A proposal is "
                        "<b>approved</b> with probability ");
  GsEstimate e[GS_STUDY_N_OUTCOMES];
  for (guint k = 0; k < GS_STUDY_N_OUTCOMES; k++)
    e[k] = gs_moments_probability (&w->outcome[k], reps);
  gs__html_num (out, e[GS_STUDY_APPROVED].defined ? e[0].value : NAN, 3, FALSE);
  g_string_append (out, ", <b>gridlocked</b> with probability ");
  gs__html_num (
      out, e[GS_STUDY_GRIDLOCKED].defined ? e[GS_STUDY_GRIDLOCKED].value : NAN,
      3, FALSE);
  g_string_append (out, "; a period has at least one breach of a delegation "
                        "limit with probability ");
  gs__html_num (out, any.defined ? any.value : NAN, 3, FALSE);
  g_string_append (out, ".</p>\n<table id=\"headline-table\">");
  g_string_append (out, est_head);
  outcome_rows (out, st, w);
  est_row (out, "P(at least one breach in a period)", any, 3, wilson);
  g_string_append (out, "</tbody></table>\n");

  GsChartRow rows[GS_STUDY_N_OUTCOMES + 1];
  for (guint k = 0; k < GS_STUDY_N_OUTCOMES; k++)
    rows[k] = (GsChartRow){ .label = outcome_names[k], .e = e[k], .colour = k };
  rows[GS_STUDY_N_OUTCOMES]
      = (GsChartRow){ .label = "at least one breach in a period",
                      .e = any,
                      .colour = GS_STUDY_N_OUTCOMES };
  GsRgb colours[GS_STUDY_N_OUTCOMES + 1]
      = { gs__chart_outcome[0], gs__chart_outcome[1], gs__chart_outcome[2],
          gs__chart_outcome[3], gs__chart_palette[0], gs__chart_palette[3] };
  g_autoptr (GString) svg = g_string_new (NULL);
  if (!gs__chart_intervals (rows, G_N_ELEMENTS (rows), 0, 1, FALSE, 3, NULL,
                            colours, 0,
                            "probability (point: the estimate; "
                            "whiskers: its 95% Wilson interval)",
                            svg, error))
    return FALSE;
  gs__html_figure (out, svg, "c1-",
                   "The whole scenario: the probability that a proposal is "
                   "approved, rejected, gridlocked, still pending at the end "
                   "or misses its deadline, and that a period has a breach; "
                   "each point is the estimate, its whiskers the 95% Wilson "
                   "score interval.");
  g_string_append (out, "</section>\n");
  (void)s;
  return TRUE;
}

static gboolean
write_matters (GString *out, const GsStudy *st, GError **error)
{
  const GsScenario *s = gs_study_get_scenario (st);
  guint64 reps = gs_study_n_replications (st);
  g_string_append (out, "<section id=\"matters\"><h2>By matter "
                        "type</h2>\n");
  g_autoptr (GArray) rows = g_array_new (FALSE, FALSE, sizeof (GsChartRow));
  for (guint m = 0; m < s->matters->len; m++)
    {
      const GsStudyMatter *sm = gs_study_matter (st, m);
      if (sm->arrived.x == 0)
        continue;
      g_string_append (out, "<h3>");
      gs__html_esc (out, GS_MATTER (s, m)->name);
      g_string_append (out, "</h3>\n<table>");
      g_string_append (out, est_head);
      outcome_rows (out, st, sm);
      g_string_append (out, "</tbody></table>\n");
      for (guint k = 0; k < GS_STUDY_N_OUTCOMES; k++)
        {
          GsChartRow r = { .label = k == 0 ? GS_MATTER (s, m)->name : NULL,
                           .e = gs_moments_probability (&sm->outcome[k], reps),
                           .colour = k };
          g_array_append_val (rows, r);
        }
    }
  if (rows->len == 0)
    {
      g_string_append (out, "<p>No proposal arrived in any replication."
                            "</p></section>\n");
      return TRUE;
    }
  const GsRgb colours[GS_STUDY_N_OUTCOMES]
      = { gs__chart_outcome[0], gs__chart_outcome[1], gs__chart_outcome[2],
          gs__chart_outcome[3], gs__chart_palette[0] };
  g_autoptr (GString) svg = g_string_new (NULL);
  if (!gs__chart_intervals ((const GsChartRow *)rows->data, rows->len, 0, 1,
                            FALSE, 3, outcome_names, colours,
                            GS_STUDY_N_OUTCOMES,
                            "probability, 95% Wilson intervals", svg, error))
    return FALSE;
  gs__html_figure (out, svg, "c2-",
                   "Each matter type: the probability of each outcome for "
                   "a proposal of that type, with its 95% Wilson score "
                   "interval as whiskers.");
  g_string_append (out, "</section>\n");
  return TRUE;
}

static gboolean
write_bodies (GString *out, const GsStudy *st, GError **error)
{
  const GsScenario *s = gs_study_get_scenario (st);
  guint64 reps = gs_study_n_replications (st);
  double years = gs_study_years (st);
  g_string_append (out, "<section id=\"bodies\"><h2>Where decisions "
                        "gridlock: each body</h2>\n");
  g_autoptr (GArray) inq = g_array_new (FALSE, FALSE, sizeof (GsChartRow));
  g_autoptr (GArray) days = g_array_new (FALSE, FALSE, sizeof (GsChartRow));
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_string_append (
      out, "<table><thead><tr><th>body</th><th>P(a meeting is "
           "inquorate)</th><th>95% interval</th><th>meetings a year</th>"
           "<th>95% interval</th><th>inquorate meetings a year</th>"
           "<th>95% interval</th><th>ties a year</th><th>95% interval</th>"
           "<th>blocked consensus a year</th><th>95% interval</th>"
           "<th>of those, settled by the majority vote a year</th>"
           "<th>95% interval</th>"
           "<th>splits a year</th><th>95% interval</th><th>items still "
           "before it at the end</th><th>95% interval</th></tr></thead>"
           "<tbody>\n");
  for (guint b = 0; b < s->bodies->len; b++)
    {
      const GsStudyBody *sb = gs_study_body (st, b);
      if (sb->meetings.x == 0 && sb->backlog.x == 0)
        continue;
      GString *name = g_string_new (NULL);
      gs__text_body (name, s, b);
      g_string_append (out, "<tr><td>");
      gs__html_esc (out, name->str);
      g_string_append (out, "</td>");
      GsEstimate p = gs_moments_probability (&sb->inquorate, reps);
      gs__html_est_cells (out, p, 3, FALSE);
      gs__html_est_cells (
          out, scaled (gs_moments_mean (&sb->meetings, reps), years), 1, FALSE);
      gs__html_est_cells (
          out, scaled (gs_moments_mean (&sb->inquorate, reps), years), 2,
          FALSE);
      gs__html_est_cells (
          out, scaled (gs_moments_mean (&sb->ties, reps), years), 2, FALSE);
      gs__html_est_cells (
          out, scaled (gs_moments_mean (&sb->blocked, reps), years), 2, FALSE);
      gs__html_est_cells (
          out, scaled (gs_moments_mean (&sb->settled, reps), years), 2, FALSE);
      gs__html_est_cells (
          out, scaled (gs_moments_mean (&sb->splits, reps), years), 2, FALSE);
      gs__html_est_cells (out, gs_moments_mean (&sb->backlog, reps), 2, FALSE);
      g_string_append (out, "</tr>\n");
      char *label = g_string_free (name, FALSE);
      g_ptr_array_add (names, label);
      GsChartRow r = { .label = label, .e = p, .colour = 1 };
      g_array_append_val (inq, r);
      if (sb->days.minutes.n > 0)
        {
          GsChartRow d
              = { .label = label,
                  .e = scaled (gs_moments_ratio (&sb->days.minutes, reps),
                               GS_MINUTES_PER_DAY),
                  .colour = 0 };
          g_array_append_val (days, d);
        }
    }
  g_string_append (out, "</tbody></table>\n<p>Probabilities with Wilson "
                        "intervals; rates a year and means with t "
                        "intervals.</p>\n");
  if (inq->len == 0)
    {
      g_string_append (out, "<p>No body met.</p></section>\n");
      return TRUE;
    }
  g_autoptr (GString) a = g_string_new (NULL);
  if (!gs__chart_intervals (
          (const GsChartRow *)inq->data, inq->len, NAN, NAN, TRUE, 3, NULL,
          NULL, 0, "P(a meeting is inquorate), 95% Wilson intervals", a, error))
    return FALSE;
  gs__html_figure (out, a, "c3-",
                   "Each body: the probability that one of its meetings is "
                   "inquorate, with its 95% Wilson score interval.");
  if (days->len > 0)
    {
      g_autoptr (GString) d = g_string_new (NULL);
      if (!gs__chart_intervals ((const GsChartRow *)days->data, days->len, NAN,
                                NAN, TRUE, 1, NULL, NULL, 0,
                                "mean days before the body until decided, "
                                "95% t intervals",
                                d, error))
        return FALSE;
      gs__html_figure (out, d, "c4-",
                       "Each body: the mean days an item waited before it "
                       "from reaching it to its decision, with its 95% "
                       "Student t interval.");
    }
  g_string_append (out, "</section>\n");
  return TRUE;
}

static gboolean
write_breaches (GString *out, const GsStudy *st, const char *source,
                GError **error)
{
  const GsScenario *s = gs_study_get_scenario (st);
  guint64 reps = gs_study_n_replications (st);
  double years = gs_study_years (st);
  const GsStudyMatter *whole = gs_study_whole (st);
  g_string_append (out, "<section id=\"breaches\"><h2>Where decisions breach "
                        "delegation limits</h2>\n<table>");
  g_string_append (out, est_head);
  est_row (
      out, "P(at least one breach in a period)",
      gs_moments_probability (gs_study_any_breach (st, GS_N_BREACHES), reps), 3,
      wilson);
  GsChartRow rows[GS_N_BREACHES];
  guint n = 0;
  for (guint k = 0; k < GS_N_BREACHES; k++)
    {
      const GsMoments *m = gs_study_any_breach (st, k);
      if (m->x == 0)
        continue;
      GsEstimate e = gs_moments_probability (m, reps);
      est_row (out, gs_breach_to_string ((GsBreach)k), e, 3, wilson);
      rows[n++] = (GsChartRow){ .label = gs_breach_to_string ((GsBreach)k),
                                .e = e,
                                .colour = 1 };
    }
  g_string_append (out, "</tbody></table>\n");
  if (gs_study_n_breaches (st) == 0)
    {
      g_string_append (out, "<p>None happened in any replication.</p>"
                            "</section>\n");
      return TRUE;
    }
  g_string_append (out, "<table><thead><tr><th>body, kind, organisation</th>"
                        "<th>per proposal</th><th>95% interval</th>"
                        "<th>a year</th><th>95% interval</th><th>first in "
                        "replication</th><th class=\"l\">to see it</th></tr>"
                        "</thead><tbody>\n");
  for (guint i = 0; i < gs_study_n_breaches (st); i++)
    {
      const GsStudyBreach *b = gs_study_breach (st, i);
      GsMoments per = b->count;
      per.n = whole->arrived.x;
      per.nn = whole->arrived.xx;
      g_autoptr (GString) t = g_string_new (NULL);
      gs__text_body (t, s, b->body);
      g_string_append_printf (t, ", %s", gs_breach_to_string (b->kind));
      if (b->org >= 0)
        g_string_append_printf (t, ", for %s", GS_ORG (s, b->org)->name);
      g_string_append (out, "<tr><td>");
      gs__html_esc (out, t->str);
      g_string_append (out, "</td>");
      gs__html_est_cells (out, gs_moments_probability (&per, reps), 4, FALSE);
      gs__html_est_cells (
          out, scaled (gs_moments_mean (&b->count, reps), years), 2, FALSE);
      g_string_append_printf (out,
                              "<td>%" G_GUINT64_FORMAT
                              "</td><td class=\"l\"><code>govsim run ",
                              b->count.first);
      gs__html_esc (out, source);
      g_string_append_printf (out,
                              " --replication %" G_GUINT64_FORMAT
                              " --trace</code></td></tr>\n",
                              b->count.first);
    }
  g_string_append (out, "</tbody></table>\n");
  if (n > 0)
    {
      g_autoptr (GString) svg = g_string_new (NULL);
      if (!gs__chart_intervals (rows, n, 0, NAN, TRUE, 3, NULL, NULL, 0,
                                "P(a period has a breach of this kind), 95% "
                                "Wilson intervals",
                                svg, error))
        return FALSE;
      gs__html_figure (out, svg, "c5-",
                       "Each kind of breach: the probability that a period "
                       "has at least one, with its 95% Wilson score "
                       "interval.");
    }
  g_string_append (out, "</section>\n");
  return TRUE;
}

static void
days_cells (GString *out, const GsStudy *st, const GsStudyDays *d)
{
  guint64 reps = gs_study_n_replications (st);
  gs__html_est_cells (
      out, scaled (gs_moments_ratio (&d->minutes, reps), GS_MINUTES_PER_DAY), 1,
      FALSE);
  if (d->hist != NULL)
    {
      gs__html_est_cells (out, gs_study_days_quantile (st, d, 0.5), 1, FALSE);
      gs__html_est_cells (out, gs_study_days_quantile (st, d, 0.9), 1, FALSE);
    }
  else
    g_string_append (out, "<td>–</td><td>–</td><td>–</td><td>–</td>");
}

static gboolean
write_days (GString *out, const GsStudy *st, GError **error)
{
  const GsScenario *s = gs_study_get_scenario (st);
  guint64 reps = gs_study_n_replications (st);
  g_string_append (
      out, "<section id=\"days\"><h2>Days to decision</h2>\n<p>From arrival "
           "to approval or rejection: the mean with a t interval, the median "
           "and 90th percentile with t intervals over batch quantiles.</p>\n"
           "<table><thead><tr><th></th><th>mean</th><th>95% interval</th>"
           "<th>median</th><th>95% interval</th><th>90th percentile</th>"
           "<th>95% interval</th></tr></thead><tbody>\n<tr><td>whole "
           "scenario</td>");
  days_cells (out, st, &gs_study_whole (st)->days);
  g_string_append (out, "</tr>\n");
  g_autoptr (GArray) rows = g_array_new (FALSE, FALSE, sizeof (GsChartRow));
  const GsStudyDays *wd = &gs_study_whole (st)->days;
  if (wd->minutes.n > 0)
    {
      GsChartRow r = { .label = "whole scenario",
                       .e = scaled (gs_moments_ratio (&wd->minutes, reps),
                                    GS_MINUTES_PER_DAY),
                       .colour = 0 };
      g_array_append_val (rows, r);
    }
  for (guint m = 0; m < s->matters->len; m++)
    {
      const GsStudyMatter *sm = gs_study_matter (st, m);
      if (sm->days.minutes.n == 0)
        continue;
      g_string_append (out, "<tr><td>");
      gs__html_esc (out, GS_MATTER (s, m)->name);
      g_string_append (out, "</td>");
      days_cells (out, st, &sm->days);
      g_string_append (out, "</tr>\n");
      GsChartRow r = { .label = GS_MATTER (s, m)->name,
                       .e = scaled (gs_moments_ratio (&sm->days.minutes, reps),
                                    GS_MINUTES_PER_DAY),
                       .colour = 2 };
      g_array_append_val (rows, r);
    }
  g_string_append (out, "</tbody></table>\n");
  if (rows->len > 0)
    {
      g_autoptr (GString) svg = g_string_new (NULL);
      if (!gs__chart_intervals ((const GsChartRow *)rows->data, rows->len, NAN,
                                NAN, TRUE, 1, NULL, NULL, 0,
                                "mean days from arrival to decision, 95% t "
                                "intervals",
                                svg, error))
        return FALSE;
      gs__html_figure (out, svg, "c6-",
                       "Days to decision: the mean days from a proposal's "
                       "arrival to its approval or rejection, for the whole "
                       "scenario and each matter type, with its 95% Student "
                       "t interval.");
    }
  g_string_append (out, "</section>\n");
  return TRUE;
}

static void
write_proposals (GString *out, const GsStudy *st)
{
  const GsScenario *s = gs_study_get_scenario (st);
  guint64 reps = gs_study_n_replications (st);
  if (gs_study_n_proposals (st) == 0)
    return;
  g_string_append (out, "<section id=\"proposals\"><h2>The proposals named in "
                        "the file</h2>\n<table><thead><tr><th>proposal</th>");
  for (guint k = 0; k < GS_STUDY_N_OUTCOMES; k++)
    g_string_append_printf (out, "<th>%s</th><th>95%% interval</th>",
                            outcome_names[k]);
  g_string_append (out, "<th>breached a limit</th><th>95% interval</th>"
                        "<th>median days</th></tr></thead><tbody>\n");
  for (guint p = 0; p < gs_study_n_proposals (st); p++)
    {
      const GsStudyProposal *sp = gs_study_proposal (st, p);
      g_string_append (out, "<tr><td>");
      gs__html_esc (out, GS_PROPOSAL (s, sp->proposal)->title);
      g_string_append (out, "</td>");
      for (guint k = 0; k < GS_STUDY_N_OUTCOMES; k++)
        gs__html_est_cells (out, gs_moments_probability (&sp->outcome[k], reps),
                            3, FALSE);
      gs__html_est_cells (out, gs_moments_probability (&sp->breach, reps), 3,
                          FALSE);
      g_string_append (out, "<td>");
      gs__html_num (out, gs_hist_quantile (sp->days.hist, 0.5), 0, FALSE);
      g_string_append (out, "</td></tr>\n");
    }
  g_string_append (out, "</tbody></table>\n");
  if (s->proposals->len > gs_study_n_proposals (st))
    g_string_append_printf (out, "<p>The first %u of %u are followed.</p>\n",
                            gs_study_n_proposals (st), s->proposals->len);
  g_string_append (out, "<p>Probabilities with 95% Wilson intervals.</p>"
                        "</section>\n");
}

gboolean
gs_report_html_study (const GsStudy *st, const GsStudyPage *pg, GString *out,
                      GError **error)
{
  const GsScenario *s = gs_study_get_scenario (st);
  g_autoptr (GString) page = g_string_new (NULL);
  gs__html_begin (page, s->name, "govsim montecarlo");
  write_header (page, st, pg);
  if (!write_headline (page, st, error))
    return FALSE;
  write_settings (page, st, pg);
  if (!write_matters (page, st, error) || !write_bodies (page, st, error)
      || !write_breaches (page, st, pg->source, error)
      || !write_days (page, st, error))
    return FALSE;
  write_proposals (page, st);
  gs__html_end (page);
  g_string_append_len (out, page->str, (gssize)page->len);
  return TRUE;
}

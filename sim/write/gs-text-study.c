/* gs-text-study.c — a Monte Carlo study in words and tables.
 *
 * Formats a GsStudy: every figure is an estimate with its 95% interval,
 * computed by gs-stats.h from the study's exact sums, with the replication
 * as the independent unit.  Numbers go through g_ascii_formatd(), so the
 * bytes do not depend on the locale.  Nothing is counted here.
 */
#include "write/gs-text-private.h"

#include <govsim/gs-study.h>

#include <math.h>
#include <stdlib.h>

/* "0.553 [0.551, 0.555]" with @digits decimals; "-" when undefined. */
static void
append_est (GString *out, GsEstimate e, int digits)
{
  char fmt[8], a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE],
      c[G_ASCII_DTOSTR_BUF_SIZE];
  if (!e.defined)
    {
      g_string_append (out, "-");
      return;
    }
  g_snprintf (fmt, sizeof fmt, "%%.%df", digits);
  g_string_append (out, g_ascii_formatd (a, sizeof a, fmt, e.value));
  if (isnan (e.lo))
    return;
  g_string_append_printf (out, " [%s, %s]",
                          g_ascii_formatd (b, sizeof b, fmt, e.lo),
                          g_ascii_formatd (c, sizeof c, fmt, e.hi));
}

/* A per-year rate from a per-replication mean. */
static GsEstimate
per_year (GsEstimate e, double years)
{
  if (years > 0)
    {
      e.value /= years;
      e.lo /= years;
      e.hi /= years;
    }
  return e;
}

/* Minutes to days. */
static GsEstimate
in_days (GsEstimate e)
{
  e.value /= GS_MINUTES_PER_DAY;
  e.lo /= GS_MINUTES_PER_DAY;
  e.hi /= GS_MINUTES_PER_DAY;
  return e;
}

static const char *const outcome_names[] = {
  [GS_STUDY_APPROVED] = "approved",
  [GS_STUDY_REJECTED] = "rejected",
  [GS_STUDY_GRIDLOCKED] = "gridlocked",
  [GS_STUDY_PENDING] = "pending at the end",
  [GS_STUDY_LATE] = "missed its deadline",
};

static void
append_outcomes (GString *out, const GsStudy *st, const GsStudyMatter *m)
{
  guint64 reps = gs_study_n_replications (st);
  g_string_append (out, "    proposals a period ");
  append_est (out, gs_moments_mean (&m->arrived, reps), 1);
  g_string_append_c (out, '\n');
  for (guint k = 0; k < GS_STUDY_N_OUTCOMES; k++)
    {
      g_string_append_printf (out, "    P(%s) ", outcome_names[k]);
      append_est (out, gs_moments_probability (&m->outcome[k], reps), 3);
      g_string_append_c (out, '\n');
    }
}

static void
append_days_line (GString *out, const GsStudy *st, const GsStudyDays *d)
{
  guint64 reps = gs_study_n_replications (st);
  g_string_append (out, "mean ");
  append_est (out, in_days (gs_moments_ratio (&d->minutes, reps)), 1);
  if (d->hist != NULL)
    {
      g_string_append (out, "; median ");
      append_est (out, gs_study_days_quantile (st, d, 0.5), 1);
      g_string_append (out, "; 90th percentile ");
      append_est (out, gs_study_days_quantile (st, d, 0.9), 1);
    }
}

typedef struct
{
  guint body;
  double harm;
} Ranked;

static int
cmp_ranked (const void *a, const void *b)
{
  const Ranked *x = a, *y = b;
  if (x->harm != y->harm)
    return x->harm > y->harm ? -1 : 1;
  return (x->body > y->body) - (x->body < y->body);
}

/* Expected stalls a year: inquorate meetings, items inquorate by conflicts,
 * ties, blocked votes the majority vote that follows did not settle,
 * splits, and exhausted disputes, which count double:
 * they leave a decision unmade for good. */
static double
harm_of (const GsStudy *st, const GsStudyBody *b)
{
  guint64 reps = MAX (gs_study_n_replications (st), 1);
  double years = MAX (gs_study_years (st), 1e-9);
  double stalls = (double)(b->inquorate.x + b->item_inquorate.x + b->ties.x
                           + (b->blocked.x - b->settled.x) + b->splits.x
                           + 2 * b->exhausted.x);
  return stalls / (double)reps / years;
}

static void
append_gridlock (GString *out, const GsStudy *st, const char *source)
{
  const GsScenario *s = gs_study_get_scenario (st);
  guint64 reps = gs_study_n_replications (st);
  double years = gs_study_years (st);
  guint nb = s->bodies->len;
  g_autofree Ranked *rank = g_new (Ranked, MAX (nb, 1));
  guint n = 0;
  for (guint b = 0; b < nb; b++)
    {
      const GsStudyBody *sb = gs_study_body (st, b);
      if (sb->meetings.x == 0 && sb->backlog.x == 0)
        continue;
      rank[n++] = (Ranked){ b, harm_of (st, sb) };
    }
  qsort (rank, n, sizeof *rank, cmp_ranked);
  g_string_append (out, "\nWhere decisions gridlock, worst first (expected "
                        "stalls a year: inquorate meetings, items inquorate "
                        "by conflicts, ties, blocked votes, splits, and "
                        "exhausted disputes counted twice)\n");
  if (n == 0)
    g_string_append (out, "  No body met.\n");
  for (guint i = 0; i < n; i++)
    {
      const GsStudyBody *sb = gs_study_body (st, rank[i].body);
      char h[G_ASCII_DTOSTR_BUF_SIZE];
      g_string_append_printf (out, "  %u. ", i + 1);
      gs__text_body (out, s, rank[i].body);
      g_string_append_printf (
          out, ": %s stalls a year\n",
          g_ascii_formatd (h, sizeof h, "%.2f", rank[i].harm));
      g_string_append (out, "    P(a meeting is inquorate) ");
      append_est (out, gs_moments_probability (&sb->inquorate, reps), 3);
      g_string_append (out, "; meetings a year ");
      append_est (out, per_year (gs_moments_mean (&sb->meetings, reps), years),
                  1);
      g_string_append (out, "\n    a year: inquorate meetings ");
      append_est (out, per_year (gs_moments_mean (&sb->inquorate, reps), years),
                  2);
      g_string_append (out, ", ties ");
      append_est (out, per_year (gs_moments_mean (&sb->ties, reps), years), 2);
      g_string_append (out, ", blocked consensus ");
      append_est (out, per_year (gs_moments_mean (&sb->blocked, reps), years),
                  2);
      if (sb->settled.x > 0)
        {
          g_string_append (out, " (settled by the majority vote that follows ");
          append_est (
              out, per_year (gs_moments_mean (&sb->settled, reps), years), 2);
          g_string_append_c (out, ')');
        }
      g_string_append (out, ", splits ");
      append_est (out, per_year (gs_moments_mean (&sb->splits, reps), years),
                  2);
      g_string_append (out, ", items carried ");
      append_est (out, per_year (gs_moments_mean (&sb->carried, reps), years),
                  1);
      g_string_append (out, "\n    items still before it at the end: mean ");
      append_est (out, gs_moments_mean (&sb->backlog, reps), 2);
      char p90[G_ASCII_DTOSTR_BUF_SIZE];
      g_string_append_printf (
          out, ", 90th percentile %s",
          g_ascii_formatd (p90, sizeof p90, "%.0f",
                           gs_hist_quantile (sb->backlog_hist, 0.9)));
      if (sb->exhausted.n > 0)
        {
          g_string_append (out, "; P(a dispute is exhausted) ");
          append_est (out, gs_moments_probability (&sb->exhausted, reps), 3);
        }
      if (sb->item_inquorate.x > 0)
        {
          g_string_append (out, "; items inquorate by conflicts a year ");
          append_est (
              out,
              per_year (gs_moments_mean (&sb->item_inquorate, reps), years), 2);
        }
      g_string_append_c (out, '\n');
      if (sb->inquorate.first != G_MAXUINT64)
        g_string_append_printf (out,
                                "    first inquorate meeting in replication "
                                "%" G_GUINT64_FORMAT "\n",
                                sb->inquorate.first);
    }
  (void)source;
}

static void
append_breaches (GString *out, const GsStudy *st, const char *source)
{
  const GsScenario *s = gs_study_get_scenario (st);
  guint64 reps = gs_study_n_replications (st);
  double years = gs_study_years (st);
  const GsStudyMatter *whole = gs_study_whole (st);
  g_string_append (out, "\nWhere decisions breach delegation limits\n");
  g_string_append (out, "  P(at least one breach in a period) ");
  append_est (
      out,
      gs_moments_probability (gs_study_any_breach (st, GS_N_BREACHES), reps),
      3);
  g_string_append_c (out, '\n');
  for (guint k = 0; k < GS_N_BREACHES; k++)
    {
      const GsMoments *m = gs_study_any_breach (st, k);
      if (m->x == 0)
        continue;
      g_string_append_printf (out,
                              "    %s: ", gs_breach_to_string ((GsBreach)k));
      append_est (out, gs_moments_probability (m, reps), 3);
      g_string_append_c (out, '\n');
    }
  if (gs_study_n_breaches (st) == 0)
    {
      g_string_append (out, "  None happened in any replication.\n");
      return;
    }
  for (guint i = 0; i < gs_study_n_breaches (st); i++)
    {
      const GsStudyBreach *b = gs_study_breach (st, i);
      /* Per proposal: the breaches over the arrivals of all replications. */
      GsMoments per = b->count;
      per.n = whole->arrived.x;
      per.nn = whole->arrived.xx;
      g_string_append (out, "  ");
      gs__text_body (out, s, b->body);
      g_string_append_printf (out, ", %s", gs_breach_to_string (b->kind));
      if (b->org >= 0)
        g_string_append_printf (out, ", for %s", GS_ORG (s, b->org)->name);
      g_string_append (out, ":\n    per proposal ");
      append_est (out, gs_moments_probability (&per, reps), 4);
      g_string_append (out, "; a year ");
      append_est (out, per_year (gs_moments_mean (&b->count, reps), years), 2);
      g_string_append_printf (out,
                              "; first in replication %" G_GUINT64_FORMAT
                              " (govsim run %s --replication %" G_GUINT64_FORMAT
                              " --trace)\n",
                              b->count.first, source, b->count.first);
    }
}

void
gs_report_text_study (const GsStudy *st, const char *source, GString *out)
{
  const GsScenario *s = gs_study_get_scenario (st);
  guint64 reps = gs_study_n_replications (st);
  char d1[GS_DATE_BUF], d2[GS_DATE_BUF];
  g_string_append_printf (out, "govsim montecarlo: %s\n", s->name);
  g_string_append_printf (
      out,
      "%" G_GUINT64_FORMAT " replications of %s to %s, seed %" G_GUINT64_FORMAT
      "; each figure with its 95%% interval, the replication as the unit\n",
      reps, gs_time_format_date (s->start, d1),
      gs_time_format_date (s->end - GS_MINUTES_PER_DAY, d2),
      gs_study_get_seed (st));

  g_string_append (out, "\nHeadline: the whole scenario\n");
  append_outcomes (out, st, gs_study_whole (st));
  for (guint m = 0; m < s->matters->len; m++)
    {
      const GsStudyMatter *sm = gs_study_matter (st, m);
      if (sm->arrived.x == 0)
        continue;
      g_string_append_printf (out, "  %s\n", GS_MATTER (s, m)->name);
      append_outcomes (out, st, sm);
    }

  append_gridlock (out, st, source);
  append_breaches (out, st, source);

  g_string_append (out, "\nDays to decision (arrival to approval or "
                        "rejection)\n  whole scenario: ");
  append_days_line (out, st, &gs_study_whole (st)->days);
  g_string_append_c (out, '\n');
  for (guint m = 0; m < s->matters->len; m++)
    {
      const GsStudyMatter *sm = gs_study_matter (st, m);
      if (sm->days.minutes.n == 0)
        continue;
      g_string_append_printf (out, "  %s: ", GS_MATTER (s, m)->name);
      append_days_line (out, st, &sm->days);
      g_string_append_c (out, '\n');
    }
  g_string_append (out, "  before each body, from reaching it to its "
                        "decision:\n");
  for (guint b = 0; b < s->bodies->len; b++)
    {
      const GsStudyBody *sb = gs_study_body (st, b);
      if (sb->days.minutes.n == 0)
        continue;
      g_string_append (out, "    ");
      gs__text_body (out, s, b);
      g_string_append (out, ": ");
      append_days_line (out, st, &sb->days);
      g_string_append_c (out, '\n');
    }

  if (gs_study_n_proposals (st) > 0)
    {
      g_string_append (out, "\nThe proposals named in the file\n");
      for (guint p = 0; p < gs_study_n_proposals (st); p++)
        {
          const GsStudyProposal *sp = gs_study_proposal (st, p);
          const GsProposal *pr = GS_PROPOSAL (s, sp->proposal);
          g_string_append_printf (out, "  '%s':", pr->title);
          for (guint k = 0; k < GS_STUDY_N_OUTCOMES; k++)
            {
              g_string_append_printf (out, "%s %s ", k == 0 ? "" : ";",
                                      outcome_names[k]);
              append_est (out, gs_moments_probability (&sp->outcome[k], reps),
                          3);
            }
          g_string_append (out, "; breached a limit ");
          append_est (out, gs_moments_probability (&sp->breach, reps), 3);
          char md[G_ASCII_DTOSTR_BUF_SIZE];
          double median = gs_hist_quantile (sp->days.hist, 0.5);
          if (!isnan (median))
            g_string_append_printf (
                out, "; median days %s",
                g_ascii_formatd (md, sizeof md, "%.0f", median));
          g_string_append_c (out, '\n');
        }
      if (s->proposals->len > gs_study_n_proposals (st))
        g_string_append_printf (out, "  (the first %u of %u are followed)\n",
                                gs_study_n_proposals (st), s->proposals->len);
    }
}

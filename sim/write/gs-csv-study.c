/* gs-csv-study.c — a Monte Carlo study as CSV (RFC 4180, UTF-8).
 *
 * One table per call, chosen by GsCsvStudyTable, in long form: one row per
 * estimate, with the figures of the JSON document of kind "study"
 * (gs-json-study.c) under the same names.  Each row names what it is about
 * (a matter, a body, a breach, a proposal), the metric (the JSON key; a
 * nested key joined with '_', as days_to_decision_median), the estimate,
 * its interval (low, high, level), how the interval was found (wilson for a
 * probability, t for a mean or rate, batch_t for a quantile; empty for a
 * figure without one) and the replications.  Numbers are written
 * locale-free with the fewest of 15 or 17 digits that read back as the
 * same double, so they equal the JSON's; an undefined estimate is a row of
 * empty cells.
 */
#include "write/gs-write-private.h"

#include <govsim/gs-report.h>
#include <govsim/gs-study.h>

#include <math.h>
#include <string.h>

static const char *const table_names[] = {
  [GS_CSV_STUDY_HEADLINE] = "headline",   [GS_CSV_STUDY_MATTERS] = "matters",
  [GS_CSV_STUDY_BODIES] = "bodies",       [GS_CSV_STUDY_BREACHES] = "breaches",
  [GS_CSV_STUDY_PROPOSALS] = "proposals",
};
G_STATIC_ASSERT (G_N_ELEMENTS (table_names) == GS_N_CSV_STUDY_TABLES);

const char *
gs_csv_study_table_to_string (GsCsvStudyTable table)
{
  g_return_val_if_fail ((guint)table < GS_N_CSV_STUDY_TABLES, NULL);
  return table_names[table];
}

gboolean
gs_csv_study_table_from_string (const char *text, GsCsvStudyTable *out)
{
  for (guint i = 0; i < GS_N_CSV_STUDY_TABLES; i++)
    if (text != NULL && strcmp (text, table_names[i]) == 0)
      {
        *out = (GsCsvStudyTable)i;
        return TRUE;
      }
  return FALSE;
}

static const char *const outcome_keys[] = {
  [GS_STUDY_APPROVED] = "approved",
  [GS_STUDY_REJECTED] = "rejected",
  [GS_STUDY_GRIDLOCKED] = "gridlocked",
  [GS_STUDY_PENDING] = "pending",
  [GS_STUDY_LATE] = "late",
};

/* What one row is about: up to four leading cells. */
typedef struct
{
  GString *out;
  const char *about[4];
  guint n_about;
  guint64 reps;
} Rows;

static void
row_begin (Rows *r, const char *metric)
{
  for (guint i = 0; i < r->n_about; i++)
    gs__csv_field (r->out, r->about[i], i == 0);
  gs__csv_field (r->out, metric, r->n_about == 0);
}

/* A row for an estimate times @scale, its interval found by @method. */
static void
row_est (Rows *r, const char *metric, GsEstimate e, double scale,
         const char *method)
{
  row_begin (r, metric);
  if (e.defined)
    {
      gs__csv_number (r->out, e.value * scale);
      gs__csv_number (r->out, e.lo * scale);
      gs__csv_number (r->out, e.hi * scale);
      gs__csv_number (r->out, GS_STATS_LEVEL);
    }
  else
    for (guint i = 0; i < 4; i++)
      gs__csv_field (r->out, NULL, FALSE);
  gs__csv_field (r->out, method, FALSE);
  gs__csv_int (r->out, (gint64)r->reps);
  gs__csv_end (r->out);
}

/* A row for a figure without an interval. */
static void
row_plain (Rows *r, const char *metric, double value)
{
  row_begin (r, metric);
  gs__csv_number (r->out, value);
  for (guint i = 0; i < 4; i++)
    gs__csv_field (r->out, NULL, FALSE);
  gs__csv_int (r->out, (gint64)r->reps);
  gs__csv_end (r->out);
}

static void
header (Rows *r, const char *const *about)
{
  for (guint i = 0; i < r->n_about; i++)
    gs__csv_field (r->out, about[i], i == 0);
  static const char *const rest[]
      = { "metric", "estimate", "low",         "high",
          "level",  "interval", "replications" };
  for (guint i = 0; i < G_N_ELEMENTS (rest); i++)
    gs__csv_field (r->out, rest[i], r->n_about == 0 && i == 0);
  gs__csv_end (r->out);
}

static void
rows_days (Rows *r, const GsStudy *st, const GsStudyDays *d)
{
  row_est (r, "days_to_decision_mean", gs_moments_ratio (&d->minutes, r->reps),
           1.0 / GS_MINUTES_PER_DAY, "t");
  if (d->hist != NULL)
    {
      row_est (r, "days_to_decision_median",
               gs_study_days_quantile (st, d, 0.5), 1, "batch_t");
      row_est (r, "days_to_decision_p90", gs_study_days_quantile (st, d, 0.9),
               1, "batch_t");
    }
}

static void
rows_outcomes (Rows *r, const GsStudy *st, const GsStudyMatter *m)
{
  row_est (r, "proposals_per_period", gs_moments_mean (&m->arrived, r->reps), 1,
           "t");
  for (guint k = 0; k < GS_STUDY_N_OUTCOMES; k++)
    row_est (r, outcome_keys[k],
             gs_moments_probability (&m->outcome[k], r->reps), 1, "wilson");
  rows_days (r, st, &m->days);
}

static void
row_per_year (Rows *r, const char *metric, const GsMoments *m, double years)
{
  row_est (r, metric, gs_moments_mean (m, r->reps),
           years > 0 ? 1.0 / years : 1.0, "t");
}

static void
write_bodies (Rows *r, const GsStudy *st)
{
  const GsScenario *s = gs_study_get_scenario (st);
  double years = gs_study_years (st);
  for (guint b = 0; b < s->bodies->len; b++)
    {
      const GsStudyBody *sb = gs_study_body (st, b);
      if (sb->meetings.x == 0 && sb->backlog.x == 0)
        continue;
      r->about[0] = GS_BODY (s, b)->id;
      r->about[1] = GS_BODY (s, b)->name;
      row_per_year (r, "meetings_per_year", &sb->meetings, years);
      row_est (r, "meeting_inquorate",
               gs_moments_probability (&sb->inquorate, r->reps), 1, "wilson");
      row_per_year (r, "inquorate_per_year", &sb->inquorate, years);
      row_per_year (r, "items_inquorate_by_conflicts_per_year",
                    &sb->item_inquorate, years);
      row_per_year (r, "ties_per_year", &sb->ties, years);
      row_per_year (r, "blocked_per_year", &sb->blocked, years);
      row_per_year (r, "settled_by_fallback_per_year", &sb->settled, years);
      row_per_year (r, "splits_per_year", &sb->splits, years);
      row_per_year (r, "carried_per_year", &sb->carried, years);
      row_est (r, "backlog_at_end", gs_moments_mean (&sb->backlog, r->reps), 1,
               "t");
      row_plain (r, "backlog_at_end_p90",
                 gs_hist_quantile (sb->backlog_hist, 0.9));
      row_est (r, "dispute_exhausted",
               gs_moments_probability (&sb->exhausted, r->reps), 1, "wilson");
      row_per_year (r, "breaches_per_year", &sb->breaches, years);
      if (sb->inquorate.first != G_MAXUINT64)
        row_plain (r, "first_inquorate_replication",
                   (double)sb->inquorate.first);
      rows_days (r, st, &sb->days);
    }
}

static void
write_breaches (Rows *r, const GsStudy *st)
{
  const GsScenario *s = gs_study_get_scenario (st);
  double years = gs_study_years (st);
  const GsEnumInfo *kinds
      = gs_record_info (GS_REC_BREACH)->fields[0].values; /* "breach" */
  /* The probability of any breach, then of each kind, in any body. */
  r->about[0] = r->about[1] = r->about[2] = r->about[3] = NULL;
  row_est (
      r, "any",
      gs_moments_probability (gs_study_any_breach (st, GS_N_BREACHES), r->reps),
      1, "wilson");
  for (guint k = 0; k < GS_N_BREACHES; k++)
    {
      r->about[3] = gs_enum_value_name (kinds, k);
      row_est (r, "any",
               gs_moments_probability (gs_study_any_breach (st, k), r->reps), 1,
               "wilson");
    }
  const GsStudyMatter *whole = gs_study_whole (st);
  for (guint i = 0; i < gs_study_n_breaches (st); i++)
    {
      const GsStudyBreach *br = gs_study_breach (st, i);
      GsMoments per = br->count;
      per.n = whole->arrived.x;
      per.nn = whole->arrived.xx;
      r->about[0] = GS_BODY (s, br->body)->id;
      r->about[1] = GS_BODY (s, br->body)->name;
      r->about[2] = br->org >= 0 ? GS_ORG (s, br->org)->id : NULL;
      r->about[3] = gs_enum_value_name (kinds, br->kind);
      row_est (r, "per_proposal", gs_moments_probability (&per, r->reps), 1,
               "wilson");
      row_per_year (r, "per_year", &br->count, years);
      row_plain (r, "first_replication", (double)br->count.first);
    }
}

void
gs_report_csv_study (const GsStudy *st, GsCsvStudyTable table, GString *out)
{
  const GsScenario *s = gs_study_get_scenario (st);
  Rows r = { .out = out, .reps = gs_study_n_replications (st) };
  switch (table)
    {
      case GS_CSV_STUDY_HEADLINE:
        header (&r, NULL);
        rows_outcomes (&r, st, gs_study_whole (st));
        break;
      case GS_CSV_STUDY_MATTERS:
        {
          static const char *const h[] = { "matter", "matter_name" };
          r.n_about = 2;
          header (&r, h);
          for (guint m = 0; m < s->matters->len; m++)
            {
              const GsStudyMatter *sm = gs_study_matter (st, m);
              if (sm->arrived.x == 0)
                continue;
              r.about[0] = GS_MATTER (s, m)->id;
              r.about[1] = GS_MATTER (s, m)->name;
              rows_outcomes (&r, st, sm);
            }
          break;
        }
      case GS_CSV_STUDY_BODIES:
        {
          static const char *const h[] = { "body", "body_name" };
          r.n_about = 2;
          header (&r, h);
          write_bodies (&r, st);
          break;
        }
      case GS_CSV_STUDY_BREACHES:
        {
          static const char *const h[]
              = { "body", "body_name", "organisation", "kind" };
          r.n_about = 4;
          header (&r, h);
          write_breaches (&r, st);
          break;
        }
      case GS_CSV_STUDY_PROPOSALS:
        {
          static const char *const h[] = { "proposal", "title" };
          r.n_about = 2;
          header (&r, h);
          for (guint p = 0; p < gs_study_n_proposals (st); p++)
            {
              const GsStudyProposal *sp = gs_study_proposal (st, p);
              const GsProposal *pr = GS_PROPOSAL (s, sp->proposal);
              r.about[0] = pr->id;
              r.about[1] = pr->title;
              for (guint k = 0; k < GS_STUDY_N_OUTCOMES; k++)
                row_est (&r, outcome_keys[k],
                         gs_moments_probability (&sp->outcome[k], r.reps), 1,
                         "wilson");
              row_est (&r, "breach",
                       gs_moments_probability (&sp->breach, r.reps), 1,
                       "wilson");
              row_plain (&r, "median_days",
                         gs_hist_quantile (sp->days.hist, 0.5));
            }
          break;
        }
      default:
        g_return_if_reached ();
    }
}

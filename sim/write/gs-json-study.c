/* gs-json-study.c — a Monte Carlo study as a JSON document of kind
 * "study", built with json-glib.
 *
 * The conventions are DESIGN.md §8's: the document names the program, its
 * schema version, its kind and the scenario (file, name, seed); keys are
 * snake_case; ids are as in the scenario with names beside them; every
 * probability, mean and quantile is an object {"value", "ci": [lo, hi],
 * "level": 0.95} (null where undefined); counts are integers; days are
 * numbers of days.  json-glib writes doubles with g_ascii_dtostr(), so no
 * locale reaches the output.
 */
#include "write/gs-json-private.h"
#include "write/gs-text-private.h"

#include <govsim/gs-study.h>

#include <json-glib/json-glib.h>
#include <math.h>

/* An estimate times @scale (minutes to days, a period to a year). */
static void
add_est (JsonBuilder *j, const char *key, GsEstimate e, double scale)
{
  if (!e.defined)
    {
      gs__json_null (j, key);
      return;
    }
  gs__json_estimate (j, key, e.value * scale, e.lo * scale, e.hi * scale,
                     GS_STATS_LEVEL);
}

static const char *const outcome_keys[] = {
  [GS_STUDY_APPROVED] = "approved",
  [GS_STUDY_REJECTED] = "rejected",
  [GS_STUDY_GRIDLOCKED] = "gridlocked",
  [GS_STUDY_PENDING] = "pending",
  [GS_STUDY_LATE] = "late",
};

static void
add_days (JsonBuilder *j, const GsStudy *st, const GsStudyDays *d)
{
  guint64 reps = gs_study_n_replications (st);
  json_builder_set_member_name (j, "days_to_decision");
  json_builder_begin_object (j);
  add_est (j, "mean", gs_moments_ratio (&d->minutes, reps),
           1.0 / GS_MINUTES_PER_DAY);
  if (d->hist != NULL)
    {
      add_est (j, "median", gs_study_days_quantile (st, d, 0.5), 1);
      add_est (j, "p90", gs_study_days_quantile (st, d, 0.9), 1);
    }
  json_builder_end_object (j);
}

static void
add_outcomes (JsonBuilder *j, const GsStudy *st, const GsStudyMatter *m)
{
  guint64 reps = gs_study_n_replications (st);
  add_est (j, "proposals_per_period", gs_moments_mean (&m->arrived, reps), 1);
  for (guint k = 0; k < GS_STUDY_N_OUTCOMES; k++)
    add_est (j, outcome_keys[k], gs_moments_probability (&m->outcome[k], reps),
             1);
  add_days (j, st, &m->days);
}

static void
add_per_year (JsonBuilder *j, const char *key, const GsMoments *m, guint64 reps,
              double years)
{
  add_est (j, key, gs_moments_mean (m, reps), years > 0 ? 1.0 / years : 1.0);
}

void
gs_report_json_study (const GsStudy *st, const char *source, GString *out)
{
  const GsScenario *s = gs_study_get_scenario (st);
  guint64 reps = gs_study_n_replications (st);
  double years = gs_study_years (st);
  g_autoptr (JsonBuilder) j
      = gs__json_begin ("study", s, gs_study_get_seed (st));
  (void)source; /* the header names the scenario's own file */
  gs__json_int (j, "replications", (gint64)reps);
  char d[GS_DATE_BUF];
  gs__json_string (j, "start", gs_time_format_date (s->start, d));
  gs__json_string (j, "end",
                   gs_time_format_date (s->end - GS_MINUTES_PER_DAY, d));

  json_builder_set_member_name (j, "whole");
  json_builder_begin_object (j);
  add_outcomes (j, st, gs_study_whole (st));
  json_builder_end_object (j);

  json_builder_set_member_name (j, "matters");
  json_builder_begin_array (j);
  for (guint m = 0; m < s->matters->len; m++)
    {
      const GsStudyMatter *sm = gs_study_matter (st, m);
      if (sm->arrived.x == 0)
        continue;
      json_builder_begin_object (j);
      gs__json_string (j, "id", GS_MATTER (s, m)->id);
      gs__json_string (j, "name", GS_MATTER (s, m)->name);
      add_outcomes (j, st, sm);
      json_builder_end_object (j);
    }
  json_builder_end_array (j);

  json_builder_set_member_name (j, "bodies");
  json_builder_begin_array (j);
  for (guint b = 0; b < s->bodies->len; b++)
    {
      const GsStudyBody *sb = gs_study_body (st, b);
      if (sb->meetings.x == 0 && sb->backlog.x == 0)
        continue;
      json_builder_begin_object (j);
      gs__json_string (j, "id", GS_BODY (s, b)->id);
      gs__json_string (j, "name", GS_BODY (s, b)->name);
      add_per_year (j, "meetings_per_year", &sb->meetings, reps, years);
      add_est (j, "meeting_inquorate",
               gs_moments_probability (&sb->inquorate, reps), 1);
      add_per_year (j, "inquorate_per_year", &sb->inquorate, reps, years);
      add_per_year (j, "items_inquorate_by_conflicts_per_year",
                    &sb->item_inquorate, reps, years);
      add_per_year (j, "ties_per_year", &sb->ties, reps, years);
      add_per_year (j, "blocked_per_year", &sb->blocked, reps, years);
      add_per_year (j, "settled_by_fallback_per_year", &sb->settled, reps,
                    years);
      add_per_year (j, "splits_per_year", &sb->splits, reps, years);
      add_per_year (j, "carried_per_year", &sb->carried, reps, years);
      add_est (j, "backlog_at_end", gs_moments_mean (&sb->backlog, reps), 1);
      json_builder_set_member_name (j, "backlog_at_end_p90");
      json_builder_add_double_value (j,
                                     gs_hist_quantile (sb->backlog_hist, 0.9));
      add_est (j, "dispute_exhausted",
               gs_moments_probability (&sb->exhausted, reps), 1);
      add_per_year (j, "breaches_per_year", &sb->breaches, reps, years);
      if (sb->inquorate.first != G_MAXUINT64)
        gs__json_int (j, "first_inquorate_replication",
                      (gint64)sb->inquorate.first);
      add_days (j, st, &sb->days);
      json_builder_end_object (j);
    }
  json_builder_end_array (j);

  json_builder_set_member_name (j, "breaches");
  json_builder_begin_object (j);
  add_est (
      j, "any",
      gs_moments_probability (gs_study_any_breach (st, GS_N_BREACHES), reps),
      1);
  json_builder_set_member_name (j, "by_kind");
  json_builder_begin_object (j);
  const GsEnumInfo *kinds
      = gs_record_info (GS_REC_BREACH)->fields[0].values; /* "breach" */
  for (guint k = 0; k < GS_N_BREACHES; k++)
    add_est (j, gs_enum_value_name (kinds, k),
             gs_moments_probability (gs_study_any_breach (st, k), reps), 1);
  json_builder_end_object (j);
  json_builder_set_member_name (j, "where");
  json_builder_begin_array (j);
  const GsStudyMatter *whole = gs_study_whole (st);
  for (guint i = 0; i < gs_study_n_breaches (st); i++)
    {
      const GsStudyBreach *br = gs_study_breach (st, i);
      GsMoments per = br->count;
      per.n = whole->arrived.x;
      per.nn = whole->arrived.xx;
      json_builder_begin_object (j);
      gs__json_string (j, "body", GS_BODY (s, br->body)->id);
      gs__json_string (j, "body_name", GS_BODY (s, br->body)->name);
      json_builder_set_member_name (j, "organisation");
      if (br->org >= 0)
        json_builder_add_string_value (j, GS_ORG (s, br->org)->id);
      else
        json_builder_add_null_value (j);
      gs__json_string (j, "kind", gs_enum_value_name (kinds, br->kind));
      add_est (j, "per_proposal", gs_moments_probability (&per, reps), 1);
      add_per_year (j, "per_year", &br->count, reps, years);
      gs__json_int (j, "first_replication", (gint64)br->count.first);
      json_builder_end_object (j);
    }
  json_builder_end_array (j);
  json_builder_end_object (j);

  json_builder_set_member_name (j, "proposals");
  json_builder_begin_array (j);
  for (guint p = 0; p < gs_study_n_proposals (st); p++)
    {
      const GsStudyProposal *sp = gs_study_proposal (st, p);
      const GsProposal *pr = GS_PROPOSAL (s, sp->proposal);
      json_builder_begin_object (j);
      gs__json_string (j, "id", pr->id);
      gs__json_string (j, "title", pr->title);
      for (guint k = 0; k < GS_STUDY_N_OUTCOMES; k++)
        add_est (j, outcome_keys[k],
                 gs_moments_probability (&sp->outcome[k], reps), 1);
      add_est (j, "breach", gs_moments_probability (&sp->breach, reps), 1);
      double median = gs_hist_quantile (sp->days.hist, 0.5);
      json_builder_set_member_name (j, "median_days");
      if (isnan (median))
        json_builder_add_null_value (j);
      else
        json_builder_add_double_value (j, median);
      json_builder_end_object (j);
    }
  json_builder_end_array (j);
  gs__json_finish (j, out);
}

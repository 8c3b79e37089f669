/* gs-compare.h — comparing versions of the terms of reference on common
 * random numbers: `govsim compare`.
 *
 * A comparison runs several versions of one scenario (the first is the
 * baseline) on the same replications with the same seed.  Every draw is
 * keyed by what it is about (gs-draw.h), so in replication r each version
 * sees the same traffic, the same attendance on a given day and the same
 * ballot from each person on each case, unless the version itself changes
 * them.  What differs between the versions' outcomes in replication r is
 * then due to the terms alone, and the differences are estimated pair by
 * pair (GsPaired, gs-stats.h): far narrower intervals than two
 * independent studies would give.
 *
 * Per replication, for each version, the comparison adds into exact
 * integer sums (the same totals on any number of threads):
 *   - the headline: proposals, the share approved, rejected, gridlocked,
 *     pending at the end and late, whether any delegation limit was
 *     breached, breaches, and the mean days to a decision;
 *   - per body of the baseline (matched by id in the other versions):
 *     meetings, the share inquorate, ties, blocked votes, splits, items
 *     carried, disputes exhausted, the backlog at the end, breaches, and
 *     the days items waited before it;
 *   - per case, which keeps its identity across versions (a proposal of
 *     the file by its index, a generated one by its stream and serial
 *     number, gs__case_key()): its fate in the baseline and in the
 *     version — approved, rejected, gridlocked, pending, or did not
 *     arrive — as a transition table, and whether it breached in each.
 *
 * Memory: fixed per version, plus one tally per distinct case.
 */
#pragma once

#include <glib.h>
#include <govsim/gs-scenario.h>
#include <govsim/gs-stats.h>
#include <govsim/gs-study.h>

G_BEGIN_DECLS

#define GS_COMPARE_ERROR (gs_compare_error_quark ())
GQuark gs_compare_error_quark (void);

typedef enum
{
  GS_COMPARE_ERROR_RUN, /* a replication of a version failed */
} GsCompareError;

/* How a metric's sums are read. */
typedef enum
{
  GS_METRIC_PROBABILITY, /* Σx / Σn, a share */
  GS_METRIC_MEAN,        /* Σx / R, per replication */
  GS_METRIC_DAYS,        /* Σ minutes / Σ decisions, shown in days */
} GsMetricKind;

typedef struct
{
  const char *key;   /* snake_case, for JSON and CSV: "p_gridlocked" */
  const char *label; /* for the text tables: "P(gridlocked)" */
  GsMetricKind kind;
} GsMetric;

enum
{
  GS_HEAD_PROPOSALS,
  GS_HEAD_APPROVED,
  GS_HEAD_REJECTED,
  GS_HEAD_GRIDLOCKED,
  GS_HEAD_PENDING,
  GS_HEAD_LATE,
  GS_HEAD_ANY_BREACH,
  GS_HEAD_BREACHES,
  GS_HEAD_DAYS,
  GS_HEAD_N,
};

enum
{
  GS_BODY_MEETINGS,
  GS_BODY_INQUORATE,
  GS_BODY_TIES,
  GS_BODY_BLOCKED,
  GS_BODY_SPLITS,
  GS_BODY_CARRIED,
  GS_BODY_EXHAUSTED,
  GS_BODY_BACKLOG,
  GS_BODY_BREACHES,
  GS_BODY_DAYS,
  GS_BODY_N,
};

/** The headline metrics (GS_HEAD_N) and body metrics (GS_BODY_N).
 * (transfer none) */
const GsMetric *gs_compare_headline_metric (guint m);
const GsMetric *gs_compare_body_metric (guint m);

/* A case's fate in one version. */
typedef enum
{
  GS_FATE_APPROVED,
  GS_FATE_REJECTED,
  GS_FATE_GRIDLOCKED,
  GS_FATE_PENDING,
  GS_FATE_ABSENT, /* did not arrive in this version */
  GS_N_FATES,
} GsFate;

/** "approved", "rejected", "gridlocked", "pending", "did not arrive". */
const char *gs_fate_to_string (GsFate fate);

/* One case across the baseline and a version. */
typedef struct
{
  guint64 key;     /* gs__case_key(): the proposal's index, or (stream + 1)
                      << 32 | serial */
  char *title;     /* the proposal's title, or "<stream> #n" */
  guint64 seen;    /* replications it arrived in, in either version */
  guint64 changed; /* ... in which its fate or its breach differed */
  guint64 fate[GS_N_FATES][GS_N_FATES]; /* [baseline][version] */
  guint64 breach[2][2]; /* [breached in baseline][in version], where it
                           arrived in both */
} GsCompareCase;

typedef struct _GsCompare GsCompare;

/**
 * gs_compare_new:
 * A comparison of the @n versions @scenarios (the first the baseline),
 * called @labels, with @seed.  The scenarios must outlive it.
 * (transfer full)
 */
GsCompare *gs_compare_new (const GsScenario *const *scenarios,
                           const char *const *labels, guint n, guint64 seed);

/** Frees @cmp; accepts NULL. */
void gs_compare_free (GsCompare *cmp);

/**
 * gs_compare_run:
 * Runs replications @first .. @first + @count − 1 of every version, on
 * @threads threads (0: one per processor), and adds them.
 * Returns: FALSE with GS_COMPARE_ERROR_RUN if a replication failed.
 */
gboolean gs_compare_run (GsCompare *cmp, guint64 first, guint64 count,
                         guint threads, GError **error);

/**
 * gs_compare_run_progress:
 * As gs_compare_run(), calling @progress (nullable) from this thread about
 * every tenth of a second with the replications done so far of @count.
 * The sums do not depend on it.
 */
gboolean gs_compare_run_progress (GsCompare *cmp, guint64 first, guint64 count,
                                  guint threads, GsStudyProgressFunc progress,
                                  gpointer user_data, GError **error);

guint gs_compare_n_versions (const GsCompare *cmp);
/** (transfer none) */
const GsScenario *gs_compare_get_scenario (const GsCompare *cmp, guint v);
const char *gs_compare_get_label (const GsCompare *cmp, guint v);
guint64 gs_compare_get_seed (const GsCompare *cmp);
guint64 gs_compare_n_replications (const GsCompare *cmp);

/**
 * gs_compare_headline:
 * The paired sums of headline metric @m, the baseline's in .a and version
 * @v's in .b (for @v = 0, the baseline against itself).  (transfer none)
 */
const GsPaired *gs_compare_headline (const GsCompare *cmp, guint v, guint m);

/** The baseline's bodies; body @b's index in version @v, or -1 when it
 * has no body of that id. */
guint gs_compare_n_bodies (const GsCompare *cmp);
int gs_compare_body_in (const GsCompare *cmp, guint v, guint b);
/** As gs_compare_headline(), for body metric @m of baseline body @b.
 * (transfer none) */
const GsPaired *gs_compare_body (const GsCompare *cmp, guint v, guint b,
                                 guint m);

/**
 * gs_compare_precision:
 * The widest half-width of the paired differences' intervals for the
 * headline probabilities (approved, rejected, gridlocked, pending, late,
 * any breach) of every version against the baseline: what
 * `govsim compare --precision` stops on.  Infinite while an interval
 * cannot be computed yet (no replications); 0 with only the baseline.
 */
double gs_compare_precision (const GsCompare *cmp);

/** The estimate of @kind from one side of @p over @reps replications (the
 * baseline's with @variant FALSE); days in days. */
GsEstimate gs_compare_estimate (const GsPaired *p, GsMetricKind kind,
                                gboolean variant, guint64 reps);
/** The difference variant − baseline of @p; days in days. */
GsDifference gs_compare_difference (const GsPaired *p, GsMetricKind kind,
                                    guint64 reps);

/**
 * gs_compare_cases:
 * The cases of version @v (≥ 1) against the baseline, in key order: the
 * file's proposals first, then the generated ones by stream and serial.
 * (transfer none) (element-type GsCompareCase)
 */
const GArray *gs_compare_cases (const GsCompare *cmp, guint v);

/** Every case of version @v added together.  (transfer none) */
const GsCompareCase *gs_compare_all_cases (const GsCompare *cmp, guint v);

/**
 * gs_compare_most_changed:
 * Up to @max cases of version @v whose fate changed in the most
 * replications (ties in key order), none that never changed.
 * Returns: (transfer container) (element-type GsCompareCase)
 */
GPtrArray *gs_compare_most_changed (const GsCompare *cmp, guint v, guint max);

/**
 * gs_compare_findings:
 * The findings of `govsim check` on @b that @a does not have (*@appeared)
 * and those of @a that @b does not have (*@vanished), matched by rule and
 * sentence.
 * Returns: (transfer full) (element-type GsFinding) both arrays.
 */
void gs_compare_findings (const GsScenario *a, const GsScenario *b,
                          GPtrArray **appeared, GPtrArray **vanished);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsCompare, gs_compare_free)

G_END_DECLS

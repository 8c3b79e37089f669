/* gs-study.h — Monte Carlo studies: many replications of one scenario.
 *
 * A study runs replications r of a scenario, each with the keyed draws of
 * (seed, r), and adds what each came to into a GsStudy: exact integer sums
 * (GsMoments, gs-stats.h) and histograms of days.  Sums of integers merge in
 * any order into the same total, so a study is the same whatever the number
 * of threads, however replications are split into shards, and on whatever
 * machines the shards ran: gs_study_merge() of the parts equals the whole.
 * Memory does not grow with the number of replications: no run's records
 * are kept.
 *
 * What is added per replication r:
 *   - for the whole scenario and each matter type: the proposals that
 *     arrived, and of them how many were approved, rejected, gridlocked,
 *     still pending at the end, and decided late or not decided by their
 *     deadline; the minutes from arrival to each decision, and their days
 *     in a histogram (pooled and in GS_STATS_BATCHES batches by r);
 *   - whether the replication had at least one breach of a delegation
 *     limit, of each kind and of any kind;
 *   - for each body: meetings held, inquorate meetings, items left
 *     inquorate by conflicts, ties, blocked consensus votes, splits, items
 *     carried, disputes and disputes exhausted, items still before it at
 *     the end (with a histogram), breaches, and the minutes items waited
 *     before it until decided (with histograms);
 *   - for each (body, organisation, kind) that ever breached: breaches,
 *     with the first replication in which one happened;
 *   - for each fixed proposal (up to GS_STUDY_PROPOSALS_MAX): its outcome,
 *     whether it breached, whether it missed its deadline, its days.
 *
 * Quantile histograms are kept for the whole scenario and for up to
 * GS_STUDY_QUANTILE_MAX matter types and bodies; beyond, means only.
 */
#pragma once

#include <glib.h>
#include <govsim/gs-breach.h>
#include <govsim/gs-scenario.h>
#include <govsim/gs-stats.h>

G_BEGIN_DECLS

#define GS_STUDY_ERROR (gs_study_error_quark ())
GQuark gs_study_error_quark (void);

typedef enum
{
  GS_STUDY_ERROR_RUN,      /* a replication failed (invariant, limit) */
  GS_STUDY_ERROR_MISMATCH, /* parts of different studies */
  GS_STUDY_ERROR_PART,     /* a part that cannot be read */
} GsStudyError;

/* Outcomes of a proposal, counted per matter and for the whole. */
typedef enum
{
  GS_STUDY_APPROVED,
  GS_STUDY_REJECTED,
  GS_STUDY_GRIDLOCKED,
  GS_STUDY_PENDING, /* still undecided at the end */
  GS_STUDY_LATE,    /* missed its deadline (decided late, or not at all) */
  GS_STUDY_N_OUTCOMES,
} GsStudyOutcome;

#define GS_STUDY_QUANTILE_MAX  256
#define GS_STUDY_PROPOSALS_MAX 200

/* Days to decision: the mean from exact minutes, quantiles from the
 * histograms (NULL when not kept). */
typedef struct
{
  GsMoments minutes; /* x = minutes from arrival to each decision, n =
                        decisions */
  guint64 *hist;     /* (nullable) GS_STATS_BINS counts of whole days */
  guint64 *batches;  /* (nullable) GS_STATS_BATCHES × GS_STATS_BINS */
} GsStudyDays;

typedef struct
{
  GsMoments arrived;                      /* x = arrived, n = 1 */
  GsMoments outcome[GS_STUDY_N_OUTCOMES]; /* x = of those, n = arrived */
  GsStudyDays days;
} GsStudyMatter;

typedef struct
{
  GsMoments meetings;       /* x = meetings held, n = 1 */
  GsMoments inquorate;      /* x = inquorate meetings, n = meetings */
  GsMoments item_inquorate; /* x = items inquorate by conflicts, n = 1 */
  GsMoments ties, blocked, splits, carried; /* x = count, n = 1 */
  GsMoments settled;     /* x = blocked votes the majority then settled */
  GsMoments exhausted;   /* x = disputes exhausted, n = disputes */
  GsMoments backlog;     /* x = items still before it at the end, n = 1 */
  guint64 *backlog_hist; /* GS_STATS_BINS counts of that number */
  GsMoments breaches;    /* x = breaches in its decisions, n = 1 */
  GsStudyDays days;      /* days items waited before it until decided */
} GsStudyBody;

/* One (body, organisation, kind) that breached at least once.  n and nn
 * are the whole scenario's arrivals (a probability per proposal). */
typedef struct
{
  guint32 body;
  gint32 org; /* -1 for a conflicted vote */
  GsBreach kind;
  GsMoments count; /* x = breaches in the replication */
} GsStudyBreach;

typedef struct
{
  guint32 proposal;
  GsMoments outcome[GS_STUDY_N_OUTCOMES]; /* x = 1 if so, n = 1 */
  GsMoments breach;                       /* x = 1 if it breached */
  GsStudyDays days;                       /* hist only */
} GsStudyProposal;

typedef struct _GsStudy GsStudy;

/**
 * gs_study_new:
 * An empty study of @scenario with @seed: no replication yet.  @scenario
 * must outlive it.  (transfer full)
 */
GsStudy *gs_study_new (const GsScenario *scenario, guint64 seed);

/** Frees @study; accepts NULL. */
void gs_study_free (GsStudy *study);

/* Called from the thread that called gs_study_run(), about every tenth of
 * a second, with the replications done so far of @total. */
typedef void (*GsStudyProgressFunc) (guint64 done, guint64 total,
                                     gpointer user_data);

/**
 * gs_study_run:
 * Runs replications @first .. @first + @count − 1 on @threads threads (0:
 * one per processor) and adds them to @study.
 * Returns: FALSE with @error set if a replication failed.
 */
gboolean gs_study_run (GsStudy *study, guint64 first, guint64 count,
                       guint threads, GsStudyProgressFunc progress,
                       gpointer user_data, GError **error);

/**
 * gs_study_merge:
 * Adds the replications of @part, a study of the same scenario and seed
 * with replications disjoint from @study's, into @study.
 * Returns: FALSE with GS_STUDY_ERROR_MISMATCH if they are not parts of one
 * study.
 */
gboolean gs_study_merge (GsStudy *study, const GsStudy *part, GError **error);

/** (transfer none) */
const GsScenario *gs_study_get_scenario (const GsStudy *study);
guint64 gs_study_get_seed (const GsStudy *study);
/** Replications added so far. */
guint64 gs_study_n_replications (const GsStudy *study);
/** Years the scenario spans (for rates per year). */
double gs_study_years (const GsStudy *study);

/** The whole scenario's tallies.  (transfer none) */
const GsStudyMatter *gs_study_whole (const GsStudy *study);
/** Matter @m's tallies.  (transfer none) */
const GsStudyMatter *gs_study_matter (const GsStudy *study, guint m);
/** Body @b's tallies.  (transfer none) */
const GsStudyBody *gs_study_body (const GsStudy *study, guint b);
/** Whether a replication had a breach of kind @k (GS_N_BREACHES: any).
 * (transfer none) */
const GsMoments *gs_study_any_breach (const GsStudy *study, guint k);
/** The (body, organisation, kind) cells that breached, sorted.
 * (transfer none) */
guint gs_study_n_breaches (const GsStudy *study);
const GsStudyBreach *gs_study_breach (const GsStudy *study, guint i);
/** The fixed proposals followed (the first GS_STUDY_PROPOSALS_MAX).
 * (transfer none) */
guint gs_study_n_proposals (const GsStudy *study);
const GsStudyProposal *gs_study_proposal (const GsStudy *study, guint i);

/**
 * gs_study_days_quantile:
 * The type-7 quantile @p of @days pooled, with a 95% interval from the
 * batch quantiles (NAN ends when fewer than two batches have values).
 */
GsEstimate gs_study_days_quantile (const GsStudy *study,
                                   const GsStudyDays *days, double p);

/**
 * gs_study_headline_halfwidth:
 * The largest half-width of the headline intervals: the whole scenario's
 * outcome probabilities and the probability of any breach.  Used by
 * --precision to decide when to stop.
 */
double gs_study_headline_halfwidth (const GsStudy *study);

/* ---- parts of a study, for shards ------------------------------------- */

/**
 * gs_study_to_part:
 * @study as a JSON string holding every sum exactly, with the scenario's
 * name, shape and seed, so that gs_study_from_part() on the same scenario
 * rebuilds it.  @shard and @shards (1-based) are recorded.  (transfer full)
 */
char *gs_study_to_part (const GsStudy *study, guint shard, guint shards,
                        guint64 first, guint64 count, guint64 total);

/**
 * gs_study_from_part:
 * Rebuilds a part written by gs_study_to_part() from @text, for
 * @scenario; sets the part's shard, shard count, first replication,
 * count and total replications of the whole study.
 * Returns: (transfer full) (nullable): NULL with GS_STUDY_ERROR_PART or
 * _MISMATCH (another scenario) on failure.
 */
GsStudy *gs_study_from_part (const GsScenario *scenario, const char *text,
                             guint *shard, guint *shards, guint64 *first,
                             guint64 *count, guint64 *total, GError **error);

/**
 * gs_study_part_file:
 * The scenario file a part written by gs_study_to_part() was run on.
 * Returns: (transfer full) (nullable): NULL with GS_STUDY_ERROR_PART if
 * @text is not a part.
 */
char *gs_study_part_file (const char *text, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsStudy, gs_study_free)

G_END_DECLS

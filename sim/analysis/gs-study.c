/* gs-study.c — Monte Carlo studies: replications on a thread pool, added
 * into exact integer sums.
 *
 * Work is split into chunks of CHUNK consecutive replications, handed to a
 * GThreadPool.  Each worker owns a GsRun (executed again and again, so a
 * replication in steady state does not allocate), a partial GsStudy and a
 * per-replication scratch, and adds each replication it runs to its own
 * partial; at the end the partials are merged into the study.  Every sum is
 * an integer, so the merge gives the same total whatever the thread count
 * or the order chunks finished in.  Breaches are seen through the run's
 * record callback, which works without records, and counted per (body,
 * organisation, kind).
 *
 * Cost per replication: the run itself, then one pass over its cases and
 * slots — a few per cent of the run (bench/README.md).
 */
#include "analysis/gs-study-private.h"
#include "run/gs-run-private.h"

#include <govsim/gs-study.h>

#include <math.h>
#include <string.h>

/* Replications per job of the thread pool: small enough to balance two
 * threads on a short study, large enough that the pool costs nothing. */
#define CHUNK 32

struct _GsStudy
{
  const GsScenario *scenario;
  guint64 seed;
  guint64 reps;
  double years;
  guint n_matters, n_bodies, n_props;
  GsStudyMatter whole;
  GsStudyMatter *matters;
  GsStudyBody *bodies;
  GsMoments any[GS_N_BREACHES + 1];
  GHashTable *breach_index; /* packed key → index + 1 in breaches */
  GArray *breaches;         /* GsStudyBreach */
  GsStudyProposal *props;
};

GQuark
gs_study_error_quark (void)
{
  return g_quark_from_static_string ("gs-study-error-quark");
}

static void
days_alloc (GsStudyDays *d, gboolean batches)
{
  d->minutes = GS_MOMENTS_INIT;
  d->hist = g_new0 (guint64, GS_STATS_BINS);
  d->batches = batches
                   ? g_new0 (guint64, (gsize)GS_STATS_BATCHES * GS_STATS_BINS)
                   : NULL;
}

static void
days_free (GsStudyDays *d)
{
  g_free (d->hist);
  g_free (d->batches);
}

static void
matter_init (GsStudyMatter *m, gboolean quantiles)
{
  m->arrived = GS_MOMENTS_INIT;
  for (guint k = 0; k < GS_STUDY_N_OUTCOMES; k++)
    m->outcome[k] = GS_MOMENTS_INIT;
  if (quantiles)
    days_alloc (&m->days, TRUE);
  else
    m->days = (GsStudyDays){ .minutes = GS_MOMENTS_INIT };
}

GsStudy *
gs_study_new (const GsScenario *s, guint64 seed)
{
  g_return_val_if_fail (s != NULL, NULL);
  GsStudy *st = g_new0 (GsStudy, 1);
  st->scenario = s;
  st->seed = seed;
  st->years = gs_time_days_between (s->start, s->end) / 365.25;
  st->n_matters = s->matters->len;
  st->n_bodies = s->bodies->len;
  st->n_props = MIN (s->proposals->len, GS_STUDY_PROPOSALS_MAX);
  matter_init (&st->whole, TRUE);
  st->matters = g_new0 (GsStudyMatter, MAX (st->n_matters, 1));
  for (guint m = 0; m < st->n_matters; m++)
    matter_init (&st->matters[m], m < GS_STUDY_QUANTILE_MAX);
  st->bodies = g_new0 (GsStudyBody, MAX (st->n_bodies, 1));
  for (guint b = 0; b < st->n_bodies; b++)
    {
      GsStudyBody *sb = &st->bodies[b];
      GsMoments *all[] = { &sb->meetings, &sb->inquorate, &sb->item_inquorate,
                           &sb->ties,     &sb->blocked,   &sb->splits,
                           &sb->carried,  &sb->exhausted, &sb->backlog,
                           &sb->breaches, &sb->settled };
      for (guint k = 0; k < G_N_ELEMENTS (all); k++)
        *all[k] = GS_MOMENTS_INIT;
      sb->backlog_hist = g_new0 (guint64, GS_STATS_BINS);
      if (b < GS_STUDY_QUANTILE_MAX)
        days_alloc (&sb->days, TRUE);
      else
        sb->days = (GsStudyDays){ .minutes = GS_MOMENTS_INIT };
    }
  for (guint k = 0; k <= GS_N_BREACHES; k++)
    st->any[k] = GS_MOMENTS_INIT;
  st->breach_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  st->breaches = g_array_new (FALSE, TRUE, sizeof (GsStudyBreach));
  st->props = g_new0 (GsStudyProposal, MAX (st->n_props, 1));
  for (guint p = 0; p < st->n_props; p++)
    {
      GsStudyProposal *sp = &st->props[p];
      sp->proposal = p;
      for (guint k = 0; k < GS_STUDY_N_OUTCOMES; k++)
        sp->outcome[k] = GS_MOMENTS_INIT;
      sp->breach = GS_MOMENTS_INIT;
      days_alloc (&sp->days, FALSE);
    }
  return st;
}

void
gs_study_free (GsStudy *st)
{
  if (st == NULL)
    return;
  days_free (&st->whole.days);
  for (guint m = 0; m < st->n_matters; m++)
    days_free (&st->matters[m].days);
  for (guint b = 0; b < st->n_bodies; b++)
    {
      g_free (st->bodies[b].backlog_hist);
      days_free (&st->bodies[b].days);
    }
  for (guint p = 0; p < st->n_props; p++)
    days_free (&st->props[p].days);
  g_free (st->matters);
  g_free (st->bodies);
  g_free (st->props);
  /* The index owns its keys, but has no destroy function: sort_breaches()
   * re-inserts them, which would free them. */
  GList *keys = g_hash_table_get_keys (st->breach_index);
  g_list_free_full (keys, g_free);
  g_hash_table_unref (st->breach_index);
  g_array_unref (st->breaches);
  g_free (st);
}

/* ---- adding one replication ------------------------------------------- */

/* What one replication came to, before it is added to the sums. */
typedef struct
{
  guint64 *arrived; /* [matter] */
  guint64 *outcome; /* [matter × outcome] */
  guint64 *minutes; /* [matter] minutes to decisions */
  guint64 *decided; /* [matter] decisions */
  guint64 *b_count; /* [body × B_N] counts of the body's tallies */
  guint64 *b_minutes, *b_decided; /* [body] */
  guint breach_kinds[GS_N_BREACHES];
  GHashTable *breaches; /* packed key → count this replication */
} Scratch;

enum
{
  B_BACKLOG,
  B_EXHAUSTED,
  B_N
};

static Scratch *
scratch_new (const GsStudy *st)
{
  Scratch *x = g_new0 (Scratch, 1);
  guint nm = MAX (st->n_matters, 1), nb = MAX (st->n_bodies, 1);
  x->arrived = g_new0 (guint64, nm);
  x->outcome = g_new0 (guint64, (gsize)nm * GS_STUDY_N_OUTCOMES);
  x->minutes = g_new0 (guint64, nm);
  x->decided = g_new0 (guint64, nm);
  x->b_count = g_new0 (guint64, (gsize)nb * B_N);
  x->b_minutes = g_new0 (guint64, nb);
  x->b_decided = g_new0 (guint64, nb);
  x->breaches = g_hash_table_new (g_direct_hash, g_direct_equal);
  return x;
}

static void
scratch_free (Scratch *x)
{
  g_free (x->arrived);
  g_free (x->outcome);
  g_free (x->minutes);
  g_free (x->decided);
  g_free (x->b_count);
  g_free (x->b_minutes);
  g_free (x->b_decided);
  g_hash_table_unref (x->breaches);
  g_free (x);
}

static void
scratch_clear (const GsStudy *st, Scratch *x)
{
  guint nm = MAX (st->n_matters, 1), nb = MAX (st->n_bodies, 1);
  memset (x->arrived, 0, nm * sizeof (guint64));
  memset (x->outcome, 0, (gsize)nm * GS_STUDY_N_OUTCOMES * sizeof (guint64));
  memset (x->minutes, 0, nm * sizeof (guint64));
  memset (x->decided, 0, nm * sizeof (guint64));
  memset (x->b_count, 0, (gsize)nb * B_N * sizeof (guint64));
  memset (x->b_minutes, 0, nb * sizeof (guint64));
  memset (x->b_decided, 0, nb * sizeof (guint64));
  memset (x->breach_kinds, 0, sizeof x->breach_kinds);
  g_hash_table_remove_all (x->breaches);
}

/* (body, organisation + 1, kind) in one word; fits a pointer on 64-bit
 * machines for the per-replication table, and a gint64 for the study's. */
static inline guint64
breach_key (guint32 body, gint32 org, guint kind)
{
  return ((guint64)body << 32) | ((guint64)(guint32)(org + 1) << 4) | kind;
}

/* The record callback: counts breaches, which happen whether or not the
 * run keeps records. */
static void
on_record (const GsRun *run, const GsRecord *r, const guint32 *refs,
           guint n_refs, gpointer user_data)
{
  Scratch *x = user_data;
  if (!gs_record_kind_is_breach (r->kind))
    return;
  guint kind = (guint)r->breach.breach;
  x->breach_kinds[kind]++;
  gpointer key
      = GSIZE_TO_POINTER ((gsize)breach_key (r->body, r->breach.org, kind));
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (x->breaches, key));
  g_hash_table_insert (x->breaches, key, GUINT_TO_POINTER (n + 1));
}

static void
days_add (GsStudyDays *d, guint64 r, guint64 minutes)
{
  if (d->hist == NULL)
    return;
  guint bin = gs_stats_bin ((gint64)(minutes / GS_MINUTES_PER_DAY));
  d->hist[bin]++;
  if (d->batches != NULL)
    d->batches[(gsize)(r % GS_STATS_BATCHES) * GS_STATS_BINS + bin]++;
}

static GsStudyBreach *
breach_cell (GsStudy *st, guint64 key)
{
  gint64 k = (gint64)key;
  guint i = GPOINTER_TO_UINT (g_hash_table_lookup (st->breach_index, &k));
  if (i == 0)
    {
      GsStudyBreach b = { .body = (guint32)(key >> 32),
                          .org = (gint32)((key >> 4) & 0xfffffff) - 1,
                          .kind = (GsBreach)(key & 0xf),
                          .count = GS_MOMENTS_INIT };
      g_array_append_val (st->breaches, b);
      i = st->breaches->len;
      gint64 *owned = g_new (gint64, 1);
      *owned = k;
      g_hash_table_insert (st->breach_index, owned, GUINT_TO_POINTER (i));
    }
  return &g_array_index (st->breaches, GsStudyBreach, i - 1);
}

/* Adds replication @r, just executed by @run, to @st. */
static void
add_replication (GsStudy *st, guint64 r, const GsRun *run, Scratch *x)
{
  const GsScenario *s = st->scenario;
  guint64 arrived_all = 0, outcome_all[GS_STUDY_N_OUTCOMES] = { 0 };
  guint64 minutes_all = 0, decided_all = 0;

  for (guint i = 0; i < run->cases->len; i++)
    {
      const GsCase *c = GS_RUN_CASE (run, i);
      guint m = c->matter;
      guint64 *o = &x->outcome[(gsize)m * GS_STUDY_N_OUTCOMES];
      int k = c->state == GS_CASE_APPROVED     ? GS_STUDY_APPROVED
              : c->state == GS_CASE_REJECTED   ? GS_STUDY_REJECTED
              : c->state == GS_CASE_GRIDLOCKED ? GS_STUDY_GRIDLOCKED
                                               : GS_STUDY_PENDING;
      x->arrived[m]++;
      o[k]++;
      o[GS_STUDY_LATE] += c->missed ? 1 : 0;
      gboolean decided
          = c->state == GS_CASE_APPROVED || c->state == GS_CASE_REJECTED;
      guint64 minutes = decided ? (guint64)(c->decided - c->arrives) : 0;
      if (decided)
        {
          x->minutes[m] += minutes;
          x->decided[m]++;
          days_add (&st->matters[m].days, r, minutes);
          days_add (&st->whole.days, r, minutes);
        }
      if (c->proposal != GS_NONE && c->proposal < st->n_props)
        {
          GsStudyProposal *sp = &st->props[c->proposal];
          for (guint q = 0; q < GS_STUDY_N_OUTCOMES; q++)
            gs_moments_add (&sp->outcome[q], r,
                            q == (guint)k || (q == GS_STUDY_LATE && c->missed),
                            1);
          gs_moments_add (&sp->breach, r, c->breaches > 0, 1);
          if (decided)
            days_add (&sp->days, r, minutes);
        }
    }
  for (guint m = 0; m < st->n_matters; m++)
    {
      GsStudyMatter *sm = &st->matters[m];
      const guint64 *o = &x->outcome[(gsize)m * GS_STUDY_N_OUTCOMES];
      gs_moments_add (&sm->arrived, r, x->arrived[m], 1);
      for (guint k = 0; k < GS_STUDY_N_OUTCOMES; k++)
        {
          gs_moments_add (&sm->outcome[k], r, o[k], x->arrived[m]);
          outcome_all[k] += o[k];
        }
      gs_moments_add (&sm->days.minutes, r, x->minutes[m], x->decided[m]);
      arrived_all += x->arrived[m];
      minutes_all += x->minutes[m];
      decided_all += x->decided[m];
    }
  gs_moments_add (&st->whole.arrived, r, arrived_all, 1);
  for (guint k = 0; k < GS_STUDY_N_OUTCOMES; k++)
    gs_moments_add (&st->whole.outcome[k], r, outcome_all[k], arrived_all);
  gs_moments_add (&st->whole.days.minutes, r, minutes_all, decided_all);

  /* Slots: what each body held at the end, its exhausted disputes and the
   * days items waited before it until it decided. */
  for (guint i = 0; i < run->slots->len; i++)
    {
      const GsSlot *slot = GS_RUN_SLOT (run, i);
      guint64 *bc = &x->b_count[(gsize)slot->body * B_N];
      if (slot->state == GS_SLOT_QUEUED || slot->state == GS_SLOT_DISPUTE)
        bc[B_BACKLOG]++;
      else if (slot->state == GS_SLOT_GRIDLOCKED)
        bc[B_EXHAUSTED]++;
      else if (slot->state == GS_SLOT_APPROVED
               || slot->state == GS_SLOT_REJECTED)
        {
          guint64 minutes = (guint64)(slot->settled - slot->since);
          x->b_minutes[slot->body] += minutes;
          x->b_decided[slot->body]++;
          days_add (&st->bodies[slot->body].days, r, minutes);
        }
    }
  for (guint b = 0; b < st->n_bodies; b++)
    {
      GsStudyBody *sb = &st->bodies[b];
      const GsBodyCounters *n = &run->bodies[b].n;
      const guint64 *bc = &x->b_count[(gsize)b * B_N];
      gs_moments_add (&sb->meetings, r, n->meetings, 1);
      gs_moments_add (&sb->inquorate, r, n->inquorate, n->meetings);
      gs_moments_add (&sb->item_inquorate, r, n->item_inquorate, 1);
      gs_moments_add (&sb->ties, r, n->ties, 1);
      gs_moments_add (&sb->blocked, r, n->blocked, 1);
      gs_moments_add (&sb->settled, r, n->settled_by_fallback, 1);
      gs_moments_add (&sb->splits, r, n->splits, 1);
      gs_moments_add (&sb->carried, r, n->carried, 1);
      gs_moments_add (&sb->exhausted, r, bc[B_EXHAUSTED], n->disputes);
      gs_moments_add (&sb->backlog, r, bc[B_BACKLOG], 1);
      sb->backlog_hist[gs_stats_bin ((gint64)bc[B_BACKLOG])]++;
      gs_moments_add (&sb->breaches, r, n->breaches, 1);
      gs_moments_add (&sb->days.minutes, r, x->b_minutes[b], x->b_decided[b]);
    }

  guint any = 0;
  for (guint k = 0; k < GS_N_BREACHES; k++)
    {
      gs_moments_add (&st->any[k], r, x->breach_kinds[k] > 0, 1);
      any += x->breach_kinds[k];
    }
  gs_moments_add (&st->any[GS_N_BREACHES], r, any > 0, 1);

  /* Breaches by (body, organisation, kind): n is the replication's
   * arrivals, for a probability per proposal. */
  GHashTableIter it;
  gpointer key, value;
  g_hash_table_iter_init (&it, x->breaches);
  while (g_hash_table_iter_next (&it, &key, &value))
    {
      GsStudyBreach *cell = breach_cell (st, (guint64)GPOINTER_TO_SIZE (key));
      gs_moments_add (&cell->count, r, GPOINTER_TO_UINT (value), arrived_all);
    }
  st->reps++;
  (void)s;
}

GsStudyBreach *
gs__study_breach_cell (GsStudy *st, guint32 body, gint32 org, guint kind)
{
  return breach_cell (st, breach_key (body, org, kind));
}

void
gs__study_set_replications (GsStudy *st, guint64 reps)
{
  st->reps = reps;
}

/* ---- merging ----------------------------------------------------------- */

static void
days_merge (GsStudyDays *a, const GsStudyDays *b)
{
  gs_moments_merge (&a->minutes, &b->minutes);
  if (a->hist != NULL && b->hist != NULL)
    for (guint i = 0; i < GS_STATS_BINS; i++)
      a->hist[i] += b->hist[i];
  if (a->batches != NULL && b->batches != NULL)
    for (gsize i = 0; i < (gsize)GS_STATS_BATCHES * GS_STATS_BINS; i++)
      a->batches[i] += b->batches[i];
}

static void
matter_merge (GsStudyMatter *a, const GsStudyMatter *b)
{
  gs_moments_merge (&a->arrived, &b->arrived);
  for (guint k = 0; k < GS_STUDY_N_OUTCOMES; k++)
    gs_moments_merge (&a->outcome[k], &b->outcome[k]);
  days_merge (&a->days, &b->days);
}

static int
cmp_breach (gconstpointer pa, gconstpointer pb)
{
  const GsStudyBreach *a = pa, *b = pb;
  guint64 ka = breach_key (a->body, a->org, a->kind);
  guint64 kb = breach_key (b->body, b->org, b->kind);
  return (ka > kb) - (ka < kb);
}

/* Keeps the breach cells sorted by key, so the order a study lists them in
 * does not depend on the order replications were added. */
void
gs__study_sort_breaches (GsStudy *st)
{
  g_array_sort (st->breaches, cmp_breach);
  for (guint i = 0; i < st->breaches->len; i++)
    {
      const GsStudyBreach *b = &g_array_index (st->breaches, GsStudyBreach, i);
      gint64 k = (gint64)breach_key (b->body, b->org, b->kind);
      gpointer orig;
      if (g_hash_table_lookup_extended (st->breach_index, &k, &orig, NULL))
        g_hash_table_insert (st->breach_index, orig, GUINT_TO_POINTER (i + 1));
    }
}

gboolean
gs_study_merge (GsStudy *a, const GsStudy *b, GError **error)
{
  if (a->scenario != b->scenario || a->seed != b->seed)
    {
      g_set_error (error, GS_STUDY_ERROR, GS_STUDY_ERROR_MISMATCH,
                   "the parts are not of one study (another scenario or "
                   "seed)");
      return FALSE;
    }
  matter_merge (&a->whole, &b->whole);
  for (guint m = 0; m < a->n_matters; m++)
    matter_merge (&a->matters[m], &b->matters[m]);
  for (guint i = 0; i < a->n_bodies; i++)
    {
      GsStudyBody *x = &a->bodies[i];
      const GsStudyBody *y = &b->bodies[i];
      gs_moments_merge (&x->meetings, &y->meetings);
      gs_moments_merge (&x->inquorate, &y->inquorate);
      gs_moments_merge (&x->item_inquorate, &y->item_inquorate);
      gs_moments_merge (&x->ties, &y->ties);
      gs_moments_merge (&x->blocked, &y->blocked);
      gs_moments_merge (&x->settled, &y->settled);
      gs_moments_merge (&x->splits, &y->splits);
      gs_moments_merge (&x->carried, &y->carried);
      gs_moments_merge (&x->exhausted, &y->exhausted);
      gs_moments_merge (&x->backlog, &y->backlog);
      gs_moments_merge (&x->breaches, &y->breaches);
      for (guint k = 0; k < GS_STATS_BINS; k++)
        x->backlog_hist[k] += y->backlog_hist[k];
      days_merge (&x->days, &y->days);
    }
  for (guint k = 0; k <= GS_N_BREACHES; k++)
    gs_moments_merge (&a->any[k], &b->any[k]);
  for (guint i = 0; i < b->breaches->len; i++)
    {
      const GsStudyBreach *y = &g_array_index (b->breaches, GsStudyBreach, i);
      GsStudyBreach *x = breach_cell (a, breach_key (y->body, y->org, y->kind));
      gs_moments_merge (&x->count, &y->count);
    }
  gs__study_sort_breaches (a);
  for (guint p = 0; p < a->n_props; p++)
    {
      GsStudyProposal *x = &a->props[p];
      const GsStudyProposal *y = &b->props[p];
      for (guint k = 0; k < GS_STUDY_N_OUTCOMES; k++)
        gs_moments_merge (&x->outcome[k], &y->outcome[k]);
      gs_moments_merge (&x->breach, &y->breach);
      days_merge (&x->days, &y->days);
    }
  a->reps += b->reps;
  return TRUE;
}

/* ---- running on a thread pool ----------------------------------------- */

typedef struct
{
  GsRun *run;
  GsStudy *part;
  Scratch *scratch;
} Worker;

typedef struct
{
  GsStudy *study;
  guint64 first, count;
  GAsyncQueue *workers; /* idle Worker */
  GMutex lock;
  GCond cond;
  guint64 done; /* replications finished */
  guint64 chunks_left;
  guint64 failed_at; /* lowest failed replication, or G_MAXUINT64 */
  GError *error;     /* its error */
} Pool;

static Worker *
worker_new (GsStudy *study)
{
  Worker *w = g_new0 (Worker, 1);
  w->run = gs_run_new (study->scenario, GS_RUN_NO_RECORDS);
  w->part = gs_study_new (study->scenario, study->seed);
  w->scratch = scratch_new (study);
  gs_run_set_record_func_for (
      w->run,
      (G_GUINT64_CONSTANT (1) << GS_REC_BREACH)
          | (G_GUINT64_CONSTANT (1) << GS_REC_BREACH_VOTE),
      on_record, w->scratch);
  return w;
}

static void
worker_free (Worker *w)
{
  gs_run_free (w->run);
  gs_study_free (w->part);
  scratch_free (w->scratch);
  g_free (w);
}

/* Runs chunk @chunk (its replications) on an idle worker. */
static void
run_chunk (gpointer data, gpointer user_data)
{
  Pool *pool = user_data;
  guint64 chunk = GPOINTER_TO_SIZE (data) - 1;
  Worker *w = g_async_queue_pop (pool->workers);
  guint64 a = pool->first + chunk * CHUNK;
  guint64 b = MIN (a + CHUNK, pool->first + pool->count);
  guint64 ran = 0;
  for (guint64 r = a; r < b; r++)
    {
      GError *error = NULL;
      scratch_clear (pool->study, w->scratch);
      if (!gs_run_execute (w->run, pool->study->seed, r, &error))
        {
          g_mutex_lock (&pool->lock);
          if (r < pool->failed_at)
            {
              pool->failed_at = r;
              g_clear_error (&pool->error);
              pool->error = error;
              error = NULL;
            }
          g_mutex_unlock (&pool->lock);
          g_clear_error (&error);
          break;
        }
      add_replication (w->part, r, w->run, w->scratch);
      ran++;
    }
  g_async_queue_push (pool->workers, w);
  g_mutex_lock (&pool->lock);
  pool->done += ran;
  pool->chunks_left--;
  /* Only the last chunk wakes the waiting thread, which otherwise looks
   * at the progress every tenth of a second: a signal is a system call,
   * and a chunk's worth of replications should make none. */
  if (pool->chunks_left == 0)
    g_cond_signal (&pool->cond);
  g_mutex_unlock (&pool->lock);
}

gboolean
gs_study_run (GsStudy *study, guint64 first, guint64 count, guint threads,
              GsStudyProgressFunc progress, gpointer user_data, GError **error)
{
  g_return_val_if_fail (study != NULL, FALSE);
  if (count == 0)
    return TRUE;
  if (threads == 0)
    threads = g_get_num_processors ();
  guint64 chunks = (count + CHUNK - 1) / CHUNK;
  threads = (guint)MIN ((guint64)threads, chunks);

  Pool pool = { .study = study,
                .first = first,
                .count = count,
                .chunks_left = chunks,
                .failed_at = G_MAXUINT64 };
  g_mutex_init (&pool.lock);
  g_cond_init (&pool.cond);
  pool.workers = g_async_queue_new ();
  g_autoptr (GPtrArray) all
      = g_ptr_array_new_with_free_func ((GDestroyNotify)worker_free);
  for (guint i = 0; i < threads; i++)
    {
      Worker *w = worker_new (study);
      g_ptr_array_add (all, w);
      g_async_queue_push (pool.workers, w);
    }

  if (threads == 1)
    /* One thread: the chunks in turn, here, without a pool. */
    for (guint64 c = 0; c < chunks; c++)
      {
        run_chunk (GSIZE_TO_POINTER ((gsize)c + 1), &pool);
        if (progress != NULL)
          progress (pool.done, count, user_data);
      }
  else
    {
      GThreadPool *tp
          = g_thread_pool_new (run_chunk, &pool, (gint)threads, TRUE, NULL);
      for (guint64 c = 0; c < chunks; c++)
        g_thread_pool_push (tp, GSIZE_TO_POINTER ((gsize)c + 1), NULL);
      g_mutex_lock (&pool.lock);
      while (pool.chunks_left > 0)
        {
          gint64 until = g_get_monotonic_time () + G_TIME_SPAN_SECOND / 10;
          g_cond_wait_until (&pool.cond, &pool.lock, until);
          if (progress != NULL)
            {
              guint64 done = pool.done;
              g_mutex_unlock (&pool.lock);
              progress (done, count, user_data);
              g_mutex_lock (&pool.lock);
            }
        }
      g_mutex_unlock (&pool.lock);
      g_thread_pool_free (tp, FALSE, TRUE);
    }

  gboolean ok = pool.error == NULL;
  if (!ok)
    g_propagate_prefixed_error (error, pool.error,
                                "replication %" G_GUINT64_FORMAT ": ",
                                pool.failed_at);
  else
    for (guint i = 0; i < all->len; i++)
      {
        Worker *w = g_ptr_array_index (all, i);
        gs_study_merge (study, w->part, NULL);
      }
  g_async_queue_unref (pool.workers);
  g_mutex_clear (&pool.lock);
  g_cond_clear (&pool.cond);
  return ok;
}

/* ---- reading a study ---------------------------------------------------- */

const GsScenario *
gs_study_get_scenario (const GsStudy *st)
{
  return st->scenario;
}

guint64
gs_study_get_seed (const GsStudy *st)
{
  return st->seed;
}

guint64
gs_study_n_replications (const GsStudy *st)
{
  return st->reps;
}

double
gs_study_years (const GsStudy *st)
{
  return st->years;
}

const GsStudyMatter *
gs_study_whole (const GsStudy *st)
{
  return &st->whole;
}

const GsStudyMatter *
gs_study_matter (const GsStudy *st, guint m)
{
  g_return_val_if_fail (m < st->n_matters, NULL);
  return &st->matters[m];
}

const GsStudyBody *
gs_study_body (const GsStudy *st, guint b)
{
  g_return_val_if_fail (b < st->n_bodies, NULL);
  return &st->bodies[b];
}

const GsMoments *
gs_study_any_breach (const GsStudy *st, guint k)
{
  g_return_val_if_fail (k <= GS_N_BREACHES, NULL);
  return &st->any[k];
}

guint
gs_study_n_breaches (const GsStudy *st)
{
  return st->breaches->len;
}

const GsStudyBreach *
gs_study_breach (const GsStudy *st, guint i)
{
  g_return_val_if_fail (i < st->breaches->len, NULL);
  return &g_array_index (st->breaches, GsStudyBreach, i);
}

guint
gs_study_n_proposals (const GsStudy *st)
{
  return st->n_props;
}

const GsStudyProposal *
gs_study_proposal (const GsStudy *st, guint i)
{
  g_return_val_if_fail (i < st->n_props, NULL);
  return &st->props[i];
}

GsEstimate
gs_study_days_quantile (const GsStudy *st, const GsStudyDays *d, double p)
{
  GsEstimate e = { NAN, NAN, NAN, FALSE };
  if (d->hist == NULL)
    return e;
  e.value = gs_hist_quantile (d->hist, p);
  e.defined = !isnan (e.value);
  if (!e.defined || d->batches == NULL)
    return e;
  double q[GS_STATS_BATCHES];
  guint n = 0;
  for (guint b = 0; b < GS_STATS_BATCHES; b++)
    {
      double v = gs_hist_quantile (&d->batches[(gsize)b * GS_STATS_BINS], p);
      if (!isnan (v))
        q[n++] = v;
    }
  if (n < 2)
    return e;
  double mean = 0, ss = 0;
  for (guint i = 0; i < n; i++)
    mean += q[i];
  mean /= n;
  for (guint i = 0; i < n; i++)
    ss += (q[i] - mean) * (q[i] - mean);
  double half = gs_t_975 (n - 1) * sqrt (ss / (n - 1) / n);
  e.lo = MAX (0.0, e.value - half);
  e.hi = e.value + half;
  (void)st;
  return e;
}

double
gs_study_headline_halfwidth (const GsStudy *st)
{
  double worst = 0;
  for (guint k = 0; k < GS_STUDY_N_OUTCOMES; k++)
    {
      GsEstimate e = gs_moments_probability (&st->whole.outcome[k], st->reps);
      if (!e.defined || isnan (e.lo))
        return INFINITY;
      worst = MAX (worst, (e.hi - e.lo) / 2);
    }
  GsEstimate e = gs_moments_probability (&st->any[GS_N_BREACHES], st->reps);
  if (!e.defined || isnan (e.lo))
    return INFINITY;
  return MAX (worst, (e.hi - e.lo) / 2);
}

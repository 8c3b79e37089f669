/* gs-compare.c — versions of a scenario run side by side on common random
 * numbers, added into paired sums and per-case transition tables.
 *
 * The replications are split into as many contiguous slices as there are
 * threads.  Each thread owns a Part: one GsRun per version (executed again
 * and again), the paired sums and the case tallies of its slice.  For each
 * replication it runs every version with the draws of (seed, r), reads
 * each run's counters and cases into (x, n) pairs, pairs every version
 * with the baseline, and matches each case of a version to the baseline's
 * case of the same key through a hash table.  At the end the parts are
 * added into the comparison: integer sums, so the totals are the same on
 * any number of threads, and the case tables are sorted by key.
 *
 * Cost per replication: one run per version, then a pass over each run's
 * cases and bodies.
 */
#include "run/gs-run-private.h"

#include <govsim/gs-checks.h>
#include <govsim/gs-compare.h>

#include <math.h>
#include <string.h>

GQuark
gs_compare_error_quark (void)
{
  return g_quark_from_static_string ("gs-compare-error-quark");
}

static const GsMetric headline[GS_HEAD_N] = {
  [GS_HEAD_PROPOSALS] = { "proposals", "proposals a period", GS_METRIC_MEAN },
  [GS_HEAD_APPROVED] = { "p_approved", "P(approved)", GS_METRIC_PROBABILITY },
  [GS_HEAD_REJECTED] = { "p_rejected", "P(rejected)", GS_METRIC_PROBABILITY },
  [GS_HEAD_GRIDLOCKED]
  = { "p_gridlocked", "P(gridlocked)", GS_METRIC_PROBABILITY },
  [GS_HEAD_PENDING]
  = { "p_pending", "P(pending at the end)", GS_METRIC_PROBABILITY },
  [GS_HEAD_LATE]
  = { "p_late", "P(missed its deadline)", GS_METRIC_PROBABILITY },
  [GS_HEAD_ANY_BREACH]
  = { "p_any_breach", "P(any breach in a period)", GS_METRIC_PROBABILITY },
  [GS_HEAD_BREACHES] = { "breaches", "breaches a period", GS_METRIC_MEAN },
  [GS_HEAD_DAYS]
  = { "days_to_decision", "mean days to decision", GS_METRIC_DAYS },
};

static const GsMetric body_metrics[GS_BODY_N] = {
  [GS_BODY_MEETINGS] = { "meetings", "meetings", GS_METRIC_MEAN },
  [GS_BODY_INQUORATE]
  = { "p_inquorate", "P(meeting inquorate)", GS_METRIC_PROBABILITY },
  [GS_BODY_TIES] = { "ties", "ties", GS_METRIC_MEAN },
  [GS_BODY_BLOCKED] = { "blocked", "consensus blocked", GS_METRIC_MEAN },
  [GS_BODY_SPLITS] = { "splits", "splits in common", GS_METRIC_MEAN },
  [GS_BODY_CARRIED] = { "carried", "items carried over", GS_METRIC_MEAN },
  [GS_BODY_EXHAUSTED]
  = { "disputes_exhausted", "disputes exhausted", GS_METRIC_MEAN },
  [GS_BODY_BACKLOG] = { "backlog", "backlog at the end", GS_METRIC_MEAN },
  [GS_BODY_BREACHES] = { "breaches", "breaches", GS_METRIC_MEAN },
  [GS_BODY_DAYS] = { "days_waiting", "mean days before it", GS_METRIC_DAYS },
};

const GsMetric *
gs_compare_headline_metric (guint m)
{
  g_return_val_if_fail (m < GS_HEAD_N, NULL);
  return &headline[m];
}

const GsMetric *
gs_compare_body_metric (guint m)
{
  g_return_val_if_fail (m < GS_BODY_N, NULL);
  return &body_metrics[m];
}

const char *
gs_fate_to_string (GsFate f)
{
  static const char *const names[GS_N_FATES]
      = { "approved", "rejected", "gridlocked", "pending", "did not arrive" };
  g_return_val_if_fail ((guint)f < GS_N_FATES, "?");
  return names[f];
}

/* The case tallies of one version against the baseline. */
typedef struct
{
  GHashTable *index; /* key (guint64 *) → position + 1 in cases */
  GArray *cases;     /* GsCompareCase */
  GsCompareCase all; /* every case added together */
} Cases;

struct _GsCompare
{
  guint n;
  const GsScenario **scenarios;
  char **labels;
  guint64 seed;
  guint64 reps;
  guint n_bodies;   /* the baseline's */
  int *body_map;    /* [v × n_bodies] index in version v, or -1 */
  GsPaired *head;   /* [v × GS_HEAD_N] */
  GsPaired *bodies; /* [(v × n_bodies + b) × GS_BODY_N] */
  Cases *cases;     /* [v], v ≥ 1 used */
};

static void
case_clear (gpointer p)
{
  GsCompareCase *c = p;
  g_free (c->title);
}

static void
cases_init (Cases *c)
{
  c->index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  c->cases = g_array_new (FALSE, TRUE, sizeof (GsCompareCase));
  g_array_set_clear_func (c->cases, case_clear);
  memset (&c->all, 0, sizeof c->all);
}

static void
cases_clear (Cases *c)
{
  g_clear_pointer (&c->index, g_hash_table_unref);
  g_clear_pointer (&c->cases, g_array_unref);
}

/* The tally of @key, made empty (titled by @title, called only then) if
 * new.  (transfer none) */
static GsCompareCase *
cases_get (Cases *c, guint64 key, char *(*title) (gpointer), gpointer data)
{
  gint64 k = (gint64)key;
  guint i = GPOINTER_TO_UINT (g_hash_table_lookup (c->index, &k));
  if (i == 0)
    {
      GsCompareCase n = { .key = key, .title = title (data) };
      g_array_append_val (c->cases, n);
      i = c->cases->len;
      gint64 *owned = g_new (gint64, 1);
      *owned = k;
      g_hash_table_insert (c->index, owned, GUINT_TO_POINTER (i));
    }
  return &g_array_index (c->cases, GsCompareCase, i - 1);
}

static void
case_add (GsCompareCase *a, const GsCompareCase *b)
{
  a->seen += b->seen;
  a->changed += b->changed;
  for (guint i = 0; i < GS_N_FATES; i++)
    for (guint j = 0; j < GS_N_FATES; j++)
      a->fate[i][j] += b->fate[i][j];
  for (guint i = 0; i < 2; i++)
    for (guint j = 0; j < 2; j++)
      a->breach[i][j] += b->breach[i][j];
}

static void
init_sums (GsCompare *c)
{
  gsize nh = (gsize)c->n * GS_HEAD_N;
  gsize nb = (gsize)c->n * MAX (c->n_bodies, 1) * GS_BODY_N;
  c->head = g_new (GsPaired, nh);
  for (gsize i = 0; i < nh; i++)
    c->head[i] = GS_PAIRED_INIT;
  c->bodies = g_new (GsPaired, nb);
  for (gsize i = 0; i < nb; i++)
    c->bodies[i] = GS_PAIRED_INIT;
  c->cases = g_new0 (Cases, c->n);
  for (guint v = 0; v < c->n; v++)
    cases_init (&c->cases[v]);
}

static GsCompare *
compare_alloc (const GsScenario *const *scenarios, const char *const *labels,
               guint n, guint64 seed)
{
  GsCompare *c = g_new0 (GsCompare, 1);
  c->n = n;
  c->seed = seed;
  c->scenarios = g_new (const GsScenario *, n);
  c->labels = g_new0 (char *, n + 1);
  for (guint v = 0; v < n; v++)
    {
      c->scenarios[v] = scenarios[v];
      c->labels[v] = g_strdup (labels[v]);
    }
  const GsScenario *base = scenarios[0];
  c->n_bodies = base->bodies->len;
  c->body_map = g_new (int, (gsize)n *MAX (c->n_bodies, 1));
  for (guint v = 0; v < n; v++)
    for (guint b = 0; b < c->n_bodies; b++)
      {
        const GsBody *body = &g_array_index (base->bodies, GsBody, b);
        c->body_map[(gsize)v * c->n_bodies + b]
            = v == 0 ? (int)b : gs_scenario_find_body (scenarios[v], body->id);
      }
  init_sums (c);
  return c;
}

GsCompare *
gs_compare_new (const GsScenario *const *scenarios, const char *const *labels,
                guint n, guint64 seed)
{
  g_return_val_if_fail (scenarios != NULL && labels != NULL && n >= 1, NULL);
  return compare_alloc (scenarios, labels, n, seed);
}

void
gs_compare_free (GsCompare *c)
{
  if (c == NULL)
    return;
  for (guint v = 0; v < c->n; v++)
    cases_clear (&c->cases[v]);
  g_free (c->cases);
  g_free (c->head);
  g_free (c->bodies);
  g_free (c->body_map);
  g_strfreev (c->labels);
  g_free (c->scenarios);
  g_free (c);
}

/* ---- one replication ----------------------------------------------------- */

/* What the threads of one gs_compare_run() tell the thread that called
 * it: each signals once, when its slice is finished. */
typedef struct
{
  GMutex lock;
  GCond cond;
  guint finished;
} Progress;

/* What one version's run came to, as (x, n) pairs. */
typedef struct
{
  guint64 head[GS_HEAD_N][2];
  guint64 (*body)[GS_BODY_N][2]; /* [baseline body] */
} Values;

typedef struct
{
  GsCompare *whole; /* read-only here: versions, seed, maps */
  GsCompare *part;  /* this slice's sums */
  GsRun **runs;
  Values *vals;
  GHashTable *base_cases; /* key → baseline case index + 1, this
                             replication */
  guint8 *matched;        /* per baseline case */
  guint64 first, count;
  gsize done;         /* replications finished (atomic) */
  Progress *progress; /* (nullable) */
  GError *error;
  guint64 failed_at;
} Part;

static GsFate
fate_of (const GsCase *c)
{
  switch (c->state)
    {
      case GS_CASE_APPROVED:
        return GS_FATE_APPROVED;
      case GS_CASE_REJECTED:
        return GS_FATE_REJECTED;
      case GS_CASE_GRIDLOCKED:
        return GS_FATE_GRIDLOCKED;
      default:
        return GS_FATE_PENDING;
    }
}

static void
read_values (const GsCompare *c, guint v, const GsRun *run, Values *x)
{
  memset (x->head, 0, sizeof x->head);
  memset (x->body, 0, sizeof x->body[0] * MAX (c->n_bodies, 1));
  guint64 decided = 0, minutes = 0;
  for (guint i = 0; i < run->cases->len; i++)
    {
      const GsCase *k = GS_RUN_CASE (run, i);
      GsFate f = fate_of (k);
      x->head[GS_HEAD_PROPOSALS][0]++;
      if (f <= GS_FATE_PENDING)
        x->head[GS_HEAD_APPROVED + f][0]++;
      x->head[GS_HEAD_LATE][0] += k->missed ? 1 : 0;
      if (f == GS_FATE_APPROVED || f == GS_FATE_REJECTED)
        {
          decided++;
          minutes += (guint64)(k->decided - k->arrives);
        }
    }
  guint64 arrived = x->head[GS_HEAD_PROPOSALS][0];
  x->head[GS_HEAD_PROPOSALS][1] = 1;
  for (guint m = GS_HEAD_APPROVED; m <= GS_HEAD_LATE; m++)
    x->head[m][1] = arrived;
  x->head[GS_HEAD_ANY_BREACH][0] = run->counters.breach_total > 0;
  x->head[GS_HEAD_ANY_BREACH][1] = 1;
  x->head[GS_HEAD_BREACHES][0] = run->counters.breach_total;
  x->head[GS_HEAD_BREACHES][1] = 1;
  x->head[GS_HEAD_DAYS][0] = minutes;
  x->head[GS_HEAD_DAYS][1] = decided;

  /* Bodies: counters, then what the slots say of backlog, exhausted
   * disputes and waiting. */
  const int *map = &c->body_map[(gsize)v * c->n_bodies];
  g_autofree int *back = NULL;
  guint nb_v = run->n_bodies;
  back = g_new (int, MAX (nb_v, 1));
  for (guint b = 0; b < nb_v; b++)
    back[b] = -1;
  for (guint b = 0; b < c->n_bodies; b++)
    if (map[b] >= 0 && (guint)map[b] < nb_v)
      back[map[b]] = (int)b;
  for (guint b = 0; b < c->n_bodies; b++)
    {
      if (map[b] < 0)
        continue;
      const GsBodyCounters *n = &run->bodies[map[b]].n;
      guint64 (*y)[2] = x->body[b];
      y[GS_BODY_MEETINGS][0] = n->meetings;
      y[GS_BODY_INQUORATE][0] = n->inquorate;
      y[GS_BODY_INQUORATE][1] = n->meetings;
      y[GS_BODY_TIES][0] = n->ties;
      y[GS_BODY_BLOCKED][0] = n->blocked;
      y[GS_BODY_SPLITS][0] = n->splits;
      y[GS_BODY_CARRIED][0] = n->carried;
      y[GS_BODY_BREACHES][0] = n->breaches;
      for (guint m = 0; m < GS_BODY_N; m++)
        if (m != GS_BODY_INQUORATE && m != GS_BODY_DAYS)
          y[m][1] = 1;
    }
  for (guint i = 0; i < run->slots->len; i++)
    {
      const GsSlot *slot = GS_RUN_SLOT (run, i);
      int b = slot->body < nb_v ? back[slot->body] : -1;
      if (b < 0)
        continue;
      guint64 (*y)[2] = x->body[b];
      if (slot->state == GS_SLOT_QUEUED || slot->state == GS_SLOT_DISPUTE)
        y[GS_BODY_BACKLOG][0]++;
      else if (slot->state == GS_SLOT_GRIDLOCKED)
        y[GS_BODY_EXHAUSTED][0]++;
      else if (slot->state == GS_SLOT_APPROVED
               || slot->state == GS_SLOT_REJECTED)
        {
          y[GS_BODY_DAYS][0] += (guint64)(slot->settled - slot->since);
          y[GS_BODY_DAYS][1]++;
        }
    }
}

typedef struct
{
  const GsRun *run;
  guint i;
} TitleOf;

static char *
title_of (gpointer data)
{
  TitleOf *t = data;
  return gs_run_case_title (t->run, t->i);
}

static void
tally (Cases *cs, guint64 key, const GsRun *run, guint i, GsFate a, GsFate b,
       int breach_a, int breach_b)
{
  TitleOf t = { run, i };
  GsCompareCase *c = cases_get (cs, key, title_of, &t);
  c->seen++;
  c->fate[a][b]++;
  gboolean both = a != GS_FATE_ABSENT && b != GS_FATE_ABSENT;
  if (both)
    c->breach[breach_a][breach_b]++;
  if (a != b || (both && breach_a != breach_b))
    c->changed++;
}

/* Matches version @v's cases with the baseline's, by key. */
static void
add_cases (Part *p, guint v)
{
  const GsRun *base = p->runs[0], *run = p->runs[v];
  Cases *cs = &p->part->cases[v];
  memset (p->matched, 0, base->cases->len);
  for (guint i = 0; i < run->cases->len; i++)
    {
      const GsCase *k = GS_RUN_CASE (run, i);
      guint64 key = gs__case_key (k);
      guint j = GPOINTER_TO_UINT (g_hash_table_lookup (p->base_cases, &key));
      if (j == 0)
        {
          tally (cs, key, run, i, GS_FATE_ABSENT, fate_of (k), 0,
                 k->breaches > 0);
          continue;
        }
      const GsCase *a = GS_RUN_CASE (base, j - 1);
      p->matched[j - 1] = 1;
      tally (cs, key, base, j - 1, fate_of (a), fate_of (k), a->breaches > 0,
             k->breaches > 0);
    }
  for (guint j = 0; j < base->cases->len; j++)
    if (!p->matched[j])
      {
        const GsCase *a = GS_RUN_CASE (base, j);
        tally (cs, gs__case_key (a), base, j, fate_of (a), GS_FATE_ABSENT,
               a->breaches > 0, 0);
      }
}

static gboolean
replicate (Part *p, guint64 r, GError **error)
{
  GsCompare *w = p->whole, *s = p->part;
  for (guint v = 0; v < w->n; v++)
    {
      if (!gs_run_execute (p->runs[v], w->seed, r, error))
        {
          g_prefix_error (error, "%s: ", w->labels[v]);
          return FALSE;
        }
      read_values (w, v, p->runs[v], &p->vals[v]);
    }
  const Values *a = &p->vals[0];
  for (guint v = 0; v < w->n; v++)
    {
      const Values *b = &p->vals[v];
      for (guint m = 0; m < GS_HEAD_N; m++)
        gs_paired_add (&s->head[(gsize)v * GS_HEAD_N + m], r, a->head[m][0],
                       a->head[m][1], b->head[m][0], b->head[m][1]);
      for (guint bi = 0; bi < w->n_bodies; bi++)
        {
          if (w->body_map[(gsize)v * w->n_bodies + bi] < 0)
            continue;
          GsPaired *ps = &s->bodies[((gsize)v * w->n_bodies + bi) * GS_BODY_N];
          for (guint m = 0; m < GS_BODY_N; m++)
            gs_paired_add (&ps[m], r, a->body[bi][m][0], a->body[bi][m][1],
                           b->body[bi][m][0], b->body[bi][m][1]);
        }
    }
  if (w->n > 1)
    {
      const GsRun *base = p->runs[0];
      g_hash_table_remove_all (p->base_cases);
      p->matched = g_realloc (p->matched, MAX (base->cases->len, 1));
      for (guint j = 0; j < base->cases->len; j++)
        {
          guint64 *key = g_new (guint64, 1);
          *key = gs__case_key (GS_RUN_CASE (base, j));
          g_hash_table_insert (p->base_cases, key, GUINT_TO_POINTER (j + 1));
        }
      for (guint v = 1; v < w->n; v++)
        add_cases (p, v);
    }
  s->reps++;
  return TRUE;
}

static gpointer
run_part (gpointer data)
{
  Part *p = data;
  for (guint64 r = p->first; r < p->first + p->count; r++)
    {
      if (!replicate (p, r, &p->error))
        {
          p->failed_at = r;
          break;
        }
      g_atomic_pointer_add (&p->done, 1);
    }
  if (p->progress != NULL)
    {
      g_mutex_lock (&p->progress->lock);
      p->progress->finished++;
      g_cond_signal (&p->progress->cond);
      g_mutex_unlock (&p->progress->lock);
    }
  return NULL;
}

static Part *
part_new (GsCompare *c, guint64 first, guint64 count)
{
  Part *p = g_new0 (Part, 1);
  p->whole = c;
  p->part = compare_alloc (c->scenarios, (const char *const *)c->labels, c->n,
                           c->seed);
  p->runs = g_new0 (GsRun *, c->n);
  p->vals = g_new0 (Values, c->n);
  for (guint v = 0; v < c->n; v++)
    {
      p->runs[v] = gs_run_new (c->scenarios[v], GS_RUN_NO_RECORDS);
      p->vals[v].body
          = g_malloc0 (sizeof *p->vals[v].body * MAX (c->n_bodies, 1));
    }
  p->base_cases
      = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  p->first = first;
  p->count = count;
  return p;
}

static void
part_free (Part *p)
{
  for (guint v = 0; v < p->whole->n; v++)
    {
      gs_run_free (p->runs[v]);
      g_free (p->vals[v].body);
    }
  g_free (p->runs);
  g_free (p->vals);
  g_hash_table_unref (p->base_cases);
  g_free (p->matched);
  gs_compare_free (p->part);
  g_clear_error (&p->error);
  g_free (p);
}

static int
cmp_case (gconstpointer pa, gconstpointer pb)
{
  const GsCompareCase *a = pa, *b = pb;
  return (a->key > b->key) - (a->key < b->key);
}

static char *
copy_title (gpointer title)
{
  return g_strdup (title);
}

/* Adds part @q into @c. */
static void
merge (GsCompare *c, GsCompare *q)
{
  for (gsize i = 0; i < (gsize)c->n * GS_HEAD_N; i++)
    gs_paired_merge (&c->head[i], &q->head[i]);
  for (gsize i = 0; i < (gsize)c->n * c->n_bodies * GS_BODY_N; i++)
    gs_paired_merge (&c->bodies[i], &q->bodies[i]);
  for (guint v = 1; v < c->n; v++)
    {
      GArray *from = q->cases[v].cases;
      for (guint i = 0; i < from->len; i++)
        {
          GsCompareCase *y = &g_array_index (from, GsCompareCase, i);
          GsCompareCase *x
              = cases_get (&c->cases[v], y->key, copy_title, y->title);
          case_add (x, y);
        }
    }
  c->reps += q->reps;
}

/* Sorts each version's cases by key and adds them up. */
static void
finish_cases (GsCompare *c)
{
  for (guint v = 1; v < c->n; v++)
    {
      Cases *cs = &c->cases[v];
      g_array_sort (cs->cases, cmp_case);
      g_hash_table_remove_all (cs->index);
      memset (&cs->all, 0, sizeof cs->all);
      for (guint i = 0; i < cs->cases->len; i++)
        {
          GsCompareCase *k = &g_array_index (cs->cases, GsCompareCase, i);
          gint64 *key = g_new (gint64, 1);
          *key = (gint64)k->key;
          g_hash_table_insert (cs->index, key, GUINT_TO_POINTER (i + 1));
          case_add (&cs->all, k);
        }
    }
}

gboolean
gs_compare_run (GsCompare *c, guint64 first, guint64 count, guint threads,
                GError **error)
{
  return gs_compare_run_progress (c, first, count, threads, NULL, NULL, error);
}

static guint64
parts_done (GPtrArray *parts)
{
  guint64 done = 0;
  for (guint t = 0; t < parts->len; t++)
    done += (guint64)g_atomic_pointer_get (
        &((Part *)g_ptr_array_index (parts, t))->done);
  return done;
}

/* Reports, about every tenth of a second until @n threads have finished
 * and once more then, how many replications of @count the parts have
 * done. */
static void
watch (Progress *pr, GPtrArray *parts, guint n, guint64 count,
       GsStudyProgressFunc progress, gpointer user_data)
{
  g_mutex_lock (&pr->lock);
  while (pr->finished < n)
    {
      gint64 until = g_get_monotonic_time () + G_TIME_SPAN_SECOND / 10;
      if (g_cond_wait_until (&pr->cond, &pr->lock, until) && pr->finished < n)
        continue; /* a thread finished: wait for the others */
      g_mutex_unlock (&pr->lock);
      progress (parts_done (parts), count, user_data);
      g_mutex_lock (&pr->lock);
    }
  g_mutex_unlock (&pr->lock);
  progress (parts_done (parts), count, user_data);
}

gboolean
gs_compare_run_progress (GsCompare *c, guint64 first, guint64 count,
                         guint threads, GsStudyProgressFunc progress,
                         gpointer user_data, GError **error)
{
  g_return_val_if_fail (c != NULL, FALSE);
  if (count == 0)
    return TRUE;
  if (threads == 0)
    threads = g_get_num_processors ();
  threads = (guint)MIN ((guint64)threads, count);
  g_autoptr (GPtrArray) parts
      = g_ptr_array_new_with_free_func ((GDestroyNotify)part_free);
  for (guint t = 0; t < threads; t++)
    {
      guint64 a = count * t / threads, b = count * (t + 1) / threads;
      g_ptr_array_add (parts, part_new (c, first + a, b - a));
    }
  Progress pr = { .finished = 0 };
  g_mutex_init (&pr.lock);
  g_cond_init (&pr.cond);
  if (threads == 1 && progress == NULL)
    run_part (g_ptr_array_index (parts, 0));
  else
    {
      /* With a progress callback even one slice runs on its own thread,
       * so that this one can report. */
      GThread **th = g_new (GThread *, threads);
      for (guint t = 0; t < threads; t++)
        {
          Part *p = g_ptr_array_index (parts, t);
          p->progress = progress != NULL ? &pr : NULL;
          th[t] = g_thread_new ("compare", run_part, p);
        }
      if (progress != NULL)
        watch (&pr, parts, threads, count, progress, user_data);
      for (guint t = 0; t < threads; t++)
        g_thread_join (th[t]);
      g_free (th);
    }
  g_mutex_clear (&pr.lock);
  g_cond_clear (&pr.cond);
  /* The lowest failed replication is the one reported, whatever the
   * threads. */
  for (guint t = 0; t < threads; t++)
    {
      Part *p = g_ptr_array_index (parts, t);
      if (p->error != NULL)
        {
          g_set_error (error, GS_COMPARE_ERROR, GS_COMPARE_ERROR_RUN,
                       "replication %" G_GUINT64_FORMAT ": %s", p->failed_at,
                       p->error->message);
          return FALSE;
        }
    }
  for (guint t = 0; t < threads; t++)
    merge (c, ((Part *)g_ptr_array_index (parts, t))->part);
  finish_cases (c);
  return TRUE;
}

/* ---- reading ------------------------------------------------------------- */

guint
gs_compare_n_versions (const GsCompare *c)
{
  return c->n;
}

const GsScenario *
gs_compare_get_scenario (const GsCompare *c, guint v)
{
  g_return_val_if_fail (v < c->n, NULL);
  return c->scenarios[v];
}

const char *
gs_compare_get_label (const GsCompare *c, guint v)
{
  g_return_val_if_fail (v < c->n, NULL);
  return c->labels[v];
}

guint64
gs_compare_get_seed (const GsCompare *c)
{
  return c->seed;
}

guint64
gs_compare_n_replications (const GsCompare *c)
{
  return c->reps;
}

const GsPaired *
gs_compare_headline (const GsCompare *c, guint v, guint m)
{
  g_return_val_if_fail (v < c->n && m < GS_HEAD_N, NULL);
  return &c->head[(gsize)v * GS_HEAD_N + m];
}

guint
gs_compare_n_bodies (const GsCompare *c)
{
  return c->n_bodies;
}

int
gs_compare_body_in (const GsCompare *c, guint v, guint b)
{
  g_return_val_if_fail (v < c->n && b < c->n_bodies, -1);
  return c->body_map[(gsize)v * c->n_bodies + b];
}

const GsPaired *
gs_compare_body (const GsCompare *c, guint v, guint b, guint m)
{
  g_return_val_if_fail (v < c->n && b < c->n_bodies && m < GS_BODY_N, NULL);
  return &c->bodies[((gsize)v * c->n_bodies + b) * GS_BODY_N + m];
}

static GsEstimate
scaled (GsEstimate e, double k)
{
  e.value *= k;
  e.lo *= k;
  e.hi *= k;
  return e;
}

GsEstimate
gs_compare_estimate (const GsPaired *p, GsMetricKind kind, gboolean variant,
                     guint64 reps)
{
  const GsMoments *m = variant ? &p->b : &p->a;
  switch (kind)
    {
      case GS_METRIC_PROBABILITY:
        return gs_moments_probability (m, reps);
      case GS_METRIC_MEAN:
        return gs_moments_mean (m, reps);
      case GS_METRIC_DAYS:
      default:
        return scaled (gs_moments_ratio (m, reps), 1.0 / GS_MINUTES_PER_DAY);
    }
}

GsDifference
gs_compare_difference (const GsPaired *p, GsMetricKind kind, guint64 reps)
{
  if (kind == GS_METRIC_MEAN)
    return gs_paired_mean (p, reps);
  GsDifference d = gs_paired_ratio (p, reps);
  if (kind == GS_METRIC_DAYS)
    {
      double k = 1.0 / GS_MINUTES_PER_DAY;
      d.paired = scaled (d.paired, k);
      d.lo_unpaired *= k;
      d.hi_unpaired *= k;
    }
  return d;
}

const GArray *
gs_compare_cases (const GsCompare *c, guint v)
{
  g_return_val_if_fail (v >= 1 && v < c->n, NULL);
  return c->cases[v].cases;
}

const GsCompareCase *
gs_compare_all_cases (const GsCompare *c, guint v)
{
  g_return_val_if_fail (v >= 1 && v < c->n, NULL);
  return &c->cases[v].all;
}

static int
cmp_changed (gconstpointer pa, gconstpointer pb)
{
  const GsCompareCase *a = *(GsCompareCase *const *)pa;
  const GsCompareCase *b = *(GsCompareCase *const *)pb;
  if (a->changed != b->changed)
    return a->changed > b->changed ? -1 : 1;
  return (a->key > b->key) - (a->key < b->key);
}

GPtrArray *
gs_compare_most_changed (const GsCompare *c, guint v, guint max)
{
  const GArray *all = gs_compare_cases (c, v);
  GPtrArray *out = g_ptr_array_new ();
  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      GsCompareCase *k = &g_array_index (all, GsCompareCase, i);
      if (k->changed > 0)
        g_ptr_array_add (out, k);
    }
  g_ptr_array_sort (out, cmp_changed);
  if (out->len > max)
    g_ptr_array_set_size (out, max);
  return out;
}

double
gs_compare_precision (const GsCompare *c)
{
  double worst = 0;
  for (guint v = 1; v < c->n; v++)
    for (guint m = 0; m < GS_HEAD_N; m++)
      {
        if (headline[m].kind != GS_METRIC_PROBABILITY)
          continue;
        GsDifference d = gs_compare_difference (gs_compare_headline (c, v, m),
                                                headline[m].kind, c->reps);
        double half = (d.paired.hi - d.paired.lo) / 2;
        if (isnan (half))
          return INFINITY; /* no interval yet */
        worst = MAX (worst, half);
      }
  return worst;
}

/* ---- check findings ------------------------------------------------------ */

static char *
finding_key (const GsFinding *f)
{
  return g_strdup_printf ("%s\n%s", f->rule->id, f->message);
}

static GHashTable *
finding_keys (GPtrArray *findings)
{
  GHashTable *keys
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < findings->len; i++)
    g_hash_table_add (keys, finding_key (g_ptr_array_index (findings, i)));
  return keys;
}

/* Moves the findings of @from whose keys are not in @other into @out. */
static void
only_in (GPtrArray *from, GHashTable *other, GPtrArray *out)
{
  for (guint i = 0; i < from->len; i++)
    {
      GsFinding *f = g_ptr_array_index (from, i);
      g_autofree char *k = finding_key (f);
      if (!g_hash_table_contains (other, k))
        {
          g_ptr_array_add (out, f);
          from->pdata[i] = NULL;
        }
    }
}

void
gs_compare_findings (const GsScenario *a, const GsScenario *b,
                     GPtrArray **appeared, GPtrArray **vanished)
{
  g_autoptr (GPtrArray) fa = gs_check_scenario (a);
  g_autoptr (GPtrArray) fb = gs_check_scenario (b);
  g_autoptr (GHashTable) ka = finding_keys (fa);
  g_autoptr (GHashTable) kb = finding_keys (fb);
  *appeared = g_ptr_array_new_with_free_func ((GDestroyNotify)gs_finding_free);
  *vanished = g_ptr_array_new_with_free_func ((GDestroyNotify)gs_finding_free);
  only_in (fb, ka, *appeared);
  only_in (fa, kb, *vanished);
}

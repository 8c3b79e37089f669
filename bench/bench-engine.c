/* bench-engine.c — how fast the engine plays a scenario.
 *
 * Runs N replications of a scenario (default: the built-in demo) without
 * records (or, with --records, keeping them) on one GsRun executed again
 * and again, the way a Monte Carlo study will, and reports replications per
 * second and simulated decisions per second.  Wall-clock time is measured
 * here, in the benchmark, never in the library or the tests.  --stats adds
 * a line with the mean and standard deviation over replications of the
 * approvals, rejections, pending cases and mean days from arrival to
 * decision, for bench/committee.sh to compare with the hand-written models.
 *
 * --warmup W runs W replications first, untimed.
 *
 *   bench-engine [--runs N] [--warmup W] [--records] [--stats] [FILE]
 */
#include <govsim/govsim.h>

#include <math.h>
#include <stdio.h>

/* Sums and sums of squares of approvals, rejections, pending, mean days. */
typedef struct
{
  double sum[4], sq[4];
} Moments;

static void
moments_add (Moments *m, const GsRun *run)
{
  double v[4] = { 0 };
  guint decided = 0;
  for (guint i = 0; i < gs_run_n_cases (run); i++)
    {
      const GsCase *c = gs_run_get_case (run, i);
      v[0] += c->state == GS_CASE_APPROVED;
      v[1] += c->state == GS_CASE_REJECTED;
      v[2] += c->state == GS_CASE_WAITING;
      if (c->state != GS_CASE_WAITING)
        {
          v[3] += gs_time_days_between (c->arrives, c->decided);
          decided++;
        }
    }
  v[3] /= MAX (decided, 1u);
  for (int j = 0; j < 4; j++)
    {
      m->sum[j] += v[j];
      m->sq[j] += v[j] * v[j];
    }
}

static void
moments_print (const Moments *m, gint n)
{
  static const char *const names[]
      = { "approved", "rejected", "pending", "days" };
  printf ("stats: n %d", n);
  for (int j = 0; j < 4; j++)
    {
      double mean = m->sum[j] / n;
      double var = n > 1 ? (m->sq[j] - n * mean * mean) / (n - 1) : 0.0;
      printf (" %s %.6f %.6f", names[j], mean, sqrt (MAX (var, 0.0)));
    }
  printf ("\n");
}

int
main (int argc, char **argv)
{
  gint runs = 2000, warmup = 0;
  gboolean records = FALSE, stats = FALSE;
  GOptionEntry entries[] = {
    { "runs", 'n', 0, G_OPTION_ARG_INT, &runs, "Replications to run", "N" },
    { "warmup", 0, 0, G_OPTION_ARG_INT, &warmup,
      "Replications run first and not timed (replications N.. N+W-1)", "W" },
    { "records", 0, 0, G_OPTION_ARG_NONE, &records, "Keep records", NULL },
    { "stats", 0, 0, G_OPTION_ARG_NONE, &stats,
      "Print the outcome's moments (outside the timing)", NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) ctx = g_option_context_new ("[FILE]");
  g_option_context_add_main_entries (ctx, entries, NULL);
  g_autoptr (GError) error = NULL;
  if (!g_option_context_parse (ctx, &argc, &argv, &error) || runs <= 0
      || warmup < 0)
    {
      g_printerr ("bench-engine: %s\n",
                  error ? error->message
                        : "--runs must be positive, --warmup not negative");
      return 2;
    }
  g_autoptr (GsScenario) s = argc > 1 ? gs_loader_load_file (argv[1], 0, &error)
                                      : gs_loader_load_demo (&error);
  if (s == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  guint64 cases = 0, decided = 0;
  g_autoptr (GsRun) run = gs_run_new (s, records ? 0 : GS_RUN_NO_RECORDS);
  Moments m = { 0 };
  /* The warm-up: the run's arrays grown to this scenario's size and their
   * pages faulted in, so that what is timed is the steady state a study
   * runs in.  Replications after the timed ones, so that the timed results
   * are the same with or without it. */
  for (gint r = 0; r < warmup; r++)
    if (!gs_run_execute (run, 1, (guint64)(runs + r), &error))
      {
        g_printerr ("bench-engine: %s\n", error->message);
        return 3;
      }
  gint64 spent = 0; /* in the statistics, taken off the time */
  gint64 t0 = g_get_monotonic_time ();
  for (gint r = 0; r < runs; r++)
    {
      if (!gs_run_execute (run, 1, (guint64)r, &error))
        {
          g_printerr ("bench-engine: %s\n", error->message);
          return 3;
        }
      cases += gs_run_n_cases (run);
      decided += gs_run_n_cases (run) - gs_run_n_pending (run);
      if (stats)
        {
          gint64 t = g_get_monotonic_time ();
          moments_add (&m, run);
          spent += g_get_monotonic_time () - t;
        }
    }
  double secs = (double)(g_get_monotonic_time () - t0 - spent) / 1e6;
  printf ("scenario: %s\n", gs_scenario_get_name (s));
  printf ("replications: %d in %.3f s = %.0f replications/s\n", runs, secs,
          runs / secs);
  printf ("proposals simulated: %" G_GUINT64_FORMAT
          " (%.0f/s), decided: %" G_GUINT64_FORMAT "\n",
          cases, (double)cases / secs, decided);
  if (stats)
    moments_print (&m, runs);
  return 0;
}

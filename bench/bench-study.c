/* bench-study.c — what a Monte Carlo study costs over bare replications,
 * and how it scales with threads.
 *
 * For a scenario (default: the built-in demo), in ROUNDS interleaved
 * rounds: N bare replications on one GsRun (as bench-engine), a study of
 * N replications on one thread, and a study of N on two threads; prints
 * the median seconds of each, the aggregation's cost over bare
 * replications and the speed-up of two threads over one.  Wall-clock time
 * is measured here, never in the library.
 *
 *   bench-study [--runs N] [--rounds R] [FILE]
 */
#include <govsim/govsim.h>

#include <stdio.h>
#include <stdlib.h>

static int
cmp_double (const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static double
median (double *v, int n)
{
  qsort (v, (size_t)n, sizeof *v, cmp_double);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static double
now (void)
{
  return (double)g_get_monotonic_time () / 1e6;
}

int
main (int argc, char **argv)
{
  gint runs = 10000, rounds = 7;
  GOptionEntry entries[]
      = { { "runs", 'n', 0, G_OPTION_ARG_INT, &runs, "Replications", "N" },
          { "rounds", 'r', 0, G_OPTION_ARG_INT, &rounds, "Rounds", "R" },
          G_OPTION_ENTRY_NULL };
  g_autoptr (GOptionContext) ctx = g_option_context_new ("[FILE]");
  g_option_context_add_main_entries (ctx, entries, NULL);
  g_autoptr (GError) error = NULL;
  if (!g_option_context_parse (ctx, &argc, &argv, &error) || runs <= 0
      || rounds <= 0 || rounds > 64)
    {
      g_printerr ("bench-study: %s\n", error ? error->message : "bad counts");
      return 2;
    }
  g_autoptr (GsScenario) s = argc > 1 ? gs_loader_load_file (argv[1], 0, &error)
                                      : gs_loader_load_demo (&error);
  if (s == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  double bare[64], one[64], two[64];
  g_autoptr (GsRun) run = gs_run_new (s, GS_RUN_NO_RECORDS);
  for (int k = 0; k < rounds; k++)
    {
      double t = now ();
      for (gint r = 0; r < runs; r++)
        if (!gs_run_execute (run, 1, (guint64)r, &error))
          return 3;
      bare[k] = now () - t;
      for (guint threads = 1; threads <= 2; threads++)
        {
          g_autoptr (GsStudy) st = gs_study_new (s, 1);
          t = now ();
          if (!gs_study_run (st, 0, (guint64)runs, threads, NULL, NULL, &error))
            return 3;
          (threads == 1 ? one : two)[k] = now () - t;
        }
    }
  double b = median (bare, rounds), o = median (one, rounds),
         w = median (two, rounds);
  printf ("scenario: %s, %d replications, %d rounds (medians)\n",
          gs_scenario_get_name (s), runs, rounds);
  printf ("bare replications, 1 thread:  %.3f s\n", b);
  printf ("study, 1 thread:              %.3f s (aggregation +%.1f%%)\n", o,
          100 * (o / b - 1));
  printf ("study, 2 threads:             %.3f s (%.2fx one thread)\n", w,
          o / w);
  return 0;
}

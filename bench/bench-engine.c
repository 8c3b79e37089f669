/* bench-engine.c — how fast the engine plays a scenario.
 *
 * Runs N replications of a scenario (default: the built-in demo) without
 * records on one GsRun executed again and again, the way a Monte Carlo
 * study will, and reports replications per second and simulated decisions
 * per second.  Wall-clock time is measured
 * here, in the benchmark, never in the library or the tests.
 *
 *   bench-engine [--runs N] [FILE]
 */
#include <govsim/govsim.h>

#include <stdio.h>

int
main (int argc, char **argv)
{
  gint runs = 2000;
  GOptionEntry entries[] = { { "runs", 'n', 0, G_OPTION_ARG_INT, &runs,
                               "Replications to run", "N" },
                             G_OPTION_ENTRY_NULL };
  g_autoptr (GOptionContext) ctx = g_option_context_new ("[FILE]");
  g_option_context_add_main_entries (ctx, entries, NULL);
  g_autoptr (GError) error = NULL;
  if (!g_option_context_parse (ctx, &argc, &argv, &error) || runs <= 0)
    {
      g_printerr ("bench-engine: %s\n",
                  error ? error->message : "--runs must be positive");
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
  g_autoptr (GsRun) run = gs_run_new (s, GS_RUN_NO_RECORDS);
  gint64 t0 = g_get_monotonic_time ();
  for (gint r = 0; r < runs; r++)
    {
      if (!gs_run_execute (run, 1, (guint64)r, &error))
        {
          g_printerr ("bench-engine: %s\n", error->message);
          return 3;
        }
      for (guint i = 0; i < gs_run_n_cases (run); i++)
        {
          cases++;
          decided += gs_run_get_case (run, i)->state != GS_CASE_WAITING;
        }
    }
  double secs = (double)(g_get_monotonic_time () - t0) / 1e6;
  printf ("scenario: %s\n", gs_scenario_get_name (s));
  printf ("replications: %d in %.3f s = %.0f replications/s\n", runs, secs,
          runs / secs);
  printf ("proposals simulated: %" G_GUINT64_FORMAT
          " (%.0f/s), decided: %" G_GUINT64_FORMAT "\n",
          cases, (double)cases / secs, decided);
  return 0;
}

/* uses-libgovsim.c — a program built against an installed libgovsim
 * through its pkg-config file (tests/cmake/install.cmake): it loads the
 * installed demo scenario, runs it and prints the JSON headline.
 */
#include <govsim/govsim.h>
#include <govsim/gs-write.h>

#include <stdio.h>

int
main (int argc, char **argv)
{
  if (argc != 2)
    return 2;
  GError *error = NULL;
  GsScenario *s = gs_loader_load_file (argv[1], 0, &error);
  if (s == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      g_error_free (error);
      return 2;
    }
  GsRun *run = gs_run_simulate (s, 1, 0, GS_RUN_FLAGS_NONE, &error);
  if (run == NULL)
    return 3;
  GsSummary *sum = gs_summary_new (run);
  GString *out = g_string_new (NULL);
  gs_report_json_run (run, sum, FALSE, out);
  fputs (out->str, stdout);
  g_string_free (out, TRUE);
  gs_summary_free (sum);
  gs_run_free (run);
  gs_scenario_free (s);
  return 0;
}

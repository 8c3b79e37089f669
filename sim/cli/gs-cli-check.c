/* gs-cli-check.c — `govsim check FILE... [--fail-on LEVEL] [--quiet]`.
 *
 * Loads each file (schema and meaning: a file that does not load is bad
 * input, reported as file:line: message on standard error, and the other
 * files are still checked), then runs the static review of gs-checks.h on
 * it and prints the findings on standard output, one file's text at a
 * time so a file's findings are never interleaved with another's.  The
 * exit status is the worst over all the files: 2 if any did not load, else
 * 1 if any finding is at or above --fail-on, else 0.
 */
#include "cli/gs-cli.h"

#include <govsim/gs-checks.h>
#include <govsim/gs-scenario.h>

int
gs_cli_check (int argc, char **argv)
{
  gint64 max_kib = 0;
  gboolean quiet = FALSE;
  g_autofree char *fail_on_text = NULL;
  GOptionEntry entries[]
      = { { "fail-on", 0, 0, G_OPTION_ARG_STRING, &fail_on_text,
            "Exit 1 when a finding is at or above LEVEL: error (default), "
            "warning or advice",
            "LEVEL" },
          { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet,
            "Print only the findings: no line per valid file, no counts",
            NULL },
          { "max-size", 0, 0, G_OPTION_ARG_INT64, &max_kib,
            "Refuse scenario files larger than this (default 16384)", "KIB" },
          G_OPTION_ENTRY_NULL };
  g_autoptr (GOptionContext) ctx
      = g_option_context_new ("FILE... — check scenario files");
  g_option_context_set_summary (
      ctx,
      "Validates each scenario against the schema and checks its meaning\n"
      "(unique ids, references that resolve, real dates, consistent "
      "numbers),\nthen reviews its terms of reference and schemes of "
      "delegation without\nsimulating: statutory limits, quorums that can "
      "never be met, gridlock\nrisks, gateways without authority, gaps and "
      "conflicts in delegation.\n\n"
      "A file that does not load is reported as file:line: message on "
      "standard\nerror. Findings are printed on standard output as\n"
      "file:line: severity: [rule-id] sentence, with the basis of the rule "
      "and\nthe elements it names.\n\n"
      "Exit status: 2 if any file does not load (or the command line is "
      "bad),\nelse 1 if any finding is at or above the --fail-on level, "
      "else 0.");
  g_option_context_add_main_entries (ctx, entries, NULL);
  int status;
  if (!gs_cli_parse_options (ctx, &argc, &argv, &status))
    return status;
  GsSeverity fail_on = GS_SEVERITY_ERROR;
  if (fail_on_text != NULL && !gs_severity_from_string (fail_on_text, &fail_on))
    return gs_cli_usage_error (
        ctx, "--fail-on needs one of: error, warning, advice");
  if (argc < 2)
    return gs_cli_usage_error (ctx, "check needs at least one scenario file");

  gboolean bad_input = FALSE, failed = FALSE;
  for (int i = 1; i < argc; i++)
    {
      g_autoptr (GsScenario) s = gs_cli_load (argv[i], max_kib);
      if (s == NULL)
        {
          bad_input = TRUE;
          continue;
        }
      for (guint w = 0; w < gs_scenario_n_warnings (s); w++)
        g_printerr ("%s\n", gs_scenario_get_warning (s, w));
      g_autoptr (GPtrArray) findings = gs_check_scenario (s);
      failed |= gs_check_count (findings, fail_on) > 0;
      g_autoptr (GString) text = g_string_new (NULL);
      if (quiet)
        gs_check_write_findings (s, findings, text);
      else
        {
          g_string_append_printf (
              text,
              "%s: valid — '%s' (organisations: %u, people: %u, bodies: %u, "
              "proposals: %u, arrival streams: %u)\n",
              argv[i], gs_scenario_get_name (s),
              gs_scenario_n_organisations (s), gs_scenario_n_people (s),
              gs_scenario_n_bodies (s), gs_scenario_n_proposals (s),
              gs_scenario_n_arrivals (s));
          gs_check_write_text (s, findings, text);
        }
      if (gs_cli_emit (NULL, text) != GS_EXIT_OK)
        return GS_EXIT_INTERNAL;
    }
  return bad_input ? GS_EXIT_BAD_INPUT : failed ? GS_EXIT_FINDINGS : GS_EXIT_OK;
}

/* gs-cli-run.c — `govsim run [FILE] [--seed N] [--trace]
 * [--format text|json|csv|html] [--table NAME] [-o FILE]`.
 *
 * Loads the scenario (the built-in demo without FILE), runs one
 * replication with the seed given or the scenario's own, and writes the
 * report: as text, the trace when asked, then the summary and journeys;
 * as JSON, the document of kind "run" (with the trace as an array of
 * records when asked); as CSV, one table (--table, default proposals); as
 * HTML, the self-contained report with its pictures, the static review's
 * findings marked on the structure.  The report is built in memory and
 * written whole or not at all, so a failed run or an unwritable file never
 * leaves half a report.
 */
#include "cli/gs-cli.h"

#include <govsim/gs-checks.h>
#include <govsim/gs-report.h>
#include <govsim/gs-run.h>
#include <govsim/gs-scenario.h>
#include <govsim/gs-summary.h>
#include <govsim/gs-write.h>

#include <string.h>

int
gs_cli_run (int argc, char **argv)
{
  gint64 max_kib = 0;
  gint64 max_records = GS_LIMIT_RECORDS_DEFAULT;
  gint64 max_events = (gint64)GS_LIMIT_EVENTS_MAX;
  gboolean trace = FALSE;
  g_autofree char *seed_text = NULL;
  gint64 replication = 0;
  g_autofree char *output = NULL;
  g_autofree char *format = NULL;
  g_autofree char *table_text = NULL;
  GOptionEntry entries[] = {
    { "replication", 'r', 0, G_OPTION_ARG_INT64, &replication,
      "Replay replication R of a Monte Carlo study with the same seed "
      "(default 0)",
      "R" },
    { "seed", 's', 0, G_OPTION_ARG_STRING, &seed_text,
      "Random seed (default: the scenario's own)", "N" },
    { "trace", 't', 0, G_OPTION_ARG_NONE, &trace,
      "Print the narrative of the run, one line per event, before the "
      "summary (JSON: include every record as \"records\")",
      NULL },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      "Output format: text (default), json, csv or html", "FORMAT" },
    { "table", 0, 0, G_OPTION_ARG_STRING, &table_text,
      "With --format csv, the table to write: proposals (default), matters, "
      "tallies, bodies, meetings, gateways, breaches or records",
      "NAME" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      "Write the report to FILE (whole or not at all) instead of standard "
      "output",
      "FILE" },
    { "max-records", 0, 0, G_OPTION_ARG_INT64, &max_records,
      "Keep at most N records for the trace and journeys (default "
      "1000000, at most 8000000); a run that needs more stops with exit 3",
      "N" },
    { "max-events", 0, 0, G_OPTION_ARG_INT64, &max_events,
      "Process at most N events (default 20000000): the run's work budget; "
      "a run that needs more stops with exit 3",
      "N" },
    { "max-size", 0, 0, G_OPTION_ARG_INT64, &max_kib,
      "Refuse scenario files larger than this (default 16384)", "KIB" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) ctx
      = g_option_context_new ("[FILE] — simulate a scenario");
  g_option_context_set_summary (
      ctx, "Runs the scenario in FILE, or the built-in demo when no FILE is "
           "given,\nand prints what happened to each decision: per body and "
           "matter type,\nhow many were approved, rejected or left pending, "
           "how long they took,\nand which meetings were inquorate.");
  g_option_context_add_main_entries (ctx, entries, NULL);
  int status;
  if (!gs_cli_parse_options (ctx, &argc, &argv, &status))
    return status;
  if (argc > 2)
    return gs_cli_usage_error (ctx, "run takes at most one scenario file");
  enum
  {
    TEXT,
    JSON,
    CSV,
    HTML
  } fmt
      = TEXT;
  if (format == NULL || strcmp (format, "text") == 0)
    fmt = TEXT;
  else if (strcmp (format, "json") == 0)
    fmt = JSON;
  else if (strcmp (format, "csv") == 0)
    fmt = CSV;
  else if (strcmp (format, "html") == 0)
    fmt = HTML;
  else
    return gs_cli_usage_error (ctx, "--format needs text, json, csv or html");
  GsCsvTable table = GS_CSV_PROPOSALS;
  if (table_text != NULL && fmt != CSV)
    return gs_cli_usage_error (ctx, "--table needs --format csv");
  if (table_text != NULL && !gs_csv_table_from_string (table_text, &table))
    return gs_cli_usage_error (
        ctx, "--table needs one of: proposals, matters, tallies, bodies, "
             "meetings, gateways, breaches, records");

  if (max_records < 1 || max_records > GS_RUN_RECORDS_MAX)
    return gs_cli_usage_error (ctx, "--max-records must be 1 to 8000000");
  if (max_events < 1)
    return gs_cli_usage_error (ctx, "--max-events must be at least 1");

  if (replication < 0)
    return gs_cli_usage_error (ctx, "--replication must be 0 or more");

  guint64 seed = 0;
  if (seed_text != NULL)
    {
      g_autoptr (GError) error = NULL;
      if (!g_ascii_string_to_unsigned (seed_text, 10, 0, G_MAXUINT64, &seed,
                                       &error))
        return gs_cli_usage_error (ctx, "--seed needs a whole number");
    }

  g_autoptr (GsScenario) s = gs_cli_load (argc == 2 ? argv[1] : NULL, max_kib);
  if (s == NULL)
    return GS_EXIT_BAD_INPUT;
  if (seed_text == NULL)
    seed = gs_scenario_get_default_seed (s);

  g_autoptr (GError) error = NULL;
  g_autoptr (GsRun) run = gs_run_new (s, GS_RUN_FLAGS_NONE);
  gs_run_set_max_records (run, (guint)max_records);
  gs_run_set_max_events (run, (guint64)max_events);
  if (!gs_run_execute (run, seed, (guint64)replication, &error))
    {
      /* A run that breaks its own invariant, or would exceed a cap, is
       * not the user's input at fault: exit 3, no report written. */
      g_printerr ("govsim: %s: %s\n", gs_scenario_get_source (s),
                  error->message);
      return GS_EXIT_INTERNAL;
    }
  g_autoptr (GsSummary) sum = gs_summary_new (run);
  g_autoptr (GString) text = g_string_new (NULL);
  switch (fmt)
    {
      case JSON:
        gs_report_json_run (run, sum, trace, text);
        break;
      case CSV:
        gs_report_csv_run (run, sum, table, text);
        break;
      case HTML:
        {
          g_autoptr (GPtrArray) findings = gs_check_scenario (s);
          if (!gs_report_html_run (run, sum, findings, text, &error))
            {
              g_printerr ("govsim: %s: %s\n", gs_scenario_get_source (s),
                          error->message);
              return GS_EXIT_INTERNAL;
            }
          break;
        }
      case TEXT:
      default:
        if (trace)
          {
            gs_report_text_trace (run, text);
            g_string_append_c (text, '\n');
          }
        gs_report_text_summary (run, sum, text);
        gs_report_text_journeys (run, text);
        break;
    }
  return gs_cli_emit (output, text);
}

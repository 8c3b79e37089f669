/* gs-cli-check.c — `govsim check FILE... [--fail-on LEVEL] [--quiet]
 * [--full] [--format text|json|csv] [-o FILE]`.
 *
 * Loads each file (schema and meaning: a file that does not load is bad
 * input, reported as file:line: message on standard error, and the other
 * files are still checked), then runs the static review of gs-checks.h on
 * it and prints the findings on standard output, one file's text at a
 * time so a file's findings are never interleaved with another's.  The
 * exit status is the worst over all the files: 2 if any did not load, else
 * 1 if any finding is at or above --fail-on, else 0.  As JSON (one
 * document of kind "check" for all the files, load errors included) or CSV
 * (one row per finding) the report is written once, whole, at the end;
 * load errors still go to standard error as well.
 */
#include "cli/gs-cli.h"

#include <govsim/gs-checks.h>
#include <govsim/gs-loader.h>
#include <govsim/gs-scenario.h>
#include <govsim/gs-write.h>

#include <string.h>

typedef enum
{
  FORMAT_TEXT,
  FORMAT_JSON,
  FORMAT_CSV,
} Format;

/* What one file came to, kept until the whole report is written. */
typedef struct
{
  GsScenario *scenario;
  GPtrArray *findings;
  char *errors;
} Checked;

static void
checked_clear (gpointer p)
{
  Checked *c = p;
  gs_scenario_free (c->scenario);
  if (c->findings != NULL)
    g_ptr_array_unref (c->findings);
  g_free (c->errors);
}

/* JSON or CSV: every file's result in one report, written once. */
static int
check_data (int argc, char **argv, gint64 max_kib, GsSeverity fail_on,
            Format format, const char *output)
{
  g_autoptr (GArray) done = g_array_new (FALSE, TRUE, sizeof (Checked));
  g_array_set_clear_func (done, checked_clear);
  gboolean bad_input = FALSE, failed = FALSE;
  gsize cap = max_kib > 0 ? (gsize)max_kib * 1024 : 0;
  for (int i = 1; i < argc; i++)
    {
      Checked c = { 0 };
      g_autoptr (GError) error = NULL;
      c.scenario = gs_loader_load_file (argv[i], cap, &error);
      if (c.scenario == NULL)
        {
          g_printerr ("%s\n", error->message);
          c.errors = g_strdup (error->message);
          bad_input = TRUE;
        }
      else
        {
          c.findings = gs_check_scenario (c.scenario);
          failed |= gs_check_count (c.findings, fail_on) > 0;
        }
      g_array_append_val (done, c);
    }
  g_autofree GsCheckedFile *files = g_new0 (GsCheckedFile, done->len);
  for (guint i = 0; i < done->len; i++)
    {
      const Checked *c = &g_array_index (done, Checked, i);
      files[i]
          = (GsCheckedFile){ argv[i + 1], c->scenario, c->findings, c->errors };
    }
  g_autoptr (GString) text = g_string_new (NULL);
  if (format == FORMAT_JSON)
    gs_check_write_json (files, done->len, fail_on, text);
  else
    gs_check_write_csv (files, done->len, text);
  if (gs_cli_emit (output, text) != GS_EXIT_OK)
    return GS_EXIT_INTERNAL;
  return bad_input ? GS_EXIT_BAD_INPUT : failed ? GS_EXIT_FINDINGS : GS_EXIT_OK;
}

int
gs_cli_check (int argc, char **argv)
{
  gint64 max_kib = 0;
  gboolean quiet = FALSE, full = FALSE;
  g_autofree char *fail_on_text = NULL, *format_text = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[]
      = { { "format", 'f', 0, G_OPTION_ARG_STRING, &format_text,
            "text (default), json (one document for every file) or csv (one "
            "row per finding)",
            "FORMAT" },
          { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
            "Write the report to FILE (whole or not at all)", "FILE" },
          { "fail-on", 0, 0, G_OPTION_ARG_STRING, &fail_on_text,
            "Exit 1 when a finding is at or above LEVEL: error (default), "
            "warning or advice",
            "LEVEL" },
          { "full", 0, 0, G_OPTION_ARG_NONE, &full,
            "Text: every finding in its own block, with its own elements "
            "(by default, several findings of one rule at one line make one "
            "block)",
            NULL },
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
  Format format = FORMAT_TEXT;
  if (format_text == NULL || strcmp (format_text, "text") == 0)
    format = FORMAT_TEXT;
  else if (strcmp (format_text, "json") == 0)
    format = FORMAT_JSON;
  else if (strcmp (format_text, "csv") == 0)
    format = FORMAT_CSV;
  else
    return gs_cli_usage_error (ctx, "--format needs text, json or csv");
  if (argc < 2)
    return gs_cli_usage_error (ctx, "check needs at least one scenario file");
  if (format != FORMAT_TEXT)
    return check_data (argc, argv, max_kib, fail_on, format, output);
  g_autoptr (GString) all = g_string_new (NULL);

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
      if (!quiet)
        g_string_append_printf (
            text,
            "%s: valid — '%s' (organisations: %u, people: %u, bodies: %u, "
            "proposals: %u, arrival streams: %u)\n",
            argv[i], gs_scenario_get_name (s), gs_scenario_n_organisations (s),
            gs_scenario_n_people (s), gs_scenario_n_bodies (s),
            gs_scenario_n_proposals (s), gs_scenario_n_arrivals (s));
      if (full)
        gs_check_write_findings (s, findings, text);
      else
        gs_check_write_grouped (s, findings, text);
      if (!quiet)
        gs_check_write_counts (s, findings, text);
      /* To standard output a file at a time, as it is checked; to a
       * file, the whole report at the end. */
      if (output != NULL)
        g_string_append_len (all, text->str, (gssize)text->len);
      else if (gs_cli_emit (NULL, text) != GS_EXIT_OK)
        return GS_EXIT_INTERNAL;
    }
  if (output != NULL && gs_cli_emit (output, all) != GS_EXIT_OK)
    return GS_EXIT_INTERNAL;
  return bad_input ? GS_EXIT_BAD_INPUT : failed ? GS_EXIT_FINDINGS : GS_EXIT_OK;
}

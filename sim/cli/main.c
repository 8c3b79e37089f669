/* main.c — the govsim command: parse the command line, call the library,
 * print, choose the exit status.
 *
 * This is the only place that prints or exits.  Exit statuses are part of
 * the interface and documented in the README:
 *   0  the command ran and, for `check`, found nothing at or above the
 *      --fail-on level (default: error);
 *   1  `check` found something at or above the --fail-on level;
 *   2  bad input: an unreadable or invalid scenario, or a bad command line
 *      (an unknown --fail-on level included), with "file:line: message"
 *      lines on standard error; it wins over 1 when several files are
 *      checked;
 *   3  an internal error, such as failing to write the output file.
 *
 * `govsim check` loads each file (schema and meaning: a file that does not
 * load is bad input), then runs the static review of gs-checks.h on it and
 * prints the findings on standard output.
 */
#include <govsim/gs-checks.h>
#include <govsim/gs-run.h>
#include <govsim/gs-loader.h>
#include <govsim/gs-report.h>
#include <govsim/gs-scenario.h>

#include <gio/gio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

enum
{
  EXIT_OK = 0,
  EXIT_FINDINGS = 1,
  EXIT_BAD_INPUT = 2,
  EXIT_INTERNAL = 3,
};

typedef struct
{
  const char *name;
  const char *args;
  const char *summary;
  int (*func) (int argc, char **argv);
} Command;

static int
usage_error (GOptionContext *ctx, const char *message)
{
  g_printerr ("%s: %s\nRun '%s --help' for its options.\n", g_get_prgname (),
              message, g_get_prgname ());
  return EXIT_BAD_INPUT;
}

static gboolean
parse_options (GOptionContext *ctx, int *argc, char ***argv, int *status)
{
  g_autoptr (GError) error = NULL;
  if (!g_option_context_parse (ctx, argc, argv, &error))
    {
      *status = usage_error (ctx, error->message);
      return FALSE;
    }
  return TRUE;
}

/* Writes @text to @path whole or not at all (a temporary file renamed into
 * place), or to standard output when @path is NULL or "-". */
static int
emit (const char *path, const GString *text)
{
  if (path == NULL || strcmp (path, "-") == 0)
    {
      fwrite (text->str, 1, text->len, stdout);
      return fflush (stdout) == 0 ? EXIT_OK : EXIT_INTERNAL;
    }
  g_autoptr (GError) error = NULL;
  if (!g_file_set_contents (path, text->str, (gssize)text->len, &error))
    {
      g_printerr ("govsim: cannot write %s: %s\n", path, error->message);
      return EXIT_INTERNAL;
    }
  return EXIT_OK;
}

static GsScenario *
load (const char *path, gint64 max_kib)
{
  g_autoptr (GError) error = NULL;
  gsize cap = max_kib > 0 ? (gsize)max_kib * 1024 : 0;
  GsScenario *s = path ? gs_loader_load_file (path, cap, &error)
                       : gs_loader_load_demo (&error);
  if (s == NULL)
    g_printerr ("%s\n", error->message);
  return s;
}

static int
cmd_check (int argc, char **argv)
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
  if (!parse_options (ctx, &argc, &argv, &status))
    return status;
  GsSeverity fail_on = GS_SEVERITY_ERROR;
  if (fail_on_text != NULL && !gs_severity_from_string (fail_on_text, &fail_on))
    return usage_error (ctx, "--fail-on needs one of: error, warning, advice");
  if (argc < 2)
    return usage_error (ctx, "check needs at least one scenario file");

  gboolean bad_input = FALSE, failed = FALSE;
  for (int i = 1; i < argc; i++)
    {
      g_autoptr (GsScenario) s = load (argv[i], max_kib);
      if (s == NULL)
        {
          bad_input = TRUE;
          continue;
        }
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
      if (emit (NULL, text) != EXIT_OK)
        return EXIT_INTERNAL;
    }
  return bad_input ? EXIT_BAD_INPUT : failed ? EXIT_FINDINGS : EXIT_OK;
}

static int
cmd_run (int argc, char **argv)
{
  gint64 max_kib = 0;
  gboolean trace = FALSE;
  g_autofree char *seed_text = NULL;
  g_autofree char *output = NULL;
  g_autofree char *format = NULL;
  GOptionEntry entries[] = {
    { "seed", 's', 0, G_OPTION_ARG_STRING, &seed_text,
      "Random seed (default: the scenario's own)", "N" },
    { "trace", 't', 0, G_OPTION_ARG_NONE, &trace,
      "Print the narrative of the run, one line per event, before the "
      "summary",
      NULL },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      "Output format: text (default)", "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      "Write the report to FILE (whole or not at all) instead of standard "
      "output",
      "FILE" },
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
  if (!parse_options (ctx, &argc, &argv, &status))
    return status;
  if (argc > 2)
    return usage_error (ctx, "run takes at most one scenario file");
  if (format != NULL && strcmp (format, "text") != 0)
    return usage_error (ctx, "unknown format (this version writes: text)");

  guint64 seed = 0;
  if (seed_text != NULL)
    {
      g_autoptr (GError) error = NULL;
      if (!g_ascii_string_to_unsigned (seed_text, 10, 0, G_MAXUINT64, &seed,
                                       &error))
        return usage_error (ctx, "--seed needs a whole number");
    }

  g_autoptr (GsScenario) s = load (argc == 2 ? argv[1] : NULL, max_kib);
  if (s == NULL)
    return EXIT_BAD_INPUT;
  if (seed_text == NULL)
    seed = gs_scenario_get_default_seed (s);

  g_autoptr (GsRun) run = gs_run_new (s, seed, 0, GS_RUN_FLAGS_NONE);
  g_autoptr (GString) text = g_string_new (NULL);
  if (trace)
    {
      gs_report_text_trace (run, text);
      g_string_append_c (text, '\n');
    }
  gs_report_text_summary (run, text);
  return emit (output, text);
}

static const Command commands[] = {
  { "check", "FILE...",
    "Validate scenario files and review their governance (no simulation)",
    cmd_check },
  { "run", "[FILE]", "Simulate a scenario (the built-in demo without FILE)",
    cmd_run },
};

static void
print_usage (FILE *to)
{
  fprintf (to, "Usage: govsim COMMAND [OPTIONS] ...\n\n"
               "govsim simulates how governance arrangements decide: "
               "boards, committees,\ntheir quorums, votes and calendars, "
               "and the proposals that reach them.\n\nCommands:\n");
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (to, "  %-6s %-8s %s\n", commands[i].name, commands[i].args,
             commands[i].summary);
  fprintf (to, "\nRun 'govsim COMMAND --help' for a command's options; "
               "'govsim --version' for the version.\n"
               "Exit status: 0 ran, 1 check found something at or above "
               "--fail-on,\n2 bad input, 3 internal error.\n");
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  if (argc < 2)
    {
      print_usage (stderr);
      return EXIT_BAD_INPUT;
    }
  if (strcmp (argv[1], "--version") == 0 || strcmp (argv[1], "-V") == 0)
    {
      g_print ("govsim %s\n", GOVSIM_VERSION);
      return EXIT_OK;
    }
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0
      || strcmp (argv[1], "help") == 0)
    {
      print_usage (stdout);
      return EXIT_OK;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      {
        /* The command sees itself as argv[0], as GOptionContext expects. */
        g_autofree char *prgname = g_strdup_printf ("govsim %s", argv[1]);
        g_set_prgname (prgname);
        return commands[i].func (argc - 1, argv + 1);
      }
  g_printerr ("govsim: unknown command '%s'\n\n", argv[1]);
  print_usage (stderr);
  return EXIT_BAD_INPUT;
}

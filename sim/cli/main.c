/* main.c — the govsim command: dispatch to a command, --version, --help.
 *
 * Each command lives in its own file (gs-cli-check.c, gs-cli-run.c) and is
 * a row of the table below; what they share, the exit statuses included,
 * is in gs-cli.h.  The front end is the only code that prints or chooses an
 * exit status.
 */
#include "cli/gs-cli.h"

#include <govsim/gs-loader.h>
#include <govsim/gs-write.h>

#include <locale.h>
#include <stdio.h>
#include <string.h>

/* A command: `govsim NAME ARGS`, run by func with itself as argv[0]. */
typedef struct
{
  const char *name;
  const char *args;    /* for the usage line: "FILE...", "[FILE]" */
  const char *summary; /* one line for `govsim --help` */
  int (*func) (int argc, char **argv);
} Command;

static const Command commands[] = {
  { "check", "FILE...",
    "Validate scenario files and review their governance (no simulation)",
    gs_cli_check },
  { "run", "[FILE]", "Simulate a scenario (the built-in demo without FILE)",
    gs_cli_run },
  { "power", "FILE",
    "Voting power: who can block, who is decisive, whose absence sinks "
    "the quorum",
    gs_cli_power },
  { "montecarlo", "FILE",
    "A Monte Carlo study: how likely each outcome, gridlock and breach is",
    gs_cli_montecarlo },
  { "merge", "PART...",
    "Combine the shards of one Monte Carlo study into its report",
    gs_cli_merge },
  { "graph", "FILE",
    "Draw the structure with Graphviz (DOT or SVG), findings in red",
    gs_cli_graph },
  { "compare", "A B|FILE",
    "Compare terms of reference: variants on the same random draws, "
    "what changes and how sure",
    gs_cli_compare },
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
  /* The user's locale for messages and character classes (GLib converts
   * what it prints to the locale's character set), but numbers always in
   * "C": reports are compared byte for byte and read by programs, and a
   * printf of 89.6 under de_DE writes "89,6".  LC_NUMERIC is named after
   * LC_ALL, so no LC_ALL or LC_NUMERIC in the environment can undo it. */
  setlocale (LC_ALL, "");
  setlocale (LC_NUMERIC, "C");
  gs_cli_init ();
  if (argc < 2)
    {
      print_usage (stderr);
      return GS_EXIT_BAD_INPUT;
    }
  if (strcmp (argv[1], "--version") == 0 || strcmp (argv[1], "-V") == 0)
    {
      g_print ("govsim %s\noutput schema %d, scenario schema %d\n",
               GOVSIM_VERSION, GS_OUTPUT_SCHEMA, GS_SCENARIO_SCHEMA);
      return GS_EXIT_OK;
    }
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0
      || strcmp (argv[1], "help") == 0)
    {
      print_usage (stdout);
      return GS_EXIT_OK;
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
  return GS_EXIT_BAD_INPUT;
}

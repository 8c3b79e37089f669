/* gs-cli-graph.c — `govsim graph FILE [--format dot|svg] [-o FILE]
 * [--no-findings]`.
 *
 * Loads the scenario, reviews it (gs-checks.h) so that what the review
 * blames can be drawn in red, and writes the structure as Graphviz DOT
 * (the default: a text a user can edit and lay out with any Graphviz tool)
 * or as SVG laid out by dot, whole or not at all.  A file that does not
 * load or a bad --format is bad input (2); Graphviz failing to lay out or
 * render is an internal error (3).
 */
#include "cli/gs-cli.h"

#include <govsim/gs-checks.h>
#include <govsim/gs-write.h>

#include <string.h>

int
gs_cli_graph (int argc, char **argv)
{
  gint64 max_kib = 0;
  gboolean no_findings = FALSE;
  g_autofree char *format = NULL, *output = NULL;
  GOptionEntry entries[]
      = { { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
            "dot (default) or svg", "FORMAT" },
          { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
            "Write the drawing to FILE (whole or not at all)", "FILE" },
          { "no-findings", 0, 0, G_OPTION_ARG_NONE, &no_findings,
            "Do not mark what govsim check finds", NULL },
          { "max-size", 0, 0, G_OPTION_ARG_INT64, &max_kib,
            "Refuse scenario files larger than this (default 16384)", "KIB" },
          G_OPTION_ENTRY_NULL };
  g_autoptr (GOptionContext) ctx
      = g_option_context_new ("FILE — draw a scenario's structure");
  g_option_context_set_summary (
      ctx,
      "Draws the structure of the collaborative with Graphviz: organisations "
      "as\nclusters around their bodies, joint committees and committees in "
      "common\nwith their memberships, delegations labelled with their "
      "matters and\nlimits, pathways and escalation ladders; what govsim "
      "check finds is drawn\nin red.  DOT is written through cgraph, SVG "
      "laid out by dot through gvc.\n\n"
      "Exit status: 0 written, 2 bad input or command line, 3 Graphviz "
      "failed or\nthe output could not be written.");
  g_option_context_add_main_entries (ctx, entries, NULL);
  int status;
  if (!gs_cli_parse_options (ctx, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return gs_cli_usage_error (ctx, "graph needs exactly one scenario file");
  GsGraphFormat fmt = GS_GRAPH_DOT;
  if (format == NULL || strcmp (format, "dot") == 0)
    fmt = GS_GRAPH_DOT;
  else if (strcmp (format, "svg") == 0)
    fmt = GS_GRAPH_SVG;
  else
    return gs_cli_usage_error (ctx, "--format needs dot or svg");

  g_autoptr (GsScenario) s = gs_cli_load (argv[1], max_kib);
  if (s == NULL)
    return GS_EXIT_BAD_INPUT;
  g_autoptr (GPtrArray) findings = no_findings ? NULL : gs_check_scenario (s);
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  if (!gs_graph_write (s, findings, fmt, text, &error))
    {
      g_printerr ("govsim: %s: %s\n", argv[1], error->message);
      return GS_EXIT_INTERNAL;
    }
  return gs_cli_emit (output, text);
}

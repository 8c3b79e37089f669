/* gs-cli-power.c — `govsim power FILE [--body ID] [--format text|json|csv|html]
 * [--samples N] [--seed N] [--on DATE] [-o FILE]`.
 *
 * Loads the scenario, analyses the voting power of one body or of every
 * deciding body (gs-power.h), and writes the report as text or JSON, whole
 * or not at all.  A file that does not load, an unknown --body or
 * --format, or a body that does not vote (an officer) is bad input: exit
 * 2 with a message on standard error.  The Monte Carlo seed defaults to
 * the scenario's, so the same file gives the same bytes.
 */
#include "cli/gs-cli.h"

#include <govsim/gs-power-report.h>
#include <govsim/gs-power.h>

#include <string.h>

int
gs_cli_power (int argc, char **argv)
{
  gint64 max_kib = 0, samples = 0, seed = -1;
  g_autofree char *body_id = NULL, *format = NULL, *output = NULL;
  g_autofree char *on_text = NULL;
  GOptionEntry entries[]
      = { { "body", 'b', 0, G_OPTION_ARG_STRING, &body_id,
            "Analyse this body only (default: every deciding body)", "ID" },
          { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
            "text (default), json, csv (one row per player) or html",
            "FORMAT" },
          { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
            "Write the report to FILE (whole or not at all)", "FILE" },
          { "samples", 0, 0, G_OPTION_ARG_INT64, &samples,
            "Monte Carlo samples where exact is out of reach (default "
            "200000)",
            "N" },
          { "seed", 0, 0, G_OPTION_ARG_INT64, &seed,
            "Seed of the Monte Carlo samples (default: the scenario's)", "N" },
          { "on", 0, 0, G_OPTION_ARG_STRING, &on_text,
            "Analyse the rules in force on this day, for a body amended "
            "during the period (default: the period's first day)",
            "DATE" },
          { "max-size", 0, 0, G_OPTION_ARG_INT64, &max_kib,
            "Refuse scenario files larger than this (default 16384)", "KIB" },
          G_OPTION_ENTRY_NULL };
  g_autoptr (GOptionContext) ctx
      = g_option_context_new ("FILE — voting power of a scenario's bodies");
  g_option_context_set_summary (
      ctx,
      "For each deciding body (or the one --body names), from its voting "
      "rule as\nwritten: Banzhaf (swings, normalised and raw), "
      "Shapley–Shubik and Coleman's\nindices per member and per "
      "organisation, veto players, dummies, minimal\nwinning and blocking "
      "coalitions and the smallest blocking coalition; from\nits people: "
      "each member's quorum criticality and probability of casting\nthe "
      "deciding vote per matter type.  Committees in common are analysed "
      "as\nthe group over its committees, over all their people, and each\n"
      "committee on its own.  A body whose rules are amended during the "
      "period\nis analysed under the rules in force on --on (default: the "
      "period's\nfirst day), and the report names the other periods; with "
      "one vote per\norganisation the players are the organisations, then "
      "the members, each\norganisation voting as the majority of its "
      "members; observers have no\npower.\n\n"
      "Exit status: 0 written, 2 bad input or command line, 3 output that "
      "could\nnot be written.");
  g_option_context_add_main_entries (ctx, entries, NULL);
  int status;
  if (!gs_cli_parse_options (ctx, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return gs_cli_usage_error (ctx, "power needs exactly one scenario file");
  gboolean json = FALSE, csv = FALSE, html = FALSE;
  if (format != NULL && strcmp (format, "json") == 0)
    json = TRUE;
  else if (format != NULL && strcmp (format, "csv") == 0)
    csv = TRUE;
  else if (format != NULL && strcmp (format, "html") == 0)
    html = TRUE;
  else if (format != NULL && strcmp (format, "text") != 0)
    return gs_cli_usage_error (ctx, "--format needs text, json, csv or html");
  if (samples < 0)
    return gs_cli_usage_error (ctx, "--samples needs a positive number");
  GsTime on = 0;
  if (on_text != NULL)
    {
      g_autoptr (GError) derr = NULL;
      if (!gs_date_parse (on_text, &on, &derr))
        {
          g_autofree char *msg = g_strdup_printf ("--on: %s", derr->message);
          return gs_cli_usage_error (ctx, msg);
        }
    }

  g_autoptr (GsScenario) s = gs_cli_load (argv[1], max_kib);
  if (s == NULL)
    return GS_EXIT_BAD_INPUT;
  int body = -1;
  if (body_id != NULL)
    {
      body = gs_scenario_find_body (s, body_id);
      if (body < 0)
        {
          g_printerr ("%s: no body with id '%s' in %s\n", g_get_prgname (),
                      body_id, argv[1]);
          return GS_EXIT_BAD_INPUT;
        }
    }
  GsPowerOptions opt = {
    .samples = (guint64)samples,
    .seed = seed >= 0 ? (guint64)seed : gs_scenario_get_default_seed (s),
    .has_on = on_text != NULL,
    .on = on,
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPowerReport) report = gs_power_analyse (s, body, &opt, &error);
  if (report == NULL)
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      return g_error_matches (error, GS_POWER_ERROR, GS_POWER_ERROR_NOT_A_VOTE)
                 ? GS_EXIT_BAD_INPUT
                 : GS_EXIT_INTERNAL;
    }
  g_autoptr (GString) text = g_string_new (NULL);
  if (json)
    gs_power_write_json (s, report, text);
  else if (csv)
    gs_power_write_csv (s, report, text);
  else if (html)
    {
      if (!gs_power_write_html (s, report, text, &error))
        {
          g_printerr ("%s: %s\n", g_get_prgname (), error->message);
          return GS_EXIT_INTERNAL;
        }
    }
  else
    gs_power_write_text (s, report, text);
  return gs_cli_emit (output, text);
}

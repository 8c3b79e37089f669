/* gs-cli-common.c — the helpers every govsim command uses: usage errors,
 * option parsing, loading a scenario, and writing a report whole or not at
 * all.
 *
 * Each helper prints its own message on standard error and returns the
 * exit status (gs-cli.h) the command should return, so every command fails
 * the same way: a bad command line or a file that does not load is bad
 * input (2); output that cannot be written is an internal error (3), and
 * leaves no partial file behind.
 */
#include "cli/gs-cli.h"

#include <govsim/gs-loader.h>

#include <stdio.h>
#include <string.h>

int
gs_cli_usage_error (GOptionContext *ctx, const char *message)
{
  g_printerr ("%s: %s\nRun '%s --help' for its options.\n", g_get_prgname (),
              message, g_get_prgname ());
  return GS_EXIT_BAD_INPUT;
}

gboolean
gs_cli_parse_options (GOptionContext *ctx, int *argc, char ***argv, int *status)
{
  g_autoptr (GError) error = NULL;
  if (!g_option_context_parse (ctx, argc, argv, &error))
    {
      *status = gs_cli_usage_error (ctx, error->message);
      return FALSE;
    }
  return TRUE;
}

int
gs_cli_emit (const char *path, const GString *text)
{
  if (path == NULL || strcmp (path, "-") == 0)
    {
      fwrite (text->str, 1, text->len, stdout);
      return fflush (stdout) == 0 ? GS_EXIT_OK : GS_EXIT_INTERNAL;
    }
  /* g_file_set_contents() writes a temporary file beside @path and renames
   * it into place, so a reader never sees half a report. */
  g_autoptr (GError) error = NULL;
  if (!g_file_set_contents (path, text->str, (gssize)text->len, &error))
    {
      g_printerr ("govsim: cannot write %s: %s\n", path, error->message);
      return GS_EXIT_INTERNAL;
    }
  return GS_EXIT_OK;
}

GsScenario *
gs_cli_load (const char *path, gint64 max_kib)
{
  g_autoptr (GError) error = NULL;
  gsize cap = max_kib > 0 ? (gsize)max_kib * 1024 : 0;
  GsScenario *s = path ? gs_loader_load_file (path, cap, &error)
                       : gs_loader_load_demo (&error);
  if (s == NULL)
    g_printerr ("%s\n", error->message);
  return s;
}

/* gs-cli.h — what the commands of the govsim front end share.
 *
 * The front end is main.c (dispatch, --version, --help), one file per
 * command (gs-cli-run.c, gs-cli-check.c) and gs-cli-common.c (the helpers
 * below).  It is the only code that prints or chooses an exit status; the
 * library returns values and GErrors.
 *
 * Exit statuses are part of the interface and documented in the README:
 *   0  the command ran and, for `check`, found nothing at or above the
 *      --fail-on level (default: error);
 *   1  `check` found something at or above the --fail-on level;
 *   2  bad input: an unreadable or invalid scenario, or a bad command line
 *      (an unknown --fail-on level included), with "file:line: message"
 *      lines on standard error; it wins over 1 when several files are
 *      checked;
 *   3  an internal error, a limit exceeded, or output that could not be
 *      written.
 */
#pragma once

#include <glib.h>
#include <govsim/gs-scenario.h>

G_BEGIN_DECLS

typedef enum
{
  GS_EXIT_OK = 0,
  GS_EXIT_FINDINGS = 1,
  GS_EXIT_BAD_INPUT = 2,
  GS_EXIT_INTERNAL = 3,
} GsExit;

/* `govsim check` (gs-cli-check.c) and `govsim run` (gs-cli-run.c): each
 * parses its own options, with itself as argv[0], and returns an exit
 * status. */
int gs_cli_check (int argc, char **argv);
int gs_cli_run (int argc, char **argv);
/* `govsim power` (gs-cli-power.c). */
int gs_cli_power (int argc, char **argv);
int gs_cli_montecarlo (int argc, char **argv);
int gs_cli_merge (int argc, char **argv);
/* `govsim compare` (gs-cli-compare.c). */
int gs_cli_compare (int argc, char **argv);

/* Installs the handler through which every g_printerr() writes: UTF-8 in
 * a UTF-8 locale, plain ASCII ("GBP 5,000,000") in any other.  Called once,
 * first thing, by main(). */
void gs_cli_init (void);

/* `govsim graph` (gs-cli-graph.c). */
int gs_cli_graph (int argc, char **argv);

/* Prints "PRG: @message" and a pointer to --help on standard error.
 * Returns: GS_EXIT_BAD_INPUT, for the command to return. */
int gs_cli_usage_error (GOptionContext *ctx, const char *message);

/* Parses the options of @ctx out of *@argc, *@argv.  On failure prints a
 * usage error, sets *@status to its exit status and returns FALSE. */
gboolean gs_cli_parse_options (GOptionContext *ctx, int *argc, char ***argv,
                               int *status);

/* Writes @text to @path whole or not at all (a temporary file renamed into
 * place), or to standard output when @path is NULL or "-".
 * Returns: GS_EXIT_OK, or GS_EXIT_INTERNAL (with a message on standard
 * error) when it could not be written. */
int gs_cli_emit (const char *path, const GString *text);

/* Loads the scenario at @path, or the built-in demo when @path is NULL,
 * refusing files over @max_kib KiB (0: the loader's default).  On failure
 * prints the loader's "file:line: message" lines on standard error.
 * Returns: (transfer full) (nullable): the scenario, or NULL: bad input. */
GsScenario *gs_cli_load (const char *path, gint64 max_kib);

/* Replications a --precision run adds between two looks at its intervals
 * (`montecarlo` and `compare`), so the stopping point depends only on the
 * arguments. */
#define GS_CLI_PRECISION_BATCH 500

/* A progress bar on standard error: replications done, rate, time left. */
typedef struct
{
  gboolean show;
  gint64 started;
  guint64 base;  /* replications done before the current batch */
  guint64 total; /* replications the whole command may run */
} GsCliProgress;

/* A progress bar for @total replications, shown when standard error is a
 * terminal, or always with @force, never with @quiet. */
void gs_cli_progress_init (GsCliProgress *p, guint64 total, gboolean force,
                           gboolean quiet);
/* The progress callback (GsStudyProgressFunc): @done of the current batch,
 * which started after @p->base replications. */
void gs_cli_progress_update (guint64 done, guint64 count, gpointer p);
/* Ends the bar's line, if shown. */
void gs_cli_progress_done (GsCliProgress *p);

G_END_DECLS

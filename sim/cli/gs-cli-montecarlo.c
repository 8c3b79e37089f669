/* gs-cli-montecarlo.c — `govsim montecarlo` and `govsim merge`.
 *
 *   govsim montecarlo FILE [--runs N] [--threads T] [--seed S]
 *                          [--precision E] [--shard K/N] [--progress|--quiet]
 *                          [-o FILE]
 *   govsim merge PART... [-o FILE]
 *
 * `montecarlo` runs replications 0..N−1 of the scenario (or, with --shard,
 * the K-th of N contiguous slices of them) on a thread pool and prints the
 * study's report, or with --shard writes its exact sums as a part for
 * `merge`, which adds parts into exactly the report one run would print.
 * With --precision it runs in batches of GS_CLI_PRECISION_BATCH replications
 * and stops once every headline interval's half-width is below E (or --runs is
 * reached): the stopping point depends only on the arguments.  A progress
 * bar goes to standard error when it is a terminal (--progress forces it,
 * --quiet silences it).
 *
 * Built with GOVSIM_MPI (the CMake option of that name) and started by
 * mpirun on several ranks, rank k runs the (k+1)-th of as many contiguous
 * slices as there are ranks, each on its own threads; rank 0 gathers the
 * parts in rank order, merges them and prints exactly the report one
 * process would print.  The other ranks print nothing.
 */
#include "cli/gs-cli.h"

#include <govsim/gs-report.h>
#include <govsim/gs-scenario.h>
#include <govsim/gs-study.h>

#include <math.h>
#include <string.h>

#ifdef GOVSIM_MPI
#include <mpi.h>
#endif

/* "K/N" with 1 <= K <= N. */
static gboolean
parse_shard (const char *text, guint *k, guint *n)
{
  g_auto (GStrv) parts = g_strsplit (text, "/", 3);
  guint64 a, b;
  if (g_strv_length (parts) != 2
      || !g_ascii_string_to_unsigned (parts[0], 10, 1, G_MAXUINT, &a, NULL)
      || !g_ascii_string_to_unsigned (parts[1], 10, 1, G_MAXUINT, &b, NULL)
      || a > b)
    return FALSE;
  *k = (guint)a;
  *n = (guint)b;
  return TRUE;
}

#ifdef GOVSIM_MPI
/* Gathers every rank's study to rank 0 as parts, in rank order, and
 * merges them there into *@study.  Returns FALSE (on rank 0) if any rank
 * failed or a part could not be read. */
static gboolean
mpi_gather (GsStudy **study, gboolean ok, int rank, int size, guint64 first,
            guint64 count, guint64 total)
{
  g_autofree char *part
      = ok ? gs_study_to_part (*study, (guint)rank + 1, (guint)size, first,
                               count, total)
           : g_strdup ("");
  int len = (int)strlen (part) + 1;
  g_autofree int *lens = rank == 0 ? g_new0 (int, size) : NULL;
  MPI_Gather (&len, 1, MPI_INT, lens, 1, MPI_INT, 0, MPI_COMM_WORLD);
  g_autofree int *offs = rank == 0 ? g_new0 (int, size) : NULL;
  g_autofree char *all = NULL;
  if (rank == 0)
    {
      gsize sum = 0;
      for (int i = 0; i < size; i++)
        {
          offs[i] = (int)sum;
          sum += (gsize)lens[i];
        }
      all = g_malloc (sum);
    }
  MPI_Gatherv (part, len, MPI_CHAR, all, lens, offs, MPI_CHAR, 0,
               MPI_COMM_WORLD);
  if (rank != 0)
    return TRUE;
  const GsScenario *s = gs_study_get_scenario (*study);
  g_autoptr (GsStudy) whole = gs_study_new (s, gs_study_get_seed (*study));
  for (int i = 0; i < size; i++)
    {
      const char *text = all + offs[i];
      guint k, n;
      guint64 f, c, t;
      g_autoptr (GError) error = NULL;
      g_autoptr (GsStudy) p
          = *text ? gs_study_from_part (s, text, &k, &n, &f, &c, &t, &error)
                  : NULL;
      if (p == NULL || !gs_study_merge (whole, p, &error))
        {
          g_printerr ("govsim: rank %d: %s\n", i,
                      error ? error->message : "its replications failed");
          return FALSE;
        }
    }
  gs_study_free (*study);
  *study = g_steal_pointer (&whole);
  return TRUE;
}
#endif

static int montecarlo (int argc, char **argv, int rank, int size);

int
gs_cli_montecarlo (int argc, char **argv)
{
#ifdef GOVSIM_MPI
  int rank = 0, size = 1;
  MPI_Init (&argc, &argv);
  MPI_Comm_rank (MPI_COMM_WORLD, &rank);
  MPI_Comm_size (MPI_COMM_WORLD, &size);
  int status = montecarlo (argc, argv, rank, size);
  /* Rank 0's status is the command's. */
  MPI_Bcast (&status, 1, MPI_INT, 0, MPI_COMM_WORLD);
  MPI_Finalize ();
  return status;
#else
  return montecarlo (argc, argv, 0, 1);
#endif
}

/* The --table of a study's CSV; FALSE with the exit @status on a usage
 * error. */
static gboolean
study_table (GOptionContext *ctx, gboolean csv, const char *text,
             GsCsvStudyTable *table, int *status)
{
  *status = GS_EXIT_OK;
  if (text != NULL && !csv)
    *status = gs_cli_usage_error (ctx, "--table needs --format csv");
  else if (text != NULL && !gs_csv_study_table_from_string (text, table))
    *status = gs_cli_usage_error (ctx, "--table needs one of: headline, "
                                       "matters, bodies, breaches, proposals");
  return *status == GS_EXIT_OK;
}

/* The command line that reproduces @study of @source. */
static char *
study_command (const char *source, guint64 runs, guint64 seed)
{
  gboolean plain = source[0] != '\0';
  for (const char *c = source; *c; c++)
    plain &= g_ascii_isalnum (*c) || strchr ("/._-+,=:@", *c) != NULL;
  g_autofree char *quoted = plain ? g_strdup (source) : g_shell_quote (source);
  return g_strdup_printf ("govsim montecarlo %s --runs %" G_GUINT64_FORMAT
                          " --seed %" G_GUINT64_FORMAT,
                          quoted, runs, seed);
}

static int
montecarlo (int argc, char **argv, int rank, int size)
{
  gint64 runs = 1000, threads = -1, max_kib = 0;
  g_autofree char *seed_text = NULL, *output = NULL, *shard_text = NULL;
  gdouble precision = 0;
  gboolean progress = FALSE, quiet = FALSE;
  g_autofree char *format = NULL, *table_text = NULL;
  GOptionEntry entries[] = {
    { "runs", 'n', 0, G_OPTION_ARG_INT64, &runs,
      "Replications (default 1000; with --precision, the most)", "N" },
    { "threads", 'j', 0, G_OPTION_ARG_INT64, &threads,
      "Threads (default: one per processor); the results do not depend on "
      "it",
      "T" },
    { "seed", 's', 0, G_OPTION_ARG_STRING, &seed_text,
      "Random seed (default: the scenario's own)", "S" },
    { "precision", 0, 0, G_OPTION_ARG_DOUBLE, &precision,
      "Stop once every headline interval's half-width is below E", "E" },
    { "shard", 0, 0, G_OPTION_ARG_STRING, &shard_text,
      "Run the K-th of N slices of the replications and write its part "
      "for `govsim merge`",
      "K/N" },
    { "progress", 0, 0, G_OPTION_ARG_NONE, &progress,
      "Show progress on standard error even when it is not a terminal", NULL },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "Show no progress", NULL },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      "Report format: text (default), json, csv or html", "FORMAT" },
    { "table", 0, 0, G_OPTION_ARG_STRING, &table_text,
      "With --format csv, the table to write: headline (default), matters, "
      "bodies, breaches or proposals",
      "NAME" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      "Write the report (or part) to FILE, whole or not at all", "FILE" },
    { "max-size", 0, 0, G_OPTION_ARG_INT64, &max_kib,
      "Refuse scenario files larger than this (default 16384)", "KIB" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) ctx
      = g_option_context_new ("FILE — a Monte Carlo study of a scenario");
  g_option_context_set_summary (
      ctx, "Runs many replications of the scenario in FILE, each with its "
           "own random\ndraws, and reports how likely each outcome, gridlock "
           "and breach is, with\n95% intervals.  The same arguments give the "
           "same bytes on any number of\nthreads.");
  g_option_context_add_main_entries (ctx, entries, NULL);
  int status;
  if (!gs_cli_parse_options (ctx, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return gs_cli_usage_error (ctx, "montecarlo needs exactly one scenario "
                                    "file");
  if (runs < 1)
    return gs_cli_usage_error (ctx, "--runs must be at least 1");
  if (threads == -1)
    threads = 0; /* not given: one per processor */
  else if (threads < 1 || threads > 1024)
    return gs_cli_usage_error (ctx, "--threads must be 1 to 1024");
  if (precision < 0 || isnan (precision) || precision >= 1)
    return gs_cli_usage_error (ctx, "--precision must be between 0 and 1");
  gboolean json = FALSE, html = FALSE, csv = FALSE;
  if (format != NULL && strcmp (format, "json") == 0)
    json = TRUE;
  else if (format != NULL && strcmp (format, "html") == 0)
    html = TRUE;
  else if (format != NULL && strcmp (format, "csv") == 0)
    csv = TRUE;
  else if (format != NULL && strcmp (format, "text") != 0)
    return gs_cli_usage_error (ctx, "--format needs text, json, csv or html");
  GsCsvStudyTable table = GS_CSV_STUDY_HEADLINE;
  if (!study_table (ctx, csv, table_text, &table, &status))
    return status;
  guint shard = 1, shards = 1;
  if (shard_text != NULL && !parse_shard (shard_text, &shard, &shards))
    return gs_cli_usage_error (ctx, "--shard needs K/N with 1 <= K <= N");
  if (shard_text != NULL && precision > 0)
    return gs_cli_usage_error (ctx, "--precision cannot be used with --shard");
  if (shard_text != NULL && (html || csv))
    return gs_cli_usage_error (ctx, "--shard writes a part for `govsim "
                                    "merge`, which takes --format html or csv");
  if (size > 1 && (shard_text != NULL || precision > 0))
    return rank == 0 ? gs_cli_usage_error (ctx, "--shard and --precision "
                                                "cannot be used on several "
                                                "MPI ranks")
                     : GS_EXIT_BAD_INPUT;
  if (size > 1)
    {
      /* Rank k runs the (k+1)-th of as many slices as there are ranks. */
      shard = (guint)rank + 1;
      shards = (guint)size;
      quiet = quiet || rank != 0;
    }
  guint64 seed = 0;
  if (seed_text != NULL
      && !g_ascii_string_to_unsigned (seed_text, 10, 0, G_MAXUINT64, &seed,
                                      NULL))
    return gs_cli_usage_error (ctx, "--seed needs a whole number");

  g_autoptr (GsScenario) s = gs_cli_load (argv[1], max_kib);
  if (s == NULL)
    return GS_EXIT_BAD_INPUT;
  if (seed_text == NULL)
    seed = gs_scenario_get_default_seed (s);

  /* The K-th slice of 0..runs−1, contiguous. */
  guint64 total = (guint64)runs;
  guint64 first = total * (shard - 1) / shards;
  guint64 last = total * shard / shards;
  g_autoptr (GsStudy) study = gs_study_new (s, seed);
  GsCliProgress pg;
  gs_cli_progress_init (&pg, last - first, progress, quiet);
  g_autoptr (GError) error = NULL;
  guint64 done = 0;
  while (first + done < last)
    {
      guint64 batch = last - first - done;
      if (precision > 0)
        batch = MIN (batch, (guint64)GS_CLI_PRECISION_BATCH);
      pg.base = done;
      if (!gs_study_run (study, first + done, batch, (guint)threads,
                         gs_cli_progress_update, &pg, &error))
        {
          gs_cli_progress_done (&pg);
          g_printerr ("govsim: %s: %s\n", argv[1], error->message);
#ifdef GOVSIM_MPI
          if (size > 1)
            mpi_gather (&study, FALSE, rank, size, first, 0, total);
#endif
          return GS_EXIT_INTERNAL;
        }
      done += batch;
      if (precision > 0 && gs_study_headline_halfwidth (study) < precision)
        break;
    }
  gs_cli_progress_done (&pg);
#ifdef GOVSIM_MPI
  if (size > 1)
    {
      if (!mpi_gather (&study, TRUE, rank, size, first, done, total))
        return GS_EXIT_INTERNAL;
      if (rank != 0)
        return GS_EXIT_OK;
      g_clear_pointer (&shard_text, g_free); /* rank 0 prints the whole */
    }
#else
  (void)rank;
#endif

  g_autoptr (GString) text = g_string_new (NULL);
  if (shard_text != NULL)
    {
      g_autofree char *part
          = gs_study_to_part (study, shard, shards, first, done, total);
      g_string_append (text, part);
      g_string_append_c (text, '\n');
    }
  else if (json)
    gs_report_json_study (study, argv[1], text);
  else if (csv)
    gs_report_csv_study (study, table, text);
  else if (html)
    {
      /* The replications run reproduce the study whatever stopped it. */
      g_autofree char *command = study_command (argv[1], done, seed);
      GsStudyPage page = { .source = argv[1],
                           .command = command,
                           .precision = precision,
                           .max_runs = (guint64)runs };
      if (!gs_report_html_study (study, &page, text, &error))
        {
          g_printerr ("govsim: %s: %s\n", argv[1], error->message);
          return GS_EXIT_INTERNAL;
        }
    }
  else
    {
      gs_report_text_study (study, argv[1], text);
      if (precision > 0)
        g_string_append_printf (
            text, "\nStopped after %" G_GUINT64_FORMAT " replications: %s\n",
            done,
            gs_study_headline_halfwidth (study) < precision
                ? "every headline interval is narrower than asked"
                : "--runs reached before the precision asked for");
    }
  return gs_cli_emit (output, text);
}

int
gs_cli_merge (int argc, char **argv)
{
  g_autofree char *output = NULL;
  gint64 max_kib = 0;
  g_autofree char *scenario_path = NULL;
  g_autofree char *format = NULL, *table_text = NULL;
  GOptionEntry entries[]
      = { { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
            "Report format: text (default), json, csv or html", "FORMAT" },
          { "table", 0, 0, G_OPTION_ARG_STRING, &table_text,
            "With --format csv, the table to write: headline (default), "
            "matters, bodies, breaches or proposals",
            "NAME" },
          { "scenario", 0, 0, G_OPTION_ARG_FILENAME, &scenario_path,
            "The scenario the parts were run on (default: the file each part "
            "names)",
            "FILE" },
          { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
            "Write the report to FILE, whole or not at all", "FILE" },
          { "max-size", 0, 0, G_OPTION_ARG_INT64, &max_kib,
            "Refuse scenario files larger than this (default 16384)", "KIB" },
          G_OPTION_ENTRY_NULL };
  g_autoptr (GOptionContext) ctx = g_option_context_new (
      "PART... — combine the shards of one Monte Carlo study");
  g_option_context_set_summary (
      ctx, "Adds the parts written by `govsim montecarlo --shard K/N` into "
           "the report\none `govsim montecarlo` run would have printed.");
  g_option_context_add_main_entries (ctx, entries, NULL);
  int status;
  if (!gs_cli_parse_options (ctx, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return gs_cli_usage_error (ctx, "merge needs at least one part");
  if (format != NULL && strcmp (format, "text") != 0
      && strcmp (format, "json") != 0 && strcmp (format, "csv") != 0
      && strcmp (format, "html") != 0)
    return gs_cli_usage_error (ctx, "--format needs text, json, csv or html");
  gboolean csv = format != NULL && strcmp (format, "csv") == 0;
  GsCsvStudyTable table = GS_CSV_STUDY_HEADLINE;
  if (!study_table (ctx, csv, table_text, &table, &status))
    return status;

  g_autoptr (GsScenario) s = NULL;
  g_autoptr (GsStudy) whole = NULL;
  guint want_shards = 0;
  guint64 want_total = 0;
  g_autofree gboolean *seen = NULL;
  g_autofree char *source = NULL;
  for (int i = 1; i < argc; i++)
    {
      g_autofree char *text = NULL;
      g_autoptr (GError) error = NULL;
      if (!g_file_get_contents (argv[i], &text, NULL, &error))
        {
          g_printerr ("govsim: %s\n", error->message);
          return GS_EXIT_BAD_INPUT;
        }
      if (s == NULL)
        {
          /* The scenario a part names, unless given: each part says which
           * file it was run on. */
          if (scenario_path == NULL)
            {
              scenario_path = gs_study_part_file (text, &error);
              if (scenario_path == NULL)
                {
                  g_printerr ("govsim: %s: %s\n", argv[i], error->message);
                  return GS_EXIT_BAD_INPUT;
                }
            }
          s = gs_cli_load (scenario_path, max_kib);
          if (s == NULL)
            return GS_EXIT_BAD_INPUT;
          source = g_strdup (scenario_path);
        }
      guint shard, shards;
      guint64 first, count, total;
      g_autoptr (GsStudy) part = gs_study_from_part (
          s, text, &shard, &shards, &first, &count, &total, &error);
      if (part == NULL)
        {
          g_printerr ("govsim: %s: %s\n", argv[i], error->message);
          return GS_EXIT_BAD_INPUT;
        }
      if (whole == NULL)
        {
          want_shards = shards;
          want_total = total;
          seen = g_new0 (gboolean, shards + 1);
          whole = gs_study_new (s, gs_study_get_seed (part));
        }
      if (shards != want_shards || total != want_total
          || count != total * shard / shards - total * (shard - 1) / shards
          || first != total * (shard - 1) / shards)
        {
          g_printerr ("govsim: %s: shard %u/%u of %" G_GUINT64_FORMAT
                      " replications does not belong with the first part's "
                      "%u shards of %" G_GUINT64_FORMAT "\n",
                      argv[i], shard, shards, total, want_shards, want_total);
          return GS_EXIT_BAD_INPUT;
        }
      if (seen[shard])
        {
          g_printerr ("govsim: %s: shard %u/%u given twice\n", argv[i], shard,
                      shards);
          return GS_EXIT_BAD_INPUT;
        }
      seen[shard] = TRUE;
      if (!gs_study_merge (whole, part, &error))
        {
          g_printerr ("govsim: %s: %s\n", argv[i], error->message);
          return GS_EXIT_BAD_INPUT;
        }
    }
  for (guint k = 1; k <= want_shards; k++)
    if (!seen[k])
      {
        g_printerr ("govsim: merge: shard %u/%u is missing\n", k, want_shards);
        return GS_EXIT_BAD_INPUT;
      }
  g_autoptr (GString) text = g_string_new (NULL);
  if (format != NULL && strcmp (format, "json") == 0)
    gs_report_json_study (whole, source, text);
  else if (csv)
    gs_report_csv_study (whole, table, text);
  else if (format != NULL && strcmp (format, "html") == 0)
    {
      /* The page of the study the parts add up to: one run of all the
       * replications with the same seed reproduces it. */
      guint64 reps = gs_study_n_replications (whole);
      g_autofree char *command
          = study_command (source, reps, gs_study_get_seed (whole));
      GsStudyPage page = {
        .source = source, .command = command, .precision = 0, .max_runs = reps
      };
      g_autoptr (GError) error = NULL;
      if (!gs_report_html_study (whole, &page, text, &error))
        {
          g_printerr ("govsim: %s: %s\n", source, error->message);
          return GS_EXIT_INTERNAL;
        }
    }
  else
    gs_report_text_study (whole, source, text);
  return gs_cli_emit (output, text);
}

/* gs-cli-compare.c — `govsim compare`: versions of the terms of reference
 * side by side on common random numbers.
 *
 *   govsim compare A.xml B.xml                     two files
 *   govsim compare A.xml B.xml --variant SPEC      A against B with SPEC
 *   govsim compare FILE                            as written against each
 *                                                  of the file's <variant>s
 *   govsim compare FILE --variant NAME             ... against that one
 *   govsim compare FILE --variant 'NAME: TARGET=VALUE; ...'
 *   govsim compare FILE --sweep 'TARGET=A..B[:STEP]' [--sweep ...]
 *                       [--variant ...] [--format text|csv|json]
 *
 * with [--runs N] [--threads T] [--seed S] [--precision E] [--top K]
 * [--progress|--quiet] [-o FILE].  The first version is the baseline (the
 * first file, or FILE as written).  With two files, --variant applies to
 * the second (a name is one of its <variant>s), each variant a version;
 * --sweep is refused, since a sweep's rows are differences from one file
 * as written.  --precision runs GS_CLI_PRECISION_BATCH replications at a
 * time until every headline probability's paired interval is narrower
 * than asked (gs_compare_precision()), or --runs is reached.  Every
 * version is validated by the schema and checked for meaning before
 * anything runs; a bad target, an unknown id or variant, a value the
 * schema refuses or a sweep with no values is bad input (exit 2).  With
 * --sweep, each point of the grid of the sweeps' values is one version
 * (on top of the one --variant, if given), reported one row per point.
 */
#include "cli/gs-cli.h"

#include <govsim/gs-compare-report.h>
#include <govsim/gs-compare.h>
#include <govsim/gs-limits.h>
#include <govsim/gs-variant.h>

#include <math.h>
#include <string.h>

/* The versions being compared: terms, labels and files, index 0 the
 * baseline. */
typedef struct
{
  GPtrArray *terms;  /* GsTerms */
  GPtrArray *labels; /* char * */
  GPtrArray *files;  /* char * */
  GPtrArray *points; /* char ** per version ≥ 1, for sweeps */
} Versions;

static void
versions_clear (Versions *vs)
{
  g_ptr_array_unref (vs->terms);
  g_ptr_array_unref (vs->labels);
  g_ptr_array_unref (vs->files);
  g_ptr_array_unref (vs->points);
}

static void
versions_add (Versions *vs, GsTerms *t, const char *label, const char *file)
{
  g_ptr_array_add (vs->terms, t);
  g_ptr_array_add (vs->labels, g_strdup (label));
  g_ptr_array_add (vs->files, g_strdup (file));
}

static gboolean
build (Versions *vs, const GsSource *src, const GsVariant *v, const char *label)
{
  g_autoptr (GError) error = NULL;
  GsTerms *t = gs_source_build (src, v, &error);
  if (t == NULL)
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  versions_add (vs, t, label, gs_source_get_name (src));
  return TRUE;
}

/* The variant --variant @spec names: inline, or one of the file's. */
static GsVariant *
variant_of (const GsSource *src, const char *spec)
{
  g_autoptr (GError) error = NULL;
  if (strchr (spec, ':') != NULL)
    {
      GsVariant *v = gs_variant_parse (spec, &error);
      if (v == NULL)
        g_printerr ("govsim compare: %s\n", error->message);
      return v;
    }
  g_autofree char *name = g_strstrip (g_strdup (spec));
  const GsVariant *v = gs_source_find_variant (src, name);
  if (v != NULL)
    return gs_variant_copy (v);
  g_autoptr (GString) known = g_string_new (NULL);
  for (guint i = 0; i < gs_source_n_variants (src); i++)
    g_string_append_printf (
        known, "%s%s", i ? ", " : "",
        gs_variant_get_name (gs_source_get_variant (src, i)));
  g_printerr ("govsim compare: %s has no variant '%s' (%s%s); an inline "
              "variant is 'NAME: TARGET=VALUE; ...'\n",
              gs_source_get_name (src), name,
              known->len ? "its variants: " : "it has none", known->str);
  return NULL;
}

/* The versions of a sweep grid: every combination of the sweeps' values,
 * the last sweep varying fastest. */
static gboolean
build_grid (Versions *vs, const GsSource *src, const GsVariant *on,
            GPtrArray *sweeps)
{
  guint64 points = 1;
  for (guint s = 0; s < sweeps->len; s++)
    {
      const GsSweep *sw = g_ptr_array_index (sweeps, s);
      points *= g_strv_length (sw->values);
      if (points > GS_LIMIT_SWEEP_MAX)
        {
          g_printerr ("govsim compare: the sweeps make more than %d points\n",
                      GS_LIMIT_SWEEP_MAX);
          return FALSE;
        }
    }
  for (guint64 p = 0; p < points; p++)
    {
      g_autoptr (GsVariant) v = NULL;
      char **values = g_new0 (char *, sweeps->len + 1);
      g_ptr_array_add (vs->points, values);
      GString *label = g_string_new (NULL);
      guint64 rest = p;
      for (guint s = sweeps->len; s-- > 0;)
        {
          const GsSweep *sw = g_ptr_array_index (sweeps, s);
          guint n = g_strv_length (sw->values);
          values[s] = g_strdup (sw->values[rest % n]);
          rest /= n;
        }
      v = on ? gs_variant_copy (on) : gs_variant_new ("sweep");
      for (guint s = 0; s < sweeps->len; s++)
        {
          const GsSweep *sw = g_ptr_array_index (sweeps, s);
          g_autofree char *setting
              = g_strdup_printf ("%s=%s", sw->target, values[s]);
          g_autoptr (GError) error = NULL;
          if (!gs_variant_add (v, setting, 0, &error))
            {
              g_printerr ("govsim compare: %s\n", error->message);
              g_string_free (label, TRUE);
              return FALSE;
            }
          g_string_append_printf (label, "%s%s", s ? "; " : "", setting);
        }
      gboolean ok = build (vs, src, v, label->str);
      g_string_free (label, TRUE);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

typedef struct
{
  int argc;
  char **argv;
  gsize cap;
  char **variants;   /* --variant, or NULL */
  GPtrArray *sweeps; /* GsSweep */
  guint64 runs;
  guint threads;
  guint64 seed;
  gboolean seed_given;
  guint top;
  gboolean json, csv, html;
  GsCsvCompareTable table; /* with csv, not a sweep */
  const char *output;
  double precision;
  gboolean progress, quiet;
} Options;

/* Builds the versions into @vs, runs them and writes the report. */
static int
run_compare (const Options *o, Versions *vs)
{
  guint64 seed = o->seed;
  g_autoptr (GsSource) src = NULL;
  g_autoptr (GsSource) second = NULL;
  g_autoptr (GError) error = NULL;
  src = gs_source_load_file (o->argv[1], o->cap, &error);
  if (src == NULL)
    {
      g_printerr ("%s\n", error->message);
      return GS_EXIT_BAD_INPUT;
    }
  if (!build (vs, src, NULL, o->argc == 3 ? o->argv[1] : "as written"))
    return GS_EXIT_BAD_INPUT;
  if (o->argc == 3)
    {
      second = gs_source_load_file (o->argv[2], o->cap, &error);
      if (second == NULL)
        {
          g_printerr ("%s\n", error->message);
          return GS_EXIT_BAD_INPUT;
        }
      if (o->variants == NULL && !build (vs, second, NULL, o->argv[2]))
        return GS_EXIT_BAD_INPUT;
      /* Each --variant is applied to the second file: the draft against
       * the first as written. */
      for (char **s = o->variants; s && *s; s++)
        {
          g_autoptr (GsVariant) v = variant_of (second, *s);
          if (v == NULL || !build (vs, second, v, gs_variant_get_name (v)))
            return GS_EXIT_BAD_INPUT;
        }
    }
  else if (o->sweeps->len > 0)
    {
      g_autoptr (GsVariant) on
          = o->variants ? variant_of (src, o->variants[0]) : NULL;
      if (o->variants != NULL && on == NULL)
        return GS_EXIT_BAD_INPUT;
      if (!build_grid (vs, src, on, o->sweeps))
        return GS_EXIT_BAD_INPUT;
    }
  else if (o->variants != NULL)
    {
      for (char **s = o->variants; *s; s++)
        {
          g_autoptr (GsVariant) v = variant_of (src, *s);
          if (v == NULL || !build (vs, src, v, gs_variant_get_name (v)))
            return GS_EXIT_BAD_INPUT;
        }
    }
  else
    {
      if (gs_source_n_variants (src) == 0)
        {
          g_printerr ("govsim compare: %s has no <variant>: give "
                      "--variant, --sweep or a second file\n",
                      o->argv[1]);
          return GS_EXIT_BAD_INPUT;
        }
      for (guint i = 0; i < gs_source_n_variants (src); i++)
        {
          const GsVariant *v = gs_source_get_variant (src, i);
          if (!build (vs, src, v, gs_variant_get_name (v)))
            return GS_EXIT_BAD_INPUT;
        }
    }

  guint n = vs->terms->len;
  g_autofree const GsScenario **scen = g_new (const GsScenario *, n);
  for (guint v = 0; v < n; v++)
    scen[v] = gs_terms_get_scenario (g_ptr_array_index (vs->terms, v));
  if (!o->seed_given)
    seed = gs_scenario_get_default_seed (scen[0]);
  g_autoptr (GsCompare) cmp
      = gs_compare_new (scen, (const char *const *)vs->labels->pdata, n, seed);
  GsCliProgress pg;
  gs_cli_progress_init (&pg, o->runs, o->progress, o->quiet);
  guint64 done = 0;
  while (done < o->runs)
    {
      guint64 batch = o->runs - done;
      if (o->precision > 0)
        batch = MIN (batch, (guint64)GS_CLI_PRECISION_BATCH);
      pg.base = done;
      if (!gs_compare_run_progress (cmp, done, batch, o->threads,
                                    gs_cli_progress_update, &pg, &error))
        {
          gs_cli_progress_done (&pg);
          g_printerr ("govsim: %s: %s\n", o->argv[1], error->message);
          return GS_EXIT_INTERNAL;
        }
      done += batch;
      if (o->precision > 0 && gs_compare_precision (cmp) < o->precision)
        break;
    }
  gs_cli_progress_done (&pg);

  g_autoptr (GString) text = g_string_new (NULL);
  if (o->sweeps->len > 0)
    {
      g_autofree const char **targets = g_new (const char *, o->sweeps->len);
      for (guint s = 0; s < o->sweeps->len; s++)
        targets[s] = ((GsSweep *)g_ptr_array_index (o->sweeps, s))->target;
      GsSweepReport sr = { .cmp = cmp,
                           .source = o->argv[1],
                           .n_targets = o->sweeps->len,
                           .targets = targets,
                           .values = (char ***)vs->points->pdata };
      if (o->html && !gs_report_html_sweep (&sr, text, &error))
        {
          g_printerr ("govsim: %s: %s\n", o->argv[1], error->message);
          return GS_EXIT_INTERNAL;
        }
      if (o->json)
        gs_report_json_sweep (&sr, text);
      else if (o->csv)
        gs_report_csv_sweep (&sr, text);
      else if (!o->html)
        gs_report_text_sweep (&sr, text);
    }
  else
    {
      g_autofree GPtrArray **changes = g_new0 (GPtrArray *, n);
      g_autofree GPtrArray **appeared = g_new0 (GPtrArray *, n);
      g_autofree GPtrArray **vanished = g_new0 (GPtrArray *, n);
      for (guint v = 1; v < n; v++)
        {
          changes[v] = gs_terms_diff (g_ptr_array_index (vs->terms, 0),
                                      g_ptr_array_index (vs->terms, v));
          gs_compare_findings (scen[0], scen[v], &appeared[v], &vanished[v]);
        }
      GsCompareReport cr = { .cmp = cmp,
                             .files = (const char *const *)vs->files->pdata,
                             .changes = changes,
                             .appeared = appeared,
                             .vanished = vanished,
                             .top = o->top };
      gboolean drawn = TRUE;
      if (o->json)
        gs_report_json_compare (&cr, text);
      else if (o->csv)
        gs_report_csv_compare (&cr, o->table, text);
      else if (o->html)
        drawn = gs_report_html_compare (&cr, text, &error);
      else
        gs_report_text_compare (&cr, text);
      for (guint v = 1; v < n; v++)
        {
          g_ptr_array_unref (changes[v]);
          g_ptr_array_unref (appeared[v]);
          g_ptr_array_unref (vanished[v]);
        }
      if (!drawn)
        {
          g_printerr ("govsim: %s: %s\n", o->argv[1], error->message);
          return GS_EXIT_INTERNAL;
        }
    }
  if (o->precision > 0 && !o->json && !o->csv && !o->html)
    g_string_append_printf (
        text, "\nStopped after %" G_GUINT64_FORMAT " replications: %s\n", done,
        gs_compare_precision (cmp) < o->precision
            ? "every paired interval of a headline probability is narrower "
              "than asked"
            : "--runs reached before the precision asked for");
  return gs_cli_emit (o->output, text);
}

int
gs_cli_compare (int argc, char **argv)
{
  gint64 runs = 1000, threads = -1, max_kib = 0, top = 10;
  gdouble precision = 0;
  gboolean progress = FALSE, quiet = FALSE;
  g_autofree char *seed_text = NULL, *output = NULL, *format = NULL;
  g_autofree char *table_text = NULL;
  g_auto (GStrv) variant_specs = NULL, sweep_specs = NULL;
  GOptionEntry entries[] = {
    { "variant", 'V', 0, G_OPTION_ARG_STRING_ARRAY, &variant_specs,
      "A variant: the name of one in the file, or 'NAME: TARGET=VALUE; ...' "
      "(repeatable)",
      "SPEC" },
    { "sweep", 'S', 0, G_OPTION_ARG_STRING_ARRAY, &sweep_specs,
      "One version per value: 'TARGET=A..B[:STEP]' or 'TARGET=V1,V2,...' "
      "(several make a grid)",
      "SPEC" },
    { "runs", 'n', 0, G_OPTION_ARG_INT64, &runs,
      "Replications of each version (default 1000; with --precision, the "
      "most)",
      "N" },
    { "precision", 0, 0, G_OPTION_ARG_DOUBLE, &precision,
      "Stop once every headline probability's paired interval has a "
      "half-width below E",
      "E" },
    { "progress", 0, 0, G_OPTION_ARG_NONE, &progress,
      "Show progress on standard error even when it is not a terminal", NULL },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "Show no progress", NULL },
    { "threads", 'j', 0, G_OPTION_ARG_INT64, &threads,
      "Threads (default: one per processor); the results do not depend on "
      "it",
      "T" },
    { "seed", 's', 0, G_OPTION_ARG_STRING, &seed_text,
      "Random seed (default: the baseline's own)", "S" },
    { "top", 0, 0, G_OPTION_ARG_INT64, &top,
      "Proposals listed whose fate changes most (default 10)", "K" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      "Report format: text (default), json, csv or html", "FORMAT" },
    { "table", 0, 0, G_OPTION_ARG_STRING, &table_text,
      "With --format csv (not a sweep), the table to write: headline "
      "(default), bodies, terms, findings or fates",
      "NAME" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      "Write the report to FILE, whole or not at all", "FILE" },
    { "max-size", 0, 0, G_OPTION_ARG_INT64, &max_kib,
      "Refuse scenario files larger than this (default 16384)", "KIB" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) ctx = g_option_context_new (
      "A.xml B.xml | FILE [--variant SPEC]... [--sweep SPEC]... — compare "
      "terms of reference");
  g_option_context_set_summary (
      ctx,
      "Runs versions of a scenario on the same replications with the same "
      "keyed\ndraws (common random numbers) and reports what changes: the "
      "settings, the\ncheck findings, every headline and body figure with "
      "its paired difference,\nand the proposals whose fate changes.\n\n"
      "A target names an element by id, a path below it and an attribute:\n"
      "  alliance-jc/voting@rule=simple-majority   fic/quorum@present=4\n"
      "  gwh-fic-capital@limit=2000000   alliance-jc/member[person=nv-ned]"
      "@chair=true\n  @seed=7 (the scenario element)   -gwh-lock (remove "
      "the element)\n  +alliance-jc/member[person=nv-dep] (add an element; "
      "'before STEP' to place it)");
  g_option_context_add_main_entries (ctx, entries, NULL);
  int status;
  if (!gs_cli_parse_options (ctx, &argc, &argv, &status))
    return status;
  if (argc != 2 && argc != 3)
    return gs_cli_usage_error (ctx, "compare needs one scenario file (with "
                                    "variants) or two");
  if (argc == 3 && sweep_specs != NULL)
    return gs_cli_usage_error (
        ctx, "--sweep needs one file: its rows are differences from that "
             "file as written; sweep the second file alone, or put the "
             "first file's settings in one of its <variant>s");
  if (variant_specs != NULL
      && g_strv_length (variant_specs) >= GS_LIMIT_SWEEP_MAX)
    {
      g_autofree char *msg
          = g_strdup_printf ("more than %d variants", GS_LIMIT_SWEEP_MAX - 1);
      return gs_cli_usage_error (ctx, msg);
    }
  if (runs < 1)
    return gs_cli_usage_error (ctx, "--runs must be at least 1");
  if (top < 0)
    return gs_cli_usage_error (ctx, "--top must be 0 or more");
  if (precision < 0 || isnan (precision) || precision >= 1)
    return gs_cli_usage_error (ctx, "--precision must be between 0 and 1");
  if (threads == -1)
    threads = 0;
  else if (threads < 1 || threads > 1024)
    return gs_cli_usage_error (ctx, "--threads must be 1 to 1024");
  gboolean json = FALSE, csv = FALSE, html = FALSE;
  if (format != NULL && strcmp (format, "json") == 0)
    json = TRUE;
  else if (format != NULL && strcmp (format, "csv") == 0)
    csv = TRUE;
  else if (format != NULL && strcmp (format, "html") == 0)
    html = TRUE;
  else if (format != NULL && strcmp (format, "text") != 0)
    return gs_cli_usage_error (ctx, "--format needs text, json, csv or html");
  GsCsvCompareTable table = GS_CSV_COMPARE_HEADLINE;
  if (table_text != NULL && (!csv || sweep_specs != NULL))
    return gs_cli_usage_error (ctx, "--table needs --format csv and no "
                                    "--sweep");
  if (table_text != NULL
      && !gs_csv_compare_table_from_string (table_text, &table))
    return gs_cli_usage_error (ctx, "--table needs one of: headline, bodies, "
                                    "terms, findings, fates");
  if (sweep_specs != NULL && variant_specs != NULL
      && g_strv_length (variant_specs) > 1)
    return gs_cli_usage_error (ctx, "a sweep runs on top of at most one "
                                    "--variant");
  guint64 seed = 0;
  if (seed_text != NULL
      && !g_ascii_string_to_unsigned (seed_text, 10, 0, G_MAXUINT64, &seed,
                                      NULL))
    return gs_cli_usage_error (ctx, "--seed needs a whole number");

  /* Sweeps are read before any file, so a bad one fails fast. */
  g_autoptr (GPtrArray) sweeps
      = g_ptr_array_new_with_free_func ((GDestroyNotify)gs_sweep_free);
  for (char **s = sweep_specs; s && *s; s++)
    {
      g_autoptr (GError) error = NULL;
      GsSweep *sw = gs_sweep_parse (*s, &error);
      if (sw == NULL)
        {
          g_printerr ("govsim compare: %s\n", error->message);
          return GS_EXIT_BAD_INPUT;
        }
      g_ptr_array_add (sweeps, sw);
    }

  Versions vs = {
    .terms = g_ptr_array_new_with_free_func ((GDestroyNotify)gs_terms_free),
    .labels = g_ptr_array_new_with_free_func (g_free),
    .files = g_ptr_array_new_with_free_func (g_free),
    .points = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev),
  };
  Options o = { .argc = argc,
                .argv = argv,
                .cap = max_kib > 0 ? (gsize)max_kib * 1024 : 0,
                .variants = variant_specs,
                .sweeps = sweeps,
                .runs = (guint64)runs,
                .threads = (guint)threads,
                .seed = seed,
                .seed_given = seed_text != NULL,
                .top = (guint)MIN (top, G_MAXUINT),
                .json = json,
                .csv = csv,
                .table = table,
                .html = html,
                .output = output,
                .precision = precision,
                .progress = progress,
                .quiet = quiet };
  int rc = run_compare (&o, &vs);
  versions_clear (&vs);
  return rc;
}

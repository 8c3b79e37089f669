/* gs-compare-report.h — a comparison of versions of the terms of reference
 * in words, tables, CSV and JSON.
 *
 * The writers format what gs-compare.h computed and what the front end
 * gathered beside it (the diff of the terms and the check findings that
 * appear or vanish); they count nothing.  The same comparison gives the
 * same bytes whatever the locale or the number of threads.
 */
#pragma once

#include <glib.h>
#include <govsim/gs-compare.h>

G_BEGIN_DECLS

/* What a comparison report shows besides the comparison itself; the
 * arrays are indexed by version, entry 0 (the baseline) unused. */
typedef struct
{
  const GsCompare *cmp;
  const char *const *files; /* [v]: the file each version came from */
  GPtrArray **changes;      /* [v]: GsTermsChange, against the baseline */
  GPtrArray **appeared;     /* [v]: GsFinding of v the baseline lacks */
  GPtrArray **vanished;     /* [v]: GsFinding of the baseline v lacks */
  guint top;                /* proposals listed per version */
} GsCompareReport;

/**
 * gs_report_text_compare:
 * Appends, for each version against the baseline: the settings that
 * differ (with their lines), the check findings that appear or vanish,
 * the headline and each body side by side with the paired difference, its
 * interval, the unpaired interval two independent studies would give and
 * a mark where the paired interval excludes zero, then the transition
 * table of the cases' fates and the proposals whose fate changes most.
 */
void gs_report_text_compare (const GsCompareReport *report, GString *out);

/** The same as a JSON document of kind "comparison". */
void gs_report_json_compare (const GsCompareReport *report, GString *out);

/* The tables of a comparison that `govsim compare --format csv --table
 * NAME` writes (not a sweep's, which has one table). */
typedef enum
{
  GS_CSV_COMPARE_HEADLINE, /* each version's headline against the baseline */
  GS_CSV_COMPARE_BODIES,   /* the same for each body */
  GS_CSV_COMPARE_TERMS,    /* the settings that differ, with their lines */
  GS_CSV_COMPARE_FINDINGS, /* check findings that appear or vanish */
  GS_CSV_COMPARE_FATES,    /* transitions of the cases' fates */
} GsCsvCompareTable;

#define GS_N_CSV_COMPARE_TABLES (GS_CSV_COMPARE_FATES + 1)

/** Parses a comparison table name; FALSE when it is not one. */
gboolean gs_csv_compare_table_from_string (const char *text,
                                           GsCsvCompareTable *out);

/** The comparison as CSV: @table, header row first, the figures of
 * gs_report_json_compare(). */
void gs_report_csv_compare (const GsCompareReport *report,
                            GsCsvCompareTable table, GString *out);

/* A sweep: version v ≥ 1 set targets[t] to values[v − 1][t]. */
typedef struct
{
  const GsCompare *cmp;
  const char *source;
  guint n_targets;
  const char *const *targets;
  char ***values;
} GsSweepReport;

/** One row per point of the sweep: its values, the headline with
 * intervals and the paired difference from the file as written. */
void gs_report_text_sweep (const GsSweepReport *report, GString *out);
/** The same as CSV: a header row, then one row per point. */
void gs_report_csv_sweep (const GsSweepReport *report, GString *out);
/** The same as a JSON document of kind "sweep". */
void gs_report_json_sweep (const GsSweepReport *report, GString *out);

/**
 * gs_report_html_compare:
 * Appends the comparison as one self-contained HTML page: what the text
 * says, with side-by-side bars of each version's headline figures and the
 * paired differences with their intervals (cairo charts).
 * Returns: FALSE with @error (GS_WRITE_ERROR_CHART) if a chart could not
 * be drawn.
 */
gboolean gs_report_html_compare (const GsCompareReport *report, GString *out,
                                 GError **error);

/** The sweep as one self-contained HTML page: its table and lines of the
 * headline figures against the swept value. */
gboolean gs_report_html_sweep (const GsSweepReport *report, GString *out,
                               GError **error);

G_END_DECLS

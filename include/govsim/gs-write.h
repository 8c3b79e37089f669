/* gs-write.h — reports for programs, spreadsheets, board papers and
 * diagrams: JSON, CSV, HTML and Graphviz.
 *
 * Like the text writer (gs-report.h) these append to a GString and never
 * touch a file; they format what the run and the analysis layer computed
 * and count nothing themselves.  The same run gives the same bytes, in any
 * locale.
 *
 * JSON documents follow the design's output conventions (§8) and the JSON
 * Schemas shipped in schemas/ (govsim-KIND-N.schema.json, N =
 * GS_OUTPUT_SCHEMA).  CSV is RFC 4180: UTF-8 without a byte-order mark,
 * CRLF line ends, a header row, fields quoted when they hold a comma, a
 * quote or a line break.  HTML is one self-contained file: no scripts, no
 * fetched fonts, stylesheets or images, every scenario string escaped.
 */
#pragma once

#include <glib.h>
#include <govsim/gs-checks.h>
#include <govsim/gs-run.h>
#include <govsim/gs-summary.h>

G_BEGIN_DECLS

/* The version of the output schemas (JSON documents and CSV columns);
 * bumped on an incompatible change. */
#define GS_OUTPUT_SCHEMA 1

#define GS_WRITE_ERROR (gs_write_error_quark ())
GQuark gs_write_error_quark (void);

typedef enum
{
  GS_WRITE_ERROR_GRAPHVIZ, /* Graphviz could not lay out or render */
  GS_WRITE_ERROR_CHART,    /* cairo could not draw a chart */
} GsWriteError;

/**
 * gs_report_json_run:
 * Appends the run as one JSON document of kind "run": the period, the
 * headline, where decisions gridlock, breaches (counts by kind and each
 * breach with its chain), proposals by matter type, decisions by body and
 * matter, meetings by body, gateways, every case with its outcome and, when
 * @with_records, the trace: every record the run kept as an object whose
 * keys are the record table's field names (gs-record.h).
 */
void gs_report_json_run (const GsRun *run, const GsSummary *summary,
                         gboolean with_records, GString *out);

/* The tables of a run that `govsim run --format csv --table NAME` writes. */
typedef enum
{
  GS_CSV_PROPOSALS, /* one row per case: outcome, dates, days */
  GS_CSV_MATTERS,   /* proposals by matter type */
  GS_CSV_TALLIES,   /* body × matter: decisions of each body */
  GS_CSV_BODIES,    /* meetings and stalls by body */
  GS_CSV_MEETINGS,  /* one row per meeting held (from the records) */
  GS_CSV_GATEWAYS,  /* each gateway of each explicit pathway */
  GS_CSV_BREACHES,  /* one row per breach of a delegation limit */
  GS_CSV_RECORDS,   /* every record, a column per field of the table */
} GsCsvTable;

#define GS_N_CSV_TABLES (GS_CSV_RECORDS + 1)

/** The machine name of @table ("proposals", "tallies", ...). */
const char *gs_csv_table_to_string (GsCsvTable table);
/** Parses a table name; FALSE when it is not one. */
gboolean gs_csv_table_from_string (const char *text, GsCsvTable *out);

/**
 * gs_report_csv_run:
 * Appends @table of the run as CSV (RFC 4180), header row first.
 */
void gs_report_csv_run (const GsRun *run, const GsSummary *summary,
                        GsCsvTable table, GString *out);

/* One file `govsim check` looked at: loaded (@scenario and @findings), or
 * not (@scenario NULL, @errors the loader's "file:line: message" lines). */
typedef struct
{
  const char *file;
  const GsScenario *scenario; /* or NULL */
  const GPtrArray *findings;  /* GsFinding, or NULL */
  const char *errors;         /* when it did not load; lines */
} GsCheckedFile;

/**
 * gs_check_write_json:
 * Appends the review of @n_files files as one JSON document of kind
 * "check": per file its header, whether it loaded, its load errors and
 * its findings (rule id, severity, title, basis, line, message and the
 * elements named, each with its line), and the counts by severity.  The
 * top-level "scenario" is the file's header when there is one file.
 */
void gs_check_write_json (const GsCheckedFile *files, guint n_files,
                          GsSeverity fail_on, GString *out);

/**
 * gs_check_write_csv:
 * Appends the findings of @n_files files as CSV, one row per finding.
 */
void gs_check_write_csv (const GsCheckedFile *files, guint n_files,
                         GString *out);

typedef enum
{
  GS_GRAPH_DOT, /* Graphviz DOT, through cgraph */
  GS_GRAPH_SVG, /* laid out by dot and rendered as SVG, through gvc */
} GsGraphFormat;

/**
 * gs_graph_write:
 * Appends the structure of @scenario: organisations as clusters holding
 * their bodies, joint committees and committees in common with their
 * memberships and constituents, delegations labelled with their matters
 * and limits, pathways as chains of gateways, escalation ladders as chains
 * of levels; what @findings (nullable) blame drawn in red.
 * Returns: FALSE with @error (GS_WRITE_ERROR_GRAPHVIZ) if Graphviz failed.
 */
gboolean gs_graph_write (const GsScenario *scenario, const GPtrArray *findings,
                         GsGraphFormat format, GString *out, GError **error);

/**
 * gs_report_html_run:
 * Appends the run as one self-contained HTML page for a board paper: the
 * headline, where decisions gridlock and breach (each breach with its
 * chain), the structure drawn by Graphviz with @findings (nullable)
 * marked, charts drawn by cairo (outcomes by matter type, days to
 * decision, each body's backlog over the period), tables per body and
 * matter, the findings, and each journey as a collapsible <details>.
 * Returns: FALSE with @error if a picture could not be drawn.
 */
gboolean gs_report_html_run (const GsRun *run, const GsSummary *summary,
                             const GPtrArray *findings, GString *out,
                             GError **error);

G_END_DECLS

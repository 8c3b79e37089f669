/* gs-report.h — turning a run into words a board member can read.
 *
 * The writers append to a GString and never touch a file or a stream; the
 * front end decides where the text goes.  They format what the run and the
 * analysis layer computed and never count anything themselves.  Output depends
 * only on the run, so the same scenario and seed give the same bytes.
 */
#pragma once

#include <glib.h>
#include <govsim/gs-run.h>
#include <govsim/gs-study.h>
#include <govsim/gs-summary.h>

G_BEGIN_DECLS

/**
 * gs_report_text_summary:
 * Appends the summary @summary of @run: the headline; "where decisions
 * gridlock", the bodies and gateways that caused the most deadlock or
 * delay, ranked, in sentences; where decisions breached delegation limits;
 * proposals by matter type and decisions by body and matter (approved,
 * rejected, gridlocked, pending, median and 90th-percentile days, missed
 * deadlines, escalations and levels climbed); gateways; and meetings by
 * body.  It reads only counters and cases, so it is the same whether or
 * not the run kept records.
 */
void gs_report_text_summary (const GsRun *run, const GsSummary *summary,
                             GString *out);

/**
 * gs_report_text_journeys:
 * Appends each proposal's journey, from the records @run kept (nothing if
 * it kept none): every one when there are at most 200 proposals, else only
 * those that did not go smoothly.
 */
void gs_report_text_journeys (const GsRun *run, GString *out);

/**
 * gs_report_text_trace:
 * Appends the narrative of @run, one dated line per record it kept.
 */
void gs_report_text_trace (const GsRun *run, GString *out);

/**
 * gs_report_text_record:
 * Appends the dated line for @record of @run, whose list of indices is
 * @refs (from gs_run_record_refs(), or as a record callback received it:
 * a callback may word each record as it is made, on a run that keeps
 * records or on one that keeps none, and gets the line the kept record
 * would give).  @refs may be NULL only when the record's lists are empty;
 * otherwise nothing is appended and a critical warning is given.
 */
void gs_report_text_record (GString *out, const GsRun *run,
                            const GsRecord *record, const guint32 *refs);

/**
 * gs_report_append_breach:
 * Appends the sentence for a BREACH record of @run, whose list of
 * delegations (or, for a conflicted vote, people) is @refs: who approved
 * what, for which organisation, and which link of the chain fails.
 */
void gs_report_append_breach (GString *out, const GsRun *run,
                              const GsRecord *record, const guint32 *refs);

/**
 * gs_report_text_study:
 * Appends the report of the Monte Carlo study @study of the file @source:
 * the headline probabilities of each outcome for the whole scenario and
 * each matter type; where decisions gridlock, bodies ranked by expected
 * stalls a year; where decisions breach delegation limits, each (body,
 * organisation, kind) with its probability per proposal, its rate a year
 * and the first replication it happened in; days to decision; and the
 * proposals named in the file.  Every figure with its 95% interval.
 */
void gs_report_text_study (const GsStudy *study, const char *source,
                           GString *out);

/**
 * gs_report_json_study:
 * Appends the same study as a JSON document of kind "study" (DESIGN.md
 * §8: every estimate as {"value", "ci": [lo, hi], "level": 0.95}).
 */
void gs_report_json_study (const GsStudy *study, const char *source,
                           GString *out);

/* The tables of a study that `govsim montecarlo --format csv --table NAME`
 * (and `govsim merge`) writes, each one row per estimate. */
typedef enum
{
  GS_CSV_STUDY_HEADLINE,  /* the whole scenario: each outcome, days */
  GS_CSV_STUDY_MATTERS,   /* the same for each matter type */
  GS_CSV_STUDY_BODIES,    /* each body's meetings, stalls, backlog, days */
  GS_CSV_STUDY_BREACHES,  /* any breach, by kind, and where they happen */
  GS_CSV_STUDY_PROPOSALS, /* the proposals named in the file */
} GsCsvStudyTable;

#define GS_N_CSV_STUDY_TABLES (GS_CSV_STUDY_PROPOSALS + 1)

/** The machine name of @table ("headline", "bodies", ...). */
const char *gs_csv_study_table_to_string (GsCsvStudyTable table);
/** Parses a study table name; FALSE when it is not one. */
gboolean gs_csv_study_table_from_string (const char *text,
                                         GsCsvStudyTable *out);

/**
 * gs_report_csv_study:
 * Appends @table of the study as CSV (RFC 4180), header row first: the
 * figures of gs_report_json_study(), one row per estimate with its
 * interval, the interval's method and the replications.
 */
void gs_report_csv_study (const GsStudy *study, GsCsvStudyTable table,
                          GString *out);

/* What the HTML page of a study says about how it was run. */
typedef struct
{
  const char *source;  /* the scenario file */
  const char *command; /* the command line that reproduces the study */
  double precision;    /* asked for with --precision; 0: none */
  guint64 max_runs;    /* --runs */
} GsStudyPage;

/**
 * gs_report_html_study:
 * Appends the study as one self-contained HTML page: the settings that
 * reproduce it (seed, replications, the precision asked for and reached,
 * the command line), the headline probabilities and each matter type's,
 * each body's stalls, breaches, days to decision and the proposals named
 * in the file, every figure with its 95% interval, and charts of the
 * estimates with their intervals as whiskers (cairo).
 * Returns: FALSE with @error (GS_WRITE_ERROR_CHART) if a chart could not
 * be drawn.
 */
gboolean gs_report_html_study (const GsStudy *study, const GsStudyPage *page,
                               GString *out, GError **error);

G_END_DECLS

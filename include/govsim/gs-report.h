/* gs-report.h — turning a run into words a board member can read.
 *
 * The writers append to a GString and never touch a file or a stream; the
 * front end decides where the text goes.  Output depends only on the run,
 * so the same scenario and seed give the same bytes.
 */
#pragma once

#include <glib.h>
#include <govsim/gs-run.h>

G_BEGIN_DECLS

/**
 * gs_report_text_summary:
 * Appends the summary of @run: the headline; "where decisions gridlock",
 * the bodies and gateways that caused the most deadlock or delay, ranked,
 * in sentences; proposals by matter type and decisions by body and matter
 * (approved, rejected, gridlocked, pending, median and 90th-percentile days,
 * missed deadlines, escalations and levels climbed); gateways; meetings by
 * body; and each proposal's journey.
 */
void gs_report_text_summary (const GsRun *run, GString *out);

/**
 * gs_report_text_trace:
 * Appends the narrative of @run, one dated line per record.
 */
void gs_report_text_trace (const GsRun *run, GString *out);

/**
 * gs_report_append_breach:
 * Appends the sentence for a BREACH record of @run: who approved what, for
 * which organisation, and which link of the chain of delegation fails.
 */
void gs_report_append_breach (GString *out, const GsRun *run,
                              const GsRecord *record);

G_END_DECLS

/* gs-json-private.h — what every JSON writer shares (run, check, power,
 * and the study and comparison writers as they land).
 *
 * A document follows the output conventions of the design (§8): one
 * object that starts with "govsim" (the program's version), "schema" (the
 * output schema's version, GS_OUTPUT_SCHEMA), "kind" and "scenario"
 * (file, name, seed), then the body of its kind.  gs__json_begin() writes
 * that header and leaves the builder inside the root object;
 * gs__json_finish() closes it and appends the text.  The member helpers
 * below each write one key and its value in the shared spelling: ids with
 * their names beside them ("body", "body_name"), money as whole pounds,
 * dates as YYYY-MM-DD, durations as ISO 8601, days as numbers, and an
 * estimate as {"value": v, "ci": [lo, hi], "level": 0.95}.  A value that
 * does not exist (no deadline, no decision, a quantile of nothing) is
 * null, never a sentinel number.  json-glib's generator formats numbers
 * without the locale, and writes strings as UTF-8 with JSON escapes.
 */
#pragma once

#include "model/gs-scenario-private.h"

#include <govsim/gs-write.h>

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A new builder inside the root object of a document of @kind ("run",
 * "check", "study", ...), its header written: "govsim", "schema", "kind"
 * and "scenario" for @scenario with @seed (see gs__json_scenario()).
 * @scenario may be NULL: "scenario" is then null (a check of several
 * files puts one header per file).  (transfer full) */
JsonBuilder *gs__json_begin (const char *kind, const GsScenario *scenario,
                             guint64 seed);

/* Closes the root object of @j and appends the document, indented by two
 * spaces, and a newline to @out. */
void gs__json_finish (JsonBuilder *j, GString *out);

/* Writes "scenario": {"file", "name", "seed"} for @scenario. */
void gs__json_scenario (JsonBuilder *j, const GsScenario *scenario,
                        guint64 seed);

void gs__json_int (JsonBuilder *j, const char *key, gint64 value);
void gs__json_double (JsonBuilder *j, const char *key, double value);
void gs__json_bool (JsonBuilder *j, const char *key, gboolean value);
/* @value NULL writes null. */
void gs__json_string (JsonBuilder *j, const char *key, const char *value);
void gs__json_null (JsonBuilder *j, const char *key);

/* "@key": @id and, when @name is not NULL, "@key_name": @name; with @id
 * NULL, "@key": null alone. */
void gs__json_ref (JsonBuilder *j, const char *key, const char *id,
                   const char *name);

/* Whole pounds as an integer; GS_VALUE_MAX (no limit) is null. */
void gs__json_money (JsonBuilder *j, const char *key, gint64 pounds);

/* "YYYY-MM-DD"; GS_TIME_NEVER (none) and G_MININT64 (since always) are
 * null. */
void gs__json_date (JsonBuilder *j, const char *key, GsTime t);

/* ISO 8601, as the scenario format writes it ("P1M", "P14D", "P1DT12H");
 * a zero duration is "P0D". */
void gs__json_duration (JsonBuilder *j, const char *key, const GsDuration *d);

/* Days as a number; NAN (nothing to measure) is null. */
void gs__json_days (JsonBuilder *j, const char *key, double days);

/* An estimate with its interval: "@key": {"value": @value, "ci": [@lo,
 * @hi], "level": @level}.  NAN in any part is null there. */
void gs__json_estimate (JsonBuilder *j, const char *key, double value,
                        double lo, double hi, double level);

/* The ISO 8601 spelling of @d.  (transfer full) */
char *gs__duration_to_iso (const GsDuration *d);

G_END_DECLS

G_BEGIN_DECLS

/* Appends @record of @run (its list of indices @refs) as one object:
 * "date", "kind", "body" (with "body_name" and "body_role", what the
 * record's body is), "case", then one key per field of the record table,
 * then its list under the table's name for it.  Generic over the table:
 * an index field is the item's id (gateways and levels: their 1-based
 * number) with "_name" beside it, an enum its machine name (a set of
 * flags an array of them), a date YYYY-MM-DD.  (For the run writer and
 * the writers of later kinds that show records.) */
void gs__json_record (JsonBuilder *j, const GsRun *run, const GsRecord *record,
                      const guint32 *refs);

/* Appends one delegation of @scenario as an object: "delegation" (its id
 * or null), "organisation", "by", "to", "matters", "limit", "from",
 * "until", "sub_delegate", "line". */
void gs__json_delegation (JsonBuilder *j, const GsScenario *scenario,
                          guint index);

G_END_DECLS

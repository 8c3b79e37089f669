/* gs-write-private.h — what the data writers (JSON, CSV, HTML) share:
 * naming the items a record's fields and lists refer to, and CSV cells.
 *
 * A record's indices are positions in the scenario's arrays; programs
 * want ids.  gs__write_item() turns an index of any GsListKind into the
 * id and name a report shows: organisations, people, bodies, pathways,
 * ladders and delegations by their id (NULL when the file gave none);
 * gateways and levels, which are positions in their pathway or ladder,
 * by their 1-based number.  So the JSON and CSV writers walk the record
 * table and never decode a kind by hand.
 */
#pragma once

#include "model/gs-scenario-private.h"

#include <govsim/gs-run.h>
#include <govsim/gs-write.h>

G_BEGIN_DECLS

typedef struct
{
  const char *id;   /* the item's id, or NULL (positional, or none given) */
  const char *name; /* its name, or NULL */
  gint64 number;    /* gateways and levels: 1-based position; else -1 */
} GsItem;

/* Names item @index of @list for @record of @run (the case's pathway for
 * a gateway, the record's ladder for a level).  FALSE when @index is -1
 * or out of range. */
gboolean gs__write_item (const GsRun *run, const GsRecord *record,
                         GsListKind list, gint64 index, GsItem *out);

/* The JSON and CSV spelling of a machine name: hyphens become
 * underscores ("sat-at" → "sat_at").  (transfer full) */
char *gs__write_key (const char *machine);

/* Whether records of @info have a field named @name. */
gboolean gs__write_has_field (const GsRecordInfo *info, const char *name);

/* ---- CSV (RFC 4180) --------------------------------------------------- */

/* Appends @text as one field, quoted when it holds a comma, a quote, a
 * carriage return or a line feed (quotes doubled); a separating comma
 * first unless @first.  NULL is an empty field. */
void gs__csv_field (GString *out, const char *text, gboolean first);
void gs__csv_int (GString *out, gint64 value);
/* Empty for NAN; else with one decimal, locale-free. */
void gs__csv_days (GString *out, double days);
void gs__csv_date (GString *out, GsTime t);
/* Empty for a NAN or infinity; else locale-free, with the fewest of 15 or
 * 17 significant digits that read back as the same double. */
void gs__csv_number (GString *out, double x);
/* Ends a row: CRLF, as RFC 4180 says. */
void gs__csv_end (GString *out);
/* Appends a header row from the NULL-terminated @names. */
void gs__csv_header (GString *out, const char *const *names);

G_END_DECLS

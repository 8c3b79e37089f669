/* gs-loader.h — reading scenario files that nobody vouches for.
 *
 * The loader reads a file (or bytes) with a size cap, parses it with
 * libxml2 from memory with the network off, refuses any DOCTYPE (so no
 * entity can be declared, expanded or fetched), validates it against the
 * schema embedded in the library, then checks its meaning: unique ids,
 * references that resolve, real calendar dates, consistent numbers.  Every
 * problem is reported as "file:line: message"; several problems in one file
 * are all reported, up to GS_LOADER_MAX_ERRORS, one per line of the GError
 * message.
 */
#pragma once

#include <glib.h>
#include <govsim/gs-limits.h>
#include <govsim/gs-scenario.h>

G_BEGIN_DECLS

/* The version of the scenario format the loader reads: the N of its
 * namespace urn:govsim:scenario:N and of scenarios/govsim-scenario-N.xsd. */
#define GS_SCENARIO_SCHEMA 1

#define GS_LOADER_ERROR (gs_loader_error_quark ())
GQuark gs_loader_error_quark (void);

typedef enum
{
  GS_LOADER_ERROR_IO,        /* the file could not be read */
  GS_LOADER_ERROR_TOO_LARGE, /* the file is larger than the cap */
  GS_LOADER_ERROR_MALFORMED, /* not well-formed XML, or a DOCTYPE */
  GS_LOADER_ERROR_SCHEMA,    /* well-formed but not valid against the XSD */
  GS_LOADER_ERROR_SEMANTIC,  /* valid but meaningless: ids, references... */
} GsLoaderError;

/** Default cap on a scenario file's size (see gs-limits.h). */
#define GS_LOADER_DEFAULT_MAX_BYTES GS_LIMIT_FILE_BYTES
/** At most this many problems are reported for one file. */
#define GS_LOADER_MAX_ERRORS GS_LIMIT_ERRORS_MAX

/**
 * gs_loader_load_file:
 * @path: the scenario file
 * @max_bytes: refuse files larger than this (0: the default cap)
 *
 * Returns: (transfer full): the checked scenario, or NULL with @error set.
 */
GsScenario *gs_loader_load_file (const char *path, gsize max_bytes,
                                 GError **error);

/**
 * gs_loader_load_bytes:
 * @data: the document; @name: what to call it in messages.
 */
GsScenario *gs_loader_load_bytes (const char *data, gsize len, const char *name,
                                  GError **error);

/** The built-in demo scenario, embedded in the library.  (transfer full) */
GsScenario *gs_loader_load_demo (GError **error);

/** The scenario schema (XSD) embedded in the library.  (transfer full) */
GBytes *gs_loader_get_schema (void);

G_END_DECLS

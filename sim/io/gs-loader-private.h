/* gs-loader-private.h — the state of one load, shared by the loader's files.
 *
 * The loader is split by element family (gs-xml.c reads and validates the
 * document; gs-load-people.c, gs-load-bodies.c, gs-load-pathways.c,
 * gs-load-schemes.c and gs-load-traffic.c build one family each;
 * gs-load-limits.c bounds the work a file asks for; gs-loader.c holds the entry
 * points, the attribute readers and the order of the passes). They share one
 * GsLoader, which lives on the stack of gs_loader_load_bytes() for one call:
 * nothing here is process-wide.
 *
 * Invariants: every problem goes through gs__load_error(), which keeps at
 * most GS_LIMIT_ERRORS_MAX of them; an index returned by a gs__load_find_*
 * function or gs__load_ref() is valid in the scenario being built, or -1.
 */
#pragma once

#include "model/gs-scenario-private.h"

#include <govsim/gs-loader.h>

#include <gio/gio.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

#define GS_NS "urn:govsim:scenario:1"

/* A set of indices of one kind (people, organisations...) that empties in
 * O(1): an index is in it when its stamp is the current one.  The
 * duplicate checks of id lists use one kept for the whole load, so a list
 * costs time linear in its own length, not in the number of entities. */
typedef struct
{
  guint *stamps; /* by index; 0: never marked */
  guint n;       /* entries in stamps */
  guint stamp;   /* the current round */
} GsMarks;

typedef struct
{
  const char *name;      /* the file name used in messages */
  GPtrArray *errors;     /* char *: "name:line: message" */
  guint n_dropped;       /* problems beyond the cap */
  int doctype_line;      /* > 0 once a DOCTYPE has been seen */
  char *parse_error;     /* libxml2's first error message (owned), or NULL */
  long parse_error_line; /* ... and its line */
  GsLoaderError code;    /* the stage of the first problem */
  GsScenario *s;         /* the scenario being built */
  GHashTable *ids;       /* id -> GINT_TO_POINTER (line), every kind */
  GPtrArray *body_nodes; /* xmlNodePtr of each body, by index (borrowed) */
  GsMarks list;          /* for the duplicates within one id list */
  GsMarks other;         /* for checks spanning several lists (a scheme's
                            reserved matters, a group's parties) */
} GsLoader;

/* An edit of a parsed document before it is validated and built
 * (gs-variant.c applies a variant's settings).  Returns FALSE with @error
 * set to refuse the document. */
typedef gboolean (*GsLoaderDocFunc) (xmlDocPtr doc, gpointer user_data,
                                     GError **error);

/* gs_loader_load_bytes() with @edit (nullable) applied to the parsed tree
 * before the schema and the semantic checks see it. */
GsScenario *gs__loader_load_bytes_with (const char *data, gsize len,
                                        const char *name, GsLoaderDocFunc edit,
                                        gpointer user_data, GError **error);

/* The file at @path, refused past @max_bytes (0: the default cap) with
 * GS_LOADER_ERROR_TOO_LARGE, as gs_loader_load_file() reads it.
 * (transfer full) */
GBytes *gs__loader_read_file (const char *path, gsize max_bytes,
                              GError **error);

/* Provided by the generated gs-resources.c. */
GResource *gs_get_resource (void);

/* ---- problems (gs-loader.c) ---------------------------------------------- */

/* Records "name:line: message", or counts it once GS_LIMIT_ERRORS_MAX are
 * kept. */
void gs__load_error (GsLoader *l, long line, const char *fmt, ...)
    G_GNUC_PRINTF (3, 4);

/* The problems reported so far, those beyond the cap included. */
guint gs__load_n_problems (const GsLoader *l);

/* Starts a new, empty round of @m for indices below @n. */
void gs__marks_begin (GsMarks *m, guint n);

/* Adds @i to the round; FALSE if it was already in it. */
gboolean gs__marks_add (GsMarks *m, guint i);

/* Whether @i is in the round. */
gboolean gs__marks_has (const GsMarks *m, guint i);

void gs__marks_clear (GsMarks *m);

/* ---- the document (gs-xml.c) --------------------------------------------- */

/* Sets up libxml2 once per process: parser state and a deny-all external
 * entity loader. */
void gs__xml_init (void);

/* Counts elements, attributes per element, attribute length and depth in
 * @data without parsing it; FALSE after reporting a cap of gs-limits.h
 * passed. */
gboolean gs__xml_prescan (GsLoader *l, const char *data, gsize len);

/* Parses @data without the network, entities or DTDs; NULL after
 * reporting. */
xmlDocPtr gs__xml_parse (GsLoader *l, const char *data, gsize len);

/* Validates @doc against the embedded schema, reporting every error. */
gboolean gs__xml_validate (GsLoader *l, xmlDocPtr doc);

/* Whether @n is the element @name of the scenario namespace. */
gboolean gs__xml_is_element (xmlNodePtr n, const char *name);

/* The line on which element @n starts. */
long gs__xml_line (xmlNodePtr n);

/* The attribute's value, or NULL.  (transfer full) */
char *gs__xml_attr (xmlNodePtr n, const char *name);

/* The first child element @name of @n, or NULL. */
xmlNodePtr gs__xml_child (xmlNodePtr n, const char *name);

/* ---- attributes (gs-loader.c) -------------------------------------------- */

/* The attribute's value interned in the scenario, or NULL. */
const char *gs__load_intern (GsLoader *l, xmlNodePtr n, const char *name);

/* Claims @id for element @n; ids are unique across the whole file. */
void gs__load_claim_id (GsLoader *l, xmlNodePtr n, const char *id);

/* Resolves the reference in attribute @name with @find, reporting a
 * dangling reference.  Returns -1 when absent or dangling. */
int gs__load_ref (GsLoader *l, xmlNodePtr n, const char *name, const char *what,
                  int (*find) (const GsScenario *, const char *));

gboolean gs__load_date (GsLoader *l, xmlNodePtr n, const char *name,
                        GsTime *out);
gboolean gs__load_duration (GsLoader *l, xmlNodePtr n, const char *name,
                            gboolean nonzero, GsDuration *out);
double gs__load_double (xmlNodePtr n, const char *name, double fallback);
guint64 gs__load_uint (xmlNodePtr n, const char *name, guint64 fallback);
gboolean gs__load_bool (xmlNodePtr n, const char *name, gboolean fallback);

/* The index of @v in the NULL-terminated @names, or -1. */
int gs__load_enum_value (const char *v, const char *const *names);
int gs__load_enum (xmlNodePtr n, const char *name, const char *const *names,
                   int fallback);

/* The schema's role names, in GsRole order. */
extern const char *const gs__load_roles[];

/* "a b c" in @name -> matter indices, each at most once. */
guint *gs__load_matters (GsLoader *l, xmlNodePtr n, const char *name,
                         guint *n_out);

/* A sum as the reports write it: £5,000,001.  (transfer full) */
char *gs__load_pounds (gint64 v);

/* The smallest value of @target that none of @ranges (GsValueRange, sorted
 * here) holds, or -1 when they cover it all. */
gint64 gs__load_first_uncovered (GArray *ranges, GsValueRange target);

/* ---- look-ups by id ------------------------------------------------------ */

int gs__load_find_org (const GsScenario *s, const char *id);
int gs__load_find_ladder (const GsScenario *s, const char *id);
/* An explicit pathway: implicit ones carry their body's id. */
int gs__load_find_pathway (const GsScenario *s, const char *id);

/* ---- the passes, in the order gs-loader.c runs them ---------------------- */

void gs__load_organisations_and_matters (GsLoader *l, xmlNodePtr root);
void gs__load_people (GsLoader *l, xmlNodePtr root);
void gs__load_bodies (GsLoader *l, xmlNodePtr root);
/* gs-load-urgent.c: a body's <urgent> clause, once its members and voting
 * are read. */
void gs__load_urgent (GsLoader *l, xmlNodePtr c, GsBody *b);
void gs__load_ladders (GsLoader *l, xmlNodePtr root);
void gs__load_escalations (GsLoader *l);
/* The <amend-body> changes, once every body and its escalation is read
 * (gs-load-amend.c). */
void gs__load_amendments (GsLoader *l, xmlNodePtr root);
void gs__load_schemes (GsLoader *l, xmlNodePtr root);
/* After the schemes: each matter that is an organisation's function names
 * one with a scheme. */
void gs__load_check_functions (GsLoader *l);
void gs__load_pathways (GsLoader *l, xmlNodePtr root);
void gs__load_absences_and_conflicts (GsLoader *l, xmlNodePtr root);
void gs__load_stances (GsLoader *l, xmlNodePtr root);
void gs__load_traffic (GsLoader *l, xmlNodePtr root);

/* ---- the work a file asks for (gs-load-limits.c) ------------------------- */

/* Refuses a horizon longer than GS_LIMIT_HORIZON_YEARS. */
void gs__load_limit_horizon (GsLoader *l, xmlNodePtr root);

/* Refuses a built model whose meetings, seats or proposals over the
 * horizon exceed their caps (GS_LIMIT_MEETINGS_MAX,
 * GS_LIMIT_SEAT_MEETINGS_MAX, GS_LIMIT_PROPOSALS_MAX). */
void gs__load_check_work (GsLoader *l);

G_END_DECLS

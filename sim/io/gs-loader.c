/* gs-loader.c — from an untrusted scenario file to a checked GsScenario.
 *
 * Four stages, each of which stops the load if it finds a problem:
 *
 *  1. read: the file is read by us, never by libxml2, and refused past a
 *     size cap, so a huge or endless file costs at most the cap;
 *  2. parse: libxml2 parses the bytes with the network off and without
 *     entity substitution or DTD loading; a DOCTYPE stops the parser the
 *     moment it is seen, before any entity is declared, so neither external
 *     entities nor entity-expansion bombs get a chance to act; a deny-all
 *     external entity loader is installed as a second line of defence;
 *  3. validate: the document is checked against the XSD embedded in the
 *     library (GResource), collecting every schema error with its line;
 *  4. build: the tree is read into the model in passes (organisations and
 *     matters, then people, then bodies, then escalation ladders and the
 *     bodies' escalation clauses, then pathways, then behaviour and
 *     traffic) so that references may point forward, and every meaning is
 *     checked: unique ids, references that resolve, real dates, numbers that
 *     make sense, pathways that can decide every value they take.
 *
 * Errors are collected as "file:line: message" strings, at most
 * GS_LOADER_MAX_ERRORS of them, and returned as one GError whose message has
 * one problem per line.  The loader keeps no state between calls; the only
 * process-wide settings it touches are libxml2's own initialisation and its
 * external entity loader, both set once.
 */
#include "model/gs-scenario-private.h"

#include <govsim/gs-loader.h>

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <gio/gio.h>
#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlschemas.h>

#define GS_SCHEMA_RESOURCE "/org/govsim/govsim-scenario-1.xsd"
#define GS_DEMO_RESOURCE   "/org/govsim/demo-single-trust.xml"
#define GS_NS              "urn:govsim:scenario:1"

/* Provided by the generated gs-resources.c. */
GResource *gs_get_resource (void);

GQuark
gs_loader_error_quark (void)
{
  return g_quark_from_static_string ("gs-loader-error-quark");
}

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
} Loader;

static void loader_error (Loader *l, long line, const char *fmt, ...)
    G_GNUC_PRINTF (3, 4);

static void
loader_error (Loader *l, long line, const char *fmt, ...)
{
  if (l->errors->len >= GS_LOADER_MAX_ERRORS)
    {
      l->n_dropped++;
      return;
    }
  va_list ap;
  va_start (ap, fmt);
  g_autofree char *msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  g_ptr_array_add (l->errors, g_strdup_printf ("%s:%ld: %s", l->name,
                                               line > 0 ? line : 1, msg));
}

static gboolean
loader_fail (Loader *l, GError **error)
{
  if (l->errors->len == 0)
    return TRUE;
  GString *all = g_string_new (NULL);
  for (guint i = 0; i < l->errors->len; i++)
    {
      if (i > 0)
        g_string_append_c (all, '\n');
      g_string_append (all, g_ptr_array_index (l->errors, i));
    }
  if (l->n_dropped > 0)
    g_string_append_printf (all, "\n%s: %u more problem%s not shown", l->name,
                            l->n_dropped, l->n_dropped == 1 ? "" : "s");
  g_set_error_literal (error, GS_LOADER_ERROR, l->code, all->str);
  g_string_free (all, TRUE);
  return FALSE;
}

/* ---- stage 2: parsing ---------------------------------------------------- */

static xmlParserInputPtr
deny_external_entity (const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
  /* Nothing outside the document is ever read while loading a scenario. */
  return NULL;
}

static gpointer
init_libxml (gpointer unused)
{
  xmlInitParser ();
  xmlSetExternalEntityLoader (deny_external_entity);
  return NULL;
}

static void
ensure_libxml (void)
{
  static GOnce once = G_ONCE_INIT;
  g_once (&once, init_libxml, NULL);
}

static void
on_doctype (void *ctx, const xmlChar *name, const xmlChar *external_id,
            const xmlChar *system_id)
{
  xmlParserCtxtPtr ctxt = ctx;
  Loader *l = ctxt->_private;
  if (l->doctype_line == 0)
    l->doctype_line = xmlSAX2GetLineNumber (ctx);
  xmlStopParser (ctxt);
}

/* libxml2 gives an element the line on which its start tag ends; a reader
 * looks for the line where it begins.  Raw '<' cannot occur inside a start
 * tag (not even in attribute values), so the nearest '<' before the parser's
 * position is the tag's start, and the newlines in between say how far back
 * it is.  If the input buffer no longer holds the tag's start, the line is
 * left as libxml2 set it. */
static void
on_start_element (void *ctx, const xmlChar *localname, const xmlChar *prefix,
                  const xmlChar *uri, int nb_namespaces,
                  const xmlChar **namespaces, int nb_attributes,
                  int nb_defaulted, const xmlChar **attributes)
{
  xmlParserCtxtPtr ctxt = ctx;
  xmlSAX2StartElementNs (ctx, localname, prefix, uri, nb_namespaces, namespaces,
                         nb_attributes, nb_defaulted, attributes);
  xmlParserInputPtr in = ctxt->input;
  if (ctxt->node == NULL || in == NULL || in->cur == NULL || in->base == NULL)
    return;
  int newlines = 0;
  const xmlChar *p = in->cur;
  while (p > in->base && *p != '<')
    {
      newlines += *p == '\n';
      p--;
    }
  long line = (long)in->line - newlines;
  if (*p == '<' && line > 0 && line < 65535 && ctxt->node->line < 65535)
    ctxt->node->line = (unsigned short)line;
}

/* Keeps libxml2 quiet and remembers its first error: the parser goes on
 * after some errors, and the last one ("Premature end of data in tag
 * scenario") would hide the cause ("Opening and ending tag mismatch"). */
static void
on_parse_error (void *data, xmlErrorPtr err)
{
  xmlParserCtxtPtr ctxt = data; /* the context's userData: itself */
  Loader *l = ctxt->_private;
  if (l->parse_error == NULL && err->level >= XML_ERR_ERROR)
    {
      l->parse_error = g_strdup (err->message ? err->message : "");
      l->parse_error_line = err->line;
    }
}

/* libxml2 messages end in a newline (a few have one inside, too) and name
 * elements with their namespace in braces; neither helps the person reading
 * the message, and a problem must stay on one line. */
static char *
tidy_message (const char *msg)
{
  g_autofree char *no_ns = NULL;
  GString *out = g_string_new (msg ? msg : "invalid document");
  g_string_replace (out, "{" GS_NS "}", "", 0);
  g_string_replace (out, "\n", " ", 0);
  no_ns = g_string_free (out, FALSE);
  return g_strstrip (g_steal_pointer (&no_ns));
}

static xmlDocPtr
parse_document (Loader *l, const char *data, gsize len)
{
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      loader_error (l, 1, "out of memory creating the XML parser");
      return NULL;
    }
  ctxt->_private = l;
  ctxt->sax->internalSubset = on_doctype;
  ctxt->sax->serror = on_parse_error;
  ctxt->sax->startElementNs = on_start_element;
  int options = XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOERROR
                | XML_PARSE_NOWARNING;
  xmlDocPtr doc
      = xmlCtxtReadMemory (ctxt, data, (int)len, l->name, NULL, options);
  if (l->doctype_line > 0)
    {
      l->code = GS_LOADER_ERROR_MALFORMED;
      loader_error (l, l->doctype_line,
                    "a DOCTYPE is not allowed in a scenario (entities and "
                    "external DTDs are refused)");
      xmlFreeDoc (doc);
      doc = NULL;
    }
  else if (doc == NULL || !ctxt->wellFormed)
    {
      xmlErrorPtr err = xmlCtxtGetLastError (ctxt);
      const char *first = l->parse_error ? l->parse_error
                          : err          ? err->message
                                         : NULL;
      long line = l->parse_error ? l->parse_error_line : err ? err->line : 1;
      g_autofree char *msg = tidy_message (first);
      l->code = GS_LOADER_ERROR_MALFORMED;
      loader_error (l, line, "not well-formed XML: %s", msg);
      xmlFreeDoc (doc);
      doc = NULL;
    }
  xmlFreeParserCtxt (ctxt);
  return doc;
}

/* ---- stage 3: validation ------------------------------------------------- */

static void
on_schema_error (void *data, xmlErrorPtr err)
{
  Loader *l = data;
  g_autofree char *msg = tidy_message (err->message);
  long line = err->line;
  if (line <= 0 && err->node != NULL)
    line = xmlGetLineNo ((xmlNodePtr)err->node);
  loader_error (l, line, "%s", msg);
}

GBytes *
gs_loader_get_schema (void)
{
  return g_resource_lookup_data (gs_get_resource (), GS_SCHEMA_RESOURCE,
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
}

static gboolean
validate_document (Loader *l, xmlDocPtr doc)
{
  g_autoptr (GBytes) xsd = gs_loader_get_schema ();
  gsize xsd_len = 0;
  const char *xsd_data = g_bytes_get_data (xsd, &xsd_len);
  xmlSchemaParserCtxtPtr pctxt
      = xmlSchemaNewMemParserCtxt (xsd_data, (int)xsd_len);
  xmlSchemaPtr schema = pctxt ? xmlSchemaParse (pctxt) : NULL;
  xmlSchemaFreeParserCtxt (pctxt);
  if (schema == NULL)
    {
      /* The embedded schema is part of the program: this is a bug. */
      g_critical ("the embedded scenario schema does not compile");
      loader_error (l, 1, "internal error: the scenario schema is broken");
      return FALSE;
    }
  xmlSchemaValidCtxtPtr vctxt = xmlSchemaNewValidCtxt (schema);
  xmlSchemaSetValidStructuredErrors (vctxt, on_schema_error, l);
  int rc = xmlSchemaValidateDoc (vctxt, doc);
  xmlSchemaFreeValidCtxt (vctxt);
  xmlSchemaFree (schema);
  if (rc != 0 && l->errors->len == 0)
    loader_error (l, 1, "the document does not match the scenario schema");
  if (rc != 0)
    l->code = GS_LOADER_ERROR_SCHEMA;
  return rc == 0;
}

/* ---- stage 4: building the model ----------------------------------------- */

static gboolean
is_element (xmlNodePtr n, const char *name)
{
  return n->type == XML_ELEMENT_NODE && n->ns != NULL
         && strcmp ((const char *)n->ns->href, GS_NS) == 0
         && strcmp ((const char *)n->name, name) == 0;
}

static long
line_of (xmlNodePtr n)
{
  return xmlGetLineNo (n);
}

/* The attribute's value, or NULL.  (transfer full) */
static char *
attr (xmlNodePtr n, const char *name)
{
  xmlChar *v = xmlGetNoNsProp (n, (const xmlChar *)name);
  if (v == NULL)
    return NULL;
  char *copy = g_strdup ((const char *)v);
  xmlFree (v);
  return copy;
}

static const char *
intern_attr (Loader *l, xmlNodePtr n, const char *name)
{
  g_autofree char *v = attr (n, name);
  return gs__scenario_intern (l->s, v);
}

static void
claim_id (Loader *l, xmlNodePtr n, const char *id)
{
  gpointer first = g_hash_table_lookup (l->ids, id);
  if (first != NULL)
    loader_error (l, line_of (n), "duplicate id '%s' (first used on line %d)",
                  id, GPOINTER_TO_INT (first));
  else
    g_hash_table_insert (l->ids, g_strdup (id),
                         GINT_TO_POINTER ((int)line_of (n)));
}

static int
find_org (const GsScenario *s, const char *id)
{
  for (guint i = 0; i < s->organisations->len; i++)
    if (strcmp (GS_ORG (s, i)->id, id) == 0)
      return (int)i;
  return -1;
}

/* Resolves the reference in attribute @name to an index, reporting a
 * dangling reference.  Returns -1 when absent or dangling. */
static int
ref_attr (Loader *l, xmlNodePtr n, const char *name, const char *what,
          int (*find) (const GsScenario *, const char *))
{
  g_autofree char *v = attr (n, name);
  if (v == NULL)
    return -1;
  int idx = find (l->s, v);
  if (idx < 0)
    loader_error (l, line_of (n), "%s '%s' is not defined (attribute '%s')",
                  what, v, name);
  return idx;
}

static gboolean
date_attr (Loader *l, xmlNodePtr n, const char *name, GsTime *out)
{
  g_autofree char *v = attr (n, name);
  g_autoptr (GError) err = NULL;
  if (v == NULL)
    return FALSE;
  if (!gs_date_parse (v, out, &err))
    {
      loader_error (l, line_of (n), "attribute '%s': %s", name, err->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
duration_attr (Loader *l, xmlNodePtr n, const char *name, gboolean nonzero,
               GsDuration *out)
{
  g_autofree char *v = attr (n, name);
  g_autoptr (GError) err = NULL;
  if (v == NULL)
    return FALSE;
  if (!gs_duration_parse (v, out, &err))
    {
      loader_error (l, line_of (n), "attribute '%s': %s", name, err->message);
      return FALSE;
    }
  if (nonzero && gs_duration_is_zero (out))
    {
      loader_error (l, line_of (n), "attribute '%s': the duration '%s' is zero",
                    name, v);
      return FALSE;
    }
  return TRUE;
}

static double
double_attr (xmlNodePtr n, const char *name, double fallback)
{
  g_autofree char *v = attr (n, name);
  return v ? g_ascii_strtod (v, NULL) : fallback;
}

static guint64
uint_attr (xmlNodePtr n, const char *name, guint64 fallback)
{
  g_autofree char *v = attr (n, name);
  return v ? g_ascii_strtoull (v, NULL, 10) : fallback;
}

/* The index of @v in the NULL-terminated @names, or -1. */
static int
enum_attr_value (const char *v, const char *const *names)
{
  for (int i = 0; names[i] != NULL; i++)
    if (strcmp (names[i], v) == 0)
      return i;
  return -1;
}

static int
enum_attr (xmlNodePtr n, const char *name, const char *const *names,
           int fallback)
{
  g_autofree char *v = attr (n, name);
  if (v == NULL)
    return fallback;
  int i = enum_attr_value (v, names);
  return i >= 0 ? i : fallback; /* the schema has refused anything else */
}

static const char *const org_kinds[] = { "nhs-trust",
                                         "foundation-trust",
                                         "icb",
                                         "local-authority",
                                         "combined-authority",
                                         "vcse",
                                         "independent",
                                         "cic",
                                         NULL };
static const char *const roles[]
    = { "chair",     "ned",      "chief-executive", "finance-director",
        "executive", "governor", "officer",         "external",
        NULL };

static const char *const matter_classes[] = { "ordinary",
                                              "remuneration",
                                              "annual-accounts",
                                              "consolidated-accounts",
                                              "audit",
                                              "non-delegable",
                                              NULL };

static void
read_scenario_attrs (Loader *l, xmlNodePtr root)
{
  GsScenario *s = l->s;
  s->name = intern_attr (l, root, "name");
  s->seed = uint_attr (root, "seed", 1);
  GsDuration horizon = { 0 };
  gboolean ok_start = date_attr (l, root, "start", &s->start);
  gboolean ok_horizon = duration_attr (l, root, "horizon", TRUE, &horizon);
  if (ok_start && ok_horizon)
    {
      s->end = gs_time_add (s->start, &horizon, 1);
      /* The end is exclusive: the last simulated day must be in range. */
      int y = GS_YEAR_MAX + 1, m, d;
      if (s->end != GS_TIME_NEVER)
        gs_time_to_civil (s->end - GS_MINUTES_PER_DAY, &y, &m, &d);
      if (y > GS_YEAR_MAX)
        loader_error (l, line_of (root), "the horizon runs past the year %d",
                      GS_YEAR_MAX);
    }
  for (xmlNodePtr c = root->children; c; c = c->next)
    if (is_element (c, "description"))
      {
        xmlChar *text = xmlNodeGetContent (c);
        g_autofree char *stripped = g_strstrip (g_strdup ((char *)text));
        s->description = gs__scenario_intern (s, stripped);
        xmlFree (text);
      }
}

static void
read_organisations_and_matters (Loader *l, xmlNodePtr root)
{
  for (xmlNodePtr c = root->children; c; c = c->next)
    {
      if (is_element (c, "organisation"))
        {
          GsOrganisation o = { 0 };
          o.id = intern_attr (l, c, "id");
          o.name = intern_attr (l, c, "name");
          o.kind = enum_attr (c, "kind", org_kinds, GS_ORG_NHS_TRUST);
          o.leaves = GS_TIME_NEVER;
          o.line = (int)line_of (c);
          claim_id (l, c, o.id);
          g_array_append_val (l->s->organisations, o);
        }
      else if (is_element (c, "matter"))
        {
          GsMatter m = { 0 };
          m.id = intern_attr (l, c, "id");
          m.name = intern_attr (l, c, "name");
          m.klass = enum_attr (c, "class", matter_classes, GS_MATTER_ORDINARY);
          m.line = (int)line_of (c);
          claim_id (l, c, m.id);
          g_array_append_val (l->s->matters, m);
        }
    }
}

static void
read_people (Loader *l, xmlNodePtr root)
{
  for (xmlNodePtr c = root->children; c; c = c->next)
    {
      if (!is_element (c, "person"))
        continue;
      GsPerson p = { 0 };
      p.id = intern_attr (l, c, "id");
      p.name = intern_attr (l, c, "name");
      if (p.name == NULL)
        p.name = p.id;
      p.org = ref_attr (l, c, "org", "organisation", find_org);
      p.role = enum_attr (c, "role", roles, GS_ROLE_OFFICER);
      /* xs:boolean allows surrounding white space. */
      g_autofree char *director = attr (c, "director");
      if (director != NULL)
        g_strstrip (director);
      p.director
          = director != NULL
            && (strcmp (director, "true") == 0 || strcmp (director, "1") == 0);
      p.attendance = double_attr (c, "attendance", 1.0);
      p.line = (int)line_of (c);
      claim_id (l, c, p.id);
      g_autofree char *org_attr = attr (c, "org");
      if (p.director && org_attr == NULL) /* a dangling org is reported */
        loader_error (l, p.line,
                      "person '%s' is a director but belongs to no "
                      "organisation",
                      p.id);
      g_array_append_val (l->s->people, p);
    }
}

static xmlNodePtr
child (xmlNodePtr n, const char *name)
{
  for (xmlNodePtr c = n->children; c; c = c->next)
    if (is_element (c, name))
      return c;
  return NULL;
}

static const char *const agenda_orders[] = { "arrival", "deadline", NULL };

static void
read_calendar (Loader *l, xmlNodePtr meets, GsCalendar *cal)
{
  if (meets == NULL)
    return; /* the schema requires it; nothing more to say */
  if (date_attr (l, meets, "first", &cal->first)
      && (cal->first < l->s->start || cal->first >= l->s->end)
      && l->s->end > l->s->start)
    loader_error (l, line_of (meets),
                  "the first meeting falls outside the simulated period");
  duration_attr (l, meets, "every", TRUE, &cal->every);
  cal->capacity = (guint)uint_attr (meets, "capacity", 1);
  cal->notice = (GsDuration){ 0 };
  duration_attr (l, meets, "notice", FALSE, &cal->notice);
  cal->order = enum_attr (meets, "order", agenda_orders, GS_AGENDA_ARRIVAL);
}

static gboolean
bool_attr (xmlNodePtr n, const char *name, gboolean fallback)
{
  g_autofree char *v = attr (n, name);
  if (v == NULL)
    return fallback;
  g_strstrip (v); /* xs:boolean allows surrounding white space */
  return strcmp (v, "true") == 0 || strcmp (v, "1") == 0;
}

/* Reads "N/D" (the schema has checked the shape) and checks 0 < N/D <= 1. */
static gboolean
fraction_attr (Loader *l, xmlNodePtr n, const char *name, guint *num,
               guint *den)
{
  g_autofree char *v = attr (n, name);
  if (v == NULL)
    return FALSE;
  char *slash = strchr (v, '/');
  if (slash == NULL)
    return FALSE;
  *num = (guint)g_ascii_strtoull (v, NULL, 10);
  *den = (guint)g_ascii_strtoull (slash + 1, NULL, 10);
  if (*num == 0 || *den == 0 || *num > *den)
    {
      loader_error (l, line_of (n),
                    "attribute '%s': the fraction %s is outside (0, 1]", name,
                    v);
      *num = *den = 1;
    }
  return TRUE;
}

static const char *const vote_rules[] = { "simple-majority",
                                          "absolute-majority",
                                          "qualified-majority",
                                          "weighted",
                                          "unanimity",
                                          "consensus",
                                          NULL };

/* Reads a body's quorum clause.  A quorum its membership can never meet
 * (more present than members, a role or party short, a chair required of a
 * body without one) is not refused here: the run simply finds every meeting
 * inquorate, and `govsim check` reports it (rule quorum-never-met), with
 * the line of the clause kept for it. */
static void
read_quorum (Loader *l, xmlNodePtr c, GsBody *b)
{
  GsQuorum *q = &b->quorum;
  xmlNodePtr qn = child (c, "quorum");
  *q = (GsQuorum){ .deputies_count = TRUE };
  if (qn == NULL)
    {
      /* Without a quorum clause, a majority of the members must attend. */
      q->present = b->n_members / 2 + 1;
      return;
    }
  b->quorum_line = (int)line_of (qn);
  q->present = (guint)uint_attr (qn, "present", 0);
  fraction_attr (l, qn, "fraction", &q->frac_num, &q->frac_den);
  q->chair_required = bool_attr (qn, "chair-required", FALSE);
  q->conflicted_count = bool_attr (qn, "conflicted-count", FALSE);
  q->deputies_count = bool_attr (qn, "deputies-count", TRUE);
  for (xmlNodePtr r = qn->children; r; r = r->next)
    {
      if (is_element (r, "role"))
        {
          int role = enum_attr (r, "name", roles, 0);
          q->role_min[role] = (guint)uint_attr (r, "min", 1);
          b->role_line[role] = (int)line_of (r);
        }
      else if (is_element (r, "each-party"))
        {
          q->party_min = (guint)uint_attr (r, "min", 1);
          b->party_line = (int)line_of (r);
          if (b->kind != GS_BODY_JOINT_COMMITTEE)
            loader_error (l, line_of (r),
                          "each-party applies to a joint committee; '%s' "
                          "belongs to one organisation",
                          b->id);
        }
    }
}

static void
read_voting (Loader *l, xmlNodePtr c, GsBody *b)
{
  GsVoting *v = &b->voting;
  xmlNodePtr vn = child (c, "voting");
  *v = (GsVoting){ .rule = GS_RULE_SIMPLE_MAJORITY, .base = GS_BASE_CAST };
  b->deputies_vote = TRUE;
  if (vn == NULL)
    return;
  b->voting_line = (int)line_of (vn);
  v->rule = enum_attr (vn, "rule", vote_rules, GS_RULE_SIMPLE_MAJORITY);
  g_autofree char *of = attr (vn, "of");
  v->base = of && strcmp (of, "members") == 0 ? GS_BASE_MEMBERS : GS_BASE_CAST;
  g_autofree char *casting = attr (vn, "casting");
  v->casting = casting && strcmp (casting, "chair") == 0;
  b->deputies_vote = bool_attr (vn, "deputies-vote", TRUE);
  g_autofree char *conflicts = attr (vn, "conflicts");
  b->declare_only = conflicts != NULL && strcmp (conflicts, "declare") == 0;
  gboolean has_fraction = fraction_attr (l, vn, "fraction", &v->num, &v->den);
  v->quota = uint_attr (vn, "quota", 0);
  long line = line_of (vn);
  if (v->rule == GS_RULE_QUALIFIED_MAJORITY && !has_fraction)
    loader_error (l, line,
                  "a qualified majority needs a fraction, such as "
                  "fraction=\"2/3\"");
  if (v->rule != GS_RULE_QUALIFIED_MAJORITY && has_fraction)
    loader_error (l, line, "a fraction applies only to a qualified majority");
  if (v->rule == GS_RULE_WEIGHTED)
    {
      guint64 total = 0;
      for (guint i = 0; i < b->n_members; i++)
        total += b->members[i].weight;
      if (v->quota == 0)
        loader_error (l, line, "weighted voting needs a quota");
      else if (v->quota > total)
        loader_error (l, line,
                      "the quota of %" G_GUINT64_FORMAT
                      " is above the total weight of '%s' (%" G_GUINT64_FORMAT
                      "), so nothing could ever be carried",
                      v->quota, b->id, total);
    }
  else if (v->quota > 0)
    loader_error (l, line, "a quota applies only to weighted voting");
  if (v->casting && b->chair < 0)
    loader_error (l, line,
                  "'%s' gives the chair a casting vote but has no "
                  "chair",
                  b->id);
}

static void
read_members (Loader *l, xmlNodePtr c, GsBody *b)
{
  GArray *members = g_array_new (FALSE, FALSE, sizeof (GsMember));
  int flagged_chair = -1;
  for (xmlNodePtr m = c->children; m; m = m->next)
    {
      if (!is_element (m, "member"))
        continue;
      int p = ref_attr (l, m, "person", "person", gs_scenario_find_person);
      g_autofree char *deputy_attr = attr (m, "deputy");
      int deputy = ref_attr (l, m, "deputy", "deputy", gs_scenario_find_person);
      if (p < 0)
        continue;
      gboolean dup = FALSE;
      for (guint i = 0; i < members->len; i++)
        dup |= g_array_index (members, GsMember, i).person == (guint)p;
      if (dup)
        {
          loader_error (l, line_of (m), "'%s' is a member of '%s' twice",
                        GS_PERSON (l->s, p)->id, b->id);
          continue;
        }
      if (deputy == p)
        loader_error (l, line_of (m), "'%s' cannot be their own deputy",
                      GS_PERSON (l->s, p)->id);
      if (bool_attr (m, "chair", FALSE))
        {
          if (flagged_chair >= 0)
            loader_error (l, line_of (m), "'%s' has two chairs", b->id);
          flagged_chair = (int)members->len;
        }
      GsMember mem = { .person = (guint)p,
                       .deputy = deputy_attr ? deputy : -1,
                       .weight = (guint)uint_attr (m, "weight", 1) };
      g_array_append_val (members, mem);
    }
  b->n_members = members->len;
  b->members = (GsMember *)g_array_free (members, FALSE);
  /* The chair: the member marked so, else the first whose role is chair. */
  b->chair = flagged_chair;
  for (guint i = 0; b->chair < 0 && i < b->n_members; i++)
    if (GS_PERSON (l->s, b->members[i].person)->role == GS_ROLE_CHAIR)
      b->chair = (int)i;
}

/* "a b c" -> organisation indices, each at most once. */
static gint32 *
read_parties (Loader *l, xmlNodePtr n, guint *n_out)
{
  g_autofree char *v = attr (n, "parties");
  GArray *out = g_array_new (FALSE, FALSE, sizeof (gint32));
  g_auto (GStrv) ids = g_strsplit_set (v ? v : "", " \t\r\n", -1);
  for (char **id = ids; *id; id++)
    {
      if (**id == '\0')
        continue;
      gint32 o = find_org (l->s, *id);
      gboolean dup = FALSE;
      for (guint i = 0; i < out->len; i++)
        dup |= g_array_index (out, gint32, i) == o;
      if (o < 0)
        loader_error (l, line_of (n),
                      "organisation '%s' is not defined (attribute "
                      "'parties')",
                      *id);
      else if (dup)
        loader_error (l, line_of (n), "party '%s' is listed twice", *id);
      else
        g_array_append_val (out, o);
    }
  if (out->len < 2)
    loader_error (l, line_of (n), "'%s' needs at least two parties",
                  (const char *)n->name);
  *n_out = out->len;
  return (gint32 *)g_array_free (out, FALSE);
}

/* Reads a body's common parts: id, name, members, quorum, voting, and (for
 * bodies that meet on their own) the calendar.  Returns its index. */
static guint
read_body (Loader *l, xmlNodePtr c, GsBodyKind kind, int group)
{
  GsBody b = { 0 };
  b.id = intern_attr (l, c, "id");
  b.name = intern_attr (l, c, "name");
  b.kind = kind;
  b.group = group;
  b.org = -1;
  b.escalation.ladder = -1;
  b.line = (int)line_of (c);
  claim_id (l, c, b.id);

  if (kind == GS_BODY_JOINT_COMMITTEE || kind == GS_BODY_CIC)
    b.parties = read_parties (l, c, &b.n_parties);
  else
    {
      b.org = ref_attr (l, c, "org", "organisation", find_org);
      b.n_parties = 1;
      b.parties = g_new (gint32, 1);
      b.parties[0] = b.org;
    }

  if (kind == GS_BODY_OFFICER)
    {
      int p = ref_attr (l, c, "person", "person", gs_scenario_find_person);
      b.members = g_new0 (GsMember, 1);
      b.n_members = p >= 0 ? 1 : 0;
      b.members[0] = (GsMember){ .person = (guint)MAX (p, 0),
                                 .deputy = -1,
                                 .weight = 1 };
      b.chair = -1;
      b.quorum = (GsQuorum){ .present = 1, .deputies_count = TRUE };
      b.voting = (GsVoting){ .rule = GS_RULE_SIMPLE_MAJORITY };
      b.deputies_vote = TRUE;
    }
  else if (kind != GS_BODY_CIC)
    {
      read_members (l, c, &b);
      read_quorum (l, c, &b);
      read_voting (l, c, &b);
    }
  if (group < 0)
    read_calendar (l, child (c, "meets"), &b.calendar);
  g_array_append_val (l->s->bodies, b);
  g_ptr_array_add (l->body_nodes, c);
  return l->s->bodies->len - 1;
}

static void
read_cic (Loader *l, xmlNodePtr c)
{
  guint gi = read_body (l, c, GS_BODY_CIC, -1);
  GArray *constituents = g_array_new (FALSE, FALSE, sizeof (guint));
  for (xmlNodePtr k = c->children; k; k = k->next)
    if (is_element (k, "committee"))
      {
        guint ki = read_body (l, k, GS_BODY_COMMITTEE, (int)gi);
        g_array_append_val (constituents, ki);
      }
  GsBody *g = GS_BODY (l->s, gi); /* after the appends that may move it */
  g->n_constituents = constituents->len;
  g->constituents = (guint *)g_array_free (constituents, FALSE);
  g_autofree char *rule = attr (c, "rule");
  g->cic_rule = rule == NULL || strcmp (rule, "all") == 0 ? GS_CIC_ALL
                : strcmp (rule, "majority") == 0          ? GS_CIC_MAJORITY
                                                          : GS_CIC_AT_LEAST;
  g->cic_n = (guint)uint_attr (c, "n", 0);
  if (g->cic_rule == GS_CIC_AT_LEAST
      && (g->cic_n == 0 || g->cic_n > g->n_constituents))
    loader_error (l, line_of (c),
                  "rule=\"at-least\" needs n between 1 and the number of "
                  "constituents (%u)",
                  g->n_constituents);

  /* One constituent per party, each of its own party. */
  for (guint i = 0; i < g->n_constituents; i++)
    {
      const GsBody *k = GS_BODY (l->s, g->constituents[i]);
      if (k->org < 0)
        continue;
      gboolean is_party = FALSE;
      for (guint j = 0; j < g->n_parties; j++)
        is_party |= g->parties[j] == k->org;
      if (!is_party)
        loader_error (l, k->line,
                      "constituent '%s' belongs to '%s', which is not a "
                      "party to '%s'",
                      k->id, GS_ORG (l->s, k->org)->id, g->id);
      for (guint j = 0; j < i; j++)
        if (GS_BODY (l->s, g->constituents[j])->org == k->org)
          loader_error (l, k->line,
                        "'%s' and '%s' are both constituents for '%s': each "
                        "party has one committee",
                        GS_BODY (l->s, g->constituents[j])->id, k->id,
                        GS_ORG (l->s, k->org)->id);
    }
  for (guint j = 0; j < g->n_parties; j++)
    {
      gboolean has = FALSE;
      for (guint i = 0; i < g->n_constituents; i++)
        has |= GS_BODY (l->s, g->constituents[i])->org == g->parties[j];
      if (!has)
        loader_error (l, line_of (c), "party '%s' has no committee in '%s'",
                      GS_ORG (l->s, g->parties[j])->id, g->id);
    }
}

static void
read_bodies (Loader *l, xmlNodePtr root)
{
  for (xmlNodePtr c = root->children; c; c = c->next)
    {
      if (is_element (c, "board"))
        read_body (l, c, GS_BODY_BOARD, -1);
      else if (is_element (c, "committee"))
        read_body (l, c, GS_BODY_COMMITTEE, -1);
      else if (is_element (c, "advisory-group"))
        read_body (l, c, GS_BODY_ADVISORY, -1);
      else if (is_element (c, "officer"))
        read_body (l, c, GS_BODY_OFFICER, -1);
      else if (is_element (c, "joint-committee"))
        read_body (l, c, GS_BODY_JOINT_COMMITTEE, -1);
      else if (is_element (c, "committees-in-common"))
        read_cic (l, c);
    }
}

/* ---- escalation ladders -------------------------------------------------- */

static int
find_ladder (const GsScenario *s, const char *id)
{
  for (guint i = 0; i < s->ladders->len; i++)
    if (strcmp (GS_LADDER (s, i)->id, id) == 0)
      return (int)i;
  return -1;
}

static const char *const level_methods[]
    = { "vote", "reconsider", "chair", "mediation", "binding", NULL };

/* What a level is called in reports when the file names no forum, body or
 * person for it. */
static const char *const level_default_names[]
    = { "Vote", "Reconsideration", "Chair", "Mediator", "Arbitrator" };

static void
read_level (Loader *l, xmlNodePtr n, GsLevel *lv)
{
  long line = line_of (n);
  *lv = (GsLevel){ .body = -1, .person = -1, .line = (int)line };
  lv->method = enum_attr (n, "decides", level_methods, GS_LEVEL_VOTE);
  const char *method = level_methods[lv->method];
  g_autofree char *body_attr = attr (n, "body");
  g_autofree char *person_attr = attr (n, "person");
  g_autofree char *success_attr = attr (n, "success");
  g_autofree char *approve_attr = attr (n, "approve");
  int body = ref_attr (l, n, "body", "body", gs_scenario_find_body);
  int person = ref_attr (l, n, "person", "person", gs_scenario_find_person);
  duration_attr (l, n, "within", TRUE, &lv->within);
  duration_attr (l, n, "cooling-off", FALSE, &lv->cooling_off);
  lv->success = double_attr (n, "success", 0.0);
  lv->approve = double_attr (n, "approve",
                             lv->method == GS_LEVEL_MEDIATION ? 1.0
                             : lv->method == GS_LEVEL_BINDING ? 0.5
                                                              : 0.0);
  switch (lv->method)
    {
      case GS_LEVEL_VOTE:
        if (body_attr == NULL)
          loader_error (l, line, "decides=\"vote\" needs the body that votes");
        else if (body >= 0 && GS_BODY (l->s, body)->group >= 0)
          loader_error (l, line,
                        "'%s' meets only in common, as part of '%s': name the "
                        "committees in common as the body that votes",
                        GS_BODY (l->s, body)->id,
                        GS_BODY (l->s, GS_BODY (l->s, body)->group)->id);
        else
          lv->body = body;
        break;
      case GS_LEVEL_RECONSIDER:
        if (body_attr != NULL || person_attr != NULL)
          loader_error (
              l, line,
              "decides=\"reconsider\" returns the dispute to the body "
              "it arose in: it names no body or person");
        break;
      case GS_LEVEL_CHAIR:
        if (body_attr == NULL && person_attr == NULL)
          loader_error (l, line,
                        "decides=\"chair\" needs the person who decides, or a "
                        "body whose chair decides");
        else if (body_attr != NULL && person_attr != NULL)
          loader_error (
              l, line,
              "decides=\"chair\" names a person or a body whose chair "
              "decides, not both");
        else if (person >= 0)
          lv->person = person;
        else if (body >= 0)
          {
            const GsBody *b = GS_BODY (l->s, body);
            lv->body = body;
            if (b->chair < 0)
              loader_error (l, line, "body '%s' has no chair to decide", b->id);
            else
              lv->person = (int)b->members[b->chair].person;
          }
        break;
      case GS_LEVEL_MEDIATION:
        if (success_attr == NULL)
          loader_error (l, line,
                        "decides=\"mediation\" needs success, the probability "
                        "of agreement");
        break;
      case GS_LEVEL_BINDING:
        break;
    }
  if (success_attr != NULL && lv->method != GS_LEVEL_MEDIATION)
    loader_error (l, line,
                  "success applies only to decides=\"mediation\", not "
                  "decides=\"%s\"",
                  method);
  if (approve_attr != NULL && lv->method != GS_LEVEL_MEDIATION
      && lv->method != GS_LEVEL_BINDING)
    loader_error (l, line,
                  "approve applies only to decides=\"mediation\" or "
                  "\"binding\", not decides=\"%s\"",
                  method);

  lv->name = intern_attr (l, n, "forum");
  if (lv->name == NULL && body >= 0)
    lv->name = GS_BODY (l->s, body)->name;
  if (lv->name == NULL && person >= 0)
    lv->name = GS_PERSON (l->s, person)->name;
  if (lv->name == NULL)
    lv->name = level_default_names[lv->method];
}

/* Reports each cycle of 'then' once, at the ladder of the cycle that comes
 * first in the file, naming the ladders in the order disputes pass. */
static void
check_ladder_cycles (Loader *l)
{
  GsScenario *s = l->s;
  guint n = s->ladders->len;
  /* 0: not seen; 1: on the current walk; 2: done. */
  g_autofree guint8 *state = g_new0 (guint8, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      int j = (int)i;
      while (j >= 0 && state[j] == 0)
        {
          state[j] = 1;
          j = GS_LADDER (s, j)->then;
        }
      if (j >= 0 && state[j] == 1)
        {
          int first = j;
          for (int k = GS_LADDER (s, j)->then; k != j;
               k = GS_LADDER (s, k)->then)
            first = MIN (first, k);
          const GsLadder *f = GS_LADDER (s, first);
          GString *path = g_string_new (f->id);
          int k = first;
          do
            {
              k = GS_LADDER (s, k)->then;
              g_string_append_printf (path, " -> %s", GS_LADDER (s, k)->id);
            }
          while (k != first);
          loader_error (l, f->line,
                        "ladder '%s' hands disputes on in a cycle: %s", f->id,
                        path->str);
          g_string_free (path, TRUE);
        }
      for (j = (int)i; j >= 0 && state[j] == 1; j = GS_LADDER (s, j)->then)
        state[j] = 2;
    }
}

static void
read_ladders (Loader *l, xmlNodePtr root)
{
  for (xmlNodePtr c = root->children; c; c = c->next)
    {
      if (!is_element (c, "ladder"))
        continue;
      GsLadder ld = { 0 };
      ld.id = intern_attr (l, c, "id");
      ld.name = intern_attr (l, c, "name");
      if (ld.name == NULL)
        ld.name = ld.id;
      ld.then = -1;
      ld.line = (int)line_of (c);
      claim_id (l, c, ld.id);
      GArray *levels = g_array_new (FALSE, TRUE, sizeof (GsLevel));
      for (xmlNodePtr v = c->children; v; v = v->next)
        if (is_element (v, "level"))
          {
            GsLevel lv;
            read_level (l, v, &lv);
            g_array_append_val (levels, lv);
          }
      ld.n_levels = levels->len;
      ld.levels = (GsLevel *)g_array_free (levels, FALSE);
      g_array_append_val (l->s->ladders, ld);
    }
  /* 'then' may point forward: resolve it once every ladder is known. */
  guint i = 0;
  for (xmlNodePtr c = root->children; c; c = c->next)
    if (is_element (c, "ladder"))
      GS_LADDER (l->s, i++)->then
          = ref_attr (l, c, "then", "ladder", find_ladder);
  check_ladder_cycles (l);
}

static const char *const trigger_names[] = { "tie", "blocked", "split", NULL };
static const guint trigger_bits[]
    = { GS_TRIGGER_TIE, GS_TRIGGER_BLOCKED, GS_TRIGGER_SPLIT };

/* A body's <escalation>, once the ladders are known. */
static void
read_escalation (Loader *l, xmlNodePtr c, GsBody *b)
{
  xmlNodePtr e = child (c, "escalation");
  if (e == NULL)
    return;
  long line = line_of (e);
  GsEscalation *esc = &b->escalation;
  esc->ladder = ref_attr (l, e, "ladder", "ladder", find_ladder);
  g_autofree char *on = attr (e, "on");
  g_auto (GStrv) tokens = g_strsplit_set (on ? on : "", " \t\r\n", -1);
  for (char **t = tokens; *t; t++)
    {
      if (**t == '\0')
        continue;
      int k = enum_attr_value (*t, trigger_names);
      if (k < 0)
        continue; /* the schema has already refused it */
      esc->triggers |= trigger_bits[k];
      if (trigger_bits[k] == GS_TRIGGER_SPLIT && b->kind != GS_BODY_CIC)
        loader_error (l, line,
                      "on=\"split\" applies only to committees in common, "
                      "and '%s' is a %s",
                      b->id, gs_body_kind_to_string (b->kind));
    }
  g_autofree char *inquorate = attr (e, "inquorate");
  if (inquorate != NULL)
    {
      esc->triggers |= GS_TRIGGER_INQUORATE;
      esc->inquorate_n = (guint)uint_attr (e, "inquorate", 1);
    }
  g_autofree char *before = attr (e, "before-deadline");
  if (before != NULL)
    {
      esc->triggers |= GS_TRIGGER_DEADLINE;
      duration_attr (l, e, "before-deadline", TRUE, &esc->before_deadline);
    }
  if (esc->triggers == 0)
    loader_error (l, line,
                  "the escalation names no trigger: give on, inquorate or "
                  "before-deadline");
}

static void
read_escalations (Loader *l)
{
  for (guint i = 0; i < l->s->bodies->len; i++)
    read_escalation (l, g_ptr_array_index (l->body_nodes, i),
                     GS_BODY (l->s, i));
}

static void
read_absences_and_conflicts (Loader *l, xmlNodePtr root)
{
  for (xmlNodePtr c = root->children; c; c = c->next)
    {
      if (is_element (c, "absence"))
        {
          GsAbsence a = { .line = (int)line_of (c) };
          int p = ref_attr (l, c, "person", "person", gs_scenario_find_person);
          gboolean ok = date_attr (l, c, "from", &a.from);
          ok &= date_attr (l, c, "until", &a.until);
          if (ok && a.until <= a.from)
            loader_error (l, a.line,
                          "the absence ends ('until') on or before it "
                          "starts ('from')");
          if (p >= 0)
            {
              a.person = (guint)p;
              g_array_append_val (l->s->absences, a);
            }
        }
      else if (is_element (c, "conflict"))
        {
          GsConflict k = { .line = (int)line_of (c) };
          int p = ref_attr (l, c, "person", "person", gs_scenario_find_person);
          g_autofree char *mv = attr (c, "matter");
          g_autofree char *ov = attr (c, "org");
          k.matter
              = ref_attr (l, c, "matter", "matter", gs_scenario_find_matter);
          k.org = ref_attr (l, c, "org", "organisation", find_org);
          if (mv == NULL && ov == NULL)
            loader_error (l, k.line,
                          "a conflict names a matter, an organisation or "
                          "both");
          if (p >= 0)
            {
              k.person = (guint)p;
              g_array_append_val (l->s->conflicts, k);
            }
        }
    }
}

typedef struct
{
  int person, org, matter;
  double support;
  double if_affected; /* support when the proposal affects their org */
  double abstain;
  int rank;
  long line;
} Stance;

static int
stance_rank (const Stance *st)
{
  if (st->person >= 0)
    return st->matter >= 0 ? 5 : 4;
  if (st->org >= 0)
    return st->matter >= 0 ? 3 : 2;
  return st->matter >= 0 ? 1 : 0;
}

static void
read_stances (Loader *l, xmlNodePtr root)
{
  g_autoptr (GArray) stances = g_array_new (FALSE, FALSE, sizeof (Stance));
  for (xmlNodePtr c = root->children; c; c = c->next)
    {
      if (!is_element (c, "stance"))
        continue;
      Stance st = { -1, -1, -1, 0.5, 0.5, 0.0, 0, line_of (c) };
      g_autofree char *pv = attr (c, "person");
      g_autofree char *ov = attr (c, "org");
      g_autofree char *mv = attr (c, "matter");
      st.person = ref_attr (l, c, "person", "person", gs_scenario_find_person);
      st.org = ref_attr (l, c, "org", "organisation", find_org);
      st.matter = ref_attr (l, c, "matter", "matter", gs_scenario_find_matter);
      st.support = double_attr (c, "support", 0.5);
      st.if_affected = double_attr (c, "if-affected", st.support);
      st.abstain = double_attr (c, "abstain", 0.0);
      if (pv && ov)
        {
          loader_error (l, st.line,
                        "a stance names a person or an organisation, not "
                        "both");
          continue;
        }
      if ((pv && st.person < 0) || (ov && st.org < 0) || (mv && st.matter < 0))
        continue;
      st.rank = stance_rank (&st);
      for (guint i = 0; i < stances->len; i++)
        {
          const Stance *o = &g_array_index (stances, Stance, i);
          if (o->person == st.person && o->org == st.org
              && o->matter == st.matter)
            loader_error (l, st.line, "this stance repeats the one on line %ld",
                          o->line);
        }
      g_array_append_val (stances, st);
    }

  GsScenario *s = l->s;
  guint np = s->people->len, nm = s->matters->len;
  gsize cells = (gsize)MAX (np, 1) * MAX (nm, 1);
  s->support = g_new (double, cells);
  s->support_affected = g_new (double, cells);
  s->abstain = g_new (double, cells);
  for (guint p = 0; p < np; p++)
    for (guint m = 0; m < nm; m++)
      {
        int best = -1;
        double support = 0.5, if_affected = 0.5, abstain = 0.0;
        int org = GS_PERSON (s, p)->org;
        for (guint i = 0; i < stances->len; i++)
          {
            const Stance *st = &g_array_index (stances, Stance, i);
            gboolean match = (st->person < 0 || st->person == (int)p)
                             && (st->org < 0 || (org >= 0 && st->org == org))
                             && (st->matter < 0 || st->matter == (int)m);
            if (match && st->rank > best)
              {
                best = st->rank;
                support = st->support;
                if_affected = st->if_affected;
                abstain = st->abstain;
              }
          }
        s->support[(gsize)p * nm + m] = support;
        s->support_affected[(gsize)p * nm + m] = if_affected;
        s->abstain[(gsize)p * nm + m] = abstain;
      }
}

/* "a b c" -> organisation indices; the lead is added when missing. */
static guint *
read_affects (Loader *l, xmlNodePtr n, int lead, guint *n_out)
{
  g_autofree char *v = attr (n, "affects");
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint));
  if (v != NULL)
    {
      g_auto (GStrv) ids = g_strsplit_set (v, " \t\r\n", -1);
      for (char **id = ids; *id; id++)
        {
          if (**id == '\0')
            continue;
          int o = find_org (l->s, *id);
          if (o < 0)
            {
              loader_error (l, line_of (n),
                            "organisation '%s' is not defined (attribute "
                            "'affects')",
                            *id);
              continue;
            }
          gboolean dup = FALSE;
          for (guint i = 0; i < out->len; i++)
            dup |= g_array_index (out, guint, i) == (guint)o;
          if (dup)
            loader_error (l, line_of (n),
                          "organisation '%s' is listed twice in 'affects'",
                          *id);
          else
            {
              guint uo = (guint)o;
              g_array_append_val (out, uo);
            }
        }
    }
  if (lead >= 0)
    {
      gboolean has = FALSE;
      for (guint i = 0; i < out->len; i++)
        has |= g_array_index (out, guint, i) == (guint)lead;
      if (!has)
        {
          guint ul = (guint)lead;
          g_array_prepend_val (out, ul);
        }
    }
  *n_out = out->len;
  return (guint *)g_array_free (out, FALSE);
}

static gboolean
check_deciding_body (Loader *l, xmlNodePtr n, int body)
{
  if (body < 0)
    return FALSE;
  const GsBody *b = GS_BODY (l->s, body);
  if (b->group >= 0)
    {
      loader_error (l, line_of (n),
                    "'%s' meets only in common, as part of '%s': name the "
                    "committees in common as the deciding body",
                    b->id, GS_BODY (l->s, b->group)->id);
      return FALSE;
    }
  if (b->kind == GS_BODY_ADVISORY)
    {
      loader_error (l, line_of (n),
                    "'%s' is an advisory group: it may recommend but cannot "
                    "decide",
                    b->id);
      return FALSE;
    }
  return TRUE;
}

/* ---- pathways ------------------------------------------------------------ */

static int
find_pathway (const GsScenario *s, const char *id)
{
  /* Implicit pathways carry their body's id; they are not for naming. */
  for (guint i = 0; i < s->pathways->len; i++)
    if (!GS_PATHWAY (s, i)->implicit && strcmp (GS_PATHWAY (s, i)->id, id) == 0)
      return (int)i;
  return -1;
}

/* A sum as the reports write it: £5,000,001.  (transfer full) */
static char *
format_pounds (gint64 v)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, v);
  size_t n = strlen (digits);
  GString *out = g_string_new ("£");
  for (size_t i = 0; i < n; i++)
    {
      if (i > 0 && digits[i - 1] != '-' && (n - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

/* 'over' (exclusive) and 'up-to' (inclusive) as a range of whole pounds,
 * reporting one that holds no value; @what names the element. */
static GsValueRange
range_attrs (Loader *l, xmlNodePtr n, const char *what)
{
  g_autofree char *over = attr (n, "over");
  g_autofree char *up_to = attr (n, "up-to");
  GsValueRange r = { 0, GS_VALUE_MAX };
  if (over != NULL)
    r.lo = (gint64)g_ascii_strtoull (over, NULL, 10) + 1;
  if (up_to != NULL)
    r.hi = (gint64)g_ascii_strtoull (up_to, NULL, 10);
  if (r.lo > r.hi)
    {
      g_autofree char *lo = format_pounds (r.lo - 1);
      g_autofree char *hi = format_pounds (r.hi);
      loader_error (l, line_of (n),
                    "%s takes no value: over %s and up to %s is an empty "
                    "range",
                    what, lo, hi);
    }
  return r;
}

static int
compare_ranges (gconstpointer a, gconstpointer b)
{
  gint64 x = ((const GsValueRange *)a)->lo, y = ((const GsValueRange *)b)->lo;
  return (x > y) - (x < y);
}

/* The smallest value of @target that none of @ranges (GsValueRange, sorted
 * here) holds, or -1 when they cover it all. */
static gint64
first_uncovered (GArray *ranges, GsValueRange target)
{
  g_array_sort (ranges, compare_ranges);
  gint64 next = target.lo;
  for (guint i = 0; i < ranges->len && next <= target.hi; i++)
    {
      const GsValueRange *r = &g_array_index (ranges, GsValueRange, i);
      if (r->lo > next)
        break;
      if (r->hi >= next)
        next = r->hi + 1;
    }
  return next <= target.hi ? next : -1;
}

static const char *const gate_needs[] = { "all", "any", "at-least", NULL };

/* One <gateway>; @earlier holds the pathway's gateways before it. */
static void
read_gateway (Loader *l, xmlNodePtr n, const char *pathway_id,
              const GArray *earlier, guint first_slot, GsGateway *gw)
{
  long line = line_of (n);
  *gw = (GsGateway){ .return_to = -1,
                     .first_slot = first_slot,
                     .line = (int)line };
  gw->id = intern_attr (l, n, "id");
  gw->name = intern_attr (l, n, "name");
  for (guint i = 0; gw->id != NULL && i < earlier->len; i++)
    {
      const GsGateway *o = &g_array_index (earlier, GsGateway, i);
      if (o->id != NULL && strcmp (o->id, gw->id) == 0)
        loader_error (l, line,
                      "duplicate gateway id '%s' in pathway '%s' (first used "
                      "on line %d)",
                      gw->id, pathway_id, o->line);
    }
  g_autofree char *role = attr (n, "role");
  gw->recommend = role != NULL && strcmp (role, "recommend") == 0;
  gw->locked = bool_attr (n, "locked", TRUE);

  /* The bodies: one of 'body' and 'bodies'. */
  g_autofree char *one = attr (n, "body");
  g_autofree char *many = attr (n, "bodies");
  if (one != NULL && many != NULL)
    loader_error (l, line,
                  "a gateway names one body or several bodies, not both");
  else if (one == NULL && many == NULL)
    loader_error (l, line, "a gateway needs its bodies: give body or bodies");
  const char *which = one != NULL ? "body" : "bodies";
  g_auto (GStrv) ids = g_strsplit_set (one != NULL ? one
                                       : many      ? many
                                                   : "",
                                       " \t\r\n", -1);
  GArray *bodies = g_array_new (FALSE, FALSE, sizeof (guint));
  for (char **id = ids; *id; id++)
    {
      if (**id == '\0')
        continue;
      int bi = gs_scenario_find_body (l->s, *id);
      if (bi < 0)
        {
          loader_error (l, line, "body '%s' is not defined (attribute '%s')",
                        *id, which);
          continue;
        }
      gboolean dup = FALSE;
      for (guint i = 0; i < bodies->len; i++)
        dup |= g_array_index (bodies, guint, i) == (guint)bi;
      if (dup)
        {
          loader_error (l, line, "body '%s' is listed twice in the gateway",
                        *id);
          continue;
        }
      const GsBody *b = GS_BODY (l->s, bi);
      if (b->group >= 0)
        loader_error (l, line,
                      "'%s' meets only in common, as part of '%s': name the "
                      "committees in common at the gateway",
                      b->id, GS_BODY (l->s, b->group)->id);
      else if (b->kind == GS_BODY_ADVISORY && !gw->recommend)
        loader_error (l, line,
                      "'%s' is an advisory group: it may recommend but cannot "
                      "decide (give the gateway role=\"recommend\")",
                      b->id);
      guint ub = (guint)bi;
      g_array_append_val (bodies, ub);
    }
  gw->n_bodies = bodies->len;
  gw->bodies = (guint *)g_array_free (bodies, FALSE);

  /* How many must approve. */
  gw->need = enum_attr (n, "need", gate_needs, GS_GATE_ALL);
  g_autofree char *nv = attr (n, "n");
  guint64 need_n = uint_attr (n, "n", 0);
  switch (gw->need)
    {
      case GS_GATE_ALL:
        gw->need_n = gw->n_bodies;
        break;
      case GS_GATE_ANY:
        gw->need_n = 1;
        break;
      case GS_GATE_AT_LEAST:
        if (nv == NULL || need_n < 1 || need_n > gw->n_bodies)
          loader_error (l, line,
                        "need=\"at-least\" needs n between 1 and the number of "
                        "bodies (%u)",
                        gw->n_bodies);
        gw->need_n = (guint)MIN (need_n, gw->n_bodies);
        break;
    }
  if (nv != NULL && gw->need != GS_GATE_AT_LEAST)
    loader_error (l, line, "n applies only to need=\"at-least\"");

  gw->applies = range_attrs (l, n, "the gateway");

  /* What a rejection does. */
  g_autofree char *on_reject = attr (n, "on-reject");
  g_autofree char *return_to = attr (n, "return-to");
  gboolean returns = on_reject != NULL && strcmp (on_reject, "return") == 0;
  if (returns && gw->recommend)
    loader_error (l, line,
                  "a gateway that only recommends cannot reject, so "
                  "on-reject=\"return\" does not apply");
  else if (returns && return_to == NULL)
    loader_error (l, line,
                  "on-reject=\"return\" needs return-to, the earlier gateway "
                  "to return to");
  else if (!returns && return_to != NULL)
    loader_error (l, line, "return-to applies only with on-reject=\"return\"");
  else if (returns)
    {
      for (guint i = 0; i < earlier->len && gw->return_to < 0; i++)
        {
          const GsGateway *o = &g_array_index (earlier, GsGateway, i);
          if (o->id != NULL && strcmp (o->id, return_to) == 0)
            gw->return_to = (int)i;
        }
      if (gw->return_to < 0)
        loader_error (l, line,
                      "return-to '%s' is not an earlier gateway of pathway "
                      "'%s'",
                      return_to, pathway_id);
    }
  gw->max_returns = (guint)uint_attr (n, "max-returns", 1);
}

/* "a b c" in @name -> matter indices, each at most once. */
static guint *
read_matters (Loader *l, xmlNodePtr n, const char *name, guint *n_out)
{
  g_autofree char *v = attr (n, name);
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint));
  g_auto (GStrv) ids = g_strsplit_set (v ? v : "", " \t\r\n", -1);
  for (char **id = ids; *id; id++)
    {
      if (**id == '\0')
        continue;
      int m = gs_scenario_find_matter (l->s, *id);
      gboolean dup = FALSE;
      for (guint i = 0; i < out->len; i++)
        dup |= g_array_index (out, guint, i) == (guint)m;
      if (m < 0)
        loader_error (l, line_of (n),
                      "matter '%s' is not defined (attribute '%s')", *id, name);
      else if (dup)
        loader_error (l, line_of (n), "matter '%s' is listed twice in '%s'",
                      *id, name);
      else
        {
          guint um = (guint)m;
          g_array_append_val (out, um);
        }
    }
  *n_out = out->len;
  return (guint *)g_array_free (out, FALSE);
}

static void
read_pathway (Loader *l, xmlNodePtr c)
{
  GsPathway pw = { 0 };
  pw.id = intern_attr (l, c, "id");
  pw.name = intern_attr (l, c, "name");
  if (pw.name == NULL)
    pw.name = pw.id;
  pw.line = (int)line_of (c);
  claim_id (l, c, pw.id);
  pw.matters = read_matters (l, c, "matters", &pw.n_matters);
  g_autofree char *what = g_strdup_printf ("pathway '%s'", pw.id);
  pw.values = range_attrs (l, c, what);

  GArray *gateways = g_array_new (FALSE, TRUE, sizeof (GsGateway));
  for (xmlNodePtr g = c->children; g; g = g->next)
    if (is_element (g, "gateway"))
      {
        GsGateway gw;
        read_gateway (l, g, pw.id, gateways, pw.n_slots, &gw);
        pw.n_slots += gw.n_bodies;
        g_array_append_val (gateways, gw);
      }
  pw.n_gateways = gateways->len;
  pw.gateways = (GsGateway *)g_array_free (gateways, FALSE);

  /* Every value the pathway takes meets a gateway that can decide it. */
  if (pw.values.lo <= pw.values.hi)
    {
      g_autoptr (GArray) binding
          = g_array_new (FALSE, FALSE, sizeof (GsValueRange));
      for (guint i = 0; i < pw.n_gateways; i++)
        if (!pw.gateways[i].recommend)
          g_array_append_val (binding, pw.gateways[i].applies);
      gint64 gap = first_uncovered (binding, pw.values);
      if (gap >= 0)
        {
          g_autofree char *v = format_pounds (gap);
          loader_error (l, pw.line,
                        "pathway '%s': a proposal worth %s would meet no "
                        "gateway that can decide it",
                        pw.id, v);
        }
    }
  g_array_append_val (l->s->pathways, pw);
}

static void
read_pathways (Loader *l, xmlNodePtr root)
{
  for (xmlNodePtr c = root->children; c; c = c->next)
    if (is_element (c, "pathway"))
      read_pathway (l, c);
}

/* The pathway of a proposal or stream that names @body: one gateway of
 * that body alone, made on first use and appended after the explicit
 * pathways.  @implicit maps bodies to these pathways (-1: none yet). */
static guint
implicit_pathway (Loader *l, int *implicit, guint body)
{
  if (implicit[body] >= 0)
    return (guint)implicit[body];
  const GsBody *b = GS_BODY (l->s, body);
  GsGateway *gw = g_new0 (GsGateway, 1);
  *gw = (GsGateway){ .bodies = g_new (guint, 1),
                     .n_bodies = 1,
                     .need = GS_GATE_ALL,
                     .need_n = 1,
                     .locked = TRUE,
                     .applies = { 0, GS_VALUE_MAX },
                     .return_to = -1,
                     .line = b->line };
  gw->bodies[0] = body;
  GsPathway pw = { .id = b->id,
                   .name = b->name,
                   .values = { 0, GS_VALUE_MAX },
                   .gateways = gw,
                   .n_gateways = 1,
                   .n_slots = 1,
                   .implicit = TRUE,
                   .line = b->line };
  g_array_append_val (l->s->pathways, pw);
  implicit[body] = (int)l->s->pathways->len - 1;
  return (guint)implicit[body];
}

/* How a proposal or stream finds its pathway: 'body' (its implicit
 * pathway), 'pathway', or neither (chosen by matter and value, and
 * *by_value is set).  Returns the pathway, or -1. */
static int
read_route (Loader *l, xmlNodePtr c, int *implicit, gboolean *by_value)
{
  g_autofree char *body_attr = attr (c, "body");
  g_autofree char *pathway_attr = attr (c, "pathway");
  *by_value = FALSE;
  if (body_attr != NULL && pathway_attr != NULL)
    {
      loader_error (l, line_of (c),
                    "a %s names a body or a pathway, not both (or neither, "
                    "to choose by matter and value)",
                    (const char *)c->name);
      return -1;
    }
  if (body_attr != NULL)
    {
      int body = ref_attr (l, c, "body", "body", gs_scenario_find_body);
      if (!check_deciding_body (l, c, body))
        return -1;
      return (int)implicit_pathway (l, implicit, (guint)body);
    }
  if (pathway_attr != NULL)
    return ref_attr (l, c, "pathway", "pathway", find_pathway);
  *by_value = TRUE;
  return -1;
}

static void
no_pathway_error (Loader *l, xmlNodePtr c, int matter, gint64 value)
{
  g_autofree char *v = format_pounds (value);
  loader_error (l, line_of (c),
                "no pathway takes matter '%s' worth %s: name a body or a "
                "pathway",
                GS_MATTER (l->s, matter)->id, v);
}

static gboolean
in_period (Loader *l, GsTime t)
{
  return t >= l->s->start && t < l->s->end;
}

static gboolean
parse_value_dist (const char *text, GsValueDist *out)
{
  double a = 0, b = 0;
  if (g_str_has_prefix (text, "uniform:"))
    {
      char *end = NULL;
      a = g_ascii_strtod (text + 8, &end);
      if (end == NULL || *end != ',')
        return FALSE;
      b = g_ascii_strtod (end + 1, NULL);
      *out = (GsValueDist){ GS_VALUE_UNIFORM, a, b };
      return TRUE;
    }
  if (g_str_has_prefix (text, "lognormal:"))
    {
      char *end = NULL;
      a = g_ascii_strtod (text + 10, &end);
      if (end == NULL || *end != ',')
        return FALSE;
      b = g_ascii_strtod (end + 1, NULL);
      *out = (GsValueDist){ GS_VALUE_LOGNORMAL, a, b };
      return TRUE;
    }
  *out = (GsValueDist){ GS_VALUE_FIXED, g_ascii_strtod (text, NULL), 0 };
  return TRUE;
}

static void
read_proposal (Loader *l, xmlNodePtr c, int *implicit)
{
  GsProposal p = { 0 };
  p.id = intern_attr (l, c, "id");
  p.title = intern_attr (l, c, "title");
  p.line = (int)line_of (c);
  claim_id (l, c, p.id);
  int matter = ref_attr (l, c, "matter", "matter", gs_scenario_find_matter);
  int lead = ref_attr (l, c, "lead", "organisation", find_org);
  p.value = (gint64)uint_attr (c, "value", 0);
  p.affects = read_affects (l, c, lead, &p.n_affects);
  p.deadline = GS_TIME_NEVER;
  gboolean by_value = FALSE;
  int pathway = read_route (l, c, implicit, &by_value);
  if (by_value && matter >= 0)
    {
      pathway = gs__scenario_select_pathway (l->s, (guint)matter, p.value);
      if (pathway < 0)
        no_pathway_error (l, c, matter, p.value);
    }
  if (date_attr (l, c, "arrives", &p.arrives) && !in_period (l, p.arrives))
    loader_error (l, p.line,
                  "proposal '%s' arrives outside the simulated period", p.id);
  g_autofree char *deadline = attr (c, "deadline");
  if (deadline && date_attr (l, c, "deadline", &p.deadline)
      && p.deadline < p.arrives)
    loader_error (l, p.line, "proposal '%s' has a deadline before it arrives",
                  p.id);
  p.matter = (guint)MAX (matter, 0);
  p.lead = (guint)MAX (lead, 0);
  p.pathway = (guint)MAX (pathway, 0);
  g_array_append_val (l->s->proposals, p);
}

static void
read_arrivals (Loader *l, xmlNodePtr c, int *implicit)
{
  GsArrivals a = { 0 };
  a.id = intern_attr (l, c, "id");
  a.title = intern_attr (l, c, "title");
  a.line = (int)line_of (c);
  claim_id (l, c, a.id);
  int matter = ref_attr (l, c, "matter", "matter", gs_scenario_find_matter);
  int lead = ref_attr (l, c, "lead", "organisation", find_org);
  a.affects = read_affects (l, c, lead, &a.n_affects);
  gboolean by_value = FALSE;
  a.pathway = read_route (l, c, implicit, &by_value);
  if (date_attr (l, c, "first", &a.first) && !in_period (l, a.first))
    loader_error (l, a.line,
                  "the first arrival of '%s' falls outside the simulated "
                  "period",
                  a.id);
  duration_attr (l, c, "every", TRUE, &a.every);
  g_autofree char *process = attr (c, "process");
  a.poisson = process != NULL && strcmp (process, "poisson") == 0;
  a.count = (guint)uint_attr (c, "count", 1);
  g_autofree char *value = attr (c, "value");
  if (!parse_value_dist (value ? value : "0", &a.value))
    loader_error (l, a.line, "cannot read the value distribution '%s'", value);
  else if (a.value.kind == GS_VALUE_UNIFORM && a.value.a > a.value.b)
    loader_error (l, a.line,
                  "uniform value range '%s' runs backwards (low above high)",
                  value);
  else if (a.value.kind == GS_VALUE_LOGNORMAL && !(a.value.b > 0))
    loader_error (l, a.line, "lognormal value '%s' needs a spread above zero",
                  value);
  else if (by_value && matter >= 0)
    {
      /* Chosen per case: every value the stream can draw needs a pathway. */
      g_autoptr (GArray) taken
          = g_array_new (FALSE, FALSE, sizeof (GsValueRange));
      for (guint i = 0; i < l->s->pathways->len; i++)
        {
          const GsPathway *pw = GS_PATHWAY (l->s, i);
          for (guint m = 0; !pw->implicit && m < pw->n_matters; m++)
            if (pw->matters[m] == (guint)matter)
              g_array_append_val (taken, pw->values);
        }
      gint64 gap = first_uncovered (taken, gs__value_dist_range (&a.value));
      if (gap >= 0)
        no_pathway_error (l, c, matter, gap);
    }
  g_autofree char *deadline = attr (c, "deadline");
  if (deadline)
    a.has_deadline = duration_attr (l, c, "deadline", TRUE, &a.deadline);
  a.matter = (guint)MAX (matter, 0);
  a.lead = (guint)MAX (lead, 0);
  g_array_append_val (l->s->arrivals, a);
}

/* Proposals and streams, after the explicit pathways: those naming a body
 * add its implicit pathway. */
static void
read_traffic (Loader *l, xmlNodePtr root)
{
  guint nb = l->s->bodies->len;
  g_autofree int *implicit = g_new (int, MAX (nb, 1));
  for (guint i = 0; i < nb; i++)
    implicit[i] = -1;
  for (xmlNodePtr c = root->children; c; c = c->next)
    {
      if (is_element (c, "proposal"))
        read_proposal (l, c, implicit);
      else if (is_element (c, "arrivals"))
        read_arrivals (l, c, implicit);
    }
}

/* ---- schemes of delegation ----------------------------------------------- */

/* Whether body @b may act for organisation @org: it is one of the
 * organisation's own bodies (its constituent committee in committees in
 * common included), or a joint committee or committees in common it is
 * party to.  A constituent committee acts for its own organisation only:
 * in committees in common each committee binds only its own. */
static gboolean
acts_for (const GsBody *b, guint org)
{
  for (guint i = 0; i < b->n_parties; i++)
    if (b->parties[i] == (gint32)org)
      return TRUE;
  return FALSE;
}

/* The problems reported so far, those beyond the cap included. */
static guint
n_problems (const Loader *l)
{
  return l->errors->len + l->n_dropped;
}

/* One scheme of delegation being read. */
typedef struct
{
  guint org;
  GArray *mine;    /* guint: its delegations (every version), in order */
  GHashTable *ids; /* id -> the latest version's index + 1; or, for a
                      delegation refused above, -(its line) */
} SchemeReader;

/* The line of the <delegation> that version @di of it descends from. */
static int
first_version_line (const GsScenario *s, guint di)
{
  const GsDelegation *d = GS_DELEGATION (s, di);
  while (d->amends >= 0)
    d = GS_DELEGATION (s, d->amends);
  return d->line;
}

static void
read_delegation (Loader *l, xmlNodePtr n, SchemeReader *sr)
{
  GsScenario *s = l->s;
  const GsOrganisation *o = GS_ORG (s, sr->org);
  guint before = n_problems (l);
  GsDelegation d = { .org = sr->org, .amends = -1, .line = (int)line_of (n) };
  d.id = intern_attr (l, n, "id");
  int seen = d.id ? GPOINTER_TO_INT (g_hash_table_lookup (sr->ids, d.id)) : 0;
  if (seen != 0)
    loader_error (l, d.line,
                  "delegation '%s' is defined twice in the scheme of '%s' "
                  "(first on line %d)",
                  d.id, o->id,
                  seen < 0 ? -seen : first_version_line (s, (guint)seen - 1));
  else if (d.id != NULL)
    claim_id (l, n, d.id); /* ids are unique across the whole file */
  int by = ref_attr (l, n, "by", "body", gs_scenario_find_body);
  int to = ref_attr (l, n, "to", "body", gs_scenario_find_body);
  d.matters = read_matters (l, n, "matters", &d.n_matters);
  d.limit = (gint64)uint_attr (n, "limit", (guint64)GS_VALUE_MAX);
  d.from = G_MININT64;
  d.until = GS_TIME_NEVER;
  gboolean has_from = date_attr (l, n, "from", &d.from);
  gboolean has_until = date_attr (l, n, "until", &d.until);
  d.expires = d.until;
  if (has_from && has_until && d.until <= d.from)
    loader_error (l, d.line,
                  "the delegation ends ('until') on or before it starts "
                  "('from')");
  d.sub_delegate = bool_attr (n, "sub-delegate", FALSE);
  if (by >= 0)
    {
      const GsBody *b = GS_BODY (s, by);
      if (b->kind == GS_BODY_BOARD && b->org != (int)sr->org)
        loader_error (l, d.line,
                      "'%s' is the board of '%s': only the board of '%s', or "
                      "a body acting for it, delegates in its scheme",
                      b->id, GS_ORG (s, b->org)->id, o->id);
      else if (!acts_for (b, sr->org))
        loader_error (l, d.line,
                      "'%s' does not act for '%s', so it has nothing of "
                      "'%s' to delegate",
                      b->id, o->id, o->id);
      d.by = (guint)by;
    }
  if (to >= 0)
    {
      const GsBody *b = GS_BODY (s, to);
      if (b->kind == GS_BODY_ADVISORY)
        loader_error (l, d.line,
                      "'%s' is an advisory group: it may only recommend, so "
                      "it cannot hold delegated authority",
                      b->id);
      else if (b->kind == GS_BODY_BOARD && b->org == (int)sr->org)
        loader_error (l, d.line,
                      "'%s' is the board of '%s', which holds every matter "
                      "already",
                      b->id, o->id);
      else if (to == by)
        loader_error (l, d.line, "'%s' cannot delegate to itself", b->id);
      else if (by >= 0 && GS_BODY (s, by)->group == to)
        loader_error (l, d.line,
                      "'%s' is a constituent of '%s', so it cannot delegate "
                      "to it: that would be delegating to itself",
                      GS_BODY (s, by)->id, b->id);
      d.to = (guint)to;
    }
  if (n_problems (l) > before || by < 0 || to < 0 || d.n_matters == 0)
    {
      /* Refused: later amendments and withdrawals of it say nothing more. */
      if (d.id != NULL && seen == 0)
        g_hash_table_insert (sr->ids, (gpointer)d.id,
                             GINT_TO_POINTER (-d.line));
      g_free (d.matters);
      return;
    }
  g_array_append_val (s->delegations, d);
  guint di = s->delegations->len - 1;
  g_array_append_val (sr->mine, di);
  if (d.id != NULL)
    g_hash_table_insert (sr->ids, (gpointer)d.id, GINT_TO_POINTER (di + 1));
}

/* Applies an <amend> or <withdraw> to the latest version of its
 * delegation.  Changes to one delegation go in date order. */
static void
read_change (Loader *l, xmlNodePtr n, SchemeReader *sr, gboolean amend)
{
  GsScenario *s = l->s;
  const GsOrganisation *o = GS_ORG (s, sr->org);
  const char *what = amend ? "amendment" : "withdrawal";
  long line = line_of (n);
  g_autofree char *id = attr (n, "delegation");
  GsTime on;
  if (!date_attr (l, n, "on", &on))
    return;
  int seen = GPOINTER_TO_INT (g_hash_table_lookup (sr->ids, id));
  if (seen < 0)
    return; /* the delegation was refused, with its reason */
  if (seen == 0)
    {
      loader_error (l, line,
                    "delegation '%s' is not in the scheme of '%s' before this "
                    "line",
                    id, o->id);
      return;
    }
  guint di = (guint)seen - 1;
  GsDelegation *d = GS_DELEGATION (s, di);
  char day[GS_DATE_BUF], other[GS_DATE_BUF];
  gs_time_format_date (on, day);
  if (d->ended == GS_END_WITHDRAWN)
    {
      loader_error (l, line, "delegation '%s' was already withdrawn on line %d",
                    id, d->end_line);
      return;
    }
  if (on <= d->from && d->amends >= 0)
    {
      loader_error (l, line,
                    "the %s on %s falls on or before the amendment of "
                    "delegation '%s' on line %d (%s): list the changes to a "
                    "delegation in date order",
                    what, day, id, d->line,
                    gs_time_format_date (d->from, other));
      return;
    }
  if (on <= d->from)
    {
      loader_error (l, line,
                    "the %s on %s falls on or before the day delegation '%s' "
                    "comes into force (%s)",
                    what, day, id, gs_time_format_date (d->from, other));
      return;
    }
  if (on >= d->until)
    {
      loader_error (l, line,
                    "the %s on %s falls on or after the day delegation '%s' "
                    "ends (%s)",
                    what, day, id, gs_time_format_date (d->until, other));
      return;
    }

  GsDelegation next = *d; /* copied before the append below moves it */
  next.amends = (int)di;
  next.from = on;
  next.until = d->expires; /* an amendment keeps the original end date */
  next.ended = GS_END_NONE;
  next.end_line = 0;
  next.line = (int)line;
  d->until = on;
  d->end_line = (int)line;
  d->ended = amend ? GS_END_AMENDED : GS_END_WITHDRAWN;
  if (!amend)
    return;
  g_autofree char *mv = attr (n, "matters");
  if (mv != NULL)
    next.matters = read_matters (l, n, "matters", &next.n_matters);
  else
    next.matters = g_memdup2 (next.matters, next.n_matters * sizeof (guint));
  next.limit = (gint64)uint_attr (n, "limit", (guint64)next.limit);
  next.sub_delegate = bool_attr (n, "sub-delegate", next.sub_delegate);
  g_array_append_val (s->delegations, next);
  guint ni = s->delegations->len - 1;
  g_array_append_val (sr->mine, ni);
  g_hash_table_insert (sr->ids, (gpointer)next.id, GINT_TO_POINTER (ni + 1));
}

/* The delegator graph of one scheme: each delegation gives authority from
 * its delegator to its delegate and, when that is committees in common, to
 * each constituent committee (as gs-authority.c reads it).  Edges are
 * grouped by delegator: body b's are start[b] .. start[b + 1] - 1. */
typedef struct
{
  guint n_bodies;
  guint *start;
  guint *from; /* the delegator */
  guint *to;   /* the body given authority */
  guint *pos;  /* the delegation's position in the scheme */
} Graph;

static guint
n_reached (const GsScenario *s, const GsDelegation *d)
{
  return 1 + GS_BODY (s, d->to)->n_constituents;
}

static guint
reached (const GsScenario *s, const GsDelegation *d, guint k)
{
  return k == 0 ? d->to : GS_BODY (s, d->to)->constituents[k - 1];
}

static void
graph_init (Graph *g, const GsScenario *s, const GsOrganisation *o)
{
  guint nb = s->bodies->len, ne = 0;
  g->n_bodies = nb;
  g->start = g_new0 (guint, nb + 1);
  for (guint i = 0; i < o->n_delegations; i++)
    {
      const GsDelegation *d = GS_DELEGATION (s, o->delegations[i]);
      g->start[d->by + 1] += n_reached (s, d);
      ne += n_reached (s, d);
    }
  for (guint b = 0; b < nb; b++)
    g->start[b + 1] += g->start[b];
  g->from = g_new (guint, ne);
  g->to = g_new (guint, ne);
  g->pos = g_new (guint, ne);
  g_autofree guint *fill = g_memdup2 (g->start, nb * sizeof (guint));
  for (guint i = 0; i < o->n_delegations; i++)
    {
      const GsDelegation *d = GS_DELEGATION (s, o->delegations[i]);
      for (guint k = 0; k < n_reached (s, d); k++)
        {
          guint e = fill[d->by]++;
          g->from[e] = d->by;
          g->to[e] = reached (s, d, k);
          g->pos[e] = i;
        }
    }
}

static void
graph_clear (Graph *g)
{
  g_free (g->start);
  g_free (g->from);
  g_free (g->to);
  g_free (g->pos);
}

/* Whether the delegations at positions below @k go round in a circle
 * (Kahn's algorithm).  Without one, @depth[b] is the number of links in the
 * longest chain of them that reaches body b. */
static gboolean
has_circle (const Graph *g, guint k, guint *indeg, guint *queue, guint *depth)
{
  guint nb = g->n_bodies, head = 0, tail = 0;
  memset (indeg, 0, nb * sizeof (guint));
  memset (depth, 0, nb * sizeof (guint));
  for (guint e = 0; e < g->start[nb]; e++)
    indeg[g->to[e]] += g->pos[e] < k;
  for (guint b = 0; b < nb; b++)
    if (indeg[b] == 0)
      queue[tail++] = b;
  while (head < tail)
    {
      guint u = queue[head++];
      for (guint e = g->start[u]; e < g->start[u + 1]; e++)
        if (g->pos[e] < k)
          {
            depth[g->to[e]] = MAX (depth[g->to[e]], depth[u] + 1);
            if (--indeg[g->to[e]] == 0)
              queue[tail++] = g->to[e];
          }
    }
  return tail < nb;
}

/* "cfo -> cic (trust-c) -> cfo": the circle that delegation @pos closes,
 * found among the delegations before it.  (transfer full) */
static char *
describe_circle (const GsScenario *s, const GsOrganisation *o, const Graph *g,
                 guint pos)
{
  const GsDelegation *d = GS_DELEGATION (s, o->delegations[pos]);
  guint nb = g->n_bodies;
  g_autofree gint64 *via = g_new (gint64, nb); /* edge that reached b, -1: d
                                                  itself, -2: not reached */
  g_autofree guint *stack = g_new (guint, nb);
  guint top = 0;
  for (guint b = 0; b < nb; b++)
    via[b] = -2;
  for (guint k = 0; k < n_reached (s, d); k++)
    if (via[reached (s, d, k)] == -2)
      {
        via[reached (s, d, k)] = -1;
        stack[top++] = reached (s, d, k);
      }
  while (top > 0 && via[d->by] == -2)
    {
      guint u = stack[--top];
      for (guint e = g->start[u]; e < g->start[u + 1]; e++)
        if (g->pos[e] < pos && via[g->to[e]] == -2)
          {
            via[g->to[e]] = e;
            stack[top++] = g->to[e];
          }
    }
  /* The hops backwards from the delegator to d's delegate, then forwards. */
  GArray *hops = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint b = d->by; via[b] >= 0; b = g->from[via[b]])
    g_array_prepend_val (hops, via[b]);
  GString *out = g_string_new (GS_BODY (s, d->by)->id);
  for (guint i = 0; i <= hops->len; i++)
    {
      /* Hop 0 is d itself; the body it reached is where hop 1 starts. */
      const GsDelegation *h
          = i == 0 ? d
                   : GS_DELEGATION (s, o->delegations[g->pos[g_array_index (
                                           hops, gint64, i - 1)]]);
      guint at
          = i < hops->len ? g->from[g_array_index (hops, gint64, i)] : d->by;
      g_string_append_printf (out, " -> %s", GS_BODY (s, h->to)->id);
      if (at != h->to)
        g_string_append_printf (out, " (%s)", GS_BODY (s, at)->id);
    }
  g_array_free (hops, TRUE);
  return g_string_free (out, FALSE);
}

/* Rejects a scheme whose delegations go round in a circle, blaming the
 * first delegation, in document order, that closes one; or one with a
 * chain longer than GS_CHAIN_MAX, blaming the first delegation that ends
 * such a chain.  (The resolver follows chains delegator by delegator, so
 * either would make it loop or give up.) */
/* gs_authority_resolve() tries every chain of delegations of the matter
 * asked about that ends at the body asked about, so its work grows with
 * the number of such chains, which a hostile file can make exponential in
 * its size.  With the bodies of a circle-free scheme in topological order
 * (@order), counts for each matter and body the steps the resolver may take
 * (each delegation of the matter to the body, plus the steps behind its
 * delegator unless that is the board), and refuses a scheme in which any
 * count exceeds GS_CHAIN_WORK_MAX. */
static gboolean
bounded_search (Loader *l, const GsOrganisation *o, const Graph *g,
                const guint *order)
{
  const GsScenario *s = l->s;
  guint nb = g->n_bodies;
  int org = (int)(o - GS_ORG (s, 0));
  g_autofree guint64 *work = g_new (guint64, nb);
  for (guint m = 0; m < s->matters->len; m++)
    {
      memset (work, 0, nb * sizeof (guint64));
      for (guint i = 0; i < nb; i++)
        {
          guint u = order[i];
          guint64 behind = gs__is_board_of (s, u, (guint)org) ? 0 : work[u];
          for (guint e = g->start[u]; e < g->start[u + 1]; e++)
            {
              const GsDelegation *d
                  = GS_DELEGATION (s, o->delegations[g->pos[e]]);
              if (gs__lists (d->matters, d->n_matters, m))
                work[g->to[e]] = MIN ((guint64)GS_CHAIN_WORK_MAX + 1,
                                      work[g->to[e]] + 1 + behind);
            }
        }
      for (guint u = 0; u < nb; u++)
        if (work[u] > GS_CHAIN_WORK_MAX)
          {
            loader_error (l, o->scheme_line,
                          "the scheme of '%s' reaches '%s' with '%s' "
                          "through more than %d chains of delegation; "
                          "govsim follows at most that many",
                          o->id, GS_BODY (s, u)->id, GS_MATTER (s, m)->id,
                          GS_CHAIN_WORK_MAX);
            return FALSE;
          }
    }
  return TRUE;
}

static void
check_chains (Loader *l, const GsOrganisation *o)
{
  const GsScenario *s = l->s;
  Graph g;
  graph_init (&g, s, o);
  guint nb = g.n_bodies, n = o->n_delegations;
  g_autofree guint *indeg = g_new (guint, nb);
  g_autofree guint *queue = g_new (guint, nb);
  g_autofree guint *depth = g_new (guint, nb);
  if (has_circle (&g, n, indeg, queue, depth))
    {
      /* The shortest prefix of the scheme with a circle ends with the
       * delegation that closes it. */
      guint lo = 1, hi = n;
      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;
          if (has_circle (&g, mid, indeg, queue, depth))
            hi = mid;
          else
            lo = mid + 1;
        }
      g_autofree char *circle = describe_circle (s, o, &g, lo - 1);
      loader_error (l, GS_DELEGATION (s, o->delegations[lo - 1])->line,
                    "the scheme of '%s' delegates in a circle: %s", o->id,
                    circle);
    }
  else if (!bounded_search (l, o, &g, queue))
    ;
  else
    for (guint i = 0; i < n; i++)
      {
        const GsDelegation *d = GS_DELEGATION (s, o->delegations[i]);
        if (depth[d->by] + 1 > GS_CHAIN_MAX)
          {
            loader_error (l, d->line,
                          "the scheme of '%s' has a chain of %u delegations "
                          "ending with this one, to '%s'; govsim follows at "
                          "most %d",
                          o->id, depth[d->by] + 1, GS_BODY (s, d->to)->id,
                          GS_CHAIN_MAX);
            break;
          }
      }
  graph_clear (&g);
}

static void
read_scheme (Loader *l, xmlNodePtr c)
{
  GsScenario *s = l->s;
  int org = ref_attr (l, c, "org", "organisation", find_org);
  if (org < 0)
    return;
  GsOrganisation *o = GS_ORG (s, org);
  if (o->has_scheme)
    {
      loader_error (l, line_of (c),
                    "'%s' already has a scheme of delegation (line %d)", o->id,
                    o->scheme_line);
      return;
    }
  o->has_scheme = TRUE;
  o->scheme_line = (int)line_of (c);
  SchemeReader sr = { .org = (guint)org };
  sr.mine = g_array_new (FALSE, FALSE, sizeof (guint));
  sr.ids = g_hash_table_new (g_str_hash, g_str_equal);
  GArray *reserved = g_array_new (FALSE, FALSE, sizeof (guint));
  for (xmlNodePtr n = c->children; n; n = n->next)
    {
      if (is_element (n, "reserved"))
        {
          guint nm;
          g_autofree guint *ms = read_matters (l, n, "matters", &nm);
          if (o->reserved_line == 0)
            o->reserved_line = (int)line_of (n);
          for (guint i = 0; i < nm; i++)
            {
              gboolean dup = FALSE;
              for (guint j = 0; j < reserved->len; j++)
                dup |= g_array_index (reserved, guint, j) == ms[i];
              if (dup)
                loader_error (l, line_of (n),
                              "matter '%s' is already reserved to the board "
                              "of '%s'",
                              GS_MATTER (s, ms[i])->id, o->id);
              else
                g_array_append_val (reserved, ms[i]);
            }
        }
      else if (is_element (n, "delegation"))
        read_delegation (l, n, &sr);
      else if (is_element (n, "amend"))
        read_change (l, n, &sr, TRUE);
      else if (is_element (n, "withdraw"))
        read_change (l, n, &sr, FALSE);
    }
  g_hash_table_unref (sr.ids);
  o = GS_ORG (s, org);
  o->n_reserved = reserved->len;
  o->reserved = (guint *)g_array_free (reserved, FALSE);
  o->n_delegations = sr.mine->len;
  o->delegations = (guint *)g_array_free (sr.mine, FALSE);
  /* Refused delegations are not in the scheme, so this adds nothing to
   * what was said about them. */
  check_chains (l, o);
}

/* A body belongs to @org when it is the organisation's own, or a
 * constituent committee of it. */
static gboolean
body_of (const GsBody *b, guint org)
{
  return b->org == (int)org;
}

static void
read_leave (Loader *l, xmlNodePtr c)
{
  GsScenario *s = l->s;
  int org = ref_attr (l, c, "org", "organisation", find_org);
  GsTime on;
  if (!date_attr (l, c, "on", &on) || org < 0)
    return;
  GsOrganisation *o = GS_ORG (s, org);
  if (o->leave_line > 0)
    {
      loader_error (l, line_of (c), "'%s' already leaves on line %d", o->id,
                    o->leave_line);
      return;
    }
  o->leaves = on;
  o->leave_line = (int)line_of (c);
}

/* Reads every scheme, then the leavings, which end the delegations made to
 * bodies outside the organisation that leaves. */
static void
read_schemes (Loader *l, xmlNodePtr root)
{
  GsScenario *s = l->s;
  for (xmlNodePtr c = root->children; c; c = c->next)
    if (is_element (c, "scheme"))
      read_scheme (l, c);
  for (xmlNodePtr c = root->children; c; c = c->next)
    if (is_element (c, "leave"))
      read_leave (l, c);
  for (guint i = 0; i < s->delegations->len; i++)
    {
      GsDelegation *d = GS_DELEGATION (s, i);
      const GsOrganisation *o = GS_ORG (s, d->org);
      if (o->leave_line == 0 || body_of (GS_BODY (s, d->to), d->org)
          || o->leaves >= d->until)
        continue;
      if (o->leaves <= d->from)
        d->from = d->until = o->leaves; /* never in force */
      else
        d->until = o->leaves;
      d->ended = GS_END_LEFT;
      d->end_line = o->leave_line;
    }
}

static void
build_model (Loader *l, xmlDocPtr doc)
{
  xmlNodePtr root = xmlDocGetRootElement (doc);
  l->code = GS_LOADER_ERROR_SEMANTIC;
  read_scenario_attrs (l, root);
  if (l->errors->len > 0)
    return; /* without a period, dates cannot be checked */
  read_organisations_and_matters (l, root);
  read_people (l, root);
  read_bodies (l, root);
  read_ladders (l, root);
  read_escalations (l);
  read_schemes (l, root);
  read_pathways (l, root);
  read_absences_and_conflicts (l, root);
  read_stances (l, root);
  read_traffic (l, root);
}

/* ---- entry points -------------------------------------------------------- */

GsScenario *
gs_loader_load_bytes (const char *data, gsize len, const char *name,
                      GError **error)
{
  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  ensure_libxml ();

  Loader l = { 0 };
  l.name = name;
  l.errors = g_ptr_array_new_with_free_func (g_free);
  l.ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  l.body_nodes = g_ptr_array_new ();
  l.code = GS_LOADER_ERROR_MALFORMED;
  GsScenario *result = NULL;

  if (len == 0)
    loader_error (&l, 1, "the file is empty");
  else if (len > G_MAXINT)
    {
      l.code = GS_LOADER_ERROR_TOO_LARGE;
      loader_error (&l, 1, "the file is too large to parse");
    }
  else
    {
      xmlDocPtr doc = parse_document (&l, data, len);
      if (doc != NULL && validate_document (&l, doc))
        {
          l.s = gs__scenario_new (name);
          build_model (&l, doc);
          if (l.errors->len == 0)
            result = g_steal_pointer (&l.s);
        }
      xmlFreeDoc (doc);
    }

  if (result == NULL)
    loader_fail (&l, error);
  gs_scenario_free (l.s);
  g_hash_table_unref (l.ids);
  g_ptr_array_unref (l.body_nodes);
  g_ptr_array_unref (l.errors);
  g_free (l.parse_error);
  return result;
}

GsScenario *
gs_loader_load_file (const char *path, gsize max_bytes, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  if (max_bytes == 0)
    max_bytes = GS_LOADER_DEFAULT_MAX_BYTES;

  /* Read at most max_bytes + 1 bytes: enough to know the file is too big,
   * without trusting a size that can change between stat and read, and
   * without ever holding more than the cap (a FIFO or /dev/zero included). */
  FILE *f = fopen (path, "rb");
  if (f == NULL)
    {
      int saved = errno;
      g_set_error (error, GS_LOADER_ERROR, GS_LOADER_ERROR_IO,
                   "%s: cannot open: %s", path, g_strerror (saved));
      return NULL;
    }
  GByteArray *buf = g_byte_array_new ();
  guint8 chunk[65536];
  gboolean too_large = FALSE, failed = FALSE;
  for (;;)
    {
      size_t want = MIN (sizeof chunk, max_bytes + 1 - buf->len);
      size_t got = fread (chunk, 1, want, f);
      g_byte_array_append (buf, chunk, (guint)got);
      if (buf->len > max_bytes)
        {
          too_large = TRUE;
          break;
        }
      if (got < want)
        {
          failed = ferror (f) != 0;
          break;
        }
    }
  int saved = errno;
  fclose (f);

  GsScenario *s = NULL;
  if (failed)
    g_set_error (error, GS_LOADER_ERROR, GS_LOADER_ERROR_IO,
                 "%s: cannot read: %s", path, g_strerror (saved));
  else if (too_large)
    g_set_error (error, GS_LOADER_ERROR, GS_LOADER_ERROR_TOO_LARGE,
                 "%s:1: the file is larger than the %" G_GSIZE_FORMAT
                 "-byte limit for a scenario",
                 path, max_bytes);
  else
    s = gs_loader_load_bytes ((const char *)buf->data, buf->len, path, error);
  g_byte_array_unref (buf);
  return s;
}

GsScenario *
gs_loader_load_demo (GError **error)
{
  g_autoptr (GBytes) demo
      = g_resource_lookup_data (gs_get_resource (), GS_DEMO_RESOURCE,
                                G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (demo == NULL)
    return NULL;
  gsize len = 0;
  const char *data = g_bytes_get_data (demo, &len);
  return gs_loader_load_bytes (data, len, "demo-single-trust.xml", error);
}

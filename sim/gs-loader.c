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
 *     matters, then people, then bodies, then behaviour and traffic) so that
 *     references may point forward, and every meaning is checked: unique ids,
 *     references that resolve, real dates, numbers that make sense.
 *
 * Errors are collected as "file:line: message" strings, at most
 * GS_LOADER_MAX_ERRORS of them, and returned as one GError whose message has
 * one problem per line.  The loader keeps no state between calls; the only
 * process-wide settings it touches are libxml2's own initialisation and its
 * external entity loader, both set once.
 */
#include "gs-scenario-private.h"

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

static int
enum_attr (xmlNodePtr n, const char *name, const char *const *names,
           int fallback)
{
  g_autofree char *v = attr (n, name);
  if (v == NULL)
    return fallback;
  for (int i = 0; names[i] != NULL; i++)
    if (strcmp (names[i], v) == 0)
      return i;
  return fallback; /* the schema has already refused anything else */
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
          o.line = (int)line_of (c);
          claim_id (l, c, o.id);
          g_array_append_val (l->s->organisations, o);
        }
      else if (is_element (c, "matter"))
        {
          GsMatter m = { 0 };
          m.id = intern_attr (l, c, "id");
          m.name = intern_attr (l, c, "name");
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
}

static void
read_body (Loader *l, xmlNodePtr c, GsBodyKind kind)
{
  GsBody b = { 0 };
  b.id = intern_attr (l, c, "id");
  b.name = intern_attr (l, c, "name");
  b.kind = kind;
  b.org = ref_attr (l, c, "org", "organisation", find_org);
  b.line = (int)line_of (c);
  b.rule = GS_VOTE_SIMPLE_MAJORITY;
  claim_id (l, c, b.id);

  GArray *members = g_array_new (FALSE, FALSE, sizeof (guint));
  if (kind == GS_BODY_OFFICER)
    {
      int p = ref_attr (l, c, "person", "person", gs_scenario_find_person);
      if (p >= 0)
        {
          guint up = (guint)p;
          g_array_append_val (members, up);
        }
      b.quorum = 1;
    }
  else
    {
      for (xmlNodePtr m = c->children; m; m = m->next)
        {
          if (!is_element (m, "member"))
            continue;
          int p = ref_attr (l, m, "person", "person", gs_scenario_find_person);
          if (p < 0)
            continue;
          gboolean dup = FALSE;
          for (guint i = 0; i < members->len; i++)
            dup |= g_array_index (members, guint, i) == (guint)p;
          if (dup)
            {
              loader_error (l, line_of (m), "'%s' is a member of '%s' twice",
                            GS_PERSON (l->s, p)->id, b.id);
              continue;
            }
          guint up = (guint)p;
          g_array_append_val (members, up);
        }
      xmlNodePtr q = child (c, "quorum");
      /* Without a quorum clause, a majority of the members must attend. */
      b.quorum = q ? (guint)MIN (uint_attr (q, "present", 1), G_MAXUINT)
                   : members->len / 2 + 1;
      if (q && b.quorum > members->len)
        loader_error (l, line_of (q),
                      "quorum of %u can never be met: '%s' has %u member%s",
                      b.quorum, b.id, members->len,
                      members->len == 1 ? "" : "s");
    }
  read_calendar (l, child (c, "meets"), &b.calendar);
  b.n_members = members->len;
  b.members = (guint *)g_array_free (members, FALSE);
  g_array_append_val (l->s->bodies, b);
}

static void
read_bodies (Loader *l, xmlNodePtr root)
{
  for (xmlNodePtr c = root->children; c; c = c->next)
    {
      if (is_element (c, "board"))
        read_body (l, c, GS_BODY_BOARD);
      else if (is_element (c, "committee"))
        read_body (l, c, GS_BODY_COMMITTEE);
      else if (is_element (c, "advisory-group"))
        read_body (l, c, GS_BODY_ADVISORY);
      else if (is_element (c, "officer"))
        read_body (l, c, GS_BODY_OFFICER);
    }
}

/* Stances are resolved into the person × matter support table here, once,
 * so the engine's vote is a table look-up.  Specificity, most first:
 * person+matter, person, organisation+matter, organisation, matter, default. */
typedef struct
{
  int person, org, matter;
  double support;
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
      Stance st = { -1, -1, -1, 0.5, 0, line_of (c) };
      g_autofree char *pv = attr (c, "person");
      g_autofree char *ov = attr (c, "org");
      g_autofree char *mv = attr (c, "matter");
      st.person = ref_attr (l, c, "person", "person", gs_scenario_find_person);
      st.org = ref_attr (l, c, "org", "organisation", find_org);
      st.matter = ref_attr (l, c, "matter", "matter", gs_scenario_find_matter);
      st.support = double_attr (c, "support", 0.5);
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
  s->support = g_new (double, (gsize)MAX (np, 1) * MAX (nm, 1));
  for (guint p = 0; p < np; p++)
    for (guint m = 0; m < nm; m++)
      {
        int best = -1;
        double support = 0.5;
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
              }
          }
        s->support[(gsize)p * nm + m] = support;
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
read_proposal (Loader *l, xmlNodePtr c)
{
  GsProposal p = { 0 };
  p.id = intern_attr (l, c, "id");
  p.title = intern_attr (l, c, "title");
  p.line = (int)line_of (c);
  claim_id (l, c, p.id);
  int matter = ref_attr (l, c, "matter", "matter", gs_scenario_find_matter);
  int lead = ref_attr (l, c, "lead", "organisation", find_org);
  int body = ref_attr (l, c, "body", "body", gs_scenario_find_body);
  p.value = (gint64)uint_attr (c, "value", 0);
  p.affects = read_affects (l, c, lead, &p.n_affects);
  p.deadline = GS_TIME_NEVER;
  check_deciding_body (l, c, body);
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
  p.body = (guint)MAX (body, 0);
  g_array_append_val (l->s->proposals, p);
}

static void
read_arrivals (Loader *l, xmlNodePtr c)
{
  GsArrivals a = { 0 };
  a.id = intern_attr (l, c, "id");
  a.title = intern_attr (l, c, "title");
  a.line = (int)line_of (c);
  claim_id (l, c, a.id);
  int matter = ref_attr (l, c, "matter", "matter", gs_scenario_find_matter);
  int lead = ref_attr (l, c, "lead", "organisation", find_org);
  int body = ref_attr (l, c, "body", "body", gs_scenario_find_body);
  a.affects = read_affects (l, c, lead, &a.n_affects);
  check_deciding_body (l, c, body);
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
  g_autofree char *deadline = attr (c, "deadline");
  if (deadline)
    a.has_deadline = duration_attr (l, c, "deadline", TRUE, &a.deadline);
  a.matter = (guint)MAX (matter, 0);
  a.lead = (guint)MAX (lead, 0);
  a.body = (guint)MAX (body, 0);
  g_array_append_val (l->s->arrivals, a);
}

static void
read_traffic (Loader *l, xmlNodePtr root)
{
  for (xmlNodePtr c = root->children; c; c = c->next)
    {
      if (is_element (c, "proposal"))
        read_proposal (l, c);
      else if (is_element (c, "arrivals"))
        read_arrivals (l, c);
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

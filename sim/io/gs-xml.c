/* gs-xml.c — reading an untrusted scenario document safely.
 *
 * Stages 2 and 3 of a load (gs-loader.c reads the bytes before and builds
 * the model after):
 *
 *  2. parse: a linear pre-scan of the bytes first bounds elements,
 *     attributes per element, attribute length and depth (gs-limits.h),
 *     so no input reaches libxml2's super-linear paths; then libxml2 parses the
 * bytes with the network off and without entity substitution or DTD loading; a
 * DOCTYPE stops the parser the moment it is seen, before any entity is
 * declared, so neither external entities nor entity-expansion bombs get a
 * chance to act; a deny-all external entity loader is installed as a second
 * line of defence;
 *  3. validate: the document is checked against the XSD embedded in the
 *     library (GResource), collecting every schema error with its line.
 *
 * Also here: the few accessors of the tree the builders use.  Workload: one
 * pre-scan, one parse and one validation per load, each linear in the
 * document.  Process-wide, and each set once: libxml2's own
 * initialisation, its external entity loader, and the compiled schema,
 * which validations only read.
 */
#define _GNU_SOURCE /* memmem */
#include "io/gs-loader-private.h"

#include <string.h>

#include <gio/gio.h>
#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlschemas.h>

#define GS_SCHEMA_RESOURCE "/org/govsim/govsim-scenario-1.xsd"

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

void
gs__xml_init (void)
{
  static GOnce once = G_ONCE_INIT;
  g_once (&once, init_libxml, NULL);
}

static void
on_doctype (void *ctx, const xmlChar *name, const xmlChar *external_id,
            const xmlChar *system_id)
{
  xmlParserCtxtPtr ctxt = ctx;
  GsLoader *l = ctxt->_private;
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
  GsLoader *l = ctxt->_private;
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

/* ---- stage 2a: the pre-scan ---------------------------------------------
 *
 * Before libxml2 sees the bytes, one linear pass over them counts what a
 * parser's cost grows with: elements in the document, attributes of one
 * element (libxml2 checks an element's attributes for duplicates pairwise,
 * so 200,000 of them cost minutes), the length of one attribute value, and
 * the nesting depth.  Past a cap of gs-limits.h the file is refused with
 * the line and the cap; libxml2 never parses it.  The scan knows only as
 * much XML as counting needs (comments, CDATA sections, processing
 * instructions, quoted values, end and empty-element tags); anything it
 * does not understand, or a DOCTYPE, ends the scan, and the parser then
 * reports the problem itself.  Workload: O(bytes), no allocation. */

/* Skips past @end (a NUL-free marker) from @p, counting newlines into
 * *@line; returns NULL when the data ends first. */
static const char *
skip_past (const char *p, const char *stop, const char *end, long *line)
{
  gsize n = strlen (end);
  const char *found = memmem (p, (gsize)(stop - p), end, n);
  const char *upto = found ? found : stop;
  for (const char *nl = p; (nl = memchr (nl, '\n', (gsize)(upto - nl))) != NULL;
       nl++)
    (*line)++;
  return found ? found + n : NULL;
}

/* The element name at @p, at most GS_LIMIT_ECHO bytes of it.
 * (transfer full) */
static char *
name_at (const char *p, const char *stop)
{
  const char *q = p;
  while (q < stop && q - p < GS_LIMIT_ECHO && !g_ascii_isspace (*q) && *q != '>'
         && *q != '/' && *q != '=')
    q++;
  return g_strndup (p, (gsize)(q - p));
}

gboolean
gs__xml_prescan (GsLoader *l, const char *data, gsize len)
{
  const char *p = data, *stop = data + len;
  long line = 1;
  guint64 elements = 0;
  guint depth = 0;
  while (p != NULL && p < stop)
    {
      if (*p != '<')
        {
          line += *p++ == '\n';
          continue;
        }
      if (stop - p >= 4 && memcmp (p, "<!--", 4) == 0)
        p = skip_past (p + 4, stop, "-->", &line);
      else if (stop - p >= 9 && memcmp (p, "<![CDATA[", 9) == 0)
        p = skip_past (p + 9, stop, "]]>", &line);
      else if (stop - p >= 2 && p[1] == '?')
        p = skip_past (p + 2, stop, "?>", &line);
      else if (stop - p >= 2 && p[1] == '!')
        return TRUE; /* a DOCTYPE: the parser refuses it */
      else if (stop - p >= 2 && p[1] == '/')
        {
          depth -= depth > 0;
          p = skip_past (p + 2, stop, ">", &line);
        }
      else
        {
          long tag_line = line;
          const char *tag = ++p;
          guint attributes = 0;
          char quote = 0;
          const char *value = NULL;
          if (++elements > GS_LIMIT_XML_ELEMENTS)
            {
              gs__load_error (l, tag_line,
                              "the document has more than %d elements; "
                              "govsim reads at most that many "
                              "(GS_LIMIT_XML_ELEMENTS)",
                              GS_LIMIT_XML_ELEMENTS);
              return FALSE;
            }
          for (; p < stop; p++)
            {
              if (quote != 0)
                {
                  if (*p == quote)
                    quote = 0;
                  else if (p - value >= GS_LIMIT_XML_ATTRIBUTE_LENGTH)
                    {
                      g_autofree char *name = name_at (tag, stop);
                      gs__load_error (l, line,
                                      "an attribute of element '%s' is longer "
                                      "than %d characters "
                                      "(GS_LIMIT_XML_ATTRIBUTE_LENGTH)",
                                      name, GS_LIMIT_XML_ATTRIBUTE_LENGTH);
                      return FALSE;
                    }
                  line += *p == '\n';
                  continue;
                }
              line += *p == '\n';
              if (*p == '"' || *p == '\'')
                {
                  quote = *p;
                  value = p + 1;
                }
              else if (*p == '=' && ++attributes > GS_LIMIT_XML_ATTRIBUTES)
                {
                  g_autofree char *name = name_at (tag, stop);
                  gs__load_error (l, tag_line,
                                  "element '%s' has more than %d attributes "
                                  "(GS_LIMIT_XML_ATTRIBUTES)",
                                  name, GS_LIMIT_XML_ATTRIBUTES);
                  return FALSE;
                }
              else if (*p == '>' || *p == '<')
                break;
            }
          if (p >= stop || *p == '<')
            return TRUE; /* unterminated: the parser says so */
          if (p[-1] != '/' && ++depth > GS_LIMIT_XML_DEPTH)
            {
              g_autofree char *name = name_at (tag, stop);
              gs__load_error (l, tag_line,
                              "element '%s' is nested more than %d deep "
                              "(GS_LIMIT_XML_DEPTH)",
                              name, GS_LIMIT_XML_DEPTH);
              return FALSE;
            }
          p++;
        }
    }
  return TRUE;
}

/* libxml2 reports some faults (an encoding it cannot convert, an I/O error
 * while switching encoding) through its thread's generic error handler,
 * which prints to standard error, as well as to the parser context.  The
 * loader reports every fault itself as one file:line message, so while it
 * parses and validates, the thread's generic handler is this one, which
 * drops the text; the previous handler is put back afterwards. */
static void G_GNUC_PRINTF (2, 3)
    drop_generic_error (void *ctx, const char *msg, ...)
{
  (void)ctx;
  (void)msg;
}

typedef struct
{
  xmlGenericErrorFunc func;
  void *ctx;
} GenericHandler;

static GenericHandler
silence_generic_errors (void)
{
  GenericHandler old = { xmlGenericError, xmlGenericErrorContext };
  xmlSetGenericErrorFunc (NULL, drop_generic_error);
  return old;
}

static void
restore_generic_errors (GenericHandler old)
{
  xmlSetGenericErrorFunc (old.ctx, old.func);
}

xmlDocPtr
gs__xml_parse (GsLoader *l, const char *data, gsize len)
{
  if (!gs__xml_prescan (l, data, len))
    {
      l->code = GS_LOADER_ERROR_TOO_LARGE;
      return NULL;
    }

  xmlParserCtxtPtr ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      gs__load_error (l, 1, "out of memory creating the XML parser");
      return NULL;
    }
  ctxt->_private = l;
  ctxt->sax->internalSubset = on_doctype;
  ctxt->sax->serror = on_parse_error;
  ctxt->sax->startElementNs = on_start_element;
  int options = XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOERROR
                | XML_PARSE_NOWARNING;
  GenericHandler old = silence_generic_errors ();
  xmlDocPtr doc
      = xmlCtxtReadMemory (ctxt, data, (int)len, l->name, NULL, options);
  restore_generic_errors (old);
  if (l->doctype_line > 0)
    {
      l->code = GS_LOADER_ERROR_MALFORMED;
      gs__load_error (l, l->doctype_line,
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
      gs__load_error (l, line, "not well-formed XML: %s", msg);
      xmlFreeDoc (doc);
      doc = NULL;
    }
  xmlFreeParserCtxt (ctxt);
  return doc;
}

/* ---- stage 3: validation ------------------------------------------------- */

/* The schema's patterns, said in words: a raw regular expression tells the
 * person who wrote the file nothing.  libxml2 names one pattern of a type
 * (the last when there are several), so each is listed. */
static const struct
{
  const char *pattern_prefix;
  const char *words;
} pattern_words[] = {
  { "P([0-9]+Y)?", "a duration: P, then a number and a unit, such as P14D "
                   "(14 days), P2W (2 weeks), P1M (1 month), P1Y6M, PT90M "
                   "(90 minutes) or P10WD (10 working days)" },
  { "P[0-9]+WD", "a duration: P, then a number and a unit, such as P14D "
                 "(14 days), P2W (2 weeks), P1M (1 month), P1Y6M, PT90M "
                 "(90 minutes) or P10WD (10 working days)" },
  { "[0-9]{4}-", "a date written YYYY-MM-DD, such as 2024-04-01" },
  { "[0-9]{1,3}/", "a fraction written N/D, such as 2/3" },
};

/* Rewrites "[facet 'pattern'] The value 'V' is not accepted by the pattern
 * 'RE'." as "the value 'V' is not WORDS." for the patterns above; any other
 * message is returned as it is.  (transfer full) */
static char *
pattern_in_words (char *msg)
{
  const char *facet = strstr (msg, "[facet 'pattern'] The value '");
  const char *by
      = facet ? strstr (facet, "' is not accepted by the pattern '") : NULL;
  if (by == NULL)
    return msg;
  const char *re = by + strlen ("' is not accepted by the pattern '");
  for (gsize i = 0; i < G_N_ELEMENTS (pattern_words); i++)
    if (g_str_has_prefix (re, pattern_words[i].pattern_prefix))
      {
        const char *value = facet + strlen ("[facet 'pattern'] The value '");
        char *out = g_strdup_printf ("%.*sthe value '%.*s' is not %s.",
                                     (int)(facet - msg), msg, (int)(by - value),
                                     value, pattern_words[i].words);
        g_free (msg);
        return out;
      }
  return msg;
}

static void
on_schema_error (void *data, xmlErrorPtr err)
{
  GsLoader *l = data;
  g_autofree char *msg = pattern_in_words (tidy_message (err->message));
  long line = err->line;
  if (line <= 0 && err->node != NULL)
    line = xmlGetLineNo ((xmlNodePtr)err->node);
  gs__load_error (l, line, "%s", msg);
}

GBytes *
gs_loader_get_schema (void)
{
  return g_resource_lookup_data (gs_get_resource (), GS_SCHEMA_RESOURCE,
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
}

/* The embedded schema, compiled once per process: compiling it costs more
 * than validating a typical scenario.  A compiled xmlSchema is read-only
 * while documents are validated against it (each validation has its own
 * context), so loads on several threads share it safely.  NULL if the
 * schema does not compile, which is a defect of the program. */
static gpointer
compile_schema (gpointer unused)
{
  g_autoptr (GBytes) xsd = gs_loader_get_schema ();
  gsize xsd_len = 0;
  const char *xsd_data = g_bytes_get_data (xsd, &xsd_len);
  xmlSchemaParserCtxtPtr pctxt
      = xmlSchemaNewMemParserCtxt (xsd_data, (int)xsd_len);
  xmlSchemaPtr schema = pctxt ? xmlSchemaParse (pctxt) : NULL;
  xmlSchemaFreeParserCtxt (pctxt);
  return schema;
}

gboolean
gs__xml_validate (GsLoader *l, xmlDocPtr doc)
{
  static GOnce once = G_ONCE_INIT;
  xmlSchemaPtr schema = g_once (&once, compile_schema, NULL);
  if (schema == NULL)
    {
      /* The embedded schema is part of the program: this is a bug. */
      g_critical ("the embedded scenario schema does not compile");
      gs__load_error (l, 1, "internal error: the scenario schema is broken");
      return FALSE;
    }
  xmlSchemaValidCtxtPtr vctxt = xmlSchemaNewValidCtxt (schema);
  if (vctxt == NULL)
    {
      gs__load_error (l, 1, "out of memory validating the document");
      return FALSE;
    }
  xmlSchemaSetValidStructuredErrors (vctxt, on_schema_error, l);
  GenericHandler old = silence_generic_errors ();
  int rc = xmlSchemaValidateDoc (vctxt, doc);
  restore_generic_errors (old);
  xmlSchemaFreeValidCtxt (vctxt);
  if (rc != 0 && l->errors->len == 0)
    gs__load_error (l, 1, "the document does not match the scenario schema");
  if (rc != 0)
    l->code = GS_LOADER_ERROR_SCHEMA;
  return rc == 0;
}

/* ---- the tree ------------------------------------------------------------ */

gboolean
gs__xml_is_element (xmlNodePtr n, const char *name)
{
  return n->type == XML_ELEMENT_NODE && n->ns != NULL
         && strcmp ((const char *)n->ns->href, GS_NS) == 0
         && strcmp ((const char *)n->name, name) == 0;
}

long
gs__xml_line (xmlNodePtr n)
{
  return xmlGetLineNo (n);
}

/* The attribute's value, or NULL.  (transfer full) */
char *
gs__xml_attr (xmlNodePtr n, const char *name)
{
  xmlChar *v = xmlGetNoNsProp (n, (const xmlChar *)name);
  if (v == NULL)
    return NULL;
  char *copy = g_strdup ((const char *)v);
  xmlFree (v);
  return copy;
}

xmlNodePtr
gs__xml_child (xmlNodePtr n, const char *name)
{
  for (xmlNodePtr c = n->children; c; c = c->next)
    if (gs__xml_is_element (c, name))
      return c;
  return NULL;
}

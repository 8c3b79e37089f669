/* gs-variant.c — variants applied to a scenario's document; the diff of two
 * versions of the terms of reference; sweeps.
 *
 * A GsSource keeps a file's bytes and its variants.  Building a version
 * parses the bytes again through the loader (gs__loader_load_bytes_with())
 * with an edit that first takes every <variant> out of the tree, then
 * applies the variant's settings in order, then keeps a copy of the edited
 * tree for the diff; the loader validates and builds what the edit left.
 * Parsing again costs a few milliseconds per version and keeps each
 * version independent: nothing edited is shared.
 *
 * Targets are resolved through a table of the document's ids built once
 * per edit, so a variant of k settings on a file of n elements costs
 * O(n + k × children).  The diff keys every element (by id; below an id by
 * name, the references that identify it and its position) and compares
 * the two trees' keys through a hash table: linear in the two files.
 */
#include "io/gs-loader-private.h"

#include <govsim/gs-limits.h>
#include <govsim/gs-variant.h>

#include <libxml/tree.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

GQuark
gs_variant_error_quark (void)
{
  return g_quark_from_static_string ("gs-variant-error-quark");
}

/* ---- variants ------------------------------------------------------------ */

struct _GsVariant
{
  char *name;
  GArray *settings; /* GsSetting */
};

static void
setting_clear (gpointer p)
{
  GsSetting *s = p;
  g_free (s->target);
  g_free (s->value);
  g_free (s->before);
}

GsVariant *
gs_variant_new (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);
  GsVariant *v = g_new0 (GsVariant, 1);
  v->name = g_strdup (name);
  v->settings = g_array_new (FALSE, TRUE, sizeof (GsSetting));
  g_array_set_clear_func (v->settings, setting_clear);
  return v;
}

void
gs_variant_free (GsVariant *v)
{
  if (v == NULL)
    return;
  g_free (v->name);
  g_array_unref (v->settings);
  g_free (v);
}

GsVariant *
gs_variant_copy (const GsVariant *v)
{
  GsVariant *c = gs_variant_new (v->name);
  for (guint i = 0; i < v->settings->len; i++)
    {
      GsSetting s = g_array_index (v->settings, GsSetting, i);
      s.target = g_strdup (s.target);
      s.value = g_strdup (s.value);
      s.before = g_strdup (s.before);
      g_array_append_val (c->settings, s);
    }
  return c;
}

const char *
gs_variant_get_name (const GsVariant *v)
{
  return v->name;
}

guint
gs_variant_n_settings (const GsVariant *v)
{
  return v->settings->len;
}

const GsSetting *
gs_variant_get_setting (const GsVariant *v, guint i)
{
  g_return_val_if_fail (i < v->settings->len, NULL);
  return &g_array_index (v->settings, GsSetting, i);
}

/* Where the '=' that ends a target is: the first outside [...]. */
static const char *
find_equals (const char *text)
{
  int depth = 0;
  for (const char *p = text; *p; p++)
    if (*p == '[')
      depth++;
    else if (*p == ']')
      depth--;
    else if (*p == '=' && depth == 0)
      return p;
  return NULL;
}

static gboolean
valid_name (const char *s)
{
  if (!g_ascii_isalpha (*s))
    return FALSE;
  for (const char *p = s; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
      return FALSE;
  return strlen (s) < GS_LIMIT_ID_LENGTH;
}

static gboolean
valid_xml_name (const char *s)
{
  return g_ascii_islower (*s)
         && strspn (s, "abcdefghijklmnopqrstuvwxyz0123456789-") == strlen (s);
}

/* Where @word (" before ") starts in @text outside [...], or NULL. */
static const char *
find_word (const char *text, const char *word)
{
  int depth = 0;
  size_t n = strlen (word);
  for (const char *p = text; *p; p++)
    if (*p == '[')
      depth++;
    else if (*p == ']')
      depth--;
    else if (depth == 0 && strncmp (p, word, n) == 0)
      return p;
  return NULL;
}

/* The last '/' of @text outside [...], or NULL. */
static const char *
find_last_slash (const char *text)
{
  int depth = 0;
  const char *last = NULL;
  for (const char *p = text; *p; p++)
    if (*p == '[')
      depth++;
    else if (*p == ']')
      depth--;
    else if (*p == '/' && depth == 0)
      last = p;
  return last;
}

/* "+PATH/NAME[ATTR=VALUE]... [before STEP]" into @s: the path in target,
 * the new element as markup in value (every value escaped, so a setting
 * cannot add more than the one element). */
static gboolean
parse_addition (GsSetting *s, const char *vname, const char *text,
                GError **error)
{
  g_autofree char *t = g_strstrip (g_strdup (text));
  const char *bw = find_word (t, " before ");
  if (bw != NULL)
    {
      s->before = g_strstrip (g_strdup (bw + strlen (" before ")));
      t[bw - t] = '\0';
      g_strstrip (t);
    }
  const char *slash = find_last_slash (t);
  s->target = slash ? g_strndup (t, (gsize)(slash - t)) : g_strdup ("");
  const char *step = slash ? slash + 1 : t;
  const char *bracket = strchr (step, '[');
  g_autofree char *name
      = bracket ? g_strndup (step, (gsize)(bracket - step)) : g_strdup (step);
  if (!valid_xml_name (name) || (s->before != NULL && *s->before == '\0'))
    {
      g_set_error (error, GS_VARIANT_ERROR, GS_VARIANT_ERROR_SYNTAX,
                   "variant '%s': '+%s' is not an addition: write "
                   "+PATH/ELEMENT[ATTRIBUTE=VALUE]... [before STEP], for "
                   "example +alliance-jc/member[person=nv-dep]",
                   vname, text);
      return FALSE;
    }
  GString *markup = g_string_new (NULL);
  g_string_append_printf (markup, "<%s", name);
  g_autoptr (GHashTable) seen
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *p = bracket;
  while (p != NULL && *p != '\0')
    {
      const char *close = *p == '[' ? strchr (p, ']') : NULL;
      const char *eq = close ? memchr (p, '=', (size_t)(close - p)) : NULL;
      g_autofree char *attr
          = eq ? g_strndup (p + 1, (gsize)(eq - p - 1)) : NULL;
      if (eq == NULL || !valid_xml_name (attr))
        {
          g_set_error (error, GS_VARIANT_ERROR, GS_VARIANT_ERROR_SYNTAX,
                       "variant '%s': in '+%s', '%s' is not [ATTRIBUTE=VALUE]",
                       vname, text, p);
          g_string_free (markup, TRUE);
          return FALSE;
        }
      if (g_hash_table_contains (seen, attr))
        {
          g_set_error (error, GS_VARIANT_ERROR, GS_VARIANT_ERROR_SYNTAX,
                       "variant '%s': '+%s' gives the attribute '%s' twice",
                       vname, text, attr);
          g_string_free (markup, TRUE);
          return FALSE;
        }
      g_autofree char *value = g_strndup (eq + 1, (gsize)(close - eq - 1));
      g_autofree char *escaped = g_markup_escape_text (value, -1);
      g_string_append_printf (markup, " %s=\"%s\"", attr, escaped);
      g_hash_table_add (seen, g_steal_pointer (&attr));
      p = close + 1;
    }
  g_string_append (markup, "/>");
  s->value = g_string_free (markup, FALSE);
  return TRUE;
}

gboolean
gs_variant_add (GsVariant *v, const char *text, int line, GError **error)
{
  g_autofree char *t = g_strstrip (g_strdup (text));
  GsSetting s = { .line = line };
  if (v->settings->len >= GS_LIMIT_SETTINGS_MAX)
    {
      g_set_error (error, GS_VARIANT_ERROR, GS_VARIANT_ERROR_SYNTAX,
                   "variant '%s': more than %d settings", v->name,
                   GS_LIMIT_SETTINGS_MAX);
      return FALSE;
    }
  if (t[0] == '+')
    {
      s.op = GS_SETTING_ADD;
      if (!parse_addition (&s, v->name, t + 1, error))
        {
          setting_clear (&s);
          return FALSE;
        }
      g_array_append_val (v->settings, s);
      return TRUE;
    }
  if (t[0] == '-')
    {
      s.op = GS_SETTING_REMOVE;
      s.target = g_strstrip (g_strdup (t + 1));
    }
  else
    {
      const char *eq = find_equals (t);
      if (eq == NULL)
        {
          g_set_error (error, GS_VARIANT_ERROR, GS_VARIANT_ERROR_SYNTAX,
                       "variant '%s': '%s' is not a setting: write "
                       "TARGET=VALUE (alliance-jc/voting@rule=consensus) or "
                       "-TARGET to remove",
                       v->name, t);
          return FALSE;
        }
      s.op = GS_SETTING_SET;
      s.target = g_strstrip (g_strndup (t, (gsize)(eq - t)));
      s.value = g_strstrip (g_strdup (eq + 1));
      if (strchr (s.target, '@') == NULL)
        {
          g_set_error (error, GS_VARIANT_ERROR, GS_VARIANT_ERROR_SYNTAX,
                       "variant '%s': '%s' names no attribute: write "
                       "ID/ELEMENT@ATTRIBUTE=VALUE, for example "
                       "fic/quorum@present=4",
                       v->name, s.target);
          setting_clear (&s);
          return FALSE;
        }
    }
  if (s.target[0] == '\0')
    {
      g_set_error (error, GS_VARIANT_ERROR, GS_VARIANT_ERROR_SYNTAX,
                   "variant '%s': '%s' has an empty target", v->name, t);
      setting_clear (&s);
      return FALSE;
    }
  g_array_append_val (v->settings, s);
  return TRUE;
}

GsVariant *
gs_variant_parse (const char *text, GError **error)
{
  const char *colon = strchr (text, ':');
  if (colon == NULL)
    {
      g_set_error (error, GS_VARIANT_ERROR, GS_VARIANT_ERROR_SYNTAX,
                   "'%s' is not a variant: write 'NAME: TARGET=VALUE; ...'",
                   text);
      return NULL;
    }
  g_autofree char *name = g_strstrip (g_strndup (text, (gsize)(colon - text)));
  if (!valid_name (name))
    {
      g_set_error (error, GS_VARIANT_ERROR, GS_VARIANT_ERROR_SYNTAX,
                   "'%s' is not a variant name (a letter, then letters, "
                   "digits, '-', '_' or '.')",
                   name);
      return NULL;
    }
  g_autoptr (GsVariant) v = gs_variant_new (name);
  g_auto (GStrv) parts = g_strsplit (colon + 1, ";", -1);
  for (char **p = parts; *p; p++)
    {
      g_strstrip (*p);
      if (**p != '\0' && !gs_variant_add (v, *p, 0, error))
        return NULL;
    }
  return g_steal_pointer (&v);
}

/* ---- sources ------------------------------------------------------------- */

struct _GsSource
{
  char *name;
  GBytes *bytes;
  GPtrArray *variants; /* GsVariant */
};

struct _GsTerms
{
  char *label;
  char *file;
  GsScenario *scenario;
  xmlDocPtr doc; /* the edited tree, without <variant> elements */
};

static gboolean
is_variant (xmlNodePtr n)
{
  return gs__xml_is_element (n, "variant");
}

/* An <add> element @n into @s: its children, as written, are the markup
 * to add. */
static void
read_addition (GsSetting *s, xmlNodePtr n)
{
  g_autofree char *target = gs__xml_attr (n, "target");
  s->op = GS_SETTING_ADD;
  s->target = g_strdup (target ? target : "");
  s->before = gs__xml_attr (n, "before");
  s->line = (int)gs__xml_line (n);
  xmlBufferPtr buf = xmlBufferCreate ();
  for (xmlNodePtr c = n->children; c; c = c->next)
    xmlNodeDump (buf, n->doc, c, 0, 0);
  s->value = g_strdup ((const char *)xmlBufferContent (buf));
  xmlBufferFree (buf);
}

/* Reads the <variant> elements of @doc into @src. */
static gboolean
read_variants (GsSource *src, xmlDocPtr doc, GError **error)
{
  xmlNodePtr root = xmlDocGetRootElement (doc);
  for (xmlNodePtr c = root ? root->children : NULL; c; c = c->next)
    {
      if (!is_variant (c))
        continue;
      g_autofree char *name = gs__xml_attr (c, "name");
      if (gs_source_find_variant (src, name) != NULL)
        {
          g_set_error (error, GS_VARIANT_ERROR, GS_VARIANT_ERROR_UNKNOWN,
                       "%s:%ld: there are two variants called '%s'", src->name,
                       gs__xml_line (c), name);
          return FALSE;
        }
      GsVariant *v = gs_variant_new (name);
      g_ptr_array_add (src->variants, v);
      for (xmlNodePtr s = c->children; s; s = s->next)
        {
          if (gs__xml_is_element (s, "add"))
            {
              GsSetting add = { 0 };
              read_addition (&add, s);
              g_array_append_val (v->settings, add);
              continue;
            }
          gboolean set = gs__xml_is_element (s, "set");
          if (!set && !gs__xml_is_element (s, "remove"))
            continue;
          g_autofree char *target = gs__xml_attr (s, "target");
          g_autofree char *value = gs__xml_attr (s, "value");
          GsSetting st = { .op = set ? GS_SETTING_SET : GS_SETTING_REMOVE,
                           .target = g_strdup (target),
                           .value = set ? g_strdup (value ? value : "") : NULL,
                           .line = (int)gs__xml_line (s) };
          g_array_append_val (v->settings, st);
        }
    }
  return TRUE;
}

/* The edit that keeps a copy of the document as written. */
static gboolean
keep_doc (xmlDocPtr doc, gpointer user_data, GError **error)
{
  *(xmlDocPtr *)user_data = xmlCopyDoc (doc, 1);
  (void)error;
  return TRUE;
}

GsSource *
gs_source_load_bytes (const char *data, gsize len, const char *name,
                      GError **error)
{
  g_return_val_if_fail (name != NULL, NULL);
  g_autoptr (GsSource) src = g_new0 (GsSource, 1);
  src->name = g_strdup (name);
  src->bytes = g_bytes_new (data, len);
  src->variants
      = g_ptr_array_new_with_free_func ((GDestroyNotify)gs_variant_free);
  xmlDocPtr doc = NULL;
  g_autoptr (GsScenario) s
      = gs__loader_load_bytes_with (data, len, name, keep_doc, &doc, error);
  if (s == NULL)
    {
      xmlFreeDoc (doc);
      return NULL;
    }
  gboolean ok = read_variants (src, doc, error);
  xmlFreeDoc (doc);
  return ok ? g_steal_pointer (&src) : NULL;
}

GsSource *
gs_source_load_file (const char *path, gsize max_bytes, GError **error)
{
  g_autoptr (GBytes) bytes = gs__loader_read_file (path, max_bytes, error);
  if (bytes == NULL)
    return NULL;
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);
  return gs_source_load_bytes (data != NULL ? data : "", len, path, error);
}

void
gs_source_free (GsSource *src)
{
  if (src == NULL)
    return;
  g_free (src->name);
  if (src->bytes != NULL)
    g_bytes_unref (src->bytes);
  if (src->variants != NULL)
    g_ptr_array_unref (src->variants);
  g_free (src);
}

const char *
gs_source_get_name (const GsSource *src)
{
  return src->name;
}

guint
gs_source_n_variants (const GsSource *src)
{
  return src->variants->len;
}

const GsVariant *
gs_source_get_variant (const GsSource *src, guint i)
{
  g_return_val_if_fail (i < src->variants->len, NULL);
  return g_ptr_array_index (src->variants, i);
}

const GsVariant *
gs_source_find_variant (const GsSource *src, const char *name)
{
  for (guint i = 0; name != NULL && i < src->variants->len; i++)
    {
      const GsVariant *v = g_ptr_array_index (src->variants, i);
      if (strcmp (v->name, name) == 0)
        return v;
    }
  return NULL;
}

/* ---- applying a variant ------------------------------------------------- */

static void
index_ids (GHashTable *ids, xmlNodePtr n)
{
  for (; n; n = n->next)
    {
      if (n->type != XML_ELEMENT_NODE)
        continue;
      xmlChar *id = xmlGetProp (n, (const xmlChar *)"id");
      if (id != NULL)
        {
          if (!g_hash_table_contains (ids, id))
            g_hash_table_insert (ids, g_strdup ((char *)id), n);
          xmlFree (id);
        }
      index_ids (ids, n->children);
    }
}

static gboolean
is_named (xmlNodePtr n, const char *name)
{
  return n->type == XML_ELEMENT_NODE
         && strcmp ((const char *)n->name, name) == 0;
}

/* The child of @parent that step @step ("NAME", "NAME[K]",
 * "NAME[ATTR=VALUE]") picks; @where names @parent in messages. */
static xmlNodePtr
resolve_step (xmlNodePtr parent, const char *where, const char *step,
              GError **error)
{
  g_autofree char *name = g_strdup (step);
  char *pred = strchr (name, '[');
  guint64 k = 0;
  g_autofree char *pattr = NULL, *pvalue = NULL;
  if (pred != NULL)
    {
      size_t len = strlen (pred);
      if (len < 3 || pred[len - 1] != ']')
        {
          g_set_error (error, GS_VARIANT_ERROR, GS_VARIANT_ERROR_SYNTAX,
                       "'%s' is not a step: write NAME, NAME[K] or "
                       "NAME[ATTRIBUTE=VALUE]",
                       step);
          return NULL;
        }
      *pred = '\0';
      g_autofree char *inner = g_strndup (pred + 1, len - 2);
      char *eq = strchr (inner, '=');
      if (eq != NULL)
        {
          *eq = '\0';
          pattr = g_strdup (inner);
          pvalue = g_strdup (eq + 1);
        }
      else if (!g_ascii_string_to_unsigned (inner, 10, 1, G_MAXINT, &k, NULL))
        {
          g_set_error (error, GS_VARIANT_ERROR, GS_VARIANT_ERROR_SYNTAX,
                       "'%s': [%s] is neither a position (from 1) nor "
                       "ATTRIBUTE=VALUE",
                       step, inner);
          return NULL;
        }
    }
  guint count = 0;
  xmlNodePtr found = NULL;
  for (xmlNodePtr c = parent->children; c; c = c->next)
    {
      if (!is_named (c, name))
        continue;
      if (pattr != NULL)
        {
          xmlChar *v = xmlGetProp (c, (const xmlChar *)pattr);
          gboolean match = v != NULL && strcmp ((char *)v, pvalue) == 0;
          xmlFree (v);
          if (!match)
            continue;
        }
      count++;
      if (k == 0 ? found == NULL : count == k)
        found = c;
    }
  if (count == 0 || found == NULL)
    {
      if (pattr != NULL)
        g_set_error (error, GS_VARIANT_ERROR, GS_VARIANT_ERROR_TARGET,
                     "%s has no <%s> with %s=\"%s\"", where, name, pattr,
                     pvalue);
      else if (k > 0)
        g_set_error (error, GS_VARIANT_ERROR, GS_VARIANT_ERROR_TARGET,
                     "%s has %u <%s> element%s, not %" G_GUINT64_FORMAT, where,
                     count, name, count == 1 ? "" : "s", k);
      else
        g_set_error (error, GS_VARIANT_ERROR, GS_VARIANT_ERROR_TARGET,
                     "%s has no <%s> element", where, name);
      return NULL;
    }
  if (k == 0 && pattr == NULL && count > 1)
    {
      g_set_error (error, GS_VARIANT_ERROR, GS_VARIANT_ERROR_TARGET,
                   "%s has %u <%s> elements: say which, as %s[1] to %s[%u] "
                   "or %s[ATTRIBUTE=VALUE]",
                   where, count, name, name, name, count, name);
      return NULL;
    }
  if (pattr != NULL && count > 1)
    {
      g_set_error (error, GS_VARIANT_ERROR, GS_VARIANT_ERROR_TARGET,
                   "%s has %u <%s> with %s=\"%s\": say which by position",
                   where, count, name, pattr, pvalue);
      return NULL;
    }
  return found;
}

/* The element @path ("ID/STEP/...", "/STEP/..." from the scenario element
 * for elements with no id above them — a scheme's delegations, stances,
 * amendments — or "" for the scenario element) names in @doc. */
static xmlNodePtr
resolve_path (xmlDocPtr doc, GHashTable *ids, const char *path, GError **error)
{
  xmlNodePtr root = xmlDocGetRootElement (doc);
  if (*path == '\0')
    return root;
  g_auto (GStrv) steps = g_strsplit (path, "/", -1);
  xmlNodePtr n;
  if (*path == '/')
    n = root; /* steps[0] is "" */
  else
    n = g_hash_table_lookup (ids, steps[0]);
  if (n == NULL)
    {
      g_set_error (error, GS_VARIANT_ERROR, GS_VARIANT_ERROR_TARGET,
                   "no element has the id '%s'", steps[0]);
      return NULL;
    }
  if (strcmp (path, "/") == 0)
    return n;
  g_autofree char *where = g_strdup_printf ("'%s'", steps[0]);
  for (char **s = steps + 1; *s; s++)
    {
      gboolean top = *path == '/' && s == steps + 1;
      n = resolve_step (n, top ? "the scenario" : where, *s, error);
      if (n == NULL)
        return NULL;
      char *longer
          = g_strdup_printf ("%.*s/%s'", (int)strlen (where) - 1, where, *s);
      g_free (where);
      where = longer;
    }
  return n;
}

/* Gives @n and the elements below it lines counted from @base (the line
 * the markup started on), or @base itself when @flat. */
static void
set_lines (xmlNodePtr n, long base, gboolean flat)
{
  for (; n; n = n->next)
    {
      long line = flat ? base : base + (long)n->line - 1;
      n->line = (unsigned short)CLAMP (line, 0, 65535);
      set_lines (n->children, base, flat);
    }
}

/* The last element child of @parent called @name, or NULL. */
static xmlNodePtr
last_named (xmlNodePtr parent, const xmlChar *name)
{
  xmlNodePtr last = NULL;
  for (xmlNodePtr c = parent->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && xmlStrEqual (c->name, name))
      last = c;
  return last;
}

static gboolean
apply_addition (xmlDocPtr doc, GHashTable *ids, const GsSetting *s,
                GError **error)
{
  xmlNodePtr parent = resolve_path (doc, ids, s->target, error);
  if (parent == NULL)
    return FALSE;
  xmlNodePtr anchor = NULL;
  if (s->before != NULL)
    {
      g_autofree char *where = *s->target ? g_strdup_printf ("'%s'", s->target)
                                          : g_strdup ("the scenario");
      anchor = resolve_step (parent, where, s->before, error);
      if (anchor == NULL)
        return FALSE;
    }
  xmlNodePtr list = NULL;
  const char *markup = s->value ? s->value : "";
  xmlParserErrors rc
      = *markup == '\0'
            ? XML_ERR_OK
            : xmlParseInNodeContext (parent, markup, (int)strlen (markup),
                                     XML_PARSE_NONET | XML_PARSE_NOERROR
                                         | XML_PARSE_NOWARNING,
                                     &list);
  if (rc != XML_ERR_OK)
    {
      xmlFreeNodeList (list);
      g_set_error (error, GS_VARIANT_ERROR, GS_VARIANT_ERROR_SYNTAX,
                   "the elements to add are not well-formed XML");
      return FALSE;
    }
  /* From the command line: the line of the element added to; from an
   * <add>: the lines the elements have in the file. */
  set_lines (list, s->line > 0 ? s->line : xmlGetLineNo (parent), s->line <= 0);
  guint added = 0;
  while (list != NULL)
    {
      xmlNodePtr n = list;
      list = n->next;
      xmlUnlinkNode (n);
      n->next = n->prev = NULL;
      if (n->type != XML_ELEMENT_NODE)
        {
          xmlFreeNode (n);
          continue;
        }
      xmlNodePtr after = anchor == NULL ? last_named (parent, n->name) : NULL;
      if (anchor != NULL)
        xmlAddPrevSibling (anchor, n);
      else if (after != NULL)
        xmlAddNextSibling (after, n);
      else
        xmlAddChild (parent, n);
      added++;
    }
  if (added == 0)
    {
      g_set_error (error, GS_VARIANT_ERROR, GS_VARIANT_ERROR_SYNTAX,
                   "there is no element to add");
      return FALSE;
    }
  g_hash_table_remove_all (ids);
  index_ids (ids, xmlDocGetRootElement (doc));
  return TRUE;
}

static gboolean
apply_setting (xmlDocPtr doc, GHashTable *ids, const GsSetting *s,
               GError **error)
{
  if (s->op == GS_SETTING_ADD)
    return apply_addition (doc, ids, s, error);

  const char *at = strrchr (s->target, '@');
  g_autofree char *path = at ? g_strndup (s->target, (gsize)(at - s->target))
                             : g_strdup (s->target);
  const char *attr = at ? at + 1 : NULL;
  if (attr != NULL
      && (*attr == '\0'
          || strspn (attr, "abcdefghijklmnopqrstuvwxyz-") != strlen (attr)))
    {
      g_set_error (error, GS_VARIANT_ERROR, GS_VARIANT_ERROR_SYNTAX,
                   "'%s' is not an attribute name", attr);
      return FALSE;
    }
  if (attr != NULL && strcmp (attr, "id") == 0)
    {
      g_set_error (error, GS_VARIANT_ERROR, GS_VARIANT_ERROR_TARGET,
                   "an id cannot be changed (it is what the versions are "
                   "matched by)");
      return FALSE;
    }
  xmlNodePtr n = resolve_path (doc, ids, path, error);
  if (n == NULL)
    return FALSE;
  if (attr == NULL)
    {
      if (n == xmlDocGetRootElement (doc))
        {
          g_set_error (error, GS_VARIANT_ERROR, GS_VARIANT_ERROR_TARGET,
                       "the scenario itself cannot be removed");
          return FALSE;
        }
      /* Removing an element whose id others name leaves references the
       * semantic checks will report. */
      xmlUnlinkNode (n);
      xmlFreeNode (n);
      g_hash_table_remove_all (ids);
      index_ids (ids, xmlDocGetRootElement (doc));
      return TRUE;
    }
  if (s->op == GS_SETTING_REMOVE)
    {
      if (xmlHasProp (n, (const xmlChar *)attr) == NULL)
        {
          g_set_error (error, GS_VARIANT_ERROR, GS_VARIANT_ERROR_TARGET,
                       "'%s' has no attribute '%s' to remove",
                       *path ? path : "the scenario", attr);
          return FALSE;
        }
      xmlUnsetProp (n, (const xmlChar *)attr);
      return TRUE;
    }
  xmlSetProp (n, (const xmlChar *)attr, (const xmlChar *)s->value);
  return TRUE;
}

/* Takes every <variant> out of @doc. */
static void
strip_variants (xmlDocPtr doc)
{
  xmlNodePtr root = xmlDocGetRootElement (doc);
  xmlNodePtr c = root ? root->children : NULL;
  while (c != NULL)
    {
      xmlNodePtr next = c->next;
      if (is_variant (c))
        {
          xmlUnlinkNode (c);
          xmlFreeNode (c);
        }
      c = next;
    }
}

typedef struct
{
  const GsVariant *variant;
  const char *file;
  xmlDocPtr kept;
} Edit;

static gboolean
edit_doc (xmlDocPtr doc, gpointer user_data, GError **error)
{
  Edit *e = user_data;
  strip_variants (doc);
  if (e->variant != NULL)
    {
      g_autoptr (GHashTable) ids
          = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      index_ids (ids, xmlDocGetRootElement (doc));
      for (guint i = 0; i < e->variant->settings->len; i++)
        {
          const GsSetting *s = gs_variant_get_setting (e->variant, i);
          if (!apply_setting (doc, ids, s, error))
            {
              g_autofree char *what
                  = s->op != GS_SETTING_ADD
                        ? g_strdup_printf ("target '%s'", s->target)
                    : *s->target ? g_strdup_printf ("adding to '%s'", s->target)
                                 : g_strdup ("adding to the scenario");
              if (s->line > 0)
                g_prefix_error (error, "%s:%d: %s: ", e->file, s->line, what);
              else
                g_prefix_error (error, "%s: ", what);
              return FALSE;
            }
        }
    }
  e->kept = xmlCopyDoc (doc, 1);
  return TRUE;
}

GsTerms *
gs_source_build (const GsSource *src, const GsVariant *variant, GError **error)
{
  gsize len = 0;
  const char *data = g_bytes_get_data (src->bytes, &len);
  Edit e = { .variant = variant, .file = src->name };
  GsScenario *s = gs__loader_load_bytes_with (data ? data : "", len, src->name,
                                              edit_doc, &e, error);
  if (s == NULL)
    {
      xmlFreeDoc (e.kept);
      if (variant != NULL)
        g_prefix_error (error, "variant '%s': ", variant->name);
      return NULL;
    }
  GsTerms *t = g_new0 (GsTerms, 1);
  t->label = g_strdup (variant ? variant->name : "as written");
  t->file = g_strdup (src->name);
  t->scenario = s;
  t->doc = e.kept;
  return t;
}

void
gs_terms_free (GsTerms *t)
{
  if (t == NULL)
    return;
  g_free (t->label);
  g_free (t->file);
  gs_scenario_free (t->scenario);
  xmlFreeDoc (t->doc);
  g_free (t);
}

const GsScenario *
gs_terms_get_scenario (const GsTerms *t)
{
  return t->scenario;
}

const char *
gs_terms_get_label (const GsTerms *t)
{
  return t->label;
}

const char *
gs_terms_get_file (const GsTerms *t)
{
  return t->file;
}

/* ---- the diff ------------------------------------------------------------ */

void
gs_terms_change_free (GsTermsChange *c)
{
  if (c == NULL)
    return;
  g_free (c->subject);
  g_free (c->setting);
  g_free (c->before);
  g_free (c->after);
  g_free (c->target);
  g_free (c);
}

/* The attributes that identify an element without an id among its
 * siblings of the same name. */
static const char *const identity_attrs[]
    = { "person", "org",  "matter", "delegation", "by",
        "to",     "name", "body",   NULL };

/* Whether @attr identifies element @n in the diff.  A ladder's levels are
 * identified by their position: a level's person is who decides there, a
 * setting of the level like its time limit, so changing it is a change of
 * the level, not a level removed and another added. */
static gboolean
identifies (xmlNodePtr n, const char *attr)
{
  /* A gateway's body is a setting of the gateway (moving it to another
   * committee is a change, not a removal); an amendment is of its body. */
  if (strcmp (attr, "body") == 0)
    return strcmp ((const char *)n->name, "amend-body") == 0;
  return !(strcmp ((const char *)n->name, "level") == 0
           && strcmp (attr, "person") == 0);
}

typedef struct
{
  char *key;       /* unique in its document */
  char *target;    /* the path a setting would name it by */
  xmlNodePtr node; /* (borrowed) */
  int parent;      /* index of its parent's entry, -1 for the root */
} Entry;

static void
entry_clear (gpointer p)
{
  Entry *e = p;
  g_free (e->key);
  g_free (e->target);
}

/* The first identifying attribute of @c as a predicate, "[person=ceo]",
 * or "" when it has none.  (transfer full) */
static char *
first_pred (xmlNodePtr c)
{
  for (const char *const *a = identity_attrs; *a; a++)
    {
      xmlChar *v
          = identifies (c, *a) ? xmlGetProp (c, (const xmlChar *)*a) : NULL;
      if (v != NULL)
        {
          char *out = g_strdup_printf ("[%s=%s]", *a, v);
          xmlFree (v);
          return out;
        }
    }
  return g_strdup ("");
}

/* Keys every element below @parent (entry @pi) into @out and @index.
 * An element's target is a step resolve_step() reads back to it alone:
 * NAME[ATTRIBUTE=VALUE] when its first identifying attribute singles it
 * out, else its name when no sibling shares it, else its position among
 * its namesakes, NAME[K].  The siblings are counted once, so the
 * cost is linear in the children. */
static void
key_children (GArray *out, GHashTable *index, int pi)
{
  const Entry *pe = &g_array_index (out, Entry, pi);
  xmlNodePtr parent = pe->node;
  g_autofree char *pkey = g_strdup (pe->key);
  g_autofree char *ptarget = g_strdup (pe->target);
  g_autoptr (GHashTable) seen
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* How many siblings share a name, and a name with a predicate (every
   * element counts, with an id or not, as resolve_step() counts them). */
  g_autoptr (GHashTable) named
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (xmlNodePtr c = parent->children; c; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      /* resolve_step() matches NAME[ATTRIBUTE=VALUE] on any element of
       * that name with that value, so every identifying attribute an
       * element has counts, not only its first. */
      GPtrArray *keys = g_ptr_array_new ();
      g_ptr_array_add (keys, g_strdup ((const char *)c->name));
      for (const char *const *a = identity_attrs; *a; a++)
        {
          xmlChar *v = xmlGetProp (c, (const xmlChar *)*a);
          if (v != NULL)
            g_ptr_array_add (
                keys, g_strdup_printf ("%s[%s=%s]", c->name, *a, (char *)v));
          xmlFree (v);
        }
      for (guint j = 0; j < keys->len; j++)
        {
          char *key = g_ptr_array_index (keys, j);
          guint k = GPOINTER_TO_UINT (g_hash_table_lookup (named, key));
          g_hash_table_insert (named, key, GUINT_TO_POINTER (k + 1));
        }
      g_free (g_ptr_array_free (keys, FALSE)); /* the table owns the keys */
    }
  g_autoptr (GHashTable) position
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (xmlNodePtr c = parent->children; c; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      guint pos = GPOINTER_TO_UINT (
                      g_hash_table_lookup (position, (const char *)c->name))
                  + 1;
      g_hash_table_insert (position, g_strdup ((const char *)c->name),
                           GUINT_TO_POINTER (pos));
      Entry e = { .node = c, .parent = pi };
      xmlChar *id = xmlGetProp (c, (const xmlChar *)"id");
      if (id != NULL)
        {
          e.key = g_strdup_printf ("#%s", id);
          e.target = g_strdup ((char *)id);
          xmlFree (id);
        }
      else
        {
          GString *sig = g_string_new ((const char *)c->name);
          for (const char *const *a = identity_attrs; *a; a++)
            {
              xmlChar *v = identifies (c, *a)
                               ? xmlGetProp (c, (const xmlChar *)*a)
                               : NULL;
              if (v != NULL)
                g_string_append_printf (sig, "[%s=%s]", *a, v);
              xmlFree (v);
            }
          guint k = GPOINTER_TO_UINT (g_hash_table_lookup (seen, sig->str)) + 1;
          g_hash_table_insert (seen, g_strdup (sig->str), GUINT_TO_POINTER (k));
          e.key = g_strdup_printf ("%s/%s#%u", pkey, sig->str, k);
          g_string_free (sig, TRUE);
          g_autofree char *pred = first_pred (c);
          g_autofree char *with
              = g_strconcat ((const char *)c->name, pred, NULL);
          g_autofree char *step = NULL;
          if (*pred
              && GPOINTER_TO_UINT (g_hash_table_lookup (named, with)) == 1)
            step = g_steal_pointer (&with);
          else if (GPOINTER_TO_UINT (
                       g_hash_table_lookup (named, (const char *)c->name))
                   == 1)
            step = g_strdup ((const char *)c->name);
          else
            step = g_strdup_printf ("%s[%u]", c->name, pos);
          /* Below the scenario element itself the path starts with "/",
           * as a setting names it (resolve_path()). */
          e.target = g_strdup_printf ("%s/%s", ptarget, step);
        }
      g_array_append_val (out, e);
      int me = (int)out->len - 1;
      if (!g_hash_table_contains (index, e.key))
        g_hash_table_insert (index, e.key, GINT_TO_POINTER (me + 1));
      key_children (out, index, me);
    }
}

static GArray *
key_doc (xmlDocPtr doc, GHashTable *index)
{
  GArray *out = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (out, entry_clear);
  xmlNodePtr root = xmlDocGetRootElement (doc);
  Entry e = {
    .key = g_strdup ("/"), .target = g_strdup (""), .node = root, .parent = -1
  };
  g_array_append_val (out, e);
  g_hash_table_insert (index, e.key, GINT_TO_POINTER (1));
  key_children (out, index, 0);
  return out;
}

/* "the joint committee 'Acute Alliance Joint Committee'" for the element
 * with an id nearest above @n (or @n), "the scenario" for the root. */
static char *
subject_of (xmlNodePtr n)
{
  for (; n && n->type == XML_ELEMENT_NODE; n = n->parent)
    {
      xmlChar *id = xmlGetProp (n, (const xmlChar *)"id");
      if (id == NULL)
        {
          if (n->parent == NULL || n->parent->type != XML_ELEMENT_NODE)
            return g_strdup ("the scenario");
          continue;
        }
      g_autofree char *kind
          = g_strdelimit (g_strdup ((char *)n->name), "-", ' ');
      xmlChar *name = xmlGetProp (n, (const xmlChar *)"name");
      if (name == NULL)
        name = xmlGetProp (n, (const xmlChar *)"title");
      char *out = name ? g_strdup_printf ("the %s '%s' (%s)", kind, name, id)
                       : g_strdup_printf ("the %s '%s'", kind, id);
      xmlFree (name);
      xmlFree (id);
      return out;
    }
  return g_strdup ("the scenario");
}

/* The words for an element below its subject: "member nv-ned", "quorum". */
static void
append_step_words (GString *out, xmlNodePtr n)
{
  if (out->len > 0)
    g_string_append_c (out, ' ');
  g_autofree char *name = g_strdelimit (g_strdup ((char *)n->name), "-", ' ');
  g_string_append (out, strcmp ((const char *)n->name, "amend-body") == 0
                            ? "amendment"
                            : name);
  if (strcmp ((const char *)n->name, "level") == 0)
    {
      /* "level 2", as a ladder's levels are numbered. */
      guint k = 1;
      for (xmlNodePtr p = n->prev; p; p = p->prev)
        k += p->type == XML_ELEMENT_NODE && xmlStrEqual (p->name, n->name);
      g_string_append_printf (out, " %u", k);
      return;
    }
  if (strcmp ((const char *)n->name, "amend-body") == 0)
    {
      /* "amendment of pjc from 2024-10-01": the body, and the day the
       * amended terms apply from. */
      xmlChar *body = xmlGetProp (n, (const xmlChar *)"body");
      xmlChar *date = xmlGetProp (n, (const xmlChar *)"date");
      if (body != NULL)
        g_string_append_printf (out, " of %s", body);
      if (date != NULL)
        g_string_append_printf (out, " from %s", date);
      xmlFree (body);
      xmlFree (date);
      return;
    }
  if (strcmp ((const char *)n->name, "stance") == 0)
    {
      /* Whose stance on what: "stance of ceo on every matter", and the
       * scenario's default, "stance of everyone on every matter". */
      xmlChar *who = xmlGetProp (n, (const xmlChar *)"person");
      if (who == NULL)
        who = xmlGetProp (n, (const xmlChar *)"org");
      xmlChar *what = xmlGetProp (n, (const xmlChar *)"matter");
      g_string_append_printf (out, " of %s on %s",
                              who ? (char *)who : "everyone",
                              what ? (char *)what : "every matter");
      xmlFree (who);
      xmlFree (what);
      return;
    }
  for (const char *const *a = identity_attrs; *a; a++)
    {
      xmlChar *v
          = identifies (n, *a) ? xmlGetProp (n, (const xmlChar *)*a) : NULL;
      if (v != NULL)
        {
          g_string_append_printf (out, " %s", v);
          xmlFree (v);
          break;
        }
    }
}

/* The path of elements without ids from the subject down to @n. */
static char *
steps_of (xmlNodePtr n)
{
  GPtrArray *chain = g_ptr_array_new ();
  for (xmlNodePtr p = n; p && p->type == XML_ELEMENT_NODE; p = p->parent)
    {
      if (xmlHasProp (p, (const xmlChar *)"id") != NULL || p->parent == NULL
          || p->parent->type != XML_ELEMENT_NODE)
        break;
      g_ptr_array_add (chain, p);
    }
  GString *out = g_string_new (NULL);
  for (guint i = chain->len; i-- > 0;)
    append_step_words (out, g_ptr_array_index (chain, i));
  g_ptr_array_unref (chain);
  return g_string_free (out, FALSE);
}

/* Words for the attributes readers ask about most; others are named as
 * written, hyphens as spaces. */
static const struct
{
  const char *element, *attr, *words;
} attr_words[] = {
  { "voting", "rule", "voting rule" },
  { "voting", "casting", "casting vote" },
  { "voting", "of", "majority of" },
  { "voting", "fraction", "fraction needed" },
  { "quorum", "present", "quorum (members present)" },
  { "voting", "per", "one vote per" },
  { "voting", "then", "vote after a blocked consensus" },
  { "each-party", "min", "members needed from each party" },
  { "each-party", "roles", "roles counted for each party" },
  { "member", "from", "member from" },
  { "member", "until", "member until" },
  { "urgent", "route", "urgent decisions" },
  { "urgent", "up-to", "chair's action limit" },
  { "urgent", "with", "chair's action taken with" },
  { "urgent", "days", "days to decide a written resolution" },
  { "urgent", "rule", "written resolution rule" },
  { "urgent", "fraction", "written resolution majority" },
  { "level", "decides", "how the level decides" },
  { "level", "bodies", "bodies referred to" },
  { "level", "need", "approvals needed" },
  { "level", "within", "time allowed" },
  { "post", "org", "post at" },
  { "post", "role", "role in the post" },
  { "post", "director", "director in the post" },
  { "meets", "every", "meeting interval" },
  { "meets", "capacity", "items per meeting" },
  { "meets", "notice", "notice before an item is taken" },
  { "meets", "first", "first meeting" },
  { "person", "attendance", "attendance" },
  { "delegation", "limit", "delegated limit" },
  { "delegation", "matters", "delegated matters" },
  { "amend", "limit", "amended limit" },
  { "stance", "support", "support" },
  { "stance", "if-affected", "support if affected" },
  { "arrivals", "count", "proposals in the stream" },
  { "arrivals", "every", "interval between proposals" },
  { "scenario", "seed", "seed" },
  { "scenario", "horizon", "horizon" },
};

static char *
setting_words (xmlNodePtr n, const char *attr)
{
  g_autofree char *steps = steps_of (n);
  const char *words = NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (attr_words); i++)
    if (strcmp (attr_words[i].element, (const char *)n->name) == 0
        && strcmp (attr_words[i].attr, attr) == 0)
      words = attr_words[i].words;
  g_autofree char *plain = g_strdelimit (g_strdup (attr), "-", ' ');
  if (words != NULL)
    {
      /* The table's words name the element already ("voting rule"). */
      g_autofree char *element
          = g_strdelimit (g_strdup ((const char *)n->name), "-", ' ');
      if (*steps == '\0' || strcmp (steps, element) == 0)
        return g_strdup (words);
      return g_strdup_printf ("%s: %s", steps, words);
    }
  if (*steps)
    return g_strdup_printf ("%s: %s", steps, plain);
  return g_steal_pointer (&plain);
}

/* The attributes whose values are ids (shown as written). */
static const char *const reference_attrs[]
    = { "person",  "deputy", "org", "body", "matter", "lead", "affects",
        "parties", "ladder", "to",  "by",   "bodies", NULL };

/* A value in words: sums in pounds, enumerations with spaces. */
static char *
value_words (const char *attr, const char *v)
{
  if (v == NULL)
    return g_strdup ("(not set)");
  if (g_strv_contains (reference_attrs, attr))
    return g_strdup (v);
  if ((strcmp (attr, "limit") == 0 || strcmp (attr, "value") == 0
       || strcmp (attr, "up-to") == 0)
      && *v && strspn (v, "0123456789") == strlen (v))
    return gs__load_pounds (g_ascii_strtoll (v, NULL, 10));
  if (g_ascii_islower (*v)
      && strspn (v, "abcdefghijklmnopqrstuvwxyz-") == strlen (v))
    return g_strdelimit (g_strdup (v), "-", ' ');
  return g_strdup (v);
}

static void
add_change (GPtrArray *out, xmlNodePtr subject_node, xmlNodePtr n,
            const char *attr, const char *before, const char *after,
            const char *target, int la, int lb)
{
  GsTermsChange *c = g_new0 (GsTermsChange, 1);
  c->subject = subject_of (subject_node);
  if (attr != NULL)
    {
      c->setting = setting_words (n, attr);
      c->before = value_words (attr, before);
      c->after = value_words (attr, after);
      c->target = g_strdup_printf ("%s@%s", target, attr);
    }
  else
    {
      g_autofree char *steps = steps_of (n);
      GString *w = g_string_new (NULL);
      if (*steps == '\0' && xmlHasProp (n, (const xmlChar *)"id") != NULL)
        /* The subject names it already: say only what it is. */
        g_string_append (w, (const char *)n->name);
      else if (*steps == '\0')
        append_step_words (w, n);
      c->setting = *steps ? g_strdup (steps) : g_string_free (w, FALSE);
      if (*steps)
        g_string_free (w, TRUE);
      c->before = g_strdup (before);
      c->after = g_strdup (after);
      c->target = g_strdup (target);
    }
  c->line_a = la;
  c->line_b = lb;
  g_ptr_array_add (out, c);
}

/* Attribute @name of @n, or NULL.  (transfer full, g_free) */
static char *
prop (xmlNodePtr n, const xmlChar *name)
{
  xmlChar *v = xmlGetProp (n, name);
  char *out = v ? g_strdup ((char *)v) : NULL;
  xmlFree (v);
  return out;
}

static gboolean
text_only (xmlNodePtr n)
{
  for (xmlNodePtr c = n->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      return FALSE;
  return n->children != NULL;
}

static void
diff_attrs (GPtrArray *out, const Entry *ea, const Entry *eb)
{
  xmlNodePtr a = ea->node, b = eb->node;
  int la = (int)xmlGetLineNo (a), lb = (int)xmlGetLineNo (b);
  for (xmlAttrPtr p = a->properties; p; p = p->next)
    {
      g_autofree char *va = prop (a, p->name);
      g_autofree char *vb = prop (b, p->name);
      if (vb == NULL || strcmp (va, vb) != 0)
        add_change (out, a, a, (const char *)p->name, va, vb, ea->target, la,
                    lb);
    }
  for (xmlAttrPtr p = b->properties; p; p = p->next)
    if (xmlHasProp (a, p->name) == NULL)
      {
        g_autofree char *vb = prop (b, p->name);
        add_change (out, a, a, (const char *)p->name, NULL, vb, ea->target, la,
                    lb);
      }
  if (text_only (a) && text_only (b))
    {
      xmlChar *ta = xmlNodeGetContent (a), *tb = xmlNodeGetContent (b);
      g_autofree char *sa = g_strstrip (g_strdup ((char *)ta));
      g_autofree char *sb = g_strstrip (g_strdup ((char *)tb));
      if (strcmp (sa, sb) != 0)
        add_change (out, a, a, NULL, "as in the first", "reworded", ea->target,
                    la, lb);
      xmlFree (ta);
      xmlFree (tb);
    }
}

GPtrArray *
gs_terms_diff (const GsTerms *ta, const GsTerms *tb)
{
  GPtrArray *out
      = g_ptr_array_new_with_free_func ((GDestroyNotify)gs_terms_change_free);
  g_autoptr (GHashTable) ia = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) ib = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GArray) ka = key_doc (ta->doc, ia);
  g_autoptr (GArray) kb = key_doc (tb->doc, ib);
  g_autofree gboolean *gone_a = g_new0 (gboolean, ka->len);
  for (guint i = 0; i < ka->len; i++)
    {
      const Entry *ea = &g_array_index (ka, Entry, i);
      if (ea->parent >= 0 && gone_a[ea->parent])
        {
          gone_a[i] = TRUE; /* inside an element already reported */
          continue;
        }
      int j = GPOINTER_TO_INT (g_hash_table_lookup (ib, ea->key)) - 1;
      if (j < 0)
        {
          gone_a[i] = TRUE;
          add_change (out, ea->node, ea->node, NULL, "present", "removed",
                      ea->target, (int)xmlGetLineNo (ea->node), 0);
          continue;
        }
      diff_attrs (out, ea, &g_array_index (kb, Entry, j));
    }
  g_autofree gboolean *new_b = g_new0 (gboolean, kb->len);
  for (guint j = 0; j < kb->len; j++)
    {
      const Entry *eb = &g_array_index (kb, Entry, j);
      if (g_hash_table_contains (ia, eb->key))
        continue;
      new_b[j] = TRUE;
      if (eb->parent >= 0 && new_b[eb->parent])
        continue;
      add_change (out, eb->node, eb->node, NULL, "absent", "added", eb->target,
                  0, (int)xmlGetLineNo (eb->node));
    }
  return out;
}

/* ---- sweeps -------------------------------------------------------------- */

void
gs_sweep_free (GsSweep *s)
{
  if (s == NULL)
    return;
  g_free (s->target);
  g_strfreev (s->values);
  g_free (s);
}

static gboolean
parse_number (const char *text, double *out, gboolean *whole)
{
  char *end = NULL;
  g_autofree char *t = g_strstrip (g_strdup (text));
  if (*t == '\0')
    return FALSE;
  *out = g_ascii_strtod (t, &end);
  if (end == NULL || *end != '\0' || !isfinite (*out))
    return FALSE;
  *whole = strpbrk (t, ".eE") == NULL;
  return TRUE;
}

GsSweep *
gs_sweep_parse (const char *text, GError **error)
{
  const char *eq = find_equals (text);
  if (eq == NULL)
    {
      g_set_error (error, GS_VARIANT_ERROR, GS_VARIANT_ERROR_SYNTAX,
                   "'%s' is not a sweep: write TARGET=A..B[:STEP] or "
                   "TARGET=V1,V2,...",
                   text);
      return NULL;
    }
  g_autoptr (GsSweep) s = g_new0 (GsSweep, 1);
  s->target = g_strstrip (g_strndup (text, (gsize)(eq - text)));
  if (*s->target == '\0' || strchr (s->target, '@') == NULL)
    {
      g_set_error (error, GS_VARIANT_ERROR, GS_VARIANT_ERROR_SYNTAX,
                   "sweep '%s': the target names no attribute "
                   "(ID/ELEMENT@ATTRIBUTE)",
                   text);
      return NULL;
    }
  g_autofree char *rhs = g_strstrip (g_strdup (eq + 1));
  GPtrArray *values = g_ptr_array_new ();
  char *dots = strstr (rhs, "..");
  if (dots != NULL)
    {
      *dots = '\0';
      char *step_text = strchr (dots + 2, ':');
      if (step_text != NULL)
        *step_text++ = '\0';
      double a, b, step = 1;
      gboolean wa, wb, ws = TRUE;
      if (!parse_number (rhs, &a, &wa) || !parse_number (dots + 2, &b, &wb)
          || (step_text != NULL && !parse_number (step_text, &step, &ws))
          || !(step > 0))
        {
          g_ptr_array_free (values, TRUE);
          g_set_error (error, GS_VARIANT_ERROR, GS_VARIANT_ERROR_SYNTAX,
                       "sweep '%s': a range needs numbers A..B and a "
                       "positive STEP",
                       text);
          return NULL;
        }
      /* Counted, not accumulated: A + k × STEP for k = 0, 1, ... while
       * at most B (a hair of slack for decimal steps). */
      double span = (b - a) / step;
      if (span >= 0 && span < GS_LIMIT_SWEEP_MAX)
        {
          guint n = (guint)floor (span + 1e-9) + 1;
          for (guint k = 0; k < n; k++)
            {
              double v = a + k * step;
              char buf[G_ASCII_DTOSTR_BUF_SIZE];
              if (wa && ws)
                g_snprintf (buf, sizeof buf, "%.0f", v);
              else
                g_ascii_formatd (buf, sizeof buf, "%.10g", v);
              g_ptr_array_add (values, g_strdup (buf));
            }
        }
      else if (span >= GS_LIMIT_SWEEP_MAX)
        {
          g_ptr_array_free (values, TRUE);
          g_set_error (error, GS_VARIANT_ERROR, GS_VARIANT_ERROR_SWEEP,
                       "sweep '%s' has more than %d values", text,
                       GS_LIMIT_SWEEP_MAX);
          return NULL;
        }
    }
  else
    {
      g_auto (GStrv) parts = g_strsplit (rhs, ",", -1);
      for (char **p = parts; *p; p++)
        {
          g_strstrip (*p);
          if (**p != '\0')
            g_ptr_array_add (values, g_strdup (*p));
        }
    }
  if (values->len == 0 || values->len > GS_LIMIT_SWEEP_MAX)
    {
      gboolean none = values->len == 0;
      g_ptr_array_free (values, TRUE);
      if (none)
        g_set_error (error, GS_VARIANT_ERROR, GS_VARIANT_ERROR_SWEEP,
                     "sweep '%s' has no values", text);
      else
        g_set_error (error, GS_VARIANT_ERROR, GS_VARIANT_ERROR_SWEEP,
                     "sweep '%s' has more than %d values", text,
                     GS_LIMIT_SWEEP_MAX);
      return NULL;
    }
  g_ptr_array_add (values, NULL);
  s->values = (GStrv)g_ptr_array_free (values, FALSE);
  return g_steal_pointer (&s);
}

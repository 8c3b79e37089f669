/* gs-loader.c — from an untrusted scenario file to a checked GsScenario.
 *
 * Four stages, each of which stops the load if it finds a problem:
 *
 *  1. read: the file is read by us, never by libxml2, and refused past a
 *     size cap, so a huge or endless file costs at most the cap;
 *  2. parse and 3. validate: see gs-xml.c (no network, no DOCTYPE, the
 *     embedded schema);
 *  4. build: the tree is read into the model in passes (organisations and
 *     matters, then people, then bodies, then escalation ladders and the
 *     bodies' escalation clauses, then schemes of delegation, then
 *     pathways, then behaviour and traffic), one file per element family,
 *     so that references may point forward, and every meaning is checked:
 *     unique ids, references that resolve, real dates, numbers that make
 *     sense, pathways that can decide every value they take.
 *
 * This file holds the entry points, the order of the passes, and the
 * attribute readers every pass shares.  Errors are collected as
 * "file:line: message" strings, at most GS_LIMIT_ERRORS_MAX of them, and
 * returned as one GError whose message has one problem per line.  The
 * loader keeps no state between calls.
 */
#include "io/gs-loader-private.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <gio/gio.h>

#include <govsim/gs-workdays.h>

#define GS_DEMO_RESOURCE "/org/govsim/demo-single-trust.xml"

GQuark
gs_loader_error_quark (void)
{
  return g_quark_from_static_string ("gs-loader-error-quark");
}

/* Cuts every quoted run ('...') of @msg longer than GS_LIMIT_ECHO
 * characters to its first GS_LIMIT_ECHO and "...": a message names the
 * offending value, but never echoes a 100,000-character one back whole
 * (libxml2's schema errors quote the value in full).  (transfer full) */
static char *
clip_quoted (const char *msg)
{
  GString *out = g_string_sized_new (strlen (msg));
  const char *p = msg;
  while (*p != '\0')
    {
      const char *close = *p == '\'' ? strchr (p + 1, '\'') : NULL;
      if (close == NULL)
        {
          g_string_append_c (out, *p++);
          continue;
        }
      const char *value = p + 1;
      gsize len = (gsize)(close - value);
      if (len > GS_LIMIT_ECHO)
        {
          const char *cut = value + GS_LIMIT_ECHO;
          while (cut > value && ((guchar)*cut & 0xC0) == 0x80)
            cut--; /* not inside a UTF-8 character */
          g_string_append_c (out, '\'');
          g_string_append_len (out, value, cut - value);
          g_string_append (out, "...'");
        }
      else
        g_string_append_len (out, p, close - p + 1);
      p = close + 1;
    }
  return g_string_free (out, FALSE);
}

void
gs__load_error (GsLoader *l, long line, const char *fmt, ...)
{
  if (l->errors->len >= GS_LIMIT_ERRORS_MAX)
    {
      l->n_dropped++;
      return;
    }
  va_list ap;
  va_start (ap, fmt);
  g_autofree char *full = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  g_autofree char *msg = clip_quoted (full);
  g_ptr_array_add (l->errors, g_strdup_printf ("%s:%ld: %s", l->name,
                                               line > 0 ? line : 1, msg));
}

static gboolean
loader_fail (GsLoader *l, GError **error)
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

const char *
gs__load_intern (GsLoader *l, xmlNodePtr n, const char *name)
{
  g_autofree char *v = gs__xml_attr (n, name);
  return gs__scenario_intern (l->s, v);
}

void
gs__load_claim_id (GsLoader *l, xmlNodePtr n, const char *id)
{
  gpointer first = g_hash_table_lookup (l->ids, id);
  if (first != NULL)
    gs__load_error (l, gs__xml_line (n),
                    "duplicate id '%s' (first used on line %d)", id,
                    GPOINTER_TO_INT (first));
  else
    g_hash_table_insert (l->ids, g_strdup (id),
                         GINT_TO_POINTER ((int)gs__xml_line (n)));
}

int
gs__load_find_org (const GsScenario *s, const char *id)
{
  return gs__scenario_find (s, GS_IDS_ORG, id);
}

int
gs__load_find_ladder (const GsScenario *s, const char *id)
{
  return gs__scenario_find (s, GS_IDS_LADDER, id);
}

int
gs__load_find_pathway (const GsScenario *s, const char *id)
{
  return gs__scenario_find (s, GS_IDS_PATHWAY, id);
}

void
gs__marks_begin (GsMarks *m, guint n)
{
  if (n > m->n)
    {
      guint grown = MAX (n, 2 * m->n);
      m->stamps = g_renew (guint, m->stamps, grown);
      memset (m->stamps + m->n, 0, (grown - m->n) * sizeof (guint));
      m->n = grown;
    }
  if (++m->stamp == 0)
    {
      /* After 2^32 rounds the old stamps would come back into use. */
      memset (m->stamps, 0, m->n * sizeof (guint));
      m->stamp = 1;
    }
}

gboolean
gs__marks_add (GsMarks *m, guint i)
{
  g_assert (i < m->n);
  if (m->stamps[i] == m->stamp)
    return FALSE;
  m->stamps[i] = m->stamp;
  return TRUE;
}

gboolean
gs__marks_has (const GsMarks *m, guint i)
{
  return i < m->n && m->stamps[i] == m->stamp;
}

void
gs__marks_clear (GsMarks *m)
{
  g_clear_pointer (&m->stamps, g_free);
  m->n = 0;
}

/* Resolves the reference in attribute @name to an index, reporting a
 * dangling reference.  Returns -1 when absent or dangling. */
int
gs__load_ref (GsLoader *l, xmlNodePtr n, const char *name, const char *what,
              int (*find) (const GsScenario *, const char *))
{
  g_autofree char *v = gs__xml_attr (n, name);
  if (v == NULL)
    return -1;
  int idx = find (l->s, v);
  if (idx < 0)
    gs__load_error (l, gs__xml_line (n),
                    "%s '%s' is not defined (attribute '%s')", what, v, name);
  return idx;
}

gboolean
gs__load_date (GsLoader *l, xmlNodePtr n, const char *name, GsTime *out)
{
  g_autofree char *v = gs__xml_attr (n, name);
  g_autoptr (GError) err = NULL;
  if (v == NULL)
    return FALSE;
  if (!gs_date_parse (v, out, &err))
    {
      gs__load_error (l, gs__xml_line (n), "attribute '%s': %s", name,
                      err->message);
      return FALSE;
    }
  return TRUE;
}

/* Working days ("PnWD") count notice, deadlines and time limits; a
 * calendar's interval and the horizon are calendar spans.  They are
 * counted from the shipped bank-holiday table, so the whole simulated
 * period must lie in its years. */
static gboolean
check_working_days (GsLoader *l, xmlNodePtr n, const char *name, const char *v)
{
  if (strcmp (name, "every") == 0 || strcmp (name, "horizon") == 0)
    {
      gs__load_error (l, gs__xml_line (n),
                      "attribute '%s': '%s' counts working days, which are "
                      "for notice, deadlines and time limits; give a "
                      "calendar span such as P1W or P1M",
                      name, v);
      return FALSE;
    }
  const GsScenario *s = l->s;
  if (s->end <= s->start)
    return TRUE; /* the period is already reported as wrong */
  if (!gs_workday_covered (s->start)
      || !gs_workday_covered (s->end - GS_MINUTES_PER_DAY))
    {
      char from[GS_DATE_BUF], to[GS_DATE_BUF];
      gs_time_format_date (s->start, from);
      gs_time_format_date (s->end - GS_MINUTES_PER_DAY, to);
      gs__load_error (l, gs__xml_line (n),
                      "attribute '%s': '%s' counts working days, and govsim "
                      "knows the bank holidays of England and Wales for %d "
                      "to %d only, but the scenario runs from %s to %s",
                      name, v, GS_WORKDAY_YEAR_FIRST, GS_WORKDAY_YEAR_LAST,
                      from, to);
      return FALSE;
    }
  return TRUE;
}

gboolean
gs__load_duration (GsLoader *l, xmlNodePtr n, const char *name,
                   gboolean nonzero, GsDuration *out)
{
  g_autofree char *v = gs__xml_attr (n, name);
  g_autoptr (GError) err = NULL;
  if (v == NULL)
    return FALSE;
  if (!gs_duration_parse (v, out, &err))
    {
      gs__load_error (l, gs__xml_line (n), "attribute '%s': %s", name,
                      err->message);
      return FALSE;
    }
  if (nonzero && gs_duration_is_zero (out))
    {
      gs__load_error (l, gs__xml_line (n),
                      "attribute '%s': the duration '%s' is zero", name, v);
      return FALSE;
    }
  if (out->working_days > 0)
    return check_working_days (l, n, name, v);
  return TRUE;
}

double
gs__load_double (xmlNodePtr n, const char *name, double fallback)
{
  g_autofree char *v = gs__xml_attr (n, name);
  return v ? g_ascii_strtod (v, NULL) : fallback;
}

guint64
gs__load_uint (xmlNodePtr n, const char *name, guint64 fallback)
{
  g_autofree char *v = gs__xml_attr (n, name);
  return v ? g_ascii_strtoull (v, NULL, 10) : fallback;
}

/* The index of @v in the NULL-terminated @names, or -1. */
int
gs__load_enum_value (const char *v, const char *const *names)
{
  for (int i = 0; names[i] != NULL; i++)
    if (strcmp (names[i], v) == 0)
      return i;
  return -1;
}

int
gs__load_enum (xmlNodePtr n, const char *name, const char *const *names,
               int fallback)
{
  g_autofree char *v = gs__xml_attr (n, name);
  if (v == NULL)
    return fallback;
  int i = gs__load_enum_value (v, names);
  return i >= 0 ? i : fallback; /* the schema has refused anything else */
}
const char *const gs__load_roles[]
    = { "chair",     "ned",      "chief-executive", "finance-director",
        "executive", "governor", "officer",         "external",
        NULL };

static void
read_scenario_attrs (GsLoader *l, xmlNodePtr root)
{
  GsScenario *s = l->s;
  s->name = gs__load_intern (l, root, "name");
  s->seed = gs__load_uint (root, "seed", 1);
  GsDuration horizon = { 0 };
  gboolean ok_start = gs__load_date (l, root, "start", &s->start);
  gboolean ok_horizon = gs__load_duration (l, root, "horizon", TRUE, &horizon);
  if (ok_start && ok_horizon)
    {
      s->end = gs_time_add (s->start, &horizon, 1);
      /* The end is exclusive: the last simulated day must be in range. */
      int y = GS_LIMIT_YEAR_MAX + 1, m, d;
      if (s->end != GS_TIME_NEVER)
        gs_time_to_civil (s->end - GS_MINUTES_PER_DAY, &y, &m, &d);
      if (y > GS_LIMIT_YEAR_MAX)
        gs__load_error (l, gs__xml_line (root),
                        "the horizon runs past the year %d", GS_LIMIT_YEAR_MAX);
      else
        gs__load_limit_horizon (l, root);
    }
  for (xmlNodePtr c = root->children; c; c = c->next)
    if (gs__xml_is_element (c, "description"))
      {
        xmlChar *text = xmlNodeGetContent (c);
        g_autofree char *stripped = g_strstrip (g_strdup ((char *)text));
        s->description = gs__scenario_intern (s, stripped);
        xmlFree (text);
      }
}

gboolean
gs__load_bool (xmlNodePtr n, const char *name, gboolean fallback)
{
  g_autofree char *v = gs__xml_attr (n, name);
  if (v == NULL)
    return fallback;
  g_strstrip (v); /* xs:boolean allows surrounding white space */
  return strcmp (v, "true") == 0 || strcmp (v, "1") == 0;
}

/* A sum as the reports write it: £5,000,001.  (transfer full) */
char *
gs__load_pounds (gint64 v)
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

/* "a b c" in @name -> matter indices, each at most once. */
guint *
gs__load_matters (GsLoader *l, xmlNodePtr n, const char *name, guint *n_out)
{
  g_autofree char *v = gs__xml_attr (n, name);
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint));
  g_auto (GStrv) ids = g_strsplit_set (v ? v : "", " \t\r\n", -1);
  gs__marks_begin (&l->list, l->s->matters->len);
  for (char **id = ids; *id; id++)
    {
      if (**id == '\0')
        continue;
      int m = gs_scenario_find_matter (l->s, *id);
      gboolean dup = m >= 0 && !gs__marks_add (&l->list, (guint)m);
      if (m < 0)
        gs__load_error (l, gs__xml_line (n),
                        "matter '%s' is not defined (attribute '%s')", *id,
                        name);
      else if (dup)
        gs__load_error (l, gs__xml_line (n),
                        "matter '%s' is listed twice in '%s'", *id, name);
      else
        {
          guint um = (guint)m;
          g_array_append_val (out, um);
        }
    }
  *n_out = out->len;
  return (guint *)g_array_free (out, FALSE);
}

/* The problems reported so far, those beyond the cap included. */
guint
gs__load_n_problems (const GsLoader *l)
{
  return l->errors->len + l->n_dropped;
}

static void
build_model (GsLoader *l, xmlDocPtr doc)
{
  xmlNodePtr root = xmlDocGetRootElement (doc);
  l->code = GS_LOADER_ERROR_SEMANTIC;
  read_scenario_attrs (l, root);
  if (l->errors->len > 0)
    return; /* without a period, dates cannot be checked */
  gs__load_organisations_and_matters (l, root);
  gs__load_people (l, root);
  gs__load_bodies (l, root);
  gs__load_ladders (l, root);
  gs__load_escalations (l);
  gs__load_amendments (l, root);
  gs__load_schemes (l, root);
  gs__scenario_index_delegations (l->s);
  gs__scenario_index_seats (l->s);
  gs__load_check_functions (l);
  gs__load_pathways (l, root);
  gs__scenario_index_pathways (l->s);
  gs__load_absences_and_conflicts (l, root);
  gs__scenario_index_behaviour (l->s);
  gs__load_stances (l, root);
  gs__scenario_index_ballots (l->s);
  gs__load_traffic (l, root);
  /* Counting the work needs calendars and streams that make sense. */
  if (l->errors->len == 0)
    gs__load_check_work (l);
}

/* ---- entry points -------------------------------------------------------- */

GsScenario *
gs_loader_load_bytes (const char *data, gsize len, const char *name,
                      GError **error)
{
  return gs__loader_load_bytes_with (data, len, name, NULL, NULL, error);
}

GsScenario *
gs__loader_load_bytes_with (const char *data, gsize len, const char *name,
                            GsLoaderDocFunc edit, gpointer user_data,
                            GError **error)
{
  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  gs__xml_init ();

  GsLoader l = { 0 };
  l.name = name;
  l.errors = g_ptr_array_new_with_free_func (g_free);
  l.ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  l.body_nodes = g_ptr_array_new ();
  l.code = GS_LOADER_ERROR_MALFORMED;
  GsScenario *result = NULL;
  gboolean edit_failed = FALSE;

  if (len == 0)
    gs__load_error (&l, 1, "the file is empty");
  else if (len > G_MAXINT)
    {
      l.code = GS_LOADER_ERROR_TOO_LARGE;
      gs__load_error (&l, 1, "the file is too large to parse");
    }
  else
    {
      xmlDocPtr doc = gs__xml_parse (&l, data, len);
      /* The edit (a variant's settings) works on the parsed tree, before
       * the schema and the meaning are checked, and fails with its own
       * error (a target that does not exist), not a load's. */
      if (doc != NULL && edit != NULL && !edit (doc, user_data, error))
        {
          xmlFreeDoc (doc);
          doc = NULL;
          edit_failed = TRUE;
        }
      if (doc != NULL && gs__xml_validate (&l, doc))
        {
          l.s = gs__scenario_new (name);
          build_model (&l, doc);
          if (l.errors->len == 0)
            result = g_steal_pointer (&l.s);
        }
      xmlFreeDoc (doc);
    }

  if (result == NULL && !edit_failed)
    loader_fail (&l, error);
  gs_scenario_free (l.s);
  g_hash_table_unref (l.ids);
  g_ptr_array_unref (l.body_nodes);
  gs__marks_clear (&l.list);
  gs__marks_clear (&l.other);
  g_ptr_array_unref (l.errors);
  g_free (l.parse_error);
  return result;
}

GsScenario *
gs_loader_load_file (const char *path, gsize max_bytes, GError **error)
{
  g_autoptr (GBytes) bytes = gs__loader_read_file (path, max_bytes, error);
  if (bytes == NULL)
    return NULL;
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);
  return gs_loader_load_bytes (data != NULL ? data : "", len, path, error);
}

GBytes *
gs__loader_read_file (const char *path, gsize max_bytes, GError **error)
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

  GBytes *s = NULL;
  if (failed)
    g_set_error (error, GS_LOADER_ERROR, GS_LOADER_ERROR_IO,
                 "%s: cannot read: %s", path, g_strerror (saved));
  else if (too_large)
    g_set_error (error, GS_LOADER_ERROR, GS_LOADER_ERROR_TOO_LARGE,
                 "%s:1: the file is larger than the %" G_GSIZE_FORMAT
                 "-byte limit for a scenario",
                 path, max_bytes);
  else
    s = g_byte_array_free_to_bytes (g_steal_pointer (&buf));
  if (buf != NULL)
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

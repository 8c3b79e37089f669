/* gs-json.c — the document header and member helpers every JSON writer
 * uses (gs-json-private.h).
 *
 * Kept apart from any one document so that the run, check, power, study and
 * comparison writers spell ids, money, dates, durations, days and
 * intervals the same way, and a program reading several kinds needs one
 * set of rules.  Everything is built with json-glib's JsonBuilder; nothing
 * here formats a number by hand.
 */
#include "write/gs-json-private.h"

#include <math.h>

JsonBuilder *
gs__json_begin (const char *kind, const GsScenario *s, guint64 seed)
{
  JsonBuilder *j = json_builder_new ();
  json_builder_begin_object (j);
  gs__json_string (j, "govsim", GOVSIM_VERSION);
  gs__json_int (j, "schema", GS_OUTPUT_SCHEMA);
  gs__json_string (j, "kind", kind);
  if (s != NULL)
    gs__json_scenario (j, s, seed);
  else
    gs__json_null (j, "scenario");
  return j;
}

void
gs__json_finish (JsonBuilder *j, GString *out)
{
  json_builder_end_object (j);
  g_autoptr (JsonNode) root = json_builder_get_root (j);
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  json_generator_set_root (gen, root);
  gsize len = 0;
  g_autofree char *text = json_generator_to_data (gen, &len);
  g_string_append_len (out, text, (gssize)len);
  g_string_append_c (out, '\n');
}

void
gs__json_scenario (JsonBuilder *j, const GsScenario *s, guint64 seed)
{
  json_builder_set_member_name (j, "scenario");
  json_builder_begin_object (j);
  gs__json_string (j, "file", s->source);
  gs__json_string (j, "name", s->name);
  /* Seeds are 64-bit; json-glib writes a gint64, so seeds above 2^63 would
   * wrap.  The command line takes any 64-bit seed: write those as the
   * unsigned decimal digits they are, as a string. */
  if (seed <= (guint64)G_MAXINT64)
    gs__json_int (j, "seed", (gint64)seed);
  else
    {
      g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, seed);
      gs__json_string (j, "seed", digits);
    }
  json_builder_end_object (j);
}

void
gs__json_int (JsonBuilder *j, const char *key, gint64 value)
{
  json_builder_set_member_name (j, key);
  json_builder_add_int_value (j, value);
}

void
gs__json_double (JsonBuilder *j, const char *key, double value)
{
  json_builder_set_member_name (j, key);
  if (isfinite (value))
    json_builder_add_double_value (j, value);
  else
    json_builder_add_null_value (j);
}

void
gs__json_bool (JsonBuilder *j, const char *key, gboolean value)
{
  json_builder_set_member_name (j, key);
  json_builder_add_boolean_value (j, value);
}

void
gs__json_string (JsonBuilder *j, const char *key, const char *value)
{
  json_builder_set_member_name (j, key);
  if (value == NULL)
    json_builder_add_null_value (j);
  else
    json_builder_add_string_value (j, value);
}

void
gs__json_null (JsonBuilder *j, const char *key)
{
  json_builder_set_member_name (j, key);
  json_builder_add_null_value (j);
}

void
gs__json_ref (JsonBuilder *j, const char *key, const char *id, const char *name)
{
  gs__json_string (j, key, id);
  if (id != NULL && name != NULL)
    {
      g_autofree char *k = g_strdup_printf ("%s_name", key);
      gs__json_string (j, k, name);
    }
}

void
gs__json_money (JsonBuilder *j, const char *key, gint64 pounds)
{
  if (pounds >= GS_VALUE_MAX)
    gs__json_null (j, key);
  else
    gs__json_int (j, key, pounds);
}

void
gs__json_date (JsonBuilder *j, const char *key, GsTime t)
{
  /* NEVER: no such date; G_MININT64: a delegation "from the beginning". */
  if (t == GS_TIME_NEVER || t == G_MININT64)
    {
      gs__json_null (j, key);
      return;
    }
  char buf[GS_DATE_BUF];
  gs__json_string (j, key, gs_time_format_date (t, buf));
}

char *
gs__duration_to_iso (const GsDuration *d)
{
  GString *s = g_string_new ("P");
  if (d->working_days)
    g_string_append_printf (s, "%dWD", d->working_days);
  if (d->years)
    g_string_append_printf (s, "%dY", d->years);
  if (d->months)
    g_string_append_printf (s, "%dM", d->months);
  if (d->days)
    g_string_append_printf (s, "%dD", d->days);
  if (d->minutes)
    {
      gint64 h = d->minutes / 60, m = d->minutes % 60;
      g_string_append_c (s, 'T');
      if (h)
        g_string_append_printf (s, "%" G_GINT64_FORMAT "H", h);
      if (m)
        g_string_append_printf (s, "%" G_GINT64_FORMAT "M", m);
    }
  if (s->len == 1)
    g_string_append (s, "0D");
  return g_string_free (s, FALSE);
}

void
gs__json_duration (JsonBuilder *j, const char *key, const GsDuration *d)
{
  g_autofree char *text = gs__duration_to_iso (d);
  gs__json_string (j, key, text);
}

void
gs__json_days (JsonBuilder *j, const char *key, double days)
{
  gs__json_double (j, key, days);
}

static void
add_number_or_null (JsonBuilder *j, double x)
{
  if (isfinite (x))
    json_builder_add_double_value (j, x);
  else
    json_builder_add_null_value (j);
}

void
gs__json_estimate (JsonBuilder *j, const char *key, double value, double lo,
                   double hi, double level)
{
  json_builder_set_member_name (j, key);
  json_builder_begin_object (j);
  json_builder_set_member_name (j, "value");
  add_number_or_null (j, value);
  json_builder_set_member_name (j, "ci");
  json_builder_begin_array (j);
  add_number_or_null (j, lo);
  add_number_or_null (j, hi);
  json_builder_end_array (j);
  json_builder_set_member_name (j, "level");
  add_number_or_null (j, level);
  json_builder_end_object (j);
}

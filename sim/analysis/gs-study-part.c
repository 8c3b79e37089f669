/* gs-study-part.c — a study's exact sums as JSON, for shards and merge.
 *
 * A shard of a study writes its sums with gs_study_to_part(); `govsim
 * merge` reads every part back with gs_study_from_part() and adds them.
 * Every sum is written exactly: the 64-bit and 128-bit moments as decimal
 * strings (JSON numbers are doubles to most readers), histogram counts as
 * integers.  A part names its scenario and the shape of its tables (matter
 * types, bodies, fixed proposals, bins, batches) and its seed, and is
 * refused by a scenario of another shape or name.  Built with json-glib.
 */
#include "analysis/gs-study-private.h"
#include "model/gs-scenario-private.h"

#include <govsim/gs-study.h>

#include <json-glib/json-glib.h>
#include <string.h>

#define PART_KIND "study-part"
/* 2: a body's moments end with the blocked votes settled by the majority
 * vote that follows.  Parts of version 1 are refused, by name. */
#define PART_VERSION 2

static char *
u128_to_string (GsU128 v)
{
  char buf[48];
  int i = (int)sizeof buf - 1;
  buf[i] = '\0';
  do
    {
      buf[--i] = (char)('0' + (int)(v % 10));
      v /= 10;
    }
  while (v > 0);
  return g_strdup (buf + i);
}

static gboolean
u128_parse (const char *text, GsU128 *out)
{
  GsU128 v = 0;
  if (text == NULL || *text == '\0' || strlen (text) > 39)
    return FALSE;
  for (const char *p = text; *p; p++)
    {
      if (*p < '0' || *p > '9')
        return FALSE;
      GsU128 next = v * 10 + (GsU128)(*p - '0');
      if (next / 10 != v)
        return FALSE;
      v = next;
    }
  *out = v;
  return TRUE;
}

static JsonNode *
moments_node (const GsMoments *m)
{
  JsonArray *a = json_array_new ();
  GsU128 v[] = { m->x, m->n, m->xx, m->nn, m->xn, m->hits, m->first };
  for (guint i = 0; i < G_N_ELEMENTS (v); i++)
    {
      g_autofree char *t = u128_to_string (v[i]);
      json_array_add_string_element (a, t);
    }
  JsonNode *n = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (n, a);
  return n;
}

static JsonNode *
counts_node (const guint64 *v, gsize n)
{
  JsonArray *a = json_array_new ();
  for (gsize i = 0; i < n; i++)
    json_array_add_int_element (a, (gint64)v[i]);
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (node, a);
  return node;
}

static JsonNode *
days_node (const GsStudyDays *d)
{
  JsonObject *o = json_object_new ();
  json_object_set_member (o, "minutes", moments_node (&d->minutes));
  if (d->hist != NULL)
    json_object_set_member (o, "hist", counts_node (d->hist, GS_STATS_BINS));
  if (d->batches != NULL)
    json_object_set_member (
        o, "batches",
        counts_node (d->batches, (gsize)GS_STATS_BATCHES * GS_STATS_BINS));
  JsonNode *n = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (n, o);
  return n;
}

static JsonNode *
matter_node (const GsStudyMatter *m)
{
  JsonObject *o = json_object_new ();
  json_object_set_member (o, "arrived", moments_node (&m->arrived));
  JsonArray *a = json_array_new ();
  for (guint k = 0; k < GS_STUDY_N_OUTCOMES; k++)
    json_array_add_element (a, moments_node (&m->outcome[k]));
  json_object_set_array_member (o, "outcome", a);
  json_object_set_member (o, "days", days_node (&m->days));
  JsonNode *n = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (n, o);
  return n;
}

/* The moments of a body, in a fixed order shared by writer and reader. */
static GsMoments *
body_moments (GsStudyBody *b, guint i)
{
  GsMoments *all[]
      = { &b->meetings, &b->inquorate, &b->item_inquorate, &b->ties,
          &b->blocked,  &b->splits,    &b->carried,        &b->exhausted,
          &b->backlog,  &b->breaches,  &b->settled };
  return i < G_N_ELEMENTS (all) ? all[i] : NULL;
}

char *
gs_study_to_part (const GsStudy *study, guint shard, guint shards,
                  guint64 first, guint64 count, guint64 total)
{
  const GsScenario *s = gs_study_get_scenario (study);
  g_autoptr (JsonBuilder) jb = json_builder_new ();
  json_builder_begin_object (jb);
  json_builder_set_member_name (jb, "govsim");
  json_builder_add_string_value (jb, GOVSIM_VERSION);
  json_builder_set_member_name (jb, "kind");
  json_builder_add_string_value (jb, PART_KIND);
  json_builder_set_member_name (jb, "schema");
  json_builder_add_int_value (jb, PART_VERSION);
  json_builder_set_member_name (jb, "scenario");
  json_builder_begin_object (jb);
  json_builder_set_member_name (jb, "file");
  json_builder_add_string_value (jb, s->source);
  json_builder_set_member_name (jb, "name");
  json_builder_add_string_value (jb, s->name);
  json_builder_set_member_name (jb, "seed");
  g_autofree char *seed
      = g_strdup_printf ("%" G_GUINT64_FORMAT, gs_study_get_seed (study));
  json_builder_add_string_value (jb, seed);
  json_builder_end_object (jb);
  json_builder_set_member_name (jb, "shape");
  json_builder_begin_object (jb);
  json_builder_set_member_name (jb, "matters");
  json_builder_add_int_value (jb, s->matters->len);
  json_builder_set_member_name (jb, "bodies");
  json_builder_add_int_value (jb, s->bodies->len);
  json_builder_set_member_name (jb, "proposals");
  json_builder_add_int_value (jb, gs_study_n_proposals (study));
  json_builder_set_member_name (jb, "bins");
  json_builder_add_int_value (jb, GS_STATS_BINS);
  json_builder_set_member_name (jb, "batches");
  json_builder_add_int_value (jb, GS_STATS_BATCHES);
  json_builder_end_object (jb);
  json_builder_set_member_name (jb, "shard");
  json_builder_add_int_value (jb, shard);
  json_builder_set_member_name (jb, "shards");
  json_builder_add_int_value (jb, shards);
  json_builder_set_member_name (jb, "first");
  json_builder_add_int_value (jb, (gint64)first);
  json_builder_set_member_name (jb, "count");
  json_builder_add_int_value (jb, (gint64)count);
  json_builder_set_member_name (jb, "total");
  json_builder_add_int_value (jb, (gint64)total);
  json_builder_end_object (jb);
  g_autoptr (JsonNode) root = json_builder_get_root (jb);
  JsonObject *o = json_node_get_object (root);

  json_object_set_member (o, "whole", matter_node (gs_study_whole (study)));
  JsonArray *ms = json_array_new ();
  for (guint m = 0; m < s->matters->len; m++)
    json_array_add_element (ms, matter_node (gs_study_matter (study, m)));
  json_object_set_array_member (o, "matters", ms);
  JsonArray *bs = json_array_new ();
  for (guint b = 0; b < s->bodies->len; b++)
    {
      GsStudyBody *body = (GsStudyBody *)gs_study_body (study, b);
      JsonObject *bo = json_object_new ();
      JsonArray *mm = json_array_new ();
      for (guint i = 0; body_moments (body, i) != NULL; i++)
        json_array_add_element (mm, moments_node (body_moments (body, i)));
      json_object_set_array_member (bo, "moments", mm);
      json_object_set_member (bo, "backlog_hist",
                              counts_node (body->backlog_hist, GS_STATS_BINS));
      json_object_set_member (bo, "days", days_node (&body->days));
      json_array_add_object_element (bs, bo);
    }
  json_object_set_array_member (o, "bodies", bs);
  JsonArray *any = json_array_new ();
  for (guint k = 0; k <= GS_N_BREACHES; k++)
    json_array_add_element (any, moments_node (gs_study_any_breach (study, k)));
  json_object_set_array_member (o, "any_breach", any);
  JsonArray *br = json_array_new ();
  for (guint i = 0; i < gs_study_n_breaches (study); i++)
    {
      const GsStudyBreach *b = gs_study_breach (study, i);
      JsonObject *bo = json_object_new ();
      json_object_set_int_member (bo, "body", b->body);
      json_object_set_int_member (bo, "org", b->org);
      json_object_set_int_member (bo, "kind", b->kind);
      json_object_set_member (bo, "count", moments_node (&b->count));
      json_array_add_object_element (br, bo);
    }
  json_object_set_array_member (o, "breaches", br);
  JsonArray *ps = json_array_new ();
  for (guint p = 0; p < gs_study_n_proposals (study); p++)
    {
      const GsStudyProposal *sp = gs_study_proposal (study, p);
      JsonObject *po = json_object_new ();
      JsonArray *oc = json_array_new ();
      for (guint k = 0; k < GS_STUDY_N_OUTCOMES; k++)
        json_array_add_element (oc, moments_node (&sp->outcome[k]));
      json_object_set_array_member (po, "outcome", oc);
      json_object_set_member (po, "breach", moments_node (&sp->breach));
      json_object_set_member (po, "days", days_node (&sp->days));
      json_array_add_object_element (ps, po);
    }
  json_object_set_array_member (o, "proposals", ps);

  g_autoptr (JsonGenerator) gen = json_generator_new ();
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

/* ---- reading a part --------------------------------------------------- */

typedef struct
{
  const char *what; /* where in the part, for messages */
  gboolean ok;
} Reader;

static void
bad (Reader *rd, const char *what)
{
  if (rd->ok)
    rd->what = what;
  rd->ok = FALSE;
}

static JsonArray *
array_member (Reader *rd, JsonObject *o, const char *name, guint len)
{
  if (o == NULL || !json_object_has_member (o, name))
    {
      bad (rd, name);
      return NULL;
    }
  JsonNode *n = json_object_get_member (o, name);
  if (!JSON_NODE_HOLDS_ARRAY (n)
      || (len != G_MAXUINT
          && json_array_get_length (json_node_get_array (n)) != len))
    {
      bad (rd, name);
      return NULL;
    }
  return json_node_get_array (n);
}

static JsonObject *
object_of (Reader *rd, JsonNode *n, const char *what)
{
  if (n == NULL || !JSON_NODE_HOLDS_OBJECT (n))
    {
      bad (rd, what);
      return NULL;
    }
  return json_node_get_object (n);
}

static void
read_moments (Reader *rd, JsonNode *n, GsMoments *m)
{
  if (n == NULL || !JSON_NODE_HOLDS_ARRAY (n)
      || json_array_get_length (json_node_get_array (n)) != 7)
    {
      bad (rd, "moments");
      return;
    }
  JsonArray *a = json_node_get_array (n);
  GsU128 v[7];
  for (guint i = 0; i < 7; i++)
    {
      JsonNode *e = json_array_get_element (a, i);
      if (!JSON_NODE_HOLDS_VALUE (e)
          || json_node_get_value_type (e) != G_TYPE_STRING
          || !u128_parse (json_node_get_string (e), &v[i]))
        {
          bad (rd, "moments");
          return;
        }
    }
  if (v[0] > G_MAXUINT64 || v[1] > G_MAXUINT64 || v[5] > G_MAXUINT64
      || v[6] > G_MAXUINT64)
    {
      bad (rd, "moments");
      return;
    }
  *m = (GsMoments){ .x = (guint64)v[0],
                    .n = (guint64)v[1],
                    .xx = v[2],
                    .nn = v[3],
                    .xn = v[4],
                    .hits = (guint64)v[5],
                    .first = (guint64)v[6] };
}

static void
read_counts (Reader *rd, JsonArray *a, guint64 *out, gsize n)
{
  if (a == NULL || out == NULL)
    return;
  for (gsize i = 0; i < n; i++)
    {
      gint64 v = json_array_get_int_element (a, (guint)i);
      if (v < 0)
        bad (rd, "histogram");
      out[i] = (guint64)MAX (v, 0);
    }
}

static void
read_days (Reader *rd, JsonNode *n, GsStudyDays *d)
{
  JsonObject *o = object_of (rd, n, "days");
  if (o == NULL)
    return;
  read_moments (rd, json_object_get_member (o, "minutes"), &d->minutes);
  if (d->hist != NULL)
    read_counts (rd, array_member (rd, o, "hist", GS_STATS_BINS), d->hist,
                 GS_STATS_BINS);
  if (d->batches != NULL)
    read_counts (
        rd, array_member (rd, o, "batches", GS_STATS_BATCHES * GS_STATS_BINS),
        d->batches, (gsize)GS_STATS_BATCHES * GS_STATS_BINS);
}

static void
read_matter (Reader *rd, JsonNode *n, GsStudyMatter *m)
{
  JsonObject *o = object_of (rd, n, "matter");
  if (o == NULL)
    return;
  read_moments (rd, json_object_get_member (o, "arrived"), &m->arrived);
  JsonArray *oc = array_member (rd, o, "outcome", GS_STUDY_N_OUTCOMES);
  for (guint k = 0; oc != NULL && k < GS_STUDY_N_OUTCOMES; k++)
    read_moments (rd, json_array_get_element (oc, k), &m->outcome[k]);
  read_days (rd, json_object_get_member (o, "days"), &m->days);
}

static gint64
int_member (Reader *rd, JsonObject *o, const char *name)
{
  if (o == NULL || !json_object_has_member (o, name))
    {
      bad (rd, name);
      return -1;
    }
  JsonNode *n = json_object_get_member (o, name);
  if (!JSON_NODE_HOLDS_VALUE (n)
      || json_node_get_value_type (n) != G_TYPE_INT64)
    {
      bad (rd, name);
      return -1;
    }
  return json_node_get_int (n);
}

GsStudy *
gs_study_from_part (const GsScenario *s, const char *text, guint *shard,
                    guint *shards, guint64 *first, guint64 *count,
                    guint64 *total, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) perr = NULL;
  if (!json_parser_load_from_data (parser, text, -1, &perr))
    {
      g_set_error (error, GS_STUDY_ERROR, GS_STUDY_ERROR_PART,
                   "not a study part: %s", perr->message);
      return NULL;
    }
  Reader rd = { .ok = TRUE };
  JsonObject *o = object_of (&rd, json_parser_get_root (parser), "document");
  if (o == NULL
      || g_strcmp0 (json_object_get_string_member_with_default (o, "kind", ""),
                    PART_KIND)
             != 0
      || int_member (&rd, o, "schema") != PART_VERSION)
    {
      g_set_error (error, GS_STUDY_ERROR, GS_STUDY_ERROR_PART,
                   "not a study part of this version of govsim (kind "
                   "'" PART_KIND "', schema %d; parts of schema 1 lack "
                   "the blocked votes the majority vote settled: run that "
                   "shard again)",
                   PART_VERSION);
      return NULL;
    }
  JsonObject *sc
      = object_of (&rd, json_object_get_member (o, "scenario"), "scenario");
  JsonObject *shape
      = object_of (&rd, json_object_get_member (o, "shape"), "shape");
  const char *name
      = sc ? json_object_get_string_member_with_default (sc, "name", NULL)
           : NULL;
  const char *seed_text
      = sc ? json_object_get_string_member_with_default (sc, "seed", NULL)
           : NULL;
  guint64 seed = 0;
  if (!rd.ok || name == NULL || seed_text == NULL
      || !g_ascii_string_to_unsigned (seed_text, 10, 0, G_MAXUINT64, &seed,
                                      NULL))
    {
      g_set_error (error, GS_STUDY_ERROR, GS_STUDY_ERROR_PART,
                   "a study part without its scenario's name and seed");
      return NULL;
    }
  guint n_props = MIN (s->proposals->len, GS_STUDY_PROPOSALS_MAX);
  if (strcmp (name, s->name) != 0
      || int_member (&rd, shape, "matters") != (gint64)s->matters->len
      || int_member (&rd, shape, "bodies") != (gint64)s->bodies->len
      || int_member (&rd, shape, "proposals") != (gint64)n_props
      || int_member (&rd, shape, "bins") != GS_STATS_BINS
      || int_member (&rd, shape, "batches") != GS_STATS_BATCHES)
    {
      g_set_error (error, GS_STUDY_ERROR, GS_STUDY_ERROR_MISMATCH,
                   "a part of a study of another scenario ('%s')", name);
      return NULL;
    }
  gint64 k = int_member (&rd, o, "shard"), nk = int_member (&rd, o, "shards");
  gint64 f = int_member (&rd, o, "first"), c = int_member (&rd, o, "count");
  gint64 t = int_member (&rd, o, "total");
  if (!rd.ok || k < 1 || nk < 1 || k > nk || f < 0 || c < 0 || t < 0
      || f + c > t)
    {
      g_set_error (error, GS_STUDY_ERROR, GS_STUDY_ERROR_PART,
                   "a study part with an impossible shard or range");
      return NULL;
    }
  g_autoptr (GsStudy) st = gs_study_new (s, seed);
  read_matter (&rd, json_object_get_member (o, "whole"),
               (GsStudyMatter *)gs_study_whole (st));
  JsonArray *ms = array_member (&rd, o, "matters", s->matters->len);
  for (guint m = 0; ms != NULL && m < s->matters->len; m++)
    read_matter (&rd, json_array_get_element (ms, m),
                 (GsStudyMatter *)gs_study_matter (st, m));
  JsonArray *bs = array_member (&rd, o, "bodies", s->bodies->len);
  for (guint b = 0; bs != NULL && b < s->bodies->len; b++)
    {
      GsStudyBody *body = (GsStudyBody *)gs_study_body (st, b);
      JsonObject *bo
          = object_of (&rd, json_array_get_element (bs, b), "bodies");
      JsonArray *mm = array_member (&rd, bo, "moments", G_MAXUINT);
      for (guint i = 0; mm != NULL && body_moments (body, i) != NULL; i++)
        {
          if (i >= json_array_get_length (mm))
            {
              bad (&rd, "moments");
              break;
            }
          read_moments (&rd, json_array_get_element (mm, i),
                        body_moments (body, i));
        }
      read_counts (&rd, array_member (&rd, bo, "backlog_hist", GS_STATS_BINS),
                   body->backlog_hist, GS_STATS_BINS);
      if (bo != NULL)
        read_days (&rd, json_object_get_member (bo, "days"), &body->days);
    }
  JsonArray *any = array_member (&rd, o, "any_breach", GS_N_BREACHES + 1);
  for (guint i = 0; any != NULL && i <= GS_N_BREACHES; i++)
    read_moments (&rd, json_array_get_element (any, i),
                  (GsMoments *)gs_study_any_breach (st, i));
  JsonArray *br = array_member (&rd, o, "breaches", G_MAXUINT);
  for (guint i = 0; br != NULL && i < json_array_get_length (br); i++)
    {
      JsonObject *bo
          = object_of (&rd, json_array_get_element (br, i), "breaches");
      gint64 body = int_member (&rd, bo, "body");
      gint64 org = int_member (&rd, bo, "org");
      gint64 kind = int_member (&rd, bo, "kind");
      if (!rd.ok || body < 0 || body >= (gint64)s->bodies->len || org < -1
          || org >= (gint64)s->organisations->len || kind < 0
          || kind >= GS_N_BREACHES)
        {
          bad (&rd, "breaches");
          break;
        }
      GsStudyBreach *cell
          = gs__study_breach_cell (st, (guint32)body, (gint32)org, (guint)kind);
      read_moments (&rd, json_object_get_member (bo, "count"), &cell->count);
    }
  gs__study_sort_breaches (st);
  JsonArray *ps = array_member (&rd, o, "proposals", n_props);
  for (guint p = 0; ps != NULL && p < n_props; p++)
    {
      GsStudyProposal *sp = (GsStudyProposal *)gs_study_proposal (st, p);
      JsonObject *po
          = object_of (&rd, json_array_get_element (ps, p), "proposals");
      JsonArray *oc = array_member (&rd, po, "outcome", GS_STUDY_N_OUTCOMES);
      for (guint q = 0; oc != NULL && q < GS_STUDY_N_OUTCOMES; q++)
        read_moments (&rd, json_array_get_element (oc, q), &sp->outcome[q]);
      if (po != NULL)
        {
          read_moments (&rd, json_object_get_member (po, "breach"),
                        &sp->breach);
          read_days (&rd, json_object_get_member (po, "days"), &sp->days);
        }
    }
  if (!rd.ok)
    {
      g_set_error (error, GS_STUDY_ERROR, GS_STUDY_ERROR_PART,
                   "a study part whose '%s' cannot be read", rd.what);
      return NULL;
    }
  gs__study_set_replications (st, (guint64)c);
  *shard = (guint)k;
  *shards = (guint)nk;
  *first = (guint64)f;
  *count = (guint64)c;
  *total = (guint64)t;
  return g_steal_pointer (&st);
}

char *
gs_study_part_file (const char *text, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  if (json_parser_load_from_data (parser, text, -1, NULL))
    {
      JsonNode *root = json_parser_get_root (parser);
      JsonObject *o
          = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
      JsonNode *sc = o ? json_object_get_member (o, "scenario") : NULL;
      if (sc != NULL && JSON_NODE_HOLDS_OBJECT (sc))
        {
          const char *file = json_object_get_string_member_with_default (
              json_node_get_object (sc), "file", NULL);
          if (file != NULL)
            return g_strdup (file);
        }
    }
  g_set_error (error, GS_STUDY_ERROR, GS_STUDY_ERROR_PART,
               "not a study part (it names no scenario file)");
  return NULL;
}

/* test-limits.c — the caps of gs-limits.h, and a loader whose cost is
 * linear in the file.
 *
 * Three things are checked.  First, that gs-limits.h mirrors the schema:
 * each cap the schema states (a maxOccurs, a maxInclusive, a maxLength) is
 * read from the embedded XSD and compared with its macro, so the two cannot
 * drift apart.  Second, the work caps at their boundaries: a calendar of
 * exactly GS_LIMIT_MEETINGS_MAX meetings loads and one more is refused;
 * poisson and fixed streams count only what falls in the horizon.  Third, a
 * large valid scenario built in memory — 20,000 people, 20,000 matter
 * types, stances of every kind, 40,000 overlapping absences and 5,000
 * conflicts — loads within bounded memory (the old stance matrices alone
 * would have needed 9.6 GB), and every answer of gs__scenario_stance,
 * _away and _conflicted on it is checked against a brute-force reference
 * computed here from the generated elements, independently of the
 * loader's indexes.  No wall-clock time is asserted: bench/bench-load.c
 * measures speed.
 */
#include "model/gs-scenario-private.h"

#include <govsim/gs-limits.h>
#include <govsim/gs-loader.h>

#include <string.h>

#include "gs-test.h"

/* ---- the schema ---------------------------------------------------------- */

/* The first number the pattern's group 1 captures in the schema. */
static guint64
schema_number (const char *xsd, const char *pattern)
{
  g_autoptr (GRegex) re
      = g_regex_new (pattern, G_REGEX_DOTALL | G_REGEX_UNGREEDY, 0, NULL);
  g_assert (re != NULL);
  g_autoptr (GMatchInfo) match = NULL;
  if (!g_regex_match (re, xsd, 0, &match))
    {
      fprintf (stderr, "\nnot in the schema: %s\n", pattern);
      return 0;
    }
  g_autofree char *digits = g_match_info_fetch (match, 1);
  return g_ascii_strtoull (digits, NULL, 10);
}

static void
test_limits_mirror_schema (void)
{
  g_autoptr (GBytes) bytes = gs_loader_get_schema ();
  CU_ASSERT_PTR_NOT_NULL_FATAL (bytes);
  g_autofree char *xsd
      = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  static const struct
  {
    const char *pattern;
    guint64 limit;
  } cases[] = {
    { "name=\"committee\" type=\"gs:Constituent\"[^>]*maxOccurs=\"([0-9]+)\"",
      GS_LIMIT_CONSTITUENTS_MAX },
    { "<xs:complexType name=\"Body\">.*name=\"member\"[^>]*maxOccurs=\"([0-9]+)"
      "\"",
      GS_LIMIT_MEMBERS_MAX },
    { "<xs:complexType name=\"JointCommittee\">.*name=\"member\"[^>]*"
      "maxOccurs=\"([0-9]+)\"",
      GS_LIMIT_MEMBERS_MAX },
    { "<xs:complexType name=\"Constituent\">.*name=\"member\"[^>]*"
      "maxOccurs=\"([0-9]+)\"",
      GS_LIMIT_MEMBERS_MAX },
    { "name=\"gateway\" type=\"gs:Gateway\" maxOccurs=\"([0-9]+)\"",
      GS_LIMIT_GATEWAYS_MAX },
    { "name=\"level\" type=\"gs:Level\" maxOccurs=\"([0-9]+)\"",
      GS_LIMIT_LEVELS_MAX },
    { "name=\"variant\" type=\"gs:Variant\" minOccurs=\"0\" "
      "maxOccurs=\"([0-9]+)\"",
      GS_LIMIT_VARIANTS_MAX },
    { "<xs:complexType name=\"Variant\">.*<xs:choice minOccurs=\"0\" "
      "maxOccurs=\"([0-9]+)\"",
      GS_LIMIT_SETTINGS_MAX },
    { "<xs:simpleType name=\"Pounds\">.*maxInclusive value=\"([0-9]+)\"",
      (guint64)GS_LIMIT_VALUE_MAX },
    { "<xs:simpleType name=\"SmallCount\">.*maxInclusive value=\"([0-9]+)\"",
      GS_LIMIT_QUORUM_MAX },
    { "name=\"present\">.*maxInclusive value=\"([0-9]+)\"",
      GS_LIMIT_QUORUM_MAX },
    { "name=\"weight\" default=\"1\">.*maxInclusive value=\"([0-9]+)\"",
      GS_LIMIT_WEIGHT_MAX },
    { "name=\"quota\">.*maxInclusive value=\"([0-9]+)\"", GS_LIMIT_QUOTA_MAX },
    { "name=\"capacity\" use=\"required\">.*maxInclusive value=\"([0-9]+)\"",
      GS_LIMIT_CAPACITY_MAX },
    { "name=\"inquorate\">.*maxInclusive value=\"([0-9]+)\"",
      GS_LIMIT_INQUORATE_MAX },
    { "name=\"max-returns\" default=\"1\">.*maxInclusive value=\"([0-9]+)\"",
      GS_LIMIT_RETURNS_MAX },
    { "name=\"count\" use=\"required\">.*maxInclusive value=\"([0-9]+)\"",
      GS_LIMIT_STREAM_COUNT_MAX },
    { "<xs:simpleType name=\"Text\">.*maxLength value=\"([0-9]+)\"",
      GS_LIMIT_TEXT_LENGTH },
    { "name=\"description\".*maxLength value=\"([0-9]+)\"",
      GS_LIMIT_DESCRIPTION_LENGTH },
    /* An id is one letter and at most 63 more. */
    { "<xs:simpleType name=\"Id\">.*\\{0,([0-9]+)\\}", GS_LIMIT_ID_LENGTH - 1 },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint64 got = schema_number (xsd, cases[i].pattern);
      CU_ASSERT_EQUAL (got, cases[i].limit);
      if (got != cases[i].limit)
        fprintf (stderr,
                 "\n%s: schema %" G_GUINT64_FORMAT
                 ", gs-limits.h %" G_GUINT64_FORMAT "\n",
                 cases[i].pattern, got, cases[i].limit);
    }
  /* What the code relies on: the run's arrays, the loader's aliases. */
  CU_ASSERT_TRUE (GS_LIMIT_CONSTITUENTS_MAX <= 64);
  CU_ASSERT_EQUAL (GS_LOADER_DEFAULT_MAX_BYTES, GS_LIMIT_FILE_BYTES);
  CU_ASSERT_EQUAL (GS_LOADER_MAX_ERRORS, GS_LIMIT_ERRORS_MAX);
  CU_ASSERT_EQUAL (GS_CHAIN_MAX, GS_LIMIT_CHAIN_MAX);
  CU_ASSERT_EQUAL (GS_VALUE_MAX, GS_LIMIT_VALUE_MAX);
}

/* ---- the work caps at their boundaries ----------------------------------- */

/* A one-member board meeting every minute from the start, over @horizon,
 * with @streams (XML) after it.  (transfer full) */
static char *
minute_board (const char *horizon, const char *every, const char *streams)
{
  return g_strdup_printf (
      "<?xml version=\"1.0\"?>\n"
      "<scenario xmlns=\"urn:govsim:scenario:1\" name=\"Limits\" "
      "start=\"2024-04-01\" horizon=\"%s\">\n"
      "  <organisation id=\"t\" name=\"T\" kind=\"nhs-trust\"/>\n"
      "  <person id=\"p\" org=\"t\" role=\"chair\" director=\"true\"/>\n"
      "  <matter id=\"m\" name=\"M\"/>\n"
      "  <board id=\"b\" name=\"B\" org=\"t\"><member person=\"p\"/>\n"
      "    <meets first=\"2024-04-01\" every=\"%s\" capacity=\"1\"/>\n"
      "  </board>\n%s"
      "</scenario>\n",
      horizon, every, streams);
}

/* Loads @xml; returns the error message, or NULL if it loaded.
 * (transfer full) */
static char *
load_error (const char *xml)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GsScenario) s
      = gs_loader_load_bytes (xml, strlen (xml), "limits.xml", &error);
  CU_ASSERT_TRUE ((s == NULL) == (error != NULL));
  return error ? g_strdup (error->message) : NULL;
}

static void
test_limits_meetings_boundary (void)
{
  /* Meetings at minutes 0 .. 999,999 of a horizon of 1,000,000 minutes. */
  g_autofree char *at = minute_board ("PT1000000M", "PT1M", "");
  g_autofree char *at_error = load_error (at);
  CU_ASSERT_PTR_NULL (at_error);
  if (at_error)
    fprintf (stderr, "\n%s\n", at_error);

  g_autofree char *over = minute_board ("PT1000001M", "PT1M", "");
  g_autofree char *over_error = load_error (over);
  CU_ASSERT_PTR_NOT_NULL_FATAL (over_error);
  CU_ASSERT_PTR_NOT_NULL (strstr (over_error, "limits.xml:7: "));
  CU_ASSERT_PTR_NOT_NULL (strstr (over_error, "GS_LIMIT_MEETINGS_MAX"));

  /* Monthly for a century is 1,200 meetings; a century and a day is over
   * the horizon's cap. */
  g_autofree char *century = minute_board ("P100Y", "P1M", "");
  g_autofree char *century_error = load_error (century);
  CU_ASSERT_PTR_NULL (century_error);
  g_autofree char *longer = minute_board ("P100Y1D", "P1M", "");
  g_autofree char *longer_error = load_error (longer);
  CU_ASSERT_PTR_NOT_NULL_FATAL (longer_error);
  CU_ASSERT_PTR_NOT_NULL (strstr (longer_error, "GS_LIMIT_HORIZON_YEARS"));
}

static void
test_limits_streams_count_the_horizon (void)
{
  /* Three streams of the schema's largest count, but one a day for a year:
   * about 366 proposals each, whether fixed or poisson. */
  GString *streams = g_string_new (NULL);
  for (int i = 0; i < 3; i++)
    g_string_append_printf (
        streams,
        "  <arrivals id=\"s%d\" title=\"S\" matter=\"m\" body=\"b\" "
        "lead=\"t\" first=\"2024-04-01\" every=\"P1D\" process=\"%s\" "
        "count=\"%d\"/>\n",
        i, i == 0 ? "fixed" : "poisson", GS_LIMIT_STREAM_COUNT_MAX);
  g_autofree char *daily = minute_board ("P1Y", "P1W", streams->str);
  g_autofree char *daily_error = load_error (daily);
  CU_ASSERT_PTR_NULL (daily_error);
  if (daily_error)
    fprintf (stderr, "\n%s\n", daily_error);

  /* The same three, one a minute: 300,000, over the cap. */
  g_string_replace (streams, "every=\"P1D\"", "every=\"PT1M\"", 0);
  g_autofree char *busy = minute_board ("P1Y", "P1W", streams->str);
  g_string_free (streams, TRUE);
  g_autofree char *busy_error = load_error (busy);
  CU_ASSERT_PTR_NOT_NULL_FATAL (busy_error);
  CU_ASSERT_PTR_NOT_NULL (strstr (busy_error, "the traffic brings 300,000"));
  CU_ASSERT_PTR_NOT_NULL (strstr (busy_error, "GS_LIMIT_PROPOSALS_MAX"));
}

/* ---- a large scenario against a brute-force reference -------------------- */

#define N_PEOPLE    20000
#define N_MATTERS   20000
#define N_ORGS      50
#define N_ABSENCES  40000
#define N_CONFLICTS 5000
#define N_STANCES   600

typedef struct
{
  int person, org, matter; /* -1: not given */
  double support, if_affected, abstain;
} RefStance;

typedef struct
{
  int person;
  GsTime from, until;
} RefAbsence;

typedef struct
{
  int person, matter, org;
} RefConflict;

typedef struct
{
  GString *xml;
  int person_org[N_PEOPLE];
  GArray *stances;   /* RefStance */
  GArray *absences;  /* RefAbsence */
  GArray *conflicts; /* RefConflict */
} Big;

static GsTime
day (int offset)
{
  return gs_time_from_civil (2024, 4, 1) + (GsTime)offset * GS_MINUTES_PER_DAY;
}

static void
append_date (GString *out, const char *name, GsTime t)
{
  char buf[GS_DATE_BUF];
  g_string_append_printf (out, " %s=\"%s\"", name,
                          gs_time_format_date (t, buf));
}

/* Generates the scenario text and, beside it, the elements it holds. */
static void
big_generate (Big *big)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (20240401);
  GString *x = big->xml = g_string_sized_new (8 << 20);
  big->stances = g_array_new (FALSE, FALSE, sizeof (RefStance));
  big->absences = g_array_new (FALSE, FALSE, sizeof (RefAbsence));
  big->conflicts = g_array_new (FALSE, FALSE, sizeof (RefConflict));
  g_string_append (x, "<?xml version=\"1.0\"?>\n"
                      "<scenario xmlns=\"urn:govsim:scenario:1\" name=\"Big\" "
                      "start=\"2024-04-01\" horizon=\"P2Y\">\n");
  for (int o = 0; o < N_ORGS; o++)
    g_string_append_printf (
        x, "<organisation id=\"o%d\" name=\"Org %d\" kind=\"nhs-trust\"/>\n", o,
        o);
  for (int m = 0; m < N_MATTERS; m++)
    g_string_append_printf (x, "<matter id=\"m%d\" name=\"M%d\"/>\n", m, m);
  for (int p = 0; p < N_PEOPLE; p++)
    {
      /* One in ten is external, of no organisation. */
      big->person_org[p] = p % 10 == 9 ? -1 : p % N_ORGS;
      if (big->person_org[p] < 0)
        g_string_append_printf (x, "<person id=\"p%d\" role=\"external\"/>\n",
                                p);
      else
        g_string_append_printf (x,
                                "<person id=\"p%d\" org=\"o%d\" "
                                "role=\"ned\"/>\n",
                                p, big->person_org[p]);
    }
  g_string_append (x, "<board id=\"b\" name=\"B\" org=\"o0\">"
                      "<member person=\"p0\"/>"
                      "<meets first=\"2024-04-01\" every=\"P1M\" "
                      "capacity=\"1\"/></board>\n");

  /* Stances of every kind; the kinds and keys are drawn, repeats skipped
   * (the loader refuses them). */
  g_autoptr (GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  for (int i = 0; i < N_STANCES; i++)
    {
      int kind = i == 0 ? 5 : g_rand_int_range (rand, 0, 5);
      RefStance st = { -1, -1, -1, 0, 0, 0 };
      /* A few people and matters get many stances, so binary searches
       * have something to search. */
      int p = g_rand_boolean (rand) ? g_rand_int_range (rand, 0, 20)
                                    : g_rand_int_range (rand, 0, N_PEOPLE);
      int m = g_rand_boolean (rand) ? g_rand_int_range (rand, 0, 50)
                                    : g_rand_int_range (rand, 0, N_MATTERS);
      int o = g_rand_int_range (rand, 0, N_ORGS);
      switch (kind)
        {
          case 0:
            st.person = p, st.matter = m;
            break;
          case 1:
            st.person = p;
            break;
          case 2:
            st.org = o, st.matter = m;
            break;
          case 3:
            st.org = o;
            break;
          case 4:
            st.matter = m;
            break;
          default:
            break; /* the scenario default */
        }
      char *key = g_strdup_printf ("%d/%d/%d", st.person, st.org, st.matter);
      if (g_hash_table_contains (used, key))
        {
          g_free (key);
          continue;
        }
      g_hash_table_add (used, key);
      g_ptr_array_add (keys, key);
      st.support = g_rand_int_range (rand, 0, 1001) / 1000.0;
      st.if_affected = g_rand_int_range (rand, 0, 1001) / 1000.0;
      st.abstain = g_rand_int_range (rand, 0, 101) / 1000.0;
      g_string_append (x, "<stance");
      if (st.person >= 0)
        g_string_append_printf (x, " person=\"p%d\"", st.person);
      if (st.org >= 0)
        g_string_append_printf (x, " org=\"o%d\"", st.org);
      if (st.matter >= 0)
        g_string_append_printf (x, " matter=\"m%d\"", st.matter);
      g_string_append_printf (
          x, " support=\"%.3f\" if-affected=\"%.3f\" abstain=\"%.3f\"/>\n",
          st.support, st.if_affected, st.abstain);
      g_array_append_val (big->stances, st);
    }

  /* Absences, overlapping, crowded on a few people. */
  for (int i = 0; i < N_ABSENCES; i++)
    {
      RefAbsence a;
      a.person = i % 4 == 0 ? g_rand_int_range (rand, 0, 10)
                            : g_rand_int_range (rand, 0, N_PEOPLE);
      int from = g_rand_int_range (rand, 0, 700);
      a.from = day (from);
      a.until = day (from + g_rand_int_range (rand, 1, 60));
      g_string_append_printf (x, "<absence person=\"p%d\"", a.person);
      append_date (x, "from", a.from);
      append_date (x, "until", a.until);
      g_string_append (x, "/>\n");
      g_array_append_val (big->absences, a);
    }
  for (int i = 0; i < N_CONFLICTS; i++)
    {
      RefConflict k = { g_rand_int_range (rand, 0, 2000), -1, -1 };
      if (g_rand_boolean (rand))
        k.matter = g_rand_int_range (rand, 0, 100);
      if (k.matter < 0 || g_rand_boolean (rand))
        k.org = g_rand_int_range (rand, 0, N_ORGS);
      g_string_append_printf (x, "<conflict person=\"p%d\"", k.person);
      if (k.matter >= 0)
        g_string_append_printf (x, " matter=\"m%d\"", k.matter);
      if (k.org >= 0)
        g_string_append_printf (x, " org=\"o%d\"", k.org);
      g_string_append (x, "/>\n");
      g_array_append_val (big->conflicts, k);
    }
  g_string_append (x, "</scenario>\n");
}

/* The reference: the rule the schema documents, applied by a scan of
 * every stance — the most specific match wins (person + matter 5, person
 * 4, organisation + matter 3, organisation 2, matter 1, default 0). */
static GsStance
ref_stance (const Big *big, int p, int m)
{
  GsStance out = { 0.5, 0.5, 0.0 };
  int best = -1, org = big->person_org[p];
  for (guint i = 0; i < big->stances->len; i++)
    {
      const RefStance *st = &g_array_index (big->stances, RefStance, i);
      gboolean match = (st->person < 0 || st->person == p)
                       && (st->org < 0 || (org >= 0 && st->org == org))
                       && (st->matter < 0 || st->matter == m);
      int rank = st->person >= 0 ? (st->matter >= 0 ? 5 : 4)
                 : st->org >= 0  ? (st->matter >= 0 ? 3 : 2)
                                 : (st->matter >= 0 ? 1 : 0);
      if (match && rank > best)
        {
          best = rank;
          out = (GsStance){ st->support, st->if_affected, st->abstain };
        }
    }
  return out;
}

static gboolean
ref_away (const Big *big, int p, GsTime t)
{
  for (guint i = 0; i < big->absences->len; i++)
    {
      const RefAbsence *a = &g_array_index (big->absences, RefAbsence, i);
      if (a->person == p && a->from <= t && t < a->until)
        return TRUE;
    }
  return FALSE;
}

static gboolean
ref_conflicted (const Big *big, int p, int m, const guint *affects, guint n)
{
  for (guint i = 0; i < big->conflicts->len; i++)
    {
      const RefConflict *k = &g_array_index (big->conflicts, RefConflict, i);
      if (k->person != p)
        continue;
      if (k->matter == m)
        return TRUE;
      for (guint j = 0; k->org >= 0 && j < n; j++)
        if (affects[j] == (guint)k->org)
          return TRUE;
    }
  return FALSE;
}

/* Resident memory in bytes, or 0 where /proc is not there. */
static guint64
resident_bytes (void)
{
  g_autofree char *statm = NULL;
  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL))
    return 0;
  guint64 pages = 0;
  sscanf (statm, "%*u %" G_GUINT64_FORMAT, &pages);
  return pages * 4096;
}

static void
test_limits_large_scenario (void)
{
  static Big big; /* person_org is large for the stack */
  big_generate (&big);
  CU_ASSERT_TRUE (big.xml->len < GS_LIMIT_FILE_BYTES);

  guint64 before = resident_bytes ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GsScenario) s
      = gs_loader_load_bytes (big.xml->str, big.xml->len, "big.xml", &error);
  guint64 after = resident_bytes ();
  if (error)
    fprintf (stderr, "\n%.2000s\n", error->message);
  CU_ASSERT_PTR_NOT_NULL_FATAL (s);
  CU_ASSERT_EQUAL (gs_scenario_n_people (s), N_PEOPLE);
  CU_ASSERT_EQUAL (gs_scenario_n_matters (s), N_MATTERS);
  /* Bounded memory: the scenario holds what the file gives, no product of
   * people and matter types (three such matrices of doubles would be
   * 9.6 GB).  The allowance covers the string chunk, the arrays and the
   * allocator's slack, and is a fraction of one matrix. */
  if (before > 0 && after > 0)
    CU_ASSERT_TRUE (after < before + ((guint64)256 << 20));
  CU_ASSERT_EQUAL (s->stances.n_rules, big.stances->len);

  g_autoptr (GRand) rand = g_rand_new_with_seed (7);
  /* Stances: every person and matter a stance names, crossed with a few
   * others, and random pairs. */
  for (guint i = 0; i < big.stances->len + 20000; i++)
    {
      int p, m;
      if (i < big.stances->len)
        {
          const RefStance *st = &g_array_index (big.stances, RefStance, i);
          p = st->person >= 0 ? st->person
                              : g_rand_int_range (rand, 0, N_PEOPLE);
          m = st->matter >= 0 ? st->matter
                              : g_rand_int_range (rand, 0, N_MATTERS);
        }
      else
        {
          p = g_rand_int_range (rand, 0, i % 2 ? 20 : N_PEOPLE);
          m = g_rand_int_range (rand, 0, i % 3 ? 50 : N_MATTERS);
        }
      GsStance want = ref_stance (&big, p, m), got;
      gs__scenario_stance (s, (guint)p, (guint)m, &got);
      gboolean same = got.support == want.support
                      && got.if_affected == want.if_affected
                      && got.abstain == want.abstain;
      CU_ASSERT_TRUE (same);
      if (!same)
        fprintf (stderr, "\nstance of p%d on m%d: %g, want %g\n", p, m,
                 got.support, want.support);
      GS_ASSERT_NEAR (gs_scenario_support (s, (guint)p, (guint)m), want.support,
                      0.0);
    }

  /* Absences: days around each absence's ends, and random days. */
  for (guint i = 0; i < 20000; i++)
    {
      const RefAbsence *a = &g_array_index (
          big.absences, RefAbsence, g_rand_int_range (rand, 0, N_ABSENCES));
      int p = i % 5 == 0 ? g_rand_int_range (rand, 0, N_PEOPLE) : a->person;
      GsTime t;
      switch (i % 4)
        {
          case 0:
            t = a->from - 1;
            break;
          case 1:
            t = a->from;
            break;
          case 2:
            t = a->until - 1;
            break;
          default:
            t = day (g_rand_int_range (rand, -5, 760));
            break;
        }
      CU_ASSERT_EQUAL (gs__scenario_away (s, (guint)p, t),
                       ref_away (&big, p, t));
    }

  /* Conflicts: people with and without them, matters and affected
   * organisations drawn. */
  for (guint i = 0; i < 20000; i++)
    {
      int p = g_rand_int_range (rand, 0, i % 2 ? 2000 : N_PEOPLE);
      int m = g_rand_int_range (rand, 0, i % 2 ? 100 : N_MATTERS);
      guint affects[3];
      guint n = (guint)g_rand_int_range (rand, 0, 4);
      for (guint j = 0; j < n; j++)
        affects[j] = (guint)g_rand_int_range (rand, 0, N_ORGS);
      CU_ASSERT_EQUAL (
          gs__scenario_conflicted (s, (guint)p, (guint)m, affects, n),
          ref_conflicted (&big, p, m, affects, n));
    }

  /* Ids are found, and only in their own kind. */
  CU_ASSERT_EQUAL (gs_scenario_find_person (s, "p19999"), 19999);
  CU_ASSERT_EQUAL (gs_scenario_find_matter (s, "m12345"), 12345);
  CU_ASSERT_EQUAL (gs_scenario_find_person (s, "m12345"), -1);
  CU_ASSERT_EQUAL (gs_scenario_find_body (s, "b"), 0);

  g_string_free (big.xml, TRUE);
  g_array_unref (big.stances);
  g_array_unref (big.absences);
  g_array_unref (big.conflicts);
}

int
main (void)
{
  static const GsTestCase cases[] = {
    { "test_limits_mirror_schema", test_limits_mirror_schema },
    { "test_limits_meetings_boundary", test_limits_meetings_boundary },
    { "test_limits_streams_count_the_horizon",
      test_limits_streams_count_the_horizon },
    { "test_limits_large_scenario", test_limits_large_scenario },
    { NULL, NULL },
  };
  return gs_test_run ("limits", cases);
}

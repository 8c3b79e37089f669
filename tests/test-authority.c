/* test-authority.c — resolving a body's authority through schemes of
 * delegation (gs_authority_resolve), on small hand-built schemes.
 *
 * Every scenario starts on 2024-01-01 and has two organisations, oa and
 * ob, each with a board (ba, bb); oa also has committees ka and ka2,
 * officers fa and fa2 and an advisory group ga; ob has committee kb and
 * officer fb; both are parties to a joint committee jc and to committees
 * in common cic, whose constituents are cica (oa's) and cicb (ob's).
 * Matters are m, m2 and r.  A test adds the schemes.  Each expected
 * status, failed delegation and chain is worked out by hand from the
 * scheme in the comment above the assertions: a delegation is in force
 * from its 'from' day up to, not including, 'until'; limits are
 * inclusive; a chain runs from the board outwards.
 */
#include "model/gs-scenario-private.h"
#include "gs-test-scenario.h"

#include <govsim/gs-authority.h>

#define BASE_XML                                                               \
  "<scenario xmlns='urn:govsim:scenario:1' name='t' start='2024-01-01' "       \
  "horizon='P1Y'>\n"                                                           \
  "<organisation id='oa' name='A' kind='nhs-trust'/>\n"                        \
  "<organisation id='ob' name='B' kind='nhs-trust'/>\n"                        \
  "<matter id='m' name='M'/><matter id='m2' name='M2'/>"                       \
  "<matter id='r' name='R'/>\n"                                                \
  "<person id='pa' org='oa' role='chair' director='true'/>\n"                  \
  "<person id='pb' org='ob' role='chair' director='true'/>\n"                  \
  "<person id='pc' org='oa' role='chief-executive' director='true'/>\n"        \
  "<person id='pd' org='ob' role='chief-executive' director='true'/>\n"        \
  "<board id='ba' name='Board A' org='oa'><member person='pa'/>"               \
  "<meets first='2024-01-10' every='P1M' capacity='5'/></board>\n"             \
  "<board id='bb' name='Board B' org='ob'><member person='pb'/>"               \
  "<meets first='2024-01-10' every='P1M' capacity='5'/></board>\n"             \
  "<committee id='ka' name='KA' org='oa'><member person='pa'/>"                \
  "<meets first='2024-01-11' every='P1M' capacity='5'/></committee>\n"         \
  "<committee id='ka2' name='KA2' org='oa'><member person='pc'/>"              \
  "<meets first='2024-01-12' every='P1M' capacity='5'/></committee>\n"         \
  "<committee id='kb' name='KB' org='ob'><member person='pb'/>"                \
  "<meets first='2024-01-11' every='P1M' capacity='5'/></committee>\n"         \
  "<officer id='fa' name='FA' org='oa' person='pc'>"                           \
  "<meets first='2024-01-02' every='P7D' capacity='5'/></officer>\n"           \
  "<officer id='fa2' name='FA2' org='oa' person='pa'>"                         \
  "<meets first='2024-01-03' every='P7D' capacity='5'/></officer>\n"           \
  "<officer id='fb' name='FB' org='ob' person='pd'>"                           \
  "<meets first='2024-01-02' every='P7D' capacity='5'/></officer>\n"           \
  "<advisory-group id='ga' name='GA' org='oa'><member person='pc'/>"           \
  "<meets first='2024-01-04' every='P1M' capacity='5'/></advisory-group>\n"    \
  "<joint-committee id='jc' name='JC' parties='oa ob'><member person='pa'/>"   \
  "<member person='pb'/><meets first='2024-01-15' every='P1M' "                \
  "capacity='5'/></joint-committee>\n"                                         \
  "<committees-in-common id='cic' name='CiC' parties='oa ob'>"                 \
  "<committee id='cica' name='CiC A' org='oa'><member person='pa'/>"           \
  "</committee><committee id='cicb' name='CiC B' org='ob'>"                    \
  "<member person='pb'/></committee>"                                          \
  "<meets first='2024-01-16' every='P1M' capacity='5'/>"                       \
  "</committees-in-common>\n"

/* The whole scenario: the base above, then @rest.  (transfer full) */
static char *
scenario_xml (const char *rest)
{
  return g_strconcat (BASE_XML, rest, "\n</scenario>\n", NULL);
}

static GsScenario *
scenario_new (const char *rest)
{
  g_autofree char *xml = scenario_xml (rest);
  return gs_test_load_inline (xml);
}

/* The 1-based line of @xml on which @needle first occurs, or 0. */
static int
line_in (const char *xml, const char *needle)
{
  const char *at = strstr (xml, needle);
  if (at == NULL)
    return 0;
  int line = 1;
  for (const char *p = xml; p < at; p++)
    line += *p == '\n';
  return line;
}

static guint
body (const GsScenario *s, const char *id)
{
  int b = gs_scenario_find_body (s, id);
  CU_ASSERT_FATAL (b >= 0);
  return (guint)b;
}

static guint
org (const GsScenario *s, const char *id)
{
  for (guint i = 0; i < gs_scenario_n_organisations (s); i++)
    if (strcmp (GS_ORG (s, i)->id, id) == 0)
      return i;
  CU_FAIL_FATAL ("no such organisation");
  return 0;
}

static guint
matter (const GsScenario *s, const char *id)
{
  int m = gs_scenario_find_matter (s, id);
  CU_ASSERT_FATAL (m >= 0);
  return (guint)m;
}

/* The index of version @version (0: as delegated, 1: after the first
 * amendment, ...) of delegation @id. */
static int
deleg (const GsScenario *s, const char *id, guint version)
{
  for (guint i = 0; i < s->delegations->len; i++)
    {
      const GsDelegation *d = GS_DELEGATION (s, i);
      if (d->id != NULL && strcmp (d->id, id) == 0 && version-- == 0)
        return (int)i;
    }
  CU_FAIL_FATAL ("no such delegation");
  return -1;
}

/* The time @minute minutes into the day @iso. */
static GsTime
at (const char *iso, GsTime minute)
{
  return gs_test_day (iso) + minute;
}

#define END (-1) /* ends a list of links */

/* Resolves (@b, @o, @m, @value, @when) and checks the status, the
 * delegation at fault (-1: none), for SUB_BEYOND the upstream status, and
 * the links (delegation indices, ending with END). */
#define EXPECT(s, b, o, m, value, when, status, failed, upstream, ...)         \
  expect_at (__LINE__, s, b, o, m, value, when, status, failed, upstream,      \
             (const int[]){ __VA_ARGS__ })

static void
expect_at (int line, const GsScenario *s, const char *b, const char *o,
           const char *m, gint64 value, GsTime when, GsAuthStatus status,
           int failed, GsAuthStatus upstream, const int *links)
{
  GsAuthority out;
  memset (&out, 0xA5, sizeof out); /* resolve must write every field read */
  gboolean ok = gs_authority_resolve (s, body (s, b), org (s, o), matter (s, m),
                                      value, when, &out);
  guint n = 0;
  while (links[n] != END)
    n++;
  gboolean good = ok == gs_auth_status_ok (status) && out.status == status
                  && out.failed == failed && out.n_links == n
                  && (status != GS_AUTH_SUB_BEYOND || out.upstream == upstream);
  for (guint i = 0; good && i < n; i++)
    good = out.links[i] == (guint32)links[i];
  CU_ASSERT_TRUE (good);
  if (!good)
    {
      fprintf (stderr,
               "\nline %d: %s for %s, %s, £%" G_GINT64_FORMAT
               ": got %s (%d), failed %d, upstream %d, links",
               line, b, o, m, value, gs_auth_status_to_string (out.status), ok,
               out.failed, out.upstream);
      for (guint i = 0; i < out.n_links && i < GS_AUTHORITY_MAX_LINKS; i++)
        fprintf (stderr, " %u", out.links[i]);
      fprintf (stderr, "; expected %s, failed %d, links",
               gs_auth_status_to_string (status), failed);
      for (guint i = 0; i < n; i++)
        fprintf (stderr, " %d", links[i]);
      fprintf (stderr, "\n");
    }
}

#define JUNE (gs_test_day ("2024-06-01"))

/* ---- the board, no scheme, reserved, none ------------------------------ */

static void
test_direct_and_trivial (void)
{
  g_autoptr (GsScenario) s
      = scenario_new ("<scheme org='oa'><reserved matters='r'/>"
                      "<delegation id='d1' by='ba' to='ka' matters='m r' "
                      "limit='100000'/></scheme>");
  int d1 = deleg (s, "d1", 0);
  /* d1 gives ka matter m up to £100,000: held, through d1 alone. */
  EXPECT (s, "ka", "oa", "m", 5000, JUNE, GS_AUTH_HELD, -1, 0, d1, END);
  /* The board holds every matter of its own organisation, at any value,
   * reserved ones included, with no chain. */
  EXPECT (s, "ba", "oa", "m", 5000, JUNE, GS_AUTH_BOARD, -1, 0, END);
  EXPECT (s, "ba", "oa", "r", GS_VALUE_MAX, JUNE, GS_AUTH_BOARD, -1, 0, END);
  /* ob has no scheme: not modelled, so allowed, for its committee; its own
   * board is still the board (that test comes first). */
  EXPECT (s, "kb", "ob", "m", 5000, JUNE, GS_AUTH_NOT_MODELLED, -1, 0, END);
  EXPECT (s, "bb", "ob", "m", 5000, JUNE, GS_AUTH_BOARD, -1, 0, END);
  /* r is reserved to oa's board, although d1 lists it. */
  EXPECT (s, "ka", "oa", "r", 5000, JUNE, GS_AUTH_RESERVED, -1, 0, END);
  /* m2 is delegated to nobody; ka2 has nothing; ob's board is not oa's. */
  EXPECT (s, "ka", "oa", "m2", 5000, JUNE, GS_AUTH_NONE, -1, 0, END);
  EXPECT (s, "ka2", "oa", "m", 5000, JUNE, GS_AUTH_NONE, -1, 0, END);
  EXPECT (s, "bb", "oa", "m", 5000, JUNE, GS_AUTH_NONE, -1, 0, END);
}

/* ---- limits ------------------------------------------------------------ */

static void
test_limits (void)
{
  g_autoptr (GsScenario) s = scenario_new (
      "<scheme org='oa'>"
      "<delegation id='d1' by='ba' to='ka' matters='m' limit='250000'/>"
      "<delegation id='d2' by='ba' to='ka2' matters='m'/>"
      "<delegation id='d3' by='ba' to='fa' matters='m' "
      "limit='1000000000000'/>"
      "<delegation id='d4' by='ba' to='jc' matters='m' limit='0'/>"
      "</scheme>");
  int d1 = deleg (s, "d1", 0), d2 = deleg (s, "d2", 0);
  int d3 = deleg (s, "d3", 0), d4 = deleg (s, "d4", 0);
  /* Limit £250,000, inclusive: £249,999 and £250,000 are within it,
   * £250,001 is over it, and d1 is the link at fault. */
  EXPECT (s, "ka", "oa", "m", 249999, JUNE, GS_AUTH_HELD, -1, 0, d1, END);
  EXPECT (s, "ka", "oa", "m", 250000, JUNE, GS_AUTH_HELD, -1, 0, d1, END);
  EXPECT (s, "ka", "oa", "m", 250001, JUNE, GS_AUTH_OVER_LIMIT, d1, 0, d1, END);
  /* No limit: the schema's largest sum, £1,000,000,000,000, is covered,
   * and so is £0; so it is with that sum given as the limit. */
  CU_ASSERT_EQUAL (GS_DELEGATION (s, d2)->limit, GS_VALUE_MAX);
  EXPECT (s, "ka2", "oa", "m", GS_VALUE_MAX, JUNE, GS_AUTH_HELD, -1, 0, d2,
          END);
  EXPECT (s, "ka2", "oa", "m", 0, JUNE, GS_AUTH_HELD, -1, 0, d2, END);
  EXPECT (s, "fa", "oa", "m", GS_VALUE_MAX, JUNE, GS_AUTH_HELD, -1, 0, d3, END);
  /* A limit of £0 covers £0 and nothing more. */
  EXPECT (s, "jc", "oa", "m", 0, JUNE, GS_AUTH_HELD, -1, 0, d4, END);
  EXPECT (s, "jc", "oa", "m", 1, JUNE, GS_AUTH_OVER_LIMIT, d4, 0, d4, END);
}

/* ---- sub-delegation ---------------------------------------------------- */

static void
test_sub_delegation_held (void)
{
  g_autoptr (GsScenario) s = scenario_new (
      "<scheme org='oa'>"
      "<delegation id='d1' by='ba' to='ka' matters='m' limit='10000' "
      "sub-delegate='true'/>"
      "<delegation id='d2' by='ka' to='fa' matters='m' limit='5000'/>"
      "</scheme>");
  int d1 = deleg (s, "d1", 0), d2 = deleg (s, "d2", 0);
  /* board -> ka (d1, may sub-delegate, £10,000) -> fa (d2, £5,000):
   * £5,000 is within both; two links, the board's first. */
  EXPECT (s, "fa", "oa", "m", 5000, JUNE, GS_AUTH_HELD, -1, 0, d1, d2, END);
  /* £5,001 is over d2's own limit: d2 fails before its delegator is
   * traced, so the chain is d2 alone. */
  EXPECT (s, "fa", "oa", "m", 5001, JUNE, GS_AUTH_OVER_LIMIT, d2, 0, d2, END);
  /* ka itself holds m up to £10,000 through d1. */
  EXPECT (s, "ka", "oa", "m", 10000, JUNE, GS_AUTH_HELD, -1, 0, d1, END);
}

static void
test_sub_delegation_forbidden (void)
{
  g_autoptr (GsScenario) s = scenario_new (
      "<scheme org='oa'>"
      "<delegation id='d1' by='ba' to='ka' matters='m' limit='10000' "
      "sub-delegate='false'/>"
      "<delegation id='d2' by='ka' to='fa' matters='m' limit='5000'/>"
      "</scheme>");
  int d1 = deleg (s, "d1", 0), d2 = deleg (s, "d2", 0);
  /* ka holds m through d1, which does not let it delegate onwards: d2,
   * made by ka, is at fault; the chain traced is d1, d2. */
  EXPECT (s, "fa", "oa", "m", 5000, JUNE, GS_AUTH_SUB_FORBIDDEN, d2, 0, d1, d2,
          END);
  /* ka's own authority is unaffected. */
  EXPECT (s, "ka", "oa", "m", 5000, JUNE, GS_AUTH_HELD, -1, 0, d1, END);
}

static void
test_sub_delegation_beyond (void)
{
  /* The officer's limit (£20,000) is above the committee's (£10,000). */
  g_autoptr (GsScenario) s = scenario_new (
      "<scheme org='oa'>"
      "<delegation id='d1' by='ba' to='ka' matters='m' limit='10000' "
      "sub-delegate='true'/>"
      "<delegation id='d2' by='ka' to='fa' matters='m' limit='20000'/>"
      "</scheme>");
  int d1 = deleg (s, "d1", 0), d2 = deleg (s, "d2", 0);
  /* £15,000 is within d2 but over d1: ka did not hold it, so d2 gives more
   * than ka had; upstream, ka was over its limit; chain d1, d2. */
  EXPECT (s, "fa", "oa", "m", 15000, JUNE, GS_AUTH_SUB_BEYOND, d2,
          GS_AUTH_OVER_LIMIT, d1, d2, END);
  /* £10,000 is within both. */
  EXPECT (s, "fa", "oa", "m", 10000, JUNE, GS_AUTH_HELD, -1, 0, d1, d2, END);
  /* £20,001 is over d2 itself. */
  EXPECT (s, "fa", "oa", "m", 20001, JUNE, GS_AUTH_OVER_LIMIT, d2, 0, d2, END);

  /* The committee holds m2 only, yet delegates m. */
  g_autoptr (GsScenario) t = scenario_new (
      "<scheme org='oa'>"
      "<delegation id='e1' by='ba' to='ka' matters='m2' sub-delegate='true'/>"
      "<delegation id='e2' by='ka' to='fa' matters='m'/>"
      "</scheme>");
  int e1 = deleg (t, "e1", 0), e2 = deleg (t, "e2", 0);
  /* Upstream ka has no delegation of m at all (NONE), so no chain above
   * e2 was found. */
  EXPECT (t, "fa", "oa", "m", 1, JUNE, GS_AUTH_SUB_BEYOND, e2, GS_AUTH_NONE, e2,
          END);
  /* e2 does not list m2, whatever ka holds. */
  EXPECT (t, "fa", "oa", "m2", 1, JUNE, GS_AUTH_NONE, -1, 0, END);
  EXPECT (t, "ka", "oa", "m2", 1, JUNE, GS_AUTH_HELD, -1, 0, e1, END);
}

static void
test_sub_delegation_second_route (void)
{
  /* ka holds m twice: d1 (no onward delegation) and d2 (onward). */
  g_autoptr (GsScenario) s = scenario_new (
      "<scheme org='oa'>"
      "<delegation id='d1' by='ba' to='ka' matters='m'/>"
      "<delegation id='d2' by='ba' to='ka' matters='m' sub-delegate='true'/>"
      "<delegation id='d3' by='ka' to='fa' matters='m'/>"
      "</scheme>");
  int d1 = deleg (s, "d1", 0), d2 = deleg (s, "d2", 0);
  int d3 = deleg (s, "d3", 0);
  /* fa's authority comes through d2, the one that lets ka delegate. */
  EXPECT (s, "fa", "oa", "m", 1, JUNE, GS_AUTH_HELD, -1, 0, d2, d3, END);
  /* For ka's own decisions the first delegation that gives authority
   * wins: d1. */
  EXPECT (s, "ka", "oa", "m", 1, JUNE, GS_AUTH_HELD, -1, 0, d1, END);
}

/* The longest chain the loader accepts, GS_CHAIN_MAX = 16 links: board ->
 * c1 -> c2 -> ... -> c16 (tests/data/invalid/scheme-chain-too-long.xml has
 * 17 and is refused). */
static void
test_longest_chain (void)
{
  GString *rest = g_string_new (NULL);
  for (int i = 1; i <= GS_CHAIN_MAX; i++)
    g_string_append_printf (rest,
                            "<committee id='c%d' name='C%d' org='oa'>"
                            "<member person='pa'/><meets first='2024-01-11' "
                            "every='P1M' capacity='5'/></committee>\n",
                            i, i);
  g_string_append (rest, "<scheme org='oa'><delegation id='l1' by='ba' "
                         "to='c1' matters='m' sub-delegate='true'/>");
  for (int i = 2; i <= GS_CHAIN_MAX; i++)
    g_string_append_printf (rest,
                            "<delegation id='l%d' by='c%d' to='c%d' "
                            "matters='m' sub-delegate='true'/>",
                            i, i - 1, i);
  g_string_append (rest, "</scheme>");
  g_autoptr (GsScenario) s = scenario_new (rest->str);
  g_string_free (rest, TRUE);
  GsAuthority out;
  gboolean ok = gs_authority_resolve (s, body (s, "c16"), org (s, "oa"),
                                      matter (s, "m"), 1, JUNE, &out);
  /* 16 links, l1 (the board's) first, l16 (to c16) last. */
  CU_ASSERT_TRUE (ok);
  CU_ASSERT_EQUAL (out.status, GS_AUTH_HELD);
  CU_ASSERT_EQUAL_FATAL (out.n_links, 16);
  for (guint i = 0; i < 16; i++)
    {
      g_autofree char *id = g_strdup_printf ("l%u", i + 1);
      CU_ASSERT_EQUAL (out.links[i], (guint32)deleg (s, id, 0));
    }
}

/* ---- dates ------------------------------------------------------------- */

static void
test_dates (void)
{
  g_autoptr (GsScenario) s
      = scenario_new ("<scheme org='oa'><delegation id='d1' by='ba' to='ka' "
                      "matters='m' from='2024-03-01' until='2024-06-01'/>"
                      "</scheme>");
  int d1 = deleg (s, "d1", 0);
  /* In force from 2024-03-01 (00:00) up to, not including, 2024-06-01:
   * the last minute of 29 February is before it; 1 March at 00:00 is in;
   * 31 May, the day before 'until', is in to its last minute (23:59 =
   * minute 1439); 1 June at 00:00 is out, and so is September. */
  EXPECT (s, "ka", "oa", "m", 1, at ("2024-02-29", 1439), GS_AUTH_NOT_IN_FORCE,
          d1, 0, d1, END);
  EXPECT (s, "ka", "oa", "m", 1, at ("2024-03-01", 0), GS_AUTH_HELD, -1, 0, d1,
          END);
  EXPECT (s, "ka", "oa", "m", 1, at ("2024-05-31", 0), GS_AUTH_HELD, -1, 0, d1,
          END);
  EXPECT (s, "ka", "oa", "m", 1, at ("2024-05-31", 1439), GS_AUTH_HELD, -1, 0,
          d1, END);
  EXPECT (s, "ka", "oa", "m", 1, at ("2024-06-01", 0), GS_AUTH_NOT_IN_FORCE, d1,
          0, d1, END);
  EXPECT (s, "ka", "oa", "m", 1, at ("2024-09-01", 600), GS_AUTH_NOT_IN_FORCE,
          d1, 0, d1, END);
}

static void
test_withdrawn (void)
{
  const char *rest = "<scheme org='oa'>\n"
                     "<delegation id='d1' by='ba' to='ka' matters='m'/>\n"
                     "<withdraw delegation='d1' on='2024-07-01'/>\n"
                     "</scheme>";
  g_autofree char *xml = scenario_xml (rest);
  g_autoptr (GsScenario) s = gs_test_load_inline (xml);
  int d1 = deleg (s, "d1", 0);
  /* Withdrawn on 2024-07-01: held on 30 June, not from 1 July on. */
  EXPECT (s, "ka", "oa", "m", 1, at ("2024-06-30", 1439), GS_AUTH_HELD, -1, 0,
          d1, END);
  EXPECT (s, "ka", "oa", "m", 1, at ("2024-07-01", 0), GS_AUTH_NOT_IN_FORCE, d1,
          0, d1, END);
  EXPECT (s, "ka", "oa", "m", 1, at ("2024-12-31", 0), GS_AUTH_NOT_IN_FORCE, d1,
          0, d1, END);
  /* The loader records why and where it ended. */
  const GsDelegation *d = GS_DELEGATION (s, d1);
  CU_ASSERT_EQUAL (d->ended, GS_END_WITHDRAWN);
  CU_ASSERT_EQUAL (d->end_line, line_in (xml, "<withdraw"));
  CU_ASSERT_EQUAL (d->until, gs_test_day ("2024-07-01"));
}

static void
test_amended (void)
{
  const char *rest = "<scheme org='oa'>\n"
                     "<delegation id='d1' by='ba' to='ka' matters='m' "
                     "limit='1000' until='2024-10-01'/>\n"
                     "<amend delegation='d1' on='2024-07-01' limit='5000' "
                     "matters='m m2'/>\n"
                     "</scheme>";
  g_autofree char *xml = scenario_xml (rest);
  g_autoptr (GsScenario) s = gs_test_load_inline (xml);
  int v0 = deleg (s, "d1", 0), v1 = deleg (s, "d1", 1);
  /* Two versions: the original up to 2024-07-01, the amendment from then
   * to the original 'until', 2024-10-01; each blamed by its own line. */
  CU_ASSERT_EQUAL (GS_DELEGATION (s, v0)->line, line_in (xml, "<delegation"));
  CU_ASSERT_EQUAL (GS_DELEGATION (s, v1)->line, line_in (xml, "<amend"));
  CU_ASSERT_EQUAL (GS_DELEGATION (s, v0)->until, gs_test_day ("2024-07-01"));
  CU_ASSERT_EQUAL (GS_DELEGATION (s, v1)->from, gs_test_day ("2024-07-01"));
  CU_ASSERT_EQUAL (GS_DELEGATION (s, v1)->until, gs_test_day ("2024-10-01"));
  CU_ASSERT_EQUAL (GS_DELEGATION (s, v1)->amends, v0);

  /* 30 June: the old limit, £1,000; £1,001 and £5,000 are over it. */
  GsTime before = at ("2024-06-30", 720);
  EXPECT (s, "ka", "oa", "m", 1000, before, GS_AUTH_HELD, -1, 0, v0, END);
  EXPECT (s, "ka", "oa", "m", 1001, before, GS_AUTH_OVER_LIMIT, v0, 0, v0, END);
  EXPECT (s, "ka", "oa", "m", 5000, before, GS_AUTH_OVER_LIMIT, v0, 0, v0, END);
  /* m2 is added by the amendment: before it, the only version listing m2
   * is the amended one, not yet in force. */
  EXPECT (s, "ka", "oa", "m2", 1, before, GS_AUTH_NOT_IN_FORCE, v1, 0, v1, END);
  /* From 1 July: the new limit, £5,000, through the new version. */
  GsTime from = at ("2024-07-01", 0);
  EXPECT (s, "ka", "oa", "m", 1000, from, GS_AUTH_HELD, -1, 0, v1, END);
  EXPECT (s, "ka", "oa", "m", 5000, from, GS_AUTH_HELD, -1, 0, v1, END);
  EXPECT (s, "ka", "oa", "m", 5001, from, GS_AUTH_OVER_LIMIT, v1, 0, v1, END);
  EXPECT (s, "ka", "oa", "m2", 1, from, GS_AUTH_HELD, -1, 0, v1, END);
  /* The amended version keeps 'until': in force on 30 September, not on
   * 1 October.  Both versions are then out of force; the one that ended
   * last (the amended version, expired on 1 October, rather than the
   * original, replaced on 1 July) is the one to blame. */
  EXPECT (s, "ka", "oa", "m", 5000, at ("2024-09-30", 1439), GS_AUTH_HELD, -1,
          0, v1, END);
  EXPECT (s, "ka", "oa", "m", 5000, at ("2024-10-01", 0), GS_AUTH_NOT_IN_FORCE,
          v1, 0, v1, END);
}

/* ---- leaving, joint bodies --------------------------------------------- */

static void
test_leave (void)
{
  const char *rest
      = "<scheme org='oa'>\n"
        "<delegation id='tojc' by='ba' to='jc' matters='m'/>\n"
        "<delegation id='toka' by='ba' to='ka' matters='m'/>\n"
        "<delegation id='tocic' by='ba' to='cic' matters='m'/>\n"
        "<delegation id='late' by='ba' to='jc' matters='m2' "
        "from='2024-08-01'/>\n"
        "</scheme>\n"
        "<scheme org='ob'><delegation id='bjc' by='bb' to='jc' matters='m'/>"
        "</scheme>\n"
        "<leave org='oa' on='2024-07-01'/>";
  g_autofree char *xml = scenario_xml (rest);
  g_autoptr (GsScenario) s = gs_test_load_inline (xml);
  int tojc = deleg (s, "tojc", 0), toka = deleg (s, "toka", 0);
  int tocic = deleg (s, "tocic", 0), late = deleg (s, "late", 0);
  int bjc = deleg (s, "bjc", 0);
  /* The day before oa leaves, all three delegations are in force. */
  GsTime eve = at ("2024-06-30", 1439), day = at ("2024-07-01", 0);
  EXPECT (s, "jc", "oa", "m", 1, eve, GS_AUTH_HELD, -1, 0, tojc, END);
  EXPECT (s, "ka", "oa", "m", 1, eve, GS_AUTH_HELD, -1, 0, toka, END);
  EXPECT (s, "cica", "oa", "m", 1, eve, GS_AUTH_HELD, -1, 0, tocic, END);
  /* From 1 July, oa's delegations to the joint committee and to the
   * committees in common end; the one to its own committee ka does not. */
  EXPECT (s, "jc", "oa", "m", 1, day, GS_AUTH_NOT_IN_FORCE, tojc, 0, tojc, END);
  EXPECT (s, "cica", "oa", "m", 1, day, GS_AUTH_NOT_IN_FORCE, tocic, 0, tocic,
          END);
  EXPECT (s, "ka", "oa", "m", 1, day, GS_AUTH_HELD, -1, 0, toka, END);
  /* 'late' would have started on 1 August, after oa left: never in force. */
  EXPECT (s, "jc", "oa", "m2", 1, at ("2024-08-15", 0), GS_AUTH_NOT_IN_FORCE,
          late, 0, late, END);
  /* ob did not leave: its delegation to jc goes on. */
  EXPECT (s, "jc", "ob", "m", 1, day, GS_AUTH_HELD, -1, 0, bjc, END);
  const GsDelegation *d = GS_DELEGATION (s, tojc);
  CU_ASSERT_EQUAL (d->ended, GS_END_LEFT);
  CU_ASSERT_EQUAL (d->end_line, line_in (xml, "<leave"));
  CU_ASSERT_EQUAL (GS_DELEGATION (s, toka)->ended, GS_END_NONE);
  CU_ASSERT_EQUAL (GS_DELEGATION (s, toka)->until, GS_TIME_NEVER);
}

static void
test_committees_in_common (void)
{
  g_autoptr (GsScenario) s = scenario_new (
      "<scheme org='oa'>"
      "<delegation id='da' by='ba' to='cic' matters='m' limit='1000' "
      "sub-delegate='true'/>"
      "<delegation id='dc' by='cica' to='fa' matters='m' limit='500'/>"
      "</scheme>"
      "<scheme org='ob'><delegation id='db' by='bb' to='cic' matters='m'/>"
      "</scheme>");
  int da = deleg (s, "da", 0), dc = deleg (s, "dc", 0);
  int db = deleg (s, "db", 0);
  /* A delegation to the committees in common reaches each constituent,
   * each for its own organisation: cica for oa through da (limit £1,000),
   * cicb for ob through db; and the group itself. */
  EXPECT (s, "cica", "oa", "m", 1000, JUNE, GS_AUTH_HELD, -1, 0, da, END);
  EXPECT (s, "cicb", "ob", "m", 1000000, JUNE, GS_AUTH_HELD, -1, 0, db, END);
  EXPECT (s, "cic", "oa", "m", 1000, JUNE, GS_AUTH_HELD, -1, 0, da, END);
  EXPECT (s, "cica", "oa", "m", 1001, JUNE, GS_AUTH_OVER_LIMIT, da, 0, da, END);
  /* oa's constituent delegates onwards what it holds through the group:
   * da (to cic, reaching cica) then dc (by cica), up to £500. */
  EXPECT (s, "fa", "oa", "m", 500, JUNE, GS_AUTH_HELD, -1, 0, da, dc, END);
  EXPECT (s, "fa", "oa", "m", 501, JUNE, GS_AUTH_OVER_LIMIT, dc, 0, dc, END);
  /* ob's constituent does not act for oa: oa's delegation to the group
   * reaches only oa's own committee. */
  EXPECT (s, "cicb", "oa", "m", 1000, JUNE, GS_AUTH_NONE, -1, 0, END);
}

/* ---- several delegations to one body ----------------------------------- */

static void
test_several_delegations (void)
{
  g_autoptr (GsScenario) s = scenario_new (
      "<scheme org='oa'>"
      "<delegation id='k2' by='ba' to='ka2' matters='m' limit='10000'/>"
      "<delegation id='old' by='ba' to='ka' matters='m' until='2024-03-01'/>"
      "<delegation id='small' by='ba' to='ka' matters='m' limit='1000'/>"
      "<delegation id='via' by='ka2' to='ka' matters='m'/>"
      "</scheme>");
  int k2 = deleg (s, "k2", 0), old = deleg (s, "old", 0);
  int small = deleg (s, "small", 0), via = deleg (s, "via", 0);
  /* February: 'old' is in force and is the first that gives authority,
   * though 'small' would not (£3,000 > £1,000). */
  EXPECT (s, "ka", "oa", "m", 3000, at ("2024-02-01", 0), GS_AUTH_HELD, -1, 0,
          old, END);
  /* June, £500: 'old' has expired, 'small' gives it. */
  EXPECT (s, "ka", "oa", "m", 500, JUNE, GS_AUTH_HELD, -1, 0, small, END);
  /* June, £3,000: 'old' not in force (closeness 1), 'small' over its limit
   * (2), 'via' made by ka2, which holds m (k2) but may not delegate it
   * (3, the closest): SUB_FORBIDDEN at 'via', traced k2, via. */
  EXPECT (s, "ka", "oa", "m", 3000, JUNE, GS_AUTH_SUB_FORBIDDEN, via, 0, k2,
          via, END);
  /* June, £20,000: the same, except that ka2 does not hold £20,000 either
   * (k2's limit is £10,000): SUB_BEYOND, upstream OVER_LIMIT. */
  EXPECT (s, "ka", "oa", "m", 20000, JUNE, GS_AUTH_SUB_BEYOND, via,
          GS_AUTH_OVER_LIMIT, k2, via, END);

  /* Closeness, not order: an expired delegation, one with a limit, one not
   * yet in force. */
  g_autoptr (GsScenario) t = scenario_new (
      "<scheme org='oa'>"
      "<delegation id='gone' by='ba' to='fa' matters='m' until='2024-03-01'/>"
      "<delegation id='capped' by='ba' to='fa' matters='m' limit='1000'/>"
      "<delegation id='later' by='ba' to='fa' matters='m' "
      "from='2024-09-01'/>"
      "<delegation id='t1' by='ba' to='jc' matters='m' until='2024-03-01'/>"
      "<delegation id='t2' by='ba' to='jc' matters='m' from='2024-09-01'/>"
      "</scheme>");
  int capped = deleg (t, "capped", 0), t1 = deleg (t, "t1", 0);
  /* £3,000 in June: 'gone' and 'later' are not in force (1), 'capped' is
   * over its limit (2): OVER_LIMIT at 'capped', the second of three. */
  EXPECT (t, "fa", "oa", "m", 3000, JUNE, GS_AUTH_OVER_LIMIT, capped, 0, capped,
          END);
  EXPECT (t, "fa", "oa", "m", 1000, JUNE, GS_AUTH_HELD, -1, 0, capped, END);
  /* Two equally close failures: the first in the scheme, t1. */
  EXPECT (t, "jc", "oa", "m", 1, JUNE, GS_AUTH_NOT_IN_FORCE, t1, 0, t1, END);
}

/* ---- status helpers ---------------------------------------------------- */

static void
test_status_helpers (void)
{
  /* The header: HELD, BOARD and NOT_MODELLED let the body decide; the
   * other six do not; each has its own phrase. */
  const GsAuthStatus all[] = {
    GS_AUTH_HELD,       GS_AUTH_BOARD,         GS_AUTH_NOT_MODELLED,
    GS_AUTH_RESERVED,   GS_AUTH_NONE,          GS_AUTH_NOT_IN_FORCE,
    GS_AUTH_OVER_LIMIT, GS_AUTH_SUB_FORBIDDEN, GS_AUTH_SUB_BEYOND,
  };
  for (gsize i = 0; i < G_N_ELEMENTS (all); i++)
    {
      CU_ASSERT_EQUAL (gs_auth_status_ok (all[i]), i < 3);
      CU_ASSERT_STRING_NOT_EQUAL (gs_auth_status_to_string (all[i]), "unknown");
      for (gsize j = 0; j < i; j++)
        CU_ASSERT_STRING_NOT_EQUAL (gs_auth_status_to_string (all[i]),
                                    gs_auth_status_to_string (all[j]));
    }
  CU_ASSERT_STRING_EQUAL (gs_auth_status_to_string (GS_AUTH_OVER_LIMIT),
                          "over the limit");
}

/* ---- property: every HELD is a real chain ------------------------------ */

/* Whether @d gives authority to @b: its delegate, or the delegating
 * organisation's own constituent of the committees in common it names. */
static gboolean
reaches (const GsScenario *s, const GsDelegation *d, guint b)
{
  return d->to == b
         || ((int)d->to == GS_BODY (s, b)->group
             && GS_BODY (s, b)->org == (int)d->org);
}

static gboolean
lists (const guint *items, guint n, guint item)
{
  for (guint i = 0; i < n; i++)
    if (items[i] == item)
      return TRUE;
  return FALSE;
}

static gboolean
in_force (const GsDelegation *d, GsTime when)
{
  return d->from <= when && when < d->until;
}

/* An independent oracle: whether some chain of at most @left links, from
 * @o's board, gives @b the matter at that value on that day (and, with
 * @onward, lets it delegate onwards).  Exhaustive search. */
static gboolean
chain_exists (const GsScenario *s, guint b, guint o, guint m, gint64 value,
              GsTime when, gboolean onward, guint left)
{
  const GsOrganisation *og = GS_ORG (s, o);
  if (left == 0)
    return FALSE;
  for (guint i = 0; i < og->n_delegations; i++)
    {
      const GsDelegation *d = GS_DELEGATION (s, og->delegations[i]);
      if (!reaches (s, d, b) || !lists (d->matters, d->n_matters, m)
          || !in_force (d, when) || value > d->limit
          || (onward && !d->sub_delegate))
        continue;
      const GsBody *by = GS_BODY (s, d->by);
      if ((by->kind == GS_BODY_BOARD && by->org == (int)o)
          || chain_exists (s, d->by, o, m, value, when, TRUE, left - 1))
        return TRUE;
    }
  return FALSE;
}

/* Checks the chain of a HELD answer link by link; FALSE (with a message)
 * at the first broken rule. */
static gboolean
chain_is_sound (const GsScenario *s, const GsAuthority *a, guint b, guint o,
                guint m, gint64 value, GsTime when)
{
  if (a->n_links == 0 || a->n_links > GS_AUTHORITY_MAX_LINKS)
    return FALSE;
  for (guint k = 0; k < a->n_links; k++)
    {
      if (a->links[k] >= s->delegations->len)
        return FALSE;
      const GsDelegation *d = GS_DELEGATION (s, a->links[k]);
      const GsBody *by = GS_BODY (s, d->by);
      gboolean ok
          = d->org == o && in_force (d, when)
            && lists (d->matters, d->n_matters, m)
            && d->limit >= value
            /* the first is made by the organisation's board ... */
            && (k > 0 || (by->kind == GS_BODY_BOARD && by->org == (int)o))
            /* ... each other by the body the previous one reached (its
             * delegate, or a constituent of the committees in common it
             * named) */
            && (k == 0
                || reaches (s, GS_DELEGATION (s, a->links[k - 1]), d->by))
            /* every link but the last lets its delegate delegate onwards */
            && (k + 1 == a->n_links || d->sub_delegate)
            /* and the last reaches the body */
            && (k + 1 < a->n_links || reaches (s, d, b));
      if (!ok)
        {
          fprintf (stderr, "\nlink %u (delegation %u, line %d) is unsound\n", k,
                   a->links[k], d->line);
          return FALSE;
        }
    }
  return TRUE;
}

/* One scheme with chains, limits, dates, an amendment, a withdrawal,
 * sub-delegation allowed and not, committees in common, a joint committee
 * and a leaving organisation.  The delegator graph is a DAG:
 *   ba -> ka, ka2, jc, cic;  ka -> fa, ka2;  jc -> fa;  cica -> fa;
 *   fa -> fa2;  ka2 -> fa2;  bb -> kb, jc, cic;  kb -> fb. */
static const char property_scheme[]
    = "<scheme org='oa'>\n"
      "<reserved matters='r'/>\n"
      "<delegation id='a1' by='ba' to='ka' matters='m m2' limit='500000' "
      "sub-delegate='true' until='2024-11-01'/>\n"
      "<delegation id='a2' by='ka' to='fa' matters='m' limit='100000' "
      "sub-delegate='true'/>\n"
      "<delegation id='a3' by='fa' to='fa2' matters='m' limit='200000'/>\n"
      "<delegation id='a4' by='ba' to='ka2' matters='m2' from='2024-03-01'/>\n"
      "<delegation id='a5' by='ba' to='jc' matters='m' limit='1000000' "
      "sub-delegate='true'/>\n"
      "<delegation id='a6' by='jc' to='fa' matters='m m2' limit='300000' "
      "sub-delegate='true'/>\n"
      "<delegation id='a7' by='ba' to='cic' matters='m2' limit='50000' "
      "sub-delegate='true'/>\n"
      "<delegation id='a8' by='cica' to='fa' matters='m2' limit='60000' "
      "sub-delegate='true'/>\n"
      "<delegation id='a9' by='ka' to='ka2' matters='r m'/>\n"
      "<delegation id='a10' by='ka2' to='fa2' matters='m m2'/>\n"
      "<amend delegation='a2' on='2024-06-01' limit='150000'/>\n"
      "<withdraw delegation='a5' on='2024-09-01'/>\n"
      "</scheme>\n"
      "<scheme org='ob'>\n"
      "<delegation id='b1' by='bb' to='kb' matters='m' limit='20000' "
      "sub-delegate='true'/>\n"
      "<delegation id='b2' by='kb' to='fb' matters='m' limit='30000'/>\n"
      "<delegation id='b3' by='bb' to='jc' matters='m2'/>\n"
      "<delegation id='b4' by='bb' to='cic' matters='m' "
      "from='2024-02-01'/>\n"
      "</scheme>\n"
      "<leave org='ob' on='2024-10-01'/>\n"
      "<organisation id='oc' name='C, with no scheme' kind='vcse'/>";

static void
test_property_held_chains (void)
{
  g_autoptr (GsScenario) s = scenario_new (property_scheme);
  int a1 = deleg (s, "a1", 0), a4 = deleg (s, "a4", 0);
  int a10 = deleg (s, "a10", 0), b1 = deleg (s, "b1", 0);
  int b2 = deleg (s, "b2", 0);
  /* Anchors, one per status, worked by hand from the scheme:
   * ka, m, £1 in June: a1 (in force until November) gives it. */
  EXPECT (s, "ka", "oa", "m", 1, JUNE, GS_AUTH_HELD, -1, 0, a1, END);
  EXPECT (s, "ba", "oa", "m", 1, JUNE, GS_AUTH_BOARD, -1, 0, END);
  EXPECT (s, "ka", "oc", "m", 1, JUNE, GS_AUTH_NOT_MODELLED, -1, 0, END);
  EXPECT (s, "ka", "oa", "r", 1, JUNE, GS_AUTH_RESERVED, -1, 0, END);
  /* Nothing is delegated to the advisory group ga (it cannot be). */
  EXPECT (s, "ga", "oa", "m", 1, JUNE, GS_AUTH_NONE, -1, 0, END);
  /* ka2 holds m2 through a4 only from 1 March (a9 does not list m2). */
  EXPECT (s, "ka2", "oa", "m2", 1, at ("2024-02-29", 0), GS_AUTH_NOT_IN_FORCE,
          a4, 0, a4, END);
  /* kb's limit under b1 is £20,000. */
  EXPECT (s, "kb", "ob", "m", 20001, JUNE, GS_AUTH_OVER_LIMIT, b1, 0, b1, END);
  /* fa2, m2: only a10 (by ka2) lists it; ka2 holds m2 through a4, which
   * does not allow onward delegation. */
  EXPECT (s, "fa2", "oa", "m2", 1, JUNE, GS_AUTH_SUB_FORBIDDEN, a10, 0, a4, a10,
          END);
  /* fb, £25,000: within b2 (£30,000), but kb holds only £20,000 (b1). */
  EXPECT (s, "fb", "ob", "m", 25000, JUNE, GS_AUTH_SUB_BEYOND, b2,
          GS_AUTH_OVER_LIMIT, b1, b2, END);

  /* Values either side of every limit in the scheme, and the extremes. */
  static const gint64 values[]
      = { 0,      1,      20000,  20001,  30000,   30001,   50000,       50001,
          60000,  60001,  100000, 100001, 150000,  150001,  200000,      200001,
          300000, 300001, 500000, 500001, 1000000, 1000001, GS_VALUE_MAX };
  /* Days either side of every date in the scheme. */
  static const char *const days[]
      = { "2024-01-31", "2024-02-01", "2024-02-29", "2024-03-01",
          "2024-05-31", "2024-06-01", "2024-08-31", "2024-09-01",
          "2024-09-30", "2024-10-01", "2024-10-31", "2024-11-01" };
  guint nb = gs_scenario_n_bodies (s), no = gs_scenario_n_organisations (s);
  guint nm = gs_scenario_n_matters (s);
  GsTime lo = gs_test_day ("2023-12-01"), hi = gs_test_day ("2025-02-01");
  g_autoptr (GRand) rng = g_rand_new_with_seed (20240601);
  guint seen[GS_AUTH_SUB_BEYOND + 1] = { 0 };
  guint bad = 0;
  for (guint q = 0; q < 20000; q++)
    {
      guint b = (guint)g_rand_int_range (rng, 0, (gint32)nb);
      guint o = (guint)g_rand_int_range (rng, 0, (gint32)no);
      guint m = (guint)g_rand_int_range (rng, 0, (gint32)nm);
      gint64 value
          = g_rand_boolean (rng)
                ? values[g_rand_int_range (rng, 0, G_N_ELEMENTS (values))]
                : (gint64)g_rand_int_range (rng, 0, 1200000);
      GsTime when
          = g_rand_boolean (rng)
                ? gs_test_day (
                      days[g_rand_int_range (rng, 0, G_N_ELEMENTS (days))])
                      + g_rand_int_range (rng, 0, (gint32)GS_MINUTES_PER_DAY)
                : lo + (GsTime)(g_rand_double (rng) * (double)(hi - lo));
      GsAuthority a;
      gboolean ok = gs_authority_resolve (s, b, o, m, value, when, &a);
      seen[a.status]++;
      const GsOrganisation *og = GS_ORG (s, o);
      const GsBody *bd = GS_BODY (s, b);
      gboolean is_board = bd->kind == GS_BODY_BOARD && bd->org == (int)o;
      /* The oracle: the board, an organisation with no scheme, or (for a
       * matter not reserved) a chain found by exhaustive search. */
      gboolean want = is_board || !og->has_scheme
                      || (!lists (og->reserved, og->n_reserved, m)
                          && chain_exists (s, b, o, m, value, when, FALSE,
                                           GS_AUTHORITY_MAX_LINKS));
      gboolean good = ok == gs_auth_status_ok (a.status) && ok == want;
      if (a.status == GS_AUTH_HELD)
        good = good && a.failed == -1
               && chain_is_sound (s, &a, b, o, m, value, when);
      else if (a.status == GS_AUTH_NONE || a.status == GS_AUTH_RESERVED || ok)
        good = good && a.failed == -1 && a.n_links == 0;
      else
        /* A failure names the link at fault: the last traced, one that
         * reaches the body. */
        good = good && a.failed >= 0 && a.n_links > 0
               && a.links[a.n_links - 1] == (guint32)a.failed
               && reaches (s, GS_DELEGATION (s, a.failed), b);
      if (!good && bad++ < 5)
        fprintf (stderr,
                 "\nquery %u: body %s, org %s, matter %s, £%" G_GINT64_FORMAT
                 ", minute %" G_GINT64_FORMAT ": %s (oracle %d)\n",
                 q, bd->id, og->id, GS_MATTER (s, m)->id, value, when,
                 gs_auth_status_to_string (a.status), want);
    }
  CU_ASSERT_EQUAL (bad, 0);
  /* Not vacuous: every status has a case in the scheme (the anchors
   * above), and the 20,000 draws over 13 bodies, 3 organisations and 3
   * matters (this seed) reach each of them. */
  for (guint st = 0; st <= GS_AUTH_SUB_BEYOND; st++)
    {
      CU_ASSERT_TRUE (seen[st] > 0);
      if (seen[st] == 0)
        fprintf (stderr, "\nno query gave '%s'\n",
                 gs_auth_status_to_string (st));
    }
}

static const GsTestCase cases[] = {
  { "test_direct_and_trivial", test_direct_and_trivial },
  { "test_limits", test_limits },
  { "test_sub_delegation_held", test_sub_delegation_held },
  { "test_sub_delegation_forbidden", test_sub_delegation_forbidden },
  { "test_sub_delegation_beyond", test_sub_delegation_beyond },
  { "test_sub_delegation_second_route", test_sub_delegation_second_route },
  { "test_longest_chain", test_longest_chain },
  { "test_dates", test_dates },
  { "test_withdrawn", test_withdrawn },
  { "test_amended", test_amended },
  { "test_leave", test_leave },
  { "test_committees_in_common", test_committees_in_common },
  { "test_several_delegations", test_several_delegations },
  { "test_status_helpers", test_status_helpers },
  { "test_property_held_chains", test_property_held_chains },
  { NULL, NULL },
};

int
main (void)
{
  return gs_test_run ("authority", cases);
}

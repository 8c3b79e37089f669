/* test-fallback.c — a blocked consensus that the majority vote after it
 * settles is no gridlock, and the summary's no-hotspot line says what did
 * happen when items went to dispute resolution.
 *
 * Every scenario is fully determined (probabilities 0 or 1), so each
 * expected number is worked out by hand in the comment above it.  Meetings
 * are on Wednesdays 10, 17, 24 and 31 January 2024.
 */
#include "gs-test-scenario.h"

#include <govsim/gs-loader.h>
#include <govsim/gs-report.h>
#include <govsim/gs-study.h>
#include <govsim/gs-summary.h>
#include <govsim/gs-write.h>

#include <string.h>

static gboolean
contains (const char *haystack, const char *needle)
{
  gboolean found = strstr (haystack, needle) != NULL;
  if (!found)
    fprintf (stderr, "\n  '%s' not in: %s\n", needle, haystack);
  return found;
}

/* Committee K of p1, p2, p3: p1 and p2 always support, p3 never does, so
 * p3 objects under consensus and votes against under a majority.  Three
 * proposals arrive on 2 January; capacity 5 takes all three on
 * 10 January.  @voting is the <voting> element. */
static GsScenario *
three_items (const char *voting)
{
  g_autofree char *xml = g_strdup_printf (
      "<scenario xmlns='urn:govsim:scenario:1' name='t' start='2024-01-01' "
      "horizon='P1M'>\n"
      "<organisation id='oa' name='A' kind='nhs-trust'/>\n"
      "<matter id='m' name='Matter'/>\n"
      "<person id='p1' org='oa' role='chair'/>"
      "<person id='p2' org='oa' role='ned'/>"
      "<person id='p3' org='oa' role='ned'/>"
      "<committee id='k' name='K' org='oa'><member person='p1'/>"
      "<member person='p2'/><member person='p3'/>%s"
      "<meets first='2024-01-10' every='P7D' capacity='5'/></committee>"
      "<proposal id='x1' title='X1' matter='m' lead='oa' "
      "arrives='2024-01-02' body='k'/>"
      "<proposal id='x2' title='X2' matter='m' lead='oa' "
      "arrives='2024-01-02' body='k'/>"
      "<proposal id='x3' title='X3' matter='m' lead='oa' "
      "arrives='2024-01-02' body='k'/>"
      "<stance support='1'/><stance person='p3' support='0'/>\n"
      "</scenario>\n",
      voting);
  return gs_test_load_inline (xml);
}

static char *
summary_text (const GsRun *run)
{
  GsSummary *sum = gs_summary_new (run);
  GString *out = g_string_new (NULL);
  gs_report_text_summary (run, sum, out);
  gs_summary_free (sum);
  return g_string_free (out, FALSE);
}

static guint
n_hotspots (const GsRun *run)
{
  GsSummary *sum = gs_summary_new (run);
  guint n = sum->hotspots->len;
  gs_summary_free (sum);
  return n;
}

/* Same meeting: on 10 January each of the three is blocked by p3, then
 * put at once to the simple majority, 2 for and 1 against: carried.  So
 * blocked 3, settled 3, all approved, and no hotspot: stalls are
 * 3 blocked − 3 settled = 0, nothing pending, nothing gridlocked. */
static void
test_fallback_same_meeting (void)
{
  g_autoptr (GsScenario) s
      = three_items ("<voting rule='consensus' then='simple-majority'/>");
  g_autoptr (GsRun) run = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);
  const GsBodyCounters *n = gs_run_body_counters (run, 0);
  CU_ASSERT_EQUAL (n->blocked, 3);
  CU_ASSERT_EQUAL (n->settled_by_fallback, 3);
  for (guint i = 0; i < 3; i++)
    CU_ASSERT_EQUAL (gs_run_get_case (run, i)->state, GS_CASE_APPROVED);
  CU_ASSERT_EQUAL (n_hotspots (run), 0);
  g_autofree char *text = summary_text (run);
  CU_ASSERT_PTR_NULL (strstr (text, "Nowhere"));
  CU_ASSERT_PTR_NULL (strstr (text, "  1. K"));
  CU_ASSERT_TRUE (contains (text, "  No body gridlocked: every meeting was "
                                  "quorate and every vote was carried or "
                                  "lost; 3 blocked consensus votes were "
                                  "settled by the majority vote that "
                                  "follows.\n"));
}

/* Consensus alone, the control: the same three blocked on 10 January and
 * rejected; none settled, so K is a hotspot with 3 stalls. */
static void
test_fallback_none_without_then (void)
{
  g_autoptr (GsScenario) s = three_items ("<voting rule='consensus'/>");
  g_autoptr (GsRun) run = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);
  const GsBodyCounters *n = gs_run_body_counters (run, 0);
  CU_ASSERT_EQUAL (n->blocked, 3);
  CU_ASSERT_EQUAL (n->settled_by_fallback, 0);
  CU_ASSERT_EQUAL (n_hotspots (run), 1);
  g_autofree char *text = summary_text (run);
  CU_ASSERT_TRUE (contains (text, "  1. K: 3 blocked consensus votes under "
                                  "its consensus rule"));
}

/* Next meeting: blocked three times on 10 January and queued again; on
 * 17 January the majority, on fresh ballots 2–1, carries all three.
 * Blocked 3 (no second blocked vote), settled 3, decided 17 January. */
static void
test_fallback_next_meeting (void)
{
  g_autoptr (GsScenario) s
      = three_items ("<voting rule='consensus' then='simple-majority' "
                     "then-at='next-meeting'/>");
  g_autoptr (GsRun) run = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);
  const GsBodyCounters *n = gs_run_body_counters (run, 0);
  CU_ASSERT_EQUAL (n->blocked, 3);
  CU_ASSERT_EQUAL (n->settled_by_fallback, 3);
  for (guint i = 0; i < 3; i++)
    {
      CU_ASSERT_EQUAL (gs_run_get_case (run, i)->state, GS_CASE_APPROVED);
      CU_ASSERT_EQUAL (gs_run_get_case (run, i)->decided,
                       gs_test_day ("2024-01-17"));
    }
  CU_ASSERT_EQUAL (n_hotspots (run), 0);
}

/* A fallback that loses is settled too: then='qualified-majority' 3/4 of
 * the votes cast, 2 of 3 for, 2 × 4 = 8 < 3 × 3 = 9, defeated; all three
 * rejected on 10 January, settled 3. */
static void
test_fallback_lost_is_settled (void)
{
  g_autoptr (GsScenario) s = three_items (
      "<voting rule='consensus' then='qualified-majority' fraction='3/4'/>");
  g_autoptr (GsRun) run = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);
  const GsBodyCounters *n = gs_run_body_counters (run, 0);
  CU_ASSERT_EQUAL (n->blocked, 3);
  CU_ASSERT_EQUAL (n->settled_by_fallback, 3);
  CU_ASSERT_EQUAL (gs_run_get_case (run, 0)->state, GS_CASE_REJECTED);
  CU_ASSERT_EQUAL (n_hotspots (run), 0);
}

/* Committees in common of A and B.  A's committee (a1, a2, a3; a3 never
 * supports) decides by consensus then simple majority; B's committee (b1)
 * by simple majority.  Two items on 10 January: A blocked by a3, then 2–1
 * carried; B carries 1–0; both approve, so the group carries.  A's
 * committee: blocked 2, settled 2; no hotspot. */
static void
test_fallback_in_common (void)
{
  const char *xml
      = "<scenario xmlns='urn:govsim:scenario:1' name='t' "
        "start='2024-01-01' horizon='P1M'>\n"
        "<organisation id='a' name='A' kind='nhs-trust'/>\n"
        "<organisation id='b' name='B' kind='nhs-trust'/>\n"
        "<matter id='m' name='Matter'/>\n"
        "<person id='a1' org='a' role='chair'/>"
        "<person id='a2' org='a' role='ned'/>"
        "<person id='a3' org='a' role='ned'/>"
        "<person id='b1' org='b' role='chair'/>\n"
        "<committees-in-common id='g' name='Group' parties='a b'>\n"
        "<committee id='ka' name='A committee' org='a'><member person='a1'/>"
        "<member person='a2'/><member person='a3'/>"
        "<voting rule='consensus' then='simple-majority'/></committee>\n"
        "<committee id='kb' name='B committee' org='b'>"
        "<member person='b1'/></committee>\n"
        "<meets first='2024-01-10' every='P7D' capacity='5'/>\n"
        "</committees-in-common>\n"
        "<proposal id='x1' title='X1' matter='m' lead='a' "
        "arrives='2024-01-02' body='g'/>"
        "<proposal id='x2' title='X2' matter='m' lead='a' "
        "arrives='2024-01-02' body='g'/>"
        "<stance support='1'/><stance person='a3' support='0'/>\n"
        "</scenario>\n";
  g_autoptr (GsScenario) s = gs_test_load_inline (xml);
  g_autoptr (GsRun) run = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);
  gint ka = gs_scenario_find_body (s, "ka");
  CU_ASSERT_FATAL (ka >= 0);
  const GsBodyCounters *n = gs_run_body_counters (run, (guint)ka);
  CU_ASSERT_EQUAL (n->blocked, 2);
  CU_ASSERT_EQUAL (n->settled_by_fallback, 2);
  CU_ASSERT_EQUAL (gs_run_get_case (run, 0)->state, GS_CASE_APPROVED);
  CU_ASSERT_EQUAL (gs_run_get_case (run, 1)->state, GS_CASE_APPROVED);
  CU_ASSERT_EQUAL (n_hotspots (run), 0);
}

/* A study of four replications of the same-meeting scenario: every
 * replication settles 3, so the mean is exactly 3 (the hand count), and a
 * part written and read back carries the same sum, 3 × 4 = 12.  A part of
 * schema 1 is refused by name. */
static void
test_fallback_study (void)
{
  g_autoptr (GsScenario) s
      = three_items ("<voting rule='consensus' then='simple-majority'/>");
  g_autoptr (GError) error = NULL;
  GsStudy *st = gs_study_new (s, 1);
  CU_ASSERT_TRUE_FATAL (gs_study_run (st, 0, 4, 1, NULL, NULL, &error));
  const GsStudyBody *sb = gs_study_body (st, 0);
  GsEstimate e = gs_moments_mean (&sb->settled, 4);
  CU_ASSERT_DOUBLE_EQUAL (e.value, 3.0, 1e-12);
  CU_ASSERT_DOUBLE_EQUAL (gs_moments_mean (&sb->blocked, 4).value, 3.0, 1e-12);

  g_autofree char *part = gs_study_to_part (st, 1, 1, 0, 4, 4);
  guint shard, shards;
  guint64 first, count, total;
  GsStudy *back = gs_study_from_part (s, part, &shard, &shards, &first, &count,
                                      &total, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (back);
  CU_ASSERT_EQUAL (gs_study_body (back, 0)->settled.x, 12);
  gs_study_free (back);

  /* The same part claiming schema 1: refused, saying why. */
  GString *old = g_string_new (part);
  const char *at = strstr (old->str, "\"schema\":2");
  CU_ASSERT_PTR_NOT_NULL_FATAL (at);
  old->str[at - old->str + strlen ("\"schema\":")] = '1';
  GsStudy *none = gs_study_from_part (s, old->str, &shard, &shards, &first,
                                      &count, &total, &error);
  CU_ASSERT_PTR_NULL (none);
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  CU_ASSERT_TRUE (contains (error->message, "parts of schema 1 lack"));
  g_string_free (old, TRUE);
  gs_study_free (st);
}

/* Problem of the no-hotspot line: a five-member committee by absolute
 * majority, p1 and p2 for, p3–p5 abstaining: 2 < 3, not carried although
 * more were for than against, and on='not-carried' sends it to an
 * arbitrator who approves.  No body stalls (no tie, no block, quorate),
 * so there is no hotspot, but the item was not carried or lost outright:
 * the line must say it went to dispute resolution, not "Nowhere". */
static void
test_fallback_escalated_not_nowhere (void)
{
  const char *xml
      = "<scenario xmlns='urn:govsim:scenario:1' name='t' "
        "start='2024-01-01' horizon='P2M'>\n"
        "<organisation id='oa' name='A' kind='nhs-trust'/>\n"
        "<matter id='m' name='Matter'/>\n"
        "<person id='p1' org='oa' role='chair'/>"
        "<person id='p2' org='oa' role='ned'/>"
        "<person id='p3' org='oa' role='ned'/>"
        "<person id='p4' org='oa' role='ned'/>"
        "<person id='p5' org='oa' role='ned'/>"
        "<committee id='k' name='K' org='oa'><member person='p1'/>"
        "<member person='p2'/><member person='p3'/><member person='p4'/>"
        "<member person='p5'/><voting rule='absolute-majority'/>"
        "<escalation ladder='l' on='not-carried'/>"
        "<meets first='2024-01-10' every='P7D' capacity='5'/></committee>"
        "<ladder id='l'><level decides='binding' forum='Arbitrator' "
        "within='P10D' approve='1'/></ladder>"
        "<proposal id='x' title='X' matter='m' lead='oa' "
        "arrives='2024-01-02' body='k'/>"
        "<stance support='1'/><stance person='p3' support='1' abstain='1'/>"
        "<stance person='p4' support='1' abstain='1'/>"
        "<stance person='p5' support='1' abstain='1'/>\n"
        "</scenario>\n";
  g_autoptr (GsScenario) s = gs_test_load_inline (xml);
  g_autoptr (GsRun) run = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);
  CU_ASSERT_EQUAL (gs_run_get_case (run, 0)->state, GS_CASE_APPROVED);
  CU_ASSERT_EQUAL (gs_run_get_case (run, 0)->disputes, 1);
  CU_ASSERT_EQUAL (n_hotspots (run), 0);
  g_autofree char *text = summary_text (run);
  CU_ASSERT_PTR_NULL (strstr (text, "Nowhere"));
  CU_ASSERT_PTR_NULL (strstr (text, "outright and nothing was left waiting"));
  CU_ASSERT_TRUE (contains (text, "  No body gridlocked: every meeting was "
                                  "quorate and no dispute ran out of "
                                  "escalation levels, but 1 proposal went to "
                                  "dispute resolution rather than being "
                                  "carried or lost outright.\n"));
  /* The HTML page says the same. */
  GsSummary *sum = gs_summary_new (run);
  g_autoptr (GString) html = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  CU_ASSERT_TRUE (gs_report_html_run (run, sum, NULL, html, &error));
  gs_summary_free (sum);
  CU_ASSERT_PTR_NULL (strstr (html->str, "Nowhere: every meeting"));
  CU_ASSERT_TRUE (contains (html->str, "1 proposal went to dispute "
                                       "resolution rather than being carried "
                                       "or lost outright."));
}

/* Two committees: K (consensus, then a simple majority at once) and T (a
 * simple majority with no casting vote of p1 for and p3 against).  The
 * same three items go to each on 10 January.  At K each is blocked by p3
 * and carried 2–1: 3 blocked, 3 settled, no stall.  At T each ties 1–1
 * and is rejected: 3 stalls, so T is the one hotspot, and K, left off the
 * list only for blocks that were settled, gets its "Not gridlock" line. */
static void
test_fallback_not_gridlock_line (void)
{
  const char *xml
      = "<scenario xmlns='urn:govsim:scenario:1' name='t' "
        "start='2024-01-01' horizon='P1M'>\n"
        "<organisation id='oa' name='A' kind='nhs-trust'/>\n"
        "<matter id='m' name='Matter'/>\n"
        "<person id='p1' org='oa' role='chair'/>"
        "<person id='p2' org='oa' role='ned'/>"
        "<person id='p3' org='oa' role='ned'/>"
        "<committee id='k' name='K' org='oa'><member person='p1'/>"
        "<member person='p2'/><member person='p3'/>"
        "<voting rule='consensus' then='simple-majority'/>"
        "<meets first='2024-01-10' every='P7D' capacity='5'/></committee>"
        "<committee id='t' name='T' org='oa'><member person='p1'/>"
        "<member person='p3'/><voting rule='simple-majority' casting='none'/>"
        "<meets first='2024-01-10' every='P7D' capacity='5'/></committee>"
        "<proposal id='x1' title='X1' matter='m' lead='oa' "
        "arrives='2024-01-02' body='k'/>"
        "<proposal id='x2' title='X2' matter='m' lead='oa' "
        "arrives='2024-01-02' body='k'/>"
        "<proposal id='x3' title='X3' matter='m' lead='oa' "
        "arrives='2024-01-02' body='k'/>"
        "<proposal id='y1' title='Y1' matter='m' lead='oa' "
        "arrives='2024-01-02' body='t'/>"
        "<proposal id='y2' title='Y2' matter='m' lead='oa' "
        "arrives='2024-01-02' body='t'/>"
        "<proposal id='y3' title='Y3' matter='m' lead='oa' "
        "arrives='2024-01-02' body='t'/>"
        "<stance support='1'/><stance person='p3' support='0'/>\n"
        "</scenario>\n";
  g_autoptr (GsScenario) s = gs_test_load_inline (xml);
  g_autoptr (GsRun) run = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);
  CU_ASSERT_EQUAL (n_hotspots (run), 1);
  g_autofree char *text = summary_text (run);
  CU_ASSERT_TRUE (contains (text, "  1. T: 3 tied votes with no casting "
                                  "vote"));
  CU_ASSERT_TRUE (contains (text, "  Not gridlock: K: 3 blocked consensus "
                                  "votes, all settled by the majority vote "
                                  "that follows.\n"));
}

int
main (void)
{
  static const GsTestCase cases[] = {
    { "same_meeting", test_fallback_same_meeting },
    { "none_without_then", test_fallback_none_without_then },
    { "next_meeting", test_fallback_next_meeting },
    { "lost_is_settled", test_fallback_lost_is_settled },
    { "in_common", test_fallback_in_common },
    { "study", test_fallback_study },
    { "escalated_not_nowhere", test_fallback_escalated_not_nowhere },
    { "not_gridlock_line", test_fallback_not_gridlock_line },
    { NULL, NULL },
  };
  return gs_test_run ("fallback", cases);
}

/* test-write.c — the helpers the data writers share, and the series behind
 * the HTML report's charts.
 *
 * Expected values are worked by hand:
 *  - ISO 8601 spellings follow the standard's designators (PnYnMnDTnHnM);
 *    90 minutes is PT1H30M, nothing at all P0D;
 *  - RFC 4180 §2.6-2.7: a field holding a comma, quote or line break is
 *    quoted and its quotes doubled;
 *  - tests/data/valid/reports-names.xml (every probability 0 or 1): the
 *    board meets on the 25th of each month from 2024-04-25; 'big' arrives
 *    2024-05-01 and 'small' 2024-05-02, both are approved at the meeting of
 *    2024-05-25, after 24 and 23 days.  The longest, 24 days, needs 25 bins
 *    of 1 day (more than 24), so bins are 2 days: 13 of them, 23 days in
 *    bin 11 ([22, 24)) and 24 in bin 12.  The period is 183 days (over
 *    120), so the backlog is sampled every 7 days from 2024-04-01: the
 *    instants 2024-05-06, -13 and -20 (5, 6 and 7) see both items before
 *    the board, 2024-04-29 (4) and 2024-05-27 (8) none.
 */
#include "gs-test.h"

#include "write/gs-json-private.h"
#include "write/gs-write-private.h"

#include <govsim/gs-loader.h>
#include <govsim/gs-series.h>

static void
check_iso (const char *text, const char *want)
{
  GsDuration d;
  CU_ASSERT_TRUE_FATAL (gs_duration_parse (text, &d, NULL));
  g_autofree char *got = gs__duration_to_iso (&d);
  CU_ASSERT_STRING_EQUAL (got, want);
}

static void
test_write_duration_iso (void)
{
  check_iso ("P1M", "P1M");
  check_iso ("P14D", "P14D");
  check_iso ("P2W", "P14D");
  check_iso ("P1Y6M", "P1Y6M");
  check_iso ("P1DT12H", "P1DT12H");
  check_iso ("PT90M", "PT1H30M");
  GsDuration zero = { 0 };
  g_autofree char *z = gs__duration_to_iso (&zero);
  CU_ASSERT_STRING_EQUAL (z, "P0D");
}

static void
test_write_csv_quoting (void)
{
  g_autoptr (GString) out = g_string_new (NULL);
  gs__csv_field (out, "plain", TRUE);
  gs__csv_field (out, "a,b", FALSE);
  gs__csv_field (out, "say \"hi\"", FALSE);
  gs__csv_field (out, "two\nlines", FALSE);
  gs__csv_field (out, NULL, FALSE);
  gs__csv_field (out, "Zoë", FALSE);
  gs__csv_end (out);
  CU_ASSERT_STRING_EQUAL (
      out->str, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,Zoë\r\n");
}

static void
test_write_json_estimate_and_header (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path
      = g_build_filename (GS_TEST_DATA_DIR, "valid", "reports-names.xml", NULL);
  g_autoptr (GsScenario) s = gs_loader_load_file (path, 0, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (s);
  g_autoptr (JsonBuilder) j = gs__json_begin ("study", s, 7);
  gs__json_estimate (j, "p_gridlock", 0.25, 0.1, 0.4, 0.95);
  gs__json_estimate (j, "nothing", NAN, NAN, NAN, 0.95);
  gs__json_money (j, "limit", GS_VALUE_MAX);
  gs__json_date (j, "never", GS_TIME_NEVER);
  g_autoptr (GString) out = g_string_new (NULL);
  gs__json_finish (j, out);

  g_autoptr (JsonParser) p = json_parser_new ();
  CU_ASSERT_TRUE_FATAL (json_parser_load_from_data (p, out->str, -1, NULL));
  JsonObject *o = json_node_get_object (json_parser_get_root (p));
  CU_ASSERT_STRING_EQUAL (json_object_get_string_member (o, "kind"), "study");
  CU_ASSERT_EQUAL (json_object_get_int_member (o, "schema"), GS_OUTPUT_SCHEMA);
  JsonObject *sc = json_object_get_object_member (o, "scenario");
  CU_ASSERT_STRING_EQUAL (json_object_get_string_member (sc, "name"),
                          gs_scenario_get_name (s));
  CU_ASSERT_EQUAL (json_object_get_int_member (sc, "seed"), 7);
  JsonObject *e = json_object_get_object_member (o, "p_gridlock");
  GS_ASSERT_NEAR (json_object_get_double_member (e, "value"), 0.25, 0);
  JsonArray *ci = json_object_get_array_member (e, "ci");
  CU_ASSERT_EQUAL (json_array_get_length (ci), 2);
  GS_ASSERT_NEAR (json_array_get_double_element (ci, 0), 0.1, 0);
  GS_ASSERT_NEAR (json_array_get_double_element (ci, 1), 0.4, 0);
  GS_ASSERT_NEAR (json_object_get_double_member (e, "level"), 0.95, 0);
  JsonObject *n = json_object_get_object_member (o, "nothing");
  CU_ASSERT_TRUE (json_object_get_null_member (n, "value"));
  CU_ASSERT_TRUE (json_object_get_null_member (o, "limit"));
  CU_ASSERT_TRUE (json_object_get_null_member (o, "never"));
}

static void
test_write_series_by_hand (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path
      = g_build_filename (GS_TEST_DATA_DIR, "valid", "reports-names.xml", NULL);
  g_autoptr (GsScenario) s = gs_loader_load_file (path, 0, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (s);
  g_autoptr (GsRun) run = gs_run_simulate (s, 7, 0, GS_RUN_NO_RECORDS, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (run);
  g_autoptr (GsSeries) se = gs_series_new (run);
  CU_ASSERT_EQUAL (se->bin_days, 2);
  CU_ASSERT_EQUAL_FATAL (se->days->len, 13);
  for (guint i = 0; i < 13; i++)
    {
      const GsDaysBin *b = &g_array_index (se->days, GsDaysBin, i);
      CU_ASSERT_EQUAL (b->lo, 2 * i);
      CU_ASSERT_EQUAL (b->approved, i == 11 || i == 12 ? 1u : 0u);
      CU_ASSERT_EQUAL (b->rejected, 0);
    }
  CU_ASSERT_EQUAL (se->step_days, 7);
  CU_ASSERT_EQUAL (se->n_times, 27); /* ceil (183 / 7) */
  CU_ASSERT_EQUAL_FATAL (se->backlog->len, 1);
  const GsBacklog *bl = &g_array_index (se->backlog, GsBacklog, 0);
  CU_ASSERT_EQUAL (bl->peak, 2);
  for (guint k = 0; k < se->n_times; k++)
    CU_ASSERT_EQUAL (bl->counts[k], k >= 5 && k <= 7 ? 2u : 0u);
}

static const GsTestCase cases[] = {
  { "test_write_duration_iso", test_write_duration_iso },
  { "test_write_csv_quoting", test_write_csv_quoting },
  { "test_write_json_estimate_and_header",
    test_write_json_estimate_and_header },
  { "test_write_series_by_hand", test_write_series_by_hand },
  { NULL, NULL },
};

int
main (void)
{
  return gs_test_run ("write", cases);
}

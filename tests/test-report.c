/* test-report.c — the words of the text writers.
 *
 * The golden tests hold whole reports; these check the pieces a reader
 * relies on: money with separators, the sentence for an inquorate meeting
 * in the form the terms-of-reference users asked for, and columns that
 * count characters rather than bytes.
 */
#include "gs-test-scenario.h"

#include <govsim/gs-loader.h>
#include <govsim/gs-phrase.h>
#include <govsim/gs-report.h>

#include <string.h>

static void
test_report_money (void)
{
  struct
  {
    gint64 pounds;
    const char *text;
  } cases[] = {
    { 0, "£0" },          { 999, "£999" },           { 1000, "£1,000" },
    { 75000, "£75,000" }, { 3200000, "£3,200,000" }, { -1500, "-£1,500" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GString) out = g_string_new (NULL);
      gs_phrase_money (out, cases[i].pounds);
      CU_ASSERT_STRING_EQUAL (out->str, cases[i].text);
    }
}

/* Two organisations, so bodies are named with their organisation; the
 * only other member never attends, so the committee is inquorate. */
static const char inquorate_xml[]
    = "<scenario xmlns='urn:govsim:scenario:1' name='r' start='2024-05-01' "
      "horizon='P2M'>"
      "<organisation id='a' name='Trust A' kind='nhs-trust'/>"
      "<organisation id='b' name='Trust B' kind='nhs-trust'/>"
      "<matter id='m' name='Capital'/>"
      "<person id='p1' name='Ann' org='a' role='ned'/>"
      "<person id='p2' name='Bob' org='a' role='ned' attendance='0'/>"
      "<person id='p3' name='Cy' org='a' role='ned' attendance='0'/>"
      "<committee id='fc' name='Finance Committee' org='a'>"
      "<member person='p1'/><member person='p2'/><member person='p3'/>"
      "<quorum present='2'/><meets first='2024-05-14' every='P28D' "
      "capacity='4'/></committee>"
      "<proposal id='t' title='Theatre refurbishment' matter='m' lead='a' "
      "arrives='2024-05-02' body='fc'/>"
      "</scenario>";

static void
test_report_inquorate_sentence (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GsScenario) s = gs_loader_load_bytes (
      inquorate_xml, strlen (inquorate_xml), "inline", &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (s);
  g_autoptr (GsRun) run = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);
  g_autoptr (GString) out = g_string_new (NULL);
  gs_report_text_trace (run, out);
  CU_ASSERT_PTR_NOT_NULL (strstr (
      out->str, "2024-05-14 Finance Committee (Trust A): inquorate — 1 of 3 "
                "present, quorum 2; absent: Bob and Cy\n"));
  /* Both meetings of the period (14 May, 11 June; it ends on 1 July) are
   * inquorate: one line for the run of two, at the end of the period. */
  CU_ASSERT_PTR_NOT_NULL (strstr (
      out->str, "2024-07-01 Finance Committee (Trust A): 'Theatre "
                "refurbishment' carried over at 2 meetings, 2024-05-14 to "
                "2024-06-11, inquorate each time; still waiting\n"));
}

/* Every line of the summary tables is as wide in characters whatever the
 * names hold: "Comité" has a two-byte é and must not shift its row. */
static void
test_report_columns_count_characters (void)
{
  g_autofree char *xml = g_strdup (inquorate_xml);
  char *name = strstr (xml, "Finance Committee");
  memcpy (name, "Comité  Financier", strlen ("Finance Committee"));
  g_autoptr (GError) error = NULL;
  g_autoptr (GsScenario) s
      = gs_loader_load_bytes (xml, strlen (xml), "inline", &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (s);
  g_autoptr (GsRun) run = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GsSummary) sum = gs_summary_new (run);
  gs_report_text_summary (run, sum, out);
  g_auto (GStrv) lines = g_strsplit (out->str, "\n", -1);
  glong header = -1, row = -1;
  for (char **l = lines; *l; l++)
    {
      if (g_str_has_prefix (*l, "body") && strstr (*l, "meetings"))
        header = g_utf8_strlen (*l, -1);
      if (g_str_has_prefix (*l, "Comité"))
        row = g_utf8_strlen (*l, -1);
    }
  CU_ASSERT (header > 0);
  CU_ASSERT_EQUAL (row, header);
}

static const GsTestCase cases[] = {
  { "test_report_money", test_report_money },
  { "test_report_inquorate_sentence", test_report_inquorate_sentence },
  { "test_report_columns_count_characters",
    test_report_columns_count_characters },
  { NULL, NULL },
};

int
main (void)
{
  return gs_test_run ("report", cases);
}

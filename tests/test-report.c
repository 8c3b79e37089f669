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

/* What a record callback collected: each record's line, as the callback
 * worded it while the run went on. */
typedef struct
{
  GString *text;  /* every line */
  GString *votes; /* the lines of votes */
  guint listed;   /* records with a list */
  guint kept;     /* ... whose list the run already holds during the call */
} Heard;

static gboolean
is_vote (GsRecordKind kind)
{
  return kind == GS_REC_APPROVED || kind == GS_REC_REJECTED
         || kind == GS_REC_TIED || kind == GS_REC_BLOCKED
         || kind == GS_REC_NO_VOTES || kind == GS_REC_CONSTITUENT;
}

/* Appends the line of @r to @text, and to @votes if it is a vote's. */
static void
word (GString *text, GString *votes, const GsRun *run, const GsRecord *r,
      const guint32 *refs)
{
  gsize from = text->len;
  gs_report_text_record (text, run, r, refs);
  if (is_vote (r->kind))
    g_string_append (votes, text->str + from);
}

static void
word_heard (const GsRun *run, const GsRecord *record, const guint32 *refs,
            guint n_refs, gpointer user_data)
{
  Heard *h = user_data;
  CU_ASSERT_EQUAL (record->n_refs, n_refs);
  guint n = n_refs + record->n_refs2;
  if (n > 0)
    {
      h->listed++;
      CU_ASSERT_PTR_NOT_NULL (refs);
      if (record->refs != GS_NONE)
        {
          /* A run that keeps records holds the list during the call. */
          const guint32 *held = gs_run_record_refs (run, record);
          CU_ASSERT_PTR_NOT_NULL_FATAL (held);
          CU_ASSERT_EQUAL (memcmp (held, refs, n * sizeof *refs), 0);
          h->kept++;
        }
    }
  word (h->text, h->votes, run, record, refs);
}

/* A record callback may word each record as it is made, with or without
 * records kept: its lines are those of the same run (same seed) keeping
 * its records.  The ICB scenario's votes bind several organisations and
 * its joint committee's consensus, one vote per organisation, is blocked
 * with a second list of organisations, which is read after the first:
 * a callback's record with no length for its first list read the
 * objectors as organisations. */
static void
test_report_record_from_callback (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GsScenario) s = gs_loader_load_file (
      GS_SCENARIO_DIR "/icb-delegated-functions.xml", 0, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (s);

  g_autoptr (GsRun) kept = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GString) votes = g_string_new (NULL);
  guint blocked2 = 0;
  for (guint i = 0; i < gs_run_n_records (kept); i++)
    {
      const GsRecord *r = gs_run_get_record (kept, i);
      word (text, votes, kept, r, gs_run_record_refs (kept, r));
      blocked2 += r->kind == GS_REC_BLOCKED && r->n_refs2 > 0;
    }
  CU_ASSERT (strstr (votes->str, "; binds ") != NULL);
  CU_ASSERT (blocked2 > 0);

  for (guint k = 0; k < 2; k++)
    {
      gboolean keep = k == 1;
      g_autoptr (GString) heard_text = g_string_new (NULL);
      g_autoptr (GString) heard_votes = g_string_new (NULL);
      Heard h = { .text = heard_text, .votes = heard_votes };
      g_autoptr (GsRun) run
          = gs_run_new (s, keep ? GS_RUN_FLAGS_NONE : GS_RUN_NO_RECORDS);
      gs_run_set_record_func (run, word_heard, &h);
      CU_ASSERT_TRUE_FATAL (gs_run_execute (run, 1, 0, NULL));
      CU_ASSERT_EQUAL (gs_run_n_records (run),
                       keep ? gs_run_n_records (kept) : 0);
      CU_ASSERT (h.listed > 0);
      CU_ASSERT_EQUAL (h.kept, keep ? h.listed : 0);
      CU_ASSERT_STRING_EQUAL (heard_votes->str, votes->str);
      CU_ASSERT_STRING_EQUAL (heard_text->str, text->str);
    }
}

/* Counts the criticals of govsim's g_return_if_fail() checks. */
static void
count_critical (const gchar *domain, GLogLevelFlags level, const gchar *message,
                gpointer user_data)
{
  (void)domain, (void)level, (void)message;
  (*(guint *)user_data)++;
}

static void
refuse_heard (const GsRun *run, const GsRecord *record, const guint32 *refs,
              guint n_refs, gpointer user_data)
{
  (void)refs;
  guint *refused = user_data;
  if (n_refs == 0 || *refused > 0)
    return;
  CU_ASSERT_EQUAL (record->refs, GS_NONE);
  guint criticals = 0;
  guint handler = g_log_set_handler ("govsim", G_LOG_LEVEL_CRITICAL,
                                     count_critical, &criticals);
  g_autoptr (GString) out = g_string_new (NULL);
  CU_ASSERT_PTR_NULL (gs_run_record_refs (run, record));
  gs_report_text_record (out, run, record, NULL);
  g_log_remove_handler ("govsim", handler);
  CU_ASSERT_EQUAL (out->len, 0);
  CU_ASSERT_EQUAL (criticals, 2);
  (*refused)++;
}

/* On a run that keeps no records the list of a record is only the
 * callback's: the run refuses to find it, and the text writer to word a
 * record without it, rather than read what is not there. */
static void
test_report_record_refs_refused (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GsScenario) s = gs_loader_load_file (
      GS_SCENARIO_DIR "/icb-delegated-functions.xml", 0, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (s);
  guint refused = 0;
  g_autoptr (GsRun) run = gs_run_new (s, GS_RUN_NO_RECORDS);
  gs_run_set_record_func (run, refuse_heard, &refused);
  CU_ASSERT_TRUE_FATAL (gs_run_execute (run, 1, 0, NULL));
  CU_ASSERT_EQUAL (refused, 1);
}

static const GsTestCase cases[] = {
  { "test_report_money", test_report_money },
  { "test_report_inquorate_sentence", test_report_inquorate_sentence },
  { "test_report_columns_count_characters",
    test_report_columns_count_characters },
  { "test_report_record_from_callback", test_report_record_from_callback },
  { "test_report_record_refs_refused", test_report_record_refs_refused },
  { NULL, NULL },
};

int
main (void)
{
  return gs_test_run ("report", cases);
}

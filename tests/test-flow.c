/* test-flow.c — a case's way in, through its pathway and onto its body's
 * agenda: the plain ways against the general ones.
 *
 * The run takes shortcuts for the common case, a case with an implicit
 * one-body pathway: a generated one's plain way in (gs-traffic.c), the
 * opening of its one gateway and its settling (gs-pathway.c).  The expected
 * values here come from the general way itself: every scenario is executed
 * twice, once with run->general_only set (every case takes the general way) and
 * once without, for several replications on the same run (so that the second
 * and later ones write over the storage the first left behind), and the
 * two executions must agree on every record their callback saw, every
 * field of every case, gateway and slot, every counter and the summary.
 */
#include "gs-test-scenario.h"

#include "run/gs-run-private.h"

#include <govsim/gs-summary.h>

/* The kinds a callback takes: every one, or every one but the arrival's
 * (which the plain way needs nobody to see). */
#define ALL_KINDS      G_MAXUINT64
#define BUT_ARRIVALS   (~(G_GUINT64_CONSTANT (1) << GS_REC_ARRIVED))
#define N_REPLICATIONS 3

static void
on_record (const GsRun *run, const GsRecord *r, const guint32 *refs,
           guint n_refs, gpointer data)
{
  (void)run;
  GString *out = data;
  g_string_append_printf (
      out, "%d %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %u %u %u %u:", r->kind,
      (gint64)r->time, (gint64)r->when, r->body, r->item, n_refs, r->n_refs2);
  for (guint i = 0; i < GS_RECORD_SLOTS; i++)
    g_string_append_printf (out, " %d", r->slot[i]);
  g_string_append (out, " /");
  for (guint i = 0; i < n_refs + r->n_refs2; i++)
    g_string_append_printf (out, " %u", refs[i]);
  g_string_append_c (out, '\n');
}

/* Everything the run leaves of an execution, as text. */
static void
fingerprint (const GsRun *run, GString *out)
{
  for (guint i = 0; i < run->cases->len; i++)
    {
      const GsCase *c = GS_RUN_CASE (run, i);
      g_string_append_printf (
          out,
          "case %u: %d %u %u %u %" G_GINT64_FORMAT " %u %u %u %u %u %u %p"
          " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT
          " %d %u %u %u %u %u %u\n",
          i, c->state, c->pathway, c->slots, c->decisions, (gint64)c->decided,
          c->proposal, c->arrivals, c->serial, c->matter, c->lead, c->n_affects,
          (const void *)c->affects, c->value, (gint64)c->arrives,
          (gint64)c->due, c->missed, c->carried, c->returns, c->disputes,
          c->climbed, c->gates, c->breaches);
    }
  for (guint i = 0; i < run->gates->len; i++)
    {
      const GsGate *g = &g_array_index (run->gates, GsGate, i);
      g_string_append_printf (
          out, "gate %u: %d %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n", i,
          g->state, (gint64)g->opened, (gint64)g->closed);
    }
  for (guint i = 0; i < run->slots->len; i++)
    {
      const GsSlot *s = GS_RUN_SLOT (run, i);
      g_string_append_printf (
          out,
          "slot %u: %u %u %u %u %d %u %u %u %u %" G_GINT64_FORMAT
          " %" G_GINT64_FORMAT " %u\n",
          i, s->item, s->body, s->gate, s->epoch, s->state, s->ready,
          s->majority_due, s->at, s->carry_from, (gint64)s->since,
          (gint64)s->settled, s->disputed);
      /* The dispute part is read only once a dispute has started (before,
       * it holds whatever an earlier case at that index left). */
      if (s->disputed)
        {
          const GsSlotDispute *d = gs__slot_dispute (run, s);
          g_string_append_printf (out, "  dispute: %d %u %u %u %u %u %u\n",
                                  d->ladder, d->level, d->climbed, d->dispute,
                                  d->ref_yes, d->ref_no, d->referred_by);
        }
    }
  const GsRunCounters *k = gs_run_counters (run);
  g_string_append_printf (out, "records %u breaches %u examples %u\n",
                          k->records, k->breach_total, k->n_examples);
  for (guint b = 0; b < run->n_bodies; b++)
    {
      const GsBodyCounters *n = gs_run_body_counters (run, b);
      const guint *w = (const guint *)n;
      g_string_append_printf (out, "body %u:", b);
      G_STATIC_ASSERT (sizeof (GsBodyCounters) % sizeof (guint) == 0);
      for (guint j = 0; j < sizeof (GsBodyCounters) / sizeof (guint); j++)
        g_string_append_printf (out, " %u", w[j]);
      g_string_append_c (out, '\n');
    }
  g_autoptr (GsSummary) summary = gs_summary_new (run);
  gs_report_text_summary (run, summary, out);
}

/* Executes replication @rep of @seed on @run, which must succeed. */
static void
execute_one (GsRun *run, guint64 seed, guint64 rep)
{
  g_autoptr (GError) error = NULL;
  gboolean ok = gs_run_execute (run, seed, rep, &error);
  if (error != NULL)
    fprintf (stderr, "%s\n", error->message);
  CU_ASSERT_TRUE_FATAL (ok);
}

/* Executes @s for replications 0 .. N_REPLICATIONS − 1 of @seed on one run,
 * the general way or not, with a callback for @kinds; returns the
 * fingerprints, and in @plain the run's plain streams of the last. */
static char *
execute (const GsScenario *s, guint64 seed, gboolean general, guint64 kinds,
         guint64 *plain)
{
  GString *out = g_string_new (NULL);
  g_autoptr (GsRun) run = gs_run_new (s, GS_RUN_NO_RECORDS);
  run->general_only = general;
  gs_run_set_record_func_for (run, kinds, on_record, out);
  for (guint64 rep = 0; rep < N_REPLICATIONS; rep++)
    {
      execute_one (run, seed, rep);
      CU_ASSERT_TRUE (gs_run_check (run, NULL));
      fingerprint (run, out);
    }
  *plain = run->plain_streams;
  return g_string_free (out, FALSE);
}

/* Compares the two ways on @s; returns the plain streams chosen. */
static guint64
compare (const GsScenario *s, const char *what)
{
  guint64 plain = 0, none = 0;
  for (guint64 seed = 1; seed <= 2; seed++)
    for (guint k = 0; k < 2; k++)
      {
        guint64 kinds = k == 0 ? BUT_ARRIVALS : ALL_KINDS;
        g_autofree char *general = execute (s, seed, TRUE, kinds, &none);
        g_autofree char *fast = execute (s, seed, FALSE, kinds, &plain);
        CU_ASSERT_EQUAL (none, 0);
        if (g_strcmp0 (general, fast) != 0)
          fprintf (stderr, "%s, seed %" G_GUINT64_FORMAT ": the ways differ\n",
                   what, seed);
        CU_ASSERT_STRING_EQUAL (general, fast);
      }
  return plain;
}

static GsScenario *
load_file (const char *path)
{
  g_autoptr (GError) error = NULL;
  GsScenario *s = gs_loader_load_file (path, 0, &error);
  if (error != NULL)
    fprintf (stderr, "%s: %s\n", path, error->message);
  CU_ASSERT_PTR_NOT_NULL_FATAL (s);
  return s;
}

/* The benchmark's committee: its one stream takes the plain way. */
static void
test_flow_committee (void)
{
  g_autoptr (GsScenario) s
      = load_file (GS_SCENARIO_DIR "/../bench/committee.xml");
  CU_ASSERT_EQUAL (compare (s, "committee"), 1);
}

/* Every example scenario, whatever ways its streams take. */
static void
test_flow_scenarios (void)
{
  g_autoptr (GDir) dir = g_dir_open (GS_SCENARIO_DIR, 0, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (dir);
  guint n = 0;
  const char *name;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (!g_str_has_suffix (name, ".xml"))
        continue;
      g_autofree char *path = g_build_filename (GS_SCENARIO_DIR, name, NULL);
      g_autoptr (GsScenario) s = load_file (path);
      compare (s, name);
      n++;
    }
  CU_ASSERT_TRUE (n >= 10);
}

/* A committee like the benchmark's, with @escalation (may be empty), @meets
 * and @arrivals as given. */
static GsScenario *
committee (const char *meets, const char *escalation, const char *arrivals)
{
  g_autofree char *xml = g_strdup_printf (
      "<scenario xmlns='urn:govsim:scenario:1' name='flow' start='2024-01-01'"
      " horizon='P2Y' seed='1'>"
      "<organisation id='org' name='Trust' kind='nhs-trust'/>"
      "<person id='m1' name='M1' org='org' role='chair' director='true'"
      " attendance='0.8'/>"
      "<person id='m2' name='M2' org='org' role='ned' director='true'"
      " attendance='0.8'/>"
      "<person id='m3' name='M3' org='org' role='ned' director='true'"
      " attendance='0.8'/>"
      "<person id='m4' name='M4' org='org' role='executive' director='true'"
      " attendance='0.8'/>"
      "<person id='m5' name='M5' org='org' role='executive' director='true'"
      " attendance='0.8'/>"
      "<matter id='item' name='Item'/>"
      "<committee id='c' name='Committee' org='org'>"
      "<member person='m1'/><member person='m2'/><member person='m3'/>"
      "<member person='m4'/><member person='m5'/>"
      "<quorum present='3'/>"
      "<voting rule='simple-majority' casting='none'/>"
      "%s%s"
      "</committee>"
      "%s"
      "<stance support='0.6'/>"
      "%s"
      "</scenario>",
      escalation, meets,
      *escalation == '\0' ? ""
                          : "<ladder id='up' name='Up'><level decides='chair' "
                            "person='m1' within='P10D'/>"
                            "</ladder>",
      arrivals);
  return gs_test_load_inline (xml);
}

/* Notice periods, deadline order, deadlines and a second stream, with a
 * small capacity so that the agenda carries items over. */
static void
test_flow_notice_and_deadlines (void)
{
  g_autoptr (GsScenario) s = committee (
      "<meets first='2024-01-01' every='P7D' capacity='3' notice='P3D'"
      " order='deadline'/>",
      "",
      "<arrivals id='a' title='A' matter='item' body='c' lead='org'"
      " first='2024-01-01' every='P1D' process='poisson' count='1000'"
      " deadline='P1M' value='lognormal:11,0.7'/>"
      "<arrivals id='b' title='B' matter='item' body='c' lead='org'"
      " first='2024-01-03' every='P3D' count='100' deadline='P2M'/>");
  CU_ASSERT_EQUAL (compare (s, "notice and deadlines"), 3);
}

/* An escalation ahead of the deadline leaves a stream with deadlines to the
 * general way; one without deadlines still takes the plain way. */
static void
test_flow_escalation_before_deadline (void)
{
  g_autoptr (GsScenario) s = committee (
      "<meets first='2024-01-01' every='P7D' capacity='2'/>",
      "<escalation ladder='up' on='tie' before-deadline='P7D'/>",
      "<arrivals id='a' title='A' matter='item' body='c' lead='org'"
      " first='2024-01-01' every='P1D' process='poisson' count='1000'"
      " deadline='P1M'/>"
      "<arrivals id='b' title='B' matter='item' body='c' lead='org'"
      " first='2024-01-02' every='P2D' process='poisson' count='300'/>");
  CU_ASSERT_EQUAL (compare (s, "escalation before the deadline"), 2);
}

/* ---- the end of a run ------------------------------------------------

   When nobody sees a CARRIED or a PENDING_AT_END record, the end of a run
   counts the pending items' carry-overs per body, from each body's sums,
   and makes up a pending case's own count when it is read
   (gs__agenda_end(), gs_run_get_case()).  It must leave what visiting every
   pending case leaves: the same counters, the same cases (read through
   gs_run_get_case(), in either order, twice), the same slots once every
   case has been read. */

#define END_KINDS                                                              \
  ((G_GUINT64_CONSTANT (1) << GS_REC_CARRIED)                                  \
   | (G_GUINT64_CONSTANT (1) << GS_REC_PENDING_AT_END))

/* on_record(), leaving out the records of the end. */
static void
on_record_but_end (const GsRun *run, const GsRecord *r, const guint32 *refs,
                   guint n_refs, gpointer data)
{
  if ((END_KINDS & (G_GUINT64_CONSTANT (1) << r->kind)) == 0)
    on_record (run, r, refs, n_refs, data);
}

/* Executes @s as execute() does, the end visiting every pending case
 * (@visit: a callback takes the end's records) or not, with a callback for
 * the other kinds but the arrival's when @others; reads the cases through
 * gs_run_get_case(), from the last when @backwards, before the
 * fingerprint. */
static char *
execute_end (const GsScenario *s, guint64 seed, gboolean visit, gboolean others,
             gboolean backwards)
{
  GString *out = g_string_new (NULL);
  g_autoptr (GsRun) run = gs_run_new (s, GS_RUN_NO_RECORDS);
  guint64 kinds
      = (visit ? END_KINDS : 0) | (others ? BUT_ARRIVALS & ~END_KINDS : 0);
  if (kinds != 0)
    gs_run_set_record_func_for (run, kinds, on_record_but_end, out);
  for (guint64 rep = 0; rep < N_REPLICATIONS; rep++)
    {
      execute_one (run, seed, rep);
      CU_ASSERT_EQUAL (run->carried_open, !visit);
      guint n = gs_run_n_cases (run);
      guint64 carried = 0;
      for (guint j = 0; j < 2 * n; j++)
        {
          guint i = backwards ? n - 1 - j % n : j % n;
          carried += gs_run_get_case (run, i)->carried;
        }
      g_string_append_printf (out, "carried %" G_GUINT64_FORMAT "\n", carried);
      CU_ASSERT_TRUE (gs_run_check (run, NULL));
      fingerprint (run, out);
    }
  return g_string_free (out, FALSE);
}

static void
compare_end (const GsScenario *s, const char *what)
{
  for (guint64 seed = 1; seed <= 2; seed++)
    for (guint k = 0; k < 4; k++)
      {
        gboolean others = k & 1, backwards = k >> 1;
        g_autofree char *visit = execute_end (s, seed, TRUE, others, FALSE);
        g_autofree char *sums = execute_end (s, seed, FALSE, others, backwards);
        if (g_strcmp0 (visit, sums) != 0)
          fprintf (stderr, "%s, seed %" G_GUINT64_FORMAT ": the ends differ\n",
                   what, seed);
        CU_ASSERT_STRING_EQUAL (visit, sums);
      }
}

/* The committee with a growing backlog (capacity 10 for about 28 a week),
 * every example scenario, and the committees above. */
static void
test_end_scenarios (void)
{
  g_autoptr (GsScenario) bench
      = load_file (GS_SCENARIO_DIR "/../bench/committee.xml");
  compare_end (bench, "committee");
  g_autoptr (GsScenario) backlog = committee (
      "<meets first='2024-01-01' every='P7D' capacity='10'/>", "",
      "<arrivals id='a' title='A' matter='item' body='c' lead='org'"
      " first='2024-01-01' every='PT6H' process='poisson' count='3000'/>");
  compare_end (backlog, "backlog");
  g_autoptr (GsScenario) notice = committee (
      "<meets first='2024-01-01' every='P7D' capacity='3' notice='P3D'"
      " order='deadline'/>",
      "",
      "<arrivals id='a' title='A' matter='item' body='c' lead='org'"
      " first='2024-01-01' every='P1D' process='poisson' count='1000'"
      " deadline='P1M' value='lognormal:11,0.7'/>"
      "<arrivals id='b' title='B' matter='item' body='c' lead='org'"
      " first='2024-01-03' every='P3D' count='100' deadline='P2M'/>");
  compare_end (notice, "notice and deadlines");
  g_autoptr (GsScenario) escalation = committee (
      "<meets first='2024-01-01' every='P7D' capacity='2'/>",
      "<escalation ladder='up' on='tie' before-deadline='P7D'/>",
      "<arrivals id='a' title='A' matter='item' body='c' lead='org'"
      " first='2024-01-01' every='P1D' process='poisson' count='1000'"
      " deadline='P1M'/>"
      "<arrivals id='b' title='B' matter='item' body='c' lead='org'"
      " first='2024-01-02' every='P2D' process='poisson' count='300'/>");
  compare_end (escalation, "escalation before the deadline");
  const char *dirs[] = { GS_SCENARIO_DIR, GS_TEST_DATA_DIR "/valid" };
  for (guint d = 0; d < G_N_ELEMENTS (dirs); d++)
    {
      g_autoptr (GDir) dir = g_dir_open (dirs[d], 0, NULL);
      CU_ASSERT_PTR_NOT_NULL_FATAL (dir);
      const char *name;
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          if (!g_str_has_suffix (name, ".xml"))
            continue;
          g_autofree char *path = g_build_filename (dirs[d], name, NULL);
          g_autoptr (GsScenario) s = load_file (path);
          compare_end (s, name);
        }
    }
}

static const GsTestCase cases[] = {
  { "test_flow_committee", test_flow_committee },
  { "test_flow_scenarios", test_flow_scenarios },
  { "test_flow_notice_and_deadlines", test_flow_notice_and_deadlines },
  { "test_flow_escalation_before_deadline",
    test_flow_escalation_before_deadline },
  { "test_end_scenarios", test_end_scenarios },
  { NULL, NULL },
};

int
main (void)
{
  return gs_test_run ("flow", cases);
}

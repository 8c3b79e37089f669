/* test-compare.c — comparisons of terms of reference: variants applied to
 * the document, common random numbers, paired differences, transitions.
 *
 * The expected results, and where each comes from:
 *   - a variant that changes nothing runs exactly the baseline's draws, so
 *     every difference is exactly zero (GsDifference.identical) and no
 *     case changes fate: the definition of common random numbers;
 *   - a variant that changes only the voting rule leaves every case's
 *     arrival, value and key, and every meeting's attendance, identical
 *     replication by replication: keyed draws (DESIGN.md §7), and a voting
 *     rule is consulted only after attendance is drawn;
 *   - tests/data/valid/compare-deterministic.xml is worked by hand in its
 *     comment: per replication three cases go approved → rejected, one
 *     stays approved, P(approved) falls from 1 to 0.25 with a zero-width
 *     interval;
 *   - on the teaching pair (scenarios/acute-alliance-jc.xml, quorum of
 *     four with majority) the paired interval of the mean days to a
 *     decision is narrower than the unpaired one: the same traffic and
 *     attendance cancel out of the difference;
 *   - bad targets, unknown ids, values the schema refuses and empty
 *     sweeps each fail with their error domain and code;
 *   - additions, worked by hand in compare-deterministic.xml's comment: a
 *     quorum rule of two NEDs with one NED sends all four cases approved →
 *     pending (P(approved) 1 → 0), a fifth proposal for Trust A goes did
 *     not arrive → approved once a replication; the same additions on the
 *     command line give the same tables as in the file, and the added
 *     elements' lines are their lines in the file (48 and 53, counted);
 *   - variants of a ladder level (who decides, its time limit, how it
 *     decides), of a delegation's limit and end date (the breach at the
 *     boundary value and day), of the urgent route (chair's action on or
 *     off, its limit, written resolutions by majority and unanimity) and
 *     of a stream (rate, count, first date): each outcome worked by hand
 *     in the comment of its file, tests/data/valid/variant-escalation.xml,
 *     variant-delegation.xml, variant-urgent.xml and variant-arrivals.xml;
 *   - --precision's measure (gs_compare_precision()) is exactly 0 on the
 *     deterministic pair, every replication being the same, and infinite
 *     before any replication.
 */
#include "run/gs-run-private.h"
#include "gs-test.h"

#include <govsim/gs-checks.h>
#include <govsim/gs-compare.h>
#include <govsim/gs-loader.h>
#include <govsim/gs-variant.h>

#include <math.h>
#include <string.h>

#define TEACHING      GS_SCENARIO_DIR "/acute-alliance-jc.xml"
#define DETERMINISTIC GS_TEST_DATA_DIR "/valid/compare-deterministic.xml"
#define NEW_CLAUSES   GS_TEST_DATA_DIR "/valid/variant-new-clauses.xml"
#define ESCALATION    GS_TEST_DATA_DIR "/valid/variant-escalation.xml"
#define DELEGATION    GS_TEST_DATA_DIR "/valid/variant-delegation.xml"
#define URGENT        GS_TEST_DATA_DIR "/valid/variant-urgent.xml"
#define ARRIVALS      GS_TEST_DATA_DIR "/valid/variant-arrivals.xml"

static GsSource *
load_source (const char *path)
{
  g_autoptr (GError) error = NULL;
  GsSource *src = gs_source_load_file (path, 0, &error);
  if (error != NULL)
    fprintf (stderr, "%s\n", error->message);
  CU_ASSERT_PTR_NOT_NULL_FATAL (src);
  return src;
}

static GsTerms *
build (const GsSource *src, const GsVariant *v)
{
  g_autoptr (GError) error = NULL;
  GsTerms *t = gs_source_build (src, v, &error);
  if (error != NULL)
    fprintf (stderr, "%s\n", error->message);
  CU_ASSERT_PTR_NOT_NULL_FATAL (t);
  return t;
}

static GsCompare *
compare_two (const GsTerms *a, const GsTerms *b, guint64 reps, guint threads)
{
  const GsScenario *s[2]
      = { gs_terms_get_scenario (a), gs_terms_get_scenario (b) };
  const char *labels[2] = { "A", "B" };
  GsCompare *c = gs_compare_new (s, labels, 2, 3);
  g_autoptr (GError) error = NULL;
  CU_ASSERT_TRUE (gs_compare_run (c, 0, reps, threads, &error));
  CU_ASSERT_PTR_NULL (error);
  return c;
}

/* ---- common random numbers ------------------------------------------------
 */

static void
test_compare_null_variant_is_exactly_zero (void)
{
  g_autoptr (GsSource) src = load_source (TEACHING);
  g_autoptr (GsVariant) same = gs_variant_new ("same");
  g_autoptr (GsTerms) a = build (src, NULL);
  g_autoptr (GsTerms) b = build (src, same);
  g_autoptr (GsCompare) c = compare_two (a, b, 200, 2);
  guint64 reps = gs_compare_n_replications (c);
  CU_ASSERT_EQUAL (reps, 200);
  for (guint m = 0; m < GS_HEAD_N; m++)
    {
      const GsPaired *p = gs_compare_headline (c, 1, m);
      GsDifference d = gs_compare_difference (
          p, gs_compare_headline_metric (m)->kind, reps);
      CU_ASSERT_EQUAL (p->diff, 0);
      CU_ASSERT_TRUE (d.identical);
      CU_ASSERT_FALSE (d.excludes);
      CU_ASSERT_EQUAL (d.paired.value, 0.0);
      CU_ASSERT_EQUAL (d.paired.lo, 0.0);
      CU_ASSERT_EQUAL (d.paired.hi, 0.0);
    }
  for (guint bi = 0; bi < gs_compare_n_bodies (c); bi++)
    for (guint m = 0; m < GS_BODY_N; m++)
      CU_ASSERT_EQUAL (gs_compare_body (c, 1, bi, m)->diff, 0);
  const GsCompareCase *all = gs_compare_all_cases (c, 1);
  CU_ASSERT_EQUAL (all->changed, 0);
  CU_ASSERT_TRUE (all->seen > 0);
  g_autoptr (GPtrArray) top = gs_compare_most_changed (c, 1, 10);
  CU_ASSERT_EQUAL (top->len, 0);
  /* Not vacuous: the scenario does vary between replications. */
  CU_ASSERT_TRUE (gs_compare_headline (c, 1, GS_HEAD_APPROVED)->a.hits > 0);
  const GsMoments *ap = &gs_compare_headline (c, 1, GS_HEAD_APPROVED)->a;
  CU_ASSERT_TRUE (ap->xx * reps != (GsU128)ap->x * ap->x);
  g_autoptr (GPtrArray) diff = gs_terms_diff (a, b);
  CU_ASSERT_EQUAL (diff->len, 0);
}

/* Appends what a run's traffic and attendance were: every case's key,
 * arrival and value, and every meeting's people present or absent. */
static void
serialise_traffic (GString *out, const GsRun *run)
{
  for (guint i = 0; i < gs_run_n_cases (run); i++)
    {
      const GsCase *c = gs_run_get_case (run, i);
      g_string_append_printf (out,
                              "case %" G_GUINT64_FORMAT " %" G_GINT64_FORMAT
                              " %" G_GINT64_FORMAT "\n",
                              gs__case_key (c), c->arrives, c->value);
    }
  for (guint i = 0; i < gs_run_n_records (run); i++)
    {
      const GsRecord *r = gs_run_get_record (run, i);
      if (r->kind != GS_REC_MEETING && r->kind != GS_REC_INQUORATE)
        continue;
      g_string_append_printf (out, "meeting %" G_GINT64_FORMAT " %u %d [",
                              r->time, r->body, r->kind);
      const guint32 *refs = gs_run_record_refs (run, r);
      for (guint k = 0; k < r->n_refs; k++)
        g_string_append_printf (out, " %u", refs[k]);
      g_string_append (out, " ]\n");
    }
}

static void
test_compare_rule_only_keeps_traffic_and_attendance (void)
{
  g_autoptr (GsSource) src = load_source (TEACHING);
  const GsVariant *majority = gs_source_find_variant (src, "majority");
  CU_ASSERT_PTR_NOT_NULL_FATAL (majority);
  g_autoptr (GsTerms) a = build (src, NULL);
  g_autoptr (GsTerms) b = build (src, majority);
  guint outcomes_differ = 0;
  for (guint64 r = 0; r < 30; r++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GsRun) ra = gs_run_simulate (gs_terms_get_scenario (a), 3, r,
                                              GS_RUN_FLAGS_NONE, &error);
      g_autoptr (GsRun) rb = gs_run_simulate (gs_terms_get_scenario (b), 3, r,
                                              GS_RUN_FLAGS_NONE, &error);
      CU_ASSERT_PTR_NOT_NULL_FATAL (ra);
      CU_ASSERT_PTR_NOT_NULL_FATAL (rb);
      g_autoptr (GString) ta = g_string_new (NULL);
      g_autoptr (GString) tb = g_string_new (NULL);
      serialise_traffic (ta, ra);
      serialise_traffic (tb, rb);
      CU_ASSERT_STRING_EQUAL (ta->str, tb->str);
      for (guint i = 0; i < gs_run_n_cases (ra); i++)
        outcomes_differ
            += gs_run_get_case (ra, i)->state != gs_run_get_case (rb, i)->state;
    }
  /* The rule does change outcomes: the comparison is not vacuous. */
  CU_ASSERT_TRUE (outcomes_differ > 0);
}

static void
test_compare_threads_do_not_matter (void)
{
  g_autoptr (GsSource) src = load_source (TEACHING);
  g_autoptr (GsTerms) a = build (src, NULL);
  g_autoptr (GsTerms) b
      = build (src, gs_source_find_variant (src, "majority-quorum-4"));
  g_autoptr (GsCompare) one = compare_two (a, b, 97, 1);
  g_autoptr (GsCompare) two = compare_two (a, b, 97, 2);
  for (guint m = 0; m < GS_HEAD_N; m++)
    CU_ASSERT_EQUAL (memcmp (gs_compare_headline (one, 1, m),
                             gs_compare_headline (two, 1, m),
                             sizeof (GsPaired)),
                     0);
  const GArray *ca = gs_compare_cases (one, 1), *cb = gs_compare_cases (two, 1);
  CU_ASSERT_EQUAL_FATAL (ca->len, cb->len);
  for (guint i = 0; i < ca->len; i++)
    {
      const GsCompareCase *x = &g_array_index (ca, GsCompareCase, i);
      const GsCompareCase *y = &g_array_index (cb, GsCompareCase, i);
      CU_ASSERT_EQUAL (x->key, y->key);
      CU_ASSERT_EQUAL (memcmp (x->fate, y->fate, sizeof x->fate), 0);
      CU_ASSERT_STRING_EQUAL (x->title, y->title);
    }
}

/* ---- worked by hand -------------------------------------------------------
 */

static void
test_compare_deterministic_transitions (void)
{
  g_autoptr (GsSource) src = load_source (DETERMINISTIC);
  g_autoptr (GsTerms) a = build (src, NULL);
  g_autoptr (GsTerms) b
      = build (src, gs_source_find_variant (src, "consensus"));
  g_autoptr (GsCompare) c = compare_two (a, b, 25, 2);
  const guint64 R = 25;
  const GsCompareCase *all = gs_compare_all_cases (c, 1);
  for (guint i = 0; i < GS_N_FATES; i++)
    for (guint j = 0; j < GS_N_FATES; j++)
      {
        guint64 want = i == GS_FATE_APPROVED && j == GS_FATE_REJECTED   ? 3 * R
                       : i == GS_FATE_APPROVED && j == GS_FATE_APPROVED ? R
                                                                        : 0;
        CU_ASSERT_EQUAL (all->fate[i][j], want);
      }
  CU_ASSERT_EQUAL (all->changed, 3 * R);
  CU_ASSERT_EQUAL (all->seen, 4 * R);

  /* Case by case, in key order: the file's proposals (Bridge, Annex),
   * then the stream's Bypass #1 and #2. */
  const GArray *cases = gs_compare_cases (c, 1);
  CU_ASSERT_EQUAL_FATAL (cases->len, 4);
  const char *titles[] = { "Bridge", "Annex", "Bypass #1", "Bypass #2" };
  for (guint i = 0; i < 4; i++)
    {
      const GsCompareCase *k = &g_array_index (cases, GsCompareCase, i);
      CU_ASSERT_STRING_EQUAL (k->title, titles[i]);
      CU_ASSERT_EQUAL (k->seen, R);
      CU_ASSERT_EQUAL (k->changed, i == 1 ? 0 : R);
      CU_ASSERT_EQUAL (k->fate[GS_FATE_APPROVED]
                              [i == 1 ? GS_FATE_APPROVED : GS_FATE_REJECTED],
                       R);
      CU_ASSERT_EQUAL (k->breach[0][0], R);
    }
  g_autoptr (GPtrArray) top = gs_compare_most_changed (c, 1, 10);
  CU_ASSERT_EQUAL (top->len, 3);

  GsDifference d = gs_compare_difference (
      gs_compare_headline (c, 1, GS_HEAD_APPROVED), GS_METRIC_PROBABILITY, R);
  GS_ASSERT_NEAR (d.paired.value, -0.75, 1e-12);
  GS_ASSERT_NEAR (d.paired.lo, -0.75, 1e-9);
  GS_ASSERT_NEAR (d.paired.hi, -0.75, 1e-9);
  CU_ASSERT_TRUE (d.excludes);
  CU_ASSERT_FALSE (d.identical);
  GsDifference blocked = gs_compare_difference (
      gs_compare_body (c, 1, 0, GS_BODY_BLOCKED), GS_METRIC_MEAN, R);
  GS_ASSERT_NEAR (blocked.paired.value, 3.0, 1e-12);
  CU_ASSERT_TRUE (
      gs_compare_difference (gs_compare_headline (c, 1, GS_HEAD_PROPOSALS),
                             GS_METRIC_MEAN, R)
          .identical);
}

/* ---- the teaching pair ----------------------------------------------------
 */

static void
test_compare_paired_narrower_than_unpaired (void)
{
  g_autoptr (GsSource) src = load_source (TEACHING);
  g_autoptr (GsTerms) a = build (src, NULL);
  g_autoptr (GsTerms) b
      = build (src, gs_source_find_variant (src, "majority-quorum-4"));
  g_autoptr (GsCompare) c = compare_two (a, b, 400, 2);
  guint64 reps = gs_compare_n_replications (c);
  GsDifference d = gs_compare_difference (
      gs_compare_headline (c, 1, GS_HEAD_DAYS), GS_METRIC_DAYS, reps);
  CU_ASSERT_FALSE (d.identical);
  double paired = d.paired.hi - d.paired.lo;
  double unpaired = d.hi_unpaired - d.lo_unpaired;
  CU_ASSERT_TRUE (paired > 0);
  CU_ASSERT_TRUE (paired < unpaired / 2);
  /* Likewise the items a body carries over, and never wider anywhere. */
  GsDifference carried = gs_compare_difference (
      gs_compare_body (c, 1, 0, GS_BODY_CARRIED), GS_METRIC_MEAN, reps);
  CU_ASSERT_TRUE (carried.paired.hi - carried.paired.lo
                  < (carried.hi_unpaired - carried.lo_unpaired) / 2);
  for (guint m = 0; m < GS_HEAD_N; m++)
    {
      GsDifference x
          = gs_compare_difference (gs_compare_headline (c, 1, m),
                                   gs_compare_headline_metric (m)->kind, reps);
      if (x.paired.defined && !isnan (x.lo_unpaired))
        CU_ASSERT_TRUE (x.paired.hi - x.paired.lo
                        <= x.hi_unpaired - x.lo_unpaired + 1e-12);
    }
}

static void
test_compare_findings_and_diff (void)
{
  g_autoptr (GsSource) src = load_source (TEACHING);
  g_autoptr (GsTerms) a = build (src, NULL);
  g_autoptr (GsTerms) b = build (src, gs_source_find_variant (src, "majority"));
  GPtrArray *appeared, *vanished;
  gs_compare_findings (gs_terms_get_scenario (a), gs_terms_get_scenario (b),
                       &appeared, &vanished);
  CU_ASSERT_EQUAL (appeared->len, 0);
  CU_ASSERT_EQUAL_FATAL (vanished->len, 1);
  const GsFinding *f = g_ptr_array_index (vanished, 0);
  CU_ASSERT_STRING_EQUAL (f->rule->id, "unanimity-many-parties");
  g_ptr_array_unref (appeared);
  g_ptr_array_unref (vanished);

  g_autoptr (GPtrArray) diff = gs_terms_diff (a, b);
  CU_ASSERT_EQUAL_FATAL (diff->len, 2);
  const GsTermsChange *rule = g_ptr_array_index (diff, 0);
  CU_ASSERT_STRING_EQUAL (rule->setting, "voting rule");
  CU_ASSERT_STRING_EQUAL (rule->before, "consensus");
  CU_ASSERT_STRING_EQUAL (rule->after, "simple majority");
  CU_ASSERT_STRING_EQUAL (rule->target, "alliance-jc/voting@rule");
  CU_ASSERT_TRUE (strstr (rule->subject, "Acute Alliance Joint Committee")
                  != NULL);
  /* The <voting> element is on line 55 of the teaching file. */
  CU_ASSERT_EQUAL (rule->line_a, 55);
  CU_ASSERT_EQUAL (rule->line_b, 55);
  const GsTermsChange *casting = g_ptr_array_index (diff, 1);
  CU_ASSERT_STRING_EQUAL (casting->before, "(not set)");
  CU_ASSERT_STRING_EQUAL (casting->after, "chair");
}

/* The one change @spec makes to @src as the diff words it, with its target
 * read back: setting "TARGET=VALUE" again must build, and make the same
 * change (a target that names another element, or two, would not). */
static GsTermsChange *
one_change (const GsSource *src, const char *spec, const char *value)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GsVariant) v = gs_variant_parse (spec, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (v);
  g_autoptr (GsTerms) a = build (src, NULL);
  g_autoptr (GsTerms) b = build (src, v);
  g_autoptr (GPtrArray) diff = gs_terms_diff (a, b);
  CU_ASSERT_EQUAL_FATAL (diff->len, 1);
  GsTermsChange *c = g_ptr_array_steal_index (diff, 0);
  g_autofree char *again = g_strdup_printf ("again: %s=%s", c->target, value);
  g_autoptr (GsVariant) w = gs_variant_parse (again, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (w);
  g_autoptr (GsTerms) b2 = gs_source_build (src, w, &error);
  if (b2 == NULL)
    fprintf (stderr, "%s: %s\n", again, error->message);
  CU_ASSERT_PTR_NOT_NULL_FATAL (b2);
  g_autoptr (GPtrArray) diff2 = gs_terms_diff (a, b2);
  CU_ASSERT_EQUAL_FATAL (diff2->len, 1);
  const GsTermsChange *c2 = g_ptr_array_index (diff2, 0);
  CU_ASSERT_STRING_EQUAL (c2->target, c->target);
  CU_ASSERT_EQUAL (c2->line_a, c->line_a);
  return c;
}

/* The six <stance> elements of scenarios/demo-single-trust.xml (lines
 * 89-94): the default; matter capital; fd on capital; ned2 on capital; ceo;
 * ceo on procurement.  Each diff target must name its stance alone, as
 * resolve_step() reads it: "stance" alone is ambiguous, [person=ceo] is two
 * of them and [matter=capital] three (fd's and ned2's are on capital too),
 * so those are by position; [person=fd] and [person=ned2] single one out. */
static void
test_compare_diff_targets_name_one_element (void)
{
  g_autoptr (GsSource) src
      = load_source (GS_SCENARIO_DIR "/demo-single-trust.xml");
  static const struct
  {
    const char *spec, *target, *setting;
    int line;
  } want[] = {
    { "v: /stance[1]@support=0.5", "/stance[1]@support",
      "stance of everyone on every matter: support", 89 },
    { "v: /stance[2]@support=0.5", "/stance[2]@support",
      "stance of everyone on capital: support", 90 },
    { "v: /stance[3]@support=0.4", "/stance[person=fd]@support",
      "stance of fd on capital: support", 91 },
    { "v: /stance[4]@support=0.4", "/stance[person=ned2]@support",
      "stance of ned2 on capital: support", 92 },
    { "v: /stance[5]@support=0.5", "/stance[5]@support",
      "stance of ceo on every matter: support", 93 },
    { "v: /stance[6]@support=0.5", "/stance[6]@support",
      "stance of ceo on procurement: support", 94 },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (want); i++)
    {
      const char *value = strrchr (want[i].spec, '=') + 1;
      GsTermsChange *c = one_change (src, want[i].spec, value);
      CU_ASSERT_STRING_EQUAL (c->target, want[i].target);
      CU_ASSERT_STRING_EQUAL (c->setting, want[i].setting);
      CU_ASSERT_STRING_EQUAL (c->subject, "the scenario");
      CU_ASSERT_EQUAL (c->line_a, want[i].line);
      gs_terms_change_free (c);
    }
  /* An amendment is named by its body and day (scenario line 113). */
  g_autoptr (GsSource) icb
      = load_source (GS_SCENARIO_DIR "/icb-delegated-functions.xml");
  GsTermsChange *c = one_change (
      icb, "v: /amend-body/voting@then=absolute-majority", "absolute-majority");
  CU_ASSERT_STRING_EQUAL (c->target, "/amend-body[body=pjc]/voting@then");
  CU_ASSERT_STRING_EQUAL (c->setting, "amendment of pjc from 2024-10-01 "
                                      "voting: vote after a blocked consensus");
  CU_ASSERT_STRING_EQUAL (c->before, "simple majority");
  CU_ASSERT_STRING_EQUAL (c->after, "absolute majority");
  gs_terms_change_free (c);
}

static void
test_compare_two_files_diff_lines (void)
{
  g_autoptr (GsSource) sa
      = load_source (GS_SCENARIO_DIR "/acute-alliance-jc-consensus.xml");
  g_autoptr (GsSource) sb
      = load_source (GS_SCENARIO_DIR "/acute-alliance-jc-majority.xml");
  g_autoptr (GsTerms) a = build (sa, NULL);
  g_autoptr (GsTerms) b = build (sb, NULL);
  g_autoptr (GPtrArray) diff = gs_terms_diff (a, b);
  /* The name of the scenario, the rule and the casting vote. */
  CU_ASSERT_EQUAL_FATAL (diff->len, 3);
  const GsTermsChange *rule = g_ptr_array_index (diff, 1);
  CU_ASSERT_STRING_EQUAL (rule->target, "alliance-jc/voting@rule");
  CU_ASSERT_EQUAL (rule->line_a, 56);
  CU_ASSERT_EQUAL (rule->line_b, 56);
}

/* ---- variants and their errors --------------------------------------------
 */

static void
expect_build_error (const GsSource *src, const char *spec, GQuark domain,
                    int code, const char *words)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GsVariant) v = gs_variant_parse (spec, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (v);
  g_autoptr (GsTerms) t = gs_source_build (src, v, &error);
  CU_ASSERT_PTR_NULL (t);
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  CU_ASSERT_EQUAL (error->domain, domain);
  CU_ASSERT_EQUAL (error->code, code);
  if (words != NULL && strstr (error->message, words) == NULL)
    {
      fprintf (stderr, "'%s' lacks '%s'\n", error->message, words);
      CU_FAIL ("message");
    }
}

/* The state of the one proposal of variant-new-clauses.xml under @spec
 * (NULL: as written), and the words the diff gives the change. */
static GsCaseState
new_clause_state (const GsSource *src, const char *spec, char **words)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GsVariant) v = NULL;
  if (spec != NULL)
    {
      v = gs_variant_parse (spec, &error);
      CU_ASSERT_PTR_NOT_NULL_FATAL (v);
    }
  g_autoptr (GsTerms) a = build (src, NULL);
  g_autoptr (GsTerms) b = build (src, v);
  if (words != NULL)
    {
      g_autoptr (GPtrArray) diff = gs_terms_diff (a, b);
      CU_ASSERT_EQUAL_FATAL (diff->len, 1);
      const GsTermsChange *c = g_ptr_array_index (diff, 0);
      *words
          = g_strdup_printf ("%s: %s -> %s", c->setting, c->before, c->after);
    }
  g_autoptr (GsRun) run = gs_run_simulate (gs_terms_get_scenario (b), 1, 0,
                                           GS_RUN_FLAGS_NONE, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (run);
  CU_ASSERT_EQUAL_FATAL (gs_run_n_cases (run), 1);
  return gs_run_get_case (run, 0)->state;
}

/* Variants of the clauses of one vote per organisation, time-limited
 * membership and quorum by role per party: each changes the outcome as
 * worked by hand in variant-new-clauses.xml's comment, and the diff names
 * it in words.  The other five, by hand from the same file: quorum
 * present 6 of five members, and b1's attendance 0 (Trust B then has no one
 * present for each-party), make every meeting inquorate: not approved;
 * unanimity with 3 for and 2 against rejects; notice P60D lets the item of
 * 2024-01-02 be taken only from 2024-03-02, after the horizon: not
 * approved; a3 a member from 2024-02-01 leaves 2 for, 2 against on
 * 2024-01-10: tied, rejected. */
static void
test_variant_new_clauses_change_outcome (void)
{
  g_autoptr (GsSource) src = load_source (NEW_CLAUSES);
  CU_ASSERT_EQUAL (new_clause_state (src, NULL, NULL), GS_CASE_APPROVED);
  static const struct
  {
    const char *spec, *words;
    GsCaseState want;
  } cases[] = {
    { "x: jc/voting@per=organisation",
      "one vote per: (not set) -> organisation", GS_CASE_REJECTED },
    { "x: jc/member[person=a3]@until=2024-01-01",
      "member until: (not set) -> 2024-01-01", GS_CASE_REJECTED },
    { "x: jc/quorum/each-party@roles=chief-executive",
      "roles counted for each party: (not set) -> chief executive",
      GS_CASE_WAITING },
    { "x: jc/quorum@present=6", "quorum (members present): 3 -> 6",
      GS_CASE_WAITING },
    { "x: jc/voting@rule=unanimity",
      "voting rule: simple majority -> unanimity", GS_CASE_REJECTED },
    { "x: jc/meets@notice=P60D",
      "notice before an item is taken: (not set) -> P60D", GS_CASE_WAITING },
    { "x: b1@attendance=0", "attendance: (not set) -> 0", GS_CASE_WAITING },
    { "x: jc/member[person=a3]@from=2024-02-01",
      "member from: (not set) -> 2024-02-01", GS_CASE_REJECTED },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *words = NULL;
      GsCaseState got = new_clause_state (src, cases[i].spec, &words);
      if (got != cases[i].want)
        fprintf (stderr, "%s: state %d, want %d\n", cases[i].spec, got,
                 cases[i].want);
      CU_ASSERT_EQUAL (got, cases[i].want);
      if (strstr (words, cases[i].words) == NULL)
        {
          fprintf (stderr, "'%s' lacks '%s'\n", words, cases[i].words);
          CU_FAIL ("words");
        }
    }
}

/* The outcome of every case of one run of @src under @spec (NULL: as
 * written), seed 1, as "STATE DATE BREACHES" per case, space-joined
 * ("approved 2024-01-20 0"; an undecided case's date is "-"). */
static char *
outcomes (const GsSource *src, const char *spec)
{
  static const char *const states[] = {
    [GS_CASE_WAITING] = "waiting",
    [GS_CASE_APPROVED] = "approved",
    [GS_CASE_REJECTED] = "rejected",
    [GS_CASE_GRIDLOCKED] = "gridlocked",
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (GsVariant) v = NULL;
  if (spec != NULL)
    {
      v = gs_variant_parse (spec, &error);
      CU_ASSERT_PTR_NOT_NULL_FATAL (v);
    }
  g_autoptr (GsTerms) t = build (src, v);
  g_autoptr (GsRun) run = gs_run_simulate (gs_terms_get_scenario (t), 1, 0,
                                           GS_RUN_FLAGS_NONE, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (run);
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < gs_run_n_cases (run); i++)
    {
      const GsCase *c = gs_run_get_case (run, i);
      char day[GS_DATE_BUF];
      g_string_append_printf (out, "%s%s %s %u", i ? " " : "", states[c->state],
                              c->decided == GS_TIME_NEVER
                                  ? "-"
                                  : gs_time_format_date (c->decided, day),
                              c->breaches);
    }
  return g_string_free (out, FALSE);
}

typedef struct
{
  const char *spec;  /* NULL: as written */
  const char *want;  /* as outcomes() gives it */
  const char *words; /* the first change of the diff in words, or NULL */
} OutcomeCase;

static void
assert_outcomes (const char *path, const OutcomeCase *cases, gsize n)
{
  g_autoptr (GsSource) src = load_source (path);
  g_autoptr (GsTerms) a = build (src, NULL);
  for (gsize i = 0; i < n; i++)
    {
      g_autofree char *got = outcomes (src, cases[i].spec);
      if (strcmp (got, cases[i].want) != 0)
        fprintf (stderr, "%s under '%s': '%s', want '%s'\n", path,
                 cases[i].spec ? cases[i].spec : "(as written)", got,
                 cases[i].want);
      CU_ASSERT_STRING_EQUAL (got, cases[i].want);
      if (cases[i].words == NULL)
        continue;
      g_autoptr (GError) error = NULL;
      g_autoptr (GsVariant) v = gs_variant_parse (cases[i].spec, &error);
      CU_ASSERT_PTR_NOT_NULL_FATAL (v);
      g_autoptr (GsTerms) b = build (src, v);
      g_autoptr (GPtrArray) diff = gs_terms_diff (a, b);
      CU_ASSERT_TRUE_FATAL (diff->len > 0);
      const GsTermsChange *c = g_ptr_array_index (diff, 0);
      g_autofree char *words
          = g_strdup_printf ("%s: %s -> %s", c->setting, c->before, c->after);
      if (strcmp (words, cases[i].words) != 0)
        fprintf (stderr, "'%s', want '%s'\n", words, cases[i].words);
      CU_ASSERT_STRING_EQUAL (words, cases[i].words);
    }
}

/* A level of an escalation ladder: who decides, its time limit and how it
 * decides, each by hand in variant-escalation.xml's comment (a tie on
 * 2024-01-10 goes to a level of ten days). */
static void
test_variant_ladder_level_changes_outcome (void)
{
  static const OutcomeCase cases[] = {
    { NULL, "approved 2024-01-20 0", NULL },
    /* Who decides is a setting of level 1, not a level removed. */
    { "x: disputes/level@person=b", "rejected 2024-01-20 0",
      "level 1: person: a -> b" },
    { "x: disputes/level@within=P20D", "approved 2024-01-30 0",
      "level 1: time allowed: P10D -> P20D" },
    { "x: disputes/level@within=P60D", "waiting - 0",
      "level 1: time allowed: P10D -> P60D" },
    { "x: disputes/level@decides=binding; disputes/level@approve=0; "
      "-disputes/level@person",
      "rejected 2024-01-20 0", NULL },
    { "x: disputes/level@decides=mediation; disputes/level@success=0; "
      "-disputes/level@person",
      "gridlocked 2024-01-20 0", NULL },
  };
  assert_outcomes (ESCALATION, cases, G_N_ELEMENTS (cases));
}

/* A delegation's limit and its end date: the breach appears one pound
 * under the value and one day early, as variant-delegation.xml's comment
 * works out (the limit is inclusive, 'until' exclusive). */
static void
test_variant_delegation_limit_boundary (void)
{
  static const OutcomeCase cases[] = {
    { NULL, "approved 2024-01-10 0", NULL },
    { "x: d@limit=999999", "approved 2024-01-10 1",
      "delegated limit: £1,000,000 -> £999,999" },
    { "x: d@limit=1000001", "approved 2024-01-10 0",
      "delegated limit: £1,000,000 -> £1,000,001" },
    { "x: d@until=2024-01-10", "approved 2024-01-10 1",
      "until: (not set) -> 2024-01-10" },
    { "x: d@until=2024-01-11", "approved 2024-01-10 0",
      "until: (not set) -> 2024-01-11" },
    /* The same delegation reached from the scenario element, as one with
     * no id must be: the same breach one pound under. */
    { "x: /scheme[org=oa]/delegation[to=fc]@limit=999999",
      "approved 2024-01-10 1", "delegated limit: £1,000,000 -> £999,999" },
    /* The stance (no id) moved to 0: both members vote against, so the
     * meeting rejects it and nothing binds: no breach. */
    { "x: /stance@support=0", "rejected 2024-01-10 0",
      "stance of everyone on every matter: support: 1 -> 0" },
  };
  assert_outcomes (DELEGATION, cases, G_N_ELEMENTS (cases));
}

/* The urgent route on and off, its limit at the boundary, and written
 * resolutions by majority and by unanimity, and by majority passing on
 * the last day of its window or not at all, by hand in
 * variant-urgent.xml's comment (the meeting, by unanimity, rejects). */
static void
test_variant_urgent_route_changes_outcome (void)
{
  static const OutcomeCase cases[] = {
    { NULL, "approved 2024-01-02 0", NULL },
    { "x: -fc/urgent", "rejected 2024-01-10 0", "urgent: present -> removed" },
    { "x: p1@urgent=false", "rejected 2024-01-10 0", "urgent: true -> false" },
    { "x: fc/urgent@up-to=999", "rejected 2024-01-10 0",
      "chair's action limit: (not set) -> £999" },
    { "x: fc/urgent@up-to=1000", "approved 2024-01-02 0",
      "chair's action limit: (not set) -> £1,000" },
    { "x: fc/urgent@route=written; fc/urgent@days=5; "
      "fc/urgent@rule=majority",
      "approved 2024-01-02 0", NULL },
    { "x: fc/urgent@route=written; fc/urgent@days=5", "rejected 2024-01-10 0",
      NULL },
    { "x: fc/urgent@route=written; fc/urgent@days=5; "
      "fc/urgent@rule=majority; "
      "+absence[person=m1][from=2024-01-02][until=2024-01-07]",
      "approved 2024-01-07 0", NULL },
    { "x: fc/urgent@route=written; fc/urgent@days=5; "
      "fc/urgent@rule=majority; "
      "+absence[person=m1][from=2024-01-02][until=2024-01-08]",
      "rejected 2024-01-10 0", NULL },
  };
  assert_outcomes (URGENT, cases, G_N_ELEMENTS (cases));
}

/* A stream's rate, count and first date, by hand in variant-arrivals.xml's
 * comment (everyone supports; meetings on the 10th). */
static void
test_variant_arrivals_change_outcome (void)
{
  static const OutcomeCase cases[] = {
    { NULL, "approved 2024-01-10 0 approved 2024-02-10 0", NULL },
    { "x: s@every=P1D",
      "approved 2024-01-10 0 approved 2024-01-10 0 approved 2024-01-10 0",
      "interval between proposals: P1M -> P1D" },
    { "x: s@count=1", "approved 2024-01-10 0",
      "proposals in the stream: 3 -> 1" },
    { "x: s@first=2024-02-12", "waiting - 0",
      "first: 2024-01-02 -> 2024-02-12" },
  };
  assert_outcomes (ARRIVALS, cases, G_N_ELEMENTS (cases));
}

/* Bad values of the new attributes: one message with the file and the
 * line of the element (jc's <voting> is line 35, a3's <member> 31, the
 * <quorum> and its <each-party> 34, counted in the file). */
static void
test_variant_new_clauses_bad_values (void)
{
  g_autoptr (GsSource) src = load_source (NEW_CLAUSES);
  expect_build_error (src, "x: jc/voting@per=person", GS_LOADER_ERROR,
                      GS_LOADER_ERROR_SCHEMA, "variant-new-clauses.xml:35:");
  expect_build_error (src, "x: jc/member[person=a3]@until=soon",
                      GS_LOADER_ERROR, GS_LOADER_ERROR_SCHEMA,
                      "variant-new-clauses.xml:31:");
  expect_build_error (src, "x: jc/quorum/each-party@roles=boss",
                      GS_LOADER_ERROR, GS_LOADER_ERROR_SCHEMA,
                      "variant-new-clauses.xml:34:");
}

static void
test_variant_errors (void)
{
  g_autoptr (GsSource) src = load_source (TEACHING);
  expect_build_error (src, "x: nosuch/voting@rule=consensus", GS_VARIANT_ERROR,
                      GS_VARIANT_ERROR_TARGET,
                      "no element has the id 'nosuch'");
  expect_build_error (src, "x: alliance-jc/votes@rule=consensus",
                      GS_VARIANT_ERROR, GS_VARIANT_ERROR_TARGET,
                      "has no <votes> element");
  expect_build_error (src, "x: alliance-jc/member@chair=true", GS_VARIANT_ERROR,
                      GS_VARIANT_ERROR_TARGET, "member[1] to member[8]");
  expect_build_error (src, "x: alliance-jc/member[9]@chair=true",
                      GS_VARIANT_ERROR, GS_VARIANT_ERROR_TARGET, "not 9");
  expect_build_error (src, "x: alliance-jc/member[person=zz]@chair=true",
                      GS_VARIANT_ERROR, GS_VARIANT_ERROR_TARGET, NULL);
  expect_build_error (src, "x: alliance-jc@id=other", GS_VARIANT_ERROR,
                      GS_VARIANT_ERROR_TARGET, "id cannot be changed");
  /* From the scenario element: a step that picks nothing names it. */
  expect_build_error (src, "x: /scheme[org=zz]/delegation@limit=1",
                      GS_VARIANT_ERROR, GS_VARIANT_ERROR_TARGET,
                      "the scenario has no <scheme> with org=\"zz\"");
  /* Values the schema refuses, reported with the file's line. */
  expect_build_error (src, "x: alliance-jc/voting@rule=sometimes",
                      GS_LOADER_ERROR, GS_LOADER_ERROR_SCHEMA,
                      "acute-alliance-jc.xml:55:");
  expect_build_error (src, "x: alliance-jc/quorum@present=many",
                      GS_LOADER_ERROR, GS_LOADER_ERROR_SCHEMA, NULL);
  expect_build_error (src, "x: alliance-jc/voting@nonsense=1", GS_LOADER_ERROR,
                      GS_LOADER_ERROR_SCHEMA, NULL);
  /* And meanings the semantic checks refuse: a member removed that a
   * quorum of five cannot then be met by... a dangling reference. */
  expect_build_error (src, "x: -nv-ceo", GS_LOADER_ERROR,
                      GS_LOADER_ERROR_SEMANTIC, "nv-ceo");

  g_autoptr (GError) error = NULL;
  CU_ASSERT_PTR_NULL (gs_variant_parse ("no colon here", &error));
  CU_ASSERT_TRUE (
      g_error_matches (error, GS_VARIANT_ERROR, GS_VARIANT_ERROR_SYNTAX));
  g_clear_error (&error);
  CU_ASSERT_PTR_NULL (gs_variant_parse ("x: alliance-jc/voting", &error));
  CU_ASSERT_TRUE (
      g_error_matches (error, GS_VARIANT_ERROR, GS_VARIANT_ERROR_SYNTAX));
  g_clear_error (&error);
  CU_ASSERT_PTR_NULL (gs_variant_parse ("x: alliance-jc/voting=1", &error));
  CU_ASSERT_TRUE (
      g_error_matches (error, GS_VARIANT_ERROR, GS_VARIANT_ERROR_SYNTAX));
  g_clear_error (&error);
  CU_ASSERT_PTR_NULL (gs_variant_parse ("9x: @seed=1", &error));
  CU_ASSERT_TRUE (
      g_error_matches (error, GS_VARIANT_ERROR, GS_VARIANT_ERROR_SYNTAX));
}

static void
test_variant_settings_apply (void)
{
  g_autoptr (GsSource) src = load_source (TEACHING);
  g_autoptr (GError) error = NULL;
  g_autoptr (GsVariant) v
      = gs_variant_parse ("several: alliance-jc/quorum@present=4; "
                          "alliance-jc/member[person=nv-ned]@chair=false; "
                          "-alliance-jc/voting@casting; @seed=9",
                          &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (v);
  CU_ASSERT_EQUAL (gs_variant_n_settings (v), 4);
  CU_ASSERT_EQUAL (gs_variant_get_setting (v, 2)->op, GS_SETTING_REMOVE);
  /* Removing an attribute the element does not have is an error. */
  g_autoptr (GsTerms) t = gs_source_build (src, v, &error);
  CU_ASSERT_PTR_NULL (t);
  CU_ASSERT_TRUE (
      g_error_matches (error, GS_VARIANT_ERROR, GS_VARIANT_ERROR_TARGET));
  g_clear_error (&error);
  g_autoptr (GsVariant) w
      = gs_variant_parse ("several: alliance-jc/quorum@present=4; @seed=9; "
                          "alliance-jc/member[person=nv-ned]@chair=false",
                          &error);
  g_autoptr (GsTerms) a = build (src, NULL);
  g_autoptr (GsTerms) b = build (src, w);
  CU_ASSERT_EQUAL (gs_scenario_get_default_seed (gs_terms_get_scenario (b)), 9);
  g_autoptr (GPtrArray) diff = gs_terms_diff (a, b);
  CU_ASSERT_EQUAL_FATAL (diff->len, 3);
  const GsTermsChange *seed = g_ptr_array_index (diff, 0);
  CU_ASSERT_STRING_EQUAL (seed->subject, "the scenario");
  CU_ASSERT_STRING_EQUAL (seed->after, "9");
  const GsTermsChange *quorum = g_ptr_array_index (diff, 2);
  CU_ASSERT_STRING_EQUAL (quorum->setting, "quorum (members present)");
  CU_ASSERT_STRING_EQUAL (quorum->before, "5");
  CU_ASSERT_STRING_EQUAL (quorum->after, "4");
}

static void
test_variant_sweeps (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GsSweep) a = gs_sweep_parse ("fic/quorum@present=3..5", &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (a);
  CU_ASSERT_STRING_EQUAL (a->target, "fic/quorum@present");
  CU_ASSERT_EQUAL (g_strv_length (a->values), 3);
  CU_ASSERT_STRING_EQUAL (a->values[0], "3");
  CU_ASSERT_STRING_EQUAL (a->values[2], "5");
  g_autoptr (GsSweep) b = gs_sweep_parse ("p@attendance=0.5..0.7:0.1", &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (b);
  CU_ASSERT_EQUAL (g_strv_length (b->values), 3);
  CU_ASSERT_STRING_EQUAL (b->values[1], "0.6");
  CU_ASSERT_STRING_EQUAL (b->values[2], "0.7");
  g_autoptr (GsSweep) c = gs_sweep_parse ("l@limit=0..2000000:1000000", &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (c);
  CU_ASSERT_STRING_EQUAL (c->values[2], "2000000");
  g_autoptr (GsSweep) d
      = gs_sweep_parse ("jc/voting@rule=consensus, simple-majority", &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (d);
  CU_ASSERT_STRING_EQUAL (d->values[1], "simple-majority");

  const char *empty[] = { "jc/quorum@present=5..4",
                          "jc/quorum@present=", "jc/quorum@present= , ", NULL };
  for (const char **e = empty; *e; e++)
    {
      CU_ASSERT_PTR_NULL (gs_sweep_parse (*e, &error));
      CU_ASSERT_TRUE (
          g_error_matches (error, GS_VARIANT_ERROR, GS_VARIANT_ERROR_SWEEP));
      g_clear_error (&error);
    }
  const char *bad[] = { "jc/quorum@present", "jc/quorum=4..5",
                        "jc/quorum@present=a..b", "x@y=1..3:0", NULL };
  for (const char **e = bad; *e; e++)
    {
      CU_ASSERT_PTR_NULL (gs_sweep_parse (*e, &error));
      CU_ASSERT_TRUE (
          g_error_matches (error, GS_VARIANT_ERROR, GS_VARIANT_ERROR_SYNTAX));
      g_clear_error (&error);
    }
  CU_ASSERT_PTR_NULL (gs_sweep_parse ("x@y=1..100000", &error));
  CU_ASSERT_TRUE (
      g_error_matches (error, GS_VARIANT_ERROR, GS_VARIANT_ERROR_SWEEP));
}

static void
test_variant_in_file_refused_when_duplicated (void)
{
  const char *doc
      = "<scenario xmlns='urn:govsim:scenario:1' name='d' start='2024-01-01' "
        "horizon='P1M'><organisation id='o' name='O' kind='nhs-trust'/>"
        "<variant name='v'/><variant name='v'/></scenario>";
  g_autoptr (GError) error = NULL;
  g_autoptr (GsSource) src
      = gs_source_load_bytes (doc, strlen (doc), "dup.xml", &error);
  CU_ASSERT_PTR_NULL (src);
  CU_ASSERT_TRUE (
      g_error_matches (error, GS_VARIANT_ERROR, GS_VARIANT_ERROR_UNKNOWN));
  /* And the loader as `govsim run` uses it ignores variants. */
  const char *one
      = "<scenario xmlns='urn:govsim:scenario:1' name='d' start='2024-01-01' "
        "horizon='P1M'><organisation id='o' name='O' kind='nhs-trust'/>"
        "<variant name='v'><set target='o@name' value='P'/></variant>"
        "</scenario>";
  g_clear_error (&error);
  g_autoptr (GsScenario) s
      = gs_loader_load_bytes (one, strlen (one), "one.xml", &error);
  CU_ASSERT_PTR_NOT_NULL (s);
}

/* ---- additions ------------------------------------------------------------
 */

/* The fate table of version 1 against the baseline, over @R replications,
 * must be @want (cells not listed zero). */
static void
assert_fates (const GsCompare *c, guint64 R, GsFate from, GsFate to,
              guint64 count, GsFate from2, GsFate to2, guint64 count2)
{
  const GsCompareCase *all = gs_compare_all_cases (c, 1);
  for (guint i = 0; i < GS_N_FATES; i++)
    for (guint j = 0; j < GS_N_FATES; j++)
      {
        guint64 want = (i == from && j == to ? count * R : 0)
                       + (i == from2 && j == to2 ? count2 * R : 0);
        if (all->fate[i][j] != want)
          fprintf (stderr,
                   "fate[%u][%u] = %" G_GUINT64_FORMAT
                   ", not %" G_GUINT64_FORMAT "\n",
                   i, j, all->fate[i][j], want);
        CU_ASSERT_EQUAL (all->fate[i][j], want);
      }
}

static void
test_variant_additions_by_hand (void)
{
  const guint64 R = 20;
  g_autoptr (GsSource) src = load_source (DETERMINISTIC);
  g_autoptr (GsTerms) a = build (src, NULL);

  /* A quorum rule no meeting can meet: approved → pending, all four. */
  g_autoptr (GsTerms) q
      = build (src, gs_source_find_variant (src, "ned-quorum"));
  g_autoptr (GsCompare) cq = compare_two (a, q, R, 2);
  assert_fates (cq, R, GS_FATE_APPROVED, GS_FATE_PENDING, 4, 0, 0, 0);
  GsDifference d = gs_compare_difference (
      gs_compare_headline (cq, 1, GS_HEAD_APPROVED), GS_METRIC_PROBABILITY, R);
  GS_ASSERT_NEAR (d.paired.value, -1.0, 1e-12);
  GS_ASSERT_NEAR (
      gs_compare_difference (gs_compare_body (cq, 1, 0, GS_BODY_INQUORATE),
                             GS_METRIC_PROBABILITY, R)
          .paired.value,
      1.0, 1e-12);
  g_autoptr (GPtrArray) dq = gs_terms_diff (a, q);
  CU_ASSERT_EQUAL_FATAL (dq->len, 1);
  const GsTermsChange *role = g_ptr_array_index (dq, 0);
  CU_ASSERT_STRING_EQUAL (role->after, "added");
  CU_ASSERT_STRING_EQUAL (role->target, "jc/quorum/role[name=ned]");
  CU_ASSERT_EQUAL (role->line_a, 0);
  CU_ASSERT_EQUAL (role->line_b, 48);

  /* A fifth proposal: did not arrive → approved once a replication. */
  g_autoptr (GsTerms) e = build (src, gs_source_find_variant (src, "extra"));
  g_autoptr (GsCompare) ce = compare_two (a, e, R, 1);
  assert_fates (ce, R, GS_FATE_APPROVED, GS_FATE_APPROVED, 4, GS_FATE_ABSENT,
                GS_FATE_APPROVED, 1);
  GsDifference dp = gs_compare_difference (
      gs_compare_headline (ce, 1, GS_HEAD_PROPOSALS), GS_METRIC_MEAN, R);
  GS_ASSERT_NEAR (dp.paired.value, 1.0, 1e-12);
  g_autoptr (GPtrArray) de = gs_terms_diff (a, e);
  CU_ASSERT_EQUAL_FATAL (de->len, 1);
  CU_ASSERT_EQUAL (((GsTermsChange *)g_ptr_array_index (de, 0))->line_b, 53);

  /* The same two additions on the command line: the same tables. */
  g_autoptr (GError) error = NULL;
  g_autoptr (GsVariant) vq
      = gs_variant_parse ("q: +jc/quorum/role[name=ned][min=2]", &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (vq);
  CU_ASSERT_EQUAL (gs_variant_get_setting (vq, 0)->op, GS_SETTING_ADD);
  CU_ASSERT_STRING_EQUAL (gs_variant_get_setting (vq, 0)->target, "jc/quorum");
  g_autoptr (GsTerms) q2 = build (src, vq);
  g_autoptr (GsCompare) cq2 = compare_two (a, q2, R, 1);
  assert_fates (cq2, R, GS_FATE_APPROVED, GS_FATE_PENDING, 4, 0, 0, 0);
  g_autoptr (GsVariant) ve = gs_variant_parse (
      "e: +proposal[id=extra][title=Extra][matter=m][lead=a][affects=a]"
      "[arrives=2024-01-02][body=jc]",
      &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (ve);
  CU_ASSERT_STRING_EQUAL (gs_variant_get_setting (ve, 0)->target, "");
  g_autoptr (GsTerms) e2 = build (src, ve);
  g_autoptr (GsCompare) ce2 = compare_two (a, e2, R, 2);
  assert_fates (ce2, R, GS_FATE_APPROVED, GS_FATE_APPROVED, 4, GS_FATE_ABSENT,
                GS_FATE_APPROVED, 1);
  /* From the command line an element takes the line of the element it
   * was added to: the scenario element's, line 22. */
  g_autoptr (GPtrArray) de2 = gs_terms_diff (a, e2);
  CU_ASSERT_EQUAL_FATAL (de2->len, 1);
  CU_ASSERT_EQUAL (((GsTermsChange *)g_ptr_array_index (de2, 0))->line_b, 22);
}

static void
test_variant_additions_attributes_and_places (void)
{
  g_autoptr (GsSource) src = load_source (TEACHING);
  g_autoptr (GsTerms) a = build (src, NULL);
  g_autoptr (GError) error = NULL;
  /* A deputy for the NED: a person the file lacks, and an attribute its
   * member element leaves out. */
  g_autoptr (GsVariant) dep = gs_variant_parse (
      "deputy: +person[id=nv-dep][name=Northvale deputy NED][org=nv]"
      "[role=ned][attendance=0.9]; "
      "alliance-jc/member[person=nv-ned]@deputy=nv-dep",
      &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (dep);
  g_autoptr (GsTerms) b = build (src, dep);
  g_autoptr (GPtrArray) diff = gs_terms_diff (a, b);
  CU_ASSERT_EQUAL_FATAL (diff->len, 2);
  const GsTermsChange *deputy = g_ptr_array_index (diff, 0);
  CU_ASSERT_STRING_EQUAL (deputy->setting, "member nv-ned: deputy");
  CU_ASSERT_STRING_EQUAL (deputy->before, "(not set)");
  CU_ASSERT_STRING_EQUAL (deputy->after, "nv-dep");
  const GsTermsChange *person = g_ptr_array_index (diff, 1);
  CU_ASSERT_STRING_EQUAL (person->target, "nv-dep");
  CU_ASSERT_STRING_EQUAL (person->after, "added");

  /* The quorum's <role> must come before its <each-party>: after it the
   * schema refuses it; "before each-party" puts it in its place.  Values
   * are escaped: markup in one cannot add a second element. */
  expect_build_error (src, "x: +alliance-jc/quorum/role[name=ned]",
                      GS_LOADER_ERROR, GS_LOADER_ERROR_SCHEMA,
                      "acute-alliance-jc.xml:54:");
  g_autoptr (GsVariant) placed = gs_variant_parse (
      "placed: +alliance-jc/quorum/role[name=ned] before each-party", &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (placed);
  CU_ASSERT_STRING_EQUAL (gs_variant_get_setting (placed, 0)->before,
                          "each-party");
  g_autoptr (GsTerms) c = build (src, placed);
  CU_ASSERT_PTR_NOT_NULL (c);
  expect_build_error (
      src, "x: +alliance-jc/member[person=sb-ned\"/><member person=\"wf-ned]",
      GS_LOADER_ERROR, GS_LOADER_ERROR_SCHEMA, "'person'");

  /* Bad additions. */
  expect_build_error (src, "x: +nosuch/role[name=ned]", GS_VARIANT_ERROR,
                      GS_VARIANT_ERROR_TARGET, "adding to 'nosuch'");
  expect_build_error (src, "x: +alliance-jc/quorum/role[name=ned] before zz",
                      GS_VARIANT_ERROR, GS_VARIANT_ERROR_TARGET,
                      "has no <zz> element");
  expect_build_error (src, "x: +alliance-jc/colour[name=red]", GS_LOADER_ERROR,
                      GS_LOADER_ERROR_SCHEMA, "colour");
  expect_build_error (src,
                      "x: +person[id=nv-ned][name=Twice][org=nv][role=ned]",
                      GS_LOADER_ERROR, GS_LOADER_ERROR_SEMANTIC, "nv-ned");
  const char *unreadable[] = { "x: +alliance-jc/quorum/role[name=ned",
                               "x: +alliance-jc/Quorum",
                               "x: +",
                               "x: +jc/role[name]",
                               "x: +jc/role[name=a][name=b]",
                               "x: +jc/role[name=a] before ",
                               NULL };
  for (const char **u = unreadable; *u; u++)
    {
      g_autoptr (GsVariant) v = gs_variant_parse (*u, &error);
      if (v != NULL)
        fprintf (stderr, "'%s' was read\n", *u);
      CU_ASSERT_PTR_NULL (v);
      CU_ASSERT_TRUE (
          g_error_matches (error, GS_VARIANT_ERROR, GS_VARIANT_ERROR_SYNTAX));
      g_clear_error (&error);
    }
}

static void
count_calls (guint64 done, guint64 total, gpointer data)
{
  CU_ASSERT_TRUE (done <= total);
  (*(guint *)data)++;
}

static void
test_compare_precision_measure (void)
{
  g_autoptr (GsSource) src = load_source (DETERMINISTIC);
  g_autoptr (GsTerms) a = build (src, NULL);
  g_autoptr (GsTerms) b
      = build (src, gs_source_find_variant (src, "consensus"));
  const GsScenario *s[2]
      = { gs_terms_get_scenario (a), gs_terms_get_scenario (b) };
  const char *labels[2] = { "A", "B" };
  g_autoptr (GsCompare) c = gs_compare_new (s, labels, 2, 3);
  CU_ASSERT_TRUE (isinf (gs_compare_precision (c)));
  /* In two batches with progress, as `compare --precision` runs it: the
   * same sums as one batch. */
  guint calls = 0;
  CU_ASSERT_TRUE (
      gs_compare_run_progress (c, 0, 7, 2, count_calls, &calls, NULL));
  CU_ASSERT_TRUE (
      gs_compare_run_progress (c, 7, 13, 1, count_calls, &calls, NULL));
  CU_ASSERT_TRUE (calls >= 2);
  CU_ASSERT_EQUAL (gs_compare_n_replications (c), 20);
  CU_ASSERT_EQUAL (gs_compare_precision (c), 0.0);
  g_autoptr (GsCompare) one = compare_two (a, b, 20, 1);
  const GsCompareCase *x = gs_compare_all_cases (c, 1);
  const GsCompareCase *y = gs_compare_all_cases (one, 1);
  CU_ASSERT_EQUAL (memcmp (x->fate, y->fate, sizeof x->fate), 0);
  CU_ASSERT_EQUAL (gs_compare_headline (c, 1, GS_HEAD_APPROVED)->diff,
                   gs_compare_headline (one, 1, GS_HEAD_APPROVED)->diff);
}

int
main (void)
{
  static const GsTestCase cases[] = {
    { "test_compare_null_variant_is_exactly_zero",
      test_compare_null_variant_is_exactly_zero },
    { "test_compare_rule_only_keeps_traffic_and_attendance",
      test_compare_rule_only_keeps_traffic_and_attendance },
    { "test_compare_threads_do_not_matter",
      test_compare_threads_do_not_matter },
    { "test_compare_deterministic_transitions",
      test_compare_deterministic_transitions },
    { "test_compare_paired_narrower_than_unpaired",
      test_compare_paired_narrower_than_unpaired },
    { "test_compare_findings_and_diff", test_compare_findings_and_diff },
    { "test_compare_two_files_diff_lines", test_compare_two_files_diff_lines },
    { "test_compare_diff_targets_name_one_element",
      test_compare_diff_targets_name_one_element },
    { "test_variant_errors", test_variant_errors },
    { "test_variant_new_clauses_change_outcome",
      test_variant_new_clauses_change_outcome },
    { "test_variant_ladder_level_changes_outcome",
      test_variant_ladder_level_changes_outcome },
    { "test_variant_delegation_limit_boundary",
      test_variant_delegation_limit_boundary },
    { "test_variant_urgent_route_changes_outcome",
      test_variant_urgent_route_changes_outcome },
    { "test_variant_arrivals_change_outcome",
      test_variant_arrivals_change_outcome },
    { "test_variant_new_clauses_bad_values",
      test_variant_new_clauses_bad_values },
    { "test_variant_settings_apply", test_variant_settings_apply },
    { "test_variant_sweeps", test_variant_sweeps },
    { "test_variant_in_file_refused_when_duplicated",
      test_variant_in_file_refused_when_duplicated },
    { "test_variant_additions_by_hand", test_variant_additions_by_hand },
    { "test_variant_additions_attributes_and_places",
      test_variant_additions_attributes_and_places },
    { "test_compare_precision_measure", test_compare_precision_measure },
    { NULL, NULL },
  };
  return gs_test_run ("compare", cases);
}

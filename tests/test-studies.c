/* test-studies.c — what studies of a scenario rely on: common random
 * numbers across variants of the terms of reference, a run reused for
 * many replications, the same summary with and without records, a record
 * table that describes every record, and committees in common that take
 * an item only when every constituent can.
 *
 * Most checks here are relations rather than numbers: two runs that must
 * agree (variants, reuse, records on and off), or an invariant every
 * record of every shipped scenario must satisfy.  Each test also checks
 * that the thing it compares could have differed — a variant changes
 * something, a person's attendance varies — so it cannot pass vacuously.
 * The committees-in-common test is worked out by hand in its comment.
 */
#include "run/gs-run-private.h"
#include "gs-test-scenario.h"

#include <govsim/gs-report.h>
#include <govsim/gs-summary.h>

#include <string.h>

#define N_SEEDS 5

/* ---- helpers ------------------------------------------------------------ */

/* Runs @s; fails the test if it does not run. */
static GsRun *
run_seed (const GsScenario *s, guint64 seed, GsRunFlags flags)
{
  return gs_test_simulate (s, seed, 0, flags);
}

static void
serialise_record (GString *out, const GsRecord *r, const guint32 *refs)
{
  g_string_append_printf (
      out, "R %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %d %u %u [", r->time,
      r->when, r->kind, r->body, r->item);
  for (guint i = 0; i < GS_RECORD_SLOTS; i++)
    g_string_append_printf (out, " %d", r->slot[i]);
  g_string_append (out, " ] {");
  for (guint i = 0; i < r->n_refs; i++)
    g_string_append_printf (out, " %u", refs[i]);
  g_string_append (out, " }\n");
}

static void
serialise_counters (GString *out, const GsRun *run)
{
  const GsScenario *s = gs_run_get_scenario (run);
  for (guint i = 0; i < gs_scenario_n_bodies (s); i++)
    {
      const GsBodyCounters *n = gs_run_body_counters (run, i);
      g_string_append_printf (
          out, "B %u: %u %u %u %u %u %u %u %u %u %u %u %u\n", i, n->meetings,
          n->inquorate, n->item_inquorate, n->ties, n->casting, n->blocked,
          n->no_votes, n->splits, n->conflicts, n->carried, n->disputes,
          n->breaches);
    }
  const GsRunCounters *k = gs_run_counters (run);
  g_string_append (out, "K");
  for (guint i = 0; i < GS_N_BREACHES; i++)
    g_string_append_printf (out, " %u", k->breaches[i]);
  g_string_append_printf (out, " | %u %u %u\n", k->breach_total, k->n_examples,
                          k->records);
  for (guint i = 0; i < k->n_examples; i++)
    {
      const guint32 *refs;
      const GsRecord *r = gs_run_breach_example (run, i, &refs);
      serialise_record (out, r, refs);
    }
}

static void
serialise_cases (GString *out, const GsRun *run)
{
  for (guint i = 0; i < gs_run_n_cases (run); i++)
    {
      const GsCase *c = gs_run_get_case (run, i);
      g_string_append_printf (
          out,
          "C %u %u %u %u %u %u %" G_GINT64_FORMAT " %" G_GINT64_FORMAT
          " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %d %d %u %u %u %u %u "
          "%u {",
          c->proposal, c->arrivals, c->serial, c->matter, c->pathway, c->lead,
          c->value, c->arrives, c->due, c->decided, c->state, c->missed,
          c->carried, c->returns, c->disputes, c->climbed, c->decisions,
          c->breaches);
      for (guint k = 0; k < c->n_affects; k++)
        g_string_append_printf (out, " %u", c->affects[k]);
      g_string_append (out, " }\n");
    }
}

/* Everything a run holds, as text: cases, counters, breach examples and
 * every record with its list. */
static char *
serialise_run (const GsRun *run)
{
  GString *out = g_string_new (NULL);
  g_string_append_printf (
      out, "seed %" G_GUINT64_FORMAT " rep %" G_GUINT64_FORMAT "\n",
      gs_run_get_seed (run), gs_run_get_replication (run));
  serialise_cases (out, run);
  serialise_counters (out, run);
  for (guint i = 0; i < gs_run_n_records (run); i++)
    {
      const GsRecord *r = gs_run_get_record (run, i);
      serialise_record (out, r, gs_run_record_refs (run, r));
    }
  return g_string_free (out, FALSE);
}

/* The generated traffic of a run: (stream, serial, arrives, value) of every
 * generated case, in (stream, serial) order. */
static char *
traffic_of (const GsRun *run)
{
  const GsScenario *s = gs_run_get_scenario (run);
  GString *out = g_string_new (NULL);
  for (guint a = 0; a < gs_scenario_n_arrivals (s); a++)
    for (guint32 serial = 1;; serial++)
      {
        const GsCase *found = NULL;
        for (guint i = 0; i < gs_run_n_cases (run) && found == NULL; i++)
          {
            const GsCase *c = gs_run_get_case (run, i);
            if (c->arrivals == a && c->serial == serial)
              found = c;
          }
        if (found == NULL)
          break;
        g_string_append_printf (
            out, "%u #%u at %" G_GINT64_FORMAT " value %" G_GINT64_FORMAT "\n",
            a, serial, found->arrives, found->value);
      }
  return g_string_free (out, FALSE);
}

/* What a variant can change: outcomes, dates, counters and breaches. */
static char *
outcomes_of (const GsRun *run)
{
  GString *out = g_string_new (NULL);
  serialise_cases (out, run);
  serialise_counters (out, run);
  return g_string_free (out, FALSE);
}

/* ---- 1. common random numbers across variants --------------------------- */

/* The parts of the CRN scenario a variant may change; NULL keeps the base. */
typedef struct
{
  const char *name;
  const char *ka_voting; /* ka's <voting> */
  const char *kb_quorum; /* kb's <quorum> */
  const char *kb_meets;  /* kb's <meets> (capacity) */
  const char *ka_meets;  /* ka's <meets> (notice) */
  const char *ka_a3;     /* ka's member a3 (deputy) */
  const char *kb_extra;  /* an extra member of kb */
  const char *ba_a3;     /* ba's member a3 (removed) */
  const char *ba_esc;    /* ba's <escalation> */
  const char *scheme;    /* a scheme of delegation */
} Variant;

/* Two organisations; a board ba and committee ka of oa, a committee kb of
 * ob; matter "small" sent straight to ka (fixed stream, lognormal values)
 * and to kb (Poisson, uniform values), matter "big" through a pathway of
 * ka's recommendation then ba (Poisson, lognormal).  Everyone attends with
 * probability 0.8 and supports with 0.55, abstaining with 0.1, so votes tie
 * and meetings fall inquorate often enough for every variant to matter.
 * Ladder l: one level of binding arbitration. */
static GsScenario *
crn_scenario (const Variant *v)
{
#define OR(f, d) (v->f != NULL ? v->f : (d))
  g_autofree char *xml = g_strdup_printf (
      "<scenario xmlns='urn:govsim:scenario:1' name='crn' "
      "start='2024-01-01' horizon='P6M'>"
      "<organisation id='oa' name='A' kind='nhs-trust'/>"
      "<organisation id='ob' name='B' kind='local-authority'/>"
      "<person id='a1' org='oa' role='chair' attendance='0.8'/>"
      "<person id='a2' org='oa' role='ned' attendance='0.8'/>"
      "<person id='a3' org='oa' role='executive' attendance='0.8'/>"
      "<person id='a4' org='oa' role='executive' attendance='0.8'/>"
      "<person id='b1' org='ob' role='ned' attendance='0.8'/>"
      "<person id='b2' org='ob' role='ned' attendance='0.8'/>"
      "<person id='b3' org='ob' role='officer' attendance='0.8'/>"
      "<person id='b4' org='ob' role='officer' attendance='0.8'/>"
      "<matter id='small' name='Small'/><matter id='big' name='Big'/>"
      "<board id='ba' name='Board A' org='oa'>"
      "<member person='a1' chair='true'/><member person='a2'/>%s"
      "<quorum present='2'/>%s"
      "<meets first='2024-01-15' every='P1M' capacity='4'/></board>"
      "<committee id='ka' name='Committee A' org='oa'>"
      "<member person='a2'/>%s<quorum present='2'/>%s%s</committee>"
      "<committee id='kb' name='Committee B' org='ob'>"
      "<member person='b1'/><member person='b2'/><member person='b3'/>%s"
      "%s%s</committee>"
      "<ladder id='l'><level decides='binding' within='P14D'/></ladder>"
      "<pathway id='pw' matters='big'>"
      "<gateway body='ka' role='recommend'/><gateway body='ba'/></pathway>"
      "%s"
      "<stance support='0.55' abstain='0.1'/>"
      "<arrivals id='s1' title='S1' matter='small' body='ka' lead='oa' "
      "first='2024-01-02' every='P5D' count='20' value='lognormal:10,1' "
      "deadline='P1M'/>"
      "<arrivals id='s2' title='S2' matter='small' body='kb' lead='ob' "
      "first='2024-01-03' every='P3D' process='poisson' count='30' "
      "value='uniform:1000,50000'/>"
      "<arrivals id='s3' title='S3' matter='big' pathway='pw' lead='oa' "
      "affects='oa ob' first='2024-01-04' every='P10D' process='poisson' "
      "count='10' value='lognormal:12,0.5' deadline='P3M'/>"
      "</scenario>",
      OR (ba_a3, "<member person='a3'/>"), OR (ba_esc, ""),
      OR (ka_a3, "<member person='a3'/>"),
      OR (ka_voting, "<voting rule='simple-majority'/>"),
      OR (ka_meets, "<meets first='2024-01-08' every='P14D' capacity='3'/>"),
      OR (kb_extra, ""), OR (kb_quorum, "<quorum present='2'/>"),
      OR (kb_meets, "<meets first='2024-01-05' every='P7D' capacity='5'/>"),
      OR (scheme, ""));
#undef OR
  return gs_test_load_inline (xml);
}

static const Variant crn_variants[] = {
  { .name = "voting rule", .ka_voting = "<voting rule='unanimity'/>" },
  { .name = "quorum", .kb_quorum = "<quorum present='3'/>" },
  { .name = "capacity",
    .kb_meets = "<meets first='2024-01-05' every='P7D' capacity='1'/>" },
  { .name = "notice",
    .ka_meets = "<meets first='2024-01-08' every='P14D' capacity='3' "
                "notice='P10D'/>" },
  { .name = "deputy", .ka_a3 = "<member person='a3' deputy='a4'/>" },
  { .name = "member added", .kb_extra = "<member person='b4'/>" },
  { .name = "member removed", .ba_a3 = "" },
  { .name = "escalation ladder",
    .ba_esc = "<escalation ladder='l' on='tie'/>" },
  { .name = "delegation",
    .scheme = "<scheme org='oa'><delegation by='ba' to='ka' matters='small' "
              "limit='30000'/></scheme>" },
};

static void
test_studies_variants_share_traffic (void)
{
  /* Each variant changes one element of the terms of reference.  The
   * generated traffic — which cases, when, worth what — is a function of
   * the keys (stream, serial) only, so it must be the same as the base's
   * for every seed; and each variant must change something else (an
   * outcome, a date or a counter) for at least one seed, or it tested
   * nothing. */
  static const Variant base = { .name = "base" };
  g_autoptr (GsScenario) s0 = crn_scenario (&base);
  for (gsize v = 0; v < G_N_ELEMENTS (crn_variants); v++)
    {
      g_autoptr (GsScenario) s1 = crn_scenario (&crn_variants[v]);
      gboolean changed = FALSE;
      for (guint64 seed = 1; seed <= N_SEEDS; seed++)
        {
          g_autoptr (GsRun) r0 = run_seed (s0, seed, GS_RUN_NO_RECORDS);
          g_autoptr (GsRun) r1 = run_seed (s1, seed, GS_RUN_NO_RECORDS);
          g_autofree char *t0 = traffic_of (r0);
          g_autofree char *t1 = traffic_of (r1);
          CU_ASSERT_TRUE (*t0 != '\0');
          if (strcmp (t0, t1) != 0)
            {
              fprintf (stderr,
                       "variant '%s', seed %" G_GUINT64_FORMAT
                       ": traffic differs\n",
                       crn_variants[v].name, seed);
              CU_FAIL ("a variant changed the traffic");
            }
          g_autofree char *o0 = outcomes_of (r0);
          g_autofree char *o1 = outcomes_of (r1);
          changed |= strcmp (o0, o1) != 0;
        }
      if (!changed)
        fprintf (stderr, "variant '%s' changed nothing\n",
                 crn_variants[v].name);
      CU_ASSERT_TRUE (changed);
    }
}

/* ---- 2. attendance ------------------------------------------------------ */

/* Committees in common of two constituents, ka (oa) and kb (ob), each of
 * the shared person ps (attendance 0.5) and one member who always attends;
 * each quorum is 2, so a constituent is quorate exactly when ps attends
 * its meeting.  Weekly meetings, one proposal a week, for a year. */
static const char shared_xml[]
    = "<scenario xmlns='urn:govsim:scenario:1' name='shared' "
      "start='2024-01-01' horizon='P1Y'>"
      "<organisation id='oa' name='A' kind='nhs-trust'/>"
      "<organisation id='ob' name='B' kind='nhs-trust'/>"
      "<person id='ps' org='oa' role='chief-executive' attendance='0.5'/>"
      "<person id='qa' org='oa' role='ned'/>"
      "<person id='qb' org='ob' role='ned'/>"
      "<matter id='m' name='M'/>"
      "<committees-in-common id='cic' name='G' parties='oa ob' rule='all'>"
      "<committee id='ka' name='KA' org='oa'><member person='ps'/>"
      "<member person='qa'/><quorum present='2'/></committee>"
      "<committee id='kb' name='KB' org='ob'><member person='ps'/>"
      "<member person='qb'/><quorum present='2'/></committee>"
      "<meets first='2024-01-03' every='P7D' capacity='5'/>"
      "</committees-in-common>"
      "<stance support='1'/>"
      "<arrivals id='w' title='W' matter='m' body='cic' lead='oa' "
      "first='2024-01-01' every='P7D' count='52'/>"
      "</scenario>";

typedef struct
{
  guint32 ka, kb, ps;
  GsTime last;      /* the meeting being tallied */
  guint absent_at;  /* bits: ka (1), kb (2) inquorate with ps absent */
  guint quorate;    /* meetings at which ps sat in both seats */
  guint absent;     /* meetings at which ps was absent from both */
  guint mismatched; /* meetings at which ps was in one seat only */
} SharedSeat;

static void
shared_settle (SharedSeat *k)
{
  if (k->last == GS_TIME_NEVER)
    return;
  if (k->absent_at == 3)
    k->absent++;
  else if (k->absent_at != 0)
    k->mismatched++;
  k->absent_at = 0;
  k->last = GS_TIME_NEVER;
}

static void
shared_record (const GsRun *run, const GsRecord *r, const guint32 *refs,
               guint n_refs, gpointer user_data)
{
  (void)run;
  SharedSeat *k = user_data;
  if (r->kind != GS_REC_MEETING && r->kind != GS_REC_INQUORATE)
    return;
  if (r->time != k->last)
    shared_settle (k);
  if (r->kind == GS_REC_MEETING)
    {
      k->quorate++; /* both constituents quorate: ps in both seats */
      return;
    }
  k->last = r->time;
  gboolean ps_absent = FALSE;
  for (guint i = 0; i < n_refs; i++)
    ps_absent |= refs[i] == k->ps;
  /* Only ps can be absent: the other members always attend. */
  CU_ASSERT_TRUE (ps_absent && n_refs == 1);
  k->absent_at |= r->body == k->ka ? 1 : r->body == k->kb ? 2 : 4;
}

static void
test_studies_shared_person_one_attendance (void)
{
  /* A person holding seats in two constituents attends both or neither: a
   * meeting is either quorate in both (a MEETING record) or inquorate in
   * both with ps listed absent in each; never inquorate in one only.  With
   * attendance drawn per seat rather than per (person, day), half the
   * meetings would be inquorate in one constituent only. */
  g_autoptr (GsScenario) s = gs_test_load_inline (shared_xml);
  SharedSeat k = { .ka = (guint32)gs_scenario_find_body (s, "ka"),
                   .kb = (guint32)gs_scenario_find_body (s, "kb"),
                   .ps = (guint32)gs_scenario_find_person (s, "ps"),
                   .last = GS_TIME_NEVER };
  g_autoptr (GsRun) run = gs_run_new (s, GS_RUN_NO_RECORDS);
  gs_run_set_record_func (run, shared_record, &k);
  for (guint64 seed = 1; seed <= 20; seed++)
    {
      g_autoptr (GError) error = NULL;
      CU_ASSERT_TRUE_FATAL (gs_run_execute (run, seed, 0, &error));
      shared_settle (&k);
    }
  CU_ASSERT_EQUAL (k.mismatched, 0);
  /* Both kinds of meeting happen: ps's attendance really varies. */
  CU_ASSERT_TRUE (k.quorate > 100);
  CU_ASSERT_TRUE (k.absent > 100);
}

/* One committee of four people with attendance 0.5 and a quorum of all
 * four, so a MEETING record means all attended and an INQUORATE record
 * lists the absent; capacity @capacity; a proposal every 3 days that
 * nobody supports. */
static GsScenario *
attendance_scenario (guint capacity)
{
  g_autofree char *xml = g_strdup_printf (
      "<scenario xmlns='urn:govsim:scenario:1' name='att' "
      "start='2024-01-01' horizon='P1Y'>"
      "<organisation id='oa' name='A' kind='nhs-trust'/>"
      "<person id='p0' org='oa' role='ned' attendance='0.5'/>"
      "<person id='p1' org='oa' role='ned' attendance='0.5'/>"
      "<person id='p2' org='oa' role='ned' attendance='0.5'/>"
      "<person id='p3' org='oa' role='ned' attendance='0.5'/>"
      "<matter id='m' name='M'/>"
      "<committee id='k' name='K' org='oa'><member person='p0'/>"
      "<member person='p1'/><member person='p2'/><member person='p3'/>"
      "<quorum present='4'/>"
      "<meets first='2024-01-03' every='P7D' capacity='%u'/></committee>"
      "<stance support='0.5'/>"
      "<arrivals id='w' title='W' matter='m' body='k' lead='oa' "
      "first='2024-01-01' every='P3D' count='120'/>"
      "</scenario>",
      capacity);
  return gs_test_load_inline (xml);
}

/* Who attended each held meeting, by week: bit p for person p; 0 = not
 * held. */
#define WEEKS 53

static void
attendance_record (const GsRun *run, const GsRecord *r, const guint32 *refs,
                   guint n_refs, gpointer user_data)
{
  (void)run;
  guint *present = user_data;
  if (r->kind != GS_REC_MEETING && r->kind != GS_REC_INQUORATE)
    return;
  guint week = (guint)((r->time - gs_test_day ("2024-01-03"))
                       / (7 * GS_MINUTES_PER_DAY));
  g_assert (week < WEEKS);
  guint bits = 0xf;
  if (r->kind == GS_REC_INQUORATE)
    for (guint i = 0; i < n_refs; i++)
      bits &= ~(1u << refs[i]);
  present[week] = bits | 0x10; /* 0x10: held */
}

static void
test_studies_attendance_same_in_variants (void)
{
  /* Capacity 1 against capacity 5: the agendas differ, so which meetings
   * are held and how many ballots each draws differ, but at every meeting
   * both variants hold, each person's attendance is the same.  A single
   * sequential stream would shift every draw after the first difference. */
  g_autoptr (GsScenario) s1 = attendance_scenario (1);
  g_autoptr (GsScenario) s5 = attendance_scenario (5);
  guint common = 0, varied = 0;
  for (guint64 seed = 1; seed <= N_SEEDS; seed++)
    {
      guint p1[WEEKS] = { 0 }, p5[WEEKS] = { 0 };
      g_autoptr (GsRun) r1 = gs_run_new (s1, GS_RUN_NO_RECORDS);
      g_autoptr (GsRun) r5 = gs_run_new (s5, GS_RUN_NO_RECORDS);
      gs_run_set_record_func (r1, attendance_record, p1);
      gs_run_set_record_func (r5, attendance_record, p5);
      CU_ASSERT_TRUE_FATAL (gs_run_execute (r1, seed, 0, NULL));
      CU_ASSERT_TRUE_FATAL (gs_run_execute (r5, seed, 0, NULL));
      g_autofree char *o1 = outcomes_of (r1);
      g_autofree char *o5 = outcomes_of (r5);
      varied += strcmp (o1, o5) != 0;
      for (guint w = 0; w < WEEKS; w++)
        if (p1[w] != 0 && p5[w] != 0)
          {
            common++;
            CU_ASSERT_EQUAL (p1[w], p5[w]);
          }
    }
  CU_ASSERT_TRUE (common > 100);
  CU_ASSERT_TRUE (varied > 0);
}

/* ---- 3. ballots --------------------------------------------------------- */

/* Committees in common of three one-member constituents (pa, pb, pc), so
 * each CONSTITUENT record is one person's ballot; a separate committee kx
 * whose quorum the variant changes; and a committee ky of three (qa, qb,
 * qc) whose voting rule the variant changes.  Everyone supports with 0.5
 * and abstains with 0.2. */
static GsScenario *
ballot_scenario (const char *kx_quorum, const char *ky_rule)
{
  g_autofree char *xml = g_strdup_printf (
      "<scenario xmlns='urn:govsim:scenario:1' name='ballots' "
      "start='2024-01-01' horizon='P6M'>"
      "<organisation id='oa' name='A' kind='nhs-trust'/>"
      "<organisation id='ob' name='B' kind='nhs-trust'/>"
      "<organisation id='oc' name='C' kind='nhs-trust'/>"
      "<person id='pa' org='oa' role='ned'/><person id='pb' org='ob' "
      "role='ned'/><person id='pc' org='oc' role='ned'/>"
      "<person id='x1' org='oa' role='ned' attendance='0.7'/>"
      "<person id='x2' org='oa' role='ned' attendance='0.7'/>"
      "<person id='qa' org='oa' role='ned' attendance='0.9'/>"
      "<person id='qb' org='oa' role='ned' attendance='0.9'/>"
      "<person id='qc' org='oa' role='ned' attendance='0.9'/>"
      "<matter id='m' name='M'/>"
      "<committees-in-common id='cic' name='G' parties='oa ob oc' "
      "rule='majority'>"
      "<committee id='ka' name='KA' org='oa'><member person='pa'/>"
      "<quorum present='1'/></committee>"
      "<committee id='kb' name='KB' org='ob'><member person='pb'/>"
      "<quorum present='1'/></committee>"
      "<committee id='kc' name='KC' org='oc'><member person='pc'/>"
      "<quorum present='1'/></committee>"
      "<meets first='2024-01-03' every='P7D' capacity='2'/>"
      "</committees-in-common>"
      "<committee id='kx' name='KX' org='oa'><member person='x1'/>"
      "<member person='x2'/>%s"
      "<meets first='2024-01-04' every='P7D' capacity='2'/></committee>"
      "<committee id='ky' name='KY' org='oa'><member person='qa'/>"
      "<member person='qb'/><member person='qc'/><quorum present='2'/>"
      "<voting rule='%s'/>"
      "<meets first='2024-01-05' every='P7D' capacity='2'/></committee>"
      "<stance support='0.5' abstain='0.2'/>"
      "<arrivals id='c' title='C' matter='m' body='cic' lead='oa' "
      "first='2024-01-01' every='P3D' process='poisson' count='50'/>"
      "<arrivals id='x' title='X' matter='m' body='kx' lead='oa' "
      "first='2024-01-01' every='P4D' count='40'/>"
      "<arrivals id='y' title='Y' matter='m' body='ky' lead='oa' "
      "first='2024-01-01' every='P4D' count='40'/>"
      "</scenario>",
      kx_quorum, ky_rule);
  return gs_test_load_inline (xml);
}

/* The votes of a run, one line per vote record: (stream, serial, body,
 * time) and the tally, for the bodies @bodies (a bit set). */
typedef struct
{
  GHashTable *votes; /* "stream serial body time" → "for against abstain" */
  guint bodies;
} Ballots;

static void
ballot_record (const GsRun *run, const GsRecord *r, const guint32 *refs,
               guint n_refs, gpointer user_data)
{
  (void)refs;
  (void)n_refs;
  Ballots *b = user_data;
  gboolean vote = r->kind == GS_REC_CONSTITUENT
                  || ((r->kind == GS_REC_APPROVED || r->kind == GS_REC_REJECTED
                       || r->kind == GS_REC_TIED || r->kind == GS_REC_BLOCKED
                       || r->kind == GS_REC_NO_VOTES)
                      && !r->vote.collective);
  if (!vote || (b->bodies & (1u << r->body)) == 0)
    return;
  const GsCase *c = gs_run_get_case (run, r->item);
  g_hash_table_insert (b->votes,
                       g_strdup_printf ("%u %u %u %" G_GINT64_FORMAT,
                                        c->arrivals, c->serial, r->body,
                                        r->time),
                       g_strdup_printf ("%d %d %d", r->vote.votes_for,
                                        r->vote.against, r->vote.abstain));
}

/* Runs @s for @seed, collecting the votes of @bodies.  (transfer full) */
static GHashTable *
collect_ballots (const GsScenario *s, guint64 seed, guint bodies)
{
  Ballots b = { g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
                bodies };
  g_autoptr (GsRun) run = gs_run_new (s, GS_RUN_NO_RECORDS);
  gs_run_set_record_func (run, ballot_record, &b);
  CU_ASSERT_TRUE (gs_run_execute (run, seed, 0, NULL));
  return b.votes;
}

/* How many votes @a and @b both hold, and how many of those differ; the
 * number that differ in tally only is added to @differ. */
static guint
common_votes (GHashTable *a, GHashTable *b, guint *differ)
{
  guint n = 0;
  GHashTableIter it;
  gpointer key, value;
  g_hash_table_iter_init (&it, a);
  while (g_hash_table_iter_next (&it, &key, &value))
    {
      const char *other = g_hash_table_lookup (b, key);
      if (other == NULL)
        continue;
      n++;
      if (strcmp (other, value) != 0)
        (*differ)++;
    }
  return n;
}

static void
test_studies_ballots_same_in_variants (void)
{
  /* Variant 1 changes kx's quorum: every constituent's ballot (one person
   * each) at every meeting of the group is the same, case by case and
   * meeting by meeting.  Variant 2 changes ky's rule from simple majority
   * to unanimity: ky's outcomes change, and with them its agenda, but at
   * every (case, meeting) both hold the for, against and abstain counts
   * are the same: each person's ballot is a draw of (case, body, time,
   * person), whatever the rule does with it. */
  g_autoptr (GsScenario) base
      = ballot_scenario ("<quorum present='1'/>", "simple-majority");
  g_autoptr (GsScenario) quorum
      = ballot_scenario ("<quorum present='2'/>", "simple-majority");
  g_autoptr (GsScenario) rule
      = ballot_scenario ("<quorum present='1'/>", "unanimity");
  guint32 ka = (guint32)gs_scenario_find_body (base, "ka");
  guint32 kb = (guint32)gs_scenario_find_body (base, "kb");
  guint32 kc = (guint32)gs_scenario_find_body (base, "kc");
  guint32 ky = (guint32)gs_scenario_find_body (base, "ky");
  guint constituents = (1u << ka) | (1u << kb) | (1u << kc);
  guint common_q = 0, common_r = 0, differ = 0, kinds = 0;
  for (guint64 seed = 1; seed <= N_SEEDS; seed++)
    {
      g_autoptr (GHashTable) b0 = collect_ballots (base, seed, constituents);
      g_autoptr (GHashTable) b1 = collect_ballots (quorum, seed, constituents);
      common_q += common_votes (b0, b1, &differ);
      g_autoptr (GHashTable) y0 = collect_ballots (base, seed, 1u << ky);
      g_autoptr (GHashTable) y1 = collect_ballots (rule, seed, 1u << ky);
      common_r += common_votes (y0, y1, &differ);
      /* The constituents' ballots vary: for, against and abstain all
       * occur, so equal tallies are not a constant. */
      GHashTableIter it;
      gpointer value;
      g_hash_table_iter_init (&it, b0);
      while (g_hash_table_iter_next (&it, NULL, &value))
        kinds |= strcmp (value, "1 0 0") == 0   ? 1
                 : strcmp (value, "0 1 0") == 0 ? 2
                 : strcmp (value, "0 0 1") == 0 ? 4
                                                : 8;
    }
  CU_ASSERT_EQUAL (differ, 0);
  CU_ASSERT_TRUE (common_q > 100);
  CU_ASSERT_TRUE (common_r > 50);
  CU_ASSERT_EQUAL (kinds, 7);
}

/* ---- 4. the summary with and without records ---------------------------- */

static gint
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *)a, *(const char *const *)b);
}

/* The shipped scenarios, loaded.  (transfer full): a GPtrArray of
 * GsScenario. */
static GPtrArray *
load_shipped (void)
{
  GPtrArray *all
      = g_ptr_array_new_with_free_func ((GDestroyNotify)gs_scenario_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) dir = g_dir_open (GS_SCENARIO_DIR, 0, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (dir);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  for (const char *n; (n = g_dir_read_name (dir)) != NULL;)
    if (g_str_has_suffix (n, ".xml"))
      g_ptr_array_add (names, g_strdup (n));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path
          = g_build_filename (GS_SCENARIO_DIR, names->pdata[i], NULL);
      GsScenario *s = gs_loader_load_file (path, 0, &error);
      if (s == NULL)
        fprintf (stderr, "%s: %s\n", path, error->message);
      CU_ASSERT_PTR_NOT_NULL_FATAL (s);
      g_ptr_array_add (all, s);
    }
  /* Nine scenarios ship today; fewer means the directory was not found. */
  CU_ASSERT_TRUE (all->len >= 9);
  return all;
}

static char *
summary_text (const GsRun *run)
{
  g_autoptr (GsSummary) sum = gs_summary_new (run);
  GString *out = g_string_new (NULL);
  gs_report_text_summary (run, sum, out);
  return g_string_free (out, FALSE);
}

static void
test_studies_summary_without_records (void)
{
  /* Every shipped scenario, seeds 1 to 5: the summary of a run that kept
   * no records is byte for byte that of a run that kept them, and so are
   * the counters it is computed from (per body and for the run, with the
   * breach examples). */
  g_autoptr (GPtrArray) all = load_shipped ();
  for (guint i = 0; i < all->len; i++)
    for (guint64 seed = 1; seed <= N_SEEDS; seed++)
      {
        const GsScenario *s = all->pdata[i];
        g_autoptr (GsRun) with = run_seed (s, seed, GS_RUN_FLAGS_NONE);
        g_autoptr (GsRun) without = run_seed (s, seed, GS_RUN_NO_RECORDS);
        CU_ASSERT_TRUE (gs_run_n_records (with) > 0);
        CU_ASSERT_EQUAL (gs_run_n_records (without), 0);
        g_autofree char *t1 = summary_text (with);
        g_autofree char *t2 = summary_text (without);
        GString *c1 = g_string_new (NULL), *c2 = g_string_new (NULL);
        serialise_counters (c1, with);
        serialise_counters (c2, without);
        gboolean same_text = strcmp (t1, t2) == 0;
        gboolean same_counters = g_string_equal (c1, c2);
        if (!same_text || !same_counters)
          fprintf (stderr,
                   "%s, seed %" G_GUINT64_FORMAT ": %s differ\n%s\n%s\n",
                   gs_scenario_get_name (s), seed,
                   same_text ? "counters" : "summaries", c1->str, c2->str);
        CU_ASSERT_TRUE (same_text);
        CU_ASSERT_TRUE (same_counters);
        /* The count of records made is that of the records kept. */
        CU_ASSERT_EQUAL (gs_run_counters (with)->records,
                         gs_run_n_records (with));
        g_string_free (c1, TRUE);
        g_string_free (c2, TRUE);
      }
}

/* ---- 5. reuse ----------------------------------------------------------- */

static guint n_seen;

static void
count_record (const GsRun *run, const GsRecord *r, const guint32 *refs,
              guint n_refs, gpointer user_data)
{
  (void)run;
  (void)r;
  (void)refs;
  (void)n_refs;
  (void)user_data;
  n_seen++;
}

static void
test_studies_reuse_is_fresh (void)
{
  /* One GsRun executed with seeds 1, 2, then 1 again holds exactly what a
   * fresh run of seed 1 holds: cases, counters, breach examples and every
   * record with its list.  Seed 2 runs with a callback, cleared before the
   * third execution, which must then see nothing; and a NO_RECORDS run
   * reused the same way ends with the fresh NO_RECORDS run's cases and
   * counters.  Two shipped scenarios with pathways, disputes and breaches,
   * and the inline one with generated traffic. */
  static const char *const files[]
      = { "service-reconfiguration-pathway.xml", "delegation-limits.xml",
          "lead-provider-escalation.xml" };
  for (gsize f = 0; f <= G_N_ELEMENTS (files); f++)
    {
      static const Variant base = { .name = "base" };
      g_autoptr (GsScenario) s = NULL;
      if (f < G_N_ELEMENTS (files))
        {
          g_autofree char *path
              = g_build_filename (GS_SCENARIO_DIR, files[f], NULL);
          s = gs_loader_load_file (path, 0, NULL);
        }
      else
        s = crn_scenario (&base);
      CU_ASSERT_PTR_NOT_NULL_FATAL (s);
      for (guint flags = 0; flags < 2; flags++)
        {
          GsRunFlags fl = flags ? GS_RUN_NO_RECORDS : GS_RUN_FLAGS_NONE;
          g_autoptr (GsRun) fresh = run_seed (s, 1, fl);
          g_autoptr (GsRun) other = run_seed (s, 2, fl);
          g_autofree char *want = serialise_run (fresh);
          g_autofree char *seed2 = serialise_run (other);
          g_autoptr (GsRun) run = gs_run_new (s, fl);
          CU_ASSERT_TRUE_FATAL (gs_run_execute (run, 1, 0, NULL));
          gs_run_set_record_func (run, count_record, NULL);
          n_seen = 0;
          CU_ASSERT_TRUE_FATAL (gs_run_execute (run, 2, 0, NULL));
          g_autofree char *got2 = serialise_run (run);
          CU_ASSERT_STRING_EQUAL (got2, seed2);
          CU_ASSERT_TRUE (n_seen > 0);
          gs_run_set_record_func (run, NULL, NULL);
          n_seen = 0;
          CU_ASSERT_TRUE_FATAL (gs_run_execute (run, 1, 0, NULL));
          CU_ASSERT_EQUAL (n_seen, 0);
          g_autofree char *got = serialise_run (run);
          CU_ASSERT_STRING_EQUAL (got, want);
          /* Seeds 1 and 2 differ, so the comparison can fail. */
          CU_ASSERT_STRING_NOT_EQUAL (want, seed2);
        }
    }
}

/* ---- 6. the record table ------------------------------------------------ */

static gboolean
is_machine_name (const char *name, gboolean allow_hyphen)
{
  if (name == NULL || !g_ascii_islower (name[0]))
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_'
        && !(allow_hyphen && *p == '-'))
      return FALSE;
  return name[strlen (name) - 1] != '_' && name[strlen (name) - 1] != '-';
}

static void
test_studies_record_table_shape (void)
{
  /* Every kind has its own entry; machine names are unique, non-empty and
   * lower-case (words joined by hyphens or underscores, gs-record.h);
   * field names are snake_case and unique within a kind; slots are below
   * GS_RECORD_SLOTS and distinct; ENUM fields have values, INDEX fields a
   * list, and a kind with a list names it. */
  g_autoptr (GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint k = 0; k < GS_N_RECORD_KINDS; k++)
    {
      const GsRecordInfo *info = gs_record_info (k);
      CU_ASSERT_PTR_NOT_NULL_FATAL (info);
      CU_ASSERT_EQUAL (info->kind, k);
      CU_ASSERT_TRUE (is_machine_name (info->name, TRUE));
      CU_ASSERT_FALSE (g_hash_table_contains (names, info->name));
      g_hash_table_add (names, (gpointer)info->name);
      CU_ASSERT_STRING_EQUAL (info->name,
                              gs_enum_value_name (&gs_enum_record_kind, k));
      CU_ASSERT_TRUE (info->n_fields <= GS_RECORD_FIELDS_MAX);
      CU_ASSERT_EQUAL (info->refs == GS_LIST_NONE, info->refs_name == NULL);
      if (info->refs_name != NULL)
        CU_ASSERT_TRUE (is_machine_name (info->refs_name, TRUE));
      if (info->body != NULL)
        CU_ASSERT_TRUE (is_machine_name (info->body, TRUE));
      guint slots = 0, dates = 0;
      for (guint i = 0; i < info->n_fields; i++)
        {
          const GsFieldInfo *f = &info->fields[i];
          CU_ASSERT_TRUE (is_machine_name (f->name, FALSE));
          for (guint j = 0; j < i; j++)
            CU_ASSERT_STRING_NOT_EQUAL (f->name, info->fields[j].name);
          if (f->type == GS_FIELD_DATE)
            {
              dates++;
              continue;
            }
          CU_ASSERT_TRUE_FATAL (f->slot < GS_RECORD_SLOTS);
          CU_ASSERT_EQUAL (slots & (1u << f->slot), 0);
          slots |= 1u << f->slot;
          CU_ASSERT_EQUAL (f->type == GS_FIELD_ENUM, f->values != NULL);
          CU_ASSERT_EQUAL (f->type == GS_FIELD_INDEX, f->list != GS_LIST_NONE);
          if (f->values != NULL)
            {
              CU_ASSERT_TRUE (f->values->n_values > 0);
              CU_ASSERT_TRUE (is_machine_name (f->values->name, FALSE));
              for (guint v = 0; v < f->values->n_values; v++)
                CU_ASSERT_TRUE (is_machine_name (f->values->values[v], TRUE));
            }
        }
      CU_ASSERT_TRUE (dates <= 1); /* a record has one second date */
    }
  CU_ASSERT_EQUAL (g_hash_table_size (names), GS_N_RECORD_KINDS);
}

typedef struct
{
  const GsScenario *s;
  const char *name;
  guint bad;
} TableCheck;

/* How many items list @kind has for @r (-1: none applies). */
static gint64
list_size (const TableCheck *k, const GsRun *run, const GsRecord *r,
           const GsRecordInfo *info, GsListKind kind)
{
  const GsScenario *s = k->s;
  switch (kind)
    {
      case GS_LIST_PERSON:
        return s->people->len;
      case GS_LIST_ORGANISATION:
        return s->organisations->len;
      case GS_LIST_BODY:
        return s->bodies->len;
      case GS_LIST_PATHWAY:
        return s->pathways->len;
      case GS_LIST_GATEWAY:
        if (r->item == GS_NONE)
          return 0;
        return GS_PATHWAY (s, gs_run_get_case (run, r->item)->pathway)
            ->n_gateways;
      case GS_LIST_LADDER:
        return s->ladders->len;
      case GS_LIST_LEVEL:
        for (guint i = 0; i < info->n_fields; i++)
          if (info->fields[i].list == GS_LIST_LADDER)
            {
              gint64 l = gs_record_field (r, &info->fields[i]);
              if (l < 0 || l >= s->ladders->len)
                return 0;
              return GS_LADDER (s, l)->n_levels;
            }
        return 0;
      case GS_LIST_DELEGATION:
        return s->delegations->len;
      case GS_LIST_CASE:
        return gs_run_n_cases (run);
      case GS_LIST_NONE:
      default:
        return 0;
    }
}

static void
table_bad (TableCheck *k, const GsRecordInfo *info, const char *field,
           gint64 value)
{
  if (k->bad++ < 10)
    fprintf (stderr, "%s: %s record: %s = %" G_GINT64_FORMAT " out of range\n",
             k->name, info->name, field, value);
}

static void
table_record (const GsRun *run, const GsRecord *r, const guint32 *refs,
              guint n_refs, gpointer user_data)
{
  TableCheck *k = user_data;
  const GsRecordInfo *info = gs_record_info (r->kind);
  if (r->body != GS_NONE && r->body >= k->s->bodies->len)
    table_bad (k, info, "body", r->body);
  if (info->body == NULL && r->body != GS_NONE)
    table_bad (k, info, "body (none expected)", r->body);
  if (r->item != GS_NONE && r->item >= gs_run_n_cases (run))
    table_bad (k, info, "item", r->item);
  for (guint i = 0; i < info->n_fields; i++)
    {
      const GsFieldInfo *f = &info->fields[i];
      gint64 v = gs_record_field (r, f);
      gboolean ok = TRUE;
      switch (f->type)
        {
          case GS_FIELD_COUNT:
            ok = v >= 0;
            break;
          case GS_FIELD_BOOL:
            ok = v == 0 || v == 1;
            break;
          case GS_FIELD_DATE:
            ok = v == GS_TIME_NEVER || v >= k->s->start;
            break;
          case GS_FIELD_INDEX:
            ok = v == -1
                 || (v >= 0 && v < list_size (k, run, r, info, f->list));
            break;
          case GS_FIELD_ENUM:
            if (f->values->flags)
              ok = v > 0 && v < (G_GINT64_CONSTANT (1) << f->values->n_values);
            /* The quorum's role is -1 unless a role rule failed. */
            else if (v == -1 && strcmp (f->values->name, "role") == 0)
              ok = TRUE;
            else
              ok = gs_enum_value_name (f->values, v) != NULL;
            break;
          default:
            ok = FALSE;
        }
      if (!ok)
        table_bad (k, info, f->name, v);
    }
  gint64 n = list_size (k, run, r, info, info->refs);
  if (info->refs == GS_LIST_NONE && n_refs > 0)
    table_bad (k, info, "refs (none expected)", n_refs);
  for (guint i = 0; i < n_refs; i++)
    if (refs[i] >= n)
      table_bad (k, info, info->refs_name, refs[i]);
}

static void
test_studies_records_match_table (void)
{
  /* Every record of every shipped scenario, seeds 1 to 3, read through the
   * table: each field's value is of its type (counts non-negative, flags 0
   * or 1, enum values named, indices -1 or within their list), and each
   * list holds indices within the list the table says it holds. */
  g_autoptr (GPtrArray) all = load_shipped ();
  TableCheck k = { 0 };
  guint records = 0;
  for (guint i = 0; i < all->len; i++)
    {
      k.s = all->pdata[i];
      k.name = gs_scenario_get_name (k.s);
      g_autoptr (GsRun) run = gs_run_new (k.s, GS_RUN_NO_RECORDS);
      gs_run_set_record_func (run, table_record, &k);
      for (guint64 seed = 1; seed <= 3; seed++)
        {
          CU_ASSERT_TRUE_FATAL (gs_run_execute (run, seed, 0, NULL));
          records += gs_run_counters (run)->records;
        }
    }
  CU_ASSERT_EQUAL (k.bad, 0);
  CU_ASSERT_TRUE (records > 1000);
}

/* ---- 7. committees in common: an item one constituent cannot take ------- */

/* Three constituents of oa, ob, oc.  ka: pa1, pa2, pa3, conflicts only
 * declared (pa1 declares one on matter m and votes); kb: pb1, pb2; kc:
 * pc1, pc2, quorum 2, conflicted members not counted, and pc1 conflicted on
 * m.  Everyone attends and supports; ties would need an even split, so
 * ka's 3-0 and kb's 2-0 are not ties.  Meets weekly from 2024-01-10; the
 * horizon P10D ends 2024-01-11, so there is one meeting. */
static const char cic_defect_xml[]
    = "<scenario xmlns='urn:govsim:scenario:1' name='cic' "
      "start='2024-01-01' horizon='P10D'>"
      "<organisation id='oa' name='A' kind='nhs-trust'/>"
      "<organisation id='ob' name='B' kind='nhs-trust'/>"
      "<organisation id='oc' name='C' kind='nhs-trust'/>"
      "<person id='pa1' org='oa' role='ned'/><person id='pa2' org='oa' "
      "role='ned'/><person id='pa3' org='oa' role='ned'/>"
      "<person id='pb1' org='ob' role='ned'/><person id='pb2' org='ob' "
      "role='ned'/>"
      "<person id='pc1' org='oc' role='ned'/><person id='pc2' org='oc' "
      "role='ned'/>"
      "<matter id='m' name='M'/>"
      "<committees-in-common id='cic' name='G' parties='oa ob oc' rule='all'>"
      "<committee id='ka' name='KA' org='oa'><member person='pa1'/>"
      "<member person='pa2'/><member person='pa3'/><quorum present='2'/>"
      "<voting conflicts='declare'/></committee>"
      "<committee id='kb' name='KB' org='ob'><member person='pb1'/>"
      "<member person='pb2'/><quorum present='2'/></committee>"
      "<committee id='kc' name='KC' org='oc'><member person='pc1'/>"
      "<member person='pc2'/>"
      "<quorum present='2' conflicted-count='false'/></committee>"
      "<meets first='2024-01-10' every='P7D' capacity='5'/>"
      "</committees-in-common>"
      "<conflict person='pa1' matter='m'/><conflict person='pc1' matter='m'/>"
      "<stance support='1'/>"
      "<proposal id='x1' title='X' matter='m' lead='oa' affects='oa ob oc' "
      "arrives='2024-01-02' body='cic'/>"
      "</scenario>";

static void
test_studies_cic_item_inquorate_votes_nothing (void)
{
  /* At the one meeting all seven attend, so every constituent is quorate
   * (ka 3 ≥ 2, kb 2 ≥ 2, kc 2 ≥ 2): one MEETING record for the group and
   * no INQUORATE record.  Phase one: ka's pa1 declares (a CONFLICT record,
   * declare_only 1) and stays; kc's pc1 withdraws (a CONFLICT record), and
   * without pc1 kc counts 1 < 2: an ITEM_INQUORATE record for kc, item 0,
   * counted 1, needed 2, refs = {pc1}.  So no constituent votes: no
   * CONSTITUENT record, no SPLIT, no APPROVED or REJECTED, and no breach —
   * in particular not the conflicted-member-voted breach ka's vote would
   * have made; the item is carried (CARRIED, reason inquorate) and still
   * waiting at the end.  Counters: kc item_inquorate 1; every inquorate
   * count 0; no ties, casting, blocked, no-votes or splits anywhere; the
   * group and each constituent met once; conflicts 1 in ka and 1 in kc. */
  g_autoptr (GsScenario) s = gs_test_load_inline (cic_defect_xml);
  guint32 cic = (guint32)gs_scenario_find_body (s, "cic");
  guint32 ka = (guint32)gs_scenario_find_body (s, "ka");
  guint32 kc = (guint32)gs_scenario_find_body (s, "kc");
  for (guint flags = 0; flags < 2; flags++)
    {
      g_autoptr (GsRun) run
          = run_seed (s, 1, flags ? GS_RUN_NO_RECORDS : GS_RUN_FLAGS_NONE);
      CU_ASSERT_EQUAL_FATAL (gs_run_n_cases (run), 1);
      CU_ASSERT_EQUAL (gs_run_get_case (run, 0)->state, GS_CASE_WAITING);
      CU_ASSERT_EQUAL (gs_run_get_case (run, 0)->breaches, 0);
      CU_ASSERT_EQUAL (gs_run_counters (run)->breach_total, 0);
      for (guint b = 0; b < gs_scenario_n_bodies (s); b++)
        {
          const GsBodyCounters *n = gs_run_body_counters (run, b);
          CU_ASSERT_EQUAL (n->meetings, 1);
          CU_ASSERT_EQUAL (n->inquorate, 0);
          CU_ASSERT_EQUAL (n->item_inquorate, b == kc ? 1u : 0u);
          CU_ASSERT_EQUAL (n->ties, 0);
          CU_ASSERT_EQUAL (n->casting, 0);
          CU_ASSERT_EQUAL (n->blocked, 0);
          CU_ASSERT_EQUAL (n->no_votes, 0);
          CU_ASSERT_EQUAL (n->splits, 0);
          CU_ASSERT_EQUAL (n->breaches, 0);
          CU_ASSERT_EQUAL (n->conflicts, b == ka || b == kc ? 1u : 0u);
        }
      if (flags)
        {
          CU_ASSERT_EQUAL (gs_run_n_records (run), 0);
          continue;
        }
      CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_MEETING), 1);
      CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_INQUORATE), 0);
      CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_CONFLICT), 2);
      CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_CONSTITUENT), 0);
      CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_SPLIT), 0);
      CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_APPROVED), 0);
      CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_REJECTED), 0);
      CU_ASSERT_EQUAL (gs_test_count_breaches (run), 0);
      CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_ITEM_INQUORATE), 1);
      const GsRecord *r = gs_test_nth_record (run, GS_REC_ITEM_INQUORATE, 0);
      CU_ASSERT_PTR_NOT_NULL_FATAL (r);
      CU_ASSERT_EQUAL (r->body, kc);
      CU_ASSERT_EQUAL (r->item, 0);
      CU_ASSERT_EQUAL (r->quorum.counted, 1);
      CU_ASSERT_EQUAL (r->quorum.needed, 2);
      CU_ASSERT_EQUAL_FATAL (r->n_refs, 1);
      CU_ASSERT_EQUAL (gs_run_record_refs (run, r)[0],
                       (guint32)gs_scenario_find_person (s, "pc1"));
      const GsRecord *c = gs_test_nth_record (run, GS_REC_CARRIED, 0);
      CU_ASSERT_PTR_NOT_NULL_FATAL (c);
      CU_ASSERT_EQUAL (c->body, cic);
      CU_ASSERT_EQUAL (c->carried.reason, GS_CARRY_INQUORATE);
    }
}

static void
test_studies_cic_all_quorate_votes (void)
{
  /* The control: the same scenario without pc1's conflict.  Now every
   * constituent takes the item: three CONSTITUENT records (ka 3-0 with
   * pa1's declared vote, kb 2-0, kc 2-0), APPROVED for the group, and
   * ka's conflicted-member-voted breach — exactly what the test above
   * must not see. */
  g_autofree char *xml = g_strdup (cic_defect_xml);
  char *k = strstr (xml, "<conflict person='pc1' matter='m'/>");
  CU_ASSERT_PTR_NOT_NULL_FATAL (k);
  memset (k, ' ', strlen ("<conflict person='pc1' matter='m'/>"));
  g_autoptr (GsScenario) s = gs_test_load_inline (xml);
  g_autoptr (GsRun) run = run_seed (s, 1, GS_RUN_FLAGS_NONE);
  CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_CONSTITUENT), 3);
  CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_ITEM_INQUORATE), 0);
  CU_ASSERT_EQUAL (gs_test_count_records (run, GS_REC_APPROVED), 1);
  const GsRecord *r = gs_test_nth_record (run, GS_REC_CONSTITUENT, 0);
  CU_ASSERT_PTR_NOT_NULL_FATAL (r);
  CU_ASSERT_EQUAL (r->vote.votes_for, 3);
  CU_ASSERT_EQUAL (gs_run_counters (run)->breaches[GS_BREACH_CONFLICTED_VOTED],
                   1);
  CU_ASSERT_EQUAL (gs_run_get_case (run, 0)->state, GS_CASE_APPROVED);
}

static const GsTestCase cases[] = {
  { "test_studies_variants_share_traffic",
    test_studies_variants_share_traffic },
  { "test_studies_shared_person_one_attendance",
    test_studies_shared_person_one_attendance },
  { "test_studies_attendance_same_in_variants",
    test_studies_attendance_same_in_variants },
  { "test_studies_ballots_same_in_variants",
    test_studies_ballots_same_in_variants },
  { "test_studies_summary_without_records",
    test_studies_summary_without_records },
  { "test_studies_reuse_is_fresh", test_studies_reuse_is_fresh },
  { "test_studies_record_table_shape", test_studies_record_table_shape },
  { "test_studies_records_match_table", test_studies_records_match_table },
  { "test_studies_cic_item_inquorate_votes_nothing",
    test_studies_cic_item_inquorate_votes_nothing },
  { "test_studies_cic_all_quorate_votes", test_studies_cic_all_quorate_votes },
  { NULL, NULL },
};

int
main (void)
{
  return gs_test_run ("studies", cases);
}

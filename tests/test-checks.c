/* test-checks.c — the static review of `govsim check`, rule by rule.
 *
 * For every rule, a minimal scenario in which it fires (checking the rule,
 * its severity and the line it points at) and the same scenario corrected,
 * in which it is silent.  Scenarios are written inline and loaded through
 * the real loader; the line a finding must point at is found by searching
 * the scenario text for the element, so the expectations do not depend on
 * counting lines by hand.  Also: the rule table itself, the order of the
 * findings, the text layout, and the quorum cases the loader used to
 * refuse (tests/data/checks/), which must now load, run (always
 * inquorate) and be reported by the review.
 */
#include "model/gs-scenario-private.h"
#include "gs-test-scenario.h"

#include <govsim/gs-checks.h>

#include <string.h>

#ifndef GS_TEST_DATA_DIR
#error "GS_TEST_DATA_DIR must name tests/data"
#endif

#define CHECKS_DIR GS_TEST_DATA_DIR "/checks"

#define HEAD                                                                   \
  "<scenario xmlns='urn:govsim:scenario:1' name='t' start='2024-01-01' "       \
  "horizon='P1Y'>\n"
#define TAIL  "</scenario>\n"
#define MEETS "<meets first='2024-01-10' every='P1M' capacity='5'/>"

/* The 1-based line of the first occurrence of @needle in @xml. */
static int
line_of (const char *xml, const char *needle)
{
  const char *at = strstr (xml, needle);
  CU_ASSERT_PTR_NOT_NULL_FATAL (at);
  int line = 1;
  for (const char *p = xml; p < at; p++)
    line += *p == '\n';
  return line;
}

/* The findings of rule @id in @xml.  (transfer container) */
static GPtrArray *
findings_of (const char *xml, const char *id, GPtrArray **all)
{
  g_autoptr (GsScenario) s = gs_test_load_inline (xml);
  *all = gs_check_scenario (s);
  GPtrArray *out = g_ptr_array_new ();
  for (guint i = 0; i < (*all)->len; i++)
    {
      GsFinding *f = g_ptr_array_index (*all, i);
      if (strcmp (f->rule->id, id) == 0)
        g_ptr_array_add (out, f);
    }
  return out;
}

/* Asserts that rule @id finds exactly one thing in @xml, at the line of
 * @needle, with the rule's severity @severity, and that its message holds
 * @text (if not NULL). */
static void
expect_one (const char *xml, const char *id, GsSeverity severity,
            const char *needle, const char *text)
{
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) found = findings_of (xml, id, &all);
  CU_ASSERT_EQUAL (found->len, 1);
  if (found->len != 1)
    {
      fprintf (stderr, "\n%s: %u findings in\n%s\n", id, found->len, xml);
      return;
    }
  const GsFinding *f = g_ptr_array_index (found, 0);
  CU_ASSERT_EQUAL (f->severity, severity);
  CU_ASSERT_EQUAL (f->rule->severity, severity);
  CU_ASSERT_EQUAL (f->line, line_of (xml, needle));
  CU_ASSERT_TRUE (f->elements->len >= 1);
  if (text != NULL)
    {
      CU_ASSERT_PTR_NOT_NULL (strstr (f->message, text));
      if (strstr (f->message, text) == NULL)
        fprintf (stderr, "\n%s: '%s' not in '%s'\n", id, text, f->message);
    }
}

static void
expect_none (const char *xml, const char *id)
{
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) found = findings_of (xml, id, &all);
  CU_ASSERT_EQUAL (found->len, 0);
  for (guint i = 0; i < found->len; i++)
    fprintf (stderr, "\nunexpected %s: %s\n", id,
             ((GsFinding *)g_ptr_array_index (found, i))->message);
}

/* @xml with @from replaced by @to (which must occur).  (transfer full) */
static char *
fix (const char *xml, const char *from, const char *to)
{
  CU_ASSERT_PTR_NOT_NULL_FATAL (strstr (xml, from));
  g_autoptr (GString) out = g_string_new (xml);
  g_string_replace (out, from, to, 1);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ---- the rule table ------------------------------------------------------ */

static void
test_rule_table (void)
{
  guint n = 0;
  const GsCheckRule *rules = gs_check_rules (&n);
  CU_ASSERT_TRUE_FATAL (n >= 15);
  for (guint i = 0; i < n; i++)
    {
      const GsCheckRule *r = &rules[i];
      /* Kebab-case: lower-case letters and digits in words joined by '-'. */
      CU_ASSERT_TRUE (g_ascii_islower (r->id[0]));
      for (const char *p = r->id; *p; p++)
        CU_ASSERT_TRUE (g_ascii_islower (*p) || g_ascii_isdigit (*p)
                        || (*p == '-' && p[1] != '-' && p[1] != '\0'));
      CU_ASSERT_TRUE (strlen (r->title) > 10);
      CU_ASSERT_PTR_NULL (strchr (r->title, '\n'));
      CU_ASSERT_TRUE (strlen (r->basis) > 20);
      CU_ASSERT_PTR_NOT_NULL (r->run);
      CU_ASSERT_TRUE (r->severity <= GS_SEVERITY_ERROR);
      CU_ASSERT_PTR_EQUAL (gs_check_rule_find (r->id), r);
      for (guint j = 0; j < i; j++)
        CU_ASSERT_NOT_EQUAL (strcmp (rules[j].id, r->id), 0);
    }
  CU_ASSERT_PTR_NULL (gs_check_rule_find ("no-such-rule"));

  /* Every rule of the brief is there, at its severity. */
  static const struct
  {
    const char *id;
    GsSeverity severity;
  } expected[] = {
    { "ft-committee-non-director", GS_SEVERITY_ERROR },
    { "la-function-to-joint-committee", GS_SEVERITY_ERROR },
    { "joint-remuneration-committee", GS_SEVERITY_ERROR },
    { "corporate-governance-delegated", GS_SEVERITY_ERROR },
    { "non-delegable-delegated", GS_SEVERITY_ERROR },
    { "quorum-never-met", GS_SEVERITY_ERROR },
    { "unanimity-many-parties", GS_SEVERITY_WARNING },
    { "gateway-without-authority", GS_SEVERITY_ERROR },
    { "matter-without-pathway", GS_SEVERITY_WARNING },
    { "chain-exceeds-source", GS_SEVERITY_ERROR },
    { "sub-delegation-not-allowed", GS_SEVERITY_ERROR },
    { "conflicting-delegations", GS_SEVERITY_WARNING },
    { "delegation-gap", GS_SEVERITY_WARNING },
    { "ladder-cannot-bind", GS_SEVERITY_WARNING },
    { "conflicts-declare-only", GS_SEVERITY_ADVICE },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const GsCheckRule *r = gs_check_rule_find (expected[i].id);
      CU_ASSERT_PTR_NOT_NULL_FATAL (r);
      CU_ASSERT_EQUAL (r->severity, expected[i].severity);
    }
}

static void
test_severity_names (void)
{
  static const char *const names[] = { "advice", "warning", "error" };
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GsSeverity v = GS_SEVERITY_ERROR;
      CU_ASSERT_TRUE (gs_severity_from_string (names[i], &v));
      CU_ASSERT_EQUAL (v, (GsSeverity)i);
      CU_ASSERT_STRING_EQUAL (gs_severity_to_string (v), names[i]);
    }
  GsSeverity v = GS_SEVERITY_ADVICE;
  CU_ASSERT_FALSE (gs_severity_from_string ("Error", &v));
  CU_ASSERT_FALSE (gs_severity_from_string ("fatal", &v));
  CU_ASSERT_FALSE (gs_severity_from_string ("", &v));
  CU_ASSERT_FALSE (gs_severity_from_string (NULL, &v));
  CU_ASSERT_EQUAL (v, GS_SEVERITY_ADVICE);
  CU_ASSERT_TRUE (GS_SEVERITY_ERROR > GS_SEVERITY_WARNING
                  && GS_SEVERITY_WARNING > GS_SEVERITY_ADVICE);
}

/* ---- statutory rules ----------------------------------------------------- */

#define FT_ORGS                                                                \
  "<organisation id='ft' name='Trust F' kind='foundation-trust'/>\n"           \
  "<organisation id='nt' name='Trust N' kind='nhs-trust'/>\n"                  \
  "<person id='chair' name='Chair' org='ft' role='chair' director='true'/>\n"  \
  "<person id='ned' name='NED' org='ft' role='ned' director='true'/>\n"        \
  "<person id='nt-ceo' name='N chief' org='nt' role='chief-executive' "        \
  "director='true'/>\n"                                                        \
  "<matter id='m' name='Matter'/>\n"                                           \
  "<board id='board' name='Board' org='ft'><member person='chair'/>"           \
  "<member person='ned'/>" MEETS "</board>\n"

/* A foundation trust committee with its Chief Operating Officer, who is not
 * a director; a joint committee with another trust's chief executive is
 * exempt. */
static void
test_ft_committee_non_director (void)
{
  static const char xml[] = HEAD FT_ORGS
      "<person id='coo' name='COO' org='ft' role='executive'/>\n"
      "<committee id='fic' name='Finance' org='ft'><member person='ned'/>"
      "<member person='coo'/>" MEETS "</committee>\n"
      "<joint-committee id='jc' name='JC' parties='ft nt'>"
      "<member person='ned'/><member person='nt-ceo'/>" MEETS
      "</joint-committee>\n" TAIL;
  const char *id = "ft-committee-non-director";
  expect_one (xml, id, GS_SEVERITY_ERROR, "<committee id='fic'",
              "one member is not a director of the trust — COO ('coo'): ");
  g_autofree char *fixed
      = fix (xml, "role='executive'/>", "role='executive' director='true'/>");
  expect_none (fixed, id);

  /* A member of another trust, even one of its directors. */
  g_autofree char *other
      = fix (fixed, "<member person='coo'/>", "<member person='nt-ceo'/>");
  expect_one (other, id, GS_SEVERITY_ERROR, "<committee id='fic'",
              "of Trust N ('nt')");

  /* A deputy who may vote sits as a member; one who may not only attends. */
  g_autofree char *deputy = fix (xml, "<member person='coo'/>",
                                 "<member person='chair' deputy='coo'/>");
  expect_one (deputy, id, GS_SEVERITY_ERROR, "<committee id='fic'",
              "a deputy who may vote for Chair ('chair')");
  g_autofree char *no_vote
      = fix (deputy, MEETS "</committee>",
             "<voting deputies-vote='false'/>" MEETS "</committee>");
  expect_none (no_vote, id);

  /* The same committee of an NHS trust is not caught. */
  g_autofree char *nhs
      = fix (xml, "kind='foundation-trust'", "kind='nhs-trust'");
  expect_none (nhs, id);
}

/* A trust's constituent committee in committees in common is a committee
 * of the trust. */
static void
test_ft_committee_constituent (void)
{
  static const char xml[] = HEAD FT_ORGS
      "<person id='coo' name='COO' org='ft' role='executive'/>\n"
      "<committees-in-common id='cic' name='CiC' parties='ft nt'>\n"
      "<committee id='ft-k' name='F committee' org='ft'>"
      "<member person='ned'/><member person='coo'/></committee>\n"
      "<committee id='nt-k' name='N committee' org='nt'>"
      "<member person='nt-ceo'/></committee>\n" MEETS
      "</committees-in-common>\n" TAIL;
  const char *id = "ft-committee-non-director";
  expect_one (xml, id, GS_SEVERITY_ERROR, "<committee id='ft-k'",
              "is the committee of Trust F ('ft'), a foundation trust, in "
              "CiC ('cic')");
  g_autofree char *fixed
      = fix (xml, "<member person='coo'/>", "<member person='chair'/>");
  expect_none (fixed, id);
}

#define LA_ORGS                                                                \
  "<organisation id='la' name='Council' kind='local-authority'/>\n"            \
  "<organisation id='nt' name='Trust N' kind='nhs-trust'/>\n"                  \
  "<person id='cllr' name='Leader' org='la' role='chair' director='true'/>\n"  \
  "<person id='nt-ceo' name='N chief' org='nt' role='chief-executive' "        \
  "director='true'/>\n"                                                        \
  "<matter id='pool' name='Pooled fund'/>\n"                                   \
  "<board id='la-board' name='Cabinet' org='la'><member person='cllr'/>" MEETS \
  "</board>\n"                                                                 \
  "<committee id='lac' name='Health committee' org='la'>"                      \
  "<member person='cllr'/>" MEETS "</committee>\n"                             \
  "<joint-committee id='jc' name='Health JC' parties='la nt'>"                 \
  "<member person='cllr'/><member person='nt-ceo'/>" MEETS                     \
  "</joint-committee>\n"

static void
test_la_function_to_joint_committee (void)
{
  static const char xml[] = HEAD LA_ORGS
      "<scheme org='la'>\n"
      "<delegation id='d1' by='la-board' to='jc' matters='pool'/>\n"
      "</scheme>\n" TAIL;
  const char *id = "la-function-to-joint-committee";
  expect_one (xml, id, GS_SEVERITY_ERROR, "<delegation id='d1'",
              "Council ('la'), a local authority, delegates Pooled fund "
              "('pool') to Health JC ('jc')");
  g_autofree char *fixed = fix (xml, "to='jc'", "to='lac'");
  expect_none (fixed, id);
  g_autofree char *combined
      = fix (xml, "kind='local-authority'", "kind='combined-authority'");
  expect_one (combined, id, GS_SEVERITY_ERROR, "<delegation id='d1'",
              "a combined authority");
  /* The NHS trust may delegate to the joint committee. */
  g_autofree char *trust
      = fix (xml, "<scheme org='la'>\n<delegation id='d1' by='la-board'",
             "<board id='nt-board' name='N board' org='nt'><member "
             "person='nt-ceo'/>" MEETS
             "</board>\n<scheme org='nt'>\n<delegation id='d1' by='nt-board'");
  expect_none (trust, id);
}

#define TWO_TRUSTS                                                             \
  "<organisation id='a' name='Trust A' kind='nhs-trust'/>\n"                   \
  "<organisation id='b' name='Trust B' kind='nhs-trust'/>\n"                   \
  "<person id='pa' name='A chair' org='a' role='chair' director='true'/>\n"    \
  "<person id='pa2' name='A NED' org='a' role='ned' director='true'/>\n"       \
  "<person id='pb' name='B chair' org='b' role='chair' director='true'/>\n"    \
  "<board id='a-board' name='A board' org='a'><member person='pa'/>"           \
  "<member person='pa2'/>" MEETS "</board>\n"                                  \
  "<board id='b-board' name='B board' org='b'><member person='pb'/>" MEETS     \
  "</board>\n"                                                                 \
  "<committee id='fic' name='A finance' org='a'><member person='pa2'/>" MEETS  \
  "</committee>\n"                                                             \
  "<committee id='panel' name='A panel' org='a'><member person='pa'/>" MEETS   \
  "</committee>\n"                                                             \
  "<joint-committee id='jc' name='A and B JC' parties='a b'>"                  \
  "<member person='pa'/><member person='pb'/>" MEETS "</joint-committee>\n"

static void
test_joint_remuneration_committee (void)
{
  static const char xml[] = HEAD TWO_TRUSTS
      "<matter id='pay' name='Directors pay' class='remuneration'/>\n"
      "<scheme org='a'><delegation by='a-board' to='jc' matters='pay'/>"
      "</scheme>\n" TAIL;
  const char *id = "joint-remuneration-committee";
  expect_one (xml, id, GS_SEVERITY_ERROR, "<joint-committee id='jc'",
              "Directors pay ('pay'), a remuneration matter (it is delegated "
              "to it)");
  g_autofree char *fixed
      = fix (xml, "to='jc' matters='pay'", "to='fic' matters='pay'");
  expect_none (fixed, id);

  /* Proposals sent to it, straight or along a pathway, also let it decide. */
  g_autofree char *sent = fix (
      fixed, TAIL,
      "<proposal id='x' title='X' matter='pay' lead='a' arrives='2024-02-01' "
      "body='jc'/>\n" TAIL);
  expect_one (sent, id, GS_SEVERITY_ERROR, "<joint-committee id='jc'",
              "proposals of it come to it for a decision");
  g_autofree char *sent_fixed = fix (sent, "body='jc'", "body='fic'");
  expect_none (sent_fixed, id);
  g_autofree char *routed = fix (
      fixed, TAIL,
      "<pathway id='pw' matters='pay'><gateway body='fic' role='recommend'/>"
      "<gateway body='jc'/></pathway>\n" TAIL);
  expect_one (routed, id, GS_SEVERITY_ERROR, "<joint-committee id='jc'", NULL);
  /* A recommend-only gateway does not decide. */
  g_autofree char *advises = fix (
      fixed, TAIL,
      "<pathway id='pw' matters='pay'><gateway body='jc' role='recommend'/>"
      "<gateway body='fic'/></pathway>\n" TAIL);
  expect_none (advises, id);
}

static void
test_corporate_governance_delegated (void)
{
  static const char xml[] = HEAD TWO_TRUSTS
      "<matter id='acc' name='Annual accounts' class='annual-accounts'/>\n"
      "<matter id='aud' name='Audit' class='audit'/>\n"
      "<scheme org='a'>\n"
      "<delegation id='d1' by='a-board' to='fic' matters='acc aud'/>\n"
      "<delegation id='d2' by='a-board' to='jc' matters='aud'/>\n"
      "</scheme>\n" TAIL;
  const char *id = "corporate-governance-delegated";
  /* To its own committee: fine; to the joint committee: caught. */
  expect_one (xml, id, GS_SEVERITY_ERROR, "<delegation id='d2'",
              "delegates Audit ('aud'), central to its corporate governance, "
              "to A and B JC ('jc'), a joint committee, outside the "
              "organisation");
  g_autofree char *fixed
      = fix (xml, "to='jc' matters='aud'", "to='panel' matters='aud'");
  expect_none (fixed, id);
  /* Another organisation's body is outside too. */
  g_autofree char *other
      = fix (xml, "<delegation id='d2' by='a-board' to='jc' matters='aud'/>",
             "<delegation id='d2' by='jc' to='b-board' matters='acc'/>");
  expect_one (other, id, GS_SEVERITY_ERROR, "<delegation id='d2'",
              "a body of Trust B ('b')");
  g_autofree char *consolidated
      = fix (xml, "class='audit'", "class='consolidated-accounts'");
  expect_one (consolidated, id, GS_SEVERITY_ERROR, "<delegation id='d2'", NULL);
}

static void
test_non_delegable_delegated (void)
{
  static const char xml[] = HEAD TWO_TRUSTS
      "<matter id='nd' name='Statutory duty' class='non-delegable'/>\n"
      "<scheme org='a'>\n"
      "<delegation id='d1' by='a-board' to='jc' matters='nd'/>\n"
      "</scheme>\n" TAIL;
  const char *id = "non-delegable-delegated";
  expect_one (xml, id, GS_SEVERITY_ERROR, "<delegation id='d1'",
              "on the list of functions not suitable for delegation");
  g_autofree char *fixed = fix (xml, "to='jc'", "to='fic'");
  expect_none (fixed, id);
  /* An ordinary matter may go to the joint committee. */
  g_autofree char *ordinary = fix (xml, " class='non-delegable'", "");
  expect_none (ordinary, id);
}

/* ---- quorum, voting and ladders ------------------------------------------ */

/* The file the loader used to refuse: a quorum of four on a board of
 * three.  It now loads, runs with every meeting inquorate, and the review
 * reports it on the quorum's line. */
static void
test_quorum_larger_than_membership_file (void)
{
  const char *path = CHECKS_DIR "/quorum-larger-than-membership.xml";
  g_autoptr (GError) error = NULL;
  g_autoptr (GsScenario) s = gs_loader_load_file (path, 0, &error);
  CU_ASSERT_PTR_NULL (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (s);
  g_autoptr (GPtrArray) findings = gs_check_scenario (s);
  guint n = 0;
  for (guint i = 0; i < findings->len; i++)
    {
      const GsFinding *f = g_ptr_array_index (findings, i);
      if (strcmp (f->rule->id, "quorum-never-met") != 0)
        continue;
      n++;
      CU_ASSERT_EQUAL (f->line, 13);
      CU_ASSERT_EQUAL (f->severity, GS_SEVERITY_ERROR);
      CU_ASSERT_PTR_NOT_NULL (
          strstr (f->message, "needs 4 present but it has only 3 members"));
    }
  CU_ASSERT_EQUAL (n, 1);

  g_autoptr (GsRun) run = gs_test_simulate (s, 1, 0, GS_RUN_FLAGS_NONE);
  g_autoptr (GError) check_error = NULL;
  CU_ASSERT_TRUE (gs_run_check (run, &check_error));
  int board = gs_scenario_find_body (s, "board");
  guint inquorate = 0, quorate = 0;
  for (guint i = 0; i < gs_run_n_records (run); i++)
    {
      const GsRecord *r = gs_run_get_record (run, i);
      if (r->body != (guint32)board)
        continue;
      inquorate += r->kind == GS_REC_INQUORATE;
      quorate += r->kind == GS_REC_MEETING;
    }
  CU_ASSERT_TRUE (inquorate > 0);
  CU_ASSERT_EQUAL (quorate, 0);
}

#define THREE_TRUSTS                                                           \
  "<organisation id='a' name='Trust A' kind='nhs-trust'/>\n"                   \
  "<organisation id='b' name='Trust B' kind='nhs-trust'/>\n"                   \
  "<organisation id='c' name='Trust C' kind='nhs-trust'/>\n"                   \
  "<person id='pa' name='A chair' org='a' role='chair' director='true'/>\n"    \
  "<person id='pa2' name='A exec' org='a' role='executive'/>\n"                \
  "<person id='pb' name='B NED' org='b' role='ned' director='true'/>\n"        \
  "<person id='pc' name='C exec' org='c' role='executive'/>\n"                 \
  "<matter id='m' name='Matter'/>\n"

static void
test_quorum_never_met (void)
{
  static const char xml[] = HEAD THREE_TRUSTS
      "<joint-committee id='jc' name='JC' parties='a b c'>\n"
      "<member person='pa2'/><member person='pb'/><member person='pc'/>\n"
      "<quorum present='2' chair-required='true'>\n"
      "<role name='ned' min='2'/>\n"
      "<each-party min='1'/>\n"
      "</quorum>\n" MEETS "</joint-committee>\n"
      "<proposal id='x' title='X' matter='m' lead='a' arrives='2024-01-02' "
      "body='jc'/>\n" TAIL;
  const char *id = "quorum-never-met";
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) found = findings_of (xml, id, &all);
  /* No chair, one NED of two; every party has a member. */
  CU_ASSERT_EQUAL_FATAL (found->len, 2);
  const GsFinding *chair = g_ptr_array_index (found, 0);
  const GsFinding *role = g_ptr_array_index (found, 1);
  CU_ASSERT_EQUAL (chair->line, line_of (xml, "<quorum "));
  CU_ASSERT_PTR_NOT_NULL (strstr (chair->message, "requires the chair"));
  CU_ASSERT_EQUAL (role->line, line_of (xml, "<role name='ned'"));
  CU_ASSERT_PTR_NOT_NULL (
      strstr (role->message, "needs 2 NEDs present but it has only 1 NED"));

  g_autofree char *fixed
      = fix (xml, "<member person='pa2'/>",
             "<member person='pa2' chair='true' deputy='pb2'/>");
  g_autofree char *fixed2 = fix (
      fixed, "<matter id='m'",
      "<person id='pb2' name='B NED 2' org='b' role='ned' director='true'/>\n"
      "<matter id='m'");
  expect_none (fixed2, id);
  /* ... unless deputies do not count towards the quorum. */
  g_autofree char *no_deputies
      = fix (fixed2, "chair-required='true'",
             "chair-required='true' deputies-count='false'");
  expect_one (no_deputies, id, GS_SEVERITY_ERROR, "<role name='ned'",
              "among its members");

  /* A party with too few members. */
  g_autofree char *party
      = fix (fixed2, "<each-party min='1'/>", "<each-party min='2'/>");
  g_autoptr (GPtrArray) all2 = NULL;
  g_autoptr (GPtrArray) short_party = findings_of (party, id, &all2);
  CU_ASSERT_EQUAL_FATAL (short_party->len, 1);
  const GsFinding *f = g_ptr_array_index (short_party, 0);
  CU_ASSERT_EQUAL (f->line, line_of (party, "<each-party"));
  CU_ASSERT_PTR_NOT_NULL (strstr (f->message, "Trust A ('a') has only 1 and "
                                              "Trust C ('c') has only 1"));

  /* Too many present. */
  g_autofree char *present = fix (fixed2, "present='2'", "present='4'");
  expect_one (present, id, GS_SEVERITY_ERROR, "<quorum ",
              "needs 4 present but it has only 3 members");
}

static void
test_unanimity_many_parties (void)
{
  static const char xml[] = HEAD THREE_TRUSTS
      "<joint-committee id='jc' name='JC' parties='a b c'>\n"
      "<member person='pa'/><member person='pb'/><member person='pc'/>\n"
      "<voting rule='consensus'/>\n" MEETS "</joint-committee>\n" TAIL;
  const char *id = "unanimity-many-parties";
  expect_one (xml, id, GS_SEVERITY_WARNING, "<voting ",
              "decides by consensus and its members come from 3 "
              "organisations");
  g_autofree char *unanimity = fix (xml, "consensus", "unanimity");
  expect_one (unanimity, id, GS_SEVERITY_WARNING, "<voting ",
              "any one of them can block a decision");
  g_autofree char *fixed = fix (xml, "consensus", "simple-majority");
  expect_none (fixed, id);
  /* Two parties: not caught. */
  g_autofree char *two_parties = fix (xml, "parties='a b c'", "parties='a b'");
  g_autofree char *two = fix (two_parties, "<member person='pc'/>", "");
  expect_none (two, id);
}

/* Committees in common that need all three of their committees. */
static void
test_unanimity_committees_in_common (void)
{
  static const char xml[] = HEAD THREE_TRUSTS
      "<committees-in-common id='cic' name='CiC' parties='a b c' "
      "rule='all'>\n"
      "<committee id='ka' name='KA' org='a'><member person='pa'/>"
      "</committee>\n"
      "<committee id='kb' name='KB' org='b'><member person='pb'/>"
      "</committee>\n"
      "<committee id='kc' name='KC' org='c'><member person='pc'/>"
      "</committee>\n" MEETS "</committees-in-common>\n" TAIL;
  const char *id = "unanimity-many-parties";
  expect_one (xml, id, GS_SEVERITY_WARNING, "<committees-in-common ",
              "only if all 3 of its committees agree");
  g_autofree char *at_least = fix (xml, "rule='all'", "rule='at-least' n='3'");
  expect_one (at_least, id, GS_SEVERITY_WARNING, "<committees-in-common ",
              NULL);
  g_autofree char *fixed = fix (xml, "rule='all'", "rule='majority'");
  expect_none (fixed, id);
}

static void
test_ladder_cannot_bind (void)
{
  static const char xml[] = HEAD THREE_TRUSTS
      "<committee id='k' name='K' org='a'><member person='pa'/>"
      "<member person='pa2'/>"
      "<escalation ladder='local' on='tie'/>" MEETS "</committee>\n"
      "<ladder id='local' name='Local' then='system'>\n"
      "<level decides='reconsider' within='P1M'/>\n"
      "</ladder>\n"
      "<ladder id='system' name='System'>\n"
      "<level decides='vote' body='k' within='P1M'/>\n"
      "<level decides='mediation' success='0.5' within='P1M'/>\n"
      "</ladder>\n" TAIL;
  const char *id = "ladder-cannot-bind";
  /* One finding, at the end of the chain, not one per ladder. */
  expect_one (xml, id, GS_SEVERITY_WARNING, "<level decides='mediation'",
              "System ('system') ends with Mediator, by mediation");
  g_autofree char *fixed
      = fix (xml, "<level decides='mediation' success='0.5' within='P1M'/>",
             "<level decides='mediation' success='0.5' within='P1M'/>"
             "<level decides='binding' within='P1M'/>");
  expect_none (fixed, id);
  g_autofree char *chair
      = fix (xml, "<level decides='mediation' success='0.5' within='P1M'/>",
             "<level decides='chair' person='pa' within='P1M'/>");
  expect_none (chair, id);
  /* The chain's elements include the ladder handing on and the body. */
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) found = findings_of (xml, id, &all);
  CU_ASSERT_EQUAL_FATAL (found->len, 1);
  const GsFinding *f = g_ptr_array_index (found, 0);
  gboolean local = FALSE, body = FALSE;
  for (guint i = 0; i < f->elements->len; i++)
    {
      const GsCheckElement *e = &g_array_index (f->elements, GsCheckElement, i);
      local |= e->kind == GS_ELEMENT_LADDER && strcmp (e->id, "local") == 0;
      body |= e->kind == GS_ELEMENT_BODY && strcmp (e->id, "k") == 0;
    }
  CU_ASSERT_TRUE (local && body);
}

static void
test_conflicts_declare_only (void)
{
  static const char xml[] = HEAD THREE_TRUSTS
      "<committee id='k' name='K' org='a'><member person='pa'/>\n"
      "<voting rule='simple-majority' conflicts='declare'/>\n" MEETS
      "</committee>\n" TAIL;
  const char *id = "conflicts-declare-only";
  expect_one (xml, id, GS_SEVERITY_ADVICE, "<voting ",
              "only declares it, then votes");
  g_autofree char *fixed
      = fix (xml, "conflicts='declare'", "conflicts='withdraw'");
  expect_none (fixed, id);
}

static void
test_matter_without_pathway (void)
{
  static const char xml[] = HEAD THREE_TRUSTS
      "<matter id='orphan' name='Orphan'/>\n"
      "<committee id='k' name='K' org='a'><member person='pa'/>" MEETS
      "</committee>\n"
      "<pathway id='pw' matters='m'><gateway body='k'/></pathway>\n" TAIL;
  const char *id = "matter-without-pathway";
  expect_one (xml, id, GS_SEVERITY_WARNING, "<matter id='orphan'",
              "No pathway lists Orphan ('orphan')");
  g_autofree char *listed = fix (xml, "matters='m'", "matters='m orphan'");
  expect_none (listed, id);
  g_autofree char *carried
      = fix (xml, TAIL,
             "<arrivals id='s' title='S' matter='orphan' body='k' lead='a' "
             "first='2024-01-02' every='P1M' count='2'/>\n" TAIL);
  expect_none (carried, id);
}

/* ---- urgent decisions ------------------------------------------------------
 */

/* Trust A's committee 'uc', chaired by A chair, holds Capital up to £5,000
 * from A's board; @urgent is its <urgent> clause, on a line of its own. */
#define URGENT_COMMITTEE(urgent)                                               \
  HEAD TWO_TRUSTS                                                              \
      "<matter id='m' name='Capital'/>\n"                                      \
      "<committee id='uc' name='A urgent' org='a'>"                            \
      "<member person='pa' chair='true'/><member person='pa2'/>\n" urgent      \
      "\n" MEETS "</committee>\n"                                              \
      "<scheme org='a'><delegation id='d1' by='a-board' to='uc' "              \
      "matters='m' limit='5000'/></scheme>\n"

static void
test_chair_action_no_limit (void)
{
  const char *id = "chair-action-no-limit";
  /* No up-to: no limit at all, and so above the £5,000 delegated. */
  expect_one (URGENT_COMMITTEE ("<urgent route='chair'/>") TAIL, id,
              GS_SEVERITY_WARNING, "<urgent ",
              "Chair's action for A urgent ('uc') has no financial limit (no "
              "up-to): the chair may decide an urgent item of any value "
              "between meetings, without the other members, but the body "
              "holds Capital ('m') up to £5,000 from Trust A ('a') "
              "(delegation 'd1'); chair's action above a delegated limit is "
              "a breach");
  /* One pound above the delegated limit. */
  expect_one (URGENT_COMMITTEE ("<urgent route='chair' up-to='5001'/>") TAIL,
              id, GS_SEVERITY_WARNING, "<urgent ",
              "lets the chair decide urgent items up to £5,001, more than the "
              "body holds: Capital ('m') up to £5,000 from Trust A ('a') "
              "(delegation 'd1')");
  /* At the delegated limit, below it, or a written resolution: silent. */
  expect_none (URGENT_COMMITTEE ("<urgent route='chair' up-to='5000'/>") TAIL,
               id);
  expect_none (URGENT_COMMITTEE ("<urgent route='chair' up-to='500'/>") TAIL,
               id);
  expect_none (URGENT_COMMITTEE ("<urgent route='written' days='3'/>") TAIL,
               id);
  /* A delegation that ended before the period starts limits nothing. */
  g_autofree char *ended = fix (
      URGENT_COMMITTEE ("<urgent route='chair' up-to='9000'/>") TAIL,
      "limit='5000'", "limit='5000' from='2023-01-01' until='2023-06-01'");
  expect_none (ended, id);
  /* A board holds every matter: no up-to is still no limit. */
  static const char board[]
      = HEAD "<organisation id='a' name='Trust A' kind='nhs-trust'/>\n"
             "<person id='pa' name='A chair' org='a' role='chair' "
             "director='true'/>\n"
             "<board id='a-board' name='A board' org='a'>"
             "<member person='pa' chair='true'/>\n"
             "<urgent route='chair'/>\n" MEETS "</board>\n" TAIL;
  expect_one (board, id, GS_SEVERITY_WARNING, "<urgent ",
              "has no financial limit (no up-to): the chair may decide an "
              "urgent item of any value between meetings, without the other "
              "members. Set up-to");
  g_autofree char *limited
      = fix (board, "route='chair'", "route='chair' up-to='25000'");
  expect_none (limited, id);
}

/* Pathway 'pw': gateway 1 the panel, which has no urgent route; gateway 2,
 * locked by default, the committee 'uc' with chair's action up to £1,000. */
#define BEHIND_LOCK                                                            \
  URGENT_COMMITTEE ("<urgent route='chair' up-to='1000'/>")                    \
  "<pathway id='pw' name='Works' matters='m'>\n"                               \
  "<gateway body='panel'/>\n"                                                  \
  "<gateway id='g2' body='uc'/>\n"                                             \
  "</pathway>\n" TAIL

static void
test_urgent_route_behind_locked_gateway (void)
{
  const char *id = "urgent-route-behind-locked-gateway";
  static const char xml[] = BEHIND_LOCK;
  expect_one (xml, id, GS_SEVERITY_WARNING, "<urgent ",
              "A urgent ('uc') may decide an urgent item between meetings by "
              "chair's action, but at gateway 'g2' of pathway Works ('pw'), "
              "behind a locked gateway, an urgent item reaches it only once "
              "gateway 1 (A panel ('panel'), without an urgent route of its "
              "own) has passed at a meeting. govsim holds the item there");
  /* A recommend-only gateway is always heard at a meeting. */
  g_autofree char *advised = fix (xml, "<gateway body='panel'/>",
                                  "<gateway body='panel' role='recommend'/>");
  expect_one (advised, id, GS_SEVERITY_WARNING, "<urgent ",
              "gateway 1 (A panel ('panel'), which recommends at its "
              "meetings)");
  /* The terms of reference say the item waits: silent. */
  g_autofree char *said
      = fix (xml, "up-to='1000'/>", "up-to='1000' locked-gateways='wait'/>");
  expect_none (said, id);
  /* Unlocked, the committee's gateway opens with the panel's. */
  g_autofree char *unlocked
      = fix (xml, "<gateway id='g2' body='uc'/>",
             "<gateway id='g2' body='uc' locked='false'/>");
  expect_none (unlocked, id);
  /* The panel has an urgent route of its own. */
  g_autofree char *both
      = fix (xml, "name='A panel' org='a'><member person='pa'/>",
             "name='A panel' org='a'><member person='pa' chair='true'/>"
             "<urgent route='chair' up-to='1000'/>");
  expect_none (both, id);
  /* The urgent route first: nothing is before it. */
  g_autofree char *first = fix (xml,
                                "<gateway body='panel'/>\n"
                                "<gateway id='g2' body='uc'/>",
                                "<gateway id='g2' body='uc'/>\n"
                                "<gateway body='panel'/>");
  expect_none (first, id);
  /* The panel's gateway applies only above £2,000 and the committee's up
   * to £2,000: no item meets both. */
  g_autofree char *high = fix (xml, "<gateway body='panel'/>",
                               "<gateway body='panel' over='2000'/>");
  g_autofree char *apart = fix (high, "<gateway id='g2' body='uc'/>",
                                "<gateway id='g2' body='uc' up-to='2000'/>");
  expect_none (apart, id);
  /* ... but up to £2,001 they meet at £2,001. */
  g_autofree char *meet = fix (high, "<gateway id='g2' body='uc'/>",
                               "<gateway id='g2' body='uc' up-to='2001'/>");
  expect_one (meet, id, GS_SEVERITY_WARNING, "<urgent ", NULL);
}

#define URGENT_JOB(where, value)                                               \
  "<proposal id='p' title='Job' matter='m' value='" value "' lead='a' "        \
  "arrives='2024-01-02' " where " urgent='true'/>\n"

static void
test_urgent_without_route (void)
{
  const char *id = "urgent-without-route";
  /* Sent to the committee, which has no <urgent> clause: one warning at
   * the proposal's line. */
  static const char plain[]
      = URGENT_COMMITTEE ("") URGENT_JOB ("body='uc'", "1000") TAIL;
  expect_one (plain, id, GS_SEVERITY_WARNING, "<proposal ",
              "Proposal Job ('p') is marked urgent=\"true\", but A urgent "
              "('uc') has no urgent route (no <urgent> clause): there the "
              "item waits for the next meeting like any other, so "
              "urgent=\"true\" changes nothing. Give the body chair's "
              "action or a written resolution");
  /* With a clause, or not urgent: silent. */
  g_autofree char *clause = fix (plain, "<member person='pa2'/>\n",
                                 "<member person='pa2'/>\n"
                                 "<urgent route='written' days='3'/>");
  expect_none (clause, id);
  g_autofree char *calm = fix (plain, "urgent='true'", "urgent='false'");
  expect_none (calm, id);
  /* An arrival stream too, at its own line. */
  static const char stream[] = URGENT_COMMITTEE (
      "") "<arrivals id='s' title='S' matter='m' body='uc' lead='a' "
          "first='2024-01-02' every='P1M' count='2' urgent='true'/>\n" TAIL;
  expect_one (stream, id, GS_SEVERITY_WARNING, "<arrivals ",
              "Arrival stream S ('s') is marked urgent=\"true\", but A "
              "urgent ('uc') has no urgent route");
  /* On the pathway behind the lock the committee has a route and the
   * panel has none: the panel is named. */
  g_autofree char *lock
      = fix (BEHIND_LOCK, TAIL, URGENT_JOB ("pathway='pw'", "1000") TAIL);
  expect_one (lock, id, GS_SEVERITY_WARNING, "<proposal ",
              "but A panel ('panel') has no urgent route");
  /* A recommend-only panel is heard at a meeting whatever its clause. */
  g_autofree char *advised = fix (lock, "<gateway body='panel'/>",
                                  "<gateway body='panel' role='recommend'/>");
  expect_none (advised, id);
  /* Boundary: the panel's gateway applies only above £2,000; an item of
   * £2,000 never reaches it, one of £2,001 does. */
  g_autofree char *high = fix (lock, "<gateway body='panel'/>",
                               "<gateway body='panel' over='2000'/>");
  g_autofree char *at = fix (high, "value='1000'", "value='2000'");
  expect_none (at, id);
  g_autofree char *above = fix (high, "value='1000'", "value='2001'");
  expect_one (above, id, GS_SEVERITY_WARNING, "<proposal ", NULL);
}

/* ---- delegation ------------------------------------------------------------
 */

/* Trust A's committee fic is sent proposals of m; A has a scheme. */
static void
test_gateway_without_authority (void)
{
  static const char xml[]
      = HEAD TWO_TRUSTS "<matter id='m' name='Matter'/>\n"
                        "<matter id='n' name='Other'/>\n"
                        "<scheme org='a'>\n"
                        "<delegation id='d1' by='a-board' to='fic' "
                        "matters='n'/>\n"
                        "</scheme>\n"
                        "<proposal id='x' title='X' matter='m' lead='a' "
                        "arrives='2024-01-02' body='fic'/>\n" TAIL;
  const char *id = "gateway-without-authority";
  expect_one (xml, id, GS_SEVERITY_ERROR, "<committee id='fic'",
              "A finance ('fic') is sent proposals to decide (Matter ('m') "
              "from £0) for Trust A ('a'), but that organisation's scheme of "
              "delegation gives it authority for none of them on any day (at "
              "the start: no delegation)");
  g_autofree char *fixed = fix (xml, "matters='n'", "matters='n m'");
  expect_none (fixed, id);
  /* Authority from a later day is authority on some day. */
  g_autofree char *later
      = fix (xml, "matters='n'/>",
             "matters='n'/>\n<delegation id='d2' by='a-board' to='fic' "
             "matters='m' from='2024-06-01'/>");
  expect_none (later, id);
  /* Reserved to the board: no one else may decide it. */
  g_autofree char *reserved = fix (fixed, "<scheme org='a'>",
                                   "<scheme org='a'><reserved matters='m'/>");
  expect_one (reserved, id, GS_SEVERITY_ERROR, "<committee id='fic'",
              "reserved to the board");
  /* The board always holds authority; a trust with no scheme is not
   * modelled. */
  g_autofree char *board = fix (xml, "body='fic'", "body='a-board'");
  expect_none (board, id);
  g_autofree char *no_scheme
      = fix (xml, "<scheme org='a'>", "<scheme org='b'>");
  g_autofree char *no_scheme2
      = fix (no_scheme, "by='a-board' to='fic'", "by='b-board' to='jc'");
  expect_none (no_scheme2, id);
}

/* At an explicit pathway's joint-committee gateway, the JC binds both
 * trusts; only A has a scheme, and it delegates nothing to the JC. */
static void
test_gateway_without_authority_joint (void)
{
  static const char xml[]
      = HEAD TWO_TRUSTS "<matter id='m' name='Matter'/>\n"
                        "<scheme org='a'>\n"
                        "<delegation id='d1' by='a-board' to='fic' "
                        "matters='m'/>\n"
                        "</scheme>\n"
                        "<pathway id='pw' matters='m'>\n"
                        "<gateway id='first' body='fic'/>\n"
                        "<gateway id='joint' body='jc'/>\n"
                        "</pathway>\n" TAIL;
  const char *id = "gateway-without-authority";
  expect_one (xml, id, GS_SEVERITY_ERROR, "<gateway id='joint'",
              "At gateway 'joint' of pathway 'pw', A and B JC ('jc') decides "
              "proposals of Matter ('m') from £0 for Trust A ('a'), but");
  g_autofree char *fixed
      = fix (xml, "to='fic' matters='m'/>",
             "to='fic' matters='m'/>\n"
             "<delegation by='a-board' to='jc' matters='m'/>");
  expect_none (fixed, id);
  g_autofree char *advice = fix (xml, "<gateway id='joint' body='jc'/>",
                                 "<gateway id='joint' body='jc' "
                                 "role='recommend'/>");
  expect_none (advice, id);
}

/* Committees in common at a gateway: each constituent decides for its own
 * trust, so each is judged against its own trust's scheme; a delegation to
 * the group reaches every constituent. */
static void
test_gateway_without_authority_cic (void)
{
  static const char xml[] = HEAD TWO_TRUSTS
      "<matter id='m' name='Matter'/>\n"
      "<committees-in-common id='cic' name='CiC' "
      "parties='a b'>\n"
      "<committee id='ka' name='KA' org='a'>"
      "<member person='pa2'/></committee>\n"
      "<committee id='kb' name='KB' org='b'>"
      "<member person='pb'/></committee>\n" MEETS "</committees-in-common>\n"
      "<scheme org='a'>\n"
      "<delegation id='d1' by='a-board' to='fic' "
      "matters='m'/>\n"
      "</scheme>\n"
      "<proposal id='x' title='X' matter='m' lead='a' "
      "arrives='2024-01-02' body='cic'/>\n" TAIL;
  const char *id = "gateway-without-authority";
  expect_one (xml, id, GS_SEVERITY_ERROR, "<committees-in-common id='cic'",
              "KA ('ka'), in CiC ('cic'), is sent proposals to decide "
              "(Matter ('m') from £0) for Trust A ('a')");
  g_autofree char *fixed
      = fix (xml, "to='fic' matters='m'/>",
             "to='fic' matters='m'/>\n"
             "<delegation by='a-board' to='cic' matters='m'/>");
  expect_none (fixed, id);
}

static void
test_chain_exceeds_source (void)
{
  static const char xml[]
      = HEAD TWO_TRUSTS "<matter id='m' name='Capital'/>\n"
                        "<matter id='n' name='Estates'/>\n"
                        "<scheme org='a'>\n"
                        "<delegation id='d1' by='a-board' to='fic' "
                        "matters='m' limit='1000' sub-delegate='true'/>\n"
                        "<delegation id='d2' by='fic' to='panel' "
                        "matters='m n' limit='5000'/>\n"
                        "</scheme>\n" TAIL;
  const char *id = "chain-exceeds-source";
  expect_one (xml, id, GS_SEVERITY_ERROR, "<delegation id='d2'",
              "it may decide Capital ('m') only up to £1,000 but delegates "
              "it up to £5,000; it was never delegated Estates ('n')");
  g_autofree char *fixed
      = fix (xml, "matters='m n' limit='5000'", "matters='m' limit='1000'");
  expect_none (fixed, id);
  g_autofree char *lower
      = fix (xml, "matters='m n' limit='5000'", "matters='m' limit='10'");
  expect_none (lower, id);
  g_autofree char *unlimited
      = fix (xml, "matters='m n' limit='5000'", "matters='m'");
  expect_one (unlimited, id, GS_SEVERITY_ERROR, "<delegation id='d2'",
              "delegates it without limit");
  /* A limit that rises in July: until then the committee holds only
   * £1,000. */
  g_autofree char *rising
      = fix (xml, "matters='m n' limit='5000'/>",
             "matters='m' limit='5000'/>\n<delegation id='d3' by='a-board' "
             "to='fic' matters='m' limit='9000' from='2024-07-01' "
             "sub-delegate='true'/>");
  expect_one (rising, id, GS_SEVERITY_ERROR, "<delegation id='d2'",
              "it may decide Capital ('m') at times only up to £1,000 but "
              "delegates it up to £5,000");
  g_autofree char *rising_fixed
      = fix (rising, "limit='5000'/>", "limit='5000' from='2024-07-01'/>");
  expect_none (rising_fixed, id);
  /* Dates: the committee holds the matter only until 1 June. */
  g_autofree char *dated
      = fix (fixed, "limit='1000' sub-delegate='true'",
             "limit='1000' sub-delegate='true' until='2024-06-01'");
  expect_one (dated, id, GS_SEVERITY_ERROR, "<delegation id='d2'",
              "it does not hold Capital ('m') on 2024-06-01, while this "
              "delegation is in force");
  g_autofree char *dated_fixed
      = fix (dated, "matters='m' limit='1000'/>",
             "matters='m' limit='1000' until='2024-05-01'/>");
  expect_none (dated_fixed, id);
}

static void
test_sub_delegation_not_allowed (void)
{
  static const char xml[]
      = HEAD TWO_TRUSTS "<matter id='m' name='Capital'/>\n"
                        "<scheme org='a'>\n"
                        "<delegation id='d1' by='a-board' to='fic' "
                        "matters='m'/>\n"
                        "<delegation id='d2' by='fic' to='panel' "
                        "matters='m'/>\n"
                        "</scheme>\n" TAIL;
  const char *id = "sub-delegation-not-allowed";
  expect_one (xml, id, GS_SEVERITY_ERROR, "<delegation id='d2'",
              "A finance ('fic') delegates Capital ('m') onwards to A panel "
              "('panel') (delegation 'd2' in the scheme of Trust A ('a')), "
              "but its own delegation of it (delegation 'd1') does not allow "
              "sub-delegation");
  g_autofree char *fixed = fix (xml, "matters='m'/>\n<delegation id='d2'",
                                "matters='m' sub-delegate='true'/>\n"
                                "<delegation id='d2'");
  expect_none (fixed, id);
  expect_none (fixed, "chain-exceeds-source");
  /* An amendment that withdraws the permission in March: from then on,
   * the committee holds the matter but may not pass it on. */
  g_autofree char *amended
      = fix (fixed, "</scheme>",
             "<amend delegation='d1' on='2024-03-01' sub-delegate='false'/>\n"
             "</scheme>");
  expect_one (amended, id, GS_SEVERITY_ERROR, "<delegation id='d2'",
              "does not allow sub-delegation from 2024-03-01");
  g_autofree char *ended = fix (amended, "to='panel' matters='m'/>",
                                "to='panel' matters='m' until='2024-03-01'/>");
  expect_none (ended, id);
}

static void
test_conflicting_delegations (void)
{
  static const char xml[]
      = HEAD TWO_TRUSTS "<matter id='m' name='Capital'/>\n"
                        "<scheme org='a'>\n"
                        "<delegation id='d1' by='a-board' to='fic' "
                        "matters='m' limit='1000'/>\n"
                        "<delegation id='d2' by='a-board' to='fic' "
                        "matters='m' limit='2000'/>\n"
                        "</scheme>\n" TAIL;
  const char *id = "conflicting-delegations";
  expect_one (xml, id, GS_SEVERITY_WARNING, "<delegation id='d2'",
              "gives A finance ('fic') two different limits for Capital "
              "('m') at the same time: up to £1,000 (delegation 'd1') and up "
              "to £2,000 (delegation 'd2')");
  g_autofree char *same = fix (xml, "limit='2000'", "limit='1000'");
  expect_none (same, id);
  g_autofree char *until
      = fix (xml, "limit='1000'", "limit='1000' until='2024-06-01'");
  g_autofree char *apart
      = fix (until, "limit='2000'", "limit='2000' from='2024-06-01'");
  expect_none (apart, id);
  g_autofree char *other_body = fix (xml, "to='fic' matters='m' limit='2000'",
                                     "to='panel' matters='m' limit='2000'");
  expect_none (other_body, id);

  /* A matter the scheme reserves to the board. */
  g_autofree char *reserved
      = fix (same, "<scheme org='a'>\n",
             "<scheme org='a'>\n<reserved matters='m'/>\n");
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) found = findings_of (reserved, id, &all);
  CU_ASSERT_EQUAL_FATAL (found->len, 2); /* d1 and d2 */
  const GsFinding *f = g_ptr_array_index (found, 0);
  CU_ASSERT_EQUAL (f->line, line_of (reserved, "<delegation id='d1'"));
  CU_ASSERT_PTR_NOT_NULL (strstr (f->message, "reserves Capital ('m') to its "
                                              "board, but delegation 'd1'"));
}

/* A pathway of one committee gateway: Trust A's scheme lets its finance
 * committee decide up to £1,000, so above that nobody may. */
static void
test_delegation_gap (void)
{
  static const char xml[]
      = HEAD TWO_TRUSTS "<matter id='m' name='Capital'/>\n"
                        "<scheme org='a'>\n"
                        "<delegation id='d1' by='a-board' to='fic' "
                        "matters='m' limit='1000'/>\n"
                        "</scheme>\n"
                        "<pathway id='pw' matters='m'>\n"
                        "<gateway id='g1' body='fic'/>\n"
                        "</pathway>\n" TAIL;
  const char *id = "delegation-gap";
  expect_one (xml, id, GS_SEVERITY_WARNING, "<gateway id='g1'",
              "A finance ('fic') holds no authority from Trust A ('a') at the "
              "start of the period for Capital ('m') worth over £1,000 (over "
              "the limit)");
  expect_none (xml, "gateway-without-authority");
  /* Above £1,000 the board decides instead. */
  g_autofree char *fixed
      = fix (xml, "<gateway id='g1' body='fic'/>",
             "<gateway id='g1' body='fic' up-to='1000'/>\n"
             "<gateway id='g2' body='a-board' over='1000'/>");
  expect_none (fixed, id);
  /* Ranges merge and are stated in pounds: a second limit inside the gap
   * does not split it. */
  g_autofree char *two
      = fix (xml, "</scheme>",
             "<delegation by='a-board' to='panel' matters='m' limit='5000'/>\n"
             "</scheme>");
  expect_one (two, id, GS_SEVERITY_WARNING, "<gateway id='g1'",
              "worth over £1,000 (over the limit)");
  /* Nothing at all delegated: gateway-without-authority says it, once. */
  g_autofree char *none = fix (xml, "matters='m' limit='1000'", "matters='n'");
  g_autofree char *none2
      = fix (none, "<matter id='m' name='Capital'/>\n",
             "<matter id='m' name='Capital'/>\n<matter id='n' name='N'/>\n");
  expect_none (none2, id);
  expect_one (none2, "gateway-without-authority", GS_SEVERITY_ERROR,
              "<gateway id='g1'", NULL);
  /* A delegation that starts later leaves the start uncovered. */
  g_autofree char *later
      = fix (xml, "limit='1000'/>", "limit='1000' from='2024-06-01'/>");
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) found = findings_of (later, id, &all);
  CU_ASSERT_EQUAL_FATAL (found->len, 1);
  CU_ASSERT_PTR_NOT_NULL (
      strstr (((GsFinding *)g_ptr_array_index (found, 0))->message,
              "Capital ('m') of any value (delegation "
              "not in force)"));
}

/* ---- order and layout ------------------------------------------------------
 */

static void
test_sorted_and_written (void)
{
  static const char xml[] = HEAD THREE_TRUSTS
      "<matter id='orphan' name='Orphan'/>\n"
      "<committee id='k' name='K' org='a'><member person='pa'/>\n"
      "<quorum present='3'/>\n"
      "<voting rule='consensus' conflicts='declare'/>\n" MEETS
      "</committee>\n" TAIL;
  g_autoptr (GsScenario) s = gs_test_load_inline (xml);
  g_autoptr (GPtrArray) findings = gs_check_scenario (s);
  /* m and orphan (lines 9 and 10) have nowhere to go; then the quorum,
   * then the advice on the voting line. */
  CU_ASSERT_EQUAL_FATAL (findings->len, 4);
  static const char *const order[]
      = { "matter-without-pathway", "matter-without-pathway",
          "quorum-never-met", "conflicts-declare-only" };
  int last = 0;
  for (guint i = 0; i < findings->len; i++)
    {
      const GsFinding *f = g_ptr_array_index (findings, i);
      CU_ASSERT_STRING_EQUAL (f->rule->id, order[i]);
      CU_ASSERT_TRUE (f->line >= last);
      last = f->line;
    }
  CU_ASSERT_EQUAL (gs_check_count (findings, GS_SEVERITY_ERROR), 1);
  CU_ASSERT_EQUAL (gs_check_count (findings, GS_SEVERITY_WARNING), 3);
  CU_ASSERT_EQUAL (gs_check_count (findings, GS_SEVERITY_ADVICE), 4);

  g_autoptr (GString) text = g_string_new (NULL);
  gs_check_write_text (s, findings, text);
  g_auto (GStrv) lines = g_strsplit (text->str, "\n", -1);
  int q = line_of (xml, "<quorum ");
  g_autofree char *head
      = g_strdup_printf ("inline:%d: error: [quorum-never-met] K ('k') can "
                         "never be quorate",
                         q);
  gboolean seen_head = FALSE;
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], head))
      {
        seen_head = TRUE;
        CU_ASSERT_TRUE (g_str_has_prefix (lines[i + 1], "    basis: Good "
                                                        "practice"));
        g_autofree char *el
            = g_strdup_printf ("    elements: inline:%d body 'k' (K)",
                               line_of (xml, "<committee id='k'"));
        CU_ASSERT_STRING_EQUAL (lines[i + 2], el);
        g_autofree char *quorum
            = g_strdup_printf ("              inline:%d quorum of 'k'", q);
        CU_ASSERT_STRING_EQUAL (lines[i + 3], quorum);
      }
  CU_ASSERT_TRUE (seen_head);
  CU_ASSERT_TRUE (g_str_has_suffix (
      text->str, "inline: 4 findings (1 error, 2 warnings, 1 advice)\n"));

  /* Without findings, one line says so; the findings alone are empty. */
  g_autoptr (GPtrArray) none = g_ptr_array_new ();
  g_autoptr (GString) empty = g_string_new (NULL);
  gs_check_write_text (s, none, empty);
  CU_ASSERT_STRING_EQUAL (empty->str, "inline: no findings\n");
  g_string_truncate (empty, 0);
  gs_check_write_findings (s, none, empty);
  CU_ASSERT_STRING_EQUAL (empty->str, "");
}

/* The built-in demo has nothing to report. */
static void
test_demo_clean (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GsScenario) demo = gs_loader_load_demo (&error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (demo);
  g_autoptr (GPtrArray) findings = gs_check_scenario (demo);
  CU_ASSERT_EQUAL (findings->len, 0);
}

/* The shipped teaching pair: every rule fires on delegation-limits.xml
 * (its header comment names the fault behind each), and nothing fires on
 * its corrected twin. */
static void
test_teaching_pair (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GsScenario) s = gs_loader_load_file (
      GS_SCENARIO_DIR "/delegation-limits.xml", 0, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (s);
  g_autoptr (GPtrArray) findings = gs_check_scenario (s);
  guint n_rules;
  const GsCheckRule *rules = gs_check_rules (&n_rules);
  for (guint r = 0; r < n_rules; r++)
    {
      guint fired = 0;
      for (guint i = 0; i < findings->len; i++)
        fired += ((const GsFinding *)g_ptr_array_index (findings, i))->rule
                 == &rules[r];
      if (fired == 0)
        fprintf (stderr, "rule %s did not fire\n", rules[r].id);
      CU_ASSERT_TRUE (fired >= 1);
    }

  g_autoptr (GsScenario) twin = gs_loader_load_file (
      GS_SCENARIO_DIR "/delegation-limits-corrected.xml", 0, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (twin);
  g_autoptr (GPtrArray) none = gs_check_scenario (twin);
  CU_ASSERT_EQUAL (none->len, 0);
}

static const GsTestCase cases[] = {
  { "test_rule_table", test_rule_table },
  { "test_severity_names", test_severity_names },
  { "test_ft_committee_non_director", test_ft_committee_non_director },
  { "test_ft_committee_constituent", test_ft_committee_constituent },
  { "test_la_function_to_joint_committee",
    test_la_function_to_joint_committee },
  { "test_joint_remuneration_committee", test_joint_remuneration_committee },
  { "test_corporate_governance_delegated",
    test_corporate_governance_delegated },
  { "test_non_delegable_delegated", test_non_delegable_delegated },
  { "test_quorum_larger_than_membership_file",
    test_quorum_larger_than_membership_file },
  { "test_quorum_never_met", test_quorum_never_met },
  { "test_unanimity_many_parties", test_unanimity_many_parties },
  { "test_unanimity_committees_in_common",
    test_unanimity_committees_in_common },
  { "test_ladder_cannot_bind", test_ladder_cannot_bind },
  { "test_conflicts_declare_only", test_conflicts_declare_only },
  { "test_matter_without_pathway", test_matter_without_pathway },
  { "test_gateway_without_authority", test_gateway_without_authority },
  { "test_gateway_without_authority_joint",
    test_gateway_without_authority_joint },
  { "test_gateway_without_authority_cic", test_gateway_without_authority_cic },
  { "test_chain_exceeds_source", test_chain_exceeds_source },
  { "test_sub_delegation_not_allowed", test_sub_delegation_not_allowed },
  { "test_conflicting_delegations", test_conflicting_delegations },
  { "test_delegation_gap", test_delegation_gap },
  { "test_chair_action_no_limit", test_chair_action_no_limit },
  { "test_urgent_route_behind_locked_gateway",
    test_urgent_route_behind_locked_gateway },
  { "test_urgent_without_route", test_urgent_without_route },
  { "test_sorted_and_written", test_sorted_and_written },
  { "test_demo_clean", test_demo_clean },
  { "test_teaching_pair", test_teaching_pair },
  { NULL, NULL },
};

int
main (void)
{
  return gs_test_run ("checks", cases);
}

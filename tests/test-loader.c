/* test-loader.c — the scenario loader against good and bad input.
 *
 * The bad input is the corpus in tests/data/invalid/: each file is a
 * one-fault variation of tests/data/valid/minimal.xml (its second line says
 * what is wrong), listed in invalid_cases[] with the error code, the line the
 * first problem must be reported on and a short, stable part of its message.
 * A test also checks that the table and the directory list the same files,
 * so a file cannot be added to the corpus without saying what it must
 * produce.  Inputs that must not be committed (a file past the 16 MiB cap,
 * a file with 30 problems) are generated here.  Data is found through
 * GS_TEST_DATA_DIR and GS_SCENARIO_DIR, never the current directory.
 */
#include "model/gs-scenario-private.h"

#include <govsim/gs-loader.h>

#include <string.h>

#include <glib/gstdio.h>

#include "gs-test.h"

#ifndef GS_TEST_DATA_DIR
#error "GS_TEST_DATA_DIR must name tests/data"
#endif
#ifndef GS_SCENARIO_DIR
#error "GS_SCENARIO_DIR must name the shipped scenarios"
#endif

#define INVALID_DIR GS_TEST_DATA_DIR "/invalid"
#define MINIMAL     GS_TEST_DATA_DIR "/valid/minimal.xml"
#define STANCES     GS_TEST_DATA_DIR "/valid/stances.xml"
#define PATHWAYS    GS_TEST_DATA_DIR "/valid/pathways.xml"

typedef struct
{
  const char *file;      /* in tests/data/invalid/ */
  GsLoaderError code;    /* the stage that refuses it */
  int line;              /* the line of the first problem */
  const char *substring; /* part of the first problem's message */
} InvalidCase;

static const InvalidCase invalid_cases[] = {
  /* Not well-formed, or not XML at all. */
  { "empty.xml", GS_LOADER_ERROR_MALFORMED, 1, "empty" },
  { "whitespace-only.xml", GS_LOADER_ERROR_MALFORMED, 4, "not well-formed" },
  { "malformed-unclosed-tag.xml", GS_LOADER_ERROR_MALFORMED, 23,
    "tag mismatch: matter line 8" },
  { "malformed-unclosed-root.xml", GS_LOADER_ERROR_MALFORMED, 23,
    "Premature end of data" },
  /* Four bytes that look like UCS-4, then bytes no encoding converts: a
   * fuzzer's find, whose libxml2 diagnostic once leaked onto stderr. */
  { "binary-ucs4-bytes.xml", GS_LOADER_ERROR_MALFORMED, 1,
    "switching encoding: encoder error" },
  { "malformed-mismatched-tag.xml", GS_LOADER_ERROR_MALFORMED, 15,
    "tag mismatch: board line 9" },
  { "malformed-garbage-after-root.xml", GS_LOADER_ERROR_MALFORMED, 24,
    "Extra content" },
  { "malformed-undefined-entity.xml", GS_LOADER_ERROR_MALFORMED, 4,
    "'trust' not defined" },
  { "malformed-nul-byte.xml", GS_LOADER_ERROR_MALFORMED, 4, "0x0" },
  { "malformed-not-utf8.xml", GS_LOADER_ERROR_MALFORMED, 4, "UTF-8" },

  /* A DOCTYPE of any kind, refused before any entity is declared. */
  { "doctype-external-entity.xml", GS_LOADER_ERROR_MALFORMED, 3, "DOCTYPE" },
  { "doctype-billion-laughs.xml", GS_LOADER_ERROR_MALFORMED, 3, "DOCTYPE" },
  { "doctype-external-dtd.xml", GS_LOADER_ERROR_MALFORMED, 3, "DOCTYPE" },
  { "doctype-empty-internal-subset.xml", GS_LOADER_ERROR_MALFORMED, 3,
    "DOCTYPE" },

  /* Well-formed but not valid against the schema. */
  { "wrong-namespace.xml", GS_LOADER_ERROR_SCHEMA, 3,
    "No matching global declaration" },
  { "no-namespace.xml", GS_LOADER_ERROR_SCHEMA, 3,
    "No matching global declaration" },
  { "unknown-element.xml", GS_LOADER_ERROR_SCHEMA, 9, "'subcommittee'" },
  { "missing-required-attribute.xml", GS_LOADER_ERROR_SCHEMA, 4,
    "'kind' is required" },
  { "bad-organisation-kind.xml", GS_LOADER_ERROR_SCHEMA, 4, "'hospital'" },
  { "attendance-above-one.xml", GS_LOADER_ERROR_SCHEMA, 5, "'1.5'" },
  { "support-negative.xml", GS_LOADER_ERROR_SCHEMA, 20, "'-0.2'" },
  { "support-not-a-number.xml", GS_LOADER_ERROR_SCHEMA, 20, "'high'" },
  { "bad-date-syntax.xml", GS_LOADER_ERROR_SCHEMA, 21, "'1/5/2024'" },
  { "bad-duration-hours-without-t.xml", GS_LOADER_ERROR_SCHEMA, 22, "'P1H'" },
  { "bad-duration-no-p.xml", GS_LOADER_ERROR_SCHEMA, 22, "'14D'" },
  { "bad-id-syntax.xml", GS_LOADER_ERROR_SCHEMA, 8, "'1capital'" },
  { "capacity-zero.xml", GS_LOADER_ERROR_SCHEMA, 14, "'capacity'" },

  /* Valid against the schema, but meaningless. */
  { "impossible-date.xml", GS_LOADER_ERROR_SEMANTIC, 3,
    "'2023-02-29' is not a calendar date" },
  { "impossible-deadline.xml", GS_LOADER_ERROR_SEMANTIC, 21,
    "'2025-02-29' is not a calendar date" },
  { "date-out-of-range.xml", GS_LOADER_ERROR_SEMANTIC, 3, "'1850-04-01'" },
  { "zero-horizon.xml", GS_LOADER_ERROR_SEMANTIC, 3, "'P0D' is zero" },
  { "horizon-past-year-max.xml", GS_LOADER_ERROR_SEMANTIC, 3, "past the year" },
  { "bad-duration-empty-time.xml", GS_LOADER_ERROR_SEMANTIC, 22, "'PT'" },
  { "zero-interval.xml", GS_LOADER_ERROR_SEMANTIC, 14, "'P0D' is zero" },
  { "duplicate-id.xml", GS_LOADER_ERROR_SEMANTIC, 9,
    "duplicate id 'capital' (first used on line 8)" },
  { "duplicate-id-across-kinds.xml", GS_LOADER_ERROR_SEMANTIC, 8,
    "duplicate id 'trust'" },
  { "dangling-member.xml", GS_LOADER_ERROR_SEMANTIC, 11,
    "person 'cfo' is not defined" },
  { "dangling-organisation.xml", GS_LOADER_ERROR_SEMANTIC, 6,
    "organisation 'trusts' is not defined" },
  { "dangling-proposal-body.xml", GS_LOADER_ERROR_SEMANTIC, 21,
    "body 'cabinet' is not defined" },
  { "multiline-tag-dangling-body.xml", GS_LOADER_ERROR_SEMANTIC, 21,
    "body 'cabinet' is not defined" },
  { "dangling-affects.xml", GS_LOADER_ERROR_SEMANTIC, 21,
    "organisation 'icb' is not defined" },
  { "dangling-stance-person.xml", GS_LOADER_ERROR_SEMANTIC, 20,
    "person 'nobody' is not defined" },
  { "affects-twice.xml", GS_LOADER_ERROR_SEMANTIC, 21, "listed twice" },
  { "member-twice.xml", GS_LOADER_ERROR_SEMANTIC, 11, "twice" },
  { "proposal-decided-by-advisory-group.xml", GS_LOADER_ERROR_SEMANTIC, 21,
    "advisory group" },
  { "deadline-before-arrival.xml", GS_LOADER_ERROR_SEMANTIC, 21,
    "deadline before it arrives" },
  { "proposal-arrives-outside-period.xml", GS_LOADER_ERROR_SEMANTIC, 21,
    "outside the simulated period" },
  { "arrivals-first-outside-period.xml", GS_LOADER_ERROR_SEMANTIC, 22,
    "outside the simulated period" },
  { "meeting-outside-period.xml", GS_LOADER_ERROR_SEMANTIC, 14,
    "outside the simulated period" },
  { "uniform-range-backwards.xml", GS_LOADER_ERROR_SEMANTIC, 22,
    "runs backwards" },
  { "lognormal-zero-spread.xml", GS_LOADER_ERROR_SEMANTIC, 22, "spread" },
  { "director-without-organisation.xml", GS_LOADER_ERROR_SEMANTIC, 7,
    "belongs to no organisation" },
  { "stance-person-and-organisation.xml", GS_LOADER_ERROR_SEMANTIC, 20,
    "not both" },
  { "stance-repeated.xml", GS_LOADER_ERROR_SEMANTIC, 21,
    "repeats the one on line 20" },
  { "several-semantic-errors.xml", GS_LOADER_ERROR_SEMANTIC, 9,
    "organisation 'trusts' is not defined" },

  /* Voting rules, deputies and committees in common (issue 3). */
  { "issue3-unknown-voting-rule.xml", GS_LOADER_ERROR_SCHEMA, 14,
    "'two-thirds'" },
  { "issue3-fraction-above-one.xml", GS_LOADER_ERROR_SEMANTIC, 14,
    "outside (0, 1]" },
  { "issue3-quota-above-total-weight.xml", GS_LOADER_ERROR_SEMANTIC, 14,
    "above the total weight" },
  { "issue3-deputy-not-a-person.xml", GS_LOADER_ERROR_SEMANTIC, 10,
    "deputy 'x' is not defined" },
  { "issue3-constituent-not-a-party.xml", GS_LOADER_ERROR_SEMANTIC, 23,
    "is not a party" },
  { "issue3-constituents-same-organisation.xml", GS_LOADER_ERROR_SEMANTIC, 22,
    "both constituents" },
  { "issue3-qualified-majority-without-fraction.xml", GS_LOADER_ERROR_SEMANTIC,
    14, "needs a fraction" },
  { "issue3-proposal-to-constituent.xml", GS_LOADER_ERROR_SEMANTIC, 32,
    "meets only in common" },

  /* Escalation clauses, ladders and their levels. */
  { "escalation-dangling-ladder.xml", GS_LOADER_ERROR_SEMANTIC, 14,
    "ladder 'nowhere' is not defined" },
  { "escalation-no-trigger.xml", GS_LOADER_ERROR_SEMANTIC, 14,
    "names no trigger" },
  { "escalation-split-not-cic.xml", GS_LOADER_ERROR_SEMANTIC, 14,
    "applies only to committees in common" },
  { "escalation-before-deadline-zero.xml", GS_LOADER_ERROR_SEMANTIC, 14,
    "'P0D' is zero" },
  { "escalation-unknown-trigger.xml", GS_LOADER_ERROR_SCHEMA, 14,
    "'deadlock'" },
  { "ladder-self-cycle.xml", GS_LOADER_ERROR_SEMANTIC, 20,
    "cycle: disputes -> disputes" },
  { "ladder-cycle.xml", GS_LOADER_ERROR_SEMANTIC, 20,
    "ladder 'local' hands disputes on in a cycle: local -> system -> local" },
  { "ladder-dangling-then.xml", GS_LOADER_ERROR_SEMANTIC, 20,
    "ladder 'appeal' is not defined (attribute 'then')" },
  { "level-vote-without-body.xml", GS_LOADER_ERROR_SEMANTIC, 21,
    "needs the body that votes" },
  { "level-dangling-body.xml", GS_LOADER_ERROR_SEMANTIC, 21,
    "body 'cabinet' is not defined" },
  { "level-reconsider-with-body.xml", GS_LOADER_ERROR_SEMANTIC, 21,
    "names no body or person" },
  { "level-chair-without-person.xml", GS_LOADER_ERROR_SEMANTIC, 21,
    "needs the person who decides" },
  { "level-chair-body-without-chair.xml", GS_LOADER_ERROR_SEMANTIC, 21,
    "body 'panel' has no chair to decide" },
  { "level-mediation-without-success.xml", GS_LOADER_ERROR_SEMANTIC, 21,
    "needs success" },
  { "level-success-on-binding.xml", GS_LOADER_ERROR_SEMANTIC, 21,
    "success applies only to decides=\"mediation\"" },
  { "level-approve-on-vote.xml", GS_LOADER_ERROR_SEMANTIC, 21,
    "approve applies only to" },
  { "level-within-zero.xml", GS_LOADER_ERROR_SEMANTIC, 21,
    "attribute 'within': the duration 'P0D' is zero" },
  { "matter-function-of-no-scheme.xml", GS_LOADER_ERROR_SEMANTIC, 6,
    "matter 'comm' is a function of 'icb', which has no scheme" },

  /* Pathways and their gateways, and how proposals find a pathway. */
  { "gateway-no-body.xml", GS_LOADER_ERROR_SEMANTIC, 21,
    "give body or bodies" },
  { "gateway-body-and-bodies.xml", GS_LOADER_ERROR_SEMANTIC, 21, "not both" },
  { "gateway-dangling-body.xml", GS_LOADER_ERROR_SEMANTIC, 21,
    "body 'cabinet' is not defined (attribute 'bodies')" },
  { "gateway-constituent-body.xml", GS_LOADER_ERROR_SEMANTIC, 32,
    "'cic-trust' meets only in common" },
  { "gateway-body-twice.xml", GS_LOADER_ERROR_SEMANTIC, 21,
    "body 'board' is listed twice" },
  { "gateway-at-least-too-many.xml", GS_LOADER_ERROR_SEMANTIC, 21,
    "between 1 and the number of bodies (1)" },
  { "gateway-n-with-all.xml", GS_LOADER_ERROR_SEMANTIC, 21,
    "n applies only to need=\"at-least\"" },
  { "gateway-advisory-decides.xml", GS_LOADER_ERROR_SEMANTIC, 21,
    "'panel' is an advisory group" },
  { "gateway-empty-range.xml", GS_LOADER_ERROR_SEMANTIC, 22,
    "over £5,000 and up to £4,000 is an empty range" },
  { "gateway-return-to-later.xml", GS_LOADER_ERROR_SEMANTIC, 21,
    "'second' is not an earlier gateway of pathway 'route'" },
  { "gateway-return-to-without-return.xml", GS_LOADER_ERROR_SEMANTIC, 22,
    "return-to applies only with on-reject=\"return\"" },
  { "gateway-recommend-returns.xml", GS_LOADER_ERROR_SEMANTIC, 22,
    "only recommends cannot reject" },
  { "gateway-duplicate-id.xml", GS_LOADER_ERROR_SEMANTIC, 22,
    "duplicate gateway id 'review' in pathway 'route' (first used on line "
    "21)" },
  { "pathway-only-recommending.xml", GS_LOADER_ERROR_SEMANTIC, 20,
    "pathway 'route': a proposal worth £0 would meet no gateway that can "
    "decide it" },
  { "pathway-value-gap.xml", GS_LOADER_ERROR_SEMANTIC, 20,
    "worth £5,000,001 would meet no gateway" },
  { "pathway-empty-range.xml", GS_LOADER_ERROR_SEMANTIC, 20,
    "pathway 'route' takes no value" },
  { "pathway-dangling-matter.xml", GS_LOADER_ERROR_SEMANTIC, 20,
    "matter 'estates' is not defined" },
  { "pathway-id-taken.xml", GS_LOADER_ERROR_SEMANTIC, 20,
    "duplicate id 'board' (first used on line 9)" },
  { "pathway-proposal-body-and-pathway.xml", GS_LOADER_ERROR_SEMANTIC, 24,
    "names a body or a pathway, not both" },
  { "pathway-proposal-dangling.xml", GS_LOADER_ERROR_SEMANTIC, 21,
    "pathway 'fast-track' is not defined" },
  { "pathway-proposal-no-match.xml", GS_LOADER_ERROR_SEMANTIC, 21,
    "no pathway takes matter 'capital' worth £100,000" },
  { "pathway-arrivals-not-covered.xml", GS_LOADER_ERROR_SEMANTIC, 25,
    "no pathway takes matter 'capital' worth £3,001" },

  /* Schemes of delegation.  Each file has one fault and must give exactly
   * one message (test_loader_scheme_errors_alone). */
  { "scheme-dangling-org.xml", GS_LOADER_ERROR_SEMANTIC, 27,
    "organisation 'trusts' is not defined (attribute 'org')" },
  { "scheme-leave-dangling-org.xml", GS_LOADER_ERROR_SEMANTIC, 20,
    "organisation 'trusts' is not defined (attribute 'org')" },
  { "scheme-twice.xml", GS_LOADER_ERROR_SEMANTIC, 30,
    "'trust' already has a scheme of delegation (line 27)" },
  { "scheme-leave-twice.xml", GS_LOADER_ERROR_SEMANTIC, 21,
    "'trust' already leaves on line 20" },
  { "scheme-reserved-dangling-matter.xml", GS_LOADER_ERROR_SEMANTIC, 28,
    "matter 'estates' is not defined (attribute 'matters')" },
  { "scheme-reserved-twice.xml", GS_LOADER_ERROR_SEMANTIC, 23,
    "matter 'capital' is already reserved to the board of 'trust'" },
  { "scheme-reserved-listed-twice.xml", GS_LOADER_ERROR_SEMANTIC, 21,
    "matter 'capital' is listed twice in 'matters'" },
  { "scheme-chain-too-long.xml", GS_LOADER_ERROR_SEMANTIC, 54,
    "a chain of 17 delegations ending with this one, to 'k17'; govsim "
    "follows at most 16" },
  { "delegation-id-used-elsewhere.xml", GS_LOADER_ERROR_SEMANTIC, 28,
    "duplicate id 'fic' (first used on line 20)" },
  { "delegation-too-many-chains.xml", GS_LOADER_ERROR_SEMANTIC, 40,
    "with 'm' through more than 4096 chains of delegation" },
  { "delegation-dangling-by.xml", GS_LOADER_ERROR_SEMANTIC, 28,
    "body 'trust-board' is not defined (attribute 'by')" },
  { "delegation-dangling-to.xml", GS_LOADER_ERROR_SEMANTIC, 28,
    "body 'fc' is not defined (attribute 'to')" },
  { "delegation-dangling-matter.xml", GS_LOADER_ERROR_SEMANTIC, 28,
    "matter 'estates' is not defined (attribute 'matters')" },
  { "delegation-amend-dangling-matter.xml", GS_LOADER_ERROR_SEMANTIC, 29,
    "matter 'estates' is not defined (attribute 'matters')" },
  { "delegation-impossible-date.xml", GS_LOADER_ERROR_SEMANTIC, 28,
    "attribute 'from': '2024-06-31' is not a calendar date" },
  { "delegation-by-other-board.xml", GS_LOADER_ERROR_SEMANTIC, 38,
    "'cabinet' is the board of 'council': only the board of 'trust'" },
  { "delegation-by-body-not-acting.xml", GS_LOADER_ERROR_SEMANTIC, 38,
    "'council-fc' does not act for 'trust'" },
  { "delegation-by-other-constituent.xml", GS_LOADER_ERROR_SEMANTIC, 47,
    "'council-c' does not act for 'trust'" },
  { "delegation-to-advisory-group.xml", GS_LOADER_ERROR_SEMANTIC, 28,
    "'panel' is an advisory group" },
  { "delegation-to-own-board.xml", GS_LOADER_ERROR_SEMANTIC, 29,
    "'board' is the board of 'trust', which holds every matter already" },
  { "delegation-to-itself.xml", GS_LOADER_ERROR_SEMANTIC, 29,
    "'fic' cannot delegate to itself" },
  { "delegation-to-own-group.xml", GS_LOADER_ERROR_SEMANTIC, 48,
    "'trust-c' is a constituent of 'cic', so it cannot delegate to it" },
  { "delegation-until-before-from.xml", GS_LOADER_ERROR_SEMANTIC, 28,
    "ends ('until') on or before it starts ('from')" },
  { "delegation-until-on-from.xml", GS_LOADER_ERROR_SEMANTIC, 28,
    "ends ('until') on or before it starts ('from')" },
  { "delegation-duplicate-id.xml", GS_LOADER_ERROR_SEMANTIC, 30,
    "delegation 'fin' is defined twice in the scheme of 'trust' (first on "
    "line 28)" },
  { "delegation-amend-unknown.xml", GS_LOADER_ERROR_SEMANTIC, 29,
    "delegation 'finance' is not in the scheme of 'trust' before this line" },
  { "delegation-amend-before-it.xml", GS_LOADER_ERROR_SEMANTIC, 28,
    "delegation 'fin' is not in the scheme of 'trust' before this line" },
  { "delegation-withdraw-unknown.xml", GS_LOADER_ERROR_SEMANTIC, 29,
    "delegation 'finance' is not in the scheme of 'trust' before this line" },
  { "delegation-amend-after-withdraw.xml", GS_LOADER_ERROR_SEMANTIC, 30,
    "delegation 'fin' was already withdrawn on line 29" },
  { "delegation-withdraw-twice.xml", GS_LOADER_ERROR_SEMANTIC, 30,
    "delegation 'fin' was already withdrawn on line 29" },
  { "delegation-amend-before-from.xml", GS_LOADER_ERROR_SEMANTIC, 29,
    "the amendment on 2024-05-01 falls on or before the day delegation 'fin' "
    "comes into force (2024-06-01)" },
  { "delegation-amend-on-from.xml", GS_LOADER_ERROR_SEMANTIC, 29,
    "the amendment on 2024-06-01 falls on or before the day delegation 'fin' "
    "comes into force (2024-06-01)" },
  { "delegation-amend-on-until.xml", GS_LOADER_ERROR_SEMANTIC, 29,
    "the amendment on 2024-09-01 falls on or after the day delegation 'fin' "
    "ends (2024-09-01)" },
  { "delegation-amend-after-until.xml", GS_LOADER_ERROR_SEMANTIC, 29,
    "the amendment on 2024-10-01 falls on or after the day delegation 'fin' "
    "ends (2024-09-01)" },
  { "delegation-withdraw-after-until.xml", GS_LOADER_ERROR_SEMANTIC, 29,
    "the withdrawal on 2024-10-01 falls on or after the day delegation 'fin' "
    "ends (2024-09-01)" },
  { "delegation-amend-out-of-order.xml", GS_LOADER_ERROR_SEMANTIC, 30,
    "the amendment on 2024-07-01 falls on or before the amendment of "
    "delegation 'fin' on line 29 (2024-10-01)" },
  { "delegation-circle.xml", GS_LOADER_ERROR_SEMANTIC, 30,
    "the scheme of 'trust' delegates in a circle: cfo -> fic -> cfo" },
  { "delegation-circle-through-cic.xml", GS_LOADER_ERROR_SEMANTIC, 49,
    "the scheme of 'trust' delegates in a circle: cfo -> cic (trust-c) -> "
    "cfo" },

  /* Schema-valid, but asking for more work than govsim does (gs-limits.h):
   * each message names its limit. */
  { "limit-horizon-centuries.xml", GS_LOADER_ERROR_SEMANTIC, 3,
    "the horizon P200Y is longer than 100 years; govsim simulates at most "
    "that (GS_LIMIT_HORIZON_YEARS)" },
  { "limit-meetings-every-minute.xml", GS_LOADER_ERROR_SEMANTIC, 14,
    "the calendars ask for more than 1,000,000 meetings over the horizon "
    "('board', every PT1M, " },
  { "limit-million-proposals.xml", GS_LOADER_ERROR_SEMANTIC, 22,
    "the traffic brings 1,000,001 proposals over the horizon ('bids0' "
    "generates 100,000 of them); govsim simulates at most 250,000 "
    "(GS_LIMIT_PROPOSALS_MAX)" },
  { "limit-poisson-proposals.xml", GS_LOADER_ERROR_SEMANTIC, 22,
    "'bids' is expected to generate 100,000 of them); govsim simulates at "
    "most 250,000 (GS_LIMIT_PROPOSALS_MAX)" },
  { "limit-seat-meetings.xml", GS_LOADER_ERROR_SEMANTIC, 29,
    "fill 20,173,200 seats ('board' alone, 876,000 meetings of 23 seats); "
    "govsim fills at most 20,000,000 (GS_LIMIT_SEAT_MEETINGS_MAX)" },
  { "limit-too-many-constituents.xml", GS_LOADER_ERROR_SCHEMA, 173,
    "Element 'committee': This element is not expected" },

  /* Issue 11: found by fuzzing, each once a memory error (a read of the
   * organisation at index -1; memset (NULL, 0, 0)); under the sanitizers
   * this test is their regression test. */
  { "board-of-missing-org-delegates.xml", GS_LOADER_ERROR_SEMANTIC, 13,
    "organisation 'ghost' is not defined (attribute 'org')" },
  { "no-bodies-with-scheme.xml", GS_LOADER_ERROR_SEMANTIC, 10,
    "body 'board' is not defined (attribute 'body')" },
  /* Shared leadership: posts, observers, one vote per organisation,
   * quorum by role per party. */
  { "post-twice.xml", GS_LOADER_ERROR_SEMANTIC, 6,
    "person 'ceo' holds two posts at 'b'" },
  { "post-unknown-org.xml", GS_LOADER_ERROR_SEMANTIC, 6,
    "organisation 'zz' is not defined (attribute 'org')" },
  { "post-without-own-org.xml", GS_LOADER_ERROR_SEMANTIC, 6,
    "holds a post at 'b' but has no organisation of their own" },
  { "observer-also-member.xml", GS_LOADER_ERROR_SEMANTIC, 10,
    "'x' is both a member and an observer of 'jc'" },
  { "per-organisation-committee.xml", GS_LOADER_ERROR_SEMANTIC, 9,
    "applies to a joint committee; 'k' belongs to one organisation" },
  { "per-organisation-casting.xml", GS_LOADER_ERROR_SEMANTIC, 10,
    "there is no casting vote" },
  { "each-party-unknown-role.xml", GS_LOADER_ERROR_SCHEMA, 10, "'president'" },
};

/* Loads @path, expecting a refusal; returns the message split into lines,
 * each of which must name the file.  (transfer full) */
static GStrv
expect_refusal (const char *path, gsize max_bytes, GsLoaderError code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GsScenario) s = gs_loader_load_file (path, max_bytes, &error);
  CU_ASSERT_PTR_NULL (s);
  if (error == NULL)
    {
      /* Not fatal: the rest of the corpus is still worth checking. */
      CU_FAIL ("the file loaded without error");
      fprintf (stderr, "\n%s: loaded without error\n", path);
      return g_strsplit ("(no error)", "\n", -1);
    }
  CU_ASSERT_EQUAL (error->domain, GS_LOADER_ERROR);
  CU_ASSERT_EQUAL (error->code, (int)code);
  if (error->domain != GS_LOADER_ERROR || error->code != (int)code)
    fprintf (stderr, "\n%s: expected code %d, got %s %d: %s\n", path, code,
             g_quark_to_string (error->domain), error->code, error->message);

  /* One problem per line, each "path:line: message" (or "path: ..."). */
  g_autofree char *prefix = g_strconcat (path, ":", NULL);
  GStrv lines = g_strsplit (error->message, "\n", -1);
  for (char **l = lines; *l != NULL; l++)
    {
      CU_ASSERT_TRUE (g_str_has_prefix (*l, prefix));
      if (!g_str_has_prefix (*l, prefix))
        fprintf (stderr, "\nline without the file name: '%s'\n", *l);
    }
  return lines;
}

/* The number on @line after "path:", or -1. */
static int
line_number (const char *path, const char *line)
{
  size_t n = strlen (path);
  if (strncmp (line, path, n) != 0 || line[n] != ':')
    return -1;
  char *end = NULL;
  gint64 v = g_ascii_strtoll (line + n + 1, &end, 10);
  if (end == line + n + 1 || strncmp (end, ": ", 2) != 0)
    return -1;
  return (int)v;
}

static void
test_loader_invalid_corpus (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    {
      const InvalidCase *c = &invalid_cases[i];
      g_autofree char *path = g_build_filename (INVALID_DIR, c->file, NULL);
      g_auto (GStrv) lines = expect_refusal (path, 0, c->code);
      g_autofree char *want = g_strdup_printf ("%s:%d: ", path, c->line);
      gboolean ok = g_str_has_prefix (lines[0], want)
                    && strstr (lines[0], c->substring) != NULL;
      CU_ASSERT_TRUE (ok);
      if (!ok)
        fprintf (stderr, "\n%s\n  expected '%s...%s...'\n  got '%s'\n", c->file,
                 want, c->substring, lines[0]);
    }
}

/* Every file in the corpus is in the table, and every table entry is a
 * file: the corpus and its expectations cannot drift apart. */
static void
test_loader_invalid_corpus_is_complete (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) dir = g_dir_open (INVALID_DIR, 0, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (dir);
  guint n_files = 0;
  for (const char *name; (name = g_dir_read_name (dir)) != NULL;)
    {
      if (!g_str_has_suffix (name, ".xml"))
        continue;
      n_files++;
      gboolean listed = FALSE;
      for (gsize i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
        listed |= strcmp (invalid_cases[i].file, name) == 0;
      CU_ASSERT_TRUE (listed);
      if (!listed)
        fprintf (stderr, "\n%s is not in invalid_cases[]\n", name);
    }
  CU_ASSERT_EQUAL (n_files, G_N_ELEMENTS (invalid_cases));
  CU_ASSERT_TRUE (n_files >= 24);
}

/* Every scheme-* and delegation-* file has exactly one fault, so it must
 * give exactly one message: no echo of a refused delegation (a circle
 * through it, an amendment of it that "is not in the scheme"). */
static void
test_loader_scheme_errors_alone (void)
{
  guint n = 0;
  for (gsize i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    {
      const char *file = invalid_cases[i].file;
      if (!g_str_has_prefix (file, "scheme-")
          && !g_str_has_prefix (file, "delegation-"))
        continue;
      n++;
      g_autofree char *path = g_build_filename (INVALID_DIR, file, NULL);
      g_auto (GStrv) lines = expect_refusal (path, 0, invalid_cases[i].code);
      CU_ASSERT_EQUAL (g_strv_length (lines), 1);
      if (g_strv_length (lines) != 1)
        fprintf (stderr, "\n%s: %u messages:\n%s\n", file,
                 g_strv_length (lines), lines[1]);
    }
  /* 8 scheme-* and 30 delegation-* rows in invalid_cases[] above. */
  CU_ASSERT_EQUAL (n, 38);
}

/* Six independent faults, all reported, in document order, each on the
 * line of the element at fault. */
static void
test_loader_reports_every_problem (void)
{
  static const int expected[] = { 9, 12, 13, 18, 21, 22 };
  const char *path = INVALID_DIR "/several-semantic-errors.xml";
  g_auto (GStrv) lines = expect_refusal (path, 0, GS_LOADER_ERROR_SEMANTIC);
  CU_ASSERT_EQUAL_FATAL (g_strv_length (lines), G_N_ELEMENTS (expected));
  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    CU_ASSERT_EQUAL (line_number (path, lines[i]), expected[i]);
}

/* The external entity names /etc/passwd: nothing of it may leak into the
 * message, and the refusal must come from the DOCTYPE, not from a failed
 * fetch. */
static void
test_loader_external_entity_not_read (void)
{
  const char *path = INVALID_DIR "/doctype-external-entity.xml";
  g_autoptr (GError) error = NULL;
  g_autoptr (GsScenario) s = gs_loader_load_file (path, 0, &error);
  CU_ASSERT_PTR_NULL (s);
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  CU_ASSERT_PTR_NULL (strstr (error->message, "root:"));
  CU_ASSERT_PTR_NOT_NULL (strstr (error->message, "DOCTYPE"));
  CU_ASSERT_PTR_NULL (strchr (error->message, '\n'));
}

static void
test_loader_minimal_valid (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GsScenario) s = gs_loader_load_file (MINIMAL, 0, &error);
  CU_ASSERT_PTR_NULL (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (s);
  CU_ASSERT_STRING_EQUAL (gs_scenario_get_name (s), "Minimal");
  CU_ASSERT_STRING_EQUAL (gs_scenario_get_source (s), MINIMAL);
  CU_ASSERT_EQUAL (gs_scenario_n_organisations (s), 1);
  CU_ASSERT_EQUAL (gs_scenario_n_people (s), 3);
  CU_ASSERT_EQUAL (gs_scenario_n_matters (s), 1);
  CU_ASSERT_EQUAL (gs_scenario_n_bodies (s), 2);
  CU_ASSERT_EQUAL (gs_scenario_n_proposals (s), 1);
  CU_ASSERT_EQUAL (gs_scenario_n_arrivals (s), 1);
  CU_ASSERT_EQUAL (gs_scenario_get_default_seed (s), 1);
  CU_ASSERT_EQUAL (gs_scenario_find_body (s, "panel"), 1);
  CU_ASSERT_EQUAL (gs_scenario_find_person (s, "ned"), 2);
  CU_ASSERT_EQUAL (gs_scenario_find_matter (s, "capital"), 0);
  CU_ASSERT_EQUAL (gs_scenario_find_person (s, "capital"), -1);

  /* 2024-04-01 plus one year, exclusive. */
  GsTime start = 0, end = 0;
  CU_ASSERT_TRUE (gs_date_parse ("2024-04-01", &start, NULL));
  CU_ASSERT_TRUE (gs_date_parse ("2025-04-01", &end, NULL));
  CU_ASSERT_EQUAL (gs_scenario_get_start (s), start);
  CU_ASSERT_EQUAL (gs_scenario_get_end (s), end);
}

static void
test_loader_shipped_scenarios_valid (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) dir = g_dir_open (GS_SCENARIO_DIR, 0, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (dir);
  guint n = 0;
  for (const char *name; (name = g_dir_read_name (dir)) != NULL;)
    {
      if (!g_str_has_suffix (name, ".xml"))
        continue;
      g_autofree char *path = g_build_filename (GS_SCENARIO_DIR, name, NULL);
      g_autoptr (GError) load_error = NULL;
      g_autoptr (GsScenario) s = gs_loader_load_file (path, 0, &load_error);
      CU_ASSERT_PTR_NOT_NULL (s);
      CU_ASSERT_PTR_NULL (load_error);
      if (load_error != NULL)
        fprintf (stderr, "\n%s\n", load_error->message);
      n++;
    }
  CU_ASSERT_TRUE (n >= 1);
}

static void
test_loader_demo (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GsScenario) demo = gs_loader_load_demo (&error);
  CU_ASSERT_PTR_NULL (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (demo);

  /* The embedded demo is the shipped file, byte for byte in meaning. */
  g_autoptr (GsScenario) file = gs_loader_load_file (
      GS_SCENARIO_DIR "/demo-single-trust.xml", 0, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (file);
  CU_ASSERT_STRING_EQUAL (gs_scenario_get_name (demo),
                          gs_scenario_get_name (file));
  CU_ASSERT_EQUAL (gs_scenario_n_people (demo), gs_scenario_n_people (file));
  CU_ASSERT_EQUAL (gs_scenario_n_bodies (demo), gs_scenario_n_bodies (file));
  CU_ASSERT_EQUAL (gs_scenario_n_proposals (demo),
                   gs_scenario_n_proposals (file));
  CU_ASSERT_EQUAL (gs_scenario_n_arrivals (demo),
                   gs_scenario_n_arrivals (file));
  CU_ASSERT_TRUE (gs_scenario_n_bodies (demo) > 0);

  g_autoptr (GBytes) xsd = gs_loader_get_schema ();
  CU_ASSERT_PTR_NOT_NULL_FATAL (xsd);
  CU_ASSERT_TRUE (g_bytes_get_size (xsd) > 0);
}

/* The cap is inclusive: a file of exactly max_bytes loads, one byte less
 * of allowance refuses it, before parsing, at line 1. */
static void
test_loader_size_cap (void)
{
  g_autofree char *text = NULL;
  gsize len = 0;
  CU_ASSERT_TRUE_FATAL (g_file_get_contents (MINIMAL, &text, &len, NULL));

  g_autoptr (GError) error = NULL;
  g_autoptr (GsScenario) s = gs_loader_load_file (MINIMAL, len, &error);
  CU_ASSERT_PTR_NOT_NULL (s);
  CU_ASSERT_PTR_NULL (error);

  g_auto (GStrv) lines
      = expect_refusal (MINIMAL, len - 1, GS_LOADER_ERROR_TOO_LARGE);
  CU_ASSERT_EQUAL (g_strv_length (lines), 1);
  CU_ASSERT_EQUAL (line_number (MINIMAL, lines[0]), 1);

  g_auto (GStrv) tiny = expect_refusal (MINIMAL, 1, GS_LOADER_ERROR_TOO_LARGE);
  CU_ASSERT_EQUAL (line_number (MINIMAL, tiny[0]), 1);
}

/* The default cap (max_bytes 0), with a file generated one byte past it: a
 * valid scenario followed by short comments (libxml2 refuses any one text
 * node over 10 MB), so only its size is wrong. */
static void
test_loader_default_size_cap (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("govsim-loader-XXXXXX", &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (dir);
  g_autofree char *path = g_build_filename (dir, "huge.xml", NULL);

  g_autofree char *text = NULL;
  gsize len = 0;
  CU_ASSERT_TRUE_FATAL (g_file_get_contents (MINIMAL, &text, &len, NULL));
  static const char pad[] = "<!-- padding padding padding padding -->\n";
  gsize total = GS_LOADER_DEFAULT_MAX_BYTES + 1;
  GString *big = g_string_sized_new (total);
  g_string_append_len (big, text, (gssize)len);
  while (big->len + sizeof pad - 1 <= total)
    g_string_append (big, pad);
  while (big->len < total)
    g_string_append_c (big, '\n');
  gboolean written
      = g_file_set_contents (path, big->str, (gssize)big->len, &error);
  g_string_free (big, TRUE);
  CU_ASSERT_TRUE_FATAL (written);

  g_auto (GStrv) lines = expect_refusal (path, 0, GS_LOADER_ERROR_TOO_LARGE);
  CU_ASSERT_EQUAL (line_number (path, lines[0]), 1);

  /* With a cap of exactly its size, the same file loads. */
  g_autoptr (GError) load_error = NULL;
  g_autoptr (GsScenario) s = gs_loader_load_file (path, total, &load_error);
  CU_ASSERT_PTR_NOT_NULL (s);
  CU_ASSERT_PTR_NULL (load_error);

  CU_ASSERT_EQUAL (g_remove (path), 0);
  CU_ASSERT_EQUAL (g_rmdir (dir), 0);
}

static void
test_loader_missing_file (void)
{
  const char *path = GS_TEST_DATA_DIR "/no-such-file.xml";
  g_autoptr (GError) error = NULL;
  g_autoptr (GsScenario) s = gs_loader_load_file (path, 0, &error);
  CU_ASSERT_PTR_NULL (s);
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  CU_ASSERT_TRUE (g_error_matches (error, GS_LOADER_ERROR, GS_LOADER_ERROR_IO));
  CU_ASSERT_TRUE (g_str_has_prefix (error->message, path));
}

static void
test_loader_bytes_doctype_refused (void)
{
  static const char doc[]
      = "<?xml version=\"1.0\"?>\n"
        "<!DOCTYPE scenario [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
        "<scenario xmlns=\"urn:govsim:scenario:1\" name=\"&x;\"\n"
        "          start=\"2024-04-01\" horizon=\"P1Y\">\n"
        "  <organisation id=\"t\" name=\"T\" kind=\"icb\"/>\n"
        "</scenario>\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (GsScenario) s
      = gs_loader_load_bytes (doc, strlen (doc), "in-memory", &error);
  CU_ASSERT_PTR_NULL (s);
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  CU_ASSERT_TRUE (
      g_error_matches (error, GS_LOADER_ERROR, GS_LOADER_ERROR_MALFORMED));
  CU_ASSERT_TRUE (g_str_has_prefix (error->message, "in-memory:2: "));
  CU_ASSERT_PTR_NOT_NULL (strstr (error->message, "DOCTYPE"));

  /* The same document without its DOCTYPE (and entity) loads. */
  g_autoptr (GString) plain = g_string_new (doc);
  g_string_replace (plain,
                    "<!DOCTYPE scenario [<!ENTITY x SYSTEM "
                    "\"file:///etc/passwd\">]>\n",
                    "", 0);
  g_string_replace (plain, "&x;", "X", 0);
  g_autoptr (GError) plain_error = NULL;
  g_autoptr (GsScenario) ok = gs_loader_load_bytes (plain->str, plain->len,
                                                    "in-memory", &plain_error);
  CU_ASSERT_PTR_NOT_NULL (ok);
  CU_ASSERT_PTR_NULL (plain_error);
}

/* Thirty dangling members: the first GS_LOADER_MAX_ERRORS are reported,
 * one per line, then one line counts the rest. */
static void
test_loader_error_cap (void)
{
  enum
  {
    N_GHOSTS = 30
  };
  g_autoptr (GString) doc = g_string_new (
      "<?xml version=\"1.0\"?>\n"
      "<scenario xmlns=\"urn:govsim:scenario:1\" name=\"Ghosts\" "
      "start=\"2024-04-01\" horizon=\"P1Y\">\n"
      "  <organisation id=\"t\" name=\"T\" kind=\"icb\"/>\n"
      "  <board id=\"b\" name=\"B\" org=\"t\">\n");
  for (int i = 0; i < N_GHOSTS; i++)
    g_string_append_printf (doc, "    <member person=\"ghost%d\"/>\n", i);
  g_string_append (doc, "    <meets first=\"2024-04-25\" every=\"P1M\" "
                        "capacity=\"4\"/>\n"
                        "  </board>\n"
                        "</scenario>\n");

  g_autoptr (GError) error = NULL;
  g_autoptr (GsScenario) s
      = gs_loader_load_bytes (doc->str, doc->len, "ghosts.xml", &error);
  CU_ASSERT_PTR_NULL (s);
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  CU_ASSERT_TRUE (
      g_error_matches (error, GS_LOADER_ERROR, GS_LOADER_ERROR_SEMANTIC));
  g_auto (GStrv) lines = g_strsplit (error->message, "\n", -1);
  CU_ASSERT_EQUAL_FATAL (g_strv_length (lines), GS_LOADER_MAX_ERRORS + 1);
  /* The members are on lines 5, 6, ... in order. */
  for (int i = 0; i < GS_LOADER_MAX_ERRORS; i++)
    {
      CU_ASSERT_EQUAL (line_number ("ghosts.xml", lines[i]), 5 + i);
      g_autofree char *who = g_strdup_printf ("'ghost%d'", i);
      CU_ASSERT_PTR_NOT_NULL (strstr (lines[i], who));
    }
  g_autofree char *rest = g_strdup_printf ("%d more problems not shown",
                                           N_GHOSTS - GS_LOADER_MAX_ERRORS);
  CU_ASSERT_TRUE (g_str_has_prefix (lines[GS_LOADER_MAX_ERRORS], "ghosts.xml"));
  CU_ASSERT_TRUE (g_str_has_suffix (lines[GS_LOADER_MAX_ERRORS], rest));
}

/* Most specific first: person+matter, person, organisation+matter,
 * organisation, matter, the default stance; with no stance at all, 0.5.
 * The table is the one in the comment of stances.xml. */
static void
test_loader_stance_resolution (void)
{
  static const struct
  {
    const char *person;
    double support[3]; /* reform, budget, estates */
  } expected[] = {
    { "alice", { 0.7, 0.6, 0.6 } },
    { "bob", { 0.4, 0.8, 0.3 } },
    { "carol", { 0.65, 0.65, 0.65 } },
    { "dan", { 0.2, 0.1, 0.25 } },
  };
  static const char *const matters[] = { "reform", "budget", "estates" };

  g_autoptr (GError) error = NULL;
  g_autoptr (GsScenario) s = gs_loader_load_file (STANCES, 0, &error);
  CU_ASSERT_PTR_NULL (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (s);
  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      int p = gs_scenario_find_person (s, expected[i].person);
      CU_ASSERT_TRUE_FATAL (p >= 0);
      for (gsize j = 0; j < G_N_ELEMENTS (matters); j++)
        {
          int m = gs_scenario_find_matter (s, matters[j]);
          CU_ASSERT_TRUE_FATAL (m >= 0);
          GS_ASSERT_NEAR (gs_scenario_support (s, (guint)p, (guint)m),
                          expected[i].support[j], 1e-12);
        }
    }
}

static void
test_loader_stance_default_half (void)
{
  static const char doc[]
      = "<?xml version=\"1.0\"?>\n"
        "<scenario xmlns=\"urn:govsim:scenario:1\" name=\"No stances\" "
        "start=\"2024-04-01\" horizon=\"P1Y\">\n"
        "  <organisation id=\"t\" name=\"T\" kind=\"vcse\"/>\n"
        "  <person id=\"p\" org=\"t\" role=\"officer\"/>\n"
        "  <person id=\"q\" role=\"external\"/>\n"
        "  <matter id=\"m\" name=\"M\"/>\n"
        "  <matter id=\"n\" name=\"N\"/>\n"
        "</scenario>\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (GsScenario) s
      = gs_loader_load_bytes (doc, strlen (doc), "no-stances.xml", &error);
  CU_ASSERT_PTR_NULL (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (s);
  for (guint p = 0; p < gs_scenario_n_people (s); p++)
    for (guint m = 0; m < gs_scenario_n_matters (s); m++)
      GS_ASSERT_NEAR (gs_scenario_support (s, p, m), 0.5, 1e-12);
}

static int
proposal_index (const GsScenario *s, const char *id)
{
  for (guint i = 0; i < s->proposals->len; i++)
    if (strcmp (GS_PROPOSAL (s, i)->id, id) == 0)
      return (int)i;
  return -1;
}

static void
assert_range (const GsValueRange *r, gint64 lo, gint64 hi)
{
  CU_ASSERT_EQUAL (r->lo, lo);
  CU_ASSERT_EQUAL (r->hi, hi);
}

/* Everything pathways.xml declares, resolved: see its comment. */
static void
test_loader_pathways (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GsScenario) s = gs_loader_load_file (PATHWAYS, 0, &error);
  if (error != NULL)
    fprintf (stderr, "\n%s\n", error->message);
  CU_ASSERT_PTR_NULL (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (s);
  int board = gs_scenario_find_body (s, "board");
  int fic = gs_scenario_find_body (s, "fic");
  int panel = gs_scenario_find_body (s, "panel");
  int cfo = gs_scenario_find_body (s, "cfo");
  int jc = gs_scenario_find_body (s, "jc");
  int cic = gs_scenario_find_body (s, "cic");
  int icb_board = gs_scenario_find_body (s, "icb-board");
  int capital = gs_scenario_find_matter (s, "capital");
  int service = gs_scenario_find_matter (s, "service");
  CU_ASSERT_TRUE_FATAL (board >= 0 && fic >= 0 && panel >= 0 && cfo >= 0
                        && jc >= 0 && cic >= 0 && icb_board >= 0 && capital >= 0
                        && service >= 0);

  /* Calendars and escalation clauses. */
  CU_ASSERT_EQUAL (GS_BODY (s, board)->calendar.order, GS_AGENDA_DEADLINE);
  CU_ASSERT_EQUAL (GS_BODY (s, fic)->calendar.order, GS_AGENDA_ARRIVAL);
  CU_ASSERT_EQUAL (GS_BODY (s, panel)->calendar.order, GS_AGENDA_ARRIVAL);
  const GsEscalation *e = &GS_BODY (s, board)->escalation;
  CU_ASSERT_EQUAL (e->ladder, 0);
  CU_ASSERT_EQUAL (e->triggers,
                   GS_TRIGGER_TIE | GS_TRIGGER_INQUORATE | GS_TRIGGER_DEADLINE);
  CU_ASSERT_EQUAL (e->inquorate_n, 2);
  CU_ASSERT_EQUAL (e->before_deadline.days, 7);
  e = &GS_BODY (s, cfo)->escalation;
  CU_ASSERT_EQUAL (e->ladder, 0);
  CU_ASSERT_EQUAL (e->triggers, GS_TRIGGER_DEADLINE);
  CU_ASSERT_EQUAL (e->before_deadline.days, 14);
  e = &GS_BODY (s, cic)->escalation;
  CU_ASSERT_EQUAL (e->ladder, 1);
  CU_ASSERT_EQUAL (e->triggers, GS_TRIGGER_SPLIT | GS_TRIGGER_BLOCKED);
  CU_ASSERT_EQUAL (GS_BODY (s, fic)->escalation.ladder, -1);
  CU_ASSERT_EQUAL (GS_BODY (s, fic)->escalation.triggers, 0);
  CU_ASSERT_EQUAL (
      GS_BODY (s, gs_scenario_find_body (s, "cic-t"))->escalation.ladder, -1);

  /* Ladders: 'local' hands on to 'system', declared after it. */
  CU_ASSERT_EQUAL_FATAL (s->ladders->len, 2);
  const GsLadder *local = GS_LADDER (s, 0), *system = GS_LADDER (s, 1);
  CU_ASSERT_STRING_EQUAL (local->id, "local");
  CU_ASSERT_STRING_EQUAL (local->name, "Local resolution");
  CU_ASSERT_EQUAL (local->then, 1);
  CU_ASSERT_STRING_EQUAL (system->name, "system");
  CU_ASSERT_EQUAL (system->then, -1);
  CU_ASSERT_EQUAL_FATAL (local->n_levels, 2);
  CU_ASSERT_EQUAL_FATAL (system->n_levels, 6);

  const GsLevel *lv = &local->levels[0];
  CU_ASSERT_EQUAL (lv->method, GS_LEVEL_RECONSIDER);
  CU_ASSERT_EQUAL (lv->body, -1);
  CU_ASSERT_EQUAL (lv->person, -1);
  CU_ASSERT_STRING_EQUAL (lv->name, "Reconsideration");
  CU_ASSERT_EQUAL (lv->within.months, 1);
  CU_ASSERT_TRUE (gs_duration_is_zero (&lv->cooling_off));
  lv = &local->levels[1]; /* the chair of the board decides */
  CU_ASSERT_EQUAL (lv->method, GS_LEVEL_CHAIR);
  CU_ASSERT_EQUAL (lv->body, board);
  CU_ASSERT_EQUAL (lv->person, gs_scenario_find_person (s, "tchair"));
  CU_ASSERT_STRING_EQUAL (lv->name, "Trust Board");
  CU_ASSERT_EQUAL (lv->cooling_off.days, 7);
  CU_ASSERT_EQUAL (lv->within.days, 14);

  lv = &system->levels[0];
  CU_ASSERT_EQUAL (lv->method, GS_LEVEL_VOTE);
  CU_ASSERT_EQUAL (lv->body, icb_board);
  CU_ASSERT_EQUAL (lv->person, -1);
  CU_ASSERT_STRING_EQUAL (lv->name, "ICB Board");
  lv = &system->levels[1];
  CU_ASSERT_EQUAL (lv->method, GS_LEVEL_CHAIR);
  CU_ASSERT_EQUAL (lv->body, -1);
  CU_ASSERT_EQUAL (lv->person, gs_scenario_find_person (s, "ichair"));
  CU_ASSERT_STRING_EQUAL (lv->name, "ICB Chair");
  lv = &system->levels[2];
  CU_ASSERT_EQUAL (lv->method, GS_LEVEL_MEDIATION);
  CU_ASSERT_STRING_EQUAL (lv->name, "Regional mediator");
  GS_ASSERT_NEAR (lv->success, 0.6, 1e-12);
  GS_ASSERT_NEAR (lv->approve, 1.0, 1e-12);
  lv = &system->levels[3];
  CU_ASSERT_STRING_EQUAL (lv->name, "Mediator");
  GS_ASSERT_NEAR (lv->success, 0.5, 1e-12);
  GS_ASSERT_NEAR (lv->approve, 0.8, 1e-12);
  lv = &system->levels[4];
  CU_ASSERT_EQUAL (lv->method, GS_LEVEL_BINDING);
  CU_ASSERT_STRING_EQUAL (lv->name, "Arbitrator");
  CU_ASSERT_EQUAL (lv->body, -1);
  CU_ASSERT_EQUAL (lv->person, -1);
  GS_ASSERT_NEAR (lv->approve, 0.5, 1e-12);
  lv = &system->levels[5];
  CU_ASSERT_STRING_EQUAL (lv->name, "Independent Arbiter");
  GS_ASSERT_NEAR (lv->approve, 0.3, 1e-12);

  /* Three explicit pathways in document order, then the implicit ones of
   * board, cfo and fic, in order of first use. */
  CU_ASSERT_EQUAL_FATAL (s->pathways->len, 6);
  static const char *const ids[]
      = { "capital-route", "major", "service-route", "board", "cfo", "fic" };
  for (guint i = 0; i < 6; i++)
    {
      CU_ASSERT_STRING_EQUAL (GS_PATHWAY (s, i)->id, ids[i]);
      CU_ASSERT_EQUAL (GS_PATHWAY (s, i)->implicit, i >= 3);
    }

  const GsPathway *route = GS_PATHWAY (s, 0);
  CU_ASSERT_STRING_EQUAL (route->name, "Capital route");
  CU_ASSERT_EQUAL_FATAL (route->n_matters, 1);
  CU_ASSERT_EQUAL (route->matters[0], (guint)capital);
  assert_range (&route->values, 0, 50000);
  CU_ASSERT_EQUAL_FATAL (route->n_gateways, 1);
  CU_ASSERT_EQUAL (route->n_slots, 1);
  CU_ASSERT_STRING_EQUAL (route->gateways[0].id, "signoff");
  CU_ASSERT_PTR_NULL (route->gateways[0].name);

  const GsPathway *major = GS_PATHWAY (s, 1);
  CU_ASSERT_STRING_EQUAL (major->name, "major");
  assert_range (&major->values, 50001, GS_VALUE_MAX);
  CU_ASSERT_EQUAL_FATAL (major->n_gateways, 4);
  CU_ASSERT_EQUAL (major->n_slots, 7);
  const GsGateway *g = &major->gateways[0]; /* advice */
  CU_ASSERT_TRUE (g->recommend);
  CU_ASSERT_FALSE (g->locked);
  CU_ASSERT_EQUAL_FATAL (g->n_bodies, 1);
  CU_ASSERT_EQUAL (g->bodies[0], (guint)panel);
  CU_ASSERT_EQUAL (g->need, GS_GATE_ALL);
  CU_ASSERT_EQUAL (g->need_n, 1);
  CU_ASSERT_EQUAL (g->first_slot, 0);
  CU_ASSERT_EQUAL (g->return_to, -1);
  CU_ASSERT_EQUAL (g->max_returns, 1);
  assert_range (&g->applies, 0, GS_VALUE_MAX);
  g = &major->gateways[1]; /* finance */
  CU_ASSERT_FALSE (g->recommend);
  CU_ASSERT_TRUE (g->locked);
  CU_ASSERT_EQUAL_FATAL (g->n_bodies, 2);
  CU_ASSERT_EQUAL (g->bodies[0], (guint)fic);
  CU_ASSERT_EQUAL (g->bodies[1], (guint)board);
  CU_ASSERT_EQUAL (g->need, GS_GATE_ANY);
  CU_ASSERT_EQUAL (g->need_n, 1);
  CU_ASSERT_EQUAL (g->first_slot, 1);
  assert_range (&g->applies, 0, 1000000);
  g = &major->gateways[2]; /* partners */
  CU_ASSERT_EQUAL_FATAL (g->n_bodies, 3);
  CU_ASSERT_EQUAL (g->bodies[0], (guint)jc);
  CU_ASSERT_EQUAL (g->bodies[1], (guint)cic);
  CU_ASSERT_EQUAL (g->bodies[2], (guint)icb_board);
  CU_ASSERT_EQUAL (g->need, GS_GATE_AT_LEAST);
  CU_ASSERT_EQUAL (g->need_n, 2);
  CU_ASSERT_EQUAL (g->first_slot, 3);
  assert_range (&g->applies, 1000001, GS_VALUE_MAX);
  CU_ASSERT_EQUAL (g->return_to, 1);
  CU_ASSERT_EQUAL (g->max_returns, 2);
  g = &major->gateways[3]; /* its id is the board's: gateway ids are local */
  CU_ASSERT_STRING_EQUAL (g->id, "board");
  CU_ASSERT_STRING_EQUAL (g->name, "Final approval");
  CU_ASSERT_EQUAL (g->need_n, 1);
  CU_ASSERT_EQUAL (g->first_slot, 6);
  CU_ASSERT_EQUAL (g->return_to, -1);

  const GsPathway *service_route = GS_PATHWAY (s, 2);
  CU_ASSERT_EQUAL_FATAL (service_route->n_matters, 1);
  CU_ASSERT_EQUAL (service_route->matters[0], (guint)service);
  assert_range (&service_route->values, 0, GS_VALUE_MAX);

  /* An implicit pathway: one gateway of its body alone. */
  const GsPathway *implicit = GS_PATHWAY (s, 3);
  CU_ASSERT_STRING_EQUAL (implicit->name, "Trust Board");
  CU_ASSERT_EQUAL (implicit->n_matters, 0);
  CU_ASSERT_EQUAL (implicit->n_slots, 1);
  assert_range (&implicit->values, 0, GS_VALUE_MAX);
  CU_ASSERT_EQUAL_FATAL (implicit->n_gateways, 1);
  g = &implicit->gateways[0];
  CU_ASSERT_EQUAL_FATAL (g->n_bodies, 1);
  CU_ASSERT_EQUAL (g->bodies[0], (guint)board);
  CU_ASSERT_EQUAL (g->need, GS_GATE_ALL);
  CU_ASSERT_EQUAL (g->need_n, 1);
  CU_ASSERT_TRUE (g->locked);
  CU_ASSERT_FALSE (g->recommend);
  CU_ASSERT_EQUAL (g->return_to, -1);
  CU_ASSERT_EQUAL (g->max_returns, 0);
  CU_ASSERT_EQUAL (g->first_slot, 0);
  assert_range (&g->applies, 0, GS_VALUE_MAX);

  /* Proposals: by body (sharing one implicit pathway), by pathway, and by
   * value at the £50,000 threshold, a pound below and a pound above. */
  static const struct
  {
    const char *id;
    guint pathway;
  } routes[] = {
    { "p-body", 3 }, { "p-body-again", 3 }, { "p-path", 1 },
    { "p-at", 0 },   { "p-below", 0 },      { "p-above", 1 },
    { "p-cfo", 4 },  { "p-service", 2 },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      int p = proposal_index (s, routes[i].id);
      CU_ASSERT_TRUE_FATAL (p >= 0);
      CU_ASSERT_EQUAL (GS_PROPOSAL (s, p)->pathway, routes[i].pathway);
    }
  CU_ASSERT_EQUAL (gs__scenario_select_pathway (s, (guint)capital, 0), 0);
  CU_ASSERT_EQUAL (
      gs__scenario_select_pathway (s, (guint)capital, GS_VALUE_MAX), 1);
  CU_ASSERT_EQUAL (gs__scenario_select_pathway (s, (guint)service, 7), 2);

  /* Streams: by body, by pathway, and chosen per case. */
  CU_ASSERT_EQUAL_FATAL (s->arrivals->len, 4);
  CU_ASSERT_EQUAL (GS_ARRIVALS (s, 0)->pathway, 5);
  CU_ASSERT_EQUAL (GS_ARRIVALS (s, 1)->pathway, 2);
  CU_ASSERT_EQUAL (GS_ARRIVALS (s, 2)->pathway, -1);
  CU_ASSERT_EQUAL (GS_ARRIVALS (s, 3)->pathway, -1);
}

static const GsTestCase cases[] = {
  { "test_loader_invalid_corpus", test_loader_invalid_corpus },
  { "test_loader_invalid_corpus_is_complete",
    test_loader_invalid_corpus_is_complete },
  { "test_loader_reports_every_problem", test_loader_reports_every_problem },
  { "test_loader_scheme_errors_alone", test_loader_scheme_errors_alone },
  { "test_loader_external_entity_not_read",
    test_loader_external_entity_not_read },
  { "test_loader_minimal_valid", test_loader_minimal_valid },
  { "test_loader_shipped_scenarios_valid",
    test_loader_shipped_scenarios_valid },
  { "test_loader_demo", test_loader_demo },
  { "test_loader_size_cap", test_loader_size_cap },
  { "test_loader_default_size_cap", test_loader_default_size_cap },
  { "test_loader_missing_file", test_loader_missing_file },
  { "test_loader_bytes_doctype_refused", test_loader_bytes_doctype_refused },
  { "test_loader_error_cap", test_loader_error_cap },
  { "test_loader_stance_resolution", test_loader_stance_resolution },
  { "test_loader_stance_default_half", test_loader_stance_default_half },
  { "test_loader_pathways", test_loader_pathways },
  { NULL, NULL },
};

int
main (void)
{
  return gs_test_run ("loader", cases);
}

/* gs-limits.h — every cap govsim puts on a scenario, in one place.
 *
 * A scenario file is untrusted input: each of these caps bounds what one
 * file can make govsim read, hold or do.  They come in three kinds:
 *
 *  - the file itself (its size, how many problems are reported);
 *  - caps the schema (scenarios/govsim-scenario-1.xsd) states as
 *    xs:maxInclusive, xs:maxOccurs or a pattern, mirrored here because code
 *    relies on them (a fixed array, an overflow-free sum); tests/test-limits.c
 *    reads the embedded schema and fails if the two drift apart;
 *  - caps on the work a schema-valid file asks for (meetings over the
 *    horizon, proposals, seats to fill), checked by the loader, which
 *    refuses a file above one with one "file:line: message" naming the
 *    limit (exit 2 from `govsim check` and `govsim run`).
 *
 * Every cap is far above any real arrangement: a collaborative of a dozen
 * organisations with fifty bodies meeting monthly over ten years asks for
 * 6,000 meetings and a few thousand proposals.  README.md ("Bad input")
 * lists them for users.  Changing one is a change to the file format's
 * promises: change the schema, this header and the README together.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* ---- the file ------------------------------------------------------------ */

/** Default cap on a scenario file's size: 16 MiB (`--max-kib` changes it). */
#define GS_LIMIT_FILE_BYTES ((gsize)16 * 1024 * 1024)
/** Problems reported for one file; the rest are counted in one line. */
#define GS_LIMIT_ERRORS_MAX 20

/* ---- mirrored from the schema -------------------------------------------- */

/** Characters in an id (type Id: a letter, then up to 63 more). */
#define GS_LIMIT_ID_LENGTH 64
/** Characters in a name or title (type Text). */
#define GS_LIMIT_TEXT_LENGTH 200
/** Characters in the scenario's description. */
#define GS_LIMIT_DESCRIPTION_LENGTH 4000
/** The largest sum of money, in whole pounds (type Pounds): £1,000,000,000,000.
 * Values, limits and ranges are clamped to it, so sums of two never
 * overflow a gint64. */
#define GS_LIMIT_VALUE_MAX ((gint64)1000000000000)
/** Members of one body (maxOccurs of member). */
#define GS_LIMIT_MEMBERS_MAX 500
/** Constituent committees of one committees in common (maxOccurs of
 * committee).  The run decides in common with fixed arrays of this size. */
#define GS_LIMIT_CONSTITUENTS_MAX 50
/** A member's weight under weighted voting. */
#define GS_LIMIT_WEIGHT_MAX 1000000
/** The quota of weighted voting. */
#define GS_LIMIT_QUOTA_MAX 1000000000
/** Members present a quorum may ask for, and a role's or party's minimum
 * (type SmallCount). */
#define GS_LIMIT_QUORUM_MAX 500
/** Items one meeting can decide (capacity). */
#define GS_LIMIT_CAPACITY_MAX 1000
/** Consecutive inquorate meetings before an escalation. */
#define GS_LIMIT_INQUORATE_MAX 100
/** Gateways in one pathway. */
#define GS_LIMIT_GATEWAYS_MAX 50
/** Returns to an earlier gateway (max-returns). */
#define GS_LIMIT_RETURNS_MAX 20
/** Levels in one escalation ladder. */
#define GS_LIMIT_LEVELS_MAX 20
/** Proposals one stream of arrivals generates (count). */
#define GS_LIMIT_STREAM_COUNT_MAX 100000

/* ---- the calendar (checked by gs_date_parse and gs_duration_parse) ------- */

/** Supported calendar years: wide enough for any governance scenario,
 * narrow enough that minute arithmetic can never overflow. */
#define GS_LIMIT_YEAR_MIN 1900
#define GS_LIMIT_YEAR_MAX 2500
/** Caps on each component of a duration.  A thousand years is far beyond
 * any governance horizon, and the other caps allow about the same span in
 * their own unit, so nobody has to convert "P12000M" into "P1000Y" by hand.
 * With these caps days <= 7 x 400000 + 400000 and minutes <= 9.6e6 x 60 +
 * 5.76e8, far inside gint32 and gint64 respectively. */
#define GS_LIMIT_DURATION_YEARS   1000
#define GS_LIMIT_DURATION_MONTHS  12000
#define GS_LIMIT_DURATION_WEEKS   400000
#define GS_LIMIT_DURATION_DAYS    400000
#define GS_LIMIT_DURATION_HOURS   (400000 * 24)
#define GS_LIMIT_DURATION_MINUTES (400000 * 24 * 60)
/** Working days ("PnWD"): counted one day at a time, so capped at about
 * four years of them. */
#define GS_LIMIT_DURATION_WORKING_DAYS 1000

/* ---- schemes of delegation (checked by the loader) ----------------------- */

/** Longest chain of delegations, board to delegate; authority resolution
 * recurses once per link and keeps the chain in an array of this size. */
#define GS_LIMIT_CHAIN_MAX 16
/** Most steps authority resolution may take for one body, one matter and
 * one scheme: the delegations on all the chains of that matter ending at
 * the body (which a hostile scheme could make exponential in its size). */
#define GS_LIMIT_CHAIN_WORK_MAX 4096

/* ---- the work a scenario asks for (checked by the loader) ---------------- */

/** The simulated period: at most a century from the start. */
#define GS_LIMIT_HORIZON_YEARS 100
/** Meetings of all bodies together over the horizon, counted from each
 * calendar (a body meeting every minute for a year asks for 525,600). */
#define GS_LIMIT_MEETINGS_MAX 1000000
/** Seats filled over the horizon: each body's meetings times its seats
 * (members, or the constituents' members of committees in common); each
 * is an attendance draw and perhaps a ballot. */
#define GS_LIMIT_SEAT_MEETINGS_MAX 20000000
/** Proposals over the horizon: those written out plus those the streams
 * generate before the horizon ends (a poisson stream counts its expected
 * number, at most its count). */
#define GS_LIMIT_PROPOSALS_MAX 250000

/* ---- the work of one run (enforced while it runs) ------------------------ *
 *
 * What the loader cannot count exactly is bounded as the run goes: a run
 * that would pass one of these stops with GS_RUN_ERROR_LIMIT (`govsim run`
 * exits 3 with a message naming the limit and the option that raises it),
 * never with a signal or an allocation abort.  Meetings held by each body
 * need no run-time cap: a body holds at most the meetings of its calendar,
 * which the loader has counted (GS_LIMIT_MEETINGS_MAX). */

/** Events one run may process (arrivals, meetings, deadlines, escalation
 * time limits), by default: a bound on its work that needs no clock.
 * The largest legal calendar (1,000,000 meetings) with the most proposals
 * asks for about 2,500,000.  gs_run_set_max_events() and `govsim run
 * --max-events N` change it. */
#define GS_LIMIT_EVENTS_MAX ((guint64)20000000)
/** Cases one run may open.  The loader bounds the proposals expected
 * (GS_LIMIT_PROPOSALS_MAX); a poisson stream's draws may bring more than
 * its expectation, never more than twice the cap in any real run. */
#define GS_LIMIT_CASES_MAX 500000
/** Records one run may keep by default (each about 64 bytes, and a trace
 * line of about 120): gs_run_set_max_records() and `--max-records` lower
 * or raise it up to GS_RUN_RECORDS_MAX. */
#define GS_LIMIT_RECORDS_DEFAULT 1000000
/** The largest report `govsim` writes, in bytes: 256 MiB.  A report that
 * would be larger is not written (exit 3). */
#define GS_LIMIT_REPORT_BYTES ((gsize)256 * 1024 * 1024)

/* ---- the XML front door (enforced while parsing) --------------------------
 */

/** Elements in one document: a file at the size cap holds about 300,000
 * of the shortest elements a scenario uses. */
#define GS_LIMIT_XML_ELEMENTS 400000
/** Attributes of one element (the widest element of the schema has 15). */
#define GS_LIMIT_XML_ATTRIBUTES 64
/** Characters in one attribute value (a list of 500 members' ids fits). */
#define GS_LIMIT_XML_ATTRIBUTE_LENGTH 65536
/** Nesting depth of elements (the schema nests five deep). */
#define GS_LIMIT_XML_DEPTH 32
/** Characters of an offending value a message quotes; longer values are
 * cut, with "..." after them. */
#define GS_LIMIT_ECHO 80

/* ---- near a limit ---------------------------------------------------------
 */

/** `govsim check` warns when a file asks for more than this share
 * (percent) of a work limit: legal, but a small change would refuse it. */
#define GS_LIMIT_NEAR_PERCENT 50

/* ---- comparisons (`govsim compare`) ---------------------------------------
 */

/** <variant> elements in one file (the schema's maxOccurs). */
#define GS_LIMIT_VARIANTS_MAX 64
/** Settings in one variant (<set> and <remove>, the schema's maxOccurs). */
#define GS_LIMIT_SETTINGS_MAX 100
/** Versions one comparison runs: variants, or the points of a sweep's grid
 * (each one more scenario in memory and one more run per replication). */
#define GS_LIMIT_SWEEP_MAX 200

G_END_DECLS

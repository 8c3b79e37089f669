/* gs-text-private.h — what the text writer's files share.
 *
 * The text writer is three files: gs-text.c (cells, numbers, names and
 * lists, shared here), gs-text-record.c (one sentence per record, a
 * function per record kind) and gs-text-summary.c (the summary's tables
 * and sentences).  They format what they are given; the counting is done
 * by the run and the analysis layer.
 */
#pragma once

#include "model/gs-scenario-private.h"

#include <govsim/gs-compare.h>
#include <govsim/gs-phrase.h>
#include <govsim/gs-power.h>
#include <govsim/gs-report.h>
#include <govsim/gs-run.h>
#include <govsim/gs-summary.h>

G_BEGIN_DECLS

/* Column widths, in characters, of the names in the summary tables: at
 * least these, wider for longer names, up to GS_TEXT_NAME_MAX, beyond which
 * a name is cut with "…". */
enum
{
  GS_TEXT_BODY_W = 34,
  GS_TEXT_MATTER_W = 26,
  GS_TEXT_NAME_MAX = 60,
};

/* Appends @text cut or padded to @width characters. */
void gs__text_cell (GString *out, const char *text, glong width);

/* Appends @days right-aligned in 8 columns with one decimal ("    89.6"),
 * or "-" when NAN; the decimal point is '.', whatever the locale. */
void gs__text_days (GString *out, double days);

/* "Finance Committee (Trust A)"; the organisation is named only when the
 * scenario has more than one, where it tells the reader whose body it is. */
void gs__text_body (GString *out, const GsScenario *s, guint32 bi);

/* "A", "A and B", "A, B and C": the names of @n items of @list. */
void gs__text_list (GString *out, const GsScenario *s, GsListKind list,
                    const guint32 *items, guint n);

/* "gateway 2 of 3, Acute Alliance Joint Committee" */
void gs__text_gateway (GString *out, const GsScenario *s, guint32 pathway,
                       guint32 g);

/* "level 2 of Dispute ladder (Chief executives)" */
void gs__text_level (GString *out, const GsScenario *s, gint32 ladder,
                     gint32 level);

/* Each case's records in order, as linked lists over the run's records:
 * (*head)[case] is its first record's index, (*next)[record] the next of
 * the same case, GS_NONE ending both; conflicts and constituents' votes,
 * which their body's vote already tells, are left out.  One pass.
 * Free both with g_free(). */
void gs__text_link_journeys (const GsRun *run, guint32 **head, guint32 **next);

/* "st", "nd", "rd" or "th" for @n. */
const char *gs__text_ordinal (gint32 n);

/* "approved", "rejected", "GRIDLOCKED" or "pending". */
const char *gs__text_state (GsCaseState st);

G_END_DECLS

G_BEGIN_DECLS

/* The sentence for hotspot @h of "where decisions gridlock" (no number,
 * no line end): shared by the text and HTML reports. */
void gs__text_hotspot (GString *out, const GsRun *run, const GsSummary *sum,
                       const GsHotspot *h);

/* With no hotspot: the sentence saying so, true to what did happen (items
 * sent to dispute resolution, blocked votes the majority vote settled,
 * deadlines missed, items left waiting), ending with a full stop. */
void gs__text_no_hotspot (GString *out, const GsSummary *sum);

/* "Body: 3 blocked consensus votes, all settled by the majority vote that
 * follows" for body stats @i when it has such votes and is no hotspot;
 * FALSE, appending nothing, otherwise. */
gboolean gs__text_settled_note (GString *out, const GsRun *run,
                                const GsSummary *sum, guint i);

/* How voting-power indices were computed ("exact, by …", "sampled: …"). */
void gs__text_power_method (GString *out, const GsGamePower *p);

/* Power: which rules were analysed and the body's other periods (none for
 * a body never amended), as sentences appended to @sentences. */
void gs__text_power_rules_in_force (const GsScenario *s, const GsBodyPower *bp,
                                    GPtrArray *sentences);

/* Power: the body's observers in a sentence (transfer full), or NULL. */
char *gs__text_power_observers (const GsScenario *s, const GsBodyPower *bp);

/* Power, one vote per organisation over the people: the names of the
 * parties member @pl votes in, "A + B", appended to @out. */
void gs__text_power_parties (GString *out, const GsScenario *s,
                             const GsBodyPower *bp, const GsPowerPlayer *pl);

/* Power: why the game over the people was not built, where it was not. */
extern const char gs__text_power_people_skipped[];

/* A proposal's fate transitions, "approved → gridlocked 23.0%, …". */
void gs__text_fate_transitions (GString *out, const GsCompareCase *c);

G_END_DECLS

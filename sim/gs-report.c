/* gs-report.c — the plain-text summary and trace of a run.
 *
 * The summary is a few fixed-width tables; the trace is one dated sentence
 * per record, in the register of a company secretary's minute: who met,
 * who was there, what was decided and by how many votes, what slipped.
 * Names come from the scenario and may be any UTF-8, so column padding and
 * truncation count characters, not bytes.
 */
#include "gs-engine-private.h"

#include <govsim/gs-report.h>
#include <govsim/gs-summary.h>

#include <math.h>

/* Column widths, in characters, of the names in the summary tables. */
enum
{
  BODY_W = 34,
  MATTER_W = 26,
};

void
gs_report_append_money (GString *out, gint64 pounds)
{
  char digits[32];
  g_snprintf (digits, sizeof digits, "%" G_GINT64_FORMAT,
              pounds < 0 ? -pounds : pounds);
  gsize n = strlen (digits);
  g_string_append (out, pounds < 0 ? "-£" : "£");
  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
}

/* Appends @text cut or padded to @width characters. */
static void
append_cell (GString *out, const char *text, glong width)
{
  glong len = g_utf8_strlen (text, -1);
  if (len > width)
    {
      const char *cut = g_utf8_offset_to_pointer (text, width - 1);
      g_string_append_len (out, text, cut - text);
      g_string_append (out, "…");
    }
  else
    {
      g_string_append (out, text);
      for (glong i = len; i < width; i++)
        g_string_append_c (out, ' ');
    }
}

static void
append_days (GString *out, double days)
{
  if (isnan (days))
    g_string_append_printf (out, "%8s", "-");
  else
    g_string_append_printf (out, "%8.1f", days);
}

static const char *
date_str (GsTime t, char buf[GS_DATE_BUF])
{
  return gs_time_format_date (t, buf);
}

void
gs_report_text_summary (const GsRun *run, GString *out)
{
  const GsScenario *s = run->scenario;
  g_autoptr (GsSummary) sum = gs_summary_new (run);
  char d1[GS_DATE_BUF], d2[GS_DATE_BUF];

  g_string_append_printf (out, "govsim run: %s\n", s->name);
  g_string_append_printf (
      out, "Period %s to %s (%.0f days), seed %" G_GUINT64_FORMAT "\n",
      date_str (s->start, d1), date_str (s->end - GS_MINUTES_PER_DAY, d2),
      gs_time_days_between (s->start, s->end), run->seed);
  g_string_append_printf (out,
                          "%u proposal%s arrived: %u approved, %u rejected, "
                          "%u still pending at the end; %u missed a "
                          "deadline.\n",
                          sum->arrived, sum->arrived == 1 ? "" : "s",
                          sum->approved, sum->rejected, sum->pending,
                          sum->missed);

  g_string_append (out, "\nDecisions by body and matter\n");
  append_cell (out, "body", BODY_W + 1);
  append_cell (out, "matter", MATTER_W + 1);
  g_string_append (out, " arrived approved rejected pending  median     p90 "
                        "missed\n");
  append_cell (out, "", BODY_W + MATTER_W + 2);
  g_string_append (out, "                                    days    days\n");
  for (guint i = 0; i < sum->cells->len; i++)
    {
      const GsCellStats *c = &g_array_index (sum->cells, GsCellStats, i);
      append_cell (out, GS_BODY (s, c->body)->name, BODY_W);
      g_string_append_c (out, ' ');
      append_cell (out, GS_MATTER (s, c->matter)->name, MATTER_W);
      g_string_append_c (out, ' ');
      g_string_append_printf (out, "%8u %8u %8u %7u", c->arrived, c->approved,
                              c->rejected, c->pending);
      append_days (out, c->median_days);
      append_days (out, c->p90_days);
      g_string_append_printf (out, " %6u\n", c->missed);
    }

  g_string_append (out, "\nMeetings by body\n");
  append_cell (out, "body", BODY_W + 1);
  g_string_append (out, "meetings inquorate  carried    ties casting "
                        "blocked  splits conflicts decided\n");
  for (guint i = 0; i < sum->bodies->len; i++)
    {
      const GsBodyStats *b = &g_array_index (sum->bodies, GsBodyStats, i);
      append_cell (out, GS_BODY (s, b->body)->name, BODY_W);
      g_string_append_c (out, ' ');
      g_string_append_printf (out, "%8u %9u %8u %7u %7u %7u %7u %9u %7u\n",
                              b->meetings, b->inquorate, b->carried, b->ties,
                              b->casting, b->blocked, b->splits, b->conflicts,
                              b->decided);
    }
}

/* "Finance Committee (Trust A)"; the organisation is named only when the
 * scenario has more than one, where it tells the reader whose body it is. */
static void
append_body (GString *out, const GsScenario *s, guint32 bi)
{
  const GsBody *b = GS_BODY (s, bi);
  g_string_append (out, b->name);
  if (b->org >= 0 && s->organisations->len > 1)
    g_string_append_printf (out, " (%s)", GS_ORG (s, b->org)->name);
}

typedef enum
{
  REF_PERSON,
  REF_ORG,
  REF_BODY,
} RefKind;

/* "A", "A and B", "A, B and C" from the record's list. */
static void
append_refs (GString *out, const GsRun *run, const GsRecord *r, RefKind kind)
{
  const GsScenario *s = run->scenario;
  const guint32 *refs = gs_run_record_refs (run, r);
  for (guint i = 0; i < r->n_refs; i++)
    {
      if (i > 0)
        g_string_append (out, i + 1 == r->n_refs ? " and " : ", ");
      g_string_append (out, kind == REF_PERSON ? GS_PERSON (s, refs[i])->name
                            : kind == REF_ORG  ? GS_ORG (s, refs[i])->name
                                               : GS_BODY (s, refs[i])->name);
    }
}

static void
append_inquorate (GString *out, const GsRun *run, const GsRecord *r)
{
  const GsScenario *s = run->scenario;
  const char *roles[]
      = { "chair",     "NED",      "chief executive", "finance director",
          "executive", "governor", "officer",         "external member" };
  switch ((GsQuorumResult)r->d)
    {
      case GS_QUORUM_FAIL_PRESENT:
        g_string_append_printf (out, "%d of %d present, quorum %d", r->a, r->b,
                                r->c);
        break;
      case GS_QUORUM_FAIL_FRACTION:
        g_string_append_printf (out,
                                "%d of %d present, quorum %d (a share of "
                                "the members)",
                                r->a, r->b, r->c);
        break;
      case GS_QUORUM_FAIL_CHAIR:
        g_string_append (out, "the chair is absent and no deputy attends");
        break;
      case GS_QUORUM_FAIL_ROLE:
        g_string_append_printf (out, "%d %s%s present, the quorum needs %d",
                                r->a,
                                r->e >= 0 && r->e < 8 ? roles[r->e] : "member",
                                r->a == 1 ? "" : "s", r->c);
        break;
      case GS_QUORUM_FAIL_PARTY:
        g_string_append_printf (out,
                                "%d present from %s, the quorum needs %d "
                                "from each party",
                                r->a, r->e >= 0 ? GS_ORG (s, r->e)->name : "?",
                                r->c);
        break;
      case GS_QUORUM_MET:
      default:
        g_string_append (out, "quorum not met");
        break;
    }
}

/* "3 for, 1 against and 1 abstention" */
static void
append_votes (GString *out, const GsRecord *r)
{
  g_string_append_printf (out, "%d for and %d against", r->a, r->b);
  if (r->c > 0)
    g_string_append_printf (out, ", %d abstention%s", r->c,
                            r->c == 1 ? "" : "s");
}

static const char *
outcome_word (GsVoteOutcome o)
{
  switch (o)
    {
      case GS_OUTCOME_CARRIED:
        return "approved";
      case GS_OUTCOME_DEFEATED:
        return "rejected";
      case GS_OUTCOME_TIED:
        return "tied";
      case GS_OUTCOME_BLOCKED:
        return "blocked";
      case GS_OUTCOME_NO_VOTES:
      default:
        return "no votes cast";
    }
}

/* "<prefix>2024-06-11", or "<none>no meeting left ..." when there is none. */
static void
append_next_meeting (GString *out, const char *prefix, const char *none,
                     GsTime when)
{
  char d[GS_DATE_BUF];
  if (when == GS_TIME_NEVER)
    g_string_append_printf (
        out, "%sno meeting left before the end of the period", none);
  else
    g_string_append_printf (out, "%s%s", prefix, date_str (when, d));
}

static void
append_record (GString *out, const GsRun *run, const GsRecord *r)
{
  const GsScenario *s = run->scenario;
  char d[GS_DATE_BUF];
  g_autofree char *title
      = r->item != GS_NONE ? gs_run_case_title (run, r->item) : NULL;
  const GsCase *c = r->item != GS_NONE ? gs_run_get_case (run, r->item) : NULL;

  g_string_append_printf (out, "%s ", date_str (r->time, d));
  switch (r->kind)
    {
      case GS_REC_ARRIVED:
        g_string_append_printf (out, "'%s' (%s", title,
                                GS_MATTER (s, c->matter)->name);
        if (c->value > 0)
          {
            g_string_append (out, ", ");
            gs_report_append_money (out, c->value);
          }
        g_string_append (out, ") arrives for ");
        append_body (out, s, r->body);
        if (c->due != GS_TIME_NEVER)
          g_string_append_printf (out, ", due by %s", date_str (c->due - 1, d));
        append_next_meeting (out, "; first possible meeting ", "; ", r->when);
        break;
      case GS_REC_MEETING:
        append_body (out, s, r->body);
        if (GS_BODY (s, r->body)->kind == GS_BODY_OFFICER)
          {
            g_string_append_printf (out, ": available; %d item%s to decide",
                                    r->d, r->d == 1 ? "" : "s");
            break;
          }
        g_string_append_printf (out, ": quorate — %d of %d present", r->a,
                                r->b);
        if (r->c > 0)
          g_string_append_printf (out, ", quorum %d", r->c);
        if (r->f > 0)
          g_string_append_printf (out, " (%d as deput%s)", r->f,
                                  r->f == 1 ? "y" : "ies");
        g_string_append_printf (out, "; %d item%s to decide", r->d,
                                r->d == 1 ? "" : "s");
        break;
      case GS_REC_INQUORATE:
        append_body (out, s, r->body);
        if (GS_BODY (s, r->body)->kind == GS_BODY_OFFICER)
          {
            g_string_append (out, ": not available to decide");
            break;
          }
        if (r->item != GS_NONE)
          {
            g_string_append_printf (out,
                                    ": inquorate for '%s' once conflicted "
                                    "members are left out — ",
                                    title);
            append_inquorate (out, run, r);
            break;
          }
        g_string_append (out, ": inquorate — ");
        append_inquorate (out, run, r);
        if (r->n_refs > 0)
          {
            g_string_append (out, "; absent: ");
            append_refs (out, run, r, REF_PERSON);
          }
        break;
      case GS_REC_APPROVED:
      case GS_REC_REJECTED:
        append_body (out, s, r->body);
        g_string_append_printf (out, ": '%s' %s, ", title,
                                r->kind == GS_REC_APPROVED ? "approved"
                                                           : "rejected");
        if (r->e < 0)
          g_string_append_printf (out,
                                  "%d of %d constituent committees in "
                                  "favour",
                                  r->a, r->a + r->b);
        else
          append_votes (out, r);
        if (r->d)
          g_string_append (out, " — carried on the chair's casting vote");
        g_string_append_printf (out, " (%.0f days after arrival)",
                                gs_time_days_between (c->arrives, r->time));
        if (r->kind == GS_REC_APPROVED && s->organisations->len > 1
            && r->n_refs > 0)
          {
            g_string_append (out, "; binds ");
            append_refs (out, run, r, REF_ORG);
          }
        break;
      case GS_REC_TIED:
        append_body (out, s, r->body);
        g_string_append_printf (out,
                                ": '%s' not carried — the vote tied %d–%d and "
                                "there is no casting vote",
                                title, r->a, r->b);
        break;
      case GS_REC_BLOCKED:
        append_body (out, s, r->body);
        g_string_append_printf (out, ": '%s' blocked — no consensus: ", title);
        append_refs (out, run, r, REF_PERSON);
        g_string_append (out, r->n_refs == 1 ? " objected" : " objected");
        break;
      case GS_REC_NO_VOTES:
        append_body (out, s, r->body);
        g_string_append_printf (out,
                                ": '%s' not carried — nobody voted for or "
                                "against",
                                title);
        break;
      case GS_REC_CONSTITUENT:
        append_body (out, s, r->body);
        g_string_append_printf (out, ", meeting in common: '%s' %s, ", title,
                                outcome_word ((GsVoteOutcome)r->e));
        append_votes (out, r);
        if (r->d)
          g_string_append (out, " — on the chair's casting vote");
        if (r->e == GS_OUTCOME_BLOCKED)
          {
            g_string_append (out, "; objecting: ");
            append_refs (out, run, r, REF_PERSON);
          }
        break;
      case GS_REC_SPLIT:
        append_body (out, s, r->body);
        g_string_append_printf (out, ": split on '%s' — approved by ", title);
        if (r->n_refs == 0)
          g_string_append (out, "none");
        else
          append_refs (out, run, r, REF_BODY);
        g_string_append_printf (out, " (%d of %d)", r->a, r->b);
        break;
      case GS_REC_CONFLICT:
        append_body (out, s, r->body);
        g_string_append_printf (out, ": on '%s', ", title);
        append_refs (out, run, r, REF_PERSON);
        g_string_append (out, r->n_refs == 1 ? " is" : " are");
        g_string_append (out, " excluded from the vote (declared conflict of "
                              "interest)");
        break;
      case GS_REC_CARRIED:
        append_body (out, s, r->body);
        g_string_append_printf (out, ": '%s' carried over", title);
        append_next_meeting (out, " to ", "; ", r->when);
        if (r->a == GS_CARRY_INQUORATE)
          g_string_append (out, GS_BODY (s, r->body)->kind == GS_BODY_OFFICER
                                    ? " (not available)"
                                    : " (meeting inquorate)");
        else
          g_string_append_printf (out, " (agenda full: capacity %u)",
                                  GS_BODY (s, r->body)->calendar.capacity);
        break;
      case GS_REC_DEADLINE_MISSED:
        g_string_append_printf (out, "'%s' missed its deadline of %s, ", title,
                                date_str (c->due - 1, d));
        g_string_append (out, "still waiting for ");
        append_body (out, s, r->body);
        g_string_append_printf (out, " after %.0f days",
                                gs_time_days_between (c->arrives, r->time));
        break;
      case GS_REC_PENDING_AT_END:
        g_string_append_printf (out, "'%s' is still pending before ", title);
        append_body (out, s, r->body);
        g_string_append_printf (out, " at the end of the period (arrived %s)",
                                date_str (c->arrives, d));
        break;
      default:
        g_assert_not_reached ();
    }
  g_string_append_c (out, '\n');
}

void
gs_report_text_trace (const GsRun *run, GString *out)
{
  for (guint i = 0; i < run->records->len; i++)
    append_record (out, run, &g_array_index (run->records, GsRecord, i));
}

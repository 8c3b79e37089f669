/* gs-load-limits.c — refusing schema-valid files that ask for unbounded work.
 *
 * The schema caps what one element may say, but not what elements say
 * together: a horizon of a century with a meeting every minute, streams
 * generating millions of proposals, or hundreds of large bodies meeting
 * daily are all valid, and each would make a run take hours or memory
 * without bound.  Once the model is built without a problem, this pass
 * counts the work arithmetically, without simulating anything: each body's
 * meetings over the horizon (a binary search over its calendar), the seats
 * those meetings fill, and the proposals the traffic brings.  A count over
 * its cap in gs-limits.h refuses the file with one "file:line: message"
 * that names the limit, at the element that asks for the most of it; a
 * count above GS_LIMIT_NEAR_PERCENT of its cap is kept as a warning that
 * `govsim check` prints.
 *
 * Workload: O(log) per calendar and per stream, O(1) per body otherwise.
 */
#include "io/gs-loader-private.h"

#include <govsim/gs-phrase.h>

#include <math.h>
#include <string.h>

/* A count as the messages write it: 1,000,000; or "more than 1,000,000"
 * when it is above @cap, which counting stopped at.  (transfer full) */
static char *
format_count (guint64 n, guint64 cap)
{
  GString *out = g_string_new (NULL);
  gs_phrase_money (out, (gint64)MIN (n, cap));
  g_string_erase (out, 0, (gssize)strlen ("£"));
  if (n > cap)
    g_string_prepend (out, "more than ");
  return g_string_free (out, FALSE);
}

/* The shortest span @every can cover, in minutes (months of 28 days, years
 * of 365): at least 1 for a non-zero duration. */
static guint64
shortest_minutes (const GsDuration *every)
{
  guint64 days = (guint64)MAX (every->years, 0) * 365
                 + (guint64)MAX (every->months, 0) * 28
                 + (guint64)MAX (every->days, 0);
  return MAX (
      days * (guint64)GS_MINUTES_PER_DAY + (guint64)MAX (every->minutes, 0), 1);
}

/* How many of first, first + every, first + 2 × every, ... fall before
 * @end: exact, by a binary search between 0 and a bound from the shortest
 * span of @every.  At most @cap + 1: counting stops there. */
static guint64
count_before (GsTime first, const GsDuration *every, GsTime end, guint64 cap)
{
  if (first >= end || gs_duration_is_zero (every))
    return first < end ? 1 : 0;
  guint64 hi = (guint64)(end - first) / shortest_minutes (every) + 1;
  hi = MIN (hi, cap + 1);
  /* The last k in [0, hi] with first + k × every before the end. */
  guint64 lo = 0;
  while (lo < hi)
    {
      guint64 mid = lo + (hi - lo + 1) / 2;
      if (gs_time_add (first, every, (gint64)mid) < end)
        lo = mid;
      else
        hi = mid - 1;
    }
  return MIN (lo + 1, cap + 1);
}

/* Warns, in the scenario, when @n is above GS_LIMIT_NEAR_PERCENT of
 * @cap: the file is legal, but a longer horizon or a busier calendar
 * would be refused. */
static void
warn_near (GsLoader *l, long line, guint64 n, guint64 cap, const char *what,
           const char *limit)
{
  if (n * 100 <= cap * GS_LIMIT_NEAR_PERCENT)
    return;
  g_autofree char *count = format_count (n, G_MAXUINT64);
  g_autofree char *max = format_count (cap, G_MAXUINT64);
  g_ptr_array_add (
      l->s->warnings,
      g_strdup_printf ("%s:%ld: warning: the file asks for %s %s, %u%% of "
                       "the %s govsim allows (%s): legal, but close to "
                       "being refused",
                       l->name, line > 0 ? line : 1, count, what,
                       (guint)(n * 100 / cap), max, limit));
}

/* The horizon, checked once the period is known. */
void
gs__load_limit_horizon (GsLoader *l, xmlNodePtr root)
{
  GsScenario *s = l->s;
  GsDuration century = { .years = GS_LIMIT_HORIZON_YEARS };
  if (s->end > gs_time_add (s->start, &century, 1))
    {
      g_autofree char *horizon = gs__xml_attr (root, "horizon");
      gs__load_error (l, gs__xml_line (root),
                      "the horizon %s is longer than %d years; govsim "
                      "simulates at most that (GS_LIMIT_HORIZON_YEARS)",
                      horizon, GS_LIMIT_HORIZON_YEARS);
    }
}

/* The seats one meeting of @b fills: its members, or for committees in
 * common those of every constituent. */
static guint64
seats_of (const GsScenario *s, const GsBody *b)
{
  guint64 n = b->n_members;
  for (guint i = 0; i < b->n_constituents; i++)
    n += GS_BODY (s, b->constituents[i])->n_members;
  return n;
}

static void
check_meetings (GsLoader *l)
{
  const GsScenario *s = l->s;
  guint64 meetings = 0, seat_meetings = 0;
  guint64 most_meetings = 0, most_seats = 0;
  int busiest = -1, fullest = -1;
  for (guint i = 0; i < s->bodies->len; i++)
    {
      const GsBody *b = GS_BODY (s, i);
      if (b->group >= 0)
        continue; /* it meets with its group */
      guint64 n = count_before (b->calendar.first, &b->calendar.every, s->end,
                                GS_LIMIT_MEETINGS_MAX);
      guint64 seats = n * seats_of (s, b);
      meetings += n;
      seat_meetings += seats;
      if (n > most_meetings)
        {
          most_meetings = n;
          busiest = (int)i;
        }
      if (seats > most_seats)
        {
          most_seats = seats;
          fullest = (int)i;
        }
    }
  if (meetings <= GS_LIMIT_MEETINGS_MAX
      && seat_meetings <= GS_LIMIT_SEAT_MEETINGS_MAX && busiest >= 0)
    {
      xmlNodePtr meets
          = gs__xml_child (g_ptr_array_index (l->body_nodes, busiest), "meets");
      long line = meets ? gs__xml_line (meets) : GS_BODY (s, busiest)->line;
      warn_near (l, line, meetings, GS_LIMIT_MEETINGS_MAX,
                 "meetings over the horizon", "GS_LIMIT_MEETINGS_MAX");
      warn_near (l, GS_BODY (s, fullest)->line, seat_meetings,
                 GS_LIMIT_SEAT_MEETINGS_MAX, "seats filled at meetings",
                 "GS_LIMIT_SEAT_MEETINGS_MAX");
    }
  if (meetings > GS_LIMIT_MEETINGS_MAX)
    {
      /* A body's count stops just past the cap, and so does the total. */
      guint64 cap = most_meetings > GS_LIMIT_MEETINGS_MAX
                        ? GS_LIMIT_MEETINGS_MAX
                        : G_MAXUINT64;
      const GsBody *b = GS_BODY (s, busiest);
      xmlNodePtr meets
          = gs__xml_child (g_ptr_array_index (l->body_nodes, busiest), "meets");
      g_autofree char *every = meets ? gs__xml_attr (meets, "every") : NULL;
      g_autofree char *total = format_count (meetings, cap);
      g_autofree char *its = format_count (most_meetings, cap);
      g_autofree char *max = format_count (GS_LIMIT_MEETINGS_MAX, G_MAXUINT64);
      gs__load_error (l, meets ? gs__xml_line (meets) : b->line,
                      "the calendars ask for %s meetings over the horizon "
                      "('%s', every %s, for %s of them); govsim simulates at "
                      "most %s (GS_LIMIT_MEETINGS_MAX)",
                      total, b->id, every ? every : "?", its, max);
      return;
    }
  if (seat_meetings > GS_LIMIT_SEAT_MEETINGS_MAX)
    {
      const GsBody *b = GS_BODY (s, fullest);
      guint64 seats = seats_of (s, b);
      g_autofree char *total = format_count (seat_meetings, G_MAXUINT64);
      g_autofree char *n = format_count (most_seats / seats, G_MAXUINT64);
      g_autofree char *max
          = format_count (GS_LIMIT_SEAT_MEETINGS_MAX, G_MAXUINT64);
      gs__load_error (l, b->line,
                      "the meetings over the horizon fill %s seats ('%s' "
                      "alone, %s meetings of %" G_GUINT64_FORMAT
                      " seats); govsim fills at most %s "
                      "(GS_LIMIT_SEAT_MEETINGS_MAX)",
                      total, b->id, n, seats, max);
    }
}

/* The proposals a stream brings before the horizon: a fixed stream's
 * arrivals that fall in it; a poisson stream's expected number (its mean
 * interval is the length of 'every' from the first arrival, as the run
 * draws it); at most its count either way. */
static guint64
stream_size (const GsScenario *s, const GsArrivals *a)
{
  if (!a->poisson)
    return MIN (a->count, count_before (a->first, &a->every, s->end, a->count));
  double mean = (double)(gs_time_add (a->first, &a->every, 1) - a->first);
  double expected = 1.0 + (double)(s->end - a->first) / MAX (mean, 1.0);
  return (guint64)MIN ((double)a->count, ceil (expected));
}

static void
check_proposals (GsLoader *l)
{
  const GsScenario *s = l->s;
  guint64 total = s->proposals->len, most = 0;
  int largest = -1;
  for (guint i = 0; i < s->arrivals->len; i++)
    {
      guint64 n = stream_size (s, GS_ARRIVALS (s, i));
      total += n;
      if (n > most)
        {
          most = n;
          largest = (int)i;
        }
    }
  if (total <= GS_LIMIT_PROPOSALS_MAX)
    {
      long line = largest >= 0        ? GS_ARRIVALS (s, largest)->line
                  : s->proposals->len ? GS_PROPOSAL (s, 0)->line
                                      : 1;
      warn_near (l, line, total, GS_LIMIT_PROPOSALS_MAX,
                 "proposals over the horizon", "GS_LIMIT_PROPOSALS_MAX");
      return;
    }
  g_autofree char *all = format_count (total, G_MAXUINT64);
  g_autofree char *max = format_count (GS_LIMIT_PROPOSALS_MAX, G_MAXUINT64);
  if (largest < 0)
    {
      gs__load_error (l, GS_PROPOSAL (s, 0)->line,
                      "the file has %s proposals; govsim simulates at most "
                      "%s (GS_LIMIT_PROPOSALS_MAX)",
                      all, max);
      return;
    }
  const GsArrivals *a = GS_ARRIVALS (s, largest);
  g_autofree char *its = format_count (most, G_MAXUINT64);
  gs__load_error (l, a->line,
                  "the traffic brings %s proposals over the horizon ('%s' "
                  "%s %s of them); govsim simulates at most %s "
                  "(GS_LIMIT_PROPOSALS_MAX)",
                  all, a->id,
                  a->poisson ? "is expected to generate" : "generates", its,
                  max);
}

void
gs__load_check_work (GsLoader *l)
{
  check_meetings (l);
  if (l->errors->len == 0)
    check_proposals (l);
}

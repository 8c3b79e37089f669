/* committee.c — the benchmark committee of bench/committee.xml as a bare C
 * program: the yardstick govsim is measured against.
 *
 * The same model as bench/committee.py, written the way a C programmer
 * would write this one model and nothing else: a binary heap of events
 * ordered by (time, priority, sequence), the agenda a first-in first-out
 * array of arrival times, xoshiro256** for the draws (seeded by SplitMix64
 * from the seed and the replication), every array kept from one
 * replication to the next.  Times are minutes; proposals arrive as a
 * Poisson stream with a mean gap of one day rounded up to a whole minute;
 * the committee meets every seven days while the ten years last; a meeting
 * with nothing on its agenda is not held; seven members attend with
 * probability 0.8; with four or more present the first ten items are
 * voted on, each present member for with probability 0.6, and an item
 * passes when more vote for than against.
 *
 *   committee [--runs N] [--seed S] [--keyed]
 *
 * With --keyed the draws are govsim's keyed draws instead of one
 * xoshiro256** stream, written here from their definition in
 * include/govsim/gs-draw.h: every number a SplitMix64 chain over its key
 * (seed, replication, purpose, then the purpose's words), an arrival's wait
 * keyed by (stream, serial), attendance by (person, day), a ballot by
 * (case, body, time of the meeting, person) with its for-or-against on the
 * key extended by 1.  The program is then the same model with the same
 * numbers as govsim, so its results must equal govsim's replication by
 * replication (bench/committee.sh checks the printed means and standard
 * deviations digit for digit), and its speed is what the bare model costs
 * with the draws govsim's common random numbers need.
 *
 * Only the standard library and libm; no GLib, no govsim.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MIN_PER_DAY 1440
#define END         (3653LL * MIN_PER_DAY)
#define EVERY       (7LL * MIN_PER_DAY)
#define MEMBERS     7
#define ATTEND      0.8
#define QUORUM      4
#define SUPPORT     0.6
#define CAPACITY    10

enum
{
  ARRIVE = 1,
  MEET = 2
};

typedef struct
{
  int64_t time;
  int32_t prio;
  uint32_t seq;
} Event;

static uint64_t s[4];

static uint64_t
splitmix (uint64_t *x)
{
  uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

static inline uint64_t
rotl (uint64_t x, int k)
{
  return (x << k) | (x >> (64 - k));
}

static inline double
uniform (void)
{
  uint64_t r = rotl (s[1] * 5, 7) * 9, t = s[1] << 17;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl (s[3], 45);
  return (double)(r >> 11) * 0x1.0p-53;
}

static Event *heap;
static size_t n_heap, cap_heap;

static inline int
before (const Event *a, const Event *b)
{
  if (a->time != b->time)
    return a->time < b->time;
  if (a->prio != b->prio)
    return a->prio < b->prio;
  return a->seq < b->seq;
}

static void
push (Event e)
{
  if (n_heap == cap_heap)
    {
      cap_heap = cap_heap ? 2 * cap_heap : 64;
      heap = realloc (heap, cap_heap * sizeof *heap);
      if (heap == NULL)
        abort ();
    }
  size_t i = n_heap++;
  while (i > 0 && before (&e, &heap[(i - 1) / 2]))
    {
      heap[i] = heap[(i - 1) / 2];
      i = (i - 1) / 2;
    }
  heap[i] = e;
}

static Event
pop (void)
{
  Event top = heap[0], last = heap[--n_heap];
  size_t i = 0;
  for (;;)
    {
      size_t c = 2 * i + 1;
      if (c >= n_heap)
        break;
      if (c + 1 < n_heap && before (&heap[c + 1], &heap[c]))
        c++;
      if (!before (&heap[c], &last))
        break;
      heap[i] = heap[c];
      i = c;
    }
  heap[i] = last;
  return top;
}

/* ---- govsim's keyed draws (gs-draw.h), for --keyed ------------------- */

#define GAMMA 0x9e3779b97f4a7c15ULL
/* 2024-01-01T00:00 in govsim's minutes since 1970-01-01: 19,723 days. */
#define T0 (19723LL * MIN_PER_DAY)
enum
{
  DRAW_GAP = 1,
  DRAW_ATTEND = 2,
  DRAW_BALLOT = 3,
  N_DRAWS = 8
};

static inline uint64_t
mix (uint64_t z)
{
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

static inline uint64_t
absorb (uint64_t h, uint64_t w)
{
  return mix ((h ^ w) + GAMMA);
}

/* The least t with m × 2^-53 >= p for every m >= t: "u < p" as
 * "(bits >> 11) < t". */
static uint64_t
threshold (double p)
{
  double x = p * 0x1.0p53;
  uint64_t t = (uint64_t)x;
  return (double)t < x ? t + 1 : t;
}

static int64_t *agenda;
static size_t n_agenda, cap_agenda;

typedef struct
{
  long approved, rejected, pending;
  double days;
} Result;

/* An arrival at @t joins the end of the agenda (kept between
 * replications). */
static void
agenda_push (int64_t t)
{
  if (n_agenda == cap_agenda)
    {
      cap_agenda = cap_agenda ? 2 * cap_agenda : 1024;
      agenda = realloc (agenda, cap_agenda * sizeof *agenda);
      if (agenda == NULL)
        abort ();
    }
  agenda[n_agenda++] = t;
}

/* The replication's result once its events are done: what is left from
 * @head on is pending, and the days are a mean over the decided. */
static Result
finish (Result r, size_t head)
{
  long decided = r.approved + r.rejected;
  r.pending = (long)(n_agenda - head);
  r.days /= decided > 0 ? (double)decided : 1.0;
  return r;
}

static Result
replicate (uint64_t seed, uint64_t rep)
{
  uint64_t x = seed * 0x100000001b3ULL ^ rep;
  for (int i = 0; i < 4; i++)
    s[i] = splitmix (&x);
  uint32_t seq = 0;
  n_heap = n_agenda = 0;
  push ((Event){ 0, ARRIVE, seq++ });
  push ((Event){ 0, MEET, seq++ });
  size_t head = 0;
  Result r = { 0 };
  while (n_heap > 0)
    {
      Event e = pop ();
      if (e.prio == ARRIVE)
        {
          agenda_push (e.time);
          double gap = -MIN_PER_DAY * log (1.0 - uniform ());
          int64_t t = e.time + (int64_t)fmax (1.0, ceil (gap));
          if (t < END)
            push ((Event){ t, ARRIVE, seq++ });
          continue;
        }
      if (e.time + EVERY < END)
        push ((Event){ e.time + EVERY, MEET, seq++ });
      if (head == n_agenda)
        continue;
      int present = 0;
      for (int m = 0; m < MEMBERS; m++)
        present += uniform () < ATTEND;
      if (present < QUORUM)
        continue;
      size_t take = n_agenda - head < CAPACITY ? n_agenda - head : CAPACITY;
      for (size_t i = head; i < head + take; i++)
        {
          int votes_for = 0;
          for (int m = 0; m < present; m++)
            votes_for += uniform () < SUPPORT;
          if (votes_for > present - votes_for)
            r.approved++;
          else
            r.rejected++;
          r.days += (double)(e.time - agenda[i]) / MIN_PER_DAY;
        }
      head += take;
    }
  return finish (r, head);
}

/* The same model with keyed draws.  Nothing depends on the order of the
 * draws, only on their keys: a meeting with nothing on its agenda need
 * draw nothing.  Times are govsim's (minutes since 1970) so that the
 * attendance key's day is the same. */
static Result
replicate_keyed (uint64_t seed, uint64_t rep)
{
  uint64_t h = absorb (mix (seed + GAMMA), rep);
  uint64_t gap_h = absorb (absorb (h, DRAW_GAP), 0); /* stream 0 */
  uint64_t attend_h = absorb (h, DRAW_ATTEND);
  uint64_t ballot_h = absorb (h, DRAW_BALLOT);
  uint64_t t_attend = threshold (ATTEND), t_support = threshold (SUPPORT);
  const int64_t end = T0 + END;
  uint32_t seq = 0, serial = 1;
  enum
  {
    AHEAD = 16
  };
  double logs[AHEAD];
  uint32_t logs_from = 0 - (uint32_t)AHEAD; /* none drawn yet */
  n_heap = n_agenda = 0;
  push ((Event){ T0, ARRIVE, seq++ });
  push ((Event){ T0, MEET, seq++ });
  size_t head = 0;
  Result r = { 0 };
  while (n_heap > 0)
    {
      Event e = pop ();
      if (e.prio == ARRIVE)
        {
          agenda_push (e.time);
          /* The wait after the case of this serial, keyed (stream, serial);
           * the case's own serial is its index + 1, kept in step here.  The
           * logarithms are drawn AHEAD at a time, as govsim draws them, so
           * that their latency is off the chain of arrival times. */
          if (serial - logs_from >= AHEAD)
            {
              logs_from = serial;
              for (uint32_t j = 0; j < AHEAD; j++)
                {
                  uint64_t bits = absorb (gap_h, serial + j);
                  double u = (double)(bits >> 11) * 0x1.0p-53;
                  logs[j] = log (1.0 - u);
                }
            }
          double gap = -(double)MIN_PER_DAY * logs[serial - logs_from];
          int64_t t = e.time + (int64_t)fmax (1.0, ceil (gap));
          serial++;
          if (t < end)
            push ((Event){ t, ARRIVE, seq++ });
          continue;
        }
      if (e.time + EVERY < end)
        push ((Event){ e.time + EVERY, MEET, seq++ });
      if (head == n_agenda)
        continue;
      uint64_t day = (uint64_t)(e.time / MIN_PER_DAY);
      int present = 0;
      uint32_t who[MEMBERS];
      /* Present members compacted without a branch on the coin, as the
       * plain draw above counts them. */
      for (uint32_t m = 0; m < MEMBERS; m++)
        {
          who[present] = m;
          present += (absorb (absorb (attend_h, m), day) >> 11) < t_attend;
        }
      if (present < QUORUM)
        continue;
      size_t take = n_agenda - head < CAPACITY ? n_agenda - head : CAPACITY;
      for (size_t i = head; i < head + take; i++)
        {
          /* Case key: (stream + 1) << 32 | serial; body 0; the meeting's
           * time; then each present member's ballot. */
          uint64_t key = (1ULL << 32) | (uint64_t)(i + 1);
          uint64_t item_h
              = absorb (absorb (absorb (ballot_h, key), 0), (uint64_t)e.time);
          int votes_for = 0;
          for (int k = 0; k < present; k++)
            {
              uint64_t b = absorb (item_h, who[k]);
              votes_for += (absorb (b, 1) >> 11) < t_support;
            }
          if (votes_for > present - votes_for)
            r.approved++;
          else
            r.rejected++;
          r.days += (double)(e.time - agenda[i]) / MIN_PER_DAY;
        }
      head += take;
    }
  return finish (r, head);
}

int
main (int argc, char **argv)
{
  long runs = 1000;
  uint64_t seed = 1;
  int keyed = 0;
  for (int i = 1; i < argc; i++)
    if (strcmp (argv[i], "--keyed") == 0)
      keyed = 1;
    else if (i + 1 < argc && strcmp (argv[i], "--runs") == 0)
      runs = atol (argv[++i]);
    else if (i + 1 < argc && strcmp (argv[i], "--seed") == 0)
      seed = strtoull (argv[++i], NULL, 10);
  if (runs < 2)
    {
      fprintf (stderr, "committee: --runs must be at least 2\n");
      return 2;
    }
  /* Sums and sums of squares of the four quantities, for the check. */
  double sum[4] = { 0 }, sq[4] = { 0 };
  struct timespec t0, t1;
  clock_gettime (CLOCK_MONOTONIC, &t0);
  for (long k = 0; k < runs; k++)
    {
      Result r = keyed ? replicate_keyed (seed, (uint64_t)k)
                       : replicate (seed, (uint64_t)k);
      double v[4] = { (double)r.approved, (double)r.rejected, (double)r.pending,
                      r.days };
      for (int j = 0; j < 4; j++)
        {
          sum[j] += v[j];
          sq[j] += v[j] * v[j];
        }
    }
  clock_gettime (CLOCK_MONOTONIC, &t1);
  double secs = (double)(t1.tv_sec - t0.tv_sec)
                + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
  printf ("replications: %ld in %.3f s = %.0f replications/s\n", runs, secs,
          (double)runs / secs);
  static const char *const names[]
      = { "approved", "rejected", "pending", "days" };
  printf ("stats: n %ld", runs);
  for (int j = 0; j < 4; j++)
    {
      double mean = sum[j] / (double)runs;
      double var = (sq[j] - (double)runs * mean * mean) / (double)(runs - 1);
      printf (" %s %.6f %.6f", names[j], mean, sqrt (var > 0 ? var : 0));
    }
  printf ("\n");
  free (heap);
  free (agenda);
  return 0;
}

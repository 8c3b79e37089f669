/* gs-time-cache.h — a duration in days and minutes, added by one addition.
 *
 * A run adds the same duration to many times: a body's notice to each item
 * it receives, a stream's interval to each arrival.  For a duration without
 * months or years, t + n × d − t is one number for every t that is not near
 * the ends of GsTime's range, so a GsAddCache keeps that offset and the
 * span of times it holds for, and answers by one addition what
 * gs_time_add() answers by its overflow checks.  A duration with months,
 * years or working days is passed to gs_time_add() every time (its offset
 * changes with the month, or with the weekends and bank holidays it
 * crosses, and a stream arriving once a month would miss any span).  The
 * answer is always gs_time_add()'s, exactly (tests/test-time.c).
 *
 * The cache depends only on the duration and the multiple it is used
 * with, never on the run: it stays valid from replication to replication.
 * Zero-initialised, it is empty.
 */
#pragma once

#include <govsim/gs-time.h>

G_BEGIN_DECLS

typedef struct
{
  GsTime lo, hi; /* [lo, hi): the times whose sum is t + offset */
  GsTime offset;
} GsAddCache;

/* Out of line: computes the sum, and fills the cache when it can. */
GsTime gs__time_add_fill (GsAddCache *cache, GsTime t, const GsDuration *d,
                          gint64 times);

/* gs_time_add (@t, @d, @times), for a @cache used only with this @d and
 * @times. */
static inline GsTime
gs__time_add_cached (GsAddCache *cache, GsTime t, const GsDuration *d,
                     gint64 times)
{
  if (t >= cache->lo && t < cache->hi)
    return t + cache->offset;
  return gs__time_add_fill (cache, t, d, times);
}

G_END_DECLS

/* gs-time-cache.c — see gs-time-cache.h. */
#include "base/gs-time-cache.h"

/* The span: times within about two million years of the epoch, with an
 * offset no larger; no sum of two such numbers comes near the range where
 * gs_time_add() gives GS_TIME_NEVER. */
#define FAR_MINUTES (G_GINT64_CONSTANT (1) << 40)

GsTime
gs__time_add_fill (GsAddCache *cache, GsTime t, const GsDuration *d,
                   gint64 times)
{
  GsTime r = gs_time_add (t, d, times);
  /* Months and years vary in length, and working days with the weekends
   * and bank holidays they cross: only a fixed duration is one offset. */
  if (d->years != 0 || d->months != 0 || d->working_days != 0
      || t == GS_TIME_NEVER || r == GS_TIME_NEVER || t < -FAR_MINUTES
      || t >= FAR_MINUTES)
    return r;
  GsTime offset = r - t;
  if (offset < -FAR_MINUTES || offset > FAR_MINUTES)
    return r;
  cache->lo = -FAR_MINUTES;
  cache->hi = FAR_MINUTES;
  cache->offset = offset;
  return r;
}

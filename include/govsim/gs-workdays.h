/* gs-workdays.h — working days in England and Wales.
 *
 * Terms of reference often count notice and time limits in working days:
 * every day except Saturdays, Sundays and the bank holidays of England and
 * Wales.  govsim ships the bank holidays as a dated table (gs-workdays.c
 * says where it comes from and which years it covers) and refuses to count
 * working days outside those years rather than guess: the loader checks a
 * scenario that uses working days lies inside the table.  Outside it these
 * functions still answer, counting weekends only, so that the engine never
 * fails; nothing the loader accepts asks them to.
 *
 * All of these are O(1) or O(n) in the working days counted, never
 * allocate and never touch the wall clock.
 */
#pragma once

#include <govsim/gs-time.h>

G_BEGIN_DECLS

/** The first and last calendar years of the bank-holiday table. */
#define GS_WORKDAY_YEAR_FIRST 2018
#define GS_WORKDAY_YEAR_LAST  2027

/** TRUE when the day of @t lies in the years of the bank-holiday table. */
gboolean gs_workday_covered (GsTime t);

/** TRUE when the day of @t is a bank holiday in England and Wales. */
gboolean gs_workday_bank_holiday (GsTime t);

/** TRUE when the day of @t is a working day: Monday to Friday and not a
 * bank holiday. */
gboolean gs_workday_is (GsTime t);

/**
 * gs_workday_add:
 * The @n-th working day after the day of @t (@n > 0), or before it
 * (@n < 0), at the same time of day; @t itself when @n is 0.  The day of
 * @t is never counted: 1 working day after a Friday is the Monday (or the
 * Tuesday when the Monday is a bank holiday).  GS_TIME_NEVER stays NEVER.
 */
GsTime gs_workday_add (GsTime t, gint64 n);

G_END_DECLS

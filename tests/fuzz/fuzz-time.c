/* fuzz-time.c — libFuzzer target: the date and duration parsers.
 *
 * The first byte chooses the parser, the rest is the text (cut at the
 * first NUL, as an attribute value would be).  Beyond surviving, each
 * accepted value must keep the promises gs-time.h makes: a date is in the
 * supported years and formats back to the text it came from; a duration's
 * parts are within the caps of gs-limits.h, and adding it a thousand times
 * to the latest supported date neither overflows nor goes backwards.  A
 * refusal's message quotes at most about 80 characters of the text.
 */
#include <govsim/gs-time.h>

#include <stddef.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* The longest message a refusal may give: its words plus ~80 quoted
 * characters (and an ellipsis).  The longest words are a malformed
 * duration's, which say what a duration looks like (about 230 characters
 * with working days among the examples), so 240 was too tight once the
 * examples grew; 400 still bounds the echo. */
#define FUZZ_MESSAGE_MAX 400

static void
check_date (const char *text)
{
  GsTime t = 0;
  g_autoptr (GError) error = NULL;
  if (!gs_date_parse (text, &t, &error))
    {
      if (error == NULL || strlen (error->message) > FUZZ_MESSAGE_MAX)
        __builtin_trap ();
      return;
    }
  int y, m, d;
  gs_time_to_civil (t, &y, &m, &d);
  if (y < GS_YEAR_MIN || y > GS_YEAR_MAX)
    __builtin_trap ();
  char buf[GS_DATE_BUF];
  if (strcmp (gs_time_format_date (t, buf), text) != 0)
    __builtin_trap ();
}

static void
check_duration (const char *text)
{
  GsDuration d;
  g_autoptr (GError) error = NULL;
  if (!gs_duration_parse (text, &d, &error))
    {
      if (error == NULL || strlen (error->message) > FUZZ_MESSAGE_MAX)
        __builtin_trap ();
      return;
    }
  if (d.years < 0 || d.years > GS_LIMIT_DURATION_YEARS || d.months < 0
      || d.months > GS_LIMIT_DURATION_MONTHS || d.days < 0
      || d.days > GS_LIMIT_DURATION_WEEKS * 7 + GS_LIMIT_DURATION_DAYS
      || d.minutes < 0
      || d.minutes
             > (gint64)GS_LIMIT_DURATION_HOURS * 60 + GS_LIMIT_DURATION_MINUTES)
    __builtin_trap ();
  GsTime last = gs_time_from_civil (GS_YEAR_MAX, 12, 31);
  GsTime later = gs_time_add (last, &d, 1000);
  if (later < last)
    __builtin_trap ();
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (size < 1)
    return 0;
  g_autofree char *text = g_strndup ((const char *)data + 1, size - 1);
  if (data[0] & 1)
    check_duration (text);
  else
    check_date (text);
  return 0;
}

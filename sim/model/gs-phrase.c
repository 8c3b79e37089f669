/* gs-phrase.c — sums of money as a company secretary writes them.
 *
 * Digits are produced by hand in groups of three, so no locale's grouping
 * or digits can reach the output.  The ASCII rendition is for messages on
 * a terminal whose locale cannot show the pound sign.
 */
#include <govsim/gs-phrase.h>

void
gs_phrase_money (GString *out, gint64 pounds)
{
  /* Negate in unsigned arithmetic: -G_MININT64 does not fit a gint64. */
  guint64 v = pounds < 0 ? (guint64)0 - (guint64)pounds : (guint64)pounds;
  char digits[24];
  gsize n = 0;
  do
    {
      digits[n++] = (char)('0' + v % 10);
      v /= 10;
    }
  while (v > 0);
  g_string_append (out, pounds < 0 ? "-£" : "£");
  for (gsize i = n; i-- > 0;)
    {
      g_string_append_c (out, digits[i]);
      if (i > 0 && i % 3 == 0)
        g_string_append_c (out, ',');
    }
}

char *
gs_phrase_ascii (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *pounds = g_string_new (valid);
  g_string_replace (pounds, "£", "GBP ", 0);
  g_autofree char *replaced = g_string_free (pounds, FALSE);
  /* "C" rather than the user's locale: the same transliteration
   * everywhere, and g_str_to_ascii() never fails with it. */
  return g_str_to_ascii (replaced, "C");
}

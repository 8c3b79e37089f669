/* gs-phrase.c — sums of money as a company secretary writes them.
 *
 * Digits are produced by hand in groups of three, so no locale's grouping
 * or digits can reach the output.
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

/* gs-phrase.h — the phrasing every writer shares: sums of money.
 *
 * Part of the model layer, so the checks (analysis) and every writer say a
 * sum the same way without depending on each other.  Output is plain ASCII
 * digits and the pound sign, whatever the locale.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/** Appends @pounds to @out as "£1,234,567" (or "-£5" when negative). */
void gs_phrase_money (GString *out, gint64 pounds);

/**
 * gs_phrase_ascii:
 * @text: UTF-8 text, such as a message naming a sum
 *
 * The same text in plain ASCII, for a terminal whose locale cannot show
 * UTF-8: "£5,000,000" becomes "GBP 5,000,000", and any other character
 * outside ASCII its transliteration ("é" -> "e") or "?".  Invalid UTF-8 is
 * shown as "?" too.
 * Returns: (transfer full): the ASCII text.
 */
char *gs_phrase_ascii (const char *text);

G_END_DECLS

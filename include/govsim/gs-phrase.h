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

G_END_DECLS

/* gs-html-page.c — what every HTML page of govsim shares: the head and
 * its stylesheet, escaping, figures and numbers (gs-html-private.h).
 */
#include "write/gs-chart-private.h"
#include "write/gs-html-private.h"

#include <math.h>
#include <string.h>

static const char style[]
    = "body{font-family:'DejaVu Sans',Helvetica,Arial,sans-serif;"
      "color:#222;max-width:60em;margin:1.5em auto;padding:0 1em;"
      "line-height:1.4}"
      "h1{font-size:1.6em;margin-bottom:.2em}"
      "h2{font-size:1.25em;border-bottom:2px solid #1f5fa8;margin-top:1.6em}"
      "h3{font-size:1.05em}"
      ".meta{color:#555}"
      "table{border-collapse:collapse;margin:.5em 0;font-size:.9em}"
      "th,td{border:1px solid #bbb;padding:.2em .45em;text-align:right}"
      "th:first-child,td:first-child{text-align:left}"
      "thead th{background:#eef2f8}"
      ".headline{font-size:1.1em;background:#f6f8fb;padding:.6em .8em;"
      "border-left:4px solid #1f5fa8}"
      ".finding{color:#c0392b}"
      ".sev-error{color:#c0392b;font-weight:bold}"
      ".sev-warning{color:#b9770e;font-weight:bold}"
      ".sev-advice{color:#555;font-weight:bold}"
      "ol.chain{margin:.2em 0 .8em 0}"
      "figure{margin:1em 0;break-inside:avoid}"
      "figcaption{font-size:.9em;color:#444}"
      "svg{max-width:100%;height:auto}"
      ".structure{overflow-x:auto}.structure svg{max-width:none}"
      "details{margin:.3em 0}"
      "summary{cursor:pointer}"
      "details ul{font-size:.9em;margin:.2em 0 .5em 0}"
      "@media print{body{max-width:none;margin:0}"
      "h2{break-after:avoid}table,figure{break-inside:avoid}"
      ".structure{overflow:visible}.structure svg{max-width:100%}"
      "details::details-content{content-visibility:visible;display:block}"
      "summary{list-style:none}}"
      ".ci{color:#555;white-space:nowrap}"
      ".excl{color:#c0392b;font-weight:bold}"
      "td.l,th.l{text-align:left}"
      "pre.cmd{background:#f4f6f8;padding:.5em .7em;white-space:pre-wrap;"
      "word-break:break-all}";

void
gs__html_esc (GString *out, const char *text)
{
  g_autofree char *e = g_markup_escape_text (text ? text : "", -1);
  g_string_append (out, e);
}

void
gs__html_esc_line (GString *out, GString *text)
{
  while (text->len > 0 && text->str[text->len - 1] == '\n')
    g_string_truncate (text, text->len - 1);
  gs__html_esc (out, text->str);
}

void
gs__html_begin (GString *page, const char *name, const char *what)
{
  g_string_append (page,
                   "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
                   "<meta charset=\"utf-8\">\n"
                   "<meta name=\"viewport\" content=\"width=device-"
                   "width, initial-scale=1\">\n"
                   "<meta name=\"generator\" content=\"govsim " GOVSIM_VERSION
                   "\">\n<title>");
  gs__html_esc (page, name);
  g_string_append (page, " — ");
  gs__html_esc (page, what);
  g_string_append (page, "</title>\n<style>");
  g_string_append (page, style);
  g_string_append (page, "</style>\n</head>\n<body>\n");
}

void
gs__html_end (GString *page)
{
  g_string_append (page, "</body>\n</html>\n");
}

void
gs__html_figure (GString *out, const GString *svg, const char *prefix,
                 const char *caption)
{
  g_string_append (out, "<figure>");
  gs__svg_inline (out, svg->str, prefix);
  g_string_append_printf (out, "<figcaption>%s</figcaption></figure>\n",
                          caption);
}

void
gs__html_num (GString *out, double v, int digits, gboolean sign)
{
  char fmt[16], buf[G_ASCII_DTOSTR_BUF_SIZE];
  if (isnan (v))
    {
      g_string_append (out, "–");
      return;
    }
  g_snprintf (fmt, sizeof fmt, sign ? "%%+.%df" : "%%.%df", digits);
  g_ascii_formatd (buf, sizeof buf, fmt, v);
  if (buf[0] == '-' && strspn (buf + 1, "0.") == strlen (buf + 1))
    buf[0] = sign ? '+' : ' ';
  g_string_append (out, buf[0] == ' ' ? buf + 1 : buf);
}

void
gs__html_est_cells (GString *out, GsEstimate e, int digits, gboolean sign)
{
  if (!e.defined)
    {
      g_string_append (out, "<td>–</td><td class=\"ci\">–</td>");
      return;
    }
  g_string_append (out, "<td>");
  gs__html_num (out, e.value, digits, sign);
  g_string_append (out, "</td><td class=\"ci\">");
  if (isnan (e.lo))
    g_string_append (out, "–");
  else
    {
      gs__html_num (out, e.lo, digits, sign);
      g_string_append (out, " – ");
      gs__html_num (out, e.hi, digits, sign);
    }
  g_string_append (out, "</td>");
}

/* gs-json-check.c — the static review as a JSON document of kind "check",
 * and as CSV.
 *
 * `govsim check` takes several files, and the header's "scenario" names
 * one: it is the file's header when there is one file, else null, and each
 * entry of "files" carries its own.  A file that did not load has
 * "valid": false and the loader's messages, split into lines, under
 * "errors"; its "findings" are empty.  A finding keeps everything the text
 * shows: the rule's id, severity, title and basis, the primary line, the
 * sentence, and each element named with its kind, id, name and line.
 */
#include "write/gs-json-private.h"
#include "write/gs-write-private.h"

static void
write_finding (JsonBuilder *j, const GsFinding *f)
{
  json_builder_begin_object (j);
  gs__json_string (j, "rule", f->rule->id);
  gs__json_string (j, "severity", gs_severity_to_string (f->severity));
  gs__json_string (j, "title", f->rule->title);
  gs__json_string (j, "basis", f->rule->basis);
  gs__json_int (j, "line", f->line);
  gs__json_string (j, "message", f->message);
  json_builder_set_member_name (j, "elements");
  json_builder_begin_array (j);
  for (guint e = 0; e < f->elements->len; e++)
    {
      const GsCheckElement *el
          = &g_array_index (f->elements, GsCheckElement, e);
      json_builder_begin_object (j);
      gs__json_string (j, "element", gs_element_kind_to_string (el->kind));
      gs__json_string (j, "id", el->id);
      gs__json_string (j, "name", el->name);
      gs__json_int (j, "line", el->line);
      json_builder_end_object (j);
    }
  json_builder_end_array (j);
  json_builder_end_object (j);
}

void
gs_check_write_json (const GsCheckedFile *files, guint n, GsSeverity fail_on,
                     GString *out)
{
  const GsScenario *only = n == 1 ? files[0].scenario : NULL;
  g_autoptr (JsonBuilder) j = gs__json_begin (
      "check", only, only ? gs_scenario_get_default_seed (only) : 0);
  gs__json_string (j, "fail_on", gs_severity_to_string (fail_on));
  guint totals[3] = { 0 };
  gboolean bad_input = FALSE;
  json_builder_set_member_name (j, "files");
  json_builder_begin_array (j);
  for (guint i = 0; i < n; i++)
    {
      const GsCheckedFile *cf = &files[i];
      json_builder_begin_object (j);
      gs__json_string (j, "file", cf->file);
      if (cf->scenario != NULL)
        gs__json_scenario (j, cf->scenario,
                           gs_scenario_get_default_seed (cf->scenario));
      else
        gs__json_null (j, "scenario");
      gs__json_bool (j, "valid", cf->scenario != NULL);
      bad_input |= cf->scenario == NULL;
      json_builder_set_member_name (j, "errors");
      json_builder_begin_array (j);
      if (cf->errors != NULL)
        {
          g_auto (GStrv) lines = g_strsplit (cf->errors, "\n", -1);
          for (guint k = 0; lines[k] != NULL; k++)
            if (lines[k][0] != '\0')
              json_builder_add_string_value (j, lines[k]);
        }
      json_builder_end_array (j);
      guint counts[3] = { 0 };
      json_builder_set_member_name (j, "findings");
      json_builder_begin_array (j);
      for (guint k = 0; cf->findings != NULL && k < cf->findings->len; k++)
        {
          const GsFinding *f = g_ptr_array_index (cf->findings, k);
          counts[f->severity]++;
          totals[f->severity]++;
          write_finding (j, f);
        }
      json_builder_end_array (j);
      json_builder_set_member_name (j, "counts");
      json_builder_begin_object (j);
      gs__json_int (j, "error", counts[GS_SEVERITY_ERROR]);
      gs__json_int (j, "warning", counts[GS_SEVERITY_WARNING]);
      gs__json_int (j, "advice", counts[GS_SEVERITY_ADVICE]);
      json_builder_end_object (j);
      json_builder_end_object (j);
    }
  json_builder_end_array (j);
  json_builder_set_member_name (j, "counts");
  json_builder_begin_object (j);
  gs__json_int (j, "error", totals[GS_SEVERITY_ERROR]);
  gs__json_int (j, "warning", totals[GS_SEVERITY_WARNING]);
  gs__json_int (j, "advice", totals[GS_SEVERITY_ADVICE]);
  json_builder_end_object (j);
  guint at_or_above = 0;
  for (guint k = fail_on; k <= GS_SEVERITY_ERROR; k++)
    at_or_above += totals[k];
  /* The exit status the command returns, so a pipeline reading the JSON
   * need not also read $?. */
  gs__json_int (j, "exit_status", bad_input ? 2 : at_or_above > 0 ? 1 : 0);
  gs__json_finish (j, out);
}

void
gs_check_write_csv (const GsCheckedFile *files, guint n, GString *out)
{
  static const char *const header[] = { "file",    "line",  "severity", "rule",
                                        "message", "basis", "elements", NULL };
  gs__csv_header (out, header);
  for (guint i = 0; i < n; i++)
    for (guint k = 0; files[i].findings != NULL && k < files[i].findings->len;
         k++)
      {
        const GsFinding *f = g_ptr_array_index (files[i].findings, k);
        gs__csv_field (out, files[i].file, TRUE);
        gs__csv_int (out, f->line);
        gs__csv_field (out, gs_severity_to_string (f->severity), FALSE);
        gs__csv_field (out, f->rule->id, FALSE);
        gs__csv_field (out, f->message, FALSE);
        gs__csv_field (out, f->rule->basis, FALSE);
        /* kind:id@line, separated by spaces: ids never hold a space. */
        g_autoptr (GString) els = g_string_new (NULL);
        for (guint e = 0; e < f->elements->len; e++)
          {
            const GsCheckElement *el
                = &g_array_index (f->elements, GsCheckElement, e);
            if (e > 0)
              g_string_append_c (els, ' ');
            g_string_append_printf (els, "%s:%s@%d",
                                    gs_element_kind_to_string (el->kind),
                                    el->id ? el->id : "", el->line);
          }
        gs__csv_field (out, els->str, FALSE);
        gs__csv_end (out);
      }
}

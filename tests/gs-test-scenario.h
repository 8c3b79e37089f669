/* gs-test-scenario.h — helpers shared by the tests that run scenarios.
 *
 * Scenarios in these tests are written inline as XML and loaded through the
 * real loader, so they are checked exactly as a user's file would be.
 */
#pragma once

#include "gs-test.h"

#include <govsim/gs-run.h>
#include <govsim/gs-loader.h>
#include <govsim/gs-report.h>

#include <string.h>

/* Loads @xml (a whole scenario); fails the test, printing the loader's
 * messages, if it does not load.  (transfer full) */
static inline GsScenario *
gs_test_load_inline (const char *xml)
{
  g_autoptr (GError) error = NULL;
  GsScenario *s = gs_loader_load_bytes (xml, strlen (xml), "inline", &error);
  if (error != NULL)
    fprintf (stderr, "%s\n", error->message);
  CU_ASSERT_PTR_NOT_NULL_FATAL (s);
  return s;
}

/* Runs @s with the draws of (@seed, @replication); fails the test if the
 * run reports an error.  (transfer full) */
static inline GsRun *
gs_test_simulate (const GsScenario *s, guint64 seed, guint64 replication,
                  GsRunFlags flags)
{
  g_autoptr (GError) error = NULL;
  GsRun *run = gs_run_simulate (s, seed, replication, flags, &error);
  if (error != NULL)
    fprintf (stderr, "%s\n", error->message);
  CU_ASSERT_PTR_NOT_NULL_FATAL (run);
  return run;
}

/* The time of 00:00 on the day @iso ("YYYY-MM-DD"). */
static inline GsTime
gs_test_day (const char *iso)
{
  GsTime t = 0;
  g_assert (gs_date_parse (iso, &t, NULL));
  return t;
}

/* How many records of @kind the run kept. */
static inline guint
gs_test_count_records (const GsRun *run, GsRecordKind kind)
{
  guint n = 0;
  for (guint i = 0; i < gs_run_n_records (run); i++)
    n += gs_run_get_record (run, i)->kind == kind ? 1 : 0;
  return n;
}

/* How many breach records (of either breach kind) the run kept. */
static inline guint
gs_test_count_breaches (const GsRun *run)
{
  return gs_test_count_records (run, GS_REC_BREACH)
         + gs_test_count_records (run, GS_REC_BREACH_VOTE);
}

/* The @nth (0-based) breach record of either kind, in order, or NULL. */
static inline const GsRecord *
gs_test_nth_breach (const GsRun *run, guint nth)
{
  for (guint i = 0; i < gs_run_n_records (run); i++)
    {
      const GsRecord *r = gs_run_get_record (run, i);
      if (gs_record_kind_is_breach (r->kind) && nth-- == 0)
        return r;
    }
  return NULL;
}

/* The @nth (0-based) record of @kind the run kept, or NULL. */
static inline const GsRecord *
gs_test_nth_record (const GsRun *run, GsRecordKind kind, guint nth)
{
  for (guint i = 0; i < gs_run_n_records (run); i++)
    {
      const GsRecord *r = gs_run_get_record (run, i);
      if (r->kind == kind && nth-- == 0)
        return r;
    }
  return NULL;
}

/* The run's trace as text.  (transfer full) */
static inline char *
gs_test_trace (const GsRun *run)
{
  GString *out = g_string_new (NULL);
  gs_report_text_trace (run, out);
  return g_string_free (out, FALSE);
}

/* Asserts that @needle is in @text, and shows both when not. */
static inline void
gs_test_expect_in (const char *text, const char *needle)
{
  gboolean found = strstr (text, needle) != NULL;
  CU_ASSERT_TRUE (found);
  if (!found)
    fprintf (stderr, "\n'%s' not in:\n%s\n", needle, text);
}

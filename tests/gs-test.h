/* gs-test.h — the shared CUnit runner of govsim's test executables.
 *
 * Each tests/test-<module>.c defines one suite as a table of GsTestCase and
 * calls gs_test_run() from main().  The exit status comes from
 * CU_get_number_of_failures(), because CU_basic_run_tests() returns an
 * error code for the framework itself, not for failed assertions.
 */
#pragma once

#include <CUnit/Basic.h>
#include <glib.h>
#include <stdio.h>

typedef struct
{
  const char *name;
  void (*func) (void);
} GsTestCase;

static inline int
gs_test_run (const char *suite_name, const GsTestCase *cases)
{
  if (CU_initialize_registry () != CUE_SUCCESS)
    return 3;
  CU_pSuite suite = CU_add_suite (suite_name, NULL, NULL);
  if (suite == NULL)
    return 3;
  for (const GsTestCase *c = cases; c->name != NULL; c++)
    if (CU_add_test (suite, c->name, c->func) == NULL)
      return 3;
  CU_basic_set_mode (CU_BRM_VERBOSE);
  CU_basic_run_tests ();
  unsigned failures = CU_get_number_of_failures ();
  unsigned run = CU_get_number_of_tests_run ();
  CU_cleanup_registry ();
  if (run == 0)
    {
      fprintf (stderr, "%s: no test ran\n", suite_name);
      return 1;
    }
  return failures == 0 ? 0 : 1;
}

/* CUnit's CU_ASSERT_DOUBLE_EQUAL with a message-friendly name. */
#define GS_ASSERT_NEAR(actual, expected, tol)                                  \
  CU_ASSERT_DOUBLE_EQUAL ((actual), (expected), (tol))

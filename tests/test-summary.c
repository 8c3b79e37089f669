/* test-summary.c — quantiles and the counting of a run's outcomes.
 *
 * Expected quantiles come from Python's statistics.quantiles(data, n=...,
 * method='inclusive'), an independent implementation of the same type-7
 * definition, run once by hand:
 *   [1, 2, 3.5, 7, 9.25]: deciles 1.4 1.8 2.3 2.9 3.5 4.9 6.3 7.45 8.35
 *   [4 14 14 24 25 35 35 45 46 56 57 67]: median 35, 90th 56.9
 */
#include "gs-test.h"

#include <govsim/gs-summary.h>

#include <math.h>

static void
test_summary_quantile_matches_python (void)
{
  const double a[] = { 1.0, 2.0, 3.5, 7.0, 9.25 };
  const double deciles[] = { 1.4, 1.8, 2.3, 2.9, 3.5, 4.9, 6.3, 7.45, 8.35 };
  for (int i = 0; i < 9; i++)
    GS_ASSERT_NEAR (gs_quantile (a, 5, (i + 1) / 10.0), deciles[i], 1e-12);
  const double b[] = { 4, 14, 14, 24, 25, 35, 35, 45, 46, 56, 57, 67 };
  GS_ASSERT_NEAR (gs_quantile (b, 12, 0.5), 35.0, 1e-12);
  GS_ASSERT_NEAR (gs_quantile (b, 12, 0.9), 56.9, 1e-12);
}

static void
test_summary_quantile_edges (void)
{
  const double one[] = { 42.0 };
  CU_ASSERT_TRUE (isnan (gs_quantile (one, 0, 0.5)));
  GS_ASSERT_NEAR (gs_quantile (one, 1, 0.0), 42.0, 0);
  GS_ASSERT_NEAR (gs_quantile (one, 1, 0.9), 42.0, 0);
  const double two[] = { 10.0, 20.0 };
  GS_ASSERT_NEAR (gs_quantile (two, 2, 0.0), 10.0, 0);
  GS_ASSERT_NEAR (gs_quantile (two, 2, 1.0), 20.0, 0);
  GS_ASSERT_NEAR (gs_quantile (two, 2, 0.5), 15.0, 1e-12);
}

static const GsTestCase cases[] = {
  { "test_summary_quantile_matches_python",
    test_summary_quantile_matches_python },
  { "test_summary_quantile_edges", test_summary_quantile_edges },
  { NULL, NULL },
};

int
main (void)
{
  return gs_test_run ("summary", cases);
}

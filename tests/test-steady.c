/* test-steady.c — a replication in steady state does not allocate.
 *
 * The test executable defines malloc, calloc, realloc and free itself,
 * forwarding to glibc's __libc_* entry points and counting, so every
 * allocation the run makes — directly or through GLib's arrays — is seen:
 * an executable's definitions take precedence over libc's for the shared
 * libraries too.  (Not built under AddressSanitizer, which owns malloc.)
 *
 * A GsRun is executed for seeds 1..20 once to grow its arrays, then again
 * for the same seeds: the second pass must make no allocation at all,
 * since the same seeds need exactly the sizes the first pass reached.
 */
#include "gs-test-scenario.h"

#include <govsim/gs-loader.h>

#include <stddef.h>

extern void *__libc_malloc (size_t n);
extern void *__libc_calloc (size_t n, size_t size);
extern void *__libc_realloc (void *p, size_t n);
extern void __libc_free (void *p);

static gboolean counting;
static guint allocations;

void *malloc (size_t n);
void *calloc (size_t n, size_t size);
void *realloc (void *p, size_t n);
void free (void *p);

void *
malloc (size_t n)
{
  allocations += counting;
  return __libc_malloc (n);
}

void *
calloc (size_t n, size_t size)
{
  allocations += counting;
  return __libc_calloc (n, size);
}

void *
realloc (void *p, size_t n)
{
  allocations += counting;
  return __libc_realloc (p, n);
}

void
free (void *p)
{
  __libc_free (p);
}

static void
check_steady (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GsScenario) s = path != NULL
                                 ? gs_loader_load_file (path, 0, &error)
                                 : gs_loader_load_demo (&error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (s);
  g_autoptr (GsRun) run = gs_run_new (s, GS_RUN_NO_RECORDS);
  /* The first pass grows the arrays: the counter must see it do so, or a
   * zero below would prove nothing. */
  allocations = 0;
  counting = TRUE;
  for (guint64 seed = 1; seed <= 20; seed++)
    CU_ASSERT_FATAL (gs_run_execute (run, seed, 0, &error));
  counting = FALSE;
  CU_ASSERT (allocations > 0);
  allocations = 0;
  counting = TRUE;
  for (guint64 seed = 1; seed <= 20; seed++)
    if (!gs_run_execute (run, seed, 0, &error))
      break;
  counting = FALSE;
  CU_ASSERT_PTR_NULL (error);
  CU_ASSERT_EQUAL (allocations, 0);
  if (allocations != 0)
    fprintf (stderr, "%s: %u allocations in steady state\n",
             path ? path : "demo", allocations);
}

/* The counter itself works: a GLib allocation is seen. */
static void
test_steady_counter_counts (void)
{
  allocations = 0;
  counting = TRUE;
  gpointer p = g_malloc (64);
  counting = FALSE;
  g_free (p);
  CU_ASSERT (allocations >= 1);
}

static void
test_steady_demo (void)
{
  check_steady (NULL);
}

static void
test_steady_pathway_and_disputes (void)
{
  check_steady (GS_SCENARIO_DIR "/service-reconfiguration-pathway.xml");
  check_steady (GS_SCENARIO_DIR "/lead-provider-escalation.xml");
  check_steady (GS_SCENARIO_DIR "/shared-leadership-cic.xml");
  check_steady (GS_SCENARIO_DIR "/delegation-limits.xml");
}

static const GsTestCase cases[] = {
  { "test_steady_counter_counts", test_steady_counter_counts },
  { "test_steady_demo", test_steady_demo },
  { "test_steady_pathway_and_disputes", test_steady_pathway_and_disputes },
  { NULL, NULL },
};

int
main (void)
{
  return gs_test_run ("steady", cases);
}

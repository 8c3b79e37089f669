/* bench-load.c — how the loader's cost grows with the file.
 *
 * Generates valid scenarios of growing size, 1 MiB up to just under the
 * 16 MiB default cap, each made of the same block repeated: an
 * organisation with 20 people, 20 matter types, a board of 10 meeting
 * monthly, 5 stances, 40 absences, 5 conflicts and 10 proposals.  Loads
 * each from memory through gs_loader_load_bytes() several times (parse,
 * schema validation and build, as `govsim check` does before its checks)
 * and prints the median time, MB/s and seconds per MiB, so that a loader
 * whose cost is linear in the file shows a flat last column.  Wall-clock
 * time is measured here, never in the library or the tests.
 *
 *   bench-load [--runs N] [--max-mib M] [--absences-only]
 *
 * --absences-only generates instead one file of 40,000 absences over
 * 10,000 people (the case the loader used to take seconds over).
 */
#include <govsim/gs-limits.h>
#include <govsim/gs-loader.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char header[]
    = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<scenario xmlns=\"urn:govsim:scenario:1\" name=\"Load benchmark\" "
      "start=\"2024-04-01\" horizon=\"P2Y\">\n";
static const char footer[] = "</scenario>\n";

/* One block of the scenario, numbered @b. */
static void
append_block (GString *x, guint b)
{
  g_string_append_printf (x,
                          "  <organisation id=\"org-%u\" name=\"Organisation "
                          "%u\" kind=\"nhs-trust\"/>\n",
                          b, b);
  for (guint i = 0; i < 20; i++)
    g_string_append_printf (x,
                            "  <person id=\"person-%u-%u\" name=\"Person %u "
                            "of %u\" org=\"org-%u\" role=\"ned\" "
                            "director=\"true\" attendance=\"0.9\"/>\n",
                            b, i, i, b, b);
  for (guint i = 0; i < 20; i++)
    g_string_append_printf (x,
                            "  <matter id=\"matter-%u-%u\" name=\"Matter %u "
                            "of %u\"/>\n",
                            b, i, i, b);
  g_string_append_printf (x,
                          "  <board id=\"board-%u\" name=\"Board %u\" "
                          "org=\"org-%u\">\n",
                          b, b, b);
  for (guint i = 0; i < 10; i++)
    g_string_append_printf (x, "    <member person=\"person-%u-%u\"/>\n", b, i);
  g_string_append_printf (x,
                          "    <quorum present=\"6\"/>\n"
                          "    <meets first=\"2024-04-%02u\" every=\"P1M\" "
                          "capacity=\"10\"/>\n  </board>\n",
                          1 + b % 28);
  for (guint i = 0; i < 5; i++)
    g_string_append_printf (x,
                            "  <stance person=\"person-%u-%u\" "
                            "matter=\"matter-%u-%u\" support=\"0.7\"/>\n",
                            b, i, b, i);
  for (guint i = 0; i < 40; i++)
    g_string_append_printf (x,
                            "  <absence person=\"person-%u-%u\" "
                            "from=\"2024-%02u-01\" until=\"2024-%02u-15\"/>\n",
                            b, i % 20, 4 + i % 8, 4 + i % 8);
  for (guint i = 0; i < 5; i++)
    g_string_append_printf (x,
                            "  <conflict person=\"person-%u-%u\" "
                            "matter=\"matter-%u-%u\"/>\n",
                            b, i, b, 19 - i);
  for (guint i = 0; i < 10; i++)
    g_string_append_printf (x,
                            "  <proposal id=\"proposal-%u-%u\" title=\"Case %u "
                            "of %u\" matter=\"matter-%u-%u\" value=\"%u\" "
                            "lead=\"org-%u\" arrives=\"2024-%02u-10\" "
                            "body=\"board-%u\"/>\n",
                            b, i, i, b, b, i, 1000 * (i + 1), b, 5 + i % 7, b);
}

/* A scenario of at most @bytes.  (transfer full) */
static GString *
generate (gsize bytes)
{
  GString *x = g_string_sized_new (bytes + 65536);
  GString *block = g_string_new (NULL);
  g_string_append (x, header);
  for (guint b = 0;; b++)
    {
      g_string_truncate (block, 0);
      append_block (block, b);
      if (x->len + block->len + sizeof footer > bytes)
        break;
      g_string_append_len (x, block->str, (gssize)block->len);
    }
  g_string_append (x, footer);
  g_string_free (block, TRUE);
  return x;
}

/* 40,000 absences over 10,000 people, in about 4 MB. */
static GString *
generate_absences (void)
{
  GString *x = g_string_new (header);
  g_string_append (x, "  <organisation id=\"trust\" name=\"A Trust\" "
                      "kind=\"nhs-trust\"/>\n"
                      "  <matter id=\"capital\" name=\"Capital\"/>\n");
  for (guint p = 0; p < 10000; p++)
    g_string_append_printf (x,
                            "  <person id=\"person-number-%05u\" org=\"trust\" "
                            "role=\"ned\" attendance=\"0.9\"/>\n",
                            p);
  g_string_append (x, "  <board id=\"board\" name=\"Board\" org=\"trust\">\n");
  for (guint p = 0; p < 400; p++)
    g_string_append_printf (x, "    <member person=\"person-number-%05u\"/>\n",
                            p);
  g_string_append (x, "    <meets first=\"2024-04-25\" every=\"P1M\" "
                      "capacity=\"4\"/>\n  </board>\n");
  for (guint i = 0; i < 40000; i++)
    {
      guint p = i % 10000, k = i / 10000;
      g_string_append_printf (
          x,
          "  <absence person=\"person-number-%05u\" "
          "from=\"2024-05-%02u\" until=\"2024-05-%02u\"/>\n",
          p, 1 + 2 * k, 2 + 2 * k);
    }
  g_string_append (x, footer);
  return x;
}

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* The median of @runs loads of @doc, in seconds; -1 if it does not load. */
static double
median_load (const GString *doc, int runs)
{
  double *secs = g_new (double, runs);
  for (int r = 0; r < runs; r++)
    {
      g_autoptr (GError) error = NULL;
      gint64 t0 = g_get_monotonic_time ();
      GsScenario *s
          = gs_loader_load_bytes (doc->str, doc->len, "bench.xml", &error);
      secs[r] = (double)(g_get_monotonic_time () - t0) / 1e6;
      if (s == NULL)
        {
          g_printerr ("%.1000s\n", error->message);
          g_free (secs);
          return -1;
        }
      gs_scenario_free (s);
    }
  qsort (secs, (size_t)runs, sizeof (double), compare_doubles);
  double median = secs[runs / 2];
  g_free (secs);
  return median;
}

int
main (int argc, char **argv)
{
  gint runs = 5, max_mib = 16;
  gboolean absences_only = FALSE;
  GOptionEntry entries[]
      = { { "runs", 'n', 0, G_OPTION_ARG_INT, &runs, "Loads per size", "N" },
          { "max-mib", 'm', 0, G_OPTION_ARG_INT, &max_mib,
            "Largest size, in MiB (at most 16)", "M" },
          { "absences-only", 'a', 0, G_OPTION_ARG_NONE, &absences_only,
            "Only the 40,000-absence file", NULL },
          G_OPTION_ENTRY_NULL };
  g_autoptr (GOptionContext) ctx = g_option_context_new (NULL);
  g_option_context_add_main_entries (ctx, entries, NULL);
  g_autoptr (GError) error = NULL;
  if (!g_option_context_parse (ctx, &argc, &argv, &error) || runs <= 0
      || max_mib < 1 || max_mib > 16)
    {
      g_printerr ("bench-load: %s\n",
                  error ? error->message
                        : "--runs must be positive, --max-mib 1..16");
      return 2;
    }

  printf ("%10s %12s %10s %8s %10s\n", "size", "bytes", "median s", "MB/s",
          "s per MiB");
  if (absences_only)
    {
      GString *doc = generate_absences ();
      double s = median_load (doc, runs);
      if (s < 0)
        return 3;
      printf ("%10s %12zu %10.3f %8.1f %10.3f\n", "absences", doc->len, s,
              (double)doc->len / 1e6 / s, s / ((double)doc->len / 1048576.0));
      g_string_free (doc, TRUE);
      return 0;
    }
  for (int mib = 1; mib <= max_mib; mib *= 2)
    {
      /* The largest stays under the default cap, as a file must. */
      gsize bytes = MIN ((gsize)mib << 20, GS_LIMIT_FILE_BYTES - 1);
      GString *doc = generate (bytes);
      double s = median_load (doc, runs);
      if (s < 0)
        return 3;
      g_autofree char *label = g_strdup_printf ("%d MiB", mib);
      printf ("%10s %12zu %10.3f %8.1f %10.3f\n", label, doc->len, s,
              (double)doc->len / 1e6 / s, s / ((double)doc->len / 1048576.0));
      fflush (stdout);
      g_string_free (doc, TRUE);
    }
  return 0;
}

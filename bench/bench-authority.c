/* bench-authority.c — how fast gs_authority_resolve answers.
 *
 * Resolves, N times, the authority of an officer who holds a matter
 * through a chain of 3 delegations (board -> committee -> sub-committee ->
 * officer, each allowing the next), at values and days that vary so that
 * nothing is answered from a cache the hardware could keep.  The engine
 * asks this at every approval and the checks at every decision, so this is
 * the price per decision.  Wall-clock time is measured here, never in the
 * library or the tests.
 *
 *   bench-authority [--n N]
 */
#include <govsim/gs-authority.h>
#include <govsim/gs-loader.h>

#include <stdio.h>
#include <string.h>

/* Besides the 3-link chain to 'officer', the scheme has decoys that the
 * search must skip: delegations of another matter and to other bodies. */
static const char scenario[]
    = "<scenario xmlns='urn:govsim:scenario:1' name='bench' "
      "start='2024-01-01' horizon='P1Y'>"
      "<organisation id='oa' name='A' kind='nhs-trust'/>"
      "<matter id='m' name='M'/><matter id='m2' name='M2'/>"
      "<person id='pa' org='oa' role='chair' director='true'/>"
      "<person id='pc' org='oa' role='chief-executive' director='true'/>"
      "<board id='board' name='Board' org='oa'><member person='pa'/>"
      "<meets first='2024-01-10' every='P1M' capacity='5'/></board>"
      "<committee id='fic' name='FIC' org='oa'><member person='pa'/>"
      "<meets first='2024-01-11' every='P1M' capacity='5'/></committee>"
      "<committee id='sub' name='Sub' org='oa'><member person='pc'/>"
      "<meets first='2024-01-12' every='P1M' capacity='5'/></committee>"
      "<officer id='officer' name='Officer' org='oa' person='pc'>"
      "<meets first='2024-01-02' every='P7D' capacity='5'/></officer>"
      "<scheme org='oa'>"
      "<reserved matters='m2'/>"
      "<delegation id='d1' by='board' to='fic' matters='m' limit='5000000' "
      "sub-delegate='true'/>"
      "<delegation id='x1' by='board' to='sub' matters='m2'/>"
      "<delegation id='d2' by='fic' to='sub' matters='m' limit='1000000' "
      "sub-delegate='true' from='2024-01-01' until='2025-01-01'/>"
      "<delegation id='x2' by='fic' to='officer' matters='m2'/>"
      "<delegation id='d3' by='sub' to='officer' matters='m' "
      "limit='250000'/>"
      "</scheme></scenario>";

int
main (int argc, char **argv)
{
  gint n = 10000000;
  GOptionEntry entries[]
      = { { "n", 'n', 0, G_OPTION_ARG_INT, &n, "Resolutions to make", "N" },
          G_OPTION_ENTRY_NULL };
  g_autoptr (GOptionContext) ctx = g_option_context_new (NULL);
  g_option_context_add_main_entries (ctx, entries, NULL);
  g_autoptr (GError) error = NULL;
  if (!g_option_context_parse (ctx, &argc, &argv, &error) || n <= 0)
    {
      g_printerr ("bench-authority: %s\n",
                  error ? error->message : "--n must be positive");
      return 2;
    }
  g_autoptr (GsScenario) s = gs_loader_load_bytes (scenario, strlen (scenario),
                                                   "bench-authority", &error);
  if (s == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  guint officer = (guint)gs_scenario_find_body (s, "officer");
  guint m = (guint)gs_scenario_find_matter (s, "m");
  guint org = 0; /* oa, the only organisation */
  GsTime day0 = gs_scenario_get_start (s);

  /* Every query is within all three limits and dates: HELD, 3 links. */
  guint64 held = 0, links = 0;
  gint64 t0 = g_get_monotonic_time ();
  for (gint i = 0; i < n; i++)
    {
      GsAuthority out;
      gint64 value = (gint64)(i % 250001);
      GsTime when = day0 + (GsTime)(i % 365) * GS_MINUTES_PER_DAY;
      held += gs_authority_resolve (s, officer, org, m, value, when, &out);
      links += out.n_links;
    }
  double secs = (double)(g_get_monotonic_time () - t0) / 1e6;
  printf ("chain of 3 links: %d resolutions in %.3f s = %.1f million/s "
          "(%.0f ns each)\n",
          n, secs, n / secs / 1e6, secs * 1e9 / n);
  if (held != (guint64)n || links != 3 * (guint64)n)
    {
      g_printerr ("bench-authority: expected every query held through 3 "
                  "links, got %" G_GUINT64_FORMAT " held, %" G_GUINT64_FORMAT
                  " links\n",
                  held, links);
      return 3;
    }
  return 0;
}

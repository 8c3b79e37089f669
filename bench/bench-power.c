/* bench-power.c — how fast the exact power indices of a weighted game are,
 * and whether an independent implementation agrees.
 *
 * Draws a weighted game of N players (default 120) with integer weights
 * from 1 to W (default 10) and a simple-majority quota (half the total
 * weight, plus one), times gs_game_power() over several repetitions
 * (Banzhaf, Shapley–Shubik, Coleman, minimal coalitions, all exact by the
 * generating functions), then runs bench/power-reference.py, an
 * independent Python implementation in exact integers, on the same game
 * in the same run, and compares every player's swing count digit for
 * digit and Shapley–Shubik index to 1e-12.  Exit 3 on any disagreement.
 * Wall-clock time is measured here, never in the library or the tests.
 *
 *   bench-power [--players N] [--max-weight W] [--seed S] [--reps R]
 */
#include <govsim/gs-power.h>
#include <govsim/gs-rng.h>

#include <gio/gio.h>
#include <gmp.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

int
main (int argc, char **argv)
{
  gint players = 120, max_weight = 10, reps = 5;
  gint64 seed = 1;
  GOptionEntry entries[]
      = { { "players", 'n', 0, G_OPTION_ARG_INT, &players, "Players", "N" },
          { "max-weight", 'w', 0, G_OPTION_ARG_INT, &max_weight,
            "Largest weight", "W" },
          { "seed", 's', 0, G_OPTION_ARG_INT64, &seed, "Seed of the weights",
            "S" },
          { "reps", 'r', 0, G_OPTION_ARG_INT, &reps, "Timed repetitions", "R" },
          G_OPTION_ENTRY_NULL };
  g_autoptr (GOptionContext) ctx = g_option_context_new (NULL);
  g_option_context_add_main_entries (ctx, entries, NULL);
  g_autoptr (GError) error = NULL;
  if (!g_option_context_parse (ctx, &argc, &argv, &error) || players <= 0
      || players > GS_POWER_PLAYERS_MAX || max_weight <= 0 || reps <= 0)
    {
      g_printerr ("bench-power: %s\n",
                  error ? error->message : "bad arguments");
      return 2;
    }

  GsRng rng;
  gs_rng_init (&rng, (guint64)seed, 0);
  g_autofree guint64 *w = g_new (guint64, players);
  guint64 total = 0;
  for (gint i = 0; i < players; i++)
    total += w[i] = 1 + gs_rng_below (&rng, (guint64)max_weight);
  guint64 quota = total / 2 + 1;
  g_autoptr (GsGame) game = gs_game_new_weighted (quota, w, (guint)players);

  double best = INFINITY, sum = 0;
  GsGamePower *p = NULL;
  for (gint r = 0; r < reps; r++)
    {
      gs_game_power_free (p);
      gint64 t0 = g_get_monotonic_time ();
      p = gs_game_power (game, NULL);
      double dt = (double)(g_get_monotonic_time () - t0) / 1e6;
      best = MIN (best, dt);
      sum += dt;
    }
  printf ("game: %d players, weights 1..%d (total %" G_GUINT64_FORMAT
          "), quota %" G_GUINT64_FORMAT "; method %s\n",
          players, max_weight, total, quota,
          gs_power_method_to_string (p->method));
  printf ("govsim: best %.4f s, mean %.4f s over %d runs\n", best, sum / reps,
          reps);

  /* The independent implementation, on the same game. */
  GString *input = g_string_new (NULL);
  g_string_append_printf (input, "%" G_GUINT64_FORMAT, quota);
  for (gint i = 0; i < players; i++)
    g_string_append_printf (input, " %" G_GUINT64_FORMAT, w[i]);
  g_string_append_c (input, '\n');
  g_autoptr (GSubprocess) proc = g_subprocess_new (
      G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE
          | G_SUBPROCESS_FLAGS_STDERR_PIPE,
      &error, "python3", GS_BENCH_DIR "/power-reference.py", NULL);
  g_autofree char *out = NULL, *err = NULL;
  gint64 t0 = g_get_monotonic_time ();
  if (proc == NULL
      || !g_subprocess_communicate_utf8 (proc, input->str, NULL, &out, &err,
                                         &error)
      || !g_subprocess_get_successful (proc))
    {
      g_printerr ("bench-power: the Python reference failed: %s\n",
                  error ? error->message : (err ? err : "?"));
      g_string_free (input, TRUE);
      gs_game_power_free (p);
      return 3;
    }
  double wall = (double)(g_get_monotonic_time () - t0) / 1e6;
  g_string_free (input, TRUE);
  printf ("python reference: %.4f s computing (%.4f s with start-up)\n",
          g_ascii_strtod (err, NULL), wall);

  g_auto (GStrv) lines = g_strsplit (out, "\n", -1);
  mpz_t num, fact;
  mpz_inits (num, fact, NULL);
  mpz_fac_ui (fact, (unsigned long)players);
  int bad = 0;
  for (gint i = 0; i < players; i++)
    {
      char swings[4096], ssnum[4096];
      if (lines[i] == NULL
          || sscanf (lines[i], "%4095s %4095s", swings, ssnum) != 2)
        {
          bad++;
          break;
        }
      if (strcmp (swings, p->players[i].swings) != 0)
        bad++;
      mpz_set_str (num, ssnum, 10);
      mpq_t q;
      mpq_init (q);
      mpq_set_num (q, num);
      mpq_set_den (q, fact);
      mpq_canonicalize (q);
      if (fabs (mpq_get_d (q) - p->players[i].shapley) > 1e-12)
        bad++;
      mpq_clear (q);
    }
  mpz_clears (num, fact, NULL);
  printf ("agreement: %s (%d players: swing counts digit for digit, "
          "Shapley-Shubik to 1e-12); largest swing count has %zu digits\n",
          bad == 0 ? "yes" : "NO", players, strlen (p->players[0].swings));
  gs_game_power_free (p);
  return bad == 0 ? 0 : 3;
}

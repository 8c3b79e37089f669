/* test-power.c — voting power: a-priori indices, quorum criticality and
 * decisiveness.
 *
 * Where each expected number comes from is said beside it: a published
 * textbook value (checked by hand here), a closed form, a brute-force
 * enumeration written in this file independently of the library's, or a
 * simulation through the library's own rule functions (gs_quorum_check,
 * gs_vote_decide), never the code under test.
 */
#include "gs-test-scenario.h"

#include "model/gs-scenario-private.h"

#include <govsim/gs-power-report.h>
#include <govsim/gs-power.h>
#include <govsim/gs-rng.h>

#include <gmp.h>
#include <json-glib/json-glib.h>
#include <math.h>

static GsGamePower *
weighted_power (guint64 quota, const guint64 *w, guint n)
{
  g_autoptr (GsGame) g = gs_game_new_weighted (quota, w, n);
  return gs_game_power (g, NULL);
}

/* UN Security Council since 1965, [39; 7,7,7,7,7,1 ×10]: a motion needs
 * the five permanent members and four of the ten elected ones.  Shapley
 * and Shubik's index (Shapley & Shubik 1954; the 15-member figures as in
 * Straffin, "Power and Stability in Politics", 1994: 0.1963 and 0.0019).
 * By hand: an elected member is pivotal when it arrives ninth with the
 * five permanent and three of the other nine elected before it, so its
 * index is C(9,3) × 8! × 6! / 15! = 84 × 40320 × 720 / 15! = 0.0018648,
 * and a permanent member's is (1 − 10 × 0.0018648) / 5 = 0.1962704.
 * Banzhaf swings by hand: elected, C(9,3) = 84; permanent, the coalitions
 * with the other four permanent and at least four of the ten elected,
 * 2^10 − (1 + 10 + 45 + 120) = 848. */
static void
test_power_unsc (void)
{
  guint64 w[15];
  for (guint i = 0; i < 15; i++)
    w[i] = i < 5 ? 7 : 1;
  g_autoptr (GsGamePower) p = weighted_power (39, w, 15);
  CU_ASSERT_EQUAL (p->method, GS_POWER_EXACT_DP);
  for (guint i = 0; i < 15; i++)
    {
      if (i < 5)
        {
          GS_ASSERT_NEAR (p->players[i].shapley, 0.1963, 0.00005);
          GS_ASSERT_NEAR (p->players[i].shapley, 0.1962704, 1e-7);
          CU_ASSERT_STRING_EQUAL (p->players[i].swings, "848");
          CU_ASSERT_TRUE (p->players[i].veto);
        }
      else
        {
          GS_ASSERT_NEAR (p->players[i].shapley, 0.0019, 0.00005);
          GS_ASSERT_NEAR (p->players[i].shapley, 0.0018648, 1e-7);
          CU_ASSERT_STRING_EQUAL (p->players[i].swings, "84");
          CU_ASSERT_FALSE (p->players[i].veto);
        }
    }
  /* A permanent member alone blocks. */
  CU_ASSERT_EQUAL (p->smallest_blocking, 1);
}

/* The Council of Ministers of the EEC in 1958, [12; 4,4,4,2,2,1]: every
 * weight but Luxembourg's is even and so is the quota, so Luxembourg's
 * vote can never turn a losing total (at most 10 among the others' even
 * sums below 12) into 12: a dummy.  Published values (Felsenthal and
 * Machover, "The Measurement of Voting Power", 1998): Shapley–Shubik
 * 7/30, 7/30, 7/30, 3/20, 3/20, 0; Banzhaf 5/21, 5/21, 5/21, 3/21, 3/21, 0
 * (swings 10, 10, 10, 6, 6, 0, counted by hand). */
static void
test_power_eec_luxembourg_dummy (void)
{
  guint64 w[] = { 4, 4, 4, 2, 2, 1 };
  g_autoptr (GsGamePower) p = weighted_power (12, w, 6);
  const double ss[] = { 7.0 / 30, 7.0 / 30, 7.0 / 30, 0.15, 0.15, 0 };
  const double bz[] = { 5.0 / 21, 5.0 / 21, 5.0 / 21, 3.0 / 21, 3.0 / 21, 0 };
  const char *swings[] = { "10", "10", "10", "6", "6", "0" };
  for (guint i = 0; i < 6; i++)
    {
      GS_ASSERT_NEAR (p->players[i].shapley, ss[i], 1e-12);
      GS_ASSERT_NEAR (p->players[i].banzhaf, bz[i], 1e-12);
      CU_ASSERT_STRING_EQUAL (p->players[i].swings, swings[i]);
      CU_ASSERT_EQUAL (p->players[i].dummy, i == 5);
    }
}

/* Symmetric majority games: by symmetry every player has 1/n of either
 * index, for odd and even n. */
static void
test_power_symmetric_majority (void)
{
  for (guint n = 1; n <= 12; n++)
    {
      guint64 w[12];
      for (guint i = 0; i < n; i++)
        w[i] = 1;
      g_autoptr (GsGamePower) p = weighted_power (n / 2 + 1, w, n);
      for (guint i = 0; i < n; i++)
        {
          GS_ASSERT_NEAR (p->players[i].banzhaf, 1.0 / n, 1e-12);
          GS_ASSERT_NEAR (p->players[i].shapley, 1.0 / n, 1e-12);
        }
    }
}

/* Unanimity [n; 1 × n]: one winning coalition, everybody in it and
 * decisive in it; n minimal blocking coalitions (each single player). */
static void
test_power_unanimity_all_veto (void)
{
  guint64 w[9] = { 1, 1, 1, 1, 1, 1, 1, 1, 1 };
  g_autoptr (GsGamePower) p = weighted_power (9, w, 9);
  for (guint i = 0; i < 9; i++)
    {
      CU_ASSERT_TRUE (p->players[i].veto);
      CU_ASSERT_STRING_EQUAL (p->players[i].swings, "1");
      GS_ASSERT_NEAR (p->players[i].shapley, 1.0 / 9, 1e-12);
    }
  CU_ASSERT_STRING_EQUAL (p->n_winning, "1");
  CU_ASSERT_STRING_EQUAL (p->n_minimal_winning, "1");
  CU_ASSERT_STRING_EQUAL (p->n_minimal_blocking, "9");
  CU_ASSERT_EQUAL (p->smallest_blocking, 1);
}

/* ---- brute force, independent of the library ------------------------- */

typedef struct
{
  guint64 swings[20];
  double shapley[20];
  guint64 winning, minimal_winning, minimal_blocking;
  guint smallest_blocking;
} Brute;

/* Every coalition of a game given by @wins (a table of 2^n flags). */
static void
brute_from_table (const guint8 *wins, guint n, Brute *b)
{
  memset (b, 0, sizeof *b);
  guint64 size = (guint64)1 << n, all = size - 1;
  b->smallest_blocking = n + 1;
  /* k! (n−1−k)! / n! = 1 / (n × C(n−1, k)) */
  double factor[20];
  for (guint k = 0; k < n; k++)
    {
      double c = 1;
      for (guint j = 0; j < k; j++)
        c = c * (n - 1 - j) / (j + 1);
      factor[k] = 1.0 / (n * c);
    }
  for (guint64 s = 0; s < size; s++)
    {
      guint k = (guint)__builtin_popcountll (s);
      if (wins[s])
        {
          b->winning++;
          gboolean minimal = TRUE;
          for (guint i = 0; i < n; i++)
            if ((s >> i & 1) && wins[s & ~((guint64)1 << i)])
              minimal = FALSE;
          b->minimal_winning += minimal;
        }
      for (guint i = 0; i < n; i++)
        if (!(s >> i & 1) && !wins[s] && wins[s | (guint64)1 << i])
          {
            b->swings[i]++;
            b->shapley[i] += factor[k];
          }
      /* s blocks when its complement loses. */
      if (!wins[all & ~s])
        {
          if (k < b->smallest_blocking)
            b->smallest_blocking = k;
          gboolean minimal = TRUE;
          for (guint i = 0; i < n; i++)
            if ((s >> i & 1) && !wins[all & ~(s & ~((guint64)1 << i))])
              minimal = FALSE;
          b->minimal_blocking += minimal;
        }
    }
}

static void
check_against_brute (const GsGamePower *p, const Brute *b, guint n)
{
  char buf[32];
  for (guint i = 0; i < n; i++)
    {
      g_snprintf (buf, sizeof buf, "%" G_GUINT64_FORMAT, b->swings[i]);
      CU_ASSERT_STRING_EQUAL (p->players[i].swings, buf);
      GS_ASSERT_NEAR (p->players[i].shapley, b->shapley[i], 1e-9);
    }
  g_snprintf (buf, sizeof buf, "%" G_GUINT64_FORMAT, b->winning);
  CU_ASSERT_STRING_EQUAL (p->n_winning, buf);
  g_snprintf (buf, sizeof buf, "%" G_GUINT64_FORMAT, b->minimal_winning);
  CU_ASSERT_STRING_EQUAL (p->n_minimal_winning, buf);
  g_snprintf (buf, sizeof buf, "%" G_GUINT64_FORMAT, b->minimal_blocking);
  CU_ASSERT_STRING_EQUAL (p->n_minimal_blocking, buf);
  CU_ASSERT_EQUAL (p->smallest_blocking, b->smallest_blocking);
}

/* Random weighted games of 1 to 20 players, weights 1..12 and any quota
 * from 1 to the total: the generating functions, and the library's own
 * enumeration, against the brute force above. */
static void
test_power_weighted_vs_brute_force (void)
{
  GsRng rng;
  gs_rng_init (&rng, 2024, 15);
  guint8 *wins = g_malloc ((gsize)1 << 20);
  for (guint trial = 0; trial < 60; trial++)
    {
      guint n = 1 + (guint)gs_rng_below (&rng, trial < 50 ? 14 : 20);
      guint64 w[20], total = 0;
      for (guint i = 0; i < n; i++)
        total += w[i] = 1 + gs_rng_below (&rng, 12);
      guint64 quota = 1 + gs_rng_below (&rng, total);
      for (guint64 s = 0; s < (guint64)1 << n; s++)
        {
          guint64 t = 0;
          for (guint i = 0; i < n; i++)
            t += (s >> i & 1) ? w[i] : 0;
          wins[s] = t >= quota;
        }
      Brute b;
      brute_from_table (wins, n, &b);
      g_autoptr (GsGame) g = gs_game_new_weighted (quota, w, n);
      g_autoptr (GsGamePower) dp = gs_game_power (g, NULL);
      CU_ASSERT_EQUAL (dp->method, GS_POWER_EXACT_DP);
      check_against_brute (dp, &b, n);
      if (n <= 14)
        {
          GsPowerOptions opt = { .no_dp = TRUE };
          g_autoptr (GsGamePower) en = gs_game_power (g, &opt);
          CU_ASSERT_EQUAL (en->method, GS_POWER_EXACT_ENUMERATION);
          check_against_brute (en, &b, n);
        }
    }
  g_free (wins);
}

/* A compound game (committees in common: [2; 1,1] over two weighted
 * committees) by enumeration, against the brute force over
 * gs_game_wins(); and sampled, within four standard errors of exact. */
static void
test_power_compound_and_sampled (void)
{
  guint64 wa[] = { 2, 1, 1 }, wb[] = { 1, 1, 1, 1 }, top[] = { 1, 1 };
  g_autoptr (GsGame) a = gs_game_new_weighted (3, wa, 3);
  g_autoptr (GsGame) b = gs_game_new_weighted (3, wb, 4);
  const GsGame *parts[] = { a, b };
  g_autoptr (GsGame) g = gs_game_new_compound (parts, 2, 2, top);
  guint n = gs_game_n_players (g);
  CU_ASSERT_EQUAL (n, 7);
  guint8 wins[128];
  gboolean in[7];
  for (guint s = 0; s < 128; s++)
    {
      for (guint i = 0; i < n; i++)
        in[i] = s >> i & 1;
      wins[s] = gs_game_wins (g, in);
    }
  Brute br;
  brute_from_table (wins, n, &br);
  g_autoptr (GsGamePower) ex = gs_game_power (g, NULL);
  CU_ASSERT_EQUAL (ex->method, GS_POWER_EXACT_ENUMERATION);
  check_against_brute (ex, &br, n);

  GsPowerOptions opt = { .force_sampling = TRUE, .samples = 40000, .seed = 7 };
  g_autoptr (GsGamePower) mc = gs_game_power (g, &opt);
  CU_ASSERT_EQUAL (mc->method, GS_POWER_SAMPLED);
  CU_ASSERT_PTR_NULL (mc->players[0].swings);
  for (guint i = 0; i < n; i++)
    {
      const GsPlayerPower *x = &ex->players[i], *y = &mc->players[i];
      CU_ASSERT (y->shapley_se > 0);
      CU_ASSERT (fabs (y->shapley - x->shapley) < 4 * y->shapley_se + 1e-9);
      CU_ASSERT (fabs (y->banzhaf_raw - x->banzhaf_raw)
                 < 4 * y->banzhaf_raw_se + 1e-9);
    }
  CU_ASSERT_EQUAL (mc->smallest_blocking, br.smallest_blocking);
}

/* 200 players of weight 1, quota 101: a player swings in the coalitions
 * of exactly 100 of the other 199, C(199, 100) ≈ 4.5 × 10^58, far past 64
 * bits (the closed form, computed here with GMP's binomial); by symmetry
 * each index is 1/200; the coalitions of 101 or more win, half of those
 * that are not of exactly 100: (2^200 − C(200, 100)) / 2. */
static void
test_power_exact_beyond_64_bits (void)
{
  guint64 w[200];
  for (guint i = 0; i < 200; i++)
    w[i] = 1;
  g_autoptr (GsGamePower) p = weighted_power (101, w, 200);
  CU_ASSERT_EQUAL (p->method, GS_POWER_EXACT_DP);
  mpz_t c;
  mpz_init (c);
  mpz_bin_uiui (c, 199, 100);
  char *want = mpz_get_str (NULL, 10, c);
  CU_ASSERT (strlen (want) > 20);
  for (guint i = 0; i < 200; i++)
    {
      CU_ASSERT_STRING_EQUAL (p->players[i].swings, want);
      GS_ASSERT_NEAR (p->players[i].shapley, 1.0 / 200, 1e-12);
      GS_ASSERT_NEAR (p->players[i].banzhaf, 1.0 / 200, 1e-12);
    }
  mpz_t all;
  mpz_init (all);
  mpz_ui_pow_ui (all, 2, 200);
  mpz_bin_uiui (c, 200, 100);
  mpz_sub (c, all, c);
  mpz_tdiv_q_2exp (c, c, 1);
  mpz_clear (all);
  char *half = mpz_get_str (NULL, 10, c);
  CU_ASSERT_STRING_EQUAL (p->n_winning, half);
  /* Minimal winning: exactly 101 players, C(200, 101). */
  mpz_bin_uiui (c, 200, 101);
  char *mwc = mpz_get_str (NULL, 10, c);
  CU_ASSERT_STRING_EQUAL (p->n_minimal_winning, mwc);
  void (*gmp_free) (void *, size_t);
  mp_get_memory_functions (NULL, NULL, &gmp_free);
  gmp_free (want, strlen (want) + 1);
  gmp_free (half, strlen (half) + 1);
  gmp_free (mwc, strlen (mwc) + 1);
  mpz_clear (c);
}

/* ---- the scenario's people -------------------------------------------- */

/* A joint committee of two parties: a deputy (d1) who stands in for two
 * members of different parties, so the exact programme must enumerate
 * her; a NED rule, an each-party rule and a head-count. */
static const char people_xml[]
    = "<scenario xmlns='urn:govsim:scenario:1' name='t' start='2024-01-01' "
      "horizon='P1Y'>"
      "<organisation id='oa' name='A' kind='nhs-trust'/>"
      "<organisation id='ob' name='B' kind='nhs-trust'/>"
      "<person id='a1' org='oa' role='chair' director='true' "
      "attendance='0.8'/>"
      "<person id='a2' org='oa' role='ned' director='true' "
      "attendance='0.7'/>"
      "<person id='b1' org='ob' role='chief-executive' director='true' "
      "attendance='0.6'/>"
      "<person id='b2' org='ob' role='ned' director='true' "
      "attendance='0.9'/>"
      "<person id='b3' org='ob' role='executive' director='true' "
      "attendance='0.75'/>"
      "<person id='d1' org='oa' role='executive' director='true' "
      "attendance='0.5'/>"
      "<person id='d2' org='ob' role='ned' director='true' "
      "attendance='0.4'/>"
      "<matter id='m' name='M'/>"
      "<joint-committee id='jc' name='JC' parties='oa ob'>"
      "<member person='a1' deputy='d1'/><member person='a2'/>"
      "<member person='b1' deputy='d1'/><member person='b2' deputy='d2'/>"
      "<member person='b3'/>"
      "<quorum present='3'><role name='ned' min='1'/><each-party min='1'/>"
      "</quorum>"
      "<voting rule='simple-majority' casting='chair'/>"
      "<meets first='2024-01-10' every='P1M' capacity='4'/>"
      "</joint-committee>"
      "<stance support='0.6' abstain='0.1'/>"
      "<stance org='ob' support='0.7' if-affected='0.3'/>"
      "<proposal id='p' title='P' matter='m' value='1' lead='ob' "
      "arrives='2024-01-02' body='jc'/>"
      "</scenario>";

/* Fills the seats of @b for attendance @here (by person) and ballots
 * @ballot (by person), as the engine's meeting does. */
static void
fill (const GsScenario *s, const GsBody *b, const gboolean *here,
      const GsBallot *ballot, GsSeat *seats)
{
  for (guint i = 0; i < b->n_members; i++)
    {
      const GsMember *m = &b->members[i];
      GsSeat seat = { .person = m->person,
                      .weight = m->weight,
                      .chair = (int)i == b->chair,
                      .present = here[m->person] };
      if (!seat.present && m->deputy >= 0 && here[m->deputy])
        {
          seat.person = (guint)m->deputy;
          seat.present = TRUE;
          seat.deputy = TRUE;
        }
      seat.role = GS_PERSON (s, seat.person)->role;
      seat.party = GS_PERSON (s, seat.person)->org;
      seat.ballot
          = seat.present && ballot ? ballot[seat.person] : GS_BALLOT_NONE;
      seats[i] = seat;
    }
}

/* Quorum criticality of every member against a simulation of 200,000
 * meetings through gs_quorum_check(), each person drawn once per meeting
 * (so d1 is in both of her seats or neither); the member in question is
 * set absent, then present, on the same draws of the others.  Agreement
 * within four standard errors of the estimate. */
static void
test_power_quorum_criticality_vs_simulation (void)
{
  g_autoptr (GsScenario) s = gs_test_load_inline (people_xml);
  int bi = gs_scenario_find_body (s, "jc");
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPowerReport) r = gs_power_analyse (s, bi, NULL, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (r);
  const GsBodyPower *bp = &r->bodies[0];
  CU_ASSERT_TRUE_FATAL (bp->quorum_computed);
  const GsBody *b = GS_BODY (s, bi);
  guint np = gs_scenario_n_people (s);
  GsRng rng;
  gs_rng_init (&rng, 99, 1);
  const guint trials = 200000;
  guint64 inq_absent[8] = { 0 }, inq_present[8] = { 0 }, inq = 0;
  gboolean here[8];
  GsSeat seats[8];
  for (guint t = 0; t < trials; t++)
    {
      for (guint p = 0; p < np; p++)
        here[p] = gs_rng_bernoulli (&rng, GS_PERSON (s, p)->attendance);
      fill (s, b, here, NULL, seats);
      inq += !gs_quorum_check (&b->quorum, seats, b->n_members, b->parties,
                               b->n_parties, NULL);
      for (guint i = 0; i < b->n_members; i++)
        {
          guint p = b->members[i].person;
          gboolean keep = here[p];
          here[p] = FALSE;
          fill (s, b, here, NULL, seats);
          inq_absent[i] += !gs_quorum_check (&b->quorum, seats, b->n_members,
                                             b->parties, b->n_parties, NULL);
          here[p] = TRUE;
          fill (s, b, here, NULL, seats);
          inq_present[i] += !gs_quorum_check (&b->quorum, seats, b->n_members,
                                              b->parties, b->n_parties, NULL);
          here[p] = keep;
        }
    }
  double pe = (double)inq / trials;
  CU_ASSERT (fabs (bp->inquorate - pe)
             < 4 * sqrt (pe * (1 - pe) / trials) + 1e-4);
  CU_ASSERT_EQUAL_FATAL (bp->n_quorum, b->n_members);
  for (guint i = 0; i < b->n_members; i++)
    {
      double a = (double)inq_absent[i] / trials;
      double p = (double)inq_present[i] / trials;
      const GsQuorumCriticality *q = &bp->quorum[i];
      CU_ASSERT (fabs (q->inquorate_absent - a)
                 < 4 * sqrt (a * (1 - a) / trials) + 1e-4);
      CU_ASSERT (fabs (q->inquorate_present - p)
                 < 4 * sqrt (p * (1 - p) / trials) + 1e-4);
    }
}

/* Decisiveness of every member on the one proposal (affecting party B,
 * whose members support it with 0.3) against a simulation through
 * gs_vote_decide(): the member attends, the others attend and vote (a
 * person once, in every seat they fill), and the outcome with the
 * member's vote for is compared with it against on the same draws. */
static void
test_power_decisiveness_vs_simulation (void)
{
  g_autoptr (GsScenario) s = gs_test_load_inline (people_xml);
  int bi = gs_scenario_find_body (s, "jc");
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPowerReport) r = gs_power_analyse (s, bi, NULL, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (r);
  const GsBodyPower *bp = &r->bodies[0];
  const GsBody *b = GS_BODY (s, bi);
  CU_ASSERT_TRUE (bp->decisive_from_traffic);
  CU_ASSERT_EQUAL_FATAL (bp->n_matters, 1);
  guint np = gs_scenario_n_people (s);
  int ob = GS_PERSON (s, gs_scenario_find_person (s, "b1"))->org;
  GsRng rng;
  gs_rng_init (&rng, 5, 2);
  const guint trials = 200000;
  guint64 decisive[8] = { 0 };
  gboolean here[8];
  GsBallot ballot[8];
  GsSeat seats[8];
  for (guint t = 0; t < trials; t++)
    {
      for (guint p = 0; p < np; p++)
        {
          GsStance st;
          gs__scenario_stance (s, p, 0, &st);
          double sup
              = GS_PERSON (s, p)->org == ob ? st.if_affected : st.support;
          here[p] = gs_rng_bernoulli (&rng, GS_PERSON (s, p)->attendance);
          ballot[p] = gs_rng_bernoulli (&rng, st.abstain) ? GS_BALLOT_ABSTAIN
                      : gs_rng_bernoulli (&rng, sup)      ? GS_BALLOT_FOR
                                                          : GS_BALLOT_AGAINST;
        }
      for (guint i = 0; i < b->n_members; i++)
        {
          guint p = b->members[i].person;
          gboolean keep_here = here[p];
          GsBallot keep_ballot = ballot[p];
          here[p] = TRUE;
          gboolean carried[2];
          for (guint v = 0; v < 2; v++)
            {
              ballot[p] = v ? GS_BALLOT_FOR : GS_BALLOT_AGAINST;
              fill (s, b, here, ballot, seats);
              gboolean quorate
                  = gs_quorum_check (&b->quorum, seats, b->n_members,
                                     b->parties, b->n_parties, NULL);
              carried[v]
                  = quorate
                    && gs_vote_decide (&b->voting, seats, b->n_members, NULL)
                           == GS_OUTCOME_CARRIED;
            }
          decisive[i] += carried[1] != carried[0];
          here[p] = keep_here;
          ballot[p] = keep_ballot;
        }
    }
  for (guint i = 0; i < b->n_members; i++)
    {
      double e = (double)decisive[i] / trials;
      double got = bp->decisive[i].decisive;
      CU_ASSERT (fabs (got - e) < 4 * sqrt (e * (1 - e) / trials) + 1e-4);
      CU_ASSERT (got > 0);
    }
}

/* The JC of the shipped scenarios under consensus: each trust can block
 * alone; under a majority with a casting vote none can (two of the four
 * must), and the headline says so.  Each trust has two of the eight
 * members, so per organisation the indices sum to 1/4 under consensus. */
static void
test_power_scenario_headline (void)
{
  const char *files[] = { GS_SCENARIO_DIR "/acute-alliance-jc-consensus.xml",
                          GS_SCENARIO_DIR "/acute-alliance-jc-majority.xml" };
  for (guint f = 0; f < 2; f++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GsScenario) s = gs_loader_load_file (files[f], 0, &error);
      CU_ASSERT_PTR_NOT_NULL_FATAL (s);
      g_autoptr (GsPowerReport) r = gs_power_analyse (s, -1, NULL, &error);
      CU_ASSERT_PTR_NOT_NULL_FATAL (r);
      CU_ASSERT_EQUAL_FATAL (r->n_bodies, 1);
      const GsPowerGame *g = &r->bodies[0].games[0];
      CU_ASSERT_EQUAL (g->n_orgs, 4);
      for (guint k = 0; k < g->n_orgs; k++)
        {
          CU_ASSERT_EQUAL (g->orgs[k].can_block, f == 0);
          if (f == 0)
            {
              GS_ASSERT_NEAR (g->orgs[k].shapley, 0.25, 1e-12);
            }
        }
      CU_ASSERT_EQUAL (g->fewest_orgs_blocking, f == 0 ? 1 : 2);
      g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
      gs_power_headline (s, &r->bodies[0], lines);
      CU_ASSERT_TRUE_FATAL (lines->len > 0);
      const char *first = g_ptr_array_index (lines, 0);
      const char *want = f == 0 ? "Any one of the four organisations"
                                : "no single organisation can block";
      CU_ASSERT_PTR_NOT_NULL (strstr (first, want));

      /* The JSON parses and says what it is. */
      g_autoptr (GString) json = g_string_new (NULL);
      gs_power_write_json (s, r, json);
      g_autoptr (JsonParser) parser = json_parser_new ();
      CU_ASSERT_TRUE_FATAL (
          json_parser_load_from_data (parser, json->str, -1, &error));
      JsonObject *root = json_node_get_object (json_parser_get_root (parser));
      CU_ASSERT_STRING_EQUAL (json_object_get_string_member (root, "kind"),
                              "power");
      JsonArray *bodies = json_object_get_array_member (root, "bodies");
      CU_ASSERT_EQUAL (json_array_get_length (bodies), 1);
    }
}

/* An officer has no vote: bad input, said in the error. */
static void
test_power_officer_refused (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GsScenario) s = gs_loader_load_file (
      GS_SCENARIO_DIR "/demo-single-trust.xml", 0, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (s);
  for (guint bi = 0; bi < gs_scenario_n_bodies (s); bi++)
    if (GS_BODY (s, bi)->kind == GS_BODY_OFFICER)
      {
        GsPowerReport *r = gs_power_analyse (s, (int)bi, NULL, &error);
        CU_ASSERT_PTR_NULL (r);
        CU_ASSERT_TRUE (
            g_error_matches (error, GS_POWER_ERROR, GS_POWER_ERROR_NOT_A_VOTE));
        g_clear_error (&error);
      }
}

/* One vote per organisation: a joint committee of three trusts, A, B and
 * C, each with one vote under an absolute majority (two of the three), so
 * the parties are the players of [2; 1, 1, 1].  By hand: each trust swings
 * in the two coalitions of it and one other (and no more: with all three,
 * none is decisive), so Banzhaf is 2 / 6 = 1/3 each; each is pivotal when
 * it arrives second, in 2 of the 6 orders, so Shapley–Shubik is 1/3 each.
 *
 * Over the people: a1 is A's chief executive with a post at B, so A votes
 * as the majority of {a1, a2}, B of {a1, b1}, C is c1 alone; an equality
 * inside a party (one for, one against) is an abstention, as
 * gs_vote_org_seats() makes it in a meeting, and an abstaining party is
 * not one of the two "for" the rule needs.  By hand, over the 16
 * coalitions of those voting for:
 *   - without a1, A and B are at best equal (abstain) and only C can be
 *     for: every coalition without a1 loses, so a1 is a veto player;
 *   - with a1, A is for exactly when a2 is, B when b1 is, C when c1 is:
 *     the coalition wins when at least two of a2, b1, c1 are in — {a1, a2,
 *     b1}, {a1, a2, c1}, {a1, b1, c1}, {a1, a2, b1, c1}: 4 winning.
 *   Swings: a1 in all 4 (each loses without her); a2 in {a1, a2, b1} and
 *   {a1, a2, c1} (2; in the four, two others remain), b1 and c1 likewise
 *   2.  Total 10: Banzhaf a1 4/10, the others 2/10; raw a1 4/8, the
 *   others 2/8.  Shapley–Shubik: a1 is pivotal when she arrives after two
 *   of the other three, third or fourth, in 12 of the 24 orders: 1/2; the
 *   others (1 − 1/2) / 3 = 1/6 each.  Minimal winning: the three of a1 and
 *   two others; minimal blocking: {a1}, {a2, b1}, {a2, c1}, {b1, c1}: 4;
 *   the smallest is {a1}.  The 1/m shares this replaces said a1 1/6 + 1/6
 *   = 1/3 and c1 1/3: the shared member's veto was lost. */
static const char per_org_xml[]
    = "<scenario xmlns='urn:govsim:scenario:1' name='t' start='2024-01-01' "
      "horizon='P1Y'>"
      "<organisation id='oa' name='A' kind='nhs-trust'/>"
      "<organisation id='ob' name='B' kind='nhs-trust'/>"
      "<organisation id='oc' name='C' kind='nhs-trust'/>"
      "<organisation id='icb' name='ICB' kind='icb'/>"
      "<person id='a1' org='oa' role='chief-executive' director='true'>"
      "<post org='ob' director='true'/></person>"
      "<person id='a2' org='oa' role='chair' director='true'/>"
      "<person id='b1' org='ob' role='chair' director='true'/>"
      "<person id='c1' org='oc' role='chair' director='true'/>"
      "<person id='x' org='icb' role='chief-executive' director='true'/>"
      "<matter id='m' name='M'/>"
      "<joint-committee id='jc' name='JC' parties='oa ob oc'>"
      "<member person='a1'/><member person='a2'/><member person='b1'/>"
      "<member person='c1'/><observer person='x'/>"
      "<quorum present='3'/>"
      "<voting rule='absolute-majority' per='organisation'/>"
      "<meets first='2024-01-10' every='P1M' capacity='4'/>"
      "</joint-committee>"
      "</scenario>";

static void
test_power_per_organisation (void)
{
  g_autoptr (GsScenario) s = gs_test_load_inline (per_org_xml);
  int bi = gs_scenario_find_body (s, "jc");
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPowerReport) r = gs_power_analyse (s, bi, NULL, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (r);
  const GsBodyPower *bp = &r->bodies[0];
  CU_ASSERT_EQUAL_FATAL (bp->n_games, 2);
  CU_ASSERT_FALSE (bp->people_skipped);
  const GsPowerGame *pg = &bp->games[0];
  CU_ASSERT_EQUAL (pg->kind, GS_POWER_GAME_ORGANISATIONS);
  CU_ASSERT_EQUAL_FATAL (pg->n_players, 3);
  CU_ASSERT_EQUAL (pg->quota, 2);
  for (guint p = 0; p < 3; p++)
    {
      CU_ASSERT_EQUAL (pg->players[p].person, -1);
      CU_ASSERT_EQUAL (pg->players[p].org, GS_BODY (s, bi)->parties[p]);
      CU_ASSERT_DOUBLE_EQUAL (pg->power->players[p].banzhaf, 1.0 / 3, 1e-12);
      CU_ASSERT_DOUBLE_EQUAL (pg->power->players[p].shapley, 1.0 / 3, 1e-12);
      CU_ASSERT_STRING_EQUAL (pg->power->players[p].swings, "2");
      CU_ASSERT_FALSE (pg->power->players[p].veto);
    }

  /* Over the people, in member order: a1, a2, b1, c1. */
  const GsPowerGame *mg = &bp->games[1];
  CU_ASSERT_EQUAL (mg->kind, GS_POWER_GAME_PARTY_MEMBERS);
  CU_ASSERT_EQUAL_FATAL (mg->n_players, 4);
  const GsGamePower *p = mg->power;
  CU_ASSERT_EQUAL (p->method, GS_POWER_EXACT_ENUMERATION);
  static const char *const swings[] = { "4", "2", "2", "2" };
  static const double banzhaf[] = { 0.4, 0.2, 0.2, 0.2 };
  static const double shapley[] = { 0.5, 1.0 / 6, 1.0 / 6, 1.0 / 6 };
  static const guint64 parties[] = { 3, 1, 2, 4 }; /* A+B, A, B, C */
  for (guint i = 0; i < 4; i++)
    {
      CU_ASSERT_EQUAL (mg->players[i].person,
                       (int)GS_BODY (s, bi)->members[i].person);
      CU_ASSERT_EQUAL (mg->players[i].parties, parties[i]);
      CU_ASSERT_STRING_EQUAL (p->players[i].swings, swings[i]);
      CU_ASSERT_DOUBLE_EQUAL (p->players[i].banzhaf, banzhaf[i], 1e-12);
      CU_ASSERT_DOUBLE_EQUAL (p->players[i].banzhaf_raw, i == 0 ? 0.5 : 0.25,
                              1e-12);
      CU_ASSERT_DOUBLE_EQUAL (p->players[i].shapley, shapley[i], 1e-12);
      CU_ASSERT_EQUAL (p->players[i].veto, i == 0);
      CU_ASSERT_FALSE (p->players[i].dummy);
    }
  CU_ASSERT_STRING_EQUAL (p->n_winning, "4");
  CU_ASSERT_STRING_EQUAL (p->n_minimal_winning, "3");
  CU_ASSERT_STRING_EQUAL (p->n_minimal_blocking, "4");
  CU_ASSERT_EQUAL_FATAL (p->smallest_blocking, 1);
  CU_ASSERT_EQUAL (p->blocking_example[0], 0);
  /* a1 votes in A and B: the smallest blocking coalition names both. */
  CU_ASSERT_EQUAL_FATAL (mg->n_blocking_orgs, 2);
  /* Head-count decisiveness does not apply to one vote per organisation. */
  CU_ASSERT_EQUAL (bp->n_matters, 0);

  /* The text names both games, the shared member's power and the
   * observer's zero. */
  g_autoptr (GString) text = g_string_new (NULL);
  gs_power_write_text (s, r, text);
  CU_ASSERT_PTR_NOT_NULL (strstr (text->str, "(one vote per organisation)"));
  CU_ASSERT_PTR_NOT_NULL (
      strstr (text->str, "the organisations as players, one vote each"));
  CU_ASSERT_PTR_NOT_NULL (
      strstr (text->str, "the members as players, each organisation voting "
                         "as the majority of its members"));
  CU_ASSERT_PTR_NOT_NULL (
      strstr (text->str, "Over the people: a1, voting in A + B, swings in 4 "
                         "coalitions (Banzhaf 0.4000, Shapley–Shubik "
                         "0.5000); a member voting in one organisation "
                         "alone swings in at most 2 (Banzhaf 0.2000"));
  CU_ASSERT_PTR_NOT_NULL (strstr (text->str, "a1 is a veto player in JC."));
  CU_ASSERT_PTR_NOT_NULL (strstr (text->str, "x (x): Banzhaf 0, Shapley 0."));
  CU_ASSERT_PTR_NULL (strstr (text->str, "Members' shares"));
}

/* The game over the people against the engine's own rule functions, under
 * every voting rule: A votes as {s, a}, B as {s, b}, C as {c1, c2}, D has
 * no member on the body (absent).  Each of the 32 coalitions of those
 * voting for (the others against) is filled into seats as a meeting fills
 * them (posts and all), put through gs_vote_org_seats() and
 * gs_vote_decide() (and, after a blocked consensus with then=, the vote
 * again on the same ballots); swings and Shapley–Shubik pivots are counted
 * from those outcomes here, by brute force over coalitions and over the
 * 120 orders, and must equal the library's exactly.  (Weighted votes are
 * not allowed with one vote per organisation.)  Under the simple majority
 * the counts are pinned as well: s 10, each of a, b, c1, c2 4, as a
 * separate enumeration in Python of the same structure (party votes by
 * majority, an equality abstaining, carried when more parties are for
 * than against) gave them. */
static const char *const engine_rules[] = {
  "rule='simple-majority'",
  "rule='absolute-majority'",
  "rule='qualified-majority' fraction='2/3'",
  "rule='qualified-majority' fraction='2/3' of='members'",
  "rule='unanimity'",
  "rule='consensus'",
  "rule='consensus' then='simple-majority'",
};

static gboolean
engine_carries (const GsScenario *s, const GsBody *b, guint32 mask)
{
  GsSeat seats[8], org[8];
  for (guint pass = 0; pass < 2; pass++)
    {
      const GsVoting *v = pass == 0 ? &b->voting : &b->fallback;
      gboolean consensus = v->rule == GS_RULE_CONSENSUS;
      for (guint i = 0; i < b->n_members; i++)
        {
          guint person = b->members[i].person;
          guint n_posts;
          const GsPost *posts = gs__person_posts (s, person, &n_posts);
          seats[i] = (GsSeat){
            .person = person,
            .weight = 1,
            .present = TRUE,
            .role = GS_PERSON (s, person)->role,
            .party = GS_PERSON (s, person)->org,
            .posts = n_posts > 1 ? posts : NULL,
            .n_posts = n_posts > 1 ? n_posts : 0,
            .ballot = (mask >> i & 1) ? GS_BALLOT_FOR
                      : consensus     ? GS_BALLOT_OBJECT
                                      : GS_BALLOT_AGAINST,
          };
        }
      gs_vote_org_seats (seats, b->n_members, b->parties, b->n_parties,
                         consensus, org);
      GsVoteOutcome o = gs_vote_decide (v, org, b->n_parties, NULL);
      if (o != GS_OUTCOME_BLOCKED || !b->has_fallback)
        return o == GS_OUTCOME_CARRIED;
    }
  g_assert_not_reached ();
}

static void
test_power_per_organisation_vs_engine (void)
{
  for (guint r = 0; r < G_N_ELEMENTS (engine_rules); r++)
    {
      g_autofree char *xml = g_strdup_printf (
          "<scenario xmlns='urn:govsim:scenario:1' name='t' "
          "start='2024-01-01' horizon='P1Y'>"
          "<organisation id='oa' name='A' kind='nhs-trust'/>"
          "<organisation id='ob' name='B' kind='nhs-trust'/>"
          "<organisation id='oc' name='C' kind='nhs-trust'/>"
          "<organisation id='od' name='D' kind='nhs-trust'/>"
          "<person id='s' org='oa' role='chief-executive' director='true'>"
          "<post org='ob' director='true'/></person>"
          "<person id='a' org='oa' role='chair' director='true'/>"
          "<person id='b' org='ob' role='chair' director='true'/>"
          "<person id='c1' org='oc' role='chair' director='true'/>"
          "<person id='c2' org='oc' role='ned' director='true'/>"
          "<matter id='m' name='M'/>"
          "<joint-committee id='jc' name='JC' parties='oa ob oc od'>"
          "<member person='s'/><member person='a'/><member person='b'/>"
          "<member person='c1'/><member person='c2'/>"
          "<quorum present='3'/>"
          "<voting %s per='organisation'/>"
          "<meets first='2024-01-10' every='P1M' capacity='4'/>"
          "</joint-committee>"
          "</scenario>",
          engine_rules[r]);
      g_autoptr (GsScenario) s = gs_test_load_inline (xml);
      int bi = gs_scenario_find_body (s, "jc");
      const GsBody *b = GS_BODY (s, bi);
      g_autoptr (GError) error = NULL;
      g_autoptr (GsPowerReport) rep = gs_power_analyse (s, bi, NULL, &error);
      CU_ASSERT_PTR_NOT_NULL_FATAL (rep);
      CU_ASSERT_EQUAL_FATAL (rep->bodies[0].n_games, 2);
      const GsPowerGame *mg = &rep->bodies[0].games[1];
      CU_ASSERT_EQUAL_FATAL (mg->n_players, 5);
      guint n = 5;
      gboolean wins[32];
      for (guint32 m = 0; m < 32; m++)
        wins[m] = engine_carries (s, b, m);
      guint swings[5] = { 0 }, pivots[5] = { 0 };
      for (guint32 m = 0; m < 32; m++)
        for (guint i = 0; i < n; i++)
          if ((m >> i & 1) && wins[m] && !wins[m & ~(1u << i)])
            swings[i]++;
      /* Every order of the five, by Heap's algorithm over a[]. */
      guint a[5] = { 0, 1, 2, 3, 4 }, c[5] = { 0 };
      guint orders = 0;
      for (guint k = 0;;)
        {
          guint32 m = 0;
          orders++;
          if (!wins[0])
            for (guint j = 0; j < n; j++)
              {
                m |= 1u << a[j];
                if (wins[m])
                  {
                    pivots[a[j]]++;
                    break;
                  }
              }
          while (k < n && c[k] >= k)
            c[k++] = 0;
          if (k >= n)
            break;
          guint j = k % 2 == 0 ? 0 : c[k];
          guint t = a[j];
          a[j] = a[k];
          a[k] = t;
          c[k]++;
          k = 1;
        }
      CU_ASSERT_EQUAL (orders, 120);
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *want = g_strdup_printf ("%u", swings[i]);
          CU_ASSERT_STRING_EQUAL (mg->power->players[i].swings, want);
          CU_ASSERT_DOUBLE_EQUAL (mg->power->players[i].shapley,
                                  pivots[i] / 120.0, 1e-12);
        }
      if (r == 0)
        {
          /* The simple majority: the separate enumeration's counts. */
          static const guint want[] = { 10, 4, 4, 4, 4 };
          for (guint i = 0; i < n; i++)
            CU_ASSERT_EQUAL (swings[i], want[i]);
        }
    }
}

/* A body amended during the period: a committee voting [3; 2, 1, 1] by
 * weight until 2024-07-01, by unanimity from then.  By hand, before: a
 * (weight 2) swings in {a,b}, {a,c} and {a,b,c} (without a, 2 < 3), b
 * only in {a,b}, c only in {a,c}: Banzhaf 3/5, 1/5, 1/5; a is pivotal
 * unless it arrives first (then the second player is), in 4 of 6 orders:
 * Shapley–Shubik 2/3, 1/6, 1/6.  From 2024-07-01, unanimity of three:
 * 1/3 each, every member a veto player.  The day before the change still
 * has the first rules.  The member d sits from 2024-04-01 only: vacant
 * before it (on 2024-03-31 still), a seat of weight 0 that no index
 * counts. */
static const char amended_xml[]
    = "<scenario xmlns='urn:govsim:scenario:1' name='t' start='2024-01-01' "
      "horizon='P1Y'>"
      "<organisation id='oa' name='A' kind='nhs-trust'/>"
      "<person id='a' org='oa' role='chair' director='true'/>"
      "<person id='b' org='oa' role='ned' director='true'/>"
      "<person id='c' org='oa' role='ned' director='true'/>"
      "<person id='d' org='oa' role='ned' director='true'/>"
      "<board id='bd' name='Board' org='oa'>"
      "<member person='a' chair='true'/><member person='b'/>"
      "<member person='c'/>"
      "<meets first='2024-01-10' every='P1M' capacity='4'/>"
      "</board>"
      "<committee id='cm' name='Committee' org='oa'>"
      "<member person='a' weight='2'/><member person='b'/>"
      "<member person='c'/><member person='d' from='2024-04-01'/>"
      "<voting rule='weighted' quota='3'/>"
      "<meets first='2024-01-10' every='P1M' capacity='4'/>"
      "</committee>"
      "<amend-body body='cm' date='2024-07-01'>"
      "<voting rule='unanimity'/>"
      "</amend-body>"
      "</scenario>";

static GsPowerReport *
power_on (const GsScenario *s, int bi, const char *date)
{
  GsPowerOptions opt = { 0 };
  if (date != NULL)
    {
      opt.has_on = TRUE;
      g_assert_true (gs_date_parse (date, &opt.on, NULL));
    }
  g_autoptr (GError) error = NULL;
  GsPowerReport *r = gs_power_analyse (s, bi, &opt, &error);
  g_assert_no_error (error);
  return r;
}

static void
test_power_amended_body (void)
{
  g_autoptr (GsScenario) s = gs_test_load_inline (amended_xml);
  int bi = gs_scenario_find_body (s, "cm");
  CU_ASSERT_FATAL (bi >= 0);
  static const char *const before[] = { NULL, "2024-03-31" };
  for (guint k = 0; k < G_N_ELEMENTS (before); k++)
    {
      g_autoptr (GsPowerReport) r = power_on (s, bi, before[k]);
      const GsBodyPower *bp = &r->bodies[0];
      CU_ASSERT_EQUAL (bp->change, -1);
      const GsPowerGame *pg = &bp->games[0];
      CU_ASSERT_EQUAL_FATAL (pg->n_players, 4);
      CU_ASSERT_EQUAL (pg->quota, 3);
      const GsPlayerPower *p = pg->power->players;
      CU_ASSERT_DOUBLE_EQUAL (p[0].banzhaf, 3.0 / 5, 1e-12);
      CU_ASSERT_DOUBLE_EQUAL (p[1].banzhaf, 1.0 / 5, 1e-12);
      CU_ASSERT_DOUBLE_EQUAL (p[2].banzhaf, 1.0 / 5, 1e-12);
      CU_ASSERT_DOUBLE_EQUAL (p[0].shapley, 2.0 / 3, 1e-12);
      CU_ASSERT_DOUBLE_EQUAL (p[1].shapley, 1.0 / 6, 1e-12);
      CU_ASSERT_DOUBLE_EQUAL (p[2].shapley, 1.0 / 6, 1e-12);
      /* d: vacant until 2024-04-01, a seat of weight 0. */
      CU_ASSERT_TRUE (pg->players[3].vacant);
      CU_ASSERT_EQUAL (pg->players[3].weight, 0);
      CU_ASSERT_DOUBLE_EQUAL (p[3].banzhaf, 0.0, 1e-12);
    }
  /* On 2024-06-30, the day before the change, d sits: [3; 2,1,1,1].  By
   * hand: a swings with any one or two of the three others (3 + 3 = 6
   * coalitions; with all three, 3 >= 3 without a, so not there); b swings
   * in {a,b} and in {b,c,d} (without b, 2 < 3 in both; in any larger
   * coalition 3 remain without it), likewise c and d: 2 each.  Banzhaf
   * a = 6/12 = 1/2, the others 2/12 = 1/6 each. */
  {
    g_autoptr (GsPowerReport) r = power_on (s, bi, "2024-06-30");
    CU_ASSERT_EQUAL (r->bodies[0].change, -1);
    const GsPowerGame *pg = &r->bodies[0].games[0];
    CU_ASSERT_FALSE (pg->players[3].vacant);
    CU_ASSERT_DOUBLE_EQUAL (pg->power->players[0].banzhaf, 0.5, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL (pg->power->players[3].banzhaf, 1.0 / 6, 1e-12);
  }
  /* From the day of the change: unanimity of the four. */
  g_autoptr (GsPowerReport) r = power_on (s, bi, "2024-07-01");
  const GsBodyPower *bp = &r->bodies[0];
  CU_ASSERT_EQUAL (bp->change, 0);
  const GsPowerGame *pg = &bp->games[0];
  CU_ASSERT_EQUAL (pg->quota, 4);
  for (guint i = 0; i < 4; i++)
    {
      CU_ASSERT_DOUBLE_EQUAL (pg->power->players[i].banzhaf, 0.25, 1e-12);
      CU_ASSERT_DOUBLE_EQUAL (pg->power->players[i].shapley, 0.25, 1e-12);
      CU_ASSERT_TRUE (pg->power->players[i].veto);
    }
  g_autoptr (GString) text = g_string_new (NULL);
  gs_power_write_text (s, r, text);
  CU_ASSERT_PTR_NOT_NULL (strstr (text->str, "Committee ('cm'), committee: "
                                             "unanimity"));
  CU_ASSERT_PTR_NOT_NULL (strstr (
      text->str, "Rules in force on 2024-07-01: as amended from 2024-07-01"));
  CU_ASSERT_PTR_NOT_NULL (
      strstr (text->str, "As first written: weighted votes with a quota of 3 "
                         "(--on 2024-01-01)."));
}

/* Quorum criticality and decisiveness count the seats held on the day
 * analysed.  A committee of a (attends 0.9), b (0.8) and d (0.5, a member
 * until 2024-07-01, so her last day is 2024-06-30), with no quorum clause
 * (a majority of the seats held that day) and an absolute majority, every
 * member supporting (support 1, no abstention).  By hand:
 *
 *   2024-06-30, three seats, two needed.  P(quorate) = ab + ad + bd − 2abd
 *   = 0.72 + 0.45 + 0.40 − 0.72 = 0.85: inquorate 0.15.  Without a, b and d
 *   are both needed: inquorate 1 − 0.4 = 0.6; with a, one of them: 1 − 0.9
 *   = 0.1; criticality 0.5.  Without b, a and d: 1 − 0.45 = 0.55; with b,
 *   1 − 0.1 × 0.5 = 0.95, inquorate 0.05.  Without d: 1 − 0.72 = 0.28; with d:
 * 1 − (1 − 0.1 × 0.2) = 0.02; criticality 0.26.  a decides when, of the three
 *   members, her vote for makes the two of three needed: with a for, one
 *   of b, d present suffices (and makes the quorum), 1 − 0.2 × 0.5 = 0.9;
 *   with a against, both must be there, 0.4: decisive 0.5.
 *   2024-07-01, d's seat is vacant: two seats, both needed.  Inquorate
 *   1 − 0.72 = 0.28; a: without her 1, with her 1 − 0.8 = 0.2, criticality
 *   0.8; b: 1 and 0.1, 0.9; d: nobody's seat, 0.28 either way, 0.  a
 *   decides when b is there (two of the two members for): 0.8.
 *
 * Counting d's vacant seat, as before, would give 2024-07-01 the figures
 * of 2024-06-30. */
static const char term_xml[]
    = "<scenario xmlns='urn:govsim:scenario:1' name='t' start='2024-01-01' "
      "horizon='P1Y'>"
      "<organisation id='oa' name='A' kind='nhs-trust'/>"
      "<person id='a' org='oa' role='chair' director='true' "
      "attendance='0.9'/>"
      "<person id='b' org='oa' role='ned' director='true' "
      "attendance='0.8'/>"
      "<person id='d' org='oa' role='ned' director='true' "
      "attendance='0.5'/>"
      "<matter id='m' name='M'/>"
      "<board id='bd' name='Board' org='oa'>"
      "<member person='a' chair='true'/><member person='b'/>"
      "<meets first='2024-01-10' every='P1M' capacity='4'/>"
      "</board>"
      "<committee id='cm' name='Committee' org='oa'>"
      "<member person='a'/><member person='b'/>"
      "<member person='d' until='2024-07-01'/>"
      "<voting rule='absolute-majority'/>"
      "<meets first='2024-01-10' every='P1M' capacity='4'/>"
      "</committee>"
      "<stance support='1' abstain='0'/>"
      "</scenario>";

static void
test_power_quorum_term_boundary (void)
{
  g_autoptr (GsScenario) s = gs_test_load_inline (term_xml);
  int bi = gs_scenario_find_body (s, "cm");
  CU_ASSERT_FATAL (bi >= 0);
  static const struct
  {
    const char *on;
    double inquorate, absent[3], present[3], decisive_a;
    gboolean d_vacant;
  } want[] = {
    { "2024-06-30",
      0.15,
      { 0.6, 0.55, 0.28 },
      { 0.1, 0.05, 0.02 },
      0.5,
      FALSE },
    { "2024-07-01", 0.28, { 1.0, 1.0, 0.28 }, { 0.2, 0.1, 0.28 }, 0.8, TRUE },
  };
  for (guint k = 0; k < G_N_ELEMENTS (want); k++)
    {
      g_autoptr (GsPowerReport) r = power_on (s, bi, want[k].on);
      const GsBodyPower *bp = &r->bodies[0];
      CU_ASSERT_TRUE_FATAL (bp->quorum_computed);
      CU_ASSERT_EQUAL_FATAL (bp->n_quorum, 3);
      GS_ASSERT_NEAR (bp->inquorate, want[k].inquorate, 1e-12);
      for (guint i = 0; i < 3; i++)
        {
          const GsQuorumCriticality *q = &bp->quorum[i];
          double absent = want[k].absent[i], present = want[k].present[i];
          GS_ASSERT_NEAR (q->inquorate_absent, absent, 1e-12);
          GS_ASSERT_NEAR (q->inquorate_present, present, 1e-12);
          GS_ASSERT_NEAR (q->criticality, absent - present, 1e-12);
          CU_ASSERT_EQUAL (q->vacant, i == 2 && want[k].d_vacant);
        }
      CU_ASSERT_EQUAL_FATAL (bp->n_matters, 1);
      GS_ASSERT_NEAR (bp->decisive[0].decisive, want[k].decisive_a, 1e-12);
      if (want[k].d_vacant)
        GS_ASSERT_NEAR (bp->decisive[2].decisive, 0.0, 1e-12);
    }
}

int
main (void)
{
  static const GsTestCase cases[] = {
    { "test_power_unsc", test_power_unsc },
    { "test_power_eec_luxembourg_dummy", test_power_eec_luxembourg_dummy },
    { "test_power_symmetric_majority", test_power_symmetric_majority },
    { "test_power_unanimity_all_veto", test_power_unanimity_all_veto },
    { "test_power_weighted_vs_brute_force",
      test_power_weighted_vs_brute_force },
    { "test_power_compound_and_sampled", test_power_compound_and_sampled },
    { "test_power_exact_beyond_64_bits", test_power_exact_beyond_64_bits },
    { "test_power_quorum_criticality_vs_simulation",
      test_power_quorum_criticality_vs_simulation },
    { "test_power_decisiveness_vs_simulation",
      test_power_decisiveness_vs_simulation },
    { "test_power_scenario_headline", test_power_scenario_headline },
    { "test_power_officer_refused", test_power_officer_refused },
    { "test_power_per_organisation", test_power_per_organisation },
    { "test_power_per_organisation_vs_engine",
      test_power_per_organisation_vs_engine },
    { "test_power_amended_body", test_power_amended_body },
    { "test_power_quorum_term_boundary", test_power_quorum_term_boundary },
    { NULL, NULL },
  };
  return gs_test_run ("power", cases);
}

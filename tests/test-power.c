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
    { NULL, NULL },
  };
  return gs_test_run ("power", cases);
}

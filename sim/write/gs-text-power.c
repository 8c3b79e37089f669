/* gs-text-power.c — voting power as sentences and fixed-width tables.
 *
 * Formats a GsPowerReport (gs-power.h) for people: per body, the headline
 * sentences (who can block alone, veto players, dummies), the indices of
 * each player and each organisation, the coalition counts, the smallest
 * blocking coalition, quorum criticality (whose absence sinks meetings,
 * worst first) and decisiveness by matter type.  Nothing is counted here;
 * the headline is built from the flags and counts the analysis set.
 * Fractions go through g_ascii_formatd(), so no locale changes the bytes.
 */
#include "write/gs-text-private.h"

#include <govsim/gs-power-report.h>

#include <math.h>

enum
{
  NAME_W = 30,
  ORG_W = 24,
};

static const char *
num_word (guint n)
{
  static const char *const words[]
      = { "no",  "one",   "two",   "three", "four", "five",
          "six", "seven", "eight", "nine",  "ten" };
  return n < G_N_ELEMENTS (words) ? words[n] : NULL;
}

/* "four" for small numbers, "12" beyond. */
static void
append_count_word (GString *out, guint n)
{
  const char *w = num_word (n);
  if (w != NULL)
    g_string_append (out, w);
  else
    g_string_append_printf (out, "%u", n);
}

static void
append_fixed (GString *out, const char *format, double x)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_string_append (out, g_ascii_formatd (buf, sizeof buf, format, x));
}

/* A right-aligned fraction in @width columns. */
static void
append_col (GString *out, int width, const char *format, double x)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_ascii_formatd (buf, sizeof buf, format, x);
  g_string_append_printf (out, "%*s", width, buf);
}

static void
append_percent (GString *out, double p)
{
  append_fixed (out, "%.1f", 100.0 * p);
  g_string_append_c (out, '%');
}

/* "A", "A and B", "A, B and C" of the names of @n organisations. */
static void
append_orgs (GString *out, const GsScenario *s, const guint *orgs, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (out, i + 1 == n ? " and " : ", ");
      g_string_append (out, GS_ORG (s, orgs[i])->name);
    }
}

static const char *
player_name (const GsScenario *s, const GsPowerPlayer *p)
{
  if (p->person >= 0)
    return GS_PERSON (s, p->person)->name;
  if (p->body < 0)
    return GS_ORG (s, p->org)->name;
  return GS_BODY (s, p->body)->name;
}

static const char *
player_id (const GsScenario *s, const GsPowerPlayer *p)
{
  if (p->person >= 0)
    return GS_PERSON (s, p->person)->id;
  if (p->body < 0)
    return GS_ORG (s, p->org)->id;
  return GS_BODY (s, p->body)->id;
}

static void
append_players (GString *out, const GsScenario *s, const GsPowerGame *pg,
                const guint *which, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (out, i + 1 == n ? " and " : ", ");
      g_string_append (out, player_name (s, &pg->players[which[i]]));
    }
}

static char *
finish_sentence (GString *g)
{
  return g_string_free (g, FALSE);
}

/* Veto players and dummies of a game over people (a body's members, or
 * one vote per organisation over the people). */
static void
member_sentences (const GsScenario *s, const GsBody *b, const GsPowerGame *pg,
                  GPtrArray *sentences)
{
  const GsGamePower *p = pg->power;
  g_autofree guint *veto = g_new0 (guint, MAX (pg->n_players, 1));
  g_autofree guint *dummy = g_new0 (guint, MAX (pg->n_players, 1));
  guint nv = 0, nd = 0;
  for (guint i = 0; i < pg->n_players; i++)
    {
      if (p->players[i].veto)
        veto[nv++] = i;
      if (p->players[i].dummy)
        dummy[nd++] = i;
    }
  GString *g = g_string_new (NULL);
  if (nv == pg->n_players && nv > 1)
    {
      g_string_append (g, "Every one of the ");
      append_count_word (g, nv);
      g_string_append_printf (g,
                              " members of %s is a veto player: any "
                              "one of them voting against defeats a "
                              "decision.",
                              b->name);
    }
  else if (nv > 0)
    {
      append_players (g, s, pg, veto, nv);
      g_string_append_printf (
          g, nv == 1 ? " is a veto player in %s." : " are veto players in %s.",
          b->name);
    }
  else if (p->smallest_blocking <= pg->n_players)
    {
      g_string_append_printf (g, "No member of %s has a veto: it takes ",
                              b->name);
      append_count_word (g, p->smallest_blocking);
      g_string_append (g, " of the ");
      append_count_word (g, pg->n_players);
      g_string_append (g, " members voting against to block.");
    }
  else
    g_string_append_printf (g, "Nobody can block %s.", b->name);
  g_ptr_array_add (sentences, finish_sentence (g));
  if (nd > 0 && p->method != GS_POWER_SAMPLED)
    {
      GString *d = g_string_new (NULL);
      append_players (d, s, pg, dummy, nd);
      g_string_append_printf (d,
                              nd == 1 ? " can never change the outcome "
                                        "in %s (a dummy)."
                                      : " can never change the outcome "
                                        "in %s (dummies).",
                              b->name);
      g_ptr_array_add (sentences, finish_sentence (d));
    }
}

/* One vote per organisation over the people: how the most powerful member
 * voting in several parties compares with the most powerful voting in one
 * ("Over the people: X, voting in A, B and C, swings in 10 coalitions
 * (Banzhaf 0.3125 ...); a member voting in one organisation alone swings
 * in at most 2 (...)."), when the body has both. */
static void
shared_sentence (const GsScenario *s, const GsBodyPower *bp,
                 const GsPowerGame *pg, GPtrArray *sentences)
{
  const GsGamePower *p = pg->power;
  int many = -1, one = -1;
  for (guint i = 0; i < pg->n_players; i++)
    {
      int c = __builtin_popcountll (pg->players[i].parties);
      int *best = c > 1 ? &many : c == 1 ? &one : NULL;
      if (best != NULL
          && (*best < 0 || p->players[i].banzhaf > p->players[*best].banzhaf))
        *best = (int)i;
    }
  if (many < 0 || one < 0)
    return;
  const GsPlayerPower *pm = &p->players[many], *po = &p->players[one];
  gboolean exact = pm->swings != NULL && po->swings != NULL;
  GString *g = g_string_new ("Over the people: ");
  g_string_append_printf (g, "%s, voting in ",
                          GS_PERSON (s, pg->players[many].person)->name);
  gs__text_power_parties (g, s, bp, &pg->players[many]);
  if (exact)
    g_string_append_printf (g, ", swings in %s coalitions (Banzhaf ",
                            pm->swings);
  else
    g_string_append (g, ", is decisive with probability about ");
  append_fixed (g, "%.4f", exact ? pm->banzhaf : pm->banzhaf_raw);
  g_string_append (g, exact ? ", Shapley–Shubik " : " (Shapley–Shubik ");
  append_fixed (g, "%.4f", pm->shapley);
  if (exact)
    g_string_append_printf (g,
                            "); a member voting in one organisation alone "
                            "swings in at most %s (Banzhaf ",
                            po->swings);
  else
    g_string_append (g, "); a member voting in one organisation alone at "
                        "most about ");
  append_fixed (g, "%.4f", exact ? po->banzhaf : po->banzhaf_raw);
  g_string_append (g, exact ? ", Shapley–Shubik " : " (Shapley–Shubik ");
  append_fixed (g, "%.4f", po->shapley);
  g_string_append (g, ").");
  g_ptr_array_add (sentences, finish_sentence (g));
}

void
gs_power_headline (const GsScenario *s, const GsBodyPower *bp,
                   GPtrArray *sentences)
{
  const GsBody *b = GS_BODY (s, bp->body);
  const GsPowerGame *pg = &bp->games[0];
  const GsGamePower *p = pg->power;
  g_autoptr (GString) rule = g_string_new (NULL);
  gs_power_rule_phrase_on (s, bp->body, bp->on, rule);

  if (!p->can_pass)
    {
      GString *g = g_string_new (NULL);
      g_string_append_printf (g,
                              "No coalition can carry a decision of %s: "
                              "under %s as written its members cannot "
                              "reach the quota.",
                              b->name, rule->str);
      g_ptr_array_add (sentences, finish_sentence (g));
      return;
    }

  guint no = pg->n_orgs;
  g_autofree guint *block = g_new0 (guint, MAX (no, 1));
  g_autofree guint *rest = g_new0 (guint, MAX (no, 1));
  g_autofree guint *all = g_new0 (guint, MAX (no, 1));
  guint nb = 0, nr = 0;
  for (guint k = 0; k < no; k++)
    {
      all[k] = pg->orgs[k].org;
      if (pg->orgs[k].can_block)
        block[nb++] = pg->orgs[k].org;
      else
        rest[nr++] = pg->orgs[k].org;
    }
  if (no >= 2)
    {
      GString *g = g_string_new (NULL);
      if (nb == no)
        {
          g_string_append (g, "Any one of the ");
          append_count_word (g, no);
          g_string_append (g, " organisations (");
          append_orgs (g, s, all, no);
          g_string_append_printf (g,
                                  ") can block every decision of %s under %s.",
                                  b->name, rule->str);
        }
      else if (nb > 0)
        {
          append_orgs (g, s, block, nb);
          g_string_append_printf (g,
                                  " can %sblock every decision of %s "
                                  "alone under %s; ",
                                  nb > 1 ? "each " : "", b->name, rule->str);
          append_orgs (g, s, rest, nr);
          g_string_append_printf (g, " cannot.");
        }
      else
        {
          g_string_append_printf (g,
                                  "Under %s no single organisation can "
                                  "block %s",
                                  rule->str, b->name);
          if (pg->fewest_orgs_blocking > 0)
            {
              g_string_append (g, ": it takes ");
              append_count_word (g, pg->fewest_orgs_blocking);
              g_string_append (g, " of the ");
              append_count_word (g, no);
              g_string_append (g, " voting against together.");
            }
          else
            g_string_append (g, ", nor can any group of them.");
        }
      g_ptr_array_add (sentences, finish_sentence (g));
      for (guint k = 0; k < no; k++)
        if (pg->orgs[k].can_pass)
          {
            GString *c = g_string_new (NULL);
            g_string_append_printf (c,
                                    "%s can carry a decision of %s with its "
                                    "own votes alone.",
                                    GS_ORG (s, pg->orgs[k].org)->name, b->name);
            g_ptr_array_add (sentences, finish_sentence (c));
          }
    }

  if (pg->kind == GS_POWER_GAME_MEMBERS)
    member_sentences (s, b, pg, sentences);
  for (guint g = 1; g < bp->n_games; g++)
    if (bp->games[g].kind == GS_POWER_GAME_PARTY_MEMBERS)
      {
        shared_sentence (s, bp, &bp->games[g], sentences);
        member_sentences (s, b, &bp->games[g], sentences);
      }
}

/* How the indices were computed: "exact, by …" or "sampled: …" (shared
 * with the HTML page). */
void
gs__text_power_method (GString *out, const GsGamePower *p)
{
  switch (p->method)
    {
      case GS_POWER_EXACT_DP:
        g_string_append (out, "exact, by dynamic programming over weights");
        break;
      case GS_POWER_EXACT_ENUMERATION:
        g_string_append (out, "exact, by enumerating every coalition");
        break;
      case GS_POWER_SAMPLED:
      default:
        g_string_append_printf (out,
                                "sampled: %" G_GUINT64_FORMAT
                                " random coalitions and as many random "
                                "orders; ± is one standard error",
                                p->samples);
        break;
    }
}

static const char *
game_title (GsPowerGameKind kind)
{
  switch (kind)
    {
      case GS_POWER_GAME_CONSTITUENTS:
        return "the committees as players, under the group's rule";
      case GS_POWER_GAME_PEOPLE:
        return "every member of every committee, under both levels of rules";
      case GS_POWER_GAME_ORGANISATIONS:
        return "the organisations as players, one vote each";
      case GS_POWER_GAME_PARTY_MEMBERS:
        return "the members as players, each organisation voting as the "
               "majority of its members (an equality abstains)";
      case GS_POWER_GAME_MEMBERS:
      default:
        return "the members as players";
    }
}

static void
write_game (GString *out, const GsScenario *s, const GsBodyPower *bp,
            const GsPowerGame *pg)
{
  const GsGamePower *p = pg->power;
  gboolean sampled = p->method == GS_POWER_SAMPLED;
  g_string_append_printf (out, "  Indices over %s (%u players; ",
                          game_title (pg->kind), pg->n_players);
  gs__text_power_method (out, p);
  g_string_append (out, "):\n\n    ");
  gs__text_cell (out,
                 pg->kind == GS_POWER_GAME_CONSTITUENTS    ? "committee"
                 : pg->kind == GS_POWER_GAME_ORGANISATIONS ? "party"
                                                           : "member",
                 NAME_W);
  g_string_append_c (out, ' ');
  gs__text_cell (out, "organisation", ORG_W);
  g_string_append_printf (out, " %3s %14s %8s %8s %8s %8s %8s\n", "wt",
                          "swings", "Banzhaf", "raw", "Shapley", "prevent",
                          "initiate");
  for (guint i = 0; i < pg->n_players; i++)
    {
      const GsPowerPlayer *pl = &pg->players[i];
      const GsPlayerPower *pp = &p->players[i];
      g_string_append (out, "    ");
      g_autofree char *name
          = g_strdup_printf ("%s (%s)", player_name (s, pl), player_id (s, pl));
      gs__text_cell (out, name, NAME_W);
      g_string_append_c (out, ' ');
      if (pg->kind == GS_POWER_GAME_PARTY_MEMBERS)
        {
          g_autoptr (GString) parties = g_string_new (NULL);
          gs__text_power_parties (parties, s, bp, pl);
          gs__text_cell (out, parties->len > 0 ? parties->str : "-", ORG_W);
        }
      else
        gs__text_cell (out, pl->org >= 0 ? GS_ORG (s, pl->org)->name : "-",
                       ORG_W);
      g_string_append_printf (out, " %3" G_GUINT64_FORMAT " %14s", pl->weight,
                              pp->swings ? pp->swings : "-");
      append_col (out, 9, "%.4f", pp->banzhaf);
      append_col (out, 9, "%.4f", pp->banzhaf_raw);
      append_col (out, 9, "%.4f", pp->shapley);
      append_col (out, 9, "%.4f", pp->coleman_prevent);
      append_col (out, 9, "%.4f", pp->coleman_initiate);
      if (pp->veto)
        g_string_append (out, "  veto");
      if (pl->vacant)
        g_string_append (out, "  vacant on the day");
      else if (pp->dummy)
        g_string_append (out, "  dummy");
      g_string_append_c (out, '\n');
      if (sampled)
        {
          g_string_append (out, "    ");
          gs__text_cell (out, "", NAME_W + ORG_W + 20);
          g_string_append (out, "±");
          append_col (out, 7, "%.4f", pp->banzhaf_se);
          append_col (out, 9, "%.4f", pp->banzhaf_raw_se);
          append_col (out, 9, "%.4f", pp->shapley_se);
          g_string_append_c (out, '\n');
        }
    }
  if (pg->n_orgs > 0 && pg->kind != GS_POWER_GAME_ORGANISATIONS)
    {
      g_string_append (out, "\n    ");
      gs__text_cell (out, "organisation", NAME_W);
      g_string_append_printf (out, " %7s %8s %8s  %s\n", "players", "Banzhaf",
                              "Shapley", "alone it can");
      for (guint k = 0; k < pg->n_orgs; k++)
        {
          const GsOrgPower *op = &pg->orgs[k];
          g_string_append (out, "    ");
          gs__text_cell (out, GS_ORG (s, op->org)->name, NAME_W);
          g_string_append_printf (out, " %7u", op->n_players);
          append_col (out, 9, "%.4f", op->banzhaf);
          append_col (out, 9, "%.4f", op->shapley);
          g_string_append_printf (out, "  %s\n",
                                  op->can_pass && op->can_block
                                      ? "block and carry"
                                  : op->can_block ? "block"
                                  : op->can_pass  ? "carry"
                                                  : "neither block nor carry");
        }
    }
  g_string_append (out, "\n    ");
  if (p->n_winning != NULL)
    g_string_append_printf (out, "Winning coalitions: %s of 2^%u", p->n_winning,
                            pg->n_players);
  else
    g_string_append (out, "Winning coalitions: share estimated");
  g_string_append (out, " (Coleman's power of the body to act ");
  append_fixed (out, "%.4f", p->coleman_act);
  g_string_append (out, ").\n");
  if (p->n_minimal_winning != NULL)
    g_string_append_printf (out,
                            "    Minimal winning coalitions: %s; minimal "
                            "blocking coalitions: %s.\n",
                            p->n_minimal_winning, p->n_minimal_blocking);
  if (p->smallest_blocking == 0)
    g_string_append (out, "    Nothing can pass, so no one need block.\n");
  else if (p->smallest_blocking > pg->n_players)
    g_string_append (out, "    No coalition can block.\n");
  else
    {
      g_string_append_printf (out,
                              "    Smallest blocking coalition: %u of "
                              "%u (",
                              p->smallest_blocking, pg->n_players);
      guint shown = MIN (p->smallest_blocking, 12);
      append_players (out, s, pg, p->blocking_example, shown);
      if (shown < p->smallest_blocking)
        g_string_append_printf (out, " and %u more",
                                p->smallest_blocking - shown);
      g_string_append (out, ")");
      if (pg->n_blocking_orgs > 0)
        {
          g_string_append_printf (
              out, ", from %u organisation%s: ", pg->n_blocking_orgs,
              pg->n_blocking_orgs == 1 ? "" : "s");
          guint so = MIN (pg->n_blocking_orgs, 12);
          append_orgs (out, s, pg->blocking_orgs, so);
          if (so < pg->n_blocking_orgs)
            g_string_append_printf (out, " and %u more",
                                    pg->n_blocking_orgs - so);
        }
      g_string_append (out, ".\n");
      if (pg->fewest_orgs_blocking > 0 && pg->n_orgs > 1)
        g_string_append_printf (out,
                                "    Fewest organisations that can block "
                                "together: %u of %u.\n",
                                pg->fewest_orgs_blocking, pg->n_orgs);
    }
  g_string_append_c (out, '\n');
}

static int
cmp_criticality (gconstpointer a, gconstpointer b)
{
  const GsQuorumCriticality *x = *(const GsQuorumCriticality *const *)a;
  const GsQuorumCriticality *y = *(const GsQuorumCriticality *const *)b;
  if (x->criticality != y->criticality)
    return x->criticality > y->criticality ? -1 : 1;
  return 0;
}

static void
write_quorum (GString *out, const GsScenario *s, const GsBodyPower *bp)
{
  if (!bp->quorum_computed)
    {
      g_string_append (out, "  Quorum criticality: not computed (more than "
                            "10 people hold several places).\n\n");
      return;
    }
  g_string_append (out, "  Quorum criticality, on a day without scripted "
                        "absences: a meeting is inquorate ");
  append_percent (out, bp->inquorate);
  g_string_append (out, " of the time.\n\n    ");
  gs__text_cell (out, "member", NAME_W);
  g_string_append (out, " ");
  gs__text_cell (out, "deputy", 20);
  g_string_append_printf (out, " %7s %10s %10s %11s\n", "attends", "inq|absent",
                          "inq|present", "criticality");
  g_autoptr (GPtrArray) order = g_ptr_array_new ();
  for (guint i = 0; i < bp->n_quorum; i++)
    g_ptr_array_add (order, &bp->quorum[i]);
  g_ptr_array_sort (order, cmp_criticality);
  for (guint i = 0; i < order->len; i++)
    {
      const GsQuorumCriticality *q = g_ptr_array_index (order, i);
      const GsPerson *p = GS_PERSON (s, q->person);
      g_string_append (out, "    ");
      g_autofree char *name = g_strdup_printf ("%s (%s)", p->name, p->id);
      gs__text_cell (out, name, NAME_W);
      g_string_append (out, " ");
      gs__text_cell (out, q->deputy >= 0 ? GS_PERSON (s, q->deputy)->name : "-",
                     20);
      append_col (out, 8, "%.2f", p->attendance);
      append_col (out, 11, "%.4f", q->inquorate_absent);
      append_col (out, 11, "%.4f", q->inquorate_present);
      append_col (out, 12, "%+.4f", q->criticality);
      if (q->vacant)
        g_string_append (out, "  vacant on the day");
      g_string_append_c (out, '\n');
    }
  if (order->len > 0)
    {
      const GsQuorumCriticality *top = g_ptr_array_index (order, 0);
      if (top->criticality > 0.00005)
        {
          g_string_append_printf (out,
                                  "\n    Whose absence sinks meetings "
                                  "most: %s — inquorate ",
                                  GS_PERSON (s, top->person)->name);
          append_percent (out, top->inquorate_absent);
          g_string_append (out, " of the time without them, ");
          append_percent (out, top->inquorate_present);
          g_string_append (out, " with them.\n");
        }
    }
  g_string_append_c (out, '\n');
}

static void
write_decisive (GString *out, const GsScenario *s, const GsBodyPower *bp)
{
  if (bp->n_matters == 0)
    return;
  const GsBody *b = GS_BODY (s, bp->body);
  g_string_append (out, "  Probability of casting the deciding vote, given "
                        "the member attends and votes (the others' "
                        "attendance, deputies and stances");
  g_string_append (out, bp->decisive_from_traffic
                            ? ", over the scenario's proposals reaching the "
                              "body):\n\n    "
                            : "; no proposal reaches the body, so for a "
                              "proposal affecting nobody):\n\n    ");
  gs__text_cell (out, "member", NAME_W);
  g_string_append_printf (out, " %9s", "a priori");
  for (guint m = 0; m < bp->n_matters; m++)
    {
      g_string_append_c (out, ' ');
      gs__text_cell (out, GS_MATTER (s, bp->matters[m])->name, 12);
    }
  g_string_append_c (out, '\n');
  for (guint i = 0; i < b->n_members; i++)
    {
      const GsPerson *p = GS_PERSON (s, b->members[i].person);
      g_string_append (out, "    ");
      g_autofree char *name = g_strdup_printf ("%s (%s)", p->name, p->id);
      gs__text_cell (out, name, NAME_W);
      append_col (out, 10, "%.4f", bp->decisive[i].banzhaf_raw);
      for (guint m = 0; m < bp->n_matters; m++)
        append_col (out, 13, "%.4f",
                    bp->decisive[(gsize)m * b->n_members + i].decisive);
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');
}

/* Which terms of reference were analysed (the rules as first written or
 * as amended) and the other periods, as sentences (shared with the HTML
 * page); none for a body never amended. */
void
gs__text_power_rules_in_force (const GsScenario *s, const GsBodyPower *bp,
                               GPtrArray *sentences)
{
  const GsBody *b = GS_BODY (s, bp->body);
  if (b->n_changes == 0)
    return;
  char day[GS_DATE_BUF], from[GS_DATE_BUF];
  gs_time_format_date (bp->on, day);
  if (bp->change < 0)
    g_ptr_array_add (
        sentences,
        g_strdup_printf ("Rules in force on %s: as first "
                         "written (line %d).",
                         day, b->voting_line > 0 ? b->voting_line : b->line));
  else
    {
      const GsBodyChange *c = &b->changes[bp->change];
      g_ptr_array_add (
          sentences,
          g_strdup_printf ("Rules in force on %s: as amended "
                           "from %s (line %d).",
                           day, gs_time_format_date (c->date, from), c->line));
    }
  if (bp->change >= 0)
    {
      g_autoptr (GString) rule = g_string_new (NULL);
      gs_power_rule_phrase_on (s, bp->body, s->start, rule);
      gs_time_format_date (s->start, from);
      g_ptr_array_add (
          sentences,
          g_strdup_printf ("As first written: %s (--on %s).", rule->str, from));
    }
  for (guint k = 0; k < b->n_changes; k++)
    if ((int)k != bp->change)
      {
        const GsBodyChange *c = &b->changes[k];
        g_autoptr (GString) rule = g_string_new (NULL);
        gs_power_rule_phrase_on (s, bp->body, c->date, rule);
        gs_time_format_date (c->date, from);
        g_ptr_array_add (sentences,
                         g_strdup_printf ("Amended from %s (line %d): %s "
                                          "(--on %s for the power under it).",
                                          from, c->line, rule->str, from));
      }
}

/* Observers, in a sentence (shared with the HTML page), or NULL. */
char *
gs__text_power_observers (const GsScenario *s, const GsBodyPower *bp)
{
  const GsBody *b = GS_BODY (s, bp->body);
  if (b->n_observers == 0)
    return NULL;
  GString *g = g_string_new ("Observers (in attendance, not voting, not "
                             "counted for the quorum; no power): ");
  for (guint i = 0; i < b->n_observers; i++)
    {
      const GsPerson *p = GS_PERSON (s, b->observers[i]);
      if (i > 0)
        g_string_append (g, i + 1 == b->n_observers ? " and " : ", ");
      g_string_append_printf (g, "%s (%s)", p->name, p->id);
    }
  g_string_append (g, ": Banzhaf 0, Shapley 0.");
  return g_string_free (g, FALSE);
}

void
gs__text_power_parties (GString *out, const GsScenario *s,
                        const GsBodyPower *bp, const GsPowerPlayer *pl)
{
  const GsBody *b = gs__body_at (s, bp->body, bp->on);
  gboolean first = TRUE;
  for (guint k = 0; k < b->n_parties && k < 64; k++)
    if (pl->parties >> k & 1)
      {
        if (!first)
          g_string_append (out, " + ");
        g_string_append (out, GS_ORG (s, b->parties[k])->name);
        first = FALSE;
      }
}

const char gs__text_power_people_skipped[]
    = "Indices over the members in their organisations: not computed (more "
      "than 12 members vote in several organisations, or more than 64 "
      "organisations).";

void
gs_power_write_text (const GsScenario *s, const GsPowerReport *r, GString *out)
{
  g_string_append_printf (out, "Voting power — %s (%s)\n\n", s->name,
                          s->source);
  for (guint i = 0; i < r->n_bodies; i++)
    {
      const GsBodyPower *bp = &r->bodies[i];
      const GsBody *b = GS_BODY (s, bp->body);
      g_string_append (out, "== ");
      gs__text_body (out, s, bp->body);
      g_string_append_printf (out, " ('%s'), %s", b->id,
                              gs_body_kind_to_string (b->kind));
      if (b->group >= 0)
        g_string_append_printf (out, " of '%s'", GS_BODY (s, b->group)->id);
      g_string_append (out, ": ");
      gs_power_rule_phrase_on (s, bp->body, bp->on, out);
      g_string_append (out, "\n\n");
      g_autoptr (GPtrArray) rules = g_ptr_array_new_with_free_func (g_free);
      gs__text_power_rules_in_force (s, bp, rules);
      for (guint k = 0; k < rules->len; k++)
        g_string_append_printf (out, "  %s\n",
                                (const char *)g_ptr_array_index (rules, k));
      if (rules->len > 0)
        g_string_append_c (out, '\n');
      g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
      gs_power_headline (s, bp, lines);
      for (guint k = 0; k < lines->len; k++)
        g_string_append_printf (out, "  %s\n",
                                (const char *)g_ptr_array_index (lines, k));
      g_string_append_c (out, '\n');
      for (guint g = 0; g < bp->n_games; g++)
        write_game (out, s, bp, &bp->games[g]);
      if (bp->people_skipped)
        g_string_append_printf (out, "  %s\n\n", gs__text_power_people_skipped);
      g_autofree char *observers = gs__text_power_observers (s, bp);
      if (observers != NULL)
        g_string_append_printf (out, "  %s\n\n", observers);
      write_quorum (out, s, bp);
      write_decisive (out, s, bp);
    }
  g_string_append (
      out,
      "Banzhaf: swings (coalitions the player turns from losing to winning) "
      "over all players' swings; raw: swings / 2^(n-1).\nShapley: the share "
      "of voting orders in which the player is pivotal. prevent / initiate: "
      "Coleman's powers, swings over winning / losing coalitions.\n");
}

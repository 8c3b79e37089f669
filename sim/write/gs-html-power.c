/* gs-html-power.c — voting power as one self-contained HTML page.
 *
 * The page carries what `govsim power` says in text, with the same
 * figures at the same precision (four decimals): per body its voting
 * rule, the headline sentences (who can block alone, veto players,
 * dummies), for each game every index the analysis computes per player —
 * Banzhaf normalised and raw, Shapley–Shubik, Coleman's powers to prevent
 * and to initiate — and per organisation (Banzhaf, Shapley–Shubik, what
 * it can do alone), the coalition counts, quorum criticality and the
 * probability of casting the deciding vote per matter type.  Charts: the
 * indices as grouped bars per member and per organisation (with ± one
 * standard error as whiskers where they were sampled) and each member's
 * quorum criticality.  Nothing is counted here.
 */
#include "write/gs-chart-private.h"
#include "write/gs-html-private.h"
#include "write/gs-text-private.h"

#include <govsim/gs-power-report.h>

#include <math.h>

/* Players drawn in one chart; the table has them all. */
#define CHART_PLAYERS_MAX 40

static const char *
player_name (const GsScenario *s, const GsPowerPlayer *p)
{
  return p->person >= 0 ? GS_PERSON (s, p->person)->name
         : p->body < 0  ? GS_ORG (s, p->org)->name
                        : GS_BODY (s, p->body)->name;
}

static const char *
player_id (const GsScenario *s, const GsPowerPlayer *p)
{
  return p->person >= 0 ? GS_PERSON (s, p->person)->id
         : p->body < 0  ? GS_ORG (s, p->org)->id
                        : GS_BODY (s, p->body)->id;
}

static void
cell4 (GString *out, double v)
{
  g_string_append (out, "<td>");
  gs__html_num (out, v, 4, FALSE);
  g_string_append (out, "</td>");
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

static const char *const index_names[] = {
  "Banzhaf",         "Banzhaf raw",      "Shapley–Shubik",
  "Coleman prevent", "Coleman initiate",
};

static gboolean
game_charts (GString *out, const GsScenario *s, const GsPowerGame *pg,
             const char *prefix, GError **error)
{
  const GsGamePower *p = pg->power;
  gboolean sampled = p->method == GS_POWER_SAMPLED;
  guint n = MIN (pg->n_players, CHART_PLAYERS_MAX), ns = 5;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree double *val = g_new (double, (gsize)MAX (n, 1) * ns);
  g_autofree double *lo = g_new (double, (gsize)MAX (n, 1) * ns);
  g_autofree double *hi = g_new (double, (gsize)MAX (n, 1) * ns);
  for (guint i = 0; i < n; i++)
    {
      const GsPlayerPower *pp = &p->players[i];
      g_ptr_array_add (names, g_strdup (player_name (s, &pg->players[i])));
      double v[] = { pp->banzhaf, pp->banzhaf_raw, pp->shapley,
                     pp->coleman_prevent, pp->coleman_initiate };
      double se[]
          = { pp->banzhaf_se, pp->banzhaf_raw_se, pp->shapley_se, 0, 0 };
      for (guint k = 0; k < ns; k++)
        {
          gsize at = (gsize)i * ns + k;
          val[at] = v[k];
          lo[at] = sampled && se[k] > 0 ? v[k] - se[k] : NAN;
          hi[at] = sampled && se[k] > 0 ? v[k] + se[k] : NAN;
        }
    }
  g_autoptr (GString) svg = g_string_new (NULL);
  if (!gs__chart_bars ((const char *const *)names->pdata, n, index_names, ns,
                       val, lo, hi, NAN, 4, "index (a share or a probability)",
                       svg, error))
    return FALSE;
  g_autofree char *p1 = g_strconcat (prefix, "i-", NULL);
  g_autoptr (GString) cap = g_string_new (
      "Each player's indices: Banzhaf (its share of all swings), raw Banzhaf "
      "(the probability of being decisive when every other player votes "
      "either way with one half), Shapley–Shubik (its share of voting "
      "orders in which it is pivotal) and Coleman's powers to prevent and "
      "to initiate action.");
  if (sampled)
    g_string_append (cap, " Sampled: whiskers are ± one standard error.");
  if (n < pg->n_players)
    g_string_append_printf (cap,
                            " The first %u of %u players are drawn; the "
                            "table has them all.",
                            n, pg->n_players);
  gs__html_figure (out, svg, p1, cap->str);
  if (pg->n_orgs == 0)
    return TRUE;
  guint no = MIN (pg->n_orgs, CHART_PLAYERS_MAX);
  g_autofree const char **onames = g_new (const char *, MAX (no, 1));
  g_autofree double *ov = g_new (double, (gsize)MAX (no, 1) * 2);
  for (guint k = 0; k < no; k++)
    {
      onames[k] = GS_ORG (s, pg->orgs[k].org)->name;
      ov[2 * k] = pg->orgs[k].banzhaf;
      ov[2 * k + 1] = pg->orgs[k].shapley;
    }
  static const char *const oseries[] = { "Banzhaf", "Shapley–Shubik" };
  g_autoptr (GString) osvg = g_string_new (NULL);
  if (!gs__chart_bars (onames, no, oseries, 2, ov, NULL, NULL, NAN, 4,
                       "the organisation's players' indices summed", osvg,
                       error))
    return FALSE;
  g_autofree char *p2 = g_strconcat (prefix, "o-", NULL);
  gs__html_figure (out, osvg, p2,
                   "Each organisation's share of power: the Banzhaf and "
                   "Shapley–Shubik indices of its players summed.");
  return TRUE;
}

static gboolean
write_game (GString *out, const GsScenario *s, const GsBodyPower *bp,
            const GsPowerGame *pg, const char *prefix, GError **error)
{
  const GsGamePower *p = pg->power;
  gboolean sampled = p->method == GS_POWER_SAMPLED;
  g_string_append_printf (out, "<h3>Indices over %s</h3>\n<p>%u players; ",
                          game_title (pg->kind), pg->n_players);
  gs__text_power_method (out, p);
  g_string_append (out, ".</p>\n<table class=\"indices\"><thead><tr><th>");
  g_string_append (out, pg->kind == GS_POWER_GAME_CONSTITUENTS    ? "committee"
                        : pg->kind == GS_POWER_GAME_ORGANISATIONS ? "party"
                                                                  : "member");
  g_string_append (out, "</th><th class=\"l\">organisation</th><th>weight</th>"
                        "<th>swings</th><th>Banzhaf</th><th>raw</th>"
                        "<th>Shapley</th><th>prevent</th><th>initiate</th>"
                        "<th class=\"l\"></th></tr></thead><tbody>\n");
  for (guint i = 0; i < pg->n_players; i++)
    {
      const GsPowerPlayer *pl = &pg->players[i];
      const GsPlayerPower *pp = &p->players[i];
      g_autofree char *name
          = g_strdup_printf ("%s (%s)", player_name (s, pl), player_id (s, pl));
      g_string_append (out, "<tr><td>");
      gs__html_esc (out, name);
      g_string_append (out, "</td><td class=\"l\">");
      if (pg->kind == GS_POWER_GAME_PARTY_MEMBERS)
        {
          g_autoptr (GString) parties = g_string_new (NULL);
          gs__text_power_parties (parties, s, bp, pl);
          gs__html_esc (out, parties->len > 0 ? parties->str : "–");
        }
      else
        gs__html_esc (out, pl->org >= 0 ? GS_ORG (s, pl->org)->name : "–");
      g_string_append_printf (out,
                              "</td><td>%" G_GUINT64_FORMAT "</td><td>%s"
                              "</td>",
                              pl->weight, pp->swings ? pp->swings : "–");
      cell4 (out, pp->banzhaf);
      cell4 (out, pp->banzhaf_raw);
      cell4 (out, pp->shapley);
      cell4 (out, pp->coleman_prevent);
      cell4 (out, pp->coleman_initiate);
      g_string_append_printf (out, "<td class=\"l\">%s%s</td></tr>\n",
                              pp->veto ? "veto " : "",
                              pl->vacant  ? "vacant on the day"
                              : pp->dummy ? "dummy"
                                          : "");
      if (sampled)
        {
          g_string_append (out, "<tr class=\"se\"><td></td><td></td><td></td>"
                                "<td>±</td>");
          cell4 (out, pp->banzhaf_se);
          cell4 (out, pp->banzhaf_raw_se);
          cell4 (out, pp->shapley_se);
          g_string_append (out, "<td></td><td></td><td></td></tr>\n");
        }
    }
  g_string_append (out, "</tbody></table>\n");
  if (pg->n_orgs > 0 && pg->kind != GS_POWER_GAME_ORGANISATIONS)
    {
      g_string_append (out, "<table class=\"orgs\"><thead><tr><th>"
                            "organisation</th><th>players</th><th>Banzhaf</th>"
                            "<th>Shapley</th><th class=\"l\">alone it can</th>"
                            "</tr></thead><tbody>\n");
      for (guint k = 0; k < pg->n_orgs; k++)
        {
          const GsOrgPower *op = &pg->orgs[k];
          g_string_append (out, "<tr><td>");
          gs__html_esc (out, GS_ORG (s, op->org)->name);
          g_string_append_printf (out, "</td><td>%u</td>", op->n_players);
          cell4 (out, op->banzhaf);
          cell4 (out, op->shapley);
          g_string_append_printf (out, "<td class=\"l\">%s</td></tr>\n",
                                  op->can_pass && op->can_block
                                      ? "block and carry"
                                  : op->can_block ? "block"
                                  : op->can_pass  ? "carry"
                                                  : "neither block nor carry");
        }
      g_string_append (out, "</tbody></table>\n");
    }
  g_string_append (out, "<p>");
  if (p->n_winning != NULL)
    g_string_append_printf (out, "Winning coalitions: %s of 2^%u", p->n_winning,
                            pg->n_players);
  else
    g_string_append (out, "Winning coalitions: share estimated");
  g_string_append (out, " (Coleman's power of the body to act ");
  gs__html_num (out, p->coleman_act, 4, FALSE);
  g_string_append (out, ").");
  if (p->n_minimal_winning != NULL)
    g_string_append_printf (out,
                            " Minimal winning coalitions: %s; minimal "
                            "blocking coalitions: %s.",
                            p->n_minimal_winning, p->n_minimal_blocking);
  if (p->smallest_blocking == 0)
    g_string_append (out, " Nothing can pass, so no one need block.");
  else if (p->smallest_blocking > pg->n_players)
    g_string_append (out, " No coalition can block.");
  else
    {
      g_string_append_printf (out, " Smallest blocking coalition: %u of %u (",
                              p->smallest_blocking, pg->n_players);
      guint shown = MIN (p->smallest_blocking, 12);
      for (guint i = 0; i < shown; i++)
        {
          if (i > 0)
            g_string_append (out, i + 1 == shown ? " and " : ", ");
          gs__html_esc (out,
                        player_name (s, &pg->players[p->blocking_example[i]]));
        }
      if (shown < p->smallest_blocking)
        g_string_append_printf (out, " and %u more",
                                p->smallest_blocking - shown);
      g_string_append (out, ").");
    }
  g_string_append (out, "</p>\n");
  return game_charts (out, s, pg, prefix, error);
}

static gboolean
write_quorum (GString *out, const GsScenario *s, const GsBodyPower *bp,
              const char *prefix, GError **error)
{
  g_string_append (out, "<h3>Quorum criticality</h3>\n");
  if (!bp->quorum_computed)
    {
      g_string_append (out, "<p>Not computed: more than 10 people hold "
                            "several places.</p>\n");
      return TRUE;
    }
  g_string_append (out, "<p>On a day without scripted absences a meeting is "
                        "inquorate ");
  gs__html_num (out, 100.0 * bp->inquorate, 1, FALSE);
  g_string_append (out, "% of the time.</p>\n<table class=\"quorum\"><thead>"
                        "<tr><th>member</th><th class=\"l\">deputy</th>"
                        "<th>attends</th><th>inquorate if absent</th>"
                        "<th>inquorate if present</th><th>criticality</th>"
                        "</tr></thead><tbody>\n");
  guint n = MIN (bp->n_quorum, CHART_PLAYERS_MAX);
  g_autofree const char **names = g_new (const char *, MAX (n, 1));
  g_autofree double *val = g_new (double, MAX (n, 1));
  for (guint i = 0; i < bp->n_quorum; i++)
    {
      const GsQuorumCriticality *q = &bp->quorum[i];
      const GsPerson *p = GS_PERSON (s, q->person);
      g_autofree char *name = g_strdup_printf ("%s (%s)", p->name, p->id);
      g_string_append (out, "<tr><td>");
      gs__html_esc (out, name);
      g_string_append (out, "</td><td class=\"l\">");
      gs__html_esc (out, q->deputy >= 0 ? GS_PERSON (s, q->deputy)->name : "–");
      g_string_append (out, "</td><td>");
      gs__html_num (out, p->attendance, 2, FALSE);
      g_string_append (out, "</td>");
      cell4 (out, q->inquorate_absent);
      cell4 (out, q->inquorate_present);
      g_string_append (out, "<td>");
      gs__html_num (out, q->criticality, 4, TRUE);
      g_string_append (out, q->vacant ? " (vacant on the day)</td></tr>\n"
                                      : "</td></tr>\n");
      if (i < n)
        {
          names[i] = p->name;
          val[i] = q->criticality;
        }
    }
  g_string_append (out, "</tbody></table>\n");
  if (n == 0)
    return TRUE;
  static const char *const series[] = { "criticality" };
  g_autoptr (GString) svg = g_string_new (NULL);
  if (!gs__chart_bars (names, n, series, 1, val, NULL, NULL, NAN, 4,
                       "P(inquorate | absent) − P(inquorate | present)", svg,
                       error))
    return FALSE;
  g_autofree char *px = g_strconcat (prefix, "q-", NULL);
  gs__html_figure (out, svg, px,
                   "Quorum criticality: how much more often a meeting is "
                   "inquorate when the member does not attend than when "
                   "they do, from attendance, deputies and the quorum "
                   "rules.");
  return TRUE;
}

static void
write_decisive (GString *out, const GsScenario *s, const GsBodyPower *bp)
{
  if (bp->n_matters == 0 || bp->n_decisive == 0)
    return;
  const GsBody *b = GS_BODY (s, bp->body);
  g_string_append (out, "<h3>Probability of casting the deciding vote</h3>\n"
                        "<p>Given the member attends and votes, from the "
                        "others' attendance, deputies and stances");
  g_string_append (out, bp->decisive_from_traffic
                            ? ", over the scenario's proposals reaching the "
                              "body.</p>\n"
                            : "; no proposal reaches the body, so for a "
                              "proposal affecting nobody.</p>\n");
  g_string_append (out, "<table class=\"decisive\"><thead><tr><th>member</th>"
                        "<th>a priori</th>");
  for (guint m = 0; m < bp->n_matters; m++)
    {
      g_string_append (out, "<th>");
      gs__html_esc (out, GS_MATTER (s, bp->matters[m])->name);
      g_string_append (out, "</th>");
    }
  g_string_append (out, "</tr></thead><tbody>\n");
  for (guint i = 0; i < b->n_members; i++)
    {
      const GsPerson *p = GS_PERSON (s, b->members[i].person);
      g_autofree char *name = g_strdup_printf ("%s (%s)", p->name, p->id);
      g_string_append (out, "<tr><td>");
      gs__html_esc (out, name);
      g_string_append (out, "</td>");
      cell4 (out, bp->decisive[i].banzhaf_raw);
      for (guint m = 0; m < bp->n_matters; m++)
        cell4 (out, bp->decisive[(gsize)m * b->n_members + i].decisive);
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</tbody></table>\n");
}

gboolean
gs_power_write_html (const GsScenario *s, const GsPowerReport *r, GString *out,
                     GError **error)
{
  g_autoptr (GString) page = g_string_new (NULL);
  gs__html_begin (page, s->name, "govsim power");
  g_string_append (page, "<header><h1>");
  gs__html_esc (page, s->name);
  g_string_append (page, "</h1><p class=\"meta\">Voting power · ");
  gs__html_esc (page, s->source);
  g_string_append_printf (page, " · govsim %s</p></header>\n", GOVSIM_VERSION);
  if (r->n_bodies == 0)
    g_string_append (page, "<p>No deciding body.</p>\n");
  for (guint i = 0; i < r->n_bodies; i++)
    {
      const GsBodyPower *bp = &r->bodies[i];
      const GsBody *b = GS_BODY (s, bp->body);
      g_autoptr (GString) title = g_string_new (NULL);
      gs__text_body (title, s, bp->body);
      g_string_append_printf (title, " ('%s'), %s", b->id,
                              gs_body_kind_to_string (b->kind));
      if (b->group >= 0)
        g_string_append_printf (title, " of '%s'", GS_BODY (s, b->group)->id);
      g_string_append (title, ": ");
      gs_power_rule_phrase_on (s, bp->body, bp->on, title);
      g_string_append_printf (page,
                              "<section id=\"body-%u\" class=\"body\">"
                              "<h2>",
                              i + 1);
      gs__html_esc (page, title->str);
      g_string_append (page, "</h2>\n<ul class=\"sentences\">\n");
      g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
      gs_power_headline (s, bp, lines);
      for (guint k = 0; k < lines->len; k++)
        {
          g_string_append (page, "<li>");
          gs__html_esc (page, g_ptr_array_index (lines, k));
          g_string_append (page, "</li>\n");
        }
      g_string_append (page, "</ul>\n");
      g_autoptr (GPtrArray) rules = g_ptr_array_new_with_free_func (g_free);
      gs__text_power_rules_in_force (s, bp, rules);
      for (guint k = 0; k < rules->len; k++)
        {
          g_string_append (page, "<p class=\"rules\">");
          gs__html_esc (page, g_ptr_array_index (rules, k));
          g_string_append (page, "</p>\n");
        }
      for (guint g = 0; g < bp->n_games; g++)
        {
          g_autofree char *prefix = g_strdup_printf ("b%u-g%u-", i + 1, g + 1);
          if (!write_game (page, s, bp, &bp->games[g], prefix, error))
            return FALSE;
        }
      if (bp->people_skipped)
        {
          g_string_append (page, "<p>");
          gs__html_esc (page, gs__text_power_people_skipped);
          g_string_append (page, "</p>\n");
        }
      g_autofree char *observers = gs__text_power_observers (s, bp);
      if (observers != NULL)
        {
          g_string_append (page, "<p class=\"observers\">");
          gs__html_esc (page, observers);
          g_string_append (page, "</p>\n");
        }
      g_autofree char *qp = g_strdup_printf ("b%u-", i + 1);
      if (!write_quorum (page, s, bp, qp, error))
        return FALSE;
      write_decisive (page, s, bp);
      g_string_append (page, "</section>\n");
    }
  g_string_append (
      page,
      "<p class=\"meta\">Banzhaf: swings (coalitions the player turns from "
      "losing to winning) over all players' swings; raw: swings / "
      "2^(n−1). Shapley: the share of voting orders in which the player is "
      "pivotal. prevent / initiate: Coleman's powers, swings over winning / "
      "losing coalitions.</p>\n");
  gs__html_end (page);
  g_string_append_len (out, page->str, (gssize)page->len);
  return TRUE;
}

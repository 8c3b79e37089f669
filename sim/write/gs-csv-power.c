/* gs-csv-power.c — voting power as CSV: one row per player of each game.
 *
 * The table a spreadsheet wants from `govsim power`: for each body, each
 * game analysed (its members, its people, or its constituent committees),
 * each player with its indices.  Columns are named as the JSON document's
 * keys; indices are written with g_ascii_dtostr(), the shortest text that
 * reads back as the same double, whatever the locale; exact counts
 * (swings) are decimal digits, as in the JSON.  With one vote per
 * organisation, the rows of players "organisations" are the parties and
 * those of "party-members" the members voting in their parties (the
 * organisation column their seat's); rows of "observers" list those in
 * attendance, with no power.  Standard errors are empty
 * for exact methods, and "dummy" is empty where sampling cannot tell.
 */
#include "write/gs-text-private.h"
#include "write/gs-write-private.h"

#include <govsim/gs-power-report.h>

static void
cell_double (GString *out, double x)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_string_append_c (out, ',');
  g_string_append (out, g_ascii_dtostr (buf, sizeof buf, x));
}

static const char *
players_word (GsPowerGameKind kind)
{
  switch (kind)
    {
      case GS_POWER_GAME_CONSTITUENTS:
        return "constituents";
      case GS_POWER_GAME_PEOPLE:
        return "people";
      case GS_POWER_GAME_ORGANISATIONS:
        return "organisations";
      case GS_POWER_GAME_PARTY_MEMBERS:
        return "party-members";
      case GS_POWER_GAME_MEMBERS:
      default:
        return "members";
    }
}

/* A row for a person who is no player of a game: an observer, with no
 * power. */
static void
person_row (GString *out, const GsScenario *s, const GsBodyPower *bp,
            guint person, const char *players, const char *method,
            double banzhaf, double shapley)
{
  const GsBody *body = GS_BODY (s, bp->body);
  const GsPerson *p = GS_PERSON (s, person);
  int org = gs_power_seat_org (s, bp->body, person);
  gs__csv_field (out, body->id, TRUE);
  gs__csv_field (out, body->name, FALSE);
  gs__csv_field (out, players, FALSE);
  gs__csv_field (out, method, FALSE);
  gs__csv_field (out, p->id, FALSE);
  gs__csv_field (out, p->name, FALSE);
  gs__csv_field (out, org >= 0 ? GS_ORG (s, org)->id : NULL, FALSE);
  gs__csv_field (out, NULL, FALSE); /* weight */
  gs__csv_field (out, NULL, FALSE); /* swings */
  cell_double (out, banzhaf);
  gs__csv_field (out, NULL, FALSE); /* raw */
  cell_double (out, shapley);
  for (guint k = 0; k < 6; k++) /* Coleman's, errors, veto, dummy */
    gs__csv_field (out, NULL, FALSE);
  gs__csv_end (out);
}

void
gs_power_write_csv (const GsScenario *s, const GsPowerReport *r, GString *out)
{
  static const char *const h[] = { "body",
                                   "body_name",
                                   "players",
                                   "method",
                                   "player",
                                   "player_name",
                                   "organisation",
                                   "weight",
                                   "swings",
                                   "banzhaf",
                                   "banzhaf_raw",
                                   "shapley_shubik",
                                   "coleman_prevent",
                                   "coleman_initiate",
                                   "banzhaf_se",
                                   "shapley_shubik_se",
                                   "veto",
                                   "dummy",
                                   NULL };
  gs__csv_header (out, h);
  for (guint b = 0; b < r->n_bodies; b++)
    {
      const GsBodyPower *bp = &r->bodies[b];
      const GsBody *body = GS_BODY (s, bp->body);
      for (guint g = 0; g < bp->n_games; g++)
        {
          const GsPowerGame *pg = &bp->games[g];
          const GsGamePower *p = pg->power;
          gboolean sampled = p->method == GS_POWER_SAMPLED;
          for (guint i = 0; i < pg->n_players; i++)
            {
              const GsPowerPlayer *pl = &pg->players[i];
              const GsPlayerPower *pp = &p->players[i];
              gs__csv_field (out, body->id, TRUE);
              gs__csv_field (out, body->name, FALSE);
              gs__csv_field (out, players_word (pg->kind), FALSE);
              gs__csv_field (out, gs_power_method_to_string (p->method), FALSE);
              gboolean person = pl->person >= 0;
              gboolean party = !person && pl->body < 0;
              gs__csv_field (out,
                             person  ? GS_PERSON (s, pl->person)->id
                             : party ? GS_ORG (s, pl->org)->id
                                     : GS_BODY (s, pl->body)->id,
                             FALSE);
              gs__csv_field (out,
                             person  ? GS_PERSON (s, pl->person)->name
                             : party ? GS_ORG (s, pl->org)->name
                                     : GS_BODY (s, pl->body)->name,
                             FALSE);
              gs__csv_field (out, pl->org >= 0 ? GS_ORG (s, pl->org)->id : NULL,
                             FALSE);
              gs__csv_int (out, (gint64)pl->weight);
              gs__csv_field (out, pp->swings, FALSE);
              cell_double (out, pp->banzhaf);
              cell_double (out, pp->banzhaf_raw);
              cell_double (out, pp->shapley);
              cell_double (out, pp->coleman_prevent);
              cell_double (out, pp->coleman_initiate);
              if (sampled)
                {
                  cell_double (out, pp->banzhaf_se);
                  cell_double (out, pp->shapley_se);
                }
              else
                {
                  gs__csv_field (out, NULL, FALSE);
                  gs__csv_field (out, NULL, FALSE);
                }
              gs__csv_int (out, pp->veto ? 1 : 0);
              if (sampled)
                gs__csv_field (out, NULL, FALSE);
              else
                gs__csv_int (out, pp->dummy ? 1 : 0);
              gs__csv_end (out);
            }
        }
      for (guint i = 0; i < body->n_observers; i++)
        person_row (out, s, bp, body->observers[i], "observers", "none", 0.0,
                    0.0);
    }
}

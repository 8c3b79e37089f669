/* gs-json-power.c — voting power as a JSON document of kind "power".
 *
 * Follows the output conventions of the design (§8): one object with
 * "govsim", "schema", "kind" and "scenario", then the body of the kind;
 * snake_case keys; ids exactly as in the scenario with names beside them;
 * probabilities as numbers in 0..1; enum values as the scenario format's
 * words.  Exact counts (swings, coalitions) are strings of decimal digits,
 * because they exceed what a JSON number keeps exactly (2^53) well before
 * the 200 players the analysis handles.  Built with json-glib's
 * JsonBuilder and written by its generator, which formats numbers without
 * the locale.
 */
#include "write/gs-json-private.h"
#include "write/gs-text-private.h"

#include <govsim/gs-power-report.h>

#include <json-glib/json-glib.h>

static const char *
game_players_word (GsPowerGameKind kind)
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

static void
org_ref (JsonBuilder *j, const GsScenario *s, const char *key, int org)
{
  gs__json_ref (j, key, org >= 0 ? GS_ORG (s, org)->id : NULL,
                org >= 0 ? GS_ORG (s, org)->name : NULL);
}

static void
write_game (JsonBuilder *j, const GsScenario *s, const GsBodyPower *bp,
            const GsPowerGame *pg)
{
  const GsBody *b = gs__body_at (s, bp->body, bp->on);
  const GsGamePower *p = pg->power;
  gboolean sampled = p->method == GS_POWER_SAMPLED;
  json_builder_begin_object (j);
  gs__json_string (j, "players", game_players_word (pg->kind));
  gs__json_string (j, "method", gs_power_method_to_string (p->method));
  if (sampled)
    gs__json_int (j, "samples", (gint64)p->samples);
  gs__json_int (j, "quota", (gint64)pg->quota);
  gs__json_string (j, "winning_coalitions", p->n_winning);
  gs__json_double (j, "coleman_power_to_act", p->coleman_act);
  gs__json_bool (j, "can_pass", p->can_pass);
  gs__json_string (j, "minimal_winning_coalitions", p->n_minimal_winning);
  gs__json_string (j, "minimal_blocking_coalitions", p->n_minimal_blocking);

  json_builder_set_member_name (j, "smallest_blocking_coalition");
  if (p->smallest_blocking == 0 || p->smallest_blocking > pg->n_players)
    json_builder_add_null_value (j);
  else
    {
      json_builder_begin_object (j);
      gs__json_int (j, "size", p->smallest_blocking);
      json_builder_set_member_name (j, "players");
      json_builder_begin_array (j);
      for (guint k = 0; k < p->smallest_blocking; k++)
        {
          const GsPowerPlayer *pl = &pg->players[p->blocking_example[k]];
          json_builder_add_string_value (
              j, pl->person >= 0 ? GS_PERSON (s, pl->person)->id
                 : pl->body >= 0 ? GS_BODY (s, pl->body)->id
                                 : GS_ORG (s, pl->org)->id);
        }
      json_builder_end_array (j);
      json_builder_set_member_name (j, "organisations");
      json_builder_begin_array (j);
      for (guint k = 0; k < pg->n_blocking_orgs; k++)
        json_builder_add_string_value (j, GS_ORG (s, pg->blocking_orgs[k])->id);
      json_builder_end_array (j);
      json_builder_end_object (j);
    }
  json_builder_set_member_name (j, "fewest_organisations_blocking");
  if (pg->fewest_orgs_blocking > 0)
    json_builder_add_int_value (j, pg->fewest_orgs_blocking);
  else
    json_builder_add_null_value (j);

  json_builder_set_member_name (j, "indices");
  json_builder_begin_array (j);
  for (guint i = 0; i < pg->n_players; i++)
    {
      const GsPowerPlayer *pl = &pg->players[i];
      const GsPlayerPower *pp = &p->players[i];
      json_builder_begin_object (j);
      if (pl->person >= 0)
        gs__json_ref (j, "person", GS_PERSON (s, pl->person)->id,
                      GS_PERSON (s, pl->person)->name);
      if ((pl->person < 0 || pg->kind == GS_POWER_GAME_PEOPLE) && pl->body >= 0)
        gs__json_ref (j, "body", GS_BODY (s, pl->body)->id,
                      GS_BODY (s, pl->body)->name);
      org_ref (j, s, "organisation", pl->org);
      if (pg->kind == GS_POWER_GAME_PARTY_MEMBERS)
        {
          /* The parties the member votes in. */
          json_builder_set_member_name (j, "parties");
          json_builder_begin_array (j);
          for (guint k = 0; k < b->n_parties && k < 64; k++)
            if (pl->parties >> k & 1)
              json_builder_add_string_value (j, GS_ORG (s, b->parties[k])->id);
          json_builder_end_array (j);
        }
      gs__json_int (j, "weight", (gint64)pl->weight);
      if (pl->vacant)
        gs__json_bool (j, "vacant", TRUE);
      gs__json_string (j, "swings", pp->swings);
      gs__json_double (j, "banzhaf", pp->banzhaf);
      gs__json_double (j, "banzhaf_raw", pp->banzhaf_raw);
      gs__json_double (j, "shapley_shubik", pp->shapley);
      gs__json_double (j, "coleman_prevent", pp->coleman_prevent);
      gs__json_double (j, "coleman_initiate", pp->coleman_initiate);
      if (sampled)
        {
          gs__json_double (j, "banzhaf_se", pp->banzhaf_se);
          gs__json_double (j, "banzhaf_raw_se", pp->banzhaf_raw_se);
          gs__json_double (j, "shapley_shubik_se", pp->shapley_se);
        }
      gs__json_bool (j, "veto", pp->veto);
      json_builder_set_member_name (j, "dummy");
      if (sampled)
        json_builder_add_null_value (j);
      else
        json_builder_add_boolean_value (j, pp->dummy);
      json_builder_end_object (j);
    }
  json_builder_end_array (j);

  json_builder_set_member_name (j, "organisations");
  json_builder_begin_array (j);
  for (guint k = 0; k < pg->n_orgs; k++)
    {
      const GsOrgPower *op = &pg->orgs[k];
      json_builder_begin_object (j);
      org_ref (j, s, "organisation", (int)op->org);
      gs__json_int (j, "players", op->n_players);
      gs__json_double (j, "banzhaf", op->banzhaf);
      gs__json_double (j, "shapley_shubik", op->shapley);
      gs__json_bool (j, "can_block_alone", op->can_block);
      gs__json_bool (j, "can_pass_alone", op->can_pass);
      json_builder_end_object (j);
    }
  json_builder_end_array (j);
  json_builder_end_object (j);
}

static void
write_body (JsonBuilder *j, const GsScenario *s, const GsBodyPower *bp)
{
  const GsBody *b = GS_BODY (s, bp->body);
  json_builder_begin_object (j);
  gs__json_ref (j, "body", b->id, b->name);
  gs__json_string (j, "body_kind", gs_body_kind_to_string (b->kind));
  org_ref (j, s, "organisation", b->org);
  if (b->group >= 0)
    gs__json_string (j, "group", GS_BODY (s, b->group)->id);
  g_autoptr (GString) rule = g_string_new (NULL);
  gs_power_rule_phrase_on (s, bp->body, bp->on, rule);
  gs__json_string (j, "rule", rule->str);
  char day[GS_DATE_BUF];
  gs__json_string (j, "on", gs_time_format_date (bp->on, day));
  if (b->n_changes > 0)
    {
      /* Which terms of reference were analysed, and every period. */
      json_builder_set_member_name (j, "rules_in_force");
      json_builder_begin_object (j);
      if (bp->change >= 0)
        {
          const GsBodyChange *c = &b->changes[bp->change];
          gs__json_string (j, "amended", gs_time_format_date (c->date, day));
          gs__json_int (j, "line", c->line);
        }
      else
        {
          json_builder_set_member_name (j, "amended");
          json_builder_add_null_value (j);
          gs__json_int (j, "line",
                        b->voting_line > 0 ? b->voting_line : b->line);
        }
      json_builder_set_member_name (j, "periods");
      json_builder_begin_array (j);
      for (guint k = 0; k <= b->n_changes; k++)
        {
          GsTime from = k == 0 ? s->start : b->changes[k - 1].date;
          g_autoptr (GString) r = g_string_new (NULL);
          gs_power_rule_phrase_on (s, bp->body, from, r);
          json_builder_begin_object (j);
          gs__json_string (j, "from", gs_time_format_date (from, day));
          gs__json_string (j, "rule", r->str);
          json_builder_end_object (j);
        }
      json_builder_end_array (j);
      json_builder_end_object (j);
    }
  if (b->n_observers > 0)
    {
      json_builder_set_member_name (j, "observers");
      json_builder_begin_array (j);
      for (guint i = 0; i < b->n_observers; i++)
        {
          const GsPerson *p = GS_PERSON (s, b->observers[i]);
          json_builder_begin_object (j);
          gs__json_ref (j, "person", p->id, p->name);
          gs__json_double (j, "banzhaf", 0.0);
          gs__json_double (j, "shapley_shubik", 0.0);
          json_builder_end_object (j);
        }
      json_builder_end_array (j);
    }
  if (bp->people_skipped)
    gs__json_string (j, "people_skipped", gs__text_power_people_skipped);

  json_builder_set_member_name (j, "headline");
  json_builder_begin_array (j);
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  gs_power_headline (s, bp, lines);
  for (guint k = 0; k < lines->len; k++)
    json_builder_add_string_value (j, g_ptr_array_index (lines, k));
  json_builder_end_array (j);

  json_builder_set_member_name (j, "games");
  json_builder_begin_array (j);
  for (guint g = 0; g < bp->n_games; g++)
    write_game (j, s, bp, &bp->games[g]);
  json_builder_end_array (j);

  json_builder_set_member_name (j, "quorum");
  if (!bp->quorum_computed)
    json_builder_add_null_value (j);
  else
    {
      json_builder_begin_object (j);
      gs__json_double (j, "inquorate", bp->inquorate);
      json_builder_set_member_name (j, "members");
      json_builder_begin_array (j);
      for (guint i = 0; i < bp->n_quorum; i++)
        {
          const GsQuorumCriticality *q = &bp->quorum[i];
          json_builder_begin_object (j);
          gs__json_ref (j, "person", GS_PERSON (s, q->person)->id,
                        GS_PERSON (s, q->person)->name);
          gs__json_string (j, "body", GS_BODY (s, q->body)->id);
          gs__json_string (j, "deputy",
                           q->deputy >= 0 ? GS_PERSON (s, q->deputy)->id
                                          : NULL);
          gs__json_double (j, "attendance",
                           GS_PERSON (s, q->person)->attendance);
          gs__json_double (j, "inquorate_if_absent", q->inquorate_absent);
          gs__json_double (j, "inquorate_if_present", q->inquorate_present);
          gs__json_double (j, "criticality", q->criticality);
          if (q->vacant)
            gs__json_bool (j, "vacant", TRUE);
          json_builder_end_object (j);
        }
      json_builder_end_array (j);
      json_builder_end_object (j);
    }

  json_builder_set_member_name (j, "decisiveness");
  if (bp->n_matters == 0)
    json_builder_add_null_value (j);
  else
    {
      json_builder_begin_object (j);
      gs__json_string (j, "source",
                       bp->decisive_from_traffic ? "traffic" : "every-matter");
      json_builder_set_member_name (j, "matters");
      json_builder_begin_array (j);
      for (guint m = 0; m < bp->n_matters; m++)
        {
          const GsMatter *mt = GS_MATTER (s, bp->matters[m]);
          json_builder_begin_object (j);
          gs__json_ref (j, "matter", mt->id, mt->name);
          json_builder_set_member_name (j, "members");
          json_builder_begin_array (j);
          for (guint i = 0; i < b->n_members; i++)
            {
              const GsDecisiveness *d
                  = &bp->decisive[(gsize)m * b->n_members + i];
              json_builder_begin_object (j);
              gs__json_ref (j, "person", GS_PERSON (s, d->person)->id, NULL);
              gs__json_double (j, "decisive", d->decisive);
              gs__json_double (j, "banzhaf_raw", d->banzhaf_raw);
              json_builder_end_object (j);
            }
          json_builder_end_array (j);
          json_builder_end_object (j);
        }
      json_builder_end_array (j);
      json_builder_end_object (j);
    }
  json_builder_end_object (j);
}

void
gs_power_write_json (const GsScenario *s, const GsPowerReport *r, GString *out)
{
  g_autoptr (JsonBuilder) j
      = gs__json_begin ("power", s, gs_scenario_get_default_seed (s));
  json_builder_set_member_name (j, "bodies");
  json_builder_begin_array (j);
  for (guint i = 0; i < r->n_bodies; i++)
    write_body (j, s, &r->bodies[i]);
  json_builder_end_array (j);
  gs__json_finish (j, out);
}

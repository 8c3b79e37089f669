/* gs-load-bodies.c — boards, committees, officers, joint committees and
 * committees in common: members, quorum, voting rule, calendar, and (once
 * the ladders are read) each body's escalation clause.
 *
 * Invariants on the way out: a body's members are distinct people, its
 * chair is a member or -1, a joint body has at least two distinct parties,
 * and committees in common have one constituent per party, each of its own
 * party.  A quorum the membership can never meet is left for `govsim
 * check` (rule quorum-never-met), not refused.  Workload: linear in the
 * members and parties read (parties and members are capped by the schema).
 */
#include "io/gs-loader-private.h"

#include <string.h>

static const char *const agenda_orders[] = { "arrival", "deadline", NULL };

static void
read_calendar (GsLoader *l, xmlNodePtr meets, GsCalendar *cal)
{
  if (meets == NULL)
    return; /* the schema requires it; nothing more to say */
  if (gs__load_date (l, meets, "first", &cal->first)
      && (cal->first < l->s->start || cal->first >= l->s->end)
      && l->s->end > l->s->start)
    gs__load_error (l, gs__xml_line (meets),
                    "the first meeting falls outside the simulated period");
  gs__load_duration (l, meets, "every", TRUE, &cal->every);
  cal->capacity = (guint)gs__load_uint (meets, "capacity", 1);
  cal->notice = (GsDuration){ 0 };
  gs__load_duration (l, meets, "notice", FALSE, &cal->notice);
  cal->order = gs__load_enum (meets, "order", agenda_orders, GS_AGENDA_ARRIVAL);
}

/* Reads "N/D" (the schema has checked the shape) and checks 0 < N/D <= 1. */
static gboolean
fraction_attr (GsLoader *l, xmlNodePtr n, const char *name, guint *num,
               guint *den)
{
  g_autofree char *v = gs__xml_attr (n, name);
  if (v == NULL)
    return FALSE;
  char *slash = strchr (v, '/');
  if (slash == NULL)
    return FALSE;
  *num = (guint)g_ascii_strtoull (v, NULL, 10);
  *den = (guint)g_ascii_strtoull (slash + 1, NULL, 10);
  if (*num == 0 || *den == 0 || *num > *den)
    {
      gs__load_error (l, gs__xml_line (n),
                      "attribute '%s': the fraction %s is outside (0, 1]", name,
                      v);
      *num = *den = 1;
    }
  return TRUE;
}

static const char *const vote_rules[] = { "simple-majority",
                                          "absolute-majority",
                                          "qualified-majority",
                                          "weighted",
                                          "unanimity",
                                          "consensus",
                                          NULL };

/* <each-party roles="chair chief-executive">: the roles whose holders count
 * (bits 1 << GsRole), or 0 when the attribute is absent (any role). */
static guint32
party_roles (xmlNodePtr r)
{
  g_autofree char *v = gs__xml_attr (r, "roles");
  g_auto (GStrv) names = g_strsplit_set (v ? v : "", " \t\r\n", -1);
  guint32 bits = 0;
  for (char **name = names; *name; name++)
    {
      int role = **name ? gs__load_enum_value (*name, gs__load_roles) : -1;
      if (role >= 0) /* the schema has refused any other */
        bits |= 1u << role;
    }
  return bits;
}

/* Reads a body's quorum clause.  A quorum its membership can never meet
 * (more present than members, a role or party short, a chair required of a
 * body without one) is not refused here: the run simply finds every meeting
 * inquorate, and `govsim check` reports it (rule quorum-never-met), with
 * the line of the clause kept for it. */
static void
read_quorum (GsLoader *l, xmlNodePtr c, GsBody *b)
{
  GsQuorum *q = &b->quorum;
  xmlNodePtr qn = gs__xml_child (c, "quorum");
  *q = (GsQuorum){ .deputies_count = TRUE };
  if (qn == NULL)
    {
      /* Without a quorum clause, a majority of the members must attend. */
      q->present = b->n_members / 2 + 1;
      q->majority = TRUE;
      return;
    }
  b->quorum_line = (int)gs__xml_line (qn);
  q->present = (guint)gs__load_uint (qn, "present", 0);
  fraction_attr (l, qn, "fraction", &q->frac_num, &q->frac_den);
  q->chair_required = gs__load_bool (qn, "chair-required", FALSE);
  q->conflicted_count = gs__load_bool (qn, "conflicted-count", FALSE);
  q->deputies_count = gs__load_bool (qn, "deputies-count", TRUE);
  for (xmlNodePtr r = qn->children; r; r = r->next)
    {
      if (gs__xml_is_element (r, "role"))
        {
          int role = gs__load_enum (r, "name", gs__load_roles, 0);
          q->role_min[role] = (guint)gs__load_uint (r, "min", 1);
          b->role_line[role] = (int)gs__xml_line (r);
        }
      else if (gs__xml_is_element (r, "each-party"))
        {
          q->party_min = (guint)gs__load_uint (r, "min", 1);
          q->party_roles = party_roles (r);
          b->party_line = (int)gs__xml_line (r);
          if (b->kind != GS_BODY_JOINT_COMMITTEE)
            gs__load_error (l, gs__xml_line (r),
                            "each-party applies to a joint committee; '%s' "
                            "belongs to one organisation",
                            b->id);
        }
    }
}

/* Consensus first, then a majority vote: then="simple-majority",
 * "absolute-majority" or "qualified-majority" (with the element's fraction,
 * of and casting), then-at="same-meeting" or "next-meeting".  The consensus
 * rule itself takes no fraction, quota or casting vote. */
static void
read_fallback (GsLoader *l, xmlNodePtr vn, GsBody *b, gboolean has_fraction)
{
  static const char *const then_rules[]
      = { "simple-majority", "absolute-majority", "qualified-majority", NULL };
  g_autofree char *then = gs__xml_attr (vn, "then");
  g_autofree char *at = gs__xml_attr (vn, "then-at");
  long line = gs__xml_line (vn);
  GsVoting *v = &b->voting;
  b->has_fallback = FALSE;
  if (then == NULL)
    {
      if (at != NULL)
        gs__load_error (l, line,
                        "then-at says when a blocked consensus goes to a "
                        "majority vote, but there is no then=\"...\" rule");
      return;
    }
  if (v->rule != GS_RULE_CONSENSUS)
    {
      gs__load_error (l, line,
                      "then=\"%s\" is the vote after a blocked consensus, "
                      "but the rule is not consensus",
                      then);
      return;
    }
  int rule = gs__load_enum_value (then, then_rules);
  if (rule < 0)
    return; /* the schema has refused it */
  b->has_fallback = TRUE;
  b->fallback = *v;
  b->fallback.rule = (GsVoteRule)rule;
  b->fallback_next = at != NULL && strcmp (at, "next-meeting") == 0;
  v->casting = FALSE; /* the casting vote belongs to the majority vote */
  v->num = v->den = 0;
  if (b->fallback.rule == GS_RULE_QUALIFIED_MAJORITY && !has_fraction)
    gs__load_error (l, line,
                    "a qualified majority needs a fraction, such as "
                    "fraction=\"2/3\"");
  if (b->fallback.rule != GS_RULE_QUALIFIED_MAJORITY && has_fraction)
    gs__load_error (l, line, "a fraction applies only to a qualified majority");
  if (b->fallback_next && b->group >= 0)
    gs__load_error (l, line,
                    "a committee meeting in common votes with its group: "
                    "then-at=\"next-meeting\" is for a body that meets on "
                    "its own; use then-at=\"same-meeting\"");
}

static void
read_voting (GsLoader *l, xmlNodePtr c, GsBody *b)
{
  GsVoting *v = &b->voting;
  xmlNodePtr vn = gs__xml_child (c, "voting");
  *v = (GsVoting){ .rule = GS_RULE_SIMPLE_MAJORITY, .base = GS_BASE_CAST };
  b->deputies_vote = TRUE;
  if (vn == NULL)
    return;
  b->voting_line = (int)gs__xml_line (vn);
  v->rule = gs__load_enum (vn, "rule", vote_rules, GS_RULE_SIMPLE_MAJORITY);
  g_autofree char *of = gs__xml_attr (vn, "of");
  v->base = of && strcmp (of, "members") == 0 ? GS_BASE_MEMBERS : GS_BASE_CAST;
  g_autofree char *casting = gs__xml_attr (vn, "casting");
  v->casting = casting && strcmp (casting, "chair") == 0;
  b->deputies_vote = gs__load_bool (vn, "deputies-vote", TRUE);
  g_autofree char *conflicts = gs__xml_attr (vn, "conflicts");
  b->declare_only = conflicts != NULL && strcmp (conflicts, "declare") == 0;
  gboolean has_fraction = fraction_attr (l, vn, "fraction", &v->num, &v->den);
  v->quota = gs__load_uint (vn, "quota", 0);
  long line = gs__xml_line (vn);
  read_fallback (l, vn, b, has_fraction);
  if (!b->has_fallback && v->rule == GS_RULE_QUALIFIED_MAJORITY
      && !has_fraction)
    gs__load_error (l, line,
                    "a qualified majority needs a fraction, such as "
                    "fraction=\"2/3\"");
  if (!b->has_fallback && v->rule != GS_RULE_QUALIFIED_MAJORITY && has_fraction)
    gs__load_error (l, line, "a fraction applies only to a qualified majority");
  if (v->rule == GS_RULE_WEIGHTED)
    {
      guint64 total = 0;
      for (guint i = 0; i < b->n_members; i++)
        total += b->members[i].weight;
      if (v->quota == 0)
        gs__load_error (l, line, "weighted voting needs a quota");
      else if (v->quota > total)
        gs__load_error (l, line,
                        "the quota of %" G_GUINT64_FORMAT
                        " is above the total weight of '%s' (%" G_GUINT64_FORMAT
                        "), so nothing could ever be carried",
                        v->quota, b->id, total);
    }
  else if (v->quota > 0)
    gs__load_error (l, line, "a quota applies only to weighted voting");
  g_autofree char *per = gs__xml_attr (vn, "per");
  v->per_org = per != NULL && strcmp (per, "organisation") == 0;
  if (v->per_org && b->kind != GS_BODY_JOINT_COMMITTEE)
    gs__load_error (l, line,
                    "one vote per organisation (per=\"organisation\") applies "
                    "to a joint committee; '%s' belongs to one organisation",
                    b->id);
  else if (v->per_org && (v->casting || v->rule == GS_RULE_WEIGHTED))
    gs__load_error (l, line,
                    "with one vote per organisation (per=\"organisation\") "
                    "there is no %s",
                    v->casting ? "casting vote" : "weighted voting");
  if ((v->casting || (b->has_fallback && b->fallback.casting)) && b->chair < 0)
    gs__load_error (l, line,
                    "'%s' gives the chair a casting vote but has no "
                    "chair",
                    b->id);
}

/* A member's from="DATE" and until="DATE": the seat is theirs from the
 * one up to, not including, the other, and vacant outside. */
static void
read_tenure (GsLoader *l, xmlNodePtr m, GsMember *mem)
{
  gboolean has_from = gs__load_date (l, m, "from", &mem->from);
  gboolean has_until = gs__load_date (l, m, "until", &mem->until);
  if (has_from && has_until && mem->until <= mem->from)
    gs__load_error (l, gs__xml_line (m),
                    "the membership of '%s' ends (until) on or before it "
                    "begins (from)",
                    GS_PERSON (l->s, mem->person)->id);
}

static void
read_members (GsLoader *l, xmlNodePtr c, GsBody *b)
{
  GArray *members = g_array_new (FALSE, FALSE, sizeof (GsMember));
  int flagged_chair = -1;
  gs__marks_begin (&l->list, l->s->people->len);
  for (xmlNodePtr m = c->children; m; m = m->next)
    {
      if (!gs__xml_is_element (m, "member"))
        continue;
      int p = gs__load_ref (l, m, "person", "person", gs_scenario_find_person);
      g_autofree char *deputy_attr = gs__xml_attr (m, "deputy");
      int deputy
          = gs__load_ref (l, m, "deputy", "deputy", gs_scenario_find_person);
      if (p < 0)
        continue;
      if (!gs__marks_add (&l->list, (guint)p))
        {
          gs__load_error (l, gs__xml_line (m), "'%s' is a member of '%s' twice",
                          GS_PERSON (l->s, p)->id, b->id);
          continue;
        }
      if (deputy == p)
        gs__load_error (l, gs__xml_line (m), "'%s' cannot be their own deputy",
                        GS_PERSON (l->s, p)->id);
      if (gs__load_bool (m, "chair", FALSE))
        {
          if (flagged_chair >= 0)
            gs__load_error (l, gs__xml_line (m), "'%s' has two chairs", b->id);
          flagged_chair = (int)members->len;
        }
      GsMember mem = { .person = (guint)p,
                       .deputy = deputy_attr ? deputy : -1,
                       .weight = (guint)gs__load_uint (m, "weight", 1),
                       .from = G_MININT64,
                       .until = G_MAXINT64 };
      read_tenure (l, m, &mem);
      g_array_append_val (members, mem);
    }
  b->n_members = members->len;
  b->members = (GsMember *)g_array_free (members, FALSE);
  /* The chair: the member marked so, else the first whose role is chair. */
  b->chair = flagged_chair;
  for (guint i = 0; b->chair < 0 && i < b->n_members; i++)
    if (GS_PERSON (l->s, b->members[i].person)->role == GS_ROLE_CHAIR)
      b->chair = (int)i;
}

/* The <observer> children of @c: people in attendance who are not
 * members.  Read after the members. */
static void
read_observers (GsLoader *l, xmlNodePtr c, GsBody *b)
{
  GArray *observers = g_array_new (FALSE, FALSE, sizeof (guint));
  for (xmlNodePtr o = c->children; o; o = o->next)
    {
      if (!gs__xml_is_element (o, "observer"))
        continue;
      int p = gs__load_ref (l, o, "person", "person", gs_scenario_find_person);
      if (p < 0)
        continue;
      gboolean member = FALSE, twice = FALSE;
      for (guint i = 0; i < b->n_members; i++)
        member |= b->members[i].person == (guint)p;
      for (guint i = 0; i < observers->len; i++)
        twice |= g_array_index (observers, guint, i) == (guint)p;
      if (member)
        gs__load_error (l, gs__xml_line (o),
                        "'%s' is both a member and an observer of '%s'",
                        GS_PERSON (l->s, p)->id, b->id);
      else if (twice)
        gs__load_error (l, gs__xml_line (o),
                        "'%s' is an observer of '%s' twice",
                        GS_PERSON (l->s, p)->id, b->id);
      else
        {
          guint pi = (guint)p;
          g_array_append_val (observers, pi);
        }
    }
  b->n_observers = observers->len;
  b->observers = (guint *)g_array_free (observers, FALSE);
}

/* "a b c" -> organisation indices, each at most once. */
static gint32 *
read_parties (GsLoader *l, xmlNodePtr n, guint *n_out)
{
  g_autofree char *v = gs__xml_attr (n, "parties");
  GArray *out = g_array_new (FALSE, FALSE, sizeof (gint32));
  g_auto (GStrv) ids = g_strsplit_set (v ? v : "", " \t\r\n", -1);
  gs__marks_begin (&l->list, l->s->organisations->len);
  for (char **id = ids; *id; id++)
    {
      if (**id == '\0')
        continue;
      gint32 o = gs__load_find_org (l->s, *id);
      gboolean dup = o >= 0 && !gs__marks_add (&l->list, (guint)o);
      if (o < 0)
        gs__load_error (l, gs__xml_line (n),
                        "organisation '%s' is not defined (attribute "
                        "'parties')",
                        *id);
      else if (dup)
        gs__load_error (l, gs__xml_line (n), "party '%s' is listed twice", *id);
      else
        g_array_append_val (out, o);
    }
  if (out->len < 2)
    gs__load_error (l, gs__xml_line (n), "'%s' needs at least two parties",
                    (const char *)n->name);
  *n_out = out->len;
  return (gint32 *)g_array_free (out, FALSE);
}

/* Reads a body's common parts: id, name, members, quorum, voting, and (for
 * bodies that meet on their own) the calendar.  Returns its index. */
static guint
read_body (GsLoader *l, xmlNodePtr c, GsBodyKind kind, int group)
{
  GsBody b = { 0 };
  b.id = gs__load_intern (l, c, "id");
  b.name = gs__load_intern (l, c, "name");
  b.kind = kind;
  b.group = group;
  b.org = -1;
  b.escalation.ladder = -1;
  b.line = (int)gs__xml_line (c);
  gs__load_claim_id (l, c, b.id);

  if (kind == GS_BODY_JOINT_COMMITTEE || kind == GS_BODY_CIC)
    b.parties = read_parties (l, c, &b.n_parties);
  else
    {
      b.org = gs__load_ref (l, c, "org", "organisation", gs__load_find_org);
      b.n_parties = 1;
      b.parties = g_new (gint32, 1);
      b.parties[0] = b.org;
    }

  if (kind == GS_BODY_OFFICER)
    {
      int p = gs__load_ref (l, c, "person", "person", gs_scenario_find_person);
      b.members = g_new0 (GsMember, 1);
      b.n_members = p >= 0 ? 1 : 0;
      b.members[0] = (GsMember){ .person = (guint)MAX (p, 0),
                                 .deputy = -1,
                                 .from = G_MININT64,
                                 .until = G_MAXINT64,
                                 .weight = 1 };
      b.chair = -1;
      b.quorum = (GsQuorum){ .present = 1, .deputies_count = TRUE };
      b.voting = (GsVoting){ .rule = GS_RULE_SIMPLE_MAJORITY };
      b.deputies_vote = TRUE;
    }
  else if (kind == GS_BODY_CIC)
    read_observers (l, c, &b);
  else
    {
      read_members (l, c, &b);
      read_observers (l, c, &b);
      read_quorum (l, c, &b);
      read_voting (l, c, &b);
    }
  gs__load_urgent (l, c, &b);
  if (group < 0)
    read_calendar (l, gs__xml_child (c, "meets"), &b.calendar);
  gs__scenario_add_id (l->s, GS_IDS_BODY, b.id, l->s->bodies->len);
  g_array_append_val (l->s->bodies, b);
  g_ptr_array_add (l->body_nodes, c);
  return l->s->bodies->len - 1;
}

static void
read_cic (GsLoader *l, xmlNodePtr c)
{
  guint gi = read_body (l, c, GS_BODY_CIC, -1);
  GArray *constituents = g_array_new (FALSE, FALSE, sizeof (guint));
  for (xmlNodePtr k = c->children; k; k = k->next)
    if (gs__xml_is_element (k, "committee"))
      {
        guint ki = read_body (l, k, GS_BODY_COMMITTEE, (int)gi);
        g_array_append_val (constituents, ki);
      }
  GsBody *g = GS_BODY (l->s, gi); /* after the appends that may move it */
  g->n_constituents = constituents->len;
  g->constituents = (guint *)g_array_free (constituents, FALSE);
  /* The run decides in common with fixed arrays of 64 (decide_in_common in
   * gs-run.c), so the cap must never exceed them; the schema states it too
   * (maxOccurs of committee), but the engine's arrays are not left to
   * depend on the schema alone. */
  G_STATIC_ASSERT (GS_LIMIT_CONSTITUENTS_MAX <= 64);
  if (g->n_constituents > GS_LIMIT_CONSTITUENTS_MAX)
    gs__load_error (l, gs__xml_line (c),
                    "'%s' has %u constituent committees; govsim allows at "
                    "most %d (GS_LIMIT_CONSTITUENTS_MAX)",
                    g->id, g->n_constituents, GS_LIMIT_CONSTITUENTS_MAX);
  g_autofree char *rule = gs__xml_attr (c, "rule");
  g->cic_rule = rule == NULL || strcmp (rule, "all") == 0 ? GS_CIC_ALL
                : strcmp (rule, "majority") == 0          ? GS_CIC_MAJORITY
                                                          : GS_CIC_AT_LEAST;
  g->cic_n = (guint)gs__load_uint (c, "n", 0);
  if (g->cic_rule == GS_CIC_AT_LEAST
      && (g->cic_n == 0 || g->cic_n > g->n_constituents))
    gs__load_error (l, gs__xml_line (c),
                    "rule=\"at-least\" needs n between 1 and the number of "
                    "constituents (%u)",
                    g->n_constituents);

  /* One constituent per party, each of its own party.  The parties are
   * marked first: a list of them has no cap but the file's size.  (The
   * constituents have one, so comparing them pairwise costs little.) */
  gs__marks_begin (&l->other, l->s->organisations->len);
  for (guint j = 0; j < g->n_parties; j++)
    gs__marks_add (&l->other, (guint)g->parties[j]);
  for (guint i = 0; i < g->n_constituents; i++)
    {
      const GsBody *k = GS_BODY (l->s, g->constituents[i]);
      if (k->org < 0)
        continue;
      if (!gs__marks_has (&l->other, (guint)k->org))
        gs__load_error (l, k->line,
                        "constituent '%s' belongs to '%s', which is not a "
                        "party to '%s'",
                        k->id, GS_ORG (l->s, k->org)->id, g->id);
      for (guint j = 0; j < i; j++)
        if (GS_BODY (l->s, g->constituents[j])->org == k->org)
          gs__load_error (l, k->line,
                          "'%s' and '%s' are both constituents for '%s': each "
                          "party has one committee",
                          GS_BODY (l->s, g->constituents[j])->id, k->id,
                          GS_ORG (l->s, k->org)->id);
    }
  gs__marks_begin (&l->other, l->s->organisations->len);
  for (guint i = 0; i < g->n_constituents; i++)
    if (GS_BODY (l->s, g->constituents[i])->org >= 0)
      gs__marks_add (&l->other, (guint)GS_BODY (l->s, g->constituents[i])->org);
  for (guint j = 0; j < g->n_parties; j++)
    {
      if (!gs__marks_has (&l->other, (guint)g->parties[j]))
        gs__load_error (l, gs__xml_line (c),
                        "party '%s' has no committee in '%s'",
                        GS_ORG (l->s, g->parties[j])->id, g->id);
    }
}

void
gs__load_bodies (GsLoader *l, xmlNodePtr root)
{
  for (xmlNodePtr c = root->children; c; c = c->next)
    {
      if (gs__xml_is_element (c, "board"))
        read_body (l, c, GS_BODY_BOARD, -1);
      else if (gs__xml_is_element (c, "committee"))
        read_body (l, c, GS_BODY_COMMITTEE, -1);
      else if (gs__xml_is_element (c, "advisory-group"))
        read_body (l, c, GS_BODY_ADVISORY, -1);
      else if (gs__xml_is_element (c, "officer"))
        read_body (l, c, GS_BODY_OFFICER, -1);
      else if (gs__xml_is_element (c, "joint-committee"))
        read_body (l, c, GS_BODY_JOINT_COMMITTEE, -1);
      else if (gs__xml_is_element (c, "committees-in-common"))
        read_cic (l, c);
    }
}

static const char *const trigger_names[]
    = { "tie", "blocked", "split", "not-carried", NULL };
static const guint trigger_bits[]
    = { GS_TRIGGER_TIE, GS_TRIGGER_BLOCKED, GS_TRIGGER_SPLIT,
        GS_TRIGGER_NOT_CARRIED };

/* A body's <escalation>, once the ladders are known. */
static void
read_escalation (GsLoader *l, xmlNodePtr c, GsBody *b)
{
  xmlNodePtr e = gs__xml_child (c, "escalation");
  if (e == NULL)
    return;
  long line = gs__xml_line (e);
  GsEscalation *esc = &b->escalation;
  esc->ladder = gs__load_ref (l, e, "ladder", "ladder", gs__load_find_ladder);
  g_autofree char *on = gs__xml_attr (e, "on");
  g_auto (GStrv) tokens = g_strsplit_set (on ? on : "", " \t\r\n", -1);
  for (char **t = tokens; *t; t++)
    {
      if (**t == '\0')
        continue;
      int k = gs__load_enum_value (*t, trigger_names);
      if (k < 0)
        continue; /* the schema has already refused it */
      esc->triggers |= trigger_bits[k];
      if (trigger_bits[k] == GS_TRIGGER_SPLIT && b->kind != GS_BODY_CIC)
        gs__load_error (l, line,
                        "on=\"split\" applies only to committees in common, "
                        "and '%s' is a %s",
                        b->id, gs_body_kind_to_string (b->kind));
    }
  g_autofree char *inquorate = gs__xml_attr (e, "inquorate");
  if (inquorate != NULL)
    {
      esc->triggers |= GS_TRIGGER_INQUORATE;
      esc->inquorate_n = (guint)gs__load_uint (e, "inquorate", 1);
    }
  g_autofree char *before = gs__xml_attr (e, "before-deadline");
  if (before != NULL)
    {
      esc->triggers |= GS_TRIGGER_DEADLINE;
      gs__load_duration (l, e, "before-deadline", TRUE, &esc->before_deadline);
    }
  if (esc->triggers == 0)
    gs__load_error (l, line,
                    "the escalation names no trigger: give on, inquorate or "
                    "before-deadline");
}

void
gs__load_escalations (GsLoader *l)
{
  for (guint i = 0; i < l->s->bodies->len; i++)
    read_escalation (l, g_ptr_array_index (l->body_nodes, i),
                     GS_BODY (l->s, i));
}

/* ---- amendments during the period ------------------------------------- */

typedef struct
{
  GsTime date;
  int line;
  xmlNodePtr node;
} Amendment;

static gint
amendment_order (gconstpointer a, gconstpointer b)
{
  const Amendment *x = a, *y = b;
  if (x->date != y->date)
    return x->date < y->date ? -1 : 1;
  return (x->line > y->line) - (x->line < y->line);
}

/* One <amend-body>: the body it amends, or -1 (reported). */
static int
read_amendment (GsLoader *l, xmlNodePtr n, Amendment *out)
{
  int bi = gs__load_ref (l, n, "body", "body", gs_scenario_find_body);
  long line = gs__xml_line (n);
  *out = (Amendment){ .line = (int)line, .node = n };
  gboolean dated = gs__load_date (l, n, "date", &out->date);
  if (dated && l->s->end > l->s->start
      && (out->date < l->s->start || out->date >= l->s->end))
    {
      gs__load_error (l, line,
                      "the change takes effect outside the simulated period");
      dated = FALSE;
    }
  if (bi < 0 || !dated)
    return -1;
  const GsBody *b = GS_BODY (l->s, bi);
  if (b->kind == GS_BODY_OFFICER || b->kind == GS_BODY_CIC || b->group >= 0)
    {
      gs__load_error (l, line,
                      "'%s' is %s: only a board, committee, advisory group "
                      "or joint committee meeting on its own has a quorum "
                      "and voting rule to amend",
                      b->id,
                      b->kind == GS_BODY_OFFICER ? "an officer"
                      : b->kind == GS_BODY_CIC   ? "committees in common"
                                                 : "a committee meeting in "
                                                   "common");
      return -1;
    }
  if (gs__xml_child (n, "quorum") == NULL
      && gs__xml_child (n, "voting") == NULL)
    {
      gs__load_error (l, line,
                      "the change to '%s' gives neither a quorum nor a "
                      "voting rule",
                      b->id);
      return -1;
    }
  return bi;
}

/* The changes of body @bi, sorted: each copy starts from the body as the
 * change before it left it, so a change that gives only a quorum keeps the
 * voting rule then in force. */
static void
build_changes (GsLoader *l, guint bi, GArray *a)
{
  g_array_sort (a, amendment_order);
  GsBody *b = GS_BODY (l->s, bi);
  GsBodyChange *changes = g_new0 (GsBodyChange, a->len);
  const GsBody *before = b;
  for (guint i = 0; i < a->len; i++)
    {
      const Amendment *am = &g_array_index (a, Amendment, i);
      if (i > 0 && am->date == changes[i - 1].date)
        gs__load_error (l, am->line,
                        "'%s' is already amended on that date (line %d)", b->id,
                        changes[i - 1].line);
      GsBodyChange *c = &changes[i];
      c->date = am->date;
      c->line = am->line;
      c->body = *before;
      c->body.changes = NULL;
      c->body.n_changes = 0;
      if (gs__xml_child (am->node, "quorum") != NULL)
        read_quorum (l, am->node, &c->body);
      if (gs__xml_child (am->node, "voting") != NULL)
        read_voting (l, am->node, &c->body);
      before = &c->body;
    }
  b->n_changes = a->len;
  b->changes = changes;
}

void
gs__load_amendments (GsLoader *l, xmlNodePtr root)
{
  guint n_bodies = l->s->bodies->len;
  GArray **per_body = g_new0 (GArray *, MAX (n_bodies, 1));
  for (xmlNodePtr n = root->children; n; n = n->next)
    {
      if (!gs__xml_is_element (n, "amend-body"))
        continue;
      Amendment am;
      int bi = read_amendment (l, n, &am);
      if (bi < 0)
        continue;
      if (per_body[bi] == NULL)
        per_body[bi] = g_array_new (FALSE, FALSE, sizeof (Amendment));
      g_array_append_val (per_body[bi], am);
    }
  for (guint bi = 0; bi < n_bodies; bi++)
    if (per_body[bi] != NULL)
      {
        build_changes (l, bi, per_body[bi]);
        g_array_unref (per_body[bi]);
      }
  g_free (per_body);
}

/* gs-load-urgent.c — a body's <urgent> clause: how its terms of reference
 * let an urgent proposal be decided between meetings, by chair's action
 * or by a written resolution of the members.
 *
 * Invariants on the way out: a body with chair's action has a chair (and,
 * with with="chief-executive", a member who is a chief executive); a
 * written resolution has days >= 1 and a share in (0, 1].  Only a board,
 * committee or joint committee that meets on its own takes the clause:
 * not an officer, who decides alone at every sign-off anyway, and not
 * committees in common, whose committees each decide for their own
 * organisation and only together (the schema keeps the clause out of a
 * constituent; the clause on the group is refused here with the reason).
 */
#include "io/gs-loader-private.h"

#include <string.h>

/* Whether a member of @b holds a post as chief executive. */
static gboolean
has_chief_executive (const GsScenario *s, const GsBody *b)
{
  for (guint i = 0; i < b->n_members; i++)
    {
      guint n;
      const GsPost *posts = gs__person_posts (s, b->members[i].person, &n);
      for (guint k = 0; k < n; k++)
        if (posts[k].role == GS_ROLE_CHIEF_EXECUTIVE)
          return TRUE;
    }
  return FALSE;
}

static void
read_share (GsLoader *l, xmlNodePtr u, GsBody *b)
{
  g_autofree char *v = gs__xml_attr (u, "fraction");
  b->urgent_num = 1;
  b->urgent_den = 2;
  if (v == NULL)
    return;
  char *slash = strchr (v, '/');
  if (slash == NULL)
    return; /* the schema has refused it */
  guint num = (guint)g_ascii_strtoull (v, NULL, 10);
  guint den = (guint)g_ascii_strtoull (slash + 1, NULL, 10);
  if (num == 0 || den == 0 || num >= den)
    gs__load_error (
        l, gs__xml_line (u),
        "a written resolution passes with more than fraction=\"%s\" "
        "of all members: the fraction must lie in (0, 1)",
        v);
  else
    {
      b->urgent_num = num;
      b->urgent_den = den;
    }
}

void
gs__load_urgent (GsLoader *l, xmlNodePtr c, GsBody *b)
{
  xmlNodePtr u = gs__xml_child (c, "urgent");
  b->urgent = GS_URGENT_NONE;
  b->urgent_limit = GS_VALUE_MAX;
  if (u == NULL)
    return;
  long line = gs__xml_line (u);
  b->urgent_line = (int)line;
  if (b->kind == GS_BODY_CIC)
    {
      /* Each committee decides for its own organisation, and only at the
       * meeting in common: an urgent decision between meetings would be
       * each organisation's own act, under its own terms of reference. */
      gs__load_error (l, line,
                      "urgent decisions between meetings apply to a board, "
                      "committee or joint committee that meets on its own; "
                      "'%s' is committees in common, whose committees each "
                      "decide for their own organisation only at the "
                      "meeting in common: give the <urgent> clause to each "
                      "organisation's own board or committee instead",
                      b->id);
      return;
    }
  if (b->group >= 0 || b->kind == GS_BODY_OFFICER)
    {
      gs__load_error (l, line,
                      "urgent decisions between meetings apply to a board, "
                      "committee or joint committee that meets on its own; "
                      "'%s' is not one",
                      b->id);
      return;
    }
  g_autofree char *route = gs__xml_attr (u, "route");
  g_autofree char *up_to = gs__xml_attr (u, "up-to");
  g_autofree char *with = gs__xml_attr (u, "with");
  g_autofree char *days = gs__xml_attr (u, "days");
  g_autofree char *rule = gs__xml_attr (u, "rule");
  g_autofree char *fraction = gs__xml_attr (u, "fraction");
  g_autofree char *waits = gs__xml_attr (u, "locked-gateways");
  b->urgent_waits = waits != NULL; /* the schema allows only "wait" */
  if (route != NULL && strcmp (route, "chair") == 0)
    {
      b->urgent = GS_URGENT_CHAIR;
      if (days != NULL || rule != NULL || fraction != NULL)
        gs__load_error (l, line,
                        "days, rule and fraction belong to a written "
                        "resolution (route=\"written\"), not to chair's "
                        "action");
      if (up_to != NULL)
        b->urgent_limit = (gint64)gs__load_uint (u, "up-to", 0);
      b->urgent_with_ce = with != NULL;
      if (b->chair < 0)
        gs__load_error (l, line, "'%s' allows chair's action but has no chair",
                        b->id);
      if (b->urgent_with_ce && !has_chief_executive (l->s, b))
        gs__load_error (l, line,
                        "chair's action with=\"chief-executive\", but no "
                        "member of '%s' is a chief executive",
                        b->id);
      return;
    }
  b->urgent = GS_URGENT_WRITTEN;
  if (up_to != NULL || with != NULL)
    gs__load_error (l, line,
                    "up-to and with belong to chair's action "
                    "(route=\"chair\"), not to a written resolution");
  if (days == NULL)
    gs__load_error (l, line,
                    "a written resolution needs days=\"N\": the days members "
                    "have to return it");
  b->urgent_days = (guint)MIN (gs__load_uint (u, "days", 1), 367);
  if (b->urgent_days > 366)
    {
      gs__load_error (l, line, "a written resolution may run at most 366 days");
      b->urgent_days = 366;
    }
  b->urgent_unanimous = rule == NULL || strcmp (rule, "unanimous") == 0;
  if (b->urgent_unanimous && fraction != NULL)
    gs__load_error (l, line,
                    "a fraction applies only to rule=\"majority\"; a "
                    "unanimous written resolution needs every member");
  read_share (l, u, b);
}

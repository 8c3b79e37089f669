/* gs-graph.c — the structure of a collaborative drawn by Graphviz:
 * `govsim graph` (DOT through cgraph, SVG through gvc) and the picture in
 * the HTML report.
 *
 * The graph is built once with cgraph from the scenario, then either
 * written as DOT (agwrite) or laid out by dot and rendered to SVG
 * (gvLayout, gvRenderData).  What it shows:
 *   - each organisation as a cluster holding a node for itself and its
 *     bodies (boards, committees, advisory groups, officers, and its
 *     constituent committee of any committees in common);
 *   - joint committees and committees in common outside every cluster, with
 *     a dashed edge from each party organisation ("N members") and a bold
 *     line to each constituent committee ("in common");
 *   - delegations as blue edges from delegator to delegate, labelled with
 *     their matters, limit and dates;
 *   - each explicit pathway as a green chain from a node for the pathway
 *     through its gateways' bodies, edges numbered by gateway;
 *   - each escalation ladder as a purple chain of its levels, a dotted
 *     edge to the body that decides at a level, a dashed one to each body
 *     a referral level refers to (labelled with the approvals it needs and
 *     its time), and from each body whose disputes climb it;
 *   - a body's observers as a grey dashed note beside it ("observes"),
 *     never as members;
 *   - what the static review blames in red: the element's node, cluster or
 *     edge, with the rule ids in its label and the sentences as tooltips.
 * Every string from the scenario reaches Graphviz as an ordinary (not an
 * HTML-like) label with its backslashes doubled, so no name can inject an
 * escape sequence; the SVG renderer escapes XML itself.  A gvc context is
 * made per call: Graphviz keeps no state here between two drawings.
 */
#include "write/gs-json-private.h"
#include "write/gs-write-private.h"

#include <govsim/gs-phrase.h>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <stdio.h>
#include <string.h>

#define RED    "#c0392b"
#define BLUE   "#1f5fa8"
#define GREY   "#7f8c8d"
#define GREEN  "#2e7d32"
#define PURPLE "#6a3d9a"

/* The findings that blame each element, as "rule-id" lists and sentences. */
typedef struct
{
  GString **rules;    /* by key, NULL when unblamed */
  GString **messages; /* by key */
  guint n;
} Marks;

typedef struct
{
  const GsScenario *s;
  Agraph_t *g;
  Agnode_t **body_nodes;
  Agnode_t **org_nodes;
  Agraph_t **clusters;
  /* Marks, each indexed by the element's position in its array. */
  Marks orgs, bodies, delegations, pathways, gateways, ladders, levels;
  guint *gateway_base; /* pathway p's gateways are gateway_base[p] + g */
  guint *level_base;
} Graph;

static void
marks_init (Marks *m, guint n)
{
  m->n = n;
  m->rules = g_new0 (GString *, MAX (n, 1));
  m->messages = g_new0 (GString *, MAX (n, 1));
}

static void
marks_clear (Marks *m)
{
  for (guint i = 0; i < m->n; i++)
    {
      if (m->rules[i])
        g_string_free (m->rules[i], TRUE);
      if (m->messages[i])
        g_string_free (m->messages[i], TRUE);
    }
  g_free (m->rules);
  g_free (m->messages);
}

static gboolean
marks_add (Marks *m, int i, const GsFinding *f)
{
  if (i < 0 || (guint)i >= m->n)
    return FALSE;
  if (m->rules[i] == NULL)
    {
      m->rules[i] = g_string_new (NULL);
      m->messages[i] = g_string_new (NULL);
    }
  if (strstr (m->rules[i]->str, f->rule->id) == NULL)
    g_string_append_printf (m->rules[i], "%s%s", m->rules[i]->len ? ", " : "",
                            f->rule->id);
  g_string_append_printf (m->messages[i], "%s%s: %s",
                          m->messages[i]->len ? "\n" : "", f->rule->id,
                          f->message);
  return TRUE;
}

/* Which element of its kind @el is: by id where ids are unique, else by
 * the line it starts on. */
static gboolean
mark_element (Graph *gr, const GsCheckElement *el, const GsFinding *f)
{
  const GsScenario *s = gr->s;
  gboolean hit = FALSE;
  switch (el->kind)
    {
      case GS_ELEMENT_ORGANISATION:
        for (guint i = 0; i < s->organisations->len; i++)
          if (GS_ORG (s, i)->line == el->line)
            hit |= marks_add (&gr->orgs, (int)i, f);
        break;
      case GS_ELEMENT_BODY:
      case GS_ELEMENT_QUORUM:
      case GS_ELEMENT_VOTING:
        if (el->id != NULL)
          hit |= marks_add (&gr->bodies, gs_scenario_find_body (s, el->id), f);
        break;
      case GS_ELEMENT_DELEGATION:
        for (guint i = 0; i < s->delegations->len; i++)
          if (GS_DELEGATION (s, i)->line == el->line)
            hit |= marks_add (&gr->delegations, (int)i, f);
        break;
      case GS_ELEMENT_PATHWAY:
        for (guint i = 0; i < s->pathways->len; i++)
          if (GS_PATHWAY (s, i)->line == el->line)
            hit |= marks_add (&gr->pathways, (int)i, f);
        break;
      case GS_ELEMENT_GATEWAY:
        for (guint p = 0; p < s->pathways->len; p++)
          for (guint g = 0; g < GS_PATHWAY (s, p)->n_gateways; g++)
            if (GS_PATHWAY (s, p)->gateways[g].line == el->line)
              hit |= marks_add (&gr->gateways, (int)(gr->gateway_base[p] + g),
                                f);
        break;
      case GS_ELEMENT_LADDER:
        for (guint i = 0; i < s->ladders->len; i++)
          if (GS_LADDER (s, i)->line == el->line)
            hit |= marks_add (&gr->ladders, (int)i, f);
        break;
      case GS_ELEMENT_LEVEL:
        for (guint l = 0; l < s->ladders->len; l++)
          for (guint k = 0; k < GS_LADDER (s, l)->n_levels; k++)
            if (GS_LADDER (s, l)->levels[k].line == el->line)
              hit |= marks_add (&gr->levels, (int)(gr->level_base[l] + k), f);
        break;
      case GS_ELEMENT_SCHEME:
      case GS_ELEMENT_RESERVED:
        for (guint i = 0; i < s->organisations->len; i++)
          if (GS_ORG (s, i)->scheme_line == el->line
              || GS_ORG (s, i)->reserved_line == el->line)
            hit |= marks_add (&gr->orgs, (int)i, f);
        break;
      default:
        /* People, matters, proposals and streams are not drawn. */
        break;
    }
  return hit;
}

/* @text with backslashes doubled, so Graphviz reads none as an escape. */
static char *
plain (const char *text)
{
  GString *out = g_string_new (NULL);
  for (const char *p = text; *p; p++)
    {
      if (*p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
set (void *obj, const char *key, const char *value)
{
  agsafeset (obj, (char *)key, (char *)value, "");
}

/* Sets the label of @obj to @label (scenario text, made plain) and, when
 * @m marks element @i, draws it in red with the rule ids under the label
 * and the sentences as its tooltip. */
static void
label_marked (void *obj, const char *label, const Marks *m, guint i,
              gboolean edge)
{
  g_autofree char *text = plain (label);
  if (m != NULL && i < m->n && m->rules[i] != NULL)
    {
      g_autofree char *rules = plain (m->rules[i]->str);
      g_autofree char *full = g_strdup_printf ("%s\n⚠ %s", text, rules);
      g_autofree char *tip = plain (m->messages[i]->str);
      set (obj, "label", full);
      set (obj, "tooltip", tip);
      set (obj, "color", RED);
      set (obj, "fontcolor", RED);
      set (obj, "penwidth", "2.5");
      if (!edge)
        set (obj, "class", "finding");
      return;
    }
  set (obj, "label", text);
}

static const char *
body_shape (GsBodyKind k)
{
  switch (k)
    {
      case GS_BODY_BOARD:
        return "box3d";
      case GS_BODY_ADVISORY:
        return "note";
      case GS_BODY_OFFICER:
        return "oval";
      case GS_BODY_JOINT_COMMITTEE:
        return "doubleoctagon";
      case GS_BODY_CIC:
        return "tab";
      case GS_BODY_COMMITTEE:
      default:
        return "box";
    }
}

static void
add_organisations (Graph *gr)
{
  const GsScenario *s = gr->s;
  for (guint i = 0; i < s->organisations->len; i++)
    {
      const GsOrganisation *o = GS_ORG (s, i);
      g_autofree char *cname = g_strdup_printf ("cluster_o%u", i);
      Agraph_t *c = agsubg (gr->g, cname, 1);
      gr->clusters[i] = c;
      label_marked (c, o->name, &gr->orgs, i, FALSE);
      set (c, "style", "rounded");
      g_autofree char *nname = g_strdup_printf ("o%u", i);
      Agnode_t *n = agnode (c, nname, 1);
      gr->org_nodes[i] = n;
      g_autofree char *kind = g_strdup (gs_org_kind_to_string (o->kind));
      g_strdelimit (kind, "-", ' ');
      g_autofree char *lab = g_strdup_printf ("%s\n(%s)", o->id, kind);
      label_marked (n, lab, NULL, 0, FALSE);
      set (n, "shape", "folder");
      set (n, "style", "filled");
      set (n, "fillcolor", "#f2f2f2");
    }
}

static void
add_bodies (Graph *gr)
{
  const GsScenario *s = gr->s;
  for (guint i = 0; i < s->bodies->len; i++)
    {
      const GsBody *b = GS_BODY (s, i);
      Agraph_t *where = b->org >= 0 ? gr->clusters[b->org] : gr->g;
      g_autofree char *nname = g_strdup_printf ("b%u", i);
      Agnode_t *n = agnode (where, nname, 1);
      gr->body_nodes[i] = n;
      g_autofree char *kind = g_strdup (gs_body_kind_to_string (b->kind));
      g_strdelimit (kind, "-", ' ');
      g_autofree char *lab = g_strdup_printf ("%s\n(%s)", b->name, kind);
      label_marked (n, lab, &gr->bodies, i, FALSE);
      set (n, "shape", body_shape (b->kind));
      set (n, "id", nname);
    }
  /* Memberships: parties of joint committees, constituents in common. */
  for (guint i = 0; i < s->bodies->len; i++)
    {
      const GsBody *b = GS_BODY (s, i);
      if (b->kind == GS_BODY_JOINT_COMMITTEE)
        for (guint k = 0; k < b->n_parties; k++)
          {
            /* A member serves each party they hold a post at (a shared
             * chief executive, each of their trusts), as the quorum and
             * the vote count them. */
            guint org = (guint)b->parties[k], seats = 0, shared = 0;
            for (guint m = 0; m < b->n_members; m++)
              if (gs__person_serves (s, b->members[m].person, (int)org))
                {
                  seats++;
                  guint others = 0;
                  for (guint q = 0; q < b->n_parties; q++)
                    others += gs__person_serves (s, b->members[m].person,
                                                 b->parties[q]);
                  shared += others > 1;
                }
            Agedge_t *e = agedge (gr->g, gr->org_nodes[org], gr->body_nodes[i],
                                  NULL, 1);
            g_autofree char *lab
                = shared > 0
                      ? g_strdup_printf ("%u member%s (%u shared)", seats,
                                         seats == 1 ? "" : "s", shared)
                      : g_strdup_printf ("%u member%s", seats,
                                         seats == 1 ? "" : "s");
            set (e, "label", lab);
            set (e, "style", "dashed");
            set (e, "arrowhead", "none");
          }
      if (b->n_observers > 0)
        {
          /* Observers: in attendance, no vote, not counted — a grey note
           * beside the body, never a member edge. */
          g_autofree char *oname = g_strdup_printf ("o%u", i);
          Agnode_t *on = agnode (gr->g, oname, 1);
          g_autoptr (GString) olab = g_string_new ("observers:");
          for (guint k = 0; k < b->n_observers; k++)
            g_string_append_printf (olab, "\n%s",
                                    GS_PERSON (s, b->observers[k])->name);
          g_string_append (olab, "\n(no vote, not counted)");
          label_marked (on, olab->str, NULL, 0, FALSE);
          set (on, "shape", "note");
          set (on, "style", "dashed");
          set (on, "color", GREY);
          set (on, "fontcolor", GREY);
          Agedge_t *e = agedge (gr->g, on, gr->body_nodes[i], NULL, 1);
          set (e, "label", "observes");
          set (e, "style", "dashed");
          set (e, "color", GREY);
          set (e, "fontcolor", GREY);
          set (e, "arrowhead", "odot");
        }
      if (b->kind == GS_BODY_CIC)
        for (guint k = 0; k < b->n_constituents; k++)
          {
            Agedge_t *e = agedge (gr->g, gr->body_nodes[b->constituents[k]],
                                  gr->body_nodes[i], NULL, 1);
            set (e, "label", "in common");
            set (e, "style", "bold");
            set (e, "arrowhead", "none");
          }
    }
}

static void
add_delegations (Graph *gr)
{
  const GsScenario *s = gr->s;
  for (guint i = 0; i < s->delegations->len; i++)
    {
      const GsDelegation *d = GS_DELEGATION (s, i);
      g_autoptr (GString) lab = g_string_new (NULL);
      for (guint m = 0; m < d->n_matters; m++)
        g_string_append_printf (lab, "%s%s", m ? ", " : "",
                                GS_MATTER (s, d->matters[m])->name);
      if (d->limit < GS_VALUE_MAX)
        {
          g_string_append (lab, "\nup to ");
          gs_phrase_money (lab, d->limit);
        }
      char a[GS_DATE_BUF], b[GS_DATE_BUF];
      if (d->from > s->start || d->until != GS_TIME_NEVER)
        {
          g_string_append_printf (lab, "\n%s",
                                  gs_time_format_date (d->from, a));
          g_string_append (lab, " – ");
          if (d->until != GS_TIME_NEVER)
            g_string_append (lab, gs_time_format_date (d->until, b));
        }
      if (d->sub_delegate)
        g_string_append (lab, "\nmay sub-delegate");
      Agedge_t *e = agedge (gr->g, gr->body_nodes[d->by], gr->body_nodes[d->to],
                            NULL, 1);
      set (e, "color", BLUE);
      set (e, "fontcolor", BLUE);
      label_marked (e, lab->str, &gr->delegations, i, TRUE);
    }
}

static void
add_pathways (Graph *gr)
{
  const GsScenario *s = gr->s;
  for (guint p = 0; p < s->pathways->len; p++)
    {
      const GsPathway *pw = GS_PATHWAY (s, p);
      if (pw->implicit)
        continue;
      g_autofree char *nname = g_strdup_printf ("p%u", p);
      Agnode_t *pn = agnode (gr->g, nname, 1);
      g_autoptr (GString) lab = g_string_new (pw->name);
      g_string_append (lab, "\n(pathway:");
      for (guint m = 0; m < pw->n_matters; m++)
        g_string_append_printf (lab, " %s", GS_MATTER (s, pw->matters[m])->id);
      g_string_append (lab, ")");
      set (pn, "shape", "cds");
      set (pn, "color", GREEN);
      set (pn, "fontcolor", GREEN);
      label_marked (pn, lab->str, &gr->pathways, p, FALSE);
      /* Each gateway's bodies follow the previous gateway's. */
      g_autoptr (GPtrArray) prev = g_ptr_array_new ();
      g_ptr_array_add (prev, pn);
      for (guint g = 0; g < pw->n_gateways; g++)
        {
          const GsGateway *gw = &pw->gateways[g];
          g_autofree char *glab = g_strdup_printf (
              "%u%s%s", g + 1, gw->recommend ? " (recommend)" : "",
              gw->locked ? " locked" : "");
          g_autoptr (GPtrArray) next = g_ptr_array_new ();
          for (guint k = 0; k < gw->n_bodies; k++)
            {
              Agnode_t *to = gr->body_nodes[gw->bodies[k]];
              for (guint q = 0; q < prev->len; q++)
                {
                  Agedge_t *e = agedge (gr->g, g_ptr_array_index (prev, q), to,
                                        NULL, 1);
                  set (e, "color", GREEN);
                  set (e, "fontcolor", GREEN);
                  set (e, "style", gw->recommend ? "dashed" : "solid");
                  label_marked (e, glab, &gr->gateways, gr->gateway_base[p] + g,
                                TRUE);
                }
              g_ptr_array_add (next, to);
            }
          if (next->len > 0)
            {
              g_ptr_array_unref (prev);
              prev = g_steal_pointer (&next);
            }
        }
    }
}

static const char *const method_words[]
    = { "vote",      "reconsider", "chair decides",
        "mediation", "binding",    "referral" };

static void
add_ladders (Graph *gr)
{
  const GsScenario *s = gr->s;
  g_autofree Agnode_t **first = g_new0 (Agnode_t *, MAX (s->ladders->len, 1));
  g_autofree Agnode_t **last = g_new0 (Agnode_t *, MAX (s->ladders->len, 1));
  for (guint l = 0; l < s->ladders->len; l++)
    {
      const GsLadder *ld = GS_LADDER (s, l);
      g_autofree char *nname = g_strdup_printf ("l%u", l);
      Agnode_t *ln = agnode (gr->g, nname, 1);
      g_autofree char *lab
          = g_strdup_printf ("%s\n(escalation ladder)", ld->name);
      set (ln, "shape", "hexagon");
      set (ln, "color", PURPLE);
      set (ln, "fontcolor", PURPLE);
      label_marked (ln, lab, &gr->ladders, l, FALSE);
      first[l] = ln;
      Agnode_t *prev = ln;
      for (guint k = 0; k < ld->n_levels; k++)
        {
          const GsLevel *lv = &ld->levels[k];
          g_autofree char *vname = g_strdup_printf ("l%u_%u", l, k);
          Agnode_t *vn = agnode (gr->g, vname, 1);
          g_autofree char *within = gs__duration_to_iso (&lv->within);
          g_autofree char *vlab
              = g_strdup_printf ("%u. %s\n%s, within %s", k + 1, lv->name,
                                 (guint)lv->method < G_N_ELEMENTS (method_words)
                                     ? method_words[lv->method]
                                     : "?",
                                 within);
          set (vn, "shape", "box");
          set (vn, "style", "rounded");
          set (vn, "color", PURPLE);
          label_marked (vn, vlab, &gr->levels, gr->level_base[l] + k, FALSE);
          Agedge_t *e = agedge (gr->g, prev, vn, NULL, 1);
          set (e, "color", PURPLE);
          if (lv->body >= 0)
            {
              Agedge_t *d
                  = agedge (gr->g, vn, gr->body_nodes[lv->body], NULL, 1);
              set (d, "style", "dotted");
              set (d, "color", PURPLE);
              set (d, "arrowhead", "none");
            }
          for (guint r = 0; r < lv->n_bodies; r++)
            {
              /* Referral: the dispute goes to each of these bodies, which
               * must agree as the level needs, within its time. */
              Agedge_t *d
                  = agedge (gr->g, vn, gr->body_nodes[lv->bodies[r]], NULL, 1);
              g_autofree char *rlab
                  = lv->need == lv->n_bodies
                        ? g_strdup_printf ("referral: all %u, within %s",
                                           lv->n_bodies, within)
                        : g_strdup_printf ("referral: %u of %u, within %s",
                                           lv->need, lv->n_bodies, within);
              set (d, "label", rlab);
              set (d, "style", "dashed");
              set (d, "color", PURPLE);
              set (d, "fontcolor", PURPLE);
            }
          prev = vn;
        }
      last[l] = prev;
    }
  for (guint l = 0; l < s->ladders->len; l++)
    if (GS_LADDER (s, l)->then >= 0)
      {
        Agedge_t *e
            = agedge (gr->g, last[l], first[GS_LADDER (s, l)->then], NULL, 1);
        set (e, "label", "then");
        set (e, "color", PURPLE);
        set (e, "fontcolor", PURPLE);
      }
  for (guint i = 0; i < s->bodies->len; i++)
    {
      const GsBody *b = GS_BODY (s, i);
      if (b->escalation.ladder < 0 || b->group >= 0)
        continue;
      Agedge_t *e = agedge (gr->g, gr->body_nodes[i],
                            first[b->escalation.ladder], NULL, 1);
      set (e, "label", "disputes");
      set (e, "style", "dotted");
      set (e, "color", PURPLE);
      set (e, "fontcolor", PURPLE);
    }
}

static int
write_dot (Agraph_t *g, GString *out)
{
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream (&buf, &len);
  if (f == NULL)
    return -1;
  int rc = agwrite (g, f);
  if (fclose (f) != 0)
    rc = -1;
  if (rc == 0)
    g_string_append_len (out, buf, (gssize)len);
  free (buf);
  return rc;
}

gboolean
gs_graph_write (const GsScenario *s, const GPtrArray *findings,
                GsGraphFormat format, GString *out, GError **error)
{
  Graph gr = { .s = s };
  guint nb = s->bodies->len, no = s->organisations->len;
  gr.body_nodes = g_new0 (Agnode_t *, MAX (nb, 1));
  gr.org_nodes = g_new0 (Agnode_t *, MAX (no, 1));
  gr.clusters = g_new0 (Agraph_t *, MAX (no, 1));
  gr.gateway_base = g_new0 (guint, MAX (s->pathways->len, 1));
  gr.level_base = g_new0 (guint, MAX (s->ladders->len, 1));
  guint ng = 0, nl = 0;
  for (guint p = 0; p < s->pathways->len; p++)
    {
      gr.gateway_base[p] = ng;
      ng += GS_PATHWAY (s, p)->n_gateways;
    }
  for (guint l = 0; l < s->ladders->len; l++)
    {
      gr.level_base[l] = nl;
      nl += GS_LADDER (s, l)->n_levels;
    }
  marks_init (&gr.orgs, no);
  marks_init (&gr.bodies, nb);
  marks_init (&gr.delegations, s->delegations->len);
  marks_init (&gr.pathways, s->pathways->len);
  marks_init (&gr.gateways, ng);
  marks_init (&gr.ladders, s->ladders->len);
  marks_init (&gr.levels, nl);
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      const GsFinding *f = g_ptr_array_index (findings, i);
      /* The element the finding points at (its primary line), else the
       * first it names that is drawn: marking every element a sentence
       * names would paint whole organisations red for one committee's
       * fault. */
      gboolean marked = FALSE;
      for (guint pass = 0; pass < 2 && !marked; pass++)
        for (guint e = 0; e < f->elements->len && !marked; e++)
          {
            const GsCheckElement *el
                = &g_array_index (f->elements, GsCheckElement, e);
            if (pass == 0 && el->line != f->line)
              continue;
            marked = mark_element (&gr, el, f);
          }
    }

  /* Only errors reach us from Graphviz, and through the GError below,
   * not as warnings on standard error. */
  agseterr (AGERR);
  gr.g = agopen ((char *)"structure", Agdirected, NULL);
  set (gr.g, "rankdir", "LR");
  set (gr.g, "compound", "true");
  set (gr.g, "fontname", "Helvetica");
  set (gr.g, "fontsize", "11");
  set (gr.g, "nodesep", "0.3");
  g_autofree char *title = plain (s->name);
  set (gr.g, "label", title);
  set (gr.g, "labelloc", "t");
  agattr (gr.g, AGNODE, (char *)"fontname", (char *)"Helvetica");
  agattr (gr.g, AGNODE, (char *)"fontsize", (char *)"10");
  agattr (gr.g, AGEDGE, (char *)"fontname", (char *)"Helvetica");
  agattr (gr.g, AGEDGE, (char *)"fontsize", (char *)"8");
  add_organisations (&gr);
  add_bodies (&gr);
  add_delegations (&gr);
  add_pathways (&gr);
  add_ladders (&gr);

  gboolean ok = TRUE;
  if (format == GS_GRAPH_DOT)
    {
      if (write_dot (gr.g, out) != 0)
        {
          g_set_error (error, GS_WRITE_ERROR, GS_WRITE_ERROR_GRAPHVIZ,
                       "Graphviz could not write DOT");
          ok = FALSE;
        }
    }
  else
    {
      GVC_t *gvc = gvContext ();
      char *data = NULL;
      unsigned int len = 0;
      if (gvLayout (gvc, gr.g, "dot") != 0)
        {
          g_set_error (error, GS_WRITE_ERROR, GS_WRITE_ERROR_GRAPHVIZ,
                       "Graphviz could not lay out the structure (is its "
                       "dot plugin installed?)");
          ok = FALSE;
        }
      else
        {
          if (gvRenderData (gvc, gr.g, "svg", &data, &len) != 0)
            {
              g_set_error (error, GS_WRITE_ERROR, GS_WRITE_ERROR_GRAPHVIZ,
                           "Graphviz could not render SVG");
              ok = FALSE;
            }
          else
            g_string_append_len (out, data, (gssize)len);
          gvFreeRenderData (data);
          gvFreeLayout (gvc, gr.g);
        }
      gvFreeContext (gvc);
    }
  agclose (gr.g);
  marks_clear (&gr.orgs);
  marks_clear (&gr.bodies);
  marks_clear (&gr.delegations);
  marks_clear (&gr.pathways);
  marks_clear (&gr.gateways);
  marks_clear (&gr.ladders);
  marks_clear (&gr.levels);
  g_free (gr.body_nodes);
  g_free (gr.org_nodes);
  g_free (gr.clusters);
  g_free (gr.gateway_base);
  g_free (gr.level_base);
  return ok;
}

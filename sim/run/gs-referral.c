/* gs-referral.c — a dispute referred to several bodies at once.
 *
 * A level with decides="referral" puts the item on the agenda of each body
 * it names (the parties' boards, say), after the cooling-off period.  Each
 * takes it at its own next meeting, under its own notice, quorum and
 * voting, as any other item.  The level agrees on the day the need-th body
 * approves, and fails on the day a refusal leaves too few bodies to reach
 * the need (a vote that is not carried, or is tied or blocked, is a
 * refusal), or when its time limit ends first.
 *
 * A slot holds one ticket on one agenda; a referral needs one on every
 * body's at once.  So each gateway slot of a case is followed, after the
 * case's gateway slots, by referral_width referral slots (none when the
 * scenario has no referral level): slot k's j-th is at
 * c->slots + n_slots + k * referral_width + j.  A referral slot is
 * GS_SLOT_REFERRED while its body has yet to answer and idle otherwise, so
 * it never counts as an item waiting at a body or as a decision of one.
 *
 * A body's vote on a referral is its organisation's consent to the
 * decision the referring body takes, not an exercise of the matter's
 * function, so it binds no one and is not judged by itself
 * (GS_VOTE_REFERRAL).  The approval the referral reaches is judged once,
 * the day it agrees (gs__dispute_resolve(): a referral has no one level
 * body): it binds the parties the body the dispute arose in would bind;
 * an organisation whose own body approved with authority in its scheme
 * decided for itself, and the rest are judged against the referring
 * body's authority (gs_breach_consented()).  So a referral of an ICB
 * function to the trusts' boards is judged against the ICB's scheme
 * alone.  Each referral slot keeps its body's answer in ref_yes (1: it
 * approved) until the slot is referred again.
 */
#include "run/gs-run-private.h"

static const GsLevel *
current_level (const GsRun *run, const GsSlot *slot)
{
  const GsSlotDispute *d = gs__slot_dispute (run, slot);
  if (slot->state != GS_SLOT_DISPUTE || d->ladder < 0)
    return NULL;
  const GsLevel *l = &GS_LADDER (run->scenario, d->ladder)->levels[d->level];
  return l->method == GS_LEVEL_REFERRAL ? l : NULL;
}

/* The first referral slot of gateway slot @si. */
static guint32
first_referral_slot (const GsRun *run, guint32 si)
{
  const GsSlot *slot = GS_RUN_SLOT (run, si);
  const GsCase *c = GS_RUN_CASE (run, slot->item);
  guint n = GS_PATHWAY (run->scenario, c->pathway)->n_slots;
  return c->slots + n + (si - c->slots) * run->scenario->referral_width;
}

gboolean
gs__slot_on_agenda (const GsSlot *slot)
{
  return gs__slot_outstanding (slot) || slot->state == GS_SLOT_REFERRED;
}

void
gs__referral_enter (GsRun *run, guint32 si, GsTime start)
{
  GsSlot *slot = GS_RUN_SLOT (run, si);
  GsSlotDispute *d = GS_RUN_SLOT_DISPUTE (run, si);
  const GsLevel *l = current_level (run, slot);
  guint32 first = first_referral_slot (run, si);
  d->ref_yes = d->ref_no = 0;
  for (guint j = 0; j < l->n_bodies; j++)
    {
      GsSlot *r = GS_RUN_SLOT (run, first + j);
      GsSlotDispute *rd = GS_RUN_SLOT_DISPUTE (run, first + j);
      r->state = GS_SLOT_REFERRED;
      r->item = slot->item;
      r->gate = slot->gate;
      r->body = l->bodies[j];
      rd->referred_by = si;
      r->majority_due = FALSE;
      rd->ref_yes = 0;
      r->since = start;
      r->epoch++;
      gs__slot_push_ticket (run, l->bodies[j], first + j, start);
    }
}

void
gs__referral_drop (GsRun *run, guint32 si, GsTime now)
{
  const GsLevel *l = current_level (run, GS_RUN_SLOT (run, si));
  if (l == NULL)
    return;
  guint32 first = first_referral_slot (run, si);
  for (guint j = 0; j < l->n_bodies; j++)
    {
      GsSlot *r = GS_RUN_SLOT (run, first + j);
      if (r->state != GS_SLOT_REFERRED)
        continue;
      gs__slot_bump (run, first + j, now, GS_CARRY_LEFT);
      r->state = GS_SLOT_IDLE;
    }
}

void
gs__referral_answer (GsRun *run, guint32 ri, gboolean approved, GsTime now)
{
  GsSlot *r = GS_RUN_SLOT (run, ri);
  GsSlotDispute *rd = GS_RUN_SLOT_DISPUTE (run, ri);
  guint32 si = rd->referred_by;
  gs__slot_bump (run, ri, now, GS_CARRY_TAKEN);
  r->state = GS_SLOT_IDLE;
  r->settled = now;
  rd->ref_yes = approved ? 1 : 0; /* its body's own answer */
  GsSlot *slot = GS_RUN_SLOT (run, si);
  GsSlotDispute *d = GS_RUN_SLOT_DISPUTE (run, si);
  const GsLevel *l = current_level (run, slot);
  if (l == NULL)
    return;
  if (approved)
    d->ref_yes++;
  else
    d->ref_no++;
  if (d->ref_yes >= l->need)
    gs__dispute_resolve (run, si, TRUE, now);
  else if (l->n_bodies - d->ref_no < l->need)
    gs__dispute_level_failed (run, si, GS_FAIL_REFUSED, now);
}

guint
gs__referral_consents (GsRun *run, guint32 si)
{
  const GsLevel *l = current_level (run, GS_RUN_SLOT (run, si));
  if (l == NULL)
    return 0;
  guint32 first = first_referral_slot (run, si);
  guint n = 0;
  for (guint j = 0; j < l->n_bodies; j++)
    if (GS_RUN_SLOT_DISPUTE (run, first + j)->ref_yes)
      run->consents[n++] = l->bodies[j];
  return n;
}

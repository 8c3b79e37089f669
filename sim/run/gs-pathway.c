/* gs-pathway.c — a case's way through its pathway of gateways.
 *
 * Opening a gateway queues one slot per body on that body's agenda; a
 * locked gateway opens once every gateway before it has passed, an
 * unlocked one together with the one before it.  A settled slot lets its
 * gateway pass (enough of its bodies approved), fail (they no longer can)
 * or wait; a failed gateway ends the case or returns it to an earlier
 * gateway, a bounded number of times; a gateway whose outstanding bodies
 * are all gridlocked leaves the case gridlocked.  A slot's epoch is bumped
 * at every change, so agenda tickets and timers of a slot that moved on are
 * recognised as stale without searching for them.
 */
#include "run/gs-run-private.h"

const GsGateway *
gs__slot_gateway (const GsRun *run, const GsSlot *slot)
{
  const GsCase *c = GS_RUN_CASE (run, slot->item);
  return &GS_PATHWAY (run->scenario, c->pathway)->gateways[slot->gate];
}

gboolean
gs__slot_outstanding (const GsSlot *slot)
{
  return slot->state == GS_SLOT_QUEUED || slot->state == GS_SLOT_DISPUTE;
}

/* Takes @si off every agenda and cancels its timers. */
static void
withdraw (GsRun *run, guint32 si, GsTime now)
{
  GsSlot *slot = GS_RUN_SLOT (run, si);
  if (!gs__slot_outstanding (slot))
    return;
  gs__slot_bump (run, si, now, GS_CARRY_LEFT);
  slot->state = GS_SLOT_WITHDRAWN;
}

static void
queue_slot (GsRun *run, guint32 si, GsTime now)
{
  GsSlot *slot = GS_RUN_SLOT (run, si);
  const GsCase *c = GS_RUN_CASE (run, slot->item);
  const GsEscalation *esc = &GS_BODY (run->scenario, slot->body)->escalation;
  slot->state = GS_SLOT_QUEUED;
  slot->since = now;
  slot->settled = GS_TIME_NEVER;
  slot->disputed = FALSE;
  gs__slot_bump (run, si, now, GS_CARRY_LEFT);
  if (!gs__urgent_route (run, si, now))
    gs__slot_push_ticket (run, slot->body, si, now);
  if ((esc->triggers & GS_TRIGGER_DEADLINE) && esc->ladder >= 0
      && c->due != GS_TIME_NEVER && !gs__slot_gateway (run, slot)->recommend)
    {
      GsTime t = gs_time_add (c->due, &esc->before_deadline, -1);
      gs__run_schedule (run, MAX (t, now), GS_EV_NEAR_DUE, si, slot->epoch);
    }
}

/* Gives case @ci, at @c, its outcome; @withdraw: withdraws its outstanding
 * slots (the caller knows there are none when it does not ask). */
static inline void
conclude_case (GsRun *run, GsCase *c, GsTime now, guint32 ci, GsCaseState state,
               guint32 body, guint32 gate, gboolean withdraw_slots)
{
  c->decisions++; /* gs_run_check() insists on exactly one */
  run->outcomes++;
  if (c->state != GS_CASE_WAITING)
    return;
  gs__run_mark_decided (run, ci);
  c->state = state;
  c->decided = now;
  if (withdraw_slots)
    {
      guint n = GS_PATHWAY (run->scenario, c->pathway)->n_slots;
      for (guint i = 0; i < n; i++)
        withdraw (run, c->slots + i, now);
    }
  if (!gs__run_building (run, GS_REC_DECIDED))
    return;
  GsRecord r = gs__record (now, GS_REC_DECIDED, body, ci);
  r.decided.state = state;
  r.decided.gateway = (gint32)gate;
  gs__run_emit (run, &r, NULL, 0);
}

static void
conclude (GsRun *run, GsTime now, guint32 ci, GsCaseState state, guint32 body,
          guint32 gate)
{
  conclude_case (run, GS_RUN_CASE (run, ci), now, ci, state, body, gate, TRUE);
}

/* Emits a gateway's record; an implicit pathway's one gateway is the body
 * itself and needs no words of its own. */
static void
gate_emit (GsRun *run, GsRecord *r, guint32 ci, guint32 g, const guint32 *refs,
           guint n_refs)
{
  const GsCase *c = GS_RUN_CASE (run, ci);
  if (GS_PATHWAY (run->scenario, c->pathway)->implicit)
    return;
  r->gate.gateway = (gint32)g;
  r->gate.pathway = (gint32)c->pathway;
  gs__run_emit (run, r, refs, n_refs);
}

static void
open_gate (GsRun *run, guint32 ci, guint32 g, GsTime now)
{
  const GsCase *c = GS_RUN_CASE (run, ci);
  const GsGateway *gw = &GS_PATHWAY (run->scenario, c->pathway)->gateways[g];
  GsGate *gate = GS_RUN_GATE (run, c, g);
  gate->state = GS_GATE_OPEN;
  gate->opened = now;
  gate->closed = GS_TIME_NEVER;
  guint32 first = c->slots + gw->first_slot;
  /* gate_emit() makes no record for an implicit pathway. */
  if (!GS_PATHWAY (run->scenario, c->pathway)->implicit
      && gs__run_building (run, GS_REC_GATE_OPEN))
    {
      GsRecord r = gs__record (now, GS_REC_GATE_OPEN, GS_NONE, ci);
      r.when = gs__meeting_for (run, gw->bodies[0], now);
      G_STATIC_ASSERT (sizeof (guint) == sizeof (guint32));
      gate_emit (run, &r, ci, g, (const guint32 *)gw->bodies, gw->n_bodies);
    }
  for (guint k = 0; k < gw->n_bodies; k++)
    queue_slot (run, first + k, now);
}

void
gs__pathway_advance (GsRun *run, guint32 ci, GsTime now, guint32 body)
{
  const GsCase *c = GS_RUN_CASE (run, ci);
  const GsPathway *pw = GS_PATHWAY (run->scenario, c->pathway);
  if (pw->implicit && GS_RUN_GATE (run, c, 0)->state == GS_GATE_CLOSED
      && gs__value_in (&pw->gateways[0].applies, c->value)
      && !run->general_only)
    {
      /* An implicit pathway's one gateway opens on arrival: what the walk
       * below and open_gate() do, without the walk, the gateway's record
       * (an implicit pathway has none) or the loop over its one body
       * (nearly every generated case). */
      GsGate *gate = GS_RUN_GATE (run, c, 0);
      gate->state = GS_GATE_OPEN;
      gate->opened = now;
      gate->closed = GS_TIME_NEVER;
      queue_slot (run, c->slots, now);
      return;
    }
  gboolean all_passed = TRUE; /* every gateway before this one passed */
  gboolean prev_live = FALSE; /* the one before is open or passed */
  for (guint g = 0; g < pw->n_gateways; g++)
    {
      const GsGateway *gw = &pw->gateways[g];
      GsGate *gate = GS_RUN_GATE (run, c, g);
      switch (gate->state)
        {
          case GS_GATE_SKIPPED:
            continue;
          case GS_GATE_PASSED:
            prev_live = TRUE;
            continue;
          case GS_GATE_OPEN:
            all_passed = FALSE;
            prev_live = TRUE;
            continue;
          case GS_GATE_CLOSED:
            if (!all_passed && (gw->locked || !prev_live))
              return;
            if (!gs__value_in (&gw->applies, c->value))
              {
                gate->state = GS_GATE_SKIPPED;
                GsRecord r = gs__record (now, GS_REC_GATE_SKIPPED, GS_NONE, ci);
                gate_emit (run, &r, ci, g, NULL, 0);
                continue;
              }
            open_gate (run, ci, g, now);
            all_passed = FALSE;
            prev_live = TRUE;
            continue;
          case GS_GATE_FAILED:
          default:
            return;
        }
    }
  if (all_passed)
    conclude (run, now, ci, GS_CASE_APPROVED, body, pw->n_gateways - 1);
}

/* Sends the case back to gateway @to: every gateway from there on closes,
 * and its outstanding slots are withdrawn. */
static void
return_to (GsRun *run, guint32 ci, guint32 from, guint32 to, GsTime now,
           guint32 body)
{
  GsCase *c = GS_RUN_CASE (run, ci);
  const GsPathway *pw = GS_PATHWAY (run->scenario, c->pathway);
  c->returns++;
  GsRecord r = gs__record (now, GS_REC_RETURNED, GS_NONE, ci);
  r.returned.to = (gint32)to;
  r.returned.returns = (gint32)c->returns;
  r.returned.max = (gint32)pw->gateways[from].max_returns;
  gate_emit (run, &r, ci, from, NULL, 0);
  for (guint g = to; g < pw->n_gateways; g++)
    {
      const GsGateway *gw = &pw->gateways[g];
      GS_RUN_GATE (run, c, g)->state = GS_GATE_CLOSED;
      for (guint k = 0; k < gw->n_bodies; k++)
        {
          guint32 si = c->slots + gw->first_slot + k;
          withdraw (run, si, now);
          GS_RUN_SLOT (run, si)->state = GS_SLOT_IDLE;
        }
    }
  gs__pathway_advance (run, ci, now, body);
}

/* A slot of gateway @g has settled: the gateway passes once enough of its
 * bodies approved, fails once they no longer can, and otherwise waits.
 * Kept out of gs__slot_settle(), whose implicit pathways need none of it. */
static G_GNUC_NO_INLINE void
gate_settled (GsRun *run, guint32 ci, guint32 g, GsTime now, guint32 body)
{
  const GsCase *c = GS_RUN_CASE (run, ci);
  const GsPathway *pw = GS_PATHWAY (run->scenario, c->pathway);
  const GsGateway *gw = &pw->gateways[g];
  guint approved = 0, rejected = 0, gridlocked = 0, outstanding = 0;
  guint32 first = c->slots + gw->first_slot;
  for (guint k = 0; k < gw->n_bodies; k++)
    {
      const GsSlot *slot = GS_RUN_SLOT (run, first + k);
      approved += slot->state == GS_SLOT_APPROVED;
      rejected += slot->state == GS_SLOT_REJECTED;
      gridlocked += slot->state == GS_SLOT_GRIDLOCKED;
      outstanding += gs__slot_outstanding (slot);
    }
  gboolean passed, failed;
  if (gw->recommend)
    {
      passed = outstanding == 0;
      failed = FALSE;
    }
  else
    {
      passed = approved >= gw->need_n;
      failed = !passed && approved + outstanding < gw->need_n;
    }
  if (!passed && !failed)
    return;
  for (guint k = 0; k < gw->n_bodies; k++)
    withdraw (run, first + k, now);
  GS_RUN_GATE (run, c, g)->state = passed ? GS_GATE_PASSED : GS_GATE_FAILED;
  GS_RUN_GATE (run, c, g)->closed = now;
  GsRecord r = gs__record (
      now, passed ? GS_REC_GATE_PASSED : GS_REC_GATE_FAILED, GS_NONE, ci);
  r.gate.approving = (gint32)approved;
  r.gate.rejecting = (gint32)rejected;
  r.gate.gridlocked = (gint32)gridlocked;
  r.gate.bodies = (gint32)gw->n_bodies;
  gate_emit (run, &r, ci, g, NULL, 0);
  if (passed)
    gs__pathway_advance (run, ci, now, body);
  else if (approved + outstanding + gridlocked >= gw->need_n)
    conclude (run, now, ci, GS_CASE_GRIDLOCKED, body, g); /* for want of a
                                                            decision */
  else if (gw->return_to >= 0 && c->returns < gw->max_returns)
    return_to (run, ci, g, (guint32)gw->return_to, now, body);
  else
    conclude (run, now, ci, GS_CASE_REJECTED, body, g);
}

void
gs__slot_settle (GsRun *run, guint32 si, GsSlotState state, GsTime now,
                 guint32 body)
{
  GsSlot *slot = GS_RUN_SLOT (run, si);
  gs__slot_bump (run, si, now, GS_CARRY_LEFT);
  slot->state = state;
  slot->settled = now;
  guint32 ci = slot->item;
  GsCase *c = GS_RUN_CASE (run, ci);
  if (!GS_PATHWAY (run->scenario, c->pathway)->implicit || run->general_only)
    {
      gate_settled (run, ci, slot->gate, now, body);
      return;
    }
  /* An implicit pathway: one body, needed, no return and no record of the
   * gateway, what gate_settled()'s rule comes to.  Its one gateway slot
   * settled, the case is decided; conclude() would find nothing to
   * withdraw. */
  const GsSlot *only = GS_RUN_SLOT (run, c->slots);
  if (gs__slot_outstanding (only))
    return;
  /* The gateway's and the case's states looked up from the slot's, not
   * branched on: approved or rejected is the vote's coin. */
  static const GsGateState gate_of[] = {
    [GS_SLOT_IDLE] = GS_GATE_FAILED,      [GS_SLOT_QUEUED] = GS_GATE_FAILED,
    [GS_SLOT_DISPUTE] = GS_GATE_FAILED,   [GS_SLOT_APPROVED] = GS_GATE_PASSED,
    [GS_SLOT_REJECTED] = GS_GATE_FAILED,  [GS_SLOT_GRIDLOCKED] = GS_GATE_FAILED,
    [GS_SLOT_WITHDRAWN] = GS_GATE_FAILED, [GS_SLOT_REFERRED] = GS_GATE_FAILED,
  };
  static const GsCaseState case_of[] = {
    [GS_SLOT_IDLE] = GS_CASE_REJECTED,
    [GS_SLOT_QUEUED] = GS_CASE_REJECTED,
    [GS_SLOT_DISPUTE] = GS_CASE_REJECTED,
    [GS_SLOT_APPROVED] = GS_CASE_APPROVED,
    [GS_SLOT_REJECTED] = GS_CASE_REJECTED,
    [GS_SLOT_GRIDLOCKED] = GS_CASE_GRIDLOCKED,
    [GS_SLOT_WITHDRAWN] = GS_CASE_REJECTED,
    [GS_SLOT_REFERRED] = GS_CASE_REJECTED,
  };
  G_STATIC_ASSERT (G_N_ELEMENTS (gate_of) == GS_SLOT_REFERRED + 1);
  guint settled = MIN ((guint)only->state, (guint)GS_SLOT_REFERRED);
  GsGate *gate = GS_RUN_GATE (run, c, 0);
  gate->state = gate_of[settled];
  gate->closed = now;
  conclude_case (run, c, now, ci, case_of[settled], body, 0, FALSE);
}

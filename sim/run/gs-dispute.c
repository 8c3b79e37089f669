/* gs-dispute.c — disputes climbing escalation ladders.
 *
 * A slot whose vote tied, was blocked or split, whose body was inquorate N
 * times running, or whose deadline is near, starts a dispute when its
 * body's terms of reference say so.  The dispute climbs the body's ladder
 * level by level: a level that votes puts the item on the level body's
 * agenda after the cooling-off period; a person, a mediator or an
 * arbitrator answers when the level's time limit ends.  A level that fails
 * passes the dispute to the next level, then to the ladder named by
 * `then`; with none left the slot is gridlocked.
 *
 * A referral to several bodies is in gs-referral.c.
 *
 * An approval a chair, a mediation, an arbitrator or a referral reaches
 * binds the organisations the body the dispute arose in would bind, and is
 * checked against the same schemes of delegation
 * (gs__meeting_check_award_by()); a breach it makes names the level that
 * decided.
 *
 * The draws of a level are keyed by (case, the dispute's number within the
 * case, ladder, level), so the same dispute reaching the same level in two
 * variants gets the same answer.
 */
#include "run/gs-run-private.h"

static const GsLevel *
slot_level (const GsRun *run, const GsSlot *slot)
{
  const GsSlotDispute *d = gs__slot_dispute (run, slot);
  return &GS_LADDER (run->scenario, d->ladder)->levels[d->level];
}

guint32
gs__dispute_level_body (const GsRun *run, const GsSlot *slot)
{
  const GsLevel *l = slot_level (run, slot);
  if (l->method == GS_LEVEL_RECONSIDER)
    return slot->body;
  if (l->method == GS_LEVEL_VOTE)
    return (guint32)l->body;
  return GS_NONE;
}

static GsRecord
level_record (const GsRun *run, const GsSlot *slot, GsTime now,
              GsRecordKind kind, guint32 body)
{
  const GsSlotDispute *d = gs__slot_dispute (run, slot);
  GsRecord r = gs__record (now, kind, body, slot->item);
  r.level.ladder = d->ladder;
  r.level.level = (gint32)d->level;
  return r;
}

static void
enter_level (GsRun *run, guint32 si, GsTime now)
{
  GsSlot *slot = GS_RUN_SLOT (run, si);
  GsSlotDispute *d = GS_RUN_SLOT_DISPUTE (run, si);
  GsCase *c = GS_RUN_CASE (run, slot->item);
  const GsLevel *l = slot_level (run, slot);
  gs__slot_bump (run, si, now, GS_CARRY_LEFT);
  d->climbed++;
  c->climbed = MAX (c->climbed, d->climbed);
  GsTime start = gs_time_add (now, &l->cooling_off, 1);
  GsTime limit = gs_time_add (start, &l->within, 1);
  guint32 bi = gs__dispute_level_body (run, slot);
  GsRecord r = level_record (run, slot, now, GS_REC_LEVEL, bi);
  r.level.climbed = (gint32)d->climbed;
  r.when = limit;
  gs__run_emit (run, &r, NULL, 0);
  if (bi != GS_NONE)
    gs__slot_push_ticket (run, bi, si, start);
  if (l->method == GS_LEVEL_REFERRAL)
    gs__referral_enter (run, si, start);
  gs__run_schedule (run, limit, GS_EV_LEVEL_END, si, slot->epoch);
}

void
gs__dispute_start (GsRun *run, guint32 si, GsTrigger trigger, GsTime now)
{
  GsSlot *slot = GS_RUN_SLOT (run, si);
  const GsEscalation *esc = &GS_BODY (run->scenario, slot->body)->escalation;
  GsSlotDispute *d = GS_RUN_SLOT_DISPUTE (run, si);
  GsCase *c = GS_RUN_CASE (run, slot->item);
  slot->state = GS_SLOT_DISPUTE;
  slot->disputed = TRUE;
  d->ladder = esc->ladder;
  d->level = 0;
  d->climbed = 0;
  d->dispute = ++c->disputes;
  /* Its referral fields too, though only a referral reads them (and sets
   * them first, gs__referral_enter()): the whole part is defined from the
   * start of a dispute, whatever the storage held before. */
  d->ref_yes = d->ref_no = 0;
  d->referred_by = GS_NONE;
  run->bodies[slot->body].n.disputes++;
  GsRecord r = gs__record (now, GS_REC_ESCALATED, slot->body, slot->item);
  r.escalated.ladder = esc->ladder;
  r.escalated.trigger = trigger;
  r.escalated.gateway = (gint32)slot->gate;
  gs__run_emit (run, &r, NULL, 0);
  enter_level (run, si, now);
}

/* Who decides at a level that has no level body. */
static GsDecidedBy
award_by (GsLevelMethod method)
{
  switch (method)
    {
      case GS_LEVEL_CHAIR:
        return GS_DECIDED_CHAIR;
      case GS_LEVEL_MEDIATION:
        return GS_DECIDED_MEDIATION;
      case GS_LEVEL_REFERRAL:
        return GS_DECIDED_REFERRAL;
      case GS_LEVEL_BINDING:
        return GS_DECIDED_BINDING;
      default: /* a vote has its level body, judged as it voted */
        return GS_DECIDED_BODY;
    }
}

void
gs__dispute_resolve (GsRun *run, guint32 si, gboolean approved, GsTime now)
{
  GsSlot *slot = GS_RUN_SLOT (run, si);
  gs__referral_drop (run, si, now);
  guint32 bi = gs__dispute_level_body (run, slot);
  GsRecord r = level_record (run, slot, now, GS_REC_RESOLVED, bi);
  r.level.approved = approved;
  gs__run_emit (run, &r, NULL, 0);
  /* A vote at the level was judged as it was taken; an approval decided
   * for the body by one person or outside it binds the same organisations
   * as the body's own would, within the same delegations. */
  if (approved && bi == GS_NONE)
    {
      const GsSlotDispute *d = GS_RUN_SLOT_DISPUTE (run, si);
      GsAward by = { .by = award_by (slot_level (run, slot)->method),
                     .ladder = d->ladder,
                     .level = (gint32)d->level };
      if (by.by == GS_DECIDED_REFERRAL)
        {
          by.consents = run->consents;
          by.n_consents = gs__referral_consents (run, si);
        }
      gs__meeting_check_award_by (run, slot->body, slot->item, now, &by);
    }
  gs__slot_settle (run, si, approved ? GS_SLOT_APPROVED : GS_SLOT_REJECTED, now,
                   bi != GS_NONE ? bi : slot->body);
}

void
gs__dispute_level_failed (GsRun *run, guint32 si, GsLevelFailure why,
                          GsTime now)
{
  GsSlot *slot = GS_RUN_SLOT (run, si);
  GsSlotDispute *d = GS_RUN_SLOT_DISPUTE (run, si);
  gs__referral_drop (run, si, now);
  GsRecord r = level_record (run, slot, now, GS_REC_LEVEL_FAILED,
                             gs__dispute_level_body (run, slot));
  r.level.why = why;
  gs__run_emit (run, &r, NULL, 0);
  const GsLadder *ladder = GS_LADDER (run->scenario, d->ladder);
  if (d->level + 1 < ladder->n_levels)
    {
      d->level++;
      enter_level (run, si, now);
      return;
    }
  if (ladder->then >= 0)
    {
      d->ladder = ladder->then;
      d->level = 0;
      enter_level (run, si, now);
      return;
    }
  GsRecord x = gs__record (now, GS_REC_EXHAUSTED, slot->body, slot->item);
  x.level.ladder = d->ladder;
  x.level.level = (gint32)d->level;
  x.level.climbed = (gint32)d->climbed;
  gs__run_emit (run, &x, NULL, 0);
  gs__slot_settle (run, si, GS_SLOT_GRIDLOCKED, now, slot->body);
}

/* A draw of the level the slot's dispute is at. */
static gboolean
level_draw (const GsRun *run, const GsSlot *slot, GsDrawPurpose purpose,
            double p)
{
  const GsCase *c = GS_RUN_CASE (run, slot->item);
  const GsSlotDispute *d = gs__slot_dispute (run, slot);
  return gs_draw_bernoulli (&run->draws, purpose, gs__case_key (c), d->dispute,
                            (guint64)d->ladder, d->level, p);
}

void
gs__dispute_level_end (GsRun *run, guint32 si, guint32 epoch, GsTime now)
{
  GsSlot *slot = GS_RUN_SLOT (run, si);
  if (slot->epoch != epoch || slot->state != GS_SLOT_DISPUTE)
    return;
  const GsLevel *l = slot_level (run, slot);
  switch (l->method)
    {
      case GS_LEVEL_CHAIR:
        {
          if (!gs__person_available (run, (guint)l->person, now))
            {
              gs__dispute_level_failed (run, si, GS_FAIL_UNAVAILABLE, now);
              return;
            }
          const GsCase *c = GS_RUN_CASE (run, slot->item);
          double p = gs__person_support (run, (guint)l->person, c);
          gs__dispute_resolve (run, si,
                               level_draw (run, slot, GS_DRAW_CHAIR, p), now);
          return;
        }
      case GS_LEVEL_MEDIATION:
        if (!level_draw (run, slot, GS_DRAW_AGREE, l->success))
          {
            gs__dispute_level_failed (run, si, GS_FAIL_NO_AGREEMENT, now);
            return;
          }
        gs__dispute_resolve (
            run, si, level_draw (run, slot, GS_DRAW_OUTCOME, l->approve), now);
        return;
      case GS_LEVEL_BINDING:
        gs__dispute_resolve (
            run, si, level_draw (run, slot, GS_DRAW_OUTCOME, l->approve), now);
        return;
      case GS_LEVEL_VOTE:
      case GS_LEVEL_RECONSIDER:
      default:
        gs__dispute_level_failed (run, si, GS_FAIL_TIMEOUT, now);
        return;
    }
}

void
gs__dispute_near_due (GsRun *run, guint32 si, guint32 epoch, GsTime now)
{
  const GsSlot *slot = GS_RUN_SLOT (run, si);
  if (slot->epoch == epoch && slot->state == GS_SLOT_QUEUED)
    gs__dispute_start (run, si, GS_TRIGGER_DEADLINE, now);
}

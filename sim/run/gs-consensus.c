/* gs-consensus.c — consensus first, then a majority vote.
 *
 * Terms of reference often say "the committee will seek to reach decisions
 * by consensus; failing consensus, the matter is put to a vote".  A body
 * whose <voting rule="consensus" then="..."> says so keeps its consensus
 * rule for every item; when an objection blocks consensus, the blocked
 * consensus is recorded (naming who objected) and the item is put to the
 * fallback rule:
 *
 *   then-at="same-meeting" (the default): at once, on the same ballots: an
 *     objection is then a vote against, as under every majority rule;
 *   then-at="next-meeting": the item is taken off the agenda and queued
 *     again from the day of the meeting, so the next meeting that can take
 *     it (after the body's notice) votes on it under the fallback rule,
 *     on fresh ballots.  A dispute level never defers: there a blocked
 *     consensus is put to the majority at once, as the ladder's time limit
 *     allows no second meeting.
 *
 * Neither path allocates: the ballots are the meeting's seats, and a
 * deferred item is a new ticket on the body's agenda.
 */
#include "run/gs-run-private.h"

GsVoteOutcome
gs__consensus_fallback (GsRun *run, const GsBody *b, GsSeat *seats,
                        GsTally *tally)
{
  g_assert (b->has_fallback);
  if (b->voting.per_org)
    {
      /* One vote per organisation: the parties' votes again, now with an
       * objection as a vote against. */
      gs_vote_org_seats (seats, b->n_members, b->parties, b->n_parties, FALSE,
                         run->org_seats);
      return gs_vote_decide (&b->fallback, run->org_seats, b->n_parties, tally);
    }
  return gs_vote_decide (&b->fallback, seats, b->n_members, tally);
}

void
gs__consensus_defer (GsRun *run, guint32 bi, guint32 si, GsTime now)
{
  GsSlot *slot = GS_RUN_SLOT (run, si);
  gs__slot_bump (run, si, now, GS_CARRY_TAKEN);
  slot->majority_due = TRUE;
  gs__slot_push_ticket (run, bi, si, now);
}

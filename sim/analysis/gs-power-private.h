/* gs-power-private.h — what the files of voting power share.
 *
 * gs-power-game.c computes the indices of a game; gs-power.c builds each
 * body's games from its rules and assembles the report; gs-power-people.c
 * adds what the scenario's people give: quorum criticality and
 * decisiveness.
 */
#pragma once

#include "model/gs-scenario-private.h"

#include <govsim/gs-power.h>

G_BEGIN_DECLS

/* Fills bp->quorum, bp->inquorate and bp->quorum_computed for body @bi
 * (for committees in common, over all their constituents). */
void gs__power_quorum_criticality (const GsScenario *s, guint bi,
                                   GsBodyPower *bp);

/* Fills bp->matters and bp->decisive for body @bi (not committees in
 * common), with the a-priori figures of @apriori beside them. */
void gs__power_decisiveness (const GsScenario *s, guint bi, GsBodyPower *bp,
                             const GsGamePower *apriori);

G_END_DECLS

/* govsim.h — the whole public interface of libgovsim, layer by layer.
 *
 *   base      gs-time.h (simulated time), gs-rng.h (random streams),
 *             gs-draw.h (draws keyed by what they are about)
 *   engine    gs-queue.h (the event queue)
 *   model     gs-scenario.h, gs-rules.h (quorum and voting), gs-authority.h
 *             (schemes of delegation), gs-breach.h (whom a decision binds,
 *             what it breaches), gs-phrase.h (sums of money)
 *   io        gs-loader.h (safe reading of scenario files)
 *   run       gs-record.h (records and their table), gs-run.h (a run)
 *   analysis  gs-summary.h (what a run comes to), gs-checks.h (the review of
 *             `govsim check`), gs-power.h (voting power)
 *   write     gs-report.h (text), gs-power-report.h (voting power as text
 *             and JSON)
 *
 * Each header may also be included on its own.
 */
#pragma once

#include <govsim/gs-time.h>
#include <govsim/gs-workdays.h>
#include <govsim/gs-rng.h>
#include <govsim/gs-draw.h>
#include <govsim/gs-queue.h>
#include <govsim/gs-scenario.h>
#include <govsim/gs-rules.h>
#include <govsim/gs-authority.h>
#include <govsim/gs-breach.h>
#include <govsim/gs-phrase.h>
#include <govsim/gs-loader.h>
#include <govsim/gs-variant.h>
#include <govsim/gs-record.h>
#include <govsim/gs-run.h>
#include <govsim/gs-summary.h>
#include <govsim/gs-series.h>
#include <govsim/gs-checks.h>
#include <govsim/gs-power.h>
#include <govsim/gs-compare.h>
#include <govsim/gs-report.h>
#include <govsim/gs-power-report.h>
#include <govsim/gs-write.h>
#include <govsim/gs-compare-report.h>

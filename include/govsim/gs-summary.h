/* gs-summary.h — the headline numbers of a run.
 *
 * A GsSummary counts what happened to the cases of one run: per matter type
 * (the proposals end to end), per body and matter type (what each body did
 * with the items that reached it at a gateway), per body (meetings and the
 * things that stall them) and per gateway of each explicit pathway.  It
 * also ranks where decisions gridlocked.  Quantiles use linear
 * interpolation between order statistics (Hyndman and Fan's type 7, the
 * default of R and NumPy): for sorted x[0..n-1] and probability p,
 * h = (n − 1)p and q = x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]).
 */
#pragma once

#include <glib.h>
#include <govsim/gs-run.h>

G_BEGIN_DECLS

typedef struct
{
  guint arrived;
  guint approved;
  guint rejected;
  guint gridlocked;   /* a dispute exhausted its ladders undecided */
  guint pending;      /* undecided at the horizon */
  guint missed;       /* fell due while undecided */
  guint escalated;    /* went through at least one dispute */
  guint climbed;      /* most levels one dispute climbed */
  double median_days; /* arrival to approval or rejection; NAN if none */
  double p90_days;
} GsOutcomeStats;

typedef struct
{
  guint32 matter;
  GsOutcomeStats o;
} GsMatterStats;

/* One body and matter type: the items that reached the body at a gateway,
 * counted by how they last stood there.  Approved includes recommended at a
 * recommend-only gateway; days run from reaching the body to its
 * decision. */
typedef struct
{
  guint32 body;
  guint32 matter;
  GsOutcomeStats o; /* arrived = items that reached the body */
} GsCellStats;

typedef struct
{
  guint32 body;
  guint meetings;            /* meetings held with business on the agenda */
  guint inquorate;           /* meetings without their quorum */
  guint item_inquorate;      /* items left inquorate once conflicted members
                                withdrew, at quorate meetings */
  guint carried;             /* items carried over to a later meeting */
  guint ties;                /* equal votes and no casting vote */
  guint casting;             /* ties the chair's casting vote resolved */
  guint blocked;             /* consensus blocked by an objection */
  guint settled_by_fallback; /* of those, decided by the majority vote
                                that follows */
  guint no_votes;            /* nobody voted for or against */
  guint splits;              /* committees in common that disagreed */
  guint conflicts;           /* members excluded from a vote for a conflict */
  guint disputes;            /* disputes that arose here */
  guint breaches;   /* breaches of delegation limits in its decisions */
  guint decided;    /* items it approved, rejected or recommended on */
  guint gridlocked; /* its disputes that exhausted every ladder */
  guint pending;    /* items still before it (or its dispute) at the end */
  double days_held; /* days items spent before it, summed */
} GsBodyStats;

typedef struct
{
  guint32 pathway;
  guint32 gateway;
  guint reached; /* cases that opened it at least once */
  guint passed;
  guint failed;
  guint skipped;
  guint open_at_end;
  guint gridlocked; /* cases that ended gridlocked here */
  double days_open; /* days it stood open, summed over cases */
} GsGatewayStats;

typedef enum
{
  GS_HOTSPOT_BODY,
  GS_HOTSPOT_GATEWAY,
} GsHotspotKind;

/* One line of "where decisions gridlock": a body or a gateway, with the
 * numbers that put it there.  Ranked by gridlocked cases, then stalls
 * (for a body: inquorate meetings, ties, blocked votes the majority vote
 * that follows did not settle, splits and votes with none cast; for a gateway:
 * cases still open there at the end), then days held.  A gateway is listed only
 * when something gridlocked or was left open there: a rejection is a decision,
 * not a stall. */
typedef struct
{
  GsHotspotKind kind;
  guint index; /* into bodies or gateways */
  guint gridlocked;
  guint stalls;
  double days;
} GsHotspot;

typedef struct
{
  GsOutcomeStats all;
  GArray *matters;  /* GsMatterStats, scenario order, only those arrived */
  GArray *cells;    /* GsCellStats: bodies in scenario order, then matters;
                       only pairs with at least one item */
  GArray *bodies;   /* GsBodyStats, one per scenario body */
  GArray *gateways; /* GsGatewayStats, explicit pathways' gateways in order */
  GArray *hotspots; /* GsHotspot, worst first; only those with something */
  guint breaches[GS_N_BREACHES]; /* breaches of delegation limits by kind */
  guint breach_total;
  guint schemes;       /* organisations with a scheme of delegation */
  guint organisations; /* organisations in all */
} GsSummary;

/** Computes the summary of @run from its cases and counters; the same
 * whether or not the run kept records.  (transfer full) */
GsSummary *gs_summary_new (const GsRun *run);

/** Frees @summary; accepts NULL. */
void gs_summary_free (GsSummary *summary);

/**
 * gs_quantile:
 * The type-7 quantile @p (0..1) of @n values already sorted ascending;
 * NAN when @n is 0.
 */
double gs_quantile (const double *sorted, gsize n, double p);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsSummary, gs_summary_free)

G_END_DECLS

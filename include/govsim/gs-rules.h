/* gs-rules.h — quorum and voting rules, as pure functions.
 *
 * A meeting is described seat by seat: each seat belongs to one member of
 * the body and is filled by that member, by their deputy, or by nobody.
 * gs_quorum_check() says whether the people in the room make a quorum and,
 * if not, which rule failed first; gs_vote_decide() counts the ballots under
 * a voting rule and says whether the motion is carried.  Neither allocates,
 * touches a random stream or does I/O: the engine draws who attends and how
 * they vote, these functions only apply the terms of reference, so every
 * rule can be tested on hand-worked cases.
 *
 * Conventions (also in the README, with worked examples):
 *   votes cast  = for + against (abstentions are not votes cast; an
 *                 objection counts as a vote against under every rule but
 *                 consensus);
 *   members     = seats entitled to vote on the item: every seat except
 *                 those whose occupant is conflicted out of the vote;
 *   a casting vote (when the terms of reference give one) resolves an
 *   equality of votes under simple and absolute majority only, in the
 *   direction of the chair's own ballot, and only if the chair is present
 *   and voted for or against.
 */
#pragma once

#include <glib.h>
#include <govsim/gs-scenario.h>

G_BEGIN_DECLS

/* The number of GsRole values (chair ... external). */
#define GS_N_ROLES 8

typedef enum
{
  GS_BALLOT_NONE, /* no vote: absent, conflicted, or a deputy who may not vote
                   */
  GS_BALLOT_FOR,
  GS_BALLOT_AGAINST,
  GS_BALLOT_ABSTAIN,
  GS_BALLOT_OBJECT, /* an objection: blocks consensus, else a vote against */
} GsBallot;

/* One post a person holds: the organisation they serve in it, their role
 * there, and whether they are a voting director of its board.  A person in
 * posts at several organisations (a chief executive or chair shared by
 * trusts) serves each of them. */
typedef struct
{
  gint32 org;
  GsRole role;
  gboolean director;
} GsPost;

typedef struct
{
  guint32 person;      /* who fills the seat: the member or their deputy */
  GsRole role;         /* that person's role */
  gint32 party;        /* that person's organisation, or -1 */
  guint32 weight;      /* the seat's weight under weighted voting (>= 1) */
  guint8 present;      /* someone is in the seat */
  guint8 deputy;       /* the person in the seat is a deputy */
  guint8 conflicted;   /* the occupant is conflicted on this item */
  guint8 declared;     /* the occupant declared a conflict but, as the terms
                          of reference allow, stays in the vote (not
                          conflicted for these rules) */
  guint8 chair;        /* the seat is the chair's */
  guint8 vacant;       /* nobody holds the seat on this day (a time-limited
                          membership): not present, not a member for the
                          quorum's fraction nor for the vote's members */
  GsBallot ballot;     /* the seat's ballot on this item */
  const GsPost *posts; /* every post the occupant holds, or NULL: they serve
                          `party` alone, in `role` */
  guint32 n_posts;
} GsSeat;

typedef struct
{
  guint present;     /* at least this many in the room (0: no rule) */
  gboolean majority; /* no quorum clause: a majority of the seats held that
                        day, not vacant (present is that of a full
                        membership) */
  guint frac_num;    /* at least ⌈members × num / den⌉ (den 0: no rule) */
  guint frac_den;
  guint role_min[GS_N_ROLES]; /* at least this many of each role present */
  guint party_min;         /* at least this many from each party (0: no rule) */
  guint32 party_roles;     /* ... counting only those whose post at the party
                              is one of these roles (bit 1 << GsRole; 0: any
                              role) */
  gboolean chair_required; /* the chair's seat must be filled */
  gboolean conflicted_count; /* conflicted occupants count towards quorum */
  gboolean deputies_count;   /* deputies count towards quorum */
} GsQuorum;

typedef enum
{
  GS_QUORUM_MET,
  GS_QUORUM_FAIL_PRESENT,  /* too few in the room: need, have */
  GS_QUORUM_FAIL_FRACTION, /* too few for the fraction: need, have */
  GS_QUORUM_FAIL_ROLE,     /* a role short: which, need, have */
  GS_QUORUM_FAIL_PARTY,    /* a party short: which, need, have */
  GS_QUORUM_FAIL_CHAIR,    /* the chair's seat is empty */
} GsQuorumResult;

typedef struct
{
  GsQuorumResult result;
  guint need;    /* what the failing rule required */
  guint have;    /* what the meeting had */
  gint32 which;  /* the role (GsRole) or party (organisation) short, or -1;
                    for parties, the first of them */
  guint counted; /* people counted towards the head-count */
  guint n_short; /* FAIL_PARTY: how many parties are short (need and have
                    are the first one's); else 0 */
} GsQuorumVerdict;

/**
 * gs_quorum_check:
 * @parties: the organisations that must each have @q->party_min present
 *
 * Checks the rules in a fixed order — head-count, fraction, chair, roles
 * (in GsRole order), parties (in the order given) — and reports the first
 * rule that fails.  The each-party rule is checked for every party, so that
 * verdict->n_short counts all the parties short; gs_quorum_parties_short()
 * names them.  Returns TRUE when the meeting is quorate.
 */
gboolean gs_quorum_check (const GsQuorum *q, const GsSeat *seats, guint n,
                          const gint32 *parties, guint n_parties,
                          GsQuorumVerdict *verdict);

/**
 * gs_quorum_parties_short:
 * @out: room for @n_parties organisations
 *
 * The parties of @parties (in their order) with fewer than @q->party_min
 * present as the each-party rule counts them, into @out; returns how many.
 * Nothing when the quorum has no each-party rule.
 */
guint gs_quorum_parties_short (const GsQuorum *q, const GsSeat *seats, guint n,
                               const gint32 *parties, guint n_parties,
                               gint32 *out);

typedef enum
{
  GS_RULE_SIMPLE_MAJORITY,    /* for > against */
  GS_RULE_ABSOLUTE_MAJORITY,  /* for > members / 2 */
  GS_RULE_QUALIFIED_MAJORITY, /* for × den >= num × base (cast or members) */
  GS_RULE_WEIGHTED,           /* weight of the seats for >= quota */
  GS_RULE_UNANIMITY,          /* at least one for, none against */
  GS_RULE_CONSENSUS,          /* no objection from anyone present */
} GsVoteRule;

typedef enum
{
  GS_BASE_CAST,    /* a fraction of the votes cast */
  GS_BASE_MEMBERS, /* a fraction of the members entitled to vote */
} GsVoteBase;

typedef struct
{
  GsVoteRule rule;
  GsVoteBase base; /* qualified majority only */
  guint num;       /* qualified majority fraction num/den, 0 < num <= den */
  guint den;
  guint64 quota;    /* weighted voting: weight needed to carry */
  gboolean casting; /* the chair has a casting vote on an equality */
  gboolean per_org; /* one vote per party organisation (gs_vote_org_seats) */
} GsVoting;

typedef enum
{
  GS_OUTCOME_CARRIED,  /* approved */
  GS_OUTCOME_DEFEATED, /* not carried: the rule's test failed */
  GS_OUTCOME_TIED,     /* an equality of votes with no casting vote */
  GS_OUTCOME_BLOCKED,  /* consensus: at least one objection */
  GS_OUTCOME_NO_VOTES, /* nobody voted for or against (all abstained) */
} GsVoteOutcome;

typedef struct
{
  guint votes_for;
  guint against; /* including objections outside consensus */
  guint abstain;
  guint objections; /* objections (counted under every rule) */
  guint members;    /* seats entitled to vote on the item */
  guint64 weight_for;
  gboolean casting_used; /* the chair's casting vote decided the item */
} GsTally;

/**
 * gs_vote_decide:
 * Counts the ballots of @seats under @v.  Under consensus, against votes
 * are treated as objections.  No votes cast at all gives NO_VOTES under the
 * majority and unanimity rules; consensus is carried when nobody objects,
 * even if everybody abstained, and weighted voting compares the weight for
 * with the quota whatever the abstentions.
 */
GsVoteOutcome gs_vote_decide (const GsVoting *v, const GsSeat *seats, guint n,
                              GsTally *tally);

/* A count of ballots made a seat at a time, for a caller that walks the
 * seats anyway (the meeting, as it draws the ballots): the same count as
 * gs_vote_decide() makes in its own pass. */
typedef struct
{
  guint by_ballot[GS_BALLOT_OBJECT + 1];
  guint members; /* seats neither conflicted nor vacant */
  guint64 weight_for;
} GsVoteCount;

/**
 * gs_vote_count_seat:
 * Adds @s to @count as gs_vote_decide() counts it: a member unless
 * conflicted or vacant; a ballot only when present and it is one.
 */
static inline void
gs_vote_count_seat (GsVoteCount *count, const GsSeat *s)
{
  if (s->conflicted || s->vacant)
    return;
  count->members++;
  if (!s->present || (guint)s->ballot > GS_BALLOT_OBJECT)
    return;
  count->by_ballot[s->ballot]++;
  count->weight_for += s->ballot == GS_BALLOT_FOR ? s->weight : 0;
}

/**
 * gs_vote_decide_count:
 * @count: the ballots of @seats, counted by gs_vote_count_seat()
 *
 * gs_vote_decide() without its pass over the seats under the simple and
 * absolute majority, unanimity and consensus (the seats are read again
 * only for the chair's casting vote on an equality); the qualified
 * majority and weighted voting take gs_vote_decide() itself.  Same outcome
 * and tally as gs_vote_decide (@v, @seats, @n, @tally).
 */
GsVoteOutcome gs_vote_decide_count (const GsVoting *v, const GsVoteCount *count,
                                    const GsSeat *seats, guint n,
                                    GsTally *tally);

/**
 * gs_vote_org_seats:
 * @out: room for @n_parties seats
 *
 * One vote per organisation: fills one seat for each of the @n_parties
 * @parties from the ballots of @seats.  The organisation's vote follows
 * its present voting members (present, not conflicted, with a ballot; a
 * member serving several parties counts in each): for when more of them
 * vote for than against, against (an objection under @consensus) when
 * more vote against, an abstention on an equality or when all abstain.
 * With no voting member present the organisation is absent: its seat is
 * empty.  Each seat has weight 1 and no chair, so gs_vote_decide() on @out
 * counts organisations, not heads (no casting vote).
 */
void gs_vote_org_seats (const GsSeat *seats, guint n, const gint32 *parties,
                        guint n_parties, gboolean consensus, GsSeat *out);

/**
 * gs_seat_serves:
 * Whether the occupant of @seat serves organisation @org; if so and @role
 * is not NULL, their role there.
 */
gboolean gs_seat_serves (const GsSeat *seat, gint32 org, GsRole *role);

/** TRUE for CARRIED. */
gboolean gs_vote_outcome_carried (GsVoteOutcome outcome);

typedef enum
{
  GS_CIC_ALL,      /* every constituent must approve */
  GS_CIC_MAJORITY, /* more than half of the constituents */
  GS_CIC_AT_LEAST, /* at least n of them */
} GsCicRule;

/**
 * gs_cic_decide:
 * The collective outcome of committees in common whose constituents
 * reached @approved (TRUE: that constituent approved).  @split is set when
 * the constituents did not all reach the same outcome.
 */
gboolean gs_cic_decide (GsCicRule rule, guint n_required,
                        const gboolean *approved, guint n, gboolean *split);

G_END_DECLS

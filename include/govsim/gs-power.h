/* gs-power.h — voting power: who can block, who is decisive, whose
 * absence sinks the quorum.
 *
 * Two levels.  A GsGame is a simple game in the sense of game theory: a
 * set of players and a rule saying which coalitions win.  Every voting rule
 * of a scenario, read with every member present and voting for or
 * against, is a weighted game [quota; w1, ..., wn] (a majority is quota
 * ⌊n/2⌋ + 1 of weights 1; unanimity and consensus are quota n; a casting
 * vote is the chair's extra half vote), and committees in common over their
 * people are a compound game: each constituent a weighted game, the group
 * a weighted game over the constituents.  One vote per organisation over
 * the people is a game of its own: each member votes, each party votes as
 * the majority of its members (a shared chief executive in each of their
 * parties; an equality abstains), and the body's rule counts the parties'
 * votes.  gs_game_power() computes the
 * a-priori indices of a game, exactly where it can and by sampling beyond:
 *
 *   - weighted games by dynamic programming over weights (generating
 *     functions, one coefficient per total weight below the quota and,
 *     for Shapley–Shubik, per coalition size), in exact integers (GMP):
 *     O(n² × quota) work for n players, so 200 players are instant;
 *   - any game of at most GS_POWER_ENUMERATE_MAX players by enumerating
 *     every coalition (in Gray-code order, one player changing a step);
 *   - beyond both, Monte Carlo sampling with a standard error per index.
 *
 * Counts (swings, winning coalitions) exceed 64 bits well before 200
 * players, so they are kept as GMP integers and handed out as decimal
 * strings; the indices are ratios of them, handed out as doubles.
 *
 * The second level, gs_power_analyse(), reads a scenario: for each
 * deciding body (or one) it builds the game of its voting rule as written,
 * sums the indices per organisation, and adds what only a model of the
 * people can give: each member's quorum criticality (how much more often a
 * meeting is inquorate without them, exactly, from attendance
 * probabilities, deputies and every quorum rule) and probabilistic
 * decisiveness per matter type (the probability that their vote changes
 * the outcome, exactly, by convolution over the others' attendance and
 * stances).  Nothing here does I/O or keeps global state.
 */
#pragma once

#include <glib.h>
#include <govsim/gs-scenario.h>

G_BEGIN_DECLS

/* Games of at most this many players are computed exactly by enumeration
 * when dynamic programming does not apply. */
#define GS_POWER_ENUMERATE_MAX 25
/* Weighted games whose table (players × quota) is larger are sampled. */
#define GS_POWER_DP_CELLS_MAX ((guint64)4000000)
/* Monte Carlo samples when the options give none. */
#define GS_POWER_SAMPLES_DEFAULT ((guint64)200000)
/* The most players a game may have. */
#define GS_POWER_PLAYERS_MAX 4096
/* One vote per organisation over the people: the most players who vote in
 * several parties (shared leaders) the game is built for. */
#define GS_POWER_SHARED_MAX 12

#define GS_POWER_ERROR (gs_power_error_quark ())
GQuark gs_power_error_quark (void);

typedef enum
{
  GS_POWER_ERROR_NOT_A_VOTE, /* the body does not vote: an officer */
  GS_POWER_ERROR_TOO_LARGE,  /* beyond GS_POWER_PLAYERS_MAX players */
} GsPowerError;

typedef enum
{
  GS_POWER_EXACT_DP,          /* exact: dynamic programming over weights */
  GS_POWER_EXACT_ENUMERATION, /* exact: every coalition enumerated */
  GS_POWER_SAMPLED,           /* Monte Carlo, with standard errors */
} GsPowerMethod;

/** "exact-dp", "exact-enumeration" or "sampled". */
const char *gs_power_method_to_string (GsPowerMethod method);

typedef struct _GsGame GsGame;

/**
 * gs_game_new_weighted:
 * The weighted game [@quota; @weights]: a coalition wins when the sum of
 * its players' weights is at least @quota.  A quota of 0 makes every
 * coalition, the empty one included, winning.
 * Returns: (transfer full): the game.
 */
GsGame *gs_game_new_weighted (guint64 quota, const guint64 *weights, guint n);

/**
 * gs_game_new_compound:
 * A game whose players are those of the @n @parts, in order (the players
 * of part 0, then part 1, ...): a coalition wins when the parts it wins
 * (each weighted game of its own players) win the weighted game
 * [@top_quota; @top_weights] over the parts.  Committees in common over
 * their people.  The parts are copied.
 * Returns: (transfer full): the game.
 */
GsGame *gs_game_new_compound (const GsGame *const *parts, guint n,
                              guint64 top_quota, const guint64 *top_weights);

/**
 * gs_game_new_parties:
 * @parties_of: (array length=n): each player's parties, bit k for party k
 * @n_parties: 1 to 64
 * @carries: (array): (@n_parties + 1)² flags, at F × (@n_parties + 1) + A:
 *   whether the motion carries when F parties vote for and A against (the
 *   others abstaining or, with no player, absent)
 *
 * One vote per organisation over the people: each of the @n players votes
 * for (in the coalition) or against; each party votes for when more of its
 * players vote for than against, against when more vote against, and
 * abstains on an equality (a party with no player is absent); @carries
 * then reads the parties' votes.  A player may vote in several parties (a
 * shared chief executive); at most GS_POWER_SHARED_MAX players do.
 * Returns: (transfer full): the game.
 */
GsGame *gs_game_new_parties (guint n, const guint64 *parties_of,
                             guint n_parties, const gboolean *carries);

/** Releases @game; accepts NULL. */
void gs_game_free (GsGame *game);

guint gs_game_n_players (const GsGame *game);

/** Whether the coalition of the players with @in[i] TRUE wins. */
gboolean gs_game_wins (const GsGame *game, const gboolean *in);

/* One player's a-priori power. */
typedef struct
{
  char *swings;       /* coalitions in which the player is decisive (winning
                         with them, losing without), in decimal; NULL when
                         sampled */
  double banzhaf;     /* swings / the sum of all players' swings */
  double banzhaf_raw; /* swings / 2^(n-1): the probability of being decisive
                         when every other player votes for with 1/2 */
  double shapley;     /* Shapley–Shubik: the share of the n! orders of voting
                         in which the player turns a losing coalition into a
                         winning one */
  double coleman_prevent;  /* swings / winning coalitions */
  double coleman_initiate; /* swings / losing coalitions */
  /* Standard errors when sampled (0 when exact). */
  double banzhaf_se;
  double banzhaf_raw_se;
  double shapley_se;
  gboolean veto;  /* in every winning coalition (and some coalition wins) */
  gboolean dummy; /* decisive in no coalition; only when exact */
} GsPlayerPower;

typedef struct
{
  GsPowerMethod method;
  guint n_players;
  GsPlayerPower *players;
  guint64 samples;          /* sampled: the samples drawn (for each index) */
  char *n_winning;          /* winning coalitions, decimal; NULL when sampled */
  double coleman_act;       /* Coleman's power of the collectivity to act:
                               winning coalitions / 2^n */
  gboolean can_pass;        /* the grand coalition wins */
  gboolean can_block;       /* some coalition other than all can make it fail */
  char *n_minimal_winning;  /* winning coalitions all of whose players are
                               decisive, decimal; NULL when sampled */
  char *n_minimal_blocking; /* blocking coalitions (whose votes against
                               make the motion fail) none of whose players
                               could be spared; NULL when sampled */
  guint smallest_blocking;  /* the fewest players that can block (0 when
                               the motion fails whatever; n + 1 when no
                               coalition can block) */
  guint *blocking_example;  /* the players of one smallest blocking
                               coalition (the heaviest), ascending; NULL
                               when smallest_blocking is 0 or n + 1 */
} GsGamePower;

typedef struct
{
  guint64 samples;         /* Monte Carlo samples (0: the default) */
  guint64 seed;            /* Monte Carlo stream */
  gboolean force_sampling; /* sample even where exact is possible (tests) */
  gboolean no_dp;          /* enumerate even weighted games (tests) */
  gboolean has_on;         /* analyse the rules in force on @on ... */
  gint64 on;               /* ... a GsTime; without has_on, the period's
                              first day */
} GsPowerOptions;

/**
 * gs_game_power:
 * @options: (nullable): NULL for the defaults
 *
 * The a-priori indices of @game: by dynamic programming for a weighted
 * game whose table fits GS_POWER_DP_CELLS_MAX, else by enumeration up to
 * GS_POWER_ENUMERATE_MAX players, else by sampling.
 * Returns: (transfer full): the indices.
 */
GsGamePower *gs_game_power (const GsGame *game, const GsPowerOptions *options);

/** Releases @power; accepts NULL. */
void gs_game_power_free (GsGamePower *power);

/* ---- a scenario's bodies -------------------------------------------- */

typedef enum
{
  GS_POWER_GAME_MEMBERS,       /* players: the body's members (seats) */
  GS_POWER_GAME_CONSTITUENTS,  /* committees in common: the constituents,
                                  each the organisation it decides for */
  GS_POWER_GAME_PEOPLE,        /* committees in common: every member of every
                                  constituent, under both levels of rules */
  GS_POWER_GAME_ORGANISATIONS, /* one vote per organisation: the parties,
                                  one vote each, under the body's rule */
  GS_POWER_GAME_PARTY_MEMBERS, /* one vote per organisation over the people:
                                  every member, each party voting as the
                                  majority of its members */
} GsPowerGameKind;

/* A player of a body's game: a seat (member), a constituent, or (one vote
 * per organisation) a party or a member voting in their parties. */
typedef struct
{
  int person;      /* the member, or -1 for a constituent or a party */
  int body;        /* the constituent body (the body itself for a seat), or
                      -1 for a party */
  int org;         /* the organisation whose player it is: a member's post
                      on the body (see gs_power_seat_org()), or -1 */
  guint64 weight;  /* in the game (a casting chair: 3 against 2; 0 for a
                      vacant seat) */
  gboolean vacant; /* a seat nobody holds on the day analysed (a member
                      from a later day, or until an earlier one) */
  guint64 parties; /* GS_POWER_GAME_PARTY_MEMBERS: the body's parties the
                      member votes in, bit k for its party k; else 0 */
} GsPowerPlayer;

/* An organisation's share: its players' indices summed. */
typedef struct
{
  guint org;
  guint n_players;
  double banzhaf;
  double shapley;
  gboolean can_block; /* its players alone, voting against, defeat any
                         motion */
  gboolean can_pass;  /* its players alone carry a motion */
} GsOrgPower;

typedef struct
{
  GsPowerGameKind kind;
  GsPowerPlayer *players;
  guint n_players;
  guint64 quota;
  GsGamePower *power;
  GsOrgPower *orgs; /* in order of first appearance among the players;
                       players of no organisation are not summed */
  guint n_orgs;
  guint *blocking_orgs; /* the organisations of the smallest blocking
                           coalition's players, in order of first
                           appearance */
  guint n_blocking_orgs;
  guint fewest_orgs_blocking; /* the fewest organisations whose players,
                                 together, can block (0: none can) */
} GsPowerGame;

/* A member's quorum criticality, on a day without scripted absences: the
 * day analysed (--on), whose seats held are those the quorum counts. */
typedef struct
{
  guint person;
  guint body;               /* the body (a constituent, for a group) */
  int deputy;               /* their deputy, or -1 */
  gboolean vacant;          /* their seat is vacant on the day (a member
                               from a later day, or until an earlier one):
                               nobody fills it, so it weighs nothing */
  double inquorate_absent;  /* P(inquorate | the member does not attend) */
  double inquorate_present; /* P(inquorate | the member attends) */
  double criticality;       /* the difference */
} GsQuorumCriticality;

/* A member's probability of casting the deciding vote on one matter. */
typedef struct
{
  guint person;
  guint matter;
  double decisive;    /* P(the meeting can take the item and the member's vote,
                         for rather than against, changes the outcome | the
                         member attends and votes) */
  double banzhaf_raw; /* the a-priori figure beside it */
} GsDecisiveness;

typedef struct
{
  guint body;
  gint64 on;          /* the day whose rules were analysed (a GsTime) */
  int change;         /* the amendment in force on it (an index into the
                         body's changes), or -1: the rules as first written */
  GsPowerGame *games; /* members, or for committees in common the
                         constituents then the people, or for one vote per
                         organisation the parties then (unless
                         people_skipped) the members in their parties */
  guint n_games;
  gboolean people_skipped;     /* one vote per organisation: the game over the
                                  people was not built (more than
                                  GS_POWER_SHARED_MAX members vote in several
                                  parties, or more than 64 parties) */
  gboolean quorum_computed;    /* FALSE when too many people are shared */
  double inquorate;            /* P(a meeting is inquorate) */
  GsQuorumCriticality *quorum; /* one per member, in member order */
  guint n_quorum;
  guint *matters; /* the matter types that reach the body */
  guint n_matters;
  GsDecisiveness *decisive; /* n_matters × members, by matter then member;
                               none for committees in common */
  guint n_decisive;
  gboolean decisive_from_traffic; /* matters and affected organisations from
                                     the scenario's proposals and streams
                                     (else every matter, nobody affected) */
} GsBodyPower;

typedef struct
{
  GsBodyPower *bodies;
  guint n_bodies;
} GsPowerReport;

/**
 * gs_power_analyse:
 * @body: the body to analyse, or -1 for every deciding body (boards,
 *   committees, joint committees, committees in common with each of their
 *   constituents; not advisory groups or officers)
 * @options: (nullable): for gs_game_power()
 *
 * Returns: (transfer full): the report, or NULL with
 * GS_POWER_ERROR_NOT_A_VOTE when @body is an officer.
 */
GsPowerReport *gs_power_analyse (const GsScenario *scenario, int body,
                                 const GsPowerOptions *options, GError **error);

/** Releases @report; accepts NULL. */
void gs_power_report_free (GsPowerReport *report);

/**
 * gs_power_rule_phrase:
 * Appends the voting rule of @body in words: "consensus", "a simple
 * majority with the chair's casting vote", "a 2/3 majority of members",
 * "weighted votes with a quota of 7", "all of the 3 committees".
 */
void gs_power_rule_phrase (const GsScenario *scenario, guint body,
                           GString *out);

/**
 * gs_power_rule_phrase_on:
 * As gs_power_rule_phrase() for the rule in force on @on (a GsTime), with
 * ", one vote per organisation" where the body votes so.
 */
void gs_power_rule_phrase_on (const GsScenario *scenario, guint body, gint64 on,
                              GString *out);

/**
 * gs_power_seat_org:
 * The organisation member @person serves on @body: their post at the
 * body's own organisation (a board, committee or constituent), else their
 * first post at one of its parties (a joint committee), else their own
 * organisation (-1 for none).
 */
int gs_power_seat_org (const GsScenario *scenario, guint body, guint person);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsGame, gs_game_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsGamePower, gs_game_power_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsPowerReport, gs_power_report_free)

G_END_DECLS

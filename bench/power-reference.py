#!/usr/bin/env python3
"""power-reference.py — an independent implementation of the Banzhaf and
Shapley-Shubik indices of a weighted game, for bench-power.

Reads "QUOTA W1 W2 ... WN" on standard input and prints, one line per
player, "SWINGS SHAPLEY_NUMERATOR" (the Shapley-Shubik index is the
numerator over n!), then the elapsed seconds on standard error.  Exact
Python integers throughout.  The method differs from govsim's on purpose:
for each player the table of the others' coalitions is built afresh by
size and weight (no division of one shared table), so a mistake in
either shows as a difference.

With the argument "parties" it computes instead the game govsim plays
under one vote per organisation over the people (GS_POWER_GAME_PARTY_MEMBERS),
from first principles: every one of the 2^n coalitions of the members is
enumerated, the members in it voting for and the others against; each
party then votes for when more of its members vote for than against,
against when more vote against, and abstains on an equality (a party with
no member is absent); the body's rule reads the parties' votes:

  simple-majority     more parties for than against
  absolute-majority   parties for more than half of all the parties
  unanimity           at least one party for and none against
  consensus           no party against (every party abstaining carries)
  consensus then R    no party against; otherwise R on the same votes

The input is "K RULE" (the number of parties, then one of the rules
above, "then R" included) on the first line, then one line per member listing the parties (0, 1, ...) they vote
in, "-" for none (a vacant seat).  The output is one JSON object: the
coalitions that win, the minimal winning and minimal blocking ones (a
blocking coalition: whatever the others do, its members voting against
defeat the motion), the size of the smallest blocking one (null when none
blocks), whether everyone together carries, and per member their swings
(coalitions of the others that win with them and lose without),
Shapley-Shubik numerator over n!, veto (in every winning coalition) and
dummy (no swing).  Counts are exact; no table shared between players."""
import json
import sys
import time
from math import factorial


def power(quota, weights):
    n = len(weights)
    fact = [factorial(k) for k in range(n + 1)]
    cache = {}
    out = []
    for i, wi in enumerate(weights):
        if wi in cache:
            out.append(cache[wi])
            continue
        others = weights[:i] + weights[i + 1:]
        # table[k][w]: coalitions of the others of size k and weight w < quota
        table = [[0] * quota for _ in range(n)]
        table[0][0] = 1
        for size, w in enumerate(others):
            for k in range(size + 1, 0, -1):
                row, prev = table[k], table[k - 1]
                for t in range(quota - 1, w - 1, -1):
                    if prev[t - w]:
                        row[t] += prev[t - w]
        lo = max(0, quota - wi)
        swings = 0
        ss = 0
        for k in range(n):
            c = sum(table[k][lo:quota])
            swings += c
            ss += c * fact[k] * fact[n - 1 - k]
        cache[wi] = (swings, ss)
        out.append(cache[wi])
    return out


def rule_carries(rule, n_parties):
    """The test the body's rule makes of the parties' votes: a function of
    (for, against) - abstaining and absent parties are the rest."""
    words = rule.split()
    if len(words) == 3 and words[0] == "consensus" and words[1] == "then":
        then = rule_carries(words[2], n_parties)
        return lambda f, a: a == 0 or then(f, a)
    if len(words) != 1:
        raise SystemExit("unknown rule %r" % rule)
    tests = {
        "simple-majority": lambda f, a: f > a,
        "absolute-majority": lambda f, a: 2 * f > n_parties,
        "unanimity": lambda f, a: f >= 1 and a == 0,
        "consensus": lambda f, a: a == 0,
    }
    if rule not in tests:
        raise SystemExit("unknown rule %r" % rule)
    return tests[rule]


def party_members(n_parties, rule, parties_of):
    n = len(parties_of)
    carries = rule_carries(rule, n_parties)

    def wins(mask):
        f = a = 0
        for p in range(n_parties):
            members = [i for i in range(n) if p in parties_of[i]]
            if not members:
                continue  # absent
            yes = sum(1 for i in members if mask >> i & 1)
            no = len(members) - yes
            f += yes > no
            a += no > yes
        return carries(f, a)

    full = (1 << n) - 1
    win = [wins(m) for m in range(1 << n)]
    winning = sum(win)
    minimal_winning = sum(
        1 for m in range(1 << n)
        if win[m] and all(not win[m & ~(1 << i)] for i in range(n) if m >> i & 1))

    def blocks(b):
        # No coalition of the others wins, whatever they do.
        rest = full & ~b
        sub = rest
        while True:
            if win[sub]:
                return False
            if sub == 0:
                return True
            sub = (sub - 1) & rest

    block = [blocks(m) for m in range(1 << n)]
    minimal_blocking = sum(
        1 for m in range(1 << n)
        if block[m] and all(not block[m & ~(1 << i)] for i in range(n) if m >> i & 1))
    sizes = [bin(m).count("1") for m in range(1 << n) if block[m]]
    players = []
    for i in range(n):
        bit = 1 << i
        swings = ss = 0
        for m in range(1 << n):
            if m & bit or not (win[m | bit] and not win[m]):
                continue
            k = bin(m).count("1")
            swings += 1
            ss += factorial(k) * factorial(n - 1 - k)
        veto = winning > 0 and all(m & bit for m in range(1 << n) if win[m])
        players.append({"swings": str(swings), "shapley_numerator": str(ss),
                        "veto": veto, "dummy": swings == 0})
    return {"players_n": n, "parties": n_parties,
            "winning_coalitions": str(winning),
            "minimal_winning_coalitions": str(minimal_winning),
            "minimal_blocking_coalitions": str(minimal_blocking),
            "smallest_blocking": min(sizes) if sizes else None,
            "can_pass": win[full], "n_factorial": str(factorial(n)),
            "players": players}


def main_parties():
    lines = [l.strip() for l in sys.stdin.read().splitlines() if l.strip()]
    k, rule = lines[0].split(None, 1)
    parties_of = [set() if l == "-" else {int(x) for x in l.split()}
                  for l in lines[1:]]
    start = time.perf_counter()
    result = party_members(int(k), rule, parties_of)
    elapsed = time.perf_counter() - start
    print(json.dumps(result, indent=1))
    print(f"{elapsed:.6f}", file=sys.stderr)


def main():
    if sys.argv[1:] == ["parties"]:
        main_parties()
        return
    data = [int(x) for x in sys.stdin.read().split()]
    quota, weights = data[0], data[1:]
    start = time.perf_counter()
    result = power(quota, weights)
    elapsed = time.perf_counter() - start
    for swings, ss in result:
        print(swings, ss)
    print(f"{elapsed:.6f}", file=sys.stderr)


if __name__ == "__main__":
    main()

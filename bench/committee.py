#!/usr/bin/env python3
"""committee.py - the benchmark committee of bench/committee.xml, by hand.

The same model as the scenario, written directly in plain Python with the
standard library only (heapq for the event queue, random for the draws), the
way someone would write it without govsim.  Times are minutes from the
start, as in govsim: proposals arrive as a Poisson stream with a mean gap of
one day (the gap rounded up to a whole minute, at least one); the committee
meets every seven days from the start while the ten-year period lasts; a
meeting with nothing on its agenda is not held; arrivals at the instant of a
meeting come before it (govsim's event priorities).  At a meeting each of
the seven members attends with probability 0.8; with fewer than four
present every item waits; otherwise the first ten items in arrival order
are voted on, each present member for with probability 0.6, and an item
passes when more vote for than against (a tie fails: no casting vote).

    committee.py [--runs N] [--seed S]

prints the replication rate and, for the check in bench/committee.sh, the
mean and standard deviation over replications of the approvals, rejections
and pending items and of the mean days from arrival to decision.
"""

import argparse
import heapq
import math
import random
import statistics
import time

MIN_PER_DAY = 1440
END = 3653 * MIN_PER_DAY  # 2024-01-01 to 2034-01-01
EVERY = 7 * MIN_PER_DAY
MEMBERS, ATTEND, QUORUM, SUPPORT, CAPACITY = 7, 0.8, 4, 0.6, 10
ARRIVE, MEET = 1, 2  # priorities: an arrival before a meeting at one instant


def replicate(rng):
    queue = []
    seq = 0
    heapq.heappush(queue, (0, ARRIVE, seq))
    seq += 1
    heapq.heappush(queue, (0, MEET, seq))
    seq += 1
    agenda = []  # arrival times, oldest first
    head = 0
    approved = rejected = 0
    days = 0.0
    while queue:
        now, kind, _ = heapq.heappop(queue)
        if kind == ARRIVE:
            agenda.append(now)
            gap = -MIN_PER_DAY * math.log(1.0 - rng.random())
            t = now + max(1, math.ceil(gap))
            if t < END:
                heapq.heappush(queue, (t, ARRIVE, seq))
                seq += 1
            continue
        t = now + EVERY
        if t < END:
            heapq.heappush(queue, (t, MEET, seq))
            seq += 1
        if head == len(agenda):
            continue  # nothing on the agenda: no meeting
        present = sum(1 for _ in range(MEMBERS) if rng.random() < ATTEND)
        if present < QUORUM:
            continue
        take = min(CAPACITY, len(agenda) - head)
        for arrived in agenda[head:head + take]:
            votes_for = sum(1 for _ in range(present) if rng.random() < SUPPORT)
            if votes_for > present - votes_for:
                approved += 1
            else:
                rejected += 1
            days += (now - arrived) / MIN_PER_DAY
        head += take
    decided = approved + rejected
    return approved, rejected, len(agenda) - head, days / max(decided, 1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rows = []
    t0 = time.perf_counter()
    for r in range(args.runs):
        rows.append(replicate(random.Random(args.seed * 1000003 + r)))
    secs = time.perf_counter() - t0
    print("replications: %d in %.3f s = %.0f replications/s"
          % (args.runs, secs, args.runs / secs))
    cols = list(zip(*rows))
    out = []
    for name, col in zip(("approved", "rejected", "pending", "days"), cols):
        sd = statistics.stdev(col) if len(col) > 1 else 0.0
        out.append("%s %.6f %.6f" % (name, statistics.fmean(col), sd))
    print("stats: n %d %s" % (args.runs, " ".join(out)))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""power-reference.py — an independent implementation of the Banzhaf and
Shapley-Shubik indices of a weighted game, for bench-power.

Reads "QUOTA W1 W2 ... WN" on standard input and prints, one line per
player, "SWINGS SHAPLEY_NUMERATOR" (the Shapley-Shubik index is the
numerator over n!), then the elapsed seconds on standard error.  Exact
Python integers throughout.  The method differs from govsim's on purpose:
for each player the table of the others' coalitions is built afresh by
size and weight (no division of one shared table), so a mistake in
either shows as a difference."""
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


def main():
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

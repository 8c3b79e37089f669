#!/usr/bin/env bash
# Per-proposal cost of the engine from 1,000 to 100,000 proposals, for the
# committee of bench/committee.xml fed four a day (a Poisson stream, mean
# gap six hours, so 100,000 proposals fit in the 100-year limit), with
# capacity 40 a week (it keeps up with the 28 a week) and with capacity 10
# (a backlog that grows without bound: 18 more a week).  Each size runs
# enough replications for about 400,000 proposals, after one untimed
# replication (bench-engine --warmup 1) that grows the run's arrays and
# faults their pages in, so that "us/prop" is the steady state a study runs
# in; "first" is one replication of a fresh process, the pages faulted
# in included.  Microseconds per proposal, median of ROUNDS.
#
#   bench/scaling.sh [BUILD] [ROUNDS]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build} rounds=${2:-3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
median () { sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
us () { sed -n 's/.*(\([0-9]*\)\/s).*/\1/p' | awk '{print 1e6 / $1}'; }
printf '%-10s %-8s %10s %10s %14s\n' proposals capacity "us/prop" "first" \
  "pending at end"
for cap in 40 10; do
  for n in 1000 10000 100000; do
    "$here/bench/backlog-scenario.sh" "$n" "$cap" > "$tmp/s.xml"
    runs=$(( 400000 / n )); [ "$runs" -ge 3 ] || runs=3
    t=() f=()
    for _ in $(seq "$rounds"); do
      out=$("$build/bench-engine" --runs "$runs" --warmup 1 --stats "$tmp/s.xml")
      t+=("$(echo "$out" | us)")
      f+=("$("$build/bench-engine" --runs 1 "$tmp/s.xml" | us)")
    done
    pend=$(echo "$out" | sed -n 's/.* pending \([0-9.]*\) .*/\1/p')
    printf '%-10s %-8s %10.3f %10.3f %14.0f\n' "$n" "$cap" \
      "$(printf '%s\n' "${t[@]}" | median)" \
      "$(printf '%s\n' "${f[@]}" | median)" "$pend"
  done
done

#!/usr/bin/env bash
# Instructions and simulated cache misses per proposal of the growing
# backlog of bench/scaling.sh (capacity 10, four proposals a day), at 1,000,
# 10,000 and 100,000 proposals, under cachegrind with a 2 MiB last-level
# cache (the L2 of the machine the figures in bench/README.md come from).
# Each size runs R replications and then one, and the difference is divided
# by the proposals of the R − 1 extra replications, so loading the scenario
# is not counted.  Load does not disturb these counts.
#
#   bench/backlog-misses.sh [BUILD] [CAPACITY]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build} cap=${2:-10}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Ir, D1 misses (read + write), LL data misses (read + write) of a run.
counts () {
  valgrind --tool=cachegrind --cache-sim=yes --LL=2097152,16,64 \
    --cachegrind-out-file="$tmp/cg" "$build/bench-engine" --runs "$1" "$tmp/s.xml" \
    > "$tmp/out" 2>/dev/null
  local p; p=$(sed -n 's/^proposals simulated: \([0-9]*\).*/\1/p' "$tmp/out")
  awk -v p="$p" '/^events:/ { for (i = 2; i <= NF; i++) name[i] = $i }
    /^summary:/ { for (i = 2; i <= NF; i++) v[name[i]] = $i }
    END { print p, v["Ir"], v["D1mr"] + v["D1mw"], v["DLmr"] + v["DLmw"], v["DLmr"], v["DLmw"] }' "$tmp/cg"
}
printf '%-10s %12s %10s %10s %10s %10s\n' proposals "Ir/proposal" "D1/prop" "LL/prop" "LLr/prop" "LLw/prop"
for n in 1000 10000 100000; do
  "$here/bench/backlog-scenario.sh" "$n" "$cap" > "$tmp/s.xml"
  runs=$(( 400000 / n + 1 ))
  read -r p1 i1 d1 l1 r1 w1 < <(counts 1)
  read -r pn in dn ln rn wn < <(counts "$runs")
  awk -v n="$n" -v p=$(( pn - p1 )) -v i=$(( in - i1 )) -v d=$(( dn - d1 )) \
      -v l=$(( ln - l1 )) -v r=$(( rn - r1 )) -v w=$(( wn - w1 )) \
      'BEGIN { printf "%-10s %12.1f %10.3f %10.3f %10.3f %10.3f\n", n, i / p, d / p, l / p, r / p, w / p }'
done

#!/usr/bin/env bash
# Runs two builds of bench-engine interleaved, ROUNDS times each, on the
# same scenarios, and prints the median replications per second of each and
# their ratio.  The machine is shared and noisy: only ratios of medians of
# interleaved rounds are worth writing down.
#
#   bench/side-by-side.sh OLD/bench-engine NEW/bench-engine [ROUNDS] [RUNS]
set -euo pipefail
old=$1 new=$2 rounds=${3:-11} runs=${4:-3000}
here=$(cd "$(dirname "$0")/.." && pwd)
rate () { "$1" --runs "$runs" ${2:+"$2"} | sed -n 's/.*= \([0-9]*\) replications.*/\1/p'; }
median () { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
for sc in "" "$here/scenarios/service-reconfiguration-pathway.xml" \
          "$here/scenarios/lead-provider-escalation.xml" \
          "$here/scenarios/delegation-limits.xml"; do
  o=() n=()
  for _ in $(seq "$rounds"); do
    o+=("$(rate "$old" "$sc")")
    n+=("$(rate "$new" "$sc")")
  done
  mo=$(printf '%s\n' "${o[@]}" | median)
  mn=$(printf '%s\n' "${n[@]}" | median)
  printf '%-40s old %7s  new %7s  new/old %.2f\n' "$(basename "${sc:-demo}")" \
    "$mo" "$mn" "$(echo "$mn / $mo" | bc -l)"
done

#!/usr/bin/env bash
# The benchmark committee three ways, side by side: govsim (bench-engine on
# bench/committee.xml, records off, then on), the same model by hand in
# plain Python (bench/committee.py) and as a bare C program
# (bench/committee.c, built as bench-committee).
#
#   bench/committee.sh [BUILD] [ROUNDS] [GOVSIM_RUNS]
#
# First the check that they are one model: each runs CHECK replications
# (its own draws: govsim keyed draws, Python's Mersenne Twister, the C
# program's xoshiro256**) and prints, over replications, the mean and
# standard deviation of the approvals, rejections, pending items and mean
# days from arrival to decision.  For each quantity and each pair with
# govsim the difference of the means must be within 4 standard errors of
# the difference, sqrt (sd1^2/n1 + sd2^2/n2) (a two-sample z test; under
# the hypothesis of one model the chance that one of the 8 comparisons
# fails is about 8 x 6e-5).  Then ROUNDS interleaved rounds (default 9) of
# the four timings; each prints its replications per second, and the
# script prints the median of each and the median ratios.  The machine is
# shared and noisy: only ratios of medians of interleaved rounds are worth
# writing down.
#
# The bare C program also runs with --keyed: govsim's own keyed draws, so
# the same numbers as govsim, and its means and standard deviations must
# equal govsim's to every printed digit (an exact check, replication by
# replication in effect, of the engine against a model written by hand).
# It is timed too: bare C keyed / govsim is the part of the gap that is
# not the cost of the draws that common random numbers need.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build} rounds=${2:-9} gruns=${3:-1000}
xml=$here/bench/committee.xml
gov=("$build/bench-engine" "$xml") cprog=$build/bench-committee
py=(python3 "$here/bench/committee.py")
check=${CHECK:-400}

stats () { "$@" | sed -n 's/^stats: //p'; }
rate () { "$@" | sed -n 's/.*= \([0-9]*\) replications.*/\1/p'; }
median () { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

g=$(stats "${gov[@]}" --runs "$check" --stats)
c=$(stats "$cprog" --runs "$check")
k=$(stats "$cprog" --runs "$check" --keyed)
p=$(stats "${py[@]}" --runs "$((check / 2))")
echo "govsim : $g"
echo "bare C : $c"
echo "keyed C: $k"
echo "Python : $p"
if [ "$g" != "$k" ]; then
  echo "committee.sh: bare C with govsim's keyed draws does not reproduce govsim" >&2
  exit 1
fi
echo "bare C with keyed draws: identical to govsim"
agree () {
  awk -v a="$1" -v b="$2" -v who="$3" 'BEGIN {
    na = split(a, x, " "); split(b, y, " "); bad = 0
    for (i = 3; i <= na; i += 3) {
      se = sqrt(x[i+2]^2 / x[2] + y[i+2]^2 / y[2]); d = x[i+1] - y[i+1]
      z = se > 0 ? d / se : (d == 0 ? 0 : 99)
      printf "  %-8s govsim %.3f %s %.3f  z = %+.2f\n", x[i], x[i+1], who, y[i+1], z
      if (z > 4 || z < -4) bad = 1
    }
    exit bad }'
}
ok=0
echo "agreement (|z| <= 4):"
agree "$g" "$c" "C" || ok=1
agree "$g" "$p" "Python" || ok=1
if [ "$ok" -ne 0 ]; then
  echo "committee.sh: the models disagree beyond sampling error" >&2
  exit 1
fi

# Each program runs for a comparable time in a round.
cruns=$((gruns * 5)) pruns=$((gruns / 8))
G=() R=() C=() K=() P=()
for _ in $(seq "$rounds"); do
  G+=("$(rate "${gov[@]}" --runs "$gruns")")
  C+=("$(rate "$cprog" --runs "$cruns")")
  K+=("$(rate "$cprog" --runs "$cruns" --keyed)")
  R+=("$(rate "${gov[@]}" --runs "$gruns" --records)")
  P+=("$(rate "${py[@]}" --runs "$pruns")")
done
mg=$(printf '%s\n' "${G[@]}" | median)
mr=$(printf '%s\n' "${R[@]}" | median)
mc=$(printf '%s\n' "${C[@]}" | median)
mk=$(printf '%s\n' "${K[@]}" | median)
mp=$(printf '%s\n' "${P[@]}" | median)
# Ratios per round, then their median: each round's programs ran together.
ratio () { for i in "${!G[@]}"; do echo "$1" | sed "s/A/${G[$i]}/;s/C/${C[$i]}/;s/K/${K[$i]}/;s/R/${R[$i]}/;s/P/${P[$i]}/" | bc -l; done | median; }
printf 'medians of %d rounds, replications/s:\n' "$rounds"
printf '  govsim, records off  %8s\n  govsim, records on   %8s\n' "$mg" "$mr"
printf '  bare C (-O2)         %8s\n  bare C, keyed draws  %8s\n' "$mc" "$mk"
printf '  Python (heapq)       %8s\n' "$mp"
printf 'median ratios per round:\n'
printf '  govsim / Python            %6.2f  (target >= 10)\n' "$(ratio 'A / P')"
printf '  bare C / govsim            %6.2f  (target <= 1.5)\n' "$(ratio 'C / A')"
printf '  bare C keyed / govsim      %6.2f\n' "$(ratio 'K / A')"
printf '  records off / records on   %6.2f  (target <= 2)\n' "$(ratio 'A / R')"

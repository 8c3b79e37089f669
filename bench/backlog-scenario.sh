#!/usr/bin/env bash
# The committee of bench/committee.xml fed four proposals a day (a Poisson
# stream, mean gap six hours) until N have arrived, with agenda capacity
# CAPACITY a week: the scenario bench/scaling.sh and bench/backlog-misses.sh
# time.  Written to standard output.
#
#   bench/backlog-scenario.sh N CAPACITY
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
n=$1 cap=$2
sed -e "s/horizon=\"P10Y\"/horizon=\"P$(( n / 4 ))D\"/" \
    -e "s/every=\"P1D\" process/every=\"PT6H\" process/" \
    -e "s/capacity=\"10\"/capacity=\"$cap\"/" \
    -e "s/count=\"100000\"/count=\"$n\"/" \
    "$here/bench/committee.xml"

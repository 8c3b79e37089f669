#!/usr/bin/env bash
# No system call in a replication's steady state (issue 12): counts the
# system calls of a short and a long run with strace and checks that they
# are the same.  A replication that called into the kernel (a brk or mmap
# to grow an array, a write, a clock read) would add calls in proportion to
# the replications; start-up and the report are the same in both runs.
#
#   bench/syscalls.sh [BUILD] [FILE] [SHORT] [LONG]
#
# Three programs: bench-engine (one GsRun executed again and again, no
# records), `govsim montecarlo --threads 1` and `govsim montecarlo
# --threads 2` (the study, its report to /dev/null).  On two threads the
# workers take replications in batches from a shared counter and wait on
# each other at the end, so a few futex calls may vary from run to run;
# the check allows the long run up to 64 more calls than the short one
# there, against thousands of replications.  Exit 1 if a count grows more.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
file=${2:-$here/scenarios/demo-single-trust.xml}
short=${3:-1000} long=${4:-10000}
command -v strace >/dev/null || { echo "syscalls.sh: needs strace" >&2; exit 2; }

count () {
  local out
  out=$(mktemp)
  strace -f -qq -c -o "$out" "$@" >/dev/null 2>&1
  awk '$NF == "total" { print $4 }' "$out"
  rm -f "$out"
}

bad=0
check () {
  local label=$1 slack=$2
  shift 2
  local a b
  a=$(count "$@" --runs "$short")
  b=$(count "$@" --runs "$long")
  local verdict=ok
  if [ "$b" -gt $((a + slack)) ]; then verdict=GROWS; bad=1; fi
  printf '%-34s %6d replications: %5d calls   %6d: %5d calls   %s\n' \
    "$label" "$short" "$a" "$long" "$b" "$verdict"
}

check "bench-engine (no records)" 0 "$build/bench-engine" "$file"
check "govsim montecarlo --threads 1" 0 \
  "$build/sim/govsim" montecarlo "$file" --threads 1 --quiet
check "govsim montecarlo --threads 2" 64 \
  "$build/sim/govsim" montecarlo "$file" --threads 2 --quiet
exit "$bad"

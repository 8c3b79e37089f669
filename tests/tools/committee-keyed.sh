#!/bin/sh
# The engine against a model written by hand with the same numbers:
# bench/committee.c --keyed is the benchmark committee as a bare C program
# that draws govsim's keyed draws from their definition (gs-draw.h), so its
# approvals, rejections, pending items and days to decision must be
# govsim's replication by replication; the means and standard deviations
# over RUNS replications, printed to six decimals, must be identical.
#
#   committee-keyed.sh BENCH_ENGINE BENCH_COMMITTEE COMMITTEE_XML [RUNS]
set -eu
runs=${4:-60}
g=$("$1" --runs "$runs" --stats "$3" | sed -n 's/^stats: //p')
c=$("$2" --runs "$runs" --keyed | sed -n 's/^stats: //p')
echo "govsim : $g"
echo "keyed C: $c"
[ -n "$g" ] && [ "$g" = "$c" ]

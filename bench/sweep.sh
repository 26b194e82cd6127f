#!/usr/bin/env bash
# Whole-process timing of `mlplan sweep` against one `mlplan recommend` of the same workload (issue 17:
# a 1,000-step sweep at most 10 × one recommend, a 100 × 100 grid within 60 ×; how the cost grows with steps).
# Results in target/bench/. CPU time (user + system), less disturbed by other work, comes from
#   bench/rusage.py -n 5 "recommend=./mlplan recommend W" "sweep=./mlplan sweep W --vary … --steps 1000" …
#   bench/sweep.sh                      5 runs of each
#   RUNS=10 WORKLOAD=workloads/x.yaml VARY='inference.traffic.average=1/s..100/s' bench/sweep.sh
# Needs hyperfine (Debian: apt-get install hyperfine).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out="$root/target/bench"
mkdir -p "$out"
runs="${RUNS:-5}"
workload="${WORKLOAD:-workloads/tiny-sporadic.yaml}"
vary="${VARY:-inference.traffic.average=10/day..80000/day}"
command -v hyperfine >/dev/null 2>&1 || { echo "bench: hyperfine is needed (Debian: apt-get install hyperfine)" >&2; exit 4; }
./mlplan --version >/dev/null   # builds the jar and the CDS archive if needed, outside the timings
hyperfine -N --warmup 1 --runs "$runs" --export-json "$out/sweep.json" \
  -n "recommend" "./mlplan recommend $workload" \
  -n "sweep 20 steps" "./mlplan sweep $workload --vary $vary --log" \
  -n "sweep 100 steps" "./mlplan sweep $workload --vary $vary --log --steps 100" \
  -n "sweep 1000 steps" "./mlplan sweep $workload --vary $vary --log --steps 1000" \
  -n "grid 10 x 10" "./mlplan sweep $workload --vary $vary --vary inference.hours_per_day=4..24 --log --steps 10" \
  -n "grid 100 x 100" "./mlplan sweep $workload --vary $vary --vary inference.hours_per_day=4..24 --log --steps 100"

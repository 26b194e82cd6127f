#!/usr/bin/env bash
# How long mlplan takes to reject bad input, with a 256 MB heap: measured, not asserted (no test
# asserts wall-clock time; the behaviour is tested by BadInputCliTest and BadInputLauncherIT).
#   bench/bad-input-timing.sh               5 in-process rounds of the whole corpus, 10 launcher runs of each heaviest input
#   ROUNDS=9 RUNS=20 bench/bad-input-timing.sh
# 1. In one -Xmx256m JVM (bench/BadInputTimes.java): every committed and generated bad input through
#    recommend and validate; median time per call, the slowest, peak heap.
# 2. Whole process (hyperfine): the heaviest inputs through ./mlplan recommend with
#    MLPLAN_JAVA_OPTS=-Xmx256m, JVM start included; median, min and max per input.
# Results in target/bench/bad-inputs/. Needs Maven, hyperfine and python3 (Debian: apt-get install hyperfine python3).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out="$root/target/bench/bad-inputs"
rounds="${ROUNDS:-5}"
runs="${RUNS:-10}"

for tool in mvn hyperfine python3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "bench: $tool is needed" >&2; exit 4; }
done
rm -rf "$out"
mkdir -p "$out"

echo "bench: building the jar and the test classes ..." >&2
./mlplan --version >/dev/null   # builds the jar and its class-data-sharing archive if needed, outside the timings
mvn -q -B -DskipTests test-compile dependency:build-classpath \
    -Dmdep.outputFile="$out/classpath.txt" -Dmdep.includeScope=test >"$out/build.log" 2>&1 \
  || { tail -n 40 "$out/build.log" >&2; exit 4; }
cp="$root/target/test-classes:$root/target/classes:$(cat "$out/classpath.txt")"

# the launcher's JVM flags, when this launcher names them, so that both halves run alike
read -r -a opts <<<"$(sed -n 's/^java_opts=(\(.*\))$/\1/p' "$root/mlplan" | head -n 1)"

{
  echo "machine: $(nproc) CPUs, $(uname -srm), load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "java:    $(java -version 2>&1 | head -n 1)"
  echo "flags:   -Xmx256m ${opts[*]:-}"
  echo
  java -Xmx256m "${opts[@]}" -cp "$cp" "$root/bench/BadInputTimes.java" "$out" "$rounds"
} | tee "$out/summary.txt"

names=()
while IFS=$'\t' read -r dir arg; do
  case "$arg" in /*) path="$arg" ;; *) path="$dir/$arg" ;; esac
  names+=(-n "$arg" "$root/mlplan recommend $path")
done <"$out/heavy.tsv"

export MLPLAN_JAVA_OPTS=-Xmx256m NO_COLOR=1
# -i: every run exits 2 (a usage error), which is the point
hyperfine -N -i --warmup 1 --runs "$runs" --export-json "$out/launcher.json" "${names[@]}" >"$out/hyperfine.log" 2>&1

python3 - "$out/launcher.json" <<'PY' | tee -a "$out/summary.txt"
import json, sys
results = json.load(open(sys.argv[1]))["results"]
print()
print("whole process, ./mlplan recommend with -Xmx256m (ms):")
print(f"  {'input':<24} {'median':>8} {'min':>8} {'max':>8}  exit codes")
for r in results:
    codes = sorted(set(r.get("exit_codes", [])))
    print(f"  {r['command']:<24} {r['median'] * 1000:8.0f} {r['min'] * 1000:8.0f} {r['max'] * 1000:8.0f}  {codes}")
PY

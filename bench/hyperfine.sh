#!/usr/bin/env bash
# Whole-process timing of ./mlplan recommend (and check, --version) against a Java hello-world on the same JVM and flags.
#   bench/hyperfine.sh              20 runs each after 3 warm-ups; results in target/bench/
#   RUNS=50 bench/hyperfine.sh      more runs
# Needs hyperfine and GNU time (Debian: apt-get install hyperfine time) and python3 for the summary.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out="$root/target/bench"
mkdir -p "$out"
runs="${RUNS:-20}"
workload="${WORKLOAD:-workloads/llama2-7b-finetune.yaml}"

for tool in hyperfine /usr/bin/time python3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "bench: $tool is needed (Debian: apt-get install hyperfine time python3)" >&2; exit 4; }
done

# the launcher's own JVM flags, so that the baseline runs with exactly those
read -r -a opts <<<"$(sed -n 's/^java_opts=(\(.*\))$/\1/p' "$root/mlplan")"
[ "${#opts[@]}" -gt 0 ] || { echo "bench: cannot find java_opts=(...) in ./mlplan" >&2; exit 4; }

javac -d "$out/hello" "$root/bench/HelloWorld.java"
./mlplan --version >/dev/null   # builds the jar and the CDS archive if needed, outside the timings

hello="java ${opts[*]} -cp $out/hello HelloWorld"
json="./mlplan recommend $workload --format json --output $out/plan.json"
table="./mlplan recommend $workload"
nocds="java ${opts[*]} -jar target/mlplan.jar recommend $workload --format json --output $out/plan-nocds.json"
version="./mlplan --version"
check="./mlplan check $workload"

{
  echo "machine: $(nproc) CPUs, $(free -h | awk '/^Mem:/{print $2}') memory, $(uname -srm)"
  echo "java:    $(java -version 2>&1 | head -n 1) / $(java -version 2>&1 | tail -n 1)"
  echo "flags:   ${opts[*]}"
  echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (before)"
} | tee "$out/machine.txt"

hyperfine -N --warmup 3 --runs "$runs" --export-json "$out/hyperfine.json" \
  -n hello-world "$hello" \
  -n "recommend --format json" "$json" \
  -n "recommend (table)" "$table" \
  -n "recommend json, no app CDS" "$nocds" \
  -n "check (the CI gate)" "$check" \
  -n "mlplan --version" "$version"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (after)" | tee -a "$out/machine.txt"

# peak resident set size, median of 5 runs each
rss() {
  local i
  for i in 1 2 3 4 5; do
    /usr/bin/time -f '%M' -o "$out/rss.tmp" "$@" >/dev/null 2>&1 || true
    cat "$out/rss.tmp"
  done | sort -n | sed -n 3p
}
{
  echo "hello-world $(rss java "${opts[@]}" -cp "$out/hello" HelloWorld)"
  echo "recommend-json $(rss ./mlplan recommend "$workload" --format json --output "$out/plan.json")"
  echo "recommend-table $(rss ./mlplan recommend "$workload")"
} >"$out/rss.txt"
rm -f "$out/rss.tmp"

python3 - "$out/hyperfine.json" "$out/rss.txt" <<'PY' | tee "$out/summary.txt"
import json, sys
res = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
rss = dict(line.split() for line in open(sys.argv[2]) if line.strip())
hello = res["hello-world"]["median"]
print(f"{'command':30} {'median':>9} {'mean±sd':>16} {'min':>8} {'× hello':>8}")
for name, r in res.items():
    print(f"{name:30} {r['median']*1000:7.0f}ms {r['mean']*1000:8.0f}±{r['stddev']*1000:<4.0f}ms {r['min']*1000:6.0f}ms {r['median']/hello:7.1f}×")
print()
print("target: recommend median ≤ 3 × hello-world =", f"{3*hello*1000:.0f} ms")
for k, v in rss.items():
    print(f"peak RSS {k:16} {int(v)/1024:6.0f} MB (median of 5; target ≤ 200 MB)")
PY

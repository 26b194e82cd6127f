#!/usr/bin/env bash
# Whole-process timing of ./mlplan against a Java hello-world on the same JVM and flags, in interleaved
# rounds: each round runs every command RUNS times with hyperfine, the order rotated from round to
# round, so that a change in the machine's load falls on every command alike. Results in target/bench/.
#   bench/hyperfine.sh                          8 rounds × 5 runs of each command
#   ROUNDS=12 RUNS=5 bench/hyperfine.sh         more
#   BEFORE=/path/to/other/checkout bench/hyperfine.sh
#                                               also that checkout's ./mlplan recommend, paired with this one
# Needs hyperfine and python3 (Debian: apt-get install hyperfine python3).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out="$root/target/bench"
mkdir -p "$out"
rounds="${ROUNDS:-8}"
runs="${RUNS:-5}"
workload="${WORKLOAD:-workloads/llama2-7b-finetune.yaml}"

for tool in hyperfine python3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "bench: $tool is needed (Debian: apt-get install hyperfine python3)" >&2; exit 4; }
done

# the launcher's own JVM flags, so that the baseline runs with exactly those
read -r -a opts <<<"$(sed -n 's/^java_opts=(\(.*\))$/\1/p' "$root/mlplan")"
[ "${#opts[@]}" -gt 0 ] || { echo "bench: cannot find java_opts=(...) in ./mlplan" >&2; exit 4; }

javac -d "$out/hello" "$root/bench/HelloWorld.java"
./mlplan --version >/dev/null   # builds the jar and the CDS archive if needed, outside the timings

commands=(
  "hello-world" "java ${opts[*]} -cp $out/hello HelloWorld"
  "recommend --format json" "./mlplan recommend $workload --format json --output $out/plan.json"
  "recommend (table)" "./mlplan recommend $workload"
  "check (the CI gate)" "./mlplan check $workload"
  "mlplan --version" "./mlplan --version"
)
if [ -n "${BEFORE:-}" ]; then
  "$BEFORE/mlplan" --version >/dev/null
  commands+=("BEFORE recommend --format json" "$BEFORE/mlplan recommend $root/$workload --format json --output $out/plan-before.json")
fi

{
  echo "machine: $(nproc) CPUs, $(free -h | awk '/^Mem:/{print $2}') memory, $(uname -srm)"
  echo "java:    $(java -version 2>&1 | head -n 1)"
  echo "flags:   ${opts[*]}"
} | tee "$out/machine.txt"

python3 - "$out" "$rounds" "$runs" "${commands[@]}" <<'PY' | tee "$out/summary.txt"
import json, os, statistics, subprocess, sys
out, rounds, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
cmds = list(zip(sys.argv[4::2], sys.argv[5::2]))
times = {name: [] for name, _ in cmds}
loads = [os.getloadavg()[0]]
for r in range(rounds):
    order = cmds[r % len(cmds):] + cmds[:r % len(cmds)]
    args = ["hyperfine", "-N", "--style", "none", "--warmup", "1", "--runs", str(runs), "--export-json", f"{out}/round.json"]
    for name, cmd in order:
        args += ["-n", name, cmd]
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
    for res in json.load(open(f"{out}/round.json"))["results"]:
        times[res["command"]] += res["times"]
    loads.append(os.getloadavg()[0])
json.dump({"times": times, "loads": loads}, open(f"{out}/times.json", "w"))
hello = statistics.median(times["hello-world"])
print(f"{'command':32} {'runs':>5} {'median':>9} {'min':>8} {'× hello':>8}")
for name, _ in cmds:
    t = times[name]
    print(f"{name:32} {len(t):5} {statistics.median(t)*1000:7.1f}ms {min(t)*1000:6.1f}ms {statistics.median(t)/hello:7.2f}×")
print(f"\ntarget: recommend median ≤ 5 × hello-world = {5*hello*1000:.0f} ms")
print("load average (1 min) before and after each round: " + " ".join(f"{l:.2f}" for l in loads))
PY

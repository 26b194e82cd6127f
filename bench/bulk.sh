#!/usr/bin/env bash
# An organisation's workloads in one run (issue 19): N workload files, each with every part (two
# training jobs, two services, a batch job, two storage items) and `regions: [any]`, planned in one
# process against one such file. Wall time, CPU time and peak RSS from bench/rusage.py; results in
# target/bench/bulk.json.
#   bench/bulk.sh                 1,000 files, 3 runs of each command
#   N=200 RUNS=5 bench/bulk.sh
#   HEAP=512m bench/bulk.sh       also run the N-file commands under -Xmx512m (MLPLAN_JAVA_OPTS)
# Targets: N = 1,000 files within 50 × one file (whole process), peak RSS within 400 MB.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out="$root/target/bench"
dir="$out/bulk"
n="${N:-1000}"
runs="${RUNS:-3}"
rm -rf "$dir" && mkdir -p "$dir"
# each file differs in its name, data sizes and traffic, so that no two plans are the same
for i in $(seq -w 1 "$n"); do
  k=$((10#$i))
  cat >"$dir/team-$i.yaml" <<YAML
version: 2
name: team-$i
description: Team $i - fine-tune, pretraining ablation, chat and embedding services, nightly batch, data
regions: [any]
budget:
  monthly: $((20000 + k * 10)) USD
constraints:
  allow_spot: true
  max_nodes: 8
training:
  - name: nightly-finetune
    model: { preset: llama-3.1-8b, precision: bf16 }
    method: lora
    dataset: { size: 2 GB, tokens: $((100 + k % 200))M, location: s3 }
    sequence_length: 4096
    runs_per_month: 30
    deadline: 6h
  - name: weekly-ablation
    model: { preset: llama-3.2-1b, precision: bf16 }
    method: full
    dataset: { size: 80 GB, tokens: $((10 + k % 20))B, location: s3 }
    sequence_length: 2048
    runs_per_month: 4
    deadline: 48h
inference:
  - name: chat
    model: { preset: llama-3.1-8b, precision: fp16 }
    traffic: { average: $((5 + k % 20))/s, peak: $((30 + k % 40))/s, pattern: diurnal }
    tokens_in: 512
    tokens_out: 256
    latency_p99: 10s
  - name: embeddings
    model: { preset: bert-base, precision: fp16 }
    traffic: { average: $((100 + k % 300))/s, peak: 600/s, pattern: steady }
    tokens_in: 256
    latency_p99: 100ms
batch:
  name: nightly-embed
  model: { preset: bge-large-en-v1.5, precision: fp16 }
  items: $((1 + k % 10))M
  tokens_in: 512
  tokens_out: 0
  deadline: 6h
  runs_per_month: 30
storage:
  - name: datasets
    data: $((1 + k % 9)) TB
    growth: 200 GB/month
    reads: 500/s
    writes: 20/s
    access: frequent
    serves: weekly-ablation
  - name: feature-store
    data: 500 GB
    iops: 20000
    throughput: 250 MB/s
    access: frequent
    serves: embeddings
YAML
done
./mlplan --version >/dev/null   # builds the jar and the CDS archive if needed, outside the timings
one="$dir/team-$(printf "%0${#n}d" 1).yaml"
./mlplan validate "$one" >/dev/null
all="$(printf '%s ' "$dir"/*.yaml)"
cmds=(
  "one file (json)=./mlplan recommend $one --format json --output $out/bulk-one.json"
  "$n files (json)=./mlplan recommend $all--format json --output $out/bulk-all.json"
  "$n files (csv report)=./mlplan report $all--format csv --output $out/bulk-all.csv"
  "$n files (check)=./mlplan check $all--junit $out/bulk-junit.xml"
)
if [ -n "${HEAP:-}" ]; then
  cmds+=("$n files (json, -Xmx$HEAP)=env MLPLAN_JAVA_OPTS=-Xmx$HEAP ./mlplan recommend $all--format json --output $out/bulk-heap.json")
fi
[ -n "${GEN_ONLY:-}" ] && exit 0
python3 "$root/bench/rusage.py" -n "$runs" -o "$out/bulk.json" "${cmds[@]}"

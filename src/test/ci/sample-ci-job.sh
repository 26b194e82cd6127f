#!/usr/bin/env bash
# A sample CI job for mlplan's cost gate, as a pipeline would run it on a pull request:
#
#   0. on main: save the plan as the baseline   (mlplan recommend … --format json --output baseline.json)
#   1. pass: the workloads as on main, checked against the baseline (+10% allowed)   → exit 0
#   2. warn: the same workloads against a tight --budget / --warn-at                   → exit 0
#   3. fail: the pull request's workloads (3 epochs instead of 1) against the baseline → exit 1
#
# Each run writes JUnit XML (--junit) and appends a Markdown summary to $GITHUB_STEP_SUMMARY, as on
# GitHub Actions (GITHUB_ACTIONS=true also prints ::error / ::warning annotations). The script
# prints every exit code, JUnit file and summary, and exits non-zero when a run's exit code or
# overall status is not the expected one.
#
# Usage: src/test/ci/sample-ci-job.sh [OUTPUT_DIR]
#   MLPLAN  the mlplan command to run (default: the repository's ./mlplan launcher)
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
out="${1:-$(mktemp -d)}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
read -r -a mlplan <<<"${MLPLAN:-$root/mlplan}"
cd "$here"   # workload paths in the output are relative: main/…, pr/…

failures=0

section() { printf '\n===== %s =====\n' "$*"; }

# run NAME EXPECTED_CODE EXPECTED_STATUS ARGS…: one gate run with its own JUnit file and step summary
run() {
  local name="$1" expected="$2" status="$3"
  shift 3
  section "$name: mlplan $*"
  : >"$out/$name-summary.md"
  GITHUB_ACTIONS=true GITHUB_STEP_SUMMARY="$out/$name-summary.md" NO_COLOR=1 \
    "${mlplan[@]}" "$@" --junit "$out/$name-junit.xml"
  local code=$?
  echo "--- exit code: $code (expected $expected)"
  echo "--- JUnit: $out/$name-junit.xml"
  cat "$out/$name-junit.xml" 2>/dev/null || echo "(not written)"
  echo "--- step summary: $out/$name-summary.md"
  cat "$out/$name-summary.md"
  if [ "$code" -ne "$expected" ]; then
    echo "!!! $name: exit code $code, expected $expected"
    failures=$((failures + 1))
  fi
  if ! grep -q "mlplan check: $status" "$out/$name-summary.md"; then
    echo "!!! $name: the summary does not say 'mlplan check: $status'"
    failures=$((failures + 1))
  fi
  echo "$name $code" >>"$out/exit-codes.txt"
}

: >"$out/exit-codes.txt"
section "main: save the baseline plan"
"${mlplan[@]}" recommend main/ci-finetune.yaml main/ci-serving.yaml --format json --output "$out/baseline.json"
code=$?
echo "--- exit code: $code (expected 0); baseline: $out/baseline.json"
[ "$code" -eq 0 ] || failures=$((failures + 1))

run pass 0 pass check main/ci-finetune.yaml main/ci-serving.yaml --baseline "$out/baseline.json" --max-increase 10%
run warn 0 warn check main/ci-finetune.yaml main/ci-serving.yaml --budget 10000USD --warn-at 1%
run fail 1 fail check pr/ci-finetune.yaml pr/ci-serving.yaml --baseline "$out/baseline.json" --max-increase 10%

section "exit codes"
cat "$out/exit-codes.txt"
if [ "$failures" -ne 0 ]; then
  echo "sample CI job: $failures unexpected result(s)"
  exit 1
fi
echo "sample CI job: pass, warn and fail runs behaved as expected"

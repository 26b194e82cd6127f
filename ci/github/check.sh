#!/usr/bin/env bash
# Runs `mlplan check` for the "mlplan cost gate" action: annotations (GITHUB_ACTIONS=true), the JUnit
# file, and the Markdown summary, which is appended to the step summary and kept for a pull-request
# comment. Never fails itself: it records the check's exit code and status as step outputs, so that
# the comment step still runs, and the action's last step fails the job.
#
# Environment (the action's inputs):
#   MLPLAN          the mlplan command (default: mlplan on PATH)
#   FILES           workload files: paths or glob patterns (** included), separated by spaces or lines
#   BUDGET, BASELINE, MAX_INCREASE, PRICING, ARGS (further check options, split on spaces)
#   JUNIT           the JUnit file to write
#   DIFF            "true": also write the plan diff against BASELINE as Markdown (for the comment)
#   RUNNER_TEMP, GITHUB_STEP_SUMMARY, GITHUB_OUTPUT   set by the runner
set -uo pipefail
shopt -s globstar

mlplan="${MLPLAN:-mlplan}"
out_dir="${RUNNER_TEMP:-$(mktemp -d)}/mlplan"
mkdir -p "$out_dir"
markdown="$out_dir/check.md"
: >"$markdown"

files=()
for pattern in ${FILES:-workloads/*.yaml}; do
  # an unmatched pattern stays as written: check reports it as an invalid file (exit 2)
  for f in $pattern; do files+=("$f"); done
done

args=(check "${files[@]}" --junit "${JUNIT:-mlplan-junit.xml}")
[ -n "${BUDGET:-}" ] && args+=(--budget "$BUDGET")
[ -n "${PRICING:-}" ] && args+=(--pricing "$PRICING")
if [ -n "${BASELINE:-}" ]; then
  if [ -f "$BASELINE" ]; then
    args+=(--baseline "$BASELINE")
    [ -n "${MAX_INCREASE:-}" ] && args+=(--max-increase "$MAX_INCREASE")
  else
    echo "::warning title=mlplan baseline::baseline $BASELINE not found; checking budgets only"
    BASELINE=""
  fi
fi
# shellcheck disable=SC2206  # ARGS is split on spaces on purpose
[ -n "${ARGS:-}" ] && args+=($ARGS)

echo "mlplan ${args[*]}"
# the summary goes to a file of its own first, so that the comment shows exactly what the summary shows
GITHUB_ACTIONS=true GITHUB_STEP_SUMMARY="$markdown" "$mlplan" "${args[@]}" | tee "$out_dir/check.txt"
code=${PIPESTATUS[0]}
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then cat "$markdown" >>"$GITHUB_STEP_SUMMARY"; fi

case "$code" in
  0) status="$(grep -Eo '^(PASS|WARN):' "$out_dir/check.txt" | tail -n 1 | tr -d ':' | tr '[:upper:]' '[:lower:]')"
     status="${status:-pass}" ;;
  1) status=fail ;;
  2) if [ -s "$markdown" ]; then status=invalid; else status=error; fi ;;
  *) status=error ;;
esac

comment="$out_dir/comment.md"
cp "$markdown" "$comment"
if [ "${DIFF:-false}" = "true" ] && [ -n "${BASELINE:-}" ]; then
  # the whole change: this branch's plan against the baseline, when every file is valid
  if "$mlplan" recommend "${files[@]}" --format json --output "$out_dir/plan.json" >/dev/null 2>"$out_dir/recommend.err" \
    && "$mlplan" diff "$BASELINE" "$out_dir/plan.json" --format markdown --output "$out_dir/diff.md"; then
    { echo; echo "<details><summary>Plan diff against the baseline</summary>"; echo; cat "$out_dir/diff.md"; echo; echo "</details>"; } >>"$comment"
  fi
fi

{
  echo "exit-code=$code"
  echo "status=$status"
  echo "junit=$(cd "$(dirname "${JUNIT:-mlplan-junit.xml}")" && pwd)/$(basename "${JUNIT:-mlplan-junit.xml}")"
  echo "markdown=$comment"
} >>"${GITHUB_OUTPUT:-/dev/null}"
echo "mlplan: exit code $code ($status)"
exit 0

#!/usr/bin/env bash
# Runs `mlplan check` for the "mlplan cost gate" action: annotations (GITHUB_ACTIONS=true), the JUnit
# file, and the Markdown summary, which is appended to the step summary and kept for a pull-request
# comment. Never fails itself: it records the check's exit code and status as step outputs, so that
# the comment step still runs, and the action's last step fails the job.
#
# Environment (the action's inputs):
#   MLPLAN          the mlplan command (default: mlplan on PATH)
#   FILES           workload files: paths or glob patterns (** included), separated by spaces or lines;
#                   a line that names an existing file as a whole is that file (a name with spaces)
#   BUDGET, BASELINE, MAX_INCREASE, PRICING, ARGS (further check options, split on spaces, never globbed)
#   JUNIT           the JUnit file to write (its directory is created)
#   DIFF            "true": also write the plan diff against BASELINE as Markdown (for the comment)
#   RUNNER_TEMP, GITHUB_STEP_SUMMARY, GITHUB_OUTPUT   set by the runner
set -uo pipefail
shopt -s globstar nullglob

mlplan="${MLPLAN:-mlplan}"
out_dir="${RUNNER_TEMP:-$(mktemp -d)}/mlplan"
mkdir -p "$out_dir"
markdown="$out_dir/check.md"
: >"$markdown"

# FILES: each line split on blanks (never globbed while splitting), then each word globbed on its own;
# a matched name is kept whole, spaces and all
files=()
while IFS= read -r line || [ -n "$line" ]; do
  if [ -n "$line" ] && [ -e "$line" ]; then files+=("$line"); continue; fi
  read -ra words <<<"$line"
  for pattern in "${words[@]}"; do
    # shellcheck disable=SC2206  # the pattern is globbed on purpose; it holds no blank, and matches are not split
    matches=($pattern)
    # an unmatched pattern stays as written: check reports it as an invalid file (exit 2)
    if [ "${#matches[@]}" -gt 0 ]; then files+=("${matches[@]}"); else files+=("$pattern"); fi
  done
done <<<"${FILES:-workloads/*.yaml}"

# the JUnit file's absolute path, computed without cd (its directory is created so that check can write it)
junit="${JUNIT:-mlplan-junit.xml}"
case "$junit" in /*) ;; *) junit="$PWD/$junit" ;; esac
mkdir -p "$(dirname "$junit")"

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
if [ -n "${ARGS:-}" ]; then
  read -ra extra <<<"${ARGS//$'\n'/ }"
  args+=("${extra[@]}")
fi

# shell-quoted: a matched file name with a line end cannot start a workflow command of its own in the log
printf 'mlplan'; printf ' %q' "${args[@]}"; echo
# the summary goes to a file of its own first, so that the comment shows exactly what the summary shows
GITHUB_ACTIONS=true GITHUB_STEP_SUMMARY="$markdown" "$mlplan" "${args[@]}" | tee "$out_dir/check.txt"
code=${PIPESTATUS[0]}
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then cat "$markdown" >>"$GITHUB_STEP_SUMMARY"; fi

# pass or warn from the summary's heading ("## ⚠️ mlplan check: warn"), which check writes whatever --format
# ARGS asks for standard output
case "$code" in
  0) status="$(sed -n '/^## .*mlplan check: /{s/^.*mlplan check: \([a-z]*\).*$/\1/p;q;}' "$markdown")"
     case "$status" in pass | warn) ;; *) status=pass ;; esac ;;
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
  echo "junit=$junit"
  echo "markdown=$comment"
} >>"${GITHUB_OUTPUT:-/dev/null}"
echo "mlplan: exit code $code ($status)"
exit 0

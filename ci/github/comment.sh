#!/usr/bin/env bash
# Creates or updates ONE pull-request comment with the check's Markdown (the "mlplan cost gate"
# action's comment step): the comment is found by a hidden HTML marker on its first line, so each
# push edits it instead of adding another. Uses `gh api` (installed on GitHub-hosted runners).
#
# Environment:
#   BODY_FILE           the Markdown to post
#   MARKER              the hidden marker (default <!-- mlplan-cost-gate -->); one comment per marker
#   GH_TOKEN            a token with pull-requests: write (the action's github-token input)
#   GITHUB_REPOSITORY, GITHUB_EVENT_PATH   set by the runner
set -euo pipefail

marker="${MARKER:-<!-- mlplan-cost-gate -->}"
pr="$(jq -r '.pull_request.number // empty' "${GITHUB_EVENT_PATH:-/dev/null}" 2>/dev/null || true)"
if [ -z "$pr" ]; then
  echo "mlplan: not a pull-request event; no comment"
  exit 0
fi

body="$(mktemp)"
{ echo "$marker"; cat "$BODY_FILE"; } >"$body"
# GitHub refuses comments over 65,536 characters
if [ "$(wc -c <"$body")" -gt 65000 ]; then
  head -c 64000 "$body" >"$body.cut"
  printf '\n\n… cut at 64,000 characters; the full summary is on the run page.\n' >>"$body.cut"
  mv "$body.cut" "$body"
fi

id="$(gh api --paginate "repos/$GITHUB_REPOSITORY/issues/$pr/comments" \
  --jq ".[] | select(.body | startswith(\"$marker\")) | .id" | head -n 1)"
if [ -n "$id" ]; then
  gh api --method PATCH "repos/$GITHUB_REPOSITORY/issues/comments/$id" -F "body=@$body" >/dev/null
  echo "mlplan: updated comment $id on pull request #$pr"
else
  gh api --method POST "repos/$GITHUB_REPOSITORY/issues/$pr/comments" -F "body=@$body" >/dev/null
  echo "mlplan: commented on pull request #$pr"
fi

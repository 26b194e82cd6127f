#!/usr/bin/env bash
# Creates or updates ONE pull-request comment with the check's Markdown (the "mlplan cost gate"
# action's comment step): the comment is found by a hidden HTML marker on its first line, so each
# push edits it instead of adding another. Uses `gh api` (installed on GitHub-hosted runners).
#
# Environment:
#   BODY_FILE           the Markdown to post
#   MARKER              the hidden marker (default <!-- mlplan-cost-gate -->); one comment per marker
#   GH_TOKEN            a token with pull-requests: write (the action's github-token input)
#   COMMENT_AUTHOR      whose comment is edited (default: the token's user from `gh api user`, else
#                       github-actions[bot], the author of comments made with the workflow's GITHUB_TOKEN)
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
# GitHub refuses comments over 65,536 characters: cut at the last whole line within 64,000 bytes (so no
# character is cut in half), and close any <details> block left open
if [ "$(wc -c <"$body")" -gt 65000 ]; then
  LC_ALL=C awk -v max=64000 '{ n += length($0) + 1; if (n > max) exit; print }' "$body" >"$body.cut"
  open="$(grep -c '<details' "$body.cut" || true)"
  closed="$(grep -c '</details>' "$body.cut" || true)"
  for ((i = closed; i < open; i++)); do printf '\n</details>\n' >>"$body.cut"; done
  printf '\n\n… cut at 64,000 characters; the full summary is on the run page.\n' >>"$body.cut"
  mv "$body.cut" "$body"
fi

# only a comment this token wrote is edited: anyone can post a comment starting with the marker
author="${COMMENT_AUTHOR:-}"
if [ -z "$author" ]; then
  author="$(gh api user --jq .login 2>/dev/null || true)"
  # the workflow's GITHUB_TOKEN (an app installation token) cannot read /user; its comments are the bot's
  author="${author:-github-actions[bot]}"
fi
case "$author" in *[!A-Za-z0-9_.\[\]-]*) echo "mlplan: unexpected comment author '$author'"; exit 1 ;; esac
# every id, then the first (no `| head` under pipefail: gh would be cut off and fail the step)
ids="$(gh api --paginate "repos/$GITHUB_REPOSITORY/issues/$pr/comments" \
  --jq ".[] | select(.user.login == \"$author\" and (.body | startswith(\"$marker\"))) | .id")"
id="${ids%%$'\n'*}"
if [ -n "$id" ]; then
  gh api --method PATCH "repos/$GITHUB_REPOSITORY/issues/comments/$id" -F "body=@$body" >/dev/null
  echo "mlplan: updated comment $id on pull request #$pr"
else
  gh api --method POST "repos/$GITHUB_REPOSITORY/issues/$pr/comments" -F "body=@$body" >/dev/null
  echo "mlplan: commented on pull request #$pr"
fi

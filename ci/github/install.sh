#!/usr/bin/env bash
# Installs mlplan's release archive for the runner's platform (the "mlplan cost gate" action's first
# step): downloads mlplan-<version>-<platform>.tar.gz and the release's checksums_sha256.txt (JReleaser's
# default name for its SHA-256 list), verifies the archive against it, unpacks it and puts its bin/
# on the job's PATH. The archive carries its own Java runtime: the runner needs no Java.
#
# Environment:
#   MLPLAN_VERSION        release to install, e.g. 0.1.0 (a leading v is dropped)
#   MLPLAN_RELEASE_BASE   where releases are, e.g. https://github.com/mlplan/mlplan/releases/download
#   MLPLAN_ARCHIVE        a release archive already on disk (e.g. built by this workflow): no download;
#                         checked against a checksums_sha256.txt beside it when there is one
#   RUNNER_OS, RUNNER_ARCH, RUNNER_TEMP, GITHUB_PATH, GITHUB_OUTPUT   set by the runner
set -euo pipefail

fail() {
  echo "::error title=mlplan install::$*"
  exit 1
}

os="${RUNNER_OS:-$(uname -s)}"
arch="${RUNNER_ARCH:-$(uname -m)}"
case "$os/$arch" in
  Linux/X64 | Linux/x86_64) platform=linux-x86_64 ;;
  *) fail "mlplan releases are built for Linux x86_64 only; this runner is $os/$arch. Use runs-on: ubuntu-latest, or build from source with Java 17 (./mlplan)." ;;
esac

dest="${RUNNER_TEMP:-$(mktemp -d)}/mlplan-install"
rm -rf "$dest"
mkdir -p "$dest/unpacked"

# the checksum of file $1 in the checksums list $2 ("<sha256>  <name>" lines, as sha256sum and JReleaser write)
verify() {
  local file="$1" sums="$2" name expected
  name="$(basename "$file")"
  expected="$(awk -v n="$name" '$2 == n || $2 == "*" n { print $1; exit }' "$sums")"
  [ -n "$expected" ] || fail "$(basename "$sums") has no line for $name"
  echo "$expected  $file" | sha256sum --check --status \
    || fail "checksum mismatch for $name: expected $expected, got $(sha256sum "$file" | cut -d' ' -f1)"
  echo "mlplan: $name matches its SHA-256 in $(basename "$sums")"
}

if [ -n "${MLPLAN_ARCHIVE:-}" ]; then
  archive="$MLPLAN_ARCHIVE"
  [ -f "$archive" ] || fail "archive $archive not found"
  sums="$(dirname "$archive")/checksums_sha256.txt"
  if [ -f "$sums" ]; then verify "$archive" "$sums"; fi
else
  version="${MLPLAN_VERSION:-}"
  version="${version#v}"
  [ -n "$version" ] || fail "no mlplan version given (input 'version', e.g. 0.1.0)"
  [ -n "${MLPLAN_RELEASE_BASE:-}" ] || fail "no release location (MLPLAN_RELEASE_BASE)"
  name="mlplan-${version}-${platform}.tar.gz"
  base="${MLPLAN_RELEASE_BASE%/}/v${version}"
  archive="$dest/$name"
  echo "mlplan: downloading $base/$name"
  curl --fail --silent --show-error --location --retry 3 --output "$archive" "$base/$name" \
    || fail "cannot download $base/$name (is v$version released for $platform?)"
  curl --fail --silent --show-error --location --retry 3 --output "$dest/checksums_sha256.txt" "$base/checksums_sha256.txt" \
    || fail "cannot download $base/checksums_sha256.txt"
  verify "$archive" "$dest/checksums_sha256.txt"
fi

tar -xzf "$archive" -C "$dest/unpacked"
bin="$(find "$dest/unpacked" -path '*/bin/mlplan' -type f | head -n 1)"
[ -n "$bin" ] || fail "$(basename "$archive") holds no bin/mlplan"
"$bin" --version
echo "$(dirname "$bin")" >>"${GITHUB_PATH:-/dev/null}"
echo "path=$bin" >>"${GITHUB_OUTPUT:-/dev/null}"

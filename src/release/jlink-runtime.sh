#!/bin/sh
# Makes the release archive's Java runtime with jlink (run by Maven in the package phase; see pom.xml).
# Usage: jlink-runtime.sh JAVA_HOME MODULES OUTPUT_DIR
# The runtime is made again only when the modules or the JDK changed: jlink takes 10-30 s.
set -eu
jdk=$1
modules=$2
out=$3
stamp=$out.stamp
want="$modules $("$jdk/bin/java" -XshowSettings:properties -version 2>&1 | grep 'java.vm.version')"
if [ -f "$out/release" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  echo "jlink-runtime: $out is up to date ($modules)"
  exit 0
fi
if [ ! -d "$jdk/jmods" ]; then
  echo "jlink-runtime: $jdk has no jmods/ directory; install the JDK's jmods (Debian: apt-get install openjdk-17-jmods)" >&2
  exit 1
fi
rm -rf "$out" "$stamp"
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 --output "$out"
printf '%s\n' "$want" >"$stamp"
echo "jlink-runtime: $out ($modules)"

#!/usr/bin/env bash
# JMH benchmarks of the engine and the catalog (src/jmh/java, Maven profile -Pbench).
#   bench/run-jmh.sh                      every benchmark, results in target/jmh/results.json
#   bench/run-jmh.sh EngineBench.batch    a regular expression of benchmarks, then any JMH options
#   bench/run-jmh.sh Scaling -f 1 -wi 2 -i 3
# Needs Maven (first run downloads JMH 1.37 and build-helper from Maven Central).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out="$root/target/jmh"
mkdir -p "$out"
echo "bench: compiling the benchmarks (mvn -Pbench test-compile) ..." >&2
mvn -q -B -Pbench -DskipTests test-compile dependency:build-classpath \
    -Dmdep.outputFile="$out/classpath.txt" -Dmdep.includeScope=test >"$out/build.log" 2>&1 \
  || { tail -n 40 "$out/build.log" >&2; exit 4; }
cp="$root/target/test-classes:$root/target/classes:$(cat "$out/classpath.txt")"
echo "bench: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -n 1)" >&2
exec java -cp "$cp" -Dmlplan.root="$root" org.openjdk.jmh.Main \
    -rf json -rff "$out/results.json" -jvmArgsAppend "-Dmlplan.root=$root" "$@"

#!/usr/bin/env bash
# Rebuilds the embedded catalog src/main/resources/dev/mlplan/catalog/aws-catalog.json from the
# reference CSVs (default ../shared/reference, relative to the project directory).
#   scripts/build-catalog.sh [referenceDir] [outputFile]
# Needs Maven (offline is fine once dependencies are in ~/.m2) and Java 17.
set -euo pipefail
cd "$(dirname "$0")/.."
ref="${1:-../shared/reference}"
out="${2:-src/main/resources/dev/mlplan/catalog/aws-catalog.json}"
cp_file="target/catalog-build.classpath"
mvn -q -B -o compile dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime
java -cp "target/classes:$(cat "$cp_file")" dev.mlplan.catalog.build.CatalogBuilder "$ref" "$out"


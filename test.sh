#!/usr/bin/env bash
# Builds the solution once and runs every test project against a throwaway PostgreSQL.
# Usage: ./test.sh [FILTER]   (FILTER is passed to `dotnet test --filter`)
# The last line printed is `N passed, N failed[, N skipped]`; exit code is non-zero
# if the build failed, any test failed, a test project could not run, or no test ran.
set -euo pipefail
cd "$(dirname "$0")"

filter=${1:-}
config=Release
results=artifacts/test-results
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
python=$(command -v /usr/bin/python3 || command -v python3)

bash scripts/install-test-deps.sh

# A connection string given by the caller wins; otherwise start our own cluster.
if [ -z "${RESMONITOR_TEST_POSTGRES:-}" ]; then
    trap 'bash scripts/postgres-test.sh stop' EXIT   # set first: also cleans up a half-started cluster
    pg_env=$(bash scripts/postgres-test.sh start)    # separate assignment so a failed start stops us
    eval "$pg_env"
fi
export RESMONITOR_TEST_POSTGRES

rm -rf "$results"
mkdir -p "$results"

if ! dotnet build ResMonitor.slnx -c "$config"; then
    echo "FAILED: build failed, no tests were run"
    echo "0 passed, 1 failed"
    exit 1
fi

runs=()
for project in tests/ResMonitor.Core.Tests tests/ResMonitor.Web.Tests tests/ResMonitor.Browser.Tests; do
    name=$(basename "$project")
    [ -f "$project/$name.csproj" ] || continue
    # --no-build runs what the solution build produced, so the project must be in the .slnx.
    grep -q "$name.csproj" ResMonitor.slnx || echo "WARNING: $project is not in ResMonitor.slnx; it was not built, so its run will fail"
    echo "=== $name"
    # blame-hang: a hung test is killed after 10 minutes instead of eating the CI time limit.
    code=0
    dotnet test "$project/$name.csproj" -c "$config" --no-build \
        --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
        --blame-hang-timeout 10m --blame-hang-dump-type none \
        ${filter:+--filter "$filter"} || code=$?
    runs+=("$name:$code:$results/$name.trx")
done

echo "=== Summary (TRX files in $results)"
"$python" scripts/summarise-tests.py "${runs[@]}"

#!/usr/bin/env bash
# Mutation testing of the rule files with Stryker.NET: how many small faults put into a rule (a < made <=, a
# condition negated, a message emptied) make at least one Core test fail.
#
# Usage: scripts/mutation.sh [RULE ...]     e.g. scripts/mutation.sh PhaseRules DutchNumber
#   RULE is one of the names below (default: all of them, in one Stryker run).
#   MUTATION_CONCURRENCY=N  test sessions in parallel (default 1; the machine is small and shared).
#
# Prints the score per rule file and each surviving mutant; the HTML and JSON reports are written to
# artifacts/mutation/<run>/reports/ (git-ignored), and stryker.log beside it shows a dot per mutant tested.
# Not part of ./test.sh: a run over all files takes 30 to 50 minutes on two cores.
# How to read the result, and the mutants no test can catch: docs/mutation-testing.md.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# The rule files, relative to src/ResMonitor.Core.
declare -A rules=(
    [CompetentAuthorityRule]=Projects/CompetentAuthorityRule.cs
    [PhaseRules]=Projects/PhaseRules.cs
    [ProjectValidation]=Projects/ProjectValidation.cs
    [Overview]=Energy/Overview.cs
    [YieldCalculator]=Energy/YieldCalculator.cs
    [SignalRules]=Signals/SignalRules.cs
    [EscalationRules]=Governance/EscalationRules.cs
    [ForecastModel]=Forecast/ForecastModel.cs
    [DutchNumber]=Import/DutchNumber.cs
    [CsvReader]=Import/CsvReader.cs
)
order=(CompetentAuthorityRule PhaseRules ProjectValidation Overview YieldCalculator SignalRules EscalationRules
    ForecastModel DutchNumber CsvReader)

selected=("$@")
[ ${#selected[@]} -gt 0 ] || selected=("${order[@]}")
mutate=()
for name in "${selected[@]}"; do
    if [ -z "${rules[$name]:-}" ]; then
        echo "Onbekend regelbestand '$name'; kies uit: ${order[*]}" >&2
        exit 2
    fi
    mutate+=(--mutate "**/${rules[$name]}")
done

if [ ${#selected[@]} -eq ${#order[@]} ]; then run=all; else run=$(IFS=+; echo "${selected[*]}"); fi
output="$root/artifacts/mutation/$run"
rm -rf "$output"
mkdir -p "$output"

# The tool version is pinned in .config/dotnet-tools.json.
dotnet tool restore >/dev/null

echo "=== Stryker on ${selected[*]} (output in ${output#"$root"/})"
code=0
(cd tests/ResMonitor.Core.Tests && dotnet stryker \
    "${mutate[@]}" \
    --configuration Release \
    --concurrency "${MUTATION_CONCURRENCY:-1}" \
    --reporter Dots --reporter Json --reporter Html \
    --threshold-high 90 --threshold-low 80 \
    --skip-version-check \
    --output "$output") >"$output/stryker.log" 2>&1 || code=$?

report="$output/reports/mutation-report.json"
if [ ! -f "$report" ]; then
    tail -40 "$output/stryker.log"
    echo "FAILED: Stryker wrote no report (exit code $code); the log is $output/stryker.log"
    exit 1
fi

paths=()
for name in "${selected[@]}"; do paths+=("src/ResMonitor.Core/${rules[$name]}"); done
python3 scripts/summarise-mutation.py "$report" "${paths[@]}"
exit "$code"

#!/usr/bin/env bash
# Times the 2030 forecast (Monte Carlo) on a generated pipeline: bench/forecast/run.sh [PROJECTS] [RUNS] [REPEATS]
# Defaults: 50,000 projects x 10,000 runs, median of 3. Writes bench/out/forecast-results.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=bench/out
mkdir -p "$out"
dotnet build bench/forecast/ResMonitor.Bench.Forecast.csproj -c Release -nologo -v quiet -o "$out/forecast/build" >/dev/null
{
  echo "# Forecast benchmark"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, load $(cut -d' ' -f1 /proc/loadavg) at the start, .NET $(dotnet --version)."
  echo
  dotnet "$out/forecast/build/ResMonitor.Bench.Forecast.dll" "${1:-50000}" "${2:-10000}" "${3:-3}"
} | tee "$out/forecast-results.md"

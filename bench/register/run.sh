#!/usr/bin/env bash
# Times building the register's state for today and a past day, and the memory of 11 past days:
#   bench/register/run.sh DATABASE [PAST-DAY yyyy-mm-dd] [REPEATS]
# DATABASE as for resmonitor --database (e.g. sqlite:bench/out/site/national.db). Writes bench/out/register-results.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=bench/out
mkdir -p "$out"
dotnet build bench/register/ResMonitor.Bench.Register.csproj -c Release -nologo -v quiet -o "$out/register/build" >/dev/null
{
  echo "# Register state benchmark"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, load $(cut -d' ' -f1 /proc/loadavg) at the start, .NET $(dotnet --version), database $1."
  echo
  dotnet "$out/register/build/ResMonitor.Bench.Register.dll" "$@"
} | tee "$out/register-results.md"

#!/usr/bin/env bash
# First command on a fresh machine: checks what is needed, builds, creates and seeds the embedded SQLite
# database with the Drenthe reference data and real parks (no examples; `./resmonitor seed --examples` adds the
# fictitious examples for a demonstration), and starts the monitor.
#   ./run.sh                      http://127.0.0.1:5080, database sqlite:data/resmonitor.db
#   ./run.sh --urls http://0.0.0.0:8080
#   RESMONITOR_DATABASE=postgres:Host=...;Database=...;Username=...;Password=... ./run.sh
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "De .NET 10 SDK ontbreekt (het commando 'dotnet'). Installeer die en start ./run.sh opnieuw." >&2
  exit 1
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "Bouwen…"
./resmonitor help >/dev/null
./resmonitor migrate
./resmonitor seed

urls="http://127.0.0.1:5080"
for ((i = 1; i <= $#; i++)); do
  if [[ "${!i}" == "--urls" ]]; then j=$((i + 1)); urls="${!j}"; fi
  if [[ "${!i}" == --urls=* ]]; then urls="${!i#--urls=}"; fi
done
echo "ResMonitor start op ${urls%%;*} (stoppen met Ctrl+C)."
exec ./resmonitor serve --urls "$urls"

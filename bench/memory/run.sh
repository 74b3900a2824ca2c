#!/usr/bin/env bash
# Memory after load (see bench/README.md): the monitor's resident memory before, during and 60 s after a heavy load
# (wrk at 256 connections) on the national data set, once per garbage-collector setting.
# Usage: bench/memory/run.sh [NATIONAL_DB]
#   NATIONAL_DB: a SQLite national database as bench/site/run.sh leaves it (default bench/out/site/national.db);
#       it is copied, never changed.
#   env DURATION=20 (seconds of wrk per address)  CONNECTIONS=256  THREADS=2  SETTLE=60 (seconds after the load)
#       VARIANTS="shipped server" (shipped: the project's own setting; server: the server collector forced with
#       DOTNET_gcServer=1, as before the setting was chosen; workstation: DOTNET_gcServer=0)
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib.sh

source_db=${1:-bench/out/site/national.db}
duration=${DURATION:-20}
connections=${CONNECTIONS:-256}
threads=${THREADS:-2}
settle=${SETTLE:-60}
variants=${VARIANTS:-shipped server}
work=bench/out/memory
results=bench/out/memory-results.md
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 ASPNETCORE_ENVIRONMENT=Production
unset DOTNET_ENVIRONMENT

[ -f "$source_db" ] || { echo "No national database at $source_db: run bench/site/run.sh first (it builds one), or name one." >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 2; }
mkdir -p "$work"
build_resmonitor "$work"
runtimeconfig=$work/build/bin/ResMonitor.Web/release/ResMonitor.Web.runtimeconfig.json

tmp=$(mktemp -d /tmp/resmonitor-bench-memory.XXXXXX)
monitor=
cleanup() { [ -z "$monitor" ] || kill "$monitor" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT

mb() { awk -v key="$2" '$1 == key":" { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

run_variant() {
    local name=$1 env_args=()
    case "$name" in
        shipped) ;;
        server) env_args=(DOTNET_gcServer=1) ;;
        workstation) env_args=(DOTNET_gcServer=0) ;;
        *) echo "unknown variant $name" >&2; exit 2 ;;
    esac
    cp "$source_db" "$tmp/national.db"
    local port=5390
    while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
    local base="http://127.0.0.1:$port"
    # The API's per-address limit is lifted: wrk is one address asking thousands of times a second.
    env "${env_args[@]}" "${app[@]}" serve --urls "$base" --database "sqlite:$tmp/national.db" \
        --Api:RateLimit:PermitLimit=0 >"$work/monitor-$name.log" 2>&1 &
    monitor=$!
    for _ in $(seq 240); do curl -sf -o /dev/null "$base/" && break; sleep 0.5; done
    curl -sf -o /dev/null "$base/" || { cat "$work/monitor-$name.log" >&2; exit 1; }
    local started; started=$(mb "$monitor" VmRSS)
    local requests=0 n
    for path in / /gemeenten /kaart /prognose /signalen "/?peildatum=2025-01-01" "/?peildatum=2024-06-01" \
        "/?peildatum=2024-01-01" "/gemeenten?peildatum=2023-06-01" /open-data/drenthe/projecten.csv; do
        wrk -t"$threads" -c"$connections" -d"${duration}s" "$base$path" >"$tmp/wrk.txt" 2>&1 || true
        cat "$tmp/wrk.txt" >>"$work/wrk-$name.log"
        n=$(awk '/requests in/ { print $1 }' "$tmp/wrk.txt"); requests=$((requests + ${n:-0}))
    done
    local after peak; after=$(mb "$monitor" VmRSS); peak=$(mb "$monitor" VmHWM)
    sleep "$settle"
    local settled; settled=$(mb "$monitor" VmRSS)
    kill "$monitor"; wait "$monitor" 2>/dev/null || true; monitor=
    echo "| $name | ${env_args[*]:-(runtimeconfig)} | $started | $peak | $after | $settled | $requests |"
}

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
{
    echo "# Memory after load"
    echo
    echo "- $(date -u +%FT%TZ), $(nproc) cores, load average at start: $load_start"
    echo "- Shipped GC settings: $(jq -c '.runtimeOptions.configProperties | with_entries(select(.key | startswith("System.GC")))' "$runtimeconfig" 2>/dev/null || echo '?')"
    echo "- Load: wrk -t$threads -c$connections -d${duration}s on each of 10 addresses of the national data set (today, 4 past days, the map, the forecast, the CSV download); resident memory (VmRSS) $settle s after the load ended"
    echo
    echo "| variant | environment | MB at start | MB peak | MB right after load | MB ${settle} s later | requests |"
    echo "|---|---|---:|---:|---:|---:|---:|"
    for variant in $variants; do run_variant "$variant"; done
    echo
    echo "- load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$results"

#!/usr/bin/env bash
# The database away under traffic (see bench/README.md): a throwaway PostgreSQL cluster is restarted, and then stopped
# for STOP seconds, while clients keep asking for public pages (served from the register in memory) and for pages that
# need the database (a project's version history, past days). Counts the answers per kind and phase.
# Usage: bench/outage/run.sh
#   env CLIENTS=2 (request loops per kind: public pages, pages that need the database)  STOP=10 (seconds the server is down)
# Aims: the restart costs no failed request; while stopped, public pages 200, the rest 503, none 500; afterwards all 200.
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib.sh

clients=${CLIENTS:-2}
stop_seconds=${STOP:-10}
work=bench/out/outage
results=bench/out/outage-results.md
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 ASPNETCORE_ENVIRONMENT=Production
unset DOTNET_ENVIRONMENT
mkdir -p "$work"
build_resmonitor "$work"
start_postgres 56600
pg() { as_pg "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w "$@" >/dev/null; }
admin -c "CREATE DATABASE outage OWNER bench"
db="postgres:Host=127.0.0.1;Port=$port;Database=outage;Username=bench;Password=bench"
"${app[@]}" --database "$db" migrate >"$work/load.log"
"${app[@]}" --database "$db" seed >>"$work/load.log"

site=5480
while (exec 3<>"/dev/tcp/127.0.0.1/$site") 2>/dev/null; do site=$((site + 1)); done
base="http://127.0.0.1:$site"
# The API limit is lifted: the loops are one address asking many times a second.
"${app[@]}" serve --urls "$base" --database "$db" --Api:RateLimit:PermitLimit=0 >"$work/monitor.log" 2>&1 &
monitor=$!
loops=()
trap 'kill "${loops[@]}" "$monitor" 2>/dev/null || true; as_pg "$pgbin/pg_ctl" -D "$pgdir/data" -m fast -w stop >/dev/null 2>&1 || true; rm -rf "$pgdir"' EXIT
for _ in $(seq 240); do curl -sf -o /dev/null "$base/" && break; sleep 0.5; done
project=$("${app[@]}" --database "$db" export projects --format csv | awk -F, 'NR == 2 { print $1 }')
public=(/ /gemeenten /prognose /kaart /api/v1/regions/drenthe/summary)
for path in "${public[@]}"; do curl -sf -o /dev/null "$base$path"; done

# loop KIND FILE: requests of one kind until killed, one line per answer: "seconds phase kind code". Each kind has
# loops of its own, so that a public page never waits behind a request that waits for the database.
loop() {
    local kind=$1 n=0 path code
    while :; do
        n=$((n + 1))
        if [ "$kind" = public ]; then
            path=${public[$((n % ${#public[@]}))]}
        elif [ $((n % 2)) -eq 0 ]; then
            # A query of its own per request, so that the output cache cannot answer it: each needs the database.
            path="/projecten/$project?n=$RANDOM$n"
        else
            path="/?peildatum=2024-$(printf %02d $((RANDOM % 12 + 1)))-$(printf %02d $((RANDOM % 28 + 1)))&n=$RANDOM$n"
        fi
        code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 60 "$base$path" || echo 000)
        echo "$(date +%s.%N) $(cat "$work/phase") $kind $code"
    done >>"$2"
}

rm -f "$work/answers.txt"
echo before >"$work/phase"
for _ in $(seq "$clients"); do
    loop public "$work/answers.txt" & loops+=($!)
    loop database "$work/answers.txt" & loops+=($!)
done
sleep 3
echo restart >"$work/phase"
pg restart -m fast
sleep 8
echo stopped >"$work/phase"
pg stop -m fast
sleep $((stop_seconds / 2))
notice=$(curl -s "$base/gemeenten" | grep -c "De database is even niet bereikbaar" || true)
sleep $((stop_seconds - stop_seconds / 2))
echo recovering >"$work/phase"
pg start
sleep 8
echo after >"$work/phase"
sleep 5
kill "${loops[@]}"; wait "${loops[@]}" 2>/dev/null || true; loops=()
health=$(curl -s -o /dev/null -w '%{http_code}' "$base/health")

{
    echo "# Database away under traffic"
    echo
    echo "- $(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $clients request loops per kind"
    echo "- PostgreSQL $("$pgbin/postgres" --version | awk '{ print $3 }'), restarted (\`pg_ctl restart -m fast\`), then stopped for $stop_seconds s and started again"
    echo "- public: ${public[*]}; database: /projecten/$project (version history) and past days (?peildatum=), each with a query of its own (past the output cache)"
    echo "- /gemeenten half-way the stop carries the notice that the figures may be out of date: $([ "$notice" -gt 0 ] && echo yes || echo no)"
    echo "- /health after recovery: $health"
    echo
    echo "| phase | kind | answers | 200 | 503 | 500 | other |"
    echo "|---|---|---:|---:|---:|---:|---:|"
    for phase in before restart stopped recovering after; do
        for kind in public database; do
            awk -v p="$phase" -v k="$kind" '$2 == p && $3 == k { n++; c[$4]++ }
                END { other = n - c["200"] - c["503"] - c["500"]; printf "| %s | %s | %d | %d | %d | %d | %d |\n", p, k, n, c["200"], c["503"], c["500"], other }' "$work/answers.txt"
        done
    done
    echo
    echo "(*stopped* starts at the stop command and ends when \`pg_ctl start\` is given; a request sent near the end of it may"
    echo "be answered after the server is back, with 200.)"
} | tee "$results"

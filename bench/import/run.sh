#!/usr/bin/env bash
# Import benchmark (see bench/README.md): N generated projects imported by `resmonitor import projects` into
# SQLite and PostgreSQL, compared with a raw bulk load of the same file (sqlite3 .import, psql COPY); then, on the
# register that import made, a re-import of the same file (all unchanged), the export to CSV and to XLSX, and the
# re-import of that XLSX (all unchanged); last, peak memory importing an XLSX at the row limit and one three times over it.
# Usage: bench/import/run.sh [N=100000]     env RUNS=3: runs per measurement (median time, highest peak RSS); GC=server
# to run the commands with the server garbage collector instead of the workstation one that ./resmonitor sets.
set -euo pipefail
cd "$(dirname "$0")/../.."

n=${1:-100000}
runs=${RUNS:-3}
work=bench/out/import
results=bench/out/import-results.md
mkdir -p "$work"
load=$(cut -d' ' -f1 /proc/loadavg)   # reported: other work on the machine makes the times noisy
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# As ./resmonitor runs every command but serve: with the workstation garbage collector (GC=server to compare).
[ "${GC:-}" = server ] || export DOTNET_gcServer=0

echo "== generating $n projects" >&2
csv=$work/projects-$n.csv
one=$work/projects-1.csv
python3 bench/import/generate.py "$n" "$csv"
python3 bench/import/generate.py 1 "$one"
columns=$(head -n1 "$csv" | sed 's/,/ text, /g; s/$/ text/')
size=$(stat -c %s "$csv")
[ "$size" -le $((50 * 1024 * 1024)) ] || export RESMONITOR_IMPORT_MAX_BYTES=$size   # the default limit is 50 MB

# A Release build apart from the working tree, and a throwaway PostgreSQL (bench/lib.sh).
source bench/lib.sh
build_resmonitor "$work"
start_postgres 56432
pg="Host=127.0.0.1;Port=$port;Username=bench;Password=bench;Database=bench"
psql_bench=(psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U bench -d bench)

# Setups (not timed): a fresh database for every run.
fresh_pg() { admin -c "DROP DATABASE IF EXISTS bench" -c "CREATE DATABASE bench OWNER bench"; }
db=$work/bench.db
raw_sqlite() { rm -f "$db"*; sqlite3 "$db" "CREATE TABLE raw_projects ($columns)"; }
raw_pg() { fresh_pg; "${psql_bench[@]}" -c "CREATE TABLE raw_projects ($columns)"; }
app_sqlite() { rm -f "$db"*; "${app[@]}" --database "sqlite:$db" migrate && "${app[@]}" --database "sqlite:$db" seed --without-examples --skip-projects; }
app_pg() { fresh_pg; "${app[@]}" --database "postgres:$pg" migrate && "${app[@]}" --database "postgres:$pg" seed --without-examples --skip-projects; }
none() { :; }

# measure SETUP CMD...: runs SETUP then CMD under /usr/bin/time, $runs times; prints "median-seconds max-rss-kB".
measure() {
    local setup=$1 t0 t1
    shift
    : >"$work/samples"
    for _ in $(seq "$runs"); do
        $setup >"$work/setup.log" 2>&1 || { cat "$work/setup.log" >&2; echo "FAILED: $setup" >&2; exit 1; }
        t0=$(date +%s.%N)
        /usr/bin/time -v -o "$work/time.txt" "$@" >"$work/last.log" 2>&1 ||
            { tail -n 30 "$work/last.log" >&2; echo "FAILED: $*" >&2; exit 1; }
        t1=$(date +%s.%N)
        echo "$(awk "BEGIN { print $t1 - $t0 }") $(awk '/Maximum resident/ { print $NF }' "$work/time.txt")" >>"$work/samples"
    done
    sort -n "$work/samples" | awk '{ s[NR] = $1; if ($2 > m) m = $2 } END { print s[int((NR + 1) / 2)], m }'
}

# row DATABASE LOAD ROWS "SECONDS RSS" [RAW-SECONDS [STARTUP-SECONDS]]: adds a line to the result table.
table=()
row() {
    local s=${4% *} kb=${4#* }
    table+=("$(awk -v d="$1" -v l="$2" -v n="$3" -v s="$s" -v kb="$kb" -v raw="${5:-}" -v st="${6:-}" 'BEGIN {
        printf "| %s | %s | %d | %.2f | %.0f | %.0f | %s | %s |", d, l, n, s, n / s, kb / 1024,
            raw == "" ? "" : sprintf("%.2f", raw / s), st == "" || s <= st ? "" : sprintf("%.2f", raw / (s - st)) }')")
}

# round_trip DATABASE SETTING: on the register the last import left (N projects, each with its audit entry), a
# re-import of the same file, the export to CSV and XLSX, and the re-import of the XLSX. Each must change nothing.
round_trip() {
    local name=$1 setting=$2 again csv_out xlsx_out xlsx_in label
    label=$(echo "$name" | tr 'A-Z' 'a-z')
    echo "== $name: re-import, export, XLSX re-import" >&2
    again=$(measure none "${app[@]}" --database "$setting" import projects "$csv")
    unchanged "$name re-import"
    csv_out=$(measure none "${app[@]}" --database "$setting" export projects --format csv --output "$work/export-$label.csv")
    xlsx_out=$(measure none "${app[@]}" --database "$setting" export projects --format xlsx --output "$work/export-$label.xlsx")
    xlsx_in=$(measure none "${app[@]}" --database "$setting" import projects "$work/export-$label.xlsx")
    unchanged "$name XLSX re-import"
    row "$name" "resmonitor import, same file again (all unchanged)" "$n" "$again"
    row "$name" "resmonitor export --format csv" "$n" "$csv_out"
    row "$name" "resmonitor export --format xlsx ($(( $(stat -c %s "$work/export-$label.xlsx") / 1024 / 1024 )) MB)" "$n" "$xlsx_out"
    row "$name" "resmonitor import of that XLSX (all unchanged)" "$n" "$xlsx_in"
}

# unchanged WHAT: the last import changed nothing and wrote no audit entry.
unchanged() {
    grep -q "nieuw: 0, gewijzigd: 0, ongewijzigd: $n," "$work/last.log" ||
        { cat "$work/last.log" >&2; echo "FAILED: $1 was not unchanged" >&2; exit 1; }
}

echo "== start-up" >&2
help=$(measure none "${app[@]}" help)
one_sqlite=$(measure app_sqlite "${app[@]}" --database "sqlite:$db" import projects "$one")
one_pg=$(measure app_pg "${app[@]}" --database "postgres:$pg" import projects "$one")

echo "== SQLite: raw .import, then resmonitor import" >&2
raw=$(measure raw_sqlite sqlite3 "$db" ".import --csv --skip 1 $csv raw_projects")
got=$(sqlite3 "$db" "SELECT count(*) FROM raw_projects")
check=$(measure app_sqlite "${app[@]}" --database "sqlite:$db" import projects "$csv" --dry-run)
full=$(measure app_sqlite "${app[@]}" --database "sqlite:$db" import projects "$csv")
cp "$work/last.log" "$work/import-sqlite.log"
imported=$(sqlite3 "$db" "SELECT count(*) FROM projects")
row SQLite "raw .import" "$got" "$raw"
row SQLite "resmonitor import --dry-run (checks only)" "$n" "$check"
row SQLite "resmonitor import" "$imported" "$full" "${raw% *}" "${one_sqlite% *}"
round_trip SQLite "sqlite:$db"

echo "== PostgreSQL: raw COPY, then resmonitor import" >&2
raw=$(measure raw_pg "${psql_bench[@]}" -c "\\copy raw_projects FROM '$csv' WITH (FORMAT csv, HEADER true)")
got=$("${psql_bench[@]}" -Atc "SELECT count(*) FROM raw_projects")
full=$(measure app_pg "${app[@]}" --database "postgres:$pg" import projects "$csv")
cp "$work/last.log" "$work/import-postgres.log"
imported=$("${psql_bench[@]}" -Atc "SELECT count(*) FROM projects")
row PostgreSQL "raw COPY" "$got" "$raw"
row PostgreSQL "resmonitor import" "$imported" "$full" "${raw% *}" "${one_pg% *}"
round_trip PostgreSQL "postgres:$pg"

echo "== XLSX at the row limit and three times over it (SQLite)" >&2
# The largest workbooks the import takes: N rows (the row limit, --max-rows N; by default 100,000) and 3 x N rows (for
# N = 100,000 about 35 MB packed and 410 MB unpacked, under both the 50 MB upload limit and the 500 MB unpacking
# limit, so that it is the row limit that refuses it, as soon as row N + 1 is read; 4 x N unpacks past 500 MB and is
# refused before reading). Aim: peak RSS under 300 MB for both.
limit_xlsx=$work/limit-$n.xlsx
over_xlsx=$work/over-$n.xlsx
python3 bench/import/xlsx.py "$csv" "$limit_xlsx" 1
python3 bench/import/xlsx.py "$csv" "$over_xlsx" 3
for f in "$limit_xlsx" "$over_xlsx"; do
    [ "$(stat -c %s "$f")" -le $((50 * 1024 * 1024)) ] || echo "NOTE: $f is over the default upload limit of 50 MB" >&2
done
# refused CMD...: exit 0 when CMD exits 1 (refused) and its message names the row limit.
refused=(bash -c '"$@" >"$0" 2>&1; code=$?; grep -q "dat is de grens per bestand" "$0" && [ $code -eq 1 ]' "$work/refused.log")
limit_in=$(measure app_sqlite "${app[@]}" --database "sqlite:$db" import projects "$limit_xlsx" --max-rows "$n")
over_in=$(measure app_sqlite "${refused[@]}" "${app[@]}" --database "sqlite:$db" import projects "$over_xlsx" --max-rows "$n")
row SQLite "resmonitor import, XLSX of $n rows at the limit ($(( $(stat -c %s "$limit_xlsx") / 1024 / 1024 )) MB)" "$n" "$limit_in"
row SQLite "resmonitor import, XLSX of $((n * 3)) rows, refused at row $((n + 1)) ($(( $(stat -c %s "$over_xlsx") / 1024 / 1024 )) MB)" "$n" "$over_in"

{
    echo "# Import benchmark"
    echo
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $n rows ($((size / 1024 / 1024)) MB), median of $runs runs," \
        "$(nproc) CPUs (load $load at the start, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), .NET SDK $(dotnet --version)," \
        "SQLite $(sqlite3 --version | cut -d' ' -f1), PostgreSQL $(psql -V | cut -d' ' -f3)."
    echo
    echo "| database | load | rows | seconds | rows/s | peak RSS MB | ratio to raw | ratio excl. start-up |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|"
    printf '%s\n' "${table[@]}"
    echo
    echo "Start-up of resmonitor (included in the import times above):" \
        "\`help\` $(awk -v s="${help% *}" 'BEGIN { printf "%.2f", s }') s," \
        "1-row import SQLite $(awk -v s="${one_sqlite% *}" 'BEGIN { printf "%.2f", s }') s," \
        "PostgreSQL $(awk -v s="${one_pg% *}" 'BEGIN { printf "%.2f", s }') s."
    echo "Ratio = raw seconds / import seconds (aim: at least 0.2); excl. start-up subtracts the 1-row import time."
    echo "Every import goes the full way: checks, comparison with the register, manual corrections, audit entries" \
        "(one per new project, written in bulk). The rows after each import run on the register it left."
    echo "Aim for peak RSS: under 500 MB; importing the largest allowed XLSX (at the row limit, or over it and refused): under 300 MB."
    echo "Load: $(uptime)"
} | tee "$results"

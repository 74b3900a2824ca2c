#!/usr/bin/env bash
# Backup benchmark (see bench/README.md): `resmonitor backup` and `resmonitor restore` of a register with N generated
# projects (bench/import/generate.py, imported first, not timed), on SQLite and PostgreSQL, and SQLite -> PostgreSQL.
# Usage: bench/backup/run.sh [N=100000]     env RUNS=3: runs per measurement (median time, highest peak RSS)
set -euo pipefail
cd "$(dirname "$0")/../.."

n=${1:-100000}
runs=${RUNS:-3}
work=bench/out/backup
results=bench/out/backup-results.md
mkdir -p "$work"
load=$(cut -d' ' -f1 /proc/loadavg)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "== generating $n projects" >&2
csv=$work/projects-$n.csv
python3 bench/import/generate.py "$n" "$csv"
size=$(stat -c %s "$csv")
[ "$size" -le $((50 * 1024 * 1024)) ] || export RESMONITOR_IMPORT_MAX_BYTES=$size

source bench/lib.sh
build_resmonitor "$work"
start_postgres 56532
pg() { echo "Host=127.0.0.1;Port=$port;Username=bench;Password=bench;Database=$1"; }
count_pg() { psql -Atq -h 127.0.0.1 -p "$port" -U bench -d "$1" -c "SELECT count(*) FROM projects"; }

source_db=$work/source.db
target_db=$work/target.db
echo "== importing $n projects into SQLite and PostgreSQL (not timed)" >&2
rm -f "$source_db"*
"${app[@]}" --database "sqlite:$source_db" seed --without-examples --skip-projects >/dev/null
"${app[@]}" --database "sqlite:$source_db" import projects "$csv" >/dev/null
admin -c "DROP DATABASE IF EXISTS source" -c "CREATE DATABASE source OWNER bench"
"${app[@]}" --database "postgres:$(pg source)" migrate >/dev/null
"${app[@]}" --database "postgres:$(pg source)" seed --without-examples --skip-projects >/dev/null
"${app[@]}" --database "postgres:$(pg source)" import projects "$csv" >/dev/null

# Setups (not timed): an empty, migrated target for every restore.
fresh_sqlite() { rm -f "$target_db"*; "${app[@]}" --database "sqlite:$target_db" migrate; }
fresh_pg() { admin -c "DROP DATABASE IF EXISTS target" -c "CREATE DATABASE target OWNER bench" && "${app[@]}" --database "postgres:$(pg target)" migrate; }
none() { :; }

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

table=()
row() {  # row WHAT PROJECTS "SECONDS RSS" FILE
    local s=${3% *} kb=${3#* }
    table+=("$(awk -v w="$1" -v n="$2" -v s="$s" -v kb="$kb" -v mb="$(($(stat -c %s "$4") / 1024 / 1024))" 'BEGIN {
        printf "| %s | %d | %.2f | %.0f | %d |", w, n, s, kb / 1024, mb }')")
}

echo "== SQLite" >&2
t=$(measure none "${app[@]}" --database "sqlite:$source_db" backup "$work/sqlite.zip")
row "SQLite backup" "$(sqlite3 "$source_db" "SELECT count(*) FROM projects")" "$t" "$work/sqlite.zip"
t=$(measure fresh_sqlite "${app[@]}" --database "sqlite:$target_db" restore "$work/sqlite.zip")
row "SQLite restore (into empty)" "$(sqlite3 "$target_db" "SELECT count(*) FROM projects")" "$t" "$work/sqlite.zip"
t=$(measure none "${app[@]}" --database "sqlite:$target_db" restore "$work/sqlite.zip" --force)
row "SQLite restore --force (over the same data)" "$(sqlite3 "$target_db" "SELECT count(*) FROM projects")" "$t" "$work/sqlite.zip"

echo "== PostgreSQL" >&2
t=$(measure none "${app[@]}" --database "postgres:$(pg source)" backup "$work/postgres.zip")
row "PostgreSQL backup" "$(count_pg source)" "$t" "$work/postgres.zip"
t=$(measure fresh_pg "${app[@]}" --database "postgres:$(pg target)" restore "$work/postgres.zip")
row "PostgreSQL restore (into empty)" "$(count_pg target)" "$t" "$work/postgres.zip"
t=$(measure fresh_pg "${app[@]}" --database "postgres:$(pg target)" restore "$work/sqlite.zip")
row "SQLite backup restored into PostgreSQL" "$(count_pg target)" "$t" "$work/sqlite.zip"

{
    echo "# Backup benchmark"
    echo
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $n imported projects, median of $runs runs," \
        "$(nproc) CPUs (load $load at the start), .NET SDK $(dotnet --version)," \
        "SQLite $(sqlite3 --version | cut -d' ' -f1), PostgreSQL $(psql -V | cut -d' ' -f3)."
    echo
    echo "| what | projects after | seconds | peak RSS MB | backup file MB |"
    echo "|---|---:|---:|---:|---:|"
    printf '%s\n' "${table[@]}"
    echo
    echo "Seconds are the wall time of the whole resmonitor process (start-up included)."
} | tee "$results"

#!/usr/bin/env bash
# Throwaway PostgreSQL cluster for the integration tests.
#   start: (re)creates the cluster and prints `export RESMONITOR_TEST_POSTGRES=...` for eval
#   stop:  stops it and deletes its data
# All messages go to stderr so that stdout of `start` is safe to eval.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
# One data dir per checkout, in /tmp because the postgres user may not be able to
# enter the checkout (e.g. under /root); derived from the repo path so a later run
# finds and removes a cluster that an earlier, killed run left behind.
pgdir=/tmp/resmonitor-pgtest-$(printf '%s' "$repo" | cksum | cut -d' ' -f1)
bindir=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n1)   # newest installed major
[ -x "$bindir/initdb" ] || { echo "ERROR: PostgreSQL server not installed (run scripts/install-test-deps.sh)" >&2; exit 1; }
role=resmonitor_test
password=resmonitor_test
database=resmonitor_test

# PostgreSQL refuses to run as root, so run its tools as the postgres user then.
as_pg() {
    if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

stop() {
    if [ -f "$pgdir/data/postmaster.pid" ]; then
        as_pg "$bindir/pg_ctl" -D "$pgdir/data" -m fast -w -t 30 stop >/dev/null 2>&1 ||
            as_pg "$bindir/pg_ctl" -D "$pgdir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$pgdir"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start() {
    stop   # a cluster left over from an interrupted run would hold the port and stale data
    local port=55432
    while port_in_use "$port"; do
        port=$((port + 1))
        [ "$port" -lt 55532 ] || { echo "ERROR: no free port in 55432-55531" >&2; exit 1; }
    done

    mkdir -p "$pgdir/data"
    [ "$(id -u)" -ne 0 ] || chown -R postgres:postgres "$pgdir"
    chmod 700 "$pgdir"
    as_pg "$bindir/initdb" -D "$pgdir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$pgdir/initdb.log" 2>&1 ||
        { cat "$pgdir/initdb.log" >&2; echo "ERROR: initdb failed" >&2; exit 1; }
    # Unix socket: trust (only the postgres user/root can reach the 0700 dir), used for setup.
    # TCP: loopback only, password required, as the app would connect.
    cat >"$pgdir/data/pg_hba.conf" <<HBA
local all all trust
host  all all 127.0.0.1/32 scram-sha-256
HBA
    # fsync etc. off: the data is thrown away, and tests create/drop many databases.
    cat >>"$pgdir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$pgdir'
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
    # Another test run on this machine may take the free port between the check and the start: try the next one.
    local tries=0
    until as_pg "$bindir/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w -t 60 start >/dev/null; do
        tries=$((tries + 1))
        if [ "$tries" -ge 10 ] || ! grep -q "could not create" "$pgdir/server.log"; then
            tail -n 20 "$pgdir/server.log" >&2; echo "ERROR: PostgreSQL did not start" >&2; exit 1
        fi
        port=$((port + 1))
        while port_in_use "$port"; do port=$((port + 1)); done
        sed -i "s/^port = .*/port = $port/" "$pgdir/data/postgresql.conf"
    done
    for _ in $(seq 60); do
        "$bindir/pg_isready" -q -h 127.0.0.1 -p "$port" && break
        sleep 0.5
    done
    "$bindir/pg_isready" -q -h 127.0.0.1 -p "$port" ||
        { tail -n 20 "$pgdir/server.log" >&2; echo "ERROR: PostgreSQL does not accept connections" >&2; exit 1; }

    # CREATEDB: the tests create (and drop) one database per test class.
    as_pg "$bindir/psql" -q -v ON_ERROR_STOP=1 -h "$pgdir" -p "$port" -U postgres -d postgres >/dev/null <<SQL
CREATE ROLE $role LOGIN CREATEDB PASSWORD '$password';
CREATE DATABASE $database OWNER $role;
SQL
    echo "PostgreSQL test cluster running on 127.0.0.1:$port (data in $pgdir)" >&2
    echo "export RESMONITOR_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=$role;Password=$password;Database=$database'"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac

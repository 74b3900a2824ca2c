# Shared by the benchmark scripts: source it, then call the functions.

# build_resmonitor WORK: a Release build in WORK/build (apart from the working tree's bin/); sets the array `app`
# to the command that runs it (the apphost, or `dotnet x.dll` where there is none).
build_resmonitor() {
    local work=$1
    echo "== building (Release)" >&2
    dotnet build src/ResMonitor.Web/ResMonitor.Web.csproj -c Release --artifacts-path "$work/build" -v q -nologo \
        >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
    local dll=$work/build/bin/ResMonitor.Web/release/ResMonitor.Web.dll
    app=("${dll%.dll}")
    [ -x "${app[0]}" ] || app=(dotnet "$dll")
}

# start_postgres FIRST_PORT: a throwaway cluster on the first free loopback port from FIRST_PORT, with default server
# settings, removed on exit. The server refuses to run as root, so it runs as postgres. Sets `port`, `pgbin`, `pgdir`,
# defines `admin` (psql as superuser), creates the login role `bench` and exports PGPASSWORD for it.
start_postgres() {
    pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
    pgdir=$(mktemp -d /tmp/resmonitor-bench-pg.XXXXXX)
    trap 'as_pg "$pgbin/pg_ctl" -D "$pgdir/data" -m fast -w stop >/dev/null 2>&1 || true; rm -rf "$pgdir"' EXIT
    port=$1
    while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
    [ "$(id -u)" -ne 0 ] || chown postgres: "$pgdir"
    as_pg "$pgbin/initdb" -D "$pgdir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 \
        --locale=C.UTF-8 >/dev/null
    printf "listen_addresses = '127.0.0.1'\nport = %s\nunix_socket_directories = '%s'\n" "$port" "$pgdir" \
        >>"$pgdir/data/postgresql.conf"
    as_pg "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w start >/dev/null
    admin -c "CREATE ROLE bench LOGIN PASSWORD 'bench'"
    export PGPASSWORD=bench
}

as_pg() { if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }
admin() { as_pg "$pgbin/psql" -q -v ON_ERROR_STOP=1 -h "$pgdir" -p "$port" -U postgres -d postgres "$@"; }

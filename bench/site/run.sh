#!/usr/bin/env bash
# Site benchmark (see bench/README.md): throughput of the public monitor's pages under wrk against the same HTML
# served as static files by nginx, Lighthouse scores, and transfer sizes, on the seeded Drenthe database and on a
# generated national-size one (30 regions, 342 municipalities, 50,000 projects).
# Usage: bench/site/run.sh
#   env DURATION=10 (seconds per wrk run)  WARMUP=2 (seconds of wrk before each measured run)  SETTLE=3 (seconds of
#       wrk on every page, once, before the first is measured)  CONNECTIONS=64
#       THREADS=2  RUNS=1 (wrk runs per figure; the median req/s run is reported)  LH_RUNS=3 (Lighthouse runs per
#       page; median score per category)  PROJECTS=50000 (size of the national data set)
#       PAST=2025-01-01 (the peildatum of the past pages)  ENCODING="br, gzip" (wrk's Accept-Encoding)
#       LH_PAGES="home municipality project map" (the pages Lighthouse runs on)
#       LOG_LEVEL= (the monitor's Logging__LogLevel__Default; empty: the product's own default, Information without a
#       line per request or SQL command)
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/../.."

duration=${DURATION:-10}
warmup=${WARMUP:-2}
settle=${SETTLE:-3}
connections=${CONNECTIONS:-64}
threads=${THREADS:-2}
runs=${RUNS:-1}
lh_runs=${LH_RUNS:-3}
projects=${PROJECTS:-50000}
log_level=${LOG_LEVEL:-}
past=${PAST:-2025-01-01}
encoding=${ENCODING:-br, gzip}
lh_pages=${LH_PAGES:-home municipality project map}
work=bench/out/site
results=bench/out/site-results.md
build=$work/build/bin/ResMonitor.Web/release
dll=$build/ResMonitor.Web.dll
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 ASPNETCORE_ENVIRONMENT=Production
unset DOTNET_ENVIRONMENT

if [ "${SITE_BENCH_INSIDE:-}" != 1 ]; then
    # Part 1, with the network: what the benchmark needs, the build and the generated data.
    mkdir -p "$work"
    load=$(cut -d' ' -f1 /proc/loadavg)   # reported: other work on the machine makes the figures noisy
    missing=()
    for need in wrk:wrk nginx:nginx brotli:brotli chromium:chromium curl:curl jq:jq python3:python3 sqlite3:sqlite3 node:nodejs \
        npm:npm ip:iproute2 unshare:util-linux; do
        command -v "${need%%:*}" >/dev/null 2>&1 || missing+=("${need#*:}")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "== installing ${missing[*]}" >&2
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
    fi
    if [ ! -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ]; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libnginx-mod-http-brotli-static >&2
    fi
    [ -x node_modules/.bin/lighthouse ] || npm ci --no-audit --no-fund >&2

    echo "== building (Release)" >&2
    dotnet build src/ResMonitor.Web/ResMonitor.Web.csproj -c Release --artifacts-path "$work/build" -v q -nologo \
        >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }

    echo "== generating the national data set ($projects projects)" >&2
    rm -rf "$work/national"
    python3 bench/site/generate.py "$work/national" "$projects"

    # Part 2 runs in a network namespace of its own that has only loopback, so that nothing it starts (Chromium,
    # Lighthouse, the monitor) can reach outside this machine, and so that Lighthouse is seen to work offline.
    export SITE_BENCH_INSIDE=1 SITE_BENCH_LOAD=$load
    if [ "$(id -u)" -eq 0 ] && unshare --net true 2>/dev/null; then
        exec unshare --net env SITE_BENCH_NETNS=1 "$0" "$@"
    fi
    echo "warning: no network namespace could be made (needs root); measuring with the normal network" >&2
fi

# Part 2: load the databases, serve, measure.
if [ "${SITE_BENCH_NETNS:-}" = 1 ]; then
    ip link set lo up
    network="in a network namespace with loopback only"
else
    network="with the machine's normal network"
fi
tmp=$(mktemp -d /tmp/resmonitor-bench-site.XXXXXX)
chmod 755 "$tmp"   # nginx workers read the static copy as an unprivileged user
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$tmp"
}
trap cleanup EXIT
app() { dotnet "$dll" "$@"; }

free_port() {
    local port=$1
    while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
    echo "$port"
}

wait_for() {
    for _ in $(seq 120); do
        curl -sf -o /dev/null "$1" && return 0
        sleep 0.5
    done
    echo "FAILED: $1 did not answer" >&2
    exit 1
}

# wrk_once URL: one measured run after a warm-up; prints "req/s p50-ms p99-ms errors".
wrk_once() {
    wrk -t"$threads" -c"$connections" -d"${warmup}s" -H "Accept-Encoding: $encoding" "$1" >/dev/null
    wrk -t"$threads" -c"$connections" -d"${duration}s" --latency -H "Accept-Encoding: $encoding" "$1" >"$tmp/wrk.txt"
    cat "$tmp/wrk.txt" >>"$work/wrk.log"
    awk 'function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000; return v * 1000 }
        /^Requests\/sec:/ { rps = $2 }
        $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) }
        /Non-2xx or 3xx responses:/ { errors += $NF }
        /Socket errors:/ { gsub(",", ""); errors += $4 + $6 + $8 + $10 }
        END { printf "%.1f %.2f %.2f %d\n", rps, p50, p99, errors }' "$tmp/wrk.txt"
}

# wrk_median URL: $runs runs; prints the run with the median req/s.
wrk_median() {
    for _ in $(seq "$runs"); do echo "--- $1" >>"$work/wrk.log"; wrk_once "$1"; done |
        sort -n | awk '{ line[NR] = $0 } END { print line[int((NR + 1) / 2)] }'
}

flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"

# lighthouse_median URL NAME: $lh_runs runs; prints "performance accessibility best-practices" (medians, 0-100).
lighthouse_median() {
    local i
    wait_for "$1"
    for i in $(seq "$lh_runs"); do
        # A run whose page load failed (Chrome started, but the page did not load) is tried again, twice at most;
        # retries are counted in the report.
        for attempt in 1 2 3; do
            rm -f "$work/lh/$2-$i.json"
            CHROME_PATH=/usr/bin/chromium node_modules/.bin/lighthouse "$1" --quiet --output=json \
                --output-path="$work/lh/$2-$i.json" --only-categories=performance,accessibility,best-practices \
                --chrome-flags="$flags" >>"$work/lighthouse.log" 2>&1 || true
            [ -f "$work/lh/$2-$i.json" ] && jq -e '.runtimeError == null' "$work/lh/$2-$i.json" >/dev/null && break
            echo "$2 run $i attempt $attempt: $(jq -r '.runtimeError.code' "$work/lh/$2-$i.json" 2>/dev/null || echo no report)" \
                >>"$work/lh/retries.txt"
            [ "$attempt" -lt 3 ] || { tail -n 20 "$work/lighthouse.log" >&2; echo "FAILED: lighthouse $1" >&2; exit 1; }
            sleep 3
        done
        jq -r '[.categories.performance.score, .categories.accessibility.score, .categories["best-practices"].score]
            | map(. * 100 | round) | @tsv' "$work/lh/$2-$i.json"
    done | awk '{ for (c = 1; c <= 3; c++) v[c, NR] = $c }
        END { for (c = 1; c <= 3; c++) { n = 0; for (r = 1; r <= NR; r++) s[++n] = v[c, r]
                  for (a = 1; a <= n; a++) for (b = a + 1; b <= n; b++) if (s[b] < s[a]) { t = s[a]; s[a] = s[b]; s[b] = t }
                  printf "%s%d", (c > 1 ? " " : ""), s[int((n + 1) / 2)] } print "" }'
    # What the last run did not pass in full, and every address the page loaded, for reading the table.
    jq -r '.audits | to_entries[] | select(.value.score != null and .value.score < 1
        and (.value.scoreDisplayMode == "binary" or .value.scoreDisplayMode == "numeric" or .value.scoreDisplayMode == "metricSavings"))
        | "\(.key)\t\(.value.score)\t\(.value.displayValue // "")"' "$work/lh/$2-$lh_runs.json" >"$work/lh/$2-not-passed.txt"
    jq -r '.runWarnings[]' "$work/lh/$2-$lh_runs.json" >"$work/lh/$2-warnings.txt"
}

# transfer JSON: the page and every file it loaded (Lighthouse's network requests), fetched again with curl;
# prints "compressed-bytes uncompressed-bytes lighthouse-total-byte-weight outside-requests".
transfer() {
    local url compressed=0 plain=0 outside
    outside=$(jq '[.audits["network-requests"].details.items[].url | select((startswith("http://127.0.0.1:") or startswith("data:")) | not)] | length' "$1")
    while read -r url; do
        compressed=$((compressed + $(curl -sf -o /dev/null -H 'Accept-Encoding: br, gzip' -w '%{size_download}' "$url")))
        plain=$((plain + $(curl -sf -o /dev/null -H 'Accept-Encoding: identity' -w '%{size_download}' "$url")))
    done < <(jq -r '[.audits["network-requests"].details.items[].url | select(startswith("http://127.0.0.1:"))] | unique[]' "$1")
    echo "$compressed $plain $(jq '.audits["total-byte-weight"].numericValue' "$1") $outside"
}

table=()
misses=()
memory=()
# bench_dataset NAME DB: serves DB, measures every page (today and on a past day), adds rows to the table.
bench_dataset() {
    local name=$1 db=$2 port nport id page path url w n lh t first eff
    port=$(free_port 58080)
    env ${log_level:+Logging__LogLevel__Default=$log_level} dotnet "$dll" serve --urls "http://127.0.0.1:$port" --database "sqlite:$db" >"$work/monitor-$name.log" 2>&1 &
    pids+=($!)
    local monitor=$!
    wait_for "http://127.0.0.1:$port/"
    # A project of Assen, from the export (the import format), so that the pages belong together.
    id=$(app --database "sqlite:$db" export projects --format csv | python3 -c '
import csv, io, sys
rows = csv.DictReader(io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig"))
print(next(r["project_id"] for r in rows if r["gemeente"] == "GM0106"))')

    # The same HTML as static files, with the same CSS and other files, served by a throwaway nginx that sends the
    # same compression (every file stored beside its .br and .gz, served by brotli_static and gzip_static).
    local www=$tmp/www-$name conf=$tmp/nginx-$name
    mkdir -p "$www" "$conf"
    cp -r "$build/wwwroot/." "$www/"
    local pages=("home|/" "municipalities|/gemeenten" "municipality|/gemeenten/assen" "project|/projecten/$id"
        "map|/kaart" "indicators|/indicatoren" "signals|/signalen" "forecast|/prognose" "open-data|/open-data"
        "home-past|/?peildatum=$past" "municipality-past|/gemeenten/assen?peildatum=$past"
        "project-past|/projecten/$id?peildatum=$past" "map-past|/kaart?peildatum=$past")
    # The national page answers only when the instance holds more than one region.
    if [ "$name" = national ]; then
        pages+=("national|/landelijk" "national-past|/landelijk?peildatum=$past")
    fi
    local resolved=()
    for page in "${pages[@]}"; do
        n=${page%%|*}
        path=${page#*|}
        # The address a visitor ends up on (an old address may redirect to one with the region in it) and the time
        # of the first request (for a past day: building the register of that day).
        read -r eff first < <(curl -sfL -o "$tmp/page.html" -w '%{url_effective} %{time_total}\n' "http://127.0.0.1:$port$path")
        eff=${eff#http://127.0.0.1:$port}
        mkdir -p "$www/p/$n"
        mv "$tmp/page.html" "$www/p/$n/index.html"
        resolved+=("$n|$eff|$first")
    done
    find "$www" -type f \( -name '*.html' -o -name '*.css' -o -name '*.js' -o -name '*.svg' -o -name '*.json' \) \
        -exec gzip -kf -9 {} \; -exec brotli -kf -q 11 {} \;
    nport=$(free_port $((port + 1)))
    cat >"$conf/nginx.conf" <<EOF
load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;
worker_processes auto;
pid $conf/nginx.pid;
error_log $conf/error.log;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    access_log off;
    gzip_static on;
    brotli_static on;
    client_body_temp_path $conf/body;
    proxy_temp_path $conf/proxy;
    fastcgi_temp_path $conf/fastcgi;
    uwsgi_temp_path $conf/uwsgi;
    scgi_temp_path $conf/scgi;
    server {
        listen 127.0.0.1:$nport;
        root $www;
        location / { try_files \$uri \$uri/index.html =404; }
    }
}
EOF
    nginx -c "$conf/nginx.conf" -p "$conf" -g 'daemon off;' &
    pids+=($!)
    local nginx_pid=$!
    wait_for "http://127.0.0.1:$nport/p/home/"

    # One warm-up pass over every page before any is measured: the runtime compiles its hot code again with full
    # optimisation after the first few thousand calls, and without this pass the first page measured pays for it.
    for page in "${resolved[@]}"; do
        path=${page#*|}
        path=${path%|*}
        wrk -t"$threads" -c"$connections" -d"${settle}s" -H "Accept-Encoding: $encoding" "http://127.0.0.1:$port$path" >/dev/null
    done

    for page in "${resolved[@]}"; do
        n=${page%%|*}
        path=${page#*|}
        first=${path##*|}
        path=${path%|*}
        url=http://127.0.0.1:$port$path
        curl -sf -o /dev/null "http://127.0.0.1:$nport/p/$n/" || { echo "FAILED: nginx copy of $path" >&2; exit 1; }
        echo "== $name $n ($path): wrk on the monitor and on nginx" >&2
        w=$(wrk_median "$url")
        local nw
        nw=$(wrk_median "http://127.0.0.1:$nport/p/$n/")
        if [[ " $lh_pages " == *" $n "* ]]; then
            echo "== $name $n: lighthouse ($lh_runs runs)" >&2
            lh=$(lighthouse_median "$url" "$name-$n")
            t=$(transfer "$work/lh/$name-$n-$lh_runs.json")
        else
            lh="- - -"
            t="$(curl -sf -o /dev/null -H 'Accept-Encoding: br, gzip' -w '%{size_download}' "$url") $(curl -sf -o /dev/null -H 'Accept-Encoding: identity' -w '%{size_download}' "$url") 0 0"
        fi
        table+=("$(awk -v page="$n ($path)" -v d="$name" -v w="$w" -v nw="$nw" -v lh="$lh" -v t="$t" -v first="$first" 'BEGIN {
            split(w, a, " "); split(nw, b, " "); split(lh, l, " "); split(t, s, " ")
            printf "| %s | %s | %.0f | %.0f | %.2f | %d / %d | %.1f / %.1f | %.1f / %.1f | %.0f | %s | %s | %s | %.1f / %.1f |",
                page, d, a[1], b[1], a[1] / b[1], a[4], b[4], a[2], a[3], b[2], b[3], first * 1000, l[1], l[2], l[3],
                s[1] / 1024, s[2] / 1024 }')")
        misses+=("$(awk -v who="$name $n" -v w="$w" -v nw="$nw" -v lh="$lh" -v t="$t" -v first="$first" 'BEGIN {
            split(w, a, " "); split(nw, b, " "); split(lh, l, " "); split(t, s, " ")
            aim = (who ~ /-past$/) ? 0.25 : 0.5
            if (a[1] / b[1] < aim) m = m sprintf("; req/s ratio %.2f < %.2f", a[1] / b[1], aim)
            if (a[4] > 0) m = m sprintf("; %d errors", a[4])
            if (a[3] >= 50) m = m sprintf("; p99 %.1f ms >= 50", a[3])
            if (who ~ /home-past$/ && first >= 1) m = m sprintf("; first request %.0f ms >= 1000", first * 1000)
            if (l[1] != "-" && l[1] < 95) m = m sprintf("; performance %d < 95", l[1])
            if (l[2] != "-" && l[2] < 100) m = m sprintf("; accessibility %d < 100", l[2])
            if (l[3] != "-" && l[3] < 95) m = m sprintf("; best practices %d < 95", l[3])
            if (s[1] >= 300 * 1024) m = m sprintf("; transfer %.0f KB >= 300 KB", s[1] / 1024)
            if (s[4] > 0) m = m sprintf("; %d requests outside 127.0.0.1", s[4])
            if (m != "") print who ": " substr(m, 3) }')")
    done

    # Memory: ten more past days asked for (each a register state of its own), then the monitor's resident set.
    local day
    for day in $(seq 1 10); do
        curl -sf -o /dev/null "http://127.0.0.1:$port/?peildatum=$(date -u -d "$past - $day days" +%F)" || true
    done
    memory+=("$name: $(awk '/^VmHWM/ { peak = $2 } /^VmRSS/ { rss = $2 } END { printf "%.0f MB resident (peak %.0f MB)", rss / 1024, peak / 1024 }' "/proc/$monitor/status") after every page and 11 past days")

    kill "$nginx_pid" "$monitor"
    wait "$nginx_pid" "$monitor" 2>/dev/null || true
}

: >"$work/wrk.log"
: >"$work/lighthouse.log"
mkdir -p "$work/lh"
rm -f "$work"/lh/*.json "$work"/lh/*.txt

echo "== loading the Drenthe database (migrate, seed)" >&2
drenthe=$work/drenthe.db
rm -f "$drenthe"*
app --database "sqlite:$drenthe" migrate >"$work/load.log"
app --database "sqlite:$drenthe" seed >>"$work/load.log"

echo "== loading the national database (30 regions, $projects projects)" >&2
national=$work/national.db
rm -f "$national"*
t0=$(date +%s)
app --database "sqlite:$national" migrate >>"$work/load.log"
app --database "sqlite:$national" seed >>"$work/load.log"
for folder in "$work"/national/regions/*/; do
    app --database "sqlite:$national" seed --region-folder "$folder" >>"$work/load.log"
done
for file in "$work"/national/projects/*.csv; do
    app --database "sqlite:$national" import projects "$file" --region "$(basename "$file" .csv)" >>"$work/load.log"
done
load_seconds=$(($(date +%s) - t0))
counts() {
    sqlite3 "$1" "SELECT (SELECT count(*) FROM regions) || ' regions, ' ||
        (SELECT count(*) FROM organisations WHERE kind = 'Municipality') || ' municipalities, ' ||
        (SELECT count(*) FROM projects) || ' projects (' ||
        (SELECT count(*) FROM projects WHERE region_id = 'drenthe') || ' in Drenthe, ' ||
        (SELECT count(*) FROM projects p JOIN organisations o ON o.id = p.municipality_id WHERE o.code = 'GM0106') || ' in Assen)'"
}

bench_dataset drenthe "$drenthe"
bench_dataset national "$national"

{
    echo "# Site benchmark"
    echo
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs (load ${SITE_BENCH_LOAD:-?} at the start," \
        "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), .NET SDK $(dotnet --version)," \
        "$(nginx -v 2>&1 | cut -d: -f2 | xargs), $(wrk -v 2>&1 | head -n1 | cut -d' ' -f1-2)," \
        "Lighthouse $(node_modules/.bin/lighthouse --version), $(chromium --version 2>/dev/null | head -n1 | xargs); measured $network."
    echo
    echo "- Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg). Monitor log level:" \
        "${log_level:-the default (Information for the monitor itself; requests and SQL commands are not logged, Microsoft.AspNetCore and Microsoft.EntityFrameworkCore log warnings only)}."
    echo "- wrk -t$threads -c$connections -d${duration}s after a ${warmup}s warm-up (and one ${settle}s pass over every page first), median of $runs run(s); the monitor" \
        "runs the Release build in Production on SQLite; nginx serves the monitor's HTML of the same page saved as a" \
        "static file (with the same CSS and files), on the same machine and cores as wrk."
    echo "- Lighthouse: default settings (mobile, simulated throttling), categories performance, accessibility," \
        "best-practices; median of $lh_runs run(s); runs tried again after a failed page load:" \
        "$(cat "$work/lh/retries.txt" 2>/dev/null | wc -l)$([ -s "$work/lh/retries.txt" ] && echo " ($(paste -sd';' "$work/lh/retries.txt"))")."
    echo "- Transfer: where Lighthouse ran, the page and every file it loads (Lighthouse's network requests), else the" \
        "page alone; body bytes fetched with curl with \`Accept-Encoding: br, gzip\` (compressed) and \`identity\`" \
        "(uncompressed). wrk sends \`Accept-Encoding: $encoding\` to both servers; nginx serves the same files" \
        "precompressed (brotli_static, gzip_static). First request: the first time the page was asked for after" \
        "the monitor started (a past day's first request builds that day's register)."
    echo "- Data sets: drenthe = \`resmonitor migrate\` + \`seed\` ($(counts "$drenthe")); national = the same plus" \
        "29 generated regions and $projects generated projects ($(counts "$national")), loaded in ${load_seconds}s."
    echo
    echo "| page | data set | req/s monitor | req/s nginx | ratio | errors monitor / nginx | monitor p50 / p99 ms | nginx p50 / p99 ms | first request ms | LH perf | LH a11y | LH bp | KB compressed / uncompressed |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    printf '%s\n' "${table[@]}"
    echo
    echo "Memory of the monitor:"
    printf -- '- %s\n' "${memory[@]}"
    echo
    echo "Aims: ratio >= 0.5 (a past day: 0.25) with 0 errors and p99 under 50 ms; a past day's first request on the" \
        "national data set under 1 s; Lighthouse performance >= 95, accessibility 100, best practices >= 95; every" \
        "page (with its files, where Lighthouse ran) under 300 KB compressed; memory with 11 past days under 1 GB."
    missed=$(printf '%s\n' "${misses[@]}" | sed '/^$/d')
    if [ -z "$missed" ]; then
        echo "All aims met."
    else
        echo "Missed:"
        echo
        echo "$missed" | sed 's/^/- /'
    fi
} | tee "$results"

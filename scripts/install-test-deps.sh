#!/usr/bin/env bash
# Installs what the test suite needs beyond the .NET SDK: PostgreSQL (integration
# tests), Chromium (browser tests), sqlite3 (benchmarks), python3 (test summary).
# Idempotent and quiet: apt is only touched when something is actually missing,
# because a fresh CI machine has none of these but a reused one has them all.
set -euo pipefail

missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v sqlite3 >/dev/null || missing+=(sqlite3)
[ -x /usr/bin/python3 ] || command -v python3 >/dev/null || missing+=(python3)

if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing missing test dependencies: ${missing[*]}"
    if [ "$(id -u)" -ne 0 ]; then
        echo "ERROR: installing packages needs root. Run as root, or: sudo apt-get install ${missing[*]}" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    # apt's output is only worth reading when it fails.
    log=$(mktemp)
    trap 'rm -f "$log"' EXIT
    if ! { apt-get update -q && apt-get install -y -q "${missing[@]}"; } >"$log" 2>&1; then
        tail -n 30 "$log" >&2
        echo "ERROR: apt-get could not install: ${missing[*]}" >&2
        exit 1
    fi
    echo "Installed: ${missing[*]}"
fi

if ! command -v dotnet >/dev/null; then
    echo "ERROR: 'dotnet' was not found on PATH. Install the .NET 10 SDK (see global.json)" >&2
    echo "       and make sure 'dotnet' is on PATH, then run this again." >&2
    exit 1
fi

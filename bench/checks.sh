#!/usr/bin/env bash
# Bidding-check benchmark: wrk against the Release build of the service on the generated district data
# (1,000,000 subjects, 5,000,000 records) in SQLite, on this machine, in one run.
#   bench/checks.sh [database]     (generated first when missing; needs Debian's wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
db="${1:-/tmp/ck-1m.db}"
duration="${DURATION:-15s}"

dotnet build -c Release bench/CreditKaizhou.Bench -nologo -v q >/dev/null
if [ ! -f "$db" ]; then
    dotnet bench/CreditKaizhou.Bench/bin/Release/net10.0/CreditKaizhou.Bench.dll generate --out "$db"
fi

work=$(mktemp -d /tmp/creditkaizhou-checks.XXXXXX)
cp "$db" "$work/ck.db"
# Subjects to check: every listed subject of the data and as many others, in a fixed order.
python3 - "$work/ck.db" > "$work/codes.txt" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
listed = [r[0] for r in c.execute("""SELECT DISTINCT s.display_code FROM subjects s JOIN records r ON r.subject_id = s.id
    JOIN catalogue_entry_versions v ON v.entry_code = r.catalogue_code WHERE v.list_code IS NOT NULL AND s.subject_type <> 'person'""")]
others = [r[0] for r in c.execute("SELECT display_code FROM subjects WHERE subject_type <> 'person' ORDER BY id LIMIT ?", (len(listed),))]
for code in sorted(set(listed + others)):
    print(code)
PY
export CK_CODES="$work/codes.txt"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
(cd "$work" && ASPNETCORE_ENVIRONMENT=Development Seed__GeneratedCatalogue=false Logging__LogLevel__Default=Warning \
    ConnectionStrings__CreditKaizhou="Data Source=$work/ck.db" \
    exec dotnet "$OLDPWD/CreditKaizhou.Api/bin/Release/net10.0/CreditKaizhou.Api.dll" --urls "http://127.0.0.1:$port" >"$work/service.log" 2>&1) &
pid=$!
stop_service() {
    # Wait for the service to exit, so that a following run does not share the machine with its shutdown.
    local wal started
    wal=$(stat -c %s "$work/ck.db-wal" 2>/dev/null || echo 0)
    started=$(date +%s)
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    echo "## service stopped in $(( $(date +%s) - started )) s (write-ahead log at stop: $(( wal / 1048576 )) MiB)"
    cp "$work/service.log" /tmp/ck-service.log
    rm -rf "$work"
}
trap stop_service EXIT
url="http://127.0.0.1:$port"
started=$(date +%s.%N)
until curl -sf "$url/health/ready" >/dev/null; do sleep 0.1; done
ready=$(date +%s.%N)
# The list pages read memberships from the list index, which the service loads in the background from its start:
# the first page waits for that load.
lists=$(for u in /api/v1/lists /api/v1/lists /api/v1/lists/SXBZXR/entries /api/v1/lists/SXBZXR/entries; do
    curl -s -o /dev/null -w "%{http_code} %{time_total} s  GET $u\n" "$url$u"; done)
# The first check loads the lists into memory; warm both endpoints before measuring.
curl -sf -H 'X-Api-Key: dev-bidding' -H 'Content-Type: application/json' \
    -d "{\"context\":\"tendering\",\"bidders\":[{\"bidderRef\":\"B1\",\"code\":\"$(head -n1 "$CK_CODES")\"}]}" "$url/api/v1/checks" >/dev/null
wrk -t2 -c16 -d5s "$url/health/live" >/dev/null
wrk -t2 -c16 -d5s -s bench/wrk/check1.lua "$url" >/dev/null

echo "# Checks benchmark, $(date -u '+%Y-%m-%d %H:%M') UTC, $(nproc) cores, $(wc -l < "$CK_CODES") subjects in the request mix"
echo "## start: ready after $(python3 -c "print(round($ready - $started, 1))") s; list pages (anonymous), in order:"
echo "$lists"
echo "## GET /health/live"
wrk -t2 -c64 -d"$duration" "$url/health/live" | grep -E "Requests/sec|Latency"
echo "## POST /api/v1/checks, 1 bidder"
wrk -t2 -c64 -d"$duration" -s bench/wrk/check1.lua "$url" | grep -E "Requests/sec|Latency|Non-2xx"
echo "## POST /api/v1/checks, 500 bidders"
wrk -t1 -c1 -d"$duration" -s bench/wrk/check500.lua "$url" | grep -E "Requests/sec|server-side|Non-2xx"
echo "## service memory"
grep -E "VmHWM|VmRSS" "/proc/$pid/status"

#!/usr/bin/env bash
# Ingestion benchmark on SQLite and PostgreSQL, on this machine, in one run.
# Builds the Release service and load client, starts a throwaway PostgreSQL cluster on 127.0.0.1
# (when the server binaries are installed), runs bench/CreditKaizhou.Bench and stops the cluster.
#   bench/ingest.sh [batches]
set -euo pipefail
cd "$(dirname "$0")/.."
batches="${1:-5}"

dotnet build -c Release bench/CreditKaizhou.Bench -nologo -v q >/dev/null

postgres_args=()
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -n "$bin" ] && [ -x "$bin/initdb" ]; then
    dir=$(mktemp -d /tmp/creditkaizhou-bench-pg.XXXXXX)
    run=()
    if [ "$(id -u)" = 0 ]; then
        chown postgres "$dir"
        run=(runuser -u postgres --)
    fi
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    "${run[@]}" "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
    # Durable settings (fsync on): the benchmark measures what production would do.
    "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -o "-p $port -k $dir -c listen_addresses=127.0.0.1" start >/dev/null
    trap '"${run[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null; rm -rf "$dir"' EXIT
    postgres_args=(--postgres "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres")
fi

dotnet bench/CreditKaizhou.Bench/bin/Release/net10.0/CreditKaizhou.Bench.dll ingest --batches "$batches" "${postgres_args[@]}"

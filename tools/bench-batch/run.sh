#!/bin/bash
# The batch benchmark (issue 18): COUNT generated districts (default 200; tools/bench-batch/generate.py: varied
# copies of the bundled district), `coverage --all` + `landuse` on each through `qtplan batch`, with 1 and with 2
# worker processes against a throwaway PostgreSQL 15 + PostGIS cluster (a Unix socket in a temporary folder,
# removed at the end). Prints districts per minute for each, and the share of the workers' time spent loading
# districts (the job table's load_seconds against finished_at - started_at).
#   tools/bench-batch/run.sh [COUNT]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
count=${1:-200}
work=$(mktemp -d /tmp/qtplan-bench-batch.XXXXXX)
bin=/usr/lib/postgresql/15/bin
as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
cleanup() {
    as_postgres "$bin/pg_ctl -D $work/data -m immediate -w stop" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
[ "$(id -u)" = 0 ] && chown postgres "$work"

cd "$root"
swift build -c release --product qtplan >&2
qtplan=$root/.build/release/qtplan
python3 tools/bench-batch/generate.py --count "$count" --out "$work/districts" >&2
as_postgres "$bin/initdb -D $work/data -A trust -U postgres -E UTF8 --locale=C --no-sync" >/dev/null
as_postgres "$bin/pg_ctl -D $work/data -l $work/server.log -w start -o \"-k $work -c listen_addresses='' -p 5439 -F\"" >/dev/null
psql="psql -X -q -A -t -h $work -p 5439 -U postgres"
$psql -d postgres -c "CREATE DATABASE bench" >/dev/null
$psql -d bench -c "CREATE EXTENSION postgis" >/dev/null
pg="PG:dbname=bench host=$work port=5439 user=postgres"

echo "qtplan batch: $count districts (varied copies of the bundled one), --run \"coverage --all\" --run landuse, $(nproc) cores"
printf '%-8s %10s %16s %14s\n' workers seconds districts/min loading
for workers in 1 2; do
    schema=w$workers
    "$qtplan" batch --jobs "$pg" --schema "$schema" --add "$work"/districts/d* >/dev/null
    start=$(date +%s.%N)
    "$qtplan" batch --jobs "$pg" --schema "$schema" --run "coverage --all" --run "landuse" --workers "$workers" >"$work/batch-$workers.txt" 2>&1 || {
        cat "$work/batch-$workers.txt" >&2
        exit 1
    }
    end=$(date +%s.%N)
    share=$($psql -d bench -c "SELECT round((100 * sum(load_seconds) / sum(extract(epoch FROM finished_at - started_at)))::numeric, 1) FROM $schema.qtplan_jobs WHERE status = 'done'")
    done=$($psql -d bench -c "SELECT count(*) FROM $schema.qtplan_jobs WHERE status = 'done'")
    [ "$done" = "$count" ] || { echo "only $done of $count jobs done" >&2; exit 1; }
    awk -v w="$workers" -v s="$start" -v e="$end" -v n="$count" -v l="$share" \
        'BEGIN { printf "%-8s %10.1f %16.1f %13s%%\n", w, e - s, n / (e - s) * 60, l }'
done

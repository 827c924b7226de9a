#!/usr/bin/env bash
# Start-up of a server on PostgreSQL at a million responses, on 127.0.0.1 only:
#
#   bash benches/million-postgres.sh [responses]
#
# The study is generated once as an SQLite file (target/bench-data/, as
# benches/million.sh does) and moved into a PostgreSQL server of the
# benchmark's own with `dealbench db copy`; then `serve` is started on it and
# the script prints the seconds to the first answered request and to the peer
# figures being loaded, and the resident memory after start and once loaded.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
cargo build --release --quiet
dealbench=./target/release/dealbench
data=target/bench-data
mkdir -p "$data"
db="$data/million-$N.db"
if [ ! -f "$db" ]; then
  "$dealbench" demo --respondents "$N" --db "$db.partial" >/dev/null
  sqlite3 "$db.partial" 'VACUUM; PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null
  mv "$db.partial" "$db"
  rm -f "$db.partial-wal" "$db.partial-shm"
fi
export N db dealbench
exec bash .ci/with-postgres bash -c '
  set -euo pipefail
  url=${DEALBENCH_TEST_POSTGRES%/postgres}/million
  psql "$DEALBENCH_TEST_POSTGRES" -qc "CREATE DATABASE million" >/dev/null
  start=$(date +%s.%N)
  "$dealbench" db copy --from "$db" --to "$url" >/dev/null
  echo "db copy: $N responses in $(echo "$(date +%s.%N) - $start" | bc) s" >&2
  psql "$url" -qc "VACUUM ANALYZE" >/dev/null
  work=$(mktemp -d)
  start=$(date +%s.%N)
  RUST_LOG=info "$dealbench" serve --bind 127.0.0.1 --port 0 --db "$url" >"$work/out" 2>"$work/log" &
  pid=$!
  trap "kill $pid 2>/dev/null; rm -rf $work" EXIT
  base=
  while [ -z "$base" ]; do
    base=$(sed -n "s/^Dealbench is running at \(http:[^ ]*\)\/$/\1/p" "$work/out")
    sleep 0.01
  done
  until curl -sf "$base/health" >/dev/null; do sleep 0.01; done
  first=$(echo "$(date +%s.%N) - $start" | bc)
  rss_start=$(awk "/VmRSS/ {print \$2}" /proc/$pid/status)
  until grep -q "peer index loaded" "$work/log"; do sleep 0.05; done
  loaded=$(echo "$(date +%s.%N) - $start" | bc)
  rss_loaded=$(awk "/VmRSS/ {print \$2}" /proc/$pid/status)
  hwm=$(awk "/VmHWM/ {print \$2}" /proc/$pid/status)
  printf "PostgreSQL, %s responses: first request %.2f s, peer figures loaded %.2f s, memory %d MB after start, %d MB loaded, %d MB at most\n" \
    "$N" "$first" "$loaded" $((rss_start / 1024)) $((rss_loaded / 1024)) $((hwm / 1024))
'

#!/usr/bin/env bash
# The million-response figures, on 127.0.0.1 only.
#
#   bash benches/million.sh [responses]
#
# Generates the database once (target/bench-data/million-N.db, reused while it
# exists: delete it to start again), then measures on a copy-free run of a
# release build:
#   - bytes per response on disk after VACUUM (file size / rows, and per table
#     and index from dbstat when the sqlite3 shell has it);
#   - start-up: seconds from starting `serve` to the first answered GET /health,
#     and to the peer index being loaded (the log line);
#   - resident memory (VmRSS, VmHWM from /proc) after start-up and after the
#     console and the exports;
#   - the console: the comparison of two groups and the participation page
#     (time to first byte, median of 10), and both exports (rows/s), sampling
#     VmRSS while exporting.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
command -v curl >/dev/null || { echo "curl is needed" >&2; exit 1; }
cargo build --release --quiet
bin=./target/release/dealbench
data=target/bench-data
mkdir -p "$data"
db="$data/million-$N.db"
if [ ! -f "$db" ]; then
  start=$(date +%s.%N)
  "$bin" demo --respondents "$N" --db "$db.partial" >/dev/null
  echo "demo data: $N responses in $(echo "$(date +%s.%N) - $start" | bc) s" >&2
  # VACUUM also folds the write-ahead log into the file, so the file moves alone.
  sqlite3 "$db.partial" 'VACUUM; PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null
  mv "$db.partial" "$db"
  rm -f "$db.partial-wal" "$db.partial-shm"
fi
"$bin" operator list --db "$db" | grep -q '^bench' ||
  echo "benchmark password 42" | "$bin" operator add bench --db "$db" >/dev/null
rows=$(sqlite3 "$db" 'SELECT COUNT(*) FROM responses')
bytes=$(stat -c %s "$db")
awk -v b="$bytes" -v n="$rows" 'BEGIN {printf "database: %d responses, %.1f MB, %.0f bytes per response\n", n, b/1e6, b/n}' >&2
sqlite3 "$db" "SELECT name, SUM(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT 8" 2>/dev/null |
  awk -F'|' -v n="$rows" '{printf "  %-28s %8.1f MB  %6.0f bytes per response\n", $1, $2/1e6, $2/n}' >&2 || true

work=$(mktemp -d)
server_pid=
trap '[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$work"' EXIT
rss() { awk '/^VmRSS|^VmHWM/ {printf "%s %.0f MB  ", $1, $2/1024}' "/proc/$server_pid/status"; }

start=$(date +%s.%N)
RUST_LOG=info "$bin" serve --bind 127.0.0.1 --port 0 --db "$db" >"$work/out" 2>"$work/log" &
server_pid=$!
for _ in $(seq 6000); do grep -q "running at" "$work/out" 2>/dev/null && break; sleep 0.01; done
base=$(sed -n 's/^Dealbench is running at \(http:[^ ]*\)\/$/\1/p' "$work/out")
case "$base" in http://127.0.0.1:*) ;; *) echo "server did not start on 127.0.0.1" >&2; cat "$work/log" >&2; exit 1 ;; esac
until curl -sf -o /dev/null "$base/health"; do sleep 0.01; done
echo "start-up to first answered request: $(echo "$(date +%s.%N) - $start" | bc) s" >&2
echo "memory after start-up: $(rss)" >&2

for _ in $(seq 6000); do grep -q "peer index loaded" "$work/log" && break; sleep 0.1; done
echo "peer index and console figures loaded: $(echo "$(date +%s.%N) - $start" | bc) s ($(grep -o 'millis=[0-9]*' "$work/log"))" >&2
echo "memory once loaded: $(rss)" >&2

jar="$work/jar"
token=$(curl -s -c "$jar" "$base/admin/login" | grep -o 'name="csrf_token" value="[0-9a-f]*"' | grep -o '[0-9a-f]\{64\}')
curl -s -b "$jar" -c "$jar" -o /dev/null -d "csrf_token=$token&name=bench&password=benchmark password 42" "$base/admin/login"

timed() { # name, url, check
  local name=$1 url=$2 check=$3 times=()
  for _ in $(seq 10); do
    times+=("$(curl -s -b "$jar" -o "$work/page.html" -w '%{time_starttransfer}' "$url")")
  done
  grep -q "$check" "$work/page.html" || { echo "$name did not render" >&2; exit 1; }
  printf '%s\n' "${times[@]}" | sort -n |
    awk -v n="$name" '{a[NR]=$1} END {printf "%s: median %.1f ms, max %.1f ms (10 runs)\n", n, a[int((NR+1)/2)]*1000, a[NR]*1000}' >&2
}
timed "comparison of two groups" "$base/admin/compare?groups=2&g1_synthetic=on&g1_industry=software&g2_synthetic=on&g2_industry=manufacturing&g2_company_size=from_50_to_249" "Compare peer groups"
timed "participation page" "$base/admin" "<h1>Participation</h1>"

for kind in scores answers; do
  (while kill -0 "$server_pid" 2>/dev/null; do awk '/^VmRSS/ {print $2}' "/proc/$server_pid/status"; sleep 0.2; done) >"$work/rss-$kind" &
  sampler=$!
  stats=$(curl -s -b "$jar" -o "$work/$kind.csv" -w '%{time_total}' "$base/admin/export/$kind.csv?synthetic=on")
  kill "$sampler" 2>/dev/null || true
  lines=$(($(wc -l <"$work/$kind.csv") - 1))
  sort -n "$work/rss-$kind" | awk 'NR==1 {lo=$1} {hi=$1} END {printf "%.0f %.0f\n", lo/1024, hi/1024}' >"$work/range"
  read -r lo hi <"$work/range"
  awk -v t="$stats" -v r="$lines" -v k="$kind" -v b="$(wc -c <"$work/$kind.csv")" -v lo="$lo" -v hi="$hi" \
    'BEGIN {printf "%s export: %d rows, %.1f MB in %.2f s = %.0f rows/s; VmRSS %s-%s MB while exporting\n", k, r, b/1e6, t, r/t, lo, hi}' >&2
  rm -f "$work/$kind.csv"
done
echo "memory at the end: $(rss)" >&2

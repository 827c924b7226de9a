#!/usr/bin/env bash
# Benchmark of the operator console with 100,000 responses, on 127.0.0.1 only.
#
#   bash benches/console.sh [responses]
#
# Fills a fresh database with synthetic respondents, starts a release build on a
# free local port, signs in, then measures: the comparison page for two groups
# (server time, as seen by curl on loopback) and a full CSV export (rows/s).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
cargo build --release --quiet
work=$(mktemp -d)
trap 'kill "$server_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
start=$(date +%s.%N)
./target/release/dealbench demo --respondents "$N" --db "$work/console.db" >/dev/null
echo "demo data: $N responses in $(echo "$(date +%s.%N) - $start" | bc) s" >&2
echo "benchmark password 42" | ./target/release/dealbench operator add bench --db "$work/console.db" >/dev/null
start=$(date +%s.%N)
./target/release/dealbench serve --bind 127.0.0.1 --port 0 --db "$work/console.db" >"$work/out" 2>/dev/null &
server_pid=$!
for _ in $(seq 600); do grep -q "running at" "$work/out" 2>/dev/null && break; sleep 0.1; done
echo "start-up with $N responses: $(echo "$(date +%s.%N) - $start" | bc) s" >&2
base=$(sed -n 's/^Dealbench is running at \(http:[^ ]*\)\/$/\1/p' "$work/out")
case "$base" in http://127.0.0.1:*) ;; *) echo "server did not start on 127.0.0.1" >&2; exit 1 ;; esac

jar="$work/jar"
token=$(curl -s -c "$jar" "$base/admin/login" | grep -o 'name="csrf_token" value="[0-9a-f]*"' | grep -o '[0-9a-f]\{64\}')
curl -s -b "$jar" -c "$jar" -o /dev/null -d "csrf_token=$token&name=bench&password=benchmark password 42" "$base/admin/login"

compare="$base/admin/compare?groups=2&g1_synthetic=on&g1_industry=software&g2_synthetic=on&g2_industry=manufacturing&g2_company_size=from_50_to_249"
times=()
for _ in $(seq 10); do
  times+=("$(curl -s -b "$jar" -o "$work/compare.html" -w '%{time_starttransfer}' "$compare")")
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "comparison page, two groups: median %.1f ms, max %.1f ms (10 runs)\n", a[int((NR+1)/2)]*1000, a[NR]*1000}' >&2
grep -q "Compare peer groups" "$work/compare.html" || { echo "the comparison page did not render" >&2; exit 1; }

for kind in scores answers; do
  stats=$(curl -s -b "$jar" -o "$work/$kind.csv" -w '%{time_total}' "$base/admin/export/$kind.csv?synthetic=on")
  rows=$(($(wc -l <"$work/$kind.csv") - 1))
  awk -v t="$stats" -v r="$rows" -v k="$kind" -v b="$(wc -c <"$work/$kind.csv")" 'BEGIN {printf "%s export: %d rows, %.1f MB in %.2f s = %.0f rows/s\n", k, r, b/1e6, t, r/t}' >&2
done

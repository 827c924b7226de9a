#!/usr/bin/env bash
# Load benchmark of the running server, on 127.0.0.1 only, bounded in time.
#
#   bash benches/load.sh [seconds]
#
# Starts a release build on a free local port with a fresh database holding 1,000
# synthetic respondents, then measures with wrk at 64 connections:
#   1. POST /api/v2/responses (durable submissions, each a different response)
#      beside GET /health
#   2. GET /r/{id} (a report page) beside GET /health
# and prints requests/s, p99 latency and the ratios to the trivial route.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-10}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }

cargo build --release --quiet
work=$(mktemp -d)
trap 'kill "$server_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
./target/release/dealbench demo --respondents 1000 --db "$work/load.db" >/dev/null
# Scripted submissions need an API key, issued as an operator would.
key=$(./target/release/dealbench api-key add load-benchmark --db "$work/load.db" 2>/dev/null)
./target/release/dealbench serve --bind 127.0.0.1 --port 0 --db "$work/load.db" >"$work/out" 2>/dev/null &
server_pid=$!
for _ in $(seq 50); do grep -q "running at" "$work/out" 2>/dev/null && break; sleep 0.1; done
base=$(sed -n 's/^Dealbench is running at \(http:[^ ]*\)\/$/\1/p' "$work/out")
case "$base" in http://127.0.0.1:*) ;; *) echo "server did not start on 127.0.0.1" >&2; exit 1 ;; esac

# Submissions are refused (503) until the peer figures are loaded: retry briefly.
report_id=
for _ in $(seq 100); do
  report_id=$(curl -s -X POST -H 'content-type: application/json' -H "authorization: Bearer $key" \
    --data @questionnaires/examples/strong-company.json "$base/api/v2/responses" |
    sed -n 's/.*"id":"\([0-9a-f-]*\)".*/\1/p')
  [ -n "$report_id" ] && break
  sleep 0.1
done

# Each submission a different response (benches/bodies.py): one body posted
# again and again would be held as a near-duplicate after the first.
python3 benches/bodies.py "$key" 5000 >"$work/post.lua"

run() { # name, url, extra args...
  local name=$1 url=$2; shift 2
  local out
  out=$(wrk -t2 -c64 -d"${SECONDS_PER_RUN}s" --latency "$@" "$url")
  local rps p99
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  local errors
  errors=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
  printf '%-28s %10s req/s   p99 %8s   non-2xx %s\n' "$name" "$rps" "$p99" "${errors:-0}" >&2
  echo "$rps"
}

echo "wrk, 64 connections, ${SECONDS_PER_RUN}s per run, $(nproc) cores" >&2
health1=$(run "GET /health" "$base/health")
submit=$(run "POST /api/v2/responses" "$base/api/v2/responses" -s "$work/post.lua")
health2=$(run "GET /health" "$base/health")
report=$(run "GET /r/{id}" "$base/r/$report_id")
stored=$(sqlite3 "$work/load.db" 'SELECT COUNT(*) FROM responses' 2>/dev/null || echo "?")
awk -v s="$submit" -v h="$health1" -v r="$report" -v h2="$health2" -v n="$stored" 'BEGIN {
  printf "submissions: %.0f/s (%.0f%% of /health); report page: %.0f/s (%.0f%% of /health); responses stored: %s\n", s, 100*s/h, r, 100*r/h2, n
}' >&2

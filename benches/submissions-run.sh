#!/usr/bin/env bash
# The runs of benches/submissions.sh, beside its PostgreSQL server.
set -euo pipefail
SECONDS_PER_RUN=$1
bin=./target/release/dealbench
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

start() { # db, name: starts a server; its address is then `address NAME`
  local db=$1 name=$2
  "$bin" serve --bind 127.0.0.1 --port 0 --db "$db" --submissions-per-hour 0 \
    >"$work/$name.out" 2>/dev/null &
  pids+=($!)
  for _ in $(seq 100); do grep -q "running at" "$work/$name.out" 2>/dev/null && break; sleep 0.1; done
}

address() { sed -n 's/^Dealbench is running at \(http:[^ ]*\)\/$/\1/p' "$work/$1.out"; }

ready() { # base, key: waits until the peer figures are loaded
  for _ in $(seq 100); do
    code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'content-type: application/json' \
      -H "authorization: Bearer $2" --data @questionnaires/examples/weak-company.json "$1/api/v2/responses")
    [ "$code" = 201 ] && return 0
    sleep 0.1
  done
  echo "$1 never took a submission" >&2; exit 1
}

measure() { # label, connections per server, bases...
  local label=$1 conns=$2; shift 2
  local outs=()
  # Three seconds of the same load first, not counted: every submission comes
  # from the one address of the benchmark, and its first thousand of the day
  # are each compared with all before them; after that the address is at its
  # cap and the run measures the steady rate.
  for base in "$@"; do
    wrk -t2 -c"$conns" -d3s -s "$work/post.lua" "$base/api/v2/responses" >/dev/null &
  done
  wait_wrk
  for base in "$@"; do
    wrk -t2 -c"$conns" -d"${SECONDS_PER_RUN}s" --latency -s "$work/post.lua" "$base/api/v2/responses" \
      >"$work/wrk.$(echo "$base" | tr -dc 0-9)" &
    outs+=("$work/wrk.$(echo "$base" | tr -dc 0-9)")
  done
  wait_wrk
  local rate=0 p99=0 errors=0
  for out in "${outs[@]}"; do
    rate=$(awk -v r="$rate" '/Requests\/sec/ {print r + $2}' "$out")
    p=$(awk '$1 == "99%" {v=$2; if (v ~ /ms$/) {sub("ms","",v)} else if (v ~ /us$/) {sub("us","",v); v=v/1000} else if (v ~ /s$/) {sub("s","",v); v=v*1000}; print v}' "$out")
    p99=$(awk -v a="$p99" -v b="$p" 'BEGIN {print (b > a) ? b : a}')
    e=$(awk '/Non-2xx/ {print $NF}' "$out"); errors=$((errors + ${e:-0}))
  done
  printf '%-34s %8.0f submissions/s   p99 %6.1f ms   non-2xx %s\n' "$label" "$rate" "$p99" "$errors"
}

wait_wrk() { while pgrep -P $$ wrk >/dev/null; do sleep 0.5; done; }

echo "durable submissions, 64 connections in all, ${SECONDS_PER_RUN}s per run, $(nproc) cores"

# SQLite
"$bin" demo --respondents 1000 --db "$work/load.db" >/dev/null
key=$("$bin" api-key add bench --db "$work/load.db" 2>/dev/null)
python3 benches/bodies.py "$key" 5000 >"$work/post.lua"
start "$work/load.db" sqlite
base=$(address sqlite)
ready "$base" "$key"
measure "SQLite, one server" 64 "$base"
kill "${pids[@]}"; pids=()

# PostgreSQL
server=${DEALBENCH_TEST_POSTGRES%/postgres}
psql "$DEALBENCH_TEST_POSTGRES" -qc "CREATE DATABASE bench" >/dev/null
url="$server/bench"
"$bin" demo --respondents 1000 --db "$url" >/dev/null
key=$("$bin" api-key add bench --db "$url" 2>/dev/null)
python3 benches/bodies.py "$key" 5000 >"$work/post.lua"
start "$url" pg1
one=$(address pg1)
ready "$one" "$key"
measure "PostgreSQL, one server" 64 "$one"
start "$url" pg2
two=$(address pg2)
ready "$two" "$key"
measure "PostgreSQL, two servers" 32 "$one" "$two"

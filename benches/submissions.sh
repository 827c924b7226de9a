#!/usr/bin/env bash
# Durable submissions under load, on SQLite and on PostgreSQL with one and two
# servers: 64 connections, each request a different response (benches/bodies.py),
# on 127.0.0.1 only, bounded in time. Prints the rate and the p99 of each.
#
#   bash benches/submissions.sh [seconds]
#
# PostgreSQL is a server of the benchmark's own (.ci/with-postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-15}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
cargo build --release --quiet
exec bash .ci/with-postgres bash benches/submissions-run.sh "$SECONDS_PER_RUN"

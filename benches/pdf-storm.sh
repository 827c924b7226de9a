#!/usr/bin/env bash
# A PDF storm on 127.0.0.1, bounded in time: 400 clients ask for a report's PDF
# and never read it (a small receive window, held 2-6 s, then again on a new
# connection), while wrk measures other clients on the report page, the landing
# page and /health. Prints each page's p99 with and without the storm, what the
# storm's requests got (200 or 503), and the server's most threads and memory.
#
#   bash benches/pdf-storm.sh [seconds per wrk run]
#
# The server runs with no cap on connections per address, since every client
# here is 127.0.0.1 (in production they are 400 addresses).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-10}
SLOW_CLIENTS=400
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
command -v python3 >/dev/null || { echo "python3 is needed" >&2; exit 1; }

cargo build --release --quiet
work=$(mktemp -d)
server_pid=
storm_pid=
sampler_pid=
trap 'kill $storm_pid $sampler_pid $server_pid 2>/dev/null || true; rm -rf "$work"' EXIT
./target/release/dealbench demo --respondents 1000 --db "$work/storm.db" >/dev/null
key=$(./target/release/dealbench api-key add storm-benchmark --db "$work/storm.db" 2>/dev/null)
./target/release/dealbench serve --bind 127.0.0.1 --port 0 --db "$work/storm.db" \
  --max-connections-per-address 0 >"$work/out" 2>/dev/null &
server_pid=$!
for _ in $(seq 50); do grep -q "running at" "$work/out" 2>/dev/null && break; sleep 0.1; done
base=$(sed -n 's/^Dealbench is running at \(http:[^ ]*\)\/$/\1/p' "$work/out")
case "$base" in http://127.0.0.1:*) ;; *) echo "server did not start on 127.0.0.1" >&2; exit 1 ;; esac
port=${base##*:}

report_id=
for _ in $(seq 100); do
  report_id=$(curl -s -X POST -H 'content-type: application/json' -H "authorization: Bearer $key" \
    --data @questionnaires/examples/mixed-vp-of-sales.json "$base/api/v2/responses" |
    sed -n 's/.*"id":"\([0-9a-f-]*\)".*/\1/p')
  [ -n "$report_id" ] && break
  sleep 0.1
done
[ -n "$report_id" ] || { echo "no report to ask for" >&2; exit 1; }

cat >"$work/storm.py" <<'PY'
"""Clients that ask for a PDF and never read it, until the time is up."""
import random, socket, sys, time

port, report, clients, seconds = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
request = f"GET /r/{report}.pdf HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode()
seen = {"200": 0, "503": 0, "no answer yet": 0, "refused": 0}
slots = [None] * clients
end = time.time() + seconds

def answered(sock):
    try:
        head = sock.recv(12, socket.MSG_PEEK | socket.MSG_DONTWAIT)
    except OSError:
        return "no answer yet"
    status = head[9:12].decode(errors="replace")
    return status if status in seen else "no answer yet"

while time.time() < end:
    now = time.time()
    for i, slot in enumerate(slots):
        if slot is not None and now < slot[1]:
            continue
        if slot is not None:
            seen[answered(slot[0])] += 1
            slot[0].close()
        try:
            sock = socket.socket()
            # A small window: what the server sends stays on its side.
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            sock.settimeout(2)
            sock.connect(("127.0.0.1", port))
            sock.sendall(request)
            slots[i] = (sock, now + random.uniform(2, 6))
        except OSError:
            seen["refused"] += 1
            slots[i] = None
    time.sleep(0.05)
print("PDF requests of the storm: " + ", ".join(f"{k} {v}" for k, v in seen.items()), file=sys.stderr)
PY

wrk_p99() { # name, url
  local out p99 rps
  out=$(wrk -t2 -c64 -d"${SECONDS_PER_RUN}s" --latency "$2")
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  printf '  %-22s p99 %9s   %10s req/s   non-2xx %s\n' "$1" "$p99" "$rps" \
    "$(echo "$out" | awk '/Non-2xx/ {print $NF}' | sed 's/^$/0/')" >&2
}

pages() {
  wrk_p99 "GET /r/{id}" "$base/r/$report_id"
  wrk_p99 "GET /" "$base/"
  wrk_p99 "GET /health" "$base/health"
}

echo "wrk, 64 connections, ${SECONDS_PER_RUN}s per run, $(nproc) cores" >&2
echo "without the storm:" >&2
pages

# The server's threads and resident memory, sampled twice a second.
( while kill -0 "$server_pid" 2>/dev/null; do
    awk '/^Threads|^VmRSS/ {printf "%s ", $2} END {print ""}' "/proc/$server_pid/status"
    sleep 0.5
  done ) >"$work/samples" &
sampler_pid=$!
python3 "$work/storm.py" "$port" "$report_id" "$SLOW_CLIENTS" "$((3 * SECONDS_PER_RUN + 8))" &
storm_pid=$!
sleep 3
echo "with $SLOW_CLIENTS clients asking for the PDF and never reading it:" >&2
pages
wait "$storm_pid" || true
storm_pid=
kill "$sampler_pid" 2>/dev/null || true
sampler_pid=
awk 'NF == 2 { if ($1 > rss) rss = $1; if ($2 > threads) threads = $2 }
     END { printf "server during the storm: at most %d threads, %.0f MB resident\n", threads, rss / 1024 }' \
  "$work/samples" >&2

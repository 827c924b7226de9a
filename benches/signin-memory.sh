#!/usr/bin/env bash
# Resident memory of the server across failed console sign-ins, on 127.0.0.1 only.
#
#   bash benches/signin-memory.sh [sign-ins] [addresses]
#
# Starts a release build on a free local port that trusts 127.0.0.1 as a proxy, so
# that X-Forwarded-For names each simulated client; then sends wrong passwords
# (default 1,000 from 100 addresses, ten each, eight at a time: within every
# throttle limit, so each one is checked; a sign-in told "busy" is sent again) and
# prints the server's resident memory (VmRSS) before, right after, and ten seconds
# later.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000}
ADDRESSES=${2:-100}
cargo build --release --quiet
work=$(mktemp -d)
trap 'kill "$server_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
echo "benchmark password 42" | ./target/release/dealbench operator add bench --db "$work/signin.db" >/dev/null
./target/release/dealbench serve --bind 127.0.0.1 --port 0 --db "$work/signin.db" \
  --trusted-proxies 127.0.0.1 --max-connections-per-address 0 >"$work/out" 2>/dev/null &
server_pid=$!
for _ in $(seq 600); do grep -q "running at" "$work/out" 2>/dev/null && break; sleep 0.1; done
base=$(sed -n 's/^Dealbench is running at \(http:[^ ]*\)\/$/\1/p' "$work/out")
case "$base" in http://127.0.0.1:*) ;; *) echo "server did not start on 127.0.0.1" >&2; exit 1 ;; esac
rss() { awk '/^VmRSS/ {print $2}' "/proc/$server_pid/status"; }

curl -s -o /dev/null "$base/admin/login"
before=$(rss)
# The sign-in form's CSRF check compares the cookie with the field.
token=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
sign_in() {
  local i=$1 a=$(($1 % ADDRESSES)) name="op$1" code
  # The operator's own name now and then (under the account's backoff).
  [ $(($1 % 200)) -eq 0 ] && name=bench
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: dealbench_csrf=$token" \
      -H "X-Forwarded-For: 198.18.$((a / 250)).$((a % 250 + 1))" \
      --data "csrf_token=$token&name=$name&password=wrong+guess+$i" "$base/admin/login")
    [ "$code" = 503 ] || break
    sleep 0.05
  done
  echo "$code"
}
export -f sign_in
export token base ADDRESSES
start=$(date +%s.%N)
codes=$(seq 0 $((N - 1)) | xargs -P 8 -I{} bash -c 'sign_in {}' | sort | uniq -c | tr -s ' ')
elapsed=$(echo "$(date +%s.%N) - $start" | bc)
after=$(rss)
sleep 10
settled=$(rss)
echo "$N failed sign-ins from $ADDRESSES addresses in ${elapsed%.*} s; answers:$codes" >&2
awk -v b="$before" -v a="$after" -v s="$settled" 'BEGIN {
  printf "resident memory: %.1f MB before, %.1f MB after (%+.1f MB), %.1f MB ten seconds later\n", b/1024, a/1024, (a-b)/1024, s/1024 }' >&2

#!/usr/bin/env bash
# Sustained acknowledged votes per second with 64 concurrent voters, on SQLite and (with
# --postgres URL) on PostgreSQL, against /healthz on the same server in the same run.
#
# Usage: bench/votes.sh [--postgres postgres://user:pass@127.0.0.1:5432/db]
# Env:   DURATION=10s CONNECTIONS=64 THREADS=2 PORT=8184
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10s}; CONNECTIONS=${CONNECTIONS:-64}; THREADS=${THREADS:-2}; PORT=${PORT:-8184}
PG_URL=""
[ "${1:-}" = "--postgres" ] && PG_URL=$2
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 2; }
swift build -c release >/dev/null 2>&1
BIN="$(swift build -c release --show-bin-path)/verdict"
WORK=$(mktemp -d); SERVER=
trap '[ -n "$SERVER" ] && kill $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT
export VOTES_COOKIES=$WORK/cookies VOTES_TOOLS=$WORK/tools

run_db() {  # $1 label, $2 DATABASE_URL
  (cd "$WORK" && DATABASE_URL=$2 LOG_LEVEL=error VERDICT_SECRET=bench-secret-0123456789abcdef-0123456789 \
     VERDICT_NEW_VOTERS_PER_NETWORK_PER_HOUR=1000000 VERDICT_VOTES_PER_NETWORK_PER_MINUTE=100000000 \
     exec "$BIN" serve --port "$PORT" >"$WORK/server.log" 2>&1) &
  SERVER=$!
  until curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1; do sleep 0.05; done
  curl -fs "http://127.0.0.1:$PORT/api/v1/tools" | python3 -c 'import json,sys; print("\n".join(t["slug"] for t in json.load(sys.stdin)["tools"]))' >"$VOTES_TOOLS"
  : >"$VOTES_COOKIES"
  for i in $(seq 1 "$CONNECTIONS"); do   # mint one voter per connection
    curl -fs -o /dev/null -c - -X PUT -H 'Content-Type: application/json' -d '{"vote":"ship"}' \
      "http://127.0.0.1:$PORT/api/v1/tools/$(head -n1 "$VOTES_TOOLS")/vote" | awk '/verdict_voter/ {print $7}' >>"$VOTES_COOKIES"
  done
  wrk -t"$THREADS" -c"$CONNECTIONS" -d2s "http://127.0.0.1:$PORT/healthz" >/dev/null
  local base votes
  base=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:$PORT/healthz")
  votes=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/votes.lua "http://127.0.0.1:$PORT/")
  local stored
  stored=$(curl -fs "http://127.0.0.1:$PORT/api/v1/tools" | python3 -c 'import json,sys; print(sum(t["community"]["ship"]+t["community"]["skip"] for t in json.load(sys.stdin)["tools"]))')
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=
  summarize "$label_prefix$1 /healthz" "$base"
  summarize "$label_prefix$1 PUT vote" "$votes"
  local b v
  b=$(echo "$base" | awk '/Requests\/sec/ {print $2}'); v=$(echo "$votes" | awk '/Requests\/sec/ {print $2}')
  echo "$1: votes/healthz ratio $(awk -v a="$v" -v b="$b" 'BEGIN {printf "%.3f", a / b}'); non-2xx: $(echo "$votes" | awk -F= '/non2xx/ {print $2}'); distinct (voter, tool) rows counted: $stored"
}

summarize() {
  echo "$2" | awk -v l="$1" '/Requests\/sec/ {r=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} END {printf "%-28s %10s req/s  p50 %8s  p99 %8s\n", l, r, p50, p99}'
}

label_prefix=""
run_db sqlite "sqlite:$WORK/verdict.sqlite"
[ -n "$PG_URL" ] && run_db postgres "$PG_URL"
exit 0

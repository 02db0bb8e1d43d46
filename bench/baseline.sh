#!/usr/bin/env bash
# First baseline for Verdict: start-up time (empty and seeded SQLite database) and wrk
# throughput/latency for a comparison page and a tool's JSON, with /healthz (plain text,
# same server, same run) as the baseline the ratios are taken against.
#
# Usage: bench/baseline.sh            (builds release first; needs wrk: apt-get install wrk)
# Env:   DURATION=10s CONNECTIONS=64 THREADS=2 PORT=8181
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8181}
. bench/wrk-common.sh

# Start the server; STARTED_MS is the time until /healthz answers.
start() {
  local t0 t1
  t0=$(date +%s%N)
  (cd "$WORK" && LOG_LEVEL=notice exec "$BIN" serve --port "$PORT" >>"$WORK/server.log" 2>&1) &
  SERVER=$!
  until curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1; do sleep 0.01; done
  t1=$(date +%s%N)
  STARTED_MS=$(( (t1 - t0) / 1000000 ))
}
stop() { kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=; }

start; empty_ms=$STARTED_MS; stop    # first start: migrates and seeds the demo catalog
start; seeded_ms=$STARTED_MS         # second start: everything already there
echo "start-up, empty database (migrate + seed demo + rubric): ${empty_ms} ms"
echo "start-up, seeded database:                               ${seeded_ms} ms"

wrk -t"$THREADS" -c"$CONNECTIONS" -d2s "http://127.0.0.1:$PORT/healthz" >/dev/null  # warm-up
read -r base_rps base_p50 base_p99 < <(run /healthz)
printf "%-42s %10s %9s %9s %8s\n" route "req/s" p50 p99 "ratio"
printf "%-42s %10s %9s %9s %8s\n" /healthz "$base_rps" "$base_p50" "$base_p99" "1.00"
for path in /assets/site.css /compare/gemini-2-5-flash-vs-smollm3 /api/v1/tools/gemini-2-5-flash; do
  read -r rps p50 p99 < <(run "$path")
  ratio=$(awk -v a="$rps" -v b="$base_rps" 'BEGIN {printf "%.3f", a / b}')
  printf "%-42s %10s %9s %9s %8s\n" "$path" "$rps" "$p50" "$p99" "$ratio"
done
stop

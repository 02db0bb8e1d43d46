#!/usr/bin/env bash
# One weekly digest composed and delivered to N confirmed subscribers through an SMTP sink on
# loopback that accepts and discards (bench/newsletter_sink.py, aiosmtpd): messages per second
# and the sender's peak memory (RSS). The sender pages deliveries 100 at a time, so peak memory
# should be the same for every N.
#
# Usage: bench/newsletter.sh            Env: NS="5000 20000" (subscriber counts), TIMEOUT=900 (s per step)
set -euo pipefail
cd "$(dirname "$0")/.."
NS=${NS:-"5000 20000"}; TIMEOUT=${TIMEOUT:-900}
REPO=$PWD
PY="$REPO/.venv/bin/python"
[ -x "$PY" ] || python3 -m venv "$REPO/.venv"
"$PY" -c 'import aiosmtpd' 2>/dev/null || "$PY" -m pip install -q aiosmtpd
swift build -c release >/dev/null 2>&1
BIN="$(swift build -c release --show-bin-path)/verdict"
WORK=$(mktemp -d); SINK=
trap '[ -n "$SINK" ] && kill $SINK 2>/dev/null; rm -rf "$WORK"' EXIT

printf "%-8s %10s %10s %10s %12s %14s\n" N compose-s send-s delivered "messages/s" "max RSS (KB)"
for N in $NS; do
  DIR="$WORK/n$N"; mkdir -p "$DIR"
  export DATABASE_URL="sqlite:$DIR/verdict.sqlite" VERDICT_OUTBOX="$DIR/outbox" VERDICT_SECRET=bench-secret-0123456789abcdef-0123456789 \
         VERDICT_PUBLIC_URL=http://127.0.0.1:8080 VERDICT_DEMO=0 LOG_LEVEL=error
  (cd "$DIR" && timeout "$TIMEOUT" "$BIN" import "$REPO/Sources/VerdictServer/Resources/demo-catalog.yaml" >/dev/null)
  # Subscribers as Fluent writes them on SQLite: id is the UUID as uppercase text, dates are
  # REAL seconds since 1970 (checked against a row made by POST /api/v1/subscribers).
  "$PY" - "$DIR/verdict.sqlite" "$N" <<'PY'
import sqlite3, sys, time, uuid
db, n = sqlite3.connect(sys.argv[1]), int(sys.argv[2])
now = time.time()
db.executemany("INSERT INTO subscribers (id, email, state, created_at, confirmed_at) VALUES (?, ?, 'confirmed', ?, ?)",
               ((str(uuid.uuid4()).upper(), "reader%06d@example.org" % i, now, now) for i in range(n)))
db.commit()
PY
  t0=$(date +%s.%N)
  (cd "$DIR" && timeout "$TIMEOUT" "$BIN" newsletter compose >/dev/null)
  t1=$(date +%s.%N)

  rm -f "$DIR/port" "$DIR/count"
  "$PY" bench/newsletter_sink.py "$DIR/port" "$DIR/count" & SINK=$!
  for _ in $(seq 100); do [ -s "$DIR/port" ] && break; sleep 0.1; done
  PORT=$(cat "$DIR/port")
  t2=$(date +%s.%N)
  (cd "$DIR" && VERDICT_SMTP_URL="smtp://127.0.0.1:$PORT?starttls=off" \
     timeout "$TIMEOUT" /usr/bin/time -v -o "$DIR/time.txt" "$BIN" newsletter send >"$DIR/send.log" 2>&1) \
     || { echo "send failed for N=$N:"; tail -5 "$DIR/send.log"; exit 1; }
  t3=$(date +%s.%N)
  kill "$SINK"; wait "$SINK" 2>/dev/null || true; SINK=
  read -r MESSAGES _ < "$DIR/count"
  RSS=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$DIR/time.txt")
  awk -v n="$N" -v c="$(echo "$t1 - $t0" | bc)" -v s="$(echo "$t3 - $t2" | bc)" -v m="$MESSAGES" -v r="$RSS" \
    'BEGIN {printf "%-8s %10.2f %10.2f %10d %12.0f %14d\n", n, c, s, m, m / s, r}'
  [ "$MESSAGES" -eq "$N" ] || { echo "expected $N messages at the sink, got $MESSAGES"; exit 1; }
  grep -o '[0-9]* sent, .*' "$DIR/send.log" | tail -1 | sed "s/^/  N=$N: /"
done

#!/usr/bin/env bash
# The editor's desk under load: what a bearer token or a session costs per request, and what a
# sign-in costs (bcrypt cost 12), against /healthz and the same tool's public JSON in the same run.
#
# Usage: bench/desk.sh                (builds release first; needs wrk: apt-get install wrk)
# Env:   DURATION=10s CONNECTIONS=64 THREADS=2 PORT=8182 LOGINS=20
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8182}
LOGINS=${LOGINS:-20}
. bench/wrk-common.sh
export DATABASE_URL="sqlite:$WORK/desk.sqlite" LOG_LEVEL=notice
BASE="http://127.0.0.1:$PORT"
PASSWORD="a measured passphrase of some length"

(cd "$WORK" && exec "$BIN" serve --port "$PORT" >>"$WORK/server.log" 2>&1) &
SERVER=$!
until curl -fs "$BASE/healthz" >/dev/null 2>&1; do sleep 0.05; done
echo "$PASSWORD" | "$BIN" user create --email bench@example.com --role admin >/dev/null
TOKEN=$("$BIN" token create --email bench@example.com --name bench --scope read | tail -n 1)

login() {  # prints the HTTP status of one sign-in
  curl -s -o /dev/null -w "%{http_code}" -H "Origin: $BASE" --data-urlencode "email=$1" --data-urlencode "password=$2" "$BASE/login"
}
mean_ms() {  # mean wall time of $LOGINS sign-ins with the given email and password
  local t0 t1
  t0=$(date +%s%N)
  for _ in $(seq "$LOGINS"); do login "$1" "$2" >/dev/null; done
  t1=$(date +%s%N)
  echo $(( (t1 - t0) / 1000000 / LOGINS ))
}
ok_n=$LOGINS
ok_ms=$(mean_ms bench@example.com "$PASSWORD")
# Failures hold an account after 5 and a network after 20 (all of loopback is one network), so
# 4 of each kind are measured.
LOGINS=4
wrong_ms=$(mean_ms bench@example.com "not the password at all")
unknown_ms=$(mean_ms nobody@example.com "not the password at all")
echo "sign-in, right password:  ${ok_ms} ms (mean of $ok_n sequential; bcrypt cost 12)"
echo "sign-in, wrong password:  ${wrong_ms} ms (mean of 4)"
echo "sign-in, unknown account: ${unknown_ms} ms (mean of 4; same bcrypt work, so timing does not reveal accounts)"

COOKIE=$(curl -s -D - -o /dev/null -H "Origin: $BASE" --data-urlencode "email=bench@example.com" \
  --data-urlencode "password=$PASSWORD" "$BASE/login" | tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: \(verdict_session=[^;]*\).*/\1/p')

wrk -t"$THREADS" -c"$CONNECTIONS" -d2s "$BASE/healthz" >/dev/null  # warm-up
read -r base_rps base_p50 base_p99 < <(run /healthz)
printf "%-48s %10s %9s %9s %8s\n" route "req/s" p50 p99 ratio
printf "%-48s %10s %9s %9s %8s\n" /healthz "$base_rps" "$base_p50" "$base_p99" "1.00"
row() {
  read -r rps p50 p99 < <(run "$2" "${3:-}")
  printf "%-48s %10s %9s %9s %8s\n" "$1" "$rps" "$p50" "$p99" "$(awk -v a="$rps" -v b="$base_rps" 'BEGIN {printf "%.3f", a / b}')"
}
row "/api/v1/tools/gemini-2-5-flash (open)" /api/v1/tools/gemini-2-5-flash
row "/api/v1/admin/tools/gemini-2-5-flash (token)" /api/v1/admin/tools/gemini-2-5-flash "Authorization: Bearer $TOKEN"
row "/admin/tools/gemini-2-5-flash (session)" /admin/tools/gemini-2-5-flash "Cookie: $COOKIE"
row "/admin/tools/gemini-2-5-flash (no session)" /admin/tools/gemini-2-5-flash

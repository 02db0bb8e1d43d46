#!/usr/bin/env bash
# Single-request latency of the read paths at N tools (default 1,000): the demo catalog's
# entries repeated under new slugs, imported with `verdict import`, then each route fetched
# twice with curl (the second is reported). Release build; loopback only.
#   SCRATCH=.build-release N=1000 bench/catalog-size.sh
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-1000}; PORT=${PORT:-8197}
swift build -c release ${SCRATCH:+--scratch-path "$SCRATCH"} >/dev/null 2>&1
BIN="$(swift build -c release ${SCRATCH:+--scratch-path "$SCRATCH"} --show-bin-path)/verdict"
WORK=$(mktemp -d); SERVER=
trap '[ -n "$SERVER" ] && kill $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT
python3 - "$N" "$WORK/big.yaml" <<'PY'
import sys, copy, yaml
n, out = int(sys.argv[1]), sys.argv[2]
tools = yaml.safe_load(open("Sources/VerdictServer/Resources/demo-catalog.yaml"))["tools"]
big = []
for i in range(n):
    t = copy.deepcopy(tools[i % len(tools)]); t["slug"] = f"{t['slug']}-x{i}"; t["name"] = f"{t['name']} X{i}"; big.append(t)
yaml.safe_dump({"tools": big}, open(out, "w"))
PY
export VERDICT_SECRET=bench-catalog-size-secret-0123456789abcdef LOG_LEVEL=warning DATABASE_URL="sqlite:$WORK/v.sqlite"
t0=$(date +%s%N); (cd "$WORK" && "$BIN" import big.yaml >/dev/null); t1=$(date +%s%N)
echo "import of $N tools: $(( (t1 - t0) / 1000000 )) ms"
(cd "$WORK" && exec "$BIN" serve --port "$PORT" >"$WORK/server.log" 2>&1) & SERVER=$!
until curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1; do sleep 0.05; done
A=gemini-2-5-flash-x0; B=smollm3-x1
for u in /healthz /api/v1/tools/$A /compare/$A-vs-$B /tools/$A / /categories/language-models; do
  curl -s -o /dev/null "http://127.0.0.1:$PORT$u"
  curl -s -o /dev/null -w "$u %{http_code} %{time_total}s %{size_download} B\n" "http://127.0.0.1:$PORT$u"
done

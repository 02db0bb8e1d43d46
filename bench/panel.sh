#!/usr/bin/env bash
# The model panel for 20 tools (80 takes) against a local endpoint that answers after 300 ms,
# at concurrency 4 and 8: wall time against the sequential sum (80 × one call) and against one
# call, and the share of each prompt that is the prefix shared by a tool's four personas.
#
# Usage: bench/panel.sh          Env: DELAY=0.3 PORT=8199
set -euo pipefail
cd "$(dirname "$0")/.."
DELAY=${DELAY:-0.3}; PORT=${PORT:-8199}
swift build -c release >/dev/null 2>&1
BIN="$(swift build -c release --show-bin-path)/verdict"
WORK=$(mktemp -d); FAKE=
trap '[ -n "$FAKE" ] && kill $FAKE 2>/dev/null; rm -rf "$WORK"' EXIT
python3 bench/fake_llm.py "$PORT" "$DELAY" "$WORK/prompts.jsonl" & FAKE=$!
sleep 1
# 20 tools from the demo catalog, imported with no backend configured (rubric only).
REPO=$PWD
(cd "$WORK" && LOG_LEVEL=error "$BIN" import "$REPO/Sources/VerdictServer/Resources/demo-catalog.yaml" >/dev/null)
TOOLS=$(python3 -c 'import yaml; d = yaml.safe_load(open("Sources/VerdictServer/Resources/demo-catalog.yaml")); print(",".join(t["slug"] for t in d["tools"][:20]))')
printf "%-12s %10s %14s %14s\n" concurrency "wall (s)" "vs sequential" "vs one call"
for c in 4 8; do
  start=$(date +%s.%N)
  (cd "$WORK" && LOG_LEVEL=error VERDICT_LLM_BASE_URL="http://127.0.0.1:$PORT/v1" VERDICT_LLM_MODEL=bench \
     VERDICT_LLM_CONCURRENCY=$c "$BIN" panel run --tool "$TOOLS" --force >/dev/null)
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" -v c="$c" -v d="$DELAY" 'BEGIN {w=e-s; printf "%-12s %10.2f %13.1f%% %13.1fx\n", c, w, 100*w/(80*d), w/d}'
done
python3 - "$WORK/prompts.jsonl" <<'PY'
import json, sys, os
rows = [json.loads(l) for l in open(sys.argv[1])]
# A prompt's shared prefix is every message but the last (the rules, then the tool's fenced
# data) when all four personas of the tool sent the identical messages.
first = [json.dumps(r[:-1]) for r in rows]
size = {json.dumps(r[:-1]): sum(len(m["content"]) for m in r[:-1]) for r in rows}
total = [sum(len(m["content"]) for m in r) for r in rows]
by_prefix = {}
for f in first: by_prefix[f] = by_prefix.get(f, 0) + 1
shared = sum(size[f] for f in first if by_prefix[f] >= 4)
print(f"prompts: {len(rows)}; shared-prefix share of prompt characters: {100 * shared / sum(total):.1f}% "
      f"(prompts with a prefix shared by >= 4 calls: {sum(1 for f in first if by_prefix[f] >= 4)})")
PY

#!/usr/bin/env python3
"""The buyer's read under load (issue #15): the comparison page plain and with a workload in its
query, warm (page cache on) and cold (cache off), and `GET /api/v1/cost` at 64 connections, each
in the same run as `/healthz` on the same server. The catalog is the demo catalog plus the
models.dev dataset (read from ../shared/data/prices), so offers are real.

    SCRATCH=.build-release python3 bench/cost.py [--duration 5]
    VERDICT_BIN=/path/to/verdict python3 bench/cost.py
"""
import argparse, os, shutil, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pages import Server, binary, env_for, wrk  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MODELS_DEV = os.path.join(os.path.dirname(ROOT), "shared", "data", "prices", "models.dev", "api.json")
WORKLOAD = "input_tokens=200000000&output_tokens=40000000&cached_input_share=0.3"
PATHS = [
    ("/healthz", "/healthz (reference)"),
    ("/compare/gemini-2-5-flash-vs-gpt-4o", "comparison, default preset"),
    ("/compare/gemini-2-5-flash-vs-gpt-4o?" + WORKLOAD, "comparison with a workload"),
    ("/tools/gpt-4o?" + WORKLOAD, "tool page with a workload"),
    ("/api/v1/cost?tools=gemini-2-5-flash,gpt-4o,claude-haiku-4-5&" + WORKLOAD, "cost API, 3 tools"),
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--duration", type=int, default=5)
    ap.add_argument("--port", type=int, default=8392)
    args = ap.parse_args()
    if not os.path.exists(MODELS_DEV):
        sys.exit(f"{MODELS_DEV} is missing")
    bin = os.environ.get("VERDICT_BIN") or binary()
    work = tempfile.mkdtemp(prefix="verdict-cost-")
    try:
        env = env_for(f"sqlite:{work}/v.sqlite")
        Server(bin, work, args.port, env).stop()  # seeds the demo catalog
        subprocess.run([bin, "import", "--skip-invalid", "--format", "models.dev", MODELS_DEV], cwd=work, env=env, check=True,
                       capture_output=True)
        print(f"# bench/cost.py — {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, demo catalog + models.dev, "
              f"wrk -t2 -c64 -d{args.duration}s, {os.cpu_count()} cores\n")
        print("| page | cache | req/s | ratio to /healthz | p50 ms | p99 ms | non-2xx |")
        print("| --- | --- | ---: | ---: | ---: | ---: | ---: |", flush=True)
        for cache, extra in [("warm", {}), ("cold (off)", {"VERDICT_PAGE_CACHE_MB": "0", "VERDICT_DATA_CACHE_MB": "0"})]:
            server = Server(bin, work, args.port, {**env, **extra})
            try:
                base = None
                for path, label in PATHS:
                    r = wrk(server.url + path, args.duration)
                    base = base or r["rps"]
                    print(f"| {label} | {cache} | {r['rps']:,.0f} | {r['rps'] / base:.2f} | {r['p50']:.1f} | {r['p99']:.1f} | {r['non2xx']} |",
                          flush=True)
            finally:
                server.stop()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

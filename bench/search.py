#!/usr/bin/env python3
"""Issue #16's search benchmark: GET /api/v1/search and /search at 1,000 and 10,000 tools (the
clones of the demo catalog pages.py makes), against Verdict's own /healthz in the same run.

For each size: one connection, 400 requests of each query (p50, p99 in ms: what one reader
waits), then wrk -t2 -c64 for 10 s (req/s and p99 under load; on two cores the p99 there is
mostly queueing). Ratios are to /healthz measured the same way, in the same run.

    swift build -c release --scratch-path .build-release --product verdict
    SCRATCH=.build-release python3 bench/search.py --sizes 1000,10000
"""
import argparse, os, shutil, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pages import Server, big_catalog, binary, env_for, latencies, wrk  # noqa: E402

QUERIES = [
    ("healthz", "/healthz"),
    ("one word + two filters", "/api/v1/search?q=video&open_weights=false&verdict=ship"),
    ("one word + two filters, page", "/search?q=video&open_weights=false&verdict=ship"),
    ("common word", "/api/v1/search?q=model"),
    ("exact name", "/api/v1/search?q=claude%20haiku%204%205%20x77"),
    ("typo", "/api/v1/search?q=gemnii%20flsah"),
    ("filters only", "/api/v1/search?modality=image&max_input_price=0.5&min_context=100000"),
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--port", type=int, default=8391)
    ap.add_argument("--duration", type=int, default=10)
    args = ap.parse_args()
    bin = binary()
    print(f"# bench/search.py — {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, SQLite, release\n")
    print("| tools | query | 1 conn p50 ms | 1 conn p99 ms | 64 conn req/s | 64 conn p99 ms | req/s ÷ /healthz |")
    print("| ---: | --- | ---: | ---: | ---: | ---: | ---: |", flush=True)
    for n in [int(s) for s in args.sizes.split(",")]:
        work = tempfile.mkdtemp(prefix=f"verdict-search-{n}-")
        try:
            env = env_for(f"sqlite:{work}/v.sqlite")
            _, files = big_catalog(n, os.path.join(work, "big.yaml"))
            t0 = time.time()
            for file in files:
                subprocess.run([bin, "import", file], cwd=work, env=env, check=True, capture_output=True)
            print(f"<!-- import of {n} tools: {time.time() - t0:.1f} s -->", flush=True)
            server = Server(bin, work, args.port, env)
            try:
                health = None
                for name, path in QUERIES:
                    url = server.url + path
                    latencies(url, 50)  # warm up
                    p50, p99 = latencies(url, 400)
                    load = wrk(url, args.duration)
                    if health is None:
                        health = load["rps"]
                    print(f"| {n:,} | {name} | {p50:.2f} | {p99:.2f} | {load['rps']:,.0f} | {load['p99']:.1f} | "
                          f"{load['rps'] / health:.3f} |", flush=True)
            finally:
                server.stop()
        finally:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

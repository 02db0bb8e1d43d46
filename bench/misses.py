#!/usr/bin/env python3
"""What one uncached render costs as the catalog grows: the page cache off, the median of 21
requests to each public page at each catalog size (the same clones of the demo catalog as
pages.py). A page whose cost grows with the catalog shows it here.

A second table is the miss readers meet most: caches on, a vote on the tool, then the first
read of each page that shows it (which re-renders it from kept data), median of 21 rounds.

    SCRATCH=.build-release python3 bench/misses.py --sizes 43,1000,10000
    BASELINE_BIN=/path/to/older/verdict python3 bench/misses.py   # the same, A/B, alternating
"""
import argparse, os, re, shutil, subprocess, sys, tempfile, time, urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pages import Server, big_catalog, binary, env_for, http, latencies  # noqa: E402


def median_ms(url, n=21):
    return latencies(url, n)[0]


def after_votes(url, tool, paths, rounds=21):
    """Median ms of the first GET of each path after a vote on `tool` (caches on, warmed)."""
    import re as _re
    _, _, headers = http("PUT", url + f"/api/v1/tools/{tool}/vote", '{"vote":"ship"}')
    cookie = _re.search(r"verdict_voter=([^;]+)", headers.get("Set-Cookie", "")).group(1)
    times = {p: [] for p in paths}
    for i in range(rounds):
        for p in paths:
            latencies(url + p, 1)  # warm: a hit
        http("PUT", url + f"/api/v1/tools/{tool}/vote", '{"vote":"%s"}' % ("skip" if i % 2 == 0 else "ship"), cookie=cookie)
        for p in paths:
            times[p].append(latencies(url + p, 1)[0])
    return [sorted(t)[len(t) // 2] for t in times.values()]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="43,1000,10000")
    ap.add_argument("--port", type=int, default=8390)
    args = ap.parse_args()
    bins = [("today", binary())]
    if os.environ.get("BASELINE_BIN"):
        bins.insert(0, ("baseline", os.environ["BASELINE_BIN"]))
    print(f"# bench/misses.py — {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, page cache off, median of 21 requests, ms\n")
    names = ["tool", "home", "category", "leaderboard", "comparison", "/new", "tool + workload", "cost API",
             "/tools", "/compare", "persona", "feed", "sitemap pages", "badge", "compare card"]
    print("| tools | binary | " + " | ".join(names) + " |")
    print("| ---: | --- |" + " ---: |" * len(names), flush=True)
    voted = []
    for n in [int(s) for s in args.sizes.split(",")]:
        work = tempfile.mkdtemp(prefix=f"verdict-misses-{n}-")
        try:
            env = {**env_for(f"sqlite:{work}/v.sqlite"), "VERDICT_PAGE_CACHE_MB": "0", "VERDICT_DATA_CACHE_MB": "0"}
            if n > 43:
                tools, files = big_catalog(n, os.path.join(work, "big.yaml"))
                for file in files:
                    subprocess.run([bins[-1][1], "import", file], cwd=work, env=env, check=True, capture_output=True)
                a = tools[0]["slug"]
                b = next(t for t in tools[1:] if t["category"] == tools[0]["category"])["slug"]
            else:
                a, b = "gemini-2-5-flash", "smollm3"
            for name, bin in bins:
                server = Server(bin, work, args.port, env)
                try:
                    page = urllib.request.urlopen(server.url + "/tools/" + a).read().decode()
                    category = re.search(r'href="/categories/([a-z0-9-]+)"', page).group(1)
                    pair = "-vs-".join(sorted([a, b]))
                    workload = "input_tokens=1000000&output_tokens=200000"
                    paths = ["/tools/" + a, "/", "/categories/" + category, "/leaderboard", "/compare/" + pair, "/new",
                             f"/tools/{a}?{workload}", f"/api/v1/cost?tools={a},{b}&{workload}",
                             "/tools", "/compare", "/personas/buyer", "/feed.atom", "/sitemap.xml?part=pages",
                             f"/badge/{a}.svg", f"/compare/{pair}/card.svg"]
                    cells = [f"{median_ms(server.url + p):.1f}" for p in paths]
                finally:
                    server.stop()
                print(f"| {n:,} | {name} | " + " | ".join(cells) + " |", flush=True)
                cached = {k: v for k, v in env.items() if k not in ("VERDICT_PAGE_CACHE_MB", "VERDICT_DATA_CACHE_MB")}
                server = Server(bin, work, args.port, cached)
                try:
                    shown = paths[:5]
                    voted.append((n, name, after_votes(server.url, a, shown)))
                finally:
                    server.stop()
        finally:
            shutil.rmtree(work, ignore_errors=True)
    print("\n## The first read after a vote on the tool (caches on), median of 21, ms\n")
    print("| tools | binary | " + " | ".join(names[:5]) + " |")
    print("| ---: | --- |" + " ---: |" * 5)
    for n, name, cells in voted:
        print(f"| {n:,} | {name} | " + " | ".join(f"{c:.1f}" for c in cells) + " |", flush=True)


if __name__ == "__main__":
    main()

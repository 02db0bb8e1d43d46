#!/usr/bin/env python3
"""The intake at full size: import the three public datasets into an empty database (SQLite,
and PostgreSQL with --pg), a re-sync with no change, and page latency while a sync that changes
every price runs. The datasets are read from ../shared/data/prices (never copied here).

    SCRATCH=.build-release python3 bench/intake.py
    SCRATCH=.build-release python3 bench/intake.py --pg "postgres://postgres:PW@127.0.0.1:55433/postgres?sslmode=disable"
    VERDICT_BIN=/path/to/verdict python3 bench/intake.py      # skip the build

Wall time and peak memory come from /usr/bin/time; row counts from the database itself.
"""
import argparse, json, os, re, shutil, sqlite3, statistics, subprocess, sys, tempfile, threading, time, urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pages import Server, binary, env_for  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(os.path.dirname(ROOT), "shared", "data", "prices")
DATASETS = [("models.dev", "models.dev/api.json"), ("genai-prices", "genai-prices/data.json"),
            ("litellm", "litellm/model_prices_and_context_window.json")]
TABLES = ["tools", "takes", "source_records", "offers", "offer_prices", "catalog_events", "audit_log"]


def timed(cmd, env, cwd):
    out = subprocess.run(["/usr/bin/time", "-f", "TIME %e %M", *cmd], env=env, cwd=cwd, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{out.stdout[-2000:]}\n{out.stderr[-2000:]}")
    m = re.search(r"TIME ([\d.]+) (\d+)", out.stderr)
    return float(m.group(1)), int(m.group(2)) / 1024, out.stdout + out.stderr


class Counter:
    def __init__(self, database):
        self.database = database

    def counts(self):
        if self.database.startswith("sqlite:"):
            db = sqlite3.connect(self.database[len("sqlite:"):])
            try:
                return {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}
            except sqlite3.OperationalError:  # before the first import made the tables
                return {t: 0 for t in TABLES}
            finally:
                db.close()
        out = subprocess.run(["psql", self.database.replace("?sslmode=disable", ""), "-At", "-c",
                              "; ".join(f"SELECT COUNT(*) FROM {t}" for t in TABLES)], capture_output=True, text=True)
        if out.returncode != 0:
            return {t: 0 for t in TABLES}
        return dict(zip(TABLES, map(int, out.stdout.split())))


def changed_copy(path, out):
    """models.dev with every input price raised by 10% (so a sync writes a new dated price for each)."""
    data = json.load(open(path))
    for provider in data.values():
        for model in provider.get("models", {}).values():
            cost = model.get("cost")
            if isinstance(cost, dict) and isinstance(cost.get("input"), (int, float)) and cost["input"] > 0:
                cost["input"] = round(cost["input"] * 1.1, 6)
    json.dump(data, open(out, "w"))


def latency(url, stop, samples):
    while not stop.is_set():
        t0 = time.perf_counter()
        try:
            with urllib.request.urlopen(url, timeout=30) as r:
                r.read()
            samples.append((time.perf_counter() - t0) * 1000)
        except Exception:
            samples.append(float("inf"))


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))] if values else float("nan")


def run(bin, database, label, port, reset):
    work = tempfile.mkdtemp(prefix="verdict-intake-")
    try:
        reset()
        env = {**env_for(database), "VERDICT_DEMO": "false"}
        counter = Counter(database)
        print(f"\n### {label}\n")
        print("| step | wall | peak memory | tools | offers | prices | rows written |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |", flush=True)
        before = counter.counts()
        for name, rel in DATASETS:
            wall, mem, _ = timed([bin, "import", "--skip-invalid", "--format", name, os.path.join(DATA, rel)], env, work)
            after = counter.counts()
            print(f"| import {name} | {wall:.1f} s | {mem:.0f} MB | {after['tools'] - before['tools']:,} | "
                  f"{after['offers'] - before['offers']:,} | {after['offer_prices'] - before['offer_prices']:,} | "
                  f"{sum(after.values()) - sum(before.values()):,} |", flush=True)
            before = after
        sources = ",".join(f"{name}={os.path.join(DATA, rel)}" for name, rel in DATASETS)
        senv = {**env, "VERDICT_SOURCES": sources}
        for step in ["re-sync, no change (first: parsed and compared)", "re-sync, no change (same bytes)"]:
            wall, mem, _ = timed([bin, "sync"], senv, work)
            after = counter.counts()
            print(f"| {step} | {wall:.1f} s | {mem:.0f} MB | | | | {sum(after.values()) - sum(before.values()):,} catalog rows |", flush=True)
            before = after
        # Page latency while a sync that changes every models.dev price runs.
        copy = os.path.join(work, "models-dev-changed.json")
        changed_copy(os.path.join(DATA, DATASETS[0][1]), copy)
        server = Server(bin, work, port, {**env, "VERDICT_PAGE_CACHE_MB": "0", "VERDICT_DATA_CACHE_MB": "0"})
        try:
            slug = json.load(urllib.request.urlopen(server.url + "/api/v1/tools?limit=1"))
            slug = (slug.get("tools") or slug.get("items") or [{}])[0].get("slug", "gpt-4o")
            url = f"{server.url}/tools/{slug}"
            quiet, busy = [], []
            stop = threading.Event()
            t = threading.Thread(target=latency, args=(url, stop, quiet)); t.start(); time.sleep(8); stop.set(); t.join()
            stop = threading.Event()
            t = threading.Thread(target=latency, args=(url, stop, busy)); t.start()
            wall, mem, out = timed([bin, "sync", "--source", "models.dev"], {**env, "VERDICT_SOURCES": f"models.dev={copy}"}, work)
            stop.set(); t.join()
            line = next((l for l in out.splitlines() if l.startswith("models.dev:")), "")
            recorded = re.search(r"prices recorded: (\d+)", line)
            recorded = recorded.group(1) if recorded else "?"
            print(f"| sync with every models.dev input price changed | {wall:.1f} s | {mem:.0f} MB | | | {recorded} | |", flush=True)
            print(f"\nUncached tool page (`{url.split(str(port))[1]}`, page cache off) during that sync: "
                  f"median {statistics.median(busy):.1f} ms, p99 {pct(busy, 0.99):.1f} ms, max {max(busy):.0f} ms over {len(busy)} requests; "
                  f"before it: median {statistics.median(quiet):.1f} ms, p99 {pct(quiet, 0.99):.1f} ms ({len(quiet)} requests).", flush=True)
        finally:
            server.stop()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pg", help="a PostgreSQL URL; its database is emptied (schema public dropped) first")
    ap.add_argument("--port", type=int, default=8391)
    args = ap.parse_args()
    if not os.path.isdir(DATA):
        sys.exit(f"{DATA} is missing: the datasets sit beside the project in ../shared/data/prices")
    bin = os.environ.get("VERDICT_BIN") or binary()
    print(f"# bench/intake.py — {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} cores")
    work = tempfile.mkdtemp(prefix="verdict-intake-db-")
    path = os.path.join(work, "v.sqlite")

    def reset_sqlite():
        for suffix in ["", "-wal", "-shm"]:
            if os.path.exists(path + suffix):
                os.remove(path + suffix)
    run(bin, f"sqlite:{path}", "SQLite", args.port, reset_sqlite)
    if args.pg:
        def reset_pg():
            subprocess.run(["psql", args.pg.replace("?sslmode=disable", ""), "-q", "-c",
                            "DROP SCHEMA public CASCADE; CREATE SCHEMA public;"], check=True, capture_output=True)
        run(bin, args.pg, "PostgreSQL", args.port, reset_pg)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

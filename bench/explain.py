#!/usr/bin/env python3
"""The query plans of the hot read paths, from the SQL the server really runs.

Imports N tools (default 10,000: the demo catalog cloned across 15 categories), starts
`verdict serve` with SQL logging, casts a vote and a head-to-head pick (twice each: a first
vote and a changed one), renders each public page once (so every query is a cache miss),
collects the distinct SELECT, UPDATE and DELETE statements those requests ran, and prints
SQLite's EXPLAIN QUERY PLAN for each: every one should SEARCH an index, none SCAN a whole table.

    SCRATCH=.build-release python3 bench/explain.py [N]
"""
import os, re, shutil, subprocess, sqlite3, sys, tempfile, time, urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pages import ROOT, binary, big_catalog  # noqa: E402

PAGES = ["/", "/tools/{a}", "/compare/{a}-vs-{b}", "/categories/{c}", "/categories/{c}?page=2", "/leaderboard",
         "/api/v1/tools", "/api/v1/tools/{a}", "/api/v1/compare/{a}/{b}"]


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    bin = binary()
    work = tempfile.mkdtemp(prefix="verdict-explain-")
    try:
        tools, files = big_catalog(n, os.path.join(work, "big.yaml"))
        env = {**os.environ, "VERDICT_SECRET": "bench-explain-secret-0123456789abcdef-0123", "DATABASE_URL": f"sqlite:{work}/v.sqlite",
               "LOG_LEVEL": "warning"}
        for file in files:
            subprocess.run([bin, "import", file], cwd=work, env=env, check=True, capture_output=True)
        log = open(os.path.join(work, "sql.log"), "w")
        server = subprocess.Popen([bin, "serve", "--port", "8297"], cwd=work, env={**env, "LOG_LEVEL": "debug"}, stdout=log, stderr=log)
        a = tools[0]
        b = next(t for t in tools[1:] if t["category"] == a["category"])
        c = re.sub(r"[^a-z0-9]+", "-", a["category"].lower()).strip("-")
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen("http://127.0.0.1:8297/healthz", timeout=1)
                    break
                except OSError:
                    time.sleep(0.1)
            # The write paths' reads: stored votes and picks by their unique keys, the tallies.
            pair = f"/api/v1/compare/{min(a['slug'], b['slug'])}/{max(a['slug'], b['slug'])}/vote"
            cookie = None
            for body, path in [('{"vote":"ship"}', f"/api/v1/tools/{a['slug']}/vote"), ('{"vote":"skip"}', f"/api/v1/tools/{a['slug']}/vote"),
                               ('{"pick":"%s"}' % a["slug"], pair), ('{"pick":"neither"}', pair)]:
                req = urllib.request.Request("http://127.0.0.1:8297" + path, data=body.encode(), method="PUT",
                                             headers={"Content-Type": "application/json", **({"Cookie": cookie} if cookie else {})})
                with urllib.request.urlopen(req, timeout=30) as answer:
                    issued = answer.headers.get("Set-Cookie")
                    cookie = cookie or (issued.split(";")[0] if issued else None)
            for page in PAGES:
                path = page.format(a=min(a["slug"], b["slug"]), b=max(a["slug"], b["slug"]), c=c)
                try:
                    urllib.request.urlopen("http://127.0.0.1:8297" + path, timeout=30).read()
                except Exception as error:
                    print(f"{path}: {error}", file=sys.stderr)
        finally:
            server.terminate()
            server.wait()
        statements = []
        for line in open(log.name, errors="replace"):
            m = re.search(r"sql: ((?:SELECT|UPDATE|DELETE) .*?)\] \(SQLiteKit", line)
            if m and "change_events" not in m.group(1) and "_fluent_migrations" not in m.group(1) and "WHERE 0 = 1" not in m.group(1) \
                    and m.group(1) not in statements:
                statements.append(m.group(1))
        db = sqlite3.connect(os.path.join(work, "v.sqlite"))
        print(f"# EXPLAIN QUERY PLAN of the {len(statements)} distinct statements behind {len(PAGES)} public pages, "
              f"a vote and a pick, {n:,} tools\n")
        scans = 0
        for sql in statements:
            params = [None] * len(set(re.findall(r"\?(\d+)", sql)))
            plan = db.execute("EXPLAIN QUERY PLAN " + sql, params).fetchall()
            lines = [row[3] for row in plan]
            scans += sum(1 for l in lines if l.startswith("SCAN") and "USING" not in l and "CONSTANT" not in l)
            short = re.sub(r'"\w+"\."(\w+)" AS "\w+"', r"\1", sql)
            print("```sql\n" + (short[:400] + (" …" if len(short) > 400 else "")) + "\n```")
            print("\n".join("    " + l for l in lines) + "\n")
        print(f"full-table scans: {scans}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

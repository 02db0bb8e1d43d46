#!/usr/bin/env python3
"""Crash test: no acknowledged vote is ever lost or doubled.

Drives ship/skip votes at a running `verdict serve` from worker threads, kills the server with
SIGKILL at random moments, restarts it, and repeats. Every vote comes from a fresh voter on one
tool, so each acknowledged (2xx) vote must be in the database exactly once afterwards, with the
value that was sent. Votes whose request failed because the server died are not acknowledged;
they may or may not be stored, and that is allowed.

Usage:  bench/crash_votes.py [--cycles 20] [--binary PATH] [--workers 8]
        (builds nothing: pass a built binary, default .build/release/verdict)
Exit status 0 when every acknowledged vote is present exactly once.
"""
import argparse, http.client, json, os, random, signal, sqlite3, subprocess, sys, tempfile, threading, time

def start(binary, workdir, port):
    env = dict(os.environ, LOG_LEVEL="error", VERDICT_NEW_VOTERS_PER_NETWORK_PER_HOUR="100000000",
               VERDICT_VOTES_PER_NETWORK_PER_MINUTE="100000000", VERDICT_SECRET="crash-test-secret-0123456789abcdef-0123")
    proc = subprocess.Popen([binary, "serve", "--port", str(port)], cwd=workdir, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            c.request("GET", "/healthz")
            if c.getresponse().status == 200:
                return proc
        except OSError:
            time.sleep(0.05)
    proc.kill()
    sys.exit("server did not start")

def slugs(port):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    c.request("GET", "/api/v1/tools")
    return [t["slug"] for t in json.loads(c.getresponse().read())["tools"]]

def worker(port, tools, acked, lock, stop, rng):
    conn = None
    while not stop.is_set():
        tool, vote = rng.choice(tools), rng.choice(["ship", "skip"])
        try:
            if conn is None:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("PUT", f"/api/v1/tools/{tool}/vote", body=json.dumps({"vote": vote}),
                         headers={"Content-Type": "application/json"})
            res = conn.getresponse()
            res.read()
            cookie = res.getheader("Set-Cookie") or ""
            if 200 <= res.status < 300 and "verdict_voter=v1." in cookie:
                voter = cookie.split("verdict_voter=v1.", 1)[1].split(".", 1)[0]
                with lock:
                    acked.append((voter, tool, vote))
        except (OSError, http.client.HTTPException):
            conn = None          # the server died mid-request: not acknowledged
            time.sleep(0.02)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cycles", type=int, default=20)
    ap.add_argument("--workers", type=int, default=8)
    ap.add_argument("--port", type=int, default=8191)
    ap.add_argument("--binary", default=os.path.join(os.path.dirname(__file__), "..", ".build", "release", "verdict"))
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    binary = os.path.abspath(args.binary)
    rng = random.Random(args.seed)
    workdir = tempfile.mkdtemp(prefix="verdict-crash-")
    proc = start(binary, workdir, args.port)
    tools = slugs(args.port)
    acked, lock = [], threading.Lock()
    for cycle in range(1, args.cycles + 1):
        stop = threading.Event()
        threads = [threading.Thread(target=worker, args=(args.port, tools, acked, lock, stop, random.Random(rng.random())))
                   for _ in range(args.workers)]
        for t in threads: t.start()
        time.sleep(rng.uniform(0.3, 1.5))      # kill at a random moment, mid-traffic
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        stop.set()
        for t in threads: t.join()
        with lock: n = len(acked)
        print(f"cycle {cycle:2}: killed with {n} acknowledged votes so far", flush=True)
        proc = start(binary, workdir, args.port)
    proc.send_signal(signal.SIGTERM); proc.wait()

    db = sqlite3.connect(os.path.join(workdir, "verdict.sqlite"))
    rows = db.execute("SELECT v.voter, t.slug, v.vote, COUNT(*) OVER (PARTITION BY v.voter, v.tool_id) "
                      "FROM votes v JOIN tools t ON t.id = v.tool_id").fetchall()
    stored = {(voter, slug): (vote, n) for voter, slug, vote, n in rows}
    missing = [a for a in acked if (a[0], a[1]) not in stored]
    wrong = [a for a in acked if (a[0], a[1]) in stored and stored[(a[0], a[1])][0] != a[2]]
    doubled = [k for k, (_, n) in stored.items() if n != 1]
    print(f"acknowledged: {len(acked)}  stored rows: {len(rows)}  missing: {len(missing)}  "
          f"wrong value: {len(wrong)}  duplicated: {len(doubled)}  (unacknowledged but stored: {len(rows) - len(acked)})")
    ok = not missing and not wrong and not doubled and len(acked) > 0
    print("PASS: every acknowledged vote is present exactly once" if ok else "FAIL")
    sys.exit(0 if ok else 1)

if __name__ == "__main__":
    main()

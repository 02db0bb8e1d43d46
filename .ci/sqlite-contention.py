#!/usr/bin/env python3
"""Load proof for concurrency on SQLite (issue 17, finding 8).

Starts two `verdict serve` processes of the built binary (.build/debug/verdict, or VERDICT_BIN)
at the same moment on one fresh SQLite file (no database yet, so both migrate at once), on two
free loopback ports, run from a throwaway directory, then:

1. both must come up: /readyz answers 200 on each within START_SECONDS (before the fix one
   exited with "table tools already exists");
2. makes an editor and a write token with `verdict user create` / `verdict token create` on the
   same database while both servers run, then sends BURST parallel retire/restore calls of one
   demo-catalog tool, alternating between the two servers: zero 5xx (before the fix up to 9 of
   40 answered 500 "database is locked").

Loopback only; every subprocess and request has a timeout and the whole run is bounded to 60 s.
"""

import http.client
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

BURST = 40
START_SECONDS = 40.0
LIMIT_SECONDS = 60
SLUG = "gemini-2-5-flash"  # in the demo catalog
EDITOR = "contention-editor@example.com"


class Failed(Exception):
    pass


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def environment(work, secret):
    env = dict(os.environ)
    for name in ("VERDICT_LLM_CONFIG", "VERDICT_LLM_BASE_URL", "VERDICT_SMTP_URL", "VERDICT_PUBLIC_URL"):
        env.pop(name, None)
    env.update(DATABASE_URL=f"sqlite:{work}/v.sqlite", VERDICT_OUTBOX=f"{work}/outbox",
               VERDICT_SECRET=secret, LOG_LEVEL="warning", VERDICT_DEMO="1")
    return env


def log_tail(path, lines=15):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return "".join(f.readlines()[-lines:]).rstrip()
    except OSError:
        return "(no log)"


def ready(port):
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        conn.request("GET", "/readyz")
        response = conn.getresponse()
        response.read()
        conn.close()
        return response.status == 200
    except (OSError, http.client.HTTPException):
        return False


def wait_ready(servers):
    """Waits until every server's /readyz answers 200; names the first that exits or stays silent."""
    until = time.time() + START_SECONDS
    waiting = dict(servers)
    while waiting:
        for name, (process, port, log) in list(waiting.items()):
            if process.poll() is not None:
                raise Failed(f"server {name} exited with {process.returncode} during start-up:\n{log_tail(log)}")
            if ready(port):
                del waiting[name]
        if waiting and time.time() > until:
            raise Failed(f"/readyz of server(s) {', '.join(waiting)} did not answer 200 within {START_SECONDS:.0f} s")
        if waiting:
            time.sleep(0.2)


def cli(binary, work, env, args, stdin=""):
    try:
        done = subprocess.run([binary, *args], cwd=work, env=env, input=stdin, capture_output=True,
                              text=True, timeout=30)
    except subprocess.TimeoutExpired:
        raise Failed(f"`verdict {' '.join(args[:2])}` did not finish within 30 s")
    if done.returncode != 0:
        raise Failed(f"`verdict {' '.join(args[:2])}` exited with {done.returncode}: "
                     f"{(done.stderr or done.stdout).strip()[-500:]}")
    return done.stdout


def make_token(binary, work, env):
    password = "Cx-" + secrets.token_urlsafe(18)
    cli(binary, work, env, ["user", "create", "--email", EDITOR, "--role", "editor"], stdin=password + "\n")
    out = cli(binary, work, env, ["token", "create", "--email", EDITOR, "--name", "contention",
                                  "--scope", "write"])
    lines = [line.strip() for line in out.splitlines() if line.strip()]
    if not lines:
        raise Failed("`verdict token create` printed no token")
    return lines[-1]


def burst(ports, token):
    """BURST parallel retire/restore calls: server alternates per call, action per pair."""
    statuses = [None] * BURST
    gate = threading.Barrier(BURST, timeout=10)

    def one(i):
        port = ports[i % 2]
        action = "retire" if (i // 2) % 2 == 0 else "restore"
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
            conn.connect()
            gate.wait()
            conn.request("POST", f"/api/v1/admin/tools/{SLUG}/{action}",
                         headers={"Authorization": f"Bearer {token}", "Content-Length": "0"})
            response = conn.getresponse()
            response.read()
            statuses[i] = response.status
            conn.close()
        except (OSError, http.client.HTTPException, threading.BrokenBarrierError) as error:
            statuses[i] = f"error {type(error).__name__}"

    threads = [threading.Thread(target=one, args=(i,), daemon=True) for i in range(BURST)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=25)
    return ["error timeout" if s is None else s for s in statuses]


def stop(process):
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


def run(binary, work, servers):
    started = time.time()
    env = environment(work, secrets.token_hex(32))
    ports = (free_port(), free_port())
    while ports[1] == ports[0]:
        ports = (ports[0], free_port())
    logs = []
    try:
        for name, port in zip("AB", ports):
            log_path = os.path.join(work, f"server-{name}.log")
            log = open(log_path, "wb")
            logs.append(log)
            process = subprocess.Popen([binary, "serve", "--hostname", "127.0.0.1", "--port", str(port)],
                                       cwd=work, env=env, stdout=log, stderr=subprocess.STDOUT,
                                       stdin=subprocess.DEVNULL)
            servers[name] = (process, port, log_path)
        wait_ready(servers)
        up = time.time() - started
        print(f"two servers started at once on a fresh SQLite file: both /readyz 200 after {up:.1f} s")

        token = make_token(binary, work, env)
        statuses = burst(ports, token)
        histogram = {}
        for s in statuses:
            histogram[str(s)] = histogram.get(str(s), 0) + 1
        print(f"{BURST} parallel retire/restore calls of {SLUG}, alternating between ports "
              f"{ports[0]} and {ports[1]}: {dict(sorted(histogram.items()))}")

        failures = []
        bad = [s for s in statuses if not isinstance(s, int) or s >= 500]
        if bad:
            failures.append(f"{len(bad)} of {BURST} calls answered 5xx or failed: {sorted(map(str, bad))}")
        setup = [s for s in statuses if s in (401, 403, 404)]
        if setup:
            failures.append(f"{len(setup)} calls answered {sorted(set(setup))}: the token or slug is wrong, nothing was proven")
        for name, (process, _, log_path) in servers.items():
            if process.poll() is not None:
                failures.append(f"server {name} exited with {process.returncode}:\n{log_tail(log_path)}")
        if failures:
            raise Failed("; ".join(failures))
        return f"both servers up in {up:.1f} s, {BURST} parallel writes, zero 5xx, {time.time() - started:.0f} s"
    finally:
        for log in logs:
            log.close()


def main():
    binary = os.path.abspath(os.environ.get("VERDICT_BIN", ".build/debug/verdict"))
    if not os.access(binary, os.X_OK):
        print(f"sqlite-contention: FAILED: {binary} is missing; run 'swift build' first")
        return 1

    def too_long(signum, frame):
        raise Failed(f"the whole run took more than {LIMIT_SECONDS} s")

    signal.signal(signal.SIGALRM, too_long)
    signal.alarm(LIMIT_SECONDS)
    work = tempfile.mkdtemp(prefix="verdict-contention.")
    servers = {}
    try:
        summary = run(binary, work, servers)
        print(f"sqlite-contention: passed ({summary})")
        return 0
    except Failed as failure:
        print(f"sqlite-contention: FAILED: {failure}")
        return 1
    finally:
        signal.alarm(0)
        for process, _, _ in servers.values():
            stop(process)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    sys.exit(main())

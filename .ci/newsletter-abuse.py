#!/usr/bin/env python3
"""Load proof for newsletter abuse (issue 17, finding 6).

Starts the built `verdict` binary (.build/debug/verdict, or VERDICT_BIN) on a throwaway SQLite
database on a free loopback port, with mail going to an outbox folder, then:

1. sends 20 parallel subscribes of one new address: every answer must be 202 (no 5xx) and
   exactly one confirmation mail may land in the outbox;
2. times subscribes of confirmed addresses against subscribes of new addresses, interleaved,
   ROUNDS of each on one kept-alive connection: the larger median may be at most RATIO times
   the smaller (before the fix: 2.7 ms against 7.1 ms, because only new addresses were written).

Loopback only; bounded to about 60 s including start-up.
"""

import http.client
import json
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import threading
import time
import tempfile

BURST = 20
KNOWN = 20
ROUNDS = 250
RATIO = 1.1


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def post(conn, path, body, content_type="application/json"):
    """One POST on a kept-alive connection: (status, seconds)."""
    start = time.perf_counter()
    conn.request("POST", path, body=body, headers={"Content-Type": content_type})
    response = conn.getresponse()
    response.read()
    return response.status, time.perf_counter() - start


def subscribe(conn, email):
    return post(conn, "/api/v1/subscribers", json.dumps({"email": email}))


def mails_to(outbox, email):
    """Texts of the outbox mails addressed to `email`."""
    if not os.path.isdir(outbox):
        return []
    found = []
    for name in os.listdir(outbox):
        if name.endswith(".eml"):
            with open(os.path.join(outbox, name), encoding="utf-8", errors="replace", newline="") as f:
                text = f.read()
            if f"Delivered-To: {email}\r\n" in text:
                found.append(text)
    return found


def wait_for_mail(outbox, email, seconds=10.0):
    until = time.time() + seconds
    while time.time() < until:
        found = mails_to(outbox, email)
        if found:
            return found
        time.sleep(0.05)
    raise SystemExit(f"newsletter-abuse: no confirmation mail for {email} within {seconds:.0f} s")


def start_server(binary, work, port):
    env = dict(os.environ)
    for name in ("VERDICT_LLM_CONFIG", "VERDICT_LLM_BASE_URL", "VERDICT_SMTP_URL", "VERDICT_PUBLIC_URL"):
        env.pop(name, None)
    env.update(DATABASE_URL=f"sqlite://{work}/abuse.sqlite", VERDICT_OUTBOX=f"{work}/outbox",
               VERDICT_SECRET=secrets.token_hex(32), LOG_LEVEL="notice", VERDICT_DEMO="off",
               VERDICT_SUBSCRIBES_PER_NETWORK_PER_HOUR="1000000")
    log = open(os.path.join(work, "server.log"), "wb")
    server = subprocess.Popen([binary, "serve", "--hostname", "127.0.0.1", "--port", str(port)],
                              stdout=log, stderr=subprocess.STDOUT, env=env)
    for _ in range(120):
        if server.poll() is not None:
            raise SystemExit("newsletter-abuse: the server exited during start-up:\n" + open(log.name).read())
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            conn.request("GET", "/healthz")
            conn.getresponse().read()
            return server
        except OSError:
            time.sleep(0.25)
    server.kill()
    raise SystemExit("newsletter-abuse: no answer from /healthz within 30 s")


def burst(port, outbox):
    """20 parallel subscribes of one new address: statuses and the number of mails it got."""
    email = "burst@example.com"
    statuses = []
    gate = threading.Barrier(BURST)

    def one():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.connect()
        gate.wait()
        try:
            statuses.append(subscribe(conn, email)[0])
        except (OSError, http.client.HTTPException) as error:
            statuses.append(f"error {error}")

    threads = [threading.Thread(target=one) for _ in range(BURST)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=20)
    wait_for_mail(outbox, email)
    time.sleep(1.0)  # any second mail would be written by now
    return statuses, len(mails_to(outbox, email))


def confirm_known(port, outbox):
    """KNOWN confirmed addresses, subscribed and confirmed as a reader would."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    known = [f"known{i}@example.com" for i in range(KNOWN)]
    for email in known:
        if subscribe(conn, email)[0] != 202:
            raise SystemExit(f"newsletter-abuse: subscribing {email} failed")
    for email in known:
        text = wait_for_mail(outbox, email)[0].replace("=\r\n", "").replace("=3D", "=")
        token = re.search(r"confirm\?token=([A-Za-z0-9_\-]+)", text).group(1)
        status, _ = post(conn, "/newsletter/confirm", f"token={token}", "application/x-www-form-urlencoded")
        if status != 200:
            raise SystemExit(f"newsletter-abuse: confirming {email} answered {status}")
    return known


def timings(port, known):
    """Milliseconds per subscribe for known and for new addresses, interleaved."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    for i in range(20):  # warm-up
        subscribe(conn, known[i % len(known)])
        subscribe(conn, f"warm{i}@example.com")
    known_ms, new_ms, statuses = [], [], set()
    for i in range(ROUNDS):
        order = [(known[i % len(known)], known_ms), (f"new{i}@example.com", new_ms)]
        for email, into in order if i % 2 == 0 else reversed(order):
            status, took = subscribe(conn, email)
            statuses.add(status)
            into.append(took * 1000)
    return known_ms, new_ms, statuses


def main():
    binary = os.environ.get("VERDICT_BIN", ".build/debug/verdict")
    if not os.access(binary, os.X_OK):
        raise SystemExit(f"newsletter-abuse: {binary} is missing; run 'swift build' first")
    work = tempfile.mkdtemp(prefix="verdict-newsletter.")
    outbox = os.path.join(work, "outbox")
    port = free_port()
    started = time.time()
    server = start_server(binary, work, port)
    try:
        failures = []
        statuses, mails = burst(port, outbox)
        print(f"{BURST} parallel subscribes of one new address: answers {sorted(map(str, statuses))}, {mails} mail(s)")
        if statuses != [202] * BURST:
            failures.append(f"every parallel subscribe must answer 202, got {statuses}")
        if mails != 1:
            failures.append(f"exactly one confirmation mail must go out, got {mails}")
        known_ms, new_ms, seen = timings(port, confirm_known(port, outbox))
        known_median, new_median = statistics.median(known_ms), statistics.median(new_ms)
        ratio = max(known_median, new_median) / min(known_median, new_median)
        print(f"subscribe timing over {ROUNDS} each: confirmed address median {known_median:.2f} ms, "
              f"new address median {new_median:.2f} ms, ratio {ratio:.2f} (limit {RATIO})")
        if seen != {202}:
            failures.append(f"every timed subscribe must answer 202, got {sorted(seen)}")
        if ratio >= RATIO:
            failures.append(f"median ratio {ratio:.2f} tells known addresses from new ones; the limit is {RATIO}")
        if failures:
            raise SystemExit("newsletter-abuse: " + "; ".join(failures))
        print(f"newsletter-abuse: ok ({time.time() - started:.0f} s)")
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    main()

#!/usr/bin/env python3
"""Three `verdict serve` processes on one PostgreSQL (issue 12).

Starts three servers at once on a fresh database (they migrate once, under the advisory lock,
and load the demo catalog once), subscribes and confirms a few readers, then sends votes,
head-to-head picks and editor retire/restore calls through all three while server B is killed
and restarted. Then every server is restarted in turn with VERDICT_DIGEST_SCHEDULE set to a time
already past this week, so all three race to send the week's digest. Afterwards:

- every acknowledged vote is counted exactly once (the database's counts equal what the
  answers said), and each server's tool pages and JSON show exactly the database's numbers;
- a retired tool is out of every server's category page, a restored one back in;
- the migration log holds each migration once;
- exactly one newsletter issue for the week was sent, and each subscriber got exactly one copy.

Needs VERDICT_MULTI_PG_URL (a database it may empty) and psql. Loopback only; bounded (~2 min).
"""

import concurrent.futures
import datetime
from email import message_from_bytes, policy as mail_policy
import glob
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

PG = os.environ["VERDICT_MULTI_PG_URL"]
BIN = os.path.abspath(os.environ.get("VERDICT_BIN", ".build/debug/verdict"))
SECRET = secrets.token_hex(32)
TOOLS = ["gemini-2-5-flash", "smollm3", "claude-code", "cursor", "perplexity"]
SUBSCRIBERS = [f"reader{i}@example.com" for i in range(5)]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def psql(sql):
    url = PG.split("?")[0]
    return subprocess.run([os.environ.get("PSQL", "psql"), url, "-tAc", sql], check=True, capture_output=True, text=True).stdout.strip()


def http(method, url, body=None, form=None, cookie=None, headers=None):
    data, hdrs = None, dict(headers or {})
    if body is not None:
        data, hdrs["Content-Type"] = json.dumps(body).encode(), "application/json"
    if form is not None:
        data, hdrs["Content-Type"] = urllib.parse.urlencode(form).encode(), "application/x-www-form-urlencoded"
    if cookie:
        hdrs["Cookie"] = cookie
    req = urllib.request.Request(url, method=method, data=data, headers=hdrs)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.read().decode(), r.headers
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode(), e.headers


class Server:
    def __init__(self, name, work, env):
        self.name, self.work, self.env = name, work, env
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = None

    def start(self, extra=None):
        log = open(os.path.join(self.work, f"{self.name}.log"), "ab")
        env = {**self.env, **(extra or {})}
        self.proc = subprocess.Popen([BIN, "serve", "--hostname", "127.0.0.1", "--port", str(self.port)],
                                     stdout=log, stderr=subprocess.STDOUT, env=env, cwd=self.work)

    def wait_ready(self, seconds=180):
        until = time.time() + seconds
        while time.time() < until:
            if self.proc.poll() is not None:
                raise SystemExit(f"multi-server: {self.name} exited:\n" + open(os.path.join(self.work, f"{self.name}.log")).read()[-4000:])
            try:
                if http("GET", self.url + "/readyz")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise SystemExit(f"multi-server: {self.name} not ready within {seconds} s")

    def kill(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()


def fail(message):
    raise SystemExit("multi-server: " + message)


def main():
    work = tempfile.mkdtemp(prefix="verdict-multi-")
    print("work:", work)
    outbox = os.path.join(work, "outbox")
    psql("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    env = dict(os.environ)
    for name in ("VERDICT_LLM_CONFIG", "VERDICT_LLM_BASE_URL", "VERDICT_SMTP_URL", "VERDICT_DIGEST_SCHEDULE"):
        env.pop(name, None)
    env.update(DATABASE_URL=PG, VERDICT_SECRET=SECRET, VERDICT_OUTBOX=outbox, LOG_LEVEL="notice", VERDICT_DEMO="on",
               VERDICT_VOTES_PER_NETWORK_PER_MINUTE="1000000", VERDICT_NEW_VOTERS_PER_NETWORK_PER_HOUR="1000000",
               VERDICT_SUBSCRIBES_PER_NETWORK_PER_HOUR="1000000", VERDICT_DB_POOL="2")
    servers = [Server(n, work, env) for n in ("a", "b", "c")]
    try:
        for s in servers:
            s.start()
        for s in servers:
            s.wait_ready()
        migrations = int(psql("SELECT COUNT(*) FROM _fluent_migrations"))
        distinct = int(psql("SELECT COUNT(DISTINCT name) FROM _fluent_migrations"))
        tools = int(psql("SELECT COUNT(*) FROM tools"))
        if migrations != distinct:
            fail(f"a migration ran twice: {migrations} rows, {distinct} names")
        if tools != 43:
            fail(f"the demo catalog loaded {tools} tools, not 43 once")
        print(f"three servers up: {migrations} migrations, each once; demo catalog loaded once ({tools} tools)")

        # Subscribers, confirmed through the mailed link.
        for i, email in enumerate(SUBSCRIBERS):
            status = http("POST", servers[i % 3].url + "/api/v1/subscribers", body={"email": email})[0]
            if status != 202:
                fail(f"subscribe {email}: {status}")
        tokens = {}
        until = time.time() + 20
        while len(tokens) < len(SUBSCRIBERS) and time.time() < until:
            for path in glob.glob(os.path.join(outbox, "*.eml")):
                raw = open(path, "rb").read()
                message = message_from_bytes(raw, policy=mail_policy.default)
                part = message.get_body(preferencelist=("plain",))
                to = re.search(r"Delivered-To: (\S+)", raw.decode("utf-8", "replace"))
                m = re.search(r"/newsletter/confirm\?token=([A-Za-z0-9_\-.=%]+)", part.get_content() if part else "")
                if to and m:
                    tokens[to.group(1)] = urllib.parse.unquote(m.group(1))
            time.sleep(0.2)
        if len(tokens) < len(SUBSCRIBERS):
            fail(f"confirmation mails for {len(tokens)} of {len(SUBSCRIBERS)} subscribers")
        for i, (email, token) in enumerate(tokens.items()):
            status = http("POST", servers[i % 3].url + "/newsletter/confirm", form={"token": token})[0]
            if status != 200:
                fail(f"confirm {email}: {status} (token {token[:60]})")
        for path in glob.glob(os.path.join(outbox, "*.eml")):
            os.remove(path)

        # Votes from 30 readers through all three servers, B killed and restarted half-way.
        acknowledged = {}  # (voter cookie, tool) -> vote
        cookies = []
        for i in range(30):
            status, body, headers = http("PUT", servers[i % 3].url + f"/api/v1/tools/{TOOLS[0]}/vote", body={"vote": "ship"})
            cookie = re.search(r"verdict_voter=[^;]+", headers.get("Set-Cookie", ""))
            if status != 200 or not cookie:
                fail(f"first vote {i}: {status}")
            cookies.append(cookie.group(0))
            acknowledged[(cookie.group(0), TOOLS[0])] = "ship"

        def vote(job):
            i, server = job
            cookie, tool = cookies[i % len(cookies)], TOOLS[(i // len(cookies)) % len(TOOLS)]
            choice = "ship" if (i * 7) % 3 else "skip"
            try:
                status, _, _ = http("PUT", server.url + f"/api/v1/tools/{tool}/vote", body={"vote": choice}, cookie=cookie)
            except OSError:
                return None  # the server was being killed: not acknowledged
            return (cookie, tool, choice) if status == 200 else None

        jobs = [(i, servers[i % 3]) for i in range(600)]
        with concurrent.futures.ThreadPoolExecutor(12) as pool:
            futures = [pool.submit(vote, job) for job in jobs[:300]]
            servers[1].kill()
            futures += [pool.submit(vote, (i, servers[0 if i % 2 else 2])) for i, _ in jobs[300:450]]
            servers[1].start()
            servers[1].wait_ready()
            futures += [pool.submit(vote, job) for job in jobs[450:]]
            # Results in submission order per voter and tool: the last acknowledged vote wins.
            for f in futures:
                r = f.result()
                if r:
                    acknowledged[(r[0], r[1])] = r[2]
        # Concurrent answers from one voter on one tool may land in either order; settle each
        # voter's final vote with one last sequential round so "exact" has one meaning.
        for (cookie, tool) in list(acknowledged):
            choice = acknowledged[(cookie, tool)]
            status = http("PUT", servers[hash(cookie) % 3].url + f"/api/v1/tools/{tool}/vote", body={"vote": choice}, cookie=cookie)[0]
            if status != 200:
                fail(f"settling vote: {status}")

        # Head-to-head picks and an editor's retire/restore through different servers.
        for i in range(12):
            pick = TOOLS[0] if i % 2 else TOOLS[1]
            status = http("PUT", servers[i % 3].url + f"/api/v1/compare/{TOOLS[0]}/{TOOLS[1]}/vote", body={"pick": pick},
                          cookie=cookies[i])[0]
            if status != 200:
                fail(f"pick {i}: {status}")
        subprocess.run([BIN, "user", "create", "--email", "ops@example.com", "--role", "editor"],
                       input="multi-server-password-1234567\nmulti-server-password-1234567\n", env=env, cwd=work, check=True,
                       capture_output=True, text=True)
        token = subprocess.run([BIN, "token", "create", "--email", "ops@example.com", "--name", "multi", "--scope", "write"],
                               env=env, cwd=work, capture_output=True, text=True, check=True)
        bearer = re.findall(r"vdt_[A-Za-z0-9_\-]+", token.stdout)[-1]
        auth = {"Authorization": f"Bearer {bearer}"}
        category_page = lambda s: http("GET", s.url + "/categories/" + tool_category(servers[0], TOOLS[2]))[1]
        # Warm every server's cache first, so retiring must drop cached pages, not just render anew.
        for s in servers:
            category_page(s)
        status = http("POST", servers[0].url + f"/api/v1/admin/tools/{TOOLS[2]}/retire", headers=auth)[0]
        if status != 200:
            fail(f"retire: {status}")
        time.sleep(0.3)
        for s in servers:
            if f'href="/tools/{TOOLS[2]}"' in category_page(s):
                fail(f"{s.name} still lists a retired tool on its category page")
        status = http("POST", servers[2].url + f"/api/v1/admin/tools/{TOOLS[2]}/restore", headers=auth)[0]
        if status != 200:
            fail(f"restore: {status}")
        time.sleep(0.3)
        for s in servers:
            if f'href="/tools/{TOOLS[2]}"' not in category_page(s):
                fail(f"{s.name} does not list a restored tool")

        # Counts: the database against the acknowledged votes, then every server against the database.
        for tool in TOOLS:
            want_ship = sum(1 for (c, t), v in acknowledged.items() if t == tool and v == "ship")
            want_skip = sum(1 for (c, t), v in acknowledged.items() if t == tool and v == "skip")
            row = psql(f"SELECT COALESCE(SUM(CASE WHEN v.vote='ship' THEN 1 ELSE 0 END),0) || ' ' || "
                       f"COALESCE(SUM(CASE WHEN v.vote='skip' THEN 1 ELSE 0 END),0) FROM votes v JOIN tools t ON t.id = v.tool_id "
                       f"WHERE t.slug = '{tool}'")
            got_ship, got_skip = map(int, row.split())
            if (got_ship, got_skip) != (want_ship, want_skip):
                fail(f"{tool}: database has {got_ship} ship / {got_skip} skip; acknowledged {want_ship} / {want_skip}")
            time.sleep(0.2)
            for s in servers:
                api = json.loads(http("GET", s.url + f"/api/v1/tools/{tool}")[1])["community"]
                if (api["ship"], api["skip"]) != (want_ship, want_skip):
                    fail(f"{s.name} serves {tool} as {api['ship']}/{api['skip']}, the database has {want_ship}/{want_skip}")
                page = http("GET", s.url + f"/tools/{tool}")[1]
                total = want_ship + want_skip
                if f"{total} vote" not in page:
                    fail(f"{s.name}'s page of {tool} does not show {total} votes")
        print(f"votes: {len(acknowledged)} acknowledged (server b killed and restarted mid-run); "
              "database and all three servers' pages agree")

        # Rolling restart with the digest scheduled in the past: all three race for the week.
        schedule = "mon 00:00"
        for s in servers:
            s.stop()
            s.start({"VERDICT_DIGEST_SCHEDULE": schedule})
        for s in servers:
            s.wait_ready()
        until = time.time() + 60
        while time.time() < until:
            sent = psql("SELECT COUNT(*) FROM newsletter_issues WHERE sent_at IS NOT NULL")
            if sent == "1":
                break
            time.sleep(0.5)
        time.sleep(2)  # any second sender would have written by now
        issues = psql("SELECT COUNT(*) FROM newsletter_issues")
        sent = psql("SELECT COUNT(*) FROM newsletter_issues WHERE sent_at IS NOT NULL")
        if (issues, sent) != ("1", "1"):
            fail(f"newsletter issues: {issues} composed, {sent} sent; expected exactly one of each")
        mails = {}
        for path in glob.glob(os.path.join(outbox, "*.eml")):
            to = re.search(r"Delivered-To: (\S+)", open(path, encoding="utf-8", errors="replace").read())
            if to:
                mails[to.group(1)] = mails.get(to.group(1), 0) + 1
        if sorted(mails) != sorted(SUBSCRIBERS) or any(n != 1 for n in mails.values()):
            fail(f"digest mails per subscriber: {mails}")
        print(f"digest: one issue sent once by three racing schedulers; {len(mails)} subscribers, one mail each")
    finally:
        for s in servers:
            s.stop()
        if not os.environ.get("KEEP"):
            shutil.rmtree(work, ignore_errors=True)


def tool_category(server, slug):
    page = http("GET", server.url + "/tools/" + slug)[1]
    return re.search(r'href="/categories/([a-z0-9-]+)"', page).group(1)


if __name__ == "__main__":
    main()

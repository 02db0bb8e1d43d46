#!/usr/bin/env python3
"""Issue #12's benchmark: public pages at 64 connections, against Verdict's own /healthz and
nginx serving the comparison page's exact bytes, at 43, 1,000 and 10,000 tools (SQLite), plus a
90/10 read/vote mix with a read-after-vote check, new vs returning voters, an uncached
comparison render, server memory, and (with --pg) the comparison on PostgreSQL and three
servers on one PostgreSQL with the vote-to-other-server delay.

    SCRATCH=.build-release python3 bench/pages.py                     # 43, 1000, 10000 tools
    python3 bench/pages.py --sizes 43,1000 --duration 5
    python3 bench/pages.py --pg postgres://postgres:pw@127.0.0.1:55433/postgres   # adds PostgreSQL

Needs wrk and nginx (apt-get install -y wrk nginx-light). Loopback only; every load is bounded.
Large catalogs clone the demo catalog under new slugs across 15 categories, then get votes
through the API. Prints markdown tables; ratios are to /healthz of the same run.
"""
import argparse, copy, json, os, random, re, shutil, signal, statistics, subprocess, sys, tempfile, time
import urllib.request, urllib.error

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SECRET = "bench-pages-secret-0123456789abcdef-0123456789"
CATEGORIES = 15


def sh(cmd, **kw):
    return subprocess.run(cmd, shell=isinstance(cmd, str), check=True, capture_output=True, text=True, **kw).stdout


def binary():
    scratch = os.environ.get("SCRATCH")
    extra = ["--scratch-path", scratch] if scratch else []
    subprocess.run(["swift", "build", "-c", "release", *extra], cwd=ROOT, check=True, capture_output=True)
    path = sh(["swift", "build", "-c", "release", *extra, "--show-bin-path"], cwd=ROOT).strip()
    return os.path.join(path, "verdict")


def http(method, url, body=None, cookie=None, timeout=10):
    req = urllib.request.Request(url, method=method, data=body.encode() if body else None)
    if body:
        req.add_header("Content-Type", "application/json")
    if cookie:
        req.add_header("Cookie", "verdict_voter=" + cookie)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read().decode(), r.headers
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode(), e.headers


class Server:
    def __init__(self, bin, work, port, env):
        self.port, self.url = port, f"http://127.0.0.1:{port}"
        # A stray process on the port would answer /healthz for this one and be measured instead.
        import socket
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                raise SystemExit(f"port {port} is already in use: stop what listens there, or pass --port")
        self.log = open(os.path.join(work, f"server-{port}.log"), "a")
        # A crash writes its backtrace to a file at once instead of symbolicating for minutes
        # while holding the port.
        env = {**env, "SWIFT_BACKTRACE": f"enable=yes,interactive=no,symbolicate=fast,output-to={work}"}
        self.proc = subprocess.Popen([bin, "serve", "--port", str(port)], cwd=work, env=env, stdout=self.log, stderr=self.log)
        deadline = time.time() + 300
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"server on {port} exited with {self.proc.returncode}; see {self.log.name}")
            try:
                if http("GET", self.url + "/healthz", timeout=2)[0] == 200:
                    return
            except Exception:
                pass
            time.sleep(0.05)
        raise SystemExit(f"server on {port} did not start; see {self.log.name}")

    def rss_mb(self):
        for line in open(f"/proc/{self.proc.pid}/status"):
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return 0

    def stop(self):
        self.proc.send_signal(signal.SIGINT)
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def wrk(url, duration, connections=64, script=None, env=None):
    cmd = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency"] + (["-s", script] if script else []) + [url]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, env={**os.environ, **(env or {})},
                         timeout=duration + 60).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))

    def ms(label):
        m = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        if not m:
            return float("nan")
        v, unit = float(m.group(1)), m.group(2)
        return v / 1000 if unit == "us" else v * 1000 if unit == "s" else v

    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    return {"rps": rps, "p50": ms("50"), "p99": ms("99"), "non2xx": int(non2xx.group(1)) if non2xx else 0,
            "errors": errors.group(1) if errors else ""}


def latencies(url, n=21):
    """One connection, n sequential GETs: (median ms, 99th percentile ms)."""
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        with urllib.request.urlopen(url, timeout=30) as r:
            r.read()
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return statistics.median(times), times[max(0, int(len(times) * 0.99) - 1)]


def big_catalog(n, path):
    import yaml
    tools = yaml.safe_load(open(os.path.join(ROOT, "Sources/VerdictServer/Resources/demo-catalog.yaml")))["tools"]
    out = []
    for i in range(n):
        t = copy.deepcopy(tools[i % len(tools)])
        t["slug"], t["name"] = f"{t['slug']}-x{i}", f"{t['name']} X{i}"
        t["category"] = f"{t['category']} {i % CATEGORIES:02d}" if n > len(tools) else t["category"]
        out.append(t)
    # `verdict import` takes files of at most 8 MB: 4,000 tools per file stays under it.
    paths = []
    for start in range(0, n, 4000):
        part = path.replace(".yaml", f"-{start // 4000}.yaml")
        yaml.safe_dump({"tools": out[start:start + 4000]}, open(part, "w"))
        paths.append(part)
    return out, paths


def mint_cookies(url, count):
    cookies = []
    for _ in range(count):
        status, _, headers = http("GET", url + "/healthz")
        # A first vote mints a voter; its cookie is the returning voter from then on.
        s, body, h = http("PUT", url + "/api/v1/tools/" + FIRST_TOOL + "/vote", '{"vote":"ship"}')
        m = re.search(r"verdict_voter=([^;]+)", h.get("Set-Cookie", ""))
        if m:
            cookies.append(m.group(1))
    return cookies


FIRST_TOOL = None


def lua(work, name, text):
    path = os.path.join(work, name)
    open(path, "w").write(text)
    return path


MIX_LUA = r"""
local cookies = {}
for line in io.lines(os.getenv("COOKIES")) do cookies[#cookies + 1] = line end
local page, tool = os.getenv("PAGE"), os.getenv("TOOL")
local counter = 0
function setup(thread) thread:set("id", counter); counter = counter + 1 end
function init(args) math.randomseed(id * 7919 + 1); n = 0 end
request = function()
  n = n + 1
  if math.random(10) == 1 then
    local vote = (math.random(2) == 1) and "ship" or "skip"
    return wrk.format("PUT", "/api/v1/tools/" .. tool .. "/vote",
      {["Content-Type"] = "application/json", ["Cookie"] = "verdict_voter=" .. cookies[(id * 997 + n) % #cookies + 1]},
      '{"vote":"' .. vote .. '"}')
  end
  return wrk.format("GET", page)
end
"""

VOTE_LUA = r"""
local cookies = {}
local file = os.getenv("COOKIES")
if file ~= "" then for line in io.lines(file) do cookies[#cookies + 1] = line end end
local tool = os.getenv("TOOL")
local counter = 0
function setup(thread) thread:set("id", counter); counter = counter + 1 end
function init(args) n = 0 end
request = function()
  n = n + 1
  local headers = {["Content-Type"] = "application/json"}
  if #cookies > 0 then headers["Cookie"] = "verdict_voter=" .. cookies[(id * 997 + n) % #cookies + 1] end
  return wrk.format("PUT", "/api/v1/tools/" .. tool .. "/vote", headers, '{"vote":"ship"}')
end
"""


def nginx(work, body, port):
    root = os.path.join(work, "www")
    os.makedirs(root, exist_ok=True)
    os.chmod(work, 0o755)  # nginx's workers run as an unprivileged user
    os.chmod(root, 0o755)
    open(os.path.join(root, "compare.html"), "w").write(body)
    os.chmod(os.path.join(root, "compare.html"), 0o644)
    conf = os.path.join(work, "nginx.conf")
    open(conf, "w").write(f"""
worker_processes 2; daemon off; pid {work}/nginx.pid; error_log {work}/nginx.err;
events {{ worker_connections 1024; }}
http {{ access_log off; default_type text/html;
  server {{ listen 127.0.0.1:{port}; root {root}; location / {{ }} }} }}
""")
    proc = subprocess.Popen(["nginx", "-c", conf], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        try:
            if http("GET", f"http://127.0.0.1:{port}/compare.html")[0] == 200:
                return proc
        except Exception:
            pass
        time.sleep(0.05)
    proc.kill()
    raise SystemExit("nginx did not start: " + open(os.path.join(work, "nginx.err")).read()[-300:])


def phase(name):
    """Progress on stderr, so a stalled run shows where it stalled."""
    print(f"[{time.strftime('%H:%M:%S')}] {name}", file=sys.stderr, flush=True)


def table(rows):
    print(f"| route | req/s | p50 ms | p99 ms (highest) | ratio to /healthz (lowest–highest) | non-2xx |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, r in rows:
        print(f"| `{name}` | {r['rps']:,.0f} | {r['p50']:.2f} | {r['p99']:.2f} ({r['p99_hi']:.2f}) | "
              f"{r['ratio']:.2f} ({r['ratio_lo']:.2f}–{r['ratio_hi']:.2f}) | {r['non2xx']} |")


ROUNDS = 3


def median_rows(rounds):
    """Each route's median over the rounds: req/s, p50, p99, and its ratio to the /healthz of its
    own round (the median of per-round ratios, with their lowest and highest)."""
    out = []
    for i, (name, _) in enumerate(rounds[0]):
        runs = [r[i][1] for r in rounds]
        ratios = [r[i][1]["rps"] / r[0][1]["rps"] for r in rounds]
        out.append((name, {"rps": statistics.median(x["rps"] for x in runs), "p50": statistics.median(x["p50"] for x in runs),
                           "p99": statistics.median(x["p99"] for x in runs), "non2xx": sum(x["non2xx"] for x in runs),
                           "ratio": statistics.median(ratios), "ratio_lo": min(ratios), "ratio_hi": max(ratios),
                           "p99_hi": max(x["p99"] for x in runs)}))
    return out


def env_for(database):
    return {**os.environ, "VERDICT_SECRET": SECRET, "LOG_LEVEL": "warning", "DATABASE_URL": database,
            "VERDICT_VOTES_PER_NETWORK_PER_MINUTE": "100000000", "VERDICT_NEW_VOTERS_PER_NETWORK_PER_HOUR": "100000000"}


def pages_for(slugs):
    a, b, category = slugs
    return [("/compare/%s-vs-%s" % tuple(sorted([a, b])), "comparison"), ("/tools/" + a, "tool"), ("/", "home"),
            ("/categories/" + category, "category"), ("/leaderboard", "leaderboard"), ("/api/v1/tools/" + a, "tool JSON")]


def catalog_run(bin, n, duration, port):
    global FIRST_TOOL
    work = tempfile.mkdtemp(prefix=f"verdict-bench-{n}-")
    env = env_for(f"sqlite:{work}/v.sqlite")
    result = {"n": n}
    try:
        phase(f"{n} tools: catalog")
        if n > 43:
            tools, files = big_catalog(n, os.path.join(work, "big.yaml"))
            t0 = time.time()
            for file in files:
                done = subprocess.run([bin, "import", file], cwd=work, env=env, capture_output=True, text=True)
                if done.returncode != 0:
                    raise SystemExit(f"import of {file} failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
            result["import_s"] = time.time() - t0
            a = tools[0]
            b = next(t for t in tools[1:] if t["category"] == a["category"])
        else:
            a, b = {"slug": "gemini-2-5-flash"}, {"slug": "smollm3"}
        phase(f"{n} tools: server, voters")
        server = Server(bin, work, port, env)
        status, body, _ = http("GET", server.url + "/tools/" + a["slug"])
        category = re.search(r'href="/categories/([a-z0-9-]+)"', body).group(1)
        FIRST_TOOL = a["slug"]
        cookies = mint_cookies(server.url, 64)
        open(os.path.join(work, "cookies"), "w").write("\n".join(cookies))
        if n > 43:  # votes spread over the catalog, through the API
            _, listing, _ = http("GET", server.url + "/api/v1/tools?limit=500")
            some = [t["slug"] for t in json.loads(listing)["tools"]]
            rnd = random.Random(7)
            for i in range(1000):
                http("PUT", server.url + f"/api/v1/tools/{rnd.choice(some)}/vote", '{"vote":"%s"}' % rnd.choice(["ship", "skip"]),
                     cookie=cookies[i % len(cookies)])
        pages = pages_for((a["slug"], b["slug"], category))
        for path, _ in pages:
            http("GET", server.url + path)
        _, compare_body, _ = http("GET", server.url + pages[0][0])
        ng = nginx(work, compare_body, port + 1)
        try:
            wrk(server.url + "/healthz", 2)
            rounds = []
            for k in range(ROUNDS):
                phase(f"{n} tools: pages at 64 connections, round {k + 1} of {ROUNDS}")
                # /healthz before and after the pages: the round's reference is their mean, so a
                # drift of the machine within the round does not fall on the last pages alone.
                before = wrk(server.url + "/healthz", duration)
                rows = [("nginx: the comparison's bytes", wrk(f"http://127.0.0.1:{port + 1}/compare.html", duration))]
                for path, _ in pages:
                    rows.append((path, wrk(server.url + path, duration)))
                after = wrk(server.url + "/healthz", duration)
                base = (before["rps"] + after["rps"]) / 2
                healthz = {**before, "rps": base, "p99": max(before["p99"], after["p99"]), "non2xx": before["non2xx"] + after["non2xx"]}
                rounds.append([("/healthz", healthz)] + rows)
        finally:
            ng.terminate()
        result["rows"] = median_rows(rounds)
        result["compare_bytes"] = len(compare_body.encode())
        if n == 43 or os.environ.get("BENCH_ALL_EXTRAS"):
            extra_rounds = []
            for k in range(ROUNDS):
                phase(f"{n} tools: mix and votes, round {k + 1} of {ROUNDS}")
                extra_rounds.append(extras(server, work, a["slug"], pages, duration, cookies, check=(k == 0)))
            result.update(extra_rounds[0])
            result["extra_rounds"] = extra_rounds
        result["rss_mb"] = server.rss_mb()
        server.stop()
        phase(f"{n} tools: uncached comparison")
        # An uncached comparison: the same database, page cache off — every request renders,
        # from the kept data (what a page costs after a vote) and then with no cache at all.
        for label, extra in [("uncached", {"VERDICT_PAGE_CACHE_MB": "0"}),
                             ("cold", {"VERDICT_PAGE_CACHE_MB": "0", "VERDICT_DATA_CACHE_MB": "0"})]:
            cold = Server(bin, work, port, {**env, **extra})
            result[f"{label}_compare"] = wrk(cold.url + pages[0][0], duration)
            result[f"{label}_healthz"] = wrk(cold.url + "/healthz", duration)
            cold.stop()
        return result
    finally:
        if not os.environ.get("KEEP"):
            shutil.rmtree(work, ignore_errors=True)


def extras(server, work, tool, pages, duration, cookies, check=True):
    out = {}
    page = "/tools/" + tool
    read_only = wrk(server.url + page, duration)
    phase("90/10 mix")
    mix = wrk(server.url + page, duration, script=lua(work, "mix.lua", MIX_LUA),
              env={"COOKIES": os.path.join(work, "cookies"), "PAGE": page, "TOOL": tool})
    out["read_only"], out["mix"] = read_only, mix
    # Every read after a vote's 2xx shows it: tool page, comparison, JSON.
    stale = 0
    for i in range(100 if check else 0):
        vote = "ship" if i % 2 == 0 else "skip"
        status, body, _ = http("PUT", server.url + f"/api/v1/tools/{tool}/vote", '{"vote":"%s"}' % vote, cookie=cookies[0])
        community = json.loads(body)["community"]
        label = "%d vote" % (community["ship"] + community["skip"])
        for path in [page, pages[0][0]]:
            if label not in http("GET", server.url + path)[1]:
                stale += 1
        api = json.loads(http("GET", server.url + f"/api/v1/tools/{tool}")[1])["community"]
        if (api["ship"], api["skip"]) != (community["ship"], community["skip"]):
            stale += 1
    if check:
        out["stale_reads"] = stale
    vote_env = {"TOOL": tool}
    out["returning_vote"] = wrk(server.url + "/", duration, script=lua(work, "vote.lua", VOTE_LUA),
                                env={**vote_env, "COOKIES": os.path.join(work, "cookies")})
    out["first_vote"] = wrk(server.url + "/", duration, script=lua(work, "vote.lua", VOTE_LUA), env={**vote_env, "COOKIES": ""})
    return out


def pg_runs(bin, pg, duration, port):
    """The comparison page on PostgreSQL, then three servers on one PostgreSQL."""
    dbname = "verdict_bench_%d" % os.getpid()
    admin = pg
    sh(["psql", admin, "-qc", f"CREATE DATABASE {dbname}"])
    url = re.sub(r"/[^/?]*(\?|$)", f"/{dbname}\\1", pg, count=1) if "?" in pg else pg.rsplit("/", 1)[0] + "/" + dbname
    work = tempfile.mkdtemp(prefix="verdict-bench-pg-")
    out = {}
    servers = []
    try:
        env = {**env_for(url), "VERDICT_DB_POOL": "8"}
        phase("PostgreSQL: three servers")
        servers = [Server(bin, work, port + i, env) for i in range(3)]
        compare = "/compare/gemini-2-5-flash-vs-smollm3"
        for s in servers:
            http("GET", s.url + compare)
        one = servers[0]
        pairs = [(wrk(one.url + "/healthz", duration), wrk(one.url + compare, duration)) for _ in range(ROUNDS)]
        out["pg_healthz"] = {"rps": statistics.median(h["rps"] for h, _ in pairs)}
        out["pg_compare"] = {"rps": statistics.median(c["rps"] for _, c in pairs), "p99": statistics.median(c["p99"] for _, c in pairs)}
        out["pg_ratio"] = statistics.median(c["rps"] / h["rps"] for h, c in pairs)
        procs = [subprocess.Popen(["wrk", "-t1", "-c22", f"-d{duration}s", s.url + compare], stdout=subprocess.PIPE, text=True)
                 for s in servers]
        total = 0.0
        for p in procs:
            total += float(re.search(r"Requests/sec:\s+([\d.]+)", p.communicate()[0]).group(1))
        out["pg_three_compare_total"] = total
        # Vote on server A, poll server C's page until it shows the vote.
        delays = []
        _, _, h = http("PUT", servers[0].url + "/api/v1/tools/smollm3/vote", '{"vote":"ship"}')
        cookie = re.search(r"verdict_voter=([^;]+)", h.get("Set-Cookie", "")).group(1)
        for i in range(30):
            vote = "skip" if i % 2 == 0 else "ship"
            _, body, _ = http("PUT", servers[0].url + "/api/v1/tools/smollm3/vote", '{"vote":"%s"}' % vote, cookie=cookie)
            c = json.loads(body)["community"]
            want = "%d%% · " % c["ship_percent"] if c["ship_percent"] is not None else None
            t0 = time.time()
            while True:
                page = http("GET", servers[2].url + "/tools/smollm3")[1]
                m = re.search(r"Community: (\d+)% · (\d+) vote", page)
                if m and int(m.group(1)) == c["ship_percent"] and int(m.group(2)) == c["ship"] + c["skip"]:
                    break
                if time.time() - t0 > 5:
                    break
            delays.append((time.time() - t0) * 1000)
        out["pg_delay_ms"] = delays
        out["pg_rss_mb"] = [s.rss_mb() for s in servers]
    finally:
        for s in servers:
            s.stop()
        shutil.rmtree(work, ignore_errors=True)
        subprocess.run(["psql", admin, "-qc", f"DROP DATABASE IF EXISTS {dbname}"], capture_output=True)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="43,1000,10000")
    ap.add_argument("--duration", type=int, default=10)
    ap.add_argument("--port", type=int, default=8290)
    ap.add_argument("--pg", help="a PostgreSQL URL whose user may create databases")
    ap.add_argument("--rounds", type=int, default=3, help="rounds of every page per size; tables give medians")
    args = ap.parse_args()
    global ROUNDS
    ROUNDS = max(1, args.rounds)
    for tool in ("wrk", "nginx"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is needed: apt-get install -y wrk nginx-light")
    sys.stdout.reconfigure(line_buffering=True)  # each table shows as soon as it is measured
    bin = binary()
    print(f"# bench/pages.py — {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} cores, wrk -t2 -c64 -d{args.duration}s, "
          f"{ROUNDS} rounds per size (medians; each round's ratios are to the mean of /healthz before and after its pages)\n")
    results = []
    for n in [int(s) for s in args.sizes.split(",")]:
        r = catalog_run(bin, n, args.duration, args.port)
        results.append(r)
        print(f"## {n:,} tools (SQLite)" + (f" — import {r['import_s']:.1f} s" if "import_s" in r else ""))
        table(r["rows"])
        print(f"\ncomparison page {r['compare_bytes']:,} bytes; server memory after the run {r['rss_mb']:.0f} MB; "
              f"uncached comparison (page cache off, rendered from kept data) {r['uncached_compare']['rps']:,.0f} req/s "
              f"(p99 {r['uncached_compare']['p99']:.1f} ms) vs /healthz {r['uncached_healthz']['rps']:,.0f} in that run; "
              f"cold (no cache at all) {r['cold_compare']['rps']:,.0f} req/s (p99 {r['cold_compare']['p99']:.1f} ms) "
              f"vs /healthz {r['cold_healthz']['rps']:,.0f}")
        if "extra_rounds" in r:
            xs = r["extra_rounds"]
            mix = [x["mix"]["rps"] * 0.9 / x["read_only"]["rps"] for x in xs]
            votes = [x["first_vote"]["rps"] / x["returning_vote"]["rps"] for x in xs]
            med = lambda key: statistics.median(x[key]["rps"] for x in xs)
            print(f"\n90/10 read/vote mix on the tool page: {med('mix'):,.0f} req/s in all, reads {med('mix') * 0.9:,.0f}/s; "
                  f"reads as a share of the read-only rate of the same round: median {statistics.median(mix):.2f} "
                  f"({', '.join(f'{x:.2f}' for x in mix)}); read-only {med('read_only'):,.0f}/s; "
                  f"non-2xx {sum(x['mix']['non2xx'] for x in xs)}; stale reads after a vote's 2xx: {r['stale_reads']} of 300")
            print(f"votes: returning voter {med('returning_vote'):,.0f}/s, new reader's first vote {med('first_vote'):,.0f}/s; "
                  f"first / returning in the same round: median {statistics.median(votes):.2f} ({', '.join(f'{x:.2f}' for x in votes)}); "
                  f"non-2xx {sum(x['returning_vote']['non2xx'] + x['first_vote']['non2xx'] for x in xs)}")
        print()
    if len(results) > 1:
        print("## Each page's req/s by catalog size, and as a share of its 43-tool rate\n")
        print("| route | " + " | ".join(f"{r['n']:,} tools" for r in results) + " |")
        print("| --- |" + " ---: |" * len(results))
        for i, (name, _) in enumerate(results[0]["rows"]):
            first = results[0]["rows"][i][1]["rps"]
            cells = [f"{r['rows'][i][1]['rps']:,.0f} ({r['rows'][i][1]['rps'] / first:.2f})" for r in results]
            print(f"| `{name}` | " + " | ".join(cells) + " |")
        # The machine drifts between runs minutes apart (/healthz itself moves by 20%): the same
        # comparison on each page's ratio to the /healthz of its own run.
        print("\n## Each page's ratio to /healthz of its own run, by catalog size, and as a share of its 43-tool ratio\n")
        print("| route | " + " | ".join(f"{r['n']:,} tools" for r in results) + " |")
        print("| --- |" + " ---: |" * len(results))
        for i, (name, _) in enumerate(results[0]["rows"][1:], start=1):
            ratio = [r["rows"][i][1]["ratio"] for r in results]
            print(f"| `{name}` | " + " | ".join(f"{x:.2f} ({x / ratio[0]:.2f})" for x in ratio) + " |")
        print()
    if args.pg:
        p = pg_runs(bin, args.pg, args.duration, args.port + 10)
        print("## PostgreSQL (demo catalog)\n")
        print(f"one server: /healthz {p['pg_healthz']['rps']:,.0f} req/s, comparison {p['pg_compare']['rps']:,.0f} req/s "
              f"(p99 {p['pg_compare']['p99']:.1f} ms, ratio {p['pg_ratio']:.2f}; medians of {ROUNDS} rounds)")
        d = sorted(p["pg_delay_ms"])
        print(f"three servers: comparison {p['pg_three_compare_total']:,.0f} req/s in total; vote on A → page on C shows it after "
              f"median {statistics.median(d):.1f} ms, max {d[-1]:.1f} ms (30 votes); memory {', '.join(f'{m:.0f}' for m in p['pg_rss_mb'])} MB")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Proves that hostile catalog text never runs in a browser.

Imports a catalog whose every text field carries an XSS payload, serves it, and loads each
page that shows that text in headless Chromium twice: over HTTP (the site's CSP in force)
and from a saved file:// copy (no CSP, so only escaping protects it). Every payload's side
effect is visible in the DOM (a `data-pwned` attribute on <html>, or an element with id
`pwned`); the dumped DOM must show neither, nor any injected script, frame or `on*` handler,
and must show the payloads as plain text. Positive controls prove the detector sees a real
script run.

Run from anywhere:  python3 .ci/no-script-runs.py
Needs: Python 3 (stdlib only), `chromium` (apt-get install -y chromium) and a built
`verdict` binary (.build/debug/verdict, or set VERDICT_BIN; built with `swift build` if missing).
Exit status: 0 when every check passes, 1 on any failure, 2 when a prerequisite is missing.
WARN lines are weaknesses that are not script execution; STRICT=1 turns them into failures.
"""

import concurrent.futures
import datetime
import html.parser
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEMO_CATALOG = os.path.join(ROOT, "Sources", "VerdictServer", "Resources", "demo-catalog.yaml")
DEMO_TOOL = "gemini-2-5-flash"  # a demo tool that also gets a hostile editorial take
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=3000",
                  "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def pwn(tag):
    """JavaScript whose only effect is marking <html> with which payload ran."""
    return f"document.documentElement.setAttribute('data-pwned','{tag}')"


def payloads(tag):
    """Hostile strings, each marked with `tag` so a failure names the field that carried it."""
    return {
        "script": f"<script>{pwn(tag + ':script')}</script>",
        "img": f"\"><img src=x onerror=\"{pwn(tag + ':img')}\">",
        "svg": f"<svg onload=\"{pwn(tag + ':svg')}\"></svg>",
        "title": f"</title><script>{pwn(tag + ':title')}</script>",
        "single-quote": f"' autofocus onfocus='{pwn(tag + ':sq')}' onmouseover='{pwn(tag + ':sq')}' x='",
        "iframe": f"<iframe srcdoc=\"&lt;script&gt;parent.{pwn(tag + ':iframe')}&lt;/script&gt;\"></iframe>",
        "markup": f"<b id=\"pwned\">{tag}</b>",
        "details": f"<details open ontoggle=\"{pwn(tag + ':details')}\">",
        "breakout": f"</pre></textarea></style><!-- --><script>{pwn(tag + ':breakout')}</script>",
        "template": "{{constructor.constructor('" + pwn(tag + ':template').replace("'", '"') + "')()}} ${7*7}",
    }


BIDI = "\u202egnp.exe"  # right-to-left override: must be stripped on import
# The same kind of characters written as character references. Import stores them as typed,
# so a page must show "&#x2066;" as text; if the browser decodes them, stored and shown differ.
ENTITIES = "Entities: &#x2066;&#8203;&lt;b&gt;"
HIDDEN_BY_ENTITY = ("\u2066", "\u200b")


def hostile_catalog():
    """The import document, and the payload strings that pages must show as text."""
    p_a, p_b, p_c = payloads("alpha"), payloads("bravo"), payloads("take")
    tools = [
        {
            "slug": "hostile-alpha",
            "name": p_a["script"] + " Alpha",
            "vendor": p_a["img"],
            "category": "Developer Tools",  # a demo category: hostile text beside normal tools
            "tagline": p_a["single-quote"],
            "description": " ".join([p_a["title"], p_a["iframe"], p_a["markup"], p_a["details"],
                                     p_a["breakout"], p_a["template"], "Bidi:" + BIDI, ENTITIES]),
            "entry": "free",
            # URLs that could break out of an attribute are refused on import (checked below);
            # these are accepted, with characters href escaping must still get right.
            "homepage": "https://example.com/?a=1&b=2&lt=3#frag",
            "source_url": "https://example.com/a(1)&amp;b;c",
            "facts": {
                "api": True,
                "sdks": [p_a["script"], p_a["markup"]],
                "docs_url": "https://example.com/docs?x=1&y=%3Cb%3E",
                "license": p_a["img"],
                "status": "ga",
                "competitors": [p_a["svg"], "Gemini 2.5 Flash"],
                "claims": [p_a["iframe"], p_a["details"]],
                "bet": p_a["breakout"],
                "pricing_model": "per_token",
                "pricing_published": False,
                "price_note": p_a["title"],
                "launched": "2025-01",
            },
        },
        {
            "slug": "hostile-bravo",
            "name": p_b["title"],
            "vendor": p_b["single-quote"][:120],
            "category": "<b id=\"pwned\">Evil</b> & \"Tools\"",
            "tagline": p_b["img"],
            "description": " ".join([p_b["script"], p_b["svg"], p_b["markup"], p_b["template"]]),
            "entry": "paid",
            "homepage": "https://example.com/?q={{7*7}}&x=%3Cb",
            "facts": {"api": False, "claims": [p_b["script"]], "competitors": [p_a["script"] + " Alpha"]},
        },
    ]
    personas = ["builder", "skeptic", "futurist", "buyer"]
    takes = []
    for slug in ["hostile-alpha", "hostile-bravo"]:
        for i, persona in enumerate(personas):
            body = " ".join([p_c["script"], p_c["img"], p_c["markup"], p_c["breakout"]])
            takes.append({"tool": slug, "persona": persona, "verdict": "ship" if i % 2 == 0 else "skip",
                          "conviction": "narrow", "flip": p_c["svg"] + " " + p_c["title"], "text": body})
    takes.append({"tool": DEMO_TOOL, "persona": "skeptic", "verdict": "skip",
                  "flip": p_c["details"], "text": p_c["iframe"] + " " + p_c["single-quote"] + " " + p_c["script"]})
    # Strings a reader must see as text somewhere: names, vendor, taglines and takes. Other
    # payloads (facts, description parts) are counted when a page shows them.
    required = [p_a["script"] + " Alpha", p_a["img"], p_a["single-quote"], p_b["title"], p_b["img"],
                p_c["script"], p_c["img"], p_c["svg"]]
    shown = list(dict.fromkeys(required + [v for p in (p_a, p_b, p_c) for v in p.values()]))
    return {"tools": tools, "takes": takes}, shown, required


class DOMScan(html.parser.HTMLParser):
    """Finds what an executed or injected payload leaves in a dumped DOM."""

    FORBIDDEN_TAGS = {"iframe", "object", "embed", "frame", "frameset", "base"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems, self.text = [], []
        self.data_blocks = 0

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = value or ""
            if tag == "html" and name == "data-pwned":
                self.problems.append(f"<html data-pwned={value!r}>: a payload ran")
            if name == "id" and value == "pwned":
                self.problems.append(f"<{tag} id=pwned>: markup was injected")
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…>: an event handler was injected")
            if name in ("href", "src", "action", "formaction", "srcdoc") and \
                    re.sub(r"[\s\x00-\x1f]", "", value).lower().startswith(("javascript:", "data:text/html")):
                self.problems.append(f"<{tag} {name}={value[:40]!r}>: a script URL was injected")
        if tag in self.FORBIDDEN_TAGS:
            self.problems.append(f"<{tag}>: an element the site never uses was injected")
        if tag == "script":
            src = dict(attrs).get("src") or ""
            # The tool page's schema.org data block: inert JSON, which the site writes with
            # <, > and & as \u escapes so that no text inside can close it.
            if (dict(attrs).get("type") or "") == "application/ld+json" and not src:
                self.data_blocks += 1
            elif not src.startswith("/") or src.startswith("//"):
                self.problems.append("<script> without a same-site src: a script was injected")

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        self.text.append(data)


def scan(dom):
    s = DOMScan()
    s.feed(dom)
    s.close()
    return s.problems, "".join(s.text)


STRICT = os.environ.get("STRICT") == "1"


def warn(message):
    """Known weaknesses that are not script execution; STRICT=1 makes them failures."""
    print(f"{'FAIL' if STRICT else 'WARN'}  {message}")
    return 1 if STRICT else 0


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(cmd, env, cwd, check=True):
    r = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True, timeout=120)
    if check and r.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[:3])} failed ({r.returncode}):\n{r.stdout[-2000:]}{r.stderr[-2000:]}")
    return r


def merged(headers):
    """Headers as a dict; repeated ones (several Set-Cookie) joined with newlines, none lost."""
    out = {}
    for key, value in headers.items():
        out[key] = out[key] + "\n" + value if key in out else value
    return out


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_NO_REDIRECT = urllib.request.build_opener(_NoRedirect)


def http(method, url, body=None, headers=None, form=None):
    data = json.dumps(body).encode() if body is not None else None
    hdrs = {"Content-Type": "application/json"} if data else {}
    if form is not None:
        data = urllib.parse.urlencode(form).encode()
        hdrs = {"Content-Type": "application/x-www-form-urlencoded"}
    hdrs.update(headers or {})
    req = urllib.request.Request(url, data=data, method=method, headers=hdrs)
    # The sign-in form answers 303 with the session cookie: read that answer, not the next page.
    opener = _NO_REDIRECT if form is not None else urllib.request.build_opener()
    try:
        with opener.open(req, timeout=10) as r:
            return r.status, merged(r.headers), r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, merged(e.headers), e.read().decode("utf-8", "replace")


def chromium_dom(chromium, target, profile):
    r = subprocess.run([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", target],
                       capture_output=True, text=True, timeout=60)
    if r.returncode != 0 or "<html" not in r.stdout:
        raise RuntimeError(f"chromium could not load {target}: {r.stderr[-500:]}")
    return r.stdout


def check_load(chromium, target, profile, shown, expect):
    """One browser load; returns the problems (none means pass), a note and the page's text."""
    dom = chromium_dom(chromium, target, profile)
    problems, text = scan(dom)
    visible = sum(1 for s in shown if s in text)
    if expect == "catalog" and visible == 0:
        problems.append("no hostile payload is visible as text (page did not show the hostile tool?)")
    if expect == "catalog" and "&lt;script&gt;" not in dom:
        problems.append("the literal <script> does not appear escaped (&lt;script&gt;) in the DOM")
    if expect == "reflected" and REFLECTED not in text:
        problems.append("the payload from the URL is not shown as text")
    if BIDI[0] in dom:
        problems.append("a bidi override (U+202E) survived import")
    warnings = []
    if any(c in text for c in HIDDEN_BY_ENTITY):
        warnings.append("stored character references are decoded on the page (&#x2066; shows as an "
                        "invisible isolate): stored text != shown text, and TextCleaning is bypassed")
    return problems, warnings, f"{visible} payload(s) shown as text", text


def controls(chromium, tmp):
    """The detector must see a real script run, a handler fire and injected markup."""
    cases = {
        "inline script runs": (f"<script>{pwn('control')}</script>", True),
        "onerror handler runs": (f"<img src=x onerror=\"{pwn('control-img')}\">", True),
        "injected markup": ("<b id=\"pwned\">x</b>", True),
        "escaped payload is inert": (f"&lt;script&gt;{pwn('no')}&lt;/script&gt;", False),
    }
    failures = 0
    for i, (name, (body, must_flag)) in enumerate(cases.items()):
        path = os.path.join(tmp, f"control-{i}.html")
        with open(path, "w") as f:
            f.write(f"<!doctype html><html><head><title>c</title></head><body>{body}</body></html>")
        problems, _ = scan(chromium_dom(chromium, "file://" + path, os.path.join(tmp, "profile-c")))
        ok = bool(problems) == must_flag
        failures += not ok
        print(f"{'PASS' if ok else 'FAIL'}  control  {name}: detector {'flagged' if problems else 'saw nothing'}"
              f"{'' if ok else ' (expected the opposite)'}")
    return failures


def prepare(verdict, env, tmp):
    """Imports the demo catalog and the hostile one, runs the rubric, composes and 'sends' a digest."""
    doc, shown, required = hostile_catalog()
    hostile = os.path.join(tmp, "hostile.json")
    with open(hostile, "w") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
    refused = os.path.join(tmp, "refused.json")
    bad = dict(doc["tools"][0], slug="js-url", homepage="javascript:" + pwn("homepage"))
    with open(refused, "w") as f:
        json.dump({"tools": [bad]}, f)
    breakouts = {
        "homepage": "https://example.com/\"><script>" + pwn("alpha:homepage") + "</script>",
        "source_url": "https://example.com/a'onfocus='" + pwn("alpha:source").replace(" ", "") + "'autofocus='",
    }
    breakouts_refused = True
    for field, url in breakouts.items():
        path = os.path.join(tmp, f"refused-{field}.json")
        with open(path, "w") as f:
            json.dump({"tools": [dict(doc["tools"][0], slug="breakout", **{field: url})]}, f)
        r = run([verdict, "import", "--check", path], env, tmp, check=False)
        ok = r.returncode != 0 and field in (r.stdout + r.stderr)
        breakouts_refused = breakouts_refused and ok
        print(f"{'PASS' if ok else 'FAIL'}  import   a {field} that breaks out of an attribute is "
              f"{'refused by the validator' if ok else 'ACCEPTED'}")

    run([verdict, "import", DEMO_CATALOG], env, tmp)
    run([verdict, "import", "--check", hostile], env, tmp)
    r = run([verdict, "import", "--check", refused], env, tmp, check=False)
    refused_ok = r.returncode != 0 and "homepage" in (r.stdout + r.stderr)
    print(f"{'PASS' if refused_ok else 'FAIL'}  import   a javascript: homepage is "
          f"{'refused by the validator' if refused_ok else 'ACCEPTED'}")
    refused_ok = refused_ok and breakouts_refused
    run([verdict, "import", hostile], env, tmp)
    run([verdict, "panel", "run", "--tool", f"hostile-alpha,hostile-bravo,{DEMO_TOOL}"], env, tmp)
    week = datetime.date.today().isocalendar()
    week = f"{week[0]}-W{week[1]:02d}"
    out = run([verdict, "newsletter", "compose", "--week", week], env, tmp).stdout
    preview = re.search(r"(/newsletter/preview/\S+)", out)
    run([verdict, "newsletter", "send", "--week", week], env, tmp, check=False)
    return shown, required, refused_ok, week, preview.group(1) if preview else None


REFLECTED = payloads("reflected")["img"] + payloads("reflected")["markup"]


def find_key(value, key):
    """The first value under `key` anywhere in a decoded JSON document."""
    if isinstance(value, dict):
        if key in value:
            return value[key]
        value = list(value.values())
    if isinstance(value, list):
        for item in value:
            found = find_key(item, key)
            if found is not None:
                return found
    return None


def pages_to_check(base, week, preview):
    """(path, what it must show) for every page the hostile text reaches, plus reflections.
    "catalog": hostile catalog text; "reflected": the payload from the URL; None: nothing."""
    pages = [("/", "catalog"), ("/tools/hostile-alpha", "catalog"), ("/tools/hostile-bravo", "catalog"),
             (f"/tools/{DEMO_TOOL}", "catalog"), ("/compare/hostile-alpha-vs-hostile-bravo", "catalog"),
             ("/leaderboard", "catalog"), ("/newsletter", "catalog"), (f"/newsletter/{week}", "catalog")]
    if preview:
        pages.append((preview, "catalog"))
    for slug in ["hostile-alpha", "hostile-bravo"]:
        category = find_key(json.loads(http("GET", f"{base}/api/v1/tools/{slug}")[2]), "category_slug")
        pages += [(f"/categories/{category}", "catalog"), (f"/leaderboard/{category}", "catalog"),
                  (f"/search?category={category}", "catalog")]
        # The first rival the tool page offers, in canonical (alphabetical) order.
        for a, b in re.findall(r'href="/compare/([a-z0-9-]+?)-vs-([a-z0-9-]+)"', http("GET", f"{base}/tools/{slug}")[2]):
            if "hostile" not in (a if b == slug else b):
                pages.append(("/compare/%s-vs-%s" % tuple(sorted([a, b])), "catalog"))
                break
    # The request itself carries the payload: error pages must show it as text, never as markup.
    q = urllib.parse.quote(REFLECTED, safe="")
    pages += [(f"/tools/{q}", "reflected"), (f"/compare/{q}-vs-hostile-alpha", "reflected"),
              (f"/categories/{q}", "reflected"), (f"/leaderboard/{q}", "reflected"), (f"/search?q={q}", None),
              (f"/newsletter/confirm?token={q}", None), (f"/{q}", None)]
    return list(dict.fromkeys(pages))


def main():
    chromium = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        print("chromium not found: apt-get install -y chromium (or set CHROMIUM)")
        return 2
    verdict = os.environ.get("VERDICT_BIN") or os.path.join(ROOT, ".build", "debug", "verdict")
    if not os.path.exists(verdict):
        print("building verdict (swift build --product verdict)…", flush=True)
        subprocess.run(["swift", "build", "--product", "verdict"], cwd=ROOT, check=True)
    started = time.monotonic()
    tmp = tempfile.mkdtemp(prefix="verdict-xss-")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = dict(os.environ, DATABASE_URL=f"sqlite:{tmp}/verdict.sqlite", VERDICT_DEMO="0",
               VERDICT_SECRET="browser-test-secret-0123456789abcdef", VERDICT_PUBLIC_URL=base,
               VERDICT_OUTBOX=os.path.join(tmp, "outbox"), VERDICT_NEW_VOTERS_PER_NETWORK_PER_HOUR="1000",
               LOG_LEVEL="warning")
    for key in [k for k in env if k.startswith(("VERDICT_LLM", "VERDICT_SMTP"))]:
        del env[key]  # the rubric only, the outbox only: nothing leaves loopback
    server = None
    failures = 0
    try:
        failures += controls(chromium, tmp)
        shown, required, refused_ok, week, preview = prepare(verdict, env, tmp)
        failures += not refused_ok
        log = open(os.path.join(tmp, "server.log"), "w")
        server = subprocess.Popen([verdict, "serve", "--hostname", "127.0.0.1", "--port", str(port)],
                                  env=env, cwd=tmp, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 30
        while True:
            try:
                if http("GET", base + "/healthz")[0] == 200:
                    break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"server did not become healthy; see {tmp}/server.log")
            time.sleep(0.2)
        # Head-to-head picks so the hostile tools have community numbers and leaderboard rows.
        for i in range(6):
            pair = ("hostile-alpha", "hostile-bravo") if i % 2 else ("hostile-alpha", DEMO_TOOL)
            http("PUT", f"{base}/api/v1/compare/{pair[0]}/{pair[1]}/vote", {"pick": pair[i % 2]})
            http("PUT", f"{base}/api/v1/tools/{pair[0]}/vote", {"vote": "ship" if i % 3 else "skip"})

        pages = pages_to_check(base, week, preview)
        jobs = []
        for n, (path, expect) in enumerate(pages):
            status, headers, body = http("GET", base + path)
            csp = headers.get("Content-Security-Policy", "")
            if "script-src 'self'" not in csp:
                print(f"FAIL  http     {path[:60]} [{status}]: no CSP with script-src 'self' (got {csp[:60]!r})")
                failures += 1
            if expect == "catalog" and status != 200:
                print(f"FAIL  http     {path}: status {status}")
                failures += 1
                continue
            saved = os.path.join(tmp, f"page-{n}.html")
            with open(saved, "w") as f:
                f.write(body)
            jobs.append((path, status, "http", base + path, expect, n))
            jobs.append((path, status, "file", "file://" + saved, expect, n))

        # The editor's desk shows the same text in forms (attribute values, textareas) and in
        # the audit log. Sign in as an admin made with the CLI; the saved pages load from file://
        # (escaping alone; the browser has no session cookie to load them over HTTP).
        password = "browser proof passphrase 2026"
        subprocess.run([verdict, "user", "create", "--email", "desk@example.com", "--role", "admin"],
                       input=password + "\n", env=env, cwd=tmp, capture_output=True, text=True, check=True)
        status, headers, _ = http("POST", base + "/login", headers={"Origin": base},
                                  form={"email": "desk@example.com", "password": password})
        set_cookie = " ".join(v for k, v in headers.items() if k.lower() == "set-cookie")
        cookie = re.search(r"(verdict_session=[^;]+)", set_cookie)
        if not cookie:
            print(f"FAIL  desk     could not sign in (status {status})")
            failures += 1
        else:
            for path in ["/admin/tools", "/admin/tools/hostile-alpha", "/admin/tools/hostile-bravo",
                         f"/admin/tools/{DEMO_TOOL}", "/admin/audit?subject=tool:hostile"]:
                status, _, body = http("GET", base + path, headers={"Cookie": cookie.group(1)})
                if status != 200:
                    print(f"FAIL  desk     {path}: status {status}")
                    failures += 1
                    continue
                n = len(pages) + len(jobs)
                saved = os.path.join(tmp, f"desk-{n}.html")
                with open(saved, "w") as f:
                    f.write(body)
                jobs.append((path, status, "file", "file://" + saved, "catalog", n))

        seen_text, warned = [], {}

        local = threading.local()  # one Chromium profile per worker: loads in a worker never overlap

        def one(job):
            path, status, how, target, expect, n = job
            if not hasattr(local, "profile"):
                local.profile = tempfile.mkdtemp(prefix="profile-", dir=tmp)
            return job, check_load(chromium, target, local.profile, shown, expect)

        with concurrent.futures.ThreadPoolExecutor(max_workers=3) as pool:
            for (path, status, how, _, _, _), (problems, warnings, note, text) in pool.map(one, jobs):
                seen_text.append(text)
                for w in warnings:
                    warned.setdefault(w, []).append(f"{how} {path}")
                label = path if len(path) < 70 else path[:67] + "…"
                if problems:
                    failures += 1
                    print(f"FAIL  {how:<8} {label} [{status}]: " + "; ".join(sorted(set(problems))))
                else:
                    print(f"PASS  {how:<8} {label} [{status}]: {note}")
        for w, where in warned.items():
            failures += warn(f"pages    {w} ({len(where)} loads, e.g. {where[0]})")
        everywhere = "".join(seen_text)
        for s in required:
            if s not in everywhere:
                failures += 1
                print(f"FAIL  coverage the payload {s[:50]!r}… was shown on no page (test would be vacuous)")
    except Exception as e:  # a broken setup is a failure, never a pass
        failures += 1
        print(f"FAIL  setup    {e}")
    finally:
        if server and server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
    elapsed = time.monotonic() - started
    if failures == 0:
        shutil.rmtree(tmp, ignore_errors=True)
        print(f"OK: every check passed in {elapsed:.0f}s")
    else:
        print(f"FAILED: {failures} failure(s) in {elapsed:.0f}s; pages, DOMs and server.log kept in {tmp}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

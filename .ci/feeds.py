#!/usr/bin/env python3
"""Feeds checked by a real parser (issue #16): starts the built `verdict` binary
(.build/debug/verdict, or VERDICT_BIN) with the demo catalog on a throwaway SQLite file on a
free loopback port, fetches /feed.atom, /feed.json and a category's feeds, and parses them with
feedparser from PyPI (installed into .venv by .ci/run). Fails on any parse problem (bozo), a
missing title, link or date, or an entry outside the site.
"""

import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

import feedparser  # noqa: E402  (from .venv)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    binary = os.environ.get("VERDICT_BIN", ".build/debug/verdict")
    work = tempfile.mkdtemp(prefix="verdict-feeds-")
    port = free_port()
    env = dict(os.environ)
    for name in ("VERDICT_LLM_CONFIG", "VERDICT_LLM_BASE_URL", "VERDICT_SMTP_URL"):
        env.pop(name, None)
    origin = "https://verdict.example"
    env.update(DATABASE_URL=f"sqlite://{work}/feeds.sqlite", VERDICT_SECRET=secrets.token_hex(32), LOG_LEVEL="error",
               VERDICT_DEMO="on", VERDICT_PUBLIC_URL=origin, VERDICT_SECURE_COOKIES="false")
    server = subprocess.Popen([binary, "serve", "--hostname", "127.0.0.1", "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(240):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1).read()
                break
            except OSError:
                time.sleep(0.25)
        else:
            raise SystemExit("feeds: no answer from /healthz within 60 s")
        checked = 0
        for path, minimum in [("/feed.atom", 43), ("/feed.json", 43), ("/feed.atom?category=language-models", 10),
                              ("/feed.json?category=video-generation", 6)]:
            body = urllib.request.urlopen(base + path, timeout=10).read()
            if path.startswith("/feed.json"):
                import json
                doc = json.loads(body)
                assert doc["version"] == "https://jsonfeed.org/version/1.1", path
                entries = doc["items"]
                assert all(i["url"].startswith(origin + "/tools/") and i["title"] and i["date_modified"] for i in entries), path
            else:
                feed = feedparser.parse(body)
                if feed.bozo:
                    raise SystemExit(f"feeds: {path} does not parse: {feed.bozo_exception}")
                assert feed.version == "atom10", (path, feed.version)
                assert feed.feed.title and feed.feed.link, path
                entries = feed.entries
                for e in entries:
                    assert e.title and e.id and e.updated_parsed, (path, e)
                    assert e.link.startswith(origin + "/tools/"), (path, e.link)
            if len(entries) < minimum:
                raise SystemExit(f"feeds: {path} has {len(entries)} entries, expected at least {minimum}")
            checked += len(entries)
        print(f"feeds: 4 feeds parsed by feedparser {feedparser.__version__}, {checked} entries, all links on {origin}")
    finally:
        server.terminate()
        server.wait(timeout=15)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""A local OpenAI-compatible chat-completions endpoint for benchmarks: answers every request
with a valid take after a fixed delay, and records each prompt to measure the shared prefix.

Usage: bench/fake_llm.py PORT DELAY_SECONDS PROMPT_LOG
"""
import json, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT, DELAY, LOG = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
lock = threading.Lock()
TEXT = " ".join(f"word{i % 9}" if i % 15 else "facts." for i in range(1, 121))
TAKE = json.dumps({"verdict": "ship", "conviction": "clear", "flip": None, "text": TEXT, "relied_on": ["api"]})

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
        with lock, open(LOG, "a") as f:
            f.write(json.dumps(body["messages"]) + "\n")
        time.sleep(DELAY)
        reply = json.dumps({"choices": [{"index": 0, "message": {"role": "assistant", "content": TAKE}}],
                            "usage": {"prompt_tokens": 1000, "completion_tokens": 200}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    def log_message(self, *args):
        pass

ThreadingHTTPServer.daemon_threads = True
ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()

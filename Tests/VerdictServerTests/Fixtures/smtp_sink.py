"""A loopback SMTP sink for Verdict's tests and benchmarks (aiosmtpd).

    smtp_sink.py serve --dir DIR [--tempfail ADDR]... [--permfail ADDR]... [--closing ADDR]...
                       [--auth USER:PASS [--auth-exclude PLAIN]] [--starttls CERT KEY] [--implicit-tls CERT KEY]
    smtp_sink.py parse FILE.eml

`serve` prints "PORT <n>" once it accepts connections and stops when stdin closes, so a
test process that dies takes its sink with it. Each accepted message is saved as
NNNNNN.eml (raw bytes as received, already dot-unstuffed by the server) next to
NNNNNN.json (envelope sender, recipients, authenticated user, client port, TLS or not).
--tempfail/--permfail/--closing make RCPT TO answer 451/550/421 for that address.
`parse` reads a saved message with Python's `email` package and prints its headers and
text body as JSON, so the Swift tests check what a real mail parser sees.
"""
import argparse
import email
import email.policy
import json
import os
import socket
import ssl
import sys
import threading
import warnings

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Sink:
    def __init__(self, directory, tempfail, permfail, closing):
        self.directory = directory
        self.closing = {a.lower() for a in closing}
        self.tempfail = {a.lower() for a in tempfail}
        self.permfail = {a.lower() for a in permfail}
        self.count = 0
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.closing:
            return "421 4.3.2 Service shutting down"
        if address.lower() in self.tempfail:
            return "451 4.3.0 Mailbox temporarily unavailable"
        if address.lower() in self.permfail:
            return "550 5.1.1 No such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += 1
            stem = os.path.join(self.directory, "%06d" % self.count)
        with open(stem + ".eml", "wb") as f:
            f.write(envelope.original_content)
        user = session.auth_data.login.decode() if isinstance(session.auth_data, LoginPassword) else None
        with open(stem + ".json", "w") as f:
            json.dump({"from": envelope.mail_from, "to": envelope.rcpt_tos, "user": user,
                       "peer": session.peer[1],
                       "tls": server.transport.get_extra_info("ssl_object") is not None}, f)
        return "250 2.0.0 Message accepted"


def authenticator(user, password):
    def check(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user \
            and auth_data.password.decode() == password
        return AuthResult(success=ok, handled=False, auth_data=auth_data)
    return check


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(args):
    warnings.filterwarnings("ignore", message="Requiring AUTH")
    os.makedirs(args.dir, exist_ok=True)
    kwargs = {}
    if args.auth:
        user, password = args.auth.split(":", 1)
        kwargs.update(authenticator=authenticator(user, password), auth_required=True,
                      auth_require_tls=False, auth_exclude_mechanism=args.auth_exclude)
    if args.starttls:
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ctx.load_cert_chain(*args.starttls)
        kwargs.update(tls_context=ctx, require_starttls=False)
    ssl_context = None
    if args.implicit_tls:
        ssl_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ssl_context.load_cert_chain(*args.implicit_tls)
    port = free_port()
    controller = Controller(Sink(args.dir, args.tempfail, args.permfail, args.closing), hostname="127.0.0.1",
                            port=port, ssl_context=ssl_context, server_kwargs=kwargs)
    controller.start()
    print("PORT %d" % port, flush=True)
    try:
        sys.stdin.read()
    finally:
        controller.stop()


def parse(args):
    with open(args.file, "rb") as f:
        msg = email.message_from_binary_file(f, policy=email.policy.default)
    body = msg.get_body(preferencelist=("plain",))
    print(json.dumps({"headers": {k: str(v) for k, v in msg.items()},
                      "body": body.get_content() if body is not None else None}))


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("serve")
    s.add_argument("--dir", required=True)
    s.add_argument("--tempfail", action="append", default=[])
    s.add_argument("--permfail", action="append", default=[])
    s.add_argument("--closing", action="append", default=[], help="answer 421 to RCPT TO this address")
    s.add_argument("--auth-exclude", action="append", default=[], help="hide an AUTH mechanism, e.g. PLAIN")
    s.add_argument("--auth", help="USER:PASS; the server then requires AUTH (PLAIN or LOGIN)")
    s.add_argument("--starttls", nargs=2, metavar=("CERT", "KEY"))
    s.add_argument("--implicit-tls", nargs=2, metavar=("CERT", "KEY"))
    p = sub.add_parser("parse")
    p.add_argument("file")
    args = parser.parse_args()
    serve(args) if args.command == "serve" else parse(args)


if __name__ == "__main__":
    main()

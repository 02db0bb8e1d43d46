"""An SMTP sink for bench/newsletter.sh: accepts every message on loopback, keeps a count, stores nothing.

    newsletter_sink.py PORT_FILE COUNT_FILE

Writes the port it listens on to PORT_FILE once it accepts connections; on SIGTERM or SIGINT
writes "<messages> <recipients>" to COUNT_FILE and exits. Needs aiosmtpd (bench/newsletter.sh
installs it into .venv).
"""
import signal
import socket
import sys
import threading

from aiosmtpd.controller import Controller


class Counter:
    def __init__(self):
        self.messages = 0
        self.recipients = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.messages += 1
            self.recipients += len(envelope.rcpt_tos)
        return "250 2.0.0 Accepted"


def main():
    port_file, count_file = sys.argv[1], sys.argv[2]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    counter = Counter()
    controller = Controller(counter, hostname="127.0.0.1", port=port)
    controller.start()
    with open(port_file, "w") as f:
        f.write(str(port))
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    signal.signal(signal.SIGINT, lambda *_: done.set())
    while not done.wait(0.5):
        pass
    controller.stop()
    with open(count_file, "w") as f:
        f.write("%d %d\n" % (counter.messages, counter.recipients))


if __name__ == "__main__":
    main()

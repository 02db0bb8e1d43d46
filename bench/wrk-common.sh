# Shared by the wrk benchmarks (source it after setting PORT): wrk settings, a release build,
# a scratch directory removed on exit with the server, and `run PATH [HEADER]` printing
# "req/s p50 p99". Needs wrk: apt-get install -y wrk
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 2; }
# SCRATCH=.build-release keeps the release build out of the debug build's lock.
swift build -c release ${SCRATCH:+--scratch-path "$SCRATCH"} >/dev/null 2>&1
BIN="$(swift build -c release ${SCRATCH:+--scratch-path "$SCRATCH"} --show-bin-path)/verdict"
WORK=$(mktemp -d)
SERVER=
trap '[ -n "$SERVER" ] && kill $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT

run() {
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency ${2:+-H "$2"} "http://127.0.0.1:$PORT$1" |
    awk '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} END {print rps, p50, p99}'
}

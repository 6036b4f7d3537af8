#!/usr/bin/env bash
# The organizer lists at scale (docs/benchmarks.md, "Organizer lists at scale", issue 18): builds the WAR, starts it
# on a fresh embedded PostgreSQL with fsync on (target/bench/lists), loads 1,000 small accounts (10,000 events,
# 20 orders each) and one large account (5,000 events, 1,000,000 orders, 2,000,000 attendees, 1,000,000 audit
# entries) set-based, then measures every organizer list, filter and sort of the large account: 32 clients paced
# (a person's pause between requests), 32 back to back, then one client alone (with the statements per request).
# Prints the figures and writes target/bench/lists-results.md.
# Options: -Dbench.scale=1.0 (0.05 for a quick proof) -Dbench.clients=32 -Dbench.warmup=3 -Dbench.seconds=8
#          -Dbench.paced=20 -Dbench.thinkMillis=2000 (paced phase) -Dbench.alone=4
#          -Dbench.only=orders (scenarios whose name starts with it) -Dbench.hold=900 (keep it up for EXPLAIN)
set -euo pipefail
cd "$(dirname "$0")/.."
echo "load average before: $(cat /proc/loadavg)"
exec mvn -q -Pbench -Dbench.main=io.eventos.bench.ListsBenchmark "$@"

#!/usr/bin/env bash
# The CRM benchmark (docs/benchmarks.md, "Contacts at scale", issue 15 "Speed"): builds the WAR, starts it on a fresh
# embedded PostgreSQL with fsync on (target/bench), generates set-based one account with 1,000,000 contacts
# and 5,000,000 timeline entries, then signed-in team members use the contact list (first page, next pages, sort,
# search as typed, every filter) and open contact pages; p50/p95/p99 on the server (access log) and at the client per
# request kind. Prints the figures and writes target/bench/contacts-results.md.
# Options: -Dbench.contacts=1000000 -Dbench.clients=4 -Dbench.warmup=15 -Dbench.seconds=60 -Dbench.alone=20
#          -Dbench.paced=60 -Dbench.thinkMillis=2000 (paced phase: all 8 team members, each pausing 1-3 s)
#          -Dbench.hold=900 (keep the database and server up afterwards, for EXPLAIN ANALYZE by hand)
set -euo pipefail
cd "$(dirname "$0")/.."
echo "load average before: $(cat /proc/loadavg)"
exec mvn -q -Pbench -Dbench.main=io.eventos.bench.ContactsBenchmark "$@"

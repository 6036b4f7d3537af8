#!/usr/bin/env bash
# The dashboards benchmark (docs/benchmarks.md, "Dashboards and rollups", issue 16): builds the WAR, starts it on a
# fresh embedded PostgreSQL with fsync on (target/bench-dashboards), loads 1,000 accounts, 10,000 events and
# 1,000,000 paid orders with their attendees, lets the rollups rebuild, then 16 signed-in organizers open the
# dashboard, reports and event dashboard pages back to back; p50/p95/p99 on the server (access log) and at the
# client per page. Prints the figures and writes target/bench-dashboards/results.md.
# Options: -Dbench.warmup=20 -Dbench.seconds=40
set -euo pipefail
cd "$(dirname "$0")/.."
echo "load average before: $(cat /proc/loadavg)"
exec mvn -q -Pbench -Dbench.main=io.eventos.bench.DashboardBenchmark "$@"

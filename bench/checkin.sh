#!/usr/bin/env bash
# The check-in benchmark (docs/benchmarks.md, issue 14): 16 kiosk devices scanning back to back over an event of
# 100,000 tickets, fsync and synchronous_commit on; scans/s, p50/p95/p99 on the server, statements per scan, double
# admissions (must be 0). Builds the WAR and runs CheckInScanBenchmark with Failsafe (embedded PostgreSQL, Payara
# Micro), about 3 minutes. Prints the figures and writes target/bench/checkin-results.md.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "load average before: $(cat /proc/loadavg)"
exec mvn -q verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=CheckInScanBenchmark \
  -Dfailsafe.failIfNoSpecifiedTests=false -Deventos.it.durable=true "$@"

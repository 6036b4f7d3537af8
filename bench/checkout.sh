#!/usr/bin/env bash
# The checkout rush benchmark (docs/benchmarks.md, issue 5): pgbench on one hot row (the ceiling), then 500
# concurrent buyers in the container (warm-up until the JIT compilers have settled, 60-300 s, then 30 s measured),
# then a sell-out of 3,000 tickets. Builds the WAR and runs CheckoutRushBenchmark with Failsafe (embedded PostgreSQL,
# Payara Micro), 5-9 minutes.
# Prints the table and writes target/bench/checkout-results.md.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "load average before: $(cat /proc/loadavg)"
exec mvn -q verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=CheckoutRushBenchmark \
  -Dfailsafe.failIfNoSpecifiedTests=false "$@"

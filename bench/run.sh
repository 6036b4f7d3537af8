#!/usr/bin/env bash
# The public pages benchmark (docs/benchmarks.md): builds the WAR, starts it on a fresh embedded PostgreSQL in
# target/bench, loads 1,000 accounts and 10,000 events, measures, prints and writes target/bench/results.md.
# Options are system properties, e.g.  bench/run.sh -Dbench.clients=32 -Dbench.warmup=15 -Dbench.seconds=20
set -euo pipefail
cd "$(dirname "$0")/.."
exec mvn -q -Pbench "$@"

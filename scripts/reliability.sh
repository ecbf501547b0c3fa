#!/usr/bin/env bash
# Reliability under faults and load (README, Reliability). Starts its own throwaway PostgreSQL.
#   bash scripts/reliability.sh           the short runs CI makes: 5 SIGKILL crash rounds, sessions
#                                         terminated and the server restarted under working desks,
#                                         7 s of fuzzing per target
#   bash scripts/reliability.sh --long    100 crash rounds, the same PostgreSQL faults, fifty desks
#                                         for 10 minutes on PostgreSQL and 3 on SQLite (release),
#                                         10 minutes of fuzzing per target
# SANAD_RELIABILITY_PARTS picks parts (default "crash faults desks fuzz"; desks only with --long);
# SANAD_FUZZ_JOBS fuzzes that many targets at once. Figures go to standard output.
set -euo pipefail
cd "$(dirname "$0")/.."

long=0; [ "${1:-}" = --long ] && long=1
parts=" ${SANAD_RELIABILITY_PARTS:-crash faults desks fuzz} "
has() { [[ "$parts" == *" $1 "* ]]; }

bash scripts/install-deps.sh
pgdir=$(mktemp -d /tmp/sanad-rel-pg.XXXXXX)
scratch=$(mktemp -d /tmp/sanad-rel.XXXXXX)
port=${SANAD_RELIABILITY_PG_PORT:-54342}
cleanup() { bash scripts/pg-test-server.sh stop "$pgdir" || true; rm -rf "$pgdir" "$scratch"; }
trap cleanup EXIT
SANAD_TEST_PG_URL=$(bash scripts/pg-test-server.sh start "$pgdir" "$port")
export SANAD_TEST_PG_URL
export SANAD_TEST_PG_RESTART="bash $PWD/scripts/pg-test-server.sh restart $pgdir"

if has crash; then
  rounds=5; [ "$long" = 1 ] && rounds=100
  echo "== crash safety: $rounds SIGKILL rounds on the embedded database"
  SANAD_CRASH_ROUNDS=$rounds cargo test --locked -p sanad-bench --test crash_safety -- --nocapture
fi

if has faults; then
  echo "== PostgreSQL faults: sessions terminated, then the server restarted, under working desks"
  cargo test --locked -p sanad-service --test pg_terminate --test pg_restart -- --nocapture
fi

if [ "$long" = 1 ] && has desks; then
  cargo build --release --locked -p sanad-bench
  bench="${CARGO_TARGET_DIR:-target}/release/sanad-bench"
  base=${SANAD_TEST_PG_URL%/*}
  psql -q "$SANAD_TEST_PG_URL" -c "CREATE DATABASE sanad_desks"
  echo "== fifty desks, PostgreSQL, ${SANAD_DESKS_PG_MINUTES:-10} minutes"
  "$bench" desks "$base/sanad_desks" --desks 50 --minutes "${SANAD_DESKS_PG_MINUTES:-10}"
  echo "== fifty desks, SQLite, ${SANAD_DESKS_SQLITE_MINUTES:-3} minutes"
  "$bench" desks "sqlite://$scratch/desks.db" --desks 50 --minutes "${SANAD_DESKS_SQLITE_MINUTES:-3}"
fi

if has fuzz; then
  seconds=7; [ "$long" = 1 ] && seconds=600
  bash scripts/fuzz.sh "$seconds"
fi
echo "== reliability: all passed"

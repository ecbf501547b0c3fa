#!/usr/bin/env bash
# Sets up and runs every test: installs system packages, starts a throwaway PostgreSQL server on
# loopback, and runs the whole workspace's tests against both the SQLite file and PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
bash scripts/build-ui.sh

pgdir=$(mktemp -d /tmp/sanad-test-pg.XXXXXX)
port=${SANAD_TEST_PG_PORT:-54339}
cleanup() { bash scripts/pg-test-server.sh stop "$pgdir" || true; rm -rf "$pgdir"; }
trap cleanup EXIT
SANAD_TEST_PG_URL=$(bash scripts/pg-test-server.sh start "$pgdir" "$port")
export SANAD_TEST_PG_URL

cargo test --workspace --locked "$@"

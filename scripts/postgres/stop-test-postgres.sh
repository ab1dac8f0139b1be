#!/usr/bin/env bash
# Stops the cluster that start-test-postgres.sh started and removes its data directory.
set -euo pipefail
pg_bin=/usr/lib/postgresql/15/bin
state_file=${PROBE_TEST_PG_STATE:-${TMPDIR:-/tmp}/probe-test-postgres.state}

if [ ! -f "$state_file" ]; then
  echo "no test cluster is recorded in $state_file; nothing to stop" >&2
  exit 0
fi
# shellcheck disable=SC1090
. "$state_file"
if [ "$(id -u)" = 0 ]; then
  runuser -u postgres -- "$pg_bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
else
  "$pg_bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
fi
rm -rf "$data" "$state_file"
echo "stopped the test cluster on port $port and removed $data" >&2

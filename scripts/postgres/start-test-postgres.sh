#!/usr/bin/env bash
# Starts a throwaway Postgres 15 + pgvector cluster for the tests (or reuses the one already
# running) and prints its URL on stdout; everything else goes to stderr. Usage:
#   PROBE_TEST_DATABASE_URL=$(bash scripts/postgres/start-test-postgres.sh) npm test
set -euo pipefail
exec 3>&1 1>&2
repo=$(cd "$(dirname "$0")/../.." && pwd)
pg_bin=/usr/lib/postgresql/15/bin
vendor_tarball="$repo/../shared/vendor/pgvector-0.8.6.tar.gz"
state_file=${PROBE_TEST_PG_STATE:-${TMPDIR:-/tmp}/probe-test-postgres.state}

have_postgres() {
  [ -x "$pg_bin/initdb" ] && [ -f /usr/share/postgresql/15/extension/vector.control ] &&
    [ -f /usr/lib/postgresql/15/lib/vector.so ]
}

# Runs a Postgres binary as the postgres user when we are root (initdb refuses root).
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

install_postgres() {
  echo "--- installing postgresql-15 from apt and pgvector 0.8.6 from $vendor_tarball"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 postgresql-server-dev-15 build-essential >/dev/null
  local src
  src=$(mktemp -d)
  tar xzf "$vendor_tarball" -C "$src"
  # OPTFLAGS="" avoids -march=native, so the build runs on any x86-64 machine.
  make -s -C "$src/pgvector-0.8.6" OPTFLAGS="" >/dev/null
  make -s -C "$src/pgvector-0.8.6" install >/dev/null
  rm -rf "$src"
}

port_in_use() { (exec 9<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

url_for() { echo "postgres://postgres@127.0.0.1:$1/postgres"; }

if ! have_postgres; then
  if [ -f "$vendor_tarball" ] && [ "$(id -u)" = 0 ]; then
    install_postgres
  else
    echo "Postgres 15 with pgvector is not installed: install it as in ../shared/vendor/README.md (\"A real Postgres 15 with pgvector\") or the README's \"Running on a real Postgres with pgvector\", then run this again."
    exit 3
  fi
fi

# Reuse the cluster this script started earlier if it is still up.
if [ -f "$state_file" ]; then
  # shellcheck disable=SC1090
  . "$state_file"
  if [ -n "${data:-}" ] && [ -n "${port:-}" ] && as_owner "$pg_bin/pg_ctl" -D "$data" status >/dev/null 2>&1 &&
    "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
    echo "reusing the test cluster in $data on port $port"
    url_for "$port" >&3
    exit 0
  fi
  echo "the test cluster recorded in $state_file is gone; starting a new one"
  rm -f "$state_file"
fi

port=${PROBE_TEST_PG_PORT:-5433}
for _ in $(seq 1 50); do
  port_in_use "$port" || break
  echo "port $port is in use; trying $((port + 1))"
  port=$((port + 1))
done
port_in_use "$port" && { echo "no free port found for the test cluster"; exit 1; }

data=$(mktemp -d "${TMPDIR:-/tmp}/probe-test-postgres.XXXXXX")
[ "$(id -u)" = 0 ] && chown postgres "$data"
as_owner "$pg_bin/initdb" -D "$data" -A trust -U postgres -E UTF8 --locale=C --no-sync >"$data.initdb.log" 2>&1 ||
  { cat "$data.initdb.log"; exit 1; }
rm -f "$data.initdb.log"
# A throwaway cluster: durability settings are off, which makes the tests' many small writes fast.
options="-p $port -k $data -c listen_addresses=127.0.0.1 -c max_connections=200"
options+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
# 3>&- : the server must not inherit the stdout that a caller's $(...) waits on.
as_owner "$pg_bin/pg_ctl" -D "$data" -o "$options" -l "$data/log" -w -t 60 start >/dev/null 3>&- ||
  { cat "$data/log"; exit 1; }
printf 'data=%q\nport=%q\n' "$data" "$port" >"$state_file"
echo "started a test cluster in $data on port $port (stop it with scripts/postgres/stop-test-postgres.sh)"
url_for "$port" >&3

#!/usr/bin/env bash
# Run a command with a throwaway PostgreSQL server for the tests:
#   scripts/with-postgres.sh pnpm vitest run --project store
# As root: installs Debian's postgresql when absent, initdb's a temporary cluster, starts it on 127.0.0.1:54329,
# exports JIJU_TEST_DATABASE_URL, runs the command, then stops the server and deletes its files (also on failure).
# Not root, or no apt/PostgreSQL: runs the command without PostgreSQL and says so (PostgreSQL tests are skipped).
set -euo pipefail

PORT="${JIJU_TEST_PG_PORT:-54329}"

if [ "$#" -eq 0 ]; then
  echo "usage: scripts/with-postgres.sh COMMAND [ARGS...]" >&2
  exit 2
fi

without_pg() {
  echo "with-postgres: $1 — running without PostgreSQL (PostgreSQL tests will be skipped)." >&2
  shift
  exec "$@"
}

find_pgbin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

PGBIN="$(find_pgbin || true)"
if [ -z "$PGBIN" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    without_pg "PostgreSQL is not installed and this is not root" "$@"
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    without_pg "PostgreSQL is not installed and apt-get is not available" "$@"
  fi
  echo "with-postgres: installing PostgreSQL (apt-get) …" >&2
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; }; then
    without_pg "installing PostgreSQL failed" "$@"
  fi
  PGBIN="$(find_pgbin || true)"
  [ -n "$PGBIN" ] || without_pg "PostgreSQL binaries not found after installing" "$@"
fi

if [ "$(id -u)" -ne 0 ]; then
  # initdb refuses to run as root, so as root we run it as the postgres user; a normal user runs it directly.
  AS=()
else
  if ! id postgres >/dev/null 2>&1; then
    without_pg "there is no postgres user to run the server as" "$@"
  fi
  AS=(runuser -u postgres --)
fi

DIR="$(mktemp -d -t jiju-pg-XXXXXX)"
chmod 755 "$DIR"
[ "${#AS[@]}" -gt 0 ] && chown -R postgres:postgres "$DIR"

stop() {
  "${AS[@]}" "$PGBIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap stop EXIT INT TERM

"${AS[@]}" "$PGBIN/initdb" -D "$DIR/data" -U postgres -A trust -E UTF8 --no-locale >"$DIR/initdb.log" 2>&1 || {
  cat "$DIR/initdb.log" >&2
  echo "with-postgres: initdb failed" >&2
  exit 1
}
"${AS[@]}" "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w -t 60 \
  -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null || {
  cat "$DIR/log" >&2
  echo "with-postgres: the server did not start (is port $PORT in use?)" >&2
  exit 1
}

export JIJU_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/postgres"
echo "with-postgres: PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') at $JIJU_TEST_DATABASE_URL" >&2
set +e
"$@"
status=$?
set -e
exit "$status"

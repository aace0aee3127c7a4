#!/usr/bin/env bash
# Run a command with DATABASE_URL pointing at a throw-away PostgreSQL cluster on a local socket.
set -euo pipefail
"$(dirname "$0")/system-deps.sh" postgres
bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
dir=$(mktemp -d /tmp/bpoprep-pg.XXXXXX)
port=${PGTEST_PORT:-54329}
run_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres "$dir"
run_pg "$bindir/initdb" -D "$dir/data" -U bpoprep --auth=trust -E UTF8 >/dev/null
run_pg "$bindir/pg_ctl" -D "$dir/data" -o "-k $dir -p $port -c listen_addresses=''" -l "$dir/log" -w start >/dev/null
trap 'run_pg "$bindir/pg_ctl" -D "$dir/data" -m fast stop >/dev/null; rm -rf "$dir"' EXIT
run_pg "$bindir/createdb" -h "$dir" -p "$port" -U bpoprep bpoprep
export DATABASE_URL="postgres://bpoprep@/bpoprep?host=$dir&port=$port"
echo "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') at $dir:$port"
"$@"

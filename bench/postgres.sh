# PostgreSQL for the bench scripts: Debian's postgresql package (apt-get install -y postgresql),
# run from a throw-away data directory on its own port with initdb/pg_ctl, not a system cluster.
# As root, the server runs as the postgres user (initdb refuses root). Source it after common.sh.
#   pg_start DIR PORT   initialise DIR if needed and start the server; sets PG_URL_BASE
#   pg_createdb NAME    a fresh database; prints its postgresql:// URL
#   pg_restart | pg_stop
#   pg_sql NAME SQL     run SQL in database NAME, unaligned output
PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
if [[ -z "$PG_BIN" || ! -x "$PG_BIN/pg_ctl" ]]; then
  echo "PostgreSQL server binaries not found; install them: apt-get install -y postgresql (or set PG_BIN)" >&2
  exit 2
fi
pg_as() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_start() {
  PG_DIR="$1"; PG_PORT="$2"
  if [[ ! -f "$PG_DIR/PG_VERSION" ]]; then
    mkdir -p "$PG_DIR"; [[ $(id -u) == 0 ]] && chown postgres "$PG_DIR"
    pg_as "$PG_BIN/initdb" -D "$PG_DIR" -U postgres --auth=trust --locale=C.UTF-8 -E UTF8 >/dev/null
  fi
  pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR" -o "-p $PG_PORT -k /tmp -c fsync=on -c synchronous_commit=on" -l "$PG_DIR/server.log" -w start >/dev/null
  PG_URL_BASE="postgresql://postgres@127.0.0.1:$PG_PORT"
}
pg_stop() { pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR" -m fast -w stop >/dev/null 2>&1 || true; }
pg_restart() { pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR" -o "-p $PG_PORT -k /tmp" -l "$PG_DIR/server.log" -m fast -w restart >/dev/null; }
pg_sql() { psql -X -q -At -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$1" -c "$2"; }
pg_createdb() {
  pg_sql postgres "DROP DATABASE IF EXISTS $1" >/dev/null 2>&1
  pg_sql postgres "CREATE DATABASE $1" >/dev/null
  echo "$PG_URL_BASE/$1"
}

#!/usr/bin/env bash
# PostgreSQL 15 from Debian's packages, on 127.0.0.1, with its data wherever you say.
#
#   deploy/postgres.sh install                              apt-get install postgresql (only if missing)
#   deploy/postgres.sh start DATADIR PORT [--watch-pid PID] [--fast] [--max-connections N] [--shared-buffers SIZE]
#   deploy/postgres.sh stop DATADIR
#   deploy/postgres.sh status DATADIR                       exit 0 when running
#   deploy/postgres.sh wait PORT [SECONDS]                  until it accepts connections
#
# start creates the cluster on first use (trust authentication for local and 127.0.0.1 only, user
# "postgres", UTF-8), listens only on 127.0.0.1:PORT with its unix socket in DATADIR, and returns once
# the server accepts connections. Connect with: Host=127.0.0.1;Port=PORT;Username=postgres
# --fast trades durability for speed (fsync off), for throwaway test clusters only.
# Without it the server gets a durable server's memory and WAL settings: shared_buffers a quarter of
# the machine's memory (128 MB to 4 GB, or --shared-buffers), max_wal_size 4 GB, lz4 WAL compression.
# --watch-pid stops the server when that process exits (so an interrupted test run cleans up).
# As root the server runs as the "postgres" user; as anyone else, as that user.
set -euo pipefail
SCRIPT_NAME=postgres.sh
SCRIPT_PATH=$(readlink -f "${BASH_SOURCE[0]}")
# shellcheck source=deploy/lib.sh
source "$(dirname "$SCRIPT_PATH")/lib.sh"

PG_VERSION=15
PG_BIN=/usr/lib/postgresql/$PG_VERSION/bin
PG_USER=postgres
is_root || PG_USER=$(id -un)

usage() { sed -n '2,/^[^#]/{/^#/p}' "$SCRIPT_PATH" | sed 's/^# \{0,1\}//'; exit 2; }

cmd_install() {
    apt_install "postgresql-$PG_VERSION" postgresql-client-$PG_VERSION
}

pg_ctl_() { run_as "$PG_USER" "$PG_BIN/pg_ctl" "$@"; }

is_running() { [ -f "$1/postmaster.pid" ] && pg_ctl_ -D "$1" status >/dev/null 2>&1; }

# A quarter of the machine's memory, between 128 MB and 4 GB (PostgreSQL's tuning guide starts at 25 %).
default_shared_buffers() {
    local kb
    kb=$(awk '/^MemTotal:/ {print $2}' /proc/meminfo 2>/dev/null || echo 0)
    local mb=$(( ${kb:-0} / 4096 ))
    [ "$mb" -lt 128 ] && mb=128
    [ "$mb" -gt 4096 ] && mb=4096
    echo "${mb}MB"
}

cmd_start() {
    local datadir=${1:-} port=${2:-} watch_pid="" fast=0 max_connections=200 shared_buffers=""
    [ -n "$datadir" ] && valid_port "$port" || usage
    shift 2
    while [ $# -gt 0 ]; do
        case $1 in
            --watch-pid) watch_pid=${2:-}; shift 2 ;;
            --fast) fast=1; shift ;;
            --max-connections) max_connections=${2:-}; shift 2 ;;
            --shared-buffers) shared_buffers=${2:-}; shift 2 ;;
            *) usage ;;
        esac
    done
    [ -x "$PG_BIN/postgres" ] || cmd_install
    datadir=$(realpath -m "$datadir")

    if is_running "$datadir"; then
        log "already running in $datadir"
    else
        if [ ! -f "$datadir/PG_VERSION" ]; then
            make_owned_dir "$PG_USER" "$datadir"
            run_as "$PG_USER" "$PG_BIN/initdb" -D "$datadir" -U postgres --auth=trust \
                --encoding=UTF8 --locale=C.UTF-8 >"$datadir.initdb.log" 2>&1 \
                || { cat "$datadir.initdb.log" >&2; die "initdb failed in $datadir"; }
            rm -f "$datadir.initdb.log"
            # Only loopback connections are configured, and they are trusted.
            printf '%s\n' \
                'local all all trust' \
                'host all all 127.0.0.1/32 trust' \
                'local replication all trust' \
                'host replication all 127.0.0.1/32 trust' > "$datadir/pg_hba.conf"
            echo "include_if_exists = 'orgrestructure.conf'" >> "$datadir/postgresql.conf"
        fi
        port_in_use "$port" && die "port $port is already in use"
        # Rewritten on every start so the same cluster can be started on another port.
        {
            echo "listen_addresses = '127.0.0.1'"
            echo "port = $port"
            echo "unix_socket_directories = '$datadir'"
            echo "max_connections = $max_connections"
            echo "logging_collector = off"
            if [ "$fast" -eq 1 ]; then
                echo "fsync = off"
                echo "synchronous_commit = off"
                echo "full_page_writes = off"
            else
                # PostgreSQL's 128 MB default is sized to start anywhere, not to serve: with the
                # national campaign's working set the backends evicted dirty pages to the kernel, whose
                # writeback then stalled the WAL flush of a clerk's commit 40–90 ms (docs/performance.md).
                echo "shared_buffers = '${shared_buffers:-$(default_shared_buffers)}'"
                echo "max_wal_size = '4GB'"
                echo "wal_compression = lz4"
            fi
        } > "$datadir/orgrestructure.conf"
        is_root && chown "$PG_USER": "$datadir/orgrestructure.conf" "$datadir/pg_hba.conf"
        pg_ctl_ -D "$datadir" -l "$datadir/server.log" -w -t 60 -s start \
            || { tail -20 "$datadir/server.log" >&2; die "PostgreSQL did not start (log: $datadir/server.log)"; }
    fi

    local actual_port
    actual_port=$(sed -n 4p "$datadir/postmaster.pid")
    cmd_wait "$actual_port" 60
    if [ -n "$watch_pid" ]; then
        start_watchdog "$watch_pid" "$datadir" "$datadir/watchdog.pid" "[ -f '$datadir/postmaster.pid' ]"
    fi
    log "PostgreSQL $PG_VERSION ready on 127.0.0.1:$actual_port (data $datadir)"
}

cmd_stop() {
    local datadir=${1:-}
    [ -n "$datadir" ] || usage
    datadir=$(realpath -m "$datadir")
    stop_watchdog "$datadir/watchdog.pid"
    if is_running "$datadir"; then
        pg_ctl_ -D "$datadir" -m fast -w -t 60 -s stop || die "PostgreSQL in $datadir did not stop"
        log "stopped $datadir"
    fi
}

cmd_status() {
    local datadir=${1:-}
    [ -n "$datadir" ] || usage
    datadir=$(realpath -m "$datadir")
    if is_running "$datadir"; then
        echo "running on 127.0.0.1:$(sed -n 4p "$datadir/postmaster.pid") (pid $(head -1 "$datadir/postmaster.pid"))"
    else
        echo "stopped"
        return 3
    fi
}

cmd_wait() {
    local port=${1:-} seconds=${2:-60} i
    valid_port "$port" || usage
    for ((i = 0; i < seconds * 4; i++)); do
        "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -t 1 && return 0
        sleep 0.25
    done
    die "PostgreSQL on port $port did not accept connections within ${seconds}s"
}

case ${1:-} in
    install) cmd_install ;;
    start) shift; cmd_start "$@" ;;
    stop) shift; cmd_stop "$@" ;;
    status) shift; cmd_status "$@" ;;
    wait) shift; cmd_wait "$@" ;;
    *) usage ;;
esac

#!/usr/bin/env bash
# RabbitMQ 3.10 from Debian's packages, on 127.0.0.1, with its data wherever you say.
#
#   deploy/rabbitmq.sh install                              apt-get install rabbitmq-server (only if missing)
#   deploy/rabbitmq.sh start DATADIR PORT [--watch-pid PID] [--dist-port N]
#   deploy/rabbitmq.sh stop DATADIR
#   deploy/rabbitmq.sh status DATADIR                       exit 0 when running
#   deploy/rabbitmq.sh wait DATADIR [SECONDS]               until it accepts connections
#   deploy/rabbitmq.sh ctl DATADIR ARGS...                  rabbitmqctl against this node
#
# Each data directory is its own node (rabbit-PORT@localhost) with mnesia, logs, feature flags and
# plugin list inside DATADIR, so several can run side by side and beside a system-wide RabbitMQ.
# No plugins are enabled (no management UI). The default user guest/guest may connect from
# 127.0.0.1: amqp://guest:guest@127.0.0.1:PORT/
# --watch-pid stops the node when that process exits (so an interrupted test run cleans up).
# As root the node runs as the "rabbitmq" user (Erlang cookie in ~rabbitmq); otherwise as you.
set -euo pipefail
SCRIPT_NAME=rabbitmq.sh
SCRIPT_PATH=$(readlink -f "${BASH_SOURCE[0]}")
# shellcheck source=deploy/lib.sh
source "$(dirname "$SCRIPT_PATH")/lib.sh"

RMQ_BIN=/usr/lib/rabbitmq/bin
RMQ_USER=rabbitmq
RMQ_HOME=/var/lib/rabbitmq
if ! is_root; then RMQ_USER=$(id -un); RMQ_HOME=$HOME; fi

usage() { sed -n '2,17p' "$SCRIPT_PATH" | sed 's/^# \{0,1\}//'; exit 2; }

cmd_install() {
    apt_install rabbitmq-server
}

# The node's settings are written to DATADIR/node.env at start; every other command reads them.
node_env() {
    local datadir=$1
    [ -f "$datadir/node.env" ] || die "no RabbitMQ node in $datadir (start it first)"
    # shellcheck disable=SC1091
    source "$datadir/node.env"
}

# Runs a RabbitMQ tool as the node's user with the node's environment.
rmq() {
    local tool=$1; shift
    run_as "$RMQ_USER" env HOME="$RMQ_HOME" \
        RABBITMQ_NODENAME="$RABBITMQ_NODENAME" \
        RABBITMQ_CONF_ENV_FILE="$RABBITMQ_CONF_ENV_FILE" \
        RABBITMQ_CONFIG_FILE="$RABBITMQ_CONFIG_FILE" \
        RABBITMQ_MNESIA_BASE="$RABBITMQ_MNESIA_BASE" \
        RABBITMQ_LOG_BASE="$RABBITMQ_LOG_BASE" \
        RABBITMQ_PID_FILE="$RABBITMQ_PID_FILE" \
        RABBITMQ_FEATURE_FLAGS_FILE="$RABBITMQ_FEATURE_FLAGS_FILE" \
        RABBITMQ_ENABLED_PLUGINS_FILE="$RABBITMQ_ENABLED_PLUGINS_FILE" \
        RABBITMQ_PLUGINS_EXPAND_DIR="$RABBITMQ_PLUGINS_EXPAND_DIR" \
        RABBITMQ_NODE_IP_ADDRESS="$RABBITMQ_NODE_IP_ADDRESS" \
        RABBITMQ_NODE_PORT="$RABBITMQ_NODE_PORT" \
        RABBITMQ_DIST_PORT="$RABBITMQ_DIST_PORT" \
        ERL_EPMD_ADDRESS=127.0.0.1 \
        "$RMQ_BIN/$tool" "$@"
}

node_pid() { [ -f "$RABBITMQ_PID_FILE" ] && cat "$RABBITMQ_PID_FILE" 2>/dev/null; }

is_running() {
    local pid
    pid=$(node_pid) && [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

free_dist_port() {
    local port=$1 candidate
    candidate=$((port + 20000))
    if [ "$candidate" -le 65535 ] && ! port_in_use "$candidate"; then echo "$candidate"; return; fi
    for ((candidate = 25700; candidate < 26700; candidate++)); do
        port_in_use "$candidate" || { echo "$candidate"; return; }
    done
    die "no free Erlang distribution port"
}

cmd_start() {
    local datadir=${1:-} port=${2:-} watch_pid="" dist_port=""
    [ -n "$datadir" ] && valid_port "$port" || usage
    shift 2
    while [ $# -gt 0 ]; do
        case $1 in
            --watch-pid) watch_pid=${2:-}; shift 2 ;;
            --dist-port) dist_port=${2:-}; shift 2 ;;
            *) usage ;;
        esac
    done
    [ -x "$RMQ_BIN/rabbitmq-server" ] || cmd_install
    datadir=$(realpath -m "$datadir")
    make_owned_dir "$RMQ_USER" "$datadir"

    if [ -f "$datadir/node.env" ]; then
        node_env "$datadir"
        if is_running; then
            [ "$RABBITMQ_NODE_PORT" = "$port" ] || die "$datadir is already running on port $RABBITMQ_NODE_PORT"
            log "already running in $datadir"
            cmd_wait "$datadir" 90
            [ -z "$watch_pid" ] || start_watchdog "$watch_pid" "$datadir" "$datadir/watchdog.pid" "kill -0 \$(cat '$RABBITMQ_PID_FILE' 2>/dev/null) 2>/dev/null"
            return 0
        fi
    fi
    port_in_use "$port" && die "port $port is already in use"
    [ -n "$dist_port" ] || dist_port=$(free_dist_port "$port")

    # The node name carries the port so nodes of different data dirs never collide.
    cat > "$datadir/node.env" <<ENV
RABBITMQ_NODENAME=rabbit-$port@localhost
RABBITMQ_CONF_ENV_FILE=$datadir/rabbitmq-env.conf
RABBITMQ_CONFIG_FILE=$datadir/rabbitmq.conf
RABBITMQ_MNESIA_BASE=$datadir/mnesia
RABBITMQ_LOG_BASE=$datadir/log
RABBITMQ_PID_FILE=$datadir/rabbitmq.pid
RABBITMQ_FEATURE_FLAGS_FILE=$datadir/feature_flags
RABBITMQ_ENABLED_PLUGINS_FILE=$datadir/enabled_plugins
RABBITMQ_PLUGINS_EXPAND_DIR=$datadir/plugins-expand
RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
RABBITMQ_NODE_PORT=$port
RABBITMQ_DIST_PORT=$dist_port
ENV
    node_env "$datadir"
    : > "$RABBITMQ_CONF_ENV_FILE"
    [ -f "$RABBITMQ_ENABLED_PLUGINS_FILE" ] || echo '[].' > "$RABBITMQ_ENABLED_PLUGINS_FILE"
    [ -f "$RABBITMQ_CONFIG_FILE" ] || printf '%s\n' \
        'log.console = false' \
        'log.file.level = info' \
        'disk_free_limit.absolute = 50MB' > "$RABBITMQ_CONFIG_FILE"
    mkdir -p "$RABBITMQ_MNESIA_BASE" "$RABBITMQ_LOG_BASE"
    is_root && chown -R "$RMQ_USER": "$datadir"

    # Erlang's name server must be up before the node registers; starting it ourselves, detached,
    # keeps it from holding the caller's output pipes open.
    if ! tcp_open 4369; then
        setsid "$(command -v epmd)" -address 127.0.0.1 -daemon </dev/null >/dev/null 2>&1 || true
    fi

    rm -f "$RABBITMQ_PID_FILE"
    setsid bash -c "$(declare -f run_as is_root rmq); RMQ_USER='$RMQ_USER' RMQ_HOME='$RMQ_HOME' RMQ_BIN='$RMQ_BIN'; source '$datadir/node.env'; rmq rabbitmq-server" \
        </dev/null >"$RABBITMQ_LOG_BASE/startup.log" 2>&1 &
    local launcher=$!
    local i
    for ((i = 0; i < 360; i++)); do
        tcp_open "$port" && break
        kill -0 "$launcher" 2>/dev/null || { tail -30 "$RABBITMQ_LOG_BASE/startup.log" >&2; die "RabbitMQ exited during start-up (logs: $RABBITMQ_LOG_BASE)"; }
        sleep 0.25
    done
    cmd_wait "$datadir" 90
    [ -z "$watch_pid" ] || start_watchdog "$watch_pid" "$datadir" "$datadir/watchdog.pid" "kill -0 \$(cat '$RABBITMQ_PID_FILE' 2>/dev/null) 2>/dev/null"
    log "RabbitMQ ready on 127.0.0.1:$port (node $RABBITMQ_NODENAME, data $datadir)"
}

cmd_stop() {
    local datadir=${1:-}
    [ -n "$datadir" ] || usage
    datadir=$(realpath -m "$datadir")
    [ -f "$datadir/node.env" ] || return 0
    node_env "$datadir"
    stop_watchdog "$datadir/watchdog.pid"
    is_running || return 0
    local pid i
    pid=$(node_pid)
    rmq rabbitmqctl -q -n "$RABBITMQ_NODENAME" shutdown --timeout 60 >/dev/null 2>&1 || kill "$pid" 2>/dev/null || true
    for ((i = 0; i < 120; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        [ "$i" -eq 80 ] && kill -9 "$pid" 2>/dev/null
        sleep 0.25
    done
    log "stopped $datadir"
}

cmd_status() {
    local datadir=${1:-}
    [ -n "$datadir" ] || usage
    datadir=$(realpath -m "$datadir")
    [ -f "$datadir/node.env" ] || { echo stopped; return 3; }
    node_env "$datadir"
    if is_running && tcp_open "$RABBITMQ_NODE_PORT"; then
        echo "running on 127.0.0.1:$RABBITMQ_NODE_PORT (node $RABBITMQ_NODENAME, pid $(node_pid))"
    else
        echo stopped
        return 3
    fi
}

cmd_wait() {
    local datadir=${1:-} seconds=${2:-60} i
    [ -n "$datadir" ] || usage
    datadir=$(realpath -m "$datadir")
    node_env "$datadir"
    for ((i = 0; i < seconds * 4; i++)); do
        tcp_open "$RABBITMQ_NODE_PORT" && break
        sleep 0.25
    done
    rmq rabbitmqctl -q -n "$RABBITMQ_NODENAME" await_startup --timeout "$seconds" >/dev/null \
        || die "RabbitMQ node $RABBITMQ_NODENAME did not finish starting within ${seconds}s"
}

cmd_ctl() {
    local datadir=${1:-}
    [ -n "$datadir" ] || usage
    shift
    node_env "$(realpath -m "$datadir")"
    rmq rabbitmqctl -q -n "$RABBITMQ_NODENAME" "$@"
}

case ${1:-} in
    install) cmd_install ;;
    start) shift; cmd_start "$@" ;;
    stop) shift; cmd_stop "$@" ;;
    status) shift; cmd_status "$@" ;;
    wait) shift; cmd_wait "$@" ;;
    ctl) shift; cmd_ctl "$@" ;;
    *) usage ;;
esac

#!/usr/bin/env bash
# A production-like OrgRestructure on one machine: PostgreSQL, RabbitMQ, N server nodes and HAProxy
# in front of them on one port (round-robin, health-checked).
#
#   deploy/cluster.sh start DIR [--nodes N] [--port PORT] [--server DLL] [--demo-users] [--watch-pid PID]
#   deploy/cluster.sh stop DIR
#   deploy/cluster.sh status DIR                            exit 0 when HAProxy and every node run
#
# DIR holds everything: pg/ and rabbitmq/ (data), nodeK/ (each node's data directory and logs),
# nodeK.log, nodeK.pid, haproxy.cfg, haproxy.pid, and cluster.env (the ports, for scripts and tests).
# PORT (default 8080) is the one address users and clients use: http://127.0.0.1:PORT/. Every
# answer names the node that served it in the X-Served-By header (node1 … nodeN).
# --server is the built OrgRestructure.Server.dll (default: the Release build in src/).
# --demo-users seeds the demo accounts (README) into the shared database.
# --watch-pid stops the whole cluster when that process exits (so an interrupted test run cleans up).
# The nodes share everything through PostgreSQL (accounts, sign-in keys, tokens, idempotency
# records, events) and RabbitMQ; one of them leads the projection daemon, the outbox relay and the
# deadline scheduler (advisory locks), and another takes over when it dies.
set -euo pipefail
SCRIPT_NAME=cluster.sh
SCRIPT_PATH=$(readlink -f "${BASH_SOURCE[0]}")
DEPLOY=$(dirname "$SCRIPT_PATH")
ROOT=$(dirname "$DEPLOY")
# shellcheck source=deploy/lib.sh
source "$DEPLOY/lib.sh"

usage() { sed -n '2,19p' "$SCRIPT_PATH" | sed 's/^# \{0,1\}//'; exit 2; }

# A free port in 20000–32767, different from the ones already handed out in this run. Below
# Linux's ephemeral range (32768–60999), so an outgoing connection cannot take it between this
# check and the server's bind.
TAKEN=" "
free_port() {
    local port
    while :; do
        port=$((20000 + RANDOM % 12768))
        [[ "$TAKEN" == *" $port "* ]] && continue
        port_in_use "$port" && continue
        TAKEN="$TAKEN$port "
        echo "$port"
        return
    done
}

wait_http() {
    local url=$1 seconds=$2 pid=$3 log=$4 i
    for ((i = 0; i < seconds * 4; i++)); do
        curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null && return 0
        kill -0 "$pid" 2>/dev/null || { tail -30 "$log" >&2; die "the process behind $url exited during start-up (log: $log)"; }
        sleep 0.25
    done
    tail -30 "$log" >&2
    die "$url did not answer within ${seconds}s (log: $log)"
}

start_node() {
    local dir=$1 k=$2 port=$3
    mkdir -p "$dir/node$k"
    # Its own process group, so stop can end the node and nothing else.
    ASPNETCORE_URLS="http://127.0.0.1:$port" \
    ASPNETCORE_ENVIRONMENT=Production \
    ConnectionStrings__EventStore="$EVENTSTORE" \
    ConnectionStrings__RabbitMq="$RABBITMQ" \
    ORGRESTRUCTURE_DATA_DIR="$dir/node$k" \
    DemoUsers__Seed="$DEMO_USERS" \
        setsid dotnet "$SERVER" --contentRoot "$ROOT/src/OrgRestructure.Server" \
        </dev/null >"$dir/node$k.log" 2>&1 &
    echo $! > "$dir/node$k.pid"
}

write_haproxy_config() {
    local dir=$1 port=$2 k
    {
        echo "global"
        echo "    maxconn 2000"
        echo "defaults"
        echo "    mode http"
        echo "    timeout connect 2s"
        echo "    timeout client 120s"
        echo "    timeout server 120s"
        # A node that refuses the connection (killed, restarting) costs a retry on another, not an error.
        echo "    retries 3"
        echo "    option redispatch"
        echo "    option forwardfor"
        echo "    option http-server-close"
        echo "frontend orgrestructure"
        echo "    bind 127.0.0.1:$port"
        echo "    default_backend nodes"
        echo "backend nodes"
        echo "    balance roundrobin"
        echo "    option httpchk GET /health/live"
        echo "    http-check expect status 200"
        echo "    http-response set-header X-Served-By %[srv_name]"
        for ((k = 1; k <= NODES; k++)); do
            echo "    server node$k 127.0.0.1:$(node_port "$k") check inter 1s fall 2 rise 1"
        done
    } > "$dir/haproxy.cfg"
}

node_port() { local var="NODE$1_PORT"; echo "${!var}"; }

cmd_start() {
    local dir=${1:-} watch_pid="" port=8080 k
    [ -n "$dir" ] || usage
    shift
    NODES=3 DEMO_USERS=false SERVER=$ROOT/src/OrgRestructure.Server/bin/Release/net10.0/OrgRestructure.Server.dll
    while [ $# -gt 0 ]; do
        case $1 in
            --nodes) NODES=${2:-}; shift 2 ;;
            --port) port=${2:-}; shift 2 ;;
            --server) SERVER=$(realpath -m "${2:-}"); shift 2 ;;
            --demo-users) DEMO_USERS=true; shift ;;
            --watch-pid) watch_pid=${2:-}; shift 2 ;;
            *) usage ;;
        esac
    done
    [[ "$NODES" =~ ^[1-9][0-9]?$ ]] || die "--nodes: 1 to 99"
    valid_port "$port" || die "--port: not a port: $port"
    [ -f "$SERVER" ] || die "$SERVER not found; build it first (dotnet build src/OrgRestructure.Server -c Release)"
    command -v haproxy >/dev/null || apt_install haproxy
    command -v curl >/dev/null || apt_install curl
    dir=$(realpath -m "$dir")
    if [ -f "$dir/cluster.env" ] && (cmd_status "$dir") >/dev/null 2>&1; then die "a cluster already runs in $dir (stop it first)"; fi
    port_in_use "$port" && die "port $port is already in use"
    mkdir -p "$dir"
    # The postgres and rabbitmq accounts must reach their data directories inside DIR.
    chmod 755 "$dir"
    TAKEN=" $port "

    local pg_port rabbit_port
    pg_port=$(free_port)
    rabbit_port=$(free_port)
    "$DEPLOY/postgres.sh" start "$dir/pg" "$pg_port"
    psql -h 127.0.0.1 -p "$pg_port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'orgrestructure'" | grep -q 1 \
        || psql -h 127.0.0.1 -p "$pg_port" -U postgres -qc "CREATE DATABASE orgrestructure" >/dev/null
    "$DEPLOY/rabbitmq.sh" start "$dir/rabbitmq" "$rabbit_port"
    EVENTSTORE="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=orgrestructure"
    RABBITMQ="amqp://guest:guest@127.0.0.1:$rabbit_port/"

    {
        echo "PORT=$port"
        echo "NODES=$NODES"
        echo "PG_PORT=$pg_port"
        echo "RABBITMQ_PORT=$rabbit_port"
        echo "EVENTSTORE='$EVENTSTORE'"
        echo "RABBITMQ='$RABBITMQ'"
    } > "$dir/cluster.env"
    for ((k = 1; k <= NODES; k++)); do
        printf -v "NODE${k}_PORT" '%s' "$(free_port)"
        echo "NODE${k}_PORT=$(node_port "$k")" >> "$dir/cluster.env"
    done

    # The first node alone first: it migrates the schema and creates the shared data-protection key,
    # so the others find both instead of racing to make their own.
    start_node "$dir" 1 "$(node_port 1)"
    wait_http "http://127.0.0.1:$(node_port 1)/health/live" 120 "$(cat "$dir/node1.pid")" "$dir/node1.log"
    for ((k = 2; k <= NODES; k++)); do
        start_node "$dir" "$k" "$(node_port "$k")"
    done
    for ((k = 2; k <= NODES; k++)); do
        wait_http "http://127.0.0.1:$(node_port "$k")/health/live" 120 "$(cat "$dir/node$k.pid")" "$dir/node$k.log"
    done

    write_haproxy_config "$dir" "$port"
    haproxy -c -q -f "$dir/haproxy.cfg" || die "haproxy.cfg is not valid ($dir/haproxy.cfg)"
    haproxy -D -f "$dir/haproxy.cfg" -p "$dir/haproxy.pid" >"$dir/haproxy.log" 2>&1 || { cat "$dir/haproxy.log" >&2; die "HAProxy did not start"; }
    wait_http "http://127.0.0.1:$port/health/live" 30 "$(head -1 "$dir/haproxy.pid")" "$dir/haproxy.log"

    if [ -n "$watch_pid" ]; then
        start_watchdog "$watch_pid" "$dir" "$dir/watchdog.pid" "[ -f '$dir/haproxy.pid' ]"
    fi
    log "$NODES node(s) behind HAProxy on http://127.0.0.1:$port/ (PostgreSQL :$pg_port, RabbitMQ :$rabbit_port, data $dir)"
}

stop_pid_file() {
    local file=$1 pid i
    [ -f "$file" ] || return 0
    pid=$(head -1 "$file")
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null || true
        for ((i = 0; i < 40; i++)); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.25
        done
        kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$file"
}

cmd_stop() {
    local dir=${1:-} file
    [ -n "$dir" ] || usage
    dir=$(realpath -m "$dir")
    stop_watchdog "$dir/watchdog.pid"
    stop_pid_file "$dir/haproxy.pid"
    for file in "$dir"/node*.pid; do
        [ -e "$file" ] && stop_pid_file "$file" &
    done
    wait
    [ -d "$dir/rabbitmq" ] && "$DEPLOY/rabbitmq.sh" stop "$dir/rabbitmq"
    [ -d "$dir/pg" ] && "$DEPLOY/postgres.sh" stop "$dir/pg"
    log "stopped $dir"
}

cmd_status() {
    local dir=${1:-} k pid rc=0
    [ -n "$dir" ] || usage
    dir=$(realpath -m "$dir")
    [ -f "$dir/cluster.env" ] || { echo "no cluster in $dir"; return 3; }
    # shellcheck disable=SC1091
    source "$dir/cluster.env"
    if [ -f "$dir/haproxy.pid" ] && kill -0 "$(head -1 "$dir/haproxy.pid")" 2>/dev/null; then
        echo "haproxy: running on http://127.0.0.1:$PORT/"
    else
        echo "haproxy: stopped"; rc=3
    fi
    for ((k = 1; k <= NODES; k++)); do
        pid=$(cat "$dir/node$k.pid" 2>/dev/null || true)
        if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
            echo "node$k: running on 127.0.0.1:$(node_port "$k") (pid $pid)"
        else
            echo "node$k: stopped"; rc=3
        fi
    done
    echo "postgresql: $("$DEPLOY/postgres.sh" status "$dir/pg" 2>/dev/null || true)"
    echo "rabbitmq: $("$DEPLOY/rabbitmq.sh" status "$dir/rabbitmq" 2>/dev/null || true)"
    return $rc
}

case ${1:-} in
    start) shift; cmd_start "$@" ;;
    stop) shift; cmd_stop "$@" ;;
    status) shift; cmd_status "$@" ;;
    *) usage ;;
esac

# Helpers shared by deploy/postgres.sh and deploy/rabbitmq.sh. Sourced, not run.
# shellcheck shell=bash

log() { printf '%s: %s\n' "${SCRIPT_NAME:-deploy}" "$*" >&2; }
die() { log "error: $*"; exit 1; }

is_root() { [ "$(id -u)" -eq 0 ]; }

# Installs Debian packages quietly. The package index is refreshed only when something is
# missing, and service auto-start is blocked during the install so the distribution's own
# instance never grabs the default ports (5432/5672) that an operator may be using.
apt_install() {
    local missing=() pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
    done
    [ "${#missing[@]}" -eq 0 ] && return 0
    is_root || die "packages missing (${missing[*]}); run as root or install them with apt-get"
    local policy=/usr/sbin/policy-rc.d created_policy=0
    if [ ! -e "$policy" ]; then
        printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod +x "$policy" && created_policy=1
    fi
    log "installing ${missing[*]}"
    local rc=0
    # A fresh machine may be running its own apt (unattended upgrades): wait for its locks
    # (DPkg::Lock::Timeout) and, should an attempt still fail on a lock, try again for up to 10 minutes.
    local attempt
    for attempt in $(seq 1 20); do
        rc=0
        { apt-get -o DPkg::Lock::Timeout=300 update -qq \
            && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}"; } \
            > /tmp/orgrestructure-apt.log 2>&1 || rc=$?
        [ "$rc" -eq 0 ] && break
        grep -qi 'lock' /tmp/orgrestructure-apt.log || break
        log "apt is busy (attempt $attempt); waiting for its lock"
        sleep 30
    done
    [ "$created_policy" -eq 1 ] && rm -f "$policy"
    [ "$rc" -eq 0 ] || { tail -20 /tmp/orgrestructure-apt.log >&2; die "apt-get failed (log: /tmp/orgrestructure-apt.log)"; }
}

# Runs a command as a service account when we are root; as ourselves otherwise (then the data
# directory simply belongs to us).
run_as() {
    local user=$1; shift
    if is_root && [ "$user" != root ]; then
        runuser -u "$user" -- "$@"
    else
        "$@"
    fi
}

# Creates DIR owned by the service account. Every parent must be traversable by that account.
make_owned_dir() {
    local user=$1 dir=$2
    mkdir -p "$dir"
    if is_root; then
        chown "$user": "$dir"
        runuser -u "$user" -- test -w "$dir" \
            || die "$user cannot reach $dir (a parent directory is not traversable by $user)"
    fi
    chmod 700 "$dir"
}

tcp_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

port_in_use() { ss -Hltn "sport = :$1" 2>/dev/null | grep -q .; }

valid_port() { [[ "$1" =~ ^[0-9]+$ ]] && [ "$1" -ge 1 ] && [ "$1" -le 65535 ]; }

# A detached watchdog that runs "$SCRIPT stop DATADIR" when PID exits, so a test run that is
# killed leaves no server behind. It also ends by itself once the server is gone (ALIVE_CHECK).
# Its pid is kept in DATADIR/../NAME.watchdog.pid so "stop" can end it.
start_watchdog() {
    local pid=$1 datadir=$2 pidfile=$3 alive_check=$4
    kill -0 "$pid" 2>/dev/null || die "--watch-pid $pid: no such process"
    stop_watchdog "$pidfile"
    setsid bash -c '
        watched=$1 script=$2 datadir=$3 alive=$4
        sleep 2
        while kill -0 "$watched" 2>/dev/null && eval "$alive"; do sleep 1; done
        if ! kill -0 "$watched" 2>/dev/null; then ORGRESTRUCTURE_FROM_WATCHDOG=1 "$script" stop "$datadir"; fi
    ' watchdog "$pid" "$SCRIPT_PATH" "$datadir" "$alive_check" </dev/null >/dev/null 2>&1 &
    echo $! > "$pidfile"
}

stop_watchdog() {
    local pidfile=$1 pid
    [ -f "$pidfile" ] || return 0
    pid=$(cat "$pidfile" 2>/dev/null)
    rm -f "$pidfile"
    [ -n "${ORGRESTRUCTURE_FROM_WATCHDOG:-}" ] && return 0
    [ -n "$pid" ] && kill "$pid" 2>/dev/null
    return 0
}

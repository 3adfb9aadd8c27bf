#!/usr/bin/env bash
# The two commands of OrgRestructure.
#
#   ./build.sh run [ARGS...]   start the server in the embedded default (SQLite + in-memory bus)
#                              = dotnet run --project src/OrgRestructure.Server -- ARGS
#   ./build.sh test [ARGS...]  install what is missing (PostgreSQL, RabbitMQ, Chromium via apt),
#                              restore, build Release with warnings as errors, run every test
#                              project (TRX into artifacts/test-results), and end with one line:
#                              "N passed, N failed, N skipped". Exit code 0 only if all passed.
#                              Extra ARGS go to every dotnet test (e.g. --filter Name~health).
#   ./build.sh build           restore + build only
#
# Environment: TEST_JOBS (test projects run at once, default 2), CONFIGURATION (default Release).
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
ROOT=$PWD
CONFIGURATION=${CONFIGURATION:-Release}
TEST_JOBS=${TEST_JOBS:-2}
ARTIFACTS=$ROOT/artifacts
RESULTS=$ARTIFACTS/test-results
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Browser tests drive Debian's chromium; Playwright must not try to download its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
[ -x /usr/bin/chromium ] && export PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH=${PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH:-/usr/bin/chromium}

SCRIPT_NAME=build.sh
# shellcheck source=deploy/lib.sh
source "$ROOT/deploy/lib.sh"

install_prerequisites() {
    command -v dotnet >/dev/null || die "the .NET SDK is required (https://dot.net); see global.json for the version"
    apt_install postgresql-15 postgresql-client-15 rabbitmq-server chromium python3-aiosmtpd haproxy curl
    [ -d "$ROOT/../shared" ] || [ -n "${ORGRESTRUCTURE_SHARED_DIR:-}" ] || [ -d "$ROOT/../../shared" ] \
        || log "warning: ../shared (survey data) not found beside the repository; tests that use it will fail"
}

build() {
    mkdir -p "$ARTIFACTS/logs"
    local log=$ARTIFACTS/logs/build.log
    log "restoring and building ($CONFIGURATION, warnings as errors)"
    if ! { dotnet restore OrgRestructure.sln -nodeReuse:false \
        && dotnet build OrgRestructure.sln -c "$CONFIGURATION" --no-restore -nodeReuse:false \
            -warnaserror -p:TreatWarningsAsErrors=true -clp:ErrorsOnly; } >"$log" 2>&1; then
        grep -E ': (error|warning) ' "$log" | sort -u | head -50 >&2 || tail -50 "$log" >&2
        die "build failed (full log: $log)"
    fi
}

# Longest first, so the slow projects do not start last and leave a core idle: by the durations of
# the previous run when known (new projects first), else by a guess from what the tests use.
test_projects() {
    local durations=$ARTIFACTS/logs/durations.txt project name weight
    for project in $(find tests -mindepth 2 -maxdepth 2 -name '*.Tests.csproj'); do
        name=$(basename "$project" .csproj)
        if [ -f "$durations" ]; then
            weight=$(awk -v n="$name" '$1 == n { print $2 }' "$durations")
            weight=${weight:-99999}
        else
            # Tests that start servers or browsers dominate; plain unit tests are quick.
            weight=$(( $(grep -rlE 'RabbitMqServer|PostgresServer|WebApplicationFactory|Playwright' --include='*.cs' "$(dirname "$project")" | wc -l) * 10
                + $(grep -rlE '\[(Fact|Theory)' --include='*.cs' "$(dirname "$project")" | wc -l) ))
        fi
        echo "$weight $project"
    done | sort -rn | cut -d' ' -f2
}

# Runs one test project; its TRX lands in artifacts/test-results/NAME.trx, its exit code in NAME.rc.
run_test_project() {
    local project=$1; shift
    local name start rc=0
    name=$(basename "$project" .csproj)
    start=$SECONDS
    dotnet test "$project" -c "$CONFIGURATION" --no-build --nologo \
        --logger "trx;LogFileName=$name.trx" --results-directory "$RESULTS" \
        --blame-hang-timeout 8m "$@" >"$ARTIFACTS/logs/$name.log" 2>&1 || rc=$?
    echo "$rc" >"$RESULTS/$name.rc"
    echo "$name $((SECONDS - start))" >>"$RESULTS/durations.txt"
    if [ "$rc" -ne 0 ]; then
        # Show the failures themselves, not the whole log.
        grep -E '^\s+(Failed |Error Message:)' -A2 "$ARTIFACTS/logs/$name.log" | head -40 >&2 || true
    fi
    printf '%-36s %s in %ss\n' "$name" "$([ "$rc" -eq 0 ] && echo ok || echo "FAILED (log: artifacts/logs/$name.log)")" $((SECONDS - start)) >&2
}

count() { grep -c "$1" <<<"$2" || true; }

# Counts test outcomes over every TRX file: "N passed, N failed, N skipped". A project whose test
# run failed without a failed test in its TRX (crash, hang, no results) counts as one failure.
summarize() {
    local passed=0 failed=0 skipped=0 rcfile name trx outcomes project_failed
    for rcfile in "$RESULTS"/*.rc; do
        [ -f "$rcfile" ] || continue
        name=$(basename "$rcfile" .rc)
        trx=$RESULTS/$name.trx
        outcomes=""
        [ -f "$trx" ] && outcomes=$(grep -o '<UnitTestResult [^>]*' "$trx" | grep -o ' outcome="[A-Za-z]*"' || true)
        passed=$((passed + $(count '"Passed"' "$outcomes")))
        skipped=$((skipped + $(count '"NotExecuted"' "$outcomes")))
        project_failed=$(grep -cvE '"(Passed|NotExecuted)"|^$' <<<"$outcomes" || true)
        [ "$(cat "$rcfile")" != 0 ] && [ "$project_failed" -eq 0 ] && project_failed=1
        failed=$((failed + project_failed))
    done
    echo "$passed passed, $failed failed, $skipped skipped"
    [ "$failed" -eq 0 ]
}

cmd_test() {
    install_prerequisites
    build
    rm -rf "$RESULTS"
    mkdir -p "$RESULTS" "$ARTIFACTS/logs"
    local project
    for project in $(test_projects); do
        while [ "$(jobs -rp | wc -l)" -ge "$TEST_JOBS" ]; do wait -n || true; done
        run_test_project "$project" "$@" &
    done
    wait
    mv "$RESULTS/durations.txt" "$ARTIFACTS/logs/durations.txt" 2>/dev/null || true
    summarize
}

case ${1:-} in
    run)
        shift
        # dotnet run starts the server in its project folder; keep the data beside the repository's root instead.
        export ORGRESTRUCTURE_DATA_DIR=${ORGRESTRUCTURE_DATA_DIR:-$ROOT/data}
        exec dotnet run --project src/OrgRestructure.Server -- "$@" ;;
    test) shift; cmd_test "$@" ;;
    build) install_prerequisites; build ;;
    *) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac

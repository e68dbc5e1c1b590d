# Runs a Lambda function locally as Lambda does, against runtime_api.py (a stand-in for the Runtime
# API); sourced by run-function-zip.sh, the custom runtime's build (its training run) and
# bench/lambda-coldstart.sh. Source it from the repository root; needs python3.

LAMBDA_HARNESS=deploy/lambda/harness

# The variables Lambda sets for every runtime, for a function of MEMORY_MB (default 1024).
lambda_environment() {
    echo AWS_LAMBDA_FUNCTION_NAME=boxoffice AWS_LAMBDA_FUNCTION_VERSION=1 AWS_REGION=us-east-1 \
        AWS_LAMBDA_FUNCTION_MEMORY_SIZE="${MEMORY_MB:-1024}" TZ=:UTC
}

# start_runtime_api EVENTS RESULTS [PID_FILE]: the stand-in on a free port; sets RUNTIME_API (host:port)
# and RUNTIME_API_PID. It exits once every event is answered (or after 180 s).
start_runtime_api() {
    local port
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    python3 "$LAMBDA_HARNESS/runtime_api.py" "$port" "$@" &
    RUNTIME_API_PID=$!
    RUNTIME_API=127.0.0.1:$port
    for _ in $(seq 1 50); do
        (true <> "/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
        sleep 0.1
    done
}

# start_custom_runtime TASK LOG HANDLER [VARIABLE=VALUE...]: TASK/bootstrap (an unzipped
# function-custom.zip), as Lambda starts it; sets FUNCTION_PID (the JVM's, as the bootstrap execs it).
start_custom_runtime() {
    local task=$1 log=$2 handler=$3; shift 3
    # shellcheck disable=SC2046
    env $(lambda_environment) AWS_LAMBDA_RUNTIME_API="$RUNTIME_API" _HANDLER="$handler" \
        LAMBDA_TASK_ROOT="$(cd "$task" && pwd)" "$@" "$task/bootstrap" > "$log" 2>&1 &
    FUNCTION_PID=$!
}

# finish_function: waits until the stand-in has every answer, then ends the function with SIGTERM, as
# Lambda does: the JVM exits normally (so a training run writes its AOT cache). Fails if an event went
# unanswered.
finish_function() {
    local status=0
    wait "$RUNTIME_API_PID" || status=$?
    kill -TERM "$FUNCTION_PID" 2>/dev/null || true
    wait "$FUNCTION_PID" 2>/dev/null || true
    return "$status"
}

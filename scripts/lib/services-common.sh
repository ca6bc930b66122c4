# shellcheck shell=bash
# shellcheck disable=SC2016
# (SC2016: the bash -c bodies expand their own positional parameters.)
# Helpers for scripts/services.sh: output, TCP/HTTP probes, pid files, background launch.
# Expects RUN_DIR, LOG_DIR and SERVICES_BIND to be set by the caller.

info() { printf '%s\n' "$*"; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

is_root() { [[ "$(id -u)" -eq 0 ]]; }

# Print the last lines of a service log (used when a service fails).
show_log() {
  local log="$LOG_DIR/$1.log"
  if [[ -s "$log" ]]; then
    printf -- '--- last 20 lines of %s ---\n' "$log" >&2
    tail -n 20 "$log" >&2
    printf -- '---\n' >&2
  else
    printf '(no log output in %s)\n' "$log" >&2
  fi
}

# tcp_open PORT [HOST]: true when something accepts TCP connections there.
tcp_open() {
  timeout 3 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "${2:-$SERVICES_BIND}" "$1" 2>/dev/null
}

# http_answers PORT: true when an HTTP server answers (any status) on the port.
http_answers() {
  timeout 3 bash -c '
    exec 3<>"/dev/tcp/$1/$2" || exit 1
    printf "GET / HTTP/1.0\r\nHost: %s\r\n\r\n" "$1" >&3
    IFS= read -r line <&3 && [[ "$line" == HTTP/* ]]' _ "$SERVICES_BIND" "$1" 2>/dev/null
}

# smtp_answers PORT: true when the port greets with a 220 banner.
smtp_answers() {
  timeout 3 bash -c '
    exec 3<>"/dev/tcp/$1/$2" || exit 1
    IFS= read -r line <&3 && [[ "$line" == 220* ]] || exit 1
    printf "QUIT\r\n" >&3' _ "$SERVICES_BIND" "$1" 2>/dev/null
}

# alive PID: process exists and is not a zombie (an exited daemon stays a zombie until the
# init process reaps it, which can take a while in containers).
alive() {
  local stat
  kill -0 "$1" 2>/dev/null || return 1
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 0
  stat="${stat##*) }" # fields after "(comm) "; the first is the state letter
  [[ "${stat%% *}" != Z ]]
}

pid_file() { printf '%s/%s.pid\n' "$RUN_DIR" "$1"; }

# own_pid NAME PATTERN: print the pid from NAME's pid file if that process is alive and its
# command line contains PATTERN (guards against a recycled pid); else remove a stale file.
own_pid() {
  local file pid
  file="$(pid_file "$1")"
  [[ -f "$file" ]] || return 1
  pid="$(tr -dc '0-9' <"$file")"
  if [[ -n "$pid" ]] && alive "$pid" &&
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$2"; then
    printf '%s\n' "$pid"
    return 0
  fi
  rm -f "$file"
  return 1
}

# launch NAME CMD...: run CMD detached (own session, no stdin, output appended to the
# service log) and record its pid.
launch() {
  local name="$1"; shift
  local log="$LOG_DIR/$name.log"
  printf '\n=== %s starting %s ===\n' "$(date '+%F %T')" "$name" >>"$log"
  if command -v setsid >/dev/null; then
    setsid nohup "$@" >>"$log" 2>&1 </dev/null &
  else
    nohup "$@" >>"$log" 2>&1 </dev/null &
  fi
  printf '%s\n' "$!" >"$(pid_file "$name")"
}

# wait_healthy NAME SECONDS CHECK...: poll CHECK until it succeeds; give up early if the
# process recorded for NAME has exited.
wait_healthy() {
  local name="$1" secs="$2"; shift 2
  local deadline=$((SECONDS + secs)) pid
  pid="$(tr -dc '0-9' <"$(pid_file "$name")" 2>/dev/null || true)"
  while ((SECONDS < deadline)); do
    "$@" && return 0
    if [[ -n "$pid" ]] && ! alive "$pid"; then
      printf 'ERROR: %s exited during startup\n' "$name" >&2
      return 1
    fi
    sleep 0.3
  done
  printf 'ERROR: %s not healthy after %ss\n' "$name" "$secs" >&2
  return 1
}

# stop_pid NAME PATTERN: TERM the recorded process, wait up to 15s, then KILL.
stop_pid() {
  local name="$1" pattern="$2" pid i
  if ! pid="$(own_pid "$name" "$pattern")"; then
    info "$name: not running (no live pid file)"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 150; i++)); do
    alive "$pid" || break
    sleep 0.1
  done
  if alive "$pid"; then
    warn "$name (pid $pid) ignored SIGTERM for 15s; sending SIGKILL"
    # launch() made it a session/group leader: kill its whole group (e.g. dockerd's containerd).
    if [[ "$(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ')" == "$pid" ]]; then
      kill -KILL -- "-$pid" 2>/dev/null || true
    fi
    kill -KILL "$pid" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do alive "$pid" || break; sleep 0.1; done
  fi
  rm -f "$(pid_file "$name")"
  info "$name: stopped (pid $pid)"
}

#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR disable=SC2016
# (SC2016: SQL backticks inside single quotes are literal on purpose.)
# Project-local backing services for development and tests (no systemd, no containers).
#
#   scripts/services.sh start|stop|status|restart [mariadb|redis|s3|smtp|docker ...]
#
# Without names, acts on all services. All data lives under $DATA_DIR (default <repo>/.data):
# pid files in run/, logs in log/. Settings come from the environment, then <repo>/.env
# (optional; a variable already set in the environment wins), then the defaults below.
# Docker is optional: if no engine answers, dockerd is started when possible (root), otherwise
# a notice is printed; docker never makes `start` or `status` fail.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if [[ -f "$ROOT/.env" ]]; then
  _saved_env="$(export -p)"
  set -a
  # shellcheck disable=SC1091
  . "$ROOT/.env"
  set +a
  eval "$_saved_env" 2>/dev/null || true
  unset _saved_env
fi

: "${DATA_DIR:=$ROOT/.data}"
[[ "$DATA_DIR" == /* ]] || DATA_DIR="$ROOT/$DATA_DIR"
: "${SERVICES_BIND:=127.0.0.1}"
: "${SERVICES_AUTO_INSTALL:=1}"
: "${MARIADB_PORT:=3307}"
: "${DB_USER:=omervision}"
: "${DB_PASSWORD:=omervision}"
: "${DB_NAME:=omervision}"
: "${DB_TEST_NAME:=omervision_test}"
: "${REDIS_PORT:=6380}"
: "${S3_PORT:=9100}"
: "${S3_BUCKET:=omervision-media}"
: "${SMTP_PORT:=2525}"

RUN_DIR="$DATA_DIR/run"
LOG_DIR="$DATA_DIR/log"
MYSQL_DIR="$DATA_DIR/mysql"
MYSQL_SOCK="$RUN_DIR/mysqld.sock"
REDIS_DIR="$DATA_DIR/redis"
S3_DIR="$DATA_DIR/s3"
MAIL_DIR="$DATA_DIR/mail"
export SERVICES_BIND S3_PORT S3_BUCKET S3_DIR SMTP_PORT MAIL_DIR

# shellcheck source=lib/services-common.sh
. "$ROOT/scripts/lib/services-common.sh"

ALL_SERVICES=(mariadb redis s3 smtp docker)

have() { local c; for c; do command -v "$c" >/dev/null 2>&1 || return 1; done; }
mariadbd_bin() { command -v mariadbd 2>/dev/null || { [[ -x /usr/sbin/mariadbd ]] && echo /usr/sbin/mariadbd; }; }
dockerd_bin() { command -v dockerd 2>/dev/null || { [[ -x /usr/sbin/dockerd ]] && echo /usr/sbin/dockerd; }; }

# ---------------------------------------------------------------- packages
ensure_packages() {
  local s pkgs=() want_docker=0
  for s; do
    case "$s" in
      mariadb) { mariadbd_bin >/dev/null && have mariadb-install-db mariadb-admin mariadb; } ||
        pkgs+=(mariadb-server mariadb-client) ;;
      redis) have redis-server redis-cli || pkgs+=(redis-server) ;;
      docker)
        dockerd_bin >/dev/null || want_docker=1
        # The PaaS private-repository tests run an sshd of their own (never the system service).
        [[ -x /usr/sbin/sshd ]] || pkgs+=(openssh-server) ;;
    esac
  done
  ((${#pkgs[@]})) || return 0
  if ! is_root || [[ ! -f /etc/debian_version ]] || ! have apt-get || [[ "$SERVICES_AUTO_INSTALL" == 0 ]]; then
    printf 'ERROR: missing packages: %s\nInstall them, e.g. on Debian/Ubuntu:\n' "${pkgs[*]}" >&2
    printf '  sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y %s\n' "${pkgs[*]}" >&2
    exit 1
  fi
  info "installing ${pkgs[*]} with apt-get ..."
  # Keep package scripts from starting system-wide daemons (we run our own instances).
  local policy=/usr/sbin/policy-rc.d added_policy=0
  if [[ ! -e "$policy" ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && added_policy=1
  fi
  local rc=0
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${pkgs[@]}" || rc=$?
  if ((rc == 0 && want_docker)); then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io ||
      warn "could not install docker.io (optional; the PaaS features need Docker)"
  fi
  ((added_policy)) && rm -f "$policy"
  ((rc == 0)) || die "apt-get install ${pkgs[*]} failed (exit $rc)"
}

# ---------------------------------------------------------------- generic start
# start_common NAME PATTERN PORT HEALTH TIMEOUT CMD...: idempotent start with health check.
start_common() {
  local name="$1" pattern="$2" port="$3" health="$4" secs="$5" pid
  shift 5
  if "$health"; then
    if pid="$(own_pid "$name" "$pattern")"; then
      info "$name: already running on $SERVICES_BIND:$port (pid $pid)"
    else
      info "$name: already answering on $SERVICES_BIND:$port (not started by this script)"
    fi
    return 0
  fi
  if pid="$(own_pid "$name" "$pattern")"; then
    info "$name: pid $pid exists but is not healthy yet; waiting"
  elif tcp_open "$port"; then
    printf 'ERROR: %s: port %s:%s is in use by another program\n' "$name" "$SERVICES_BIND" "$port" >&2
    return 1
  else
    launch "$name" "$@"
  fi
  if wait_healthy "$name" "$secs" "$health"; then
    info "$name: started on $SERVICES_BIND:$port (pid $(own_pid "$name" "$pattern" || echo '?'))"
    return 0
  fi
  printf 'ERROR: %s failed to start\n' "$name" >&2
  show_log "$name"
  stop_pid "$name" "$pattern" >/dev/null 2>&1 || true
  return 1
}

# ---------------------------------------------------------------- mariadb
mariadb_healthy() {
  [[ -S "$MYSQL_SOCK" ]] &&
    timeout 5 mariadb-admin --no-defaults --socket="$MYSQL_SOCK" --connect-timeout=2 ping >/dev/null 2>&1
}

mariadb_bootstrap() {
  local q="'${DB_PASSWORD//\'/\'\'}'" u h
  {
    printf 'CREATE DATABASE IF NOT EXISTS `%s` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;\n' \
      "$DB_NAME" "$DB_TEST_NAME"
    for h in 127.0.0.1 localhost; do
      u="'$DB_USER'@'$h'"
      printf 'CREATE USER IF NOT EXISTS %s IDENTIFIED BY %s;\n' "$u" "$q"
      # ALL on the app and test databases, plus any `<db>_...` database (tests create/drop
      # extra databases; ALL includes CREATE and DROP at database level).
      printf 'GRANT ALL PRIVILEGES ON `%s`.* TO %s;\n' "$DB_NAME" "$u" "$DB_TEST_NAME" "$u"
      printf 'GRANT ALL PRIVILEGES ON `%s\\_%%`.* TO %s;\n' "${DB_NAME//_/\\_}" "$u"
    done
    printf 'FLUSH PRIVILEGES;\n'
  } | mariadb --no-defaults --socket="$MYSQL_SOCK" -u "$(id -un)" >>"$LOG_DIR/mariadb.log" 2>&1
}

start_mariadb() {
  local user_opt=()
  is_root && user_opt=(--user=root)
  if ! mariadb_healthy && [[ ! -d "$MYSQL_DIR/mysql" ]]; then
    info "mariadb: initialising $MYSQL_DIR"
    mkdir -p "$MYSQL_DIR"
    if ! mariadb-install-db --no-defaults --datadir="$MYSQL_DIR" "${user_opt[@]}" --skip-test-db \
      --skip-name-resolve >>"$LOG_DIR/mariadb.log" 2>&1; then
      printf 'ERROR: mariadb: mariadb-install-db failed\n' >&2
      show_log mariadb
      rm -rf "$MYSQL_DIR"
      return 1
    fi
  fi
  start_common mariadb "--datadir=$MYSQL_DIR" "$MARIADB_PORT" mariadb_healthy 30 \
    "$(mariadbd_bin)" --no-defaults "${user_opt[@]}" --datadir="$MYSQL_DIR" \
    --socket="$MYSQL_SOCK" --pid-file="$(pid_file mariadb)" --log-error="$LOG_DIR/mariadb.log" \
    --port="$MARIADB_PORT" --bind-address="$SERVICES_BIND" --skip-name-resolve \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
    --innodb-buffer-pool-size=128M --performance-schema=OFF --skip-log-bin \
    --innodb-flush-log-at-trx-commit=2 || return 1
  if [[ ! -f "$MYSQL_DIR/.omervision-bootstrapped" ]]; then
    info "mariadb: creating databases $DB_NAME, $DB_TEST_NAME and user $DB_USER"
    if ! mariadb_bootstrap; then
      printf 'ERROR: mariadb: creating databases/user failed\n' >&2
      show_log mariadb
      return 1
    fi
    touch "$MYSQL_DIR/.omervision-bootstrapped"
  fi
}
stop_mariadb() { stop_pid mariadb "--datadir=$MYSQL_DIR"; }

# ---------------------------------------------------------------- redis
redis_healthy() { [[ "$(timeout 3 redis-cli -h "$SERVICES_BIND" -p "$REDIS_PORT" ping 2>/dev/null)" == PONG ]]; }
start_redis() {
  mkdir -p "$REDIS_DIR"
  start_common redis redis-server "$REDIS_PORT" redis_healthy 15 \
    redis-server --bind "$SERVICES_BIND" --port "$REDIS_PORT" --dir "$REDIS_DIR" \
    --daemonize no --appendonly no --protected-mode yes
}
stop_redis() { stop_pid redis redis-server; }

# ---------------------------------------------------------------- s3 (s3rver)
node_ready() {
  have node || { printf 'ERROR: %s: node is not on PATH\n' "$1" >&2; return 1; }
  [[ -f "$ROOT/node_modules/$2/package.json" ]] || { printf 'ERROR: %s: %s not installed; run npm ci\n' "$1" "$2" >&2; return 1; }
}
s3_healthy() { http_answers "$S3_PORT"; }
start_s3() {
  node_ready s3 s3rver || return 1
  start_common s3 s3-server.mjs "$S3_PORT" s3_healthy 20 node "$ROOT/scripts/local/s3-server.mjs"
}
stop_s3() { stop_pid s3 s3-server.mjs; }

# ---------------------------------------------------------------- smtp sink
smtp_healthy() { smtp_answers "$SMTP_PORT"; }
start_smtp() {
  node_ready smtp smtp-server || return 1
  start_common smtp smtp-sink.mjs "$SMTP_PORT" smtp_healthy 20 node "$ROOT/scripts/local/smtp-sink.mjs"
}
stop_smtp() { stop_pid smtp smtp-sink.mjs; }

# ---------------------------------------------------------------- docker (optional)
docker_healthy() { have docker && timeout 10 docker info >/dev/null 2>&1; }
docker_notice() {
  warn "docker: $1. The PaaS features (building/running deployed apps) need a Docker engine;" \
    "everything else works without it."
}
start_docker() {
  local bin
  if docker_healthy; then info "docker: engine available"; return 0; fi
  if ! bin="$(dockerd_bin)" || ! have docker; then
    docker_notice "not installed (Debian: apt-get install docker.io)"; return 0
  fi
  if ! is_root; then docker_notice "no engine answers and starting dockerd needs root"; return 0; fi
  if ! own_pid dockerd dockerd >/dev/null; then
    info "docker: starting dockerd (log: $LOG_DIR/dockerd.log)"
    launch dockerd "$bin"
  fi
  if wait_healthy dockerd 30 docker_healthy; then
    info "docker: dockerd started (pid $(own_pid dockerd dockerd || echo '?'))"
  else
    show_log dockerd
    stop_pid dockerd dockerd >/dev/null 2>&1 || true
    docker_notice "dockerd could not be started (see log above)"
  fi
  return 0
}
stop_docker() {
  if own_pid dockerd dockerd >/dev/null; then stop_pid dockerd dockerd
  else info "docker: not started by this script; left alone"; fi
}

# ---------------------------------------------------------------- commands
service_port() {
  case "$1" in mariadb) echo "$MARIADB_PORT" ;; redis) echo "$REDIS_PORT" ;;
    s3) echo "$S3_PORT" ;; smtp) echo "$SMTP_PORT" ;; esac
}

cmd_start() {
  local s failed=()
  mkdir -p "$RUN_DIR" "$LOG_DIR"
  ensure_packages "$@"
  for s; do "start_$s" || failed+=("$s"); done
  if ((${#failed[@]})); then
    printf 'ERROR: failed to start: %s (logs in %s)\n' "${failed[*]}" "$LOG_DIR" >&2
    return 1
  fi
}

cmd_stop() {
  local i
  for ((i = $# ; i >= 1; i--)); do "stop_${!i}"; done
}

cmd_status() {
  local s down=0 pid line
  for s; do
    pid=""
    if [[ "$s" == docker ]]; then
      if docker_healthy; then
        pid="$(own_pid dockerd dockerd || true)"
        line="up      ${pid:+dockerd pid $pid (started by this script)}"
        [[ -n "$pid" ]] || line+="engine not managed by this script"
      else
        line="down    (optional)"
      fi
    elif "${s}_healthy"; then
      case "$s" in mariadb) pid="$(own_pid mariadb "--datadir=$MYSQL_DIR" || true)" ;;
        redis) pid="$(own_pid redis redis-server || true)" ;;
        s3) pid="$(own_pid s3 s3-server.mjs || true)" ;; smtp) pid="$(own_pid smtp smtp-sink.mjs || true)" ;; esac
      line="up      $SERVICES_BIND:$(service_port "$s")  ${pid:+pid $pid}"
      [[ -n "$pid" ]] || line+="(not started by this script)"
    else
      line="down    $SERVICES_BIND:$(service_port "$s")"
      down=1
    fi
    printf '%-8s %s\n' "$s" "$line"
  done
  return "$down"
}

usage() {
  local IFS='|'
  printf 'usage: %s start|stop|status|restart [%s ...]\n' "$0" "${ALL_SERVICES[*]}" >&2
  exit 2
}

main() {
  local cmd="${1:-}" s names=()
  [[ $# -gt 0 ]] && shift
  for s; do
    case "$s" in
      mariadb | mysql) names+=(mariadb) ;; redis) names+=(redis) ;; s3) names+=(s3) ;;
      smtp | mail) names+=(smtp) ;; docker | dockerd) names+=(docker) ;;
      *) printf 'unknown service: %s\n' "$s" >&2; usage ;;
    esac
  done
  ((${#names[@]})) || names=("${ALL_SERVICES[@]}")
  case "$cmd" in
    start) cmd_start "${names[@]}" ;;
    stop) cmd_stop "${names[@]}" ;;
    status) cmd_status "${names[@]}" ;;
    restart) cmd_stop "${names[@]}" && cmd_start "${names[@]}" ;;
    *) usage ;;
  esac
}

main "$@"

#!/usr/bin/env bash
# The image registry the PaaS `swarm` driver pushes app images to, so every node can pull them:
# Debian's `docker-registry` (distribution 2.8) as a plain process, listening on 127.0.0.1 only.
#
#   scripts/registry.sh start|stop|status
#
# Address: PAAS_REGISTRY (default 127.0.0.1:5000; the Docker Engine treats 127.0.0.0/8 as a
# registry it may use over plain HTTP). Storage under $DATA_DIR/registry; pid file and log under
# $DATA_DIR/run and $DATA_DIR/log. The package is installed with apt-get when missing (root on
# Debian/Ubuntu), with its own system service kept from starting: the packaged configuration
# listens on every interface. `start` prints `started` or `running` (already answering), so a caller
# can stop only what it started.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
: "${DATA_DIR:=$ROOT/.data}"
[[ "$DATA_DIR" == /* ]] || DATA_DIR="$ROOT/$DATA_DIR"
: "${PAAS_REGISTRY:=127.0.0.1:5000}"
HOST="${PAAS_REGISTRY%:*}"
PORT="${PAAS_REGISTRY##*:}"
DIR="$DATA_DIR/registry"
PID_FILE="$DATA_DIR/run/registry.pid"
LOG="$DATA_DIR/log/registry.log"

die() { printf 'registry: %s\n' "$*" >&2; exit 1; }
answers() { curl -fsS -o /dev/null --max-time 2 "http://$HOST:$PORT/v2/" 2>/dev/null; }
own_pid() {
  local pid
  [[ -f "$PID_FILE" ]] || return 1
  pid="$(cat "$PID_FILE")"
  [[ "$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" == *docker-registry* ]] && printf '%s\n' "$pid"
}

ensure_package() {
  command -v docker-registry >/dev/null && return 0
  [[ "$(id -u)" -eq 0 && -f /etc/debian_version ]] || die "docker-registry is missing: sudo apt-get install -y docker-registry"
  local policy=/usr/sbin/policy-rc.d added=0
  # Keep the package from starting its system service (it would listen on every interface).
  if [[ ! -e "$policy" ]]; then printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && added=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y docker-registry >/dev/null || { ((added)) && rm -f "$policy"; die "apt-get install docker-registry failed"; }
  ((added)) && rm -f "$policy"
  return 0
}

start() {
  case "$HOST" in 127.*|localhost) ;; *) die "PAAS_REGISTRY=$PAAS_REGISTRY: this script runs a registry on loopback only; run a TLS registry for other addresses" ;; esac
  if answers; then echo running; return 0; fi
  ensure_package
  mkdir -p "$DIR/storage" "$(dirname "$PID_FILE")" "$(dirname "$LOG")"
  cat >"$DIR/config.yml" <<EOF
version: 0.1
log: { level: warn }
storage:
  filesystem: { rootdirectory: $DIR/storage }
  delete: { enabled: true }
  cache: { blobdescriptor: inmemory }
http:
  addr: $HOST:$PORT
  headers: { X-Content-Type-Options: [nosniff] }
EOF
  nohup docker-registry serve "$DIR/config.yml" >>"$LOG" 2>&1 &
  echo $! >"$PID_FILE"
  for _ in $(seq 1 50); do
    if answers; then echo started; return 0; fi
    sleep 0.1
  done
  tail -n 20 "$LOG" >&2
  die "did not answer on $HOST:$PORT"
}

stop() {
  local pid
  pid="$(own_pid)" || { echo "not started by this script"; return 0; }
  kill "$pid"
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  rm -f "$PID_FILE"
  echo stopped
}

case "${1:-status}" in
  start) start ;;
  stop) stop ;;
  status) if answers; then echo "answering on $HOST:$PORT"; else echo "not answering on $HOST:$PORT"; exit 1; fi ;;
  *) die "usage: scripts/registry.sh start|stop|status" ;;
esac

#!/usr/bin/env bash
# `make test-swarm`: the PaaS integration suite with the `swarm` driver on a one-node swarm, leaving
# the engine as it was found.
#
#   scripts/test-swarm.sh                  # the PaaS test files with PAAS_DRIVER=swarm
#   scripts/test-swarm.sh -- <command…>    # any command inside the same setup (benchmarks, experiments)
#
#  1. a swarm: `docker swarm init --advertise-addr 127.0.0.1` only when this engine is in none;
#  2. the registry the driver pushes to (scripts/registry.sh: 127.0.0.1:5000) when none answers;
#  3. the tests (TEST_DATABASE_URL / TEST_REDIS_PREFIX pass through);
#  4. whatever it started, stopped: `docker swarm leave --force` (then the task containers, the
#     docker_gwbridge network and the driver's ov-paas-egress-config network that swarm leaves behind)
#     only when step 1 initialised the swarm, the registry only when step 2 started it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$(scripts/toolchain.sh):$PATH"

info() { printf '\033[1mtest-swarm:\033[0m %s\n' "$*"; }
started=$SECONDS
initialised=0
gwbridge_before=0
egress_config_before=0
tasks_before=''
registry_started=0

cleanup() {
  local status=$?
  if ((registry_started)); then scripts/registry.sh stop >/dev/null || true; info "registry stopped"; fi
  if ((initialised)); then
    docker swarm leave --force >/dev/null || true
    # Left behind by the swarm this run made: stopped task containers, docker_gwbridge, and the
    # swarm driver's node-local egress configuration (none of them was here before).
    comm -13 <(printf '%s\n' "$tasks_before" | sort) <(docker ps -aq --no-trunc --filter label=com.docker.swarm.task.id | sort) | xargs -r docker rm -f >/dev/null 2>&1 || true
    if ((!gwbridge_before)); then docker network rm docker_gwbridge >/dev/null 2>&1 || true; fi
    if ((!egress_config_before)); then docker network rm ov-paas-egress-config >/dev/null 2>&1 || true; fi
    info "left the swarm this run initialised"
  fi
  info "done in $((SECONDS - started)) s (status $status)"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

docker info >/dev/null 2>&1 || { echo "test-swarm: no Docker engine answers (scripts/services.sh start docker)" >&2; exit 1; }
state="$(docker info --format '{{.Swarm.LocalNodeState}}')"
case "$state" in
  active)
    [[ "$(docker info --format '{{.Swarm.ControlAvailable}}')" == true ]] || { echo "test-swarm: this engine is a swarm worker, not a manager" >&2; exit 1; }
    info "using the swarm this engine is already in" ;;
  inactive)
    docker network inspect docker_gwbridge >/dev/null 2>&1 && gwbridge_before=1
    docker network inspect ov-paas-egress-config >/dev/null 2>&1 && egress_config_before=1
    tasks_before="$(docker ps -aq --no-trunc --filter label=com.docker.swarm.task.id)"
    docker swarm init --advertise-addr 127.0.0.1 >/dev/null
    initialised=1
    info "initialised a one-node swarm (left again at the end)" ;;
  *) echo "test-swarm: the engine's swarm state is '$state'; settle it first" >&2; exit 1 ;;
esac

case "$(scripts/registry.sh start)" in
  started) registry_started=1; info "registry started on ${PAAS_REGISTRY:-127.0.0.1:5000}" ;;
  *) info "using the registry answering on ${PAAS_REGISTRY:-127.0.0.1:5000}" ;;
esac

export PAAS_DRIVER=swarm
if [[ "${1:-}" == -- ]]; then
  shift
  "$@"
else
  npx vitest run --project integration api/test/paas.test.ts api/test/paas-sandbox.test.ts api/test/paas-runtime-logs.test.ts "$@"
fi

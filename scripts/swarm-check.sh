#!/usr/bin/env bash
# `make swarm-check`: the stack of deploy/swarm/stack.yaml deployed with `docker stack deploy` on a
# one-node swarm on this machine, checked through its HTTPS front door, then removed, leaving the
# engine as it was found.
#
#   scripts/swarm-check.sh        # SWARM_CHECK_KEEP=1 leaves the stack (and the swarm) up
#                                 # SWARM_CHECK_BUILD=0 pushes the images an earlier run built
#
#  1. a swarm: `docker swarm init --advertise-addr 127.0.0.1` only when this engine is in none (as
#     scripts/test-swarm.sh); the node labelled omervision.data/edge/paas (labels it added, removed);
#  2. its own registry on 127.0.0.1:5055 (scripts/registry.sh with its own data folder), unless one
#     answers there: every image the stack runs is pushed to it and pulled back by the swarm, as
#     every node of a real swarm would (a port of its own, so a test-swarm run's registry on :5000
#     is never stopped under it);
#  3. images: api and site built from this checkout (classic builder, the local Node image of make
#     paas-images), the stand-ins of compose.local.yaml (deploy/local), pushed;
#  4. `docker stack deploy -c deploy/swarm/stack.yaml -c deploy/swarm/stack.local.yaml` as stack
#     ovswarmcheck (HTTP 18280, HTTPS 18643, overlay 10.231.97.0/24, a local fixture repository for
#     the PaaS), then convergence: every service at its replica count, setup complete;
#  5. checks: 2 api + 2 worker (+ 2 router) tasks running; the egress agent's stamp on this node;
#     prod-check's smoke (scripts/prod-check/smoke.ts front) through https://…:18643 — ready,
#     redirect/HSTS, login, a published post on the site, an upload's variant, a PaaS app deployed
#     from the fixture repository answering through the router; the hourly cleanup job run once
#     across both workers and the minute's publishing job once per minute (Redis job counters);
#     the app redeployed while it is polled every 0.2 s through the front door: no failed request
#     (scripts/swarm-check/redeploy.ts), then deleted;
#  6. timings per phase, PASSED or FAILED; then `docker stack rm`, its volumes, the app services,
#     networks and images, the pushed tags, the registry it started (and its data), the node labels
#     it added, the swarm it initialised (and what swarm leaves behind: task containers,
#     docker_gwbridge, ov-paas-egress-config — only when they were not there before). It fails if
#     the engine's swarm state, networks or volumes differ from what it found.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$(scripts/toolchain.sh):$PATH"

STACK="${SWARM_CHECK_STACK:-ovswarmcheck}"
HTTP_PORT="${SWARM_CHECK_HTTP_PORT:-18280}"
HTTPS_PORT="${SWARM_CHECK_HTTPS_PORT:-18643}"
OV_SUBNET="${SWARM_CHECK_SUBNET:-10.231.97}"
REGISTRY="${SWARM_CHECK_REGISTRY:-127.0.0.1:5055}"
TAG="${SWARM_CHECK_TAG:-swarm-check}"
KEEP="${SWARM_CHECK_KEEP:-0}"
SITE_DOMAIN=omervision.test API_DOMAIN=api.omervision.test APPS_DOMAIN=apps.ovapps.test
ADMIN_EMAIL=admin@omervision.test
LABELS=(omervision.data omervision.edge omervision.paas)

info() { printf '\033[1mswarm-check:\033[0m %s\n' "$*"; }
die() { printf '\033[1;31mswarm-check:\033[0m %s\n' "$*" >&2; exit 1; }
started=$SECONDS
declare -a timing=()
lap() { timing+=("$1 $((SECONDS - lap_start)) s"); lap_start=$SECONDS; }
lap_start=$SECONDS

command -v docker >/dev/null && timeout 15 docker info >/dev/null 2>&1 || die "no Docker engine answers (scripts/services.sh start docker)"

work="$(mktemp -d "${TMPDIR:-/tmp}/ov-swarm-check.XXXXXX")"
# What the engine looked like: compared at the end.
state_before="$(docker info --format '{{.Swarm.LocalNodeState}}')"
networks_before="$(docker network ls --format '{{.Name}}' | sort)"
volumes_before="$(docker volume ls -q | sort)"
tasks_before="$(docker ps -aq --no-trunc --filter label=com.docker.swarm.task.id | sort)"
initialised=0 registry_started=0 deployed=0 poller=""
declare -a labels_added=() pushed=()

# ---------------------------------------------------------------- teardown
left_of_stack() {
  docker service ls -q --filter "label=com.docker.stack.namespace=$STACK"
  docker ps -aq --filter "label=com.docker.stack.namespace=$STACK"
  docker ps -aq --filter "label=dev.omervision.paas=$STACK"
  docker service ls -q --filter "label=dev.omervision.paas=$STACK" 2>/dev/null || true
}
teardown() {
  local t0=$SECONDS i
  if ((deployed)); then
    docker stack rm "$STACK" >/dev/null 2>&1 || true
    # The app services and overlays the worker made (PAAS_INSTANCE=$STACK), should the app's deletion not have run.
    docker service ls -q --filter "label=dev.omervision.paas=$STACK" 2>/dev/null | xargs -r docker service rm >/dev/null 2>&1 || true
    for i in $(seq 60); do
      [[ -z "$(left_of_stack)" ]] && break
      sleep 2
    done
    docker ps -aq --filter "label=com.docker.stack.namespace=$STACK" | xargs -r docker rm -f >/dev/null 2>&1 || true
    docker ps -aq --filter "label=dev.omervision.paas=$STACK" | xargs -r docker rm -f >/dev/null 2>&1 || true
    # Networks go once their last task has (stack rm does not wait).
    for i in $(seq 30); do
      docker network ls -q --filter "label=com.docker.stack.namespace=$STACK" | xargs -r docker network rm >/dev/null 2>&1 || true
      docker network ls -q --filter "label=dev.omervision.paas=$STACK" | xargs -r docker network rm >/dev/null 2>&1 || true
      [[ -z "$(docker network ls -q --filter "label=com.docker.stack.namespace=$STACK"; docker network ls -q --filter "label=dev.omervision.paas=$STACK")" ]] && break
      sleep 1
    done
    for i in $(seq 30); do
      docker volume ls -q --filter "label=com.docker.stack.namespace=$STACK" | xargs -r docker volume rm >/dev/null 2>&1 || true
      [[ -z "$(docker volume ls -q --filter "label=com.docker.stack.namespace=$STACK")" ]] && break
      sleep 1
    done
    docker images -q --filter "label=dev.omervision.paas=$STACK" | sort -u | xargs -r docker rmi -f >/dev/null 2>&1 || true
  fi
  local ref
  for ref in "${pushed[@]}"; do docker rmi "$ref" >/dev/null 2>&1 || true; done
  if ((registry_started)); then
    DATA_DIR="$work/data" PAAS_REGISTRY="$REGISTRY" scripts/registry.sh stop >/dev/null || true
  elif ((${#pushed[@]})); then
    # Somebody else's registry: our tags out of it (its blobs go at its next garbage collection).
    for ref in "${pushed[@]}"; do
      local repo="${ref#"$REGISTRY"/}" tag digest
      tag="${repo##*:}" repo="${repo%:*}"
      digest="$(curl -fsSI --max-time 5 -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' "http://$REGISTRY/v2/$repo/manifests/$tag" | tr -d '\r' | awk -F': ' 'tolower($1)=="docker-content-digest"{print $2}')" || true
      [[ -n "$digest" ]] && curl -fsS -X DELETE --max-time 5 "http://$REGISTRY/v2/$repo/manifests/$digest" >/dev/null 2>&1 || true
    done
  fi
  local label
  for label in "${labels_added[@]}"; do
    docker node update --label-rm "$label" "$(docker info --format '{{.Swarm.NodeID}}')" >/dev/null 2>&1 || true
  done
  if ((initialised)); then
    docker swarm leave --force >/dev/null 2>&1 || true
    comm -13 <(printf '%s\n' "$tasks_before") <(docker ps -aq --no-trunc --filter label=com.docker.swarm.task.id | sort) | xargs -r docker rm -f >/dev/null 2>&1 || true
    # Right after the leave the engine may still be detaching the last tasks' endpoints: a few tries.
    local net try
    for net in docker_gwbridge ov-paas-egress-config; do
      grep -qx "$net" <<<"$networks_before" && continue
      for try in 1 2 3 4 5 6 7 8 9 10; do
        docker network inspect "$net" >/dev/null 2>&1 || break
        docker network rm "$net" >/dev/null 2>&1 && break
        sleep 0.5
      done
    done
  fi
  # Volumes the stack's tasks made without a name of ours (anonymous ones of the images: caddy, mariadb).
  comm -13 <(printf '%s\n' "$volumes_before") <(docker volume ls -q --filter dangling=true | sort) |
    grep -E '^[0-9a-f]{64}$' | xargs -r docker volume rm >/dev/null 2>&1 || true
  teardown_seconds=$((SECONDS - t0))
}

finish() {
  local status=$?
  [[ -n "$poller" ]] && kill "$poller" 2>/dev/null
  if [[ $status -ne 0 ]] && ((deployed)); then
    info "failed; the stack's services and their last log lines:"
    docker service ls --filter "label=com.docker.stack.namespace=$STACK" 2>/dev/null | sed 's/^/  /' || true
    local s
    for s in $(docker service ls --format '{{.Name}}' --filter "label=com.docker.stack.namespace=$STACK" 2>/dev/null); do
      docker service ps --no-trunc --format '  {{.Name}} {{.CurrentState}} {{.Error}}' "$s" 2>/dev/null | head -n 4 || true
      docker service logs --no-task-ids --tail 15 "$s" 2>&1 | sed "s/^/  /" | tail -n 15 || true
    done
  fi
  if [[ "$KEEP" == 1 ]]; then
    info "SWARM_CHECK_KEEP=1: stack $STACK stays up (docker stack rm $STACK; the swarm: docker swarm leave --force if this run made it; work dir $work)"
    exit "$status"
  fi
  teardown_seconds=0
  teardown
  local left=""
  [[ "$(docker info --format '{{.Swarm.LocalNodeState}}')" == "$state_before" ]] || left+=" swarm state $(docker info --format '{{.Swarm.LocalNodeState}}') (was $state_before);"
  local extra
  extra="$(comm -13 <(printf '%s\n' "$networks_before") <(docker network ls --format '{{.Name}}' | sort) | tr '\n' ' ')"
  [[ -n "${extra// /}" ]] && left+=" networks: $extra;"
  # moby/moby#37018: the engine can keep a stale endpoint on docker_gwbridge after the leave; only a
  # restart of dockerd clears it (then docker network rm docker_gwbridge).
  [[ "$extra" == *docker_gwbridge* ]] && left+=" (docker_gwbridge still has an endpoint in the engine's store: restart dockerd, then docker network rm docker_gwbridge);"
  extra="$(comm -13 <(printf '%s\n' "$volumes_before") <(docker volume ls -q | sort) | tr '\n' ' ')"
  [[ -n "${extra// /}" ]] && left+=" volumes: $extra;"
  extra="$(docker ps -aq --filter "label=com.docker.stack.namespace=$STACK"; docker ps -aq --filter "label=dev.omervision.paas=$STACK")"
  [[ -n "$extra" ]] && left+=" containers: $(tr '\n' ' ' <<<"$extra");"
  if [[ -n "$left" ]]; then
    echo "swarm-check: left behind:$left" >&2
    status=1
  else
    info "teardown: stack, volumes, networks, app services and images, pushed images$( ((registry_started)) && echo ', registry')$( ((initialised)) && echo ', swarm') removed; engine as found (swarm $state_before) (${teardown_seconds} s)"
  fi
  rm -rf "$work"
  if [[ $status -eq 0 ]]; then
    printf '\033[1;32mswarm-check: PASSED\033[0m (%s s)\n' "$((SECONDS - started))"
  else
    printf '\033[1;31mswarm-check: FAILED\033[0m (%s s)\n' "$((SECONDS - started))" >&2
  fi
  exit "$status"
}
trap finish EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- 1. swarm, labels
case "$state_before" in
  active)
    [[ "$(docker info --format '{{.Swarm.ControlAvailable}}')" == true ]] || die "this engine is a swarm worker, not a manager"
    docker stack ls --format '{{.Name}}' | grep -qx "$STACK" && die "a stack named $STACK already runs on this swarm (remove it, or set SWARM_CHECK_STACK)"
    info "using the swarm this engine is already in" ;;
  inactive)
    docker swarm init --advertise-addr 127.0.0.1 >/dev/null
    initialised=1
    info "initialised a one-node swarm (left again at the end)" ;;
  *) die "the engine's swarm state is '$state_before'; settle it first" ;;
esac
node_id="$(docker info --format '{{.Swarm.NodeID}}')"
for label in "${LABELS[@]}"; do
  if [[ -z "$(docker node inspect "$node_id" --format "{{index .Spec.Labels \"$label\"}}")" ]]; then
    docker node update --label-add "$label=true" "$node_id" >/dev/null
    labels_added+=("$label")
  fi
done
lap "swarm"

# ---------------------------------------------------------------- 2. registry
case "$(DATA_DIR="$work/data" PAAS_REGISTRY="$REGISTRY" scripts/registry.sh start)" in
  started) registry_started=1; info "registry started on $REGISTRY (its data in the work folder)" ;;
  *) info "using the registry answering on $REGISTRY" ;;
esac
lap "registry"

# ---------------------------------------------------------------- 3. images
scripts/paas-images.sh >/dev/null
node_args=(--build-arg NODE_IMAGE=omervision/paas-node:local --build-arg NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt)
debian_args=(--build-arg DEBIAN_IMAGE=omervision/paas-debian:local)
build() { # image dockerfile context args…
  local image=$1 file=$2 context=$3
  shift 3
  info "building $image"
  DOCKER_BUILDKIT=0 docker build -q -f "$file" "$@" -t "$image" "$context" >>"$work/build.log" 2>&1 || { tail -n 40 "$work/build.log" >&2; die "build of $image failed"; }
}
if [[ "${SWARM_CHECK_BUILD:-1}" != 0 ]]; then
  build "omervision-api:$TAG" api/Dockerfile . "${node_args[@]}"
  build "omervision-site:$TAG" site/Dockerfile . "${node_args[@]}"
fi
docker image inspect "omervision-api:$TAG" "omervision-site:$TAG" >/dev/null 2>&1 || die "no omervision-api:$TAG / omervision-site:$TAG image (run without SWARM_CHECK_BUILD=0)"
# The stand-ins change rarely: built only when missing.
docker image inspect omervision-local/mariadb:10.11 >/dev/null 2>&1 || build omervision-local/mariadb:10.11 deploy/local/mariadb.Dockerfile deploy/local "${debian_args[@]}"
docker image inspect omervision-local/redis:7 >/dev/null 2>&1 || build omervision-local/redis:7 deploy/local/redis.Dockerfile deploy/local "${debian_args[@]}"
docker image inspect omervision-local/caddy:2 >/dev/null 2>&1 || build omervision-local/caddy:2 deploy/local/caddy.Dockerfile deploy/local "${debian_args[@]}"
docker image inspect omervision-local/s3:latest >/dev/null 2>&1 || build omervision-local/s3:latest deploy/local/s3.Dockerfile . "${node_args[@]}"
for pair in "omervision-api:$TAG" "omervision-site:$TAG" omervision-local/mariadb:10.11 omervision-local/redis:7 omervision-local/caddy:2 omervision-local/s3:latest; do
  ref="$REGISTRY/$pair"
  docker tag "$pair" "$ref"
  pushed+=("$ref")
  docker push -q "$ref" >>"$work/push.log" 2>&1 || { tail -n 20 "$work/push.log" >&2; die "push of $ref failed"; }
done
info "pushed ${#pushed[@]} images to $REGISTRY"
lap "images (build + push)"

# ---------------------------------------------------------------- 4. deploy
hex() { openssl rand -hex "$1"; }
ADMIN_PASSWORD="sc-$(hex 12)"
export SITE_DOMAIN API_DOMAIN APPS_DOMAIN HTTP_PORT HTTPS_PORT OV_SUBNET ADMIN_EMAIL ADMIN_PASSWORD
export CADDY_TLS=internal JWT_SECRET="$(hex 32)" MYSQL_ROOT_PASSWORD="$(hex 32)" MYSQL_PASSWORD="$(hex 32)" \
  MYSQL_READONLY_PASSWORD="$(hex 32)" S3_ADMIN_ACCESS_KEY="$(hex 16)" S3_ADMIN_SECRET_KEY="$(hex 32)" \
  SMTP_RELAY_URL=smtp://127.0.0.1:1 PAAS_ALLOW_LOCAL_REPOS=1 PAAS_INSTANCE="$STACK" PAAS_REGISTRY="$REGISTRY" \
  OV_STACK="$STACK" OV_API_IMAGE="$REGISTRY/omervision-api:$TAG" OV_SITE_IMAGE="$REGISTRY/omervision-site:$TAG" \
  OV_LOCAL_REGISTRY="$REGISTRY" LOG_LEVEL=info
mkdir -p "$work/fixtures/hello"
commit() { git -C "$work/fixtures/hello" -c user.name=swarm-check -c user.email=swarm-check@omervision.test -c commit.gpgsign=false commit -q "$@"; }
printf '<!doctype html><title>swarm-check</title><h1>Hello from prod-check</h1>\n' >"$work/fixtures/hello/index.html"
git -C "$work/fixtures/hello" init -q -b main
git -C "$work/fixtures/hello" add -A
commit -m "static fixture"
chmod -R a+rX "$work"
cat >"$work/swarm-check.yaml" <<EOF
# make swarm-check only: the PaaS fixture repository, read-only, for file:// deployments.
services:
  worker:
    volumes:
      - $work/fixtures:/fixtures:ro
EOF
info "docker stack deploy $STACK (https://$SITE_DOMAIN:$HTTPS_PORT)"
deployed=1
docker stack deploy -c deploy/swarm/stack.yaml -c deploy/swarm/stack.local.yaml -c "$work/swarm-check.yaml" "$STACK" >"$work/deploy.log" 2>&1 ||
  { cat "$work/deploy.log" >&2; die "docker stack deploy failed"; }
grep -i 'ignoring\|unsupported' "$work/deploy.log" && die "docker stack deploy ignored part of the stack file"
lap "stack deploy"

# Converged: every replicated service at its count, the global agent on every node, setup complete.
converged() {
  local name mode replicas ok=0
  while read -r name mode replicas; do
    case "$name" in
      "${STACK}_setup") [[ "$(docker service ps --filter desired-state=shutdown --format '{{.CurrentState}}' "$name" | grep -c '^Complete')" -ge 1 ]] || return 1 ;;
      *) [[ "${replicas%%/*}" == "${replicas##*/}" && "${replicas%%/*}" != 0 ]] || return 1 ;;
    esac
    ok=$((ok + 1))
  done < <(docker service ls --filter "label=com.docker.stack.namespace=$STACK" --format '{{.Name}} {{.Mode}} {{.Replicas}}' | sed 's/ (.*)//')
  [[ $ok -ge 10 ]]
}
deadline=$((SECONDS + 900))
for _ in $(seq 450); do
  converged && break
  ((SECONDS < deadline)) || break
  sleep 2
done
converged || die "the stack did not converge within 15 minutes"
info "converged: $(docker service ls --filter "label=com.docker.stack.namespace=$STACK" --format '{{.Name}}={{.Replicas}}' | sed "s/^${STACK}_//" | tr '\n' ' ')"
lap "convergence"

# ---------------------------------------------------------------- 5. checks
running() { docker service ps --filter desired-state=running --format '{{.CurrentState}}' "${STACK}_$1" | grep -c '^Running' || true; }
for s in api worker router; do
  n=$(running "$s")
  [[ "$n" -eq 2 ]] || die "$s: $n tasks running, expected 2"
done
info "running: 2 api, 2 worker, 2 router tasks"
worker_task="$(docker ps -q --filter "label=com.docker.swarm.service.name=${STACK}_worker" | head -n 1)"
stamp="$(docker exec "$worker_task" cat /run/omervision-egress/policy.json 2>/dev/null || true)"
[[ "$stamp" == *'"at":'* ]] || die "the workers see no stamp of the egress agent (docker service logs ${STACK}_egress-agent)"
iptables -w 5 -C DOCKER-USER -i ovp+ -j OV-PAAS-EGRESS 2>/dev/null || die "the egress policy's jump is not in the host's DOCKER-USER chain"
info "egress agent: the policy in the host's packet filter; the workers see its stamp $stamp"

caddy="$(docker ps -q --filter "label=com.docker.swarm.service.name=${STACK}_caddy" | head -n 1)"
for _ in $(seq 120); do
  docker exec "$caddy" cat /data/caddy/pki/authorities/local/root.crt >"$work/ca.crt" 2>/dev/null && [[ -s "$work/ca.crt" ]] && break
  sleep 1
done
[[ -s "$work/ca.crt" ]] || die "Caddy made no local CA"
export CA_FILE="$work/ca.crt" FIXTURE_REPO_URL="file:///fixtures/hello"
CADDY_ADDRESS="$(docker inspect -f "{{(index .NetworkSettings.Networks \"${STACK}_ov\").IPAddress}}" "$caddy")"
export CADDY_ADDRESS
node --import tsx scripts/prod-check/smoke.ts front "$work/state.json"
lap "smoke (site, login, post, upload, app)"

# The egress policy covers the swarm app: its task's only way out is the ov-paas-egress bridge, and
# from there the host itself (here: the front door's port, which docker-proxy answers on every host
# address) refuses a connection at once.
app_task="$(docker ps -q --filter "label=dev.omervision.paas=$STACK" --filter label=com.docker.swarm.task.id | head -n 1)"
[[ -n "$app_task" ]] || die "no running task of the app"
app_networks="$(docker inspect -f '{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{end}}' "$app_task")"
[[ " $app_networks" == *" ov-paas-egress "* ]] || die "the app's task is not on ov-paas-egress: $app_networks"
probe_js='const fs = require("fs"), net = require("net");
const route = fs.readFileSync("/proc/net/route", "utf8").split("\n").slice(1).map((l) => l.trim().split(/\s+/)).find((f) => f[1] === "00000000");
const gw = [6, 4, 2, 0].map((i) => parseInt(route[2].slice(i, i + 2), 16)).join(".");
const s = net.connect(Number(process.argv[1]), gw); s.setTimeout(3000);
s.on("connect", () => { console.log("open " + gw); process.exit(0); });
s.on("timeout", () => { console.log("timeout " + gw); process.exit(0); });
s.on("error", (e) => { console.log(e.code + " " + gw); process.exit(0); });'
probe="$(docker exec "$app_task" node -e "$probe_js" "$HTTP_PORT" 2>&1 || true)"
[[ "$probe" == ECONNREFUSED* || "$probe" == ECONNRESET* ]] || die "the app reached the host (port $HTTP_PORT): $probe"
# The control: the same probe from a worker task (docker_gwbridge, no policy) finds the port open.
control="$(docker exec "$worker_task" node -e "$probe_js" "$HTTP_PORT" 2>&1 || true)"
[[ "$control" == open* ]] || die "the control probe from a worker did not reach the host's port $HTTP_PORT ($control): the app's refusal proves nothing"
info "egress: the app's task is on $(tr -s ' ' <<<"$app_networks")and the host refuses it ($probe:$HTTP_PORT; from a worker: $control)"
lap "egress of the app"

# The app redeployed (a new commit) while polled through the front door.
printf '<!doctype html><title>swarm-check</title><h1>Hello from prod-check, version 2</h1>\n' >"$work/fixtures/hello/index.html"
git -C "$work/fixtures/hello" add -A && commit -m "version 2"
chmod -R a+rX "$work/fixtures"
result="$(node --import tsx scripts/swarm-check/redeploy.ts "$work/state.json" 'version 2')" || { echo "$result"; die "the redeployment failed a request or did not complete"; }
info "redeploy under load: $result"
lap "redeploy (polled every 0.2 s)"

# Scheduled jobs: every worker enqueues each slot under a fixed id; each ran once across both.
worker_logs="$(docker service logs --raw "${STACK}_worker" 2>&1 || true)"
starts=$(grep -c '"msg":"worker started"' <<<"$worker_logs" || true)
[[ "$starts" -ge 2 ]] || die "expected two workers started, their logs show $starts"
slots="$(grep '"msg":"cleanup done"' <<<"$worker_logs" | grep -o '"slot":"[^"]*"' | sort | uniq -c || true)"
[[ -n "$slots" ]] || die "no cleanup job ran (workers' logs)"
awk '$1 != 1 { exit 1 }' <<<"$slots" || die "a cleanup slot ran more than once: $slots"
# The minute's publishing job: enqueued by both workers every minute under the minute's id. Wait
# (bounded) for three runs; every run must fall in a minute of its own (log times), and the
# database's run counter must agree with the logs.
publish_times() {
  docker service logs --raw "${STACK}_worker" 2>&1 | grep '"msg":"maintenance run recorded"' | grep '"job":"post-publish-due"' || true
}
for _ in $(seq 60); do
  [[ "$(publish_times | wc -l)" -ge 3 ]] && break
  sleep 5
done
runs_log="$(publish_times)"
runs=$(grep -c . <<<"$runs_log" || true)
[[ "$runs" -ge 3 ]] || die "the minute's publishing job ran $runs times in 5 minutes (expected one a minute)"
dup_minutes="$(grep -o '"time":[0-9]*' <<<"$runs_log" | cut -d: -f2 | awk '{print int($1 / 60000)}' | sort | uniq -d)"
[[ -z "$dup_minutes" ]] || die "the minute's publishing job ran twice in one minute: $(grep -c . <<<"$dup_minutes") minute(s)"
mysql_task="$(docker ps -q --filter "label=com.docker.swarm.service.name=${STACK}_mysql" | head -n 1)"
db_runs="$(docker exec -e MYSQL_PWD="$MYSQL_PASSWORD" "$mysql_task" mysql -N -uomervision omervision -e "SELECT runs FROM maintenance_runs WHERE job = 'post-publish-due'")"
[[ "$db_runs" -ge "$runs" && "$db_runs" -le $((runs + 1)) ]] || die "maintenance_runs counts $db_runs runs of post-publish-due, the workers' logs $runs"
per_worker="$(grep -o '"hostname":"[^"]*"' <<<"$runs_log" | sort | uniq -c | awk '{printf "%s%s", (NR > 1 ? " + " : ""), $1}')"
info "scheduled jobs once across 2 workers: cleanup $(awk '{printf "%s×%s ", $1, $2}' <<<"$slots"); publishing $runs runs in $runs distinct minutes ($per_worker by worker; maintenance_runs.runs = $db_runs)"
lap "scheduled jobs"


info "timings: ${timing[*]/%/;} total $((SECONDS - started)) s (teardown follows)"

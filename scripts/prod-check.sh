#!/usr/bin/env bash
# `make prod-check`: the production shape (compose.yaml) brought up on this machine and smoke-tested
# through its HTTPS front door, then removed (`down -v`), leaving nothing behind but the images.
#
#   scripts/prod-check.sh            # PROD_CHECK_KEEP=1 leaves the stack up (then: … down -v yourself)
#                                    # PROD_CHECK_BUILD=0 uses the images a previous run built
#
#  1. images: compose.yaml's pinned upstream images when this machine can pull them, else local
#     stand-ins (compose.local.yaml) built on the Debian images of `make paas-images`;
#  2. its own project name (ovprodcheck), ports (HTTP 18080, HTTPS 18443, router 18090) and subnet
#     (172.30.97.0/24), fresh secrets, domains under .test, Caddy's internal CA, a local fixture
#     repository for the PaaS (PAAS_ALLOW_LOCAL_REPOS=1, mounted read-only into the worker);
#  3. scripts/prod-check/smoke.ts through https://…:18443 only: ready, redirect/HSTS/compression,
#     admin login (Secure cookies, client address behind the proxy), publish → page live, upload →
#     variant served, deploy → app on its subdomain; then --scale api=2 --scale worker=2: one session
#     on both APIs (each replica's log shows requests of it), every variants job run exactly once
#     (counted in both workers' logs), a redeployment's live log followed on both APIs (and resumed
#     with Last-Event-ID), the app deleted;
#  4. upgrade: two `setup` runs at once (migrations under the lock: both succeed, nothing applied
#     twice), the API replicas replaced one by one (scale to 4, wait healthy, stop the old two) while
#     a poller asks /health/ready through the front door every 0.25 s: no failed answer allowed;
#  5. backup (ops-cli in an api one-off, to a host folder) → restore into a second project
#     (ovprodcheck2: own ports 18081/18444, subnet 172.30.98.0/24, the same JWT_SECRET as a restore on
#     a new server would have, everything else fresh), brought up and smoke-tested through its own
#     front door: the first project's session, the admin's password, the post and its page, the media;
#  6. timings per step, then down -v of both projects and a sweep for anything the worker made (app
#     containers, networks, images); it fails if anything of either project is left.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$(scripts/toolchain.sh):$PATH"

PROJECT="${PROD_CHECK_PROJECT:-ovprodcheck}"
PROJECT2="${PROJECT}2"
HTTP_PORT="${PROD_CHECK_HTTP_PORT:-18080}"
HTTPS_PORT="${PROD_CHECK_HTTPS_PORT:-18443}"
ROUTER_PORT="${PROD_CHECK_ROUTER_PORT:-18090}"
OV_SUBNET="${PROD_CHECK_SUBNET:-172.30.97}"
HTTP_PORT2="${PROD_CHECK_HTTP_PORT2:-18081}"
HTTPS_PORT2="${PROD_CHECK_HTTPS_PORT2:-18444}"
ROUTER_PORT2="${PROD_CHECK_ROUTER_PORT2:-18091}"
OV_SUBNET2="${PROD_CHECK_SUBNET2:-172.30.98}"
SITE_DOMAIN=omervision.test API_DOMAIN=api.omervision.test APPS_DOMAIN=apps.ovapps.test
ADMIN_EMAIL=admin@omervision.test
KEEP="${PROD_CHECK_KEEP:-0}"

info() { printf '\033[1mprod-check:\033[0m %s\n' "$*"; }
die() { printf '\033[1;31mprod-check:\033[0m %s\n' "$*" >&2; exit 1; }
started=$SECONDS
declare -a timing=()
lap() { timing+=("$1 $(( SECONDS - lap_start )) s"); lap_start=$SECONDS; }
lap_start=$SECONDS

scripts/check-images.sh compose.yaml >/dev/null || die "compose.yaml has an unpinned image (scripts/check-images.sh)"
command -v docker >/dev/null && timeout 15 docker info >/dev/null 2>&1 || die "no Docker engine answers (scripts/services.sh start docker)"
if ! command -v docker-compose >/dev/null; then
  [[ $EUID -eq 0 ]] || die "docker-compose is missing: sudo apt-get install -y docker-compose"
  info "installing Debian's docker-compose"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null ||
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null; }
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/ov-prod-check.XXXXXX")"
files=(-f compose.yaml)
compose() { docker-compose -p "$PROJECT" "${files[@]}" -f "$work/prod-check.yaml" --env-file "$work/prod-check.env" "$@"; }
# The second project, restored from the first one's backup.
# (Its ports passed explicitly: the shell's exported HTTP_PORT/HTTPS_PORT would win over its env file.)
compose2() { HTTP_PORT=$HTTP_PORT2 HTTPS_PORT=$HTTPS_PORT2 docker-compose -p "$PROJECT2" "${files[@]}" -f "$work/prod-check.yaml" --env-file "$work/prod-check2.env" "$@"; }

sweep() {
  # What the worker made outside compose, should the app's deletion not have run: app containers and
  # networks (labelled with this installation's PAAS_INSTANCE) and images (ov-paas/<slug>, slugs pc-…).
  local p
  for p in "$PROJECT" "$PROJECT2"; do
    docker ps -aq --filter "label=dev.omervision.paas=$p" | xargs -r docker rm -f >/dev/null 2>&1 || true
    docker network ls -q --filter "label=dev.omervision.paas=$p" | xargs -r docker network rm >/dev/null 2>&1 || true
  done
  docker images -q 'ov-paas/pc-*' | sort -u | xargs -r docker rmi -f >/dev/null 2>&1 || true
}
finish() {
  local status=$?
  if [[ $status -ne 0 && -f "$work/prod-check.env" ]]; then
    info "failed; last log lines of each service:"
    compose logs --no-color --tail=25 2>/dev/null | sed 's/^/  /' | tail -n 200 || true
    [[ -f "$work/prod-check2.env" ]] && compose2 logs --no-color --tail=15 2>/dev/null | sed 's/^/  restore: /' | tail -n 100 || true
  fi
  if [[ "$KEEP" == 1 ]]; then
    info "PROD_CHECK_KEEP=1: the stacks stay up; remove them with: docker-compose -p $PROJECT ${files[*]} -f $work/prod-check.yaml --env-file $work/prod-check.env down -v (and the same with -p $PROJECT2 --env-file $work/prod-check2.env)"
    exit $status
  fi
  if [[ -f "$work/prod-check.env" ]]; then
    local down_start=$SECONDS p left=""
    [[ -n "${poller:-}" ]] && kill "$poller" 2>/dev/null
    compose down -v --remove-orphans --timeout 10 >/dev/null 2>&1 || true
    [[ -f "$work/prod-check2.env" ]] && { compose2 down -v --remove-orphans --timeout 10 >/dev/null 2>&1 || true; }
    sweep
    for p in "$PROJECT" "$PROJECT2"; do
      left+="$(docker ps -aq --filter "label=com.docker.compose.project=$p"; docker volume ls -q --filter "label=com.docker.compose.project=$p"; docker network ls -q --filter "label=com.docker.compose.project=$p"; docker ps -aq --filter "label=dev.omervision.paas=$p"; docker network ls -q --filter "label=dev.omervision.paas=$p")"
    done
    left+="$(docker images -q 'ov-paas/pc-*')"
    if [[ -n "$left" ]]; then echo "prod-check: left behind: $left" >&2; status=1
    else info "down -v of $PROJECT and $PROJECT2: nothing left (containers, volumes, networks, app containers and images) ($(( SECONDS - down_start )) s)"; fi
  fi
  rm -rf "$work"
  exit $status
}
trap finish EXIT

# ---------------------------------------------------------------- 1. images
if timeout 30 docker pull -q redis:7.4.2-alpine >/dev/null 2>&1; then
  info "Docker Hub answers: compose.yaml's upstream images"
else
  info "Docker Hub does not answer: local stand-ins (compose.local.yaml) on make paas-images' Debian"
  scripts/paas-images.sh >/dev/null
  files+=(-f compose.local.yaml)
fi

# ---------------------------------------------------------------- 2. settings, fixture
hex() { openssl rand -hex "$1"; }
ADMIN_PASSWORD="pc-$(hex 12)"
cat >"$work/prod-check.env" <<EOF
SITE_DOMAIN=$SITE_DOMAIN
API_DOMAIN=$API_DOMAIN
APPS_DOMAIN=$APPS_DOMAIN
CADDY_TLS=internal
HTTP_PORT=$HTTP_PORT
HTTPS_PORT=$HTTPS_PORT
ROUTER_PORT=$ROUTER_PORT
OV_SUBNET=$OV_SUBNET
JWT_SECRET=$(hex 32)
MYSQL_ROOT_PASSWORD=$(hex 32)
MYSQL_PASSWORD=$(hex 32)
MYSQL_READONLY_PASSWORD=$(hex 32)
S3_ADMIN_ACCESS_KEY=$(hex 16)
S3_ADMIN_SECRET_KEY=$(hex 32)
SMTP_RELAY_URL=smtp://mailpit:1025
ADMIN_EMAIL=$ADMIN_EMAIL
ADMIN_PASSWORD=$ADMIN_PASSWORD
PAAS_ALLOW_LOCAL_REPOS=1
PAAS_INSTANCE=$PROJECT
LOG_LEVEL=info
EOF
mkdir -p "$work/fixtures/hello"
printf '<!doctype html><title>prod-check</title><h1>Hello from prod-check</h1>\n' >"$work/fixtures/hello/index.html"
git -C "$work/fixtures/hello" init -q -b main
git -C "$work/fixtures/hello" -c user.name=prod-check -c user.email=prod-check@omervision.test -c commit.gpgsign=false commit -q --allow-empty -m init
git -C "$work/fixtures/hello" add -A
git -C "$work/fixtures/hello" -c user.name=prod-check -c user.email=prod-check@omervision.test -c commit.gpgsign=false commit -q -m "static fixture"
cat >"$work/prod-check.yaml" <<EOF
# make prod-check only: the PaaS fixture repository, read-only, for file:// deployments.
services:
  worker:
    volumes:
      - $work/fixtures:/fixtures:ro
EOF
lap "settings"

# ---------------------------------------------------------------- 3. build, up
if [[ "${PROD_CHECK_BUILD:-1}" == 0 ]]; then
  info "PROD_CHECK_BUILD=0: the images of an earlier build"
else
info "building images (${files[*]})"
compose build api site >"$work/build.log" 2>&1 || { tail -n 40 "$work/build.log" >&2; die "build failed"; }
if [[ " ${files[*]} " == *" compose.local.yaml "* ]]; then
  compose build mysql redis s3 caddy >>"$work/build.log" 2>&1 || { tail -n 40 "$work/build.log" >&2; die "build failed"; }
else
  compose pull -q mysql redis s3 caddy
fi
fi
lap "build"
info "docker-compose up -d (project $PROJECT, https://$SITE_DOMAIN:$HTTPS_PORT)"
compose up -d >"$work/up.log" 2>&1 || { cat "$work/up.log" >&2; die "up failed"; }
lap "up"

# Caddy's local CA (tls internal) verifies every HTTPS request of the smoke test.
for _ in $(seq 120); do
  compose exec -T caddy cat /data/caddy/pki/authorities/local/root.crt >"$work/ca.crt" 2>/dev/null && [[ -s "$work/ca.crt" ]] && break
  sleep 1
done
[[ -s "$work/ca.crt" ]] || die "Caddy made no local CA"

export SITE_DOMAIN API_DOMAIN APPS_DOMAIN HTTP_PORT HTTPS_PORT ADMIN_EMAIL ADMIN_PASSWORD
export CA_FILE="$work/ca.crt" FIXTURE_REPO_URL="file:///fixtures/hello" CADDY_ADDRESS="$OV_SUBNET.2"
smoke() { node --import tsx scripts/prod-check/smoke.ts "$1" "$work/state.json"; }

# ---------------------------------------------------------------- 4. smoke through the front door
smoke front
lap "smoke (one replica each)"

# ---------------------------------------------------------------- 5. two APIs, two workers
info "scaling: api=2 worker=2"
compose up -d --no-recreate --scale api=2 --scale worker=2 >>"$work/up.log" 2>&1 || { cat "$work/up.log" >&2; die "scale failed"; }
for _ in $(seq 60); do
  healthy=$(compose ps -q api | xargs -r docker inspect -f '{{.State.Health.Status}}' | grep -c '^healthy$' || true)
  [[ "$healthy" -ge 2 ]] && break
  sleep 2
done
[[ "$healthy" -ge 2 ]] || die "the second api replica did not become healthy"
sleep 4 # Caddy re-resolves the api replicas every 3 s
lap "scale"
smoke scaled
# Every api replica served some of the session's requests; every variants job ran exactly once.
for c in $(compose ps -q api); do
  n=$(docker logs "$c" 2>&1 | grep -c 'prodcheck-me-' || true)
  [[ "$n" -ge 1 ]] || die "api replica $(docker inspect -f '{{.Name}}' "$c") served none of the session's requests"
  info "api replica $(docker inspect -f '{{.Name}}' "$c"): $n of the session's 20 requests"
done
workers=$(compose ps -q worker)
while read -r id; do
  n=0
  for c in $workers; do n=$(( n + $(docker logs "$c" 2>&1 | grep 'media variants done' | grep -c "\"mediaId\":\"$id\"" || true) )); done
  [[ "$n" -eq 1 ]] || die "the variants job of media $id ran $n times across the workers"
done <"$work/state.json.media"
for c in $workers; do
  info "worker $(docker inspect -f '{{.Name}}' "$c"): $(docker logs "$c" 2>&1 | grep -c 'media variants done' || true) variants jobs"
done
# The four live-log streams were spread over both APIs (each replica's log holds some of them).
for c in $(compose ps -q api); do
  n=$(docker logs "$c" 2>&1 | grep -c '"prodcheck-sse-[0-9]' || true)
  [[ "$n" -ge 1 ]] || die "api replica $(docker inspect -f '{{.Name}}' "$c") served none of the live-log streams"
  info "api replica $(docker inspect -f '{{.Name}}' "$c"): $n of the 4 live-log streams"
done
lap "smoke (two replicas each)"

# ---------------------------------------------------------------- 6. upgrade: migrations once, API always answering
info "upgrade: two setup runs at once, then the api replicas replaced one by one behind the front door"
curl_api() { curl -s -o /dev/null -w '%{http_code}' --max-time 5 --resolve "$API_DOMAIN:$HTTPS_PORT:127.0.0.1" --cacert "$work/ca.crt" "https://$API_DOMAIN:$HTTPS_PORT/health/ready"; }
: >"$work/poll.log"
( while :; do echo "$(curl_api)" >>"$work/poll.log"; sleep 0.25; done ) &
poller=$!
compose run --rm --no-deps setup >"$work/setup1.log" 2>&1 & s1=$!
compose run --rm --no-deps setup >"$work/setup2.log" 2>&1 & s2=$!
wait "$s1" || { cat "$work/setup1.log" >&2; die "a second setup run failed"; }
wait "$s2" || { cat "$work/setup2.log" >&2; die "a concurrent setup run failed"; }
grep -q 'migrations applied' "$work/setup1.log" && grep -q 'migrations applied' "$work/setup2.log" || die "setup did not report its migrations"
old_api=$(compose ps -q api)
compose up -d --no-deps --no-recreate --scale api=4 api >>"$work/up.log" 2>&1 || { cat "$work/up.log" >&2; die "scale to 4 failed"; }
for _ in $(seq 90); do
  healthy=$(compose ps -q api | xargs -r docker inspect -f '{{.State.Health.Status}}' | grep -c '^healthy$' || true)
  [[ "$healthy" -ge 4 ]] && break
  sleep 2
done
[[ "$healthy" -ge 4 ]] || die "the new api replicas did not become healthy"
sleep 4 # Caddy re-resolves every 3 s: the new replicas take traffic before the old ones go
for c in $old_api; do docker stop -t 15 "$c" >/dev/null && docker rm "$c" >/dev/null; done
compose up -d --no-deps --no-recreate --scale api=2 api >>"$work/up.log" 2>&1 || die "scale back to 2 failed"
sleep 6
kill "$poller"; wait "$poller" 2>/dev/null || true; poller=""
polls=$(wc -l <"$work/poll.log"); bad=$(grep -vc '^200$' "$work/poll.log" || true)
[[ "$bad" -eq 0 ]] || die "the API failed $bad of $polls readiness requests during the replacement: $(sort "$work/poll.log" | uniq -c | tr '\n' ' ')"
info "upgrade: $polls readiness requests through the front door during the replacement, all 200"
lap "upgrade (setup ×2, rolling api)"

# ---------------------------------------------------------------- 7. backup → restore into a second project
info "backup of $PROJECT → restore into $PROJECT2"
# A one-off of the api service (docker-compose 1.x cannot `run` the host-network worker: "host type
# networking can't be used with links"); the image's user (node) writes the archive to a host folder.
mkdir -p "$work/backups" && chmod 777 "$work/backups"
compose run --rm --no-deps -v "$work/backups:/backups" -e BACKUP_DIR=/backups api node api/dist/ops-cli.js backup >"$work/backup.log" 2>&1 || { cat "$work/backup.log" >&2; die "backup failed"; }
archive=$(cd "$work/backups" && ls -1 omervision-*.tar.gz* 2>/dev/null | grep -v '\.json$' | tail -n 1)
[[ -n "$archive" ]] || { cat "$work/backup.log" >&2; die "the backup wrote no archive"; }
info "backup: $archive ($(du -h "$work/backups/$archive" | cut -f1))"
lap "backup"
sed -e "s/^HTTP_PORT=.*/HTTP_PORT=$HTTP_PORT2/" -e "s/^HTTPS_PORT=.*/HTTPS_PORT=$HTTPS_PORT2/" -e "s/^ROUTER_PORT=.*/ROUTER_PORT=$ROUTER_PORT2/" \
    -e "s/^OV_SUBNET=.*/OV_SUBNET=$OV_SUBNET2/" -e "s/^PAAS_INSTANCE=.*/PAAS_INSTANCE=$PROJECT2/" \
    -e "s/^MYSQL_ROOT_PASSWORD=.*/MYSQL_ROOT_PASSWORD=$(hex 32)/" -e "s/^MYSQL_PASSWORD=.*/MYSQL_PASSWORD=$(hex 32)/" \
    -e "s/^MYSQL_READONLY_PASSWORD=.*/MYSQL_READONLY_PASSWORD=$(hex 32)/" -e "s/^S3_ADMIN_ACCESS_KEY=.*/S3_ADMIN_ACCESS_KEY=$(hex 16)/" \
    -e "s/^S3_ADMIN_SECRET_KEY=.*/S3_ADMIN_SECRET_KEY=$(hex 32)/" "$work/prod-check.env" >"$work/prod-check2.env"
compose2 up -d mysql redis s3 >"$work/up2.log" 2>&1 || { cat "$work/up2.log" >&2; die "up of $PROJECT2's data services failed"; }
for _ in $(seq 90); do
  ready=$(compose2 ps -q mysql redis s3 | xargs -r docker inspect -f '{{.State.Health.Status}}' | grep -c '^healthy$' || true)
  [[ "$ready" -ge 3 ]] && break
  sleep 2
done
[[ "$ready" -ge 3 ]] || die "$PROJECT2's mysql, redis and s3 did not become healthy"
compose2 run --rm --no-deps -v "$work/backups:/backups:ro" -e BACKUP_DIR=/backups api node api/dist/ops-cli.js restore "$archive" >"$work/restore.log" 2>&1 || { cat "$work/restore.log" >&2; die "restore failed"; }
info "restore: $(grep '✓ restored' "$work/restore.log" || tail -n 1 "$work/restore.log")"
lap "restore"
compose2 up -d caddy >>"$work/up2.log" 2>&1 || { cat "$work/up2.log" >&2; die "up of $PROJECT2 failed"; }
for _ in $(seq 120); do
  compose2 exec -T caddy cat /data/caddy/pki/authorities/local/root.crt >"$work/ca2.crt" 2>/dev/null && [[ -s "$work/ca2.crt" ]] && break
  sleep 1
done
[[ -s "$work/ca2.crt" ]] || die "$PROJECT2's Caddy made no local CA"
HTTP_PORT=$HTTP_PORT2 HTTPS_PORT=$HTTPS_PORT2 CA_FILE="$work/ca2.crt" smoke restored
lap "restored project up + smoke"

info "timings: ${timing[*]/%/;} total $(( SECONDS - started )) s (down -v follows)"

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
#     (counted in both workers' logs), the app deleted;
#  4. timings, then down -v and a sweep for anything the worker made (app containers, networks, images).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$(scripts/toolchain.sh):$PATH"

PROJECT="${PROD_CHECK_PROJECT:-ovprodcheck}"
HTTP_PORT="${PROD_CHECK_HTTP_PORT:-18080}"
HTTPS_PORT="${PROD_CHECK_HTTPS_PORT:-18443}"
ROUTER_PORT="${PROD_CHECK_ROUTER_PORT:-18090}"
OV_SUBNET="${PROD_CHECK_SUBNET:-172.30.97}"
SITE_DOMAIN=omervision.test API_DOMAIN=api.omervision.test APPS_DOMAIN=apps.ovapps.test
ADMIN_EMAIL=admin@omervision.test
KEEP="${PROD_CHECK_KEEP:-0}"

info() { printf '\033[1mprod-check:\033[0m %s\n' "$*"; }
die() { printf '\033[1;31mprod-check:\033[0m %s\n' "$*" >&2; exit 1; }
started=$SECONDS
declare -a timing=()
lap() { timing+=("$1 $(( SECONDS - lap_start )) s"); lap_start=$SECONDS; }
lap_start=$SECONDS

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

sweep() {
  # What the worker made outside compose, should the app's deletion not have run: app containers and
  # networks (labelled with this installation's PAAS_INSTANCE) and images (ov-paas/<slug>, slugs pc-…).
  docker ps -aq --filter "label=dev.omervision.paas=$PROJECT" | xargs -r docker rm -f >/dev/null 2>&1 || true
  docker network ls -q --filter "label=dev.omervision.paas=$PROJECT" | xargs -r docker network rm >/dev/null 2>&1 || true
  docker images -q 'ov-paas/pc-*' | sort -u | xargs -r docker rmi -f >/dev/null 2>&1 || true
}
finish() {
  local status=$?
  if [[ $status -ne 0 && -f "$work/prod-check.env" ]]; then
    info "failed; last log lines of each service:"
    compose logs --no-color --tail=25 2>/dev/null | sed 's/^/  /' | tail -n 200 || true
  fi
  if [[ "$KEEP" == 1 ]]; then
    info "PROD_CHECK_KEEP=1: the stack stays up; remove it with: docker-compose -p $PROJECT ${files[*]} -f $work/prod-check.yaml --env-file $work/prod-check.env down -v"
    exit $status
  fi
  if [[ -f "$work/prod-check.env" ]]; then
    compose down -v --remove-orphans --timeout 10 >/dev/null 2>&1 || true
    sweep
    left="$(docker ps -aq --filter "label=com.docker.compose.project=$PROJECT"; docker volume ls -q --filter "label=com.docker.compose.project=$PROJECT"; docker network ls -q --filter "label=com.docker.compose.project=$PROJECT"; docker ps -aq --filter "label=dev.omervision.paas=$PROJECT")"
    [[ -z "$left" ]] || { echo "prod-check: left behind: $left" >&2; status=1; }
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
lap "smoke (two replicas each)"

info "timings: ${timing[*]/%/;} total $(( SECONDS - started )) s"

#!/usr/bin/env bash
# `make dev`: local services → migrations → seed (admin + demo content when empty, the site
# builder's webhook and key) → api :8000, worker and the site server/builder :3000 (which builds the
# first release at start) in the foreground. Ctrl-C stops the three processes (the backing services
# keep running; `make services-stop` ends them). Running it again while it runs only prints where
# everything is.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
if [[ -f .env ]]; then set -a; . ./.env; set +a; fi
: "${PORT:=8000}" "${HOST:=127.0.0.1}" "${SITE_PORT:=3000}"
# The seed points the builder's webhook here; the API may call it although it is loopback.
: "${SITE_BUILDER_URL:=http://127.0.0.1:$SITE_PORT}" "${WEBHOOK_ALLOWED_PRIVATE_HOSTS:=127.0.0.1:$SITE_PORT,localhost:$SITE_PORT}"
export SITE_BUILDER_URL WEBHOOK_ALLOWED_PRIVATE_HOSTS
# PaaS builds: corepack refuses package managers whose registry metadata carries no npm signature,
# which is what registry mirrors and intercepting proxies serve. When the registry this machine
# reaches is one of those, generated builds skip that check (PAAS_BUILD_COREPACK_INTEGRITY_KEYS=0).
if [[ -z "${PAAS_BUILD_COREPACK_INTEGRITY_KEYS+x}" ]] &&
  meta="$(curl -fsS --max-time 5 "$(npm config get registry 2>/dev/null || echo https://registry.npmjs.org/)yarn/1.22.22" 2>/dev/null)" &&
  [[ "$meta" != *'"signatures"'* ]]; then
  export PAAS_BUILD_COREPACK_INTEGRITY_KEYS=0
fi
api_url="http://$HOST:$PORT"
site_url="http://127.0.0.1:$SITE_PORT"

banner() {
  cat <<TXT

  OmerVision is up
    API          $api_url/api/v1
    API docs     $api_url/docs          (contract: $api_url/openapi.json)
    Health       $api_url/health/ready  Metrics: $api_url/metrics/prometheus
    Site         $site_url              (static releases; rebuilt on publish; builds: $api_url/api/v1/admin/site/builds)
    PaaS apps    http://<app>.${PAAS_DOMAIN:-apps.localhost}:${PAAS_ROUTER_PORT:-8090}  (app router)
    Mail sink    .data/mail/*.eml
    Admin login  ${ADMIN_EMAIL:-admin@omervision.local} (password: ADMIN_PASSWORD, or the one printed at first seed)

TXT
}

scripts/services.sh start

if curl -fsS -m 2 "$api_url/health/live" >/dev/null 2>&1; then
  echo "make dev is already running (the API answers at $api_url); nothing to start."
  banner
  exit 0
fi

npm run -s migrate -w api
npm run -s seed -w api
scripts/paas-images.sh # local PaaS base images when missing (no registry needed); a no-op without Docker

pids=()
stop_all() {
  trap - INT TERM EXIT
  echo; echo "stopping api, worker and site ..."
  # TERM goes to the processes themselves (not their log prefixers), so they drain, log and exit.
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop_all INT TERM EXIT

run() { # name, command... — output prefixed with the name; $! is the command itself
  local name=$1; shift
  # awk reads the pipe in blocks and flushes each line; `sed -u` read it a byte per syscall
  # (~150 µs of CPU per log line: more than the API spent answering the request it logged).
  "$@" > >(awk -v p="[$name] " '{ print p $0; fflush() }') 2>&1 &
  pids+=($!)
}
run api node --import tsx api/src/main.ts
run worker node --import tsx api/src/worker.ts
run router node --import tsx api/src/router.ts
# The static server + builder: serves site/.releases/current and builds the first release as soon as
# the API answers, then rebuilds on every signed site.changed webhook.
run site env SITE_PORT="$SITE_PORT" ASTRO_DEV_BACKGROUND=0 node --import tsx site/scripts/server.ts

for _ in $(seq 1 60); do
  curl -fsS -m 2 "$api_url/health/ready" >/dev/null 2>&1 && break
  sleep 1
done
banner
wait -n "${pids[@]}" || true
echo "a process exited; stopping the rest"

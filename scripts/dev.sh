#!/usr/bin/env bash
# `make dev`: local services → migrations → seed (admin + demo content when empty) → api :8000,
# worker and the site's dev server :3000 in the foreground. Ctrl-C stops the three processes (the
# backing services keep running; `make services-stop` ends them). Running it again while it runs
# only prints where everything is.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
if [[ -f .env ]]; then set -a; . ./.env; set +a; fi
: "${PORT:=8000}" "${HOST:=127.0.0.1}" "${SITE_PORT:=3000}"
api_url="http://$HOST:$PORT"
site_url="http://127.0.0.1:$SITE_PORT"

banner() {
  cat <<TXT

  OmerVision is up
    API          $api_url/api/v1
    API docs     $api_url/docs          (contract: $api_url/openapi.json)
    Health       $api_url/health/ready  Metrics: $api_url/metrics/prometheus
    Site         $site_url
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
  "$@" > >(sed -u "s/^/[$name] /") 2>&1 &
  pids+=($!)
}
run api node --import tsx api/src/main.ts
run worker node --import tsx api/src/worker.ts
run site env -C site ASTRO_DEV_BACKGROUND=0 ../node_modules/.bin/astro dev --port "$SITE_PORT"

for _ in $(seq 1 60); do
  curl -fsS -m 2 "$api_url/health/ready" >/dev/null 2>&1 && break
  sleep 1
done
banner
wait -n "${pids[@]}" || true
echo "a process exited; stopping the rest"

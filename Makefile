# OmerVision — every target runs with Node >= 22.12 first on PATH (installed into .tools/ when the
# machine's node is older), so nobody installs Node by hand.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

NODE_PATH_DIR := $(shell scripts/toolchain.sh)
ifneq ($(NODE_PATH_DIR),)
export PATH := $(NODE_PATH_DIR):$(PATH)
endif
export ASTRO_TELEMETRY_DISABLED := 1
export npm_config_update_notifier := false

TEST_DATABASE_URL ?= mysql://omervision:omervision@127.0.0.1:3307/omervision_test
VITEST_JSON := .data/test-results.json
# What the fault, load and fuzz tests counted (api/test/resilience/ledger.ts); summed after vitest.
LEDGER := .data/resilience/ledger.jsonl
RESILIENCE_SUMMARY := node --import tsx scripts/resilience-summary.ts

.PHONY: help install dev services services-stop services-status migrate seed openapi openapi-check openapi-lint \
        typecheck lint test test-unit test-integration build compose-check prod-check clean bench bench-login test-resilience \
        paas-images test-swarm swarm-check paas-registry fmt fmt-check audit

help: ## List targets
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-18s %s\n", $$1, $$2}'

node_modules/.install-stamp: package.json package-lock.json api/package.json site/package.json clients/typescript/package.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

install: node_modules/.install-stamp ## Install dependencies (only when the lockfile changed)

services: ## Start MariaDB, Redis, S3 server, SMTP sink (and dockerd when present)
	scripts/services.sh start

services-stop: ## Stop every local service this project started
	scripts/services.sh stop

services-status: ## One line per local service
	scripts/services.sh status

migrate: install services ## Apply database migrations
	npm run -s migrate -w api

seed: install services ## Create the admin and demo content (no-op when present)
	npm run -s seed -w api

.PHONY: backup restore
backup: install services ## Back up database + media to BACKUP_DIR (or BACKUP_S3_BUCKET); encrypted with BACKUP_PASSPHRASE
	node --import tsx scripts/backup.ts

restore: install services ## Restore FILE=<archive> into an empty database and bucket (FORCE=1 replaces existing data)
	@test -n "$(FILE)" || { echo "usage: make restore FILE=<archive path or name> [FORCE=1]"; exit 64; }
	node --import tsx scripts/restore.ts "$(FILE)" $(if $(FORCE),--force)

dev: install ## Start everything: services, migrations, seed, api :8000, worker, site :3000
	scripts/dev.sh

openapi: install ## Regenerate tsoa routes, openapi/openapi.json (+ webhooks) and the types in clients/typescript (the site uses them)
	npm run -s openapi -w api
	npm run -s openapi -w @omervision/client

openapi-check: install ## Fail when generated code is stale
	scripts/check-generated.sh

openapi-lint: install ## Lint openapi/openapi.json with Spectral (.spectral.yaml: spectral:oas + house rules); any error fails
	npx spectral lint --fail-severity=error openapi/openapi.json

typecheck: install ## TypeScript, no emit: the api, scripts/, and the site (astro check)
	npm run -s typecheck -w api
	npx tsc -p scripts/tsconfig.json
	cd site && SITE_OFFLINE_BUILD=1 npx astro check --minimumSeverity error

fmt: install ## Format every source file (Prettier, 120 columns; .prettierignore lists what it leaves alone)
	npx prettier --write --log-level warn .

fmt-check: install ## Fail when a file is not formatted (make fmt fixes it)
	npx prettier --check --log-level warn .

audit: install ## npm audit of production dependencies: fails on high/critical (skips loudly when the advisory endpoint is unreachable)
	scripts/audit.sh

lint: install ## ESLint, and the api's import rules (dependency-cruiser)
	npx eslint --max-warnings=0 .
	npx depcruise api/src --config .dependency-cruiser.cjs --output-type err

test-unit: install ## Unit tests only (no services needed)
	npx vitest run --project unit

test: install services fmt-check typecheck lint audit openapi-check openapi-lint paas-images ## Everything CI runs: services, checks and all tests
	@mkdir -p .data
	scripts/ensure-chromium.sh
	rm -f $(LEDGER)
	status=0; TEST_DATABASE_URL=$(TEST_DATABASE_URL) npx vitest run --reporter=default --reporter=json --outputFile.json=$(VITEST_JSON) || status=$$?; \
	  $(RESILIENCE_SUMMARY) || [ $$status -ne 0 ] || status=1; exit $$status

bench: install services paas-images ## Benchmarks vs baselines in the same run (ONLY=reads,login,concurrency,paas,site,paas-drivers QUICK=1); JSON + markdown in scripts/bench/results
	TEST_DATABASE_URL=$(TEST_DATABASE_URL) node --import tsx scripts/bench/run.ts $(if $(ONLY),--only $(ONLY)) $(if $(QUICK),--quick)

bench-login: install services ## argon2 cost and logins/s at our parameters (same as make bench ONLY=login)
	TEST_DATABASE_URL=$(TEST_DATABASE_URL) node --import tsx scripts/bench/run.ts --only login

test-resilience: install services ## Faults (TCP fault proxies), outages, load, limits, attacks, then the ledger summary: also part of make test
	rm -f $(LEDGER)
	status=0; TEST_DATABASE_URL=$(TEST_DATABASE_URL) npx vitest run --project integration api/test/resilience api/test/redis-outage.test.ts api/test/limits.test.ts api/test/authz-matrix.test.ts || status=$$?; \
	  $(RESILIENCE_SUMMARY) || [ $$status -ne 0 ] || status=1; exit $$status

test-swarm: install services paas-images ## The PaaS suite with PAAS_DRIVER=swarm on a one-node swarm (made and left only if none is active; registry on 127.0.0.1:5000) (~5 min)
	TEST_DATABASE_URL=$(TEST_DATABASE_URL) scripts/test-swarm.sh

paas-registry: ## The registry the swarm driver pushes app images to (Debian's docker-registry on 127.0.0.1:5000; STOP=1 stops it)
	scripts/registry.sh $(if $(STOP),stop,start)

paas-images: ## Local PaaS base images without a registry (Debian: paas-node, paas-node-build, paas-static, paas-python)
	scripts/paas-images.sh

build: install ## Compile the api to api/dist
	npm run -s build -w api

prod-check: install ## compose.yaml up on this machine (local images when pulls fail), smoke-tested through its HTTPS front door, then down -v (~4 min; ~8 min from an empty build cache)
	scripts/prod-check.sh

swarm-check: install ## deploy/swarm/stack.yaml with docker stack deploy on a one-node swarm (made and left only if none is active; own registry on 127.0.0.1:5055): 2 api + 2 worker, site, login, post, app through the front door, a redeploy polled every 0.2 s without a failure; then everything removed
	scripts/swarm-check.sh

compose-check: ## Validate compose.yaml: every third-party image pinned; valid with every required secret set, refused (naming it) without any one
	scripts/check-images.sh
	scripts/compose-check.sh

clean: services-stop ## Stop services and delete local data (.data)
	rm -rf .data

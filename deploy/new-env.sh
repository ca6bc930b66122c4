#!/usr/bin/env bash
# Writes a production .env for compose.yaml with fresh secrets (README, "Deploy"):
#   deploy/new-env.sh <site domain> <apps domain> <e-mail for Let's Encrypt | internal> <SMTP relay URL>
#   e.g. deploy/new-env.sh example.com example-apps.com you@example.com smtps://user:pass@smtp.example.com:465
# The API answers at api.<site domain> (set API_DOMAIN in .env afterwards to change it). Refuses to
# overwrite an existing .env: its secrets encrypt data (JWT_SECRET seals webhook and TOTP secrets)
# and open the database volume, so they are generated once and kept (back them up elsewhere).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
[[ $# -eq 4 ]] || { sed -n '2,4p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 64; }
[[ ! -e .env ]] || { echo ".env exists already; edit it instead (its secrets must not change)" >&2; exit 1; }
site=$1 apps=$2 tls=$3 smtp=$4
[[ "$apps" != "$site" && "$apps" != *".$site" ]] || { echo "the apps domain must not be under the site's ($site): apps could set its cookies" >&2; exit 1; }
hex() { openssl rand -hex "$1"; }
umask 077
cat >.env <<ENV
# compose.yaml settings, written by deploy/new-env.sh on $(date -u +%Y-%m-%d). Keep a copy of the secrets elsewhere.
SITE_DOMAIN=$site
API_DOMAIN=api.$site
APPS_DOMAIN=$apps
CADDY_TLS=$tls
SMTP_RELAY_URL=$smtp
MAIL_FROM="OmerVision <no-reply@$site>"
ADMIN_EMAIL=admin@$site
JWT_SECRET=$(hex 32)
MYSQL_ROOT_PASSWORD=$(hex 32)
MYSQL_PASSWORD=$(hex 32)
MYSQL_READONLY_PASSWORD=$(hex 32)
S3_ADMIN_ACCESS_KEY=$(hex 16)
S3_ADMIN_SECRET_KEY=$(hex 32)
ENV
echo "wrote .env (mode 600) for https://$site, https://api.$site and https://<app>.$apps"

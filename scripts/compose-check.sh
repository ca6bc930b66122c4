#!/usr/bin/env bash
# Validates compose.yaml with docker-compose (1.29 from Debian; no engine, no network needed):
#  1. no secret-looking variable (…PASSWORD, …SECRET, …_KEY, …TOKEN) has a non-empty default
#     (ADMIN_PASSWORD's empty one means "generate it at seed time"),
#  2. with a placeholder for every required ${VAR:?...} it is valid,
#  3. with any one of them unset, it is refused with a message naming that variable (each
#     message starts with `set VAR `, e.g. ${JWT_SECRET:?set JWT_SECRET (openssl rand -hex 32)}).
# The required variables are read from compose.yaml, so a secret added there is covered. Neither
# the caller's environment nor a .env next to compose.yaml takes part (--env-file <empty file>).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
compose=(docker-compose -f compose.yaml)
command -v docker-compose >/dev/null || { echo "docker-compose is not installed (apt-get install docker-compose)" >&2; exit 1; }

defaults=$(grep -noE '\$\{[A-Z0-9_]*(PASSWORD|SECRET|_KEY|TOKEN)[A-Z0-9_]*:?-[^}]' compose.yaml || true)
if [ -n "$defaults" ]; then
  echo "compose.yaml gives a secret a default (use \${VAR:?message}):" >&2
  echo "$defaults" >&2
  exit 1
fi

mapfile -t required < <(grep -oE '\$\{[A-Z0-9_]+:\?' compose.yaml | sed -E 's/^\$\{([A-Z0-9_]+):\?$/\1/' | sort -u)
[ ${#required[@]} -gt 0 ] || { echo "compose.yaml requires no variable; expected its secrets to be required" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
: >"$work/empty.env"
# env -u every required variable, then set placeholders for all of them but `$1`.
with_placeholders_except() {
  local cmd=(env) var
  for var in "${required[@]}"; do cmd+=(-u "$var"); done
  for var in "${required[@]}"; do [ "$var" = "$1" ] || cmd+=("$var=compose-check-placeholder-$var"); done
  "${cmd[@]}" "${compose[@]}" --env-file "$work/empty.env" config -q
}

with_placeholders_except ''

# One run per required variable without it, in parallel (each is a ~0.5 s Python start-up).
for var in "${required[@]}"; do
  ( if with_placeholders_except "$var" 2>"$work/$var.err"; then
      echo "compose.yaml accepted a missing $var" >"$work/$var.fail"
    elif ! grep -qF ": set $var " "$work/$var.err"; then
      { echo "missing $var: refused, but the message does not name it:"; cat "$work/$var.err"; } >"$work/$var.fail"
    fi ) &
done
wait
if compgen -G "$work/*.fail" >/dev/null; then cat "$work"/*.fail >&2; exit 1; fi
echo "compose.yaml is valid; each of ${required[*]} is required"

#!/usr/bin/env bash
# The browser tests (site/e2e) drive Debian's Chromium. Installs it when missing and possible
# (root on Debian/Ubuntu with apt-get); otherwise names the command and fails, so `make test`
# never skips the browser tests silently.
set -euo pipefail
bin="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [[ -x "$bin" ]]; then
  exit 0
fi
if [[ $EUID -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "installing chromium for the browser tests (apt-get install -y chromium) ..."
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium >/dev/null \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium >/dev/null; }
  [[ -x "$bin" ]] && exit 0
fi
echo "Chromium is missing at $bin; the browser tests (site/e2e) need it. Install it with:" >&2
echo "  sudo apt-get install -y chromium      (Debian; on Ubuntu: the chromium snap or CHROMIUM_PATH=/path/to/chrome)" >&2
exit 1

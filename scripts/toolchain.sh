#!/usr/bin/env bash
# Prints a directory to put first on PATH so that `node` is >= 22.12, or nothing when the
# machine's node already is. When it is older (or missing), installs Node 24 project-locally from
# the npm package `node@24` into .tools/node. All chatter goes to stderr: stdout is the answer.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
local_bin="$root/.tools/node/node_modules/.bin"
required_major=22 required_minor=12

new_enough() { # $1 = node binary
  "$1" -e "const [a,b]=process.versions.node.split('.').map(Number);process.exit(a>$required_major||(a==$required_major&&b>=$required_minor)?0:1)" 2>/dev/null
}

if [ -x "$local_bin/node" ] && new_enough "$local_bin/node"; then echo "$local_bin"; exit 0; fi
if command -v node >/dev/null 2>&1 && new_enough "$(command -v node)"; then exit 0; fi

if ! command -v npm >/dev/null 2>&1; then
  echo "toolchain: neither Node >= $required_major.$required_minor nor npm found. Install Node.js (e.g. 'apt-get install -y nodejs npm') and retry." >&2
  exit 1
fi
echo "toolchain: machine node is $(node -v 2>/dev/null || echo missing); installing Node 24 into .tools/node (once)..." >&2
mkdir -p "$root/.tools/node"
npm install --prefix "$root/.tools/node" --no-save --no-audit --no-fund --loglevel=error node@24 >&2
if ! new_enough "$local_bin/node"; then
  echo "toolchain: installed node@24 but $local_bin/node does not run; see the npm output above." >&2
  exit 1
fi
echo "toolchain: using $("$local_bin/node" -v) from .tools/node" >&2
echo "$local_bin"

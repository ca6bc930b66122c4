#!/usr/bin/env bash
# `make paas-images`: local substitutes for the PaaS base images, built without any registry.
#
#   scripts/paas-images.sh [--force]
#
# The engine's defaults (PAAS_IMAGE_NODE / PAAS_IMAGE_STATIC) are official images from Docker Hub.
# Machines that cannot reach a registry use these instead (the worker falls back to them when a
# pull fails). Each is a `docker import` of a root filesystem assembled from this machine:
#   omervision/paas-node:local    node + the shared libraries ldd lists, npm and corepack, /bin/sh
#                                 (dash, for npm scripts) and /usr/bin/env (for #!/usr/bin/env node)
#   omervision/paas-static:local  node and its libraries only: runs the bundled static file server
# Python has no local substitute (pip needs a registry anyway); Python apps need PAAS_IMAGE_PYTHON
# to be pullable. An image is rebuilt only when the Node version or this script changed.
# Without a Docker engine this prints a notice and exits 0: the PaaS tests then fail on their own.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_TAG="omervision/paas-node:local"
STATIC_TAG="omervision/paas-static:local"
LABEL="dev.omervision.paas.base"
FORCE=0
[[ "${1:-}" == "--force" ]] && FORCE=1

info() { printf '\033[1mpaas-images:\033[0m %s\n' "$*"; }
warn() { printf '\033[1;33mpaas-images:\033[0m %s\n' "$*" >&2; }

if ! command -v docker >/dev/null 2>&1 || ! timeout 15 docker info >/dev/null 2>&1; then
  warn "no Docker engine answers; local base images not built (start one: scripts/services.sh start docker)"
  exit 0
fi

node_bin="$(readlink -f "$(command -v node)")"
npm_root="$(cd "$(dirname "$(readlink -f "$(command -v npm)")")/.." && pwd)"
corepack_root="$(dirname "$npm_root")/corepack"
version="$("$node_bin" --version)-$(sha256sum "${BASH_SOURCE[0]}" | cut -c1-12)"

current() { docker image inspect -f "{{ index .Config.Labels \"$LABEL\" }}" "$1" 2>/dev/null || true; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Copies a dynamically linked binary and every library ldd lists, at the same paths.
copy_bin() { # rootfs source destination
  local root=$1 src=$2 dest=$3 lib
  install -D -m 0755 "$src" "$root$dest"
  while read -r lib; do
    if [[ -n "$lib" && -e "$lib" && ! -e "$root$lib" ]]; then install -D -m 0755 "$(readlink -f "$lib")" "$root$lib"; fi
  done < <(ldd "$src" | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }')
}

base_fs() { # rootfs
  local root=$1
  mkdir -p "$root"/{etc,tmp,root,usr/local/bin,srv/www}
  chmod 1777 "$root/tmp"
  printf 'root:x:0:0:root:/root:/bin/sh\napp:x:10001:10001:app:/tmp:/bin/false\n' >"$root/etc/passwd"
  printf 'root:x:0:\napp:x:10001:\n' >"$root/etc/group"
  if [[ -f /etc/ssl/certs/ca-certificates.crt ]]; then
    install -D -m 0644 /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/ca-certificates.crt"
  fi
  copy_bin "$root" "$node_bin" /usr/local/bin/node
}

import() { # rootfs tag
  tar --numeric-owner --owner=0 --group=0 -C "$1" -c . |
    docker import \
      --change 'ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/bin:/usr/sbin:/bin:/sbin' \
      --change "LABEL $LABEL=$version" \
      --change 'WORKDIR /' \
      --change 'CMD ["node"]' \
      - "$2" >/dev/null
  docker run --rm --network none "$2" node -e 'process.stdout.write(process.version)' >/dev/null
}

build_node() {
  local root="$work/node"
  base_fs "$root"
  copy_bin "$root" "$(readlink -f /bin/sh)" /bin/sh
  copy_bin "$root" "$(readlink -f "$(command -v env)")" /usr/bin/env
  mkdir -p "$root/usr/local/lib/node_modules"
  cp -a "$npm_root" "$root/usr/local/lib/node_modules/npm"
  ln -s ../lib/node_modules/npm/bin/npm-cli.js "$root/usr/local/bin/npm"
  ln -s ../lib/node_modules/npm/bin/npx-cli.js "$root/usr/local/bin/npx"
  if [[ -d "$corepack_root" ]]; then
    cp -a "$corepack_root" "$root/usr/local/lib/node_modules/corepack"
    ln -s ../lib/node_modules/corepack/dist/corepack.js "$root/usr/local/bin/corepack"
  fi
  import "$root" "$NODE_TAG"
}

build_static() {
  local root="$work/static"
  base_fs "$root"
  import "$root" "$STATIC_TAG"
}

for tag in "$NODE_TAG" "$STATIC_TAG"; do
  if ((FORCE == 0)) && [[ "$(current "$tag")" == "$version" ]]; then
    info "$tag is up to date ($version)"
    continue
  fi
  info "building $tag from this machine's Node ($node_bin, $version)"
  if [[ "$tag" == "$NODE_TAG" ]]; then build_node; else build_static; fi
  info "$tag built ($(docker image inspect -f '{{.Size}}' "$tag" | awk '{ printf "%.0f MB", $1 / 1e6 }'))"
done
cd "$ROOT"

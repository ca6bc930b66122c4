#!/bin/sh
# The entrypoint of the worker (compose.yaml) and of the egress agent (deploy/swarm/stack.yaml): the
# iptables of whichever installs the PaaS egress policy must write the same backend as the host's
# Docker (nf_tables or legacy), or the PaaS egress policy would land in tables the kernel path
# Docker uses never consults. Debian's default is nft; switch to legacy when only the legacy
# tables hold Docker's DOCKER-USER chain. Needs root (both run as root in the host's network
# namespace with NET_ADMIN); as any other user it changes nothing.
set -eu
if [ "$(id -u)" = 0 ] && command -v iptables-legacy >/dev/null 2>&1; then
  if ! iptables-nft -w 5 -S DOCKER-USER >/dev/null 2>&1 && iptables-legacy -w 5 -S DOCKER-USER >/dev/null 2>&1; then
    update-alternatives --quiet --set iptables /usr/sbin/iptables-legacy
    update-alternatives --quiet --set ip6tables /usr/sbin/ip6tables-legacy
    echo "worker-entrypoint: the host's Docker uses iptables-legacy; so does the worker" >&2
  fi
fi
exec "$@"

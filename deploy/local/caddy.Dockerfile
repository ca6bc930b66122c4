# Local stand-in for the caddy:2 image (compose.local.yaml): Debian's Caddy, with the official
# image's paths (/etc/caddy/Caddyfile, state in /data and /config).
ARG DEBIAN_IMAGE=omervision/paas-debian:local
FROM ${DEBIAN_IMAGE}
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends caddy tini \
 && rm -rf /var/lib/apt/lists/* && mkdir -p /data /config
ENV XDG_DATA_HOME=/data XDG_CONFIG_HOME=/config
VOLUME /data /config
EXPOSE 80 443 443/udp
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["caddy", "run", "--config", "/etc/caddy/Caddyfile", "--adapter", "caddyfile"]

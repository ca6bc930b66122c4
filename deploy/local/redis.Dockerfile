# Local stand-in for the redis:7 image (compose.local.yaml): Debian's Redis 7.0; compose.yaml's
# command (redis-server --appendonly yes --dir /data --protected-mode no) runs unchanged.
ARG DEBIAN_IMAGE=omervision/paas-debian:local
FROM ${DEBIAN_IMAGE}
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends redis-server tini \
 && rm -rf /var/lib/apt/lists/* && mkdir -p /data && chown redis:redis /data
WORKDIR /data
VOLUME /data
USER redis
EXPOSE 6379
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["redis-server", "--appendonly", "yes", "--dir", "/data", "--protected-mode", "no"]

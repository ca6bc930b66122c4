# Local stand-in for the s3 service (compose.local.yaml): the S3-protocol server `make dev` uses
# (scripts/local/s3-server.mjs, s3rver at the lockfile's version), filesystem-backed under /data,
# with compose's key pair (S3_SERVER_ACCESS_KEY / S3_SERVER_SECRET_KEY) instead of its fixed one.
# Unlike SeaweedFS it accepts unsigned writes too: fine on the internal network of a local run.
# Build from the repo root.
ARG NODE_IMAGE=omervision/paas-node:local
FROM ${NODE_IMAGE}
ARG NODE_EXTRA_CA_CERTS=
WORKDIR /srv
COPY package-lock.json /tmp/package-lock.json
RUN npm install --no-audit --no-fund --no-save \
      "s3rver@$(node -p "require('/tmp/package-lock.json').packages['node_modules/s3rver'].version")" \
 && npm cache clean --force && rm /tmp/package-lock.json \
 && mkdir -p /data && chown 10001:10001 /data
COPY scripts/local/s3-server.mjs /srv/s3-server.mjs
ENV S3_PORT=8333 SERVICES_BIND=0.0.0.0 S3_DIR=/data S3_SILENT=1
USER 10001
VOLUME /data
EXPOSE 8333
CMD ["node", "/srv/s3-server.mjs"]

# Local stand-in for the mariadb:10.11 image (compose.local.yaml): Debian's MariaDB 10.11 on a
# Debian base built without a registry (`make paas-images`), honouring the same variables
# (MYSQL_DATABASE, MYSQL_USER, MYSQL_PASSWORD, MYSQL_ROOT_PASSWORD) and init scripts
# (/docker-entrypoint-initdb.d/*.sh, *.sql on an empty data directory) as the official image.
ARG DEBIAN_IMAGE=omervision/paas-debian:local
FROM ${DEBIAN_IMAGE}
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends mariadb-server mariadb-client tini \
 && rm -rf /var/lib/apt/lists/* /var/lib/mysql/* \
 && mkdir -p /run/mysqld /docker-entrypoint-initdb.d && chown mysql:mysql /run/mysqld /var/lib/mysql
COPY mariadb-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
VOLUME /var/lib/mysql
EXPOSE 3306
ENTRYPOINT ["/usr/bin/tini", "--", "/usr/local/bin/docker-entrypoint.sh"]
CMD []

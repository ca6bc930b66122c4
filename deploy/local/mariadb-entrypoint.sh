#!/usr/bin/env bash
# Entry point of deploy/local/mariadb.Dockerfile: the official image's behaviour, in short. On an
# empty data directory: install the system tables, start a socket-only server, set the root
# password, create MYSQL_DATABASE and MYSQL_USER, source the init scripts (docker_process_sql
# available to them), stop it. Then run mariadbd in the foreground on 0.0.0.0:3306 with "$@".
set -euo pipefail
datadir=/var/lib/mysql
socket=/run/mysqld/mysqld.sock

docker_process_sql() {
  mariadb --protocol=socket --socket="$socket" -uroot ${MYSQL_ROOT_PASSWORD:+-p"$MYSQL_ROOT_PASSWORD"} "$@"
}

if [ ! -d "$datadir/mysql" ]; then
  : "${MYSQL_ROOT_PASSWORD:?MYSQL_ROOT_PASSWORD must be set}"
  echo "mariadb-entrypoint: initialising $datadir"
  mariadb-install-db --user=mysql --datadir="$datadir" --auth-root-authentication-method=normal \
    --skip-test-db --skip-name-resolve >/dev/null
  mariadbd --user=mysql --datadir="$datadir" --skip-networking --socket="$socket" "$@" &
  pid=$!
  for _ in $(seq 60); do mariadb-admin --socket="$socket" -uroot ping --silent 2>/dev/null && break; sleep 0.5; done
  sql_string() { local v="${1//\\/\\\\}"; printf '%s' "${v//\'/\'\'}"; }
  mariadb --protocol=socket --socket="$socket" -uroot <<SQL
DELETE FROM mysql.user WHERE user = '';
ALTER USER 'root'@'localhost' IDENTIFIED BY '$(sql_string "$MYSQL_ROOT_PASSWORD")';
${MYSQL_DATABASE:+CREATE DATABASE IF NOT EXISTS \`$MYSQL_DATABASE\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;}
${MYSQL_USER:+CREATE USER '$(sql_string "$MYSQL_USER")'@'%' IDENTIFIED BY '$(sql_string "${MYSQL_PASSWORD:-}")';}
${MYSQL_USER:+${MYSQL_DATABASE:+GRANT ALL ON \`$MYSQL_DATABASE\`.* TO '$(sql_string "$MYSQL_USER")'@'%';}}
FLUSH PRIVILEGES;
SQL
  for f in /docker-entrypoint-initdb.d/*; do
    case "$f" in
      *.sh) echo "mariadb-entrypoint: sourcing $f"; . "$f" ;;
      *.sql) echo "mariadb-entrypoint: running $f"; docker_process_sql ${MYSQL_DATABASE:+--database="$MYSQL_DATABASE"} <"$f" ;;
    esac
  done
  mariadb-admin --socket="$socket" -uroot -p"$MYSQL_ROOT_PASSWORD" shutdown
  wait "$pid" || true
  echo "mariadb-entrypoint: initialised"
fi
exec mariadbd --user=mysql --datadir="$datadir" --bind-address=0.0.0.0 --port=3306 --socket="$socket" "$@"

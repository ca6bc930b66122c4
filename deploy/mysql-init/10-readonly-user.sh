# Creates the app router's read-only database user: SELECT on the app database, nothing else.
#
# compose.yaml mounts this folder at /docker-entrypoint-initdb.d, so the mysql (or mariadb) image
# sources this file once, when it initialises an EMPTY data volume (docker_process_sql comes from
# the image's entrypoint). On a volume that already holds a database it never runs by itself; run it
# once by hand (idempotent; it also resets the password to MYSQL_READONLY_PASSWORD):
#   docker compose exec mysql bash /docker-entrypoint-initdb.d/10-readonly-user.sh
# Reads MYSQL_READONLY_USER, MYSQL_READONLY_PASSWORD, MYSQL_DATABASE (and MYSQL_ROOT_PASSWORD when
# run by hand) from the container's environment. Not executable on purpose: the entrypoint only
# sources non-executable .sh files (an executable one would run without docker_process_sql).

if ! declare -F docker_process_sql >/dev/null; then
	# Run by hand against the running server.
	docker_process_sql() {
		MYSQL_PWD="${MYSQL_ROOT_PASSWORD:-${MARIADB_ROOT_PASSWORD:-}}" "$(command -v mysql || command -v mariadb)" -uroot --protocol=socket "$@"
	}
fi

_ro_user="${MYSQL_READONLY_USER:-}"
_ro_password="${MYSQL_READONLY_PASSWORD:-}"
_ro_database="${MYSQL_DATABASE:-${MARIADB_DATABASE:-}}"
if [ -z "$_ro_user" ] || [ -z "$_ro_password" ] || [ -z "$_ro_database" ]; then
	echo >&2 '10-readonly-user.sh: MYSQL_READONLY_USER, MYSQL_READONLY_PASSWORD and MYSQL_DATABASE must be set'
	exit 1
fi
# SQL string literals: double backslashes and single quotes. Identifiers: double backticks, and
# escape _ and % in the database name (GRANT treats them as wildcards).
_ro_sql_string() { local v="${1//\\/\\\\}"; printf '%s' "${v//\'/\'\'}"; }
_ro_user_sql="$(_ro_sql_string "$_ro_user")"
_ro_password_sql="$(_ro_sql_string "$_ro_password")"
_ro_db_sql="${_ro_database//\`/\`\`}"
_ro_db_sql="${_ro_db_sql//_/\\_}"
_ro_db_sql="${_ro_db_sql//%/\\%}"

echo "10-readonly-user.sh: granting SELECT on \`$_ro_database\` to '$_ro_user'@'%'"
if ! docker_process_sql --database=mysql <<EOSQL
CREATE USER IF NOT EXISTS '${_ro_user_sql}'@'%' IDENTIFIED BY '${_ro_password_sql}';
ALTER USER '${_ro_user_sql}'@'%' IDENTIFIED BY '${_ro_password_sql}';
GRANT SELECT ON \`${_ro_db_sql}\`.* TO '${_ro_user_sql}'@'%';
EOSQL
then
	echo >&2 '10-readonly-user.sh: creating the read-only user failed'
	exit 1
fi

unset -f _ro_sql_string
unset _ro_user _ro_password _ro_database _ro_user_sql _ro_password_sql _ro_db_sql

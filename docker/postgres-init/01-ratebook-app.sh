#!/bin/sh
# Run once by the postgres image when its volume is new: the role the application connects as at runtime
# (not a superuser, no BYPASSRLS, owns nothing). Migrations run as the owner `ratebook`. Decision 018.
set -e
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" -v pw="$RATEBOOK_APP_DB_PASSWORD" <<'SQL'
CREATE ROLE ratebook_app LOGIN PASSWORD :'pw' NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
SQL

#!/bin/sh
# Runs once, when the database volume is first initialised (postgres image's /docker-entrypoint-initdb.d).
# The tables belong to POSTGRES_USER (the owner, who migrates); the API runs as luoshi_app, which the
# migrate service grants only what it needs: rows, not tables, and the audit append-only.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" -v pw="$APP_DB_PASSWORD" <<'SQL'
CREATE ROLE luoshi_app LOGIN PASSWORD :'pw';
SQL

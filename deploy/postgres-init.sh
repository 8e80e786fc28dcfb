#!/bin/sh
# First start of the PostgreSQL container (docker-entrypoint-initdb.d): Rasa's tracker store gets
# its own database and its own user, so Rasa cannot read the cases and the app's user cannot
# read conversations except through the tracker user (retention and erasure).
set -eu
psql -v ON_ERROR_STOP=1 -v pw="$TRACKER_DB_PASSWORD" --username "$POSTGRES_USER" \
     --dbname "$POSTGRES_DB" <<'SQL'
CREATE ROLE tellonce_tracker LOGIN PASSWORD :'pw';
CREATE DATABASE tellonce_tracker OWNER tellonce_tracker;
REVOKE ALL ON DATABASE tellonce_tracker FROM PUBLIC;
REVOKE ALL ON DATABASE tellonce FROM PUBLIC;
SQL

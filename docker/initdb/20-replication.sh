#!/bin/bash
# The login the standby streams with (compose.yaml's replica service), allowed to replicate over the network with a
# password. Runs once, at the primary's first start. Replace the password here and in compose.yaml.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" -c "CREATE ROLE replicator LOGIN REPLICATION PASSWORD 'replicate'"
echo "host replication replicator all scram-sha-256" >> "$PGDATA/pg_hba.conf"

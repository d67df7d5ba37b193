#!/bin/bash
# One-shot set-up of the SQL Server of the compose stack (run as root in the SQL Server image, after the
# server is healthy): the two databases, the logins with the least rights each service needs, the
# bi_reader role, and a backup folder SQL Server can write. Idempotent: every start re-applies it, and a
# password changed in .env is changed on the server.
set -euo pipefail

SQLCMD=/opt/mssql-tools18/bin/sqlcmd
chown 10001:0 /backup
chmod 770 /backup

"$SQLCMD" -C -b -S mssql -U sa -P "$MSSQL_SA_PASSWORD" -i /opt/esteira/db-init.sql \
    -v OLTP_OWNER_PASSWORD="$ESTEIRA_OLTP_OWNER_PASSWORD" \
       EXTRACTOR_PASSWORD="$ESTEIRA_OLTP_EXTRACTOR_PASSWORD" \
       LOADER_PASSWORD="$ESTEIRA_DW_LOADER_PASSWORD" \
       SERVICES_PASSWORD="$ESTEIRA_DW_SERVICES_PASSWORD" \
       BI_PASSWORD="$ESTEIRA_DW_BI_PASSWORD" \
       OPS_PASSWORD="$ESTEIRA_DW_OPS_PASSWORD" \
       QUALITY_READER_PASSWORD="$ESTEIRA_DW_QUALITY_READER_PASSWORD"
echo "db-init: databases esteira_oltp and esteira_dw and their logins are in place."

#!/bin/bash
# Scheduled full backups of the OLTP and DW databases (compose service "backup"). SQL Server writes the
# .bak files itself, into /var/opt/mssql/backup (volume "backups", mounted in both containers); files
# older than BACKUP_RETENTION_DAYS are deleted after each round. Restore: docs/runbook.md.
set -euo pipefail

SQLCMD=/opt/mssql-tools18/bin/sqlcmd
INTERVAL="${BACKUP_INTERVAL_SECONDS:-86400}"
RETENTION_DAYS="${BACKUP_RETENTION_DAYS:-7}"
DIR=/var/opt/mssql/backup

while true; do
    stamp=$(date -u +%Y%m%dT%H%M%SZ)
    for db in esteira_oltp esteira_dw; do
        file="$DIR/${db}_${stamp}.bak"
        "$SQLCMD" -C -b -S mssql -U sa -P "$MSSQL_SA_PASSWORD" \
            -Q "BACKUP DATABASE [$db] TO DISK = N'$file' WITH COPY_ONLY, COMPRESSION, CHECKSUM, INIT" \
            && echo "backup: $file written" \
            || echo "backup: FAILED for $db at $stamp" >&2
    done
    find "$DIR" -maxdepth 1 -name '*.bak' -type f -mtime +"$RETENTION_DAYS" -print -delete \
        | sed 's/^/backup: pruned /'
    sleep "$INTERVAL"
done

-- One page of an entity's changes, in change order (row_version, then key), after the cursor
-- (:from_version, :from_key) and up to (:to_version, :to_key), live rows and hard-delete tombstones merged.
--
-- H2 serves only the single-writer quick start: row_version comes from a sequence and there is
-- no "oldest open transaction" to bound by, so this reads what is committed now. With several
-- concurrent writers a sequence value taken by a transaction that commits late could fall behind
-- the watermark; use PostgreSQL or SQL Server for that.
SELECT c.*
FROM (
    SELECT 'upsert' AS esteira_op, t.{key} AS esteira_key, t.row_version AS esteira_version, {columns}
    FROM {table} t
    WHERE (t.row_version > :from_version OR (t.row_version = :from_version AND t.{key} > :from_key))
      AND (t.row_version < :to_version OR (t.row_version = :to_version AND t.{key} <= :to_key)) {window}
    UNION ALL
    SELECT 'delete', d.row_key, d.row_version, {null_columns}
    FROM {tombstones} d
    WHERE d.table_name = :table_name
      AND (d.row_version > :from_version OR (d.row_version = :from_version AND d.row_key > :from_key))
      AND (d.row_version < :to_version OR (d.row_version = :to_version AND d.row_key <= :to_key)) {tombstone_window}
) c
ORDER BY c.esteira_version, c.esteira_key
LIMIT :max_rows

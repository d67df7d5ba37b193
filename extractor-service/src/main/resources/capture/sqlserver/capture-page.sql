-- One page of an entity's changes, in change order (rowversion, then key), after the cursor
-- (:from_version, :from_key) and up to (:to_version, :to_key), live rows and hard-delete tombstones merged.
--
-- The upper bound is MIN_ACTIVE_ROWVERSION(): the lowest rowversion of any transaction still
-- open. Everything below it is committed, so no row can still appear below the bound; a
-- transaction that stays open delays rows above it (lag), never loses them. Rows of one
-- transaction get distinct rowversions here, and the key still breaks any tie.
SELECT TOP (:max_rows) c.*
FROM (
    SELECT 'upsert' AS esteira_op, t.{key} AS esteira_key, CAST(t.row_version AS BIGINT) AS esteira_version, {columns}
    FROM {table} t
    WHERE (t.row_version > CAST(CAST(:from_version AS BIGINT) AS BINARY(8))
           OR (t.row_version = CAST(CAST(:from_version AS BIGINT) AS BINARY(8)) AND t.{key} > :from_key))
      AND (t.row_version < CAST(CAST(:to_version AS BIGINT) AS BINARY(8))
           OR (t.row_version = CAST(CAST(:to_version AS BIGINT) AS BINARY(8)) AND t.{key} <= :to_key))
      AND t.row_version < MIN_ACTIVE_ROWVERSION() {window}
    UNION ALL
    SELECT 'delete', d.row_key, CAST(d.row_version AS BIGINT), {null_columns}
    FROM {tombstones} d
    WHERE d.table_name = :table_name
      AND (d.row_version > CAST(CAST(:from_version AS BIGINT) AS BINARY(8))
           OR (d.row_version = CAST(CAST(:from_version AS BIGINT) AS BINARY(8)) AND d.row_key > :from_key))
      AND (d.row_version < CAST(CAST(:to_version AS BIGINT) AS BINARY(8))
           OR (d.row_version = CAST(CAST(:to_version AS BIGINT) AS BINARY(8)) AND d.row_key <= :to_key))
      AND d.row_version < MIN_ACTIVE_ROWVERSION() {tombstone_window}
) c
ORDER BY c.esteira_version, c.esteira_key

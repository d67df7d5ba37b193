-- One page of an entity's changes, in change order (rowversion, then key), after the cursor
-- (:from_version, :from_key) and up to (:to_version, :to_key), live rows and hard-delete tombstones merged.
--
-- The upper bound is :bound, MIN_ACTIVE_ROWVERSION() as capture-bound.sql read it in an earlier
-- statement (never in this one: see that file). Everything below it is committed, so no row can
-- still appear below the bound; a transaction that stays open delays rows above it (lag), never
-- loses them. Rows of one transaction get distinct rowversions here, and the key still breaks any tie.
--
-- Each branch orders by the raw rowversion and key, which its index supplies ((row_version, key) on
-- the table, (table_name, row_version, row_key) on the tombstones), and stops after :max_rows rows:
-- no page sorts the remainder of the table. The cast to bigint happens only in the outer SELECT.
-- :table_name is cast to varchar, the column's type: sent as nvarchar (the driver's default for
-- strings) it would convert the column instead and turn the tombstone seek into a scan.
SELECT TOP (:max_rows) c.esteira_op, c.esteira_key, CAST(c.esteira_version AS BIGINT) AS esteira_version, {outer_columns}
FROM (
    SELECT * FROM (
        SELECT TOP (:max_rows) 'upsert' AS esteira_op, t.{key} AS esteira_key, t.{version} AS esteira_version, {columns}
        FROM {table} t
        WHERE (t.{version} > CAST(CAST(:from_version AS BIGINT) AS BINARY(8))
               OR (t.{version} = CAST(CAST(:from_version AS BIGINT) AS BINARY(8)) AND t.{key} > :from_key))
          AND (t.{version} < CAST(CAST(:to_version AS BIGINT) AS BINARY(8))
               OR (t.{version} = CAST(CAST(:to_version AS BIGINT) AS BINARY(8)) AND t.{key} <= :to_key))
          AND t.{version} < CAST(CAST(:bound AS BIGINT) AS BINARY(8)) {window}
        ORDER BY t.{version}, t.{key}
    ) u
    UNION ALL
    SELECT * FROM (
        SELECT TOP (:max_rows) 'delete' AS esteira_op, d.{tombstone_key} AS esteira_key, d.{tombstone_version} AS esteira_version, {null_columns}
        FROM {tombstones} d
        WHERE d.{tombstone_table_name} = CAST(:table_name AS VARCHAR(64))
          AND (d.{tombstone_version} > CAST(CAST(:from_version AS BIGINT) AS BINARY(8))
               OR (d.{tombstone_version} = CAST(CAST(:from_version AS BIGINT) AS BINARY(8)) AND d.{tombstone_key} > :from_key))
          AND (d.{tombstone_version} < CAST(CAST(:to_version AS BIGINT) AS BINARY(8))
               OR (d.{tombstone_version} = CAST(CAST(:to_version AS BIGINT) AS BINARY(8)) AND d.{tombstone_key} <= :to_key))
          AND d.{tombstone_version} < CAST(CAST(:bound AS BIGINT) AS BINARY(8)) {tombstone_window}
        ORDER BY d.{tombstone_version}, d.{tombstone_key}
    ) x
) c
ORDER BY c.esteira_version, c.esteira_key

-- One page of an entity's changes, in change order (row_version, then key), after the cursor
-- (:from_version, :from_key) and up to (:to_version, :to_key), live rows and hard-delete tombstones merged.
--
-- The upper bound is the oldest transaction still running: every transaction whose id is below
-- pg_snapshot_xmin(pg_current_snapshot()) has ended, so no row stamped below it can still appear.
-- A row written by a transaction that stays open waits above the bound (lag), and arrives once it
-- commits (no loss). Rows of one transaction share a version: the key breaks the tie, so a page
-- boundary can fall inside a transaction without skipping or repeating rows.
WITH bound AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS upper_xid)
SELECT c.*
FROM (
    SELECT 'upsert' AS esteira_op, t.{key} AS esteira_key, t.row_version::text::bigint AS esteira_version, {columns}
    FROM {table} t CROSS JOIN bound b
    WHERE (t.row_version, t.{key}) > (:from_version::text::xid8, :from_key)
      AND (t.row_version, t.{key}) <= (:to_version::text::xid8, :to_key)
      AND t.row_version < b.upper_xid {window}
    UNION ALL
    SELECT 'delete', d.row_key, d.row_version::text::bigint, {null_columns}
    FROM {tombstones} d CROSS JOIN bound b
    WHERE d.table_name = :table_name
      AND (d.row_version, d.row_key) > (:from_version::text::xid8, :from_key)
      AND (d.row_version, d.row_key) <= (:to_version::text::xid8, :to_key)
      AND d.row_version < b.upper_xid {tombstone_window}
) c
ORDER BY c.esteira_version, c.esteira_key
LIMIT :max_rows

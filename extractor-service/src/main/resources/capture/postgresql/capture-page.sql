-- One page of an entity's changes, in change order (row_version, then key), after the cursor
-- (:from_version, :from_key) and up to (:to_version, :to_key), live rows and hard-delete tombstones merged.
--
-- The upper bound is :bound, the oldest transaction that was running when capture-bound.sql ran in
-- an earlier statement: every transaction whose id is below it has ended, and this statement's later
-- snapshot sees all of them. A row written by a transaction that stays open waits above the bound
-- (lag), and arrives once it commits (no loss). Rows of one transaction share a version: the key
-- breaks the tie, so a page boundary can fall inside a transaction without skipping or repeating rows.
--
-- Each branch reads its own index in change order ((row_version, key) on the table, (table_name,
-- row_version, row_key) on the tombstones) and stops after :max_rows rows; the outer query merges at
-- most 2 × :max_rows rows. Nothing sorts the remainder of the table, so a page costs the same at the
-- start and at the end of an initial load. The version is cast to bigint only here, outside the
-- branches, where it no longer decides which index serves the order.
SELECT c.esteira_op, c.esteira_key, c.esteira_version::text::bigint AS esteira_version, {outer_columns}
FROM (
    (SELECT 'upsert' AS esteira_op, t.{key} AS esteira_key, t.{version} AS esteira_version, {columns}
     FROM {table} t
     WHERE (t.{version}, t.{key}) > (:from_version::text::xid8, :from_key)
       AND (t.{version}, t.{key}) <= (:to_version::text::xid8, :to_key)
       AND t.{version} < :bound::text::xid8 {window}
     ORDER BY t.{version}, t.{key}
     LIMIT :max_rows)
    UNION ALL
    (SELECT 'delete', d.{tombstone_key}, d.{tombstone_version}, {null_columns}
     FROM {tombstones} d
     WHERE d.{tombstone_table_name} = :table_name
       AND (d.{tombstone_version}, d.{tombstone_key}) > (:from_version::text::xid8, :from_key)
       AND (d.{tombstone_version}, d.{tombstone_key}) <= (:to_version::text::xid8, :to_key)
       AND d.{tombstone_version} < :bound::text::xid8 {tombstone_window}
     ORDER BY d.{tombstone_version}, d.{tombstone_key}
     LIMIT :max_rows)
) c
ORDER BY c.esteira_version, c.esteira_key
LIMIT :max_rows

-- What the OLTP has changed after the warehouse's consistent point (:orders_version … from
-- reconciliation-point.sql): the orders and monthly targets whose facts cannot agree yet, and the
-- hard-deleted items and returns (gone from the OLTP) whose orders only the DW mirror can name.
-- row_version is xid8; the mirror stores it as bigint. kind: order, target, deleted_item, deleted_return.
-- {orders} …: each entity's source table under the contract's names (SourceMapping.asContract);
-- {orders_tombstones} …: its tombstone table under the reference names, and :orders_table_name … the
-- table name its tombstones carry (the source's), as the extractor reads them.
SELECT 'order' AS kind, o.order_id AS key_value
FROM {orders} o
WHERE o.row_version > CAST(CAST(:orders_version AS text) AS xid8)
UNION
SELECT 'order', i.order_id
FROM {order_items} i
WHERE i.row_version > CAST(CAST(:order_items_version AS text) AS xid8)
UNION
SELECT 'order', i.order_id
FROM {returns} r
JOIN {order_items} i ON i.order_item_id = r.order_item_id
WHERE r.row_version > CAST(CAST(:returns_version AS text) AS xid8)
UNION
SELECT 'target', t.sales_target_id
FROM {sales_targets} t
WHERE t.row_version > CAST(CAST(:sales_targets_version AS text) AS xid8)
UNION
SELECT 'order', d.row_key
FROM {orders_tombstones} d
WHERE d.table_name = :orders_table_name AND d.row_version > CAST(CAST(:orders_version AS text) AS xid8)
UNION
SELECT 'deleted_item', d.row_key
FROM {order_items_tombstones} d
WHERE d.table_name = :order_items_table_name AND d.row_version > CAST(CAST(:order_items_version AS text) AS xid8)
UNION
SELECT 'deleted_return', d.row_key
FROM {returns_tombstones} d
WHERE d.table_name = :returns_table_name AND d.row_version > CAST(CAST(:returns_version AS text) AS xid8)
UNION
SELECT 'target', d.row_key
FROM {sales_targets_tombstones} d
WHERE d.table_name = :sales_targets_table_name AND d.row_version > CAST(CAST(:sales_targets_version AS text) AS xid8)

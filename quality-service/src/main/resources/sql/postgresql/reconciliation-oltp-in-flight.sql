-- What the OLTP has changed after the warehouse's consistent point (:orders_version … from
-- reconciliation-point.sql): the orders and monthly targets whose facts cannot agree yet, and the
-- hard-deleted items and returns (gone from the OLTP) whose orders only the DW mirror can name.
-- row_version is xid8; the mirror stores it as bigint. kind: order, target, deleted_item, deleted_return.
SELECT 'order' AS kind, o.order_id AS key_value
FROM core.orders o
WHERE o.row_version > CAST(CAST(:orders_version AS text) AS xid8)
UNION
SELECT 'order', i.order_id
FROM core.order_items i
WHERE i.row_version > CAST(CAST(:order_items_version AS text) AS xid8)
UNION
SELECT 'order', i.order_id
FROM core.returns r
JOIN core.order_items i ON i.order_item_id = r.order_item_id
WHERE r.row_version > CAST(CAST(:returns_version AS text) AS xid8)
UNION
SELECT 'target', t.sales_target_id
FROM core.sales_targets t
WHERE t.row_version > CAST(CAST(:sales_targets_version AS text) AS xid8)
UNION
SELECT CASE d.table_name
           WHEN 'orders' THEN 'order'
           WHEN 'order_items' THEN 'deleted_item'
           WHEN 'returns' THEN 'deleted_return'
           ELSE 'target' END,
       d.row_key
FROM core.deleted_rows d
WHERE (d.table_name = 'orders' AND d.row_version > CAST(CAST(:orders_version AS text) AS xid8))
   OR (d.table_name = 'order_items' AND d.row_version > CAST(CAST(:order_items_version AS text) AS xid8))
   OR (d.table_name = 'returns' AND d.row_version > CAST(CAST(:returns_version AS text) AS xid8))
   OR (d.table_name = 'sales_targets' AND d.row_version > CAST(CAST(:sales_targets_version AS text) AS xid8))

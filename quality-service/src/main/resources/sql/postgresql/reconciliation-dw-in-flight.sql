-- What the warehouse has landed but not derived into its facts yet (land, then derive: ADR 6): the
-- orders and monthly targets of the keys queued in ctl.derive_queue, reached through the DW mirror;
-- and the orders of the items and returns hard-deleted in the OLTP after the consistent point
-- ({deleted_items}, {deleted_returns}: lists from reconciliation-oltp-in-flight.sql). Keys parked in
-- ctl.derive_failed are not excluded: their facts are wrong until an operator acts.
-- ansi/reconciliation-dw-in-flight.sql, but a queue row holds a landed batch's keys (keys, a comma-separated
-- list) or one key (key_value): the loader's db/dw/postgresql/V100 migration.
WITH q AS MATERIALIZED (
    SELECT d.entity, k.key_value
    FROM ctl.derive_queue d
    CROSS JOIN LATERAL unnest(COALESCE(CAST(string_to_array(d.keys, ',') AS bigint[]), ARRAY[d.key_value])) k(key_value)
    WHERE d.entity IN ('orders', 'order_items', 'returns', 'sales_targets'))
SELECT 'order' AS kind, q.key_value
FROM q
WHERE q.entity = 'orders'
UNION
SELECT 'order', i.order_id
FROM q
JOIN stg.order_items i ON i.order_item_id = q.key_value
WHERE q.entity = 'order_items' AND i.order_id IS NOT NULL
UNION
SELECT 'order', i.order_id
FROM q
JOIN stg.returns r ON r.return_id = q.key_value
JOIN stg.order_items i ON i.order_item_id = r.order_item_id
WHERE q.entity = 'returns'
UNION
SELECT 'target', q.key_value
FROM q
WHERE q.entity = 'sales_targets'
UNION
SELECT 'order', i.order_id
FROM stg.order_items i
WHERE i.order_item_id IN ({deleted_items}) AND i.order_id IS NOT NULL
UNION
SELECT 'order', i.order_id
FROM stg.returns r
JOIN stg.order_items i ON i.order_item_id = r.order_item_id
WHERE r.return_id IN ({deleted_returns})

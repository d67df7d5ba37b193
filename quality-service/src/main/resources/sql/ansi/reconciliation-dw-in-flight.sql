-- What the warehouse has landed but not derived into its facts yet (land, then derive: ADR 6): the
-- orders and monthly targets of the keys queued in ctl.derive_queue ({queued_keys}: queued-keys.sql, a row
-- per key whatever the vendor's queue rows hold), reached through the DW mirror;
-- and the orders of the items and returns hard-deleted in the OLTP after the consistent point
-- ({deleted_items}, {deleted_returns}: lists from reconciliation-oltp-in-flight.sql). Keys parked in
-- ctl.derive_failed are not excluded: their facts are wrong until an operator acts.
SELECT 'order' AS kind, q.key_value
FROM ({queued_keys}) q
WHERE q.entity = 'orders'
UNION
SELECT 'order', i.order_id
FROM ({queued_keys}) q
JOIN stg.order_items i ON i.order_item_id = q.key_value
WHERE q.entity = 'order_items' AND i.order_id IS NOT NULL
UNION
SELECT 'order', i.order_id
FROM ({queued_keys}) q
JOIN stg.returns r ON r.return_id = q.key_value
JOIN stg.order_items i ON i.order_item_id = r.order_item_id
WHERE q.entity = 'returns'
UNION
SELECT 'target', q.key_value
FROM ({queued_keys}) q
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

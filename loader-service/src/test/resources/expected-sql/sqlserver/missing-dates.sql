-- Business dates of the affected facts that the calendar does not cover yet.
SELECT DISTINCT CAST(o.order_date AS DATE) AS missing_date
FROM (-- The orders whose facts this batch re-derives: those of the affected order items, and those whose
-- discount facts are affected. Embedded as the affected_orders placeholder; the statements that use it start from it
-- and reach the mirror by key, so their cost follows the batch, not the size of the warehouse.
SELECT i.order_id
FROM stg.affected a
JOIN stg.order_items i ON i.order_item_id = a.key_value
WHERE a.apply_token = CAST(:token AS VARCHAR(36)) AND a.target = 'fact_vendas'
UNION
SELECT a.key_value
FROM stg.affected a
WHERE a.apply_token = CAST(:token AS VARCHAR(36)) AND a.target = 'fact_descontos') k
JOIN stg.orders o ON o.order_id = k.order_id
WHERE o.order_date IS NOT NULL
  AND NOT EXISTS (
      SELECT 1 FROM dim.dim_data d
      WHERE d.data_sk = (YEAR(o.order_date) * 10000 + MONTH(o.order_date) * 100 + DAY(o.order_date)))
UNION
SELECT DISTINCT DATEFROMPARTS(t.year, t.month, 1)
FROM stg.affected a
JOIN stg.sales_targets t ON t.sales_target_id = a.key_value
WHERE a.apply_token = CAST(:token AS VARCHAR(36)) AND a.target = 'fact_metas'
  AND NOT EXISTS (SELECT 1 FROM dim.dim_data d WHERE d.data_sk = t.year * 10000 + t.month * 100 + 1);

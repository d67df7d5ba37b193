-- Business dates of the affected facts that the calendar does not cover yet.
SELECT DISTINCT CAST(o.order_date AS DATE) AS missing_date
FROM ({affected_orders}) k
JOIN stg.orders o ON o.order_id = k.order_id
WHERE o.order_date IS NOT NULL
  AND NOT EXISTS (
      SELECT 1 FROM dim.dim_data d
      WHERE d.data_sk = {date_sk:o.order_date})
UNION
SELECT DISTINCT {month_start:t.year, t.month}
FROM stg.affected a
JOIN stg.sales_targets t ON t.sales_target_id = a.key_value
WHERE a.apply_token = :token AND a.target = 'fact_metas'
  AND NOT EXISTS (SELECT 1 FROM dim.dim_data d WHERE d.data_sk = t.year * 10000 + t.month * 100 + 1)

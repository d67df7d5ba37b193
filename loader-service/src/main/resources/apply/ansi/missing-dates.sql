-- Business dates of the affected facts that the calendar does not cover yet.
SELECT DISTINCT CAST(o.order_date AS DATE) AS missing_date
FROM stg.orders o
WHERE (o.order_id IN (SELECT i.order_id FROM stg.order_items i
                      JOIN stg.affected a ON a.key_value = i.order_item_id
                      WHERE a.apply_token = :token AND a.target = 'fact_vendas')
       OR o.order_id IN (SELECT key_value FROM stg.affected WHERE apply_token = :token AND target = 'fact_descontos'))
  AND o.order_date IS NOT NULL
  AND NOT EXISTS (
      SELECT 1 FROM dim.dim_data d
      WHERE d.data_sk = {date_sk:o.order_date})
UNION
SELECT DISTINCT {month_start:t.year, t.month}
FROM stg.sales_targets t
WHERE t.sales_target_id IN (SELECT key_value FROM stg.affected WHERE apply_token = :token AND target = 'fact_metas')
  AND NOT EXISTS (SELECT 1 FROM dim.dim_data d WHERE d.data_sk = t.year * 10000 + t.month * 100 + 1)

-- What fact.fact_metas holds, per month (data_sk of the month's first day), without the targets not at
-- the consistent point yet ({excluded_targets}).
SELECT f.data_sk AS period,
       COUNT(*) AS targets,
       SUM(f.valor_meta) AS target_amount
FROM fact.fact_metas f
WHERE f.data_sk >= :from_month_sk
  AND f.data_sk < :to_sk
  AND f.sales_target_id NOT IN ({excluded_targets})
GROUP BY f.data_sk

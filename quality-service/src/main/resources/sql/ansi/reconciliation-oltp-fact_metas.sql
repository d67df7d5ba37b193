-- {orders}, {order_items}, {sales_targets}: the entities' source tables under the contract's names (SourceMapping.asContract).
-- What fact.fact_metas should hold, per month (data_sk of the month's first day) of the window: live
-- monthly targets and their amounts; without the targets not at the consistent point yet
-- ({excluded_targets}).
SELECT t.year * 10000 + t.month * 100 + 1 AS period,
       COUNT(*) AS targets,
       SUM(t.target_amount) AS target_amount
FROM {sales_targets} t
WHERE t.deleted_at IS NULL
  AND t.year * 10000 + t.month * 100 + 1 >= :from_month_sk
  AND t.year * 10000 + t.month * 100 + 1 < :to_sk
  AND t.sales_target_id NOT IN ({excluded_targets})
GROUP BY t.year, t.month

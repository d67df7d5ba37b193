-- {orders}, {order_items}, {sales_targets}: the entities' source tables under the contract's names (SourceMapping.asContract).
-- What fact.fact_descontos should hold, per day of order_date: one row per live order with a discount
-- and at least one live item, its gross amount, the discount applied and the amount after it (sums of
-- its live items); without the orders not at the consistent point yet ({excluded_orders}).
SELECT CAST(o.order_date AS DATE) AS period,
       COUNT(DISTINCT o.order_id) AS orders,
       SUM(i.quantity * i.unit_price) AS gross,
       SUM(COALESCE(i.discount_amount, 0)) AS discount,
       SUM(i.quantity * i.unit_price - COALESCE(i.discount_amount, 0)) AS net
FROM {orders} o
JOIN {order_items} i ON i.order_id = o.order_id AND i.deleted_at IS NULL
WHERE o.discount_id IS NOT NULL
  AND o.deleted_at IS NULL
  AND o.order_date >= :from_time
  AND o.order_date < :to_time
  AND o.order_id NOT IN ({excluded_orders})
GROUP BY CAST(o.order_date AS DATE)

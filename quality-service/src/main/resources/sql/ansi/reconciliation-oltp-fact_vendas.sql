-- {orders}, {order_items}, {sales_targets}: the entities' source tables under the contract's names (SourceMapping.asContract).
-- What fact.fact_vendas should hold, per day of order_date (UTC, the fact's data_sk): live items of
-- live orders, their orders, units and net revenue (quantity x unit_price - discount_amount), as the
-- data contract defines the fact; without the orders not at the warehouse's consistent point yet
-- ({excluded_orders}: reconciliation-oltp-in-flight.sql and reconciliation-dw-in-flight.sql).
SELECT CAST(o.order_date AS DATE) AS period,
       COUNT(*) AS items,
       COUNT(DISTINCT o.order_id) AS orders,
       SUM(CAST(i.quantity AS bigint)) AS quantity,
       SUM(i.quantity * i.unit_price - COALESCE(i.discount_amount, 0)) AS net_revenue
FROM {order_items} i
JOIN {orders} o ON o.order_id = i.order_id
WHERE i.deleted_at IS NULL
  AND o.deleted_at IS NULL
  AND o.order_date >= :from_time
  AND o.order_date < :to_time
  AND o.order_id NOT IN ({excluded_orders})
GROUP BY CAST(o.order_date AS DATE)

-- What fact.fact_vendas holds, per day (data_sk = yyyymmdd of the order's order_date), without the
-- orders not at the consistent point yet ({excluded_orders}).
SELECT f.data_sk AS period,
       COUNT(*) AS items,
       COUNT(DISTINCT f.pedido_id) AS orders,
       SUM(CAST(f.quantidade AS bigint)) AS quantity,
       SUM(f.valor_total_liquido) AS net_revenue
FROM fact.fact_vendas f
WHERE f.data_sk >= :from_sk
  AND f.data_sk < :to_sk
  AND f.pedido_id NOT IN ({excluded_orders})
GROUP BY f.data_sk

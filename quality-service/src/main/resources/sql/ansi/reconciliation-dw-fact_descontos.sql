-- What fact.fact_descontos holds, per day (data_sk), without the orders not at the consistent point
-- yet ({excluded_orders}).
SELECT f.data_sk AS period,
       COUNT(*) AS orders,
       SUM(f.valor_bruto) AS gross,
       SUM(f.valor_desconto_aplicado) AS discount,
       SUM(f.valor_com_desconto) AS net
FROM fact.fact_descontos f
WHERE f.data_sk >= :from_sk
  AND f.data_sk < :to_sk
  AND f.pedido_id NOT IN ({excluded_orders})
GROUP BY f.data_sk

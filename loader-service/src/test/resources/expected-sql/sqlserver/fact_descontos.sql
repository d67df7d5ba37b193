-- ==== statement 1 of 2 ====
-- Re-derives the discount facts of the affected orders: one row per live order with a discount,
-- summing its live items.
DELETE FROM fact.fact_descontos
WHERE pedido_id IN (SELECT key_value FROM stg.affected WHERE apply_token = CAST(:token AS VARCHAR(36)) AND target = 'fact_descontos');

-- ==== statement 2 of 2 ====
INSERT INTO fact.fact_descontos (
    pedido_id, desconto_sk, cliente_sk, vendedor_sk, data_sk,
    valor_bruto, valor_desconto_aplicado, valor_com_desconto, carregado_em)
SELECT o.order_id,
       COALESCE(d.desconto_sk, 0),
       COALESCE(c.cliente_sk, 0),
       COALESCE(v.vendedor_sk, 0),
       (YEAR(o.order_date) * 10000 + MONTH(o.order_date) * 100 + DAY(o.order_date)),
       SUM(i.quantity * i.unit_price),
       SUM(i.discount_amount),
       SUM(i.quantity * i.unit_price - i.discount_amount),
       :now
FROM (SELECT DISTINCT key_value FROM stg.affected WHERE apply_token = CAST(:token AS VARCHAR(36)) AND target = 'fact_descontos') a
JOIN stg.orders o ON o.order_id = a.key_value
JOIN stg.order_items i ON i.order_id = o.order_id AND i.deleted_at IS NULL AND i.source_deleted = 0
LEFT JOIN dim.dim_cliente c
       ON c.cliente_id = o.customer_id AND o.order_date >= c.valido_de AND o.order_date < c.valido_ate
LEFT JOIN dim.dim_vendedor v
       ON v.vendedor_id = o.seller_id AND o.order_date >= v.valido_de AND o.order_date < v.valido_ate
LEFT JOIN dim.dim_desconto d ON d.desconto_id = o.discount_id
WHERE o.discount_id IS NOT NULL
  AND o.deleted_at IS NULL AND o.source_deleted = 0
GROUP BY o.order_id, d.desconto_sk, c.cliente_sk, v.vendedor_sk, o.order_date;

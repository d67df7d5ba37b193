-- Re-derives the discount facts of the affected orders, writing only what changed (ansi/fact_descontos.sql
-- is the delete-and-insert form SQL Server keeps): one row per live order with a discount and a live
-- item, summing its live items. Facts of orders that no longer qualify leave; the rest are inserted, or
-- updated where a column differs; a fact derived again with nothing changed is not written
-- (postgresql/fact_vendas.sql says why).
DELETE FROM fact.fact_descontos f
WHERE f.pedido_id IN ({discount_keys})
  AND NOT EXISTS (SELECT 1
                  FROM stg.orders o
                  JOIN stg.order_items i
                    ON i.order_id = o.order_id AND i.deleted_at IS NULL AND i.source_deleted = {false}
                  WHERE o.order_id = f.pedido_id
                    AND o.discount_id IS NOT NULL
                    AND o.deleted_at IS NULL AND o.source_deleted = {false});

INSERT INTO fact.fact_descontos (
    pedido_id, desconto_sk, cliente_sk, vendedor_sk, data_sk,
    valor_bruto, valor_desconto_aplicado, valor_com_desconto, carregado_em)
SELECT o.order_id,
       COALESCE(d.desconto_sk, 0),
       COALESCE(c.cliente_sk, 0),
       COALESCE(v.vendedor_sk, 0),
       {date_sk:o.order_date},
       SUM(i.quantity * i.unit_price),
       SUM(i.discount_amount),
       SUM(i.quantity * i.unit_price - i.discount_amount),
       :now
FROM ({discount_keys}) a
JOIN stg.orders o ON o.order_id = a.key_value
JOIN stg.order_items i ON i.order_id = o.order_id AND i.deleted_at IS NULL AND i.source_deleted = {false}
LEFT JOIN dim.dim_cliente c
       ON c.cliente_id = o.customer_id AND o.order_date >= c.valido_de AND o.order_date < c.valido_ate
LEFT JOIN dim.dim_vendedor v
       ON v.vendedor_id = o.seller_id AND o.order_date >= v.valido_de AND o.order_date < v.valido_ate
LEFT JOIN dim.dim_desconto d ON d.desconto_id = o.discount_id
WHERE o.discount_id IS NOT NULL
  AND o.deleted_at IS NULL AND o.source_deleted = {false}
GROUP BY o.order_id, d.desconto_sk, c.cliente_sk, v.vendedor_sk, o.order_date
ON CONFLICT (pedido_id) DO UPDATE SET
    desconto_sk = EXCLUDED.desconto_sk,
    cliente_sk = EXCLUDED.cliente_sk,
    vendedor_sk = EXCLUDED.vendedor_sk,
    data_sk = EXCLUDED.data_sk,
    valor_bruto = EXCLUDED.valor_bruto,
    valor_desconto_aplicado = EXCLUDED.valor_desconto_aplicado,
    valor_com_desconto = EXCLUDED.valor_com_desconto,
    carregado_em = EXCLUDED.carregado_em
WHERE (fact_descontos.desconto_sk, fact_descontos.cliente_sk, fact_descontos.vendedor_sk,
       fact_descontos.data_sk, fact_descontos.valor_bruto, fact_descontos.valor_desconto_aplicado,
       fact_descontos.valor_com_desconto)
      IS DISTINCT FROM (EXCLUDED.desconto_sk, EXCLUDED.cliente_sk, EXCLUDED.vendedor_sk,
                        EXCLUDED.data_sk, EXCLUDED.valor_bruto, EXCLUDED.valor_desconto_aplicado,
                        EXCLUDED.valor_com_desconto)

-- ==== statement 1 of 2 ====
-- Re-derives the discount facts of the affected orders, writing only what changed: one row per live
-- order with a discount and a live item, summing its live items. Facts of orders that no longer qualify
-- leave; the rest are inserted, or updated where a column differs; a fact derived again with nothing
-- changed is not written (ansi/fact_vendas.sql says why; postgresql/fact_descontos.sql is the same with
-- INSERT … ON CONFLICT).
DELETE FROM fact.fact_descontos
WHERE pedido_id IN (SELECT key_value FROM stg.affected WHERE apply_token = CAST(:token AS VARCHAR(36)) AND target = 'fact_descontos')
  AND NOT EXISTS (SELECT 1
                  FROM stg.orders o
                  JOIN stg.order_items i
                    ON i.order_id = o.order_id AND i.deleted_at IS NULL AND i.source_deleted = 0
                  WHERE o.order_id = fact_descontos.pedido_id
                    AND o.discount_id IS NOT NULL
                    AND o.deleted_at IS NULL AND o.source_deleted = 0);

-- ==== statement 2 of 2 ====
MERGE INTO fact.fact_descontos f
USING (
    SELECT o.order_id AS pedido_id,
           COALESCE(d.desconto_sk, 0) AS desconto_sk,
           COALESCE(c.cliente_sk, 0) AS cliente_sk,
           COALESCE(v.vendedor_sk, 0) AS vendedor_sk,
           (YEAR(o.order_date) * 10000 + MONTH(o.order_date) * 100 + DAY(o.order_date)) AS data_sk,
           SUM(i.quantity * i.unit_price) AS valor_bruto,
           SUM(i.discount_amount) AS valor_desconto_aplicado,
           SUM(i.quantity * i.unit_price - i.discount_amount) AS valor_com_desconto
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
    GROUP BY o.order_id, d.desconto_sk, c.cliente_sk, v.vendedor_sk, o.order_date
) s
ON (f.pedido_id = s.pedido_id)
WHEN MATCHED AND EXISTS (SELECT s.desconto_sk, s.cliente_sk, s.vendedor_sk, s.data_sk,
                                s.valor_bruto, s.valor_desconto_aplicado, s.valor_com_desconto
                        EXCEPT SELECT f.desconto_sk, f.cliente_sk, f.vendedor_sk, f.data_sk,
                                      f.valor_bruto, f.valor_desconto_aplicado,
                                      f.valor_com_desconto) THEN
    UPDATE SET
        desconto_sk = s.desconto_sk,
        cliente_sk = s.cliente_sk,
        vendedor_sk = s.vendedor_sk,
        data_sk = s.data_sk,
        valor_bruto = s.valor_bruto,
        valor_desconto_aplicado = s.valor_desconto_aplicado,
        valor_com_desconto = s.valor_com_desconto,
        carregado_em = :now
WHEN NOT MATCHED THEN
    INSERT (pedido_id, desconto_sk, cliente_sk, vendedor_sk, data_sk, valor_bruto,
            valor_desconto_aplicado, valor_com_desconto, carregado_em)
    VALUES (s.pedido_id, s.desconto_sk, s.cliente_sk, s.vendedor_sk, s.data_sk, s.valor_bruto,
            s.valor_desconto_aplicado, s.valor_com_desconto, :now);

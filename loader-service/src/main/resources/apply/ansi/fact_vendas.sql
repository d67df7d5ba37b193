-- Re-derives the sales facts of the affected order items from the staging mirror: deleted items and
-- items of deleted orders leave; the rest are rebuilt with the surrogate keys valid at the order
-- date and their returns folded in. An item whose order has not arrived yet has no fact until it does.
DELETE FROM fact.fact_vendas
WHERE order_item_id IN (SELECT key_value FROM stg.affected WHERE apply_token = :token AND target = 'fact_vendas');

INSERT INTO fact.fact_vendas (
    order_item_id, pedido_id, data_sk, cliente_sk, produto_sk, vendedor_sk, regiao_sk, desconto_sk,
    quantidade, preco_unitario, valor_bruto, valor_desconto, valor_total_liquido, custo_total,
    quantidade_devolvida, valor_devolvido, status, canal, carregado_em)
SELECT i.order_item_id,
       o.order_id,
       {date_sk:o.order_date},
       COALESCE(c.cliente_sk, 0),
       COALESCE(p.produto_sk, 0),
       COALESCE(v.vendedor_sk, 0),
       COALESCE(r.regiao_sk, 0),
       COALESCE(d.desconto_sk, 0),
       i.quantity,
       i.unit_price,
       i.quantity * i.unit_price,
       i.discount_amount,
       i.quantity * i.unit_price - i.discount_amount,
       i.quantity * i.unit_cost,
       COALESCE(ret.quantidade, 0),
       COALESCE(ret.valor, 0),
       o.status,
       o.channel,
       :now
FROM stg.order_items i
JOIN stg.orders o ON o.order_id = i.order_id
LEFT JOIN dim.dim_cliente c
       ON c.cliente_id = o.customer_id AND o.order_date >= c.valido_de AND o.order_date < c.valido_ate
LEFT JOIN dim.dim_produto p
       ON p.produto_id = i.product_id AND o.order_date >= p.valido_de AND o.order_date < p.valido_ate
LEFT JOIN dim.dim_vendedor v
       ON v.vendedor_id = o.seller_id AND o.order_date >= v.valido_de AND o.order_date < v.valido_ate
LEFT JOIN dim.dim_regiao r ON r.regiao_id = c.regiao_id
LEFT JOIN dim.dim_desconto d ON d.desconto_id = o.discount_id
LEFT JOIN (
    SELECT order_item_id, SUM(quantity) AS quantidade, SUM(refund_amount) AS valor
    FROM stg.returns
    WHERE deleted_at IS NULL AND source_deleted = {false}
      AND order_item_id IN (SELECT key_value FROM stg.affected WHERE apply_token = :token AND target = 'fact_vendas')
    GROUP BY order_item_id) ret ON ret.order_item_id = i.order_item_id
WHERE i.order_item_id IN (SELECT key_value FROM stg.affected WHERE apply_token = :token AND target = 'fact_vendas')
  AND i.deleted_at IS NULL AND i.source_deleted = {false}
  AND o.deleted_at IS NULL AND o.source_deleted = {false}

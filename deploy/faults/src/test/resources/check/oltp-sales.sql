-- What fact.fact_vendas must hold: one row per live order item of a live order, with the measures the
-- data contract defines and the sums of the item's live returns.
SELECT i.order_item_id,
       o.order_id,
       CAST(EXTRACT(YEAR FROM o.order_date) * 10000 + EXTRACT(MONTH FROM o.order_date) * 100
            + EXTRACT(DAY FROM o.order_date) AS INTEGER) AS data_sk,
       i.quantity,
       i.quantity * i.unit_price - i.discount_amount AS valor_total_liquido,
       i.quantity * i.unit_cost AS custo_total,
       COALESCE(r.quantidade, 0) AS quantidade_devolvida,
       COALESCE(r.valor, 0) AS valor_devolvido,
       o.status
FROM core.order_items i
JOIN core.orders o ON o.order_id = i.order_id
LEFT JOIN (SELECT order_item_id, SUM(quantity) AS quantidade, SUM(refund_amount) AS valor
           FROM core.returns WHERE deleted_at IS NULL GROUP BY order_item_id) r
       ON r.order_item_id = i.order_item_id
WHERE i.deleted_at IS NULL AND o.deleted_at IS NULL

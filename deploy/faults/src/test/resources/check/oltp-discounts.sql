-- What fact.fact_descontos must hold: one row per live order with a discount and at least one live item.
SELECT o.order_id, SUM(i.quantity * i.unit_price - i.discount_amount) AS valor_com_desconto
FROM core.orders o
JOIN core.order_items i ON i.order_id = o.order_id AND i.deleted_at IS NULL
WHERE o.discount_id IS NOT NULL AND o.deleted_at IS NULL
GROUP BY o.order_id

-- The orders whose facts this batch re-derives: those of the affected order items, and those whose
-- discount facts are affected. Embedded as the affected_orders placeholder; the statements that use it start from it
-- and reach the mirror by key, so their cost follows the batch, not the size of the warehouse.
SELECT i.order_id
FROM stg.affected a
JOIN stg.order_items i ON i.order_item_id = a.key_value
WHERE a.apply_token = :token AND a.target = 'fact_vendas'
UNION
SELECT a.key_value
FROM stg.affected a
WHERE a.apply_token = :token AND a.target = 'fact_descontos'

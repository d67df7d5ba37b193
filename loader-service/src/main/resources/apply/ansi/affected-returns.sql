-- Returns changed: the returned quantities and amounts of their order items.
INSERT INTO stg.affected (apply_token, target, key_value)
SELECT DISTINCT :token, 'fact_vendas', r.order_item_id
FROM stg.returns r
WHERE r.return_id IN (SELECT return_id FROM stg.incoming_returns WHERE apply_token = :token AND applies = {true})

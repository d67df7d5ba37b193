-- Returns changed: the returned quantities and amounts of their order items.
INSERT INTO stg.affected (apply_token, target, key_value)
SELECT DISTINCT :token, 'fact_vendas', r.order_item_id
FROM stg.incoming_returns n
JOIN stg.returns r ON r.return_id = n.return_id
WHERE n.apply_token = :token AND n.applies = {true}

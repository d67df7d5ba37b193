-- Order items changed: their sales facts, and the discount facts of their orders.
INSERT INTO stg.affected (apply_token, target, key_value)
SELECT :token, 'fact_vendas', order_item_id FROM stg.incoming_order_items WHERE apply_token = :token AND applies = {true};

INSERT INTO stg.affected (apply_token, target, key_value)
SELECT DISTINCT :token, 'fact_descontos', i.order_id
FROM stg.incoming_order_items n
JOIN stg.order_items i ON i.order_item_id = n.order_item_id
WHERE n.apply_token = :token AND n.applies = {true}

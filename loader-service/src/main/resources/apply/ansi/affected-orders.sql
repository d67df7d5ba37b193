-- Orders changed (date, customer, seller, discount, status, deletion): the sales facts of their
-- items and their discount facts.
INSERT INTO stg.affected (apply_token, target, key_value)
SELECT :token, 'fact_vendas', i.order_item_id
FROM stg.incoming_orders n
JOIN stg.order_items i ON i.order_id = n.order_id
WHERE n.apply_token = :token AND n.applies = {true};

INSERT INTO stg.affected (apply_token, target, key_value)
SELECT :token, 'fact_descontos', order_id FROM stg.incoming_orders WHERE apply_token = :token AND applies = {true}

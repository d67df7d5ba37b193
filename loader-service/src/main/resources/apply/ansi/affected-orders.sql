-- Orders changed (date, customer, seller, discount, status, deletion): the sales facts of their
-- items and their discount facts.
INSERT INTO stg.affected (apply_token, target, key_value)
SELECT :token, 'fact_vendas', i.order_item_id
FROM stg.order_items i
WHERE i.order_id IN (SELECT order_id FROM stg.incoming_orders WHERE apply_token = :token AND applies = {true});

INSERT INTO stg.affected (apply_token, target, key_value)
SELECT :token, 'fact_descontos', order_id FROM stg.incoming_orders WHERE apply_token = :token AND applies = {true}

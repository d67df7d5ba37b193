-- Order items changed: their sales facts, and the discount facts of their orders. The pass's keys
-- are read from stg.derive_keys (the pass copies no mirror rows of this entity). An order whose own key
-- the pass holds is left out (EXCEPT, which also makes the orders distinct): affected-orders.sql marks
-- every such key for its discount facts. So is an order without a discount, or not landed yet: an item's
-- change cannot give it a discount fact (only the order's own change sets or clears its discount;
-- postgresql/affected-order_items.sql).
INSERT INTO stg.affected (apply_token, target, key_value)
SELECT :token, 'fact_vendas', k.key_value FROM stg.derive_keys k WHERE k.apply_token = :token AND k.entity = :entity;

INSERT INTO stg.affected (apply_token, target, key_value)
SELECT :token, 'fact_descontos', m.key_value
FROM (SELECT i.order_id AS key_value
      FROM stg.derive_keys k
      JOIN stg.order_items i ON i.order_item_id = k.key_value
      JOIN stg.orders o ON o.order_id = i.order_id AND o.discount_id IS NOT NULL
      WHERE k.apply_token = :token AND k.entity = :entity
      EXCEPT
      SELECT ko.key_value
      FROM stg.derive_keys ko
      WHERE ko.apply_token = :token AND ko.entity = 'orders') m

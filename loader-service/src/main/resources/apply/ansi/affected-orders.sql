-- Orders changed (date, customer, seller, discount, status, deletion): the sales facts of their
-- items and their discount facts. The pass's keys are read from stg.derive_keys (the pass copies no
-- mirror rows of this entity). An item whose own key the pass holds is left out: affected-order_items.sql
-- marks every such key, and marking it twice only made the pass write and then fold the duplicate (an
-- initial load claims an order with its items, so this was every item: 1,000,000 extra marks in a
-- 1,000,000-item load, docs/performance.md).
INSERT INTO stg.affected (apply_token, target, key_value)
SELECT :token, 'fact_vendas', i.order_item_id
FROM stg.derive_keys k
JOIN stg.order_items i ON i.order_id = k.key_value
WHERE k.apply_token = :token AND k.entity = :entity
  AND NOT EXISTS (SELECT 1 FROM stg.derive_keys ki
                  WHERE ki.apply_token = :token AND ki.entity = 'order_items' AND ki.key_value = i.order_item_id);

INSERT INTO stg.affected (apply_token, target, key_value)
SELECT :token, 'fact_descontos', k.key_value FROM stg.derive_keys k WHERE k.apply_token = :token AND k.entity = :entity

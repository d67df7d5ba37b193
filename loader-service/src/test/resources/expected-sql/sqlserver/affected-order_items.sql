-- ==== statement 1 of 2 ====
-- postgresql/affected-order_items.sql).
INSERT INTO stg.affected (apply_token, target, key_value)
SELECT CAST(:token AS VARCHAR(36)), 'fact_vendas', k.key_value FROM stg.derive_keys k WHERE k.apply_token = CAST(:token AS VARCHAR(36)) AND k.entity = :entity;

-- ==== statement 2 of 2 ====
INSERT INTO stg.affected (apply_token, target, key_value)
SELECT CAST(:token AS VARCHAR(36)), 'fact_descontos', m.key_value
FROM (SELECT i.order_id AS key_value
      FROM stg.derive_keys k
      JOIN stg.order_items i ON i.order_item_id = k.key_value
      JOIN stg.orders o ON o.order_id = i.order_id AND o.discount_id IS NOT NULL
      WHERE k.apply_token = CAST(:token AS VARCHAR(36)) AND k.entity = :entity
      EXCEPT
      SELECT ko.key_value
      FROM stg.derive_keys ko
      WHERE ko.apply_token = CAST(:token AS VARCHAR(36)) AND ko.entity = 'orders') m;

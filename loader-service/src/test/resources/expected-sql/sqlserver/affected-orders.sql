-- ==== statement 1 of 2 ====
-- Orders changed (date, customer, seller, discount, status, deletion): the sales facts of their
-- items and their discount facts. The pass's keys are read from stg.derive_keys (the pass copies no
-- mirror rows of this entity).
INSERT INTO stg.affected (apply_token, target, key_value)
SELECT CAST(:token AS VARCHAR(36)), 'fact_vendas', i.order_item_id
FROM stg.derive_keys k
JOIN stg.order_items i ON i.order_id = k.key_value
WHERE k.apply_token = CAST(:token AS VARCHAR(36)) AND k.entity = :entity;

-- ==== statement 2 of 2 ====
INSERT INTO stg.affected (apply_token, target, key_value)
SELECT CAST(:token AS VARCHAR(36)), 'fact_descontos', k.key_value FROM stg.derive_keys k WHERE k.apply_token = CAST(:token AS VARCHAR(36)) AND k.entity = :entity;

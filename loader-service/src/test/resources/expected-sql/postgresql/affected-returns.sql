-- Returns changed: the returned quantities and amounts of their order items. The pass's keys are read
-- from stg.derive_keys (the pass copies no mirror rows of this entity).
INSERT INTO stg.affected (apply_token, target, key_value)
SELECT DISTINCT :token, 'fact_vendas', r.order_item_id
FROM stg.derive_keys k
JOIN stg.returns r ON r.return_id = k.key_value
WHERE k.apply_token = :token AND k.entity = :entity

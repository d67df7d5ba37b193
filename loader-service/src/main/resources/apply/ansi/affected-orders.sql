-- Orders changed (date, customer, seller, discount, status, deletion): the sales facts of their
-- items and their discount facts. The pass's keys are read from stg.derive_keys (the pass copies no
-- mirror rows of this entity). An item whose own key the pass holds is left out: affected-order_items.sql
-- marks every such key, and marking it twice only made the pass write and then fold the duplicate (an
-- initial load claims an order with its items, so this was every item: 1,000,000 extra marks in a
-- 1,000,000-item load, docs/performance.md). Left out with EXCEPT, a set operation whose cost follows the
-- two sets whatever the work table's statistics say, not with a per-item NOT EXISTS, which a stale
-- estimate of stg.derive_keys can turn into a scan per item.
INSERT INTO stg.affected (apply_token, target, key_value)
SELECT :token, 'fact_vendas', m.key_value
FROM (SELECT i.order_item_id AS key_value
      FROM stg.derive_keys k
      JOIN stg.order_items i ON i.order_id = k.key_value
      WHERE k.apply_token = :token AND k.entity = :entity
      EXCEPT
      SELECT ki.key_value
      FROM stg.derive_keys ki
      WHERE ki.apply_token = :token AND ki.entity = 'order_items') m;

INSERT INTO stg.affected (apply_token, target, key_value)
SELECT :token, 'fact_descontos', k.key_value FROM stg.derive_keys k WHERE k.apply_token = :token AND k.entity = :entity

-- Orders changed (PostgreSQL; date, customer, seller, discount, status, deletion): the sales facts of their
-- items. Their own discount facts need no mark: the fact statements read the pass's orders in
-- stg.derive_keys (discount_keys, src-discount_keys.sql). An item whose own key the pass holds is left
-- out with EXCEPT (sales_keys holds it already), a set operation whose cost follows the two sets
-- whatever the work table's statistics say (ansi/affected-orders.sql says more).
INSERT INTO stg.affected (apply_token, target, key_value)
SELECT :token, 'fact_vendas', m.key_value
FROM (SELECT i.order_item_id AS key_value
      FROM stg.derive_keys k
      JOIN stg.order_items i ON i.order_id = k.key_value
      WHERE k.apply_token = :token AND k.entity = :entity
      EXCEPT
      SELECT ki.key_value
      FROM stg.derive_keys ki
      WHERE ki.apply_token = :token AND ki.entity = 'order_items') m

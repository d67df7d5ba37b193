-- Order items changed (PostgreSQL): the discount facts of their orders. Their own sales facts need no
-- mark: the fact statements read the pass's order items in stg.derive_keys (sales_keys,
-- src-sales_keys.sql). An order whose own key the pass holds is left out (EXCEPT, which also makes the
-- orders distinct): discount_keys holds it already. So is an order without a discount, or not landed yet:
-- it has no discount fact, and an item's change cannot give it one (a discount fact needs the order's
-- discount, and only the order's own change, whose key then derives its discount fact, sets or clears it).
-- Seven orders in ten carry no discount in the benchmark's source: the live pass marked and re-derived
-- them for nothing (docs/performance.md).
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

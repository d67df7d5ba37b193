-- ==== regions, regions replay ====
-- The lander's last step: queue the keys whose mirror row this batch changed, for the deriver. In the
-- batch's own transaction, so a committed batch always leaves its keys queued.
INSERT INTO ctl.derive_queue (entity, key_value, queued_at)
SELECT :entity, "region_id", :now
FROM "stg"."incoming_regions"
WHERE apply_token = :token AND applies = TRUE

-- ==== teams, teams replay ====
-- The lander's last step: queue the keys whose mirror row this batch changed, for the deriver. In the
-- batch's own transaction, so a committed batch always leaves its keys queued.
INSERT INTO ctl.derive_queue (entity, key_value, queued_at)
SELECT :entity, "team_id", :now
FROM "stg"."incoming_teams"
WHERE apply_token = :token AND applies = TRUE

-- ==== sellers, sellers replay ====
-- The lander's last step: queue the keys whose mirror row this batch changed, for the deriver. In the
-- batch's own transaction, so a committed batch always leaves its keys queued.
INSERT INTO ctl.derive_queue (entity, key_value, queued_at)
SELECT :entity, "seller_id", :now
FROM "stg"."incoming_sellers"
WHERE apply_token = :token AND applies = TRUE

-- ==== customers, customers replay ====
-- The lander's last step: queue the keys whose mirror row this batch changed, for the deriver. In the
-- batch's own transaction, so a committed batch always leaves its keys queued.
INSERT INTO ctl.derive_queue (entity, key_value, queued_at)
SELECT :entity, "customer_id", :now
FROM "stg"."incoming_customers"
WHERE apply_token = :token AND applies = TRUE

-- ==== categories, categories replay ====
-- The lander's last step: queue the keys whose mirror row this batch changed, for the deriver. In the
-- batch's own transaction, so a committed batch always leaves its keys queued.
INSERT INTO ctl.derive_queue (entity, key_value, queued_at)
SELECT :entity, "category_id", :now
FROM "stg"."incoming_categories"
WHERE apply_token = :token AND applies = TRUE

-- ==== products, products replay ====
-- The lander's last step: queue the keys whose mirror row this batch changed, for the deriver. In the
-- batch's own transaction, so a committed batch always leaves its keys queued.
INSERT INTO ctl.derive_queue (entity, key_value, queued_at)
SELECT :entity, "product_id", :now
FROM "stg"."incoming_products"
WHERE apply_token = :token AND applies = TRUE

-- ==== discounts, discounts replay ====
-- The lander's last step: queue the keys whose mirror row this batch changed, for the deriver. In the
-- batch's own transaction, so a committed batch always leaves its keys queued.
INSERT INTO ctl.derive_queue (entity, key_value, queued_at)
SELECT :entity, "discount_id", :now
FROM "stg"."incoming_discounts"
WHERE apply_token = :token AND applies = TRUE

-- ==== orders, orders replay ====
-- The lander's last step: queue the keys whose mirror row this batch changed, for the deriver. In the
-- batch's own transaction, so a committed batch always leaves its keys queued.
INSERT INTO ctl.derive_queue (entity, key_value, queued_at)
SELECT :entity, "order_id", :now
FROM "stg"."incoming_orders"
WHERE apply_token = :token AND applies = TRUE

-- ==== order_items, order_items replay ====
-- The lander's last step: queue the keys whose mirror row this batch changed, for the deriver. In the
-- batch's own transaction, so a committed batch always leaves its keys queued.
INSERT INTO ctl.derive_queue (entity, key_value, queued_at)
SELECT :entity, "order_item_id", :now
FROM "stg"."incoming_order_items"
WHERE apply_token = :token AND applies = TRUE

-- ==== returns, returns replay ====
-- The lander's last step: queue the keys whose mirror row this batch changed, for the deriver. In the
-- batch's own transaction, so a committed batch always leaves its keys queued.
INSERT INTO ctl.derive_queue (entity, key_value, queued_at)
SELECT :entity, "return_id", :now
FROM "stg"."incoming_returns"
WHERE apply_token = :token AND applies = TRUE

-- ==== sales_targets, sales_targets replay ====
-- The lander's last step: queue the keys whose mirror row this batch changed, for the deriver. In the
-- batch's own transaction, so a committed batch always leaves its keys queued.
INSERT INTO ctl.derive_queue (entity, key_value, queued_at)
SELECT :entity, "sales_target_id", :now
FROM "stg"."incoming_sales_targets"
WHERE apply_token = :token AND applies = TRUE

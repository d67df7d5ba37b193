-- ==== regions, regions replay ====
-- The work rows of a landed batch, or of a derive pass's copy of an entity's mirror rows: none of
-- them outlives its transaction.
DELETE FROM "stg"."incoming_regions" WHERE apply_token = :token

-- ==== teams, teams replay ====
-- The work rows of a landed batch, or of a derive pass's copy of an entity's mirror rows: none of
-- them outlives its transaction.
DELETE FROM "stg"."incoming_teams" WHERE apply_token = :token

-- ==== sellers, sellers replay ====
-- The work rows of a landed batch, or of a derive pass's copy of an entity's mirror rows: none of
-- them outlives its transaction.
DELETE FROM "stg"."incoming_sellers" WHERE apply_token = :token

-- ==== customers, customers replay ====
-- The work rows of a landed batch, or of a derive pass's copy of an entity's mirror rows: none of
-- them outlives its transaction.
DELETE FROM "stg"."incoming_customers" WHERE apply_token = :token

-- ==== categories, categories replay ====
-- The work rows of a landed batch, or of a derive pass's copy of an entity's mirror rows: none of
-- them outlives its transaction.
DELETE FROM "stg"."incoming_categories" WHERE apply_token = :token

-- ==== products, products replay ====
-- The work rows of a landed batch, or of a derive pass's copy of an entity's mirror rows: none of
-- them outlives its transaction.
DELETE FROM "stg"."incoming_products" WHERE apply_token = :token

-- ==== discounts, discounts replay ====
-- The work rows of a landed batch, or of a derive pass's copy of an entity's mirror rows: none of
-- them outlives its transaction.
DELETE FROM "stg"."incoming_discounts" WHERE apply_token = :token

-- ==== orders, orders replay ====
-- The work rows of a landed batch, or of a derive pass's copy of an entity's mirror rows: none of
-- them outlives its transaction.
DELETE FROM "stg"."incoming_orders" WHERE apply_token = :token

-- ==== order_items, order_items replay ====
-- The work rows of a landed batch, or of a derive pass's copy of an entity's mirror rows: none of
-- them outlives its transaction.
DELETE FROM "stg"."incoming_order_items" WHERE apply_token = :token

-- ==== returns, returns replay ====
-- The work rows of a landed batch, or of a derive pass's copy of an entity's mirror rows: none of
-- them outlives its transaction.
DELETE FROM "stg"."incoming_returns" WHERE apply_token = :token

-- ==== sales_targets, sales_targets replay ====
-- The work rows of a landed batch, or of a derive pass's copy of an entity's mirror rows: none of
-- them outlives its transaction.
DELETE FROM "stg"."incoming_sales_targets" WHERE apply_token = :token

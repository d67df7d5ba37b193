-- ==== regions, regions replay ====
-- A derive pass presents an entity's claimed keys to the derivations as a batch would: their current
-- mirror rows in stg.incoming_<entity>, under the pass's token, marked as applying. The derivations read
-- keys from there and values from the mirror. It starts from the claimed keys and reaches the mirror by
-- key, so a small pass costs what it holds, not what the mirror holds.
INSERT INTO "stg"."incoming_regions" ("region_id", "name", "state", "country", "created_at", "updated_at", "deleted_at", source_version, source_deleted, apply_token, applies)
SELECT s."region_id", s."name", s."state", s."country", s."created_at", s."updated_at", s."deleted_at", s.source_version, s.source_deleted, :token, TRUE
FROM (SELECT DISTINCT key_value FROM stg.derive_keys WHERE apply_token = :token AND entity = :entity) k
JOIN "stg"."regions" s ON s."region_id" = k.key_value

-- ==== teams, teams replay ====
-- A derive pass presents an entity's claimed keys to the derivations as a batch would: their current
-- mirror rows in stg.incoming_<entity>, under the pass's token, marked as applying. The derivations read
-- keys from there and values from the mirror. It starts from the claimed keys and reaches the mirror by
-- key, so a small pass costs what it holds, not what the mirror holds.
INSERT INTO "stg"."incoming_teams" ("team_id", "name", "region_id", "manager_name", "created_at", "updated_at", "deleted_at", source_version, source_deleted, apply_token, applies)
SELECT s."team_id", s."name", s."region_id", s."manager_name", s."created_at", s."updated_at", s."deleted_at", s.source_version, s.source_deleted, :token, TRUE
FROM (SELECT DISTINCT key_value FROM stg.derive_keys WHERE apply_token = :token AND entity = :entity) k
JOIN "stg"."teams" s ON s."team_id" = k.key_value

-- ==== sellers, sellers replay ====
-- A derive pass presents an entity's claimed keys to the derivations as a batch would: their current
-- mirror rows in stg.incoming_<entity>, under the pass's token, marked as applying. The derivations read
-- keys from there and values from the mirror. It starts from the claimed keys and reaches the mirror by
-- key, so a small pass costs what it holds, not what the mirror holds.
INSERT INTO "stg"."incoming_sellers" ("seller_id", "name", "email", "team_id", "is_active", "created_at", "updated_at", "deleted_at", source_version, source_deleted, apply_token, applies)
SELECT s."seller_id", s."name", s."email", s."team_id", s."is_active", s."created_at", s."updated_at", s."deleted_at", s.source_version, s.source_deleted, :token, TRUE
FROM (SELECT DISTINCT key_value FROM stg.derive_keys WHERE apply_token = :token AND entity = :entity) k
JOIN "stg"."sellers" s ON s."seller_id" = k.key_value

-- ==== customers, customers replay ====
-- A derive pass presents an entity's claimed keys to the derivations as a batch would: their current
-- mirror rows in stg.incoming_<entity>, under the pass's token, marked as applying. The derivations read
-- keys from there and values from the mirror. It starts from the claimed keys and reaches the mirror by
-- key, so a small pass costs what it holds, not what the mirror holds.
INSERT INTO "stg"."incoming_customers" ("customer_id", "name", "email", "customer_type", "city", "state", "region_id", "segment", "created_at", "updated_at", "deleted_at", source_version, source_deleted, apply_token, applies)
SELECT s."customer_id", s."name", s."email", s."customer_type", s."city", s."state", s."region_id", s."segment", s."created_at", s."updated_at", s."deleted_at", s.source_version, s.source_deleted, :token, TRUE
FROM (SELECT DISTINCT key_value FROM stg.derive_keys WHERE apply_token = :token AND entity = :entity) k
JOIN "stg"."customers" s ON s."customer_id" = k.key_value

-- ==== categories, categories replay ====
-- A derive pass presents an entity's claimed keys to the derivations as a batch would: their current
-- mirror rows in stg.incoming_<entity>, under the pass's token, marked as applying. The derivations read
-- keys from there and values from the mirror. It starts from the claimed keys and reaches the mirror by
-- key, so a small pass costs what it holds, not what the mirror holds.
INSERT INTO "stg"."incoming_categories" ("category_id", "name", "parent_id", "created_at", "updated_at", "deleted_at", source_version, source_deleted, apply_token, applies)
SELECT s."category_id", s."name", s."parent_id", s."created_at", s."updated_at", s."deleted_at", s.source_version, s.source_deleted, :token, TRUE
FROM (SELECT DISTINCT key_value FROM stg.derive_keys WHERE apply_token = :token AND entity = :entity) k
JOIN "stg"."categories" s ON s."category_id" = k.key_value

-- ==== products, products replay ====
-- A derive pass presents an entity's claimed keys to the derivations as a batch would: their current
-- mirror rows in stg.incoming_<entity>, under the pass's token, marked as applying. The derivations read
-- keys from there and values from the mirror. It starts from the claimed keys and reaches the mirror by
-- key, so a small pass costs what it holds, not what the mirror holds.
INSERT INTO "stg"."incoming_products" ("product_id", "sku", "name", "category_id", "brand", "list_price", "unit_cost", "created_at", "updated_at", "deleted_at", source_version, source_deleted, apply_token, applies)
SELECT s."product_id", s."sku", s."name", s."category_id", s."brand", s."list_price", s."unit_cost", s."created_at", s."updated_at", s."deleted_at", s.source_version, s.source_deleted, :token, TRUE
FROM (SELECT DISTINCT key_value FROM stg.derive_keys WHERE apply_token = :token AND entity = :entity) k
JOIN "stg"."products" s ON s."product_id" = k.key_value

-- ==== discounts, discounts replay ====
-- A derive pass presents an entity's claimed keys to the derivations as a batch would: their current
-- mirror rows in stg.incoming_<entity>, under the pass's token, marked as applying. The derivations read
-- keys from there and values from the mirror. It starts from the claimed keys and reaches the mirror by
-- key, so a small pass costs what it holds, not what the mirror holds.
INSERT INTO "stg"."incoming_discounts" ("discount_id", "code", "discount_type", "value", "campaign", "starts_at", "ends_at", "created_at", "updated_at", "deleted_at", source_version, source_deleted, apply_token, applies)
SELECT s."discount_id", s."code", s."discount_type", s."value", s."campaign", s."starts_at", s."ends_at", s."created_at", s."updated_at", s."deleted_at", s.source_version, s.source_deleted, :token, TRUE
FROM (SELECT DISTINCT key_value FROM stg.derive_keys WHERE apply_token = :token AND entity = :entity) k
JOIN "stg"."discounts" s ON s."discount_id" = k.key_value

-- ==== orders, orders replay ====
-- A derive pass presents an entity's claimed keys to the derivations as a batch would: their current
-- mirror rows in stg.incoming_<entity>, under the pass's token, marked as applying. The derivations read
-- keys from there and values from the mirror. It starts from the claimed keys and reaches the mirror by
-- key, so a small pass costs what it holds, not what the mirror holds.
INSERT INTO "stg"."incoming_orders" ("order_id", "order_number", "customer_id", "seller_id", "discount_id", "status", "order_date", "channel", "created_at", "updated_at", "deleted_at", source_version, source_deleted, apply_token, applies)
SELECT s."order_id", s."order_number", s."customer_id", s."seller_id", s."discount_id", s."status", s."order_date", s."channel", s."created_at", s."updated_at", s."deleted_at", s.source_version, s.source_deleted, :token, TRUE
FROM (SELECT DISTINCT key_value FROM stg.derive_keys WHERE apply_token = :token AND entity = :entity) k
JOIN "stg"."orders" s ON s."order_id" = k.key_value

-- ==== order_items, order_items replay ====
-- A derive pass presents an entity's claimed keys to the derivations as a batch would: their current
-- mirror rows in stg.incoming_<entity>, under the pass's token, marked as applying. The derivations read
-- keys from there and values from the mirror. It starts from the claimed keys and reaches the mirror by
-- key, so a small pass costs what it holds, not what the mirror holds.
INSERT INTO "stg"."incoming_order_items" ("order_item_id", "order_id", "product_id", "quantity", "unit_price", "unit_cost", "discount_amount", "created_at", "updated_at", "deleted_at", source_version, source_deleted, apply_token, applies)
SELECT s."order_item_id", s."order_id", s."product_id", s."quantity", s."unit_price", s."unit_cost", s."discount_amount", s."created_at", s."updated_at", s."deleted_at", s.source_version, s.source_deleted, :token, TRUE
FROM (SELECT DISTINCT key_value FROM stg.derive_keys WHERE apply_token = :token AND entity = :entity) k
JOIN "stg"."order_items" s ON s."order_item_id" = k.key_value

-- ==== returns, returns replay ====
-- A derive pass presents an entity's claimed keys to the derivations as a batch would: their current
-- mirror rows in stg.incoming_<entity>, under the pass's token, marked as applying. The derivations read
-- keys from there and values from the mirror. It starts from the claimed keys and reaches the mirror by
-- key, so a small pass costs what it holds, not what the mirror holds.
INSERT INTO "stg"."incoming_returns" ("return_id", "order_item_id", "quantity", "refund_amount", "status", "created_at", "updated_at", "deleted_at", source_version, source_deleted, apply_token, applies)
SELECT s."return_id", s."order_item_id", s."quantity", s."refund_amount", s."status", s."created_at", s."updated_at", s."deleted_at", s.source_version, s.source_deleted, :token, TRUE
FROM (SELECT DISTINCT key_value FROM stg.derive_keys WHERE apply_token = :token AND entity = :entity) k
JOIN "stg"."returns" s ON s."return_id" = k.key_value

-- ==== sales_targets, sales_targets replay ====
-- A derive pass presents an entity's claimed keys to the derivations as a batch would: their current
-- mirror rows in stg.incoming_<entity>, under the pass's token, marked as applying. The derivations read
-- keys from there and values from the mirror. It starts from the claimed keys and reaches the mirror by
-- key, so a small pass costs what it holds, not what the mirror holds.
INSERT INTO "stg"."incoming_sales_targets" ("sales_target_id", "seller_id", "year", "month", "target_amount", "created_at", "updated_at", "deleted_at", source_version, source_deleted, apply_token, applies)
SELECT s."sales_target_id", s."seller_id", s."year", s."month", s."target_amount", s."created_at", s."updated_at", s."deleted_at", s.source_version, s.source_deleted, :token, TRUE
FROM (SELECT DISTINCT key_value FROM stg.derive_keys WHERE apply_token = :token AND entity = :entity) k
JOIN "stg"."sales_targets" s ON s."sales_target_id" = k.key_value

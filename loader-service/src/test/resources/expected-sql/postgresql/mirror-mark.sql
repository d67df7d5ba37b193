-- ==== regions ====
-- Marks the incoming rows of this batch that change the mirror: a row applies when the mirror has
-- no newer version of its key (for a replay: no strictly newer one, so the same version re-applies
-- and re-derives what depends on it). A delete of a key the mirror never had derives nothing (it is kept
-- as a tombstone by mirror-bury.sql).
UPDATE "stg"."incoming_regions" i
SET applies = TRUE
WHERE i.apply_token = :token
  AND NOT EXISTS (
      SELECT 1 FROM "stg"."regions" t
      WHERE t."region_id" = i."region_id" AND t.source_version >= i.source_version)
  AND (i.source_deleted = FALSE OR EXISTS (SELECT 1 FROM "stg"."regions" t WHERE t."region_id" = i."region_id"))

-- ==== regions replay ====
-- Marks the incoming rows of this batch that change the mirror: a row applies when the mirror has
-- no newer version of its key (for a replay: no strictly newer one, so the same version re-applies
-- and re-derives what depends on it). A delete of a key the mirror never had derives nothing (it is kept
-- as a tombstone by mirror-bury.sql).
UPDATE "stg"."incoming_regions" i
SET applies = TRUE
WHERE i.apply_token = :token
  AND NOT EXISTS (
      SELECT 1 FROM "stg"."regions" t
      WHERE t."region_id" = i."region_id" AND t.source_version > i.source_version)
  AND (i.source_deleted = FALSE OR EXISTS (SELECT 1 FROM "stg"."regions" t WHERE t."region_id" = i."region_id"))

-- ==== teams ====
-- Marks the incoming rows of this batch that change the mirror: a row applies when the mirror has
-- no newer version of its key (for a replay: no strictly newer one, so the same version re-applies
-- and re-derives what depends on it). A delete of a key the mirror never had derives nothing (it is kept
-- as a tombstone by mirror-bury.sql).
UPDATE "stg"."incoming_teams" i
SET applies = TRUE
WHERE i.apply_token = :token
  AND NOT EXISTS (
      SELECT 1 FROM "stg"."teams" t
      WHERE t."team_id" = i."team_id" AND t.source_version >= i.source_version)
  AND (i.source_deleted = FALSE OR EXISTS (SELECT 1 FROM "stg"."teams" t WHERE t."team_id" = i."team_id"))

-- ==== teams replay ====
-- Marks the incoming rows of this batch that change the mirror: a row applies when the mirror has
-- no newer version of its key (for a replay: no strictly newer one, so the same version re-applies
-- and re-derives what depends on it). A delete of a key the mirror never had derives nothing (it is kept
-- as a tombstone by mirror-bury.sql).
UPDATE "stg"."incoming_teams" i
SET applies = TRUE
WHERE i.apply_token = :token
  AND NOT EXISTS (
      SELECT 1 FROM "stg"."teams" t
      WHERE t."team_id" = i."team_id" AND t.source_version > i.source_version)
  AND (i.source_deleted = FALSE OR EXISTS (SELECT 1 FROM "stg"."teams" t WHERE t."team_id" = i."team_id"))

-- ==== sellers ====
-- Marks the incoming rows of this batch that change the mirror: a row applies when the mirror has
-- no newer version of its key (for a replay: no strictly newer one, so the same version re-applies
-- and re-derives what depends on it). A delete of a key the mirror never had derives nothing (it is kept
-- as a tombstone by mirror-bury.sql).
UPDATE "stg"."incoming_sellers" i
SET applies = TRUE
WHERE i.apply_token = :token
  AND NOT EXISTS (
      SELECT 1 FROM "stg"."sellers" t
      WHERE t."seller_id" = i."seller_id" AND t.source_version >= i.source_version)
  AND (i.source_deleted = FALSE OR EXISTS (SELECT 1 FROM "stg"."sellers" t WHERE t."seller_id" = i."seller_id"))

-- ==== sellers replay ====
-- Marks the incoming rows of this batch that change the mirror: a row applies when the mirror has
-- no newer version of its key (for a replay: no strictly newer one, so the same version re-applies
-- and re-derives what depends on it). A delete of a key the mirror never had derives nothing (it is kept
-- as a tombstone by mirror-bury.sql).
UPDATE "stg"."incoming_sellers" i
SET applies = TRUE
WHERE i.apply_token = :token
  AND NOT EXISTS (
      SELECT 1 FROM "stg"."sellers" t
      WHERE t."seller_id" = i."seller_id" AND t.source_version > i.source_version)
  AND (i.source_deleted = FALSE OR EXISTS (SELECT 1 FROM "stg"."sellers" t WHERE t."seller_id" = i."seller_id"))

-- ==== customers ====
-- Marks the incoming rows of this batch that change the mirror: a row applies when the mirror has
-- no newer version of its key (for a replay: no strictly newer one, so the same version re-applies
-- and re-derives what depends on it). A delete of a key the mirror never had derives nothing (it is kept
-- as a tombstone by mirror-bury.sql).
UPDATE "stg"."incoming_customers" i
SET applies = TRUE
WHERE i.apply_token = :token
  AND NOT EXISTS (
      SELECT 1 FROM "stg"."customers" t
      WHERE t."customer_id" = i."customer_id" AND t.source_version >= i.source_version)
  AND (i.source_deleted = FALSE OR EXISTS (SELECT 1 FROM "stg"."customers" t WHERE t."customer_id" = i."customer_id"))

-- ==== customers replay ====
-- Marks the incoming rows of this batch that change the mirror: a row applies when the mirror has
-- no newer version of its key (for a replay: no strictly newer one, so the same version re-applies
-- and re-derives what depends on it). A delete of a key the mirror never had derives nothing (it is kept
-- as a tombstone by mirror-bury.sql).
UPDATE "stg"."incoming_customers" i
SET applies = TRUE
WHERE i.apply_token = :token
  AND NOT EXISTS (
      SELECT 1 FROM "stg"."customers" t
      WHERE t."customer_id" = i."customer_id" AND t.source_version > i.source_version)
  AND (i.source_deleted = FALSE OR EXISTS (SELECT 1 FROM "stg"."customers" t WHERE t."customer_id" = i."customer_id"))

-- ==== categories ====
-- Marks the incoming rows of this batch that change the mirror: a row applies when the mirror has
-- no newer version of its key (for a replay: no strictly newer one, so the same version re-applies
-- and re-derives what depends on it). A delete of a key the mirror never had derives nothing (it is kept
-- as a tombstone by mirror-bury.sql).
UPDATE "stg"."incoming_categories" i
SET applies = TRUE
WHERE i.apply_token = :token
  AND NOT EXISTS (
      SELECT 1 FROM "stg"."categories" t
      WHERE t."category_id" = i."category_id" AND t.source_version >= i.source_version)
  AND (i.source_deleted = FALSE OR EXISTS (SELECT 1 FROM "stg"."categories" t WHERE t."category_id" = i."category_id"))

-- ==== categories replay ====
-- Marks the incoming rows of this batch that change the mirror: a row applies when the mirror has
-- no newer version of its key (for a replay: no strictly newer one, so the same version re-applies
-- and re-derives what depends on it). A delete of a key the mirror never had derives nothing (it is kept
-- as a tombstone by mirror-bury.sql).
UPDATE "stg"."incoming_categories" i
SET applies = TRUE
WHERE i.apply_token = :token
  AND NOT EXISTS (
      SELECT 1 FROM "stg"."categories" t
      WHERE t."category_id" = i."category_id" AND t.source_version > i.source_version)
  AND (i.source_deleted = FALSE OR EXISTS (SELECT 1 FROM "stg"."categories" t WHERE t."category_id" = i."category_id"))

-- ==== products ====
-- Marks the incoming rows of this batch that change the mirror: a row applies when the mirror has
-- no newer version of its key (for a replay: no strictly newer one, so the same version re-applies
-- and re-derives what depends on it). A delete of a key the mirror never had derives nothing (it is kept
-- as a tombstone by mirror-bury.sql).
UPDATE "stg"."incoming_products" i
SET applies = TRUE
WHERE i.apply_token = :token
  AND NOT EXISTS (
      SELECT 1 FROM "stg"."products" t
      WHERE t."product_id" = i."product_id" AND t.source_version >= i.source_version)
  AND (i.source_deleted = FALSE OR EXISTS (SELECT 1 FROM "stg"."products" t WHERE t."product_id" = i."product_id"))

-- ==== products replay ====
-- Marks the incoming rows of this batch that change the mirror: a row applies when the mirror has
-- no newer version of its key (for a replay: no strictly newer one, so the same version re-applies
-- and re-derives what depends on it). A delete of a key the mirror never had derives nothing (it is kept
-- as a tombstone by mirror-bury.sql).
UPDATE "stg"."incoming_products" i
SET applies = TRUE
WHERE i.apply_token = :token
  AND NOT EXISTS (
      SELECT 1 FROM "stg"."products" t
      WHERE t."product_id" = i."product_id" AND t.source_version > i.source_version)
  AND (i.source_deleted = FALSE OR EXISTS (SELECT 1 FROM "stg"."products" t WHERE t."product_id" = i."product_id"))

-- ==== discounts ====
-- Marks the incoming rows of this batch that change the mirror: a row applies when the mirror has
-- no newer version of its key (for a replay: no strictly newer one, so the same version re-applies
-- and re-derives what depends on it). A delete of a key the mirror never had derives nothing (it is kept
-- as a tombstone by mirror-bury.sql).
UPDATE "stg"."incoming_discounts" i
SET applies = TRUE
WHERE i.apply_token = :token
  AND NOT EXISTS (
      SELECT 1 FROM "stg"."discounts" t
      WHERE t."discount_id" = i."discount_id" AND t.source_version >= i.source_version)
  AND (i.source_deleted = FALSE OR EXISTS (SELECT 1 FROM "stg"."discounts" t WHERE t."discount_id" = i."discount_id"))

-- ==== discounts replay ====
-- Marks the incoming rows of this batch that change the mirror: a row applies when the mirror has
-- no newer version of its key (for a replay: no strictly newer one, so the same version re-applies
-- and re-derives what depends on it). A delete of a key the mirror never had derives nothing (it is kept
-- as a tombstone by mirror-bury.sql).
UPDATE "stg"."incoming_discounts" i
SET applies = TRUE
WHERE i.apply_token = :token
  AND NOT EXISTS (
      SELECT 1 FROM "stg"."discounts" t
      WHERE t."discount_id" = i."discount_id" AND t.source_version > i.source_version)
  AND (i.source_deleted = FALSE OR EXISTS (SELECT 1 FROM "stg"."discounts" t WHERE t."discount_id" = i."discount_id"))

-- ==== orders ====
-- Marks the incoming rows of this batch that change the mirror: a row applies when the mirror has
-- no newer version of its key (for a replay: no strictly newer one, so the same version re-applies
-- and re-derives what depends on it). A delete of a key the mirror never had derives nothing (it is kept
-- as a tombstone by mirror-bury.sql).
UPDATE "stg"."incoming_orders" i
SET applies = TRUE
WHERE i.apply_token = :token
  AND NOT EXISTS (
      SELECT 1 FROM "stg"."orders" t
      WHERE t."order_id" = i."order_id" AND t.source_version >= i.source_version)
  AND (i.source_deleted = FALSE OR EXISTS (SELECT 1 FROM "stg"."orders" t WHERE t."order_id" = i."order_id"))

-- ==== orders replay ====
-- Marks the incoming rows of this batch that change the mirror: a row applies when the mirror has
-- no newer version of its key (for a replay: no strictly newer one, so the same version re-applies
-- and re-derives what depends on it). A delete of a key the mirror never had derives nothing (it is kept
-- as a tombstone by mirror-bury.sql).
UPDATE "stg"."incoming_orders" i
SET applies = TRUE
WHERE i.apply_token = :token
  AND NOT EXISTS (
      SELECT 1 FROM "stg"."orders" t
      WHERE t."order_id" = i."order_id" AND t.source_version > i.source_version)
  AND (i.source_deleted = FALSE OR EXISTS (SELECT 1 FROM "stg"."orders" t WHERE t."order_id" = i."order_id"))

-- ==== order_items ====
-- Marks the incoming rows of this batch that change the mirror: a row applies when the mirror has
-- no newer version of its key (for a replay: no strictly newer one, so the same version re-applies
-- and re-derives what depends on it). A delete of a key the mirror never had derives nothing (it is kept
-- as a tombstone by mirror-bury.sql).
UPDATE "stg"."incoming_order_items" i
SET applies = TRUE
WHERE i.apply_token = :token
  AND NOT EXISTS (
      SELECT 1 FROM "stg"."order_items" t
      WHERE t."order_item_id" = i."order_item_id" AND t.source_version >= i.source_version)
  AND (i.source_deleted = FALSE OR EXISTS (SELECT 1 FROM "stg"."order_items" t WHERE t."order_item_id" = i."order_item_id"))

-- ==== order_items replay ====
-- Marks the incoming rows of this batch that change the mirror: a row applies when the mirror has
-- no newer version of its key (for a replay: no strictly newer one, so the same version re-applies
-- and re-derives what depends on it). A delete of a key the mirror never had derives nothing (it is kept
-- as a tombstone by mirror-bury.sql).
UPDATE "stg"."incoming_order_items" i
SET applies = TRUE
WHERE i.apply_token = :token
  AND NOT EXISTS (
      SELECT 1 FROM "stg"."order_items" t
      WHERE t."order_item_id" = i."order_item_id" AND t.source_version > i.source_version)
  AND (i.source_deleted = FALSE OR EXISTS (SELECT 1 FROM "stg"."order_items" t WHERE t."order_item_id" = i."order_item_id"))

-- ==== returns ====
-- Marks the incoming rows of this batch that change the mirror: a row applies when the mirror has
-- no newer version of its key (for a replay: no strictly newer one, so the same version re-applies
-- and re-derives what depends on it). A delete of a key the mirror never had derives nothing (it is kept
-- as a tombstone by mirror-bury.sql).
UPDATE "stg"."incoming_returns" i
SET applies = TRUE
WHERE i.apply_token = :token
  AND NOT EXISTS (
      SELECT 1 FROM "stg"."returns" t
      WHERE t."return_id" = i."return_id" AND t.source_version >= i.source_version)
  AND (i.source_deleted = FALSE OR EXISTS (SELECT 1 FROM "stg"."returns" t WHERE t."return_id" = i."return_id"))

-- ==== returns replay ====
-- Marks the incoming rows of this batch that change the mirror: a row applies when the mirror has
-- no newer version of its key (for a replay: no strictly newer one, so the same version re-applies
-- and re-derives what depends on it). A delete of a key the mirror never had derives nothing (it is kept
-- as a tombstone by mirror-bury.sql).
UPDATE "stg"."incoming_returns" i
SET applies = TRUE
WHERE i.apply_token = :token
  AND NOT EXISTS (
      SELECT 1 FROM "stg"."returns" t
      WHERE t."return_id" = i."return_id" AND t.source_version > i.source_version)
  AND (i.source_deleted = FALSE OR EXISTS (SELECT 1 FROM "stg"."returns" t WHERE t."return_id" = i."return_id"))

-- ==== sales_targets ====
-- Marks the incoming rows of this batch that change the mirror: a row applies when the mirror has
-- no newer version of its key (for a replay: no strictly newer one, so the same version re-applies
-- and re-derives what depends on it). A delete of a key the mirror never had derives nothing (it is kept
-- as a tombstone by mirror-bury.sql).
UPDATE "stg"."incoming_sales_targets" i
SET applies = TRUE
WHERE i.apply_token = :token
  AND NOT EXISTS (
      SELECT 1 FROM "stg"."sales_targets" t
      WHERE t."sales_target_id" = i."sales_target_id" AND t.source_version >= i.source_version)
  AND (i.source_deleted = FALSE OR EXISTS (SELECT 1 FROM "stg"."sales_targets" t WHERE t."sales_target_id" = i."sales_target_id"))

-- ==== sales_targets replay ====
-- Marks the incoming rows of this batch that change the mirror: a row applies when the mirror has
-- no newer version of its key (for a replay: no strictly newer one, so the same version re-applies
-- and re-derives what depends on it). A delete of a key the mirror never had derives nothing (it is kept
-- as a tombstone by mirror-bury.sql).
UPDATE "stg"."incoming_sales_targets" i
SET applies = TRUE
WHERE i.apply_token = :token
  AND NOT EXISTS (
      SELECT 1 FROM "stg"."sales_targets" t
      WHERE t."sales_target_id" = i."sales_target_id" AND t.source_version > i.source_version)
  AND (i.source_deleted = FALSE OR EXISTS (SELECT 1 FROM "stg"."sales_targets" t WHERE t."sales_target_id" = i."sales_target_id"))

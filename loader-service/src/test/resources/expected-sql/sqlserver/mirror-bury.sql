-- ==== regions, regions replay ====
-- A delete of a key the mirror never had derives nothing, but the mirror keeps it as a tombstone (the
-- key, the delete's version, source_deleted, no values): an older upsert of the key that arrives later (a
-- batch redelivered after a failure, overtaken meanwhile) then meets the version guard of mirror-mark.sql
-- instead of bringing back a deleted row. PostgreSQL does the same inside land.sql.
INSERT INTO [stg].[regions] ([region_id], source_version, source_deleted, loaded_at)
SELECT s.[region_id], s.source_version, 1, :now
FROM [stg].[incoming_regions] s
WHERE s.apply_token = CAST(:token AS VARCHAR(36)) AND s.source_deleted = 1
  AND NOT EXISTS (SELECT 1 FROM [stg].[regions] t WHERE t.[region_id] = s.[region_id]);

-- ==== teams, teams replay ====
-- A delete of a key the mirror never had derives nothing, but the mirror keeps it as a tombstone (the
-- key, the delete's version, source_deleted, no values): an older upsert of the key that arrives later (a
-- batch redelivered after a failure, overtaken meanwhile) then meets the version guard of mirror-mark.sql
-- instead of bringing back a deleted row. PostgreSQL does the same inside land.sql.
INSERT INTO [stg].[teams] ([team_id], source_version, source_deleted, loaded_at)
SELECT s.[team_id], s.source_version, 1, :now
FROM [stg].[incoming_teams] s
WHERE s.apply_token = CAST(:token AS VARCHAR(36)) AND s.source_deleted = 1
  AND NOT EXISTS (SELECT 1 FROM [stg].[teams] t WHERE t.[team_id] = s.[team_id]);

-- ==== sellers, sellers replay ====
-- A delete of a key the mirror never had derives nothing, but the mirror keeps it as a tombstone (the
-- key, the delete's version, source_deleted, no values): an older upsert of the key that arrives later (a
-- batch redelivered after a failure, overtaken meanwhile) then meets the version guard of mirror-mark.sql
-- instead of bringing back a deleted row. PostgreSQL does the same inside land.sql.
INSERT INTO [stg].[sellers] ([seller_id], source_version, source_deleted, loaded_at)
SELECT s.[seller_id], s.source_version, 1, :now
FROM [stg].[incoming_sellers] s
WHERE s.apply_token = CAST(:token AS VARCHAR(36)) AND s.source_deleted = 1
  AND NOT EXISTS (SELECT 1 FROM [stg].[sellers] t WHERE t.[seller_id] = s.[seller_id]);

-- ==== customers, customers replay ====
-- A delete of a key the mirror never had derives nothing, but the mirror keeps it as a tombstone (the
-- key, the delete's version, source_deleted, no values): an older upsert of the key that arrives later (a
-- batch redelivered after a failure, overtaken meanwhile) then meets the version guard of mirror-mark.sql
-- instead of bringing back a deleted row. PostgreSQL does the same inside land.sql.
INSERT INTO [stg].[customers] ([customer_id], source_version, source_deleted, loaded_at)
SELECT s.[customer_id], s.source_version, 1, :now
FROM [stg].[incoming_customers] s
WHERE s.apply_token = CAST(:token AS VARCHAR(36)) AND s.source_deleted = 1
  AND NOT EXISTS (SELECT 1 FROM [stg].[customers] t WHERE t.[customer_id] = s.[customer_id]);

-- ==== categories, categories replay ====
-- A delete of a key the mirror never had derives nothing, but the mirror keeps it as a tombstone (the
-- key, the delete's version, source_deleted, no values): an older upsert of the key that arrives later (a
-- batch redelivered after a failure, overtaken meanwhile) then meets the version guard of mirror-mark.sql
-- instead of bringing back a deleted row. PostgreSQL does the same inside land.sql.
INSERT INTO [stg].[categories] ([category_id], source_version, source_deleted, loaded_at)
SELECT s.[category_id], s.source_version, 1, :now
FROM [stg].[incoming_categories] s
WHERE s.apply_token = CAST(:token AS VARCHAR(36)) AND s.source_deleted = 1
  AND NOT EXISTS (SELECT 1 FROM [stg].[categories] t WHERE t.[category_id] = s.[category_id]);

-- ==== products, products replay ====
-- A delete of a key the mirror never had derives nothing, but the mirror keeps it as a tombstone (the
-- key, the delete's version, source_deleted, no values): an older upsert of the key that arrives later (a
-- batch redelivered after a failure, overtaken meanwhile) then meets the version guard of mirror-mark.sql
-- instead of bringing back a deleted row. PostgreSQL does the same inside land.sql.
INSERT INTO [stg].[products] ([product_id], source_version, source_deleted, loaded_at)
SELECT s.[product_id], s.source_version, 1, :now
FROM [stg].[incoming_products] s
WHERE s.apply_token = CAST(:token AS VARCHAR(36)) AND s.source_deleted = 1
  AND NOT EXISTS (SELECT 1 FROM [stg].[products] t WHERE t.[product_id] = s.[product_id]);

-- ==== discounts, discounts replay ====
-- A delete of a key the mirror never had derives nothing, but the mirror keeps it as a tombstone (the
-- key, the delete's version, source_deleted, no values): an older upsert of the key that arrives later (a
-- batch redelivered after a failure, overtaken meanwhile) then meets the version guard of mirror-mark.sql
-- instead of bringing back a deleted row. PostgreSQL does the same inside land.sql.
INSERT INTO [stg].[discounts] ([discount_id], source_version, source_deleted, loaded_at)
SELECT s.[discount_id], s.source_version, 1, :now
FROM [stg].[incoming_discounts] s
WHERE s.apply_token = CAST(:token AS VARCHAR(36)) AND s.source_deleted = 1
  AND NOT EXISTS (SELECT 1 FROM [stg].[discounts] t WHERE t.[discount_id] = s.[discount_id]);

-- ==== orders, orders replay ====
-- A delete of a key the mirror never had derives nothing, but the mirror keeps it as a tombstone (the
-- key, the delete's version, source_deleted, no values): an older upsert of the key that arrives later (a
-- batch redelivered after a failure, overtaken meanwhile) then meets the version guard of mirror-mark.sql
-- instead of bringing back a deleted row. PostgreSQL does the same inside land.sql.
INSERT INTO [stg].[orders] ([order_id], source_version, source_deleted, loaded_at)
SELECT s.[order_id], s.source_version, 1, :now
FROM [stg].[incoming_orders] s
WHERE s.apply_token = CAST(:token AS VARCHAR(36)) AND s.source_deleted = 1
  AND NOT EXISTS (SELECT 1 FROM [stg].[orders] t WHERE t.[order_id] = s.[order_id]);

-- ==== order_items, order_items replay ====
-- A delete of a key the mirror never had derives nothing, but the mirror keeps it as a tombstone (the
-- key, the delete's version, source_deleted, no values): an older upsert of the key that arrives later (a
-- batch redelivered after a failure, overtaken meanwhile) then meets the version guard of mirror-mark.sql
-- instead of bringing back a deleted row. PostgreSQL does the same inside land.sql.
INSERT INTO [stg].[order_items] ([order_item_id], source_version, source_deleted, loaded_at)
SELECT s.[order_item_id], s.source_version, 1, :now
FROM [stg].[incoming_order_items] s
WHERE s.apply_token = CAST(:token AS VARCHAR(36)) AND s.source_deleted = 1
  AND NOT EXISTS (SELECT 1 FROM [stg].[order_items] t WHERE t.[order_item_id] = s.[order_item_id]);

-- ==== returns, returns replay ====
-- A delete of a key the mirror never had derives nothing, but the mirror keeps it as a tombstone (the
-- key, the delete's version, source_deleted, no values): an older upsert of the key that arrives later (a
-- batch redelivered after a failure, overtaken meanwhile) then meets the version guard of mirror-mark.sql
-- instead of bringing back a deleted row. PostgreSQL does the same inside land.sql.
INSERT INTO [stg].[returns] ([return_id], source_version, source_deleted, loaded_at)
SELECT s.[return_id], s.source_version, 1, :now
FROM [stg].[incoming_returns] s
WHERE s.apply_token = CAST(:token AS VARCHAR(36)) AND s.source_deleted = 1
  AND NOT EXISTS (SELECT 1 FROM [stg].[returns] t WHERE t.[return_id] = s.[return_id]);

-- ==== sales_targets, sales_targets replay ====
-- A delete of a key the mirror never had derives nothing, but the mirror keeps it as a tombstone (the
-- key, the delete's version, source_deleted, no values): an older upsert of the key that arrives later (a
-- batch redelivered after a failure, overtaken meanwhile) then meets the version guard of mirror-mark.sql
-- instead of bringing back a deleted row. PostgreSQL does the same inside land.sql.
INSERT INTO [stg].[sales_targets] ([sales_target_id], source_version, source_deleted, loaded_at)
SELECT s.[sales_target_id], s.source_version, 1, :now
FROM [stg].[incoming_sales_targets] s
WHERE s.apply_token = CAST(:token AS VARCHAR(36)) AND s.source_deleted = 1
  AND NOT EXISTS (SELECT 1 FROM [stg].[sales_targets] t WHERE t.[sales_target_id] = s.[sales_target_id]);

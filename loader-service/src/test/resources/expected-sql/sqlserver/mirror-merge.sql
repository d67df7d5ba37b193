-- ==== regions: statement 1 of 2 ====
-- apply/ansi/mirror-merge.sql for SQL Server, whose MERGE takes one WHEN MATCHED … UPDATE only (a
-- second WHEN MATCHED must DELETE): the deletes are applied by an UPDATE first, then the upserts by
-- the MERGE. Same version guard; each marked row is counted once.
UPDATE t
SET source_deleted = 1, source_version = s.source_version, loaded_at = :now
FROM [stg].[regions] t
JOIN [stg].[incoming_regions] s ON s.[region_id] = t.[region_id]
WHERE s.apply_token = CAST(:token AS VARCHAR(36)) AND s.applies = 1 AND s.source_deleted = 1
  AND t.source_version < s.source_version;

-- ==== regions: statement 2 of 2 ====
MERGE INTO [stg].[regions] t
USING (SELECT * FROM [stg].[incoming_regions] WHERE apply_token = CAST(:token AS VARCHAR(36)) AND applies = 1 AND source_deleted = 0) s
ON (t.[region_id] = s.[region_id])
WHEN MATCHED AND t.source_version < s.source_version THEN
    UPDATE SET [name] = s.[name], [state] = s.[state], [country] = s.[country], [created_at] = s.[created_at], [updated_at] = s.[updated_at], [deleted_at] = s.[deleted_at], source_deleted = 0, source_version = s.source_version, loaded_at = :now
WHEN NOT MATCHED THEN
    INSERT ([region_id], [name], [state], [country], [created_at], [updated_at], [deleted_at], source_version, source_deleted, loaded_at)
    VALUES (s.[region_id], s.[name], s.[state], s.[country], s.[created_at], s.[updated_at], s.[deleted_at], s.source_version, 0, :now);

-- ==== regions replay: statement 1 of 2 ====
-- apply/ansi/mirror-merge.sql for SQL Server, whose MERGE takes one WHEN MATCHED … UPDATE only (a
-- second WHEN MATCHED must DELETE): the deletes are applied by an UPDATE first, then the upserts by
-- the MERGE. Same version guard; each marked row is counted once.
UPDATE t
SET source_deleted = 1, source_version = s.source_version, loaded_at = :now
FROM [stg].[regions] t
JOIN [stg].[incoming_regions] s ON s.[region_id] = t.[region_id]
WHERE s.apply_token = CAST(:token AS VARCHAR(36)) AND s.applies = 1 AND s.source_deleted = 1
  AND t.source_version <= s.source_version;

-- ==== regions replay: statement 2 of 2 ====
MERGE INTO [stg].[regions] t
USING (SELECT * FROM [stg].[incoming_regions] WHERE apply_token = CAST(:token AS VARCHAR(36)) AND applies = 1 AND source_deleted = 0) s
ON (t.[region_id] = s.[region_id])
WHEN MATCHED AND t.source_version <= s.source_version THEN
    UPDATE SET [name] = s.[name], [state] = s.[state], [country] = s.[country], [created_at] = s.[created_at], [updated_at] = s.[updated_at], [deleted_at] = s.[deleted_at], source_deleted = 0, source_version = s.source_version, loaded_at = :now
WHEN NOT MATCHED THEN
    INSERT ([region_id], [name], [state], [country], [created_at], [updated_at], [deleted_at], source_version, source_deleted, loaded_at)
    VALUES (s.[region_id], s.[name], s.[state], s.[country], s.[created_at], s.[updated_at], s.[deleted_at], s.source_version, 0, :now);

-- ==== teams: statement 1 of 2 ====
-- apply/ansi/mirror-merge.sql for SQL Server, whose MERGE takes one WHEN MATCHED … UPDATE only (a
-- second WHEN MATCHED must DELETE): the deletes are applied by an UPDATE first, then the upserts by
-- the MERGE. Same version guard; each marked row is counted once.
UPDATE t
SET source_deleted = 1, source_version = s.source_version, loaded_at = :now
FROM [stg].[teams] t
JOIN [stg].[incoming_teams] s ON s.[team_id] = t.[team_id]
WHERE s.apply_token = CAST(:token AS VARCHAR(36)) AND s.applies = 1 AND s.source_deleted = 1
  AND t.source_version < s.source_version;

-- ==== teams: statement 2 of 2 ====
MERGE INTO [stg].[teams] t
USING (SELECT * FROM [stg].[incoming_teams] WHERE apply_token = CAST(:token AS VARCHAR(36)) AND applies = 1 AND source_deleted = 0) s
ON (t.[team_id] = s.[team_id])
WHEN MATCHED AND t.source_version < s.source_version THEN
    UPDATE SET [name] = s.[name], [region_id] = s.[region_id], [manager_name] = s.[manager_name], [created_at] = s.[created_at], [updated_at] = s.[updated_at], [deleted_at] = s.[deleted_at], source_deleted = 0, source_version = s.source_version, loaded_at = :now
WHEN NOT MATCHED THEN
    INSERT ([team_id], [name], [region_id], [manager_name], [created_at], [updated_at], [deleted_at], source_version, source_deleted, loaded_at)
    VALUES (s.[team_id], s.[name], s.[region_id], s.[manager_name], s.[created_at], s.[updated_at], s.[deleted_at], s.source_version, 0, :now);

-- ==== teams replay: statement 1 of 2 ====
-- apply/ansi/mirror-merge.sql for SQL Server, whose MERGE takes one WHEN MATCHED … UPDATE only (a
-- second WHEN MATCHED must DELETE): the deletes are applied by an UPDATE first, then the upserts by
-- the MERGE. Same version guard; each marked row is counted once.
UPDATE t
SET source_deleted = 1, source_version = s.source_version, loaded_at = :now
FROM [stg].[teams] t
JOIN [stg].[incoming_teams] s ON s.[team_id] = t.[team_id]
WHERE s.apply_token = CAST(:token AS VARCHAR(36)) AND s.applies = 1 AND s.source_deleted = 1
  AND t.source_version <= s.source_version;

-- ==== teams replay: statement 2 of 2 ====
MERGE INTO [stg].[teams] t
USING (SELECT * FROM [stg].[incoming_teams] WHERE apply_token = CAST(:token AS VARCHAR(36)) AND applies = 1 AND source_deleted = 0) s
ON (t.[team_id] = s.[team_id])
WHEN MATCHED AND t.source_version <= s.source_version THEN
    UPDATE SET [name] = s.[name], [region_id] = s.[region_id], [manager_name] = s.[manager_name], [created_at] = s.[created_at], [updated_at] = s.[updated_at], [deleted_at] = s.[deleted_at], source_deleted = 0, source_version = s.source_version, loaded_at = :now
WHEN NOT MATCHED THEN
    INSERT ([team_id], [name], [region_id], [manager_name], [created_at], [updated_at], [deleted_at], source_version, source_deleted, loaded_at)
    VALUES (s.[team_id], s.[name], s.[region_id], s.[manager_name], s.[created_at], s.[updated_at], s.[deleted_at], s.source_version, 0, :now);

-- ==== sellers: statement 1 of 2 ====
-- apply/ansi/mirror-merge.sql for SQL Server, whose MERGE takes one WHEN MATCHED … UPDATE only (a
-- second WHEN MATCHED must DELETE): the deletes are applied by an UPDATE first, then the upserts by
-- the MERGE. Same version guard; each marked row is counted once.
UPDATE t
SET source_deleted = 1, source_version = s.source_version, loaded_at = :now
FROM [stg].[sellers] t
JOIN [stg].[incoming_sellers] s ON s.[seller_id] = t.[seller_id]
WHERE s.apply_token = CAST(:token AS VARCHAR(36)) AND s.applies = 1 AND s.source_deleted = 1
  AND t.source_version < s.source_version;

-- ==== sellers: statement 2 of 2 ====
MERGE INTO [stg].[sellers] t
USING (SELECT * FROM [stg].[incoming_sellers] WHERE apply_token = CAST(:token AS VARCHAR(36)) AND applies = 1 AND source_deleted = 0) s
ON (t.[seller_id] = s.[seller_id])
WHEN MATCHED AND t.source_version < s.source_version THEN
    UPDATE SET [name] = s.[name], [email] = s.[email], [team_id] = s.[team_id], [is_active] = s.[is_active], [created_at] = s.[created_at], [updated_at] = s.[updated_at], [deleted_at] = s.[deleted_at], source_deleted = 0, source_version = s.source_version, loaded_at = :now
WHEN NOT MATCHED THEN
    INSERT ([seller_id], [name], [email], [team_id], [is_active], [created_at], [updated_at], [deleted_at], source_version, source_deleted, loaded_at)
    VALUES (s.[seller_id], s.[name], s.[email], s.[team_id], s.[is_active], s.[created_at], s.[updated_at], s.[deleted_at], s.source_version, 0, :now);

-- ==== sellers replay: statement 1 of 2 ====
-- apply/ansi/mirror-merge.sql for SQL Server, whose MERGE takes one WHEN MATCHED … UPDATE only (a
-- second WHEN MATCHED must DELETE): the deletes are applied by an UPDATE first, then the upserts by
-- the MERGE. Same version guard; each marked row is counted once.
UPDATE t
SET source_deleted = 1, source_version = s.source_version, loaded_at = :now
FROM [stg].[sellers] t
JOIN [stg].[incoming_sellers] s ON s.[seller_id] = t.[seller_id]
WHERE s.apply_token = CAST(:token AS VARCHAR(36)) AND s.applies = 1 AND s.source_deleted = 1
  AND t.source_version <= s.source_version;

-- ==== sellers replay: statement 2 of 2 ====
MERGE INTO [stg].[sellers] t
USING (SELECT * FROM [stg].[incoming_sellers] WHERE apply_token = CAST(:token AS VARCHAR(36)) AND applies = 1 AND source_deleted = 0) s
ON (t.[seller_id] = s.[seller_id])
WHEN MATCHED AND t.source_version <= s.source_version THEN
    UPDATE SET [name] = s.[name], [email] = s.[email], [team_id] = s.[team_id], [is_active] = s.[is_active], [created_at] = s.[created_at], [updated_at] = s.[updated_at], [deleted_at] = s.[deleted_at], source_deleted = 0, source_version = s.source_version, loaded_at = :now
WHEN NOT MATCHED THEN
    INSERT ([seller_id], [name], [email], [team_id], [is_active], [created_at], [updated_at], [deleted_at], source_version, source_deleted, loaded_at)
    VALUES (s.[seller_id], s.[name], s.[email], s.[team_id], s.[is_active], s.[created_at], s.[updated_at], s.[deleted_at], s.source_version, 0, :now);

-- ==== customers: statement 1 of 2 ====
-- apply/ansi/mirror-merge.sql for SQL Server, whose MERGE takes one WHEN MATCHED … UPDATE only (a
-- second WHEN MATCHED must DELETE): the deletes are applied by an UPDATE first, then the upserts by
-- the MERGE. Same version guard; each marked row is counted once.
UPDATE t
SET source_deleted = 1, source_version = s.source_version, loaded_at = :now
FROM [stg].[customers] t
JOIN [stg].[incoming_customers] s ON s.[customer_id] = t.[customer_id]
WHERE s.apply_token = CAST(:token AS VARCHAR(36)) AND s.applies = 1 AND s.source_deleted = 1
  AND t.source_version < s.source_version;

-- ==== customers: statement 2 of 2 ====
MERGE INTO [stg].[customers] t
USING (SELECT * FROM [stg].[incoming_customers] WHERE apply_token = CAST(:token AS VARCHAR(36)) AND applies = 1 AND source_deleted = 0) s
ON (t.[customer_id] = s.[customer_id])
WHEN MATCHED AND t.source_version < s.source_version THEN
    UPDATE SET [name] = s.[name], [email] = s.[email], [customer_type] = s.[customer_type], [city] = s.[city], [state] = s.[state], [region_id] = s.[region_id], [segment] = s.[segment], [created_at] = s.[created_at], [updated_at] = s.[updated_at], [deleted_at] = s.[deleted_at], source_deleted = 0, source_version = s.source_version, loaded_at = :now
WHEN NOT MATCHED THEN
    INSERT ([customer_id], [name], [email], [customer_type], [city], [state], [region_id], [segment], [created_at], [updated_at], [deleted_at], source_version, source_deleted, loaded_at)
    VALUES (s.[customer_id], s.[name], s.[email], s.[customer_type], s.[city], s.[state], s.[region_id], s.[segment], s.[created_at], s.[updated_at], s.[deleted_at], s.source_version, 0, :now);

-- ==== customers replay: statement 1 of 2 ====
-- apply/ansi/mirror-merge.sql for SQL Server, whose MERGE takes one WHEN MATCHED … UPDATE only (a
-- second WHEN MATCHED must DELETE): the deletes are applied by an UPDATE first, then the upserts by
-- the MERGE. Same version guard; each marked row is counted once.
UPDATE t
SET source_deleted = 1, source_version = s.source_version, loaded_at = :now
FROM [stg].[customers] t
JOIN [stg].[incoming_customers] s ON s.[customer_id] = t.[customer_id]
WHERE s.apply_token = CAST(:token AS VARCHAR(36)) AND s.applies = 1 AND s.source_deleted = 1
  AND t.source_version <= s.source_version;

-- ==== customers replay: statement 2 of 2 ====
MERGE INTO [stg].[customers] t
USING (SELECT * FROM [stg].[incoming_customers] WHERE apply_token = CAST(:token AS VARCHAR(36)) AND applies = 1 AND source_deleted = 0) s
ON (t.[customer_id] = s.[customer_id])
WHEN MATCHED AND t.source_version <= s.source_version THEN
    UPDATE SET [name] = s.[name], [email] = s.[email], [customer_type] = s.[customer_type], [city] = s.[city], [state] = s.[state], [region_id] = s.[region_id], [segment] = s.[segment], [created_at] = s.[created_at], [updated_at] = s.[updated_at], [deleted_at] = s.[deleted_at], source_deleted = 0, source_version = s.source_version, loaded_at = :now
WHEN NOT MATCHED THEN
    INSERT ([customer_id], [name], [email], [customer_type], [city], [state], [region_id], [segment], [created_at], [updated_at], [deleted_at], source_version, source_deleted, loaded_at)
    VALUES (s.[customer_id], s.[name], s.[email], s.[customer_type], s.[city], s.[state], s.[region_id], s.[segment], s.[created_at], s.[updated_at], s.[deleted_at], s.source_version, 0, :now);

-- ==== categories: statement 1 of 2 ====
-- apply/ansi/mirror-merge.sql for SQL Server, whose MERGE takes one WHEN MATCHED … UPDATE only (a
-- second WHEN MATCHED must DELETE): the deletes are applied by an UPDATE first, then the upserts by
-- the MERGE. Same version guard; each marked row is counted once.
UPDATE t
SET source_deleted = 1, source_version = s.source_version, loaded_at = :now
FROM [stg].[categories] t
JOIN [stg].[incoming_categories] s ON s.[category_id] = t.[category_id]
WHERE s.apply_token = CAST(:token AS VARCHAR(36)) AND s.applies = 1 AND s.source_deleted = 1
  AND t.source_version < s.source_version;

-- ==== categories: statement 2 of 2 ====
MERGE INTO [stg].[categories] t
USING (SELECT * FROM [stg].[incoming_categories] WHERE apply_token = CAST(:token AS VARCHAR(36)) AND applies = 1 AND source_deleted = 0) s
ON (t.[category_id] = s.[category_id])
WHEN MATCHED AND t.source_version < s.source_version THEN
    UPDATE SET [name] = s.[name], [parent_id] = s.[parent_id], [created_at] = s.[created_at], [updated_at] = s.[updated_at], [deleted_at] = s.[deleted_at], source_deleted = 0, source_version = s.source_version, loaded_at = :now
WHEN NOT MATCHED THEN
    INSERT ([category_id], [name], [parent_id], [created_at], [updated_at], [deleted_at], source_version, source_deleted, loaded_at)
    VALUES (s.[category_id], s.[name], s.[parent_id], s.[created_at], s.[updated_at], s.[deleted_at], s.source_version, 0, :now);

-- ==== categories replay: statement 1 of 2 ====
-- apply/ansi/mirror-merge.sql for SQL Server, whose MERGE takes one WHEN MATCHED … UPDATE only (a
-- second WHEN MATCHED must DELETE): the deletes are applied by an UPDATE first, then the upserts by
-- the MERGE. Same version guard; each marked row is counted once.
UPDATE t
SET source_deleted = 1, source_version = s.source_version, loaded_at = :now
FROM [stg].[categories] t
JOIN [stg].[incoming_categories] s ON s.[category_id] = t.[category_id]
WHERE s.apply_token = CAST(:token AS VARCHAR(36)) AND s.applies = 1 AND s.source_deleted = 1
  AND t.source_version <= s.source_version;

-- ==== categories replay: statement 2 of 2 ====
MERGE INTO [stg].[categories] t
USING (SELECT * FROM [stg].[incoming_categories] WHERE apply_token = CAST(:token AS VARCHAR(36)) AND applies = 1 AND source_deleted = 0) s
ON (t.[category_id] = s.[category_id])
WHEN MATCHED AND t.source_version <= s.source_version THEN
    UPDATE SET [name] = s.[name], [parent_id] = s.[parent_id], [created_at] = s.[created_at], [updated_at] = s.[updated_at], [deleted_at] = s.[deleted_at], source_deleted = 0, source_version = s.source_version, loaded_at = :now
WHEN NOT MATCHED THEN
    INSERT ([category_id], [name], [parent_id], [created_at], [updated_at], [deleted_at], source_version, source_deleted, loaded_at)
    VALUES (s.[category_id], s.[name], s.[parent_id], s.[created_at], s.[updated_at], s.[deleted_at], s.source_version, 0, :now);

-- ==== products: statement 1 of 2 ====
-- apply/ansi/mirror-merge.sql for SQL Server, whose MERGE takes one WHEN MATCHED … UPDATE only (a
-- second WHEN MATCHED must DELETE): the deletes are applied by an UPDATE first, then the upserts by
-- the MERGE. Same version guard; each marked row is counted once.
UPDATE t
SET source_deleted = 1, source_version = s.source_version, loaded_at = :now
FROM [stg].[products] t
JOIN [stg].[incoming_products] s ON s.[product_id] = t.[product_id]
WHERE s.apply_token = CAST(:token AS VARCHAR(36)) AND s.applies = 1 AND s.source_deleted = 1
  AND t.source_version < s.source_version;

-- ==== products: statement 2 of 2 ====
MERGE INTO [stg].[products] t
USING (SELECT * FROM [stg].[incoming_products] WHERE apply_token = CAST(:token AS VARCHAR(36)) AND applies = 1 AND source_deleted = 0) s
ON (t.[product_id] = s.[product_id])
WHEN MATCHED AND t.source_version < s.source_version THEN
    UPDATE SET [sku] = s.[sku], [name] = s.[name], [category_id] = s.[category_id], [brand] = s.[brand], [list_price] = s.[list_price], [unit_cost] = s.[unit_cost], [created_at] = s.[created_at], [updated_at] = s.[updated_at], [deleted_at] = s.[deleted_at], source_deleted = 0, source_version = s.source_version, loaded_at = :now
WHEN NOT MATCHED THEN
    INSERT ([product_id], [sku], [name], [category_id], [brand], [list_price], [unit_cost], [created_at], [updated_at], [deleted_at], source_version, source_deleted, loaded_at)
    VALUES (s.[product_id], s.[sku], s.[name], s.[category_id], s.[brand], s.[list_price], s.[unit_cost], s.[created_at], s.[updated_at], s.[deleted_at], s.source_version, 0, :now);

-- ==== products replay: statement 1 of 2 ====
-- apply/ansi/mirror-merge.sql for SQL Server, whose MERGE takes one WHEN MATCHED … UPDATE only (a
-- second WHEN MATCHED must DELETE): the deletes are applied by an UPDATE first, then the upserts by
-- the MERGE. Same version guard; each marked row is counted once.
UPDATE t
SET source_deleted = 1, source_version = s.source_version, loaded_at = :now
FROM [stg].[products] t
JOIN [stg].[incoming_products] s ON s.[product_id] = t.[product_id]
WHERE s.apply_token = CAST(:token AS VARCHAR(36)) AND s.applies = 1 AND s.source_deleted = 1
  AND t.source_version <= s.source_version;

-- ==== products replay: statement 2 of 2 ====
MERGE INTO [stg].[products] t
USING (SELECT * FROM [stg].[incoming_products] WHERE apply_token = CAST(:token AS VARCHAR(36)) AND applies = 1 AND source_deleted = 0) s
ON (t.[product_id] = s.[product_id])
WHEN MATCHED AND t.source_version <= s.source_version THEN
    UPDATE SET [sku] = s.[sku], [name] = s.[name], [category_id] = s.[category_id], [brand] = s.[brand], [list_price] = s.[list_price], [unit_cost] = s.[unit_cost], [created_at] = s.[created_at], [updated_at] = s.[updated_at], [deleted_at] = s.[deleted_at], source_deleted = 0, source_version = s.source_version, loaded_at = :now
WHEN NOT MATCHED THEN
    INSERT ([product_id], [sku], [name], [category_id], [brand], [list_price], [unit_cost], [created_at], [updated_at], [deleted_at], source_version, source_deleted, loaded_at)
    VALUES (s.[product_id], s.[sku], s.[name], s.[category_id], s.[brand], s.[list_price], s.[unit_cost], s.[created_at], s.[updated_at], s.[deleted_at], s.source_version, 0, :now);

-- ==== discounts: statement 1 of 2 ====
-- apply/ansi/mirror-merge.sql for SQL Server, whose MERGE takes one WHEN MATCHED … UPDATE only (a
-- second WHEN MATCHED must DELETE): the deletes are applied by an UPDATE first, then the upserts by
-- the MERGE. Same version guard; each marked row is counted once.
UPDATE t
SET source_deleted = 1, source_version = s.source_version, loaded_at = :now
FROM [stg].[discounts] t
JOIN [stg].[incoming_discounts] s ON s.[discount_id] = t.[discount_id]
WHERE s.apply_token = CAST(:token AS VARCHAR(36)) AND s.applies = 1 AND s.source_deleted = 1
  AND t.source_version < s.source_version;

-- ==== discounts: statement 2 of 2 ====
MERGE INTO [stg].[discounts] t
USING (SELECT * FROM [stg].[incoming_discounts] WHERE apply_token = CAST(:token AS VARCHAR(36)) AND applies = 1 AND source_deleted = 0) s
ON (t.[discount_id] = s.[discount_id])
WHEN MATCHED AND t.source_version < s.source_version THEN
    UPDATE SET [code] = s.[code], [discount_type] = s.[discount_type], [value] = s.[value], [campaign] = s.[campaign], [starts_at] = s.[starts_at], [ends_at] = s.[ends_at], [created_at] = s.[created_at], [updated_at] = s.[updated_at], [deleted_at] = s.[deleted_at], source_deleted = 0, source_version = s.source_version, loaded_at = :now
WHEN NOT MATCHED THEN
    INSERT ([discount_id], [code], [discount_type], [value], [campaign], [starts_at], [ends_at], [created_at], [updated_at], [deleted_at], source_version, source_deleted, loaded_at)
    VALUES (s.[discount_id], s.[code], s.[discount_type], s.[value], s.[campaign], s.[starts_at], s.[ends_at], s.[created_at], s.[updated_at], s.[deleted_at], s.source_version, 0, :now);

-- ==== discounts replay: statement 1 of 2 ====
-- apply/ansi/mirror-merge.sql for SQL Server, whose MERGE takes one WHEN MATCHED … UPDATE only (a
-- second WHEN MATCHED must DELETE): the deletes are applied by an UPDATE first, then the upserts by
-- the MERGE. Same version guard; each marked row is counted once.
UPDATE t
SET source_deleted = 1, source_version = s.source_version, loaded_at = :now
FROM [stg].[discounts] t
JOIN [stg].[incoming_discounts] s ON s.[discount_id] = t.[discount_id]
WHERE s.apply_token = CAST(:token AS VARCHAR(36)) AND s.applies = 1 AND s.source_deleted = 1
  AND t.source_version <= s.source_version;

-- ==== discounts replay: statement 2 of 2 ====
MERGE INTO [stg].[discounts] t
USING (SELECT * FROM [stg].[incoming_discounts] WHERE apply_token = CAST(:token AS VARCHAR(36)) AND applies = 1 AND source_deleted = 0) s
ON (t.[discount_id] = s.[discount_id])
WHEN MATCHED AND t.source_version <= s.source_version THEN
    UPDATE SET [code] = s.[code], [discount_type] = s.[discount_type], [value] = s.[value], [campaign] = s.[campaign], [starts_at] = s.[starts_at], [ends_at] = s.[ends_at], [created_at] = s.[created_at], [updated_at] = s.[updated_at], [deleted_at] = s.[deleted_at], source_deleted = 0, source_version = s.source_version, loaded_at = :now
WHEN NOT MATCHED THEN
    INSERT ([discount_id], [code], [discount_type], [value], [campaign], [starts_at], [ends_at], [created_at], [updated_at], [deleted_at], source_version, source_deleted, loaded_at)
    VALUES (s.[discount_id], s.[code], s.[discount_type], s.[value], s.[campaign], s.[starts_at], s.[ends_at], s.[created_at], s.[updated_at], s.[deleted_at], s.source_version, 0, :now);

-- ==== orders: statement 1 of 2 ====
-- apply/ansi/mirror-merge.sql for SQL Server, whose MERGE takes one WHEN MATCHED … UPDATE only (a
-- second WHEN MATCHED must DELETE): the deletes are applied by an UPDATE first, then the upserts by
-- the MERGE. Same version guard; each marked row is counted once.
UPDATE t
SET source_deleted = 1, source_version = s.source_version, loaded_at = :now
FROM [stg].[orders] t
JOIN [stg].[incoming_orders] s ON s.[order_id] = t.[order_id]
WHERE s.apply_token = CAST(:token AS VARCHAR(36)) AND s.applies = 1 AND s.source_deleted = 1
  AND t.source_version < s.source_version;

-- ==== orders: statement 2 of 2 ====
MERGE INTO [stg].[orders] t
USING (SELECT * FROM [stg].[incoming_orders] WHERE apply_token = CAST(:token AS VARCHAR(36)) AND applies = 1 AND source_deleted = 0) s
ON (t.[order_id] = s.[order_id])
WHEN MATCHED AND t.source_version < s.source_version THEN
    UPDATE SET [order_number] = s.[order_number], [customer_id] = s.[customer_id], [seller_id] = s.[seller_id], [discount_id] = s.[discount_id], [status] = s.[status], [order_date] = s.[order_date], [channel] = s.[channel], [created_at] = s.[created_at], [updated_at] = s.[updated_at], [deleted_at] = s.[deleted_at], source_deleted = 0, source_version = s.source_version, loaded_at = :now
WHEN NOT MATCHED THEN
    INSERT ([order_id], [order_number], [customer_id], [seller_id], [discount_id], [status], [order_date], [channel], [created_at], [updated_at], [deleted_at], source_version, source_deleted, loaded_at)
    VALUES (s.[order_id], s.[order_number], s.[customer_id], s.[seller_id], s.[discount_id], s.[status], s.[order_date], s.[channel], s.[created_at], s.[updated_at], s.[deleted_at], s.source_version, 0, :now);

-- ==== orders replay: statement 1 of 2 ====
-- apply/ansi/mirror-merge.sql for SQL Server, whose MERGE takes one WHEN MATCHED … UPDATE only (a
-- second WHEN MATCHED must DELETE): the deletes are applied by an UPDATE first, then the upserts by
-- the MERGE. Same version guard; each marked row is counted once.
UPDATE t
SET source_deleted = 1, source_version = s.source_version, loaded_at = :now
FROM [stg].[orders] t
JOIN [stg].[incoming_orders] s ON s.[order_id] = t.[order_id]
WHERE s.apply_token = CAST(:token AS VARCHAR(36)) AND s.applies = 1 AND s.source_deleted = 1
  AND t.source_version <= s.source_version;

-- ==== orders replay: statement 2 of 2 ====
MERGE INTO [stg].[orders] t
USING (SELECT * FROM [stg].[incoming_orders] WHERE apply_token = CAST(:token AS VARCHAR(36)) AND applies = 1 AND source_deleted = 0) s
ON (t.[order_id] = s.[order_id])
WHEN MATCHED AND t.source_version <= s.source_version THEN
    UPDATE SET [order_number] = s.[order_number], [customer_id] = s.[customer_id], [seller_id] = s.[seller_id], [discount_id] = s.[discount_id], [status] = s.[status], [order_date] = s.[order_date], [channel] = s.[channel], [created_at] = s.[created_at], [updated_at] = s.[updated_at], [deleted_at] = s.[deleted_at], source_deleted = 0, source_version = s.source_version, loaded_at = :now
WHEN NOT MATCHED THEN
    INSERT ([order_id], [order_number], [customer_id], [seller_id], [discount_id], [status], [order_date], [channel], [created_at], [updated_at], [deleted_at], source_version, source_deleted, loaded_at)
    VALUES (s.[order_id], s.[order_number], s.[customer_id], s.[seller_id], s.[discount_id], s.[status], s.[order_date], s.[channel], s.[created_at], s.[updated_at], s.[deleted_at], s.source_version, 0, :now);

-- ==== order_items: statement 1 of 2 ====
-- apply/ansi/mirror-merge.sql for SQL Server, whose MERGE takes one WHEN MATCHED … UPDATE only (a
-- second WHEN MATCHED must DELETE): the deletes are applied by an UPDATE first, then the upserts by
-- the MERGE. Same version guard; each marked row is counted once.
UPDATE t
SET source_deleted = 1, source_version = s.source_version, loaded_at = :now
FROM [stg].[order_items] t
JOIN [stg].[incoming_order_items] s ON s.[order_item_id] = t.[order_item_id]
WHERE s.apply_token = CAST(:token AS VARCHAR(36)) AND s.applies = 1 AND s.source_deleted = 1
  AND t.source_version < s.source_version;

-- ==== order_items: statement 2 of 2 ====
MERGE INTO [stg].[order_items] t
USING (SELECT * FROM [stg].[incoming_order_items] WHERE apply_token = CAST(:token AS VARCHAR(36)) AND applies = 1 AND source_deleted = 0) s
ON (t.[order_item_id] = s.[order_item_id])
WHEN MATCHED AND t.source_version < s.source_version THEN
    UPDATE SET [order_id] = s.[order_id], [product_id] = s.[product_id], [quantity] = s.[quantity], [unit_price] = s.[unit_price], [unit_cost] = s.[unit_cost], [discount_amount] = s.[discount_amount], [created_at] = s.[created_at], [updated_at] = s.[updated_at], [deleted_at] = s.[deleted_at], source_deleted = 0, source_version = s.source_version, loaded_at = :now
WHEN NOT MATCHED THEN
    INSERT ([order_item_id], [order_id], [product_id], [quantity], [unit_price], [unit_cost], [discount_amount], [created_at], [updated_at], [deleted_at], source_version, source_deleted, loaded_at)
    VALUES (s.[order_item_id], s.[order_id], s.[product_id], s.[quantity], s.[unit_price], s.[unit_cost], s.[discount_amount], s.[created_at], s.[updated_at], s.[deleted_at], s.source_version, 0, :now);

-- ==== order_items replay: statement 1 of 2 ====
-- apply/ansi/mirror-merge.sql for SQL Server, whose MERGE takes one WHEN MATCHED … UPDATE only (a
-- second WHEN MATCHED must DELETE): the deletes are applied by an UPDATE first, then the upserts by
-- the MERGE. Same version guard; each marked row is counted once.
UPDATE t
SET source_deleted = 1, source_version = s.source_version, loaded_at = :now
FROM [stg].[order_items] t
JOIN [stg].[incoming_order_items] s ON s.[order_item_id] = t.[order_item_id]
WHERE s.apply_token = CAST(:token AS VARCHAR(36)) AND s.applies = 1 AND s.source_deleted = 1
  AND t.source_version <= s.source_version;

-- ==== order_items replay: statement 2 of 2 ====
MERGE INTO [stg].[order_items] t
USING (SELECT * FROM [stg].[incoming_order_items] WHERE apply_token = CAST(:token AS VARCHAR(36)) AND applies = 1 AND source_deleted = 0) s
ON (t.[order_item_id] = s.[order_item_id])
WHEN MATCHED AND t.source_version <= s.source_version THEN
    UPDATE SET [order_id] = s.[order_id], [product_id] = s.[product_id], [quantity] = s.[quantity], [unit_price] = s.[unit_price], [unit_cost] = s.[unit_cost], [discount_amount] = s.[discount_amount], [created_at] = s.[created_at], [updated_at] = s.[updated_at], [deleted_at] = s.[deleted_at], source_deleted = 0, source_version = s.source_version, loaded_at = :now
WHEN NOT MATCHED THEN
    INSERT ([order_item_id], [order_id], [product_id], [quantity], [unit_price], [unit_cost], [discount_amount], [created_at], [updated_at], [deleted_at], source_version, source_deleted, loaded_at)
    VALUES (s.[order_item_id], s.[order_id], s.[product_id], s.[quantity], s.[unit_price], s.[unit_cost], s.[discount_amount], s.[created_at], s.[updated_at], s.[deleted_at], s.source_version, 0, :now);

-- ==== returns: statement 1 of 2 ====
-- apply/ansi/mirror-merge.sql for SQL Server, whose MERGE takes one WHEN MATCHED … UPDATE only (a
-- second WHEN MATCHED must DELETE): the deletes are applied by an UPDATE first, then the upserts by
-- the MERGE. Same version guard; each marked row is counted once.
UPDATE t
SET source_deleted = 1, source_version = s.source_version, loaded_at = :now
FROM [stg].[returns] t
JOIN [stg].[incoming_returns] s ON s.[return_id] = t.[return_id]
WHERE s.apply_token = CAST(:token AS VARCHAR(36)) AND s.applies = 1 AND s.source_deleted = 1
  AND t.source_version < s.source_version;

-- ==== returns: statement 2 of 2 ====
MERGE INTO [stg].[returns] t
USING (SELECT * FROM [stg].[incoming_returns] WHERE apply_token = CAST(:token AS VARCHAR(36)) AND applies = 1 AND source_deleted = 0) s
ON (t.[return_id] = s.[return_id])
WHEN MATCHED AND t.source_version < s.source_version THEN
    UPDATE SET [order_item_id] = s.[order_item_id], [quantity] = s.[quantity], [refund_amount] = s.[refund_amount], [status] = s.[status], [created_at] = s.[created_at], [updated_at] = s.[updated_at], [deleted_at] = s.[deleted_at], source_deleted = 0, source_version = s.source_version, loaded_at = :now
WHEN NOT MATCHED THEN
    INSERT ([return_id], [order_item_id], [quantity], [refund_amount], [status], [created_at], [updated_at], [deleted_at], source_version, source_deleted, loaded_at)
    VALUES (s.[return_id], s.[order_item_id], s.[quantity], s.[refund_amount], s.[status], s.[created_at], s.[updated_at], s.[deleted_at], s.source_version, 0, :now);

-- ==== returns replay: statement 1 of 2 ====
-- apply/ansi/mirror-merge.sql for SQL Server, whose MERGE takes one WHEN MATCHED … UPDATE only (a
-- second WHEN MATCHED must DELETE): the deletes are applied by an UPDATE first, then the upserts by
-- the MERGE. Same version guard; each marked row is counted once.
UPDATE t
SET source_deleted = 1, source_version = s.source_version, loaded_at = :now
FROM [stg].[returns] t
JOIN [stg].[incoming_returns] s ON s.[return_id] = t.[return_id]
WHERE s.apply_token = CAST(:token AS VARCHAR(36)) AND s.applies = 1 AND s.source_deleted = 1
  AND t.source_version <= s.source_version;

-- ==== returns replay: statement 2 of 2 ====
MERGE INTO [stg].[returns] t
USING (SELECT * FROM [stg].[incoming_returns] WHERE apply_token = CAST(:token AS VARCHAR(36)) AND applies = 1 AND source_deleted = 0) s
ON (t.[return_id] = s.[return_id])
WHEN MATCHED AND t.source_version <= s.source_version THEN
    UPDATE SET [order_item_id] = s.[order_item_id], [quantity] = s.[quantity], [refund_amount] = s.[refund_amount], [status] = s.[status], [created_at] = s.[created_at], [updated_at] = s.[updated_at], [deleted_at] = s.[deleted_at], source_deleted = 0, source_version = s.source_version, loaded_at = :now
WHEN NOT MATCHED THEN
    INSERT ([return_id], [order_item_id], [quantity], [refund_amount], [status], [created_at], [updated_at], [deleted_at], source_version, source_deleted, loaded_at)
    VALUES (s.[return_id], s.[order_item_id], s.[quantity], s.[refund_amount], s.[status], s.[created_at], s.[updated_at], s.[deleted_at], s.source_version, 0, :now);

-- ==== sales_targets: statement 1 of 2 ====
-- apply/ansi/mirror-merge.sql for SQL Server, whose MERGE takes one WHEN MATCHED … UPDATE only (a
-- second WHEN MATCHED must DELETE): the deletes are applied by an UPDATE first, then the upserts by
-- the MERGE. Same version guard; each marked row is counted once.
UPDATE t
SET source_deleted = 1, source_version = s.source_version, loaded_at = :now
FROM [stg].[sales_targets] t
JOIN [stg].[incoming_sales_targets] s ON s.[sales_target_id] = t.[sales_target_id]
WHERE s.apply_token = CAST(:token AS VARCHAR(36)) AND s.applies = 1 AND s.source_deleted = 1
  AND t.source_version < s.source_version;

-- ==== sales_targets: statement 2 of 2 ====
MERGE INTO [stg].[sales_targets] t
USING (SELECT * FROM [stg].[incoming_sales_targets] WHERE apply_token = CAST(:token AS VARCHAR(36)) AND applies = 1 AND source_deleted = 0) s
ON (t.[sales_target_id] = s.[sales_target_id])
WHEN MATCHED AND t.source_version < s.source_version THEN
    UPDATE SET [seller_id] = s.[seller_id], [year] = s.[year], [month] = s.[month], [target_amount] = s.[target_amount], [created_at] = s.[created_at], [updated_at] = s.[updated_at], [deleted_at] = s.[deleted_at], source_deleted = 0, source_version = s.source_version, loaded_at = :now
WHEN NOT MATCHED THEN
    INSERT ([sales_target_id], [seller_id], [year], [month], [target_amount], [created_at], [updated_at], [deleted_at], source_version, source_deleted, loaded_at)
    VALUES (s.[sales_target_id], s.[seller_id], s.[year], s.[month], s.[target_amount], s.[created_at], s.[updated_at], s.[deleted_at], s.source_version, 0, :now);

-- ==== sales_targets replay: statement 1 of 2 ====
-- apply/ansi/mirror-merge.sql for SQL Server, whose MERGE takes one WHEN MATCHED … UPDATE only (a
-- second WHEN MATCHED must DELETE): the deletes are applied by an UPDATE first, then the upserts by
-- the MERGE. Same version guard; each marked row is counted once.
UPDATE t
SET source_deleted = 1, source_version = s.source_version, loaded_at = :now
FROM [stg].[sales_targets] t
JOIN [stg].[incoming_sales_targets] s ON s.[sales_target_id] = t.[sales_target_id]
WHERE s.apply_token = CAST(:token AS VARCHAR(36)) AND s.applies = 1 AND s.source_deleted = 1
  AND t.source_version <= s.source_version;

-- ==== sales_targets replay: statement 2 of 2 ====
MERGE INTO [stg].[sales_targets] t
USING (SELECT * FROM [stg].[incoming_sales_targets] WHERE apply_token = CAST(:token AS VARCHAR(36)) AND applies = 1 AND source_deleted = 0) s
ON (t.[sales_target_id] = s.[sales_target_id])
WHEN MATCHED AND t.source_version <= s.source_version THEN
    UPDATE SET [seller_id] = s.[seller_id], [year] = s.[year], [month] = s.[month], [target_amount] = s.[target_amount], [created_at] = s.[created_at], [updated_at] = s.[updated_at], [deleted_at] = s.[deleted_at], source_deleted = 0, source_version = s.source_version, loaded_at = :now
WHEN NOT MATCHED THEN
    INSERT ([sales_target_id], [seller_id], [year], [month], [target_amount], [created_at], [updated_at], [deleted_at], source_version, source_deleted, loaded_at)
    VALUES (s.[sales_target_id], s.[seller_id], s.[year], s.[month], s.[target_amount], s.[created_at], s.[updated_at], s.[deleted_at], s.source_version, 0, :now);

-- ==== regions ====
-- apply/ansi/mirror-mark.sql for SQL Server, whose UPDATE takes no alias after the table: the alias
-- is declared in FROM instead.
UPDATE i
SET applies = 1
FROM [stg].[incoming_regions] i
WHERE i.apply_token = CAST(:token AS VARCHAR(36))
  AND NOT EXISTS (
      SELECT 1 FROM [stg].[regions] t
      WHERE t.[region_id] = i.[region_id] AND t.source_version >= i.source_version)
  AND (i.source_deleted = 0 OR EXISTS (SELECT 1 FROM [stg].[regions] t WHERE t.[region_id] = i.[region_id]));

-- ==== regions replay ====
-- apply/ansi/mirror-mark.sql for SQL Server, whose UPDATE takes no alias after the table: the alias
-- is declared in FROM instead.
UPDATE i
SET applies = 1
FROM [stg].[incoming_regions] i
WHERE i.apply_token = CAST(:token AS VARCHAR(36))
  AND NOT EXISTS (
      SELECT 1 FROM [stg].[regions] t
      WHERE t.[region_id] = i.[region_id] AND t.source_version > i.source_version)
  AND (i.source_deleted = 0 OR EXISTS (SELECT 1 FROM [stg].[regions] t WHERE t.[region_id] = i.[region_id]));

-- ==== teams ====
-- apply/ansi/mirror-mark.sql for SQL Server, whose UPDATE takes no alias after the table: the alias
-- is declared in FROM instead.
UPDATE i
SET applies = 1
FROM [stg].[incoming_teams] i
WHERE i.apply_token = CAST(:token AS VARCHAR(36))
  AND NOT EXISTS (
      SELECT 1 FROM [stg].[teams] t
      WHERE t.[team_id] = i.[team_id] AND t.source_version >= i.source_version)
  AND (i.source_deleted = 0 OR EXISTS (SELECT 1 FROM [stg].[teams] t WHERE t.[team_id] = i.[team_id]));

-- ==== teams replay ====
-- apply/ansi/mirror-mark.sql for SQL Server, whose UPDATE takes no alias after the table: the alias
-- is declared in FROM instead.
UPDATE i
SET applies = 1
FROM [stg].[incoming_teams] i
WHERE i.apply_token = CAST(:token AS VARCHAR(36))
  AND NOT EXISTS (
      SELECT 1 FROM [stg].[teams] t
      WHERE t.[team_id] = i.[team_id] AND t.source_version > i.source_version)
  AND (i.source_deleted = 0 OR EXISTS (SELECT 1 FROM [stg].[teams] t WHERE t.[team_id] = i.[team_id]));

-- ==== sellers ====
-- apply/ansi/mirror-mark.sql for SQL Server, whose UPDATE takes no alias after the table: the alias
-- is declared in FROM instead.
UPDATE i
SET applies = 1
FROM [stg].[incoming_sellers] i
WHERE i.apply_token = CAST(:token AS VARCHAR(36))
  AND NOT EXISTS (
      SELECT 1 FROM [stg].[sellers] t
      WHERE t.[seller_id] = i.[seller_id] AND t.source_version >= i.source_version)
  AND (i.source_deleted = 0 OR EXISTS (SELECT 1 FROM [stg].[sellers] t WHERE t.[seller_id] = i.[seller_id]));

-- ==== sellers replay ====
-- apply/ansi/mirror-mark.sql for SQL Server, whose UPDATE takes no alias after the table: the alias
-- is declared in FROM instead.
UPDATE i
SET applies = 1
FROM [stg].[incoming_sellers] i
WHERE i.apply_token = CAST(:token AS VARCHAR(36))
  AND NOT EXISTS (
      SELECT 1 FROM [stg].[sellers] t
      WHERE t.[seller_id] = i.[seller_id] AND t.source_version > i.source_version)
  AND (i.source_deleted = 0 OR EXISTS (SELECT 1 FROM [stg].[sellers] t WHERE t.[seller_id] = i.[seller_id]));

-- ==== customers ====
-- apply/ansi/mirror-mark.sql for SQL Server, whose UPDATE takes no alias after the table: the alias
-- is declared in FROM instead.
UPDATE i
SET applies = 1
FROM [stg].[incoming_customers] i
WHERE i.apply_token = CAST(:token AS VARCHAR(36))
  AND NOT EXISTS (
      SELECT 1 FROM [stg].[customers] t
      WHERE t.[customer_id] = i.[customer_id] AND t.source_version >= i.source_version)
  AND (i.source_deleted = 0 OR EXISTS (SELECT 1 FROM [stg].[customers] t WHERE t.[customer_id] = i.[customer_id]));

-- ==== customers replay ====
-- apply/ansi/mirror-mark.sql for SQL Server, whose UPDATE takes no alias after the table: the alias
-- is declared in FROM instead.
UPDATE i
SET applies = 1
FROM [stg].[incoming_customers] i
WHERE i.apply_token = CAST(:token AS VARCHAR(36))
  AND NOT EXISTS (
      SELECT 1 FROM [stg].[customers] t
      WHERE t.[customer_id] = i.[customer_id] AND t.source_version > i.source_version)
  AND (i.source_deleted = 0 OR EXISTS (SELECT 1 FROM [stg].[customers] t WHERE t.[customer_id] = i.[customer_id]));

-- ==== categories ====
-- apply/ansi/mirror-mark.sql for SQL Server, whose UPDATE takes no alias after the table: the alias
-- is declared in FROM instead.
UPDATE i
SET applies = 1
FROM [stg].[incoming_categories] i
WHERE i.apply_token = CAST(:token AS VARCHAR(36))
  AND NOT EXISTS (
      SELECT 1 FROM [stg].[categories] t
      WHERE t.[category_id] = i.[category_id] AND t.source_version >= i.source_version)
  AND (i.source_deleted = 0 OR EXISTS (SELECT 1 FROM [stg].[categories] t WHERE t.[category_id] = i.[category_id]));

-- ==== categories replay ====
-- apply/ansi/mirror-mark.sql for SQL Server, whose UPDATE takes no alias after the table: the alias
-- is declared in FROM instead.
UPDATE i
SET applies = 1
FROM [stg].[incoming_categories] i
WHERE i.apply_token = CAST(:token AS VARCHAR(36))
  AND NOT EXISTS (
      SELECT 1 FROM [stg].[categories] t
      WHERE t.[category_id] = i.[category_id] AND t.source_version > i.source_version)
  AND (i.source_deleted = 0 OR EXISTS (SELECT 1 FROM [stg].[categories] t WHERE t.[category_id] = i.[category_id]));

-- ==== products ====
-- apply/ansi/mirror-mark.sql for SQL Server, whose UPDATE takes no alias after the table: the alias
-- is declared in FROM instead.
UPDATE i
SET applies = 1
FROM [stg].[incoming_products] i
WHERE i.apply_token = CAST(:token AS VARCHAR(36))
  AND NOT EXISTS (
      SELECT 1 FROM [stg].[products] t
      WHERE t.[product_id] = i.[product_id] AND t.source_version >= i.source_version)
  AND (i.source_deleted = 0 OR EXISTS (SELECT 1 FROM [stg].[products] t WHERE t.[product_id] = i.[product_id]));

-- ==== products replay ====
-- apply/ansi/mirror-mark.sql for SQL Server, whose UPDATE takes no alias after the table: the alias
-- is declared in FROM instead.
UPDATE i
SET applies = 1
FROM [stg].[incoming_products] i
WHERE i.apply_token = CAST(:token AS VARCHAR(36))
  AND NOT EXISTS (
      SELECT 1 FROM [stg].[products] t
      WHERE t.[product_id] = i.[product_id] AND t.source_version > i.source_version)
  AND (i.source_deleted = 0 OR EXISTS (SELECT 1 FROM [stg].[products] t WHERE t.[product_id] = i.[product_id]));

-- ==== discounts ====
-- apply/ansi/mirror-mark.sql for SQL Server, whose UPDATE takes no alias after the table: the alias
-- is declared in FROM instead.
UPDATE i
SET applies = 1
FROM [stg].[incoming_discounts] i
WHERE i.apply_token = CAST(:token AS VARCHAR(36))
  AND NOT EXISTS (
      SELECT 1 FROM [stg].[discounts] t
      WHERE t.[discount_id] = i.[discount_id] AND t.source_version >= i.source_version)
  AND (i.source_deleted = 0 OR EXISTS (SELECT 1 FROM [stg].[discounts] t WHERE t.[discount_id] = i.[discount_id]));

-- ==== discounts replay ====
-- apply/ansi/mirror-mark.sql for SQL Server, whose UPDATE takes no alias after the table: the alias
-- is declared in FROM instead.
UPDATE i
SET applies = 1
FROM [stg].[incoming_discounts] i
WHERE i.apply_token = CAST(:token AS VARCHAR(36))
  AND NOT EXISTS (
      SELECT 1 FROM [stg].[discounts] t
      WHERE t.[discount_id] = i.[discount_id] AND t.source_version > i.source_version)
  AND (i.source_deleted = 0 OR EXISTS (SELECT 1 FROM [stg].[discounts] t WHERE t.[discount_id] = i.[discount_id]));

-- ==== orders ====
-- apply/ansi/mirror-mark.sql for SQL Server, whose UPDATE takes no alias after the table: the alias
-- is declared in FROM instead.
UPDATE i
SET applies = 1
FROM [stg].[incoming_orders] i
WHERE i.apply_token = CAST(:token AS VARCHAR(36))
  AND NOT EXISTS (
      SELECT 1 FROM [stg].[orders] t
      WHERE t.[order_id] = i.[order_id] AND t.source_version >= i.source_version)
  AND (i.source_deleted = 0 OR EXISTS (SELECT 1 FROM [stg].[orders] t WHERE t.[order_id] = i.[order_id]));

-- ==== orders replay ====
-- apply/ansi/mirror-mark.sql for SQL Server, whose UPDATE takes no alias after the table: the alias
-- is declared in FROM instead.
UPDATE i
SET applies = 1
FROM [stg].[incoming_orders] i
WHERE i.apply_token = CAST(:token AS VARCHAR(36))
  AND NOT EXISTS (
      SELECT 1 FROM [stg].[orders] t
      WHERE t.[order_id] = i.[order_id] AND t.source_version > i.source_version)
  AND (i.source_deleted = 0 OR EXISTS (SELECT 1 FROM [stg].[orders] t WHERE t.[order_id] = i.[order_id]));

-- ==== order_items ====
-- apply/ansi/mirror-mark.sql for SQL Server, whose UPDATE takes no alias after the table: the alias
-- is declared in FROM instead.
UPDATE i
SET applies = 1
FROM [stg].[incoming_order_items] i
WHERE i.apply_token = CAST(:token AS VARCHAR(36))
  AND NOT EXISTS (
      SELECT 1 FROM [stg].[order_items] t
      WHERE t.[order_item_id] = i.[order_item_id] AND t.source_version >= i.source_version)
  AND (i.source_deleted = 0 OR EXISTS (SELECT 1 FROM [stg].[order_items] t WHERE t.[order_item_id] = i.[order_item_id]));

-- ==== order_items replay ====
-- apply/ansi/mirror-mark.sql for SQL Server, whose UPDATE takes no alias after the table: the alias
-- is declared in FROM instead.
UPDATE i
SET applies = 1
FROM [stg].[incoming_order_items] i
WHERE i.apply_token = CAST(:token AS VARCHAR(36))
  AND NOT EXISTS (
      SELECT 1 FROM [stg].[order_items] t
      WHERE t.[order_item_id] = i.[order_item_id] AND t.source_version > i.source_version)
  AND (i.source_deleted = 0 OR EXISTS (SELECT 1 FROM [stg].[order_items] t WHERE t.[order_item_id] = i.[order_item_id]));

-- ==== returns ====
-- apply/ansi/mirror-mark.sql for SQL Server, whose UPDATE takes no alias after the table: the alias
-- is declared in FROM instead.
UPDATE i
SET applies = 1
FROM [stg].[incoming_returns] i
WHERE i.apply_token = CAST(:token AS VARCHAR(36))
  AND NOT EXISTS (
      SELECT 1 FROM [stg].[returns] t
      WHERE t.[return_id] = i.[return_id] AND t.source_version >= i.source_version)
  AND (i.source_deleted = 0 OR EXISTS (SELECT 1 FROM [stg].[returns] t WHERE t.[return_id] = i.[return_id]));

-- ==== returns replay ====
-- apply/ansi/mirror-mark.sql for SQL Server, whose UPDATE takes no alias after the table: the alias
-- is declared in FROM instead.
UPDATE i
SET applies = 1
FROM [stg].[incoming_returns] i
WHERE i.apply_token = CAST(:token AS VARCHAR(36))
  AND NOT EXISTS (
      SELECT 1 FROM [stg].[returns] t
      WHERE t.[return_id] = i.[return_id] AND t.source_version > i.source_version)
  AND (i.source_deleted = 0 OR EXISTS (SELECT 1 FROM [stg].[returns] t WHERE t.[return_id] = i.[return_id]));

-- ==== sales_targets ====
-- apply/ansi/mirror-mark.sql for SQL Server, whose UPDATE takes no alias after the table: the alias
-- is declared in FROM instead.
UPDATE i
SET applies = 1
FROM [stg].[incoming_sales_targets] i
WHERE i.apply_token = CAST(:token AS VARCHAR(36))
  AND NOT EXISTS (
      SELECT 1 FROM [stg].[sales_targets] t
      WHERE t.[sales_target_id] = i.[sales_target_id] AND t.source_version >= i.source_version)
  AND (i.source_deleted = 0 OR EXISTS (SELECT 1 FROM [stg].[sales_targets] t WHERE t.[sales_target_id] = i.[sales_target_id]));

-- ==== sales_targets replay ====
-- apply/ansi/mirror-mark.sql for SQL Server, whose UPDATE takes no alias after the table: the alias
-- is declared in FROM instead.
UPDATE i
SET applies = 1
FROM [stg].[incoming_sales_targets] i
WHERE i.apply_token = CAST(:token AS VARCHAR(36))
  AND NOT EXISTS (
      SELECT 1 FROM [stg].[sales_targets] t
      WHERE t.[sales_target_id] = i.[sales_target_id] AND t.source_version > i.source_version)
  AND (i.source_deleted = 0 OR EXISTS (SELECT 1 FROM [stg].[sales_targets] t WHERE t.[sales_target_id] = i.[sales_target_id]));

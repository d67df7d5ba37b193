-- ==== regions, regions replay ====
-- Live rows of this batch whose key the mirror does not hold yet: the batch's inserts (counted
-- before the merge, for the audit's rows inserted versus updated).
SELECT COUNT(*)
FROM [stg].[incoming_regions] i
WHERE i.apply_token = CAST(:token AS VARCHAR(36)) AND i.source_deleted = 0
  AND NOT EXISTS (SELECT 1 FROM [stg].[regions] t WHERE t.[region_id] = i.[region_id]);

-- ==== teams, teams replay ====
-- Live rows of this batch whose key the mirror does not hold yet: the batch's inserts (counted
-- before the merge, for the audit's rows inserted versus updated).
SELECT COUNT(*)
FROM [stg].[incoming_teams] i
WHERE i.apply_token = CAST(:token AS VARCHAR(36)) AND i.source_deleted = 0
  AND NOT EXISTS (SELECT 1 FROM [stg].[teams] t WHERE t.[team_id] = i.[team_id]);

-- ==== sellers, sellers replay ====
-- Live rows of this batch whose key the mirror does not hold yet: the batch's inserts (counted
-- before the merge, for the audit's rows inserted versus updated).
SELECT COUNT(*)
FROM [stg].[incoming_sellers] i
WHERE i.apply_token = CAST(:token AS VARCHAR(36)) AND i.source_deleted = 0
  AND NOT EXISTS (SELECT 1 FROM [stg].[sellers] t WHERE t.[seller_id] = i.[seller_id]);

-- ==== customers, customers replay ====
-- Live rows of this batch whose key the mirror does not hold yet: the batch's inserts (counted
-- before the merge, for the audit's rows inserted versus updated).
SELECT COUNT(*)
FROM [stg].[incoming_customers] i
WHERE i.apply_token = CAST(:token AS VARCHAR(36)) AND i.source_deleted = 0
  AND NOT EXISTS (SELECT 1 FROM [stg].[customers] t WHERE t.[customer_id] = i.[customer_id]);

-- ==== categories, categories replay ====
-- Live rows of this batch whose key the mirror does not hold yet: the batch's inserts (counted
-- before the merge, for the audit's rows inserted versus updated).
SELECT COUNT(*)
FROM [stg].[incoming_categories] i
WHERE i.apply_token = CAST(:token AS VARCHAR(36)) AND i.source_deleted = 0
  AND NOT EXISTS (SELECT 1 FROM [stg].[categories] t WHERE t.[category_id] = i.[category_id]);

-- ==== products, products replay ====
-- Live rows of this batch whose key the mirror does not hold yet: the batch's inserts (counted
-- before the merge, for the audit's rows inserted versus updated).
SELECT COUNT(*)
FROM [stg].[incoming_products] i
WHERE i.apply_token = CAST(:token AS VARCHAR(36)) AND i.source_deleted = 0
  AND NOT EXISTS (SELECT 1 FROM [stg].[products] t WHERE t.[product_id] = i.[product_id]);

-- ==== discounts, discounts replay ====
-- Live rows of this batch whose key the mirror does not hold yet: the batch's inserts (counted
-- before the merge, for the audit's rows inserted versus updated).
SELECT COUNT(*)
FROM [stg].[incoming_discounts] i
WHERE i.apply_token = CAST(:token AS VARCHAR(36)) AND i.source_deleted = 0
  AND NOT EXISTS (SELECT 1 FROM [stg].[discounts] t WHERE t.[discount_id] = i.[discount_id]);

-- ==== orders, orders replay ====
-- Live rows of this batch whose key the mirror does not hold yet: the batch's inserts (counted
-- before the merge, for the audit's rows inserted versus updated).
SELECT COUNT(*)
FROM [stg].[incoming_orders] i
WHERE i.apply_token = CAST(:token AS VARCHAR(36)) AND i.source_deleted = 0
  AND NOT EXISTS (SELECT 1 FROM [stg].[orders] t WHERE t.[order_id] = i.[order_id]);

-- ==== order_items, order_items replay ====
-- Live rows of this batch whose key the mirror does not hold yet: the batch's inserts (counted
-- before the merge, for the audit's rows inserted versus updated).
SELECT COUNT(*)
FROM [stg].[incoming_order_items] i
WHERE i.apply_token = CAST(:token AS VARCHAR(36)) AND i.source_deleted = 0
  AND NOT EXISTS (SELECT 1 FROM [stg].[order_items] t WHERE t.[order_item_id] = i.[order_item_id]);

-- ==== returns, returns replay ====
-- Live rows of this batch whose key the mirror does not hold yet: the batch's inserts (counted
-- before the merge, for the audit's rows inserted versus updated).
SELECT COUNT(*)
FROM [stg].[incoming_returns] i
WHERE i.apply_token = CAST(:token AS VARCHAR(36)) AND i.source_deleted = 0
  AND NOT EXISTS (SELECT 1 FROM [stg].[returns] t WHERE t.[return_id] = i.[return_id]);

-- ==== sales_targets, sales_targets replay ====
-- Live rows of this batch whose key the mirror does not hold yet: the batch's inserts (counted
-- before the merge, for the audit's rows inserted versus updated).
SELECT COUNT(*)
FROM [stg].[incoming_sales_targets] i
WHERE i.apply_token = CAST(:token AS VARCHAR(36)) AND i.source_deleted = 0
  AND NOT EXISTS (SELECT 1 FROM [stg].[sales_targets] t WHERE t.[sales_target_id] = i.[sales_target_id]);

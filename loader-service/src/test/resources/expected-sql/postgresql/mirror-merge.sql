-- ==== regions ====
-- Applies the marked rows to the staging mirror. The version guard is repeated here so that the
-- mirror never moves backwards, whatever happened between marking and merging.
MERGE INTO "stg"."regions" t
USING (SELECT * FROM "stg"."incoming_regions" WHERE apply_token = :token AND applies = TRUE) s
ON (t."region_id" = s."region_id")
WHEN MATCHED AND s.source_deleted = TRUE AND t.source_version < s.source_version THEN
    UPDATE SET source_deleted = TRUE, source_version = s.source_version, loaded_at = :now
WHEN MATCHED AND t.source_version < s.source_version THEN
    UPDATE SET "name" = s."name", "state" = s."state", "country" = s."country", "created_at" = s."created_at", "updated_at" = s."updated_at", "deleted_at" = s."deleted_at", source_deleted = FALSE, source_version = s.source_version, loaded_at = :now
WHEN NOT MATCHED AND s.source_deleted = FALSE THEN
    INSERT ("region_id", "name", "state", "country", "created_at", "updated_at", "deleted_at", source_version, source_deleted, loaded_at)
    VALUES (s."region_id", s."name", s."state", s."country", s."created_at", s."updated_at", s."deleted_at", s.source_version, FALSE, :now)

-- ==== regions replay ====
-- Applies the marked rows to the staging mirror. The version guard is repeated here so that the
-- mirror never moves backwards, whatever happened between marking and merging.
MERGE INTO "stg"."regions" t
USING (SELECT * FROM "stg"."incoming_regions" WHERE apply_token = :token AND applies = TRUE) s
ON (t."region_id" = s."region_id")
WHEN MATCHED AND s.source_deleted = TRUE AND t.source_version <= s.source_version THEN
    UPDATE SET source_deleted = TRUE, source_version = s.source_version, loaded_at = :now
WHEN MATCHED AND t.source_version <= s.source_version THEN
    UPDATE SET "name" = s."name", "state" = s."state", "country" = s."country", "created_at" = s."created_at", "updated_at" = s."updated_at", "deleted_at" = s."deleted_at", source_deleted = FALSE, source_version = s.source_version, loaded_at = :now
WHEN NOT MATCHED AND s.source_deleted = FALSE THEN
    INSERT ("region_id", "name", "state", "country", "created_at", "updated_at", "deleted_at", source_version, source_deleted, loaded_at)
    VALUES (s."region_id", s."name", s."state", s."country", s."created_at", s."updated_at", s."deleted_at", s.source_version, FALSE, :now)

-- ==== teams ====
-- Applies the marked rows to the staging mirror. The version guard is repeated here so that the
-- mirror never moves backwards, whatever happened between marking and merging.
MERGE INTO "stg"."teams" t
USING (SELECT * FROM "stg"."incoming_teams" WHERE apply_token = :token AND applies = TRUE) s
ON (t."team_id" = s."team_id")
WHEN MATCHED AND s.source_deleted = TRUE AND t.source_version < s.source_version THEN
    UPDATE SET source_deleted = TRUE, source_version = s.source_version, loaded_at = :now
WHEN MATCHED AND t.source_version < s.source_version THEN
    UPDATE SET "name" = s."name", "region_id" = s."region_id", "manager_name" = s."manager_name", "created_at" = s."created_at", "updated_at" = s."updated_at", "deleted_at" = s."deleted_at", source_deleted = FALSE, source_version = s.source_version, loaded_at = :now
WHEN NOT MATCHED AND s.source_deleted = FALSE THEN
    INSERT ("team_id", "name", "region_id", "manager_name", "created_at", "updated_at", "deleted_at", source_version, source_deleted, loaded_at)
    VALUES (s."team_id", s."name", s."region_id", s."manager_name", s."created_at", s."updated_at", s."deleted_at", s.source_version, FALSE, :now)

-- ==== teams replay ====
-- Applies the marked rows to the staging mirror. The version guard is repeated here so that the
-- mirror never moves backwards, whatever happened between marking and merging.
MERGE INTO "stg"."teams" t
USING (SELECT * FROM "stg"."incoming_teams" WHERE apply_token = :token AND applies = TRUE) s
ON (t."team_id" = s."team_id")
WHEN MATCHED AND s.source_deleted = TRUE AND t.source_version <= s.source_version THEN
    UPDATE SET source_deleted = TRUE, source_version = s.source_version, loaded_at = :now
WHEN MATCHED AND t.source_version <= s.source_version THEN
    UPDATE SET "name" = s."name", "region_id" = s."region_id", "manager_name" = s."manager_name", "created_at" = s."created_at", "updated_at" = s."updated_at", "deleted_at" = s."deleted_at", source_deleted = FALSE, source_version = s.source_version, loaded_at = :now
WHEN NOT MATCHED AND s.source_deleted = FALSE THEN
    INSERT ("team_id", "name", "region_id", "manager_name", "created_at", "updated_at", "deleted_at", source_version, source_deleted, loaded_at)
    VALUES (s."team_id", s."name", s."region_id", s."manager_name", s."created_at", s."updated_at", s."deleted_at", s.source_version, FALSE, :now)

-- ==== sellers ====
-- Applies the marked rows to the staging mirror. The version guard is repeated here so that the
-- mirror never moves backwards, whatever happened between marking and merging.
MERGE INTO "stg"."sellers" t
USING (SELECT * FROM "stg"."incoming_sellers" WHERE apply_token = :token AND applies = TRUE) s
ON (t."seller_id" = s."seller_id")
WHEN MATCHED AND s.source_deleted = TRUE AND t.source_version < s.source_version THEN
    UPDATE SET source_deleted = TRUE, source_version = s.source_version, loaded_at = :now
WHEN MATCHED AND t.source_version < s.source_version THEN
    UPDATE SET "name" = s."name", "email" = s."email", "team_id" = s."team_id", "is_active" = s."is_active", "created_at" = s."created_at", "updated_at" = s."updated_at", "deleted_at" = s."deleted_at", source_deleted = FALSE, source_version = s.source_version, loaded_at = :now
WHEN NOT MATCHED AND s.source_deleted = FALSE THEN
    INSERT ("seller_id", "name", "email", "team_id", "is_active", "created_at", "updated_at", "deleted_at", source_version, source_deleted, loaded_at)
    VALUES (s."seller_id", s."name", s."email", s."team_id", s."is_active", s."created_at", s."updated_at", s."deleted_at", s.source_version, FALSE, :now)

-- ==== sellers replay ====
-- Applies the marked rows to the staging mirror. The version guard is repeated here so that the
-- mirror never moves backwards, whatever happened between marking and merging.
MERGE INTO "stg"."sellers" t
USING (SELECT * FROM "stg"."incoming_sellers" WHERE apply_token = :token AND applies = TRUE) s
ON (t."seller_id" = s."seller_id")
WHEN MATCHED AND s.source_deleted = TRUE AND t.source_version <= s.source_version THEN
    UPDATE SET source_deleted = TRUE, source_version = s.source_version, loaded_at = :now
WHEN MATCHED AND t.source_version <= s.source_version THEN
    UPDATE SET "name" = s."name", "email" = s."email", "team_id" = s."team_id", "is_active" = s."is_active", "created_at" = s."created_at", "updated_at" = s."updated_at", "deleted_at" = s."deleted_at", source_deleted = FALSE, source_version = s.source_version, loaded_at = :now
WHEN NOT MATCHED AND s.source_deleted = FALSE THEN
    INSERT ("seller_id", "name", "email", "team_id", "is_active", "created_at", "updated_at", "deleted_at", source_version, source_deleted, loaded_at)
    VALUES (s."seller_id", s."name", s."email", s."team_id", s."is_active", s."created_at", s."updated_at", s."deleted_at", s.source_version, FALSE, :now)

-- ==== customers ====
-- Applies the marked rows to the staging mirror. The version guard is repeated here so that the
-- mirror never moves backwards, whatever happened between marking and merging.
MERGE INTO "stg"."customers" t
USING (SELECT * FROM "stg"."incoming_customers" WHERE apply_token = :token AND applies = TRUE) s
ON (t."customer_id" = s."customer_id")
WHEN MATCHED AND s.source_deleted = TRUE AND t.source_version < s.source_version THEN
    UPDATE SET source_deleted = TRUE, source_version = s.source_version, loaded_at = :now
WHEN MATCHED AND t.source_version < s.source_version THEN
    UPDATE SET "name" = s."name", "email" = s."email", "customer_type" = s."customer_type", "city" = s."city", "state" = s."state", "region_id" = s."region_id", "segment" = s."segment", "created_at" = s."created_at", "updated_at" = s."updated_at", "deleted_at" = s."deleted_at", source_deleted = FALSE, source_version = s.source_version, loaded_at = :now
WHEN NOT MATCHED AND s.source_deleted = FALSE THEN
    INSERT ("customer_id", "name", "email", "customer_type", "city", "state", "region_id", "segment", "created_at", "updated_at", "deleted_at", source_version, source_deleted, loaded_at)
    VALUES (s."customer_id", s."name", s."email", s."customer_type", s."city", s."state", s."region_id", s."segment", s."created_at", s."updated_at", s."deleted_at", s.source_version, FALSE, :now)

-- ==== customers replay ====
-- Applies the marked rows to the staging mirror. The version guard is repeated here so that the
-- mirror never moves backwards, whatever happened between marking and merging.
MERGE INTO "stg"."customers" t
USING (SELECT * FROM "stg"."incoming_customers" WHERE apply_token = :token AND applies = TRUE) s
ON (t."customer_id" = s."customer_id")
WHEN MATCHED AND s.source_deleted = TRUE AND t.source_version <= s.source_version THEN
    UPDATE SET source_deleted = TRUE, source_version = s.source_version, loaded_at = :now
WHEN MATCHED AND t.source_version <= s.source_version THEN
    UPDATE SET "name" = s."name", "email" = s."email", "customer_type" = s."customer_type", "city" = s."city", "state" = s."state", "region_id" = s."region_id", "segment" = s."segment", "created_at" = s."created_at", "updated_at" = s."updated_at", "deleted_at" = s."deleted_at", source_deleted = FALSE, source_version = s.source_version, loaded_at = :now
WHEN NOT MATCHED AND s.source_deleted = FALSE THEN
    INSERT ("customer_id", "name", "email", "customer_type", "city", "state", "region_id", "segment", "created_at", "updated_at", "deleted_at", source_version, source_deleted, loaded_at)
    VALUES (s."customer_id", s."name", s."email", s."customer_type", s."city", s."state", s."region_id", s."segment", s."created_at", s."updated_at", s."deleted_at", s.source_version, FALSE, :now)

-- ==== categories ====
-- Applies the marked rows to the staging mirror. The version guard is repeated here so that the
-- mirror never moves backwards, whatever happened between marking and merging.
MERGE INTO "stg"."categories" t
USING (SELECT * FROM "stg"."incoming_categories" WHERE apply_token = :token AND applies = TRUE) s
ON (t."category_id" = s."category_id")
WHEN MATCHED AND s.source_deleted = TRUE AND t.source_version < s.source_version THEN
    UPDATE SET source_deleted = TRUE, source_version = s.source_version, loaded_at = :now
WHEN MATCHED AND t.source_version < s.source_version THEN
    UPDATE SET "name" = s."name", "parent_id" = s."parent_id", "created_at" = s."created_at", "updated_at" = s."updated_at", "deleted_at" = s."deleted_at", source_deleted = FALSE, source_version = s.source_version, loaded_at = :now
WHEN NOT MATCHED AND s.source_deleted = FALSE THEN
    INSERT ("category_id", "name", "parent_id", "created_at", "updated_at", "deleted_at", source_version, source_deleted, loaded_at)
    VALUES (s."category_id", s."name", s."parent_id", s."created_at", s."updated_at", s."deleted_at", s.source_version, FALSE, :now)

-- ==== categories replay ====
-- Applies the marked rows to the staging mirror. The version guard is repeated here so that the
-- mirror never moves backwards, whatever happened between marking and merging.
MERGE INTO "stg"."categories" t
USING (SELECT * FROM "stg"."incoming_categories" WHERE apply_token = :token AND applies = TRUE) s
ON (t."category_id" = s."category_id")
WHEN MATCHED AND s.source_deleted = TRUE AND t.source_version <= s.source_version THEN
    UPDATE SET source_deleted = TRUE, source_version = s.source_version, loaded_at = :now
WHEN MATCHED AND t.source_version <= s.source_version THEN
    UPDATE SET "name" = s."name", "parent_id" = s."parent_id", "created_at" = s."created_at", "updated_at" = s."updated_at", "deleted_at" = s."deleted_at", source_deleted = FALSE, source_version = s.source_version, loaded_at = :now
WHEN NOT MATCHED AND s.source_deleted = FALSE THEN
    INSERT ("category_id", "name", "parent_id", "created_at", "updated_at", "deleted_at", source_version, source_deleted, loaded_at)
    VALUES (s."category_id", s."name", s."parent_id", s."created_at", s."updated_at", s."deleted_at", s.source_version, FALSE, :now)

-- ==== products ====
-- Applies the marked rows to the staging mirror. The version guard is repeated here so that the
-- mirror never moves backwards, whatever happened between marking and merging.
MERGE INTO "stg"."products" t
USING (SELECT * FROM "stg"."incoming_products" WHERE apply_token = :token AND applies = TRUE) s
ON (t."product_id" = s."product_id")
WHEN MATCHED AND s.source_deleted = TRUE AND t.source_version < s.source_version THEN
    UPDATE SET source_deleted = TRUE, source_version = s.source_version, loaded_at = :now
WHEN MATCHED AND t.source_version < s.source_version THEN
    UPDATE SET "sku" = s."sku", "name" = s."name", "category_id" = s."category_id", "brand" = s."brand", "list_price" = s."list_price", "unit_cost" = s."unit_cost", "created_at" = s."created_at", "updated_at" = s."updated_at", "deleted_at" = s."deleted_at", source_deleted = FALSE, source_version = s.source_version, loaded_at = :now
WHEN NOT MATCHED AND s.source_deleted = FALSE THEN
    INSERT ("product_id", "sku", "name", "category_id", "brand", "list_price", "unit_cost", "created_at", "updated_at", "deleted_at", source_version, source_deleted, loaded_at)
    VALUES (s."product_id", s."sku", s."name", s."category_id", s."brand", s."list_price", s."unit_cost", s."created_at", s."updated_at", s."deleted_at", s.source_version, FALSE, :now)

-- ==== products replay ====
-- Applies the marked rows to the staging mirror. The version guard is repeated here so that the
-- mirror never moves backwards, whatever happened between marking and merging.
MERGE INTO "stg"."products" t
USING (SELECT * FROM "stg"."incoming_products" WHERE apply_token = :token AND applies = TRUE) s
ON (t."product_id" = s."product_id")
WHEN MATCHED AND s.source_deleted = TRUE AND t.source_version <= s.source_version THEN
    UPDATE SET source_deleted = TRUE, source_version = s.source_version, loaded_at = :now
WHEN MATCHED AND t.source_version <= s.source_version THEN
    UPDATE SET "sku" = s."sku", "name" = s."name", "category_id" = s."category_id", "brand" = s."brand", "list_price" = s."list_price", "unit_cost" = s."unit_cost", "created_at" = s."created_at", "updated_at" = s."updated_at", "deleted_at" = s."deleted_at", source_deleted = FALSE, source_version = s.source_version, loaded_at = :now
WHEN NOT MATCHED AND s.source_deleted = FALSE THEN
    INSERT ("product_id", "sku", "name", "category_id", "brand", "list_price", "unit_cost", "created_at", "updated_at", "deleted_at", source_version, source_deleted, loaded_at)
    VALUES (s."product_id", s."sku", s."name", s."category_id", s."brand", s."list_price", s."unit_cost", s."created_at", s."updated_at", s."deleted_at", s.source_version, FALSE, :now)

-- ==== discounts ====
-- Applies the marked rows to the staging mirror. The version guard is repeated here so that the
-- mirror never moves backwards, whatever happened between marking and merging.
MERGE INTO "stg"."discounts" t
USING (SELECT * FROM "stg"."incoming_discounts" WHERE apply_token = :token AND applies = TRUE) s
ON (t."discount_id" = s."discount_id")
WHEN MATCHED AND s.source_deleted = TRUE AND t.source_version < s.source_version THEN
    UPDATE SET source_deleted = TRUE, source_version = s.source_version, loaded_at = :now
WHEN MATCHED AND t.source_version < s.source_version THEN
    UPDATE SET "code" = s."code", "discount_type" = s."discount_type", "value" = s."value", "campaign" = s."campaign", "starts_at" = s."starts_at", "ends_at" = s."ends_at", "created_at" = s."created_at", "updated_at" = s."updated_at", "deleted_at" = s."deleted_at", source_deleted = FALSE, source_version = s.source_version, loaded_at = :now
WHEN NOT MATCHED AND s.source_deleted = FALSE THEN
    INSERT ("discount_id", "code", "discount_type", "value", "campaign", "starts_at", "ends_at", "created_at", "updated_at", "deleted_at", source_version, source_deleted, loaded_at)
    VALUES (s."discount_id", s."code", s."discount_type", s."value", s."campaign", s."starts_at", s."ends_at", s."created_at", s."updated_at", s."deleted_at", s.source_version, FALSE, :now)

-- ==== discounts replay ====
-- Applies the marked rows to the staging mirror. The version guard is repeated here so that the
-- mirror never moves backwards, whatever happened between marking and merging.
MERGE INTO "stg"."discounts" t
USING (SELECT * FROM "stg"."incoming_discounts" WHERE apply_token = :token AND applies = TRUE) s
ON (t."discount_id" = s."discount_id")
WHEN MATCHED AND s.source_deleted = TRUE AND t.source_version <= s.source_version THEN
    UPDATE SET source_deleted = TRUE, source_version = s.source_version, loaded_at = :now
WHEN MATCHED AND t.source_version <= s.source_version THEN
    UPDATE SET "code" = s."code", "discount_type" = s."discount_type", "value" = s."value", "campaign" = s."campaign", "starts_at" = s."starts_at", "ends_at" = s."ends_at", "created_at" = s."created_at", "updated_at" = s."updated_at", "deleted_at" = s."deleted_at", source_deleted = FALSE, source_version = s.source_version, loaded_at = :now
WHEN NOT MATCHED AND s.source_deleted = FALSE THEN
    INSERT ("discount_id", "code", "discount_type", "value", "campaign", "starts_at", "ends_at", "created_at", "updated_at", "deleted_at", source_version, source_deleted, loaded_at)
    VALUES (s."discount_id", s."code", s."discount_type", s."value", s."campaign", s."starts_at", s."ends_at", s."created_at", s."updated_at", s."deleted_at", s.source_version, FALSE, :now)

-- ==== orders ====
-- Applies the marked rows to the staging mirror. The version guard is repeated here so that the
-- mirror never moves backwards, whatever happened between marking and merging.
MERGE INTO "stg"."orders" t
USING (SELECT * FROM "stg"."incoming_orders" WHERE apply_token = :token AND applies = TRUE) s
ON (t."order_id" = s."order_id")
WHEN MATCHED AND s.source_deleted = TRUE AND t.source_version < s.source_version THEN
    UPDATE SET source_deleted = TRUE, source_version = s.source_version, loaded_at = :now
WHEN MATCHED AND t.source_version < s.source_version THEN
    UPDATE SET "order_number" = s."order_number", "customer_id" = s."customer_id", "seller_id" = s."seller_id", "discount_id" = s."discount_id", "status" = s."status", "order_date" = s."order_date", "channel" = s."channel", "created_at" = s."created_at", "updated_at" = s."updated_at", "deleted_at" = s."deleted_at", source_deleted = FALSE, source_version = s.source_version, loaded_at = :now
WHEN NOT MATCHED AND s.source_deleted = FALSE THEN
    INSERT ("order_id", "order_number", "customer_id", "seller_id", "discount_id", "status", "order_date", "channel", "created_at", "updated_at", "deleted_at", source_version, source_deleted, loaded_at)
    VALUES (s."order_id", s."order_number", s."customer_id", s."seller_id", s."discount_id", s."status", s."order_date", s."channel", s."created_at", s."updated_at", s."deleted_at", s.source_version, FALSE, :now)

-- ==== orders replay ====
-- Applies the marked rows to the staging mirror. The version guard is repeated here so that the
-- mirror never moves backwards, whatever happened between marking and merging.
MERGE INTO "stg"."orders" t
USING (SELECT * FROM "stg"."incoming_orders" WHERE apply_token = :token AND applies = TRUE) s
ON (t."order_id" = s."order_id")
WHEN MATCHED AND s.source_deleted = TRUE AND t.source_version <= s.source_version THEN
    UPDATE SET source_deleted = TRUE, source_version = s.source_version, loaded_at = :now
WHEN MATCHED AND t.source_version <= s.source_version THEN
    UPDATE SET "order_number" = s."order_number", "customer_id" = s."customer_id", "seller_id" = s."seller_id", "discount_id" = s."discount_id", "status" = s."status", "order_date" = s."order_date", "channel" = s."channel", "created_at" = s."created_at", "updated_at" = s."updated_at", "deleted_at" = s."deleted_at", source_deleted = FALSE, source_version = s.source_version, loaded_at = :now
WHEN NOT MATCHED AND s.source_deleted = FALSE THEN
    INSERT ("order_id", "order_number", "customer_id", "seller_id", "discount_id", "status", "order_date", "channel", "created_at", "updated_at", "deleted_at", source_version, source_deleted, loaded_at)
    VALUES (s."order_id", s."order_number", s."customer_id", s."seller_id", s."discount_id", s."status", s."order_date", s."channel", s."created_at", s."updated_at", s."deleted_at", s.source_version, FALSE, :now)

-- ==== order_items ====
-- Applies the marked rows to the staging mirror. The version guard is repeated here so that the
-- mirror never moves backwards, whatever happened between marking and merging.
MERGE INTO "stg"."order_items" t
USING (SELECT * FROM "stg"."incoming_order_items" WHERE apply_token = :token AND applies = TRUE) s
ON (t."order_item_id" = s."order_item_id")
WHEN MATCHED AND s.source_deleted = TRUE AND t.source_version < s.source_version THEN
    UPDATE SET source_deleted = TRUE, source_version = s.source_version, loaded_at = :now
WHEN MATCHED AND t.source_version < s.source_version THEN
    UPDATE SET "order_id" = s."order_id", "product_id" = s."product_id", "quantity" = s."quantity", "unit_price" = s."unit_price", "unit_cost" = s."unit_cost", "discount_amount" = s."discount_amount", "created_at" = s."created_at", "updated_at" = s."updated_at", "deleted_at" = s."deleted_at", source_deleted = FALSE, source_version = s.source_version, loaded_at = :now
WHEN NOT MATCHED AND s.source_deleted = FALSE THEN
    INSERT ("order_item_id", "order_id", "product_id", "quantity", "unit_price", "unit_cost", "discount_amount", "created_at", "updated_at", "deleted_at", source_version, source_deleted, loaded_at)
    VALUES (s."order_item_id", s."order_id", s."product_id", s."quantity", s."unit_price", s."unit_cost", s."discount_amount", s."created_at", s."updated_at", s."deleted_at", s.source_version, FALSE, :now)

-- ==== order_items replay ====
-- Applies the marked rows to the staging mirror. The version guard is repeated here so that the
-- mirror never moves backwards, whatever happened between marking and merging.
MERGE INTO "stg"."order_items" t
USING (SELECT * FROM "stg"."incoming_order_items" WHERE apply_token = :token AND applies = TRUE) s
ON (t."order_item_id" = s."order_item_id")
WHEN MATCHED AND s.source_deleted = TRUE AND t.source_version <= s.source_version THEN
    UPDATE SET source_deleted = TRUE, source_version = s.source_version, loaded_at = :now
WHEN MATCHED AND t.source_version <= s.source_version THEN
    UPDATE SET "order_id" = s."order_id", "product_id" = s."product_id", "quantity" = s."quantity", "unit_price" = s."unit_price", "unit_cost" = s."unit_cost", "discount_amount" = s."discount_amount", "created_at" = s."created_at", "updated_at" = s."updated_at", "deleted_at" = s."deleted_at", source_deleted = FALSE, source_version = s.source_version, loaded_at = :now
WHEN NOT MATCHED AND s.source_deleted = FALSE THEN
    INSERT ("order_item_id", "order_id", "product_id", "quantity", "unit_price", "unit_cost", "discount_amount", "created_at", "updated_at", "deleted_at", source_version, source_deleted, loaded_at)
    VALUES (s."order_item_id", s."order_id", s."product_id", s."quantity", s."unit_price", s."unit_cost", s."discount_amount", s."created_at", s."updated_at", s."deleted_at", s.source_version, FALSE, :now)

-- ==== returns ====
-- Applies the marked rows to the staging mirror. The version guard is repeated here so that the
-- mirror never moves backwards, whatever happened between marking and merging.
MERGE INTO "stg"."returns" t
USING (SELECT * FROM "stg"."incoming_returns" WHERE apply_token = :token AND applies = TRUE) s
ON (t."return_id" = s."return_id")
WHEN MATCHED AND s.source_deleted = TRUE AND t.source_version < s.source_version THEN
    UPDATE SET source_deleted = TRUE, source_version = s.source_version, loaded_at = :now
WHEN MATCHED AND t.source_version < s.source_version THEN
    UPDATE SET "order_item_id" = s."order_item_id", "quantity" = s."quantity", "refund_amount" = s."refund_amount", "status" = s."status", "created_at" = s."created_at", "updated_at" = s."updated_at", "deleted_at" = s."deleted_at", source_deleted = FALSE, source_version = s.source_version, loaded_at = :now
WHEN NOT MATCHED AND s.source_deleted = FALSE THEN
    INSERT ("return_id", "order_item_id", "quantity", "refund_amount", "status", "created_at", "updated_at", "deleted_at", source_version, source_deleted, loaded_at)
    VALUES (s."return_id", s."order_item_id", s."quantity", s."refund_amount", s."status", s."created_at", s."updated_at", s."deleted_at", s.source_version, FALSE, :now)

-- ==== returns replay ====
-- Applies the marked rows to the staging mirror. The version guard is repeated here so that the
-- mirror never moves backwards, whatever happened between marking and merging.
MERGE INTO "stg"."returns" t
USING (SELECT * FROM "stg"."incoming_returns" WHERE apply_token = :token AND applies = TRUE) s
ON (t."return_id" = s."return_id")
WHEN MATCHED AND s.source_deleted = TRUE AND t.source_version <= s.source_version THEN
    UPDATE SET source_deleted = TRUE, source_version = s.source_version, loaded_at = :now
WHEN MATCHED AND t.source_version <= s.source_version THEN
    UPDATE SET "order_item_id" = s."order_item_id", "quantity" = s."quantity", "refund_amount" = s."refund_amount", "status" = s."status", "created_at" = s."created_at", "updated_at" = s."updated_at", "deleted_at" = s."deleted_at", source_deleted = FALSE, source_version = s.source_version, loaded_at = :now
WHEN NOT MATCHED AND s.source_deleted = FALSE THEN
    INSERT ("return_id", "order_item_id", "quantity", "refund_amount", "status", "created_at", "updated_at", "deleted_at", source_version, source_deleted, loaded_at)
    VALUES (s."return_id", s."order_item_id", s."quantity", s."refund_amount", s."status", s."created_at", s."updated_at", s."deleted_at", s.source_version, FALSE, :now)

-- ==== sales_targets ====
-- Applies the marked rows to the staging mirror. The version guard is repeated here so that the
-- mirror never moves backwards, whatever happened between marking and merging.
MERGE INTO "stg"."sales_targets" t
USING (SELECT * FROM "stg"."incoming_sales_targets" WHERE apply_token = :token AND applies = TRUE) s
ON (t."sales_target_id" = s."sales_target_id")
WHEN MATCHED AND s.source_deleted = TRUE AND t.source_version < s.source_version THEN
    UPDATE SET source_deleted = TRUE, source_version = s.source_version, loaded_at = :now
WHEN MATCHED AND t.source_version < s.source_version THEN
    UPDATE SET "seller_id" = s."seller_id", "year" = s."year", "month" = s."month", "target_amount" = s."target_amount", "created_at" = s."created_at", "updated_at" = s."updated_at", "deleted_at" = s."deleted_at", source_deleted = FALSE, source_version = s.source_version, loaded_at = :now
WHEN NOT MATCHED AND s.source_deleted = FALSE THEN
    INSERT ("sales_target_id", "seller_id", "year", "month", "target_amount", "created_at", "updated_at", "deleted_at", source_version, source_deleted, loaded_at)
    VALUES (s."sales_target_id", s."seller_id", s."year", s."month", s."target_amount", s."created_at", s."updated_at", s."deleted_at", s.source_version, FALSE, :now)

-- ==== sales_targets replay ====
-- Applies the marked rows to the staging mirror. The version guard is repeated here so that the
-- mirror never moves backwards, whatever happened between marking and merging.
MERGE INTO "stg"."sales_targets" t
USING (SELECT * FROM "stg"."incoming_sales_targets" WHERE apply_token = :token AND applies = TRUE) s
ON (t."sales_target_id" = s."sales_target_id")
WHEN MATCHED AND s.source_deleted = TRUE AND t.source_version <= s.source_version THEN
    UPDATE SET source_deleted = TRUE, source_version = s.source_version, loaded_at = :now
WHEN MATCHED AND t.source_version <= s.source_version THEN
    UPDATE SET "seller_id" = s."seller_id", "year" = s."year", "month" = s."month", "target_amount" = s."target_amount", "created_at" = s."created_at", "updated_at" = s."updated_at", "deleted_at" = s."deleted_at", source_deleted = FALSE, source_version = s.source_version, loaded_at = :now
WHEN NOT MATCHED AND s.source_deleted = FALSE THEN
    INSERT ("sales_target_id", "seller_id", "year", "month", "target_amount", "created_at", "updated_at", "deleted_at", source_version, source_deleted, loaded_at)
    VALUES (s."sales_target_id", s."seller_id", s."year", s."month", s."target_amount", s."created_at", s."updated_at", s."deleted_at", s.source_version, FALSE, :now)

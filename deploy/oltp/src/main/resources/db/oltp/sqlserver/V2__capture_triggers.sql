-- Capture triggers of the OLTP reference schema core.* (SQL Server): what V1__core_schema.sql (common to
-- both vendors) cannot say in shared SQL. See docs/adr/0013-schema-written-once.md.
-- Each CREATE TRIGGER must be alone in its batch: GO (on its own line) ends the batches.
--
-- Change order: row_version is a rowversion, bumped by every insert and update. A reader that
-- extracts only values below MIN_ACTIVE_ROWVERSION() never skips a row of an open transaction.
--
-- Bulk deletes: TRUNCATE and ALTER TABLE … SWITCH of the captured tables are refused. Neither fires a
-- DML trigger, so the rows they remove would get no tombstone in core.deleted_rows: the warehouse would
-- keep them for ever and nothing would say so. Each CREATE TRIGGER is alone in its batch (GO).
--
-- TRUNCATE fires no trigger and no DDL event either, but SQL Server refuses TRUNCATE TABLE of a table
-- that a FOREIGN KEY references (error 4712), even from an empty table. core.capture_guard is that
-- table: one nullable column per captured table, each a foreign key to the table's key, and no row ever
-- (its stays_empty column is NOT NULL and must be null, so every INSERT fails). Its cost: a DELETE on a
-- captured table checks the guard for referencing rows, a seek on an empty index (ix_capture_guard_*).
-- The same foreign keys refuse DROP TABLE of a captured table: drop its guard column first, on purpose.
--
-- core.deleted_rows is guarded too, although no trigger writes its own tombstones: until the extractor
-- has read them, its rows are the only record of the hard deletes, and a TRUNCATE cannot tell read from
-- unread. Purge old tombstones with a DELETE of those below every entity's watermark (docs/runbook.md).
--
-- A new captured table needs its guard column here; CaptureGuardScriptTest fails the build while an
-- entity of the catalog has none.

CREATE TABLE core.capture_guard (
    region_id       bigint NULL CONSTRAINT fk_capture_guard_regions REFERENCES core.regions (region_id),
    team_id         bigint NULL CONSTRAINT fk_capture_guard_teams REFERENCES core.teams (team_id),
    seller_id       bigint NULL CONSTRAINT fk_capture_guard_sellers REFERENCES core.sellers (seller_id),
    customer_id     bigint NULL CONSTRAINT fk_capture_guard_customers REFERENCES core.customers (customer_id),
    category_id     bigint NULL CONSTRAINT fk_capture_guard_categories REFERENCES core.categories (category_id),
    product_id      bigint NULL CONSTRAINT fk_capture_guard_products REFERENCES core.products (product_id),
    discount_id     bigint NULL CONSTRAINT fk_capture_guard_discounts REFERENCES core.discounts (discount_id),
    order_id        bigint NULL CONSTRAINT fk_capture_guard_orders REFERENCES core.orders (order_id),
    order_item_id   bigint NULL CONSTRAINT fk_capture_guard_order_items REFERENCES core.order_items (order_item_id),
    return_id       bigint NULL CONSTRAINT fk_capture_guard_returns REFERENCES core.returns (return_id),
    sales_target_id bigint NULL CONSTRAINT fk_capture_guard_sales_targets REFERENCES core.sales_targets (sales_target_id),
    deleted_row_id  bigint NULL CONSTRAINT fk_capture_guard_deleted_rows REFERENCES core.deleted_rows (deleted_row_id),
    stays_empty     bit NOT NULL CONSTRAINT ck_capture_guard_stays_empty CHECK (stays_empty IS NULL)
);
CREATE INDEX ix_capture_guard_region_id ON core.capture_guard (region_id);
CREATE INDEX ix_capture_guard_team_id ON core.capture_guard (team_id);
CREATE INDEX ix_capture_guard_seller_id ON core.capture_guard (seller_id);
CREATE INDEX ix_capture_guard_customer_id ON core.capture_guard (customer_id);
CREATE INDEX ix_capture_guard_category_id ON core.capture_guard (category_id);
CREATE INDEX ix_capture_guard_product_id ON core.capture_guard (product_id);
CREATE INDEX ix_capture_guard_discount_id ON core.capture_guard (discount_id);
CREATE INDEX ix_capture_guard_order_id ON core.capture_guard (order_id);
CREATE INDEX ix_capture_guard_order_item_id ON core.capture_guard (order_item_id);
CREATE INDEX ix_capture_guard_return_id ON core.capture_guard (return_id);
CREATE INDEX ix_capture_guard_sales_target_id ON core.capture_guard (sales_target_id);
CREATE INDEX ix_capture_guard_deleted_row_id ON core.capture_guard (deleted_row_id);

EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Always empty. Its foreign keys make SQL Server refuse TRUNCATE TABLE of every captured table (error 4712): TRUNCATE writes no tombstones, so the warehouse would keep the removed rows. Use DELETE instead (docs/runbook.md, "Bulk deletes on the OLTP").',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'capture_guard';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Always null: its foreign key to core.regions makes SQL Server refuse TRUNCATE TABLE core.regions.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'capture_guard', @level2type = N'COLUMN', @level2name = N'region_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Always null: its foreign key to core.teams makes SQL Server refuse TRUNCATE TABLE core.teams.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'capture_guard', @level2type = N'COLUMN', @level2name = N'team_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Always null: its foreign key to core.sellers makes SQL Server refuse TRUNCATE TABLE core.sellers.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'capture_guard', @level2type = N'COLUMN', @level2name = N'seller_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Always null: its foreign key to core.customers makes SQL Server refuse TRUNCATE TABLE core.customers.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'capture_guard', @level2type = N'COLUMN', @level2name = N'customer_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Always null: its foreign key to core.categories makes SQL Server refuse TRUNCATE TABLE core.categories.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'capture_guard', @level2type = N'COLUMN', @level2name = N'category_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Always null: its foreign key to core.products makes SQL Server refuse TRUNCATE TABLE core.products.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'capture_guard', @level2type = N'COLUMN', @level2name = N'product_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Always null: its foreign key to core.discounts makes SQL Server refuse TRUNCATE TABLE core.discounts.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'capture_guard', @level2type = N'COLUMN', @level2name = N'discount_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Always null: its foreign key to core.orders makes SQL Server refuse TRUNCATE TABLE core.orders.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'capture_guard', @level2type = N'COLUMN', @level2name = N'order_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Always null: its foreign key to core.order_items makes SQL Server refuse TRUNCATE TABLE core.order_items.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'capture_guard', @level2type = N'COLUMN', @level2name = N'order_item_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Always null: its foreign key to core.returns makes SQL Server refuse TRUNCATE TABLE core.returns.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'capture_guard', @level2type = N'COLUMN', @level2name = N'return_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Always null: its foreign key to core.sales_targets makes SQL Server refuse TRUNCATE TABLE core.sales_targets.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'capture_guard', @level2type = N'COLUMN', @level2name = N'sales_target_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Always null: its foreign key to core.deleted_rows makes SQL Server refuse TRUNCATE TABLE core.deleted_rows.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'capture_guard', @level2type = N'COLUMN', @level2name = N'deleted_row_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'NOT NULL and checked to be null: no row can ever be inserted.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'capture_guard', @level2type = N'COLUMN', @level2name = N'stays_empty';
GO

-- The triggers of every captured table: updated_at, tombstone. Each alone in its batch.
CREATE TRIGGER core.tr_regions_updated_at ON core.regions AFTER UPDATE AS
BEGIN
    SET NOCOUNT ON;
    IF TRIGGER_NESTLEVEL(@@PROCID) > 1 RETURN;
    UPDATE t SET updated_at = SYSUTCDATETIME()
    FROM core.regions AS t INNER JOIN inserted AS i ON i.region_id = t.region_id;
END;
GO
CREATE TRIGGER core.tr_regions_tombstone ON core.regions AFTER DELETE AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO core.deleted_rows (table_name, row_key)
    SELECT 'regions', d.region_id FROM deleted AS d;
END;
GO
CREATE TRIGGER core.tr_teams_updated_at ON core.teams AFTER UPDATE AS
BEGIN
    SET NOCOUNT ON;
    IF TRIGGER_NESTLEVEL(@@PROCID) > 1 RETURN;
    UPDATE t SET updated_at = SYSUTCDATETIME()
    FROM core.teams AS t INNER JOIN inserted AS i ON i.team_id = t.team_id;
END;
GO
CREATE TRIGGER core.tr_teams_tombstone ON core.teams AFTER DELETE AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO core.deleted_rows (table_name, row_key)
    SELECT 'teams', d.team_id FROM deleted AS d;
END;
GO
CREATE TRIGGER core.tr_sellers_updated_at ON core.sellers AFTER UPDATE AS
BEGIN
    SET NOCOUNT ON;
    IF TRIGGER_NESTLEVEL(@@PROCID) > 1 RETURN;
    UPDATE t SET updated_at = SYSUTCDATETIME()
    FROM core.sellers AS t INNER JOIN inserted AS i ON i.seller_id = t.seller_id;
END;
GO
CREATE TRIGGER core.tr_sellers_tombstone ON core.sellers AFTER DELETE AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO core.deleted_rows (table_name, row_key)
    SELECT 'sellers', d.seller_id FROM deleted AS d;
END;
GO
CREATE TRIGGER core.tr_customers_updated_at ON core.customers AFTER UPDATE AS
BEGIN
    SET NOCOUNT ON;
    IF TRIGGER_NESTLEVEL(@@PROCID) > 1 RETURN;
    UPDATE t SET updated_at = SYSUTCDATETIME()
    FROM core.customers AS t INNER JOIN inserted AS i ON i.customer_id = t.customer_id;
END;
GO
CREATE TRIGGER core.tr_customers_tombstone ON core.customers AFTER DELETE AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO core.deleted_rows (table_name, row_key)
    SELECT 'customers', d.customer_id FROM deleted AS d;
END;
GO
CREATE TRIGGER core.tr_categories_updated_at ON core.categories AFTER UPDATE AS
BEGIN
    SET NOCOUNT ON;
    IF TRIGGER_NESTLEVEL(@@PROCID) > 1 RETURN;
    UPDATE t SET updated_at = SYSUTCDATETIME()
    FROM core.categories AS t INNER JOIN inserted AS i ON i.category_id = t.category_id;
END;
GO
CREATE TRIGGER core.tr_categories_tombstone ON core.categories AFTER DELETE AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO core.deleted_rows (table_name, row_key)
    SELECT 'categories', d.category_id FROM deleted AS d;
END;
GO
CREATE TRIGGER core.tr_products_updated_at ON core.products AFTER UPDATE AS
BEGIN
    SET NOCOUNT ON;
    IF TRIGGER_NESTLEVEL(@@PROCID) > 1 RETURN;
    UPDATE t SET updated_at = SYSUTCDATETIME()
    FROM core.products AS t INNER JOIN inserted AS i ON i.product_id = t.product_id;
END;
GO
CREATE TRIGGER core.tr_products_tombstone ON core.products AFTER DELETE AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO core.deleted_rows (table_name, row_key)
    SELECT 'products', d.product_id FROM deleted AS d;
END;
GO
CREATE TRIGGER core.tr_discounts_updated_at ON core.discounts AFTER UPDATE AS
BEGIN
    SET NOCOUNT ON;
    IF TRIGGER_NESTLEVEL(@@PROCID) > 1 RETURN;
    UPDATE t SET updated_at = SYSUTCDATETIME()
    FROM core.discounts AS t INNER JOIN inserted AS i ON i.discount_id = t.discount_id;
END;
GO
CREATE TRIGGER core.tr_discounts_tombstone ON core.discounts AFTER DELETE AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO core.deleted_rows (table_name, row_key)
    SELECT 'discounts', d.discount_id FROM deleted AS d;
END;
GO
CREATE TRIGGER core.tr_orders_updated_at ON core.orders AFTER UPDATE AS
BEGIN
    SET NOCOUNT ON;
    IF TRIGGER_NESTLEVEL(@@PROCID) > 1 RETURN;
    UPDATE t SET updated_at = SYSUTCDATETIME()
    FROM core.orders AS t INNER JOIN inserted AS i ON i.order_id = t.order_id;
END;
GO
CREATE TRIGGER core.tr_orders_tombstone ON core.orders AFTER DELETE AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO core.deleted_rows (table_name, row_key)
    SELECT 'orders', d.order_id FROM deleted AS d;
END;
GO
CREATE TRIGGER core.tr_order_items_updated_at ON core.order_items AFTER UPDATE AS
BEGIN
    SET NOCOUNT ON;
    IF TRIGGER_NESTLEVEL(@@PROCID) > 1 RETURN;
    UPDATE t SET updated_at = SYSUTCDATETIME()
    FROM core.order_items AS t INNER JOIN inserted AS i ON i.order_item_id = t.order_item_id;
END;
GO
CREATE TRIGGER core.tr_order_items_tombstone ON core.order_items AFTER DELETE AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO core.deleted_rows (table_name, row_key)
    SELECT 'order_items', d.order_item_id FROM deleted AS d;
END;
GO
CREATE TRIGGER core.tr_returns_updated_at ON core.returns AFTER UPDATE AS
BEGIN
    SET NOCOUNT ON;
    IF TRIGGER_NESTLEVEL(@@PROCID) > 1 RETURN;
    UPDATE t SET updated_at = SYSUTCDATETIME()
    FROM core.returns AS t INNER JOIN inserted AS i ON i.return_id = t.return_id;
END;
GO
CREATE TRIGGER core.tr_returns_tombstone ON core.returns AFTER DELETE AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO core.deleted_rows (table_name, row_key)
    SELECT 'returns', d.return_id FROM deleted AS d;
END;
GO
CREATE TRIGGER core.tr_sales_targets_updated_at ON core.sales_targets AFTER UPDATE AS
BEGIN
    SET NOCOUNT ON;
    IF TRIGGER_NESTLEVEL(@@PROCID) > 1 RETURN;
    UPDATE t SET updated_at = SYSUTCDATETIME()
    FROM core.sales_targets AS t INNER JOIN inserted AS i ON i.sales_target_id = t.sales_target_id;
END;
GO
CREATE TRIGGER core.tr_sales_targets_tombstone ON core.sales_targets AFTER DELETE AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO core.deleted_rows (table_name, row_key)
    SELECT 'sales_targets', d.sales_target_id FROM deleted AS d;
END;
GO

-- ALTER TABLE … SWITCH moves all of a table's (or a partition's) rows to another table as a metadata
-- change: out of a captured table no tombstone is written, into one the rows bypass the change order
-- of the extractor's cursor. This database DDL trigger refuses a SWITCH out of a captured table (the
-- altered table, EVENTDATA's SchemaName/ObjectName) or into one (named in the command after SWITCH:
-- core.<table>, or <table> alone when the caller's default schema is core). A captured table is a table
-- of core with a row_version column, read from the catalog, so a new one is covered without a change
-- here; core.deleted_rows has one too. DDL triggers run after the statement, in its transaction: the
-- THROW rolls the SWITCH back.
CREATE TRIGGER tr_refuse_switch_of_captured_tables ON DATABASE FOR ALTER_TABLE AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @event xml = EVENTDATA();
    DECLARE @schema sysname = @event.value('(/EVENT_INSTANCE/SchemaName)[1]', 'sysname');
    DECLARE @object sysname = @event.value('(/EVENT_INSTANCE/ObjectName)[1]', 'sysname');
    -- The command in lower case, without [brackets] or "quotes", with blanks between the words.
    DECLARE @command nvarchar(max) = N' ' + LOWER(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(
        @event.value('(/EVENT_INSTANCE/TSQLCommand/CommandText)[1]', 'nvarchar(max)'),
        N'[', N''), N']', N''), N'"', N''), NCHAR(9), N' '), NCHAR(13), N' '), NCHAR(10), N' ')) + N' ';
    DECLARE @switch int = PATINDEX(N'%[^a-z0-9_]switch[^a-z0-9_]%', @command);
    IF @switch = 0
        RETURN;
    DECLARE @target nvarchar(max) = SUBSTRING(@command, @switch + 7, LEN(@command));
    DECLARE @table sysname = (
        SELECT TOP (1) t.name
        FROM sys.tables t
        WHERE t.schema_id = SCHEMA_ID(N'core')
          AND EXISTS (SELECT 1 FROM sys.columns c WHERE c.object_id = t.object_id AND c.name = N'row_version')
          AND ((@schema = N'core' AND @object = t.name)
               OR @target LIKE N'%[^a-z0-9_]core.' + REPLACE(t.name, N'_', N'[_]') + N'[^a-z0-9_]%'
               OR (SCHEMA_NAME() = N'core'
                   AND @target LIKE N'%[^a-z0-9_.]' + REPLACE(t.name, N'_', N'[_]') + N'[^a-z0-9_.]%'))
        ORDER BY t.name);
    IF @table IS NOT NULL
    BEGIN
        DECLARE @message nvarchar(2048) = N'ALTER TABLE ... SWITCH into or out of core.' + @table
            + N' is refused: it writes no tombstones to core.deleted_rows and moves rows outside the change order,'
            + N' so the warehouse would miss the change; use INSERT ... SELECT and DELETE, whose triggers capture it'
            + N' (docs/runbook.md, "Bulk deletes on the OLTP").';
        THROW 50001, @message, 1;
    END;
END;
GO

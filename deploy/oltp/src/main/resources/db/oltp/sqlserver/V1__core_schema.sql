-- OLTP reference schema core.*, SQL Server (see docs/data-contract.md, "Source").
-- Flyway creates the schema core (OltpSchema.migrate names it) before this script runs.
-- Each CREATE TRIGGER must be alone in its batch: GO (on its own line) ends the batches.
--
-- Change order: row_version is a rowversion, bumped by every insert and update. A reader that
-- extracts only values below MIN_ACTIVE_ROWVERSION() never skips a row of an open transaction.

-- Tombstones of hard deletes.
CREATE TABLE core.deleted_rows (
    deleted_row_id  bigint IDENTITY(1,1) NOT NULL,
    table_name      varchar(64) NOT NULL,
    row_key         bigint NOT NULL,
    row_version     rowversion NOT NULL,
    deleted_at      datetime2(3) NOT NULL CONSTRAINT df_deleted_rows_deleted_at DEFAULT SYSUTCDATETIME(),
    CONSTRAINT pk_deleted_rows PRIMARY KEY (deleted_row_id)
);
CREATE INDEX ix_deleted_rows_table_version ON core.deleted_rows (table_name, row_version, row_key);

-- Sales regions: one Brazilian state (or part of one) and its country.
CREATE TABLE core.regions (
    region_id       bigint IDENTITY(1,1) NOT NULL,
    name            varchar(100) NOT NULL,
    state           varchar(50) NOT NULL,
    country         varchar(50) NOT NULL,
    created_at      datetime2(3) NOT NULL CONSTRAINT df_regions_created_at DEFAULT SYSUTCDATETIME(),
    updated_at      datetime2(3) NOT NULL CONSTRAINT df_regions_updated_at DEFAULT SYSUTCDATETIME(),
    deleted_at      datetime2(3) NULL,
    row_version     rowversion NOT NULL,
    CONSTRAINT pk_regions PRIMARY KEY (region_id)
);
CREATE INDEX ix_regions_row_version ON core.regions (row_version, region_id);

-- Sales teams; each works one region.
CREATE TABLE core.teams (
    team_id         bigint IDENTITY(1,1) NOT NULL,
    name            varchar(100) NOT NULL,
    region_id       bigint NOT NULL,
    manager_name    varchar(100),
    created_at      datetime2(3) NOT NULL CONSTRAINT df_teams_created_at DEFAULT SYSUTCDATETIME(),
    updated_at      datetime2(3) NOT NULL CONSTRAINT df_teams_updated_at DEFAULT SYSUTCDATETIME(),
    deleted_at      datetime2(3) NULL,
    row_version     rowversion NOT NULL,
    CONSTRAINT pk_teams PRIMARY KEY (team_id),
    CONSTRAINT fk_teams_region_id FOREIGN KEY (region_id) REFERENCES core.regions (region_id)
);
CREATE INDEX ix_teams_row_version ON core.teams (row_version, team_id);
CREATE INDEX ix_teams_region_id ON core.teams (region_id);

-- Sales people; each belongs to one team (a team move is tracked as SCD2 in the warehouse).
CREATE TABLE core.sellers (
    seller_id       bigint IDENTITY(1,1) NOT NULL,
    name            varchar(100) NOT NULL,
    email           varchar(150) NOT NULL,
    team_id         bigint NOT NULL,
    is_active       bit NOT NULL CONSTRAINT df_sellers_is_active DEFAULT 1,
    created_at      datetime2(3) NOT NULL CONSTRAINT df_sellers_created_at DEFAULT SYSUTCDATETIME(),
    updated_at      datetime2(3) NOT NULL CONSTRAINT df_sellers_updated_at DEFAULT SYSUTCDATETIME(),
    deleted_at      datetime2(3) NULL,
    row_version     rowversion NOT NULL,
    CONSTRAINT pk_sellers PRIMARY KEY (seller_id),
    CONSTRAINT fk_sellers_team_id FOREIGN KEY (team_id) REFERENCES core.teams (team_id)
);
CREATE INDEX ix_sellers_row_version ON core.sellers (row_version, seller_id);
CREATE INDEX ix_sellers_team_id ON core.sellers (team_id);

-- Customers (people and companies) who place orders.
CREATE TABLE core.customers (
    customer_id     bigint IDENTITY(1,1) NOT NULL,
    name            varchar(150) NOT NULL,
    email           varchar(150) NOT NULL,
    customer_type   varchar(20) NOT NULL,
    city            varchar(100) NOT NULL,
    state           varchar(50) NOT NULL,
    region_id       bigint NOT NULL,
    segment         varchar(30) NOT NULL,
    created_at      datetime2(3) NOT NULL CONSTRAINT df_customers_created_at DEFAULT SYSUTCDATETIME(),
    updated_at      datetime2(3) NOT NULL CONSTRAINT df_customers_updated_at DEFAULT SYSUTCDATETIME(),
    deleted_at      datetime2(3) NULL,
    row_version     rowversion NOT NULL,
    CONSTRAINT pk_customers PRIMARY KEY (customer_id),
    CONSTRAINT fk_customers_region_id FOREIGN KEY (region_id) REFERENCES core.regions (region_id)
);
CREATE INDEX ix_customers_row_version ON core.customers (row_version, customer_id);
CREATE INDEX ix_customers_region_id ON core.customers (region_id);

-- Product categories, two levels: a top-level category has no parent.
CREATE TABLE core.categories (
    category_id     bigint IDENTITY(1,1) NOT NULL,
    name            varchar(100) NOT NULL,
    parent_id       bigint,
    created_at      datetime2(3) NOT NULL CONSTRAINT df_categories_created_at DEFAULT SYSUTCDATETIME(),
    updated_at      datetime2(3) NOT NULL CONSTRAINT df_categories_updated_at DEFAULT SYSUTCDATETIME(),
    deleted_at      datetime2(3) NULL,
    row_version     rowversion NOT NULL,
    CONSTRAINT pk_categories PRIMARY KEY (category_id),
    CONSTRAINT fk_categories_parent_id FOREIGN KEY (parent_id) REFERENCES core.categories (category_id)
);
CREATE INDEX ix_categories_row_version ON core.categories (row_version, category_id);
CREATE INDEX ix_categories_parent_id ON core.categories (parent_id);

-- Products on sale.
CREATE TABLE core.products (
    product_id      bigint IDENTITY(1,1) NOT NULL,
    sku             varchar(40) NOT NULL,
    name            varchar(150) NOT NULL,
    category_id     bigint NOT NULL,
    brand           varchar(100) NOT NULL,
    list_price      numeric(12,2) NOT NULL,
    unit_cost       numeric(12,2) NOT NULL,
    created_at      datetime2(3) NOT NULL CONSTRAINT df_products_created_at DEFAULT SYSUTCDATETIME(),
    updated_at      datetime2(3) NOT NULL CONSTRAINT df_products_updated_at DEFAULT SYSUTCDATETIME(),
    deleted_at      datetime2(3) NULL,
    row_version     rowversion NOT NULL,
    CONSTRAINT pk_products PRIMARY KEY (product_id),
    CONSTRAINT uq_products_sku UNIQUE (sku),
    CONSTRAINT fk_products_category_id FOREIGN KEY (category_id) REFERENCES core.categories (category_id)
);
CREATE INDEX ix_products_row_version ON core.products (row_version, product_id);
CREATE INDEX ix_products_category_id ON core.products (category_id);

-- Discount codes of marketing campaigns.
CREATE TABLE core.discounts (
    discount_id     bigint IDENTITY(1,1) NOT NULL,
    code            varchar(40) NOT NULL,
    discount_type   varchar(20) NOT NULL,
    value           numeric(12,2) NOT NULL,
    campaign        varchar(100),
    starts_at       datetime2(3) NOT NULL,
    ends_at         datetime2(3) NOT NULL,
    created_at      datetime2(3) NOT NULL CONSTRAINT df_discounts_created_at DEFAULT SYSUTCDATETIME(),
    updated_at      datetime2(3) NOT NULL CONSTRAINT df_discounts_updated_at DEFAULT SYSUTCDATETIME(),
    deleted_at      datetime2(3) NULL,
    row_version     rowversion NOT NULL,
    CONSTRAINT pk_discounts PRIMARY KEY (discount_id),
    CONSTRAINT uq_discounts_code UNIQUE (code)
);
CREATE INDEX ix_discounts_row_version ON core.discounts (row_version, discount_id);

-- Sales orders.
CREATE TABLE core.orders (
    order_id        bigint IDENTITY(1,1) NOT NULL,
    order_number    varchar(30) NOT NULL,
    customer_id     bigint NOT NULL,
    seller_id       bigint NOT NULL,
    discount_id     bigint,
    status          varchar(20) NOT NULL,
    order_date      datetime2(3) NOT NULL,
    channel         varchar(20) NOT NULL,
    created_at      datetime2(3) NOT NULL CONSTRAINT df_orders_created_at DEFAULT SYSUTCDATETIME(),
    updated_at      datetime2(3) NOT NULL CONSTRAINT df_orders_updated_at DEFAULT SYSUTCDATETIME(),
    deleted_at      datetime2(3) NULL,
    row_version     rowversion NOT NULL,
    CONSTRAINT pk_orders PRIMARY KEY (order_id),
    CONSTRAINT uq_orders_order_number UNIQUE (order_number),
    CONSTRAINT fk_orders_customer_id FOREIGN KEY (customer_id) REFERENCES core.customers (customer_id),
    CONSTRAINT fk_orders_seller_id FOREIGN KEY (seller_id) REFERENCES core.sellers (seller_id),
    CONSTRAINT fk_orders_discount_id FOREIGN KEY (discount_id) REFERENCES core.discounts (discount_id)
);
CREATE INDEX ix_orders_row_version ON core.orders (row_version, order_id);
CREATE INDEX ix_orders_customer_id ON core.orders (customer_id);
CREATE INDEX ix_orders_seller_id ON core.orders (seller_id);
CREATE INDEX ix_orders_discount_id ON core.orders (discount_id);
-- Orders still to process, oldest first.
CREATE INDEX ix_orders_status ON core.orders (status, order_id);

-- Order lines: one product in one order.
CREATE TABLE core.order_items (
    order_item_id   bigint IDENTITY(1,1) NOT NULL,
    order_id        bigint NOT NULL,
    product_id      bigint NOT NULL,
    quantity        int NOT NULL,
    unit_price      numeric(12,2) NOT NULL,
    unit_cost       numeric(12,2) NOT NULL,
    discount_amount numeric(12,2) NOT NULL CONSTRAINT df_order_items_discount_amount DEFAULT 0,
    created_at      datetime2(3) NOT NULL CONSTRAINT df_order_items_created_at DEFAULT SYSUTCDATETIME(),
    updated_at      datetime2(3) NOT NULL CONSTRAINT df_order_items_updated_at DEFAULT SYSUTCDATETIME(),
    deleted_at      datetime2(3) NULL,
    row_version     rowversion NOT NULL,
    CONSTRAINT pk_order_items PRIMARY KEY (order_item_id),
    CONSTRAINT fk_order_items_order_id FOREIGN KEY (order_id) REFERENCES core.orders (order_id),
    CONSTRAINT fk_order_items_product_id FOREIGN KEY (product_id) REFERENCES core.products (product_id)
);
CREATE INDEX ix_order_items_row_version ON core.order_items (row_version, order_item_id);
CREATE INDEX ix_order_items_order_id ON core.order_items (order_id);
CREATE INDEX ix_order_items_product_id ON core.order_items (product_id);

-- Returns of order lines.
CREATE TABLE core.returns (
    return_id       bigint IDENTITY(1,1) NOT NULL,
    order_item_id   bigint NOT NULL,
    quantity        int NOT NULL,
    refund_amount   numeric(12,2) NOT NULL,
    status          varchar(20) NOT NULL,
    created_at      datetime2(3) NOT NULL CONSTRAINT df_returns_created_at DEFAULT SYSUTCDATETIME(),
    updated_at      datetime2(3) NOT NULL CONSTRAINT df_returns_updated_at DEFAULT SYSUTCDATETIME(),
    deleted_at      datetime2(3) NULL,
    row_version     rowversion NOT NULL,
    CONSTRAINT pk_returns PRIMARY KEY (return_id),
    CONSTRAINT fk_returns_order_item_id FOREIGN KEY (order_item_id) REFERENCES core.order_items (order_item_id)
);
CREATE INDEX ix_returns_row_version ON core.returns (row_version, return_id);
CREATE INDEX ix_returns_order_item_id ON core.returns (order_item_id);

-- Monthly sales targets per seller.
CREATE TABLE core.sales_targets (
    sales_target_id bigint IDENTITY(1,1) NOT NULL,
    seller_id       bigint NOT NULL,
    year            smallint NOT NULL,
    month           smallint NOT NULL,
    target_amount   numeric(14,2) NOT NULL,
    created_at      datetime2(3) NOT NULL CONSTRAINT df_sales_targets_created_at DEFAULT SYSUTCDATETIME(),
    updated_at      datetime2(3) NOT NULL CONSTRAINT df_sales_targets_updated_at DEFAULT SYSUTCDATETIME(),
    deleted_at      datetime2(3) NULL,
    row_version     rowversion NOT NULL,
    CONSTRAINT pk_sales_targets PRIMARY KEY (sales_target_id),
    CONSTRAINT uq_sales_targets_seller_id_year_month UNIQUE (seller_id, year, month),
    CONSTRAINT fk_sales_targets_seller_id FOREIGN KEY (seller_id) REFERENCES core.sellers (seller_id)
);
CREATE INDEX ix_sales_targets_row_version ON core.sales_targets (row_version, sales_target_id);
CREATE INDEX ix_sales_targets_seller_id ON core.sales_targets (seller_id);

-- Triggers: each alone in its batch, as SQL Server requires.
GO
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
-- Comments (MS_Description extended properties).
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Tombstones: one row per hard-deleted source row, written by an AFTER DELETE trigger on each table, so that deletes propagate.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'deleted_rows';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Tombstone key.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'deleted_rows', @level2type = N'COLUMN', @level2name = N'deleted_row_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Table the row was deleted from, without schema, e.g. orders.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'deleted_rows', @level2type = N'COLUMN', @level2name = N'table_name';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Primary key value of the deleted row.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'deleted_rows', @level2type = N'COLUMN', @level2name = N'row_key';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Change order: rowversion of the tombstone.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'deleted_rows', @level2type = N'COLUMN', @level2name = N'row_version';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the row was deleted (UTC).',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'deleted_rows', @level2type = N'COLUMN', @level2name = N'deleted_at';

EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Sales regions: one Brazilian state (or part of one) and its country.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'regions';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Primary key (identity).',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'regions', @level2type = N'COLUMN', @level2name = N'region_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Region name as the business uses it, e.g. ''Sudeste - SP Capital''.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'regions', @level2type = N'COLUMN', @level2name = N'name';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'State (UF) code of the region, e.g. ''SP''.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'regions', @level2type = N'COLUMN', @level2name = N'state';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Country of the region.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'regions', @level2type = N'COLUMN', @level2name = N'country';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the row was inserted (UTC).',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'regions', @level2type = N'COLUMN', @level2name = N'created_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the row last changed (UTC), kept by the database.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'regions', @level2type = N'COLUMN', @level2name = N'updated_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Soft delete: when the row was logically deleted (UTC); null while the row is live.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'regions', @level2type = N'COLUMN', @level2name = N'deleted_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Change order: rowversion, bumped by every write. Extract rows below MIN_ACTIVE_ROWVERSION().',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'regions', @level2type = N'COLUMN', @level2name = N'row_version';

EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Sales teams; each works one region.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'teams';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Primary key (identity).',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'teams', @level2type = N'COLUMN', @level2name = N'team_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Team name.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'teams', @level2type = N'COLUMN', @level2name = N'name';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Region the team works (regions.region_id).',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'teams', @level2type = N'COLUMN', @level2name = N'region_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Name of the team manager; null while the position is open.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'teams', @level2type = N'COLUMN', @level2name = N'manager_name';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the row was inserted (UTC).',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'teams', @level2type = N'COLUMN', @level2name = N'created_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the row last changed (UTC), kept by the database.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'teams', @level2type = N'COLUMN', @level2name = N'updated_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Soft delete: when the row was logically deleted (UTC); null while the row is live.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'teams', @level2type = N'COLUMN', @level2name = N'deleted_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Change order: rowversion, bumped by every write. Extract rows below MIN_ACTIVE_ROWVERSION().',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'teams', @level2type = N'COLUMN', @level2name = N'row_version';

EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Sales people; each belongs to one team (a team move is tracked as SCD2 in the warehouse).',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'sellers';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Primary key (identity).',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'sellers', @level2type = N'COLUMN', @level2name = N'seller_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Seller''s full name.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'sellers', @level2type = N'COLUMN', @level2name = N'name';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Seller''s work e-mail.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'sellers', @level2type = N'COLUMN', @level2name = N'email';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Current team (teams.team_id).',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'sellers', @level2type = N'COLUMN', @level2name = N'team_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'False once the seller has left; the row stays for history.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'sellers', @level2type = N'COLUMN', @level2name = N'is_active';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the row was inserted (UTC).',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'sellers', @level2type = N'COLUMN', @level2name = N'created_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the row last changed (UTC), kept by the database.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'sellers', @level2type = N'COLUMN', @level2name = N'updated_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Soft delete: when the row was logically deleted (UTC); null while the row is live.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'sellers', @level2type = N'COLUMN', @level2name = N'deleted_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Change order: rowversion, bumped by every write. Extract rows below MIN_ACTIVE_ROWVERSION().',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'sellers', @level2type = N'COLUMN', @level2name = N'row_version';

EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Customers (people and companies) who place orders.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'customers';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Primary key (identity).',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'customers', @level2type = N'COLUMN', @level2name = N'customer_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Customer''s name or company name.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'customers', @level2type = N'COLUMN', @level2name = N'name';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Customer''s e-mail.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'customers', @level2type = N'COLUMN', @level2name = N'email';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'individual or business.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'customers', @level2type = N'COLUMN', @level2name = N'customer_type';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'City of the customer''s address.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'customers', @level2type = N'COLUMN', @level2name = N'city';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'State (UF) code of the customer''s address.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'customers', @level2type = N'COLUMN', @level2name = N'state';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Sales region of the customer (regions.region_id).',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'customers', @level2type = N'COLUMN', @level2name = N'region_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Marketing segment: consumer, small_business, corporate or vip.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'customers', @level2type = N'COLUMN', @level2name = N'segment';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the row was inserted (UTC).',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'customers', @level2type = N'COLUMN', @level2name = N'created_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the row last changed (UTC), kept by the database.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'customers', @level2type = N'COLUMN', @level2name = N'updated_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Soft delete: when the row was logically deleted (UTC); null while the row is live.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'customers', @level2type = N'COLUMN', @level2name = N'deleted_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Change order: rowversion, bumped by every write. Extract rows below MIN_ACTIVE_ROWVERSION().',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'customers', @level2type = N'COLUMN', @level2name = N'row_version';

EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Product categories, two levels: a top-level category has no parent.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'categories';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Primary key (identity).',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'categories', @level2type = N'COLUMN', @level2name = N'category_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Category name.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'categories', @level2type = N'COLUMN', @level2name = N'name';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Parent category (categories.category_id); null for a top-level category.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'categories', @level2type = N'COLUMN', @level2name = N'parent_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the row was inserted (UTC).',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'categories', @level2type = N'COLUMN', @level2name = N'created_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the row last changed (UTC), kept by the database.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'categories', @level2type = N'COLUMN', @level2name = N'updated_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Soft delete: when the row was logically deleted (UTC); null while the row is live.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'categories', @level2type = N'COLUMN', @level2name = N'deleted_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Change order: rowversion, bumped by every write. Extract rows below MIN_ACTIVE_ROWVERSION().',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'categories', @level2type = N'COLUMN', @level2name = N'row_version';

EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Products on sale.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'products';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Primary key (identity).',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'products', @level2type = N'COLUMN', @level2name = N'product_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Stock-keeping unit, unique.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'products', @level2type = N'COLUMN', @level2name = N'sku';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Product name.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'products', @level2type = N'COLUMN', @level2name = N'name';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Category (categories.category_id).',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'products', @level2type = N'COLUMN', @level2name = N'category_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Brand name.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'products', @level2type = N'COLUMN', @level2name = N'brand';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Current list price in BRL.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'products', @level2type = N'COLUMN', @level2name = N'list_price';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Current unit cost in BRL.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'products', @level2type = N'COLUMN', @level2name = N'unit_cost';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the row was inserted (UTC).',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'products', @level2type = N'COLUMN', @level2name = N'created_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the row last changed (UTC), kept by the database.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'products', @level2type = N'COLUMN', @level2name = N'updated_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Soft delete: when the row was logically deleted (UTC); null while the row is live.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'products', @level2type = N'COLUMN', @level2name = N'deleted_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Change order: rowversion, bumped by every write. Extract rows below MIN_ACTIVE_ROWVERSION().',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'products', @level2type = N'COLUMN', @level2name = N'row_version';

EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Discount codes of marketing campaigns.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'discounts';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Primary key (identity).',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'discounts', @level2type = N'COLUMN', @level2name = N'discount_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Code the customer enters, unique.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'discounts', @level2type = N'COLUMN', @level2name = N'code';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'percent (value is a percentage of the order) or fixed (value is an amount in BRL off the order).',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'discounts', @level2type = N'COLUMN', @level2name = N'discount_type';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Percentage or amount, depending on discount_type.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'discounts', @level2type = N'COLUMN', @level2name = N'value';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Marketing campaign the code belongs to.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'discounts', @level2type = N'COLUMN', @level2name = N'campaign';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'First instant (UTC) the code is valid.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'discounts', @level2type = N'COLUMN', @level2name = N'starts_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Instant (UTC) the code stops being valid (exclusive).',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'discounts', @level2type = N'COLUMN', @level2name = N'ends_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the row was inserted (UTC).',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'discounts', @level2type = N'COLUMN', @level2name = N'created_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the row last changed (UTC), kept by the database.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'discounts', @level2type = N'COLUMN', @level2name = N'updated_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Soft delete: when the row was logically deleted (UTC); null while the row is live.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'discounts', @level2type = N'COLUMN', @level2name = N'deleted_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Change order: rowversion, bumped by every write. Extract rows below MIN_ACTIVE_ROWVERSION().',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'discounts', @level2type = N'COLUMN', @level2name = N'row_version';

EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Sales orders.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'orders';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Primary key (identity).',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'orders', @level2type = N'COLUMN', @level2name = N'order_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Order number shown to the customer, unique.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'orders', @level2type = N'COLUMN', @level2name = N'order_number';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Customer who placed the order (customers.customer_id).',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'orders', @level2type = N'COLUMN', @level2name = N'customer_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Seller credited with the order (sellers.seller_id).',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'orders', @level2type = N'COLUMN', @level2name = N'seller_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Discount code used (discounts.discount_id); null when none.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'orders', @level2type = N'COLUMN', @level2name = N'discount_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'placed, paid, shipped, delivered or cancelled.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'orders', @level2type = N'COLUMN', @level2name = N'status';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the order was placed (UTC): the business date of its sales.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'orders', @level2type = N'COLUMN', @level2name = N'order_date';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Sales channel: web, app, store or marketplace.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'orders', @level2type = N'COLUMN', @level2name = N'channel';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the row was inserted (UTC).',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'orders', @level2type = N'COLUMN', @level2name = N'created_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the row last changed (UTC), kept by the database.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'orders', @level2type = N'COLUMN', @level2name = N'updated_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Soft delete: when the row was logically deleted (UTC); null while the row is live.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'orders', @level2type = N'COLUMN', @level2name = N'deleted_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Change order: rowversion, bumped by every write. Extract rows below MIN_ACTIVE_ROWVERSION().',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'orders', @level2type = N'COLUMN', @level2name = N'row_version';

EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Order lines: one product in one order.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'order_items';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Primary key (identity).',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'order_items', @level2type = N'COLUMN', @level2name = N'order_item_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Order (orders.order_id).',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'order_items', @level2type = N'COLUMN', @level2name = N'order_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Product sold (products.product_id).',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'order_items', @level2type = N'COLUMN', @level2name = N'product_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Units sold.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'order_items', @level2type = N'COLUMN', @level2name = N'quantity';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Price per unit charged, before discount (BRL).',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'order_items', @level2type = N'COLUMN', @level2name = N'unit_price';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Cost per unit at the time of sale (BRL).',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'order_items', @level2type = N'COLUMN', @level2name = N'unit_cost';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Discount applied to this line in BRL (the order''s discount allocated to its lines); 0 when none.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'order_items', @level2type = N'COLUMN', @level2name = N'discount_amount';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the row was inserted (UTC).',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'order_items', @level2type = N'COLUMN', @level2name = N'created_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the row last changed (UTC), kept by the database.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'order_items', @level2type = N'COLUMN', @level2name = N'updated_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Soft delete: when the row was logically deleted (UTC); null while the row is live.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'order_items', @level2type = N'COLUMN', @level2name = N'deleted_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Change order: rowversion, bumped by every write. Extract rows below MIN_ACTIVE_ROWVERSION().',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'order_items', @level2type = N'COLUMN', @level2name = N'row_version';

EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Returns of order lines.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'returns';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Primary key (identity).',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'returns', @level2type = N'COLUMN', @level2name = N'return_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Order line returned (order_items.order_item_id).',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'returns', @level2type = N'COLUMN', @level2name = N'order_item_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Units returned.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'returns', @level2type = N'COLUMN', @level2name = N'quantity';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Amount refunded to the customer (BRL).',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'returns', @level2type = N'COLUMN', @level2name = N'refund_amount';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'requested, approved, refunded or rejected.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'returns', @level2type = N'COLUMN', @level2name = N'status';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the row was inserted (UTC).',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'returns', @level2type = N'COLUMN', @level2name = N'created_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the row last changed (UTC), kept by the database.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'returns', @level2type = N'COLUMN', @level2name = N'updated_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Soft delete: when the row was logically deleted (UTC); null while the row is live.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'returns', @level2type = N'COLUMN', @level2name = N'deleted_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Change order: rowversion, bumped by every write. Extract rows below MIN_ACTIVE_ROWVERSION().',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'returns', @level2type = N'COLUMN', @level2name = N'row_version';

EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Monthly sales targets per seller.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'sales_targets';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Primary key (identity).',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'sales_targets', @level2type = N'COLUMN', @level2name = N'sales_target_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Seller (sellers.seller_id).',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'sales_targets', @level2type = N'COLUMN', @level2name = N'seller_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Calendar year of the target.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'sales_targets', @level2type = N'COLUMN', @level2name = N'year';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Calendar month of the target, 1-12.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'sales_targets', @level2type = N'COLUMN', @level2name = N'month';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Net revenue the seller should reach in the month (BRL).',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'sales_targets', @level2type = N'COLUMN', @level2name = N'target_amount';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the row was inserted (UTC).',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'sales_targets', @level2type = N'COLUMN', @level2name = N'created_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the row last changed (UTC), kept by the database.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'sales_targets', @level2type = N'COLUMN', @level2name = N'updated_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Soft delete: when the row was logically deleted (UTC); null while the row is live.',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'sales_targets', @level2type = N'COLUMN', @level2name = N'deleted_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Change order: rowversion, bumped by every write. Extract rows below MIN_ACTIVE_ROWVERSION().',
    @level0type = N'SCHEMA', @level0name = N'core', @level1type = N'TABLE', @level1name = N'sales_targets', @level2type = N'COLUMN', @level2name = N'row_version';

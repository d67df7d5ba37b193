-- Esteira warehouse, SQL Server 2022. Follows db/dw/postgresql, the reference: nvarchar for varchar,
-- nvarchar(max) for text, bit for boolean, datetime2(3) for timestamp(3), float for double precision,
-- MS_Description extended properties for comments. Flyway splits batches on GO only.
-- Staging mirror of the eleven OLTP tables (core.<table>): the source's columns, same names and types,
-- plus source_version, source_deleted and loaded_at. The loader applies each batch here first, with the
-- version rule (a row whose row_version is not newer than source_version is ignored), then rebuilds the
-- dimension and fact rows of the keys the batch touched. Only the key is mandatory: a hard delete of a
-- key never seen before leaves a row with the key, its version and source_deleted = true. The indexes
-- serve those rebuilds (from a changed row to the rows that depend on it).

CREATE TABLE stg.regions (
    region_id      bigint       NOT NULL,
    name           nvarchar(100),
    state          nvarchar(50),
    country        nvarchar(50),
    created_at     datetime2(3),
    updated_at     datetime2(3),
    deleted_at     datetime2(3),
    source_version bigint       NOT NULL,
    source_deleted bit          NOT NULL DEFAULT 0,
    loaded_at      datetime2(3) NOT NULL DEFAULT SYSUTCDATETIME(),
    CONSTRAINT pk_stg_regions PRIMARY KEY (region_id)
);
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Regions: staging mirror of core.regions, one row per source key, deleted rows included.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'regions';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Primary key, as in core.regions.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'regions',
    @level2type = N'COLUMN', @level2name = N'region_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Region name.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'regions',
    @level2type = N'COLUMN', @level2name = N'name';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'State.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'regions',
    @level2type = N'COLUMN', @level2name = N'state';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Country.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'regions',
    @level2type = N'COLUMN', @level2name = N'country';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source insert time (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'regions',
    @level2type = N'COLUMN', @level2name = N'created_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source last change time (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'regions',
    @level2type = N'COLUMN', @level2name = N'updated_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source soft delete: set when the row is logically deleted.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'regions',
    @level2type = N'COLUMN', @level2name = N'deleted_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'row_version of the source row last applied (xid8 on PostgreSQL, rowversion on SQL Server, as a number); an older or equal version is ignored.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'regions',
    @level2type = N'COLUMN', @level2name = N'source_version';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'True when the source row was hard-deleted (core.deleted_rows); soft deletes keep deleted_at instead.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'regions',
    @level2type = N'COLUMN', @level2name = N'source_deleted';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the loader last wrote the row (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'regions',
    @level2type = N'COLUMN', @level2name = N'loaded_at';
GO
CREATE TABLE stg.teams (
    team_id        bigint       NOT NULL,
    name           nvarchar(100),
    region_id      bigint,
    manager_name   nvarchar(100),
    created_at     datetime2(3),
    updated_at     datetime2(3),
    deleted_at     datetime2(3),
    source_version bigint       NOT NULL,
    source_deleted bit          NOT NULL DEFAULT 0,
    loaded_at      datetime2(3) NOT NULL DEFAULT SYSUTCDATETIME(),
    CONSTRAINT pk_stg_teams PRIMARY KEY (team_id)
);
CREATE INDEX ix_stg_teams_region_id ON stg.teams (region_id);
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Sales teams: staging mirror of core.teams, one row per source key, deleted rows included.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'teams';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Primary key, as in core.teams.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'teams',
    @level2type = N'COLUMN', @level2name = N'team_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Team name.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'teams',
    @level2type = N'COLUMN', @level2name = N'name';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Region of the team (regions.region_id).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'teams',
    @level2type = N'COLUMN', @level2name = N'region_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Team manager.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'teams',
    @level2type = N'COLUMN', @level2name = N'manager_name';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source insert time (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'teams',
    @level2type = N'COLUMN', @level2name = N'created_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source last change time (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'teams',
    @level2type = N'COLUMN', @level2name = N'updated_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source soft delete: set when the row is logically deleted.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'teams',
    @level2type = N'COLUMN', @level2name = N'deleted_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'row_version of the source row last applied (xid8 on PostgreSQL, rowversion on SQL Server, as a number); an older or equal version is ignored.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'teams',
    @level2type = N'COLUMN', @level2name = N'source_version';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'True when the source row was hard-deleted (core.deleted_rows); soft deletes keep deleted_at instead.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'teams',
    @level2type = N'COLUMN', @level2name = N'source_deleted';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the loader last wrote the row (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'teams',
    @level2type = N'COLUMN', @level2name = N'loaded_at';
GO
CREATE TABLE stg.sellers (
    seller_id      bigint       NOT NULL,
    name           nvarchar(100),
    email          nvarchar(150),
    team_id        bigint,
    is_active      bit,
    created_at     datetime2(3),
    updated_at     datetime2(3),
    deleted_at     datetime2(3),
    source_version bigint       NOT NULL,
    source_deleted bit          NOT NULL DEFAULT 0,
    loaded_at      datetime2(3) NOT NULL DEFAULT SYSUTCDATETIME(),
    CONSTRAINT pk_stg_sellers PRIMARY KEY (seller_id)
);
CREATE INDEX ix_stg_sellers_team_id ON stg.sellers (team_id);
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Sellers: staging mirror of core.sellers, one row per source key, deleted rows included.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'sellers';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Primary key, as in core.sellers.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'sellers',
    @level2type = N'COLUMN', @level2name = N'seller_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Seller name.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'sellers',
    @level2type = N'COLUMN', @level2name = N'name';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Seller e-mail.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'sellers',
    @level2type = N'COLUMN', @level2name = N'email';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Team of the seller (teams.team_id).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'sellers',
    @level2type = N'COLUMN', @level2name = N'team_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Whether the seller is active.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'sellers',
    @level2type = N'COLUMN', @level2name = N'is_active';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source insert time (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'sellers',
    @level2type = N'COLUMN', @level2name = N'created_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source last change time (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'sellers',
    @level2type = N'COLUMN', @level2name = N'updated_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source soft delete: set when the row is logically deleted.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'sellers',
    @level2type = N'COLUMN', @level2name = N'deleted_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'row_version of the source row last applied (xid8 on PostgreSQL, rowversion on SQL Server, as a number); an older or equal version is ignored.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'sellers',
    @level2type = N'COLUMN', @level2name = N'source_version';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'True when the source row was hard-deleted (core.deleted_rows); soft deletes keep deleted_at instead.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'sellers',
    @level2type = N'COLUMN', @level2name = N'source_deleted';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the loader last wrote the row (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'sellers',
    @level2type = N'COLUMN', @level2name = N'loaded_at';
GO
CREATE TABLE stg.customers (
    customer_id    bigint       NOT NULL,
    name           nvarchar(150),
    email          nvarchar(150),
    customer_type  nvarchar(20),
    city           nvarchar(100),
    state          nvarchar(50),
    region_id      bigint,
    segment        nvarchar(30),
    created_at     datetime2(3),
    updated_at     datetime2(3),
    deleted_at     datetime2(3),
    source_version bigint       NOT NULL,
    source_deleted bit          NOT NULL DEFAULT 0,
    loaded_at      datetime2(3) NOT NULL DEFAULT SYSUTCDATETIME(),
    CONSTRAINT pk_stg_customers PRIMARY KEY (customer_id)
);
CREATE INDEX ix_stg_customers_region_id ON stg.customers (region_id);
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Customers: staging mirror of core.customers, one row per source key, deleted rows included.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'customers';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Primary key, as in core.customers.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'customers',
    @level2type = N'COLUMN', @level2name = N'customer_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Customer name.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'customers',
    @level2type = N'COLUMN', @level2name = N'name';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Customer e-mail.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'customers',
    @level2type = N'COLUMN', @level2name = N'email';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'individual or business.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'customers',
    @level2type = N'COLUMN', @level2name = N'customer_type';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'City.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'customers',
    @level2type = N'COLUMN', @level2name = N'city';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'State.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'customers',
    @level2type = N'COLUMN', @level2name = N'state';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Region of the customer (regions.region_id).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'customers',
    @level2type = N'COLUMN', @level2name = N'region_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'consumer, small_business, corporate or vip.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'customers',
    @level2type = N'COLUMN', @level2name = N'segment';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source insert time (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'customers',
    @level2type = N'COLUMN', @level2name = N'created_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source last change time (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'customers',
    @level2type = N'COLUMN', @level2name = N'updated_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source soft delete: set when the row is logically deleted.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'customers',
    @level2type = N'COLUMN', @level2name = N'deleted_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'row_version of the source row last applied (xid8 on PostgreSQL, rowversion on SQL Server, as a number); an older or equal version is ignored.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'customers',
    @level2type = N'COLUMN', @level2name = N'source_version';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'True when the source row was hard-deleted (core.deleted_rows); soft deletes keep deleted_at instead.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'customers',
    @level2type = N'COLUMN', @level2name = N'source_deleted';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the loader last wrote the row (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'customers',
    @level2type = N'COLUMN', @level2name = N'loaded_at';
GO
CREATE TABLE stg.categories (
    category_id    bigint       NOT NULL,
    name           nvarchar(100),
    parent_id      bigint,
    created_at     datetime2(3),
    updated_at     datetime2(3),
    deleted_at     datetime2(3),
    source_version bigint       NOT NULL,
    source_deleted bit          NOT NULL DEFAULT 0,
    loaded_at      datetime2(3) NOT NULL DEFAULT SYSUTCDATETIME(),
    CONSTRAINT pk_stg_categories PRIMARY KEY (category_id)
);
CREATE INDEX ix_stg_categories_parent_id ON stg.categories (parent_id);
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Product categories: staging mirror of core.categories, one row per source key, deleted rows included.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'categories';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Primary key, as in core.categories.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'categories',
    @level2type = N'COLUMN', @level2name = N'category_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Category name.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'categories',
    @level2type = N'COLUMN', @level2name = N'name';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Parent category (categories.category_id); null for a top-level category.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'categories',
    @level2type = N'COLUMN', @level2name = N'parent_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source insert time (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'categories',
    @level2type = N'COLUMN', @level2name = N'created_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source last change time (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'categories',
    @level2type = N'COLUMN', @level2name = N'updated_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source soft delete: set when the row is logically deleted.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'categories',
    @level2type = N'COLUMN', @level2name = N'deleted_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'row_version of the source row last applied (xid8 on PostgreSQL, rowversion on SQL Server, as a number); an older or equal version is ignored.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'categories',
    @level2type = N'COLUMN', @level2name = N'source_version';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'True when the source row was hard-deleted (core.deleted_rows); soft deletes keep deleted_at instead.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'categories',
    @level2type = N'COLUMN', @level2name = N'source_deleted';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the loader last wrote the row (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'categories',
    @level2type = N'COLUMN', @level2name = N'loaded_at';
GO
CREATE TABLE stg.products (
    product_id     bigint       NOT NULL,
    sku            nvarchar(40),
    name           nvarchar(150),
    category_id    bigint,
    brand          nvarchar(100),
    list_price     numeric(12,2),
    unit_cost      numeric(12,2),
    created_at     datetime2(3),
    updated_at     datetime2(3),
    deleted_at     datetime2(3),
    source_version bigint       NOT NULL,
    source_deleted bit          NOT NULL DEFAULT 0,
    loaded_at      datetime2(3) NOT NULL DEFAULT SYSUTCDATETIME(),
    CONSTRAINT pk_stg_products PRIMARY KEY (product_id)
);
CREATE INDEX ix_stg_products_category_id ON stg.products (category_id);
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Products: staging mirror of core.products, one row per source key, deleted rows included.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'products';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Primary key, as in core.products.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'products',
    @level2type = N'COLUMN', @level2name = N'product_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Stock-keeping unit, unique in the source.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'products',
    @level2type = N'COLUMN', @level2name = N'sku';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Product name.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'products',
    @level2type = N'COLUMN', @level2name = N'name';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Category (categories.category_id).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'products',
    @level2type = N'COLUMN', @level2name = N'category_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Brand.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'products',
    @level2type = N'COLUMN', @level2name = N'brand';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'List price.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'products',
    @level2type = N'COLUMN', @level2name = N'list_price';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Unit cost.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'products',
    @level2type = N'COLUMN', @level2name = N'unit_cost';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source insert time (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'products',
    @level2type = N'COLUMN', @level2name = N'created_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source last change time (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'products',
    @level2type = N'COLUMN', @level2name = N'updated_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source soft delete: set when the row is logically deleted.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'products',
    @level2type = N'COLUMN', @level2name = N'deleted_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'row_version of the source row last applied (xid8 on PostgreSQL, rowversion on SQL Server, as a number); an older or equal version is ignored.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'products',
    @level2type = N'COLUMN', @level2name = N'source_version';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'True when the source row was hard-deleted (core.deleted_rows); soft deletes keep deleted_at instead.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'products',
    @level2type = N'COLUMN', @level2name = N'source_deleted';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the loader last wrote the row (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'products',
    @level2type = N'COLUMN', @level2name = N'loaded_at';
GO
CREATE TABLE stg.discounts (
    discount_id    bigint       NOT NULL,
    code           nvarchar(40),
    discount_type  nvarchar(20),
    value          numeric(12,2),
    campaign       nvarchar(100),
    starts_at      datetime2(3),
    ends_at        datetime2(3),
    created_at     datetime2(3),
    updated_at     datetime2(3),
    deleted_at     datetime2(3),
    source_version bigint       NOT NULL,
    source_deleted bit          NOT NULL DEFAULT 0,
    loaded_at      datetime2(3) NOT NULL DEFAULT SYSUTCDATETIME(),
    CONSTRAINT pk_stg_discounts PRIMARY KEY (discount_id)
);
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Discounts: staging mirror of core.discounts, one row per source key, deleted rows included.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'discounts';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Primary key, as in core.discounts.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'discounts',
    @level2type = N'COLUMN', @level2name = N'discount_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Discount code, unique in the source.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'discounts',
    @level2type = N'COLUMN', @level2name = N'code';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'percent or fixed.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'discounts',
    @level2type = N'COLUMN', @level2name = N'discount_type';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Percentage or amount, by discount_type.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'discounts',
    @level2type = N'COLUMN', @level2name = N'value';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Marketing campaign.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'discounts',
    @level2type = N'COLUMN', @level2name = N'campaign';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Start of the discount period (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'discounts',
    @level2type = N'COLUMN', @level2name = N'starts_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'End of the discount period (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'discounts',
    @level2type = N'COLUMN', @level2name = N'ends_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source insert time (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'discounts',
    @level2type = N'COLUMN', @level2name = N'created_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source last change time (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'discounts',
    @level2type = N'COLUMN', @level2name = N'updated_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source soft delete: set when the row is logically deleted.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'discounts',
    @level2type = N'COLUMN', @level2name = N'deleted_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'row_version of the source row last applied (xid8 on PostgreSQL, rowversion on SQL Server, as a number); an older or equal version is ignored.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'discounts',
    @level2type = N'COLUMN', @level2name = N'source_version';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'True when the source row was hard-deleted (core.deleted_rows); soft deletes keep deleted_at instead.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'discounts',
    @level2type = N'COLUMN', @level2name = N'source_deleted';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the loader last wrote the row (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'discounts',
    @level2type = N'COLUMN', @level2name = N'loaded_at';
GO
CREATE TABLE stg.orders (
    order_id       bigint       NOT NULL,
    order_number   nvarchar(30),
    customer_id    bigint,
    seller_id      bigint,
    discount_id    bigint,
    status         nvarchar(20),
    order_date     datetime2(3),
    channel        nvarchar(20),
    created_at     datetime2(3),
    updated_at     datetime2(3),
    deleted_at     datetime2(3),
    source_version bigint       NOT NULL,
    source_deleted bit          NOT NULL DEFAULT 0,
    loaded_at      datetime2(3) NOT NULL DEFAULT SYSUTCDATETIME(),
    CONSTRAINT pk_stg_orders PRIMARY KEY (order_id)
);
CREATE INDEX ix_stg_orders_customer_id ON stg.orders (customer_id);
CREATE INDEX ix_stg_orders_seller_id ON stg.orders (seller_id);
CREATE INDEX ix_stg_orders_discount_id ON stg.orders (discount_id);
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Orders: staging mirror of core.orders, one row per source key, deleted rows included.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'orders';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Primary key, as in core.orders.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'orders',
    @level2type = N'COLUMN', @level2name = N'order_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Order number, unique in the source.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'orders',
    @level2type = N'COLUMN', @level2name = N'order_number';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Customer (customers.customer_id).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'orders',
    @level2type = N'COLUMN', @level2name = N'customer_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Seller (sellers.seller_id).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'orders',
    @level2type = N'COLUMN', @level2name = N'seller_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Discount used (discounts.discount_id); null when none.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'orders',
    @level2type = N'COLUMN', @level2name = N'discount_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'placed, paid, shipped, delivered or cancelled.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'orders',
    @level2type = N'COLUMN', @level2name = N'status';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the order was placed (UTC): the business date of its facts.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'orders',
    @level2type = N'COLUMN', @level2name = N'order_date';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'web, app, store or marketplace.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'orders',
    @level2type = N'COLUMN', @level2name = N'channel';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source insert time (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'orders',
    @level2type = N'COLUMN', @level2name = N'created_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source last change time (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'orders',
    @level2type = N'COLUMN', @level2name = N'updated_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source soft delete: set when the row is logically deleted.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'orders',
    @level2type = N'COLUMN', @level2name = N'deleted_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'row_version of the source row last applied (xid8 on PostgreSQL, rowversion on SQL Server, as a number); an older or equal version is ignored.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'orders',
    @level2type = N'COLUMN', @level2name = N'source_version';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'True when the source row was hard-deleted (core.deleted_rows); soft deletes keep deleted_at instead.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'orders',
    @level2type = N'COLUMN', @level2name = N'source_deleted';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the loader last wrote the row (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'orders',
    @level2type = N'COLUMN', @level2name = N'loaded_at';
GO
CREATE TABLE stg.order_items (
    order_item_id   bigint       NOT NULL,
    order_id        bigint,
    product_id      bigint,
    quantity        integer,
    unit_price      numeric(12,2),
    unit_cost       numeric(12,2),
    discount_amount numeric(12,2),
    created_at      datetime2(3),
    updated_at      datetime2(3),
    deleted_at      datetime2(3),
    source_version  bigint       NOT NULL,
    source_deleted  bit          NOT NULL DEFAULT 0,
    loaded_at       datetime2(3) NOT NULL DEFAULT SYSUTCDATETIME(),
    CONSTRAINT pk_stg_order_items PRIMARY KEY (order_item_id)
);
CREATE INDEX ix_stg_order_items_order_id ON stg.order_items (order_id);
CREATE INDEX ix_stg_order_items_product_id ON stg.order_items (product_id);
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Order items: staging mirror of core.order_items, one row per source key, deleted rows included.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'order_items';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Primary key, as in core.order_items.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'order_items',
    @level2type = N'COLUMN', @level2name = N'order_item_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Order (orders.order_id).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'order_items',
    @level2type = N'COLUMN', @level2name = N'order_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Product (products.product_id).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'order_items',
    @level2type = N'COLUMN', @level2name = N'product_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Units ordered.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'order_items',
    @level2type = N'COLUMN', @level2name = N'quantity';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Unit price charged.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'order_items',
    @level2type = N'COLUMN', @level2name = N'unit_price';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Unit cost at the time of the order.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'order_items',
    @level2type = N'COLUMN', @level2name = N'unit_cost';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Discount on the item.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'order_items',
    @level2type = N'COLUMN', @level2name = N'discount_amount';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source insert time (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'order_items',
    @level2type = N'COLUMN', @level2name = N'created_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source last change time (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'order_items',
    @level2type = N'COLUMN', @level2name = N'updated_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source soft delete: set when the row is logically deleted.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'order_items',
    @level2type = N'COLUMN', @level2name = N'deleted_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'row_version of the source row last applied (xid8 on PostgreSQL, rowversion on SQL Server, as a number); an older or equal version is ignored.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'order_items',
    @level2type = N'COLUMN', @level2name = N'source_version';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'True when the source row was hard-deleted (core.deleted_rows); soft deletes keep deleted_at instead.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'order_items',
    @level2type = N'COLUMN', @level2name = N'source_deleted';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the loader last wrote the row (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'order_items',
    @level2type = N'COLUMN', @level2name = N'loaded_at';
GO
CREATE TABLE stg.returns (
    return_id      bigint       NOT NULL,
    order_item_id  bigint,
    quantity       integer,
    refund_amount  numeric(12,2),
    status         nvarchar(20),
    created_at     datetime2(3),
    updated_at     datetime2(3),
    deleted_at     datetime2(3),
    source_version bigint       NOT NULL,
    source_deleted bit          NOT NULL DEFAULT 0,
    loaded_at      datetime2(3) NOT NULL DEFAULT SYSUTCDATETIME(),
    CONSTRAINT pk_stg_returns PRIMARY KEY (return_id)
);
CREATE INDEX ix_stg_returns_order_item_id ON stg.returns (order_item_id);
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Returns: staging mirror of core.returns, one row per source key, deleted rows included.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'returns';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Primary key, as in core.returns.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'returns',
    @level2type = N'COLUMN', @level2name = N'return_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Returned item (order_items.order_item_id).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'returns',
    @level2type = N'COLUMN', @level2name = N'order_item_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Units returned.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'returns',
    @level2type = N'COLUMN', @level2name = N'quantity';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Amount refunded.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'returns',
    @level2type = N'COLUMN', @level2name = N'refund_amount';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'requested, approved, refunded or rejected.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'returns',
    @level2type = N'COLUMN', @level2name = N'status';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source insert time (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'returns',
    @level2type = N'COLUMN', @level2name = N'created_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source last change time (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'returns',
    @level2type = N'COLUMN', @level2name = N'updated_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source soft delete: set when the row is logically deleted.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'returns',
    @level2type = N'COLUMN', @level2name = N'deleted_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'row_version of the source row last applied (xid8 on PostgreSQL, rowversion on SQL Server, as a number); an older or equal version is ignored.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'returns',
    @level2type = N'COLUMN', @level2name = N'source_version';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'True when the source row was hard-deleted (core.deleted_rows); soft deletes keep deleted_at instead.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'returns',
    @level2type = N'COLUMN', @level2name = N'source_deleted';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the loader last wrote the row (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'returns',
    @level2type = N'COLUMN', @level2name = N'loaded_at';
GO
CREATE TABLE stg.sales_targets (
    sales_target_id bigint       NOT NULL,
    seller_id       bigint,
    year            smallint,
    month           smallint,
    target_amount   numeric(14,2),
    created_at      datetime2(3),
    updated_at      datetime2(3),
    deleted_at      datetime2(3),
    source_version  bigint       NOT NULL,
    source_deleted  bit          NOT NULL DEFAULT 0,
    loaded_at       datetime2(3) NOT NULL DEFAULT SYSUTCDATETIME(),
    CONSTRAINT pk_stg_sales_targets PRIMARY KEY (sales_target_id)
);
CREATE INDEX ix_stg_sales_targets_seller_id ON stg.sales_targets (seller_id);
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Sales targets: staging mirror of core.sales_targets, one row per source key, deleted rows included.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'sales_targets';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Primary key, as in core.sales_targets.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'sales_targets',
    @level2type = N'COLUMN', @level2name = N'sales_target_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Seller (sellers.seller_id).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'sales_targets',
    @level2type = N'COLUMN', @level2name = N'seller_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Year of the target.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'sales_targets',
    @level2type = N'COLUMN', @level2name = N'year';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Month of the target, 1 to 12.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'sales_targets',
    @level2type = N'COLUMN', @level2name = N'month';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Target net revenue for the seller in the month.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'sales_targets',
    @level2type = N'COLUMN', @level2name = N'target_amount';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source insert time (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'sales_targets',
    @level2type = N'COLUMN', @level2name = N'created_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source last change time (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'sales_targets',
    @level2type = N'COLUMN', @level2name = N'updated_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source soft delete: set when the row is logically deleted.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'sales_targets',
    @level2type = N'COLUMN', @level2name = N'deleted_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'row_version of the source row last applied (xid8 on PostgreSQL, rowversion on SQL Server, as a number); an older or equal version is ignored.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'sales_targets',
    @level2type = N'COLUMN', @level2name = N'source_version';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'True when the source row was hard-deleted (core.deleted_rows); soft deletes keep deleted_at instead.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'sales_targets',
    @level2type = N'COLUMN', @level2name = N'source_deleted';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the loader last wrote the row (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'sales_targets',
    @level2type = N'COLUMN', @level2name = N'loaded_at';
GO

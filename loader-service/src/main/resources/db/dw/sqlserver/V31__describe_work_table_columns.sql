-- Esteira warehouse, SQL Server 2022. Descriptions of the loader's work-table columns, which
-- V20__loader_work_tables.sql left out: SELECT TOP 0 * INTO stg.incoming_<entity> copies the mirror's
-- columns but not their MS_Description, and V20 described the work tables, not their columns. V20 is
-- released, so its checksum stays as it is and the descriptions come here. As on PostgreSQL (the
-- reference, whose V20 copies them), each stg.incoming_<entity> column has the description of the same
-- column of stg.<entity> (V5); the other texts are those of db/dw/postgresql/V20. This is version 31,
-- not 21: a warehouse already at V30 would refuse a lower version it never applied (Flyway validates on
-- migrate, outOfOrder off), and the loader would not start.
-- DescriptionParityIT checks that every object of the PostgreSQL warehouse is described here too.

-- stg.incoming_regions: the columns of stg.regions but loaded_at, then apply_token and applies.
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Primary key, as in core.regions.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_regions',
    @level2type = N'COLUMN', @level2name = N'region_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Region name.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_regions',
    @level2type = N'COLUMN', @level2name = N'name';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'State.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_regions',
    @level2type = N'COLUMN', @level2name = N'state';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Country.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_regions',
    @level2type = N'COLUMN', @level2name = N'country';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source insert time (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_regions',
    @level2type = N'COLUMN', @level2name = N'created_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source last change time (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_regions',
    @level2type = N'COLUMN', @level2name = N'updated_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source soft delete: set when the row is logically deleted.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_regions',
    @level2type = N'COLUMN', @level2name = N'deleted_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'row_version of the source row last applied (xid8 on PostgreSQL, rowversion on SQL Server, as a number); an older or equal version is ignored.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_regions',
    @level2type = N'COLUMN', @level2name = N'source_version';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'True when the source row was hard-deleted (core.deleted_rows); soft deletes keep deleted_at instead.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_regions',
    @level2type = N'COLUMN', @level2name = N'source_deleted';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Identifies the applying transaction that wrote the row.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_regions',
    @level2type = N'COLUMN', @level2name = N'apply_token';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'True when the row is newer than the mirror''s version of its key and so changes the mirror.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_regions',
    @level2type = N'COLUMN', @level2name = N'applies';

-- stg.incoming_teams: the columns of stg.teams but loaded_at, then apply_token and applies.
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Primary key, as in core.teams.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_teams',
    @level2type = N'COLUMN', @level2name = N'team_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Team name.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_teams',
    @level2type = N'COLUMN', @level2name = N'name';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Region of the team (regions.region_id).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_teams',
    @level2type = N'COLUMN', @level2name = N'region_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Team manager.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_teams',
    @level2type = N'COLUMN', @level2name = N'manager_name';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source insert time (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_teams',
    @level2type = N'COLUMN', @level2name = N'created_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source last change time (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_teams',
    @level2type = N'COLUMN', @level2name = N'updated_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source soft delete: set when the row is logically deleted.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_teams',
    @level2type = N'COLUMN', @level2name = N'deleted_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'row_version of the source row last applied (xid8 on PostgreSQL, rowversion on SQL Server, as a number); an older or equal version is ignored.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_teams',
    @level2type = N'COLUMN', @level2name = N'source_version';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'True when the source row was hard-deleted (core.deleted_rows); soft deletes keep deleted_at instead.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_teams',
    @level2type = N'COLUMN', @level2name = N'source_deleted';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Identifies the applying transaction that wrote the row.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_teams',
    @level2type = N'COLUMN', @level2name = N'apply_token';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'True when the row is newer than the mirror''s version of its key and so changes the mirror.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_teams',
    @level2type = N'COLUMN', @level2name = N'applies';

-- stg.incoming_sellers: the columns of stg.sellers but loaded_at, then apply_token and applies.
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Primary key, as in core.sellers.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_sellers',
    @level2type = N'COLUMN', @level2name = N'seller_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Seller name.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_sellers',
    @level2type = N'COLUMN', @level2name = N'name';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Seller e-mail.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_sellers',
    @level2type = N'COLUMN', @level2name = N'email';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Team of the seller (teams.team_id).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_sellers',
    @level2type = N'COLUMN', @level2name = N'team_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Whether the seller is active.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_sellers',
    @level2type = N'COLUMN', @level2name = N'is_active';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source insert time (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_sellers',
    @level2type = N'COLUMN', @level2name = N'created_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source last change time (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_sellers',
    @level2type = N'COLUMN', @level2name = N'updated_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source soft delete: set when the row is logically deleted.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_sellers',
    @level2type = N'COLUMN', @level2name = N'deleted_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'row_version of the source row last applied (xid8 on PostgreSQL, rowversion on SQL Server, as a number); an older or equal version is ignored.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_sellers',
    @level2type = N'COLUMN', @level2name = N'source_version';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'True when the source row was hard-deleted (core.deleted_rows); soft deletes keep deleted_at instead.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_sellers',
    @level2type = N'COLUMN', @level2name = N'source_deleted';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Identifies the applying transaction that wrote the row.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_sellers',
    @level2type = N'COLUMN', @level2name = N'apply_token';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'True when the row is newer than the mirror''s version of its key and so changes the mirror.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_sellers',
    @level2type = N'COLUMN', @level2name = N'applies';

-- stg.incoming_customers: the columns of stg.customers but loaded_at, then apply_token and applies.
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Primary key, as in core.customers.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_customers',
    @level2type = N'COLUMN', @level2name = N'customer_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Customer name.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_customers',
    @level2type = N'COLUMN', @level2name = N'name';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Customer e-mail.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_customers',
    @level2type = N'COLUMN', @level2name = N'email';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'individual or business.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_customers',
    @level2type = N'COLUMN', @level2name = N'customer_type';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'City.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_customers',
    @level2type = N'COLUMN', @level2name = N'city';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'State.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_customers',
    @level2type = N'COLUMN', @level2name = N'state';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Region of the customer (regions.region_id).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_customers',
    @level2type = N'COLUMN', @level2name = N'region_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'consumer, small_business, corporate or vip.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_customers',
    @level2type = N'COLUMN', @level2name = N'segment';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source insert time (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_customers',
    @level2type = N'COLUMN', @level2name = N'created_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source last change time (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_customers',
    @level2type = N'COLUMN', @level2name = N'updated_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source soft delete: set when the row is logically deleted.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_customers',
    @level2type = N'COLUMN', @level2name = N'deleted_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'row_version of the source row last applied (xid8 on PostgreSQL, rowversion on SQL Server, as a number); an older or equal version is ignored.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_customers',
    @level2type = N'COLUMN', @level2name = N'source_version';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'True when the source row was hard-deleted (core.deleted_rows); soft deletes keep deleted_at instead.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_customers',
    @level2type = N'COLUMN', @level2name = N'source_deleted';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Identifies the applying transaction that wrote the row.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_customers',
    @level2type = N'COLUMN', @level2name = N'apply_token';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'True when the row is newer than the mirror''s version of its key and so changes the mirror.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_customers',
    @level2type = N'COLUMN', @level2name = N'applies';

-- stg.incoming_categories: the columns of stg.categories but loaded_at, then apply_token and applies.
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Primary key, as in core.categories.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_categories',
    @level2type = N'COLUMN', @level2name = N'category_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Category name.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_categories',
    @level2type = N'COLUMN', @level2name = N'name';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Parent category (categories.category_id); null for a top-level category.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_categories',
    @level2type = N'COLUMN', @level2name = N'parent_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source insert time (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_categories',
    @level2type = N'COLUMN', @level2name = N'created_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source last change time (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_categories',
    @level2type = N'COLUMN', @level2name = N'updated_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source soft delete: set when the row is logically deleted.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_categories',
    @level2type = N'COLUMN', @level2name = N'deleted_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'row_version of the source row last applied (xid8 on PostgreSQL, rowversion on SQL Server, as a number); an older or equal version is ignored.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_categories',
    @level2type = N'COLUMN', @level2name = N'source_version';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'True when the source row was hard-deleted (core.deleted_rows); soft deletes keep deleted_at instead.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_categories',
    @level2type = N'COLUMN', @level2name = N'source_deleted';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Identifies the applying transaction that wrote the row.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_categories',
    @level2type = N'COLUMN', @level2name = N'apply_token';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'True when the row is newer than the mirror''s version of its key and so changes the mirror.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_categories',
    @level2type = N'COLUMN', @level2name = N'applies';

-- stg.incoming_products: the columns of stg.products but loaded_at, then apply_token and applies.
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Primary key, as in core.products.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_products',
    @level2type = N'COLUMN', @level2name = N'product_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Stock-keeping unit, unique in the source.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_products',
    @level2type = N'COLUMN', @level2name = N'sku';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Product name.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_products',
    @level2type = N'COLUMN', @level2name = N'name';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Category (categories.category_id).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_products',
    @level2type = N'COLUMN', @level2name = N'category_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Brand.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_products',
    @level2type = N'COLUMN', @level2name = N'brand';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'List price.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_products',
    @level2type = N'COLUMN', @level2name = N'list_price';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Unit cost.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_products',
    @level2type = N'COLUMN', @level2name = N'unit_cost';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source insert time (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_products',
    @level2type = N'COLUMN', @level2name = N'created_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source last change time (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_products',
    @level2type = N'COLUMN', @level2name = N'updated_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source soft delete: set when the row is logically deleted.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_products',
    @level2type = N'COLUMN', @level2name = N'deleted_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'row_version of the source row last applied (xid8 on PostgreSQL, rowversion on SQL Server, as a number); an older or equal version is ignored.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_products',
    @level2type = N'COLUMN', @level2name = N'source_version';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'True when the source row was hard-deleted (core.deleted_rows); soft deletes keep deleted_at instead.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_products',
    @level2type = N'COLUMN', @level2name = N'source_deleted';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Identifies the applying transaction that wrote the row.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_products',
    @level2type = N'COLUMN', @level2name = N'apply_token';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'True when the row is newer than the mirror''s version of its key and so changes the mirror.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_products',
    @level2type = N'COLUMN', @level2name = N'applies';

-- stg.incoming_discounts: the columns of stg.discounts but loaded_at, then apply_token and applies.
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Primary key, as in core.discounts.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_discounts',
    @level2type = N'COLUMN', @level2name = N'discount_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Discount code, unique in the source.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_discounts',
    @level2type = N'COLUMN', @level2name = N'code';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'percent or fixed.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_discounts',
    @level2type = N'COLUMN', @level2name = N'discount_type';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Percentage or amount, by discount_type.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_discounts',
    @level2type = N'COLUMN', @level2name = N'value';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Marketing campaign.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_discounts',
    @level2type = N'COLUMN', @level2name = N'campaign';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Start of the discount period (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_discounts',
    @level2type = N'COLUMN', @level2name = N'starts_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'End of the discount period (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_discounts',
    @level2type = N'COLUMN', @level2name = N'ends_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source insert time (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_discounts',
    @level2type = N'COLUMN', @level2name = N'created_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source last change time (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_discounts',
    @level2type = N'COLUMN', @level2name = N'updated_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source soft delete: set when the row is logically deleted.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_discounts',
    @level2type = N'COLUMN', @level2name = N'deleted_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'row_version of the source row last applied (xid8 on PostgreSQL, rowversion on SQL Server, as a number); an older or equal version is ignored.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_discounts',
    @level2type = N'COLUMN', @level2name = N'source_version';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'True when the source row was hard-deleted (core.deleted_rows); soft deletes keep deleted_at instead.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_discounts',
    @level2type = N'COLUMN', @level2name = N'source_deleted';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Identifies the applying transaction that wrote the row.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_discounts',
    @level2type = N'COLUMN', @level2name = N'apply_token';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'True when the row is newer than the mirror''s version of its key and so changes the mirror.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_discounts',
    @level2type = N'COLUMN', @level2name = N'applies';

-- stg.incoming_orders: the columns of stg.orders but loaded_at, then apply_token and applies.
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Primary key, as in core.orders.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_orders',
    @level2type = N'COLUMN', @level2name = N'order_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Order number, unique in the source.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_orders',
    @level2type = N'COLUMN', @level2name = N'order_number';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Customer (customers.customer_id).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_orders',
    @level2type = N'COLUMN', @level2name = N'customer_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Seller (sellers.seller_id).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_orders',
    @level2type = N'COLUMN', @level2name = N'seller_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Discount used (discounts.discount_id); null when none.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_orders',
    @level2type = N'COLUMN', @level2name = N'discount_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'placed, paid, shipped, delivered or cancelled.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_orders',
    @level2type = N'COLUMN', @level2name = N'status';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the order was placed (UTC): the business date of its facts.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_orders',
    @level2type = N'COLUMN', @level2name = N'order_date';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'web, app, store or marketplace.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_orders',
    @level2type = N'COLUMN', @level2name = N'channel';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source insert time (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_orders',
    @level2type = N'COLUMN', @level2name = N'created_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source last change time (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_orders',
    @level2type = N'COLUMN', @level2name = N'updated_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source soft delete: set when the row is logically deleted.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_orders',
    @level2type = N'COLUMN', @level2name = N'deleted_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'row_version of the source row last applied (xid8 on PostgreSQL, rowversion on SQL Server, as a number); an older or equal version is ignored.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_orders',
    @level2type = N'COLUMN', @level2name = N'source_version';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'True when the source row was hard-deleted (core.deleted_rows); soft deletes keep deleted_at instead.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_orders',
    @level2type = N'COLUMN', @level2name = N'source_deleted';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Identifies the applying transaction that wrote the row.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_orders',
    @level2type = N'COLUMN', @level2name = N'apply_token';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'True when the row is newer than the mirror''s version of its key and so changes the mirror.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_orders',
    @level2type = N'COLUMN', @level2name = N'applies';

-- stg.incoming_order_items: the columns of stg.order_items but loaded_at, then apply_token and applies.
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Primary key, as in core.order_items.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_order_items',
    @level2type = N'COLUMN', @level2name = N'order_item_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Order (orders.order_id).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_order_items',
    @level2type = N'COLUMN', @level2name = N'order_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Product (products.product_id).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_order_items',
    @level2type = N'COLUMN', @level2name = N'product_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Units ordered.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_order_items',
    @level2type = N'COLUMN', @level2name = N'quantity';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Unit price charged.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_order_items',
    @level2type = N'COLUMN', @level2name = N'unit_price';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Unit cost at the time of the order.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_order_items',
    @level2type = N'COLUMN', @level2name = N'unit_cost';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Discount on the item.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_order_items',
    @level2type = N'COLUMN', @level2name = N'discount_amount';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source insert time (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_order_items',
    @level2type = N'COLUMN', @level2name = N'created_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source last change time (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_order_items',
    @level2type = N'COLUMN', @level2name = N'updated_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source soft delete: set when the row is logically deleted.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_order_items',
    @level2type = N'COLUMN', @level2name = N'deleted_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'row_version of the source row last applied (xid8 on PostgreSQL, rowversion on SQL Server, as a number); an older or equal version is ignored.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_order_items',
    @level2type = N'COLUMN', @level2name = N'source_version';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'True when the source row was hard-deleted (core.deleted_rows); soft deletes keep deleted_at instead.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_order_items',
    @level2type = N'COLUMN', @level2name = N'source_deleted';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Identifies the applying transaction that wrote the row.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_order_items',
    @level2type = N'COLUMN', @level2name = N'apply_token';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'True when the row is newer than the mirror''s version of its key and so changes the mirror.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_order_items',
    @level2type = N'COLUMN', @level2name = N'applies';

-- stg.incoming_returns: the columns of stg.returns but loaded_at, then apply_token and applies.
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Primary key, as in core.returns.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_returns',
    @level2type = N'COLUMN', @level2name = N'return_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Returned item (order_items.order_item_id).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_returns',
    @level2type = N'COLUMN', @level2name = N'order_item_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Units returned.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_returns',
    @level2type = N'COLUMN', @level2name = N'quantity';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Amount refunded.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_returns',
    @level2type = N'COLUMN', @level2name = N'refund_amount';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'requested, approved, refunded or rejected.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_returns',
    @level2type = N'COLUMN', @level2name = N'status';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source insert time (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_returns',
    @level2type = N'COLUMN', @level2name = N'created_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source last change time (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_returns',
    @level2type = N'COLUMN', @level2name = N'updated_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source soft delete: set when the row is logically deleted.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_returns',
    @level2type = N'COLUMN', @level2name = N'deleted_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'row_version of the source row last applied (xid8 on PostgreSQL, rowversion on SQL Server, as a number); an older or equal version is ignored.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_returns',
    @level2type = N'COLUMN', @level2name = N'source_version';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'True when the source row was hard-deleted (core.deleted_rows); soft deletes keep deleted_at instead.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_returns',
    @level2type = N'COLUMN', @level2name = N'source_deleted';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Identifies the applying transaction that wrote the row.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_returns',
    @level2type = N'COLUMN', @level2name = N'apply_token';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'True when the row is newer than the mirror''s version of its key and so changes the mirror.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_returns',
    @level2type = N'COLUMN', @level2name = N'applies';

-- stg.incoming_sales_targets: the columns of stg.sales_targets but loaded_at, then apply_token and applies.
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Primary key, as in core.sales_targets.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_sales_targets',
    @level2type = N'COLUMN', @level2name = N'sales_target_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Seller (sellers.seller_id).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_sales_targets',
    @level2type = N'COLUMN', @level2name = N'seller_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Year of the target.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_sales_targets',
    @level2type = N'COLUMN', @level2name = N'year';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Month of the target, 1 to 12.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_sales_targets',
    @level2type = N'COLUMN', @level2name = N'month';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Target net revenue for the seller in the month.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_sales_targets',
    @level2type = N'COLUMN', @level2name = N'target_amount';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source insert time (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_sales_targets',
    @level2type = N'COLUMN', @level2name = N'created_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source last change time (UTC).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_sales_targets',
    @level2type = N'COLUMN', @level2name = N'updated_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Source soft delete: set when the row is logically deleted.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_sales_targets',
    @level2type = N'COLUMN', @level2name = N'deleted_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'row_version of the source row last applied (xid8 on PostgreSQL, rowversion on SQL Server, as a number); an older or equal version is ignored.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_sales_targets',
    @level2type = N'COLUMN', @level2name = N'source_version';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'True when the source row was hard-deleted (core.deleted_rows); soft deletes keep deleted_at instead.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_sales_targets',
    @level2type = N'COLUMN', @level2name = N'source_deleted';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Identifies the applying transaction that wrote the row.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_sales_targets',
    @level2type = N'COLUMN', @level2name = N'apply_token';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'True when the row is newer than the mirror''s version of its key and so changes the mirror.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'incoming_sales_targets',
    @level2type = N'COLUMN', @level2name = N'applies';

-- stg.affected, stg.scd_change and ctl.apply_lock: the texts of db/dw/postgresql/V20.
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Identifies the applying transaction that wrote the row.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'affected',
    @level2type = N'COLUMN', @level2name = N'apply_token';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'The fact table to re-derive: fact_vendas, fact_descontos or fact_metas.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'affected',
    @level2type = N'COLUMN', @level2name = N'target';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'The fact''s key: order_item_id, pedido_id or sales_target_id.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'affected',
    @level2type = N'COLUMN', @level2name = N'key_value';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Identifies the applying transaction that wrote the row.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'scd_change',
    @level2type = N'COLUMN', @level2name = N'apply_token';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'The SCD2 dimension: dim_vendedor, dim_cliente or dim_produto.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'scd_change',
    @level2type = N'COLUMN', @level2name = N'dimension';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'The member''s natural key.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'scd_change',
    @level2type = N'COLUMN', @level2name = N'natural_key';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Start of the new version (the source change time, after the current version''s start).',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'scd_change',
    @level2type = N'COLUMN', @level2name = N'valido_de';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'The lock: derive.',
    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'apply_lock',
    @level2type = N'COLUMN', @level2name = N'lock_name';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When a loader last took the lock (UTC).',
    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'apply_lock',
    @level2type = N'COLUMN', @level2name = N'taken_at';

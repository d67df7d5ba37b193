-- Staging mirror of the eleven OLTP tables (core.<table>): the source's columns, same names and types,
-- plus source_version, source_deleted and loaded_at. The loader applies each batch here first, with the
-- version rule (a row whose row_version is not newer than source_version is ignored), then rebuilds the
-- dimension and fact rows of the keys the batch touched. Only the key is mandatory: a hard delete of a
-- key never seen before leaves a row with the key, its version and source_deleted = true. The indexes
-- serve those rebuilds (from a changed row to the rows that depend on it).

CREATE TABLE stg.regions (
    region_id      bigint       NOT NULL,
    name           varchar(100),
    state          varchar(50),
    country        varchar(50),
    created_at     timestamp(3),
    updated_at     timestamp(3),
    deleted_at     timestamp(3),
    source_version bigint       NOT NULL,
    source_deleted boolean      NOT NULL DEFAULT false,
    loaded_at      timestamp(3) NOT NULL DEFAULT timezone('utc', now()),
    CONSTRAINT pk_stg_regions PRIMARY KEY (region_id)
);
COMMENT ON TABLE stg.regions IS 'Regions: staging mirror of core.regions, one row per source key, deleted rows included.';
COMMENT ON COLUMN stg.regions.region_id IS 'Primary key, as in core.regions.';
COMMENT ON COLUMN stg.regions.name IS 'Region name.';
COMMENT ON COLUMN stg.regions.state IS 'State.';
COMMENT ON COLUMN stg.regions.country IS 'Country.';
COMMENT ON COLUMN stg.regions.created_at IS 'Source insert time (UTC).';
COMMENT ON COLUMN stg.regions.updated_at IS 'Source last change time (UTC).';
COMMENT ON COLUMN stg.regions.deleted_at IS 'Source soft delete: set when the row is logically deleted.';
COMMENT ON COLUMN stg.regions.source_version IS 'row_version of the source row last applied (xid8 on PostgreSQL, rowversion on SQL Server, as a number); an older or equal version is ignored.';
COMMENT ON COLUMN stg.regions.source_deleted IS 'True when the source row was hard-deleted (core.deleted_rows); soft deletes keep deleted_at instead.';
COMMENT ON COLUMN stg.regions.loaded_at IS 'When the loader last wrote the row (UTC).';

CREATE TABLE stg.teams (
    team_id        bigint       NOT NULL,
    name           varchar(100),
    region_id      bigint,
    manager_name   varchar(100),
    created_at     timestamp(3),
    updated_at     timestamp(3),
    deleted_at     timestamp(3),
    source_version bigint       NOT NULL,
    source_deleted boolean      NOT NULL DEFAULT false,
    loaded_at      timestamp(3) NOT NULL DEFAULT timezone('utc', now()),
    CONSTRAINT pk_stg_teams PRIMARY KEY (team_id)
);
CREATE INDEX ix_stg_teams_region_id ON stg.teams (region_id);
COMMENT ON TABLE stg.teams IS 'Sales teams: staging mirror of core.teams, one row per source key, deleted rows included.';
COMMENT ON COLUMN stg.teams.team_id IS 'Primary key, as in core.teams.';
COMMENT ON COLUMN stg.teams.name IS 'Team name.';
COMMENT ON COLUMN stg.teams.region_id IS 'Region of the team (regions.region_id).';
COMMENT ON COLUMN stg.teams.manager_name IS 'Team manager.';
COMMENT ON COLUMN stg.teams.created_at IS 'Source insert time (UTC).';
COMMENT ON COLUMN stg.teams.updated_at IS 'Source last change time (UTC).';
COMMENT ON COLUMN stg.teams.deleted_at IS 'Source soft delete: set when the row is logically deleted.';
COMMENT ON COLUMN stg.teams.source_version IS 'row_version of the source row last applied (xid8 on PostgreSQL, rowversion on SQL Server, as a number); an older or equal version is ignored.';
COMMENT ON COLUMN stg.teams.source_deleted IS 'True when the source row was hard-deleted (core.deleted_rows); soft deletes keep deleted_at instead.';
COMMENT ON COLUMN stg.teams.loaded_at IS 'When the loader last wrote the row (UTC).';

CREATE TABLE stg.sellers (
    seller_id      bigint       NOT NULL,
    name           varchar(100),
    email          varchar(150),
    team_id        bigint,
    is_active      boolean,
    created_at     timestamp(3),
    updated_at     timestamp(3),
    deleted_at     timestamp(3),
    source_version bigint       NOT NULL,
    source_deleted boolean      NOT NULL DEFAULT false,
    loaded_at      timestamp(3) NOT NULL DEFAULT timezone('utc', now()),
    CONSTRAINT pk_stg_sellers PRIMARY KEY (seller_id)
);
CREATE INDEX ix_stg_sellers_team_id ON stg.sellers (team_id);
COMMENT ON TABLE stg.sellers IS 'Sellers: staging mirror of core.sellers, one row per source key, deleted rows included.';
COMMENT ON COLUMN stg.sellers.seller_id IS 'Primary key, as in core.sellers.';
COMMENT ON COLUMN stg.sellers.name IS 'Seller name.';
COMMENT ON COLUMN stg.sellers.email IS 'Seller e-mail.';
COMMENT ON COLUMN stg.sellers.team_id IS 'Team of the seller (teams.team_id).';
COMMENT ON COLUMN stg.sellers.is_active IS 'Whether the seller is active.';
COMMENT ON COLUMN stg.sellers.created_at IS 'Source insert time (UTC).';
COMMENT ON COLUMN stg.sellers.updated_at IS 'Source last change time (UTC).';
COMMENT ON COLUMN stg.sellers.deleted_at IS 'Source soft delete: set when the row is logically deleted.';
COMMENT ON COLUMN stg.sellers.source_version IS 'row_version of the source row last applied (xid8 on PostgreSQL, rowversion on SQL Server, as a number); an older or equal version is ignored.';
COMMENT ON COLUMN stg.sellers.source_deleted IS 'True when the source row was hard-deleted (core.deleted_rows); soft deletes keep deleted_at instead.';
COMMENT ON COLUMN stg.sellers.loaded_at IS 'When the loader last wrote the row (UTC).';

CREATE TABLE stg.customers (
    customer_id    bigint       NOT NULL,
    name           varchar(150),
    email          varchar(150),
    customer_type  varchar(20),
    city           varchar(100),
    state          varchar(50),
    region_id      bigint,
    segment        varchar(30),
    created_at     timestamp(3),
    updated_at     timestamp(3),
    deleted_at     timestamp(3),
    source_version bigint       NOT NULL,
    source_deleted boolean      NOT NULL DEFAULT false,
    loaded_at      timestamp(3) NOT NULL DEFAULT timezone('utc', now()),
    CONSTRAINT pk_stg_customers PRIMARY KEY (customer_id)
);
CREATE INDEX ix_stg_customers_region_id ON stg.customers (region_id);
COMMENT ON TABLE stg.customers IS 'Customers: staging mirror of core.customers, one row per source key, deleted rows included.';
COMMENT ON COLUMN stg.customers.customer_id IS 'Primary key, as in core.customers.';
COMMENT ON COLUMN stg.customers.name IS 'Customer name.';
COMMENT ON COLUMN stg.customers.email IS 'Customer e-mail.';
COMMENT ON COLUMN stg.customers.customer_type IS 'individual or business.';
COMMENT ON COLUMN stg.customers.city IS 'City.';
COMMENT ON COLUMN stg.customers.state IS 'State.';
COMMENT ON COLUMN stg.customers.region_id IS 'Region of the customer (regions.region_id).';
COMMENT ON COLUMN stg.customers.segment IS 'consumer, small_business, corporate or vip.';
COMMENT ON COLUMN stg.customers.created_at IS 'Source insert time (UTC).';
COMMENT ON COLUMN stg.customers.updated_at IS 'Source last change time (UTC).';
COMMENT ON COLUMN stg.customers.deleted_at IS 'Source soft delete: set when the row is logically deleted.';
COMMENT ON COLUMN stg.customers.source_version IS 'row_version of the source row last applied (xid8 on PostgreSQL, rowversion on SQL Server, as a number); an older or equal version is ignored.';
COMMENT ON COLUMN stg.customers.source_deleted IS 'True when the source row was hard-deleted (core.deleted_rows); soft deletes keep deleted_at instead.';
COMMENT ON COLUMN stg.customers.loaded_at IS 'When the loader last wrote the row (UTC).';

CREATE TABLE stg.categories (
    category_id    bigint       NOT NULL,
    name           varchar(100),
    parent_id      bigint,
    created_at     timestamp(3),
    updated_at     timestamp(3),
    deleted_at     timestamp(3),
    source_version bigint       NOT NULL,
    source_deleted boolean      NOT NULL DEFAULT false,
    loaded_at      timestamp(3) NOT NULL DEFAULT timezone('utc', now()),
    CONSTRAINT pk_stg_categories PRIMARY KEY (category_id)
);
CREATE INDEX ix_stg_categories_parent_id ON stg.categories (parent_id);
COMMENT ON TABLE stg.categories IS 'Product categories: staging mirror of core.categories, one row per source key, deleted rows included.';
COMMENT ON COLUMN stg.categories.category_id IS 'Primary key, as in core.categories.';
COMMENT ON COLUMN stg.categories.name IS 'Category name.';
COMMENT ON COLUMN stg.categories.parent_id IS 'Parent category (categories.category_id); null for a top-level category.';
COMMENT ON COLUMN stg.categories.created_at IS 'Source insert time (UTC).';
COMMENT ON COLUMN stg.categories.updated_at IS 'Source last change time (UTC).';
COMMENT ON COLUMN stg.categories.deleted_at IS 'Source soft delete: set when the row is logically deleted.';
COMMENT ON COLUMN stg.categories.source_version IS 'row_version of the source row last applied (xid8 on PostgreSQL, rowversion on SQL Server, as a number); an older or equal version is ignored.';
COMMENT ON COLUMN stg.categories.source_deleted IS 'True when the source row was hard-deleted (core.deleted_rows); soft deletes keep deleted_at instead.';
COMMENT ON COLUMN stg.categories.loaded_at IS 'When the loader last wrote the row (UTC).';

CREATE TABLE stg.products (
    product_id     bigint       NOT NULL,
    sku            varchar(40),
    name           varchar(150),
    category_id    bigint,
    brand          varchar(100),
    list_price     numeric(12,2),
    unit_cost      numeric(12,2),
    created_at     timestamp(3),
    updated_at     timestamp(3),
    deleted_at     timestamp(3),
    source_version bigint       NOT NULL,
    source_deleted boolean      NOT NULL DEFAULT false,
    loaded_at      timestamp(3) NOT NULL DEFAULT timezone('utc', now()),
    CONSTRAINT pk_stg_products PRIMARY KEY (product_id)
);
CREATE INDEX ix_stg_products_category_id ON stg.products (category_id);
COMMENT ON TABLE stg.products IS 'Products: staging mirror of core.products, one row per source key, deleted rows included.';
COMMENT ON COLUMN stg.products.product_id IS 'Primary key, as in core.products.';
COMMENT ON COLUMN stg.products.sku IS 'Stock-keeping unit, unique in the source.';
COMMENT ON COLUMN stg.products.name IS 'Product name.';
COMMENT ON COLUMN stg.products.category_id IS 'Category (categories.category_id).';
COMMENT ON COLUMN stg.products.brand IS 'Brand.';
COMMENT ON COLUMN stg.products.list_price IS 'List price.';
COMMENT ON COLUMN stg.products.unit_cost IS 'Unit cost.';
COMMENT ON COLUMN stg.products.created_at IS 'Source insert time (UTC).';
COMMENT ON COLUMN stg.products.updated_at IS 'Source last change time (UTC).';
COMMENT ON COLUMN stg.products.deleted_at IS 'Source soft delete: set when the row is logically deleted.';
COMMENT ON COLUMN stg.products.source_version IS 'row_version of the source row last applied (xid8 on PostgreSQL, rowversion on SQL Server, as a number); an older or equal version is ignored.';
COMMENT ON COLUMN stg.products.source_deleted IS 'True when the source row was hard-deleted (core.deleted_rows); soft deletes keep deleted_at instead.';
COMMENT ON COLUMN stg.products.loaded_at IS 'When the loader last wrote the row (UTC).';

CREATE TABLE stg.discounts (
    discount_id    bigint       NOT NULL,
    code           varchar(40),
    discount_type  varchar(20),
    value          numeric(12,2),
    campaign       varchar(100),
    starts_at      timestamp(3),
    ends_at        timestamp(3),
    created_at     timestamp(3),
    updated_at     timestamp(3),
    deleted_at     timestamp(3),
    source_version bigint       NOT NULL,
    source_deleted boolean      NOT NULL DEFAULT false,
    loaded_at      timestamp(3) NOT NULL DEFAULT timezone('utc', now()),
    CONSTRAINT pk_stg_discounts PRIMARY KEY (discount_id)
);
COMMENT ON TABLE stg.discounts IS 'Discounts: staging mirror of core.discounts, one row per source key, deleted rows included.';
COMMENT ON COLUMN stg.discounts.discount_id IS 'Primary key, as in core.discounts.';
COMMENT ON COLUMN stg.discounts.code IS 'Discount code, unique in the source.';
COMMENT ON COLUMN stg.discounts.discount_type IS 'percent or fixed.';
COMMENT ON COLUMN stg.discounts.value IS 'Percentage or amount, by discount_type.';
COMMENT ON COLUMN stg.discounts.campaign IS 'Marketing campaign.';
COMMENT ON COLUMN stg.discounts.starts_at IS 'Start of the discount period (UTC).';
COMMENT ON COLUMN stg.discounts.ends_at IS 'End of the discount period (UTC).';
COMMENT ON COLUMN stg.discounts.created_at IS 'Source insert time (UTC).';
COMMENT ON COLUMN stg.discounts.updated_at IS 'Source last change time (UTC).';
COMMENT ON COLUMN stg.discounts.deleted_at IS 'Source soft delete: set when the row is logically deleted.';
COMMENT ON COLUMN stg.discounts.source_version IS 'row_version of the source row last applied (xid8 on PostgreSQL, rowversion on SQL Server, as a number); an older or equal version is ignored.';
COMMENT ON COLUMN stg.discounts.source_deleted IS 'True when the source row was hard-deleted (core.deleted_rows); soft deletes keep deleted_at instead.';
COMMENT ON COLUMN stg.discounts.loaded_at IS 'When the loader last wrote the row (UTC).';

CREATE TABLE stg.orders (
    order_id       bigint       NOT NULL,
    order_number   varchar(30),
    customer_id    bigint,
    seller_id      bigint,
    discount_id    bigint,
    status         varchar(20),
    order_date     timestamp(3),
    channel        varchar(20),
    created_at     timestamp(3),
    updated_at     timestamp(3),
    deleted_at     timestamp(3),
    source_version bigint       NOT NULL,
    source_deleted boolean      NOT NULL DEFAULT false,
    loaded_at      timestamp(3) NOT NULL DEFAULT timezone('utc', now()),
    CONSTRAINT pk_stg_orders PRIMARY KEY (order_id)
);
CREATE INDEX ix_stg_orders_customer_id ON stg.orders (customer_id);
CREATE INDEX ix_stg_orders_seller_id ON stg.orders (seller_id);
CREATE INDEX ix_stg_orders_discount_id ON stg.orders (discount_id);
COMMENT ON TABLE stg.orders IS 'Orders: staging mirror of core.orders, one row per source key, deleted rows included.';
COMMENT ON COLUMN stg.orders.order_id IS 'Primary key, as in core.orders.';
COMMENT ON COLUMN stg.orders.order_number IS 'Order number, unique in the source.';
COMMENT ON COLUMN stg.orders.customer_id IS 'Customer (customers.customer_id).';
COMMENT ON COLUMN stg.orders.seller_id IS 'Seller (sellers.seller_id).';
COMMENT ON COLUMN stg.orders.discount_id IS 'Discount used (discounts.discount_id); null when none.';
COMMENT ON COLUMN stg.orders.status IS 'placed, paid, shipped, delivered or cancelled.';
COMMENT ON COLUMN stg.orders.order_date IS 'When the order was placed (UTC): the business date of its facts.';
COMMENT ON COLUMN stg.orders.channel IS 'web, app, store or marketplace.';
COMMENT ON COLUMN stg.orders.created_at IS 'Source insert time (UTC).';
COMMENT ON COLUMN stg.orders.updated_at IS 'Source last change time (UTC).';
COMMENT ON COLUMN stg.orders.deleted_at IS 'Source soft delete: set when the row is logically deleted.';
COMMENT ON COLUMN stg.orders.source_version IS 'row_version of the source row last applied (xid8 on PostgreSQL, rowversion on SQL Server, as a number); an older or equal version is ignored.';
COMMENT ON COLUMN stg.orders.source_deleted IS 'True when the source row was hard-deleted (core.deleted_rows); soft deletes keep deleted_at instead.';
COMMENT ON COLUMN stg.orders.loaded_at IS 'When the loader last wrote the row (UTC).';

CREATE TABLE stg.order_items (
    order_item_id   bigint       NOT NULL,
    order_id        bigint,
    product_id      bigint,
    quantity        integer,
    unit_price      numeric(12,2),
    unit_cost       numeric(12,2),
    discount_amount numeric(12,2),
    created_at      timestamp(3),
    updated_at      timestamp(3),
    deleted_at      timestamp(3),
    source_version  bigint       NOT NULL,
    source_deleted  boolean      NOT NULL DEFAULT false,
    loaded_at       timestamp(3) NOT NULL DEFAULT timezone('utc', now()),
    CONSTRAINT pk_stg_order_items PRIMARY KEY (order_item_id)
);
CREATE INDEX ix_stg_order_items_order_id ON stg.order_items (order_id);
CREATE INDEX ix_stg_order_items_product_id ON stg.order_items (product_id);
COMMENT ON TABLE stg.order_items IS 'Order items: staging mirror of core.order_items, one row per source key, deleted rows included.';
COMMENT ON COLUMN stg.order_items.order_item_id IS 'Primary key, as in core.order_items.';
COMMENT ON COLUMN stg.order_items.order_id IS 'Order (orders.order_id).';
COMMENT ON COLUMN stg.order_items.product_id IS 'Product (products.product_id).';
COMMENT ON COLUMN stg.order_items.quantity IS 'Units ordered.';
COMMENT ON COLUMN stg.order_items.unit_price IS 'Unit price charged.';
COMMENT ON COLUMN stg.order_items.unit_cost IS 'Unit cost at the time of the order.';
COMMENT ON COLUMN stg.order_items.discount_amount IS 'Discount on the item.';
COMMENT ON COLUMN stg.order_items.created_at IS 'Source insert time (UTC).';
COMMENT ON COLUMN stg.order_items.updated_at IS 'Source last change time (UTC).';
COMMENT ON COLUMN stg.order_items.deleted_at IS 'Source soft delete: set when the row is logically deleted.';
COMMENT ON COLUMN stg.order_items.source_version IS 'row_version of the source row last applied (xid8 on PostgreSQL, rowversion on SQL Server, as a number); an older or equal version is ignored.';
COMMENT ON COLUMN stg.order_items.source_deleted IS 'True when the source row was hard-deleted (core.deleted_rows); soft deletes keep deleted_at instead.';
COMMENT ON COLUMN stg.order_items.loaded_at IS 'When the loader last wrote the row (UTC).';

CREATE TABLE stg.returns (
    return_id      bigint       NOT NULL,
    order_item_id  bigint,
    quantity       integer,
    refund_amount  numeric(12,2),
    status         varchar(20),
    created_at     timestamp(3),
    updated_at     timestamp(3),
    deleted_at     timestamp(3),
    source_version bigint       NOT NULL,
    source_deleted boolean      NOT NULL DEFAULT false,
    loaded_at      timestamp(3) NOT NULL DEFAULT timezone('utc', now()),
    CONSTRAINT pk_stg_returns PRIMARY KEY (return_id)
);
CREATE INDEX ix_stg_returns_order_item_id ON stg.returns (order_item_id);
COMMENT ON TABLE stg.returns IS 'Returns: staging mirror of core.returns, one row per source key, deleted rows included.';
COMMENT ON COLUMN stg.returns.return_id IS 'Primary key, as in core.returns.';
COMMENT ON COLUMN stg.returns.order_item_id IS 'Returned item (order_items.order_item_id).';
COMMENT ON COLUMN stg.returns.quantity IS 'Units returned.';
COMMENT ON COLUMN stg.returns.refund_amount IS 'Amount refunded.';
COMMENT ON COLUMN stg.returns.status IS 'requested, approved, refunded or rejected.';
COMMENT ON COLUMN stg.returns.created_at IS 'Source insert time (UTC).';
COMMENT ON COLUMN stg.returns.updated_at IS 'Source last change time (UTC).';
COMMENT ON COLUMN stg.returns.deleted_at IS 'Source soft delete: set when the row is logically deleted.';
COMMENT ON COLUMN stg.returns.source_version IS 'row_version of the source row last applied (xid8 on PostgreSQL, rowversion on SQL Server, as a number); an older or equal version is ignored.';
COMMENT ON COLUMN stg.returns.source_deleted IS 'True when the source row was hard-deleted (core.deleted_rows); soft deletes keep deleted_at instead.';
COMMENT ON COLUMN stg.returns.loaded_at IS 'When the loader last wrote the row (UTC).';

CREATE TABLE stg.sales_targets (
    sales_target_id bigint       NOT NULL,
    seller_id       bigint,
    year            smallint,
    month           smallint,
    target_amount   numeric(14,2),
    created_at      timestamp(3),
    updated_at      timestamp(3),
    deleted_at      timestamp(3),
    source_version  bigint       NOT NULL,
    source_deleted  boolean      NOT NULL DEFAULT false,
    loaded_at       timestamp(3) NOT NULL DEFAULT timezone('utc', now()),
    CONSTRAINT pk_stg_sales_targets PRIMARY KEY (sales_target_id)
);
CREATE INDEX ix_stg_sales_targets_seller_id ON stg.sales_targets (seller_id);
COMMENT ON TABLE stg.sales_targets IS 'Sales targets: staging mirror of core.sales_targets, one row per source key, deleted rows included.';
COMMENT ON COLUMN stg.sales_targets.sales_target_id IS 'Primary key, as in core.sales_targets.';
COMMENT ON COLUMN stg.sales_targets.seller_id IS 'Seller (sellers.seller_id).';
COMMENT ON COLUMN stg.sales_targets.year IS 'Year of the target.';
COMMENT ON COLUMN stg.sales_targets.month IS 'Month of the target, 1 to 12.';
COMMENT ON COLUMN stg.sales_targets.target_amount IS 'Target net revenue for the seller in the month.';
COMMENT ON COLUMN stg.sales_targets.created_at IS 'Source insert time (UTC).';
COMMENT ON COLUMN stg.sales_targets.updated_at IS 'Source last change time (UTC).';
COMMENT ON COLUMN stg.sales_targets.deleted_at IS 'Source soft delete: set when the row is logically deleted.';
COMMENT ON COLUMN stg.sales_targets.source_version IS 'row_version of the source row last applied (xid8 on PostgreSQL, rowversion on SQL Server, as a number); an older or equal version is ignored.';
COMMENT ON COLUMN stg.sales_targets.source_deleted IS 'True when the source row was hard-deleted (core.deleted_rows); soft deletes keep deleted_at instead.';
COMMENT ON COLUMN stg.sales_targets.loaded_at IS 'When the loader last wrote the row (UTC).';

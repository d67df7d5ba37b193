-- OLTP reference schema core.*: tables, keys and indexes, for both vendors (see docs/data-contract.md,
-- "Source", and docs/adr/0013-schema-written-once.md). Flyway creates the schema core (OltpSchema names
-- it) before this script runs. The placeholders identity, timestamp, utc_now, bool, true and
-- change_order are rendered per vendor (SchemaPlaceholders); text columns are varchar on both vendors.
-- What really differs stays in the vendor folders: V2__capture_triggers.sql (the change order, updated_at,
-- tombstones, and the refusal of bulk deletes that would write no tombstone). Descriptions of every
-- table and column: db/oltp/descriptions.yml.
--
-- Change order: row_version orders every write. On PostgreSQL it is the id of the writing transaction
-- (xid8), stamped by trigger: a reader that extracts only ids below pg_snapshot_xmin(pg_current_snapshot())
-- never skips a row of a transaction that was still open when it read. On SQL Server it is a rowversion,
-- bumped by every insert and update: a reader that extracts only values below MIN_ACTIVE_ROWVERSION()
-- never skips a row of an open transaction.

-- Tombstones of hard deletes.
CREATE TABLE core.deleted_rows (
    deleted_row_id  bigint ${identity},
    table_name      varchar(64) NOT NULL,
    row_key         bigint NOT NULL,
    row_version     ${change_order} NOT NULL,
    deleted_at      ${timestamp} NOT NULL DEFAULT ${utc_now},
    CONSTRAINT pk_deleted_rows PRIMARY KEY (deleted_row_id)
);
CREATE INDEX ix_deleted_rows_table_version ON core.deleted_rows (table_name, row_version, row_key);

-- Sales regions: one Brazilian state (or part of one) and its country.
CREATE TABLE core.regions (
    region_id       bigint ${identity},
    name            varchar(100) NOT NULL,
    state           varchar(50) NOT NULL,
    country         varchar(50) NOT NULL,
    created_at      ${timestamp} NOT NULL DEFAULT ${utc_now},
    updated_at      ${timestamp} NOT NULL DEFAULT ${utc_now},
    deleted_at      ${timestamp},
    row_version     ${change_order} NOT NULL,
    CONSTRAINT pk_regions PRIMARY KEY (region_id)
);
CREATE INDEX ix_regions_row_version ON core.regions (row_version, region_id);

-- Sales teams; each works one region.
CREATE TABLE core.teams (
    team_id         bigint ${identity},
    name            varchar(100) NOT NULL,
    region_id       bigint NOT NULL,
    manager_name    varchar(100),
    created_at      ${timestamp} NOT NULL DEFAULT ${utc_now},
    updated_at      ${timestamp} NOT NULL DEFAULT ${utc_now},
    deleted_at      ${timestamp},
    row_version     ${change_order} NOT NULL,
    CONSTRAINT pk_teams PRIMARY KEY (team_id),
    CONSTRAINT fk_teams_region_id FOREIGN KEY (region_id) REFERENCES core.regions (region_id)
);
CREATE INDEX ix_teams_row_version ON core.teams (row_version, team_id);
CREATE INDEX ix_teams_region_id ON core.teams (region_id);

-- Sales people; each belongs to one team (a team move is tracked as SCD2 in the warehouse).
CREATE TABLE core.sellers (
    seller_id       bigint ${identity},
    name            varchar(100) NOT NULL,
    email           varchar(150) NOT NULL,
    team_id         bigint NOT NULL,
    is_active       ${bool} NOT NULL DEFAULT ${true},
    created_at      ${timestamp} NOT NULL DEFAULT ${utc_now},
    updated_at      ${timestamp} NOT NULL DEFAULT ${utc_now},
    deleted_at      ${timestamp},
    row_version     ${change_order} NOT NULL,
    CONSTRAINT pk_sellers PRIMARY KEY (seller_id),
    CONSTRAINT fk_sellers_team_id FOREIGN KEY (team_id) REFERENCES core.teams (team_id)
);
CREATE INDEX ix_sellers_row_version ON core.sellers (row_version, seller_id);
CREATE INDEX ix_sellers_team_id ON core.sellers (team_id);

-- Customers (people and companies) who place orders.
CREATE TABLE core.customers (
    customer_id     bigint ${identity},
    name            varchar(150) NOT NULL,
    email           varchar(150) NOT NULL,
    customer_type   varchar(20) NOT NULL,
    city            varchar(100) NOT NULL,
    state           varchar(50) NOT NULL,
    region_id       bigint NOT NULL,
    segment         varchar(30) NOT NULL,
    created_at      ${timestamp} NOT NULL DEFAULT ${utc_now},
    updated_at      ${timestamp} NOT NULL DEFAULT ${utc_now},
    deleted_at      ${timestamp},
    row_version     ${change_order} NOT NULL,
    CONSTRAINT pk_customers PRIMARY KEY (customer_id),
    CONSTRAINT fk_customers_region_id FOREIGN KEY (region_id) REFERENCES core.regions (region_id)
);
CREATE INDEX ix_customers_row_version ON core.customers (row_version, customer_id);
CREATE INDEX ix_customers_region_id ON core.customers (region_id);

-- Product categories, two levels: a top-level category has no parent.
CREATE TABLE core.categories (
    category_id     bigint ${identity},
    name            varchar(100) NOT NULL,
    parent_id       bigint,
    created_at      ${timestamp} NOT NULL DEFAULT ${utc_now},
    updated_at      ${timestamp} NOT NULL DEFAULT ${utc_now},
    deleted_at      ${timestamp},
    row_version     ${change_order} NOT NULL,
    CONSTRAINT pk_categories PRIMARY KEY (category_id),
    CONSTRAINT fk_categories_parent_id FOREIGN KEY (parent_id) REFERENCES core.categories (category_id)
);
CREATE INDEX ix_categories_row_version ON core.categories (row_version, category_id);
CREATE INDEX ix_categories_parent_id ON core.categories (parent_id);

-- Products on sale.
CREATE TABLE core.products (
    product_id      bigint ${identity},
    sku             varchar(40) NOT NULL,
    name            varchar(150) NOT NULL,
    category_id     bigint NOT NULL,
    brand           varchar(100) NOT NULL,
    list_price      numeric(12,2) NOT NULL,
    unit_cost       numeric(12,2) NOT NULL,
    created_at      ${timestamp} NOT NULL DEFAULT ${utc_now},
    updated_at      ${timestamp} NOT NULL DEFAULT ${utc_now},
    deleted_at      ${timestamp},
    row_version     ${change_order} NOT NULL,
    CONSTRAINT pk_products PRIMARY KEY (product_id),
    CONSTRAINT uq_products_sku UNIQUE (sku),
    CONSTRAINT fk_products_category_id FOREIGN KEY (category_id) REFERENCES core.categories (category_id)
);
CREATE INDEX ix_products_row_version ON core.products (row_version, product_id);
CREATE INDEX ix_products_category_id ON core.products (category_id);

-- Discount codes of marketing campaigns.
CREATE TABLE core.discounts (
    discount_id     bigint ${identity},
    code            varchar(40) NOT NULL,
    discount_type   varchar(20) NOT NULL,
    value           numeric(12,2) NOT NULL,
    campaign        varchar(100),
    starts_at       ${timestamp} NOT NULL,
    ends_at         ${timestamp} NOT NULL,
    created_at      ${timestamp} NOT NULL DEFAULT ${utc_now},
    updated_at      ${timestamp} NOT NULL DEFAULT ${utc_now},
    deleted_at      ${timestamp},
    row_version     ${change_order} NOT NULL,
    CONSTRAINT pk_discounts PRIMARY KEY (discount_id),
    CONSTRAINT uq_discounts_code UNIQUE (code)
);
CREATE INDEX ix_discounts_row_version ON core.discounts (row_version, discount_id);

-- Sales orders.
CREATE TABLE core.orders (
    order_id        bigint ${identity},
    order_number    varchar(30) NOT NULL,
    customer_id     bigint NOT NULL,
    seller_id       bigint NOT NULL,
    discount_id     bigint,
    status          varchar(20) NOT NULL,
    order_date      ${timestamp} NOT NULL,
    channel         varchar(20) NOT NULL,
    created_at      ${timestamp} NOT NULL DEFAULT ${utc_now},
    updated_at      ${timestamp} NOT NULL DEFAULT ${utc_now},
    deleted_at      ${timestamp},
    row_version     ${change_order} NOT NULL,
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
    order_item_id   bigint ${identity},
    order_id        bigint NOT NULL,
    product_id      bigint NOT NULL,
    quantity        int NOT NULL,
    unit_price      numeric(12,2) NOT NULL,
    unit_cost       numeric(12,2) NOT NULL,
    discount_amount numeric(12,2) NOT NULL DEFAULT 0,
    created_at      ${timestamp} NOT NULL DEFAULT ${utc_now},
    updated_at      ${timestamp} NOT NULL DEFAULT ${utc_now},
    deleted_at      ${timestamp},
    row_version     ${change_order} NOT NULL,
    CONSTRAINT pk_order_items PRIMARY KEY (order_item_id),
    CONSTRAINT fk_order_items_order_id FOREIGN KEY (order_id) REFERENCES core.orders (order_id),
    CONSTRAINT fk_order_items_product_id FOREIGN KEY (product_id) REFERENCES core.products (product_id)
);
CREATE INDEX ix_order_items_row_version ON core.order_items (row_version, order_item_id);
CREATE INDEX ix_order_items_order_id ON core.order_items (order_id);
CREATE INDEX ix_order_items_product_id ON core.order_items (product_id);

-- Returns of order lines.
CREATE TABLE core.returns (
    return_id       bigint ${identity},
    order_item_id   bigint NOT NULL,
    quantity        int NOT NULL,
    refund_amount   numeric(12,2) NOT NULL,
    status          varchar(20) NOT NULL,
    created_at      ${timestamp} NOT NULL DEFAULT ${utc_now},
    updated_at      ${timestamp} NOT NULL DEFAULT ${utc_now},
    deleted_at      ${timestamp},
    row_version     ${change_order} NOT NULL,
    CONSTRAINT pk_returns PRIMARY KEY (return_id),
    CONSTRAINT fk_returns_order_item_id FOREIGN KEY (order_item_id) REFERENCES core.order_items (order_item_id)
);
CREATE INDEX ix_returns_row_version ON core.returns (row_version, return_id);
CREATE INDEX ix_returns_order_item_id ON core.returns (order_item_id);

-- Monthly sales targets per seller.
CREATE TABLE core.sales_targets (
    sales_target_id bigint ${identity},
    seller_id       bigint NOT NULL,
    year            smallint NOT NULL,
    month           smallint NOT NULL,
    target_amount   numeric(14,2) NOT NULL,
    created_at      ${timestamp} NOT NULL DEFAULT ${utc_now},
    updated_at      ${timestamp} NOT NULL DEFAULT ${utc_now},
    deleted_at      ${timestamp},
    row_version     ${change_order} NOT NULL,
    CONSTRAINT pk_sales_targets PRIMARY KEY (sales_target_id),
    CONSTRAINT uq_sales_targets_seller_id_year_month UNIQUE (seller_id, year, month),
    CONSTRAINT fk_sales_targets_seller_id FOREIGN KEY (seller_id) REFERENCES core.sellers (seller_id)
);
CREATE INDEX ix_sales_targets_row_version ON core.sales_targets (row_version, sales_target_id);
CREATE INDEX ix_sales_targets_seller_id ON core.sales_targets (seller_id);

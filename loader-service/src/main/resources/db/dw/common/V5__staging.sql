-- Staging mirror of the eleven OLTP tables (core.<table>): the source's columns, same names and types,
-- plus source_version, source_deleted and loaded_at. The loader applies each batch here first, with the
-- version rule (a row whose row_version is not newer than source_version is ignored), then rebuilds the
-- dimension and fact rows of the keys the batch touched. Only the key is mandatory: a hard delete of a
-- key never seen before leaves a row with the key, its version and source_deleted = true. The indexes
-- serve those rebuilds (from a changed row to the rows that depend on it).
-- Both vendors (docs/adr/0013-schema-written-once.md): the placeholders varchar, text, bool, timestamp,
-- double, identity, utc_now, true and false are rendered per vendor (DwPlaceholders); a line starting with
-- the placeholder sqlserver or postgresql runs on that vendor only; go ends a SQL Server batch.

CREATE TABLE stg.regions (
    region_id      bigint       NOT NULL,
    name           ${varchar}(100),
    state          ${varchar}(50),
    country        ${varchar}(50),
    created_at     ${timestamp},
    updated_at     ${timestamp},
    deleted_at     ${timestamp},
    source_version bigint       NOT NULL,
    source_deleted ${bool}   NOT NULL DEFAULT ${false},
    loaded_at      ${timestamp} NOT NULL DEFAULT ${utc_now},
    CONSTRAINT pk_stg_regions PRIMARY KEY (region_id)
);
${go}

CREATE TABLE stg.teams (
    team_id        bigint       NOT NULL,
    name           ${varchar}(100),
    region_id      bigint,
    manager_name   ${varchar}(100),
    created_at     ${timestamp},
    updated_at     ${timestamp},
    deleted_at     ${timestamp},
    source_version bigint       NOT NULL,
    source_deleted ${bool}   NOT NULL DEFAULT ${false},
    loaded_at      ${timestamp} NOT NULL DEFAULT ${utc_now},
    CONSTRAINT pk_stg_teams PRIMARY KEY (team_id)
);
CREATE INDEX ix_stg_teams_region_id ON stg.teams (region_id);
${go}

CREATE TABLE stg.sellers (
    seller_id      bigint       NOT NULL,
    name           ${varchar}(100),
    email          ${varchar}(150),
    team_id        bigint,
    is_active      ${bool},
    created_at     ${timestamp},
    updated_at     ${timestamp},
    deleted_at     ${timestamp},
    source_version bigint       NOT NULL,
    source_deleted ${bool}   NOT NULL DEFAULT ${false},
    loaded_at      ${timestamp} NOT NULL DEFAULT ${utc_now},
    CONSTRAINT pk_stg_sellers PRIMARY KEY (seller_id)
);
CREATE INDEX ix_stg_sellers_team_id ON stg.sellers (team_id);
${go}

CREATE TABLE stg.customers (
    customer_id    bigint       NOT NULL,
    name           ${varchar}(150),
    email          ${varchar}(150),
    customer_type  ${varchar}(20),
    city           ${varchar}(100),
    state          ${varchar}(50),
    region_id      bigint,
    segment        ${varchar}(30),
    created_at     ${timestamp},
    updated_at     ${timestamp},
    deleted_at     ${timestamp},
    source_version bigint       NOT NULL,
    source_deleted ${bool}   NOT NULL DEFAULT ${false},
    loaded_at      ${timestamp} NOT NULL DEFAULT ${utc_now},
    CONSTRAINT pk_stg_customers PRIMARY KEY (customer_id)
);
CREATE INDEX ix_stg_customers_region_id ON stg.customers (region_id);
${go}

CREATE TABLE stg.categories (
    category_id    bigint       NOT NULL,
    name           ${varchar}(100),
    parent_id      bigint,
    created_at     ${timestamp},
    updated_at     ${timestamp},
    deleted_at     ${timestamp},
    source_version bigint       NOT NULL,
    source_deleted ${bool}   NOT NULL DEFAULT ${false},
    loaded_at      ${timestamp} NOT NULL DEFAULT ${utc_now},
    CONSTRAINT pk_stg_categories PRIMARY KEY (category_id)
);
CREATE INDEX ix_stg_categories_parent_id ON stg.categories (parent_id);
${go}

CREATE TABLE stg.products (
    product_id     bigint       NOT NULL,
    sku            ${varchar}(40),
    name           ${varchar}(150),
    category_id    bigint,
    brand          ${varchar}(100),
    list_price     numeric(12,2),
    unit_cost      numeric(12,2),
    created_at     ${timestamp},
    updated_at     ${timestamp},
    deleted_at     ${timestamp},
    source_version bigint       NOT NULL,
    source_deleted ${bool}   NOT NULL DEFAULT ${false},
    loaded_at      ${timestamp} NOT NULL DEFAULT ${utc_now},
    CONSTRAINT pk_stg_products PRIMARY KEY (product_id)
);
CREATE INDEX ix_stg_products_category_id ON stg.products (category_id);
${go}

CREATE TABLE stg.discounts (
    discount_id    bigint       NOT NULL,
    code           ${varchar}(40),
    discount_type  ${varchar}(20),
    value          numeric(12,2),
    campaign       ${varchar}(100),
    starts_at      ${timestamp},
    ends_at        ${timestamp},
    created_at     ${timestamp},
    updated_at     ${timestamp},
    deleted_at     ${timestamp},
    source_version bigint       NOT NULL,
    source_deleted ${bool}   NOT NULL DEFAULT ${false},
    loaded_at      ${timestamp} NOT NULL DEFAULT ${utc_now},
    CONSTRAINT pk_stg_discounts PRIMARY KEY (discount_id)
);
${go}

CREATE TABLE stg.orders (
    order_id       bigint       NOT NULL,
    order_number   ${varchar}(30),
    customer_id    bigint,
    seller_id      bigint,
    discount_id    bigint,
    status         ${varchar}(20),
    order_date     ${timestamp},
    channel        ${varchar}(20),
    created_at     ${timestamp},
    updated_at     ${timestamp},
    deleted_at     ${timestamp},
    source_version bigint       NOT NULL,
    source_deleted ${bool}   NOT NULL DEFAULT ${false},
    loaded_at      ${timestamp} NOT NULL DEFAULT ${utc_now},
    CONSTRAINT pk_stg_orders PRIMARY KEY (order_id)
);
CREATE INDEX ix_stg_orders_customer_id ON stg.orders (customer_id);
CREATE INDEX ix_stg_orders_seller_id ON stg.orders (seller_id);
CREATE INDEX ix_stg_orders_discount_id ON stg.orders (discount_id);
${go}

CREATE TABLE stg.order_items (
    order_item_id   bigint       NOT NULL,
    order_id        bigint,
    product_id      bigint,
    quantity        integer,
    unit_price      numeric(12,2),
    unit_cost       numeric(12,2),
    discount_amount numeric(12,2),
    created_at      ${timestamp},
    updated_at      ${timestamp},
    deleted_at      ${timestamp},
    source_version  bigint       NOT NULL,
    source_deleted  ${bool}   NOT NULL DEFAULT ${false},
    loaded_at       ${timestamp} NOT NULL DEFAULT ${utc_now},
    CONSTRAINT pk_stg_order_items PRIMARY KEY (order_item_id)
);
CREATE INDEX ix_stg_order_items_order_id ON stg.order_items (order_id);
CREATE INDEX ix_stg_order_items_product_id ON stg.order_items (product_id);
${go}

CREATE TABLE stg.returns (
    return_id      bigint       NOT NULL,
    order_item_id  bigint,
    quantity       integer,
    refund_amount  numeric(12,2),
    status         ${varchar}(20),
    created_at     ${timestamp},
    updated_at     ${timestamp},
    deleted_at     ${timestamp},
    source_version bigint       NOT NULL,
    source_deleted ${bool}   NOT NULL DEFAULT ${false},
    loaded_at      ${timestamp} NOT NULL DEFAULT ${utc_now},
    CONSTRAINT pk_stg_returns PRIMARY KEY (return_id)
);
CREATE INDEX ix_stg_returns_order_item_id ON stg.returns (order_item_id);
${go}

CREATE TABLE stg.sales_targets (
    sales_target_id bigint       NOT NULL,
    seller_id       bigint,
    year            smallint,
    month           smallint,
    target_amount   numeric(14,2),
    created_at      ${timestamp},
    updated_at      ${timestamp},
    deleted_at      ${timestamp},
    source_version  bigint       NOT NULL,
    source_deleted  ${bool}   NOT NULL DEFAULT ${false},
    loaded_at       ${timestamp} NOT NULL DEFAULT ${utc_now},
    CONSTRAINT pk_stg_sales_targets PRIMARY KEY (sales_target_id)
);
CREATE INDEX ix_stg_sales_targets_seller_id ON stg.sales_targets (seller_id);
${go}

-- Esteira warehouse, SQL Server 2022. The loader's work tables (see db/dw/postgresql/V20__loader_work_tables.sql, the reference). A
-- batch being applied writes its rows to stg.incoming_<entity> under an apply token, marks which of
-- them change the mirror, and collects in stg.affected and stg.scd_change the fact and dimension keys
-- to re-derive; the applying transaction deletes its own rows before it commits.

SELECT TOP 0 * INTO stg.incoming_regions FROM stg.regions;
ALTER TABLE stg.incoming_regions DROP COLUMN loaded_at;
ALTER TABLE stg.incoming_regions ADD apply_token varchar(36) NOT NULL, applies bit NOT NULL DEFAULT 0;
CREATE INDEX ix_stg_incoming_regions_token ON stg.incoming_regions (apply_token);

SELECT TOP 0 * INTO stg.incoming_teams FROM stg.teams;
ALTER TABLE stg.incoming_teams DROP COLUMN loaded_at;
ALTER TABLE stg.incoming_teams ADD apply_token varchar(36) NOT NULL, applies bit NOT NULL DEFAULT 0;
CREATE INDEX ix_stg_incoming_teams_token ON stg.incoming_teams (apply_token);

SELECT TOP 0 * INTO stg.incoming_sellers FROM stg.sellers;
ALTER TABLE stg.incoming_sellers DROP COLUMN loaded_at;
ALTER TABLE stg.incoming_sellers ADD apply_token varchar(36) NOT NULL, applies bit NOT NULL DEFAULT 0;
CREATE INDEX ix_stg_incoming_sellers_token ON stg.incoming_sellers (apply_token);

SELECT TOP 0 * INTO stg.incoming_customers FROM stg.customers;
ALTER TABLE stg.incoming_customers DROP COLUMN loaded_at;
ALTER TABLE stg.incoming_customers ADD apply_token varchar(36) NOT NULL, applies bit NOT NULL DEFAULT 0;
CREATE INDEX ix_stg_incoming_customers_token ON stg.incoming_customers (apply_token);

SELECT TOP 0 * INTO stg.incoming_categories FROM stg.categories;
ALTER TABLE stg.incoming_categories DROP COLUMN loaded_at;
ALTER TABLE stg.incoming_categories ADD apply_token varchar(36) NOT NULL, applies bit NOT NULL DEFAULT 0;
CREATE INDEX ix_stg_incoming_categories_token ON stg.incoming_categories (apply_token);

SELECT TOP 0 * INTO stg.incoming_products FROM stg.products;
ALTER TABLE stg.incoming_products DROP COLUMN loaded_at;
ALTER TABLE stg.incoming_products ADD apply_token varchar(36) NOT NULL, applies bit NOT NULL DEFAULT 0;
CREATE INDEX ix_stg_incoming_products_token ON stg.incoming_products (apply_token);

SELECT TOP 0 * INTO stg.incoming_discounts FROM stg.discounts;
ALTER TABLE stg.incoming_discounts DROP COLUMN loaded_at;
ALTER TABLE stg.incoming_discounts ADD apply_token varchar(36) NOT NULL, applies bit NOT NULL DEFAULT 0;
CREATE INDEX ix_stg_incoming_discounts_token ON stg.incoming_discounts (apply_token);

SELECT TOP 0 * INTO stg.incoming_orders FROM stg.orders;
ALTER TABLE stg.incoming_orders DROP COLUMN loaded_at;
ALTER TABLE stg.incoming_orders ADD apply_token varchar(36) NOT NULL, applies bit NOT NULL DEFAULT 0;
CREATE INDEX ix_stg_incoming_orders_token ON stg.incoming_orders (apply_token);

SELECT TOP 0 * INTO stg.incoming_order_items FROM stg.order_items;
ALTER TABLE stg.incoming_order_items DROP COLUMN loaded_at;
ALTER TABLE stg.incoming_order_items ADD apply_token varchar(36) NOT NULL, applies bit NOT NULL DEFAULT 0;
CREATE INDEX ix_stg_incoming_order_items_token ON stg.incoming_order_items (apply_token);

SELECT TOP 0 * INTO stg.incoming_returns FROM stg.returns;
ALTER TABLE stg.incoming_returns DROP COLUMN loaded_at;
ALTER TABLE stg.incoming_returns ADD apply_token varchar(36) NOT NULL, applies bit NOT NULL DEFAULT 0;
CREATE INDEX ix_stg_incoming_returns_token ON stg.incoming_returns (apply_token);

SELECT TOP 0 * INTO stg.incoming_sales_targets FROM stg.sales_targets;
ALTER TABLE stg.incoming_sales_targets DROP COLUMN loaded_at;
ALTER TABLE stg.incoming_sales_targets ADD apply_token varchar(36) NOT NULL, applies bit NOT NULL DEFAULT 0;
CREATE INDEX ix_stg_incoming_sales_targets_token ON stg.incoming_sales_targets (apply_token);

CREATE TABLE stg.affected (
    apply_token varchar(36) NOT NULL,
    target      varchar(30) NOT NULL,
    key_value   bigint      NOT NULL
);
CREATE INDEX ix_stg_affected ON stg.affected (apply_token, target, key_value);

CREATE TABLE stg.scd_change (
    apply_token varchar(36)  NOT NULL,
    dimension   varchar(30)  NOT NULL,
    natural_key bigint       NOT NULL,
    valido_de   datetime2(3) NOT NULL
);
CREATE INDEX ix_stg_scd_change ON stg.scd_change (apply_token, dimension, natural_key);

CREATE TABLE ctl.apply_lock (
    lock_name varchar(30)  NOT NULL,
    taken_at  datetime2(3),
    CONSTRAINT pk_apply_lock PRIMARY KEY (lock_name)
);
INSERT INTO ctl.apply_lock (lock_name) VALUES ('derive');

CREATE INDEX ix_applied_batch_replay ON ctl.applied_batch (replay);

-- The loader's work tables. A batch being applied writes its rows to stg.incoming_<entity> under an
-- apply token, marks which of them change the mirror, and collects in stg.affected and
-- stg.scd_change the fact and dimension keys to re-derive. The applying transaction inserts and
-- deletes its own rows, so they are never visible to another transaction and never outlive it; the
-- tables are UNLOGGED because nothing in them must survive a crash.

CREATE UNLOGGED TABLE stg.incoming_regions (LIKE stg.regions INCLUDING DEFAULTS);
ALTER TABLE stg.incoming_regions
    DROP COLUMN loaded_at,
    ADD COLUMN apply_token varchar(36) NOT NULL,
    ADD COLUMN applies boolean NOT NULL DEFAULT false;
CREATE INDEX ix_stg_incoming_regions_token ON stg.incoming_regions (apply_token);

CREATE UNLOGGED TABLE stg.incoming_teams (LIKE stg.teams INCLUDING DEFAULTS);
ALTER TABLE stg.incoming_teams
    DROP COLUMN loaded_at,
    ADD COLUMN apply_token varchar(36) NOT NULL,
    ADD COLUMN applies boolean NOT NULL DEFAULT false;
CREATE INDEX ix_stg_incoming_teams_token ON stg.incoming_teams (apply_token);

CREATE UNLOGGED TABLE stg.incoming_sellers (LIKE stg.sellers INCLUDING DEFAULTS);
ALTER TABLE stg.incoming_sellers
    DROP COLUMN loaded_at,
    ADD COLUMN apply_token varchar(36) NOT NULL,
    ADD COLUMN applies boolean NOT NULL DEFAULT false;
CREATE INDEX ix_stg_incoming_sellers_token ON stg.incoming_sellers (apply_token);

CREATE UNLOGGED TABLE stg.incoming_customers (LIKE stg.customers INCLUDING DEFAULTS);
ALTER TABLE stg.incoming_customers
    DROP COLUMN loaded_at,
    ADD COLUMN apply_token varchar(36) NOT NULL,
    ADD COLUMN applies boolean NOT NULL DEFAULT false;
CREATE INDEX ix_stg_incoming_customers_token ON stg.incoming_customers (apply_token);

CREATE UNLOGGED TABLE stg.incoming_categories (LIKE stg.categories INCLUDING DEFAULTS);
ALTER TABLE stg.incoming_categories
    DROP COLUMN loaded_at,
    ADD COLUMN apply_token varchar(36) NOT NULL,
    ADD COLUMN applies boolean NOT NULL DEFAULT false;
CREATE INDEX ix_stg_incoming_categories_token ON stg.incoming_categories (apply_token);

CREATE UNLOGGED TABLE stg.incoming_products (LIKE stg.products INCLUDING DEFAULTS);
ALTER TABLE stg.incoming_products
    DROP COLUMN loaded_at,
    ADD COLUMN apply_token varchar(36) NOT NULL,
    ADD COLUMN applies boolean NOT NULL DEFAULT false;
CREATE INDEX ix_stg_incoming_products_token ON stg.incoming_products (apply_token);

CREATE UNLOGGED TABLE stg.incoming_discounts (LIKE stg.discounts INCLUDING DEFAULTS);
ALTER TABLE stg.incoming_discounts
    DROP COLUMN loaded_at,
    ADD COLUMN apply_token varchar(36) NOT NULL,
    ADD COLUMN applies boolean NOT NULL DEFAULT false;
CREATE INDEX ix_stg_incoming_discounts_token ON stg.incoming_discounts (apply_token);

CREATE UNLOGGED TABLE stg.incoming_orders (LIKE stg.orders INCLUDING DEFAULTS);
ALTER TABLE stg.incoming_orders
    DROP COLUMN loaded_at,
    ADD COLUMN apply_token varchar(36) NOT NULL,
    ADD COLUMN applies boolean NOT NULL DEFAULT false;
CREATE INDEX ix_stg_incoming_orders_token ON stg.incoming_orders (apply_token);

CREATE UNLOGGED TABLE stg.incoming_order_items (LIKE stg.order_items INCLUDING DEFAULTS);
ALTER TABLE stg.incoming_order_items
    DROP COLUMN loaded_at,
    ADD COLUMN apply_token varchar(36) NOT NULL,
    ADD COLUMN applies boolean NOT NULL DEFAULT false;
CREATE INDEX ix_stg_incoming_order_items_token ON stg.incoming_order_items (apply_token);

CREATE UNLOGGED TABLE stg.incoming_returns (LIKE stg.returns INCLUDING DEFAULTS);
ALTER TABLE stg.incoming_returns
    DROP COLUMN loaded_at,
    ADD COLUMN apply_token varchar(36) NOT NULL,
    ADD COLUMN applies boolean NOT NULL DEFAULT false;
CREATE INDEX ix_stg_incoming_returns_token ON stg.incoming_returns (apply_token);

CREATE UNLOGGED TABLE stg.incoming_sales_targets (LIKE stg.sales_targets INCLUDING DEFAULTS);
ALTER TABLE stg.incoming_sales_targets
    DROP COLUMN loaded_at,
    ADD COLUMN apply_token varchar(36) NOT NULL,
    ADD COLUMN applies boolean NOT NULL DEFAULT false;
CREATE INDEX ix_stg_incoming_sales_targets_token ON stg.incoming_sales_targets (apply_token);

CREATE UNLOGGED TABLE stg.affected (
    apply_token varchar(36) NOT NULL,
    target      varchar(30) NOT NULL,
    key_value   bigint      NOT NULL
);
CREATE INDEX ix_stg_affected ON stg.affected (apply_token, target, key_value);

CREATE UNLOGGED TABLE stg.scd_change (
    apply_token varchar(36)  NOT NULL,
    dimension   varchar(30)  NOT NULL,
    natural_key bigint       NOT NULL,
    valido_de   timestamp(3) NOT NULL
);
CREATE INDEX ix_stg_scd_change ON stg.scd_change (apply_token, dimension, natural_key);

CREATE TABLE ctl.apply_lock (
    lock_name varchar(30)  NOT NULL,
    taken_at  timestamp(3),
    CONSTRAINT pk_apply_lock PRIMARY KEY (lock_name)
);
INSERT INTO ctl.apply_lock (lock_name) VALUES ('derive');

CREATE INDEX ix_applied_batch_replay ON ctl.applied_batch (replay);

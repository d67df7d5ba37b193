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
COMMENT ON TABLE stg.incoming_regions IS 'Loader work table: rows of the regions batch being applied, under its apply token; empty outside a loader transaction.';

CREATE UNLOGGED TABLE stg.incoming_teams (LIKE stg.teams INCLUDING DEFAULTS);
ALTER TABLE stg.incoming_teams
    DROP COLUMN loaded_at,
    ADD COLUMN apply_token varchar(36) NOT NULL,
    ADD COLUMN applies boolean NOT NULL DEFAULT false;
CREATE INDEX ix_stg_incoming_teams_token ON stg.incoming_teams (apply_token);
COMMENT ON TABLE stg.incoming_teams IS 'Loader work table: rows of the teams batch being applied, under its apply token; empty outside a loader transaction.';

CREATE UNLOGGED TABLE stg.incoming_sellers (LIKE stg.sellers INCLUDING DEFAULTS);
ALTER TABLE stg.incoming_sellers
    DROP COLUMN loaded_at,
    ADD COLUMN apply_token varchar(36) NOT NULL,
    ADD COLUMN applies boolean NOT NULL DEFAULT false;
CREATE INDEX ix_stg_incoming_sellers_token ON stg.incoming_sellers (apply_token);
COMMENT ON TABLE stg.incoming_sellers IS 'Loader work table: rows of the sellers batch being applied, under its apply token; empty outside a loader transaction.';

CREATE UNLOGGED TABLE stg.incoming_customers (LIKE stg.customers INCLUDING DEFAULTS);
ALTER TABLE stg.incoming_customers
    DROP COLUMN loaded_at,
    ADD COLUMN apply_token varchar(36) NOT NULL,
    ADD COLUMN applies boolean NOT NULL DEFAULT false;
CREATE INDEX ix_stg_incoming_customers_token ON stg.incoming_customers (apply_token);
COMMENT ON TABLE stg.incoming_customers IS 'Loader work table: rows of the customers batch being applied, under its apply token; empty outside a loader transaction.';

CREATE UNLOGGED TABLE stg.incoming_categories (LIKE stg.categories INCLUDING DEFAULTS);
ALTER TABLE stg.incoming_categories
    DROP COLUMN loaded_at,
    ADD COLUMN apply_token varchar(36) NOT NULL,
    ADD COLUMN applies boolean NOT NULL DEFAULT false;
CREATE INDEX ix_stg_incoming_categories_token ON stg.incoming_categories (apply_token);
COMMENT ON TABLE stg.incoming_categories IS 'Loader work table: rows of the categories batch being applied, under its apply token; empty outside a loader transaction.';

CREATE UNLOGGED TABLE stg.incoming_products (LIKE stg.products INCLUDING DEFAULTS);
ALTER TABLE stg.incoming_products
    DROP COLUMN loaded_at,
    ADD COLUMN apply_token varchar(36) NOT NULL,
    ADD COLUMN applies boolean NOT NULL DEFAULT false;
CREATE INDEX ix_stg_incoming_products_token ON stg.incoming_products (apply_token);
COMMENT ON TABLE stg.incoming_products IS 'Loader work table: rows of the products batch being applied, under its apply token; empty outside a loader transaction.';

CREATE UNLOGGED TABLE stg.incoming_discounts (LIKE stg.discounts INCLUDING DEFAULTS);
ALTER TABLE stg.incoming_discounts
    DROP COLUMN loaded_at,
    ADD COLUMN apply_token varchar(36) NOT NULL,
    ADD COLUMN applies boolean NOT NULL DEFAULT false;
CREATE INDEX ix_stg_incoming_discounts_token ON stg.incoming_discounts (apply_token);
COMMENT ON TABLE stg.incoming_discounts IS 'Loader work table: rows of the discounts batch being applied, under its apply token; empty outside a loader transaction.';

CREATE UNLOGGED TABLE stg.incoming_orders (LIKE stg.orders INCLUDING DEFAULTS);
ALTER TABLE stg.incoming_orders
    DROP COLUMN loaded_at,
    ADD COLUMN apply_token varchar(36) NOT NULL,
    ADD COLUMN applies boolean NOT NULL DEFAULT false;
CREATE INDEX ix_stg_incoming_orders_token ON stg.incoming_orders (apply_token);
COMMENT ON TABLE stg.incoming_orders IS 'Loader work table: rows of the orders batch being applied, under its apply token; empty outside a loader transaction.';

CREATE UNLOGGED TABLE stg.incoming_order_items (LIKE stg.order_items INCLUDING DEFAULTS);
ALTER TABLE stg.incoming_order_items
    DROP COLUMN loaded_at,
    ADD COLUMN apply_token varchar(36) NOT NULL,
    ADD COLUMN applies boolean NOT NULL DEFAULT false;
CREATE INDEX ix_stg_incoming_order_items_token ON stg.incoming_order_items (apply_token);
COMMENT ON TABLE stg.incoming_order_items IS 'Loader work table: rows of the order_items batch being applied, under its apply token; empty outside a loader transaction.';

CREATE UNLOGGED TABLE stg.incoming_returns (LIKE stg.returns INCLUDING DEFAULTS);
ALTER TABLE stg.incoming_returns
    DROP COLUMN loaded_at,
    ADD COLUMN apply_token varchar(36) NOT NULL,
    ADD COLUMN applies boolean NOT NULL DEFAULT false;
CREATE INDEX ix_stg_incoming_returns_token ON stg.incoming_returns (apply_token);
COMMENT ON TABLE stg.incoming_returns IS 'Loader work table: rows of the returns batch being applied, under its apply token; empty outside a loader transaction.';

CREATE UNLOGGED TABLE stg.incoming_sales_targets (LIKE stg.sales_targets INCLUDING DEFAULTS);
ALTER TABLE stg.incoming_sales_targets
    DROP COLUMN loaded_at,
    ADD COLUMN apply_token varchar(36) NOT NULL,
    ADD COLUMN applies boolean NOT NULL DEFAULT false;
CREATE INDEX ix_stg_incoming_sales_targets_token ON stg.incoming_sales_targets (apply_token);
COMMENT ON TABLE stg.incoming_sales_targets IS 'Loader work table: rows of the sales_targets batch being applied, under its apply token; empty outside a loader transaction.';

-- The columns copied from the mirror keep the mirror's descriptions.
DO $$
DECLARE
    c record;
BEGIN
    FOR c IN
        SELECT cols.table_name, cols.column_name,
               col_description(format('stg.%I', substring(cols.table_name FROM 10))::regclass, mirror.ordinal_position) AS description
        FROM information_schema.columns cols
        JOIN information_schema.columns mirror
          ON mirror.table_schema = 'stg' AND mirror.table_name = substring(cols.table_name FROM 10)
         AND mirror.column_name = cols.column_name
        WHERE cols.table_schema = 'stg' AND cols.table_name LIKE 'incoming\_%'
    LOOP
        EXECUTE format('COMMENT ON COLUMN stg.%I.%I IS %L', c.table_name, c.column_name, c.description);
    END LOOP;
    FOR c IN
        SELECT table_name FROM information_schema.tables WHERE table_schema = 'stg' AND table_name LIKE 'incoming\_%'
    LOOP
        EXECUTE format('COMMENT ON COLUMN stg.%I.apply_token IS %L', c.table_name,
                       'Identifies the applying transaction that wrote the row.');
        EXECUTE format('COMMENT ON COLUMN stg.%I.applies IS %L', c.table_name,
                       'True when the row is newer than the mirror''s version of its key and so changes the mirror.');
    END LOOP;
END
$$;

CREATE UNLOGGED TABLE stg.affected (
    apply_token varchar(36) NOT NULL,
    target      varchar(30) NOT NULL,
    key_value   bigint      NOT NULL
);
CREATE INDEX ix_stg_affected ON stg.affected (apply_token, target, key_value);
COMMENT ON TABLE stg.affected IS 'Loader work table: fact keys a batch being applied must re-derive; empty outside a loader transaction.';
COMMENT ON COLUMN stg.affected.apply_token IS 'Identifies the applying transaction that wrote the row.';
COMMENT ON COLUMN stg.affected.target IS 'The fact table to re-derive: fact_vendas, fact_descontos or fact_metas.';
COMMENT ON COLUMN stg.affected.key_value IS 'The fact''s key: order_item_id, pedido_id or sales_target_id.';

CREATE UNLOGGED TABLE stg.scd_change (
    apply_token varchar(36)  NOT NULL,
    dimension   varchar(30)  NOT NULL,
    natural_key bigint       NOT NULL,
    valido_de   timestamp(3) NOT NULL
);
CREATE INDEX ix_stg_scd_change ON stg.scd_change (apply_token, dimension, natural_key);
COMMENT ON TABLE stg.scd_change IS 'Loader work table: SCD2 members that get a new version in the batch being applied; empty outside a loader transaction.';
COMMENT ON COLUMN stg.scd_change.apply_token IS 'Identifies the applying transaction that wrote the row.';
COMMENT ON COLUMN stg.scd_change.dimension IS 'The SCD2 dimension: dim_vendedor, dim_cliente or dim_produto.';
COMMENT ON COLUMN stg.scd_change.natural_key IS 'The member''s natural key.';
COMMENT ON COLUMN stg.scd_change.valido_de IS 'Start of the new version (the source change time, after the current version''s start).';

CREATE TABLE ctl.apply_lock (
    lock_name varchar(30)  NOT NULL,
    taken_at  timestamp(3),
    CONSTRAINT pk_apply_lock PRIMARY KEY (lock_name)
);
INSERT INTO ctl.apply_lock (lock_name) VALUES ('derive');
COMMENT ON TABLE ctl.apply_lock IS 'Row locks that serialise the loader''s derive step across loaders: a transaction that updates the derive row re-derives dimensions and facts alone, and sees every batch committed before it.';
COMMENT ON COLUMN ctl.apply_lock.lock_name IS 'The lock: derive.';
COMMENT ON COLUMN ctl.apply_lock.taken_at IS 'When a loader last took the lock (UTC).';

CREATE INDEX ix_applied_batch_replay ON ctl.applied_batch (replay);

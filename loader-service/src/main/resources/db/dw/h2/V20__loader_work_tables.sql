-- The loader's work tables (see db/dw/postgresql/V20__loader_work_tables.sql, the reference). A
-- batch being applied writes its rows to stg.incoming_<entity> under an apply token, marks which of
-- them change the mirror, and collects in stg.affected and stg.scd_change the fact and dimension keys
-- to re-derive; the applying transaction deletes its own rows before it commits.

CREATE TABLE stg.incoming_regions AS SELECT * FROM stg.regions WITH NO DATA;
ALTER TABLE stg.incoming_regions DROP COLUMN loaded_at;
ALTER TABLE stg.incoming_regions ADD COLUMN apply_token VARCHAR(36) NOT NULL;
ALTER TABLE stg.incoming_regions ADD COLUMN applies BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX ix_stg_incoming_regions_token ON stg.incoming_regions (apply_token);
COMMENT ON TABLE stg.incoming_regions IS 'Loader work table: rows of the regions batch being applied, under its apply token; empty outside a loader transaction.';
COMMENT ON COLUMN stg.incoming_regions.region_id IS 'As stg.regions.region_id.';
COMMENT ON COLUMN stg.incoming_regions.name IS 'As stg.regions.name.';
COMMENT ON COLUMN stg.incoming_regions.state IS 'As stg.regions.state.';
COMMENT ON COLUMN stg.incoming_regions.country IS 'As stg.regions.country.';
COMMENT ON COLUMN stg.incoming_regions.created_at IS 'As stg.regions.created_at.';
COMMENT ON COLUMN stg.incoming_regions.updated_at IS 'As stg.regions.updated_at.';
COMMENT ON COLUMN stg.incoming_regions.deleted_at IS 'As stg.regions.deleted_at.';
COMMENT ON COLUMN stg.incoming_regions.source_version IS 'As stg.regions.source_version.';
COMMENT ON COLUMN stg.incoming_regions.source_deleted IS 'As stg.regions.source_deleted.';
COMMENT ON COLUMN stg.incoming_regions.apply_token IS 'Identifies the applying transaction that wrote the row.';
COMMENT ON COLUMN stg.incoming_regions.applies IS 'True when the row is newer than the mirror''s version of its key and so changes the mirror.';

CREATE TABLE stg.incoming_teams AS SELECT * FROM stg.teams WITH NO DATA;
ALTER TABLE stg.incoming_teams DROP COLUMN loaded_at;
ALTER TABLE stg.incoming_teams ADD COLUMN apply_token VARCHAR(36) NOT NULL;
ALTER TABLE stg.incoming_teams ADD COLUMN applies BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX ix_stg_incoming_teams_token ON stg.incoming_teams (apply_token);
COMMENT ON TABLE stg.incoming_teams IS 'Loader work table: rows of the teams batch being applied, under its apply token; empty outside a loader transaction.';
COMMENT ON COLUMN stg.incoming_teams.team_id IS 'As stg.teams.team_id.';
COMMENT ON COLUMN stg.incoming_teams.name IS 'As stg.teams.name.';
COMMENT ON COLUMN stg.incoming_teams.region_id IS 'As stg.teams.region_id.';
COMMENT ON COLUMN stg.incoming_teams.manager_name IS 'As stg.teams.manager_name.';
COMMENT ON COLUMN stg.incoming_teams.created_at IS 'As stg.teams.created_at.';
COMMENT ON COLUMN stg.incoming_teams.updated_at IS 'As stg.teams.updated_at.';
COMMENT ON COLUMN stg.incoming_teams.deleted_at IS 'As stg.teams.deleted_at.';
COMMENT ON COLUMN stg.incoming_teams.source_version IS 'As stg.teams.source_version.';
COMMENT ON COLUMN stg.incoming_teams.source_deleted IS 'As stg.teams.source_deleted.';
COMMENT ON COLUMN stg.incoming_teams.apply_token IS 'Identifies the applying transaction that wrote the row.';
COMMENT ON COLUMN stg.incoming_teams.applies IS 'True when the row is newer than the mirror''s version of its key and so changes the mirror.';

CREATE TABLE stg.incoming_sellers AS SELECT * FROM stg.sellers WITH NO DATA;
ALTER TABLE stg.incoming_sellers DROP COLUMN loaded_at;
ALTER TABLE stg.incoming_sellers ADD COLUMN apply_token VARCHAR(36) NOT NULL;
ALTER TABLE stg.incoming_sellers ADD COLUMN applies BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX ix_stg_incoming_sellers_token ON stg.incoming_sellers (apply_token);
COMMENT ON TABLE stg.incoming_sellers IS 'Loader work table: rows of the sellers batch being applied, under its apply token; empty outside a loader transaction.';
COMMENT ON COLUMN stg.incoming_sellers.seller_id IS 'As stg.sellers.seller_id.';
COMMENT ON COLUMN stg.incoming_sellers.name IS 'As stg.sellers.name.';
COMMENT ON COLUMN stg.incoming_sellers.email IS 'As stg.sellers.email.';
COMMENT ON COLUMN stg.incoming_sellers.team_id IS 'As stg.sellers.team_id.';
COMMENT ON COLUMN stg.incoming_sellers.is_active IS 'As stg.sellers.is_active.';
COMMENT ON COLUMN stg.incoming_sellers.created_at IS 'As stg.sellers.created_at.';
COMMENT ON COLUMN stg.incoming_sellers.updated_at IS 'As stg.sellers.updated_at.';
COMMENT ON COLUMN stg.incoming_sellers.deleted_at IS 'As stg.sellers.deleted_at.';
COMMENT ON COLUMN stg.incoming_sellers.source_version IS 'As stg.sellers.source_version.';
COMMENT ON COLUMN stg.incoming_sellers.source_deleted IS 'As stg.sellers.source_deleted.';
COMMENT ON COLUMN stg.incoming_sellers.apply_token IS 'Identifies the applying transaction that wrote the row.';
COMMENT ON COLUMN stg.incoming_sellers.applies IS 'True when the row is newer than the mirror''s version of its key and so changes the mirror.';

CREATE TABLE stg.incoming_customers AS SELECT * FROM stg.customers WITH NO DATA;
ALTER TABLE stg.incoming_customers DROP COLUMN loaded_at;
ALTER TABLE stg.incoming_customers ADD COLUMN apply_token VARCHAR(36) NOT NULL;
ALTER TABLE stg.incoming_customers ADD COLUMN applies BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX ix_stg_incoming_customers_token ON stg.incoming_customers (apply_token);
COMMENT ON TABLE stg.incoming_customers IS 'Loader work table: rows of the customers batch being applied, under its apply token; empty outside a loader transaction.';
COMMENT ON COLUMN stg.incoming_customers.customer_id IS 'As stg.customers.customer_id.';
COMMENT ON COLUMN stg.incoming_customers.name IS 'As stg.customers.name.';
COMMENT ON COLUMN stg.incoming_customers.email IS 'As stg.customers.email.';
COMMENT ON COLUMN stg.incoming_customers.customer_type IS 'As stg.customers.customer_type.';
COMMENT ON COLUMN stg.incoming_customers.city IS 'As stg.customers.city.';
COMMENT ON COLUMN stg.incoming_customers.state IS 'As stg.customers.state.';
COMMENT ON COLUMN stg.incoming_customers.region_id IS 'As stg.customers.region_id.';
COMMENT ON COLUMN stg.incoming_customers.segment IS 'As stg.customers.segment.';
COMMENT ON COLUMN stg.incoming_customers.created_at IS 'As stg.customers.created_at.';
COMMENT ON COLUMN stg.incoming_customers.updated_at IS 'As stg.customers.updated_at.';
COMMENT ON COLUMN stg.incoming_customers.deleted_at IS 'As stg.customers.deleted_at.';
COMMENT ON COLUMN stg.incoming_customers.source_version IS 'As stg.customers.source_version.';
COMMENT ON COLUMN stg.incoming_customers.source_deleted IS 'As stg.customers.source_deleted.';
COMMENT ON COLUMN stg.incoming_customers.apply_token IS 'Identifies the applying transaction that wrote the row.';
COMMENT ON COLUMN stg.incoming_customers.applies IS 'True when the row is newer than the mirror''s version of its key and so changes the mirror.';

CREATE TABLE stg.incoming_categories AS SELECT * FROM stg.categories WITH NO DATA;
ALTER TABLE stg.incoming_categories DROP COLUMN loaded_at;
ALTER TABLE stg.incoming_categories ADD COLUMN apply_token VARCHAR(36) NOT NULL;
ALTER TABLE stg.incoming_categories ADD COLUMN applies BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX ix_stg_incoming_categories_token ON stg.incoming_categories (apply_token);
COMMENT ON TABLE stg.incoming_categories IS 'Loader work table: rows of the categories batch being applied, under its apply token; empty outside a loader transaction.';
COMMENT ON COLUMN stg.incoming_categories.category_id IS 'As stg.categories.category_id.';
COMMENT ON COLUMN stg.incoming_categories.name IS 'As stg.categories.name.';
COMMENT ON COLUMN stg.incoming_categories.parent_id IS 'As stg.categories.parent_id.';
COMMENT ON COLUMN stg.incoming_categories.created_at IS 'As stg.categories.created_at.';
COMMENT ON COLUMN stg.incoming_categories.updated_at IS 'As stg.categories.updated_at.';
COMMENT ON COLUMN stg.incoming_categories.deleted_at IS 'As stg.categories.deleted_at.';
COMMENT ON COLUMN stg.incoming_categories.source_version IS 'As stg.categories.source_version.';
COMMENT ON COLUMN stg.incoming_categories.source_deleted IS 'As stg.categories.source_deleted.';
COMMENT ON COLUMN stg.incoming_categories.apply_token IS 'Identifies the applying transaction that wrote the row.';
COMMENT ON COLUMN stg.incoming_categories.applies IS 'True when the row is newer than the mirror''s version of its key and so changes the mirror.';

CREATE TABLE stg.incoming_products AS SELECT * FROM stg.products WITH NO DATA;
ALTER TABLE stg.incoming_products DROP COLUMN loaded_at;
ALTER TABLE stg.incoming_products ADD COLUMN apply_token VARCHAR(36) NOT NULL;
ALTER TABLE stg.incoming_products ADD COLUMN applies BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX ix_stg_incoming_products_token ON stg.incoming_products (apply_token);
COMMENT ON TABLE stg.incoming_products IS 'Loader work table: rows of the products batch being applied, under its apply token; empty outside a loader transaction.';
COMMENT ON COLUMN stg.incoming_products.product_id IS 'As stg.products.product_id.';
COMMENT ON COLUMN stg.incoming_products.sku IS 'As stg.products.sku.';
COMMENT ON COLUMN stg.incoming_products.name IS 'As stg.products.name.';
COMMENT ON COLUMN stg.incoming_products.category_id IS 'As stg.products.category_id.';
COMMENT ON COLUMN stg.incoming_products.brand IS 'As stg.products.brand.';
COMMENT ON COLUMN stg.incoming_products.list_price IS 'As stg.products.list_price.';
COMMENT ON COLUMN stg.incoming_products.unit_cost IS 'As stg.products.unit_cost.';
COMMENT ON COLUMN stg.incoming_products.created_at IS 'As stg.products.created_at.';
COMMENT ON COLUMN stg.incoming_products.updated_at IS 'As stg.products.updated_at.';
COMMENT ON COLUMN stg.incoming_products.deleted_at IS 'As stg.products.deleted_at.';
COMMENT ON COLUMN stg.incoming_products.source_version IS 'As stg.products.source_version.';
COMMENT ON COLUMN stg.incoming_products.source_deleted IS 'As stg.products.source_deleted.';
COMMENT ON COLUMN stg.incoming_products.apply_token IS 'Identifies the applying transaction that wrote the row.';
COMMENT ON COLUMN stg.incoming_products.applies IS 'True when the row is newer than the mirror''s version of its key and so changes the mirror.';

CREATE TABLE stg.incoming_discounts AS SELECT * FROM stg.discounts WITH NO DATA;
ALTER TABLE stg.incoming_discounts DROP COLUMN loaded_at;
ALTER TABLE stg.incoming_discounts ADD COLUMN apply_token VARCHAR(36) NOT NULL;
ALTER TABLE stg.incoming_discounts ADD COLUMN applies BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX ix_stg_incoming_discounts_token ON stg.incoming_discounts (apply_token);
COMMENT ON TABLE stg.incoming_discounts IS 'Loader work table: rows of the discounts batch being applied, under its apply token; empty outside a loader transaction.';
COMMENT ON COLUMN stg.incoming_discounts.discount_id IS 'As stg.discounts.discount_id.';
COMMENT ON COLUMN stg.incoming_discounts.code IS 'As stg.discounts.code.';
COMMENT ON COLUMN stg.incoming_discounts.discount_type IS 'As stg.discounts.discount_type.';
COMMENT ON COLUMN stg.incoming_discounts."value" IS 'As stg.discounts.value.';
COMMENT ON COLUMN stg.incoming_discounts.campaign IS 'As stg.discounts.campaign.';
COMMENT ON COLUMN stg.incoming_discounts.starts_at IS 'As stg.discounts.starts_at.';
COMMENT ON COLUMN stg.incoming_discounts.ends_at IS 'As stg.discounts.ends_at.';
COMMENT ON COLUMN stg.incoming_discounts.created_at IS 'As stg.discounts.created_at.';
COMMENT ON COLUMN stg.incoming_discounts.updated_at IS 'As stg.discounts.updated_at.';
COMMENT ON COLUMN stg.incoming_discounts.deleted_at IS 'As stg.discounts.deleted_at.';
COMMENT ON COLUMN stg.incoming_discounts.source_version IS 'As stg.discounts.source_version.';
COMMENT ON COLUMN stg.incoming_discounts.source_deleted IS 'As stg.discounts.source_deleted.';
COMMENT ON COLUMN stg.incoming_discounts.apply_token IS 'Identifies the applying transaction that wrote the row.';
COMMENT ON COLUMN stg.incoming_discounts.applies IS 'True when the row is newer than the mirror''s version of its key and so changes the mirror.';

CREATE TABLE stg.incoming_orders AS SELECT * FROM stg.orders WITH NO DATA;
ALTER TABLE stg.incoming_orders DROP COLUMN loaded_at;
ALTER TABLE stg.incoming_orders ADD COLUMN apply_token VARCHAR(36) NOT NULL;
ALTER TABLE stg.incoming_orders ADD COLUMN applies BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX ix_stg_incoming_orders_token ON stg.incoming_orders (apply_token);
COMMENT ON TABLE stg.incoming_orders IS 'Loader work table: rows of the orders batch being applied, under its apply token; empty outside a loader transaction.';
COMMENT ON COLUMN stg.incoming_orders.order_id IS 'As stg.orders.order_id.';
COMMENT ON COLUMN stg.incoming_orders.order_number IS 'As stg.orders.order_number.';
COMMENT ON COLUMN stg.incoming_orders.customer_id IS 'As stg.orders.customer_id.';
COMMENT ON COLUMN stg.incoming_orders.seller_id IS 'As stg.orders.seller_id.';
COMMENT ON COLUMN stg.incoming_orders.discount_id IS 'As stg.orders.discount_id.';
COMMENT ON COLUMN stg.incoming_orders.status IS 'As stg.orders.status.';
COMMENT ON COLUMN stg.incoming_orders.order_date IS 'As stg.orders.order_date.';
COMMENT ON COLUMN stg.incoming_orders.channel IS 'As stg.orders.channel.';
COMMENT ON COLUMN stg.incoming_orders.created_at IS 'As stg.orders.created_at.';
COMMENT ON COLUMN stg.incoming_orders.updated_at IS 'As stg.orders.updated_at.';
COMMENT ON COLUMN stg.incoming_orders.deleted_at IS 'As stg.orders.deleted_at.';
COMMENT ON COLUMN stg.incoming_orders.source_version IS 'As stg.orders.source_version.';
COMMENT ON COLUMN stg.incoming_orders.source_deleted IS 'As stg.orders.source_deleted.';
COMMENT ON COLUMN stg.incoming_orders.apply_token IS 'Identifies the applying transaction that wrote the row.';
COMMENT ON COLUMN stg.incoming_orders.applies IS 'True when the row is newer than the mirror''s version of its key and so changes the mirror.';

CREATE TABLE stg.incoming_order_items AS SELECT * FROM stg.order_items WITH NO DATA;
ALTER TABLE stg.incoming_order_items DROP COLUMN loaded_at;
ALTER TABLE stg.incoming_order_items ADD COLUMN apply_token VARCHAR(36) NOT NULL;
ALTER TABLE stg.incoming_order_items ADD COLUMN applies BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX ix_stg_incoming_order_items_token ON stg.incoming_order_items (apply_token);
COMMENT ON TABLE stg.incoming_order_items IS 'Loader work table: rows of the order_items batch being applied, under its apply token; empty outside a loader transaction.';
COMMENT ON COLUMN stg.incoming_order_items.order_item_id IS 'As stg.order_items.order_item_id.';
COMMENT ON COLUMN stg.incoming_order_items.order_id IS 'As stg.order_items.order_id.';
COMMENT ON COLUMN stg.incoming_order_items.product_id IS 'As stg.order_items.product_id.';
COMMENT ON COLUMN stg.incoming_order_items.quantity IS 'As stg.order_items.quantity.';
COMMENT ON COLUMN stg.incoming_order_items.unit_price IS 'As stg.order_items.unit_price.';
COMMENT ON COLUMN stg.incoming_order_items.unit_cost IS 'As stg.order_items.unit_cost.';
COMMENT ON COLUMN stg.incoming_order_items.discount_amount IS 'As stg.order_items.discount_amount.';
COMMENT ON COLUMN stg.incoming_order_items.created_at IS 'As stg.order_items.created_at.';
COMMENT ON COLUMN stg.incoming_order_items.updated_at IS 'As stg.order_items.updated_at.';
COMMENT ON COLUMN stg.incoming_order_items.deleted_at IS 'As stg.order_items.deleted_at.';
COMMENT ON COLUMN stg.incoming_order_items.source_version IS 'As stg.order_items.source_version.';
COMMENT ON COLUMN stg.incoming_order_items.source_deleted IS 'As stg.order_items.source_deleted.';
COMMENT ON COLUMN stg.incoming_order_items.apply_token IS 'Identifies the applying transaction that wrote the row.';
COMMENT ON COLUMN stg.incoming_order_items.applies IS 'True when the row is newer than the mirror''s version of its key and so changes the mirror.';

CREATE TABLE stg.incoming_returns AS SELECT * FROM stg.returns WITH NO DATA;
ALTER TABLE stg.incoming_returns DROP COLUMN loaded_at;
ALTER TABLE stg.incoming_returns ADD COLUMN apply_token VARCHAR(36) NOT NULL;
ALTER TABLE stg.incoming_returns ADD COLUMN applies BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX ix_stg_incoming_returns_token ON stg.incoming_returns (apply_token);
COMMENT ON TABLE stg.incoming_returns IS 'Loader work table: rows of the returns batch being applied, under its apply token; empty outside a loader transaction.';
COMMENT ON COLUMN stg.incoming_returns.return_id IS 'As stg.returns.return_id.';
COMMENT ON COLUMN stg.incoming_returns.order_item_id IS 'As stg.returns.order_item_id.';
COMMENT ON COLUMN stg.incoming_returns.quantity IS 'As stg.returns.quantity.';
COMMENT ON COLUMN stg.incoming_returns.refund_amount IS 'As stg.returns.refund_amount.';
COMMENT ON COLUMN stg.incoming_returns.status IS 'As stg.returns.status.';
COMMENT ON COLUMN stg.incoming_returns.created_at IS 'As stg.returns.created_at.';
COMMENT ON COLUMN stg.incoming_returns.updated_at IS 'As stg.returns.updated_at.';
COMMENT ON COLUMN stg.incoming_returns.deleted_at IS 'As stg.returns.deleted_at.';
COMMENT ON COLUMN stg.incoming_returns.source_version IS 'As stg.returns.source_version.';
COMMENT ON COLUMN stg.incoming_returns.source_deleted IS 'As stg.returns.source_deleted.';
COMMENT ON COLUMN stg.incoming_returns.apply_token IS 'Identifies the applying transaction that wrote the row.';
COMMENT ON COLUMN stg.incoming_returns.applies IS 'True when the row is newer than the mirror''s version of its key and so changes the mirror.';

CREATE TABLE stg.incoming_sales_targets AS SELECT * FROM stg.sales_targets WITH NO DATA;
ALTER TABLE stg.incoming_sales_targets DROP COLUMN loaded_at;
ALTER TABLE stg.incoming_sales_targets ADD COLUMN apply_token VARCHAR(36) NOT NULL;
ALTER TABLE stg.incoming_sales_targets ADD COLUMN applies BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX ix_stg_incoming_sales_targets_token ON stg.incoming_sales_targets (apply_token);
COMMENT ON TABLE stg.incoming_sales_targets IS 'Loader work table: rows of the sales_targets batch being applied, under its apply token; empty outside a loader transaction.';
COMMENT ON COLUMN stg.incoming_sales_targets.sales_target_id IS 'As stg.sales_targets.sales_target_id.';
COMMENT ON COLUMN stg.incoming_sales_targets.seller_id IS 'As stg.sales_targets.seller_id.';
COMMENT ON COLUMN stg.incoming_sales_targets."year" IS 'As stg.sales_targets.year.';
COMMENT ON COLUMN stg.incoming_sales_targets."month" IS 'As stg.sales_targets.month.';
COMMENT ON COLUMN stg.incoming_sales_targets.target_amount IS 'As stg.sales_targets.target_amount.';
COMMENT ON COLUMN stg.incoming_sales_targets.created_at IS 'As stg.sales_targets.created_at.';
COMMENT ON COLUMN stg.incoming_sales_targets.updated_at IS 'As stg.sales_targets.updated_at.';
COMMENT ON COLUMN stg.incoming_sales_targets.deleted_at IS 'As stg.sales_targets.deleted_at.';
COMMENT ON COLUMN stg.incoming_sales_targets.source_version IS 'As stg.sales_targets.source_version.';
COMMENT ON COLUMN stg.incoming_sales_targets.source_deleted IS 'As stg.sales_targets.source_deleted.';
COMMENT ON COLUMN stg.incoming_sales_targets.apply_token IS 'Identifies the applying transaction that wrote the row.';
COMMENT ON COLUMN stg.incoming_sales_targets.applies IS 'True when the row is newer than the mirror''s version of its key and so changes the mirror.';

CREATE TABLE stg.affected (
    apply_token VARCHAR(36) NOT NULL,
    target      VARCHAR(30) NOT NULL,
    key_value   BIGINT      NOT NULL
);
CREATE INDEX ix_stg_affected ON stg.affected (apply_token, target, key_value);
COMMENT ON TABLE stg.affected IS 'Loader work table: fact keys a batch being applied must re-derive; empty outside a loader transaction.';
COMMENT ON COLUMN stg.affected.apply_token IS 'Identifies the applying transaction that wrote the row.';
COMMENT ON COLUMN stg.affected.target IS 'The fact table to re-derive: fact_vendas, fact_descontos or fact_metas.';
COMMENT ON COLUMN stg.affected.key_value IS 'The fact''s key: order_item_id, pedido_id or sales_target_id.';

CREATE TABLE stg.scd_change (
    apply_token VARCHAR(36)  NOT NULL,
    dimension   VARCHAR(30)  NOT NULL,
    natural_key BIGINT       NOT NULL,
    valido_de   TIMESTAMP(3) NOT NULL
);
CREATE INDEX ix_stg_scd_change ON stg.scd_change (apply_token, dimension, natural_key);
COMMENT ON TABLE stg.scd_change IS 'Loader work table: SCD2 members that get a new version in the batch being applied; empty outside a loader transaction.';
COMMENT ON COLUMN stg.scd_change.apply_token IS 'Identifies the applying transaction that wrote the row.';
COMMENT ON COLUMN stg.scd_change.dimension IS 'The SCD2 dimension: dim_vendedor, dim_cliente or dim_produto.';
COMMENT ON COLUMN stg.scd_change.natural_key IS 'The member''s natural key.';
COMMENT ON COLUMN stg.scd_change.valido_de IS 'Start of the new version.';

CREATE TABLE ctl.apply_lock (
    lock_name VARCHAR(30)  NOT NULL,
    taken_at  TIMESTAMP(3),
    CONSTRAINT pk_apply_lock PRIMARY KEY (lock_name)
);
INSERT INTO ctl.apply_lock (lock_name) VALUES ('derive');
COMMENT ON TABLE ctl.apply_lock IS 'Row locks that serialise the loader''s derive step across loaders.';
COMMENT ON COLUMN ctl.apply_lock.lock_name IS 'The lock: derive.';
COMMENT ON COLUMN ctl.apply_lock.taken_at IS 'When a loader last took the lock (UTC).';

CREATE INDEX ix_applied_batch_replay ON ctl.applied_batch (replay);

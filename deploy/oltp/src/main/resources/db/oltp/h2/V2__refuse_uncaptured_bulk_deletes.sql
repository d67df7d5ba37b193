-- Refuses TRUNCATE of the captured tables (H2, quick start only; see db/oltp/sqlserver/V2, the same
-- guard). TRUNCATE fires no trigger, so the rows it removes would get no tombstone in core.deleted_rows
-- and the warehouse would keep them. H2 refuses TRUNCATE TABLE of a table that a foreign key
-- references: core.capture_guard has one nullable column per captured table (and core.deleted_rows,
-- whose unread tombstones are the only record of hard deletes), each a foreign key to its key, and no
-- row ever (stays_empty is NOT NULL and must be null). H2's own message names the foreign key, not the
-- fix: use DELETE, whose trigger records the tombstones (docs/runbook.md, "Bulk deletes on the OLTP").

CREATE TABLE core.capture_guard (
    region_id       bigint CONSTRAINT fk_capture_guard_regions REFERENCES core.regions (region_id),
    team_id         bigint CONSTRAINT fk_capture_guard_teams REFERENCES core.teams (team_id),
    seller_id       bigint CONSTRAINT fk_capture_guard_sellers REFERENCES core.sellers (seller_id),
    customer_id     bigint CONSTRAINT fk_capture_guard_customers REFERENCES core.customers (customer_id),
    category_id     bigint CONSTRAINT fk_capture_guard_categories REFERENCES core.categories (category_id),
    product_id      bigint CONSTRAINT fk_capture_guard_products REFERENCES core.products (product_id),
    discount_id     bigint CONSTRAINT fk_capture_guard_discounts REFERENCES core.discounts (discount_id),
    order_id        bigint CONSTRAINT fk_capture_guard_orders REFERENCES core.orders (order_id),
    order_item_id   bigint CONSTRAINT fk_capture_guard_order_items REFERENCES core.order_items (order_item_id),
    return_id       bigint CONSTRAINT fk_capture_guard_returns REFERENCES core.returns (return_id),
    sales_target_id bigint CONSTRAINT fk_capture_guard_sales_targets REFERENCES core.sales_targets (sales_target_id),
    deleted_row_id  bigint CONSTRAINT fk_capture_guard_deleted_rows REFERENCES core.deleted_rows (deleted_row_id),
    stays_empty     boolean NOT NULL CONSTRAINT ck_capture_guard_stays_empty CHECK (stays_empty IS NULL)
);
CREATE INDEX ix_capture_guard_region_id ON core.capture_guard (region_id);
CREATE INDEX ix_capture_guard_team_id ON core.capture_guard (team_id);
CREATE INDEX ix_capture_guard_seller_id ON core.capture_guard (seller_id);
CREATE INDEX ix_capture_guard_customer_id ON core.capture_guard (customer_id);
CREATE INDEX ix_capture_guard_category_id ON core.capture_guard (category_id);
CREATE INDEX ix_capture_guard_product_id ON core.capture_guard (product_id);
CREATE INDEX ix_capture_guard_discount_id ON core.capture_guard (discount_id);
CREATE INDEX ix_capture_guard_order_id ON core.capture_guard (order_id);
CREATE INDEX ix_capture_guard_order_item_id ON core.capture_guard (order_item_id);
CREATE INDEX ix_capture_guard_return_id ON core.capture_guard (return_id);
CREATE INDEX ix_capture_guard_sales_target_id ON core.capture_guard (sales_target_id);
CREATE INDEX ix_capture_guard_deleted_row_id ON core.capture_guard (deleted_row_id);

COMMENT ON TABLE core.capture_guard IS 'Always empty. Its foreign keys make H2 refuse TRUNCATE TABLE of every captured table: TRUNCATE writes no tombstones, so the warehouse would keep the removed rows. Use DELETE instead.';
COMMENT ON COLUMN core.capture_guard.region_id IS 'Always null: its foreign key to core.regions makes H2 refuse TRUNCATE TABLE core.regions.';
COMMENT ON COLUMN core.capture_guard.team_id IS 'Always null: its foreign key to core.teams makes H2 refuse TRUNCATE TABLE core.teams.';
COMMENT ON COLUMN core.capture_guard.seller_id IS 'Always null: its foreign key to core.sellers makes H2 refuse TRUNCATE TABLE core.sellers.';
COMMENT ON COLUMN core.capture_guard.customer_id IS 'Always null: its foreign key to core.customers makes H2 refuse TRUNCATE TABLE core.customers.';
COMMENT ON COLUMN core.capture_guard.category_id IS 'Always null: its foreign key to core.categories makes H2 refuse TRUNCATE TABLE core.categories.';
COMMENT ON COLUMN core.capture_guard.product_id IS 'Always null: its foreign key to core.products makes H2 refuse TRUNCATE TABLE core.products.';
COMMENT ON COLUMN core.capture_guard.discount_id IS 'Always null: its foreign key to core.discounts makes H2 refuse TRUNCATE TABLE core.discounts.';
COMMENT ON COLUMN core.capture_guard.order_id IS 'Always null: its foreign key to core.orders makes H2 refuse TRUNCATE TABLE core.orders.';
COMMENT ON COLUMN core.capture_guard.order_item_id IS 'Always null: its foreign key to core.order_items makes H2 refuse TRUNCATE TABLE core.order_items.';
COMMENT ON COLUMN core.capture_guard.return_id IS 'Always null: its foreign key to core.returns makes H2 refuse TRUNCATE TABLE core.returns.';
COMMENT ON COLUMN core.capture_guard.sales_target_id IS 'Always null: its foreign key to core.sales_targets makes H2 refuse TRUNCATE TABLE core.sales_targets.';
COMMENT ON COLUMN core.capture_guard.deleted_row_id IS 'Always null: its foreign key to core.deleted_rows makes H2 refuse TRUNCATE TABLE core.deleted_rows.';
COMMENT ON COLUMN core.capture_guard.stays_empty IS 'NOT NULL and checked to be null: no row can ever be inserted.';

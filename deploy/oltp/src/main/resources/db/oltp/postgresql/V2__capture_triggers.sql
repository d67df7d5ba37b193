-- Capture triggers of the OLTP reference schema core.* (PostgreSQL): what V1__core_schema.sql (common to
-- both vendors) cannot say in shared SQL. See docs/adr/0013-schema-written-once.md.
--
-- Change order: every write stamps row_version with the id of its transaction (xid8). A reader
-- that extracts only ids below pg_snapshot_xmin(pg_current_snapshot()) never skips a row of a
-- transaction that was still open when it read: all transactions below that horizon have ended.

-- Stamps the change order on every insert and update, and updated_at on every update.
CREATE FUNCTION core.stamp_row_version() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    NEW.row_version := pg_current_xact_id();
    IF TG_OP = 'UPDATE' THEN
        NEW.updated_at := now() AT TIME ZONE 'UTC';
    END IF;
    RETURN NEW;
END;
$$;

-- Writes a tombstone for a hard-deleted row. TG_ARGV[0] names the table's key column.
CREATE FUNCTION core.record_tombstone() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    INSERT INTO core.deleted_rows (table_name, row_key, row_version, deleted_at)
    VALUES (TG_TABLE_NAME, (to_jsonb(OLD) ->> TG_ARGV[0])::bigint, pg_current_xact_id(), now() AT TIME ZONE 'UTC');
    RETURN NULL;
END;
$$;

-- Wakes the extractor of the table once per statement: a hint to poll now, never a source of truth.
CREATE FUNCTION core.notify_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM pg_notify('esteira_' || TG_TABLE_NAME, '');
    RETURN NULL;
END;
$$;

-- The triggers of every captured table: change order and updated_at, tombstone, wake-up.
CREATE TRIGGER tr_regions_row_version BEFORE INSERT OR UPDATE ON core.regions
    FOR EACH ROW EXECUTE FUNCTION core.stamp_row_version();
CREATE TRIGGER tr_regions_tombstone AFTER DELETE ON core.regions
    FOR EACH ROW EXECUTE FUNCTION core.record_tombstone('region_id');
CREATE TRIGGER tr_regions_notify AFTER INSERT OR UPDATE OR DELETE ON core.regions
    FOR EACH STATEMENT EXECUTE FUNCTION core.notify_change();

CREATE TRIGGER tr_teams_row_version BEFORE INSERT OR UPDATE ON core.teams
    FOR EACH ROW EXECUTE FUNCTION core.stamp_row_version();
CREATE TRIGGER tr_teams_tombstone AFTER DELETE ON core.teams
    FOR EACH ROW EXECUTE FUNCTION core.record_tombstone('team_id');
CREATE TRIGGER tr_teams_notify AFTER INSERT OR UPDATE OR DELETE ON core.teams
    FOR EACH STATEMENT EXECUTE FUNCTION core.notify_change();

CREATE TRIGGER tr_sellers_row_version BEFORE INSERT OR UPDATE ON core.sellers
    FOR EACH ROW EXECUTE FUNCTION core.stamp_row_version();
CREATE TRIGGER tr_sellers_tombstone AFTER DELETE ON core.sellers
    FOR EACH ROW EXECUTE FUNCTION core.record_tombstone('seller_id');
CREATE TRIGGER tr_sellers_notify AFTER INSERT OR UPDATE OR DELETE ON core.sellers
    FOR EACH STATEMENT EXECUTE FUNCTION core.notify_change();

CREATE TRIGGER tr_customers_row_version BEFORE INSERT OR UPDATE ON core.customers
    FOR EACH ROW EXECUTE FUNCTION core.stamp_row_version();
CREATE TRIGGER tr_customers_tombstone AFTER DELETE ON core.customers
    FOR EACH ROW EXECUTE FUNCTION core.record_tombstone('customer_id');
CREATE TRIGGER tr_customers_notify AFTER INSERT OR UPDATE OR DELETE ON core.customers
    FOR EACH STATEMENT EXECUTE FUNCTION core.notify_change();

CREATE TRIGGER tr_categories_row_version BEFORE INSERT OR UPDATE ON core.categories
    FOR EACH ROW EXECUTE FUNCTION core.stamp_row_version();
CREATE TRIGGER tr_categories_tombstone AFTER DELETE ON core.categories
    FOR EACH ROW EXECUTE FUNCTION core.record_tombstone('category_id');
CREATE TRIGGER tr_categories_notify AFTER INSERT OR UPDATE OR DELETE ON core.categories
    FOR EACH STATEMENT EXECUTE FUNCTION core.notify_change();

CREATE TRIGGER tr_products_row_version BEFORE INSERT OR UPDATE ON core.products
    FOR EACH ROW EXECUTE FUNCTION core.stamp_row_version();
CREATE TRIGGER tr_products_tombstone AFTER DELETE ON core.products
    FOR EACH ROW EXECUTE FUNCTION core.record_tombstone('product_id');
CREATE TRIGGER tr_products_notify AFTER INSERT OR UPDATE OR DELETE ON core.products
    FOR EACH STATEMENT EXECUTE FUNCTION core.notify_change();

CREATE TRIGGER tr_discounts_row_version BEFORE INSERT OR UPDATE ON core.discounts
    FOR EACH ROW EXECUTE FUNCTION core.stamp_row_version();
CREATE TRIGGER tr_discounts_tombstone AFTER DELETE ON core.discounts
    FOR EACH ROW EXECUTE FUNCTION core.record_tombstone('discount_id');
CREATE TRIGGER tr_discounts_notify AFTER INSERT OR UPDATE OR DELETE ON core.discounts
    FOR EACH STATEMENT EXECUTE FUNCTION core.notify_change();

CREATE TRIGGER tr_orders_row_version BEFORE INSERT OR UPDATE ON core.orders
    FOR EACH ROW EXECUTE FUNCTION core.stamp_row_version();
CREATE TRIGGER tr_orders_tombstone AFTER DELETE ON core.orders
    FOR EACH ROW EXECUTE FUNCTION core.record_tombstone('order_id');
CREATE TRIGGER tr_orders_notify AFTER INSERT OR UPDATE OR DELETE ON core.orders
    FOR EACH STATEMENT EXECUTE FUNCTION core.notify_change();

CREATE TRIGGER tr_order_items_row_version BEFORE INSERT OR UPDATE ON core.order_items
    FOR EACH ROW EXECUTE FUNCTION core.stamp_row_version();
CREATE TRIGGER tr_order_items_tombstone AFTER DELETE ON core.order_items
    FOR EACH ROW EXECUTE FUNCTION core.record_tombstone('order_item_id');
CREATE TRIGGER tr_order_items_notify AFTER INSERT OR UPDATE OR DELETE ON core.order_items
    FOR EACH STATEMENT EXECUTE FUNCTION core.notify_change();

CREATE TRIGGER tr_returns_row_version BEFORE INSERT OR UPDATE ON core.returns
    FOR EACH ROW EXECUTE FUNCTION core.stamp_row_version();
CREATE TRIGGER tr_returns_tombstone AFTER DELETE ON core.returns
    FOR EACH ROW EXECUTE FUNCTION core.record_tombstone('return_id');
CREATE TRIGGER tr_returns_notify AFTER INSERT OR UPDATE OR DELETE ON core.returns
    FOR EACH STATEMENT EXECUTE FUNCTION core.notify_change();

CREATE TRIGGER tr_sales_targets_row_version BEFORE INSERT OR UPDATE ON core.sales_targets
    FOR EACH ROW EXECUTE FUNCTION core.stamp_row_version();
CREATE TRIGGER tr_sales_targets_tombstone AFTER DELETE ON core.sales_targets
    FOR EACH ROW EXECUTE FUNCTION core.record_tombstone('sales_target_id');
CREATE TRIGGER tr_sales_targets_notify AFTER INSERT OR UPDATE OR DELETE ON core.sales_targets
    FOR EACH STATEMENT EXECUTE FUNCTION core.notify_change();

-- Refuses TRUNCATE of the captured tables (PostgreSQL). TRUNCATE fires no row trigger, so the rows
-- it removes would get no tombstone in core.deleted_rows: the warehouse would keep them for ever and
-- nothing would say so. A statement-level BEFORE TRUNCATE trigger on every table with a row_version
-- refuses it and names what to do instead. It also fires for the tables a TRUNCATE … CASCADE reaches.
--
-- core.deleted_rows is refused too, although no trigger writes its own tombstones: until the extractor
-- has read them, its rows are the only record of the hard deletes, and a TRUNCATE cannot tell read from
-- unread. Purge old tombstones with a DELETE of those below every entity's watermark (docs/runbook.md).

CREATE FUNCTION core.refuse_truncate() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_TABLE_NAME = 'deleted_rows' THEN
        RAISE EXCEPTION 'TRUNCATE of %.% is refused: the tombstones the extractor has not read yet would be lost, and their deletes would never reach the warehouse; delete only the tombstones below every entity''s watermark (docs/runbook.md, "Bulk deletes on the OLTP").',
            TG_TABLE_SCHEMA, TG_TABLE_NAME
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    RAISE EXCEPTION 'TRUNCATE of %.% is refused: it writes no tombstones to core.deleted_rows, so the warehouse would keep the removed rows; use DELETE FROM %.%, whose trigger records them (docs/runbook.md, "Bulk deletes on the OLTP").',
        TG_TABLE_SCHEMA, TG_TABLE_NAME, TG_TABLE_SCHEMA, TG_TABLE_NAME
        USING ERRCODE = 'object_not_in_prerequisite_state';
END;
$$;
COMMENT ON FUNCTION core.refuse_truncate() IS 'BEFORE TRUNCATE trigger of the captured tables: refuses the TRUNCATE, whose removed rows would reach no tombstone.';

CREATE TRIGGER tr_regions_refuse_truncate BEFORE TRUNCATE ON core.regions
    FOR EACH STATEMENT EXECUTE FUNCTION core.refuse_truncate();
CREATE TRIGGER tr_teams_refuse_truncate BEFORE TRUNCATE ON core.teams
    FOR EACH STATEMENT EXECUTE FUNCTION core.refuse_truncate();
CREATE TRIGGER tr_sellers_refuse_truncate BEFORE TRUNCATE ON core.sellers
    FOR EACH STATEMENT EXECUTE FUNCTION core.refuse_truncate();
CREATE TRIGGER tr_customers_refuse_truncate BEFORE TRUNCATE ON core.customers
    FOR EACH STATEMENT EXECUTE FUNCTION core.refuse_truncate();
CREATE TRIGGER tr_categories_refuse_truncate BEFORE TRUNCATE ON core.categories
    FOR EACH STATEMENT EXECUTE FUNCTION core.refuse_truncate();
CREATE TRIGGER tr_products_refuse_truncate BEFORE TRUNCATE ON core.products
    FOR EACH STATEMENT EXECUTE FUNCTION core.refuse_truncate();
CREATE TRIGGER tr_discounts_refuse_truncate BEFORE TRUNCATE ON core.discounts
    FOR EACH STATEMENT EXECUTE FUNCTION core.refuse_truncate();
CREATE TRIGGER tr_orders_refuse_truncate BEFORE TRUNCATE ON core.orders
    FOR EACH STATEMENT EXECUTE FUNCTION core.refuse_truncate();
CREATE TRIGGER tr_order_items_refuse_truncate BEFORE TRUNCATE ON core.order_items
    FOR EACH STATEMENT EXECUTE FUNCTION core.refuse_truncate();
CREATE TRIGGER tr_returns_refuse_truncate BEFORE TRUNCATE ON core.returns
    FOR EACH STATEMENT EXECUTE FUNCTION core.refuse_truncate();
CREATE TRIGGER tr_sales_targets_refuse_truncate BEFORE TRUNCATE ON core.sales_targets
    FOR EACH STATEMENT EXECUTE FUNCTION core.refuse_truncate();
CREATE TRIGGER tr_deleted_rows_refuse_truncate BEFORE TRUNCATE ON core.deleted_rows
    FOR EACH STATEMENT EXECUTE FUNCTION core.refuse_truncate();

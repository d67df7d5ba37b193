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

-- The consistent point of a reconciliation, read from the warehouse: per entity whose rows the facts
-- are derived from, the newest source version the loader has landed in its DW mirror stg.<table> (the
-- applied version that freshness measures by too; 0 when nothing was landed). An OLTP change above
-- it is not in the warehouse yet.
SELECT COALESCE((SELECT MAX(source_version) FROM stg.orders), 0) AS orders_version,
       COALESCE((SELECT MAX(source_version) FROM stg.order_items), 0) AS order_items_version,
       COALESCE((SELECT MAX(source_version) FROM stg.returns), 0) AS returns_version,
       COALESCE((SELECT MAX(source_version) FROM stg.sales_targets), 0) AS sales_targets_version

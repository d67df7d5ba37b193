-- A vacuum no longer gives the derive queue's and the work tables' empty tail pages back to the file system
-- (PostgreSQL). To do that, VACUUM (the deriver's, Deriver#vacuumWhenDue, and autovacuum's) takes an ACCESS
-- EXCLUSIVE lock on the table, and these tables are never idle while changes flow: landers insert into the
-- queue, every derive pass claims from it and fills the work tables. So each vacuum either waited up to 5 s
-- for the lock it could not get (the server's fixed truncate-lock timeout: five of the thirteen vacuums of a
-- 1,000,000-item load took 5.1-5.2 s, two more 2.3-3.0 s) or got it, and then every lander's queue insert and the pass's claim
-- waited behind the vacuum until it saw them waiting (docs/performance.md). The pages those tables empty
-- are filled again by the next keys; keeping them costs nothing, giving them back costs the lock. The
-- vacuum still removes dead rows and index entries; only the truncation is off, for each table and for its
-- TOAST table: a landed batch's queue row holds its keys as one text value (V100), thousands of keys for a
-- batch of an initial load, stored out of line, so the queue's TOAST table churns as much as the queue.
-- SQL Server has no such step: its ghost cleanup frees emptied pages of these clustered tables by itself (V96).
-- A line starting with the placeholder sqlserver or postgresql runs on that vendor only (SchemaPlaceholders).
${postgresql}ALTER TABLE ctl.derive_queue SET (vacuum_truncate = false, toast.vacuum_truncate = false);
${postgresql}ALTER TABLE stg.derive_keys SET (vacuum_truncate = false, toast.vacuum_truncate = false);
${postgresql}ALTER TABLE stg.affected SET (vacuum_truncate = false, toast.vacuum_truncate = false);
${postgresql}ALTER TABLE stg.scd_change SET (vacuum_truncate = false, toast.vacuum_truncate = false);
${postgresql}ALTER TABLE stg.incoming_regions SET (vacuum_truncate = false, toast.vacuum_truncate = false);
${postgresql}ALTER TABLE stg.incoming_teams SET (vacuum_truncate = false, toast.vacuum_truncate = false);
${postgresql}ALTER TABLE stg.incoming_sellers SET (vacuum_truncate = false, toast.vacuum_truncate = false);
${postgresql}ALTER TABLE stg.incoming_customers SET (vacuum_truncate = false, toast.vacuum_truncate = false);
${postgresql}ALTER TABLE stg.incoming_categories SET (vacuum_truncate = false, toast.vacuum_truncate = false);
${postgresql}ALTER TABLE stg.incoming_products SET (vacuum_truncate = false, toast.vacuum_truncate = false);
${postgresql}ALTER TABLE stg.incoming_discounts SET (vacuum_truncate = false, toast.vacuum_truncate = false);
${postgresql}ALTER TABLE stg.incoming_orders SET (vacuum_truncate = false, toast.vacuum_truncate = false);
${postgresql}ALTER TABLE stg.incoming_order_items SET (vacuum_truncate = false, toast.vacuum_truncate = false);
${postgresql}ALTER TABLE stg.incoming_returns SET (vacuum_truncate = false, toast.vacuum_truncate = false);
${postgresql}ALTER TABLE stg.incoming_sales_targets SET (vacuum_truncate = false, toast.vacuum_truncate = false);

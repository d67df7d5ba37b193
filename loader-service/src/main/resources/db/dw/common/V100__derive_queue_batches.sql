-- On PostgreSQL a lander queues the keys its batch changed as one queue row (apply/postgresql/land.sql): keys,
-- their decimal text separated by commas, and key_count, their number. One row per key, the form SQL Server keeps (and PostgreSQL
-- for the keys queued one by one: apply/ansi/derive-retry-parked.sql, apply/postgresql/derive-split-batches.sql),
-- cost an initial load a heap row and two index entries per source row at landing, a lookup and a delete per
-- key at the claim, and the vacuums of what the claims left: ~35 s of the warehouse's statement time in a
-- 1,000,000-item load (docs/performance.md). A row holds either one key (key_value) or a batch's keys (keys),
-- never both. SQL Server gets the columns too, so that both vendors keep one schema and one description of it
-- (docs/adr/0013-schema-written-once.md), though its landers still queue one row per key; a list of keys as
-- text is what both can store and split (string_to_array, STRING_SPLIT). SQL Server alters no indexed column:
-- the (entity, key_value) index is dropped and made again around it.
-- A line starting with the placeholder sqlserver or postgresql runs on that vendor only; go ends a SQL Server
-- batch (SchemaPlaceholders).
${postgresql}ALTER TABLE ctl.derive_queue ALTER COLUMN key_value DROP NOT NULL;
${sqlserver}DROP INDEX ix_derive_queue_entity_key ON ctl.derive_queue;
${sqlserver}ALTER TABLE ctl.derive_queue ALTER COLUMN key_value bigint NULL;
${sqlserver}CREATE INDEX ix_derive_queue_entity_key ON ctl.derive_queue (entity, key_value);
${go}
ALTER TABLE ctl.derive_queue ADD keys ${text} NULL;
${go}
ALTER TABLE ctl.derive_queue ADD key_count integer NOT NULL DEFAULT 1;
${go}
${postgresql}ALTER TABLE ctl.derive_queue ADD CONSTRAINT ck_derive_queue_key_or_batch
${postgresql}    CHECK ((key_value IS NULL) <> (keys IS NULL) AND key_count >= 1);

-- The queue row of the batch that last changed each order and order item (PostgreSQL; null on SQL Server): a
-- derive pass claims, with the keys it takes, the batches that hold the orders of its items and the items of
-- its orders (apply/postgresql/derive-claim-related.sql), found through these instead of a lookup of every key
-- in the queue.
ALTER TABLE stg.orders ADD queue_id bigint NULL;
ALTER TABLE stg.order_items ADD queue_id bigint NULL;
${go}

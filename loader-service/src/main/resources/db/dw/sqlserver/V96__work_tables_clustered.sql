-- The loader's work tables get a clustered index (see db/dw/postgresql/V96__work_tables_clustered.sql).
-- They were heaps: stg.incoming_<entity>, stg.affected, stg.scd_change (V20) and stg.derive_keys (V60),
-- each with a nonclustered index on its apply token. Every batch and every derive pass writes its rows
-- there and DELETEs them by token before it commits, and a DELETE from a heap under row or page locks
-- leaves the pages it empties allocated to the heap (learn.microsoft.com, KB 913399): a work table kept
-- every page it ever needed, empty, for every scan to read and no other table to use. In a clustered
-- index ghost cleanup removes the deleted rows and deallocates the pages they leave empty, on a
-- READ_COMMITTED_SNAPSHOT warehouse too once no snapshot needs the rows (there a DELETE WITH (TABLOCK)
-- from a heap frees nothing, and it would make each batch wait for the others). Each token index
-- becomes the table's clustered index, with the same name and key (DROP_EXISTING turns a nonclustered
-- index into a clustered one): a token's rows lie together, and a seek on the token needs no lookup of
-- the row. The tables are empty outside a loader transaction, so the rebuild costs nothing.
-- A mirror entity's work table is created so by apply/sqlserver/raw-create.sql from now on; one created
-- before this version stays a heap until its index is rebuilt the same way (docs/runbook.md, Known gaps).
CREATE CLUSTERED INDEX ix_stg_incoming_regions_token ON stg.incoming_regions (apply_token) WITH (DROP_EXISTING = ON);
CREATE CLUSTERED INDEX ix_stg_incoming_teams_token ON stg.incoming_teams (apply_token) WITH (DROP_EXISTING = ON);
CREATE CLUSTERED INDEX ix_stg_incoming_sellers_token ON stg.incoming_sellers (apply_token) WITH (DROP_EXISTING = ON);
CREATE CLUSTERED INDEX ix_stg_incoming_customers_token ON stg.incoming_customers (apply_token) WITH (DROP_EXISTING = ON);
CREATE CLUSTERED INDEX ix_stg_incoming_categories_token ON stg.incoming_categories (apply_token) WITH (DROP_EXISTING = ON);
CREATE CLUSTERED INDEX ix_stg_incoming_products_token ON stg.incoming_products (apply_token) WITH (DROP_EXISTING = ON);
CREATE CLUSTERED INDEX ix_stg_incoming_discounts_token ON stg.incoming_discounts (apply_token) WITH (DROP_EXISTING = ON);
CREATE CLUSTERED INDEX ix_stg_incoming_orders_token ON stg.incoming_orders (apply_token) WITH (DROP_EXISTING = ON);
CREATE CLUSTERED INDEX ix_stg_incoming_order_items_token ON stg.incoming_order_items (apply_token) WITH (DROP_EXISTING = ON);
CREATE CLUSTERED INDEX ix_stg_incoming_returns_token ON stg.incoming_returns (apply_token) WITH (DROP_EXISTING = ON);
CREATE CLUSTERED INDEX ix_stg_incoming_sales_targets_token ON stg.incoming_sales_targets (apply_token) WITH (DROP_EXISTING = ON);
CREATE CLUSTERED INDEX ix_stg_affected ON stg.affected (apply_token, target, key_value) WITH (DROP_EXISTING = ON);
CREATE CLUSTERED INDEX ix_stg_scd_change ON stg.scd_change (apply_token, dimension, natural_key) WITH (DROP_EXISTING = ON);
CREATE CLUSTERED INDEX ix_stg_derive_keys ON stg.derive_keys (apply_token, entity, key_value) WITH (DROP_EXISTING = ON);

-- ==== statement 1 of 3 ====
-- The end of a large derive pass (BatchApplier.LARGE_PASS_KEYS) on SQL Server: as derive-cleanup.sql,
-- but the pass's own work tables are emptied with TRUNCATE TABLE, which deallocates their pages at once
-- and logs only those deallocations, where a DELETE logs every row of an initial load's pass and leaves
-- the rows to ghost cleanup (see apply/postgresql/derive-cleanup-large.sql). Only derive passes write
-- stg.affected, stg.scd_change and stg.derive_keys, one pass at a time (the derive lock): no other
-- token's rows are there. TRUNCATE TABLE is transactional here: it takes a schema-modification lock
-- held to the pass's commit, and a pass that fails rolls it back with the rest. It needs ALTER on the
-- tables (the loader's login is the DW's db_owner, docs/operations.md) and no foreign key may reference
-- them (none does). Unlike PostgreSQL, SQL Server lands batches in stg.incoming_<entity> too, so the
-- mirror rows the pass copied there are removed per entity by cleanup.sql, by token: a TRUNCATE would
-- wait for every lander of the entity in flight and stop the next ones until the pass commits.
TRUNCATE TABLE stg.affected;

-- ==== statement 2 of 3 ====
TRUNCATE TABLE stg.scd_change;

-- ==== statement 3 of 3 ====
TRUNCATE TABLE stg.derive_keys;

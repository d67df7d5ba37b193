-- The end of a large derive pass (BatchApplier.LARGE_PASS_KEYS): as derive-cleanup.sql, but the pass's
-- work tables are emptied with TRUNCATE rather than DELETE, which leaves two dead tuples per key for
-- autovacuum (an initial load left ~400,000 and 60–90 MB per work table, and a server without a tuned
-- autovacuum slowed down). , "stg"."incoming_regions", "stg"."incoming_teams", "stg"."incoming_sellers", "stg"."incoming_customers", "stg"."incoming_categories", "stg"."incoming_products", "stg"."incoming_discounts" lists the stg.incoming_<entity> tables the pass copied mirror
-- rows into (derive-fill.sql), each after a comma. Only derive passes write these tables, one pass at a
-- time (the derive lock), for batches land in temporary tables of their sessions on PostgreSQL
-- (StagingWriter.landingTable): no other token's rows are there, and TRUNCATE's exclusive lock, held to
-- the pass's commit, waits for nobody. A small pass keeps DELETE: a TRUNCATE costs a new file per table, too much per live pass.
TRUNCATE stg.affected, stg.scd_change, stg.derive_keys, "stg"."incoming_regions", "stg"."incoming_teams", "stg"."incoming_sellers", "stg"."incoming_customers", "stg"."incoming_categories", "stg"."incoming_products", "stg"."incoming_discounts"

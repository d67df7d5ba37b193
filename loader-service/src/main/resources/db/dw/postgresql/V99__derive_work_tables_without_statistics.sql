-- The derive queue and the derive passes' work tables are never analyzed by autovacuum: their statements are
-- written so that their plans follow from their shape, not from statistics (apply/postgresql/derive-claim.sql,
-- derive-claim-related.sql; BatchApplier.LARGE_PASS_KEYS), and statistics there cost without helping.
-- The queue churns through every changed key (a 1,000,000-item initial load queues and claims ~1.6 million):
-- autoanalyze, due after every 10 % of changes, sampled it again and again, the claimed keys' dead rows
-- included, ~1 s a time (10 times, 9.5 s of the warehouse's time in one load, while the one deriver waited
-- for the same CPU; docs/performance.md). The work tables are emptied by every pass; statistics taken in the
-- middle of one (a large pass's 45,000 keys) made the planner hash-join whole mirror tables where reaching
-- the mirror by key was cheaper, measured slower at every size an initial load's passes take.
-- Autovacuum still vacuums them (the deriver vacuums its queue too: Deriver#vacuumWhenDue); only its analyze is
-- turned off, by a threshold of changes no table reaches. An operator's ANALYZE still works.
ALTER TABLE ctl.derive_queue SET (autovacuum_analyze_threshold = 2147483647);
ALTER TABLE stg.derive_keys SET (autovacuum_analyze_threshold = 2147483647);
ALTER TABLE stg.affected SET (autovacuum_analyze_threshold = 2147483647);
ALTER TABLE stg.scd_change SET (autovacuum_analyze_threshold = 2147483647);
ALTER TABLE stg.incoming_regions SET (autovacuum_analyze_threshold = 2147483647);
ALTER TABLE stg.incoming_teams SET (autovacuum_analyze_threshold = 2147483647);
ALTER TABLE stg.incoming_sellers SET (autovacuum_analyze_threshold = 2147483647);
ALTER TABLE stg.incoming_customers SET (autovacuum_analyze_threshold = 2147483647);
ALTER TABLE stg.incoming_categories SET (autovacuum_analyze_threshold = 2147483647);
ALTER TABLE stg.incoming_products SET (autovacuum_analyze_threshold = 2147483647);
ALTER TABLE stg.incoming_discounts SET (autovacuum_analyze_threshold = 2147483647);
ALTER TABLE stg.incoming_orders SET (autovacuum_analyze_threshold = 2147483647);
ALTER TABLE stg.incoming_order_items SET (autovacuum_analyze_threshold = 2147483647);
ALTER TABLE stg.incoming_returns SET (autovacuum_analyze_threshold = 2147483647);
ALTER TABLE stg.incoming_sales_targets SET (autovacuum_analyze_threshold = 2147483647);

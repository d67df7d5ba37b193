-- A small derive pass (fewer keys than BatchApplier.LARGE_PASS_KEYS: every live pass) runs the rest of its
-- statements on the generic plans of their prepared statements. Left to choose, PostgreSQL planned the fact
-- statements again on every call (their generic plan's estimated cost, which cannot see the pass's token, stays
-- above the custom plans'): on the loaded warehouse, a pass of 50 items, the sales-fact statement took 1.6-1.7
-- ms to plan and 1.8-2.0 to run, against 0.03 and 1.3-1.6 on its generic plan, the same nested loops by key
-- (the work tables have no statistics, so every plan reaches the mirror and the dimensions by key); during a
-- freshness workload, planning was 2.9 s of the sales-fact statement's 6.7 s (docs/performance.md). A large
-- pass, whose planning is a sliver of its work, keeps the custom plans. SET LOCAL ends with the pass.
SET LOCAL plan_cache_mode = force_generic_plan

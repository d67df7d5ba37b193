-- Statistics of a large derive pass's work rows, taken once they are written (BatchApplier.LARGE_PASS_KEYS).
-- Without them the planner takes a pass of 20,000 keys for a handful and reaches every mirror row and
-- member by index, key by key (~25 µs a fact row); with them it hash-joins where that is cheaper (the
-- reference build's plan): docs/performance.md, "Derive passes". A small pass skips this and keeps the
-- by-key plans, which suit it. {table} is stg.derive_keys, stg.affected or a stg.incoming_<entity>.
ANALYZE {table}

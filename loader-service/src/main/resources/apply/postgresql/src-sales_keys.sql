-- The order items whose sales facts a pass re-derives (PostgreSQL), embedded as the sales_keys placeholder,
-- each once: those the pass's steps marked in stg.affected (items of its orders, of its returns, of its
-- members' new versions) and the pass's own order items, read in stg.derive_keys where the claim put them.
-- Until 2026-12-05 affected-order_items.sql copied those into stg.affected first: a row written and indexed
-- per claimed item, 5 µs a key (docs/performance.md). SQL Server keeps the copy (ansi/affected-*.sql).
SELECT a.key_value FROM stg.affected a WHERE a.apply_token = :token AND a.target = 'fact_vendas'
UNION
SELECT k.key_value FROM stg.derive_keys k WHERE k.apply_token = :token AND k.entity = 'order_items'

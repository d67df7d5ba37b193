-- The orders whose discount facts a pass re-derives (PostgreSQL), embedded as the discount_keys placeholder,
-- each once: those the pass's steps marked in stg.affected (orders of its items, of its members' new
-- versions) and the pass's own orders, read in stg.derive_keys where the claim put them (src-sales_keys.sql
-- says why they are not copied).
SELECT a.key_value FROM stg.affected a WHERE a.apply_token = :token AND a.target = 'fact_descontos'
UNION
SELECT k.key_value FROM stg.derive_keys k WHERE k.apply_token = :token AND k.entity = 'orders'

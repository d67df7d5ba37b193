-- The orders whose discount facts a pass held back (PostgreSQL), embedded as the discount_keys placeholder of
-- the pass's second run of inferred-members.sql and fact_descontos.sql (src-held_sales_keys.sql says why).
SELECT a.key_value FROM stg.affected a WHERE a.apply_token = :token AND a.target = 'held_descontos'

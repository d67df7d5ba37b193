-- The order items whose sales facts a pass held back (PostgreSQL), embedded as the sales_keys placeholder of
-- the pass's second run of inferred-members.sql and fact_vendas.sql: postgresql/fact_vendas.sql, run with its
-- members checked, records each item whose customer, product, seller, region, discount or calendar day is
-- not in its dimension yet, and writes the rest (BatchApplier.deriveFacts).
SELECT a.key_value FROM stg.affected a WHERE a.apply_token = :token AND a.target = 'held_vendas'

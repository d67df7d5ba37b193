-- The fact tables a derive pass has keys of (PostgreSQL): those its steps marked in stg.affected, and those
-- of its own order items and orders, which are not marked (src-sales_keys.sql, src-discount_keys.sql).
SELECT target FROM stg.affected WHERE apply_token = :token
UNION
SELECT CASE k.entity WHEN 'order_items' THEN 'fact_vendas' ELSE 'fact_descontos' END
FROM stg.derive_keys k
WHERE k.apply_token = :token AND k.entity IN ('order_items', 'orders')

-- ==== statement 1 of 4 ====
-- A new SCD2 version changes which surrogate key the facts dated on or after its start must point
-- at ("as was"): re-derive exactly those facts. A completed inferred member (dimension
-- '<dim>:completed', valid from the origin) re-derives all of its facts.
INSERT INTO stg.affected (apply_token, target, key_value)
SELECT :token, 'fact_vendas', i.order_item_id
FROM stg.scd_change c
JOIN stg.orders o ON (c.dimension IN ('dim_cliente', 'dim_cliente:completed') AND o.customer_id = c.natural_key)
                  OR (c.dimension IN ('dim_vendedor', 'dim_vendedor:completed') AND o.seller_id = c.natural_key)
JOIN stg.order_items i ON i.order_id = o.order_id
WHERE c.apply_token = :token AND o.order_date >= c.valido_de

-- ==== statement 2 of 4 ====
INSERT INTO stg.affected (apply_token, target, key_value)
SELECT :token, 'fact_vendas', i.order_item_id
FROM stg.scd_change c
JOIN stg.order_items i ON c.dimension IN ('dim_produto', 'dim_produto:completed') AND i.product_id = c.natural_key
JOIN stg.orders o ON o.order_id = i.order_id
WHERE c.apply_token = :token AND o.order_date >= c.valido_de

-- ==== statement 3 of 4 ====
-- The orders with a discount are found through the member's orders, the discount tested on each: written
-- as discount_id + 0, which no index answers, because PostgreSQL otherwise intersected each member's orders
-- with the index entries of every discounted order (a BitmapAnd over 21,571 entries per changed member at
-- 200,000 items: 3.2 s for one pass's statement, docs/performance.md).
INSERT INTO stg.affected (apply_token, target, key_value)
SELECT :token, 'fact_descontos', o.order_id
FROM stg.scd_change c
JOIN stg.orders o ON (c.dimension IN ('dim_cliente', 'dim_cliente:completed') AND o.customer_id = c.natural_key)
                  OR (c.dimension IN ('dim_vendedor', 'dim_vendedor:completed') AND o.seller_id = c.natural_key)
WHERE c.apply_token = :token AND o.order_date >= c.valido_de AND o.discount_id + 0 IS NOT NULL

-- ==== statement 4 of 4 ====
-- Monthly targets from the month of the new version on (year * 100 + month against yyyymm).
INSERT INTO stg.affected (apply_token, target, key_value)
SELECT :token, 'fact_metas', t.sales_target_id
FROM stg.scd_change c
JOIN stg.sales_targets t ON c.dimension IN ('dim_vendedor', 'dim_vendedor:completed') AND t.seller_id = c.natural_key
WHERE c.apply_token = :token
  AND t.year * 100 + t.month >= CAST(EXTRACT(YEAR FROM c.valido_de) * 10000 + EXTRACT(MONTH FROM c.valido_de) * 100 + EXTRACT(DAY FROM c.valido_de) AS INTEGER) / 100

-- ==== regions, regions replay, teams, teams replay, sellers, sellers replay, customers, customers replay, categories, categories replay, products, products replay, discounts, discounts replay, orders, orders replay, order_items, order_items replay, returns, returns replay, sales_targets, sales_targets replay: statement 1 of 2 ====
-- Re-derives the discount facts of the affected orders, writing only what changed (ansi/fact_descontos.sql
-- is the delete-and-insert form SQL Server keeps): one row per live order with a discount and a live
-- item, summing its live items. Facts of orders that no longer qualify leave; the rest are inserted, or
-- updated where a column differs; a fact derived again with nothing changed is not written
-- (postgresql/fact_vendas.sql says why). A fact whose customer, seller, discount or calendar day is not in
-- its dimension yet is held back, recorded (held_descontos) and counted while the check is on, as in
-- postgresql/fact_vendas.sql.
DELETE FROM fact.fact_descontos f
WHERE f.pedido_id IN (-- The orders whose discount facts a pass re-derives (PostgreSQL), embedded as the discount_keys placeholder,
-- each once: those the pass's steps marked in stg.affected (orders of its items, of its members' new
-- versions) and the pass's own orders, read in stg.derive_keys where the claim put them (src-sales_keys.sql
-- says why they are not copied).
SELECT a.key_value FROM stg.affected a WHERE a.apply_token = :token AND a.target = 'fact_descontos'
UNION
SELECT k.key_value FROM stg.derive_keys k WHERE k.apply_token = :token AND k.entity = 'orders')
  AND NOT EXISTS (SELECT 1
                  FROM stg.orders o
                  JOIN stg.order_items i
                    ON i.order_id = o.order_id AND i.deleted_at IS NULL AND i.source_deleted = FALSE
                  WHERE o.order_id = f.pedido_id
                    AND o.discount_id IS NOT NULL
                    AND o.deleted_at IS NULL AND o.source_deleted = FALSE)

-- ==== regions, regions replay, teams, teams replay, sellers, sellers replay, customers, customers replay, categories, categories replay, products, products replay, discounts, discounts replay, orders, orders replay, order_items, order_items replay, returns, returns replay, sales_targets, sales_targets replay: statement 2 of 2 ====
WITH src AS (
    SELECT o.order_id AS pedido_id,
           COALESCE(d.desconto_sk, 0) AS desconto_sk,
           COALESCE(c.cliente_sk, 0) AS cliente_sk,
           COALESCE(v.vendedor_sk, 0) AS vendedor_sk,
           CAST(EXTRACT(YEAR FROM o.order_date) * 10000 + EXTRACT(MONTH FROM o.order_date) * 100 + EXTRACT(DAY FROM o.order_date) AS INTEGER) AS data_sk,
           SUM(i.quantity * i.unit_price) AS valor_bruto,
           SUM(i.discount_amount) AS valor_desconto_aplicado,
           SUM(i.quantity * i.unit_price - i.discount_amount) AS valor_com_desconto,
           FALSE
           AND ((o.customer_id IS NOT NULL AND c.cliente_sk IS NULL)
                OR (o.seller_id IS NOT NULL AND v.vendedor_sk IS NULL)
                OR d.desconto_sk IS NULL
                OR NOT EXISTS (SELECT 1 FROM dim.dim_data dd WHERE dd.data_sk = CAST(EXTRACT(YEAR FROM o.order_date) * 10000 + EXTRACT(MONTH FROM o.order_date) * 100 + EXTRACT(DAY FROM o.order_date) AS INTEGER))) AS missing
    FROM (-- The orders whose discount facts a pass re-derives (PostgreSQL), embedded as the discount_keys placeholder,
-- each once: those the pass's steps marked in stg.affected (orders of its items, of its members' new
-- versions) and the pass's own orders, read in stg.derive_keys where the claim put them (src-sales_keys.sql
-- says why they are not copied).
SELECT a.key_value FROM stg.affected a WHERE a.apply_token = :token AND a.target = 'fact_descontos'
UNION
SELECT k.key_value FROM stg.derive_keys k WHERE k.apply_token = :token AND k.entity = 'orders') a
    JOIN stg.orders o ON o.order_id = a.key_value
    JOIN stg.order_items i ON i.order_id = o.order_id AND i.deleted_at IS NULL AND i.source_deleted = FALSE
    LEFT JOIN dim.dim_cliente c
           ON c.cliente_id = o.customer_id AND o.order_date >= c.valido_de AND o.order_date < c.valido_ate
    LEFT JOIN dim.dim_vendedor v
           ON v.vendedor_id = o.seller_id AND o.order_date >= v.valido_de AND o.order_date < v.valido_ate
    LEFT JOIN dim.dim_desconto d ON d.desconto_id = o.discount_id
    WHERE o.discount_id IS NOT NULL
      AND o.deleted_at IS NULL AND o.source_deleted = FALSE
    GROUP BY o.order_id, d.desconto_sk, c.cliente_sk, v.vendedor_sk),
upserted AS (
    INSERT INTO fact.fact_descontos (
        pedido_id, desconto_sk, cliente_sk, vendedor_sk, data_sk,
        valor_bruto, valor_desconto_aplicado, valor_com_desconto, carregado_em)
    SELECT s.pedido_id, s.desconto_sk, s.cliente_sk, s.vendedor_sk, s.data_sk,
           s.valor_bruto, s.valor_desconto_aplicado, s.valor_com_desconto, :now
    FROM src s
    WHERE NOT s.missing
    ON CONFLICT (pedido_id) DO UPDATE SET
        desconto_sk = EXCLUDED.desconto_sk,
        cliente_sk = EXCLUDED.cliente_sk,
        vendedor_sk = EXCLUDED.vendedor_sk,
        data_sk = EXCLUDED.data_sk,
        valor_bruto = EXCLUDED.valor_bruto,
        valor_desconto_aplicado = EXCLUDED.valor_desconto_aplicado,
        valor_com_desconto = EXCLUDED.valor_com_desconto,
        carregado_em = EXCLUDED.carregado_em
    WHERE (fact_descontos.desconto_sk, fact_descontos.cliente_sk, fact_descontos.vendedor_sk,
           fact_descontos.data_sk, fact_descontos.valor_bruto, fact_descontos.valor_desconto_aplicado,
           fact_descontos.valor_com_desconto)
          IS DISTINCT FROM (EXCLUDED.desconto_sk, EXCLUDED.cliente_sk, EXCLUDED.vendedor_sk,
                            EXCLUDED.data_sk, EXCLUDED.valor_bruto, EXCLUDED.valor_desconto_aplicado,
                            EXCLUDED.valor_com_desconto)),
held AS (
    INSERT INTO stg.affected (apply_token, target, key_value)
    SELECT :token, 'held_descontos', s.pedido_id FROM src s WHERE s.missing)
SELECT COUNT(*) AS missing_members FROM src WHERE src.missing

-- ==== held back: statement 1 of 2 ====
-- Re-derives the discount facts of the affected orders, writing only what changed (ansi/fact_descontos.sql
-- is the delete-and-insert form SQL Server keeps): one row per live order with a discount and a live
-- item, summing its live items. Facts of orders that no longer qualify leave; the rest are inserted, or
-- updated where a column differs; a fact derived again with nothing changed is not written
-- (postgresql/fact_vendas.sql says why). A fact whose customer, seller, discount or calendar day is not in
-- its dimension yet is held back, recorded (held_descontos) and counted while the check is on, as in
-- postgresql/fact_vendas.sql.
DELETE FROM fact.fact_descontos f
WHERE f.pedido_id IN (-- The orders whose discount facts a pass held back (PostgreSQL), embedded as the discount_keys placeholder of
-- the pass's second run of inferred-members.sql and fact_descontos.sql (src-held_sales_keys.sql says why).
SELECT a.key_value FROM stg.affected a WHERE a.apply_token = :token AND a.target = 'held_descontos')
  AND NOT EXISTS (SELECT 1
                  FROM stg.orders o
                  JOIN stg.order_items i
                    ON i.order_id = o.order_id AND i.deleted_at IS NULL AND i.source_deleted = FALSE
                  WHERE o.order_id = f.pedido_id
                    AND o.discount_id IS NOT NULL
                    AND o.deleted_at IS NULL AND o.source_deleted = FALSE)

-- ==== held back: statement 2 of 2 ====
WITH src AS (
    SELECT o.order_id AS pedido_id,
           COALESCE(d.desconto_sk, 0) AS desconto_sk,
           COALESCE(c.cliente_sk, 0) AS cliente_sk,
           COALESCE(v.vendedor_sk, 0) AS vendedor_sk,
           CAST(EXTRACT(YEAR FROM o.order_date) * 10000 + EXTRACT(MONTH FROM o.order_date) * 100 + EXTRACT(DAY FROM o.order_date) AS INTEGER) AS data_sk,
           SUM(i.quantity * i.unit_price) AS valor_bruto,
           SUM(i.discount_amount) AS valor_desconto_aplicado,
           SUM(i.quantity * i.unit_price - i.discount_amount) AS valor_com_desconto,
           FALSE
           AND ((o.customer_id IS NOT NULL AND c.cliente_sk IS NULL)
                OR (o.seller_id IS NOT NULL AND v.vendedor_sk IS NULL)
                OR d.desconto_sk IS NULL
                OR NOT EXISTS (SELECT 1 FROM dim.dim_data dd WHERE dd.data_sk = CAST(EXTRACT(YEAR FROM o.order_date) * 10000 + EXTRACT(MONTH FROM o.order_date) * 100 + EXTRACT(DAY FROM o.order_date) AS INTEGER))) AS missing
    FROM (-- The orders whose discount facts a pass held back (PostgreSQL), embedded as the discount_keys placeholder of
-- the pass's second run of inferred-members.sql and fact_descontos.sql (src-held_sales_keys.sql says why).
SELECT a.key_value FROM stg.affected a WHERE a.apply_token = :token AND a.target = 'held_descontos') a
    JOIN stg.orders o ON o.order_id = a.key_value
    JOIN stg.order_items i ON i.order_id = o.order_id AND i.deleted_at IS NULL AND i.source_deleted = FALSE
    LEFT JOIN dim.dim_cliente c
           ON c.cliente_id = o.customer_id AND o.order_date >= c.valido_de AND o.order_date < c.valido_ate
    LEFT JOIN dim.dim_vendedor v
           ON v.vendedor_id = o.seller_id AND o.order_date >= v.valido_de AND o.order_date < v.valido_ate
    LEFT JOIN dim.dim_desconto d ON d.desconto_id = o.discount_id
    WHERE o.discount_id IS NOT NULL
      AND o.deleted_at IS NULL AND o.source_deleted = FALSE
    GROUP BY o.order_id, d.desconto_sk, c.cliente_sk, v.vendedor_sk),
upserted AS (
    INSERT INTO fact.fact_descontos (
        pedido_id, desconto_sk, cliente_sk, vendedor_sk, data_sk,
        valor_bruto, valor_desconto_aplicado, valor_com_desconto, carregado_em)
    SELECT s.pedido_id, s.desconto_sk, s.cliente_sk, s.vendedor_sk, s.data_sk,
           s.valor_bruto, s.valor_desconto_aplicado, s.valor_com_desconto, :now
    FROM src s
    WHERE NOT s.missing
    ON CONFLICT (pedido_id) DO UPDATE SET
        desconto_sk = EXCLUDED.desconto_sk,
        cliente_sk = EXCLUDED.cliente_sk,
        vendedor_sk = EXCLUDED.vendedor_sk,
        data_sk = EXCLUDED.data_sk,
        valor_bruto = EXCLUDED.valor_bruto,
        valor_desconto_aplicado = EXCLUDED.valor_desconto_aplicado,
        valor_com_desconto = EXCLUDED.valor_com_desconto,
        carregado_em = EXCLUDED.carregado_em
    WHERE (fact_descontos.desconto_sk, fact_descontos.cliente_sk, fact_descontos.vendedor_sk,
           fact_descontos.data_sk, fact_descontos.valor_bruto, fact_descontos.valor_desconto_aplicado,
           fact_descontos.valor_com_desconto)
          IS DISTINCT FROM (EXCLUDED.desconto_sk, EXCLUDED.cliente_sk, EXCLUDED.vendedor_sk,
                            EXCLUDED.data_sk, EXCLUDED.valor_bruto, EXCLUDED.valor_desconto_aplicado,
                            EXCLUDED.valor_com_desconto)),
held AS (
    INSERT INTO stg.affected (apply_token, target, key_value)
    SELECT :token, 'held_descontos', s.pedido_id FROM src s WHERE s.missing)
SELECT COUNT(*) AS missing_members FROM src WHERE src.missing

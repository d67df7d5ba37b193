-- ==== regions, regions replay, teams, teams replay, sellers, sellers replay, customers, customers replay, categories, categories replay, products, products replay, discounts, discounts replay, orders, orders replay, order_items, order_items replay, returns, returns replay, sales_targets, sales_targets replay: statement 1 of 2 ====
-- Re-derives the sales facts of the affected order items from the staging mirror, writing only what
-- changed (ansi/fact_vendas.sql is the delete-and-insert form SQL Server keeps): facts of items that are
-- no longer live (the item or its order deleted, or the order not arrived) leave; the rest are inserted,
-- or updated where a column differs, with the surrogate keys valid at the order date and their returns
-- folded in (both sums from one look at the item's returns). A fact derived again with nothing changed is
-- not written at all: a repeated or replayed pass leaves the table, carregado_em included, as it was, and
-- writes no dead row. The INSERT starts from the pass's affected keys and reaches the mirror, the returns
-- and the dimensions by key, so its cost follows the pass, not the warehouse (docs/performance.md).
-- It checks its members as it goes: BatchApplier.deriveFacts runs it first with the check on, and a fact
-- whose customer, product, seller, region, discount or calendar day is not in its dimension yet is held
-- back, recorded in stg.affected as held_vendas and counted (missing_members) instead of written; only then
-- does the pass run inferred-members.sql and this statement again, with the check off, for the held-back
-- items alone (src-held_sales_keys.sql). A pass whose members are all there, every live pass and about two
-- in three of an initial load's, so never reads the affected items and orders again for the inferred members.
DELETE FROM fact.fact_vendas f
WHERE f.order_item_id IN (-- The order items whose sales facts a pass re-derives (PostgreSQL), embedded as the sales_keys placeholder,
-- each once: those the pass's steps marked in stg.affected (items of its orders, of its returns, of its
-- members' new versions) and the pass's own order items, read in stg.derive_keys where the claim put them.
-- Until 2026-12-05 affected-order_items.sql copied those into stg.affected first: a row written and indexed
-- per claimed item, 5 µs a key (docs/performance.md). SQL Server keeps the copy (ansi/affected-*.sql).
SELECT a.key_value FROM stg.affected a WHERE a.apply_token = :token AND a.target = 'fact_vendas'
UNION
SELECT k.key_value FROM stg.derive_keys k WHERE k.apply_token = :token AND k.entity = 'order_items')
  AND NOT EXISTS (SELECT 1
                  FROM stg.order_items i
                  JOIN stg.orders o ON o.order_id = i.order_id
                  WHERE i.order_item_id = f.order_item_id
                    AND i.deleted_at IS NULL AND i.source_deleted = FALSE
                    AND o.deleted_at IS NULL AND o.source_deleted = FALSE)

-- ==== regions, regions replay, teams, teams replay, sellers, sellers replay, customers, customers replay, categories, categories replay, products, products replay, discounts, discounts replay, orders, orders replay, order_items, order_items replay, returns, returns replay, sales_targets, sales_targets replay: statement 2 of 2 ====
WITH src AS (
    SELECT i.order_item_id,
           o.order_id AS pedido_id,
           CAST(EXTRACT(YEAR FROM o.order_date) * 10000 + EXTRACT(MONTH FROM o.order_date) * 100 + EXTRACT(DAY FROM o.order_date) AS INTEGER) AS data_sk,
           COALESCE(c.cliente_sk, 0) AS cliente_sk,
           COALESCE(p.produto_sk, 0) AS produto_sk,
           COALESCE(v.vendedor_sk, 0) AS vendedor_sk,
           COALESCE(r.regiao_sk, 0) AS regiao_sk,
           COALESCE(d.desconto_sk, 0) AS desconto_sk,
           i.quantity AS quantidade,
           i.unit_price AS preco_unitario,
           i.quantity * i.unit_price AS valor_bruto,
           i.discount_amount AS valor_desconto,
           i.quantity * i.unit_price - i.discount_amount AS valor_total_liquido,
           i.quantity * i.unit_cost AS custo_total,
           COALESCE(rt.quantidade, 0) AS quantidade_devolvida,
           COALESCE(rt.valor, 0) AS valor_devolvido,
           o.status,
           o.channel AS canal,
           FALSE
           AND ((o.customer_id IS NOT NULL AND c.cliente_sk IS NULL)
                OR (i.product_id IS NOT NULL AND p.produto_sk IS NULL)
                OR (o.seller_id IS NOT NULL AND v.vendedor_sk IS NULL)
                OR (c.regiao_id IS NOT NULL AND r.regiao_sk IS NULL)
                OR (o.discount_id IS NOT NULL AND d.desconto_sk IS NULL)
                OR NOT EXISTS (SELECT 1 FROM dim.dim_data dd WHERE dd.data_sk = CAST(EXTRACT(YEAR FROM o.order_date) * 10000 + EXTRACT(MONTH FROM o.order_date) * 100 + EXTRACT(DAY FROM o.order_date) AS INTEGER))) AS missing
    FROM (-- The order items whose sales facts a pass re-derives (PostgreSQL), embedded as the sales_keys placeholder,
-- each once: those the pass's steps marked in stg.affected (items of its orders, of its returns, of its
-- members' new versions) and the pass's own order items, read in stg.derive_keys where the claim put them.
-- Until 2026-12-05 affected-order_items.sql copied those into stg.affected first: a row written and indexed
-- per claimed item, 5 µs a key (docs/performance.md). SQL Server keeps the copy (ansi/affected-*.sql).
SELECT a.key_value FROM stg.affected a WHERE a.apply_token = :token AND a.target = 'fact_vendas'
UNION
SELECT k.key_value FROM stg.derive_keys k WHERE k.apply_token = :token AND k.entity = 'order_items') a
    JOIN stg.order_items i ON i.order_item_id = a.key_value
    JOIN stg.orders o ON o.order_id = i.order_id
    LEFT JOIN dim.dim_cliente c
           ON c.cliente_id = o.customer_id AND o.order_date >= c.valido_de AND o.order_date < c.valido_ate
    LEFT JOIN dim.dim_produto p
           ON p.produto_id = i.product_id AND o.order_date >= p.valido_de AND o.order_date < p.valido_ate
    LEFT JOIN dim.dim_vendedor v
           ON v.vendedor_id = o.seller_id AND o.order_date >= v.valido_de AND o.order_date < v.valido_ate
    LEFT JOIN dim.dim_regiao r ON r.regiao_id = c.regiao_id
    LEFT JOIN dim.dim_desconto d ON d.desconto_id = o.discount_id
    LEFT JOIN LATERAL (SELECT SUM(ret.quantity) AS quantidade, SUM(ret.refund_amount) AS valor
                       FROM stg.returns ret
                       WHERE ret.order_item_id = i.order_item_id AND ret.deleted_at IS NULL
                         AND ret.source_deleted = FALSE) rt
           ON TRUE
    WHERE i.deleted_at IS NULL AND i.source_deleted = FALSE
      AND o.deleted_at IS NULL AND o.source_deleted = FALSE),
upserted AS (
    INSERT INTO fact.fact_vendas (
        order_item_id, pedido_id, data_sk, cliente_sk, produto_sk, vendedor_sk, regiao_sk, desconto_sk,
        quantidade, preco_unitario, valor_bruto, valor_desconto, valor_total_liquido, custo_total,
        quantidade_devolvida, valor_devolvido, status, canal, carregado_em)
    SELECT s.order_item_id, s.pedido_id, s.data_sk, s.cliente_sk, s.produto_sk, s.vendedor_sk, s.regiao_sk,
           s.desconto_sk, s.quantidade, s.preco_unitario, s.valor_bruto, s.valor_desconto,
           s.valor_total_liquido, s.custo_total, s.quantidade_devolvida, s.valor_devolvido, s.status, s.canal,
           :now
    FROM src s
    WHERE NOT s.missing
    ON CONFLICT (order_item_id) DO UPDATE SET
        pedido_id = EXCLUDED.pedido_id,
        data_sk = EXCLUDED.data_sk,
        cliente_sk = EXCLUDED.cliente_sk,
        produto_sk = EXCLUDED.produto_sk,
        vendedor_sk = EXCLUDED.vendedor_sk,
        regiao_sk = EXCLUDED.regiao_sk,
        desconto_sk = EXCLUDED.desconto_sk,
        quantidade = EXCLUDED.quantidade,
        preco_unitario = EXCLUDED.preco_unitario,
        valor_bruto = EXCLUDED.valor_bruto,
        valor_desconto = EXCLUDED.valor_desconto,
        valor_total_liquido = EXCLUDED.valor_total_liquido,
        custo_total = EXCLUDED.custo_total,
        quantidade_devolvida = EXCLUDED.quantidade_devolvida,
        valor_devolvido = EXCLUDED.valor_devolvido,
        status = EXCLUDED.status,
        canal = EXCLUDED.canal,
        carregado_em = EXCLUDED.carregado_em
    WHERE (fact_vendas.pedido_id, fact_vendas.data_sk, fact_vendas.cliente_sk, fact_vendas.produto_sk,
           fact_vendas.vendedor_sk, fact_vendas.regiao_sk, fact_vendas.desconto_sk,
           fact_vendas.quantidade, fact_vendas.preco_unitario, fact_vendas.valor_bruto,
           fact_vendas.valor_desconto, fact_vendas.valor_total_liquido, fact_vendas.custo_total,
           fact_vendas.quantidade_devolvida, fact_vendas.valor_devolvido, fact_vendas.status,
           fact_vendas.canal)
          IS DISTINCT FROM (EXCLUDED.pedido_id, EXCLUDED.data_sk, EXCLUDED.cliente_sk,
                            EXCLUDED.produto_sk, EXCLUDED.vendedor_sk, EXCLUDED.regiao_sk,
                            EXCLUDED.desconto_sk, EXCLUDED.quantidade, EXCLUDED.preco_unitario,
                            EXCLUDED.valor_bruto, EXCLUDED.valor_desconto, EXCLUDED.valor_total_liquido,
                            EXCLUDED.custo_total, EXCLUDED.quantidade_devolvida,
                            EXCLUDED.valor_devolvido, EXCLUDED.status, EXCLUDED.canal)),
held AS (
    INSERT INTO stg.affected (apply_token, target, key_value)
    SELECT :token, 'held_vendas', s.order_item_id FROM src s WHERE s.missing)
SELECT COUNT(*) AS missing_members FROM src WHERE src.missing

-- ==== held back: statement 1 of 2 ====
-- Re-derives the sales facts of the affected order items from the staging mirror, writing only what
-- changed (ansi/fact_vendas.sql is the delete-and-insert form SQL Server keeps): facts of items that are
-- no longer live (the item or its order deleted, or the order not arrived) leave; the rest are inserted,
-- or updated where a column differs, with the surrogate keys valid at the order date and their returns
-- folded in (both sums from one look at the item's returns). A fact derived again with nothing changed is
-- not written at all: a repeated or replayed pass leaves the table, carregado_em included, as it was, and
-- writes no dead row. The INSERT starts from the pass's affected keys and reaches the mirror, the returns
-- and the dimensions by key, so its cost follows the pass, not the warehouse (docs/performance.md).
-- It checks its members as it goes: BatchApplier.deriveFacts runs it first with the check on, and a fact
-- whose customer, product, seller, region, discount or calendar day is not in its dimension yet is held
-- back, recorded in stg.affected as held_vendas and counted (missing_members) instead of written; only then
-- does the pass run inferred-members.sql and this statement again, with the check off, for the held-back
-- items alone (src-held_sales_keys.sql). A pass whose members are all there, every live pass and about two
-- in three of an initial load's, so never reads the affected items and orders again for the inferred members.
DELETE FROM fact.fact_vendas f
WHERE f.order_item_id IN (-- The order items whose sales facts a pass held back (PostgreSQL), embedded as the sales_keys placeholder of
-- the pass's second run of inferred-members.sql and fact_vendas.sql: postgresql/fact_vendas.sql, run with its
-- members checked, records each item whose customer, product, seller, region, discount or calendar day is
-- not in its dimension yet, and writes the rest (BatchApplier.deriveFacts).
SELECT a.key_value FROM stg.affected a WHERE a.apply_token = :token AND a.target = 'held_vendas')
  AND NOT EXISTS (SELECT 1
                  FROM stg.order_items i
                  JOIN stg.orders o ON o.order_id = i.order_id
                  WHERE i.order_item_id = f.order_item_id
                    AND i.deleted_at IS NULL AND i.source_deleted = FALSE
                    AND o.deleted_at IS NULL AND o.source_deleted = FALSE)

-- ==== held back: statement 2 of 2 ====
WITH src AS (
    SELECT i.order_item_id,
           o.order_id AS pedido_id,
           CAST(EXTRACT(YEAR FROM o.order_date) * 10000 + EXTRACT(MONTH FROM o.order_date) * 100 + EXTRACT(DAY FROM o.order_date) AS INTEGER) AS data_sk,
           COALESCE(c.cliente_sk, 0) AS cliente_sk,
           COALESCE(p.produto_sk, 0) AS produto_sk,
           COALESCE(v.vendedor_sk, 0) AS vendedor_sk,
           COALESCE(r.regiao_sk, 0) AS regiao_sk,
           COALESCE(d.desconto_sk, 0) AS desconto_sk,
           i.quantity AS quantidade,
           i.unit_price AS preco_unitario,
           i.quantity * i.unit_price AS valor_bruto,
           i.discount_amount AS valor_desconto,
           i.quantity * i.unit_price - i.discount_amount AS valor_total_liquido,
           i.quantity * i.unit_cost AS custo_total,
           COALESCE(rt.quantidade, 0) AS quantidade_devolvida,
           COALESCE(rt.valor, 0) AS valor_devolvido,
           o.status,
           o.channel AS canal,
           FALSE
           AND ((o.customer_id IS NOT NULL AND c.cliente_sk IS NULL)
                OR (i.product_id IS NOT NULL AND p.produto_sk IS NULL)
                OR (o.seller_id IS NOT NULL AND v.vendedor_sk IS NULL)
                OR (c.regiao_id IS NOT NULL AND r.regiao_sk IS NULL)
                OR (o.discount_id IS NOT NULL AND d.desconto_sk IS NULL)
                OR NOT EXISTS (SELECT 1 FROM dim.dim_data dd WHERE dd.data_sk = CAST(EXTRACT(YEAR FROM o.order_date) * 10000 + EXTRACT(MONTH FROM o.order_date) * 100 + EXTRACT(DAY FROM o.order_date) AS INTEGER))) AS missing
    FROM (-- The order items whose sales facts a pass held back (PostgreSQL), embedded as the sales_keys placeholder of
-- the pass's second run of inferred-members.sql and fact_vendas.sql: postgresql/fact_vendas.sql, run with its
-- members checked, records each item whose customer, product, seller, region, discount or calendar day is
-- not in its dimension yet, and writes the rest (BatchApplier.deriveFacts).
SELECT a.key_value FROM stg.affected a WHERE a.apply_token = :token AND a.target = 'held_vendas') a
    JOIN stg.order_items i ON i.order_item_id = a.key_value
    JOIN stg.orders o ON o.order_id = i.order_id
    LEFT JOIN dim.dim_cliente c
           ON c.cliente_id = o.customer_id AND o.order_date >= c.valido_de AND o.order_date < c.valido_ate
    LEFT JOIN dim.dim_produto p
           ON p.produto_id = i.product_id AND o.order_date >= p.valido_de AND o.order_date < p.valido_ate
    LEFT JOIN dim.dim_vendedor v
           ON v.vendedor_id = o.seller_id AND o.order_date >= v.valido_de AND o.order_date < v.valido_ate
    LEFT JOIN dim.dim_regiao r ON r.regiao_id = c.regiao_id
    LEFT JOIN dim.dim_desconto d ON d.desconto_id = o.discount_id
    LEFT JOIN LATERAL (SELECT SUM(ret.quantity) AS quantidade, SUM(ret.refund_amount) AS valor
                       FROM stg.returns ret
                       WHERE ret.order_item_id = i.order_item_id AND ret.deleted_at IS NULL
                         AND ret.source_deleted = FALSE) rt
           ON TRUE
    WHERE i.deleted_at IS NULL AND i.source_deleted = FALSE
      AND o.deleted_at IS NULL AND o.source_deleted = FALSE),
upserted AS (
    INSERT INTO fact.fact_vendas (
        order_item_id, pedido_id, data_sk, cliente_sk, produto_sk, vendedor_sk, regiao_sk, desconto_sk,
        quantidade, preco_unitario, valor_bruto, valor_desconto, valor_total_liquido, custo_total,
        quantidade_devolvida, valor_devolvido, status, canal, carregado_em)
    SELECT s.order_item_id, s.pedido_id, s.data_sk, s.cliente_sk, s.produto_sk, s.vendedor_sk, s.regiao_sk,
           s.desconto_sk, s.quantidade, s.preco_unitario, s.valor_bruto, s.valor_desconto,
           s.valor_total_liquido, s.custo_total, s.quantidade_devolvida, s.valor_devolvido, s.status, s.canal,
           :now
    FROM src s
    WHERE NOT s.missing
    ON CONFLICT (order_item_id) DO UPDATE SET
        pedido_id = EXCLUDED.pedido_id,
        data_sk = EXCLUDED.data_sk,
        cliente_sk = EXCLUDED.cliente_sk,
        produto_sk = EXCLUDED.produto_sk,
        vendedor_sk = EXCLUDED.vendedor_sk,
        regiao_sk = EXCLUDED.regiao_sk,
        desconto_sk = EXCLUDED.desconto_sk,
        quantidade = EXCLUDED.quantidade,
        preco_unitario = EXCLUDED.preco_unitario,
        valor_bruto = EXCLUDED.valor_bruto,
        valor_desconto = EXCLUDED.valor_desconto,
        valor_total_liquido = EXCLUDED.valor_total_liquido,
        custo_total = EXCLUDED.custo_total,
        quantidade_devolvida = EXCLUDED.quantidade_devolvida,
        valor_devolvido = EXCLUDED.valor_devolvido,
        status = EXCLUDED.status,
        canal = EXCLUDED.canal,
        carregado_em = EXCLUDED.carregado_em
    WHERE (fact_vendas.pedido_id, fact_vendas.data_sk, fact_vendas.cliente_sk, fact_vendas.produto_sk,
           fact_vendas.vendedor_sk, fact_vendas.regiao_sk, fact_vendas.desconto_sk,
           fact_vendas.quantidade, fact_vendas.preco_unitario, fact_vendas.valor_bruto,
           fact_vendas.valor_desconto, fact_vendas.valor_total_liquido, fact_vendas.custo_total,
           fact_vendas.quantidade_devolvida, fact_vendas.valor_devolvido, fact_vendas.status,
           fact_vendas.canal)
          IS DISTINCT FROM (EXCLUDED.pedido_id, EXCLUDED.data_sk, EXCLUDED.cliente_sk,
                            EXCLUDED.produto_sk, EXCLUDED.vendedor_sk, EXCLUDED.regiao_sk,
                            EXCLUDED.desconto_sk, EXCLUDED.quantidade, EXCLUDED.preco_unitario,
                            EXCLUDED.valor_bruto, EXCLUDED.valor_desconto, EXCLUDED.valor_total_liquido,
                            EXCLUDED.custo_total, EXCLUDED.quantidade_devolvida,
                            EXCLUDED.valor_devolvido, EXCLUDED.status, EXCLUDED.canal)),
held AS (
    INSERT INTO stg.affected (apply_token, target, key_value)
    SELECT :token, 'held_vendas', s.order_item_id FROM src s WHERE s.missing)
SELECT COUNT(*) AS missing_members FROM src WHERE src.missing

-- ==== regions, regions replay, teams, teams replay, sellers, sellers replay, customers, customers replay, categories, categories replay, products, products replay, discounts, discounts replay, orders, orders replay, order_items, order_items replay, returns, returns replay, sales_targets, sales_targets replay ====
-- apply/ansi/inferred-members.sql in one statement (PostgreSQL): the affected order items and orders are
-- read once each (materialized) instead of once per dimension, the cost that grows with a pass's keys
-- (five joins of 20,000 keys with the mirror took ~1.3 s a pass in a 1,000,000-item load). An item's key
-- can be marked more than once in a pass (by its own change and by its order's), so the items are made
-- distinct before they meet the mirror, and their orders are looked up once, for every dimension: on a
-- pass of 25,000 items marked 50,068 times the statement took 380-417 ms when each item was looked up per
-- mark, and its orders once for the orders and again for the items' customers (docs/performance.md).
-- Facts never orphan: every dimension key the affected facts reference gets a member before the facts
-- are built. A key whose source row has not arrived yet becomes an inferred member (flagged inferido,
-- valid for all time); the real row completes it in place when it lands. The statements see one
-- snapshot: a region is inferred from the customers already in dim_cliente, as the separate statements
-- did (an inferred customer has no region).
-- The calendar's days come first (calendario): the dates of the affected orders and the first days of the
-- affected targets' months that dim_data lacks, computed as db/dw/postgresql/V3__calendar.sql generates
-- the calendar. The orders are read here anyway; each distinct date is looked up once. Until 2026-12-05 a
-- query of its own (ansi/missing-dates.sql, which SQL Server keeps, with the days computed by
-- apply/Calendar.java) read every affected item and order again and looked up each order's date: 3.8 s of
-- a 1,000,000-item load's derive passes, and a round trip of every live pass (docs/performance.md).
WITH ai AS MATERIALIZED (
    SELECT i.product_id, i.order_id
    FROM (-- The order items whose sales facts a pass re-derives (PostgreSQL), embedded as the sales_keys placeholder,
-- each once: those the pass's steps marked in stg.affected (items of its orders, of its returns, of its
-- members' new versions) and the pass's own order items, read in stg.derive_keys where the claim put them.
-- Until 2026-12-05 affected-order_items.sql copied those into stg.affected first: a row written and indexed
-- per claimed item, 5 µs a key (docs/performance.md). SQL Server keeps the copy (ansi/affected-*.sql).
SELECT a.key_value FROM stg.affected a WHERE a.apply_token = :token AND a.target = 'fact_vendas'
UNION
SELECT k.key_value FROM stg.derive_keys k WHERE k.apply_token = :token AND k.entity = 'order_items') a
    JOIN stg.order_items i ON i.order_item_id = a.key_value),
ao AS MATERIALIZED (
    SELECT o.order_id, o.customer_id, o.seller_id, o.discount_id, o.order_date
    FROM (SELECT order_id FROM ai
          UNION
          SELECT d.key_value FROM (-- The orders whose discount facts a pass re-derives (PostgreSQL), embedded as the discount_keys placeholder,
-- each once: those the pass's steps marked in stg.affected (orders of its items, of its members' new
-- versions) and the pass's own orders, read in stg.derive_keys where the claim put them (src-sales_keys.sql
-- says why they are not copied).
SELECT a.key_value FROM stg.affected a WHERE a.apply_token = :token AND a.target = 'fact_descontos'
UNION
SELECT k.key_value FROM stg.derive_keys k WHERE k.apply_token = :token AND k.entity = 'orders') d) a
    JOIN stg.orders o ON o.order_id = a.order_id),
calendario AS (
    INSERT INTO dim.dim_data (data_sk, data, ano, trimestre, mes, dia, dia_semana, nome_mes, nome_dia_semana, fim_de_semana)
    SELECT CAST(EXTRACT(YEAR FROM c.d) * 10000 + EXTRACT(MONTH FROM c.d) * 100 + EXTRACT(DAY FROM c.d) AS INTEGER),
           c.d,
           EXTRACT(YEAR FROM c.d),
           EXTRACT(QUARTER FROM c.d),
           EXTRACT(MONTH FROM c.d),
           EXTRACT(DAY FROM c.d),
           EXTRACT(ISODOW FROM c.d),
           CASE CAST(EXTRACT(MONTH FROM c.d) AS integer)
               WHEN 1 THEN 'Janeiro' WHEN 2 THEN 'Fevereiro' WHEN 3 THEN 'Março' WHEN 4 THEN 'Abril'
               WHEN 5 THEN 'Maio' WHEN 6 THEN 'Junho' WHEN 7 THEN 'Julho' WHEN 8 THEN 'Agosto'
               WHEN 9 THEN 'Setembro' WHEN 10 THEN 'Outubro' WHEN 11 THEN 'Novembro' ELSE 'Dezembro'
           END,
           CASE CAST(EXTRACT(ISODOW FROM c.d) AS integer)
               WHEN 1 THEN 'Segunda-feira' WHEN 2 THEN 'Terça-feira' WHEN 3 THEN 'Quarta-feira'
               WHEN 4 THEN 'Quinta-feira' WHEN 5 THEN 'Sexta-feira' WHEN 6 THEN 'Sábado' ELSE 'Domingo'
           END,
           EXTRACT(ISODOW FROM c.d) >= 6
    FROM (SELECT CAST(order_date AS DATE) AS d FROM ao WHERE order_date IS NOT NULL
          UNION
          SELECT CAST(CAST(t.year AS VARCHAR(4)) || '-' || LPAD(CAST(t.month AS VARCHAR(2)), 2, '0') || '-01' AS DATE)
          FROM stg.affected a
          JOIN stg.sales_targets t ON t.sales_target_id = a.key_value
          WHERE a.apply_token = :token AND a.target = 'fact_metas') c
    WHERE NOT EXISTS (SELECT 1 FROM dim.dim_data d WHERE d.data_sk = CAST(EXTRACT(YEAR FROM c.d) * 10000 + EXTRACT(MONTH FROM c.d) * 100 + EXTRACT(DAY FROM c.d) AS INTEGER))),
cliente AS (
    INSERT INTO dim.dim_cliente (cliente_id, nome, valido_de, valido_ate, atual, versao_origem, inferido, excluido, carregado_em)
    SELECT k.natural_key, 'Desconhecido', :origin, :end_of_time, TRUE, 0, TRUE, FALSE, :now
    FROM (SELECT DISTINCT customer_id AS natural_key FROM ao) k
    WHERE k.natural_key IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM dim.dim_cliente d WHERE d.cliente_id = k.natural_key)),
vendedor AS (
    INSERT INTO dim.dim_vendedor (vendedor_id, nome, valido_de, valido_ate, atual, versao_origem, inferido, excluido, carregado_em)
    SELECT k.natural_key, 'Desconhecido', :origin, :end_of_time, TRUE, 0, TRUE, FALSE, :now
    FROM (SELECT seller_id AS natural_key FROM ao
          UNION
          SELECT t.seller_id
          FROM stg.affected a
          JOIN stg.sales_targets t ON t.sales_target_id = a.key_value
          WHERE a.apply_token = :token AND a.target = 'fact_metas') k
    WHERE k.natural_key IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM dim.dim_vendedor d WHERE d.vendedor_id = k.natural_key)),
produto AS (
    INSERT INTO dim.dim_produto (produto_id, nome, valido_de, valido_ate, atual, versao_origem, inferido, excluido, carregado_em)
    SELECT k.natural_key, 'Desconhecido', :origin, :end_of_time, TRUE, 0, TRUE, FALSE, :now
    FROM (SELECT DISTINCT product_id AS natural_key FROM ai) k
    WHERE k.natural_key IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM dim.dim_produto d WHERE d.produto_id = k.natural_key)),
desconto AS (
    INSERT INTO dim.dim_desconto (desconto_id, codigo, versao_origem, inferido, excluido, carregado_em)
    SELECT k.natural_key, 'Desconhecido', 0, TRUE, FALSE, :now
    FROM (SELECT DISTINCT discount_id AS natural_key FROM ao) k
    WHERE k.natural_key IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM dim.dim_desconto d WHERE d.desconto_id = k.natural_key))
INSERT INTO dim.dim_regiao (regiao_id, nome, versao_origem, inferido, excluido, carregado_em)
SELECT k.natural_key, 'Desconhecido', 0, TRUE, FALSE, :now
FROM (SELECT DISTINCT c.regiao_id AS natural_key
      FROM (SELECT DISTINCT customer_id FROM ao
            WHERE customer_id IS NOT NULL AND order_id IN (SELECT order_id FROM ai)) ac
      JOIN dim.dim_cliente c ON c.cliente_id = ac.customer_id) k
WHERE k.natural_key IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM dim.dim_regiao d WHERE d.regiao_id = k.natural_key)

-- ==== held back ====
-- apply/ansi/inferred-members.sql in one statement (PostgreSQL): the affected order items and orders are
-- read once each (materialized) instead of once per dimension, the cost that grows with a pass's keys
-- (five joins of 20,000 keys with the mirror took ~1.3 s a pass in a 1,000,000-item load). An item's key
-- can be marked more than once in a pass (by its own change and by its order's), so the items are made
-- distinct before they meet the mirror, and their orders are looked up once, for every dimension: on a
-- pass of 25,000 items marked 50,068 times the statement took 380-417 ms when each item was looked up per
-- mark, and its orders once for the orders and again for the items' customers (docs/performance.md).
-- Facts never orphan: every dimension key the affected facts reference gets a member before the facts
-- are built. A key whose source row has not arrived yet becomes an inferred member (flagged inferido,
-- valid for all time); the real row completes it in place when it lands. The statements see one
-- snapshot: a region is inferred from the customers already in dim_cliente, as the separate statements
-- did (an inferred customer has no region).
-- The calendar's days come first (calendario): the dates of the affected orders and the first days of the
-- affected targets' months that dim_data lacks, computed as db/dw/postgresql/V3__calendar.sql generates
-- the calendar. The orders are read here anyway; each distinct date is looked up once. Until 2026-12-05 a
-- query of its own (ansi/missing-dates.sql, which SQL Server keeps, with the days computed by
-- apply/Calendar.java) read every affected item and order again and looked up each order's date: 3.8 s of
-- a 1,000,000-item load's derive passes, and a round trip of every live pass (docs/performance.md).
WITH ai AS MATERIALIZED (
    SELECT i.product_id, i.order_id
    FROM (-- The order items whose sales facts a pass held back (PostgreSQL), embedded as the sales_keys placeholder of
-- the pass's second run of inferred-members.sql and fact_vendas.sql: postgresql/fact_vendas.sql, run with its
-- members checked, records each item whose customer, product, seller, region, discount or calendar day is
-- not in its dimension yet, and writes the rest (BatchApplier.deriveFacts).
SELECT a.key_value FROM stg.affected a WHERE a.apply_token = :token AND a.target = 'held_vendas') a
    JOIN stg.order_items i ON i.order_item_id = a.key_value),
ao AS MATERIALIZED (
    SELECT o.order_id, o.customer_id, o.seller_id, o.discount_id, o.order_date
    FROM (SELECT order_id FROM ai
          UNION
          SELECT d.key_value FROM (-- The orders whose discount facts a pass held back (PostgreSQL), embedded as the discount_keys placeholder of
-- the pass's second run of inferred-members.sql and fact_descontos.sql (src-held_sales_keys.sql says why).
SELECT a.key_value FROM stg.affected a WHERE a.apply_token = :token AND a.target = 'held_descontos') d) a
    JOIN stg.orders o ON o.order_id = a.order_id),
calendario AS (
    INSERT INTO dim.dim_data (data_sk, data, ano, trimestre, mes, dia, dia_semana, nome_mes, nome_dia_semana, fim_de_semana)
    SELECT CAST(EXTRACT(YEAR FROM c.d) * 10000 + EXTRACT(MONTH FROM c.d) * 100 + EXTRACT(DAY FROM c.d) AS INTEGER),
           c.d,
           EXTRACT(YEAR FROM c.d),
           EXTRACT(QUARTER FROM c.d),
           EXTRACT(MONTH FROM c.d),
           EXTRACT(DAY FROM c.d),
           EXTRACT(ISODOW FROM c.d),
           CASE CAST(EXTRACT(MONTH FROM c.d) AS integer)
               WHEN 1 THEN 'Janeiro' WHEN 2 THEN 'Fevereiro' WHEN 3 THEN 'Março' WHEN 4 THEN 'Abril'
               WHEN 5 THEN 'Maio' WHEN 6 THEN 'Junho' WHEN 7 THEN 'Julho' WHEN 8 THEN 'Agosto'
               WHEN 9 THEN 'Setembro' WHEN 10 THEN 'Outubro' WHEN 11 THEN 'Novembro' ELSE 'Dezembro'
           END,
           CASE CAST(EXTRACT(ISODOW FROM c.d) AS integer)
               WHEN 1 THEN 'Segunda-feira' WHEN 2 THEN 'Terça-feira' WHEN 3 THEN 'Quarta-feira'
               WHEN 4 THEN 'Quinta-feira' WHEN 5 THEN 'Sexta-feira' WHEN 6 THEN 'Sábado' ELSE 'Domingo'
           END,
           EXTRACT(ISODOW FROM c.d) >= 6
    FROM (SELECT CAST(order_date AS DATE) AS d FROM ao WHERE order_date IS NOT NULL
          UNION
          SELECT CAST(CAST(t.year AS VARCHAR(4)) || '-' || LPAD(CAST(t.month AS VARCHAR(2)), 2, '0') || '-01' AS DATE)
          FROM stg.affected a
          JOIN stg.sales_targets t ON t.sales_target_id = a.key_value
          WHERE a.apply_token = :token AND a.target = 'fact_metas') c
    WHERE NOT EXISTS (SELECT 1 FROM dim.dim_data d WHERE d.data_sk = CAST(EXTRACT(YEAR FROM c.d) * 10000 + EXTRACT(MONTH FROM c.d) * 100 + EXTRACT(DAY FROM c.d) AS INTEGER))),
cliente AS (
    INSERT INTO dim.dim_cliente (cliente_id, nome, valido_de, valido_ate, atual, versao_origem, inferido, excluido, carregado_em)
    SELECT k.natural_key, 'Desconhecido', :origin, :end_of_time, TRUE, 0, TRUE, FALSE, :now
    FROM (SELECT DISTINCT customer_id AS natural_key FROM ao) k
    WHERE k.natural_key IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM dim.dim_cliente d WHERE d.cliente_id = k.natural_key)),
vendedor AS (
    INSERT INTO dim.dim_vendedor (vendedor_id, nome, valido_de, valido_ate, atual, versao_origem, inferido, excluido, carregado_em)
    SELECT k.natural_key, 'Desconhecido', :origin, :end_of_time, TRUE, 0, TRUE, FALSE, :now
    FROM (SELECT seller_id AS natural_key FROM ao
          UNION
          SELECT t.seller_id
          FROM stg.affected a
          JOIN stg.sales_targets t ON t.sales_target_id = a.key_value
          WHERE a.apply_token = :token AND a.target = 'fact_metas') k
    WHERE k.natural_key IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM dim.dim_vendedor d WHERE d.vendedor_id = k.natural_key)),
produto AS (
    INSERT INTO dim.dim_produto (produto_id, nome, valido_de, valido_ate, atual, versao_origem, inferido, excluido, carregado_em)
    SELECT k.natural_key, 'Desconhecido', :origin, :end_of_time, TRUE, 0, TRUE, FALSE, :now
    FROM (SELECT DISTINCT product_id AS natural_key FROM ai) k
    WHERE k.natural_key IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM dim.dim_produto d WHERE d.produto_id = k.natural_key)),
desconto AS (
    INSERT INTO dim.dim_desconto (desconto_id, codigo, versao_origem, inferido, excluido, carregado_em)
    SELECT k.natural_key, 'Desconhecido', 0, TRUE, FALSE, :now
    FROM (SELECT DISTINCT discount_id AS natural_key FROM ao) k
    WHERE k.natural_key IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM dim.dim_desconto d WHERE d.desconto_id = k.natural_key))
INSERT INTO dim.dim_regiao (regiao_id, nome, versao_origem, inferido, excluido, carregado_em)
SELECT k.natural_key, 'Desconhecido', 0, TRUE, FALSE, :now
FROM (SELECT DISTINCT c.regiao_id AS natural_key
      FROM (SELECT DISTINCT customer_id FROM ao
            WHERE customer_id IS NOT NULL AND order_id IN (SELECT order_id FROM ai)) ac
      JOIN dim.dim_cliente c ON c.cliente_id = ac.customer_id) k
WHERE k.natural_key IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM dim.dim_regiao d WHERE d.regiao_id = k.natural_key)

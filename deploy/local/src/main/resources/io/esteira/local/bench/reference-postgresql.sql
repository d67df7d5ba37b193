-- The benchmark's reference: a one-shot full build of the star from the OLTP, the way a data engineer
-- writes it by hand, with none of the pipeline's code. PostgreSQL only; one "-- name:" block each.
--
-- 1. copy: every source table once, OLTP -> reference warehouse, with COPY ... TO STDOUT on the OLTP
--    and COPY ... FROM STDIN into an unlogged table of schema ref_src (through the benchmark's JVM,
--    so the two databases need no route between them, no extension and no superuser);
-- 2. build: into a warehouse migrated with the DW schema (its calendar and unknown members are
--    there already), with the facts' foreign keys and the non-unique indexes dropped first:
--    INSERT ... SELECT the six dimensions (surrogate keys from their identity columns), the days the
--    calendar lacks, and the three facts;
-- 3. index: the foreign keys and indexes put back, each in one pass over its table.
--
-- What a full build can know, and where it legitimately differs from the pipeline:
-- - SCD2 (dim_vendedor, dim_cliente, dim_produto): the source holds only the current state, so a
--   full build makes one version per member, valid 1900-01-01 .. 9999-12-31, current. The pipeline
--   keeps a new version for each tracked change it saw; on an initial load from a source nobody
--   changes meanwhile it saw none, and both agree. After changes, compare current versions only.
-- - Facts reference the member's only version (the "as was" version is that one).
-- - Inferred members: none. The OLTP's foreign keys make every referenced member exist, so the
--   pipeline's inferred members are all completed once the load is over; inferido is false here.
-- - Hard-deleted rows are gone from the source: a full build does not know the members the pipeline
--   keeps flagged excluido after a tombstone. Soft-deleted members (deleted_at) are kept, flagged.

-- ── 1. Copy ────────────────────────────────────────────────────────────────────────────────────

-- name: reference-source-schema
DROP SCHEMA IF EXISTS ref_src CASCADE;
CREATE SCHEMA ref_src;
CREATE UNLOGGED TABLE ref_src.regions (
    region_id bigint, name varchar(100), state varchar(50), country varchar(50), deleted_at timestamp(3),
    versao bigint);
CREATE UNLOGGED TABLE ref_src.teams (
    team_id bigint, name varchar(100), region_id bigint, manager_name varchar(100), deleted_at timestamp(3),
    versao bigint);
CREATE UNLOGGED TABLE ref_src.sellers (
    seller_id bigint, name varchar(100), email varchar(150), team_id bigint, is_active boolean,
    deleted_at timestamp(3), versao bigint);
CREATE UNLOGGED TABLE ref_src.customers (
    customer_id bigint, name varchar(150), email varchar(150), customer_type varchar(20), city varchar(100),
    state varchar(50), region_id bigint, segment varchar(30), deleted_at timestamp(3), versao bigint);
CREATE UNLOGGED TABLE ref_src.categories (
    category_id bigint, name varchar(100), parent_id bigint, deleted_at timestamp(3), versao bigint);
CREATE UNLOGGED TABLE ref_src.products (
    product_id bigint, sku varchar(40), name varchar(150), category_id bigint, brand varchar(100),
    list_price numeric(12,2), unit_cost numeric(12,2), deleted_at timestamp(3), versao bigint);
CREATE UNLOGGED TABLE ref_src.discounts (
    discount_id bigint, code varchar(40), discount_type varchar(20), value numeric(12,2), campaign varchar(100),
    starts_at timestamp(3), ends_at timestamp(3), deleted_at timestamp(3), versao bigint);
CREATE UNLOGGED TABLE ref_src.orders (
    order_id bigint, customer_id bigint, seller_id bigint, discount_id bigint, status varchar(20),
    order_date timestamp(3), channel varchar(20), deleted_at timestamp(3));
CREATE UNLOGGED TABLE ref_src.order_items (
    order_item_id bigint, order_id bigint, product_id bigint, quantity integer, unit_price numeric(12,2),
    unit_cost numeric(12,2), discount_amount numeric(12,2), deleted_at timestamp(3));
CREATE UNLOGGED TABLE ref_src.returns (
    return_id bigint, order_item_id bigint, quantity integer, refund_amount numeric(12,2), deleted_at timestamp(3));
CREATE UNLOGGED TABLE ref_src.sales_targets (
    sales_target_id bigint, seller_id bigint, year smallint, month smallint, target_amount numeric(14,2),
    deleted_at timestamp(3));

-- One pair per source table: what to read from the OLTP, where to write it (same columns, same types:
-- binary COPY). Only the columns the star uses; row_version as the bigint versao_origem shows.

-- name: reference-copy-out-regions
COPY (SELECT region_id, name, state, country, deleted_at, row_version::text::bigint FROM core.regions)
TO STDOUT (FORMAT binary);
-- name: reference-copy-in-regions
COPY ref_src.regions FROM STDIN (FORMAT binary);

-- name: reference-copy-out-teams
COPY (SELECT team_id, name, region_id, manager_name, deleted_at, row_version::text::bigint FROM core.teams)
TO STDOUT (FORMAT binary);
-- name: reference-copy-in-teams
COPY ref_src.teams FROM STDIN (FORMAT binary);

-- name: reference-copy-out-sellers
COPY (SELECT seller_id, name, email, team_id, is_active, deleted_at, row_version::text::bigint FROM core.sellers)
TO STDOUT (FORMAT binary);
-- name: reference-copy-in-sellers
COPY ref_src.sellers FROM STDIN (FORMAT binary);

-- name: reference-copy-out-customers
COPY (SELECT customer_id, name, email, customer_type, city, state, region_id, segment, deleted_at,
             row_version::text::bigint
      FROM core.customers)
TO STDOUT (FORMAT binary);
-- name: reference-copy-in-customers
COPY ref_src.customers FROM STDIN (FORMAT binary);

-- name: reference-copy-out-categories
COPY (SELECT category_id, name, parent_id, deleted_at, row_version::text::bigint FROM core.categories)
TO STDOUT (FORMAT binary);
-- name: reference-copy-in-categories
COPY ref_src.categories FROM STDIN (FORMAT binary);

-- name: reference-copy-out-products
COPY (SELECT product_id, sku, name, category_id, brand, list_price, unit_cost, deleted_at, row_version::text::bigint
      FROM core.products)
TO STDOUT (FORMAT binary);
-- name: reference-copy-in-products
COPY ref_src.products FROM STDIN (FORMAT binary);

-- name: reference-copy-out-discounts
COPY (SELECT discount_id, code, discount_type, value, campaign, starts_at, ends_at, deleted_at,
             row_version::text::bigint
      FROM core.discounts)
TO STDOUT (FORMAT binary);
-- name: reference-copy-in-discounts
COPY ref_src.discounts FROM STDIN (FORMAT binary);

-- name: reference-copy-out-orders
COPY (SELECT order_id, customer_id, seller_id, discount_id, status, order_date, channel, deleted_at FROM core.orders)
TO STDOUT (FORMAT binary);
-- name: reference-copy-in-orders
COPY ref_src.orders FROM STDIN (FORMAT binary);

-- name: reference-copy-out-order_items
COPY (SELECT order_item_id, order_id, product_id, quantity, unit_price, unit_cost, discount_amount, deleted_at
      FROM core.order_items)
TO STDOUT (FORMAT binary);
-- name: reference-copy-in-order_items
COPY ref_src.order_items FROM STDIN (FORMAT binary);

-- name: reference-copy-out-returns
COPY (SELECT return_id, order_item_id, quantity, refund_amount, deleted_at FROM core.returns)
TO STDOUT (FORMAT binary);
-- name: reference-copy-in-returns
COPY ref_src.returns FROM STDIN (FORMAT binary);

-- name: reference-copy-out-sales_targets
COPY (SELECT sales_target_id, seller_id, year, month, target_amount, deleted_at FROM core.sales_targets)
TO STDOUT (FORMAT binary);
-- name: reference-copy-in-sales_targets
COPY ref_src.sales_targets FROM STDIN (FORMAT binary);

-- Hard deletes per table: the pipeline reads each tombstone as a change, the reference has nothing to
-- copy for them. Counted (not timed) so the pipeline's load is awaited to its last change.
-- name: reference-tombstones
SELECT table_name, COUNT(*) FROM core.deleted_rows GROUP BY table_name;

-- ── 2. Build ───────────────────────────────────────────────────────────────────────────────────

-- The statements that put back what the load goes without: the facts' foreign keys, then the
-- non-unique indexes of the dimensions and facts (primary keys and unique indexes stay: they are
-- the build's own check). Read from the catalog before dropping, so the schema ends as migrated.
-- name: reference-deferred
SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname) AS drop_statement,
       format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid))
           AS create_statement
FROM pg_catalog.pg_constraint c
WHERE c.contype = 'f' AND c.connamespace IN ('dim'::regnamespace, 'fact'::regnamespace)
UNION ALL
SELECT format('DROP INDEX %s', i.indexrelid::regclass), pg_get_indexdef(i.indexrelid)
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class t ON t.oid = i.indrelid
WHERE t.relnamespace IN ('dim'::regnamespace, 'fact'::regnamespace)
  AND NOT i.indisunique AND NOT i.indisprimary;

-- The copies are new: give the planner their sizes before it joins them.
-- name: reference-analyze-source
ANALYZE ref_src.regions, ref_src.teams, ref_src.sellers, ref_src.customers, ref_src.categories, ref_src.products,
        ref_src.discounts, ref_src.orders, ref_src.order_items, ref_src.returns, ref_src.sales_targets;

-- Dimensions: one member per source row, deleted ones kept and flagged; versao_origem = row_version.

-- name: reference-build-dim_regiao
INSERT INTO dim.dim_regiao (regiao_id, nome, estado, pais, versao_origem, inferido, excluido)
SELECT region_id, name, state, country, versao, false, deleted_at IS NOT NULL
FROM ref_src.regions;

-- name: reference-build-dim_equipe
INSERT INTO dim.dim_equipe (equipe_id, nome, regiao_id, nome_regiao, nome_gerente, versao_origem, inferido, excluido)
SELECT t.team_id, t.name, t.region_id, r.name, t.manager_name, t.versao, false, t.deleted_at IS NOT NULL
FROM ref_src.teams t
LEFT JOIN ref_src.regions r ON r.region_id = t.region_id;

-- name: reference-build-dim_vendedor
INSERT INTO dim.dim_vendedor (vendedor_id, nome, email, equipe_id, nome_equipe, ativo, valido_de, valido_ate, atual,
                              versao_origem, inferido, excluido)
SELECT s.seller_id, s.name, s.email, s.team_id, t.name, s.is_active,
       TIMESTAMP '1900-01-01 00:00:00', TIMESTAMP '9999-12-31 00:00:00', true,
       s.versao, false, s.deleted_at IS NOT NULL
FROM ref_src.sellers s
LEFT JOIN ref_src.teams t ON t.team_id = s.team_id;

-- name: reference-build-dim_cliente
INSERT INTO dim.dim_cliente (cliente_id, nome, email, tipo_cliente, cidade, estado, regiao_id, segmento,
                             valido_de, valido_ate, atual, versao_origem, inferido, excluido)
SELECT customer_id, name, email, customer_type, city, state, region_id, segment,
       TIMESTAMP '1900-01-01 00:00:00', TIMESTAMP '9999-12-31 00:00:00', true,
       versao, false, deleted_at IS NOT NULL
FROM ref_src.customers;

-- name: reference-build-dim_produto
INSERT INTO dim.dim_produto (produto_id, sku, nome, categoria_id, nome_categoria, nome_categoria_pai, marca,
                             preco_lista, custo_unitario, valido_de, valido_ate, atual, versao_origem, inferido,
                             excluido)
SELECT p.product_id, p.sku, p.name, p.category_id, c.name, pc.name, p.brand, p.list_price, p.unit_cost,
       TIMESTAMP '1900-01-01 00:00:00', TIMESTAMP '9999-12-31 00:00:00', true,
       p.versao, false, p.deleted_at IS NOT NULL
FROM ref_src.products p
LEFT JOIN ref_src.categories c ON c.category_id = p.category_id
LEFT JOIN ref_src.categories pc ON pc.category_id = c.parent_id;

-- name: reference-build-dim_desconto
INSERT INTO dim.dim_desconto (desconto_id, codigo, tipo_desconto, valor, campanha, inicio, fim, versao_origem,
                              inferido, excluido)
SELECT discount_id, code, discount_type, value, campaign, starts_at, ends_at, versao, false, deleted_at IS NOT NULL
FROM ref_src.discounts;

-- The calendar holds the migration's years; add the days of live orders and the first days of live
-- targets' months that fall outside them.
-- name: reference-build-dim_data
INSERT INTO dim.dim_data (data_sk, data, ano, trimestre, mes, dia, dia_semana, nome_mes, nome_dia_semana,
                          fim_de_semana)
SELECT CAST(to_char(n.d, 'YYYYMMDD') AS integer), n.d, EXTRACT(YEAR FROM n.d), EXTRACT(QUARTER FROM n.d),
       EXTRACT(MONTH FROM n.d), EXTRACT(DAY FROM n.d), EXTRACT(ISODOW FROM n.d),
       (ARRAY['Janeiro', 'Fevereiro', 'Março', 'Abril', 'Maio', 'Junho', 'Julho', 'Agosto', 'Setembro',
              'Outubro', 'Novembro', 'Dezembro'])[EXTRACT(MONTH FROM n.d)],
       (ARRAY['Segunda-feira', 'Terça-feira', 'Quarta-feira', 'Quinta-feira', 'Sexta-feira', 'Sábado',
              'Domingo'])[EXTRACT(ISODOW FROM n.d)],
       EXTRACT(ISODOW FROM n.d) >= 6
FROM (SELECT CAST(order_date AS date) AS d FROM ref_src.orders WHERE deleted_at IS NULL
      UNION
      SELECT make_date(year, month, 1) FROM ref_src.sales_targets WHERE deleted_at IS NULL) n
WHERE NOT EXISTS (SELECT 1 FROM dim.dim_data x WHERE x.data = n.d);

-- Facts: live rows only. fact_vendas: one row per live item of a live order, its live returns
-- summed in; the dimensions by natural key (each member has its one version).
-- name: reference-build-fact_vendas
INSERT INTO fact.fact_vendas (order_item_id, pedido_id, data_sk, cliente_sk, produto_sk, vendedor_sk, regiao_sk,
                              desconto_sk, quantidade, preco_unitario, valor_bruto, valor_desconto,
                              valor_total_liquido, custo_total, quantidade_devolvida, valor_devolvido, status, canal)
SELECT i.order_item_id, o.order_id, CAST(to_char(o.order_date, 'YYYYMMDD') AS integer),
       COALESCE(c.cliente_sk, 0), COALESCE(p.produto_sk, 0), COALESCE(v.vendedor_sk, 0), COALESCE(r.regiao_sk, 0),
       COALESCE(d.desconto_sk, 0),
       i.quantity, i.unit_price, i.quantity * i.unit_price, i.discount_amount,
       i.quantity * i.unit_price - i.discount_amount, i.quantity * i.unit_cost,
       COALESCE(rt.quantidade, 0), COALESCE(rt.valor, 0), o.status, o.channel
FROM ref_src.order_items i
JOIN ref_src.orders o ON o.order_id = i.order_id
LEFT JOIN dim.dim_cliente c ON c.cliente_id = o.customer_id
LEFT JOIN dim.dim_produto p ON p.produto_id = i.product_id
LEFT JOIN dim.dim_vendedor v ON v.vendedor_id = o.seller_id
LEFT JOIN dim.dim_regiao r ON r.regiao_id = c.regiao_id
LEFT JOIN dim.dim_desconto d ON d.desconto_id = o.discount_id
LEFT JOIN (SELECT order_item_id, SUM(quantity) AS quantidade, SUM(refund_amount) AS valor
           FROM ref_src.returns
           WHERE deleted_at IS NULL
           GROUP BY order_item_id) rt ON rt.order_item_id = i.order_item_id
WHERE i.deleted_at IS NULL AND o.deleted_at IS NULL;

-- fact_descontos: one row per live order with a discount and at least one live item, its items summed.
-- name: reference-build-fact_descontos
INSERT INTO fact.fact_descontos (pedido_id, desconto_sk, cliente_sk, vendedor_sk, data_sk, valor_bruto,
                                 valor_desconto_aplicado, valor_com_desconto)
SELECT o.order_id, COALESCE(MIN(d.desconto_sk), 0), COALESCE(MIN(c.cliente_sk), 0), COALESCE(MIN(v.vendedor_sk), 0),
       CAST(to_char(o.order_date, 'YYYYMMDD') AS integer),
       SUM(i.quantity * i.unit_price), SUM(i.discount_amount), SUM(i.quantity * i.unit_price - i.discount_amount)
FROM ref_src.orders o
JOIN ref_src.order_items i ON i.order_id = o.order_id AND i.deleted_at IS NULL
LEFT JOIN dim.dim_cliente c ON c.cliente_id = o.customer_id
LEFT JOIN dim.dim_vendedor v ON v.vendedor_id = o.seller_id
LEFT JOIN dim.dim_desconto d ON d.desconto_id = o.discount_id
WHERE o.discount_id IS NOT NULL AND o.deleted_at IS NULL
GROUP BY o.order_id, o.order_date;

-- fact_metas: one row per live target, on the first day of its month.
-- name: reference-build-fact_metas
INSERT INTO fact.fact_metas (sales_target_id, vendedor_id, vendedor_sk, data_sk, ano, mes, valor_meta)
SELECT t.sales_target_id, t.seller_id, COALESCE(v.vendedor_sk, 0), t.year * 10000 + t.month * 100 + 1, t.year,
       t.month, t.target_amount
FROM ref_src.sales_targets t
LEFT JOIN dim.dim_vendedor v ON v.vendedor_id = t.seller_id
WHERE t.deleted_at IS NULL;

-- name: reference-drop-source
DROP SCHEMA ref_src CASCADE;

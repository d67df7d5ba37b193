-- Statements of the benchmark (io.esteira.local.bench), one per "-- name:" block. PostgreSQL only.

-- ── Warehouse content, for comparing the pipeline's DW with the reference's ────────────────────
-- One query per warehouse table: every column but the surrogate keys and carregado_em (load time),
-- with each surrogate key replaced by the natural key (and, for SCD2, valido_de) it stands for. Two
-- warehouses loaded from the same source agree row for row on these, whatever order the surrogate
-- keys were handed out in.

-- name: content-dim.dim_data
SELECT data_sk, data, ano, trimestre, mes, dia, dia_semana, nome_mes, nome_dia_semana, fim_de_semana
FROM dim.dim_data;

-- name: content-dim.dim_regiao
SELECT regiao_id, nome, estado, pais, versao_origem, inferido, excluido FROM dim.dim_regiao;

-- name: content-dim.dim_equipe
SELECT equipe_id, nome, regiao_id, nome_regiao, nome_gerente, versao_origem, inferido, excluido
FROM dim.dim_equipe;

-- name: content-dim.dim_vendedor
SELECT vendedor_id, nome, email, equipe_id, nome_equipe, ativo, valido_de, valido_ate, atual, versao_origem,
       inferido, excluido
FROM dim.dim_vendedor;

-- name: content-dim.dim_cliente
SELECT cliente_id, nome, email, tipo_cliente, cidade, estado, regiao_id, segmento, valido_de, valido_ate, atual,
       versao_origem, inferido, excluido
FROM dim.dim_cliente;

-- name: content-dim.dim_produto
SELECT produto_id, sku, nome, categoria_id, nome_categoria, nome_categoria_pai, marca, preco_lista, custo_unitario,
       valido_de, valido_ate, atual, versao_origem, inferido, excluido
FROM dim.dim_produto;

-- name: content-dim.dim_desconto
SELECT desconto_id, codigo, tipo_desconto, valor, campanha, inicio, fim, versao_origem, inferido, excluido
FROM dim.dim_desconto;

-- name: content-fact.fact_vendas
SELECT f.order_item_id, f.pedido_id, f.data_sk, c.cliente_id, c.valido_de, p.produto_id, p.valido_de,
       v.vendedor_id, v.valido_de, r.regiao_id, d.desconto_id, f.quantidade, f.preco_unitario, f.valor_bruto,
       f.valor_desconto, f.valor_total_liquido, f.custo_total, f.quantidade_devolvida, f.valor_devolvido,
       f.status, f.canal
FROM fact.fact_vendas f
JOIN dim.dim_cliente c ON c.cliente_sk = f.cliente_sk
JOIN dim.dim_produto p ON p.produto_sk = f.produto_sk
JOIN dim.dim_vendedor v ON v.vendedor_sk = f.vendedor_sk
JOIN dim.dim_regiao r ON r.regiao_sk = f.regiao_sk
JOIN dim.dim_desconto d ON d.desconto_sk = f.desconto_sk;

-- name: content-fact.fact_metas
SELECT f.sales_target_id, f.vendedor_id, v.vendedor_id, v.valido_de, f.data_sk, f.ano, f.mes, f.valor_meta
FROM fact.fact_metas f
JOIN dim.dim_vendedor v ON v.vendedor_sk = f.vendedor_sk;

-- name: content-fact.fact_descontos
SELECT f.pedido_id, d.desconto_id, c.cliente_id, c.valido_de, v.vendedor_id, v.valido_de, f.data_sk,
       f.valor_bruto, f.valor_desconto_aplicado, f.valor_com_desconto
FROM fact.fact_descontos f
JOIN dim.dim_desconto d ON d.desconto_sk = f.desconto_sk
JOIN dim.dim_cliente c ON c.cliente_sk = f.cliente_sk
JOIN dim.dim_vendedor v ON v.vendedor_sk = f.vendedor_sk;

-- ── Databases ──────────────────────────────────────────────────────────────────────────────────

-- name: database-exists
SELECT COUNT(*) FROM pg_catalog.pg_database WHERE datname = ?;

-- name: table-exists
SELECT to_regclass(?) IS NOT NULL;

-- name: drop-warehouse
DROP SCHEMA IF EXISTS mart, fact, dim, stg, audit, ctl CASCADE;

-- name: drop-oltp
DROP SCHEMA IF EXISTS core CASCADE;

-- ── Pipeline load ──────────────────────────────────────────────────────────────────────────────

-- name: hold-extraction
UPDATE ctl.etl_control SET enabled = ?;

-- name: wake-extractor
SELECT pg_notify(?, '');

-- name: applied-rows
SELECT entity, COUNT(*), COALESCE(SUM(rows_in_batch), 0) FROM ctl.applied_batch GROUP BY entity;

-- name: derive-backlog
SELECT COALESCE(SUM(key_count), 0) FROM ctl.derive_queue;

-- name: apply-time
SELECT COUNT(*), COALESCE(SUM(duration_ms), 0), MAX(ended_at)
FROM audit.etl_run_entity
WHERE service = 'loader-service' AND status = 'success';

-- ── Freshness ──────────────────────────────────────────────────────────────────────────────────

-- name: recent-orders
SELECT order_id FROM core.orders WHERE deleted_at IS NULL ORDER BY order_id DESC LIMIT 10000;

-- name: live-products
SELECT product_id FROM core.products WHERE deleted_at IS NULL ORDER BY product_id;

-- name: order-item-range
SELECT MIN(order_item_id), MAX(order_item_id) FROM core.order_items;

-- A new line on a recent order, at the product's price; returns its key and its quantity (1).
-- name: insert-order-item
INSERT INTO core.order_items (order_id, product_id, quantity, unit_price, unit_cost, discount_amount)
SELECT ?, p.product_id, 1, p.list_price, p.unit_cost, 0
FROM core.products p
WHERE p.product_id = ?
RETURNING order_item_id, quantity;

-- One more unit of an existing live line of a live order (so that the fact row exists); returns its
-- key and new quantity (no row: the key is gone).
-- name: update-order-item
UPDATE core.order_items i SET quantity = i.quantity + 1
WHERE i.order_item_id = ? AND i.deleted_at IS NULL
  AND EXISTS (SELECT 1 FROM core.orders o WHERE o.order_id = i.order_id AND o.deleted_at IS NULL)
RETURNING i.order_item_id, i.quantity;

-- Which of the awaited keys the sales fact shows, with which quantity: a change is visible where
-- users read once fact.fact_vendas holds its order item at its quantity (the workload only adds
-- units, so a larger quantity shows a later change on top of it).
-- name: visible-order-items
SELECT order_item_id, quantidade FROM fact.fact_vendas WHERE order_item_id = ANY (?);

-- The same question asked of a peer's mirror of the source tables (bench --peer debezium).
-- name: visible-mirror-order-items
SELECT order_item_id, quantity FROM core.order_items WHERE order_item_id = ANY (?);

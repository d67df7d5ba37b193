-- Esteira warehouse, H2 (MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE). Follows db/dw/postgresql, the reference.
-- KPI views for the business (docs/data-contract.md, "KPI views"), with the PRD definitions:
--   receita liquida     = SUM(valor_total_liquido)
--   margem bruta        = SUM(valor_total_liquido - custo_total)
--   taxa de devolucao   = SUM(quantidade_devolvida) / SUM(quantidade)
--   atingimento         = realizado / meta x 100, per seller x month
--   ROI de desconto     = SUM(valor_com_desconto) / SUM(valor_desconto_aplicado)
-- A ratio whose denominator is 0 is null. The joins are inner: every fact key points at a dimension
-- row (an inferred member or the unknown member 0 at worst).

CREATE VIEW mart.vendas AS
SELECT f.order_item_id,
       f.pedido_id,
       d.data,
       d.ano,
       d.trimestre,
       d.mes,
       d.nome_mes,
       r.regiao_id,
       r.nome                                 AS regiao,
       p.produto_id,
       p.sku,
       p.nome                                 AS produto,
       p.categoria_id,
       p.nome_categoria                       AS categoria,
       p.nome_categoria_pai                   AS categoria_pai,
       p.marca,
       v.equipe_id,
       v.nome_equipe                          AS equipe,
       v.vendedor_id,
       v.nome                                 AS vendedor,
       c.cliente_id,
       c.nome                                 AS cliente,
       c.tipo_cliente,
       c.segmento,
       c.cidade,
       c.estado,
       f.canal,
       f.status,
       ds.desconto_id,
       ds.codigo                              AS codigo_desconto,
       ds.campanha,
       f.quantidade,
       f.preco_unitario,
       f.valor_bruto,
       f.valor_desconto,
       f.valor_total_liquido,
       f.custo_total,
       f.valor_total_liquido - f.custo_total AS margem_bruta,
       f.quantidade_devolvida,
       f.valor_devolvido
FROM fact.fact_vendas f
JOIN dim.dim_data d ON d.data_sk = f.data_sk
JOIN dim.dim_regiao r ON r.regiao_sk = f.regiao_sk
JOIN dim.dim_produto p ON p.produto_sk = f.produto_sk
JOIN dim.dim_vendedor v ON v.vendedor_sk = f.vendedor_sk
JOIN dim.dim_cliente c ON c.cliente_sk = f.cliente_sk
JOIN dim.dim_desconto ds ON ds.desconto_sk = f.desconto_sk;

COMMENT ON VIEW mart.vendas IS 'Sales by order item with the dimension attributes as they were at the order date (date, region, category, team, seller, customer segment, channel, discount campaign) and the fact''s measures.';
COMMENT ON COLUMN mart.vendas.order_item_id IS 'The order item (fact_vendas.order_item_id).';
COMMENT ON COLUMN mart.vendas.pedido_id IS 'The order (fact_vendas.pedido_id).';
COMMENT ON COLUMN mart.vendas.data IS 'Day of the order; null for the unknown date.';
COMMENT ON COLUMN mart.vendas.ano IS 'Year of the order.';
COMMENT ON COLUMN mart.vendas.trimestre IS 'Quarter of the order, 1 to 4.';
COMMENT ON COLUMN mart.vendas.mes IS 'Month of the order, 1 to 12.';
COMMENT ON COLUMN mart.vendas.nome_mes IS 'Month name in Portuguese.';
COMMENT ON COLUMN mart.vendas.regiao_id IS 'Region of the customer (natural key).';
COMMENT ON COLUMN mart.vendas.regiao IS 'Region name.';
COMMENT ON COLUMN mart.vendas.produto_id IS 'Product (natural key).';
COMMENT ON COLUMN mart.vendas.sku IS 'Product SKU.';
COMMENT ON COLUMN mart.vendas.produto IS 'Product name.';
COMMENT ON COLUMN mart.vendas.categoria_id IS 'Category of the product at the order date (natural key).';
COMMENT ON COLUMN mart.vendas.categoria IS 'Category name.';
COMMENT ON COLUMN mart.vendas.categoria_pai IS 'Parent category name.';
COMMENT ON COLUMN mart.vendas.marca IS 'Product brand.';
COMMENT ON COLUMN mart.vendas.equipe_id IS 'Team of the seller at the order date (natural key).';
COMMENT ON COLUMN mart.vendas.equipe IS 'Team name.';
COMMENT ON COLUMN mart.vendas.vendedor_id IS 'Seller (natural key).';
COMMENT ON COLUMN mart.vendas.vendedor IS 'Seller name.';
COMMENT ON COLUMN mart.vendas.cliente_id IS 'Customer (natural key).';
COMMENT ON COLUMN mart.vendas.cliente IS 'Customer name.';
COMMENT ON COLUMN mart.vendas.tipo_cliente IS 'individual or business.';
COMMENT ON COLUMN mart.vendas.segmento IS 'Customer segment at the order date.';
COMMENT ON COLUMN mart.vendas.cidade IS 'Customer city at the order date.';
COMMENT ON COLUMN mart.vendas.estado IS 'Customer state at the order date.';
COMMENT ON COLUMN mart.vendas.canal IS 'Sales channel: web, app, store or marketplace.';
COMMENT ON COLUMN mart.vendas.status IS 'Order status.';
COMMENT ON COLUMN mart.vendas.desconto_id IS 'Discount of the order (natural key); null when none.';
COMMENT ON COLUMN mart.vendas.codigo_desconto IS 'Discount code; Desconhecido when none.';
COMMENT ON COLUMN mart.vendas.campanha IS 'Discount campaign; Desconhecido when none.';
COMMENT ON COLUMN mart.vendas.quantidade IS 'Units sold.';
COMMENT ON COLUMN mart.vendas.preco_unitario IS 'Unit price charged.';
COMMENT ON COLUMN mart.vendas.valor_bruto IS 'Gross amount: quantidade x preco_unitario.';
COMMENT ON COLUMN mart.vendas.valor_desconto IS 'Discount on the item.';
COMMENT ON COLUMN mart.vendas.valor_total_liquido IS 'Net amount: valor_bruto - valor_desconto.';
COMMENT ON COLUMN mart.vendas.custo_total IS 'Cost of the units sold.';
COMMENT ON COLUMN mart.vendas.margem_bruta IS 'Gross margin of the item: valor_total_liquido - custo_total.';
COMMENT ON COLUMN mart.vendas.quantidade_devolvida IS 'Units returned.';
COMMENT ON COLUMN mart.vendas.valor_devolvido IS 'Amount refunded.';

CREATE VIEW mart.kpi_vendas_diarias AS
SELECT d.data_sk,
       d.data,
       d.ano,
       d.mes,
       COUNT(DISTINCT f.pedido_id)                   AS pedidos,
       SUM(f.valor_total_liquido)                    AS receita_liquida,
       SUM(f.valor_total_liquido - f.custo_total)    AS margem_bruta,
       SUM(f.quantidade)                             AS quantidade,
       SUM(f.quantidade_devolvida)                   AS quantidade_devolvida,
       CAST(CAST(SUM(f.quantidade_devolvida) AS numeric(18,6)) / NULLIF(SUM(f.quantidade), 0) AS numeric(18,6))
                                                     AS taxa_devolucao
FROM fact.fact_vendas f
JOIN dim.dim_data d ON d.data_sk = f.data_sk
GROUP BY d.data_sk, d.data, d.ano, d.mes;

COMMENT ON VIEW mart.kpi_vendas_diarias IS 'Daily sales KPIs: one row per day with sales.';
COMMENT ON COLUMN mart.kpi_vendas_diarias.data_sk IS 'The day as yyyymmdd.';
COMMENT ON COLUMN mart.kpi_vendas_diarias.data IS 'The day.';
COMMENT ON COLUMN mart.kpi_vendas_diarias.ano IS 'Year.';
COMMENT ON COLUMN mart.kpi_vendas_diarias.mes IS 'Month, 1 to 12.';
COMMENT ON COLUMN mart.kpi_vendas_diarias.pedidos IS 'Orders with items on the day.';
COMMENT ON COLUMN mart.kpi_vendas_diarias.receita_liquida IS 'Receita liquida: SUM(valor_total_liquido).';
COMMENT ON COLUMN mart.kpi_vendas_diarias.margem_bruta IS 'Margem bruta: SUM(valor_total_liquido - custo_total).';
COMMENT ON COLUMN mart.kpi_vendas_diarias.quantidade IS 'Units sold: SUM(quantidade).';
COMMENT ON COLUMN mart.kpi_vendas_diarias.quantidade_devolvida IS 'Units returned: SUM(quantidade_devolvida).';
COMMENT ON COLUMN mart.kpi_vendas_diarias.taxa_devolucao IS 'Taxa de devolucao: SUM(quantidade_devolvida) / SUM(quantidade), a fraction (0.1 = 10%), 6 decimals.';

CREATE VIEW mart.kpi_atingimento_metas AS
SELECT m.vendedor_id,
       v.nome                                      AS vendedor,
       v.nome_equipe                               AS equipe,
       m.ano,
       m.mes,
       m.data_sk,
       COALESCE(r.realizado, 0)                    AS realizado,
       m.valor_meta                                AS meta,
       CAST(COALESCE(r.realizado, 0) * 100 / NULLIF(m.valor_meta, 0) AS numeric(18,2))
                                                   AS atingimento_pct
FROM fact.fact_metas m
JOIN dim.dim_vendedor v ON v.vendedor_sk = m.vendedor_sk
LEFT JOIN (
    SELECT sv.vendedor_id, sd.ano, sd.mes, SUM(sf.valor_total_liquido) AS realizado
    FROM fact.fact_vendas sf
    JOIN dim.dim_vendedor sv ON sv.vendedor_sk = sf.vendedor_sk
    JOIN dim.dim_data sd ON sd.data_sk = sf.data_sk
    GROUP BY sv.vendedor_id, sd.ano, sd.mes
) r ON r.vendedor_id = m.vendedor_id AND r.ano = m.ano AND r.mes = m.mes;

COMMENT ON VIEW mart.kpi_atingimento_metas IS 'Target attainment: one row per seller and month with a target (fact_metas).';
COMMENT ON COLUMN mart.kpi_atingimento_metas.vendedor_id IS 'Seller (natural key).';
COMMENT ON COLUMN mart.kpi_atingimento_metas.vendedor IS 'Seller name.';
COMMENT ON COLUMN mart.kpi_atingimento_metas.equipe IS 'Team of the seller on the first day of the month.';
COMMENT ON COLUMN mart.kpi_atingimento_metas.ano IS 'Year.';
COMMENT ON COLUMN mart.kpi_atingimento_metas.mes IS 'Month, 1 to 12.';
COMMENT ON COLUMN mart.kpi_atingimento_metas.data_sk IS 'First day of the month as yyyymmdd.';
COMMENT ON COLUMN mart.kpi_atingimento_metas.realizado IS 'Realizado: receita liquida (SUM(valor_total_liquido)) of the seller''s orders in the month; 0 when none.';
COMMENT ON COLUMN mart.kpi_atingimento_metas.meta IS 'Meta: the target (fact_metas.valor_meta).';
COMMENT ON COLUMN mart.kpi_atingimento_metas.atingimento_pct IS 'Atingimento: realizado / meta x 100, 2 decimals; null when the target is 0.';

CREATE VIEW mart.kpi_roi_desconto AS
SELECT ds.desconto_id,
       ds.codigo,
       ds.campanha,
       d.ano,
       d.mes,
       COUNT(*)                           AS pedidos,
       SUM(fd.valor_bruto)                AS valor_bruto,
       SUM(fd.valor_com_desconto)         AS valor_com_desconto,
       SUM(fd.valor_desconto_aplicado)    AS valor_desconto_aplicado,
       CAST(SUM(fd.valor_com_desconto) / NULLIF(SUM(fd.valor_desconto_aplicado), 0) AS numeric(18,4))
                                          AS roi_desconto
FROM fact.fact_descontos fd
JOIN dim.dim_desconto ds ON ds.desconto_sk = fd.desconto_sk
JOIN dim.dim_data d ON d.data_sk = fd.data_sk
GROUP BY ds.desconto_sk, ds.desconto_id, ds.codigo, ds.campanha, d.ano, d.mes;

COMMENT ON VIEW mart.kpi_roi_desconto IS 'Discount ROI: one row per discount (with its campaign) and month.';
COMMENT ON COLUMN mart.kpi_roi_desconto.desconto_id IS 'Discount (natural key).';
COMMENT ON COLUMN mart.kpi_roi_desconto.codigo IS 'Discount code.';
COMMENT ON COLUMN mart.kpi_roi_desconto.campanha IS 'Campaign of the discount.';
COMMENT ON COLUMN mart.kpi_roi_desconto.ano IS 'Year of the orders.';
COMMENT ON COLUMN mart.kpi_roi_desconto.mes IS 'Month of the orders, 1 to 12.';
COMMENT ON COLUMN mart.kpi_roi_desconto.pedidos IS 'Orders that used the discount.';
COMMENT ON COLUMN mart.kpi_roi_desconto.valor_bruto IS 'Gross amount of those orders: SUM(valor_bruto).';
COMMENT ON COLUMN mart.kpi_roi_desconto.valor_com_desconto IS 'Amount paid after the discount: SUM(valor_com_desconto).';
COMMENT ON COLUMN mart.kpi_roi_desconto.valor_desconto_aplicado IS 'Discount granted: SUM(valor_desconto_aplicado).';
COMMENT ON COLUMN mart.kpi_roi_desconto.roi_desconto IS 'ROI de desconto: SUM(valor_com_desconto) / SUM(valor_desconto_aplicado), 4 decimals; null when no discount was granted.';

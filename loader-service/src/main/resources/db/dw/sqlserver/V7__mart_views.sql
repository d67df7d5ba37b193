-- Esteira warehouse, SQL Server 2022. Follows db/dw/postgresql, the reference: nvarchar for varchar,
-- nvarchar(max) for text, bit for boolean, datetime2(3) for timestamp(3), float for double precision,
-- MS_Description extended properties for comments. Flyway splits batches on GO only.
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
GO
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Sales by order item with the dimension attributes as they were at the order date (date, region, category, team, seller, customer segment, channel, discount campaign) and the fact''s measures.',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'vendas';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'The order item (fact_vendas.order_item_id).',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'vendas',
    @level2type = N'COLUMN', @level2name = N'order_item_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'The order (fact_vendas.pedido_id).',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'vendas',
    @level2type = N'COLUMN', @level2name = N'pedido_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Day of the order; null for the unknown date.',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'vendas',
    @level2type = N'COLUMN', @level2name = N'data';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Year of the order.',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'vendas',
    @level2type = N'COLUMN', @level2name = N'ano';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Quarter of the order, 1 to 4.',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'vendas',
    @level2type = N'COLUMN', @level2name = N'trimestre';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Month of the order, 1 to 12.',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'vendas',
    @level2type = N'COLUMN', @level2name = N'mes';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Month name in Portuguese.',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'vendas',
    @level2type = N'COLUMN', @level2name = N'nome_mes';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Region of the customer (natural key).',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'vendas',
    @level2type = N'COLUMN', @level2name = N'regiao_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Region name.',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'vendas',
    @level2type = N'COLUMN', @level2name = N'regiao';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Product (natural key).',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'vendas',
    @level2type = N'COLUMN', @level2name = N'produto_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Product SKU.',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'vendas',
    @level2type = N'COLUMN', @level2name = N'sku';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Product name.',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'vendas',
    @level2type = N'COLUMN', @level2name = N'produto';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Category of the product at the order date (natural key).',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'vendas',
    @level2type = N'COLUMN', @level2name = N'categoria_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Category name.',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'vendas',
    @level2type = N'COLUMN', @level2name = N'categoria';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Parent category name.',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'vendas',
    @level2type = N'COLUMN', @level2name = N'categoria_pai';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Product brand.',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'vendas',
    @level2type = N'COLUMN', @level2name = N'marca';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Team of the seller at the order date (natural key).',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'vendas',
    @level2type = N'COLUMN', @level2name = N'equipe_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Team name.',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'vendas',
    @level2type = N'COLUMN', @level2name = N'equipe';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Seller (natural key).',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'vendas',
    @level2type = N'COLUMN', @level2name = N'vendedor_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Seller name.',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'vendas',
    @level2type = N'COLUMN', @level2name = N'vendedor';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Customer (natural key).',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'vendas',
    @level2type = N'COLUMN', @level2name = N'cliente_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Customer name.',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'vendas',
    @level2type = N'COLUMN', @level2name = N'cliente';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'individual or business.',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'vendas',
    @level2type = N'COLUMN', @level2name = N'tipo_cliente';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Customer segment at the order date.',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'vendas',
    @level2type = N'COLUMN', @level2name = N'segmento';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Customer city at the order date.',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'vendas',
    @level2type = N'COLUMN', @level2name = N'cidade';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Customer state at the order date.',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'vendas',
    @level2type = N'COLUMN', @level2name = N'estado';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Sales channel: web, app, store or marketplace.',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'vendas',
    @level2type = N'COLUMN', @level2name = N'canal';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Order status.',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'vendas',
    @level2type = N'COLUMN', @level2name = N'status';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Discount of the order (natural key); null when none.',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'vendas',
    @level2type = N'COLUMN', @level2name = N'desconto_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Discount code; Desconhecido when none.',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'vendas',
    @level2type = N'COLUMN', @level2name = N'codigo_desconto';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Discount campaign; Desconhecido when none.',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'vendas',
    @level2type = N'COLUMN', @level2name = N'campanha';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Units sold.',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'vendas',
    @level2type = N'COLUMN', @level2name = N'quantidade';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Unit price charged.',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'vendas',
    @level2type = N'COLUMN', @level2name = N'preco_unitario';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Gross amount: quantidade x preco_unitario.',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'vendas',
    @level2type = N'COLUMN', @level2name = N'valor_bruto';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Discount on the item.',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'vendas',
    @level2type = N'COLUMN', @level2name = N'valor_desconto';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Net amount: valor_bruto - valor_desconto.',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'vendas',
    @level2type = N'COLUMN', @level2name = N'valor_total_liquido';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Cost of the units sold.',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'vendas',
    @level2type = N'COLUMN', @level2name = N'custo_total';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Gross margin of the item: valor_total_liquido - custo_total.',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'vendas',
    @level2type = N'COLUMN', @level2name = N'margem_bruta';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Units returned.',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'vendas',
    @level2type = N'COLUMN', @level2name = N'quantidade_devolvida';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Amount refunded.',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'vendas',
    @level2type = N'COLUMN', @level2name = N'valor_devolvido';
GO
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
GO
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Daily sales KPIs: one row per day with sales.',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'kpi_vendas_diarias';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'The day as yyyymmdd.',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'kpi_vendas_diarias',
    @level2type = N'COLUMN', @level2name = N'data_sk';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'The day.',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'kpi_vendas_diarias',
    @level2type = N'COLUMN', @level2name = N'data';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Year.',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'kpi_vendas_diarias',
    @level2type = N'COLUMN', @level2name = N'ano';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Month, 1 to 12.',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'kpi_vendas_diarias',
    @level2type = N'COLUMN', @level2name = N'mes';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Orders with items on the day.',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'kpi_vendas_diarias',
    @level2type = N'COLUMN', @level2name = N'pedidos';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Receita liquida: SUM(valor_total_liquido).',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'kpi_vendas_diarias',
    @level2type = N'COLUMN', @level2name = N'receita_liquida';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Margem bruta: SUM(valor_total_liquido - custo_total).',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'kpi_vendas_diarias',
    @level2type = N'COLUMN', @level2name = N'margem_bruta';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Units sold: SUM(quantidade).',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'kpi_vendas_diarias',
    @level2type = N'COLUMN', @level2name = N'quantidade';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Units returned: SUM(quantidade_devolvida).',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'kpi_vendas_diarias',
    @level2type = N'COLUMN', @level2name = N'quantidade_devolvida';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Taxa de devolucao: SUM(quantidade_devolvida) / SUM(quantidade), a fraction (0.1 = 10%), 6 decimals.',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'kpi_vendas_diarias',
    @level2type = N'COLUMN', @level2name = N'taxa_devolucao';
GO
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
GO
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Target attainment: one row per seller and month with a target (fact_metas).',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'kpi_atingimento_metas';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Seller (natural key).',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'kpi_atingimento_metas',
    @level2type = N'COLUMN', @level2name = N'vendedor_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Seller name.',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'kpi_atingimento_metas',
    @level2type = N'COLUMN', @level2name = N'vendedor';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Team of the seller on the first day of the month.',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'kpi_atingimento_metas',
    @level2type = N'COLUMN', @level2name = N'equipe';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Year.',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'kpi_atingimento_metas',
    @level2type = N'COLUMN', @level2name = N'ano';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Month, 1 to 12.',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'kpi_atingimento_metas',
    @level2type = N'COLUMN', @level2name = N'mes';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'First day of the month as yyyymmdd.',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'kpi_atingimento_metas',
    @level2type = N'COLUMN', @level2name = N'data_sk';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Realizado: receita liquida (SUM(valor_total_liquido)) of the seller''s orders in the month; 0 when none.',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'kpi_atingimento_metas',
    @level2type = N'COLUMN', @level2name = N'realizado';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Meta: the target (fact_metas.valor_meta).',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'kpi_atingimento_metas',
    @level2type = N'COLUMN', @level2name = N'meta';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Atingimento: realizado / meta x 100, 2 decimals; null when the target is 0.',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'kpi_atingimento_metas',
    @level2type = N'COLUMN', @level2name = N'atingimento_pct';
GO
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
GO
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Discount ROI: one row per discount (with its campaign) and month.',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'kpi_roi_desconto';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Discount (natural key).',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'kpi_roi_desconto',
    @level2type = N'COLUMN', @level2name = N'desconto_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Discount code.',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'kpi_roi_desconto',
    @level2type = N'COLUMN', @level2name = N'codigo';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Campaign of the discount.',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'kpi_roi_desconto',
    @level2type = N'COLUMN', @level2name = N'campanha';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Year of the orders.',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'kpi_roi_desconto',
    @level2type = N'COLUMN', @level2name = N'ano';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Month of the orders, 1 to 12.',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'kpi_roi_desconto',
    @level2type = N'COLUMN', @level2name = N'mes';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Orders that used the discount.',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'kpi_roi_desconto',
    @level2type = N'COLUMN', @level2name = N'pedidos';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Gross amount of those orders: SUM(valor_bruto).',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'kpi_roi_desconto',
    @level2type = N'COLUMN', @level2name = N'valor_bruto';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Amount paid after the discount: SUM(valor_com_desconto).',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'kpi_roi_desconto',
    @level2type = N'COLUMN', @level2name = N'valor_com_desconto';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Discount granted: SUM(valor_desconto_aplicado).',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'kpi_roi_desconto',
    @level2type = N'COLUMN', @level2name = N'valor_desconto_aplicado';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'ROI de desconto: SUM(valor_com_desconto) / SUM(valor_desconto_aplicado), 4 decimals; null when no discount was granted.',
    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'kpi_roi_desconto',
    @level2type = N'COLUMN', @level2name = N'roi_desconto';
GO

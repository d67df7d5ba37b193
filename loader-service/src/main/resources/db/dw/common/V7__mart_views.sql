-- KPI views for the business (docs/data-contract.md, "KPI views"), with the PRD definitions:
--   receita liquida     = SUM(valor_total_liquido)
--   margem bruta        = SUM(valor_total_liquido - custo_total)
--   taxa de devolucao   = SUM(quantidade_devolvida) / SUM(quantidade)
--   atingimento         = realizado / meta x 100, per seller x month
--   ROI de desconto     = SUM(valor_com_desconto) / SUM(valor_desconto_aplicado)
-- A ratio whose denominator is 0 is null. The joins are inner: every fact key points at a dimension
-- row (an inferred member or the unknown member 0 at worst).
-- Both vendors (docs/adr/0013-schema-written-once.md): the placeholders varchar, text, bool, timestamp,
-- double, identity, utc_now, true and false are rendered per vendor (DwPlaceholders); a line starting with
-- the placeholder sqlserver or postgresql runs on that vendor only; go ends a SQL Server batch.

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
${go}


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
${go}


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
${go}


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
${go}

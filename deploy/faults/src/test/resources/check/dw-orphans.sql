-- Sales facts whose surrogate keys point at no dimension row, or at the unknown member (0) where the
-- key is mandatory: after a catch-up there must be none.
SELECT 'data_sk' AS key_column, COUNT(*) FROM fact.fact_vendas f
 WHERE f.data_sk = 0 OR NOT EXISTS (SELECT 1 FROM dim.dim_data d WHERE d.data_sk = f.data_sk)
UNION ALL
SELECT 'cliente_sk', COUNT(*) FROM fact.fact_vendas f
 WHERE f.cliente_sk = 0 OR NOT EXISTS (SELECT 1 FROM dim.dim_cliente d WHERE d.cliente_sk = f.cliente_sk)
UNION ALL
SELECT 'produto_sk', COUNT(*) FROM fact.fact_vendas f
 WHERE f.produto_sk = 0 OR NOT EXISTS (SELECT 1 FROM dim.dim_produto d WHERE d.produto_sk = f.produto_sk)
UNION ALL
SELECT 'vendedor_sk', COUNT(*) FROM fact.fact_vendas f
 WHERE f.vendedor_sk = 0 OR NOT EXISTS (SELECT 1 FROM dim.dim_vendedor d WHERE d.vendedor_sk = f.vendedor_sk)
UNION ALL
SELECT 'regiao_sk', COUNT(*) FROM fact.fact_vendas f
 WHERE f.regiao_sk = 0 OR NOT EXISTS (SELECT 1 FROM dim.dim_regiao d WHERE d.regiao_sk = f.regiao_sk)
UNION ALL
SELECT 'desconto_sk', COUNT(*) FROM fact.fact_vendas f
 WHERE NOT EXISTS (SELECT 1 FROM dim.dim_desconto d WHERE d.desconto_sk = f.desconto_sk)

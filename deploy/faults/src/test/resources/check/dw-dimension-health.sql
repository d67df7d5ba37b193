-- Dimension members that must not exist once everything arrived: inferred members never completed, and
-- natural keys with more than one current version (a member applied twice).
SELECT 'dim_cliente inferred', COUNT(*) FROM dim.dim_cliente WHERE inferido
UNION ALL SELECT 'dim_produto inferred', COUNT(*) FROM dim.dim_produto WHERE inferido
UNION ALL SELECT 'dim_vendedor inferred', COUNT(*) FROM dim.dim_vendedor WHERE inferido
UNION ALL SELECT 'dim_regiao inferred', COUNT(*) FROM dim.dim_regiao WHERE inferido
UNION ALL SELECT 'dim_equipe inferred', COUNT(*) FROM dim.dim_equipe WHERE inferido
UNION ALL SELECT 'dim_desconto inferred', COUNT(*) FROM dim.dim_desconto WHERE inferido
UNION ALL SELECT 'dim_cliente keys with several current versions', COUNT(*) FROM
    (SELECT cliente_id FROM dim.dim_cliente WHERE atual AND cliente_id IS NOT NULL GROUP BY cliente_id HAVING COUNT(*) > 1) c
UNION ALL SELECT 'dim_produto keys with several current versions', COUNT(*) FROM
    (SELECT produto_id FROM dim.dim_produto WHERE atual AND produto_id IS NOT NULL GROUP BY produto_id HAVING COUNT(*) > 1) p
UNION ALL SELECT 'dim_vendedor keys with several current versions', COUNT(*) FROM
    (SELECT vendedor_id FROM dim.dim_vendedor WHERE atual AND vendedor_id IS NOT NULL GROUP BY vendedor_id HAVING COUNT(*) > 1) v

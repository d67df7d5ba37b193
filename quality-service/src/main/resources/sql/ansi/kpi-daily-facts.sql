-- The same day computed from the fact table alone (PRD definitions), to compare with the view.
SELECT COUNT(*) AS itens,
       COUNT(DISTINCT f.pedido_id) AS pedidos,
       SUM(f.valor_total_liquido) AS receita_liquida,
       SUM(f.valor_total_liquido) - SUM(f.custo_total) AS margem_bruta,
       SUM(f.quantidade) AS quantidade,
       SUM(f.quantidade_devolvida) AS quantidade_devolvida
FROM fact.fact_vendas f
WHERE f.data_sk = :data_sk

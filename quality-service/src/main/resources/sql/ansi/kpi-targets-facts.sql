-- The same month computed from the facts: each seller's target and the net revenue of the seller's
-- order items dated in the month (any version of the seller).
SELECT m.vendedor_id,
       m.valor_meta AS meta,
       (SELECT SUM(f.valor_total_liquido)
        FROM fact.fact_vendas f
        JOIN dim.dim_vendedor v ON v.vendedor_sk = f.vendedor_sk
        WHERE v.vendedor_id = m.vendedor_id
          AND f.data_sk >= :from_sk
          AND f.data_sk <= :to_sk) AS realizado
FROM fact.fact_metas m
WHERE m.ano = :ano
  AND m.mes = :mes

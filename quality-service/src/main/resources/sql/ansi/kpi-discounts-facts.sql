-- The same month computed from the facts: per discount, the amounts of the orders dated in the month.
SELECT ds.desconto_id,
       SUM(fd.valor_com_desconto) AS valor_com_desconto,
       SUM(fd.valor_desconto_aplicado) AS valor_desconto_aplicado
FROM fact.fact_descontos fd
JOIN dim.dim_desconto ds ON ds.desconto_sk = fd.desconto_sk
WHERE fd.data_sk >= :from_sk
  AND fd.data_sk <= :to_sk
GROUP BY ds.desconto_id

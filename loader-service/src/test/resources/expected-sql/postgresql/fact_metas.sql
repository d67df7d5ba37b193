-- ==== statement 1 of 2 ====
-- Re-derives the affected monthly targets, keyed to the seller version valid on the month's first day.
DELETE FROM fact.fact_metas
WHERE sales_target_id IN (SELECT key_value FROM stg.affected WHERE apply_token = :token AND target = 'fact_metas')

-- ==== statement 2 of 2 ====
INSERT INTO fact.fact_metas (sales_target_id, vendedor_id, vendedor_sk, data_sk, ano, mes, valor_meta, carregado_em)
SELECT t.sales_target_id,
       t.seller_id,
       COALESCE(v.vendedor_sk, 0),
       t.year * 10000 + t.month * 100 + 1,
       t.year,
       t.month,
       t.target_amount,
       :now
FROM (SELECT DISTINCT key_value FROM stg.affected WHERE apply_token = :token AND target = 'fact_metas') a
JOIN stg.sales_targets t ON t.sales_target_id = a.key_value
LEFT JOIN dim.dim_vendedor v
       ON v.vendedor_id = t.seller_id
      AND CAST(CAST(t.year AS VARCHAR(4)) || '-' || LPAD(CAST(t.month AS VARCHAR(2)), 2, '0') || '-01' AS DATE) >= v.valido_de
      AND CAST(CAST(t.year AS VARCHAR(4)) || '-' || LPAD(CAST(t.month AS VARCHAR(2)), 2, '0') || '-01' AS DATE) < v.valido_ate
WHERE t.deleted_at IS NULL AND t.source_deleted = FALSE

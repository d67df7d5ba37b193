-- Target attainment the business reads, for one month.
SELECT vendedor_id, realizado, meta, atingimento_pct
FROM mart.kpi_atingimento_metas
WHERE ano = :ano
  AND mes = :mes

-- Discount ROI the business reads, for one month.
SELECT desconto_id, valor_com_desconto, valor_desconto_aplicado, roi_desconto
FROM mart.kpi_roi_desconto
WHERE ano = :ano
  AND mes = :mes

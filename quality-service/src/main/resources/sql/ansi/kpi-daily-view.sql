-- The daily KPIs the business reads, for one day.
SELECT pedidos, receita_liquida, margem_bruta, quantidade, quantidade_devolvida, taxa_devolucao
FROM mart.kpi_vendas_diarias
WHERE data_sk = :data_sk

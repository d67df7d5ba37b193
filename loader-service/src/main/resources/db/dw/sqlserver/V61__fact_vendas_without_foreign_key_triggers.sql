-- fact_vendas keeps its integrity without per-row foreign-key checks (see
-- db/dw/postgresql/V61__fact_vendas_without_foreign_key_triggers.sql and
-- docs/adr/0007-fact-integrity-without-triggers.md).
ALTER TABLE fact.fact_vendas DROP CONSTRAINT fk_fact_vendas_data;
ALTER TABLE fact.fact_vendas DROP CONSTRAINT fk_fact_vendas_cliente;
ALTER TABLE fact.fact_vendas DROP CONSTRAINT fk_fact_vendas_produto;
ALTER TABLE fact.fact_vendas DROP CONSTRAINT fk_fact_vendas_vendedor;
ALTER TABLE fact.fact_vendas DROP CONSTRAINT fk_fact_vendas_regiao;
ALTER TABLE fact.fact_vendas DROP CONSTRAINT fk_fact_vendas_desconto;

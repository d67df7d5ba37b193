-- fact_descontos drops its four foreign keys, as fact_vendas did (docs/adr/0007-fact-integrity-without-triggers.md):
-- under EXPLAIN ANALYZE the discount facts' insert of a 20,000-order derive pass spent 169 of its 427 ms in
-- the four constraint triggers, one lookup per constraint and row. The derive pass is still the only writer
-- of facts, takes every surrogate key from the dimension rows it reads in the same transaction (or the
-- unknown member 0), and creates inferred members and calendar days before the facts; the scenario tests
-- check after every test that no discount fact points at a missing member, and the quality service's
-- orphans-fact-descontos check does in production. fact_metas, a few rows a month, keeps its keys.
ALTER TABLE fact.fact_descontos DROP CONSTRAINT fk_fact_descontos_desconto;
ALTER TABLE fact.fact_descontos DROP CONSTRAINT fk_fact_descontos_cliente;
ALTER TABLE fact.fact_descontos DROP CONSTRAINT fk_fact_descontos_vendedor;
ALTER TABLE fact.fact_descontos DROP CONSTRAINT fk_fact_descontos_data;

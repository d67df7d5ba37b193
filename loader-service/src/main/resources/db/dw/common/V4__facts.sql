-- Facts. They hold exactly the live (not deleted) source rows of their grain and reference the
-- dimension versions valid at the order's order_date (SCD2 "as was"). Foreign keys to the dimensions
-- are safe to enforce: a key that has not arrived yet points at an inferred member, an absent one at 0.
-- fact_vendas keeps its integrity without them (docs/adr/0007-fact-integrity-without-triggers.md): its
-- only writer is the derive pass, which takes every surrogate key from the dimension rows it reads in
-- the same transaction (or the unknown member 0), creates inferred members first, and never deletes a
-- dimension row. Its six foreign keys cost 0.85 s of 1.56 s for 20,000 sales facts; the orphan check of
-- the quality service and BatchApplierScenario's check after every test prove the integrity instead.
-- fact_descontos and fact_metas keep theirs: they are a small fraction of the rows.
-- Both vendors (docs/adr/0013-schema-written-once.md): the placeholders varchar, text, bool, timestamp,
-- double, identity, utc_now, true and false are rendered per vendor (DwPlaceholders); a line starting with
-- the placeholder sqlserver or postgresql runs on that vendor only; go ends a SQL Server batch.

CREATE TABLE fact.fact_vendas (
    order_item_id        bigint        NOT NULL,
    pedido_id            bigint        NOT NULL,
    data_sk              integer       NOT NULL,
    cliente_sk           bigint        NOT NULL DEFAULT 0,
    produto_sk           bigint        NOT NULL DEFAULT 0,
    vendedor_sk          bigint        NOT NULL DEFAULT 0,
    regiao_sk            bigint        NOT NULL DEFAULT 0,
    desconto_sk          bigint        NOT NULL DEFAULT 0,
    quantidade           integer       NOT NULL,
    preco_unitario       numeric(12,2) NOT NULL,
    valor_bruto          numeric(14,2) NOT NULL,
    valor_desconto       numeric(12,2) NOT NULL DEFAULT 0,
    valor_total_liquido  numeric(14,2) NOT NULL,
    custo_total          numeric(14,2) NOT NULL,
    quantidade_devolvida integer       NOT NULL DEFAULT 0,
    valor_devolvido      numeric(14,2) NOT NULL DEFAULT 0,
    status               ${varchar}(20),
    canal                ${varchar}(20),
    carregado_em         ${timestamp}  NOT NULL DEFAULT ${utc_now},
    CONSTRAINT pk_fact_vendas PRIMARY KEY (order_item_id)
);
CREATE INDEX ix_fact_vendas_data_sk ON fact.fact_vendas (data_sk);
CREATE INDEX ix_fact_vendas_pedido_id ON fact.fact_vendas (pedido_id);
${go}

CREATE TABLE fact.fact_metas (
    sales_target_id bigint        NOT NULL,
    vendedor_id     bigint        NOT NULL,
    vendedor_sk     bigint        NOT NULL DEFAULT 0,
    data_sk         integer       NOT NULL,
    ano             smallint      NOT NULL,
    mes             smallint      NOT NULL,
    valor_meta      numeric(14,2) NOT NULL,
    carregado_em    ${timestamp}  NOT NULL DEFAULT ${utc_now},
    CONSTRAINT pk_fact_metas PRIMARY KEY (sales_target_id),
    CONSTRAINT uq_fact_metas_vendedor_mes UNIQUE (vendedor_id, data_sk),
    CONSTRAINT fk_fact_metas_vendedor FOREIGN KEY (vendedor_sk) REFERENCES dim.dim_vendedor (vendedor_sk),
    CONSTRAINT fk_fact_metas_data FOREIGN KEY (data_sk) REFERENCES dim.dim_data (data_sk)
);
CREATE INDEX ix_fact_metas_data_sk ON fact.fact_metas (data_sk);
${go}

CREATE TABLE fact.fact_descontos (
    pedido_id               bigint        NOT NULL,
    desconto_sk             bigint        NOT NULL,
    cliente_sk              bigint        NOT NULL DEFAULT 0,
    vendedor_sk             bigint        NOT NULL DEFAULT 0,
    data_sk                 integer       NOT NULL,
    valor_bruto             numeric(14,2) NOT NULL,
    valor_desconto_aplicado numeric(14,2) NOT NULL,
    valor_com_desconto      numeric(14,2) NOT NULL,
    carregado_em            ${timestamp}  NOT NULL DEFAULT ${utc_now},
    CONSTRAINT pk_fact_descontos PRIMARY KEY (pedido_id),
    CONSTRAINT fk_fact_descontos_desconto FOREIGN KEY (desconto_sk) REFERENCES dim.dim_desconto (desconto_sk),
    CONSTRAINT fk_fact_descontos_cliente FOREIGN KEY (cliente_sk) REFERENCES dim.dim_cliente (cliente_sk),
    CONSTRAINT fk_fact_descontos_vendedor FOREIGN KEY (vendedor_sk) REFERENCES dim.dim_vendedor (vendedor_sk),
    CONSTRAINT fk_fact_descontos_data FOREIGN KEY (data_sk) REFERENCES dim.dim_data (data_sk)
);
CREATE INDEX ix_fact_descontos_data_sk ON fact.fact_descontos (data_sk);
CREATE INDEX ix_fact_descontos_desconto_sk ON fact.fact_descontos (desconto_sk);
${go}

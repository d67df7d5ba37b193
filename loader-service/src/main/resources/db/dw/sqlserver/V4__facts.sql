-- Esteira warehouse, SQL Server 2022. Follows db/dw/postgresql, the reference: nvarchar for varchar,
-- nvarchar(max) for text, bit for boolean, datetime2(3) for timestamp(3), float for double precision,
-- descriptions from db/dw/descriptions.yml (R__describe_objects). Flyway splits batches on GO only.
-- Facts. They hold exactly the live (not deleted) source rows of their grain and reference the
-- dimension versions valid at the order's order_date (SCD2 "as was"). Foreign keys to the dimensions
-- are safe to enforce: a key that has not arrived yet points at an inferred member, an absent one at 0.

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
    status               nvarchar(20),
    canal                nvarchar(20),
    carregado_em         datetime2(3)  NOT NULL DEFAULT SYSUTCDATETIME(),
    CONSTRAINT pk_fact_vendas PRIMARY KEY (order_item_id),
    CONSTRAINT fk_fact_vendas_data FOREIGN KEY (data_sk) REFERENCES dim.dim_data (data_sk),
    CONSTRAINT fk_fact_vendas_cliente FOREIGN KEY (cliente_sk) REFERENCES dim.dim_cliente (cliente_sk),
    CONSTRAINT fk_fact_vendas_produto FOREIGN KEY (produto_sk) REFERENCES dim.dim_produto (produto_sk),
    CONSTRAINT fk_fact_vendas_vendedor FOREIGN KEY (vendedor_sk) REFERENCES dim.dim_vendedor (vendedor_sk),
    CONSTRAINT fk_fact_vendas_regiao FOREIGN KEY (regiao_sk) REFERENCES dim.dim_regiao (regiao_sk),
    CONSTRAINT fk_fact_vendas_desconto FOREIGN KEY (desconto_sk) REFERENCES dim.dim_desconto (desconto_sk)
);
CREATE INDEX ix_fact_vendas_data_sk ON fact.fact_vendas (data_sk);
CREATE INDEX ix_fact_vendas_pedido_id ON fact.fact_vendas (pedido_id);
GO
CREATE TABLE fact.fact_metas (
    sales_target_id bigint        NOT NULL,
    vendedor_id     bigint        NOT NULL,
    vendedor_sk     bigint        NOT NULL DEFAULT 0,
    data_sk         integer       NOT NULL,
    ano             smallint      NOT NULL,
    mes             smallint      NOT NULL,
    valor_meta      numeric(14,2) NOT NULL,
    carregado_em    datetime2(3)  NOT NULL DEFAULT SYSUTCDATETIME(),
    CONSTRAINT pk_fact_metas PRIMARY KEY (sales_target_id),
    CONSTRAINT uq_fact_metas_vendedor_mes UNIQUE (vendedor_id, data_sk),
    CONSTRAINT fk_fact_metas_vendedor FOREIGN KEY (vendedor_sk) REFERENCES dim.dim_vendedor (vendedor_sk),
    CONSTRAINT fk_fact_metas_data FOREIGN KEY (data_sk) REFERENCES dim.dim_data (data_sk)
);
CREATE INDEX ix_fact_metas_data_sk ON fact.fact_metas (data_sk);
GO
CREATE TABLE fact.fact_descontos (
    pedido_id               bigint        NOT NULL,
    desconto_sk             bigint        NOT NULL,
    cliente_sk              bigint        NOT NULL DEFAULT 0,
    vendedor_sk             bigint        NOT NULL DEFAULT 0,
    data_sk                 integer       NOT NULL,
    valor_bruto             numeric(14,2) NOT NULL,
    valor_desconto_aplicado numeric(14,2) NOT NULL,
    valor_com_desconto      numeric(14,2) NOT NULL,
    carregado_em            datetime2(3)  NOT NULL DEFAULT SYSUTCDATETIME(),
    CONSTRAINT pk_fact_descontos PRIMARY KEY (pedido_id),
    CONSTRAINT fk_fact_descontos_desconto FOREIGN KEY (desconto_sk) REFERENCES dim.dim_desconto (desconto_sk),
    CONSTRAINT fk_fact_descontos_cliente FOREIGN KEY (cliente_sk) REFERENCES dim.dim_cliente (cliente_sk),
    CONSTRAINT fk_fact_descontos_vendedor FOREIGN KEY (vendedor_sk) REFERENCES dim.dim_vendedor (vendedor_sk),
    CONSTRAINT fk_fact_descontos_data FOREIGN KEY (data_sk) REFERENCES dim.dim_data (data_sk)
);
CREATE INDEX ix_fact_descontos_data_sk ON fact.fact_descontos (data_sk);
CREATE INDEX ix_fact_descontos_desconto_sk ON fact.fact_descontos (desconto_sk);
GO

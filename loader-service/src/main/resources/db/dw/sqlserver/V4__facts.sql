-- Esteira warehouse, SQL Server 2022. Follows db/dw/postgresql, the reference: nvarchar for varchar,
-- nvarchar(max) for text, bit for boolean, datetime2(3) for timestamp(3), float for double precision,
-- MS_Description extended properties for comments. Flyway splits batches on GO only.
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
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Sales fact: one row per live order item (core.order_items with its order), with the returns of the item summed in.',
    @level0type = N'SCHEMA', @level0name = N'fact', @level1type = N'TABLE', @level1name = N'fact_vendas';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Primary key: core.order_items.order_item_id.',
    @level0type = N'SCHEMA', @level0name = N'fact', @level1type = N'TABLE', @level1name = N'fact_vendas',
    @level2type = N'COLUMN', @level2name = N'order_item_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'The order of the item: core.orders.order_id.',
    @level0type = N'SCHEMA', @level0name = N'fact', @level1type = N'TABLE', @level1name = N'fact_vendas',
    @level2type = N'COLUMN', @level2name = N'pedido_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Day of the order (orders.order_date) as yyyymmdd; dim.dim_data.',
    @level0type = N'SCHEMA', @level0name = N'fact', @level1type = N'TABLE', @level1name = N'fact_vendas',
    @level2type = N'COLUMN', @level2name = N'data_sk';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Customer version valid at the order date; dim.dim_cliente.',
    @level0type = N'SCHEMA', @level0name = N'fact', @level1type = N'TABLE', @level1name = N'fact_vendas',
    @level2type = N'COLUMN', @level2name = N'cliente_sk';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Product version valid at the order date; dim.dim_produto.',
    @level0type = N'SCHEMA', @level0name = N'fact', @level1type = N'TABLE', @level1name = N'fact_vendas',
    @level2type = N'COLUMN', @level2name = N'produto_sk';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Seller version valid at the order date; dim.dim_vendedor.',
    @level0type = N'SCHEMA', @level0name = N'fact', @level1type = N'TABLE', @level1name = N'fact_vendas',
    @level2type = N'COLUMN', @level2name = N'vendedor_sk';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Region of the customer (customers.region_id); dim.dim_regiao.',
    @level0type = N'SCHEMA', @level0name = N'fact', @level1type = N'TABLE', @level1name = N'fact_vendas',
    @level2type = N'COLUMN', @level2name = N'regiao_sk';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Discount of the order; 0 when the order has none; dim.dim_desconto.',
    @level0type = N'SCHEMA', @level0name = N'fact', @level1type = N'TABLE', @level1name = N'fact_vendas',
    @level2type = N'COLUMN', @level2name = N'desconto_sk';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Units sold (order_items.quantity).',
    @level0type = N'SCHEMA', @level0name = N'fact', @level1type = N'TABLE', @level1name = N'fact_vendas',
    @level2type = N'COLUMN', @level2name = N'quantidade';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Unit price charged (order_items.unit_price).',
    @level0type = N'SCHEMA', @level0name = N'fact', @level1type = N'TABLE', @level1name = N'fact_vendas',
    @level2type = N'COLUMN', @level2name = N'preco_unitario';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Gross amount: quantidade x preco_unitario.',
    @level0type = N'SCHEMA', @level0name = N'fact', @level1type = N'TABLE', @level1name = N'fact_vendas',
    @level2type = N'COLUMN', @level2name = N'valor_bruto';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Discount on the item (order_items.discount_amount).',
    @level0type = N'SCHEMA', @level0name = N'fact', @level1type = N'TABLE', @level1name = N'fact_vendas',
    @level2type = N'COLUMN', @level2name = N'valor_desconto';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Net amount: valor_bruto - valor_desconto. Receita liquida sums it.',
    @level0type = N'SCHEMA', @level0name = N'fact', @level1type = N'TABLE', @level1name = N'fact_vendas',
    @level2type = N'COLUMN', @level2name = N'valor_total_liquido';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Cost of the units sold: quantidade x order_items.unit_cost.',
    @level0type = N'SCHEMA', @level0name = N'fact', @level1type = N'TABLE', @level1name = N'fact_vendas',
    @level2type = N'COLUMN', @level2name = N'custo_total';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Units returned: sum of returns.quantity of the item''s live returns; 0 when none.',
    @level0type = N'SCHEMA', @level0name = N'fact', @level1type = N'TABLE', @level1name = N'fact_vendas',
    @level2type = N'COLUMN', @level2name = N'quantidade_devolvida';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Amount refunded: sum of returns.refund_amount of the item''s live returns; 0 when none.',
    @level0type = N'SCHEMA', @level0name = N'fact', @level1type = N'TABLE', @level1name = N'fact_vendas',
    @level2type = N'COLUMN', @level2name = N'valor_devolvido';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Order status (orders.status): placed, paid, shipped, delivered or cancelled.',
    @level0type = N'SCHEMA', @level0name = N'fact', @level1type = N'TABLE', @level1name = N'fact_vendas',
    @level2type = N'COLUMN', @level2name = N'status';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Sales channel (orders.channel): web, app, store or marketplace.',
    @level0type = N'SCHEMA', @level0name = N'fact', @level1type = N'TABLE', @level1name = N'fact_vendas',
    @level2type = N'COLUMN', @level2name = N'canal';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the loader last wrote the row (UTC).',
    @level0type = N'SCHEMA', @level0name = N'fact', @level1type = N'TABLE', @level1name = N'fact_vendas',
    @level2type = N'COLUMN', @level2name = N'carregado_em';
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
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Sales target fact: one row per seller and month (core.sales_targets).',
    @level0type = N'SCHEMA', @level0name = N'fact', @level1type = N'TABLE', @level1name = N'fact_metas';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Primary key: core.sales_targets.sales_target_id.',
    @level0type = N'SCHEMA', @level0name = N'fact', @level1type = N'TABLE', @level1name = N'fact_metas',
    @level2type = N'COLUMN', @level2name = N'sales_target_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'The seller (sales_targets.seller_id); with data_sk, unique.',
    @level0type = N'SCHEMA', @level0name = N'fact', @level1type = N'TABLE', @level1name = N'fact_metas',
    @level2type = N'COLUMN', @level2name = N'vendedor_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Seller version valid on the first day of the month; dim.dim_vendedor.',
    @level0type = N'SCHEMA', @level0name = N'fact', @level1type = N'TABLE', @level1name = N'fact_metas',
    @level2type = N'COLUMN', @level2name = N'vendedor_sk';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'First day of the target month as yyyymmdd; dim.dim_data.',
    @level0type = N'SCHEMA', @level0name = N'fact', @level1type = N'TABLE', @level1name = N'fact_metas',
    @level2type = N'COLUMN', @level2name = N'data_sk';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Year of the target (sales_targets.year).',
    @level0type = N'SCHEMA', @level0name = N'fact', @level1type = N'TABLE', @level1name = N'fact_metas',
    @level2type = N'COLUMN', @level2name = N'ano';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Month of the target, 1 to 12 (sales_targets.month).',
    @level0type = N'SCHEMA', @level0name = N'fact', @level1type = N'TABLE', @level1name = N'fact_metas',
    @level2type = N'COLUMN', @level2name = N'mes';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Target net revenue for the seller in the month (sales_targets.target_amount).',
    @level0type = N'SCHEMA', @level0name = N'fact', @level1type = N'TABLE', @level1name = N'fact_metas',
    @level2type = N'COLUMN', @level2name = N'valor_meta';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the loader last wrote the row (UTC).',
    @level0type = N'SCHEMA', @level0name = N'fact', @level1type = N'TABLE', @level1name = N'fact_metas',
    @level2type = N'COLUMN', @level2name = N'carregado_em';
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
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Discount fact: one row per live order that used a discount, with the order''s totals.',
    @level0type = N'SCHEMA', @level0name = N'fact', @level1type = N'TABLE', @level1name = N'fact_descontos';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Primary key: core.orders.order_id.',
    @level0type = N'SCHEMA', @level0name = N'fact', @level1type = N'TABLE', @level1name = N'fact_descontos',
    @level2type = N'COLUMN', @level2name = N'pedido_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'The discount used (orders.discount_id); dim.dim_desconto.',
    @level0type = N'SCHEMA', @level0name = N'fact', @level1type = N'TABLE', @level1name = N'fact_descontos',
    @level2type = N'COLUMN', @level2name = N'desconto_sk';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Customer version valid at the order date; dim.dim_cliente.',
    @level0type = N'SCHEMA', @level0name = N'fact', @level1type = N'TABLE', @level1name = N'fact_descontos',
    @level2type = N'COLUMN', @level2name = N'cliente_sk';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Seller version valid at the order date; dim.dim_vendedor.',
    @level0type = N'SCHEMA', @level0name = N'fact', @level1type = N'TABLE', @level1name = N'fact_descontos',
    @level2type = N'COLUMN', @level2name = N'vendedor_sk';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Day of the order (orders.order_date) as yyyymmdd; dim.dim_data.',
    @level0type = N'SCHEMA', @level0name = N'fact', @level1type = N'TABLE', @level1name = N'fact_descontos',
    @level2type = N'COLUMN', @level2name = N'data_sk';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Gross amount of the order: sum of its items'' quantidade x preco_unitario.',
    @level0type = N'SCHEMA', @level0name = N'fact', @level1type = N'TABLE', @level1name = N'fact_descontos',
    @level2type = N'COLUMN', @level2name = N'valor_bruto';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Discount granted on the order: sum of its items'' discount_amount.',
    @level0type = N'SCHEMA', @level0name = N'fact', @level1type = N'TABLE', @level1name = N'fact_descontos',
    @level2type = N'COLUMN', @level2name = N'valor_desconto_aplicado';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Amount paid after the discount: valor_bruto - valor_desconto_aplicado.',
    @level0type = N'SCHEMA', @level0name = N'fact', @level1type = N'TABLE', @level1name = N'fact_descontos',
    @level2type = N'COLUMN', @level2name = N'valor_com_desconto';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the loader last wrote the row (UTC).',
    @level0type = N'SCHEMA', @level0name = N'fact', @level1type = N'TABLE', @level1name = N'fact_descontos',
    @level2type = N'COLUMN', @level2name = N'carregado_em';
GO

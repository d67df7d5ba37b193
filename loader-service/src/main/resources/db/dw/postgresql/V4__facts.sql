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
    status               varchar(20),
    canal                varchar(20),
    carregado_em         timestamp(3)  NOT NULL DEFAULT timezone('utc', now()),
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
COMMENT ON TABLE fact.fact_vendas IS 'Sales fact: one row per live order item (core.order_items with its order), with the returns of the item summed in.';
COMMENT ON COLUMN fact.fact_vendas.order_item_id IS 'Primary key: core.order_items.order_item_id.';
COMMENT ON COLUMN fact.fact_vendas.pedido_id IS 'The order of the item: core.orders.order_id.';
COMMENT ON COLUMN fact.fact_vendas.data_sk IS 'Day of the order (orders.order_date) as yyyymmdd; dim.dim_data.';
COMMENT ON COLUMN fact.fact_vendas.cliente_sk IS 'Customer version valid at the order date; dim.dim_cliente.';
COMMENT ON COLUMN fact.fact_vendas.produto_sk IS 'Product version valid at the order date; dim.dim_produto.';
COMMENT ON COLUMN fact.fact_vendas.vendedor_sk IS 'Seller version valid at the order date; dim.dim_vendedor.';
COMMENT ON COLUMN fact.fact_vendas.regiao_sk IS 'Region of the customer (customers.region_id); dim.dim_regiao.';
COMMENT ON COLUMN fact.fact_vendas.desconto_sk IS 'Discount of the order; 0 when the order has none; dim.dim_desconto.';
COMMENT ON COLUMN fact.fact_vendas.quantidade IS 'Units sold (order_items.quantity).';
COMMENT ON COLUMN fact.fact_vendas.preco_unitario IS 'Unit price charged (order_items.unit_price).';
COMMENT ON COLUMN fact.fact_vendas.valor_bruto IS 'Gross amount: quantidade x preco_unitario.';
COMMENT ON COLUMN fact.fact_vendas.valor_desconto IS 'Discount on the item (order_items.discount_amount).';
COMMENT ON COLUMN fact.fact_vendas.valor_total_liquido IS 'Net amount: valor_bruto - valor_desconto. Receita liquida sums it.';
COMMENT ON COLUMN fact.fact_vendas.custo_total IS 'Cost of the units sold: quantidade x order_items.unit_cost.';
COMMENT ON COLUMN fact.fact_vendas.quantidade_devolvida IS 'Units returned: sum of returns.quantity of the item''s live returns; 0 when none.';
COMMENT ON COLUMN fact.fact_vendas.valor_devolvido IS 'Amount refunded: sum of returns.refund_amount of the item''s live returns; 0 when none.';
COMMENT ON COLUMN fact.fact_vendas.status IS 'Order status (orders.status): placed, paid, shipped, delivered or cancelled.';
COMMENT ON COLUMN fact.fact_vendas.canal IS 'Sales channel (orders.channel): web, app, store or marketplace.';
COMMENT ON COLUMN fact.fact_vendas.carregado_em IS 'When the loader last wrote the row (UTC).';

CREATE TABLE fact.fact_metas (
    sales_target_id bigint        NOT NULL,
    vendedor_id     bigint        NOT NULL,
    vendedor_sk     bigint        NOT NULL DEFAULT 0,
    data_sk         integer       NOT NULL,
    ano             smallint      NOT NULL,
    mes             smallint      NOT NULL,
    valor_meta      numeric(14,2) NOT NULL,
    carregado_em    timestamp(3)  NOT NULL DEFAULT timezone('utc', now()),
    CONSTRAINT pk_fact_metas PRIMARY KEY (sales_target_id),
    CONSTRAINT uq_fact_metas_vendedor_mes UNIQUE (vendedor_id, data_sk),
    CONSTRAINT fk_fact_metas_vendedor FOREIGN KEY (vendedor_sk) REFERENCES dim.dim_vendedor (vendedor_sk),
    CONSTRAINT fk_fact_metas_data FOREIGN KEY (data_sk) REFERENCES dim.dim_data (data_sk)
);
CREATE INDEX ix_fact_metas_data_sk ON fact.fact_metas (data_sk);
COMMENT ON TABLE fact.fact_metas IS 'Sales target fact: one row per seller and month (core.sales_targets).';
COMMENT ON COLUMN fact.fact_metas.sales_target_id IS 'Primary key: core.sales_targets.sales_target_id.';
COMMENT ON COLUMN fact.fact_metas.vendedor_id IS 'The seller (sales_targets.seller_id); with data_sk, unique.';
COMMENT ON COLUMN fact.fact_metas.vendedor_sk IS 'Seller version valid on the first day of the month; dim.dim_vendedor.';
COMMENT ON COLUMN fact.fact_metas.data_sk IS 'First day of the target month as yyyymmdd; dim.dim_data.';
COMMENT ON COLUMN fact.fact_metas.ano IS 'Year of the target (sales_targets.year).';
COMMENT ON COLUMN fact.fact_metas.mes IS 'Month of the target, 1 to 12 (sales_targets.month).';
COMMENT ON COLUMN fact.fact_metas.valor_meta IS 'Target net revenue for the seller in the month (sales_targets.target_amount).';
COMMENT ON COLUMN fact.fact_metas.carregado_em IS 'When the loader last wrote the row (UTC).';

CREATE TABLE fact.fact_descontos (
    pedido_id               bigint        NOT NULL,
    desconto_sk             bigint        NOT NULL,
    cliente_sk              bigint        NOT NULL DEFAULT 0,
    vendedor_sk             bigint        NOT NULL DEFAULT 0,
    data_sk                 integer       NOT NULL,
    valor_bruto             numeric(14,2) NOT NULL,
    valor_desconto_aplicado numeric(14,2) NOT NULL,
    valor_com_desconto      numeric(14,2) NOT NULL,
    carregado_em            timestamp(3)  NOT NULL DEFAULT timezone('utc', now()),
    CONSTRAINT pk_fact_descontos PRIMARY KEY (pedido_id),
    CONSTRAINT fk_fact_descontos_desconto FOREIGN KEY (desconto_sk) REFERENCES dim.dim_desconto (desconto_sk),
    CONSTRAINT fk_fact_descontos_cliente FOREIGN KEY (cliente_sk) REFERENCES dim.dim_cliente (cliente_sk),
    CONSTRAINT fk_fact_descontos_vendedor FOREIGN KEY (vendedor_sk) REFERENCES dim.dim_vendedor (vendedor_sk),
    CONSTRAINT fk_fact_descontos_data FOREIGN KEY (data_sk) REFERENCES dim.dim_data (data_sk)
);
CREATE INDEX ix_fact_descontos_data_sk ON fact.fact_descontos (data_sk);
CREATE INDEX ix_fact_descontos_desconto_sk ON fact.fact_descontos (desconto_sk);
COMMENT ON TABLE fact.fact_descontos IS 'Discount fact: one row per live order that used a discount, with the order''s totals.';
COMMENT ON COLUMN fact.fact_descontos.pedido_id IS 'Primary key: core.orders.order_id.';
COMMENT ON COLUMN fact.fact_descontos.desconto_sk IS 'The discount used (orders.discount_id); dim.dim_desconto.';
COMMENT ON COLUMN fact.fact_descontos.cliente_sk IS 'Customer version valid at the order date; dim.dim_cliente.';
COMMENT ON COLUMN fact.fact_descontos.vendedor_sk IS 'Seller version valid at the order date; dim.dim_vendedor.';
COMMENT ON COLUMN fact.fact_descontos.data_sk IS 'Day of the order (orders.order_date) as yyyymmdd; dim.dim_data.';
COMMENT ON COLUMN fact.fact_descontos.valor_bruto IS 'Gross amount of the order: sum of its items'' quantidade x preco_unitario.';
COMMENT ON COLUMN fact.fact_descontos.valor_desconto_aplicado IS 'Discount granted on the order: sum of its items'' discount_amount.';
COMMENT ON COLUMN fact.fact_descontos.valor_com_desconto IS 'Amount paid after the discount: valor_bruto - valor_desconto_aplicado.';
COMMENT ON COLUMN fact.fact_descontos.carregado_em IS 'When the loader last wrote the row (UTC).';

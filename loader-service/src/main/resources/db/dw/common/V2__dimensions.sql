-- Dimensions. Surrogate keys (<x>_sk) are identities; 0 is the unknown member (Desconhecido), whose
-- natural key is null. SCD2 dimensions carry valido_de/valido_ate/atual: a version is valid for
-- business times valido_de <= t < valido_ate; the first version starts at 1900-01-01 and the current
-- one ends at 9999-12-31. Descriptive attributes are nullable because an inferred member (a key a fact
-- referenced before its row arrived) knows nothing but its natural key.
-- Both vendors (docs/adr/0013-schema-written-once.md): the placeholders varchar, text, bool, timestamp,
-- double, identity, utc_now, true and false are rendered per vendor (DwPlaceholders); a line starting with
-- the placeholder sqlserver or postgresql runs on that vendor only; go ends a SQL Server batch.

-- dim_data: the calendar, one row per day; filled by V3 and extended by the loader.
CREATE TABLE dim.dim_data (
    data_sk         integer     NOT NULL,
    data            date,
    ano             smallint,
    trimestre       smallint,
    mes             smallint,
    dia             smallint,
    dia_semana      smallint,
    nome_mes        ${varchar}(20) NOT NULL,
    nome_dia_semana ${varchar}(20) NOT NULL,
    fim_de_semana   ${bool},
    CONSTRAINT pk_dim_data PRIMARY KEY (data_sk),
    CONSTRAINT ck_dim_data_sk CHECK (
        (data_sk = 0 AND data IS NULL)
        OR (data IS NOT NULL
${postgresql}            AND data_sk = EXTRACT(YEAR FROM data) * 10000 + EXTRACT(MONTH FROM data) * 100 + EXTRACT(DAY FROM data)))
${sqlserver}            AND data_sk = YEAR(data) * 10000 + MONTH(data) * 100 + DAY(data)))
);
${go}

-- dim_regiao: regions, SCD1.
CREATE TABLE dim.dim_regiao (
    regiao_sk     bigint       ${identity},
    regiao_id     bigint,
    nome          ${varchar}(100),
    estado        ${varchar}(50),
    pais          ${varchar}(50),
    versao_origem bigint,
    inferido      ${bool}   NOT NULL DEFAULT ${false},
    excluido      ${bool}   NOT NULL DEFAULT ${false},
    carregado_em  ${timestamp} NOT NULL DEFAULT ${utc_now},
    CONSTRAINT pk_dim_regiao PRIMARY KEY (regiao_sk),
    CONSTRAINT ck_dim_regiao_membro CHECK ((regiao_sk = 0 AND regiao_id IS NULL) OR (regiao_sk <> 0 AND regiao_id IS NOT NULL))
);
CREATE UNIQUE INDEX ux_dim_regiao_regiao_id ON dim.dim_regiao (regiao_id);
${go}
${sqlserver}SET IDENTITY_INSERT dim.dim_regiao ON;
INSERT INTO dim.dim_regiao (regiao_sk, regiao_id, nome, estado, pais)
VALUES (0, NULL, 'Desconhecido', 'Desconhecido', 'Desconhecido');
${sqlserver}SET IDENTITY_INSERT dim.dim_regiao OFF;
${go}

-- dim_equipe: teams with their region, SCD1.
CREATE TABLE dim.dim_equipe (
    equipe_sk     bigint       ${identity},
    equipe_id     bigint,
    nome          ${varchar}(100),
    regiao_id     bigint,
    nome_regiao   ${varchar}(100),
    nome_gerente  ${varchar}(100),
    versao_origem bigint,
    inferido      ${bool}   NOT NULL DEFAULT ${false},
    excluido      ${bool}   NOT NULL DEFAULT ${false},
    carregado_em  ${timestamp} NOT NULL DEFAULT ${utc_now},
    CONSTRAINT pk_dim_equipe PRIMARY KEY (equipe_sk),
    CONSTRAINT ck_dim_equipe_membro CHECK ((equipe_sk = 0 AND equipe_id IS NULL) OR (equipe_sk <> 0 AND equipe_id IS NOT NULL))
);
CREATE UNIQUE INDEX ux_dim_equipe_equipe_id ON dim.dim_equipe (equipe_id);
CREATE INDEX ix_dim_equipe_regiao_id ON dim.dim_equipe (regiao_id);
${go}
${sqlserver}SET IDENTITY_INSERT dim.dim_equipe ON;
INSERT INTO dim.dim_equipe (equipe_sk, equipe_id, nome, regiao_id, nome_regiao, nome_gerente)
VALUES (0, NULL, 'Desconhecido', NULL, 'Desconhecido', 'Desconhecido');
${sqlserver}SET IDENTITY_INSERT dim.dim_equipe OFF;
${go}

-- dim_vendedor: sellers with their team, SCD2 on equipe_id (team moves keep history).
CREATE TABLE dim.dim_vendedor (
    vendedor_sk   bigint       ${identity},
    vendedor_id   bigint,
    nome          ${varchar}(100),
    email         ${varchar}(150),
    equipe_id     bigint,
    nome_equipe   ${varchar}(100),
    ativo         ${bool},
    valido_de     ${timestamp} NOT NULL DEFAULT '1900-01-01T00:00:00',
    valido_ate    ${timestamp} NOT NULL DEFAULT '9999-12-31T00:00:00',
    atual         ${bool}   NOT NULL DEFAULT ${true},
    versao_origem bigint,
    inferido      ${bool}   NOT NULL DEFAULT ${false},
    excluido      ${bool}   NOT NULL DEFAULT ${false},
    carregado_em  ${timestamp} NOT NULL DEFAULT ${utc_now},
    CONSTRAINT pk_dim_vendedor PRIMARY KEY (vendedor_sk),
    CONSTRAINT ck_dim_vendedor_membro CHECK ((vendedor_sk = 0 AND vendedor_id IS NULL) OR (vendedor_sk <> 0 AND vendedor_id IS NOT NULL)),
    CONSTRAINT ck_dim_vendedor_validade CHECK (valido_de < valido_ate)
);
CREATE UNIQUE INDEX ux_dim_vendedor_vendedor_id_valido_de ON dim.dim_vendedor (vendedor_id, valido_de);
CREATE INDEX ix_dim_vendedor_vendedor_id_atual ON dim.dim_vendedor (vendedor_id, atual);
${go}
${sqlserver}SET IDENTITY_INSERT dim.dim_vendedor ON;
INSERT INTO dim.dim_vendedor (vendedor_sk, vendedor_id, nome, email, equipe_id, nome_equipe, ativo)
VALUES (0, NULL, 'Desconhecido', 'Desconhecido', NULL, 'Desconhecido', NULL);
${sqlserver}SET IDENTITY_INSERT dim.dim_vendedor OFF;
${go}

-- dim_cliente: customers, SCD2 on segmento, cidade, estado, regiao_id.
CREATE TABLE dim.dim_cliente (
    cliente_sk    bigint       ${identity},
    cliente_id    bigint,
    nome          ${varchar}(150),
    email         ${varchar}(150),
    tipo_cliente  ${varchar}(20),
    cidade        ${varchar}(100),
    estado        ${varchar}(50),
    regiao_id     bigint,
    segmento      ${varchar}(30),
    valido_de     ${timestamp} NOT NULL DEFAULT '1900-01-01T00:00:00',
    valido_ate    ${timestamp} NOT NULL DEFAULT '9999-12-31T00:00:00',
    atual         ${bool}   NOT NULL DEFAULT ${true},
    versao_origem bigint,
    inferido      ${bool}   NOT NULL DEFAULT ${false},
    excluido      ${bool}   NOT NULL DEFAULT ${false},
    carregado_em  ${timestamp} NOT NULL DEFAULT ${utc_now},
    CONSTRAINT pk_dim_cliente PRIMARY KEY (cliente_sk),
    CONSTRAINT ck_dim_cliente_membro CHECK ((cliente_sk = 0 AND cliente_id IS NULL) OR (cliente_sk <> 0 AND cliente_id IS NOT NULL)),
    CONSTRAINT ck_dim_cliente_validade CHECK (valido_de < valido_ate)
);
CREATE UNIQUE INDEX ux_dim_cliente_cliente_id_valido_de ON dim.dim_cliente (cliente_id, valido_de);
CREATE INDEX ix_dim_cliente_cliente_id_atual ON dim.dim_cliente (cliente_id, atual);
${go}
${sqlserver}SET IDENTITY_INSERT dim.dim_cliente ON;
INSERT INTO dim.dim_cliente (cliente_sk, cliente_id, nome, email, tipo_cliente, cidade, estado, regiao_id, segmento)
VALUES (0, NULL, 'Desconhecido', 'Desconhecido', 'Desconhecido', 'Desconhecido', 'Desconhecido', NULL, 'Desconhecido');
${sqlserver}SET IDENTITY_INSERT dim.dim_cliente OFF;
${go}

-- dim_produto: products with their category, SCD2 on categoria_id, preco_lista, custo_unitario.
CREATE TABLE dim.dim_produto (
    produto_sk         bigint        ${identity},
    produto_id         bigint,
    sku                ${varchar}(40),
    nome               ${varchar}(150),
    categoria_id       bigint,
    nome_categoria     ${varchar}(100),
    nome_categoria_pai ${varchar}(100),
    marca              ${varchar}(100),
    preco_lista        numeric(12,2),
    custo_unitario     numeric(12,2),
    valido_de          ${timestamp}  NOT NULL DEFAULT '1900-01-01T00:00:00',
    valido_ate         ${timestamp}  NOT NULL DEFAULT '9999-12-31T00:00:00',
    atual              ${bool}    NOT NULL DEFAULT ${true},
    versao_origem      bigint,
    inferido           ${bool}    NOT NULL DEFAULT ${false},
    excluido           ${bool}    NOT NULL DEFAULT ${false},
    carregado_em       ${timestamp}  NOT NULL DEFAULT ${utc_now},
    CONSTRAINT pk_dim_produto PRIMARY KEY (produto_sk),
    CONSTRAINT ck_dim_produto_membro CHECK ((produto_sk = 0 AND produto_id IS NULL) OR (produto_sk <> 0 AND produto_id IS NOT NULL)),
    CONSTRAINT ck_dim_produto_validade CHECK (valido_de < valido_ate)
);
CREATE UNIQUE INDEX ux_dim_produto_produto_id_valido_de ON dim.dim_produto (produto_id, valido_de);
CREATE INDEX ix_dim_produto_produto_id_atual ON dim.dim_produto (produto_id, atual);
${go}
${sqlserver}SET IDENTITY_INSERT dim.dim_produto ON;
INSERT INTO dim.dim_produto (produto_sk, produto_id, sku, nome, categoria_id, nome_categoria, nome_categoria_pai, marca, preco_lista, custo_unitario)
VALUES (0, NULL, 'Desconhecido', 'Desconhecido', NULL, 'Desconhecido', 'Desconhecido', 'Desconhecido', NULL, NULL);
${sqlserver}SET IDENTITY_INSERT dim.dim_produto OFF;
${go}

-- dim_desconto: discounts, SCD1.
CREATE TABLE dim.dim_desconto (
    desconto_sk   bigint        ${identity},
    desconto_id   bigint,
    codigo        ${varchar}(40),
    tipo_desconto ${varchar}(20),
    valor         numeric(12,2),
    campanha      ${varchar}(100),
    inicio        ${timestamp},
    fim           ${timestamp},
    versao_origem bigint,
    inferido      ${bool}    NOT NULL DEFAULT ${false},
    excluido      ${bool}    NOT NULL DEFAULT ${false},
    carregado_em  ${timestamp}  NOT NULL DEFAULT ${utc_now},
    CONSTRAINT pk_dim_desconto PRIMARY KEY (desconto_sk),
    CONSTRAINT ck_dim_desconto_membro CHECK ((desconto_sk = 0 AND desconto_id IS NULL) OR (desconto_sk <> 0 AND desconto_id IS NOT NULL))
);
CREATE UNIQUE INDEX ux_dim_desconto_desconto_id ON dim.dim_desconto (desconto_id);
${go}
${sqlserver}SET IDENTITY_INSERT dim.dim_desconto ON;
INSERT INTO dim.dim_desconto (desconto_sk, desconto_id, codigo, tipo_desconto, valor, campanha, inicio, fim)
VALUES (0, NULL, 'Desconhecido', 'Desconhecido', NULL, 'Desconhecido', NULL, NULL);
${sqlserver}SET IDENTITY_INSERT dim.dim_desconto OFF;
${go}

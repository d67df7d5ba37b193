-- Esteira warehouse, SQL Server 2022. Follows db/dw/postgresql, the reference: nvarchar for varchar,
-- nvarchar(max) for text, bit for boolean, datetime2(3) for timestamp(3), float for double precision,
-- MS_Description extended properties for comments. Flyway splits batches on GO only.
-- Dimensions. Surrogate keys (<x>_sk) are identities; 0 is the unknown member (Desconhecido), whose
-- natural key is null. SCD2 dimensions carry valido_de/valido_ate/atual: a version is valid for
-- business times valido_de <= t < valido_ate; the first version starts at 1900-01-01 and the current
-- one ends at 9999-12-31. Descriptive attributes are nullable because an inferred member (a key a fact
-- referenced before its row arrived) knows nothing but its natural key.

-- dim_data: the calendar, one row per day; filled by V3 and extended by the loader.
CREATE TABLE dim.dim_data (
    data_sk         integer     NOT NULL,
    data            date,
    ano             smallint,
    trimestre       smallint,
    mes             smallint,
    dia             smallint,
    dia_semana      smallint,
    nome_mes        nvarchar(20) NOT NULL,
    nome_dia_semana nvarchar(20) NOT NULL,
    fim_de_semana   bit,
    CONSTRAINT pk_dim_data PRIMARY KEY (data_sk),
    CONSTRAINT ck_dim_data_sk CHECK (
        (data_sk = 0 AND data IS NULL)
        OR (data IS NOT NULL
            AND data_sk = YEAR(data) * 10000 + MONTH(data) * 100 + DAY(data)))
);
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Calendar dimension: one row per day, generated (default 2015-01-01 to 2035-12-31, extended by the loader when a fact falls outside); 0 is the unknown date.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_data';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Surrogate key: the date as yyyymmdd (20240131); 0 for the unknown date.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_data',
    @level2type = N'COLUMN', @level2name = N'data_sk';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'The calendar day; null for the unknown date.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_data',
    @level2type = N'COLUMN', @level2name = N'data';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Year (2024).',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_data',
    @level2type = N'COLUMN', @level2name = N'ano';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Quarter of the year, 1 to 4.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_data',
    @level2type = N'COLUMN', @level2name = N'trimestre';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Month, 1 (January) to 12.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_data',
    @level2type = N'COLUMN', @level2name = N'mes';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Day of the month, 1 to 31.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_data',
    @level2type = N'COLUMN', @level2name = N'dia';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'ISO day of the week: 1 = Monday to 7 = Sunday.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_data',
    @level2type = N'COLUMN', @level2name = N'dia_semana';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Month name in Portuguese (Janeiro to Dezembro); Desconhecido for the unknown date.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_data',
    @level2type = N'COLUMN', @level2name = N'nome_mes';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Day name in Portuguese (Segunda-feira to Domingo); Desconhecido for the unknown date.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_data',
    @level2type = N'COLUMN', @level2name = N'nome_dia_semana';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'True on Saturday and Sunday.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_data',
    @level2type = N'COLUMN', @level2name = N'fim_de_semana';
GO
-- dim_regiao: regions, SCD1.
CREATE TABLE dim.dim_regiao (
    regiao_sk     bigint       IDENTITY(1,1),
    regiao_id     bigint,
    nome          nvarchar(100),
    estado        nvarchar(50),
    pais          nvarchar(50),
    versao_origem bigint,
    inferido      bit          NOT NULL DEFAULT 0,
    excluido      bit          NOT NULL DEFAULT 0,
    carregado_em  datetime2(3) NOT NULL DEFAULT SYSUTCDATETIME(),
    CONSTRAINT pk_dim_regiao PRIMARY KEY (regiao_sk),
    CONSTRAINT ck_dim_regiao_membro CHECK ((regiao_sk = 0 AND regiao_id IS NULL) OR (regiao_sk <> 0 AND regiao_id IS NOT NULL))
);
CREATE UNIQUE INDEX ux_dim_regiao_regiao_id ON dim.dim_regiao (regiao_id);
GO
SET IDENTITY_INSERT dim.dim_regiao ON;
INSERT INTO dim.dim_regiao (regiao_sk, regiao_id, nome, estado, pais)
VALUES (0, NULL, 'Desconhecido', 'Desconhecido', 'Desconhecido');
SET IDENTITY_INSERT dim.dim_regiao OFF;
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Region dimension (source core.regions), SCD1: one row per region, overwritten on change.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_regiao';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Surrogate key; 0 is the unknown region.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_regiao',
    @level2type = N'COLUMN', @level2name = N'regiao_sk';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Natural key: core.regions.region_id; null only for the unknown member.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_regiao',
    @level2type = N'COLUMN', @level2name = N'regiao_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Region name (regions.name).',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_regiao',
    @level2type = N'COLUMN', @level2name = N'nome';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'State of the region (regions.state).',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_regiao',
    @level2type = N'COLUMN', @level2name = N'estado';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Country of the region (regions.country).',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_regiao',
    @level2type = N'COLUMN', @level2name = N'pais';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'row_version of the source row last applied; null for the unknown member and for inferred members.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_regiao',
    @level2type = N'COLUMN', @level2name = N'versao_origem';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'True while the member is inferred: created because a fact referenced its key before the source row arrived; completed in place when it arrives.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_regiao',
    @level2type = N'COLUMN', @level2name = N'inferido';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'True when the source row was deleted (soft or hard); the member stays for history.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_regiao',
    @level2type = N'COLUMN', @level2name = N'excluido';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the loader last wrote the row (UTC).',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_regiao',
    @level2type = N'COLUMN', @level2name = N'carregado_em';
GO
-- dim_equipe: teams with their region, SCD1.
CREATE TABLE dim.dim_equipe (
    equipe_sk     bigint       IDENTITY(1,1),
    equipe_id     bigint,
    nome          nvarchar(100),
    regiao_id     bigint,
    nome_regiao   nvarchar(100),
    nome_gerente  nvarchar(100),
    versao_origem bigint,
    inferido      bit          NOT NULL DEFAULT 0,
    excluido      bit          NOT NULL DEFAULT 0,
    carregado_em  datetime2(3) NOT NULL DEFAULT SYSUTCDATETIME(),
    CONSTRAINT pk_dim_equipe PRIMARY KEY (equipe_sk),
    CONSTRAINT ck_dim_equipe_membro CHECK ((equipe_sk = 0 AND equipe_id IS NULL) OR (equipe_sk <> 0 AND equipe_id IS NOT NULL))
);
CREATE UNIQUE INDEX ux_dim_equipe_equipe_id ON dim.dim_equipe (equipe_id);
CREATE INDEX ix_dim_equipe_regiao_id ON dim.dim_equipe (regiao_id);
GO
SET IDENTITY_INSERT dim.dim_equipe ON;
INSERT INTO dim.dim_equipe (equipe_sk, equipe_id, nome, regiao_id, nome_regiao, nome_gerente)
VALUES (0, NULL, 'Desconhecido', NULL, 'Desconhecido', 'Desconhecido');
SET IDENTITY_INSERT dim.dim_equipe OFF;
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Sales team dimension (source core.teams plus its region), SCD1.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_equipe';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Surrogate key; 0 is the unknown team.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_equipe',
    @level2type = N'COLUMN', @level2name = N'equipe_sk';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Natural key: core.teams.team_id; null only for the unknown member.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_equipe',
    @level2type = N'COLUMN', @level2name = N'equipe_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Team name (teams.name).',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_equipe',
    @level2type = N'COLUMN', @level2name = N'nome';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Region of the team (teams.region_id).',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_equipe',
    @level2type = N'COLUMN', @level2name = N'regiao_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Name of the team''s region (regions.name).',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_equipe',
    @level2type = N'COLUMN', @level2name = N'nome_regiao';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Team manager (teams.manager_name).',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_equipe',
    @level2type = N'COLUMN', @level2name = N'nome_gerente';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'row_version of the source row last applied; null for the unknown member and for inferred members.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_equipe',
    @level2type = N'COLUMN', @level2name = N'versao_origem';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'True while the member is inferred: created because a fact referenced its key before the source row arrived; completed in place when it arrives.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_equipe',
    @level2type = N'COLUMN', @level2name = N'inferido';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'True when the source row was deleted (soft or hard); the member stays for history.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_equipe',
    @level2type = N'COLUMN', @level2name = N'excluido';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the loader last wrote the row (UTC).',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_equipe',
    @level2type = N'COLUMN', @level2name = N'carregado_em';
GO
-- dim_vendedor: sellers with their team, SCD2 on equipe_id (team moves keep history).
CREATE TABLE dim.dim_vendedor (
    vendedor_sk   bigint       IDENTITY(1,1),
    vendedor_id   bigint,
    nome          nvarchar(100),
    email         nvarchar(150),
    equipe_id     bigint,
    nome_equipe   nvarchar(100),
    ativo         bit,
    valido_de     datetime2(3) NOT NULL DEFAULT '1900-01-01T00:00:00',
    valido_ate    datetime2(3) NOT NULL DEFAULT '9999-12-31T00:00:00',
    atual         bit          NOT NULL DEFAULT 1,
    versao_origem bigint,
    inferido      bit          NOT NULL DEFAULT 0,
    excluido      bit          NOT NULL DEFAULT 0,
    carregado_em  datetime2(3) NOT NULL DEFAULT SYSUTCDATETIME(),
    CONSTRAINT pk_dim_vendedor PRIMARY KEY (vendedor_sk),
    CONSTRAINT ck_dim_vendedor_membro CHECK ((vendedor_sk = 0 AND vendedor_id IS NULL) OR (vendedor_sk <> 0 AND vendedor_id IS NOT NULL)),
    CONSTRAINT ck_dim_vendedor_validade CHECK (valido_de < valido_ate)
);
CREATE UNIQUE INDEX ux_dim_vendedor_vendedor_id_valido_de ON dim.dim_vendedor (vendedor_id, valido_de);
CREATE INDEX ix_dim_vendedor_vendedor_id_atual ON dim.dim_vendedor (vendedor_id, atual);
GO
SET IDENTITY_INSERT dim.dim_vendedor ON;
INSERT INTO dim.dim_vendedor (vendedor_sk, vendedor_id, nome, email, equipe_id, nome_equipe, ativo)
VALUES (0, NULL, 'Desconhecido', 'Desconhecido', NULL, 'Desconhecido', NULL);
SET IDENTITY_INSERT dim.dim_vendedor OFF;
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Seller dimension (source core.sellers plus its team), SCD2 on equipe_id: a team move closes the current version and opens a new one.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_vendedor';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Surrogate key of one version of the seller; 0 is the unknown seller.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_vendedor',
    @level2type = N'COLUMN', @level2name = N'vendedor_sk';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Natural key: core.sellers.seller_id, shared by all versions; null only for the unknown member.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_vendedor',
    @level2type = N'COLUMN', @level2name = N'vendedor_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Seller name (sellers.name), kept current on every version.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_vendedor',
    @level2type = N'COLUMN', @level2name = N'nome';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Seller e-mail (sellers.email), kept current on every version.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_vendedor',
    @level2type = N'COLUMN', @level2name = N'email';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Team of the seller in this version (sellers.team_id); tracked: a change opens a new version.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_vendedor',
    @level2type = N'COLUMN', @level2name = N'equipe_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Name of the team in this version (teams.name).',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_vendedor',
    @level2type = N'COLUMN', @level2name = N'nome_equipe';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Whether the seller is active (sellers.is_active), kept current on every version.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_vendedor',
    @level2type = N'COLUMN', @level2name = N'ativo';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Business time from which this version is valid (inclusive); 1900-01-01 for the first version.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_vendedor',
    @level2type = N'COLUMN', @level2name = N'valido_de';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Business time until which this version is valid (exclusive); 9999-12-31 for the current version.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_vendedor',
    @level2type = N'COLUMN', @level2name = N'valido_ate';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'True for the current version of the seller.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_vendedor',
    @level2type = N'COLUMN', @level2name = N'atual';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'row_version of the source row last applied; null for the unknown member and for inferred members.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_vendedor',
    @level2type = N'COLUMN', @level2name = N'versao_origem';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'True while the member is inferred: created because a fact referenced its key before the source row arrived; completed in place when it arrives.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_vendedor',
    @level2type = N'COLUMN', @level2name = N'inferido';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'True when the source row was deleted (soft or hard); the member stays for history.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_vendedor',
    @level2type = N'COLUMN', @level2name = N'excluido';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the loader last wrote the row (UTC).',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_vendedor',
    @level2type = N'COLUMN', @level2name = N'carregado_em';
GO
-- dim_cliente: customers, SCD2 on segmento, cidade, estado, regiao_id.
CREATE TABLE dim.dim_cliente (
    cliente_sk    bigint       IDENTITY(1,1),
    cliente_id    bigint,
    nome          nvarchar(150),
    email         nvarchar(150),
    tipo_cliente  nvarchar(20),
    cidade        nvarchar(100),
    estado        nvarchar(50),
    regiao_id     bigint,
    segmento      nvarchar(30),
    valido_de     datetime2(3) NOT NULL DEFAULT '1900-01-01T00:00:00',
    valido_ate    datetime2(3) NOT NULL DEFAULT '9999-12-31T00:00:00',
    atual         bit          NOT NULL DEFAULT 1,
    versao_origem bigint,
    inferido      bit          NOT NULL DEFAULT 0,
    excluido      bit          NOT NULL DEFAULT 0,
    carregado_em  datetime2(3) NOT NULL DEFAULT SYSUTCDATETIME(),
    CONSTRAINT pk_dim_cliente PRIMARY KEY (cliente_sk),
    CONSTRAINT ck_dim_cliente_membro CHECK ((cliente_sk = 0 AND cliente_id IS NULL) OR (cliente_sk <> 0 AND cliente_id IS NOT NULL)),
    CONSTRAINT ck_dim_cliente_validade CHECK (valido_de < valido_ate)
);
CREATE UNIQUE INDEX ux_dim_cliente_cliente_id_valido_de ON dim.dim_cliente (cliente_id, valido_de);
CREATE INDEX ix_dim_cliente_cliente_id_atual ON dim.dim_cliente (cliente_id, atual);
GO
SET IDENTITY_INSERT dim.dim_cliente ON;
INSERT INTO dim.dim_cliente (cliente_sk, cliente_id, nome, email, tipo_cliente, cidade, estado, regiao_id, segmento)
VALUES (0, NULL, 'Desconhecido', 'Desconhecido', 'Desconhecido', 'Desconhecido', 'Desconhecido', NULL, 'Desconhecido');
SET IDENTITY_INSERT dim.dim_cliente OFF;
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Customer dimension (source core.customers), SCD2 on segmento, cidade, estado and regiao_id.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_cliente';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Surrogate key of one version of the customer; 0 is the unknown customer.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_cliente',
    @level2type = N'COLUMN', @level2name = N'cliente_sk';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Natural key: core.customers.customer_id, shared by all versions; null only for the unknown member.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_cliente',
    @level2type = N'COLUMN', @level2name = N'cliente_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Customer name (customers.name), kept current on every version.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_cliente',
    @level2type = N'COLUMN', @level2name = N'nome';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Customer e-mail (customers.email), kept current on every version.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_cliente',
    @level2type = N'COLUMN', @level2name = N'email';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'individual or business (customers.customer_type), kept current on every version.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_cliente',
    @level2type = N'COLUMN', @level2name = N'tipo_cliente';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'City (customers.city); tracked: a change opens a new version.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_cliente',
    @level2type = N'COLUMN', @level2name = N'cidade';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'State (customers.state); tracked: a change opens a new version.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_cliente',
    @level2type = N'COLUMN', @level2name = N'estado';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Region of the customer (customers.region_id); tracked: a change opens a new version.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_cliente',
    @level2type = N'COLUMN', @level2name = N'regiao_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'consumer, small_business, corporate or vip (customers.segment); tracked: a change opens a new version.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_cliente',
    @level2type = N'COLUMN', @level2name = N'segmento';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Business time from which this version is valid (inclusive); 1900-01-01 for the first version.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_cliente',
    @level2type = N'COLUMN', @level2name = N'valido_de';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Business time until which this version is valid (exclusive); 9999-12-31 for the current version.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_cliente',
    @level2type = N'COLUMN', @level2name = N'valido_ate';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'True for the current version of the customer.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_cliente',
    @level2type = N'COLUMN', @level2name = N'atual';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'row_version of the source row last applied; null for the unknown member and for inferred members.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_cliente',
    @level2type = N'COLUMN', @level2name = N'versao_origem';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'True while the member is inferred: created because a fact referenced its key before the source row arrived; completed in place when it arrives.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_cliente',
    @level2type = N'COLUMN', @level2name = N'inferido';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'True when the source row was deleted (soft or hard); the member stays for history.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_cliente',
    @level2type = N'COLUMN', @level2name = N'excluido';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the loader last wrote the row (UTC).',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_cliente',
    @level2type = N'COLUMN', @level2name = N'carregado_em';
GO
-- dim_produto: products with their category, SCD2 on categoria_id, preco_lista, custo_unitario.
CREATE TABLE dim.dim_produto (
    produto_sk         bigint        IDENTITY(1,1),
    produto_id         bigint,
    sku                nvarchar(40),
    nome               nvarchar(150),
    categoria_id       bigint,
    nome_categoria     nvarchar(100),
    nome_categoria_pai nvarchar(100),
    marca              nvarchar(100),
    preco_lista        numeric(12,2),
    custo_unitario     numeric(12,2),
    valido_de          datetime2(3)  NOT NULL DEFAULT '1900-01-01T00:00:00',
    valido_ate         datetime2(3)  NOT NULL DEFAULT '9999-12-31T00:00:00',
    atual              bit           NOT NULL DEFAULT 1,
    versao_origem      bigint,
    inferido           bit           NOT NULL DEFAULT 0,
    excluido           bit           NOT NULL DEFAULT 0,
    carregado_em       datetime2(3)  NOT NULL DEFAULT SYSUTCDATETIME(),
    CONSTRAINT pk_dim_produto PRIMARY KEY (produto_sk),
    CONSTRAINT ck_dim_produto_membro CHECK ((produto_sk = 0 AND produto_id IS NULL) OR (produto_sk <> 0 AND produto_id IS NOT NULL)),
    CONSTRAINT ck_dim_produto_validade CHECK (valido_de < valido_ate)
);
CREATE UNIQUE INDEX ux_dim_produto_produto_id_valido_de ON dim.dim_produto (produto_id, valido_de);
CREATE INDEX ix_dim_produto_produto_id_atual ON dim.dim_produto (produto_id, atual);
GO
SET IDENTITY_INSERT dim.dim_produto ON;
INSERT INTO dim.dim_produto (produto_sk, produto_id, sku, nome, categoria_id, nome_categoria, nome_categoria_pai, marca, preco_lista, custo_unitario)
VALUES (0, NULL, 'Desconhecido', 'Desconhecido', NULL, 'Desconhecido', 'Desconhecido', 'Desconhecido', NULL, NULL);
SET IDENTITY_INSERT dim.dim_produto OFF;
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Product dimension (source core.products plus its category and parent category), SCD2 on categoria_id, preco_lista and custo_unitario.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_produto';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Surrogate key of one version of the product; 0 is the unknown product.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_produto',
    @level2type = N'COLUMN', @level2name = N'produto_sk';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Natural key: core.products.product_id, shared by all versions; null only for the unknown member.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_produto',
    @level2type = N'COLUMN', @level2name = N'produto_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Stock-keeping unit (products.sku), kept current on every version.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_produto',
    @level2type = N'COLUMN', @level2name = N'sku';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Product name (products.name), kept current on every version.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_produto',
    @level2type = N'COLUMN', @level2name = N'nome';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Category of the product (products.category_id); tracked: a change opens a new version.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_produto',
    @level2type = N'COLUMN', @level2name = N'categoria_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Name of the category (categories.name).',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_produto',
    @level2type = N'COLUMN', @level2name = N'nome_categoria';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Name of the parent category (categories.name of parent_id); null for a top-level category.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_produto',
    @level2type = N'COLUMN', @level2name = N'nome_categoria_pai';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Brand (products.brand), kept current on every version.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_produto',
    @level2type = N'COLUMN', @level2name = N'marca';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'List price (products.list_price); tracked: a change opens a new version.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_produto',
    @level2type = N'COLUMN', @level2name = N'preco_lista';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Unit cost (products.unit_cost); tracked: a change opens a new version.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_produto',
    @level2type = N'COLUMN', @level2name = N'custo_unitario';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Business time from which this version is valid (inclusive); 1900-01-01 for the first version.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_produto',
    @level2type = N'COLUMN', @level2name = N'valido_de';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Business time until which this version is valid (exclusive); 9999-12-31 for the current version.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_produto',
    @level2type = N'COLUMN', @level2name = N'valido_ate';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'True for the current version of the product.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_produto',
    @level2type = N'COLUMN', @level2name = N'atual';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'row_version of the source row last applied; null for the unknown member and for inferred members.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_produto',
    @level2type = N'COLUMN', @level2name = N'versao_origem';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'True while the member is inferred: created because a fact referenced its key before the source row arrived; completed in place when it arrives.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_produto',
    @level2type = N'COLUMN', @level2name = N'inferido';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'True when the source row was deleted (soft or hard); the member stays for history.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_produto',
    @level2type = N'COLUMN', @level2name = N'excluido';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the loader last wrote the row (UTC).',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_produto',
    @level2type = N'COLUMN', @level2name = N'carregado_em';
GO
-- dim_desconto: discounts, SCD1.
CREATE TABLE dim.dim_desconto (
    desconto_sk   bigint        IDENTITY(1,1),
    desconto_id   bigint,
    codigo        nvarchar(40),
    tipo_desconto nvarchar(20),
    valor         numeric(12,2),
    campanha      nvarchar(100),
    inicio        datetime2(3),
    fim           datetime2(3),
    versao_origem bigint,
    inferido      bit           NOT NULL DEFAULT 0,
    excluido      bit           NOT NULL DEFAULT 0,
    carregado_em  datetime2(3)  NOT NULL DEFAULT SYSUTCDATETIME(),
    CONSTRAINT pk_dim_desconto PRIMARY KEY (desconto_sk),
    CONSTRAINT ck_dim_desconto_membro CHECK ((desconto_sk = 0 AND desconto_id IS NULL) OR (desconto_sk <> 0 AND desconto_id IS NOT NULL))
);
CREATE UNIQUE INDEX ux_dim_desconto_desconto_id ON dim.dim_desconto (desconto_id);
GO
SET IDENTITY_INSERT dim.dim_desconto ON;
INSERT INTO dim.dim_desconto (desconto_sk, desconto_id, codigo, tipo_desconto, valor, campanha, inicio, fim)
VALUES (0, NULL, 'Desconhecido', 'Desconhecido', NULL, 'Desconhecido', NULL, NULL);
SET IDENTITY_INSERT dim.dim_desconto OFF;
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Discount dimension (source core.discounts), SCD1. Sales without a discount point at the unknown member 0.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_desconto';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Surrogate key; 0 is the unknown discount, also used by sales without a discount.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_desconto',
    @level2type = N'COLUMN', @level2name = N'desconto_sk';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Natural key: core.discounts.discount_id; null only for the unknown member.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_desconto',
    @level2type = N'COLUMN', @level2name = N'desconto_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Discount code (discounts.code).',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_desconto',
    @level2type = N'COLUMN', @level2name = N'codigo';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'percent or fixed (discounts.discount_type).',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_desconto',
    @level2type = N'COLUMN', @level2name = N'tipo_desconto';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Discount value: a percentage or an amount, by tipo_desconto (discounts.value).',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_desconto',
    @level2type = N'COLUMN', @level2name = N'valor';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Marketing campaign of the discount (discounts.campaign).',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_desconto',
    @level2type = N'COLUMN', @level2name = N'campanha';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Start of the discount period (discounts.starts_at, UTC).',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_desconto',
    @level2type = N'COLUMN', @level2name = N'inicio';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'End of the discount period (discounts.ends_at, UTC).',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_desconto',
    @level2type = N'COLUMN', @level2name = N'fim';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'row_version of the source row last applied; null for the unknown member and for inferred members.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_desconto',
    @level2type = N'COLUMN', @level2name = N'versao_origem';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'True while the member is inferred: created because a fact referenced its key before the source row arrived; completed in place when it arrives.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_desconto',
    @level2type = N'COLUMN', @level2name = N'inferido';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'True when the source row was deleted (soft or hard); the member stays for history.',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_desconto',
    @level2type = N'COLUMN', @level2name = N'excluido';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the loader last wrote the row (UTC).',
    @level0type = N'SCHEMA', @level0name = N'dim', @level1type = N'TABLE', @level1name = N'dim_desconto',
    @level2type = N'COLUMN', @level2name = N'carregado_em';
GO

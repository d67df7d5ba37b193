-- Databases and logins of the compose stack (run by db-init.sh with sqlcmd variables for the passwords).
--   esteira_oltp_owner  OLTP db_owner: creates the reference schema and the demo data (esteira-local.jar oltp)
--   esteira_extractor   OLTP read-only (db_datareader): the extractor, and the quality service's OLTP side
--   esteira_loader      DW db_owner: the loader migrates (Flyway) and writes dim, fact, stg, ctl, audit, mart
--   esteira_services    DW read/write of rows, no DDL: the extractor (ctl watermarks, audit, Quartz tables),
--                       the quality service (audit.dq_result) and the alerting service (audit.alert_log,
--                       audit.alert_notification, ctl.alert_group, ctl.alert_event_seen, ctl.alert_silence)
--   esteira_bi          DW member of role bi_reader (dim, fact, mart only): Grafana's business dashboards
--   esteira_ops_reader  DW read-only (db_datareader): Grafana's pipeline panels over ctl and audit
--   esteira_quality_reader  DW read-only (db_datareader, role quality_reader, writes denied): the quality
--                       service's checks (esteira.dw.reader.*); its results go through esteira_services
SET NOCOUNT ON;

IF DB_ID(N'esteira_oltp') IS NULL CREATE DATABASE esteira_oltp;
IF DB_ID(N'esteira_dw') IS NULL CREATE DATABASE esteira_dw;
GO
-- Snapshot reads: the extractor's and the BI users' SELECTs never wait for the writers.
ALTER DATABASE esteira_oltp SET READ_COMMITTED_SNAPSHOT ON WITH ROLLBACK IMMEDIATE;
ALTER DATABASE esteira_dw SET READ_COMMITTED_SNAPSHOT ON WITH ROLLBACK IMMEDIATE;
GO

IF SUSER_ID(N'esteira_oltp_owner') IS NULL
    CREATE LOGIN esteira_oltp_owner WITH PASSWORD = N'$(OLTP_OWNER_PASSWORD)', DEFAULT_DATABASE = esteira_oltp, CHECK_POLICY = ON;
ELSE
    ALTER LOGIN esteira_oltp_owner WITH PASSWORD = N'$(OLTP_OWNER_PASSWORD)';
IF SUSER_ID(N'esteira_extractor') IS NULL
    CREATE LOGIN esteira_extractor WITH PASSWORD = N'$(EXTRACTOR_PASSWORD)', DEFAULT_DATABASE = esteira_oltp, CHECK_POLICY = ON;
ELSE
    ALTER LOGIN esteira_extractor WITH PASSWORD = N'$(EXTRACTOR_PASSWORD)';
IF SUSER_ID(N'esteira_loader') IS NULL
    CREATE LOGIN esteira_loader WITH PASSWORD = N'$(LOADER_PASSWORD)', DEFAULT_DATABASE = esteira_dw, CHECK_POLICY = ON;
ELSE
    ALTER LOGIN esteira_loader WITH PASSWORD = N'$(LOADER_PASSWORD)';
IF SUSER_ID(N'esteira_services') IS NULL
    CREATE LOGIN esteira_services WITH PASSWORD = N'$(SERVICES_PASSWORD)', DEFAULT_DATABASE = esteira_dw, CHECK_POLICY = ON;
ELSE
    ALTER LOGIN esteira_services WITH PASSWORD = N'$(SERVICES_PASSWORD)';
IF SUSER_ID(N'esteira_ops_reader') IS NULL
    CREATE LOGIN esteira_ops_reader WITH PASSWORD = N'$(OPS_PASSWORD)', DEFAULT_DATABASE = esteira_dw, CHECK_POLICY = ON;
ELSE
    ALTER LOGIN esteira_ops_reader WITH PASSWORD = N'$(OPS_PASSWORD)';
IF SUSER_ID(N'esteira_quality_reader') IS NULL
    CREATE LOGIN esteira_quality_reader WITH PASSWORD = N'$(QUALITY_READER_PASSWORD)', DEFAULT_DATABASE = esteira_dw, CHECK_POLICY = ON;
ELSE
    ALTER LOGIN esteira_quality_reader WITH PASSWORD = N'$(QUALITY_READER_PASSWORD)';
IF SUSER_ID(N'esteira_bi') IS NULL
    CREATE LOGIN esteira_bi WITH PASSWORD = N'$(BI_PASSWORD)', DEFAULT_DATABASE = esteira_dw, CHECK_POLICY = ON;
ELSE
    ALTER LOGIN esteira_bi WITH PASSWORD = N'$(BI_PASSWORD)';
GO

USE esteira_oltp;
IF DATABASE_PRINCIPAL_ID(N'esteira_oltp_owner') IS NULL CREATE USER esteira_oltp_owner FOR LOGIN esteira_oltp_owner;
ALTER ROLE db_owner ADD MEMBER esteira_oltp_owner;
IF DATABASE_PRINCIPAL_ID(N'esteira_extractor') IS NULL CREATE USER esteira_extractor FOR LOGIN esteira_extractor;
ALTER ROLE db_datareader ADD MEMBER esteira_extractor;
-- MIN_ACTIVE_ROWVERSION() and the DMVs of the lag diagnostics.
GRANT VIEW DATABASE STATE TO esteira_extractor;
GO

USE esteira_dw;
IF DATABASE_PRINCIPAL_ID(N'esteira_loader') IS NULL CREATE USER esteira_loader FOR LOGIN esteira_loader;
ALTER ROLE db_owner ADD MEMBER esteira_loader;
IF DATABASE_PRINCIPAL_ID(N'esteira_services') IS NULL CREATE USER esteira_services FOR LOGIN esteira_services;
ALTER ROLE db_datareader ADD MEMBER esteira_services;
ALTER ROLE db_datawriter ADD MEMBER esteira_services;
IF DATABASE_PRINCIPAL_ID(N'esteira_ops_reader') IS NULL CREATE USER esteira_ops_reader FOR LOGIN esteira_ops_reader;
ALTER ROLE db_datareader ADD MEMBER esteira_ops_reader;
-- The loader's migration V8 grants bi_reader SELECT on dim, fact and mart; the role may be created here first.
IF DATABASE_PRINCIPAL_ID(N'bi_reader') IS NULL CREATE ROLE bi_reader;
IF DATABASE_PRINCIPAL_ID(N'esteira_bi') IS NULL CREATE USER esteira_bi FOR LOGIN esteira_bi;
ALTER ROLE bi_reader ADD MEMBER esteira_bi;
-- The loader's migration V70 grants quality_reader SELECT on the DW's schemas and denies every write.
IF DATABASE_PRINCIPAL_ID(N'quality_reader') IS NULL CREATE ROLE quality_reader;
IF DATABASE_PRINCIPAL_ID(N'esteira_quality_reader') IS NULL CREATE USER esteira_quality_reader FOR LOGIN esteira_quality_reader;
ALTER ROLE db_datareader ADD MEMBER esteira_quality_reader;
ALTER ROLE quality_reader ADD MEMBER esteira_quality_reader;
DENY INSERT, UPDATE, DELETE, EXECUTE, ALTER TO esteira_quality_reader;
GO

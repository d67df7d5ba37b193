-- Esteira warehouse, SQL Server 2022. Follows db/dw/postgresql, the reference.
-- The six schemas of docs/data-contract.md, "Warehouse". Flyway creates ctl itself, before this
-- script, because its history table (ctl.flyway_schema_history) lives there. CREATE SCHEMA must be
-- alone in its batch, hence EXEC.

IF SCHEMA_ID(N'ctl') IS NULL EXEC(N'CREATE SCHEMA ctl');
IF SCHEMA_ID(N'dim') IS NULL EXEC(N'CREATE SCHEMA dim');
IF SCHEMA_ID(N'fact') IS NULL EXEC(N'CREATE SCHEMA fact');
IF SCHEMA_ID(N'stg') IS NULL EXEC(N'CREATE SCHEMA stg');
IF SCHEMA_ID(N'audit') IS NULL EXEC(N'CREATE SCHEMA audit');
IF SCHEMA_ID(N'mart') IS NULL EXEC(N'CREATE SCHEMA mart');
GO

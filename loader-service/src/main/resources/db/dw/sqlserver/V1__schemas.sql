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
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Dimensions: who, what, where and when of a sale. Every dimension has the unknown member 0 (Desconhecido). Readable by bi_reader.',
    @level0type = N'SCHEMA', @level0name = N'dim';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Facts: the measures, one row per source row of their grain, live rows only. Readable by bi_reader.',
    @level0type = N'SCHEMA', @level0name = N'fact';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Staging mirror of the OLTP tables (core), written by the loader before it rebuilds dimensions and facts. Not readable by bi_reader.',
    @level0type = N'SCHEMA', @level0name = N'stg';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Pipeline control: extraction watermarks and schedules, applied batches, Flyway history. Not readable by bi_reader.',
    @level0type = N'SCHEMA', @level0name = N'ctl';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Pipeline audit: runs, data-quality results, alert notifications. Not readable by bi_reader.',
    @level0type = N'SCHEMA', @level0name = N'audit';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'KPI views for the business, built on dim and fact with the PRD definitions. Readable by bi_reader.',
    @level0type = N'SCHEMA', @level0name = N'mart';
GO

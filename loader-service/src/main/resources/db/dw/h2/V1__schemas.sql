-- Esteira warehouse, H2 (the zero-install quick start). Follows db/dw/postgresql, the reference.
-- Needs MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE in the URL (DwSchema checks): names are then stored in
-- lower case as on PostgreSQL, and match the schema ctl that Flyway creates quoted. The contract
-- columns value, year and month are H2 keywords, so they are created quoted ("value"); SQL on H2
-- quotes them too, or the URL adds NON_KEYWORDS=VALUE,YEAR,MONTH (DwSchema.H2_SETTINGS does).
-- The six schemas of docs/data-contract.md, "Warehouse". Flyway creates ctl itself, before this
-- script, because its history table (ctl.flyway_schema_history) lives there.

CREATE SCHEMA IF NOT EXISTS ctl;
CREATE SCHEMA IF NOT EXISTS dim;
CREATE SCHEMA IF NOT EXISTS fact;
CREATE SCHEMA IF NOT EXISTS stg;
CREATE SCHEMA IF NOT EXISTS audit;
CREATE SCHEMA IF NOT EXISTS mart;

COMMENT ON SCHEMA dim IS 'Dimensions: who, what, where and when of a sale. Every dimension has the unknown member 0 (Desconhecido). Readable by bi_reader.';
COMMENT ON SCHEMA fact IS 'Facts: the measures, one row per source row of their grain, live rows only. Readable by bi_reader.';
COMMENT ON SCHEMA stg IS 'Staging mirror of the OLTP tables (core), written by the loader before it rebuilds dimensions and facts. Not readable by bi_reader.';
COMMENT ON SCHEMA ctl IS 'Pipeline control: extraction watermarks and schedules, applied batches, Flyway history. Not readable by bi_reader.';
COMMENT ON SCHEMA audit IS 'Pipeline audit: runs, data-quality results, alert notifications. Not readable by bi_reader.';
COMMENT ON SCHEMA mart IS 'KPI views for the business, built on dim and fact with the PRD definitions. Readable by bi_reader.';

-- Esteira warehouse, PostgreSQL (the reference dialect; sqlserver/ follows it, db/dw/common holds what both share).
-- The six schemas of docs/data-contract.md, "Warehouse". Flyway creates ctl itself, before this
-- script, because its history table (ctl.flyway_schema_history) lives there.

CREATE SCHEMA IF NOT EXISTS ctl;
CREATE SCHEMA IF NOT EXISTS dim;
CREATE SCHEMA IF NOT EXISTS fact;
CREATE SCHEMA IF NOT EXISTS stg;
CREATE SCHEMA IF NOT EXISTS audit;
CREATE SCHEMA IF NOT EXISTS mart;


-- apply/postgresql/raw-create.sql for SQL Server: bit for booleans, datetime2 for timestamps, and
-- no UNLOGGED (the work table is an ordinary table, as stg.incoming_* are), and the token index is the work
-- table's clustered index, as on the other work tables (db/dw/sqlserver/V96__work_tables_clustered.sql).
CREATE TABLE {raw} (
    {column_definitions},
    source_version bigint NOT NULL,
    source_deleted bit NOT NULL DEFAULT 0,
    loaded_at datetime2(3) NOT NULL,
    CONSTRAINT {primary_key} PRIMARY KEY ({key}));

CREATE TABLE {incoming} (
    {column_definitions},
    source_version bigint NOT NULL,
    source_deleted bit NOT NULL DEFAULT 0,
    apply_token varchar(36) NOT NULL,
    applies bit NOT NULL DEFAULT 0);

CREATE CLUSTERED INDEX {token_index} ON {incoming} (apply_token);

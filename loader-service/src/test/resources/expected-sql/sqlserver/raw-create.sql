-- ==== statement 1 of 3 ====
-- apply/postgresql/raw-create.sql for SQL Server: bit for booleans, datetime2 for timestamps, and
-- no UNLOGGED (the work table is an ordinary table, as stg.incoming_* are), and the token index is the work
-- table's clustered index, as on the other work tables (db/dw/sqlserver/V96__work_tables_clustered.sql).
CREATE TABLE [raw].[payments] (
    [payment_id] bigint NOT NULL,
    [amount] decimal(12,2),
    source_version bigint NOT NULL,
    source_deleted bit NOT NULL DEFAULT 0,
    loaded_at datetime2(3) NOT NULL,
    CONSTRAINT [pk_raw_payments] PRIMARY KEY ([payment_id]));

-- ==== statement 2 of 3 ====
CREATE TABLE [stg].[incoming_payments] (
    [payment_id] bigint NOT NULL,
    [amount] decimal(12,2),
    source_version bigint NOT NULL,
    source_deleted bit NOT NULL DEFAULT 0,
    apply_token varchar(36) NOT NULL,
    applies bit NOT NULL DEFAULT 0);

-- ==== statement 3 of 3 ====
CREATE CLUSTERED INDEX [ix_stg_incoming_payments_token] ON [stg].[incoming_payments] (apply_token);

-- Creates a mirror entity's table raw.<entity> and its work table stg.incoming_<entity> from the column
-- types of its first batch (MirrorTables; docs/adr/0015-mirror-tables.md). Every source column is
-- nullable here but the key: a hard delete of a key never seen leaves the key alone, as in stg.*. The
-- bookkeeping columns are those of the staging mirror, so landing is land.sql over these names.
CREATE TABLE {raw} (
    {column_definitions},
    source_version bigint NOT NULL,
    source_deleted boolean NOT NULL DEFAULT FALSE,
    loaded_at timestamp(3) NOT NULL,
    CONSTRAINT {primary_key} PRIMARY KEY ({key}));

CREATE UNLOGGED TABLE {incoming} (
    {column_definitions},
    source_version bigint NOT NULL,
    source_deleted boolean NOT NULL DEFAULT FALSE,
    apply_token varchar(36) NOT NULL,
    applies boolean NOT NULL DEFAULT FALSE);

CREATE INDEX {token_index} ON {incoming} (apply_token);

-- Mirror entities (mirror: true in the entity catalog, docs/adr/0015-mirror-tables.md): the loader creates
-- raw.<entity> from the column types the first batch carries, and extends it with new columns. The
-- schema raw holds only those tables; ctl.mirror_column is the loader's record of what each holds, in the
-- neutral types of the batches (ColumnType), against which every batch is compared: a new column is added,
-- a column missing from a batch or arriving with another type stops the entity with an error naming it.
-- Both vendors (docs/adr/0013-schema-written-once.md): the placeholders varchar, text, bool, timestamp,
-- double, identity, utc_now, true and false are rendered per vendor (DwPlaceholders); a line starting with
-- the placeholder sqlserver or postgresql runs on that vendor only; go ends a SQL Server batch.
${postgresql}CREATE SCHEMA IF NOT EXISTS raw;
${sqlserver}IF SCHEMA_ID(N'raw') IS NULL EXEC(N'CREATE SCHEMA raw');
${go}

CREATE TABLE ctl.mirror_column (
    entity      ${varchar}(63)  NOT NULL,
    column_name ${varchar}(128) NOT NULL,
    column_type ${varchar}(40)  NOT NULL,
    column_order integer        NOT NULL,
    added_at    ${timestamp}    NOT NULL DEFAULT ${utc_now},
    CONSTRAINT pk_mirror_column PRIMARY KEY (entity, column_name)
);
${go}

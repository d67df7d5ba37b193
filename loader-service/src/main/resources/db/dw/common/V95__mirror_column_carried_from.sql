-- Mirror entities (docs/adr/0015-mirror-tables.md): the source version from which the batches carry each
-- column of raw.<entity>, the smallest row version of the batch that added it. A batch that lacks a
-- recorded column is older than the column when every row's version is below it (captured before the
-- column was added to the source, redelivered or replayed after a newer batch added it): it lands without
-- touching the column. Any other batch that lacks it is a dropped column and stops the entity. Null: carried
-- since the mirror was created (the columns of its first batch, and every column recorded before this
-- migration), so a batch that lacks it is always a drop.
-- Both vendors (docs/adr/0013-schema-written-once.md): the placeholders varchar, text, bool, timestamp,
-- double, identity, utc_now, true and false are rendered per vendor (DwPlaceholders); a line starting with
-- the placeholder sqlserver or postgresql runs on that vendor only; go ends a SQL Server batch.
ALTER TABLE ctl.mirror_column ADD carried_from bigint NULL;
${go}

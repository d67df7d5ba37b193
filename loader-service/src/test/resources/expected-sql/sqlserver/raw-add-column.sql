-- ==== statement 1 of 2 ====
-- Additive drift of a mirror entity: a column its batches carry that raw.<entity> lacks is added,
-- nullable, to the mirror and its work table (MirrorTables). Rows landed before keep null in it.
ALTER TABLE [raw].[payments] ADD [amount] decimal(12,2);

-- ==== statement 2 of 2 ====
ALTER TABLE [stg].[incoming_payments] ADD [amount] decimal(12,2);

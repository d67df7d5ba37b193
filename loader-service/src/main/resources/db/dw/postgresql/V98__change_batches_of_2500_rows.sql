-- Change batches of 2,500 rows by default instead of 5,000 (docs/performance.md, "A shorter wake-up, batches of
-- 2,500 rows"). At 1,000,000 order items the extractor's pages (one sent, the next read ahead) and the loader's
-- parsed batches, several entities at a time, kept both services' heaps at their 96 MB cap through the initial
-- load (62 and 73 full collections) and their peak RSS at 257-265 MB, over the 256 MB target; with 2,500 rows,
-- 247-255 MB, for 3 % of the load's rate. Every entity at 5,000 (the old default, or set to it)
-- moves to 2,500; any other batch size stays. Where memory is not tight, a larger one is set per entity here, or
-- for every entity with esteira.extractor.batch-size (up to 10,000).
ALTER TABLE ctl.etl_control ALTER COLUMN batch_size SET DEFAULT 2500;
UPDATE ctl.etl_control SET batch_size = 2500 WHERE batch_size = 5000;

-- How many batches of one replay the loader has applied (ctl.applied_batch is written in the same
-- transaction as the batch).
SELECT COUNT(*) FROM ctl.applied_batch WHERE replay = :replay

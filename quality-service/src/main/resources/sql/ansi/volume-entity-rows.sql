-- entity-volume: rows the loader landed of one entity between two instants (UTC, from inclusive, to
-- exclusive), from its own bookkeeping: ctl.applied_batch holds one row per applied batch, written in the
-- batch's transaction, so a redelivered batch counts once. Replays (replay set) re-send rows the DW already
-- had and are left out. Read through ix_applied_batch_entity_applied_at.
SELECT COALESCE(SUM(b.rows_in_batch), 0) AS row_count
FROM ctl.applied_batch b
WHERE b.entity = :entity
  AND b.replay IS NULL
  AND b.applied_at >= :from_at
  AND b.applied_at < :to_at

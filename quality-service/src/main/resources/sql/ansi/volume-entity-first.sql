-- entity-volume: when the loader first landed a batch of one entity (UTC); days before it are no history.
SELECT MIN(b.applied_at) AS first_applied_at
FROM ctl.applied_batch b
WHERE b.entity = :entity
  AND b.replay IS NULL

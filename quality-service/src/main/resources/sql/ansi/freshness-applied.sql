-- What the loader has applied of one entity, read from the warehouse itself: the newest
-- (source_version, key) in the entity's DW mirror stg.<table> (a mirror entity's raw.<entity>), which the
-- loader writes in the same transaction as the batch's dimension and fact rows. Every OLTP change after
-- this point in change order is not in the DW yet. applied_version is NULL when the loader has applied
-- nothing (and FreshnessCheck does not run this before a mirror entity's raw table exists).
SELECT m.applied_version,
       (SELECT MAX(s.{key}) FROM {mirror} s WHERE s.source_version = m.applied_version) AS applied_key,
       (SELECT MAX(b.applied_at) FROM ctl.applied_batch b WHERE b.entity = :entity) AS last_applied_at
FROM (SELECT MAX(t.source_version) AS applied_version FROM {mirror} t) m

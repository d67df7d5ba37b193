-- The extractor's cursor for one entity, shown beside what the loader applied: every change up to
-- (watermark_version, watermark_key) in change order has been published to the broker. Freshness is
-- not measured from it (a published batch may never have been applied).
SELECT enabled, watermark_version, watermark_key, last_success_at
FROM ctl.etl_control
WHERE entity = :entity

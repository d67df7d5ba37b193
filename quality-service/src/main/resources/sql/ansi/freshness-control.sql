-- The extractor's cursor for one entity: every change up to (watermark_version, watermark_key) in
-- change order has been published to the loader.
SELECT enabled, watermark_version, watermark_key, last_success_at
FROM ctl.etl_control
WHERE entity = :entity

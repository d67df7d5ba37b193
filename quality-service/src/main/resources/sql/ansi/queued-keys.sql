-- The keys queued for the loader's deriver (ctl.derive_queue), a row each: entity, key_value. On SQL Server a
-- queue row holds one key.
SELECT entity, key_value FROM ctl.derive_queue

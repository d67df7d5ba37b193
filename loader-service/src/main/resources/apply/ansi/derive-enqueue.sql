-- The lander's last step: queue the keys whose mirror row this batch changed, for the deriver. In the
-- batch's own transaction, so a committed batch always leaves its keys queued.
INSERT INTO ctl.derive_queue (entity, key_value, queued_at)
SELECT :entity, {key}, :now
FROM {incoming}
WHERE apply_token = :token AND applies = {true}

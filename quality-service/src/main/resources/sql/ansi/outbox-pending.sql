-- The alerts still to send, oldest first (the caller limits the rows).
SELECT o.outbox_id, o.fingerprint, o.event_json, o.attempts
FROM audit.alert_outbox o
ORDER BY o.outbox_id

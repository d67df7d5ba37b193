-- An alert the broker has confirmed.
DELETE FROM audit.alert_outbox WHERE outbox_id = :outbox_id

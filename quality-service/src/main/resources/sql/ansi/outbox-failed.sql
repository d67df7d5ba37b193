-- A failed send: the row stays, to be sent again.
UPDATE audit.alert_outbox SET attempts = attempts + 1, last_error = :last_error WHERE outbox_id = :outbox_id

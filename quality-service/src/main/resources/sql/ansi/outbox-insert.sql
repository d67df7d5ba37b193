-- One alert raised by a check run, written in the same transaction as its audit.dq_result row.
INSERT INTO audit.alert_outbox (fingerprint, event_json) VALUES (:fingerprint, :event_json)

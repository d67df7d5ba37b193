-- One row per notification attempt and alert (docs/data-contract.md, audit.alert_log).
-- Portable SQL: the same statement runs on PostgreSQL and SQL Server.
INSERT INTO audit.alert_log
    (event_id, fingerprint, event_status, receiver, attempt, outcome, response_code, latency_ms, error, logged_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)

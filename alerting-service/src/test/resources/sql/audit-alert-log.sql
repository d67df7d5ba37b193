-- Test-only stand-in for the loader's DW migration of audit.alert_log (docs/data-contract.md):
-- exactly the contract's columns. Replace with loader-service's DwSchema.migrate once it lands.
CREATE SCHEMA IF NOT EXISTS audit;
CREATE TABLE IF NOT EXISTS audit.alert_log (
    alert_log_id  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id      varchar(200) NOT NULL,
    fingerprint   varchar(200) NOT NULL,
    event_status  varchar(10)  NOT NULL,
    receiver      varchar(100) NOT NULL,
    attempt       integer      NOT NULL,
    outcome       varchar(12)  NOT NULL,
    response_code integer,
    latency_ms    bigint,
    error         text,
    logged_at     timestamp(3) NOT NULL
);

-- Esteira warehouse, SQL Server 2022. Follows db/dw/postgresql, the reference: nvarchar for varchar,
-- nvarchar(max) for text, bit for boolean, datetime2(3) for timestamp(3), float for double precision,
-- descriptions from db/dw/descriptions.yml (R__describe_objects). Flyway splits batches on GO only.
-- Pipeline control (ctl) and audit (audit) tables.

CREATE TABLE ctl.etl_control (
    entity            nvarchar(63)  NOT NULL,
    enabled           bit          NOT NULL DEFAULT 1,
    watermark_version bigint       NOT NULL DEFAULT 0,
    watermark_key     bigint       NOT NULL DEFAULT 0,
    batch_size        integer      NOT NULL DEFAULT 5000,
    schedule          nvarchar(50)  NOT NULL DEFAULT 'PT5S',
    last_run_at       datetime2(3),
    last_success_at   datetime2(3),
    last_status       nvarchar(20),
    last_error        nvarchar(max),
    updated_at        datetime2(3) NOT NULL DEFAULT SYSUTCDATETIME(),
    CONSTRAINT pk_etl_control PRIMARY KEY (entity),
    CONSTRAINT ck_etl_control_batch_size CHECK (batch_size > 0)
);
GO
INSERT INTO ctl.etl_control (entity, enabled, watermark_version, watermark_key, batch_size, schedule)
VALUES ('regions', 1, 0, 0, 5000, 'PT5S'),
       ('teams', 1, 0, 0, 5000, 'PT5S'),
       ('sellers', 1, 0, 0, 5000, 'PT5S'),
       ('customers', 1, 0, 0, 5000, 'PT5S'),
       ('categories', 1, 0, 0, 5000, 'PT5S'),
       ('products', 1, 0, 0, 5000, 'PT5S'),
       ('discounts', 1, 0, 0, 5000, 'PT5S'),
       ('orders', 1, 0, 0, 5000, 'PT5S'),
       ('order_items', 1, 0, 0, 5000, 'PT5S'),
       ('returns', 1, 0, 0, 5000, 'PT5S'),
       ('sales_targets', 1, 0, 0, 5000, 'PT5S');
GO
CREATE TABLE ctl.applied_batch (
    batch_id      nvarchar(100) NOT NULL,
    entity        nvarchar(63)  NOT NULL,
    replay        nvarchar(100),
    rows_in_batch integer      NOT NULL,
    applied_at    datetime2(3) NOT NULL DEFAULT SYSUTCDATETIME(),
    CONSTRAINT pk_applied_batch PRIMARY KEY (batch_id)
);
CREATE INDEX ix_applied_batch_entity_applied_at ON ctl.applied_batch (entity, applied_at);
GO
CREATE TABLE audit.etl_run (
    run_id        bigint       IDENTITY(1,1),
    service       nvarchar(50)  NOT NULL,
    started_at    datetime2(3) NOT NULL DEFAULT SYSUTCDATETIME(),
    ended_at      datetime2(3),
    status        nvarchar(20)  NOT NULL DEFAULT 'running',
    rows_read     bigint       NOT NULL DEFAULT 0,
    rows_written  bigint       NOT NULL DEFAULT 0,
    rows_rejected bigint       NOT NULL DEFAULT 0,
    error         nvarchar(max),
    CONSTRAINT pk_etl_run PRIMARY KEY (run_id),
    CONSTRAINT ck_etl_run_status CHECK (status IN ('running', 'success', 'failed'))
);
CREATE INDEX ix_etl_run_service_started_at ON audit.etl_run (service, started_at);
GO
CREATE TABLE audit.etl_run_entity (
    run_entity_id bigint       IDENTITY(1,1),
    run_id        bigint,
    service       nvarchar(50)  NOT NULL,
    entity        nvarchar(63)  NOT NULL,
    batch_id      nvarchar(100),
    started_at    datetime2(3) NOT NULL DEFAULT SYSUTCDATETIME(),
    ended_at      datetime2(3),
    status        nvarchar(20)  NOT NULL,
    batches       integer      NOT NULL DEFAULT 0,
    rows_read     bigint       NOT NULL DEFAULT 0,
    rows_inserted bigint       NOT NULL DEFAULT 0,
    rows_updated  bigint       NOT NULL DEFAULT 0,
    rows_ignored  bigint       NOT NULL DEFAULT 0,
    rows_rejected bigint       NOT NULL DEFAULT 0,
    duration_ms   bigint,
    error         nvarchar(max),
    CONSTRAINT pk_etl_run_entity PRIMARY KEY (run_entity_id),
    CONSTRAINT fk_etl_run_entity_run FOREIGN KEY (run_id) REFERENCES audit.etl_run (run_id)
);
CREATE INDEX ix_etl_run_entity_entity_started_at ON audit.etl_run_entity (entity, started_at);
CREATE INDEX ix_etl_run_entity_run_id ON audit.etl_run_entity (run_id);
CREATE INDEX ix_etl_run_entity_batch_id ON audit.etl_run_entity (batch_id);
GO
CREATE TABLE audit.dq_result (
    dq_result_id bigint           IDENTITY(1,1),
    check_id     nvarchar(100)     NOT NULL,
    kind         nvarchar(30)      NOT NULL,
    severity     nvarchar(20),
    status       nvarchar(10)      NOT NULL,
    value        float,
    threshold    nvarchar(100),
    sample       nvarchar(max),
    message      nvarchar(max),
    started_at   datetime2(3)     NOT NULL,
    duration_ms  bigint           NOT NULL,
    CONSTRAINT pk_dq_result PRIMARY KEY (dq_result_id),
    CONSTRAINT ck_dq_result_status CHECK (status IN ('pass', 'warn', 'fail', 'error'))
);
CREATE INDEX ix_dq_result_check_id_started_at ON audit.dq_result (check_id, started_at);
GO
CREATE TABLE audit.alert_log (
    alert_log_id  bigint       IDENTITY(1,1),
    event_id      nvarchar(100) NOT NULL,
    fingerprint   nvarchar(200) NOT NULL,
    event_status  nvarchar(10)  NOT NULL,
    receiver      nvarchar(100) NOT NULL,
    attempt       integer      NOT NULL DEFAULT 1,
    outcome       nvarchar(10)  NOT NULL,
    response_code integer,
    latency_ms    bigint,
    error         nvarchar(max),
    logged_at     datetime2(3) NOT NULL DEFAULT SYSUTCDATETIME(),
    CONSTRAINT pk_alert_log PRIMARY KEY (alert_log_id),
    CONSTRAINT ck_alert_log_event_status CHECK (event_status IN ('firing', 'resolved')),
    CONSTRAINT ck_alert_log_outcome CHECK (outcome IN ('sent', 'failed', 'dead', 'suppressed'))
);
CREATE INDEX ix_alert_log_fingerprint_logged_at ON audit.alert_log (fingerprint, logged_at);
CREATE INDEX ix_alert_log_event_id ON audit.alert_log (event_id);
GO

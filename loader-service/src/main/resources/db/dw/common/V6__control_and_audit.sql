-- Pipeline control (ctl) and audit (audit) tables.
-- Both vendors (docs/adr/0013-schema-written-once.md): the placeholders varchar, text, bool, timestamp,
-- double, identity, utc_now, true and false are rendered per vendor (DwPlaceholders); a line starting with
-- the placeholder sqlserver or postgresql runs on that vendor only; go ends a SQL Server batch.

CREATE TABLE ctl.etl_control (
    entity            ${varchar}(63)  NOT NULL,
    enabled           ${bool}   NOT NULL DEFAULT ${true},
    watermark_version bigint       NOT NULL DEFAULT 0,
    watermark_key     bigint       NOT NULL DEFAULT 0,
    batch_size        integer      NOT NULL DEFAULT 5000,
    schedule          ${varchar}(50)  NOT NULL DEFAULT 'PT5S',
    last_run_at       ${timestamp},
    last_success_at   ${timestamp},
    last_status       ${varchar}(20),
    last_error        ${text},
    updated_at        ${timestamp} NOT NULL DEFAULT ${utc_now},
    CONSTRAINT pk_etl_control PRIMARY KEY (entity),
    CONSTRAINT ck_etl_control_batch_size CHECK (batch_size > 0)
);
INSERT INTO ctl.etl_control (entity, enabled, watermark_version, watermark_key, batch_size, schedule)
VALUES ('regions', ${true}, 0, 0, 5000, 'PT5S'),
       ('teams', ${true}, 0, 0, 5000, 'PT5S'),
       ('sellers', ${true}, 0, 0, 5000, 'PT5S'),
       ('customers', ${true}, 0, 0, 5000, 'PT5S'),
       ('categories', ${true}, 0, 0, 5000, 'PT5S'),
       ('products', ${true}, 0, 0, 5000, 'PT5S'),
       ('discounts', ${true}, 0, 0, 5000, 'PT5S'),
       ('orders', ${true}, 0, 0, 5000, 'PT5S'),
       ('order_items', ${true}, 0, 0, 5000, 'PT5S'),
       ('returns', ${true}, 0, 0, 5000, 'PT5S'),
       ('sales_targets', ${true}, 0, 0, 5000, 'PT5S');
${go}

CREATE TABLE ctl.applied_batch (
    batch_id      ${varchar}(100) NOT NULL,
    entity        ${varchar}(63)  NOT NULL,
    replay        ${varchar}(100),
    rows_in_batch integer      NOT NULL,
    applied_at    ${timestamp} NOT NULL DEFAULT ${utc_now},
    CONSTRAINT pk_applied_batch PRIMARY KEY (batch_id)
);
CREATE INDEX ix_applied_batch_entity_applied_at ON ctl.applied_batch (entity, applied_at);
${go}

CREATE TABLE audit.etl_run (
    run_id        bigint       ${identity},
    service       ${varchar}(50)  NOT NULL,
    started_at    ${timestamp} NOT NULL DEFAULT ${utc_now},
    ended_at      ${timestamp},
    status        ${varchar}(20)  NOT NULL DEFAULT 'running',
    rows_read     bigint       NOT NULL DEFAULT 0,
    rows_written  bigint       NOT NULL DEFAULT 0,
    rows_rejected bigint       NOT NULL DEFAULT 0,
    error         ${text},
    CONSTRAINT pk_etl_run PRIMARY KEY (run_id),
    CONSTRAINT ck_etl_run_status CHECK (status IN ('running', 'success', 'failed'))
);
CREATE INDEX ix_etl_run_service_started_at ON audit.etl_run (service, started_at);
${go}

CREATE TABLE audit.etl_run_entity (
    run_entity_id bigint       ${identity},
    run_id        bigint,
    service       ${varchar}(50)  NOT NULL,
    entity        ${varchar}(63)  NOT NULL,
    batch_id      ${varchar}(100),
    started_at    ${timestamp} NOT NULL DEFAULT ${utc_now},
    ended_at      ${timestamp},
    status        ${varchar}(20)  NOT NULL,
    batches       integer      NOT NULL DEFAULT 0,
    rows_read     bigint       NOT NULL DEFAULT 0,
    rows_inserted bigint       NOT NULL DEFAULT 0,
    rows_updated  bigint       NOT NULL DEFAULT 0,
    rows_ignored  bigint       NOT NULL DEFAULT 0,
    rows_rejected bigint       NOT NULL DEFAULT 0,
    duration_ms   bigint,
    error         ${text},
    CONSTRAINT pk_etl_run_entity PRIMARY KEY (run_entity_id),
    CONSTRAINT fk_etl_run_entity_run FOREIGN KEY (run_id) REFERENCES audit.etl_run (run_id)
);
CREATE INDEX ix_etl_run_entity_entity_started_at ON audit.etl_run_entity (entity, started_at);
CREATE INDEX ix_etl_run_entity_run_id ON audit.etl_run_entity (run_id);
CREATE INDEX ix_etl_run_entity_batch_id ON audit.etl_run_entity (batch_id);
${go}

CREATE TABLE audit.dq_result (
    dq_result_id bigint           ${identity},
    check_id     ${varchar}(100)     NOT NULL,
    kind         ${varchar}(30)      NOT NULL,
    severity     ${varchar}(20),
    status       ${varchar}(10)      NOT NULL,
    value        ${double},
    threshold    ${varchar}(100),
    sample       ${text},
    message      ${text},
    started_at   ${timestamp}     NOT NULL,
    duration_ms  bigint           NOT NULL,
    CONSTRAINT pk_dq_result PRIMARY KEY (dq_result_id),
    CONSTRAINT ck_dq_result_status CHECK (status IN ('pass', 'warn', 'fail', 'error'))
);
CREATE INDEX ix_dq_result_check_id_started_at ON audit.dq_result (check_id, started_at);
${go}

CREATE TABLE audit.dq_result_entity (
    dq_result_id bigint           NOT NULL,
    entity       ${varchar}(100)     NOT NULL,
    status       ${varchar}(10)      NOT NULL,
    value        ${double},
    message      ${text},
    CONSTRAINT pk_dq_result_entity PRIMARY KEY (dq_result_id, entity),
    CONSTRAINT fk_dq_result_entity_result FOREIGN KEY (dq_result_id) REFERENCES audit.dq_result (dq_result_id),
    CONSTRAINT ck_dq_result_entity_status CHECK (status IN ('pass', 'warn', 'fail'))
);
${go}

CREATE TABLE audit.alert_log (
    alert_log_id  bigint       ${identity},
    event_id      ${varchar}(100) NOT NULL,
    fingerprint   ${varchar}(200) NOT NULL,
    event_status  ${varchar}(10)  NOT NULL,
    receiver      ${varchar}(100) NOT NULL,
    attempt       integer      NOT NULL DEFAULT 1,
    outcome       ${varchar}(10)  NOT NULL,
    response_code integer,
    latency_ms    bigint,
    error         ${text},
    logged_at     ${timestamp} NOT NULL DEFAULT ${utc_now},
    CONSTRAINT pk_alert_log PRIMARY KEY (alert_log_id),
    CONSTRAINT ck_alert_log_event_status CHECK (event_status IN ('firing', 'resolved')),
    CONSTRAINT ck_alert_log_outcome CHECK (outcome IN ('sent', 'failed', 'dead', 'suppressed'))
);
CREATE INDEX ix_alert_log_fingerprint_logged_at ON audit.alert_log (fingerprint, logged_at);
CREATE INDEX ix_alert_log_event_id ON audit.alert_log (event_id);
${go}

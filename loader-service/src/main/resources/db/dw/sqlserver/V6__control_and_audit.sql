-- Esteira warehouse, SQL Server 2022. Follows db/dw/postgresql, the reference: nvarchar for varchar,
-- nvarchar(max) for text, bit for boolean, datetime2(3) for timestamp(3), float for double precision,
-- MS_Description extended properties for comments. Flyway splits batches on GO only.
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
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Extraction control: one row per catalog entity, with its watermark and schedule.',
    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'etl_control';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Catalog entity name (orders, order_items, ...), the OLTP table it reads.',
    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'etl_control',
    @level2type = N'COLUMN', @level2name = N'entity';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'False pauses the extraction of the entity.',
    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'etl_control',
    @level2type = N'COLUMN', @level2name = N'enabled';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Cursor: row_version of the last row published (exclusive start of the next batch); 0 before the first.',
    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'etl_control',
    @level2type = N'COLUMN', @level2name = N'watermark_version';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Cursor: key of the last row published, breaking ties between rows of the same row_version; 0 before the first.',
    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'etl_control',
    @level2type = N'COLUMN', @level2name = N'watermark_key';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Most rows per change batch.',
    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'etl_control',
    @level2type = N'COLUMN', @level2name = N'batch_size';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'How often to extract: an ISO-8601 duration (PT5S) or a Quartz cron expression.',
    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'etl_control',
    @level2type = N'COLUMN', @level2name = N'schedule';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the last extraction run started (UTC).',
    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'etl_control',
    @level2type = N'COLUMN', @level2name = N'last_run_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the last successful extraction run ended (UTC).',
    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'etl_control',
    @level2type = N'COLUMN', @level2name = N'last_success_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Outcome of the last run: running, success or failed.',
    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'etl_control',
    @level2type = N'COLUMN', @level2name = N'last_status';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Error of the last failed run; null after a success.',
    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'etl_control',
    @level2type = N'COLUMN', @level2name = N'last_error';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the row last changed (UTC).',
    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'etl_control',
    @level2type = N'COLUMN', @level2name = N'updated_at';
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
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'The loader''s idempotency record: one row per change batch applied, written in the same transaction as the batch.',
    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'applied_batch';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'ChangeBatch.batchId (deterministic from entity, watermark range and replay id); a batch already here is skipped.',
    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'applied_batch',
    @level2type = N'COLUMN', @level2name = N'batch_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Catalog entity of the batch.',
    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'applied_batch',
    @level2type = N'COLUMN', @level2name = N'entity';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Replay request id for a window replay; null for live extraction.',
    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'applied_batch',
    @level2type = N'COLUMN', @level2name = N'replay';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Rows the batch carried.',
    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'applied_batch',
    @level2type = N'COLUMN', @level2name = N'rows_in_batch';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the batch was applied (UTC).',
    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'applied_batch',
    @level2type = N'COLUMN', @level2name = N'applied_at';
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
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'One row per service run (a service start, or a scheduled job execution).',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'etl_run';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Primary key, generated.',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'etl_run',
    @level2type = N'COLUMN', @level2name = N'run_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Service that ran: extractor-service, loader-service, quality-service, ...',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'etl_run',
    @level2type = N'COLUMN', @level2name = N'service';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the run started (UTC).',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'etl_run',
    @level2type = N'COLUMN', @level2name = N'started_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the run ended (UTC); null while running.',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'etl_run',
    @level2type = N'COLUMN', @level2name = N'ended_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'running, success or failed.',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'etl_run',
    @level2type = N'COLUMN', @level2name = N'status';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Rows read in the run.',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'etl_run',
    @level2type = N'COLUMN', @level2name = N'rows_read';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Rows written in the run.',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'etl_run',
    @level2type = N'COLUMN', @level2name = N'rows_written';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Rows rejected in the run (sent to a dead-letter queue or refused).',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'etl_run',
    @level2type = N'COLUMN', @level2name = N'rows_rejected';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Error that ended a failed run.',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'etl_run',
    @level2type = N'COLUMN', @level2name = N'error';
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
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'One row per run and entity; the loader writes one per batch it handles.',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'etl_run_entity';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Primary key, generated.',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'etl_run_entity',
    @level2type = N'COLUMN', @level2name = N'run_entity_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'The run (audit.etl_run), when the service records runs; else null.',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'etl_run_entity',
    @level2type = N'COLUMN', @level2name = N'run_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Service that did the work.',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'etl_run_entity',
    @level2type = N'COLUMN', @level2name = N'service';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Catalog entity handled.',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'etl_run_entity',
    @level2type = N'COLUMN', @level2name = N'entity';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Change batch handled (ChangeBatch.batchId), for the loader; null otherwise.',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'etl_run_entity',
    @level2type = N'COLUMN', @level2name = N'batch_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the work started (UTC).',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'etl_run_entity',
    @level2type = N'COLUMN', @level2name = N'started_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the work ended (UTC); null while running.',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'etl_run_entity',
    @level2type = N'COLUMN', @level2name = N'ended_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Outcome: running, success, failed, or duplicate (a batch already applied).',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'etl_run_entity',
    @level2type = N'COLUMN', @level2name = N'status';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Change batches handled.',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'etl_run_entity',
    @level2type = N'COLUMN', @level2name = N'batches';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Rows read (extractor) or received (loader).',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'etl_run_entity',
    @level2type = N'COLUMN', @level2name = N'rows_read';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Rows inserted.',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'etl_run_entity',
    @level2type = N'COLUMN', @level2name = N'rows_inserted';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Rows updated.',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'etl_run_entity',
    @level2type = N'COLUMN', @level2name = N'rows_updated';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Rows ignored because their version was not newer than the stored one.',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'etl_run_entity',
    @level2type = N'COLUMN', @level2name = N'rows_ignored';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Rows rejected.',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'etl_run_entity',
    @level2type = N'COLUMN', @level2name = N'rows_rejected';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Duration of the work, in milliseconds.',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'etl_run_entity',
    @level2type = N'COLUMN', @level2name = N'duration_ms';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Error of a failed attempt.',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'etl_run_entity',
    @level2type = N'COLUMN', @level2name = N'error';
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
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Data-quality results: one row per run of a check (QualityResult).',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'dq_result';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Primary key, generated.',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'dq_result',
    @level2type = N'COLUMN', @level2name = N'dq_result_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'The check''s configured id.',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'dq_result',
    @level2type = N'COLUMN', @level2name = N'check_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'orphans, freshness, reconciliation, rule or kpi-smoke.',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'dq_result',
    @level2type = N'COLUMN', @level2name = N'kind';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Configured severity of the check (warning, critical, ...).',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'dq_result',
    @level2type = N'COLUMN', @level2name = N'severity';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'pass, warn, fail, or error (the check itself could not run).',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'dq_result',
    @level2type = N'COLUMN', @level2name = N'status';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'What was measured (offending rows, lag seconds, difference); null on error.',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'dq_result',
    @level2type = N'COLUMN', @level2name = N'value';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'What the value was compared with, as configured.',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'dq_result',
    @level2type = N'COLUMN', @level2name = N'threshold';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'A few offending keys or days, as a JSON array of strings.',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'dq_result',
    @level2type = N'COLUMN', @level2name = N'sample';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'One line that says what was found.',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'dq_result',
    @level2type = N'COLUMN', @level2name = N'message';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the check run began (UTC).',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'dq_result',
    @level2type = N'COLUMN', @level2name = N'started_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'How long the check ran, in milliseconds.',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'dq_result',
    @level2type = N'COLUMN', @level2name = N'duration_ms';
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
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Alert notifications: one row per delivery attempt of an AlertEvent to a receiver.',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'alert_log';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Primary key, generated.',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'alert_log',
    @level2type = N'COLUMN', @level2name = N'alert_log_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'AlertEvent.id of the notified event.',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'alert_log',
    @level2type = N'COLUMN', @level2name = N'event_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'AlertEvent.fingerprint: the same for every event about the same ongoing problem.',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'alert_log',
    @level2type = N'COLUMN', @level2name = N'fingerprint';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'firing or resolved.',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'alert_log',
    @level2type = N'COLUMN', @level2name = N'event_status';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Configured receiver (an e-mail route or a webhook name).',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'alert_log',
    @level2type = N'COLUMN', @level2name = N'receiver';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Delivery attempt number, from 1.',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'alert_log',
    @level2type = N'COLUMN', @level2name = N'attempt';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'sent, failed (will retry), dead (gave up) or suppressed (deduplicated or silenced).',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'alert_log',
    @level2type = N'COLUMN', @level2name = N'outcome';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'SMTP or HTTP response code, when there was one.',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'alert_log',
    @level2type = N'COLUMN', @level2name = N'response_code';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Time the delivery attempt took, in milliseconds.',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'alert_log',
    @level2type = N'COLUMN', @level2name = N'latency_ms';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Why the attempt failed.',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'alert_log',
    @level2type = N'COLUMN', @level2name = N'error';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the attempt was logged (UTC).',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'alert_log',
    @level2type = N'COLUMN', @level2name = N'logged_at';
GO

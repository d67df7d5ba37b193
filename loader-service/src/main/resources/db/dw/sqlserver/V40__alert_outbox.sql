-- Esteira warehouse, SQL Server 2022. The quality service's alert outbox (at-least-once alert
-- emission): an AlertEvent is written here in the same transaction as the audit.dq_result row that
-- raised it, and deleted only after the broker confirmed its durable send to dw.alerts; a failed send
-- stays and is retried. Descriptions as in db/dw/postgresql/V40 (DescriptionParityIT).
CREATE TABLE audit.alert_outbox (
    outbox_id   bigint         IDENTITY(1,1),
    fingerprint nvarchar(300)  NOT NULL,
    event_json  nvarchar(max)  NOT NULL,
    created_at  datetime2(3)   NOT NULL CONSTRAINT df_alert_outbox_created_at DEFAULT SYSUTCDATETIME(),
    attempts    int            NOT NULL CONSTRAINT df_alert_outbox_attempts DEFAULT 0,
    last_error  nvarchar(1000),
    CONSTRAINT pk_alert_outbox PRIMARY KEY (outbox_id)
);
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Alerts of the quality service waiting to be sent to dw.alerts: written in the same transaction as the audit.dq_result row that raised them, deleted only after the broker confirmed the send (at-least-once).',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'alert_outbox';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Primary key, generated; the outbox is drained in this order.',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'alert_outbox',
    @level2type = N'COLUMN', @level2name = N'outbox_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'AlertEvent.fingerprint of the event, for logs and queries.',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'alert_outbox',
    @level2type = N'COLUMN', @level2name = N'fingerprint';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'The AlertEvent as JSON, sent as is to dw.alerts.',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'alert_outbox',
    @level2type = N'COLUMN', @level2name = N'event_json';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the event was written, in the same transaction as its audit.dq_result row (UTC).',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'alert_outbox',
    @level2type = N'COLUMN', @level2name = N'created_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Failed sends so far; the row is retried until the broker confirms the send.',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'alert_outbox',
    @level2type = N'COLUMN', @level2name = N'attempts';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Why the last send failed; null before the first failure.',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'alert_outbox',
    @level2type = N'COLUMN', @level2name = N'last_error';

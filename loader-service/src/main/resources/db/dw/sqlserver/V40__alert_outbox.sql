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

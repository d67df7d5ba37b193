-- The quality service's alert outbox (at-least-once alert emission): an AlertEvent is written here in
-- the same transaction as the audit.dq_result row that raised it, and deleted only after the broker
-- confirmed its durable send to dw.alerts; a failed send stays and is retried.
-- Both vendors (docs/adr/0013-schema-written-once.md): the placeholders varchar, text, bool, timestamp,
-- double, identity, utc_now, true and false are rendered per vendor (DwPlaceholders); a line starting with
-- the placeholder sqlserver or postgresql runs on that vendor only; go ends a SQL Server batch.
CREATE TABLE audit.alert_outbox (
    outbox_id   bigint        ${identity},
    fingerprint ${varchar}(300)  NOT NULL,
    event_json  ${text}          NOT NULL,
    created_at  ${timestamp}  NOT NULL DEFAULT ${utc_now},
    attempts    integer       NOT NULL DEFAULT 0,
    last_error  ${varchar}(1000),
    CONSTRAINT pk_alert_outbox PRIMARY KEY (outbox_id)
);
${go}

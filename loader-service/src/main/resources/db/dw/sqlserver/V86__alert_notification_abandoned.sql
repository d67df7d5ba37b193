-- Esteira warehouse, SQL Server 2022. As db/dw/postgresql/V86__alert_notification_abandoned.sql: a
-- notification whose replica stopped while delivering it is marked abandoned once another is formed in
-- its place, instead of staying "pending" for ever (issue 16).
ALTER TABLE audit.alert_notification DROP CONSTRAINT ck_alert_notification_state;
ALTER TABLE audit.alert_notification ADD CONSTRAINT ck_alert_notification_state
    CHECK (state IN ('pending', 'sent', 'dead', 'abandoned'));
EXEC sys.sp_updateextendedproperty @name = N'MS_Description', @value = N'pending (being delivered), sent, dead (every attempt failed; see reason), or abandoned (its replica stopped while delivering it; reason names the notification formed again in its place).',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'alert_notification',
    @level2type = N'COLUMN', @level2name = N'state';

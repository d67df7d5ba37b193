-- A notification whose replica stopped while delivering it (killed, crashed) is formed again once the
-- alerting service's delivery.in-flight-timeout has passed; the lost one is then marked abandoned, with
-- the id of the one that replaced it, instead of staying "pending" for ever (issue 16).
ALTER TABLE audit.alert_notification DROP CONSTRAINT ck_alert_notification_state;
ALTER TABLE audit.alert_notification ADD CONSTRAINT ck_alert_notification_state
    CHECK (state IN ('pending', 'sent', 'dead', 'abandoned'));
COMMENT ON COLUMN audit.alert_notification.state IS 'pending (being delivered), sent, dead (every attempt failed; see reason), or abandoned (its replica stopped while delivering it; reason names the notification formed again in its place).';

-- Esteira warehouse, SQL Server 2022. The alerting service's durable state (issue 16); the same
-- tables as db/dw/postgresql/V50__alerting_state.sql, described with MS_Description. Replicas of the
-- alerting service coordinate through row locks on ctl.alert_group (UPDLOCK, READPAST).


CREATE TABLE ctl.alert_group (
    group_id              nvarchar(64)  NOT NULL,
    group_key             nvarchar(max)         NOT NULL,
    route_id              nvarchar(300) NOT NULL,
    receiver              nvarchar(100) NOT NULL,
    group_labels          nvarchar(max)         NOT NULL,
    alerts                nvarchar(max)         NOT NULL,
    notified_firing       nvarchar(max)         NOT NULL,
    raises_delivery_alert bit          NOT NULL,
    next_flush_at         datetime2(3) NOT NULL,
    last_notified_at      datetime2(3),
    in_flight_notification nvarchar(36),
    in_flight_until       datetime2(3),
    updated_at            datetime2(3) NOT NULL,
    CONSTRAINT pk_alert_group PRIMARY KEY (group_id)
);
CREATE INDEX ix_alert_group_next_flush_at ON ctl.alert_group (next_flush_at);
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Alerting aggregation groups (Alertmanager''s dispatcher state): one row per route and group_by values while the group holds an alert.',
    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'alert_group';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Primary key: SHA-256 (hex) of group_key.',
    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'alert_group',
    @level2type = N'COLUMN', @level2name = N'group_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Routing-tree node id and the values of its group_by labels.',
    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'alert_group',
    @level2type = N'COLUMN', @level2name = N'group_key';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Routing-tree node (configuration path) that formed the group.',
    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'alert_group',
    @level2type = N'COLUMN', @level2name = N'route_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Receiver of the route.',
    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'alert_group',
    @level2type = N'COLUMN', @level2name = N'receiver';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'group_by label values, as a JSON object.',
    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'alert_group',
    @level2type = N'COLUMN', @level2name = N'group_labels';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Latest event of each alert of the group, with when it started and ended, as a JSON array.',
    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'alert_group',
    @level2type = N'COLUMN', @level2name = N'alerts';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Fingerprints notified as firing by the last successful notification, as a JSON array.',
    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'alert_group',
    @level2type = N'COLUMN', @level2name = N'notified_firing';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Whether a dead notification of this group raises a delivery alert (false for delivery alerts).',
    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'alert_group',
    @level2type = N'COLUMN', @level2name = N'raises_delivery_alert';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the group is next looked at: end of group_wait, then every group_interval (UTC).',
    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'alert_group',
    @level2type = N'COLUMN', @level2name = N'next_flush_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When a notification of the group was last delivered (UTC); repeat_interval counts from it.',
    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'alert_group',
    @level2type = N'COLUMN', @level2name = N'last_notified_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Id of the notification being delivered, if any; only its outcome updates the group.',
    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'alert_group',
    @level2type = N'COLUMN', @level2name = N'in_flight_notification';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Set while a replica delivers a notification of the group; past it, a crashed delivery is retried (UTC).',
    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'alert_group',
    @level2type = N'COLUMN', @level2name = N'in_flight_until';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Last change of the row (UTC).',
    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'alert_group',
    @level2type = N'COLUMN', @level2name = N'updated_at';
GO

CREATE TABLE ctl.alert_event_seen (
    event_id nvarchar(200) NOT NULL,
    seen_at  datetime2(3) NOT NULL,
    CONSTRAINT pk_alert_event_seen PRIMARY KEY (event_id)
);
CREATE INDEX ix_alert_event_seen_seen_at ON ctl.alert_event_seen (seen_at);
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'AlertEvent ids the alerting service has accepted, so that a redelivered event is ignored; pruned after a retention.',
    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'alert_event_seen';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'AlertEvent.id.',
    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'alert_event_seen',
    @level2type = N'COLUMN', @level2name = N'event_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the event was first accepted (UTC).',
    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'alert_event_seen',
    @level2type = N'COLUMN', @level2name = N'seen_at';
GO

CREATE TABLE ctl.alert_silence (
    silence_id nvarchar(36)  NOT NULL,
    matchers   nvarchar(max)         NOT NULL,
    starts_at  datetime2(3) NOT NULL,
    ends_at    datetime2(3) NOT NULL,
    created_by nvarchar(200),
    comment    nvarchar(max),
    CONSTRAINT pk_alert_silence PRIMARY KEY (silence_id)
);
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Alert silences: the alerts their matchers match are not notified between starts_at and ends_at.',
    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'alert_silence';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Primary key, a UUID.',
    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'alert_silence',
    @level2type = N'COLUMN', @level2name = N'silence_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Label matchers as a JSON array of strings, written as in routes (entity=orders, kind=~sla|quality).',
    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'alert_silence',
    @level2type = N'COLUMN', @level2name = N'matchers';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Start of the silence, inclusive (UTC).',
    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'alert_silence',
    @level2type = N'COLUMN', @level2name = N'starts_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'End of the silence, exclusive (UTC); expiring a silence sets it to the time of expiry.',
    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'alert_silence',
    @level2type = N'COLUMN', @level2name = N'ends_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Who created the silence.',
    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'alert_silence',
    @level2type = N'COLUMN', @level2name = N'created_by';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Why.',
    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'alert_silence',
    @level2type = N'COLUMN', @level2name = N'comment';
GO

CREATE TABLE audit.alert_notification (
    notification_id nvarchar(36)  NOT NULL,
    group_id        nvarchar(64)  NOT NULL,
    receiver        nvarchar(100) NOT NULL,
    status          nvarchar(10)  NOT NULL,
    body            nvarchar(max)         NOT NULL,
    state           nvarchar(10)  NOT NULL,
    reason          nvarchar(max),
    created_at      datetime2(3) NOT NULL,
    finished_at     datetime2(3),
    replays         integer      NOT NULL DEFAULT 0,
    CONSTRAINT pk_alert_notification PRIMARY KEY (notification_id),
    CONSTRAINT ck_alert_notification_status CHECK (status IN ('firing', 'resolved')),
    CONSTRAINT ck_alert_notification_state CHECK (state IN ('pending', 'sent', 'dead'))
);
CREATE INDEX ix_alert_notification_state_created_at ON audit.alert_notification (state, created_at);
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Notification log: one row per notification of a group to a receiver, with its body, so that a dead one can be listed and replayed.',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'alert_notification';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Primary key: the notification id (X-Esteira-Notification-Id), the same across its attempts.',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'alert_notification',
    @level2type = N'COLUMN', @level2name = N'notification_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'ctl.alert_group.group_id of the group notified (the group row may be gone).',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'alert_notification',
    @level2type = N'COLUMN', @level2name = N'group_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Configured receiver.',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'alert_notification',
    @level2type = N'COLUMN', @level2name = N'receiver';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'firing when any alert of the notification fires, else resolved.',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'alert_notification',
    @level2type = N'COLUMN', @level2name = N'status';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'The notification as JSON: its alerts, group labels and route.',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'alert_notification',
    @level2type = N'COLUMN', @level2name = N'body';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'pending (being delivered), sent, or dead (every attempt failed; see reason).',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'alert_notification',
    @level2type = N'COLUMN', @level2name = N'state';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Why the last attempt failed.',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'alert_notification',
    @level2type = N'COLUMN', @level2name = N'reason';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the notification was formed (UTC).',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'alert_notification',
    @level2type = N'COLUMN', @level2name = N'created_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When it was sent or given up (UTC).',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'alert_notification',
    @level2type = N'COLUMN', @level2name = N'finished_at';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'How many times an operator replayed it (POST /api/notifications/{id}/replay).',
    @level0type = N'SCHEMA', @level0name = N'audit', @level1type = N'TABLE', @level1name = N'alert_notification',
    @level2type = N'COLUMN', @level2name = N'replays';
GO

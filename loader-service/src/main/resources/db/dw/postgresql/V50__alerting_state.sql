-- The alerting service's durable state (issue 16): its aggregation groups with their timers and what
-- they last notified, the event ids it has seen, the silences, and the notification log (one row per
-- notification, with its body, so a dead one can be listed and replayed). The alerting service reads
-- and writes these tables; the loader owns their definition. Replicas of the alerting service
-- coordinate through row locks on ctl.alert_group (SELECT ... FOR UPDATE SKIP LOCKED).

CREATE TABLE ctl.alert_group (
    group_id              varchar(64)  NOT NULL,
    group_key             text         NOT NULL,
    route_id              varchar(300) NOT NULL,
    receiver              varchar(100) NOT NULL,
    group_labels          text         NOT NULL,
    alerts                text         NOT NULL,
    notified_firing       text         NOT NULL,
    raises_delivery_alert boolean      NOT NULL,
    next_flush_at         timestamp(3) NOT NULL,
    last_notified_at      timestamp(3),
    in_flight_notification varchar(36),
    in_flight_until       timestamp(3),
    updated_at            timestamp(3) NOT NULL,
    CONSTRAINT pk_alert_group PRIMARY KEY (group_id)
);
CREATE INDEX ix_alert_group_next_flush_at ON ctl.alert_group (next_flush_at);
COMMENT ON TABLE ctl.alert_group IS 'Alerting aggregation groups (Alertmanager''s dispatcher state): one row per route and group_by values while the group holds an alert.';
COMMENT ON COLUMN ctl.alert_group.group_id IS 'Primary key: SHA-256 (hex) of group_key.';
COMMENT ON COLUMN ctl.alert_group.group_key IS 'Routing-tree node id and the values of its group_by labels.';
COMMENT ON COLUMN ctl.alert_group.route_id IS 'Routing-tree node (configuration path) that formed the group.';
COMMENT ON COLUMN ctl.alert_group.receiver IS 'Receiver of the route.';
COMMENT ON COLUMN ctl.alert_group.group_labels IS 'group_by label values, as a JSON object.';
COMMENT ON COLUMN ctl.alert_group.alerts IS 'Latest event of each alert of the group, with when it started and ended, as a JSON array.';
COMMENT ON COLUMN ctl.alert_group.notified_firing IS 'Fingerprints notified as firing by the last successful notification, as a JSON array.';
COMMENT ON COLUMN ctl.alert_group.raises_delivery_alert IS 'Whether a dead notification of this group raises a delivery alert (false for delivery alerts).';
COMMENT ON COLUMN ctl.alert_group.next_flush_at IS 'When the group is next looked at: end of group_wait, then every group_interval (UTC).';
COMMENT ON COLUMN ctl.alert_group.last_notified_at IS 'When a notification of the group was last delivered (UTC); repeat_interval counts from it.';
COMMENT ON COLUMN ctl.alert_group.in_flight_notification IS 'Id of the notification being delivered, if any; only its outcome updates the group.';
COMMENT ON COLUMN ctl.alert_group.in_flight_until IS 'Set while a replica delivers a notification of the group; past it, a crashed delivery is retried (UTC).';
COMMENT ON COLUMN ctl.alert_group.updated_at IS 'Last change of the row (UTC).';

CREATE TABLE ctl.alert_event_seen (
    event_id varchar(200) NOT NULL,
    seen_at  timestamp(3) NOT NULL,
    CONSTRAINT pk_alert_event_seen PRIMARY KEY (event_id)
);
CREATE INDEX ix_alert_event_seen_seen_at ON ctl.alert_event_seen (seen_at);
COMMENT ON TABLE ctl.alert_event_seen IS 'AlertEvent ids the alerting service has accepted, so that a redelivered event is ignored; pruned after a retention.';
COMMENT ON COLUMN ctl.alert_event_seen.event_id IS 'AlertEvent.id.';
COMMENT ON COLUMN ctl.alert_event_seen.seen_at IS 'When the event was first accepted (UTC).';

CREATE TABLE ctl.alert_silence (
    silence_id varchar(36)  NOT NULL,
    matchers   text         NOT NULL,
    starts_at  timestamp(3) NOT NULL,
    ends_at    timestamp(3) NOT NULL,
    created_by varchar(200),
    comment    text,
    CONSTRAINT pk_alert_silence PRIMARY KEY (silence_id)
);
COMMENT ON TABLE ctl.alert_silence IS 'Alert silences: the alerts their matchers match are not notified between starts_at and ends_at.';
COMMENT ON COLUMN ctl.alert_silence.silence_id IS 'Primary key, a UUID.';
COMMENT ON COLUMN ctl.alert_silence.matchers IS 'Label matchers as a JSON array of strings, written as in routes (entity=orders, kind=~sla|quality).';
COMMENT ON COLUMN ctl.alert_silence.starts_at IS 'Start of the silence, inclusive (UTC).';
COMMENT ON COLUMN ctl.alert_silence.ends_at IS 'End of the silence, exclusive (UTC); expiring a silence sets it to the time of expiry.';
COMMENT ON COLUMN ctl.alert_silence.created_by IS 'Who created the silence.';
COMMENT ON COLUMN ctl.alert_silence.comment IS 'Why.';

CREATE TABLE audit.alert_notification (
    notification_id varchar(36)  NOT NULL,
    group_id        varchar(64)  NOT NULL,
    receiver        varchar(100) NOT NULL,
    status          varchar(10)  NOT NULL,
    body            text         NOT NULL,
    state           varchar(10)  NOT NULL,
    reason          text,
    created_at      timestamp(3) NOT NULL,
    finished_at     timestamp(3),
    replays         integer      NOT NULL DEFAULT 0,
    CONSTRAINT pk_alert_notification PRIMARY KEY (notification_id),
    CONSTRAINT ck_alert_notification_status CHECK (status IN ('firing', 'resolved')),
    CONSTRAINT ck_alert_notification_state CHECK (state IN ('pending', 'sent', 'dead'))
);
CREATE INDEX ix_alert_notification_state_created_at ON audit.alert_notification (state, created_at);
COMMENT ON TABLE audit.alert_notification IS 'Notification log: one row per notification of a group to a receiver, with its body, so that a dead one can be listed and replayed.';
COMMENT ON COLUMN audit.alert_notification.notification_id IS 'Primary key: the notification id (X-Esteira-Notification-Id), the same across its attempts.';
COMMENT ON COLUMN audit.alert_notification.group_id IS 'ctl.alert_group.group_id of the group notified (the group row may be gone).';
COMMENT ON COLUMN audit.alert_notification.receiver IS 'Configured receiver.';
COMMENT ON COLUMN audit.alert_notification.status IS 'firing when any alert of the notification fires, else resolved.';
COMMENT ON COLUMN audit.alert_notification.body IS 'The notification as JSON: its alerts, group labels and route.';
COMMENT ON COLUMN audit.alert_notification.state IS 'pending (being delivered), sent, or dead (every attempt failed; see reason).';
COMMENT ON COLUMN audit.alert_notification.reason IS 'Why the last attempt failed.';
COMMENT ON COLUMN audit.alert_notification.created_at IS 'When the notification was formed (UTC).';
COMMENT ON COLUMN audit.alert_notification.finished_at IS 'When it was sent or given up (UTC).';
COMMENT ON COLUMN audit.alert_notification.replays IS 'How many times an operator replayed it (POST /api/notifications/{id}/replay).';

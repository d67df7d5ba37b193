-- The alerting service's durable state (issue 16): its aggregation groups with their timers and what
-- they last notified, the event ids it has seen, the silences, and the notification log (one row per
-- notification, with its body, so a dead one can be listed and replayed). The alerting service reads
-- and writes these tables; the loader owns their definition. Replicas of the alerting service
-- coordinate through row locks on ctl.alert_group (SELECT ... FOR UPDATE SKIP LOCKED).
-- Both vendors (docs/adr/0013-schema-written-once.md): the placeholders varchar, text, bool, timestamp,
-- double, identity, utc_now, true and false are rendered per vendor (DwPlaceholders); a line starting with
-- the placeholder sqlserver or postgresql runs on that vendor only; go ends a SQL Server batch.

CREATE TABLE ctl.alert_group (
    group_id              ${varchar}(64)  NOT NULL,
    group_key             ${text}         NOT NULL,
    route_id              ${varchar}(300) NOT NULL,
    receiver              ${varchar}(100) NOT NULL,
    group_labels          ${text}         NOT NULL,
    alerts                ${text}         NOT NULL,
    notified_firing       ${text}         NOT NULL,
    raises_delivery_alert ${bool}   NOT NULL,
    next_flush_at         ${timestamp} NOT NULL,
    last_notified_at      ${timestamp},
    in_flight_notification ${varchar}(36),
    in_flight_until       ${timestamp},
    updated_at            ${timestamp} NOT NULL,
    CONSTRAINT pk_alert_group PRIMARY KEY (group_id)
);
CREATE INDEX ix_alert_group_next_flush_at ON ctl.alert_group (next_flush_at);
${go}

CREATE TABLE ctl.alert_event_seen (
    event_id ${varchar}(200) NOT NULL,
    seen_at  ${timestamp} NOT NULL,
    CONSTRAINT pk_alert_event_seen PRIMARY KEY (event_id)
);
CREATE INDEX ix_alert_event_seen_seen_at ON ctl.alert_event_seen (seen_at);
${go}

CREATE TABLE ctl.alert_silence (
    silence_id ${varchar}(36)  NOT NULL,
    matchers   ${text}         NOT NULL,
    starts_at  ${timestamp} NOT NULL,
    ends_at    ${timestamp} NOT NULL,
    created_by ${varchar}(200),
    comment    ${text},
    CONSTRAINT pk_alert_silence PRIMARY KEY (silence_id)
);
${go}

CREATE TABLE audit.alert_notification (
    notification_id ${varchar}(36)  NOT NULL,
    group_id        ${varchar}(64)  NOT NULL,
    receiver        ${varchar}(100) NOT NULL,
    status          ${varchar}(10)  NOT NULL,
    body            ${text}         NOT NULL,
    state           ${varchar}(10)  NOT NULL,
    reason          ${text},
    created_at      ${timestamp} NOT NULL,
    finished_at     ${timestamp},
    replays         integer      NOT NULL DEFAULT 0,
    CONSTRAINT pk_alert_notification PRIMARY KEY (notification_id),
    CONSTRAINT ck_alert_notification_status CHECK (status IN ('firing', 'resolved')),
    CONSTRAINT ck_alert_notification_state CHECK (state IN ('pending', 'sent', 'dead', 'abandoned'))
);
CREATE INDEX ix_alert_notification_state_created_at ON audit.alert_notification (state, created_at);
${go}

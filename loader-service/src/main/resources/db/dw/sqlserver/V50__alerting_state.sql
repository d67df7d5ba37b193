-- Esteira warehouse, SQL Server 2022. The alerting service's durable state (issue 16); the same
-- tables as db/dw/postgresql/V50__alerting_state.sql (descriptions in db/dw/descriptions.yml). Replicas of the
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
GO

CREATE TABLE ctl.alert_event_seen (
    event_id nvarchar(200) NOT NULL,
    seen_at  datetime2(3) NOT NULL,
    CONSTRAINT pk_alert_event_seen PRIMARY KEY (event_id)
);
CREATE INDEX ix_alert_event_seen_seen_at ON ctl.alert_event_seen (seen_at);
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
GO

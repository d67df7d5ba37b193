-- Land, then derive (see db/dw/postgresql/V60__derive_queue.sql, the reference, and
-- docs/adr/0006-land-then-derive.md). Lock escalation is off on the tables that landers and the
-- deriver write at the same time, so a lander's thousands of row locks never become a table lock
-- that the deriver waits for while it holds locks the lander needs (and the reverse).

CREATE TABLE ctl.derive_queue (
    queue_id  bigint IDENTITY(1, 1) NOT NULL,
    entity    nvarchar(63)  NOT NULL,
    key_value bigint        NOT NULL,
    queued_at datetime2(3)  NOT NULL DEFAULT SYSUTCDATETIME(),
    CONSTRAINT pk_derive_queue PRIMARY KEY (queue_id)
);
ALTER TABLE ctl.derive_queue SET (LOCK_ESCALATION = DISABLE);
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Keys a lander changed in the staging mirror and the deriver has not derived yet: one row per key and batch, removed by the derive pass that claims it.',
    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'derive_queue';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Order of queueing; a pass claims the oldest first.',
    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'derive_queue',
    @level2type = N'COLUMN', @level2name = N'queue_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Catalog entity of the key (its staging mirror is stg.<entity>).',
    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'derive_queue',
    @level2type = N'COLUMN', @level2name = N'entity';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'The source key whose mirror row changed.',
    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'derive_queue',
    @level2type = N'COLUMN', @level2name = N'key_value';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the lander queued the key (UTC): the queue''s age is the derive lag.',
    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'derive_queue',
    @level2type = N'COLUMN', @level2name = N'queued_at';

CREATE TABLE ctl.derive_failed (
    entity    nvarchar(63)   NOT NULL,
    key_value bigint         NOT NULL,
    reason    nvarchar(2000) NOT NULL,
    failed_at datetime2(3)   NOT NULL,
    CONSTRAINT pk_derive_failed PRIMARY KEY (entity, key_value)
);
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Keys no derive pass could derive, even alone: parked here with the reason so that every other key keeps flowing; POST /api/dlq/derive/retry queues them again after the fix.',
    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'derive_failed';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Catalog entity of the key.',
    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'derive_failed',
    @level2type = N'COLUMN', @level2name = N'entity';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'The source key whose dimensions or facts could not be derived.',
    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'derive_failed',
    @level2type = N'COLUMN', @level2name = N'key_value';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'The database''s error for the pass that held only this key.',
    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'derive_failed',
    @level2type = N'COLUMN', @level2name = N'reason';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'When the key was parked (UTC).',
    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'derive_failed',
    @level2type = N'COLUMN', @level2name = N'failed_at';

CREATE TABLE stg.derive_keys (
    apply_token varchar(36)  NOT NULL,
    entity      nvarchar(63) NOT NULL,
    key_value   bigint       NOT NULL
);
CREATE INDEX ix_stg_derive_keys ON stg.derive_keys (apply_token, entity, key_value);
ALTER TABLE stg.derive_keys SET (LOCK_ESCALATION = DISABLE);
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Loader work table: the keys a derive pass claimed from ctl.derive_queue; empty outside a derive pass.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'derive_keys';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Identifies the derive pass that wrote the row.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'derive_keys',
    @level2type = N'COLUMN', @level2name = N'apply_token';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Catalog entity of the key.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'derive_keys',
    @level2type = N'COLUMN', @level2name = N'entity';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'The source key to re-derive.',
    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'derive_keys',
    @level2type = N'COLUMN', @level2name = N'key_value';

ALTER TABLE stg.incoming_regions SET (LOCK_ESCALATION = DISABLE);
ALTER TABLE stg.incoming_teams SET (LOCK_ESCALATION = DISABLE);
ALTER TABLE stg.incoming_sellers SET (LOCK_ESCALATION = DISABLE);
ALTER TABLE stg.incoming_customers SET (LOCK_ESCALATION = DISABLE);
ALTER TABLE stg.incoming_categories SET (LOCK_ESCALATION = DISABLE);
ALTER TABLE stg.incoming_products SET (LOCK_ESCALATION = DISABLE);
ALTER TABLE stg.incoming_discounts SET (LOCK_ESCALATION = DISABLE);
ALTER TABLE stg.incoming_orders SET (LOCK_ESCALATION = DISABLE);
ALTER TABLE stg.incoming_order_items SET (LOCK_ESCALATION = DISABLE);
ALTER TABLE stg.incoming_returns SET (LOCK_ESCALATION = DISABLE);
ALTER TABLE stg.incoming_sales_targets SET (LOCK_ESCALATION = DISABLE);

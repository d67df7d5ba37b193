-- The quality service's freshness check, for an entity whose source table has no change time (no
-- updated_at: a mirror entity declared without one): when the check first saw a source change the DW had
-- not applied, by its change order. One row per check and entity while such a change is pending; the lag
-- is measured from first_seen_at until the DW holds every change up to seen_version, then the row is
-- replaced or removed (docs/adr/0022-entity-volume-and-freshness-without-change-time.md).
-- Both vendors (docs/adr/0013-schema-written-once.md): the placeholders varchar, text, bool, timestamp,
-- double, identity, utc_now, true and false are rendered per vendor (DwPlaceholders); a line starting with
-- the placeholder sqlserver or postgresql runs on that vendor only; go ends a SQL Server batch.
CREATE TABLE audit.dq_freshness_sighting (
    check_id      ${varchar}(100) NOT NULL,
    entity        ${varchar}(63)  NOT NULL,
    seen_version  bigint       NOT NULL,
    first_seen_at ${timestamp} NOT NULL,
    CONSTRAINT pk_dq_freshness_sighting PRIMARY KEY (check_id, entity)
);
${go}

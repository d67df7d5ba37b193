-- A migration in the per-vendor style of the versions before the baseline of ADR 13: a version in each
-- vendor folder, describing its own objects. PerVendorMigrationIT migrates it after the baseline.
CREATE TABLE ctl.per_vendor_example (
    example_id bigint      NOT NULL,
    label      varchar(20),
    CONSTRAINT pk_per_vendor_example PRIMARY KEY (example_id)
);
COMMENT ON TABLE ctl.per_vendor_example IS 'A table of a per-vendor migration.';
COMMENT ON COLUMN ctl.per_vendor_example.example_id IS 'Its key.';
COMMENT ON COLUMN ctl.per_vendor_example.label IS 'Its label.';
ALTER TABLE stg.regions ADD COLUMN region_code varchar(10);
COMMENT ON COLUMN stg.regions.region_code IS 'A column a per-vendor migration adds to a baseline table.';

-- Fault-injection hook, installed in the suite's own DW only: a watermark move waits while the suite holds
-- advisory lock 4242, so the extractor can be killed exactly between the broker's confirmation of a batch
-- and the move of its watermark. Without the suite holding the lock, the trigger waits for nothing.
CREATE SCHEMA IF NOT EXISTS faults;

CREATE OR REPLACE FUNCTION faults.hold_watermark() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.watermark_version IS DISTINCT FROM OLD.watermark_version
       OR NEW.watermark_key IS DISTINCT FROM OLD.watermark_key THEN
        PERFORM pg_advisory_xact_lock_shared(4242);
    END IF;
    RETURN NEW;
END
$$;

DROP TRIGGER IF EXISTS faults_hold_watermark ON ctl.etl_control;
CREATE TRIGGER faults_hold_watermark BEFORE UPDATE ON ctl.etl_control
    FOR EACH ROW EXECUTE FUNCTION faults.hold_watermark();

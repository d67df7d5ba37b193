-- The capture triggers' wake-up notifies only while the extractor waits for the table, and then from one
-- writer at a time (PostgreSQL). docs/adr/0025-a-wake-up-gate-on-the-capture-trigger.md
--
-- Why: a transaction that calls pg_notify commits under a lock that every other notifying transaction
-- waits for, so a busy table whose every statement notified committed one transaction at a time (1,461
-- one-row updates/s with 32 clients on the benchmark's machine, 3,285 without the wake-up).
--
-- Three advisory locks per table, keyed (1163088965 + n, hashtext('esteira_<table>')):
--   n = 0, the gate: the extractor's listener holds it exclusively while it waits for the table;
--   n = 1, pending: writers that found the listener waiting hold it shared, to their transaction's end;
--   n = 2, the notifier: the one writer that notifies for the pending ones holds it, to its end.
-- A writing statement that gets the gate shared stays silent (the listener is woken already). One that is
-- refused takes pending; the first of those to get the notifier notifies, the others stay silent. Before it
-- wakes the extraction the listener takes the gate back and takes pending once, which waits for every
-- silent writer to end, so the extraction reads what they committed. While the listener takes pending, a
-- writer refused both notifies. With no listener holding the gate (none running, or
-- esteira.extractor.listen: false) no table notifies: the Quartz schedule extracts. The first key number is
-- AdvisoryGateLock.WAKE_UP_LOCK_CLASS of the extractor.
CREATE OR REPLACE FUNCTION core.notify_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    channel text := 'esteira_' || TG_TABLE_NAME;
    table_key integer := hashtext(channel);
BEGIN
    IF pg_try_advisory_xact_lock_shared(1163088965, table_key) THEN
        RETURN NULL;
    END IF;
    IF pg_try_advisory_xact_lock_shared(1163088966, table_key) AND NOT pg_try_advisory_xact_lock(1163088967, table_key) THEN
        RETURN NULL;
    END IF;
    PERFORM pg_notify(channel, '');
    RETURN NULL;
END;
$$;

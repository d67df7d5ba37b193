-- Wakes the extractor once per statement (channel esteira_<table>): a hint to read now, never a source of
-- truth. One function per schema, for every captured table of it: those `source prepare` prepares (after
-- prepare-schema.sql) and the reference schema's core.* (its migration V1_1__wake_up_function).
CREATE OR REPLACE FUNCTION {schema}.esteira_notify_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM pg_notify('esteira_' || TG_TABLE_NAME, '');
    RETURN NULL;
END;
$$;

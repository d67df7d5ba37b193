-- Schema {schema}: no captured table is left in it, so its shared capture objects go too.
DROP TABLE IF EXISTS {schema}.deleted_rows;
DROP FUNCTION IF EXISTS {schema}.esteira_refuse_truncate();
DROP FUNCTION IF EXISTS {schema}.esteira_notify_change();
DROP FUNCTION IF EXISTS {schema}.esteira_record_tombstone();
DROP FUNCTION IF EXISTS {schema}.esteira_stamp_row_version();

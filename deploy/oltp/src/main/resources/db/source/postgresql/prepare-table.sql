-- Table {table}: the change-order column, its index, and the triggers that stamp it, record hard deletes,
-- wake the extractor and refuse TRUNCATE. Adding the column rewrites the table under an ACCESS EXCLUSIVE
-- lock (its default is volatile), and every existing row gets this transaction's id: run it in a quiet
-- hour; the extractor then reads the whole table once.
ALTER TABLE {table} ADD COLUMN IF NOT EXISTS row_version xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX IF NOT EXISTS {index} ON {table} (row_version, {key});
CREATE OR REPLACE TRIGGER esteira_row_version BEFORE INSERT OR UPDATE ON {table}
    FOR EACH ROW EXECUTE FUNCTION {schema}.esteira_stamp_row_version();
CREATE OR REPLACE TRIGGER esteira_tombstone AFTER DELETE ON {table}
    FOR EACH ROW EXECUTE FUNCTION {schema}.esteira_record_tombstone({key_literal});
CREATE OR REPLACE TRIGGER esteira_notify AFTER INSERT OR UPDATE OR DELETE ON {table}
    FOR EACH STATEMENT EXECUTE FUNCTION {schema}.esteira_notify_change();
CREATE OR REPLACE TRIGGER esteira_refuse_truncate BEFORE TRUNCATE ON {table}
    FOR EACH STATEMENT EXECUTE FUNCTION {schema}.esteira_refuse_truncate();

-- Schema {schema}: no captured table is left in it, so its shared capture objects go too.
DROP TABLE IF EXISTS {schema}.esteira_capture_guard;
GO
DROP TABLE IF EXISTS {schema}.deleted_rows;
GO

-- Applies the marked rows to the staging mirror. The version guard is repeated here so that the
-- mirror never moves backwards, whatever happened between marking and merging.
MERGE INTO {stg} t
USING (SELECT * FROM {incoming} WHERE apply_token = :token AND applies = {true}) s
ON (t.{key} = s.{key})
WHEN MATCHED AND s.source_deleted = {true} AND t.source_version {guard} s.source_version THEN
    UPDATE SET source_deleted = {true}, source_version = s.source_version, loaded_at = :now
WHEN MATCHED AND t.source_version {guard} s.source_version THEN
    UPDATE SET {set_columns}, source_deleted = {false}, source_version = s.source_version, loaded_at = :now
WHEN NOT MATCHED AND s.source_deleted = {false} THEN
    INSERT ({columns}, source_version, source_deleted, loaded_at)
    VALUES ({s_columns}, s.source_version, {false}, :now)

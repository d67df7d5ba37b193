-- A list of keys passed as one parameter, :{name} holding comma-separated numbers (SQL Server allows
-- at most 2,100 bind parameters, so one string instead of one parameter per key): a derived table of
-- bigints.
SELECT CAST(value AS bigint) FROM STRING_SPLIT(CAST(:{name} AS nvarchar(max)), ',') WHERE value <> ''

-- A list of keys passed as one parameter, :{name} holding comma-separated numbers (no bind-parameter
-- limit however many keys): a derived table of bigints.
SELECT CAST(k AS bigint) FROM unnest(string_to_array(CAST(:{name} AS text), ',')) AS l(k) WHERE k <> ''

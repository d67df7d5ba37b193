-- The special vendor's own version.
SELECT TOP 1 {key} FROM {table} WHERE {key} = :key AND created > {days_ago:7};

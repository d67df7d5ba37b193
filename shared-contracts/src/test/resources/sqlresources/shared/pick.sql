-- Reads one row of {table} (a comment may name a placeholder).
SELECT {key}
FROM {table}
WHERE {key} = :key;

-- volume-anomaly: rows per day of one fact between two day keys (yyyymmdd, inclusive); a day without
-- rows is absent.
SELECT f.{date_column} AS day_key, COUNT(*) AS row_count
FROM {fact} f
WHERE f.{date_column} BETWEEN :from_key AND :to_key
GROUP BY f.{date_column}

-- volume-anomaly: the fact's first day (yyyymmdd), the unknown day 0 aside; days before it are no history.
SELECT MIN(f.{date_column}) FROM {fact} f WHERE f.{date_column} > 0

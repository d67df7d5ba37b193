-- name: third
SELECT 3;

-- header
-- name: first
SELECT 1
-- a comment inside
FROM t;

-- name: second
DELETE FROM t WHERE id = ?;

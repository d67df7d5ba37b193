-- name: first
SELECT 'again';

-- The latest result of every check that has run.
SELECT r.check_id, r.kind, r.severity, r.status, r.value, r.threshold, r.sample, r.message, r.started_at, r.duration_ms
FROM audit.dq_result r
WHERE r.dq_result_id IN (SELECT MAX(l.dq_result_id) FROM audit.dq_result l GROUP BY l.check_id)

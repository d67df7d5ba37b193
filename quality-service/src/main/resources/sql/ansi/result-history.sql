-- The results of one check, newest first.
SELECT r.check_id, r.kind, r.severity, r.status, r.value, r.threshold, r.sample, r.message, r.started_at, r.duration_ms
FROM audit.dq_result r
WHERE r.check_id = :check_id
ORDER BY r.dq_result_id DESC

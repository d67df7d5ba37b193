-- One page of the results of one check started in [:from_time, :to_time), newest first.
SELECT r.check_id, r.kind, r.severity, r.status, r.value, r.threshold, r.sample, r.message, r.started_at, r.duration_ms
FROM audit.dq_result r
WHERE r.check_id = :check_id
  AND r.started_at >= :from_time
  AND r.started_at < :to_time
ORDER BY r.dq_result_id DESC
OFFSET :skip ROWS FETCH NEXT :size ROWS ONLY

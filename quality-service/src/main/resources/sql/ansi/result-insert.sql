-- One run of one check (QualityResult).
INSERT INTO audit.dq_result (check_id, kind, severity, status, value, threshold, sample, message, started_at, duration_ms)
VALUES (:check_id, :kind, :severity, :status, :value, :threshold, :sample, :message, :started_at, :duration_ms)

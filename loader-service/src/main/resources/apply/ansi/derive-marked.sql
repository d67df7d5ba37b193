-- The fact tables a derive pass has keys of: those its steps marked in stg.affected.
SELECT DISTINCT target FROM stg.affected WHERE apply_token = :token

-- The work rows of this batch: none of them outlives its transaction.
DELETE FROM {incoming} WHERE apply_token = :token;
DELETE FROM stg.affected WHERE apply_token = :token;
DELETE FROM stg.scd_change WHERE apply_token = :token

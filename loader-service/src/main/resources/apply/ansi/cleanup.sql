-- The work rows of a landed batch, or of a derive pass's copy of an entity's mirror rows: none of
-- them outlives its transaction.
DELETE FROM {incoming} WHERE apply_token = :token

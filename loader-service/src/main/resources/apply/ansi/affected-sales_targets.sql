-- Monthly targets changed.
INSERT INTO stg.affected (apply_token, target, key_value)
SELECT :token, 'fact_metas', sales_target_id FROM stg.incoming_sales_targets WHERE apply_token = :token AND applies = {true}

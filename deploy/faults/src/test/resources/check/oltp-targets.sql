SELECT sales_target_id, target_amount FROM core.sales_targets WHERE deleted_at IS NULL

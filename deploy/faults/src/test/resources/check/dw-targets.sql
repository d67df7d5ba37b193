SELECT sales_target_id, valor_meta FROM fact.fact_metas

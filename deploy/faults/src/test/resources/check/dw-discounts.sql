SELECT pedido_id, valor_com_desconto FROM fact.fact_descontos

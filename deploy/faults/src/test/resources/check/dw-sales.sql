SELECT order_item_id, pedido_id, data_sk, quantidade, valor_total_liquido, custo_total,
       quantidade_devolvida, valor_devolvido, status
FROM fact.fact_vendas

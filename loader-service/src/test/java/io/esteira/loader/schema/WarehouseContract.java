package io.esteira.loader.schema;

import java.util.List;

/** The warehouse objects docs/data-contract.md names, listed by hand so that a missing one fails a test. */
final class WarehouseContract {

    static final List<String> TABLES = List.of(
            "dim.dim_data",
            "dim.dim_regiao",
            "dim.dim_equipe",
            "dim.dim_vendedor",
            "dim.dim_cliente",
            "dim.dim_produto",
            "dim.dim_desconto",
            "fact.fact_vendas",
            "fact.fact_metas",
            "fact.fact_descontos",
            "stg.regions",
            "stg.teams",
            "stg.sellers",
            "stg.customers",
            "stg.categories",
            "stg.products",
            "stg.discounts",
            "stg.orders",
            "stg.order_items",
            "stg.returns",
            "stg.sales_targets",
            "ctl.etl_control",
            "ctl.applied_batch",
            "ctl.flyway_schema_history",
            "audit.etl_run",
            "audit.etl_run_entity",
            "audit.dq_result",
            "audit.dq_result_entity",
            "audit.dq_freshness_sighting",
            "audit.alert_log");

    static final List<String> VIEWS =
            List.of("mart.vendas", "mart.kpi_vendas_diarias", "mart.kpi_atingimento_metas", "mart.kpi_roi_desconto");

    /** Each dimension with a text column that names its unknown member. */
    static final List<String[]> UNKNOWN_MEMBERS = List.of(
            new String[] {"dim.dim_data", "data_sk", "nome_mes"},
            new String[] {"dim.dim_regiao", "regiao_sk", "nome"},
            new String[] {"dim.dim_equipe", "equipe_sk", "nome"},
            new String[] {"dim.dim_vendedor", "vendedor_sk", "nome"},
            new String[] {"dim.dim_cliente", "cliente_sk", "nome"},
            new String[] {"dim.dim_produto", "produto_sk", "nome"},
            new String[] {"dim.dim_desconto", "desconto_sk", "codigo"});

    /** The entity catalog: one ctl.etl_control row each. */
    static final List<String> ENTITIES = List.of(
            "regions",
            "teams",
            "sellers",
            "customers",
            "categories",
            "products",
            "discounts",
            "orders",
            "order_items",
            "returns",
            "sales_targets");

    /** Tables and views. */
    static List<String> relations() {
        return java.util.stream.Stream.concat(TABLES.stream(), VIEWS.stream()).toList();
    }

    private WarehouseContract() {}
}

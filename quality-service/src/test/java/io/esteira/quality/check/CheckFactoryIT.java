package io.esteira.quality.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.embedded.junit.PostgresDatabase;
import io.esteira.quality.config.QualityProperties.CheckProperties;
import io.esteira.quality.config.QualityProperties.CheckRepair;
import io.esteira.quality.config.QualityProperties.DimensionKey;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/** Validation against a real database: a PostgreSQL database with one small table stands in for the warehouse. */
class CheckFactoryIT {

    @RegisterExtension
    static final PostgresDatabase dw = new PostgresDatabase("check_factory");

    private CheckFactory factory;

    @BeforeAll
    static void createTable() {
        new JdbcTemplate(dw.dataSource())
                .execute("CREATE SCHEMA fact; CREATE TABLE fact.fact_vendas (order_item_id bigint PRIMARY KEY,"
                        + " quantidade integer)");
    }

    @BeforeEach
    void factory() {
        Database database = Database.of("dw", dw.dataSource(), 10);
        factory = new CheckFactory(
                database, database, EntityCatalog.reference(), ZoneId.of("UTC"), 10, Clock.systemUTC());
    }

    @Test
    void shouldBuildARuleWhoseQueryPrepares() {
        Check check = factory.createOne(
                "rule-negative", rule("SELECT order_item_id FROM fact.fact_vendas WHERE quantidade <= 0;"));

        assertThat(check).isInstanceOf(RuleCheck.class);
        assertThat(((RuleCheck) check).sql()).doesNotEndWith(";");
        assertThat(check.definition().kind()).isEqualTo(CheckKind.RULE);
    }

    @Test
    void shouldRefuseAnUnknownKindNamingTheCheck() {
        CheckProperties properties = properties("orphan", "0 * * * * ?", null);

        assertThatThrownBy(() -> factory.createOne("my-check", properties))
                .isInstanceOf(CheckConfigurationException.class)
                .hasMessageStartingWith("Check 'my-check' (esteira.quality.checks.my-check): kind 'orphan' is unknown")
                .hasMessageContaining("orphans, freshness, reconciliation, rule, kpi-smoke");
    }

    @Test
    void shouldRefuseABadCronNamingTheCheck() {
        CheckProperties properties = properties("rule", "every five minutes", "SELECT 1");

        assertThatThrownBy(() -> factory.createOne("rule-cron", properties))
                .hasMessageStartingWith("Check 'rule-cron'")
                .hasMessageContaining("schedule 'every five minutes' is not a Quartz cron expression");
    }

    @Test
    void shouldRefuseSqlThatDoesNotParse() {
        assertThatThrownBy(() -> factory.createOne("rule-typo", rule("SELEC order_item_id FROM fact.fact_vendas")))
                .hasMessageContaining("Check 'rule-typo'")
                .hasMessageContaining("its SQL does not prepare on the dw database");
        assertThatThrownBy(() -> factory.createOne("rule-syntax", rule("SELECT FROM WHERE")))
                .hasMessageContaining("Check 'rule-syntax'")
                .hasMessageContaining("its SQL does not prepare on the dw database");
    }

    @Test
    void shouldRefuseARuleOnATableThatDoesNotExist() {
        assertThatThrownBy(() -> factory.createOne("rule-missing", rule("SELECT * FROM fact.fact_nada")))
                .hasMessageContaining("Check 'rule-missing'")
                .hasMessageContaining("does not prepare")
                .hasMessageContaining("fact.fact_nada");
    }

    @Test
    void shouldRefuseARuleThatChangesDataOrHoldsTwoStatements() {
        assertThatThrownBy(() -> factory.createOne("rule-delete", rule("DELETE FROM fact.fact_vendas")))
                .hasMessageContaining("sql is a DELETE statement, not a query");
        assertThatThrownBy(() -> factory.createOne("rule-two", rule("SELECT 1; DELETE FROM fact.fact_vendas")))
                .hasMessageContaining("sql holds 2 statements");
    }

    @Test
    void shouldRefuseAtLoadTimeAQueryThatWritesBehindAWithOrAnInto() {
        // both prepare on PostgreSQL and start with WITH / SELECT: a prefix test let them through
        assertThatThrownBy(() -> factory.createOne(
                        "rule-cte-delete",
                        rule("WITH x AS (DELETE FROM fact.fact_vendas RETURNING order_item_id) SELECT * FROM x")))
                .isInstanceOf(CheckConfigurationException.class)
                .hasMessageStartingWith("Check 'rule-cte-delete' (esteira.quality.checks.rule-cte-delete): sql holds a"
                        + " data-changing DELETE statement in WITH x");
        assertThatThrownBy(() ->
                        factory.createOne("rule-into", rule("SELECT order_item_id INTO copia FROM fact.fact_vendas")))
                .hasMessageStartingWith("Check 'rule-into'")
                .hasMessageContaining("sql selects INTO a table");
    }

    @Test
    void shouldRefuseAnOrphansCheckOnAFactThatDoesNotExist() {
        CheckProperties properties = orphans("fact.fact_nada");

        assertThatThrownBy(() -> factory.createOne("orphans-nada", properties))
                .hasMessageContaining("Check 'orphans-nada'")
                .hasMessageContaining("fact table fact.fact_nada does not exist in the dw database");
    }

    @Test
    void shouldRefuseAnUnknownSeverityAndAnIdThatIsNotKebabCase() {
        CheckProperties loud = new CheckProperties(
                "rule",
                "0 * * * * ?",
                "loud",
                true,
                null,
                null,
                null,
                "dw",
                "SELECT 1",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                false,
                null,
                null);

        assertThatThrownBy(() -> factory.createOne("rule-loud", loud)).hasMessageContaining("severity 'loud'");
        assertThatThrownBy(() -> factory.createOne("Rule_1", rule("SELECT 1")))
                .hasMessageContaining("not lower-case kebab-case");
    }

    @Test
    void shouldListEveryBadCheckAndSkipDisabledOnes() {
        Map<String, CheckProperties> checks = new LinkedHashMap<>();
        checks.put("a-bad-kind", properties("nope", "0 * * * * ?", null));
        checks.put("b-bad-cron", properties("rule", "61 * * * * ?", "SELECT 1"));
        checks.put("c-good", rule("SELECT 1"));
        checks.put(
                "d-disabled",
                new CheckProperties(
                        "nope", null, "warning", false, null, null, null, "dw", null, null, null, null, null, null,
                        null, null, null, null, false, null, null));

        assertThatThrownBy(() -> factory.createAll(checks))
                .isInstanceOfSatisfying(CheckConfigurationException.class, e -> assertThat(e.problems())
                        .hasSize(2)
                        .anySatisfy(p -> assertThat(p).startsWith("Check 'a-bad-kind'"))
                        .anySatisfy(p -> assertThat(p).startsWith("Check 'b-bad-cron'")));
    }

    @Test
    void shouldRefuseAFreshnessCheckOnAnUnknownEntity() {
        CheckProperties properties = new CheckProperties(
                "freshness",
                "0 * * * * ?",
                "warning",
                true,
                null,
                null,
                null,
                "dw",
                null,
                null,
                null,
                null,
                null,
                List.of("invoices"),
                null,
                null,
                null,
                null,
                false,
                null,
                null);

        assertThatThrownBy(() -> factory.createOne("freshness-x", properties))
                .hasMessageContaining("Check 'freshness-x'")
                .hasMessageContaining("Unknown entity 'invoices'");
    }

    private static CheckProperties rule(String sql) {
        return properties("rule", "0 * * * * ?", sql);
    }

    private static CheckProperties properties(String kind, String schedule, String sql) {
        return new CheckProperties(
                kind,
                schedule,
                "warning",
                true,
                null,
                null,
                null,
                "dw",
                sql,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                false,
                new CheckRepair(false, null, 3, 1),
                null);
    }

    private static CheckProperties orphans(String fact) {
        return new CheckProperties(
                "orphans",
                "0 * * * * ?",
                "critical",
                true,
                null,
                null,
                null,
                "dw",
                null,
                fact,
                null,
                List.of(new DimensionKey("cliente_sk", "dim.dim_cliente", true)),
                null,
                null,
                null,
                null,
                null,
                null,
                false,
                null,
                null);
    }
}

package io.esteira.quality.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.esteira.contracts.QualityResult.Status;
import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.contracts.catalog.EntityDefinition;
import io.esteira.embedded.junit.PostgresDatabase;
import io.esteira.loader.schema.DwSchema;
import io.esteira.quality.check.Check;
import io.esteira.quality.check.CheckConfigurationException;
import io.esteira.quality.check.CheckFactory;
import io.esteira.quality.check.EntityResult;
import io.esteira.quality.check.Evaluation;
import io.esteira.quality.config.QualityProperties.CheckProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The shipped {@code volume-entities} check on a real PostgreSQL DW: every declared entity, a mirror entity
 * included, judged on the rows the loader landed per day ({@code ctl.applied_batch}) against the 8 Fridays
 * before Friday 2026-11-20, the day judged at the {@link Fixture}'s clock. The check reads nothing of the
 * entities' own tables, so the OLTP is not migrated.
 */
class PostgresEntityVolumeIT {

    /** A customer's table declared mirror: true; its volume is watched without a line of configuration. */
    private static final EntityDefinition PAYMENTS = new EntityDefinition(
            "payments", "core.payments", "payment_id", List.of("payment_id", "amount", "deleted_at"));

    @RegisterExtension
    static final PostgresDatabase oltp = new PostgresDatabase("entity_volume_oltp");

    @RegisterExtension
    static final PostgresDatabase dw = new PostgresDatabase("entity_volume_dw");

    private final JdbcTemplate warehouse = new JdbcTemplate(dw.dataSource());
    private int batches;

    @BeforeAll
    static void migrate() {
        DwSchema.migrate(dw.dataSource());
    }

    @BeforeEach
    void eightSteadyFridays() {
        warehouse.update("DELETE FROM ctl.applied_batch");
        for (String friday : Fixture.FRIDAYS_BEFORE_DAY) {
            landed("orders", friday + " 15:00", 1000);
            landed("order_items", friday + " 15:00", 1000);
            landed("payments", friday + " 15:00", 500);
            landed("customers", friday + " 15:00", 5);
        }
    }

    @Test
    void shouldFailAnEntityWhoseLandedRowsCollapseOrSpikeAndPassASteadyOne() {
        // orders: 1,000 again, 400 of them landed at 22:00 in São Paulo (01:00 UTC on Saturday): still Friday
        landed("orders", "2026-11-20 15:00", 600);
        landed("orders", "2026-11-21 01:00", 400);
        // a replay re-sends rows the DW already had: not volume
        replayed("orders", "2026-11-20 16:00", 5000);
        landed("order_items", "2026-11-20 15:00", 200);
        landed("payments", "2026-11-20 15:00", 1500);
        // 40 customers against a median of 5: below min-rows, not an anomaly
        landed("customers", "2026-11-20 15:00", 40);

        Evaluation evaluation = check("volume-entities", Fixture.shippedChecks().get("volume-entities"))
                .evaluate();

        assertThat(entity(evaluation, "orders").status())
                .as(entity(evaluation, "orders").message())
                .isEqualTo(Status.pass);
        assertThat(entity(evaluation, "order_items").status()).isEqualTo(Status.fail);
        assertThat(entity(evaluation, "order_items").message())
                .isEqualTo("rows landed per day: 2026-11-20 (Fri): 200 rows, median 1000 of 8 earlier Fri"
                        + " (band 1000–1000), -80%");
        assertThat(entity(evaluation, "payments").status()).isEqualTo(Status.fail);
        assertThat(entity(evaluation, "payments").value()).isEqualTo(2.0);
        assertThat(entity(evaluation, "customers").status()).isEqualTo(Status.pass);
        assertThat(entity(evaluation, "customers").message()).endsWith(", below min-rows 100");
        assertThat(entity(evaluation, "regions").message()).startsWith("not judged yet; ");
        assertThat(evaluation.status()).isEqualTo(Status.fail);
        assertThat(evaluation.message()).contains("order_items, payments", "up to 200%");
    }

    @Test
    void shouldTakeAnEntitysOwnRuleAndLeaveOutAnEntitySwitchedOff() {
        landed("orders", "2026-11-20 15:00", 1000);
        landed("order_items", "2026-11-20 15:00", 200);
        landed("payments", "2026-11-20 15:00", 1500);

        Check check = check(
                "volume-entities",
                Fixture.checks("checks/entity-volume-overrides.yml").get("volume-entities"));
        Evaluation evaluation = check.evaluate();

        assertThat(check.entities())
                .contains("orders", "order_items", "regions")
                .doesNotContain("payments");
        assertThat(entity(evaluation, "order_items").status())
                .as("-80% is within its own error-deviation of 0.9")
                .isEqualTo(Status.warn);
        assertThat(evaluation.status()).isEqualTo(Status.warn);
        assertThat(evaluation.threshold()).endsWith("; own rule for order_items");
    }

    @Test
    void shouldRefuseAnOverrideOfAnEntityThatIsNotDeclared() {
        // the overrides name payments, which the reference catalog does not declare
        CheckProperties overrides =
                Fixture.checks("checks/entity-volume-overrides.yml").get("volume-entities");

        assertThatThrownBy(() -> factory(EntityCatalog.reference()).createOne("volume-entities", overrides))
                .isInstanceOf(CheckConfigurationException.class)
                .hasMessageContaining("per-entity.payments names no declared entity; use one of: regions,");
    }

    private static Check check(String id, CheckProperties properties) {
        List<EntityDefinition> entities =
                new ArrayList<>(EntityCatalog.reference().loadOrder());
        entities.add(PAYMENTS);
        return factory(EntityCatalog.of(entities, Set.of("payments"))).createOne(id, properties);
    }

    private static CheckFactory factory(EntityCatalog catalog) {
        return PostgresScenario.factory(oltp, dw, catalog, Fixture.CLOCK);
    }

    /** One batch of {@code rows} rows of {@code entity} applied at {@code appliedAt} (UTC). */
    private void landed(String entity, String appliedAt, int rows) {
        batch(entity, null, appliedAt, rows);
    }

    private void replayed(String entity, String appliedAt, int rows) {
        batch(entity, "replay-1", appliedAt, rows);
    }

    private void batch(String entity, String replay, String appliedAt, int rows) {
        warehouse.update(
                "INSERT INTO ctl.applied_batch (batch_id, entity, replay, rows_in_batch, applied_at)"
                        + " VALUES (?, ?, ?, ?, CAST(? AS timestamp))",
                "b-" + ++batches,
                entity,
                replay,
                rows,
                appliedAt);
    }

    private static EntityResult entity(Evaluation evaluation, String entity) {
        return evaluation.entities().stream()
                .filter(e -> e.entity().equals(entity))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no result for " + entity + " in " + evaluation.entities()));
    }
}

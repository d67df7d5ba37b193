package io.esteira.faults;

import static io.esteira.faults.FaultCycle.CHANGES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.esteira.faults.check.WarehouseComparison;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The quality service's alerts reach a person through the faults that could lose them: a stopped loader
 * is seen by freshness at the warehouse and its alert reaches the webhook; alerts raised while the broker
 * is down wait in the outbox, in order, and arrive once the broker is back. The checks run every 5 s here
 * (their shipped schedules are minutes), so each scenario takes well under a minute plus the heal.
 */
@ExtendWith(FaultStackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(6)
class QualityAlertFaultsIT {

    private static final String EVERY_5_SECONDS = "0/5 * * * * ?";

    /** The attempts of the oldest row of the outbox: the one each round tries first. */
    private static final String OLDEST_ATTEMPTS = "SELECT attempts FROM audit.alert_outbox ORDER BY outbox_id LIMIT 1";

    @BeforeEach
    void settle(FaultStack stack) {
        stack.settle(Duration.ofMinutes(2));
    }

    @AfterEach
    void shippedQualityConfiguration(FaultStack stack) {
        stack.stopQuality();
    }

    @Test
    @Order(1)
    void shouldDeliverTheFreshnessAlertToTheWebhookWhenTheLoaderStops(FaultStack stack) {
        String fault = "loader stopped";
        stack.quality(List.of(
                "--esteira.quality.checks.freshness.schedule=" + EVERY_5_SECONDS,
                "--esteira.quality.checks.freshness.warn-after=PT5S",
                "--esteira.quality.checks.freshness.error-after=PT15S"));
        // caught up (settled): freshness passes, or warns on the last seconds of changes in flight
        awaitLatest(stack, "freshness", "pass", "warn");
        int before = stack.webhook().bodies().size();

        stack.loader().stop();
        Instant stopped = Instant.now();
        Future<Workload.Burst> burst;
        try {
            // the extractor keeps publishing what the OLTP commits; nothing reaches the warehouse
            burst = stack.workload().burst(6001, CHANGES);
            await("the freshness alert at the webhook")
                    .atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> receivedSince(stack, before, "Quality check freshness failed"));
            Results.note(fault + ": freshness alert at the webhook "
                    + Duration.between(stopped, Instant.now()).toMillis() + " ms after the stop (error-after PT15S,"
                    + " checked every 5 s)");
        } finally {
            stack.loader().start();
        }
        WarehouseComparison.Report report = FaultCycle.heal(
                stack, fault, 1, "freshness alerted", burst, stack.loader().readyAt());
        assertThat(report.clean()).as("%s", report).isTrue();
        Results.summary(fault);
    }

    /**
     * Two rules fail while the broker is down, one after the other. The outbox sends oldest first and ends a
     * round at its first failed send ({@code AlertOutbox}), so while the broker is down only its oldest row is
     * tried and counts attempts; the marker's alert waits behind it, untried, and both arrive once the broker
     * is back. The shipped checks run too, on their wall-clock schedules and with the alert state earlier
     * tests left: one of them may raise an alert in the outage as well, so the test follows the outbox's
     * oldest row, whoever's it is, never the marker's attempts.
     */
    @Test
    @Order(2)
    void shouldDeliverAnAlertRaisedWhileTheBrokerIsDownOnceItIsBack(FaultStack stack) {
        String fault = "broker down while a check fails";
        long run = Instant.now().toEpochMilli();
        String ahead = "faults-ahead-" + run;
        String marker = "faults-broker-down-" + run;
        List<String> arguments = new ArrayList<>();
        arguments.addAll(ruleOnRegions("faults-ahead", "faults-ahead-%"));
        arguments.addAll(ruleOnRegions("faults-marker", "faults-broker-down-%"));
        stack.quality(arguments);
        awaitLatest(stack, "faults-ahead", "pass");
        awaitLatest(stack, "faults-marker", "pass");
        int before = stack.webhook().bodies().size();

        stack.broker().stop();
        try {
            addRegion(stack, ahead);
            awaitLatest(stack, "faults-ahead", "fail");
            addRegion(stack, marker);
            awaitLatest(stack, "faults-marker", "fail");
            assertThat(waiting(stack, "faults-marker"))
                    .as("the marker's alert written to audit.alert_outbox with its fail result")
                    .isOne();
            long tried = Sql.number(stack.dw(), OLDEST_ATTEMPTS);
            // One failed send takes at most esteira.timeouts.broker-call (10 s: a send made while the client still
            // reconnects), and the outbox tries again every second: several rounds fit in the minute.
            awaitOutbox(
                    stack,
                    "the outbox trying again, the marker's alert waiting behind its oldest row",
                    () -> Sql.number(stack.dw(), OLDEST_ATTEMPTS) > tried && waiting(stack, "faults-marker") == 1);
            assertThat(Sql.number(
                            stack.dw(),
                            "SELECT attempts FROM audit.alert_outbox WHERE fingerprint LIKE ?",
                            "%:faults-marker"))
                    .as("only the oldest row is tried while sends fail (order kept): the marker's waits untried")
                    .isZero();
            assertThat(receivedSince(stack, before, "Quality check faults-ahead failed")
                            || receivedSince(stack, before, "Quality check faults-marker failed"))
                    .as("nothing reaches the webhook while the broker is down")
                    .isFalse();
        } finally {
            stack.broker().start();
        }
        Instant back = stack.broker().readyAt();
        await("both alerts at the webhook once the broker is back")
                .atMost(FaultStack.RECOVERY_TARGET)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> receivedSince(stack, before, "Quality check faults-ahead failed")
                        && receivedSince(stack, before, "Quality check faults-marker failed"));
        Results.note(fault + ": both alerts (the marker's behind another) at the webhook "
                + Duration.between(back, Instant.now()).toMillis() + " ms after the broker was back");
        assertThat(waiting(stack, "faults-ahead") + waiting(stack, "faults-marker"))
                .as("the outbox rows are deleted once the broker confirmed the sends")
                .isZero();
        Sql.update(stack.oltp(), "DELETE FROM core.regions WHERE name IN (?, ?)", ahead, marker);
        Results.summary(fault);
    }

    /** A rule on the OLTP, every 5 s, that fails while a region named like {@code pattern} exists. */
    private static List<String> ruleOnRegions(String check, String pattern) {
        String prefix = "--esteira.quality.checks." + check + ".";
        return List.of(
                prefix + "kind=rule",
                prefix + "database=oltp",
                prefix + "severity=critical",
                prefix + "schedule=" + EVERY_5_SECONDS,
                prefix + "sql=SELECT region_id FROM core.regions WHERE name LIKE '" + pattern + "'");
    }

    private static void addRegion(FaultStack stack, String name) {
        Sql.update(stack.oltp(), "INSERT INTO core.regions (name, state, country) VALUES (?, 'SP', 'Brasil')", name);
    }

    /** Rows of {@code audit.alert_outbox} waiting for the check's alert. */
    private static long waiting(FaultStack stack, String check) {
        return Sql.number(stack.dw(), "SELECT COUNT(*) FROM audit.alert_outbox WHERE fingerprint LIKE ?", "%:" + check);
    }

    /** Waits (at most a minute) for {@code condition}; on a timeout, fails with what the outbox holds. */
    private static void awaitOutbox(FaultStack stack, String what, Callable<Boolean> condition) {
        try {
            await(what)
                    .atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(500))
                    .until(condition);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    what + " did not happen within a minute; audit.alert_outbox (fingerprint, attempts, last_error): "
                            + Sql.texts(
                                    stack.dw(),
                                    "SELECT fingerprint || ', ' || attempts || ', ' || COALESCE(last_error, '-')"
                                            + " FROM audit.alert_outbox ORDER BY outbox_id"),
                    e);
        }
    }

    /** Waits until the newest {@code audit.dq_result} row of the check has one of {@code statuses}. */
    private static void awaitLatest(FaultStack stack, String check, String... statuses) {
        await("check " + check + " " + String.join(" or ", statuses))
                .atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> Sql.texts(
                                stack.dw(),
                                "SELECT status FROM audit.dq_result WHERE check_id = ? ORDER BY started_at DESC"
                                        + " LIMIT 1",
                                check)
                        .stream()
                        .anyMatch(List.of(statuses)::contains));
    }

    private static boolean receivedSince(FaultStack stack, int before, String text) {
        List<String> bodies = stack.webhook().bodies();
        return bodies.subList(Math.min(before, bodies.size()), bodies.size()).stream()
                .anyMatch(body -> body.contains(text));
    }
}

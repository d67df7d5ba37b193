package io.esteira.faults;

import static io.esteira.faults.FaultCycle.CHANGES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.esteira.contracts.Queues;
import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.embedded.EmbeddedBroker;
import io.esteira.faults.check.WarehouseComparison;
import io.esteira.faults.infra.BrokerProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The loader stopped long enough that change queues page to disk (broker.xml's {@code address-full-policy}
 * PAGE for {@code dw.changes.#}): the extractor keeps publishing, the broker writes the batches to page files,
 * and once the loader is back they drain with nothing lost and nothing duplicated.
 *
 * <p>The broker is the suite's, running production's broker.xml. Filling its 32 MiB per change address would
 * take minutes of workload, so for this test only the change addresses get a small size through the broker's
 * own management operation {@code addAddressSettings} (an exact match per address, merged over the
 * {@code dw.changes.#} settings as any address setting is): {@link #MAX_SIZE_BYTES} in memory, page files of
 * {@link #PAGE_SIZE_BYTES}. The policy stays broker.xml's. The override is removed afterwards, and the test
 * checks that broker.xml's values apply again.
 */
@ExtendWith(FaultStackExtension.class)
@Order(6)
class PagingFaultsIT {

    /** Memory a change address may hold in this test before it pages (production: 32 MiB). */
    static final long MAX_SIZE_BYTES = 64 * 1024;

    /**
     * Page file size in this test (production: 10 MiB): small, so that the drain crosses several page files;
     * Artemis refuses one larger than the address's size.
     */
    static final long PAGE_SIZE_BYTES = 16 * 1024;

    /** Bursts of workload, at most, for some change address to page (each {@link FaultCycle#CHANGES} changes). */
    static final int MAX_BURSTS = 12;

    /** Time to drain the backlog once the loader is ready again: more than a burst's recovery target. */
    static final Duration DRAIN_TARGET = Duration.ofMinutes(3);

    private static final Pattern MAX_SIZE = Pattern.compile("\"maxSizeBytes\"\\s*:\\s*\"?(-?\\d+)");
    private static final Pattern POLICY = Pattern.compile("\"addressFullMessagePolicy\"\\s*:\\s*\"(\\w+)\"");

    @BeforeEach
    void settle(FaultStack stack) {
        stack.settle(Duration.ofMinutes(2));
    }

    @Test
    void shouldDrainChangeQueuesThatPagedToDiskWhileTheLoaderWasStopped(FaultStack stack) {
        String fault = "loader stopped until change queues page to disk";
        BrokerProcess broker = stack.broker();
        List<String> addresses =
                EntityCatalog.reference().names().stream().map(Queues::changes).toList();
        // What the running broker took from broker.xml, before any override.
        assertProductionSettings(broker, addresses.get(0));

        Future<Workload.Burst> burst = null;
        Map<String, Long> addedWhenPagingStarted = new LinkedHashMap<>();
        int bursts = 0;
        long changes = 0;
        Instant stopped;
        Map<String, String> paged = new LinkedHashMap<>();
        List<String> pagedToDisk = new ArrayList<>();
        try {
            for (String address : addresses) {
                broker.invoke(
                        ResourceNames.BROKER,
                        "addAddressSettings",
                        address,
                        "{\"maxSizeBytes\":" + MAX_SIZE_BYTES + ",\"pageSizeBytes\":" + PAGE_SIZE_BYTES + "}");
            }
            stack.loader().stop();
            stopped = Instant.now();
            assertThat(stack.loader().isAlive()).as("loader stopped").isFalse();

            // The extractor keeps publishing what the OLTP commits, burst after burst, until an address pages.
            while (addedWhenPagingStarted.isEmpty() && bursts < MAX_BURSTS) {
                burst = stack.workload().burst(7000 + bursts, CHANGES);
                bursts++;
                Workload.Burst done = Workload.finish(burst, Duration.ofMinutes(2));
                changes += done.report().total();
                awaitPublished(broker, addresses);
                for (String address : addresses) {
                    if (isPaging(broker, address)) {
                        addedWhenPagingStarted.put(address, messagesAdded(broker, address));
                    }
                }
            }
            assertThat(addedWhenPagingStarted)
                    .as("change addresses paging after %d bursts (%d changes) with the loader stopped", bursts, changes)
                    .isNotEmpty();
            // One burst more, written to the page files while the addresses page.
            burst = stack.workload().burst(7000 + bursts, CHANGES);
            bursts++;
            changes += Workload.finish(burst, Duration.ofMinutes(2)).report().total();
            awaitPublished(broker, addresses);

            // It really paged: the broker says so, and the page files are on disk.
            Map<String, BrokerProcess.PageFiles> onDisk = broker.pageFiles();
            for (String address : addedWhenPagingStarted.keySet()) {
                assertThat(isPaging(broker, address)).as("%s paging", address).isTrue();
                BrokerProcess.PageFiles files = onDisk.get(address);
                assertThat(files)
                        .as("%s in the paging directory %s", address, onDisk)
                        .isNotNull();
                assertThat(files.files()).as("%s page files", address).isPositive();
                assertThat(files.bytes()).as("%s bytes on disk", address).isPositive();
                long whilePaging = messagesAdded(broker, address) - addedWhenPagingStarted.get(address);
                assertThat(whilePaging)
                        .as("%s messages that arrived while paging", address)
                        .isPositive();
            }
            // Every address paging now, those that began in the last burst too.
            for (String address : addresses) {
                BrokerProcess.PageFiles files = onDisk.get(address);
                if (!isPaging(broker, address) || files == null) {
                    continue;
                }
                long pages = number(broker.attribute(ResourceNames.ADDRESS + address, "numberOfPages"));
                long queued = number(broker.attribute(ResourceNames.QUEUE + address, "messageCount"));
                Long since = addedWhenPagingStarted.get(address);
                String arrived = since == null
                        ? "began paging in the last burst"
                        : (messagesAdded(broker, address) - since) + " arrived while paging";
                paged.put(
                        address,
                        String.format(
                                "%d messages queued, %s, %d page(s), %d page file(s) of %,d bytes",
                                queued, arrived, pages, files.files(), files.bytes()));
                if (files.bytes() > 0) {
                    pagedToDisk.add(address);
                }
            }
            // Nothing reached the warehouse meanwhile: the backlog is real.
            assertThat(stack.compare().clean())
                    .as("DW equal to the OLTP with the loader stopped")
                    .isFalse();
        } finally {
            for (String address : addresses) {
                broker.invoke(ResourceNames.BROKER, "removeAddressSettings", address);
            }
            if (!stack.loader().isAlive()) {
                stack.loader().start();
            }
        }
        assertProductionSettings(broker, addresses.get(0));
        Instant back = stack.loader().readyAt();
        Results.note(fault + ": loader stopped for "
                + Duration.between(stopped, back).toSeconds() + " s, " + bursts + " bursts (" + changes
                + " changes); paged: " + paged);

        // The loader drains every queue, pages included: the DW equals the OLTP, nothing lost or duplicated.
        WarehouseComparison.Report report =
                FaultCycle.heal(stack, fault, 1, paged.size() + " address(es) paged", burst, back, DRAIN_TARGET);
        assertThat(report.clean()).as("%s", report).isTrue();
        assertThat(report.lost()).isZero();
        assertThat(report.duplicated()).isZero();
        Duration drained = Duration.between(back, Instant.now());

        // And the addresses whose pages held batches left paging mode once they were read. (An address that
        // crossed its size with no batch written to a page yet stays flagged until its next message: Artemis
        // leaves paging mode in the page cleanup, which the acknowledgement of paged messages starts.)
        List<String> stillPaging = new ArrayList<>();
        try {
            await("the change addresses leaving paging mode")
                    .atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        stillPaging.clear();
                        pagedToDisk.stream().filter(a -> isPaging(broker, a)).forEach(stillPaging::add);
                        return stillPaging.isEmpty();
                    });
        } catch (ConditionTimeoutException e) {
            StringBuilder state = new StringBuilder();
            for (String address : stillPaging) {
                state.append("\n  ").append(address).append(": ").append(describe(broker, address));
            }
            throw new AssertionError(
                    "Drained, but still paging a minute later (the broker's view):" + state + "\npage files: "
                            + broker.pageFiles(),
                    e);
        }
        Duration pagingEnded = Duration.between(back, Instant.now());
        Results.note(String.format(
                "%s: drained in %.1f s after the loader was ready (%d rows compared, %d lost, %d duplicated);"
                        + " %s out of paging mode %.1f s after; still flagged paging: %s; page files left: %s",
                fault,
                drained.toMillis() / 1000.0,
                report.rowsCompared(),
                report.lost(),
                report.duplicated(),
                pagedToDisk,
                pagingEnded.toMillis() / 1000.0,
                addresses.stream().filter(a -> isPaging(broker, a)).toList(),
                broker.pageFiles()));
        FaultCycle.assertServicesAlive(stack, List.of("extractor-service", "loader-service", "alerting-service"));
        Results.summary(fault, DRAIN_TARGET);
    }

    /**
     * Waits until the extractor has published what the OLTP committed: no message added to any change queue
     * over a whole poll interval (the extractor runs at least once per interval, and at once on a change).
     */
    private static void awaitPublished(BrokerProcess broker, List<String> addresses) {
        long[] last = {-1};
        await("the extractor publishing every committed change")
                .atMost(Duration.ofMinutes(1))
                .pollInterval(FaultStack.POLL_INTERVAL.plusMillis(500))
                .until(() -> {
                    long added = 0;
                    for (String address : addresses) {
                        added += messagesAdded(broker, address);
                    }
                    boolean idle = added == last[0];
                    last[0] = added;
                    return idle;
                });
    }

    /** broker.xml's settings for a change address, as the running broker applies them: PAGE past 32 MiB. */
    private static void assertProductionSettings(BrokerProcess broker, String address) {
        String json = String.valueOf(broker.invoke(ResourceNames.BROKER, "getAddressSettingsAsJSON", address));
        assertThat(group(POLICY, json))
                .as("address-full-policy of %s: %s", address, json)
                .isEqualTo("PAGE");
        assertThat(Long.parseLong(group(MAX_SIZE, json)))
                .as("max-size-bytes of %s: %s", address, json)
                .isEqualTo(EmbeddedBroker.CHANGES_MAX_SIZE_BYTES);
    }

    private static String group(Pattern pattern, String json) {
        Matcher matcher = pattern.matcher(json);
        if (!matcher.find()) {
            throw new AssertionError("No " + pattern + " in the broker's address settings: " + json);
        }
        return matcher.group(1);
    }

    /** What the broker says of a change address and its queue, for failure messages. */
    private static String describe(BrokerProcess broker, String address) {
        StringBuilder text = new StringBuilder();
        for (String attribute : List.of("paging", "numberOfPages", "addressSize", "numberOfMessages")) {
            text.append(attribute)
                    .append('=')
                    .append(broker.attribute(ResourceNames.ADDRESS + address, attribute))
                    .append(' ');
        }
        for (String attribute : List.of(
                "messageCount",
                "deliveringCount",
                "scheduledCount",
                "consumerCount",
                "messagesAdded",
                "messagesAcknowledged")) {
            text.append(attribute)
                    .append('=')
                    .append(broker.attribute(ResourceNames.QUEUE + address, attribute))
                    .append(' ');
        }
        return text.toString().trim();
    }

    private static boolean isPaging(BrokerProcess broker, String address) {
        return Boolean.TRUE.equals(broker.attribute(ResourceNames.ADDRESS + address, "paging"));
    }

    private static long messagesAdded(BrokerProcess broker, String queue) {
        return number(broker.attribute(ResourceNames.QUEUE + queue, "messagesAdded"));
    }

    private static long number(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        return Long.parseLong(String.valueOf(value));
    }
}

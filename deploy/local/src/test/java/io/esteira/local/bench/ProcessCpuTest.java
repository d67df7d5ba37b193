package io.esteira.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ProcessCpuTest {

    @Test
    void shouldGiveWhatEachGroupUsedBetweenTwoSnapshotsAndLeaveOutGroupsMissingFromEither() {
        ProcessCpu.Snapshot before = new ProcessCpu.Snapshot(
                Map.of("loader-service", Duration.ofSeconds(10), "DW PostgreSQL", Duration.ofSeconds(3)));
        ProcessCpu.Snapshot after = new ProcessCpu.Snapshot(Map.of(
                "loader-service", Duration.ofSeconds(25),
                "DW PostgreSQL", Duration.ofSeconds(2), // backends that ended took their time with them
                "extractor-service", Duration.ofSeconds(4)));

        assertThat(after.since(before)).containsExactly(Map.entry("loader-service", Duration.ofSeconds(15)));
    }

    @Test
    void shouldReadTheCpuTimeOfThisJvmAndOfNoProcessThatIsGone() {
        assertThat(ProcessCpu.take(Map.of(), Map.of()).cpu()).containsKeys(ProcessCpu.BROKER, ProcessCpu.BENCH_JVM);
        assertThat(ProcessCpu.of(Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void shouldTellTheBrokersThreadsFromTheServicesArtemisClients() {
        assertThat(ProcessCpu.isBrokerThread("Thread-3 (activemq-netty-threads)"))
                .isTrue();
        assertThat(ProcessCpu.isBrokerThread("Thread-0 (ActiveMQ-server-ActiveMQServerImpl::name=localhost)"))
                .isTrue();
        assertThat(ProcessCpu.isBrokerThread("Thread-21 (activemq-esteira-embedded)"))
                .isTrue();
        assertThat(ProcessCpu.isBrokerThread("activemq-buffer-timeout")).isTrue();
        assertThat(ProcessCpu.isBrokerThread("Thread-1 (ActiveMQ-client-global-threads)"))
                .isFalse();
        assertThat(ProcessCpu.isBrokerThread("Thread-2 (ActiveMQ-client-netty-threads)"))
                .isFalse();
        assertThat(ProcessCpu.isBrokerThread("freshness-writer-1")).isFalse();
    }

    @Test
    void shouldCountTheCpuOfALiveBrokerThreadAsTheBrokers() throws Exception {
        ProcessCpu.Snapshot before = ProcessCpu.take(Map.of(), Map.of());
        AtomicBoolean stop = new AtomicBoolean();
        Thread broker = new Thread(() -> spin(stop), "Thread-9 (activemq-netty-threads)");
        broker.start();
        try {
            Duration used = Duration.ZERO;
            while (used.compareTo(Duration.ofMillis(100)) < 0) {
                Thread.sleep(5);
                used = Duration.ofNanos(ManagementFactory.getThreadMXBean().getThreadCpuTime(broker.getId()));
            }
            Map<String, Duration> since = ProcessCpu.take(Map.of(), Map.of()).since(before);

            assertThat(since.get(ProcessCpu.BROKER)).isGreaterThanOrEqualTo(used);
        } finally {
            stop.set(true);
            broker.join();
        }
    }

    private static void spin(AtomicBoolean stop) {
        long x = 0;
        while (!stop.get()) {
            x += System.nanoTime() % 7;
        }
        if (x == 42) {
            System.out.println(x);
        }
    }
}

package io.esteira.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JvmMemoryTest {

    /** As Micrometer 1.15 exposes them on /actuator/prometheus (Serial GC, one code cache, application tag). */
    private static final String EXPOSITION =
            """
            # HELP jvm_memory_used_bytes The amount of used memory
            # TYPE jvm_memory_used_bytes gauge
            jvm_memory_used_bytes{application="loader-service",area="heap",id="Eden Space"} 1.048576E7
            jvm_memory_used_bytes{application="loader-service",area="heap",id="Survivor Space"} 1048576.0
            jvm_memory_used_bytes{application="loader-service",area="heap",id="Tenured Gen"} 3.145728E7
            jvm_memory_used_bytes{application="loader-service",area="nonheap",id="CodeCache"} 1.2582912E7
            jvm_memory_used_bytes{application="loader-service",area="nonheap",id="Compressed Class Space"} 8388608.0
            jvm_memory_used_bytes{application="loader-service",area="nonheap",id="Metaspace"} 6.7108864E7
            # HELP jvm_memory_committed_bytes The amount of memory in bytes that is committed for the Java virtual machine to use
            # TYPE jvm_memory_committed_bytes gauge
            jvm_memory_committed_bytes{application="loader-service",area="heap",id="Eden Space"} 2.097152E7
            jvm_memory_committed_bytes{application="loader-service",area="heap",id="Survivor Space"} 2097152.0
            jvm_memory_committed_bytes{application="loader-service",area="heap",id="Tenured Gen"} 4.194304E7
            jvm_memory_committed_bytes{application="loader-service",area="nonheap",id="CodeCache"} 1.572864E7
            jvm_memory_committed_bytes{application="loader-service",area="nonheap",id="Compressed Class Space"} 9437184.0
            jvm_memory_committed_bytes{application="loader-service",area="nonheap",id="Metaspace"} 6.9206016E7
            jvm_memory_max_bytes{application="loader-service",area="heap",id="Tenured Gen"} 1.34217728E8
            jvm_buffer_memory_used_bytes{application="loader-service",id="direct"} 2097152.0
            jvm_buffer_memory_used_bytes{application="loader-service",id="mapped"} 5.0E8
            jvm_memory_usage_after_gc{application="loader-service",area="heap",pool="long-lived"} 0.2
            """;

    @Test
    void shouldSumHeapAndNonHeapByAreaAndPickMetaspaceCodeCacheAndDirectBuffers() {
        JvmMemory memory = JvmMemory.parse(EXPOSITION).orElseThrow();

        assertThat(memory.toMb())
                .containsEntry("heapUsed", 41L)
                .containsEntry("heapCommitted", 62L)
                .containsEntry("nonHeapUsed", 84L)
                .containsEntry("nonHeapCommitted", 90L)
                .containsEntry("metaspaceUsed", 64L)
                .containsEntry("codeCacheUsed", 12L)
                .containsEntry("directUsed", 2L);
    }

    @Test
    void shouldAddTheThreeCodeHeapsOfASegmentedCodeCache() {
        String segmented =
                """
                jvm_memory_used_bytes{area="nonheap",id="CodeHeap 'non-nmethods'"} 1048576.0
                jvm_memory_used_bytes{area="nonheap",id="CodeHeap 'profiled nmethods'"} 4194304.0
                jvm_memory_used_bytes{area="nonheap",id="CodeHeap 'non-profiled nmethods'"} 2097152.0
                """;

        assertThat(JvmMemory.parse(segmented).orElseThrow().codeCacheUsed()).isEqualTo(7L * 1024 * 1024);
    }

    @Test
    void shouldBeEmptyWithoutJvmMemoryGauges() {
        assertThat(JvmMemory.parse("process_uptime_seconds 12.0\n")).isEmpty();
    }
}

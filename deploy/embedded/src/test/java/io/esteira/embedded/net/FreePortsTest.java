package io.esteira.embedded.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void shouldHandOutPortsAboveLinuxsDefaultEphemeralRangeWhereNoOutgoingConnectionTakesThem() {
        FreePorts.Range range = FreePorts.Range.outside(new int[] {32_768, 60_999});

        assertThat(range.low()).isEqualTo(FreePorts.ABOVE_FROM);
        assertThat(range.high()).isEqualTo(65_535);
    }

    @Test
    void shouldHandOutPortsBelowTheEphemeralRangeWhenItLeavesTooLittleRoomAbove() {
        FreePorts.Range range = FreePorts.Range.outside(new int[] {32_768, 65_000});

        assertThat(range.low()).isEqualTo(FreePorts.BELOW_FROM);
        assertThat(range.high()).isEqualTo(32_767);
    }

    @Test
    void shouldNeverHandOutAPortOfThisMachinesEphemeralRangeNorTheSamePortTwice() {
        int[] ephemeral = FreePorts.ephemeralRange();
        Set<Integer> ports = new HashSet<>();

        for (int i = 0; i < 200; i++) {
            int port = FreePorts.next();
            assertThat(port >= ephemeral[0] && port <= ephemeral[1])
                    .as("port %d in the ephemeral range", port)
                    .isFalse();
            assertThat(ports.add(port)).as("port %d handed out twice", port).isTrue();
        }
    }

    @Test
    void shouldSkipAPortSomethingListensOn() throws IOException {
        int port = FreePorts.next();
        try (ServerSocket taken = new ServerSocket(port)) {
            FreePorts.Range range = new FreePorts.Range(port - 1, port);

            // The cursor points at the taken port first; the one below it is handed out instead.
            assertThat(FreePorts.next(range, new AtomicInteger(1))).isEqualTo(port - 1);
        }
    }

    @Test
    void shouldNameTheRangeWhenEveryPortOfItIsTaken() throws IOException {
        int port = FreePorts.next();
        try (ServerSocket taken = new ServerSocket(port)) {
            FreePorts.Range range = new FreePorts.Range(port, port);

            assertThatThrownBy(() -> FreePorts.next(range, new AtomicInteger()))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("Every port from " + port + " to " + port + " is in use");
        }
    }
}

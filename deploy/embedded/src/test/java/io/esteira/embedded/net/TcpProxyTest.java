package io.esteira.embedded.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TcpProxyTest {

    private ServerSocket echo;
    private TcpProxy proxy;

    @BeforeEach
    void startAnEchoServerBehindAProxy() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(
                () -> {
                    while (!echo.isClosed()) {
                        try {
                            Socket socket = echo.accept();
                            Thread pump = new Thread(() -> {
                                try (socket) {
                                    socket.getInputStream().transferTo(socket.getOutputStream());
                                } catch (IOException e) {
                                    // The test closed it.
                                }
                            });
                            pump.setDaemon(true);
                            pump.start();
                        } catch (IOException e) {
                            return;
                        }
                    }
                },
                "echo");
        acceptor.setDaemon(true);
        acceptor.start();
        proxy = TcpProxy.start("echo", "127.0.0.1", echo.getLocalPort());
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        echo.close();
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
        socket.setSoTimeout(2_000);
        return socket;
    }

    private static String roundTrip(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes());
        socket.getOutputStream().flush();
        byte[] reply = socket.getInputStream().readNBytes(text.length());
        return new String(reply);
    }

    @Test
    void shouldForwardBothWays() throws IOException {
        try (Socket socket = connect()) {
            assertThat(roundTrip(socket, "hello")).isEqualTo("hello");
        }
    }

    @Test
    void shouldResetOpenConnectionsOnACutAndForwardNewOnes() throws IOException {
        try (Socket socket = connect()) {
            assertThat(roundTrip(socket, "one")).isEqualTo("one");
            assertThat(proxy.cut()).isEqualTo(1);
            assertThatThrownBy(() -> {
                        InputStream in = socket.getInputStream();
                        if (in.read() < 0) {
                            throw new IOException("closed");
                        }
                    })
                    .isInstanceOf(IOException.class)
                    .isNotInstanceOf(SocketTimeoutException.class);
        }
        try (Socket socket = connect()) {
            assertThat(roundTrip(socket, "two")).isEqualTo("two");
        }
    }

    @Test
    void shouldKeepAStalledConnectionOpenAndSilentUntilItsReaderTimesOut() throws IOException {
        try (Socket old = connect()) {
            assertThat(roundTrip(old, "before")).isEqualTo("before");
            assertThat(proxy.stall()).isEqualTo(1);
            try (Socket during = connect()) {
                assertThatThrownBy(() -> roundTrip(during, "during")).isInstanceOf(SocketTimeoutException.class);
            }
            proxy.release();
            // Released: the service's side of the stalled connection still neither answers nor closes...
            assertThatThrownBy(() -> roundTrip(old, "after")).isInstanceOf(SocketTimeoutException.class);
            assertThat(old.isClosed()).isFalse();
            // ...and new connections are forwarded again.
            try (Socket next = connect()) {
                assertThat(roundTrip(next, "next")).isEqualTo("next");
            }
        }
    }

    @Test
    void shouldDelayEveryChunkByTheLatencyEachWay() throws IOException {
        proxy.latency(Duration.ofMillis(300));
        try (Socket socket = connect()) {
            long start = System.nanoTime();
            assertThat(roundTrip(socket, "slow")).isEqualTo("slow");
            // A lower bound the proxy imposes (300 ms each way), not a measurement that load could break.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
        }
        proxy.latency(Duration.ZERO);
        try (Socket socket = connect()) {
            assertThat(roundTrip(socket, "fast")).isEqualTo("fast");
        }
    }
}

package org.groundwatergateway.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteOrder;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Reading connections in CLOSE_WAIT from the kernel's tables (proc(5)), and a real one found after its peer closed. */
class PeerClosedConnectionsTest {

    @Test
    void rowsInCloseWaitAreReadWithTheirAddressesAndPorts() {
        Assumptions.assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "the sample rows are of a little-endian host");
        List<String> tcp = List.of(
                "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
                "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 7292 1 0 100 0 0 10 0",
                "   1: 0100007F:1F90 0100007F:D431 08 00000000:00000000 00:00000000 00000000     0        0 7293 1 0 20 4 30 10 -1",
                "   2: 0100007F:1F90 0100007F:D432 01 00000000:00000000 00:00000000 00000000     0        0 7294 1 0 20 4 30 10 -1");
        // 8080 (0x1F90) on 127.0.0.1; the peer at port 0xD431 = 54321 closed its end; 54322 is established.
        assertThat(PeerClosedConnections.parse(tcp)).containsExactly(
                new PeerClosedConnections.Connection(InetAddress.getLoopbackAddress(), 54321, 8080));
        List<String> tcp6 = List.of(
                "  sl  local_address                         remote_address                        st tx_queue",
                "   0: 0000000000000000FFFF00000100007F:1F90 0000000000000000FFFF00000100007F:D433 08 00000000:00000000");
        // An IPv4 client of a dual-stack socket: ::ffff:127.0.0.1 is the same client as 127.0.0.1.
        assertThat(PeerClosedConnections.parse(tcp6)).containsExactly(
                new PeerClosedConnections.Connection(InetAddress.getLoopbackAddress(), 54323, 8080));
    }

    @Test
    void aConnectionWhosePeerClosedIsFound() throws Exception {
        Assumptions.assumeTrue(PeerClosedConnections.read().isPresent(), "Linux only");
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
            try (Socket accepted = server.accept()) {
                var seen = new PeerClosedConnections.Connection(accepted.getInetAddress(), accepted.getPort(), accepted.getLocalPort());
                assertThat(PeerClosedConnections.read().orElseThrow()).doesNotContain(seen);
                client.close();
                InputStream in = accepted.getInputStream();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
                while (!PeerClosedConnections.read().orElseThrow().contains(seen)) {
                    assertThat(System.nanoTime()).as("CLOSE_WAIT within 2 s").isLessThan(deadline);
                    Thread.sleep(20);
                }
                assertThat(in.read()).as("the peer's end of stream").isEqualTo(-1);
            }
        }
    }
}

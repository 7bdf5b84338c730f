package org.groundwatergateway.gateway.web;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The TCP connections whose peer has closed its end while this side still holds them open — state CLOSE_WAIT — as
 * Linux lists them in {@code /proc/net/tcp} and {@code /proc/net/tcp6} (proc(5): {@code local_address rem_address st},
 * addresses as hexadecimal 32-bit words in the host's byte order, ports in hexadecimal, {@code st} 08 for CLOSE_WAIT).
 * A client that gave up on a request and closed its connection leaves the server's end in this state until the server
 * writes or closes: the one sign of it the Servlet API does not give.
 */
final class PeerClosedConnections {

    /** One connection, as seen from this side. */
    record Connection(InetAddress remote, int remotePort, int localPort) {}

    private static final String CLOSE_WAIT = "08";
    private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));

    private PeerClosedConnections() {}

    /** The connections in CLOSE_WAIT now; empty where there is no {@code /proc/net/tcp} (not Linux). */
    static Optional<Set<Connection>> read() {
        if (!Files.isReadable(TABLES.get(0))) return Optional.empty();
        Set<Connection> closed = new HashSet<>();
        for (Path table : TABLES) {
            try {
                closed.addAll(parse(Files.readAllLines(table)));
            } catch (IOException noSuchTable) {
                // tcp6 is absent where IPv6 is disabled.
            }
        }
        return Optional.of(closed);
    }

    /** The CLOSE_WAIT rows of one table, its header line included. */
    static Set<Connection> parse(List<String> lines) {
        Set<Connection> closed = new HashSet<>();
        for (String line : lines) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length < 4 || !fields[3].equals(CLOSE_WAIT) || !fields[0].endsWith(":")) continue;
            String[] local = fields[1].split(":");
            String[] remote = fields[2].split(":");
            closed.add(new Connection(address(remote[0]), Integer.parseInt(remote[1], 16), Integer.parseInt(local[1], 16)));
        }
        return closed;
    }

    /** 8 or 32 hexadecimal digits, each 32-bit word in the host's order; an IPv4-mapped IPv6 address comes back as IPv4. */
    private static InetAddress address(String hex) {
        ByteBuffer bytes = ByteBuffer.allocate(hex.length() / 2);
        for (int word = 0; word < hex.length() / 8; word++) {
            int value = (int) Long.parseLong(hex.substring(word * 8, word * 8 + 8), 16);
            // The digits print the word as the host holds it: on a little-endian host its bytes are reversed.
            bytes.putInt(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? Integer.reverseBytes(value) : value);
        }
        try {
            return InetAddress.getByAddress(bytes.array());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address: " + hex, e);
        }
    }
}

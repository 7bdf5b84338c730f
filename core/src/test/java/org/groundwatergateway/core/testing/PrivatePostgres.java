package org.groundwatergateway.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL cluster of a test's own, in a temporary folder on a free port, with PostGIS in its {@code postgres}
 * database: for tests that stop and start the database server, which they must never do to the shared one that
 * {@link TestDatabases} uses. Binaries from {@code gw.test.postgres.bin} (default Debian's PostgreSQL 15); run as the
 * {@code postgres} OS user when the tests run as root, since PostgreSQL refuses to run as root.
 */
public final class PrivatePostgres implements AutoCloseable {

    private static final Path BIN = Path.of(System.getProperty("gw.test.postgres.bin", "/usr/lib/postgresql/15/bin"));
    private static final boolean AS_ROOT = "root".equals(System.getProperty("user.name"));

    private final Path dir;
    private final int port;

    private PrivatePostgres(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Whether the PostgreSQL server binaries are installed; tests assume it rather than fail without them. */
    public static boolean installed() {
        return Files.isExecutable(BIN.resolve("initdb")) && Files.isExecutable(BIN.resolve("pg_ctl"));
    }

    /** Creates the cluster, starts it and adds PostGIS. */
    public static PrivatePostgres start() {
        Path dir = TempDirectories.create("gw-pg-");
        try {
            if (AS_ROOT) Files.setOwner(dir, dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres"));
            int port;
            try (ServerSocket probe = new ServerSocket(0)) {
                port = probe.getLocalPort();
            }
            PrivatePostgres cluster = new PrivatePostgres(dir, port);
            cluster.run("initdb", "-D", dir.resolve("data").toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync");
            cluster.startServer();
            try (Connection connection = DriverManager.getConnection(cluster.url(), "postgres", "");
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE EXTENSION postgis");
            }
            return cluster;
        } catch (IOException e) {
            TempDirectories.delete(dir);
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            TempDirectories.delete(dir);
            throw new IllegalStateException("the private PostgreSQL cluster did not take PostGIS: " + e.getMessage(), e);
        }
    }

    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public String user() {
        return "postgres";
    }

    /** Stops the server as an operator would for maintenance: {@code pg_ctl stop -m fast}, sessions ended, data kept. */
    public void stopServer() {
        run("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop");
    }

    /** Starts the server (again) on the same port and data, waiting until it accepts connections. */
    public void startServer() {
        run("pg_ctl", "-D", dir.resolve("data").toString(), "-w", "-l", dir.resolve("server.log").toString(),
                "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1", "start");
    }

    /** Stops the server if it runs and removes the cluster. */
    @Override
    public void close() {
        try {
            if (Files.exists(dir.resolve("data/postmaster.pid"))) stopServer();
        } finally {
            TempDirectories.delete(dir);
        }
    }

    private void run(String program, String... args) {
        List<String> command = new ArrayList<>();
        if (AS_ROOT) command.addAll(List.of("runuser", "-u", "postgres", "--"));
        command.add(BIN.resolve(program).toString());
        command.addAll(List.of(args));
        try {
            Path output = Files.createTempFile("gw-pg-", ".out");
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not finish within 120 s");
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue() + "): " + Files.readString(output));
                }
            } finally {
                Files.delete(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

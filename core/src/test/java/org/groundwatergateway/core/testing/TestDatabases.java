package org.groundwatergateway.core.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Fresh, empty databases for tests: an embedded H2GIS file in a temporary folder, or a new database (with the PostGIS
 * extension only) on the PostgreSQL server named by the system property {@code gw.test.postgres.url} (default 127.0.0.1:5432,
 * user {@code postgres}). Each is dropped when closed. The PostGIS variant fails, rather than skips, when
 * the server is unreachable: the repository tests must run against both databases.
 */
public final class TestDatabases {

    public static final String POSTGRES_URL = System.getProperty("gw.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
    public static final String POSTGRES_USER = System.getProperty("gw.test.postgres.user", "postgres");

    private static String postgisTemplate;

    private TestDatabases() {}

    /** A data source over a new database; closing it removes the database. */
    public interface TestDatabase extends AutoCloseable {
        HikariDataSource dataSource();

        /** The JDBC URL of the database, for starting an application against it. */
        String url();

        String user();

        @Override
        void close();
    }

    public static TestDatabase h2gis() {
        Path dir = TempDirectories.create("gw-h2gis-");
        String url = "jdbc:h2:file:" + dir.resolve("test").toAbsolutePath();
        HikariDataSource dataSource = pool(url, "sa");
        return new TestDatabase() {
            public HikariDataSource dataSource() { return dataSource; }
            public String url() { return url; }
            public String user() { return "sa"; }
            public void close() {
                dataSource.close();
                TempDirectories.delete(dir);
            }
        };
    }

    public static TestDatabase postgis() {
        return postgisCopyOf(postgisTemplate());
    }

    /** A new database as an operator makes one, without the PostGIS extension: the migrations install it. */
    public static TestDatabase postgisWithoutExtension() {
        return postgisCopyOf("template1");
    }

    private static TestDatabase postgisCopyOf(String template) {
        String name = "gw_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin("CREATE DATABASE " + name + " TEMPLATE " + template);
        String url = urlOf(name);
        HikariDataSource dataSource = pool(url, POSTGRES_USER);
        return new TestDatabase() {
            public HikariDataSource dataSource() { return dataSource; }
            public String url() { return url; }
            public String user() { return POSTGRES_USER; }
            public void close() {
                dataSource.close();
                admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        };
    }

    /**
     * A database holding only the PostGIS extension, the template of every PostGIS test database: creating the extension
     * took most of a second for each of them. One per test JVM, dropped when it ends, so that two builds at once never copy
     * a template the other is still writing.
     */
    private static synchronized String postgisTemplate() {
        if (postgisTemplate == null) {
            String name = "gw_tpl_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            admin("CREATE DATABASE " + name);
            try (Connection connection = DriverManager.getConnection(urlOf(name), POSTGRES_USER, "");
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE EXTENSION IF NOT EXISTS postgis");
            } catch (SQLException e) {
                throw new IllegalStateException("PostGIS could not be installed in " + name + ": " + e.getMessage(), e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")));
            postgisTemplate = name;
        }
        return postgisTemplate;
    }

    private static String urlOf(String database) {
        return POSTGRES_URL.replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1");
    }

    private static void admin(String sql) {
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + POSTGRES_URL + " (user " + POSTGRES_USER + ") is needed for the "
                    + "PostGIS tests and did not accept '" + sql + "': " + e.getMessage()
                    + ". Start it, or point -Dgw.test.postgres.url at one.", e);
        }
    }

    private static HikariDataSource pool(String url, String user) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword("");
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }
}

package org.boxoffice.testing;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.boxoffice.store.postgres.FlywaySessionLock;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The PostgreSQL database of one test run, migrated with the service's own Flyway scripts. It comes
 * from, in order: {@code BOXOFFICE_TEST_JDBC_URL} (a fresh database {@code .ci/run} made); a new
 * database on the PostgreSQL at 127.0.0.1:5432 (user {@code postgres}, trust auth); or an embedded
 * PostgreSQL started for the run. It says which on standard output. If none can be had, the tests
 * that need it fail: they are never skipped.
 */
public final class TestDatabase {

    /** The local server to make a database on; {@code BOXOFFICE_TEST_SERVER_URL} overrides it. */
    private static final String LOCAL_SERVER = envOr("BOXOFFICE_TEST_SERVER_URL", "jdbc:postgresql://127.0.0.1:5432/");
    private static TestDatabase instance;

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private AgroalDataSource pool;

    private TestDatabase(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    public static synchronized TestDatabase get() {
        if (instance == null) {
            instance = provision();
            instance.migrate(instance.jdbcUrl);
        }
        return instance;
    }

    /**
     * Applies the service's migrations to the database at {@code url} on this server, with Flyway set up as
     * the service sets it up (its lock held for the session, which an index built concurrently needs).
     */
    public void migrate(String url) {
        FluentConfiguration flyway = Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration");
        new FlywaySessionLock().customize(flyway);
        flyway.load().migrate();
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /**
     * A new, empty database (not migrated) on the server of the run's database, dropped when the run
     * ends: for tests of what the service does before its schema exists.
     */
    public String createEmptyDatabase() {
        String name = "boxoffice_empty_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String server = jdbcUrl.substring(0, jdbcUrl.lastIndexOf('/') + 1);
        String query = jdbcUrl.indexOf('?') >= 0 ? jdbcUrl.substring(jdbcUrl.indexOf('?')) : "";
        try (Connection c = dataSource().getConnection(); Statement create = c.createStatement()) {
            create.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a database beside " + jdbcUrl, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Connection c = DriverManager.getConnection(server + "postgres" + query, user, password);
                    Statement drop = c.createStatement()) {
                drop.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (SQLException e) {
                System.out.println("[test database] could not drop " + name + ": " + e.getMessage());
            }
        }));
        return server + name + query;
    }

    /** A connection pool on the database, shared by the run's tests. */
    public synchronized AgroalDataSource dataSource() {
        if (pool == null) {
            pool = pool(jdbcUrl, Map.of());
        }
        return pool;
    }

    /** A new pool on this database reached at {@code url} (through a proxy, say), with these pgjdbc properties. */
    public AgroalDataSource pool(String url, Map<String, String> jdbcProperties) {
        try {
            return AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                    .connectionPoolConfiguration(connections -> connections.maxSize(40)
                            .connectionFactoryConfiguration(factory -> {
                                factory.jdbcUrl(url).principal(new NamePrincipal(user))
                                        .credential(new SimplePassword(password));
                                jdbcProperties.forEach(factory::jdbcProperty);
                                return factory;
                            })));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open a pool on " + url, e);
        }
    }

    /** Empties every table, so a test sees only what it adds. */
    public void truncate() {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE checkins, waitlist, seat_claims, refunded_seats, booking_refunds, bookings, holds,"
                    + " events, idempotency_keys, deliveries, webhooks, outbox");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty the test database", e);
        }
    }

    private static TestDatabase provision() {
        String given = System.getenv("BOXOFFICE_TEST_JDBC_URL");
        if (given != null && !given.isBlank()) {
            String user = envOr("BOXOFFICE_TEST_JDBC_USER", "postgres");
            System.out.println("[test database] using BOXOFFICE_TEST_JDBC_URL " + given);
            return new TestDatabase(given, user, envOr("BOXOFFICE_TEST_JDBC_PASSWORD", ""));
        }
        try (Connection server = DriverManager.getConnection(LOCAL_SERVER + "postgres", "postgres", "")) {
            String name = "boxoffice_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                    .toLowerCase(Locale.ROOT);
            try (Statement create = server.createStatement()) {
                create.execute("CREATE DATABASE " + name);
            }
            System.out.println("[test database] created " + name + " on the PostgreSQL at " + LOCAL_SERVER);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name)));
            return new TestDatabase(LOCAL_SERVER + name, "postgres", "");
        } catch (SQLException unreachable) {
            System.out.println("[test database] no PostgreSQL at " + LOCAL_SERVER + " (" + unreachable.getMessage()
                    + "); starting an embedded one");
        }
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (Exception ignored) {
                    // the JVM is going away; the server's files are temporary
                }
            }));
            System.out.println("[test database] embedded PostgreSQL on port " + embedded.getPort());
            return new TestDatabase(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "");
        } catch (Exception e) {
            throw new IllegalStateException("no PostgreSQL for the tests: none at 127.0.0.1:5432 and the"
                    + " embedded one failed to start", e);
        }
    }

    /** Drops a database this run made, once the run is over; a failure only leaves it behind. */
    private static void drop(String name) {
        if (instance != null && instance.pool != null) {
            instance.pool.close();
        }
        try (Connection server = DriverManager.getConnection(LOCAL_SERVER + "postgres", "postgres", "");
                Statement drop = server.createStatement()) {
            drop.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            System.out.println("[test database] could not drop " + name + ": " + e.getMessage());
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}

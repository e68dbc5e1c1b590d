package org.boxoffice.testing;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Instant;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.boxoffice.domain.TicketStore;

/**
 * Runs a PostgreSQL store in the time mode production uses, the database's clock
 * ({@code clock_timestamp()}), while the contract still moves time itself: on the test database a
 * function {@code testclock.clock_timestamp()}, found before {@code pg_catalog}'s through the search
 * path, answers the instant the calling thread's store operation was given; the store itself runs its
 * production SQL unchanged. Each operation's instant is handed to the database on the connections the
 * operation takes, as a session setting, so threads acting at different instants each see their own.
 */
public final class ContractClock {

    /** The search path that puts the contract's clock before the real one. */
    public static final String SEARCH_PATH = "testclock,public,pg_catalog";

    private static final ThreadLocal<Instant> CURRENT = new ThreadLocal<>();

    private ContractClock() {
    }

    /** Creates the clock function on the database (once; it is kept). */
    public static void install(DataSource database) {
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS testclock");
            s.execute("""
                    CREATE OR REPLACE FUNCTION testclock.clock_timestamp() RETURNS timestamptz
                    LANGUAGE sql VOLATILE AS $$
                      SELECT coalesce(nullif(current_setting('boxoffice.contract_now', true), '')::timestamptz,
                                      pg_catalog.clock_timestamp())
                    $$""");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot install the contract's clock", e);
        }
    }

    /** The store, each of whose operations makes the database's clock read the instant it was given. */
    public static TicketStore store(TicketStore store) {
        InvocationHandler handler = (proxy, method, args) -> {
            Instant given = null;
            for (Object arg : args == null ? new Object[0] : args) {
                if (arg instanceof Instant instant) {
                    given = instant;
                }
            }
            CURRENT.set(given);
            try {
                return method.invoke(store, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                CURRENT.remove();
            }
        };
        return (TicketStore) Proxy.newProxyInstance(TicketStore.class.getClassLoader(),
                new Class<?>[] {TicketStore.class}, handler);
    }

    /** The database, each of whose connections is set, when taken, to the current operation's instant. */
    public static DataSource dataSource(DataSource database) {
        return new DataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                Connection c = database.getConnection();
                Instant now = CURRENT.get();
                try (PreparedStatement set = c.prepareStatement(
                        "SELECT set_config('boxoffice.contract_now', ?, false), set_config('search_path', ?, false)")) {
                    set.setString(1, now == null ? "" : now.toString());
                    set.setString(2, SEARCH_PATH);
                    set.execute();
                }
                return c;
            }

            @Override
            public Connection getConnection(String user, String password) throws SQLException {
                throw new SQLFeatureNotSupportedException();
            }

            @Override
            public PrintWriter getLogWriter() throws SQLException {
                return database.getLogWriter();
            }

            @Override
            public void setLogWriter(PrintWriter out) throws SQLException {
                database.setLogWriter(out);
            }

            @Override
            public void setLoginTimeout(int seconds) throws SQLException {
                database.setLoginTimeout(seconds);
            }

            @Override
            public int getLoginTimeout() throws SQLException {
                return database.getLoginTimeout();
            }

            @Override
            public Logger getParentLogger() throws SQLFeatureNotSupportedException {
                return database.getParentLogger();
            }

            @Override
            public <T> T unwrap(Class<T> type) throws SQLException {
                return database.unwrap(type);
            }

            @Override
            public boolean isWrapperFor(Class<?> type) throws SQLException {
                return database.isWrapperFor(type);
            }
        };
    }
}

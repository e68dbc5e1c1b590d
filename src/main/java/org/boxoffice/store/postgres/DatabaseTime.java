package org.boxoffice.store.postgres;

import static org.boxoffice.store.postgres.Jdbc.getInstant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The instant by which hold expiry is judged: the database's clock in service, so that instances with
 * skewed clocks agree; the instant each caller passes in tests, which move time themselves.
 */
final class DatabaseTime {

    private final boolean databaseClock;

    DatabaseTime(boolean databaseClock) {
        this.databaseClock = databaseClock;
    }

    /** The instant that counts now, in microseconds, as PostgreSQL stores it. */
    Instant now(Connection c, Instant given) throws SQLException {
        if (!databaseClock) {
            return given.truncatedTo(ChronoUnit.MICROS);
        }
        try (PreparedStatement select = c.prepareStatement("SELECT clock_timestamp()");
                ResultSet row = select.executeQuery()) {
            row.next();
            return getInstant(row, "clock_timestamp");
        }
    }

    /** SQL for the instant that counts, inside a statement: the parameter {@code :name}, bound to {@link #value}. */
    String sql(String name) {
        return databaseClock ? "coalesce(:" + name + "::timestamptz, clock_timestamp())" : ":" + name + "::timestamptz";
    }

    /** The value of the parameter of {@link #sql}. */
    Instant value(Instant given) {
        return databaseClock ? null : given;
    }
}

package org.boxoffice.store.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.boxoffice.domain.StoreUnavailableException;

/**
 * Runs units of work in transactions, running again those {@link RetryPolicy} retries, and turns a database that cannot be reached into
 * {@link StoreUnavailableException}. Also reads and writes the column types the stores use.
 */
final class Jdbc {

    private final DataSource dataSource;
    private final Optional<SchemaCheck> schema;

    /** @param schema checked before any work, when the service does not migrate the schema itself */
    Jdbc(DataSource dataSource, Optional<SchemaCheck> schema) {
        this.dataSource = dataSource;
        this.schema = schema;
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    @FunctionalInterface
    interface Read<T> {
        T get() throws SQLException;
    }

    /** Runs a read inside a callback that cannot throw {@link SQLException} (a domain rule asking for data). */
    static <T> T unchecked(Read<T> read) {
        try {
            return read.get();
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /** Runs the work in one transaction: it commits if the work returns, and rolls back if it throws. */
    <T> T inTransaction(Work<T> work) {
        return retrying(connection -> {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(connection, e);
                throw e;
            }
        });
    }

    /**
     * Runs reads in one read-only transaction that sees the database as of its first statement
     * (repeatable read), so that what they read is consistent across statements.
     */
    <T> T inSnapshot(Work<T> work) {
        return retrying(connection -> {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
        });
    }

    /**
     * Runs work whose every statement commits on its own (autocommit), so each statement is all or
     * nothing by itself. When PostgreSQL aborts a statement (deadlock), the work runs again, as in
     * {@link #inTransaction}: so work may only write in one statement, or in statements each of
     * which is safe to run twice.
     */
    <T> T autoCommit(Work<T> work) {
        return retrying(work);
    }

    /** Runs the work on a pooled connection, again while {@link RetryPolicy} says so. */
    private <T> T retrying(Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                if (schema.isPresent()) {
                    schema.get().require(connection);
                }
                return work.run(connection);
            } catch (SQLException e) {
                if (!RetryPolicy.retry(e, attempt)) {
                    throw translate(e);
                }
            } catch (RetryPolicy.Conflict e) {
                if (!RetryPolicy.retry(e, attempt)) {
                    throw e.exhausted();
                }
            }
        }
    }

    private static void rollbackQuietly(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    /**
     * Connection failures (class 08), an operator shutting the server down (57P), resource exhaustion
     * (53) and pool timeouts (no SQLState) mean "try again later"; anything else is a fault of ours.
     */
    static RuntimeException translate(SQLException e) {
        String state = e.getSQLState();
        if (state == null || state.startsWith("08") || state.startsWith("57P") || state.startsWith("53")) {
            return new StoreUnavailableException("the database cannot be reached", e);
        }
        return new IllegalStateException("database failure " + state, e);
    }

    static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        statement.setObject(index, value == null ? null : OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
    }

    static Instant getInstant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static UUID getUuid(ResultSet row, String column) throws SQLException {
        return row.getObject(column, UUID.class);
    }

    static int[] getInts(ResultSet row, String column) throws SQLException {
        Integer[] boxed = (Integer[]) row.getArray(column).getArray();
        int[] values = new int[boxed.length];
        for (int i = 0; i < boxed.length; i++) {
            values[i] = boxed[i];
        }
        return values;
    }

    /** A {@code bigint[]} column, or null. */
    static long[] getLongs(ResultSet row, String column) throws SQLException {
        java.sql.Array array = row.getArray(column);
        if (array == null) {
            return null;
        }
        Long[] boxed = (Long[]) array.getArray();
        long[] values = new long[boxed.length];
        for (int i = 0; i < boxed.length; i++) {
            values[i] = boxed[i];
        }
        return values;
    }

    static java.sql.Array longArray(Connection connection, long[] values) throws SQLException {
        Long[] boxed = new Long[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return connection.createArrayOf("bigint", boxed);
    }

    static java.sql.Array intArray(Connection connection, int[] values) throws SQLException {
        Integer[] boxed = new Integer[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return connection.createArrayOf("integer", boxed);
    }

    /**
     * Takes a transaction-scoped advisory lock on {@code key} in {@code space} (the seed of its hash: 0 a
     * customer's seats of an event, 1 an event's best-available choices, 2 an organizer's events, 3 an
     * owner's webhooks), held until the transaction ends.
     */
    static void lockUntilCommit(Connection c, String key, int space) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, ?))")) {
            lock.setString(1, key);
            lock.setLong(2, space);
            lock.execute();
        }
    }
}

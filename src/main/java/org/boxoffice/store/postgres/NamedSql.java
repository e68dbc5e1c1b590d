package org.boxoffice.store.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;

/**
 * A statement written with {@code :name} parameters, compiled once to JDBC's {@code ?} positions, so that
 * statements read as SQL and are bound by name instead of by counted positions. A name may appear more than
 * once (each position gets the value). {@code ::casts}, quoted strings and identifiers, and comments are left
 * alone. Binding an unknown name, or running with a name unbound, fails at once.
 */
final class NamedSql {

    private final String text;
    private final String sql;
    /** The name of each {@code ?}, in order. */
    private final List<String> positions;
    private final Set<String> names;

    private NamedSql(String text, String sql, List<String> positions) {
        this.text = text;
        this.sql = sql;
        this.positions = List.copyOf(positions);
        this.names = Set.copyOf(positions);
    }

    static NamedSql of(String text) {
        StringBuilder sql = new StringBuilder(text.length());
        List<String> positions = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char ch = text.charAt(i);
            int end;
            if (ch == '\'' || ch == '"') {
                end = closing(text, i, ch);
            } else if (text.startsWith("--", i)) {
                int newline = text.indexOf('\n', i);
                end = newline < 0 ? text.length() : newline;
            } else if (text.startsWith("/*", i)) {
                int close = text.indexOf("*/", i + 2);
                end = close < 0 ? text.length() : close + 2;
            } else if (text.startsWith("::", i)) {
                end = i + 2;
            } else if (ch == ':' && i + 1 < text.length() && isNameStart(text.charAt(i + 1))) {
                end = i + 2;
                while (end < text.length() && isNamePart(text.charAt(end))) {
                    end++;
                }
                positions.add(text.substring(i + 1, end));
                sql.append('?');
                i = end;
                continue;
            } else {
                end = i + 1;
            }
            sql.append(text, i, end);
            i = end;
        }
        return new NamedSql(text, sql.toString(), positions);
    }

    /** Where the quoted run that opens at {@code start} ends: past its closing quote (doubled quotes stay inside). */
    private static int closing(String text, int start, char quote) {
        int i = start + 1;
        while (i < text.length()) {
            if (text.charAt(i) == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return text.length();
    }

    private static boolean isNameStart(char ch) {
        return Character.isLetter(ch) || ch == '_';
    }

    private static boolean isNamePart(char ch) {
        return isNameStart(ch) || Character.isDigit(ch);
    }

    /** The statement as JDBC takes it, with {@code ?} in place of each name. */
    String sql() {
        return sql;
    }

    /** The names, one per {@code ?} of {@link #sql}, in order. */
    List<String> positions() {
        return positions;
    }

    @Override
    public String toString() {
        return text;
    }

    Statement prepare(Connection c) throws SQLException {
        return new Statement(c, c.prepareStatement(sql));
    }

    /** A prepared statement of a {@link NamedSql}, bound by name. */
    final class Statement implements AutoCloseable {

        private final Connection connection;
        private final PreparedStatement statement;
        private final BitSet bound = new BitSet();

        private Statement(Connection connection, PreparedStatement statement) {
            this.connection = connection;
            this.statement = statement;
        }

        /**
         * Binds every position of {@code name}: an {@link Instant} as a timestamp with time zone, an
         * {@code int[]} as {@code integer[]}, a {@code long[]} as {@code bigint[]}, a {@code String[]} as
         * {@code text[]}, a {@code UUID[]} as {@code uuid[]}, anything else as the driver maps it (null untyped).
         */
        Statement set(String name, Object value) throws SQLException {
            Object converted = value;
            if (value instanceof Instant instant) {
                converted = OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
            } else if (value instanceof int[] ints) {
                converted = Jdbc.intArray(connection, ints);
            } else if (value instanceof long[] longs) {
                converted = Jdbc.longArray(connection, longs);
            } else if (value instanceof String[] texts) {
                converted = connection.createArrayOf("text", texts);
            } else if (value instanceof java.util.UUID[] ids) {
                converted = connection.createArrayOf("uuid", ids);
            }
            for (int position : positionsOf(name)) {
                statement.setObject(position, converted);
            }
            return this;
        }

        /** Binds a string, typed {@code varchar} even when null. */
        Statement set(String name, String value) throws SQLException {
            for (int position : positionsOf(name)) {
                statement.setString(position, value);
            }
            return this;
        }

        private List<Integer> positionsOf(String name) {
            if (!names.contains(name)) {
                throw new IllegalArgumentException("no parameter :" + name + " in " + text);
            }
            List<Integer> found = new ArrayList<>();
            for (int i = 0; i < positions.size(); i++) {
                if (positions.get(i).equals(name)) {
                    found.add(i + 1);
                    bound.set(i);
                }
            }
            return found;
        }

        Statement fetchSize(int rows) throws SQLException {
            statement.setFetchSize(rows);
            return this;
        }

        ResultSet executeQuery() throws SQLException {
            requireBound();
            return statement.executeQuery();
        }

        int executeUpdate() throws SQLException {
            requireBound();
            return statement.executeUpdate();
        }

        boolean execute() throws SQLException {
            requireBound();
            return statement.execute();
        }

        /** The first column of the one row the statement reads, as an int. */
        int queryInt() throws SQLException {
            try (ResultSet row = executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }

        private void requireBound() {
            int unbound = bound.nextClearBit(0);
            if (unbound < positions.size()) {
                throw new IllegalStateException("parameter :" + positions.get(unbound) + " is not bound in " + text);
            }
        }

        @Override
        public void close() throws SQLException {
            statement.close();
        }
    }
}

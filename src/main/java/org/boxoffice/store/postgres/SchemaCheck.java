package org.boxoffice.store.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.boxoffice.domain.SchemaBehindException;

/**
 * Makes sure the database's schema is the one this service was built for, when the service does not
 * migrate it itself at start (serverless: migrating is a deploy step, {@code migrate}, so that
 * hundreds of instances starting at once do not all run Flyway). One cheap query until the schema is
 * found current, none after; while it is behind, every use of the store is refused with
 * {@link SchemaBehindException} and asked again, so the service recovers once {@code migrate} has run.
 */
public final class SchemaCheck {

    /**
     * The schema version this code needs: the highest {@code V<n>__} in {@code db/migration}. A test
     * keeps the two equal.
     */
    public static final int REQUIRED_VERSION = 15;

    /** PostgreSQL's "undefined table": no migration has ever run on this database. */
    private static final String UNDEFINED_TABLE = "42P01";

    private volatile boolean current;

    /** Throws {@link SchemaBehindException} unless the schema is (found to be) current. */
    void require(Connection c) throws SQLException {
        if (current) {
            return;
        }
        int found = version(c);
        if (found < REQUIRED_VERSION) {
            throw new SchemaBehindException(found, REQUIRED_VERSION);
        }
        current = true;
    }

    /**
     * The schema version of the database behind {@code dataSource}, for readiness: one query.
     *
     * @throws SQLException if the database cannot be reached
     */
    public static int version(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return version(c);
        }
    }

    private static int version(Connection c) throws SQLException {
        // A failed statement would abort a surrounding transaction; this runs before any begins.
        try (PreparedStatement select = c.prepareStatement("SELECT coalesce(max(version::integer), 0)"
                + " FROM flyway_schema_history WHERE success AND version IS NOT NULL");
                ResultSet row = select.executeQuery()) {
            row.next();
            return row.getInt(1);
        } catch (SQLException e) {
            if (UNDEFINED_TABLE.equals(e.getSQLState())) {
                return 0;
            }
            throw e;
        }
    }
}

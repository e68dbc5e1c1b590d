package org.boxoffice.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.boxoffice.domain.TicketStore;
import org.boxoffice.store.TicketStoreContract;
import org.boxoffice.testing.PgBouncer;
import org.boxoffice.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;

/**
 * The store contract through PgBouncer in transaction-pooling mode, with the pgjdbc settings the
 * service ships ({@code quarkus.datasource.jdbc.additional-jdbc-properties.*}) and nothing else: what a
 * deployment behind a pooler (RDS Proxy) runs, with only its JDBC URL changed.
 */
class PgBouncerTicketStoreTest extends TicketStoreContract {

    private static final String SHIPPED = "quarkus.datasource.jdbc.additional-jdbc-properties.";

    @Override
    protected TicketStore newStore() {
        TestDatabase database = TestDatabase.get();
        database.truncate();
        return new PostgresTicketStore(database.pool(PgBouncer.get().jdbcUrl(), shippedJdbcProperties()), false);
    }

    @AfterAll
    static void pgBouncerSawNoPreparedStatementError() throws IOException {
        assertThat(PgBouncer.get().log()).doesNotContainIgnoringCase("prepared statement");
    }

    /** The pgjdbc properties of src/main/resources/application.properties. */
    static Map<String, String> shippedJdbcProperties() {
        Properties properties = new Properties();
        try (InputStream in = PgBouncerTicketStoreTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.stringPropertyNames().stream().filter(key -> key.startsWith(SHIPPED))
                .collect(Collectors.toMap(key -> key.substring(SHIPPED.length()), properties::getProperty));
    }
}

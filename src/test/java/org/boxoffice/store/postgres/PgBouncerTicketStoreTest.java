package org.boxoffice.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.boxoffice.domain.EventId;
import org.boxoffice.domain.Notification;
import org.boxoffice.domain.TicketStore;
import org.boxoffice.store.TicketStoreContract;
import org.boxoffice.testing.PgBouncer;
import org.boxoffice.testing.StoreRules;
import org.boxoffice.testing.TestDatabase;
import org.boxoffice.testing.TestPayloads;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

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
        return new PostgresTicketStore(database.pool(PgBouncer.get().jdbcUrl(), shippedJdbcProperties()), false,
                TestPayloads.json(), StoreRules.waitingList());
    }

    @Test
    void theStoreRunsWithTheShippedPoolerSafeSetting() {
        assertThat(shippedJdbcProperties()).containsEntry("prepareThreshold", "0");
    }

    @AfterAll
    static void pgBouncerSawNoPreparedStatementError() throws IOException {
        assertThat(PgBouncer.get().log()).doesNotContainIgnoringCase("prepared statement");
    }

    /** The pgjdbc properties of src/main/resources/application.properties, with their defaults. */
    static Map<String, String> shippedJdbcProperties() {
        SmallRyeConfig config;
        try {
            config = new SmallRyeConfigBuilder().addDefaultInterceptors().withSources(new PropertiesConfigSource(
                    PgBouncerTicketStoreTest.class.getResource("/application.properties"), 100)).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> properties = new HashMap<>();
        for (String key : config.getPropertyNames()) {
            if (key.startsWith(SHIPPED)) {
                properties.put(key.substring(SHIPPED.length()), config.getValue(key, String.class));
            }
        }
        return properties;
    }

    @Override
    protected List<Notification> notifications(EventId id) {
        return OutboxRows.of(id);
    }
}

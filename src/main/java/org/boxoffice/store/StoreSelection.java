package org.boxoffice.store;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import java.util.Optional;
import javax.sql.DataSource;
import org.boxoffice.domain.IdempotencyStore;
import org.boxoffice.domain.Notices;
import org.boxoffice.domain.TicketStore;
import org.boxoffice.domain.WaitingList;
import org.boxoffice.domain.webhooks.WebhookStore;
import org.boxoffice.security.SecretBox;
import org.boxoffice.store.memory.InMemoryIdempotencyStore;
import org.boxoffice.store.memory.InMemoryTicketStore;
import org.boxoffice.store.memory.InMemoryWebhookStore;
import org.boxoffice.store.postgres.PostgresIdempotencyStore;
import org.boxoffice.store.postgres.PostgresTicketStore;
import org.boxoffice.store.postgres.PostgresWebhookStore;
import org.boxoffice.store.postgres.SchemaCheck;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Chooses the stores by {@code boxoffice.store} when the service starts, so one build serves both
 * (the setting is checked against the allowed values by {@code BoxOfficeConfig}). The datasource is
 * touched only when PostgreSQL is chosen.
 */
@ApplicationScoped
public class StoreSelection {

    static final String POSTGRES = "postgres";
    private static final Logger LOG = Logger.getLogger(StoreSelection.class);

    private final boolean postgres;
    private final Optional<SchemaCheck> schema;
    private final Optional<String> jdbcUrl;
    private final Instance<DataSource> dataSource;
    private final Instance<InMemoryTicketStore> memoryTickets;
    private final Instance<InMemoryIdempotencyStore> memoryKeys;
    private final Instance<InMemoryWebhookStore> memoryWebhooks;
    private final Notices.Payloads payloads;
    private final WaitingList waitingList;
    /** Made when the PostgreSQL store is: its own start check names a missing key after the others. */
    private final Instance<SecretBox> secretBox;

    public StoreSelection(@ConfigProperty(name = "boxoffice.store") String store,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> jdbcUrl,
            @ConfigProperty(name = "quarkus.flyway.migrate-at-start") boolean migrateAtStart,
            Instance<DataSource> dataSource, Instance<InMemoryTicketStore> memoryTickets,
            Instance<InMemoryIdempotencyStore> memoryKeys, Instance<InMemoryWebhookStore> memoryWebhooks,
            Notices.Payloads payloads, WaitingList waitingList, Instance<SecretBox> secretBox) {
        this.postgres = POSTGRES.equals(store);
        this.schema = postgres && !migrateAtStart ? Optional.of(new SchemaCheck()) : Optional.empty();
        this.jdbcUrl = jdbcUrl;
        this.dataSource = dataSource;
        this.memoryTickets = memoryTickets;
        this.memoryKeys = memoryKeys;
        this.memoryWebhooks = memoryWebhooks;
        this.payloads = payloads;
        this.waitingList = waitingList;
        this.secretBox = secretBox;
    }

    /**
     * Fails start-up, naming the missing setting in one line (a {@link ConfigurationException}), rather
     * than the first booking; and warns loudly when
     * a serverless function keeps tickets in its own memory.
     */
    void checkSettings(@Observes StartupEvent started) {
        if (!postgres && System.getenv("AWS_LAMBDA_FUNCTION_NAME") != null) {
            LOG.warn("*** boxoffice.store=memory ON AWS LAMBDA: every execution environment keeps its own"
                    + " tickets. Seats WILL be sold twice across environments and bookings WILL vanish when an"
                    + " environment is recycled. Use this for a demo only; set BOXOFFICE_STORE=postgres. ***");
        }
        if (postgres && jdbcUrl.filter(url -> !url.isBlank()).isEmpty()) {
            throw new ConfigurationException("boxoffice.store=postgres needs quarkus.datasource.jdbc.url"
                    + " (environment: QUARKUS_DATASOURCE_JDBC_URL), e.g. jdbc:postgresql://host:5432/boxoffice");
        }
    }

    DataSource dataSource() {
        return dataSource.get();
    }

    @Produces
    @ApplicationScoped
    TicketStore ticketStore() {
        return postgres ? new PostgresTicketStore(dataSource.get(), true, schema, payloads, waitingList) : memoryTickets.get();
    }

    @Produces
    @ApplicationScoped
    IdempotencyStore idempotencyStore() {
        return postgres ? new PostgresIdempotencyStore(dataSource.get(), schema) : memoryKeys.get();
    }

    @Produces
    @ApplicationScoped
    WebhookStore webhookStore() {
        return postgres ? new PostgresWebhookStore(dataSource.get(), schema, secretBox.get()) : memoryWebhooks.get();
    }
}

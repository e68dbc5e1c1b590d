package org.boxoffice.store.postgres;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

/**
 * Flyway holds its PostgreSQL advisory lock for its session instead of inside a transaction of its own:
 * a {@code CREATE INDEX CONCURRENTLY} waits for every older transaction to end, Flyway's lock transaction
 * among them, and would wait for ever (or until its {@code lock_timeout}). A session lock needs one server
 * connection for the whole migration: migrate directly or through RDS Proxy (which pins the session), never
 * through a transaction pooler such as PgBouncer's transaction mode.
 */
@Singleton
public class FlywaySessionLock implements FlywayConfigurationCustomizer {

    @Override
    public void customize(FluentConfiguration configuration) {
        configuration.getPluginRegister().getExact(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
    }
}

package org.boxoffice.store;

import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import org.boxoffice.store.postgres.SchemaCheck;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the PostgreSQL store, in one query: DOWN while the database cannot be reached, or while
 * its schema is older than this service needs (naming the {@code migrate} step); UP otherwise. It
 * stands in for the datasource's own check, switched off at build time
 * ({@code quarkus.datasource.health.enabled=false}), so that one build reports a database check only
 * when it has a database: with {@code boxoffice.store=memory} this check does not exist.
 */
@Readiness
@ApplicationScoped
@LookupIfProperty(name = "boxoffice.store", stringValue = StoreSelection.POSTGRES)
public class DatabaseReadiness implements HealthCheck {

    private final StoreSelection stores;

    public DatabaseReadiness(StoreSelection stores) {
        this.stores = stores;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("Database");
        try {
            int found = SchemaCheck.version(stores.dataSource());
            response.withData("schema_version", found).withData("required", SchemaCheck.REQUIRED_VERSION);
            return found >= SchemaCheck.REQUIRED_VERSION ? response.up().build()
                    : response.down().withData("action", "run the migrate step:"
                            + " java -jar quarkus-run.jar migrate").build();
        } catch (SQLException e) {
            return response.down().withData("error", "the database cannot be reached").build();
        }
    }
}

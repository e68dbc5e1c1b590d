package org.boxoffice.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import org.boxoffice.store.postgres.SchemaCheck;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness says DOWN, naming the {@code migrate} step, while the database's schema is older than this
 * service needs; UP when it is current or when the service migrates it itself at start.
 */
@Readiness
@ApplicationScoped
public class SchemaReadiness implements HealthCheck {

    private final StoreSelection stores;

    public SchemaReadiness(StoreSelection stores) {
        this.stores = stores;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("Database schema");
        if (stores.schemaCheck().isEmpty()) {
            return response.up().withData("migrated", "at start").build();
        }
        try {
            int found = stores.schemaCheck().get().version(stores.dataSource());
            response.withData("version", found).withData("required", SchemaCheck.REQUIRED_VERSION);
            return found >= SchemaCheck.REQUIRED_VERSION ? response.up().build()
                    : response.down().withData("action", "run the migrate step:"
                            + " java -jar quarkus-run.jar migrate").build();
        } catch (SQLException e) {
            // The datasource's own check reports an unreachable database.
            return response.down().withData("error", "the database cannot be reached").build();
        }
    }
}

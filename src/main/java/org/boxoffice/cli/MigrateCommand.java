package org.boxoffice.cli;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Instance;
import java.io.PrintStream;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * {@code migrate}: applies the schema migrations to the database of {@code quarkus.datasource.*} and
 * exits, as a deploy step. Serverless instances do not migrate at start (hundreds may start at once);
 * they wait, answering 503, until this has run. Safe to run again: a current schema is left as it is,
 * and concurrent runs are serialized by Flyway's lock on its history table.
 */
@Dependent
public class MigrateCommand {

    static final String NAME = "migrate";

    private final Optional<String> jdbcUrl;
    private final Instance<Flyway> flyway;
    private final PrintStream out = System.out;

    public MigrateCommand(@ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> jdbcUrl,
            Instance<Flyway> flyway) {
        this.jdbcUrl = jdbcUrl;
        this.flyway = flyway;
    }

    /** 0 when the schema is current afterwards; 1 when no database is configured. */
    int run() {
        if (jdbcUrl.filter(url -> !url.isBlank()).isEmpty()) {
            System.err.println("migrate needs the database: set quarkus.datasource.jdbc.url"
                    + " (environment: QUARKUS_DATASOURCE_JDBC_URL) and its username and password");
            return 1;
        }
        MigrateResult result = flyway.get().migrate();
        MigrationVersion now = flyway.get().info().current().getVersion();
        out.println(result.migrationsExecuted == 0
                ? "The schema is current at version " + now + "; nothing to migrate."
                : "Migrated the schema from version " + Optional.ofNullable(result.initialSchemaVersion).orElse("0")
                        + " to " + now + " (" + result.migrationsExecuted + " migrations).");
        return 0;
    }
}

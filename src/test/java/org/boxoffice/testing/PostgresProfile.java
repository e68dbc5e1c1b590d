package org.boxoffice.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Runs a {@code @QuarkusTest} on the PostgreSQL store, against the run's {@link TestDatabase}. */
public class PostgresProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        TestDatabase database = TestDatabase.get();
        return Map.of(
                "boxoffice.store", "postgres",
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", database.user(),
                "quarkus.datasource.password", database.password());
    }
}

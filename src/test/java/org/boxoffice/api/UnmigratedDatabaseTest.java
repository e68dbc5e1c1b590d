package org.boxoffice.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.api.ApiFixtures.assertProblem;
import static org.boxoffice.api.ApiFixtures.eventBody;
import static org.boxoffice.api.ApiFixtures.postJson;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.boxoffice.testing.TestDatabase;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A serverless instance ({@code quarkus.flyway.migrate-at-start=false}) on a database nobody has
 * migrated yet: it starts without touching the schema, answers 503 naming the migrate step and reports
 * readiness DOWN, then serves as soon as the schema is migrated, without a restart.
 */
@QuarkusTest
@TestProfile(UnmigratedDatabaseTest.EmptyDatabase.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UnmigratedDatabaseTest {

    static final String URL = TestDatabase.get().createEmptyDatabase();

    public static class EmptyDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "boxoffice.store", "postgres",
                    "quarkus.datasource.jdbc.url", URL,
                    "quarkus.datasource.username", TestDatabase.get().user(),
                    "quarkus.datasource.password", TestDatabase.get().password(),
                    "quarkus.flyway.migrate-at-start", "false");
        }
    }

    @Test
    @Order(1)
    void startingRunsNoMigrationAndRequestsAnswer503NamingTheMigrateStep() throws SQLException {
        assertThat(tableExists("flyway_schema_history")).as("Flyway ran at start").isFalse();

        assertProblem(postJson("/events", eventBody(10)), 503)
                .header("Retry-After", "60")
                .body("type", equalTo("urn:boxoffice:problem:schema-not-migrated"))
                .body("detail", containsString("java -jar quarkus-run.jar migrate"));
        assertProblem(given().get("/events/" + UUID.randomUUID()).then(), 503)
                .body("type", equalTo("urn:boxoffice:problem:schema-not-migrated"));
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.name", hasItem("Database"))
                .body("checks.find { it.name == 'Database' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'Database' }.data.schema_version", equalTo(0));

        assertThat(tableExists("flyway_schema_history")).as("a request migrated the schema").isFalse();
        assertThat(tableExists("events")).isFalse();
    }

    @Test
    @Order(2)
    void onceMigratedTheSameInstanceServes() {
        TestDatabase.get().migrate(URL);

        given().get("/q/health/ready").then().statusCode(200);
        postJson("/events", eventBody(10)).statusCode(201);
    }

    private static boolean tableExists(String table) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, TestDatabase.get().user(), TestDatabase.get().password());
                ResultSet found = c.getMetaData().getTables(null, "public", table, null)) {
            return found.next();
        }
    }
}

package org.boxoffice.api;

import static io.restassured.RestAssured.given;
import static org.boxoffice.api.ApiFixtures.assertProblem;
import static org.boxoffice.api.ApiFixtures.eventBody;
import static org.boxoffice.api.ApiFixtures.postJson;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** With the database unreachable, every request answers 503 problem+json with Retry-After. */
@QuarkusTest
@TestProfile(DatabaseOutageTest.UnreachableDatabase.class)
class DatabaseOutageTest {

    public static class UnreachableDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "boxoffice.store", "postgres",
                    "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + closedPort() + "/boxoffice",
                    "quarkus.datasource.username", "postgres",
                    "quarkus.datasource.jdbc.acquisition-timeout", "1S",
                    "quarkus.flyway.migrate-at-start", "false");
        }

        private static int closedPort() {
            try (ServerSocket probe = new ServerSocket(0)) {
                return probe.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void writesAndReadsAnswer503WithRetryAfter() {
        assertProblem(postJson("/events", eventBody(10)), 503)
                .header("Retry-After", "5")
                .body("type", equalTo("urn:boxoffice:problem:store-unavailable"));
        assertProblem(given().get("/events/" + UUID.randomUUID() + "/seats").then(), 503).header("Retry-After", "5");
        assertProblem(given().get("/bookings").then(), 503);
    }

    @Test
    void readinessReportsTheDatabaseDown() {
        given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        given().get("/q/health/live").then().statusCode(200);
    }
}

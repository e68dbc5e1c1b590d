package org.boxoffice.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.api.ApiFixtures.assertProblem;
import static org.boxoffice.api.ApiFixtures.book;
import static org.boxoffice.api.ApiFixtures.bookingBody;
import static org.boxoffice.api.ApiFixtures.confirm;
import static org.boxoffice.api.ApiFixtures.counts;
import static org.boxoffice.api.ApiFixtures.createEvent;
import static org.boxoffice.api.ApiFixtures.hold;
import static org.boxoffice.api.ApiFixtures.holdBest;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.vertx.core.Context;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.boxoffice.testing.PostgresProfile;
import org.flywaydb.core.Flyway;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.junit.jupiter.api.Test;

/** The service wired to the PostgreSQL store: the lifecycle, idempotency and health through HTTP. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PostgresServiceTest {

    @Inject
    Dispatch dispatch;

    @Inject
    Flyway flyway;

    /** A concurrent index build waits for every older transaction: Flyway's lock must not be one (FlywaySessionLock). */
    @Test
    void flywayHoldsItsLockForTheSessionNotInATransaction() {
        assertThat(flyway.getConfiguration().getPluginRegister().getExact(PostgreSQLConfigurationExtension.class)
                .isTransactionalLock()).isFalse();
    }

    /** JDBC blocks: the work of a request must leave the event loop for a worker thread. */
    @Test
    void databaseWorkRunsOnAWorkerThread() {
        Thread asking = Thread.currentThread();
        Thread ran = dispatch.forCaller(caller -> Context.isOnWorkerThread() ? Thread.currentThread() : null)
                .await().atMost(Duration.ofSeconds(10));
        assertThat(ran).isNotNull().isNotSameAs(asking);
    }

    @Test
    void readinessIncludesTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database"));
    }

    @Test
    void aProblemAnsweredFromTheDatabasePathCarriesTheRequestId() {
        String eventId = createEvent(5);
        book(eventId, 1).statusCode(201);
        given().header("X-Request-Id", "pg-trace-9").contentType(ContentType.JSON).body(bookingBody(eventId, 1))
                .post("/bookings").then().statusCode(409)
                .header("X-Request-Id", "pg-trace-9").body("request_id", equalTo("pg-trace-9"));
    }

    @Test
    void holdConfirmCancelKeepTheCountsRight() {
        String eventId = createEvent(10);
        book(eventId, 1).statusCode(201);
        assertProblem(book(eventId, 1, 2), 409).body("unavailable_seats", equalTo(List.of(1)));
        String holdId = holdBest(eventId, 2).statusCode(201).body("seats", equalTo(List.of(2, 3)))
                .extract().path("hold_id");
        assertThat(counts(eventId)).containsEntry("booked_seats", 1).containsEntry("held_seats", 2);

        String bookingId = confirm(holdId).statusCode(201).extract().path("booking_id");
        assertProblem(confirm(holdId), 409).body("type", equalTo("urn:boxoffice:problem:hold-confirmed"));
        assertThat(counts(eventId)).containsEntry("booked_seats", 3).containsEntry("held_seats", 0);

        given().post("/bookings/" + bookingId + "/cancel").then().statusCode(200).body("status", equalTo("cancelled"));
        String released = hold(eventId, 5).statusCode(201).extract().path("hold_id");
        given().delete("/holds/" + released).then().statusCode(200).body("status", equalTo("released"));
        assertThat(counts(eventId)).containsEntry("booked_seats", 1).containsEntry("available_seats", 9);
        given().get("/events/" + eventId + "/seats/available").then()
                .body("ranges", equalTo(List.of(List.of(2, 10))));
    }

    @Test
    void anIdempotentRetryReplaysFromTheDatabase() {
        String eventId = createEvent(10);
        String key = "pg-" + UUID.randomUUID();

        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(bookingBody(eventId, 4)).post("/bookings").then().statusCode(201).extract().path("booking_id");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(bookingBody(eventId, 4))
                .post("/bookings").then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("booking_id", equalTo(first));
        assertProblem(given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(bookingBody(eventId, 5)).post("/bookings").then(), 422);
        assertThat(counts(eventId)).containsEntry("booked_seats", 1);
    }
}

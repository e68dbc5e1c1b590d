package org.boxoffice.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.api.ApiFixtures.assertProblem;
import static org.boxoffice.api.ApiFixtures.bookingBody;
import static org.boxoffice.api.ApiFixtures.counts;
import static org.boxoffice.api.ApiFixtures.createEvent;
import static org.boxoffice.api.ApiFixtures.eventBody;
import static org.hamcrest.Matchers.equalTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.doAnswer;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.mockito.InjectSpy;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.boxoffice.store.memory.InMemoryTicketStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdempotencyTest {

    @InjectSpy
    InMemoryTicketStore store;

    private static String newKey() {
        return "key-" + UUID.randomUUID();
    }

    private static ValidatableResponse post(String path, String key, Object body) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post(path).then();
    }

    @Test
    void retryingACreatedEventReplaysTheFirstAnswerAndCreatesNothingMore() {
        String key = newKey();
        Map<String, Object> body = eventBody(10);
        body.put("venue", "Idempotent Hall " + key);

        ExtractableResponse<Response> first = post("/events", key, body).statusCode(201).extract();
        ExtractableResponse<Response> retry = post("/events", key, body).statusCode(201)
                .contentType(ContentType.JSON).extract();

        assertThat(retry.<String>path("event_id")).isEqualTo(first.path("event_id"));
        assertThat(retry.asString()).isEqualTo(first.asString());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        given().queryParam("venue", body.get("venue")).get("/events").then()
                .body("items.size()", equalTo(1));
    }

    @Test
    void retryingABookingReplaysTheSameBookingAndBooksOnce() {
        String eventId = createEvent(10);
        String key = newKey();

        String first = post("/bookings", key, bookingBody(eventId, 1, 2)).statusCode(201).extract().path("booking_id");
        String again = post("/bookings", key, bookingBody(eventId, 1, 2)).statusCode(201).extract().path("booking_id");

        assertThat(again).isEqualTo(first);
        assertThat(counts(eventId)).containsEntry("booked_seats", 2);
    }

    @Test
    void retryingAHoldAndACancellationReplaysThem() {
        String eventId = createEvent(10);
        String holdKey = newKey();
        Map<String, Object> holdBody = Map.of("event_id", eventId, "quantity", 2);

        String hold = post("/holds", holdKey, holdBody).statusCode(201).extract().path("hold_id");
        assertThat(post("/holds", holdKey, holdBody).statusCode(201).extract().<String>path("hold_id")).isEqualTo(hold);
        assertThat(counts(eventId)).containsEntry("held_seats", 2);

        String booking = post("/bookings", newKey(), Map.of("hold_id", hold)).statusCode(201).extract()
                .path("booking_id");
        String cancelKey = newKey();
        String cancelled = given().header("Idempotency-Key", cancelKey).post("/bookings/" + booking + "/cancel")
                .then().statusCode(200).extract().asString();
        given().header("Idempotency-Key", cancelKey).post("/bookings/" + booking + "/cancel")
                .then().statusCode(200).header("Idempotent-Replayed", "true").body(equalTo(cancelled));
    }

    @Test
    void theSameKeyWithADifferentBodyAnswers422AndChangesNothing() {
        String eventId = createEvent(10);
        String key = newKey();
        post("/bookings", key, bookingBody(eventId, 1)).statusCode(201);

        assertProblem(post("/bookings", key, bookingBody(eventId, 2)), 422)
                .body("type", equalTo("urn:boxoffice:problem:idempotency-key-reused"));
        assertProblem(post("/holds", key, Map.of("event_id", eventId, "seats", List.of(1))), 422);
        assertThat(counts(eventId)).containsEntry("booked_seats", 1).containsEntry("held_seats", 0);
    }

    @Test
    void aRequestRefusedAsInvalidIsNotRemembered() {
        String eventId = createEvent(10);
        String key = newKey();

        assertProblem(post("/bookings", key, bookingBody(eventId, 11)), 400);
        assertProblem(post("/bookings", key, bookingBody(eventId)), 400);

        post("/bookings", key, bookingBody(eventId, 3)).statusCode(201);
    }

    @Test
    void aKeyThatIsNotVisibleAsciiOrTooLongIsRefused() {
        String eventId = createEvent(10);

        assertProblem(post("/bookings", "x".repeat(256), bookingBody(eventId, 1)), 400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
        assertThat(counts(eventId)).containsEntry("booked_seats", 0);
    }

    @Test
    @Tag("needs-http-server")
    void aRetryWhileTheFirstRequestIsStillRunningAnswers409ThenReplays() throws Exception {
        String eventId = createEvent(10);
        String key = newKey();
        CountDownLatch firstIsInside = new CountDownLatch(1);
        CountDownLatch letFirstFinish = new CountDownLatch(1);
        doAnswer(invocation -> {
            firstIsInside.countDown();
            assertThat(letFirstFinish.await(30, TimeUnit.SECONDS)).isTrue();
            return invocation.callRealMethod();
        }).when(store).addBooking(any(), anyInt());

        CompletableFuture<String> first = CompletableFuture.supplyAsync(() ->
                post("/bookings", key, bookingBody(eventId, 4)).statusCode(201).extract().path("booking_id"));
        assertThat(firstIsInside.await(30, TimeUnit.SECONDS)).isTrue();

        assertProblem(post("/bookings", key, bookingBody(eventId, 4)), 409)
                .body("type", equalTo("urn:boxoffice:problem:idempotency-key-in-flight"));

        letFirstFinish.countDown();
        String booked = first.get(30, TimeUnit.SECONDS);
        assertThat(post("/bookings", key, bookingBody(eventId, 4)).statusCode(201).extract().<String>path("booking_id"))
                .isEqualTo(booked);
        assertThat(counts(eventId)).containsEntry("booked_seats", 1);
    }

    @Test
    void concurrentRequestsWithOneKeyProduceExactlyOneBooking() throws Exception {
        String eventId = createEvent(10);
        String key = newKey();
        int clients = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<ExtractableResponse<Response>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return post("/bookings", key, bookingBody(eventId, 7, 8)).extract();
                }));
            }
            start.countDown();
            List<String> bookingIds = new ArrayList<>();
            for (Future<ExtractableResponse<Response>> answer : answers) {
                ExtractableResponse<Response> response = answer.get(1, TimeUnit.MINUTES);
                assertThat(response.statusCode()).isIn(201, 409);
                if (response.statusCode() == 201) {
                    bookingIds.add(response.path("booking_id"));
                } else {
                    assertThat(response.<String>path("type")).isEqualTo("urn:boxoffice:problem:idempotency-key-in-flight");
                }
            }
            assertThat(bookingIds).isNotEmpty();
            assertThat(bookingIds).containsOnly(bookingIds.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(counts(eventId)).containsEntry("booked_seats", 2);
    }
}

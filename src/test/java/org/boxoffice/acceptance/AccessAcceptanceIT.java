package org.boxoffice.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.boxoffice.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Who may do what, with authentication on as it is by default: bearer tokens verified against the key
 * file, roles from their groups, others' bookings invisible, each caller's rate limit; the schedule
 * event and the probes need no token.
 */
class AccessAcceptanceIT extends AcceptanceTest {

    @Test
    void withoutAValidTokenNothingIsAnswered() {
        assertProblem(anonymous().get("/events").then(), 401).header("WWW-Authenticate", containsString("Bearer"));
        for (String token : List.of(Tokens.expired("mallory", "admin"), Tokens.signedByAnotherKey("mallory", "admin"),
                Tokens.fromAnotherIssuer("mallory", "admin"), "not-a-jwt")) {
            assertProblem(anonymous().header("Authorization", "Bearer " + token).get("/events").then(), 401);
        }
    }

    @Test
    void rolesDecideAndOthersBookingsDoNotExist() {
        Caller customer = customer();
        assertProblem(customer.post("/events", eventBody(5)), 403);
        String eventId = createEvent(organizer(), 5);
        String bookingId = customer.post("/bookings", Map.of("event_id", eventId, "seats", List.of(1)))
                .statusCode(201).extract().path("booking_id");

        Caller other = caller("bob", "customer");
        assertProblem(other.get("/bookings/" + bookingId), 404);
        assertProblem(other.given().post("/bookings/" + bookingId + "/cancel").then(), 404);
        caller("ada", "admin").get("/bookings/" + bookingId).statusCode(200);
        customer.get("/bookings/" + bookingId).statusCode(200).body("status", equalTo("confirmed"));
    }

    @Test
    void aCallerOverTheirRateIsToldWhenToRetryAndOthersAreNotSlowed() {
        assumeTrue(DEPLOYMENT.artifact().limitsCallersItself(), "on Lambda, API Gateway's throttling limits callers");
        Caller greedy = customer();
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(DEPLOYMENT.uri("/events?limit=1"))
                .header("Authorization", "Bearer " + greedy.token()).build();
        // At once: far more than the burst (40) before the rate (20 a second) could refill it.
        List<HttpResponse<String>> answers = IntStream.range(0, 120)
                .mapToObj(i -> client.sendAsync(request, HttpResponse.BodyHandlers.ofString())).toList()
                .stream().map(CompletableFuture::join).toList();

        List<Integer> statuses = answers.stream().map(HttpResponse::statusCode).toList();
        assertThat(statuses).containsOnly(200, 429).contains(429);
        HttpResponse<String> limited = answers.stream().filter(a -> a.statusCode() == 429).findFirst().orElseThrow();
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(limited.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        customer().get("/events?limit=1").statusCode(200);
    }

    @Test
    void theScheduleEventNeedsNoToken() throws InterruptedException {
        assertThat(runScheduled().getBoolean("skipped")).isFalse();
    }

    @Test
    void theScheduleEventIsLimitedForEveryoneAtOnce() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 30 && !statuses.contains(429); i++) {
            statuses.add(anonymous().post("/scheduled").statusCode());
        }
        assertThat(statuses).as("calls from nobody in particular share one limit").contains(429);
        assertThat(statuses).containsOnly(200, 429);
    }

    @Test
    void theProbesNeedNoTokenAndCheckTheDatabaseOnlyWhenThereIsOne() {
        anonymous().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        var ready = anonymous().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        if (DEPLOYMENT.onPostgres()) {
            ready.body("checks.name", hasItem("Database"));
        } else {
            ready.body("checks.name", not(hasItem(containsString("atabase"))));
        }
    }
}

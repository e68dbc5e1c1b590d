package org.boxoffice.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Requests built to make the service work harder than their size (long lists of nulls, chunked bodies past
 * the byte limit, layouts with an error on every row) are answered quickly with a problem document, and
 * requests of other callers are answered while they are sent.
 */
class OversizedRequestsAcceptanceIT extends AcceptanceTest {

    /** Generous: each refusal takes milliseconds; before the bounds, these took from a second to minutes. */
    private static final Duration ANSWERED_WITHIN = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void longListsOfNullSeatsAreRefusedAtOnceWhileOtherRequestsAreAnswered() throws Exception {
        Caller organizer = organizer();
        String eventId = createEvent(organizer, 100);
        String fitsTheByteLimit = seatsOfNulls(eventId, 3_200);
        String chunked20k = seatsOfNulls(eventId, 20_000);
        String chunked1m = seatsOfNulls(eventId, 200_000);

        List<CompletableFuture<HttpResponse<String>>> bad = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            bad.add(send("/bookings", fitsTheByteLimit, false));
            bad.add(send("/holds", fitsTheByteLimit, false));
            bad.add(send("/bookings", chunked20k, true));
            bad.add(send("/bookings", chunked1m, true));
            bad.add(send("/holds", chunked1m, true));
        }
        HttpResponse<String> meanwhile = http.sendAsync(HttpRequest.newBuilder(DEPLOYMENT.uri("/events/" + eventId))
                        .header("Authorization", "Bearer " + customer().token()).timeout(ANSWERED_WITHIN).build(),
                HttpResponse.BodyHandlers.ofString()).get(ANSWERED_WITHIN.toSeconds(), TimeUnit.SECONDS);
        assertThat(meanwhile.statusCode()).isEqualTo(200);

        for (int i = 0; i < bad.size(); i++) {
            HttpResponse<String> answer = bad.get(i).get(ANSWERED_WITHIN.toSeconds(), TimeUnit.SECONDS);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode problem = JSON.readTree(answer.body());
            if (i % 5 < 2) {
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
                // The first null stops the read: seats[0] is named, with nothing past it read.
                assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("seats[0]");
            } else {
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
                assertThat(problem.path("type").asText()).isEqualTo("urn:boxoffice:problem:body-too-large");
            }
        }
        organizer.get("/events/" + eventId + "/seats").body("booked_seats", org.hamcrest.Matchers.equalTo(0))
                .body("held_seats", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void aNullSeatIsNamedAndAShortListStaysValid() throws Exception {
        String eventId = createEvent(organizer(), 100);

        HttpResponse<String> answer = send("/bookings", "{\"event_id\":\"" + eventId + "\",\"seats\":[1,null,3]}",
                false).get(ANSWERED_WITHIN.toSeconds(), TimeUnit.SECONDS);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(answer.body()).path("errors").get(0).path("field").asText()).isEqualTo("seats[1]");
        assertThat(send("/bookings", "{\"event_id\":\"" + eventId + "\",\"seats\":[1,2,3]}", true)
                .get(ANSWERED_WITHIN.toSeconds(), TimeUnit.SECONDS).statusCode()).isEqualTo(201);
    }

    @Test
    void aLayoutWithAnErrorOnEveryRowListsTheFirstHundred() throws Exception {
        // 5,000 rows, the most a layout may have (boxoffice.max-rows-per-layout), each with two errors.
        String body = layoutOfBrokenRows(5);
        assertThat(body.length()).isLessThan(1024 * 1024);

        HttpResponse<String> answer = send("/events", body, true).get(ANSWERED_WITHIN.toSeconds(), TimeUnit.SECONDS);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("errors").size()).isEqualTo(100);
        assertThat(problem.path("detail").asText()).contains("the first 100 are listed");
        assertThat(answer.body().length()).isLessThan(20_000);
    }

    @Test
    void aLayoutWithMoreRowsThanALayoutMayHaveIsRefusedBeforeItsRowsAreChecked() throws Exception {
        String body = layoutOfBrokenRows(20);
        assertThat(body.length()).isLessThan(1024 * 1024);

        HttpResponse<String> answer = send("/events", body, true).get(ANSWERED_WITHIN.toSeconds(), TimeUnit.SECONDS);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("errors").size()).isEqualTo(1);
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("layout");
        assertThat(problem.path("errors").get(0).path("message").asText()).contains("at most 5000 rows");
    }

    /** An event body whose layout has that many sections of 1,000 rows, each with a blank label and no seats. */
    private static String layoutOfBrokenRows(int sectionCount) {
        StringBuilder sections = new StringBuilder();
        for (int s = 0; s < sectionCount; s++) {
            sections.append(s == 0 ? "" : ",").append("{\"name\":\"S").append(s).append("\",\"rows\":[");
            for (int r = 0; r < 1_000; r++) {
                sections.append(r == 0 ? "" : ",").append("{\"label\":\"\",\"seats\":0}");
            }
            sections.append("]}");
        }
        return "{\"name\":\"Big\",\"date_time\":\"" + FUTURE + "\",\"venue\":\"Hall\",\"layout\":{\"sections\":["
                + sections + "]}}";
    }

    private CompletableFuture<HttpResponse<String>> send(String path, String body, boolean chunked) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Caller caller = path.equals("/events") ? organizer() : customer();
        HttpRequest.BodyPublisher publisher = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))
                : HttpRequest.BodyPublishers.ofByteArray(bytes);
        URI uri = DEPLOYMENT.uri(path);
        return http.sendAsync(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + caller.token()).timeout(ANSWERED_WITHIN)
                .POST(publisher).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String seatsOfNulls(String eventId, int count) {
        return "{\"event_id\":\"" + eventId + "\",\"seats\":[" + "null,".repeat(count - 1) + "null]}";
    }
}

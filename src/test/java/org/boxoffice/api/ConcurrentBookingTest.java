package org.boxoffice.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.api.ApiFixtures.createEvent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The seed's admitted race, closed: many clients book overlapping seats of one small event through
 * HTTP at the same time, and no seat is sold twice.
 */
@QuarkusTest
class ConcurrentBookingTest {

    private static final int CLIENTS = 48;
    private static final int ATTEMPTS_PER_CLIENT = 25;
    private static final int TOTAL_SEATS = 40;

    private final ObjectMapper json = new ObjectMapper();

    @TestHTTPResource("/")
    URI base;

    @Test
    void racingClientsNeverGetTheSameSeatAndEvery201IsStored() throws Exception {
        String eventId = createEvent(TOTAL_SEATS);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        ConcurrentLinkedQueue<JsonNode> created = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> otherStatuses = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                Random random = new Random(c);
                done.add(clients.submit(() -> {
                    start.await();
                    for (int i = 0; i < ATTEMPTS_PER_CLIENT; i++) {
                        HttpResponse<String> answer = http.send(bookingRequest(eventId, randomSeats(random)),
                                HttpResponse.BodyHandlers.ofString());
                        if (answer.statusCode() == 201) {
                            created.add(json.readTree(answer.body()));
                        } else if (answer.statusCode() != 409) {
                            otherStatuses.add(answer.statusCode());
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(3, TimeUnit.MINUTES);
            }
        } finally {
            clients.shutdownNow();
        }

        assertThat(otherStatuses).as("every answer is 201 or 409").isEmpty();
        assertThat(created).isNotEmpty();
        Map<Integer, String> owners = new HashMap<>();
        for (JsonNode booking : created) {
            String bookingId = booking.get("booking_id").asText();
            for (JsonNode seat : booking.get("seats")) {
                String previous = owners.put(seat.asInt(), bookingId);
                assertThat(previous).as("seat %d sold to %s and %s", seat.asInt(), previous, bookingId).isNull();
            }
            JsonNode stored = json.readTree(given().get("/bookings/" + bookingId).then().statusCode(200)
                    .extract().asString());
            assertThat(stored.get("seats")).isEqualTo(booking.get("seats"));
        }
        Map<String, Integer> counts = given().get("/events/" + eventId + "/seats").then().statusCode(200)
                .extract().as(Map.class);
        assertThat(counts.get("booked_seats")).isEqualTo(owners.size());
        assertThat(counts.get("booked_seats") + counts.get("held_seats") + counts.get("available_seats"))
                .isEqualTo(TOTAL_SEATS);
    }

    private HttpRequest bookingRequest(String eventId, List<Integer> seats) throws Exception {
        String body = json.writeValueAsString(Map.of("event_id", eventId, "seats", seats));
        return HttpRequest.newBuilder(base.resolve("/bookings"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static List<Integer> randomSeats(Random random) {
        List<Integer> seats = new ArrayList<>();
        int size = 1 + random.nextInt(3);
        while (seats.size() < size) {
            int seat = 1 + random.nextInt(TOTAL_SEATS);
            if (!seats.contains(seat)) {
                seats.add(seat);
            }
        }
        return seats;
    }
}

package org.boxoffice.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.boxoffice.testing.Concurrently;
import org.boxoffice.testing.ServiceProcess;
import org.junit.jupiter.api.Test;

/**
 * Several instances of the packaged service on one database, as a serverless deployment runs them:
 * they must share one truth, and a booking answered 201 must survive an instance being killed.
 */
class MultiInstanceIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    /** An instance of the packaged service on the run's database; a subclass may reach it another way. */
    protected ServiceProcess startInstance(String name) throws Exception {
        return ServiceProcess.start(name);
    }

    @Test
    void clientsRacingThroughTwoInstancesNeverGetTheSameSeat() throws Exception {
        try (ServiceProcess first = startInstance("instance-a");
                ServiceProcess second = startInstance("instance-b")) {
            List<ServiceProcess> instances = List.of(first, second);
            int totalSeats = 40;
            String eventId = createEvent(first, totalSeats);
            ConcurrentLinkedQueue<JsonNode> created = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Integer> unexpected = new ConcurrentLinkedQueue<>();

            Concurrently.run(32, client -> {
                Random random = new Random(client);
                for (int i = 0; i < 15; i++) {
                    ServiceProcess via = instances.get((client + i) % 2);
                    HttpResponse<String> answer = post(via, "/bookings", Map.of("event_id", eventId,
                            "seats", randomSeats(random, totalSeats)));
                    if (answer.statusCode() == 201) {
                        created.add(json.readTree(answer.body()));
                    } else if (answer.statusCode() != 409) {
                        unexpected.add(answer.statusCode());
                    }
                }
            });

            assertThat(unexpected).as("every answer is 201 or 409").isEmpty();
            assertThat(created).isNotEmpty();
            Map<Integer, String> owners = ownersOf(created);
            for (JsonNode booking : created) {
                for (ServiceProcess instance : instances) {
                    assertThat(get(instance, "/bookings/" + booking.get("booking_id").asText()).get("seats"))
                            .isEqualTo(booking.get("seats"));
                }
            }
            for (ServiceProcess instance : instances) {
                JsonNode counts = get(instance, "/events/" + eventId + "/seats");
                assertThat(counts.get("booked_seats").asInt()).isEqualTo(owners.size());
                assertThat(counts.get("booked_seats").asInt() + counts.get("held_seats").asInt()
                        + counts.get("available_seats").asInt()).isEqualTo(totalSeats);
            }
        }
    }

    @Test
    void killingAnInstanceMidLoadLosesNoBookingThatWasAnswered201() throws Exception {
        try (ServiceProcess victim = startInstance("instance-killed");
                ServiceProcess survivor = startInstance("instance-survivor")) {
            int totalSeats = 2_000;
            String eventId = createEvent(survivor, totalSeats);
            ConcurrentLinkedQueue<JsonNode> created = new ConcurrentLinkedQueue<>();
            AtomicBoolean killed = new AtomicBoolean();
            AtomicInteger lost = new AtomicInteger();
            int clients = 16;
            CountDownLatch halfway = new CountDownLatch(clients * 10);

            ExecutorService killer = Executors.newSingleThreadExecutor();
            Future<?> kill = killer.submit(() -> {
                halfway.await();
                victim.kill();
                killed.set(true);
                return null;
            });
            Concurrently.run(clients, client -> {
                Random random = new Random(client);
                for (int i = 0; i < 40; i++) {
                    ServiceProcess via = i % 2 == 0 ? victim : survivor;
                    try {
                        HttpResponse<String> answer = post(via, "/bookings", Map.of("event_id", eventId,
                                "seats", randomSeats(random, totalSeats)));
                        if (answer.statusCode() == 201) {
                            created.add(json.readTree(answer.body()));
                        } else {
                            assertThat(answer.statusCode()).isIn(409, 503);
                        }
                    } catch (IOException connectionLost) {
                        assertThat(via).isSameAs(victim);
                        lost.incrementAndGet();
                    }
                    halfway.countDown();
                }
            });
            kill.get(1, TimeUnit.MINUTES);
            killer.shutdown();
            assertThat(killed).isTrue();
            assertThat(lost.get()).as("requests cut off by the kill").isPositive();

            victim.restart();

            Map<Integer, String> owners = ownersOf(created);
            for (JsonNode booking : created) {
                assertThat(get(victim, "/bookings/" + booking.get("booking_id").asText()).get("status").asText())
                        .isEqualTo("confirmed");
            }
            JsonNode counts = get(victim, "/events/" + eventId + "/seats");
            // Bookings committed just before the kill may never have been answered: at least, never fewer.
            assertThat(counts.get("booked_seats").asInt()).isGreaterThanOrEqualTo(owners.size());
            assertThat(counts.get("booked_seats").asInt() + counts.get("held_seats").asInt()
                    + counts.get("available_seats").asInt()).isEqualTo(totalSeats);
        }
    }

    /**
     * Clients book through two instances while one of them cancels the event: every booking answered 201
     * is refunded in full, and none is accepted once the cancellation has answered 200.
     */
    @Test
    void noBookingThroughAnyInstanceSlipsPastTheEventsCancellation() throws Exception {
        try (ServiceProcess first = startInstance("instance-a");
                ServiceProcess second = startInstance("instance-b")) {
            List<ServiceProcess> instances = List.of(first, second);
            HttpResponse<String> created = post(first, "/events", Map.of("name", "Doomed", "date_time",
                    LocalDate.now().plusYears(1) + " 19:00", "venue", "Test Hall", "total_seats", 2_000,
                    "pricing", Map.of("currency", "EUR", "default", 1500)));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String eventId = json.readTree(created.body()).get("event_id").asText();
            ConcurrentLinkedQueue<String> booked = new ConcurrentLinkedQueue<>();
            AtomicBoolean cancelled = new AtomicBoolean();
            int clients = 8;

            Concurrently.run(clients + 1, client -> {
                if (client == clients) {
                    Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(5))
                            .until(() -> booked.size() >= 20);
                    HttpResponse<String> cancel = post(second, "/events/" + eventId + "/cancel", Map.of());
                    assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(200);
                    cancelled.set(true);
                    return;
                }
                for (int seat = client + 1; seat <= 2_000; seat += clients) {
                    boolean afterCancellation = cancelled.get();
                    HttpResponse<String> answer = post(instances.get(seat % 2), "/bookings",
                            Map.of("event_id", eventId, "seats", List.of(seat)));
                    if (answer.statusCode() == 409) {
                        assertThat(json.readTree(answer.body()).get("type").asText()).endsWith("event-cancelled");
                        return;
                    }
                    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
                    assertThat(afterCancellation).as("a booking accepted after the cancellation answered").isFalse();
                    booked.add(json.readTree(answer.body()).get("booking_id").asText());
                }
            });

            assertThat(booked).hasSizeGreaterThanOrEqualTo(20);
            int read = 0;
            for (String bookingId : booked) {
                JsonNode booking = get(instances.get(read++ % 2), "/bookings/" + bookingId);
                assertThat(booking.get("status").asText()).as(bookingId).isEqualTo("cancelled");
                assertThat(booking.at("/refunds/0/percent").asInt()).isEqualTo(100);
                assertThat(booking.at("/refunds/0/amount").asLong()).isEqualTo(1500);
            }
            JsonNode report = get(first, "/events/" + eventId + "/report");
            assertThat(report.get("bookings").asInt()).isEqualTo(booked.size());
            assertThat(report.at("/gross/amount").asLong()).isEqualTo(1500L * booked.size());
            assertThat(report.at("/net/amount").asLong()).isZero();
            assertThat(get(second, "/events/" + eventId + "/seats").get("booked_seats").asInt()).isZero();
        }
    }

    private static Map<Integer, String> ownersOf(Iterable<JsonNode> bookings) {
        Map<Integer, String> owners = new HashMap<>();
        for (JsonNode booking : bookings) {
            String id = booking.get("booking_id").asText();
            for (JsonNode seat : booking.get("seats")) {
                String previous = owners.put(seat.asInt(), id);
                assertThat(previous).as("seat %d sold to %s and %s", seat.asInt(), previous, id).isNull();
            }
        }
        return owners;
    }

    private String createEvent(ServiceProcess instance, int totalSeats) throws Exception {
        HttpResponse<String> created = post(instance, "/events", Map.of("name", "Multi-instance on-sale",
                "date_time", LocalDate.now().plusYears(1) + " 19:00", "venue", "Test Hall",
                "total_seats", totalSeats));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).get("event_id").asText();
    }

    private HttpResponse<String> post(ServiceProcess instance, String path, Object body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(instance.uri(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(ServiceProcess instance, String path) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(instance.uri(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
        return json.readTree(answer.body());
    }

    private static List<Integer> randomSeats(Random random, int totalSeats) {
        List<Integer> seats = new ArrayList<>();
        int size = 1 + random.nextInt(3);
        while (seats.size() < size) {
            int seat = 1 + random.nextInt(totalSeats);
            if (!seats.contains(seat)) {
                seats.add(seat);
            }
        }
        return seats;
    }
}
